//! The `brokerage` measure: Gould–Fernandez roles with their expected values and z-scores,
//! and Burt's constraint and effective size, per node of a view.

use super::finite;
use super::grouping::Grouping;
use super::holes::structural_holes;
use super::roles::{Moment, Roles, brokerage_roles, expected_roles};
use crate::analysis::AnalysisError;
use crate::model::ActorId;
use crate::view::View;

/// Options of [`brokerage`].
///
/// The default is unweighted, without expected values; change what differs:
/// ```
/// # use stakenet::analysis::BrokerageConfig;
/// let config = BrokerageConfig::default().with_weighted(true).with_expected(true);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct BrokerageConfig {
    /// Use tie strength for constraint and effective size (`weight='weight'` in NetworkX);
    /// otherwise every arc weighs 1. Broker role counts are always unweighted.
    pub weighted: bool,
    /// Also compute the expected role counts, their standard deviations and z-scores.
    pub expected: bool,
}

impl BrokerageConfig {
    /// Sets [`BrokerageConfig::weighted`].
    #[must_use]
    pub fn with_weighted(mut self, weighted: bool) -> Self {
        self.weighted = weighted;
        self
    }

    /// Sets [`BrokerageConfig::expected`].
    #[must_use]
    pub fn with_expected(mut self, expected: bool) -> Self {
        self.expected = expected;
        self
    }
}

/// The brokerage scores of one node.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct BrokerScores {
    /// The actor the node stands for.
    pub actor: ActorId,
    /// Observed role counts (sna `raw.nli`).
    pub raw: Roles<u64>,
    /// Expected counts under a random graph of the same size and density (sna `exp.nli`);
    /// all `None` unless [`BrokerageConfig::expected`] is set, or when the view has fewer than
    /// two nodes.
    pub expected: Roles<Option<f64>>,
    /// Standard deviations of the counts (sna `sd.nli`); `None` as for `expected`.
    pub sd: Roles<Option<f64>>,
    /// `(raw − expected) / sd` (sna `z.nli`); `None` where `sd` is 0 or undefined (sna gives
    /// `NaN` or `±Inf` there).
    pub z: Roles<Option<f64>>,
    /// Burt's constraint; `None` for an isolate (NetworkX gives `nan`).
    pub constraint: Option<f64>,
    /// Burt's effective size; `None` for an isolate (NetworkX gives `nan`).
    pub effective_size: Option<f64>,
}

/// Brokerage scores of every node of a view.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Brokerage {
    /// One entry per node, in node order.
    pub nodes: Vec<BrokerScores>,
    /// The density d = m / (N (N − 1)) behind the expected values, with m the arcs (an
    /// undirected tie counts twice) and N the nodes; `None` with fewer than two nodes.
    pub density: Option<f64>,
}

