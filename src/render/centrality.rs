//! `centrality` output: one row per actor, plus the whole network's figures in JSON and tables.

use serde::Serialize;
use serde_json::Value;

use super::actors::{ACTOR_COLUMNS, actor_cells, by_actor_id};
use super::description::ViewDescription;
use super::json::{to_pretty, to_value};
use super::records::{Cell, Records};
use crate::analysis::{ActorCentrality, Descriptives, GraphStructure, TRIAD_TYPES};
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
    /// The descriptives of a methods section (`centrality` only; the report leaves them out).
    #[serde(flatten)]
    descriptives: Option<DescriptivesJson>,
    /// What a reader needs to know to read the figures above (empty when nothing).
    notes: Vec<String>,
}

/// Transitivity, clustering, path lengths and the triad census (keys in this order).
#[derive(Serialize)]
struct DescriptivesJson {
    transitivity: Option<f64>,
    average_clustering: Option<f64>,
    /// Of the largest weak component.
    average_path_length: Option<f64>,
    /// Of the largest weak component.
    diameter: Option<u32>,
    triad_census: TriadCensusJson,
    /// Every weak component of two actors or more, the largest first.
    path_lengths: Vec<ComponentJson>,
}

/// One weak component's paths.
#[derive(Serialize)]
struct ComponentJson {
    actors: usize,
    average_path_length: Option<f64>,
    diameter: u32,
}

/// The triad census as `{"003": …, "012": …, …}` in the order of the MAN labels.
pub(super) struct TriadCensusJson(pub(super) [u64; 16]);

impl Serialize for TriadCensusJson {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(16))?;
        for (name, count) in TRIAD_TYPES.iter().zip(self.0) {
            map.serialize_entry(name, &count)?;
        }
        map.end()
    }
}

/// Said when the view has more than one weak component (isolated actors included).
const COMPONENTS_NOTE: &str = "average path length and diameter: the network is not connected, so these are of its largest weak component; path_lengths lists every component of two actors or more";

/// Said of the descriptives: how they read the view.
const DESCRIPTIVES_NOTE: &str = "transitivity, average clustering, average path length and diameter read the view as undirected and unweighted (two actors are neighbours when a tie joins them either way; paths count hops); the triad census reads the direction of every tie";

/// Said on an undirected view.
const UNDIRECTED_TRIADS_NOTE: &str = "triad census: the view has no directed ties, so every tie is mutual and only the types 003, 102, 201 and 300 can occur";

fn descriptives_json(descriptives: &Descriptives) -> DescriptivesJson {
    let largest = descriptives.largest_component();
    DescriptivesJson {
        transitivity: finite(Some(descriptives.transitivity)),
        average_clustering: finite(descriptives.average_clustering),
        average_path_length: finite(largest.map(|c| c.average_path_length)),
        diameter: largest.map(|c| c.diameter),
        triad_census: TriadCensusJson(descriptives.triad_census),
        path_lengths: descriptives
            .components
            .iter()
            .map(|c| ComponentJson {
                actors: c.size,
                average_path_length: finite(Some(c.average_path_length)),
                diameter: c.diameter,
            })
            .collect(),
    }
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
    to_value(&structure_figures(structure, None))
}

/// The graph-level figures, undefined and non-finite ones as `None`; with `descriptives`, those
/// too and their notes.
fn structure_figures(
    structure: &GraphStructure,
    descriptives: Option<&Descriptives>,
) -> StructureJson {
    let mut notes: Vec<String> =
        structure_notes(structure).into_iter().map(str::to_owned).collect();
    if let Some(d) = descriptives {
        notes.push(DESCRIPTIVES_NOTE.to_owned());
        if d.components.len() + d.isolated > 1 {
            notes.push(COMPONENTS_NOTE.to_owned());
        }
        if structure.n_directed_ties == 0 && structure.n_ties > 0 {
            notes.push(UNDIRECTED_TRIADS_NOTE.to_owned());
        }
    }
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
        descriptives: descriptives.map(descriptives_json),
        notes,
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
    centrality_json_with(view, records, structure, None)
}

/// The JSON output of `centrality` with the descriptives among the network's figures
/// (`transitivity`, `average_clustering`, `average_path_length`, `diameter`, `triad_census`,
/// `path_lengths`).
pub fn centrality_json_with(
    view: ViewDescription<'_>,
    records: &Records<'_>,
    structure: &GraphStructure,
    descriptives: Option<&Descriptives>,
) -> String {
    to_pretty(&CentralityJson {
        view,
        actors: records.to_json(),
        network: structure_figures(structure, descriptives),
    })
}

/// The graph-level figures as a list, `figure,value`, one row per figure in the JSON order
/// (an undefined one with an empty value), then a `note` row per note.
pub fn structure_records<'a>(structure: &GraphStructure) -> Records<'a> {
    network_records(structure, None)
}

/// [`structure_records`] with the descriptives too (the triad census one row per type,
/// `triad_census 003`, …).
pub fn network_records<'a>(
    structure: &GraphStructure,
    descriptives: Option<&Descriptives>,
) -> Records<'a> {
    let figures = structure_figures(structure, descriptives);
    let mut records = figure_rows(&figures, "figure", |name| name.to_owned());
    for note in figures.notes {
        records.push(vec![Cell::text("note"), Cell::text(note)]);
    }
    records
}

/// The graph-level figures as `name  value` lines for a terminal, then a `note:` line for each
/// note.
pub fn structure_table(structure: &GraphStructure) -> String {
    network_table(structure, None)
}

/// [`structure_table`] with the descriptives too.
pub fn network_table(structure: &GraphStructure, descriptives: Option<&Descriptives>) -> String {
    let figures = structure_figures(structure, descriptives);
    let mut text = figure_rows(&figures, "network", |name| name.replace('_', " ")).to_table();
    for note in &figures.notes {
        text.push_str("note: ");
        text.push_str(note);
        text.push('\n');
    }
    text
}

/// One row per figure of the JSON (its name as `name` writes it, its value; arrays skipped),
/// under the header `heading`, `value`.
fn figure_rows<'a>(
    figures: &StructureJson,
    heading: &str,
    name: impl Fn(&str) -> String,
) -> Records<'a> {
    let mut records = Records::new(&[heading, "value"]);
    if let Value::Object(object) = to_value(figures) {
        for (figure, value) in object {
            let cell = match value {
                Value::Number(n) => Cell::Number(n.as_f64()),
                Value::Object(inner) => {
                    for (key, value) in inner {
                        let cell = Cell::Count(value.as_u64().unwrap_or(0));
                        records.push(vec![Cell::text(name(&format!("{figure} {key}"))), cell]);
                    }
                    continue;
                }
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
