//! Frameworks as data: areas of expertise, knowledge areas with their descriptor vocabulary,
//! the buckets a course's hours can qualify as, and the hour requirements.
//!
//! Bundled frameworks are embedded with `include_str!`; users may load their own file in the
//! same format (specified in `mappings/README.md`). Every file is validated on load.

mod model;
mod resolve;
mod validate;

pub use model::{
    Area, Bucket, CountingRules, CoverageRules, EvidencedBy, Framework, FrameworkInfo,
    KnowledgeArea, MatchingRules, Requirement, RequirementKind,
};
pub use resolve::KaResolver;
pub(crate) use resolve::{bucket_key, is_none_label};
pub use validate::validate;

use crate::error::{Error, Result};
use std::path::Path;

/// A framework shipped inside the binary.
pub struct Bundled {
    /// The framework id.
    pub id: &'static str,
    /// The TOML text.
    pub text: &'static str,
}

/// The frameworks embedded in the binary; the first is the default.
pub const BUNDLED: &[Bundled] = &[
    Bundled {
        id: "imhm-c-2025",
        text: include_str!("../../mappings/imhm-c-2025.toml"),
    },
    Bundled {
        id: "imhs-az",
        text: include_str!("../../mappings/imhs-az.toml"),
    },
    Bundled {
        id: "imhm-pre2025",
        text: include_str!("../../mappings/imhm-pre2025.toml"),
    },
    Bundled {
        id: "imhm-l4-impact",
        text: include_str!("../../mappings/imhm-l4-impact.toml"),
    },
    Bundled {
        id: "imh-consultant",
        text: include_str!("../../mappings/imh-consultant.toml"),
    },
];

/// A labeled example set shipped inside the binary: labeled catalogs (CSV) whose knowledge
/// areas are named as in the framework of the same id.
pub struct BundledExamples {
    /// The set's id, named by a framework's `matching.examples`.
    pub id: &'static str,
    /// The files: (name, CSV text).
    pub files: &'static [(&'static str, &'static str)],
}

/// The example sets embedded in the binary.
pub const BUNDLED_EXAMPLES: &[BundledExamples] = &[BundledExamples {
    id: "imhm-c-2025",
    files: &[
        (
            "tuning.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning.csv"),
        ),
        (
            "tuning2.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning2.csv"),
        ),
        (
            "tuning3.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning3.csv"),
        ),
        (
            "tuning4.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning4.csv"),
        ),
        (
            "tuning5.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning5.csv"),
        ),
        (
            "tuning6.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning6.csv"),
        ),
        (
            "tuning7.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning7.csv"),
        ),
        (
            "tuning8.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning8.csv"),
        ),
        (
            "tuning9.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning9.csv"),
        ),
        (
            "tuning10.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning10.csv"),
        ),
        (
            "tuning11.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning11.csv"),
        ),
        (
            "tuning12.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning12.csv"),
        ),
        (
            "tuning13.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning13.csv"),
        ),
        (
            "tuning14.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning14.csv"),
        ),
        (
            "tuning15.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning15.csv"),
        ),
        (
            "tuning16.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning16.csv"),
        ),
        (
            "tuning17.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning17.csv"),
        ),
        (
            "tuning18.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning18.csv"),
        ),
        (
            "tuning19.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning19.csv"),
        ),
        (
            "tuning20.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning20.csv"),
        ),
        (
            "tuning21.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning21.csv"),
        ),
        (
            "tuning22.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning22.csv"),
        ),
        (
            "tuning23.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning23.csv"),
        ),
        (
            "tuning24.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning24.csv"),
        ),
        (
            "tuning25.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning25.csv"),
        ),
        (
            "tuning26.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning26.csv"),
        ),
        (
            "tuning27.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning27.csv"),
        ),
        (
            "tuning28.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning28.csv"),
        ),
        (
            "tuning29.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning29.csv"),
        ),
        (
            "tuning30.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning30.csv"),
        ),
        (
            "tuning31.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning31.csv"),
        ),
        (
            "tuning32.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning32.csv"),
        ),
        (
            "tuning33.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning33.csv"),
        ),
        (
            "tuning34.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning34.csv"),
        ),
        (
            "tuning35.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning35.csv"),
        ),
        (
            "tuning36.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning36.csv"),
        ),
        (
            "tuning37.csv",
            include_str!("../../mappings/examples/imhm-c-2025/tuning37.csv"),
        ),
    ],
}];

/// The id of the default framework.
pub const DEFAULT_ID: &str = "imhm-c-2025";

/// Parses and validates a framework from TOML text; `origin` names it in errors.
pub fn parse(text: &str, origin: &str) -> Result<Framework> {
    let framework: Framework = toml::from_str(text).map_err(|e| Error::Framework {
        origin: origin.to_string(),
        message: one_line(&e.to_string()),
    })?;
    let framework = resolve_base(framework, origin)?;
    let problems = validate(&framework);
    if let Some(first) = problems.first() {
        let more = match problems.len() {
            1 => String::new(),
            n => format!(" (and {} more)", crate::report::counted(n - 1, "problem")),
        };
        return Err(Error::Framework {
            origin: origin.to_string(),
            message: format!("{first}{more}"),
        });
    }
    Ok(framework)
}

