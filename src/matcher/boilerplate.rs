//! Sentences of a description that are not about what a training teaches: the presenter's
//! biography, who should attend, logistics (fees, place, credits), a university entry's
//! notes (prerequisites, when it is offered), other trainings it names (related courses, the
//! rest of its series) and what the training says it does not cover. They are set aside
//! before matching, so that a presenter's credentials, an audience of "infant mental health
//! specialists", a prerequisite course's title, "You may also like: Circle of Security" or
//! "this workshop does not address infants" do not count as content.

use crate::text::is_item_mark;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Serialize;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Why a sentence was set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Aside {
    /// About the presenter or the sponsor: name, credentials, experience.
    Presenter,
    /// Who the training is for.
    Audience,
    /// Fees, place, time, meals, credits, registration.
    Logistics,
    /// A catalog's notes: prerequisites, when offered, cross-listings.
    CourseNotes,
    /// What the training says it does not cover ("This workshop does not address infants").
    NotCovered,
    /// Other trainings named for reference: related courses, the rest of a series.
    OtherTrainings,
}

impl Aside {
    /// The kind in words.
    pub fn label(self) -> &'static str {
        match self {
            Aside::Presenter => "presenter or sponsor",
            Aside::Audience => "audience",
            Aside::Logistics => "logistics",
            Aside::CourseNotes => "course notes",
            Aside::NotCovered => "not covered",
            Aside::OtherTrainings => "other trainings",
        }
    }
}

/// A sentence left out of matching, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SetAside {
    /// Why.
    pub kind: Aside,
    /// The sentence as written.
    pub text: String,
}

