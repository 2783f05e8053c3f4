//! The spectral radius ρ(D) of the dependence matrix (its Perron root, block by block over
//! the strong components, with Noda's iteration for slowly mixing blocks) and the α it allows.

use nalgebra::{DMatrix, DVector};

use super::matrix::DependenceMatrix;
use crate::analysis::AnalysisError;
use crate::analysis::components::strong_component_members;

/// Relative width at which the Collatz–Wielandt bracket of ρ counts as closed.
const BRACKET_TOLERANCE: f64 = 1e-13;

/// ρ(D), the spectral radius of the dependence matrix: its Perron root, since D ≥ 0.
///
/// Computed exactly up to rounding, and cheaply:
/// 1. D's nonzero pattern is split into strongly connected components (Tarjan, iterative).
///    Ordering the nodes by component makes D block-triangular (its Frobenius normal form),
///    so ρ(D) is the largest ρ of the irreducible diagonal blocks; a single-node block is 0
///    (D has a zero diagonal), so a dependence structure without cycles has ρ(D) = 0.
/// 2. On each irreducible block B, a power iteration on B + I (irreducible with a positive
///    diagonal, hence primitive, so it converges from the all-ones vector) keeps x > 0 and
///    brackets ρ(B) by the Collatz–Wielandt bounds min_i (Bx)_i / x_i ≤ ρ(B) ≤
///    max_i (Bx)_i / x_i (e.g. C. D. Meyer, *Matrix Analysis and Applied Linear Algebra*,
///    2000, §8.3). It stops when the bracket is narrower than 1e-13 of ρ — a few dozen steps
///    on the dense matrices of practice, and immediately when all row sums are equal.
/// 3. When the bracket does not close within about the work of one LU factorization of the
///    block (nearly periodic blocks, such as long dependence cycles, mix slowly), Noda's
///    inverse iteration takes over from the current vector, with dense nalgebra LU solves of
///    (sI − B) y = x and the shift s moved to the upper bound each step; it converges
///    superlinearly on any irreducible non-negative matrix, usually in under ten steps.
///    (nalgebra's Schur decomposition is not used: its QR iteration does not converge on
///    cyclic permutation-like matrices, exactly the slow case.)
///
/// # Complexity
/// O(k²) to read the pattern and O(nnz) per power step; O(b³) per Noda step for a block of
/// b nodes that needs it.
///
/// Numbers: matches numpy's largest eigenvalue modulus in the oracle (`multilayer_dependence`).
pub fn spectral_radius(d: &DependenceMatrix) -> f64 {
    perron_root(&d.dense)
}

/// The supremum of the α that [`interdependence`](super::interdependence) accepts: 1/ρ(D); `None` when ρ(D) = 0 (no
/// dependence cycle), where every finite α works.
pub fn largest_alpha(d: &DependenceMatrix) -> Option<f64> {
    let rho = spectral_radius(d);
    (rho > 0.0).then(|| 1.0 / rho)
}

/// Checks α and returns ρ(D).
pub(super) fn checked_radius(d: &DependenceMatrix, alpha: f64) -> Result<f64, AnalysisError> {
    if !alpha.is_finite() || alpha < 0.0 {
        return Err(AnalysisError::InvalidParameter(format!(
            "α = {}: α must be a finite number ≥ 0",
            shown(alpha)
        )));
    }
    let rho = spectral_radius(d);
    if alpha * rho >= 1.0 {
        return Err(AnalysisError::InvalidParameter(alpha_too_large(alpha, rho)));
    }
    Ok(rho)
}

/// The message for an α that ρ(αD) ≥ 1 makes impossible.
pub(crate) fn alpha_too_large(alpha: f64, rho: f64) -> String {
    format!(
        "α·ρ(D) = {} ≥ 1 (ρ(D) = {}), so T = (I − αD)⁻¹ − I does not converge; α must be below {}",
        significant(alpha * rho),
        significant(rho),
        significant_below(1.0 / rho)
    )
}

