//! Brokerage: Gould & Fernandez's five broker roles per node (raw counts, and the expected
//! values and z-scores of R sna's `brokerage`), Burt's constraint and effective size (as
//! NetworkX's `constraint` and `effective_size`), and the grouping of nodes the roles need.
//!
//! Everything runs on a [`View`]; results come back in node order (node `i` is
//! [`View::actor`]`(i)`).

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::AnalysisError;
use crate::model::{ActorId, Level, Network, Sector, Side};
use crate::view::View;

/// The label of the group of actors that have no value for the grouping (an empty `sector`
/// cell, a missing attribute): they form one group of their own, as R's `NA` does in
/// `sna::brokerage`.
pub const NO_GROUP: &str = "(none)";

/// What groups actors for brokerage roles (`--group-by`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum GroupBy {
    /// The actor's [`Sector`].
    Sector,
    /// The actor's [`Level`].
    Level,
    /// Rijk or region ([`Network::side`]).
    Side,
    /// The actor's free `kind`.
    Kind,
    /// A free column of `actors.csv`, by its lower-case name.
    Attribute(String),
}

impl GroupBy {
    /// Reads a `--group-by` value: `sector`, `level`, `side` and `kind` (ASCII case ignored)
    /// name the built-in groupings; any other text names a free attribute column.
    pub fn parse(text: &str) -> GroupBy {
        let lower = text.trim().to_ascii_lowercase();
        match lower.as_str() {
            "sector" => GroupBy::Sector,
            "level" => GroupBy::Level,
            "side" => GroupBy::Side,
            "kind" => GroupBy::Kind,
            _ => GroupBy::Attribute(lower),
        }
    }

    /// The name as written on the command line.
    pub fn name(&self) -> &str {
        match self {
            GroupBy::Sector => "sector",
            GroupBy::Level => "level",
            GroupBy::Side => "side",
            GroupBy::Kind => "kind",
            GroupBy::Attribute(name) => name,
        }
    }
}

/// The group of every node of a view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grouping {
    /// The group labels, indexed by group id: the values that occur among the view's nodes in
    /// their natural order (vocabulary order for sector and level, `rijk` before `region`,
    /// text order for `kind` and attributes), then [`NO_GROUP`] when some node has no value.
    pub labels: Vec<String>,
    /// The group id of each node, in node order (an index into `labels`).
    pub of_node: Vec<u32>,
}

impl Grouping {
    /// The label of `node`'s group.
    pub fn label(&self, node: u32) -> &str {
        self.of_node
            .get(node as usize)
            .and_then(|&group| self.labels.get(group as usize))
            .map_or(NO_GROUP, String::as_str)
    }
}

/// Groups the nodes of `view` by `by`, reading each node's actor in `network`.
///
/// An actor without a value (empty `sector`, `level` or `kind` cell, no value in the attribute
/// column) is put in the one group labelled [`NO_GROUP`], shared by all such actors — the way R
/// treats `NA` in `sna::brokerage`'s class vector. `side` always has a value. On a folded view
/// (`--level`) the node's actor is the ancestor the others were folded into, and its value
/// counts.
///
/// # Errors
/// [`AnalysisError::InvalidParameter`] when `by` names an attribute that no actor of the
/// network has (the message lists the attributes that exist).
///
/// # Complexity
/// O(n log g) for n nodes and g distinct values.
pub fn group_nodes(
    network: &Network,
    view: &View,
    by: &GroupBy,
) -> Result<Grouping, AnalysisError> {
    if let GroupBy::Attribute(name) = by {
        let known = network.actors().iter().any(|actor| actor.attributes.contains_key(name));
        if !known {
            let mut names: Vec<&str> = network
                .actors()
                .iter()
                .flat_map(|actor| actor.attributes.keys().map(String::as_str))
                .collect();
            names.sort_unstable();
            names.dedup();
            let choices = ["sector", "level", "side", "kind"]
                .into_iter()
                .chain(names)
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ");
            return Err(AnalysisError::InvalidParameter(format!(
                "no actor has the attribute `{name}`; group by one of {choices}"
            )));
        }
    }
    // Sort keys give each grouping its natural order; `None` (no value) sorts last.
    let key_of = |actor: ActorId| -> (u32, Option<String>) {
        let actor_data = network.actor(actor);
        let rank_of = |rank: Option<usize>| rank.map_or(u32::MAX, |r| r as u32);
        match by {
            GroupBy::Sector => {
                let sector = actor_data.sector;
                let rank = sector.and_then(|s| Sector::ALL.iter().position(|x| *x == s));
                (rank_of(rank), sector.map(|s| s.as_str().to_owned()))
            }
            GroupBy::Level => {
                let level = actor_data.level;
                let rank = level.and_then(|l| Level::ALL.iter().position(|x| *x == l));
                (rank_of(rank), level.map(|l| l.as_str().to_owned()))
            }
            GroupBy::Side => {
                let side = network.side(actor);
                (if side == Side::Rijk { 0 } else { 1 }, Some(side.as_str().to_owned()))
            }
            GroupBy::Kind => {
                let kind = actor_data.kind.clone().filter(|k| !k.is_empty());
                (if kind.is_some() { 0 } else { u32::MAX }, kind)
            }
            GroupBy::Attribute(name) => {
                let value = actor_data.attributes.get(name).filter(|v| !v.is_empty()).cloned();
                (if value.is_some() { 0 } else { u32::MAX }, value)
            }
        }
    };
    let keys: Vec<(u32, Option<String>)> = view.actors().iter().map(|&a| key_of(a)).collect();
    let mut ids: BTreeMap<&(u32, Option<String>), u32> = keys.iter().map(|k| (k, 0)).collect();
    let mut labels = Vec::with_capacity(ids.len());
    for (next, (key, id)) in ids.iter_mut().enumerate() {
        *id = next as u32;
        labels.push(key.1.clone().unwrap_or_else(|| NO_GROUP.to_owned()));
    }
    let of_node = keys.iter().map(|k| ids.get(k).copied().unwrap_or(0)).collect();
    Ok(Grouping { labels, of_node })
}

