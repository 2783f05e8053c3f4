//! The derived `comembership` layers: the one-mode projections of the actor × coalition
//! network — shared coalitions counted, or weighted as Newman (2001) — as their ties or,
//! without building them, as the number of pairs they hold.

use rustc_hash::FxHashMap;

use super::Date;
use super::ids::ActorId;
use super::network::Network;

/// How a one-mode projection of the actor × coalition network weighs a pair of actors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Projection {
    /// The number of coalitions the two share: NetworkX
    /// `bipartite.weighted_projected_graph(B, nodes)`.
    Shared,
    /// Newman's collaboration weight (Newman 2001, "Scientific collaboration networks. II",
    /// Phys. Rev. E 64, 016132): Σ over the shared coalitions k of 1 / (n_k − 1), n_k the
    /// members of k — a tie in a deal of two weighs 1, in a deal of 21 a twentieth, so that
    /// each member's ties through one coalition weigh 1 together. NetworkX
    /// `bipartite.collaboration_weighted_projected_graph(B, nodes)`.
    Newman,
}

/// Pairs of actors that share at least one coalition, with the number of coalitions they share.
///
/// An actor with several roles in one coalition counts once for it. With `at`, only memberships
/// that hold on that date count. Pairs come as `(a, b, shared)` with `a < b`, sorted.
///
/// # Complexity
/// O(Σ_c |members(c)|²) time; memory proportional to the number of distinct pairs — a
/// coalition of 20,000 members alone makes 200 million. [`comembership_pair_count`] counts
/// them without building them.
pub fn comembership_ties(network: &Network, at: Option<Date>) -> Vec<(ActorId, ActorId, u32)> {
    let members = members_by_coalition(network, at, |actor| Some(actor.index() as u32));
    pair_sums(&members, |_| 1u32)
        .into_iter()
        .map(|(a, b, shared)| {
            (ActorId::from_index(a as usize), ActorId::from_index(b as usize), shared)
        })
        .collect()
}

/// The ties of a projection among the nodes `members_by_coalition` holds (each coalition's
/// distinct nodes, ascending, as [`members_by_coalition`] gives them): `(a, b, weight)` with
/// `a < b`, sorted; the weight of a pair added up over the coalitions in coalition order, so
/// the same at any thread count.
///
/// # Complexity
/// O(Σ_c |members(c)|²) time, memory proportional to the distinct pairs.
pub(crate) fn projection_ties(
    members_by_coalition: &[Vec<u32>],
    projection: Projection,
) -> Vec<(u32, u32, f64)> {
    match projection {
        Projection::Shared => pair_sums(members_by_coalition, |_| 1.0),
        Projection::Newman => {
            pair_sums(members_by_coalition, |members| 1.0 / (members.len() - 1) as f64)
        }
    }
}

/// Per pair of nodes sharing a coalition, the sum over their shared coalitions of
/// `weight(members of the coalition)`.
fn pair_sums<W: Copy + std::ops::AddAssign>(
    members_by_coalition: &[Vec<u32>],
    weight: impl Fn(&[u32]) -> W,
) -> Vec<(u32, u32, W)> {
    let mut sums: FxHashMap<(u32, u32), W> = FxHashMap::default();
    for members in members_by_coalition.iter().filter(|members| members.len() > 1) {
        let w = weight(members);
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                sums.entry((a, b)).and_modify(|sum| *sum += w).or_insert(w);
            }
        }
    }
    let mut ties: Vec<(u32, u32, W)> = sums.into_iter().map(|((a, b), w)| (a, b, w)).collect();
    ties.sort_unstable_by_key(|&(a, b, _)| (a, b));
    ties
}

/// The number of pairs of actors that share at least one coalition — the length of
/// [`comembership_ties`] — counted without building the pairs.
///
/// Each actor's co-members are the union of the members of its coalitions, less itself; the
/// pairs are half the sum of those counts. An actor in one coalition has that coalition's size
/// less one, read off; actors in the same set of several coalitions share one union, counted
/// once with a marker per actor. So a coalition of 20,000 members costs 20,000 steps, not the
/// 200 million pairs it makes.
///
/// # Complexity
/// O(A + M + Σ_S Σ_{c ∈ S} |members(c)|) time, for the distinct sets S of two or more
/// coalitions that some actor belongs to, and O(A + M) memory (A actors, M memberships).
pub fn comembership_pair_count(network: &Network, at: Option<Date>) -> u64 {
    let members = members_by_coalition(network, at, |actor| Some(actor.index() as u32));
    pair_count(&members, network.actors().len())
}

