//! Labeled example courses: a course worded like some examples takes a share of their labels
//! on top of its vocabulary score.
//!
//! Examples are indexed as TF-IDF vectors over the words the matcher reads (stems, acronyms,
//! typo corrections; title words twice). A course's nearest examples by cosine similarity vote
//! for the knowledge areas they are labeled with, each vote weighted by its similarity. The
//! vote only adds to knowledge areas the course's own words already show, and counts less when
//! even the nearest examples are not much alike. The areas the examples are mostly about (their
//! primary areas) take a further vote that orders a course's matches but never chooses them.
//! An example with the same title and description as the course is the course itself and never
//! votes.

use crate::error::{Error, Result};
use crate::framework::{self, Framework, KaResolver};
use crate::text::{Token, fold};
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};

thread_local! {
    /// Per-thread similarity table, reused from course to course.
    static SIMILARITIES: std::cell::RefCell<Vec<f32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// How many nearest examples vote.
const NEIGHBOURS: usize = 5;
/// The most a unanimous vote adds to a knowledge area's score.
const VOTE_WEIGHT: f32 = 0.3;
/// The most a unanimous vote for a primary area adds on top, in the order of a course's
/// matches only: it never makes or unmakes a match.
const PRIMARY_VOTE_WEIGHT: f32 = 0.15;
/// Mean similarity of the voting examples at which their vote counts in full.
const FULL_SIMILARITY: f32 = 0.25;

/// A labeled course the matcher learns from.
#[derive(Debug, Clone)]
pub struct Example {
    /// Its title.
    pub title: String,
    /// Its description (may be empty).
    pub description: String,
    /// The knowledge areas it teaches (framework indices).
    pub knowledge_areas: Vec<usize>,
    /// The knowledge areas it is mostly about (a subset of `knowledge_areas`; may be empty).
    pub primary: Vec<usize>,
}

/// An example read the way the matcher reads a course.
pub(crate) struct AnalyzedExample {
    /// Title tokens.
    pub title: Vec<Token>,
    /// Description tokens (boilerplate set aside).
    pub description: Vec<Token>,
    /// [`fingerprint`] of its title and description.
    pub fingerprint: u64,
    /// Its knowledge areas.
    pub knowledge_areas: Vec<usize>,
    /// The knowledge areas it is mostly about.
    pub primary: Vec<usize>,
    /// Its title as written.
    pub title_text: String,
}

/// The examples near a course, and those left out as the course itself or its copies.
#[derive(Debug, Default)]
pub(crate) struct Nearest {
    /// The most alike examples, most alike first.
    pub neighbours: Vec<Neighbour>,
    /// Examples with the course's own title and description, or at least as alike as a copy.
    pub held_out: Vec<u32>,
}

/// An example near a course, with its cosine similarity.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Neighbour {
    pub example: u32,
    pub similarity: f32,
}

/// Examples indexed for nearest-neighbour search.
pub(crate) struct ExampleIndex {
    terms: FxHashMap<String, u32>,
    idf: Vec<f32>,
    /// Per term: (example, weight in the example's unit vector).
    postings: Vec<Vec<(u32, f32)>>,
    labels: Vec<Vec<usize>>,
    primaries: Vec<Vec<usize>>,
    titles: Vec<String>,
    fingerprints: Vec<u64>,
}

/// The identity of a course's text: folded title and description.
pub(crate) fn fingerprint(title: &str, description: &str) -> u64 {
    let mut hasher = FxHasher::default();
    for word in fold(title).split_whitespace() {
        word.hash(&mut hasher);
    }
    0xffu8.hash(&mut hasher);
    for word in fold(description).split_whitespace() {
        word.hash(&mut hasher);
    }
    hasher.finish()
}

/// The informative keys of a title and description with their counts (title occurrences
/// twice). A course has few distinct words, so a short list beats a map.
fn term_counts<'t>(title: &'t [Token], description: &'t [Token]) -> Vec<(&'t str, f32)> {
    let mut counts: Vec<(&str, f32)> = Vec::with_capacity(title.len() + description.len());
    let fields = [(title, 2.0), (description, 1.0)];
    for (tokens, weight) in fields {
        for t in tokens.iter().filter(|t| t.informative && !t.is_gap()) {
            match counts.iter_mut().find(|(k, _)| *k == t.key) {
                Some((_, n)) => *n += weight,
                None => counts.push((t.key.as_str(), weight)),
            }
        }
    }
    counts
}

/// A term's TF-IDF weight.
fn tf_idf(count: f32, idf: f32) -> f32 {
    (1.0 + count.ln()) * idf
}

