//! Reading catalogs: a file's bytes become a table of cells with spreadsheet row numbers, and
//! the header row and column roles are found. Formats are told apart by their bytes, not their
//! names: xlsx/xlsm/xlsb/xls/ods through calamine, csv/tsv through the csv crate.

mod cell;
mod header;
mod sniff;
mod text_table;
mod workbook;

pub use cell::Cell;
pub use header::{ColumnMap, Role, detect_header};
pub use sniff::Format;

use crate::error::{Error, Result};
use sha2::{Digest, Sha256};
use std::path::Path;

/// Largest input file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// One row of cells and the row number a spreadsheet shows for it.
#[derive(Debug, Clone)]
pub struct RawRow {
    /// 1-based row number.
    pub number: u32,
    /// Cells from column A (index 0) on.
    pub cells: Vec<Cell>,
}

/// A sheet (or a whole text table) as rows of cells.
#[derive(Debug, Clone)]
pub struct RawSheet {
    /// The sheet name; `None` for text tables.
    pub name: Option<String>,
    /// Whether the workbook hides the sheet.
    pub hidden: bool,
    /// Every row in the used range, in order.
    pub rows: Vec<RawRow>,
}

/// What reading options a user may set.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Read this sheet instead of picking one.
    pub sheet: Option<String>,
}

/// A catalog table ready for normalization.
#[derive(Debug, Clone)]
pub struct CatalogTable {
    /// The input path as given.
    pub path: String,
    /// The format found in the bytes.
    pub format: Format,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// The sheet read, with its rows.
    pub sheet: RawSheet,
    /// Index into `sheet.rows` of the header row.
    pub header_index: usize,
    /// Which column plays which role.
    pub columns: ColumnMap,
    /// Things worth telling the user about how the file was read.
    pub notes: Vec<String>,
}

/// Reads one catalog file.
pub fn read(path: &Path, options: &ReadOptions) -> Result<CatalogTable> {
    let display = path.display().to_string();
    let bytes = read_bytes(path)?;
    let sha256 = hex(&Sha256::digest(&bytes));
    let format = sniff::sniff(&bytes).map_err(|message| Error::Catalog {
        path: path.to_path_buf(),
        message,
    })?;
    let mut notes = Vec::new();
    if let Some(note) = sniff::extension_note(path, format) {
        notes.push(note);
    }

    let (sheets, format) = match format {
        Format::Csv | Format::Tsv => {
            let (sheet, encoding_note) = text_table::read(&bytes, format, path)?;
            notes.extend(encoding_note);
            (vec![sheet], format)
        }
        _ => workbook::read(bytes, format, path)?,
    };

    let chosen = choose_sheet(path, sheets, options, &mut notes)?;
    let (sheet, header_index, columns) = chosen;
    Ok(CatalogTable {
        path: display,
        format,
        sha256,
        sheet,
        header_index,
        columns,
        notes,
    })
}

fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let read_err = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(read_err)?;
    if meta.is_dir() {
        return Err(Error::Catalog {
            path: path.to_path_buf(),
            message: "is a folder, not a file".to_string(),
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Error::Catalog {
            path: path.to_path_buf(),
            message: format!(
                "file is {} MiB, more than the {} MiB crosswalk reads",
                meta.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        });
    }
    std::fs::read(path).map_err(read_err)
}

fn choose_sheet(
    path: &Path,
    sheets: Vec<RawSheet>,
    options: &ReadOptions,
    notes: &mut Vec<String>,
) -> Result<(RawSheet, usize, ColumnMap)> {
    if let Some(wanted) = &options.sheet {
        let names: Vec<String> = sheets.iter().filter_map(|s| s.name.clone()).collect();
        let Some(sheet) = sheets
            .into_iter()
            .find(|s| s.name.as_deref() == Some(wanted.as_str()))
        else {
            return Err(Error::NoSuchSheet {
                path: path.to_path_buf(),
                sheet: wanted.clone(),
                suggestion: suggest(wanted, &names),
            });
        };
        let (index, columns) = detect_header(&sheet.rows).ok_or_else(|| no_header(path, &sheet))?;
        return Ok((sheet, index, columns));
    }

    let mut best: Option<(usize, (RawSheet, usize, ColumnMap), usize)> = None;
    let count = sheets.len();
    let mut considered = Vec::new();
    for sheet in sheets {
        let Some((index, columns)) = detect_header(&sheet.rows) else {
            considered.push(sheet.name.clone().unwrap_or_default());
            continue;
        };
        let score = columns.score() * 2 + usize::from(!sheet.hidden) * 100;
        let data_rows = sheet.rows.len().saturating_sub(index + 1);
        let better = match &best {
            None => true,
            Some((s, _, rows)) => score > *s || (score == *s && data_rows > *rows),
        };
        if better {
            best = Some((score, (sheet, index, columns), data_rows));
        }
    }
    match best {
        Some((_, chosen, _)) => {
            if count > 1
                && let Some(name) = &chosen.0.name
            {
                notes.push(format!(
                    "read sheet '{name}' (of {count}); choose another with --sheet"
                ));
            }
            Ok(chosen)
        }
        None if count == 0 => Err(Error::Catalog {
            path: path.to_path_buf(),
            message: "the workbook has no worksheets".to_string(),
        }),
        None => Err(Error::Catalog {
            path: path.to_path_buf(),
            message: format!(
                "no sheet has a catalog header (a row with a column like 'Title' and one like 'Hours' or 'Description' within its first {} rows){}",
                header::HEADER_SCAN_ROWS,
                if considered.len() > 1 {
                    format!("; sheets looked at: {}", considered.join(", "))
                } else {
                    String::new()
                }
            ),
        }),
    }
}

fn no_header(path: &Path, sheet: &RawSheet) -> Error {
    Error::Catalog {
        path: path.to_path_buf(),
        message: format!(
            "{}no catalog header found (a row with a column like 'Title' and one like 'Hours' or 'Description' within the first {} rows)",
            sheet
                .name
                .as_ref()
                .map(|n| format!("sheet '{n}': "))
                .unwrap_or_default(),
            header::HEADER_SCAN_ROWS
        ),
    }
}

/// ", did you mean 'X'?" for the closest name, or the list of names.
pub fn suggest(wanted: &str, names: &[String]) -> String {
    let closest = names
        .iter()
        .map(|n| {
            (
                strsim::jaro_winkler(&n.to_lowercase(), &wanted.to_lowercase()),
                n,
            )
        })
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match closest {
        Some((score, name)) if score >= 0.8 => format!("; did you mean '{name}'?"),
        _ if names.is_empty() => String::new(),
        _ => format!("; sheets: {}", names.join(", ")),
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}
