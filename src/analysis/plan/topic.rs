//! One topic of the plan: its owners and counterparts, the ties carrying it, its status
//! (covered, fragile or gap) with its single points of failure, and the ties proposed for it.

use super::context::Context;
use super::model::{
    Counterpart, CounterpartSource, PlanTie, PlanTopic, ProposalGoal, ProposedTie, RegionalBasis,
    RegionalOwner, TopicStatus,
};
use crate::model::{ActorId, Side};

impl Context<'_> {
    pub(super) fn topic(&self, index: usize) -> PlanTopic {
        let network = self.network;
        let entry = &self.topics[index];
        let mut working_owners: Vec<ActorId> = network
            .actor_ids()
            .filter(|&a| {
                self.in_scope[a.index()] && network.side(a) == Side::Region && self.works(a, index)
            })
            .collect();
        self.sort_by_key(&mut working_owners);
        let owners: Vec<RegionalOwner> = if working_owners.is_empty() {
            self.stand_in_owners()
        } else {
            working_owners
                .into_iter()
                .map(|actor| RegionalOwner { actor, via: RegionalBasis::WorksOnIt })
                .collect()
        };

        let mut working: Vec<ActorId> = network
            .actor_ids()
            .filter(|&a| self.near_rijk[a.index()] && self.works(a, index))
            .collect();
        self.sort_by_key(&mut working);
        let mapped = self.mapped_ministries(&entry.text);
        let counterparts: Vec<Counterpart> = if working.is_empty() {
            mapped
                .iter()
                .map(|&actor| Counterpart { actor, via: CounterpartSource::ThemeMap })
                .collect()
        } else {
            working
                .iter()
                .map(|&actor| Counterpart { actor, via: CounterpartSource::WorksOnIt })
                .collect()
        };

        let ties: Vec<PlanTie> = self.sorted_ties(Some(index));
        let pairs: Vec<(ActorId, ActorId)> = ties.iter().map(|t| (t.rijk, t.region)).collect();
        let single_points = single_points(&pairs);
        let status = if pairs.is_empty() {
            TopicStatus::Gap
        } else if pairs.len() >= 2 && single_points.is_empty() {
            TopicStatus::Covered
        } else {
            TopicStatus::Fragile
        };
        let single_points = if status == TopicStatus::Fragile { single_points } else { Vec::new() };

        let proposed = match status {
            TopicStatus::Covered => Vec::new(),
            TopicStatus::Gap => match self.regional_end(&owners) {
                Some((region, region_basis)) => counterparts
                    .iter()
                    .map(|c| ProposedTie {
                        rijk: c.actor,
                        rijk_basis: c.via,
                        region,
                        region_basis,
                        goal: ProposalGoal::CloseGap,
                    })
                    .collect(),
                None => Vec::new(),
            },
            TopicStatus::Fragile => self
                .second_tie(&pairs, &single_points, &working, &mapped, &owners)
                .into_iter()
                .collect(),
        };

        PlanTopic {
            topic: entry.text.clone(),
            is_theme: entry.is_theme,
            status,
            regional_owners: owners,
            rijk_counterparts: counterparts,
            ties,
            single_points,
            proposed,
        }
    }
}

/// The actors on every pair (empty when there are no pairs).
pub(super) fn single_points(pairs: &[(ActorId, ActorId)]) -> Vec<ActorId> {
    let Some(&(first_rijk, first_region)) = pairs.first() else {
        return Vec::new();
    };
    [first_rijk, first_region]
        .into_iter()
        .filter(|&actor| pairs.iter().all(|&(r, g)| r == actor || g == actor))
        .collect()
}
