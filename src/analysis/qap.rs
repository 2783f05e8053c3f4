//! QAP between relations: does one layer follow another? The correlation of two adjacency
//! matrices with a quadratic-assignment permutation test, and MR-QAP regression of one matrix on
//! several with Dekker's double semi-partialling.

use nalgebra::{DMatrix, DVector};
use rayon::prelude::*;

use super::AnalysisError;
use super::kernels::pearson;
use crate::random::SplitMix64;

/// The largest number of actors [`Dyads`] are built for: n² cells per matrix.
pub const MAX_QAP_ACTORS: usize = 5_000;

/// The cells of n × n matrices that the tests use: every ordered pair i ≠ j (directed), or
/// every pair i < j (undirected, when every matrix is symmetric), as R sna's `gvectorize`.
#[derive(Clone, Debug, PartialEq)]
pub struct Dyads {
    /// Actors.
    pub n: usize,
    /// Whether ordered pairs are used.
    pub directed: bool,
}

impl Dyads {
    /// The cells of n actors' matrices.
    ///
    /// # Errors
    /// [`AnalysisError::InvalidParameter`] beyond [`MAX_QAP_ACTORS`] actors or below 3.
    pub fn new(n: usize, directed: bool) -> Result<Dyads, AnalysisError> {
        if n > MAX_QAP_ACTORS {
            return Err(AnalysisError::InvalidParameter(format!(
                "{n} actors make {} cells per matrix; QAP takes at most {MAX_QAP_ACTORS} actors — narrow the view to a coalition or a level",
                n.saturating_mul(n)
            )));
        }
        if n < 3 {
            return Err(AnalysisError::InvalidParameter(format!(
                "{n} actors are too few to permute; QAP needs at least 3"
            )));
        }
        Ok(Dyads { n, directed })
    }

    /// The cells of `matrix` (row-major n × n) in pair order, with the actors renumbered by
    /// `order` (actor i takes the place of `order[i]`).
    fn vector(&self, matrix: &[f64], order: &[usize]) -> Vec<f64> {
        let n = self.n;
        let mut out = Vec::with_capacity(if self.directed { n * (n - 1) } else { n * (n - 1) / 2 });
        for i in 0..n {
            let range = if self.directed { 0..n } else { i + 1..n };
            for j in range {
                if i != j {
                    out.push(matrix[order[i] * n + order[j]]);
                }
            }
        }
        out
    }
}

/// The nonzero cells of a matrix over the dyads, `(row, column, value)`: what a cross sum
/// Σ a_ij · b_π(i)π(j) with a permuted matrix b needs, so that each permutation costs the
/// nonzero cells of the fixed matrix, not n².
struct Cells(Vec<(u32, u32, f64)>);

impl Cells {
    /// The nonzero cells of `matrix` (row-major n × n) among the dyads.
    fn of(dyads: &Dyads, matrix: &[f64]) -> Cells {
        let n = dyads.n;
        let mut cells = Vec::new();
        for i in 0..n {
            let range = if dyads.directed { 0..n } else { i + 1..n };
            for j in range {
                let value = matrix[i * n + j];
                if i != j && value != 0.0 {
                    cells.push((i as u32, j as u32, value));
                }
            }
        }
        Cells(cells)
    }

    /// Σ a_ij · b_order(i)order(j) over these cells a, with `other` row-major n × n.
    fn cross(&self, other: &[f64], n: usize, order: &[usize]) -> f64 {
        self.0
            .iter()
            .map(|&(i, j, value)| value * other[order[i as usize] * n + order[j as usize]])
            .sum()
    }
}

/// Sum and centred sum of squares of a list.
fn moments(values: &[f64]) -> (f64, f64) {
    let sum: f64 = values.iter().sum();
    let mean = sum / values.len().max(1) as f64;
    (sum, values.iter().map(|v| (v - mean) * (v - mean)).sum())
}

/// The settings of the permutation tests.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct QapConfig {
    /// Permutations of the actors.
    pub permutations: usize,
    /// Their seed.
    pub seed: u64,
}

impl Default for QapConfig {
    fn default() -> Self {
        QapConfig { permutations: 1000, seed: 1 }
    }
}

impl QapConfig {
    /// With this many permutations.
    pub fn with_permutations(mut self, permutations: usize) -> Self {
        self.permutations = permutations;
        self
    }

