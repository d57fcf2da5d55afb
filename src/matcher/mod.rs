//! Matching: scores a course's title and description against every knowledge area and decides
//! which requirement bucket its hours qualify for.
//!
//! The score is a BM25-style retrieval score over each knowledge area's vocabulary: each
//! vocabulary entry found in the course contributes its weight (name > term > related, longer
//! phrases more) times its inverse frequency across knowledge areas, saturated by how often it
//! occurs (title occurrences count double) and normalized by text length (up to a cap, so a
//! long flyer's topics are not discounted for the flyer's length). The sum is mapped
//! onto 0..1. Words the vocabulary does not know are corrected for typos with strsim first.
//! With labeled examples, each entry's weight is also multiplied by how far the examples bore
//! it out for that area, and the examples worded most like the course vote. Every match keeps
//! the vocabulary entries that produced it as evidence.

mod boilerplate;
mod bucket;
pub mod examples;
mod fuzzy;
mod index;
mod reliability;

pub use boilerplate::{Aside, SetAside};
pub use bucket::{BucketDecision, NONE as NONE_BUCKET};
pub use index::Index;

use crate::framework::Framework;
use crate::text::Token;
use examples::{Example, ExampleIndex};
use index::{Target, key_string};
use rayon::prelude::*;
use reliability::{Finding, Reliability};
use serde::Serialize;

/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// BM25 length normalization strength.
const B: f32 = 0.5;
/// The text length (in words) at which no length normalization applies.
const REFERENCE_LENGTH: f32 = 40.0;
/// Longer texts are normalized as if they were this long (in words): a long flyer names each
/// of its topics once or twice, and a mention in it is worth about as much as in a shorter
/// description. Without the cap, a 200-word flyer's topics needed three times the evidence.
const LENGTH_CAP: f32 = 60.0;
/// How much more a title occurrence counts than a description occurrence.
const TITLE_WEIGHT: f32 = 2.0;
/// Raw score that maps to 1 - 1/e (about 0.63).
const SCALE: f32 = 7.8;
/// Evidence entries kept per match.
const MAX_EVIDENCE: usize = 6;
/// Titles of like examples kept per match.
const MAX_LIKE: usize = 3;

/// A knowledge area a course was scored against.
#[derive(Debug, Clone, Serialize)]
pub struct KaScore {
    /// Index of the knowledge area in the framework.
    pub ka: usize,
    /// Score from 0 to 1.
    pub score: f64,
    /// The vocabulary entries found, strongest first.
    pub evidence: Vec<String>,
    /// True when the score passed the framework's thresholds.
    pub selected: bool,
    /// Set when the match was restated from another framework through a crosswalk.
    pub via: Option<crate::crosswalk::Via>,
    /// True when a reviewer confirmed or added the match.
    pub reviewed: bool,
    /// The word of another age group that kept this knowledge area from matching.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excluded_by: Option<String>,
    /// Titles of labeled examples worded like the course that teach this knowledge area;
    /// their vote is part of the score.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub like: Vec<String>,
}

/// Everything the matcher concluded about one course.
#[derive(Debug, Clone)]
pub struct CourseMatch {
    /// Knowledge areas with a score above zero: the matches first (`selected`), what the course
    /// is mostly about first, then the others by score.
    pub candidates: Vec<KaScore>,
    /// Bucket decision with its reason.
    pub bucket: BucketDecision,
    /// Words that say something about content.
    pub informative_words: usize,
    /// True when the text is too thin to judge.
    pub thin: bool,
    /// Words read as another word because of a likely typo: (as written, read as).
    pub corrections: Vec<(String, String)>,
    /// Sentences of the description left out of matching (presenter, audience, logistics,
    /// catalog notes).
    pub set_aside: Vec<SetAside>,
    /// What a reviewer decided, when a decision was applied.
    pub review: Option<crate::review::Applied>,
}

impl CourseMatch {
    /// The selected knowledge areas, best first.
    pub fn selected(&self) -> impl Iterator<Item = &KaScore> {
        self.candidates.iter().filter(|c| c.selected)
    }
}

/// A vocabulary pattern found in a course.
#[derive(Default)]
struct Hit {
    pattern: usize,
    /// Occurrences in the title.
    in_title: u32,
    /// Occurrences in the description.
    in_description: u32,
    /// Occurrences weighted by where they stand (a title occurrence counts more).
    weighted: f32,
    /// True when a word of an occurrence was read as a typo.
    corrected: bool,
}

