//! Stress majorization of one connected component: every pair up to a few thousand actors,
//! beyond that each actor's neighbours and a seeded uniform sample of the others (sampled
//! stress); optionally with every actor's x kept on its side of a vertical line (the
//! rijk-region layout).

use rayon::prelude::*;

use super::distances::{Graph, UNREACHED};
use super::pivot_mds::{Pivots, pivot_mds};
use crate::random::SplitMix64;

/// Pivots of the pivot MDS start (and of the force method's start).
pub(crate) const PIVOTS: usize = 100;

/// Half the empty band between the two sides of the rijk-region layout, in hops.
pub(crate) const SIDE_MARGIN: f64 = 0.5;

/// Relative change of stress between two sweeps under which majorization stops.
const TOLERANCE: f64 = 1e-4;

/// The actor × sample hop distances majorization keeps: every pair while `n²` stays within it
/// (components up to 4,472 actors), else `SAMPLE_BUDGET / n` samples per actor (1,000 at
/// 20,000 actors), at least [`MIN_SAMPLES`]. One byte per distance on graphs of diameter up to
/// 255.
pub(crate) const SAMPLE_BUDGET: usize = 20_000_000;

/// The fewest samples of sampled stress.
pub(crate) const MIN_SAMPLES: usize = 200;

/// The term updates majorization may spend (sweeps × terms per sweep), so a large component
/// stops after a bounded time.
const TERM_BUDGET: f64 = 2e9;

/// The sweep limit [`TERM_BUDGET`] sets is at least this ...
const MIN_SWEEPS: usize = 30;

/// ... and at most this.
const MAX_SWEEPS: usize = 200;

/// Lanes of the inner loop over samples (fixed, so sums are the same on every run).
const LANES: usize = 8;

/// Samples whose breadth-first searches run in parallel at a time (fixed: each search is one
/// call wherever it runs, so the distances never depend on the thread count).
const SAMPLES_PER_CHUNK: usize = 64;

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
/// order (Gauss–Seidel) until the stress changes by less than 10⁻⁴ relatively, or at most 200
/// sweeps and 2·10⁹ term updates (the budget allows 30 sweeps at least). It starts from pivot
/// MDS ([`PIVOTS`] max–min pivots) with a seeded jitter of 10⁻³ hops (so that actors pivot MDS
/// puts on one spot, the leaves of a star, separate). Components up to √[`SAMPLE_BUDGET`] actors use every pair;
/// larger ones sampled stress ([`Samples`]). With `bounds`, each update is projected onto the
/// actor's side (a projected Gauss–Seidel step, which keeps stress non-increasing).
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
    let samples = Samples::draw(graph, sample_count(n), rng);
    majorize(graph, &samples, &mut positions, bounds);
    positions
}