/// `x` (positive) cut, not rounded, to ten significant digits: a limit shown this way is never
/// above the true one, so a value below the shown limit really is below it.
fn significant_below(x: f64) -> String {
    if !x.is_finite() || x <= 0.0 {
        return significant(x);
    }
    let digits = (9 - x.log10().floor() as i32).clamp(0, 17);
    let scale = 10f64.powi(digits);
    let mut cut = (x * scale).floor() / scale;
    if cut > x {
        cut = ((x * scale).floor() - 1.0) / scale;
    }
    significant(cut)
}

/// A number as given (`0.85`), in exponent form when written out it would be long (`1e300`).
pub(crate) fn shown(x: f64) -> String {
    if x.is_finite() && x != 0.0 && (x.abs() >= 1e15 || x.abs() < 1e-9) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// A number with at most 10 significant digits, without trailing zeros: 1/ρ for the message
/// (`0.5773502692`, `1`, `2.5`).
pub(crate) fn significant(x: f64) -> String {
    if !x.is_finite() || x == 0.0 {
        return format!("{x}");
    }
    if x.abs() >= 1e15 || x.abs() < 1e-9 {
        // 1e300 in short form, not written out with 300 digits.
        let text = format!("{x:.9e}");
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
        return format!("{mantissa}e{exponent}");
    }
    let digits = (9 - x.abs().log10().floor() as i32).clamp(0, 17) as usize;
    let text = format!("{x:.digits$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// ρ of a non-negative square matrix (see [`spectral_radius`]).
fn perron_root(dense: &DMatrix<f64>) -> f64 {
    let k = dense.nrows();
    let nnz = dense.as_slice().iter().filter(|&&x| x > 0.0).count();
    if k >= 2 && nnz == k * (k - 1) {
        // Every off-diagonal entry is positive: irreducible, one block, no search needed.
        return block_radius(dense, nnz);
    }
    // The pattern column by column (contiguous in nalgebra's column-major storage): for each
    // column j, the rows i with D[i][j] > 0 — the arcs j → i of the reversed graph, which has
    // the same strong components.
    let mut offsets = Vec::with_capacity(k + 1);
    let mut rows: Vec<u32> = Vec::with_capacity(nnz);
    offsets.push(0usize);
    for column in dense.column_iter() {
        rows.extend(column.iter().enumerate().filter(|(_, x)| **x > 0.0).map(|(i, _)| i as u32));
        offsets.push(rows.len());
    }
    let components = strong_component_members(k, &offsets, &rows);
    let mut rho: f64 = 0.0;
    for members in components.iter().filter(|c| c.len() >= 2) {
        let owned;
        let block = if members.len() == k {
            dense
        } else {
            let at = |p: usize| members[p] as usize;
            owned =
                DMatrix::<f64>::from_fn(members.len(), members.len(), |p, q| dense[(at(p), at(q))]);
            &owned
        };
        let block_nnz = block.as_slice().iter().filter(|&&x| x > 0.0).count();
        rho = rho.max(block_radius(block, block_nnz));
    }
    rho
}

/// ρ of an irreducible block with `nnz` positive entries (see [`spectral_radius`]).
fn block_radius(block: &DMatrix<f64>, nnz: usize) -> f64 {
    let b = block.nrows();
    // Sparse blocks (long cycles and chains) step through their entries; dense ones sweep
    // their columns.
    let sparse = nnz.saturating_mul(4) < b * b;
    let mut offsets = Vec::new();
    let mut entries: Vec<(u32, f64)> = Vec::new();
    if sparse {
        offsets.reserve(b + 1);
        entries.reserve(nnz);
        offsets.push(0usize);
        for column in block.column_iter() {
            let positive = column.iter().enumerate().filter(|(_, x)| **x > 0.0);
            entries.extend(positive.map(|(i, &x)| (i as u32, x)));
            offsets.push(entries.len());
        }
    }
    // Power iteration on B + I with Collatz–Wielandt bounds, for about the work of one LU
    // factorization of the block.
    let step_cost = if sparse { nnz } else { b * b };
    let work = (b as f64).powi(3) / 3.0 / step_cost.max(1) as f64;
    let max_steps = work.clamp(50.0, 10_000.0) as usize;
    let mut x = vec![1.0; b];
    let mut y = vec![0.0; b];
    let mut upper = f64::INFINITY;
    for _ in 0..max_steps {
        y.iter_mut().for_each(|e| *e = 0.0);
        if sparse {
            for (q, &xq) in x.iter().enumerate() {
                for &(p, value) in &entries[offsets[q]..offsets[q + 1]] {
                    y[p as usize] += value * xq;
                }
            }
        } else {
            for (column, &xq) in block.as_slice().chunks_exact(b).zip(&x) {
                for (yi, &value) in y.iter_mut().zip(column) {
                    *yi += value * xq;
                }
            }
        }
        let (mut lo, mut hi) = (f64::INFINITY, 0.0f64);
        for (&yi, &xi) in y.iter().zip(&x) {
            let ratio = yi / xi;
            lo = lo.min(ratio);
            hi = hi.max(ratio);
        }
        upper = upper.min(hi);
        if hi - lo <= BRACKET_TOLERANCE * hi {
            return 0.5 * (lo + hi);
        }
        let scale = y.iter().zip(&x).map(|(&yi, &xi)| yi + xi).fold(0.0, f64::max);
        if !(scale.is_finite() && scale > 0.0) {
            return upper;
        }
        for (xi, &yi) in x.iter_mut().zip(&y) {
            *xi = (yi + *xi) / scale;
        }
    }
    // A slowly mixing block (nearly periodic, such as a long dependence cycle): Noda's (1971)
    // inverse iteration with the upper bound as shift, which converges superlinearly on any
    // irreducible non-negative matrix.
    noda(block, DVector::from_vec(x), upper)
}

/// Noda's iteration (T. Noda, "Note on the computation of the maximal eigenvalue of a
/// non-negative irreducible matrix", *Numerische Mathematik* 17, 1971) from x > 0 and a shift
/// s ≥ ρ(B): solve (sI − B) y = x, whose solution is > 0 because (sI − B)⁻¹ > 0; the
/// Collatz–Wielandt bounds of y are s − max_i x_i / y_i ≤ ρ ≤ s − min_i x_i / y_i, and the
/// upper one is the next shift. Returns the closed bracket's midpoint, or the last upper
/// bound when the bracket does not close (which errs on the side of refusing α).
fn noda(block: &DMatrix<f64>, mut x: DVector<f64>, mut shift: f64) -> f64 {
    let b = block.nrows();
    for _ in 0..100 {
        let system = DMatrix::<f64>::identity(b, b).scale(shift) - block;
        let Some(y) = system.lu().solve(&x) else {
            // sI − B is singular: s is an eigenvalue, and being ≥ ρ it is ρ.
            return shift;
        };
        if !y.iter().all(|&e| e.is_finite() && e > 0.0) {
            return shift;
        }
        let (mut smallest, mut largest) = (f64::INFINITY, 0.0f64);
        for (&xi, &yi) in x.iter().zip(y.iter()) {
            smallest = smallest.min(xi / yi);
            largest = largest.max(xi / yi);
        }
        let (lo, hi) = (shift - largest, shift - smallest);
        if hi - lo <= BRACKET_TOLERANCE * hi.abs() {
            return 0.5 * (lo + hi);
        }
        shift = hi.min(shift);
        let norm = y.max();
        x = y / norm;
    }
    shift
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{close, matrix, random_matrix};
    use super::*;
    use crate::analysis::{InterdependenceConfig, interdependence};
    use crate::model::ActorId;

    #[test]
    fn spectral_radius_of_cycles_chains_and_blocks() {
        // A chain has no cycle: ρ = 0, every α works.
        let chain = matrix(3, &[(0, 1, 1.0), (1, 2, 1.0)]);
        assert_eq!(spectral_radius(&chain), 0.0);
        assert_eq!(largest_alpha(&chain), None);
        // A 3-cycle of weight 1 is a permutation matrix: ρ = 1 (eigenvalues the cube roots of 1).
        let cycle = matrix(3, &[(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0)]);
        close(spectral_radius(&cycle), 1.0, "3-cycle");
        // A 2-cycle of 0.5 and 0.8: ρ = √(0.5 · 0.8) = √0.4.
        let pair = matrix(2, &[(0, 1, 0.5), (1, 0, 0.8)]);
        close(spectral_radius(&pair), 0.4f64.sqrt(), "2-cycle");
        // Two blocks joined one way: ρ is the larger block's.
        let blocks = matrix(
            5,
            &[(0, 1, 0.5), (1, 0, 0.5), (1, 2, 1.0), (2, 3, 0.9), (3, 4, 0.9), (4, 2, 0.9)],
        );
        close(spectral_radius(&blocks), 0.9, "blocks");
        // A long cycle with uneven weights mixes slowly under the power iteration and takes
        // Noda's iteration: ρ = (0.5 · 0.8)^(n/2 / n) = √0.4.
        for n in [120, 400] {
            let long: Vec<(usize, usize, f64)> =
                (0..n).map(|i| (i, (i + 1) % n, if i % 2 == 0 { 0.5 } else { 0.8 })).collect();
            close(spectral_radius(&matrix(n, &long)), 0.4f64.sqrt(), "long cycle");
        }
        // Two dense clusters joined by one weak tie each way: a small spectral gap.
        let mut clusters = Vec::new();
        for base in [0, 20] {
            for i in 0..20 {
                for j in 0..20 {
                    if i != j {
                        clusters.push((base + i, base + j, 0.05));
                    }
                }
            }
        }
        clusters.extend([(0, 20, 1e-6), (20, 0, 1e-6)]);
        let d = matrix(40, &clusters);
        let expected = d.dense().complex_eigenvalues().iter().map(|z| z.norm()).fold(0.0, f64::max);
        close(spectral_radius(&d), expected, "clusters");
    }

    #[test]
    fn spectral_radius_matches_the_eigenvalues_on_random_matrices() {
        for seed in 0..8 {
            let dense = random_matrix(seed, 30, 0.15);
            let expected = dense.complex_eigenvalues().iter().map(|z| z.norm()).fold(0.0, f64::max);
            let d = DependenceMatrix::from_dense((0..30).map(ActorId::from_index).collect(), dense)
                .unwrap();
            close(spectral_radius(&d), expected, &format!("seed {seed}"));
        }
    }

    #[test]
    fn the_largest_alpha_is_shown_cut_down_not_rounded_up() {
        assert_eq!(significant_below(1.0 / 0.8f64.sqrt()), "1.118033988");
        assert_eq!(significant(1.0 / 0.8f64.sqrt()), "1.118033989");
        assert_eq!(significant_below(2.5), "2.5");
        assert_eq!(significant_below(0.000_123_456_789_987), "0.0001234567899");
    }

    #[test]
    fn alpha_is_refused_at_and_above_one_over_rho() {
        let cycle = matrix(3, &[(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0)]);
        let refused = interdependence(&cycle, &InterdependenceConfig { alpha: 1.0 });
        assert_eq!(
            refused,
            Err(AnalysisError::InvalidParameter(
                "α·ρ(D) = 1 ≥ 1 (ρ(D) = 1), so T = (I − αD)⁻¹ − I does not converge; α must be below 1"
                    .to_owned()
            ))
        );
        assert!(interdependence(&cycle, &InterdependenceConfig { alpha: -0.1 }).is_err());
        assert!(interdependence(&cycle, &InterdependenceConfig { alpha: f64::NAN }).is_err());
        assert!(interdependence(&cycle, &InterdependenceConfig { alpha: 0.999 }).is_ok());
        assert_eq!(significant(1.0 / 3.0f64.sqrt()), "0.5773502692");
        assert_eq!(significant(2.5), "2.5");
        assert_eq!(significant(1234.5), "1234.5");
    }
}
