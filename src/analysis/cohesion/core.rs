//! Core numbers (k-cores): the largest k such that an actor belongs to a subgraph in which
//! every actor has at least k neighbours.

use super::graph::Undirected;
use crate::view::View;

/// The core number of every node, in node order, on the view taken as undirected (two actors
/// are neighbours when a tie joins them either way; weights are ignored).
///
/// The k-core is the largest subgraph in which every node has degree ≥ k (Seidman 1983); a
/// node's core number is the largest k whose k-core holds it. Computed by Batagelj &
/// Zaversnik's (2003) bucket algorithm: nodes are taken in order of their current degree,
/// smallest first, and each removal lowers its neighbours' degrees.
///
/// Numbers: NetworkX `core_number` on the undirected graph (`G.to_undirected()`), checked in
/// `tests/cohesion.rs` against `tests/oracle/cohesion.py`.
///
/// # Complexity
/// O(n + m).
pub fn core_numbers(view: &View) -> Vec<u32> {
    if view.is_directed() {
        core_numbers_of(&Undirected::of(view))
    } else {
        // An undirected view's rows are its neighbours already: no copy.
        let rows = view.out_arcs();
        bucket_cores(view.n_nodes(), |v| rows.neighbors(v))
    }
}

pub(crate) fn core_numbers_of(graph: &Undirected) -> Vec<u32> {
    bucket_cores(graph.n_nodes(), |v| graph.neighbors(v))
}

/// Batagelj–Zaversnik on `n` nodes whose (distinct, loop-free) neighbours `neighbors` gives.
fn bucket_cores<'g>(n: usize, neighbors: impl Fn(u32) -> &'g [u32]) -> Vec<u32> {
    let mut degree: Vec<u32> = (0..n as u32).map(|v| neighbors(v).len() as u32).collect();
    let max_degree = degree.iter().copied().max().unwrap_or(0) as usize;
    // Bucket sort by degree: `bin[d]` is where the nodes of degree d start in `order`.
    let mut bin = vec![0usize; max_degree + 2];
    for &d in &degree {
        bin[d as usize + 1] += 1;
    }
    for d in 1..bin.len() {
        bin[d] += bin[d - 1];
    }
    let mut position = vec![0usize; n];
    let mut order = vec![0u32; n];
    {
        let mut next = bin.clone();
        for v in 0..n {
            let d = degree[v] as usize;
            position[v] = next[d];
            order[next[d]] = v as u32;
            next[d] += 1;
        }
    }
    for i in 0..n {
        let v = order[i];
        let dv = degree[v as usize];
        for &u in neighbors(v) {
            let du = degree[u as usize];
            if du > dv {
                // Move u to the front of its bucket, then shrink the bucket by one.
                let pu = position[u as usize];
                let pw = bin[du as usize];
                let w = order[pw];
                if u != w {
                    order.swap(pu, pw);
                    position[u as usize] = pw;
                    position[w as usize] = pu;
                }
                bin[du as usize] += 1;
                degree[u as usize] = du - 1;
            }
        }
    }
    degree
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_triangle_with_a_tail() {
        let view = View::from_arcs(5, [(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0), (2, 3, 1.0)], false)
            .unwrap();
        assert_eq!(core_numbers(&view), vec![2, 2, 2, 1, 0]);
    }

    #[test]
    fn direction_is_ignored() {
        let view = View::from_arcs(3, [(0, 1, 1.0), (1, 0, 1.0), (1, 2, 1.0)], true).unwrap();
        assert_eq!(core_numbers(&view), vec![1, 1, 1]);
    }
}
