//! Finds the header row (it need not be row 1) and decides which column is the title, the
//! hours, and so on, by matching header names fuzzily against English and Spanish synonyms.

use super::{Cell, RawRow};
use crate::text::fold;
use serde::Serialize;

/// How many rows from the top are searched for the header.
pub const HEADER_SCAN_ROWS: usize = 30;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The catalog's own id or course code.
    Id,
    /// The training's title.
    Title,
    /// Its description.
    Description,
    /// Learning objectives, topics, keywords: more text to match.
    MoreText,
    /// Clock hours.
    Hours,
    /// Credits, converted to hours with a factor.
    Credits,
    /// CEUs (1 CEU = 10 clock hours).
    Ceus,
    /// Provider, presenter or trainer.
    Provider,
    /// Date.
    Date,
    /// Delivery format.
    Format,
    /// Curriculum level: introduced, reinforced, mastered.
    Level,
    /// What an RSC session was about (own cases, or the RSC the applicant provides).
    About,
}

/// What kind of table a header must introduce.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TableKind {
    /// Trainings or courses: a title or description column and one more.
    #[default]
    Catalog,
    /// Reflective supervision/consultation sessions: a date and an hours column.
    RscLog,
    /// Labeled courses: a title or description column, and label columns beside it (which a
    /// catalog header does not know), so a title alone will do.
    Labeled,
}

const SYNONYMS: &[(Role, &[&str])] = &[
    (
        Role::Id,
        &[
            "id",
            "course id",
            "training id",
            "code",
            "course code",
            "course number",
            "course no",
            "course",
            "number",
            "no",
            "ref",
            "reference",
            "catalog number",
            "catalog no",
            "session id",
            "event id",
            "item",
            "codigo",
            "clave",
            "identificador",
            "numero",
        ],
    ),
    (
        Role::Title,
        &[
            "title",
            "course title",
            "training title",
            "training name",
            "course name",
            "name",
            "training",
            "session title",
            "session name",
            "workshop",
            "workshop title",
            "workshop name",
            "event",
            "event name",
            "event title",
            "class",
            "class title",
            "program title",
            "webinar",
            "titulo",
            "nombre",
            "nombre del curso",
            "nombre de la capacitacion",
            "titulo del curso",
            "capacitacion",
            "taller",
            "curso",
        ],
    ),
    (
        Role::Description,
        &[
            "description",
            "course description",
            "training description",
            "summary",
            "abstract",
            "overview",
            "details",
            "content",
            "course content",
            "synopsis",
            "descripcion",
            "resumen",
            "contenido",
            "descripcion del curso",
        ],
    ),
    (
        Role::MoreText,
        &[
            "learning objectives",
            "objectives",
            "topics",
            "keywords",
            "key topics",
            "outcomes",
            "learning outcomes",
            "competencies",
            "objetivos",
            "temas",
            "objetivos de aprendizaje",
        ],
    ),
    (
        Role::Hours,
        &[
            "hours",
            "hrs",
            "hr",
            "clock hours",
            "contact hours",
            "training hours",
            "duration",
            "length",
            "time",
            "ce hours",
            "total hours",
            "hours awarded",
            "credit hours awarded",
            "clock hrs",
            "contact hrs",
            "horas",
            "duracion",
            "horas reloj",
            "horas de contacto",
            "horas de capacitacion",
            "minutes",
        ],
    ),
    (
        Role::Credits,
        &[
            "credits",
            "credit",
            "credit hours",
            "semester credits",
            "semester credit hours",
            "units",
            "creditos",
            "unidades",
            "ce credits",
        ],
    ),
    (Role::Ceus, &["ceu", "ceus", "continuing education units"]),
    (
        Role::Provider,
        &[
            "provider",
            "presenter",
            "presenters",
            "trainer",
            "trainers",
            "instructor",
            "facilitator",
            "organization",
            "sponsor",
            "agency",
            "offered by",
            "proveedor",
            "presentador",
            "instructor",
            "facilitador",
            "organizacion",
        ],
    ),
    (
        Role::Date,
        &[
            "date",
            "dates",
            "start date",
            "session date",
            "event date",
            "completion date",
            "completed",
            "date completed",
            "when",
            "fecha",
            "fecha de inicio",
        ],
    ),
    (
        Role::Level,
        &[
            "level",
            "i r m",
            "irm",
            "curriculum level",
            "depth",
            "emphasis",
            "level of coverage",
            "nivel",
        ],
    ),
    (
        Role::About,
        &[
            "focus",
            "focus of session",
            "about",
            "rsc focus",
            "rsc type",
            "type of rsc",
            "discussion focus",
            "notes",
            "session notes",
            "enfoque",
        ],
    ),
    (
        Role::Format,
        &[
            "format",
            "delivery",
            "delivery method",
            "modality",
            "mode",
            "type",
            "delivery format",
            "individual group",
            "individual or group",
            "group or individual",
            "session type",
            "location",
            "formato",
            "modalidad",
        ],
    ),
];

