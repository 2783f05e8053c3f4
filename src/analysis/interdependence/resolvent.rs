//! The resolvent of the dependence matrix: indirect dependence T = (I − αD)⁻¹ − I (Katz 1953),
//! whole by LU, or its row and column sums by a certified Neumann series or one LU
//! factorization.

use nalgebra::{DMatrix, DVector};
use rayon::prelude::*;

use super::matrix::{DependenceMatrix, nonzero_rows_and_columns};
use super::spectral::checked_radius;
use crate::analysis::AnalysisError;

/// Below this many active nodes the LU factorization is used directly: it takes milliseconds.
const NEUMANN_FROM: usize = 256;

/// Relative size of the bounded rest of the Neumann series at which it stops.
const SERIES_TOLERANCE: f64 = 1e-14;

/// The full indirect dependence T = (I − αD)⁻¹ − I over the active nodes of `d` (rows and
/// columns in [`DependenceMatrix::active_nodes`] order), by nalgebra's dense LU inverse.
/// [`interdependence`](super::interdependence) needs only T's row and column sums and computes them without the
/// inverse; this is for callers that want T itself.
///
/// # Errors
/// As [`interdependence`](super::interdependence).
///
/// # Complexity
/// O(k³) time, O(k²) memory.
///
/// Numbers: matches numpy's `inv(I − αD) − I` (Katz 1953's attenuated path sum) in the oracle, tolerance 1e-9.
pub fn indirect_dependence(
    d: &DependenceMatrix,
    alpha: f64,
) -> Result<DMatrix<f64>, AnalysisError> {
    checked_radius(d, alpha)?;
    let k = d.active.len();
    if k == 0 {
        return Ok(DMatrix::zeros(0, 0));
    }
    let system = DMatrix::<f64>::identity(k, k) - d.dense.scale(alpha);
    let inverse = system.lu().try_inverse().ok_or_else(|| not_m_matrix(alpha))?;
    Ok(inverse - DMatrix::<f64>::identity(k, k))
}

fn not_m_matrix(alpha: f64) -> AnalysisError {
    AnalysisError::InvalidParameter(format!(
        "α = {} makes I − αD numerically singular (α within rounding of 1/ρ(D), or so large \
         that αD leaves the range of the arithmetic); choose a smaller α",
        super::spectral::shown(alpha)
    ))
}

/// How [`resolvent_sums`] solves.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(not(test), allow(dead_code))] // `Neumann` is forced only by tests.
pub(super) enum Method {
    /// The Neumann series for large matrices when ρ(αD) (given) lets it settle in time, LU
    /// otherwise.
    Auto(f64),
    /// LU only.
    Lu,
    /// The Neumann series only, with at most this many terms.
    Neumann(usize),
}

/// Row and column sums of T = (I − αD)⁻¹ − I: (x − 1, y − 1) with x = (I − αD)⁻¹ 1 and
/// y = (I − αDᵀ)⁻¹ 1, clipped at 0, and exactly 0 for zero rows (columns) of D.
pub(super) fn resolvent_sums(
    dense: &DMatrix<f64>,
    alpha: f64,
    method: Method,
) -> Result<(Vec<f64>, Vec<f64>), AnalysisError> {
    let k = dense.nrows();
    if k == 0 {
        // nalgebra's solvers assert on empty systems.
        return Ok((Vec::new(), Vec::new()));
    }
    let (rows, cols) = match method {
        Method::Auto(q) if k >= NEUMANN_FROM && expected_terms(q) <= neumann_budget(k) => {
            match neumann_sums(dense, alpha, neumann_budget(k)) {
                Some(sums) => sums,
                None => lu_sums(dense, alpha)?,
            }
        }
        Method::Auto(_) | Method::Lu => lu_sums(dense, alpha)?,
        Method::Neumann(terms) => neumann_sums(dense, alpha, terms).ok_or_else(|| {
            AnalysisError::InvalidParameter(format!(
                "the Neumann series did not settle within {terms} terms"
            ))
        })?,
    };
    let (depends, depended) = nonzero_rows_and_columns(dense);
    let clean = |sums: Vec<f64>, nonzero: &[bool]| -> Vec<f64> {
        sums.into_iter()
            .zip(nonzero)
            .map(|(s, &any)| if any { s.max(0.0) + 0.0 } else { 0.0 })
            .collect()
    };
    Ok((clean(rows, &depends), clean(cols, &depended)))
}

/// Sweeps the Neumann series may take before LU is cheaper: an LU factorization costs about
/// k³/3 multiply-adds, a sweep of both series 2k².
fn neumann_budget(k: usize) -> usize {
    (k / 6).max(16)
}

/// Terms the series needs once its ratio has settled at q = ρ(αD): the rest after term t is
/// about q^t / (1 − q), which must fall below the tolerance.
fn expected_terms(q: f64) -> usize {
    if q <= 0.0 {
        return 1;
    }
    let terms = (SERIES_TOLERANCE * (1.0 - q)).ln() / q.ln();
    if terms.is_finite() { terms.ceil().max(1.0) as usize } else { usize::MAX }
}

