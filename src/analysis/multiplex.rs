//! Multiplex measures (`layers`): per actor × layer the degree, neighborhood, exclusive
//! neighborhood, relevance and exclusive relevance, and per pair of layers the overlap of their
//! edges — all as uunet/multinet define them.
//!
//! Each layer's ties are those of its own [`View`] (same scope, level and date), so an actor
//! set, folding and merging rules are exactly those of every other analysis. [`multiplex_of`]
//! takes them from the network layer by layer over one numbering of the nodes, so memory and
//! time follow the ties, not layers × actors or pairs of layers; [`multiplex`] takes views
//! built by [`layer_views`].

use rayon::prelude::*;

use super::AnalysisError;
use crate::model::{ActorId, Network};
use crate::view::{LayerArcs, LayerChoice, MAX_LAYER_PAIRS, View, ViewError, ViewSpec};

/// The multiplex measures of one actor on one layer (uunet/multinet, mode `"all"`).
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct LayerMeasures {
    /// The layer: its position in [`Multiplex::layers`].
    pub layer: usize,
    /// Ties of the actor in the layer: in- plus out-arcs on a directed layer (a reciprocated
    /// pair counts twice), edges on an undirected one (multinet `degree_ml`).
    pub degree: usize,
    /// Distinct neighbours in the layer, in or out (multinet `neighborhood_ml`).
    pub neighborhood: usize,
    /// Neighbours in this layer that are neighbours in no other chosen layer (multinet
    /// `xneighborhood_ml`).
    pub xneighborhood: usize,
    /// `neighborhood` / distinct neighbours over all chosen layers (multinet `relevance_ml`).
    pub relevance: f64,
    /// `xneighborhood` / distinct neighbours over all chosen layers (multinet `xrelevance_ml`).
    pub xrelevance: f64,
}

/// One actor's measures on the chosen layers it has ties in.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ActorLayers {
    /// The actor (a node of the views).
    pub actor: ActorId,
    /// One entry per chosen layer the actor has a tie in, by [`LayerMeasures::layer`]; a layer
    /// without a tie of the actor has none (multinet leaves an actor that is not in a layer
    /// undefined, `NA`). Memory follows the actor's layers, not every chosen layer.
    pub layers: Vec<LayerMeasures>,
    /// Distinct neighbours over all chosen layers, in or out.
    pub neighbours: usize,
}

impl ActorLayers {
    /// The actor's measures on layer `layer` (a position in [`Multiplex::layers`]), or `None`
    /// when it has no tie there. O(log d) for d layers of the actor.
    pub fn layer(&self, layer: usize) -> Option<&LayerMeasures> {
        self.layers.binary_search_by_key(&layer, |m| m.layer).ok().map(|i| &self.layers[i])
    }

    /// The standard deviation of the actor's degree over the `n_layers` chosen layers, 0 in a
    /// layer it has no tie in: √(Σ_L (d_L − d̄)² / k) (uunet/multinet `degree_deviation_ml`,
    /// Berlingerio et al. 2011). 0 when its ties are spread evenly; large when one layer holds
    /// them.
    pub fn degree_deviation(&self, n_layers: usize) -> f64 {
        if n_layers == 0 {
            return 0.0;
        }
        let k = n_layers as f64;
        let mean = self.layers.iter().map(|m| m.degree as f64).sum::<f64>() / k;
        let present: f64 = self.layers.iter().map(|m| (m.degree as f64 - mean).powi(2)).sum();
        let absent = (n_layers - self.layers.len()) as f64 * mean * mean;
        ((present + absent) / k).sqrt()
    }

    /// 1 − (distinct neighbours over all layers) / (degree summed over the layers)
    /// (uunet/multinet `connective_redundancy_ml`, Berlingerio et al. 2011): the share of its ties
    /// that repeat a contact it has in another layer; `None` without ties.
    pub fn connective_redundancy(&self) -> Option<f64> {
        let degree: usize = self.layers.iter().map(|m| m.degree).sum();
        (degree > 0).then(|| 1.0 - self.neighbours as f64 / degree as f64)
    }
}

/// The edge overlap of two layers.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct LayerOverlap {
    /// The first layer (earlier in [`Multiplex::layers`]).
    pub first: LayerChoice,
    /// The second layer.
    pub second: LayerChoice,
    /// Ordered pairs tied in both layers.
    pub shared: usize,
    /// Ordered pairs tied in either layer.
    pub union: usize,
    /// `shared / union`; `None` when neither layer has a tie (multinet: `NaN`).
    pub jaccard: Option<f64>,
}

