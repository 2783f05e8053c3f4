//! The view seen as a simple undirected graph: two actors are neighbours when a tie joins them
//! either way; the weight of the pair is the larger of its arcs' weights; each entry keeps the
//! directions of the arcs behind it (for the triad census).

use crate::view::View;

/// The arc from the node to the neighbour exists.
pub(crate) const OUT: u8 = 1;
/// The arc from the neighbour to the node exists.
pub(crate) const IN: u8 = 2;

/// A simple undirected graph in compressed rows, neighbours ascending, no self-loops.
#[derive(Clone, Debug, Default)]
pub(crate) struct Undirected {
    pub(crate) offsets: Vec<usize>,
    pub(crate) neighbors: Vec<u32>,
    pub(crate) weights: Vec<f64>,
    /// Per entry: [`OUT`] and/or [`IN`] (both on an undirected view).
    pub(crate) directions: Vec<u8>,
}

impl Undirected {
    /// The view with its ties taken either way. On an undirected view, its edges; on a directed
    /// (or mixed) view, the union of arcs out and in, the pair's weight the larger of the two.
    ///
    /// # Complexity
    /// O(n + m): one merge of the sorted rows out and in per node.
    pub(crate) fn of(view: &View) -> Undirected {
        let n = view.n_nodes();
        let out = view.out_arcs();
        let inc = view.in_arcs();
        let directed = view.is_directed();
        let mut graph = Undirected {
            offsets: Vec::with_capacity(n + 1),
            neighbors: Vec::with_capacity(out.n_arcs() * if directed { 2 } else { 1 }),
            weights: Vec::new(),
            directions: Vec::new(),
        };
        graph.weights.reserve(graph.neighbors.capacity());
        graph.directions.reserve(graph.neighbors.capacity());
        graph.offsets.push(0);
        for node in 0..n as u32 {
            let (a, wa) = (out.neighbors(node), out.weights(node));
            if !directed {
                graph.neighbors.extend_from_slice(a);
                graph.weights.extend_from_slice(wa);
                graph.directions.extend(std::iter::repeat_n(OUT | IN, a.len()));
            } else {
                let (b, wb) = (inc.neighbors(node), inc.weights(node));
                let (mut x, mut y) = (0, 0);
                while x < a.len() || y < b.len() {
                    let take_a = y >= b.len() || (x < a.len() && a[x] <= b[y]);
                    let take_b = x >= a.len() || (y < b.len() && b[y] <= a[x]);
                    let (neighbor, weight, direction) = match (take_a, take_b) {
                        (true, true) => (a[x], wa[x].max(wb[y]), OUT | IN),
                        (true, false) => (a[x], wa[x], OUT),
                        _ => (b[y], wb[y], IN),
                    };
                    if take_a {
                        x += 1;
                    }
                    if take_b {
                        y += 1;
                    }
                    graph.neighbors.push(neighbor);
                    graph.weights.push(weight);
                    graph.directions.push(direction);
                }
            }
            graph.offsets.push(graph.neighbors.len());
        }
        graph
    }

    pub(crate) fn n_nodes(&self) -> usize {
        self.offsets.len() - 1
    }

    #[inline]
    pub(crate) fn neighbors(&self, node: u32) -> &[u32] {
        &self.neighbors[self.offsets[node as usize]..self.offsets[node as usize + 1]]
    }

    #[inline]
    pub(crate) fn weights(&self, node: u32) -> &[f64] {
        &self.weights[self.offsets[node as usize]..self.offsets[node as usize + 1]]
    }

    #[inline]
    pub(crate) fn directions(&self, node: u32) -> &[u8] {
        &self.directions[self.offsets[node as usize]..self.offsets[node as usize + 1]]
    }

    #[inline]
    pub(crate) fn degree(&self, node: u32) -> usize {
        self.offsets[node as usize + 1] - self.offsets[node as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arcs_either_way_make_one_edge_with_the_larger_weight() {
        let view = View::from_arcs(3, [(0, 1, 2.0), (1, 0, 5.0), (2, 0, 1.0)], true).unwrap();
        let g = Undirected::of(&view);
        assert_eq!(g.neighbors(0), &[1, 2]);
        assert_eq!(g.weights(0), &[5.0, 1.0]);
        assert_eq!(g.directions(0), &[OUT | IN, IN]);
        assert_eq!(g.directions(2), &[OUT]);
    }
}
