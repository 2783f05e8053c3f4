//! The whole network flattened for the graph-exchange formats (GraphML, GEXF, Cytoscape JSON,
//! DOT): one list of nodes and one of edges, with declared, typed attributes.
//!
//! - Nodes: every actor, ordered by id, then every coalition, ordered by id, as a node of kind
//!   `coalition` (id `coalition:<id>`), so that the two-mode structure of memberships survives.
//! - Edges: every relation in workspace order, then every membership in workspace order as an
//!   undirected edge of layer `membership` from the actor to the coalition (weight 1).
//! - Node attributes: `kind`, `sector`, `level`, `parent` (the parent's id), `themes` (joined
//!   with `; `), `influence`, `successor` (the successors' ids, joined with `; `); for coalitions `tranche`, `region`, `national_contribution`,
//!   `cofinancing`, `governance`, `start_date`, `end_date` (renamed from `start`/`end`, which
//!   Gephi would take for a time interval); then every free column of `actors.csv` and
//!   `coalitions.csv`, by name. With measures (`export --with-measures`), the centrality of
//!   each actor comes before the free columns: `degree`, `strength`, `betweenness`,
//!   `closeness`, `harmonic`, `eigenvector`, `pagerank` (doubles; a measure with no value, and
//!   every measure of a coalition node, left out). Edge attributes: `layer`, `directed`, `amount`, `topic`,
//!   `since`, `until`, `coalition` (the id of the coalition a relation is part of, when it
//!   names one), `role`, `contribution`, then every free column of `relations.csv` and
//!   `members.csv`. The name (the label) and the weight are kept apart, because each format
//!   puts them in its own place.
//! - A free column is `double` when every value in it is a plain decimal number (`-12.5`,
//!   `3e6`; no leading zeros, so codes such as `0123` stay text), otherwise `string`.
//! - A free column whose name is taken (by a column above, or by `id`, `label`, `name` for
//!   nodes and `id`, `source`, `target`, `label`, `kind`, `type`, `weight` for edges) is
//!   exported as `attr_<name>`.
//! - Ids are unique across nodes and edges (Cytoscape.js needs that): edges are `r<i>` and
//!   `m<i>` (0-based workspace positions); any id that would clash is prefixed with `_`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::analysis::ActorCentrality;
use crate::model::{ActorId, Date, LayerId, Network, Validity};
use crate::render::exchange::timeline::actor_spans;

/// How the GraphML and GEXF writers write a network whose ties are partly directed and partly
/// undirected (a mixed graph: e.g. funding next to collaboration, or any directed relation next
/// to the memberships, which are undirected).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MixedEdges {
    /// Each tie keeps its own direction, as the formats allow (GraphML `directed` on each
    /// edge, GEXF `type` on each edge). Gephi, yEd and Cytoscape read it; NetworkX and igraph
    /// refuse mixed graphs.
    #[default]
    Keep,
    /// Every tie is written as directed from source to target; its `directed` attribute still
    /// tells which ties are undirected. For readers that refuse mixed graphs.
    Directed,
}

/// What an attribute holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AttributeType {
    /// Text.
    String,
    /// A finite number.
    Double,
    /// True or false.
    Boolean,
}

impl AttributeType {
    /// The type's name in GraphML and GEXF.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            AttributeType::String => "string",
            AttributeType::Double => "double",
            AttributeType::Boolean => "boolean",
        }
    }
}

/// One attribute value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum AttributeValue {
    /// Text.
    Text(String),
    /// A finite number.
    Number(f64),
    /// True or false.
    Flag(bool),
}

impl AttributeValue {
    /// The value as XML text: numbers in Rust's shortest round-trip form, `true`/`false`.
    pub(crate) fn lexical(&self) -> String {
        match self {
            AttributeValue::Text(text) => text.clone(),
            AttributeValue::Number(number) => number.to_string(),
            AttributeValue::Flag(flag) => flag.to_string(),
        }
    }
}

/// A declared attribute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Column {
    /// Its exported name.
    pub name: String,
    /// What it holds.
    pub value_type: AttributeType,
}

/// What a node stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NodeOrigin {
    /// An actor.
    Actor(ActorId),
    /// A coalition (its index in the network's coalitions).
    Coalition(usize),
}

/// One node.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Node {
    /// Unique id.
    pub id: String,
    /// The name, shown as the label.
    pub label: String,
    /// What it stands for.
    pub origin: NodeOrigin,
    /// One optional value per node column.
    pub values: Vec<Option<AttributeValue>>,
    /// When it is on the timeline (see the `timeline` module): a coalition its term, an actor
    /// the span of its ties and memberships; open ends hold forever.
    pub validity: Validity,
}