/// The multiplex measures of every actor on every chosen layer.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Multiplex {
    /// The chosen layers, each once, in the order chosen (or of the views given).
    pub layers: Vec<LayerChoice>,
    /// Per layer: its ordered pairs tied (arcs; an undirected edge counted both ways), the
    /// size of its edge set in [`LayerOverlap`].
    pub arcs: Vec<usize>,
    /// One entry per node of the views, in node order.
    pub actors: Vec<ActorLayers>,
    /// The pairs of layers that share at least one ordered pair (i < j in `layers` order),
    /// ordered by i then j. Any other pair shares none: its union is the two layers' `arcs`,
    /// as [`Multiplex::all_overlaps`] lists it.
    pub overlaps: Vec<LayerOverlap>,
}

impl Multiplex {
    /// Every pair of layers (i < j, ordered by i then j): those of [`Multiplex::overlaps`],
    /// and between them the pairs sharing no tie. k(k−1)/2 of them for k layers.
    pub fn all_overlaps(&self) -> impl Iterator<Item = LayerOverlap> + '_ {
        let k = self.layers.len();
        let mut sharing = self.overlaps.iter().peekable();
        (0..k).flat_map(move |i| (i + 1..k).map(move |j| (i, j))).map(move |(i, j)| {
            let (first, second) = (self.layers[i], self.layers[j]);
            sharing
                .next_if(|o| o.first == first && o.second == second)
                .copied()
                .unwrap_or_else(|| overlap(first, second, 0, self.arcs[i] + self.arcs[j]))
        })
    }
}

/// The overlap of two layers sharing `shared` of their `union` ordered pairs.
fn overlap(first: LayerChoice, second: LayerChoice, shared: usize, union: usize) -> LayerOverlap {
    let jaccard = (union > 0).then(|| shared as f64 / union as f64);
    LayerOverlap { first, second, shared, union, jaccard }
}

/// Builds one view per chosen layer of `spec` ([`ViewSpec::layer_choices`], as [`View::build`]
/// chooses), each with `spec`'s scope, level, date and weighting. A layer chosen twice is kept once. All views have the same nodes, because a view's
/// nodes depend on its scope and level only.
///
/// For the multiplex measures, [`multiplex_of`] needs no view per layer.
///
/// # Errors
/// [`ViewError`] when a layer's view cannot be built, and [`ViewError::TooManyLayers`] before
/// any is built when k views of n actors (k·n above [`MAX_LAYER_CELLS`](crate::view::MAX_LAYER_CELLS))
/// or the k(k−1)/2 pairs of layers (above [`MAX_LAYER_PAIRS`](crate::view::MAX_LAYER_PAIRS))
/// would not fit in memory.
///
/// # Complexity
/// O(k (n + m)) for k layers (see [`View::build`]).
pub fn layer_views(network: &Network, spec: &ViewSpec) -> Result<Vec<View>, ViewError> {
    // The same default as `View::build`.
    let chosen: Vec<LayerChoice> = spec.layer_choices(network);
    let mut seen = Vec::with_capacity(chosen.len());
    let mut distinct = rustc_hash::FxHashSet::default();
    for choice in chosen {
        if distinct.insert(choice) {
            seen.push(choice);
        }
    }
    if seen.len() > 1 {
        // The actors of every layer's view: those of one built without ties.
        let actors = View::build(network, &ViewSpec { layers: Some(Vec::new()), ..spec.clone() })
            .map_or(network.actors().len(), |view| view.n_nodes());
        let k = seen.len() as u64;
        if k * actors as u64 > crate::view::MAX_LAYER_CELLS
            || k * (k - 1) / 2 > crate::view::MAX_LAYER_PAIRS
        {
            return Err(ViewError::TooManyLayers { layers: seen.len(), actors });
        }
    }
    seen.into_iter()
        .map(|choice| {
            View::build(network, &ViewSpec { layers: Some(vec![choice]), ..spec.clone() })
        })
        .collect()
}

/// Multiplex measures of every actor on every chosen layer of `spec`, each layer with the
/// ties of its own view (as [`layer_views`] builds them: the same scope, folding, date and
/// weighting per layer), taken from the network over one numbering of the nodes rather than
/// a view per layer. The numbers are those of [`multiplex`] on [`layer_views`], which see.
///
/// # Errors
/// [`ViewError`] as a layer's [`View::build`]; [`ViewError::TooManyLayerPairs`] when more than
/// [`MAX_LAYER_PAIRS`] pairs of layers share ties.
///
/// # Complexity
/// O(n + m log m + S) in O(n + m + P) memory, for n actors, m relations, S the pairs of layers
/// sharing each tie summed over the ties, and P the pairs of layers sharing ties — independent
/// of layers × actors and of the pairs of layers sharing nothing.
pub fn multiplex_of(network: &Network, spec: &ViewSpec) -> Result<Multiplex, ViewError> {
    let LayerArcs { actors, layers, directed, arcs } = LayerArcs::build(network, spec)?;
    measure(&actors, layers, &directed, arcs)
}

