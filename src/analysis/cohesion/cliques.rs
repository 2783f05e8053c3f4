//! Maximal cliques: the largest sets of actors that are all tied to one another, found by
//! Bron–Kerbosch with pivoting, iteratively.

use std::cmp::Reverse;

use super::core::core_numbers_of;
use super::graph::Undirected;
use crate::analysis::kernels::count_common;
use crate::model::{ActorId, Network};
use crate::view::View;

/// The maximal cliques of a view, the largest first.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Cliques {
    /// The cliques kept (at most the limit asked for): each one's actors ascending by id (the
    /// actor's key, as every list is ordered); the cliques by size, largest first, then by their
    /// actors' ids.
    pub cliques: Vec<Vec<ActorId>>,
    /// How many maximal cliques the view has (the kept ones and the others).
    pub total: u64,
    /// The size of the largest clique (0 on an empty view).
    pub largest: usize,
}

/// The maximal cliques of `view` (of `network`) taken as undirected (two actors are neighbours when a tie
/// joins them either way), keeping the first `limit` in the order of [`Cliques::cliques`] and
/// counting all. An isolated actor is a clique of one, a tie in no triangle one of two.
///
/// Bron & Kerbosch (1973) with Tomita, Tanaka & Takahashi's (2006) pivot (the candidate or
/// excluded node with the most neighbours among the candidates), nodes taken at the top level in
/// degeneracy order (Eppstein, Löffler & Strash 2010). The search keeps its own stack: no
/// recursion, so its depth is bounded by memory.
///
/// Numbers: the cliques of NetworkX `find_cliques` on `G.to_undirected()` (the same sets),
/// checked in `tests/cohesion.rs` against `tests/oracle/cohesion.py`.
///
/// # Complexity
/// O(3^{n/3}) in the worst case (Moon–Moser graphs have that many cliques); O(d·n·3^{d/3}) for
/// degeneracy d, small on sparse networks.
pub fn maximal_cliques(network: &Network, view: &View, limit: usize) -> Cliques {
    let graph = Undirected::of(view);
    let n = graph.n_nodes();
    let core = core_numbers_of(&graph);
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by_key(|&v| (core[v as usize], graph.degree(v), v));
    let mut rank = vec![0u32; n];
    for (i, &v) in order.iter().enumerate() {
        rank[v as usize] = i as u32;
    }
    let mut kept = Kept { network, limit, cliques: Vec::new(), total: 0, largest: 0 };
    let mut r: Vec<u32> = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    for &v in &order {
        let (mut p, mut x) = (Vec::new(), Vec::new());
        for &u in graph.neighbors(v) {
            if rank[u as usize] > rank[v as usize] { p.push(u) } else { x.push(u) }
        }
        r.push(v);
        if p.is_empty() {
            if x.is_empty() {
                kept.add(view, &r);
            }
            r.pop();
            continue;
        }
        stack.push(Frame::new(&graph, p, x));
        while let Some(top) = stack.last_mut() {
            let Some(&u) = top.todo.get(top.next) else {
                stack.pop();
                r.pop();
                continue;
            };
            top.next += 1;
            let neighbors = graph.neighbors(u);
            let p = intersect(&top.p, neighbors);
            let x = intersect(&top.x, neighbors);
            if let Ok(i) = top.p.binary_search(&u) {
                top.p.remove(i);
            }
            if let Err(i) = top.x.binary_search(&u) {
                top.x.insert(i, u);
            }
            r.push(u);
            if p.is_empty() {
                if x.is_empty() {
                    kept.add(view, &r);
                }
                r.pop();
                continue;
            }
            stack.push(Frame::new(&graph, p, x));
        }
    }
    kept.finish()
}

/// One level of the search: candidates `p`, excluded `x`, and the candidates left to branch on.
struct Frame {
    p: Vec<u32>,
    x: Vec<u32>,
    todo: Vec<u32>,
    next: usize,
}

