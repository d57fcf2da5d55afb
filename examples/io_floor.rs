//! The I/O floor for a catalog, in two forms, each timed inside the program:
//!
//! - `copy`: read every cell of the catalog with calamine and write the same cells to a new
//!   workbook with rust_xlsxwriter;
//! - `output`: read the catalog with calamine, then write a workbook holding the same cells as
//!   a given crosswalk output workbook (every sheet), which is the writing crosswalk must do
//!   at the least. The reference workbook is loaded before the clock starts.
//!
//! `cargo run --release --example io_floor -- IN.xlsx OUT.xlsx [REFERENCE.xlsx] [--zip-level N]`
//! prints the seconds taken. Without `--zip-level` the workbook is saved at rust_xlsxwriter's
//! default level (6); crosswalk saves at `crosswalk::report::sheet::ZIP_LEVEL`.

use calamine::{Data, Range, Reader, Xlsx, open_workbook};
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};
use std::error::Error;
use std::time::Instant;

/// Every sheet of a workbook: its name and its cells.
type Sheets = Vec<(String, Range<Data>)>;

fn sheets(path: &str) -> Result<Sheets, Box<dyn Error>> {
    let mut wb: Xlsx<_> = open_workbook(path)?;
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name)?;
        out.push((name, range));
    }
    Ok(out)
}

fn write_range(ws: &mut Worksheet, range: &Range<Data>) -> Result<(), XlsxError> {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    for (r, c, cell) in range.used_cells() {
        let (r, c) = (r0 + r as u32, (c0 as usize + c) as u16);
        match cell {
            Data::String(s) => ws.write_string(r, c, s)?,
            Data::Float(f) => ws.write_number(r, c, *f)?,
            Data::Int(i) => ws.write_number(r, c, *i as f64)?,
            other => ws.write_string(r, c, other.to_string())?,
        };
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut args: Vec<String> = std::env::args().collect();
    let mut zip_level = None;
    if let Some(at) = args.iter().position(|a| a == "--zip-level") {
        let level: u8 = args
            .get(at + 1)
            .and_then(|l| l.parse().ok())
            .ok_or("--zip-level takes a number from 1 to 9")?;
        zip_level = Some(level);
        args.drain(at..at + 2);
    }
    let (input, output) = match (args.get(1), args.get(2)) {
        (Some(i), Some(o)) => (i.clone(), o.clone()),
        _ => {
            return Err("usage: io_floor IN.xlsx OUT.xlsx [REFERENCE.xlsx] [--zip-level N]".into());
        }
    };
    let reference = args.get(3).map(|r| sheets(r)).transpose()?;

    let start = Instant::now();
    let catalog = sheets(&input)?;
    let mut out = Workbook::new();
    if let Some(level) = zip_level {
        out.set_zip_compression_level(level);
    }
    match &reference {
        None => {
            for (name, range) in &catalog {
                let ws = out.add_worksheet();
                ws.set_name(name)?;
                write_range(ws, range)?;
            }
        }
        Some(reference) => {
            for (name, range) in reference {
                let ws = out.add_worksheet();
                ws.set_name(name)?;
                write_range(ws, range)?;
            }
        }
    }
    out.save(&output)?;
    println!("{:.3}", start.elapsed().as_secs_f64());
    Ok(())
}
