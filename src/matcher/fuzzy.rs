//! Typo tolerance: a course word the vocabulary does not know is read as the vocabulary word
//! it is one edit away from ("attachmnet" as "attachment"), with strsim.

use super::index::Index;

/// The vocabulary word a misspelled folded word stands for, if there is a close one.
///
/// Only words of eight letters or more are corrected, with the same first letter, one edit
/// away by Damerau-Levenshtein, and only by the edits typing makes: a letter dropped, doubled
/// or added, or two letters swapped. A changed letter is left alone, since it mostly makes
/// another real word ("evacuation", "evaluation"); so are letters added at the end, which
/// make an inflection ("experienced", "experience").
pub fn correct<'i>(index: &'i Index, word: &str) -> Option<&'i (String, String)> {
    let len = word.chars().count();
    if len < 8 || word.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let first = word.chars().next()?;
    // Words are sorted by first byte, then byte length: a typing edit changes the length by
    // at most one byte, so only three short runs of the list are candidates.
    let lead = word.as_bytes()[0];
    let bytes = word.len();
    let words = &index.words;
    let start = words.partition_point(|(w, _)| (w.as_bytes()[0], w.len()) < (lead, bytes - 1));
    let end = words.partition_point(|(w, _)| (w.as_bytes()[0], w.len()) <= (lead, bytes + 1));
    let mut best: Option<(usize, f64, &(String, String))> = None;
    for entry in words[start..end]
        .iter()
        .filter(|(w, _)| w.starts_with(first))
    {
        let candidate = &entry.0;
        let clen = candidate.chars().count();
        if clen.abs_diff(len) > 1 {
            continue;
        }
        if !one_typing_edit(word, candidate) {
            continue;
        }
        let distance = strsim::damerau_levenshtein(word, candidate);
        if distance != 1 || inflection(word, candidate) {
            continue;
        }
        if clen == len && !same_letters(word, candidate) {
            continue; // a substitution
        }
        let similarity = strsim::jaro_winkler(word, candidate);
        let better = match best {
            None => true,
            Some((d, s, (w, _))) => {
                distance < d
                    || (distance == d && (similarity > s || (similarity == s && candidate < w)))
            }
        };
        if better {
            best = Some((distance, similarity, entry));
        }
    }
    best.map(|(_, _, entry)| entry)
}

/// A cheap test, byte by byte, that `a` and `b` are one dropped, added or swapped letter
/// apart; it rejects nearly every candidate before the full edit distance is computed.
fn one_typing_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Equal => {
            prefix + 1 < a.len()
                && a[prefix] == b[prefix + 1]
                && a[prefix + 1] == b[prefix]
                && a[prefix + 2..] == b[prefix + 2..]
        }
        std::cmp::Ordering::Less => b.len() == a.len() + 1 && a[prefix..] == b[prefix + 1..],
        std::cmp::Ordering::Greater => a.len() == b.len() + 1 && a[prefix + 1..] == b[prefix..],
    }
}

fn same_letters(a: &str, b: &str) -> bool {
    let mut x: Vec<char> = a.chars().collect();
    let mut y: Vec<char> = b.chars().collect();
    x.sort_unstable();
    y.sort_unstable();
    x == y
}

/// True when one word is the other with letters added at the end ("experienced",
/// "experience"): an inflection, not a typo.
fn inflection(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

#[cfg(test)]
mod tests {
    use super::inflection;

    #[test]
    fn typing_edits_are_told_apart_from_other_edits() {
        use super::one_typing_edit;
        assert!(one_typing_edit("attachmnet", "attachment"));
        assert!(one_typing_edit("supervison", "supervision"));
        assert!(one_typing_edit("supervission", "supervision"));
        assert!(!one_typing_edit("evacuation", "evaluation"));
        assert!(!one_typing_edit("attachment", "attachment"));
    }

    #[test]
    fn added_endings_are_inflections_but_inner_edits_are_typos() {
        assert!(inflection("experienced", "experience"));
        assert!(inflection("supervisors", "supervisor"));
        assert!(!inflection("attachmnet", "attachment"));
        assert!(!inflection("supervison", "supervision"));
    }
}
