//! DOT export (Graphviz): the whole network as one drawing, built with graphviz-rust, actors
//! clustered by the root of their parent chain and layers told apart by colour.

use std::collections::BTreeMap;

use graphviz_rust::dot_structures::{
    Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use quick_xml::escape::escape;

use crate::model::Network;
use crate::render::exchange::flatten::{
    AttributeValue, EdgeOrigin, ExportGraph, MEMBERSHIP_LAYER, NodeOrigin,
};
use crate::render::markup::dot::{attribute, plain, quoted};
use crate::render::markup::xml::xml_safe;

/// Edge colours of the explicit layers, in the order the workspace introduces the layers
/// (repeating after ten layers). Named Graphviz colours, readable on white.
const LAYER_COLOURS: [&str; 10] = [
    "blue",
    "darkorange",
    "forestgreen",
    "red3",
    "purple",
    "saddlebrown",
    "deeppink3",
    "cyan4",
    "gold3",
    "gray30",
];
const MEMBERSHIP_COLOUR: &str = "gray50";

/// The network as a Graphviz `digraph`.
///
/// # Format
/// - Actors are boxes labelled with their name (tooltip: their id). An actor whose parent
///   chain holds more than itself sits in `subgraph "cluster_<root id>"`, labelled with the
///   root's name, together with every actor below that root; clusters come in root id order,
///   actors in id order.
/// - Coalitions are hexagons (node id `coalition:<id>`), tied to their members by dashed grey
///   `membership` edges.
/// - Relations are edges in workspace order, coloured by layer, `dir=none` when undirected,
///   with a pen width following the weight (clamped to 0.5–5); the tooltip gives the layer,
///   weight and topic. The graph label is a legend of the layer colours.
/// - Every name and label is a quoted DOT string with `"` and `\` escaped and line breaks as
///   `\n`, so that Graphviz shows it as text (no `\N`-style expansion); characters XML cannot
///   hold (Graphviz writes SVG) become U+FFFD.
pub fn export_dot(network: &Network) -> String {
    let graph = ExportGraph::new(network);
    let hierarchy = network.hierarchy();

    let mut statements = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attribute("label", legend(network, &graph)),
            attribute("labelloc", plain("b")),
            attribute("labeljust", plain("l")),
            attribute("fontname", quoted("Helvetica")),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attribute("shape", plain("box")),
            attribute("style", quoted("rounded")),
            attribute("fontname", quoted("Helvetica")),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![attribute("fontname", quoted("Helvetica"))])),
    ];

    // Roots with at least one actor below them get a cluster.
    let mut clusters: BTreeMap<&str, Vec<Stmt>> = BTreeMap::new();
    for actor in network.actor_ids() {
        let root = hierarchy.root(actor);
        if root != actor {
            clusters.entry(network.actor(root).key.as_str()).or_default();
        }
    }
    let mut loose = Vec::new();
    let mut coalitions = Vec::new();
    for node in &graph.nodes {
        match node.origin {
            NodeOrigin::Actor(actor) => {
                let statement = Stmt::Node(Node::new(
                    node_id(&node.id),
                    vec![
                        attribute("label", quoted(&node.label)),
                        attribute("tooltip", quoted(&node.id)),
                    ],
                ));
                let root_key = network.actor(hierarchy.root(actor)).key.as_str();
                match clusters.get_mut(root_key) {
                    Some(members) => members.push(statement),
                    None => loose.push(statement),
                }
            }
            NodeOrigin::Coalition(_) => coalitions.push(Stmt::Node(Node::new(
                node_id(&node.id),
                vec![
                    attribute("label", quoted(&node.label)),
                    attribute("tooltip", quoted(&node.id)),
                    attribute("shape", plain("hexagon")),
                    attribute("style", quoted("filled")),
                    attribute("fillcolor", plain("lightyellow")),
                ],
            ))),
        }
    }
    for (root_key, mut members) in clusters {
        let root_name = network.actor_id(root_key).map(|root| network.actor(root).name.as_str());
        members
            .insert(0, Stmt::Attribute(attribute("label", quoted(root_name.unwrap_or(root_key)))));
        members.insert(1, Stmt::Attribute(attribute("color", plain("gray60"))));
        statements.push(Stmt::Subgraph(Subgraph {
            id: quoted(&format!("cluster_{root_key}")),
            stmts: members,
        }));
    }
    statements.extend(loose);
    statements.extend(coalitions);

    let layer_position = graph.edge_columns.iter().position(|c| c.name == "layer");
    let topic_position = graph.edge_columns.iter().position(|c| c.name == "topic");
    let role_position = graph.edge_columns.iter().position(|c| c.name == "role");
    let text_at = |values: &[Option<AttributeValue>], position: Option<usize>| -> Option<String> {
        position.and_then(|p| values[p].as_ref()).map(AttributeValue::lexical)
    };
    for edge in &graph.edges {
        let mut attributes = Vec::new();
        match edge.origin {
            EdgeOrigin::Relation(layer) => {
                attributes.push(attribute("color", plain(layer_colour(layer.index()))));
                let mut tooltip = format!(
                    "{} (weight {})",
                    text_at(&edge.values, layer_position).unwrap_or_default(),
                    edge.weight
                );
                if let Some(topic) = text_at(&edge.values, topic_position) {
                    tooltip.push_str(": ");
                    tooltip.push_str(&topic);
                }
                attributes.push(attribute("tooltip", quoted(&tooltip)));
                attributes.push(attribute("penwidth", plain(&pen_width(edge.weight))));
            }
            EdgeOrigin::Membership => {
                attributes.push(attribute("color", plain(MEMBERSHIP_COLOUR)));
                attributes.push(attribute("style", quoted("dashed")));
                let role = text_at(&edge.values, role_position).unwrap_or_default();
                attributes
                    .push(attribute("tooltip", quoted(&format!("{MEMBERSHIP_LAYER}: {role}"))));
            }
        }
        if !edge.directed {
            attributes.push(attribute("dir", plain("none")));
        }
        statements.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(Vertex::N(node_id(&edge.source)), Vertex::N(node_id(&edge.target))),
            attributes,
        }));
    }

    let dot = Graph::DiGraph { id: quoted("stakenet"), strict: false, stmts: statements };
    let mut text = dot.print(&mut PrinterContext::default());
    text.push('\n');
    text
}