/// Labels that open a presenter's line ("Presenter: ...").
const PRESENTER_LABELS: &[&str] = &[
    "presenter",
    "presenters",
    "presenter bio",
    "presenter bios",
    "trainer",
    "trainers",
    "trainer bio",
    "facilitator",
    "facilitators",
    "speaker",
    "speakers",
    "keynote speaker",
    "instructor",
    "instructors",
    "faculty",
    "bio",
    "bios",
    "biography",
    "about the presenter",
    "about the presenters",
    "about the trainer",
    "about the trainers",
    "about the speaker",
    "about the speakers",
    "about the facilitator",
    "about the instructor",
    "ponente",
    "ponentes",
    "presentador",
    "presentadora",
    "facilitador",
    "facilitadora",
    "capacitador",
    "capacitadora",
];
/// Sentence openings that introduce a presenter.
const PRESENTER_OPENINGS: &[&str] = &[
    "about the presenter",
    "about the trainer",
    "about the speaker",
    "about the facilitator",
    "about the instructor",
    "presented by",
    "facilitated by",
    "taught by",
    "led by",
    "the presenter has",
    "the presenter is",
    "the presenter was",
    "the presenter brings",
    "the presenter holds",
    "the presenter serves",
    "the presenter teaches",
    "the presenter provides",
    "the trainer has",
    "the trainer is",
    "the trainer was",
    "the trainer brings",
    "the trainer holds",
    "the trainer serves",
    "the trainer teaches",
    "the trainer provides",
    "the speaker has",
    "the speaker is",
    "the facilitator has",
    "the facilitator is",
    "the instructor has",
    "the instructor is",
    "our presenter",
    "our trainer",
    "our speaker",
    "presentado por",
    "impartido por",
    "sponsored by",
    "co-sponsored by",
    "cosponsored by",
    "hosted by",
    "funded by",
    "in partnership with",
    "brought to you by",
    "offered in partnership with",
    "presented in partnership with",
    "offered by",
    "offered through",
    "offered as part of",
    "co-hosted by",
    "cohosted by",
    "made possible by",
    "with support from",
    "with funding from",
    "a training of the",
    "a program of the",
    "a project of the",
    "an initiative of the",
    "a service of the",
    "patrocinado por",
    "ofrecido por",
    "organizado por",
];
/// Phrases that mark a sentence as a biography wherever they stand.
const BIO_PHRASES: &[&str] = &[
    "years of experience",
    "is a licensed",
    "is a certified",
    "is a board certified",
    "has worked",
    "has provided",
    "has led",
    "has taught",
    "has trained",
    "has over",
    "has more than",
    "has been practicing",
    "received her",
    "received his",
    "earned her",
    "earned his",
    "holds a degree",
    "holds a master",
    "holds a doctorate",
    "holds a phd",
    "her doctorate",
    "his doctorate",
    "is endorsed",
    "is an endorsed",
    "currently serves",
    "anos de experiencia",
    "años de experiencia",
    "tiene experiencia",
];
/// Openings of a sentence that goes on about the presenter just introduced.
const BIO_CONTINUATIONS: &[&str] = &[
    "she ", "he ", "they ", "her ", "his ", "their ", "ella ", "él ", "dr ", "dr. ",
];
/// Credentials written after a name (", LCSW"): a presenter's line.
const CREDENTIALS: &[&str] = &[
    "LMSW", "LCSW", "LICSW", "LISW", "LPC", "LPCC", "LMFT", "LMHC", "PhD", "Ph.D.", "PsyD",
    "Psy.D.", "EdD", "Ed.D.", "MSW", "MSc", "MEd", "M.Ed.", "IMH-E", "IMH-E®", "RN", "BSN", "MSN",
    "IBCLC", "MD", "M.D.", "CPA", "NCSP", "BCBA", "CCC-SLP", "OTR/L", "DPT",
];
/// Labels that open an audience line.
const AUDIENCE_LABELS: &[&str] = &[
    "audience",
    "intended audience",
    "target audience",
    "who should attend",
    "appropriate for",
    "recommended for",
    "open to",
    "eligibility",
    "participants",
    "dirigido a",
    "dirigida a",
    "publico",
    "público",
    "publico objetivo",
    "público objetivo",
];
/// Sentence openings that say who should attend.
const AUDIENCE_OPENINGS: &[&str] = &[
    "this training is intended for",
    "this training is designed for",
    "this training is for",
    "this training is open to",
    "this training is appropriate for",
    "this workshop is intended for",
    "this workshop is designed for",
    "this workshop is for",
    "this workshop is open to",
    "this session is intended for",
    "this session is designed for",
    "this session is for",
    "this course is intended for",
    "this webinar is intended for",
    "this webinar is for",
    "this series is intended for",
    "this series is for",
    "intended for",
    "open to all",
    "appropriate for",
    "recommended for",
    "who should attend",
    "este taller está dirigido a",
    "este taller esta dirigido a",
    "esta capacitación está dirigida a",
    "dirigido a",
    "dirigida a",
    "limited to",
    "open to",
    "only open to",
    "available to",
    "space is limited to",
    "registration is limited to",
    "enrollment is limited to",
    "participation is limited to",
];
/// Words in an audience sentence that show it also says what is taught: such a sentence is
/// kept. They match as the start of a word ("learning").
const TEACHING_WORDS: &[&str] = &[
    "learn",
    "explore",
    "understand",
    "practice",
    "practise",
    "skills",
    "deepen",
    "strengthen",
    "build",
    "introduce",
    "aprender",
    "explorar",
];
/// Labels that open a logistics line.
const LOGISTICS_LABELS: &[&str] = &[
    "registration",
    "register",
    "to register",
    "fee",
    "fees",
    "cost",
    "costs",
    "price",
    "tuition",
    "location",
    "where",
    "when",
    "date",
    "dates",
    "time",
    "times",
    "venue",
    "ce credit",
    "ce credits",
    "ce",
    "ces",
    "ceu",
    "ceus",
    "continuing education",
    "continuing education credit",
    "contact hours",
    "credit",
    "credits",
    "clock hours",
    "materials",
    "contact",
    "questions",
    "parking",
    "lunch",
    "meals",
    "format",
    "platform",
    "deadline",
    "inscripcion",
    "inscripción",
    "costo",
    "lugar",
    "fecha",
    "horario",
    "almuerzo",
];
/// Phrases that mark a logistics sentence wherever they stand.
const LOGISTICS_PHRASES: &[&str] = &[
    "lunch provided",
    "lunch will be provided",
    "lunch is provided",
    "lunch on your own",
    "lunch is on your own",
    "light refreshments",
    "refreshments will be",
    "refreshments served",
    "breakfast provided",
    "continental breakfast",
    "parking is",
    "free parking",
    "zoom link",
    "link will be sent",
    "link will be emailed",
    "cancellation",
    "cancellations",
    "refund",
    "refunds",
    "certificate of completion",
    "certificate of attendance",
    "certificates of completion",
    "check-in begins",
    "check-in opens",
    "check-in starts",
    "check in begins",
    "approved by nasw",
    "ce hours",
    "ce credit",
    "ce credits",
    "ceus",
    "contact hours approved",
    "scholarships available",
    "scholarships are available",
    "register by",
    "register at",
    "register online",
    "to register",
    "registration opens",
    "registration is",
    "registration fee",
    "registration deadline",
    "registration required",
    "registration closes",
    "space is limited",
    "seating is limited",
    "for more information",
    "for details",
    "for more details",
    "coming soon",
    "see flyer",
    "see the flyer",
    "training calendar",
    "please contact",
    "contact us",
    "contact the",
    "contáctenos",
    "para más información",
    "questions? contact",
    "or call the",
    "or email the",
    "call us",
    "email us",
    "inscripcion",
    "inscripción",
    "estacionamiento",
];
/// Verbs of a sentence that says what a training counts for ("Approved for 3 hours toward
/// endorsement"); such a sentence is set aside when it also names a [`CREDIT_KINDS`] entry and
/// says nothing of what is taught.
const CREDIT_CLAIMS: &[&str] = &[
    "approved for",
    "approved by",
    "has been approved",
    "is approved",
    "are approved",
    "counts toward",
    "counts towards",
    "count toward",
    "count towards",
    "counts for",
    "applies toward",
    "applies towards",
    "apply toward",
    "applied toward",
    "applied towards",
    "used toward",
    "used towards",
    "qualifies for",
    "qualifies as",
    "qualify for",
    "meets",
    "meet the",
    "fulfills",
    "fulfils",
    "fulfill",
    "satisfies",
    "aligned with",
    "aligns with",
    "eligible for",
    "earn",
    "earns",
    "awarded",
    "cuenta para",
    "cuentan para",
    "valido para",
    "válido para",
    "aprobado para",
    "aprobada para",
    "otorga",
];
/// A sentence that says a training does not count for something ("This training does not
/// count toward reflective supervision hours") is set aside when it speaks of hours, credit or
/// a [`CREDIT_KINDS`] entry, whatever kind of hours it names.
const NEGATED_CLAIMS: &[&str] = &[
    "does not count",
    "do not count",
    "doesn't count",
    "will not count",
    "cannot be counted",
    "not approved for",
    "is not approved",
    "not eligible for",
    "does not qualify",
    "do not qualify",
    "doesn't qualify",
    "no cuenta para",
    "no cuentan para",
    "no es válido para",
    "no es valido para",
];
/// What such a sentence says a training counts for: an endorsement, a license, continuing
/// education.
const CREDIT_KINDS: &[&str] = &[
    "endorsement",
    "endorsements",
    "imh-e",
    "imh-e®",
    "endorsement®",
    "competency guidelines",
    "competency guidelines®",
    "infant mental health competencies",
    "imh competencies",
    "renewal",
    "licensure",
    "license renewal",
    "continuing education",
    "ce credit",
    "ce credits",
    "ce hours",
    "ceu",
    "ceus",
    "credit hours",
    "clock hours",
    "contact hours",
    "training hours",
    "professional development hours",
    "in-service hours",
    "respaldo",
    "educacion continua",
    "educación continua",
    "creditos",
    "créditos",
];