/// Options of [`brokerage`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BrokerageConfig {
    /// Use tie strength for constraint and effective size (`weight='weight'` in NetworkX);
    /// otherwise every arc weighs 1. Broker role counts are always unweighted.
    pub weighted: bool,
    /// Also compute the expected role counts, their standard deviations and z-scores.
    pub expected: bool,
}

/// One value per Gould–Fernandez role, plus their total.
///
/// The roles of a two-path a → b → c (broker b; "A", "B", "C" are distinct groups):
/// coordinator A → A → A, itinerant A → B → A, gatekeeper A → B → B (b shares the group of the
/// target it lets in), representative A → A → B (b shares the group of the source it speaks
/// for), liaison A → B → C.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Roles<T> {
    /// A → A → A: brokering within one's own group (sna `w_I`).
    pub coordinator: T,
    /// A → B → A: brokering for another group, between two of its members (sna `w_O`).
    pub itinerant: T,
    /// A → B → B: letting an outsider in to one's own group (sna column `b_OI`).
    pub gatekeeper: T,
    /// A → A → B: speaking for one's own group to an outsider (sna column `b_IO`).
    pub representative: T,
    /// A → B → C: brokering between two other groups (sna `b_O`).
    pub liaison: T,
    /// All of the above (sna `t`).
    pub total: T,
}

impl<T> Roles<T> {
    /// The same function applied to every role.
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> Roles<U> {
        Roles {
            coordinator: f(self.coordinator),
            itinerant: f(self.itinerant),
            gatekeeper: f(self.gatekeeper),
            representative: f(self.representative),
            liaison: f(self.liaison),
            total: f(self.total),
        }
    }
}

/// The brokerage scores of one node.
#[derive(Clone, Debug, PartialEq)]
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
pub struct Brokerage {
    /// One entry per node, in node order.
    pub nodes: Vec<BrokerScores>,
    /// The density d = m / (N (N − 1)) behind the expected values, with m the arcs (an
    /// undirected tie counts twice) and N the nodes; `None` with fewer than two nodes.
    pub density: Option<f64>,
}

/// Gould & Fernandez brokerage roles, their expected values and z-scores, and Burt's
/// constraint and effective size, for every node of `view`; `groups` gives each node's group
/// (any `u32` labels, e.g. [`Grouping::of_node`]).
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
/// [`AnalysisError::InvalidParameter`] when `groups` does not have one entry per node.
///
/// # Complexity
/// Roles: O(Σ_b in(b)·out(b)·log d) for the two-paths through each broker b (adjacency by
/// binary search in sorted rows), parallel over brokers. Expected values: O(N) (groups are
/// handled per distinct group size). Constraint and effective size: O(Σ_w deg(w)²), parallel
/// over nodes. Memory O(N + m) plus O(N) scratch per thread.
///
/// # Example
/// ```
/// use stakenet::analysis::{BrokerageConfig, GroupBy, brokerage, group_nodes};
/// use stakenet::{Source, View, ViewSpec, load};
///
/// let network = load(&Source::Bundled).unwrap();
/// let view = View::build(&network, &ViewSpec::default()).unwrap();
/// let groups = group_nodes(&network, &view, &GroupBy::Side).unwrap();
/// let config = BrokerageConfig { weighted: false, expected: true };
/// let result = brokerage(&view, &groups.of_node, &config).unwrap();
/// assert_eq!(result.nodes.len(), view.n_nodes());
/// ```
pub fn brokerage(
    view: &View,
    groups: &[u32],
    config: &BrokerageConfig,
) -> Result<Brokerage, AnalysisError> {
    let raw = brokerage_roles(view, groups)?;
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

/// The raw Gould & Fernandez role counts of every node (the `raw` part of [`brokerage`], which
/// documents the roles and the correspondence with R sna's columns).
///
/// # Errors
/// [`AnalysisError::InvalidParameter`] when `groups` does not have one entry per node.
///
/// # Complexity
/// O(Σ_b in(b)·out(b)·log d), parallel over brokers b; the counts are integers, so the result
/// is the same at any thread count.
pub fn brokerage_roles(view: &View, groups: &[u32]) -> Result<Vec<Roles<u64>>, AnalysisError> {
    let n_nodes = view.n_nodes();
    if groups.len() != n_nodes {
        return Err(AnalysisError::InvalidParameter(format!(
            "brokerage needs one group per node: the view has {n_nodes} nodes, the grouping {}",
            groups.len()
        )));
    }
    let out_arcs = view.out_arcs();
    let in_arcs = view.in_arcs();
    let counts = (0..n_nodes as u32)
        .into_par_iter()
        .map(|broker| {
            // Names follow sna's `brokerage_R`: source i (here `source`), broker j, target k.
            let mut roles = Roles::<u64>::default();
            let broker_group = groups[broker as usize];
            let targets = out_arcs.neighbors(broker);
            for &source in in_arcs.neighbors(broker) {
                let source_group = groups[source as usize];
                let source_out = out_arcs.neighbors(source);
                for &target in targets {
                    // An arc source → target closes the triad: no brokerage.
                    if target == source || source_out.binary_search(&target).is_ok() {
                        continue;
                    }
                    let target_group = groups[target as usize];
                    let slot = if source_group == broker_group {
                        if broker_group == target_group {
                            &mut roles.coordinator
                        } else {
                            &mut roles.representative
                        }
                    } else if broker_group == target_group {
                        &mut roles.gatekeeper
                    } else if source_group == target_group {
                        &mut roles.itinerant
                    } else {
                        &mut roles.liaison
                    };
                    *slot += 1;
                }
            }
            roles.total = roles.coordinator
                + roles.itinerant
                + roles.gatekeeper
                + roles.representative
                + roles.liaison;
            roles
        })
        .collect();
    Ok(counts)
}

/// Mean and standard deviation of one role count.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Moment {
    mean: f64,
    sd: f64,
}

