//! `stakenet interdependence`: mutual dependence, power imbalance and indirect dependence
//! between actors, and whether a coalition has something to gain for everyone.

use clap::Args;

use super::super::options::{ListArgs, ListFormat, OutputArgs, ViewArgs, WorkspaceArgs};
use super::super::{Failure, Outcome, Workspace, config};
use stakenet::analysis::{
    DependenceMatrix, DependenceSource, InterdependenceConfig, dependence_layer as default_layer,
    interdependence, layer_views, multiplexity,
};
use stakenet::model::{COMEMBERSHIP, Network};
use stakenet::render::{
    INTERDEPENDENCE_MEASURES, dependence_actor_records, dependence_pair_records_ordered,
    interdependence_figure_records, interdependence_json_ordered, interdependence_table_ordered,
    json::to_pretty,
};
use stakenet::view::{LayerChoice, TieWeight, View};

pub(crate) const HELP: &str = "\
How the layer decides what dependence is:
  dependency            a tie i -> j says i depends on j: D[i][j] = weight, clipped to 1
  any other layer       a resource flow (funding, information, ...): i depends on j by the
                        share of i's inflow that comes from j, D[i][j] = w(j -> i) / sum_k w(k -> i)
--layer takes one layer here. Without it: `dependency` when the workspace has it, else
`funding`, else an error that lists the layers. --weighted changes nothing (no paths here).

Per pair (Emerson 1962; Casciaro & Piskorski 2005): mutual dependence d_ab + d_ba and power
imbalance |d_ab - d_ba|; the less dependent side is the more powerful. Per actor, from the
indirect dependence T = (I - alpha D)^-1 - I (dependence through intermediaries, each step
weighted by alpha): dependence on others (row sums) and depended on by others (column sums).
alpha must keep the spectral radius of alpha D below 1; a larger alpha is refused with the
largest value that works. Mutuality: among the actors with a tie in the layer, the share that
both depend on another and are depended on (\"something to gain for everyone\"; actors without
a tie in the layer do not count); layer overlap: share of tied pairs tied in two or more layers
of relations.csv. csv gives the pairs; json gives everything. --sort takes a pair measure
(d_ab, d_ba, mutual_dependence, power_imbalance) or an actor one (dependence_on_others,
depended_on_by) and orders that list; --top cuts it (both lists without --sort).

Examples:
  stakenet interdependence fixtures/tiny
  stakenet interdependence my-region/ --layer funding --coalition rd_twente --alpha 0.3
  stakenet interdependence my-region/ --sort power_imbalance --top 10
  stakenet interdependence my-region/ --format json -o interdependence.json";

/// `stakenet interdependence`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct InterdependenceArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    #[command(flatten)]
    pub(crate) view: ViewArgs,
    /// Weight of each extra step of indirect dependence (i depends on k through j counts
    /// alpha²); must be ≥ 0 and below 1 / spectral radius of D.
    #[arg(long, value_name = "A", default_value_t = 0.5, allow_negative_numbers = true)]
    pub(crate) alpha: f64,
    #[command(flatten)]
    pub(crate) list: ListArgs,
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    pub(crate) format: Option<ListFormat>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Loads, chooses the dependence layer, builds D and the layer views, computes, renders.
pub(crate) fn run(args: &InterdependenceArgs) -> Outcome {
    if !args.alpha.is_finite() || args.alpha < 0.0 {
        return Err(Failure::Input(format!(
            "--alpha {}: expected a finite number ≥ 0, e.g. 0.5",
            config::short_number(args.alpha)
        )));
    }
    args.list.check(&INTERDEPENDENCE_MEASURES)?;
    config::threads(&args.view.threads)?;
    let format = config::list_format("interdependence", args.format, &args.output)?;
    let workspace = Workspace::open(&args.workspace)?;
    let network = &workspace.network;
    let mut spec = config::view_spec(network, &args.view)?;
    let asked = spec.layers.take();
    let layer = dependence_layer(network, asked.as_deref())?;
    let layer_name = View::layer_name(network, layer).to_owned();
    let source = DependenceSource::for_layer(&layer_name);
    let view_error = Failure::input;
    let view = workspace.view(&spec.clone().with_layers([layer]))?;
    let matrix = DependenceMatrix::from_view(&view, source)
        .map_err(|e| Failure::Input(format!("layer {layer_name}: {e}")))?;
    let progress = workspace.progress(&view, "interdependence");
    let result =
        interdependence(&matrix, &InterdependenceConfig::new(args.alpha)).map_err(|e| {
            Failure::Input(format!(
                "--alpha {} (layer {layer_name}): {e}",
                config::short_number(args.alpha)
            ))
        })?;
    // Layer overlap over every layer of relations.csv, on the same actors, level and date.
    // Overlap asks only whether pairs are tied: weights do not matter.
    let all_layers = layer_views(
        network,
        &spec.with_layers(LayerChoice::explicit_layers(network)).with_weight(TieWeight::Weight),
    )
    .map_err(view_error)?;
    let overlap = multiplexity(&all_layers).map_err(Failure::analysis)?;
    progress.finish_and_clear();
    let order = args.list.order();
    let text = match format {
        ListFormat::Csv => dependence_pair_records_ordered(network, &result, order).to_csv(),
        ListFormat::Table => interdependence_table_ordered(
            network,
            &result,
            &layer_name,
            view.weighting(),
            source.describe(),
            overlap,
            order,
        ),
        ListFormat::Xlsx => {
            let sheets = [
                ("pairs", dependence_pair_records_ordered(network, &result, order)),
                ("actors", order.apply(dependence_actor_records(network, &result))),
                (
                    "figures",
                    interdependence_figure_records(&result, &layer_name, view.weighting(), overlap),
                ),
            ];
            return workspace.emit_workbook(&args.output, &sheets);
        }
        ListFormat::Json => to_pretty(&interdependence_json_ordered(
            network,
            &result,
            view.weighting(),
            overlap,
            order,
        )),
    };
    workspace.emit(&args.output, &text)
}

/// The one layer D is read from: the one asked for, or the default (`dependency`, else
/// `funding`), or an error that lists the layers.
fn dependence_layer(
    network: &Network,
    asked: Option<&[LayerChoice]>,
) -> Result<LayerChoice, Failure> {
    match asked {
        Some([one]) => return Ok(*one),
        Some(many) if many.len() > 1 => {
            let names: Vec<&str> = many.iter().map(|&l| View::layer_name(network, l)).collect();
            return Err(Failure::Input(format!(
                "--layer: interdependence reads one layer, got {}: {}",
                many.len(),
                names.join(", ")
            )));
        }
        _ => {}
    }
    if let Some(id) = default_layer(network) {
        return Ok(LayerChoice::Explicit(id));
    }
    let known: Vec<&str> = network.layers().iter().map(|l| l.name.as_str()).collect();
    let has = if known.is_empty() {
        format!("no relations.csv layers (only the derived {COMEMBERSHIP})")
    } else {
        format!("the layers {} (and the derived {COMEMBERSHIP})", known.join(", "))
    };
    Err(Failure::Input(format!(
        "interdependence needs a `dependency` layer or a resource layer such as `funding`, \
         and this workspace has {has}; choose one with --layer"
    )))
}
