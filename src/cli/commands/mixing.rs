//! `stakenet mixing`: homophily by group — the mixing matrix, the E-I index with its
//! permutation test, and the assortativity.

use clap::Args;

use super::super::options::{ListArgs, ListFormat, OutputArgs, ViewArgs, WorkspaceArgs};
use super::super::{Failure, Outcome, Workspace, config};
use stakenet::analysis::{MixingConfig, group_nodes, mixing};
use stakenet::render::{MIXING_MEASURES, mixing_json, mixing_records, mixing_summary};

pub(crate) const HELP: &str = "\
Do parties tie within their own kind? One row per group: its actors, the arcs within it and
across its boundary, its E-I index, and its row of the mixing matrix (to:<group>: arcs from its
actors to that group's; an undirected tie counts as two arcs, one each way). Below the table:
the E-I index of the whole network (Krackhardt & Stern 1988: (E - I) / (E + I), E the ties
between groups and I those within; -1 when every tie stays within a group, +1 when none does),
tested against --permutations shuffles of the group labels over the actors (the shares of
shuffles at most and at least the observed index; a small 'at most' share says more ties within
groups than the group sizes alone would give), and Newman's assortativity r (0: mixing as by
chance, 1: ties only within groups). Actors without a value form the group (none).

Examples:
  stakenet mixing --group-by side
  stakenet mixing --group-by sector --permutations 5000 --seed 7
  stakenet mixing --coalition rd_twente --group-by sector --format json";

/// `stakenet mixing`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct MixingArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    #[command(flatten)]
    pub(crate) view: ViewArgs,
    /// Group actors by sector, level, side (rijk: the national government and everything under
    /// it; region: everyone else), kind, or any column of actors.csv.
    #[arg(long, value_name = "GROUPING", default_value = "sector")]
    pub(crate) group_by: String,
    /// Shuffles of the group labels for the test of the E-I index (0: no test).
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub(crate) permutations: usize,
    /// Seed of the shuffles: the same seed gives the same test.
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
    #[command(flatten)]
    pub(crate) list: ListArgs,
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    pub(crate) format: Option<ListFormat>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// The most permutations asked for at once.
const MAX_PERMUTATIONS: usize = 1_000_000;

/// Loads, builds the view and the grouping, computes, renders.
pub(crate) fn run(args: &MixingArgs) -> Outcome {
    args.list.check(&MIXING_MEASURES)?;
    if args.permutations > MAX_PERMUTATIONS {
        return Err(Failure::Input(format!(
            "--permutations {} is more than {MAX_PERMUTATIONS}; 1000 to 10000 give p-values to \
             within a percent",
            args.permutations
        )));
    }
    config::threads(&args.view.threads)?;
    let format = config::list_format("mixing", args.format, &args.output)?;
    let workspace = Workspace::open(&args.workspace)?;
    let network = &workspace.network;
    let spec = config::view_spec(network, &args.view)?;
    let view = workspace.view(&spec)?;
    let group_by = config::group_by(&args.group_by);
    let grouping = group_nodes(network, &view, &group_by)
        .map_err(|e| Failure::Input(format!("--group-by {}: {e}", args.group_by)))?;
    let result = mixing(
        &view,
        &grouping,
        &MixingConfig::default()
            .with_weighted(args.view.weighted)
            .with_permutations(args.permutations)
            .with_seed(args.seed),
    )
    .map_err(Failure::analysis)?;
    let records = args.list.apply(mixing_records(&result));
    let text = match format {
        ListFormat::Csv => records.to_csv(),
        ListFormat::Table => {
            format!("{}\n{}", records.to_table(), mixing_summary(&result, group_by.name()))
        }
        ListFormat::Xlsx => {
            return workspace.emit_workbook(&args.output, &[("mixing", records)]);
        }
        ListFormat::Json => mixing_json(
            workspace.describe(&view, args.view.weighted),
            group_by.name(),
            &result,
            &records,
        ),
    };
    workspace.emit(&args.output, &text)
}
