//! Asymmetry (`asymmetry`): whether money, mandate and knowledge run one way. Per layer the
//! asymmetry of every dyad, the balance of every actor, reciprocity, weighted reciprocity and
//! Krackhardt's hierarchy, and the flows between groups (Rijk → region); per coalition the
//! national share of its money (DESIGN §4.3).
//!
//! Every per-layer figure is computed on a [`View`] that holds exactly one layer (build them
//! with [`layer_views`](super::layer_views)); all such views of one question share their nodes,
//! so a single [`Grouping`](super::Grouping) serves them all.

use super::AnalysisError;
use super::brokerage::Grouping;
use super::structure::reciprocity_and_hierarchy;
use crate::model::{ActorId, CoalitionId, Network};
use crate::view::{LayerChoice, View, Weighting};

/// The two directions of one dyad in one layer.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct DyadAsymmetry {
    /// The endpoint that comes first in node order (views number nodes by actor id, so this is
    /// the smaller id).
    pub source: ActorId,
    /// The other endpoint.
    pub target: ActorId,
    /// w_st: the merged weight of the arc source → target (0 when there is none).
    pub w_st: f64,
    /// w_ts: the merged weight of the arc target → source (0 when there is none).
    pub w_ts: f64,
    /// (w_st − w_ts) / (w_st + w_ts), in [−1, 1]; see [`dyad_asymmetry`].
    pub asymmetry: f64,
}

/// What one actor sends and receives in one layer.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ActorBalance {
    /// The actor.
    pub actor: ActorId,
    /// Sum of the weights of its outgoing arcs.
    pub out_strength: f64,
    /// Sum of the weights of its incoming arcs.
    pub in_strength: f64,
    /// (out − in) / (out + in), in [−1, 1]; see [`actor_balance`].
    pub balance: f64,
}

/// The summed weight of the arcs from one group to another in one layer.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct GroupFlow {
    /// Group of the arcs' sources (an index into [`Asymmetry::group_labels`]).
    pub from_group: u32,
    /// Group of the arcs' targets.
    pub to_group: u32,
    /// Σ w(u → v) over arcs with u in `from_group` and v in `to_group`.
    pub weight: f64,
}

/// Every asymmetry figure of one layer.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct LayerAsymmetry {
    /// The layer.
    pub layer: LayerChoice,
    /// What the weights measure: euros on a layer whose relations all carry an amount (by
    /// default), else tie strength — [`View::weighting`].
    pub weighting: Weighting,
    /// One entry per tied pair of nodes (either direction), ordered by (source, target) node.
    pub dyads: Vec<DyadAsymmetry>,
    /// One entry per node with a tie in the layer, in node order. Actors without a tie there
    /// have no balance (0 / 0), so no entry — as `layers` leaves them out.
    pub actors: Vec<ActorBalance>,
    /// Share of arcs whose reverse arc exists; see [`layer_asymmetry`].
    pub reciprocity: Option<f64>,
    /// Σ min(w_ij, w_ji) / Σ w_ij; see [`weighted_reciprocity`].
    pub weighted_reciprocity: Option<f64>,
    /// Krackhardt (1994) hierarchy, as R sna `hierarchy(g, measure = "krackhardt")`.
    pub hierarchy: Option<f64>,
    /// One entry per ordered pair of groups (every label against every label, zeros included),
    /// ordered by from-group then to-group index.
    pub flows: Vec<GroupFlow>,
}

/// The money of one coalition: the national contribution against the regional co-financing.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CoalitionFinance {
    /// The coalition.
    pub coalition: CoalitionId,
    /// The Rijk's contribution, when stated.
    pub national_contribution: Option<f64>,
    /// The region's co-financing, when stated.
    pub cofinancing: Option<f64>,
    /// national / (national + cofinancing); see [`coalition_finance`].
    pub national_share: Option<f64>,
    /// cofinancing / national; see [`coalition_finance`].
    pub cofinancing_ratio: Option<f64>,
}

/// The whole `asymmetry` answer.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Asymmetry {
    /// One entry per layer, in the order of the views given.
    pub layers: Vec<LayerAsymmetry>,
    /// The labels of the groups that [`GroupFlow`] indices point into.
    pub group_labels: Vec<String>,
    /// One entry per coalition asked for, in the order given.
    pub coalitions: Vec<CoalitionFinance>,
}

