//! `layers` output: multiplex measures per actor × layer, and the overlap of layer pairs.

use serde::Serialize;
use serde_json::Value;

use super::actors::by_actor_id;
use super::json::to_pretty;
use super::records::{Cell, Records};
use crate::analysis::{LayerMeasures, LayerOverlap, Multiplex};
use crate::model::Network;
use crate::view::View;

/// One row per actor × layer the actor has a tie in, ordered by id then layer name:
/// `id,name,layer,degree,neighborhood,xneighborhood,relevance,xrelevance,degree_deviation,
/// connective_redundancy` (the last two are the actor's across all layers, on each of its rows).
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
        "degree_deviation",
        "connective_redundancy",
    ]);
    let names: Vec<&str> = result.layers.iter().map(|&l| View::layer_name(network, l)).collect();
    let mut layer_order: Vec<usize> = (0..names.len()).collect();
    layer_order.sort_by(|&a, &b| names[a].cmp(names[b]));
    // Each layer's place in name order.
    let mut rank = vec![0; names.len()];
    for (place, &l) in layer_order.iter().enumerate() {
        rank[l] = place;
    }
    let mut by_name: Vec<&LayerMeasures> = Vec::new();
    for i in by_actor_id(network, result.actors.iter().map(|a| a.actor)) {
        let entry = &result.actors[i];
        let actor = network.actor(entry.actor);
        by_name.clear();
        by_name.extend(&entry.layers);
        by_name.sort_by_key(|m| rank[m.layer]);
        let deviation = entry.degree_deviation(names.len());
        let redundancy = entry.connective_redundancy();
        for &m in &by_name {
            let l = m.layer;
            records.push(vec![
                Cell::text(actor.key.as_str()),
                Cell::text(actor.name.as_str()),
                Cell::text(names[l]),
                Cell::Count(m.degree as u64),
                Cell::Count(m.neighborhood as u64),
                Cell::Count(m.xneighborhood as u64),
                Cell::Number(Some(m.relevance)),
                Cell::Number(Some(m.xrelevance)),
                Cell::Number(Some(deviation)),
                Cell::Number(redundancy),
            ]);
        }
    }
    records
}

/// Up to this many layers, the overlap of every pair of layers is listed; beyond, only the
/// pairs that share a tie ([`overlap_note`] says so), as k(k−1)/2 rows would be the bulk of
/// the output.
pub const OVERLAPS_OF_EVERY_PAIR_UP_TO: usize = 500;

/// Edge overlap of each pair of layers (Jaccard), pairs ordered by name: every pair up to
/// [`OVERLAPS_OF_EVERY_PAIR_UP_TO`] layers, else those that share a tie.
pub fn overlap_records<'a>(network: &'a Network, result: &'a Multiplex) -> Records<'a> {
    let mut records = Records::new(&["layer_a", "layer_b", "shared", "union", "jaccard"]);
    let pairs: Box<dyn Iterator<Item = LayerOverlap> + '_> =
        if result.layers.len() <= OVERLAPS_OF_EVERY_PAIR_UP_TO {
            Box::new(result.all_overlaps())
        } else {
            Box::new(result.overlaps.iter().copied())
        };
    let mut rows: Vec<(String, String, usize, usize, Option<f64>)> = pairs
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

/// When [`overlap_records`] leaves out the pairs of layers that share no tie (more than
/// [`OVERLAPS_OF_EVERY_PAIR_UP_TO`] layers): a sentence saying which pairs are listed and what
/// the others are.
pub fn overlap_note(result: &Multiplex) -> Option<String> {
    let k = result.layers.len();
    (k > OVERLAPS_OF_EVERY_PAIR_UP_TO).then(|| {
        format!(
            "of the {} pairs of the {k} layers, only the {} that share a tie are listed (more \
             than {OVERLAPS_OF_EVERY_PAIR_UP_TO} layers); every other pair shares no tie",
            k as u64 * (k as u64 - 1) / 2,
            result.overlaps.len()
        )
    })
}

/// The JSON output of `layers`.
#[derive(Serialize)]
struct LayersJson<'a> {
    actors: Value,
    overlap: Value,
    /// Only when pairs are left out of `overlap`.
    #[serde(skip_serializing_if = "Option::is_none")]
    overlap_note: Option<String>,
    workspace: &'a str,
}

/// The whole result as JSON: `{"actors": [...], "overlap": [...], "workspace"}`, with
/// `overlap_note` ([`overlap_note`]) after `overlap` when pairs are left out.
pub fn layers_json(network: &Network, result: &Multiplex, workspace: &str) -> String {
    to_pretty(&LayersJson {
        actors: layer_records(network, result).to_json(),
        overlap: overlap_records(network, result).to_json(),
        overlap_note: overlap_note(result),
        workspace,
    })
}