/// What an edge stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EdgeOrigin {
    /// A relation of this layer.
    Relation(LayerId),
    /// A membership of an actor in a coalition.
    Membership,
}

/// One edge.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Edge {
    /// Unique id (also among node ids).
    pub id: String,
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// Whether the tie has a direction.
    pub directed: bool,
    /// Tie strength (1 for memberships).
    pub weight: f64,
    /// What it stands for.
    pub origin: EdgeOrigin,
    /// One optional value per edge column.
    pub values: Vec<Option<AttributeValue>>,
    /// The relation's or membership's `since` and `until`.
    pub validity: Validity,
}

/// Which directions the edges have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Directions {
    /// Every edge is directed.
    Directed,
    /// No edge is directed (also when there are no edges).
    Undirected,
    /// Both kinds occur.
    Mixed,
}

/// The network as nodes and edges with declared attributes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ExportGraph {
    /// Node attributes, in declaration order.
    pub node_columns: Vec<Column>,
    /// Edge attributes, in declaration order (`directed` among them).
    pub edge_columns: Vec<Column>,
    /// Actors by id, then coalitions by id.
    pub nodes: Vec<Node>,
    /// Relations, then memberships, in workspace order.
    pub edges: Vec<Edge>,
}

/// The layer name given to membership edges.
pub(crate) const MEMBERSHIP_LAYER: &str = "membership";

const NODE_COLUMNS: &[(&str, AttributeType)] = &[
    ("kind", AttributeType::String),
    ("sector", AttributeType::String),
    ("level", AttributeType::String),
    ("parent", AttributeType::String),
    ("themes", AttributeType::String),
    ("influence", AttributeType::Double),
    ("successor", AttributeType::String),
    ("tranche", AttributeType::String),
    ("region", AttributeType::String),
    ("national_contribution", AttributeType::Double),
    ("cofinancing", AttributeType::Double),
    ("governance", AttributeType::String),
    ("start_date", AttributeType::String),
    ("end_date", AttributeType::String),
];
/// The centrality columns of `export --with-measures`, in this order.
pub(crate) const MEASURE_COLUMNS: &[(&str, AttributeType)] = &[
    ("degree", AttributeType::Double),
    ("strength", AttributeType::Double),
    ("betweenness", AttributeType::Double),
    ("closeness", AttributeType::Double),
    ("harmonic", AttributeType::Double),
    ("eigenvector", AttributeType::Double),
    ("pagerank", AttributeType::Double),
];
const NODE_RESERVED: &[&str] = &["id", "label", "name"];

const EDGE_COLUMNS: &[(&str, AttributeType)] = &[
    ("layer", AttributeType::String),
    ("directed", AttributeType::Boolean),
    ("amount", AttributeType::Double),
    ("topic", AttributeType::String),
    ("since", AttributeType::String),
    ("until", AttributeType::String),
    ("coalition", AttributeType::String),
    ("role", AttributeType::String),
    ("contribution", AttributeType::Double),
];
const EDGE_RESERVED: &[&str] = &["id", "source", "target", "label", "kind", "type", "weight"];

impl ExportGraph {
    /// Flattens `network`.
    pub(crate) fn new(network: &Network) -> Self {
        Self::with_measures(network, None)
    }

