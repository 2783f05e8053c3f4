//! Node centrality on a view: degree and strength, betweenness, closeness, harmonic,
//! eigenvector and PageRank, each defined as NetworkX 3.x defines it (DESIGN §4.2).
//!
//! Results are in node order (value `i` belongs to [`View::actor`]`(i)`). Path-based measures
//! count hops unless asked for [`PathLength::InverseWeight`]; eigenvector and PageRank always use
//! the tie weight (strength).

use super::components::{largest_component, weak_components};
use super::error::AnalysisError;
use super::kernels::{self, Diverged, PathGraph, PathLength, Reach, Stopping};
use crate::model::ActorId;
use crate::view::View;

/// Which of the costlier measures to compute; degree and strength are always computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Measures {
    /// Shortest-path betweenness.
    pub betweenness: bool,
    /// Closeness (Wasserman–Faust improved).
    pub closeness: bool,
    /// Harmonic centrality.
    pub harmonic: bool,
    /// Eigenvector centrality.
    pub eigenvector: bool,
    /// PageRank.
    pub pagerank: bool,
}

impl Measures {
    /// Every measure.
    pub const ALL: Measures = Measures {
        betweenness: true,
        closeness: true,
        harmonic: true,
        eigenvector: true,
        pagerank: true,
    };
    /// Degree and strength only.
    pub const NONE: Measures = Measures {
        betweenness: false,
        closeness: false,
        harmonic: false,
        eigenvector: false,
        pagerank: false,
    };
}

impl Default for Measures {
    fn default() -> Self {
        Measures::ALL
    }
}

/// Brandes–Pich pivot sampling for betweenness: `pivots` sources drawn uniformly without
/// replacement by a generator seeded with `seed`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sample {
    /// Number of sources (≥ 1). At least the number of nodes means exact betweenness.
    pub pivots: usize,
    /// Seed of the pseudo-random generator (SplitMix64); the same seed draws the same pivots.
    pub seed: u64,
}

/// Settings of the PageRank power iteration.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PowerIterationConfig {
    /// Damping factor α in [0, 1] (0.85).
    pub alpha: f64,
    /// Stop when the L1 change between iterates is below this (1e-12, so the result sits on the
    /// fixed point). `None` runs exactly `max_iterations` iterations from the uniform vector
    /// and never fails: the LDBC Graphalytics definition.
    pub tolerance: Option<f64>,
    /// Iterations allowed before [`AnalysisError::NotConverged`] (1000).
    pub max_iterations: usize,
}

impl Default for PowerIterationConfig {
    fn default() -> Self {
        PowerIterationConfig { alpha: 0.85, tolerance: Some(1e-12), max_iterations: 1000 }
    }
}

/// Settings of the eigenvector power iteration.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EigenvectorConfig {
    /// Stop when the L1 change between unit-norm iterates is below this (1e-12).
    pub tolerance: f64,
    /// Iterations allowed before [`AnalysisError::NotConverged`] (10 000).
    pub max_iterations: usize,
}

impl Default for EigenvectorConfig {
    fn default() -> Self {
        EigenvectorConfig { tolerance: 1e-12, max_iterations: 10_000 }
    }
}

/// Settings of [`betweenness`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BetweennessConfig {
    /// Hop counts or `1 / weight` lengths.
    pub path_length: PathLength,
    /// Pivot sampling; `None` is exact.
    pub sample: Option<Sample>,
}

/// What [`centrality`] computes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CentralityConfig {
    /// Which measures besides degree and strength.
    pub measures: Measures,
    /// Shortest paths by `1 / weight` instead of hops (betweenness, closeness, harmonic).
    pub weighted: bool,
    /// Estimate betweenness from pivots instead of all sources.
    pub sample: Option<Sample>,
    /// PageRank settings.
    pub pagerank: PowerIterationConfig,
    /// Eigenvector settings.
    pub eigenvector: EigenvectorConfig,
}

