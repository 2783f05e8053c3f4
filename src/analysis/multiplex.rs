//! Multiplex measures (`layers`): per actor × layer the degree, neighborhood, exclusive
//! neighborhood, relevance and exclusive relevance, and per pair of layers the overlap of their
//! edges — all as uunet/multinet define them.
//!
//! Each layer is its own [`View`] (same scope, level and date), so an actor set, folding and
//! merging rules are exactly those of every other analysis; [`layer_views`] builds them.

use super::AnalysisError;
use super::kernels::count_common;
use crate::model::{ActorId, Network};
use crate::view::{LayerChoice, View, ViewError, ViewSpec};

/// The multiplex measures of one actor on one layer (uunet/multinet, mode `"all"`).
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct LayerMeasures {
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

/// One actor's measures on every chosen layer.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ActorLayers {
    /// The actor (a node of the views).
    pub actor: ActorId,
    /// One entry per chosen layer, in [`Multiplex::layers`] order; `None` where the actor has
    /// no tie in that layer (multinet leaves an actor that is not in a layer undefined, `NA`).
    pub layers: Vec<Option<LayerMeasures>>,
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
    /// The chosen layers, in the order of the views given.
    pub layers: Vec<LayerChoice>,
    /// One entry per node of the views, in node order.
    pub actors: Vec<ActorLayers>,
    /// One entry per pair of layers (i < j in `layers` order), ordered by i then j.
    pub overlaps: Vec<LayerOverlap>,
}

/// Builds one view per chosen layer of `spec` ([`ViewSpec::layer_choices`], as [`View::build`]
/// chooses), each with `spec`'s scope, level, date and weighting. A layer chosen twice is kept once. All views have the same nodes, because a view's
/// nodes depend on its scope and level only.
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

