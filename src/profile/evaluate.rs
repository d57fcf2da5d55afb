//! Evaluating a transcript and an RSC log against a profile: which rows fall inside the window,
//! which rules apply (renewal bands, first-year grace, rules for RSC providers only), how the
//! training hours are allocated (max-flow, each hour counted once among parts), and what is
//! short. Pure: dates and hours in, outcomes out.

use super::{HourRule, Profile, RscAbout, Rules};
use crate::allocate::{Offer, Status, allocate_requirements};
use crate::framework::Requirement;
use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

/// A training attended, as the engine needs it.
#[derive(Debug, Clone)]
pub struct Training {
    /// Its date, if known.
    pub date: Option<NaiveDate>,
    /// Clock hours.
    pub hours: f64,
    /// Buckets its hours may count toward.
    pub eligible: Vec<String>,
}

/// An RSC session received.
#[derive(Debug, Clone)]
pub struct RscSession {
    /// Its date, if known.
    pub date: Option<NaiveDate>,
    /// Clock hours.
    pub hours: f64,
    /// What it was about.
    pub about: RscAbout,
}

/// Who is applying, and when.
#[derive(Debug, Clone)]
pub struct Applicant {
    /// The date the requirements are judged at.
    pub as_of: NaiveDate,
    /// Renewal rather than initial endorsement.
    pub renewal: bool,
    /// When the endorsement was granted (renewal only).
    pub endorsed_since: Option<NaiveDate>,
    /// Whether the applicant provides RSC to others.
    pub provides_rsc: bool,
}

/// Whether a row counted, and if not, why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "use", rename_all = "kebab-case")]
pub enum RowUse {
    /// Inside the window.
    Counted,
    /// Outside the window.
    OutsideWindow {
        /// Why, in words.
        reason: String,
    },
}

/// Where a rule stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum RuleStatus {
    /// Met.
    Met,
    /// Short.
    Short {
        /// Hours missing.
        missing_hours: f64,
    },
    /// Nothing qualifies.
    NoQualifyingHours,
    /// Does not apply to this applicant.
    NotApplicable {
        /// Why.
        reason: String,
    },
}

impl RuleStatus {
    /// Words for people: "met", "short by 2.5 h", "nothing qualifies yet", "does not apply: ...".
    pub fn describe(&self) -> String {
        match self {
            RuleStatus::Met => "met".to_string(),
            RuleStatus::Short { missing_hours } => format!("short by {missing_hours} h"),
            RuleStatus::NoQualifyingHours => "nothing qualifies yet".to_string(),
            RuleStatus::NotApplicable { reason } => format!("does not apply: {reason}"),
        }
    }
}

/// One rule's outcome.
#[derive(Debug, Clone, Serialize)]
pub struct RuleOutcome {
    /// Rule id.
    pub id: String,
    /// What it asks.
    pub name: String,
    /// `training` or `rsc`.
    pub kind: &'static str,
    /// Hours required (after any renewal adjustment).
    pub required_hours: f64,
    /// Hours counted toward it.
    pub counted_hours: f64,
    /// Whether it is met (or does not apply).
    pub met: bool,
    /// Where it stands.
    #[serde(flatten)]
    pub status: RuleStatus,
    /// Rows that counted: (row index in the transcript or log, hours).
    pub rows: Vec<(usize, f64)>,
}

/// The outcome for one purpose.
#[derive(Debug, Clone, Serialize)]
pub struct PurposeOutcome {
    /// `initial` or `renewal`.
    pub purpose: &'static str,
    /// Set when nothing is due, with why.
    pub exempt: Option<String>,
    /// The window training counts in, if any: (from, to), both inclusive.
    pub training_window: Option<(NaiveDate, NaiveDate)>,
    /// The window RSC counts in, if any.
    pub rsc_window: Option<(NaiveDate, NaiveDate)>,
    /// How the rules were adjusted, in words (mid-cycle band, seasoned endorsement).
    pub adjustments: Vec<String>,
    /// Every rule.
    pub rules: Vec<RuleOutcome>,
    /// Per training row, whether it counted.
    pub training_rows: Vec<RowUse>,
    /// Per RSC row, whether it counted.
    pub rsc_rows: Vec<RowUse>,
    /// All rules met (or nothing due).
    pub met: bool,
}

/// The outcome against a profile.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// Profile id.
    pub profile: String,
    /// Endorsement category.
    pub endorsement: String,
    /// Profile title.
    pub title: String,
    /// Association and date.
    pub association: String,
    /// From when the profile applies.
    pub effective_from: NaiveDate,
    /// The result.
    #[serde(flatten)]
    pub result: PurposeOutcome,
}

