//! One module per subcommand: glue between the arguments and the library.

mod audit;
mod batch;
mod eval;
mod frameworks;
mod match_text;
mod program;
mod transcript;

use crate::cli::{Cli, Command};

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Audit(args) => audit::run(args),
        Command::Transcript(args) => transcript::run(args),
        Command::Program(args) => program::run(args),
        Command::Match(args) => match_text::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Frameworks(args) => frameworks::run(args),
    }
}

/// Where the workbook goes: `-o` if given; none when only `--json` is asked for; otherwise
/// `FIRST-INPUT-NAME.SUFFIX.xlsx` in the current folder. Refuses a path that is an input.
fn workbook_path(
    output: Option<&std::path::Path>,
    json: Option<&str>,
    inputs: &[std::path::PathBuf],
    suffix: &str,
) -> anyhow::Result<Option<std::path::PathBuf>> {
    let path = match (output, json) {
        (Some(path), _) => Some(path.to_path_buf()),
        (None, Some(_)) => None,
        (None, None) => {
            let stem = inputs
                .first()
                .and_then(|p| p.file_stem())
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| suffix.to_string());
            Some(std::path::PathBuf::from(format!("{stem}.{suffix}.xlsx")))
        }
    };
    if let Some(path) = &path {
        crosswalk::output::ensure_not_input(path, inputs)?;
    }
    if let Some(json) = json.filter(|j| *j != "-") {
        crosswalk::output::ensure_not_input(std::path::Path::new(json), inputs)?;
    }
    Ok(path)
}

/// Writes a report as pretty JSON (with a final newline), streamed to a file (atomically) or
/// to standard output with `-`.
fn write_json(target: &str, report: &(impl serde::Serialize + ?Sized)) -> anyhow::Result<()> {
    use anyhow::Context;
    use std::io::Write;
    let fill = |out: &mut dyn Write| crosswalk::report::json::write(report, out);
    if target == "-" {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        fill(&mut out)
            .and_then(|()| out.flush())
            .context("cannot write to standard output")?;
    } else {
        crosswalk::output::write_atomic_with(std::path::Path::new(target), fill)?;
    }
    Ok(())
}