/// Which column index plays each role.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ColumnMap {
    /// (role, 0-based column index, header text as written).
    pub columns: Vec<(Role, usize, String)>,
}

impl ColumnMap {
    /// The column index of a role.
    pub fn get(&self, role: Role) -> Option<usize> {
        self.columns.iter().find(|c| c.0 == role).map(|c| c.1)
    }

    /// The header text of a role's column.
    pub fn header(&self, role: Role) -> Option<&str> {
        self.columns
            .iter()
            .find(|c| c.0 == role)
            .map(|c| c.2.as_str())
    }

    /// Every column of a role (MoreText may have several).
    pub fn all(&self, role: Role) -> impl Iterator<Item = usize> + '_ {
        self.columns
            .iter()
            .filter(move |c| c.0 == role)
            .map(|c| c.1)
    }

    /// How many roles were recognized.
    pub fn score(&self) -> usize {
        self.columns.len()
    }
}

/// How well a header text names a role, 0 to 1.
pub fn role_score(header: &str) -> Option<(Role, f64)> {
    let key = normalize_header(header);
    if key.is_empty() || key.len() > 60 {
        return None;
    }
    let words: Vec<&str> = key.split(' ').collect();
    let mut best: Option<(Role, f64)> = None;
    for (role, synonyms) in SYNONYMS {
        for synonym in *synonyms {
            let score = if key == *synonym {
                1.0
            } else if contains_phrase(&words, synonym) {
                let n = synonym.split(' ').count() as f64;
                0.7 + 0.25 * n / words.len() as f64
            } else {
                let jw = strsim::jaro_winkler(&key, synonym);
                if jw >= 0.9 && key.len() >= 4 {
                    jw * 0.85
                } else {
                    0.0
                }
            };
            if score > best.map_or(0.0, |b| b.1) {
                best = Some((*role, score));
            }
        }
    }
    best.filter(|b| b.1 >= 0.7)
}

/// Finds the header row among the first rows: the row naming the most roles, which must
/// include a title or a description. Returns its index in `rows` and the column map.
pub fn detect_header(rows: &[RawRow]) -> Option<(usize, ColumnMap)> {
    detect_header_for(rows, TableKind::Catalog)
}

/// Finds the header row of a table of the given kind.
pub fn detect_header_for(rows: &[RawRow], kind: TableKind) -> Option<(usize, ColumnMap)> {
    let mut best: Option<(usize, ColumnMap)> = None;
    for (i, row) in rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.cells.iter().any(|c| !c.is_blank()))
        .take(HEADER_SCAN_ROWS)
    {
        let map = map_row(row);
        let fits = match kind {
            TableKind::Catalog => {
                (map.get(Role::Title).is_some() || map.get(Role::Description).is_some())
                    && map.columns.len() >= 2
            }
            TableKind::RscLog => map.get(Role::Date).is_some() && map.get(Role::Hours).is_some(),
            TableKind::Labeled => {
                (map.get(Role::Title).is_some() || map.get(Role::Description).is_some())
                    && row.cells.iter().filter(|c| !c.is_blank()).count() >= 2
            }
        };
        if !fits {
            continue;
        }
        if best.as_ref().is_none_or(|(_, b)| map.score() > b.score()) {
            best = Some((i, map));
        }
    }
    best
}

