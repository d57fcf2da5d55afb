//! What to take next: the smallest set of catalog trainings (fewest hours, then fewest
//! trainings) that closes the training-hour shortfalls and covers the knowledge areas the
//! transcript leaves undocumented.
//!
//! The search is exact: a depth-first branch and bound over the useful catalog trainings,
//! cheapest first, where a set is feasible when the max-flow allocation of the transcript's
//! hours plus the set's meets every training rule and the set covers every coverable missing
//! knowledge area. A node budget keeps it bounded; when the budget runs out the best set found
//! is returned and said not to be proven smallest.

use crate::allocate::{Offer, allocate_requirements};
use crate::framework::Requirement;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// Nodes the search may visit before it settles for the best set found.
pub const NODE_BUDGET: u64 = 500_000;

/// A catalog training the search may choose.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Index in the catalog.
    pub index: usize,
    /// Clock hours.
    pub hours: f64,
    /// Buckets its hours may count toward.
    pub eligible: Vec<String>,
    /// Knowledge areas it covers (framework indices).
    pub knowledge_areas: Vec<usize>,
}

/// The recommendation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Recommendation {
    /// Catalog indices of the trainings to take, cheapest first.
    pub trainings: Vec<usize>,
    /// Their hours in all.
    pub total_hours: f64,
    /// True when the search finished: no smaller set exists.
    pub proven_smallest: bool,
    /// Rule ids the whole catalog cannot close, even taken in full.
    pub rules_out_of_reach: Vec<String>,
    /// Knowledge areas (framework indices) no catalog training covers.
    pub knowledge_areas_out_of_reach: Vec<usize>,
}

fn minutes(hours: f64) -> u64 {
    (hours.max(0.0) * 60.0).round() as u64
}

struct Search<'a> {
    requirements: &'a [Requirement],
    have: &'a [Offer],
    /// Useful candidates, by hours, then class, then catalog order.
    candidates: Vec<&'a Candidate>,
    /// Per candidate: trainings with the same minutes, buckets and knowledge areas share a
    /// class, and a search never tries one copy of a class in place of another.
    class: Vec<usize>,
    targets: Vec<usize>,
    /// Per knowledge area: the candidates covering it, in candidate order.
    covers: Vec<Vec<usize>>,
    /// Per knowledge area: the fewest minutes of a candidate covering it.
    cheapest: Vec<u64>,
    /// Per knowledge area: how many chosen candidates cover it.
    covered: Vec<u32>,
    best: Option<(u64, usize, Vec<usize>)>,
    nodes: u64,
}

impl<'a> Search<'a> {
    fn new(
        requirements: &'a [Requirement],
        have: &'a [Offer],
        useful: Vec<&'a Candidate>,
        targets: BTreeSet<usize>,
    ) -> Self {
        // Classes of interchangeable trainings, numbered in order of first appearance.
        let mut classes: HashMap<(u64, &[String], Vec<usize>), usize> = HashMap::new();
        let mut keyed: Vec<(usize, &Candidate)> = useful
            .iter()
            .map(|c| {
                let mut kas = c.knowledge_areas.clone();
                kas.sort_unstable();
                kas.dedup();
                let next = classes.len();
                let class = *classes
                    .entry((minutes(c.hours), c.eligible.as_slice(), kas))
                    .or_insert(next);
                (class, *c)
            })
            .collect();
        keyed.sort_by(|(ca, a), (cb, b)| {
            a.hours
                .total_cmp(&b.hours)
                .then(ca.cmp(cb))
                .then(a.index.cmp(&b.index))
        });
        let class: Vec<usize> = keyed.iter().map(|(k, _)| *k).collect();
        let candidates: Vec<&Candidate> = keyed.into_iter().map(|(_, c)| c).collect();
        let areas = candidates
            .iter()
            .flat_map(|c| c.knowledge_areas.iter().copied())
            .chain(targets.iter().copied())
            .max()
            .map_or(0, |k| k + 1);
        let mut covers = vec![Vec::new(); areas];
        let mut cheapest = vec![0; areas];
        for (i, c) in candidates.iter().enumerate() {
            for &k in &c.knowledge_areas {
                if covers[k].last() != Some(&i) {
                    if covers[k].is_empty() || minutes(c.hours) < cheapest[k] {
                        cheapest[k] = minutes(c.hours);
                    }
                    covers[k].push(i);
                }
            }
        }
        Self {
            requirements,
            have,
            candidates,
            class,
            targets: targets.into_iter().collect(),
            covers,
            cheapest,
            covered: vec![0; areas],
            best: None,
            nodes: 0,
        }
    }

    fn meets_rules(&self, chosen: &[usize]) -> bool {
        let mut offers = self.have.to_vec();
        offers.extend(chosen.iter().map(|&c| Offer {
            hours: self.candidates[c].hours,
            eligible: self.candidates[c].eligible.clone(),
        }));
        allocate_requirements(self.requirements, true, &offers)
            .requirements
            .iter()
            .all(|r| r.met)
    }

    /// Whether (minutes, count) would beat the best set so far.
    fn better(&self, minutes: u64, count: usize) -> bool {
        self.best
            .as_ref()
            .is_none_or(|(m, n, _)| (minutes, count) < (*m, *n))
    }

