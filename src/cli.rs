//! Command-line arguments (clap derive). The doc comments are the help text.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Maps training catalogs onto Infant Mental Health endorsement competency frameworks and
/// reports the gaps.
#[derive(Debug, Parser)]
#[command(name = "crosswalk", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Audit training catalogs: knowledge areas covered, hours per requirement, gaps.
    Audit(AuditArgs),
    /// Check an applicant's trainings and RSC log against endorsement requirements.
    Transcript(TranscriptArgs),
    /// Align a program's course list with frameworks: a curriculum map and its gaps.
    Program(ProgramArgs),
    /// Show the knowledge areas a piece of text matches, with scores and evidence.
    Match(MatchArgs),
    /// Measure matching against labeled courses: precision, recall, F1, top-1 and bucket
    /// accuracy, beside a title-only baseline.
    Eval(EvalArgs),
    /// List, show or check frameworks.
    Frameworks(FrameworksArgs),
}

/// Arguments of `crosswalk audit`.
#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Catalog files: xlsx, xlsm, xlsb, xls, ods, csv or tsv.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Write the annotated workbook here [default: INPUT-NAME.crosswalk.xlsx in the current
    /// folder, unless --json is given].
    #[arg(short, long, value_name = "OUT.xlsx")]
    pub output: Option<PathBuf>,
    /// Write the JSON report to FILE, or to standard output with '-'.
    #[arg(long, value_name = "FILE|-")]
    pub json: Option<String>,
    #[command(flatten)]
    pub framework: FrameworkArg,
    /// Match against --framework, then restate the audit against this framework through the
    /// bundled crosswalk between them (e.g. --framework imhm-pre2025 --restate-as imhm-c-2025).
    #[arg(long, value_name = "ID")]
    pub restate_as: Option<String>,
    /// Apply a reviewer's decisions: a workbook written by `crosswalk audit` whose review
    /// columns (Courses sheet) were filled in, or a decisions file saved with --save-review.
    /// Human decisions always win.
    #[arg(long, value_name = "REVIEWED.xlsx|DECISIONS.toml")]
    pub review: Option<PathBuf>,
    /// Save the decisions read with --review as a decisions file, to carry them to the next
    /// run (e.g. mappings/reviews/agency.toml).
    #[arg(long, value_name = "FILE.toml", requires = "review")]
    pub save_review: Option<PathBuf>,
    /// Save the trainings the decisions read with --review apply to as labeled courses (CSV,
    /// as `crosswalk eval` reads them), to learn from with --examples or to evaluate with.
    #[arg(long, value_name = "FILE.csv", requires = "review")]
    pub save_examples: Option<PathBuf>,
    /// Read this sheet instead of the one that looks most like a catalog.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Clock hours per credit when a catalog gives credits (semester credit: 15; quarter: 10).
    #[arg(long, value_name = "HOURS", default_value_t = 15.0)]
    pub credit_factor: f64,
    /// Refuse a zipped workbook (xlsx, xlsb, ods) that would expand past this many MiB.
    #[arg(long, value_name = "MIB", default_value_t = 512)]
    pub max_unzipped_mb: u64,
    /// Refuse a file with more non-empty cells than this.
    #[arg(long, value_name = "N", default_value_t = 2_000_000)]
    pub max_cells: u64,
    /// Threads for matching [default: all cores].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Print how long each stage took, on standard error.
    #[arg(long, hide = true)]
    pub timings: bool,
    /// Print nothing on success but errors (no summary, no progress bar).
    #[arg(short, long)]
    pub quiet: bool,
}

