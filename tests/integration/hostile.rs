//! Hostile and messy spreadsheets: each case is a file built here, with its expected outcome
//! asserted (trainings used, hours, skipped reasons, or the error text). Whatever the case,
//! nothing panics and every row is used or skipped.

use crate::fixtures::{fixture, small_rows, write_text_table, write_xlsx};
use crosswalk::audit::{AuditOptions, Loaded, load};
use crosswalk::catalog::{Limits, ReadOptions};
use rust_xlsxwriter::{Format, Workbook};
use std::io::Write;
use std::path::{Path, PathBuf};

fn read_with(path: &Path, limits: Limits) -> Result<Loaded, String> {
    let options = AuditOptions {
        inputs: vec![path.to_path_buf()],
        read: ReadOptions {
            limits,
            ..ReadOptions::default()
        },
        ..AuditOptions::default()
    };
    let result = load(&options).map_err(|e| e.to_string());
    if let Ok(loaded) = &result {
        for input in &loaded.inputs {
            assert_eq!(
                input.rows_seen,
                input.rows_used + input.rows_skipped,
                "{}: rows seen = used + skipped",
                path.display()
            );
        }
        let skipped: usize = loaded.skipped.iter().map(|s| s.rows()).sum();
        let seen: usize = loaded.inputs.iter().map(|i| i.rows_seen).sum();
        assert_eq!(loaded.courses.len() + skipped, seen, "{}", path.display());
    }
    result
}

fn read(path: &Path) -> Result<Loaded, String> {
    read_with(path, Limits::default())
}

fn refused(path: &Path, expected: &str) {
    match read(path) {
        Ok(loaded) => panic!(
            "{} should be refused, read {} trainings",
            path.display(),
            loaded.courses.len()
        ),
        Err(message) => {
            assert!(
                message.contains(expected),
                "{message} should say {expected}"
            );
            assert!(!message.contains('\n'), "one line: {message}");
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            assert!(message.contains(name), "{message} should name the file");
        }
    }
}

fn used(path: &Path) -> Loaded {
    read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn hours(loaded: &Loaded) -> Vec<Option<f64>> {
    loaded.courses.iter().map(|c| c.hours).collect()
}

fn reasons(loaded: &Loaded) -> Vec<String> {
    loaded
        .skipped
        .iter()
        .map(|s| s.reason.to_string())
        .collect()
}

struct Dir(tempfile::TempDir);

impl Dir {
    fn new() -> Self {
        Self(tempfile::tempdir().expect("temp"))
    }
    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        path
    }
    fn path(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }
}

fn xlsx_bytes(rows: &[Vec<String>]) -> Vec<u8> {
    let dir = Dir::new();
    let path = dir.path("t.xlsx");
    write_xlsx(&path, "Catalog", rows);
    std::fs::read(path).expect("read")
}

fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut cursor = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut cursor);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in entries {
            zip.start_file(*name, options).expect("zip");
            zip.write_all(bytes).expect("zip");
        }
        zip.finish().expect("zip");
    }
    cursor.into_inner()
}

