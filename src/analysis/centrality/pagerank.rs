//! PageRank and personalized PageRank, by power iteration with a chosen teleport vector.

use rayon::prelude::*;

use super::{PowerIterationConfig, check_tolerance, not_converged};
use crate::analysis::error::AnalysisError;
use crate::analysis::kernels::{self, Stopping};
use crate::view::View;

/// PageRank (Page, Brin, Motwani & Winograd 1999): the stationary distribution of a random
/// surfer who follows a tie with probability α — choosing among a node's outgoing ties in
/// proportion to their weight — and otherwise jumps to a uniformly chosen node; nodes without
/// outgoing ties pass their mass to all nodes uniformly.
///
/// `x_v = α (Σ_{u→v} x_u w_uv / W_u + Σ_{dangling u} x_u / n) + (1 − α) / n`, with W_u the
/// out-strength of u; values sum to 1. Undirected ties count in both directions.
///
/// Matches NetworkX 3.x `pagerank(G, alpha=0.85, weight="weight")`, with NetworkX's stopping
/// rule (an L1 change below n·tol) and a tighter tol: 1e-14 rather than 1e-6 (see
/// [`PowerIterationConfig::tolerance`]). With `tolerance: None`: exactly
/// `max_iterations` iterations from 1/n, the LDBC Graphalytics PageRank (which uses unit
/// weights: give it a view whose weights are 1).
///
/// # Errors
/// [`AnalysisError::NotConverged`] when the tolerance is not reached in `max_iterations`;
/// [`AnalysisError::InvalidParameter`] for α outside [0, 1] or a tolerance that is not positive.
///
/// # Complexity
/// O(n + m) per iteration; about log(tolerance) / log(α) iterations.
pub fn pagerank(view: &View, config: &PowerIterationConfig) -> Result<Vec<f64>, AnalysisError> {
    let n = view.n_nodes();
    let uniform = vec![1.0 / n as f64; n];
    run_pagerank(view, config, &uniform)
}

/// Personalized PageRank (Haveliwala 2002): PageRank whose random jumps — and the mass of
/// nodes without outgoing ties — land on nodes in proportion to `personalization` (one
/// non-negative value per node, not all zero; it is scaled to sum to 1).
///
/// Matches NetworkX 3.x `pagerank(G, alpha, personalization=p, weight="weight")`.
///
/// # Errors
/// As [`pagerank`], plus [`AnalysisError::InvalidParameter`] when `personalization` does not
/// have one finite, non-negative value per node with a positive sum.
///
/// # Complexity
/// O(n + m) per iteration.
pub fn personalized_pagerank(
    view: &View,
    config: &PowerIterationConfig,
    personalization: &[f64],
) -> Result<Vec<f64>, AnalysisError> {
    let n = view.n_nodes();
    let total: f64 = personalization.iter().sum();
    if personalization.len() != n
        || personalization.iter().any(|p| !p.is_finite() || *p < 0.0)
        || !(total > 0.0 && total.is_finite())
    {
        return Err(AnalysisError::InvalidParameter(format!(
            "personalization needs {n} finite, non-negative values with a positive sum"
        )));
    }
    let teleport: Vec<f64> = personalization.iter().map(|p| p / total).collect();
    run_pagerank(view, config, &teleport)
}

fn run_pagerank(
    view: &View,
    config: &PowerIterationConfig,
    teleport: &[f64],
) -> Result<Vec<f64>, AnalysisError> {
    if !(0.0..=1.0).contains(&config.alpha) {
        return Err(AnalysisError::InvalidParameter(format!(
            "the PageRank damping factor must be between 0 and 1, not {}",
            config.alpha
        )));
    }
    let stopping = match config.tolerance {
        Some(tolerance) => {
            check_tolerance(tolerance)?;
            Stopping::Tolerance { tolerance, max_iterations: config.max_iterations }
        }
        None => Stopping::Iterations(config.max_iterations),
    };
    let n = view.n_nodes();
    if n == 0 {
        return Ok(Vec::new());
    }
    let out = view.out_arcs();
    let out_strength: Vec<f64> = (0..n as u32).into_par_iter().map(|u| out.strength(u)).collect();
    let start = vec![1.0 / n as f64; n];
    kernels::pagerank(view.in_arcs(), &out_strength, config.alpha, teleport, start, stopping)
        .map_err(|d| not_converged("pagerank", d))
}
