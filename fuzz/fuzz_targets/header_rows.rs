//! Any table of text cells through header detection: never panic, and a header found lies
//! within the rows with a title or description column.
#![no_main]

use crosswalk::catalog::{Cell, RawRow, Role, detect_header};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let rows: Vec<RawRow> = text
        .lines()
        .take(64)
        .enumerate()
        .map(|(i, line)| RawRow {
            number: i as u32 + 1,
            cells: line
                .split(['\t', ',', ';'])
                .take(64)
                .map(|c| if c.trim().is_empty() { Cell::Empty } else { Cell::Text(c.to_string()) })
                .collect(),
            cells_left_out: 0,
        })
        .collect();
    if let Some((index, map)) = detect_header(&rows) {
        assert!(index < rows.len());
        assert!(map.get(Role::Title).is_some() || map.get(Role::Description).is_some());
    }
});
