//! Measuring the matcher against labeled courses: precision, recall and F1 over knowledge
//! areas, top-1 accuracy, bucket accuracy with its confusion table, and the same figures for a
//! plain title-only baseline, so the gain is visible.

mod baseline;
pub mod labels;
mod metrics;

/// In evaluation, labeled examples at least this alike to the course evaluated (cosine
/// similarity of their wording) are taken for copies of it and do not vote.
pub const COPY_SIMILARITY: f32 = 0.85;

pub use crate::framework::KaResolver;
pub use labels::{LabeledCourse, LabeledSet};
pub use metrics::{Accuracy, Confusion, Prf, Scores};

use crate::framework::Framework;
use crate::matcher::{BucketDecision, CourseMatch, NONE_BUCKET};
use crate::report::{InputReport, SkippedReport};
use crate::source::SourceRef;
use serde::Serialize;

/// What one system predicted for one course.
#[derive(Debug, Clone, Default)]
pub struct Prediction {
    /// Selected knowledge areas, best first.
    pub knowledge_areas: Vec<usize>,
    /// The bucket whose requirements the hours would count toward, or `none`.
    pub bucket: String,
}

/// The evaluation of a labeled set.
#[derive(Debug, Serialize)]
pub struct EvalReport {
    /// Framework id.
    pub framework: String,
    /// Framework version.
    pub framework_version: String,
    /// The files read.
    pub inputs: Vec<InputReport>,
    /// Labeled rows not used, with the reason.
    pub skipped: Vec<SkippedReport>,
    /// Courses evaluated.
    pub courses_evaluated: usize,
    /// Labeled examples the matcher learned from (0 with `--no-examples`).
    pub examples: usize,
    /// crosswalk's matcher.
    pub crosswalk: Scores,
    /// Title-only Jaro-Winkler similarity to knowledge-area names.
    pub baseline: Scores,
    /// Per knowledge area (crosswalk), worst F1 first; only areas labeled or predicted.
    pub knowledge_areas: Vec<KaResult>,
    /// Per course (crosswalk), most errors first.
    pub courses: Vec<CourseResult>,
}

/// How crosswalk did on one knowledge area.
#[derive(Debug, Clone, Serialize)]
pub struct KaResult {
    /// Knowledge-area id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its area's name.
    pub area: String,
    /// Counts and rates.
    pub scores: Prf,
}

/// How crosswalk did on one course.
#[derive(Debug, Clone, Serialize)]
pub struct CourseResult {
    /// The catalog's id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Where it is.
    pub source: SourceRef,
    /// Labeled knowledge areas.
    pub labeled: Vec<String>,
    /// Labeled primary knowledge areas.
    pub primary: Vec<String>,
    /// Knowledge areas crosswalk matched, best first, with their evidence.
    pub predicted: Vec<PredictedKa>,
    /// Labeled but not matched.
    pub missed: Vec<String>,
    /// Matched but not labeled.
    pub extra: Vec<String>,
    /// Whether the best match is a primary area (`None` when no primary area is labeled).
    pub top1_correct: Option<bool>,
    /// Labeled bucket (`None` when the file labels no buckets).
    pub bucket_labeled: Option<String>,
    /// Bucket crosswalk decided.
    pub bucket_predicted: String,
    /// Why, in words.
    pub bucket_reason: String,
    /// Sentences of the description left out of matching.
    pub set_aside: Vec<crate::matcher::SetAside>,
    /// Missed + extra knowledge areas, plus 2 for a wrong bucket.
    pub errors: usize,
}

/// A matched knowledge area with the vocabulary that produced it.
#[derive(Debug, Clone, Serialize)]
pub struct PredictedKa {
    /// Name.
    pub name: String,
    /// Score from 0 to 1.
    pub score: f64,
    /// Vocabulary entries found.
    pub evidence: Vec<String>,
    /// Titles of the labeled examples that voted for it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub like: Vec<String>,
    /// Whether the label has it.
    pub correct: bool,
}

/// The bucket a decision's hours count toward for evaluation: the first eligible bucket some
/// requirement accepts, or `none`.
pub fn qualifying_bucket(fw: &Framework, decision: &BucketDecision) -> String {
    decision
        .eligible
        .iter()
        .find(|b| counts_toward_a_requirement(fw, b))
        .cloned()
        .unwrap_or_else(|| NONE_BUCKET.to_string())
}

/// Whether some requirement of the framework accepts hours of this bucket.
fn counts_toward_a_requirement(fw: &Framework, bucket: &str) -> bool {
    fw.requirements
        .iter()
        .any(|r| r.accepts.iter().any(|a| a == bucket))
}

