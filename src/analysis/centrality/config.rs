//! The settings of the centrality measures: which to compute ([`Measures`]), pivot sampling
//! ([`Sample`]), the power iterations ([`PowerIterationConfig`], [`EigenvectorConfig`]),
//! [`BetweennessConfig`] and [`CentralityConfig`], each with its `with_*` builders.

use crate::analysis::kernels::PathLength;

/// Which of the costlier measures to compute; degree and strength are always computed.
///
/// Start from [`Measures::ALL`] (the default) or [`Measures::NONE`] and switch measures:
/// ```
/// # use stakenet::analysis::Measures;
/// let measures = Measures::NONE.with_betweenness(true).with_pagerank(true);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
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

impl Measures {
    /// Sets [`Measures::betweenness`].
    #[must_use]
    pub fn with_betweenness(mut self, betweenness: bool) -> Self {
        self.betweenness = betweenness;
        self
    }

    /// Sets [`Measures::closeness`].
    #[must_use]
    pub fn with_closeness(mut self, closeness: bool) -> Self {
        self.closeness = closeness;
        self
    }

    /// Sets [`Measures::harmonic`].
    #[must_use]
    pub fn with_harmonic(mut self, harmonic: bool) -> Self {
        self.harmonic = harmonic;
        self
    }

    /// Sets [`Measures::eigenvector`].
    #[must_use]
    pub fn with_eigenvector(mut self, eigenvector: bool) -> Self {
        self.eigenvector = eigenvector;
        self
    }

    /// Sets [`Measures::pagerank`].
    #[must_use]
    pub fn with_pagerank(mut self, pagerank: bool) -> Self {
        self.pagerank = pagerank;
        self
    }
}

impl Default for Measures {
    fn default() -> Self {
        Measures::ALL
    }
}

/// Pivot sampling for the path measures (Brandes & Pich 2007): `pivots` sources, one drawn from
/// each of `pivots` runs of neighbouring nodes by a generator seeded with `seed` (see
/// [`betweenness`](fn@super::betweenness) for its estimator; closeness and harmonic centrality
/// are estimated from the same kind of draw, see [`centrality`](fn@super::centrality)).
///
/// Built with [`Sample::new`]: `Sample::new(256, 7)` draws 256 pivots with seed 7.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Sample {
    /// Number of sources (≥ 1). At least the number of nodes means exact values.
    pub pivots: usize,
    /// Seed of the pseudo-random generator (SplitMix64); the same seed draws the same pivots.
    pub seed: u64,
}

impl Sample {
    /// `pivots` sources drawn by a generator seeded with `seed`.
    pub fn new(pivots: usize, seed: u64) -> Self {
        Sample { pivots, seed }
    }
}

/// Settings of the PageRank power iteration.
///
/// Start from the default and change what differs:
/// ```
/// # use stakenet::analysis::PowerIterationConfig;
/// let config = PowerIterationConfig::default().with_alpha(0.9).with_tolerance(None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct PowerIterationConfig {
    /// Damping factor α in [0, 1] (0.85).
    pub alpha: f64,
    /// Stop when the L1 change between iterates, relative to the iterate's L1 norm (1), is
    /// below this times the number of nodes — NetworkX's rule `err < N * tol` — with 1e-14
    /// (NetworkX: 1e-6), so the result sits on the fixed point yet the rounding noise of a
    /// node that sums thousands of terms (a star's hub) cannot hold the iteration up. `None`
    /// runs exactly `max_iterations` iterations from the uniform vector and never fails: the
    /// LDBC Graphalytics definition.
    pub tolerance: Option<f64>,
    /// Iterations allowed before
    /// [`AnalysisError::NotConverged`](crate::analysis::AnalysisError::NotConverged) (1000).
    pub max_iterations: usize,
}

impl Default for PowerIterationConfig {
    fn default() -> Self {
        PowerIterationConfig { alpha: 0.85, tolerance: Some(1e-14), max_iterations: 1000 }
    }
}

impl PowerIterationConfig {
    /// Sets the damping factor [`PowerIterationConfig::alpha`].
    #[must_use]
    pub fn with_alpha(mut self, alpha: f64) -> Self {
        self.alpha = alpha;
        self
    }

    /// Sets [`PowerIterationConfig::tolerance`]: a number, or `None` for a fixed number of
    /// iterations.
    #[must_use]
    pub fn with_tolerance(mut self, tolerance: impl Into<Option<f64>>) -> Self {
        self.tolerance = tolerance.into();
        self
    }

    /// Sets [`PowerIterationConfig::max_iterations`].
    #[must_use]
    pub fn with_max_iterations(mut self, max_iterations: usize) -> Self {
        self.max_iterations = max_iterations;
        self
    }
}

