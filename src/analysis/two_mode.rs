//! Two-mode centrality on the actors × coalitions network: degree, closeness and betweenness
//! on the bipartite graph, normalized as Borgatti & Everett (1997) normalize them for two-mode
//! data, each mode against its own maximum.
//!
//! Borgatti, S. P. & Everett, M. G. (1997). Network analysis of 2-mode data. *Social
//! Networks* 19(3), 243–269. The values match NetworkX 3.x `networkx.algorithms.bipartite`'s
//! `degree_centrality`, `closeness_centrality` and `betweenness_centrality` with the actors as
//! `nodes` (checked by `tests/oracle/twomode.py`).

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::kernels::{self, PathGraph, PathLength};
use super::progress::Progress;
use crate::two_mode::TwoMode;

/// One value per actor and one per coalition, in [`TwoMode::actors`] and
/// [`TwoMode::coalitions`] order.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ModeValues<T> {
    /// Per actor.
    pub actors: Vec<T>,
    /// Per coalition.
    pub coalitions: Vec<T>,
}

/// The two-mode centrality of one actor or coalition.
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct TwoModeScores {
    /// Raw degree: an actor's coalitions, a coalition's members.
    pub degree: usize,
    /// See [`two_mode_degree`].
    pub degree_centrality: f64,
    /// See [`two_mode_closeness`].
    pub closeness: f64,
    /// See [`two_mode_betweenness`].
    pub betweenness: f64,
}

/// Degree, closeness and betweenness of every actor and coalition: [`two_mode_centrality`].
pub type TwoModeCentrality = ModeValues<TwoModeScores>;

/// Normalized two-mode degree (Borgatti & Everett 1997): an actor's coalitions divided by the
/// number of coalitions, a coalition's members divided by the number of actors — the share of
/// the other mode a node is tied to, 1 when it is tied to all of it.
///
/// `d*(v) = deg(v) / |other mode|`.
///
/// Matches NetworkX 3.x `bipartite.degree_centrality(B, actors)`.
///
/// # Complexity
/// O(A + C).
pub fn two_mode_degree(two_mode: &TwoMode) -> ModeValues<f64> {
    let (n, m) = (two_mode.n_actors(), two_mode.n_coalitions());
    let rows = two_mode.graph().out_arcs();
    let share = |node: usize, other: usize| rows.degree(node as u32) as f64 * (1.0 / other as f64);
    ModeValues {
        actors: (0..n).map(|a| share(a, m)).collect(),
        coalitions: (n..n + m).map(|k| share(k, n)).collect(),
    }
}

/// Normalized two-mode closeness (Borgatti & Everett 1997), with NetworkX's correction for
/// disconnected graphs: how near a node is to every actor and coalition it can reach.
///
/// For an actor, with n actors and m coalitions, `c(v) = (m + 2(n − 1)) / Σ_u d(v, u)`; for a
/// coalition `c(v) = (n + 2(m − 1)) / Σ_u d(v, u)` — the smallest sum of distances a node of
/// its mode can have (1 to each node of the other mode, 2 to each other node of its own)
/// divided by its own. The sum runs over the nodes v reaches (both modes); the value is then
/// multiplied by `(r − 1) / (n + m − 1)`, r the nodes reached (v included), so that a node in a
/// small component does not look central. 0 for a node that reaches nothing, or when the graph
/// has one node. In a graph in parts the value can exceed 1: the first factor counts the whole
/// modes, the distances only the node's part (NetworkX's definition, kept as it is).
///
/// Matches NetworkX 3.x `bipartite.closeness_centrality(B, actors, normalized=True)`
/// step for step.
///
/// # Complexity
/// O(K · M) for M memberships and K classes of twins (nodes with the same neighbours: actors
/// in exactly the same coalitions, coalitions of exactly the same members), at most A + C: a
/// breadth-first search from one node of each class, in parallel. The members of a large
/// coalition who sit in no other are one class.
pub fn two_mode_closeness(two_mode: &TwoMode) -> ModeValues<f64> {
    closeness_on(two_mode, &path_graph(two_mode), &())
}

/// The bipartite graph as the path searches walk it (hops), and its twins.
struct Searched {
    graph: PathGraph,
    /// Nodes with the same neighbours (twins: an actor in exactly the same coalitions as
    /// another, a coalition of exactly the same members) are alike for every path measure —
    /// swapping two twins maps the graph onto itself — so one search stands for all of a
    /// class: the first node of each class, with the class's size.
    representatives: Vec<(u32, f64)>,
    /// The class of each node: its position in `representatives`.
    class: Vec<u32>,
}

/// The bipartite graph as the path searches walk it, with its classes of twins.
fn path_graph(two_mode: &TwoMode) -> Searched {
    let rows = two_mode.graph().out_arcs();
    let n_nodes = two_mode.n_actors() + two_mode.n_coalitions();
    let mut first: FxHashMap<&[u32], u32> = FxHashMap::default();
    let mut representatives: Vec<(u32, f64)> = Vec::new();
    let class = (0..n_nodes as u32)
        .map(|node| {
            let class = *first.entry(rows.neighbors(node)).or_insert_with(|| {
                representatives.push((node, 0.0));
                representatives.len() as u32 - 1
            });
            representatives[class as usize].1 += 1.0;
            class
        })
        .collect();
    drop(first);
    Searched { graph: PathGraph::new(rows, PathLength::Hops), representatives, class }
}

