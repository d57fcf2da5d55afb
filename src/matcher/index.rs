//! The compiled vocabulary: every knowledge-area term and bucket cue, analysed into a key
//! sequence and gathered into one Aho-Corasick automaton, so one pass over a course's text
//! finds every single-word and multi-word entry at once.

use crate::framework::Framework;
use crate::text::{Analyzer, Token, acronyms_in};
use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashMap;

/// Weight of a knowledge area's own name as a vocabulary entry.
pub const NAME_WEIGHT: f32 = 1.5;
/// Weight of a `terms` entry.
pub const TERM_WEIGHT: f32 = 1.0;
/// Weight of a `related` entry.
pub const RELATED_WEIGHT: f32 = 0.4;
/// Weight of a `context` entry (counted only beside other evidence).
pub const CONTEXT_WEIGHT: f32 = 0.3;

/// What a vocabulary entry points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A knowledge area, by index in the framework.
    KnowledgeArea(u16),
    /// Context for a knowledge area: counted only when the area has other evidence.
    Context(u16),
    /// A bucket's cue, by bucket index.
    Cue(u8),
    /// A bucket's exclusion cue.
    Exclude(u8),
    /// A bucket's age cue (lifts an exclusion).
    Age(u8),
    /// A bucket's off-topic cue.
    OffTopic(u8),
    /// A bucket's wide-age-span cue.
    Span(u8),
    /// A bucket's off-topic cue that counts in a title only.
    TitleOffTopic(u8),
    /// A knowledge area's exclusion cue (another age group).
    AreaExclude(u16),
    /// A knowledge area's age cue (lifts its exclusion).
    AreaAge(u16),
    /// A phrase in another sense: what it contains counts for nothing.
    OtherSense,
}

impl Target {
    /// True when the entry speaks for a knowledge area, as evidence or as context.
    pub fn is_knowledge_area(self) -> bool {
        matches!(self, Target::KnowledgeArea(_) | Target::Context(_))
    }
}

/// One entry behind a pattern.
#[derive(Debug, Clone)]
pub struct Posting {
    /// What it points at.
    pub target: Target,
    /// Entry weight times the pattern's inverse document frequency (knowledge areas only).
    pub weight: f32,
    /// The entry as written in the framework.
    pub display: u32,
    /// A knowledge area's name or term, or a bucket cue: enough on its own to say what a
    /// short text is about.
    pub strong: bool,
}

/// The compiled vocabulary of one framework.
pub struct Index {
    /// The analyzer both sides share.
    pub analyzer: Analyzer,
    automaton: AhoCorasick,
    /// Postings per pattern id.
    pub postings: Vec<Vec<Posting>>,
    /// Displays of entries, by `Posting::display`.
    pub displays: Vec<String>,
    /// Keys that occur anywhere in the vocabulary.
    pub known_keys: FxHashSet<String>,
    /// Folded vocabulary words and their keys, for typo tolerance, sorted by first byte, byte
    /// length, then word.
    pub words: Vec<(String, String)>,
    /// Folded misspellings and the (word, key) they stand for.
    pub spelling: FxHashMap<String, (String, String)>,
    /// Pairs of keys that stand next to each other in some multi-word entry ("mental",
    /// "health"): the context that confirms a short misspelled word's reading.
    pub pairs: FxHashSet<(String, String)>,
}

