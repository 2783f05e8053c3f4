//! Views: one question's selection of the network — scope, layers, level, date — as a compact
//! CSR graph with `u32` node indices that every analysis runs on.
//!
//! Building a view (DESIGN §2, §4.1):
//! 1. the actors in scope (all, or one coalition's members on the date) are folded into their
//!    topmost ancestor at the chosen level (an actor whose chain has no actor at that level
//!    stays itself); the distinct results are the nodes, numbered in the order of the actors'
//!    ids, so that no result depends on the order of rows in the files;
//! 2. every relation of a chosen layer that holds on the date and joins two nodes becomes an
//!    arc (a tie folded onto a single node disappears); the derived `comembership` layer adds
//!    an undirected tie per pair of co-members, weighted by the number of shared coalitions;
//! 3. if any chosen layer is directed the view is directed and an undirected relation becomes
//!    two arcs; otherwise every tie is undirected;
//! 4. parallel arcs between the same ordered pair merge, their weights summed in workspace
//!    order (so the result is the same at any thread count).

use crate::model::{
    ActorId, COMEMBERSHIP, CoalitionId, Date, LayerId, Level, Network, comembership_ties,
};

/// Which actors a view covers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// Every actor of the network.
    #[default]
    All,
    /// The members of one coalition (on the view's date, when it has one).
    Coalition(CoalitionId),
}

/// One layer a view draws its ties from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LayerChoice {
    /// An explicit layer of `relations.csv`.
    Explicit(LayerId),
    /// The derived layer of shared coalition membership.
    Comembership,
}

/// `comembership`, or `#i` for the workspace's i-th explicit layer (counting from 0, in the
/// order of [`Network::layers`]): a view does not know layer names, the network does.
impl std::fmt::Display for LayerChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LayerChoice::Explicit(id) => write!(f, "#{}", id.index()),
            LayerChoice::Comembership => f.write_str("comembership"),
        }
    }
}

/// The selection a view is built from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewSpec {
    /// Which actors.
    pub scope: Scope,
    /// Which layers; `None` means every explicit layer plus `comembership`.
    pub layers: Option<Vec<LayerChoice>>,
    /// Fold actors into their ancestor at this level.
    pub level: Option<Level>,
    /// Only relations and memberships that hold on this date.
    pub at: Option<Date>,
}

/// Why a view could not be built.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum ViewError {
    /// More arcs than `u32` indices can address.
    #[error(
        "the selection has {n_arcs} arcs; a view holds at most {} (choose fewer layers or a coalition)",
        u32::MAX
    )]
    TooLarge {
        /// Arcs the selection would need.
        n_arcs: u64,
    },
}

/// Compressed sparse rows: the arcs leaving (or entering) each node, sorted by neighbour.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Csr {
    offsets: Vec<u32>,
    neighbors: Vec<u32>,
    weights: Vec<f64>,
}

impl Csr {
    /// The neighbours of `node`, ascending.
    #[inline]
    pub fn neighbors(&self, node: u32) -> &[u32] {
        let (start, end) = self.range(node);
        &self.neighbors[start..end]
    }

    /// The weights of the arcs to [`Csr::neighbors`], in the same order.
    #[inline]
    pub fn weights(&self, node: u32) -> &[f64] {
        let (start, end) = self.range(node);
        &self.weights[start..end]
    }

    /// Number of arcs at `node`.
    #[inline]
    pub fn degree(&self, node: u32) -> usize {
        let (start, end) = self.range(node);
        end - start
    }

    /// Sum of the weights of the arcs at `node`.
    pub fn strength(&self, node: u32) -> f64 {
        // Folding from +0.0: an empty float sum is −0.0, which would print as `-0`.
        self.weights(node).iter().fold(0.0, |total, w| total + w)
    }

    /// Total number of arcs.
    pub fn n_arcs(&self) -> usize {
        self.neighbors.len()
    }

    /// Row offsets (`n + 1` entries), neighbour array and weight array, for kernels.
    pub fn parts(&self) -> (&[u32], &[u32], &[f64]) {
        (&self.offsets, &self.neighbors, &self.weights)
    }

    #[inline]
    fn range(&self, node: u32) -> (usize, usize) {
        let i = node as usize;
        (self.offsets[i] as usize, self.offsets[i + 1] as usize)
    }

