//! The audit report: one result struct that the JSON, the workbook and the terminal summary
//! all read. Its JSON form is the contract other tools rely on.

pub mod applicant;
pub mod curriculum;
pub mod json;
pub mod sheet;
pub mod terminal;
pub mod workbook;

use crate::allocate::RequirementResult;
use crate::catalog::Role;
use crate::coverage::CoverageStatus;
use crate::framework::{EvidencedBy, FrameworkInfo};
use crate::normalize::{Course, SkipReason, Warning};
use crate::source::SourceRef;
use serde::Serialize;

/// A noun as a count asks: singular for one, plural (with an "s") otherwise.
pub fn noun(count: usize, singular: &str) -> String {
    if count == 1 {
        singular.to_string()
    } else {
        format!("{singular}s")
    }
}

/// A count with its noun: `counted(1, "training")` is "1 training", `counted(3, "training")`
/// "3 trainings".
pub fn counted(count: usize, singular: &str) -> String {
    format!("{count} {}", noun(count, singular))
}

/// The whole audit result.
#[derive(Debug, Clone, Serialize)]
pub struct AuditReport {
    /// The tool that made it.
    pub tool: ToolInfo,
    /// The framework audited against.
    pub framework: FrameworkInfo,
    /// Settings in force.
    pub settings: Settings,
    /// Input files.
    pub inputs: Vec<InputReport>,
    /// Totals.
    pub summary: Summary,
    /// Every course, in input order.
    pub courses: Vec<CourseReport>,
    /// Requirement outcomes, in framework order.
    pub requirements: Vec<RequirementResult>,
    /// Traceable allocation lines.
    pub allocation: Vec<AllocationReport>,
    /// Areas of expertise, rolled up.
    pub areas: Vec<AreaReport>,
    /// Every knowledge area's coverage, in framework order.
    pub coverage: Vec<KaReport>,
    /// Knowledge areas not covered or weakly covered.
    pub gaps: Vec<GapReport>,
    /// Rows not used, with reasons.
    pub skipped: Vec<SkippedReport>,
    /// Used rows worth a look.
    pub warnings: Vec<Warning>,
    /// Set when the matches were made against another framework and restated through a
    /// crosswalk.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restated_from: Option<Restatement>,
}

/// How an audit was restated from another framework.
#[derive(Debug, Clone, Serialize)]
pub struct Restatement {
    /// The framework the trainings were matched against.
    pub framework: FrameworkInfo,
    /// The crosswalk's note.
    pub note: String,
    /// Each mapped area whose name or shape changed: relation, from, to.
    pub changes: Vec<ChangedArea>,
}

/// A knowledge area that changed between the frameworks.
#[derive(Debug, Clone, Serialize)]
pub struct ChangedArea {
    /// renamed, split, merged, new or dropped.
    pub relation: crate::crosswalk::Relation,
    /// Names in the source framework.
    pub from: Vec<String>,
    /// Names in the target framework.
    pub to: Vec<String>,
}

/// Tool name and version.
#[derive(Debug, Clone, Serialize)]
pub struct ToolInfo {
    /// `crosswalk`.
    pub name: &'static str,
    /// Cargo package version.
    pub version: &'static str,
}

