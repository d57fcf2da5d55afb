//! Batch checks for associations: a folder of applicant transcripts, each with an optional RSC
//! log beside it (`NAME.rsc.csv` next to `NAME.xlsx`), checked in parallel against the same
//! endorsements, with one roll-up of who meets what. A file that cannot be read is listed with
//! its error; it does not stop the batch.

use crate::error::{Error, Result};
use crate::transcript::TranscriptReport;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// File endings read as transcripts or RSC logs.
const TABLE_ENDINGS: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "ods", "csv", "tsv", "txt"];

/// Suffixes of a file stem that mark an RSC log: `NAME.rsc`, `NAME-rsc`, `NAME_rsc`.
const RSC_SUFFIXES: &[&str] = &[".rsc", "-rsc", "_rsc"];

/// One applicant of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applicant {
    /// The name the files share.
    pub name: String,
    /// The transcript.
    pub transcript: PathBuf,
    /// The RSC log, if there is one.
    pub rsc_log: Option<PathBuf>,
}

/// The applicants in a folder, by name.
pub fn discover(dir: &Path) -> Result<Vec<Applicant>> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| {
            let hidden = p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.') || n.starts_with("~$"));
            let table = p
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| TABLE_ENDINGS.contains(&e.to_ascii_lowercase().as_str()));
            table && !hidden
        })
        .collect();
    files.sort();
    let stem = |p: &Path| {
        p.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let log_owner = |p: &Path| {
        let s = stem(p);
        RSC_SUFFIXES
            .iter()
            .find_map(|suffix| s.strip_suffix(suffix).map(str::to_string))
    };
    let logs: Vec<(String, PathBuf)> = files
        .iter()
        .filter_map(|p| log_owner(p).map(|owner| (owner, p.clone())))
        .collect();
    Ok(files
        .iter()
        .filter(|p| log_owner(p).is_none())
        .map(|p| {
            let name = stem(p);
            Applicant {
                rsc_log: logs
                    .iter()
                    .find(|(o, _)| *o == name)
                    .map(|(_, l)| l.clone()),
                name,
                transcript: p.clone(),
            }
        })
        .collect())
}

/// One rule of one endorsement for one applicant.
#[derive(Debug, Clone, Serialize)]
pub struct RollupRule {
    /// Rule id.
    pub id: String,
    /// Hours required.
    pub required_hours: f64,
    /// Hours counted.
    pub counted_hours: f64,
    /// Met, short by N h, nothing qualifies, or does not apply.
    pub status: String,
}

/// One applicant and endorsement in the roll-up.
#[derive(Debug, Clone, Serialize)]
pub struct RollupRow {
    /// Applicant name (the file name).
    pub applicant: String,
    /// The transcript file.
    pub transcript: String,
    /// The RSC log, if any.
    pub rsc_log: Option<String>,
    /// Endorsement category.
    pub endorsement: Option<String>,
    /// Profile id.
    pub profile: Option<String>,
    /// Every hour requirement met.
    pub met: bool,
    /// Rules.
    pub rules: Vec<RollupRule>,
    /// The applicant's own workbook.
    pub workbook: Option<String>,
    /// Why the applicant could not be checked.
    pub error: Option<String>,
}

/// The roll-up of a batch.
#[derive(Debug, Clone, Serialize)]
pub struct Rollup {
    /// The tool.
    pub tool: crate::report::ToolInfo,
    /// The folder checked.
    pub folder: String,
    /// Applicants found.
    pub applicants: usize,
    /// Applicants that could not be checked.
    pub errors: usize,
    /// One row per applicant and endorsement (one row with the error for a failed applicant).
    pub rows: Vec<RollupRow>,
}

/// The roll-up rows of one applicant: one per endorsement, or one carrying the error.
pub fn rows(
    applicant: &Applicant,
    outcome: std::result::Result<&TranscriptReport, String>,
    workbook: Option<String>,
) -> Vec<RollupRow> {
    let base = RollupRow {
        applicant: applicant.name.clone(),
        transcript: applicant.transcript.display().to_string(),
        rsc_log: applicant.rsc_log.as_ref().map(|p| p.display().to_string()),
        endorsement: None,
        profile: None,
        met: false,
        rules: Vec::new(),
        workbook,
        error: None,
    };
    match outcome {
        Err(error) => vec![RollupRow {
            error: Some(error),
            ..base
        }],
        Ok(report) => report
            .endorsements
            .iter()
            .map(|e| RollupRow {
                endorsement: Some(e.outcome.endorsement.clone()),
                profile: Some(e.outcome.profile.clone()),
                met: e.outcome.result.met,
                rules: e
                    .outcome
                    .result
                    .rules
                    .iter()
                    .map(|r| RollupRule {
                        id: r.id.clone(),
                        required_hours: r.required_hours,
                        counted_hours: r.counted_hours,
                        status: r.status.describe(),
                    })
                    .collect(),
                ..base.clone()
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rsc_logs_pair_with_their_transcripts() {
        let dir = tempfile::tempdir().expect("temp");
        for name in [
            "ana.xlsx",
            "ana.rsc.csv",
            "ben.csv",
            "ben-rsc.xlsx",
            "cara.csv",
            "notes.pdf",
            ".hidden.csv",
        ] {
            std::fs::write(dir.path().join(name), b"x").expect("write");
        }
        let found = discover(dir.path()).expect("discover");
        let names: Vec<(&str, bool)> = found
            .iter()
            .map(|a| (a.name.as_str(), a.rsc_log.is_some()))
            .collect();
        assert_eq!(names, [("ana", true), ("ben", true), ("cara", false)]);
    }
}