impl Moment {
    fn new(mean: f64, variance: f64) -> Moment {
        Moment { mean, sd: variance.sqrt() }
    }

    /// The z-score of `raw`, when the standard deviation is positive and everything finite.
    fn z(self, raw: u64) -> Option<f64> {
        (self.sd > 0.0).then(|| (raw as f64 - self.mean) / self.sd).and_then(finite)
    }
}

fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// sna's moments of each node's role counts, given the density `d` (see [`brokerage`]).
///
/// The moments depend on the broker's group only through its size nᵢ, and the sums over the
/// other groups are sums over all groups minus the broker's own; so they are computed once per
/// distinct group size with exact integer sums (u128), then scaled by the density terms. There
/// are at most √(2N) distinct sizes, so this is O(N) even when every node is its own group.
fn expected_roles(groups: &[u32], d: f64) -> Vec<Roles<Moment>> {
    let n_total = groups.len() as u128;
    let mut size_of_group: BTreeMap<u32, u128> = BTreeMap::new();
    for &group in groups {
        *size_of_group.entry(group).or_insert(0) += 1;
    }
    // How many groups have each size.
    let mut groups_of_size: BTreeMap<u128, u128> = BTreeMap::new();
    for &size in size_of_group.values() {
        *groups_of_size.entry(size).or_insert(0) += 1;
    }
    let choose2 = |x: u128| x * x.saturating_sub(1) / 2;

    // c = d²(1 − d) and q = d³(1 − d)³, as in sna.
    let c = d * d * (1.0 - d);
    let q = d.powi(3) * (1.0 - d).powi(3);
    let big_n = n_total as f64;
    let moments_of_size: BTreeMap<u128, Roles<Moment>> = groups_of_size
        .keys()
        .map(|&n_i| {
            let ni = n_i as f64;
            let others = n_total - n_i;
            // Sums over the other groups j ≠ i (sna's `n[-i]`): every group of each size,
            // less the broker's own group. Each such n_j fits beside n_i, so
            // N − n_j − n_i ≥ 0.
            let (mut pairs_others, mut triples_others, mut squares_others) = (0u128, 0u128, 0u128);
            let mut liaison_var_sum = 0u128;
            for (&n_j, &count) in &groups_of_size {
                let count = count - u128::from(n_j == n_i);
                pairs_others += count * n_j * (n_j - 1);
                triples_others += count * n_j * (n_j - 1) * n_j.saturating_sub(2);
                squares_others += count * n_j * n_j;
                if count > 0 {
                    liaison_var_sum += count * n_j * choose2(n_total - n_j - n_i);
                }
            }
            let (pairs_others, triples_others) = (pairs_others as f64, triples_others as f64);
            let liaison_pairs = (others * others - squares_others) as f64;

            let coordinator = c * (ni - 1.0) * (ni - 2.0);
            let itinerant = c * pairs_others;
            let broker_between = c * (big_n - ni) * (ni - 1.0);
            let liaison = c * liaison_pairs;
            let total = c * (big_n - 1.0) * (big_n - 2.0);
            let between_var = broker_between * (1.0 - c)
                + 2.0
                    * ((ni - 1.0) * choose2(others) as f64
                        + (big_n - ni) * choose2(n_i - 1) as f64)
                    * q;
            let moments = Roles {
                coordinator: Moment::new(
                    coordinator,
                    coordinator * (1.0 - c) + 2.0 * (ni - 1.0) * (ni - 2.0) * (ni - 3.0) * q,
                ),
                itinerant: Moment::new(itinerant, itinerant * (1.0 - c) + 2.0 * triples_others * q),
                gatekeeper: Moment::new(broker_between, between_var),
                representative: Moment::new(broker_between, between_var),
                liaison: Moment::new(
                    liaison,
                    liaison * (1.0 - c) + 4.0 * liaison_var_sum as f64 * q,
                ),
                total: Moment::new(
                    total,
                    total * (1.0 - c) + 2.0 * (big_n - 1.0) * (big_n - 2.0) * (big_n - 3.0) * q,
                ),
            };
            (n_i, moments)
        })
        .collect();
    groups
        .iter()
        .map(|group| {
            let size = size_of_group.get(group).copied().unwrap_or(1);
            moments_of_size.get(&size).copied().unwrap_or_default()
        })
        .collect()
}

/// Per node, (constraint, effective size) as NetworkX computes them (see [`brokerage`]).
fn structural_holes(view: &View, weighted: bool) -> Vec<(Option<f64>, Option<f64>)> {
    let mutual = MutualTies::new(view, weighted);
    let borgatti = !view.is_directed() && !weighted;
    let n_nodes = view.n_nodes();
    (0..n_nodes)
        .into_par_iter()
        .map_init(
            || HoleScratch {
                stamp: vec![u32::MAX; n_nodes],
                indirect: vec![0.0; n_nodes],
                redundancy: vec![0.0; n_nodes],
            },
            |scratch, node| mutual.holes_of(node, borgatti, scratch),
        )
        .collect()
}

/// Per-thread scratch of [`structural_holes`], indexed by node.
struct HoleScratch {
    /// `stamp[j] == i` marks j as a neighbour of the node i being scored.
    stamp: Vec<u32>,
    /// Σ_w p_iw p_wj per neighbour j.
    indirect: Vec<f64>,
    /// Σ_w p_iw m_jw per neighbour j.
    redundancy: Vec<f64>,
}

/// The undirected "mutual" graph behind Burt's measures: for each node its in- and
/// out-neighbours, ascending, with a_ij = w(i→j) + w(j→i), plus each row's sum and maximum.
struct MutualTies {
    offsets: Vec<usize>,
    neighbors: Vec<u32>,
    weights: Vec<f64>,
    sums: Vec<f64>,
    maxima: Vec<f64>,
}

