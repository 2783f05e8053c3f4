//! Pivot MDS (Brandes & Pich 2006): a fast classical-MDS start from the hop distances to a
//! few max–min pivots, which stress majorization and the force layout then refine.

use super::distances::{Graph, UNREACHED};
use crate::random::SplitMix64;

/// The pivots of a connected graph and their hop distances to every node.
pub(crate) struct Pivots {
    /// The pivot nodes, in the order chosen.
    pub(crate) nodes: Vec<u32>,
    /// `dist[p * n + i]`: hops from pivot `p` to node `i`.
    pub(crate) dist: Vec<u32>,
}

impl Pivots {
    /// Up to `k` pivots chosen max–min (Brandes & Pich 2006, §3): the first at random, each
    /// next one the node farthest from those chosen (ties: the smallest node). One
    /// breadth-first search per pivot: O(k (n + m)).
    pub(crate) fn max_min(graph: &Graph, k: usize, rng: &mut SplitMix64) -> Pivots {
        let n = graph.n();
        let k = k.min(n);
        let mut nodes = Vec::with_capacity(k);
        let mut dist = vec![0u32; k * n];
        let mut nearest = vec![UNREACHED; n];
        let mut queue = Vec::with_capacity(n);
        let mut next = if n == 0 { 0 } else { rng.below(n as u64) as u32 };
        for p in 0..k {
            nodes.push(next);
            let row = &mut dist[p * n..(p + 1) * n];
            graph.bfs(next, row, &mut queue);
            let mut best = (0u32, 0u32);
            for (i, (&d, near)) in row.iter().zip(nearest.iter_mut()).enumerate() {
                *near = (*near).min(d);
                if *near > best.0 && *near != UNREACHED {
                    best = (*near, i as u32);
                }
            }
            next = best.1;
            if best.0 == 0 {
                // Every node is a pivot already.
                nodes.truncate(p + 1);
                dist.truncate((p + 1) * n);
                break;
            }
        }
        Pivots { nodes, dist }
    }

    /// The number of pivots.
    pub(crate) fn k(&self) -> usize {
        self.nodes.len()
    }
}

/// Pivot MDS coordinates of a connected graph from its pivots' distances.
///
/// With `D` the `n × k` matrix of squared hop distances to the pivots, double centring gives
/// `C = −½ (D − row means − column means + grand mean)`; the coordinates are `C v₁`, `C v₂`
/// for the two leading eigenvectors of `CᵀC` (k × k), found by power iteration from a seeded
/// start with deflation. The result is scaled by the factor that minimizes the stress of the
/// pivot–node pairs, so a unit is about one hop. O(k² n + k (n + m)). Brandes & Pich (2006),
/// "Eigensolver methods for progressive multidimensional scaling of large data", Graph
/// Drawing, LNCS 4372.
pub(crate) fn pivot_mds(graph: &Graph, pivots: &Pivots, rng: &mut SplitMix64) -> Vec<[f64; 2]> {
    let n = graph.n();
    let k = pivots.k();
    if n == 0 {
        return Vec::new();
    }
    if k < 2 {
        return vec![[0.0, 0.0]; n];
    }
    // C, n × k, row-major.
    let mut c = vec![0.0f64; n * k];
    let mut col_mean = vec![0.0f64; k];
    for p in 0..k {
        let row = &pivots.dist[p * n..(p + 1) * n];
        let mut sum = 0.0;
        for (i, &d) in row.iter().enumerate() {
            let sq = f64::from(d) * f64::from(d);
            c[i * k + p] = sq;
            sum += sq;
        }
        col_mean[p] = sum / n as f64;
    }
    let grand = col_mean.iter().sum::<f64>() / k as f64;
    for i in 0..n {
        let row = &mut c[i * k..(i + 1) * k];
        let row_mean = row.iter().sum::<f64>() / k as f64;
        for (value, &col) in row.iter_mut().zip(&col_mean) {
            *value = -0.5 * (*value - row_mean - col + grand);
        }
    }
    // B = CᵀC, k × k.
    let mut b = vec![0.0f64; k * k];
    for i in 0..n {
        let row = &c[i * k..(i + 1) * k];
        for p in 0..k {
            let cp = row[p];
            if cp == 0.0 {
                continue;
            }
            for (slot, &cq) in b[p * k..(p + 1) * k].iter_mut().zip(row) {
                *slot += cp * cq;
            }
        }
    }
    let first = leading_eigenvector(&b, k, None, rng);
    let second = leading_eigenvector(&b, k, Some(&first), rng);
    let mut positions: Vec<[f64; 2]> = (0..n)
        .map(|i| {
            let row = &c[i * k..(i + 1) * k];
            let x = row.iter().zip(&first).map(|(a, b)| a * b).sum::<f64>();
            let y = row.iter().zip(&second).map(|(a, b)| a * b).sum::<f64>();
            [x, y]
        })
        .collect();
    fit_scale(&mut positions, pivots);
    positions
}

