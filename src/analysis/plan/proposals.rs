//! The ties the plan proposes: the region end of a proposal (owners ranked by their ties) and
//! the second tie of a fragile topic.

use super::context::{Context, ancestors_or_self};
use super::model::{CounterpartSource, ProposalGoal, ProposedTie, RegionalBasis, RegionalOwner};
use super::topic::single_points;
use crate::model::ActorId;

impl Context<'_> {
    /// The region end of a proposed tie: the owner with the most ties (see
    /// [`Context::regional_rank`]), or without owners the best region-side member.
    pub(super) fn regional_end(
        &self,
        owners: &[RegionalOwner],
    ) -> Option<(ActorId, RegionalBasis)> {
        if let Some(owner) = owners.iter().min_by(|a, b| self.regional_rank(a.actor, b.actor)) {
            return Some((owner.actor, owner.via));
        }
        self.regional_members(None)
            .into_iter()
            .min_by(|&a, &b| self.regional_rank(a, b))
            .map(|actor| (actor, RegionalBasis::Member))
    }

    /// Most ties first, then the broadest level (no level last), then by id.
    fn regional_rank(&self, a: ActorId, b: ActorId) -> std::cmp::Ordering {
        let ties = |x: ActorId| self.n_ties.get(&x).copied().unwrap_or(0);
        let level = |x: ActorId| self.network.actor(x).level.map_or(usize::MAX, |l| l as usize);
        ties(b)
            .cmp(&ties(a))
            .then_with(|| level(a).cmp(&level(b)))
            .then_with(|| self.key(a).cmp(self.key(b)))
    }

    /// A second tie for a fragile topic: the first candidate pair that makes it covered, else
    /// the first new pair that brings in a new person.
    pub(super) fn second_tie(
        &self,
        pairs: &[(ActorId, ActorId)],
        pivots: &[ActorId],
        working: &[ActorId],
        mapped: &[ActorId],
        owners: &[RegionalOwner],
    ) -> Option<ProposedTie> {
        let network = self.network;
        // Rijk candidates: working counterparts, then mapped ministries outside the chains of
        // the existing Rijk ends, then the other mapped ministries.
        let in_tie_chain = |ministry: ActorId| {
            pairs.iter().any(|&(rijk, _)| ancestors_or_self(network, rijk).any(|a| a == ministry))
        };
        let mut rijk: Vec<(ActorId, CounterpartSource)> =
            working.iter().map(|&a| (a, CounterpartSource::WorksOnIt)).collect();
        for pass in [false, true] {
            for &ministry in mapped {
                if in_tie_chain(ministry) == pass && !rijk.iter().any(|&(a, _)| a == ministry) {
                    rijk.push((ministry, CounterpartSource::ThemeMap));
                }
            }
        }
        // Region candidates: owners by their ties, or the fallback end.
        let region: Vec<(ActorId, RegionalBasis)> = if owners.is_empty() {
            self.regional_end(owners).into_iter().collect()
        } else {
            let mut sorted = owners.to_vec();
            sorted.sort_by(|a, b| self.regional_rank(a.actor, b.actor));
            sorted.into_iter().map(|o| (o.actor, o.via)).collect()
        };
        let mut fallback: Option<ProposedTie> = None;
        for &(r, rijk_basis) in &rijk {
            for &(g, region_basis) in &region {
                if pairs.contains(&(r, g)) {
                    continue;
                }
                let mut with = pairs.to_vec();
                with.push((r, g));
                let proposal = ProposedTie {
                    rijk: r,
                    rijk_basis,
                    region: g,
                    region_basis,
                    goal: ProposalGoal::Cover,
                };
                if single_points(&with).is_empty() {
                    return Some(proposal);
                }
                let brings_new = !pivots.contains(&r) || !pivots.contains(&g);
                if fallback.is_none() && brings_new {
                    fallback = Some(ProposedTie { goal: ProposalGoal::Spread, ..proposal });
                }
            }
        }
        fallback
    }
}