impl MutualTies {
    fn new(view: &View, weighted: bool) -> MutualTies {
        let n_nodes = view.n_nodes();
        let weight = |w: f64| if weighted { w } else { 1.0 };
        let mut offsets = Vec::with_capacity(n_nodes + 1);
        let mut neighbors = Vec::new();
        let mut weights = Vec::new();
        let mut sums = Vec::with_capacity(n_nodes);
        let mut maxima = Vec::with_capacity(n_nodes);
        offsets.push(0);
        for node in 0..n_nodes as u32 {
            // Merge the sorted out-row (i → j) and in-row (j → i).
            let (out_n, out_w) = (view.out_arcs().neighbors(node), view.out_arcs().weights(node));
            let (in_n, in_w) = (view.in_arcs().neighbors(node), view.in_arcs().weights(node));
            let (mut x, mut y) = (0, 0);
            while x < out_n.len() || y < in_n.len() {
                let next_out = out_n.get(x).copied().unwrap_or(u32::MAX);
                let next_in = in_n.get(y).copied().unwrap_or(u32::MAX);
                let neighbor = next_out.min(next_in);
                let mut a = 0.0;
                if next_out == neighbor {
                    a += weight(out_w[x]);
                    x += 1;
                }
                if next_in == neighbor {
                    a += weight(in_w[y]);
                    y += 1;
                }
                neighbors.push(neighbor);
                weights.push(a);
            }
            let row = &weights[offsets[node as usize]..];
            sums.push(row.iter().sum());
            maxima.push(row.iter().copied().fold(0.0, f64::max));
            offsets.push(neighbors.len());
        }
        MutualTies { offsets, neighbors, weights, sums, maxima }
    }

    fn row(&self, node: u32) -> (&[u32], &[f64]) {
        let range = self.offsets[node as usize]..self.offsets[node as usize + 1];
        (&self.neighbors[range.clone()], &self.weights[range])
    }

    /// (constraint, effective size) of `node`.
    fn holes_of(
        &self,
        node: usize,
        borgatti: bool,
        scratch: &mut HoleScratch,
    ) -> (Option<f64>, Option<f64>) {
        let i = node as u32;
        let (ego_neighbors, ego_weights) = self.row(i);
        let ego_sum = self.sums[node];
        if ego_neighbors.is_empty() || ego_sum <= 0.0 {
            return (None, None);
        }
        for &j in ego_neighbors {
            scratch.stamp[j as usize] = i;
            scratch.indirect[j as usize] = 0.0;
            scratch.redundancy[j as usize] = 0.0;
        }
        // Paper symbols: p_iw = a_iw / Σ_k a_ik; p_wj = a_wj / Σ_k a_wk; m_jw = a_jw / max_k a_jk.
        let mut ties_among_neighbors = 0usize; // 2t in Borgatti's formula
        for (&w, &a_iw) in ego_neighbors.iter().zip(ego_weights) {
            let p_iw = a_iw / ego_sum;
            let w_sum = self.sums[w as usize];
            let (w_neighbors, w_weights) = self.row(w);
            for (&j, &a_wj) in w_neighbors.iter().zip(w_weights) {
                if scratch.stamp[j as usize] != i {
                    continue;
                }
                ties_among_neighbors += 1;
                scratch.indirect[j as usize] += p_iw * (a_wj / w_sum);
                scratch.redundancy[j as usize] += p_iw * (a_wj / self.maxima[j as usize]);
            }
        }
        let mut constraint = 0.0;
        let mut effective_size = 0.0;
        for (&j, &a_ij) in ego_neighbors.iter().zip(ego_weights) {
            let local = a_ij / ego_sum + scratch.indirect[j as usize];
            constraint += local * local;
            effective_size += 1.0 - scratch.redundancy[j as usize];
        }
        if borgatti {
            let n = ego_neighbors.len() as f64;
            effective_size = n - ties_among_neighbors as f64 / n;
        }
        (finite(constraint), finite(effective_size))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{Source, load};
    use crate::view::{LayerChoice, ViewSpec};

    const TOLERANCE: f64 = 1e-12;

    #[track_caller]
    fn close(actual: f64, expected: f64, what: &str) {
        let scale = expected.abs().max(1.0);
        assert!(
            (actual - expected).abs() <= TOLERANCE * scale,
            "{what}: got {actual}, expected {expected}"
        );
    }

    #[track_caller]
    fn close_some(actual: Option<f64>, expected: f64, what: &str) {
        match actual {
            Some(actual) => close(actual, expected, what),
            None => panic!("{what}: got None, expected {expected}"),
        }
    }

    fn network(actors: &str, relations: &str) -> Network {
        load(&Source::Memory(vec![
            ("actors.csv".into(), actors.as_bytes().to_vec()),
            ("relations.csv".into(), relations.as_bytes().to_vec()),
        ]))
        .unwrap()
    }

    fn view_of(network: &Network) -> View {
        View::build(network, &ViewSpec::default()).unwrap()
    }

    /// splitmix64: a tiny seeded generator, so the random graphs are the same on every run.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        fn chance(&mut self, p: f64) -> bool {
            (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
        }
    }

    /// A random graph on `n` actors in 3 groups (`x`, `y`, `z`), each ordered pair tied with
    /// probability `p` (directed: layer `funding`; undirected: `collaboration`, each unordered
    /// pair once). Returns the network and its adjacency matrix, built from the relations
    /// independently of the view.
    // Indices a, b are actor numbers that also name the actors; iterators would obscure that.
    #[allow(clippy::needless_range_loop)]
    fn random_network(seed: u64, n: usize, p: f64, directed: bool) -> (Network, Vec<Vec<bool>>) {
        let mut rng = Rng(seed);
        let mut actors = String::from("id,group\n");
        for i in 0..n {
            actors.push_str(&format!("a{i:02},{}\n", ["x", "y", "z"][(rng.next() % 3) as usize]));
        }
        let layer = if directed { "funding" } else { "collaboration" };
        let mut relations = String::from("source,target,layer\n");
        let mut adjacency = vec![vec![false; n]; n];
        for a in 0..n {
            for b in 0..n {
                if a == b || (!directed && b < a) || !rng.chance(p) {
                    continue;
                }
                relations.push_str(&format!("a{a:02},a{b:02},{layer}\n"));
                adjacency[a][b] = true;
                if !directed {
                    adjacency[b][a] = true;
                }
            }
        }
        (network(&actors, &relations), adjacency)
    }

