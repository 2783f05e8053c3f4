//! Graph-level structure of a view: density, reciprocity, Freeman centralization and
//! Krackhardt's four dimensions of hierarchy, as NetworkX and R sna define them.
//!
//! Everything except density and reciprocity reads the view *dichotomized*: an arc is there or
//! not, whatever its weight. An undirected view is the symmetric digraph sna sees for it (each
//! tie two arcs). On a mixed view (directed layers and undirected ties together) an undirected
//! tie is likewise two arcs, except for reciprocity, which reads only the arcs of directed
//! relations ([`View::directed_arcs`]).

use super::centrality::{ActorCentrality, CentralityConfig, Measures, neighbour_count};
use super::components::{Condensation, component_sizes, count_components, weak_components};
use super::kernels::{self, PathGraph, PathLength, Reach};
use super::progress::Progress;
use crate::view::View;

/// Graph-level figures of a view. `None` where the figure is undefined (0 / 0 in its formula,
/// or R sna would return `NaN`).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct GraphStructure {
    /// Number of nodes n.
    pub n_nodes: usize,
    /// Number of ties: arcs of directed relations plus undirected ties (each once), that is
    /// [`n_directed_ties`](Self::n_directed_ties) + [`n_undirected_ties`](Self::n_undirected_ties).
    pub n_ties: usize,
    /// Arcs of directed relations, the ties reciprocity reads; 0 on an undirected view.
    pub n_directed_ties: usize,
    /// Undirected ties (pairs): every tie on an undirected view, none on a purely directed one;
    /// on a mixed view the pairs joined by an undirected relation, except a pair whose arcs
    /// both ways are directed relations too (counted among those).
    pub n_undirected_ties: usize,
    /// Share of possible ties present: a / (n(n − 1)) with a the arcs (an undirected tie two);
    /// 0 when n ≤ 1. NetworkX `density`.
    pub density: f64,
    /// Share of the arcs of directed relations whose reverse arc is a directed relation too:
    /// r = |{(u, v) ∈ A_d : (v, u) ∈ A_d}| / |A_d| over A_d = [`View::directed_arcs`] (NetworkX
    /// `overall_reciprocity` on those arcs). Undirected ties do not count: they are returned by
    /// definition, see [`n_undirected_ties`](Self::n_undirected_ties). `None` on an undirected
    /// view or one without directed arcs.
    pub reciprocity: Option<f64>,
    /// Freeman (1979) degree centralization: Σ_v (max c − c_v) / ((n − 1)(n − 2)), with c_v the
    /// number of distinct actors v is tied to in either direction
    /// ([`neighbour_count`](super::neighbour_count), the `degree` column), and (n − 1)(n − 2)
    /// the value of a star, the largest possible. sna `centralization(symmetrize(g, rule =
    /// "weak"), degree, mode = "graph")`: on an undirected view sna `centralization(g,
    /// degree)`. `None` when n ≤ 2.
    pub degree_centralization: Option<f64>,
    /// Freeman (1979) betweenness centralization: Σ_v (max b − b_v) / ((n − 1)²(n − 2)) with b
    /// the raw betweenness over ordered pairs, halved on an undirected view together with the
    /// maximum. sna `centralization(g, betweenness)`; `None` when n ≤ 2.
    pub betweenness_centralization: Option<f64>,
    /// Freeman (1979) closeness centralization with sna's closeness: c_v = (n − 1) / Σ_u d(v, u)
    /// over outgoing distances, 0 when some node is unreachable from v; divided by
    /// (n − 1)(1 − 1/n) on a directed view, (n − 1)(n − 2) / (2n − 3) on an undirected one.
    /// sna `centralization(g, closeness)`; `None` when that maximum is 0. On a view where some
    /// node does not reach every other, those nodes score 0 by sna's convention — see
    /// [`closeness_by_convention`](Self::closeness_by_convention) — and the figure is 0 when no
    /// node reaches all; [`harmonic_centralization`](Self::harmonic_centralization) stays
    /// meaningful there.
    pub closeness_centralization: Option<f64>,
    /// Whether some node does not reach every other node (following the direction of arcs):
    /// its sna closeness is then 0 by convention, not by measurement, and
    /// [`closeness_centralization`](Self::closeness_centralization) reflects that convention.
    pub closeness_by_convention: bool,
    /// Freeman centralization of harmonic centrality (Freeman 1979; harmonic centrality:
    /// Marchiori & Latora 2000, Boldi & Vigna 2014): Σ_v (max h − h_v) / M with h_v =
    /// Σ_{u ≠ v} 1/d(u, v) the harmonic centrality of the `harmonic` column (hops, inward on a
    /// directed view, unreachable nodes adding 0) and M its largest possible value: (n − 1)²
    /// on a directed view (every other node with one arc into v and none elsewhere),
    /// (n − 1)(n − 2)/2 on an undirected one (a star: the centre n − 1, each leaf 1 + (n − 2)/2).
    /// Between 0 (all equal) and 1 (a star), defined on disconnected views too. `None` when
    /// M = 0 (n ≤ 1, or n ≤ 2 undirected).
    /// No common library computes it; it is tested against a brute-force reference built on
    /// NetworkX-matching harmonic centrality.
    pub harmonic_centralization: Option<f64>,
    /// Krackhardt (1994) connectedness: the share of unordered pairs joined by a path
    /// ignoring direction, Σ_components s(s − 1) / (n(n − 1)); 1 when n ≤ 1. sna
    /// `connectedness`.
    pub connectedness: f64,
    /// Krackhardt (1994) hierarchy: among pairs where one reaches the other, the share where
    /// only one does, 1 − M / (M + A) on the reachability digraph (M mutual, A asymmetric
    /// pairs). sna `hierarchy(g, measure = "krackhardt")`; `None` when no node reaches another.
    pub hierarchy: Option<f64>,
    /// Krackhardt (1994) efficiency: 1 − (arcs − Σ(s − 1)) / Σ(s − 1)² over weak components of
    /// size s — how few arcs exceed a spanning tree per component. Undirected ties count as two
    /// arcs, as in sna. sna `efficiency`; `None` when every component is a single node.
    pub efficiency: Option<f64>,
    /// Krackhardt (1994) least-upper-boundedness: 1 − V / Σ (s − 1)(s − 2)/2 over weak
    /// components with s > 2 nodes, where V counts the pairs with no least upper bound: no node
    /// that reaches both and reaches every other node reaching both. sna `lubness`; `None`
    /// when no component has more than 2 nodes.
    pub lub: Option<f64>,
    /// Number of weakly connected components (an isolated node is one).
    pub n_weak_components: usize,
    /// The pivots the path figures were estimated from, when [`graph_structure_with`] was
    /// given sampled centrality: betweenness and harmonic centralization are then computed
    /// from the estimated values, and closeness centralization is `None` (it needs every
    /// node's exact reach). `None` when every figure is exact.
    pub sampled_pivots: Option<usize>,
}

