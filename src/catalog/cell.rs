//! A cell value independent of the file format it came from.

use chrono::NaiveDate;
use std::fmt;

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing in the cell.
    Empty,
    /// Text, as written.
    Text(String),
    /// A number.
    Number(f64),
    /// A calendar date.
    Date(NaiveDate),
    /// A time span, in hours (a cell formatted as a duration, such as 1:30).
    Duration(f64),
    /// A boolean.
    Bool(bool),
    /// A spreadsheet error value such as `#N/A`.
    Error(String),
}

impl Cell {
    /// True when the cell holds nothing, or only white space.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as trimmed text, borrowed when it is already text.
    pub fn text_ref(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Cell::Empty => "".into(),
            Cell::Text(t) => t.trim().into(),
            other => other.to_string().into(),
        }
    }

    /// The cell as trimmed text ("" for empty).
    pub fn text(&self) -> String {
        self.text_ref().into_owned()
    }
}

impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Empty => Ok(()),
            Cell::Text(t) => f.write_str(t),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => write!(f, "{}", *n as i64),
            Cell::Number(n) => write!(f, "{n}"),
            Cell::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Cell::Duration(h) => {
                let minutes = (h * 60.0).round() as i64;
                write!(f, "{}:{:02}", minutes / 60, minutes % 60)
            }
            Cell::Bool(b) => write!(f, "{b}"),
            Cell::Error(e) => f.write_str(e),
        }
    }
}
