//! A reviewer's decisions on matches: read from a reviewed audit workbook (the review columns
//! of its Courses sheet) or from a decisions file, applied over the matcher's results, and
//! saved as a decisions file for the next run. Human decisions always win.

use crate::catalog::{self, Cell, ReadOptions, normalize_header};
use crate::error::{Error, Result};
use crate::eval::KaResolver;
use crate::framework::Framework;
use crate::matcher::{BucketDecision, CourseMatch, KaScore, NONE_BUCKET};
use crate::normalize::Course;
use crate::source::column_letters;
use crate::text::fold;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Header of the review column where a match is accepted or rejected.
pub const DECISION_HEADER: &str = "Review: decision";
/// Header of the review column naming knowledge areas to remove.
pub const REMOVE_HEADER: &str = "Review: remove";
/// Header of the review column naming knowledge areas to add.
pub const ADD_HEADER: &str = "Review: add";
/// Header of the review column setting the bucket.
pub const BUCKET_HEADER: &str = "Review: bucket";
/// The values the decision column offers.
pub const DECISIONS: [&str; 2] = ["accept", "reject"];

/// What a reviewer decided about one training.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The catalog's id of the training (absent when the catalog has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its title.
    pub title: String,
    /// `accept` (the matches stand, confirmed) or `reject` (none of them stands).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    /// Knowledge-area ids to remove.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove: Vec<String>,
    /// Knowledge-area ids to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add: Vec<String>,
    /// Bucket id (or `none`) the hours go to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bucket: Option<String>,
}

/// A decision as applied to one training, for the report and the next review.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Applied {
    /// What the reviewer did, in words.
    pub note: String,
    /// `accept`, `reject` or empty.
    pub decision: String,
    /// Names of the knowledge areas removed.
    pub removed: Vec<String>,
    /// Names of the knowledge areas added.
    pub added: Vec<String>,
    /// The bucket set, or empty.
    pub bucket: String,
}

/// A decisions file: `[[decision]]` tables, in the mappings/ TOML style.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decisions {
    /// The framework the knowledge-area ids belong to.
    pub framework: String,
    /// One entry per reviewed training.
    #[serde(default, rename = "decision")]
    pub decisions: Vec<Decision>,
}

impl Decisions {
    /// The decisions file text.
    pub fn to_toml(&self) -> String {
        let mut text = String::from(
            "# Reviewer decisions on crosswalk matches. Written by `crosswalk audit --save-review`;\n\
             # apply with `crosswalk audit CATALOG --review THIS-FILE`.\n\n",
        );
        text.push_str(&toml::to_string(self).unwrap_or_default());
        text
    }
}

/// Reads decisions from a reviewed workbook (`.xlsx` and the like) or a decisions file
/// (`.toml`), checking every name against the framework.
pub fn read(path: &Path, fw: &Framework) -> Result<Decisions> {
    let is_toml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    let decisions = if is_toml {
        read_toml(path)?
    } else {
        read_workbook(path, fw)?
    };
    check(path, fw, &decisions)?;
    Ok(decisions)
}

fn read_toml(path: &Path) -> Result<Decisions> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    toml::from_str(&text).map_err(|e| Error::Catalog {
        path: path.to_path_buf(),
        message: format!("not a decisions file: {}", e.message()),
    })
}

fn check(path: &Path, fw: &Framework, d: &Decisions) -> Result<()> {
    let fail = |message: String| Error::Catalog {
        path: path.to_path_buf(),
        message,
    };
    if d.framework != fw.framework.id {
        return Err(fail(format!(
            "decisions made against framework '{}', not '{}' (use --framework {})",
            d.framework, fw.framework.id, d.framework
        )));
    }
    for decision in &d.decisions {
        for id in decision.remove.iter().chain(&decision.add) {
            if fw.knowledge_area_index(id).is_none() {
                return Err(fail(format!(
                    "'{}': no knowledge area '{id}' in {}",
                    decision.title, fw.framework.id
                )));
            }
        }
        if let Some(v) = &decision.decision
            && !DECISIONS.contains(&v.as_str())
        {
            return Err(fail(format!(
                "'{}': decision '{v}' is not accept or reject",
                decision.title
            )));
        }
        if let Some(b) = &decision.bucket
            && b != NONE_BUCKET
            && !fw.buckets.iter().any(|x| &x.id == b)
        {
            return Err(fail(format!(
                "'{}': no bucket '{b}' in {}",
                decision.title, fw.framework.id
            )));
        }
    }
    Ok(())
}