/// The two sums by the Neumann series Σ_{k≥1} (αD)^k 1 and Σ_{k≥1} (αDᵀ)^k 1, or `None` when
/// either has not provably converged within `max_terms` terms.
///
/// Both series advance in one sweep over D per term: column j of D (contiguous in nalgebra's
/// column-major storage) adds α D[·][j] v_j to the next row-side term and gives the next
/// column-side entry α D[·][j] · u. The sweep is bound by reading D from memory, so sharing it
/// halves the time.
fn neumann_sums(
    dense: &DMatrix<f64>,
    alpha: f64,
    max_terms: usize,
) -> Option<(Vec<f64>, Vec<f64>)> {
    let k = dense.nrows();
    if k == 0 {
        return Some((Vec::new(), Vec::new()));
    }
    let data = dense.as_slice();
    let (mut rows, mut cols) = (Series::new(k), Series::new(k));
    for _ in 0..max_terms {
        let (rows_open, cols_open) = (!rows.done, !cols.done);
        // Fixed chunks of columns, in parallel; each gives its share of the row-side term and
        // its slice of the column-side term, added up in chunk order — the same at any thread
        // count.
        let (row_term, col_term) = (&rows.term, &cols.term);
        let parts: Vec<(Vec<f64>, Vec<f64>)> = data
            .par_chunks(k * SWEEP_COLUMNS)
            .enumerate()
            .map(|(chunk, columns)| {
                let first = chunk * SWEEP_COLUMNS;
                let mut row_part = if rows_open { vec![0.0; k] } else { Vec::new() };
                let mut col_part = Vec::with_capacity(if cols_open { SWEEP_COLUMNS } else { 0 });
                for (offset, column) in columns.chunks_exact(k).enumerate() {
                    let v = alpha * row_term[first + offset];
                    if rows_open && v != 0.0 {
                        for (next, &d) in row_part.iter_mut().zip(column) {
                            *next += d * v;
                        }
                    }
                    if cols_open {
                        col_part.push(alpha * dot(column, col_term) + 0.0);
                    }
                }
                (row_part, col_part)
            })
            .collect();
        if rows_open {
            rows.next.iter_mut().for_each(|x| *x = 0.0);
            for (row_part, _) in &parts {
                for (next, &x) in rows.next.iter_mut().zip(row_part) {
                    *next += x;
                }
            }
            rows.settle();
        }
        if cols_open {
            let mut at = 0;
            for (_, col_part) in &parts {
                cols.next[at..at + col_part.len()].copy_from_slice(col_part);
                at += col_part.len();
            }
            cols.settle();
        }
        if rows.done && cols.done {
            return Some((rows.sum, cols.sum));
        }
    }
    None
}

/// Columns per parallel chunk of a Neumann sweep (fixed, so sums do not depend on threads).
const SWEEP_COLUMNS: usize = 64;

/// Σ a_i b_i with eight running sums, so the compiler can vectorize it (a single running sum
/// is one long chain of dependent additions); the order is fixed, so results are reproducible.
fn dot(a: &[f64], b: &[f64]) -> f64 {
    let mut lanes = [0.0f64; 8];
    let (a_chunks, b_chunks) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f64 =
        a_chunks.remainder().iter().zip(b_chunks.remainder()).map(|(&x, &y)| x * y).sum();
    for (x, y) in a_chunks.zip(b_chunks) {
        for lane in 0..8 {
            lanes[lane] += x[lane] * y[lane];
        }
    }
    let quads =
        [lanes[0] + lanes[4], lanes[1] + lanes[5], lanes[2] + lanes[6], lanes[3] + lanes[7]];
    (quads[0] + quads[2]) + (quads[1] + quads[3]) + tail
}

/// One Neumann series Σ_{k≥1} M^k 1 of a non-negative M in progress: the current term v_k, the
/// next one (filled by the caller), the partial sum.
struct Series {
    term: Vec<f64>,
    next: Vec<f64>,
    sum: Vec<f64>,
    done: bool,
}

impl Series {
    fn new(k: usize) -> Series {
        Series { term: vec![1.0; k], next: vec![0.0; k], sum: vec![0.0; k], done: false }
    }

    /// Adds the next term and decides whether the rest is provably negligible (see
    /// [`interdependence`](super::interdependence)): with r = max_i next_i / term_i < 1, every later term is at most
    /// r times the one before, so the rest is at most r / (1 − r) · next.
    fn settle(&mut self) {
        let mut ratio: f64 = 0.0;
        let mut all_zero = true;
        for ((sum, &x), &t) in self.sum.iter_mut().zip(&self.next).zip(&self.term) {
            *sum += x;
            if x > 0.0 {
                all_zero = false;
                // A walk of length k + 1 from i extends one of length k, so next_i > 0
                // implies term_i > 0 (up to underflow, which voids the certificate).
                ratio = if t > 0.0 { ratio.max(x / t) } else { f64::INFINITY };
            }
        }
        if all_zero {
            // Nilpotent: the series ended exactly.
            self.done = true;
        } else if ratio < 1.0 {
            let factor = ratio / (1.0 - ratio);
            self.done =
                self.next.iter().zip(&self.sum).all(|(&x, &s)| x * factor <= SERIES_TOLERANCE * s);
        }
        std::mem::swap(&mut self.term, &mut self.next);
    }
}

