//! Reading a labeled catalog: catalog columns plus the label columns (knowledge areas,
//! primary areas, bucket), resolved against a framework.

use crate::audit::{AuditOptions, Loaded};
use crate::catalog::{self, Cell, RawRow, normalize_header};
use crate::error::{Error, Result};
use crate::framework::{Framework, KaResolver};
use crate::framework::{bucket_key, is_none_label};
use crate::matcher::examples::{Example, carried_labels};
use crate::normalize::{self, Course};
use crate::source::{SourceRef, column_letters};
use std::path::{Path, PathBuf};

/// Header names (folded) of the label columns, the likeliest first: where two columns could
/// be the label column, the one named earlier in the list is.
const KA_HEADERS: &[&str] = &[
    "knowledge areas",
    "expected knowledge areas",
    "labeled knowledge areas",
    "label knowledge areas",
    "gold knowledge areas",
    "knowledge area",
    "knowledge area s",
    "knowledge areas taught",
    "kas",
    "ka labels",
    "labels",
    "gold labels",
    "competency areas",
    "competencies",
];
const PRIMARY_HEADERS: &[&str] = &[
    "primary areas",
    "primary knowledge areas",
    "expected primary areas",
    "labeled primary areas",
    "primary area",
    "primary area s",
    "primary knowledge area",
    "primary kas",
    "primary ka",
    "primary",
    "main areas",
];
const BUCKET_HEADERS: &[&str] = &[
    "bucket",
    "expected bucket",
    "labeled bucket",
    "gold bucket",
    "requirement bucket",
    "hours bucket",
    "counts toward",
];

/// One labeled course.
#[derive(Debug, Clone)]
pub struct LabeledCourse {
    /// The course as an audit reads it.
    pub course: Course,
    /// Every knowledge area it teaches (framework indices, sorted).
    pub knowledge_areas: Vec<usize>,
    /// The knowledge areas it is mostly about.
    pub primary: Vec<usize>,
    /// Its bucket id, or `none`; not known when the file has no bucket column.
    pub bucket: Option<String>,
}

/// A labeled set read from one or more files.
#[derive(Debug, Default)]
pub struct LabeledSet {
    /// The courses read, with what the files read as catalogs held.
    pub loaded: Loaded,
    /// Their labels, in the order of `loaded.courses`.
    pub courses: Vec<LabeledCourse>,
}

struct LabelColumns {
    knowledge_areas: usize,
    primary: Option<usize>,
    bucket: Option<usize>,
}

/// Reads labeled catalogs. Label errors stop the run with the file, row and column.
pub fn read(fw: &Framework, options: &AuditOptions) -> Result<LabeledSet> {
    let resolver = KaResolver::new(fw);
    let mut set = LabeledSet::default();
    for path in &options.inputs {
        read_file(fw, &resolver, path, options, &mut set)?;
    }
    Ok(set)
}

/// Reads labeled courses for the matcher to learn from: the same files `read` takes, where
/// only the 'Knowledge areas' column is needed (a 'Bucket' column is read when present).
/// A file labeled against the framework `fw` draws its vocabulary from (its
/// `vocabulary_base`) is read too, each label carried to the knowledge areas of `fw` that
/// draw on it. Returns the examples and how the files were read (rows used and skipped,
/// with reasons).
pub fn read_examples(fw: &Framework, paths: &[PathBuf]) -> Result<(Vec<Example>, Loaded)> {
    let base = match &fw.framework.vocabulary_base {
        Some(id) if !paths.is_empty() => Some(crate::framework::load(id)?),
        _ => None,
    };
    let options = AuditOptions::default();
    let read_one = |labels_fw: &Framework, path: &Path| {
        let mut set = LabeledSet::default();
        let resolver = KaResolver::new(labels_fw);
        read_file(labels_fw, &resolver, path, &options, &mut set).map(|()| set)
    };
    let mut examples = Vec::new();
    let mut loaded = Loaded::default();
    for path in paths {
        let (set, carried) = match read_one(fw, path) {
            Ok(set) => (set, None),
            // The framework's own labels come first; its base's are the fallback, and when
            // neither reads, the error given is against the framework asked for.
            Err(own) => match base.as_ref().map(|b| (b, read_one(b, path))) {
                Some((b, Ok(set))) => (set, Some(carried_labels(fw, b))),
                _ => return Err(own),
            },
        };
        for c in set.courses {
            let carry = |kas: &[usize]| -> Vec<usize> {
                match &carried {
                    None => kas.to_vec(),
                    Some(carried) => {
                        let mut out: Vec<usize> = kas
                            .iter()
                            .flat_map(|&k| carried[k].iter().copied())
                            .collect();
                        out.sort_unstable();
                        out.dedup();
                        out
                    }
                }
            };
            examples.push(Example {
                knowledge_areas: carry(&c.knowledge_areas),
                primary: carry(&c.primary),
                title: c.course.title,
                description: c.course.description,
            });
        }
        loaded.append(set.loaded);
    }
    Ok((examples, loaded))
}

