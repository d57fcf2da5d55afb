//! Typo tolerance: a course word the vocabulary does not know is read as the vocabulary word
//! it is one edit away from ("attachmnet" as "attachment"), with strsim.

use super::index::Index;

/// The vocabulary word a misspelled folded word stands for, if there is exactly one close one.
///
/// Only words of six letters or more are corrected, with the same first letter and a length
/// within one; distance 1 (2 for words of ten letters or more), by Damerau-Levenshtein.
pub fn correct<'i>(index: &'i Index, word: &str) -> Option<&'i (String, String)> {
    let len = word.chars().count();
    if len < 6 || word.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let first = word.chars().next()?;
    let max_distance = if len >= 10 { 2 } else { 1 };
    let mut prefix = [0u8; 4];
    let prefix = first.encode_utf8(&mut prefix);
    let start = index.words.partition_point(|(w, _)| w.as_str() < &*prefix);
    let mut best: Option<(usize, f64, &(String, String))> = None;
    for entry in index.words[start..]
        .iter()
        .take_while(|(w, _)| w.starts_with(first))
    {
        let candidate = &entry.0;
        let clen = candidate.chars().count();
        if clen.abs_diff(len) > 1 {
            continue;
        }
        let distance = strsim::damerau_levenshtein(word, candidate);
        if distance == 0 || distance > max_distance {
            continue;
        }
        let similarity = strsim::jaro_winkler(word, candidate);
        let better = match best {
            None => true,
            Some((d, s, _)) => distance < d || (distance == d && similarity > s),
        };
        if better {
            best = Some((distance, similarity, entry));
        }
    }
    best.map(|(_, _, entry)| entry)
}