impl ExampleIndex {
    /// Indexes analyzed examples.
    pub(crate) fn build(analyzed: Vec<AnalyzedExample>) -> Self {
        let n = analyzed.len();
        let mut terms: FxHashMap<String, u32> = FxHashMap::default();
        let mut df: Vec<u32> = Vec::new();
        let mut docs: Vec<Vec<(u32, f32)>> = Vec::with_capacity(n);
        for example in &analyzed {
            let counts = term_counts(&example.title, &example.description);
            let mut doc = Vec::with_capacity(counts.len());
            for (key, count) in counts {
                let next = terms.len() as u32;
                let id = *terms.entry(key.to_string()).or_insert(next);
                if id as usize == df.len() {
                    df.push(0);
                }
                df[id as usize] += 1;
                doc.push((id, count));
            }
            docs.push(doc);
        }
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| ((n as f32 + 1.0) / (d as f32 + 1.0)).ln())
            .collect();
        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); terms.len()];
        for (e, doc) in docs.iter().enumerate() {
            let weights: Vec<f32> = doc
                .iter()
                .map(|&(t, tf)| tf_idf(tf, idf[t as usize]))
                .collect();
            let norm = weights.iter().map(|w| w * w).sum::<f32>().sqrt();
            if norm == 0.0 {
                continue;
            }
            for (&(t, _), w) in doc.iter().zip(weights) {
                postings[t as usize].push((e as u32, w / norm));
            }
        }
        let mut labels = Vec::with_capacity(n);
        let mut primaries = Vec::with_capacity(n);
        let mut titles = Vec::with_capacity(n);
        let mut fingerprints = Vec::with_capacity(n);
        for example in analyzed {
            fingerprints.push(example.fingerprint);
            labels.push(example.knowledge_areas);
            primaries.push(example.primary);
            titles.push(example.title_text);
        }
        Self {
            terms,
            idf,
            postings,
            labels,
            primaries,
            titles,
            fingerprints,
        }
    }

    /// How many examples are indexed.
    pub(crate) fn len(&self) -> usize {
        self.labels.len()
    }

    /// The examples most like a course, most alike first; never the course itself, nor an
    /// example at least `copy` alike (when given): those are held out.
    pub(crate) fn nearest(
        &self,
        title: &[Token],
        description: &[Token],
        print: u64,
        copy: Option<f32>,
    ) -> Nearest {
        let mut held_out: Vec<u32> = (0..self.fingerprints.len() as u32)
            .filter(|&e| self.fingerprints[e as usize] == print)
            .collect();
        let query: Vec<(u32, f32)> = term_counts(title, description)
            .into_iter()
            .filter_map(|(key, count)| {
                let &t = self.terms.get(key)?;
                Some((t, tf_idf(count, self.idf[t as usize])))
            })
            .collect();
        let norm = query.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm == 0.0 {
            return Nearest {
                neighbours: Vec::new(),
                held_out,
            };
        }
        SIMILARITIES.with_borrow_mut(|sims| {
            sims.clear();
            sims.resize(self.len(), 0.0);
            for &(t, w) in &query {
                for &(e, v) in &self.postings[t as usize] {
                    sims[e as usize] += w / norm * v;
                }
            }
            if let Some(copy) = copy {
                for (e, &similarity) in sims.iter().enumerate() {
                    if similarity >= copy && !held_out.contains(&(e as u32)) {
                        held_out.push(e as u32);
                    }
                }
            }
            Nearest {
                neighbours: best(sims, &held_out),
                held_out,
            }
        })
    }

    /// The knowledge areas an example is labeled with.
    pub(crate) fn labels(&self, example: u32) -> &[usize] {
        &self.labels[example as usize]
    }

    /// An example's title.
    pub(crate) fn title(&self, example: u32) -> &str {
        &self.titles[example as usize]
    }
}

/// The best-scoring examples of a similarity table, leaving out the `held_out` ones.
fn best(sims: &[f32], held_out: &[u32]) -> Vec<Neighbour> {
    let mut best: Vec<Neighbour> = Vec::with_capacity(NEIGHBOURS + 1);
    // Examples no more alike than the last of a full list are passed over first: most are.
    let mut floor = 0.0;
    for (e, &similarity) in sims.iter().enumerate() {
        if similarity <= floor || held_out.contains(&(e as u32)) {
            continue;
        }
        let at = best.partition_point(|n| n.similarity >= similarity);
        best.insert(
            at,
            Neighbour {
                example: e as u32,
                similarity,
            },
        );
        best.truncate(NEIGHBOURS);
        if best.len() == NEIGHBOURS {
            floor = best[NEIGHBOURS - 1].similarity;
        }
    }
    best
}

