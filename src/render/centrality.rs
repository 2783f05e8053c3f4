//! `centrality` output: one row per actor, plus the whole network's figures in JSON and tables.

use serde::Serialize;
use serde_json::Value;

use super::actors::{ACTOR_COLUMNS, actor_cells, by_actor_id};
use super::description::ViewDescription;
use super::json::{to_pretty, to_value};
use super::records::{Cell, Records};
use crate::analysis::{ActorCentrality, GraphStructure};
use crate::model::Network;

/// The per-actor columns after `id,name,sector,level`.
pub const CENTRALITY_COLUMNS: [&str; 9] = [
    "degree",
    "in_degree",
    "out_degree",
    "strength",
    "betweenness",
    "closeness",
    "harmonic",
    "eigenvector",
    "pagerank",
];

/// One row per actor, ordered by id; rows are built as they are rendered.
pub fn centrality_records<'a>(network: &'a Network, scores: &'a [ActorCentrality]) -> Records<'a> {
    let columns: Vec<&str> =
        ACTOR_COLUMNS.iter().chain(CENTRALITY_COLUMNS.iter()).copied().collect();
    let order = by_actor_id(network, scores.iter().map(|s| s.actor));
    Records::from_fn(&columns, order.len(), move |i, row| {
        let s = &scores[order[i]];
        row.extend(actor_cells(network, s.actor));
        row.extend([
            Cell::Count(s.degree as u64),
            Cell::Count(s.in_degree as u64),
            Cell::Count(s.out_degree as u64),
            Cell::Number(Some(s.strength)),
            Cell::Number(s.betweenness),
            Cell::Number(s.closeness),
            Cell::Number(s.harmonic),
            Cell::Number(s.eigenvector),
            Cell::Number(s.pagerank),
        ]);
    })
}

/// The graph-level figures of the JSON outputs (keys in this order).
#[derive(Serialize)]
struct StructureJson {
    nodes: usize,
    ties: usize,
    directed_ties: usize,
    undirected_ties: usize,
    density: Option<f64>,
    reciprocity: Option<f64>,
    degree_centralization: Option<f64>,
    betweenness_centralization: Option<f64>,
    closeness_centralization: Option<f64>,
    harmonic_centralization: Option<f64>,
    connectedness: Option<f64>,
    hierarchy: Option<f64>,
    efficiency: Option<f64>,
    lub: Option<f64>,
    weak_components: usize,
    /// What a reader needs to know to read the figures above (empty when nothing).
    notes: Vec<&'static str>,
}

/// Said when some actor does not reach every other: sna's closeness convention.
const SAMPLED_NOTE: &str = "--sample: betweenness and harmonic centralization are computed from \
the estimated values (hop counts); closeness centralization needs every actor's exact reach and \
is not computed";

const CLOSENESS_CONVENTION_NOTE: &str = "closeness centralization: some actors do not reach \
every other actor (the network is not connected), and R sna gives such an actor closeness 0 by \
convention, so the figure is 0 when no actor reaches all and says little otherwise; harmonic \
centralization counts an unreachable actor as adding 0 and stays meaningful";

/// Said on a mixed view: what reciprocity reads.
const MIXED_RECIPROCITY_NOTE: &str = "reciprocity: over the directed ties only; undirected \
ties run both ways by definition and are counted apart (undirected ties)";

/// The graph-level figures as a JSON object.
pub fn structure_json(structure: &GraphStructure) -> Value {
    to_value(&structure_figures(structure))
}

/// The graph-level figures, undefined and non-finite ones as `None`.
fn structure_figures(structure: &GraphStructure) -> StructureJson {
    StructureJson {
        nodes: structure.n_nodes,
        ties: structure.n_ties,
        directed_ties: structure.n_directed_ties,
        undirected_ties: structure.n_undirected_ties,
        density: finite(Some(structure.density)),
        reciprocity: finite(structure.reciprocity),
        degree_centralization: finite(structure.degree_centralization),
        betweenness_centralization: finite(structure.betweenness_centralization),
        closeness_centralization: finite(structure.closeness_centralization),
        harmonic_centralization: finite(structure.harmonic_centralization),
        connectedness: finite(Some(structure.connectedness)),
        hierarchy: finite(structure.hierarchy),
        efficiency: finite(structure.efficiency),
        lub: finite(structure.lub),
        weak_components: structure.n_weak_components,
        notes: structure_notes(structure),
    }
}

/// The notes that go with the figures, in a fixed order.
fn structure_notes(structure: &GraphStructure) -> Vec<&'static str> {
    let mut notes = Vec::new();
    if structure.n_directed_ties > 0 && structure.n_undirected_ties > 0 {
        notes.push(MIXED_RECIPROCITY_NOTE);
    }
    if structure.closeness_by_convention && structure.closeness_centralization.is_some() {
        notes.push(CLOSENESS_CONVENTION_NOTE);
    }
    if structure.sampled_pivots.is_some() {
        notes.push(SAMPLED_NOTE);
    }
    notes
}

/// The JSON output of `centrality`: the view, the actors, the network's figures.
#[derive(Serialize)]
struct CentralityJson<'a> {
    view: ViewDescription<'a>,
    actors: Value,
    network: StructureJson,
}

/// The JSON output of `centrality`: `{"view", "actors", "network"}`.
pub fn centrality_json(
    view: ViewDescription<'_>,
    records: &Records<'_>,
    structure: &GraphStructure,
) -> String {
    to_pretty(&CentralityJson {
        view,
        actors: records.to_json(),
        network: structure_figures(structure),
    })
}

/// The graph-level figures as a list, `figure,value`, one row per figure in the JSON order
/// (an undefined one with an empty value), then a `note` row per note.
pub fn structure_records<'a>(structure: &GraphStructure) -> Records<'a> {
    let mut records = figure_rows(structure, "figure", |name| name.to_owned());
    for note in structure_notes(structure) {
        records.push(vec![Cell::text("note"), Cell::text(note)]);
    }
    records
}

/// The graph-level figures as `name  value` lines for a terminal, then a `note:` line for each
/// note.
pub fn structure_table(structure: &GraphStructure) -> String {
    let mut text = figure_rows(structure, "network", |name| name.replace('_', " ")).to_table();
    for note in structure_notes(structure) {
        text.push_str("note: ");
        text.push_str(note);
        text.push('\n');
    }
    text
}

/// One row per figure of the JSON (its name as `name` writes it, its value; arrays skipped),
/// under the header `heading`, `value`.
fn figure_rows<'a>(
    structure: &GraphStructure,
    heading: &str,
    name: impl Fn(&str) -> String,
) -> Records<'a> {
    let mut records = Records::new(&[heading, "value"]);
    if let Value::Object(object) = structure_json(structure) {
        for (figure, value) in object {
            let cell = match value {
                Value::Number(n) => Cell::Number(n.as_f64()),
                Value::Array(_) => continue,
                _ => Cell::Number(None),
            };
            records.push(vec![Cell::text(name(&figure)), cell]);
        }
    }
    records
}

fn finite(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite())
}