impl Default for CentralityConfig {
    fn default() -> Self {
        CentralityConfig {
            measures: Measures::ALL,
            weighted: false,
            sample: None,
            pagerank: PowerIterationConfig::default(),
            eigenvector: EigenvectorConfig::default(),
        }
    }
}

impl CentralityConfig {
    fn path_length(&self) -> PathLength {
        if self.weighted { PathLength::InverseWeight } else { PathLength::Hops }
    }
}

/// The centrality of one actor. A measure that was not asked for is `None`.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorCentrality {
    /// The actor (node `i` of the view is `view.actor(i)`).
    pub actor: ActorId,
    /// Ties at the actor: in + out arcs on a directed view (NetworkX `G.degree()`), neighbours
    /// on an undirected one.
    pub degree: usize,
    /// Incoming arcs; equal to `degree` on an undirected view.
    pub in_degree: usize,
    /// Outgoing arcs; equal to `degree` on an undirected view.
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
    /// See [`eigenvector`]; also `None` outside the largest weak component.
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
/// # Complexity
/// Degree O(n); betweenness, closeness and harmonic O(n·m) (weighted O(n·(m + n log n)));
/// eigenvector and PageRank O(m) per iteration. Closeness and harmonic share one search per
/// node.
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
    let measures = config.measures;
    let betweenness_values = if measures.betweenness {
        Some(betweenness(
            view,
            &BetweennessConfig { path_length: config.path_length(), sample: config.sample },
        )?)
    } else {
        None
    };
    let reach = (measures.closeness || measures.harmonic)
        .then(|| kernels::reaches(&PathGraph::new(view.in_arcs(), config.path_length())));
    let closeness_values =
        reach.as_ref().filter(|_| measures.closeness).map(|r| closeness_from(r, view.n_nodes()));
    let harmonic_values = reach.as_ref().filter(|_| measures.harmonic).map(|r| harmonic_from(r));
    let eigenvector_values =
        if measures.eigenvector { Some(eigenvector(view, &config.eigenvector)?) } else { None };
    let pagerank_values =
        if measures.pagerank { Some(pagerank(view, &config.pagerank)?) } else { None };

    let pick = |values: &Option<Vec<f64>>, i: usize| values.as_ref().map(|v| v[i]);
    Ok((0..view.n_nodes())
        .map(|i| {
            let node = i as u32;
            let out = view.out_arcs();
            let (in_degree, out_degree, degree, strength) = if view.is_directed() {
                let inc = view.in_arcs();
                (
                    inc.degree(node),
                    out.degree(node),
                    inc.degree(node) + out.degree(node),
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

/// Shortest-path betweenness (Freeman 1977), computed with Brandes' algorithm (Brandes 2001),
/// normalized: the share of shortest paths between other pairs that pass through a node.
///
/// `b(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st`, where σ_st counts the shortest s–t paths and σ_st(v)
/// those through v, summed over ordered pairs and divided by (n − 1)(n − 2) — on an undirected
/// view that is the unordered sum times 2 / ((n − 1)(n − 2)). With n ≤ 2 every value is 0.
/// With [`PathLength::InverseWeight`] a tie's length is `1 / weight`; path lengths are summed
/// and compared exactly (`==`) in the order NetworkX uses, so floating-point near-ties are
/// treated alike.
///
/// With a [`Sample`] of k < n pivots (Brandes & Pich 2007) only those sources are searched and
/// the sums are scaled by n / k before normalizing (NetworkX ≤ 3.4 estimator; NetworkX 3.5+
/// scales pivots by 1/(k − 1) and the others by 1/k instead). Exact at k ≥ n.
///
/// Values are in node order. Bit-identical at any thread count.
///
/// Matches NetworkX 3.x `betweenness_centrality(G, normalized=True)` (weighted:
/// `weight="distance"` with distance = 1 / weight).
///
/// # Errors
/// [`AnalysisError::InvalidParameter`] for a sample of 0 pivots.
///
/// # Complexity
/// O(k·m) time for k sources (all n when exact), O(k·(m + n log n)) weighted; O(n) memory per
/// thread.
pub fn betweenness(view: &View, config: &BetweennessConfig) -> Result<Vec<f64>, AnalysisError> {
    let n = view.n_nodes();
    let graph = PathGraph::new(view.out_arcs(), config.path_length);
    let (sources, sample_scale) = match config.sample {
        Some(Sample { pivots: 0, .. }) => {
            return Err(AnalysisError::InvalidParameter(
                "betweenness sampling needs at least 1 pivot".to_owned(),
            ));
        }
        Some(Sample { pivots, seed }) if pivots < n => {
            (sample_sources(n, pivots, seed), Some(n as f64 / pivots as f64))
        }
        _ => ((0..n as u32).collect(), None),
    };
    let mut values = kernels::dependency_sums(&graph, &sources);
    if n > 2 {
        let pairs = ((n - 1) as u64 * (n - 2) as u64) as f64;
        let mut scale = 1.0 / pairs;
        if let Some(factor) = sample_scale {
            scale *= factor;
        }
        for value in &mut values {
            *value *= scale;
        }
    }
    Ok(values)
}

/// Closeness centrality (Freeman 1979) with the Wasserman & Faust (1994) correction for
/// disconnected graphs: how near a node is to the nodes that can reach it.
///
/// `c(v) = (r − 1) / Σ_u d(u, v) · (r − 1) / (n − 1)`, where the sum runs over the r nodes that
/// reach v (v included) and d(u, v) is the distance *to* v — inward on a directed view. 0 when
/// nothing else reaches v or n ≤ 1.
///
/// Matches NetworkX 3.x `closeness_centrality(G, wf_improved=True)` (weighted:
/// `distance="distance"`).
///
/// # Complexity
/// O(n·m), weighted O(n·(m + n log n)); parallel over nodes.
pub fn closeness(view: &View, path_length: PathLength) -> Vec<f64> {
    closeness_from(&kernels::reaches(&PathGraph::new(view.in_arcs(), path_length)), view.n_nodes())
}

/// Harmonic centrality (Marchiori & Latora 2000; Rochat 2009; Boldi & Vigna 2014): the sum of
/// the inverse distances from the other nodes, so unreachable nodes add 0 instead of making the
/// measure undefined.
///
/// `h(v) = Σ_{u ≠ v} 1 / d(u, v)`, distances *to* v (inward on a directed view), raw
/// (not divided by n − 1).
///
/// Matches NetworkX 3.x `harmonic_centrality(G)` (weighted: `distance="distance"`).
///
/// # Complexity
/// O(n·m), weighted O(n·(m + n log n)); parallel over nodes.
pub fn harmonic(view: &View, path_length: PathLength) -> Vec<f64> {
    harmonic_from(&kernels::reaches(&PathGraph::new(view.in_arcs(), path_length)))
}

/// Eigenvector centrality (Bonacich 1972, 1987): a node is central when central nodes tie to
/// it. The dominant left eigenvector of the weighted adjacency matrix,
/// `λ x_v = Σ_{u→v} w_uv x_u` (incoming ties on a directed view), scaled to `‖x‖₂ = 1` with
/// positive entries.
///
/// On a disconnected view the eigenvector is not unique, so it is computed on the largest weak
/// component (ties: the one with the smallest node index) and every other node is `None`. When
/// that component has no directed cycle (a single node, a directed acyclic graph) the dominant
/// eigenvalue is 0 and the measure is undefined: every node is `None`.
///
/// Computed by power iteration on `A^T + σI` (σ = half the current eigenvalue estimate, which
/// avoids the oscillation of plain power iteration on bipartite graphs) until the L1 change is
/// below the tolerance.
///
/// Matches NetworkX 3.x `eigenvector_centrality_numpy(G, weight="weight")` on that component.
/// NetworkX refuses a directed component that is not strongly connected; there the result here
/// is the limit of the iteration from the uniform vector (zero for nodes no cycle reaches).
///
/// # Errors
/// [`AnalysisError::NotConverged`] after `max_iterations` (for instance when two cycles of
/// equal spectral radius are chained on a directed view, where the eigenvalue is defective).
///
/// # Complexity
/// O(m) per iteration; iterations grow with the ratio of the second to the first eigenvalue.
pub fn eigenvector(
    view: &View,
    config: &EigenvectorConfig,
) -> Result<Vec<Option<f64>>, AnalysisError> {
    check_tolerance(config.tolerance)?;
    let n = view.n_nodes();
    let mut result = vec![None; n];
    let members = largest_component(&weak_components(view));
    if members.is_empty() || kernels::is_acyclic(view.out_arcs(), view.in_arcs(), &members, n) {
        return Ok(result);
    }
    let values = kernels::dominant_eigenvector(
        view.in_arcs(),
        &members,
        config.tolerance,
        config.max_iterations,
    )
    .map_err(|d| not_converged("eigenvector", d))?;
    for (&node, value) in members.iter().zip(values) {
        result[node as usize] = Some(value);
    }
    Ok(result)
}

/// PageRank (Page, Brin, Motwani & Winograd 1999): the stationary distribution of a random
/// surfer who follows a tie with probability α — choosing among a node's outgoing ties in
/// proportion to their weight — and otherwise jumps to a uniformly chosen node; nodes without
/// outgoing ties pass their mass to all nodes uniformly.
///
/// `x_v = α (Σ_{u→v} x_u w_uv / W_u + Σ_{dangling u} x_u / n) + (1 − α) / n`, with W_u the
/// out-strength of u; values sum to 1. Undirected ties count in both directions.
///
/// Matches NetworkX 3.x `pagerank(G, alpha=0.85, weight="weight")` (iterated to an L1 change
/// below 1e-12 rather than NetworkX's default n·1e-6). With `tolerance: None`: exactly
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
    let out_strength: Vec<f64> = (0..n as u32).map(|u| out.strength(u)).collect();
    let start = vec![1.0 / n as f64; n];
    kernels::pagerank(view.in_arcs(), &out_strength, config.alpha, teleport, start, stopping)
        .map_err(|d| not_converged("pagerank", d))
}

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

/// NetworkX's arithmetic, step for step: `(r − 1) / Σd`, then `· (r − 1) / (n − 1)`.
fn closeness_from(reaches: &[Reach], n: usize) -> Vec<f64> {
    reaches
        .iter()
        .map(|reach| {
            if reach.total_distance > 0.0 && n > 1 {
                let others = reach.reached as f64 - 1.0;
                let mut value = others / reach.total_distance;
                value *= others / (n - 1) as f64;
                value
            } else {
                0.0
            }
        })
        .collect()
}

fn harmonic_from(reaches: &[Reach]) -> Vec<f64> {
    reaches.iter().map(|reach| reach.inverse_distance).collect()
}

/// `pivots` distinct nodes of `0..n`, ascending, drawn uniformly by a partial Fisher–Yates
/// shuffle driven by SplitMix64 (Steele, Lea & Flood 2014).
fn sample_sources(n: usize, pivots: usize, seed: u64) -> Vec<u32> {
    let mut rng = SplitMix64(seed);
    let mut nodes: Vec<u32> = (0..n as u32).collect();
    for i in 0..pivots.min(n) {
        let j = i + rng.below((n - i) as u64) as usize;
        nodes.swap(i, j);
    }
    nodes.truncate(pivots.min(n));
    nodes.sort_unstable();
    nodes
}

/// SplitMix64: a small, fast, well-mixed 64-bit generator; enough for choosing pivots.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..bound` (bound ≥ 1), without modulo bias (Lemire 2019).
    fn below(&mut self, bound: u64) -> u64 {
        let threshold = bound.wrapping_neg() % bound;
        loop {
            let product = u128::from(self.next_u64()) * u128::from(bound);
            if product as u64 >= threshold {
                return (product >> 64) as u64;
            }
        }
    }
}
