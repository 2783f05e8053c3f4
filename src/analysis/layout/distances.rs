//! The graph a layout measures distances on: the view as a simple undirected graph (a tie either
//! way is one edge, weights ignored), its components, and breadth-first hop distances.

use crate::view::View;

/// A simple undirected graph in CSR form: sorted neighbour lists without self-loops or
/// duplicates.
#[derive(Clone, Debug, Default)]
pub(crate) struct Graph {
    offsets: Vec<usize>,
    targets: Vec<u32>,
}

/// A node no search has reached.
pub(crate) const UNREACHED: u32 = u32::MAX;

impl Graph {
    /// The view's ties as undirected edges: an arc either way joins two actors once.
    pub(crate) fn from_view(view: &View) -> Graph {
        Graph::from_view_with(view, &[], None)
    }

    /// The view's ties as undirected edges, with `extra` pairs added as edges (pairs naming a
    /// node outside the view ignored); with a `kept` mask, only the edges between kept nodes
    /// (the others keep their place in the numbering, without edges).
    pub(crate) fn from_view_with(
        view: &View,
        extra: &[(u32, u32)],
        kept: Option<&[bool]>,
    ) -> Graph {
        let n = view.n_nodes();
        let keep = |node: u32| kept.is_none_or(|mask| mask[node as usize]);
        let mut lists: Vec<Vec<u32>> = vec![Vec::new(); n];
        let arcs = (0..n as u32)
            .flat_map(|node| view.out_arcs().neighbors(node).iter().map(move |&next| (node, next)));
        let extra = extra.iter().copied().filter(|&(a, b)| (a as usize) < n && (b as usize) < n);
        for (node, next) in arcs.chain(extra) {
            if next != node && keep(node) && keep(next) {
                lists[node as usize].push(next);
                lists[next as usize].push(node);
            }
        }
        for list in &mut lists {
            list.sort_unstable();
            list.dedup();
        }
        Graph::from_lists(&lists)
    }

    /// From sorted, deduplicated neighbour lists.
    pub(crate) fn from_lists(lists: &[Vec<u32>]) -> Graph {
        let mut offsets = Vec::with_capacity(lists.len() + 1);
        offsets.push(0);
        let mut targets = Vec::with_capacity(lists.iter().map(Vec::len).sum());
        for list in lists {
            targets.extend_from_slice(list);
            offsets.push(targets.len());
        }
        Graph { offsets, targets }
    }

    /// The graph induced by `nodes` (ascending), renumbered 0.. in that order.
    pub(crate) fn induced(&self, nodes: &[u32]) -> Graph {
        let mut local = vec![UNREACHED; self.n()];
        for (index, &node) in nodes.iter().enumerate() {
            local[node as usize] = index as u32;
        }
        let lists: Vec<Vec<u32>> = nodes
            .iter()
            .map(|&node| {
                self.neighbors(node)
                    .iter()
                    .filter_map(|&next| {
                        let index = local[next as usize];
                        (index != UNREACHED).then_some(index)
                    })
                    .collect()
            })
            .collect();
        Graph::from_lists(&lists)
    }

    /// The number of nodes.
    pub(crate) fn n(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// The number of edges.
    pub(crate) fn n_edges(&self) -> usize {
        self.targets.len() / 2
    }

    /// The neighbours of `node`, ascending.
    pub(crate) fn neighbors(&self, node: u32) -> &[u32] {
        &self.targets[self.offsets[node as usize]..self.offsets[node as usize + 1]]
    }

    /// The connected components, each ascending, ordered by their smallest node.
    pub(crate) fn components(&self) -> Vec<Vec<u32>> {
        let n = self.n();
        let mut seen = vec![false; n];
        let mut components = Vec::new();
        for start in 0..n as u32 {
            if seen[start as usize] {
                continue;
            }
            seen[start as usize] = true;
            let mut members = vec![start];
            let mut head = 0;
            while head < members.len() {
                let node = members[head];
                head += 1;
                for &next in self.neighbors(node) {
                    if !seen[next as usize] {
                        seen[next as usize] = true;
                        members.push(next);
                    }
                }
            }
            members.sort_unstable();
            components.push(members);
        }
        components
    }

    /// Hop distances from `source` into `dist` (length n; [`UNREACHED`] where no path leads),
    /// with `queue` as scratch space. Returns the largest finite distance.
    pub(crate) fn bfs(&self, source: u32, dist: &mut [u32], queue: &mut Vec<u32>) -> u32 {
        dist.fill(UNREACHED);
        queue.clear();
        dist[source as usize] = 0;
        queue.push(source);
        let mut head = 0;
        let mut far = 0;
        while head < queue.len() {
            let node = queue[head];
            head += 1;
            let next_dist = dist[node as usize] + 1;
            for &next in self.neighbors(node) {
                if dist[next as usize] == UNREACHED {
                    dist[next as usize] = next_dist;
                    far = next_dist;
                    queue.push(next);
                }
            }
        }
        far
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(n: u32) -> Graph {
        let lists: Vec<Vec<u32>> = (0..n)
            .map(|i| {
                let mut list = Vec::new();
                if i > 0 {
                    list.push(i - 1);
                }
                if i + 1 < n {
                    list.push(i + 1);
                }
                list
            })
            .collect();
        Graph::from_lists(&lists)
    }

    #[test]
    fn path_distances_and_components() {
        let graph = path(5);
        let mut dist = vec![UNREACHED; 5];
        let far = graph.bfs(0, &mut dist, &mut Vec::new());
        assert_eq!(far, 4);
        assert_eq!(dist, vec![0, 1, 2, 3, 4]);
        assert_eq!(graph.n_edges(), 4);
        assert_eq!(graph.components(), vec![vec![0, 1, 2, 3, 4]]);
        let induced = graph.induced(&[1, 2, 4]);
        assert_eq!(induced.neighbors(0), &[1]);
        assert_eq!(induced.components(), vec![vec![0, 1], vec![2]]);
    }
}