/// Computes the graph-level figures of `view`.
///
/// Definitions as NetworkX 3.x (`density`, `overall_reciprocity`) and R sna 2.7
/// (`centralization` with `degree`, `betweenness` and `closeness` and their theoretical
/// maxima, `connectedness`, `hierarchy(measure = "krackhardt")`, `efficiency`, `lubness`);
/// see the fields. Freeman (1979); Krackhardt (1994).
///
/// # Complexity
/// O(n·m) for betweenness and closeness (parallel over nodes), O(c·m_c) for hierarchy and
/// least-upper-boundedness with c strong components and m_c arcs between them, plus
/// O(g²) for the g distinct sets of source components in least-upper-boundedness.
pub fn graph_structure(view: &View) -> GraphStructure {
    structure(view, None, None, Paths::Exact, &())
}

/// [`graph_structure`], reusing the betweenness in `scores` when `config` says it is exact and
/// counted in hops (betweenness asked for, not weighted, not sampled) — which saves the
/// O(n·m) pass that dominates — and the harmonic centrality when it is counted in hops.
/// `scores` must be [`centrality`](super::centrality)`(view, config)`; otherwise this is
/// [`graph_structure`]. The path searches report to `progress`.
///
/// When `config` samples fewer pivots than nodes, no figure needs a search from every node:
/// betweenness and harmonic centralization come from the estimates (hop counts, sampled again
/// when `scores` has them by weight or lacks them), closeness centralization is `None`, and
/// [`GraphStructure::sampled_pivots`] says so.
///
/// # Complexity
/// As [`graph_structure`], less the betweenness pass when it is reused.
pub fn graph_structure_with(
    view: &View,
    scores: &[ActorCentrality],
    config: &CentralityConfig,
    progress: &dyn Progress,
) -> GraphStructure {
    let n = view.n_nodes();
    if let Some(sample) = config.sample.filter(|sample| sample.pivots < n && scores.len() == n) {
        return sampled_structure(view, scores, config, sample.pivots, progress);
    }
    let reusable = config.measures.betweenness
        && !config.weighted
        && config.sample.is_none_or(|sample| sample.pivots >= n)
        && scores.len() == n;
    let raw = reusable.then(|| {
        // Undo the normalization: raw sums over ordered pairs.
        let pairs = if n > 2 { ((n - 1) as u64 * (n - 2) as u64) as f64 } else { 1.0 };
        scores.iter().map(|s| s.betweenness.unwrap_or(0.0) * pairs).collect()
    });
    let harmonic = (config.measures.harmonic && !config.weighted && scores.len() == n)
        .then(|| scores.iter().map(|s| s.harmonic.unwrap_or(0.0)).collect());
    structure(view, raw, harmonic, Paths::Exact, progress)
}

/// Density and Freeman degree centralization alone, as [`graph_structure`] gives them, without
/// its path searches: for callers that need only the cheap figures (O(n + m)).
///
/// Degree centralization as in [`GraphStructure::degree_centralization`].
pub fn density_and_degree_centralization(view: &View) -> (f64, Option<f64>) {
    (density(view.n_nodes(), view.n_arcs()), degree_centralization(view))
}

