//! Checks a framework for what the type system cannot: unique ids, resolving references,
//! positive hours, scores in range, vocabulary entries that can match as written.

use super::{Framework, RequirementKind, slug};
use crate::text::{Analyzer, fold, raw_words};
use std::collections::HashSet;

/// Every problem found, in file order; empty when the framework is valid.
pub fn validate(fw: &Framework) -> Vec<String> {
    let mut problems = Vec::new();
    if fw.framework.id.trim().is_empty() {
        problems.push("framework.id is empty".to_string());
    }
    if fw.areas.is_empty() {
        problems.push("no [[areas]]".to_string());
    }
    if fw.knowledge_areas.is_empty() {
        problems.push("no [[knowledge_areas]]".to_string());
    }

    if let Some(set) = &fw.matching.examples
        && !super::BUNDLED_EXAMPLES.iter().any(|b| b.id == set)
    {
        let known: Vec<&str> = super::BUNDLED_EXAMPLES.iter().map(|b| b.id).collect();
        problems.push(format!(
            "matching.examples '{set}' is not a bundled example set (bundled: {})",
            known.join(", ")
        ));
    }

    let mut area_ids = HashSet::new();
    for area in &fw.areas {
        if !area_ids.insert(area.id.as_str()) {
            problems.push(format!("area id '{}' is used twice", area.id));
        }
        if area.name.trim().is_empty() {
            problems.push(format!("area '{}' has an empty name", area.id));
        }
    }

    let mut ka_ids = HashSet::new();
    for ka in &fw.knowledge_areas {
        if !ka_ids.insert(ka.id.as_str()) {
            problems.push(format!("knowledge area id '{}' is used twice", ka.id));
        }
        if !area_ids.contains(ka.area.as_str()) {
            problems.push(format!(
                "knowledge area '{}' names area '{}', which is not defined",
                ka.id, ka.area
            ));
        }
        let expected_prefix = format!("{}/", ka.area);
        if !ka.id.starts_with(&expected_prefix) {
            problems.push(format!(
                "knowledge area id '{}' should start with '{expected_prefix}'",
                ka.id
            ));
        }
        if ka.name.trim().is_empty() {
            problems.push(format!("knowledge area '{}' has an empty name", ka.id));
        }
        if ka.terms.is_empty() && slug(&ka.name).is_empty() {
            problems.push(format!("knowledge area '{}' has no vocabulary", ka.id));
        }
        for term in ka.terms.iter().chain(&ka.related).chain(&ka.context) {
            if term.trim().is_empty() {
                problems.push(format!("knowledge area '{}' has an empty term", ka.id));
            }
        }
    }

    for (wrong, right) in &fw.spelling {
        if wrong.trim().is_empty() || right.trim().is_empty() || wrong == right {
            problems.push(format!(
                "spelling: '{wrong}' = '{right}' is not a correction"
            ));
        }
    }

    let mut bucket_ids = HashSet::new();
    for bucket in &fw.buckets {
        if !bucket_ids.insert(bucket.id.as_str()) {
            problems.push(format!("bucket id '{}' is used twice", bucket.id));
        }
        for ka in bucket
            .knowledge_areas
            .iter()
            .chain(&bucket.knowledge_areas_with_age_cue)
        {
            if !ka_ids.contains(ka.as_str()) {
                problems.push(format!(
                    "bucket '{}' names knowledge area '{ka}', which is not defined",
                    bucket.id
                ));
            }
        }
        for other in &bucket.also_counts_as {
            if !fw.buckets.iter().any(|b| &b.id == other) || other == &bucket.id {
                problems.push(format!(
                    "bucket '{}': also_counts_as names '{other}', which is not another bucket",
                    bucket.id
                ));
            }
        }
        if !(0.0..=1.0).contains(&bucket.min_share_of_best) {
            problems.push(format!(
                "bucket '{}': min_share_of_best must be within 0 and 1",
                bucket.id
            ));
        }
        if !(0.0..=1.0).contains(&bucket.min_score) {
            problems.push(format!(
                "bucket '{}': min_score must be within 0 and 1",
                bucket.id
            ));
        }
        if bucket.cues.is_empty() && bucket.knowledge_areas.is_empty() {
            problems.push(format!(
                "bucket '{}' has neither cues nor knowledge_areas",
                bucket.id
            ));
        }
        for label in bucket.labels() {
            let key = super::bucket_key(label);
            if super::is_none_label(&key) {
                problems.push(format!(
                    "bucket '{}': '{label}' is how labeled files write 'none'",
                    bucket.id
                ));
            }
            if let Some(other) = fw
                .buckets
                .iter()
                .filter(|b| b.id != bucket.id)
                .find(|b| b.labels().any(|l| super::bucket_key(l) == key))
            {
                problems.push(format!(
                    "bucket '{}': '{label}' also names bucket '{}'",
                    bucket.id, other.id
                ));
            }
        }
    }

    let mut requirement_ids = HashSet::new();
    let mut totals = 0;
    for req in &fw.requirements {
        if !requirement_ids.insert(req.id.as_str()) {
            problems.push(format!("requirement id '{}' is used twice", req.id));
        }
        if !(req.hours > 0.0 && req.hours.is_finite()) {
            problems.push(format!(
                "requirement '{}': hours must be greater than 0 (found {})",
                req.id, req.hours
            ));
        }
        if req.accepts.is_empty() {
            problems.push(format!("requirement '{}' accepts no bucket", req.id));
        }
        for bucket in &req.accepts {
            if !bucket_ids.contains(bucket.as_str()) {
                problems.push(format!(
                    "requirement '{}' accepts bucket '{bucket}', which is not defined",
                    req.id
                ));
            }
        }
        if req.kind == RequirementKind::Total {
            totals += 1;
        }
    }
    if totals > 1 {
        problems.push("more than one requirement of kind \"total\"".to_string());
    }
    let parts: f64 = fw
        .requirements
        .iter()
        .filter(|r| r.kind == RequirementKind::Part)
        .map(|r| r.hours)
        .sum();
    if let Some(total) = fw
        .requirements
        .iter()
        .find(|r| r.kind == RequirementKind::Total)
        && parts > total.hours + 1e-9
    {
        problems.push(format!(
            "the parts add up to {parts} h, more than the total '{}' of {} h",
            total.id, total.hours
        ));
    }

    let m = &fw.matching;
    for (name, value) in [
        ("matching.min_score", m.min_score),
        ("matching.relative_cutoff", m.relative_cutoff),
        ("coverage.strong_score", fw.coverage.strong_score),
        (
            "counting.mixed_course_ratio",
            fw.counting.mixed_course_ratio,
        ),
    ] {
        if !(0.0..=1.0).contains(&value) {
            problems.push(format!("{name} must be within 0 and 1 (found {value})"));
        }
    }
    if m.max_areas_per_course == 0 {
        problems.push("matching.max_areas_per_course must be at least 1".to_string());
    }
    if fw.coverage.weak_below_hours.is_nan() || fw.coverage.weak_below_hours < 0.0 {
        problems.push("coverage.weak_below_hours must be 0 or more".to_string());
    }
    // Names are the source's words, matched as well as they can be; the rest is vocabulary.
    let analyzer = Analyzer::default();
    let names: HashSet<&str> = fw.knowledge_areas.iter().map(|k| k.name.as_str()).collect();
    for entry in fw.vocabulary_entries().filter(|e| !names.contains(e)) {
        if let Some(word) = unmatched_edge_word(&analyzer, entry) {
            problems.push(format!(
                "vocabulary entry '{entry}' begins or ends with '{word}', a word too common to \
                 match: the entry would be found without it; write it without '{word}'"
            ));
        }
    }
    problems
}

/// The stop word an entry begins or ends with ("la pareja", "their own interactions"), which
/// matching leaves out, so that the entry silently means less than it says. Acronyms in
/// capitals ("IT") are not stop words; a hyphenated compound keeps its words ("catch-up").
fn unmatched_edge_word<'e>(analyzer: &Analyzer, entry: &'e str) -> Option<&'e str> {
    let words: Vec<&str> = raw_words(entry).collect();
    let (first, last) = (*words.first()?, *words.last()?);
    let acronym = |w: &str| w.chars().count() > 1 && !w.chars().any(char::is_lowercase);
    let tokens = analyzer.tokens(entry);
    let dropped_first = tokens.first().is_none_or(|t| t.word != fold(first));
    if dropped_first && !acronym(first) {
        return Some(first);
    }
    let gap_last = tokens.last().is_some_and(|t| t.is_gap());
    (gap_last && !acronym(last)).then_some(last)
}
