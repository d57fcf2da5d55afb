//! An applicant's transcript and RSC log against one or more endorsement profiles, side by
//! side: which trainings count and where their hours go, which sessions count, what is short,
//! and what still has to be documented by other means.

use crate::audit::{Loaded, match_with};
use crate::error::Result;
use crate::framework;
use crate::matcher::{CourseMatch, Matcher};
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
    /// Knowledge areas it documents, with score and the words found: "Name (0.85): a, b".
    pub knowledge_areas: Vec<String>,
}

/// One endorsement's result with its checklist.
#[derive(Debug, Clone, Serialize)]
pub struct EndorsementResult {
    /// The rule outcome.
    #[serde(flatten)]
    pub outcome: Outcome,
    /// What hours cannot show, to document.
    pub checklist: Vec<profile::ChecklistItem>,
    /// How rules the source leaves open were decided.
    pub decisions: Vec<String>,
    /// Knowledge areas documented by training that no training of the transcript covers.
    pub undocumented_knowledge_areas: Vec<String>,
    /// What to take next, when a catalog was given.
    pub recommendation: Option<RecommendationReport>,
}

/// The recommendation, in names.
#[derive(Debug, Clone, Serialize)]
pub struct RecommendationReport {
    /// The catalog trainings to take.
    pub trainings: Vec<RecommendedTraining>,
    /// Their hours in all.
    pub total_hours: f64,
    /// No smaller set exists (false when the search ran out of budget or found nothing).
    pub proven_smallest: bool,
    /// Rules the whole catalog cannot close.
    pub rules_out_of_reach: Vec<String>,
    /// Knowledge areas no catalog training covers.
    pub knowledge_areas_out_of_reach: Vec<String>,
}

/// A recommended catalog training.
#[derive(Debug, Clone, Serialize)]
pub struct RecommendedTraining {
    /// Catalog id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Clock hours.
    pub hours: Option<f64>,
    /// Where it is in the catalog.
    pub source: crate::source::SourceRef,
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
/// The frameworks of the endorsements checked, loaded once for any number of applicants.
pub fn load_frameworks(profiles: &[Profile]) -> Result<Vec<framework::Framework>> {
    profiles
        .iter()
        .map(|p| framework::load(&p.profile.framework))
        .collect()
}

/// What every applicant is checked against, prepared once: per endorsement its framework's
/// matcher, and the recommendation catalog matched against that framework.
pub struct Prepared<'a> {
    profiles: &'a [Profile],
    frameworks: &'a [framework::Framework],
    matchers: Vec<Matcher<'a>>,
    catalog: Option<(&'a Loaded, Vec<Vec<CourseMatch>>)>,
}

impl<'a> Prepared<'a> {
    /// Matches the catalog, if any (on `threads` threads). `frameworks` are the profiles'
    /// frameworks, in order ([`load_frameworks`]), and `matchers` one for each of them
    /// (e.g. [`Matcher::new`], which learns from the bundled examples).
    pub fn new(
        profiles: &'a [Profile],
        frameworks: &'a [framework::Framework],
        matchers: Vec<Matcher<'a>>,
        catalog: Option<&'a Loaded>,
        threads: Option<usize>,
    ) -> Result<Self> {
        assert_eq!(
            matchers.len(),
            frameworks.len(),
            "one matcher for each framework"
        );
        let catalog = match catalog {
            Some(cat) => {
                let matches = matchers
                    .iter()
                    .map(|m| match_with(m, &cat.courses, threads, &|_, _| {}))
                    .collect::<Result<Vec<_>>>()?;
                Some((cat, matches))
            }
            None => None,
        };
        Ok(Self {
            profiles,
            frameworks,
            matchers,
            catalog,
        })
    }
}

/// Checks one applicant's trainings and RSC log against every prepared endorsement.
pub fn build(
    loaded: Loaded,
    log: RscLog,
    prepared: &Prepared,
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
    for (i, p) in prepared.profiles.iter().enumerate() {
        let fw = &prepared.frameworks[i];
        let matches = match_with(&prepared.matchers[i], &courses, threads, &|_, _| {})?;
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
                knowledge_areas: m
                    .selected()
                    .map(|k| {
                        format!(
                            "{} ({:.2}): {}",
                            fw.knowledge_areas[k.ka].name,
                            k.score,
                            k.evidence.join(", ")
                        )
                    })
                    .collect(),
            });
        }
        let outcome = profile::evaluate(p, applicant, &trainings, &sessions);
        let covered: std::collections::BTreeSet<usize> = matches
            .iter()
            .flat_map(|m| m.selected().map(|s| s.ka))
            .collect();
        let missing: Vec<usize> = (0..fw.knowledge_areas.len())
            .filter(|k| !covered.contains(k))
            .filter(|&k| {
                fw.area(&fw.knowledge_areas[k].area)
                    .is_some_and(|a| a.evidenced_by == framework::EvidencedBy::Training)
            })
            .collect();
        let recommendation = prepared.catalog.as_ref().map(|(cat, matches)| {
            recommend_from(fw, p, &outcome, &trainings, &missing, cat, &matches[i])
        });
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
        endorsements.push(EndorsementResult {
            outcome,
            checklist,
            decisions: p.profile.decisions.clone(),
            undocumented_knowledge_areas: missing
                .iter()
                .map(|&k| fw.knowledge_areas[k].name.clone())
                .collect(),
            recommendation,
        });
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

/// Runs the recommendation for one profile against the catalog.
fn recommend_from(
    fw: &framework::Framework,
    p: &Profile,
    outcome: &Outcome,
    trainings: &[Training],
    missing: &[usize],
    catalog: &Loaded,
    matches: &[CourseMatch],
) -> RecommendationReport {
    use crate::profile::Candidate;
    let rules = if outcome.result.purpose == "renewal" {
        &p.renewal.rules
    } else {
        &p.initial
    };
    let requirements: Vec<crate::framework::Requirement> = outcome
        .result
        .rules
        .iter()
        .filter(|r| r.kind == "training")
        .filter(|r| !matches!(r.status, profile::RuleStatus::NotApplicable { .. }))
        .filter_map(|r| {
            let source = rules.training.iter().find(|t| t.id == r.id)?;
            Some(crate::framework::Requirement {
                id: r.id.clone(),
                name: r.name.clone(),
                hours: r.required_hours,
                accepts: source.accepts.clone(),
                kind: source.kind,
                note: None,
            })
        })
        .collect();
    let have = profile::counted_offers(trainings, &outcome.result.training_rows);
    let candidates: Vec<Candidate> = catalog
        .courses
        .iter()
        .zip(matches)
        .enumerate()
        .map(|(index, (c, m))| Candidate {
            index,
            hours: c.hours.unwrap_or(0.0),
            eligible: m.bucket.eligible.clone(),
            knowledge_areas: m.selected().map(|s| s.ka).collect(),
        })
        .collect();
    let found = profile::recommend(&requirements, &have, &candidates, missing);
    RecommendationReport {
        trainings: found
            .trainings
            .iter()
            .map(|&i| {
                let c = &catalog.courses[i];
                RecommendedTraining {
                    id: c.id.clone(),
                    title: c.title.clone(),
                    hours: c.hours,
                    source: c.source.clone(),
                }
            })
            .collect(),
        total_hours: found.total_hours,
        proven_smallest: found.proven_smallest,
        rules_out_of_reach: found.rules_out_of_reach,
        knowledge_areas_out_of_reach: found
            .knowledge_areas_out_of_reach
            .iter()
            .map(|&k| fw.knowledge_areas[k].name.clone())
            .collect(),
    }
}