    /// With this seed.
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }
}

/// Where an observed statistic falls among its permuted values.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PermutationTest {
    /// Permutations run.
    pub permutations: usize,
    /// The mean of the permuted values.
    pub expected: f64,
    /// Share of permuted values at least the observed one (sna's `pgreq`).
    pub p_at_least: f64,
    /// Share of permuted values at most the observed one (sna's `pleeq`).
    pub p_at_most: f64,
    /// Share of permuted values at least as far from 0 as the observed one (sna's `pgreqabs`).
    pub p_absolute: f64,
}

impl PermutationTest {
    fn of(observed: f64, values: &[f64]) -> PermutationTest {
        let p = values.len() as f64;
        let tolerance = 1e-12 * observed.abs().max(1.0);
        let share =
            |keep: &dyn Fn(f64) -> bool| values.iter().filter(|&&v| keep(v)).count() as f64 / p;
        PermutationTest {
            permutations: values.len(),
            expected: values.iter().sum::<f64>() / p,
            p_at_least: share(&|v| v >= observed - tolerance),
            p_at_most: share(&|v| v <= observed + tolerance),
            p_absolute: share(&|v| v.abs() >= observed.abs() - tolerance),
        }
    }
}

/// The correlation of two matrices and its QAP test.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct QapCorrelation {
    /// Pearson's r over the dyads (sna `gcor`); `None` when a matrix is constant.
    pub correlation: Option<f64>,
    /// The test, permuting the actors of the second matrix (sna `qaptest`); `None` with the
    /// correlation.
    pub test: Option<PermutationTest>,
}

/// One coefficient of an MR-QAP regression.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct QapCoefficient {
    /// The least-squares estimate.
    pub estimate: f64,
    /// Its t statistic (estimate / standard error).
    pub t: f64,
    /// The test of t under double semi-partialling; `None` for the intercept.
    pub test: Option<PermutationTest>,
}

/// An MR-QAP regression of one matrix on others.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct QapRegression {
    /// The intercept, then one coefficient per predictor, in the order given.
    pub coefficients: Vec<QapCoefficient>,
    /// R² of the fit.
    pub r_squared: f64,
    /// Dyads in the fit.
    pub n_dyads: usize,
}

