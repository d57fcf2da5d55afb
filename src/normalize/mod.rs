//! Normalizing rows: every row of the chosen sheet becomes a course or a skipped row with a
//! reason. Hours, credits and CEUs become clock hours with a stated factor.

pub mod dates;
pub mod hours;

use crate::catalog::{CatalogTable, Cell, Role};
use crate::source::SourceRef;
use hours::{HOURS_PER_CEU, Unit};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::hash_map::Entry;
use std::fmt;

/// Longest title or description kept, in characters; longer text is cut with a marker.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Settings for normalization.
#[derive(Debug, Clone)]
pub struct NormalizeOptions {
    /// Clock hours per credit.
    pub credit_factor: f64,
    /// Hours above this are taken for a mistake.
    pub max_hours: f64,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        Self {
            credit_factor: 15.0,
            max_hours: 1000.0,
        }
    }
}

/// A training, ready for matching.
#[derive(Debug, Clone, Serialize)]
pub struct Course {
    /// Where it came from.
    pub source: SourceRef,
    /// The catalog's id, or `row N` when the catalog has none.
    pub id: String,
    /// Title.
    pub title: String,
    /// Description, with any objectives or topics columns appended.
    pub description: String,
    /// Clock hours, when they could be read.
    pub hours: Option<f64>,
    /// How the hours were read ("3 credits x 15"), or why they could not be.
    pub hours_note: Option<String>,
    /// Provider or presenter.
    pub provider: Option<String>,
    /// Date, as an ISO date where it could be read, else as written.
    pub date: Option<String>,
    /// Delivery format.
    pub format: Option<String>,
    /// Curriculum level as written (I, R, M, introduced...), if the catalog has a level column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
}

/// Why a row was not used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum SkipReason {
    /// The header row itself.
    HeaderRow,
    /// A title or note row above the header.
    AboveHeader,
    /// Nothing in the row.
    Blank,
    /// No title and no description.
    NoTitle,
    /// No usable hours where hours are what the row is for (an RSC log).
    NoHours,
    /// A total or subtotal row.
    TotalRow,
    /// The header repeated further down.
    RepeatedHeader,
    /// Text only in columns beyond the column limit.
    OnlyBeyondColumns,
    /// A heading over a group of trainings ("MODULE 2: TRAUMA"), not a training.
    SectionHeading,
    /// The same title, description and hours as an earlier row.
    Duplicate {
        /// The row it repeats.
        of_row: u32,
    },
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::HeaderRow => f.write_str("header row"),
            SkipReason::AboveHeader => f.write_str("above the header row (a title or note)"),
            SkipReason::Blank => f.write_str("blank row"),
            SkipReason::NoTitle => f.write_str("no title or description"),
            SkipReason::NoHours => f.write_str("no usable hours"),
            SkipReason::TotalRow => f.write_str("a total row, not a training"),
            SkipReason::RepeatedHeader => f.write_str("the header row repeated"),
            SkipReason::SectionHeading => f.write_str("a section heading, not a training"),
            SkipReason::OnlyBeyondColumns => {
                f.write_str("text only in columns beyond the column limit, left out")
            }
            SkipReason::Duplicate { of_row } => write!(f, "same training as row {of_row}"),
        }
    }
}

/// A row not used (or a run of blank rows), and why.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    /// Where it is (the first row of a run).
    pub source: SourceRef,
    /// The last row of a run of rows skipped for the same reason, if more than one.
    pub through_row: Option<u32>,
    /// Why it was not used.
    pub reason: SkipReason,
    /// The row's first text, to recognize it by.
    pub preview: String,
}

/// A row used, with something worth a look.
#[derive(Debug, Clone, Serialize)]
pub struct Warning {
    /// Where it is.
    pub source: SourceRef,
    /// The column letter, where it concerns one cell.
    pub column: Option<String>,
    /// What is worth a look.
    pub message: String,
}

/// The rows of one table, sorted into courses and skipped rows.
#[derive(Debug, Default)]
pub struct Normalized {
    /// Courses, in row order.
    pub courses: Vec<Course>,
    /// Rows not used.
    pub skipped: Vec<Skipped>,
    /// Used rows with something worth a look.
    pub warnings: Vec<Warning>,
    /// Every row seen.
    pub rows_seen: usize,
    /// Rows skipped (a run of blank rows counts each row).
    pub rows_skipped: usize,
}