/// Everything `asymmetry` reports: [`layer_asymmetry`] for each single-layer view, and
/// [`coalition_finance`] for each coalition in `coalitions`.
///
/// `grouping` gives each node's group and names the groups (from
/// [`group_nodes`](super::group_nodes) or [`Grouping::new`]); every view must have the same
/// nodes.
///
/// # Errors
/// [`AnalysisError::InvalidParameter`] when a view holds other than exactly one layer, when a
/// layer comes twice, when the views do not have the same number of nodes, or when `grouping`
/// does not have one group per node with an index below the number of labels.
///
/// # Complexity
/// O(Σ_L (n·m_L)) for k layers with m_L arcs each: dominated by the reachability behind the
/// Krackhardt hierarchy ([`reciprocity_and_hierarchy`](super::reciprocity_and_hierarchy)).
/// Everything else is O(n + m_L) per layer plus O(g²) for g groups.
pub fn asymmetry(
    network: &Network,
    views: &[View],
    grouping: &Grouping,
    coalitions: &[CoalitionId],
) -> Result<Asymmetry, AnalysisError> {
    let (groups, group_labels) = (grouping.of_node.as_slice(), grouping.labels.as_slice());
    let mut seen: Vec<LayerChoice> = Vec::with_capacity(views.len());
    for view in views {
        let [choice] = view.layers() else {
            return Err(AnalysisError::InvalidParameter(format!(
                "asymmetry needs one view per layer; a view holds {} layers",
                view.layers().len()
            )));
        };
        if seen.contains(choice) {
            return Err(AnalysisError::InvalidParameter(format!(
                "layer {choice} is chosen twice; choose each layer once"
            )));
        }
        seen.push(*choice);
        check_groups(view, groups, group_labels.len())?;
    }
    let layers =
        views.iter().map(|view| layer_asymmetry(view, grouping)).collect::<Result<Vec<_>, _>>()?;
    let coalitions = coalitions.iter().map(|&c| coalition_finance(network, c)).collect();
    Ok(Asymmetry { layers, group_labels: group_labels.to_vec(), coalitions })
}

/// Every asymmetry figure of one view (normally holding one layer): [`dyad_asymmetry`],
/// [`actor_balance`], reciprocity, [`weighted_reciprocity`], Krackhardt's hierarchy and
/// [`group_flows`].
///
/// **Reciprocity** is the share of arcs whose reverse arc exists, r = L↔ / L (Wasserman &
/// Faust 1994, §13.2; NetworkX `overall_reciprocity`), from
/// [`reciprocity_and_hierarchy`](super::reciprocity_and_hierarchy). On an undirected view every tie runs both ways,
/// so r = 1 — what R sna `grecip(g, measure = "edgewise")` gives for a symmetric matrix —
/// and `None` when the view has no tie. A layer with r near 0 is a one-way street: funding
/// flows down, reports flow up, and nothing comes back.
///
/// **Hierarchy** is Krackhardt's (1994, "Graph theoretical dimensions of informal
/// organizations") share of reachable pairs where only one side reaches the other,
/// 1 − M / (M + A) on the reachability digraph — R sna `hierarchy(g, measure =
/// "krackhardt")`, from [`reciprocity_and_hierarchy`](super::reciprocity_and_hierarchy). 1 means a pure
/// chain of command (the mandate runs top-down with no way back); 0 means everybody who
/// reaches someone is also reached by them (always so on an undirected layer); `None` when no
/// node reaches another.
///
/// # Errors
/// [`AnalysisError::InvalidParameter`] when `grouping` does not have one group per node of
/// `view`, each below the number of its labels.
///
/// # Complexity
/// O(n·m) for the hierarchy (see [`asymmetry`]), O(n + m + g²) for the rest.
pub fn layer_asymmetry(view: &View, grouping: &Grouping) -> Result<LayerAsymmetry, AnalysisError> {
    check_groups(view, &grouping.of_node, grouping.labels.len())?;
    let layer = view.layers().first().copied().unwrap_or(LayerChoice::Comembership);
    let (directed_reciprocity, hierarchy) = reciprocity_and_hierarchy(view);
    let reciprocity =
        if view.is_directed() { directed_reciprocity } else { (view.n_arcs() > 0).then_some(1.0) };
    let dyads = dyad_asymmetry(view);
    Ok(LayerAsymmetry {
        layer,
        weighting: view.weighting(),
        weighted_reciprocity: weighted_reciprocity(&dyads),
        dyads,
        actors: actor_balance(view),
        reciprocity,
        hierarchy,
        flows: group_flows(view, grouping)?,
    })
}