    /// Builds rows from arcs `(from, to, weight)` given in workspace order, merging parallel
    /// arcs by summing their weights in that order.
    fn from_arcs(n_nodes: usize, arcs: &[(u32, u32, f64)]) -> Csr {
        let mut counts = vec![0u32; n_nodes + 1];
        for &(from, _, _) in arcs {
            counts[from as usize + 1] += 1;
        }
        for i in 0..n_nodes {
            counts[i + 1] += counts[i];
        }
        let mut next = counts.clone();
        let mut slots: Vec<(u32, f64)> = vec![(0, 0.0); arcs.len()];
        for &(from, to, weight) in arcs {
            let at = &mut next[from as usize];
            slots[*at as usize] = (to, weight);
            *at += 1;
        }
        let mut offsets = Vec::with_capacity(n_nodes + 1);
        let mut neighbors = Vec::with_capacity(arcs.len());
        let mut weights = Vec::with_capacity(arcs.len());
        offsets.push(0u32);
        for node in 0..n_nodes {
            let row = &mut slots[counts[node] as usize..counts[node + 1] as usize];
            // A stable sort keeps workspace order among parallel arcs, so sums are reproducible.
            row.sort_by_key(|&(to, _)| to);
            for &(to, weight) in row.iter() {
                if neighbors.len() > *offsets.last().unwrap_or(&0) as usize
                    && neighbors.last() == Some(&to)
                {
                    if let Some(last) = weights.last_mut() {
                        *last += weight;
                    }
                } else {
                    neighbors.push(to);
                    weights.push(weight);
                }
            }
            offsets.push(neighbors.len() as u32);
        }
        Csr { offsets, neighbors, weights }
    }

    /// The same arcs, reversed.
    fn transpose(&self, n_nodes: usize) -> Csr {
        let mut arcs = Vec::with_capacity(self.n_arcs());
        for from in 0..n_nodes as u32 {
            for (&to, &weight) in self.neighbors(from).iter().zip(self.weights(from)) {
                arcs.push((to, from, weight));
            }
        }
        Csr::from_arcs(n_nodes, &arcs)
    }
}

/// A network selection as a graph. Node `i` stands for actor [`View::actor`]`(i)`.
#[derive(Clone, Debug)]
pub struct View {
    actors: Vec<ActorId>,
    node_of_actor: Vec<u32>,
    directed: bool,
    layers: Vec<LayerChoice>,
    out_arcs: Csr,
    in_arcs: Option<Csr>,
}

const NOT_IN_VIEW: u32 = u32::MAX;

