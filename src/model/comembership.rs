//! The derived `comembership` layer: the one-mode projection of the actor × coalition network,
//! as its ties or, without building them, as the number of pairs it holds.

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
/// O(Σ_c |members(c)|²) time; memory proportional to the number of distinct pairs — a
/// coalition of 20,000 members alone makes 200 million. [`comembership_pair_count`] counts
/// them without building them.
pub fn comembership_ties(network: &Network, at: Option<Date>) -> Vec<(ActorId, ActorId, u32)> {
    comembership_ties_among(network, at, |_| true)
}

/// [`comembership_ties`] between the actors `keep` accepts only.
pub(crate) fn comembership_ties_among(
    network: &Network,
    at: Option<Date>,
    keep: impl Fn(ActorId) -> bool,
) -> Vec<(ActorId, ActorId, u32)> {
    let members_by_coalition = members_by_coalition(network, at, keep);
    let mut shared: FxHashMap<(ActorId, ActorId), u32> = FxHashMap::default();
    for members in &members_by_coalition {
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
    comembership_pair_count_among(network, at, |_| true)
}

/// [`comembership_pair_count`] between the actors `keep` accepts only.
pub(crate) fn comembership_pair_count_among(
    network: &Network,
    at: Option<Date>,
    keep: impl Fn(ActorId) -> bool,
) -> u64 {
    let members_by_coalition = members_by_coalition(network, at, keep);
    let mut coalitions_of: Vec<Vec<u32>> = vec![Vec::new(); network.actors().len()];
    for (coalition, members) in members_by_coalition.iter().enumerate() {
        for member in members {
            coalitions_of[member.index()].push(coalition as u32);
        }
    }
    // stamp[a] == marker: a is already in the union being counted.
    let mut stamp = vec![0u32; network.actors().len()];
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
                    for member in &members_by_coalition[coalition as usize] {
                        if stamp[member.index()] != marker {
                            stamp[member.index()] = marker;
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

/// Each coalition's distinct parties ([`Role::is_party`](crate::model::Role::is_party)) on `at` (all when `None`) that `keep` accepts, ascending.
pub(crate) fn members_by_coalition(
    network: &Network,
    at: Option<Date>,
    keep: impl Fn(ActorId) -> bool,
) -> Vec<Vec<ActorId>> {
    let mut members_by_coalition: Vec<Vec<ActorId>> = vec![Vec::new(); network.coalitions().len()];
    for membership in network.memberships() {
        if membership.role.is_party()
            && at.is_none_or(|date| membership.validity.contains(date))
            && keep(membership.actor)
        {
            members_by_coalition[membership.coalition.index()].push(membership.actor);
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
            let even = |a: ActorId| a.index() % 2 == 0;
            let among = comembership_ties_among(&network, None, even);
            assert_eq!(comembership_pair_count_among(&network, None, even), among.len() as u64);
        }
    }
}
