//! The network as it would be without some actors, or with some actors joining a coalition.

use crate::model::{ActorId, CoalitionId, Membership, Network, NetworkBuilder, Role, Validity};

/// `network` without the actors `without` (their relations and memberships gone, units below
/// them hung under their parent) and with `with` joining `coalition` as project partners
/// (from its start, open-ended). The other actors keep their keys; their ids may shift.
pub fn counterfactual(
    network: &Network,
    without: &[ActorId],
    with: &[ActorId],
    coalition: Option<CoalitionId>,
) -> Network {
    let n = network.actors().len();
    let mut removed = vec![false; n];
    for &a in without {
        removed[a.index()] = true;
    }
    // New ids of the kept actors; a removed one's parent chain skips it (iterative).
    let mut new_id: Vec<Option<ActorId>> = vec![None; n];
    let mut next = 0usize;
    for i in 0..n {
        if !removed[i] {
            new_id[i] = Some(ActorId::from_index(next));
            next += 1;
        }
    }
    let kept_parent = |mut parent: Option<ActorId>| -> Option<ActorId> {
        let mut steps = 0;
        while let Some(p) = parent {
            if !removed[p.index()] || steps > n {
                break;
            }
            parent = network.actor(p).parent;
            steps += 1;
        }
        parent.and_then(|p| new_id[p.index()])
    };
    let actors = network
        .actors()
        .iter()
        .enumerate()
        .filter(|(i, _)| !removed[*i])
        .map(|(_, a)| {
            let mut a = a.clone();
            a.parent = kept_parent(a.parent);
            a.successors = a.successors.iter().filter_map(|s| new_id[s.index()]).collect();
            a
        })
        .collect();
    let relations = network
        .relations()
        .iter()
        .filter_map(|r| {
            let (s, t) = (new_id[r.source.index()]?, new_id[r.target.index()]?);
            let mut r = r.clone();
            r.source = s;
            r.target = t;
            Some(r)
        })
        .collect();
    let mut memberships: Vec<Membership> = network
        .memberships()
        .iter()
        .filter_map(|m| {
            let actor = new_id[m.actor.index()]?;
            let mut m = m.clone();
            m.actor = actor;
            Some(m)
        })
        .collect();
    if let Some(c) = coalition {
        for &a in with {
            let Some(actor) = new_id[a.index()] else { continue };
            let already = memberships.iter().any(|m| m.coalition == c && m.actor == actor);
            if !already {
                let start = network.coalition(c).start;
                memberships.push(Membership {
                    coalition: c,
                    actor,
                    role: Role::ProjectPartner,
                    contribution: None,
                    validity: Validity { since: start, until: None },
                    attributes: Default::default(),
                });
            }
        }
    }
    let builder = NetworkBuilder {
        actors,
        layers: network.layers().to_vec(),
        relations,
        relation_attributes: Default::default(),
        topics: network.topics().to_vec(),
        coalitions: network.coalitions().to_vec(),
        memberships,
    };
    // Removing actors and re-pointing parents past them makes no cycle the network did not
    // have, and it had none; were there one, the parents are dropped rather than a panic.
    match builder.hierarchy() {
        Ok(hierarchy) => builder.build_with(hierarchy),
        Err(_) => {
            let mut builder = builder;
            for actor in &mut builder.actors {
                actor.parent = None;
            }
            let hierarchy = builder.hierarchy().unwrap_or_default();
            builder.build_with(hierarchy)
        }
    }
}