impl Skipped {
    /// How many rows this entry stands for.
    pub fn rows(&self) -> usize {
        self.through_row
            .map_or(1, |last| (last - self.source.row + 1) as usize)
    }
}

/// What one row holds, judged on its own (no other row needed), so rows are read in
/// parallel; duplicates, repeated ids and blank runs are settled afterwards, in order.
enum RowReading {
    Skip(SkipReason),
    Training(Box<Draft>),
}

/// A training row's fields, before duplicates and ids are checked.
struct Draft {
    title: String,
    description: String,
    hours: Option<f64>,
    hours_note: Option<String>,
    hours_col: Option<usize>,
    id: String,
    provider: Option<String>,
    date: Option<String>,
    format: Option<String>,
    level: Option<String>,
    /// Title and description in lower case and the hours: equal keys are the same training.
    key: (String, String, String),
}

fn read_row(
    table: &CatalogTable,
    index: usize,
    header_cells: &[String],
    options: &NormalizeOptions,
) -> RowReading {
    let row = &table.sheet.rows[index];
    let cols = &table.columns;
    if index == table.header_index {
        return RowReading::Skip(SkipReason::HeaderRow);
    }
    if row.cells.iter().all(Cell::is_blank) {
        return RowReading::Skip(if row.cells_left_out > 0 {
            SkipReason::OnlyBeyondColumns
        } else {
            SkipReason::Blank
        });
    }
    if index < table.header_index {
        return RowReading::Skip(SkipReason::AboveHeader);
    }
    let cell = |col: Option<usize>| -> &Cell {
        col.and_then(|c| row.cells.get(c)).unwrap_or(&Cell::Empty)
    };
    if row.cells.len() >= header_cells.len().min(2)
        && row
            .cells
            .iter()
            .zip(header_cells)
            .filter(|(cell, header)| {
                let text = cell.text_ref();
                !text.is_empty() && text == header.as_str()
            })
            .count()
            >= 2
    {
        return RowReading::Skip(SkipReason::RepeatedHeader);
    }
    let title = cell(cols.get(Role::Title)).text();
    let mut description = cell(cols.get(Role::Description)).text();
    for col in cols.all(Role::MoreText) {
        let more = cell(Some(col)).text();
        if !more.is_empty() {
            if !description.is_empty() {
                description.push('\n');
            }
            description.push_str(&more);
        }
    }
    if title.is_empty() && description.is_empty() {
        return RowReading::Skip(SkipReason::NoTitle);
    }
    if is_total_label(&title) && description.is_empty() {
        return RowReading::Skip(SkipReason::TotalRow);
    }
    if is_section_heading(row, table, &title, &description) {
        return RowReading::Skip(SkipReason::SectionHeading);
    }
    let (hours, hours_note, hours_col) = read_hours(table, &|c| cell(Some(c)), options);
    let key = (
        title.to_lowercase(),
        description.to_lowercase(),
        format!("{hours:?}"),
    );
    let optional = |role| Some(cell(cols.get(role)).text()).filter(|t| !t.is_empty());
    RowReading::Training(Box::new(Draft {
        title: cut_to(title, MAX_TEXT_CHARS),
        description: cut_to(description, MAX_TEXT_CHARS),
        hours,
        hours_note,
        hours_col,
        id: cell(cols.get(Role::Id)).text(),
        provider: optional(Role::Provider),
        date: dates::read(cell(cols.get(Role::Date))),
        format: optional(Role::Format),
        level: optional(Role::Level),
        key,
    }))
}