/// The number of pairs of nodes (below `n_nodes`) that share a coalition of
/// `members_by_coalition`, as [`comembership_pair_count`] counts them.
pub(crate) fn pair_count(members_by_coalition: &[Vec<u32>], n_nodes: usize) -> u64 {
    let mut coalitions_of: Vec<Vec<u32>> = vec![Vec::new(); n_nodes];
    for (coalition, members) in members_by_coalition.iter().enumerate() {
        for &member in members {
            coalitions_of[member as usize].push(coalition as u32);
        }
    }
    // stamp[a] == marker: a is already in the union being counted.
    let mut stamp = vec![0u32; n_nodes];
    let mut marker = 0u32;
    let mut unions: FxHashMap<&[u32], u64> = FxHashMap::default();
    let mut total = 0u64;
    for coalitions in &coalitions_of {
        let union = match coalitions.as_slice() {
            [] => continue,
            [only] => members_by_coalition[*only as usize].len() as u64,
            several => *unions.entry(several).or_insert_with(|| {
                marker += 1;
                let mut size = 0u64;
                for &coalition in several {
                    for &member in &members_by_coalition[coalition as usize] {
                        if stamp[member as usize] != marker {
                            stamp[member as usize] = marker;
                            size += 1;
                        }
                    }
                }
                size
            }),
        };
        total += union - 1;
    }
    total / 2
}

/// Each coalition's members as nodes: the parties
/// ([`Role::is_party`](crate::model::Role::is_party)) whose membership holds on `at` (any date
/// when `None`) and that `node` places, each coalition's nodes distinct and ascending. Several
/// actors that `node` folds into one count once: the actor × coalition network of the folded
/// actors.
///
/// # Complexity
/// O(C + M log M) for C coalitions and M memberships.
pub(crate) fn members_by_coalition(
    network: &Network,
    at: Option<Date>,
    node: impl Fn(ActorId) -> Option<u32>,
) -> Vec<Vec<u32>> {
    let mut members_by_coalition: Vec<Vec<u32>> = vec![Vec::new(); network.coalitions().len()];
    for membership in network.memberships() {
        if membership.role.is_party() && at.is_none_or(|date| membership.validity.contains(date)) {
            if let Some(node) = node(membership.actor) {
                members_by_coalition[membership.coalition.index()].push(node);
            }
        }
    }
    for members in &mut members_by_coalition {
        members.sort_unstable();
        members.dedup();
    }
    members_by_coalition
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::random::SplitMix64;

    /// The count is the number of pairs the ties list, on random overlapping coalitions.
    #[test]
    fn the_pair_count_is_the_number_of_ties() {
        for seed in 0..20u64 {
            let mut rng = SplitMix64::new(seed);
            let n_actors = 2 + rng.below(30) as usize;
            let n_coalitions = 1 + rng.below(6) as usize;
            let mut actors = String::from("id\n");
            for a in 0..n_actors {
                actors.push_str(&format!("a{a}\n"));
            }
            let mut coalitions = String::from("id\n");
            let mut members = String::from("coalition,actor,role\n");
            for c in 0..n_coalitions {
                coalitions.push_str(&format!("c{c}\n"));
                // Some actors in two roles: they count once.
                for a in 0..n_actors {
                    match rng.below(6) {
                        0 => members.push_str(&format!("c{c},a{a},signatory\n")),
                        1 => members.push_str(&format!("c{c},a{a},project_partner\n")),
                        2 => members
                            .push_str(&format!("c{c},a{a},signatory\nc{c},a{a},project_partner\n")),
                        _ => {}
                    }
                }
            }
            let files =
                [("actors.csv", actors), ("coalitions.csv", coalitions), ("members.csv", members)];
            let source = crate::io::Source::Memory(
                files.into_iter().map(|(name, text)| (name.into(), text.into_bytes())).collect(),
            );
            let network = crate::io::load(&source).expect("valid");
            let ties = comembership_ties(&network, None);
            assert_eq!(comembership_pair_count(&network, None), ties.len() as u64, "{seed}");
            // Actors folded in pairs (a0 and a1 into node 0, …), the odd tenth left out.
            let folded = |a: ActorId| (a.index() % 10 != 9).then_some(a.index() as u32 / 2);
            let members = members_by_coalition(&network, None, folded);
            let among = projection_ties(&members, Projection::Shared);
            assert_eq!(pair_count(&members, n_actors), among.len() as u64, "{seed}");
            // Brute force: the coalitions each pair of nodes shares, and Newman's weight.
            let newman = projection_ties(&members, Projection::Newman);
            let mut expected = Vec::new();
            for a in 0..n_actors as u32 {
                for b in a + 1..n_actors as u32 {
                    let shared: Vec<usize> = members
                        .iter()
                        .map(|m| m.len())
                        .zip(&members)
                        .filter(|(_, m)| m.contains(&a) && m.contains(&b))
                        .map(|(n, _)| n)
                        .collect();
                    if !shared.is_empty() {
                        let weight: f64 = shared.iter().map(|&n| 1.0 / (n - 1) as f64).sum();
                        expected.push((a, b, shared.len() as f64, weight));
                    }
                }
            }
            assert_eq!(among.len(), expected.len(), "{seed}");
            for ((shared, newman), expected) in among.iter().zip(&newman).zip(&expected) {
                assert_eq!((shared.0, shared.1, shared.2), (expected.0, expected.1, expected.2));
                assert_eq!((newman.0, newman.1), (expected.0, expected.1));
                assert!((newman.2 - expected.3).abs() < 1e-12, "{seed}: {newman:?} {expected:?}");
            }
        }
    }
}
