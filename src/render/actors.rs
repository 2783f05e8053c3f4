//! The columns that open every per-actor list: `id,name,sector,level`, and the order of rows
//! (by actor id).

use super::records::Cell;
use crate::model::{ActorId, Network};

/// The identifying columns of an actor list.
pub const ACTOR_COLUMNS: [&str; 4] = ["id", "name", "sector", "level"];

/// `id, name, sector, level` of an actor.
pub fn actor_cells(network: &Network, actor: ActorId) -> Vec<Cell> {
    let a = network.actor(actor);
    vec![
        Cell::text(a.key.as_str()),
        Cell::text(a.name.as_str()),
        Cell::optional_text(a.sector.map(|s| s.as_str())),
        Cell::optional_text(a.level.map(|l| l.as_str())),
    ]
}

/// Positions of `actors` ordered by actor id (the order of every list).
pub fn by_actor_id(network: &Network, actors: impl Iterator<Item = ActorId>) -> Vec<usize> {
    let keys: Vec<&str> = actors.map(|a| network.actor(a).key.as_str()).collect();
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(keys[b]));
    order
}