fn node_id(id: &str) -> NodeId {
    NodeId(quoted(id), None)
}

fn layer_colour(layer_index: usize) -> &'static str {
    LAYER_COLOURS[layer_index % LAYER_COLOURS.len()]
}

/// The weight clamped to 0.5–5, with at most two decimals.
fn pen_width(weight: f64) -> String {
    ((weight.clamp(0.5, 5.0) * 100.0).round() / 100.0).to_string()
}

/// An HTML-like label listing the layers in their colours (text escaped by quick-xml).
fn legend(network: &Network, graph: &ExportGraph) -> Id {
    let mut html = String::from("<b>Layers</b><br align=\"left\"/>");
    for (index, layer) in network.layers().iter().enumerate() {
        html.push_str(&format!(
            "<font color=\"{}\">■</font> {}<br align=\"left\"/>",
            layer_colour(index),
            escape(xml_safe(&layer.name).into_owned())
        ));
    }
    if graph.edges.iter().any(|edge| edge.origin == EdgeOrigin::Membership) {
        html.push_str(&format!(
            "<font color=\"{MEMBERSHIP_COLOUR}\">- -</font> {MEMBERSHIP_LAYER} (actor – coalition)<br align=\"left\"/>"
        ));
    }
    Id::Html(format!("<{html}>"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_strings_show_every_character_as_text() {
        let Id::Escaped(text) = quoted("a\"b\\N\r\nc\nd\re\u{1}\u{202E}") else {
            panic!("not escaped")
        };
        assert_eq!(text, "\"a\\\"b\\\\N\\nc\\nd\\ne\u{FFFD}\u{202E}\"");
    }

    #[test]
    fn pen_widths_are_clamped_and_short() {
        assert_eq!(pen_width(1.0), "1");
        assert_eq!(pen_width(0.1), "0.5");
        assert_eq!(pen_width(2.3456), "2.35");
        assert_eq!(pen_width(100.0), "5");
    }
}