/// Draws vocabulary (and, when asked, buckets) from the base framework.
fn resolve_base(mut fw: Framework, origin: &str) -> Result<Framework> {
    let Some(base_id) = fw.framework.vocabulary_base.clone() else {
        return Ok(fw);
    };
    let fail = |message: String| Error::Framework {
        origin: origin.to_string(),
        message,
    };
    let bundled = BUNDLED.iter().find(|b| b.id == base_id).ok_or_else(|| {
        fail(format!(
            "vocabulary_base '{base_id}' is not a bundled framework"
        ))
    })?;
    let base: Framework = toml::from_str(bundled.text).map_err(|e| {
        fail(format!(
            "vocabulary_base '{base_id}': {}",
            one_line(&e.to_string())
        ))
    })?;
    if base.framework.vocabulary_base.is_some() {
        return Err(fail(format!(
            "vocabulary_base '{base_id}' has a base of its own; one level only"
        )));
    }
    for ka in &mut fw.knowledge_areas {
        for from in ka.vocabulary_from.clone() {
            let source = base
                .knowledge_areas
                .iter()
                .find(|b| b.id == from)
                .ok_or_else(|| {
                    fail(format!(
                        "knowledge area '{}': vocabulary_from '{from}' is not in '{base_id}'",
                        ka.id
                    ))
                })?;
            let mut terms = vec![source.name.clone()];
            terms.extend(source.terms.iter().cloned());
            for term in terms {
                if !ka.terms.contains(&term) {
                    ka.terms.push(term);
                }
            }
            for term in &source.related {
                if !ka.related.contains(term) {
                    ka.related.push(term.clone());
                }
            }
            for term in &source.context {
                if !ka.context.contains(term) {
                    ka.context.push(term.clone());
                }
            }
        }
    }
    for phrase in &base.matching.other_senses {
        if !fw.matching.other_senses.contains(phrase) {
            fw.matching.other_senses.push(phrase.clone());
        }
    }
    for (wrong, right) in &base.spelling {
        fw.spelling
            .entry(wrong.clone())
            .or_insert_with(|| right.clone());
    }
    if fw.framework.inherit_buckets && fw.buckets.is_empty() {
        let translate = |ids: &[String]| -> Vec<String> {
            fw.knowledge_areas
                .iter()
                .filter(|ka| ka.vocabulary_from.iter().any(|f| ids.contains(f)))
                .map(|ka| ka.id.clone())
                .collect()
        };
        let buckets = base
            .buckets
            .iter()
            .map(|b| {
                let mut b = b.clone();
                b.knowledge_areas = translate(&b.knowledge_areas);
                b.knowledge_areas_with_age_cue = translate(&b.knowledge_areas_with_age_cue);
                b
            })
            .collect();
        fw.buckets = buckets;
    }
    Ok(fw)
}

/// Loads a framework by bundled id or by path to a TOML file.
pub fn load(id_or_path: &str) -> Result<Framework> {
    if let Some(bundled) = BUNDLED.iter().find(|b| b.id == id_or_path) {
        return parse(bundled.text, &format!("built-in {}", bundled.id));
    }
    let path = Path::new(id_or_path);
    if path.exists() {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        return parse(&text, id_or_path);
    }
    let closest = BUNDLED
        .iter()
        .map(|b| (strsim::jaro_winkler(b.id, id_or_path), b.id))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let hint = match closest {
        Some((score, id)) if score > 0.7 => format!("; did you mean '{id}'?"),
        _ => String::new(),
    };
    Err(Error::Usage(format!(
        "no bundled framework '{id_or_path}' and no such file{hint} (bundled: {})",
        BUNDLED.iter().map(|b| b.id).collect::<Vec<_>>().join(", ")
    )))
}

/// Loads the default framework.
pub fn load_default() -> Result<Framework> {
    load(DEFAULT_ID)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The slug used in ids: lowercase ASCII words joined by `-`, `&` read as "and".
///
/// ```
/// assert_eq!(crosswalk::framework::slug("Law, Regulation & Policy"), "law-regulation-and-policy");
/// ```
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name
        .replace('&', " and ")
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_reads_ampersand_and_slashes() {
        assert_eq!(
            slug("Infant/Young Child Development & Behavior"),
            "infant-young-child-development-and-behavior"
        );
        assert_eq!(
            slug("Law, Regulation & Policy"),
            "law-regulation-and-policy"
        );
    }

    #[test]
    fn bundled_frameworks_load_and_validate() {
        for bundled in BUNDLED {
            let fw = parse(bundled.text, bundled.id).expect("bundled framework is valid");
            assert_eq!(fw.framework.id, bundled.id);
        }
    }

    #[test]
    fn unknown_framework_suggests_the_closest() {
        let err = load("imhm-c-2024").expect_err("unknown id").to_string();
        assert!(err.contains("did you mean 'imhm-c-2025'"), "{err}");
    }
}
