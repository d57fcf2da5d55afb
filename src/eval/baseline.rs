//! The plain baseline: the title alone compared with knowledge-area names by Jaro-Winkler
//! similarity, as a spreadsheet formula or a quick script would do it.

use super::{NONE_BUCKET, Prediction};
use crate::framework::Framework;
use crate::text::fold;

/// Similarity from which a knowledge-area name counts as matched.
pub const MIN_SIMILARITY: f64 = 0.8;

/// The knowledge areas whose names are close to the title, closest first, and the bucket of
/// the closest one.
pub fn predict(fw: &Framework, title: &str) -> Prediction {
    let title = fold(title);
    let mut scored: Vec<(f64, usize)> = fw
        .knowledge_areas
        .iter()
        .enumerate()
        .map(|(i, ka)| (strsim::jaro_winkler(&title, &fold(&ka.name)), i))
        .filter(|(s, _)| *s >= MIN_SIMILARITY)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let knowledge_areas: Vec<usize> = scored.into_iter().map(|(_, i)| i).collect();
    let bucket = knowledge_areas
        .first()
        .and_then(|&best| {
            let id = &fw.knowledge_areas[best].id;
            fw.buckets
                .iter()
                .filter(|b| super::counts_toward_a_requirement(fw, &b.id))
                .find(|b| b.knowledge_areas.contains(id))
        })
        .map_or_else(|| NONE_BUCKET.to_string(), |b| b.id.clone());
    Prediction {
        knowledge_areas,
        bucket,
    }
}