/// Whole years from `from` to `to` (0 when `to` is earlier).
pub fn whole_years(from: NaiveDate, to: NaiveDate) -> u32 {
    let mut years = to.year() - from.year();
    if (to.month(), to.day()) < (from.month(), from.day()) {
        years -= 1;
    }
    years.max(0) as u32
}

fn months_before(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN)
}

fn placed(
    date: Option<NaiveDate>,
    window: Option<(NaiveDate, NaiveDate)>,
    as_of: NaiveDate,
) -> RowUse {
    match (date, window) {
        (Some(d), _) if d > as_of => RowUse::OutsideWindow {
            reason: format!("dated {d}, after the as-of date {as_of}"),
        },
        (Some(d), Some((from, to))) if d < from || d > to => RowUse::OutsideWindow {
            reason: format!("dated {d}, outside {from} to {to}"),
        },
        (None, Some((from, to))) => RowUse::OutsideWindow {
            reason: format!("no date, so it cannot be placed in {from} to {to}"),
        },
        _ => RowUse::Counted,
    }
}

/// What each training offers the allocation: its hours when its row counted, none otherwise.
pub fn counted_offers(trainings: &[Training], rows: &[RowUse]) -> Vec<Offer> {
    trainings
        .iter()
        .zip(rows)
        .map(|(t, used)| Offer {
            hours: if *used == RowUse::Counted {
                t.hours
            } else {
                0.0
            },
            eligible: t.eligible.clone(),
        })
        .collect()
}

fn round2(x: f64) -> f64 {
    crate::normalize::round2(x)
}

/// Evaluates a transcript and an RSC log against a profile.
pub fn evaluate(
    profile: &Profile,
    applicant: &Applicant,
    trainings: &[Training],
    sessions: &[RscSession],
) -> Outcome {
    let result = if applicant.renewal {
        renewal(profile, applicant, trainings, sessions)
    } else {
        let rules = &profile.initial;
        let training_window = rules
            .training_window_months
            .map(|m| (months_before(applicant.as_of, m), applicant.as_of));
        let rsc_window = rules
            .rsc_window_months
            .map(|m| (months_before(applicant.as_of, m), applicant.as_of));
        judge(
            "initial",
            rules,
            &|_: &str, h: f64| h,
            applicant,
            trainings,
            sessions,
            training_window,
            rsc_window,
            Vec::new(),
        )
    };
    let info = &profile.profile;
    Outcome {
        profile: info.id.clone(),
        endorsement: info.endorsement.clone(),
        title: info.title.clone(),
        association: info.association.clone(),
        effective_from: info.effective_from,
        result,
    }
}