fn rows(lines: &[&[&str]]) -> Vec<Vec<String>> {
    lines
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Refused, with a clear line

#[test]
fn empty_file() {
    let d = Dir::new();
    refused(&d.file("empty.xlsx", b""), "the file is empty");
}

#[test]
fn whitespace_only_text() {
    let d = Dir::new();
    refused(
        &d.file("blank.csv", b"   \r\n\r\n  \n"),
        "no sheet has a catalog header",
    );
}

#[test]
fn pdf_renamed_to_xlsx() {
    let d = Dir::new();
    refused(
        &d.file("catalog.xlsx", b"%PDF-1.7\n%binary"),
        "a PDF document",
    );
}

#[test]
fn image_renamed_to_xlsx() {
    let d = Dir::new();
    refused(
        &d.file("photo.xlsx", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        "binary content",
    );
}

#[test]
fn truncated_xlsx() {
    let d = Dir::new();
    let whole = xlsx_bytes(&small_rows());
    refused(
        &d.file("cut.xlsx", &whole[..whole.len() / 2]),
        "damaged or truncated zip",
    );
}

#[test]
fn zip_that_is_not_a_workbook() {
    let d = Dir::new();
    let bytes = zip_with(&[("notes.txt", b"hello")]);
    refused(&d.file("archive.xlsx", &bytes), "not a readable xlsx");
}

#[test]
fn encrypted_workbook() {
    let d = Dir::new();
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.extend(std::iter::repeat_n(0u8, 512));
    bytes.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    refused(
        &d.file("secret.xlsx", &bytes),
        "encrypted (password-protected)",
    );
}

#[test]
fn legacy_container_with_garbage() {
    let d = Dir::new();
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.extend(std::iter::repeat_n(7u8, 600));
    refused(&d.file("old.xls", &bytes), "cannot open the xls workbook");
}

#[test]
fn decompression_bomb_is_refused_unread() {
    let d = Dir::new();
    // A real workbook whose zip also carries a part of 64 MiB of zeros (about 64 KiB packed).
    let zeros = vec![0u8; 64 * 1024 * 1024];
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    let workbook = xlsx_bytes(&small_rows());
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(workbook)).expect("zip");
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).expect("entry");
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut data).expect("read");
        entries.push((f.name().expect("entry name").to_string(), data));
    }
    entries.push(("xl/media/padding.bin".to_string(), zeros));
    let borrowed: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let bomb = d.file("bomb.xlsx", &zip_with(&borrowed));
    assert!(
        std::fs::metadata(&bomb).expect("meta").len() < 1024 * 1024,
        "small on disk"
    );
    let limits = Limits {
        max_unzipped_bytes: 32 * 1024 * 1024,
        ..Limits::default()
    };
    let err = read_with(&bomb, limits).expect_err("refused");
    assert!(
        err.contains("would expand to 64 MiB, more than the 32 MiB"),
        "{err}"
    );
    // Under the default limit the same file reads.
    assert_eq!(used(&bomb).courses.len(), 3);
}

#[test]
fn too_many_cells() {
    let d = Dir::new();
    let path = d.path("wide.xlsx");
    let mut many = small_rows();
    for i in 0..50 {
        many.push(vec![
            format!("X{i}"),
            format!("Training {i}"),
            "About attachment".into(),
            "1".into(),
        ]);
    }
    write_xlsx(&path, "Catalog", &many);
    let limits = Limits {
        max_cells: 100,
        ..Limits::default()
    };
    let err = read_with(&path, limits).expect_err("refused");
    assert!(err.contains("more than 100 non-empty cells"), "{err}");
}

#[test]
fn a_folder_given_as_input() {
    let d = Dir::new();
    let folder = d.path("catalog.xlsx");
    std::fs::create_dir(&folder).expect("mkdir");
    refused(&folder, "is a folder");
}

// ---------------------------------------------------------------------------------------------
// Read, tolerantly, with every row accounted for

#[test]
fn lone_cell_far_away_costs_nothing() {
    let d = Dir::new();
    let path = d.path("far.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in small_rows().iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, v).expect("write");
        }
    }
    ws.write_string(1_048_575, 16_383, "stray").expect("write");
    wb.save(&path).expect("save");
    let loaded = used(&path);
    assert_eq!(loaded.courses.len(), 3);
    assert_eq!(loaded.inputs[0].rows_seen, 1_048_576);
    let blank = loaded
        .skipped
        .iter()
        .find(|s| s.through_row.is_some())
        .expect("a blank run");
    assert_eq!((blank.source.row, blank.through_row), (5, Some(1_048_575)));
    let last = loaded.skipped.last().expect("the far row");
    assert_eq!(last.source.row, 1_048_576);
    assert_eq!(
        last.reason.to_string(),
        "text only in columns beyond the column limit, left out"
    );
}

