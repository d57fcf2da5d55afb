//! Text analysis shared by the vocabulary and the course text, so both sides are read the same
//! way: accents and case folded, words split on anything not a letter or digit, stop words
//! (English and Spanish) dropped, English stemming, and acronyms kept apart from words.

mod links;
mod organizations;

use links::without_links;
use organizations::without_organizations;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::RefCell;

thread_local! {
    /// Stems already computed on this thread: catalogs repeat their words.
    static STEMS: RefCell<FxHashMap<String, String>> = RefCell::new(FxHashMap::default());
}

/// Entries kept in a thread's stem cache before it starts over.
const STEM_CACHE_LIMIT: usize = 200_000;
use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

/// Function words in English and Spanish, dropped before matching.
const STOP_WORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "doing", "during", "each", "etc", "few", "for", "from",
    "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how",
    "i", "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "more", "most",
    "must", "my", "no", "nor", "now", "of", "off", "on", "once", "only", "or", "other", "our",
    "ours", "out", "over", "same", "she", "should", "so", "some", "such", "than", "that", "the",
    "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through", "to",
    "too", "under", "until", "up", "upon", "us", "very", "via", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "why", "will", "with", "within", "without",
    "would", "you", "your", "yours", "al", "como", "con", "de", "del", "el", "en", "entre", "es",
    "esta", "este", "la", "las", "lo", "los", "mas", "para", "pero", "por", "que", "se", "sin",
    "sobre", "su", "sus", "un", "una", "unas", "unos", "y", "o", "u", "e",
];

/// Words that say what kind of event a training is, not what it teaches.
const GENERIC_WORDS: &[&str] = &[
    // Kept as a word so that "not knowing" does not shrink to "knowing", but says nothing alone.
    "not",
    "course",
    "courses",
    "training",
    "trainings",
    "workshop",
    "workshops",
    "seminar",
    "seminars",
    "module",
    "modules",
    "session",
    "sessions",
    "part",
    "webinar",
    "webinars",
    "class",
    "classes",
    "unit",
    "units",
    "lecture",
    "lectures",
    "series",
    "introduction",
    "intro",
    "overview",
    "advanced",
    "basic",
    "basics",
    "level",
    "day",
    "days",
    "hour",
    "hours",
    "topic",
    "topics",
    "special",
    "general",
    "program",
    "annual",
    "conference",
    "meeting",
    "new",
    "update",
    "updates",
    "online",
    "virtual",
    "live",
    "recorded",
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "curso",
    "taller",
    "sesion",
    "modulo",
    "capacitacion",
    "seminario",
    "parte",
    "tema",
    "temas",
    "clase",
    "required",
    "orientation",
    "refresher",
    "misc",
    "tbd",
    "other",
    "staff",
    "all",
];

/// True for a character that is invisible and sits inside words in text copied from documents
/// and web pages: a soft hyphen ("super\u{ad}vision"), a zero-width joiner or non-joiner, a
/// word joiner, a stray byte-order mark. Such a character neither ends a word nor is part of it.
fn is_invisible_in_word(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// True for a mark that begins an item of a list written on one line ("• Topic • Topic",
/// "✔ Lunch provided") or separates the fields of a listing ("Course ID: 20417 | Level:
/// Beginner").
pub fn is_item_mark(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '▸'
            | '▹'
            | '►'
            | '▶'
            | '➢'
            | '➤'
            | '✔'
            | '✓'
            | '✅'
            | '☑'
            | '☐'
            | '●'
            | '○'
            | '■'
            | '□'
            | '◆'
            | '◇'
            | '❖'
            | '‣'
            | '⁃'
            | '·'
            | '|'
    )
}

/// The key of a gap token where a stop word stood.
pub const GAP: &str = "|";
/// The key of a gap token where a sentence or line ended: a phrase whose words a stop word
/// separates ("Parents as Teachers") does not match across it ("...parents. Teachers...").
pub const BREAK: &str = "||";

/// Stop words that join rather than separate: phrases match across them.
const CONJUNCTIONS: &[&str] = &["and", "or", "y", "o", "e", "u"];