/// Reciprocity of the directed arcs ([`GraphStructure::reciprocity`]: NetworkX
/// `overall_reciprocity` on [`View::directed_arcs`]) and Krackhardt's hierarchy (sna
/// `hierarchy(g, measure = "krackhardt")`) alone, as [`graph_structure`] gives them, without
/// betweenness and closeness.
///
/// # Complexity
/// O(n·m) for the reachability of the strong-component condensation.
pub fn reciprocity_and_hierarchy(view: &View) -> (Option<f64>, Option<f64>) {
    (reciprocity(view), hierarchy(&Condensation::new(view)))
}

/// The figures of a view too large for a search from every node: betweenness and harmonic
/// centralization from the sampled `scores` (the hop counts of [`centrality`](super::centrality)
/// with `config`'s sample), computed here from a sample when `scores` lacks them or counts
/// them by weight; no closeness centralization; the rest exact (none needs all-pairs searches).
fn sampled_structure(
    view: &View,
    scores: &[ActorCentrality],
    config: &CentralityConfig,
    pivots: usize,
    progress: &dyn Progress,
) -> GraphStructure {
    let n = view.n_nodes();
    let hops = CentralityConfig::default()
        .with_measures(Measures::NONE.with_betweenness(true).with_harmonic(true))
        .with_sample(config.sample);
    let reuse = !config.weighted && config.measures.betweenness && config.measures.harmonic;
    let own;
    let scores = if reuse {
        scores
    } else {
        own =
            super::centrality::centrality_with_progress(view, &hops, progress).unwrap_or_default();
        own.as_slice()
    };
    let pairs = if n > 2 { ((n - 1) as u64 * (n - 2) as u64) as f64 } else { 1.0 };
    let raw = scores.iter().map(|s| s.betweenness.unwrap_or(0.0) * pairs).collect();
    let harmonic = scores.iter().map(|s| s.harmonic.unwrap_or(0.0)).collect();
    let mut sampled = structure(view, Some(raw), Some(harmonic), Paths::Sampled, &());
    sampled.sampled_pivots = Some(pivots);
    sampled
}

/// Whether [`structure`] may search from every node (closeness centralization needs it).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Paths {
    Exact,
    Sampled,
}

fn structure(
    view: &View,
    raw_betweenness: Option<Vec<f64>>,
    harmonic: Option<Vec<f64>>,
    paths: Paths,
    progress: &dyn Progress,
) -> GraphStructure {
    let n = view.n_nodes();
    let arcs = view.n_arcs();
    let labels = weak_components(view);
    let weak_sizes: Vec<usize> = component_sizes(&labels).into_iter().filter(|&s| s > 0).collect();
    let strong = Condensation::new(view);
    let (n_directed_ties, n_undirected_ties) = tie_counts(view);
    let outward = match paths {
        Paths::Exact => {
            kernels::reaches(&PathGraph::new(view.out_arcs(), PathLength::Hops), progress)
        }
        Paths::Sampled => Vec::new(),
    };
    let (closeness_centralization, closeness_by_convention) = match paths {
        Paths::Exact => closeness_centralization(view, &outward),
        Paths::Sampled => (None, false),
    };
    let harmonic = harmonic.unwrap_or_else(|| {
        // Inward distances, as the harmonic column; the same searches on an undirected view.
        if view.is_directed() {
            let inward =
                kernels::reaches(&PathGraph::new(view.in_arcs(), PathLength::Hops), progress);
            inward.iter().map(|r| r.inverse_distance).collect()
        } else {
            outward.iter().map(|r| r.inverse_distance).collect()
        }
    });
    GraphStructure {
        n_nodes: n,
        n_ties: n_directed_ties + n_undirected_ties,
        n_directed_ties,
        n_undirected_ties,
        density: density(n, arcs),
        reciprocity: reciprocity(view),
        degree_centralization: degree_centralization(view),
        betweenness_centralization: betweenness_centralization(view, raw_betweenness, progress),
        closeness_centralization,
        closeness_by_convention,
        harmonic_centralization: harmonic_centralization(view, &harmonic),
        connectedness: connectedness(n, &weak_sizes),
        hierarchy: hierarchy(&strong),
        efficiency: efficiency(arcs, &weak_sizes),
        lub: lub(&strong, &labels),
        n_weak_components: count_components(&labels),
        sampled_pivots: None,
    }
}

fn density(n: usize, arcs: usize) -> f64 {
    if arcs == 0 || n <= 1 { 0.0 } else { arcs as f64 / (n as f64 * (n - 1) as f64) }
}

pub(crate) fn reciprocity(view: &View) -> Option<f64> {
    let directed = view.directed_arcs()?;
    let arcs = directed.n_arcs();
    if arcs == 0 {
        return None;
    }
    let reciprocated = (0..view.n_nodes() as u32)
        .map(|u| {
            let returned = |&&v: &&u32| directed.neighbors(v).binary_search(&u).is_ok();
            directed.neighbors(u).iter().filter(returned).count()
        })
        .sum::<usize>();
    Some(reciprocated as f64 / arcs as f64)
}