/// Words of a credit line that name the kind of hours it claims ("Counts toward reflective
/// supervision/consultation training hours"): the provider's word for what the training is,
/// so such a line is kept.
const CLAIMED_CONTENT: &[&str] = &[
    "reflective",
    "rsc",
    "rs/c",
    "social-emotional",
    "social emotional",
    "socioemocional",
    "reflexiva",
];

/// Openings (or phrases anywhere, cut from there on) of a catalog's notes.
/// Labels and openings that introduce other trainings ("Related trainings:", "You may also
/// like ...", "Next in this series: ...").
const OTHER_TRAININGS: &[&str] = &[
    "related trainings",
    "related training",
    "related courses",
    "related course",
    "related sessions",
    "related events",
    "related webinars",
    "related workshops",
    "see also",
    "also in this series",
    "also in the series",
    "next in this series",
    "next in the series",
    "next in series",
    "next session",
    "previous session",
    "previously in this series",
    "up next",
    "coming next",
    "other sessions in this series",
    "other trainings in this series",
    "other courses in this series",
    "other sessions",
    "other trainings",
    "more in this series",
    "you may also like",
    "you might also like",
    "you may also be interested in",
    "also available",
    "also offered",
    "this session is part of",
    "this training is part of",
    "this webinar is part of",
    "this workshop is part of",
    "this course is part of",
    "this module is part of",
    "this event is part of",
    "cursos relacionados",
    "capacitaciones relacionadas",
    "talleres relacionados",
    "otras capacitaciones",
    "también le puede interesar",
    "también te puede interesar",
    "esta sesión forma parte",
    "este taller forma parte",
];