/// Appends a gap; runs of gaps collapse into one, a break if any of them is.
fn push_gap(out: &mut Vec<Token>, key: &'static str) {
    let Some(last) = out.last_mut() else {
        return;
    };
    if !last.is_gap() {
        out.push(Token {
            word: String::new(),
            key: key.to_string(),
            informative: false,
        });
    } else if key == BREAK {
        last.key.replace_range(.., BREAK);
    }
}

enum Piece<'a> {
    /// A word, whether it begins or ends a hyphenated compound ("well-being",
    /// "follow-up", "in-home"; not "to" in "birth-to-three"), and whether a hyphen at the
    /// end of its line ties it to the next word ("super-" and "vision" on two lines).
    Word(&'a str, bool, bool),
    /// The end of a sentence or a bracket.
    Break,
    /// A comma: the words on either side belong to different list items.
    Gap,
}

/// After a word: the rest of the text past a hyphen that ends its line, when the next line
/// goes on in lower case ("super-\nvision", as text copied from a PDF has it).
fn past_line_end_hyphen(rest: &str) -> Option<&str> {
    let after = rest.strip_prefix('-')?.trim_start_matches([' ', '\t']);
    let after = after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix('\n'))?;
    let after = after.trim_start_matches([' ', '\t']);
    after
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
        .then_some(after)
}

/// Words, and breaks where a sentence or a bracket ends or begins.
fn pieces(text: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = text;
    // True when the last word ended right before a hyphen that a letter or digit follows.
    let mut hyphen_before = false;
    std::iter::from_fn(move || {
        loop {
            let mut chars = rest.char_indices();
            let (_, c) = chars.next()?;
            if c.is_alphanumeric() {
                let end = rest
                    .char_indices()
                    .find(|&(_, c)| !c.is_alphanumeric() && !is_invisible_in_word(c))
                    .map_or(rest.len(), |(i, _)| i);
                let word = &rest[..end];
                rest = &rest[end..];
                let line_end = past_line_end_hyphen(rest);
                let joined_after = line_end.is_some()
                    || rest
                        .strip_prefix('-')
                        .and_then(|r| r.chars().next())
                        .is_some_and(char::is_alphanumeric);
                if let Some(after) = line_end {
                    rest = after;
                }
                let edge = hyphen_before != joined_after;
                hyphen_before = joined_after;
                return Some(Piece::Word(word, edge, line_end.is_some()));
            }
            if c != '-' {
                hyphen_before = false;
            }
            let next = rest[c.len_utf8()..].chars().next();
            let is_break = match c {
                '\n' | '\r' | '(' | ')' | '[' | ']' => true,
                c if is_item_mark(c) => true,
                '.' | ';' | ':' | '!' | '?' => next.is_none_or(char::is_whitespace),
                _ => false,
            };
            rest = &rest[c.len_utf8()..];
            if is_break {
                return Some(Piece::Break);
            }
            if c == ',' {
                return Some(Piece::Gap);
            }
        }
    })
}

/// One analysed word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The folded (lowercase, accentless) word.
    pub word: String,
    /// The matching key: the stem, or `#word` for an acronym.
    pub key: String,
    /// True when the word says something about content (not a stop, generic word or number).
    pub informative: bool,
}

impl Token {
    /// True for a gap token (a stop word or a break stood there).
    pub fn is_gap(&self) -> bool {
        self.key == GAP || self.key == BREAK
    }
}

/// Reads text into tokens the same way for vocabulary and course text.
pub struct Analyzer {
    stemmer: Stemmer,
    stop: FxHashSet<&'static str>,
    generic: FxHashSet<&'static str>,
    acronyms: FxHashSet<String>,
    /// Keys of the words a line-end hyphen may split (see [`Analyzer::join_lines_into`]).
    line_joins: FxHashSet<String>,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new(FxHashSet::default())
    }
}

impl Analyzer {
    /// An analyzer that treats the given folded words as acronyms when written in capitals.
    pub fn new(acronyms: FxHashSet<String>) -> Self {
        Self {
            stemmer: Stemmer::create(Algorithm::English),
            stop: STOP_WORDS.iter().copied().collect(),
            generic: GENERIC_WORDS.iter().copied().collect(),
            acronyms,
            line_joins: FxHashSet::default(),
        }
    }

    /// Lets a hyphen at a line end join the two parts of a word whose key is given
    /// ("super-" and "vision" on two lines read as "supervision" once `supervis` is known).
    pub fn join_lines_into(&mut self, keys: FxHashSet<String>) {
        self.line_joins = keys;
    }

