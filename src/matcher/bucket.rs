//! Decides which requirement bucket a course's hours qualify for (`social-emotional`, `rsc`,
//! or none), with the reason in words. The rules are the framework's data: each bucket's cues,
//! its knowledge areas, its exclusion and age cues.

use super::{CueHits, KaScore};
use crate::framework::Framework;
use serde::Serialize;

/// The bucket a course's hours go to, the other buckets they may also count toward, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BucketDecision {
    /// The main bucket id, or `none`.
    pub bucket: String,
    /// Every bucket the hours may count toward (main first); empty for `none`.
    pub eligible: Vec<String>,
    /// Why, in words.
    pub reason: String,
}

/// The id used when a course qualifies for no bucket.
pub const NONE: &str = "none";

struct Strength<'a> {
    index: usize,
    value: f64,
    /// How many of the bucket's cues the course names: the tie-breaker.
    cues: u32,
    why: String,
    excluded_by: Option<Exclusion<'a>>,
}

/// Why a bucket whose content a course shows is ruled out.
#[derive(Clone, Copy)]
enum Exclusion<'a> {
    /// Another age group's words, and no infant or early-childhood word.
    OtherAge(&'a str),
    /// An age span far wider than the bucket's.
    WideSpan(&'a str),
    /// A title naming a subject the bucket is never about.
    TitleTopic(&'a str),
}

pub(crate) fn decide(
    fw: &Framework,
    candidates: &[KaScore],
    cues: &[CueHits],
    thin: bool,
    informative_words: usize,
) -> BucketDecision {
    if thin {
        return none(format!(
            "too little text to judge ({informative_words} informative word{}): add a description",
            if informative_words == 1 { "" } else { "s" }
        ));
    }
    let mut strengths: Vec<Strength> = Vec::new();
    for (b, bucket) in fw.buckets.iter().enumerate() {
        let hits = &cues[b];
        let cue_strength = if hits.title + hits.description == 0 {
            0.0
        } else {
            (0.45 + 0.2 * f64::from(hits.title.min(2)) + 0.1 * f64::from(hits.description.min(3)))
                .min(1.0)
        };
        // A knowledge area shows the bucket's content only when it is among what the course
        // is mostly about: near its best match.
        // Knowledge areas kept out by another age group's words show nothing.
        let open = || candidates.iter().filter(|c| c.excluded_by.is_none());
        let best_overall = open().next().map_or(0.0, |c| c.score);
        let best_ka = open()
            .filter(|c| c.score >= bucket.min_share_of_best * best_overall)
            .filter(|c| {
                let id = &fw.knowledge_areas[c.ka].id;
                bucket.knowledge_areas.contains(id)
                    || (hits.age > 0 && bucket.knowledge_areas_with_age_cue.contains(id))
            })
            .max_by(|a, b| a.score.total_cmp(&b.score));
        let cued = hits.title + hits.description > 0;
        let ka_counts = !(bucket.knowledge_areas_need_age_cue && hits.age == 0)
            && (cued || hits.off_topic.is_empty());
        let best_ka = best_ka.filter(|_| ka_counts);
        let ka_strength = best_ka.map_or(0.0, |c| c.score);
        let value = cue_strength.max(ka_strength);
        if value < bucket.min_score {
            continue;
        }
        let mut why = Vec::new();
        if !hits.examples.is_empty() {
            let shown: Vec<String> = hits
                .examples
                .iter()
                .take(3)
                .map(|e| format!("'{e}'"))
                .collect();
            let place = if hits.title > 0 {
                " (in the title)"
            } else {
                ""
            };
            why.push(format!("cues {}{place}", shown.join(", ")));
        }
        if let Some(c) = best_ka
            && c.score >= bucket.min_score
        {
            why.push(format!(
                "its words match {} ({:.2})",
                fw.knowledge_areas[c.ka].name, c.score
            ));
        }
        let excluded_by = hits
            .title_topic
            .first()
            .map(|s| Exclusion::TitleTopic(s))
            .or_else(|| hits.span.first().map(|s| Exclusion::WideSpan(s)))
            .or_else(|| {
                (hits.age == 0)
                    .then(|| hits.exclude.first().map(|s| Exclusion::OtherAge(s)))
                    .flatten()
            });
        strengths.push(Strength {
            index: b,
            value,
            cues: hits.title + hits.description,
            why: why.join("; "),
            excluded_by,
        });
    }

    let first_exclusion = strengths
        .iter()
        .find_map(|s| s.excluded_by.map(|why| (s.index, why)));
    strengths.retain(|s| s.excluded_by.is_none());
    // At equal strength, the bucket the course names more often; then framework order.
    strengths.sort_by(|a, b| {
        b.value
            .total_cmp(&a.value)
            .then(b.cues.cmp(&a.cues))
            .then(a.index.cmp(&b.index))
    });

    let Some(main) = strengths.first() else {
        if let Some((index, why)) = first_exclusion {
            let name = &fw.buckets[index].name;
            return none(match why {
                Exclusion::WideSpan(cue) => format!(
                    "{name} content, but across an age span far wider than the bucket's ('{cue}')"
                ),
                Exclusion::TitleTopic(cue) => {
                    format!("{name} content, but the title names another subject ('{cue}')")
                }
                Exclusion::OtherAge(cue) => format!(
                    "{name} content, but aimed at another age group ('{cue}') with no infant or early-childhood cue"
                ),
            });
        }
        let names: Vec<&str> = fw.buckets.iter().map(|b| b.name.as_str()).collect();
        let mut reason = format!("no {} content found", names.join(" or "));
        // Say when words of another field or a wide age span kept knowledge areas from counting.
        if let Some((b, hits)) = cues
            .iter()
            .enumerate()
            .find(|(_, h)| !h.off_topic.is_empty())
        {
            reason.push_str(&format!(
                "; knowledge areas alone do not count toward {} beside '{}'",
                fw.buckets[b].id, hits.off_topic[0]
            ));
        }
        return none(reason);
    };
    let main_bucket = &fw.buckets[main.index];
    let mut eligible = vec![main_bucket.id.clone()];
    let mut reason = format!("{}: {}", main_bucket.id, main.why);
    for other in &strengths[1..] {
        let other_bucket = &fw.buckets[other.index];
        let allowed = main_bucket.also_counts_as.contains(&other_bucket.id);
        if allowed && other.value >= fw.counting.mixed_course_ratio * main.value {
            eligible.push(other_bucket.id.clone());
            reason.push_str(&format!(
                ". Also {}: {}; its hours may count toward either",
                other_bucket.id, other.why
            ));
        }
    }
    BucketDecision {
        bucket: main_bucket.id.clone(),
        eligible,
        reason,
    }
}

fn none(reason: String) -> BucketDecision {
    BucketDecision {
        bucket: NONE.to_string(),
        eligible: Vec::new(),
        reason,
    }
}
