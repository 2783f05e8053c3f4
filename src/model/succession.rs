//! Succession: actors that took over from others (a ministry renamed or split), and the lineage
//! that lets a question asked with one era's name find the other era's actor.

use super::ids::ActorId;
use super::network::Network;

impl Network {
    /// `actor`, the actors that took over from it (its successors, theirs, and so on), and the
    /// actors it took over from (its predecessors, theirs, and so on) — not its siblings: EZK's
    /// lineage holds EZ and KGG, EZ's holds EZK but not KGG. Ascending by index.
    ///
    /// # Complexity
    /// O(n + s) for n actors and s successor links; iterative, cycles allowed.
    pub fn lineage(&self, actor: ActorId) -> Vec<ActorId> {
        let n = self.actors().len();
        let mut predecessors: Vec<Vec<ActorId>> = vec![Vec::new(); n];
        for (index, a) in self.actors().iter().enumerate() {
            for &successor in &a.successors {
                predecessors[successor.index()].push(ActorId::from_index(index));
            }
        }
        let mut seen = vec![false; n];
        seen[actor.index()] = true;
        for forward in [true, false] {
            let mut stack = vec![actor];
            while let Some(current) = stack.pop() {
                let next: &[ActorId] = if forward {
                    &self.actor(current).successors
                } else {
                    &predecessors[current.index()]
                };
                for &other in next {
                    if !seen[other.index()] {
                        seen[other.index()] = true;
                        stack.push(other);
                    }
                }
            }
        }
        (0..n).filter(|&i| seen[i]).map(ActorId::from_index).collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Actor, ActorId, NetworkBuilder};

    /// EZK → EZ + KGG, EZ → EZ2 (and back to EZK: a cycle).
    #[test]
    fn lineage_follows_successors_and_predecessors_but_not_siblings() {
        let mut builder = NetworkBuilder::default();
        for key in ["ezk", "ez", "kgg", "ez2", "other"] {
            builder.actors.push(Actor { key: key.to_owned(), ..Actor::default() });
        }
        let id = ActorId::from_index;
        builder.actors[0].successors = vec![id(1), id(2)];
        builder.actors[1].successors = vec![id(3)];
        builder.actors[3].successors = vec![id(0)];
        let network = builder.build().unwrap();
        let keys = |actor: usize| -> Vec<&str> {
            network.lineage(id(actor)).iter().map(|&a| network.actor(a).key.as_str()).collect()
        };
        assert_eq!(keys(0), ["ezk", "ez", "kgg", "ez2"]);
        assert_eq!(keys(4), ["other"]);
        let mut plain = NetworkBuilder::default();
        for key in ["ezk", "ez", "kgg"] {
            plain.actors.push(Actor { key: key.to_owned(), ..Actor::default() });
        }
        plain.actors[0].successors = vec![id(1), id(2)];
        let plain = plain.build().unwrap();
        let of = |actor: usize| -> Vec<&str> {
            plain.lineage(id(actor)).iter().map(|&a| plain.actor(a).key.as_str()).collect()
        };
        assert_eq!(of(1), ["ezk", "ez"], "EZ's lineage: EZK, not its sibling KGG");
        assert_eq!(of(2), ["ezk", "kgg"]);
    }
}
