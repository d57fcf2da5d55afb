//! The I/O floor for a catalog: read every cell of the first sheet with calamine and write the
//! same cells to a new workbook with rust_xlsxwriter, doing nothing else. `crosswalk audit`
//! cannot be faster than this; `scripts/bench.sh` times both.
//!
//! `cargo run --release --example io_floor -- IN.xlsx OUT.xlsx`

use calamine::{Data, Reader, Xlsx, open_workbook};
use rust_xlsxwriter::Workbook;
use std::error::Error;

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (input, output) = match (args.get(1), args.get(2)) {
        (Some(i), Some(o)) => (i, o),
        _ => return Err("usage: io_floor IN.xlsx OUT.xlsx".into()),
    };
    let mut wb: Xlsx<_> = open_workbook(input)?;
    let name = wb.sheet_names().first().cloned().ok_or("no sheet")?;
    let range = wb.worksheet_range(&name)?;
    let mut out = Workbook::new();
    let ws = out.add_worksheet();
    for (r, row) in range.rows().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                Data::String(s) => {
                    ws.write_string(r, c, s)?;
                }
                Data::Float(f) => {
                    ws.write_number(r, c, *f)?;
                }
                Data::Int(i) => {
                    ws.write_number(r, c, *i as f64)?;
                }
                Data::Empty => {}
                other => {
                    ws.write_string(r, c, other.to_string())?;
                }
            }
        }
    }
    out.save(output)?;
    Ok(())
}
