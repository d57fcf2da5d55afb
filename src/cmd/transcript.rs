//! `crosswalk transcript`: an applicant's trainings and RSC log against endorsement rules.

use crate::cli::TranscriptArgs;
use anyhow::bail;
use crosswalk::audit::{self, AuditOptions};
use crosswalk::normalize::NormalizeOptions;
use crosswalk::output::write_atomic;
use crosswalk::profile::{self, Applicant, RowUse};
use crosswalk::transcript::{self, TranscriptReport};
use std::fmt::Write as _;

pub fn run(args: TranscriptArgs) -> anyhow::Result<()> {
    if !(args.credit_factor.is_finite() && args.credit_factor > 0.0) {
        bail!(
            "--credit-factor must be a number above 0 (found {})",
            args.credit_factor
        );
    }
    let profiles = args
        .endorsement
        .iter()
        .map(|e| {
            let named = args
                .profile
                .iter()
                .find(|p| profile::find(e, Some(p)).is_ok())
                .map(String::as_str);
            profile::find(e, named)
        })
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(dir) = &args.batch {
        return super::batch::run(&args, dir, &profiles);
    }
    let mut inputs = args.inputs.clone();
    inputs.extend(args.rsc_log.iter().cloned());
    inputs.extend(args.catalog.iter().cloned());
    inputs.extend(args.learn.examples.iter().cloned());
    let workbook_path = super::workbook_path(
        args.output.as_deref(),
        args.json.as_deref(),
        &inputs,
        "transcript",
    )?;
    let options = AuditOptions {
        inputs: args.inputs.clone(),
        normalize: NormalizeOptions {
            credit_factor: args.credit_factor,
            ..NormalizeOptions::default()
        },
        ..AuditOptions::default()
    };
    let loaded = audit::load(&options)?;
    let log = match &args.rsc_log {
        Some(path) => crosswalk::rsclog::read(path, &options.read)?,
        None => crosswalk::rsclog::RscLog::default(),
    };
    let applicant = applicant(&args);
    let catalog = catalog(&args, &options)?;
    let frameworks = transcript::load_frameworks(&profiles)?;
    let prepared = transcript::Prepared::new(
        &profiles,
        &frameworks,
        matchers(&args, &frameworks)?,
        catalog.as_ref(),
        None,
    )?;
    let report = transcript::build(loaded, log, &prepared, &applicant, None)?;
    if let Some(path) = &workbook_path {
        write_atomic(path, &crosswalk::report::applicant::render(&report)?)?;
    }
    if let Some(target) = &args.json {
        super::write_json(target, &report)?;
    }
    if !args.quiet {
        let mut text = summary(&report);
        if let Some(path) = &workbook_path {
            text.push_str(&format!("\nWorkbook: {}\n", path.display()));
        }
        if args.json.as_deref() == Some("-") {
            eprint!("{text}");
        } else {
            print!("{text}");
        }
    }
    Ok(())
}

