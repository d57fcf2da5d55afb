//! Reading an RSC log: each row a reflective supervision/consultation session received, with
//! its date, hours, whether individual or group, and what it was about: the applicant's own
//! work with families, or the RSC the applicant provides to others (told from the words in the
//! focus or notes column).

use crate::catalog::{self, Cell, ReadOptions, Role, TableKind};
use crate::error::Result;
use crate::normalize::hours::{self, Unit};
use crate::normalize::{SkipReason, Skipped, Warning, dates};
use crate::profile::RscAbout;
use crate::source::{SourceRef, column_letters};
use chrono::NaiveDate;
use serde::Serialize;
use std::path::Path;

/// Words that say a session was about the RSC the applicant provides.
const PROVIDING_CUES: &[&str] = &[
    "rsc i provide",
    "supervision i provide",
    "consultation i provide",
    "i provide",
    "my supervisees",
    "supervisee",
    "as a supervisor",
    "providing rsc",
    "provided to others",
    "about providing",
    "providing reflective",
    "supervision of supervisors",
    "consultees",
    "supervising",
    "providing",
    "provides",
    "la supervision que brindo",
    "supervisados",
];

/// One session received.
#[derive(Debug, Clone, Serialize)]
pub struct RscRow {
    /// Where it is.
    pub source: SourceRef,
    /// Its date, when it could be read.
    pub date: Option<NaiveDate>,
    /// Clock hours.
    pub hours: f64,
    /// What it was about.
    pub about: RscAbout,
    /// Why it was read so.
    pub about_reason: String,
    /// A group session rather than individual.
    pub group: bool,
    /// The RSC provider, if given.
    pub provider: Option<String>,
}

/// An RSC log read.
#[derive(Debug, Default)]
pub struct RscLog {
    /// Sessions.
    pub sessions: Vec<RscRow>,
    /// Rows not used.
    pub skipped: Vec<Skipped>,
    /// Rows used with something worth a look, or not used for a reason in a cell.
    pub warnings: Vec<Warning>,
    /// Rows seen.
    pub rows_seen: usize,
}

/// Reads an RSC log file.
pub fn read(path: &Path, options: &ReadOptions) -> Result<RscLog> {
    let options = ReadOptions {
        kind: TableKind::RscLog,
        ..options.clone()
    };
    let table = catalog::read(path, &options)?;
    let cols = &table.columns;
    let mut log = RscLog {
        rows_seen: table.sheet.rows_in_range(),
        ..RscLog::default()
    };
    let source = |row: u32| SourceRef {
        file: table.path.clone(),
        sheet: table.sheet.name.clone(),
        row,
    };
    let mut next_row = table.sheet.first_row;
    for (i, row) in table.sheet.rows.iter().enumerate() {
        if row.number > next_row {
            log.skipped.push(Skipped {
                source: source(next_row),
                through_row: (row.number - 1 > next_row).then_some(row.number - 1),
                reason: SkipReason::Blank,
                preview: String::new(),
            });
        }
        next_row = row.number + 1;
        let cell = |role: Role| {
            cols.get(role)
                .and_then(|c| row.cells.get(c))
                .unwrap_or(&Cell::Empty)
        };
        let preview = row
            .cells
            .iter()
            .map(Cell::text)
            .find(|t| !t.is_empty())
            .unwrap_or_default();
        let skip = |reason| Skipped {
            source: source(row.number),
            through_row: None,
            reason,
            preview: preview.clone(),
        };
        if i == table.header_index {
            log.skipped.push(skip(SkipReason::HeaderRow));
            continue;
        }
        if i < table.header_index {
            log.skipped.push(skip(SkipReason::AboveHeader));
            continue;
        }
        let hours_cell = cell(Role::Hours);
        let parsed = match hours_cell {
            Cell::Number(n) => Ok(*n),
            Cell::Duration(h) => Ok(*h),
            Cell::Text(t) => hours::parse(t, Unit::Hours).and_then(|q| {
                if q.unit == Unit::Hours {
                    Ok(q.amount)
                } else {
                    Err("credits are not RSC hours".to_string())
                }
            }),
            Cell::Empty => Err("no hours".to_string()),
            other => Err(format!("'{other}' is not a number of hours")),
        };
        let hours = match parsed {
            Ok(h) if h.is_finite() && h > 0.0 && h <= 100.0 => h,
            Ok(h) => {
                log.skipped.push(skip(SkipReason::NoHours));
                log.warnings.push(Warning {
                    source: source(row.number),
                    column: cols.get(Role::Hours).map(column_letters),
                    message: format!("{h} hours is not a session length; the row is not counted"),
                });
                continue;
            }
            Err(why) => {
                log.skipped.push(skip(SkipReason::NoHours));
                log.warnings.push(Warning {
                    source: source(row.number),
                    column: cols.get(Role::Hours).map(column_letters),
                    message: format!(
                        "hours '{hours_cell}' not understood ({why}); the row is not counted"
                    ),
                });
                continue;
            }
        };
        let date_text = dates::read(cell(Role::Date));
        let date = date_text
            .as_deref()
            .and_then(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok());
        if date.is_none() {
            log.warnings.push(Warning {
                source: source(row.number),
                column: cols.get(Role::Date).map(column_letters),
                message: format!(
                    "date '{}' not understood; the session counts only where no window applies",
                    date_text.unwrap_or_default()
                ),
            });
        }
        let about_text = [Role::About, Role::Description, Role::Title, Role::MoreText]
            .iter()
            .map(|r| cell(*r).text())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let (about, about_reason) = classify(&about_text);
        let format = crate::text::fold(&cell(Role::Format).text());
        log.sessions.push(RscRow {
            source: source(row.number),
            date,
            hours: crate::normalize::round2(hours),
            about,
            about_reason,
            group: format.contains("group") || format.contains("grupo"),
            provider: Some(cell(Role::Provider).text()).filter(|t| !t.is_empty()),
        });
    }
    if table.sheet.last_row >= next_row && next_row > 0 {
        log.skipped.push(Skipped {
            source: source(next_row),
            through_row: (table.sheet.last_row > next_row).then_some(table.sheet.last_row),
            reason: SkipReason::Blank,
            preview: String::new(),
        });
    }
    Ok(log)
}

/// What a session was about, from the words describing it, with the reason.
pub fn classify(text: &str) -> (RscAbout, String) {
    let folded = crate::text::fold(text);
    match PROVIDING_CUES.iter().find(|cue| folded.contains(*cue)) {
        Some(cue) => (
            RscAbout::Providing,
            format!("about the RSC the applicant provides ('{cue}')"),
        ),
        None if folded.trim().is_empty() => (
            RscAbout::OwnCases,
            "about the applicant's own cases (nothing says otherwise)".to_string(),
        ),
        None => (
            RscAbout::OwnCases,
            "about the applicant's own cases (no words about providing RSC)".to_string(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_about_providing_are_told_apart() {
        assert_eq!(
            classify("Discussed my supervisees' home visits").0,
            RscAbout::Providing
        );
        assert_eq!(classify("RSC I provide to the team").0, RscAbout::Providing);
        assert_eq!(
            classify("A family I serve; feelings about the baby").0,
            RscAbout::OwnCases
        );
        assert_eq!(classify("").0, RscAbout::OwnCases);
    }
}