fn closeness_on(
    two_mode: &TwoMode,
    searched: &Searched,
    progress: &dyn Progress,
) -> ModeValues<f64> {
    let (n, m) = (two_mode.n_actors(), two_mode.n_coalitions());
    // A twin is 2 from its representative as the representative is from it, and as far from
    // everything else: the same sum of distances, the same nodes reached.
    let sources: Vec<u32> = searched.representatives.iter().map(|&(node, _)| node).collect();
    let reaches = kernels::reaches_from(&searched.graph, &sources, progress);
    let total = n + m;
    let value = |node: usize, own: usize, other: usize| {
        let reach = &reaches[searched.class[node] as usize];
        if reach.total_distance > 0.0 && total > 1 {
            let mut value = (other + 2 * (own - 1)) as f64 / reach.total_distance;
            value *= (reach.reached - 1) as f64 / (total - 1) as f64;
            value
        } else {
            0.0
        }
    };
    ModeValues {
        actors: (0..n).map(|a| value(a, n, m)).collect(),
        coalitions: (n..total).map(|k| value(k, m, n)).collect(),
    }
}

/// Normalized two-mode betweenness (Borgatti & Everett 1997): the shortest paths between
/// other actors and coalitions that pass through a node, divided by the largest number a node
/// of its mode can have in a bipartite graph of these sizes.
///
/// `b(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st` over unordered pairs of nodes of either mode
/// (Brandes' algorithm on the bipartite graph, exact), divided for an actor by
/// `½ [m²(s + 1)² + m(s + 1)(2t − s − 1) − t(2s − t + 3)]` with `s, t` the quotient and
/// remainder of `(n − 1) / m`, and for a coalition by the same with n and m swapped (n actors,
/// m coalitions). Where that maximum is 0 — one coalition, whose members can never lie between
/// others — every value of the mode is 0 (NetworkX divides by zero there).
///
/// Matches NetworkX 3.x `bipartite.betweenness_centrality(B, actors)`.
///
/// # Complexity
/// O(K · M) for M memberships and K classes of twins, as [`two_mode_closeness`]: Brandes from
/// one node of each class, counted for the class (exact: two twins are alike on every
/// shortest path); in parallel, bit-identical at any thread count.
pub fn two_mode_betweenness(two_mode: &TwoMode) -> ModeValues<f64> {
    betweenness_on(two_mode, &path_graph(two_mode), &())
}

fn betweenness_on(
    two_mode: &TwoMode,
    searched: &Searched,
    progress: &dyn Progress,
) -> ModeValues<f64> {
    let (n, m) = (two_mode.n_actors(), two_mode.n_coalitions());
    // Σ_s δ_s(v) over every source s. Swapping two twins s and r fixes every other node, so
    // δ_s(v) = δ_r(v) for v outside their class; and a twin t of r is no inner node of r's
    // shortest paths (its neighbours are r's, at distance 1), so δ_r(t) = 0 = δ_s(t). The
    // search from a class's representative, counted as many times as the class has nodes,
    // gives each node its sum exactly. Ordered pairs: an unordered pair counts twice.
    let sums =
        kernels::weighted_dependency_sums(&searched.graph, &searched.representatives, progress);
    let scaled = |range: std::ops::Range<usize>, largest: f64| -> Vec<f64> {
        sums[range]
            .iter()
            .map(|&sum| if largest > 0.0 { sum * 0.5 / largest } else { 0.0 })
            .collect()
    };
    ModeValues {
        actors: scaled(0..n, largest_betweenness(n, m)),
        coalitions: scaled(n..n + m, largest_betweenness(m, n)),
    }
}

/// The largest betweenness a node of a mode of `own` nodes can have in a bipartite graph whose
/// other mode has `other` (Borgatti & Everett 1997, as NetworkX computes it); 0 when a mode is
/// empty.
fn largest_betweenness(own: usize, other: usize) -> f64 {
    if own == 0 || other == 0 {
        return 0.0;
    }
    let (own, other) = (own as i128, other as i128);
    let (s, t) = ((own - 1) / other, (own - 1) % other);
    let twice =
        other * other * (s + 1) * (s + 1) + other * (s + 1) * (2 * t - s - 1) - t * (2 * s - t + 3);
    twice as f64 / 2.0
}

/// [`two_mode_degree`], [`two_mode_closeness`] and [`two_mode_betweenness`] of every actor and
/// coalition, with the raw degree.
///
/// # Example
/// ```
/// use stakenet::analysis::two_mode_centrality;
/// use stakenet::{Source, TwoMode, ViewSpec, load};
///
/// let network = load(&Source::Bundled).expect("the bundled workspace is valid");
/// let two_mode = TwoMode::build(&network, &ViewSpec::default()).expect("a valid selection");
/// let scores = two_mode_centrality(&two_mode);
/// assert_eq!(scores.coalitions.len(), two_mode.n_coalitions());
/// ```
///
/// # Complexity
/// O(K · M): two searches from one node of each class of twins.
pub fn two_mode_centrality(two_mode: &TwoMode) -> TwoModeCentrality {
    two_mode_centrality_with_progress(two_mode, &())
}

