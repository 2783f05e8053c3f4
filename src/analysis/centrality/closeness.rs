//! Closeness (with the Wasserman & Faust correction) and harmonic centrality, both from one
//! search towards each node.

use crate::analysis::kernels::{self, PathGraph, PathLength, Reach};
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
