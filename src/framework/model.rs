//! The framework file's data model, deserialized with `deny_unknown_fields`.

use serde::{Deserialize, Serialize};

/// A whole framework file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// Identity and provenance.
    pub framework: FrameworkInfo,
    /// How hours may be counted.
    #[serde(default)]
    pub counting: CountingRules,
    /// Matcher thresholds.
    #[serde(default)]
    pub matching: MatchingRules,
    /// What counts as strong or weak coverage.
    #[serde(default)]
    pub coverage: CoverageRules,
    /// Hour requirements.
    #[serde(default)]
    pub requirements: Vec<Requirement>,
    /// What a course's hours can qualify as.
    #[serde(default)]
    pub buckets: Vec<Bucket>,
    /// Areas of expertise, in framework order.
    pub areas: Vec<Area>,
    /// Knowledge areas, in framework order.
    pub knowledge_areas: Vec<KnowledgeArea>,
    /// Common misspellings and the word they stand for, applied to course text before
    /// matching (typos one edit away are caught without this list).
    #[serde(default)]
    pub spelling: std::collections::BTreeMap<String, String>,
}

/// Identity and provenance of a framework.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkInfo {
    /// Stable id, e.g. `imhm-c-2025`.
    pub id: String,
    /// Human title.
    pub title: String,
    /// Version or date of the source document.
    pub version: String,
    /// The source document.
    pub source: String,
    /// A bundled framework whose vocabulary (and buckets) this one draws on, through each
    /// knowledge area's `vocabulary_from`.
    #[serde(default)]
    pub vocabulary_base: Option<String>,
    /// Take the base framework's buckets, with their knowledge areas translated to this one's.
    #[serde(default)]
    pub inherit_buckets: bool,
}

/// How hours may be counted toward requirements.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CountingRules {
    /// When true, each hour of a course counts toward at most one `part` requirement.
    #[serde(default = "default_true")]
    pub hours_count_once: bool,
    /// A course qualifies for a second bucket only when that bucket's strength is at least
    /// this share of its main bucket's strength.
    #[serde(default = "default_mixed_ratio")]
    pub mixed_course_ratio: f64,
}

impl Default for CountingRules {
    fn default() -> Self {
        Self {
            hours_count_once: true,
            mixed_course_ratio: default_mixed_ratio(),
        }
    }
}

/// Matcher thresholds.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MatchingRules {
    /// Lowest score (0 to 1) for a knowledge area to be reported as covered by a course.
    #[serde(default = "default_min_score")]
    pub min_score: f64,
    /// A match must also reach this share of the course's best score.
    #[serde(default = "default_relative_cutoff")]
    pub relative_cutoff: f64,
    /// At most this many knowledge areas per course.
    #[serde(default = "default_max_areas")]
    pub max_areas_per_course: usize,
    /// Fewer informative words than this and a course is flagged as too thin to judge.
    #[serde(default = "default_min_words")]
    pub min_informative_words: usize,
    /// A bundled set of labeled example courses whose labels also count, by likeness of
    /// wording, toward a course's scores (e.g. "imhm-c-2025"). A framework with a
    /// `vocabulary_base` and no set of its own uses its base's, through `vocabulary_from`.
    #[serde(default)]
    pub examples: Option<String>,
    /// Phrases whose words mean something else than the vocabulary's ("email attachments",
    /// "business development"): where one is found, the vocabulary entries and cues inside it
    /// count for nothing. A framework with a `vocabulary_base` also uses its base's.
    #[serde(default)]
    pub other_senses: Vec<String>,
}

impl Default for MatchingRules {
    fn default() -> Self {
        Self {
            min_score: default_min_score(),
            relative_cutoff: default_relative_cutoff(),
            max_areas_per_course: default_max_areas(),
            min_informative_words: default_min_words(),
            examples: None,
            other_senses: Vec::new(),
        }
    }
}

