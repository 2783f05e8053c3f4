//! The ties a map draws: the view's ties kept apart by layer (the view itself merges them),
//! one edge per layer and pair (per ordered pair for directed ties), with the summed weight and
//! euros, and whether a directed tie is answered by one the other way in its layer.

use std::collections::BTreeMap;

use crate::model::{ActorId, Network, members_by_coalition, projection_ties};
use crate::view::{LayerChoice, View, ViewSpec, Weighting};

/// One layer of the map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLayer {
    /// Its name (`comembership` for shared membership).
    pub name: String,
    /// Whether some of its ties are directed.
    pub directed: bool,
    /// Its colour in the drawing.
    pub colour: &'static str,
    /// Edges of the layer on the map.
    pub n_edges: usize,
}

/// One edge of the map: the relations of one layer between two actors.
#[derive(Clone, Debug, PartialEq)]
pub struct MapEdge {
    /// Where it starts (an index into [`MapModel::nodes`](super::MapModel::nodes)).
    pub source: usize,
    /// Where it ends.
    pub target: usize,
    /// Its layer (an index into [`MapModel::layers`](super::MapModel::layers)).
    pub layer: usize,
    /// Whether it has a direction (source → target).
    pub directed: bool,
    /// The summed tie strength (shared coalitions for `comembership`).
    pub weight: f64,
    /// The summed amounts in euros, when some relation carries one.
    pub euros: Option<f64>,
    /// The relations it stands for.
    pub relations: usize,
    /// A directed edge answered by one the other way in the same layer: the two are drawn as
    /// two arcs.
    pub reciprocated: bool,
    /// Its width in the drawing (pixels).
    pub width: f64,
}

/// An edge's layer, ends and whether it is directed.
type PairKey = (usize, u32, u32, bool);
/// An edge's summed weight, euros and relation count.
type Sums = (f64, Option<f64>, usize);

/// The edges between view nodes, by layer, as `(layers, edges)` with view node indices as
/// ends, in layer order then pair order. The relations are those of the view
/// ([`ViewSpec::keeps`]: on its date, of its coalition or none; with money when it is weighed
/// in euros), joining two nodes as the view maps actors ([`ViewSpec::tie_ends`]: scope,
/// folding); a relation folded onto one node is left out.
pub(crate) fn view_edges(
    network: &Network,
    spec: &ViewSpec,
    view: &View,
) -> (Vec<MapLayer>, Vec<MapEdge>) {
    let tie_ends = spec.tie_ends(network);
    let node = |actor: ActorId| -> Option<u32> { tie_ends[actor.index()] };
    // A view weighed in euros leaves out ties without money; so does its map.
    let euros_only = view.weighting() == Weighting::Euros;
    let palette = super::colours::layer_palette(view.layers().len());
    let mut layers = Vec::new();
    let mut of_layer = vec![usize::MAX; network.layers().len()];
    let mut comembership = Vec::new();
    for (i, &choice) in view.layers().iter().enumerate() {
        let (name, directed) = match choice {
            LayerChoice::Explicit(id) => {
                of_layer[id.index()] = i;
                let layer = network.layer(id);
                (layer.name.clone(), layer.directed)
            }
            LayerChoice::Comembership | LayerChoice::ComembershipNewman => {
                comembership.extend(choice.projection().map(|projection| (i, projection)));
                (View::layer_name(network, choice).to_owned(), false)
            }
        };
        layers.push(MapLayer { name, directed, colour: palette[i], n_edges: 0 });
    }
    let mut merged: BTreeMap<PairKey, Sums> = BTreeMap::new();
    for relation in network.relations() {
        let layer = of_layer[relation.layer.index()];
        if layer == usize::MAX
            || !spec.keeps(relation)
            || (euros_only && !relation.amount.is_some_and(|amount| amount > 0.0))
        {
            continue;
        }
        let (Some(from), Some(to)) = (node(relation.source), node(relation.target)) else {
            continue;
        };
        if from == to {
            continue;
        }
        let key = if relation.directed {
            (layer, from, to, true)
        } else {
            (layer, from.min(to), from.max(to), false)
        };
        let entry = merged.entry(key).or_insert((0.0, None, 0));
        entry.0 += relation.weight;
        if let Some(amount) = relation.amount {
            entry.1 = Some(entry.1.unwrap_or(0.0) + amount);
        }
        entry.2 += 1;
    }
    // The projections of the folded actors × coalitions network, as the view has them.
    for (layer, projection) in comembership {
        let members = members_by_coalition(network, spec.at, node);
        for (from, to, weight) in projection_ties(&members, projection) {
            let entry = merged.entry((layer, from, to, false)).or_insert((0.0, None, 0));
            entry.0 += weight;
            entry.2 += 1;
        }
    }
    let edges: Vec<MapEdge> = merged
        .iter()
        .map(|(&(layer, from, to, directed), &(weight, euros, relations))| MapEdge {
            source: from as usize,
            target: to as usize,
            layer,
            directed,
            weight,
            euros,
            relations,
            reciprocated: directed && merged.contains_key(&(layer, to, from, true)),
            width: 1.0,
        })
        .collect();
    (layers, edges)
}
