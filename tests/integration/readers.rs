//! Every reader format gives the same courses; header detection; encodings and delimiters;
//! formats told by bytes, not names.

use crate::fixtures::{SMALL_ROWS, fixture, small_rows, write_text_table, write_xlsb, write_xlsx};
use crosswalk::audit::{AuditOptions, load};
use std::path::{Path, PathBuf};

fn read(path: &Path) -> crosswalk::audit::Loaded {
    let options = AuditOptions {
        inputs: vec![path.to_path_buf()],
        ..AuditOptions::default()
    };
    load(&options).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Asserts the file reads as the small table: three courses with titles and hours.
fn assert_small_table(path: &Path, expected_format: &str) {
    let loaded = read(path);
    let titles: Vec<&str> = loaded.courses.iter().map(|c| c.title.as_str()).collect();
    let expected: Vec<&str> = SMALL_ROWS.iter().map(|r| r[1]).collect();
    assert_eq!(titles, expected, "{}", path.display());
    let hours: Vec<Option<f64>> = loaded.courses.iter().map(|c| c.hours).collect();
    assert_eq!(
        hours,
        [Some(3.0), Some(6.0), Some(4.0)],
        "{}",
        path.display()
    );
    assert_eq!(loaded.courses[0].id, "F1");
    assert_eq!(
        loaded.inputs[0].format,
        expected_format,
        "{}",
        path.display()
    );
    assert_eq!(
        loaded.courses[0].source.row, 2,
        "row numbers as a spreadsheet shows them"
    );
}

fn temp_path(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

#[test]
fn xlsx_reads() {
    let dir = tempfile::tempdir().expect("temp");
    let path = temp_path(&dir, "small.xlsx");
    write_xlsx(&path, "Catalog", &small_rows());
    assert_small_table(&path, "xlsx");
}

#[test]
fn xlsm_reads_as_xlsx() {
    let dir = tempfile::tempdir().expect("temp");
    let path = temp_path(&dir, "small.xlsm");
    write_xlsx(&path, "Catalog", &small_rows());
    assert_small_table(&path, "xlsx");
}

#[test]
fn xlsb_reads() {
    let dir = tempfile::tempdir().expect("temp");
    let path = temp_path(&dir, "small.xlsb");
    write_xlsb(&path, "Catalog", &small_rows());
    assert_small_table(&path, "xlsb");
}

#[test]
fn xls_reads() {
    assert_small_table(&fixture("small.xls"), "xls");
}

#[test]
fn ods_reads() {
    assert_small_table(&fixture("small.ods"), "ods");
}

#[test]
fn csv_reads() {
    assert_small_table(&fixture("small.csv"), "csv");
}

#[test]
fn csv_with_bom_reads() {
    let dir = tempfile::tempdir().expect("temp");
    let path = temp_path(&dir, "bom.csv");
    write_text_table(&path, &small_rows(), ',', |t| {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(t.as_bytes());
        bytes
    });
    assert_small_table(&path, "csv");
    let loaded = read(&path);
    assert_eq!(
        loaded.courses[0].id, "F1",
        "the BOM must not stick to the first header"
    );
}

#[test]
fn semicolon_csv_reads() {
    let dir = tempfile::tempdir().expect("temp");
    let path = temp_path(&dir, "semi.csv");
    write_text_table(&path, &small_rows(), ';', |t| t.as_bytes().to_vec());
    assert_small_table(&path, "csv");
}

#[test]
fn tsv_reads() {
    let dir = tempfile::tempdir().expect("temp");
    let path = temp_path(&dir, "small.tsv");
    write_text_table(&path, &small_rows(), '\t', |t| t.as_bytes().to_vec());
    assert_small_table(&path, "tsv");
}

#[test]
fn utf16_tab_separated_export_reads() {
    let dir = tempfile::tempdir().expect("temp");
    let path = temp_path(&dir, "unicode.txt");
    write_text_table(&path, &small_rows(), '\t', |t| {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in t.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        bytes
    });
    assert_small_table(&path, "tsv");
}

#[test]
fn windows_1252_csv_keeps_accents() {
    let dir = tempfile::tempdir().expect("temp");
    let path = temp_path(&dir, "latin.csv");
    let rows = vec![
        vec![
            "Título".to_string(),
            "Descripción".to_string(),
            "Horas".to_string(),
        ],
        vec![
            "Apego y vínculo".to_string(),
            "Relación padre-hijo y desarrollo socioemocional del bebé".to_string(),
            "2".to_string(),
        ],
    ];
    write_text_table(&path, &rows, ',', |t| {
        encoding_rs::WINDOWS_1252.encode(t).0.into_owned()
    });
    let loaded = read(&path);
    assert_eq!(loaded.courses.len(), 1);
    assert_eq!(loaded.courses[0].title, "Apego y vínculo");
    assert_eq!(loaded.courses[0].hours, Some(2.0));
    assert!(
        loaded.inputs[0]
            .notes
            .iter()
            .any(|n| n.contains("Windows-1252"))
    );
}

#[test]
fn header_below_title_rows_is_found_and_rows_are_accounted_for() {
    let dir = tempfile::tempdir().expect("temp");
    let path = temp_path(&dir, "titled.xlsx");
    let mut rows = vec![
        vec!["Agency Training Catalog".to_string()],
        vec!["Updated by the training office".to_string()],
        vec![],
    ];
    rows.extend(small_rows());
    rows.push(vec![]);
    rows.push(vec![
        String::new(),
        "Total".to_string(),
        String::new(),
        "13".to_string(),
    ]);
    write_xlsx(&path, "Catalog", &rows);
    let loaded = read(&path);
    assert_eq!(loaded.inputs[0].header_row, 4);
    assert_eq!(loaded.courses.len(), 3);
    assert_eq!(loaded.courses[0].source.row, 5);
    let input = &loaded.inputs[0];
    assert_eq!(input.rows_seen, input.rows_used + input.rows_skipped);
    let reasons: Vec<String> = loaded
        .skipped
        .iter()
        .map(|s| s.reason.to_string())
        .collect();
    assert!(
        reasons.iter().any(|r| r.contains("total row")),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().any(|r| r.contains("above the header")),
        "{reasons:?}"
    );
}

#[test]
fn the_sheet_that_holds_the_catalog_is_chosen() {
    let dir = tempfile::tempdir().expect("temp");
    let path = temp_path(&dir, "sheets.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let notes = wb.add_worksheet();
    notes.set_name("Read me").expect("name");
    notes
        .write_string(0, 0, "Notes about this file")
        .expect("write");
    let catalog = wb.add_worksheet();
    catalog.set_name("Trainings").expect("name");
    for (r, row) in small_rows().iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            catalog.write_string(r as u32, c as u16, v).expect("write");
        }
    }
    wb.save(&path).expect("save");
    let loaded = read(&path);
    assert_eq!(loaded.inputs[0].sheet.as_deref(), Some("Trainings"));
    assert_eq!(loaded.courses.len(), 3);
}

#[test]
fn a_workbook_named_csv_is_read_for_what_it_is() {
    let dir = tempfile::tempdir().expect("temp");
    let path = temp_path(&dir, "catalog.csv");
    write_xlsx(&path, "Catalog", &small_rows());
    let loaded = read(&path);
    assert_eq!(loaded.inputs[0].format, "xlsx");
    assert!(
        loaded.inputs[0]
            .notes
            .iter()
            .any(|n| n.contains("named .csv"))
    );
    assert_eq!(loaded.courses.len(), 3);
}

#[test]
fn hours_as_text_credits_and_ceus_become_clock_hours() {
    let dir = tempfile::tempdir().expect("temp");
    let path = temp_path(&dir, "hours.csv");
    std::fs::write(
        &path,
        "Title,Description,Hours\n\
         A,Attachment in infancy,1.5 hrs\n\
         B,Attachment in infancy and trauma,90 minutes\n\
         C,Attachment and loss,1 1/2\n\
         D,Attachment and grief,3 credits\n\
         E,Attachment and separation,0.6 CEU\n\
         F,Attachment and toddlers,TBD\n",
    )
    .expect("write");
    let loaded = read(&path);
    let hours: Vec<Option<f64>> = loaded.courses.iter().map(|c| c.hours).collect();
    assert_eq!(
        hours,
        [Some(1.5), Some(1.5), Some(1.5), Some(45.0), Some(6.0), None]
    );
    assert!(
        loaded.courses[3]
            .hours_note
            .as_deref()
            .is_some_and(|n| n.contains("15 clock hours per credit"))
    );
    assert_eq!(loaded.warnings.len(), 1);
    assert_eq!(loaded.warnings[0].column.as_deref(), Some("C"));
    assert_eq!(loaded.warnings[0].source.row, 7);
}

#[test]
fn a_credits_column_uses_the_credit_factor() {
    let dir = tempfile::tempdir().expect("temp");
    let path = temp_path(&dir, "credits.csv");
    std::fs::write(&path, "Course Number,Course Title,Description,Credits\nIMH 501,Infant Mental Health Foundations,Attachment and early relationships,3\n").expect("write");
    let mut options = AuditOptions {
        inputs: vec![path.clone()],
        ..AuditOptions::default()
    };
    options.normalize.credit_factor = 1.5;
    let loaded = load(&options).expect("load");
    assert_eq!(loaded.courses[0].hours, Some(4.5));
    assert_eq!(loaded.courses[0].id, "IMH 501");
}
