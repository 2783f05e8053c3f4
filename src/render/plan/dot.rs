//! The connectieplan as Graphviz DOT, built with graphviz-rust: left to right, the Rijk as nested
//! clusters (national government → ministry → department), the topics in the middle, the region
//! in one cluster per sector; lines coloured and styled by status, and a legend.

use graphviz_rust::dot_structures::{
    Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use quick_xml::escape::escape;

use super::document::{GENERAL_TOPIC, described};
use super::graph::{
    Forest, Label, LineKind, MiddleItem, PlanGraph, general_row, pair_rows, sector_title,
    ties_count,
};
use super::layout::{colours, status_colour};
use crate::analysis::{Connectieplan, TopicStatus};
use crate::model::{ActorId, Network, Side};
use crate::render::markup::dot::{attribute, plain, quoted};
use crate::render::markup::xml::xml_safe;

/// The connectieplan as a Graphviz `digraph` (`rankdir=LR`).
///
/// # Format
/// - Actors are rounded boxes with node id `a:<actor id>`, labelled with their name (tooltip:
///   name and id). A Rijk actor sits in the clusters of its ancestors; an ancestor that is drawn
///   itself is the first node of its cluster (the cluster then has no label of its own), else
///   the cluster is labelled with its name. Regional actors sit in one cluster per sector.
/// - Topics are boxes with node id `topic:<n>` (n: the topic's place by name), filled by status
///   (green covered, orange fragile, red gap), in a `Topics` cluster on one rank with the
///   dealmakers.
/// - Lines run from Rijk actors to topics and from topics to regional actors, without arrow
///   heads: solid green or orange for a tie on a covered or fragile topic, dashed blue for a
///   proposed tie, dotted grey for an owner or counterpart without a tie on it. Signatories
///   without a working tie have a dashed red border, dealmakers a purple fill.
/// - The graph label holds the title, a summary and the legend (an HTML-like label whose text
///   is escaped by quick-xml). Every other name is a quoted DOT string with `"` and `\` escaped
///   and line breaks as `\n`; characters XML cannot hold become U+FFFD.
pub fn plan_dot(network: &Network, plan: &Connectieplan) -> String {
    let graph = PlanGraph::new(network, plan);
    let mut statements = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attribute("rankdir", plain("LR")),
            attribute("newrank", plain("true")),
            attribute("nodesep", plain("0.25")),
            attribute("ranksep", plain("1.6")),
            attribute("fontname", quoted("Helvetica")),
            attribute("labelloc", plain("t")),
            attribute("labeljust", plain("l")),
            attribute("label", legend(network, plan)),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attribute("shape", plain("box")),
            attribute("style", quoted("rounded,filled")),
            attribute("fillcolor", plain("white")),
            attribute("color", quoted("#78909c")),
            attribute("fontname", quoted("Helvetica")),
            attribute("fontsize", plain("11")),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![attribute("arrowhead", plain("none"))])),
    ];

    // The Rijk's own clusters (national government → ministry → department) at the top level;
    // the region in one cluster holding a cluster per sector.
    statements.extend(side_clusters(network, &graph, &graph.rijk, Side::Rijk));

    let mut middle = vec![
        Stmt::Attribute(attribute("label", quoted("Topics"))),
        Stmt::Attribute(attribute("color", quoted("#bdbdbd"))),
    ];
    let mut same_rank = vec![Stmt::Attribute(attribute("rank", plain("same")))];
    for item in &graph.middle {
        match *item {
            MiddleItem::Dealmaker(actor) => same_rank.push(actor_node(network, &graph, actor)),
            MiddleItem::Topic(index) if index == general_row(plan) => {
                same_rank.push(Stmt::Node(Node::new(
                    topic_id(index),
                    vec![
                        attribute(
                            "label",
                            quoted(&format!("{GENERAL_TOPIC}\nnot a theme: {}", ties_count(plan))),
                        ),
                        attribute("tooltip", quoted(GENERAL_TOPIC)),
                        attribute("fillcolor", quoted(colours::GENERAL_FILL)),
                        attribute("color", quoted(colours::GENERAL)),
                        attribute("penwidth", plain("1.5")),
                    ],
                )));
            }
            MiddleItem::Topic(index) => {
                let Some(topic) = plan.topics.get(index) else { continue };
                let (fill, pen) = match topic.status {
                    TopicStatus::Covered => ("#e8f5e9", "1.5"),
                    TopicStatus::Fragile => ("#fff3e0", "1.5"),
                    TopicStatus::Gap => ("#ffebee", "2"),
                };
                same_rank.push(Stmt::Node(Node::new(
                    topic_id(index),
                    vec![
                        attribute(
                            "label",
                            quoted(&format!("{}\n({})", topic.topic, topic.status.as_str())),
                        ),
                        attribute("tooltip", quoted(&topic.topic)),
                        attribute("fillcolor", quoted(fill)),
                        attribute("color", quoted(status_colour(topic.status))),
                        attribute("penwidth", plain(pen)),
                    ],
                )));
            }
        }
    }
    middle.push(Stmt::Subgraph(Subgraph { id: Id::Anonymous(String::new()), stmts: same_rank }));
    statements.push(Stmt::Subgraph(Subgraph { id: quoted("cluster_topics"), stmts: middle }));

    let mut region = vec![
        Stmt::Attribute(attribute("label", quoted("Region"))),
        Stmt::Attribute(attribute("color", quoted("#b8a99a"))),
        Stmt::Attribute(attribute("style", quoted("rounded"))),
    ];
    region.extend(side_clusters(network, &graph, &graph.region, Side::Region));
    statements.push(Stmt::Subgraph(Subgraph { id: quoted("cluster_region"), stmts: region }));

    for line in &graph.lines {
        let (colour, style, pen) = match line.kind {
            LineKind::Tie(status) => (status_colour(status), "solid", "2"),
            LineKind::Proposed => (colours::PROPOSED, "dashed", "1.5"),
            LineKind::General => (colours::GENERAL, "solid", "1.5"),
            LineKind::Works => (colours::WORKS, "dotted", "1"),
        };
        let (from, to) = match line.side {
            Side::Rijk => (actor_id(network, line.actor), topic_id(line.topic)),
            Side::Region => (topic_id(line.topic), actor_id(network, line.actor)),
        };
        statements.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(Vertex::N(from), Vertex::N(to)),
            attributes: vec![
                attribute("color", quoted(colour)),
                attribute("style", plain(style)),
                attribute("penwidth", plain(pen)),
            ],
        }));
    }

    let dot = Graph::DiGraph { id: quoted("connectieplan"), strict: false, stmts: statements };
    let mut text = dot.print(&mut PrinterContext::default());
    text.push('\n');
    text
}

