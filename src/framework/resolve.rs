//! Resolving the knowledge areas a label names: names, "Area: Name" for names two areas
//! share, or ids, compared loosely (case, accents, "&" or "and", hyphens, slashes and other
//! punctuation do not matter).

use super::Framework;
use crate::text::fold;
use std::collections::HashMap;

/// Resolves knowledge-area labels: names, "Area: Name" (or "Area - Name", "Name (Area)") for
/// names two areas share, or ids, compared loosely (see the module documentation).
pub struct KaResolver<'f> {
    fw: &'f Framework,
    by_key: HashMap<String, Vec<usize>>,
}

impl<'f> KaResolver<'f> {
    /// Indexes the framework's knowledge-area names and ids.
    pub fn new(fw: &'f Framework) -> Self {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, ka) in fw.knowledge_areas.iter().enumerate() {
            let area = fw.area_name_of(ka);
            for key in [
                ka_key(&ka.name),
                ka_key(&ka.id),
                ka_key(&format!("{area} {}", ka.name)),
                ka_key(&format!("{} {area}", ka.name)),
            ] {
                let entry = by_key.entry(key).or_default();
                if !entry.contains(&i) {
                    entry.push(i);
                }
            }
        }
        Self { fw, by_key }
    }

    /// The shortest label that names this knowledge area alone: its name, or "Area: Name"
    /// when another area has a knowledge area of the same name.
    pub fn label(&self, k: usize) -> String {
        let ka = &self.fw.knowledge_areas[k];
        match self.by_key.get(&ka_key(&ka.name)).map(Vec::len) {
            Some(1) => ka.name.clone(),
            _ => format!("{}: {}", self.fw.area_name_of(ka), ka.name),
        }
    }

    /// The knowledge areas a cell names, separated by `;`, `|`, line breaks or, where every
    /// piece then names one, commas (names that hold a comma, "Government, Law &
    /// Regulation", are read whole), in order.
    pub fn resolve_list(&self, cell: &str) -> std::result::Result<Vec<usize>, String> {
        let mut out = Vec::new();
        for label in cell.split([';', '|', '\n']).map(str::trim) {
            if label.is_empty() {
                continue;
            }
            match self.resolve(label) {
                Ok(ka) => out.push(ka),
                Err(why) => out.extend(self.resolve_commas(label).ok_or(why)?),
            }
        }
        Ok(out)
    }

    /// A label read as a comma-separated list: from each piece on, the longest run of pieces
    /// that names a knowledge area. `None` unless every piece is used.
    fn resolve_commas(&self, label: &str) -> Option<Vec<usize>> {
        let pieces: Vec<&str> = label.split(',').map(str::trim).collect();
        if pieces.len() < 2 {
            return None;
        }
        let mut out = Vec::new();
        let mut start = 0;
        while start < pieces.len() {
            let (end, ka) = (start + 1..=pieces.len())
                .rev()
                .find_map(|end| Some((end, self.resolve(&pieces[start..end].join(", ")).ok()?)))?;
            out.push(ka);
            start = end;
        }
        Some(out)
    }

    /// The knowledge area a label names, or why it names none.
    pub fn resolve(&self, label: &str) -> std::result::Result<usize, String> {
        match self.by_key.get(&ka_key(label)).map(Vec::as_slice) {
            Some([one]) => Ok(*one),
            Some(several) => {
                let names: Vec<String> = several
                    .iter()
                    .map(|&i| {
                        let ka = &self.fw.knowledge_areas[i];
                        format!("'{}: {}'", self.fw.area_name_of(ka), ka.name)
                    })
                    .collect();
                Err(format!(
                    "'{label}' names {} knowledge areas; write {}",
                    several.len(),
                    names.join(" or ")
                ))
            }
            None => {
                let closest = self
                    .fw
                    .knowledge_areas
                    .iter()
                    .map(|ka| {
                        (
                            strsim::jaro_winkler(&ka_key(label), &ka_key(&ka.name)),
                            &ka.name,
                        )
                    })
                    .max_by(|a, b| a.0.total_cmp(&b.0));
                let hint = match closest {
                    Some((score, name)) if score >= 0.8 => format!("; did you mean '{name}'?"),
                    _ => String::new(),
                };
                Err(format!(
                    "'{label}' is not a knowledge area of {}{hint}",
                    self.fw.framework.id
                ))
            }
        }
    }
}

/// Ways a labeled file may write that a course qualifies for no bucket.
const NONE_LABELS: &[&str] = &[
    "none",
    "n/a",
    "na",
    "no",
    "neither",
    "other",
    "not qualifying",
    "non qualifying",
    "nonqualifying",
    "does not qualify",
    "ninguno",
    "ninguna",
    "-",
    "--",
    "\u{2014}",
];

/// A bucket label folded for comparison: a way of writing `none` as it stands, anything else
/// as a knowledge-area label is ([`ka_key`]: "Social_Emotional" is "social emotional").
pub(crate) fn bucket_key(text: &str) -> String {
    let folded = label_key(text);
    if is_none_label(&folded) {
        return folded;
    }
    ka_key(text)
}

/// Whether a folded bucket label ([`bucket_key`]) says the course qualifies for none.
pub(crate) fn is_none_label(key: &str) -> bool {
    NONE_LABELS.contains(&key)
}

/// A knowledge-area label folded for comparison: lowercase and accentless, "&" read as "and",
/// every other mark (hyphens, slashes, colons, commas, parentheses) read as a space:
/// "Building and Maintaining Relationships", "Self-Awareness" and "Intervention / Treatment
/// Planning" are the framework's names.
fn ka_key(text: &str) -> String {
    let folded = fold(text).replace('&', " and ");
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.join(" ")
}

/// A label folded for comparison: lowercase, accentless, single spaces.
pub(crate) fn label_key(text: &str) -> String {
    fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_may_use_commas_bars_and_names_that_hold_commas() {
        let fw = crate::framework::load_default().expect("default framework");
        let resolver = KaResolver::new(&fw);
        let names = |cell: &str| -> Vec<String> {
            resolver
                .resolve_list(cell)
                .expect("resolves")
                .into_iter()
                .map(|k| fw.knowledge_areas[k].name.clone())
                .collect()
        };
        let expected = [
            "Safety",
            "Government, Law & Regulation",
            "Attachment, Separation, Trauma, Grief & Loss",
        ];
        assert_eq!(
            names(
                "Safety, Government, Law & Regulation, Attachment, Separation, Trauma, Grief & Loss"
            ),
            expected
        );
        assert_eq!(
            names(
                "Safety | Government, Law & Regulation; Attachment, Separation, Trauma, Grief & Loss"
            ),
            expected
        );
        // A piece that names nothing keeps the whole label's error.
        let err = resolver
            .resolve_list("Safety, Basket Weaving")
            .expect_err("unknown");
        assert!(err.contains("'Safety, Basket Weaving'"), "{err}");
    }

    #[test]
    fn every_label_names_its_knowledge_area_alone() {
        let fw = crate::framework::load_default().expect("default framework");
        let resolver = KaResolver::new(&fw);
        for k in 0..fw.knowledge_areas.len() {
            let label = resolver.label(k);
            assert_eq!(resolver.resolve(&label), Ok(k), "{label}");
        }
        let advocacy: Vec<String> = (0..fw.knowledge_areas.len())
            .filter(|&k| fw.knowledge_areas[k].name == "Advocacy")
            .map(|k| resolver.label(k))
            .collect();
        assert_eq!(
            advocacy,
            [
                "Direct Service Skills: Advocacy",
                "Leading People: Advocacy"
            ]
        );
    }
}
