//! The force-directed layout for large views: a multilevel spring–electrical model (Hu 2005,
//! as Graphviz's sfdp) with Barnes–Hut repulsion.

use rayon::prelude::*;

use super::distances::{Graph, UNREACHED};
use super::pivot_mds::{Pivots, fit_scale};
use super::quadtree::QuadTree;
use super::stress::{PIVOTS, jitter, stress_layout};
use crate::random::SplitMix64;

/// The natural spring length `K` of the model.
const K: f64 = 1.0;

/// The relative strength `C` of the repulsion (Hu 2005 uses 0.2).
const C: f64 = 0.2;

/// Barnes–Hut opening criterion: a square of side `s` at distance `d` counts as one body when
/// `s / d < THETA`.
const THETA: f64 = 0.9;

/// Nodes per chunk of parallel force evaluation (fixed, so the work never depends on threads;
/// each node's force is computed by one call wherever it runs).
const NODES_PER_CHUNK: usize = 1024;

/// Most sweeps of the refinement on the coarser levels ...
const MAX_SWEEPS: usize = 100;

/// ... and on the graph itself, which starts from a good layout of the level above.
const FINEST_SWEEPS: usize = 50;

/// Coarsening stops at this many nodes (laid out by stress majorization) ...
const COARSEST: usize = 100;

/// ... or when a level keeps more than this share of the nodes of the one below.
const STALL: f64 = 0.75;

/// A force-directed layout of a connected graph (local node order).
///
/// The multilevel spring–electrical model of Hu (2005, "Efficient, high-quality force-directed
/// graph drawing", Mathematica Journal 10(1)), as in Graphviz's sfdp: an edge pulls with
/// `‖x_i − x_j‖² / K`, every pair pushes with `C K² / ‖x_i − x_j‖`, the push summed with a
/// Barnes–Hut quadtree (Barnes & Hut 1986, θ = 0.9) in O(n log n). The graph is coarsened
/// level by level ([`coarsen`]: each node matched with a neighbour, in a seeded random order)
/// until at most 100 nodes remain or a level keeps more than 3/4 of the nodes; the coarsest
/// level is laid out by stress majorization, and each finer level starts from the one above
/// (every node at its cluster's place, scaled by `√(n_fine / n_coarse)` so that the area per
/// node stays, with a seeded jitter of 0.1 K) and is refined by the forces. Each sweep moves
/// every node by `step` along its net force (forces from the sweep's start positions,
/// computed in parallel, each by one call: the same at any thread count), with Hu's adaptive
/// step (×1/0.9 after five sweeps of falling energy, ×0.9 when it rises), until the mean move
/// is below 10⁻³ K, or 100 sweeps (50 on the finest level). The result is scaled to hop units
/// by the stress-optimal factor against 100 max–min pivots' distances.
pub(crate) fn force_layout(graph: &Graph, rng: &mut SplitMix64) -> Vec<[f64; 2]> {
    let n = graph.n();
    if n <= 2 {
        return stress_layout(graph, None, rng);
    }
    // Each level: the finer graph and the cluster of each of its nodes in the next one.
    let mut levels: Vec<(Graph, Vec<u32>)> = Vec::new();
    let mut current = graph.clone();
    while current.n() > COARSEST {
        let (coarse, parent) = coarsen(&current, rng);
        if coarse.n() as f64 > STALL * current.n() as f64 {
            break;
        }
        levels.push((std::mem::replace(&mut current, coarse), parent));
    }
    let mut positions = stress_layout(&current, None, rng);
    let mut coarse_n = current.n();
    for (depth, (fine, parent)) in levels.iter().enumerate().rev() {
        let grow = (fine.n() as f64 / coarse_n.max(1) as f64).sqrt();
        let mut next: Vec<[f64; 2]> = parent
            .iter()
            .map(|&c| {
                let p = positions[c as usize];
                [p[0] * grow, p[1] * grow]
            })
            .collect();
        jitter(&mut next, 0.1 * K, rng);
        let sweeps = if depth == 0 { FINEST_SWEEPS } else { MAX_SWEEPS };
        refine(fine, &mut next, sweeps);
        positions = next;
        coarse_n = fine.n();
    }
    let pivots = Pivots::max_min(graph, PIVOTS, rng);
    fit_scale(&mut positions, &pivots);
    positions
}

