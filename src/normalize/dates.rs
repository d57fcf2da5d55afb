//! Dates as people enter them: real date cells, spreadsheet serial numbers, ISO text, US
//! month/day/year, and month names. Read as ISO dates (`2025-09-12`); anything else is kept as
//! written.

use crate::catalog::Cell;
use chrono::{Duration, NaiveDate};

const TEXT_FORMATS: &[&str] = &[
    "%Y-%m-%d",
    "%m/%d/%Y",
    "%m/%d/%y",
    "%m-%d-%Y",
    "%B %d, %Y",
    "%B %d %Y",
    "%b %d, %Y",
    "%b %d %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%Y/%m/%d",
];

/// The date in a cell, as an ISO date when it can be read, else the text as written.
pub fn read(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Empty => None,
        Cell::Date(d) => Some(iso(*d)),
        Cell::Number(n) => Some(from_serial(*n).map_or_else(|| cell.text(), iso)),
        other => {
            let text = other.text();
            if text.is_empty() {
                return None;
            }
            Some(parse_text(&text).map_or(text, iso))
        }
    }
}

/// A spreadsheet serial day number (1900 date system) between 1954 and 2119.
pub fn from_serial(serial: f64) -> Option<NaiveDate> {
    if !(20_000.0..=80_000.0).contains(&serial) {
        return None;
    }
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    base.checked_add_signed(Duration::days(serial.trunc() as i64))
}

/// A date written as text, in one of the common forms.
pub fn parse_text(text: &str) -> Option<NaiveDate> {
    let cleaned = text.trim().replace('.', "").replace("Sept ", "Sep ");
    TEXT_FORMATS
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&cleaned, f).ok())
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_serials_and_text() {
        assert_eq!(read(&Cell::Number(45_912.0)).as_deref(), Some("2025-09-12"));
        assert_eq!(
            read(&Cell::Text("9/12/2025".into())).as_deref(),
            Some("2025-09-12")
        );
        assert_eq!(
            read(&Cell::Text("Sept. 12, 2025".into())).as_deref(),
            Some("2025-09-12")
        );
        assert_eq!(
            read(&Cell::Text("12 September 2025".into())).as_deref(),
            Some("2025-09-12")
        );
        assert_eq!(
            read(&Cell::Text("Fall term".into())).as_deref(),
            Some("Fall term")
        );
        assert_eq!(read(&Cell::Number(3.0)).as_deref(), Some("3"));
        assert_eq!(read(&Cell::Empty), None);
    }
}
