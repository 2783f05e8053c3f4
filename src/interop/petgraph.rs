//! petgraph interop: `petgraph::algo` and `petgraph::visit` run on `&View` without copying it,
//! and views and networks convert to petgraph graphs.
//!
//! ```
//! use petgraph::algo::dijkstra;
//! use petgraph::visit::EdgeRef;
//! use stakenet::{Source, View, ViewSpec, load};
//!
//! let network = load(&Source::Bundled).expect("the bundled workspace is valid");
//! let view = View::build(&network, &ViewSpec::default()).expect("a valid selection");
//! // Strong ties are short: length 1 / weight, as `PathLength::InverseWeight`.
//! let lengths = dijkstra(&view, 0, None, |arc| 1.0 / *arc.weight());
//! assert_eq!(lengths[&0], 0.0);
//! ```
//!
//! # How petgraph sees a view
//!
//! - A node is its `u32` index in the view (`NodeId = u32`); its weight is the actor it stands
//!   for ([`View::actor`]). An arc's id is its position in the outgoing CSR
//!   ([`Csr::parts`](crate::Csr::parts)), `0..view.n_arcs()`; its weight is the tie weight
//!   (`f64`, strength: larger is stronger, so take `1.0 / weight` as a length).
//! - **Directedness.** petgraph fixes a graph's edge type at compile time, a view knows its
//!   own only at run time. So petgraph sees *every* view as directed
//!   (`GraphProp::EdgeType = Directed`, and `GraphProp::is_directed` is always `true`; ask
//!   [`View::is_directed`] for the view's own answer). An undirected view is the symmetric
//!   digraph: it stores each tie as two opposite arcs of equal weight, so neighbours, edges
//!   and incoming edges are those of the undirected graph, and paths, distances, reachability
//!   and components are the undirected ones. What counts edges counts each undirected tie
//!   twice: `EdgeCount::edge_count` is [`View::n_arcs`], `edge_references` yields both arcs.
//!   For a petgraph graph with one edge per tie, use [`View::to_petgraph_undirected`].
//! - Incoming arcs come from the view's reverse CSR ([`View::in_arcs`]), built with the view,
//!   so `neighbors_directed(node, Incoming)` costs nothing extra.
//! - Strongly connected components: use `petgraph::algo::kosaraju_scc`, which is iterative.
//!   Do not use `petgraph::algo::tarjan_scc` on user data: it recurses once per node of a
//!   path, so a long chain overflows the stack.
//!
//! [`Csr`]: crate::Csr

use ::petgraph::visit::{
    Data, EdgeCount, EdgeIndexable, EdgeRef, GraphBase, GraphProp, IntoEdgeReferences, IntoEdges,
    IntoEdgesDirected, IntoNeighbors, IntoNeighborsDirected, IntoNodeIdentifiers,
    IntoNodeReferences, NodeCompactIndexable, NodeCount, NodeIndexable, Visitable,
};
use ::petgraph::{Directed, Direction};
use fixedbitset::FixedBitSet;

use crate::model::{ActorId, LayerId, Network};
use crate::view::View;

/// One arc of a view, as petgraph's `EdgeRef`: `source → target`, id and weight.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArcRef<'a> {
    source: u32,
    target: u32,
    id: u32,
    weight: &'a f64,
}

impl EdgeRef for ArcRef<'_> {
    type NodeId = u32;
    type EdgeId = u32;
    type Weight = f64;

    fn source(&self) -> u32 {
        self.source
    }

    fn target(&self) -> u32 {
        self.target
    }

    fn weight(&self) -> &f64 {
        self.weight
    }

    fn id(&self) -> u32 {
        self.id
    }
}

/// Outgoing arcs of a view in CSR order: of one node (`IntoEdges::edges`) or of all nodes
/// (`IntoEdgeReferences::edge_references`).
#[derive(Clone, Debug)]
pub struct Arcs<'a> {
    offsets: &'a [u32],
    neighbors: &'a [u32],
    weights: &'a [f64],
    /// The source of the arc at `at` (advanced past empty rows).
    node: u32,
    at: u32,
    end: u32,
}

impl<'a> Iterator for Arcs<'a> {
    type Item = ArcRef<'a>;

    fn next(&mut self) -> Option<ArcRef<'a>> {
        if self.at >= self.end {
            return None;
        }
        while self.offsets[self.node as usize + 1] <= self.at {
            self.node += 1;
        }
        let at = self.at as usize;
        self.at += 1;
        Some(ArcRef {
            source: self.node,
            target: self.neighbors[at],
            id: at as u32,
            weight: &self.weights[at],
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = (self.end - self.at) as usize;
        (left, Some(left))
    }
}

impl ExactSizeIterator for Arcs<'_> {}

/// The arcs of a view at one node in one direction (`IntoEdgesDirected::edges_directed`):
/// outgoing in CSR order, or incoming in the order of their sources.
#[derive(Clone, Debug)]
pub struct DirectedArcs<'a> {
    view: &'a View,
    node: u32,
    direction: Direction,
    /// Position in the node's row of the outgoing or incoming CSR.
    at: usize,
}

