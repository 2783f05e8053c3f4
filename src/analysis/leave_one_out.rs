//! Leave-one-out evaluation of the `suspects` ranking: hide one member of a coalition, rank the
//! candidates, and see at which rank the hidden member comes back — next to a popularity
//! baseline and to each part of the score on its own.

use rayon::prelude::*;

use super::error::AnalysisError;
use super::progress::Progress;
use super::suspects::{Candidate, is_ministry, suspects};
use crate::model::Profile;
use crate::model::{ActorId, CoalitionId, Network, NetworkBuilder, Sector};

/// The rankers an evaluation compares, in output order.
pub const RANKERS: &[Ranker] = &[
    Ranker::Score,
    Ranker::Popularity,
    Ranker::GapFill,
    Ranker::Proximity,
    Ranker::ThemeMatch,
    Ranker::RegionMatch,
];

/// One way of ranking the candidates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Ranker {
    /// The `suspects` score with the profile's weights.
    Score,
    /// Baseline: the number of coalitions the candidate is a member of, most first.
    Popularity,
    /// `gap_fill` alone.
    GapFill,
    /// `proximity` alone.
    Proximity,
    /// `theme_match` alone.
    ThemeMatch,
    /// `region_match` alone.
    RegionMatch,
}

impl Ranker {
    /// The name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Ranker::Score => "score",
            Ranker::Popularity => "popularity",
            Ranker::GapFill => "gap_fill",
            Ranker::Proximity => "proximity",
            Ranker::ThemeMatch => "theme_match",
            Ranker::RegionMatch => "region_match",
        }
    }
}

/// Where a ranker put a hidden member: how many candidates it ranked strictly above it, how
/// many others it gave the same value, and its rank when ties are broken by id.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Position {
    /// Candidates with a strictly higher value.
    pub better: usize,
    /// Other candidates with exactly the same value.
    pub tied: usize,
    /// 1-based rank with ties broken by actor id (the order `suspects` shows).
    pub rank_by_id: usize,
}

impl Position {
    /// The chance that the member is among the first `k` when its ties are put in a uniformly
    /// random order: clamp((k − better) / (tied + 1), 0, 1).
    pub fn hit(&self, k: usize) -> f64 {
        let slots = k.saturating_sub(self.better).min(self.tied + 1);
        slots as f64 / (self.tied + 1) as f64
    }

    /// The expected reciprocal rank when its ties are put in a uniformly random order.
    pub fn reciprocal_rank(&self) -> f64 {
        let first = self.better + 1;
        let sum: f64 = (first..=first + self.tied).map(|r| 1.0 / r as f64).sum();
        sum / (self.tied + 1) as f64
    }

    /// The mid-rank: the mean rank over the random orders of its ties.
    pub fn mid_rank(&self) -> f64 {
        self.better as f64 + 1.0 + self.tied as f64 / 2.0
    }
}

/// One hidden member and where each ranker put it back.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct HeldOut {
    /// The coalition it was taken out of.
    pub coalition: CoalitionId,
    /// The hidden member.
    pub actor: ActorId,
    /// Number of candidates ranked (every actor outside the reduced coalition).
    pub n_candidates: usize,
    /// Number of other coalitions it is still a member of: without any, only its parent chain
    /// and its sector can bring it back (the network no longer reaches it).
    pub other_coalitions: usize,
    /// Where each ranker put it, in [`RANKERS`] order.
    pub positions: Vec<Position>,
}

/// Which hidden members a summary covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Subset {
    /// Every hidden member.
    All,
    /// Hidden members whose sector is not government (the less usual suspects).
    NotGovernment,
    /// Hidden members that are still in another coalition, so that the network reaches them.
    InAnotherCoalition,
}

/// The subsets an evaluation summarizes, in output order.
pub const SUBSETS: &[Subset] = &[Subset::All, Subset::NotGovernment, Subset::InAnotherCoalition];

impl Subset {
    /// The name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Subset::All => "all",
            Subset::NotGovernment => "not_government",
            Subset::InAnotherCoalition => "in_another_coalition",
        }
    }
}

