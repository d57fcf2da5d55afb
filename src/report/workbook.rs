//! The annotated workbook (rust_xlsxwriter): Summary with a chart, Courses, a Coverage heat
//! map, Gaps, Allocation, Skipped rows and About.
//!
//! Text from input cells is always written as a string cell, so a title starting with `=`
//! stays text; cell text is cut at the format's 32,767-character limit with a visible marker.

use super::sheet::{page as page_setup, put, put_plain};
use super::{AuditReport, CourseReport, KaReport};
use crate::allocate::Status;
use crate::coverage::CoverageStatus;
use crate::error::{Error, Result};
use crate::review;
use rayon::prelude::*;
use rust_xlsxwriter::{
    Chart, ChartFormat, ChartSolidFill, ChartType, Color, ConditionalFormat3ColorScale,
    ConditionalFormatType, DataValidation, DataValidationErrorStyle, Format, FormatAlign, Formula,
    Worksheet, XlsxError,
};
use std::fmt::Write as _;

/// Longest text a cell holds.
pub const MAX_CELL_CHARS: usize = 32_767;
const TRUNCATION_MARKER: &str = " …[cut]";

struct Styles {
    title: Format,
    header: Format,
    header_rotated: Format,
    wrap: Format,
    hours: Format,
    score: Format,
    met: Format,
    short: Format,
    missing: Format,
    weak: Format,
    other: Format,
    note: Format,
}

impl Styles {
    fn new() -> Self {
        let header = super::sheet::header_format();
        Self {
            title: Format::new().set_bold().set_font_size(14),
            header_rotated: header
                .clone()
                .set_rotation(90)
                .set_align(FormatAlign::Center),
            header,
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            hours: Format::new()
                .set_num_format("0.0#")
                .set_align(FormatAlign::Top),
            score: Format::new()
                .set_num_format("0.00")
                .set_align(FormatAlign::Top),
            met: super::sheet::met_format().set_align(FormatAlign::Top),
            short: super::sheet::short_format().set_align(FormatAlign::Top),
            missing: super::sheet::missing_format().set_align(FormatAlign::Top),
            weak: Format::new()
                .set_background_color(Color::RGB(0xFFEB9C))
                .set_text_wrap(),
            other: Format::new()
                .set_background_color(Color::RGB(0xDDEBF7))
                .set_text_wrap(),
            note: super::sheet::note_format(),
        }
    }
}

/// The workbook as bytes.
pub fn render(report: &AuditReport) -> Result<Vec<u8>> {
    build(report).map_err(|e| Error::Write {
        path: "workbook".into(),
        message: e.to_string(),
    })
}

fn build(report: &AuditReport) -> std::result::Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let mut wb = super::sheet::new_workbook();
    // Cells take the top-aligned default style unless they need more, so a plain cell costs
    // no style lookup and lines up with its wrapped neighbours.
    wb.set_default_format(&Format::new().set_align(FormatAlign::Top), 20, 64)?;
    // The sheets with a row per training are flushed row by row (low memory: strings shared),
    // so a 100,000-row catalog does not sit in memory twice.
    wb.add_worksheet();
    wb.add_worksheet_with_low_memory()?;
    wb.add_worksheet_with_low_memory()?;
    wb.add_worksheet();
    wb.add_worksheet_with_low_memory()?;
    wb.add_worksheet_with_low_memory()?;
    wb.add_worksheet();
    wb.add_worksheet();
    // The Courses sheet, the largest, is filled beside all the others.
    let sheets = wb.worksheets_mut();
    let [
        summary_ws,
        courses_ws,
        matrix_ws,
        gaps_ws,
        allocation_ws,
        skipped_ws,
        about_ws,
        lists_ws,
    ] = &mut sheets[..]
    else {
        unreachable!("eight sheets were added above");
    };
    let rows: Vec<CourseRowText> = report.courses.par_iter().map(course_row_text).collect();
    let (courses_done, rest_done) = rayon::join(
        || courses(courses_ws, report, &rows, &styles),
        || -> std::result::Result<(), XlsxError> {
            summary(summary_ws, report, &styles)?;
            matrix(matrix_ws, report, &styles)?;
            gaps(gaps_ws, report, &styles)?;
            allocation(allocation_ws, report, &styles)?;
            skipped(skipped_ws, report, &styles)?;
            about(about_ws, report, &styles)?;
            review_lists(lists_ws, report)
        },
    );
    courses_done?;
    rest_done?;
    wb.save_to_buffer()
}

