//! Burt's structural holes: constraint and effective size per node (as NetworkX's
//! `constraint` and `effective_size`), on the mutual graph of a view.

use rayon::prelude::*;

use super::finite;
use crate::view::View;

/// Per node, (constraint, effective size) as NetworkX computes them (see [`brokerage`](super::brokerage)).
pub(super) fn structural_holes(view: &View, weighted: bool) -> Vec<(Option<f64>, Option<f64>)> {
    let mutual = MutualTies::new(view, weighted);
    let borgatti = !view.is_directed() && !weighted;
    let n_nodes = view.n_nodes();
    (0..n_nodes)
        .into_par_iter()
        .map_init(
            || HoleScratch {
                stamp: vec![u32::MAX; n_nodes],
                indirect: vec![0.0; n_nodes],
                redundancy: vec![0.0; n_nodes],
            },
            |scratch, node| mutual.holes_of(node, borgatti, scratch),
        )
        .collect()
}

/// (constraint, effective size) of one node, as [`structural_holes`] gives them.
pub(crate) fn structural_holes_of(
    view: &View,
    node: u32,
    weighted: bool,
) -> (Option<f64>, Option<f64>) {
    let mutual = MutualTies::new(view, weighted);
    let borgatti = !view.is_directed() && !weighted;
    let n_nodes = view.n_nodes();
    let mut scratch = HoleScratch {
        stamp: vec![u32::MAX; n_nodes],
        indirect: vec![0.0; n_nodes],
        redundancy: vec![0.0; n_nodes],
    };
    mutual.holes_of(node as usize, borgatti, &mut scratch)
}

/// Per-thread scratch of [`structural_holes`], indexed by node.
pub(super) struct HoleScratch {
    /// `stamp[j] == i` marks j as a neighbour of the node i being scored.
    pub(super) stamp: Vec<u32>,
    /// Σ_w p_iw p_wj per neighbour j.
    pub(super) indirect: Vec<f64>,
    /// Σ_w p_iw m_jw per neighbour j.
    pub(super) redundancy: Vec<f64>,
}

/// The undirected "mutual" graph behind Burt's measures: for each node its in- and
/// out-neighbours, ascending, with a_ij = w(i→j) + w(j→i), plus each row's sum and maximum.
pub(super) struct MutualTies {
    offsets: Vec<usize>,
    neighbors: Vec<u32>,
    weights: Vec<f64>,
    sums: Vec<f64>,
    maxima: Vec<f64>,
}

impl MutualTies {
    pub(super) fn new(view: &View, weighted: bool) -> MutualTies {
        let n_nodes = view.n_nodes();
        let weight = |w: f64| if weighted { w } else { 1.0 };
        let mut offsets = Vec::with_capacity(n_nodes + 1);
        let mut neighbors = Vec::new();
        let mut weights = Vec::new();
        let mut sums = Vec::with_capacity(n_nodes);
        let mut maxima = Vec::with_capacity(n_nodes);
        offsets.push(0);
        for node in 0..n_nodes as u32 {
            // Merge the sorted out-row (i → j) and in-row (j → i).
            let (out_n, out_w) = (view.out_arcs().neighbors(node), view.out_arcs().weights(node));
            let (in_n, in_w) = (view.in_arcs().neighbors(node), view.in_arcs().weights(node));
            let (mut x, mut y) = (0, 0);
            while x < out_n.len() || y < in_n.len() {
                let next_out = out_n.get(x).copied().unwrap_or(u32::MAX);
                let next_in = in_n.get(y).copied().unwrap_or(u32::MAX);
                let neighbor = next_out.min(next_in);
                let mut a = 0.0;
                if next_out == neighbor {
                    a += weight(out_w[x]);
                    x += 1;
                }
                if next_in == neighbor {
                    a += weight(in_w[y]);
                    y += 1;
                }
                neighbors.push(neighbor);
                weights.push(a);
            }
            let row = &weights[offsets[node as usize]..];
            sums.push(row.iter().sum());
            maxima.push(row.iter().copied().fold(0.0, f64::max));
            offsets.push(neighbors.len());
        }
        MutualTies { offsets, neighbors, weights, sums, maxima }
    }

    fn row(&self, node: u32) -> (&[u32], &[f64]) {
        let range = self.offsets[node as usize]..self.offsets[node as usize + 1];
        (&self.neighbors[range.clone()], &self.weights[range])
    }

    /// (constraint, effective size) of `node`.
    pub(super) fn holes_of(
        &self,
        node: usize,
        borgatti: bool,
        scratch: &mut HoleScratch,
    ) -> (Option<f64>, Option<f64>) {
        let i = node as u32;
        let (ego_neighbors, ego_weights) = self.row(i);
        let ego_sum = self.sums[node];
        if ego_neighbors.is_empty() || ego_sum <= 0.0 {
            return (None, None);
        }
        for &j in ego_neighbors {
            scratch.stamp[j as usize] = i;
            scratch.indirect[j as usize] = 0.0;
            scratch.redundancy[j as usize] = 0.0;
        }
        // Paper symbols: p_iw = a_iw / Σ_k a_ik; p_wj = a_wj / Σ_k a_wk; m_jw = a_jw / max_k a_jk.
        let mut ties_among_neighbors = 0usize; // 2t in Borgatti's formula
        for (&w, &a_iw) in ego_neighbors.iter().zip(ego_weights) {
            let p_iw = a_iw / ego_sum;
            let w_sum = self.sums[w as usize];
            let (w_neighbors, w_weights) = self.row(w);
            let mut add = |j: u32, a_wj: f64| {
                ties_among_neighbors += 1;
                scratch.indirect[j as usize] += p_iw * (a_wj / w_sum);
                scratch.redundancy[j as usize] += p_iw * (a_wj / self.maxima[j as usize]);
            };
            // The common neighbours of i and w, walking the shorter row: a hub's neighbours
            // are not walked once per leaf. Each j gets one term per w, in the order of w, so
            // the sums are the same either way.
            if w_neighbors.len() <= ego_neighbors.len() {
                for (&j, &a_wj) in w_neighbors.iter().zip(w_weights) {
                    if scratch.stamp[j as usize] == i {
                        add(j, a_wj);
                    }
                }
            } else {
                for &j in ego_neighbors {
                    if let Ok(at) = w_neighbors.binary_search(&j) {
                        add(j, w_weights[at]);
                    }
                }
            }
        }
        let mut constraint = 0.0;
        let mut effective_size = 0.0;
        for (&j, &a_ij) in ego_neighbors.iter().zip(ego_weights) {
            let local = a_ij / ego_sum + scratch.indirect[j as usize];
            constraint += local * local;
            effective_size += 1.0 - scratch.redundancy[j as usize];
        }
        if borgatti {
            let n = ego_neighbors.len() as f64;
            effective_size = n - ties_among_neighbors as f64 / n;
        }
        (finite(constraint), finite(effective_size))
    }
}
