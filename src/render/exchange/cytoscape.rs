//! Cytoscape JSON export (Cytoscape.js elements, which Cytoscape Desktop imports): the whole
//! network with its attributes, built with serde.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::model::Network;
use crate::render::exchange::flatten::{AttributeValue, Column, ExportGraph};
use crate::render::exchange::options::ExportOptions;
use crate::render::exchange::visual::node_visuals;
use crate::render::json::to_pretty;

/// The whole document: `{"elements": {"nodes": [...], "edges": [...]}}`.
#[derive(Serialize)]
struct CytoscapeJson<'a> {
    elements: Elements<'a>,
}

/// The nodes, then the edges.
#[derive(Serialize)]
struct Elements<'a> {
    nodes: Vec<Element<NodeData<'a>>>,
    edges: Vec<Element<EdgeData<'a>>>,
}

/// One element: `{"data": {...}}`.
#[derive(Serialize)]
struct Element<D> {
    data: D,
    #[serde(skip_serializing_if = "Option::is_none")]
    position: Option<Position>,
}

/// A node's position on the map, in pixels (y downwards, as Cytoscape.js has it).
#[derive(Serialize)]
struct Position {
    x: f64,
    y: f64,
}

/// A node's data: its id and name, then its attributes.
#[derive(Serialize)]
struct NodeData<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(flatten)]
    attributes: Attributes<'a>,
}

/// An edge's data: its id, ends and weight, then its attributes.
#[derive(Serialize)]
struct EdgeData<'a> {
    id: &'a str,
    source: &'a str,
    target: &'a str,
    /// Exported weights are finite; a non-finite one would be written `null`.
    weight: f64,
    #[serde(flatten)]
    attributes: Attributes<'a>,
}

/// The present attribute values under their column names, in column order (absent values are
/// left out). The export table's names are unique and never `id`, `name`, `source`, `target`
/// or `weight`.
struct Attributes<'a> {
    columns: &'a [Column],
    values: &'a [Option<AttributeValue>],
}

impl Serialize for Attributes<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for (column, value) in self.columns.iter().zip(self.values) {
            match value {
                None => {}
                Some(AttributeValue::Text(text)) => map.serialize_entry(&column.name, text)?,
                // Exported numbers are finite; a non-finite one would be written `null`.
                Some(AttributeValue::Number(number)) => {
                    map.serialize_entry(&column.name, number)?;
                }
                Some(AttributeValue::Flag(flag)) => map.serialize_entry(&column.name, flag)?,
            }
        }
        map.end()
    }
}

/// The network as Cytoscape.js elements: actors and coalitions as nodes, relations and
/// memberships as edges.
///
/// # Format
/// ```text
/// {"elements": {
///   "nodes": [{"data": {"id": "min_a", "name": "Ministerie A", "kind": "ministry", …}}, …],
///   "edges": [{"data": {"id": "r0", "source": "min_a", "target": "prov", "weight": 2.0,
///                       "layer": "funding", "directed": true, …}}, …]}}
/// ```
/// Node and edge attributes, their order and types are those of the export table (see the
/// `render::export` module): text as strings, numbers as numbers, `directed` as a boolean;
/// absent values are left out. The name is `name`, which Cytoscape shows as the label. Text is
/// kept exactly (JSON can hold every character).
pub fn export_cytoscape(network: &Network) -> String {
    export_cytoscape_with(network, &ExportOptions::default())
}

/// [`export_cytoscape`] with `options`: the centrality figures as node data (numbers), and
/// each node's `position` on the map (`{"x": …, "y": …}` in pixels, y downwards, as
/// Cytoscape.js's `preset` layout reads it; a coalition beside the mean position of its
/// members; none for a node the map leaves out). `options.mixed` does not apply: every edge
/// keeps its `directed` attribute.
pub fn export_cytoscape_with(network: &Network, options: &ExportOptions<'_>) -> String {
    let graph = ExportGraph::with_measures(network, options.measures);
    let visuals = options.layout.map(|map| node_visuals(network, &graph, map));
    let nodes = graph
        .nodes
        .iter()
        .enumerate()
        .map(|(index, node)| Element {
            data: NodeData {
                id: &node.id,
                name: &node.label,
                attributes: Attributes { columns: &graph.node_columns, values: &node.values },
            },
            position: visuals
                .as_ref()
                .and_then(|v| v[index].as_ref())
                .map(|visual| Position { x: visual.position[0], y: visual.position[1] }),
        })
        .collect();
    let edges = graph
        .edges
        .iter()
        .map(|edge| Element {
            data: EdgeData {
                id: &edge.id,
                source: &edge.source,
                target: &edge.target,
                weight: edge.weight,
                attributes: Attributes { columns: &graph.edge_columns, values: &edge.values },
            },
            position: None,
        })
        .collect();
    to_pretty(&CytoscapeJson { elements: Elements { nodes, edges } })
}
