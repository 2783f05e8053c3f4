//! GEXF 1.3 export (Gephi): the whole network with its attributes, written with quick-xml.

use crate::model::Network;
use crate::render::exchange::flatten::{
    Directions, EdgeOrigin, ExportGraph, MEMBERSHIP_LAYER, MixedEdges,
};
use crate::render::exchange::options::ExportOptions;
use crate::render::exchange::visual::{coordinate, node_visuals};
use crate::render::markup::xml::XmlDocument;

const NAMESPACE: &str = "http://gexf.net/1.3";
const VIZ_NAMESPACE: &str = "http://gexf.net/1.3/viz";
const SCHEMA_LOCATION: &str = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd";

/// The network as GEXF 1.3: actors and coalitions as nodes, relations and memberships as edges.
///
/// # Format
/// ```text
/// <gexf xmlns="http://gexf.net/1.3" version="1.3" …>
///   <meta><creator>stakenet</creator></meta>
///   <graph mode="static" defaultedgetype="directed|undirected">    (absent when mixed)
///     <attributes class="node" mode="static">
///       <attribute id="0" title="kind" type="string"/>              … one per attribute
///     <attributes class="edge" mode="static">
///       <attribute id="0" title="layer" type="string"/>             … one per attribute
///     <nodes>
///       <node id="min_a" label="Ministerie A">
///         <attvalues><attvalue for="0" value="ministry"/>…</attvalues>
///     <edges>
///       <edge id="r0" source="min_a" target="prov" type="directed" weight="2" kind="funding">
/// ```
/// Node and edge attributes, their order and types are those of the export table (see the
/// `render::export` module); the name is the node `label`, the weight the edge `weight`, and
/// the edge `kind` is its layer (`membership` for memberships), so that Gephi keeps parallel
/// ties of different layers apart. Every edge has its own `type`; `defaultedgetype` is given
/// when all edges agree, and left out for a mixed graph, as Gephi does (the schema has no
/// `mixed` value, and Gephi's importer rejects one). With [`MixedEdges::Directed`] a mixed
/// graph is written as directed, and the `directed` attribute tells which ties are
/// undirected. Absent values have no `<attvalue>`. Characters XML cannot hold are replaced
/// with U+FFFD.
pub fn export_gexf(network: &Network, mixed: MixedEdges) -> String {
    export_gexf_with(network, &ExportOptions::default().with_mixed(mixed))
}

/// [`export_gexf`] with `options`: the centrality figures as node attributes (doubles, after
/// the fixed ones), and the map's picture in GEXF's viz namespace (`xmlns:viz`), as Gephi reads
/// it:
///
/// ```text
/// <node id="min_a" label="Ministerie A">
///   <attvalues>…</attvalues>
///   <viz:color r="0" g="114" b="178"/>        the map's fill
///   <viz:position x="12.5" y="-40" z="0"/>    the map's centre, in pixels, y upwards
///   <viz:size value="6"/>                     the map's radius, in pixels
/// ```
///
/// Gephi's y axis points up and the map's down, so `y` is the map's y negated: Gephi shows the
/// map as drawn. A coalition node sits beside the mean position of its members, small and grey;
/// a node the map leaves out has no viz.
pub fn export_gexf_with(network: &Network, options: &ExportOptions<'_>) -> String {
    let graph = ExportGraph::with_measures(network, options.measures);
    let visuals = options.layout.map(|map| node_visuals(network, &graph, map));
    let directions = match (graph.directions(), options.mixed) {
        (Directions::Mixed, MixedEdges::Directed) => Directions::Directed,
        (directions, _) => directions,
    };

    let mut xml = XmlDocument::new();
    let mut root = vec![("xmlns", NAMESPACE)];
    if visuals.is_some() {
        root.push(("xmlns:viz", VIZ_NAMESPACE));
    }
    root.push(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"));
    root.push(("xsi:schemaLocation", SCHEMA_LOCATION));
    root.push(("version", "1.3"));
    xml.open("gexf", &root);
    xml.open("meta", &[]);
    xml.text_element("creator", &[], "stakenet");
    xml.close("meta");
    match directions {
        Directions::Directed => {
            xml.open("graph", &[("mode", "static"), ("defaultedgetype", "directed")]);
        }
        Directions::Undirected => {
            xml.open("graph", &[("mode", "static"), ("defaultedgetype", "undirected")]);
        }
        Directions::Mixed => xml.open("graph", &[("mode", "static")]),
    }
    for (class, columns) in [("node", &graph.node_columns), ("edge", &graph.edge_columns)] {
        xml.open("attributes", &[("class", class), ("mode", "static")]);
        for (id, column) in columns.iter().enumerate() {
            let id = id.to_string();
            xml.empty(
                "attribute",
                &[("id", &id), ("title", &column.name), ("type", column.value_type.as_str())],
            );
        }
        xml.close("attributes");
    }

    let count = graph.nodes.len().to_string();
    xml.open("nodes", &[("count", &count)]);
    for (index, node) in graph.nodes.iter().enumerate() {
        xml.open("node", &[("id", &node.id), ("label", &node.label)]);
        write_values(&mut xml, &node.values);
        if let Some(Some(visual)) = visuals.as_ref().map(|v| &v[index]) {
            let [r, g, b] = visual.rgb().map(|c| c.to_string());
            xml.empty("viz:color", &[("r", &r), ("g", &g), ("b", &b)]);
            let x = coordinate(visual.position[0]);
            let y = coordinate(-visual.position[1]);
            xml.empty("viz:position", &[("x", &x), ("y", &y), ("z", "0")]);
            xml.empty("viz:size", &[("value", &coordinate(visual.radius))]);
        }
        xml.close("node");
    }
    xml.close("nodes");

    let count = graph.edges.len().to_string();
    xml.open("edges", &[("count", &count)]);
    for edge in &graph.edges {
        let edge_type = match directions {
            Directions::Directed => "directed",
            Directions::Undirected => "undirected",
            Directions::Mixed if edge.directed => "directed",
            Directions::Mixed => "undirected",
        };
        let weight = edge.weight.to_string();
        let kind = match edge.origin {
            EdgeOrigin::Relation(layer) => network.layers()[layer.index()].name.as_str(),
            EdgeOrigin::Membership => MEMBERSHIP_LAYER,
        };
        xml.open(
            "edge",
            &[
                ("id", &edge.id),
                ("source", &edge.source),
                ("target", &edge.target),
                ("type", edge_type),
                ("weight", &weight),
                ("kind", kind),
            ],
        );
        write_values(&mut xml, &edge.values);
        xml.close("edge");
    }
    xml.close("edges");
    xml.close("graph");
    xml.close("gexf");
    xml.finish()
}

fn write_values(
    xml: &mut XmlDocument,
    values: &[Option<crate::render::exchange::flatten::AttributeValue>],
) {
    if values.iter().all(Option::is_none) {
        return;
    }
    xml.open("attvalues", &[]);
    for (id, value) in values.iter().enumerate() {
        if let Some(value) = value {
            xml.empty("attvalue", &[("for", &id.to_string()), ("value", &value.lexical())]);
        }
    }
    xml.close("attvalues");
}