    /// Brute force over all ordered triples: the definition, with nothing clever.
    // Indices a, b, c are the triad's nodes; iterators would hide the definition.
    #[allow(clippy::needless_range_loop)]
    fn brute_force_roles(adjacency: &[Vec<bool>], groups: &[u32]) -> Vec<Roles<u64>> {
        let n = adjacency.len();
        let mut roles = vec![Roles::<u64>::default(); n];
        for a in 0..n {
            for b in 0..n {
                for c in 0..n {
                    if a == b || b == c || a == c {
                        continue;
                    }
                    if !(adjacency[a][b] && adjacency[b][c]) || adjacency[a][c] {
                        continue;
                    }
                    let (ga, gb, gc) = (groups[a], groups[b], groups[c]);
                    let r = &mut roles[b];
                    match (ga == gb, gb == gc, ga == gc) {
                        (true, true, _) => r.coordinator += 1,
                        (false, false, true) => r.itinerant += 1,
                        (true, false, _) => r.representative += 1,
                        (false, true, _) => r.gatekeeper += 1,
                        (false, false, false) => r.liaison += 1,
                    }
                    r.total += 1;
                }
            }
        }
        roles
    }

    #[test]
    fn role_counts_match_brute_force_on_random_graphs() {
        for seed in 0..12u64 {
            for directed in [true, false] {
                let n = 8 + (seed as usize % 5) * 3;
                let p = [0.15, 0.3, 0.5][seed as usize % 3];
                let (network, adjacency) = random_network(seed, n, p, directed);
                let view = view_of(&network);
                assert_eq!(view.is_directed(), directed);
                // Node i is actor i here: every actor is a node, in workspace order.
                assert_eq!(view.n_nodes(), n);
                let grouping =
                    group_nodes(&network, &view, &GroupBy::Attribute("group".into())).unwrap();
                let counted = brokerage_roles(&view, &grouping.of_node).unwrap();
                let expected = brute_force_roles(&adjacency, &grouping.of_node);
                assert_eq!(counted, expected, "seed {seed}, directed {directed}");
            }
        }
    }

    #[test]
    fn expected_moments_match_a_direct_port_of_sna_on_random_groupings() {
        // A literal port of sna's per-class loop (`for(i in 1:length(clid))`), to check the
        // per-size shortcut in `expected_roles`.
        fn sna_moments(groups: &[u32], d: f64) -> Vec<Roles<Moment>> {
            let classes: Vec<u32> = {
                let mut c = groups.to_vec();
                c.sort_unstable();
                c.dedup();
                c
            };
            let n: Vec<f64> =
                classes.iter().map(|k| groups.iter().filter(|g| *g == k).count() as f64).collect();
            let big_n = groups.len() as f64;
            let choose = |x: f64| x * (x - 1.0) / 2.0;
            let c = d * d * (1.0 - d);
            let q = d.powi(3) * (1.0 - d).powi(3);
            let per_class: Vec<Roles<Moment>> = (0..n.len())
                .map(|i| {
                    let others: Vec<f64> = (0..n.len()).filter(|&j| j != i).map(|j| n[j]).collect();
                    let ni = n[i];
                    let e1 = c * (ni - 1.0) * (ni - 2.0);
                    let v1 = e1 * (1.0 - c) + 2.0 * (ni - 1.0) * (ni - 2.0) * (ni - 3.0) * q;
                    let e2 = c * others.iter().map(|x| x * (x - 1.0)).sum::<f64>();
                    let v2 = e2 * (1.0 - c)
                        + 2.0 * others.iter().map(|x| x * (x - 1.0) * (x - 2.0)).sum::<f64>() * q;
                    let e3 = c * (big_n - ni) * (ni - 1.0);
                    let v3 = e3 * (1.0 - c)
                        + 2.0
                            * ((ni - 1.0) * choose(big_n - ni) + (big_n - ni) * choose(ni - 1.0))
                            * q;
                    let outer: f64 =
                        others.iter().map(|x| others.iter().map(|y| x * y).sum::<f64>()).sum();
                    let e5 = c * (outer - others.iter().map(|x| x * x).sum::<f64>());
                    let v5 = e5 * (1.0 - c)
                        + 4.0 * others.iter().map(|x| x * choose(big_n - x - ni) * q).sum::<f64>();
                    let e6 = c * (big_n - 1.0) * (big_n - 2.0);
                    let v6 =
                        e6 * (1.0 - c) + 2.0 * (big_n - 1.0) * (big_n - 2.0) * (big_n - 3.0) * q;
                    Roles {
                        coordinator: Moment::new(e1, v1),
                        itinerant: Moment::new(e2, v2),
                        representative: Moment::new(e3, v3),
                        gatekeeper: Moment::new(e3, v3),
                        liaison: Moment::new(e5, v5),
                        total: Moment::new(e6, v6),
                    }
                })
                .collect();
            groups.iter().map(|g| per_class[classes.iter().position(|k| k == g).unwrap()]).collect()
        }
        let mut rng = Rng(7);
        for round in 0..40 {
            let n = 2 + round;
            let n_groups = 1 + (rng.next() % (n as u64)).min(6);
            let groups: Vec<u32> = (0..n).map(|_| (rng.next() % n_groups) as u32 * 10).collect();
            let d = (rng.next() % 1000) as f64 / 1000.0;
            let ours = expected_roles(&groups, d);
            let theirs = sna_moments(&groups, d);
            for (node, (a, b)) in ours.iter().zip(&theirs).enumerate() {
                let pairs = [
                    (a.coordinator, b.coordinator, "coordinator"),
                    (a.itinerant, b.itinerant, "itinerant"),
                    (a.gatekeeper, b.gatekeeper, "gatekeeper"),
                    (a.representative, b.representative, "representative"),
                    (a.liaison, b.liaison, "liaison"),
                    (a.total, b.total, "total"),
                ];
                for (x, y, role) in pairs {
                    close(x.mean, y.mean, &format!("round {round} node {node} {role} mean"));
                    close(x.sd, y.sd, &format!("round {round} node {node} {role} sd"));
                }
            }
        }
    }