/// The asymmetry of every tied pair of nodes: a(s, t) = (w_st − w_ts) / (w_st + w_ts), with
/// w the merged weight of the arc (0 when absent) and s the endpoint first in node order.
///
/// This is the normalized net flow of the dyad, the pairwise counterpart of the
/// non-reciprocated weight w_ij − min(w_ij, w_ji) of Squartini, Picciolo, Ruzzenenti &
/// Garlaschelli (2013), "Reciprocity of weighted networks", *Scientific Reports* 3:2729.
/// Reading it: 1 means everything in this layer runs from s to t and nothing comes back
/// (a ministry funds a province); 0 means the pair gives as much as it takes; −1 means the
/// reverse of 1. An undirected layer gives 0 for every dyad. A pair with no arc in either
/// direction is not a dyad of the layer and is not listed.
///
/// # Complexity
/// O(n + m): one merge of each node's sorted out- and in-rows.
///
/// Numbers: no library computes this ratio; it is checked against hand-worked cases in `tests/asymmetry.rs`.
pub fn dyad_asymmetry(view: &View) -> Vec<DyadAsymmetry> {
    let (out_arcs, in_arcs) = (view.out_arcs(), view.in_arcs());
    let mut dyads = Vec::new();
    for s in 0..view.n_nodes() as u32 {
        // Merge the partners t > s reached out of s (w_st) and into s (w_ts); both rows are
        // sorted by neighbour, so each partner is met once.
        let (out_n, out_w) = (out_arcs.neighbors(s), out_arcs.weights(s));
        let (in_n, in_w) = (in_arcs.neighbors(s), in_arcs.weights(s));
        let mut x = out_n.partition_point(|&t| t <= s);
        let mut y = in_n.partition_point(|&t| t <= s);
        while x < out_n.len() || y < in_n.len() {
            let next_out = out_n.get(x).copied().unwrap_or(u32::MAX);
            let next_in = in_n.get(y).copied().unwrap_or(u32::MAX);
            let t = next_out.min(next_in);
            let (mut w_st, mut w_ts) = (0.0, 0.0);
            if next_out == t {
                w_st = out_w[x];
                x += 1;
            }
            if next_in == t {
                w_ts = in_w[y];
                y += 1;
            }
            dyads.push(DyadAsymmetry {
                source: view.actor(s),
                target: view.actor(t),
                w_st,
                w_ts,
                asymmetry: normalized_difference(w_st, w_ts).unwrap_or(0.0),
            });
        }
    }
    dyads
}

/// The balance of every node with a tie: b(v) = (out(v) − in(v)) / (out(v) + in(v)), with
/// out and in the summed weights of its outgoing and incoming arcs (its out- and in-strength).
///
/// The actor-level net flow, scaled to [−1, 1] like the dyad asymmetry (Squartini et al.
/// 2013 split strength the same way, into out- and in-parts). Reading it: a balance near 1
/// means the actor mostly gives in this layer (a funder, a principal handing out mandates);
/// near −1 it mostly receives (a grantee, an agent); near 0 it gives as much as it gets. On an
/// undirected layer every balance is 0. Nodes without a tie in the layer are left out (0 / 0).
///
/// # Complexity
/// O(n + m).
///
/// Numbers: no library computes this ratio; it is checked against hand-worked cases in `tests/asymmetry.rs`.
pub fn actor_balance(view: &View) -> Vec<ActorBalance> {
    (0..view.n_nodes() as u32)
        .filter_map(|v| {
            // `+ 0.0` turns the −0.0 that an empty float sum gives into 0.
            let out_strength = view.out_arcs().strength(v) + 0.0;
            let in_strength = view.in_arcs().strength(v) + 0.0;
            let balance = normalized_difference(out_strength, in_strength)?;
            Some(ActorBalance { actor: view.actor(v), out_strength, in_strength, balance })
        })
        .collect()
}

