//! Ego networks: the actors within a few steps of one actor, the ties among them, the mix of
//! sectors around it and Burt's measures of its position.

use std::collections::VecDeque;

use super::AnalysisError;
use super::brokerage::structural_holes_of;
use crate::model::{ActorId, Network, Sector};
use crate::view::View;

/// One alter of an ego network.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Alter {
    /// The actor.
    pub actor: ActorId,
    /// Its distance from the ego in steps (ties either way).
    pub distance: u32,
    /// Whether the ego has a tie to it (an arc from the ego).
    pub from_ego: bool,
    /// Whether it has a tie to the ego.
    pub to_ego: bool,
}

/// The ego network of one actor.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct EgoNetwork {
    /// The ego.
    pub ego: ActorId,
    /// The radius asked for.
    pub radius: u32,
    /// The alters: actors within `radius` steps, ties either way; by distance, then by view node
    /// order.
    pub alters: Vec<Alter>,
    /// Pairs of alters tied either way (the ego left out).
    pub ties_among_alters: usize,
    /// `ties_among_alters` / (s(s − 1)/2) for s alters; `None` below two alters (UCINET's ego
    /// density, ties either way counted once per pair).
    pub density: Option<f64>,
    /// Blau's heterogeneity of the alters' sectors: 1 − Σ_k p_k², p_k the share of alters with a
    /// known sector in sector k; `None` when no alter has one.
    pub blau: Option<f64>,
    /// Blau's index divided by its largest value 1 − 1/K, K = 6 sectors (Agresti & Agresti's
    /// index of qualitative variation); `None` with `blau`.
    pub iqv: Option<f64>,
    /// Alters per sector, in [`Sector::ALL`] order, then those without a sector.
    pub sectors: Vec<(Option<Sector>, usize)>,
    /// Burt's effective size of the ego in the whole view (NetworkX `effective_size`).
    pub effective_size: Option<f64>,
    /// Burt's constraint of the ego in the whole view (NetworkX `constraint`).
    pub constraint: Option<f64>,
}

/// The ego network of `ego` in `view` within `radius` steps.
///
/// Ties count either way (an undirected breadth-first search, as NetworkX's `ego_graph` with
/// `undirected=True`). Effective size and constraint are Burt's (1992), on the whole view, as
/// the `brokerage` command gives them.
///
/// # Errors
/// [`AnalysisError::InvalidParameter`] when `ego` is not in the view or `radius` is 0.
///
/// # Complexity
/// O(n + m) for the search and the ties among alters; Burt's measures O(m + d²) for the ego's
/// d neighbours.
pub fn ego_network(
    network: &Network,
    view: &View,
    ego: ActorId,
    radius: u32,
    weighted: bool,
) -> Result<EgoNetwork, AnalysisError> {
    let Some(start) = view.node(ego) else {
        return Err(AnalysisError::InvalidParameter(format!(
            "{} is not in this view (its scope, level or date leaves it out)",
            network.actor(ego).key
        )));
    };
    if radius == 0 {
        return Err(AnalysisError::InvalidParameter(
            "a radius of 0 holds the ego alone; give 1 or more".to_owned(),
        ));
    }
    let n = view.n_nodes();
    let (out, inn) = (view.out_arcs(), view.in_arcs());
    let mut distance = vec![u32::MAX; n];
    distance[start as usize] = 0;
    let mut queue = VecDeque::from([start]);
    let mut reached: Vec<u32> = Vec::new();
    while let Some(node) = queue.pop_front() {
        let d = distance[node as usize];
        if d == radius {
            continue;
        }
        for &next in out.neighbors(node).iter().chain(inn.neighbors(node)) {
            if distance[next as usize] == u32::MAX {
                distance[next as usize] = d + 1;
                reached.push(next);
                queue.push_back(next);
            }
        }
    }
    reached.sort_by_key(|&node| (distance[node as usize], node));
    let alters: Vec<Alter> = reached
        .iter()
        .map(|&node| Alter {
            actor: view.actor(node),
            distance: distance[node as usize],
            from_ego: out.neighbors(start).contains(&node),
            to_ego: inn.neighbors(start).contains(&node),
        })
        .collect();
    // Pairs of alters tied either way, each once.
    let is_alter = |node: u32| node != start && distance[node as usize] != u32::MAX;
    let mut ties = 0usize;
    for &a in &reached {
        let mut partners: Vec<u32> = out
            .neighbors(a)
            .iter()
            .chain(inn.neighbors(a))
            .copied()
            .filter(|&b| b > a && is_alter(b))
            .collect();
        partners.sort_unstable();
        partners.dedup();
        ties += partners.len();
    }
    let s = alters.len();
    let density = (s >= 2).then(|| ties as f64 / (s * (s - 1) / 2) as f64);
    let mut sectors: Vec<(Option<Sector>, usize)> =
        Sector::ALL.iter().map(|&sector| (Some(sector), 0)).chain([(None, 0)]).collect();
    for alter in &alters {
        let sector = network.actor(alter.actor).sector;
        if let Some(slot) = sectors.iter_mut().find(|(s, _)| *s == sector) {
            slot.1 += 1;
        }
    }
    let known: usize = sectors.iter().filter(|(s, _)| s.is_some()).map(|(_, c)| c).sum();
    let blau = (known > 0).then(|| {
        1.0 - sectors
            .iter()
            .filter(|(s, _)| s.is_some())
            .map(|(_, c)| (*c as f64 / known as f64).powi(2))
            .sum::<f64>()
    });
    let k = Sector::ALL.len() as f64;
    let iqv = blau.map(|b| b / (1.0 - 1.0 / k));
    let (constraint, effective_size) = structural_holes_of(view, start, weighted);
    Ok(EgoNetwork {
        ego,
        radius,
        alters,
        ties_among_alters: ties,
        density,
        blau,
        iqv,
        sectors,
        effective_size,
        constraint,
    })
}