impl<'a> Iterator for DirectedArcs<'a> {
    type Item = ArcRef<'a>;

    fn next(&mut self) -> Option<ArcRef<'a>> {
        let (offsets, neighbors, weights) = self.view.out_arcs().parts();
        let arc = match self.direction {
            Direction::Outgoing => {
                let id = offsets[self.node as usize] as usize + self.at;
                (id < offsets[self.node as usize + 1] as usize).then(|| ArcRef {
                    source: self.node,
                    target: neighbors[id],
                    id: id as u32,
                    weight: &weights[id],
                })
            }
            Direction::Incoming => {
                self.view.in_arcs().neighbors(self.node).get(self.at).map(|&source| {
                    // The arc source → node in the outgoing CSR, whose rows are sorted.
                    let row = self.view.out_arcs().neighbors(source);
                    let position = row.partition_point(|&to| to < self.node);
                    let id = offsets[source as usize] as usize + position;
                    ArcRef { source, target: self.node, id: id as u32, weight: &weights[id] }
                })
            }
        };
        self.at += 1;
        arc
    }
}

/// The nodes of a view with their actors (`IntoNodeReferences::node_references`).
#[derive(Clone, Debug)]
pub struct NodeRefs<'a> {
    actors: std::iter::Enumerate<std::slice::Iter<'a, ActorId>>,
}

impl<'a> Iterator for NodeRefs<'a> {
    type Item = (u32, &'a ActorId);

    fn next(&mut self) -> Option<(u32, &'a ActorId)> {
        self.actors.next().map(|(node, actor)| (node as u32, actor))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.actors.size_hint()
    }
}

impl ExactSizeIterator for NodeRefs<'_> {}

/// Nodes are `u32` indices, arcs their positions in the outgoing CSR.
impl GraphBase for View {
    type NodeId = u32;
    type EdgeId = u32;
}

/// Always [`Directed`]; an undirected view is its symmetric digraph (see the module docs).
impl GraphProp for View {
    type EdgeType = Directed;
}

/// Node weight: the actor; edge weight: the tie weight.
impl Data for View {
    type NodeWeight = ActorId;
    type EdgeWeight = f64;
}

/// [`View::n_nodes`].
impl NodeCount for View {
    fn node_count(&self) -> usize {
        self.n_nodes()
    }
}

/// [`View::n_arcs`]: an undirected tie counts twice.
impl EdgeCount for View {
    fn edge_count(&self) -> usize {
        self.n_arcs()
    }
}

/// Node `i` has index `i`.
impl NodeIndexable for View {
    fn node_bound(&self) -> usize {
        self.n_nodes()
    }

    fn to_index(&self, node: u32) -> usize {
        node as usize
    }

    fn from_index(&self, index: usize) -> u32 {
        index as u32
    }
}

/// Every index below [`View::n_nodes`] is a node.
impl NodeCompactIndexable for View {}

/// An arc's index is its position in the outgoing CSR.
impl EdgeIndexable for View {
    fn edge_bound(&self) -> usize {
        self.n_arcs()
    }

    fn to_index(&self, arc: u32) -> usize {
        arc as usize
    }

    fn from_index(&self, index: usize) -> u32 {
        index as u32
    }
}

/// A bit per node.
impl Visitable for View {
    type Map = FixedBitSet;

    fn visit_map(&self) -> FixedBitSet {
        FixedBitSet::with_capacity(self.n_nodes())
    }

    fn reset_map(&self, map: &mut FixedBitSet) {
        map.clear();
        map.grow(self.n_nodes());
    }
}

/// The heads of a node's outgoing arcs, ascending.
impl<'a> IntoNeighbors for &'a View {
    type Neighbors = std::iter::Copied<std::slice::Iter<'a, u32>>;

    fn neighbors(self, node: u32) -> Self::Neighbors {
        self.out_arcs().neighbors(node).iter().copied()
    }
}

/// Outgoing: the heads of the node's arcs; incoming: the tails of the arcs into it; both
/// ascending (the same on an undirected view).
impl<'a> IntoNeighborsDirected for &'a View {
    type NeighborsDirected = std::iter::Copied<std::slice::Iter<'a, u32>>;

    fn neighbors_directed(self, node: u32, direction: Direction) -> Self::NeighborsDirected {
        let rows = match direction {
            Direction::Outgoing => self.out_arcs(),
            Direction::Incoming => self.in_arcs(),
        };
        rows.neighbors(node).iter().copied()
    }
}

/// `0..n_nodes`.
impl IntoNodeIdentifiers for &View {
    type NodeIdentifiers = std::ops::Range<u32>;