/// Multiplex measures of every actor on every layer, from one single-layer view per layer
/// (build them with [`layer_views`]; [`multiplex_of`] gives the same numbers without a view
/// per layer).
///
/// For actor v and layer L, with N_L(v) the distinct in- and out-neighbours of v in L and
/// N(v) = ∪_L N_L(v) over the chosen layers:
/// - degree = arcs at v in L, in plus out (edges on an undirected layer);
/// - neighborhood = |N_L(v)|;
/// - xneighborhood = |N_L(v) \ ∪_{L′≠L} N_L′(v)|, the neighbours v has in L only;
/// - relevance = |N_L(v)| / |N(v)|, the share of v's neighbours reached in L;
/// - xrelevance = xneighborhood / |N(v)|, the share reached *only* in L.
///
/// An actor without a tie in L has no entry for L, as multinet gives `NA` for an actor that is
/// not a vertex of the layer. Layer pairs: Jaccard = |E₁ ∩ E₂| / |E₁ ∪ E₂| of the edge sets as
/// ordered pairs, a directed arc (a, b) as itself and an undirected edge {a, b} as both (a, b)
/// and (b, a) — multinet's `layer_comparison_ml(method = "jaccard.edges")`, whose
/// `edge_existence_property_matrix` (uunet `measures/layer.hpp`) does exactly this; between
/// two undirected layers it equals the Jaccard of unordered pairs. [`Multiplex::overlaps`]
/// holds the pairs that share a tie, [`Multiplex::all_overlaps`] every pair.
///
/// Definitions: Berlingerio, Coscia, Giannotti, Monreale & Pedreschi (2011), "Foundations of
/// multidimensional network analysis", ASONAM (neighborhood, exclusive neighborhood, dimension
/// relevance, exclusive relevance); Magnani, Rossi & Vega (2021), "Analysis of multiplex social
/// networks with R", *Journal of Statistical Software* 98(8). The numbers match uunet 2.2
/// (`multinet.degree`, `neighborhood`, `xneighborhood`, `relevance`, `xrelevance` with mode
/// `"all"`, and `layer_comparison(method="jaccard.edges")`) on a multilayer network holding
/// exactly the chosen layers, each with the view's (merged, folded, dated) ties; uunet
/// `measures/neighborhood.hpp` and `measures/relevance.hpp`: xneighbors removes neighbours on
/// every layer of the network outside the selection, and relevance divides by the neighbours
/// on all layers of the network.
///
/// On a directed layer an undirected relation is two arcs (the view's rule), so it adds 2 to
/// both ends' degree.
///
/// # Errors
/// [`AnalysisError::InvalidParameter`] when a view does not hold exactly one layer, when two
/// views hold the same layer, when the views do not have the same nodes, or when more than
/// [`MAX_LAYER_PAIRS`] pairs of layers share ties.
///
/// # Complexity
/// O(n + M log M + S) for M arcs over all layers and S the pairs of layers sharing each arc
/// summed over the arcs (at most O(k·M) for k layers).
pub fn multiplex(views: &[View]) -> Result<Multiplex, AnalysisError> {
    let Some(first) = views.first() else {
        return Ok(Multiplex {
            layers: Vec::new(),
            arcs: Vec::new(),
            actors: Vec::new(),
            overlaps: Vec::new(),
        });
    };
    let mut layers: Vec<LayerChoice> = Vec::with_capacity(views.len());
    for view in views {
        let [choice] = view.layers() else {
            return Err(AnalysisError::InvalidParameter(format!(
                "multiplex measures need one view per layer; a view holds {} layers",
                view.layers().len()
            )));
        };
        if layers.contains(choice) {
            return Err(AnalysisError::InvalidParameter(format!(
                "layer {choice} is chosen twice; choose each layer once"
            )));
        }
        if view.actors() != first.actors() {
            return Err(AnalysisError::InvalidParameter(
                "the layer views cover different actors; build them with the same scope, level \
                 and date"
                    .to_owned(),
            ));
        }
        layers.push(*choice);
    }
    let directed: Vec<bool> = views.iter().map(View::is_directed).collect();
    let mut arcs = Vec::with_capacity(views.iter().map(View::n_arcs).sum());
    for (layer, view) in views.iter().enumerate() {
        for from in 0..view.n_nodes() as u32 {
            arcs.extend(view.out_arcs().neighbors(from).iter().map(|&to| (layer as u32, from, to)));
        }
    }
    measure(first.actors(), layers, &directed, arcs)
        .map_err(|error| AnalysisError::InvalidParameter(error.to_string()))
}

/// The measures from each layer's arcs `(layer, from, to)` over the nodes `actors` (in any
/// order, repeated or not).
fn measure(
    actors: &[ActorId],
    layers: Vec<LayerChoice>,
    directed: &[bool],
    mut arcs: Vec<(u32, u32, u32)>,
) -> Result<Multiplex, ViewError> {
    // Each layer's arcs, distinct (parallel ties merged, as in its view), by layer then node.
    arcs.par_sort_unstable();
    arcs.dedup();
    let mut n_arcs = vec![0usize; layers.len()];
    for &(layer, _, _) in &arcs {
        n_arcs[layer as usize] += 1;
    }
    let actors = actor_measures(actors, directed, &arcs);
    let overlaps = shared_pairs(&layers, &n_arcs, arcs)?;
    Ok(Multiplex { layers, arcs: n_arcs, actors, overlaps })
}

