//! `stakenet asymmetry`: whether money, mandate and knowledge run one way, per layer, and the
//! national share of each coalition's money.

use clap::Args;

use super::super::options::{ListFormat, OutputArgs, ViewArgs, WorkspaceArgs};
use super::super::{Failure, Outcome, Workspace, config};
use stakenet::analysis::{asymmetry, group_nodes, layer_views};
use stakenet::model::CoalitionId;
use stakenet::render::{
    asymmetry_actor_records, asymmetry_dyad_records, asymmetry_group_records, asymmetry_json,
    asymmetry_layer_records, asymmetry_table, coalition_finance_records, json::to_pretty,
};
use stakenet::view::{LayerChoice, View};

pub(crate) const HELP: &str = "\
Per layer (each on its own view of the chosen actors, level and date):
  dyads       asymmetry = (w_st - w_ts) / (w_st + w_ts) for every tied pair, source < target by
              id: 1 = everything runs from source to target, 0 = balanced
  actors      balance = (out - in) / (out + in) of tie strength: near 1 the actor mostly gives
              (funds, mandates, informs), near -1 it mostly receives
  layers      reciprocity (share of directed ties answered by a tie the other way), weighted
              reciprocity sum min(w_ij, w_ji) / sum w_ij (Squartini et al. 2013: the share of
              tie weight that is returned), Krackhardt hierarchy (as R sna: among pairs where
              one reaches the other, the share reached one way only; 1 for a pure chain of
              command)
  groups      summed weight from group to group (--group-by; default side: rijk vs region)
Per coalition: national share = national / (national + cofinancing) and cofinancing ratio =
cofinancing / national (empty when a figure is not stated).

Layers: every layer of relations.csv by default; comembership is symmetric by construction
and is left out unless asked for with --layer comembership.

Weights: a layer whose relations all carry an amount is weighed in euros (a funding layer:
who pays how much), any other by its relations' weight; every list names the weighting of each
layer (weighting column: amount, weight or count). --weight amount|weight|count chooses one for
every layer (amount refuses a layer with relations without an amount). --weighted changes
nothing here. csv gives the dyads; json gives every list.

Examples:
  stakenet asymmetry fixtures/tiny
  stakenet asymmetry my-region/ --layer funding --group-by sector --format json
  stakenet asymmetry --format json -o asymmetry.json";

/// `stakenet asymmetry`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct AsymmetryArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    #[command(flatten)]
    pub(crate) view: ViewArgs,
    /// Group actors for the flows by side (rijk: the national government and everything under
    /// it; region: everyone else), sector, level, kind, or any column of actors.csv.
    #[arg(long, value_name = "GROUPING", default_value = "side")]
    pub(crate) group_by: String,
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    pub(crate) format: Option<ListFormat>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Loads, builds one view per layer and the grouping, computes, renders.
pub(crate) fn run(args: &AsymmetryArgs) -> Outcome {
    config::threads(&args.view.threads)?;
    let format = config::list_format("asymmetry", args.format, &args.output)?;
    let workspace = Workspace::open(&args.workspace)?;
    let network = &workspace.network;
    let mut spec = config::view_spec(network, &args.view)?;
    // Default: every explicit layer, without the symmetric comembership layer (as views choose
    // when the workspace has relations; asymmetry has no use for comembership even without).
    let layers =
        spec.layers.take().unwrap_or_else(|| LayerChoice::explicit_layers(network).collect());
    let view_error = Failure::input;
    let spec_of_layers = spec.clone().with_layers(layers);
    workspace.say_view_notes(&spec_of_layers);
    let views = layer_views(network, &spec_of_layers).map_err(view_error)?;
    // The nodes without any tie, for the grouping: the same nodes as every layer's view.
    let nodes = View::build(network, &spec.clone().with_layers([])).map_err(view_error)?;
    let group_by = config::group_by(&args.group_by);
    let grouping = group_nodes(network, &nodes, &group_by)
        .map_err(|e| Failure::Input(format!("--group-by {}: {e}", args.group_by)))?;
    let coalitions: Vec<CoalitionId> = match spec.scope.coalition() {
        Some(coalition) => vec![coalition],
        None => network.coalition_ids().collect(),
    };
    let result = asymmetry(network, &views, &grouping, &coalitions).map_err(Failure::analysis)?;
    let text = match format {
        ListFormat::Csv => asymmetry_dyad_records(network, &result).to_csv(),
        ListFormat::Table => asymmetry_table(network, &result, group_by.name()),
        ListFormat::Json => to_pretty(&asymmetry_json(network, &result)),
        ListFormat::Xlsx => {
            let sheets = [
                ("dyads", asymmetry_dyad_records(network, &result)),
                ("actors", asymmetry_actor_records(network, &result)),
                ("layers", asymmetry_layer_records(network, &result)),
                ("groups", asymmetry_group_records(network, &result)),
                ("coalitions", coalition_finance_records(network, &result)),
            ];
            return workspace.emit_workbook(&args.output, &sheets);
        }
    };
    workspace.emit(&args.output, &text)
}
