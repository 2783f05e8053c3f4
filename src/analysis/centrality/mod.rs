//! Node centrality on a view: degree and strength, betweenness, closeness, harmonic,
//! eigenvector and PageRank, each defined as NetworkX 3.x defines it (DESIGN §4.2).
//!
//! Results are in node order (value `i` belongs to [`View::actor`]`(i)`). Path-based measures
//! count hops unless asked for [`PathLength::InverseWeight`](super::PathLength::InverseWeight);
//! eigenvector and PageRank always use the tie weight (strength).

mod betweenness;
mod closeness;
mod config;
mod eigenvector;
mod pagerank;
#[cfg(test)]
mod tests;

pub use betweenness::betweenness;
pub use closeness::{closeness, harmonic};
pub use config::{
    BetweennessConfig, CentralityConfig, EigenvectorConfig, Measures, PowerIterationConfig, Sample,
};
pub use eigenvector::eigenvector;
pub use pagerank::{pagerank, personalized_pagerank};

use rayon::prelude::*;

use super::error::AnalysisError;
use super::kernels::{self, Diverged, PathGraph, count_common};
use super::progress::Progress;
use crate::model::ActorId;
use crate::view::View;
use betweenness::betweenness_with_progress;
use closeness::{closeness_from, harmonic_from, sampled_closeness_and_harmonic};

/// The centrality of one actor. A measure that was not asked for is `None`.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ActorCentrality {
    /// The actor (node `i` of the view is `view.actor(i)`).
    pub actor: ActorId,
    /// The number of distinct actors the actor is tied to, in either direction: see
    /// [`neighbour_count`].
    pub degree: usize,
    /// Incoming arcs (actors with a tie to this one); equal to `degree` on an undirected view.
    /// On a mixed view an undirected tie is one incoming and one outgoing arc.
    pub in_degree: usize,
    /// Outgoing arcs (actors this one has a tie to); equal to `degree` on an undirected view.
    pub out_degree: usize,
    /// Weighted degree: sum of the weights of the ties at the actor (in + out on a directed
    /// view), NetworkX `G.degree(weight="weight")`.
    pub strength: f64,
    /// See [`betweenness`].
    pub betweenness: Option<f64>,
    /// See [`closeness`].
    pub closeness: Option<f64>,
    /// See [`harmonic`].
    pub harmonic: Option<f64>,
    /// See [`eigenvector`]; also `None` outside the largest weak component, and for every
    /// actor when the dominant eigenvector is not unique (the power iteration does not settle).
    pub eigenvector: Option<f64>,
    /// See [`pagerank`].
    pub pagerank: Option<f64>,
}

/// Computes degree, strength and the chosen measures of every node of `view`, in node order.
///
/// # Errors
/// [`AnalysisError::NotConverged`] when PageRank or eigenvector centrality does not reach its
/// tolerance; [`AnalysisError::InvalidParameter`] for a sample of 0 pivots, α outside [0, 1] or
/// a tolerance that is not positive.
///
/// With a [`Sample`] of k pivots (fewer than the nodes), betweenness is estimated as
/// [`betweenness`] says, and closeness and harmonic centrality from the searches of k
/// stratified pivots: harmonic by the unbiased Horvitz–Thompson sum Σ_p w_p / d(p, v) over the
/// pivots p ≠ v that reach v (w_p the inverse of p's chance to be drawn), closeness by the
/// Wasserman–Faust formula of [`closeness`] with r − 1 and Σ d replaced by Σ_p w_p and
/// Σ_p w_p d(p, v) (a ratio estimate, Eppstein & Wang 2004).
///
/// # Complexity
/// Degree O(n); betweenness, closeness and harmonic O(n·m) (weighted O(n·(m + n log n))),
/// O(k·m) with a sample of k pivots; eigenvector and PageRank O(m) per iteration. Closeness
/// and harmonic share one search per node (per pivot).
///
/// # Example
/// ```
/// use stakenet::analysis::{CentralityConfig, centrality};
/// use stakenet::{Source, View, ViewSpec, load};
///
/// let network = load(&Source::Bundled).expect("the bundled workspace is valid");
/// let view = View::build(&network, &ViewSpec::default()).expect("a valid selection");
/// let scores = centrality(&view, &CentralityConfig::default()).expect("converges");
/// assert_eq!(scores.len(), view.n_nodes());
/// ```
pub fn centrality(
    view: &View,
    config: &CentralityConfig,
) -> Result<Vec<ActorCentrality>, AnalysisError> {
    centrality_with_progress(view, config, &())
}