fn read_workbook(path: &Path, fw: &Framework) -> Result<Decisions> {
    let options = ReadOptions {
        sheet: Some("Courses".to_string()),
        ..ReadOptions::default()
    };
    let table = catalog::read(path, &options)?;
    let rows = &table.sheet.rows;
    let header = &rows[table.header_index];
    let find = |name: &str| {
        header.cells.iter().position(|c| match c {
            Cell::Text(t) => normalize_header(t) == normalize_header(name),
            _ => false,
        })
    };
    let (Some(decision_col), Some(remove_col), Some(add_col), Some(bucket_col)) = (
        find(DECISION_HEADER),
        find(REMOVE_HEADER),
        find(ADD_HEADER),
        find(BUCKET_HEADER),
    ) else {
        return Err(Error::Catalog {
            path: path.to_path_buf(),
            message: "sheet 'Courses' has no review columns: review a workbook written by \
                      `crosswalk audit`"
                .to_string(),
        });
    };
    let (Some(id_col), Some(title_col)) = (find("ID"), find("Title")) else {
        return Err(Error::Catalog {
            path: path.to_path_buf(),
            message: "sheet 'Courses' has no ID and Title columns".to_string(),
        });
    };
    let resolver = KaResolver::new(fw);
    let mut decisions = Vec::new();
    for row in &rows[table.header_index + 1..] {
        let text = |col: usize| {
            row.cells
                .get(col)
                .map(|c| c.text().trim().to_string())
                .unwrap_or_default()
        };
        let at = |col: usize, message: String| Error::Catalog {
            path: path.to_path_buf(),
            message: format!(
                "sheet 'Courses', row {}, column {}: {message}",
                row.number,
                column_letters(col)
            ),
        };
        let names = |col: usize| -> Result<Vec<String>> {
            let kas = resolver.resolve_list(&text(col)).map_err(|m| at(col, m))?;
            Ok(kas
                .into_iter()
                .map(|k| fw.knowledge_areas[k].id.clone())
                .collect())
        };
        let decision = match fold(&text(decision_col)).as_str() {
            "" => None,
            v if DECISIONS.contains(&v) => Some(v.to_string()),
            other => {
                return Err(at(
                    decision_col,
                    format!("'{other}' is not accept or reject"),
                ));
            }
        };
        let bucket = match fold(&text(bucket_col)).as_str() {
            "" => None,
            v => Some(v.to_string()),
        };
        let d = Decision {
            id: Some(text(id_col)).filter(|s| !s.is_empty() && !is_row_id(s)),
            title: text(title_col),
            decision,
            remove: names(remove_col)?,
            add: names(add_col)?,
            bucket,
        };
        if d.decision.is_some() || !d.remove.is_empty() || !d.add.is_empty() || d.bucket.is_some() {
            decisions.push(d);
        }
    }
    Ok(Decisions {
        framework: fw.framework.id.clone(),
        decisions,
    })
}

/// `row N`: the id crosswalk gives a training when the catalog has none.
fn is_row_id(id: &str) -> bool {
    id.strip_prefix("row ")
        .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
}

fn same_training(d: &Decision, course: &Course) -> bool {
    match &d.id {
        Some(id) if !is_row_id(&course.id) => *id == course.id,
        _ => fold(d.title.trim()) == fold(course.title.trim()),
    }
}

/// Applies the decisions to the matches (one per course, same order). Returns how many
/// trainings a decision was found for, and the decisions that matched no training.
pub fn apply<'d>(
    fw: &Framework,
    decisions: &'d Decisions,
    courses: &[Course],
    matches: &mut [CourseMatch],
) -> (usize, Vec<&'d Decision>) {
    let mut used = vec![false; decisions.decisions.len()];
    let mut applied = 0;
    for (course, m) in courses.iter().zip(matches.iter_mut()) {
        let Some((i, d)) = decisions
            .decisions
            .iter()
            .enumerate()
            .find(|(_, d)| same_training(d, course))
        else {
            continue;
        };
        used[i] = true;
        applied += 1;
        apply_one(fw, d, m);
    }
    let unmatched = decisions
        .decisions
        .iter()
        .zip(used)
        .filter(|(_, u)| !u)
        .map(|(d, _)| d)
        .collect();
    (applied, unmatched)
}