/// Cuts text to the cell limit with a visible marker.
pub fn cell_text(text: &str) -> std::borrow::Cow<'_, str> {
    // A string of at most MAX_CELL_CHARS bytes has at most as many characters.
    if text.len() <= MAX_CELL_CHARS || text.chars().count() <= MAX_CELL_CHARS {
        return text.into();
    }
    let keep = MAX_CELL_CHARS - TRUNCATION_MARKER.chars().count();
    let mut s: String = text.chars().take(keep).collect();
    s.push_str(TRUNCATION_MARKER);
    s.into()
}

fn headers(
    ws: &mut Worksheet,
    row: u32,
    names: &[&str],
    styles: &Styles,
) -> std::result::Result<(), XlsxError> {
    for (c, name) in names.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *name, &styles.header)?;
    }
    Ok(())
}

/// Lines a text takes in a column of `width` characters, for setting row heights (xlsx rows
/// do not grow by themselves when a file is opened).
fn lines_needed(text: &str, width: f64) -> u32 {
    let per_line = (width * 1.1).max(4.0) as usize;
    text.split('\n')
        .map(|line| line.chars().count().div_ceil(per_line).max(1) as u32)
        .sum()
}

/// The lines the tallest of a row's wrapped cells takes, from 1 to `max_lines`.
fn row_lines(cells: &[(&str, f64)], max_lines: u32) -> u32 {
    cells
        .iter()
        .map(|(text, width)| lines_needed(text, *width))
        .max()
        .unwrap_or(1)
        .clamp(1, max_lines)
}

/// Sets a row's height to fit the tallest of its wrapped cells, at most `max_lines` lines.
fn fit_row(
    ws: &mut Worksheet,
    row: u32,
    cells: &[(&str, f64)],
    max_lines: u32,
) -> std::result::Result<(), XlsxError> {
    let lines = row_lines(cells, max_lines);
    if lines > 1 {
        ws.set_row_height(row, 15.0 * f64::from(lines))?;
    }
    Ok(())
}

