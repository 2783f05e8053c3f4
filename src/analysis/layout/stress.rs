//! Stress majorization of one connected component: full (every pair) up to a few thousand
//! actors, sparse (neighbours and pivots) beyond; optionally with every actor's x kept on its
//! side of a vertical line (the rijk-region layout).

use super::distances::{Graph, UNREACHED};
use super::pivot_mds::{Pivots, pivot_mds};
use crate::random::SplitMix64;

/// Components up to this many actors get full stress majorization (all-pairs distances in
/// `u16`: 50 MB at this size); larger ones sparse stress.
pub(crate) const FULL_STRESS_LIMIT: usize = 5_000;

/// Pivots of the pivot MDS start and of sparse stress.
pub(crate) const PIVOTS: usize = 100;

/// Half the empty band between the two sides of the rijk-region layout, in hops.
pub(crate) const SIDE_MARGIN: f64 = 0.5;

/// Relative change of stress between two sweeps under which majorization stops.
const TOLERANCE: f64 = 1e-4;

/// The pair updates a full majorization may spend (sweeps × n²), so a component near
/// [`FULL_STRESS_LIMIT`] stops after a bounded time.
const FULL_PAIR_BUDGET: f64 = 1e9;

/// Where an actor may go: anywhere, or left or right of x = 0 by [`SIDE_MARGIN`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bound {
    /// No constraint.
    Free,
    /// x ≤ −margin (the Rijk).
    Left,
    /// x ≥ +margin (the region).
    Right,
}

impl Bound {
    /// `x` moved onto its side.
    pub(crate) fn clamp(self, x: f64) -> f64 {
        match self {
            Bound::Free => x,
            Bound::Left => x.min(-SIDE_MARGIN),
            Bound::Right => x.max(SIDE_MARGIN),
        }
    }
}

/// A stress layout of a connected graph (local node order).
///
/// Stress majorization (Gansner, Koren & North 2004, "Graph drawing by stress majorization",
/// Graph Drawing, LNCS 3383) minimizes `Σ_{i<j} w_ij (‖x_i − x_j‖ − d_ij)²` with `d_ij` the
/// hop distance and `w_ij = d_ij⁻²`, by the localized update
/// `x_i ← Σ_j w_ij (x_j + d_ij (x_i − x_j)/‖x_i − x_j‖) / Σ_j w_ij`, sweeping the nodes in
/// order (Gauss–Seidel) until the stress changes by less than 10⁻⁵ relatively. It starts
/// from pivot MDS with a seeded jitter of 10⁻³ hops (so that actors pivot MDS puts on one spot,
/// the leaves of a star, separate). Components up to [`FULL_STRESS_LIMIT`] actors use every
/// pair; larger ones sparse stress ([`sparse`]). With `bounds`, each update is projected onto
/// the actor's side (a projected Gauss–Seidel step, which keeps stress non-increasing).
pub(crate) fn stress_layout(
    graph: &Graph,
    bounds: Option<&[Bound]>,
    rng: &mut SplitMix64,
) -> Vec<[f64; 2]> {
    let n = graph.n();
    match n {
        0 => return Vec::new(),
        1 => return vec![[bound_of(bounds, 0).clamp(0.0), 0.0]],
        2 => {
            let pair = match (bound_of(bounds, 0), bound_of(bounds, 1)) {
                (Bound::Right, Bound::Right) => [[SIDE_MARGIN, 0.0], [SIDE_MARGIN + 1.0, 0.0]],
                (Bound::Left, Bound::Left) => [[-SIDE_MARGIN - 1.0, 0.0], [-SIDE_MARGIN, 0.0]],
                (Bound::Right, _) | (_, Bound::Left) => [[0.5, 0.0], [-0.5, 0.0]],
                _ => [[-0.5, 0.0], [0.5, 0.0]],
            };
            return pair.to_vec();
        }
        _ => {}
    }
    let pivots = Pivots::max_min(graph, PIVOTS, rng);
    let mut positions = pivot_mds(graph, &pivots, rng);
    jitter(&mut positions, 1e-3, rng);
    if let Some(bounds) = bounds {
        orient(&mut positions, bounds);
    }
    if n <= FULL_STRESS_LIMIT {
        full(graph, &mut positions, bounds);
    } else {
        sparse(graph, &pivots, &mut positions, bounds);
    }
    positions
}