/// A side's top items as nodes and nested clusters, built from the innermost out (no recursion
/// over the hierarchy).
fn side_clusters(network: &Network, graph: &PlanGraph, forest: &Forest, side: Side) -> Vec<Stmt> {
    let colour = match side {
        Side::Rijk => "#7f9cc9",
        Side::Region => "#b8a99a",
    };
    let mut built: Vec<Option<Stmt>> = vec![None; forest.items.len()];
    for &index in forest.pre_order().iter().rev() {
        let item = &forest.items[index];
        let is_box = !item.children.is_empty() || matches!(item.label, Label::Sector(_));
        if !is_box {
            if let Label::Actor(actor) = item.label {
                built[index] = Some(actor_node(network, graph, actor));
            }
            continue;
        }
        let mut stmts = vec![Stmt::Attribute(attribute("color", quoted(colour)))];
        match item.label {
            Label::Actor(actor) => {
                // A cluster would show its parent's label unless it has one of its own.
                stmts.push(Stmt::Attribute(attribute("label", quoted(""))));
                stmts.push(actor_node(network, graph, actor));
            }
            Label::Ancestor(actor) => {
                stmts.push(Stmt::Attribute(attribute("label", quoted(&network.actor(actor).name))));
            }
            Label::Sector(sector) => {
                stmts.push(Stmt::Attribute(attribute("label", quoted(sector_title(sector)))));
            }
        }
        stmts.extend(item.children.iter().filter_map(|&child| built[child].take()));
        let prefix = match side {
            Side::Rijk => "cluster_rijk_",
            Side::Region => "cluster_region_",
        };
        built[index] =
            Some(Stmt::Subgraph(Subgraph { id: quoted(&format!("{prefix}{index}")), stmts }));
    }
    forest.roots.iter().filter_map(|&root| built[root].take()).collect()
}

