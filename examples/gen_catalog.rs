//! Writes a synthetic catalog of N trainings for timing runs: a seeded mix of infant mental
//! health, reflective supervision, adjacent and unrelated topics, with hours written the ways
//! people write them. The same seed gives the same file.
//!
//! `cargo run --release --example gen_catalog -- 10000 /tmp/catalog-10k.xlsx [seed]`
//! (csv when the path ends in .csv).

use rust_xlsxwriter::Workbook;
use std::error::Error;

const TOPICS: &[(&str, &str)] = &[
    (
        "Attachment and Early Relationships",
        "how secure attachment grows between infants and caregivers, and what gets in its way",
    ),
    (
        "Reflective Supervision in Practice",
        "the supervisory relationship, parallel process and holding a reflective stance with home visitors",
    ),
    (
        "Trauma and Loss in Early Childhood",
        "early trauma, separation, grief and toxic stress in the lives of toddlers and their parents",
    ),
    (
        "Developmental Screening",
        "using the ASQ-3 and ASQ:SE-2 with families and deciding when to refer",
    ),
    (
        "Perinatal Mental Health",
        "depression and anxiety during pregnancy and postpartum and their effect on the parent-infant relationship",
    ),
    (
        "Cultural Humility with Families",
        "our own identities and biases, equity, and partnering with families across cultures",
    ),
    (
        "Child-Parent Psychotherapy",
        "the CPP model for young children who have experienced trauma and their caregivers",
    ),
    (
        "Infant Brain Development",
        "serve and return, self-regulation and language development in the first three years",
    ),
    (
        "Ethics and Confidentiality",
        "confidentiality, informed consent, boundaries and ethical dilemmas in home visiting",
    ),
    (
        "Community Resources",
        "referrals to WIC, housing assistance and food banks for families with young children",
    ),
    (
        "Program Evaluation",
        "logic models, fidelity and outcome measurement for early childhood programs",
    ),
    (
        "Group Facilitation",
        "facilitating parent support groups and managing group dynamics",
    ),
    (
        "Adolescent Health",
        "identifying depression and substance use in high school students",
    ),
    (
        "Workplace Safety",
        "fire drills, evacuation routes and emergency procedures for staff",
    ),
    (
        "Spreadsheet Skills",
        "formulas, filters and pivot tables for tracking caseloads",
    ),
    (
        "Salud mental infantil",
        "el apego, el desarrollo socioemocional del bebé y la relación padre-hijo",
    ),
];
const FORMATS: &[&str] = &[
    "Workshop",
    "Seminar",
    "Webinar",
    "Institute",
    "Learning Series",
    "Training",
];
const LEVELS: &[&str] = &[
    "Introduction to",
    "Advanced",
    "Foundations of",
    "Applied",
    "Essentials of",
    "",
];
const HOURS: &[&str] = &[
    "1",
    "1.5",
    "2",
    "3",
    "6",
    "12",
    "1.5 hrs",
    "90 minutes",
    "1 1/2",
    "3 hours",
    "45 min",
    "2,5",
];

struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args
        .get(1)
        .ok_or("usage: gen_catalog N OUT [SEED]")?
        .parse()?;
    let out = args.get(2).ok_or("usage: gen_catalog N OUT [SEED]")?;
    let seed: u64 = args.get(3).map(|s| s.parse()).transpose()?.unwrap_or(42);
    let mut rng = Lcg(seed);
    let header = [
        "Course ID",
        "Training Title",
        "Description",
        "Clock Hours",
        "Presenter",
    ];
    let mut rows = Vec::with_capacity(n);
    for i in 0..n {
        let (topic, about) = TOPICS[rng.next(TOPICS.len())];
        let (second, about2) = TOPICS[rng.next(TOPICS.len())];
        let level = LEVELS[rng.next(LEVELS.len())];
        let format = FORMATS[rng.next(FORMATS.len())];
        let title = format!("{level} {topic} {format}").trim().to_string();
        let description = if rng.next(10) == 0 {
            String::new()
        } else {
            format!(
                "This {} explores {about}. Participants also consider {about2}, drawing on {} and case examples from practice.",
                format.to_lowercase(),
                second.to_lowercase()
            )
        };
        rows.push([
            format!("G-{i:06}"),
            title,
            description,
            HOURS[rng.next(HOURS.len())].to_string(),
            format!("Presenter {}", rng.next(200)),
        ]);
    }
    if out.ends_with(".csv") {
        let mut w = csv::Writer::from_path(out)?;
        w.write_record(header)?;
        for row in &rows {
            w.write_record(row)?;
        }
        w.flush()?;
    } else {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        for (c, h) in header.iter().enumerate() {
            ws.write_string(0, c as u16, *h)?;
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                match v.parse::<f64>() {
                    Ok(x) if c == 3 => ws.write_number(r as u32 + 1, c as u16, x)?,
                    _ => ws.write_string(r as u32 + 1, c as u16, v)?,
                };
            }
        }
        wb.save(out)?;
    }
    eprintln!("wrote {n} trainings to {out}");
    Ok(())
}
