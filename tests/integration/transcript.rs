//! `crosswalk transcript` on the samples: several endorsements side by side, the RSC log read
//! and classified, rows outside the window named, renewal bands applied.

use crate::common::{crosswalk, stderr, stdout};
use serde_json::Value;

fn transcript(args: &[&str]) -> Value {
    let mut all = vec![
        "transcript",
        "samples/applicant-transcript.csv",
        "--rsc-log",
        "samples/rsc-log.csv",
        "--as-of",
        "2025-06-30",
        "--json",
        "-",
        "-q",
    ];
    all.extend_from_slice(args);
    let out = crosswalk(&all);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("json")
}

fn rule<'a>(endorsement: &'a Value, id: &str) -> &'a Value {
    endorsement["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("rule {id}"))
}

#[test]
fn a_specialist_sees_what_they_lack_for_mentor_side_by_side() {
    let r = transcript(&["--endorsement", "imhm-c", "--endorsement", "imhs"]);
    let e = r["endorsements"].as_array().expect("endorsements");
    assert_eq!(e.len(), 2);
    assert_eq!(e[0]["endorsement"], "imhm-c");
    assert_eq!(e[1]["endorsement"], "imhs");
    // Sample RSC log: 38 h in all, 20 h of them about the RSC the applicant provides.
    assert_eq!(rule(&e[0], "rsc-received")["counted_hours"], 38.0);
    assert_eq!(rule(&e[0], "rsc-received")["missing_hours"], 12.0);
    assert_eq!(rule(&e[0], "rsc-about-providing")["counted_hours"], 20.0);
    assert_eq!(rule(&e[0], "social-emotional")["status"], "met");
    // The Specialist counts RSC only within two years: 5 sessions (8.5 h) of early 2023 drop.
    assert_eq!(rule(&e[1], "rsc-received")["counted_hours"], 29.5);
    let outside = e[1]["rsc_rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter(|u| u["use"] == "outside-window")
        .count();
    assert_eq!(outside, 5);
    assert!(!e[0]["checklist"].as_array().expect("checklist").is_empty());
}

#[test]
fn the_rsc_log_is_read_and_classified() {
    let r = transcript(&["--endorsement", "imhm-c"]);
    let sessions = r["rsc_sessions"].as_array().expect("sessions");
    assert_eq!(sessions.len(), 23);
    assert_eq!(sessions[0]["about"], "own-cases");
    assert_eq!(sessions[8]["about"], "providing");
    assert_eq!(sessions[2]["group"], true);
    // The blank row and the TBD row are accounted for.
    let reasons: Vec<&str> = r["skipped"]
        .as_array()
        .expect("skipped")
        .iter()
        .filter_map(|s| s["reason"].as_str())
        .collect();
    assert!(reasons.contains(&"no usable hours"), "{reasons:?}");
    assert!(reasons.contains(&"blank row"), "{reasons:?}");
}

#[test]
fn a_renewal_two_years_in_uses_the_mid_cycle_band() {
    let r = transcript(&[
        "--endorsement",
        "imhm-c",
        "--renewal",
        "--endorsed-since",
        "2023-01-15",
    ]);
    let e = &r["endorsements"][0];
    assert_eq!(e["purpose"], "renewal");
    assert_eq!(rule(e, "renewal-training")["required_hours"], 30.0);
    assert_eq!(rule(e, "renewal-rsc")["required_hours"], 24.0);
    assert_eq!(e["met"], true);
    let outside = e["training_rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter(|u| u["use"] == "outside-window")
        .count();
    assert_eq!(
        outside, 3,
        "the three trainings before the endorsement date"
    );
}

#[test]
fn an_unknown_endorsement_is_refused_in_one_line() {
    let out = crosswalk(&[
        "transcript",
        "samples/applicant-transcript.csv",
        "--endorsement",
        "imhx",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no profile for endorsement 'imhx'"), "{err}");
}

#[test]
fn the_catalog_recommendation_is_the_smallest_set() {
    let r = transcript(&[
        "--endorsement",
        "imhm-c",
        "--catalog",
        "samples/agency-catalog.xlsx",
    ]);
    let rec = &r["endorsements"][0]["recommendation"];
    assert_eq!(rec["proven_smallest"], true);
    let hours: f64 = rec["trainings"]
        .as_array()
        .expect("trainings")
        .iter()
        .filter_map(|t| t["hours"].as_f64())
        .sum();
    assert_eq!(rec["total_hours"].as_f64(), Some(hours));
    // Areas no catalog training covers are named instead of guessed.
    let out: Vec<&str> = rec["knowledge_areas_out_of_reach"]
        .as_array()
        .expect("out of reach")
        .iter()
        .filter_map(|k| k.as_str())
        .collect();
    assert!(out.contains(&"Statistics"), "{out:?}");
}

#[test]
fn the_applicant_workbook_has_every_sheet() {
    use calamine::{Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("applicant.xlsx");
    let out = crosswalk(&[
        "transcript",
        "samples/applicant-transcript.csv",
        "--rsc-log",
        "samples/rsc-log.csv",
        "--endorsement",
        "imhm-c",
        "--endorsement",
        "imhs",
        "--as-of",
        "2025-06-30",
        "--catalog",
        "samples/agency-catalog.xlsx",
        "-o",
        path.to_str().expect("path"),
        "-q",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut wb: Xlsx<_> = open_workbook(&path).expect("opens");
    assert_eq!(
        wb.sheet_names(),
        [
            "Summary",
            "Rules imhm-c",
            "Rules imhs",
            "Checklist",
            "Take next",
            "Gaps",
            "Trainings",
            "RSC log",
            "Skipped rows",
            "About"
        ]
    );
    let summary = wb.worksheet_range("Summary").expect("summary");
    let statuses: Vec<String> = (4..summary.height())
        .map(|r| {
            summary
                .get((r, 5))
                .map(|c| c.to_string())
                .unwrap_or_default()
        })
        .collect();
    assert!(
        statuses.contains(&"short by 12 h".to_string()),
        "{statuses:?}"
    );
    let log = wb.worksheet_range("RSC log").expect("log");
    assert_eq!(log.height(), 1 + 23);
}

#[test]
fn a_folder_of_applicants_is_checked_in_one_batch() {
    let dir = tempfile::tempdir().expect("temp");
    let input = dir.path().join("applicants");
    std::fs::create_dir(&input).expect("mkdir");
    let root = crate::common::root();
    std::fs::copy(
        root.join("samples/applicant-transcript.csv"),
        input.join("ana.csv"),
    )
    .expect("copy");
    std::fs::copy(root.join("samples/rsc-log.csv"), input.join("ana.rsc.csv")).expect("copy");
    std::fs::copy(
        root.join("samples/applicant-transcript.csv"),
        input.join("ben.csv"),
    )
    .expect("copy");
    std::fs::write(input.join("cara.xlsx"), b"%PDF-1.7 not a table").expect("write");
    let out = dir.path().join("out");
    let run = crosswalk(&[
        "transcript",
        "--batch",
        input.to_str().expect("path"),
        "--endorsement",
        "imhm-c",
        "--as-of",
        "2025-06-30",
        "--out-dir",
        out.to_str().expect("path"),
        "-q",
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(out.join("ana.transcript.xlsx").exists());
    assert!(out.join("ben.transcript.xlsx").exists());
    assert!(out.join("rollup.xlsx").exists());
    let rollup: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("rollup.json")).expect("json"))
            .expect("json");
    assert_eq!(rollup["applicants"], 3);
    assert_eq!(rollup["errors"], 1);
    let rows = rollup["rows"].as_array().expect("rows");
    let names: Vec<&str> = rows
        .iter()
        .filter_map(|r| r["applicant"].as_str())
        .collect();
    assert_eq!(names, ["ana", "ben", "cara"]);
    // Ana's RSC log paired with her transcript; Ben has none, so RSC shows nothing yet.
    let rsc = |row: &Value| {
        row["rules"]
            .as_array()
            .expect("rules")
            .iter()
            .find(|x| x["id"] == "rsc-received")
            .cloned()
            .expect("rsc")
    };
    assert_eq!(rsc(&rows[0])["counted_hours"], 38.0);
    assert_eq!(rsc(&rows[1])["counted_hours"], 0.0);
    assert!(
        rows[2]["error"]
            .as_str()
            .is_some_and(|e| e.contains("a PDF document"))
    );
}

#[test]
fn an_applicants_labeled_examples_are_read_once_and_never_written_over() {
    let dir = tempfile::tempdir().expect("temp");
    let examples = dir.path().join("labels.csv");
    std::fs::write(
        &examples,
        "Title,Description,Knowledge areas\n\
         Lullaby Circles for New Parents,Singing soothes a crying baby.,Developmental Guidance\n",
    )
    .expect("test setup");
    let before = std::fs::read(&examples).expect("test setup");
    let path = examples.to_str().expect("test setup");
    let base = [
        "transcript",
        "samples/applicant-transcript.csv",
        "--endorsement",
        "imhm-c",
        "--endorsement",
        "imhs",
        "--examples",
        path,
    ];
    let out = crosswalk(&[&base[..], &["--json", "-"]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.matches("1 labeled courses read").count(), 1, "{err}");

    let out = crosswalk(&[&base[..], &["-o", path]].concat());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is also an input"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&examples).expect("test setup"), before);
}