    /// Flattens `network`, with the centrality of each actor in `measures` (any order; an
    /// actor missing from it gets no values) as the columns of [`MEASURE_COLUMNS`].
    pub(crate) fn with_measures(network: &Network, measures: Option<&[ActorCentrality]>) -> Self {
        let mut measure_of: Vec<Option<&ActorCentrality>> = vec![None; network.actors().len()];
        for score in measures.unwrap_or_default() {
            if let Some(slot) = measure_of.get_mut(score.actor.index()) {
                *slot = Some(score);
            }
        }
        let mut used_ids: HashSet<String> =
            network.actors().iter().map(|actor| actor.key.clone()).collect();
        let coalition_ids: Vec<String> = network
            .coalitions()
            .iter()
            .map(|coalition| unique_id(format!("coalition:{}", coalition.key), &mut used_ids))
            .collect();

        let extra = if measures.is_some() { MEASURE_COLUMNS } else { &[] };
        let node_columns = NodeColumns::new(network, extra);
        let spans = actor_spans(network);
        let mut nodes = Vec::with_capacity(network.actors().len() + network.coalitions().len());
        for &actor_id in network.actor_ids_by_key() {
            let actor = network.actor(actor_id);
            let mut row = Row::new(&node_columns.columns);
            row.text("kind", actor.kind.as_deref());
            row.text("sector", actor.sector.map(|s| s.as_str()));
            row.text("level", actor.level.map(|l| l.as_str()));
            row.text("parent", actor.parent.map(|p| network.actor(p).key.as_str()));
            row.list("themes", &actor.themes);
            row.number("influence", actor.influence);
            if !actor.successors.is_empty() {
                let keys: Vec<&str> =
                    actor.successors.iter().map(|&s| network.actor(s).key.as_str()).collect();
                row.text("successor", Some(&keys.join("; ")));
            }
            if let Some(score) = measure_of[actor_id.index()] {
                row.number("degree", Some(score.degree as f64));
                row.number("strength", Some(score.strength));
                row.number("betweenness", score.betweenness);
                row.number("closeness", score.closeness);
                row.number("harmonic", score.harmonic);
                row.number("eigenvector", score.eigenvector);
                row.number("pagerank", score.pagerank);
            }
            for (name, value) in &actor.attributes {
                row.free(&node_columns.free[name], value);
            }
            nodes.push(Node {
                id: actor.key.clone(),
                label: actor.name.clone(),
                origin: NodeOrigin::Actor(actor_id),
                values: row.values,
                validity: spans[actor_id.index()],
            });
        }
        let mut coalition_order: Vec<usize> = (0..network.coalitions().len()).collect();
        coalition_order.sort_by(|&a, &b| coalition_ids[a].cmp(&coalition_ids[b]));
        for index in coalition_order {
            let coalition = &network.coalitions()[index];
            let mut row = Row::new(&node_columns.columns);
            row.text("kind", Some("coalition"));
            row.list("themes", &coalition.themes);
            row.text("tranche", coalition.tranche.as_deref());
            row.text("region", coalition.region.as_deref());
            row.number("national_contribution", coalition.national_contribution);
            row.number("cofinancing", coalition.cofinancing);
            row.text("governance", coalition.governance.as_deref());
            row.date("start_date", coalition.start);
            row.date("end_date", coalition.end);
            for (name, value) in &coalition.attributes {
                row.free(&node_columns.free[name], value);
            }
            nodes.push(Node {
                id: coalition_ids[index].clone(),
                label: coalition.name.clone(),
                origin: NodeOrigin::Coalition(index),
                values: row.values,
                validity: Validity { since: coalition.start, until: coalition.end },
            });
        }

        let edge_columns = EdgeColumns::new(network);
        let mut edges = Vec::with_capacity(network.relations().len() + network.memberships().len());
        for (index, relation) in network.relations().iter().enumerate() {
            let mut row = Row::new(&edge_columns.columns);
            row.text("layer", Some(network.layers()[relation.layer.index()].name.as_str()));
            row.flag("directed", relation.directed);
            row.number("amount", relation.amount);
            row.text("topic", relation.topic.map(|t| network.topic(t)));
            row.date("since", relation.validity.since);
            row.date("until", relation.validity.until);
            row.text("coalition", relation.coalition.map(|c| network.coalition(c).key.as_str()));
            for (name, column) in &edge_columns.relation_free {
                if let Some(value) = network.relation_attributes().get(index, name) {
                    row.free(column, value);
                }
            }
            edges.push(Edge {
                id: unique_id(format!("r{index}"), &mut used_ids),
                source: network.actor(relation.source).key.clone(),
                target: network.actor(relation.target).key.clone(),
                directed: relation.directed,
                weight: relation.weight,
                origin: EdgeOrigin::Relation(relation.layer),
                values: row.values,
                validity: relation.validity,
            });
        }
        for (index, membership) in network.memberships().iter().enumerate() {
            let mut row = Row::new(&edge_columns.columns);
            row.text("layer", Some(MEMBERSHIP_LAYER));
            row.flag("directed", false);
            row.text("role", Some(membership.role.as_str()));
            row.number("contribution", membership.contribution);
            row.date("since", membership.validity.since);
            row.date("until", membership.validity.until);
            for (name, value) in &membership.attributes {
                row.free(&edge_columns.membership_free[name], value);
            }
            edges.push(Edge {
                id: unique_id(format!("m{index}"), &mut used_ids),
                source: network.actor(membership.actor).key.clone(),
                target: coalition_ids[membership.coalition.index()].clone(),
                directed: false,
                weight: 1.0,
                origin: EdgeOrigin::Membership,
                values: row.values,
                validity: membership.validity,
            });
        }

        ExportGraph {
            node_columns: node_columns.columns.into_columns(),
            edge_columns: edge_columns.columns.into_columns(),
            nodes,
            edges,
        }
    }