    /// The acronyms this analyzer knows.
    pub fn acronyms(&self) -> &FxHashSet<String> {
        &self.acronyms
    }

    /// Splits text into tokens, dropping stop words.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        self.tokens_into(text, &mut out);
        out
    }

    /// Like [`Analyzer::tokens`], appending into a reused buffer.
    ///
    /// A stop word other than a conjunction, and a comma, leave a [`GAP`] token and sentence
    /// punctuation a [`BREAK`], so that a phrase never matches across them ("parents of
    /// infants" and "mothers, infants" are not "parent-infant"); runs of gaps collapse into one.
    pub fn tokens_into(&self, text: &str, out: &mut Vec<Token>) {
        let linkless = without_links(text);
        let text = without_organizations(&linkless);
        let mut pieces = pieces(&text).peekable();
        while let Some(piece) = pieces.next() {
            match piece {
                Piece::Break => push_gap(out, BREAK),
                Piece::Gap => push_gap(out, GAP),
                Piece::Word(raw, hyphenated, false) => self.push_word(raw, hyphenated, out),
                Piece::Word(raw, hyphenated, true) => {
                    // A word split at a line end is joined when the whole is a word of the
                    // vocabulary ("super-" "vision"); otherwise the hyphen is a compound's
                    // ("parent-" "child").
                    let whole = match pieces.peek() {
                        Some(&Piece::Word(next, edge, _)) => Some((format!("{raw}{next}"), edge)),
                        _ => None,
                    }
                    .filter(|(whole, _)| self.line_joins.contains(&self.stem(&fold(whole))));
                    if let Some((whole, edge)) = whole {
                        pieces.next();
                        // Joined, it is in a compound only if a hyphen stands at its far ends.
                        self.push_word(&whole, hyphenated != edge, out);
                    } else {
                        self.push_word(raw, hyphenated, out);
                    }
                }
            }
        }
    }

    /// Appends one word's token, or a gap for a stop word.
    fn push_word(&self, raw: &str, hyphenated: bool, out: &mut Vec<Token>) {
        let word = fold(raw);
        if word.is_empty() {
            return;
        }
        // A known acronym in capitals is kept even when it spells a stop word ("SE" in
        // "ASQ:SE"), so an entry never shrinks to a shorter one.
        let is_acronym = raw.len() >= 2
            && raw.chars().any(|c| c.is_alphabetic())
            && raw.chars().all(|c| !c.is_lowercase())
            && self.acronyms.contains(&word);
        // A stop word at either end of a hyphenated compound is part of a word
        // ("well-being" is not "well").
        if !is_acronym && !hyphenated && self.stop.contains(word.as_str()) {
            if !CONJUNCTIONS.contains(&word.as_str()) {
                push_gap(out, GAP);
            }
            return;
        }
        let numeric = word.chars().all(|c| c.is_ascii_digit());
        let key = if is_acronym {
            format!("#{word}")
        } else if numeric {
            word.clone()
        } else {
            self.stem(&word)
        };
        let informative = !numeric
            && word.len() > 1
            && !self.generic.contains(word.as_str())
            && !self.stop.contains(word.as_str());
        out.push(Token {
            word,
            key,
            informative,
        });
    }

    /// The stem of a single folded word.
    pub fn stem(&self, word: &str) -> String {
        STEMS.with(|cache| {
            let mut cache = cache.borrow_mut();
            if let Some(stem) = cache.get(word) {
                return stem.clone();
            }
            let stem = self.stemmer.stem(word).into_owned();
            if cache.len() >= STEM_CACHE_LIMIT {
                cache.clear();
            }
            cache.insert(word.to_string(), stem.clone());
            stem
        })
    }

    /// True for a stop word.
    pub fn is_stop_word(&self, folded: &str) -> bool {
        self.stop.contains(folded)
    }
}

/// Runs of letters and digits in the original text.
pub fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Lowercase, accents removed (NFKD without combining marks).
pub fn fold(text: &str) -> String {
    // ASCII has no accents or compatibility forms: lower case is all there is to do.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.nfkd() {
        if is_combining_mark(c) || is_invisible_in_word(c) {
            continue;
        }
        for lower in c.to_lowercase() {
            out.push(lower);
        }
    }
    out
}

