//! `stakenet check`: validate a workspace and summarize it.

use clap::{Args, ValueEnum};

use super::super::options::{OutputArgs, WorkspaceArgs};
use super::super::{Outcome, Workspace};
use stakenet::analysis::summarize;
use stakenet::render::{summary_json, summary_table};

/// Output formats of the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum SummaryFormat {
    /// Aligned text for a terminal.
    Table,
    /// One JSON object.
    Json,
}

/// `stakenet check`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Table)]
    pub(crate) format: SummaryFormat,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
    /// Count warnings as problems: list them and exit with code 2, writing nothing.
    #[arg(long)]
    pub(crate) strict: bool,
}

/// Loads the workspace (listing every problem when there are any) and renders its summary.
pub(crate) fn run(args: &CheckArgs) -> Outcome {
    let workspace = Workspace::open_checked(&args.workspace, args.strict)?;
    let summary = summarize(&workspace.network);
    let text = match args.format {
        SummaryFormat::Table => summary_table(&summary, &workspace.name),
        SummaryFormat::Json => summary_json(&summary, &workspace.name),
    };
    workspace.emit(&args.output, &text)
}