    fn choose(&mut self, chosen: &mut Vec<usize>, c: usize) {
        chosen.push(c);
        for &k in &self.candidates[c].knowledge_areas {
            self.covered[k] += 1;
        }
    }

    fn unchoose(&mut self, chosen: &mut Vec<usize>) {
        if let Some(c) = chosen.pop() {
            for &k in &self.candidates[c].knowledge_areas {
                self.covered[k] -= 1;
            }
        }
    }

    /// Branches first on covering the knowledge areas (each time on the uncovered one with the
    /// fewest trainings that cover it), then on trainings that add hours to a rule.
    fn visit(&mut self, chosen: &mut Vec<usize>, spent: u64, rule_from: usize) {
        self.nodes += 1;
        if self.nodes > NODE_BUDGET || !self.better(spent, chosen.len()) {
            return;
        }
        // The uncovered area with the fewest trainings, and a lower bound: every uncovered
        // area needs a training at least as long as the shortest that covers it.
        let mut hardest: Option<(usize, usize)> = None;
        let mut bound = 0;
        for &k in &self.targets {
            if self.covered[k] > 0 {
                continue;
            }
            let options = self.covers[k].len();
            if hardest.is_none_or(|(_, fewest)| options < fewest) {
                hardest = Some((k, options));
            }
            bound = bound.max(self.cheapest[k]);
        }
        if let Some((hardest, _)) = hardest {
            if !self.better(spent + bound, chosen.len() + 1) {
                return;
            }
            let mut options: Vec<usize> = Vec::new();
            for &c in &self.covers[hardest] {
                if chosen.contains(&c) {
                    continue;
                }
                if options
                    .last()
                    .is_some_and(|&o| self.class[o] == self.class[c])
                {
                    continue;
                }
                options.push(c);
            }
            for c in options {
                self.choose(chosen, c);
                self.visit(chosen, spent + minutes(self.candidates[c].hours), rule_from);
                self.unchoose(chosen);
            }
            return;
        }
        if self.meets_rules(chosen) {
            self.best = Some((spent, chosen.len(), chosen.clone()));
            return;
        }
        // Candidates are sorted by hours; adding them in index order avoids repeating sets,
        // and a copy of a class is only taken after the copy before it.
        for c in rule_from..self.candidates.len() {
            if chosen.contains(&c) || self.candidates[c].eligible.is_empty() {
                continue;
            }
            if c > 0 && self.class[c - 1] == self.class[c] && !chosen.contains(&(c - 1)) {
                continue;
            }
            let cost = spent + minutes(self.candidates[c].hours);
            if !self.better(cost, chosen.len() + 1) {
                break;
            }
            self.choose(chosen, c);
            self.visit(chosen, cost, c + 1);
            self.unchoose(chosen);
            if self.nodes > NODE_BUDGET {
                return;
            }
        }
    }
}

/// Finds the smallest set of candidates that, with the hours already held, meets every
/// training rule and covers every target knowledge area the catalog can cover.
pub fn recommend(
    requirements: &[Requirement],
    have: &[Offer],
    candidates: &[Candidate],
    missing_knowledge_areas: &[usize],
) -> Recommendation {
    let coverable: BTreeSet<usize> = candidates
        .iter()
        .flat_map(|c| c.knowledge_areas.iter().copied())
        .collect();
    let targets: BTreeSet<usize> = missing_knowledge_areas
        .iter()
        .copied()
        .filter(|k| coverable.contains(k))
        .collect();
    let out_of_reach_kas: Vec<usize> = missing_knowledge_areas
        .iter()
        .copied()
        .filter(|k| !coverable.contains(k))
        .collect();

    // Rules even the whole catalog cannot close are reported, and left out of the search.
    let mut everything = have.to_vec();
    everything.extend(candidates.iter().map(|c| Offer {
        hours: c.hours,
        eligible: c.eligible.clone(),
    }));
    let full = allocate_requirements(requirements, true, &everything);
    let out_of_reach_rules: Vec<String> = full
        .requirements
        .iter()
        .filter(|r| !r.met)
        .map(|r| r.id.clone())
        .collect();
    let reachable: Vec<Requirement> = requirements
        .iter()
        .filter(|r| !out_of_reach_rules.contains(&r.id))
        .cloned()
        .collect();

    // Only trainings that add hours to a rule or cover a target can help.
    let useful: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| {
            c.hours > 0.0
                && (c
                    .eligible
                    .iter()
                    .any(|b| reachable.iter().any(|r| r.accepts.contains(b)))
                    || c.knowledge_areas.iter().any(|k| targets.contains(k)))
        })
        .collect();
    let mut search = Search::new(&reachable, have, useful, targets);
    search.visit(&mut Vec::new(), 0, 0);
    let proven = search.nodes <= NODE_BUDGET;
    let (trainings, total) = match &search.best {
        Some((m, _, chosen)) => {
            let mut picked: Vec<usize> =
                chosen.iter().map(|&c| search.candidates[c].index).collect();
            picked.sort_unstable();
            (picked, crate::normalize::round2(*m as f64 / 60.0))
        }
        None => (Vec::new(), 0.0),
    };
    Recommendation {
        trainings,
        total_hours: total,
        proven_smallest: proven && search.best.is_some(),
        rules_out_of_reach: out_of_reach_rules,
        knowledge_areas_out_of_reach: out_of_reach_kas,
    }
}