/// Arguments of `crosswalk transcript`.
#[derive(Debug, Args)]
pub struct TranscriptArgs {
    /// The trainings attended: xlsx, xlsm, xlsb, xls, ods, csv or tsv, with dates and hours.
    #[arg(required_unless_present = "batch", value_name = "TRAININGS")]
    pub inputs: Vec<PathBuf>,
    /// Check every transcript in a folder (an RSC log named NAME.rsc.csv pairs with NAME.xlsx),
    /// in parallel: one workbook each, plus a roll-up workbook and JSON.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["inputs", "rsc_log", "output"])]
    pub batch: Option<PathBuf>,
    /// Where batch outputs go [default: crosswalk-batch in the current folder].
    #[arg(long, value_name = "DIR", requires = "batch")]
    pub out_dir: Option<PathBuf>,
    /// A log of reflective supervision/consultation received (date, hours, and what it was about).
    #[arg(long, value_name = "LOG")]
    pub rsc_log: Option<PathBuf>,
    /// Endorsement categories to check against, side by side: imhm-c, imhs.
    #[arg(long, required = true, value_name = "ID")]
    pub endorsement: Vec<String>,
    /// A named requirement profile instead of the endorsement's default (one per endorsement).
    #[arg(long, value_name = "ID")]
    pub profile: Vec<String>,
    /// Check renewal instead of initial endorsement.
    #[arg(long, requires = "endorsed_since")]
    pub renewal: bool,
    /// When the endorsement was granted (for --renewal), e.g. 2022-06-01.
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub endorsed_since: Option<chrono::NaiveDate>,
    /// The date to judge at [default: today].
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub as_of: Option<chrono::NaiveDate>,
    /// The applicant provides reflective supervision/consultation to others.
    #[arg(long)]
    pub provides_rsc: bool,
    /// Training catalogs to recommend from: the smallest set that closes the shortfalls.
    #[arg(long, value_name = "CATALOG")]
    pub catalog: Vec<PathBuf>,
    /// Write the workbook here [default: TRAININGS-NAME.transcript.xlsx, unless --json is given].
    #[arg(short, long, value_name = "OUT.xlsx")]
    pub output: Option<PathBuf>,
    /// Clock hours per credit when the transcript gives credits.
    #[arg(long, value_name = "HOURS", default_value_t = 15.0)]
    pub credit_factor: f64,
    #[command(flatten)]
    pub learn: ExamplesArg,
    /// Write the JSON report to FILE, or to standard output with '-'.
    #[arg(long, value_name = "FILE|-")]
    pub json: Option<String>,
    /// Print nothing on success but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Reads a date given on the command line.
fn date(text: &str) -> Result<chrono::NaiveDate, String> {
    crosswalk::normalize::dates::parse_text(text)
        .ok_or_else(|| format!("'{text}' is not a date (write it as 2025-06-30)"))
}

/// Arguments of `crosswalk program`.
#[derive(Debug, Args)]
pub struct ProgramArgs {
    /// Course lists: xlsx, xlsm, xlsb, xls, ods, csv or tsv.
    #[arg(required = true, value_name = "COURSES")]
    pub inputs: Vec<PathBuf>,
    /// Frameworks to map against; give several for one map each [default: imhm-c-2025].
    #[arg(long, value_name = "ID|PATH")]
    pub framework: Vec<String>,
    /// Clock hours per credit: a number (e.g. 1.5, as some associations count a course hour),
    /// or semester (15), quarter (10) or ceu (10).
    #[arg(long, value_name = "HOURS|semester|quarter|ceu", default_value = "semester", value_parser = credit_factor)]
    pub credit_hours: f64,
    /// Write the workbook here [default: INPUT-NAME.program.xlsx, unless --json is given].
    #[arg(short, long, value_name = "OUT.xlsx")]
    pub output: Option<PathBuf>,
    /// Write the JSON report to FILE, or to standard output with '-'.
    #[arg(long, value_name = "FILE|-")]
    pub json: Option<String>,
    /// Read this sheet instead of the one that looks most like a course list.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    #[command(flatten)]
    pub learn: ExamplesArg,
    /// Print nothing on success but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

/// The framework choice shared by subcommands.
#[derive(Debug, Args)]
pub struct FrameworkArg {
    /// A bundled framework id or the path of a framework file.
    #[arg(long, value_name = "ID|PATH", default_value = crosswalk::framework::DEFAULT_ID)]
    pub framework: String,
    #[command(flatten)]
    pub learn: ExamplesArg,
}

/// Which labeled example courses the matcher learns from, shared by subcommands.
#[derive(Debug, Args)]
pub struct ExamplesArg {
    /// Leave out the labeled example courses bundled with the framework: the vocabulary
    /// alone decides, with any examples given by --examples.
    #[arg(long)]
    pub no_examples: bool,
    /// Also learn from these labeled courses: spreadsheets with the catalog columns, a
    /// 'Knowledge areas' column and optionally 'Primary areas', as `crosswalk eval` reads them
    /// (repeat for several files).
    #[arg(long = "examples", value_name = "LABELED")]
    pub examples: Vec<std::path::PathBuf>,
}

impl ExamplesArg {
    /// The matcher these options ask for: the bundled examples unless left out, and the
    /// user's own, whose files are summed up on standard error unless `quiet`. A label
    /// that names no knowledge area of `fw` is an error naming its file, row and column.
    pub fn matcher<'f>(
        &self,
        fw: &'f crosswalk::framework::Framework,
        quiet: bool,
    ) -> crosswalk::error::Result<crosswalk::matcher::Matcher<'f>> {
        let mut examples = if self.no_examples {
            Vec::new()
        } else {
            crosswalk::matcher::examples::bundled_or_none(fw)
        };
        let (own, loaded) = crosswalk::eval::labels::read_examples(fw, &self.examples)?;
        if !quiet {
            report_examples(&loaded);
        }
        examples.extend(own);
        Ok(crosswalk::matcher::Matcher::with_examples(fw, examples))
    }
}