    #[test]
    fn undirected_path_across_groups_worked_by_hand() {
        // a – b – c with groups A, A, B (undirected). Two-paths with no a–c tie:
        // a → b → c is A → A → B (representative), c → b → a is B → A → A (gatekeeper).
        let network = network(
            "id,group\na,A\nb,A\nc,B\n",
            "source,target,layer\na,b,collaboration\nb,c,collaboration\n",
        );
        let view = view_of(&network);
        let groups = group_nodes(&network, &view, &GroupBy::Attribute("group".into())).unwrap();
        assert_eq!(groups.labels, ["A", "B"]);
        let config = BrokerageConfig { weighted: false, expected: true };
        let result = brokerage(&view, &groups.of_node, &config).unwrap();
        let b = &result.nodes[1];
        assert_eq!(
            b.raw,
            Roles {
                coordinator: 0,
                itinerant: 0,
                gatekeeper: 1,
                representative: 1,
                liaison: 0,
                total: 2
            }
        );
        assert_eq!(result.nodes[0].raw.total, 0);
        assert_eq!(result.nodes[2].raw.total, 0);

        // N = 3, m = 4 arcs, d = 4/6 = 2/3; c = d²(1−d) = 4/27; q = d³(1−d)³ = 8/729.
        close_some(result.density, 2.0 / 3.0, "density");
        // b's group A has nᵢ = 2: representative E = c (N−nᵢ)(nᵢ−1) = 4/27 · 1 · 1 = 4/27;
        // Var = E(1−c) + 2((nᵢ−1)C(1,2) + (N−nᵢ)C(1,2)) q = 4/27 · 23/27 + 0 = 92/729.
        close_some(b.expected.representative, 4.0 / 27.0, "E representative");
        close_some(b.sd.representative, (92.0f64 / 729.0).sqrt(), "sd representative");
        // z = (1 − 4/27) / √(92/729) = (23/27) / (√92 / 27) = 23/√92 = 2.3979158…
        close_some(b.z.representative, 23.0 / 92.0f64.sqrt(), "z representative");
        close_some(b.z.gatekeeper, 23.0 / 92.0f64.sqrt(), "z gatekeeper");
        // Total: E = c (N−1)(N−2) = 8/27; Var = 8/27 · 23/27 + 2·2·1·0·q = 184/729;
        // z = (2 − 8/27) / √(184/729) = 46/√184 = 3.3911650…
        close_some(b.expected.total, 8.0 / 27.0, "E total");
        close_some(b.z.total, 46.0 / 184.0f64.sqrt(), "z total");
        // Coordinator: E = c (nᵢ−1)(nᵢ−2) = 0 and Var = 0, so z is undefined (sna: NaN).
        close_some(b.expected.coordinator, 0.0, "E coordinator");
        assert_eq!(b.z.coordinator, None);
        // c is alone in group B (nᵢ = 1): itinerant E = c Σ_{j≠i} nⱼ(nⱼ−1) = 4/27 · 2 = 8/27,
        // Var = 8/27 · 23/27 + 2 · 2·1·0 · q = 184/729, z = (0 − 8/27)/√(184/729) = −8/√184.
        let c = &result.nodes[2];
        close_some(c.expected.itinerant, 8.0 / 27.0, "E itinerant of c");
        close_some(c.z.itinerant, -8.0 / 184.0f64.sqrt(), "z itinerant of c");
        assert_eq!(c.z.representative, None);

        // These are R sna 2.7's numbers for the same graph:
        // brokerage(g, c("A","A","B"))$z.nli[2, ] = NaN NaN 2.3979158 2.3979158 NaN 3.3911650.
    }

    #[test]
    fn directed_star_worked_by_hand() {
        // Hub h with spokes: x1 → h, x2 → h (group X), h → y1, h → y2 (group Y), h in group H.
        // Two-paths xi → h → yj: 4, none closed, each X → H → Y: liaison. No others: the spokes
        // have no in-and-out arcs.
        let network = network(
            "id,group\nh,H\nx1,X\nx2,X\ny1,Y\ny2,Y\n",
            "source,target,layer\nx1,h,funding\nx2,h,funding\nh,y1,funding\nh,y2,funding\n",
        );
        let view = view_of(&network);
        let groups = group_nodes(&network, &view, &GroupBy::Attribute("group".into())).unwrap();
        let roles = brokerage_roles(&view, &groups.of_node).unwrap();
        assert_eq!(roles[0].liaison, 4);
        assert_eq!(roles[0].total, 4);
        assert!(roles[1..].iter().all(|r| r.total == 0));
        // With h in group X instead, the same paths are X → X → Y: representative.
        let same = vec![0, 0, 0, 1, 1];
        let roles = brokerage_roles(&view, &same).unwrap();
        assert_eq!((roles[0].representative, roles[0].total), (4, 4));
        // And with h in group Y: X → Y → Y, gatekeeper.
        let same = vec![1, 0, 0, 1, 1];
        let roles = brokerage_roles(&view, &same).unwrap();
        assert_eq!((roles[0].gatekeeper, roles[0].total), (4, 4));
        // A closing arc x1 → y1 removes exactly the path x1 → h → y1.
        let closed = self::network(
            "id,group\nh,H\nx1,X\nx2,X\ny1,Y\ny2,Y\n",
            "source,target,layer\nx1,h,funding\nx2,h,funding\nh,y1,funding\nh,y2,funding\nx1,y1,funding\n",
        );
        let view = view_of(&closed);
        let groups = group_nodes(&closed, &view, &GroupBy::Attribute("group".into())).unwrap();
        assert_eq!(brokerage_roles(&view, &groups.of_node).unwrap()[0].liaison, 3);
    }

