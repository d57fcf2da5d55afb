//! The bundled framework against the seed: names, counts, requirement figures; and the
//! validator as a command.

use crate::common::{crosswalk, root, stderr, stdout};
use crosswalk::framework::{self, RequirementKind};

#[test]
fn default_framework_has_nine_areas_and_54_knowledge_areas() {
    let fw = framework::load_default().expect("default framework");
    assert_eq!(fw.areas.len(), 9);
    assert_eq!(fw.knowledge_areas.len(), 54);
    let advocacy: Vec<&str> = fw
        .knowledge_areas
        .iter()
        .filter(|k| k.name == "Advocacy")
        .map(|k| k.area.as_str())
        .collect();
    assert_eq!(advocacy, ["direct-service-skills", "leading-people"]);
    assert_eq!(fw.knowledge_areas[0].name, "Pregnancy and Early Parenthood");
    assert_eq!(fw.knowledge_areas[53].name, "Parallel Process");
}

#[test]
fn ids_are_area_slug_slash_name_slug() {
    let fw = framework::load_default().expect("default framework");
    for area in &fw.areas {
        assert_eq!(area.id, framework::slug(&area.name));
    }
    for ka in &fw.knowledge_areas {
        assert_eq!(ka.id, format!("{}/{}", ka.area, framework::slug(&ka.name)));
    }
}

#[test]
fn requirement_figures_are_48_33_15() {
    let fw = framework::load_default().expect("default framework");
    let hours = |id: &str| {
        fw.requirements
            .iter()
            .find(|r| r.id == id)
            .map(|r| (r.hours, r.kind))
            .expect("requirement")
    };
    assert_eq!(hours("training-total"), (48.0, RequirementKind::Total));
    assert_eq!(hours("social-emotional"), (33.0, RequirementKind::Part));
    assert_eq!(hours("rsc"), (15.0, RequirementKind::Part));
}

#[test]
fn frameworks_check_accepts_the_bundled_file() {
    let out = crosswalk(&["frameworks", "check", "mappings/imhm-c-2025.toml"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("valid (9 areas, 54 knowledge areas"));
}

/// The bundled default framework file's text, for tests that edit it.
fn default_framework_text() -> String {
    std::fs::read_to_string(root().join("mappings/imhm-c-2025.toml")).expect("framework")
}

/// Runs `crosswalk frameworks check` on a framework file with this text.
fn check_framework_text(text: &str) -> std::process::Output {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("framework.toml");
    std::fs::write(&path, text).expect("write");
    crosswalk(&["frameworks", "check", path.to_str().expect("path")])
}

#[test]
fn frameworks_check_reports_a_broken_reference_in_one_line() {
    let text = default_framework_text().replacen(
        "area = \"theoretical-foundations\"",
        "area = \"theoretical-foundation\"",
        1,
    );
    let out = check_framework_text(&text);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("names area 'theoretical-foundation', which is not defined"),
        "{err}"
    );
}

#[test]
fn a_bucket_alias_that_names_another_bucket_or_none_is_refused() {
    let base = default_framework_text();
    for (alias, expected) in [
        ("IMH", "'IMH' also names bucket"),
        (
            "N/A",
            "bucket 'rsc': 'N/A' is how labeled files write 'none'",
        ),
    ] {
        let text = base.replacen(
            "aliases = [\"RSC\",",
            &format!("aliases = [\"{alias}\", \"RSC\","),
            1,
        );
        let out = check_framework_text(&text);
        assert!(!out.status.success());
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(expected), "{err}");
    }
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosswalk"))
        .args(["audit", "samples/agency-catalog.xlsx", "--json", "-", "-q"])
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("first line");
    // The reader is dropped here, closing the pipe long before the JSON is all written.
    let out = child.wait_with_output().expect("wait");
    assert_eq!(first.trim(), "{");
    assert!(out.status.success(), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_vocabulary_entry_that_begins_or_ends_with_a_stop_word_is_refused() {
    // Matching leaves stop words out, so "la pareja" would match every "pareja" and "what the
    // baby is feeling" every "baby ... feeling": the file says more than crosswalk would do.
    // Acronyms in capitals and hyphenated compounds ("catch-up") keep their words.
    let base = default_framework_text();
    for (entry, word) in [
        ("la pareja", "la"),
        ("what the baby is feeling", "what"),
        ("ASQ of", "of"),
    ] {
        let text = base.replacen("terms = [", &format!("terms = [\"{entry}\", "), 1);
        let out = check_framework_text(&text);
        assert!(!out.status.success(), "{entry}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!(
                "vocabulary entry '{entry}' begins or ends with '{word}'"
            )),
            "{err}"
        );
    }
    for entry in ["IT security", "catch-up growth"] {
        let text = base.replacen("terms = [", &format!("terms = [\"{entry}\", "), 1);
        let out = check_framework_text(&text);
        assert!(out.status.success(), "{entry}: {}", stderr(&out));
    }
}