/// (arcs of directed relations, undirected ties): see [`GraphStructure::n_undirected_ties`].
fn tie_counts(view: &View) -> (usize, usize) {
    let Some(directed) = view.directed_arcs() else {
        return (0, view.n_ties());
    };
    if !view.is_mixed() {
        return (directed.n_arcs(), 0);
    }
    // An undirected tie is an arc both ways; it is visible unless both are directed relations.
    let out = view.out_arcs();
    let has = |csr: &crate::view::Csr, u: u32, v: u32| csr.neighbors(u).binary_search(&v).is_ok();
    let undirected = (0..view.n_nodes() as u32)
        .map(|u| {
            out.neighbors(u)
                .iter()
                .filter(|&&v| {
                    v > u && has(out, v, u) && !(has(directed, u, v) && has(directed, v, u))
                })
                .count()
        })
        .sum();
    (directed.n_arcs(), undirected)
}

/// sna `centralization`: Σ (max − c) / theoretical maximum, `None` when R gives NaN.
fn freeman(scores: &[f64], maximum: f64) -> Option<f64> {
    if scores.is_empty() {
        return None;
    }
    let largest = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let deviation: f64 = scores.iter().map(|c| largest - c).sum();
    let value = deviation / maximum;
    (maximum > 0.0 && value.is_finite()).then_some(value)
}

fn degree_centralization(view: &View) -> Option<f64> {
    let n = view.n_nodes() as f64;
    let scores: Vec<f64> =
        (0..view.n_nodes() as u32).map(|v| neighbour_count(view, v) as f64).collect();
    freeman(&scores, (n - 1.0) * (n - 2.0))
}

fn harmonic_centralization(view: &View, harmonic: &[f64]) -> Option<f64> {
    let n = view.n_nodes() as f64;
    let maximum =
        if view.is_directed() { (n - 1.0) * (n - 1.0) } else { (n - 1.0) * (n - 2.0) / 2.0 };
    freeman(harmonic, maximum)
}

fn betweenness_centralization(
    view: &View,
    raw: Option<Vec<f64>>,
    progress: &dyn Progress,
) -> Option<f64> {
    let n = view.n_nodes();
    if n <= 2 {
        return None;
    }
    let mut raw = raw.unwrap_or_else(|| {
        let sources: Vec<u32> = (0..n as u32).collect();
        kernels::dependency_sums(
            &PathGraph::new(view.out_arcs(), PathLength::Hops),
            &sources,
            progress,
        )
    });
    let n = n as f64;
    let mut maximum = (n - 1.0) * (n - 1.0) * (n - 2.0);
    if !view.is_directed() {
        // sna halves undirected betweenness (each unordered pair once) and its maximum.
        raw.iter_mut().for_each(|b| *b /= 2.0);
        maximum /= 2.0;
    }
    freeman(&raw, maximum)
}

/// (sna's closeness centralization, whether some node does not reach all others).
fn closeness_centralization(view: &View, reaches: &[Reach]) -> (Option<f64>, bool) {
    let n = view.n_nodes();
    if n == 0 {
        return (None, false);
    }
    let unreached = reaches.iter().any(|reach| reach.reached < n);
    let others = (n - 1) as f64;
    let scores: Vec<f64> = reaches
        .iter()
        .map(|reach| if reach.reached == n { others / reach.total_distance } else { 0.0 })
        .collect();
    let n = n as f64;
    let maximum = if view.is_directed() {
        (n - 1.0) * (1.0 - 1.0 / n)
    } else {
        (n - 2.0) * (n - 1.0) / (2.0 * n - 3.0)
    };
    (freeman(&scores, maximum), unreached)
}

fn connectedness(n: usize, weak_sizes: &[usize]) -> f64 {
    if n <= 1 {
        return 1.0;
    }
    let mut connected = 0.0;
    for &s in weak_sizes {
        connected += s as f64 * (s as f64 - 1.0) / 2.0;
    }
    connected / (n as f64 * (n as f64 - 1.0) / 2.0)
}

fn efficiency(arcs: usize, weak_sizes: &[usize]) -> Option<f64> {
    let required: f64 = weak_sizes.iter().map(|&s| s as f64 - 1.0).sum();
    let maximum: f64 =
        weak_sizes.iter().map(|&s| s as f64 * (s as f64 - 1.0) - (s as f64 - 1.0)).sum();
    let value = 1.0 - (arcs as f64 - required) / maximum;
    (maximum > 0.0).then_some(value)
}

fn hierarchy(strong: &Condensation) -> Option<f64> {
    // Mutually reachable pairs are exactly the pairs inside one strong component.
    let mutual: u64 = strong.sizes.iter().map(|&s| s * (s.saturating_sub(1)) / 2).sum();
    let reachable_sizes = strong.reach_sizes();
    let ordered: u64 =
        strong.sizes.iter().zip(&reachable_sizes).map(|(&size, &reach)| size * (reach - 1)).sum();
    let asymmetric = ordered - 2 * mutual;
    let dyads = mutual + asymmetric;
    (dyads > 0).then(|| 1.0 - mutual as f64 / dyads as f64)
}

