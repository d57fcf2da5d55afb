//! Any text through the hours and date parsers and the matcher: never panic, hours never
//! negative or infinite.
#![no_main]

use crosswalk::normalize::{dates, hours};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn matcher() -> &'static crosswalk::matcher::Matcher<'static> {
    static FW: OnceLock<crosswalk::framework::Framework> = OnceLock::new();
    static MATCHER: OnceLock<crosswalk::matcher::Matcher<'static>> = OnceLock::new();
    let fw = FW.get_or_init(|| crosswalk::framework::load_default().expect("default framework"));
    MATCHER.get_or_init(|| crosswalk::matcher::Matcher::new(fw))
}

fuzz_target!(|text: &str| {
    if let Ok(q) = hours::parse(text, hours::Unit::Hours) {
        assert!(q.amount.is_finite() && q.amount >= 0.0, "{text:?} -> {}", q.amount);
    }
    let _ = dates::parse_text(text);
    let matcher = matcher();
    let (title, description) = text.split_at(text.char_indices().nth(text.chars().count() / 3).map_or(0, |(i, _)| i));
    let m = matcher.match_course(title, description);
    assert!(m.candidates.iter().all(|c| (0.0..=1.0).contains(&c.score)));
});
