//! Crosswalks between frameworks: every bundled one is sound, and an audit restated through
//! one keeps every mapped course and names what changed.

use crate::common::{crosswalk, stderr, stdout};
use crosswalk::crosswalk::{BUNDLED, find};
use crosswalk::framework;
use serde_json::Value;

#[test]
fn every_bundled_crosswalk_is_sound() {
    for (from, to, _) in BUNDLED {
        let a = framework::load(from).expect("source framework");
        let b = framework::load(to).expect("target framework");
        let cw = find(&a, &b).unwrap_or_else(|e| panic!("{from} -> {to}: {e}"));
        assert_eq!(cw.crosswalk.from, *from);
        assert_eq!(cw.crosswalk.to, *to);
    }
}

fn audit(args: &[&str]) -> Value {
    let mut all = vec!["audit", "samples/agency-catalog.xlsx", "--json", "-", "-q"];
    all.extend_from_slice(args);
    let out = crosswalk(&all);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("json")
}

#[test]
fn an_audit_restated_from_the_older_mentor_guidelines_keeps_every_mapped_course() {
    let direct = audit(&["--framework", "imhm-pre2025"]);
    let restated = audit(&["--framework", "imhm-pre2025", "--restate-as", "imhm-c-2025"]);
    assert_eq!(restated["framework"]["id"], "imhm-c-2025");
    assert_eq!(restated["restated_from"]["framework"]["id"], "imhm-pre2025");

    let dropped = ["research-and-evaluation/"];
    let direct_courses = direct["courses"].as_array().expect("courses");
    let restated_courses = restated["courses"].as_array().expect("courses");
    assert_eq!(direct_courses.len(), restated_courses.len());
    for (d, r) in direct_courses.iter().zip(restated_courses) {
        assert_eq!(d["id"], r["id"]);
        let mapped: Vec<&str> = d["knowledge_areas"]
            .as_array()
            .expect("kas")
            .iter()
            .filter_map(|k| k["id"].as_str())
            .filter(|id| !dropped.iter().any(|p| id.starts_with(p)))
            .collect();
        let kept = r["knowledge_areas"].as_array().expect("kas");
        assert_eq!(mapped.is_empty(), kept.is_empty(), "course {}", d["id"]);
        for k in kept {
            assert_eq!(
                k["via"]["framework"], "imhm-pre2025",
                "every restated match says where it came from"
            );
            let source = k["via"]["id"].as_str().expect("via id");
            assert!(mapped.contains(&source), "{source} was matched directly");
        }
    }

    let changes = restated["restated_from"]["changes"]
        .as_array()
        .expect("changes");
    let renamed: Vec<(String, String)> = changes
        .iter()
        .filter(|c| c["relation"] == "renamed")
        .map(|c| {
            (
                c["from"][0].as_str().unwrap_or("").to_string(),
                c["to"][0].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert!(
        renamed.contains(&(
            "Cultural competence".to_string(),
            "Cultural Humility".to_string()
        )),
        "{renamed:?}"
    );
    let cultural = restated_courses
        .iter()
        .find(|c| c["id"] == "LFS-109")
        .expect("the cultural humility training");
    let via = cultural["knowledge_areas"]
        .as_array()
        .expect("kas")
        .iter()
        .find(|k| k["name"] == "Cultural Humility")
        .expect("restated as Cultural Humility");
    assert_eq!(via["via"]["name"], "Cultural competence");
    assert_eq!(via["via"]["relation"], "renamed");
}

#[test]
fn the_terminal_names_the_renamed_areas() {
    let out = crosswalk(&[
        "audit",
        "samples/agency-catalog.xlsx",
        "--framework",
        "imhm-pre2025",
        "--restate-as",
        "imhm-c-2025",
        "--json",
        "/dev/null",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Renamed: Cultural competence -> Cultural Humility"));
}

#[test]
fn restating_without_a_crosswalk_is_refused_in_one_line() {
    let out = crosswalk(&[
        "audit",
        "samples/agency-catalog.xlsx",
        "--framework",
        "imh-consultant",
        "--restate-as",
        "imhs-az",
        "--json",
        "-",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1);
    assert!(
        err.contains("no crosswalk from 'imh-consultant' to 'imhs-az'"),
        "{err}"
    );
}
