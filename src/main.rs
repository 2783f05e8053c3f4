//! The `stakenet` binary: parse the command line, run it, exit with its code.

mod cli;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: on a million relations it spends a fraction of the system allocator's time in
/// page faults and small allocations (PERFORMANCE.md). The library leaves the choice to its users.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::args::Cli::parse();
    cli::run(&cli)
}