/// A knowledge area's age gate in one course: the first exclusion cue found, and whether
/// one of its age cues was found.
#[derive(Debug, Default, Clone)]
struct AgeGate {
    exclude: Option<String>,
    age: bool,
}

impl AgeGate {
    fn closed_by(&self) -> Option<&String> {
        self.exclude.as_ref().filter(|_| !self.age)
    }
}

/// Per-bucket cue hits found in a course.
#[derive(Debug, Default, Clone)]
pub(crate) struct CueHits {
    pub title: u32,
    pub description: u32,
    pub exclude: Vec<String>,
    pub age: u32,
    pub off_topic: Vec<String>,
    pub span: Vec<String>,
    /// Off-topic subjects named in the title.
    pub title_topic: Vec<String>,
    pub examples: Vec<String>,
}

/// Scores courses against one framework.
pub struct Matcher<'f> {
    fw: &'f Framework,
    index: Index,
    examples: Option<ExampleIndex>,
    /// Examples at least this alike are taken for copies of the course and do not vote.
    copy_similarity: Option<f32>,
    /// How far the examples bore out each vocabulary entry.
    reliability: Option<Reliability>,
}

struct FieldText {
    tokens: Vec<Token>,
    keys: String,
    starts: Vec<usize>,
    corrected: Vec<bool>,
}

impl<'f> Matcher<'f> {
    /// Compiles the framework's vocabulary and indexes its bundled examples
    /// ([`examples::bundled_or_none`]).
    pub fn new(fw: &'f Framework) -> Self {
        Self::with_examples(fw, examples::bundled_or_none(fw))
    }

    /// Compiles the framework's vocabulary and indexes these examples (none: the vocabulary
    /// alone decides).
    pub fn with_examples(fw: &'f Framework, examples: Vec<Example>) -> Self {
        let mut matcher = Self {
            fw,
            index: Index::build(fw),
            examples: None,
            copy_similarity: None,
            reliability: None,
        };
        if !examples.is_empty() {
            let (analyzed, findings): (Vec<_>, Vec<_>) = examples
                .into_par_iter()
                .map(|e| {
                    let mut ignored = Vec::new();
                    let title = matcher.field(&e.title, &mut ignored);
                    let (content, _) = boilerplate::split(&e.description);
                    let description = matcher.field(&content, &mut ignored);
                    let findings = matcher.findings(&title, &description, &e.knowledge_areas);
                    let analyzed = examples::AnalyzedExample {
                        title: title.tokens,
                        description: description.tokens,
                        fingerprint: examples::fingerprint(&e.title, &e.description),
                        knowledge_areas: e.knowledge_areas,
                        primary: e.primary,
                        title_text: e.title,
                    };
                    (analyzed, findings)
                })
                .unzip();
            matcher.examples = Some(ExampleIndex::build(analyzed));
            matcher.reliability = Some(Reliability::build(findings));
        }
        matcher
    }

    /// Takes examples at least `similarity` alike (cosine, 0 to 1) for copies of the course
    /// being matched: they do not vote. For evaluation, so that figures on labeled courses
    /// are not flattered by near copies among the examples.
    pub fn holding_out_copies(mut self, similarity: f32) -> Self {
        self.copy_similarity = Some(similarity);
        self
    }

    /// How many labeled examples the matcher learns from.
    pub fn example_count(&self) -> usize {
        self.examples.as_ref().map_or(0, ExampleIndex::len)
    }

    /// The framework this matcher scores against.
    pub fn framework(&self) -> &Framework {
        self.fw
    }