/// The figures of one ranker on one subset of hidden members.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct RankerSummary {
    /// Number of hidden members in the subset.
    pub n: usize,
    /// Expected share back at rank ≤ 5, ties in random order.
    pub hit_at_5: f64,
    /// Expected share back at rank ≤ 10, ties in random order.
    pub hit_at_10: f64,
    /// Share back at rank ≤ 5 with ties broken by id.
    pub hit_at_5_by_id: f64,
    /// Share back at rank ≤ 10 with ties broken by id.
    pub hit_at_10_by_id: f64,
    /// Expected mean reciprocal rank, ties in random order.
    pub mean_reciprocal_rank: f64,
    /// Median of the mid-ranks.
    pub median_rank: f64,
}

/// The outcome of [`leave_one_out`]: one entry per hidden member, by coalition id, then actor
/// id.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Evaluation {
    /// The hidden members.
    pub held_out: Vec<HeldOut>,
    /// Per hidden member (same order): whether its sector is government.
    pub government: Vec<bool>,
}

impl Evaluation {
    /// The figures of `ranker` on `subset`; `None` when the subset is empty.
    ///
    /// Ties matter: on sparse data many candidates share a value, and actor ids often encode
    /// the kind (`gem_…`, `bus_…`), so breaking ties by id would reward the alphabet. The main
    /// figures therefore put ties in random order (their expectation is exact); the `_by_id`
    /// figures show the order `suspects` prints.
    pub fn summary(&self, ranker: Ranker, subset: Subset) -> Option<RankerSummary> {
        let at = ranker_index(ranker);
        let positions: Vec<Position> = self
            .held_out
            .iter()
            .zip(&self.government)
            .filter(|(item, government)| match subset {
                Subset::All => true,
                Subset::NotGovernment => !**government,
                Subset::InAnotherCoalition => item.other_coalitions > 0,
            })
            .map(|(item, _)| item.positions[at])
            .collect();
        let n = positions.len();
        if n == 0 {
            return None;
        }
        // Sums in the fixed order of the list, so the figures are the same at any thread count.
        let mean = |value: &dyn Fn(&Position) -> f64| -> f64 {
            positions.iter().map(value).sum::<f64>() / n as f64
        };
        let by_id = |k: usize| move |p: &Position| if p.rank_by_id <= k { 1.0 } else { 0.0 };
        let mut mid: Vec<f64> = positions.iter().map(Position::mid_rank).collect();
        mid.sort_by(f64::total_cmp);
        let median_rank = if n % 2 == 1 { mid[n / 2] } else { (mid[n / 2 - 1] + mid[n / 2]) / 2.0 };
        Some(RankerSummary {
            n,
            hit_at_5: mean(&|p| p.hit(5)),
            hit_at_10: mean(&|p| p.hit(10)),
            hit_at_5_by_id: mean(&by_id(5)),
            hit_at_10_by_id: mean(&by_id(10)),
            mean_reciprocal_rank: mean(&Position::reciprocal_rank),
            median_rank,
        })
    }
}

fn ranker_index(ranker: Ranker) -> usize {
    RANKERS.iter().position(|&r| r == ranker).unwrap_or(0)
}

/// Leave-one-out evaluation of [`suspects`]: for every coalition and every distinct member that
/// is not a ministry, remove all of its memberships of that coalition (so shared membership of
/// that coalition no longer ties it to the others), rank the candidates of the reduced
/// coalition, and record the rank at which the hidden member returns — under the score, under a
/// popularity baseline (number of coalitions it is a member of in the reduced network, ties by
/// id) and under each part of the score alone (ties by id).
///
/// Ministries are left out because the Regio Deals' ministries are chosen by the theme map,
/// not by the network: `suspects` reports them separately. So is a member that is a unit of
/// another member (below it at the same level, [`Network::with_units_below`]): hidden, it would
/// still be at the table through its organisation, and `suspects` never proposes it.
///
/// Parallel over hidden members (rayon); results are collected in a fixed order, so the
/// evaluation is the same at any thread count.
///
/// # Errors
/// As [`suspects`].
///
/// # Complexity
/// One [`suspects`] run, plus a copy of the network, per hidden member.
pub fn leave_one_out(network: &Network, profile: &Profile) -> Result<Evaluation, AnalysisError> {
    leave_one_out_with_progress(network, profile, &())
}