/// Nodes per parallel task of [`actor_measures`].
const NODES_PER_TASK: usize = 1 << 12;

/// Every node's measures on the layers it has arcs in, from the distinct arcs sorted by layer.
fn actor_measures(
    actors: &[ActorId],
    directed: &[bool],
    arcs: &[(u32, u32, u32)],
) -> Vec<ActorLayers> {
    // Each node's ties as (node, layer, neighbour): an arc at both ends on a directed layer
    // (out- and in-arcs); on an undirected one an edge is two arcs already, one for each end.
    let mut at: Vec<(u32, u32, u32)> = Vec::with_capacity(arcs.len() * 2);
    for &(layer, from, to) in arcs {
        at.push((from, layer, to));
        if directed[layer as usize] {
            at.push((to, layer, from));
        }
    }
    at.par_sort_unstable();
    let mut start = vec![0usize; actors.len() + 1];
    for &(node, _, _) in &at {
        start[node as usize + 1] += 1;
    }
    for node in 0..actors.len() {
        start[node + 1] += start[node];
    }
    let chunks: Vec<Vec<ActorLayers>> = (0..actors.len().div_ceil(NODES_PER_TASK))
        .into_par_iter()
        .map(|chunk| {
            let first = chunk * NODES_PER_TASK;
            let last = (first + NODES_PER_TASK).min(actors.len());
            let mut everywhere: Vec<u32> = Vec::new();
            (first..last)
                .map(|node| {
                    let ties = &at[start[node]..start[node + 1]];
                    let (layers, neighbours) = node_measures(ties, &mut everywhere);
                    ActorLayers { actor: actors[node], layers, neighbours }
                })
                .collect()
        })
        .collect();
    chunks.into_iter().flatten().collect()
}

/// One node's measures from its ties `(node, layer, neighbour)` sorted by layer, then
/// neighbour (a neighbour twice in a layer: an arc each way). `everywhere` is scratch space.
fn node_measures(
    ties: &[(u32, u32, u32)],
    everywhere: &mut Vec<u32>,
) -> (Vec<LayerMeasures>, usize) {
    // The neighbour of each distinct (layer, neighbour): a neighbour appears once per layer it
    // is a neighbour in.
    everywhere.clear();
    everywhere.extend(
        ties.iter()
            .enumerate()
            .filter(|&(i, t)| i == 0 || (ties[i - 1].1, ties[i - 1].2) != (t.1, t.2))
            .map(|(_, t)| t.2),
    );
    everywhere.sort_unstable();
    let mut n_all = 0;
    for (i, &u) in everywhere.iter().enumerate() {
        if i == 0 || everywhere[i - 1] != u {
            n_all += 1;
        }
    }
    // Whether neighbour `u` is a neighbour in one layer only.
    let only_here = |u: u32| {
        let p = everywhere.partition_point(|&x| x < u);
        everywhere.get(p + 1) != Some(&u)
    };
    let measures = ties
        .chunk_by(|a, b| a.1 == b.1)
        .map(|run| {
            let mut neighborhood = 0;
            let mut xneighborhood = 0;
            for (i, t) in run.iter().enumerate() {
                if i == 0 || run[i - 1].2 != t.2 {
                    neighborhood += 1;
                    xneighborhood += usize::from(only_here(t.2));
                }
            }
            LayerMeasures {
                layer: run[0].1 as usize,
                degree: run.len(),
                neighborhood,
                xneighborhood,
                relevance: neighborhood as f64 / n_all as f64,
                xrelevance: xneighborhood as f64 / n_all as f64,
            }
        })
        .collect();
    (measures, n_all)
}