    /// Scores one course.
    ///
    /// ```
    /// let fw = crosswalk::framework::load_default().unwrap();
    /// let matcher = crosswalk::matcher::Matcher::new(&fw);
    /// let m = matcher.match_course("Reflective Supervision Basics", "The supervisory relationship.");
    /// assert_eq!(m.bucket.bucket, "rsc");
    /// let best = m.selected().next().unwrap();
    /// assert_eq!(fw.knowledge_areas[best.ka].name, "Reflective Supervision");
    /// ```
    pub fn match_course(&self, title: &str, description: &str) -> CourseMatch {
        let print = self
            .examples
            .as_ref()
            .map(|_| examples::fingerprint(title, description));
        let mut corrections = Vec::new();
        let title = self.field(title, &mut corrections);
        let (content, set_aside) = boilerplate::split(description);
        let description = self.field(&content, &mut corrections);
        let informative_words = title
            .tokens
            .iter()
            .chain(&description.tokens)
            .filter(|t| t.informative)
            .count();

        let kas = self.fw.knowledge_areas.len();
        // Per knowledge area: (raw score, contributions by display).
        let mut raw = vec![0.0f32; kas];
        let mut contributions: Vec<Vec<(f32, String)>> = vec![Vec::new(); kas];
        let mut cues = vec![CueHits::default(); self.fw.buckets.len()];
        let mut gates = vec![AgeGate::default(); kas];

        let length = title
            .tokens
            .iter()
            .chain(&description.tokens)
            .filter(|t| !t.is_gap())
            .count() as f32;
        let norm = 1.0 - B + B * (length.min(LENGTH_CAP) / REFERENCE_LENGTH);

        let (hits, inner_cues) = self.find_entries(&title, &description);
        let near = match (&self.examples, print) {
            (Some(index), Some(print)) => index.nearest(
                &title.tokens,
                &description.tokens,
                print,
                self.copy_similarity,
            ),
            _ => examples::Nearest::default(),
        };
        // Per knowledge area, the raw score before the examples weighed its entries: what
        // orders the matches.
        let mut plain = vec![0.0f32; kas];
        let mut context: Vec<(usize, f32, &String)> = Vec::new();

        for hit in &hits {
            let tf = hit.weighted;
            let saturated = tf * (K1 + 1.0) / (tf + K1 * norm);
            for posting in &self.index.postings[hit.pattern] {
                let display = &self.index.displays[posting.display as usize];
                match posting.target {
                    Target::KnowledgeArea(k) => {
                        let factor = self
                            .reliability
                            .as_ref()
                            .map_or(1.0, |r| r.factor(hit.pattern as u32, k, &near.held_out));
                        let k = k as usize;
                        plain[k] += posting.weight * saturated;
                        let contribution = posting.weight * saturated * factor;
                        raw[k] += contribution;
                        let label = if hit.corrected {
                            format!("{display} (typo)")
                        } else {
                            display.clone()
                        };
                        contributions[k].push((contribution, label));
                    }
                    Target::Context(k) => {
                        context.push((k as usize, posting.weight * saturated, display));
                    }
                    Target::Cue(b) => {
                        let cue = &mut cues[b as usize];
                        cue.title += hit.in_title;
                        cue.description += hit.in_description;
                        if !cue.examples.contains(display) {
                            cue.examples.push(display.clone());
                        }
                    }
                    other => note_cue(&mut cues, &mut gates, other, display, hit.in_title > 0),
                }
            }
        }
        // Context words count only for knowledge areas other words already show.
        for (k, contribution, display) in context {
            if raw[k] > 0.0 {
                raw[k] += contribution;
                plain[k] += contribution;
                contributions[k].push((contribution, display.clone()));
            }
        }
        for &(pattern, in_title) in &inner_cues {
            for posting in &self.index.postings[pattern] {
                // Another field's words inside one of ours name our field's thing: "first
                // aid" in "psychological first aid" is not a medical course, "life cycle"
                // in "family life cycle" no span of ages.
                if matches!(
                    posting.target,
                    Target::OffTopic(_) | Target::Span(_) | Target::TitleOffTopic(_)
                ) {
                    continue;
                }
                let display = &self.index.displays[posting.display as usize];
                note_cue(&mut cues, &mut gates, posting.target, display, in_title);
            }
        }
        // A short text is thin unless it names something the vocabulary knows well ("PCIT",
        // "ASQ-3 Training").
        let strong_hit = hits
            .iter()
            .any(|h| self.index.postings[h.pattern].iter().any(|p| p.strong));
        let thin = informative_words < self.fw.matching.min_informative_words && !strong_hit;

        let mut candidates: Vec<KaScore> = raw
            .iter()
            .enumerate()
            .filter(|(_, r)| **r > 0.0)
            .map(|(k, r)| {
                let mut parts = std::mem::take(&mut contributions[k]);
                parts.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
                let mut evidence: Vec<String> = Vec::new();
                for (_, label) in parts {
                    if evidence.len() < MAX_EVIDENCE && !evidence.contains(&label) {
                        evidence.push(label);
                    }
                }
                KaScore {
                    ka: k,
                    score: round3(f64::from(1.0 - (-r / SCALE).exp())),
                    evidence,
                    selected: false,
                    via: None,
                    reviewed: false,
                    excluded_by: gates[k].closed_by().cloned(),
                    like: Vec::new(),
                }
            })
            .collect();
        if thin {
            rank(&mut candidates);
        } else {
            self.select(&mut candidates);
        }
        // The bucket is decided on the course's own words.
        let bucket = bucket::decide(self.fw, &candidates, &cues, thin, informative_words);

        // Labeled examples worded like the course vote for the knowledge areas its words show.
        if let (Some(index), false) = (&self.examples, thin) {
            let neighbours = &near.neighbours;
            let votes = examples::vote(index, neighbours, kas);
            for c in &mut candidates {
                c.score += f64::from(votes.labeled[c.ka]);
            }
            self.select(&mut candidates);
            // The matches come first, what the course is mostly about first: its words at
            // their vocabulary weight, the vote, and what like examples are mostly about.
            order(&mut candidates, |c| {
                f64::from(
                    1.0 - (-plain[c.ka] / SCALE).exp() + votes.labeled[c.ka] + votes.primary[c.ka],
                )
            });
            // The examples behind a match are named.
            for c in candidates
                .iter_mut()
                .filter(|c| c.selected && votes.labeled[c.ka] > 0.0)
            {
                for n in neighbours {
                    let title = index.title(n.example);
                    if c.like.len() < MAX_LIKE
                        && index.labels(n.example).contains(&c.ka)
                        && !c.like.iter().any(|t| t == title)
                    {
                        c.like.push(title.to_string());
                    }
                }
            }
        }
        // Scores above 1 ranked and set the cutoff; the score shown stops at 1.
        for c in &mut candidates {
            c.score = round3(c.score.min(1.0));
        }

        CourseMatch {
            candidates,
            bucket,
            informative_words,
            thin,
            corrections,
            set_aside,
            review: None,
        }
    }

