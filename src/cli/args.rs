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
    /// Write a seeded synthetic workspace (Barabási–Albert or G(n,m)) with sectors, levels, a
    /// parent hierarchy, five layers and coalitions, for benchmarks and scale tests.
    #[command(
        after_help = "Examples:\n  stakenet generate --actors 100000 --ties-per-actor 10 -o big/\n  stakenet generate --model gnm --actors 200000 --ties-per-actor 5 --seed 7 -o gnm/"
    )]
    Generate(GenerateArgs),
}

/// The random graph model for `generate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ModelArg {
    /// Barabási–Albert preferential attachment (scale-free, like real stakeholder networks).
    Ba,
    /// Erdős–Rényi G(n, m): ties drawn uniformly.
    Gnm,
}

/// `stakenet generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Random graph model.
    #[arg(long, value_enum, default_value_t = ModelArg::Ba)]
    pub model: ModelArg,
    /// Number of actors (2 to 50,000,000).
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(2..=50_000_000))]
    pub actors: u64,
    /// Ties per actor: m of Barabási–Albert, or the average out-degree of G(n,m).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub ties_per_actor: u64,
    /// Number of coalitions.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(0..=1_000_000))]
    pub coalitions: u64,
    /// Seed of the random generator: the same seed gives the same workspace.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Folder to write the workspace into (created when missing).
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub output: PathBuf,
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