#[test]
fn hours_in_words_fractions_and_decimal_commas() {
    let d = Dir::new();
    let path = d.path("words.csv");
    let table = rows(&[
        &["Título", "Descripción", "Horas"],
        &["Apego", "Apego y vínculo temprano", "dos horas"],
        &["Trauma", "Trauma infantil y duelo", "2,5"],
        &["Bebés", "Desarrollo socioemocional del bebé", "1 ½"],
        &["Crianza", "Relación padre-hijo", "hora y media"],
    ]);
    write_text_table(&path, &table, ';', |t| t.as_bytes().to_vec());
    assert_eq!(
        hours(&used(&path)),
        [Some(2.0), Some(2.5), Some(1.5), Some(1.5)]
    );
}

#[test]
fn dates_as_serials_and_text() {
    let d = Dir::new();
    let path = d.path("dates.xlsx");
    let table = rows(&[
        &["Title", "Description", "Hours", "Date"],
        &["A", "Attachment", "1", "45912"],
        &["B", "Attachment", "1", "9/12/2025"],
        &["C", "Attachment", "1", "September 12, 2025"],
        &["D", "Attachment", "1", "Fall term"],
    ]);
    write_xlsx(&path, "Catalog", &table);
    let loaded = used(&path);
    let dates: Vec<Option<&str>> = loaded.courses.iter().map(|c| c.date.as_deref()).collect();
    assert_eq!(
        dates,
        [
            Some("2025-09-12"),
            Some("2025-09-12"),
            Some("2025-09-12"),
            Some("Fall term")
        ]
    );
}

#[test]
fn blank_rows_and_leading_blank_columns() {
    let d = Dir::new();
    let path = d.path("spaced.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let mut r = 2u32;
    for row in small_rows() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r, 2 + c as u16, v).expect("write");
        }
        r += 2; // a blank row after every row
    }
    wb.save(&path).expect("save");
    let loaded = used(&path);
    assert_eq!(loaded.courses.len(), 3);
    assert_eq!(loaded.courses[0].source.row, 5);
    assert_eq!(loaded.inputs[0].columns[0].column, "C");
}

#[test]
fn merged_cells_fill_down_and_merged_headings_are_skipped() {
    let d = Dir::new();
    let path = d.path("merged.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let plain = Format::new();
    for (c, h) in ["Title", "Description", "Hours", "Presenter"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).expect("write");
    }
    ws.merge_range(1, 0, 1, 3, "MODULE 1: FOUNDATIONS", &plain)
        .expect("merge");
    let trainings = [
        ("Attachment", "Attachment in infancy", 2.0),
        ("Trauma", "Early trauma and loss", 3.0),
        ("Observation", "Observing parent-infant interaction", 1.5),
    ];
    for (i, (t, desc, h)) in trainings.iter().enumerate() {
        let r = 2 + i as u32;
        ws.write_string(r, 0, *t).expect("write");
        ws.write_string(r, 1, *desc).expect("write");
        ws.write_number(r, 2, *h).expect("write");
    }
    ws.merge_range(2, 3, 4, 3, "Dana Whitfield", &plain)
        .expect("merge");
    wb.save(&path).expect("save");
    let loaded = used(&path);
    assert_eq!(loaded.courses.len(), 3);
    let presenters: Vec<Option<&str>> = loaded
        .courses
        .iter()
        .map(|c| c.provider.as_deref())
        .collect();
    assert_eq!(presenters, [Some("Dana Whitfield"); 3]);
    assert!(reasons(&loaded).contains(&"a section heading, not a training".to_string()));
}

#[test]
fn duplicate_rows_and_duplicate_ids() {
    let d = Dir::new();
    let path = d.path("dupes.csv");
    std::fs::write(
        &path,
        "ID,Title,Description,Hours\n\
         A1,Attachment,Attachment in infancy,2\n\
         A1,Attachment,Attachment in infancy,2\n\
         A1,Trauma,Early trauma,3\n",
    )
    .expect("write");
    let loaded = used(&path);
    assert_eq!(loaded.courses.len(), 2);
    assert!(reasons(&loaded).contains(&"same training as row 2".to_string()));
    assert_eq!(loaded.warnings.len(), 1);
    assert!(
        loaded.warnings[0]
            .message
            .contains("id 'A1' is also used at row 2")
    );
    assert_eq!(loaded.warnings[0].source.row, 4);
}

