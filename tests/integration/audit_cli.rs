//! `crosswalk audit` as a user runs it: the JSON contract read back into test-side structs,
//! byte-identical JSON for the same input, the workbook read back with calamine, text that
//! looks like a formula kept as text, and one-line errors with a non-zero exit.

use crate::common::{crosswalk, crosswalk_in, root, stderr, stdout};
use crate::fixtures::{small_rows, write_xlsx};
use calamine::{Data, Reader, Xlsx, open_workbook};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
struct Report {
    framework: FrameworkRef,
    courses: Vec<Course>,
    requirements: Vec<Requirement>,
    gaps: Vec<Gap>,
    skipped: Vec<Skipped>,
    summary: Summary,
}

#[derive(Debug, Deserialize)]
struct FrameworkRef {
    id: String,
}

#[derive(Debug, Deserialize)]
struct Source {
    file: String,
    sheet: Option<String>,
    row: u32,
}

#[derive(Debug, Deserialize)]
struct Course {
    source: Source,
    id: String,
    title: String,
    hours: Option<f64>,
    bucket: String,
    knowledge_areas: Vec<KaMatch>,
    set_aside: Vec<SetAside>,
}

#[derive(Debug, Deserialize)]
struct SetAside {
    kind: String,
    text: String,
}

#[derive(Debug, Deserialize)]
struct KaMatch {
    id: String,
    name: String,
    area: String,
    score: f64,
    evidence: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Requirement {
    id: String,
    required_hours: f64,
    counted_hours: f64,
    met: bool,
    status: String,
}

#[derive(Debug, Deserialize)]
struct Gap {
    id: String,
    status: String,
}

#[derive(Debug, Deserialize)]
struct Skipped {
    source: Source,
    reason: String,
}

#[derive(Debug, Deserialize)]
struct Summary {
    rows_seen: usize,
    rows_used: usize,
    rows_skipped: usize,
}

fn audit_json(args: &[&str]) -> (Report, String) {
    let mut all = vec!["audit"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--json", "-"]);
    let out = crosswalk(&all);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let report: Report = serde_json::from_str(&text).expect("JSON follows the contract");
    (report, text)
}

fn requirement<'a>(report: &'a Report, id: &str) -> &'a Requirement {
    report
        .requirements
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("requirement {id}"))
}

#[test]
fn json_contract_on_the_sample_catalog() {
    let (report, _) = audit_json(&["samples/agency-catalog.xlsx"]);
    assert_eq!(report.framework.id, "imhm-c-2025");
    assert_eq!(report.courses.len(), 40);
    let first = &report.courses[0];
    assert_eq!(first.source.file, "samples/agency-catalog.xlsx");
    assert_eq!(first.source.sheet.as_deref(), Some("Catalog 2025-26"));
    assert_eq!(
        first.source.row, 5,
        "header on row 4, first training on row 5"
    );
    assert_eq!(first.id, "LFS-101");
    assert_eq!(first.hours, Some(6.0));
    assert_eq!(first.bucket, "social-emotional");
    let ka = first.knowledge_areas.first().expect("a match");
    assert!(ka.id.contains('/') && !ka.name.is_empty() && !ka.area.is_empty());
    assert!(ka.score > 0.0 && ka.score <= 1.0);
    assert!(!ka.evidence.is_empty());

    let rsc = requirement(&report, "rsc");
    assert_eq!(rsc.required_hours, 15.0);
    assert!(rsc.met && rsc.counted_hours == 15.0);
    assert_eq!(
        requirement(&report, "social-emotional").required_hours,
        33.0
    );
    assert_eq!(requirement(&report, "training-total").required_hours, 48.0);

    assert_eq!(
        report.summary.rows_seen,
        report.summary.rows_used + report.summary.rows_skipped
    );
    assert_eq!(report.skipped.len(), report.summary.rows_skipped);
    let reasons: Vec<(u32, &str)> = report
        .skipped
        .iter()
        .map(|s| (s.source.row, s.reason.as_str()))
        .collect();
    assert!(
        reasons.contains(&(46, "same training as row 6")),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().any(|(_, r)| r.contains("total row")),
        "{reasons:?}"
    );
    assert!(
        report
            .gaps
            .iter()
            .all(|g| !g.id.is_empty() && !g.status.is_empty())
    );

    let seminar = report
        .courses
        .iter()
        .find(|c| c.title == "Seminar")
        .expect("seminar row");
    assert_eq!(seminar.bucket, "none");
    assert!(
        seminar.knowledge_areas.is_empty(),
        "a bare title is flagged, not guessed"
    );
}

