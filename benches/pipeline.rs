//! Criterion benchmarks of the hot stages: matching one course, matching a catalog's worth,
//! and the max-flow allocation. They measure; they assert nothing about time.
// criterion's macros generate undocumented public functions.
#![allow(missing_docs)]

use criterion::{Criterion, criterion_group, criterion_main};
use crosswalk::allocate::{Offer, allocate};
use crosswalk::framework::load_default;
use crosswalk::matcher::Matcher;
use std::hint::black_box;

const COURSES: &[(&str, &str)] = &[
    (
        "Attachment in the First Three Years",
        "Participants explore attachment theory, secure and insecure patterns, and how caregivers' own histories shape the way they respond to their babies' cues.",
    ),
    (
        "Reflective Supervision Foundations",
        "An introduction to reflective supervision/consultation for supervisors in infant and early childhood programs: the supervisory relationship and the parallel process.",
    ),
    (
        "CPR and First Aid",
        "Pediatric and adult CPR with first aid certification.",
    ),
    (
        "Salud mental infantil y apego",
        "Capacitación sobre el apego, el desarrollo socioemocional del bebé y la relación padre-hijo.",
    ),
    ("Seminar", ""),
];

fn matching(c: &mut Criterion) {
    let fw = load_default().expect("framework");
    c.bench_function("compile the vocabulary", |b| {
        b.iter(|| Matcher::new(black_box(&fw)))
    });
    let matcher = Matcher::new(&fw);
    c.bench_function("match one course", |b| {
        b.iter(|| matcher.match_course(black_box(COURSES[0].0), black_box(COURSES[0].1)))
    });
    c.bench_function("match 1,000 courses", |b| {
        b.iter(|| {
            for i in 0..1000 {
                let (title, description) = COURSES[i % COURSES.len()];
                black_box(matcher.match_course(title, description));
            }
        })
    });
}

fn allocation(c: &mut Criterion) {
    let fw = load_default().expect("framework");
    let buckets: [&[&str]; 4] = [
        &["social-emotional"],
        &["rsc"],
        &["social-emotional", "rsc"],
        &[],
    ];
    let offers: Vec<Offer> = (0..10_000)
        .map(|i| Offer {
            hours: 1.0 + (i % 7) as f64 * 0.5,
            eligible: buckets[i % 4].iter().map(|s| s.to_string()).collect(),
        })
        .collect();
    c.bench_function("allocate 10,000 courses", |b| {
        b.iter(|| allocate(black_box(&fw), black_box(&offers)))
    });
}

criterion_group!(benches, matching, allocation);
criterion_main!(benches);
