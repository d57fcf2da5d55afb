//! The coverage graph: courses, knowledge areas, areas of expertise and requirement buckets as
//! a petgraph graph, and what it says: which knowledge areas are covered, weakly covered or
//! not at all, and whether an uncovered area is one that other evidence documents.

use crate::framework::{EvidencedBy, Framework};
use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use serde::Serialize;

/// A node of the coverage graph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Node {
    /// A course, by index.
    Course(usize),
    /// A knowledge area, by framework index.
    KnowledgeArea(usize),
    /// An area of expertise, by framework index.
    Area(usize),
    /// A requirement bucket, by framework index.
    Bucket(usize),
}

/// An edge of the coverage graph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Edge {
    /// Course covers knowledge area with this score.
    Covers(f64),
    /// Knowledge area belongs to area.
    PartOf,
    /// Course's hours qualify for bucket.
    QualifiesFor,
}

/// How well a knowledge area is covered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CoverageStatus {
    /// No course covers it, and training is how it is documented.
    Uncovered,
    /// No course covers it, but reference ratings and work mainly document it.
    OtherEvidence,
    /// Covered only by weak matches or by few hours.
    Weak,
    /// Covered.
    Covered,
}

impl CoverageStatus {
    /// Words for people.
    pub fn describe(self) -> &'static str {
        match self {
            CoverageStatus::Uncovered => "no training covers this",
            CoverageStatus::OtherEvidence => "no training; documented by other evidence",
            CoverageStatus::Weak => "weakly covered",
            CoverageStatus::Covered => "covered",
        }
    }
}

/// A course's part in covering a knowledge area.
#[derive(Debug, Clone, Serialize)]
pub struct Coverer {
    /// Course index.
    pub course: usize,
    /// Match score.
    pub score: f64,
}

/// One knowledge area's coverage.
#[derive(Debug, Clone, Serialize)]
pub struct KaCoverage {
    /// Framework index of the knowledge area.
    pub ka: usize,
    /// Status.
    pub status: CoverageStatus,
    /// Courses covering it, best first.
    pub courses: Vec<Coverer>,
    /// Sum of the hours of those courses.
    pub hours: f64,
    /// Best score.
    pub best_score: f64,
    /// Why weak, when weak.
    pub note: Option<String>,
}

/// One area of expertise, rolled up.
#[derive(Debug, Clone, Serialize)]
pub struct AreaCoverage {
    /// Framework index.
    pub area: usize,
    /// Knowledge areas in it.
    pub knowledge_areas: usize,
    /// Of which covered (not weak).
    pub covered: usize,
    /// Of which weakly covered.
    pub weak: usize,
    /// Of which not covered.
    pub uncovered: usize,
}

/// What a course contributes to the graph.
pub struct CourseLinks<'a> {
    /// Clock hours, 0 when unknown.
    pub hours: f64,
    /// Selected knowledge areas with scores.
    pub knowledge_areas: Vec<(usize, f64)>,
    /// Buckets the hours qualify for.
    pub buckets: &'a [String],
}

/// The graph and what it says.
pub struct Coverage {
    /// The graph itself.
    pub graph: DiGraph<Node, Edge>,
    /// Per knowledge area, in framework order.
    pub knowledge_areas: Vec<KaCoverage>,
    /// Per area, in framework order.
    pub areas: Vec<AreaCoverage>,
}

/// Builds the coverage graph and reads coverage off it.
pub fn build(fw: &Framework, courses: &[CourseLinks<'_>]) -> Coverage {
    let mut graph = DiGraph::new();
    let area_nodes: Vec<NodeIndex> = (0..fw.areas.len())
        .map(|a| graph.add_node(Node::Area(a)))
        .collect();
    let ka_nodes: Vec<NodeIndex> = fw
        .knowledge_areas
        .iter()
        .enumerate()
        .map(|(k, ka)| {
            let node = graph.add_node(Node::KnowledgeArea(k));
            if let Some(a) = fw.areas.iter().position(|a| a.id == ka.area) {
                graph.add_edge(node, area_nodes[a], Edge::PartOf);
            }
            node
        })
        .collect();
    let bucket_nodes: Vec<NodeIndex> = (0..fw.buckets.len())
        .map(|b| graph.add_node(Node::Bucket(b)))
        .collect();
    for (c, course) in courses.iter().enumerate() {
        let node = graph.add_node(Node::Course(c));
        for &(k, score) in &course.knowledge_areas {
            graph.add_edge(node, ka_nodes[k], Edge::Covers(score));
        }
        for bucket in course.buckets {
            if let Some(b) = fw.buckets.iter().position(|x| &x.id == bucket) {
                graph.add_edge(node, bucket_nodes[b], Edge::QualifiesFor);
            }
        }
    }

    let rules = &fw.coverage;
    let knowledge_areas: Vec<KaCoverage> = ka_nodes
        .iter()
        .enumerate()
        .map(|(k, &node)| {
            let mut coverers: Vec<Coverer> = graph
                .edges_directed(node, Direction::Incoming)
                .filter_map(
                    |e| match (graph[petgraph::visit::EdgeRef::source(&e)], *e.weight()) {
                        (Node::Course(c), Edge::Covers(score)) => {
                            Some(Coverer { course: c, score })
                        }
                        _ => None,
                    },
                )
                .collect();
            coverers.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.course.cmp(&b.course)));
            let hours: f64 = coverers.iter().map(|c| courses[c.course].hours).sum();
            let hours = (hours * 100.0).round() / 100.0;
            let best_score = coverers.first().map_or(0.0, |c| c.score);
            let evidenced_by = fw
                .area(&fw.knowledge_areas[k].area)
                .map_or(EvidencedBy::Training, |a| a.evidenced_by);
            let (status, note) = if coverers.is_empty() {
                match evidenced_by {
                    EvidencedBy::Training => (CoverageStatus::Uncovered, None),
                    EvidencedBy::Other => (CoverageStatus::OtherEvidence, None),
                }
            } else if best_score < rules.strong_score {
                (
                    CoverageStatus::Weak,
                    Some(format!(
                        "best match only {best_score:.2} (strong from {:.2})",
                        rules.strong_score
                    )),
                )
            } else if hours < rules.weak_below_hours {
                (
                    CoverageStatus::Weak,
                    Some(format!(
                        "only {hours} h in all (weak below {} h)",
                        rules.weak_below_hours
                    )),
                )
            } else {
                (CoverageStatus::Covered, None)
            };
            KaCoverage {
                ka: k,
                status,
                courses: coverers,
                hours,
                best_score,
                note,
            }
        })
        .collect();

    let areas = area_nodes
        .iter()
        .enumerate()
        .map(|(a, &node)| {
            let members: Vec<&KaCoverage> = graph
                .neighbors_directed(node, Direction::Incoming)
                .filter_map(|n| match graph[n] {
                    Node::KnowledgeArea(k) => Some(&knowledge_areas[k]),
                    _ => None,
                })
                .collect();
            AreaCoverage {
                area: a,
                knowledge_areas: members.len(),
                covered: members
                    .iter()
                    .filter(|m| m.status == CoverageStatus::Covered)
                    .count(),
                weak: members
                    .iter()
                    .filter(|m| m.status == CoverageStatus::Weak)
                    .count(),
                uncovered: members
                    .iter()
                    .filter(|m| {
                        matches!(
                            m.status,
                            CoverageStatus::Uncovered | CoverageStatus::OtherEvidence
                        )
                    })
                    .count(),
            }
        })
        .collect();

    Coverage {
        graph,
        knowledge_areas,
        areas,
    }
}
