//! The applicant workbook for `crosswalk transcript`: Summary (every endorsement's rules side by
//! side), a requirements sheet per endorsement with the rows that counted, Checklist, Take
//! next, Gaps, Trainings, RSC log, Skipped rows and About.

use super::sheet::{Sheet, header_format, put};
use crate::error::{Error, Result};
use crate::profile::{RowUse, RuleStatus};
use crate::transcript::TranscriptReport;
use rust_xlsxwriter::{Format, FormatAlign, Worksheet, XlsxError};

struct Styles {
    title: Format,
    header: Format,
    text: Format,
    wrap: Format,
    number: Format,
    met: Format,
    short: Format,
    missing: Format,
    note: Format,
}

fn styles() -> Styles {
    Styles {
        title: Format::new().set_bold().set_font_size(14),
        header: header_format(),
        text: Format::new().set_align(FormatAlign::Top),
        wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        number: Format::new()
            .set_num_format("0.0#")
            .set_align(FormatAlign::Top),
        met: super::sheet::met_format(),
        short: super::sheet::short_format(),
        missing: super::sheet::missing_format(),
        note: super::sheet::note_format(),
    }
}

/// The applicant workbook as bytes.
pub fn render(report: &TranscriptReport) -> Result<Vec<u8>> {
    build(report).map_err(|e| Error::Write {
        path: "workbook".into(),
        message: e.to_string(),
    })
}

fn build(r: &TranscriptReport) -> std::result::Result<Vec<u8>, XlsxError> {
    let st = styles();
    let mut wb = super::sheet::new_workbook();
    summary(wb.add_worksheet(), r, &st)?;
    for (i, _) in r.endorsements.iter().enumerate() {
        requirements(wb.add_worksheet(), r, i, &st)?;
    }
    checklist(wb.add_worksheet(), r, &st)?;
    take_next(wb.add_worksheet(), r, &st)?;
    gaps(wb.add_worksheet(), r, &st)?;
    trainings(wb.add_worksheet(), r, &st)?;
    rsc_log(wb.add_worksheet(), r, &st)?;
    skipped(wb.add_worksheet(), r, &st)?;
    about(wb.add_worksheet(), r, &st)?;
    wb.save_to_buffer()
}

fn headers(ws: &mut Worksheet, row: u32, cols: &[(&str, f64)], st: &Styles) -> Sheet {
    super::sheet::headers(ws, row, cols, &st.header)
}

fn status_text(status: &RuleStatus) -> (String, f64) {
    let short = match status {
        RuleStatus::Short { missing_hours } => *missing_hours,
        _ => 0.0,
    };
    (status.describe(), short)
}

fn summary(ws: &mut Worksheet, r: &TranscriptReport, st: &Styles) -> Sheet {
    ws.set_name("Summary")?;
    super::sheet::page(ws);
    put(ws, 0, 0, "Endorsement requirements", &st.title)?;
    put(
        ws,
        1,
        0,
        &format!(
            "{} check as of {}{}",
            r.purpose,
            r.as_of,
            r.endorsed_since
                .map(|d| format!("; endorsed since {d}"))
                .unwrap_or_default()
        ),
        &st.text,
    )?;
    headers(
        ws,
        3,
        &[
            ("Endorsement", 30.0),
            ("Requirement", 60.0),
            ("Required h", 10.0),
            ("Counted h", 10.0),
            ("Short by h", 10.0),
            ("Status", 34.0),
        ],
        st,
    )?;
    let mut row = 3;
    for e in &r.endorsements {
        for rule in &e.outcome.result.rules {
            row += 1;
            let (status, short) = status_text(&rule.status);
            put(
                ws,
                row,
                0,
                &format!("{} ({})", e.outcome.title, e.outcome.profile),
                &st.wrap,
            )?;
            put(ws, row, 1, &rule.name, &st.wrap)?;
            ws.write_number_with_format(row, 2, rule.required_hours, &st.number)?;
            ws.write_number_with_format(row, 3, rule.counted_hours, &st.number)?;
            ws.write_number_with_format(row, 4, short, &st.number)?;
            let f = match rule.status {
                RuleStatus::Met | RuleStatus::NotApplicable { .. } => &st.met,
                RuleStatus::Short { .. } => &st.short,
                RuleStatus::NoQualifyingHours => &st.missing,
            };
            put(ws, row, 5, &status, f)?;
            ws.set_row_height(row, 30)?;
        }
    }
    row += 2;
    for e in &r.endorsements {
        for d in &e.decisions {
            put(
                ws,
                row,
                0,
                &format!("{}: decided: {d}", e.outcome.profile),
                &st.note,
            )?;
            row += 1;
        }
    }
    ws.set_active(true);
    Ok(())
}