fn bound_of(bounds: Option<&[Bound]>, i: usize) -> Bound {
    bounds.map_or(Bound::Free, |b| b[i])
}

/// Adds a seeded uniform offset in `[−size, size]²` to every point.
pub(crate) fn jitter(positions: &mut [[f64; 2]], size: f64, rng: &mut SplitMix64) {
    for point in positions {
        point[0] += size * (2.0 * rng.unit() - 1.0);
        point[1] += size * (2.0 * rng.unit() - 1.0);
    }
}

/// Turns and shifts a start so that the region's centroid lies right of the Rijk's, the split
/// between them at x = 0, then puts every actor on its side.
fn orient(positions: &mut [[f64; 2]], bounds: &[Bound]) {
    let centroid = |side: Bound| {
        let (mut sum, mut count) = ([0.0, 0.0], 0usize);
        for (point, _) in positions.iter().zip(bounds).filter(|(_, b)| **b == side) {
            sum[0] += point[0];
            sum[1] += point[1];
            count += 1;
        }
        (count > 0).then(|| [sum[0] / count as f64, sum[1] / count as f64])
    };
    if let (Some(left), Some(right)) = (centroid(Bound::Left), centroid(Bound::Right)) {
        let (dx, dy) = (right[0] - left[0], right[1] - left[1]);
        let length = (dx * dx + dy * dy).sqrt();
        let (cos, sin) = if length > 1e-12 { (dx / length, dy / length) } else { (1.0, 0.0) };
        let mid = [(left[0] + right[0]) / 2.0, (left[1] + right[1]) / 2.0];
        for point in positions.iter_mut() {
            let (x, y) = (point[0] - mid[0], point[1] - mid[1]);
            // Rotate by −angle: the direction (cos, sin) becomes +x.
            *point = [x * cos + y * sin, -x * sin + y * cos];
        }
    }
    for (point, bound) in positions.iter_mut().zip(bounds) {
        point[0] = bound.clamp(point[0]);
    }
}

/// Full stress majorization over every pair, in place.
fn full(graph: &Graph, positions: &mut [[f64; 2]], bounds: Option<&[Bound]>) {
    let n = graph.n();
    let (dist, far) = graph.all_pairs();
    let inverse: Vec<f64> =
        (0..=far as usize).map(|d| if d == 0 { 0.0 } else { 1.0 / d as f64 }).collect();
    let mut x: Vec<f64> = positions.iter().map(|p| p[0]).collect();
    let mut y: Vec<f64> = positions.iter().map(|p| p[1]).collect();
    let weight_sums: Vec<f64> = (0..n)
        .map(|i| {
            dist[i * n..(i + 1) * n]
                .iter()
                .map(|&d| {
                    let inv = inverse[usize::from(d)];
                    inv * inv
                })
                .sum()
        })
        .collect();
    let sweeps = (FULL_PAIR_BUDGET / (n as f64 * n as f64)).clamp(30.0, 300.0) as usize;
    let mut previous = f64::INFINITY;
    for _ in 0..sweeps {
        let mut stress = 0.0;
        for i in 0..n {
            let row = &dist[i * n..(i + 1) * n];
            let (xi, yi) = (x[i], y[i]);
            let (mut nx, mut ny, mut local) = (0.0, 0.0, 0.0);
            for ((&d, &xj), &yj) in row.iter().zip(&x).zip(&y) {
                let inv = inverse[usize::from(d)];
                let w = inv * inv;
                let (dx, dy) = (xi - xj, yi - yj);
                let l = (dx * dx + dy * dy).sqrt();
                let f = if l > 0.0 { inv / l } else { 0.0 };
                nx += w * xj + f * dx;
                ny += w * yj + f * dy;
                let e = l * inv - 1.0;
                local += e * e;
            }
            // The pair (i, i) added (0 − 1)² = 1.
            stress += local - 1.0;
            let sum = weight_sums[i];
            x[i] = bound_of(bounds, i).clamp(nx / sum);
            y[i] = ny / sum;
        }
        if !stress.is_finite() || (previous - stress).abs() <= TOLERANCE * stress {
            break;
        }
        previous = stress;
    }
    for (point, (&xi, &yi)) in positions.iter_mut().zip(x.iter().zip(&y)) {
        *point = [xi, yi];
    }
}

