//! Workbooks through calamine: every worksheet becomes a `RawSheet` whose row numbers are the
//! ones a spreadsheet program shows (calamine's ranges start at the first used cell).

use super::{Cell, Format, RawRow, RawSheet};
use crate::error::{Error, Result};
use calamine::{Data, Ods, Reader, SheetType, SheetVisible, Xls, Xlsb, Xlsx};
use std::io::Cursor;
use std::path::Path;

/// Reads every worksheet of a workbook, and says which format the container turned out to be.
pub fn read(bytes: Vec<u8>, format: Format, path: &Path) -> Result<(Vec<RawSheet>, Format)> {
    let cursor = Cursor::new(bytes);
    let fail = |what: &str, e: &dyn std::fmt::Display| Error::Catalog {
        path: path.to_path_buf(),
        message: format!(
            "cannot open the {what} workbook: {}",
            one_line(&e.to_string())
        ),
    };
    match format {
        Format::Xls => {
            let mut wb: Xls<_> =
                calamine::open_workbook_from_rs(cursor).map_err(|e| fail("xls", &e))?;
            Ok((sheets(&mut wb, path)?, Format::Xls))
        }
        _ => {
            // A zip container: xlsx/xlsm, then ods, then xlsb.
            if let Ok(mut wb) = calamine::open_workbook_from_rs::<Xlsx<_>, _>(cursor.clone()) {
                return Ok((sheets(&mut wb, path)?, Format::Xlsx));
            }
            if let Ok(mut wb) = calamine::open_workbook_from_rs::<Ods<_>, _>(cursor.clone()) {
                return Ok((sheets(&mut wb, path)?, Format::Ods));
            }
            match calamine::open_workbook_from_rs::<Xlsb<_>, _>(cursor) {
                Ok(mut wb) => Ok((sheets(&mut wb, path)?, Format::Xlsb)),
                Err(_) => Err(Error::Catalog {
                    path: path.to_path_buf(),
                    message: "a zip archive that is not a readable xlsx, xlsm, xlsb or ods workbook (damaged or another kind of zip)".to_string(),
                }),
            }
        }
    }
}

fn sheets<R, RS>(wb: &mut R, path: &Path) -> Result<Vec<RawSheet>>
where
    R: Reader<RS>,
    RS: std::io::Read + std::io::Seek,
    R::Error: std::fmt::Display,
{
    let metadata = wb.sheets_metadata().to_vec();
    let mut out = Vec::new();
    for sheet in metadata {
        if sheet.typ != SheetType::WorkSheet {
            continue;
        }
        let range = wb
            .worksheet_range(&sheet.name)
            .map_err(|e| Error::Catalog {
                path: path.to_path_buf(),
                message: format!(
                    "sheet '{}': cannot read: {}",
                    sheet.name,
                    one_line(&e.to_string())
                ),
            })?;
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        let mut rows = Vec::with_capacity(range.height());
        for (i, row) in range.rows().enumerate() {
            let mut cells = Vec::with_capacity(first_col as usize + row.len());
            cells.resize(first_col as usize, Cell::Empty);
            cells.extend(row.iter().map(convert));
            rows.push(RawRow {
                number: first_row + i as u32 + 1,
                cells,
            });
        }
        out.push(RawSheet {
            name: Some(sheet.name.clone()),
            hidden: sheet.visible != SheetVisible::Visible,
            rows,
        });
    }
    Ok(out)
}

fn convert(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => {
            if s.trim().is_empty() {
                Cell::Empty
            } else {
                Cell::Text(s.clone())
            }
        }
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => {
            if dt.is_duration() {
                Cell::Duration(dt.as_f64() * 24.0)
            } else {
                match dt.as_datetime() {
                    Some(d) => Cell::Date(d.date()),
                    None => Cell::Number(dt.as_f64()),
                }
            }
        }
        Data::DateTimeIso(s) => {
            match chrono::NaiveDate::parse_from_str(&s[..s.len().min(10)], "%Y-%m-%d") {
                Ok(d) => Cell::Date(d),
                Err(_) => Cell::Text(s.clone()),
            }
        }
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(format!("{e}")),
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