/// [`centrality`], telling `progress` about the single-source searches of betweenness,
/// closeness and harmonic centrality (planned when a measure starts, done as they finish).
///
/// # Errors
/// As [`centrality`].
pub fn centrality_with_progress(
    view: &View,
    config: &CentralityConfig,
    progress: &dyn Progress,
) -> Result<Vec<ActorCentrality>, AnalysisError> {
    let measures = config.measures;
    let betweenness_values = if measures.betweenness {
        Some(betweenness_with_progress(
            view,
            &BetweennessConfig { path_length: config.path_length(), sample: config.sample },
            progress,
        )?)
    } else {
        None
    };
    let (closeness_values, harmonic_values) = if !(measures.closeness || measures.harmonic) {
        (None, None)
    } else if let Some(Sample { pivots, seed }) =
        config.sample.filter(|s| s.pivots < view.n_nodes())
    {
        let (closeness, harmonic) =
            sampled_closeness_and_harmonic(view, config.path_length(), pivots, seed, progress);
        (measures.closeness.then_some(closeness), measures.harmonic.then_some(harmonic))
    } else {
        let reach =
            kernels::reaches(&PathGraph::new(view.in_arcs(), config.path_length()), progress);
        (
            measures.closeness.then(|| closeness_from(&reach, view.n_nodes())),
            measures.harmonic.then(|| harmonic_from(&reach)),
        )
    };
    // Where the dominant eigenvector is not unique (NetworkX refuses such graphs), the power
    // iteration does not settle: the measure is undefined, which is not a failure of the rest.
    let eigenvector_values = if measures.eigenvector {
        match eigenvector(view, &config.eigenvector) {
            Ok(values) => Some(values),
            Err(AnalysisError::NotConverged { .. }) => Some(vec![None; view.n_nodes()]),
            Err(other) => return Err(other),
        }
    } else {
        None
    };
    let pagerank_values =
        if measures.pagerank { Some(pagerank(view, &config.pagerank)?) } else { None };

    let pick = |values: &Option<Vec<f64>>, i: usize| values.as_ref().map(|v| v[i]);
    Ok((0..view.n_nodes())
        .into_par_iter()
        .map(|i| {
            let node = i as u32;
            let out = view.out_arcs();
            let (in_degree, out_degree, degree, strength) = if view.is_directed() {
                let inc = view.in_arcs();
                (
                    inc.degree(node),
                    out.degree(node),
                    neighbour_count(view, node),
                    out.strength(node) + inc.strength(node),
                )
            } else {
                (out.degree(node), out.degree(node), out.degree(node), out.strength(node))
            };
            ActorCentrality {
                actor: view.actor(node),
                degree,
                in_degree,
                out_degree,
                strength,
                betweenness: pick(&betweenness_values, i),
                closeness: pick(&closeness_values, i),
                harmonic: pick(&harmonic_values, i),
                eigenvector: eigenvector_values.as_ref().and_then(|v| v[i]),
                pagerank: pick(&pagerank_values, i),
            }
        })
        .collect())
}

/// The degree of `node`: the number of distinct actors it is tied to, whatever the direction:
///
/// deg(v) = |N⁺(v) ∪ N⁻(v)|, with N⁺(v) the heads of v's outgoing arcs and N⁻(v) the tails of
/// its incoming ones.
///
/// On an undirected view that is the number of neighbours, NetworkX `Graph.degree`. On a
/// directed view it is the degree in the underlying undirected graph — NetworkX
/// `G.to_undirected().degree(v)`, R sna `degree(symmetrize(g, rule = "weak"), gmode = "graph")`
/// — not NetworkX's `DiGraph.degree` (in + out arcs), which counts a returned tie, and on a
/// mixed view every undirected tie, twice. In- and out-degree, in [`ActorCentrality`], keep the
/// arcs apart. Neighbour lists are sorted, so the union is one merge: O(deg⁺ + deg⁻).
pub fn neighbour_count(view: &View, node: u32) -> usize {
    let out = view.out_arcs().neighbors(node);
    if !view.is_directed() {
        return out.len();
    }
    let inc = view.in_arcs().neighbors(node);
    out.len() + inc.len() - count_common(out, inc)
}

// Shared by the eigenvector and PageRank iterations.

fn check_tolerance(tolerance: f64) -> Result<(), AnalysisError> {
    if tolerance > 0.0 && tolerance.is_finite() {
        Ok(())
    } else {
        Err(AnalysisError::InvalidParameter(format!(
            "a convergence tolerance must be a positive number, not {tolerance}"
        )))
    }
}

fn not_converged(measure: &'static str, diverged: Diverged) -> AnalysisError {
    AnalysisError::NotConverged {
        measure,
        iterations: diverged.iterations,
        residual: diverged.residual,
    }
}