#[test]
fn the_csv_and_xlsx_samples_agree() {
    let (xlsx, _) = audit_json(&["samples/agency-catalog.xlsx"]);
    let (csv, _) = audit_json(&["samples/agency-catalog.csv"]);
    let key = |r: &Report| -> Vec<(String, String, Vec<String>)> {
        r.courses
            .iter()
            .map(|c| {
                (
                    c.id.clone(),
                    c.bucket.clone(),
                    c.knowledge_areas.iter().map(|k| k.id.clone()).collect(),
                )
            })
            .collect()
    };
    assert_eq!(key(&xlsx), key(&csv));
}

#[test]
fn the_poor_catalog_shows_its_gaps() {
    let (report, _) = audit_json(&["samples/thin-catalog.csv"]);
    let rsc = requirement(&report, "rsc");
    assert!(!rsc.met);
    assert_eq!(rsc.status, "no_qualifying_courses");
    assert_eq!(requirement(&report, "social-emotional").status, "short");
    assert!(
        report
            .gaps
            .iter()
            .filter(|g| g.status == "uncovered")
            .count()
            > 20
    );
}

#[test]
fn the_same_input_gives_the_same_json_bytes() {
    let (_, first) = audit_json(&["samples/agency-catalog.xlsx"]);
    let (_, second) = audit_json(&["samples/agency-catalog.xlsx"]);
    assert_eq!(first, second);
}

fn cell(range: &calamine::Range<Data>, row: usize, col: usize) -> Data {
    range.get((row, col)).cloned().unwrap_or(Data::Empty)
}