    /// The knowledge-area entries an example's words hold, each with whether the example is
    /// labeled with the area.
    fn findings(
        &self,
        title: &FieldText,
        description: &FieldText,
        labels: &[usize],
    ) -> Vec<Finding> {
        let (hits, _) = self.find_entries(title, description);
        let mut out = Vec::new();
        for hit in &hits {
            for posting in &self.index.postings[hit.pattern] {
                if let Target::KnowledgeArea(k) = posting.target {
                    out.push(Finding {
                        pattern: hit.pattern as u32,
                        ka: k,
                        labeled: labels.contains(&(k as usize)),
                    });
                }
            }
        }
        out
    }

    /// The vocabulary entries a course's title and description hold: each entry that counts on
    /// its own with where it stood, and the bucket cues found inside longer entries (with
    /// whether in the title).
    fn find_entries(
        &self,
        title: &FieldText,
        description: &FieldText,
    ) -> (Vec<Hit>, Vec<(usize, bool)>) {
        let mut hits: Vec<Hit> = Vec::new();
        let mut inner_cues: Vec<(usize, bool)> = Vec::new();
        let found: [Vec<(usize, usize, usize)>; 2] = [
            self.index.find(&title.keys).collect(),
            self.index.find(&description.keys).collect(),
        ];
        // One sense per course: a word read in another sense once ("attachments" in "email
        // attachments") is read so wherever it stands alone.
        let mut other_words: Vec<&str> = Vec::new();
        for (field, spans) in [title, description].into_iter().zip(&found) {
            for &(p, s, e) in spans {
                if self.index.is_other_sense(p) {
                    other_words.extend(field.keys[s..e].split_whitespace());
                }
            }
        }
        let fields = [(title, TITLE_WEIGHT, true), (description, 1.0, false)];
        for ((field, field_weight, in_title), spans) in fields.into_iter().zip(&found) {
            for (pattern, own) in self.sort_entries(field, spans, &other_words) {
                let Some((start, end)) = own else {
                    inner_cues.push((pattern, in_title));
                    continue;
                };
                let corrected = field
                    .starts
                    .iter()
                    .zip(&field.corrected)
                    .any(|(&s, &c)| c && s > start && s < end);
                let hit = match hits.iter().position(|h| h.pattern == pattern) {
                    Some(i) => &mut hits[i],
                    None => {
                        hits.push(Hit {
                            pattern,
                            ..Hit::default()
                        });
                        hits.last_mut().expect("just pushed")
                    }
                };
                if in_title {
                    hit.in_title += 1;
                } else {
                    hit.in_description += 1;
                }
                hit.weighted += field_weight;
                hit.corrected |= corrected;
            }
        }
        (hits, inner_cues)
    }

