//! Cytoscape JSON export (Cytoscape.js elements, which Cytoscape Desktop imports): the whole
//! network with its attributes, built with serde.

use serde_json::{Map, Number, Value, json};

use crate::model::Network;
use crate::render::exchange::flatten::{AttributeValue, Column, ExportGraph};
use crate::render::json::to_pretty;

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
    let graph = ExportGraph::new(network);
    let nodes: Vec<Value> = graph
        .nodes
        .iter()
        .map(|node| {
            let mut data = Map::new();
            data.insert("id".to_owned(), Value::String(node.id.clone()));
            data.insert("name".to_owned(), Value::String(node.label.clone()));
            insert_values(&mut data, &graph.node_columns, &node.values);
            json!({ "data": data })
        })
        .collect();
    let edges: Vec<Value> = graph
        .edges
        .iter()
        .map(|edge| {
            let mut data = Map::new();
            data.insert("id".to_owned(), Value::String(edge.id.clone()));
            data.insert("source".to_owned(), Value::String(edge.source.clone()));
            data.insert("target".to_owned(), Value::String(edge.target.clone()));
            data.insert("weight".to_owned(), number(edge.weight));
            insert_values(&mut data, &graph.edge_columns, &edge.values);
            json!({ "data": data })
        })
        .collect();
    to_pretty(&json!({ "elements": { "nodes": nodes, "edges": edges } }))
}

fn insert_values(
    data: &mut Map<String, Value>,
    columns: &[Column],
    values: &[Option<AttributeValue>],
) {
    for (column, value) in columns.iter().zip(values) {
        let Some(value) = value else { continue };
        let value = match value {
            AttributeValue::Text(text) => Value::String(text.clone()),
            AttributeValue::Number(number) => self::number(*number),
            AttributeValue::Flag(flag) => Value::Bool(*flag),
        };
        data.insert(column.name.clone(), value);
    }
}

/// A JSON number; exported numbers are finite, so `null` never occurs in practice.
fn number(value: f64) -> Value {
    Number::from_f64(value).map_or(Value::Null, Value::Number)
}
