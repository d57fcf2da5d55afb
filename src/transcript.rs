//! An applicant's transcript and RSC log against one or more endorsement profiles, side by
//! side: which trainings count and where their hours go, which sessions count, what is short,
//! and what still has to be documented by other means.

use crate::audit::{Loaded, match_all};
use crate::error::Result;
use crate::framework;
use crate::normalize::Course;
use crate::profile::{self, Applicant, Outcome, Profile, RscSession, Training};
use crate::report::{InputReport, SkippedReport, ToolInfo};
use crate::rsclog::{RscLog, RscRow};
use chrono::NaiveDate;
use serde::Serialize;

/// A training of the transcript, with what each endorsement's framework makes of it.
#[derive(Debug, Clone, Serialize)]
pub struct TranscriptTraining {
    /// The training as read.
    #[serde(flatten)]
    pub course: Course,
    /// Its date, when it could be read.
    pub parsed_date: Option<NaiveDate>,
    /// Per endorsement: (endorsement, main bucket, eligible buckets, reason).
    pub buckets: Vec<BucketView>,
}

/// What one framework makes of a training.
#[derive(Debug, Clone, Serialize)]
pub struct BucketView {
    /// Endorsement category.
    pub endorsement: String,
    /// Main bucket or `none`.
    pub bucket: String,
    /// Buckets its hours may count toward.
    pub eligible: Vec<String>,
    /// Why.
    pub reason: String,
}

/// One endorsement's result with its checklist.
#[derive(Debug, Clone, Serialize)]
pub struct EndorsementResult {
    /// The rule outcome.
    #[serde(flatten)]
    pub outcome: Outcome,
    /// What hours cannot show, to document.
    pub checklist: Vec<profile::ChecklistItem>,
}

/// The whole transcript report.
#[derive(Debug, Clone, Serialize)]
pub struct TranscriptReport {
    /// The tool.
    pub tool: ToolInfo,
    /// The date requirements are judged at.
    pub as_of: NaiveDate,
    /// `initial` or `renewal`.
    pub purpose: &'static str,
    /// When the endorsement was granted (renewal).
    pub endorsed_since: Option<NaiveDate>,
    /// Whether the applicant provides RSC.
    pub provides_rsc: bool,
    /// Input files.
    pub inputs: Vec<InputReport>,
    /// Trainings, in input order.
    pub trainings: Vec<TranscriptTraining>,
    /// RSC sessions, in input order.
    pub rsc_sessions: Vec<RscRow>,
    /// One result per endorsement asked for.
    pub endorsements: Vec<EndorsementResult>,
    /// Rows not used.
    pub skipped: Vec<SkippedReport>,
    /// Rows worth a look.
    pub warnings: Vec<crate::normalize::Warning>,
}

/// The date of a training, read from its date text.
fn training_date(course: &Course) -> Option<NaiveDate> {
    let text = course.date.as_deref()?;
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .or_else(|| crate::normalize::dates::parse_text(text))
}

/// Evaluates the transcript and RSC log against every profile.
pub fn build(
    loaded: Loaded,
    log: RscLog,
    profiles: &[Profile],
    applicant: &Applicant,
    threads: Option<usize>,
) -> Result<TranscriptReport> {
    let Loaded {
        inputs,
        courses,
        mut skipped,
        mut warnings,
    } = loaded;
    let dates: Vec<Option<NaiveDate>> = courses.iter().map(training_date).collect();
    let sessions: Vec<RscSession> = log
        .sessions
        .iter()
        .map(|s| RscSession {
            date: s.date,
            hours: s.hours,
            about: s.about,
        })
        .collect();

    let mut views: Vec<Vec<BucketView>> = vec![Vec::new(); courses.len()];
    let mut endorsements = Vec::new();
    for p in profiles {
        let fw = framework::load(&p.profile.framework)?;
        let matches = match_all(&fw, &courses, threads, &|_, _| {})?;
        let trainings: Vec<Training> = courses
            .iter()
            .zip(&matches)
            .zip(&dates)
            .map(|((c, m), date)| Training {
                date: *date,
                hours: c.hours.unwrap_or(0.0),
                eligible: m.bucket.eligible.clone(),
            })
            .collect();
        for (view, m) in views.iter_mut().zip(&matches) {
            view.push(BucketView {
                endorsement: p.profile.endorsement.clone(),
                bucket: m.bucket.bucket.clone(),
                eligible: m.bucket.eligible.clone(),
                reason: m.bucket.reason.clone(),
            });
        }
        let outcome = profile::evaluate(p, applicant, &trainings, &sessions);
        let purpose = if applicant.renewal {
            "renewal"
        } else {
            "initial"
        };
        let checklist = p
            .checklist
            .iter()
            .filter(|c| c.applies_to == "both" || c.applies_to == purpose)
            .cloned()
            .collect();
        endorsements.push(EndorsementResult { outcome, checklist });
    }
    skipped.extend(log.skipped);
    warnings.extend(log.warnings);
    Ok(TranscriptReport {
        tool: ToolInfo::default(),
        as_of: applicant.as_of,
        purpose: if applicant.renewal {
            "renewal"
        } else {
            "initial"
        },
        endorsed_since: applicant.endorsed_since,
        provides_rsc: applicant.provides_rsc,
        inputs,
        trainings: courses
            .into_iter()
            .zip(dates)
            .zip(views)
            .map(|((course, parsed_date), buckets)| TranscriptTraining {
                course,
                parsed_date,
                buckets,
            })
            .collect(),
        rsc_sessions: log.sessions,
        endorsements,
        skipped: skipped.into_iter().map(SkippedReport::from).collect(),
        warnings,
    })
}
