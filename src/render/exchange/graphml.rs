//! GraphML export (yEd, Gephi, Cytoscape, NetworkX, igraph): the whole network with its
//! attributes, written with quick-xml.

use crate::model::Network;
use crate::render::exchange::flatten::{Directions, ExportGraph, MixedEdges};
use crate::render::exchange::options::ExportOptions;
use crate::render::exchange::visual::{NodeVisual, coordinate, node_visuals};
use crate::render::markup::xml::XmlDocument;

const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";
/// yWorks' namespace, in which yEd writes and reads its node graphics.
const YWORKS_NAMESPACE: &str = "http://www.yworks.com/xml/graphml";
/// The outline of every node, as the map draws it.
const OUTLINE: &str = "#1A1A1A";
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
    export_graphml_with(network, &ExportOptions::default().with_mixed(mixed))
}

/// [`export_graphml`] with `options`: the centrality figures as node attributes (doubles,
/// after the fixed ones), and the map's picture as yEd writes node graphics (`xmlns:y`, yWorks'
/// namespace), under a key of `yfiles.type="nodegraphics"` declared after the node attributes:
///
/// ```text
/// <key id="dG" for="node" yfiles.type="nodegraphics"/>
/// <node id="min_a">
///   <data key="d0">Ministerie A</data>…
///   <data key="dG">
///     <y:ShapeNode>
///       <y:Geometry height="12" width="12" x="6.5" y="-46"/>   the map's circle's box, pixels
///       <y:Fill color="#0072B2" transparent="false"/>          the map's fill
///       <y:BorderStyle color="#1A1A1A" type="line" width="0.5"/>
///       <y:NodeLabel modelName="sandwich" modelPosition="s">Ministerie A</y:NodeLabel>
///       <y:Shape type="ellipse"/>
/// ```
///
/// yEd's y axis points down, as the map's: `x`, `y` are the top-left corner of the circle the
/// map draws. A coalition node sits beside the mean position of its members, small and grey;
/// a node the map leaves out has no graphics. Other readers ignore the graphics (NetworkX
/// reads the label, `x` and `y`).
pub fn export_graphml_with(network: &Network, options: &ExportOptions<'_>) -> String {
    let graph = ExportGraph::with_measures(network, options.measures);
    let visuals = options.layout.map(|map| node_visuals(network, &graph, map));
    let directions = graph.directions();
    let per_edge_direction =
        !(directions == Directions::Mixed && options.mixed == MixedEdges::Directed);
    let edge_default = if directions == Directions::Undirected { "undirected" } else { "directed" };

    let mut xml = XmlDocument::new();
    let mut root = vec![("xmlns", NAMESPACE)];
    if visuals.is_some() {
        root.push(("xmlns:y", YWORKS_NAMESPACE));
    }
    root.push(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"));
    root.push(("xsi:schemaLocation", SCHEMA_LOCATION));
    xml.open("graphml", &root);
    let mut next_key = 0usize;
    // An attribute with its name and type, or (type `None`) yEd's graphics of kind `name`.
    let mut declare =
        |xml: &mut XmlDocument, domain: &str, name: &str, value_type: Option<&str>| {
            let id = format!("d{next_key}");
            next_key += 1;
            match value_type {
                Some(value_type) => xml.empty(
                    "key",
                    &[("id", &id), ("for", domain), ("attr.name", name), ("attr.type", value_type)],
                ),
                None => xml.empty("key", &[("id", &id), ("for", domain), ("yfiles.type", name)]),
            }
            id
        };
    let label_key = declare(&mut xml, "node", "label", Some("string"));
    let node_keys: Vec<String> = graph
        .node_columns
        .iter()
        .map(|column| declare(&mut xml, "node", &column.name, Some(column.value_type.as_str())))
        .collect();
    let graphics_key = visuals.as_ref().map(|_| declare(&mut xml, "node", "nodegraphics", None));
    let weight_key = declare(&mut xml, "edge", "weight", Some("double"));
    let edge_keys: Vec<String> = graph
        .edge_columns
        .iter()
        .map(|column| declare(&mut xml, "edge", &column.name, Some(column.value_type.as_str())))
        .collect();

    xml.open("graph", &[("id", "G"), ("edgedefault", edge_default)]);
    for (index, node) in graph.nodes.iter().enumerate() {
        xml.open("node", &[("id", &node.id)]);
        xml.text_element("data", &[("key", &label_key)], &node.label);
        for (key, value) in node_keys.iter().zip(&node.values) {
            if let Some(value) = value {
                xml.text_element("data", &[("key", key)], &value.lexical());
            }
        }
        if let (Some(key), Some(Some(visual))) =
            (&graphics_key, visuals.as_ref().map(|v| &v[index]))
        {
            shape_node(&mut xml, key, visual, &node.label);
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

/// A node's graphics as yEd writes them: a `y:ShapeNode` with its box, fill, outline, label and
/// shape.
fn shape_node(xml: &mut XmlDocument, key: &str, visual: &NodeVisual, label: &str) {
    let [x, y] = visual.position;
    let diameter = coordinate(2.0 * visual.radius);
    xml.open("data", &[("key", key)]);
    xml.open("y:ShapeNode", &[]);
    xml.empty(
        "y:Geometry",
        &[
            ("height", &diameter),
            ("width", &diameter),
            ("x", &coordinate(x - visual.radius)),
            ("y", &coordinate(y - visual.radius)),
        ],
    );
    xml.empty("y:Fill", &[("color", &visual.colour), ("transparent", "false")]);
    xml.empty("y:BorderStyle", &[("color", OUTLINE), ("type", "line"), ("width", "0.5")]);
    xml.text_element("y:NodeLabel", &[("modelName", "sandwich"), ("modelPosition", "s")], label);
    xml.empty("y:Shape", &[("type", "ellipse")]);
    xml.close("y:ShapeNode");
    xml.close("data");
}