/// Sparse stress majorization (Ortmann, Klimenta & Brandes 2016, "A sparse stress model",
/// Graph Drawing, LNCS 9801), in place.
///
/// Each actor keeps its exact terms with its neighbours (`d = 1`, `w = 1`) and, for the far
/// pairs, one term per pivot `p`: `w'_ip = s_p(i) / d_ip²`, where `s_p(i)` counts the actors of
/// `p`'s region (those closer to `p` than to any other pivot, ties to the earlier pivot) within
/// `d_ip / 2` of `p`, so the pivot stands for the part of its region near it. The update is the
/// localized majorization step over these terms. O(n (k + deg)) per sweep.
pub(crate) fn sparse(
    graph: &Graph,
    pivots: &Pivots,
    positions: &mut [[f64; 2]],
    bounds: Option<&[Bound]>,
) {
    let n = graph.n();
    let k = pivots.k();
    // Regions and, per pivot, how many members lie within each distance.
    let mut region = vec![(UNREACHED, 0usize); n];
    for p in 0..k {
        for (slot, &d) in region.iter_mut().zip(&pivots.dist[p * n..(p + 1) * n]) {
            if d < slot.0 {
                *slot = (d, p);
            }
        }
    }
    let mut within: Vec<Vec<f64>> = vec![Vec::new(); k];
    for &(d, p) in &region {
        let counts = &mut within[p];
        if counts.len() <= d as usize {
            counts.resize(d as usize + 1, 0.0);
        }
        counts[d as usize] += 1.0;
    }
    for counts in &mut within {
        for d in 1..counts.len() {
            counts[d] += counts[d - 1];
        }
    }
    // The pivot terms' weights, node-major: w[i * k + p].
    let mut weights = vec![0.0f64; n * k];
    let mut distances = vec![0.0f64; n * k];
    for p in 0..k {
        let counts = &within[p];
        for (i, &d) in pivots.dist[p * n..(p + 1) * n].iter().enumerate() {
            if d == 0 || d == UNREACHED {
                continue;
            }
            let half = (d / 2) as usize;
            let s = counts.get(half).or(counts.last()).copied().unwrap_or(1.0).max(1.0);
            let d = f64::from(d);
            weights[i * k + p] = s / (d * d);
            distances[i * k + p] = d;
        }
    }
    let weight_sums: Vec<f64> = (0..n)
        .map(|i| {
            graph.neighbors(i as u32).len() as f64 + weights[i * k..(i + 1) * k].iter().sum::<f64>()
        })
        .collect();
    let mut x: Vec<f64> = positions.iter().map(|p| p[0]).collect();
    let mut y: Vec<f64> = positions.iter().map(|p| p[1]).collect();
    let pivot_nodes: Vec<usize> = pivots.nodes.iter().map(|&p| p as usize).collect();
    let mut previous = f64::INFINITY;
    for _ in 0..300 {
        let mut stress = 0.0;
        for i in 0..n {
            let sum = weight_sums[i];
            if sum <= 0.0 {
                continue;
            }
            let (xi, yi) = (x[i], y[i]);
            let (mut nx, mut ny) = (0.0, 0.0);
            for &j in graph.neighbors(i as u32) {
                let (xj, yj) = (x[j as usize], y[j as usize]);
                let (dx, dy) = (xi - xj, yi - yj);
                let l = (dx * dx + dy * dy).sqrt();
                let f = if l > 0.0 { 1.0 / l } else { 0.0 };
                nx += xj + f * dx;
                ny += yj + f * dy;
                stress += (l - 1.0) * (l - 1.0);
            }
            let terms = weights[i * k..(i + 1) * k].iter().zip(&distances[i * k..(i + 1) * k]);
            for ((&w, &d), &p) in terms.zip(&pivot_nodes) {
                if w == 0.0 {
                    continue;
                }
                let (xj, yj) = (x[p], y[p]);
                let (dx, dy) = (xi - xj, yi - yj);
                let l = (dx * dx + dy * dy).sqrt();
                let f = if l > 0.0 { w * d / l } else { 0.0 };
                nx += w * xj + f * dx;
                ny += w * yj + f * dy;
                stress += w * (l - d) * (l - d);
            }
            x[i] = bound_of(bounds, i).clamp(nx / sum);
            y[i] = ny / sum;
        }
        if !stress.is_finite() || (previous - stress).abs() <= TOLERANCE * stress {
            break;
        }
        previous = stress;
    }
    for (point, (&xi, &yi)) in positions.iter_mut().zip(x.iter().zip(&y)) {
        *point = [xi, yi];
    }
}
