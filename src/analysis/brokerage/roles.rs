//! Gould & Fernandez's (1989) five broker roles: the raw counts of every node and their
//! expected values and standard deviations under R sna's random-graph model.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::finite;
use super::grouping::Grouping;
use crate::analysis::AnalysisError;
use crate::view::View;

/// One value per Gould–Fernandez role, plus their total.
///
/// The roles of a two-path a → b → c (broker b; "A", "B", "C" are distinct groups):
/// coordinator A → A → A, itinerant A → B → A, gatekeeper A → B → B (b shares the group of the
/// target it lets in), representative A → A → B (b shares the group of the source it speaks
/// for), liaison A → B → C.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
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

/// The raw Gould & Fernandez role counts of every node (the `raw` part of [`brokerage`](super::brokerage), which
/// documents the roles and the correspondence with R sna's columns).
///
/// The two-paths through a broker b are counted, not walked: every pair (a, c) of an in-neighbour
/// a and an out-neighbour c falls in the role given by the groups of a, b and c, so the pairs of
/// each role are products of how many in- and out-neighbours each group has; then the pairs that
/// broker nothing are taken off — a = c, and a → c (the triad is closed). A hub of a star with
/// a million leaves costs a million steps, not a trillion.
///
/// # Errors
/// [`AnalysisError::InvalidParameter`] when `grouping` does not have one group per node.
///
/// # Complexity
/// O(Σ_b (in(b) + out(b)) + Σ_{a → b} min(out(a), out(b))·log d): per broker b, its
/// neighbours counted by group, and for each in-neighbour a the arcs a → c to b's
/// out-neighbours c, found by walking the shorter of the two sorted rows and searching the
/// other. Parallel over brokers; the counts are integers, so the result is the same at any
/// thread count.
pub fn brokerage_roles(view: &View, grouping: &Grouping) -> Result<Vec<Roles<u64>>, AnalysisError> {
    let groups = grouping.of_node.as_slice();
    let n_nodes = view.n_nodes();
    if groups.len() != n_nodes {
        return Err(AnalysisError::InvalidParameter(format!(
            "brokerage needs one group per node: the view has {n_nodes} nodes, the grouping {}",
            groups.len()
        )));
    }
    let n_groups = groups.iter().map(|&g| g as usize + 1).max().unwrap_or(0);
    let out_arcs = view.out_arcs();
    let in_arcs = view.in_arcs();
    let counts = (0..n_nodes as u32)
        .into_par_iter()
        .map_init(
            || GroupTally::new(n_groups),
            |tally, broker| {
                let broker_group = groups[broker as usize];
                let sources = in_arcs.neighbors(broker);
                let targets = out_arcs.neighbors(broker);
                // Every (source, target) pair, by role.
                let mut roles = tally.all_pairs(groups, broker_group, sources, targets);
                // Less the pairs that broker nothing: source = target, or an arc source → target.
                for &source in sources {
                    let source_group = groups[source as usize];
                    let mut closed = |target: u32| {
                        let role = role_of(
                            source_group,
                            broker_group,
                            groups[target as usize],
                            &mut roles,
                        );
                        *role -= 1;
                    };
                    if targets.binary_search(&source).is_ok() {
                        closed(source);
                    }
                    let source_out = out_arcs.neighbors(source);
                    if source_out.len() <= targets.len() {
                        for &target in source_out {
                            if target != source && targets.binary_search(&target).is_ok() {
                                closed(target);
                            }
                        }
                    } else {
                        for &target in targets {
                            if target != source && source_out.binary_search(&target).is_ok() {
                                closed(target);
                            }
                        }
                    }
                }
                roles.total = roles.coordinator
                    + roles.itinerant
                    + roles.gatekeeper
                    + roles.representative
                    + roles.liaison;
                roles
            },
        )
        .collect();
    Ok(counts)
}

/// The role slot of a two-path from group `source` through a broker of group `broker` to
/// group `target`.
fn role_of(source: u32, broker: u32, target: u32, roles: &mut Roles<u64>) -> &mut u64 {
    if source == broker {
        if broker == target { &mut roles.coordinator } else { &mut roles.representative }
    } else if broker == target {
        &mut roles.gatekeeper
    } else if source == target {
        &mut roles.itinerant
    } else {
        &mut roles.liaison
    }
}

/// Per-thread counts of a broker's in- and out-neighbours by group, reset after each broker by
/// walking only the groups it touched.
struct GroupTally {
    sources: Vec<u64>,
    targets: Vec<u64>,
    touched: Vec<u32>,
}

impl GroupTally {
    fn new(n_groups: usize) -> GroupTally {
        GroupTally { sources: vec![0; n_groups], targets: vec![0; n_groups], touched: Vec::new() }
    }

    /// The (source, target) pairs through a broker of `broker_group`, by role, before any is
    /// taken off: a pair's role depends only on the two groups, so each role is a sum of
    /// products of group counts.
    fn all_pairs(
        &mut self,
        groups: &[u32],
        broker_group: u32,
        sources: &[u32],
        targets: &[u32],
    ) -> Roles<u64> {
        for &source in sources {
            let group = groups[source as usize];
            if self.sources[group as usize] == 0 && self.targets[group as usize] == 0 {
                self.touched.push(group);
            }
            self.sources[group as usize] += 1;
        }
        for &target in targets {
            let group = groups[target as usize];
            if self.sources[group as usize] == 0 && self.targets[group as usize] == 0 {
                self.touched.push(group);
            }
            self.targets[group as usize] += 1;
        }
        let own = broker_group as usize;
        let (own_sources, own_targets) = (self.sources[own], self.targets[own]);
        let other_sources = sources.len() as u64 - own_sources;
        let other_targets = targets.len() as u64 - own_targets;
        // Pairs from another group back to that same group: A → B → A.
        let mut same_other = 0;
        for &group in &self.touched {
            let g = group as usize;
            if group != broker_group {
                same_other += self.sources[g] * self.targets[g];
            }
            self.sources[g] = 0;
            self.targets[g] = 0;
        }
        self.touched.clear();
        Roles {
            coordinator: own_sources * own_targets,
            representative: own_sources * other_targets,
            gatekeeper: other_sources * own_targets,
            itinerant: same_other,
            liaison: other_sources * other_targets - same_other,
            total: 0,
        }
    }
}

/// Mean and standard deviation of one role count.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Moment {
    pub(super) mean: f64,
    pub(super) sd: f64,
}

impl Moment {
    pub(super) fn new(mean: f64, variance: f64) -> Moment {
        Moment { mean, sd: variance.sqrt() }
    }

    /// The z-score of `raw`, when the standard deviation is positive and everything finite.
    pub(super) fn z(self, raw: u64) -> Option<f64> {
        (self.sd > 0.0).then(|| (raw as f64 - self.mean) / self.sd).and_then(finite)
    }
}

/// sna's moments of each node's role counts, given the density `d` (see [`brokerage`](super::brokerage)).
///
/// The moments depend on the broker's group only through its size nᵢ, and the sums over the
/// other groups are sums over all groups minus the broker's own; so they are computed once per
/// distinct group size with exact integer sums (u128), then scaled by the density terms. There
/// are at most √(2N) distinct sizes, so this is O(N) even when every node is its own group.
pub(super) fn expected_roles(groups: &[u32], d: f64) -> Vec<Roles<Moment>> {
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
