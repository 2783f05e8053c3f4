//! Power iterations: PageRank (the NetworkX update) and the dominant eigenvector of a
//! component (shifted, so periodic graphs converge), each row computed by one thread.

use rayon::prelude::*;

use super::reduce::{PARALLEL_MIN_NODES, fill_blocks, fill_rows};
use crate::view::Csr;

/// When a power iteration stops.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Stopping {
    /// When the L1 change between iterates, relative to the L1 norm of the iterate, drops
    /// below the tolerance times the number of nodes (NetworkX's `err < N * tol`); failure
    /// after the given number of iterations.
    Tolerance {
        /// Largest L1 change accepted per node, relative to the iterate's L1 norm.
        tolerance: f64,
        /// Iterations allowed.
        max_iterations: usize,
    },
    /// After exactly this many iterations.
    Iterations(usize),
}

/// A power iteration that did not converge: iterations run and the last L1 change (relative
/// to the iterate's L1 norm).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Diverged {
    pub(crate) iterations: usize,
    pub(crate) residual: f64,
}

/// PageRank by power iteration (the NetworkX `_pagerank_scipy` update):
/// `x'[v] = α (Σ_{u→v} x[u] w_uv / W_u + D · dangling[v]) + (1 − α) teleport[v]`, where `W_u`
/// is u's out-strength and D the mass on nodes without out-arcs. `in_rows` are the incoming
/// arcs, `out_strength` the out-strengths; `start` is the first iterate.
///
/// Each iteration is one pass over the rows, in blocks of
/// [`NODES_PER_BLOCK`](super::reduce::NODES_PER_BLOCK) nodes over threads: a block computes
/// its nodes' values, each summing its incoming arcs in row order, and its part of the L1
/// change; the parts are added in block order. So the result is the same at any thread count.
///
/// With [`Stopping::Tolerance`] it stops when the L1 change is below `tolerance · n · ‖x‖₁`
/// (‖x‖₁ is 1 up to rounding): an absolute bound would sit below the rounding noise of a node
/// summing thousands of terms (a star's hub), which moves the L1 change by about n·ε however
/// long one iterates.
pub(crate) fn pagerank(
    in_rows: &Csr,
    out_strength: &[f64],
    alpha: f64,
    teleport: &[f64],
    start: Vec<f64>,
    stopping: Stopping,
) -> Result<Vec<f64>, Diverged> {
    let n = out_strength.len();
    let (offsets, sources, weights) = in_rows.parts();
    let inverse_out: Vec<f64> =
        out_strength.iter().map(|&s| if s > 0.0 { 1.0 / s } else { 0.0 }).collect();
    // Transition probability of every incoming arc, as NetworkX forms `Q @ A`.
    let share: Vec<f64> = if n < PARALLEL_MIN_NODES {
        sources.iter().zip(weights).map(|(&u, &w)| w * inverse_out[u as usize]).collect()
    } else {
        sources.par_iter().zip(weights).map(|(&u, &w)| w * inverse_out[u as usize]).collect()
    };
    let dangling: Vec<u32> = (0..n as u32).filter(|&u| out_strength[u as usize] <= 0.0).collect();
    let mut x = start;
    let mut next = vec![0.0; n];
    let (max_iterations, tolerance) = match stopping {
        Stopping::Tolerance { tolerance, max_iterations } => (max_iterations, Some(tolerance)),
        Stopping::Iterations(k) => (k, None),
    };
    let mut residual = f64::INFINITY;
    let n_nodes = n as f64;
    for _ in 0..max_iterations {
        let dangling_mass: f64 = dangling.iter().map(|&u| x[u as usize]).sum();
        let x_now = &x;
        let value = |v: usize, sum: f64| {
            alpha * (sum + dangling_mass * teleport[v]) + (1.0 - alpha) * teleport[v]
        };
        let row = |v: usize| {
            let arcs = offsets[v] as usize..offsets[v + 1] as usize;
            (&sources[arcs.clone()], &share[arcs])
        };
        residual = fill_blocks(&mut next, |first, values| {
            let mut change = 0.0;
            let mut v = first;
            let mut pairs = values.chunks_exact_mut(2);
            for pair in &mut pairs {
                let (a, b) = two_weighted_sums(x_now, row(v), row(v + 1));
                pair[0] = value(v, a);
                pair[1] = value(v + 1, b);
                change += (pair[0] - x_now[v]).abs();
                change += (pair[1] - x_now[v + 1]).abs();
                v += 2;
            }
            for slot in pairs.into_remainder() {
                let (row_sources, row_shares) = row(v);
                *slot = value(v, weighted_sum(x_now, row_sources, row_shares, 0.0));
                change += (*slot - x_now[v]).abs();
            }
            change
        });
        std::mem::swap(&mut x, &mut next);
        if let Some(tolerance) = tolerance {
            let norm: f64 = x.iter().map(|v| v.abs()).sum();
            residual /= norm;
            if residual < tolerance * n_nodes {
                return Ok(x);
            }
        }
    }
    match tolerance {
        None => Ok(x),
        Some(_) => Err(Diverged { iterations: max_iterations, residual }),
    }
}

