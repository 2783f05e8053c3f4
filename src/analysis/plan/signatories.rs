//! The signing ministries without a working tie to the region, and the dealmakers.

use super::context::Context;
use crate::analysis::engagement::tied_through_units;
use crate::model::{ActorId, Role, Side};

impl Context<'_> {
    pub(super) fn unconnected_signatories(&self) -> Vec<ActorId> {
        let connected = self.connected_rijk();
        self.rijk_signatories(Some(&connected))
    }

    /// The Rijk-side signatories, by id; with `connected`, only those not connected.
    pub(super) fn rijk_signatories(&self, connected: Option<&[bool]>) -> Vec<ActorId> {
        let network = self.network;
        let mut signatories: Vec<ActorId> = self
            .memberships()
            .filter(|m| m.role == Role::Signatory)
            .map(|m| m.actor)
            .filter(|&a| network.side(a) == Side::Rijk)
            .filter(|&a| connected.is_none_or(|c| !c[a.index()]))
            .collect();
        signatories.sort_unstable();
        signatories.dedup();
        self.sort_by_key(&mut signatories);
        signatories
    }

    /// Per actor: it, or a unit below it that acts for it, has an explicit relation on the
    /// date with a region-side party in the coalition's scope (a member or one of its units) —
    /// the rule `suspects` uses for weak engagement, restricted to ties from the Rijk side
    /// across to the region.
    fn connected_rijk(&self) -> Vec<bool> {
        let network = self.network;
        tied_through_units(network, self.coalition, &self.in_scope, self.at, |end, member| {
            network.side(end) == Side::Rijk && network.side(member) == Side::Region
        })
    }

    pub(super) fn dealmakers(&self) -> Vec<ActorId> {
        let network = self.network;
        let is_dealmaker_kind = |a: ActorId| {
            network.actor(a).kind.as_deref().is_some_and(|k| k.eq_ignore_ascii_case("dealmaker"))
        };
        let mut found: Vec<ActorId> = self
            .memberships()
            .filter(|m| m.role == Role::Dealmaker || is_dealmaker_kind(m.actor))
            .map(|m| m.actor)
            .collect();
        let mut is_member = vec![false; network.actors().len()];
        for membership in self.memberships() {
            is_member[membership.actor.index()] = true;
        }
        for relation in network.relations().iter().filter(|r| self.holds(r)) {
            for (this, other) in
                [(relation.source, relation.target), (relation.target, relation.source)]
            {
                if is_dealmaker_kind(this) && is_member[other.index()] {
                    found.push(this);
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        self.sort_by_key(&mut found);
        found
    }
}