fn read_file(
    fw: &Framework,
    resolver: &KaResolver,
    path: &Path,
    options: &AuditOptions,
    set: &mut LabeledSet,
) -> Result<()> {
    let read = catalog::ReadOptions {
        kind: catalog::TableKind::Labeled,
        ..options.read.clone()
    };
    let mut table = catalog::read(path, &read)?;
    let header = &table.sheet.rows[table.header_index];
    // A crosswalk workbook's knowledge areas are crosswalk's own matches, not labels.
    let is_review_column =
        |c: &Cell| matches!(c, Cell::Text(t) if t.trim() == crate::review::DECISION_HEADER);
    if header.cells.iter().any(is_review_column) {
        return Err(Error::Catalog {
            path: path.to_path_buf(),
            message: "a crosswalk audit workbook: its knowledge areas are crosswalk's matches, \
                      not labels; save what its review decided as labeled courses with \
                      `crosswalk audit CATALOG --review THIS-FILE --save-examples LABELED.csv` \
                      and read that file instead"
                .to_string(),
        });
    }
    let columns = label_columns(header).ok_or_else(|| Error::Catalog {
        path: path.to_path_buf(),
        message: format!(
            "no 'Knowledge areas' column in the header row (row {}): a labeled catalog names \
             the knowledge areas each course teaches, and may have 'Primary areas' and \
             'Bucket' columns",
            header.number
        ),
    })?;
    // Label columns are answers, never text to match.
    let label_cols = [
        Some(columns.knowledge_areas),
        columns.primary,
        columns.bucket,
    ];
    table
        .columns
        .columns
        .retain(|(_, col, _)| !label_cols.contains(&Some(*col)));
    let normalized = normalize::normalize(&table, &options.normalize);
    for course in &normalized.courses {
        let row = find_row(&table.sheet.rows, course.source.row);
        let text = |col: usize| row.and_then(|r| r.cells.get(col)).map(Cell::text);
        let at = |col: usize| Located {
            source: &course.source,
            column: col,
        };
        let mut knowledge_areas = parse_kas(
            resolver,
            &text(columns.knowledge_areas).unwrap_or_default(),
            at(columns.knowledge_areas),
        )?;
        let mut primary = match columns.primary {
            Some(col) => parse_kas(resolver, &text(col).unwrap_or_default(), at(col))?,
            None => Vec::new(),
        };
        for p in &primary {
            if !knowledge_areas.contains(p) {
                knowledge_areas.push(*p);
            }
        }
        knowledge_areas.sort_unstable();
        primary.sort_unstable();
        let bucket = match columns.bucket {
            Some(col) => Some(parse_bucket(fw, &text(col).unwrap_or_default(), at(col))?),
            None => None,
        };
        set.courses.push(LabeledCourse {
            course: course.clone(),
            knowledge_areas,
            primary,
            bucket,
        });
    }
    set.loaded.add(&table, normalized);
    Ok(())
}

fn label_columns(header: &RawRow) -> Option<LabelColumns> {
    let folded: Vec<Option<String>> = header
        .cells
        .iter()
        .map(|c| match c {
            Cell::Text(t) => Some(normalize_header(t)),
            _ => None,
        })
        .collect();
    let find = |names: &[&str]| {
        names
            .iter()
            .find_map(|name| folded.iter().position(|h| h.as_deref() == Some(*name)))
    };
    Some(LabelColumns {
        knowledge_areas: find(KA_HEADERS)?,
        primary: find(PRIMARY_HEADERS),
        bucket: find(BUCKET_HEADERS),
    })
}

fn find_row(rows: &[RawRow], number: u32) -> Option<&RawRow> {
    rows.binary_search_by_key(&number, |r| r.number)
        .ok()
        .map(|i| &rows[i])
}

struct Located<'a> {
    source: &'a SourceRef,
    column: usize,
}

impl Located<'_> {
    fn error(&self, message: String) -> Error {
        Error::Catalog {
            path: self.source.file.clone().into(),
            message: format!(
                "{}column {}: {message}",
                match &self.source.sheet {
                    Some(sheet) => format!("sheet '{sheet}', row {}, ", self.source.row),
                    None => format!("row {}, ", self.source.row),
                },
                column_letters(self.column)
            ),
        }
    }
}

fn parse_kas(resolver: &KaResolver, cell: &str, at: Located) -> Result<Vec<usize>> {
    let mut out = Vec::new();
    for ka in resolver.resolve_list(cell).map_err(|m| at.error(m))? {
        if !out.contains(&ka) {
            out.push(ka);
        }
    }
    Ok(out)
}

fn parse_bucket(fw: &Framework, cell: &str, at: Located) -> Result<String> {
    let wanted = bucket_key(cell);
    if wanted.is_empty() {
        return Err(at.error("no bucket label".to_string()));
    }
    if is_none_label(&wanted) {
        return Ok(crate::matcher::NONE_BUCKET.to_string());
    }
    fw.buckets
        .iter()
        .find(|b| b.labels().any(|name| bucket_key(name) == wanted))
        .map(|b| b.id.clone())
        .ok_or_else(|| {
            let ids: Vec<&str> = fw.buckets.iter().map(|b| b.id.as_str()).collect();
            at.error(format!(
                "bucket '{}' is not one of {}, none",
                cell.trim(),
                ids.join(", ")
            ))
        })
}