impl View {
    /// Builds the view of `network` selected by `spec`.
    ///
    /// # Errors
    /// [`ViewError::TooLarge`] when the selection needs more than `u32::MAX` arcs.
    ///
    /// # Complexity
    /// O(n + m log d) for n actors, m relations and d the largest degree (plus the pairs of
    /// co-members when `comembership` is chosen).
    pub fn build(network: &Network, spec: &ViewSpec) -> Result<View, ViewError> {
        let layers: Vec<LayerChoice> = spec.layers.clone().unwrap_or_else(|| {
            (0..network.layers().len())
                .map(|i| LayerChoice::Explicit(LayerId::from_index(i)))
                .chain(std::iter::once(LayerChoice::Comembership))
                .collect()
        });
        let folded: Option<Vec<ActorId>> = spec.level.map(|level| network.fold_to_level(level));
        let fold = |actor: ActorId| folded.as_ref().map_or(actor, |f| f[actor.index()]);

        // 1. Nodes: the folded images of the actors in scope, ordered by actor id.
        let n_actors = network.actors().len();
        let mut in_scope = vec![false; n_actors];
        match spec.scope {
            Scope::All => in_scope.iter_mut().for_each(|x| *x = true),
            Scope::Coalition(coalition) => {
                for membership in network.members_of(coalition) {
                    if spec.at.is_none_or(|date| membership.validity.contains(date)) {
                        in_scope[membership.actor.index()] = true;
                    }
                }
            }
        }
        let mut is_node = vec![false; n_actors];
        for actor in network.actor_ids() {
            if in_scope[actor.index()] {
                is_node[fold(actor).index()] = true;
            }
        }
        let actors: Vec<ActorId> =
            network.actor_ids_by_key().iter().copied().filter(|a| is_node[a.index()]).collect();
        let mut node_of_actor = vec![NOT_IN_VIEW; n_actors];
        for (node, actor) in actors.iter().enumerate() {
            node_of_actor[actor.index()] = node as u32;
        }
        // An actor maps to the node of its folded image, but only when it is itself in scope.
        let node = |actor: ActorId| -> Option<u32> {
            if !in_scope[actor.index()] {
                return None;
            }
            let n = node_of_actor[fold(actor).index()];
            (n != NOT_IN_VIEW).then_some(n)
        };

        // 2.–3. Arcs.
        let directed = layers.iter().any(|choice| match choice {
            LayerChoice::Explicit(layer) => network.layers()[layer.index()].directed,
            LayerChoice::Comembership => false,
        });
        let mut chosen = vec![false; network.layers().len()];
        for choice in &layers {
            if let LayerChoice::Explicit(layer) = choice {
                chosen[layer.index()] = true;
            }
        }
        let mut arcs: Vec<(u32, u32, f64)> = Vec::new();
        let mut add = |from: u32, to: u32, weight: f64, tie_directed: bool| {
            if from == to {
                return;
            }
            arcs.push((from, to, weight));
            if !(directed && tie_directed) {
                arcs.push((to, from, weight));
            }
        };
        for relation in network.relations() {
            if !chosen[relation.layer.index()]
                || spec.at.is_some_and(|date| !relation.validity.contains(date))
            {
                continue;
            }
            if let (Some(from), Some(to)) = (node(relation.source), node(relation.target)) {
                add(from, to, relation.weight, relation.directed);
            }
        }
        if layers.contains(&LayerChoice::Comembership) {
            for (a, b, shared) in comembership_ties(network, spec.at) {
                if let (Some(from), Some(to)) = (node(a), node(b)) {
                    add(from, to, f64::from(shared), false);
                }
            }
        }
        if arcs.len() as u64 > u64::from(u32::MAX - 1) {
            return Err(ViewError::TooLarge { n_arcs: arcs.len() as u64 });
        }

        // 4. Rows.
        let n_nodes = actors.len();
        let out_arcs = Csr::from_arcs(n_nodes, &arcs);
        drop(arcs);
        let in_arcs = directed.then(|| out_arcs.transpose(n_nodes));
        Ok(View { actors, node_of_actor, directed, layers, out_arcs, in_arcs })
    }

    /// Number of nodes.
    pub fn n_nodes(&self) -> usize {
        self.actors.len()
    }

    /// Number of arcs (an undirected tie counts twice).
    pub fn n_arcs(&self) -> usize {
        self.out_arcs.n_arcs()
    }

    /// Number of ties: arcs on a directed view, undirected edges otherwise.
    pub fn n_ties(&self) -> usize {
        if self.directed { self.n_arcs() } else { self.n_arcs() / 2 }
    }

    /// Whether ties have a direction.
    pub fn is_directed(&self) -> bool {
        self.directed
    }

    /// The layers the view draws from.
    pub fn layers(&self) -> &[LayerChoice] {
        &self.layers
    }

    /// The actor node `node` stands for.
    pub fn actor(&self, node: u32) -> ActorId {
        self.actors[node as usize]
    }

    /// The actors of all nodes, in node order.
    pub fn actors(&self) -> &[ActorId] {
        &self.actors
    }

    /// The node of `actor`, when the actor is a node of the view.
    pub fn node(&self, actor: ActorId) -> Option<u32> {
        self.node_of_actor.get(actor.index()).copied().filter(|&n| n != NOT_IN_VIEW)
    }

    /// Outgoing arcs (all arcs of an undirected view).
    pub fn out_arcs(&self) -> &Csr {
        &self.out_arcs
    }

    /// Incoming arcs (the same as [`View::out_arcs`] on an undirected view).
    pub fn in_arcs(&self) -> &Csr {
        self.in_arcs.as_ref().unwrap_or(&self.out_arcs)
    }

    /// The name of a layer choice.
    pub fn layer_name(network: &Network, choice: LayerChoice) -> &str {
        match choice {
            LayerChoice::Explicit(layer) => &network.layers()[layer.index()].name,
            LayerChoice::Comembership => COMEMBERSHIP,
        }
    }
}
