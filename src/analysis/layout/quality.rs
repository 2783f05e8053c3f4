//! The quality of a layout: its normalized stress against the hop distances of the view.

use rayon::prelude::*;

use super::distances::{Graph, UNREACHED};
use crate::random::SplitMix64;
use crate::view::View;

/// Views up to this many actors get the exact normalized stress (every pair); larger ones a
/// sample of [`STRESS_SAMPLE_SOURCES`] sources.
pub const EXACT_STRESS_LIMIT: usize = 5_000;

/// Sources of the sampled normalized stress of large views.
pub const STRESS_SAMPLE_SOURCES: usize = 200;

/// The seed of the sampled sources (fixed: the same view and positions give the same value).
const SAMPLE_SEED: u64 = 0x5EED_57E5;

/// Sources per chunk of parallel work, fixed so that sums never depend on the thread count.
const SOURCES_PER_CHUNK: usize = 32;

/// The normalized stress of `positions` (view node order) on `view`, in `[0, 1]`; 0 is a
/// perfect fit of the hop distances.
///
/// `Σ (s ‖x_i − x_j‖ − d_ij)² / d_ij²` over the pairs `i < j` of the same component (ties in
/// either direction, every tie one hop: `d_ij` is the breadth-first hop distance), divided by
/// the number of those pairs, with the scale `s = Σ(‖x_i − x_j‖/d_ij) / Σ(‖x_i − x_j‖²/d_ij²)`
/// that minimizes it (so the layout's unit does not matter; Gansner, Koren & North 2004 weigh
/// pairs the same way). Exact for views up to [`EXACT_STRESS_LIMIT`] actors; beyond, the pairs
/// of [`STRESS_SAMPLE_SOURCES`] seeded distinct sources (SplitMix64, a fixed seed) with every
/// other actor, an unbiased estimate of the same mean. Positions missing at the end count as
/// the origin. 0 when no two actors share a component; 1 when every actor is at one spot.
///
/// # Complexity
/// O(n (n + m)) exact; O(200 (n + m)) sampled.
pub fn normalized_stress(view: &View, positions: &[[f64; 2]]) -> f64 {
    graph_stress(&Graph::from_view(view), positions)
}

/// [`normalized_stress`] on the layout's own graph.
pub(crate) fn graph_stress(graph: &Graph, positions: &[[f64; 2]]) -> f64 {
    let n = graph.n();
    let at = |i: usize| positions.get(i).copied().unwrap_or([0.0, 0.0]);
    let (sources, all_pairs): (Vec<u32>, bool) = if n <= EXACT_STRESS_LIMIT {
        ((0..n as u32).collect(), true)
    } else {
        let mut rng = SplitMix64::new(SAMPLE_SEED);
        let mut pool: Vec<u32> = (0..n as u32).collect();
        for k in 0..STRESS_SAMPLE_SOURCES {
            let pick = k + rng.below((n - k) as u64) as usize;
            pool.swap(k, pick);
        }
        pool.truncate(STRESS_SAMPLE_SOURCES);
        (pool, false)
    };
    let partials: Vec<(f64, f64, f64)> = sources
        .par_chunks(SOURCES_PER_CHUNK)
        .map(|chunk| {
            let mut dist = vec![UNREACHED; n];
            let mut queue = Vec::with_capacity(n);
            let (mut a, mut b, mut count) = (0.0, 0.0, 0.0);
            for &source in chunk {
                graph.bfs(source, &mut dist, &mut queue);
                let p = at(source as usize);
                for &j in &queue {
                    if j == source || (all_pairs && j < source) {
                        continue;
                    }
                    let d = f64::from(dist[j as usize]);
                    let q = at(j as usize);
                    let (dx, dy) = (p[0] - q[0], p[1] - q[1]);
                    let l = (dx * dx + dy * dy).sqrt();
                    a += l / d;
                    b += l * l / (d * d);
                    count += 1.0;
                }
            }
            (a, b, count)
        })
        .collect();
    let (mut a, mut b, mut count) = (0.0, 0.0, 0.0);
    for (pa, pb, pc) in partials {
        a += pa;
        b += pb;
        count += pc;
    }
    if count == 0.0 {
        return 0.0;
    }
    if b.is_nan() || b <= 0.0 || !a.is_finite() || !b.is_finite() {
        // Every actor on one spot (or positions beyond measure): the best scale is 0.
        return 1.0;
    }
    // Σ (s l/d − 1)² = s² B − 2 s A + count, least at s = A / B.
    ((count - a * a / b) / count).clamp(0.0, 1.0)
}
