//! Modularity: how much more weight lies inside communities than a random graph with the same
//! strengths would put there.

use super::graph::Undirected;
use crate::view::View;

/// Newman's (2004) weighted modularity of a partition of the view taken as undirected:
///
/// Q = Σ_c [ L_c / m − γ (d_c / 2m)² ]
///
/// with m the total weight of the ties, L_c the weight of the ties inside community c and d_c
/// the summed strength of its actors; γ = 1 here. The view is taken as undirected: a pair tied
/// either way is one tie, weighing the larger of its arcs (on an undirected view, its edge).
/// `community[node]` is the community of each node (any labels below the number of nodes).
/// `None` when the view has no ties (m = 0) or `community` has the wrong length.
///
/// Numbers: NetworkX `community.modularity(G, partition, weight="weight")` on that undirected
/// graph, checked in `tests/cohesion.rs` against `tests/oracle/cohesion.py`.
///
/// # Complexity
/// O(n + m).
pub fn modularity(view: &View, community: &[u32]) -> Option<f64> {
    modularity_of(&Undirected::of(view), community, 1.0)
}

pub(crate) fn modularity_of(graph: &Undirected, community: &[u32], resolution: f64) -> Option<f64> {
    let n = graph.n_nodes();
    if community.len() != n || community.iter().any(|&c| c as usize >= n) {
        return None;
    }
    let mut inside = vec![0.0f64; n];
    let mut strength = vec![0.0f64; n];
    let mut total = 0.0;
    for v in 0..n as u32 {
        let c = community[v as usize] as usize;
        for (&u, &w) in graph.neighbors(v).iter().zip(graph.weights(v)) {
            strength[c] += w;
            total += w;
            if community[u as usize] as usize == c {
                inside[c] += w;
            }
        }
    }
    if total <= 0.0 {
        return None;
    }
    // `inside` counts each tie twice (once from each end), as `total` does: L_c/m = inside/total.
    let mut q = 0.0;
    for c in 0..n {
        if strength[c] > 0.0 {
            q += inside[c] / total - resolution * (strength[c] / total) * (strength[c] / total);
        }
    }
    Some(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_triangles_joined_by_a_tie() {
        let arcs = [
            (0, 1, 1.0),
            (1, 2, 1.0),
            (2, 0, 1.0),
            (3, 4, 1.0),
            (4, 5, 1.0),
            (5, 3, 1.0),
            (2, 3, 1.0),
        ];
        let view = View::from_arcs(6, arcs, false).unwrap();
        // NetworkX: modularity(G, [{0,1,2},{3,4,5}]) = 5/14.
        let q = modularity(&view, &[0, 0, 0, 1, 1, 1]).unwrap();
        assert!((q - 5.0 / 14.0).abs() < 1e-12, "{q}");
        assert_eq!(modularity(&View::from_arcs(2, [], false).unwrap(), &[0, 1]), None);
    }
}