/// The leading eigenvector of the symmetric positive semi-definite `k × k` matrix `b`
/// (orthogonal to `against` when given), by at most 300 power iterations from a seeded start.
fn leading_eigenvector(
    b: &[f64],
    k: usize,
    against: Option<&[f64]>,
    rng: &mut SplitMix64,
) -> Vec<f64> {
    let mut v: Vec<f64> = (0..k).map(|_| rng.unit() - 0.5).collect();
    let orthogonalize = |v: &mut [f64]| {
        if let Some(u) = against {
            let dot = v.iter().zip(u).map(|(a, b)| a * b).sum::<f64>();
            for (a, b) in v.iter_mut().zip(u) {
                *a -= dot * b;
            }
        }
    };
    let normalize = |v: &mut [f64]| -> bool {
        let norm = v.iter().map(|a| a * a).sum::<f64>().sqrt();
        if norm > 1e-300 && norm.is_finite() {
            v.iter_mut().for_each(|a| *a /= norm);
            true
        } else {
            false
        }
    };
    orthogonalize(&mut v);
    if !normalize(&mut v) {
        return vec![0.0; k];
    }
    let mut next = vec![0.0; k];
    for _ in 0..300 {
        for (p, slot) in next.iter_mut().enumerate() {
            *slot = b[p * k..(p + 1) * k].iter().zip(&v).map(|(a, b)| a * b).sum();
        }
        orthogonalize(&mut next);
        if !normalize(&mut next) {
            // The remaining spectrum is zero: this direction carries nothing.
            return vec![0.0; k];
        }
        let change = next.iter().zip(&v).map(|(a, b)| (a - b) * (a - b)).sum::<f64>();
        std::mem::swap(&mut v, &mut next);
        if change < 1e-18 {
            break;
        }
    }
    v
}

/// Scales `positions` by the factor that minimizes the stress of the pivot–node pairs,
/// `s = Σ(‖x_p − x_i‖/d_pi) / Σ(‖x_p − x_i‖²/d_pi²)`, so that a unit is about one hop.
pub(crate) fn fit_scale(positions: &mut [[f64; 2]], pivots: &Pivots) {
    let n = positions.len();
    // The scale that fits the pivot distances best: s = Σ(‖x‖/d) / Σ(‖x‖²/d²).
    let (mut num, mut den) = (0.0, 0.0);
    for (p, &pivot) in pivots.nodes.iter().enumerate() {
        let at = positions[pivot as usize];
        for (i, &d) in pivots.dist[p * n..(p + 1) * n].iter().enumerate() {
            if d == 0 || d == UNREACHED {
                continue;
            }
            let d = f64::from(d);
            let l = distance(at, positions[i]);
            num += l / d;
            den += l * l / (d * d);
        }
    }
    let scale = if den > 0.0 && num.is_finite() && den.is_finite() { num / den } else { 1.0 };
    for point in positions.iter_mut() {
        point[0] *= scale;
        point[1] *= scale;
    }
}

/// Euclidean distance of two points.
pub(crate) fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (a[0] - b[0], a[1] - b[1]);
    (dx * dx + dy * dy).sqrt()
}