fn summary(ws: &mut Worksheet, r: &AuditReport, st: &Styles) -> std::result::Result<(), XlsxError> {
    ws.set_name("Summary")?;
    ws.set_column_width(0, 44)?;
    ws.set_column_width(1, 16)?;
    ws.set_column_width(2, 16)?;
    ws.set_column_width(3, 16)?;
    ws.set_column_width(4, 22)?;
    ws.set_column_width(5, 16)?;
    put(ws, 0, 0, "Training catalog audit", &st.title)?;
    put_plain(
        ws,
        1,
        0,
        &format!(
            "{} ({}, {})",
            r.framework.title, r.framework.id, r.framework.version
        ),
    )?;
    let files: Vec<&str> = r.inputs.iter().map(|i| i.file.as_str()).collect();
    put(ws, 2, 0, &format!("Input: {}", files.join(", ")), &st.note)?;

    let mut row = 4;
    headers(
        ws,
        row,
        &[
            "Requirement",
            "Required h",
            "Counted h",
            "Offered h",
            "Status",
            "Trainings",
        ],
        st,
    )?;
    let first_req_row = row + 1;
    for req in &r.requirements {
        row += 1;
        put(ws, row, 0, &req.name, &st.wrap)?;
        fit_row(ws, row, &[(&req.name, 44.0)], 4)?;
        ws.write_number_with_format(row, 1, req.required_hours, &st.hours)?;
        ws.write_number_with_format(row, 2, req.counted_hours, &st.hours)?;
        ws.write_number_with_format(row, 3, req.qualifying_hours, &st.hours)?;
        let format = match req.status {
            Status::Met => &st.met,
            Status::Short { .. } => &st.short,
            Status::NoQualifyingCourses => &st.missing,
        };
        put(ws, row, 4, &req.status.describe(), format)?;
        ws.write_number(row, 5, req.qualifying_courses as f64)?;
    }
    let last_req_row = row;
    row += 1;
    put(
        ws,
        row,
        0,
        "Counted hours stop at what is required. Offered hours: all hours of the trainings that qualify.",
        &st.note,
    )?;

    let mut chart = Chart::new(ChartType::Bar);
    chart.title().set_name("Hours: required and counted");
    chart
        .add_series()
        .set_name("Required")
        .set_categories(("Summary", first_req_row, 0, last_req_row, 0))
        .set_values(("Summary", first_req_row, 1, last_req_row, 1))
        .set_format(
            ChartFormat::new()
                .set_solid_fill(ChartSolidFill::new().set_color(Color::RGB(0xA6A6A6))),
        );
    chart
        .add_series()
        .set_name("Counted")
        .set_categories(("Summary", first_req_row, 0, last_req_row, 0))
        .set_values(("Summary", first_req_row, 2, last_req_row, 2))
        .set_format(
            ChartFormat::new()
                .set_solid_fill(ChartSolidFill::new().set_color(Color::RGB(0x2E75B6))),
        );
    chart.set_width(620).set_height(300);
    ws.insert_chart(row + 2, 0, &chart)?;
    row += 18;

    headers(ws, row, &["Trainings by bucket", "Trainings", "Hours"], st)?;
    for b in &r.summary.buckets {
        row += 1;
        put_plain(ws, row, 0, &b.bucket)?;
        ws.write_number(row, 1, b.courses as f64)?;
        ws.write_number_with_format(row, 2, b.hours, &st.hours)?;
    }
    row += 2;
    headers(
        ws,
        row,
        &[
            "Area of expertise",
            "Evidenced by",
            "Knowledge areas",
            "Covered",
            "Weak",
            "Not covered",
        ],
        st,
    )?;
    for a in &r.areas {
        row += 1;
        put_plain(ws, row, 0, &a.name)?;
        let by = match a.evidenced_by {
            crate::framework::EvidencedBy::Training => "training",
            crate::framework::EvidencedBy::Other => "references, work",
        };
        put_plain(ws, row, 1, by)?;
        ws.write_number(row, 2, a.knowledge_areas as f64)?;
        ws.write_number(row, 3, a.covered as f64)?;
        ws.write_number(row, 4, a.weak as f64)?;
        let fmt = if a.uncovered == 0 {
            &st.met
        } else if a.evidenced_by == crate::framework::EvidencedBy::Other {
            &st.other
        } else {
            &st.missing
        };
        ws.write_number_with_format(row, 5, a.uncovered as f64, fmt)?;
    }
    row += 2;
    let s = &r.summary;
    for line in [
        format!(
            "Rows read: {} (used {}, skipped {}; see Skipped rows)",
            s.rows_seen, s.rows_used, s.rows_skipped
        ),
        format!(
            "Trainings: {} with {} h in all; {} without readable hours; {} too thin to judge",
            s.rows_used,
            s.total_hours,
            s.rows_used - s.courses_with_hours,
            s.thin_courses
        ),
        format!(
            "Knowledge areas: {} covered, {} weak, {} not covered by training, {} documented by other evidence",
            s.knowledge_areas_covered,
            s.knowledge_areas_weak,
            s.knowledge_areas_uncovered,
            s.knowledge_areas_other_evidence
        ),
    ] {
        put_plain(ws, row, 0, &line)?;
        row += 1;
    }
    ws.set_active(true);
    page_setup(ws);
    // The summary is one printed page.
    ws.set_print_fit_to_pages(1, 1);
    Ok(())
}

/// The cells of a Courses row that are composed rather than copied, and the lines the row
/// needs; built for all rows in parallel before the sheet is written.
struct CourseRowText {
    counted: String,
    names: String,
    evidence: String,
    flags: String,
    lines: u32,
}