const COURSE_NOTES: &[&str] = &[
    "prerequisite",
    "prerequisites",
    "prereq",
    "pre-requisite",
    "pre-requisites",
    "corequisite",
    "co-requisite",
    "restricted to",
    "same as ",
    "cross-listed",
    "crosslisted",
    "credit not given",
    "credit will not be given",
    "credit may not be earned",
    "not open to",
    "may be repeated",
    "repeatable for credit",
    "graded s/u",
    "pass/fail",
    "grading basis",
    "formerly ",
    "lab fee",
    "offered fall",
    "offered spring",
    "offered summer",
    "offered every",
    "offered alternate",
    "offered odd",
    "offered even",
    "offered annually",
    "offered each",
    "typically offered",
    "consent of instructor",
    "permission of instructor",
    "instructor permission",
    "open only to",
    "enrollment limited",
    "requisito",
    "prerrequisito",
    // What a participant need not know or have done.
    "no prior experience",
    "no previous experience",
    "no experience necessary",
    "no experience needed",
    "no experience required",
    "no background in",
    "no prior knowledge",
    "no previous knowledge",
    "no prior training",
    "no prerequisite",
    "no prerequisites",
    "need not be",
    "need not have",
    "do not need to be",
    "does not need to be",
    "do not need prior",
    "do not need any",
    "don't need to be",
    "don't need any",
    "helpful but not required",
    "no se requiere",
    "no se necesita",
    "no es necesario",
];

/// What a training is called when a description speaks of itself ("this workshop ...").
const SELF_NAMES: &[&str] = &[
    "this training",
    "this workshop",
    "this course",
    "this session",
    "this webinar",
    "this class",
    "this module",
    "this series",
    "this seminar",
    "this presentation",
    "this program",
    "this curriculum",
    "the training",
    "the workshop",
    "the course",
    "the session",
    "the webinar",
];
/// What follows a [`SELF_NAMES`] entry when a description says what it leaves out.
const NOT_COVERED_VERBS: &[&str] = &[
    "does not address",
    "does not cover",
    "does not focus on",
    "does not teach",
    "doesn't address",
    "doesn't cover",
    "doesn't focus on",
    "will not address",
    "will not cover",
    "will not focus on",
    "is not designed for",
    "is not intended for",
    "is not meant for",
    "is not appropriate for",
    "is not about",
    "is not a",
    "is not an",
];
/// Phrases that say so on their own, wherever they stand.
const NOT_COVERED_PHRASES: &[&str] = &[
    "it does not cover",
    "it does not address",
    "it doesn't cover",
    "it doesn't address",
    "it will not cover",
    "it will not address",
    "not covered in this",
    "not addressed in this",
    "outside the scope of this",
    "beyond the scope of this",
    "este taller no aborda",
    "este taller no cubre",
    "este curso no aborda",
    "este curso no cubre",
    "este taller no está dirigido",
    "este curso no está dirigido",
];

/// The phrase lists searched for anywhere in a sentence, in the order of [`PHRASE_LISTS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    PresenterOpening,
    Bio,
    BioContinuation,
    AudienceOpening,
    Teaching,
    Logistics,
    CourseNote,
    /// The training saying what it does not cover.
    NotCovered,
    /// A verb of a sentence saying what the training counts for.
    CreditClaim,
    /// A sentence saying what the training does not count for.
    NegatedClaim,
    /// What a training counts for.
    CreditKind,
    /// The kind of hours a credit line claims.
    ClaimedContent,
    /// Words introducing other trainings.
    OtherTraining,
    /// A label and its colon ("Presenter:"): only tells that a description needs a closer look.
    Label,
}

const PHRASE_LISTS: [(List, &[&str]); 12] = [
    (List::PresenterOpening, PRESENTER_OPENINGS),
    (List::Bio, BIO_PHRASES),
    (List::BioContinuation, BIO_CONTINUATIONS),
    (List::AudienceOpening, AUDIENCE_OPENINGS),
    (List::Teaching, TEACHING_WORDS),
    (List::Logistics, LOGISTICS_PHRASES),
    (List::CourseNote, COURSE_NOTES),
    (List::CreditClaim, CREDIT_CLAIMS),
    (List::NegatedClaim, NEGATED_CLAIMS),
    (List::CreditKind, CREDIT_KINDS),
    (List::ClaimedContent, CLAIMED_CONTENT),
    (List::OtherTraining, OTHER_TRAININGS),
];

/// Every phrase, and every label with its colon ("Presenter:"), with its list.
fn phrases() -> Vec<(String, List)> {
    let mut out: Vec<(String, List)> = Vec::new();
    for (list, phrases) in PHRASE_LISTS {
        out.extend(phrases.iter().map(|p| (p.to_string(), list)));
    }
    let labels = PRESENTER_LABELS
        .iter()
        .chain(AUDIENCE_LABELS)
        .chain(LOGISTICS_LABELS)
        .chain(COURSE_NOTES);
    for label in labels {
        for colon in [":", " :"] {
            out.push((format!("{}{colon}", label.trim_end()), List::Label));
        }
    }
    for name in SELF_NAMES {
        for verb in NOT_COVERED_VERBS {
            out.push((format!("{name} {verb}"), List::NotCovered));
        }
    }
    out.extend(
        NOT_COVERED_PHRASES
            .iter()
            .map(|p| (p.to_string(), List::NotCovered)),
    );
    out
}

