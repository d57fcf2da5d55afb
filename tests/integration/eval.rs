//! `crosswalk eval`: the labeled set's figures may not regress, and labeled files are read
//! strictly.

use crate::common::{crosswalk, root, stderr};
use serde_json::Value;

/// Figures reached on the test part (tests/data/labeled/test.csv), minus a small margin.
/// Raise them when the matcher improves; never lower them to make a change pass.
const MIN_MICRO_F1: f64 = 0.745;
const MIN_TOP1: f64 = 0.82;
const MIN_BUCKET: f64 = 0.90;

fn eval_json(file: &str) -> Value {
    let path = root().join(file);
    let out = crosswalk(&["eval", path.to_str().expect("test setup"), "--json", "-"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("test setup")
}

fn figure(report: &Value, system: &str, pointer: &str) -> f64 {
    report[system]
        .pointer(pointer)
        .and_then(Value::as_f64)
        .unwrap_or_else(|| panic!("{system}{pointer} missing"))
}

#[test]
fn test_part_figures_do_not_regress() {
    let r = eval_json("tests/data/labeled/test.csv");
    assert_eq!(r["courses_evaluated"], 129);
    assert!(
        r["examples"].as_u64().is_some_and(|n| n > 500),
        "{}",
        r["examples"]
    );
    let micro = figure(&r, "crosswalk", "/micro/f1");
    let top1 = figure(&r, "crosswalk", "/top1/accuracy");
    let bucket = figure(&r, "crosswalk", "/bucket/accuracy");
    assert!(micro >= MIN_MICRO_F1, "micro-F1 fell to {micro:.3}");
    assert!(top1 >= MIN_TOP1, "top-1 accuracy fell to {top1:.3}");
    assert!(bucket >= MIN_BUCKET, "bucket accuracy fell to {bucket:.3}");
    // The matcher must stay well above the title-only baseline.
    assert!(micro > 2.0 * figure(&r, "baseline", "/micro/f1"));
    assert!(top1 > 2.0 * figure(&r, "baseline", "/top1/accuracy"));
    assert!(bucket > figure(&r, "baseline", "/bucket/accuracy") + 0.1);
}

#[test]
fn without_examples_the_vocabulary_alone_is_scored() {
    let path = root().join("tests/data/labeled/test.csv");
    let out = crosswalk(&[
        "eval",
        path.to_str().expect("test setup"),
        "--no-examples",
        "--json",
        "-",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let r: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(r["examples"], 0);
    let alone = figure(&r, "crosswalk", "/micro/f1");
    let with = figure(
        &eval_json("tests/data/labeled/test.csv"),
        "crosswalk",
        "/micro/f1",
    );
    assert!(alone > 0.5 && alone != with, "{alone} vs {with}");
}

#[test]
fn counts_add_up_on_the_tuning_part() {
    let r = eval_json("mappings/examples/imhm-c-2025/tuning.csv");
    let n = r["courses_evaluated"].as_u64().expect("test setup");
    assert_eq!(n, 131);
    let confusion: u64 = r["crosswalk"]["bucket_confusion"]["counts"]
        .as_array()
        .expect("test setup")
        .iter()
        .flat_map(|row| row.as_array().expect("test setup"))
        .map(|c| c.as_u64().expect("test setup"))
        .sum();
    assert_eq!(confusion, n);
    let micro = &r["crosswalk"]["micro"];
    let labeled: u64 = r["courses"]
        .as_array()
        .expect("test setup")
        .iter()
        .map(|c| c["labeled"].as_array().expect("test setup").len() as u64)
        .sum();
    assert_eq!(
        micro["tp"].as_u64().expect("test setup") + micro["fn"].as_u64().expect("test setup"),
        labeled
    );
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("test setup");
    path.to_str().expect("test setup").to_string()
}

#[test]
fn a_label_column_is_never_text_to_match() {
    // Were the labels read as text, "Safety" and "Statistics" would match themselves.
    let dir = tempfile::tempdir().expect("test setup");
    let path = write(
        &dir,
        "l.csv",
        "Title,Description,Knowledge areas,Bucket\n\
         Budget basics,Spreadsheets for the office.,Safety; Statistics,none\n",
    );
    let out = crosswalk(&["eval", &path, "--json", "-"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let r: Value = serde_json::from_slice(&out.stdout).expect("test setup");
    assert_eq!(r["crosswalk"]["micro"]["tp"], 0);
    assert_eq!(r["crosswalk"]["micro"]["fn"], 2);
}

#[test]
fn label_errors_name_row_and_column() {
    let dir = tempfile::tempdir().expect("test setup");
    let unknown = write(
        &dir,
        "u.csv",
        "Title,Knowledge areas,Bucket,Hours\nA,Attachment Theory,none,1\n",
    );
    let out = crosswalk(&["eval", &unknown]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("u.csv: row 2, column B"), "{err}");
    assert!(
        err.contains("'Attachment Theory' is not a knowledge area"),
        "{err}"
    );

    let ambiguous = write(
        &dir,
        "a.csv",
        "Title,Knowledge areas,Bucket,Hours\nA,Advocacy,none,1\n",
    );
    let err = stderr(&crosswalk(&["eval", &ambiguous]));
    assert!(err.contains("'Direct Service Skills: Advocacy'"), "{err}");
    assert!(err.contains("'Leading People: Advocacy'"), "{err}");

    let bucket = write(
        &dir,
        "b.csv",
        "Title,Knowledge areas,Bucket,Hours\nA,Safety,maybe,1\n",
    );
    let err = stderr(&crosswalk(&["eval", &bucket]));
    assert!(err.contains("row 2, column C: bucket 'maybe'"), "{err}");

    let none = write(&dir, "n.csv", "Title,Hours\nA,1\n");
    let err = stderr(&crosswalk(&["eval", &none]));
    assert!(err.contains("no label columns"), "{err}");
}
