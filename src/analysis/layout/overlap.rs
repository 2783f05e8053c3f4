//! Node overlap removal: actors drawn as discs of given radii pushed apart until no two
//! overlap, with scaling as the guaranteed last resort.

use super::stress::Bound;

/// The empty space left between two discs, in hops.
pub(crate) const GAP: f64 = 0.05;

/// Push rounds before the layout is scaled instead.
const MAX_ROUNDS: usize = 50;

/// Moves `positions` so that every two discs keep `r_i + r_j + GAP` between their centres.
///
/// A PRISM-like push (Gansner & Hu 2010, "Efficient, proximity-preserving node overlap
/// removal", JGAA 14(1), without its proximity graph): each round puts the discs in a uniform
/// grid of cell side `2 r_max + GAP`, finds the overlapping pairs among neighbouring cells
/// (O(n log n) for the sort, plus the pairs found), and moves both discs of each pair half the
/// overlap apart along the line between them (a fixed direction from the pair's indices when
/// they coincide); moves are summed and applied after the round, so the order of pairs does
/// not matter. After [`MAX_ROUNDS`] rounds with overlaps left, the layout is scaled about the
/// origin by the largest ratio `needed / distance` of the remaining pairs, which clears every
/// pair at once (distances grow with the scale, radii do not). `bounds` are applied after each
/// round (the sides of the rijk-region layout, about x = 0, which scaling preserves).
pub(crate) fn remove_overlaps(positions: &mut [[f64; 2]], radii: &[f64], bounds: Option<&[Bound]>) {
    let n = positions.len();
    if n < 2 || radii.iter().all(|&r| r <= 0.0) {
        separate_coincident(positions, radii, bounds);
        return;
    }
    let mut moves = vec![[0.0f64; 2]; n];
    for _ in 0..MAX_ROUNDS {
        let pairs = overlapping_pairs(positions, radii);
        if pairs.is_empty() {
            return;
        }
        moves.iter_mut().for_each(|m| *m = [0.0, 0.0]);
        for &(i, j, need, d) in &pairs {
            let (i, j) = (i as usize, j as usize);
            let (ux, uy) = direction(positions[i], positions[j], i, j, d);
            let half = (need - d) / 2.0 * 1.01;
            moves[i][0] -= ux * half;
            moves[i][1] -= uy * half;
            moves[j][0] += ux * half;
            moves[j][1] += uy * half;
        }
        for (i, (p, m)) in positions.iter_mut().zip(&moves).enumerate() {
            p[0] += m[0];
            p[1] += m[1];
            if let Some(bounds) = bounds {
                p[0] = bounds[i].clamp(p[0]);
            }
        }
    }
    // The guarantee: scale until nothing overlaps.
    for _ in 0..8 {
        separate_coincident(positions, radii, bounds);
        let pairs = overlapping_pairs(positions, radii);
        let ratio = pairs.iter().map(|&(_, _, need, d)| need / d.max(1e-12)).fold(1.0f64, f64::max);
        if pairs.is_empty() || !ratio.is_finite() {
            return;
        }
        let factor = ratio * (1.0 + 1e-9);
        for p in positions.iter_mut() {
            p[0] *= factor;
            p[1] *= factor;
        }
    }
}

/// Moves apart actors at exactly the same spot (which no scaling separates).
fn separate_coincident(positions: &mut [[f64; 2]], radii: &[f64], bounds: Option<&[Bound]>) {
    let n = positions.len();
    if n < 2 {
        return;
    }
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by(|&a, &b| {
        let (pa, pb) = (positions[a as usize], positions[b as usize]);
        pa[0].total_cmp(&pb[0]).then(pa[1].total_cmp(&pb[1])).then(a.cmp(&b))
    });
    let radius = |i: usize| radii.get(i).copied().unwrap_or(0.0);
    let mut run = 0usize;
    for w in 1..n {
        let (a, b) = (order[w - 1] as usize, order[w] as usize);
        if positions[a] == positions[b] {
            run += 1;
            // Spread the copies round a small circle, each its own angle.
            let angle = run as f64 * 2.399_963_229_728_653;
            let reach = (radius(a) + radius(b) + GAP).max(0.05) * (1.0 + run as f64).sqrt();
            positions[b][0] += reach * angle.cos();
            positions[b][1] += reach * angle.sin();
            if let Some(bounds) = bounds {
                positions[b][0] = bounds[b].clamp(positions[b][0]);
            }
        } else {
            run = 0;
        }
    }
}

/// The unit vector from `a` to `b`; for coincident points a direction fixed by the indices.
fn direction(a: [f64; 2], b: [f64; 2], i: usize, j: usize, d: f64) -> (f64, f64) {
    if d > 1e-12 {
        ((b[0] - a[0]) / d, (b[1] - a[1]) / d)
    } else {
        let angle = ((i * 31 + j * 17) % 360) as f64 * std::f64::consts::PI / 180.0;
        (angle.cos(), angle.sin())
    }
}

/// The pairs `(i, j, needed, distance)`, `i < j`, closer than `r_i + r_j + GAP`, in a fixed
/// order, found through a uniform grid.
pub(crate) fn overlapping_pairs(
    positions: &[[f64; 2]],
    radii: &[f64],
) -> Vec<(u32, u32, f64, f64)> {
    let n = positions.len();
    let radius = |i: usize| radii.get(i).copied().unwrap_or(0.0).max(0.0);
    let r_max = (0..n).map(radius).fold(0.0f64, f64::max);
    let cell = 2.0 * r_max + GAP;
    let key = |p: [f64; 2]| ((p[0] / cell).floor() as i64, (p[1] / cell).floor() as i64);
    let mut order: Vec<((i64, i64), u32)> =
        positions.iter().enumerate().map(|(i, &p)| (key(p), i as u32)).collect();
    order.sort_unstable();
    let mut pairs = Vec::new();
    for &((cx, cy), i) in &order {
        let pi = positions[i as usize];
        for gx in cx - 1..=cx + 1 {
            for gy in cy - 1..=cy + 1 {
                let from = order.partition_point(|e| e.0 < (gx, gy));
                for &(k, j) in &order[from..] {
                    if k != (gx, gy) {
                        break;
                    }
                    if j <= i {
                        continue;
                    }
                    let need = radius(i as usize) + radius(j as usize) + GAP;
                    let pj = positions[j as usize];
                    let (dx, dy) = (pj[0] - pi[0], pj[1] - pi[1]);
                    let d = (dx * dx + dy * dy).sqrt();
                    if d < need {
                        pairs.push((i, j, need, d));
                    }
                }
            }
        }
    }
    pairs.sort_unstable_by_key(|p| (p.0, p.1));
    pairs
}