#[test]
fn repeated_header_and_total_rows() {
    let d = Dir::new();
    let path = d.path("pages.xlsx");
    let mut table = small_rows();
    table.push(small_rows()[0].clone());
    table.push(rows(&[&["F4", "Attachment II", "More attachment", "2"]]).remove(0));
    table.push(rows(&[&["", "TOTAL", "", "15"]]).remove(0));
    write_xlsx(&path, "Catalog", &table);
    let loaded = used(&path);
    assert_eq!(loaded.courses.len(), 4);
    let r = reasons(&loaded);
    assert!(r.contains(&"the header row repeated".to_string()), "{r:?}");
    assert!(
        r.contains(&"a total row, not a training".to_string()),
        "{r:?}"
    );
}

#[test]
fn bad_hours_are_named_with_their_cell() {
    let d = Dir::new();
    let path = d.path("bad-hours.csv");
    std::fs::write(
        &path,
        "Title,Description,Hours\nA,Attachment,-3\nB,Attachment,#N/A\nC,Attachment,1-2 hours\nD,Attachment,99999\nE,Attachment,0\n",
    )
    .expect("write");
    let loaded = used(&path);
    assert_eq!(hours(&loaded), [None; 5]);
    assert_eq!(loaded.warnings.len(), 5);
    assert!(
        loaded
            .warnings
            .iter()
            .all(|w| w.column.as_deref() == Some("C"))
    );
    assert!(
        loaded.warnings[2].message.contains("a range"),
        "{}",
        loaded.warnings[2].message
    );
    assert!(loaded.warnings[3].message.contains("taken for a mistake"));
}

#[test]
fn spreadsheet_error_cells() {
    let d = Dir::new();
    let path = d.path("errors.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["Title", "Description", "Hours"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("write");
    }
    ws.write_string(1, 0, "Attachment").expect("write");
    ws.write_string(1, 1, "Attachment in infancy")
        .expect("write");
    ws.write_formula(1, 2, "=1/0").expect("formula");
    ws.set_formula_result(1, 2, "#DIV/0!");
    wb.save(&path).expect("save");
    let loaded = used(&path);
    assert_eq!(loaded.courses.len(), 1);
    assert_eq!(loaded.courses[0].hours, None);
    assert_eq!(loaded.warnings.len(), 1);
}

#[test]
fn workbook_renamed_to_csv() {
    let d = Dir::new();
    let path = d.file("catalog.csv", &xlsx_bytes(&small_rows()));
    let loaded = used(&path);
    assert_eq!(loaded.inputs[0].format, "xlsx");
    assert!(loaded.inputs[0].notes[0].contains("named .csv"));
}

#[test]
fn xls_renamed_to_xlsx() {
    let d = Dir::new();
    let path = d.file(
        "old.xlsx",
        &std::fs::read(fixture("small.xls")).expect("fixture"),
    );
    let loaded = used(&path);
    assert_eq!(loaded.inputs[0].format, "xls");
    assert_eq!(loaded.courses.len(), 3);
}

#[test]
fn ods_renamed_to_xls() {
    let d = Dir::new();
    let path = d.file(
        "sheet.xls",
        &std::fs::read(fixture("small.ods")).expect("fixture"),
    );
    let loaded = used(&path);
    assert_eq!(loaded.inputs[0].format, "ods");
    assert_eq!(loaded.courses.len(), 3);
}

#[test]
fn windows_1252_export() {
    let d = Dir::new();
    let path = d.path("latin1.csv");
    let table = rows(&[
        &["Title", "Description", "Hours"],
        &[
            "Niños pequeños",
            "Apego, vínculo y relación padre-hijo",
            "2",
        ],
    ]);
    write_text_table(&path, &table, ',', |t| {
        encoding_rs::WINDOWS_1252.encode(t).0.into_owned()
    });
    assert_eq!(used(&path).courses[0].title, "Niños pequeños");
}

