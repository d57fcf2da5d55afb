//! One module per subcommand: glue between the arguments and the library.

mod audit;
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
        Command::Frameworks(args) => frameworks::run(args),
    }
}