/// Settings of the eigenvector power iteration.
///
/// Start from the default and change what differs:
/// ```
/// # use stakenet::analysis::EigenvectorConfig;
/// let config = EigenvectorConfig::default().with_tolerance(1e-9).with_max_iterations(100);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct EigenvectorConfig {
    /// Stop when the L1 change between iterates of unit Euclidean norm is below this times
    /// the number of nodes of the component — NetworkX's rule `err < nnodes * tol` — with
    /// 1e-14 (NetworkX: 1e-6).
    pub tolerance: f64,
    /// Iterations allowed before
    /// [`AnalysisError::NotConverged`](crate::analysis::AnalysisError::NotConverged) (10 000).
    pub max_iterations: usize,
}

impl Default for EigenvectorConfig {
    fn default() -> Self {
        EigenvectorConfig { tolerance: 1e-14, max_iterations: 10_000 }
    }
}

impl EigenvectorConfig {
    /// Sets [`EigenvectorConfig::tolerance`].
    #[must_use]
    pub fn with_tolerance(mut self, tolerance: f64) -> Self {
        self.tolerance = tolerance;
        self
    }

    /// Sets [`EigenvectorConfig::max_iterations`].
    #[must_use]
    pub fn with_max_iterations(mut self, max_iterations: usize) -> Self {
        self.max_iterations = max_iterations;
        self
    }
}

/// Settings of [`betweenness`](fn@super::betweenness).
///
/// The default is exact betweenness on hop counts; change what differs:
/// ```
/// # use stakenet::analysis::{BetweennessConfig, PathLength, Sample};
/// let config = BetweennessConfig::default().with_path_length(PathLength::InverseWeight);
/// let sampled = config.with_sample(Sample::new(256, 7));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct BetweennessConfig {
    /// Hop counts or `1 / weight` lengths.
    pub path_length: PathLength,
    /// Pivot sampling; `None` is exact.
    pub sample: Option<Sample>,
}

impl BetweennessConfig {
    /// Sets [`BetweennessConfig::path_length`].
    #[must_use]
    pub fn with_path_length(mut self, path_length: PathLength) -> Self {
        self.path_length = path_length;
        self
    }

    /// Sets [`BetweennessConfig::sample`]: a [`Sample`], or `None` for exact betweenness.
    #[must_use]
    pub fn with_sample(mut self, sample: impl Into<Option<Sample>>) -> Self {
        self.sample = sample.into();
        self
    }
}

/// What [`centrality`](super::centrality) computes.
///
/// The default computes every measure on hop counts, exactly; change what differs:
/// ```
/// # use stakenet::analysis::{CentralityConfig, Measures};
/// let config = CentralityConfig::default().with_measures(Measures::NONE.with_pagerank(true));
/// let weighted = config.with_weighted(true);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct CentralityConfig {
    /// Which measures besides degree and strength.
    pub measures: Measures,
    /// Shortest paths by `1 / weight` instead of hops (betweenness, closeness, harmonic).
    pub weighted: bool,
    /// Estimate betweenness, closeness and harmonic centrality from pivots instead of a search
    /// from every node (when there are fewer pivots than nodes).
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
    /// Sets [`CentralityConfig::measures`].
    #[must_use]
    pub fn with_measures(mut self, measures: Measures) -> Self {
        self.measures = measures;
        self
    }

    /// Sets [`CentralityConfig::weighted`].
    #[must_use]
    pub fn with_weighted(mut self, weighted: bool) -> Self {
        self.weighted = weighted;
        self
    }

    /// Sets [`CentralityConfig::sample`]: a [`Sample`], or `None` for exact path measures.
    #[must_use]
    pub fn with_sample(mut self, sample: impl Into<Option<Sample>>) -> Self {
        self.sample = sample.into();
        self
    }

    /// Sets the PageRank settings [`CentralityConfig::pagerank`].
    #[must_use]
    pub fn with_pagerank(mut self, pagerank: PowerIterationConfig) -> Self {
        self.pagerank = pagerank;
        self
    }

    /// Sets the eigenvector settings [`CentralityConfig::eigenvector`].
    #[must_use]
    pub fn with_eigenvector(mut self, eigenvector: EigenvectorConfig) -> Self {
        self.eigenvector = eigenvector;
        self
    }

    /// Sets the iterations allowed to both power iterations, PageRank's
    /// ([`PowerIterationConfig::max_iterations`]) and the eigenvector's
    /// ([`EigenvectorConfig::max_iterations`]).
    #[must_use]
    pub fn with_max_iterations(mut self, max_iterations: usize) -> Self {
        self.pagerank.max_iterations = max_iterations;
        self.eigenvector.max_iterations = max_iterations;
        self
    }

    pub(super) fn path_length(&self) -> PathLength {
        if self.weighted { PathLength::InverseWeight } else { PathLength::Hops }
    }
}