/// Weighted reciprocity r_w = Σ_{i≠j} min(w_ij, w_ji) / Σ_{i≠j} w_ij over the dyads of a
/// layer (Squartini, Picciolo, Ruzzenenti & Garlaschelli 2013, "Reciprocity of weighted
/// networks", *Scientific Reports* 3:2729: W↔ / W).
///
/// The share of all weight that is matched by weight coming back. 1 on an undirected layer
/// and wherever every pair gives as much as it takes; 0 when nothing comes back (pure one-way
/// funding); `None` for a layer without ties.
///
/// # Complexity
/// O(number of dyads).
///
/// Numbers: Squartini et al. (2013)'s weighted reciprocity; checked against hand-worked cases in `tests/asymmetry.rs` (no library in the oracle computes it).
pub fn weighted_reciprocity(dyads: &[DyadAsymmetry]) -> Option<f64> {
    // Each dyad stands for two ordered pairs: min(w_st, w_ts) counts for both.
    let (mut matched, mut total) = (0.0, 0.0);
    for dyad in dyads {
        matched += 2.0 * dyad.w_st.min(dyad.w_ts);
        total += dyad.w_st + dyad.w_ts;
    }
    (total > 0.0).then(|| matched / total).filter(|r| r.is_finite())
}

/// The summed weight of the arcs from each group to each group: F(A, B) = Σ w(u → v) over
/// arcs with u ∈ A and v ∈ B, for every ordered pair of the `n_groups` groups (zeros included,
/// so that a flow that never comes back shows as 0).
///
/// With `--group-by side` this is the Rijk ↔ region ledger of a layer: F(rijk, region) against
/// F(region, rijk) says whether money or mandate runs one way. On an undirected layer each
/// tie is two arcs, so F(A, B) = F(B, A).
///
/// # Errors
/// [`AnalysisError::InvalidParameter`] when `grouping` does not have one group per node of
/// `view`, each below the number of its labels.
///
/// # Complexity
/// O(n + m + g²).
pub fn group_flows(view: &View, grouping: &Grouping) -> Result<Vec<GroupFlow>, AnalysisError> {
    let (groups, n_groups) = (grouping.of_node.as_slice(), grouping.labels.len());
    check_groups(view, groups, n_groups)?;
    let mut totals = vec![0.0; n_groups * n_groups];
    for u in 0..view.n_nodes() as u32 {
        let from = groups[u as usize] as usize;
        let row = view.out_arcs();
        for (&v, &w) in row.neighbors(u).iter().zip(row.weights(u)) {
            totals[from * n_groups + groups[v as usize] as usize] += w;
        }
    }
    Ok(totals
        .into_iter()
        .enumerate()
        .map(|(i, weight)| GroupFlow {
            from_group: (i / n_groups) as u32,
            to_group: (i % n_groups) as u32,
            weight,
        })
        .collect())
}

/// The national share and co-financing ratio of a coalition (DESIGN §4.3; the Regio Deal
/// criteria ask for regional co-financing next to the national contribution):
/// national_share = N / (N + C) and cofinancing_ratio = C / N, with N the national
/// contribution and C the co-financing.
///
/// Reading it: a national share above 0.5 (ratio below 1) means the Rijk pays most — the
/// *pinautomaat* (cash machine) relation the evaluations describe; below 0.5 (ratio above 1)
/// the region puts in more than the Rijk, which the evaluations found made a partnership
/// feel more equal. Each figure is `None` when undefined: when N or C is not stated (an
/// unstated co-financing is unknown, not zero), when N + C = 0 (share) or N = 0 (ratio).
///
/// # Complexity
/// O(1).
pub fn coalition_finance(network: &Network, coalition: CoalitionId) -> CoalitionFinance {
    let c = network.coalition(coalition);
    let (national, cofinancing) = (c.national_contribution, c.cofinancing);
    let (national_share, cofinancing_ratio) = match (national, cofinancing) {
        (Some(n), Some(cf)) => {
            // Two amounts near the largest number add up to infinity: halved first, which
            // changes no ratio (1e308 and 1e308: a share of 0.5, not 0).
            let total = if (n + cf).is_infinite() { n / 2.0 + cf / 2.0 } else { n + cf };
            let half = if (n + cf).is_infinite() { n / 2.0 } else { n };
            let share = (total > 0.0).then(|| half / total);
            let ratio = (n > 0.0).then(|| cf / n);
            (share.filter(|x| x.is_finite()), ratio.filter(|x| x.is_finite()))
        }
        _ => (None, None),
    };
    CoalitionFinance {
        coalition,
        national_contribution: national,
        cofinancing,
        national_share,
        cofinancing_ratio,
    }
}

/// (a − b) / (a + b), `None` when a + b is not positive or the result not finite.
fn normalized_difference(a: f64, b: f64) -> Option<f64> {
    let total = a + b;
    // Two finite values whose sum overflows: halved first, which changes no ratio.
    let (a, b, total) =
        if total.is_infinite() { (a / 2.0, b / 2.0, a / 2.0 + b / 2.0) } else { (a, b, total) };
    (total > 0.0).then(|| (a - b) / total).filter(|x| x.is_finite())
}

