//! Names of organizations in course text ("the Alliance for Infant Mental Health", "the Infant
//! Mental Health Association"): they say who offers a training, not what it teaches, yet their
//! words are the field's own. A name is told by its capitals and a noun such as "Association".

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::borrow::Cow;
use std::sync::LazyLock;

/// Nouns that end or begin an organization's name: "Infant Mental Health Association",
/// "Alliance for Infant Mental Health".
const ORGANIZATION_NOUNS: &[&str] = &[
    "Association",
    "Alliance",
    "Society",
    "Coalition",
    "Council",
    "Foundation",
    "Consortium",
    "University",
    "College",
    "Hospital",
    "Asociación",
    "Asociacion",
    "Alianza",
    "Fundación",
    "Fundacion",
    "Sociedad",
];

/// Nouns that begin an organization's name only when "for" or "of" follows ("Center for Early
/// Childhood Mental Health"): alone they also name places and things a course is about ("a
/// Family Resource Center").
const ORGANIZATION_NOUNS_BEFORE_OF: &[&str] = &[
    "Center",
    "Centre",
    "Network",
    "Department",
    "Division",
    "Office",
    "Agency",
    "Institute",
    "Centro",
    "Instituto",
];

/// Words that join a noun to the rest of its name: "Alliance for ...", "Centro de ...".
const AFTER_NOUN: &[&str] = &["for", "of", "on", "de", "para", "del"];

/// Articles that may follow them: "Council on the ...".
const ARTICLES: &[&str] = &["the", "la", "el", "los", "las"];

/// Small words that may stand between capitalized words after the noun: "Alliance for Infant
/// and Family Mental Health", "Society for Research in Child Development".
const INSIDE_NAME: &[&str] = &["and", "&", "of", "for", "in", "y", "de", "del"];

/// Small words that may stand between capitalized words before the noun: "Infant and Family
/// Mental Health Association". Fewer than after it, so that a title in capitals ("Infant
/// Development in Family and Society") is not read as a name.
const INSIDE_NAME_BEFORE: &[&str] = &["and", "&", "y"];

/// Capitalized words a name needs before its noun ("Infant Mental Health Association"); one
/// is not enough ("Culture and Society", "Heart Association").
const WORDS_BEFORE_NOUN: usize = 2;

/// Every noun of an organization's name, for a first look at a whole text.
static NOUNS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .build(
            ORGANIZATION_NOUNS
                .iter()
                .chain(ORGANIZATION_NOUNS_BEFORE_OF),
        )
        .unwrap_or_else(|e| panic!("organization nouns: {e}"))
});

/// The text with organizations' names blanked out (each replaced by a sentence break, so the
/// words on either side do not join into a phrase). Text without such a name is borrowed.
pub fn without_organizations(text: &str) -> Cow<'_, str> {
    if !NOUNS.is_match(text) {
        return Cow::Borrowed(text);
    }
    let words = words(text);
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let after_of = ORGANIZATION_NOUNS_BEFORE_OF.contains(&word.core);
        if !after_of && !ORGANIZATION_NOUNS.contains(&word.core) {
            continue;
        }
        let start = capitalized_run_before(&words, i);
        let end = name_after(&words, i);
        let before = words[start..i].iter().filter(|w| capitalized(w)).count();
        let named = end > i || (!after_of && before >= WORDS_BEFORE_NOUN && !continues(&words, i));
        if named && spans.last().is_none_or(|&(_, e)| words[start].start >= e) {
            spans.push((words[start].start, words[end].end));
        }
    }
    if spans.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (s, e) in spans {
        out.push_str(&text[last..s]);
        out.push_str(". ");
        last = e;
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

/// A word of the text: its place, the word without the punctuation around it, and whether
/// punctuation after it ends a name (a comma, a period, a bracket).
struct Word<'t> {
    start: usize,
    end: usize,
    core: &'t str,
    closed: bool,
    opened: bool,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for chunk in text.split_inclusive(char::is_whitespace) {
        let chunk_start = offset;
        offset += chunk.len();
        let trimmed = chunk.trim_end();
        let core_start = trimmed.len() - trimmed.trim_start_matches(is_edge).len();
        let core = trimmed.trim_matches(is_edge);
        if core.is_empty() {
            continue;
        }
        let start = chunk_start + core_start.min(trimmed.len());
        out.push(Word {
            start,
            end: start + core.len(),
            core,
            closed: trimmed.len() > core_start + core.len(),
            opened: core_start > 0,
        });
    }
    out
}

/// Punctuation around a word.
fn is_edge(c: char) -> bool {
    !c.is_alphanumeric() && c != '&'
}

fn capitalized(word: &Word) -> bool {
    word.core.chars().next().is_some_and(char::is_uppercase)
}

/// The first word of the run of capitalized words (small words between them allowed) that
/// ends at `i`.
fn capitalized_run_before(words: &[Word], i: usize) -> usize {
    let mut start = i;
    let mut j = i;
    while j > 0 {
        let before = &words[j - 1];
        if before.closed || words[j].opened {
            break;
        }
        if capitalized(before) {
            j -= 1;
            start = j;
        } else if INSIDE_NAME_BEFORE.contains(&before.core) && j >= 2 && capitalized(&words[j - 2])
        {
            j -= 1;
        } else {
            break;
        }
    }
    start
}

/// The last word of a name that the noun at `i` begins ("Alliance for Infant Mental
/// Health"), or `i` when none follows.
fn name_after(words: &[Word], i: usize) -> usize {
    if words[i].closed {
        return i;
    }
    let mut j = i + 1;
    if !words
        .get(j)
        .is_some_and(|w| AFTER_NOUN.contains(&w.core) && !w.closed)
    {
        return i;
    }
    j += 1;
    if words
        .get(j)
        .is_some_and(|w| ARTICLES.contains(&w.core) && !w.closed)
    {
        j += 1;
    }
    let mut end = i;
    while let Some(word) = words.get(j) {
        if capitalized(word) {
            end = j;
            if word.closed {
                break;
            }
            j += 1;
        } else if INSIDE_NAME.contains(&word.core)
            && !word.closed
            && words.get(j + 1).is_some_and(capitalized)
        {
            j += 1;
        } else {
            break;
        }
    }
    end
}

/// True when the capitalized run goes on after the word at `i` ("Center Licensing"): the noun
/// does not end a name there.
fn continues(words: &[Word], i: usize) -> bool {
    !words[i].closed && words.get(i + 1).is_some_and(capitalized)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_organizations_are_blanked() {
        for (text, kept) in [
            (
                "The Alliance for Infant Mental Health presents a workshop on budgets.",
                ".  presents a workshop on budgets.",
            ),
            (
                "Budgets for managers. Join the Infant Mental Health Association today.",
                "Budgets for managers. Join the .  today.",
            ),
            (
                "Offered with the Harris Center for Infant and Early Childhood Mental Health, \
                 Minneapolis.",
                "Offered with the . , Minneapolis.",
            ),
            (
                "Members of the Asociación de Salud Mental Infantil pay less.",
                "Members of the .  pay less.",
            ),
        ] {
            assert_eq!(without_organizations(text), kept, "{text}");
        }
    }

    #[test]
    fn places_and_topics_named_like_organizations_are_kept() {
        for text in [
            "Partnering with your Family Resource Center on referrals.",
            "Child Care Center Licensing Rules",
            "Building Your Support Network",
            "Culture and Society",
            "Infant Development in Family and Society",
            "Infant mental health in the association of ideas.",
            "Associations between attachment and later outcomes.",
            "A center for play in every classroom.",
        ] {
            assert_eq!(without_organizations(text), text, "{text}");
        }
    }
}