/// Multiplex measures of every actor on every layer, from one single-layer view per layer
/// (build them with [`layer_views`]).
///
/// For actor v and layer L, with N_L(v) the distinct in- and out-neighbours of v in L and
/// N(v) = ∪_L N_L(v) over the chosen layers:
/// - degree = arcs at v in L, in plus out (edges on an undirected layer);
/// - neighborhood = |N_L(v)|;
/// - xneighborhood = |N_L(v) \ ∪_{L′≠L} N_L′(v)|, the neighbours v has in L only;
/// - relevance = |N_L(v)| / |N(v)|, the share of v's neighbours reached in L;
/// - xrelevance = xneighborhood / |N(v)|, the share reached *only* in L.
///
/// An actor without a tie in L gets `None` for L, as multinet gives `NA` for an actor that is
/// not a vertex of the layer. Layer pairs: Jaccard = |E₁ ∩ E₂| / |E₁ ∪ E₂| of the edge sets as
/// ordered pairs, a directed arc (a, b) as itself and an undirected edge {a, b} as both (a, b)
/// and (b, a) — multinet's `layer_comparison_ml(method = "jaccard.edges")`, whose
/// `edge_existence_property_matrix` (uunet `measures/layer.hpp`) does exactly this; between
/// two undirected layers it equals the Jaccard of unordered pairs.
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
/// views hold the same layer, or when the views do not have the same nodes.
///
/// # Complexity
/// O(k·n + Σ_L m_L) for the actor measures (k layers, m_L arcs of layer L), plus
/// O(k² (n + max m_L)) for the layer pairs.
pub fn multiplex(views: &[View]) -> Result<Multiplex, AnalysisError> {
    let Some(first) = views.first() else {
        return Ok(Multiplex { layers: Vec::new(), actors: Vec::new(), overlaps: Vec::new() });
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

    let n_nodes = first.n_nodes();
    let n_layers = views.len();
    // times_seen[u] = in how many chosen layers u is a neighbour of the current actor.
    let mut times_seen = vec![0u32; n_nodes];
    let mut touched: Vec<u32> = Vec::new();
    let mut neighbors: Vec<Vec<u32>> = vec![Vec::new(); n_layers];
    let mut actors = Vec::with_capacity(n_nodes);
    for node in 0..n_nodes as u32 {
        for (view, buffer) in views.iter().zip(neighbors.iter_mut()) {
            all_neighbors(view, node, buffer);
            for &u in buffer.iter() {
                if times_seen[u as usize] == 0 {
                    touched.push(u);
                }
                times_seen[u as usize] += 1;
            }
        }
        let n_all = touched.len();
        let measures = views
            .iter()
            .zip(&neighbors)
            .map(|(view, buffer)| {
                let degree = if view.is_directed() {
                    view.out_arcs().degree(node) + view.in_arcs().degree(node)
                } else {
                    view.out_arcs().degree(node)
                };
                if degree == 0 || n_all == 0 {
                    return None;
                }
                let neighborhood = buffer.len();
                let xneighborhood = buffer.iter().filter(|&&u| times_seen[u as usize] == 1).count();
                Some(LayerMeasures {
                    degree,
                    neighborhood,
                    xneighborhood,
                    relevance: neighborhood as f64 / n_all as f64,
                    xrelevance: xneighborhood as f64 / n_all as f64,
                })
            })
            .collect();
        for &u in &touched {
            times_seen[u as usize] = 0;
        }
        touched.clear();
        actors.push(ActorLayers { actor: first.actor(node), layers: measures });
    }

    let mut overlaps = Vec::with_capacity(n_layers * n_layers.saturating_sub(1) / 2);
    for i in 0..n_layers {
        for j in i + 1..n_layers {
            let (a, b) = (&views[i], &views[j]);
            let shared: usize = (0..n_nodes as u32)
                .map(|node| {
                    count_common(a.out_arcs().neighbors(node), b.out_arcs().neighbors(node))
                })
                .sum();
            let union = a.n_arcs() + b.n_arcs() - shared;
            let jaccard = (union > 0).then(|| shared as f64 / union as f64);
            overlaps.push(LayerOverlap {
                first: layers[i],
                second: layers[j],
                shared,
                union,
                jaccard,
            });
        }
    }
    Ok(Multiplex { layers, actors, overlaps })
}

/// Fills `buffer` with the distinct in- and out-neighbours of `node`, ascending.
fn all_neighbors(view: &View, node: u32, buffer: &mut Vec<u32>) {
    buffer.clear();
    let out = view.out_arcs().neighbors(node);
    if !view.is_directed() {
        buffer.extend_from_slice(out);
        return;
    }
    let inn = view.in_arcs().neighbors(node);
    let (mut x, mut y) = (0, 0);
    while x < out.len() || y < inn.len() {
        let next_out = out.get(x).copied().unwrap_or(u32::MAX);
        let next_in = inn.get(y).copied().unwrap_or(u32::MAX);
        let next = next_out.min(next_in);
        if next_out == next {
            x += 1;
        }
        if next_in == next {
            y += 1;
        }
        buffer.push(next);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{Source, load};
    use crate::model::Level;
    use crate::view::Scope;

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
        let of = |actor: usize, layer: usize| result.actors[actor].layers[layer];
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
        assert!(result.actors[5].layers.iter().all(Option::is_none));

        // Edges as ordered pairs. L1: ab ba ac ca bc cb de ed (8); L2: ab ba ca ad (4);
        // L3: ae bc (2). L1 ∩ L2 = {ab, ba, ca}: 3 / (8 + 4 − 3) = 1/3.
        // L1 ∩ L3 = {bc}: 1 / (8 + 2 − 1) = 1/9. L2 ∩ L3 = ∅: 0 / 6 = 0.
        let overlaps: Vec<(usize, usize, Option<f64>)> =
            result.overlaps.iter().map(|o| (o.shared, o.union, o.jaccard)).collect();
        assert_eq!(overlaps, [(3, 9, Some(1.0 / 3.0)), (1, 9, Some(1.0 / 9.0)), (0, 6, Some(0.0))]);
        assert_eq!((result.overlaps[1].first, result.overlaps[1].second), (layers[0], layers[2]));
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
        let p = result.actors[0].layers.clone();
        let collaboration = p[0].unwrap();
        assert_eq!((collaboration.degree, collaboration.neighborhood), (1, 1));
        let funding = p[1].unwrap();
        assert_eq!((funding.degree, funding.neighborhood, funding.xneighborhood), (1, 1, 0));
        close(funding.relevance, 1.0, "relevance");
        // Collaboration {p–y} as (p,y),(y,p); funding (y,p): 1 shared of 2.
        assert_eq!(result.overlaps[0].jaccard, Some(0.5));
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
        assert!(result.actors.iter().all(|a| a.layers[3].is_none()));
        // The comembership layer has no ties: its overlaps with others are 0, never NaN,
        // as long as the other layer has ties.
        assert_eq!(result.overlaps.last().and_then(|o| o.jaccard), Some(0.0));
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
        assert_eq!((result.overlaps[0].shared, result.overlaps[0].union), (0, 2));
        assert_eq!(result.overlaps[0].jaccard, Some(0.0));
        assert_eq!(result.actors[0].layers[1], None);
        // In coalition k2 (a and c) neither explicit layer has a tie: the overlap is undefined.
        let spec = ViewSpec {
            layers: Some(explicit(&network, &["collaboration", "funding"])),
            scope: Scope::Coalition(network.coalition_id("k2").unwrap()),
            ..ViewSpec::default()
        };
        let result = multiplex(&layer_views(&network, &spec).unwrap()).unwrap();
        assert_eq!((result.overlaps[0].union, result.overlaps[0].jaccard), (0, None));
    }
}
