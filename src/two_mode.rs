//! The two-mode (actors × coalitions) network of a view's selection: the memberships that
//! hold on its date between the actors in its scope, folded as it folds them, and the
//! coalitions — as a bipartite graph, linear in the memberships.
//!
//! This is the data the `comembership` layers project onto the actors (every pair of members
//! of a coalition tied); the two-mode measures ([`two_mode_centrality`]) run on it directly.
//!
//! [`two_mode_centrality`]: crate::analysis::two_mode_centrality

use crate::model::{ActorId, CoalitionId, Network, members_by_coalition};
use crate::view::{Nodes, View, ViewError, ViewSpec};

/// The actors × coalitions network of a selection: who is a party to which coalition.
///
/// Built from a [`ViewSpec`] as a view would place actors, so that the two-mode data and the
/// `comembership` layers of the same spec agree:
/// - a membership counts when the member is a party ([`Role::is_party`](crate::Role::is_party):
///   not the coalition's own programme) and it holds on the spec's date (any date when none);
/// - its actor must be in the spec's scope (a coalition's scope: its members and their units;
///   their memberships of every coalition count, so the other deals they sit in show), and
///   stands for the node the view folds it into (`level`, `fold_kind`): a ministry's two
///   directorates in one deal are one membership of the ministry;
/// - the actor mode is the nodes with at least one such membership, in the view's node order
///   (by id); the coalition mode the coalitions with at least one member, by id. An actor
///   without memberships is not part of the two-mode data (it would only add zeros and change
///   the normalizations).
///
/// The spec's layers and weighting play no part.
///
/// # Example
/// ```
/// use stakenet::{Source, TwoMode, ViewSpec, load};
///
/// let network = load(&Source::Bundled).expect("the bundled workspace is valid");
/// let two_mode = TwoMode::build(&network, &ViewSpec::default()).expect("a valid selection");
/// assert_eq!(two_mode.n_coalitions(), network.coalitions().len());
/// let busiest = (0..two_mode.n_actors() as u32)
///     .max_by_key(|&a| (two_mode.coalitions_of(a).count(), std::cmp::Reverse(a)))
///     .expect("actors");
/// println!("{} sits in the most deals", network.actor(two_mode.actors()[busiest as usize]).name);
/// ```
#[derive(Clone, Debug)]
pub struct TwoMode {
    actors: Vec<ActorId>,
    coalitions: Vec<CoalitionId>,
    /// The bipartite graph, undirected: nodes `0..actors.len()` are the actors, then the
    /// coalitions; one tie per membership.
    graph: View,
}

impl TwoMode {
    /// The two-mode data of `spec`'s scope, folding and date (see [`TwoMode`]).
    ///
    /// # Errors
    /// [`ViewError::TooLarge`] when the memberships do not fit `u32` indices.
    ///
    /// # Complexity
    /// O(A + C + M log M) time and O(A + C + M) memory for A actors, C coalitions and M
    /// memberships: a coalition of 20,000 members is 20,000 ties, not the 200 million pairs of
    /// its projection.
    pub fn build(network: &Network, spec: &ViewSpec) -> Result<TwoMode, ViewError> {
        let nodes = Nodes::new(network, spec);
        let members = members_by_coalition(network, spec.at, |actor| nodes.node(actor));
        // The actor mode: view nodes with a membership, in node order.
        let mut is_member = vec![false; nodes.actors.len()];
        for &member in members.iter().flatten() {
            is_member[member as usize] = true;
        }
        let mut mode_index = vec![u32::MAX; nodes.actors.len()];
        let mut actors = Vec::new();
        for (node, _) in is_member.iter().enumerate().filter(|&(_, &member)| member) {
            mode_index[node] = actors.len() as u32;
            actors.push(nodes.actors[node]);
        }
        drop(is_member);
        // The coalition mode: coalitions with a member, by id.
        let mut coalitions: Vec<CoalitionId> =
            network.coalition_ids().filter(|c| !members[c.index()].is_empty()).collect();
        coalitions.sort_by(|&a, &b| network.coalition(a).key.cmp(&network.coalition(b).key));
        let n_actors = actors.len() as u64;
        let n_memberships: u64 = members.iter().map(|m| m.len() as u64).sum();
        let n_nodes = n_actors + coalitions.len() as u64;
        if n_nodes > u64::from(u32::MAX - 1) || 2 * n_memberships > u64::from(u32::MAX - 1) {
            return Err(ViewError::TooLarge { n_arcs: 2 * n_memberships });
        }
        let mode_index = &mode_index;
        let arcs = coalitions.iter().enumerate().flat_map(|(k, coalition)| {
            let node = (n_actors + k as u64) as u32;
            members[coalition.index()]
                .iter()
                .map(move |&member| (mode_index[member as usize], node, 1.0))
        });
        let graph = View::from_arcs(n_nodes as usize, arcs, false)?;
        Ok(TwoMode { actors, coalitions, graph })
    }

    /// The actor mode: the actors (folded, as the view's nodes) with at least one membership,
    /// by id. Actor `i` of the other methods is `actors()[i]`.
    pub fn actors(&self) -> &[ActorId] {
        &self.actors
    }

    /// The coalition mode: the coalitions with at least one member, by id. Coalition `k` of
    /// the other methods is `coalitions()[k]`.
    pub fn coalitions(&self) -> &[CoalitionId] {
        &self.coalitions
    }

    /// Number of actors.
    pub fn n_actors(&self) -> usize {
        self.actors.len()
    }

    /// Number of coalitions.
    pub fn n_coalitions(&self) -> usize {
        self.coalitions.len()
    }

    /// Number of memberships (ties of the bipartite graph), each (actor, coalition) once.
    pub fn n_memberships(&self) -> usize {
        self.graph.n_arcs() / 2
    }

    /// The members of coalition `k`, as actor indices, ascending.
    pub fn members(&self, k: u32) -> &[u32] {
        self.graph.out_arcs().neighbors(self.actors.len() as u32 + k)
    }

    /// The coalitions of actor `i`, as coalition indices, ascending.
    pub fn coalitions_of(&self, i: u32) -> impl ExactSizeIterator<Item = u32> + '_ {
        let n_actors = self.actors.len() as u32;
        self.graph.out_arcs().neighbors(i).iter().map(move |&node| node - n_actors)
    }

    /// The bipartite graph as an undirected view without actors of its own: nodes
    /// `0..n_actors()` are the actors, then the coalitions; weight 1 per membership.
    pub(crate) fn graph(&self) -> &View {
        &self.graph
    }
}

/// The two modes of the data: actors and coalitions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
pub enum Mode {
    /// The actors (parties).
    Actor,
    /// The coalitions (deals).
    Coalition,
}

impl Mode {
    /// `actor` or `coalition`, as outputs name the mode.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Actor => "actor",
            Mode::Coalition => "coalition",
        }
    }
}
