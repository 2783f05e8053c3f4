//! `stakenet check`: validate a workspace and summarize it.

use super::super::args::{CheckArgs, SummaryFormat};
use super::super::{Outcome, Workspace};
use crate::analysis::summarize;
use crate::render::{summary_json, summary_table};

/// Loads the workspace (listing every problem when there are any) and renders its summary.
pub(crate) fn run(args: &CheckArgs) -> Outcome {
    let workspace = Workspace::open(&args.workspace)?;
    let summary = summarize(&workspace.network);
    let text = match args.format {
        SummaryFormat::Table => summary_table(&summary, &workspace.name),
        SummaryFormat::Json => summary_json(&summary, &workspace.name),
    };
    workspace.emit(&args.output, &text)
}
