//! `stakenet layers`: multiplex measures per actor and layer, and layer overlap.

use clap::Args;

use super::super::options::{ListFormat, OutputArgs, ViewArgs, WorkspaceArgs};
use super::super::{Failure, Outcome, Workspace, config};
use stakenet::analysis::multiplex_of;
use stakenet::render::{layer_records, layers_json, overlap_note, overlap_records};
use stakenet::view::{MAX_LAYER_PAIRS, ViewError};

pub(crate) const HELP: &str = "\
Definitions and numbers as uunet/multinet: degree counts a layer's ties of the actor,
neighborhood its distinct neighbours there, xneighborhood those it meets in no other chosen
layer; relevance and xrelevance divide them by the actor's neighbours over all chosen layers (how
much of the actor's network is in that layer, and only there). degree_deviation (the standard
deviation of the actor's degree over the chosen layers, 0 where it has no tie: large when one
layer holds its ties) and connective_redundancy (1 - its neighbours over all layers / its degree
summed over them: the share of its ties that repeat a contact of another layer) are the actor's
across all layers, repeated on each of its rows.
Actors without a tie in a layer have no row for it. The json format adds the Jaccard overlap of
the edge sets of every pair of layers (beyond 500 layers, of the pairs that share a tie).

Examples:
  stakenet layers fixtures/tiny
  stakenet layers my-region/ --layer funding --layer collaboration --format json";

/// `stakenet layers`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct LayersArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    #[command(flatten)]
    pub(crate) view: ViewArgs,
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    pub(crate) format: Option<ListFormat>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Loads, builds one view per layer, computes, renders.
pub(crate) fn run(args: &LayersArgs) -> Outcome {
    config::threads(&args.view.threads)?;
    let format = config::list_format("layers", args.format, &args.output)?;
    let workspace = Workspace::open(&args.workspace)?;
    let network = &workspace.network;
    let spec = config::view_spec(network, &args.view)?;
    workspace.say_view_notes(&spec);
    let result = multiplex_of(network, &spec).map_err(|error| match error {
        ViewError::TooManyLayerPairs { layers } => Failure::input(format!(
            "more than {MAX_LAYER_PAIRS} pairs of the {layers} layers share ties, too many to \
             list their overlaps; name the layers to compare with --layer NAME (repeated), or \
             narrow to a coalition with --coalition ID"
        )),
        error => Failure::input(error),
    })?;
    let text = match format {
        ListFormat::Csv => layer_records(network, &result).to_csv(),
        ListFormat::Table => format!(
            "{}\nlayer overlap (Jaccard of edge sets{})\n{}",
            layer_records(network, &result).to_table(),
            overlap_note(&result).map(|note| format!("; {note}")).unwrap_or_default(),
            overlap_records(network, &result).to_table()
        ),
        ListFormat::Json => layers_json(network, &result, &workspace.name),
        ListFormat::Xlsx => {
            let sheets = [
                ("layers", layer_records(network, &result)),
                ("overlap", overlap_records(network, &result)),
            ];
            return workspace.emit_workbook(&args.output, &sheets);
        }
    };
    workspace.emit(&args.output, &text)
}