/// One automaton over every phrase (ASCII case ignored), with the list of each pattern, for
/// the closer look at each sentence.
static PHRASES: LazyLock<(AhoCorasick, Vec<List>)> = LazyLock::new(|| {
    let (words, lists): (Vec<String>, Vec<List>) = phrases().into_iter().unzip();
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(words)
        .unwrap_or_else(|e| panic!("boilerplate phrases: {e}"));
    (automaton, lists)
});

/// Every phrase that can set a sentence aside, for the first look at a whole description.
static TRIGGERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let words = phrases()
        .into_iter()
        .filter(|(_, list)| {
            !matches!(
                list,
                List::Teaching | List::BioContinuation | List::CreditClaim | List::ClaimedContent
            )
        })
        .map(|(word, _)| word);
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(words)
        .unwrap_or_else(|e| panic!("boilerplate triggers: {e}"))
});

/// True when a description holds a phrase that can set a sentence aside (perhaps inside a
/// longer word: the closer look decides), or a credential after a comma. Teaching words,
/// pronouns and the verbs of a credit line alone never do.
fn needs_a_look(description: &str) -> bool {
    TRIGGERS.is_match(description) || has_credential(description) || mentions_series(description)
}

/// True when the text holds "series" in any case.
fn mentions_series(text: &str) -> bool {
    text.as_bytes()
        .windows(6)
        .any(|w| w.eq_ignore_ascii_case(b"series"))
}

/// Which phrase lists a sentence holds, at its start or anywhere.
#[derive(Default)]
struct Found {
    at_start: u16,
    anywhere: u16,
    /// Where the first catalog note begins.
    first_note: Option<usize>,
}

impl Found {
    fn of(sentence: &str) -> Self {
        let (automaton, lists) = &*PHRASES;
        let mut found = Found::default();
        let bytes = sentence.as_bytes();
        let word_byte = |i: usize| {
            bytes
                .get(i)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
        };
        for m in automaton.find_overlapping_iter(sentence) {
            let list = lists[m.pattern().as_usize()];
            // Whole words only ("ce hours" is not inside "practice hours"); teaching words
            // may go on ("learning").
            let starts_word = m.start() == 0 || !word_byte(m.start() - 1);
            let ends_word =
                list == List::Teaching || bytes[m.end() - 1] == b' ' || !word_byte(m.end());
            if !starts_word || !ends_word {
                continue;
            }
            let bit = 1u16 << list as u16;
            found.anywhere |= bit;
            if m.start() == 0 {
                found.at_start |= bit;
            }
            if list == List::CourseNote {
                found.first_note = Some(found.first_note.map_or(m.start(), |s| s.min(m.start())));
            }
        }
        found
    }

    fn starts(&self, list: List) -> bool {
        self.at_start & (1 << list as u16) != 0
    }

    fn has(&self, list: List) -> bool {
        self.anywhere & (1 << list as u16) != 0
    }
}

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "vs", "e.g", "i.e", "ph.d", "m.a", "m.s",
    "m.ed", "ed.d", "psy.d", "m.d", "no", "approx", "dept", "a.m", "p.m",
];

/// The description with its set-aside sentences removed, and those sentences. Text with no
/// trigger word at all comes back borrowed.
pub fn split(description: &str) -> (Cow<'_, str>, Vec<SetAside>) {
    if !needs_a_look(description) {
        return (Cow::Borrowed(description), Vec::new());
    }
    let mut kept = String::with_capacity(description.len());
    let mut set_aside = Vec::new();
    // True after a line that ends by introducing a list of other trainings ("Related
    // trainings:"): the titles on the lines below belong to it.
    let mut listing_others = false;
    for line in description.lines() {
        if listing_others && is_listed_title(line) {
            set_aside.push(SetAside {
                kind: Aside::OtherTrainings,
                text: line.trim().to_string(),
            });
            continue;
        }
        listing_others = false;
        let mut in_bio = false;
        for sentence in sentences(line) {
            // A list item is judged without its mark, and kept with it (a phrase does not run
            // from one item into the next).
            let whole = sentence.trim();
            let trimmed = whole.trim_start_matches(is_item_mark).trim_start();
            if trimmed.is_empty() {
                continue;
            }
            let found = Found::of(trimmed);
            let kind = classify(trimmed, &found, in_bio);
            in_bio = kind == Some(Aside::Presenter);
            listing_others = kind == Some(Aside::OtherTrainings) && trimmed.ends_with(':');
            match kind {
                Some(Aside::CourseNotes) => {
                    // A note may follow content in the same sentence: keep what comes before.
                    let mark = whole.len() - trimmed.len();
                    let (before, note) = whole.split_at(mark + found.first_note.unwrap_or(0));
                    push_kept(&mut kept, before);
                    set_aside.push(SetAside {
                        kind: Aside::CourseNotes,
                        text: note.trim().to_string(),
                    });
                }
                Some(kind) => set_aside.push(SetAside {
                    kind,
                    text: trimmed.to_string(),
                }),
                None => push_kept(&mut kept, whole),
            }
        }
        kept.push('\n');
    }
    if set_aside.is_empty() {
        return (Cow::Borrowed(description), set_aside);
    }
    (Cow::Owned(kept), set_aside)
}

