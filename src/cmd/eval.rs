//! `crosswalk eval`: how right the matcher is on labeled courses, beside a plain baseline.

use crate::cli::EvalArgs;
use crosswalk::audit::{self, AuditOptions};
use crosswalk::catalog::ReadOptions;
use crosswalk::eval::{self, Accuracy, Confusion, EvalReport, Scores};
use crosswalk::framework;
use crosswalk::matcher::examples::like_note;
use std::fmt::Write as _;
use std::io::Write;

pub fn run(args: EvalArgs) -> anyhow::Result<()> {
    let fw = framework::load(&args.framework.framework)?;
    if let Some(json) = args.json.as_deref().filter(|j| *j != "-") {
        let mut read_only = args.inputs.clone();
        read_only.extend(args.framework.learn.examples.clone());
        crosswalk::output::ensure_not_input(std::path::Path::new(json), &read_only)?;
    }
    let options = AuditOptions {
        inputs: args.inputs.clone(),
        read: ReadOptions {
            sheet: args.sheet.clone(),
            ..ReadOptions::default()
        },
        threads: args.threads,
        ..AuditOptions::default()
    };
    let set = eval::labels::read(&fw, &options)?;
    let courses: Vec<_> = set.courses.iter().map(|c| c.course.clone()).collect();
    let matcher = args
        .framework
        .learn
        .matcher(&fw, args.quiet)?
        .holding_out_copies(eval::COPY_SIMILARITY);
    let matches = audit::match_with(&matcher, &courses, args.threads, &|_, _| {})?;
    let mut report = eval::evaluate(&fw, &set, &matches);
    report.examples = matcher.example_count();
    if let Some(target) = &args.json {
        super::write_json(target, &report)?;
    }
    if !args.quiet && args.json.as_deref() != Some("-") {
        let text = render(&report, args.worst);
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
    }
    Ok(())
}

/// One line of the figures table, for either system.
/// One figure of the scores table, for one system.
type Figure = fn(&Scores) -> String;

/// Precision, recall and F1 as the table shows them.
fn rates(precision: f64, recall: f64, f1: f64) -> String {
    format!("P {precision:.2} R {recall:.2} F1 {f1:.3}")
}

/// An accuracy with its counts.
fn share(a: &Accuracy) -> String {
    if a.total == 0 {
        return "not labeled".to_string();
    }
    format!("{:.3} ({}/{})", a.accuracy, a.correct, a.total)
}

fn render(r: &EvalReport, worst: usize) -> String {
    let mut s = String::new();
    let files: Vec<&str> = r.inputs.iter().map(|i| i.file.as_str()).collect();
    let _ = writeln!(
        s,
        "{} labeled courses from {} against {} ({})",
        r.courses_evaluated,
        files.join(", "),
        r.framework,
        r.framework_version
    );
    let not_used: Vec<String> = r
        .skipped
        .iter()
        .filter(|k| k.code != crosswalk::normalize::SkipReason::HeaderRow)
        .map(|k| format!("{} ({})", k.source, k.reason))
        .collect();
    if r.examples > 0 {
        let _ = writeln!(
            s,
            "crosswalk learns from {} labeled examples; the course evaluated and examples \
             worded almost like it (cosine {} or more) do not vote",
            r.examples,
            eval::COPY_SIMILARITY
        );
    }
    if !not_used.is_empty() {
        let _ = writeln!(s, "Rows not used: {}", not_used.join("; "));
    }
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{:<34} {:>22}   {:>22}",
        "", "crosswalk", "baseline (title JW)"
    );
    let rows: [(&str, Figure); 4] = [
        ("Knowledge areas, micro", |x| {
            rates(x.micro.precision, x.micro.recall, x.micro.f1)
        }),
        ("Knowledge areas, macro", |x| {
            rates(x.macro_.precision, x.macro_.recall, x.macro_.f1)
        }),
        ("Top-1 (best match is primary)", |x| share(&x.top1)),
        ("Bucket", |x| share(&x.bucket)),
    ];
    for (label, f) in rows {
        let _ = writeln!(
            s,
            "{label:<34} {:>22}   {:>22}",
            f(&r.crosswalk),
            f(&r.baseline)
        );
    }
    let _ = writeln!(s);
    if r.crosswalk.bucket.total == 0 {
        let _ = writeln!(s, "Buckets: not labeled (no 'Bucket' column)");
    } else {
        let _ = writeln!(s, "Buckets, crosswalk (rows: labeled; columns: decided)");
        confusion(&mut s, &r.crosswalk.bucket_confusion);
    }

    let _ = writeln!(s);
    let _ = writeln!(s, "Worst knowledge areas (crosswalk)");
    for ka in r.knowledge_areas.iter().take(worst) {
        let _ = writeln!(
            s,
            "  F1 {:.2}  {} ({}): {} right, {} extra, {} missed",
            ka.scores.f1, ka.name, ka.area, ka.scores.tp, ka.scores.fp, ka.scores.fn_
        );
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "Worst courses (crosswalk)");
    for c in r.courses.iter().filter(|c| c.errors > 0).take(worst) {
        let _ = writeln!(s, "  {} \"{}\" ({})", c.id, c.title, c.source);
        if let Some(labeled) = c
            .bucket_labeled
            .as_ref()
            .filter(|b| **b != c.bucket_predicted)
        {
            let _ = writeln!(
                s,
                "    bucket {} (labeled {labeled}): {}",
                c.bucket_predicted, c.bucket_reason
            );
        }
        if !c.missed.is_empty() {
            let _ = writeln!(s, "    missed: {}", c.missed.join("; "));
        }
        for p in c.predicted.iter().filter(|p| !p.correct) {
            let _ = writeln!(
                s,
                "    extra: {} {:.2} from {}{}",
                p.name,
                p.score,
                p.evidence.join(", "),
                like_note(&p.like)
            );
        }
        for a in &c.set_aside {
            let _ = writeln!(s, "    not matched ({}): {}", a.kind.label(), a.text);
        }
    }
    s
}

fn confusion(s: &mut String, c: &Confusion) {
    let width = c.labels.iter().map(String::len).max().unwrap_or(4).max(4);
    let _ = write!(s, "  {:<width$}", "");
    for l in &c.labels {
        let _ = write!(s, " {l:>width$}");
    }
    let _ = writeln!(s);
    for (label, row) in c.labels.iter().zip(&c.counts) {
        let _ = write!(s, "  {label:<width$}");
        for n in row {
            let _ = write!(s, " {n:>width$}");
        }
        let _ = writeln!(s);
    }
}