/// Turns a catalog table's rows into courses and skipped rows.
pub fn normalize(table: &CatalogTable, options: &NormalizeOptions) -> Normalized {
    let mut out = Normalized::default();
    let cols = &table.columns;
    let source = |row: u32| SourceRef {
        file: table.path.clone(),
        sheet: table.sheet.name.clone(),
        row,
    };
    let header_cells: Vec<String> = table.sheet.rows[table.header_index]
        .cells
        .iter()
        .map(Cell::text)
        .collect();
    let readings: Vec<RowReading> = (0..table.sheet.rows.len())
        .into_par_iter()
        .map(|i| read_row(table, i, &header_cells, options))
        .collect();

    let mut seen: FxHashMap<(String, String, String), u32> = FxHashMap::default();
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    out.rows_seen = table.sheet.rows_in_range();
    let blank_run = |first: u32, last: u32| Skipped {
        source: source(first),
        through_row: (last > first).then_some(last),
        reason: SkipReason::Blank,
        preview: String::new(),
    };
    let mut next_row = table.sheet.first_row;
    for (row, reading) in table.sheet.rows.iter().zip(readings) {
        if row.number > next_row {
            out.skipped.push(blank_run(next_row, row.number - 1));
        }
        next_row = row.number + 1;
        // What a skipped row begins with, worked out only for rows that are skipped.
        let skip = |reason| Skipped {
            source: source(row.number),
            through_row: None,
            reason,
            preview: row
                .cells
                .iter()
                .map(Cell::text_ref)
                .find(|t| !t.is_empty())
                .map(|t| truncate_chars(&t, 80))
                .unwrap_or_default(),
        };
        let draft = match reading {
            RowReading::Skip(reason) => {
                out.skipped.push(skip(reason));
                continue;
            }
            RowReading::Training(draft) => *draft,
        };
        match seen.entry(draft.key) {
            Entry::Occupied(first) => {
                let of_row = *first.get();
                out.skipped.push(skip(SkipReason::Duplicate { of_row }));
                continue;
            }
            Entry::Vacant(slot) => {
                slot.insert(row.number);
            }
        }
        // A row reaching here is not a duplicate: an id seen before names another training.
        if !draft.id.is_empty() {
            match ids.get(&draft.id) {
                Some(&first_row) => out.warnings.push(Warning {
                    source: source(row.number),
                    column: cols.get(Role::Id).map(crate::source::column_letters),
                    message: format!(
                        "id '{}' is also used at row {first_row} for a different training",
                        draft.id
                    ),
                }),
                None => {
                    ids.insert(draft.id.clone(), row.number);
                }
            }
        }

        let src = source(row.number);
        if row.cells_left_out > 0 {
            out.warnings.push(Warning {
                source: src.clone(),
                column: None,
                message: format!(
                    "{} cells beyond the column limit left out",
                    row.cells_left_out
                ),
            });
        }
        if draft.hours.is_none() {
            out.warnings.push(Warning {
                source: src.clone(),
                column: draft.hours_col.map(crate::source::column_letters),
                message: draft
                    .hours_note
                    .clone()
                    .unwrap_or_else(|| "no hours given".to_string()),
            });
        }
        out.courses.push(Course {
            source: src,
            id: if draft.id.is_empty() {
                format!("row {}", row.number)
            } else {
                draft.id
            },
            title: draft.title,
            description: draft.description,
            hours: draft.hours,
            hours_note: draft.hours_note,
            provider: draft.provider,
            date: draft.date,
            format: draft.format,
            level: draft.level,
        });
    }
    if table.sheet.last_row >= next_row && next_row > 0 {
        out.skipped.push(blank_run(next_row, table.sheet.last_row));
    }
    out.rows_skipped = out.skipped.iter().map(Skipped::rows).sum();
    out
}

type CellAt<'a> = dyn Fn(usize) -> &'a Cell + 'a;

