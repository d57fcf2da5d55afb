//! Keeps the README true: its two commands, and the sample summary it shows.

use crate::common::{crosswalk, root, stderr, stdout};

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).expect("README.md")
}

#[test]
fn the_readme_sample_summary_is_what_the_sample_gives() {
    let text = readme();
    let start = text
        .find("The terminal summary for the sample:")
        .expect("summary section");
    let block = &text[start..];
    let block = &block[block.find("```text").expect("text block") + 7..];
    let block = &block[..block.find("```").expect("block end")];
    let out = crosswalk(&[
        "audit",
        "samples/agency-catalog.xlsx",
        "--json",
        "/dev/null",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let printed = stdout(&out);
    for line in block.lines().filter(|l| !l.trim().is_empty()) {
        assert!(
            printed.contains(line),
            "README line not in the output: {line:?}\n{printed}"
        );
    }
}

#[test]
fn the_readme_test_command_is_what_ci_runs() {
    let ci = std::fs::read_to_string(root().join(".ci/run")).expect(".ci/run");
    assert!(readme().contains("cargo test --locked"));
    assert!(ci.contains("cargo test --locked"));
    assert!(readme().contains("cargo run --release -- audit samples/agency-catalog.xlsx"));
    assert!(root().join("samples/agency-catalog.xlsx").exists());
}
