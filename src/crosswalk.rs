//! Crosswalks between frameworks: which knowledge area of one corresponds to which of another
//! (same, renamed, split, merged, new, dropped), as data in `mappings/crosswalks/`, and the
//! restating of matches made against one framework into another.

use crate::error::{Error, Result};
use crate::framework::Framework;
use crate::matcher::{CourseMatch, KaScore};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// How a knowledge area of one framework relates to another's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// The same knowledge area, the same name.
    Same,
    /// The same knowledge area under another name.
    Renamed,
    /// One knowledge area became several.
    Split,
    /// Several knowledge areas became one (or one became part of a broader one).
    Merged,
    /// No counterpart in the source framework.
    New,
    /// No counterpart in the target framework.
    Dropped,
}

/// One line of a crosswalk.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// Knowledge-area ids in the source framework.
    pub from: Vec<String>,
    /// Knowledge-area ids in the target framework.
    pub to: Vec<String>,
    /// How they relate.
    pub relation: Relation,
}

/// Which frameworks a crosswalk joins.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CrosswalkInfo {
    /// Source framework id.
    pub from: String,
    /// Target framework id.
    pub to: String,
    /// What changed, in words.
    pub note: String,
}

/// A whole crosswalk file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Crosswalk {
    /// The two frameworks.
    pub crosswalk: CrosswalkInfo,
    /// The lines.
    #[serde(rename = "map")]
    pub maps: Vec<Mapping>,
}

/// The crosswalks embedded in the binary: (from, to, TOML text).
pub const BUNDLED: &[(&str, &str, &str)] = &[
    (
        "imhm-pre2025",
        "imhm-c-2025",
        include_str!("../mappings/crosswalks/imhm-pre2025--imhm-c-2025.toml"),
    ),
    (
        "imhs-az",
        "imhm-c-2025",
        include_str!("../mappings/crosswalks/imhs-az--imhm-c-2025.toml"),
    ),
    (
        "imhm-l4-impact",
        "imhm-c-2025",
        include_str!("../mappings/crosswalks/imhm-l4-impact--imhm-c-2025.toml"),
    ),
];

/// The bundled crosswalk from one framework to another, checked against both.
pub fn find(from: &Framework, to: &Framework) -> Result<Crosswalk> {
    let (a, b) = (&from.framework.id, &to.framework.id);
    let Some((_, _, text)) = BUNDLED.iter().find(|(f, t, _)| f == a && t == b) else {
        let known: Vec<String> = BUNDLED
            .iter()
            .map(|(f, t, _)| format!("{f} -> {t}"))
            .collect();
        return Err(Error::Usage(format!(
            "no crosswalk from '{a}' to '{b}' (bundled: {})",
            known.join(", ")
        )));
    };
    let origin = format!("crosswalk {a} -> {b}");
    let crosswalk: Crosswalk = toml::from_str(text).map_err(|e| Error::Framework {
        origin: origin.clone(),
        message: e
            .to_string()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    })?;
    if let Some(problem) = validate(&crosswalk, from, to).first() {
        return Err(Error::Framework {
            origin,
            message: problem.clone(),
        });
    }
    Ok(crosswalk)
}

/// Every problem with a crosswalk between two frameworks; empty when it is sound.
pub fn validate(cw: &Crosswalk, from: &Framework, to: &Framework) -> Vec<String> {
    let mut problems = Vec::new();
    let from_ids: HashSet<&str> = from.knowledge_areas.iter().map(|k| k.id.as_str()).collect();
    let to_ids: HashSet<&str> = to.knowledge_areas.iter().map(|k| k.id.as_str()).collect();
    let mut seen_from = HashSet::new();
    for m in &cw.maps {
        for id in &m.from {
            if !from_ids.contains(id.as_str()) {
                problems.push(format!("'{id}' is not in {}", from.framework.id));
            }
            if !seen_from.insert(id.as_str()) {
                problems.push(format!("'{id}' is mapped twice"));
            }
        }
        for id in &m.to {
            if !to_ids.contains(id.as_str()) {
                problems.push(format!("'{id}' is not in {}", to.framework.id));
            }
        }
        let arity_ok = match m.relation {
            Relation::Same | Relation::Renamed => m.from.len() == 1 && m.to.len() == 1,
            Relation::Split => m.from.len() == 1 && m.to.len() > 1,
            Relation::Merged => !m.from.is_empty() && m.to.len() == 1,
            Relation::New => m.from.is_empty() && m.to.len() == 1,
            Relation::Dropped => m.from.len() == 1 && m.to.is_empty(),
        };
        if !arity_ok {
            problems.push(format!(
                "{:?} -> {:?}: not a {:?} mapping",
                m.from, m.to, m.relation
            ));
        }
    }
    for id in &from_ids {
        if !seen_from.contains(id) {
            problems.push(format!("'{id}' of {} is not mapped", from.framework.id));
        }
    }
    problems
}

/// Where a restated match came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Via {
    /// The framework matched against.
    pub framework: String,
    /// The knowledge-area id there.
    pub id: String,
    /// Its name there.
    pub name: String,
    /// How it maps.
    pub relation: Relation,
}

/// Restates one course's matches from the source framework into the target: each selected
/// knowledge area passes through the crosswalk, keeping its score and evidence, and says where
/// it came from. Dropped areas fall away.
pub fn restate(m: &CourseMatch, cw: &Crosswalk, from: &Framework, to: &Framework) -> CourseMatch {
    let mut out: Vec<KaScore> = Vec::new();
    for score in m.candidates.iter().filter(|c| c.selected) {
        let source = &from.knowledge_areas[score.ka];
        let Some(mapping) = cw.maps.iter().find(|x| x.from.contains(&source.id)) else {
            continue;
        };
        for target in &mapping.to {
            let Some(k) = to.knowledge_area_index(target) else {
                continue;
            };
            if out.iter().any(|o| o.ka == k && o.score >= score.score) {
                continue;
            }
            out.retain(|o| o.ka != k);
            out.push(KaScore {
                ka: k,
                score: score.score,
                evidence: score.evidence.clone(),
                selected: true,
                via: Some(Via {
                    framework: from.framework.id.clone(),
                    id: source.id.clone(),
                    name: source.name.clone(),
                    relation: mapping.relation,
                }),
                reviewed: score.reviewed,
                excluded_by: None,
                like: score.like.clone(),
            });
        }
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.ka.cmp(&b.ka)));
    CourseMatch {
        candidates: out,
        bucket: m.bucket.clone(),
        informative_words: m.informative_words,
        thin: m.thin,
        corrections: m.corrections.clone(),
        set_aside: m.set_aside.clone(),
        review: m.review.clone(),
    }
}