/// A permutation of 0..n from permutation number `k` of `seed` (Fisher–Yates on SplitMix64),
/// the same at any thread count.
fn permutation(n: usize, seed: u64, k: usize) -> Vec<usize> {
    let mut rng = SplitMix64::new(seed ^ (k as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        order.swap(i, rng.below(i as u64 + 1) as usize);
    }
    order
}

/// The correlation of `y` and `x` (row-major n × n) over `dyads`, with a QAP test: the actors of
/// `x` permuted (rows and columns alike) `config.permutations` times (Krackhardt 1987; R sna
/// `gcor` and `qaptest`, whose numbers it matches).
///
/// `r = Σ_d (x_d − x̄)(y_d − ȳ) / √(Σ_d (x_d − x̄)² Σ_d (y_d − ȳ)²)` over the dyads d; the test
/// gives the shares of permutations π with `r_π ≥ r` and `r_π ≤ r`, where `r_π` correlates y
/// with `x_{π(i)π(j)}`.
///
/// # Complexity
/// O(P n²) for P permutations.
pub fn qap_correlation(dyads: &Dyads, y: &[f64], x: &[f64], config: &QapConfig) -> QapCorrelation {
    let n = dyads.n;
    let identity: Vec<usize> = (0..n).collect();
    let yv = dyads.vector(y, &identity);
    let xv = dyads.vector(x, &identity);
    let correlation = pearson(&yv, &xv);
    // Permuting rows and columns alike maps the dyads onto the dyads: x's sum and sum of
    // squares stay, only the cross sum with y changes — over y's nonzero cells.
    let rows = yv.len() as f64;
    let ((sy, syy), (sx, sxx)) = (moments(&yv), moments(&xv));
    let cells = Cells::of(dyads, y);
    let permuted_r = |order: &[usize]| {
        let sxy = cells.cross(x, n, order) - sx * sy / rows;
        let r = sxy / (sxx * syy).sqrt();
        if r.is_finite() { r } else { 0.0 }
    };
    let test = correlation.filter(|_| config.permutations > 0).map(|observed| {
        let values: Vec<f64> = (0..config.permutations)
            .into_par_iter()
            .map(|k| permuted_r(&permutation(n, config.seed, k)))
            .collect();
        PermutationTest::of(observed, &values)
    });
    QapCorrelation { correlation, test }
}

/// Least squares of `y` on the columns of `x` (an intercept column included by the caller):
/// (estimates, t statistics, R²); `None` when XᵀX is singular or there are too few dyads.
fn least_squares(x: &DMatrix<f64>, y: &DVector<f64>) -> Option<(Vec<f64>, Vec<f64>, f64)> {
    let (rows, k) = x.shape();
    if rows <= k {
        return None;
    }
    let xtx = x.transpose() * x;
    let inverse = xtx.try_inverse()?;
    let beta = &inverse * (x.transpose() * y);
    let residual = y - x * &beta;
    let rss = residual.norm_squared();
    let mean = y.mean();
    let tss: f64 = y.iter().map(|v| (v - mean) * (v - mean)).sum();
    let sigma2 = rss / (rows - k) as f64;
    let t: Vec<f64> = (0..k).map(|j| beta[j] / (sigma2 * inverse[(j, j)]).sqrt()).collect();
    let r_squared = if tss > 0.0 { 1.0 - rss / tss } else { 0.0 };
    Some((beta.iter().copied().collect(), t, r_squared))
}

/// The design matrix of `rows` dyads: an intercept column, then the given columns.
fn design(rows: usize, columns: &[&[f64]]) -> DMatrix<f64> {
    DMatrix::from_fn(rows, columns.len() + 1, |i, j| if j == 0 { 1.0 } else { columns[j - 1][i] })
}

/// MR-QAP: ordinary least squares of `y` on `predictors` (each row-major n × n) over `dyads`,
/// with an intercept, and for each predictor a permutation test of its t statistic by double
/// semi-partialling (Dekker, Krackhardt & Snijders 2007; R sna `netlm(nullhyp = "qapspp")`): the
/// predictor is regressed on the others, the residual matrix's actors are permuted, and y is
/// fitted on the others and the permuted residuals.
///
/// # Errors
/// [`AnalysisError::InvalidParameter`] without predictors, or when the predictors are
/// collinear (XᵀX singular).
///
/// # Complexity
/// O(P k (n² k + k³)) for P permutations and k predictors.
pub fn qap_regression(
    dyads: &Dyads,
    y: &[f64],
    predictors: &[&[f64]],
    config: &QapConfig,
) -> Result<QapRegression, AnalysisError> {
    if predictors.is_empty() {
        return Err(AnalysisError::InvalidParameter("no predictor to regress on".to_owned()));
    }
    let identity: Vec<usize> = (0..dyads.n).collect();
    let yv = DVector::from_vec(dyads.vector(y, &identity));
    let xs: Vec<Vec<f64>> = predictors.iter().map(|m| dyads.vector(m, &identity)).collect();
    let columns: Vec<&[f64]> = xs.iter().map(Vec::as_slice).collect();
    let collinear = || {
        AnalysisError::InvalidParameter(
            "the predictors are constant or collinear (one is a combination of the others), so \
             their effects cannot be told apart"
                .to_owned(),
        )
    };
    let (estimates, t, r_squared) =
        least_squares(&design(yv.len(), &columns), &yv).ok_or_else(collinear)?;
    let n = dyads.n;
    let mut coefficients = vec![QapCoefficient { estimate: estimates[0], t: t[0], test: None }];
    for j in 0..predictors.len() {
        let others: Vec<&[f64]> =
            columns.iter().enumerate().filter(|&(i, _)| i != j).map(|(_, c)| *c).collect();
        // The part of predictor j the others do not explain, as an n × n matrix again.
        let other_design = design(yv.len(), &others);
        let xj = DVector::from_column_slice(columns[j]);
        let inverse =
            (other_design.transpose() * &other_design).try_inverse().ok_or_else(collinear)?;
        let residual = &xj - &other_design * (inverse * (other_design.transpose() * &xj));
        let mut matrix = vec![0.0; n * n];
        let mut cell = 0;
        for i in 0..n {
            let range = if dyads.directed { 0..n } else { i + 1..n };
            for jj in range {
                if i != jj {
                    matrix[i * n + jj] = residual[cell];
                    if !dyads.directed {
                        matrix[jj * n + i] = residual[cell];
                    }
                    cell += 1;
                }
            }
        }
        let test = (config.permutations > 0).then(|| {
            let fit = PermutedFit::new(dyads, &yv, y, &others, predictors, j, &residual);
            let values: Vec<f64> = (0..config.permutations)
                .into_par_iter()
                .map(|k| {
                    let order = permutation(n, config.seed.wrapping_add(j as u64), k);
                    fit.t(&matrix, n, &order)
                })
                .collect();
            PermutationTest::of(t[j + 1], &values)
        });
        coefficients.push(QapCoefficient { estimate: estimates[j + 1], t: t[j + 1], test });
    }
    Ok(QapRegression { coefficients, r_squared, n_dyads: yv.len() })
}

/// The regression of y on an intercept, the other predictors and one permuted residual matrix
/// e, from sums: XᵀX and Xᵀy of the fixed columns are computed once; a permutation leaves Σe
/// and Σe² as they are (rows and columns move alike, dyads onto dyads) and changes only the
/// cross sums e·y and e·x_c, each over the nonzero cells of y or x_c. Then β = (XᵀX)⁻¹Xᵀy,
/// RSS = yᵀy − βᵀXᵀy and t = β_e / √(RSS / (rows − k) · (XᵀX)⁻¹_ee), as [`least_squares`].
struct PermutedFit {
    /// Rows (dyads).
    rows: f64,
    /// XᵀX with the last row and column (e's) left to fill.
    gram: DMatrix<f64>,
    /// Xᵀy with e's entry left to fill.
    xty: DVector<f64>,
    /// yᵀy.
    yty: f64,
    /// Nonzero cells of y and of each other predictor.
    cells: Vec<Cells>,
}

impl PermutedFit {
    fn new(
        dyads: &Dyads,
        yv: &DVector<f64>,
        y: &[f64],
        others: &[&[f64]],
        predictors: &[&[f64]],
        skip: usize,
        residual: &DVector<f64>,
    ) -> PermutedFit {
        let k = others.len() + 2;
        let rows = yv.len();
        let fixed = design(rows, others);
        let mut gram = DMatrix::zeros(k, k);
        gram.view_mut((0, 0), (k - 1, k - 1)).copy_from(&(fixed.transpose() * &fixed));
        let (sum_e, _) = moments(residual.as_slice());
        let sum_ee: f64 = residual.iter().map(|v| v * v).sum();
        gram[(0, k - 1)] = sum_e;
        gram[(k - 1, 0)] = sum_e;
        gram[(k - 1, k - 1)] = sum_ee;
        let mut xty = DVector::zeros(k);
        xty.rows_mut(0, k - 1).copy_from(&(fixed.transpose() * yv));
        let cells = std::iter::once(Cells::of(dyads, y))
            .chain(
                predictors
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| i != skip)
                    .map(|(_, m)| Cells::of(dyads, m)),
            )
            .collect();
        PermutedFit { rows: rows as f64, gram, xty, yty: yv.norm_squared(), cells }
    }

    /// The t of the permuted residual matrix `e` (row-major n × n) under `order`; 0 when the
    /// fit is singular.
    fn t(&self, e: &[f64], n: usize, order: &[usize]) -> f64 {
        let k = self.gram.nrows();
        let mut gram = self.gram.clone();
        let mut xty = self.xty.clone();
        xty[k - 1] = self.cells[0].cross(e, n, order);
        for (c, cells) in self.cells[1..].iter().enumerate() {
            let cross = cells.cross(e, n, order);
            gram[(c + 1, k - 1)] = cross;
            gram[(k - 1, c + 1)] = cross;
        }
        let Some(inverse) = gram.try_inverse() else { return 0.0 };
        let beta = &inverse * &xty;
        let rss = (self.yty - beta.dot(&xty)).max(0.0);
        let sigma2 = rss / (self.rows - k as f64);
        let t = beta[k - 1] / (sigma2 * inverse[(k - 1, k - 1)]).sqrt();
        if t.is_finite() { t } else { 0.0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// y = 2 + 3·x exactly on a directed 4 × 4: r = 1, the estimates 2 and 3, R² = 1.
    #[test]
    fn an_exact_linear_relation_is_found() {
        let n = 4;
        let x: Vec<f64> = (0..n * n).map(|c| ((c * 7) % 5) as f64).collect();
        let y: Vec<f64> = x.iter().map(|v| 2.0 + 3.0 * v).collect();
        let dyads = Dyads::new(n, true).unwrap();
        let r = qap_correlation(&dyads, &y, &x, &QapConfig::default().with_permutations(50));
        assert!((r.correlation.unwrap() - 1.0).abs() < 1e-12);
        // A little noise so that the standard errors are finite.
        let noisy: Vec<f64> =
            y.iter().enumerate().map(|(c, v)| v + if c % 2 == 0 { 0.01 } else { -0.01 }).collect();
        let fit =
            qap_regression(&dyads, &noisy, &[&x], &QapConfig::default().with_permutations(20))
                .unwrap();
        assert!((fit.coefficients[1].estimate - 3.0).abs() < 0.01);
        assert!(fit.r_squared > 0.999);
        assert_eq!(fit.n_dyads, 12);
    }

    /// The permuted statistics from sums over nonzero cells equal the direct computation —
    /// the permuted matrix written out and Pearson's r or least squares run on it — on sparse
    /// directed and undirected matrices with a dense predictor among them.
    #[test]
    fn permuted_statistics_from_sums_match_the_direct_computation() {
        let mut rng = SplitMix64::new(5);
        for directed in [true, false] {
            let n = 23;
            let mut random = |density: f64| -> Vec<f64> {
                let mut m = vec![0.0; n * n];
                for i in 0..n {
                    for j in 0..n {
                        let (a, b) = if directed { (i, j) } else { (i.min(j), i.max(j)) };
                        if i != j
                            && (directed || i < j)
                            && rng.below(1000) < (density * 1000.0) as u64
                        {
                            let v = 1.0 + rng.below(4) as f64;
                            m[a * n + b] = v;
                            m[b * n + a] = if directed { m[b * n + a] } else { v };
                        }
                    }
                }
                m
            };
            let (y, x1, x2) = (random(0.2), random(0.3), random(0.9));
            let dyads = Dyads::new(n, directed).unwrap();
            let identity: Vec<usize> = (0..n).collect();
            let yv = dyads.vector(&y, &identity);
            let config = QapConfig::default().with_permutations(0);
            let fit = qap_regression(&dyads, &y, &[&x1, &x2], &config).unwrap();
            assert!(fit.coefficients.iter().all(|c| c.test.is_none()));
            // Predictor 0 (x1) against the others (x2): its residual matrix.
            let xs = [dyads.vector(&x1, &identity), dyads.vector(&x2, &identity)];
            let others = [xs[1].as_slice()];
            let od = design(yv.len(), &others);
            let xj = DVector::from_column_slice(&xs[0]);
            let inverse = (od.transpose() * &od).try_inverse().unwrap();
            let residual = &xj - &od * (inverse * (od.transpose() * &xj));
            let mut e = vec![0.0; n * n];
            let mut cell = 0;
            for i in 0..n {
                let range = if directed { 0..n } else { i + 1..n };
                for j in range {
                    if i != j {
                        e[i * n + j] = residual[cell];
                        if !directed {
                            e[j * n + i] = residual[cell];
                        }
                        cell += 1;
                    }
                }
            }
            let yd = DVector::from_vec(yv.clone());
            let fast = PermutedFit::new(&dyads, &yd, &y, &others, &[&x1, &x2], 0, &residual);
            for k in 0..20 {
                let order = permutation(n, 9, k);
                let permuted = dyads.vector(&e, &order);
                let direct = least_squares(&design(yv.len(), &[others[0], &permuted]), &yd)
                    .map(|(_, t, _)| t[2])
                    .unwrap();
                let ours = fast.t(&e, n, &order);
                assert!((ours - direct).abs() <= 1e-9 * direct.abs().max(1.0), "t {ours} {direct}");
                // The correlation's permuted value.
                let xv = dyads.vector(&x1, &order);
                let direct_r = pearson(&yv, &xv).unwrap();
                let (sy, syy) = moments(&yv);
                let (sx, sxx) = moments(&dyads.vector(&x1, &identity));
                let rows = yv.len() as f64;
                let r = (Cells::of(&dyads, &y).cross(&x1, n, &order) - sx * sy / rows)
                    / (sxx * syy).sqrt();
                assert!((r - direct_r).abs() < 1e-12, "r {r} {direct_r}");
            }
        }
    }
}
