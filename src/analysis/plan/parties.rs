//! Who stands for a topic on each side: the ministries the topic maps to (Rijk counterparts
//! when no near Rijk actor works on it) and the region-side members that stand in as owners.

use super::context::Context;
use super::model::{RegionalBasis, RegionalOwner};
use crate::analysis::theme_map::ministries_for_theme;
use crate::model::{ActorId, Role, Side};

impl Context<'_> {
    /// The Rijk-side ministries the topic maps to that the workspace holds, by id: the default
    /// map's names (abbreviations) found with [`crate::Network::ministries_named`]. A ministry
    /// of the other era that is a member on the date stands for the one the map names (EZ, at
    /// the table of a 2024 deal, for EZK; [`crate::Network::lineage`]).
    pub(super) fn mapped_ministries(&self, topic: &str) -> Vec<ActorId> {
        let members: Vec<ActorId> = self.memberships().map(|m| m.actor).collect();
        let at_the_table = |actor: ActorId| -> Vec<ActorId> {
            if members.contains(&actor) {
                return vec![actor];
            }
            let present: Vec<ActorId> = self
                .network
                .lineage(actor)
                .into_iter()
                .filter(|other| members.contains(other))
                .collect();
            if present.is_empty() { vec![actor] } else { present }
        };
        let mut found: Vec<ActorId> = ministries_for_theme(topic)
            .into_iter()
            .flat_map(|name| self.network.ministries_named(name))
            .flat_map(at_the_table)
            .filter(|&actor| self.network.side(actor) == Side::Rijk)
            .collect();
        found.sort_unstable();
        found.dedup();
        self.sort_by_key(&mut found);
        found
    }

    /// The region-side members that stand in as owners of a topic no member is known to work
    /// on: the leads, else the programme office, else the signatories; by id.
    pub(super) fn stand_in_owners(&self) -> Vec<RegionalOwner> {
        for (role, via) in [
            (Role::Lead, RegionalBasis::Lead),
            (Role::ProgrammeOffice, RegionalBasis::ProgrammeOffice),
            (Role::Signatory, RegionalBasis::Signatory),
        ] {
            let mut found = self.regional_members(Some(role));
            if !found.is_empty() {
                self.sort_by_key(&mut found);
                return found.into_iter().map(|actor| RegionalOwner { actor, via }).collect();
            }
        }
        Vec::new()
    }

    /// Region-side members on the date (with `role`, when given), deduplicated, in no
    /// particular order.
    pub(super) fn regional_members(&self, role: Option<Role>) -> Vec<ActorId> {
        let mut found: Vec<ActorId> = self
            .memberships()
            .filter(|m| role.is_none_or(|r| m.role == r))
            .map(|m| m.actor)
            .filter(|&a| self.network.side(a) == Side::Region)
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }
}