    fn node_identifiers(self) -> std::ops::Range<u32> {
        0..self.n_nodes() as u32
    }
}

/// Each node with its actor, in node order.
impl<'a> IntoNodeReferences for &'a View {
    type NodeRef = (u32, &'a ActorId);
    type NodeReferences = NodeRefs<'a>;

    fn node_references(self) -> NodeRefs<'a> {
        NodeRefs { actors: self.actors().iter().enumerate() }
    }
}

/// Every arc, by source then target (both arcs of an undirected tie).
impl<'a> IntoEdgeReferences for &'a View {
    type EdgeRef = ArcRef<'a>;
    type EdgeReferences = Arcs<'a>;

    fn edge_references(self) -> Arcs<'a> {
        let (offsets, neighbors, weights) = self.out_arcs().parts();
        Arcs { offsets, neighbors, weights, node: 0, at: 0, end: neighbors.len() as u32 }
    }
}

/// The arcs leaving a node, by target.
impl<'a> IntoEdges for &'a View {
    type Edges = Arcs<'a>;

    fn edges(self, node: u32) -> Arcs<'a> {
        let (offsets, neighbors, weights) = self.out_arcs().parts();
        let (at, end) = (offsets[node as usize], offsets[node as usize + 1]);
        Arcs { offsets, neighbors, weights, node, at, end }
    }
}

/// Outgoing: as [`IntoEdges`]; incoming: the arcs into the node (`target()` is the node), by
/// source, each with its id and weight in the outgoing CSR.
impl<'a> IntoEdgesDirected for &'a View {
    type EdgesDirected = DirectedArcs<'a>;

    fn edges_directed(self, node: u32, direction: Direction) -> DirectedArcs<'a> {
        DirectedArcs { view: self, node, direction, at: 0 }
    }
}

impl View {
    /// The view as a petgraph directed graph: node `i` is view node `i` with its actor, one
    /// edge per arc (in CSR order, so edge `k` is arc `k`) with its weight. An undirected view
    /// gives both arcs of each tie.
    pub fn to_petgraph_directed(&self) -> ::petgraph::graph::DiGraph<ActorId, f64, u32> {
        let mut graph = ::petgraph::graph::DiGraph::with_capacity(self.n_nodes(), self.n_arcs());
        for &actor in self.actors() {
            graph.add_node(actor);
        }
        for arc in self.edge_references() {
            graph.add_edge(arc.source.into(), arc.target.into(), *arc.weight);
        }
        graph
    }

    /// The view as a petgraph undirected graph, one edge per tie (from its smaller node, in
    /// CSR order) with its weight; node `i` is view node `i` with its actor. `None` for a
    /// directed view.
    pub fn to_petgraph_undirected(&self) -> Option<::petgraph::graph::UnGraph<ActorId, f64, u32>> {
        if self.is_directed() {
            return None;
        }
        let mut graph = ::petgraph::graph::UnGraph::with_capacity(self.n_nodes(), self.n_ties());
        for &actor in self.actors() {
            graph.add_node(actor);
        }
        for arc in self.edge_references().filter(|arc| arc.source < arc.target) {
            graph.add_edge(arc.source.into(), arc.target.into(), *arc.weight);
        }
        Some(graph)
    }
}

/// A relation of a network as an edge of [`Network::to_petgraph`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RelationEdge {
    /// Position of the relation in [`Network::relations`] (for its amount, topic and dates).
    pub relation: usize,
    /// Its layer.
    pub layer: LayerId,
    /// Its weight (strength, finite and > 0).
    pub weight: f64,
    /// Whether the relation has a direction; an undirected one is still one edge, source to
    /// target as written.
    pub directed: bool,
}

impl Network {
    /// The whole network as a petgraph multigraph: node `i` is actor `i` (workspace order, not
    /// the key order of views), one edge per relation from source to target, in workspace
    /// order (edge `k` is relation `k`), keeping its layer, weight and directedness. Nothing is
    /// folded, filtered by date or merged, and the derived `comembership` layer is absent.
    ///
    /// # Panics
    /// Only for a network of `u32::MAX` or more relations, which petgraph's `u32` edge indices
    /// cannot hold; no loader builds one (a table holds at most
    /// [`MAX_ROWS`](crate::io::MAX_ROWS) rows).
    pub fn to_petgraph(&self) -> ::petgraph::graph::DiGraph<ActorId, RelationEdge, u32> {
        let mut graph =
            ::petgraph::graph::DiGraph::with_capacity(self.actors().len(), self.relations().len());
        for actor in self.actor_ids() {
            graph.add_node(actor);
        }
        for (index, relation) in self.relations().iter().enumerate() {
            let edge = RelationEdge {
                relation: index,
                layer: relation.layer,
                weight: relation.weight,
                directed: relation.directed,
            };
            graph.add_edge(
                (relation.source.index() as u32).into(),
                (relation.target.index() as u32).into(),
                edge,
            );
        }
        graph
    }
}
