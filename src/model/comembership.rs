//! The derived `comembership` layer: the one-mode projection of the actor × coalition network.

use rustc_hash::FxHashMap;

use super::Date;
use super::ids::ActorId;
use super::network::Network;

/// Pairs of actors that share at least one coalition, with the number of coalitions they share.
///
/// An actor with several roles in one coalition counts once for it. With `at`, only memberships
/// that hold on that date count. Pairs come as `(a, b, shared)` with `a < b`, sorted.
///
/// # Complexity
/// O(Σ_c |members(c)|²) time; memory proportional to the number of distinct pairs.
pub fn comembership_ties(network: &Network, at: Option<Date>) -> Vec<(ActorId, ActorId, u32)> {
    let mut members_by_coalition: Vec<Vec<ActorId>> = vec![Vec::new(); network.coalitions().len()];
    for membership in network.memberships() {
        if at.is_none_or(|date| membership.validity.contains(date)) {
            members_by_coalition[membership.coalition.index()].push(membership.actor);
        }
    }
    let mut shared: FxHashMap<(ActorId, ActorId), u32> = FxHashMap::default();
    for members in &mut members_by_coalition {
        members.sort_unstable();
        members.dedup();
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                *shared.entry((a, b)).or_insert(0) += 1;
            }
        }
    }
    let mut ties: Vec<(ActorId, ActorId, u32)> =
        shared.into_iter().map(|((a, b), count)| (a, b, count)).collect();
    ties.sort_unstable();
    ties
}
