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
    if word.chars().count() < LONG {
        return None;
    }
    closest(index, word)
}

/// Words this long or longer are corrected on their own; shorter ones only in context.
const LONG: usize = 8;
/// Shortest word corrected at all.
const SHORTEST: usize = 4;

/// The vocabulary words a short misspelled word (four to seven letters: "helth", "erly") may
/// stand for, by the same typing edits as [`correct`]. Short words have many neighbours, so
/// the caller accepts one only where it forms a vocabulary phrase with the word beside it.
pub fn short_candidates<'i>(
    index: &'i Index,
    word: &str,
) -> impl Iterator<Item = &'i (String, String)> {
    let len = word.chars().count();
    let eligible = (SHORTEST..LONG).contains(&len) && word.is_ascii();
    let words = if eligible {
        candidate_run(index, word)
    } else {
        &[][..]
    };
    words
        .iter()
        .filter(move |(candidate, _)| is_typing_slip(word, candidate))
}

/// The vocabulary words within one byte of `word`'s length that share its first byte.
fn candidate_run<'i>(index: &'i Index, word: &str) -> &'i [(String, String)] {
    // Words are sorted by first byte, then byte length: a typing edit changes the length by
    // at most one byte, so only three short runs of the list are candidates.
    let lead = word.as_bytes()[0];
    let bytes = word.len();
    let words = &index.words;
    let start = words.partition_point(|(w, _)| (w.as_bytes()[0], w.len()) < (lead, bytes - 1));
    let end = words.partition_point(|(w, _)| (w.as_bytes()[0], w.len()) <= (lead, bytes + 1));
    &words[start..end]
}

/// One dropped, doubled, added or swapped letter, not at the end (an inflection) and not a
/// changed letter (mostly another real word).
fn is_typing_slip(word: &str, candidate: &str) -> bool {
    let len = word.chars().count();
    let clen = candidate.chars().count();
    word.chars().next() == candidate.chars().next()
        && clen.abs_diff(len) <= 1
        && one_typing_edit(word, candidate)
        && strsim::damerau_levenshtein(word, candidate) == 1
        && !inflection(word, candidate)
        && (clen != len || same_letters(word, candidate))
}

fn closest<'i>(index: &'i Index, word: &str) -> Option<&'i (String, String)> {
    if word.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // Every slip is one edit away: the most similar by Jaro-Winkler wins, ties by spelling.
    let mut best: Option<(f64, &(String, String))> = None;
    for entry in candidate_run(index, word)
        .iter()
        .filter(|(candidate, _)| is_typing_slip(word, candidate))
    {
        let similarity = strsim::jaro_winkler(word, &entry.0);
        let better = match best {
            None => true,
            Some((s, (w, _))) => similarity > s || (similarity == s && entry.0 < *w),
        };
        if better {
            best = Some((similarity, entry));
        }
    }
    best.map(|(_, entry)| entry)
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
/// "experience"): an inflection, not a typo. A final silent "e" left off the vocabulary
/// word `b` is a typo ("reflectiv" for "reflective").
fn inflection(a: &str, b: &str) -> bool {
    (a.starts_with(b) || b.starts_with(a)) && b.strip_suffix('e') != Some(a)
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
        assert!(!inflection("reflectiv", "reflective"));
    }
}