fn renewal(
    profile: &Profile,
    applicant: &Applicant,
    trainings: &[Training],
    sessions: &[RscSession],
) -> PurposeOutcome {
    let r = &profile.renewal;
    let as_of = applicant.as_of;
    let since = applicant.endorsed_since.unwrap_or(as_of);
    let cycle_start = months_before(as_of, r.cycle_years * 12);
    let window = Some((cycle_start.max(since), as_of));
    let years = whole_years(since, as_of);
    let mut adjustments = Vec::new();
    let mut exempt = None;

    if r.first_year_grace {
        let due = NaiveDate::from_ymd_opt(since.year() + 1, 12, 31).unwrap_or(NaiveDate::MAX);
        if as_of < due {
            exempt = Some(format!(
                "first-year grace: hours are first due on {due}, the end of the calendar year after the endorsement ({since})"
            ));
        }
    }
    let band = r
        .mid_cycle
        .iter()
        .find(|b| years >= b.years_at_least && years < b.years_below);
    let mut overrides = std::collections::BTreeMap::new();
    if let Some(b) = band {
        if b.exempt && exempt.is_none() {
            exempt = Some(format!(
                "endorsed {years} whole year(s) at renewal: exempt from renewal hours"
            ));
        }
        if !b.hours.is_empty() {
            adjustments.push(format!(
                "mid-cycle: endorsed {years} whole year(s) at renewal, so {}",
                b.hours
                    .iter()
                    .map(|(id, h)| format!("{id} {h} h"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            overrides.extend(b.hours.iter().map(|(k, v)| (k.clone(), *v)));
        }
    } else if let Some(s) = &r.seasoned {
        let held = whole_years(since, cycle_start);
        if cycle_start > since && held >= s.held_years_before_cycle {
            adjustments.push(format!(
                "held {held} whole year(s) before this cycle began, so {}",
                s.hours
                    .iter()
                    .map(|(id, h)| format!("{id} {h} h"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            overrides.extend(s.hours.iter().map(|(k, v)| (k.clone(), *v)));
        }
    }
    let hours_for = move |id: &str, h: f64| overrides.get(id).copied().unwrap_or(h);
    let mut outcome = judge(
        "renewal",
        &r.rules,
        &hours_for,
        applicant,
        trainings,
        sessions,
        window,
        window,
        adjustments,
    );
    if let Some(reason) = exempt {
        for rule in &mut outcome.rules {
            rule.status = RuleStatus::NotApplicable {
                reason: reason.clone(),
            };
            rule.met = true;
        }
        outcome.met = true;
        outcome.exempt = Some(reason);
    }
    outcome
}

#[allow(clippy::too_many_arguments)]
fn judge(
    purpose: &'static str,
    rules: &Rules,
    hours_for: &dyn Fn(&str, f64) -> f64,
    applicant: &Applicant,
    trainings: &[Training],
    sessions: &[RscSession],
    training_window: Option<(NaiveDate, NaiveDate)>,
    rsc_window: Option<(NaiveDate, NaiveDate)>,
    adjustments: Vec<String>,
) -> PurposeOutcome {
    let training_rows: Vec<RowUse> = trainings
        .iter()
        .map(|t| placed(t.date, training_window, applicant.as_of))
        .collect();
    let rsc_rows: Vec<RowUse> = sessions
        .iter()
        .map(|s| placed(s.date, rsc_window, applicant.as_of))
        .collect();

    // Training rules that apply, with their hours after adjustments.
    let applies = |rule: &HourRule| !rule.only_for_rsc_providers || applicant.provides_rsc;
    let requirements: Vec<Requirement> = rules
        .training
        .iter()
        .filter(|r| applies(r))
        .map(|r| Requirement {
            id: r.id.clone(),
            name: r.name.clone(),
            hours: hours_for(&r.id, r.hours),
            accepts: r.accepts.clone(),
            kind: r.kind,
            note: None,
        })
        .collect();
    let offers = counted_offers(trainings, &training_rows);
    let allocation = allocate_requirements(&requirements, true, &offers);

    let mut outcomes = Vec::new();
    for rule in &rules.training {
        if !applies(rule) {
            outcomes.push(RuleOutcome {
                id: rule.id.clone(),
                name: rule.name.clone(),
                kind: "training",
                required_hours: rule.hours,
                counted_hours: 0.0,
                met: true,
                status: RuleStatus::NotApplicable {
                    reason: "only for applicants who provide reflective supervision/consultation"
                        .to_string(),
                },
                rows: Vec::new(),
            });
            continue;
        }
        let Some(result) = allocation.requirements.iter().find(|r| r.id == rule.id) else {
            continue;
        };
        let status = match &result.status {
            Status::Met => RuleStatus::Met,
            Status::Short { missing_hours } => RuleStatus::Short {
                missing_hours: *missing_hours,
            },
            Status::NoQualifyingCourses => RuleStatus::NoQualifyingHours,
        };
        outcomes.push(RuleOutcome {
            id: rule.id.clone(),
            name: rule.name.clone(),
            kind: "training",
            required_hours: result.required_hours,
            counted_hours: result.counted_hours,
            met: result.met,
            status,
            rows: allocation
                .lines
                .iter()
                .filter(|l| l.requirement == rule.id)
                .map(|l| (l.course, l.hours))
                .collect(),
        });
    }

    for rule in &rules.rsc {
        let required = hours_for(&rule.id, rule.hours);
        let rows: Vec<(usize, f64)> = sessions
            .iter()
            .enumerate()
            .filter(|(i, s)| {
                rsc_rows[*i] == RowUse::Counted
                    && rule.about.is_none_or(|a| a == s.about)
                    && s.hours > 0.0
            })
            .map(|(i, s)| (i, s.hours))
            .collect();
        let counted = round2(rows.iter().map(|r| r.1).sum());
        let status = if counted + 1e-9 >= required {
            RuleStatus::Met
        } else if rows.is_empty() {
            RuleStatus::NoQualifyingHours
        } else {
            RuleStatus::Short {
                missing_hours: round2(required - counted),
            }
        };
        outcomes.push(RuleOutcome {
            id: rule.id.clone(),
            name: rule.name.clone(),
            kind: "rsc",
            required_hours: required,
            counted_hours: counted,
            met: status == RuleStatus::Met,
            status,
            rows,
        });
    }
    let met = outcomes.iter().all(|o| o.met);
    PurposeOutcome {
        purpose,
        exempt: None,
        training_window,
        rsc_window,
        adjustments,
        rules: outcomes,
        training_rows,
        rsc_rows,
        met,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_years_count_anniversaries() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        assert_eq!(whole_years(d(2022, 6, 1), d(2025, 5, 31)), 2);
        assert_eq!(whole_years(d(2022, 6, 1), d(2025, 6, 1)), 3);
        assert_eq!(whole_years(d(2025, 6, 1), d(2024, 1, 1)), 0);
    }
}
