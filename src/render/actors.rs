//! The columns that open every per-actor list: `id,name,sector,level`, and the order of rows
//! (by actor id).

use rayon::prelude::*;

use super::records::Cell;
use crate::model::{ActorId, Network};

/// The identifying columns of an actor list.
pub const ACTOR_COLUMNS: [&str; 4] = ["id", "name", "sector", "level"];

/// `id, name, sector, level` of an actor.
pub fn actor_cells(network: &Network, actor: ActorId) -> [Cell<'_>; 4] {
    let a = network.actor(actor);
    [
        Cell::text(a.key.as_str()),
        Cell::text(a.name.as_str()),
        Cell::optional_text(a.sector.map(|s| s.as_str())),
        Cell::optional_text(a.level.map(|l| l.as_str())),
    ]
}

/// Positions of `actors` ordered by actor id (the order of every list); an actor listed twice
/// keeps the order of its positions.
pub fn by_actor_id(network: &Network, actors: impl Iterator<Item = ActorId>) -> Vec<usize> {
    let keys: Vec<&str> = actors.map(|a| network.actor(a).key.as_str()).collect();
    let mut order: Vec<usize> = (0..keys.len()).collect();
    // Lists that follow a view are in id order already.
    if !keys.is_sorted() {
        order.par_sort_by(|&a, &b| keys[a].cmp(keys[b]));
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, NetworkBuilder};

    #[test]
    fn lists_are_ordered_by_the_bytes_of_the_ids_and_repeats_keep_their_order() {
        // Ids sharing their first eight bytes, prefixes of one another, and non-ASCII.
        let keys = [
            "org-00000010",
            "org-0000001",
            "org-00000",
            "x",
            "org-00000\u{0}",
            "ORG",
            "örg",
            "org-0000001a",
            "b-1",
            "b-10",
            "b-2",
            "org-00001",
            "org-0000",
        ];
        let mut builder = NetworkBuilder::default();
        for key in keys {
            builder.actors.push(Actor { key: key.to_owned(), ..Actor::default() });
        }
        let network = builder.build().unwrap();
        // Every actor, some twice, in a scrambled order; and the ids in order, which is kept.
        let listed: Vec<ActorId> = (0..2 * keys.len())
            .map(|i| ActorId::from_index(i * 7 % keys.len()))
            .chain([ActorId::from_index(3), ActorId::from_index(0)])
            .collect();
        let mut expected: Vec<usize> = (0..listed.len()).collect();
        expected.sort_by_key(|&i| network.actor(listed[i]).key.as_str());
        assert_eq!(by_actor_id(&network, listed.iter().copied()), expected);
        let in_order = network.actor_ids_by_key().to_vec();
        let identity: Vec<usize> = (0..in_order.len()).collect();
        assert_eq!(by_actor_id(&network, in_order.into_iter()), identity);
    }
}
