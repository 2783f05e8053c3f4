//! GEXF 1.3 export (Gephi): the whole network with its attributes, written with quick-xml.

use crate::model::Network;
use crate::model::Validity;
use crate::render::exchange::flatten::{
    Directions, EdgeOrigin, ExportGraph, MEMBERSHIP_LAYER, MixedEdges,
};
use crate::render::exchange::options::{ExportOptions, Timeline};
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
///   <graph mode="static" defaultedgetype="directed|undirected">    (absent when mixed;
///                                        mode="dynamic" when dated: see `export_gexf_with`)
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
///
/// # Timeline
/// When `options.timeline` is [`Timeline::WhenDated`] (as `stakenet export` asks, unless given
/// `--no-timeline`) and the workspace has dates (a relation or membership with `since` or
/// `until`, a coalition with `start` or `end`), the graph is dynamic, for Gephi's timeline:
///
/// ```text
/// <graph mode="dynamic" defaultedgetype="directed" timeformat="date">
///   <node id="coalition:deal_x" label="…" start="2019-03-01" end="2023-12-31">   its term
///   <node id="min_a" label="…" start="2019-01-01">          the span of its ties (see below)
///   <edge id="r0" … start="2019-01-01" end="2022-12-31">    since and until
///   <edge id="m0" …>                                        undated: always
/// ```
///
/// Each interval is GEXF's single spell written as the element's `start` and `end` (NetworkX's
/// `read_gexf` keeps them as the node's and edge's `start` and `end`). Both are days and both
/// are inclusive, as in the workspace: `end` is the last day a tie holds (GEXF intervals are
/// closed; Gephi reads a date as the instant the day begins). A missing side is left out: open.
/// Edges carry their relation's or membership's `since`/`until`; coalition nodes their
/// coalitions.csv `start`/`end`. Actors have no dates of their own: an actor starts on the
/// earliest `since` of its relations and memberships and ends on the latest `until`, a side
/// open when any of them is open there, and an actor without ties has no spell (in GEXF an
/// element without a spell exists always). So Gephi never hides a tie while it holds; a
/// membership outside its coalition's term shows only while the coalition is there. A
/// workspace without any date, or [`Timeline::Off`] (the default), gives the static graph.
pub fn export_gexf_with(network: &Network, options: &ExportOptions<'_>) -> String {
    let graph = ExportGraph::with_measures(network, options.measures);
    let visuals = options.layout.map(|map| node_visuals(network, &graph, map));
    let dynamic = options.timeline == Timeline::WhenDated && graph.is_dated();
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
    let mut graph_attributes = vec![("mode", if dynamic { "dynamic" } else { "static" })];
    match directions {
        Directions::Directed => graph_attributes.push(("defaultedgetype", "directed")),
        Directions::Undirected => graph_attributes.push(("defaultedgetype", "undirected")),
        Directions::Mixed => {}
    }
    if dynamic {
        graph_attributes.push(("timeformat", "date"));
    }
    xml.open("graph", &graph_attributes);
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
        let spell = spell(dynamic, node.validity);
        let mut attributes = vec![("id", node.id.as_str()), ("label", node.label.as_str())];
        attributes.extend(spell.iter().map(|(name, day)| (*name, day.as_str())));
        xml.open("node", &attributes);
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
        let spell = spell(dynamic, edge.validity);
        let mut attributes = vec![
            ("id", edge.id.as_str()),
            ("source", edge.source.as_str()),
            ("target", edge.target.as_str()),
            ("type", edge_type),
            ("weight", weight.as_str()),
            ("kind", kind),
        ];
        attributes.extend(spell.iter().map(|(name, day)| (*name, day.as_str())));
        xml.open("edge", &attributes);
        write_values(&mut xml, &edge.values);
        xml.close("edge");
    }
    xml.close("edges");
    xml.close("graph");
    xml.close("gexf");
    xml.finish()
}

/// The `start` and `end` attributes of a dated element in a dynamic graph: its first and last
/// day, each left out when open; none in a static graph.
fn spell(dynamic: bool, validity: Validity) -> Vec<(&'static str, String)> {
    if !dynamic {
        return Vec::new();
    }
    let day = |date: crate::model::Date| date.format("%Y-%m-%d").to_string();
    let start = validity.since.map(|since| ("start", day(since)));
    let end = validity.until.map(|until| ("end", day(until)));
    start.into_iter().chain(end).collect()
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
