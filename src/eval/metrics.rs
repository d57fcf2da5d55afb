//! Counting: precision, recall and F1 over knowledge areas, top-1 and bucket accuracy.

use super::{LabeledCourse, Prediction};
use crate::framework::Framework;
use serde::Serialize;

/// True/false positive and false negative counts with the rates they give.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Precision: tp / (tp + fp); 0 when nothing was predicted.
    pub precision: f64,
    /// Recall: tp / (tp + fn); 0 when nothing was labeled.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Labeled and predicted.
    pub tp: usize,
    /// Predicted, not labeled.
    pub fp: usize,
    /// Labeled, not predicted.
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Prf {
    /// Rates from counts.
    pub fn from_counts(tp: usize, fp: usize, fn_: usize) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        Self {
            precision,
            recall,
            f1: harmonic(precision, recall),
            tp,
            fp,
            fn_,
        }
    }
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// A share of cases right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Accuracy {
    /// Cases right.
    pub correct: usize,
    /// Cases counted.
    pub total: usize,
    /// correct / total; 0 when nothing was counted.
    pub accuracy: f64,
}

impl Accuracy {
    fn new(correct: usize, total: usize) -> Self {
        Self {
            correct,
            total,
            accuracy: if total == 0 {
                0.0
            } else {
                correct as f64 / total as f64
            },
        }
    }
}

/// Labeled buckets (rows) against predicted buckets (columns).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Confusion {
    /// Bucket ids, in row and column order.
    pub labels: Vec<String>,
    /// `counts[labeled][predicted]`.
    pub counts: Vec<Vec<usize>>,
}

/// One system's figures on a labeled set.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Pooled over every (course, knowledge area) decision.
    pub micro: Prf,
    /// Mean over knowledge areas that have at least one label of their precision, recall and
    /// F1 (counts are the pooled ones).
    #[serde(rename = "macro")]
    pub macro_: MacroPrf,
    /// Courses with primary areas whose best match is one of them.
    pub top1: Accuracy,
    /// Courses whose bucket is right.
    pub bucket: Accuracy,
    /// Where the buckets went.
    pub bucket_confusion: Confusion,
}

/// Macro-averaged rates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct MacroPrf {
    /// Mean precision.
    pub precision: f64,
    /// Mean recall.
    pub recall: f64,
    /// Mean F1.
    pub f1: f64,
    /// Knowledge areas averaged over.
    pub knowledge_areas: usize,
}

/// Per-knowledge-area counts, in framework order.
pub fn per_ka(fw: &Framework, labeled: &[LabeledCourse], predicted: &[Prediction]) -> Vec<Prf> {
    let n = fw.knowledge_areas.len();
    let (mut tp, mut fp, mut fn_) = (vec![0; n], vec![0; n], vec![0; n]);
    for (gold, pred) in labeled.iter().zip(predicted) {
        for &k in &pred.knowledge_areas {
            if gold.knowledge_areas.contains(&k) {
                tp[k] += 1;
            } else {
                fp[k] += 1;
            }
        }
        for &k in &gold.knowledge_areas {
            if !pred.knowledge_areas.contains(&k) {
                fn_[k] += 1;
            }
        }
    }
    (0..n)
        .map(|k| Prf::from_counts(tp[k], fp[k], fn_[k]))
        .collect()
}

/// All figures for one system.
pub fn score(
    fw: &Framework,
    labeled: &[LabeledCourse],
    predicted: &[Prediction],
    buckets: &[String],
) -> Scores {
    let kas = per_ka(fw, labeled, predicted);
    let (tp, fp, fn_) = kas.iter().fold((0, 0, 0), |acc, k| {
        (acc.0 + k.tp, acc.1 + k.fp, acc.2 + k.fn_)
    });
    let supported: Vec<&Prf> = kas.iter().filter(|k| k.tp + k.fn_ > 0).collect();
    let mean = |f: fn(&Prf) -> f64| {
        if supported.is_empty() {
            0.0
        } else {
            supported.iter().map(|k| f(k)).sum::<f64>() / supported.len() as f64
        }
    };
    let macro_ = MacroPrf {
        precision: mean(|k| k.precision),
        recall: mean(|k| k.recall),
        f1: mean(|k| k.f1),
        knowledge_areas: supported.len(),
    };

    let with_primary: Vec<(&LabeledCourse, &Prediction)> = labeled
        .iter()
        .zip(predicted)
        .filter(|(g, _)| !g.primary.is_empty())
        .collect();
    let top1_right = with_primary
        .iter()
        .filter(|(g, p)| {
            p.knowledge_areas
                .first()
                .is_some_and(|k| g.primary.contains(k))
        })
        .count();

    // Buckets are scored on the courses whose bucket is labeled.
    let with_bucket: Vec<(&String, &Prediction)> = labeled
        .iter()
        .zip(predicted)
        .filter_map(|(g, p)| g.bucket.as_ref().map(|b| (b, p)))
        .collect();
    let mut labels = buckets.to_vec();
    for b in with_bucket.iter().flat_map(|(g, p)| [*g, &p.bucket]) {
        if !labels.contains(b) {
            labels.push(b.clone());
        }
    }
    let position = |b: &String| labels.iter().position(|l| l == b).unwrap_or_default();
    let mut counts = vec![vec![0; labels.len()]; labels.len()];
    let mut bucket_right = 0;
    for (g, p) in &with_bucket {
        counts[position(g)][position(&p.bucket)] += 1;
        bucket_right += usize::from(**g == p.bucket);
    }

    Scores {
        micro: Prf::from_counts(tp, fp, fn_),
        macro_,
        top1: Accuracy::new(top1_right, with_primary.len()),
        bucket: Accuracy::new(bucket_right, with_bucket.len()),
        bucket_confusion: Confusion { labels, counts },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_from_counts() {
        let p = Prf::from_counts(6, 2, 4);
        assert_eq!(p.precision, 0.75);
        assert_eq!(p.recall, 0.6);
        assert!((p.f1 - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-12);
        let none = Prf::from_counts(0, 0, 0);
        assert_eq!((none.precision, none.recall, none.f1), (0.0, 0.0, 0.0));
    }
}