fn push_kept(kept: &mut String, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if !kept.is_empty() && !kept.ends_with('\n') {
        kept.push(' ');
    }
    kept.push_str(text);
}

/// What a sentence is, if it is not content. `after_bio` is true when the sentence before it
/// on the same line was about the presenter.
fn classify(sentence: &str, found: &Found, after_bio: bool) -> Option<Aside> {
    let label = label_of(sentence);
    let labelled =
        |list: &[&str]| label.is_some_and(|l| list.iter().any(|w| l.eq_ignore_ascii_case(w)));
    if labelled(PRESENTER_LABELS) || found.starts(List::PresenterOpening) {
        return Some(Aside::Presenter);
    }
    if found.starts(List::OtherTraining) || is_series_note(sentence) {
        return Some(Aside::OtherTrainings);
    }
    if label.is_some() && found.starts(List::CourseNote) {
        return Some(Aside::CourseNotes);
    }
    if found.has(List::NotCovered) {
        return Some(Aside::NotCovered);
    }
    if labelled(LOGISTICS_LABELS) {
        return Some(Aside::Logistics);
    }
    if labelled(AUDIENCE_LABELS) && !found.has(List::Teaching) {
        return Some(Aside::Audience);
    }
    if found.has(List::Bio) || has_credential(sentence) {
        return Some(Aside::Presenter);
    }
    if after_bio && found.starts(List::BioContinuation) {
        return Some(Aside::Presenter);
    }
    if found.has(List::Logistics) {
        return Some(Aside::Logistics);
    }
    if found.has(List::NegatedClaim) && (found.has(List::CreditKind) || speaks_of_hours(sentence)) {
        return Some(Aside::Logistics);
    }
    if found.has(List::CreditClaim)
        && found.has(List::CreditKind)
        && !found.has(List::Teaching)
        && !found.has(List::ClaimedContent)
    {
        return Some(Aside::Logistics);
    }
    if found.starts(List::AudienceOpening) && !found.has(List::Teaching) {
        return Some(Aside::Audience);
    }
    if found.has(List::CourseNote) {
        return Some(Aside::CourseNotes);
    }
    None
}

/// True when a sentence speaks of hours or credit ("... toward reflective supervision hours").
fn speaks_of_hours(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    ["hour", "credit", "horas", "crédito", "credito"]
        .iter()
        .any(|w| lower.contains(w))
}

/// A line under "Related trainings:" that is one of them: a list item, or a short line that
/// is not a sentence.
fn is_listed_title(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty()
        && (line.starts_with(is_item_mark)
            || line.starts_with(['-', '*'])
            || (line.split_whitespace().count() <= 12 && !line.ends_with('.')))
}

/// "Part of the Infant Mental Health Leadership Series": about the series, not this training.
fn is_series_note(sentence: &str) -> bool {
    sentence
        .get(..8)
        .is_some_and(|start| start.eq_ignore_ascii_case("part of "))
        && mentions_series(sentence)
}

/// The words before a colon near the start of a sentence ("Presenter: ..."), if any.
fn label_of(sentence: &str) -> Option<&str> {
    let colon = sentence.find(':')?;
    let label = sentence[..colon].trim();
    let words = label.split_whitespace().count();
    (words > 0 && words <= 4).then_some(label)
}

/// True when a credential follows a comma (", LCSW"), as after a presenter's name.
fn has_credential(text: &str) -> bool {
    text.match_indices(", ").any(|(i, _)| {
        let rest = &text[i + 2..];
        let word_end = rest
            .find(|c: char| c == ',' || c == ';' || c == ')' || c.is_whitespace())
            .unwrap_or(rest.len());
        let word = rest[..word_end].trim_end_matches('.');
        CREDENTIALS.iter().any(|c| c.trim_end_matches('.') == word)
    })
}