/// The acronyms in a vocabulary entry: words of two to seven characters written in capitals.
pub fn acronyms_in(entry: &str) -> impl Iterator<Item = String> + '_ {
    raw_words(entry).filter_map(|w| {
        let n = w.chars().count();
        let caps = w.chars().any(|c| c.is_alphabetic()) && w.chars().all(|c| !c.is_lowercase());
        (caps && (2..=7).contains(&n)).then(|| fold(w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The matching keys of a text, gaps included.
    fn keys_of(a: &Analyzer, text: &str) -> Vec<String> {
        a.tokens(text).into_iter().map(|t| t.key).collect()
    }

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(fold("Relación Padre-Hijo"), "relacion padre-hijo");
        assert_eq!(fold("ÉTICA"), "etica");
    }

    #[test]
    fn invisible_characters_inside_words_are_dropped() {
        let a = Analyzer::default();
        let keys = |text: &str| keys_of(&a, text);
        let plain = keys("reflective supervision");
        assert_eq!(keys("reflec\u{ad}tive super\u{ad}vision"), plain);
        assert_eq!(keys("\u{feff}reflective super\u{200d}vision"), plain);
        // A ligature from a PDF reads as its letters.
        assert_eq!(keys("re\u{fb02}ective supervision"), plain);
    }

    #[test]
    fn a_comma_leaves_a_gap() {
        assert_eq!(
            keys_of(&Analyzer::default(), "mothers, infants"),
            ["mother", GAP, "infant"]
        );
    }

    #[test]
    fn a_hyphen_at_a_line_end_joins_a_known_word_and_keeps_a_compound() {
        let mut a = Analyzer::default();
        let known = ["supervision", "reflective", "parent", "child"];
        a.join_lines_into(known.iter().map(|w| a.stem(w)).collect());
        let keys = |text: &str| keys_of(&a, text);
        assert_eq!(
            keys("reflective super-\nvision"),
            keys("reflective supervision")
        );
        assert_eq!(
            keys("reflective super- \r\n   vision"),
            keys("reflective supervision")
        );
        // "parentchild" is no word: the hyphen is the compound's.
        assert_eq!(keys("parent-\nchild"), keys("parent-child"));
        // A capital on the next line starts something new; a break stays a break.
        assert_eq!(keys("super-\nVision"), keys("super-\n Vision"));
        assert!(keys("super-\nVision").contains(&BREAK.to_string()));
        // Without vocabulary nothing is joined.
        let plain = Analyzer::default();
        let words: Vec<String> = plain
            .tokens("super-\nvision")
            .into_iter()
            .map(|t| t.word)
            .collect();
        assert_eq!(words, ["super", "vision"]);
    }

    #[test]
    fn tokens_stem_and_leave_gaps_for_stop_words() {
        let keys = keys_of(
            &Analyzer::default(),
            "The Attachments of Infants and Toddlers. Parents",
        );
        assert_eq!(keys, ["attach", "|", "infant", "toddler", "||", "parent"]);
    }

    #[test]
    fn a_stop_word_ending_a_hyphenated_compound_is_kept() {
        let a = Analyzer::default();
        let keys = |text: &str| keys_of(&a, text);
        // "well-being" is not "well"; "follow-up" is not "follow".
        assert_eq!(keys("staff well-being"), ["staff", "well", "be"]);
        assert_eq!(keys("a follow-up visit"), ["follow", "up", "visit"]);
        assert_ne!(keys("as well as"), keys("well-being"));
        // Inside a compound a stop word still leaves a gap, as when written apart.
        assert_eq!(keys("birth-to-three"), keys("birth to three"));
    }

    #[test]
    fn acronyms_only_in_capitals() {
        let a = Analyzer::new(["cpp".to_string()].into_iter().collect());
        assert_eq!(a.tokens("CPP basics")[0].key, "#cpp");
        assert_eq!(a.tokens("cpp basics")[0].key, "cpp");
    }

    #[test]
    fn generic_words_are_not_informative() {
        let a = Analyzer::default();
        let informative = a
            .tokens("Module 3 Seminar")
            .iter()
            .filter(|t| t.informative)
            .count();
        assert_eq!(informative, 0);
    }
}
