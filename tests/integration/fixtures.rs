//! Builders for catalog files in every format the readers take, written into a temporary
//! folder by the tests themselves.

use rust_xlsxwriter::Workbook;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The three-row table behind `tests/fixtures/small.*`: header and rows as text.
pub const SMALL_HEADER: [&str; 4] = [
    "Course Code",
    "Course Name",
    "Course Description",
    "Contact Hours",
];
/// Rows of the small table.
pub const SMALL_ROWS: [[&str; 4]; 3] = [
    [
        "F1",
        "Attachment and Infant Mental Health",
        "Attachment theory, the parent-infant relationship and social-emotional development in the first three years.",
        "3",
    ],
    [
        "F2",
        "Reflective Supervision Basics",
        "An introduction to reflective supervision and consultation: the supervisory relationship and parallel process.",
        "6",
    ],
    ["F3", "CPR Certification", "Adult and pediatric CPR.", "4"],
];

/// A kept fixture file.
pub fn fixture(name: &str) -> PathBuf {
    crate::common::root().join("tests/fixtures").join(name)
}

/// Writes an xlsx with the given rows (first row first) into `path`, numbers as numbers.
pub fn write_xlsx(path: &Path, sheet: &str, rows: &[Vec<String>]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(sheet).expect("sheet name");
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            if value.is_empty() {
                continue;
            }
            match value.parse::<f64>() {
                Ok(n) => ws.write_number(r as u32, c as u16, n).expect("write"),
                Err(_) => ws.write_string(r as u32, c as u16, value).expect("write"),
            };
        }
    }
    wb.save(path).expect("save xlsx");
}

/// The small table as rows of strings, header first.
pub fn small_rows() -> Vec<Vec<String>> {
    std::iter::once(SMALL_HEADER.iter().map(|s| s.to_string()).collect())
        .chain(
            SMALL_ROWS
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect()),
        )
        .collect()
}

/// Writes a minimal xlsb workbook (MS-XLSB records) with one sheet of the given rows.
pub fn write_xlsb(path: &Path, sheet: &str, rows: &[Vec<String>]) {
    let file = std::fs::File::create(path).expect("create xlsb");
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", options).expect("zip");
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/worksheets/sheet1.bin" ContentType="application/vnd.ms-excel.worksheet"/></Types>"#).expect("zip");
    zip.start_file("_rels/.rels", options).expect("zip");
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>"#).expect("zip");
    zip.start_file("xl/_rels/workbook.bin.rels", options)
        .expect("zip");
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.bin"/></Relationships>"#).expect("zip");

    let mut book = Vec::new();
    record(&mut book, 0x0083, &[]); // BrtBeginBook
    record(&mut book, 0x008F, &[]); // BrtBeginBundleShs
    let mut bundle = Vec::new();
    bundle.extend_from_slice(&0u32.to_le_bytes()); // visible
    bundle.extend_from_slice(&1u32.to_le_bytes()); // tab id
    wide(&mut bundle, "rId1");
    wide(&mut bundle, sheet);
    record(&mut book, 0x009C, &bundle); // BrtBundleSh
    record(&mut book, 0x0090, &[]); // BrtEndBundleShs
    record(&mut book, 0x009D, &[0u8; 26]); // BrtCalcProp
    record(&mut book, 0x0084, &[]); // BrtEndBook
    zip.start_file("xl/workbook.bin", options).expect("zip");
    zip.write_all(&book).expect("zip");

    let mut ws = Vec::new();
    record(&mut ws, 0x0081, &[]); // BrtBeginSheet
    let last_col = rows
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(1)
        .saturating_sub(1) as u32;
    let mut dim = Vec::new();
    for v in [0u32, rows.len().saturating_sub(1) as u32, 0, last_col] {
        dim.extend_from_slice(&v.to_le_bytes());
    }
    record(&mut ws, 0x0094, &dim); // BrtWsDim
    record(&mut ws, 0x0091, &[]); // BrtBeginSheetData
    for (r, row) in rows.iter().enumerate() {
        let mut header = (r as u32).to_le_bytes().to_vec();
        header.extend_from_slice(&[0u8; 13]);
        record(&mut ws, 0x0000, &header); // BrtRowHdr
        for (c, value) in row.iter().enumerate() {
            if value.is_empty() {
                continue;
            }
            let mut cell = (c as u32).to_le_bytes().to_vec();
            cell.extend_from_slice(&[0u8; 4]); // style 0, no flags
            match value.parse::<f64>() {
                Ok(n) => {
                    cell.extend_from_slice(&n.to_le_bytes());
                    record(&mut ws, 0x0005, &cell); // BrtCellReal
                }
                Err(_) => {
                    wide(&mut cell, value);
                    record(&mut ws, 0x0006, &cell); // BrtCellSt
                }
            }
        }
    }
    record(&mut ws, 0x0092, &[]); // BrtEndSheetData
    record(&mut ws, 0x0082, &[]); // BrtEndSheet
    zip.start_file("xl/worksheets/sheet1.bin", options)
        .expect("zip");
    zip.write_all(&ws).expect("zip");
    zip.finish().expect("finish xlsb");
}

fn record(out: &mut Vec<u8>, typ: u16, payload: &[u8]) {
    if typ < 0x80 {
        out.push(typ as u8);
    } else {
        out.push((typ & 0x7F) as u8 | 0x80);
        out.push((typ >> 7) as u8);
    }
    let mut len = payload.len();
    loop {
        let byte = (len & 0x7F) as u8;
        len >>= 7;
        if len == 0 {
            out.push(byte);
            break;
        }
        out.push(byte | 0x80);
    }
    out.extend_from_slice(payload);
}

fn wide(out: &mut Vec<u8>, text: &str) {
    let units: Vec<u16> = text.encode_utf16().collect();
    out.extend_from_slice(&(units.len() as u32).to_le_bytes());
    for u in units {
        out.extend_from_slice(&u.to_le_bytes());
    }
}

/// Writes text rows joined by `delimiter`, quoting fields that need it, encoded by `encode`.
pub fn write_text_table(
    path: &Path,
    rows: &[Vec<String>],
    delimiter: char,
    encode: impl Fn(&str) -> Vec<u8>,
) {
    let mut text = String::new();
    for row in rows {
        let fields: Vec<String> = row
            .iter()
            .map(|f| {
                if f.contains(delimiter) || f.contains('"') || f.contains('\n') {
                    format!("\"{}\"", f.replace('"', "\"\""))
                } else {
                    f.clone()
                }
            })
            .collect();
        text.push_str(&fields.join(&delimiter.to_string()));
        text.push_str("\r\n");
    }
    std::fs::write(path, encode(&text)).expect("write text table");
}
