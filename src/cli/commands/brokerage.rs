//! `stakenet brokerage`: Gould–Fernandez brokerage roles and Burt's structural holes.

use clap::Args;

use super::super::options::{ListArgs, ListFormat, OutputArgs, ViewArgs, WorkspaceArgs};
use super::super::{Failure, Outcome, Workspace, config};
use stakenet::analysis::{BrokerageConfig, brokerage, group_nodes};
use stakenet::render::{
    BROKERAGE_MEASURES, EXPECTED_BROKERAGE_MEASURES, brokerage_json, brokerage_records,
};

pub(crate) const HELP: &str = "\
For every two-path a -> b -> c with no tie a -> c, broker b gets one count in the role given by
the groups of a, b and c: coordinator (A A A), itinerant (A B A), representative (A A B),
gatekeeper (A B B), liaison (A B C). --expected adds expected counts and z-scores as R sna's
brokerage() (Gould & Fernandez 1989). Constraint and effective size follow NetworkX (Burt 1992):
constraint is high when an actor's contacts are tied to each other (few structural holes, little
room to broker), effective size is the number of its contacts less their redundancy (how many
contacts it has that do not know each other). --sort takes a role, total, constraint,
effective_size, and with --expected an expected_ or z_ column.

Examples:
  stakenet brokerage --group-by side
  stakenet brokerage --group-by side --sort liaison --top 5
  stakenet brokerage --coalition rd_twente --group-by sector --expected --format csv";

/// `stakenet brokerage`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct BrokerageArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    #[command(flatten)]
    pub(crate) view: ViewArgs,
    /// Group actors by sector, level, side (rijk: the national government and everything under
    /// it; region: everyone else), kind, or any column of actors.csv.
    #[arg(long, value_name = "GROUPING", default_value = "sector")]
    pub(crate) group_by: String,
    /// Add expected role counts and z-scores under random ties (as R sna's brokerage).
    #[arg(long)]
    pub(crate) expected: bool,
    #[command(flatten)]
    pub(crate) list: ListArgs,
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    pub(crate) format: Option<ListFormat>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Loads, builds the view and the grouping, computes, renders.
pub(crate) fn run(args: &BrokerageArgs) -> Outcome {
    let mut sortable: Vec<&str> = BROKERAGE_MEASURES.to_vec();
    if args.expected {
        sortable.extend(EXPECTED_BROKERAGE_MEASURES.iter().map(String::as_str));
    }
    args.list.check(&sortable)?;
    config::threads(&args.view.threads)?;
    let format = config::list_format("brokerage", args.format, &args.output)?;
    let workspace = Workspace::open(&args.workspace)?;
    let network = &workspace.network;
    let spec = config::view_spec(network, &args.view)?;
    let view = workspace.view(&spec)?;
    let group_by = config::group_by(&args.group_by);
    let grouping = group_nodes(network, &view, &group_by)
        .map_err(|e| Failure::Input(format!("--group-by {}: {e}", args.group_by)))?;
    let progress = workspace.progress(&view, "brokerage");
    let result = brokerage(
        &view,
        &grouping,
        &BrokerageConfig::default().with_weighted(args.view.weighted).with_expected(args.expected),
    )
    .map_err(Failure::analysis)?;
    progress.finish_and_clear();
    let records = args.list.apply(brokerage_records(network, &result, &grouping, args.expected));
    let text = match format {
        ListFormat::Csv => records.to_csv(),
        ListFormat::Table => records.to_table(),
        ListFormat::Xlsx => {
            return workspace.emit_workbook(&args.output, &[("brokerage", records)]);
        }
        ListFormat::Json => brokerage_json(
            workspace.describe(&view, args.view.weighted),
            group_by.name(),
            &grouping,
            &records,
        ),
    };
    workspace.emit(&args.output, &text)
}
