//! The program workbook: Summary, then for each framework a curriculum map (courses down the
//! side, knowledge areas across the top grouped by area, I/R/M levels in the cells, shaded by
//! depth), a knowledge-area rollup (courses, hours, levels, sole sources, redundancy) and a
//! not-mapped view; then the course-vetting sheet (per course, the knowledge areas it documents
//! with evidence), skipped rows and About.

use super::sheet::{Sheet, header_format, page, put};
use crate::error::{Error, Result};
use crate::program::{FrameworkMap, ProgramReport};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

struct Styles {
    title: Format,
    header: Format,
    area: Format,
    rotated: Format,
    text: Format,
    wrap: Format,
    number: Format,
    depth: [Format; 3],
    gap: Format,
    good: Format,
    note: Format,
}

impl Styles {
    fn new() -> Self {
        let header = header_format();
        let cell = |rgb: u32, font: Color| {
            Format::new()
                .set_background_color(Color::RGB(rgb))
                .set_font_color(font)
                .set_align(FormatAlign::Center)
                .set_border(FormatBorder::Thin)
                .set_border_color(Color::RGB(0xD9D9D9))
        };
        Self {
            title: Format::new().set_bold().set_font_size(14),
            area: header.clone().set_align(FormatAlign::Center),
            rotated: header
                .clone()
                .set_rotation(90)
                .set_align(FormatAlign::Center),
            header,
            text: Format::new().set_align(FormatAlign::Top),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            number: Format::new()
                .set_num_format("0.##")
                .set_align(FormatAlign::Center),
            depth: [
                cell(0xDDEBF7, Color::Black),
                cell(0x9BC2E6, Color::Black),
                cell(0x2F75B5, Color::White),
            ],
            gap: super::sheet::missing_format(),
            good: super::sheet::met_format(),
            note: super::sheet::note_format(),
        }
    }
}

/// The program workbook as bytes.
pub fn render(report: &ProgramReport) -> Result<Vec<u8>> {
    build(report).map_err(|e| Error::Write {
        path: "workbook".into(),
        message: e.to_string(),
    })
}

fn build(r: &ProgramReport) -> std::result::Result<Vec<u8>, XlsxError> {
    let st = Styles::new();
    let mut wb = super::sheet::new_workbook();
    summary(wb.add_worksheet(), r, &st)?;
    for map in &r.frameworks {
        curriculum_map(wb.add_worksheet(), r, map, &st)?;
        rollup(wb.add_worksheet(), map, &st)?;
        not_mapped(wb.add_worksheet(), map, &st)?;
    }
    vetting(wb.add_worksheet(), r, &st)?;
    skipped(wb.add_worksheet(), r, &st)?;
    about(wb.add_worksheet(), r, &st)?;
    wb.save_to_buffer()
}

/// A sheet name within the format's 31 characters.
fn sheet_name(prefix: &str, id: &str) -> String {
    let name = format!("{prefix} {id}");
    name.chars().take(31).collect()
}

fn headers(ws: &mut Worksheet, row: u32, cols: &[(&str, f64)], st: &Styles) -> Sheet {
    super::sheet::headers(ws, row, cols, &st.header)
}

fn summary(ws: &mut Worksheet, r: &ProgramReport, st: &Styles) -> Sheet {
    ws.set_name("Summary")?;
    put(ws, 0, 0, "Program alignment", &st.title)?;
    let hours: f64 = r.courses.iter().filter_map(|c| c.course.hours).sum();
    put(
        ws,
        1,
        0,
        &format!(
            "{}, {} clock hours at {} clock hours per credit",
            super::counted(r.courses.len(), "course"),
            crate::normalize::round2(hours),
            r.clock_hours_per_credit
        ),
        &st.text,
    )?;
    headers(
        ws,
        3,
        &[
            ("Framework", 46.0),
            ("Knowledge areas", 12.0),
            ("Taught", 10.0),
            ("Not taught", 10.0),
            ("Sole source", 10.0),
            ("Redundant", 10.0),
        ],
        st,
    )?;
    for (i, map) in r.frameworks.iter().enumerate() {
        let row = 4 + i as u32;
        let kas = &map.knowledge_areas;
        put(
            ws,
            row,
            0,
            &format!("{} ({})", map.framework.title, map.framework.id),
            &st.wrap,
        )?;
        ws.write_number(row, 1, kas.len() as f64)?;
        ws.write_number(row, 2, kas.iter().filter(|k| k.courses > 0).count() as f64)?;
        let missing = kas.iter().filter(|k| k.courses == 0).count();
        ws.write_number_with_format(
            row,
            3,
            missing as f64,
            if missing > 0 { &st.gap } else { &st.good },
        )?;
        ws.write_number(
            row,
            4,
            kas.iter().filter(|k| k.sole_source.is_some()).count() as f64,
        )?;
        ws.write_number(row, 5, kas.iter().filter(|k| k.redundant).count() as f64)?;
        ws.set_row_height(row, 30)?;
    }
    let row = 5 + r.frameworks.len() as u32;
    put(
        ws,
        row,
        0,
        "Each framework has a curriculum map, a knowledge-area rollup and a not-mapped sheet. Sole source: only one course teaches the knowledge area, so removing that course opens a gap.",
        &st.note,
    )?;
    ws.set_active(true);
    page(ws);
    Ok(())
}

