//! The parent hierarchy that makes a network multi-level: depths, roots and folding to a level,
//! all computed without recursion so that chains of any depth are safe.

use super::actor::Level;
use super::ids::ActorId;

/// Derived facts about the parent chains of all actors.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hierarchy {
    /// Number of ancestors of each actor (a root has depth 0).
    depth: Vec<u32>,
    /// The root of each actor's parent chain (itself for a root).
    root: Vec<ActorId>,
    /// Actors ordered so that every parent comes before its children.
    top_down: Vec<ActorId>,
}

/// The actors whose parent chain loops back on itself; each cycle listed once, starting at its
/// smallest actor index, in chain order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParentCycles(pub Vec<Vec<ActorId>>);

impl Hierarchy {
    /// Derives the hierarchy from each actor's parent, or reports every cycle.
    ///
    /// # Complexity
    /// O(n) time and memory, iterative.
    pub fn new(parents: &[Option<ActorId>]) -> Result<Self, ParentCycles> {
        let n_actors = parents.len();
        const UNSEEN: u8 = 0;
        const ON_PATH: u8 = 1;
        const DONE: u8 = 2;
        let mut state = vec![UNSEEN; n_actors];
        let mut depth = vec![0u32; n_actors];
        let mut root: Vec<ActorId> = (0..n_actors).map(ActorId::from_index).collect();
        let mut cycles = Vec::new();
        let mut path: Vec<usize> = Vec::new();
        for start in 0..n_actors {
            if state[start] != UNSEEN {
                continue;
            }
            // Walk up until a finished actor, a root, or an actor already on this path (a cycle).
            path.clear();
            let mut current = start;
            let anchor = loop {
                if state[current] == DONE {
                    break Some(current);
                }
                if state[current] == ON_PATH {
                    // `current` starts a cycle: report its members, then treat them as done so
                    // that the rest of the walk still gets an answer.
                    let at = path.iter().position(|&a| a == current).unwrap_or(0);
                    let mut cycle: Vec<ActorId> =
                        path[at..].iter().map(|&a| ActorId::from_index(a)).collect();
                    let smallest =
                        cycle.iter().enumerate().min_by_key(|(_, a)| **a).map(|(i, _)| i);
                    cycle.rotate_left(smallest.unwrap_or(0));
                    cycles.push(cycle);
                    for &member in &path[at..] {
                        state[member] = DONE;
                    }
                    path.truncate(at);
                    break Some(current);
                }
                state[current] = ON_PATH;
                path.push(current);
                match parents[current] {
                    Some(parent) => current = parent.index(),
                    None => break None,
                }
            };
            // Unwind the path from the top: each actor is one deeper than the one above it.
            let (mut above_depth, above_root) = match anchor {
                Some(done) => (Some(depth[done]), root[done]),
                None => (None, ActorId::from_index(*path.last().unwrap_or(&start))),
            };
            for &actor in path.iter().rev() {
                depth[actor] = above_depth.map_or(0, |d| d + 1);
                root[actor] = above_root;
                above_depth = Some(depth[actor]);
                state[actor] = DONE;
            }
        }
        if !cycles.is_empty() {
            cycles.sort();
            return Err(ParentCycles(cycles));
        }
        let mut top_down: Vec<ActorId> = (0..n_actors).map(ActorId::from_index).collect();
        top_down.sort_by_key(|a| depth[a.index()]);
        Ok(Self { depth, root, top_down })
    }

    /// Number of ancestors of `actor`.
    pub fn depth(&self, actor: ActorId) -> u32 {
        self.depth[actor.index()]
    }

    /// The root of `actor`'s parent chain.
    pub fn root(&self, actor: ActorId) -> ActorId {
        self.root[actor.index()]
    }

    /// The number of levels in the deepest chain (0 for an empty network).
    pub fn n_levels(&self) -> u32 {
        self.depth.iter().max().map_or(0, |d| d + 1)
    }

    /// Actors ordered parents first.
    pub fn top_down(&self) -> &[ActorId] {
        &self.top_down
    }

    /// For each actor, the topmost actor in its parent chain (itself included) whose level is
    /// `level`, or `None` when the chain has none. Topmost, so that folding to `national` turns
    /// the Rijk with its ministries and departments into one actor.
    ///
    /// # Complexity
    /// O(n): one pass parents-first.
    pub fn fold_to_level(
        &self,
        parents: &[Option<ActorId>],
        levels: &[Option<Level>],
        level: Level,
    ) -> Vec<Option<ActorId>> {
        let mut folded: Vec<Option<ActorId>> = vec![None; parents.len()];
        for &actor in &self.top_down {
            let i = actor.index();
            let above = parents[i].and_then(|p| folded[p.index()]);
            folded[i] = above.or((levels[i] == Some(level)).then_some(actor));
        }
        folded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(xs: &[usize]) -> Vec<ActorId> {
        xs.iter().map(|&x| ActorId::from_index(x)).collect()
    }

    #[test]
    fn depths_and_roots_follow_the_chain() {
        // 0 <- 1 <- 2, 3 alone, 4 -> 1
        let parents = [None, Some(0), Some(1), None, Some(1)]
            .map(|p: Option<usize>| p.map(ActorId::from_index));
        let h = Hierarchy::new(&parents).unwrap();
        assert_eq!(
            (0..5).map(|a| h.depth(ActorId::from_index(a))).collect::<Vec<_>>(),
            [0, 1, 2, 0, 2]
        );
        assert_eq!(h.root(ActorId::from_index(2)), ActorId::from_index(0));
        assert_eq!(h.root(ActorId::from_index(3)), ActorId::from_index(3));
        assert_eq!(h.n_levels(), 3);
    }

    #[test]
    fn cycles_are_all_reported_once() {
        // 0 -> 1 -> 0 is a cycle; 2 -> 2 is a self-cycle; 3 -> 0 hangs below a cycle.
        let parents =
            [Some(1), Some(0), Some(2), Some(0)].map(|p: Option<usize>| p.map(ActorId::from_index));
        let cycles = Hierarchy::new(&parents).unwrap_err();
        assert_eq!(cycles.0, vec![ids(&[0, 1]), ids(&[2])]);
    }

    #[test]
    fn a_chain_of_a_million_does_not_overflow_the_stack() {
        let n = 1_000_000;
        let parents: Vec<Option<ActorId>> =
            (0..n).map(|i| if i == 0 { None } else { Some(ActorId::from_index(i - 1)) }).collect();
        let h = Hierarchy::new(&parents).unwrap();
        assert_eq!(h.depth(ActorId::from_index(n - 1)), (n - 1) as u32);
        let mut levels = vec![None; n];
        levels[10] = Some(Level::Provincial);
        levels[20] = Some(Level::Provincial);
        let folded = h.fold_to_level(&parents, &levels, Level::Provincial);
        assert_eq!(folded[n - 1], Some(ActorId::from_index(10)));
        assert_eq!(folded[20], Some(ActorId::from_index(10)));
        assert_eq!(folded[9], None);
    }
}
