//! The review loop: decisions typed into the workbook's review columns come back on the next
//! run, win over the matcher, are marked as a reviewer's, and carry over through a decisions
//! file.

use crate::common::{crosswalk_in, stderr};
use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;
use std::path::Path;

const CATALOG: &str = "Title,Description,Hours\n\
    Attachment in Infancy,How secure attachment develops in the first year.,3\n\
    Budget Basics,Spreadsheets and budgets for program managers.,2\n\
    Seminar,,2\n";

fn audit(dir: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["audit", "catalog.csv", "--json", "-", "-o", "out.xlsx"];
    args.extend_from_slice(extra);
    let out = crosswalk_in(dir, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("json")
}

/// Copies the Courses sheet of a written workbook as a person saving it would, with the
/// review cells of some rows filled in: (row title, column header, value).
fn review(from: &Path, to: &Path, edits: &[(&str, &str, &str)]) {
    let mut wb: Xlsx<_> = open_workbook(from).expect("workbook");
    let range = wb.worksheet_range("Courses").expect("Courses sheet");
    let header: Vec<String> = range
        .rows()
        .next()
        .expect("header")
        .iter()
        .map(|c| c.to_string())
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let mut out = rust_xlsxwriter::Workbook::new();
    let ws = out.add_worksheet();
    ws.set_name("Courses").expect("name");
    for (r, row) in range.rows().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            match cell {
                Data::Float(f) => ws.write_number(r as u32, c as u16, *f),
                Data::Empty => continue,
                other => ws.write_string(r as u32, c as u16, other.to_string()),
            }
            .expect("write");
        }
        let title = row[col("Title")].to_string();
        for (t, column, value) in edits {
            if *t == title {
                ws.write_string(r as u32, col(column) as u16, *value)
                    .expect("write");
            }
        }
    }
    out.save(to).expect("save");
}

fn course<'a>(report: &'a Value, title: &str) -> &'a Value {
    report["courses"]
        .as_array()
        .expect("courses")
        .iter()
        .find(|c| c["title"] == title)
        .expect(title)
}

fn names(course: &Value) -> Vec<String> {
    course["knowledge_areas"]
        .as_array()
        .expect("areas")
        .iter()
        .map(|k| k["name"].as_str().expect("name").to_string())
        .collect()
}