/// [`leave_one_out`], telling `progress` about the hidden members (all planned at the start,
/// each done when its ranking is scored).
///
/// # Errors
/// As [`leave_one_out`].
pub fn leave_one_out_with_progress(
    network: &Network,
    profile: &Profile,
    progress: &dyn Progress,
) -> Result<Evaluation, AnalysisError> {
    let mut tasks: Vec<(CoalitionId, ActorId)> = Vec::new();
    let mut coalitions: Vec<CoalitionId> = network.coalition_ids().collect();
    coalitions.sort_by(|a, b| network.coalition(*a).key.cmp(&network.coalition(*b).key));
    for coalition in coalitions {
        let mut is_member = vec![false; network.actors().len()];
        for membership in network.parties_of(coalition) {
            is_member[membership.actor.index()] = true;
        }
        let is_unit_of_another = |actor: ActorId| network.is_unit_of_marked(actor, &is_member);
        let mut members: Vec<ActorId> = network
            .parties_of(coalition)
            .map(|m| m.actor)
            .filter(|&a| !is_ministry(network, a) && !is_unit_of_another(a))
            .collect();
        members.sort_by(|a, b| network.actor(*a).key.cmp(&network.actor(*b).key));
        members.dedup();
        tasks.extend(members.into_iter().map(|actor| (coalition, actor)));
    }
    progress.planned(tasks.len() as u64);
    let held_out: Result<Vec<HeldOut>, AnalysisError> = tasks
        .par_iter()
        .map(|&(coalition, actor)| {
            let held_out = hold_out(network, profile, coalition, actor);
            progress.done(1);
            held_out
        })
        .collect();
    let held_out = held_out?;
    let government = held_out
        .iter()
        .map(|item| network.actor(item.actor).sector == Some(Sector::Government))
        .collect();
    Ok(Evaluation { held_out, government })
}

fn hold_out(
    network: &Network,
    profile: &Profile,
    coalition: CoalitionId,
    actor: ActorId,
) -> Result<HeldOut, AnalysisError> {
    let reduced = without_member(network, coalition, actor)?;
    let found = suspects(&reduced, coalition, profile, None)?;
    let candidates = &found.candidates;
    let mut popularity = vec![0u32; reduced.actors().len()];
    let mut seen: Vec<(CoalitionId, ActorId)> =
        reduced.memberships().iter().map(|m| (m.coalition, m.actor)).collect();
    seen.sort_unstable();
    seen.dedup();
    for (_, member) in seen {
        popularity[member.index()] += 1;
    }
    let mut positions = vec![Position::default(); RANKERS.len()];
    for (slot, ranker) in RANKERS.iter().enumerate() {
        let value = |candidate: &Candidate| -> f64 {
            match ranker {
                Ranker::Score => candidate.score,
                Ranker::Popularity => f64::from(popularity[candidate.actor.index()]),
                Ranker::GapFill => candidate.gap_fill,
                Ranker::Proximity => candidate.proximity,
                Ranker::ThemeMatch => candidate.theme_match,
                Ranker::RegionMatch => candidate.region_match,
            }
        };
        positions[slot] = position_of(&reduced, candidates, actor, value);
    }
    Ok(HeldOut {
        coalition,
        actor,
        n_candidates: candidates.len(),
        other_coalitions: popularity[actor.index()] as usize,
        positions,
    })
}

