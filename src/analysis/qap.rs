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
/// `gcor` and `qaptest`).
///
/// # Complexity
/// O(P n²) for P permutations.
pub fn qap_correlation(dyads: &Dyads, y: &[f64], x: &[f64], config: &QapConfig) -> QapCorrelation {
    let identity: Vec<usize> = (0..dyads.n).collect();
    let yv = dyads.vector(y, &identity);
    let correlation = pearson(&yv, &dyads.vector(x, &identity));
    let test = correlation.filter(|_| config.permutations > 0).map(|observed| {
        let values: Vec<f64> = (0..config.permutations)
            .into_par_iter()
            .map(|k| {
                let order = permutation(dyads.n, config.seed, k);
                pearson(&yv, &dyads.vector(x, &order)).unwrap_or(0.0)
            })
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
            let values: Vec<f64> = (0..config.permutations)
                .into_par_iter()
                .map(|k| {
                    let order = permutation(n, config.seed.wrapping_add(j as u64), k);
                    let permuted = dyads.vector(&matrix, &order);
                    let mut cols = others.clone();
                    cols.push(&permuted);
                    least_squares(&design(yv.len(), &cols), &yv)
                        .map_or(0.0, |(_, t, _)| t[cols.len()])
                })
                .collect();
            PermutationTest::of(t[j + 1], &values)
        });
        coefficients.push(QapCoefficient { estimate: estimates[j + 1], t: t[j + 1], test });
    }
    Ok(QapRegression { coefficients, r_squared, n_dyads: yv.len() })
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
}