#[test]
fn utf16_export() {
    let d = Dir::new();
    let path = d.path("unicode.txt");
    write_text_table(&path, &small_rows(), '\t', |t| {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(t.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    });
    assert_eq!(used(&path).courses.len(), 3);
}

#[test]
fn unbalanced_quote() {
    let d = Dir::new();
    let path = d.file(
        "quote.csv",
        b"Title,Description,Hours\nAttachment,\"Attachment in infancy,2\nTrauma,Early trauma,3\n",
    );
    // The open quote swallows the rest of the file into one field: one training, no hours,
    // and the row that swallowed it is named.
    let loaded = used(&path);
    assert_eq!(loaded.courses.len(), 1);
    assert_eq!(loaded.courses[0].hours, None);
    assert_eq!(loaded.warnings[0].source.row, 2);
}

#[test]
fn only_a_hidden_sheet_holds_the_catalog() {
    let d = Dir::new();
    let path = d.path("hidden.xlsx");
    let mut wb = Workbook::new();
    let front = wb.add_worksheet();
    front.set_name("Welcome").expect("name");
    front
        .write_string(0, 0, "See the other sheet")
        .expect("write");
    let data = wb.add_worksheet();
    data.set_name("Data").expect("name");
    for (r, row) in small_rows().iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            data.write_string(r as u32, c as u16, v).expect("write");
        }
    }
    data.set_hidden(true);
    wb.save(&path).expect("save");
    let loaded = used(&path);
    assert_eq!(loaded.inputs[0].sheet.as_deref(), Some("Data"));
    assert_eq!(loaded.courses.len(), 3);
}

#[test]
fn header_only() {
    let d = Dir::new();
    let path = d.file("empty-catalog.csv", b"Title,Description,Hours\n");
    let loaded = used(&path);
    assert!(loaded.courses.is_empty());
    assert_eq!(reasons(&loaded), ["header row"]);
}

#[test]
fn very_long_cell_is_cut_visibly() {
    let d = Dir::new();
    let long = "infant ".repeat(20_000);
    let path = d.file(
        "long.csv",
        format!("Title,Description,Hours\nLong,{long},2\n").as_bytes(),
    );
    let loaded = used(&path);
    let description = &loaded.courses[0].description;
    assert!(description.chars().count() <= 32_767);
    assert!(description.ends_with('…'));
}

#[test]
fn formula_looking_text_in_csv_is_kept_as_text() {
    let d = Dir::new();
    let path = d.file(
        "inject.csv",
        b"Title,Description,Hours\n\"=cmd|'/c calc'!A1\",\"@SUM(1+1)\",2\n\"\tTabbed\",\"-2+3\",1\n",
    );
    let loaded = used(&path);
    assert_eq!(loaded.courses[0].title, "=cmd|'/c calc'!A1");
    assert_eq!(loaded.courses[0].description, "@SUM(1+1)");
    assert_eq!(loaded.courses[1].description, "-2+3");
}

#[test]
fn many_columns_beyond_the_limit_are_left_out() {
    let d = Dir::new();
    let path = d.path("wide.csv");
    let mut header = vec![
        "Title".to_string(),
        "Description".to_string(),
        "Hours".to_string(),
    ];
    header.extend((0..1500).map(|i| format!("Extra {i}")));
    let mut row = vec![
        "Attachment".to_string(),
        "Attachment in infancy".to_string(),
        "2".to_string(),
    ];
    row.extend((0..1500).map(|i| i.to_string()));
    write_text_table(&path, &[header, row], ',', |t| t.as_bytes().to_vec());
    let loaded = used(&path);
    assert_eq!(loaded.courses.len(), 1);
    assert_eq!(loaded.courses[0].hours, Some(2.0));
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.message.contains("479 cells beyond the column limit"))
    );
}

// ---------------------------------------------------------------------------------------------
// Regressions found by fuzzing

#[test]
fn fuzz_crash_damaged_xls_is_refused_not_a_panic() {
    refused(
        &fixture("fuzz-crash-cfb.xls"),
        "the xls workbook is damaged",
    );
}

#[test]
fn fuzz_crash_damaged_xls_gives_one_line_on_the_command_line() {
    let path = fixture("fuzz-crash-cfb.xls");
    let out = crate::common::crosswalk(&["audit", path.to_str().expect("path"), "--json", "-"]);
    assert_eq!(out.status.code(), Some(1));
    let err = crate::common::stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("the xls workbook is damaged"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