/// `sum + Σ_i x[sources[i]] · shares[i]`, added in order.
#[inline]
fn weighted_sum(x: &[f64], sources: &[u32], shares: &[f64], mut sum: f64) -> f64 {
    for (&source, &share) in sources.iter().zip(shares) {
        sum += x[source as usize] * share;
    }
    sum
}

/// [`weighted_sum`] of two rows from 0, their arcs taken in step so that the two chains of
/// additions overlap (the loop waits on scattered reads of `x`); each row still adds its own
/// terms in order, so both sums are exactly those of [`weighted_sum`].
#[inline]
fn two_weighted_sums(x: &[f64], a: (&[u32], &[f64]), b: (&[u32], &[f64])) -> (f64, f64) {
    let common = a.0.len().min(b.0.len());
    let (mut sum_a, mut sum_b) = (0.0, 0.0);
    for (((&source_a, &share_a), &source_b), &share_b) in
        a.0[..common].iter().zip(&a.1[..common]).zip(&b.0[..common]).zip(&b.1[..common])
    {
        sum_a += x[source_a as usize] * share_a;
        sum_b += x[source_b as usize] * share_b;
    }
    (
        weighted_sum(x, &a.0[common..], &a.1[common..], sum_a),
        weighted_sum(x, &b.0[common..], &b.1[common..], sum_b),
    )
}

/// The dominant left eigenvector of the weighted adjacency matrix restricted to `members` (a
/// set of nodes closed under arcs, such as a weak component): `λ x_v = Σ_{u→v} w_uv x_u`, with
/// `‖x‖₂ = 1` and x > 0. Returns the values of `members`, in their order.
///
/// Power iteration on `A^T + σ I` with σ = ‖A^T x‖ / 2 re-estimated each step: the shift keeps
/// the eigenvectors and moves every other eigenvalue strictly inside the dominant one's circle,
/// so bipartite and periodic graphs converge too (plain `A^T` would oscillate there).
pub(crate) fn dominant_eigenvector(
    in_rows: &Csr,
    members: &[u32],
    tolerance: f64,
    max_iterations: usize,
) -> Result<Vec<f64>, Diverged> {
    let (offsets, sources, weights) = in_rows.parts();
    let n = offsets.len().saturating_sub(1);
    let k = members.len();
    let mut x = vec![0.0; n];
    let start = 1.0 / (k as f64).sqrt();
    for &v in members {
        x[v as usize] = start;
    }
    let mut next = vec![0.0; k];
    let mut residual = f64::INFINITY;
    for iteration in 0..max_iterations {
        fill_rows(&mut next, |i| {
            let v = members[i] as usize;
            let mut sum = 0.0;
            for arc in offsets[v] as usize..offsets[v + 1] as usize {
                sum += weights[arc] * x[sources[arc] as usize];
            }
            sum
        });
        let rho = next.iter().map(|y| y * y).sum::<f64>().sqrt();
        if rho == 0.0 || !rho.is_finite() {
            return Err(Diverged { iterations: iteration + 1, residual });
        }
        let shift = rho / 2.0;
        for (y, &v) in next.iter_mut().zip(members) {
            *y += shift * x[v as usize];
        }
        let norm = next.iter().map(|y| y * y).sum::<f64>().sqrt();
        residual = 0.0;
        for (y, &v) in next.iter_mut().zip(members) {
            *y /= norm;
            residual += (*y - x[v as usize]).abs();
            x[v as usize] = *y;
        }
        // ‖x‖₂ = 1: the L1 change is relative to the iterate's norm, and the bound grows with
        // the component as NetworkX's `err < nnodes * tol` does, so the rounding noise of a
        // node that sums thousands of terms (a star's hub) never holds the iteration up.
        if residual < tolerance * k as f64 {
            return Ok(next);
        }
    }
    Err(Diverged { iterations: max_iterations, residual })
}
