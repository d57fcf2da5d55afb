//! `crosswalk match`: why a piece of text maps where it does.

use crate::cli::MatchArgs;
use crosswalk::framework;
use crosswalk::matcher::examples::quoted_titles;
use serde::Serialize;

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    name: &'a str,
    area: &'a str,
    score: f64,
    matched: bool,
    evidence: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    excluded_by: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    like: &'a [String],
}

#[derive(Serialize)]
struct Output<'a> {
    framework: &'a str,
    bucket: &'a str,
    eligible_buckets: &'a [String],
    bucket_reason: &'a str,
    thin: bool,
    knowledge_areas: Vec<Row<'a>>,
}

pub fn run(args: MatchArgs) -> anyhow::Result<()> {
    let fw = framework::load(&args.framework.framework)?;
    let matcher = args.framework.learn.matcher(&fw, false)?;
    let text = args.text.join(" ");
    let title = args.title.as_deref().unwrap_or("");
    let result = matcher.match_course(title, &text);
    let rows: Vec<Row> = result
        .candidates
        .iter()
        .take(args.top)
        .map(|c| {
            let ka = &fw.knowledge_areas[c.ka];
            Row {
                id: &ka.id,
                name: &ka.name,
                area: fw.area_name_of(ka),
                score: c.score,
                matched: c.selected,
                evidence: &c.evidence,
                excluded_by: c.excluded_by.as_deref(),
                like: &c.like,
            }
        })
        .collect();
    if args.json {
        let out = Output {
            framework: &fw.framework.id,
            bucket: &result.bucket.bucket,
            eligible_buckets: &result.bucket.eligible,
            bucket_reason: &result.bucket.reason,
            thin: result.thin,
            knowledge_areas: rows,
        };
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    println!(
        "Bucket: {} ({})",
        result.bucket.bucket, result.bucket.reason
    );
    if rows.is_empty() {
        println!(
            "No knowledge area of {} matches this text.",
            fw.framework.id
        );
    }
    for row in rows {
        println!(
            "{} {:.2}  {} / {}",
            if row.matched { "*" } else { " " },
            row.score,
            row.area,
            row.name
        );
        if !row.evidence.is_empty() {
            println!("         evidence: {}", row.evidence.join(", "));
        }
        if !row.like.is_empty() {
            println!("         like: {}", quoted_titles(row.like));
        }
        if let Some(word) = row.excluded_by {
            println!("         not matched: the text is about another age group ('{word}')");
        }
    }
    if !result.corrections.is_empty() {
        let typos: Vec<String> = result
            .corrections
            .iter()
            .map(|(a, b)| format!("{a} -> {b}"))
            .collect();
        println!("Read as typos: {}", typos.join(", "));
    }
    for s in &result.set_aside {
        println!("Not matched ({}): {}", s.kind.label(), s.text);
    }
    println!(
        "(* = reported as a match: score at least {} and near the best)",
        fw.matching.min_score
    );
    Ok(())
}