    /// The vocabulary entries found in one field, each with its place when it counts on its
    /// own, or none when it lies inside a longer entry (where only a bucket cue still counts).
    /// An entry inside a longer one found at the same place belongs to the longer one:
    /// "motivational" within "motivational interviewing" says nothing of its own; bucket cues
    /// count wherever they are ("perinatal" inside "perinatal mood and anxiety disorders" is
    /// still an age cue) except off-topic cues; a longer entry that is only a bucket cue
    /// ("ASQ:SE-2") takes nothing from a knowledge-area term inside it ("ASQ:SE"). Entries inside a phrase in another
    /// sense, and one-word entries that phrase used, are left out.
    fn sort_entries<'s>(
        &'s self,
        field: &'s FieldText,
        spans: &'s [(usize, usize, usize)],
        other_words: &'s [&str],
    ) -> impl Iterator<Item = (usize, Option<(usize, usize)>)> + 's {
        let absorbs = |p: usize| {
            self.index.postings[p]
                .iter()
                .any(|x| matches!(x.target, Target::KnowledgeArea(_)))
        };
        let inside = move |s: usize, e: usize| {
            spans
                .iter()
                .any(|&(p2, s2, e2)| s2 <= s && e <= e2 && (e2 - s2) > (e - s) && absorbs(p2))
        };
        let silenced = move |s: usize, e: usize| {
            let one_word = field.keys[s..e].trim();
            (!one_word.contains(' ') && other_words.contains(&one_word))
                || spans
                    .iter()
                    .any(|&(p2, s2, e2)| s2 <= s && e <= e2 && self.index.is_other_sense(p2))
        };
        spans
            .iter()
            .filter(move |&&(_, s, e)| !silenced(s, e))
            .map(move |&(pattern, s, e)| (pattern, (!inside(s, e)).then_some((s, e))))
    }

    /// Ranks candidates best first and marks the matches: at least the minimum score and near
    /// the best, at most the framework's number per course, never an age-gated one. A best
    /// raised above 1 by the examples' vote sets the cutoff as 1, the most a score shows: a
    /// unanimous vote for one area does not push the others out.
    fn select(&self, candidates: &mut [KaScore]) {
        rank(candidates);
        let rules = &self.fw.matching;
        let best = candidates
            .iter()
            .find(|c| c.excluded_by.is_none())
            .map_or(0.0, |c| c.score.min(1.0));
        let mut eligible = 0;
        for c in candidates.iter_mut() {
            c.selected = false;
            if c.excluded_by.is_some() || eligible == rules.max_areas_per_course {
                continue;
            }
            eligible += 1;
            c.selected = c.score >= rules.min_score && c.score >= rules.relative_cutoff * best;
        }
    }

    fn field(&self, text: &str, corrections: &mut Vec<(String, String)>) -> FieldText {
        let mut tokens = self.index.analyzer.tokens(text);
        let mut corrected = vec![false; tokens.len()];
        for (i, token) in tokens.iter_mut().enumerate() {
            if token.key.starts_with('#') || token.is_gap() {
                continue;
            }
            // A listed misspelling is listed in the plural too ("todlers" as "todler").
            let listed = self.index.spelling.get(&token.word).or_else(|| {
                token
                    .word
                    .strip_suffix('s')
                    .and_then(|singular| self.index.spelling.get(singular))
            });
            if let Some((word, key)) = listed {
                corrections.push((token.word.clone(), word.clone()));
                token.key = key.clone();
                corrected[i] = true;
                continue;
            }
            if self.index.known_keys.contains(&token.key) {
                continue;
            }
            if let Some((word, key)) = fuzzy::correct(&self.index, &token.word) {
                corrections.push((token.word.clone(), word.clone()));
                token.key = key.clone();
                corrected[i] = true;
            }
        }
        // A short unknown word is read as a vocabulary word one slip away only where it then
        // forms a vocabulary phrase with the word beside it ("mental helth").
        for i in 0..tokens.len() {
            let token = &tokens[i];
            if corrected[i]
                || !token.informative
                || token.key.starts_with('#')
                || self.index.known_keys.contains(&token.key)
            {
                continue;
            }
            let before = i.checked_sub(1).map(|j| tokens[j].key.as_str());
            let after = tokens.get(i + 1).map(|t| t.key.as_str());
            let found = fuzzy::short_candidates(&self.index, &token.word).find(|(_, key)| {
                let pair =
                    |a: &str, b: &str| self.index.pairs.contains(&(a.to_string(), b.to_string()));
                before.is_some_and(|b| pair(b, key)) || after.is_some_and(|a| pair(key, a))
            });
            if let Some((word, key)) = found {
                corrections.push((tokens[i].word.clone(), word.clone()));
                tokens[i].key = key.clone();
                corrected[i] = true;
            }
        }
        let mut starts = Vec::with_capacity(tokens.len());
        let keys = key_string(&tokens, &mut starts);
        FieldText {
            tokens,
            keys,
            starts,
            corrected,
        }
    }
}