impl Index {
    /// Compiles a framework's vocabulary.
    pub fn build(fw: &Framework) -> Self {
        let acronyms: FxHashSet<String> = fw.vocabulary_entries().flat_map(acronyms_in).collect();
        let analyzer = Analyzer::new(acronyms);

        let mut builder = Builder::default();
        for (k, ka) in fw.knowledge_areas.iter().enumerate() {
            let target = Target::KnowledgeArea(k as u16);
            // A one-word name ("Writing", "Safety") is an ordinary word in most texts.
            let name_words = analyzer
                .tokens(&ka.name)
                .iter()
                .filter(|t| !t.is_gap())
                .count();
            let name_weight = if name_words > 1 {
                NAME_WEIGHT
            } else {
                TERM_WEIGHT
            };
            builder.add(&analyzer, &ka.name, target, name_weight);
            for term in &ka.terms {
                builder.add(&analyzer, term, target, TERM_WEIGHT);
            }
            for term in &ka.related {
                builder.add(&analyzer, term, target, RELATED_WEIGHT);
            }
            for term in &ka.context {
                builder.add(&analyzer, term, Target::Context(k as u16), CONTEXT_WEIGHT);
            }
            for cue in &ka.exclude_cues {
                builder.add(&analyzer, cue, Target::AreaExclude(k as u16), 1.0);
            }
            for cue in &ka.age_cues {
                builder.add(&analyzer, cue, Target::AreaAge(k as u16), 1.0);
            }
        }
        for (b, bucket) in fw.buckets.iter().enumerate() {
            let b = b as u8;
            for cue in &bucket.cues {
                builder.add(&analyzer, cue, Target::Cue(b), 1.0);
            }
            for cue in &bucket.exclude_cues {
                builder.add(&analyzer, cue, Target::Exclude(b), 1.0);
            }
            for cue in &bucket.age_cues {
                builder.add(&analyzer, cue, Target::Age(b), 1.0);
            }
            for cue in &bucket.off_topic_cues {
                builder.add(&analyzer, cue, Target::OffTopic(b), 1.0);
            }
            for cue in &bucket.span_cues {
                builder.add(&analyzer, cue, Target::Span(b), 1.0);
            }
            for cue in &bucket.title_off_topic_cues {
                builder.add(&analyzer, cue, Target::TitleOffTopic(b), 1.0);
            }
        }
        for phrase in &fw.matching.other_senses {
            builder.add(&analyzer, phrase, Target::OtherSense, 1.0);
        }
        let spelling = fw
            .spelling
            .iter()
            .map(|(wrong, right)| {
                let right = crate::text::fold(right.trim());
                let key = analyzer.stem(&right);
                (crate::text::fold(wrong.trim()), (right, key))
            })
            .collect();
        let mut index = builder.finish(analyzer, fw.knowledge_areas.len());
        index.spelling = spelling;
        index
    }

    /// True when the pattern is a phrase in another sense (`other_senses` of the matching rules).
    pub fn is_other_sense(&self, pattern: usize) -> bool {
        self.postings[pattern]
            .iter()
            .any(|p| p.target == Target::OtherSense)
    }

    /// Every (pattern id, start, end) of the vocabulary in a key string (see `key_string`).
    pub fn find<'a>(
        &'a self,
        haystack: &'a str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        self.automaton
            .find_overlapping_iter(haystack)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
    }
}

#[derive(Default)]
struct Builder {
    patterns: Vec<String>,
    ids: HashMap<String, usize>,
    postings: Vec<Vec<Posting>>,
    displays: Vec<String>,
    known_keys: FxHashSet<String>,
    words: HashMap<String, String>,
    pairs: FxHashSet<(String, String)>,
}

impl Builder {
    /// Adds a vocabulary entry. A comma separates list items in course text, so an entry
    /// written with commas ("Eat, Sleep, Console", "Watch, Wait and Wonder") is also added in
    /// the forms a text may write it: without the commas, and with a comma before the last
    /// item ("Watch, Wait, and Wonder").
    fn add(&mut self, analyzer: &Analyzer, entry: &str, target: Target, weight: f32) {
        self.add_form(analyzer, entry, entry, target, weight);
        if entry.contains(',') {
            self.add_form(analyzer, &entry.replace(',', " "), entry, target, weight);
            let mut listed = entry.to_string();
            for joiner in [" & ", " and ", " or ", " y ", " o "] {
                listed = listed.replace(joiner, ", ");
            }
            self.add_form(analyzer, &listed, entry, target, weight);
        }
    }

