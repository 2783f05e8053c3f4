//! Members joined and left, the sectors and kinds at the table, the government share.

use std::collections::BTreeSet;

use super::DiffSide;
use crate::model::{ActorId, Level, Network, Sector};

/// An actor as the output names it: key, name, sector and level.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub struct ActorLabel {
    /// The actor's id as the workspace writes it.
    pub key: String,
    /// Its name.
    pub name: String,
    /// Its sector, when known.
    pub sector: Option<Sector>,
    /// Its level, when known.
    pub level: Option<Level>,
}

impl ActorLabel {
    /// The label of `actor` in `network`.
    pub fn of(network: &Network, actor: ActorId) -> ActorLabel {
        let a = network.actor(actor);
        ActorLabel { key: a.key.clone(), name: a.name.clone(), sector: a.sector, level: a.level }
    }
}

/// How a coalition's make-up changed.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct MemberChange {
    /// Members (parties: not the deal's programme) before.
    pub members_before: usize,
    /// Members after.
    pub members_after: usize,
    /// Members after that were not before, by key.
    pub joined: Vec<ActorLabel>,
    /// Members before that are not after, by key.
    pub left: Vec<ActorLabel>,
    /// Sectors with a member after and none before.
    pub sectors_gained: Vec<Sector>,
    /// Sectors with a member before and none after.
    pub sectors_lost: Vec<Sector>,
    /// Kinds (actors.csv `kind`) with a member after and none before.
    pub kinds_gained: Vec<String>,
    /// Kinds with a member before and none after.
    pub kinds_lost: Vec<String>,
    /// (left, joined) pairs of members where the one that joined took over from the one that
    /// left or the other way round ([`Network::lineage`]: a ministry renamed or split, EZK →
    /// EZ), by key: the same party under another name.
    pub successions: Vec<(String, String)>,
    /// Share of members in the government sector before; `None` without members.
    pub government_share_before: Option<f64>,
    /// The same after.
    pub government_share_after: Option<f64>,
}

/// The distinct parties of a side's coalition on its date, as labels sorted by key.
fn parties(side: DiffSide<'_>) -> Option<Vec<ActorLabel>> {
    let coalition = side.spec.scope.coalition()?;
    let at = side.spec.at;
    let ids: BTreeSet<ActorId> = side
        .network
        .parties_of(coalition)
        .filter(|m| at.is_none_or(|date| m.validity.contains(date)))
        .map(|m| m.actor)
        .collect();
    let mut labels: Vec<ActorLabel> =
        ids.into_iter().map(|id| ActorLabel::of(side.network, id)).collect();
    labels.sort();
    Some(labels)
}

fn government_share(members: &[ActorLabel]) -> Option<f64> {
    let government = members.iter().filter(|m| m.sector == Some(Sector::Government)).count();
    (!members.is_empty()).then(|| government as f64 / members.len() as f64)
}

/// The change of make-up when both sides are a coalition; `None` otherwise.
pub(crate) fn member_change(before: DiffSide<'_>, after: DiffSide<'_>) -> Option<MemberChange> {
    let (b, a) = (parties(before)?, parties(after)?);
    let keys =
        |list: &[ActorLabel]| -> BTreeSet<String> { list.iter().map(|m| m.key.clone()).collect() };
    let (kb, ka) = (keys(&b), keys(&a));
    let sectors = |list: &[ActorLabel]| -> BTreeSet<Sector> {
        list.iter().filter_map(|m| m.sector).collect()
    };
    let kinds = |side: DiffSide<'_>, list: &[ActorLabel]| -> BTreeSet<String> {
        list.iter()
            .filter_map(|m| side.network.actor_id(&m.key))
            .filter_map(|id| side.network.actor(id).kind.clone())
            .collect()
    };
    let (sb, sa) = (sectors(&b), sectors(&a));
    let joined: Vec<ActorLabel> = a.iter().filter(|m| !kb.contains(&m.key)).cloned().collect();
    let left: Vec<ActorLabel> = b.iter().filter(|m| !ka.contains(&m.key)).cloned().collect();
    let mut successions = Vec::new();
    for l in &left {
        // The lineage as the side after knows it (the joined actors are its own).
        let Some(id) = after.network.actor_id(&l.key) else { continue };
        let lineage = after.network.lineage(id);
        for j in &joined {
            if after.network.actor_id(&j.key).is_some_and(|jid| lineage.contains(&jid)) {
                successions.push((l.key.clone(), j.key.clone()));
            }
        }
    }
    let (kdb, kda) = (kinds(before, &b), kinds(after, &a));
    Some(MemberChange {
        members_before: b.len(),
        members_after: a.len(),
        joined,
        left,
        successions,
        sectors_gained: sa.difference(&sb).copied().collect(),
        sectors_lost: sb.difference(&sa).copied().collect(),
        kinds_gained: kda.difference(&kdb).cloned().collect(),
        kinds_lost: kdb.difference(&kda).cloned().collect(),
        government_share_before: government_share(&b),
        government_share_after: government_share(&a),
    })
}
