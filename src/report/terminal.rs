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
    if let Some(r) = &report.restated_from {
        let _ = writeln!(
            s,
            "  matched against {} ({}) and restated through the crosswalk: {}",
            r.framework.title, r.framework.id, r.note
        );
        for change in &r.changes {
            let _ = writeln!(
                s,
                "    {:?}: {} -> {}",
                change.relation,
                if change.from.is_empty() {
                    "(none)".to_string()
                } else {
                    change.from.join(" + ")
                },
                if change.to.is_empty() {
                    "(none)".to_string()
                } else {
                    change.to.join(" + ")
                }
            );
        }
    }
    let _ = writeln!(
        s,
        "\n{}, {} h in all ({} without readable hours, {} too thin to judge)",
        super::counted(sum.rows_used, "training"),
        sum.total_hours,
        sum.rows_used - sum.courses_with_hours,
        sum.thin_courses
    );
    for b in &sum.buckets {
        let _ = writeln!(
            s,
            "  {:<18} {:>4} {:<9} {:>8} h",
            b.bucket,
            b.courses,
            super::noun(b.courses, "training"),
            b.hours
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
            "  {:<18} {:>6} of {:>4} h  {:<22} ({} h offered by {})",
            r.id,
            r.counted_hours,
            r.required_hours,
            status,
            r.qualifying_hours,
            super::counted(r.qualifying_courses, "training")
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
    skipped_rows(&mut s, report);
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

/// Every skipped row, grouped by file, sheet and reason, with row numbers as ranges.
fn skipped_rows(s: &mut String, report: &AuditReport) {
    if report.skipped.is_empty() {
        return;
    }
    let _ = writeln!(s, "\nRows skipped ({}):", report.summary.rows_skipped);
    // (file and sheet, reason, row ranges)
    type Group = (String, String, Vec<(u32, u32)>);
    let mut groups: Vec<Group> = Vec::new();
    for entry in &report.skipped {
        let place = match &entry.source.sheet {
            Some(sheet) => format!("{}, sheet '{sheet}'", entry.source.file),
            None => entry.source.file.clone(),
        };
        let range = (
            entry.source.row,
            entry.through_row.unwrap_or(entry.source.row),
        );
        match groups
            .iter_mut()
            .find(|(p, r, _)| *p == place && *r == entry.reason)
        {
            Some((_, _, ranges)) => ranges.push(range),
            None => groups.push((place, entry.reason.clone(), vec![range])),
        }
    }
    let mut last_place = String::new();
    for (place, reason, ranges) in groups {
        if place != last_place {
            let _ = writeln!(s, "  {place}:");
            last_place = place;
        }
        let _ = writeln!(s, "    {reason}: {}", row_list(&ranges));
    }
}

/// "row 3", "rows 3, 5-9": the rows of a list of inclusive ranges.
fn row_list(ranges: &[(u32, u32)]) -> String {
    let mut merged: Vec<(u32, u32)> = Vec::new();
    let mut sorted = ranges.to_vec();
    sorted.sort_unstable();
    for (a, b) in sorted {
        match merged.last_mut() {
            Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    let single = merged.len() == 1 && merged[0].0 == merged[0].1;
    let parts: Vec<String> = merged
        .iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            }
        })
        .collect();
    format!(
        "{} {}",
        if single { "row" } else { "rows" },
        parts.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::row_list;

    #[test]
    fn rows_are_listed_as_ranges() {
        assert_eq!(row_list(&[(3, 3)]), "row 3");
        assert_eq!(row_list(&[(5, 5), (3, 3), (6, 9), (4, 4)]), "rows 3-9");
        assert_eq!(row_list(&[(1, 2), (25, 25)]), "rows 1-2, 25");
    }
}