    fn add_form(
        &mut self,
        analyzer: &Analyzer,
        form: &str,
        entry: &str,
        target: Target,
        weight: f32,
    ) {
        let mut tokens = analyzer.tokens(form);
        while tokens.last().is_some_and(Token::is_gap) {
            tokens.pop();
        }
        while tokens.first().is_some_and(Token::is_gap) {
            tokens.remove(0);
        }
        if tokens.is_empty() {
            return;
        }
        for t in tokens.iter().filter(|t| !t.is_gap()) {
            self.known_keys.insert(t.key.clone());
            if !t.key.starts_with('#') && t.word.chars().count() >= 4 {
                self.words.insert(t.word.clone(), t.key.clone());
            }
        }
        for pair in tokens.windows(2) {
            if !pair[0].is_gap() && !pair[1].is_gap() {
                self.pairs
                    .insert((pair[0].key.clone(), pair[1].key.clone()));
            }
        }
        let extra_words = (tokens.len().min(3) - 1) as f32;
        let weight = weight * (1.0 + 0.25 * extra_words);
        let pattern = key_string(&tokens, &mut Vec::new());
        let id = match self.ids.get(&pattern) {
            Some(&id) => id,
            None => {
                let id = self.patterns.len();
                self.ids.insert(pattern.clone(), id);
                self.patterns.push(pattern);
                self.postings.push(Vec::new());
                id
            }
        };
        let postings = &mut self.postings[id];
        if let Some(existing) = postings.iter_mut().find(|p| p.target == target) {
            existing.weight = existing.weight.max(weight);
            return;
        }
        let display = self.displays.len() as u32;
        self.displays.push(entry.trim().to_string());
        let strong = match target {
            Target::KnowledgeArea(_) => weight >= TERM_WEIGHT,
            Target::Cue(_) => true,
            _ => false,
        };
        postings.push(Posting {
            target,
            weight,
            display,
            strong,
        });
    }

    fn finish(mut self, mut analyzer: Analyzer, knowledge_areas: usize) -> Index {
        analyzer.join_lines_into(self.known_keys.clone());
        // Inverse document frequency over knowledge areas: an entry shared by many knowledge
        // areas says little about any one of them.
        let n = knowledge_areas.max(1) as f32;
        for postings in &mut self.postings {
            let df = postings
                .iter()
                .filter(|p| p.target.is_knowledge_area())
                .count();
            if df == 0 {
                continue;
            }
            let idf = (1.0 + n / df as f32).ln();
            for p in postings.iter_mut() {
                if p.target.is_knowledge_area() {
                    p.weight *= idf;
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&self.patterns)
            .unwrap_or_else(|e| panic!("vocabulary automaton: {e}"));
        let mut words: Vec<(String, String)> = self.words.into_iter().collect();
        // By first byte, byte length, then the word (the order typo lookup relies on).
        words.retain(|(w, _)| !w.is_empty());
        words.sort_by(|(a, _), (b, _)| {
            (a.as_bytes()[0], a.len(), a).cmp(&(b.as_bytes()[0], b.len(), b))
        });
        Index {
            analyzer,
            automaton,
            postings: self.postings,
            displays: self.displays,
            known_keys: self.known_keys,
            words,
            spelling: FxHashMap::default(),
            pairs: self.pairs,
        }
    }
}

/// The key string of tokens: ` key key key `, padded so patterns match whole words only.
/// `starts` receives the byte offset of each token.
pub fn key_string(tokens: &[Token], starts: &mut Vec<usize>) -> String {
    let mut s = String::with_capacity(tokens.iter().map(|t| t.key.len() + 1).sum::<usize>() + 1);
    starts.clear();
    s.push(' ');
    for t in tokens {
        starts.push(s.len());
        s.push_str(&t.key);
        s.push(' ');
    }
    s
}