impl Frame {
    fn new(graph: &Undirected, p: Vec<u32>, x: Vec<u32>) -> Frame {
        // Tomita's pivot: the node of P ∪ X with the most neighbours in P (first one on ties).
        let mut pivot = p[0];
        let mut best: Option<usize> = None;
        for &u in p.iter().chain(&x) {
            let count = count_common(&p, graph.neighbors(u));
            if best.is_none_or(|b| count > b) {
                best = Some(count);
                pivot = u;
            }
            if count == p.len() {
                break;
            }
        }
        let pivot_neighbors = graph.neighbors(pivot);
        let todo =
            p.iter().copied().filter(|u| pivot_neighbors.binary_search(u).is_err()).collect();
        Frame { p, x, todo, next: 0 }
    }
}

/// The values of ascending `a` that are in ascending `b`.
fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// The cliques kept so far: at most `2 · limit` between trims to the first `limit`.
struct Kept<'n> {
    network: &'n Network,
    limit: usize,
    cliques: Vec<Vec<ActorId>>,
    total: u64,
    largest: usize,
}

impl Kept<'_> {
    fn add(&mut self, view: &View, nodes: &[u32]) {
        self.total += 1;
        self.largest = self.largest.max(nodes.len());
        if self.limit == 0 {
            return;
        }
        let mut clique: Vec<ActorId> = nodes.iter().map(|&v| view.actor(v)).collect();
        let network = self.network;
        clique.sort_unstable_by(|&a, &b| network.actor(a).key.cmp(&network.actor(b).key));
        self.cliques.push(clique);
        if self.cliques.len() >= self.limit.saturating_mul(2).max(1024) {
            self.trim();
        }
    }

    fn trim(&mut self) {
        let network = self.network;
        let keys = |clique: &[ActorId]| -> Vec<&str> {
            clique.iter().map(|&a| network.actor(a).key.as_str()).collect()
        };
        self.cliques.sort_unstable_by(|a, b| {
            Reverse(a.len()).cmp(&Reverse(b.len())).then_with(|| keys(a).cmp(&keys(b)))
        });
        self.cliques.truncate(self.limit);
    }

    fn finish(mut self) -> Cliques {
        self.trim();
        Cliques { cliques: self.cliques, total: self.total, largest: self.largest }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A network of `n` actors keyed `a0`, `a1`, … in index order (single digits: keys sort
    /// as indices do).
    fn network(n: usize) -> Network {
        let mut builder = crate::model::NetworkBuilder::default();
        for i in 0..n {
            builder.actors.push(crate::model::Actor { key: format!("a{i}"), ..Default::default() });
        }
        builder.build().unwrap()
    }

    fn ids(cliques: &Cliques) -> Vec<Vec<usize>> {
        cliques.cliques.iter().map(|c| c.iter().map(|a| a.index()).collect()).collect()
    }

    #[test]
    fn two_triangles_sharing_a_tie_and_an_isolate() {
        let arcs = [(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0), (1, 3, 1.0), (2, 3, 1.0), (3, 4, 1.0)];
        let view = View::from_arcs(6, arcs, false).unwrap();
        let cliques = maximal_cliques(&network(6), &view, 10);
        assert_eq!(ids(&cliques), vec![vec![0, 1, 2], vec![1, 2, 3], vec![3, 4], vec![5]]);
        assert_eq!((cliques.total, cliques.largest), (4, 3));
        let capped = maximal_cliques(&network(6), &view, 1);
        assert_eq!(ids(&capped), vec![vec![0, 1, 2]]);
        assert_eq!(capped.total, 4);
    }

    #[test]
    fn a_complete_graph_is_one_clique() {
        let mut arcs = Vec::new();
        for a in 0..6u32 {
            for b in a + 1..6 {
                arcs.push((a, b, 1.0));
            }
        }
        let view = View::from_arcs(6, arcs, true).unwrap();
        let cliques = maximal_cliques(&network(6), &view, 5);
        assert_eq!(ids(&cliques), vec![vec![0, 1, 2, 3, 4, 5]]);
    }
}
