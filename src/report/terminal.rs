//! The terminal summary: what a coordinator needs at a glance, and where the details are.

use super::AuditReport;
use crate::allocate::Status;
use std::fmt::Write;

/// A short plain-text summary.
pub fn render(report: &AuditReport) -> String {
    let mut s = String::new();
    let sum = &report.summary;
    let _ = writeln!(
        s,
        "crosswalk audit against {} ({} {})",
        report.framework.title, report.framework.id, report.framework.version
    );
    for input in &report.inputs {
        let sheet = input
            .sheet
            .as_ref()
            .map(|n| format!(", sheet '{n}'"))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  {} ({}{sheet}, header row {}): {} rows, {} used, {} skipped",
            input.file,
            input.format,
            input.header_row,
            input.rows_seen,
            input.rows_used,
            input.rows_skipped
        );
        for note in &input.notes {
            let _ = writeln!(s, "    note: {note}");
        }
    }
    let _ = writeln!(
        s,
        "\n{} trainings, {} h in all ({} without readable hours, {} too thin to judge)",
        sum.rows_used,
        sum.total_hours,
        sum.rows_used - sum.courses_with_hours,
        sum.thin_courses
    );
    for b in &sum.buckets {
        let _ = writeln!(
            s,
            "  {:<18} {:>4} trainings {:>8} h",
            b.bucket, b.courses, b.hours
        );
    }
    let _ = writeln!(s, "\nRequirements");
    for r in &report.requirements {
        let status = match &r.status {
            Status::Met => "met".to_string(),
            other => other.describe(),
        };
        let _ = writeln!(
            s,
            "  {:<18} {:>6} of {:>4} h  {:<22} ({} h offered by {} trainings)",
            r.id,
            r.counted_hours,
            r.required_hours,
            status,
            r.qualifying_hours,
            r.qualifying_courses
        );
    }
    let _ = writeln!(
        s,
        "\nKnowledge areas: {} covered, {} weak, {} not covered by any training, {} left to other evidence",
        sum.knowledge_areas_covered,
        sum.knowledge_areas_weak,
        sum.knowledge_areas_uncovered,
        sum.knowledge_areas_other_evidence
    );
    let uncovered: Vec<String> = report
        .gaps
        .iter()
        .filter(|g| g.status == crate::coverage::CoverageStatus::Uncovered)
        .map(|g| format!("{} ({})", g.name, g.area))
        .collect();
    if !uncovered.is_empty() {
        let _ = writeln!(s, "  not covered: {}", uncovered.join("; "));
    }
    if !report.warnings.is_empty() {
        let n = report.warnings.len();
        let _ = writeln!(
            s,
            "\n{n} {} a look:",
            if n == 1 { "row needs" } else { "rows need" }
        );
        for w in report.warnings.iter().take(10) {
            let _ = writeln!(s, "  {}: {}", w.source, w.message);
        }
        if report.warnings.len() > 10 {
            let _ = writeln!(
                s,
                "  ... and {} more (see the workbook or JSON)",
                report.warnings.len() - 10
            );
        }
    }
    s
}
