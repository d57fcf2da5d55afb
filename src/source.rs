//! Where a value came from: file, sheet and the row and column a spreadsheet shows.

use serde::Serialize;
use std::fmt;

/// A place in an input file, as a person would find it in a spreadsheet program.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct SourceRef {
    /// The input path as given on the command line.
    pub file: String,
    /// The sheet name; `None` for csv and tsv files.
    pub sheet: Option<String>,
    /// 1-based row number.
    pub row: u32,
}

impl fmt::Display for SourceRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.sheet {
            Some(sheet) => write!(f, "{}, sheet '{}', row {}", self.file, sheet, self.row),
            None => write!(f, "{}, row {}", self.file, self.row),
        }
    }
}

/// The spreadsheet letters of a 0-based column index: 0 -> A, 25 -> Z, 26 -> AA.
pub fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::column_letters;

    #[test]
    fn column_letters_follow_spreadsheet_convention() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }
}
