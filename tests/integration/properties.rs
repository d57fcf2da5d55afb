//! Property tests: parsers never panic, and every generated row is used or skipped.

use crosswalk::audit::{AuditOptions, load};
use crosswalk::normalize::hours::{Unit, parse};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_hours_parser_never_panics_and_never_goes_negative(text in "\\PC{0,24}") {
        if let Ok(q) = parse(&text, Unit::Hours) {
            prop_assert!(q.amount.is_finite());
            prop_assert!(q.amount >= 0.0);
        }
    }

    #[test]
    fn hours_written_as_numbers_read_back(whole in 0u32..500, quarter in 0u32..4) {
        let value = f64::from(whole) + f64::from(quarter) * 0.25;
        let q = parse(&format!("{value} hrs"), Unit::Hours).expect("hours");
        prop_assert!((q.amount - value).abs() < 1e-9);
    }

    #[test]
    fn every_row_is_used_or_skipped(
        rows in prop::collection::vec(
            (prop::option::of("[A-Za-z ]{0,30}"), prop::option::of("[A-Za-z ,.]{0,60}"), prop::option::of("[0-9a-z ./]{0,8}")),
            0..40,
        ),
        title_rows in 0usize..3,
    ) {
        let dir = tempfile::tempdir().expect("temp");
        let path = dir.path().join("generated.csv");
        let mut text = String::new();
        for i in 0..title_rows {
            text.push_str(&format!("Catalog title line {i}\n"));
        }
        text.push_str("Title,Description,Hours\n");
        for (title, description, hours) in &rows {
            let field = |f: &Option<String>| f.clone().unwrap_or_default().replace(',', " ");
            text.push_str(&format!("{},{},{}\n", field(title), field(description), field(hours)));
        }
        std::fs::write(&path, &text).expect("write");
        let loaded = load(&AuditOptions { inputs: vec![path], ..AuditOptions::default() }).expect("load");
        let input = &loaded.inputs[0];
        prop_assert_eq!(input.rows_seen, input.rows_used + input.rows_skipped);
        prop_assert_eq!(input.rows_seen, title_rows + 1 + rows.len());
        let skipped_rows: usize = loaded.skipped.iter().map(|s| s.rows()).sum();
        prop_assert_eq!(loaded.courses.len() + skipped_rows, input.rows_seen);
    }
}
