//! Workbooks through calamine. Row numbers are the ones a spreadsheet program shows.
//!
//! A zipped workbook is checked before calamine opens it: the uncompressed sizes declared in
//! its directory must stay under a limit, so a small file that expands to gigabytes is refused
//! unread. xlsx and xlsb sheets are read cell by cell (calamine's cell readers) into sparse
//! rows, so a lone cell at XFD1048576 costs one cell, not a dense range; xls and ods go through
//! calamine's ranges. Every sheet holds to the cell and column limits. A value merged down
//! over several rows is repeated into each of them.

use super::{Cell, Format, Limits, RawSheet, SheetBuilder};
use crate::error::{Error, Result};
use calamine::{
    Data, DataRef, Dimensions, Ods, Range, Reader, SheetType, SheetVisible, Xls, Xlsb, Xlsx,
};
use std::io::Cursor;
use std::path::Path;

type Bytes = Cursor<Vec<u8>>;

/// Reads every worksheet of a workbook, and says which format the container turned out to be.
///
/// A reader that panics on a malformed file (calamine's do, on some damaged xls files) is
/// caught here and reported as a damaged file, like any other reading error.
pub fn read(
    bytes: Vec<u8>,
    format: Format,
    path: &Path,
    limits: &Limits,
) -> Result<(Vec<RawSheet>, Format)> {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_unguarded(bytes, format, path, limits)
    }));
    outcome.unwrap_or_else(|payload| {
        let detail = crate::error::panic_message(payload.as_ref());
        Err(Error::Catalog {
            path: path.to_path_buf(),
            message: format!(
                "the {} workbook is damaged: the reader failed on it ({})",
                if format == Format::Xls {
                    "xls"
                } else {
                    "zipped"
                },
                one_line(&detail)
            ),
        })
    })
}

fn read_unguarded(
    bytes: Vec<u8>,
    format: Format,
    path: &Path,
    limits: &Limits,
) -> Result<(Vec<RawSheet>, Format)> {
    let fail = |message: String| Error::Catalog {
        path: path.to_path_buf(),
        message,
    };
    let cursor = Cursor::new(bytes);
    let mut cells = 0u64;
    if format == Format::Xls {
        let mut wb: Xls<_> = calamine::open_workbook_from_rs(cursor)
            .map_err(|e| fail(format!("cannot open the xls workbook: {}", one_line(&e))))?;
        let sheets = ranged_sheets(&mut wb, limits, &mut cells, |wb, name| {
            wb.merge_cells_by_sheet_name(name).unwrap_or_default()
        })
        .map_err(fail)?;
        return Ok((sheets, Format::Xls));
    }

    check_zip(cursor.get_ref(), limits).map_err(fail)?;
    if let Ok(mut wb) = calamine::open_workbook_from_rs::<Xlsx<_>, _>(cursor.clone()) {
        return Ok((
            xlsx_sheets(&mut wb, limits, &mut cells).map_err(fail)?,
            Format::Xlsx,
        ));
    }
    if let Ok(mut wb) = calamine::open_workbook_from_rs::<Ods<_>, _>(cursor.clone()) {
        let sheets = ranged_sheets(&mut wb, limits, &mut cells, |_, _| Vec::new()).map_err(fail)?;
        return Ok((sheets, Format::Ods));
    }
    match calamine::open_workbook_from_rs::<Xlsb<_>, _>(cursor) {
        Ok(mut wb) => Ok((xlsb_sheets(&mut wb, limits, &mut cells).map_err(fail)?, Format::Xlsb)),
        Err(_) => Err(fail(
            "a zip archive that is not a readable xlsx, xlsm, xlsb or ods workbook (damaged or another kind of zip)"
                .to_string(),
        )),
    }
}

/// Refuses a zip whose parts would expand past the limit, or that has too many parts.
fn check_zip(bytes: &[u8], limits: &Limits) -> std::result::Result<(), String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        format!(
            "a damaged or truncated zip archive, not a readable workbook ({})",
            one_line(&e)
        )
    })?;
    if archive.len() > limits.max_zip_entries {
        return Err(format!(
            "the workbook has {} parts, more than the {} crosswalk reads",
            archive.len(),
            limits.max_zip_entries
        ));
    }
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive
            .by_index_raw(i)
            .map_err(|e| format!("a damaged zip archive ({})", one_line(&e)))?;
        if entry.encrypted() {
            return Err(
                "the workbook is encrypted (password-protected): save a copy without a password and read that"
                    .to_string(),
            );
        }
        total = total.saturating_add(entry.size());
    }
    if total > limits.max_unzipped_bytes {
        return Err(format!(
            "the workbook would expand to {} MiB, more than the {} MiB crosswalk reads (refused unread; the limit is set with --max-unzipped-mb)",
            total / (1024 * 1024),
            limits.max_unzipped_bytes / (1024 * 1024)
        ));
    }
    Ok(())
}

fn worksheets(metadata: &[calamine::Sheet]) -> Vec<(String, bool)> {
    metadata
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| (s.name.clone(), s.visible != SheetVisible::Visible))
        .collect()
}