    #[test]
    fn undirected_star_counts_each_pair_of_spokes_twice() {
        // Undirected star: centre s (group A), leaves l1, l2 (A) and l3 (B). Ordered pairs of
        // distinct leaves: 6, none tied. (l1,l2),(l2,l1): A→A→A coordinator ×2;
        // (l1,l3),(l2,l3): A→A→B representative ×2; (l3,l1),(l3,l2): B→A→A gatekeeper ×2.
        let network = network(
            "id,group\ns,A\nl1,A\nl2,A\nl3,B\n",
            "source,target,layer\ns,l1,collaboration\ns,l2,collaboration\ns,l3,collaboration\n",
        );
        let view = view_of(&network);
        let groups = group_nodes(&network, &view, &GroupBy::Attribute("group".into())).unwrap();
        let roles = brokerage_roles(&view, &groups.of_node).unwrap();
        let centre = view.node(network.actor_id("s").unwrap()).unwrap() as usize;
        assert_eq!(
            roles[centre],
            Roles {
                coordinator: 2,
                itinerant: 0,
                gatekeeper: 2,
                representative: 2,
                liaison: 0,
                total: 6
            }
        );
    }

    #[test]
    fn constraint_and_effective_size_worked_by_hand() {
        // Undirected: a–b, a–c, a–d, b–c (unweighted).
        // Mutual weights a_ij = 2 for every tie; p_ij = 1/deg(i).
        // a: N(a) = {b, c, d}, p = 1/3 each; b: {a, c} p = 1/2; c: {a, b} p = 1/2; d: {a} p = 1.
        // constraint(a) = Σ_j (p_aj + Σ_w p_aw p_wj)²:
        //   j = b: 1/3 + p_ac p_cb = 1/3 + 1/3 · 1/2 = 1/2 → 1/4
        //   j = c: 1/3 + p_ab p_bc = 1/2 → 1/4
        //   j = d: 1/3 + 0 → 1/9
        //   total 1/4 + 1/4 + 1/9 = 11/18.
        // constraint(b): j = a: 1/2 + p_bc p_ca = 1/2 + 1/4 = 3/4 → 9/16;
        //   j = c: 1/2 + p_ba p_ac = 1/2 + 1/2 · 1/3 = 2/3 → 4/9; total 9/16 + 4/9 = 145/144.
        // constraint(d): j = a: 1 → 1.
        // Effective size (Borgatti n − 2t/n): a: n = 3, t = 1 (b–c) → 3 − 2/3 = 7/3;
        //   b: n = 2, t = 1 (a–c) → 2 − 1 = 1; d: n = 1, t = 0 → 1.
        let network = network(
            "id\na\nb\nc\nd\ne\n",
            "source,target,layer,weight\na,b,collaboration,1\na,c,collaboration,2\na,d,collaboration,1\nb,c,collaboration,1\n",
        );
        let view = view_of(&network);
        let groups = vec![0; view.n_nodes()];
        let result = brokerage(&view, &groups, &BrokerageConfig::default()).unwrap();
        let n = &result.nodes;
        close_some(n[0].constraint, 11.0 / 18.0, "constraint a");
        close_some(n[1].constraint, 145.0 / 144.0, "constraint b");
        close_some(n[2].constraint, 145.0 / 144.0, "constraint c");
        close_some(n[3].constraint, 1.0, "constraint d");
        close_some(n[0].effective_size, 7.0 / 3.0, "effective size a");
        close_some(n[1].effective_size, 1.0, "effective size b");
        close_some(n[3].effective_size, 1.0, "effective size d");
        // e is an isolate: undefined (NetworkX: nan).
        assert_eq!((n[4].constraint, n[4].effective_size), (None, None));
        // The expected values were not asked for.
        assert_eq!(n[0].expected, Roles::default());

        // Weighted, same graph with w(a–c) = 2: a_ij = 2w. Row sums: a: 2+4+2 = 8, b: 2+2 = 4,
        // c: 4+2 = 6, d: 2. p_ab = 1/4, p_ac = 1/2, p_ad = 1/4; p_ba = p_bc = 1/2;
        // p_ca = 2/3, p_cb = 1/3; p_da = 1.
        // constraint(a): j=b: 1/4 + p_ac p_cb = 1/4 + 1/6 = 5/12 → 25/144;
        //   j=c: 1/2 + p_ab p_bc = 1/2 + 1/8 = 5/8 → 25/64; j=d: 1/4 → 1/16.
        //   total 25/144 + 25/64 + 1/16 = (100 + 225 + 36)/576 = 361/576.
        // Effective size (general formula) with maxima: a: 4, b: 2, c: 4, d: 2;
        //   m_ba = 1, m_bc = 1, m_ca = 1, m_cb = 1/2.
        //   a: j=b: 1 − p_ac m_bc = 1 − 1/2 = 1/2; j=c: 1 − p_ab m_cb = 1 − 1/8 = 7/8;
        //   j=d: 1 − 0 = 1 → 19/8.
        let weighted = BrokerageConfig { weighted: true, expected: false };
        let result = brokerage(&view, &groups, &weighted).unwrap();
        close_some(result.nodes[0].constraint, 361.0 / 576.0, "weighted constraint a");
        close_some(result.nodes[0].effective_size, 19.0 / 8.0, "weighted effective size a");
    }

