//! Command-line arguments (clap derive): the raw form, before [`super::config`] validates them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "\
A WORKSPACE is a folder of CSV files (actors.csv, and optionally relations.csv, coalitions.csv,
members.csv) or one network.json. Without WORKSPACE, stakenet uses the bundled Regio Deal
workspace (31 Dutch Regio Deals, 2018-2022).

Exit codes: 0 ok, 1 an analysis failed, 2 bad input or usage (every problem is listed as
path:line: message).";

/// stakenet: stakeholder network analysis for multi-actor, multi-level coalitions.
#[derive(Debug, Parser)]
#[command(name = "stakenet", version, about, after_help = AFTER_HELP, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a workspace and summarize it: actors by sector and level, layers, coalitions,
    /// members by role, hierarchy depth; or list every problem as path:line: message.
    #[command(
        after_help = "Examples:\n  stakenet check\n  stakenet check my-region/ --format json -o summary.json"
    )]
    Check(CheckArgs),
}

/// Where the workspace is.
#[derive(Debug, Args)]
pub struct WorkspaceArgs {
    /// Workspace folder or network.json [default: the bundled Regio Deal workspace]
    #[arg(value_name = "WORKSPACE")]
    pub workspace: Option<PathBuf>,
}

/// Where and how to write the result.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Write to FILE (atomically: a temporary file, then a rename; never over an input file)
    /// instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Output formats of the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// Aligned text for a terminal.
    Table,
    /// One JSON object.
    Json,
}

/// `stakenet check`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub struct CheckArgs {
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Table)]
    pub format: SummaryFormat,
    #[command(flatten)]
    pub output: OutputArgs,
}
