//! The `crosswalk` command: parses arguments, dispatches, prints one error line.

mod cli;
mod cmd;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    // Panics are reported as one error line below, never as a backtrace.
    std::panic::set_hook(Box::new(|_| {}));
    let outcome = std::panic::catch_unwind(|| cmd::run(cli));
    let result = outcome.unwrap_or_else(|payload| {
        let detail = crosswalk::error::panic_message(payload.as_ref());
        // A reader that closed our standard output (`crosswalk ... | head`) wants no more.
        if detail.contains("Broken pipe") {
            return Ok(());
        }
        Err(anyhow::anyhow!(
            "internal error ({detail}); please report it with the input file"
        ))
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if closed_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let mut message = err.to_string();
            // A cause already quoted by the error above it is not repeated.
            for cause in err.chain().skip(1) {
                let cause = cause.to_string();
                if !message.contains(&cause) {
                    message.push_str(": ");
                    message.push_str(&cause);
                }
            }
            eprintln!("crosswalk: error: {}", message.replace('\n', " "));
            ExitCode::from(1)
        }
    }
}

/// True when the error is our standard output closed by its reader (`crosswalk ... | head`).
fn closed_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