fn requirements(ws: &mut Worksheet, r: &TranscriptReport, i: usize, st: &Styles) -> Sheet {
    let e = &r.endorsements[i];
    let name: String = format!("Rules {}", e.outcome.endorsement)
        .chars()
        .take(31)
        .collect();
    ws.set_name(name)?;
    super::sheet::page(ws);
    put(
        ws,
        0,
        0,
        &format!(
            "{} ({}, {} from {})",
            e.outcome.title, e.outcome.profile, e.outcome.association, e.outcome.effective_from
        ),
        &st.title,
    )?;
    let mut row = 1;
    for note in e
        .outcome
        .result
        .adjustments
        .iter()
        .chain(e.outcome.result.exempt.iter())
    {
        put(ws, row, 0, note, &st.note)?;
        row += 1;
    }
    row += 1;
    headers(
        ws,
        row,
        &[
            ("Requirement", 50.0),
            ("Required h", 10.0),
            ("Counted h", 10.0),
            ("Status", 30.0),
            ("Row", 6.0),
            ("Counted from", 50.0),
            ("Hours", 8.0),
        ],
        st,
    )?;
    for rule in &e.outcome.result.rules {
        row += 1;
        let (status, _) = status_text(&rule.status);
        put(ws, row, 0, &rule.name, &st.wrap)?;
        ws.write_number_with_format(row, 1, rule.required_hours, &st.number)?;
        ws.write_number_with_format(row, 2, rule.counted_hours, &st.number)?;
        put(ws, row, 3, &status, &st.wrap)?;
        for &(index, hours) in &rule.rows {
            let (source_row, label) = if rule.kind == "training" {
                let t = &r.trainings[index];
                (
                    t.course.source.row,
                    format!(
                        "{} {}",
                        t.course.date.as_deref().unwrap_or(""),
                        t.course.title
                    ),
                )
            } else {
                let s = &r.rsc_sessions[index];
                (
                    s.source.row,
                    format!(
                        "{} RSC ({})",
                        s.date.map(|d| d.to_string()).unwrap_or_default(),
                        s.about_reason
                    ),
                )
            };
            ws.write_number(row, 4, f64::from(source_row))?;
            put(ws, row, 5, &label, &st.text)?;
            ws.write_number_with_format(row, 6, hours, &st.number)?;
            row += 1;
        }
    }
    Ok(())
}

fn checklist(ws: &mut Worksheet, r: &TranscriptReport, st: &Styles) -> Sheet {
    ws.set_name("Checklist")?;
    super::sheet::page(ws);
    headers(
        ws,
        0,
        &[
            ("Endorsement", 24.0),
            ("Requirement", 26.0),
            ("What to document", 90.0),
            ("Done", 8.0),
        ],
        st,
    )?;
    let mut row = 0;
    for e in &r.endorsements {
        for item in &e.checklist {
            row += 1;
            put(ws, row, 0, &e.outcome.title, &st.text)?;
            put(ws, row, 1, &item.item, &st.text)?;
            put(ws, row, 2, &item.document, &st.wrap)?;
        }
    }
    Ok(())
}

fn take_next(ws: &mut Worksheet, r: &TranscriptReport, st: &Styles) -> Sheet {
    ws.set_name("Take next")?;
    super::sheet::page(ws);
    headers(
        ws,
        0,
        &[
            ("Endorsement", 24.0),
            ("Training", 14.0),
            ("Title", 50.0),
            ("Hours", 8.0),
            ("Note", 60.0),
        ],
        st,
    )?;
    let mut row = 0;
    for e in &r.endorsements {
        let Some(rec) = &e.recommendation else {
            row += 1;
            put(ws, row, 0, &e.outcome.title, &st.text)?;
            put(ws, row, 4, "no catalog given (--catalog)", &st.note)?;
            continue;
        };
        for t in &rec.trainings {
            row += 1;
            put(ws, row, 0, &e.outcome.title, &st.text)?;
            put(ws, row, 1, &t.id, &st.text)?;
            put(ws, row, 2, &t.title, &st.text)?;
            if let Some(h) = t.hours {
                ws.write_number_with_format(row, 3, h, &st.number)?;
            }
        }
        row += 1;
        put(ws, row, 0, &e.outcome.title, &st.text)?;
        let note = format!(
            "{} h in all{}{}{}",
            rec.total_hours,
            if rec.proven_smallest {
                ", the smallest set"
            } else {
                ", the best set found"
            },
            if rec.rules_out_of_reach.is_empty() {
                String::new()
            } else {
                format!(
                    "; the catalog cannot close {}",
                    rec.rules_out_of_reach.join(", ")
                )
            },
            if rec.knowledge_areas_out_of_reach.is_empty() {
                String::new()
            } else {
                format!(
                    "; no catalog training covers {}",
                    rec.knowledge_areas_out_of_reach.join("; ")
                )
            }
        );
        put(ws, row, 4, &note, &st.wrap)?;
    }
    Ok(())
}

