//! `stakenet check`: validate a workspace and summarize it.

use clap::{Args, ValueEnum};

use super::super::options::{ListFormat, OutputArgs, WorkspaceArgs};
use super::super::{Outcome, Workspace, config};
use stakenet::analysis::summarize;
use stakenet::render::{summary_json, summary_records, summary_table};

/// Output formats of the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum SummaryFormat {
    /// Aligned text for a terminal.
    Table,
    /// One JSON object.
    Json,
    /// An Excel workbook (sheets workspace, sectors and levels, layers, coalitions, roles);
    /// needs -o FILE.xlsx, and is chosen by that file name when --format is left out.
    Xlsx,
}

/// `stakenet check`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    /// Output format [default: table; xlsx for -o FILE.xlsx].
    #[arg(long, value_enum)]
    pub(crate) format: Option<SummaryFormat>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Loads the workspace (listing every problem when there are any) and renders its summary.
pub(crate) fn run(args: &CheckArgs) -> Outcome {
    let list_format = match args.format {
        None => None,
        Some(SummaryFormat::Table) => Some(ListFormat::Table),
        Some(SummaryFormat::Json) => Some(ListFormat::Json),
        Some(SummaryFormat::Xlsx) => Some(ListFormat::Xlsx),
    };
    // The same rules as the lists' (a workbook needs a file, an .xlsx file a workbook), with a
    // table rather than CSV as the default.
    let format = match config::list_format(list_format, &args.output)? {
        ListFormat::Csv if args.format.is_none() => ListFormat::Table,
        format => format,
    };
    let workspace = Workspace::open(&args.workspace)?;
    let summary = summarize(&workspace.network);
    let text = match format {
        ListFormat::Json => summary_json(&summary, &workspace.name),
        ListFormat::Xlsx => {
            return workspace.emit_workbook(&args.output, &summary_records(&summary));
        }
        ListFormat::Table | ListFormat::Csv => summary_table(&summary, &workspace.name),
    };
    workspace.emit(&args.output, &text)
}
