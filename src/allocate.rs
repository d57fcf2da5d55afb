//! Allocating course hours to requirements without double counting: a max-flow over
//! source -> course -> requirement -> sink (petgraph's Dinic), so the result is the best legal
//! allocation whatever the row order, and every allocated hour is a traceable line.
//!
//! Hours are handled as whole minutes so the flow is exact.

use crate::framework::{Framework, RequirementKind};
use petgraph::Graph;
use petgraph::algo::dinics;
use petgraph::graph::NodeIndex;
use serde::Serialize;

/// What the allocation needs of a course.
#[derive(Debug, Clone)]
pub struct Offer {
    /// Clock hours (0 when unknown).
    pub hours: f64,
    /// Buckets the hours may count toward.
    pub eligible: Vec<String>,
}

/// Why a requirement is or is not met.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Status {
    /// The requirement is met.
    Met,
    /// Some qualifying hours, not enough.
    Short {
        /// Hours still missing.
        missing_hours: f64,
    },
    /// No course qualifies at all.
    NoQualifyingCourses,
}

impl Status {
    /// One line for people.
    pub fn describe(&self) -> String {
        match self {
            Status::Met => "met".to_string(),
            Status::Short { missing_hours } => format!("short by {missing_hours} h"),
            Status::NoQualifyingCourses => "no qualifying course".to_string(),
        }
    }
}

/// One requirement's outcome.
#[derive(Debug, Clone, Serialize)]
pub struct RequirementResult {
    /// Requirement id.
    pub id: String,
    /// Requirement name.
    pub name: String,
    /// Total or part.
    pub kind: RequirementKind,
    /// Hours required.
    pub required_hours: f64,
    /// Hours counted toward it by the allocation (never more than required).
    pub counted_hours: f64,
    /// All hours of courses that qualify for it, before allocation.
    pub qualifying_hours: f64,
    /// How many courses qualify.
    pub qualifying_courses: usize,
    /// Whether it is met.
    pub met: bool,
    /// Met, short, or no qualifying course.
    #[serde(flatten)]
    pub status: Status,
}

/// One line of the allocation: so many hours of this course count toward that requirement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AllocationLine {
    /// Index of the course in the audit's course list.
    pub course: usize,
    /// Requirement id.
    pub requirement: String,
    /// Hours.
    pub hours: f64,
}

/// The whole allocation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Allocation {
    /// Per requirement, in framework order.
    pub requirements: Vec<RequirementResult>,
    /// Traceable lines, by course then requirement order.
    pub lines: Vec<AllocationLine>,
}

fn minutes(hours: f64) -> u64 {
    if hours.is_finite() && hours > 0.0 {
        (hours * 60.0).round() as u64
    } else {
        0
    }
}

fn hours(minutes: u64) -> f64 {
    ((minutes as f64 / 60.0) * 100.0).round() / 100.0
}

/// Takes qualifying minutes in course order until the requirement is filled: right for a
/// total, and for parts when hours may count in several of them (no competition to settle).
fn fill_in_order(
    offers: &[Offer],
    req: &crate::framework::Requirement,
    qualifies: impl Fn(&Offer, &[String]) -> bool,
) -> Vec<(usize, u64)> {
    let mut left = minutes(req.hours);
    let mut taken = Vec::new();
    for (c, offer) in offers.iter().enumerate() {
        if left == 0 {
            break;
        }
        if qualifies(offer, &req.accepts) {
            let take = minutes(offer.hours).min(left);
            left -= take;
            taken.push((c, take));
        }
    }
    taken
}

/// Allocates hours to the framework's requirements.
pub fn allocate(fw: &Framework, offers: &[Offer]) -> Allocation {
    allocate_requirements(&fw.requirements, fw.counting.hours_count_once, offers)
}

/// Allocates hours to a list of requirements; with `hours_count_once`, each hour counts
/// toward one part only.
pub fn allocate_requirements(
    requirements: &[crate::framework::Requirement],
    hours_count_once: bool,
    offers: &[Offer],
) -> Allocation {
    let qualifies = |offer: &Offer, accepts: &[String]| {
        offer.eligible.iter().any(|b| accepts.contains(b)) && minutes(offer.hours) > 0
    };
    let parts: Vec<usize> = requirements
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == RequirementKind::Part)
        .map(|(i, _)| i)
        .collect();

    // counted[r] and lines per requirement index.
    let mut counted = vec![0u64; requirements.len()];
    let mut lines: Vec<(usize, usize, u64)> = Vec::new();

    if hours_count_once {
        let mut graph: Graph<(), u64> = Graph::new();
        let source = graph.add_node(());
        let sink = graph.add_node(());
        let req_nodes: Vec<NodeIndex> = parts
            .iter()
            .map(|&r| {
                let node = graph.add_node(());
                graph.add_edge(node, sink, minutes(requirements[r].hours));
                node
            })
            .collect();
        let mut course_edges = Vec::new();
        for (c, offer) in offers.iter().enumerate() {
            let targets: Vec<usize> = (0..parts.len())
                .filter(|&p| qualifies(offer, &requirements[parts[p]].accepts))
                .collect();
            if targets.is_empty() {
                continue;
            }
            let node = graph.add_node(());
            graph.add_edge(source, node, minutes(offer.hours));
            for p in targets {
                let edge = graph.add_edge(node, req_nodes[p], minutes(offer.hours));
                course_edges.push((c, parts[p], edge));
            }
        }
        let (_, flows) = dinics(&graph, source, sink);
        for (c, r, edge) in course_edges {
            let flow = flows[edge.index()];
            if flow > 0 {
                counted[r] += flow;
                lines.push((c, r, flow));
            }
        }
    } else {
        for &r in &parts {
            for (c, take) in fill_in_order(offers, &requirements[r], qualifies) {
                counted[r] += take;
                lines.push((c, r, take));
            }
        }
    }

    // A total counts every qualifying hour once, up to its requirement.
    for (r, req) in requirements.iter().enumerate() {
        if req.kind != RequirementKind::Total {
            continue;
        }
        for (c, take) in fill_in_order(offers, req, qualifies) {
            counted[r] += take;
            lines.push((c, r, take));
        }
    }

    let results = requirements
        .iter()
        .enumerate()
        .map(|(r, req)| {
            let qualifying: Vec<&Offer> = offers
                .iter()
                .filter(|o| qualifies(o, &req.accepts))
                .collect();
            let qualifying_minutes: u64 = qualifying.iter().map(|o| minutes(o.hours)).sum();
            let required = minutes(req.hours);
            let status = if counted[r] >= required {
                Status::Met
            } else if qualifying.is_empty() {
                Status::NoQualifyingCourses
            } else {
                Status::Short {
                    missing_hours: hours(required - counted[r]),
                }
            };
            RequirementResult {
                id: req.id.clone(),
                name: req.name.clone(),
                kind: req.kind,
                required_hours: req.hours,
                counted_hours: hours(counted[r]),
                qualifying_hours: hours(qualifying_minutes),
                qualifying_courses: qualifying.len(),
                met: status == Status::Met,
                status,
            }
        })
        .collect();

    lines.sort_by_key(|&(c, r, _)| (c, r));
    Allocation {
        requirements: results,
        lines: lines
            .into_iter()
            .map(|(c, r, m)| AllocationLine {
                course: c,
                requirement: requirements[r].id.clone(),
                hours: hours(m),
            })
            .collect(),
    }
}