/// The neighbours' vote, per knowledge area (0 where none voted).
#[derive(Debug, Default)]
pub(crate) struct Votes {
    /// What the vote adds to a knowledge area's score.
    pub labeled: Vec<f32>,
    /// What the vote for primary areas adds on top, once the matches are chosen.
    pub primary: Vec<f32>,
}

/// Per knowledge area, what the neighbours' vote adds to its score.
pub(crate) fn vote(index: &ExampleIndex, neighbours: &[Neighbour], kas: usize) -> Votes {
    let mut votes = Votes {
        labeled: vec![0.0; kas],
        primary: vec![0.0; kas],
    };
    let total: f32 = neighbours.iter().map(|n| n.similarity).sum();
    if total <= 0.0 {
        return votes;
    }
    let confidence = (total / NEIGHBOURS as f32 / FULL_SIMILARITY).min(1.0);
    for n in neighbours {
        let share = confidence * n.similarity / total;
        for &k in index.labels(n.example) {
            if let Some(v) = votes.labeled.get_mut(k) {
                *v += VOTE_WEIGHT * share;
            }
        }
        for &k in &index.primaries[n.example as usize] {
            if let Some(v) = votes.primary.get_mut(k) {
                *v += PRIMARY_VOTE_WEIGHT * share;
            }
        }
    }
    votes
}

/// Example titles as a match names them: `'A', 'B'`.
pub fn quoted_titles(titles: &[String]) -> String {
    let quoted: Vec<String> = titles.iter().map(|t| format!("'{t}'")).collect();
    quoted.join(", ")
}

/// The note an evidence line ends with when examples voted: `; like 'A', 'B'` (empty when
/// none did).
pub fn like_note(titles: &[String]) -> String {
    if titles.is_empty() {
        String::new()
    } else {
        format!("; like {}", quoted_titles(titles))
    }
}

/// [`bundled_for`], or no examples when the set cannot be read. Bundled sets are checked by
/// the test suite; one that could not be read leaves the vocabulary to decide.
pub fn bundled_or_none(fw: &Framework) -> Vec<Example> {
    bundled_for(fw).unwrap_or_default()
}

/// The examples a framework learns from: its bundled set, or its vocabulary base's set with
/// each label carried to the knowledge areas that draw vocabulary from it. Fails when a
/// label names no knowledge area of the framework.
pub fn bundled_for(fw: &Framework) -> Result<Vec<Example>> {
    if let Some(set) = &fw.matching.examples {
        return read_bundled(set, fw, |k| vec![k]);
    }
    let Some(base_id) = &fw.framework.vocabulary_base else {
        return Ok(Vec::new());
    };
    let base = framework::load(base_id)?;
    let Some(set) = &base.matching.examples else {
        return Ok(Vec::new());
    };
    let carried = carried_labels(fw, &base);
    read_bundled(set, &base, |k| carried[k].clone())
}

/// For each knowledge area of `base`, the knowledge areas of `fw` that draw vocabulary from
/// it (by `vocabulary_from`): where a label given against the base counts in `fw`.
pub fn carried_labels(fw: &Framework, base: &Framework) -> Vec<Vec<usize>> {
    base.knowledge_areas
        .iter()
        .map(|b| {
            fw.knowledge_areas
                .iter()
                .enumerate()
                .filter(|(_, ka)| ka.vocabulary_from.contains(&b.id))
                .map(|(i, _)| i)
                .collect()
        })
        .collect()
}