fn curriculum_map(ws: &mut Worksheet, r: &ProgramReport, map: &FrameworkMap, st: &Styles) -> Sheet {
    ws.set_name(sheet_name("Map", &map.framework.id))?;
    let first = 4u16;
    for (c, (name, width)) in [
        ("ID", 11.0),
        ("Course", 34.0),
        ("Level", 6.0),
        ("Hours", 7.0),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(1, c as u16, *name, &st.header)?;
        ws.set_column_width(c as u16, *width)?;
    }
    ws.set_row_height(1, 170)?;
    // Area headers over their knowledge-area columns.
    let mut col = first;
    let mut k = 0;
    while k < map.knowledge_areas.len() {
        let area = &map.knowledge_areas[k].area;
        let span = map.knowledge_areas[k..]
            .iter()
            .take_while(|x| &x.area == area)
            .count();
        let last = col + span as u16 - 1;
        if span > 1 {
            ws.merge_range(0, col, 0, last, area, &st.area)?;
        } else {
            put(ws, 0, col, area, &st.area)?;
        }
        for (i, ka) in map.knowledge_areas[k..k + span].iter().enumerate() {
            let c = col + i as u16;
            ws.set_column_width(c, 4.2)?;
            put(ws, 1, c, &ka.name, &st.rotated)?;
        }
        col = last + 1;
        k += span;
    }
    ws.set_row_height(0, 48)?;
    for (i, course) in r.courses.iter().enumerate() {
        let row = 2 + i as u32;
        put(ws, row, 0, &course.course.id, &st.text)?;
        put(ws, row, 1, &course.course.title, &st.text)?;
        let level = course
            .curriculum_level
            .map(|l| format!("{l:?}"))
            .unwrap_or_default();
        put(ws, row, 2, &level, &st.text)?;
        if let Some(h) = course.course.hours {
            ws.write_number_with_format(row, 3, h, &st.number)?;
        }
        for cell in map.cells.iter().filter(|c| c.course == i) {
            let Some(k) = map
                .knowledge_areas
                .iter()
                .position(|x| x.id == cell.knowledge_area)
            else {
                continue;
            };
            let mark = if level.is_empty() {
                "•".to_string()
            } else {
                level.clone()
            };
            put(
                ws,
                row,
                first + k as u16,
                &mark,
                &st.depth[(cell.depth - 1) as usize],
            )?;
        }
    }
    let foot = 2 + r.courses.len() as u32;
    put(ws, foot, 1, "Courses teaching it", &st.header)?;
    put(ws, foot + 1, 1, "Hours", &st.header)?;
    for (k, ka) in map.knowledge_areas.iter().enumerate() {
        let c = first + k as u16;
        let f = if ka.courses == 0 { &st.gap } else { &st.number };
        ws.write_number_with_format(foot, c, ka.courses as f64, f)?;
        ws.write_number_with_format(foot + 1, c, ka.hours, &st.number)?;
    }
    put(
        ws,
        foot + 3,
        1,
        "Cells: the course's level (I introduced, R reinforced, M mastered; • when unknown), shaded by depth: light touched (score < 0.5), mid taught (0.5 to 0.75), dark central (0.75 and above).",
        &st.note,
    )?;
    ws.set_freeze_panes(2, first)?;
    page(ws);
    Ok(())
}