/// crosswalk's prediction from a course match.
pub fn prediction(fw: &Framework, m: &CourseMatch) -> Prediction {
    Prediction {
        knowledge_areas: m.selected().map(|c| c.ka).collect(),
        bucket: qualifying_bucket(fw, &m.bucket),
    }
}

/// Scores crosswalk's matches (one per labeled course, same order) and the baseline.
pub fn evaluate(fw: &Framework, set: &LabeledSet, matches: &[CourseMatch]) -> EvalReport {
    let ours: Vec<Prediction> = matches.iter().map(|m| prediction(fw, m)).collect();
    let base: Vec<Prediction> = set
        .courses
        .iter()
        .map(|c| baseline::predict(fw, &c.course.title))
        .collect();
    let buckets = bucket_labels(fw, set);
    let crosswalk = metrics::score(fw, &set.courses, &ours, &buckets);
    let baseline = metrics::score(fw, &set.courses, &base, &buckets);

    let mut knowledge_areas: Vec<KaResult> = metrics::per_ka(fw, &set.courses, &ours)
        .into_iter()
        .enumerate()
        .filter(|(_, s)| s.tp + s.fp + s.fn_ > 0)
        .map(|(i, scores)| {
            let ka = &fw.knowledge_areas[i];
            KaResult {
                id: ka.id.clone(),
                name: ka.name.clone(),
                area: fw.area_name_of(ka).to_string(),
                scores,
            }
        })
        .collect();
    knowledge_areas.sort_by(|a, b| {
        a.scores
            .f1
            .total_cmp(&b.scores.f1)
            .then((b.scores.fp + b.scores.fn_).cmp(&(a.scores.fp + a.scores.fn_)))
    });

    let mut courses: Vec<CourseResult> = set
        .courses
        .iter()
        .zip(matches)
        .zip(&ours)
        .map(|((labeled, m), p)| course_result(fw, labeled, m, p))
        .collect();
    courses.sort_by_key(|c| std::cmp::Reverse(c.errors));

    EvalReport {
        examples: 0,
        framework: fw.framework.id.clone(),
        framework_version: fw.framework.version.clone(),
        inputs: set.loaded.inputs.clone(),
        skipped: set
            .loaded
            .skipped
            .iter()
            .cloned()
            .map(SkippedReport::from)
            .collect(),
        courses_evaluated: set.courses.len(),
        crosswalk,
        baseline,
        knowledge_areas,
        courses,
    }
}

/// Bucket ids for the confusion table: the framework's buckets that labels or requirements
/// use, then `none`.
fn bucket_labels(fw: &Framework, set: &LabeledSet) -> Vec<String> {
    let mut out: Vec<String> = fw
        .buckets
        .iter()
        .filter(|b| {
            counts_toward_a_requirement(fw, &b.id)
                || set.courses.iter().any(|c| c.bucket.as_ref() == Some(&b.id))
        })
        .map(|b| b.id.clone())
        .collect();
    out.push(NONE_BUCKET.to_string());
    out
}

fn course_result(
    fw: &Framework,
    labeled: &LabeledCourse,
    m: &CourseMatch,
    p: &Prediction,
) -> CourseResult {
    let name = |i: &usize| fw.knowledge_areas[*i].name.clone();
    let missed: Vec<String> = labeled
        .knowledge_areas
        .iter()
        .filter(|k| !p.knowledge_areas.contains(k))
        .map(name)
        .collect();
    let extra: Vec<String> = p
        .knowledge_areas
        .iter()
        .filter(|k| !labeled.knowledge_areas.contains(k))
        .map(name)
        .collect();
    let top1_correct = (!labeled.primary.is_empty()).then(|| {
        p.knowledge_areas
            .first()
            .is_some_and(|k| labeled.primary.contains(k))
    });
    let bucket_wrong = labeled.bucket.as_ref().is_some_and(|b| *b != p.bucket);
    CourseResult {
        id: labeled.course.id.clone(),
        title: labeled.course.title.clone(),
        source: labeled.course.source.clone(),
        labeled: labeled.knowledge_areas.iter().map(name).collect(),
        primary: labeled.primary.iter().map(name).collect(),
        predicted: m
            .selected()
            .map(|c| PredictedKa {
                name: name(&c.ka),
                score: c.score,
                evidence: c.evidence.clone(),
                like: c.like.clone(),
                correct: labeled.knowledge_areas.contains(&c.ka),
            })
            .collect(),
        errors: missed.len() + extra.len() + if bucket_wrong { 2 } else { 0 },
        missed,
        extra,
        top1_correct,
        bucket_labeled: labeled.bucket.clone(),
        bucket_predicted: p.bucket.clone(),
        bucket_reason: m.bucket.reason.clone(),
        set_aside: m.set_aside.clone(),
    }
}
