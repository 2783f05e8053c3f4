//! Shortest-path betweenness, exact (Brandes) or estimated from stratified pivots with
//! position-scaled credits.

use super::{BetweennessConfig, Sample};
use crate::analysis::error::AnalysisError;
use crate::analysis::kernels::{self, PathGraph, PathLength};
use crate::analysis::progress::Progress;
use crate::random::SplitMix64;
use crate::view::View;

/// Shortest-path betweenness (Freeman 1977), computed with Brandes' algorithm (Brandes 2001),
/// normalized: the share of shortest paths between other pairs that pass through a node.
///
/// `b(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st`, where σ_st counts the shortest s–t paths and σ_st(v)
/// those through v, summed over ordered pairs and divided by (n − 1)(n − 2) — on an undirected
/// view that is the unordered sum times 2 / ((n − 1)(n − 2)). With n ≤ 2 every value is 0.
/// With [`PathLength::InverseWeight`] a tie's length is `1 / weight`, and two path lengths
/// within a relative 1e-10 of each other are equal (as igraph compares them), so the result is
/// the one of exact rational arithmetic. NetworkX compares float sums with `==` and so treats
/// e.g. 1/3 + 1/6 and 1/2 as different; where that happens NetworkX's weighted values differ
/// from these (and from exact arithmetic).
///
/// With a [`Sample`] of k < n pivots the value is estimated from k single-source searches
/// (Brandes & Pich 2007), with two variance reductions:
/// - *Credits scaled by position* (Geisberger, Sanders & Schultes 2008): a search from pivot p
///   credits v with σ_pt(v) / σ_pt · a(d(p, v)) / (a(d(p, t)) + β) for every target t, a search
///   towards p (along incoming arcs) credits v with σ_sp(v) / σ_sp · a(d(v, p)) / (a(d(s, p)) + β)
///   for every source s, where a(d) = d + β and β = −0.99 ℓ for the shortest tie ℓ (1 in hops).
///   Since d(s, v) + d(v, t) = d(s, t), the two credits of a pair add up to σ_st(v) / σ_st. β = 0
///   is Geisberger's linear scaling; β near −ℓ is close to his bisection scaling, which gives a
///   pair's share to the end farther from v. Brandes–Pich's plain n / k · Σ_p δ_p(v) instead
///   hands every node next to a pivot that pivot's whole dependency: a rare, large term that
///   makes central nodes noisy.
/// - *Stratified pivots*: the nodes in breadth-first order are cut into k runs of ⌊n/k⌋ or
///   ⌈n/k⌉ consecutive nodes, and one pivot is drawn from each run, weighted by the run's
///   length. Neighbours sit in the same or nearby runs, so every region of the network gets its
///   share of pivots.
///
/// Each node is a pivot with probability 1 / (length of its run), so the estimate is
/// unbiased. On an undirected view the search towards p is the search from p, run once. On a
/// Barabási–Albert graph of 20,000 nodes with 2,000 pivots the mean relative error on the top
/// 100 is about 2 % (12 % for Brandes–Pich's estimator with uniform pivots).
/// Exact at k ≥ n.
///
/// Values are in node order. Bit-identical at any thread count.
///
/// Matches NetworkX 3.x `betweenness_centrality(G, normalized=True)` (weighted:
/// `weight="distance"` with distance = 1 / weight, up to the floating-point ties above) and
/// igraph `betweenness(normalized = TRUE)`.
///
/// # Errors
/// [`AnalysisError::InvalidParameter`] for a sample of 0 pivots.
///
/// # Complexity
/// O(k·m) time for k sources (all n when exact), O(k·(m + n log n)) weighted; O(n) memory per
/// thread.
pub fn betweenness(view: &View, config: &BetweennessConfig) -> Result<Vec<f64>, AnalysisError> {
    betweenness_with_progress(view, config, &())
}

pub(super) fn betweenness_with_progress(
    view: &View,
    config: &BetweennessConfig,
    progress: &dyn Progress,
) -> Result<Vec<f64>, AnalysisError> {
    let n = view.n_nodes();
    let mut values = match config.sample {
        Some(Sample { pivots: 0, .. }) => {
            return Err(AnalysisError::InvalidParameter(
                "betweenness sampling needs at least 1 pivot".to_owned(),
            ));
        }
        Some(Sample { pivots, seed }) if pivots < n => {
            scaled_estimate(view, config.path_length, pivots, seed, progress)
        }
        _ => {
            let sources: Vec<u32> = (0..n as u32).collect();
            let graph = PathGraph::new(view.out_arcs(), config.path_length);
            kernels::dependency_sums(&graph, &sources, progress)
        }
    };
    if n > 2 {
        let pairs = ((n - 1) as u64 * (n - 2) as u64) as f64;
        let scale = 1.0 / pairs;
        for value in &mut values {
            *value *= scale;
        }
    }
    Ok(values)
}

/// Share of the shortest tie ℓ that β in [`betweenness`]'s sampled estimate leaves: β = −0.99 ℓ.
const NEAR_BISECTION: f64 = 0.01;

/// The estimate of the raw betweenness sums from `pivots` stratified pivots drawn with `seed`
/// (see [`betweenness`]): Σ_p weight_p · (credits of the search from p + credits of the search
/// towards p).
fn scaled_estimate(
    view: &View,
    path_length: PathLength,
    pivots: usize,
    seed: u64,
    progress: &dyn Progress,
) -> Vec<f64> {
    let from = PathGraph::new(view.out_arcs(), path_length);
    let drawn = stratified_pivots(from.nodes_in_breadth_first_order(), pivots, seed);
    estimate_from(view, &from, path_length, &drawn, progress)
}

/// Σ_p weight_p · (credits of the search from p + credits of the search towards p) for the
/// weighted pivots `drawn`; `from` is the view's outgoing rows.
pub(super) fn estimate_from(
    view: &View,
    from: &PathGraph,
    path_length: PathLength,
    drawn: &[(u32, f64)],
    progress: &dyn Progress,
) -> Vec<f64> {
    let offset = -(1.0 - NEAR_BISECTION) * from.shortest_tie();
    let forward = kernels::scaled_credit_sums(from, drawn, offset, progress);
    if !view.is_directed() {
        return forward.iter().map(|f| 2.0 * f).collect();
    }
    let towards = PathGraph::new(view.in_arcs(), path_length);
    let backward = kernels::scaled_credit_sums(&towards, drawn, offset, progress);
    forward.iter().zip(&backward).map(|(f, b)| f + b).collect()
}

/// One node drawn uniformly from each of `pivots` runs of consecutive `nodes` (run i covers
/// positions ⌊i·n/k⌋ up to ⌊(i + 1)·n/k⌋), with the run's length as its weight: every node is
/// drawn with probability 1 / weight. Runs in order; the draws use [`SplitMix64`] seeded with
/// `seed`.
pub(super) fn stratified_pivots(nodes: &[u32], pivots: usize, seed: u64) -> Vec<(u32, f64)> {
    let (n, k) = (nodes.len() as u64, pivots.clamp(1, nodes.len().max(1)) as u64);
    let mut rng = SplitMix64::new(seed);
    (0..k)
        .filter_map(|i| {
            let (from, to) = (i * n / k, (i + 1) * n / k);
            let at = from + rng.below(to.checked_sub(from).filter(|&len| len > 0)?);
            Some((nodes[at as usize], (to - from) as f64))
        })
        .collect()
}
