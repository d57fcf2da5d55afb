//! Reading catalogs: a file's bytes become a table of cells with spreadsheet row numbers, and
//! the header row and column roles are found. Formats are told apart by their bytes, not their
//! names: xlsx/xlsm/xlsb/xls/ods through calamine, csv/tsv through the csv crate.

mod cell;
mod header;
mod sniff;
mod text_table;
mod workbook;

pub use cell::Cell;
pub use header::{ColumnMap, Role, TableKind, detect_header, detect_header_for, normalize_header};
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
    /// Non-empty cells beyond the column limit, left out.
    pub cells_left_out: u32,
}

/// A sheet (or a whole text table) as its non-empty rows. Rows between `first_row` and
/// `last_row` that are not in `rows` are blank.
#[derive(Debug, Clone)]
pub struct RawSheet {
    /// The sheet name; `None` for text tables.
    pub name: Option<String>,
    /// Whether the workbook hides the sheet.
    pub hidden: bool,
    /// The non-empty rows, in order.
    pub rows: Vec<RawRow>,
    /// First row of the used range (1-based); 0 when the sheet is empty.
    pub first_row: u32,
    /// Last row of the used range (1-based); 0 when the sheet is empty.
    pub last_row: u32,
}

impl RawSheet {
    /// Rows in the used range, blank ones included.
    pub fn rows_in_range(&self) -> usize {
        if self.last_row == 0 {
            0
        } else {
            (self.last_row - self.first_row + 1) as usize
        }
    }
}

/// Limits that keep a hostile file from taking unbounded memory or time.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest input file, in bytes.
    pub max_file_bytes: u64,
    /// Largest total of the uncompressed parts of a zipped workbook, in bytes.
    pub max_unzipped_bytes: u64,
    /// Most parts in a zipped workbook.
    pub max_zip_entries: usize,
    /// Most non-empty cells read from one file.
    pub max_cells: u64,
    /// Cells beyond this many columns are left out (and said so).
    pub max_columns: u32,
    /// Longest cell text kept, in characters; longer text is cut with a marker.
    pub max_cell_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_bytes: MAX_FILE_BYTES,
            max_unzipped_bytes: 512 * 1024 * 1024,
            max_zip_entries: 10_000,
            max_cells: 2_000_000,
            max_columns: 1_024,
            max_cell_chars: 32_767,
        }
    }
}

/// What reading options a user may set.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Read this sheet instead of picking one.
    pub sheet: Option<String>,
    /// Limits on what is read.
    pub limits: Limits,
    /// What kind of table to look for.
    pub kind: TableKind,
}

/// Collects rows while reading, holding to the limits.
pub(crate) struct SheetBuilder<'a> {
    sheet: RawSheet,
    limits: &'a Limits,
    cells: &'a mut u64,
}

impl<'a> SheetBuilder<'a> {
    pub(crate) fn new(
        name: Option<String>,
        hidden: bool,
        limits: &'a Limits,
        cells: &'a mut u64,
    ) -> Self {
        Self {
            sheet: RawSheet {
                name,
                hidden,
                rows: Vec::new(),
                first_row: 0,
                last_row: 0,
            },
            limits,
            cells,
        }
    }

    /// Marks a row as part of the used range even when empty.
    pub(crate) fn touch(&mut self, number: u32) {
        if self.sheet.first_row == 0 || number < self.sheet.first_row {
            self.sheet.first_row = number;
        }
        self.sheet.last_row = self.sheet.last_row.max(number);
    }

    /// Sets one cell; rows must arrive in ascending order. Fails when the cell limit is passed.
    pub(crate) fn set(
        &mut self,
        number: u32,
        col: u32,
        cell: Cell,
    ) -> std::result::Result<(), String> {
        self.touch(number);
        if cell.is_blank() {
            return Ok(());
        }
        *self.cells += 1;
        if *self.cells > self.limits.max_cells {
            return Err(format!(
                "more than {} non-empty cells: too large to be a catalog (the limit is set with --max-cells)",
                self.limits.max_cells
            ));
        }
        let cell = match cell {
            Cell::Text(t) if t.chars().count() > self.limits.max_cell_chars => Cell::Text(
                crate::normalize::truncate_chars(&t, self.limits.max_cell_chars),
            ),
            other => other,
        };
        let row = match self.sheet.rows.last_mut() {
            Some(last) if last.number == number => last,
            _ => {
                self.sheet.rows.push(RawRow {
                    number,
                    cells: Vec::new(),
                    cells_left_out: 0,
                });
                self.sheet.rows.last_mut().expect("just pushed")
            }
        };
        if col >= self.limits.max_columns {
            row.cells_left_out = row.cells_left_out.saturating_add(1);
            return Ok(());
        }
        let col = col as usize;
        if row.cells.len() <= col {
            row.cells.resize(col + 1, Cell::Empty);
        }
        row.cells[col] = cell;
        Ok(())
    }

    /// The sheet, with rows in order even if the file stored them out of order.
    pub(crate) fn finish(mut self) -> RawSheet {
        let rows = &mut self.sheet.rows;
        if rows.windows(2).any(|w| w[0].number >= w[1].number) {
            rows.sort_by_key(|r| r.number);
            let mut merged: Vec<RawRow> = Vec::with_capacity(rows.len());
            for row in rows.drain(..) {
                match merged.last_mut() {
                    Some(last) if last.number == row.number => {
                        last.cells_left_out =
                            last.cells_left_out.saturating_add(row.cells_left_out);
                        if last.cells.len() < row.cells.len() {
                            last.cells.resize(row.cells.len(), Cell::Empty);
                        }
                        for (i, cell) in row.cells.into_iter().enumerate() {
                            if !cell.is_blank() {
                                last.cells[i] = cell;
                            }
                        }
                    }
                    _ => merged.push(row),
                }
            }
            *rows = merged;
        }
        self.sheet
    }
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
    let bytes = read_file(path, &options.limits)?;
    read_bytes(bytes, path, options)
}

/// Reads a catalog from bytes already in memory; `path` names it in messages.
pub fn read_bytes(bytes: Vec<u8>, path: &Path, options: &ReadOptions) -> Result<CatalogTable> {
    let display = path.display().to_string();
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
            let (sheet, encoding_note) = text_table::read(&bytes, format, path, &options.limits)?;
            notes.extend(encoding_note);
            (vec![sheet], format)
        }
        _ => workbook::read(bytes, format, path, &options.limits)?,
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

fn read_file(path: &Path, limits: &Limits) -> Result<Vec<u8>> {
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
    if meta.len() > limits.max_file_bytes {
        return Err(Error::Catalog {
            path: path.to_path_buf(),
            message: format!(
                "file is {} MiB, more than the {} MiB crosswalk reads",
                meta.len() / (1024 * 1024),
                limits.max_file_bytes / (1024 * 1024)
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
        let (index, columns) =
            detect_header_for(&sheet.rows, options.kind).ok_or_else(|| no_header(path, &sheet))?;
        return Ok((sheet, index, columns));
    }

    let mut best: Option<(usize, (RawSheet, usize, ColumnMap), usize)> = None;
    let count = sheets.len();
    let mut considered = Vec::new();
    for sheet in sheets {
        let Some((index, columns)) = detect_header_for(&sheet.rows, options.kind) else {
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