fn actor_node(network: &Network, graph: &PlanGraph, actor: ActorId) -> Stmt {
    let a = network.actor(actor);
    let mut attributes = vec![attribute("tooltip", quoted(&format!("{} ({})", a.name, a.key)))];
    if graph.unconnected.contains(&actor) {
        attributes.push(attribute("label", quoted(&format!("{}\nsigned, no working tie", a.name))));
        attributes.push(attribute("color", quoted(colours::GAP)));
        attributes.push(attribute("style", quoted("rounded,filled,dashed")));
        attributes.push(attribute("fillcolor", quoted("#ffebee")));
    } else if graph.dealmakers.contains(&actor) {
        attributes.push(attribute("label", quoted(&format!("{}\ndealmaker", a.name))));
        attributes.push(attribute("color", quoted(colours::DEALMAKER)));
        attributes.push(attribute("fillcolor", quoted("#f3e5f5")));
    } else {
        attributes.push(attribute("label", quoted(&a.name)));
    }
    Stmt::Node(Node::new(actor_id(network, actor), attributes))
}

fn actor_id(network: &Network, actor: ActorId) -> NodeId {
    NodeId(quoted(&format!("a:{}", network.actor(actor).key)), None)
}

fn topic_id(index: usize) -> NodeId {
    NodeId(quoted(&format!("topic:{index}")), None)
}

/// The title, the date described, the summary, the legend and the pairs (each line read as
/// "Rijk party — region party", with topic and money) as an HTML-like label (text escaped by
/// quick-xml).
fn legend(network: &Network, plan: &Connectieplan) -> Id {
    let html_text = |text: &str| escape(xml_safe(text).into_owned()).into_owned();
    let mut html = format!(
        "<font point-size=\"16\"><b>Connectieplan: {}</b></font><br align=\"left\"/>{}<br align=\"left\"/>{}<br align=\"left\"/>",
        html_text(&network.coalition(plan.coalition).name),
        html_text(&described(plan)),
        html_text(&super::layout::summary(network, plan)),
    );
    let entries = [
        (status_colour(TopicStatus::Covered), "———", "tie on a covered topic"),
        (status_colour(TopicStatus::Fragile), "———", "tie on a fragile topic"),
        (colours::PROPOSED, "- - -", "proposed tie"),
        (colours::GENERAL, "———", "general tie: no topic (not a theme)"),
        (colours::WORKS, "· · ·", "owner or counterpart, no tie yet"),
        (colours::COVERED, "■", "covered topic: 2+ independent ties"),
        (colours::FRAGILE, "■", "fragile topic: one tie or one person"),
        (colours::GAP, "■", "gap: no Rijk–region tie"),
        (colours::GAP, "▭", "signed, no working tie (dashed red border)"),
        (colours::DEALMAKER, "■", "dealmaker"),
    ];
    for (colour, sample, text) in entries {
        html.push_str(&format!(
            "<font color=\"{colour}\">{sample}</font> {text}<br align=\"left\"/>"
        ));
    }
    let rows = pair_rows(network, plan);
    if !rows.is_empty() {
        html.push_str("<b>Who is tied to whom</b><br align=\"left\"/>");
        for row in rows {
            let money =
                if row.money.is_empty() { String::new() } else { format!(" · {}", row.money) };
            html.push_str(&format!(
                "{} — {} · {} · {}{}<br align=\"left\"/>",
                html_text(&network.actor(row.rijk).name),
                html_text(&network.actor(row.region).name),
                html_text(&row.topic),
                html_text(&row.how),
                html_text(&money),
            ));
        }
    }
    Id::Html(format!("<{html}>"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_strings_show_every_character_as_text() {
        let Id::Escaped(text) = quoted("a\"b\\N\r\nc\nd\re\u{1}") else { panic!("not escaped") };
        assert_eq!(text, "\"a\\\"b\\\\N\\nc\\nd\\ne\u{FFFD}\"");
    }
}