fn rollup(ws: &mut Worksheet, map: &FrameworkMap, st: &Styles) -> Sheet {
    ws.set_name(sheet_name("Areas", &map.framework.id))?;
    headers(
        ws,
        0,
        &[
            ("Area of expertise", 26.0),
            ("Knowledge area", 44.0),
            ("Courses", 8.0),
            ("Hours", 8.0),
            ("I", 5.0),
            ("R", 5.0),
            ("M", 5.0),
            ("Sole source (removal opens a gap)", 22.0),
            ("Heavily redundant", 10.0),
        ],
        st,
    )?;
    for (i, ka) in map.knowledge_areas.iter().enumerate() {
        let row = 1 + i as u32;
        put(ws, row, 0, &ka.area, &st.text)?;
        put(ws, row, 1, &ka.name, &st.text)?;
        let f = if ka.courses == 0 { &st.gap } else { &st.number };
        ws.write_number_with_format(row, 2, ka.courses as f64, f)?;
        ws.write_number_with_format(row, 3, ka.hours, &st.number)?;
        for (j, n) in ka.levels.iter().enumerate() {
            ws.write_number_with_format(row, 4 + j as u16, *n as f64, &st.number)?;
        }
        put(
            ws,
            row,
            7,
            ka.sole_source.as_deref().unwrap_or(""),
            &st.text,
        )?;
        put(ws, row, 8, if ka.redundant { "yes" } else { "" }, &st.text)?;
    }
    let mut row = 2 + map.knowledge_areas.len() as u32;
    headers(
        ws,
        row,
        &[
            ("Area of expertise", 26.0),
            ("Knowledge areas", 44.0),
            ("Taught", 8.0),
            ("Not taught", 8.0),
        ],
        st,
    )?;
    for area in &map.areas {
        row += 1;
        put(ws, row, 0, &area.name, &st.text)?;
        ws.write_number(row, 1, area.knowledge_areas as f64)?;
        ws.write_number(row, 2, area.mapped as f64)?;
        let missing = area.knowledge_areas - area.mapped;
        ws.write_number_with_format(
            row,
            3,
            missing as f64,
            if missing > 0 { &st.gap } else { &st.good },
        )?;
    }
    ws.autofilter(0, 0, map.knowledge_areas.len() as u32, 8)?;
    ws.set_freeze_panes(1, 0)?;
    page(ws);
    Ok(())
}

fn not_mapped(ws: &mut Worksheet, map: &FrameworkMap, st: &Styles) -> Sheet {
    ws.set_name(sheet_name("Not mapped", &map.framework.id))?;
    headers(
        ws,
        0,
        &[
            ("Area of expertise", 28.0),
            ("Knowledge area no course teaches", 60.0),
        ],
        st,
    )?;
    let mut row = 0;
    for area in &map.areas {
        for name in &area.not_mapped {
            row += 1;
            put(ws, row, 0, &area.name, &st.text)?;
            put(ws, row, 1, name, &st.gap)?;
        }
    }
    if row == 0 {
        put(
            ws,
            1,
            0,
            "Every knowledge area is taught by at least one course.",
            &st.note,
        )?;
    }
    page(ws);
    Ok(())
}

fn vetting(ws: &mut Worksheet, r: &ProgramReport, st: &Styles) -> Sheet {
    ws.set_name("Course vetting")?;
    headers(
        ws,
        0,
        &[
            ("Course", 11.0),
            ("Title", 34.0),
            ("Clock hours", 9.0),
            ("Framework", 16.0),
            ("Knowledge area documented", 40.0),
            ("Area of expertise", 24.0),
            ("Score", 7.0),
            ("Evidence in the course description", 60.0),
        ],
        st,
    )?;
    let mut row = 0;
    for (i, course) in r.courses.iter().enumerate() {
        for map in &r.frameworks {
            for cell in map.cells.iter().filter(|c| c.course == i) {
                let Some(ka) = map
                    .knowledge_areas
                    .iter()
                    .find(|k| k.id == cell.knowledge_area)
                else {
                    continue;
                };
                row += 1;
                put(ws, row, 0, &course.course.id, &st.text)?;
                put(ws, row, 1, &course.course.title, &st.text)?;
                if let Some(h) = course.course.hours {
                    ws.write_number_with_format(row, 2, h, &st.number)?;
                }
                put(ws, row, 3, &map.framework.id, &st.text)?;
                put(ws, row, 4, &ka.name, &st.text)?;
                put(ws, row, 5, &ka.area, &st.text)?;
                ws.write_number_with_format(row, 6, cell.score, &st.number)?;
                let evidence = format!(
                    "{}{}",
                    cell.evidence.join(", "),
                    crate::matcher::examples::like_note(&cell.like)
                );
                put(ws, row, 7, &evidence, &st.wrap)?;
            }
        }
    }
    ws.autofilter(0, 0, row.max(1), 7)?;
    ws.set_freeze_panes(1, 2)?;
    page(ws);
    Ok(())
}

fn skipped(ws: &mut Worksheet, r: &ProgramReport, st: &Styles) -> Sheet {
    super::sheet::skipped_rows(ws, &r.skipped, &st.header)
}

fn about(ws: &mut Worksheet, r: &ProgramReport, st: &Styles) -> Sheet {
    let mut lines = vec![
        super::sheet::tool_line(&r.tool),
        (
            "Clock hours per credit".to_string(),
            r.clock_hours_per_credit.to_string(),
        ),
        ("Levels".to_string(), r.level_rule.clone()),
    ];
    for map in &r.frameworks {
        lines.push((
            "Framework".to_string(),
            format!(
                "{} ({}, {}); {}",
                map.framework.title, map.framework.id, map.framework.version, map.framework.source
            ),
        ));
    }
    lines.extend(super::sheet::input_lines(&r.inputs));
    super::sheet::about_sheet(ws, &lines, &st.title, &st.header, &st.wrap)
}