fn course_row_text(course: &CourseReport) -> CourseRowText {
    let c = &course.course;
    let mut counted = String::new();
    for (n, line) in course.counted.iter().enumerate() {
        let sep = if n == 0 { "" } else { "\n" };
        let _ = write!(counted, "{sep}{} {} h", line.requirement, line.hours);
    }
    let (mut names, mut evidence) = (String::new(), String::new());
    for (n, k) in course.knowledge_areas.iter().enumerate() {
        let sep = if n == 0 { "" } else { "\n" };
        let by = if k.decided_by.is_some() {
            " [reviewer]"
        } else {
            ""
        };
        let _ = write!(names, "{sep}{} ({:.2}){by}", k.name, k.score);
        if let Some(via) = &k.via {
            let _ = write!(
                names,
                " [via {}: {}, {:?}]",
                via.framework, via.name, via.relation
            );
        }
        let _ = write!(
            evidence,
            "{sep}{}: {}{}",
            k.name,
            k.evidence.join(", "),
            crate::matcher::examples::like_note(&k.like)
        );
    }
    let mut flags = String::new();
    let mut flag = |text: std::fmt::Arguments| {
        let sep = if flags.is_empty() { "" } else { "\n" };
        let _ = write!(flags, "{sep}{text}");
    };
    if course.thin {
        flag(format_args!("too little text to judge"));
    }
    if let Some(note) = &c.hours_note {
        flag(format_args!("hours: {note}"));
    } else if c.hours.is_none() {
        flag(format_args!("no hours given"));
    }
    if !course.typos.is_empty() {
        flag(format_args!("read as typos: {}", course.typos.join(", ")));
    }
    if !course.set_aside.is_empty() {
        let mut kinds: Vec<&str> = Vec::new();
        for s in &course.set_aside {
            if !kinds.contains(&s.kind.label()) {
                kinds.push(s.kind.label());
            }
        }
        let n = course.set_aside.len();
        flag(format_args!(
            "not matched: {n} sentence{} about {}",
            if n == 1 { "" } else { "s" },
            kinds.join(", ")
        ));
    }
    let lines = row_lines(
        &[
            (&c.title, 40.0),
            (&names, 46.0),
            (&evidence, 50.0),
            (&course.bucket_reason, 50.0),
            (&c.description, 70.0),
        ],
        8,
    );
    CourseRowText {
        counted,
        names,
        evidence,
        flags,
        lines,
    }
}

fn courses(
    ws: &mut Worksheet,
    r: &AuditReport,
    rows: &[CourseRowText],
    st: &Styles,
) -> std::result::Result<(), XlsxError> {
    ws.set_name("Courses")?;
    let cols: &[(&str, f64)] = &[
        ("File", 16.0),
        ("Sheet", 12.0),
        ("Row", 6.0),
        ("ID", 10.0),
        ("Title", 40.0),
        ("Hours", 8.0),
        ("Bucket", 16.0),
        ("Counts toward", 22.0),
        ("Knowledge areas", 46.0),
        ("Best score", 8.0),
        ("Evidence", 50.0),
        ("Why this bucket", 50.0),
        ("Flags", 30.0),
        ("Provider", 18.0),
        ("Date", 11.0),
        ("Format", 12.0),
        ("Description", 70.0),
        (review::DECISION_HEADER, 16.0),
        (review::REMOVE_HEADER, 30.0),
        (review::ADD_HEADER, 30.0),
        (review::BUCKET_HEADER, 16.0),
    ];
    for (c, (name, width)) in cols.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *name, &st.header)?;
        ws.set_column_width(c as u16, *width)?;
    }
    add_review_validation(ws, r)?;
    for (i, (course, text)) in r.courses.iter().zip(rows).enumerate() {
        let row = i as u32 + 1;
        let c = &course.course;
        put_plain(ws, row, 0, &c.source.file)?;
        put_plain(ws, row, 1, c.source.sheet.as_deref().unwrap_or(""))?;
        ws.write_number(row, 2, f64::from(c.source.row))?;
        put_plain(ws, row, 3, &c.id)?;
        put(ws, row, 4, &c.title, &st.wrap)?;
        if let Some(h) = c.hours {
            ws.write_number_with_format(row, 5, h, &st.hours)?;
        }
        put_plain(ws, row, 6, &course.bucket)?;
        put(ws, row, 7, &text.counted, &st.wrap)?;
        put(ws, row, 8, &text.names, &st.wrap)?;
        if let Some(best) = course.knowledge_areas.first() {
            ws.write_number_with_format(row, 9, best.score, &st.score)?;
        }
        put(ws, row, 10, &text.evidence, &st.wrap)?;
        put(ws, row, 11, &course.bucket_reason, &st.wrap)?;
        let flag_style = if course.thin || c.hours.is_none() {
            &st.weak
        } else {
            &st.wrap
        };
        put(ws, row, 12, &text.flags, flag_style)?;
        put(ws, row, 13, c.provider.as_deref().unwrap_or(""), &st.wrap)?;
        put_plain(ws, row, 14, c.date.as_deref().unwrap_or(""))?;
        put_plain(ws, row, 15, c.format.as_deref().unwrap_or(""))?;
        put(ws, row, 16, &c.description, &st.wrap)?;
        if let Some(applied) = &course.review {
            put_plain(ws, row, 17, &applied.decision)?;
            put(ws, row, 18, &applied.removed.join("; "), &st.wrap)?;
            put(ws, row, 19, &applied.added.join("; "), &st.wrap)?;
            put_plain(ws, row, 20, &applied.bucket)?;
        }
        if text.lines > 1 {
            ws.set_row_height(row, 15.0 * f64::from(text.lines))?;
        }
    }
    page_setup(ws);
    ws.set_freeze_panes(1, 5)?;
    let last = r.courses.len().max(1) as u32;
    ws.autofilter(0, 0, last, (cols.len() - 1) as u16)?;
    Ok(())
}