fn xlsx_sheets(
    wb: &mut Xlsx<Bytes>,
    limits: &Limits,
    cells: &mut u64,
) -> std::result::Result<Vec<RawSheet>, String> {
    let mut out = Vec::new();
    for (name, hidden) in worksheets(wb.sheets_metadata()) {
        let merges = wb.merge_cells_by_sheet_name(&name).unwrap_or_default();
        let mut sheet = SheetBuilder::new(Some(name.clone()), hidden, limits, cells);
        let mut reader = wb
            .worksheet_cells_reader(&name)
            .map_err(|e| unreadable(&name, &e))?;
        stream_cells(&mut sheet, &name, || reader.next_cell())?;
        out.push(fill_merged(sheet.finish(), &merges));
    }
    Ok(out)
}

fn xlsb_sheets(
    wb: &mut Xlsb<Bytes>,
    limits: &Limits,
    cells: &mut u64,
) -> std::result::Result<Vec<RawSheet>, String> {
    let mut out = Vec::new();
    for (name, hidden) in worksheets(wb.sheets_metadata()) {
        let mut sheet = SheetBuilder::new(Some(name.clone()), hidden, limits, cells);
        let mut reader = wb
            .worksheet_cells_reader(&name)
            .map_err(|e| unreadable(&name, &e))?;
        stream_cells(&mut sheet, &name, || reader.next_cell())?;
        out.push(sheet.finish());
    }
    Ok(out)
}

/// Feeds the cells a calamine cell reader yields into a sheet, one at a time.
fn stream_cells<'a, E: std::fmt::Display>(
    sheet: &mut SheetBuilder<'_>,
    name: &str,
    mut next: impl FnMut() -> std::result::Result<Option<calamine::Cell<DataRef<'a>>>, E>,
) -> std::result::Result<(), String> {
    while let Some(cell) = next().map_err(|e| unreadable(name, &e))? {
        let (row, col) = cell.get_position();
        sheet
            .set(row + 1, col, convert_ref(cell.get_value()))
            .map_err(|m| format!("sheet '{name}': {m}"))?;
    }
    Ok(())
}

fn unreadable(name: &str, e: &dyn std::fmt::Display) -> String {
    format!("sheet '{name}': cannot read: {}", one_line(e))
}

fn ranged_sheets<R>(
    wb: &mut R,
    limits: &Limits,
    cells: &mut u64,
    merges_of: impl Fn(&mut R, &str) -> Vec<Dimensions>,
) -> std::result::Result<Vec<RawSheet>, String>
where
    R: Reader<Bytes>,
    R::Error: std::fmt::Display,
{
    let mut out = Vec::new();
    for (name, hidden) in worksheets(wb.sheets_metadata()) {
        let range: Range<Data> = wb
            .worksheet_range(&name)
            .map_err(|e| format!("sheet '{name}': cannot read: {}", one_line(&e)))?;
        let merges = merges_of(wb, &name);
        let mut sheet = SheetBuilder::new(Some(name.clone()), hidden, limits, cells);
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        for (row, col, value) in range.used_cells() {
            let number = first_row + row as u32 + 1;
            sheet
                .set(number, first_col + col as u32, convert(value))
                .map_err(|m| format!("sheet '{name}': {m}"))?;
        }
        if let (Some((r0, _)), Some((r1, _))) = (range.start(), range.end()) {
            sheet.touch(r0 + 1);
            sheet.touch(r1 + 1);
        }
        out.push(fill_merged(sheet.finish(), &merges));
    }
    Ok(out)
}

/// Repeats the top-left value of a region merged over several rows into the rows below it,
/// in the region's first column.
fn fill_merged(mut sheet: RawSheet, merges: &[Dimensions]) -> RawSheet {
    for region in merges {
        let (r0, c0) = region.start;
        let (r1, _) = region.end;
        if r1 <= r0 {
            continue;
        }
        let (top, col) = (r0 + 1, c0 as usize);
        let Some(value) = sheet
            .rows
            .iter()
            .find(|r| r.number == top)
            .and_then(|r| r.cells.get(col))
            .filter(|c| !c.is_blank())
            .cloned()
        else {
            continue;
        };
        for row in sheet
            .rows
            .iter_mut()
            .filter(|r| r.number > top && r.number <= r1 + 1)
        {
            if row.cells.len() <= col {
                row.cells.resize(col + 1, Cell::Empty);
            }
            if row.cells[col].is_blank() {
                row.cells[col] = value.clone();
            }
        }
    }
    sheet
}

fn date_cell(dt: &calamine::ExcelDateTime) -> Cell {
    if dt.is_duration() {
        Cell::Duration(dt.as_f64() * 24.0)
    } else {
        match dt.as_datetime() {
            Some(d) => Cell::Date(d.date()),
            None => Cell::Number(dt.as_f64()),
        }
    }
}

fn iso_date(s: &str) -> Cell {
    match chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d") {
        Ok(d) => Cell::Date(d),
        Err(_) => Cell::Text(s.to_string()),
    }
}

fn text(s: &str) -> Cell {
    if s.trim().is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

fn convert_ref(data: &DataRef<'_>) -> Cell {
    match data {
        DataRef::Empty => Cell::Empty,
        DataRef::String(s) => text(s),
        DataRef::SharedString(s) => text(s),
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => date_cell(dt),
        DataRef::DateTimeIso(s) => iso_date(s),
        DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Error(e) => Cell::Error(format!("{e}")),
    }
}

fn convert(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => text(s),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => date_cell(dt),
        Data::DateTimeIso(s) => iso_date(s),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(format!("{e}")),
    }
}

fn one_line(e: &dyn std::fmt::Display) -> String {
    e.to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
