//! Frameworks as data: areas of expertise, knowledge areas with their descriptor vocabulary,
//! the buckets a course's hours can qualify as, and the hour requirements.
//!
//! Bundled frameworks are embedded with `include_str!`; users may load their own file in the
//! same format (specified in `mappings/README.md`). Every file is validated on load.

mod model;
mod validate;

pub use model::{
    Area, Bucket, CountingRules, CoverageRules, EvidencedBy, Framework, FrameworkInfo,
    KnowledgeArea, MatchingRules, Requirement, RequirementKind,
};
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
pub const BUNDLED: &[Bundled] = &[Bundled {
    id: "imhm-c-2025",
    text: include_str!("../../mappings/imhm-c-2025.toml"),
}];

/// The id of the default framework.
pub const DEFAULT_ID: &str = "imhm-c-2025";

/// Parses and validates a framework from TOML text; `origin` names it in errors.
pub fn parse(text: &str, origin: &str) -> Result<Framework> {
    let framework: Framework = toml::from_str(text).map_err(|e| Error::Framework {
        origin: origin.to_string(),
        message: one_line(&e.to_string()),
    })?;
    let problems = validate(&framework);
    if let Some(first) = problems.first() {
        let more = match problems.len() {
            1 => String::new(),
            n => format!(" (and {} more problems)", n - 1),
        };
        return Err(Error::Framework {
            origin: origin.to_string(),
            message: format!("{first}{more}"),
        });
    }
    Ok(framework)
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