/// One line per examples file, and one per row not used, on standard error.
fn report_examples(loaded: &crosswalk::audit::Loaded) {
    for input in &loaded.inputs {
        eprintln!(
            "examples: {}: {} labeled courses read",
            input.file, input.rows_used
        );
    }
    for skipped in loaded
        .skipped
        .iter()
        .filter(|k| k.reason != crosswalk::normalize::SkipReason::HeaderRow)
    {
        let through = skipped
            .through_row
            .map(|r| format!(" through row {r}"))
            .unwrap_or_default();
        eprintln!(
            "examples: {}{through} not used: {}",
            skipped.source, skipped.reason
        );
    }
}

/// Arguments of `crosswalk match`.
#[derive(Debug, Args)]
pub struct MatchArgs {
    /// The text to match: a description, or a title and description together.
    #[arg(required = true, value_name = "TEXT")]
    pub text: Vec<String>,
    /// A title to score with the text (title words count double).
    #[arg(long)]
    pub title: Option<String>,
    #[command(flatten)]
    pub framework: FrameworkArg,
    /// How many knowledge areas to show.
    #[arg(long, default_value_t = 8)]
    pub top: usize,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `crosswalk eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Labeled catalogs: catalog columns plus 'Knowledge areas', 'Primary areas' and 'Bucket'
    /// (see tests/data/labeled/LABELING.md).
    #[arg(required = true, value_name = "LABELED")]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub framework: FrameworkArg,
    /// Write the full evaluation (every course and knowledge area) as JSON to FILE, or to
    /// standard output with '-'.
    #[arg(long, value_name = "FILE|-")]
    pub json: Option<String>,
    /// Read this sheet instead of the one that looks most like a catalog.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// How many of the worst knowledge areas and courses to show.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub worst: usize,
    /// Threads for matching [default: all cores].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Print nothing on success but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Arguments of `crosswalk frameworks`.
#[derive(Debug, Args)]
pub struct FrameworksArgs {
    /// What to do with frameworks; lists the bundled ones when omitted.
    #[command(subcommand)]
    pub action: Option<FrameworksAction>,
}

/// `crosswalk frameworks` actions.
#[derive(Debug, Subcommand)]
pub enum FrameworksAction {
    /// List the bundled frameworks.
    List,
    /// Print one framework as a tree of areas and knowledge areas.
    Show {
        /// A bundled framework id or a path.
        id: String,
    },
    /// Validate a framework file: unique ids, references resolve, hours above zero.
    Check {
        /// The framework file.
        path: PathBuf,
    },
}

/// Reads a credit factor: a positive number of clock hours, or a named kind of credit.
fn credit_factor(text: &str) -> Result<f64, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "semester" => Ok(15.0),
        "quarter" | "ceu" => Ok(10.0),
        other => match other.parse::<f64>() {
            Ok(n) if n.is_finite() && n > 0.0 => Ok(n),
            _ => Err(format!(
                "'{text}' is not a number of clock hours above 0, nor semester, quarter or ceu"
            )),
        },
    }
}