/// Records a bucket cue found once (inside a longer entry, or an exclusion, age or off-topic
/// cue), or a knowledge area's exclusion or age cue.
fn note_cue(
    cues: &mut [CueHits],
    gates: &mut [AgeGate],
    target: Target,
    display: &str,
    in_title: bool,
) {
    let push = |list: &mut Vec<String>| {
        if !list.iter().any(|d| d == display) {
            list.push(display.to_string());
        }
    };
    match target {
        Target::KnowledgeArea(_) | Target::Context(_) | Target::OtherSense => {}
        Target::Cue(b) => {
            let hit = &mut cues[b as usize];
            if in_title {
                hit.title += 1;
            } else {
                hit.description += 1;
            }
            push(&mut hit.examples);
        }
        Target::Exclude(b) => push(&mut cues[b as usize].exclude),
        Target::Age(b) => cues[b as usize].age += 1,
        Target::OffTopic(b) => push(&mut cues[b as usize].off_topic),
        Target::Span(b) => push(&mut cues[b as usize].span),
        Target::TitleOffTopic(b) => {
            if in_title {
                push(&mut cues[b as usize].title_topic);
            }
        }
        Target::AreaExclude(k) => {
            let gate = &mut gates[k as usize];
            if gate.exclude.is_none() {
                gate.exclude = Some(display.to_string());
            }
        }
        Target::AreaAge(k) => gates[k as usize].age = true,
    }
}

/// Orders candidates best first (ties by framework order).
fn rank(candidates: &mut [KaScore]) {
    candidates.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.ka.cmp(&b.ka)));
}

/// Puts the matches first, by `prominence`, and the other candidates after them by score.
fn order(candidates: &mut [KaScore], prominence: impl Fn(&KaScore) -> f64) {
    candidates.sort_by(|a, b| {
        let key = |c: &KaScore| if c.selected { prominence(c) } else { c.score };
        b.selected
            .cmp(&a.selected)
            .then(key(b).total_cmp(&key(a)))
            .then(a.ka.cmp(&b.ka))
    });
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(ka: usize, score: f64) -> KaScore {
        KaScore {
            ka,
            score,
            evidence: Vec::new(),
            selected: false,
            via: None,
            reviewed: false,
            excluded_by: None,
            like: Vec::new(),
        }
    }

    #[test]
    fn a_best_raised_above_one_sets_the_cutoff_as_one() {
        let fw = crate::framework::load_default().expect("default framework");
        let matcher = Matcher::with_examples(&fw, Vec::new());
        let cutoff = fw.matching.relative_cutoff;
        // Above the cutoff of a best of 1, below that of the best as raised.
        let second = (cutoff + 0.01).max(fw.matching.min_score);
        let mut candidates = vec![candidate(0, second), candidate(1, 1.3)];
        matcher.select(&mut candidates);
        assert_eq!(candidates[0].ka, 1, "ranked best first");
        assert!(candidates.iter().all(|c| c.selected), "{candidates:?}");
        let mut faint = vec![candidate(0, cutoff - 0.01), candidate(1, 1.3)];
        matcher.select(&mut faint);
        assert!(!faint[1].selected, "{faint:?}");
    }
}