/// Gould & Fernandez brokerage roles, their expected values and z-scores, and Burt's
/// constraint and effective size, for every node of `view`; `grouping` gives each node's group
/// (from [`group_nodes`](super::group_nodes) or [`Grouping::new`]).
///
/// # Roles (Gould & Fernandez 1989)
/// For every two-path a → b → c with a ≠ c and **no** arc a → c, broker b gets one count in
/// the role given by the groups of (a, b, c) — see [`Roles`]; the total is their sum. On an
/// undirected view every tie is two arcs, so a path x – b – y counts twice (x → b → y and
/// y → b → x), as R sna does with a symmetric matrix. Counts ignore weights.
///
/// The counts match `sna::brokerage(g, cl)$raw.nli` (sna 2.7, `src/gli.c`, `brokerage_R`),
/// **mapped by triad pattern**: sna's documentation (`man/brokerage.Rd`) calls column `b_IO`
/// the gatekeeper (A → B → B) and `b_OI` the representative (A → A → B), but its C code puts
/// the A → A → B count in `b_IO` and the A → B → B count in `b_OI`. Our `representative` is
/// A → A → B, i.e. sna's `b_IO` column, and our `gatekeeper` is A → B → B, sna's `b_OI`.
///
/// # Expected values and z-scores (R sna `brokerage`, `R/models.R`)
/// With N nodes, m arcs, d = m / (N (N − 1)), c = d²(1 − d), q = d³(1 − d)³, the broker's
/// group of size nᵢ and the other groups j ≠ i of sizes nⱼ (C(x, 2) = x(x − 1)/2):
///
/// | role | E | Var |
/// | --- | --- | --- |
/// | coordinator | c (nᵢ−1)(nᵢ−2) | E(1−c) + 2(nᵢ−1)(nᵢ−2)(nᵢ−3) q |
/// | itinerant | c Σⱼ nⱼ(nⱼ−1) | E(1−c) + 2 Σⱼ nⱼ(nⱼ−1)(nⱼ−2) q |
/// | representative, gatekeeper | c (N−nᵢ)(nᵢ−1) | E(1−c) + 2((nᵢ−1) C(N−nᵢ, 2) + (N−nᵢ) C(nᵢ−1, 2)) q |
/// | liaison | c ((Σⱼ nⱼ)² − Σⱼ nⱼ²) | E(1−c) + 4 Σⱼ nⱼ C(N−nⱼ−nᵢ, 2) q |
/// | total | c (N−1)(N−2) | E(1−c) + 2(N−1)(N−2)(N−3) q |
///
/// sd = √Var and z = (raw − E) / sd, per node from its group's row — sna's `exp.nli`,
/// `sd.nli` and `z.nli` (the graph-level `*.gli` values are not computed).
///
/// # Constraint and effective size (Burt 1992, 2004; Borgatti 1997; NetworkX `structuralholes.py`)
/// Burt, *Structural Holes* (1992) and "Structural holes and good ideas", AJS 110 (2004);
/// Borgatti, "Structural holes: unpacking Burt's redundancy measures", Connections 20(1).
///
/// The mutual weight of i and j is a_ij = w(i→j) + w(j→i) (each arc weighs 1 unless
/// `weighted`); N(i) are i's in- and out-neighbours; p_ij = a_ij / Σ_{k∈N(i)} a_ik and
/// m_ij = a_ij / max_{k∈N(i)} a_ik. Then
/// constraint(i) = Σ_{j∈N(i)} (p_ij + Σ_{w∈N(i)} p_iw p_wj)² and
/// effective_size(i) = Σ_{j∈N(i)} (1 − Σ_{w∈N(i)} p_iw m_jw); on an undirected view without
/// `weighted` the latter is Borgatti's n − 2t/n (n = |N(i)|, t = ties among N(i)), which
/// NetworkX uses there and which equals the general formula. A node is scored when it has any
/// neighbour, in or out; isolates get `None` where NetworkX gives `nan`.
///
/// Constraint matches `nx.constraint(G, weight=None|'weight')` (NetworkX 3.6, its default
/// sparse-matrix path) on the same view. Effective size matches NetworkX's per-node path,
/// `nx.effective_size(G, nodes=list(G), weight=…)`, which follows the formula above. NetworkX ≤ 3.6's default all-nodes path (`nodes=None` with SciPy) divides
/// each *column* by its maximum — m_jw = a_jw / max_k a_wk — so on weighted or directed views
/// it gives other numbers (networkx/networkx PR #8906 fixes it); on unweighted undirected views
/// all maxima are equal and the two agree. One more difference of NetworkX's per-node paths:
/// a directed node with in-arcs only is `nan` there (they test successors only), while its
/// matrix path, and we, score it.
///
/// # Errors
/// [`AnalysisError::InvalidParameter`] when `grouping` does not have one group per node.
///
/// # Complexity
/// Roles: the two-paths through a broker are counted by group, not walked (see
/// [`brokerage_roles`](super::brokerage_roles)): O(m + Σ_{a → b} min(out(a), out(b))·log d).
/// Expected values: O(N) (groups are handled per distinct group size). Constraint and effective
/// size: O(Σ_{i – w} min(deg(i), deg(w))·log d), the common neighbours of each tied pair found
/// from the shorter row. So a star's hub costs in proportion to its leaves, not their square.
/// Parallel over nodes; memory O(N + m) plus O(N) scratch per thread.
///
/// # Example
/// ```
/// use stakenet::analysis::{BrokerageConfig, GroupBy, brokerage, group_nodes};
/// use stakenet::{Source, View, ViewSpec, load};
///
/// let network = load(&Source::Bundled).unwrap();
/// let view = View::build(&network, &ViewSpec::default()).unwrap();
/// let groups = group_nodes(&network, &view, &GroupBy::Side).unwrap();
/// let config = BrokerageConfig::default().with_expected(true);
/// let result = brokerage(&view, &groups, &config).unwrap();
/// assert_eq!(result.nodes.len(), view.n_nodes());
/// ```
pub fn brokerage(
    view: &View,
    grouping: &Grouping,
    config: &BrokerageConfig,
) -> Result<Brokerage, AnalysisError> {
    let raw = brokerage_roles(view, grouping)?;
    let groups = grouping.of_node.as_slice();
    let n_nodes = view.n_nodes();
    let density =
        (n_nodes >= 2).then(|| view.n_arcs() as f64 / (n_nodes as f64 * (n_nodes as f64 - 1.0)));
    let moments: Option<Vec<Roles<Moment>>> =
        (config.expected).then(|| density.map(|d| expected_roles(groups, d))).flatten();
    let holes = structural_holes(view, config.weighted);
    let nodes = raw
        .into_iter()
        .zip(holes)
        .enumerate()
        .map(|(node, (raw, (constraint, effective_size)))| {
            let none = Roles::<Option<f64>>::default();
            let (expected, sd, z) = match &moments {
                Some(moments) => {
                    let moment = moments[node];
                    let z = Roles {
                        coordinator: moment.coordinator.z(raw.coordinator),
                        itinerant: moment.itinerant.z(raw.itinerant),
                        gatekeeper: moment.gatekeeper.z(raw.gatekeeper),
                        representative: moment.representative.z(raw.representative),
                        liaison: moment.liaison.z(raw.liaison),
                        total: moment.total.z(raw.total),
                    };
                    (moment.map(|m| finite(m.mean)), moment.map(|m| finite(m.sd)), z)
                }
                None => (none, none, none),
            };
            BrokerScores {
                actor: view.actor(node as u32),
                raw,
                expected,
                sd,
                z,
                constraint,
                effective_size,
            }
        })
        .collect();
    Ok(Brokerage { nodes, density })
}