/// What counts as strong or weak coverage of a knowledge area.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CoverageRules {
    /// A knowledge area is covered strongly when some course reaches this score.
    #[serde(default = "default_strong_score")]
    pub strong_score: f64,
    /// Covered with fewer hours than this in all: weak.
    #[serde(default = "default_weak_hours")]
    pub weak_below_hours: f64,
}

impl Default for CoverageRules {
    fn default() -> Self {
        Self {
            strong_score: default_strong_score(),
            weak_below_hours: default_weak_hours(),
        }
    }
}

/// Whether a requirement is the whole or a part of the training hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RequirementKind {
    /// All qualifying hours together (e.g. 48 h).
    Total,
    /// A share of the total that specific content must fill (e.g. 33 h, 15 h).
    Part,
}

/// An hour requirement.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Stable id, e.g. `social-emotional`.
    pub id: String,
    /// Human name.
    pub name: String,
    /// Minimum clock hours.
    pub hours: f64,
    /// Bucket ids whose hours count toward it.
    pub accepts: Vec<String>,
    /// Total or part.
    pub kind: RequirementKind,
    /// A note shown beside it.
    #[serde(default)]
    pub note: Option<String>,
}

/// A kind of content a course's hours can qualify as, with the cues that decide it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Bucket {
    /// Stable id, e.g. `rsc`.
    pub id: String,
    /// Human name.
    pub name: String,
    /// Other ways a labeled file may write this bucket ("SE", "IMH-specific"), beside its id
    /// and name.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What qualifies, in plain words.
    pub qualifies: String,
    /// Words and phrases that show the content.
    pub cues: Vec<String>,
    /// Knowledge areas whose match shows the content.
    pub knowledge_areas: Vec<String>,
    /// Knowledge areas whose match shows the content only together with an age cue (e.g.
    /// parental mental illness, when the course is about infants and their parents).
    #[serde(default)]
    pub knowledge_areas_with_age_cue: Vec<String>,
    /// Lowest knowledge-area score that counts as showing the content.
    pub min_score: f64,
    /// A knowledge area shows the content only when its score is at least this share of the
    /// course's best score.
    #[serde(default = "default_share_of_best")]
    pub min_share_of_best: f64,
    /// Words that rule the bucket out (e.g. an adolescent focus)...
    #[serde(default)]
    pub exclude_cues: Vec<String>,
    /// ...unless one of these is present too.
    #[serde(default)]
    pub age_cues: Vec<String>,
    /// When true, a knowledge-area match shows the content only if an age cue is present too;
    /// the bucket's own cues still count alone.
    #[serde(default)]
    pub knowledge_areas_need_age_cue: bool,
    /// Words of content the bucket is not about (medical care, school curricula, billing):
    /// when present and no bucket cue is, knowledge-area matches do not show the content.
    #[serde(default)]
    pub off_topic_cues: Vec<String>,
    /// Words of an age span far wider than the bucket's ("infancy through adolescence",
    /// "across the lifespan"): they rule the bucket out whatever else the course says.
    #[serde(default)]
    pub span_cues: Vec<String>,
    /// Words that, in a course's title, name a subject the bucket is never about (budgeting,
    /// hiring, payroll): they rule the bucket out whatever else the course says.
    #[serde(default)]
    pub title_off_topic_cues: Vec<String>,
    /// Other buckets a course mainly of this bucket may also count toward, when it has enough
    /// of their content too.
    #[serde(default)]
    pub also_counts_as: Vec<String>,
}

impl Bucket {
    /// Every way a labeled file may name this bucket: its id, its name and its aliases.
    pub fn labels(&self) -> impl Iterator<Item = &String> {
        [&self.id, &self.name].into_iter().chain(&self.aliases)
    }
}

/// How an area of expertise is mainly evidenced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EvidencedBy {
    /// Training and coursework document it.
    Training,
    /// Reference ratings and work document it mainly; a training gap is not a missing competency.
    Other,
}

