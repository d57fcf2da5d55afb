//! `crosswalk program`: a course list in, a curriculum map per framework out.

use crate::cli::ProgramArgs;
use anyhow::bail;
use crosswalk::audit::{self, AuditOptions};
use crosswalk::catalog::ReadOptions;
use crosswalk::framework;
use crosswalk::normalize::NormalizeOptions;
use crosswalk::output::write_atomic;
use crosswalk::program;
use crosswalk::report::curriculum;
use std::fmt::Write as _;

pub fn run(args: ProgramArgs) -> anyhow::Result<()> {
    if !(args.credit_hours.is_finite() && args.credit_hours > 0.0) {
        bail!(
            "--credit-hours must be a number above 0 (found {})",
            args.credit_hours
        );
    }
    let ids = if args.framework.is_empty() {
        vec![framework::DEFAULT_ID.to_string()]
    } else {
        args.framework.clone()
    };
    let frameworks = ids
        .iter()
        .map(|id| framework::load(id))
        .collect::<Result<Vec<_>, _>>()?;
    let mut read_only = args.inputs.clone();
    read_only.extend(args.learn.examples.iter().cloned());
    let workbook_path = super::workbook_path(
        args.output.as_deref(),
        args.json.as_deref(),
        &read_only,
        "program",
    )?;
    let options = AuditOptions {
        inputs: args.inputs.clone(),
        read: ReadOptions {
            sheet: args.sheet.clone(),
            ..ReadOptions::default()
        },
        normalize: NormalizeOptions {
            credit_factor: args.credit_hours,
            ..NormalizeOptions::default()
        },
        threads: None,
    };
    let loaded = audit::load(&options)?;
    let mut matches = Vec::new();
    for (i, fw) in frameworks.iter().enumerate() {
        // The examples files are summed up once, not once per framework.
        let matcher = args.learn.matcher(fw, args.quiet || i > 0)?;
        matches.push(audit::match_with(
            &matcher,
            &loaded.courses,
            None,
            &|_, _| {},
        )?);
    }
    let report = program::report(loaded, args.credit_hours, |courses| {
        frameworks
            .iter()
            .zip(&matches)
            .map(|(fw, m)| program::map(fw, courses, m))
            .collect()
    });

    if let Some(path) = &workbook_path {
        write_atomic(path, &curriculum::render(&report)?)?;
    }
    if let Some(target) = &args.json {
        super::write_json(target, &report)?;
    }
    if !args.quiet {
        let mut s = String::new();
        let hours: f64 = report.courses.iter().filter_map(|c| c.course.hours).sum();
        let _ = writeln!(
            s,
            "{}, {} clock hours ({} per credit)",
            crosswalk::report::counted(report.courses.len(), "course"),
            crosswalk::normalize::round2(hours),
            report.clock_hours_per_credit
        );
        for map in &report.frameworks {
            let kas = &map.knowledge_areas;
            let taught = kas.iter().filter(|k| k.courses > 0).count();
            let _ = writeln!(
                s,
                "\n{} ({}): {taught} of {} knowledge areas taught",
                map.framework.title,
                map.framework.id,
                kas.len()
            );
            for area in map.areas.iter().filter(|a| !a.not_mapped.is_empty()) {
                let _ = writeln!(
                    s,
                    "  not taught in {}: {}",
                    area.name,
                    area.not_mapped.join("; ")
                );
            }
            let sole: Vec<String> = kas
                .iter()
                .filter_map(|k| k.sole_source.as_ref().map(|c| format!("{} ({c})", k.name)))
                .collect();
            if !sole.is_empty() {
                let _ = writeln!(s, "  taught by one course only: {}", sole.join("; "));
            }
        }
        if let Some(path) = &workbook_path {
            let _ = writeln!(s, "\nWorkbook: {}", path.display());
        }
        if args.json.as_deref() == Some("-") {
            eprint!("{s}");
        } else {
            print!("{s}");
        }
    }
    Ok(())
}