/// Sentences of one line: split after `.`, `?` or `!` followed by a space, except after an
/// abbreviation or an initial, and before a list mark that follows a space ("• Topic • Topic").
fn sentences(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let bytes = rest.as_bytes();
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            if is_item_mark(c) && i > 0 && bytes[i - 1].is_ascii_whitespace() {
                if !rest[..i].trim().is_empty() {
                    end = i;
                    break;
                }
                continue;
            }
            if !matches!(c, '.' | '?' | '!') {
                continue;
            }
            let next_is_space = bytes.get(i + 1).is_none_or(|c| c.is_ascii_whitespace());
            if !next_is_space {
                continue;
            }
            if c == '.' && ends_with_abbreviation(&rest[..i]) {
                continue;
            }
            end = i + 1;
            break;
        }
        let (sentence, tail) = rest.split_at(end);
        rest = tail;
        Some(sentence)
    })
}

fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let lower = word.to_ascii_lowercase();
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_initial || ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Aside> {
        split(text).1.into_iter().map(|s| s.kind).collect()
    }

    #[test]
    fn plain_content_is_borrowed() {
        let (kept, aside) = split("Attachment in the first year. How babies signal distress.");
        assert!(matches!(kept, Cow::Borrowed(_)));
        assert!(aside.is_empty());
    }

    #[test]
    fn presenter_audience_and_logistics_are_set_aside() {
        for pointer in [
            "Email training@example.org or call the Infant Mental Health Training Line.",
            "Description coming soon.",
            "See the Infant Mental Health training calendar for details.",
            "N/A (see flyer from the Infant Mental Health Institute)",
        ] {
            assert_eq!(kinds(pointer), [Aside::Logistics], "{pointer}");
        }
        let text = "Toddlers and big feelings.\nPresenter: Ana Ruiz, LMSW, IMH-E, has provided \
                    reflective supervision for years. She teaches CPP.\nAudience: infant mental \
                    health specialists.\nRegistration: $45. Lunch provided.";
        let (kept, aside) = split(text);
        assert_eq!(kept.trim(), "Toddlers and big feelings.");
        let kinds: Vec<Aside> = aside.iter().map(|a| a.kind).collect();
        assert_eq!(
            kinds,
            [
                Aside::Presenter,
                Aside::Presenter,
                Aside::Audience,
                Aside::Logistics,
                Aside::Logistics
            ]
        );
    }

    #[test]
    fn sponsor_lines_are_set_aside() {
        let text = "Budgets for managers. Offered in partnership with the Infant Mental Health \
                    Association. A training of the Alliance for Infant Mental Health.";
        let (kept, aside) = split(text);
        assert_eq!(kept.trim(), "Budgets for managers.");
        assert!(
            aside.iter().all(|a| a.kind == Aside::Presenter),
            "{aside:?}"
        );
        assert_eq!(aside.len(), 2);
    }

    #[test]
    fn items_of_a_one_line_list_are_judged_one_by_one() {
        let text = "• How a baby's brain grows • Serve and return ✔ Light breakfast provided \
                    ✔ Free parking";
        let (kept, aside) = split(text);
        assert_eq!(kept.trim(), "• How a baby's brain grows • Serve and return");
        let set: Vec<&str> = aside.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(set, ["Light breakfast provided", "Free parking"]);
        // Fields of a listing are judged one by one too.
        let (kept, aside) = split("Format: Self-paced online | Attachment in care");
        assert_eq!(kept.trim(), "| Attachment in care");
        assert_eq!(aside[0].text, "Format: Self-paced online");
    }

    #[test]
    fn what_a_participant_need_not_know_and_who_may_enrol_are_set_aside() {
        assert_eq!(
            kinds(
                "No prior experience with reflective supervision is required. Limited to \
                 staff of infant mental health programs. Questions? Contact the Infant Mental \
                 Health Training Coordinator."
            ),
            [Aside::CourseNotes, Aside::Audience, Aside::Logistics]
        );
        // What comes before the note in its sentence stays.
        let (kept, aside) =
            split("Budgets for new managers; participants need not be endorsed in anything.");
        assert_eq!(aside.len(), 1, "{aside:?}");
        assert!(kept.contains("Budgets for new managers"), "{kept}");
        for kept in [
            "Babies with no consistent caregiver show it in their sleep.",
            "Parents learn how limits help toddlers feel safe.",
        ] {
            assert!(kinds(kept).is_empty(), "{kept}");
        }
    }

    #[test]
    fn other_trainings_named_for_reference_are_set_aside() {
        assert_eq!(
            kinds(
                "Budgets for managers. Related trainings: Reflective Supervision 101; Circle of \
                 Security Parenting. You may also like Infant Mental Health Foundations. Part of \
                 the Infant Mental Health Leadership Series."
            ),
            [
                Aside::OtherTrainings,
                Aside::OtherTrainings,
                Aside::OtherTrainings
            ]
        );
        // A list under its label, one title a line, ends at a blank line.
        let (kept, aside) = split(
            "Budgets for managers.\nAlso in this series:\n• Attachment Basics\nCircle of \
             Security Parenting\n\nAttachment in budgets.",
        );
        assert_eq!(aside.len(), 3, "{aside:?}");
        assert!(kept.contains("Attachment in budgets"), "{kept}");
        for kept in [
            "Part of the training covers attachment in infancy.",
            "Biting and tantrums are part of toddlerhood.",
            "The series of home visits begins in pregnancy.",
        ] {
            assert!(kinds(kept).is_empty(), "{kept}");
        }
    }

    #[test]
    fn credit_lines_are_set_aside_unless_they_teach_or_name_the_hours() {
        assert_eq!(
            kinds(
                "Approved for 3 hours toward IMH-E® endorsement renewal. Meets the ethics \
                 continuing education requirement for several licenses."
            ),
            [Aside::Logistics, Aside::Logistics]
        );
        // Saying what a training does not count for names no content, whatever hours it names.
        for denial in [
            "This training does not count toward reflective supervision hours.",
            "Not approved for infant mental health endorsement.",
        ] {
            assert_eq!(kinds(denial), [Aside::Logistics], "{denial}");
        }
        for kept in [
            "Participants learn how endorsement works and earn 2 contact hours.",
            "Why a parent's feelings do not count less than the baby's.",
            "Counts toward reflective supervision/consultation training hours.",
            "Families learn which services they qualify for.",
            "Home visits aligned with family goals.",
        ] {
            assert!(kinds(kept).is_empty(), "{kept}");
        }
    }

    #[test]
    fn what_a_training_says_it_leaves_out_is_set_aside() {
        let text = "Brain development from twelve to twenty-four. This training does not \
                    address infants or young children. It does not cover pregnancy. Este \
                    taller no aborda la primera infancia. This course is not an infant mental \
                    health training.";
        let (kept, aside) = split(text);
        assert_eq!(kept.trim(), "Brain development from twelve to twenty-four.");
        let kinds: Vec<Aside> = aside.iter().map(|a| a.kind).collect();
        assert_eq!(kinds, [Aside::NotCovered; 4]);
        // Content that only says "not" stays.
        let content = "Parents learn why a baby does not settle. The course covers what \
                       insurance does not cover.";
        let (kept, aside) = split(content);
        assert_eq!(kept.trim(), content);
        assert!(aside.is_empty());
    }

    #[test]
    fn a_prerequisite_after_content_is_cut_from_there() {
        let (kept, aside) =
            split("Group work in social services (prerequisite: SW 6010 Reflective Supervision).");
        assert_eq!(kept.trim(), "Group work in social services (");
        assert_eq!(aside[0].kind, Aside::CourseNotes);
    }

    #[test]
    fn titles_with_doctor_stay_in_one_sentence() {
        assert_eq!(
            kinds("Dr. Kim is a licensed psychologist specializing in attachment."),
            [Aside::Presenter]
        );
    }

    #[test]
    fn audience_sentences_that_teach_are_kept() {
        assert!(
            kinds("This training is for home visitors who want to learn about attachment.")
                .is_empty()
        );
        assert!(kinds("Facilitators will practice leading parent groups.").is_empty());
    }

    #[test]
    fn a_vignette_pronoun_is_not_a_biography() {
        assert!(kinds("Maya is two. She has tantrums at bedtime.").is_empty());
    }

    #[test]
    fn content_that_shares_words_with_logistics_is_kept() {
        for text in [
            "Ethical theory and the NASW Code of Ethics.",
            "Supervised practice hours with infants and families.",
            "Daily emotional check-ins with toddlers.",
            "Cost allocation and monthly variance reports.",
        ] {
            assert!(kinds(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn sponsors_are_set_aside_and_audience_labels_that_teach_are_kept() {
        for sponsor in [
            "Sponsored by the Association for Infant Mental Health.",
            "Offered through the infant mental health training institute.",
            "Offered as part of the Infant Mental Health Certificate Program.",
        ] {
            assert_eq!(kinds(sponsor), [Aside::Presenter], "{sponsor}");
        }
        assert!(kinds("Participants: home visitors will learn to read infant cues.").is_empty());
    }
}
