//! The max-flow allocation: best legal allocation whatever the row order, one hour counted
//! once, statuses that say why, and the setting that lets hours count more than once.

use crosswalk::allocate::{Offer, Status, allocate};
use crosswalk::framework::{self, Framework};

/// A framework with two parts of 10 h under a 20 h total.
fn two_part_framework(hours_count_once: bool) -> Framework {
    let text = format!(
        r#"
[framework]
id = "test"
title = "Test"
version = "1"
source = "tests"

[counting]
hours_count_once = {hours_count_once}

[[requirements]]
id = "total"
name = "All"
hours = 20
accepts = ["a", "b"]
kind = "total"

[[requirements]]
id = "a"
name = "Part A"
hours = 10
accepts = ["a"]
kind = "part"

[[requirements]]
id = "b"
name = "Part B"
hours = 10
accepts = ["b"]
kind = "part"

[[buckets]]
id = "a"
name = "A"
qualifies = "a"
cues = ["alpha"]
knowledge_areas = []
min_score = 0.5

[[buckets]]
id = "b"
name = "B"
qualifies = "b"
cues = ["beta"]
knowledge_areas = []
min_score = 0.5

[[areas]]
id = "area"
name = "Area"
evidenced_by = "training"

[[knowledge_areas]]
id = "area/topic"
area = "area"
name = "Topic"
terms = ["topic"]
"#
    );
    framework::parse(&text, "test").expect("test framework")
}

fn offer(hours: f64, eligible: &[&str]) -> Offer {
    Offer {
        hours,
        eligible: eligible.iter().map(|s| s.to_string()).collect(),
    }
}

fn counted(allocation: &crosswalk::allocate::Allocation, id: &str) -> f64 {
    allocation
        .requirements
        .iter()
        .find(|r| r.id == id)
        .map(|r| r.counted_hours)
        .expect("requirement")
}

#[test]
fn flexible_course_goes_where_it_is_needed_although_greedy_would_waste_it() {
    // Row order puts the flexible course first. A greedy pass that fills requirements in
    // order gives it to A, and then B gets nothing: A 10, B 0. The best allocation meets both.
    let fw = two_part_framework(true);
    let offers = [offer(10.0, &["a", "b"]), offer(10.0, &["a"])];
    let result = allocate(&fw, &offers);
    assert_eq!(counted(&result, "a"), 10.0);
    assert_eq!(counted(&result, "b"), 10.0);
    assert!(result.requirements.iter().all(|r| r.met));
    // Traceable: the flexible course counts toward B, the other toward A.
    let lines: Vec<(usize, &str, f64)> = result
        .lines
        .iter()
        .filter(|l| l.requirement != "total")
        .map(|l| (l.course, l.requirement.as_str(), l.hours))
        .collect();
    assert_eq!(lines, [(0, "b", 10.0), (1, "a", 10.0)]);
}

#[test]
fn the_result_does_not_depend_on_row_order() {
    let fw = two_part_framework(true);
    let forward = [
        offer(6.0, &["a", "b"]),
        offer(8.0, &["a"]),
        offer(5.0, &["b"]),
        offer(3.0, &["a", "b"]),
    ];
    let mut backward = forward.clone();
    backward.reverse();
    let f = allocate(&fw, &forward);
    let b = allocate(&fw, &backward);
    for id in ["a", "b", "total"] {
        assert_eq!(counted(&f, id), counted(&b, id), "{id}");
    }
    assert_eq!(counted(&f, "a") + counted(&f, "b"), 20.0);
}

#[test]
fn an_hour_counts_once_across_parts() {
    let fw = two_part_framework(true);
    let result = allocate(&fw, &[offer(12.0, &["a", "b"])]);
    assert_eq!(counted(&result, "a") + counted(&result, "b"), 12.0);
    let per_course: f64 = result
        .lines
        .iter()
        .filter(|l| l.requirement != "total")
        .map(|l| l.hours)
        .sum();
    assert_eq!(per_course, 12.0);
}

#[test]
fn when_the_framework_allows_it_hours_count_in_every_part() {
    let fw = two_part_framework(false);
    let result = allocate(&fw, &[offer(12.0, &["a", "b"])]);
    assert_eq!(counted(&result, "a"), 10.0);
    assert_eq!(counted(&result, "b"), 10.0);
}

#[test]
fn statuses_say_why() {
    let fw = two_part_framework(true);
    let result = allocate(&fw, &[offer(4.5, &["a"]), offer(3.0, &[])]);
    let status = |id: &str| {
        result
            .requirements
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.status.clone())
            .expect("requirement")
    };
    assert_eq!(status("a"), Status::Short { missing_hours: 5.5 });
    assert_eq!(status("b"), Status::NoQualifyingCourses);
    assert_eq!(
        status("total"),
        Status::Short {
            missing_hours: 15.5
        }
    );
    let a = result.requirements.iter().find(|r| r.id == "a").expect("a");
    assert_eq!(
        (a.qualifying_hours, a.qualifying_courses, a.met),
        (4.5, 1, false)
    );
}

#[test]
fn unknown_hours_count_for_nothing() {
    let fw = two_part_framework(true);
    let result = allocate(&fw, &[offer(0.0, &["a"])]);
    assert_eq!(counted(&result, "a"), 0.0);
    assert!(result.lines.is_empty());
}