    #[test]
    fn directed_mutual_weights_sum_both_arcs() {
        // a → b, b → a, a → c (directed, unweighted). a_ab = 2, a_ac = 1: p_ab = 2/3,
        // p_ac = 1/3; b and c have only a: p = 1. No ties between b and c.
        // constraint(a) = (2/3)² + (1/3)² = 5/9; constraint(b) = 1; constraint(c) = 1 (c only
        // receives, and is still scored, as NetworkX's matrix code does).
        // effective size (general formula): a: Σ_j (1 − Σ_w p_aw m_jw) = 1 + 1 = 2 (b and c are
        // not tied); b: 1 − p_ba m_aa = 1.
        let network = network(
            "id\na\nb\nc\n",
            "source,target,layer\na,b,funding\nb,a,funding\na,c,funding\n",
        );
        let view = view_of(&network);
        let result = brokerage(&view, &[0, 0, 0], &BrokerageConfig::default()).unwrap();
        close_some(result.nodes[0].constraint, 5.0 / 9.0, "constraint a");
        close_some(result.nodes[2].constraint, 1.0, "constraint c");
        close_some(result.nodes[0].effective_size, 2.0, "effective size a");
        close_some(result.nodes[1].effective_size, 1.0, "effective size b");
    }

    #[test]
    fn general_effective_size_equals_borgatti_on_undirected_graphs() {
        for seed in 0..6 {
            let (network, _) = random_network(100 + seed, 15, 0.3, false);
            let view = view_of(&network);
            let mutual = MutualTies::new(&view, false);
            let mut scratch = HoleScratch {
                stamp: vec![u32::MAX; view.n_nodes()],
                indirect: vec![0.0; view.n_nodes()],
                redundancy: vec![0.0; view.n_nodes()],
            };
            for node in 0..view.n_nodes() {
                let general = mutual.holes_of(node, false, &mut scratch).1;
                let borgatti = mutual.holes_of(node, true, &mut scratch).1;
                match (general, borgatti) {
                    (Some(x), Some(y)) => close(x, y, "effective size"),
                    (x, y) => assert_eq!(x, y),
                }
            }
        }
    }

    #[test]
    fn empty_views_single_groups_and_bad_groupings_do_not_panic() {
        let network = network("id\na\n", "source,target\n");
        let view = view_of(&network);
        let config = BrokerageConfig { weighted: true, expected: true };
        let result = brokerage(&view, &[0], &config).unwrap();
        assert_eq!(result.density, None);
        assert_eq!(result.nodes[0].expected, Roles::default());
        assert_eq!(result.nodes[0].constraint, None);
        assert!(matches!(brokerage(&view, &[], &config), Err(AnalysisError::InvalidParameter(_))));

        let spec =
            ViewSpec { layers: Some(vec![LayerChoice::Comembership]), ..ViewSpec::default() };
        let empty = View::build(&network, &spec).unwrap();
        let result = brokerage(&empty, &[0], &config).unwrap();
        assert_eq!(result.nodes.len(), 1);

        // One group only: itinerant and liaison expectations are 0 with sd 0, so z is None.
        let (network, _) = random_network(3, 10, 0.4, true);
        let view = view_of(&network);
        let result = brokerage(&view, &[5; 10], &config).unwrap();
        for node in &result.nodes {
            assert_eq!(node.expected.itinerant, Some(0.0));
            assert_eq!(node.z.liaison, None);
            assert!(node.z.coordinator.is_some());
        }
    }

    #[test]
    fn groupings_by_sector_level_side_and_missing_values() {
        let network = network(
            "id,sector,level,parent,region\n\
             rijk,government,national,,\n\
             min,government,national,rijk,\n\
             prov,government,provincial,,north\n\
             firm,business,,,south\n\
             club,,local,,north\n",
            "source,target\n",
        );
        let view = view_of(&network);
        // Labels of each actor, in file order (nodes are numbered by id).
        let labels = |grouping: &Grouping| -> Vec<String> {
            ["rijk", "min", "prov", "firm", "club"]
                .iter()
                .map(|key| {
                    let node = view.node(network.actor_id(key).unwrap()).unwrap();
                    grouping.label(node).to_owned()
                })
                .collect()
        };
        let sector = group_nodes(&network, &view, &GroupBy::Sector).unwrap();
        assert_eq!(
            labels(&sector),
            ["government", "government", "government", "business", NO_GROUP]
        );
        assert_eq!(sector.labels.len(), 3);
        let level = group_nodes(&network, &view, &GroupBy::Level).unwrap();
        assert_eq!(labels(&level), ["national", "national", "provincial", NO_GROUP, "local"]);
        let side = group_nodes(&network, &view, &GroupBy::Side).unwrap();
        assert_eq!(labels(&side), ["rijk", "rijk", "region", "region", "region"]);
        let region = group_nodes(&network, &view, &GroupBy::parse("Region")).unwrap();
        assert_eq!(labels(&region), [NO_GROUP, NO_GROUP, "north", "south", "north"]);
        let unknown = group_nodes(&network, &view, &GroupBy::parse("colour"));
        assert!(
            matches!(&unknown, Err(AnalysisError::InvalidParameter(m)) if m.contains("`region`")),
            "{unknown:?}"
        );
        assert_eq!(GroupBy::parse("SIDE"), GroupBy::Side);
        assert_eq!(GroupBy::parse("kind").name(), "kind");
    }

    #[test]
    fn ten_thousand_nodes_and_fifty_thousand_ties_are_fast() {
        // A G(n, m)-like directed graph: 10k nodes, ~50k arcs, 3 groups.
        let n = 10_000usize;
        let mut rng = Rng(42);
        let mut actors = String::from("id,group\n");
        for i in 0..n {
            actors.push_str(&format!("a{i},{}\n", ["x", "y", "z"][i % 3]));
        }
        let mut relations = String::from("source,target,layer\n");
        for _ in 0..50_000 {
            let a = rng.next() as usize % n;
            let b = rng.next() as usize % n;
            if a != b {
                relations.push_str(&format!("a{a},a{b},funding\n"));
            }
        }
        let network = self::network(&actors, &relations);
        let view = view_of(&network);
        let groups = group_nodes(&network, &view, &GroupBy::Attribute("group".into())).unwrap();
        let started = std::time::Instant::now();
        let config = BrokerageConfig { weighted: true, expected: true };
        let result = brokerage(&view, &groups.of_node, &config).unwrap();
        assert_eq!(result.nodes.len(), n);
        assert!(started.elapsed().as_secs_f64() < 10.0, "took {:?}", started.elapsed());
    }
}