fn matrix(ws: &mut Worksheet, r: &AuditReport, st: &Styles) -> std::result::Result<(), XlsxError> {
    ws.set_name("Coverage")?;
    ws.set_column_width(0, 10)?;
    ws.set_column_width(1, 40)?;
    ws.set_column_width(2, 7)?;
    put(
        ws,
        0,
        0,
        "Courses x knowledge areas: match scores (0 to 1). Empty: not matched.",
        &st.note,
    )?;
    ws.write_string_with_format(1, 0, "ID", &st.header)?;
    ws.write_string_with_format(1, 1, "Title", &st.header)?;
    ws.write_string_with_format(1, 2, "Hours", &st.header)?;
    ws.set_row_height(1, 190)?;
    for (k, ka) in r.coverage.iter().enumerate() {
        let col = 3 + k as u16;
        ws.set_column_width(col, 4.5)?;
        put(
            ws,
            1,
            col,
            &format!("{} · {}", ka.area, ka.name),
            &st.header_rotated,
        )?;
    }
    // Per-course scores come from the course's matches.
    let index: std::collections::HashMap<&str, usize> = r
        .coverage
        .iter()
        .enumerate()
        .map(|(k, ka)| (ka.id.as_str(), k))
        .collect();
    for (i, course) in r.courses.iter().enumerate() {
        let row = 2 + i as u32;
        put_plain(ws, row, 0, &course.course.id)?;
        put_plain(ws, row, 1, &course.course.title)?;
        if let Some(h) = course.course.hours {
            ws.write_number_with_format(row, 2, h, &st.hours)?;
        }
        for m in &course.knowledge_areas {
            if let Some(&k) = index.get(m.id.as_str()) {
                ws.write_number_with_format(row, 3 + k as u16, m.score, &st.score)?;
            }
        }
    }
    let last_row = 1 + r.courses.len().max(1) as u32;
    let last_col = 2 + r.coverage.len().max(1) as u16;
    // Totals: how many courses cover each knowledge area.
    let totals_row = last_row + 1;
    put(ws, totals_row, 1, "Trainings covering", &st.header)?;
    for (k, ka) in r.coverage.iter().enumerate() {
        let fmt = match ka.status {
            CoverageStatus::Covered => &st.met,
            CoverageStatus::Weak => &st.short,
            CoverageStatus::Uncovered => &st.missing,
            CoverageStatus::OtherEvidence => &st.other,
        };
        ws.write_number_with_format(totals_row, 3 + k as u16, ka.courses.len() as f64, fmt)?;
    }
    let scale = ConditionalFormat3ColorScale::new()
        .set_minimum(ConditionalFormatType::Number, 0.0)
        .set_midpoint(ConditionalFormatType::Number, 0.5)
        .set_maximum(ConditionalFormatType::Number, 1.0)
        .set_minimum_color(Color::RGB(0xFFF2CC))
        .set_midpoint_color(Color::RGB(0xBDD7EE))
        .set_maximum_color(Color::RGB(0x5B9BD5));
    ws.add_conditional_format(2, 3, last_row, last_col, &scale)?;
    ws.set_freeze_panes(2, 3)?;
    page_setup(ws);
    Ok(())
}

