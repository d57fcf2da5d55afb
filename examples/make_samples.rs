//! Writes `samples/agency-catalog.xlsx` from `samples/agency-catalog.csv`, messy in the
//! ordinary ways: a title and a note above the header, a blank row, real date cells, hours as
//! numbers in most rows and as text in some, a total row, and a second sheet of notes.
//!
//! Run with `cargo run --example make_samples`.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::error::Error;

fn main() -> Result<(), Box<dyn Error>> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut reader = csv::Reader::from_path(format!("{root}/samples/agency-catalog.csv"))?;
    let headers: Vec<String> = reader.headers()?.iter().map(str::to_string).collect();
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;

    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(16);
    let date = Format::new().set_num_format("mm/dd/yyyy");
    let wrap = Format::new().set_text_wrap();

    let ws = wb.add_worksheet();
    ws.set_name("Catalog 2025-26")?;
    ws.write_string_with_format(
        0,
        0,
        "Lakeshore Family Services - Training Catalog 2025-2026",
        &title,
    )?;
    ws.write_string(
        1,
        0,
        "Clock hours as approved by the training office. Register through the staff portal.",
    )?;
    let header_row = 3;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(header_row, c as u16, h, &bold)?;
    }
    ws.set_column_width(1, 40)?;
    ws.set_column_width(2, 80)?;
    let mut row = header_row + 1;
    let mut total = 0.0;
    for (i, record) in rows.iter().enumerate() {
        if i == 20 {
            row += 1; // a blank row in the middle, as people leave them
        }
        for (c, value) in record.iter().enumerate() {
            let c16 = c as u16;
            match headers[c].as_str() {
                "Clock Hours" => match value.parse::<f64>() {
                    // Every seventh numeric row keeps its hours as text, as typed by hand.
                    Ok(n) if i % 7 != 3 => {
                        ws.write_number(row, c16, n)?;
                        total += n;
                    }
                    _ => {
                        ws.write_string(row, c16, value)?;
                    }
                },
                "Date" if !value.is_empty() => {
                    let d = ExcelDateTime::parse_from_str(value)?;
                    ws.write_datetime_with_format(row, c16, &d, &date)?;
                }
                "Description" => {
                    ws.write_string_with_format(row, c16, value, &wrap)?;
                }
                _ if !value.is_empty() => {
                    ws.write_string(row, c16, value)?;
                }
                _ => {}
            }
        }
        row += 1;
    }
    ws.write_string_with_format(row, 1, "Total", &bold)?;
    ws.write_number_with_format(row, 3, total, &bold)?;

    let notes = wb.add_worksheet();
    notes.set_name("Notes")?;
    notes.write_string(
        0,
        0,
        "Questions about registration: training office, extension 214.",
    )?;
    notes.write_string(1, 0, "Sessions marked Hybrid can be joined online.")?;

    wb.save(format!("{root}/samples/agency-catalog.xlsx"))?;
    println!(
        "wrote samples/agency-catalog.xlsx ({} trainings)",
        rows.len()
    );
    Ok(())
}