#[test]
fn a_reviewed_workbook_round_trips() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("catalog.csv"), CATALOG).expect("write");
    let before = audit(dir.path(), &[]);
    let attachment = course(&before, "Attachment in Infancy");
    assert!(names(attachment).contains(&"Attachment, Separation, Trauma, Grief & Loss".into()));
    assert_eq!(course(&before, "Budget Basics")["bucket"], "none");
    assert!(names(course(&before, "Seminar")).is_empty());

    review(
        &dir.path().join("out.xlsx"),
        &dir.path().join("reviewed.xlsx"),
        &[
            ("Attachment in Infancy", "Review: decision", "accept"),
            (
                "Attachment in Infancy",
                "Review: add",
                "Developmental Guidance",
            ),
            ("Budget Basics", "Review: decision", "reject"),
            (
                "Seminar",
                "Review: add",
                "Reflective Supervision; Parallel Process",
            ),
            ("Seminar", "Review: bucket", "rsc"),
        ],
    );
    let after = audit(
        dir.path(),
        &[
            "--review",
            "reviewed.xlsx",
            "--save-review",
            "decisions.toml",
            "--save-examples",
            "reviewed.csv",
        ],
    );
    let attachment = course(&after, "Attachment in Infancy");
    let areas = names(attachment);
    assert_eq!(areas[0], "Developmental Guidance", "added areas come first");
    assert!(areas.contains(&"Attachment, Separation, Trauma, Grief & Loss".into()));
    for k in attachment["knowledge_areas"].as_array().expect("areas") {
        assert_eq!(k["decided_by"], "reviewer");
    }
    assert!(names(course(&after, "Budget Basics")).is_empty());
    let seminar = course(&after, "Seminar");
    assert_eq!(
        names(seminar),
        vec!["Reflective Supervision", "Parallel Process"]
    );
    assert_eq!(seminar["bucket"], "rsc");
    assert!(
        seminar["bucket_reason"]
            .as_str()
            .expect("reason")
            .starts_with("set by a reviewer")
    );
    assert_eq!(seminar["review"]["bucket"], "rsc");
    // The reviewer's rsc hours now count toward the rsc requirement.
    let rsc_hours: f64 = seminar["counted"]
        .as_array()
        .expect("counted")
        .iter()
        .filter(|c| c["requirement"] == "rsc")
        .map(|c| c["hours"].as_f64().expect("hours"))
        .sum();
    assert_eq!(rsc_hours, 2.0);

    // The new workbook shows the decisions in its review columns, ready for the next review.
    let mut wb: Xlsx<_> = open_workbook(dir.path().join("out.xlsx")).expect("workbook");
    let range = wb.worksheet_range("Courses").expect("Courses");
    let text: Vec<String> = range.rows().flatten().map(|c| c.to_string()).collect();
    assert!(
        text.iter()
            .any(|t| t == "Reflective Supervision; Parallel Process")
    );
    assert!(text.iter().any(|t| t.contains("[reviewer]")));

    // The reviewed trainings, saved as labeled courses, are what eval and --examples read.
    let labeled = std::fs::read_to_string(dir.path().join("reviewed.csv")).expect("saved");
    let mut rows = csv::Reader::from_reader(labeled.as_bytes());
    let rows: Vec<csv::StringRecord> = rows.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 3, "{labeled}");
    let row = |title: &str| rows.iter().find(|r| &r[1] == title).expect(title).clone();
    assert!(row("Attachment in Infancy")[4].contains("Developmental Guidance"));
    assert_eq!(
        (&row("Budget Basics")[4], &row("Budget Basics")[5]),
        ("", "none")
    );
    assert_eq!(
        (&row("Seminar")[4], &row("Seminar")[5]),
        ("Reflective Supervision; Parallel Process", "rsc")
    );
    let out = crosswalk_in(dir.path(), &["eval", "reviewed.csv", "--json", "-"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let eval: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(eval["courses_evaluated"], 3);
    let learned = audit(dir.path(), &["--no-examples", "--examples", "reviewed.csv"]);
    assert_eq!(learned["courses"].as_array().expect("courses").len(), 3);

    // The saved decisions file carries the same decisions to the next run.
    let saved = std::fs::read_to_string(dir.path().join("decisions.toml")).expect("saved");
    assert!(saved.contains("[[decision]]"), "{saved}");
    let again = audit(dir.path(), &["--review", "decisions.toml"]);
    for title in ["Attachment in Infancy", "Budget Basics", "Seminar"] {
        assert_eq!(
            course(&again, title)["knowledge_areas"],
            course(&after, title)["knowledge_areas"]
        );
        assert_eq!(
            course(&again, title)["bucket"],
            course(&after, title)["bucket"]
        );
    }
}

#[test]
fn review_errors_are_one_line_with_the_cell() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("catalog.csv"), CATALOG).expect("write");
    audit(dir.path(), &[]);
    review(
        &dir.path().join("out.xlsx"),
        &dir.path().join("reviewed.xlsx"),
        &[("Budget Basics", "Review: add", "Budgeting")],
    );
    let out = crosswalk_in(
        dir.path(),
        &[
            "audit",
            "catalog.csv",
            "--json",
            "-",
            "--review",
            "reviewed.xlsx",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("reviewed.xlsx: sheet 'Courses', row 3, column T"),
        "{err}"
    );
    assert!(err.contains("'Budgeting' is not a knowledge area"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");

    // The reviewed workbook is never written over.
    let out = crosswalk_in(
        dir.path(),
        &[
            "audit",
            "catalog.csv",
            "-o",
            "reviewed.xlsx",
            "--review",
            "reviewed.xlsx",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn an_audit_workbook_is_not_taken_for_labeled_examples() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("catalog.csv"), CATALOG).expect("test setup");
    audit(dir.path(), &[]);
    for command in [
        &["match", "--examples", "out.xlsx", "infant sleep"][..],
        &["eval", "out.xlsx"],
    ] {
        let out = crosswalk_in(dir.path(), command);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("crosswalk's matches, not labels") && err.contains("--save-examples"),
            "{err}"
        );
    }
}
