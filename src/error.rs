//! The library's error type: every variant names the file (and sheet, row, column where it
//! applies) so the command line can print one line a person can act on.

use std::path::PathBuf;
use thiserror::Error;

/// Errors that stop the processing of a whole file or the whole run.
#[derive(Debug, Error)]
pub enum Error {
    /// A file could not be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating-system error.
        source: std::io::Error,
    },
    /// A file's contents are not a catalog crosswalk can read.
    #[error("{path}: {message}")]
    Catalog {
        /// The file.
        path: PathBuf,
        /// What is wrong, in plain words.
        message: String,
    },
    /// A sheet was asked for that the workbook does not have.
    #[error("{path}: no sheet named '{sheet}'{suggestion}")]
    NoSuchSheet {
        /// The file.
        path: PathBuf,
        /// The sheet asked for.
        sheet: String,
        /// ", did you mean 'X'?" or a list of sheets.
        suggestion: String,
    },
    /// A framework file is malformed or inconsistent.
    #[error("{origin}: {message}")]
    Framework {
        /// Path of the framework file, or `built-in <id>`.
        origin: String,
        /// What is wrong.
        message: String,
    },
    /// An output could not be written.
    #[error("{path}: cannot write: {message}")]
    Write {
        /// The output path.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// The settings contradict each other or the inputs.
    #[error("{0}")]
    Usage(String),
}

/// Library result type.
pub type Result<T> = std::result::Result<T, Error>;

/// The message a panic carried, for reporting it as one line.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}