fn summary(r: &TranscriptReport) -> String {
    let mut s = String::new();
    let hours: f64 = r.trainings.iter().filter_map(|t| t.course.hours).sum();
    let rsc: f64 = r.rsc_sessions.iter().map(|x| x.hours).sum();
    let _ = writeln!(
        s,
        "{} check as of {}{}: {} ({} h), {} ({} h)",
        r.purpose,
        r.as_of,
        r.endorsed_since
            .map(|d| format!(", endorsed since {d}"))
            .unwrap_or_default(),
        crosswalk::report::counted(r.trainings.len(), "training"),
        crosswalk::normalize::round2(hours),
        crosswalk::report::counted(r.rsc_sessions.len(), "RSC session"),
        crosswalk::normalize::round2(rsc)
    );
    for e in &r.endorsements {
        let o = &e.outcome;
        let _ = writeln!(
            s,
            "\n{} ({}; {} from {}): {}",
            o.title,
            o.profile,
            o.association,
            o.effective_from,
            if o.result.met {
                "all hour requirements met"
            } else {
                "not yet met"
            }
        );
        if let Some(reason) = &o.result.exempt {
            let _ = writeln!(s, "  {reason}");
        }
        for note in &o.result.adjustments {
            let _ = writeln!(s, "  {note}");
        }
        if let Some((from, to)) = o.result.training_window {
            let _ = writeln!(s, "  training counts from {from} to {to}");
        }
        for rule in &o.result.rules {
            let status = rule.status.describe();
            let _ = writeln!(
                s,
                "  {:<24} {:>6} of {:>4} h  {status}",
                rule.id, rule.counted_hours, rule.required_hours
            );
        }
        let outside: Vec<String> = o
            .result
            .training_rows
            .iter()
            .zip(&r.trainings)
            .filter_map(|(u, t)| match u {
                RowUse::OutsideWindow { reason } => Some(format!(
                    "row {} ({}): {reason}",
                    t.course.source.row, t.course.title
                )),
                RowUse::Counted => None,
            })
            .chain(
                o.result
                    .rsc_rows
                    .iter()
                    .zip(&r.rsc_sessions)
                    .filter_map(|(u, x)| match u {
                        RowUse::OutsideWindow { reason } => {
                            Some(format!("RSC row {}: {reason}", x.source.row))
                        }
                        RowUse::Counted => None,
                    }),
            )
            .collect();
        if !outside.is_empty() {
            let _ = writeln!(s, "  not counted:");
            for line in outside {
                let _ = writeln!(s, "    {line}");
            }
        }
        for decision in &e.decisions {
            let _ = writeln!(s, "  decided: {decision}");
        }
        if !e.undocumented_knowledge_areas.is_empty() {
            let _ = writeln!(
                s,
                "  knowledge areas no training documents yet: {}",
                e.undocumented_knowledge_areas.join("; ")
            );
        }
        if let Some(rec) = &e.recommendation {
            if rec.trainings.is_empty() && rec.rules_out_of_reach.is_empty() {
                let _ = writeln!(s, "  nothing more to take from the catalog");
            } else if !rec.trainings.is_empty() {
                let _ = writeln!(
                    s,
                    "  take next ({} h, {}{}):",
                    rec.total_hours,
                    crosswalk::report::counted(rec.trainings.len(), "training"),
                    if rec.proven_smallest {
                        ", the smallest set"
                    } else {
                        ", best found"
                    }
                );
                for t in &rec.trainings {
                    let hours = t.hours.map_or("?".to_string(), |h| h.to_string());
                    let _ = writeln!(s, "    {} {} ({hours} h)", t.id, t.title);
                }
            }
            if !rec.rules_out_of_reach.is_empty() {
                let _ = writeln!(
                    s,
                    "  the catalog cannot close: {}",
                    rec.rules_out_of_reach.join(", ")
                );
            }
            if !rec.knowledge_areas_out_of_reach.is_empty() {
                let _ = writeln!(
                    s,
                    "  no catalog training covers: {}",
                    rec.knowledge_areas_out_of_reach.join("; ")
                );
            }
        }
        if !e.checklist.is_empty() {
            let _ = writeln!(s, "  also to document:");
            for item in &e.checklist {
                let _ = writeln!(s, "    [ ] {}: {}", item.item, item.document);
            }
        }
    }
    if !r.warnings.is_empty() {
        let _ = writeln!(s, "\nRows that need a look:");
        for w in &r.warnings {
            let _ = writeln!(s, "  {}: {}", w.source, w.message);
        }
    }
    s
}

/// The recommendation catalog named by `--catalog`, read with the transcripts' options.
pub(super) fn catalog(
    args: &TranscriptArgs,
    options: &AuditOptions,
) -> anyhow::Result<Option<audit::Loaded>> {
    if args.catalog.is_empty() {
        return Ok(None);
    }
    Ok(Some(audit::load(&AuditOptions {
        inputs: args.catalog.clone(),
        ..options.clone()
    })?))
}

/// Who is checked, and when, from the arguments.
pub(super) fn applicant(args: &TranscriptArgs) -> Applicant {
    Applicant {
        as_of: args.as_of.unwrap_or_else(today),
        renewal: args.renewal,
        endorsed_since: args.endorsed_since,
        provides_rsc: args.provides_rsc,
    }
}

/// Today's date (UTC).
fn today() -> chrono::NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0);
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        .unwrap_or_default()
}

/// One matcher per framework, learning from the examples the arguments ask for (the files
/// given are summed up on standard error once, not once per framework).
pub(crate) fn matchers<'f>(
    args: &TranscriptArgs,
    frameworks: &'f [crosswalk::framework::Framework],
) -> crosswalk::error::Result<Vec<crosswalk::matcher::Matcher<'f>>> {
    frameworks
        .iter()
        .enumerate()
        .map(|(i, fw)| args.learn.matcher(fw, args.quiet || i > 0))
        .collect()
}
