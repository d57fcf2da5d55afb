//! How far each vocabulary entry can be trusted for each knowledge area, learned from the
//! labeled examples.
//!
//! Every example is read the way a course is. Wherever an entry is found for a knowledge area,
//! the example either is labeled with that area or not; an entry that, in the examples, mostly
//! came with the area ("Circle of Security" for relationship-based therapies) counts for more
//! than the vocabulary weight alone says, one that mostly did not ("budget" for agency policy)
//! for less. The share is smoothed toward the share over all entries, so an entry seen in a
//! few examples keeps about its vocabulary weight, and the factor stays within bounds. An
//! example never vouches for the words of the course it is a copy of.

use rustc_hash::FxHashMap;

/// How many examples' worth of the overall share an entry's own share is smoothed with.
const SMOOTHING: f32 = 6.0;
/// The least an entry's weight is multiplied by.
const MIN_FACTOR: f32 = 1.0 / 3.0;
/// The most an entry's weight is multiplied by.
const MAX_FACTOR: f32 = 3.0;

/// One vocabulary entry found for one knowledge area in one example, and whether the example
/// is labeled with that area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Finding {
    /// The vocabulary pattern.
    pub pattern: u32,
    /// The knowledge area it speaks for.
    pub ka: u16,
    /// True when the example is labeled with the knowledge area.
    pub labeled: bool,
}

/// Per entry and knowledge area, how often the examples bore it out.
pub(crate) struct Reliability {
    /// (pattern, knowledge area) -> (examples it was found in, of which labeled with the area).
    counts: FxHashMap<(u32, u16), (u32, u32)>,
    /// What each example found, to leave an example's own findings out.
    findings: Vec<Vec<Finding>>,
    /// The share of all findings that were labeled.
    overall: f32,
}

impl Reliability {
    /// Gathers the findings of every example (in example order).
    pub(crate) fn build(findings: Vec<Vec<Finding>>) -> Self {
        let mut counts: FxHashMap<(u32, u16), (u32, u32)> = FxHashMap::default();
        let (mut found, mut labeled) = (0u32, 0u32);
        for f in findings.iter().flatten() {
            let entry = counts.entry((f.pattern, f.ka)).or_default();
            entry.0 += 1;
            entry.1 += u32::from(f.labeled);
            found += 1;
            labeled += u32::from(f.labeled);
        }
        let overall = if found == 0 {
            1.0
        } else {
            labeled as f32 / found as f32
        };
        Self {
            counts,
            findings,
            overall,
        }
    }

    /// The factor an entry's weight for a knowledge area is multiplied by, with the findings
    /// of the `held_out` examples (the course itself, its copies) left out: 1 for an entry
    /// no other example holds.
    pub(crate) fn factor(&self, pattern: u32, ka: u16, held_out: &[u32]) -> f32 {
        let Some(&(mut found, mut labeled)) = self.counts.get(&(pattern, ka)) else {
            return 1.0;
        };
        for &e in held_out {
            for f in &self.findings[e as usize] {
                if f.pattern == pattern && f.ka == ka {
                    found -= 1;
                    labeled -= u32::from(f.labeled);
                }
            }
        }
        if found == 0 {
            return 1.0;
        }
        let share = (labeled as f32 + SMOOTHING * self.overall) / (found as f32 + SMOOTHING);
        (share / self.overall).clamp(MIN_FACTOR, MAX_FACTOR)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(pattern: u32, ka: u16, labeled: bool) -> Finding {
        Finding {
            pattern,
            ka,
            labeled,
        }
    }

    /// Pattern 0 always came with area 0; pattern 1 never with area 1; half of all findings
    /// were labeled.
    fn reliability() -> Reliability {
        let mut findings = Vec::new();
        for _ in 0..6 {
            findings.push(vec![finding(0, 0, true), finding(1, 1, false)]);
        }
        Reliability::build(findings)
    }

    #[test]
    fn entries_the_examples_bore_out_count_more_and_others_less() {
        let r = reliability();
        assert!((r.overall - 0.5).abs() < 1e-6);
        let trusted = r.factor(0, 0, &[]);
        let doubted = r.factor(1, 1, &[]);
        assert!(trusted > 1.2 && trusted <= MAX_FACTOR, "{trusted}");
        assert!((MIN_FACTOR..0.8).contains(&doubted), "{doubted}");
        assert_eq!(r.factor(7, 0, &[]), 1.0, "an entry no example holds");
        assert_eq!(r.factor(0, 1, &[]), 1.0, "found, but never for this area");
    }

    #[test]
    fn a_held_out_example_does_not_vouch_for_itself() {
        let r = Reliability::build(vec![
            vec![finding(0, 0, true)],
            vec![finding(0, 0, true)],
            vec![finding(1, 1, false)],
            vec![finding(1, 1, false)],
        ]);
        let both = r.factor(0, 0, &[]);
        let one = r.factor(0, 0, &[1]);
        assert!(one < both, "{one} {both}");
        assert_eq!(r.factor(0, 0, &[0, 1]), 1.0, "no other example holds it");
    }
}
