//! Matching details that the labeled set shows only in aggregate: acronyms that spell stop
//! words, and terms inside longer bucket cues.

use crosswalk::framework::{self, Framework};
use crosswalk::matcher::{CourseMatch, Matcher};

fn default_framework() -> Framework {
    framework::load("imhm-c-2025").expect("bundled framework")
}

fn selected_names(fw: &Framework, m: &CourseMatch) -> Vec<String> {
    m.selected()
        .map(|s| fw.knowledge_areas[s.ka].name.clone())
        .collect()
}

#[test]
fn an_acronym_that_spells_a_stop_word_is_kept() {
    // "SE" is a Spanish stop word; in "ASQ:SE" it is part of the tool's name, so a plain
    // ASQ-3 training is not read as the social-emotional screener.
    let fw = default_framework();
    let matcher = Matcher::new(&fw);
    let general = matcher.match_course("ASQ-3 Training", "");
    assert_ne!(general.bucket.bucket, "social-emotional", "{general:?}");
    let social = matcher.match_course("ASQ:SE Training", "");
    assert_eq!(social.bucket.bucket, "social-emotional", "{social:?}");
}

#[test]
fn a_term_inside_a_longer_bucket_cue_still_counts() {
    // "ASQ:SE-2" is only a bucket cue; the term "ASQ:SE" inside it belongs to Screening and
    // Assessment and must not be swallowed by it.
    let fw = default_framework();
    let matcher = Matcher::new(&fw);
    let m = matcher.match_course("Using the ASQ:SE-2 with families", "");
    assert!(
        selected_names(&fw, &m)
            .iter()
            .any(|n| n == "Screening and Assessment"),
        "{m:?}"
    );
}

#[test]
fn a_longer_knowledge_area_entry_takes_its_inner_words() {
    // "motivational" inside "motivational interviewing" says nothing of its own: the longer
    // entry is the evidence.
    let fw = default_framework();
    let matcher = Matcher::new(&fw);
    let m = matcher.match_course(
        "Motivational Interviewing",
        "Core skills of motivational interviewing with parents.",
    );
    let evidence: Vec<&String> = m.selected().flat_map(|s| &s.evidence).collect();
    assert!(
        evidence
            .iter()
            .any(|e| e.as_str() == "motivational interviewing"),
        "{evidence:?}"
    );
    assert!(
        !evidence.iter().any(|e| e.as_str() == "motivational"),
        "{evidence:?}"
    );
}

#[test]
fn context_words_count_only_beside_other_evidence() {
    // Age words are context for Infant/Young Child Development & Behavior: alone they show
    // nothing; beside a development word they add to its score and its evidence.
    let fw = default_framework();
    let matcher = Matcher::new(&fw);
    let dev = fw
        .knowledge_areas
        .iter()
        .position(|k| k.name == "Infant/Young Child Development & Behavior")
        .expect("bundled framework");
    let score = |m: &CourseMatch| {
        m.candidates
            .iter()
            .find(|c| c.ka == dev)
            .map_or(0.0, |c| c.score)
    };
    let alone = matcher.match_course(
        "Budget planning for programs serving infants and toddlers",
        "Annual budgets for infant and toddler programs: staffing, space and supplies.",
    );
    assert_eq!(score(&alone), 0.0, "{alone:?}");

    let plain = matcher.match_course(
        "Temperament",
        "How temperament differs from child to child.",
    );
    let with_age = matcher.match_course(
        "Temperament",
        "How temperament differs from infant to infant and among toddlers.",
    );
    assert!(score(&with_age) > score(&plain), "{plain:?} {with_age:?}");
    let evidence = &with_age
        .candidates
        .iter()
        .find(|c| c.ka == dev)
        .expect("development matched")
        .evidence;
    assert!(
        evidence.iter().any(|e| e == "infant" || e == "toddlers"),
        "{evidence:?}"
    );
}

#[test]
fn a_course_spanning_the_lifespan_is_not_social_emotional_by_its_knowledge_areas_alone() {
    let fw = default_framework();
    let matcher = Matcher::new(&fw);
    let description = "Separation, trauma and loss from infancy through adolescence, \
        and how grief shows in behavior.";
    let wide = matcher.match_course("Trauma and Loss in Children", description);
    assert_eq!(wide.bucket.bucket, "none", "{wide:?}");
    assert!(
        wide.bucket.reason.contains("through adolescence"),
        "{wide:?}"
    );
    let early = matcher.match_course(
        "Trauma and Loss in Children",
        "Separation, trauma and loss in infancy and toddlerhood, and how grief shows in behavior.",
    );
    assert_eq!(early.bucket.bucket, "social-emotional", "{early:?}");
}

#[test]
fn a_knowledge_area_of_one_age_group_is_not_matched_from_text_about_another() {
    // "depression" shows Mental & Behavioral Disorders in Adults; about teens it does not,
    // unless the text also speaks of adults (a parent's depression beside the teen's).
    let fw = default_framework();
    let matcher = Matcher::new(&fw);
    let adults = "Mental & Behavioral Disorders in Adults";
    let teens = matcher.match_course(
        "Depression in Teens",
        "Recognizing and treating depression and anxiety disorders in adolescents.",
    );
    assert!(
        !selected_names(&fw, &teens).iter().any(|n| n == adults),
        "{teens:?}"
    );
    let gated = teens
        .candidates
        .iter()
        .find(|c| fw.knowledge_areas[c.ka].name == adults)
        .expect("still scored, for the explanation");
    assert_eq!(gated.excluded_by.as_deref(), Some("teen"));

    let mothers = matcher.match_course(
        "Depression in Teen Mothers",
        "Recognizing and treating depression and anxiety disorders in adolescent mothers.",
    );
    assert!(
        selected_names(&fw, &mothers).iter().any(|n| n == adults),
        "{mothers:?}"
    );

    // Infant development from "brain development" only when infants are in view.
    let development = "Infant/Young Child Development & Behavior";
    let teen_brain = matcher.match_course(
        "The Adolescent Brain",
        "How brain development in adolescence shapes risk taking and emotions.",
    );
    assert!(
        !selected_names(&fw, &teen_brain)
            .iter()
            .any(|n| n == development)
    );
    let baby_brain = matcher.match_course(
        "The Developing Brain",
        "How brain development in infancy shapes emotions and self-regulation.",
    );
    assert!(
        selected_names(&fw, &baby_brain)
            .iter()
            .any(|n| n == development)
    );
}

#[test]
fn a_short_misspelled_word_is_read_only_where_it_completes_a_phrase() {
    let fw = default_framework();
    let matcher = Matcher::new(&fw);
    let m = matcher.match_course("Erly Childhood Mental Helth Consultation", "");
    let read: Vec<(&str, &str)> = m
        .corrections
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert!(read.contains(&("erly", "early")), "{read:?}");
    assert!(read.contains(&("helth", "health")), "{read:?}");
    assert_eq!(m.bucket.bucket, "social-emotional", "{m:?}");
    // Alone, a short word has too many neighbours to guess from.
    let alone = matcher.match_course("Helth Fair", "");
    assert!(alone.corrections.is_empty(), "{:?}", alone.corrections);
}
