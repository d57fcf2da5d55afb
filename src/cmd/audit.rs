//! `crosswalk audit`: catalogs in, a workbook and/or JSON out, a summary on the terminal.

use crate::cli::AuditArgs;
use anyhow::bail;
use crosswalk::audit::{self, AuditOptions};
use crosswalk::catalog::{Limits, ReadOptions};
use crosswalk::crosswalk::{find as find_crosswalk, restate};
use crosswalk::framework;
use crosswalk::normalize::NormalizeOptions;
use crosswalk::output::{write_atomic, write_atomic_with};
use crosswalk::report::{terminal, workbook};
use crosswalk::review;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};

pub fn run(args: AuditArgs) -> anyhow::Result<()> {
    if !(args.credit_factor.is_finite() && args.credit_factor > 0.0) {
        bail!(
            "--credit-factor must be a number above 0 (found {})",
            args.credit_factor
        );
    }
    let fw = framework::load(&args.framework.framework)?;
    // The reviewed workbook and the example files are inputs too: never written over.
    let mut read_only = args.inputs.clone();
    read_only.extend(args.review.clone());
    read_only.extend(args.framework.learn.examples.clone());
    let workbook_path = super::workbook_path(
        args.output.as_deref(),
        args.json.as_deref(),
        &read_only,
        "crosswalk",
    )?;

    let options = AuditOptions {
        inputs: args.inputs.clone(),
        read: ReadOptions {
            sheet: args.sheet.clone(),
            limits: Limits {
                max_unzipped_bytes: args.max_unzipped_mb.saturating_mul(1024 * 1024),
                max_cells: args.max_cells,
                ..Limits::default()
            },
            ..ReadOptions::default()
        },
        normalize: NormalizeOptions {
            credit_factor: args.credit_factor,
            ..NormalizeOptions::default()
        },
        threads: args.threads,
    };
    let bar = progress_bar(args.quiet);
    let mut clock = Stopwatch::new(args.timings);
    // The matcher is built while the catalog is read.
    let (loaded, matcher) = rayon::join(
        || audit::load(&options),
        || args.framework.learn.matcher(&fw, args.quiet),
    );
    let (loaded, matcher) = (loaded?, matcher?);
    clock.lap("read and normalize");
    let mut matches = audit::match_with(
        &matcher,
        &loaded.courses,
        options.threads,
        &|done, total| {
            if bar.length() != Some(total) {
                bar.set_length(total);
                bar.set_message("matching");
            }
            bar.set_position(done);
        },
    )?;
    clock.lap("match");
    if let Some(path) = &args.review {
        let decisions = review::read(path, &fw)?;
        let (applied, unmatched) = review::apply(&fw, &decisions, &loaded.courses, &mut matches);
        if !args.quiet {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(
                err,
                "review: {applied} of {} decisions applied from {}",
                decisions.decisions.len(),
                path.display()
            );
            for d in unmatched {
                let _ = writeln!(
                    err,
                    "review: no training '{}'{} in this catalog; decision not applied",
                    d.title,
                    d.id.as_deref()
                        .map(|i| format!(" ({i})"))
                        .unwrap_or_default()
                );
            }
        }
        if let Some(target) = &args.save_review {
            let mut inputs = args.inputs.clone();
            inputs.push(path.clone());
            crosswalk::output::ensure_not_input(target, &inputs)?;
            write_atomic(target, decisions.to_toml().as_bytes())?;
        }
        if let Some(target) = &args.save_examples {
            crosswalk::output::ensure_not_input(target, &read_only)?;
            write_atomic_with(target, |out| {
                review::write_labeled(&fw, &loaded.courses, &matches, out)
            })?;
        }
    }
    let report = match &args.restate_as {
        None => audit::assemble(&fw, &options, loaded, matches),
        Some(target) => {
            let to = framework::load(target)?;
            let cw = find_crosswalk(&fw, &to)?;
            let restated = matches.iter().map(|m| restate(m, &cw, &fw, &to)).collect();
            let mut report = audit::assemble(&to, &options, loaded, restated);
            report.restated_from = Some(audit::restatement(&cw, &fw, &to));
            report
        }
    };
    clock.lap("coverage, allocation, report");

    // The workbook and the JSON are written side by side: both only read the report.
    bar.set_message("writing");
    let (workbook_done, json_done) = rayon::join(
        || -> anyhow::Result<()> {
            if let Some(path) = &workbook_path {
                write_atomic(path, &workbook::render(&report)?)?;
            }
            Ok(())
        },
        || match &args.json {
            Some(target) => super::write_json(target, &report),
            None => Ok(()),
        },
    );
    workbook_done?;
    json_done?;
    bar.finish_and_clear();
    clock.lap("write workbook and JSON");
    let json_to_stdout = args.json.as_deref() == Some("-");
    if !args.quiet {
        let mut summary = terminal::render(&report);
        if let Some(path) = &workbook_path {
            summary.push_str(&format!("\nWorkbook: {}\n", path.display()));
        }
        if let Some(target) = args.json.as_deref().filter(|t| *t != "-") {
            summary.push_str(&format!("JSON: {target}\n"));
        }
        if json_to_stdout {
            eprint!("{summary}");
        } else {
            print!("{summary}");
        }
    }
    // The process ends next: the report's memory goes back with it, faster than freeing a
    // large catalog's strings one by one.
    std::mem::forget(report);
    Ok(())
}

/// A progress bar on standard error, drawn only when it is a terminal and not `--quiet`.
fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} {pos}/{len} trainings [{elapsed}]")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar.set_message("reading");
    bar
}

/// Stage timings for `--timings`.
struct Stopwatch {
    on: bool,
    last: std::time::Instant,
}

impl Stopwatch {
    fn new(on: bool) -> Self {
        Self {
            on,
            last: std::time::Instant::now(),
        }
    }

    fn lap(&mut self, stage: &str) {
        if self.on {
            eprintln!("{:>8.3} s  {stage}", self.last.elapsed().as_secs_f64());
        }
        self.last = std::time::Instant::now();
    }
}
