//! Closeness (with the Wasserman & Faust correction) and harmonic centrality, both from one
//! search towards each node.

use super::betweenness::stratified_pivots;
use crate::analysis::kernels::{self, PathGraph, PathLength, Reach};
use crate::analysis::progress::Progress;
use crate::view::View;

/// Closeness centrality (Freeman 1979) with the Wasserman & Faust (1994) correction for
/// disconnected graphs: how near a node is to the nodes that can reach it.
///
/// `c(v) = (r − 1) / Σ_u d(u, v) · (r − 1) / (n − 1)`, where the sum runs over the r nodes that
/// reach v (v included) and d(u, v) is the distance *to* v — inward on a directed view. 0 when
/// nothing else reaches v or n ≤ 1.
///
/// Matches NetworkX 3.x `closeness_centrality(G, wf_improved=True)` (weighted:
/// `distance="distance"`).
///
/// # Complexity
/// O(n·m), weighted O(n·(m + n log n)); parallel over nodes.
pub fn closeness(view: &View, path_length: PathLength) -> Vec<f64> {
    closeness_from(
        &kernels::reaches(&PathGraph::new(view.in_arcs(), path_length), &()),
        view.n_nodes(),
    )
}

/// Harmonic centrality (Marchiori & Latora 2000; Rochat 2009; Boldi & Vigna 2014): the sum of
/// the inverse distances from the other nodes, so unreachable nodes add 0 instead of making the
/// measure undefined.
///
/// `h(v) = Σ_{u ≠ v} 1 / d(u, v)`, distances *to* v (inward on a directed view), raw
/// (not divided by n − 1).
///
/// Matches NetworkX 3.x `harmonic_centrality(G)` (weighted: `distance="distance"`).
///
/// # Complexity
/// O(n·m), weighted O(n·(m + n log n)); parallel over nodes.
pub fn harmonic(view: &View, path_length: PathLength) -> Vec<f64> {
    harmonic_from(&kernels::reaches(&PathGraph::new(view.in_arcs(), path_length), &()))
}

/// NetworkX's arithmetic, step for step: `(r − 1) / Σd`, then `· (r − 1) / (n − 1)`.
pub(super) fn closeness_from(reaches: &[Reach], n: usize) -> Vec<f64> {
    reaches
        .iter()
        .map(|reach| {
            if reach.total_distance > 0.0 && n > 1 {
                let others = reach.reached as f64 - 1.0;
                let mut value = others / reach.total_distance;
                value *= others / (n - 1) as f64;
                value
            } else {
                0.0
            }
        })
        .collect()
}

pub(super) fn harmonic_from(reaches: &[Reach]) -> Vec<f64> {
    reaches.iter().map(|reach| reach.inverse_distance).collect()
}

/// Closeness and harmonic centrality estimated from the searches of `pivots` stratified pivots
/// drawn with `seed` (as [`betweenness`](super::betweenness) draws them), for views too large
/// for a search from every node: `(closeness, harmonic)` in node order.
///
/// Each pivot p is drawn with probability 1 / w_p (w_p the length of its run) and searches
/// outwards, giving d(p, v) for every v it reaches. The Horvitz–Thompson sums over the pivots
/// p ≠ v that reach v are unbiased estimates of their totals over all nodes (Eppstein & Wang
/// 2004 with uniform pivots; Cohen et al. 2014 for harmonic centrality):
/// - harmonic: ĥ(v) = Σ_p w_p / d(p, v);
/// - closeness: r̂ − 1 = Σ_p w_p (the nodes that reach v) and Σ̂d = Σ_p w_p d(p, v), then
///   ĉ(v) = (r̂ − 1) / Σ̂d · (r̂ − 1) / (n − 1) with r̂ − 1 at most n − 1, as in [`closeness`].
///   A ratio of two unbiased sums: consistent, with a bias that shrinks as 1 / k.
///
/// A node no pivot reaches gets 0. Bit-identical at any thread count.
///
/// # Complexity
/// O(k·m), weighted O(k·(m + n log n)).
pub(super) fn sampled_closeness_and_harmonic(
    view: &View,
    path_length: PathLength,
    pivots: usize,
    seed: u64,
    progress: &dyn Progress,
) -> (Vec<f64>, Vec<f64>) {
    let from = PathGraph::new(view.out_arcs(), path_length);
    let drawn = stratified_pivots(from.nodes_in_breadth_first_order(), pivots, seed);
    let reaches = kernels::sampled_reaches(&from, &drawn, progress);
    let n = view.n_nodes();
    let closeness = reaches
        .iter()
        .map(|reach| {
            let others = reach.reached_by.min(n.saturating_sub(1) as f64);
            if reach.total_distance > 0.0 && n > 1 {
                others / reach.total_distance * others / (n - 1) as f64
            } else {
                0.0
            }
        })
        .collect();
    let harmonic = reaches.iter().map(|reach| reach.inverse_distance).collect();
    (closeness, harmonic)
}
