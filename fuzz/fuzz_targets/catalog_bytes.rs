//! Any bytes as a catalog file: read, normalize, never panic; rows always accounted for.
#![no_main]

use crosswalk::catalog::{ReadOptions, read_bytes};
use crosswalk::normalize::{NormalizeOptions, normalize};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    // crosswalk catches panics inside the spreadsheet readers and reports the file as
    // damaged; a silent hook lets those pass, while a panic that escapes still aborts.
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let options = ReadOptions::default();
    if let Ok(table) = read_bytes(data.to_vec(), Path::new("fuzz.bin"), &options) {
        let rows = normalize(&table, &NormalizeOptions::default());
        let skipped: usize = rows.skipped.iter().map(|s| s.rows()).sum();
        assert_eq!(rows.rows_seen, rows.courses.len() + skipped);
    }
});
