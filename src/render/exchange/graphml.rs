//! GraphML export (yEd, Gephi, Cytoscape, NetworkX, igraph): the whole network with its
//! attributes, written with quick-xml.

use crate::model::Network;
use crate::render::exchange::flatten::{Directions, ExportGraph, MixedEdges};
use crate::render::markup::xml::XmlDocument;

const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";
const SCHEMA_LOCATION: &str =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/// The network as GraphML: actors and coalitions as nodes, relations and memberships as edges.
///
/// # Format
/// ```text
/// <graphml xmlns="http://graphml.graphdrawing.org/xmlns" …>
///   <key id="d0" for="node" attr.name="label" attr.type="string"/>   the name
///   <key id="d1" for="node" attr.name="kind" attr.type="string"/>    … one key per attribute
///   <key id="dK" for="edge" attr.name="weight" attr.type="double"/>
///   <key … for="edge" attr.name="directed" attr.type="boolean"/>     … one key per attribute
///   <graph id="G" edgedefault="directed|undirected">
///     <node id="min_a"><data key="d0">Ministerie A</data>…</node>
///     <edge id="r0" source="min_a" target="prov" directed="true"><data …>…</data></edge>
/// ```
/// Node and edge attributes, their order and types are those of the export table (see the
/// `render::export` module): the name is the `label` attribute, which Gephi shows as the
/// label. Absent values have no `<data>`. `edgedefault` is `undirected` when no edge is
/// directed, otherwise `directed`; every edge carries its own `directed` XML attribute, except
/// when `mixed` is [`MixedEdges::Directed`] and the graph is mixed: then every edge is read as
/// directed and only the `directed` data attribute tells which ties are undirected.
/// Characters XML cannot hold are replaced with U+FFFD.
pub fn export_graphml(network: &Network, mixed: MixedEdges) -> String {
    let graph = ExportGraph::new(network);
    let directions = graph.directions();
    let per_edge_direction = !(directions == Directions::Mixed && mixed == MixedEdges::Directed);
    let edge_default = if directions == Directions::Undirected { "undirected" } else { "directed" };

    let mut xml = XmlDocument::new();
    xml.open(
        "graphml",
        &[
            ("xmlns", NAMESPACE),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", SCHEMA_LOCATION),
        ],
    );
    let mut next_key = 0usize;
    let mut declare = |xml: &mut XmlDocument, domain: &str, name: &str, value_type: &str| {
        let id = format!("d{next_key}");
        next_key += 1;
        xml.empty(
            "key",
            &[("id", &id), ("for", domain), ("attr.name", name), ("attr.type", value_type)],
        );
        id
    };
    let label_key = declare(&mut xml, "node", "label", "string");
    let node_keys: Vec<String> = graph
        .node_columns
        .iter()
        .map(|column| declare(&mut xml, "node", &column.name, column.value_type.as_str()))
        .collect();
    let weight_key = declare(&mut xml, "edge", "weight", "double");
    let edge_keys: Vec<String> = graph
        .edge_columns
        .iter()
        .map(|column| declare(&mut xml, "edge", &column.name, column.value_type.as_str()))
        .collect();

    xml.open("graph", &[("id", "G"), ("edgedefault", edge_default)]);
    for node in &graph.nodes {
        xml.open("node", &[("id", &node.id)]);
        xml.text_element("data", &[("key", &label_key)], &node.label);
        for (key, value) in node_keys.iter().zip(&node.values) {
            if let Some(value) = value {
                xml.text_element("data", &[("key", key)], &value.lexical());
            }
        }
        xml.close("node");
    }
    for edge in &graph.edges {
        let directed = edge.directed.to_string();
        let mut attributes = vec![("id", edge.id.as_str()), ("source", &edge.source)];
        attributes.push(("target", &edge.target));
        if per_edge_direction {
            attributes.push(("directed", &directed));
        }
        xml.open("edge", &attributes);
        xml.text_element("data", &[("key", &weight_key)], &edge.weight.to_string());
        for (key, value) in edge_keys.iter().zip(&edge.values) {
            if let Some(value) = value {
                xml.text_element("data", &[("key", key)], &value.lexical());
            }
        }
        xml.close("edge");
    }
    xml.close("graph");
    xml.close("graphml");
    xml.finish()
}
