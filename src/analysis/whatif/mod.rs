//! What if actors left, or joined: the network, the coalition's topics, its Rijk–region
//! brokerage and its make-up compared before and after ([`whatif`]); and every actor ranked
//! by the damage its departure would do ([`whatif_rank`], Borgatti's key players).

mod counterfactual;
mod fragmentation;

pub use counterfactual::counterfactual;
pub use fragmentation::{KeyPlayer, KeyPlayers, key_players};

use crate::analysis::diff::{ActorLabel, Diff, DiffConfig, DiffError, DiffSide, diff, plan_of};
use crate::analysis::{
    AnalysisError, GroupBy, Progress, brokerage_roles, group_nodes, weak_components,
};
use crate::model::{ActorId, Network};
use crate::view::{View, ViewSpec};

/// What changes when actors leave or join.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct WhatIf {
    /// The actors taken out.
    pub without: Vec<ActorLabel>,
    /// The actors added to the coalition.
    pub with: Vec<ActorLabel>,
    /// Everything [`diff`] compares, the view as it is before, the counterfactual after.
    pub diff: Diff,
    /// Sizes of the weak components before, largest first.
    pub components_before: Vec<usize>,
    /// Sizes of the weak components after, largest first.
    pub components_after: Vec<usize>,
    /// Rijk–region brokerage before: Gould–Fernandez roles with the actors grouped by side
    /// (Rijk or region), every role but coordinator (a broker between actors of its own
    /// side) summed over actors — paths a → b → c that cross between Rijk and region
    /// through b with a and c not tied.
    pub brokerage_before: u64,
    /// The same after.
    pub brokerage_after: u64,
}

/// Weak component sizes, largest first.
fn component_sizes(view: &View) -> Vec<usize> {
    let labels = weak_components(view);
    let mut sizes = std::collections::BTreeMap::<u32, usize>::new();
    for l in labels {
        *sizes.entry(l).or_default() += 1;
    }
    let mut sizes: Vec<usize> = sizes.into_values().collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    sizes
}

/// Σ over actors of the Rijk–region brokerage roles (every role but coordinator).
fn rijk_region_brokerage(network: &Network, view: &View) -> Result<u64, AnalysisError> {
    let grouping = group_nodes(network, view, &GroupBy::Side)?;
    let roles = brokerage_roles(view, &grouping)?;
    Ok(roles.iter().map(|r| r.total - r.coordinator).sum())
}

/// The view of `spec` as it is, compared with the view of the same spec on the network
/// without `without` and with `with` joining the spec's coalition (with no coalition, `with`
/// changes nothing: every actor is in the whole view already).
pub fn whatif(
    network: &Network,
    spec: &ViewSpec,
    without: &[ActorId],
    with: &[ActorId],
) -> Result<WhatIf, DiffError> {
    let changed = counterfactual(network, without, with, spec.scope.coalition());
    let mut result =
        diff(DiffSide::new(network, spec), DiffSide::new(&changed, spec), &DiffConfig::default())?;
    // The actors only the network as it is has are those taken out, listed as `without`.
    result.only_before.clear();
    let (before, after) = (View::build(network, spec)?, View::build(&changed, spec)?);
    let labels = |list: &[ActorId]| list.iter().map(|&a| ActorLabel::of(network, a)).collect();
    Ok(WhatIf {
        without: labels(without),
        with: labels(with),
        diff: result,
        components_before: component_sizes(&before),
        components_after: component_sizes(&after),
        brokerage_before: rijk_region_brokerage(network, &before)?,
        brokerage_after: rijk_region_brokerage(&changed, &after)?,
    })
}

/// Every actor of the view scored by the damage of its departure: fragmentation after its
/// removal, distance-weighted fragmentation when `distance` is set (see [`key_players`]), and
/// on a coalition the connectieplan topics that would lose their last Rijk–region tie (every
/// tie carrying the topic has the actor at one end). Sorted by fragmentation after removal,
/// largest first, then distance-weighted fragmentation, then view order (actor key).
/// `view` is the view of `spec` on `network`.
pub fn whatif_rank(
    network: &Network,
    spec: &ViewSpec,
    view: &View,
    distance: bool,
    progress: &dyn Progress,
) -> Result<KeyPlayers, DiffError> {
    let mut ranked = key_players(view, distance, progress);
    let players = &mut ranked.players;
    if let Some(plan) = plan_of(DiffSide::new(network, spec))? {
        for player in players.iter_mut() {
            player.topics_lost = plan
                .topics
                .iter()
                .filter(|t| {
                    !t.ties.is_empty()
                        && t.ties
                            .iter()
                            .all(|tie| tie.rijk == player.actor || tie.region == player.actor)
                })
                .map(|t| t.topic.clone())
                .collect();
        }
    }
    let key = |x: Option<f64>| x.unwrap_or(f64::NEG_INFINITY);
    players.sort_by(|a, b| {
        key(b.fragmentation)
            .total_cmp(&key(a.fragmentation))
            .then_with(|| key(b.distance_fragmentation).total_cmp(&key(a.distance_fragmentation)))
            .then_with(|| b.topics_lost.len().cmp(&a.topics_lost.len()))
    });
    Ok(ranked)
}

#[cfg(test)]
mod tests;
