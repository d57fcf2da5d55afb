//! `crosswalk program`: the curriculum map of a course list against one or more frameworks.

use crate::common::{LULLABY_COURSE, LULLABY_EXAMPLES, crosswalk, stderr, stdout};
use calamine::{Reader, Xlsx, open_workbook};
use serde_json::Value;

fn program(args: &[&str]) -> Value {
    let mut all = vec!["program"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--json", "-", "-q"]);
    let out = crosswalk(&all);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("json")
}

#[test]
fn credits_become_clock_hours_with_the_stated_factor() {
    let semester = program(&["samples/university-program.csv"]);
    assert_eq!(semester["clock_hours_per_credit"], 15.0);
    assert_eq!(semester["courses"][0]["hours"], 45.0);
    let quarter = program(&[
        "samples/university-program.csv",
        "--credit-hours",
        "quarter",
    ]);
    assert_eq!(quarter["courses"][0]["hours"], 30.0);
    let custom = program(&["samples/university-program.csv", "--credit-hours", "1.5"]);
    assert_eq!(custom["courses"][0]["hours"], 4.5);
    assert_eq!(custom["courses"][11]["hours"], 6.0, "a 4-credit practicum");
}

#[test]
fn course_numbers_imply_levels() {
    let r = program(&["samples/university-program.csv"]);
    let levels: Vec<(&str, &str)> = r["courses"]
        .as_array()
        .expect("courses")
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap_or(""),
                c["curriculum_level"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(levels[0], ("IMH 501", "I"));
    assert_eq!(levels[5], ("IMH 601", "R"));
    assert_eq!(levels[10], ("IMH 701", "M"));
}

#[test]
fn a_level_column_wins_over_course_numbers() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("levels.csv");
    std::fs::write(
        &path,
        "Course,Title,Description,Credits,Level\n\
         A 101,Attachment,Attachment theory and the parent-infant relationship,3,Mastered\n\
         A 201,Reflective supervision,The supervisory relationship and parallel process,3,I\n",
    )
    .expect("write");
    let r = program(&[path.to_str().expect("path")]);
    assert_eq!(r["courses"][0]["curriculum_level"], "M");
    assert_eq!(r["courses"][0]["level_source"], "column");
    assert_eq!(r["courses"][1]["curriculum_level"], "I");
}

#[test]
fn one_map_per_framework_with_gaps_and_sole_sources() {
    let r = program(&[
        "samples/university-program.csv",
        "--framework",
        "imhm-c-2025",
        "--framework",
        "imhs-az",
    ]);
    let maps = r["frameworks"].as_array().expect("maps");
    assert_eq!(maps.len(), 2);
    assert_eq!(maps[1]["framework"]["id"], "imhs-az");
    let kas = maps[0]["knowledge_areas"].as_array().expect("kas");
    assert_eq!(kas.len(), 54);
    let attachment = kas
        .iter()
        .find(|k| k["id"] == "theoretical-foundations/attachment-separation-trauma-grief-and-loss")
        .expect("attachment");
    assert!(attachment["courses"].as_u64().unwrap_or(0) >= 1);
    let parallel = kas
        .iter()
        .find(|k| k["id"] == "reflection/parallel-process")
        .expect("parallel process");
    assert_eq!(parallel["sole_source"], "IMH 701");
    let thinking = maps[0]["areas"]
        .as_array()
        .expect("areas")
        .iter()
        .find(|a| a["name"] == "Thinking")
        .expect("Thinking");
    assert_eq!(thinking["not_mapped"].as_array().map(Vec::len), Some(5));
    // Every mapped cell is a course's selected match with evidence; the labeled examples
    // behind a match are named.
    let cells = maps[0]["cells"].as_array().expect("cells");
    for cell in cells {
        assert!(!cell["evidence"].as_array().expect("evidence").is_empty());
        assert!((1..=3).contains(&cell["depth"].as_u64().unwrap_or(0)));
    }
    assert!(
        cells
            .iter()
            .any(|c| c["like"].as_array().is_some_and(|l| !l.is_empty()))
    );
}

#[test]
fn the_workbook_has_a_map_a_rollup_and_a_gap_sheet_per_framework() {
    let dir = tempfile::tempdir().expect("temp");
    let out_path = dir.path().join("program.xlsx");
    let out = crosswalk(&[
        "program",
        "samples/university-program.csv",
        "--framework",
        "imhm-c-2025",
        "--framework",
        "imhm-l4-impact",
        "-o",
        out_path.to_str().expect("path"),
        "-q",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut wb: Xlsx<_> = open_workbook(&out_path).expect("opens");
    assert_eq!(
        wb.sheet_names(),
        [
            "Summary",
            "Map imhm-c-2025",
            "Areas imhm-c-2025",
            "Not mapped imhm-c-2025",
            "Map imhm-l4-impact",
            "Areas imhm-l4-impact",
            "Not mapped imhm-l4-impact",
            "Course vetting",
            "Skipped rows",
            "About"
        ]
    );
    let map = wb.worksheet_range("Map imhm-c-2025").expect("map");
    assert_eq!(map.width(), 4 + 54);
    assert_eq!(
        map.get((2, 0)).map(|d| d.to_string()),
        Some("IMH 501".to_string())
    );
}

#[test]
fn a_universitys_own_labeled_courses_vote_in_every_map() {
    let dir = tempfile::tempdir().expect("temp");
    let examples = dir.path().join("our labels.csv");
    std::fs::write(&examples, LULLABY_EXAMPLES).expect("test setup");
    let courses = dir.path().join("courses.csv");
    let (title, text) = LULLABY_COURSE;
    std::fs::write(
        &courses,
        format!("Course,Title,Description,Credits\nFS 210,{title},{text},1\n"),
    )
    .expect("test setup");
    let map = dir.path().join("map.xlsx");
    let (courses, examples, map) = (
        courses.to_str().expect("test setup"),
        examples.to_str().expect("test setup"),
        map.to_str().expect("test setup"),
    );
    let both = [
        courses,
        "--framework",
        "imhm-c-2025",
        "--framework",
        "imhs-az",
        "--no-examples",
    ];
    let alone = program(&both);
    let ours = program(&[&both[..], &["--examples", examples]].concat());
    let guidance = |r: &Value, map: usize| -> Value {
        r["frameworks"][map]["cells"]
            .as_array()
            .expect("cells")
            .iter()
            .find(|c| c["knowledge_area"] == "direct-service-skills/developmental-guidance")
            .cloned()
            .expect("developmental guidance is mapped")
    };
    for map in 0..2 {
        let (alone, ours) = (guidance(&alone, map), guidance(&ours, map));
        assert!(alone.get("like").is_none(), "{alone}");
        let like = ours["like"].as_array().expect("named examples");
        assert!(
            like.iter().any(|t| t == "Lullaby Circles for New Parents"),
            "{ours}"
        );
    }
    // The examples file is summed up once, not once per framework.
    let out = crosswalk(
        &[
            &["program"][..],
            &both,
            &["--examples", examples, "-o", map],
        ]
        .concat(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.matches("2 labeled courses read").count(), 1, "{err}");
}
