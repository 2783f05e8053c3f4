//! The force-directed layout for large views: a spring–electrical model (Hu 2005) with
//! Barnes–Hut repulsion, refined from a pivot MDS start.

use rayon::prelude::*;

use super::distances::Graph;
use super::pivot_mds::{Pivots, fit_scale, pivot_mds};
use super::quadtree::QuadTree;
use super::stress::{PIVOTS, jitter};
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

/// Most sweeps of the refinement.
const MAX_SWEEPS: usize = 100;

/// A force-directed layout of a connected graph (local node order).
///
/// The spring–electrical model of Hu (2005, "Efficient, high-quality force-directed graph
/// drawing", Mathematica Journal 10(1)), as in Graphviz's sfdp: an edge pulls with
/// `‖x_i − x_j‖² / K`, every pair pushes with `C K² / ‖x_i − x_j‖`, the push summed with a
/// Barnes–Hut quadtree (Barnes & Hut 1986, θ = 0.9) in O(n log n). Each sweep moves every
/// actor by `step` along its net force (forces from the sweep's start positions, computed in
/// parallel, each by one call: the same at any thread count), with Hu's adaptive step (×1/0.9
/// after five sweeps of falling energy, ×0.9 when it rises), until the mean move is below
/// 10⁻³ K or 100 sweeps. In place of sfdp's coarsening hierarchy the global shape comes from a
/// pivot MDS start (Brandes & Pich 2006), which the forces only refine. The result is scaled
/// to hop units by the stress-optimal factor against the pivots' distances.
pub(crate) fn force_layout(graph: &Graph, rng: &mut SplitMix64) -> Vec<[f64; 2]> {
    let n = graph.n();
    if n <= 2 {
        return super::stress::stress_layout(graph, None, rng);
    }
    let pivots = Pivots::max_min(graph, PIVOTS, rng);
    let mut positions = pivot_mds(graph, &pivots, rng);
    jitter(&mut positions, 1e-3, rng);
    refine(graph, &mut positions);
    fit_scale(&mut positions, &pivots);
    positions
}

/// Hu's adaptive-step iteration of the spring–electrical forces, in place.
fn refine(graph: &Graph, positions: &mut [[f64; 2]]) {
    let n = graph.n();
    let mut step = 0.1 * K;
    let mut energy = f64::INFINITY;
    let mut progress = 0;
    let mut forces = vec![[0.0f64; 2]; n];
    for _ in 0..MAX_SWEEPS {
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
