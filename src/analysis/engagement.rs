//! Working ties through units: a party works with a coalition when it, or a unit below it in
//! the parent hierarchy that acts for it, has an explicit relation with a member. Shared by
//! `suspects` (weakly engaged signatories) and the connectieplan (unconnected signatories), so
//! that both count a ministry's accounthouder or directorate the same way.

use crate::model::{ActorId, CoalitionId, Date, Network, Role, Validity};

/// Per actor: whether it, or a unit below it that acts for it, has an explicit relation (any
/// layer, either direction, holding on `at` — any dates when `None`) with a member of
/// `coalition` (`is_member`, per actor) that `counts(end, member)` accepts.
///
/// A relation between `end` and a member `m` (`end ≠ m`) marks `end` and its ancestors up to
/// and including the first one that signed the coalition (role `signatory`): a unit that did
/// not sign acts for the organisation above it — BZK's accounthouder, or LNV's dealmaker
/// (a member with role `dealmaker`), ties its ministry in — while a signatory speaks for itself
/// (the ties of a municipality that signed do not engage the province it lies in). The walk
/// also stops below `m` itself, so a unit's tie with its own ministry engages the unit, not the
/// ministry.
///
/// # Complexity
/// O(M + R · d) for M memberships, R relations and parent chains of depth at most d;
/// iterative.
pub(crate) fn tied_through_units(
    network: &Network,
    coalition: CoalitionId,
    is_member: &[bool],
    at: Option<Date>,
    counts: impl Fn(ActorId, ActorId) -> bool,
) -> Vec<bool> {
    let holds = |validity: &Validity| at.is_none_or(|date| validity.contains(date));
    let mut signed = vec![false; network.actors().len()];
    for membership in network.members_of(coalition).filter(|m| holds(&m.validity)) {
        signed[membership.actor.index()] |= membership.role == Role::Signatory;
    }
    let mut tied = vec![false; network.actors().len()];
    // A tie that is part of another coalition is no working relation with this one.
    for relation in
        network.relations().iter().filter(|r| holds(&r.validity) && r.counts_in(Some(coalition)))
    {
        let (a, b) = (relation.source, relation.target);
        if a == b {
            continue;
        }
        for (end, member) in [(a, b), (b, a)] {
            if !is_member[member.index()] || !counts(end, member) {
                continue;
            }
            let mut current = Some(end);
            while let Some(actor) = current {
                if actor == member {
                    break;
                }
                tied[actor.index()] = true;
                if signed[actor.index()] {
                    break;
                }
                current = network.actor(actor).parent;
            }
        }
    }
    tied
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{Source, load};

    /// The actors tied in; `members` as `id:role`.
    fn tied(actors: &str, relations: &str, members: &[&str]) -> Vec<String> {
        let mut memberships = String::from("coalition,actor,role\n");
        for member in members {
            let (actor, role) = member.split_once(':').unwrap();
            memberships.push_str(&format!("deal,{actor},{role}\n"));
        }
        let files = vec![
            ("actors.csv".to_owned(), actors.as_bytes().to_vec()),
            ("relations.csv".to_owned(), relations.as_bytes().to_vec()),
            ("coalitions.csv".to_owned(), b"id,name\ndeal,Deal\n".to_vec()),
            ("members.csv".to_owned(), memberships.into_bytes()),
        ];
        let network = load(&Source::Memory(files)).unwrap();
        let deal = network.coalition_id("deal").unwrap();
        let mut is_member = vec![false; network.actors().len()];
        for membership in network.members_of(deal) {
            is_member[membership.actor.index()] = true;
        }
        let tied = tied_through_units(&network, deal, &is_member, None, |_, _| true);
        let mut keys: Vec<String> = network
            .actor_ids()
            .filter(|a| tied[a.index()])
            .map(|a| network.actor(a).key.clone())
            .collect();
        keys.sort();
        keys
    }

    #[test]
    fn a_units_tie_counts_for_the_organisations_above_it_up_to_the_first_signatory() {
        let actors = "id,name,parent\nrijk,Rijk,\nbzk,BZK,rijk\ndg,DG,bzk\nah,Accounthouder,dg\n\
                      dm,Dealmaker,bzk\nprov,Provincie,\ngem_a,A,prov\ngem_b,B,prov\nregio,Regio,\n";
        // The accounthouder's tie engages its DG and BZK (which signed), not the Rijk above BZK.
        // Regio is tied to no member (the accounthouder is not one).
        assert_eq!(
            tied(
                actors,
                "source,target,layer\nah,regio,collaboration\n",
                &["bzk:signatory", "regio:signatory"]
            ),
            ["ah", "bzk", "dg"]
        );
        // A dealmaker (a member that did not sign) acts for its ministry too.
        assert_eq!(
            tied(
                actors,
                "source,target,layer\ndm,regio,collaboration\n",
                &["bzk:signatory", "dm:dealmaker", "regio:signatory"]
            ),
            ["bzk", "dm", "regio"]
        );
        // Two municipalities that signed engage each other, not the province they lie in.
        assert_eq!(
            tied(
                actors,
                "source,target,layer\ngem_a,gem_b,collaboration\n",
                &["prov:signatory", "gem_a:signatory", "gem_b:signatory"]
            ),
            ["gem_a", "gem_b"]
        );
        // A unit's tie with its own ministry engages the unit only.
        assert_eq!(
            tied(actors, "source,target,layer\nah,bzk,reporting\n", &["bzk:signatory"]),
            ["ah", "dg"]
        );
    }
}
