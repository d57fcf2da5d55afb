//! Tells a file's format from its first bytes, so a renamed file is read for what it is.

use serde::Serialize;
use std::path::Path;

/// A catalog file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A zip container: xlsx, xlsm, xlsb or ods (which one is settled when opened).
    Zip,
    /// Office Open XML workbook (xlsx or xlsm).
    Xlsx,
    /// Excel binary workbook.
    Xlsb,
    /// OpenDocument spreadsheet.
    Ods,
    /// Legacy Excel 97-2003 workbook.
    Xls,
    /// Comma- or semicolon-separated text.
    Csv,
    /// Tab-separated text.
    Tsv,
}

impl Format {
    /// The usual file extension.
    pub fn name(self) -> &'static str {
        match self {
            Format::Zip => "zip",
            Format::Xlsx => "xlsx",
            Format::Xlsb => "xlsb",
            Format::Ods => "ods",
            Format::Xls => "xls",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
        }
    }
}

const ZIP: &[u8] = b"PK\x03\x04";
const CFB: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The format of a file's bytes, or why it is not a catalog.
pub fn sniff(bytes: &[u8]) -> Result<Format, String> {
    if bytes.is_empty() {
        return Err("the file is empty".to_string());
    }
    if bytes.starts_with(ZIP) {
        return Ok(Format::Zip);
    }
    if bytes.starts_with(b"PK") {
        return Err("a damaged or empty zip archive, not a readable spreadsheet".to_string());
    }
    if bytes.starts_with(CFB) {
        if contains_utf16(bytes, "EncryptedPackage") {
            return Err(
                "the workbook is encrypted (password-protected): save a copy without a password and read that"
                    .to_string(),
            );
        }
        return Ok(Format::Xls);
    }
    if bytes.starts_with(b"%PDF") {
        return Err(
            "a PDF document, not a spreadsheet: export the table as xlsx or csv".to_string(),
        );
    }
    let head = &bytes[..bytes.len().min(8192)];
    let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    if !utf16 && head.contains(&0) {
        return Err("not a spreadsheet or a text table (binary content)".to_string());
    }
    let tabs = head.iter().filter(|&&b| b == b'\t').count();
    let commas = head.iter().filter(|&&b| b == b',' || b == b';').count();
    Ok(if tabs > commas {
        Format::Tsv
    } else {
        Format::Csv
    })
}

/// A note when the file's extension says another format than its bytes.
pub fn extension_note(path: &Path, format: Format) -> Option<String> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    let expected: &[&str] = match format {
        Format::Zip | Format::Xlsx | Format::Xlsb | Format::Ods => &["xlsx", "xlsm", "xlsb", "ods"],
        Format::Xls => &["xls"],
        Format::Csv | Format::Tsv => &["csv", "tsv", "txt", "tab"],
    };
    if expected.contains(&ext.as_str()) {
        return None;
    }
    let kind = match format {
        Format::Zip | Format::Xlsx | Format::Xlsb | Format::Ods => "a zipped workbook",
        Format::Xls => "an Excel 97-2003 workbook",
        Format::Csv | Format::Tsv => "a text table",
    };
    Some(format!(
        "the file is named .{ext} but its contents are {kind}; read it as that"
    ))
}

fn contains_utf16(bytes: &[u8], needle: &str) -> bool {
    let pattern: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(pattern.len()).any(|w| w == pattern)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_formats_by_bytes() {
        assert_eq!(sniff(b"PK\x03\x04rest"), Ok(Format::Zip));
        assert_eq!(sniff(b"a,b\n1,2\n"), Ok(Format::Csv));
        assert_eq!(sniff(b"a\tb\n1\t2\n"), Ok(Format::Tsv));
        assert!(sniff(b"").is_err());
        assert!(sniff(b"%PDF-1.7").expect_err("pdf").contains("PDF"));
        assert!(sniff(&[0, 1, 2, 3]).is_err());
    }
}