fn gaps(ws: &mut Worksheet, r: &TranscriptReport, st: &Styles) -> Sheet {
    ws.set_name("Gaps")?;
    super::sheet::page(ws);
    headers(
        ws,
        0,
        &[
            ("Endorsement", 30.0),
            ("Knowledge area no training documents yet", 60.0),
        ],
        st,
    )?;
    let mut row = 0;
    for e in &r.endorsements {
        for name in &e.undocumented_knowledge_areas {
            row += 1;
            put(ws, row, 0, &e.outcome.title, &st.text)?;
            put(ws, row, 1, name, &st.missing)?;
        }
    }
    Ok(())
}

fn trainings(ws: &mut Worksheet, r: &TranscriptReport, st: &Styles) -> Sheet {
    ws.set_name("Trainings")?;
    super::sheet::page(ws);
    let mut cols = vec![
        ("Row", 6.0),
        ("Date", 11.0),
        ("Title", 44.0),
        ("Hours", 8.0),
    ];
    let names: Vec<String> = r
        .endorsements
        .iter()
        .flat_map(|e| {
            [
                format!("{}: bucket / counted", e.outcome.endorsement),
                format!("{}: knowledge areas and evidence", e.outcome.endorsement),
            ]
        })
        .collect();
    for (i, n) in names.iter().enumerate() {
        cols.push((n.as_str(), if i % 2 == 0 { 30.0 } else { 60.0 }));
    }
    headers(ws, 0, &cols, st)?;
    for (i, t) in r.trainings.iter().enumerate() {
        let row = 1 + i as u32;
        ws.write_number(row, 0, f64::from(t.course.source.row))?;
        put(ws, row, 1, t.course.date.as_deref().unwrap_or(""), &st.text)?;
        put(ws, row, 2, &t.course.title, &st.text)?;
        if let Some(h) = t.course.hours {
            ws.write_number_with_format(row, 3, h, &st.number)?;
        }
        for (j, e) in r.endorsements.iter().enumerate() {
            let bucket = t.buckets.get(j).map_or("", |b| b.bucket.as_str());
            let used = match e.outcome.result.training_rows.get(i) {
                Some(RowUse::OutsideWindow { reason }) => format!("not counted: {reason}"),
                _ => "in the window".to_string(),
            };
            let col = 4 + 2 * j as u16;
            put(ws, row, col, &format!("{bucket}; {used}"), &st.wrap)?;
            let kas = t
                .buckets
                .get(j)
                .map(|b| b.knowledge_areas.join("\n"))
                .unwrap_or_default();
            put(ws, row, col + 1, &kas, &st.wrap)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn rsc_log(ws: &mut Worksheet, r: &TranscriptReport, st: &Styles) -> Sheet {
    ws.set_name("RSC log")?;
    super::sheet::page(ws);
    headers(
        ws,
        0,
        &[
            ("Row", 6.0),
            ("Date", 11.0),
            ("Hours", 8.0),
            ("Group", 8.0),
            ("About", 14.0),
            ("Why", 60.0),
            ("Provider", 24.0),
        ],
        st,
    )?;
    for (i, s) in r.rsc_sessions.iter().enumerate() {
        let row = 1 + i as u32;
        ws.write_number(row, 0, f64::from(s.source.row))?;
        put(
            ws,
            row,
            1,
            &s.date.map(|d| d.to_string()).unwrap_or_default(),
            &st.text,
        )?;
        ws.write_number_with_format(row, 2, s.hours, &st.number)?;
        put(
            ws,
            row,
            3,
            if s.group { "group" } else { "individual" },
            &st.text,
        )?;
        let about = match s.about {
            crate::profile::RscAbout::OwnCases => "own cases",
            crate::profile::RscAbout::Providing => "RSC provided",
        };
        put(ws, row, 4, about, &st.text)?;
        put(ws, row, 5, &s.about_reason, &st.text)?;
        put(ws, row, 6, s.provider.as_deref().unwrap_or(""), &st.text)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn skipped(ws: &mut Worksheet, r: &TranscriptReport, st: &Styles) -> Sheet {
    super::sheet::skipped_rows(ws, &r.skipped, &st.header)
}

fn about(ws: &mut Worksheet, r: &TranscriptReport, st: &Styles) -> Sheet {
    let mut lines = vec![super::sheet::tool_line(&r.tool)];
    for e in &r.endorsements {
        lines.push((
            "Profile".to_string(),
            format!(
                "{} ({}), {} from {}",
                e.outcome.title, e.outcome.profile, e.outcome.association, e.outcome.effective_from
            ),
        ));
    }
    lines.extend(super::sheet::input_lines(&r.inputs));
    super::sheet::about_sheet(ws, &lines, &st.title, &st.header, &st.wrap)
}
