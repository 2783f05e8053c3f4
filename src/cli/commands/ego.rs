//! `stakenet ego`: the ego network of one actor.

use clap::Args;

use super::super::options::{ListArgs, ListFormat, OutputArgs, ViewArgs, WorkspaceArgs};
use super::super::{Failure, Outcome, Workspace, config};
use stakenet::analysis::ego_network;
use stakenet::render::{ego_json, ego_records, ego_summary};

pub(crate) const HELP: &str = "\
Who is around one party? Lists the actors within --radius steps of ACTOR (ties either way) with
their sector, level, distance and whether the tie runs from or to ACTOR, and under the list: the
ties among those alters and their density (ACTOR left out), the mix of their sectors (Blau's
heterogeneity, 1 minus the sum of squared shares, and the same divided by its largest value:
0 when every alter is of one sector, 1 when all six sectors are there alike), and Burt's
effective size and constraint of ACTOR in the whole view.

Examples:
  stakenet ego prov_overijssel
  stakenet ego min_bzk --coalition rd4_twente_ii --radius 2
  stakenet ego prov_gelderland --format json";

/// `stakenet ego`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct EgoArgs {
    /// The actor at the centre, by its id in actors.csv.
    #[arg(value_name = "ACTOR")]
    pub(crate) actor: String,
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    #[command(flatten)]
    pub(crate) view: ViewArgs,
    /// Steps from the actor (1: its direct contacts).
    #[arg(long, value_name = "K", default_value_t = 1)]
    pub(crate) radius: u32,
    #[command(flatten)]
    pub(crate) list: ListArgs,
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    pub(crate) format: Option<ListFormat>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Loads, finds the actor, computes, renders.
pub(crate) fn run(args: &EgoArgs) -> Outcome {
    args.list.check(&["distance"])?;
    if args.radius == 0 {
        return Err(Failure::Input("--radius 0 holds the actor alone; give 1 or more".to_owned()));
    }
    config::threads(&args.view.threads)?;
    let format = config::list_format("ego", args.format, &args.output)?;
    let workspace = Workspace::open(&args.workspace)?;
    let network = &workspace.network;
    let ego = stakenet::names::actor(network, &args.actor)
        .map_err(|e| Failure::Input(format!("ACTOR: {e}")))?;
    let spec = config::view_spec(network, &args.view)?;
    let view = workspace.view(&spec)?;
    let result = ego_network(network, &view, ego, args.radius, args.view.weighted)
        .map_err(|e| Failure::Input(format!("ACTOR: {e}")))?;
    let records = args.list.apply(ego_records(network, &result));
    let text = match format {
        ListFormat::Csv => records.to_csv(),
        ListFormat::Table => {
            format!("{}\n{}", records.to_table(), ego_summary(network, &result))
        }
        ListFormat::Xlsx => return workspace.emit_workbook(&args.output, &[("ego", records)]),
        ListFormat::Json => {
            ego_json(workspace.describe(&view, args.view.weighted), network, &result, &records)
        }
    };
    workspace.emit(&args.output, &text)
}