    /// Whether any node or edge has a date: a relation or membership with `since` or
    /// `until`, or a coalition with a `start` or `end`.
    pub(crate) fn is_dated(&self) -> bool {
        let dated = |v: &Validity| v.since.is_some() || v.until.is_some();
        self.nodes.iter().any(|n| dated(&n.validity))
            || self.edges.iter().any(|e| dated(&e.validity))
    }

    /// Which directions the edges have.
    pub(crate) fn directions(&self) -> Directions {
        let directed = self.edges.iter().filter(|edge| edge.directed).count();
        if directed == 0 {
            Directions::Undirected
        } else if directed == self.edges.len() {
            Directions::Directed
        } else {
            Directions::Mixed
        }
    }
}

/// Prefixes `candidate` with `_` until no node or edge has it, and claims it.
fn unique_id(mut candidate: String, used: &mut HashSet<String>) -> String {
    while used.contains(&candidate) {
        candidate.insert(0, '_');
    }
    used.insert(candidate.clone());
    candidate
}

/// Declared columns with their positions by name.
struct ColumnSet {
    columns: Vec<Column>,
    position: HashMap<String, usize>,
}

impl ColumnSet {
    fn new(fixed: &[(&str, AttributeType)]) -> Self {
        let mut set = ColumnSet { columns: Vec::new(), position: HashMap::new() };
        for (name, value_type) in fixed {
            set.push((*name).to_owned(), *value_type);
        }
        set
    }

    fn push(&mut self, name: String, value_type: AttributeType) -> usize {
        self.position.insert(name.clone(), self.columns.len());
        self.columns.push(Column { name, value_type });
        self.columns.len() - 1
    }

    /// Declares a free column: its name, or `attr_<name>` while that is taken.
    fn push_free(&mut self, name: &str, reserved: &[&str], value_type: AttributeType) -> usize {
        let mut exported = name.to_owned();
        while self.position.contains_key(&exported) || reserved.contains(&exported.as_str()) {
            exported = format!("attr_{exported}");
        }
        self.push(exported, value_type)
    }

    fn into_columns(self) -> Vec<Column> {
        self.columns
    }
}

/// A free column: its position and whether its values are numbers.
#[derive(Clone, Copy, Debug)]
struct FreeColumn {
    position: usize,
    value_type: AttributeType,
}

struct NodeColumns {
    columns: ColumnSet,
    /// Free columns of actors and coalitions by their name in the workspace; a name both have
    /// is one column.
    free: HashMap<String, FreeColumn>,
}

impl NodeColumns {
    fn new(network: &Network, extra: &[(&str, AttributeType)]) -> Self {
        let mut columns = ColumnSet::new(NODE_COLUMNS);
        for (name, value_type) in extra {
            columns.push((*name).to_owned(), *value_type);
        }
        let mut values: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        let actor_attributes = network.actors().iter().map(|actor| &actor.attributes);
        let coalition_attributes = network.coalitions().iter().map(|c| &c.attributes);
        for attributes in actor_attributes.chain(coalition_attributes) {
            for (name, value) in attributes {
                values.entry(name).or_default().push(value);
            }
        }
        let mut free = HashMap::new();
        for (name, texts) in &values {
            let value_type = infer_type(texts);
            let position = columns.push_free(name, NODE_RESERVED, value_type);
            free.insert((*name).to_owned(), FreeColumn { position, value_type });
        }
        NodeColumns { columns, free }
    }
}

struct EdgeColumns {
    columns: ColumnSet,
    /// Free columns of relations, by their name in the workspace, in export order.
    relation_free: Vec<(String, FreeColumn)>,
    /// Free columns of memberships, by their name in the workspace.
    membership_free: HashMap<String, FreeColumn>,
}

impl EdgeColumns {
    fn new(network: &Network) -> Self {
        let mut columns = ColumnSet::new(EDGE_COLUMNS);
        let mut values: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        let relation_names: BTreeSet<String> =
            network.relation_attributes().names().map(str::to_owned).collect();
        for name in &relation_names {
            let texts = values.entry(name.clone()).or_default();
            for index in 0..network.relations().len() {
                if let Some(value) = network.relation_attributes().get(index, name) {
                    texts.push(value);
                }
            }
        }
        for membership in network.memberships() {
            for (name, value) in &membership.attributes {
                values.entry(name.clone()).or_default().push(value);
            }
        }
        let mut by_name: HashMap<String, FreeColumn> = HashMap::new();
        for (name, texts) in &values {
            let value_type = infer_type(texts);
            let position = columns.push_free(name, EDGE_RESERVED, value_type);
            by_name.insert(name.clone(), FreeColumn { position, value_type });
        }
        let relation_free =
            relation_names.iter().map(|name| (name.clone(), by_name[name])).collect();
        EdgeColumns { columns, relation_free, membership_free: by_name }
    }
}

