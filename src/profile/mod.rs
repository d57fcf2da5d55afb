//! Requirement profiles: the hour rules of one endorsement category as one association states
//! them from one date, for initial endorsement and for renewal, as data (`mappings/profiles/`).
//! The framework a profile names supplies the buckets that decide which trainings count.

mod evaluate;
mod recommend;

pub use evaluate::{
    Applicant, Outcome, PurposeOutcome, RowUse, RscSession, RuleOutcome, RuleStatus, Training,
    counted_offers, evaluate,
};
pub use recommend::{Candidate, NODE_BUDGET, Recommendation, recommend};

use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A whole profile file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Identity and provenance.
    pub profile: ProfileInfo,
    /// Rules for initial endorsement.
    pub initial: Rules,
    /// Rules for renewal.
    pub renewal: Renewal,
    /// Requirements hours cannot show, to document.
    #[serde(default)]
    pub checklist: Vec<ChecklistItem>,
}

/// Identity and provenance of a profile.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileInfo {
    /// Stable id, used with `--profile`.
    pub id: String,
    /// The endorsement category it is for, used with `--endorsement` (e.g. `imhm-c`).
    pub endorsement: String,
    /// Human title.
    pub title: String,
    /// Who states the rules.
    pub association: String,
    /// From when they apply.
    pub effective_from: NaiveDate,
    /// Where the figures come from.
    pub source: String,
    /// The framework whose buckets decide what a training counts as.
    pub framework: String,
    /// The profile used for this endorsement when none is named.
    #[serde(default)]
    pub default: bool,
    /// How rules the source leaves open were decided, in words; shown with every result.
    #[serde(default)]
    pub decisions: Vec<String>,
}

/// The hour rules for one purpose.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// Training-hour rules.
    #[serde(default)]
    pub training: Vec<HourRule>,
    /// Rules on reflective supervision/consultation received.
    #[serde(default)]
    pub rsc: Vec<RscRule>,
    /// Only training dated within this many months before the as-of date counts (none: all).
    #[serde(default)]
    pub training_window_months: Option<u32>,
    /// Only RSC dated within this many months before the as-of date counts (none: all).
    #[serde(default)]
    pub rsc_window_months: Option<u32>,
}

/// A training-hour rule.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct HourRule {
    /// Stable id.
    pub id: String,
    /// What it asks, in words.
    pub name: String,
    /// Minimum clock hours.
    pub hours: f64,
    /// Buckets whose hours count.
    pub accepts: Vec<String>,
    /// `total` (all qualifying hours) or `part` (each hour counts toward one part only).
    pub kind: crate::framework::RequirementKind,
    /// Applies only to applicants who provide RSC themselves.
    #[serde(default)]
    pub only_for_rsc_providers: bool,
}

/// What an RSC session was about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RscAbout {
    /// The applicant's own work with families.
    OwnCases,
    /// The reflective supervision/consultation the applicant provides to others.
    Providing,
}

/// A rule on RSC received.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RscRule {
    /// Stable id.
    pub id: String,
    /// What it asks, in words.
    pub name: String,
    /// Minimum clock hours.
    pub hours: f64,
    /// Count only sessions about this (none: any session).
    #[serde(default)]
    pub about: Option<RscAbout>,
}

/// Renewal rules: a cycle, its rules, and adjustments by years endorsed.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Renewal {
    /// Length of a renewal cycle, in years.
    pub cycle_years: u32,
    /// Rules for a full cycle.
    #[serde(flatten)]
    pub rules: Rules,
    /// Adjustments for those endorsed less than a full cycle at renewal, by whole years.
    #[serde(default)]
    pub mid_cycle: Vec<MidCycleBand>,
    /// Lower RSC hours once the endorsement has been held this many years before the cycle.
    #[serde(default)]
    pub seasoned: Option<Seasoned>,
    /// Hours are first due at the end of the calendar year after the endorsement date.
    #[serde(default)]
    pub first_year_grace: bool,
}

/// A mid-cycle band: endorsed at least `years_at_least` and less than `years_below` whole
/// years at renewal.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MidCycleBand {
    /// Lower bound, whole years.
    pub years_at_least: u32,
    /// Upper bound (exclusive), whole years.
    pub years_below: u32,
    /// No hours due at all.
    #[serde(default)]
    pub exempt: bool,
    /// Rule id -> hours in this band.
    #[serde(default)]
    pub hours: std::collections::BTreeMap<String, f64>,
}