fn check_groups(view: &View, groups: &[u32], n_groups: usize) -> Result<(), AnalysisError> {
    if groups.len() != view.n_nodes() {
        return Err(AnalysisError::InvalidParameter(format!(
            "groups has {} entries for a view of {} nodes; give one per node",
            groups.len(),
            view.n_nodes()
        )));
    }
    if let Some(&bad) = groups.iter().find(|&&g| g as usize >= n_groups) {
        return Err(AnalysisError::InvalidParameter(format!(
            "group {bad} is out of range: there are {n_groups} groups"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{Source, load};
    use crate::view::ViewSpec;

    fn network(relations: &str) -> Network {
        load(&Source::Memory(vec![
            ("actors.csv".into(), b"id\na\nb\nc\n".to_vec()),
            ("relations.csv".into(), relations.as_bytes().to_vec()),
        ]))
        .unwrap()
    }

    fn view(network: &Network) -> View {
        View::build(network, &ViewSpec::default()).unwrap()
    }

    #[track_caller]
    fn close(actual: f64, expected: f64) {
        assert!((actual - expected).abs() < 1e-12, "got {actual}, expected {expected}");
    }

    #[test]
    fn dyads_merge_both_directions_once_per_pair() {
        // a → b 3, b → a 1, c → a 2: dyads (a,b) and (a,c), each once with the smaller id first.
        let network =
            network("source,target,layer,weight\na,b,funding,3\nb,a,funding,1\nc,a,funding,2\n");
        let dyads = dyad_asymmetry(&view(&network));
        assert_eq!(dyads.len(), 2);
        // (3 − 1) / (3 + 1) = 0.5.
        assert_eq!((dyads[0].w_st, dyads[0].w_ts), (3.0, 1.0));
        close(dyads[0].asymmetry, 0.5);
        // a ← c only: w_ac = 0, w_ca = 2, (0 − 2) / 2 = −1.
        assert_eq!((dyads[1].w_st, dyads[1].w_ts), (0.0, 2.0));
        close(dyads[1].asymmetry, -1.0);
        // Σ min = 2·min(3,1) + 2·min(0,2) = 2; Σ w = 4 + 2 = 6.
        close(weighted_reciprocity(&dyads).unwrap(), 2.0 / 6.0);
    }

    /// A grouping as given, unchecked (the measures check it).
    fn groups(of_node: &[u32], n_groups: usize) -> Grouping {
        Grouping {
            of_node: of_node.to_vec(),
            labels: (0..n_groups).map(|g| g.to_string()).collect(),
        }
    }

    #[test]
    fn undirected_layers_are_symmetric() {
        let network =
            network("source,target,layer,weight\na,b,collaboration,2\nb,c,collaboration,1\n");
        let view = view(&network);
        let result = layer_asymmetry(&view, &groups(&[0, 0, 0], 1)).unwrap();
        assert!(result.dyads.iter().all(|d| d.asymmetry == 0.0));
        assert!(result.actors.iter().all(|a| a.balance == 0.0));
        assert_eq!(result.reciprocity, Some(1.0));
        assert_eq!(result.weighted_reciprocity, Some(1.0));
        assert_eq!(result.hierarchy, Some(0.0));
        // Each tie counts in both directions: 2·(2 + 1) = 6.
        assert_eq!(result.flows, vec![GroupFlow { from_group: 0, to_group: 0, weight: 6.0 }]);
    }

    #[test]
    fn empty_layers_and_bad_groups_give_defined_answers() {
        let network = network("source,target,layer\n");
        let view = view(&network);
        let result = layer_asymmetry(&view, &groups(&[0, 1, 1], 2)).unwrap();
        assert!(result.dyads.is_empty() && result.actors.is_empty());
        assert_eq!(
            (result.reciprocity, result.weighted_reciprocity, result.hierarchy),
            (None, None, None)
        );
        assert_eq!(result.flows.len(), 4);
        assert!(result.flows.iter().all(|f| f.weight == 0.0));
        assert!(layer_asymmetry(&view, &groups(&[0, 1], 2)).is_err());
        assert!(layer_asymmetry(&view, &groups(&[0, 1, 2], 2)).is_err());
        assert_eq!(normalized_difference(0.0, 0.0), None);
    }
}