/// One level coarser: `(coarse graph, cluster of each node)`.
///
/// The nodes are visited in a seeded random order; an unclustered node is matched with its
/// unclustered neighbour of the fewest neighbours (ties: the smallest), or, when every
/// neighbour is clustered already, joins the smallest of their clusters (ties: the first made).
/// So every cluster has at least two nodes and the coarse graph at most half of them (a star
/// becomes one node); two clusters are adjacent when any of their members are. O(n + m log m).
pub(crate) fn coarsen(graph: &Graph, rng: &mut SplitMix64) -> (Graph, Vec<u32>) {
    let n = graph.n();
    let mut order: Vec<u32> = (0..n as u32).collect();
    for at in (1..n).rev() {
        let pick = rng.below(at as u64 + 1) as usize;
        order.swap(at, pick);
    }
    let mut parent = vec![UNREACHED; n];
    let mut size: Vec<u32> = Vec::new();
    for &v in &order {
        if parent[v as usize] != UNREACHED {
            continue;
        }
        let neighbors = graph.neighbors(v);
        let mate = neighbors
            .iter()
            .copied()
            .filter(|&u| parent[u as usize] == UNREACHED)
            .min_by_key(|&u| (graph.neighbors(u).len(), u));
        let cluster = match mate {
            Some(u) => {
                parent[u as usize] = size.len() as u32;
                size.push(1);
                size.len() - 1
            }
            None => match neighbors
                .iter()
                .map(|&u| parent[u as usize])
                .min_by_key(|&c| (size[c as usize], c))
            {
                Some(c) => c as usize,
                None => {
                    size.push(0);
                    size.len() - 1
                }
            },
        };
        parent[v as usize] = cluster as u32;
        size[cluster] += 1;
    }
    let mut lists: Vec<Vec<u32>> = vec![Vec::new(); size.len()];
    for v in 0..n as u32 {
        let c = parent[v as usize];
        for &u in graph.neighbors(v) {
            let d = parent[u as usize];
            if d != c {
                lists[c as usize].push(d);
            }
        }
    }
    for list in &mut lists {
        list.sort_unstable();
        list.dedup();
    }
    (Graph::from_lists(&lists), parent)
}

/// Hu's adaptive-step iteration of the spring–electrical forces, in place, at most `sweeps`.
fn refine(graph: &Graph, positions: &mut [[f64; 2]], sweeps: usize) {
    let n = graph.n();
    let mut step = 0.1 * K;
    let mut energy = f64::INFINITY;
    let mut progress = 0;
    let mut forces = vec![[0.0f64; 2]; n];
    for _ in 0..sweeps {
        let tree = QuadTree::build(positions);
        let start: &[[f64; 2]] = positions;
        forces.par_chunks_mut(NODES_PER_CHUNK).enumerate().for_each(|(chunk, slots)| {
            let mut stack = Vec::new();
            for (offset, slot) in slots.iter_mut().enumerate() {
                let i = chunk * NODES_PER_CHUNK + offset;
                let p = start[i];
                let push = tree.repulsion(i as u32, p, THETA, &mut stack);
                let mut f = [C * K * K * push[0], C * K * K * push[1]];
                for &j in graph.neighbors(i as u32) {
                    let q = start[j as usize];
                    let (dx, dy) = (q[0] - p[0], q[1] - p[1]);
                    let l = (dx * dx + dy * dy).sqrt();
                    f[0] += dx * l / K;
                    f[1] += dy * l / K;
                }
                *slot = f;
            }
        });
        let previous = energy;
        energy = 0.0;
        let mut moved = 0.0;
        for (p, f) in positions.iter_mut().zip(&forces) {
            let norm = (f[0] * f[0] + f[1] * f[1]).sqrt();
            if norm > 0.0 && norm.is_finite() {
                p[0] += step * f[0] / norm;
                p[1] += step * f[1] / norm;
                moved += step;
                energy += norm * norm;
            }
        }
        if energy < previous {
            progress += 1;
            if progress >= 5 {
                progress = 0;
                step /= 0.9;
            }
        } else {
            progress = 0;
            step *= 0.9;
        }
        if moved / (n as f64) < 1e-3 * K {
            break;
        }
    }
}
