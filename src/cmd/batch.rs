//! `crosswalk transcript --batch DIR`: every applicant in a folder, in parallel.

use crate::cli::TranscriptArgs;
use anyhow::Context;
use crosswalk::audit::{self, AuditOptions};
use crosswalk::batch::{self, Rollup, RollupRow};
use crosswalk::normalize::NormalizeOptions;
use crosswalk::output::write_atomic;
use crosswalk::profile::Profile;
use crosswalk::report::sheet::{header_format, headers, put};
use crosswalk::rsclog;
use rayon::prelude::*;
use rust_xlsxwriter::Format;
use std::path::Path;

pub fn run(args: &TranscriptArgs, dir: &Path, profiles: &[Profile]) -> anyhow::Result<()> {
    let applicants = batch::discover(dir)?;
    let out_dir = args
        .out_dir
        .clone()
        .unwrap_or_else(|| std::path::PathBuf::from("crosswalk-batch"));
    std::fs::create_dir_all(&out_dir)
        .with_context(|| format!("cannot create the folder {}", out_dir.display()))?;
    let options = AuditOptions {
        normalize: NormalizeOptions {
            credit_factor: args.credit_factor,
            ..NormalizeOptions::default()
        },
        threads: Some(1),
        ..AuditOptions::default()
    };
    let catalog = super::transcript::catalog(args, &options)?;
    let who = super::transcript::applicant(args);
    // The frameworks, matchers and the catalog's matches are the same for every applicant.
    let frameworks = crosswalk::transcript::load_frameworks(profiles)?;
    let prepared = crosswalk::transcript::Prepared::new(
        profiles,
        &frameworks,
        super::transcript::matchers(args, &frameworks)?,
        catalog.as_ref(),
        None,
    )?;
    // Applicants in parallel; each one's matching on a single thread.
    let mut rows: Vec<RollupRow> = applicants
        .par_iter()
        .flat_map_iter(|a| {
            let result =
                (|| -> anyhow::Result<(crosswalk::transcript::TranscriptReport, String)> {
                    let loaded = audit::load(&AuditOptions {
                        inputs: vec![a.transcript.clone()],
                        ..options.clone()
                    })?;
                    let log = match &a.rsc_log {
                        Some(path) => rsclog::read(path, &options.read)?,
                        None => rsclog::RscLog::default(),
                    };
                    let report =
                        crosswalk::transcript::build(loaded, log, &prepared, &who, Some(1))?;
                    let workbook = out_dir.join(format!("{}.transcript.xlsx", a.name));
                    write_atomic(&workbook, &crosswalk::report::applicant::render(&report)?)?;
                    Ok((report, workbook.display().to_string()))
                })();
            match result {
                Ok((report, workbook)) => batch::rows(a, Ok(&report), Some(workbook)),
                Err(e) => batch::rows(a, Err(e.to_string()), None),
            }
        })
        .collect();
    rows.sort_by(|x, y| {
        x.applicant
            .cmp(&y.applicant)
            .then(x.endorsement.cmp(&y.endorsement))
    });
    let rollup = Rollup {
        tool: crosswalk::report::ToolInfo::default(),
        folder: dir.display().to_string(),
        applicants: applicants.len(),
        errors: rows.iter().filter(|r| r.error.is_some()).count(),
        rows,
    };
    write_atomic(&out_dir.join("rollup.xlsx"), &rollup_workbook(&rollup)?)?;
    crosswalk::output::write_atomic_with(&out_dir.join("rollup.json"), |out| {
        crosswalk::report::json::write(&rollup, out)
    })?;
    if !args.quiet {
        let met = rollup.rows.iter().filter(|r| r.met).count();
        println!(
            "{} applicants checked, {} could not be read; {met} of {} applicant-endorsement checks met every hour requirement",
            rollup.applicants,
            rollup.errors,
            rollup.rows.iter().filter(|r| r.error.is_none()).count()
        );
        for r in rollup.rows.iter().filter(|r| r.error.is_some()) {
            println!("  {}: {}", r.applicant, r.error.as_deref().unwrap_or(""));
        }
        println!("Roll-up: {}", out_dir.join("rollup.xlsx").display());
    }
    Ok(())
}

fn rollup_workbook(r: &Rollup) -> anyhow::Result<Vec<u8>> {
    let header = header_format();
    let text = Format::new();
    let mut wb = crosswalk::report::sheet::new_workbook();
    let ws = wb.add_worksheet();
    ws.set_name("Applicants")?;
    headers(
        ws,
        0,
        &[
            ("Applicant", 22.0),
            ("Endorsement", 14.0),
            ("All met", 9.0),
            ("Short", 60.0),
            ("Workbook or error", 60.0),
        ],
        &header,
    )?;
    for (i, row) in r.rows.iter().enumerate() {
        let n = i as u32 + 1;
        put(ws, n, 0, &row.applicant, &text)?;
        put(ws, n, 1, row.endorsement.as_deref().unwrap_or(""), &text)?;
        put(
            ws,
            n,
            2,
            if row.error.is_some() {
                ""
            } else if row.met {
                "yes"
            } else {
                "no"
            },
            &text,
        )?;
        let short: Vec<String> = row
            .rules
            .iter()
            .filter(|x| x.status != "met" && !x.status.starts_with("does not apply"))
            .map(|x| format!("{}: {}", x.id, x.status))
            .collect();
        put(ws, n, 3, &short.join("; "), &text)?;
        put(
            ws,
            n,
            4,
            row.error
                .as_deref()
                .or(row.workbook.as_deref())
                .unwrap_or(""),
            &text,
        )?;
    }
    ws.autofilter(0, 0, r.rows.len().max(1) as u32, 4)?;
    ws.set_freeze_panes(1, 0)?;
    let rules = wb.add_worksheet();
    rules.set_name("Rules")?;
    headers(
        rules,
        0,
        &[
            ("Applicant", 22.0),
            ("Endorsement", 14.0),
            ("Rule", 26.0),
            ("Required h", 10.0),
            ("Counted h", 10.0),
            ("Status", 40.0),
        ],
        &header,
    )?;
    let mut n = 0;
    for row in &r.rows {
        for rule in &row.rules {
            n += 1;
            put(rules, n, 0, &row.applicant, &text)?;
            put(rules, n, 1, row.endorsement.as_deref().unwrap_or(""), &text)?;
            put(rules, n, 2, &rule.id, &text)?;
            rules.write_number(n, 3, rule.required_hours)?;
            rules.write_number(n, 4, rule.counted_hours)?;
            put(rules, n, 5, &rule.status, &text)?;
        }
    }
    rules.autofilter(0, 0, n.max(1), 5)?;
    Ok(wb.save_to_buffer()?)
}