fn apply_one(fw: &Framework, d: &Decision, m: &mut CourseMatch) {
    let mut note = Vec::new();
    match d.decision.as_deref() {
        Some("accept") => {
            for c in m.candidates.iter_mut().filter(|c| c.selected) {
                c.reviewed = true;
            }
            note.push("matches accepted".to_string());
        }
        Some("reject") => {
            for c in m.candidates.iter_mut().filter(|c| c.selected) {
                c.selected = false;
            }
            note.push("matches rejected".to_string());
        }
        _ => {}
    }
    let name = |id: &str| {
        fw.knowledge_area_index(id)
            .map_or(id.to_string(), |k| fw.knowledge_areas[k].name.clone())
    };
    for id in &d.remove {
        if let Some(k) = fw.knowledge_area_index(id) {
            for c in m.candidates.iter_mut().filter(|c| c.ka == k) {
                c.selected = false;
            }
        }
    }
    if !d.remove.is_empty() {
        let names: Vec<String> = d.remove.iter().map(|id| name(id)).collect();
        note.push(format!("removed {}", names.join("; ")));
    }
    for id in &d.add {
        let Some(k) = fw.knowledge_area_index(id) else {
            continue;
        };
        match m.candidates.iter_mut().find(|c| c.ka == k) {
            Some(c) => {
                c.selected = true;
                c.reviewed = true;
                c.excluded_by = None;
            }
            None => m.candidates.push(KaScore {
                ka: k,
                score: 1.0,
                evidence: vec!["added by a reviewer".to_string()],
                selected: true,
                via: None,
                reviewed: true,
                excluded_by: None,
                like: Vec::new(),
            }),
        }
    }
    if !d.add.is_empty() {
        let names: Vec<String> = d.add.iter().map(|id| name(id)).collect();
        note.push(format!("added {}", names.join("; ")));
    }
    // Reviewer-added areas first, then the accepted ones, then the rest by score.
    let added: Vec<usize> = d
        .add
        .iter()
        .filter_map(|id| fw.knowledge_area_index(id))
        .collect();
    m.candidates.sort_by(|a, b| {
        added
            .contains(&b.ka)
            .cmp(&added.contains(&a.ka))
            .then((b.reviewed && b.selected).cmp(&(a.reviewed && a.selected)))
            .then(b.score.total_cmp(&a.score))
            .then(a.ka.cmp(&b.ka))
    });
    if let Some(bucket) = &d.bucket {
        m.bucket = BucketDecision {
            bucket: bucket.clone(),
            eligible: if bucket == NONE_BUCKET {
                Vec::new()
            } else {
                vec![bucket.clone()]
            },
            reason: format!("set by a reviewer (crosswalk said {})", m.bucket.bucket),
        };
        note.push(format!("bucket set to {bucket}"));
    }
    m.review = Some(Applied {
        note: note.join("; "),
        decision: d.decision.clone().unwrap_or_default(),
        removed: d.remove.iter().map(|id| name(id)).collect(),
        added: d.add.iter().map(|id| name(id)).collect(),
        bucket: d.bucket.clone().unwrap_or_default(),
    });
}

/// Writes the reviewed trainings as labeled courses, in the CSV form `crosswalk eval` and
/// `--examples` read: id, title, description, hours, the knowledge areas that stand after
/// review, and the bucket. Only trainings a decision was applied to are written: what a
/// person confirmed or corrected, not what the matcher guessed.
pub fn write_labeled(
    fw: &Framework,
    courses: &[Course],
    matches: &[CourseMatch],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let resolver = KaResolver::new(fw);
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record([
        "ID",
        "Title",
        "Description",
        "Hours",
        "Knowledge areas",
        "Bucket",
    ])?;
    for (course, m) in courses.iter().zip(matches) {
        if m.review.is_none() {
            continue;
        }
        let areas: Vec<String> = m.selected().map(|c| resolver.label(c.ka)).collect();
        let hours = course.hours.map(|h| h.to_string()).unwrap_or_default();
        csv.write_record([
            course.id.as_str(),
            &course.title,
            &course.description,
            &hours,
            &areas.join("; "),
            &m.bucket.bucket,
        ])?;
    }
    csv.flush()
}