fn gaps(ws: &mut Worksheet, r: &AuditReport, st: &Styles) -> std::result::Result<(), XlsxError> {
    ws.set_name("Gaps")?;
    let cols: &[(&str, f64)] = &[
        ("Area of expertise", 24.0),
        ("Knowledge area", 40.0),
        ("Status", 30.0),
        ("Why", 60.0),
        ("Trainings", 10.0),
        ("Hours", 8.0),
        ("Best training", 40.0),
    ];
    for (c, (name, width)) in cols.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *name, &st.header)?;
        ws.set_column_width(c as u16, *width)?;
    }
    let mut row = 0;
    for gap in &r.gaps {
        row += 1;
        let ka = r.coverage.iter().find(|k| k.id == gap.id);
        let fmt = match gap.status {
            CoverageStatus::Uncovered => &st.missing,
            CoverageStatus::OtherEvidence => &st.other,
            _ => &st.weak,
        };
        put_plain(ws, row, 0, &gap.area)?;
        put_plain(ws, row, 1, &gap.name)?;
        put(ws, row, 2, gap.status.describe(), fmt)?;
        put(ws, row, 3, &gap.reason, &st.wrap)?;
        fit_row(ws, row, &[(&gap.reason, 60.0)], 4)?;
        if let Some(ka) = ka {
            ws.write_number(row, 4, ka.courses.len() as f64)?;
            ws.write_number_with_format(row, 5, ka.hours, &st.hours)?;
            if let Some(best) = ka.courses.first() {
                let title = r
                    .courses
                    .iter()
                    .find(|c| c.course.id == best.id && c.course.source == best.source)
                    .map_or("", |c| c.course.title.as_str());
                put(
                    ws,
                    row,
                    6,
                    &format!("{} {} ({:.2})", best.id, title, best.score),
                    &st.wrap,
                )?;
            }
        }
    }
    if r.gaps.is_empty() {
        put(ws, 1, 0, "Every knowledge area is covered.", &st.note)?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, row.max(1), (cols.len() - 1) as u16)?;
    page_setup(ws);
    Ok(())
}

fn allocation(
    ws: &mut Worksheet,
    r: &AuditReport,
    st: &Styles,
) -> std::result::Result<(), XlsxError> {
    ws.set_name("Allocation")?;
    let cols: &[(&str, f64)] = &[
        ("Requirement", 20.0),
        ("Hours", 8.0),
        ("ID", 10.0),
        ("Title", 50.0),
        ("File", 18.0),
        ("Row", 6.0),
    ];
    for (c, (name, width)) in cols.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *name, &st.header)?;
        ws.set_column_width(c as u16, *width)?;
    }
    for (i, line) in r.allocation.iter().enumerate() {
        let row = i as u32 + 1;
        put_plain(ws, row, 0, &line.requirement)?;
        ws.write_number_with_format(row, 1, line.hours, &st.hours)?;
        put_plain(ws, row, 2, &line.course)?;
        put_plain(ws, row, 3, &line.title)?;
        put_plain(ws, row, 4, &line.source.file)?;
        ws.write_number(row, 5, f64::from(line.source.row))?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(
        0,
        0,
        r.allocation.len().max(1) as u32,
        (cols.len() - 1) as u16,
    )?;
    Ok(())
}

fn skipped(ws: &mut Worksheet, r: &AuditReport, st: &Styles) -> std::result::Result<(), XlsxError> {
    super::sheet::skipped_rows(ws, &r.skipped, &st.header)
}