/// The pairs of layers sharing arcs, with their overlaps, from the distinct arcs sorted by
/// layer (taken).
///
/// # Errors
/// [`ViewError::TooManyLayerPairs`] beyond [`MAX_LAYER_PAIRS`] pairs.
fn shared_pairs(
    layers: &[LayerChoice],
    n_arcs: &[usize],
    arcs: Vec<(u32, u32, u32)>,
) -> Result<Vec<LayerOverlap>, ViewError> {
    // Each arc with its layers: sorted by arc, then layer; only arcs in two layers or more.
    let mut by_arc: Vec<(u64, u32)> = arcs
        .into_iter()
        .map(|(layer, from, to)| ((u64::from(from) << 32) | u64::from(to), layer))
        .collect();
    by_arc.par_sort_unstable();
    let mut shared: Vec<(u64, u32)> = Vec::new();
    for run in by_arc.chunk_by(|a, b| a.0 == b.0) {
        if run.len() > 1 {
            shared.extend_from_slice(run);
        }
    }
    drop(by_arc);
    if shared.is_empty() {
        return Ok(Vec::new());
    }
    // Where each layer's shared arcs sit in `shared` (ascending).
    let k = layers.len();
    let mut start = vec![0usize; k + 1];
    for &(_, layer) in &shared {
        start[layer as usize + 1] += 1;
    }
    for layer in 0..k {
        start[layer + 1] += start[layer];
    }
    let mut next = start.clone();
    let mut position = vec![0usize; shared.len()];
    for (p, &(_, layer)) in shared.iter().enumerate() {
        position[next[layer as usize]] = p;
        next[layer as usize] += 1;
    }
    drop(next);
    // Row by row: layer i against the later layers holding any of its arcs.
    let listed = std::sync::atomic::AtomicU64::new(0);
    let rows: Vec<Vec<LayerOverlap>> = (0..k)
        .into_par_iter()
        .map_init(
            || (vec![0usize; k], Vec::new()),
            |(common, later), i| {
                for &p in &position[start[i]..start[i + 1]] {
                    let arc = shared[p].0;
                    for &(_, j) in shared[p + 1..].iter().take_while(|s| s.0 == arc) {
                        if common[j as usize] == 0 {
                            later.push(j);
                        }
                        common[j as usize] += 1;
                    }
                }
                later.sort_unstable();
                let row: Vec<LayerOverlap> = later
                    .drain(..)
                    .map(|j| {
                        let j = j as usize;
                        let shared = std::mem::take(&mut common[j]);
                        overlap(layers[i], layers[j], shared, n_arcs[i] + n_arcs[j] - shared)
                    })
                    .collect();
                let total = listed
                    .fetch_add(row.len() as u64, std::sync::atomic::Ordering::Relaxed)
                    + row.len() as u64;
                if total > MAX_LAYER_PAIRS {
                    return Err(ViewError::TooManyLayerPairs { layers: k });
                }
                Ok(row)
            },
        )
        .collect::<Result<_, _>>()?;
    Ok(rows.into_iter().flatten().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{Source, load};
    use crate::model::Level;
    use crate::view::{Scope, TieWeight};

    #[track_caller]
    fn close(actual: f64, expected: f64, what: &str) {
        assert!((actual - expected).abs() <= 1e-12, "{what}: got {actual}, expected {expected}");
    }

    fn network(files: &[(&str, &str)]) -> Network {
        load(&Source::Memory(
            files
                .iter()
                .map(|(name, text)| ((*name).to_owned(), text.as_bytes().to_vec()))
                .collect(),
        ))
        .unwrap()
    }

    fn explicit(network: &Network, names: &[&str]) -> Vec<LayerChoice> {
        names.iter().map(|n| LayerChoice::Explicit(network.layer_id(n).unwrap())).collect()
    }

    /// The three-layer toy network of the hand-worked test.
    fn toy() -> Network {
        network(&[
            ("actors.csv", "id\na\nb\nc\nd\ne\nf\n"),
            (
                "relations.csv",
                "source,target,layer\n\
                 a,b,collaboration\na,c,collaboration\nb,c,collaboration\nd,e,collaboration\n\
                 a,b,information\nb,a,information\nc,a,information\na,d,information\n\
                 a,e,funding\nb,c,funding\n",
            ),
        ])
    }

    #[test]
    fn three_layer_toy_network_worked_by_hand() {
        // L1 collaboration (undirected): a–b, a–c, b–c, d–e.
        // L2 information (directed):     a→b, b→a, c→a, a→d.
        // L3 funding (directed):         a→e, b→c.
        let network = toy();
        let layers = explicit(&network, &["collaboration", "information", "funding"]);
        let spec = ViewSpec { layers: Some(layers.clone()), ..ViewSpec::default() };
        let views = layer_views(&network, &spec).unwrap();
        let result = multiplex(&views).unwrap();
        assert_eq!(result.layers, layers);
        let of = |actor: usize, layer: usize| result.actors[actor].layer(layer).copied();
        let check = |actor: usize, layer: usize, expected: (usize, usize, usize, f64, f64)| {
            let m = of(actor, layer).unwrap_or_else(|| panic!("actor {actor} layer {layer}"));
            let what = format!("actor {actor} layer {layer}");
            assert_eq!(
                (m.degree, m.neighborhood, m.xneighborhood),
                (expected.0, expected.1, expected.2),
                "{what}"
            );
            close(m.relevance, expected.3, &what);
            close(m.xrelevance, expected.4, &what);
        };
        // a: L1 N = {b, c}, 2 edges; L2 out {b, d}, in {b, c}: N = {b, c, d}, 4 arcs;
        //    L3 out {e}: N = {e}, 1 arc. N(a) = {b, c, d, e}: 4.
        //    Layers per neighbour: b in L1, L2; c in L1, L2; d in L2 only; e in L3 only.
        //    x: L1 0, L2 1 (d), L3 1 (e). relevance 2/4, 3/4, 1/4; xrelevance 0, 1/4, 1/4.
        check(0, 0, (2, 2, 0, 0.5, 0.0));
        check(0, 1, (4, 3, 1, 0.75, 0.25));
        check(0, 2, (1, 1, 1, 0.25, 0.25));
        // b: L1 {a, c}, 2; L2 out {a} in {a}: {a}, 2 arcs; L3 out {c}: 1. N(b) = {a, c}: 2;
        //    a in L1, L2; c in L1, L3: no exclusive neighbours.
        check(1, 0, (2, 2, 0, 1.0, 0.0));
        check(1, 1, (2, 1, 0, 0.5, 0.0));
        check(1, 2, (1, 1, 0, 0.5, 0.0));
        // c: L1 {a, b}, 2; L2 out {a}: 1; L3 in {b}: 1. N(c) = {a, b}.
        check(2, 0, (2, 2, 0, 1.0, 0.0));
        check(2, 1, (1, 1, 0, 0.5, 0.0));
        check(2, 2, (1, 1, 0, 0.5, 0.0));
        // d: L1 {e}, 1; L2 in {a}, 1; L3 none. N(d) = {a, e}, each in one layer only.
        check(3, 0, (1, 1, 1, 0.5, 0.5));
        check(3, 1, (1, 1, 1, 0.5, 0.5));
        assert_eq!(of(3, 2), None);
        // e: L1 {d}, 1; L2 none; L3 in {a}, 1.
        check(4, 0, (1, 1, 1, 0.5, 0.5));
        assert_eq!(of(4, 1), None);
        check(4, 2, (1, 1, 1, 0.5, 0.5));
        // f has no tie anywhere.
        assert!(result.actors[5].layers.is_empty());

        // Edges as ordered pairs. L1: ab ba ac ca bc cb de ed (8); L2: ab ba ca ad (4);
        // L3: ae bc (2). L1 ∩ L2 = {ab, ba, ca}: 3 / (8 + 4 − 3) = 1/3.
        // L1 ∩ L3 = {bc}: 1 / (8 + 2 − 1) = 1/9. L2 ∩ L3 = ∅: 0 / 6 = 0.
        let overlaps: Vec<(usize, usize, Option<f64>)> =
            result.all_overlaps().map(|o| (o.shared, o.union, o.jaccard)).collect();
        assert_eq!(overlaps, [(3, 9, Some(1.0 / 3.0)), (1, 9, Some(1.0 / 9.0)), (0, 6, Some(0.0))]);
        assert_eq!((result.overlaps[1].first, result.overlaps[1].second), (layers[0], layers[2]));
        // Only the pairs that share a tie are kept; the others follow from the layers' arcs.
        assert_eq!(result.overlaps.len(), 2);
        assert_eq!(result.arcs, [8, 4, 2]);
        assert_eq!(multiplex_of(&network, &spec).unwrap(), result);
    }

    #[test]
    fn scope_level_and_date_follow_the_view() {
        // p is a province with two municipalities m1, m2; y is on its own. Folded to the
        // provincial level, m1 and m2 become p: m1–y and m2–y merge into one tie p–y, and
        // the tie m1–m2 folds onto p and disappears.
        let network = network(&[
            (
                "actors.csv",
                "id,level,parent\np,provincial,\nm1,municipal,p\nm2,municipal,p\ny,provincial,\n",
            ),
            (
                "relations.csv",
                "source,target,layer,since,until\n\
                 m1,y,collaboration,,\nm2,y,collaboration,,\nm1,m2,collaboration,,\n\
                 m1,y,funding,2020-01-01,2020-12-31\ny,p,funding,,\n",
            ),
        ]);
        let layers = explicit(&network, &["collaboration", "funding"]);
        let spec = ViewSpec::default()
            .with_layers(layers)
            .with_level(Level::Provincial)
            .with_at(chrono::NaiveDate::from_ymd_opt(2021, 6, 1).unwrap())
            .with_scope(Scope::All);
        let views = layer_views(&network, &spec).unwrap();
        let result = multiplex(&views).unwrap();
        let actors: Vec<&str> =
            result.actors.iter().map(|a| network.actor(a.actor).key.as_str()).collect();
        assert_eq!(actors, ["p", "y"]);
        // p: collaboration {y} (one merged edge); funding in {y} (m1 → y expired in 2020).
        let p = &result.actors[0];
        let collaboration = *p.layer(0).unwrap();
        assert_eq!((collaboration.degree, collaboration.neighborhood), (1, 1));
        let funding = *p.layer(1).unwrap();
        assert_eq!((funding.degree, funding.neighborhood, funding.xneighborhood), (1, 1, 0));
        close(funding.relevance, 1.0, "relevance");
        // Collaboration {p–y} as (p,y),(y,p); funding (y,p): 1 shared of 2.
        assert_eq!(result.overlaps[0].jaccard, Some(0.5));
        assert_eq!(multiplex_of(&network, &spec).unwrap(), result);
    }

    #[test]
    fn defaults_duplicates_and_mismatched_views() {
        let network = toy();
        // Default: every explicit layer (the network has relations); comembership when asked
        // (empty here: no coalitions).
        assert_eq!(layer_views(&network, &ViewSpec::default()).unwrap().len(), 3);
        let with_comembership = LayerChoice::explicit_layers(&network)
            .chain([LayerChoice::Comembership])
            .collect::<Vec<_>>();
        let views =
            layer_views(&network, &ViewSpec::default().with_layers(with_comembership)).unwrap();
        assert_eq!(views.len(), 4);
        let result = multiplex(&views).unwrap();
        assert!(result.actors.iter().all(|a| a.layer(3).is_none()));
        // The comembership layer has no ties: its overlaps with others are 0, never NaN,
        // as long as the other layer has ties.
        assert_eq!(result.all_overlaps().last().and_then(|o| o.jaccard), Some(0.0));
        // A layer chosen twice is kept once.
        let twice = explicit(&network, &["funding", "funding"]);
        let spec = ViewSpec { layers: Some(twice), ..ViewSpec::default() };
        assert_eq!(layer_views(&network, &spec).unwrap().len(), 1);
        // Views with two layers, repeated layers, or different actors are refused.
        let both = View::build(&network, &ViewSpec::default()).unwrap();
        assert!(matches!(multiplex(&[both]), Err(AnalysisError::InvalidParameter(_))));
        let one = views[0].clone();
        assert!(matches!(multiplex(&[one.clone(), one]), Err(AnalysisError::InvalidParameter(_))));
        // No views: an empty result.
        assert_eq!(multiplex(&[]).unwrap().actors.len(), 0);
    }

    #[test]
    fn different_scopes_are_refused() {
        let network = network(&[
            ("actors.csv", "id\na\nb\nc\n"),
            ("relations.csv", "source,target,layer\na,b,collaboration\nb,c,funding\n"),
            ("coalitions.csv", "id,name\nk,Deal\nk2,Other\n"),
            (
                "members.csv",
                "coalition,actor,role\nk,a,signatory\nk,b,signatory\nk2,a,signatory\nk2,c,signatory\n",
            ),
        ]);
        let all = View::build(
            &network,
            &ViewSpec {
                layers: Some(explicit(&network, &["collaboration"])),
                ..ViewSpec::default()
            },
        )
        .unwrap();
        let coalition = network.coalition_id("k").unwrap();
        let deal = View::build(
            &network,
            &ViewSpec {
                layers: Some(explicit(&network, &["funding"])),
                scope: Scope::Coalition(coalition),
                ..ViewSpec::default()
            },
        )
        .unwrap();
        assert!(matches!(multiplex(&[all, deal]), Err(AnalysisError::InvalidParameter(_))));
        // In coalition k, a and b are co-members (comembership a–b); funding b → c leaves the
        // scope, so that layer is empty: overlap 0 of 2.
        let spec = ViewSpec {
            layers: Some(vec![LayerChoice::Comembership, explicit(&network, &["funding"])[0]]),
            scope: Scope::Coalition(coalition),
            ..ViewSpec::default()
        };
        let views = layer_views(&network, &spec).unwrap();
        let result = multiplex(&views).unwrap();
        let pair = result.all_overlaps().next().unwrap();
        assert_eq!((pair.shared, pair.union, pair.jaccard), (0, 2, Some(0.0)));
        assert!(result.overlaps.is_empty());
        assert_eq!(result.actors[0].layer(1), None);
        assert_eq!(multiplex_of(&network, &spec).unwrap(), result);
        // In coalition k2 (a and c) neither explicit layer has a tie: the overlap is undefined.
        let spec = ViewSpec {
            layers: Some(explicit(&network, &["collaboration", "funding"])),
            scope: Scope::Coalition(network.coalition_id("k2").unwrap()),
            ..ViewSpec::default()
        };
        let result = multiplex(&layer_views(&network, &spec).unwrap()).unwrap();
        let pair = result.all_overlaps().next().unwrap();
        assert_eq!((pair.union, pair.jaccard), (0, None));
        assert_eq!(multiplex_of(&network, &spec).unwrap(), result);
    }

    #[test]
    fn measures_from_the_network_equal_those_of_a_view_per_layer() {
        // A directed layer with an undirected relation in it (two arcs), parallel and
        // reciprocated relations, a self-loop, a relation of amount 0 on a layer in euros,
        // coalitions for comembership, and a unit folded into its parent.
        let network = network(&[
            (
                "actors.csv",
                "id,level,parent\np,provincial,\nm1,municipal,p\nm2,municipal,p\n\
                 y,provincial,\nz,provincial,\nw,provincial,\n",
            ),
            (
                "relations.csv",
                "source,target,layer,directed,amount,since,until\n\
                 m1,y,information,yes,,,\ny,m1,information,yes,,,\nm1,y,information,yes,,,\n\
                 y,z,information,no,,,\nw,y,information,yes,,2020-01-01,2020-12-31\n\
                 m1,y,funding,yes,5,,\nm2,z,funding,yes,0,,\nz,w,funding,yes,3,,\ny,m2,funding,yes,2,,\n\
                 m1,m2,collaboration,no,,,\ny,z,collaboration,no,,,\nm2,y,collaboration,no,,,\n",
            ),
            ("coalitions.csv", "id,name\nk,Deal\nk2,Other\n"),
            (
                "members.csv",
                "coalition,actor,role\nk,m1,signatory\nk,y,signatory\nk,z,signatory\n\
                 k2,y,signatory\nk2,w,signatory\n",
            ),
        ]);
        let every = LayerChoice::explicit_layers(&network).chain([LayerChoice::Comembership]);
        let every: Vec<LayerChoice> = every.collect();
        let date = chrono::NaiveDate::from_ymd_opt(2021, 6, 1).unwrap();
        for weight in [TieWeight::Auto, TieWeight::Weight, TieWeight::Count, TieWeight::Amount] {
            for level in [None, Some(Level::Provincial)] {
                for at in [None, Some(date)] {
                    for scope in [Scope::All, Scope::Coalition(network.coalition_id("k").unwrap())]
                    {
                        for layers in [every.clone(), every[..3].to_vec(), vec![every[1], every[1]]]
                        {
                            let spec = ViewSpec::default()
                                .with_layers(layers)
                                .with_weight(weight)
                                .with_level(level)
                                .with_at(at)
                                .with_scope(scope);
                            let what = format!("{spec:?}");
                            match layer_views(&network, &spec) {
                                Ok(views) => assert_eq!(
                                    multiplex_of(&network, &spec),
                                    Ok(multiplex(&views).unwrap()),
                                    "{what}"
                                ),
                                Err(error) => {
                                    assert_eq!(multiplex_of(&network, &spec), Err(error), "{what}");
                                }
                            }
                        }
                    }
                }
            }
        }
        // The layer in euros leaves out m2 → z (amount 0) with the default weighting.
        let spec = ViewSpec::default().with_layers(every);
        let result = multiplex_of(&network, &spec).unwrap();
        assert_eq!(result.arcs[1], 3);
        assert_eq!(
            multiplex_of(&network, &spec.with_weight(TieWeight::Weight)).unwrap().arcs[1],
            4
        );
    }

    #[test]
    fn many_layers_of_one_tie_each_cost_their_ties() {
        // A hub tied to each of 3,000 leaves, each tie a layer of its own: 3,000 layers ×
        // 3,001 actors, and 4.5 million pairs of layers, none sharing a tie.
        const LEAVES: usize = 3_000;
        let mut actors = String::from("id\nhub\n");
        let mut relations = String::from("source,target,layer\n");
        for i in 0..LEAVES {
            actors.push_str(&format!("l{i:04}\n"));
            relations.push_str(&format!("hub,l{i:04},layer{i}\n"));
        }
        let star = network(&[("actors.csv", &actors), ("relations.csv", &relations)]);
        let result = multiplex_of(&star, &ViewSpec::default()).unwrap();
        assert_eq!((result.layers.len(), result.actors.len()), (LEAVES, LEAVES + 1));
        assert!(result.overlaps.is_empty());
        assert_eq!(result.all_overlaps().count(), LEAVES * (LEAVES - 1) / 2);
        let hub = &result.actors[0];
        assert_eq!(hub.layers.len(), LEAVES);
        for (l, m) in hub.layers.iter().enumerate() {
            assert_eq!((m.layer, m.degree, m.neighborhood, m.xneighborhood), (l, 1, 1, 1));
            close(m.relevance, 1.0 / LEAVES as f64, "hub relevance");
        }
        let leaf = &result.actors[LEAVES];
        assert_eq!(leaf.layers.len(), 1);
        assert_eq!(leaf.layer(LEAVES - 1).map(|m| m.relevance), Some(1.0));
        // The same 3,000 layers each holding the same tie too: every pair shares it.
        for i in 0..LEAVES {
            relations.push_str(&format!("hub,l0000,layer{i}\n"));
        }
        let shared = network(&[("actors.csv", &actors), ("relations.csv", &relations)]);
        let result = multiplex_of(&shared, &ViewSpec::default()).unwrap();
        assert_eq!(result.overlaps.len(), LEAVES * (LEAVES - 1) / 2);
        let first = result.overlaps[0];
        // Layers of unknown names are directed. Layer 0 holds hub → l0000 once (two relations
        // merged); layer 1 holds it and hub → l0001: they share 1 of 2 arcs.
        assert_eq!((first.shared, first.union), (1, 2));
        assert!(result.all_overlaps().eq(result.overlaps.iter().copied()));
    }
}