/// Reads hours from the hours column, else credits, else CEUs.
fn read_hours<'a>(
    table: &CatalogTable,
    cell: &CellAt<'a>,
    options: &NormalizeOptions,
) -> (Option<f64>, Option<String>, Option<usize>) {
    let cols = &table.columns;
    let sources = [
        (Role::Hours, Unit::Hours),
        (Role::Credits, Unit::Credits),
        (Role::Ceus, Unit::Ceus),
    ];
    let mut first_problem: Option<(String, usize)> = None;
    for (role, unit) in sources {
        let Some(col) = cols.get(role) else { continue };
        let default_unit = if role == Role::Hours
            && cols
                .header(role)
                .is_some_and(|h| crate::text::fold(h).contains("minut"))
        {
            None
        } else {
            Some(unit)
        };
        let value = cell(col);
        let parsed = match value {
            Cell::Empty => continue,
            Cell::Number(n) => match default_unit {
                Some(u) => Ok(hours::Quantity {
                    amount: *n,
                    unit: u,
                }),
                None => Ok(hours::Quantity {
                    amount: n / 60.0,
                    unit: Unit::Hours,
                }),
            },
            Cell::Duration(h) => Ok(hours::Quantity {
                amount: *h,
                unit: Unit::Hours,
            }),
            Cell::Text(t) => hours::parse(t, default_unit.unwrap_or(Unit::Hours)).map(|mut q| {
                if default_unit.is_none()
                    && q.unit == Unit::Hours
                    && t.trim().parse::<f64>().is_ok()
                {
                    q.amount /= 60.0;
                }
                q
            }),
            other => Err(format!("'{other}' is not a number of hours")),
        };
        let letter = crate::source::column_letters(col);
        match parsed {
            Ok(q) => {
                let (clock, note) = match q.unit {
                    Unit::Hours => (q.amount, None),
                    Unit::Credits => (
                        q.amount * options.credit_factor,
                        Some(format!(
                            "{} credits x {} clock hours per credit",
                            trim_number(q.amount),
                            trim_number(options.credit_factor)
                        )),
                    ),
                    Unit::Ceus => (
                        q.amount * HOURS_PER_CEU,
                        Some(format!(
                            "{} CEUs x {} clock hours per CEU",
                            trim_number(q.amount),
                            trim_number(HOURS_PER_CEU)
                        )),
                    ),
                };
                if !clock.is_finite() || clock <= 0.0 {
                    first_problem.get_or_insert((
                        format!("column {letter}: hours '{value}' are not more than zero"),
                        col,
                    ));
                    continue;
                }
                if clock > options.max_hours {
                    first_problem.get_or_insert((
                        format!(
                            "column {letter}: {} hours is more than {} and taken for a mistake",
                            trim_number(clock),
                            trim_number(options.max_hours)
                        ),
                        col,
                    ));
                    continue;
                }
                return (Some(round2(clock)), note, Some(col));
            }
            Err(why) => {
                first_problem.get_or_insert((
                    format!("column {letter}: hours '{value}' not understood ({why})"),
                    col,
                ));
            }
        }
    }
    match first_problem {
        Some((message, col)) => (None, Some(message), Some(col)),
        None => (None, None, cols.get(Role::Hours)),
    }
}

/// A row with one short text, no description and no hours, written like a heading: in
/// capitals, ending with a colon, or starting with a word such as "Module" or "Section".
fn is_section_heading(
    row: &crate::catalog::RawRow,
    table: &CatalogTable,
    title: &str,
    description: &str,
) -> bool {
    let filled = row.cells.iter().filter(|c| !c.is_blank()).count();
    let has_hours_column = table.columns.get(Role::Hours).is_some()
        || table.columns.get(Role::Credits).is_some()
        || table.columns.get(Role::Ceus).is_some();
    if filled != 1 || !description.is_empty() || !has_hours_column {
        return false;
    }
    let text = if title.is_empty() {
        row.cells
            .iter()
            .map(Cell::text)
            .find(|t| !t.is_empty())
            .unwrap_or_default()
    } else {
        title.to_string()
    };
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase());
    let first = crate::text::fold(text.split_whitespace().next().unwrap_or(""));
    let first = first.trim_end_matches(|c: char| !c.is_alphanumeric());
    let heading_word = matches!(
        first,
        "module"
            | "section"
            | "unit"
            | "part"
            | "track"
            | "category"
            | "domain"
            | "series"
            | "block"
            | "level"
            | "tier"
            | "modulo"
            | "seccion"
            | "unidad"
            | "parte"
    );
    capitals || text.trim_end().ends_with(':') || heading_word
}

fn is_total_label(title: &str) -> bool {
    // Every total label is short; most titles are not.
    if title.len() > 64 {
        return false;
    }
    let first = title
        .chars()
        .find(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_lowercase());
    if !matches!(first, Some('t' | 's' | 'g')) {
        return false;
    }
    let folded = crate::text::fold(title);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    matches!(
        words.as_slice(),
        ["total"]
            | ["totals"]
            | ["subtotal"]
            | ["grand", "total"]
            | ["total", "hours"]
            | ["sum"]
            | ["total", "horas"]
            | ["total", "de", "horas"]
    )
}

/// Text cut to `max` characters with a visible marker.
pub fn truncate_chars(text: &str, max: usize) -> String {
    if text.len() <= max || text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Like [`truncate_chars`], keeping the string itself when it is short enough.
fn cut_to(text: String, max: usize) -> String {
    if text.len() <= max || text.chars().count() <= max {
        text
    } else {
        truncate_chars(&text, max)
    }
}

/// Rounds to hundredths.
pub fn round2(x: f64) -> f64 {
    // Adding 0.0 turns the -0.0 of an empty sum into 0.0.
    (x * 100.0).round() / 100.0 + 0.0
}

fn trim_number(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