fn read_bundled(
    set: &str,
    labels_fw: &Framework,
    carry: impl Fn(usize) -> Vec<usize>,
) -> Result<Vec<Example>> {
    let Some(bundled) = framework::BUNDLED_EXAMPLES.iter().find(|b| b.id == set) else {
        return Ok(Vec::new());
    };
    let resolver = KaResolver::new(labels_fw);
    let mut out = Vec::new();
    for (name, text) in bundled.files {
        let fail = |message: String| Error::Framework {
            origin: format!("built-in examples {set}/{name}"),
            message,
        };
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header = reader.headers().map_err(|e| fail(e.to_string()))?.clone();
        let column = |name: &str| {
            header
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name))
                .ok_or_else(|| fail(format!("no '{name}' column")))
        };
        let (title, description, labels) = (
            column("Title")?,
            column("Description")?,
            column("Knowledge areas")?,
        );
        let primaries = column("Primary areas").ok();
        for record in reader.records() {
            let record = record.map_err(|e| fail(e.to_string()))?;
            let row = record.position().map_or(0, csv::Position::line);
            let cell = |i: usize| record.get(i).unwrap_or("").to_string();
            let read = |i: usize| -> Result<Vec<usize>> {
                let mut kas = Vec::new();
                for k in resolver
                    .resolve_list(&cell(i))
                    .map_err(|m| fail(format!("row {row}: {m}")))?
                {
                    for carried in carry(k) {
                        if !kas.contains(&carried) {
                            kas.push(carried);
                        }
                    }
                }
                Ok(kas)
            };
            let knowledge_areas = read(labels)?;
            let primary = match primaries {
                Some(i) => read(i)?,
                None => Vec::new(),
            };
            out.push(Example {
                title: cell(title),
                description: cell(description),
                knowledge_areas,
                primary,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Analyzer;

    fn analyzed(
        analyzer: &Analyzer,
        title: &str,
        description: &str,
        kas: &[usize],
    ) -> AnalyzedExample {
        AnalyzedExample {
            title: analyzer.tokens(title),
            description: analyzer.tokens(description),
            fingerprint: fingerprint(title, description),
            knowledge_areas: kas.to_vec(),
            primary: kas.iter().copied().take(1).collect(),
            title_text: title.to_string(),
        }
    }

    fn index(analyzer: &Analyzer) -> ExampleIndex {
        ExampleIndex::build(vec![
            analyzed(
                analyzer,
                "Toddler Tantrums",
                "Why toddlers melt down.",
                &[0, 1],
            ),
            analyzed(
                analyzer,
                "Toddler Biting",
                "Biting in the toddler room.",
                &[0],
            ),
            analyzed(
                analyzer,
                "Payroll Basics",
                "Withholding and deductions.",
                &[],
            ),
        ])
    }

    #[test]
    fn the_nearest_examples_come_first_and_the_course_itself_never() {
        let analyzer = Analyzer::new(Default::default());
        let index = index(&analyzer);
        let (title, text) = ("Toddler Tantrums", "Why toddlers melt down.");
        let near = index.nearest(
            &analyzer.tokens(title),
            &analyzer.tokens(text),
            fingerprint(title, text),
            None,
        );
        let titles: Vec<&str> = near
            .neighbours
            .iter()
            .map(|n| index.title(n.example))
            .collect();
        assert_eq!(
            titles,
            ["Toddler Biting"],
            "itself left out, payroll unlike"
        );
        assert_eq!(near.held_out, [0], "itself held out");

        let other = "Tantrums and biting in toddlers";
        let near = index
            .nearest(&analyzer.tokens(other), &[], fingerprint(other, ""), None)
            .neighbours;
        assert_eq!(near.len(), 2);
        assert!(near[0].similarity >= near[1].similarity);
        let (copy, copy_similarity) = (near[0].example, near[0].similarity);
        let near = index.nearest(
            &analyzer.tokens(other),
            &[],
            fingerprint(other, ""),
            Some(copy_similarity),
        );
        assert_eq!(
            near.neighbours.len(),
            1,
            "an example as alike as a copy is held out"
        );
        assert_eq!(near.held_out, [copy]);
    }

    /// The test index and the examples nearest a course on tantrums and biting.
    fn near_tantrums() -> (ExampleIndex, Vec<Neighbour>) {
        let analyzer = Analyzer::new(Default::default());
        let index = index(&analyzer);
        let text = "Tantrums and biting in toddlers";
        let near = index.nearest(&analyzer.tokens(text), &[], fingerprint(text, ""), None);
        (index, near.neighbours)
    }

    #[test]
    fn the_vote_is_shared_by_similarity_and_weaker_for_distant_examples() {
        let (index, near) = near_tantrums();
        let votes = vote(&index, &near, 3).labeled;
        assert!(votes[0] > votes[1] && votes[1] > 0.0, "{votes:?}");
        assert!(votes[0] <= VOTE_WEIGHT + 1e-6);
        assert_eq!(votes[2], 0.0);
        assert!(vote(&index, &[], 3).labeled.iter().all(|v| *v == 0.0));
        let faint = [Neighbour {
            example: 0,
            similarity: 0.01,
        }];
        assert!(vote(&index, &faint, 3).labeled[0] < VOTE_WEIGHT / 10.0);
    }

    #[test]
    fn only_primary_areas_take_the_primary_vote() {
        let (index, near) = near_tantrums();
        let votes = vote(&index, &near, 3);
        assert!(votes.primary[0] > 0.0 && votes.primary[0] <= PRIMARY_VOTE_WEIGHT + 1e-6);
        assert_eq!(
            votes.primary[1], 0.0,
            "labeled in one example, primary in none"
        );
        assert_eq!(votes.primary[2], 0.0);
    }
}