/// A pair (i, j) has a least upper bound in sna's sense exactly when one *source* strong
/// component (no arc enters it from outside) reaches both: any node reaching both has an
/// ancestor in a source component, and no node outside a source component reaches into it.
/// So pairs are counted by the set of source components reaching each node, grouped.
fn lub(strong: &Condensation, weak_labels: &[u32]) -> Option<f64> {
    let n_components = strong.sizes.len();
    if n_components == 0 {
        return None;
    }
    let signatures = strong.source_signatures();
    // One entry per strong component: (weak label, signature, size), grouped by the first two.
    let mut weak_of = vec![0u32; n_components];
    for (node, &component) in strong.component.iter().enumerate() {
        weak_of[component as usize] = weak_labels[node];
    }
    let mut keyed: Vec<(u32, &[u32], u64)> = (0..n_components)
        .map(|c| (weak_of[c], signatures[c].as_slice(), strong.sizes[c]))
        .collect();
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
    let mut groups: Vec<(u32, &[u32], u64)> = Vec::new();
    for (label, signature, size) in keyed {
        match groups.last_mut() {
            Some(last) if last.0 == label && last.1 == signature => last.2 += size,
            _ => groups.push((label, signature, size)),
        }
    }
    let mut violations = 0.0;
    let mut maximum = 0.0;
    let mut start = 0;
    while start < groups.len() {
        let label = groups[start].0;
        let end = start + groups[start..].iter().take_while(|g| g.0 == label).count();
        let component = &groups[start..end];
        let s: u64 = component.iter().map(|g| g.2).sum();
        if s > 2 {
            let mut good: u64 = 0;
            for (i, a) in component.iter().enumerate() {
                if a.1.len() == 1 {
                    good += a.2 * (a.2 - 1) / 2;
                }
                for b in &component[i + 1..] {
                    if common_is_one(a.1, b.1) {
                        good += a.2 * b.2;
                    }
                }
            }
            violations += (s * (s - 1) / 2 - good) as f64;
            maximum += (s as f64 - 1.0) * (s as f64 - 2.0) / 2.0;
        }
        start = end;
    }
    (maximum > 0.0).then(|| 1.0 - violations / maximum)
}

