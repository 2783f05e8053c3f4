//! `layers` output: multiplex measures per actor × layer, and the overlap of layer pairs.

use serde::Serialize;
use serde_json::Value;

use super::actors::by_actor_id;
use super::json::to_pretty;
use super::records::{Cell, Records};
use crate::analysis::Multiplex;
use crate::model::Network;
use crate::view::View;

/// One row per actor × layer the actor has a tie in, ordered by id then layer name:
/// `id,name,layer,degree,neighborhood,xneighborhood,relevance,xrelevance`.
pub fn layer_records<'a>(network: &'a Network, result: &'a Multiplex) -> Records<'a> {
    let mut records = Records::new(&[
        "id",
        "name",
        "layer",
        "degree",
        "neighborhood",
        "xneighborhood",
        "relevance",
        "xrelevance",
    ]);
    let names: Vec<&str> = result.layers.iter().map(|&l| View::layer_name(network, l)).collect();
    let mut layer_order: Vec<usize> = (0..names.len()).collect();
    layer_order.sort_by(|&a, &b| names[a].cmp(names[b]));
    for i in by_actor_id(network, result.actors.iter().map(|a| a.actor)) {
        let entry = &result.actors[i];
        let actor = network.actor(entry.actor);
        for &l in &layer_order {
            let Some(m) = &entry.layers[l] else { continue };
            records.push(vec![
                Cell::text(actor.key.as_str()),
                Cell::text(actor.name.as_str()),
                Cell::text(names[l]),
                Cell::Count(m.degree as u64),
                Cell::Count(m.neighborhood as u64),
                Cell::Count(m.xneighborhood as u64),
                Cell::Number(Some(m.relevance)),
                Cell::Number(Some(m.xrelevance)),
            ]);
        }
    }
    records
}

/// Edge overlap of each pair of layers (Jaccard), pairs ordered by name.
pub fn overlap_records<'a>(network: &'a Network, result: &'a Multiplex) -> Records<'a> {
    let mut records = Records::new(&["layer_a", "layer_b", "shared", "union", "jaccard"]);
    let mut rows: Vec<(String, String, usize, usize, Option<f64>)> = result
        .overlaps
        .iter()
        .map(|o| {
            let (a, b) = (View::layer_name(network, o.first), View::layer_name(network, o.second));
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            (a.to_owned(), b.to_owned(), o.shared, o.union, o.jaccard)
        })
        .collect();
    rows.sort_by(|x, y| (&x.0, &x.1).cmp(&(&y.0, &y.1)));
    for (a, b, shared, union, jaccard) in rows {
        records.push(vec![
            Cell::text(a),
            Cell::text(b),
            Cell::Count(shared as u64),
            Cell::Count(union as u64),
            Cell::Number(jaccard),
        ]);
    }
    records
}

/// The JSON output of `layers`.
#[derive(Serialize)]
struct LayersJson<'a> {
    actors: Value,
    overlap: Value,
    workspace: &'a str,
}

/// The whole result as JSON: `{"actors": [...], "overlap": [...], "workspace"}`.
pub fn layers_json(network: &Network, result: &Multiplex, workspace: &str) -> String {
    to_pretty(&LayersJson {
        actors: layer_records(network, result).to_json(),
        overlap: overlap_records(network, result).to_json(),
        workspace,
    })
}
