//! csv and tsv: decoding (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252 fallback)
//! and delimiter sniffing, then the csv crate for quoting rules.

use super::{Cell, Format, Limits, RawSheet, SheetBuilder};
use crate::error::{Error, Result};
use std::borrow::Cow;
use std::path::Path;

/// Reads a text table into one sheet; the note says which encoding was assumed, if not UTF-8.
pub fn read(
    bytes: &[u8],
    format: Format,
    path: &Path,
    limits: &Limits,
) -> Result<(RawSheet, Option<String>)> {
    let (text, note) = decode(bytes);
    let delimiter = sniff_delimiter(&text, format);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut cells = 0u64;
    let mut sheet = SheetBuilder::new(None, false, limits, &mut cells);
    let mut record = csv::StringRecord::new();
    let mut number: u32 = 0;
    let fail = |message: String| Error::Catalog {
        path: path.to_path_buf(),
        message,
    };
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                number = number
                    .checked_add(1)
                    .ok_or_else(|| fail("more rows than a spreadsheet can hold".to_string()))?;
                sheet.touch(number);
                for (col, field) in record.iter().enumerate() {
                    if !field.trim().is_empty() {
                        let col = u32::try_from(col).unwrap_or(u32::MAX);
                        sheet
                            .set(number, col, Cell::Text(field.to_string()))
                            .map_err(|m| fail(format!("row {number}: {m}")))?;
                    }
                }
            }
            Err(e) => {
                return Err(fail(format!(
                    "row {}: cannot read the text table: {e}",
                    number + 1
                )));
            }
        }
    }
    Ok((sheet.finish(), note))
}

/// Decodes bytes to text: a BOM decides; else UTF-8 if valid; else Windows-1252.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, Option<String>) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        let note = (encoding != encoding_rs::UTF_8).then(|| format!("read as {}", encoding.name()));
        return (text, note);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), None),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (
                text,
                Some("not valid UTF-8: read as Windows-1252".to_string()),
            )
        }
    }
}

/// Picks the delimiter whose count per line is the most consistent over the first lines.
pub fn sniff_delimiter(text: &str, format: Format) -> u8 {
    let candidates: [u8; 4] = if format == Format::Tsv {
        [b'\t', b',', b';', b'|']
    } else {
        [b',', b'\t', b';', b'|']
    };
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(50)
        .collect();
    let mut best = (candidates[0], 0usize);
    for &d in &candidates {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        let mut freq = std::collections::HashMap::new();
        for &c in counts.iter().filter(|&&c| c > 0) {
            *freq.entry(c).or_insert(0usize) += 1;
        }
        // Lines agreeing on the most common count, weighted toward more columns.
        let score = freq
            .iter()
            .map(|(&count, &lines)| lines * 1000 + count)
            .max()
            .unwrap_or(0);
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for &b in line.as_bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == delimiter && !quoted {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_semicolons_and_tabs() {
        assert_eq!(
            sniff_delimiter("a;b;c\n1;2;3\n4;5,5;6\n", Format::Csv),
            b';'
        );
        assert_eq!(sniff_delimiter("a\tb\n1\t2\n", Format::Csv), b'\t');
        assert_eq!(sniff_delimiter("a,\"b;c\"\n1,2\n", Format::Csv), b',');
    }

    #[test]
    fn decodes_bom_and_windows_1252() {
        let (text, note) = decode(b"\xEF\xBB\xBFTitle");
        assert_eq!(text, "Title");
        assert!(note.is_none());
        let (text, note) = decode(b"Caf\xE9");
        assert_eq!(text, "Café");
        assert!(note.is_some());
    }
}