/// [`two_mode_centrality`], telling `progress` about its single-source searches.
pub fn two_mode_centrality_with_progress(
    two_mode: &TwoMode,
    progress: &dyn Progress,
) -> TwoModeCentrality {
    let degree = two_mode_degree(two_mode);
    let searched = path_graph(two_mode);
    let closeness = closeness_on(two_mode, &searched, progress);
    let betweenness = betweenness_on(two_mode, &searched, progress);
    drop(searched);
    let rows = two_mode.graph().out_arcs();
    let n = two_mode.n_actors();
    let scores = |offset: usize,
                  degrees: &[f64],
                  closeness: &[f64],
                  betweenness: &[f64]|
     -> Vec<TwoModeScores> {
        (0..degrees.len())
            .into_par_iter()
            .map(|i| TwoModeScores {
                degree: rows.degree((offset + i) as u32),
                degree_centrality: degrees[i],
                closeness: closeness[i],
                betweenness: betweenness[i],
            })
            .collect()
    };
    ModeValues {
        actors: scores(0, &degree.actors, &closeness.actors, &betweenness.actors),
        coalitions: scores(n, &degree.coalitions, &closeness.coalitions, &betweenness.coalitions),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The maxima for small modes, worked by hand: the members of a single coalition never
    /// lie between others; a coalition of five members lies between their C(5, 2) = 10 pairs;
    /// of two actors and two coalitions, an actor in both (the other in one) lies between
    /// the two coalitions and between the other actor and its far coalition.
    #[test]
    fn largest_betweenness_as_networkx_computes_it() {
        assert_eq!(largest_betweenness(5, 1), 0.0);
        assert_eq!(largest_betweenness(1, 5), 10.0);
        assert_eq!(largest_betweenness(2, 2), 2.0);
        assert_eq!(largest_betweenness(0, 3), 0.0);
    }

    /// One search per class of twins gives what a search from every node gives, on random
    /// memberships with many twins (few coalitions, actors in one or two) and in parts.
    #[test]
    fn twins_searched_once_give_the_values_of_every_search() {
        use crate::random::SplitMix64;
        use crate::view::ViewSpec;
        for seed in 0..30u64 {
            let mut rng = SplitMix64::new(seed);
            let (n_actors, n_coalitions) = (2 + rng.below(40) as usize, 1 + rng.below(6) as usize);
            let mut actors = String::from("id\n");
            let mut members = String::from("coalition,actor,role\n");
            for a in 0..n_actors {
                actors.push_str(&format!("a{a}\n"));
                // One or two memberships, the second in a role of its own (it may be of the same
                // coalition: one membership then).
                for role in ["signatory", "lead"].iter().take(1 + rng.below(2) as usize) {
                    let c = rng.below(n_coalitions as u64);
                    members.push_str(&format!("c{c},a{a},{role}\n"));
                }
            }
            let coalitions: String =
                (0..n_coalitions).fold(String::from("id\n"), |text, c| text + &format!("c{c}\n"));
            let files =
                [("actors.csv", actors), ("coalitions.csv", coalitions), ("members.csv", members)];
            let source = crate::io::Source::Memory(
                files.into_iter().map(|(name, text)| (name.into(), text.into_bytes())).collect(),
            );
            let network = crate::io::load(&source).expect("valid");
            let two_mode = TwoMode::build(&network, &ViewSpec::default()).expect("builds");
            let (n, m) = (two_mode.n_actors(), two_mode.n_coalitions());
            // Every node searched.
            let graph = PathGraph::new(two_mode.graph().out_arcs(), PathLength::Hops);
            let all: Vec<u32> = (0..(n + m) as u32).collect();
            let sums = kernels::dependency_sums(&graph, &all, &());
            let reaches = kernels::reaches(&graph, &());
            let got = two_mode_centrality(&two_mode);
            let scores = got.actors.iter().chain(&got.coalitions);
            for (node, score) in scores.enumerate() {
                let largest =
                    if node < n { largest_betweenness(n, m) } else { largest_betweenness(m, n) };
                let expected = if largest > 0.0 { sums[node] * 0.5 / largest } else { 0.0 };
                assert!((score.betweenness - expected).abs() < 1e-12, "{seed}: node {node}");
                let (own, other) = if node < n { (n, m) } else { (m, n) };
                let reach = &reaches[node];
                let closeness = if reach.total_distance > 0.0 {
                    (other + 2 * (own - 1)) as f64 / reach.total_distance
                        * ((reach.reached - 1) as f64 / (n + m - 1) as f64)
                } else {
                    0.0
                };
                assert!((score.closeness - closeness).abs() < 1e-12, "{seed}: node {node}");
            }
        }
    }
}