/// The samples majorization keeps for a component of `n` actors: all of them while `n²` fits
/// [`SAMPLE_BUDGET`], else `SAMPLE_BUDGET / n`, at least [`MIN_SAMPLES`].
pub(crate) fn sample_count(n: usize) -> usize {
    if n.saturating_mul(n) <= SAMPLE_BUDGET { n } else { (SAMPLE_BUDGET / n).clamp(MIN_SAMPLES, n) }
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

/// Hop distances from every actor to the samples, node-major (`n × k`), one byte each when the
/// graph's diameter allows.
enum Hops {
    Byte(Vec<u8>),
    Wide(Vec<u32>),
}

/// A hop distance as stored.
trait Hop: Copy + Send + Sync {
    fn from_hops(d: u32) -> Self;
    fn hops(self) -> f32;
}

impl Hop for u8 {
    fn from_hops(d: u32) -> Self {
        // Only used when every distance is below 256.
        d.min(255) as u8
    }
    fn hops(self) -> f32 {
        f32::from(self)
    }
}

impl Hop for u32 {
    fn from_hops(d: u32) -> Self {
        d
    }
    fn hops(self) -> f32 {
        self as f32
    }
}

/// The actors whose distances to every actor majorization uses: all of them (full stress
/// majorization) or a seeded uniform sample.
pub(crate) struct Samples {
    /// The sampled nodes, ascending.
    nodes: Vec<u32>,
    /// Each node's index among the samples, [`UNREACHED`] for the others.
    slot: Vec<u32>,
    dist: Hops,
}

impl Samples {
    /// `k` distinct nodes drawn uniformly (a partial Fisher–Yates shuffle from `rng`; every
    /// node when `k ≥ n`, without a draw) and their breadth-first distances, the searches run
    /// in parallel in fixed chunks. O(k (n + m)) time, `n k` bytes (4 `n k` on graphs of
    /// diameter above 255).
    pub(crate) fn draw(graph: &Graph, k: usize, rng: &mut SplitMix64) -> Samples {
        let n = graph.n();
        let nodes: Vec<u32> = if k >= n {
            (0..n as u32).collect()
        } else {
            let mut pool: Vec<u32> = (0..n as u32).collect();
            for at in 0..k {
                let pick = at + rng.below((n - at) as u64) as usize;
                pool.swap(at, pick);
            }
            pool.truncate(k);
            pool.sort_unstable();
            pool
        };
        let mut slot = vec![UNREACHED; n];
        for (index, &node) in nodes.iter().enumerate() {
            slot[node as usize] = index as u32;
        }
        // Every distance is at most twice the eccentricity of any one node.
        let far = match nodes.first() {
            Some(&first) => graph.bfs(first, &mut vec![UNREACHED; n], &mut Vec::new()),
            None => 0,
        };
        let dist = if far.saturating_mul(2) <= u32::from(u8::MAX) {
            Hops::Byte(node_major(graph, &nodes))
        } else {
            Hops::Wide(node_major(graph, &nodes))
        };
        Samples { nodes, slot, dist }
    }

    /// The number of samples.
    pub(crate) fn k(&self) -> usize {
        self.nodes.len()
    }
}

/// The hop distances from every node to `samples`, node-major.
fn node_major<D: Hop>(graph: &Graph, samples: &[u32]) -> Vec<D> {
    let n = graph.n();
    let k = samples.len();
    let mut matrix = vec![D::from_hops(0); n * k];
    for (chunk, sources) in samples.chunks(SAMPLES_PER_CHUNK).enumerate() {
        let rows: Vec<Vec<u32>> = sources
            .par_iter()
            .map(|&source| {
                let mut dist = vec![UNREACHED; n];
                graph.bfs(source, &mut dist, &mut Vec::with_capacity(n));
                dist
            })
            .collect();
        let first = chunk * SAMPLES_PER_CHUNK;
        for (offset, row) in rows.iter().enumerate() {
            for (i, &d) in row.iter().enumerate() {
                matrix[i * k + first + offset] = D::from_hops(d);
            }
        }
    }
    matrix
}

/// Stress majorization over each actor's neighbours and samples, in place.
///
/// With every actor a sample this is full stress majorization. Otherwise (sampled stress)
/// actor `i` keeps its exact terms with its neighbours (`d = 1`, `w = 1`), and the other
/// `n − 1 − deg(i)` actors are represented by the samples at two hops or more, each with the
/// weight `w_is = c_i / d_is²`, `c_i = (n − 1 − deg(i)) / #{samples at ≥ 2 hops from i}`:
/// the uniform sample's estimate of the far terms' sum. This is the sparse stress model of
/// Ortmann, Klimenta & Brandes (2016, "A sparse stress model", Graph Drawing, LNCS 9801), with
/// its pivots drawn uniformly and each standing for an equal share of the far actors (their
/// max–min pivots, each weighted by the size of its region, gave 0.22 where full stress
/// gives 0.16 on a 10,000-actor Barabási–Albert graph: max–min pivots are peripheral). The
/// samples' distances are exact, so each actor's far terms are a (ratio) estimate of its full
/// stress terms; a sample's own update uses its own terms. O(sweeps · (n k + m)) time.
pub(crate) fn majorize(
    graph: &Graph,
    samples: &Samples,
    positions: &mut [[f64; 2]],
    bounds: Option<&[Bound]>,
) {
    match &samples.dist {
        Hops::Byte(dist) => sweeps(graph, samples, dist, positions, bounds),
        Hops::Wide(dist) => sweeps(graph, samples, dist, positions, bounds),
    }
}

fn sweeps<D: Hop>(
    graph: &Graph,
    samples: &Samples,
    dist: &[D],
    positions: &mut [[f64; 2]],
    bounds: Option<&[Bound]>,
) {
    let n = graph.n();
    let k = samples.k();
    if n == 0 || k == 0 {
        return;
    }
    // Each actor's scale c_i and weight sum Σ_j w_ij.
    let mut scale = vec![0.0f64; n];
    let mut weight_sums = vec![0.0f64; n];
    for i in 0..n {
        let (mut count, mut sum) = (0usize, 0.0f64);
        for &d in &dist[i * k..(i + 1) * k] {
            let d = d.hops();
            if d >= 2.0 {
                let inverse = 1.0 / d;
                count += 1;
                sum += f64::from(inverse * inverse);
            }
        }
        let degree = graph.neighbors(i as u32).len();
        if count > 0 {
            scale[i] = (n - 1 - degree) as f64 / count as f64;
        }
        weight_sums[i] = degree as f64 + scale[i] * sum;
    }
    let mut x: Vec<f32> = positions.iter().map(|p| p[0] as f32).collect();
    let mut y: Vec<f32> = positions.iter().map(|p| p[1] as f32).collect();
    let mut sx: Vec<f32> = samples.nodes.iter().map(|&s| x[s as usize]).collect();
    let mut sy: Vec<f32> = samples.nodes.iter().map(|&s| y[s as usize]).collect();
    let terms = (n * k) as f64 + 2.0 * graph.n_edges() as f64;
    let max_sweeps = ((TERM_BUDGET / terms) as usize).clamp(MIN_SWEEPS, MAX_SWEEPS);
    let mut previous = f64::INFINITY;
    for _ in 0..max_sweeps {
        let mut stress = 0.0;
        for i in 0..n {
            let sum = weight_sums[i];
            if sum <= 0.0 {
                continue;
            }
            let (xi, yi) = (x[i], y[i]);
            let (fx, fy, fs) = far_terms(&dist[i * k..(i + 1) * k], &sx, &sy, xi, yi);
            let c = scale[i];
            let (mut nx, mut ny) = (c * fx, c * fy);
            stress += c * fs;
            let (xi, yi) = (f64::from(xi), f64::from(yi));
            for &j in graph.neighbors(i as u32) {
                let (xj, yj) = (f64::from(x[j as usize]), f64::from(y[j as usize]));
                let (dx, dy) = (xi - xj, yi - yj);
                let l = (dx * dx + dy * dy).sqrt();
                let f = if l > 0.0 { 1.0 / l } else { 0.0 };
                nx += xj + f * dx;
                ny += yj + f * dy;
                stress += (l - 1.0) * (l - 1.0);
            }
            x[i] = bound_of(bounds, i).clamp(nx / sum) as f32;
            y[i] = (ny / sum) as f32;
            let s = samples.slot[i];
            if s != UNREACHED {
                sx[s as usize] = x[i];
                sy[s as usize] = y[i];
            }
        }
        if !stress.is_finite() || (previous - stress).abs() <= TOLERANCE * stress {
            break;
        }
        previous = stress;
    }
    for (point, (&xi, &yi)) in positions.iter_mut().zip(x.iter().zip(&y)) {
        *point = [f64::from(xi), f64::from(yi)];
    }
}

/// The sums over the samples at two hops or more from an actor at `(xi, yi)`:
/// `Σ w (x_s + d (x_i − x_s)/l)` for x and y and `Σ w (l − d)²`, with `w = d⁻²`, in `f32`
/// lanes of fixed width (so the compiler vectorizes them; the sums are the same on every run).
fn far_terms<D: Hop>(row: &[D], sx: &[f32], sy: &[f32], xi: f32, yi: f32) -> (f64, f64, f64) {
    let mut ax = [0.0f32; LANES];
    let mut ay = [0.0f32; LANES];
    let mut ae = [0.0f32; LANES];
    let chunks = row.chunks_exact(LANES).zip(sx.chunks_exact(LANES)).zip(sy.chunks_exact(LANES));
    for ((r, xs), ys) in chunks {
        for t in 0..LANES {
            let [a, b, e] = far_term(r[t].hops(), xs[t], ys[t], xi, yi);
            ax[t] += a;
            ay[t] += b;
            ae[t] += e;
        }
    }
    let tail = row.len() / LANES * LANES;
    for t in tail..row.len() {
        let [a, b, e] = far_term(row[t].hops(), sx[t], sy[t], xi, yi);
        ax[0] += a;
        ay[0] += b;
        ae[0] += e;
    }
    let total = |a: [f32; LANES]| a.iter().map(|&v| f64::from(v)).sum::<f64>();
    (total(ax), total(ay), total(ae))
}

/// One sample's share of [`far_terms`]: `[w x_s + f dx, w y_s + f dy, w (l − d)²]` with
/// `w = d⁻²`, `f = d⁻¹ / l`; zero for a sample within one hop (the actor itself or a
/// neighbour, whose terms are exact). Branch-free, so the lanes vectorize.
#[inline(always)]
fn far_term(d: f32, xs: f32, ys: f32, xi: f32, yi: f32) -> [f32; 3] {
    let near = d < 2.0;
    let inverse = if near { 0.0 } else { 1.0 / d };
    let w = inverse * inverse;
    let (dx, dy) = (xi - xs, yi - ys);
    let l = (dx * dx + dy * dy).sqrt().max(1e-30);
    let f = inverse / l;
    let e = l * inverse - 1.0;
    [w * xs + f * dx, w * ys + f * dy, if near { 0.0 } else { e * e }]
}