/// Lower RSC requirements for long-held endorsements.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Seasoned {
    /// Years held before the cycle began.
    pub held_years_before_cycle: u32,
    /// Rule id -> hours.
    pub hours: std::collections::BTreeMap<String, f64>,
}

/// A requirement hours cannot show.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// What it is (degree, work experience, reference ratings...).
    pub item: String,
    /// What to document, in crosswalk's words.
    pub document: String,
    /// For initial endorsement, renewal, or both.
    #[serde(default = "both")]
    pub applies_to: String,
}

fn both() -> String {
    "both".to_string()
}

/// A profile bundled in the binary.
pub struct BundledProfile {
    /// Profile id.
    pub id: &'static str,
    /// TOML text.
    pub text: &'static str,
}

/// The bundled profiles.
pub const BUNDLED: &[BundledProfile] = &[
    BundledProfile {
        id: "mi-aimh-2025-imhm-c",
        text: include_str!("../../mappings/profiles/mi-aimh-2025-imhm-c.toml"),
    },
    BundledProfile {
        id: "alliance-2024-imhm-c",
        text: include_str!("../../mappings/profiles/alliance-2024-imhm-c.toml"),
    },
    BundledProfile {
        id: "itmhca-imhs",
        text: include_str!("../../mappings/profiles/itmhca-imhs.toml"),
    },
];

/// Parses and checks a profile.
pub fn parse(text: &str, origin: &str) -> Result<Profile> {
    let profile: Profile = toml::from_str(text).map_err(|e| Error::Framework {
        origin: origin.to_string(),
        message: e
            .to_string()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    })?;
    let fail = |message: String| Error::Framework {
        origin: origin.to_string(),
        message,
    };
    for rules in [&profile.initial, &profile.renewal.rules] {
        for rule in &rules.training {
            if rule.hours.is_nan() || rule.hours <= 0.0 {
                return Err(fail(format!("rule '{}': hours must be above 0", rule.id)));
            }
        }
        for rule in &rules.rsc {
            if rule.hours.is_nan() || rule.hours <= 0.0 {
                return Err(fail(format!("rule '{}': hours must be above 0", rule.id)));
            }
        }
    }
    let ids: Vec<&str> = profile
        .renewal
        .rules
        .training
        .iter()
        .map(|r| r.id.as_str())
        .chain(profile.renewal.rules.rsc.iter().map(|r| r.id.as_str()))
        .collect();
    let bands = profile
        .renewal
        .mid_cycle
        .iter()
        .flat_map(|b| b.hours.keys());
    let seasoned = profile.renewal.seasoned.iter().flat_map(|s| s.hours.keys());
    for id in bands.chain(seasoned) {
        if !ids.contains(&id.as_str()) {
            return Err(fail(format!(
                "renewal adjustment names rule '{id}', which is not defined"
            )));
        }
    }
    Ok(profile)
}

/// The profile to use: a named one, or the default for an endorsement category.
pub fn find(endorsement: &str, profile: Option<&str>) -> Result<Profile> {
    let all: Vec<Profile> = BUNDLED
        .iter()
        .map(|b| parse(b.text, b.id))
        .collect::<Result<_>>()?;
    let endorsements: Vec<String> = {
        let mut e: Vec<String> = all.iter().map(|p| p.profile.endorsement.clone()).collect();
        e.dedup();
        e
    };
    let chosen = match profile {
        Some(id) => all.into_iter().find(|p| p.profile.id == id),
        None => all
            .into_iter()
            .find(|p| p.profile.endorsement == endorsement && p.profile.default),
    };
    match chosen {
        Some(p) if p.profile.endorsement == endorsement => Ok(p),
        Some(p) => Err(Error::Usage(format!(
            "profile '{}' is for endorsement '{}', not '{endorsement}'",
            p.profile.id, p.profile.endorsement
        ))),
        None => Err(Error::Usage(format!(
            "no profile for endorsement '{endorsement}'{} (endorsements: {}; profiles: {})",
            profile.map(|p| format!(" named '{p}'")).unwrap_or_default(),
            endorsements.join(", "),
            BUNDLED.iter().map(|b| b.id).collect::<Vec<_>>().join(", ")
        ))),
    }
}