fn about(ws: &mut Worksheet, r: &AuditReport, st: &Styles) -> std::result::Result<(), XlsxError> {
    ws.set_name("About")?;
    ws.set_column_width(0, 28)?;
    ws.set_column_width(1, 90)?;
    let mut row = 0;
    put(ws, row, 0, "About this workbook", &st.title)?;
    let mut pair =
        |ws: &mut Worksheet, key: &str, value: &str| -> std::result::Result<(), XlsxError> {
            row += 1;
            put(ws, row, 0, key, &st.header)?;
            put(ws, row, 1, value, &st.wrap)?;
            Ok(())
        };
    pair(ws, "Tool", &format!("{} {}", r.tool.name, r.tool.version))?;
    pair(
        ws,
        "Framework",
        &format!("{} ({})", r.framework.title, r.framework.id),
    )?;
    pair(ws, "Framework version", &r.framework.version)?;
    pair(ws, "Framework source", &r.framework.source)?;
    if let Some(restated) = &r.restated_from {
        pair(
            ws,
            "Restated from",
            &format!(
                "{} ({}), through the bundled crosswalk: {}",
                restated.framework.title, restated.framework.id, restated.note
            ),
        )?;
        for change in &restated.changes {
            pair(
                ws,
                &format!("{:?}", change.relation),
                &format!("{} -> {}", change.from.join(" + "), change.to.join(" + ")),
            )?;
        }
    }
    for input in &r.inputs {
        pair(
            ws,
            "Input",
            &format!(
                "{} ({}{}); header row {}; SHA-256 {}",
                input.file,
                input.format,
                input
                    .sheet
                    .as_ref()
                    .map(|s| format!(", sheet '{s}'"))
                    .unwrap_or_default(),
                input.header_row,
                input.sha256
            ),
        )?;
        let columns: Vec<String> = input
            .columns
            .iter()
            .map(|c| format!("{} = {:?} ('{}')", c.column, c.role, c.header))
            .collect();
        pair(ws, "Columns read", &columns.join("; "))?;
        for note in &input.notes {
            pair(ws, "Note", note)?;
        }
    }
    let s = &r.settings;
    pair(
        ws,
        "Credit conversion",
        &format!(
            "{} clock hours per credit; {} per CEU",
            s.credit_factor, s.ceu_factor
        ),
    )?;
    pair(
        ws,
        "Counting",
        if s.hours_count_once {
            "each hour of a training counts toward one part requirement only"
        } else {
            "a training's hours may count toward several requirements"
        },
    )?;
    pair(
        ws,
        "Matching",
        &format!(
            "knowledge areas reported from score {}; strong coverage from {}; weak below {} h",
            s.min_score, s.strong_score, s.weak_below_hours
        ),
    )?;
    pair(
        ws,
        "Reading scores",
        "Scores run from 0 to 1 and come from the framework's descriptor vocabulary found in the title (counted double) and description; the Evidence column lists the words and phrases found.",
    )?;
    Ok(())
}

/// The name a review list offers for a knowledge area: its name, or "Area: Name" when two
/// areas share the name.
fn review_name(r: &AuditReport, k: &KaReport) -> String {
    if r.coverage.iter().filter(|o| o.name == k.name).count() > 1 {
        format!("{}: {}", k.area, k.name)
    } else {
        k.name.clone()
    }
}

/// The hidden sheet the review dropdowns draw from: knowledge areas, buckets, decisions.
fn review_lists(ws: &mut Worksheet, r: &AuditReport) -> std::result::Result<(), XlsxError> {
    ws.set_name(REVIEW_LISTS)?;
    ws.write_string(0, 0, "Knowledge areas")?;
    ws.write_string(0, 1, "Buckets")?;
    ws.write_string(0, 2, "Decisions")?;
    for (i, k) in r.coverage.iter().enumerate() {
        ws.write_string(i as u32 + 1, 0, review_name(r, k))?;
    }
    for (i, b) in r.summary.buckets.iter().enumerate() {
        ws.write_string(i as u32 + 1, 1, &b.bucket)?;
    }
    for (i, d) in review::DECISIONS.iter().enumerate() {
        ws.write_string(i as u32 + 1, 2, *d)?;
    }
    ws.set_hidden(true);
    Ok(())
}

const REVIEW_LISTS: &str = "Review lists";

/// Dropdowns on the review columns of the Courses sheet. Typing is allowed too (several
/// knowledge areas separated by ";"), with a warning when a value is not on the list.
fn add_review_validation(
    ws: &mut Worksheet,
    r: &AuditReport,
) -> std::result::Result<(), XlsxError> {
    if r.courses.is_empty() {
        return Ok(());
    }
    let last = r.courses.len() as u32;
    let list =
        |col: char, n: usize| Formula::new(format!("='{REVIEW_LISTS}'!${col}$2:${col}${}", n + 1));
    let columns = [
        (
            17,
            list('C', review::DECISIONS.len()),
            "accept: the matches stand; reject: none does",
        ),
        (
            18,
            list('A', r.coverage.len()),
            "a knowledge area to remove; several with ;",
        ),
        (
            19,
            list('A', r.coverage.len()),
            "a knowledge area to add; several with ;",
        ),
        (
            20,
            list('B', r.summary.buckets.len()),
            "the bucket the hours go to",
        ),
    ];
    for (col, formula, prompt) in columns {
        let validation = DataValidation::new()
            .allow_list_formula(formula)
            .set_input_message(prompt)?
            .set_error_style(DataValidationErrorStyle::Information);
        ws.add_data_validation(1, col, last, col, &validation)?;
    }
    Ok(())
}