impl Default for ToolInfo {
    fn default() -> Self {
        Self {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

/// Settings in force for the run.
#[derive(Debug, Clone, Serialize)]
pub struct Settings {
    /// Clock hours per credit.
    pub credit_factor: f64,
    /// Clock hours per CEU.
    pub ceu_factor: f64,
    /// Whether each hour counts toward one part requirement only.
    pub hours_count_once: bool,
    /// Lowest knowledge-area score reported.
    pub min_score: f64,
    /// Score from which coverage is strong.
    pub strong_score: f64,
    /// Hours below which coverage is weak.
    pub weak_below_hours: f64,
}

/// One input file.
#[derive(Debug, Clone, Serialize)]
pub struct InputReport {
    /// Path as given.
    pub file: String,
    /// Format found in its bytes.
    pub format: &'static str,
    /// SHA-256, hex.
    pub sha256: String,
    /// Sheet read, if a workbook.
    pub sheet: Option<String>,
    /// 1-based header row.
    pub header_row: u32,
    /// Recognized columns.
    pub columns: Vec<ColumnReport>,
    /// Rows seen in the sheet.
    pub rows_seen: usize,
    /// Rows that became courses.
    pub rows_used: usize,
    /// Rows skipped.
    pub rows_skipped: usize,
    /// Notes on how it was read.
    pub notes: Vec<String>,
}

/// A recognized column.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnReport {
    /// What it holds.
    pub role: Role,
    /// Its letter.
    pub column: String,
    /// Its header as written.
    pub header: String,
}

/// Totals over the run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Rows seen, over all inputs.
    pub rows_seen: usize,
    /// Rows that became courses.
    pub rows_used: usize,
    /// Rows skipped.
    pub rows_skipped: usize,
    /// Courses whose hours could be read.
    pub courses_with_hours: usize,
    /// Sum of their hours.
    pub total_hours: f64,
    /// Courses per main bucket, in framework order, then `none`.
    pub buckets: Vec<BucketCount>,
    /// Courses too thin to judge.
    pub thin_courses: usize,
    /// Knowledge areas covered.
    pub knowledge_areas_covered: usize,
    /// Weakly covered.
    pub knowledge_areas_weak: usize,
    /// Not covered, where training documents them.
    pub knowledge_areas_uncovered: usize,
    /// Not covered, where other evidence documents them.
    pub knowledge_areas_other_evidence: usize,
    /// Requirements met, of all.
    pub requirements_met: usize,
    /// All requirements.
    pub requirements: usize,
}

/// Courses and hours in one bucket.
#[derive(Debug, Clone, Serialize)]
pub struct BucketCount {
    /// Bucket id or `none`.
    pub bucket: String,
    /// Courses.
    pub courses: usize,
    /// Their hours.
    pub hours: f64,
}

/// One course as matched: the course as read, and what crosswalk concluded.
#[derive(Debug, Clone, Serialize)]
pub struct CourseReport {
    /// The course as read from the catalog.
    #[serde(flatten)]
    pub course: Course,
    /// Main bucket or `none`.
    pub bucket: String,
    /// Buckets the hours may count toward.
    pub eligible_buckets: Vec<String>,
    /// Why that bucket.
    pub bucket_reason: String,
    /// Too little text to judge.
    pub thin: bool,
    /// Words read as another word (likely typos).
    pub typos: Vec<String>,
    /// Sentences of the description not matched: about the presenter, the audience,
    /// logistics or catalog notes such as prerequisites.
    pub set_aside: Vec<crate::matcher::SetAside>,
    /// Matched knowledge areas, best first.
    pub knowledge_areas: Vec<KaMatchReport>,
    /// Hours counted per requirement.
    pub counted: Vec<CountedReport>,
    /// What a reviewer decided, when a decision was applied (human decisions win).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<crate::review::Applied>,
}

/// A matched knowledge area.
#[derive(Debug, Clone, Serialize)]
pub struct KaMatchReport {
    /// Knowledge-area id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its area's name.
    pub area: String,
    /// Score 0..1.
    pub score: f64,
    /// Vocabulary entries found.
    pub evidence: Vec<String>,
    /// Titles of labeled examples worded like the course that teach this knowledge area.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub like: Vec<String>,
    /// Where the match came from, when restated through a crosswalk.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<crate::crosswalk::Via>,
    /// `reviewer` when a person confirmed or added the match.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
}

/// Hours of a course counted toward one requirement.
#[derive(Debug, Clone, Serialize)]
pub struct CountedReport {
    /// Requirement id.
    pub requirement: String,
    /// Hours.
    pub hours: f64,
}

/// One allocation line.
#[derive(Debug, Clone, Serialize)]
pub struct AllocationReport {
    /// Course id.
    pub course: String,
    /// Course title.
    pub title: String,
    /// Where the course is.
    pub source: SourceRef,
    /// Requirement id.
    pub requirement: String,
    /// Hours counted.
    pub hours: f64,
}

/// An area of expertise, rolled up.
#[derive(Debug, Clone, Serialize)]
pub struct AreaReport {
    /// Area id.
    pub id: String,
    /// Area name.
    pub name: String,
    /// How it is mainly evidenced.
    pub evidenced_by: EvidencedBy,
    /// Knowledge areas in it.
    pub knowledge_areas: usize,
    /// Covered.
    pub covered: usize,
    /// Weakly covered.
    pub weak: usize,
    /// Not covered.
    pub uncovered: usize,
}

/// One knowledge area's coverage.
#[derive(Debug, Clone, Serialize)]
pub struct KaReport {
    /// Knowledge-area id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Area name.
    pub area: String,
    /// Status.
    pub status: CoverageStatus,
    /// Covering courses, best first.
    pub courses: Vec<CovererReport>,
    /// Their hours.
    pub hours: f64,
    /// Best score.
    pub best_score: f64,
}

/// A course covering a knowledge area.
#[derive(Debug, Clone, Serialize)]
pub struct CovererReport {
    /// Course id.
    pub id: String,
    /// Where it is.
    pub source: SourceRef,
    /// Score.
    pub score: f64,
}

/// A knowledge area not covered, or weakly.
#[derive(Debug, Clone, Serialize)]
pub struct GapReport {
    /// Knowledge-area id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Area name.
    pub area: String,
    /// Status.
    pub status: CoverageStatus,
    /// Why, in words.
    pub reason: String,
}

/// A skipped row, or a run of blank rows.
#[derive(Debug, Clone, Serialize)]
pub struct SkippedReport {
    /// Where it is (the first row of a run).
    pub source: SourceRef,
    /// The last row of a run, if more than one row.
    pub through_row: Option<u32>,
    /// How many rows the entry stands for.
    pub rows: usize,
    /// Why, in words.
    pub reason: String,
    /// The reason as a code.
    pub code: SkipReason,
    /// Its first text.
    pub preview: String,
}

impl From<crate::normalize::Skipped> for SkippedReport {
    fn from(s: crate::normalize::Skipped) -> Self {
        Self {
            rows: s.rows(),
            through_row: s.through_row,
            reason: s.reason.to_string(),
            source: s.source,
            code: s.reason,
            preview: s.preview,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_training_is_singular() {
        assert_eq!(counted(1, "training"), "1 training");
        assert_eq!(counted(0, "training"), "0 trainings");
        assert_eq!(counted(2, "RSC session"), "2 RSC sessions");
    }
}