/// The two sums from one LU factorization P(I − αD) = LU: x by `solve`, and y from
/// (I − αD)ᵀ = Uᵀ Lᵀ P by Uᵀ z = 1, Lᵀ w = z, y = Pᵀ w.
///
/// A Z-matrix A (off-diagonal ≤ 0, as I − αD is) with A x = 1 for some x > 0 is a nonsingular
/// M-matrix, which is exactly ρ(αD) < 1 (Berman & Plemmons, *Nonnegative Matrices in the
/// Mathematical Sciences*, 1994, ch. 6); so x > 0 and y > 0 are checked as a certificate.
fn lu_sums(dense: &DMatrix<f64>, alpha: f64) -> Result<(Vec<f64>, Vec<f64>), AnalysisError> {
    let k = dense.nrows();
    let system = DMatrix::<f64>::identity(k, k) - dense.scale(alpha);
    let lu = system.lu();
    let ones = DVector::<f64>::from_element(k, 1.0);
    let x = lu.solve(&ones).ok_or_else(|| not_m_matrix(alpha))?;
    let mut y = ones;
    if !lu.u().tr_solve_upper_triangular_mut(&mut y) {
        return Err(not_m_matrix(alpha));
    }
    let _ = lu.l().tr_solve_lower_triangular_mut(&mut y);
    lu.p().inv_permute_rows(&mut y);
    let certified = |v: &DVector<f64>| v.iter().all(|&e| e.is_finite() && e > 0.0);
    if !certified(&x) || !certified(&y) {
        return Err(not_m_matrix(alpha));
    }
    Ok((x.iter().map(|e| e - 1.0).collect(), y.iter().map(|e| e - 1.0).collect()))
}

#[cfg(test)]
mod tests {
    use nalgebra::DMatrix;

    use super::super::test_support::{close, random_matrix};
    use super::*;

    #[test]
    fn lu_and_neumann_give_the_row_and_column_sums_of_the_inverse() {
        for (seed, density) in [(1, 0.05), (2, 0.3), (3, 1.0)] {
            let n = 40;
            let mut dense = random_matrix(seed, n, density);
            // Scale rows to sum ≤ 1, as inflow shares do.
            for i in 0..n {
                let total: f64 = dense.row(i).sum();
                if total > 0.0 {
                    dense.row_mut(i).scale_mut(1.0 / total);
                }
            }
            let alpha = 0.8;
            let t = (DMatrix::<f64>::identity(n, n) - dense.scale(alpha)).try_inverse().unwrap()
                - DMatrix::<f64>::identity(n, n);
            let (lu_rows, lu_cols) = resolvent_sums(&dense, alpha, Method::Lu).unwrap();
            let (ns_rows, ns_cols) =
                resolvent_sums(&dense, alpha, Method::Neumann(10_000)).unwrap();
            for i in 0..n {
                let (row, col) = (t.row(i).sum(), t.column(i).sum());
                close(lu_rows[i], row, "LU row sum");
                close(lu_cols[i], col, "LU column sum");
                close(ns_rows[i], row, "Neumann row sum");
                close(ns_cols[i], col, "Neumann column sum");
            }
        }
        // Too few terms: no certificate, no answer.
        let dense = random_matrix(4, 20, 1.0).scale(0.05);
        assert!(resolvent_sums(&dense, 0.9, Method::Neumann(2)).is_err());
    }

    #[test]
    fn the_series_is_tried_only_when_it_settles_before_lu_would_finish() {
        // q^t / (1 − q) ≤ 1e-14: t = ln(0.5e-14) / ln 0.5 = 47.5 → 48 terms at q = 0.5.
        assert_eq!(expected_terms(0.5), 48);
        assert_eq!(expected_terms(0.0), 1);
        assert!(expected_terms(0.99) > neumann_budget(2_000));
        assert!(expected_terms(0.9) <= neumann_budget(2_000));
    }

    #[test]
    fn neumann_sums_are_the_same_at_any_thread_count() {
        let n = 300;
        let dense = random_matrix(9, n, 0.5).scale(1.0 / n as f64);
        let run = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap()
                .install(|| resolvent_sums(&dense, 0.9, Method::Neumann(10_000)).unwrap())
        };
        let (one, two, three) = (run(1), run(2), run(3));
        assert!(one == two && two == three, "sums differ between thread counts");
        // And they agree with LU.
        let (rows, cols) = resolvent_sums(&dense, 0.9, Method::Lu).unwrap();
        for i in 0..n {
            close(one.0[i], rows[i], "row sum");
            close(one.1[i], cols[i], "column sum");
        }
    }
}