/// The values of one node or edge, filled by column name.
struct Row<'a> {
    columns: &'a ColumnSet,
    values: Vec<Option<AttributeValue>>,
}

impl<'a> Row<'a> {
    fn new(columns: &'a ColumnSet) -> Self {
        Row { columns, values: vec![None; columns.columns.len()] }
    }

    fn set(&mut self, name: &str, value: AttributeValue) {
        if let Some(&position) = self.columns.position.get(name) {
            self.values[position] = Some(value);
        }
    }

    fn text(&mut self, name: &str, value: Option<&str>) {
        if let Some(text) = value.filter(|text| !text.is_empty()) {
            self.set(name, AttributeValue::Text(text.to_owned()));
        }
    }

    fn list(&mut self, name: &str, items: &[String]) {
        if !items.is_empty() {
            self.set(name, AttributeValue::Text(items.join("; ")));
        }
    }

    fn number(&mut self, name: &str, value: Option<f64>) {
        if let Some(number) = value.filter(|v| v.is_finite()) {
            self.set(name, AttributeValue::Number(number));
        }
    }

    fn flag(&mut self, name: &str, value: bool) {
        self.set(name, AttributeValue::Flag(value));
    }

    fn date(&mut self, name: &str, value: Option<Date>) {
        if let Some(date) = value {
            self.set(name, AttributeValue::Text(date.format("%Y-%m-%d").to_string()));
        }
    }

    fn free(&mut self, column: &FreeColumn, text: &str) {
        let value = match column.value_type {
            AttributeType::Double => plain_number(text).map(AttributeValue::Number),
            _ => None,
        };
        self.values[column.position] =
            Some(value.unwrap_or_else(|| AttributeValue::Text(text.to_owned())));
    }
}

/// `double` when every value is a plain decimal number, else `string`.
fn infer_type(texts: &[&str]) -> AttributeType {
    if !texts.is_empty() && texts.iter().all(|text| plain_number(text).is_some()) {
        AttributeType::Double
    } else {
        AttributeType::String
    }
}

/// The value of `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` when finite.
fn plain_number(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut at = usize::from(bytes.first() == Some(&b'-'));
    let digits = |from: usize| bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let integer = digits(at);
    if integer == 0 || (integer > 1 && bytes[at] == b'0') {
        return None;
    }
    at += integer;
    if bytes.get(at) == Some(&b'.') {
        let fraction = digits(at + 1);
        if fraction == 0 {
            return None;
        }
        at += 1 + fraction;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let exponent = digits(at);
        if exponent == 0 {
            return None;
        }
        at += exponent;
    }
    if at != bytes.len() {
        return None;
    }
    text.parse::<f64>().ok().filter(|value| value.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_decimal_numbers_count_as_numbers() {
        for (text, expected) in [
            ("0", Some(0.0)),
            ("-12.5", Some(-12.5)),
            ("3e6", Some(3e6)),
            ("1.5E-3", Some(1.5e-3)),
            ("0.25", Some(0.25)),
        ] {
            assert_eq!(plain_number(text), expected, "{text}");
        }
        for text in
            ["", "-", "0123", "1.", ".5", "1,5", "+1", "1e", "NaN", "inf", "1e999", "12 ", "x"]
        {
            assert_eq!(plain_number(text), None, "{text}");
        }
        assert_eq!(infer_type(&["1", "2.5"]), AttributeType::Double);
        assert_eq!(infer_type(&["1", "https://example.org"]), AttributeType::String);
    }

    #[test]
    fn ids_that_would_clash_get_a_prefix() {
        let mut used: HashSet<String> = ["r0".to_owned(), "_r0".to_owned()].into();
        assert_eq!(unique_id("r0".to_owned(), &mut used), "__r0");
        assert_eq!(unique_id("r1".to_owned(), &mut used), "r1");
        assert_eq!(unique_id("r1".to_owned(), &mut used), "_r1");
    }

    #[test]
    fn taken_names_are_prefixed() {
        let mut columns = ColumnSet::new(NODE_COLUMNS);
        let kind = columns.push_free("kind", NODE_RESERVED, AttributeType::String);
        let label = columns.push_free("label", NODE_RESERVED, AttributeType::String);
        let website = columns.push_free("website", NODE_RESERVED, AttributeType::String);
        let names: Vec<&str> =
            [kind, label, website].iter().map(|&i| columns.columns[i].name.as_str()).collect();
        assert_eq!(names, ["attr_kind", "attr_label", "website"]);
    }
}
