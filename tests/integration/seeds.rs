//! Every bundled framework against its seed: the file matches the fixture of expected names,
//! designations and requirement figures (facts kept in tests/fixtures), and the fixture matches
//! the seed text itself when ../shared/seeds is present, so the data cannot drift and the suite
//! still runs for someone who cloned only the project.

use crate::common::root;
use crosswalk::framework;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Deserialize)]
struct Fixture {
    framework: Vec<Expected>,
}

#[derive(Debug, Deserialize)]
struct Expected {
    id: String,
    seed: String,
    requirement_hours: Vec<f64>,
    names_in_seed: bool,
    area: Vec<ExpectedArea>,
}

#[derive(Debug, Deserialize)]
struct ExpectedArea {
    name: String,
    designations: Vec<String>,
    items: Vec<String>,
}

fn fixture() -> Fixture {
    let text = std::fs::read_to_string(root().join("tests/fixtures/framework-names.toml"))
        .expect("fixture");
    toml::from_str(&text).expect("fixture parses")
}

fn seed_text(number: &str) -> Option<String> {
    let dir = root().join("../shared/seeds");
    let entries = std::fs::read_dir(&dir).ok()?;
    let path: PathBuf = entries.filter_map(|e| e.ok().map(|e| e.path())).find(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(&format!("{number}_")))
    })?;
    let text = std::fs::read_to_string(path).ok()?;
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[test]
fn every_seed_has_a_bundled_framework() {
    let seeds: Vec<String> = fixture().framework.iter().map(|f| f.seed.clone()).collect();
    assert_eq!(seeds, ["002", "001", "000", "003", "004"]);
    for expected in fixture().framework {
        assert!(
            framework::BUNDLED.iter().any(|b| b.id == expected.id),
            "{} is bundled",
            expected.id
        );
    }
}

#[test]
fn framework_files_match_the_fixture() {
    for expected in fixture().framework {
        let fw = framework::load(&expected.id).expect("bundled framework loads");
        let areas: Vec<&str> = fw.areas.iter().map(|a| a.name.as_str()).collect();
        let want: Vec<&str> = expected.area.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(areas, want, "{}: areas", expected.id);
        for (area, want) in fw.areas.iter().zip(&expected.area) {
            let items: Vec<&str> = fw
                .knowledge_areas
                .iter()
                .filter(|k| k.area == area.id)
                .map(|k| k.name.as_str())
                .collect();
            assert_eq!(items, want.items, "{}: {}", expected.id, area.name);
            assert_eq!(
                area.designations, want.designations,
                "{}: {}",
                expected.id, area.name
            );
        }
        let hours: Vec<f64> = fw.requirements.iter().map(|r| r.hours).collect();
        assert_eq!(
            hours, expected.requirement_hours,
            "{}: requirements",
            expected.id
        );
        for ka in &fw.knowledge_areas {
            assert_eq!(
                ka.id,
                format!("{}/{}", ka.area, ka.id.rsplit('/').next().unwrap_or(""))
            );
            assert!(
                !ka.terms.is_empty(),
                "{}: {} has vocabulary",
                expected.id,
                ka.id
            );
        }
    }
}

#[test]
fn the_fixture_matches_the_seeds() {
    for expected in fixture().framework {
        let Some(seed) = seed_text(&expected.seed) else {
            eprintln!("seed {} not present: skipped", expected.seed);
            continue;
        };
        if expected.names_in_seed {
            for area in &expected.area {
                assert!(
                    seed.contains(&area.name),
                    "seed {}: area {:?}",
                    expected.seed,
                    area.name
                );
                for item in &area.items {
                    assert!(
                        seed.contains(item.as_str()),
                        "seed {}: {:?}",
                        expected.seed,
                        item
                    );
                }
            }
        }
        for hours in &expected.requirement_hours {
            let phrase = format!("{hours} clock hours");
            let short = format!("{hours} hours");
            assert!(
                seed.contains(&phrase) || seed.contains(&short),
                "seed {}: {hours} hours",
                expected.seed
            );
        }
    }
}

#[test]
fn designations_are_the_seeds() {
    let fixture = fixture();
    let find = |id: &str| {
        fixture
            .framework
            .iter()
            .find(|f| f.id == id)
            .expect("framework")
    };
    // The impact map marks areas: "Working With Others (C)", "Reflection (C, S)".
    if let Some(seed) = seed_text("003") {
        for area in &find("imhm-l4-impact").area {
            if !area.designations.is_empty() {
                let marked = format!("{} ({})", area.name, area.designations.join(", "));
                assert!(seed.contains(&marked), "seed 003: {marked}");
            }
        }
    }
    // The older Mentor guidelines mark statements within each area: (A), (C), (P/RF), (RF).
    if let Some(seed) = seed_text("000") {
        let lower = seed.to_lowercase();
        for area in &find("imhm-pre2025").area {
            let start = lower
                .find(&format!("area of expertise: {}", area.name.to_lowercase()))
                .unwrap_or_else(|| panic!("seed 000: section {}", area.name));
            let rest = &seed[start + 18..];
            let end = rest
                .to_lowercase()
                .find("area of expertise:")
                .unwrap_or(rest.len());
            let section = &rest[..end];
            for d in &area.designations {
                assert!(
                    section.contains(&format!("({d})")),
                    "seed 000: {} ({d})",
                    area.name
                );
            }
        }
    }
}

#[test]
fn consultant_items_follow_the_seed_lists() {
    let fixture = fixture();
    let consultant = fixture
        .framework
        .iter()
        .find(|f| f.id == "imh-consultant")
        .expect("004");
    let counts: Vec<usize> = consultant.area.iter().map(|a| a.items.len()).collect();
    assert_eq!(counts, [4, 10, 15, 5]);
    let Some(_) = seed_text("004") else { return };
    let raw = std::fs::read_dir(root().join("../shared/seeds"))
        .expect("seeds")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("004_"))
        })
        .map(|p| std::fs::read_to_string(p).expect("seed 004"))
        .expect("seed 004");
    // Consecutive runs of "- " list items, in order: guidelines, knowledge, skills, practice.
    let mut runs = Vec::new();
    let mut current = 0;
    for line in raw.lines() {
        if line.starts_with("- ") {
            current += 1;
        } else if !line.trim().is_empty() && current > 0 {
            runs.push(current);
            current = 0;
        }
    }
    if current > 0 {
        runs.push(current);
    }
    assert_eq!(runs, counts, "seed 004 list lengths");
}
