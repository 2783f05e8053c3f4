//! The `stakenet` binary: parse the command line, run it, exit with its code.

use std::process::ExitCode;

use clap::Parser;
use stakenet::cli::{self, args::Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    cli::run(&cli)
}
