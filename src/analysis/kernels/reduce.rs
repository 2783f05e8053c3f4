//! Deterministic parallel reductions: work is cut into fixed-size chunks and blocks (never by
//! thread count), and partial results are added in chunk order, so sums are bit-identical at
//! any thread count.

use rayon::prelude::*;

/// Sources per chunk of parallel work. Fixed, so the reduction order never depends on the
/// number of threads.
pub(super) const SOURCES_PER_CHUNK: usize = 32;

/// Partial sums (in `f64`s) that one wave of chunks may hold at once: about 32 MiB.
pub(super) const WAVE_BUDGET: usize = 1 << 22;

/// Nodes per block when per-node work is spread over threads.
pub(super) const NODES_PER_BLOCK: usize = 4096;

/// Below this many nodes, power iterations run on the calling thread (the arithmetic is the
/// same either way).
pub(super) const PARALLEL_MIN_NODES: usize = 16_384;

/// Adds `partials` to `total` element by element, always in the order of `partials`.
pub(super) fn add_in_order(total: &mut [f64], partials: &[Vec<f64>]) {
    total.par_chunks_mut(NODES_PER_BLOCK).enumerate().for_each(|(block, slots)| {
        let start = block * NODES_PER_BLOCK;
        for partial in partials {
            for (slot, value) in slots.iter_mut().zip(&partial[start..]) {
                *slot += value;
            }
        }
    });
}

/// Sets `out[i] = row(i)` for every i, over threads for large outputs. Each element is
/// computed by one call whichever thread runs it, so the result never depends on threads.
pub(super) fn fill_rows(out: &mut [f64], row: impl Fn(usize) -> f64 + Sync) {
    if out.len() < PARALLEL_MIN_NODES {
        for (i, slot) in out.iter_mut().enumerate() {
            *slot = row(i);
        }
    } else {
        out.par_chunks_mut(NODES_PER_BLOCK).enumerate().for_each(|(block, slots)| {
            let start = block * NODES_PER_BLOCK;
            for (offset, slot) in slots.iter_mut().enumerate() {
                *slot = row(start + offset);
            }
        });
    }
}

/// Fills `out` block by block: `block(first, values)` sets the values of nodes
/// `first..first + values.len()` and returns a partial sum; returns the partial sums added in
/// block order. The blocks are the same on one thread or many (the arithmetic is the same either
/// way), and run over threads for large outputs.
pub(super) fn fill_blocks(out: &mut [f64], block: impl Fn(usize, &mut [f64]) -> f64 + Sync) -> f64 {
    let partials: Vec<f64> = if out.len() < PARALLEL_MIN_NODES {
        out.chunks_mut(NODES_PER_BLOCK)
            .enumerate()
            .map(|(i, values)| block(i * NODES_PER_BLOCK, values))
            .collect()
    } else {
        out.par_chunks_mut(NODES_PER_BLOCK)
            .enumerate()
            .map(|(i, values)| block(i * NODES_PER_BLOCK, values))
            .collect()
    };
    partials.iter().sum()
}