/// Where `actor` stands among `candidates` ordered by `value`, largest first.
fn position_of(
    network: &Network,
    candidates: &[Candidate],
    actor: ActorId,
    value: impl Fn(&Candidate) -> f64,
) -> Position {
    let Some(target) = candidates.iter().find(|c| c.actor == actor) else {
        return Position { better: candidates.len(), tied: 0, rank_by_id: candidates.len() + 1 };
    };
    let target_value = value(target);
    let target_key = network.actor(actor).key.as_str();
    let mut position = Position { better: 0, tied: 0, rank_by_id: 1 };
    for candidate in candidates.iter().filter(|c| c.actor != actor) {
        let v = value(candidate);
        if v > target_value {
            position.better += 1;
            position.rank_by_id += 1;
        } else if v == target_value {
            position.tied += 1;
            if network.actor(candidate.actor).key.as_str() < target_key {
                position.rank_by_id += 1;
            }
        }
    }
    position
}

/// A copy of `network` without `actor`'s memberships of `coalition`.
fn without_member(
    network: &Network,
    coalition: CoalitionId,
    actor: ActorId,
) -> Result<Network, AnalysisError> {
    let builder = NetworkBuilder {
        actors: network.actors().to_vec(),
        layers: network.layers().to_vec(),
        relations: network.relations().to_vec(),
        relation_attributes: network.relation_attributes().clone(),
        topics: network.topics().to_vec(),
        coalitions: network.coalitions().to_vec(),
        memberships: network
            .memberships()
            .iter()
            .filter(|m| !(m.coalition == coalition && m.actor == actor))
            .cloned()
            .collect(),
    };
    // The parent chains are those of a valid network, so they have no cycle.
    builder.build().map_err(|_| {
        AnalysisError::InvalidParameter("the network's parent chains have a cycle".to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_count_at_their_expected_place() {
        let clear = Position { better: 3, tied: 0, rank_by_id: 4 };
        assert_eq!(clear.hit(5), 1.0);
        assert_eq!(clear.hit(3), 0.0);
        assert!((clear.reciprocal_rank() - 0.25).abs() < 1e-12);
        // Ranks 3 to 6 equally likely.
        let tied = Position { better: 2, tied: 3, rank_by_id: 3 };
        assert_eq!(tied.hit(4), 0.5);
        assert_eq!(tied.hit(10), 1.0);
        assert_eq!(tied.mid_rank(), 4.5);
        let expected = (1.0 / 3.0 + 0.25 + 0.2 + 1.0 / 6.0) / 4.0;
        assert!((tied.reciprocal_rank() - expected).abs() < 1e-12);
    }

    #[test]
    fn summaries_cover_their_subset() {
        let item = |better: usize, other_coalitions: usize| HeldOut {
            coalition: CoalitionId::from_index(0),
            actor: ActorId::from_index(better),
            n_candidates: 100,
            other_coalitions,
            positions: vec![Position { better, tied: 0, rank_by_id: better + 1 }; RANKERS.len()],
        };
        let evaluation = Evaluation {
            held_out: vec![item(0, 1), item(3, 0), item(6, 2), item(19, 0)],
            government: vec![true, true, false, false],
        };
        let all = evaluation.summary(Ranker::Score, Subset::All).unwrap();
        assert_eq!(all.n, 4);
        assert_eq!(all.hit_at_5, 0.5);
        assert_eq!(all.hit_at_10, 0.75);
        assert_eq!(all.hit_at_10_by_id, 0.75);
        assert_eq!(all.median_rank, 5.5);
        let mrr = (1.0 + 0.25 + 1.0 / 7.0 + 0.05) / 4.0;
        assert!((all.mean_reciprocal_rank - mrr).abs() < 1e-12);
        let reached = evaluation.summary(Ranker::Score, Subset::InAnotherCoalition).unwrap();
        assert_eq!((reached.n, reached.hit_at_5), (2, 0.5));
        let unusual = evaluation.summary(Ranker::Score, Subset::NotGovernment).unwrap();
        assert_eq!((unusual.n, unusual.hit_at_10), (2, 0.5));
        let empty = Evaluation { held_out: Vec::new(), government: Vec::new() };
        assert_eq!(empty.summary(Ranker::Score, Subset::All), None);
    }
}