/// Whether two ascending lists share exactly one element.
fn common_is_one(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                if common > 1 {
                    return false;
                }
                i += 1;
                j += 1;
            }
        }
    }
    common == 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::components::tests::view_of;

    #[track_caller]
    fn assert_close(actual: Option<f64>, expected: Option<f64>, what: &str) {
        match (actual, expected) {
            (Some(a), Some(e)) => {
                assert!((a - e).abs() <= 1e-12 * e.abs().max(1.0), "{what}: got {a}, expected {e}");
            }
            (a, e) => assert_eq!(a, e, "{what}"),
        }
    }

    fn arcs(list: &[(u32, u32)]) -> Vec<(u32, u32, f64)> {
        list.iter().map(|&(u, v)| (u, v, 2.5)).collect()
    }

    /// Nodes, arcs, directed, and the seven sna figures.
    type Case = (usize, &'static [(u32, u32)], bool, [Option<f64>; 7]);

    /// Values from R sna 2.7.1: `centralization(symmetrize(A, rule = "weak"), degree, mode =
    /// "graph")`, `centralization(A, betweenness|closeness, mode)`, `connectedness`,
    /// `hierarchy(A, measure = "krackhardt")`, `efficiency`, `lubness`.
    #[test]
    fn matches_sna_on_hand_built_graphs() {
        let cases: [Case; 4] = [
            (
                6,
                &[(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 3), (5, 3)],
                true,
                [
                    Some(0.3),
                    Some(0.17),
                    Some(0.0),
                    Some(1.0),
                    Some(0.6666666666666667),
                    Some(0.92),
                    Some(0.6),
                ],
            ),
            (
                8,
                &[(0, 1), (0, 2), (0, 3), (0, 4), (4, 5), (6, 7)],
                false,
                [
                    Some(0.47619047619047616),
                    Some(0.4013605442176871),
                    Some(0.0),
                    Some(0.5714285714285714),
                    Some(0.0),
                    Some(0.7692307692307692),
                    Some(1.0),
                ],
            ),
            (
                6,
                &[(0, 1), (0, 2), (1, 3), (1, 4), (2, 5)],
                true,
                [Some(0.4), Some(0.09), Some(0.75), Some(1.0), Some(1.0), Some(1.0), Some(1.0)],
            ),
            (
                7,
                &[(1, 0), (2, 0), (3, 1), (4, 1), (5, 2), (6, 2), (3, 4)],
                true,
                [
                    Some(0.23333333333333334),
                    Some(0.05555555555555555),
                    Some(0.0),
                    Some(1.0),
                    Some(1.0),
                    Some(0.9722222222222222),
                    Some(0.2666666666666667),
                ],
            ),
        ];
        for (i, (n, list, directed, expected)) in cases.into_iter().enumerate() {
            let s = graph_structure(&view_of(n, &arcs(list), directed));
            let got = [
                s.degree_centralization,
                s.betweenness_centralization,
                s.closeness_centralization,
                Some(s.connectedness),
                s.hierarchy,
                s.efficiency,
                s.lub,
            ];
            let names = [
                "degree",
                "betweenness",
                "closeness",
                "connectedness",
                "hierarchy",
                "efficiency",
                "lub",
            ];
            for ((g, e), name) in got.into_iter().zip(expected).zip(names) {
                assert_close(g, e, &format!("case {i} {name}"));
            }
        }
    }

    #[test]
    fn density_and_reciprocity_follow_networkx() {
        let s = graph_structure(&view_of(4, &arcs(&[(0, 1), (1, 0), (1, 2), (3, 2)]), true));
        assert_close(Some(s.density), Some(4.0 / 12.0), "density");
        assert_close(s.reciprocity, Some(0.5), "reciprocity");
        assert_eq!((s.n_nodes, s.n_ties, s.n_weak_components), (4, 4, 1));
        let s = graph_structure(&view_of(4, &arcs(&[(0, 1), (1, 2)]), false));
        assert_close(Some(s.density), Some(2.0 * 2.0 / 12.0), "density");
        assert_eq!(s.reciprocity, None);
        assert_eq!(s.n_weak_components, 2);
    }

    /// sna's `lubness_con_R` and `hierarchy`, literally, on a reachability matrix.
    #[allow(clippy::needless_range_loop)] // Matrix indices read as the R code they mirror.
    fn brute_force(n: usize, list: &[(u32, u32)]) -> (Option<f64>, Option<f64>) {
        let mut r = vec![vec![false; n]; n];
        for (i, row) in r.iter_mut().enumerate() {
            row[i] = true;
        }
        for &(u, v) in list {
            r[u as usize][v as usize] = true;
        }
        for k in 0..n {
            for i in 0..n {
                for j in 0..n {
                    if r[i][k] && r[k][j] {
                        r[i][j] = true;
                    }
                }
            }
        }
        let (mut mutual, mut asymmetric) = (0.0, 0.0);
        for i in 0..n {
            for j in i + 1..n {
                match (r[i][j], r[j][i]) {
                    (true, true) => mutual += 1.0,
                    (true, false) | (false, true) => asymmetric += 1.0,
                    _ => {}
                }
            }
        }
        let hierarchy = (mutual + asymmetric > 0.0).then(|| 1.0 - mutual / (mutual + asymmetric));
        // Weak components from the symmetrized reachability.
        let weak = |i: usize, j: usize| {
            let mut seen = vec![false; n];
            let mut stack = vec![i];
            seen[i] = true;
            while let Some(x) = stack.pop() {
                for &(u, v) in list {
                    for (a, b) in [(u as usize, v as usize), (v as usize, u as usize)] {
                        if a == x && !seen[b] {
                            seen[b] = true;
                            stack.push(b);
                        }
                    }
                }
            }
            seen[j]
        };
        let (mut violations, mut maximum) = (0.0, 0.0);
        let mut done = vec![false; n];
        for start in 0..n {
            if done[start] {
                continue;
            }
            let members: Vec<usize> = (0..n).filter(|&j| weak(start, j)).collect();
            members.iter().for_each(|&j| done[j] = true);
            let s = members.len();
            if s <= 2 {
                continue;
            }
            maximum += ((s - 1) * (s - 2)) as f64 / 2.0;
            for (a, &i) in members.iter().enumerate() {
                for &j in &members[a + 1..] {
                    let bounds: Vec<usize> =
                        members.iter().copied().filter(|&k| r[k][i] && r[k][j]).collect();
                    let least = bounds.iter().any(|&k| bounds.iter().all(|&l| r[k][l]));
                    if !least {
                        violations += 1.0;
                    }
                }
            }
        }
        let lub = (maximum > 0.0).then(|| 1.0 - violations / maximum);
        (hierarchy, lub)
    }

    #[test]
    fn hierarchy_and_lub_match_sna_algorithm_on_random_digraphs() {
        let mut state = 0x5EED_u64;
        let mut next = || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) as f64 / (1u64 << 31) as f64
        };
        for trial in 0..80 {
            let n = 1 + trial % 11;
            let p = 0.05 + 0.3 * next();
            let mut list = Vec::new();
            for u in 0..n as u32 {
                for v in 0..n as u32 {
                    if u != v && next() < p {
                        list.push((u, v));
                    }
                }
            }
            let s = graph_structure(&view_of(n, &arcs(&list), true));
            let (hierarchy, lub) = brute_force(n, &list);
            if s.n_ties > 0 {
                assert_close(s.hierarchy, hierarchy, &format!("trial {trial} hierarchy"));
                assert_close(s.lub, lub, &format!("trial {trial} lub"));
            }
        }
    }

    #[test]
    fn reusing_centrality_gives_the_same_figures() {
        use crate::analysis::centrality::centrality;
        let list: Vec<(u32, u32)> =
            (0..40u32).flat_map(|u| [(u, (u * 7 + 3) % 40), (u, (u * 11 + 1) % 40)]).collect();
        for directed in [false, true] {
            let view = view_of(40, &arcs(&list), directed);
            let config = CentralityConfig::default();
            let scores = centrality(&view, &config).expect("converges");
            let reused = graph_structure_with(&view, &scores, &config, &());
            let fresh = graph_structure(&view);
            assert_close(reused.betweenness_centralization, fresh.betweenness_centralization, "b");
            assert_close(reused.harmonic_centralization, fresh.harmonic_centralization, "h");
            assert_eq!(reused.lub, fresh.lub);
        }
    }

    /// Shortest hop distances d[u][v] (Floyd–Warshall), `None` when v is out of u's reach.
    fn distances(n: usize, list: &[(u32, u32)], directed: bool) -> Vec<Vec<Option<u32>>> {
        let mut d = vec![vec![None; n]; n];
        for (i, row) in d.iter_mut().enumerate() {
            row[i] = Some(0);
        }
        for &(u, v) in list {
            d[u as usize][v as usize] = Some(1);
            if !directed {
                d[v as usize][u as usize] = Some(1);
            }
        }
        for k in 0..n {
            for i in 0..n {
                for j in 0..n {
                    if let (Some(a), Some(b)) = (d[i][k], d[k][j]) {
                        if d[i][j].is_none_or(|c| a + b < c) {
                            d[i][j] = Some(a + b);
                        }
                    }
                }
            }
        }
        d
    }

    /// Harmonic centralization from its definition: h_v = Σ_u 1/d(u, v), Freeman over h with
    /// maximum (n − 1)² directed, (n − 1)(n − 2)/2 undirected.
    fn harmonic_centralization_by_hand(
        n: usize,
        list: &[(u32, u32)],
        directed: bool,
    ) -> Option<f64> {
        let d = distances(n, list, directed);
        let h: Vec<f64> = (0..n)
            .map(|v| {
                (0..n).filter(|&u| u != v).filter_map(|u| d[u][v]).map(|x| 1.0 / f64::from(x)).sum()
            })
            .collect();
        let nf = n as f64;
        let maximum =
            if directed { (nf - 1.0) * (nf - 1.0) } else { (nf - 1.0) * (nf - 2.0) / 2.0 };
        let top = h.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (n > 0 && maximum > 0.0).then(|| h.iter().map(|x| top - x).sum::<f64>() / maximum)
    }

    /// Degree centralization from its definition: distinct neighbours either way, Freeman with
    /// maximum (n − 1)(n − 2).
    fn degree_centralization_by_hand(n: usize, list: &[(u32, u32)]) -> Option<f64> {
        let mut neighbours = vec![std::collections::BTreeSet::new(); n];
        for &(u, v) in list {
            neighbours[u as usize].insert(v);
            neighbours[v as usize].insert(u);
        }
        let c: Vec<f64> = neighbours.iter().map(|s| s.len() as f64).collect();
        let top = c.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let maximum = (n as f64 - 1.0) * (n as f64 - 2.0);
        (n > 2).then(|| c.iter().map(|x| top - x).sum::<f64>() / maximum)
    }

    #[test]
    fn harmonic_and_degree_centralization_match_their_definitions() {
        let mut state = 0xC0FFEE_u64;
        let mut next = || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) as f64 / (1u64 << 31) as f64
        };
        for trial in 0..120 {
            let n = 1 + trial % 12;
            let directed = trial % 2 == 0;
            let p = 0.05 + 0.4 * next();
            let mut list = Vec::new();
            for u in 0..n as u32 {
                for v in 0..n as u32 {
                    if u != v && (directed || u < v) && next() < p {
                        list.push((u, v));
                    }
                }
            }
            let s = graph_structure(&view_of(n, &arcs(&list), directed));
            let what = format!("trial {trial} (n {n}, directed {directed})");
            assert_close(
                s.harmonic_centralization,
                harmonic_centralization_by_hand(n, &list, directed),
                &format!("{what} harmonic"),
            );
            assert_close(
                s.degree_centralization,
                degree_centralization_by_hand(n, &list),
                &format!("{what} degree"),
            );
        }
    }

    #[test]
    fn harmonic_centralization_is_one_for_a_star_and_never_more() {
        // Undirected: every graph on up to 6 nodes (2^15 on 6) stays at or below the star's 1.
        for n in 3..=6usize {
            let pairs: Vec<(u32, u32)> =
                (0..n as u32).flat_map(|u| (u + 1..n as u32).map(move |v| (u, v))).collect();
            let mut largest = 0.0f64;
            for mask in 0u32..1 << pairs.len() {
                let list: Vec<(u32, u32)> = pairs
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask >> i & 1 == 1)
                    .map(|(_, &p)| p)
                    .collect();
                largest = largest.max(harmonic_centralization_by_hand(n, &list, false).unwrap());
            }
            assert_close(Some(largest), Some(1.0), &format!("largest on {n} nodes"));
            let star: Vec<(u32, u32)> = (1..n as u32).map(|v| (0, v)).collect();
            let s = graph_structure(&view_of(n, &arcs(&star), false));
            assert_close(s.harmonic_centralization, Some(1.0), "undirected star");
            // Directed: every other node with one arc into the centre.
            let inward: Vec<(u32, u32)> = (1..n as u32).map(|v| (v, 0)).collect();
            let s = graph_structure(&view_of(n, &arcs(&inward), true));
            assert_close(s.harmonic_centralization, Some(1.0), "in-star");
            assert!(s.closeness_by_convention, "an in-star does not reach all from each node");
        }
        let ring: Vec<(u32, u32)> = (0..5).map(|v| (v, (v + 1) % 5)).collect();
        let s = graph_structure(&view_of(5, &arcs(&ring), true));
        assert_close(s.harmonic_centralization, Some(0.0), "directed ring");
        assert!(!s.closeness_by_convention, "a directed ring is strongly connected");
    }

    /// A view with a directed layer `funding` and an undirected layer `collaboration`.
    fn mixed_view(directed: &[(u32, u32)], undirected: &[(u32, u32)], n: usize) -> View {
        use crate::{Source, ViewSpec, load};
        let mut actors = String::from("id,name\n");
        for i in 0..n {
            actors.push_str(&format!("a{i},Actor {i}\n"));
        }
        let mut relations = String::from("source,target,layer,directed,weight\n");
        for &(u, v) in directed {
            relations.push_str(&format!("a{u},a{v},funding,true,1\n"));
        }
        for &(u, v) in undirected {
            relations.push_str(&format!("a{u},a{v},collaboration,false,1\n"));
        }
        let source = Source::Memory(vec![
            ("actors.csv".into(), actors.into_bytes()),
            ("relations.csv".into(), relations.into_bytes()),
        ]);
        let network = load(&source).expect("a valid in-memory workspace");
        View::build(&network, &ViewSpec::default()).expect("a valid view")
    }

    #[test]
    fn reciprocity_reads_directed_arcs_only_on_a_mixed_view() {
        // Arcs 0→1, 1→0 (returned), 1→2 (not); collaboration 2–3, 3–4, and 0–1 beside the
        // returned pair, which stays among the directed ties.
        let view = mixed_view(&[(0, 1), (1, 0), (1, 2)], &[(2, 3), (3, 4), (0, 1)], 5);
        assert!(view.is_mixed());
        let s = graph_structure(&view);
        assert_close(s.reciprocity, Some(2.0 / 3.0), "reciprocity of the directed arcs");
        assert_eq!((s.n_directed_ties, s.n_undirected_ties, s.n_ties), (3, 2, 5));
        // Degree: distinct neighbours. Node 1 has 0 (both ways) and 2; node 3 has 2 and 4.
        let scores =
            crate::analysis::centrality(&view, &CentralityConfig::default()).expect("converges");
        let degrees: Vec<usize> = scores.iter().map(|c| c.degree).collect();
        assert_eq!(degrees, [1, 2, 2, 2, 1]);
        assert_eq!((scores[1].in_degree, scores[1].out_degree), (1, 2));
        assert_eq!((scores[3].in_degree, scores[3].out_degree), (2, 2));
        // Only collaboration: undirected, every tie returned by definition, no reciprocity.
        let view = mixed_view(&[], &[(2, 3), (3, 4)], 5);
        let s = graph_structure(&view);
        assert_eq!((s.reciprocity, s.n_directed_ties, s.n_undirected_ties), (None, 0, 2));
    }

    #[test]
    fn degenerate_views_never_panic() {
        let empty = graph_structure(&view_of(0, &[], false));
        assert_eq!(empty.density, 0.0);
        assert_eq!(empty.connectedness, 1.0);
        assert_eq!(
            (
                empty.degree_centralization,
                empty.betweenness_centralization,
                empty.closeness_centralization
            ),
            (None, None, None)
        );
        assert_eq!(
            (empty.hierarchy, empty.efficiency, empty.lub, empty.n_weak_components),
            (None, None, None, 0)
        );
        let one = graph_structure(&view_of(1, &[], false));
        assert_eq!((one.connectedness, one.efficiency, one.n_weak_components), (1.0, None, 1));
        let isolates = graph_structure(&view_of(4, &[], false));
        assert_eq!(isolates.connectedness, 0.0);
        assert_close(isolates.degree_centralization, Some(0.0), "isolates degree");
        assert_eq!((isolates.hierarchy, isolates.efficiency, isolates.lub), (None, None, None));
        let pair = graph_structure(&view_of(2, &arcs(&[(0, 1)]), true));
        assert_eq!(pair.degree_centralization, None);
        assert_close(pair.closeness_centralization, Some(2.0), "sna's directed dyad");
        assert_close(pair.hierarchy, Some(1.0), "dyad hierarchy");
        assert_close(pair.efficiency, Some(1.0), "dyad efficiency");
    }
}
