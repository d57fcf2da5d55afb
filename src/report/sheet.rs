//! Helpers the workbook writers share: cell text within the format's limits, header rows,
//! page setup, the house header style, and the Skipped rows sheet.

use super::SkippedReport;
use super::workbook::cell_text;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

/// The zip level every crosswalk workbook is saved at. Compressing the sheets' XML is the
/// largest single cost of saving a large workbook, and it runs on one core; level 3 takes
/// about two thirds of the time of the default level 6 for a file about a tenth larger.
pub const ZIP_LEVEL: u8 = 3;

/// A new, empty workbook saved at [`ZIP_LEVEL`].
pub fn new_workbook() -> Workbook {
    let mut wb = Workbook::new();
    wb.set_zip_compression_level(ZIP_LEVEL);
    wb
}

/// The About sheet's line naming the tool and its version.
pub fn tool_line(tool: &super::ToolInfo) -> (String, String) {
    (
        "Tool".to_string(),
        format!("{} {}", tool.name, tool.version),
    )
}

/// The About sheet's lines naming each input file, its format and its SHA-256.
pub fn input_lines(inputs: &[super::InputReport]) -> impl Iterator<Item = (String, String)> + '_ {
    inputs.iter().map(|input| {
        (
            "Input".to_string(),
            format!(
                "{} ({}), SHA-256 {}",
                input.file, input.format, input.sha256
            ),
        )
    })
}

/// What writing one sheet returns.
pub type Sheet = std::result::Result<(), XlsxError>;

/// The header style: white bold text on dark blue, wrapped, with a thin border.
pub fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0x1F4E79))
        .set_font_color(Color::White)
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
}

/// Green: a requirement met, an area taught.
pub fn met_format() -> Format {
    Format::new()
        .set_background_color(Color::RGB(0xC6EFCE))
        .set_font_color(Color::RGB(0x006100))
}

/// Amber: short, or weakly covered.
pub fn short_format() -> Format {
    Format::new()
        .set_background_color(Color::RGB(0xFFEB9C))
        .set_font_color(Color::RGB(0x9C5700))
}

/// Red: nothing qualifies, nothing covers.
pub fn missing_format() -> Format {
    Format::new()
        .set_background_color(Color::RGB(0xFFC7CE))
        .set_font_color(Color::RGB(0x9C0006))
}

/// Grey italic notes.
pub fn note_format() -> Format {
    Format::new()
        .set_italic()
        .set_font_color(Color::RGB(0x595959))
}

/// Writes input text as a string cell, cut to the format's limit with a visible marker.
/// Empty text writes nothing (no styled blank cell).
pub fn put(ws: &mut Worksheet, row: u32, col: u16, text: &str, format: &Format) -> Sheet {
    if text.is_empty() {
        return Ok(());
    }
    ws.write_string_with_format(row, col, cell_text(text), format)?;
    Ok(())
}

/// Writes input text as a string cell in the workbook's default style, cut like [`put`].
pub fn put_plain(ws: &mut Worksheet, row: u32, col: u16, text: &str) -> Sheet {
    ws.write_string(row, col, cell_text(text))?;
    Ok(())
}

/// Writes a header row and sets the column widths.
pub fn headers(ws: &mut Worksheet, row: u32, cols: &[(&str, f64)], header: &Format) -> Sheet {
    for (c, (name, width)) in cols.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *name, header)?;
        ws.set_column_width(c as u16, *width)?;
    }
    Ok(())
}

/// Print setup: landscape, one page wide.
pub fn page(ws: &mut Worksheet) {
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
}

/// The Skipped rows sheet: every row not used, with file, sheet, row (or run) and reason.
pub fn skipped_rows(ws: &mut Worksheet, skipped: &[SkippedReport], header: &Format) -> Sheet {
    ws.set_name("Skipped rows")?;
    headers(
        ws,
        0,
        &[
            ("File", 22.0),
            ("Sheet", 14.0),
            ("Row", 10.0),
            ("Reason", 36.0),
            ("Row begins with", 60.0),
        ],
        header,
    )?;
    for (i, s) in skipped.iter().enumerate() {
        let row = i as u32 + 1;
        put_plain(ws, row, 0, &s.source.file)?;
        put_plain(ws, row, 1, s.source.sheet.as_deref().unwrap_or(""))?;
        match s.through_row {
            Some(last) => put_plain(ws, row, 2, &format!("{}-{last}", s.source.row))?,
            None => {
                ws.write_number(row, 2, f64::from(s.source.row))?;
            }
        }
        put_plain(ws, row, 3, &s.reason)?;
        put_plain(ws, row, 4, &s.preview)?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, skipped.len().max(1) as u32, 4)?;
    page(ws);
    Ok(())
}

/// An About sheet: a title, then one (label, value) pair a row.
pub fn about_sheet(
    ws: &mut Worksheet,
    lines: &[(String, String)],
    title: &Format,
    header: &Format,
    wrap: &Format,
) -> Sheet {
    ws.set_name("About")?;
    page(ws);
    ws.set_column_width(0, 24)?;
    ws.set_column_width(1, 100)?;
    put(ws, 0, 0, "About this workbook", title)?;
    for (i, (label, value)) in lines.iter().enumerate() {
        put(ws, 1 + i as u32, 0, label, header)?;
        put(ws, 1 + i as u32, 1, value, wrap)?;
    }
    Ok(())
}