/// An area of expertise.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// Stable id, the slug of the name.
    pub id: String,
    /// Name exactly as in the source.
    pub name: String,
    /// How it is evidenced.
    pub evidenced_by: EvidencedBy,
    /// A note on that evidence.
    #[serde(default)]
    pub evidence_note: Option<String>,
    /// What the source calls its items ("Knowledge areas", "Skill areas", "Capabilities").
    #[serde(default)]
    pub item_label: Option<String>,
    /// Designations the source gives the area (e.g. A, C, P, RF; C, S, T, P).
    #[serde(default)]
    pub designations: Vec<String>,
}

/// A knowledge area with its descriptor vocabulary.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct KnowledgeArea {
    /// Stable id, `area-slug/name-slug`.
    pub id: String,
    /// The id of its area of expertise.
    pub area: String,
    /// Name exactly as in the source.
    pub name: String,
    /// Words and phrases that show the knowledge area is taught.
    #[serde(default)]
    pub terms: Vec<String>,
    /// Weaker, supporting words.
    #[serde(default)]
    pub related: Vec<String>,
    /// Words that add to the knowledge area only when other words already show it ("infants"
    /// for infant development): context, never evidence on their own.
    #[serde(default)]
    pub context: Vec<String>,
    /// Words of an age group the knowledge area is not about ("adolescent" for infant
    /// development): when one is present and none of `age_cues` is, the knowledge area is not
    /// matched, whatever its score.
    #[serde(default)]
    pub exclude_cues: Vec<String>,
    /// Words of the knowledge area's own age group, which lift an exclusion.
    #[serde(default)]
    pub age_cues: Vec<String>,
    /// Knowledge-area ids of the base framework whose vocabulary this one also uses.
    #[serde(default)]
    pub vocabulary_from: Vec<String>,
    /// Where the item stands in the source, when its name is crosswalk's own (e.g. "skills 4").
    #[serde(default)]
    pub source_item: Option<String>,
}

impl Framework {
    /// Every vocabulary entry: knowledge-area names, terms, related and context words and
    /// age cues, then every bucket's cues.
    pub fn vocabulary_entries(&self) -> impl Iterator<Item = &str> {
        let ka = self.knowledge_areas.iter().flat_map(|k| {
            std::iter::once(&k.name)
                .chain(&k.terms)
                .chain(&k.related)
                .chain(&k.context)
                .chain(&k.exclude_cues)
                .chain(&k.age_cues)
        });
        let buckets = self.buckets.iter().flat_map(|b| {
            b.cues
                .iter()
                .chain(&b.exclude_cues)
                .chain(&b.age_cues)
                .chain(&b.off_topic_cues)
                .chain(&b.span_cues)
                .chain(&b.title_off_topic_cues)
        });
        ka.chain(buckets)
            .chain(&self.matching.other_senses)
            .map(String::as_str)
    }

    /// The area with this id.
    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// The index of the knowledge area with this id.
    pub fn knowledge_area_index(&self, id: &str) -> Option<usize> {
        self.knowledge_areas.iter().position(|k| k.id == id)
    }

    /// The name of the area a knowledge area belongs to.
    pub fn area_name_of(&self, ka: &KnowledgeArea) -> &str {
        self.area(&ka.area).map_or("", |a| a.name.as_str())
    }
}

fn default_true() -> bool {
    true
}
fn default_mixed_ratio() -> f64 {
    0.5
}
fn default_share_of_best() -> f64 {
    0.8
}
// The selection defaults were fitted on the labeled tuning files (tests/data/labeled) with the
// default vocabulary, which the bundled frameworks share.
fn default_min_score() -> f64 {
    0.4
}
fn default_relative_cutoff() -> f64 {
    0.45
}
fn default_max_areas() -> usize {
    8
}
fn default_min_words() -> usize {
    2
}
fn default_strong_score() -> f64 {
    0.5
}
fn default_weak_hours() -> f64 {
    3.0
}