fn map_row(row: &RawRow) -> ColumnMap {
    let mut scored: Vec<(Role, usize, f64, String)> = row
        .cells
        .iter()
        .enumerate()
        .filter_map(|(col, cell)| match cell {
            Cell::Text(t) => role_score(t).map(|(role, s)| (role, col, s, t.trim().to_string())),
            _ => None,
        })
        .collect();
    // Best-scoring column wins each role; ties go to the leftmost.
    scored.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.1.cmp(&b.1)));
    let mut map = ColumnMap::default();
    let mut used_cols = Vec::new();
    for (role, col, _, text) in scored {
        if used_cols.contains(&col) {
            continue;
        }
        let repeatable = role == Role::MoreText;
        if !repeatable && map.get(role).is_some() {
            // A second "title"-like column becomes more text to match, e.g. "Subtitle".
            if role == Role::Title || role == Role::Description {
                map.columns.push((Role::MoreText, col, text));
                used_cols.push(col);
            }
            continue;
        }
        map.columns.push((role, col, text));
        used_cols.push(col);
    }
    // A lone "Course" column next to a title column is a course code; without one, a title.
    if map.get(Role::Title).is_none()
        && let Some(pos) = map
            .columns
            .iter()
            .position(|c| c.0 == Role::Id && normalize_header(&c.2) == "course")
    {
        map.columns[pos].0 = Role::Title;
    }
    map.columns.sort_by_key(|c| c.1);
    map
}

/// Header text folded to lowercase words: accents, punctuation and units in brackets removed.
pub fn normalize_header(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| !c.is_alphanumeric() && c != '#')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(if word == "#" { "no" } else { word });
    }
    out
}

fn contains_phrase(words: &[&str], phrase: &str) -> bool {
    let p: Vec<&str> = phrase.split(' ').collect();
    words.windows(p.len()).any(|w| w == p.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: u32, cells: &[&str]) -> RawRow {
        RawRow {
            number,
            cells_left_out: 0,
            cells: cells
                .iter()
                .map(|c| {
                    if c.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(c.to_string())
                    }
                })
                .collect(),
        }
    }

    #[test]
    fn recognizes_common_header_names() {
        for (text, role) in [
            ("Course Title", Role::Title),
            ("Training Name", Role::Title),
            ("Hrs", Role::Hours),
            ("Clock hours", Role::Hours),
            ("Contact Hours", Role::Hours),
            ("Credits", Role::Credits),
            ("Título del curso", Role::Title),
            ("Descripción", Role::Description),
            ("Horas", Role::Hours),
            ("CEUs", Role::Ceus),
            ("Trainng Title", Role::Title),
            ("Presenter(s)", Role::Provider),
        ] {
            assert_eq!(role_score(text).map(|r| r.0), Some(role), "{text}");
        }
        assert_eq!(role_score("Favorite color"), None);
    }

    #[test]
    fn finds_a_header_below_a_title_row() {
        let rows = vec![
            row(1, &["Agency Training Catalog 2025", "", ""]),
            row(2, &["", "", ""]),
            row(3, &["ID", "Training Title", "Description", "Hours"]),
            row(4, &["T1", "Attachment", "About attachment", "3"]),
        ];
        let (index, map) = detect_header(&rows).expect("header");
        assert_eq!(index, 2);
        assert_eq!(map.get(Role::Id), Some(0));
        assert_eq!(map.get(Role::Title), Some(1));
        assert_eq!(map.get(Role::Hours), Some(3));
    }
}