#[test]
fn the_workbook_reads_back_with_every_sheet_and_every_row() {
    let dir = tempfile::tempdir().expect("temp");
    let out_path = dir.path().join("audit.xlsx");
    let out = crosswalk(&[
        "audit",
        "samples/agency-catalog.xlsx",
        "-o",
        out_path.to_str().expect("path"),
        "-q",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut wb: Xlsx<_> = open_workbook(&out_path).expect("workbook opens");
    assert_eq!(
        wb.sheet_names(),
        [
            "Summary",
            "Courses",
            "Coverage",
            "Gaps",
            "Allocation",
            "Skipped rows",
            "About",
            "Review lists"
        ]
    );
    let courses = wb.worksheet_range("Courses").expect("Courses");
    assert_eq!(courses.height(), 41, "a header and one row per training");
    assert_eq!(cell(&courses, 0, 4), Data::String("Title".into()));
    assert_eq!(cell(&courses, 1, 3), Data::String("LFS-101".into()));
    let skipped = wb.worksheet_range("Skipped rows").expect("Skipped rows");
    assert_eq!(skipped.height(), 1 + 7);
    let summary = wb.worksheet_range("Summary").expect("Summary");
    let labels: Vec<String> = (0..summary.height())
        .map(|r| cell(&summary, r, 0).to_string())
        .collect();
    assert!(
        labels
            .iter()
            .any(|l| l.starts_with("Didactic training about reflective")),
        "{labels:?}"
    );
    let coverage = wb.worksheet_range("Coverage").expect("Coverage");
    assert_eq!(coverage.width(), 3 + 54);
}

/// Audits `input` into a workbook in `dir` and opens it.
fn audit_workbook(input: &Path, dir: &Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    let output = dir.join("out.xlsx");
    let out = crosswalk(&[
        "audit",
        input.to_str().expect("path"),
        "-o",
        output.to_str().expect("path"),
        "-q",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    open_workbook(&output).expect("workbook opens")
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    let dir = tempfile::tempdir().expect("temp");
    let input = dir.path().join("hostile.xlsx");
    let mut rows = small_rows();
    rows[1][1] = "=HYPERLINK(\"http://example.invalid\",\"click\")".to_string();
    rows[2][2] = "+1+1 @SUM(A1) -2".to_string();
    write_xlsx(&input, "Catalog", &rows);
    let mut wb = audit_workbook(&input, dir.path());
    let courses = wb.worksheet_range("Courses").expect("Courses");
    assert_eq!(
        cell(&courses, 1, 4),
        Data::String("=HYPERLINK(\"http://example.invalid\",\"click\")".into())
    );
    assert_eq!(
        cell(&courses, 2, 16),
        Data::String("+1+1 @SUM(A1) -2".into())
    );
    let formulas = wb.worksheet_formula("Courses").expect("formulas");
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no cell became a formula"
    );
    // No hyperlink is made from input text, in any part of the workbook.
    let bytes = std::fs::read(dir.path().join("out.xlsx")).expect("workbook bytes");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("part");
        let mut xml = String::new();
        if std::io::Read::read_to_string(&mut part, &mut xml).is_ok() {
            assert!(
                !xml.contains("<hyperlink"),
                "a hyperlink in a workbook part"
            );
        }
    }
}

#[test]
fn without_an_output_option_the_workbook_lands_in_the_current_folder() {
    let dir = tempfile::tempdir().expect("temp");
    let input = root().join("samples/thin-catalog.csv");
    let out = crosswalk_in(dir.path(), &["audit", input.to_str().expect("path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("thin-catalog.crosswalk.xlsx").exists());
    assert!(stdout(&out).contains("Workbook: thin-catalog.crosswalk.xlsx"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
}

fn assert_one_line_error(args: &[&str], dir: &Path, expected: &str) {
    let out = crosswalk_in(dir, args);
    assert!(!out.status.success(), "{args:?} should fail");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("crosswalk: error: "), "{err}");
    assert!(err.contains(expected), "{err} should say {expected}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn bad_input_gets_one_clear_line_and_a_non_zero_exit() {
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    std::fs::write(d.join("empty.csv"), b"").expect("write");
    std::fs::write(d.join("junk.xlsx"), [0u8, 159, 146, 150, 0, 1, 2, 3]).expect("write");
    std::fs::write(d.join("report.pdf"), b"%PDF-1.7 not a table").expect("write");
    std::fs::write(
        d.join("truncated.xlsx"),
        b"PK\x03\x04\x14\x00\x00\x00broken",
    )
    .expect("write");
    std::fs::write(d.join("noheader.csv"), "a,b\n1,2\n").expect("write");
    write_xlsx(&d.join("ok.xlsx"), "Catalog", &small_rows());

    assert_one_line_error(&["audit", "missing.xlsx"], d, "missing.xlsx: cannot read");
    assert_one_line_error(&["audit", "empty.csv"], d, "empty.csv: the file is empty");
    assert_one_line_error(&["audit", "junk.xlsx"], d, "junk.xlsx: not a spreadsheet");
    assert_one_line_error(&["audit", "report.pdf"], d, "a PDF document");
    assert_one_line_error(&["audit", "truncated.xlsx"], d, "truncated.xlsx:");
    assert_one_line_error(
        &["audit", "noheader.csv"],
        d,
        "no sheet has a catalog header",
    );
    assert_one_line_error(
        &["audit", "ok.xlsx", "--sheet", "Catalg"],
        d,
        "did you mean 'Catalog'?",
    );
    assert_one_line_error(
        &["audit", "ok.xlsx", "-o", "ok.xlsx"],
        d,
        "never writes over an input",
    );
    assert_one_line_error(
        &["audit", "ok.xlsx", "--framework", "imhm-c-2024"],
        d,
        "did you mean 'imhm-c-2025'?",
    );
    assert_one_line_error(
        &["audit", "ok.xlsx", "--credit-factor", "0"],
        d,
        "--credit-factor",
    );
    assert!(
        !d.join("ok.crosswalk.xlsx").exists(),
        "a failed run writes nothing"
    );
}

#[test]
fn match_explains_itself() {
    let out = crosswalk(&[
        "match",
        "--title",
        "Reflective Supervision Foundations",
        "The supervisory relationship and parallel process for infant mental health supervisors. \
         Registration: $40.",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Bucket: rsc"), "{text}");
    assert!(
        text.contains("Direct Service Skills / Reflective Supervision"),
        "{text}"
    );
    assert!(text.contains("evidence: "), "{text}");
    assert!(
        text.contains("Not matched (logistics): Registration: $40."),
        "{text}"
    );
}

#[test]
fn several_inputs_are_audited_together() {
    let (report, _) = audit_json(&["samples/agency-catalog.csv", "samples/thin-catalog.csv"]);
    assert_eq!(report.courses.len(), 40 + 12);
    let files: std::collections::BTreeSet<&str> = report
        .courses
        .iter()
        .map(|c| c.source.file.as_str())
        .collect();
    assert_eq!(files.len(), 2);
    assert_eq!(
        report.summary.rows_seen,
        report.summary.rows_used + report.summary.rows_skipped
    );
}

#[test]
fn a_framework_file_of_ones_own_is_used() {
    let dir = tempfile::tempdir().expect("temp");
    let text = std::fs::read_to_string(root().join("mappings/imhm-c-2025.toml"))
        .expect("framework")
        .replace("id = \"imhm-c-2025\"", "id = \"my-agency\"")
        .replace(
            "hours = 15\naccepts = [\"rsc\"]",
            "hours = 30\naccepts = [\"rsc\"]",
        )
        .replace("hours = 48\n", "hours = 63\n");
    let path = dir.path().join("mine.toml");
    std::fs::write(&path, text).expect("write");
    let (report, _) = audit_json(&[
        "samples/agency-catalog.xlsx",
        "--framework",
        path.to_str().expect("path"),
    ]);
    assert_eq!(report.framework.id, "my-agency");
    let rsc = requirement(&report, "rsc");
    assert_eq!(rsc.required_hours, 30.0);
    assert!(!rsc.met);
    assert_eq!(rsc.status, "short");
}

#[test]
fn gaps_tell_missing_training_from_other_evidence() {
    let (report, _) = audit_json(&["samples/thin-catalog.csv"]);
    let status_of = |id: &str| {
        report
            .gaps
            .iter()
            .find(|g| g.id == id)
            .map(|g| g.status.as_str())
    };
    assert_eq!(
        status_of("theoretical-foundations/attachment-separation-trauma-grief-and-loss"),
        Some("uncovered")
    );
    assert_eq!(
        status_of("reflection/parallel-process"),
        Some("other-evidence")
    );
    assert_eq!(
        status_of("working-with-others/collaborating"),
        Some("other-evidence")
    );
}

#[test]
fn overlong_cell_text_is_cut_with_a_visible_marker() {
    let dir = tempfile::tempdir().expect("temp");
    let input = dir.path().join("long.csv");
    let long = "attachment ".repeat(4000);
    std::fs::write(
        &input,
        format!("Title,Description,Hours\nLong one,{long},2\n"),
    )
    .expect("write");
    let mut wb = audit_workbook(&input, dir.path());
    let courses = wb.worksheet_range("Courses").expect("Courses");
    let Data::String(text) = cell(&courses, 1, 16) else {
        panic!("description cell")
    };
    assert!(text.chars().count() <= 32_767);
    assert!(
        text.ends_with('…') || text.ends_with("[cut]"),
        "{}",
        &text[text.len() - 20..]
    );
}

#[test]
fn matching_is_the_same_on_one_thread_and_on_many() {
    // The samples plus the labeled sets: several hundred varied descriptions.
    let inputs = [
        "samples/agency-catalog.xlsx",
        "samples/thin-catalog.csv",
        "mappings/examples/imhm-c-2025/tuning.csv",
        "tests/data/labeled/test.csv",
        "mappings/examples/imhm-c-2025/tuning2.csv",
    ];
    let with_threads = |n: Option<&str>| {
        let mut args = inputs.to_vec();
        if let Some(n) = n {
            args.extend(["--threads", n]);
        }
        audit_json(&args)
    };
    let (report, many) = with_threads(None);
    let (_, one) = with_threads(Some("1"));
    let (_, four) = with_threads(Some("4"));
    assert!(report.courses.len() > 300, "{}", report.courses.len());
    assert_eq!(one, many);
    assert_eq!(one, four);
}

#[test]
fn presenter_audience_logistics_and_prerequisites_are_not_matched() {
    let dir = tempfile::tempdir().expect("temp");
    let input = dir.path().join("flyers.csv");
    std::fs::write(
        &input,
        "Title,Description,Hours\n\
         Budgeting Basics,\"Line-item budgets and monthly variance reports.\n\
         Presenter: Pat Rivera, LCSW, IMH-E, has provided reflective supervision for years.\n\
         Audience: infant mental health specialists.\n\
         Registration: $40. Lunch provided.\",3\n\
         ACCT 2010 Accounting,\"The accounting cycle. Prerequisite: HDFS 2100 Attachment in Early Childhood.\",3\n\
         Toddlers and Big Feelings,\"How toddlers learn to manage emotions with caring adults.\",2\n",
    )
    .expect("write");
    let (report, _) = audit_json(&[input.to_str().expect("path")]);
    let budgeting = &report.courses[0];
    assert_eq!(budgeting.bucket, "none");
    assert!(
        budgeting
            .knowledge_areas
            .iter()
            .all(|k| k.name != "Reflective Supervision"
                && k.name != "Relationship-focused Therapeutic Practice"),
        "{:?}",
        budgeting.knowledge_areas
    );
    let kinds: Vec<&str> = budgeting
        .set_aside
        .iter()
        .map(|s| s.kind.as_str())
        .collect();
    assert_eq!(kinds, ["presenter", "audience", "logistics", "logistics"]);
    assert!(
        budgeting.set_aside[0]
            .text
            .starts_with("Presenter: Pat Rivera")
    );
    let accounting = &report.courses[1];
    assert_eq!(accounting.bucket, "none");
    assert_eq!(accounting.set_aside[0].kind, "course-notes");
    assert!(
        accounting.knowledge_areas.is_empty(),
        "{:?}",
        accounting.knowledge_areas
    );
    let toddlers = &report.courses[2];
    assert!(toddlers.set_aside.is_empty());
    assert_eq!(toddlers.bucket, "social-emotional");

    // The workbook says so in the course's flags.
    let mut wb = audit_workbook(&input, dir.path());
    let courses = wb.worksheet_range("Courses").expect("Courses");
    let flagged: Vec<String> = courses
        .rows()
        .flat_map(|row| row.iter())
        .filter_map(|c| match c {
            Data::String(s) if s.contains("not matched:") => Some(s.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(flagged.len(), 2, "{flagged:?}");
    assert!(
        flagged[0]
            .contains("not matched: 4 sentences about presenter or sponsor, audience, logistics"),
        "{flagged:?}"
    );
}

#[test]
fn the_summary_prints_on_one_page_and_the_other_sheets_one_page_wide() {
    let dir = tempfile::tempdir().expect("temp");
    audit_workbook(&root().join("samples/agency-catalog.csv"), dir.path());
    let file = std::fs::File::open(dir.path().join("out.xlsx")).expect("workbook");
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    let mut page_setup = |sheet: usize| -> String {
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut zip
                .by_name(&format!("xl/worksheets/sheet{sheet}.xml"))
                .expect("sheet part"),
            &mut xml,
        )
        .expect("xml");
        let start = xml.find("<pageSetup").expect("page setup");
        xml[start..start + xml[start..].find('>').expect("tag end")].to_string()
    };
    let summary = page_setup(1);
    assert!(
        summary.contains("landscape") && !summary.contains("fitToHeight"),
        "{summary}"
    );
    let courses = page_setup(2);
    assert!(courses.contains("fitToHeight=\"0\""), "{courses}");
}
