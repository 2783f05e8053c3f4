//! Groupings of a view's nodes: what groups actors ([`GroupBy`]), the group of every node
//! ([`Grouping`]) and how it is read from a network ([`group_nodes`]).

use std::collections::BTreeMap;

use crate::analysis::AnalysisError;
use crate::model::{ActorId, Level, Network, Sector, Side};
use crate::view::View;

/// The label of the group of actors that have no value for the grouping (an empty `sector`
/// cell, a missing attribute): they form one group of their own, as R's `NA` does in
/// `sna::brokerage`.
pub const NO_GROUP: &str = "(none)";

/// What groups actors for brokerage roles and group flows (`--group-by` on the command
/// line, which reads it).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum GroupBy {
    /// The actor's [`Sector`].
    Sector,
    /// The actor's [`Level`].
    Level,
    /// Rijk or region ([`Network::side`]).
    Side,
    /// The actor's free `kind`.
    Kind,
    /// A free column of `actors.csv`, by its lower-case name.
    Attribute(String),
}

impl GroupBy {
    /// The name as written on the command line.
    pub fn name(&self) -> &str {
        match self {
            GroupBy::Sector => "sector",
            GroupBy::Level => "level",
            GroupBy::Side => "side",
            GroupBy::Kind => "kind",
            GroupBy::Attribute(name) => name,
        }
    }
}

/// The group of every node of a view.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Grouping {
    /// The group labels, indexed by group id: the values that occur among the view's nodes in
    /// their natural order (vocabulary order for sector and level, `rijk` before `region`,
    /// text order for `kind` and attributes), then [`NO_GROUP`] when some node has no value.
    pub labels: Vec<String>,
    /// The group id of each node, in node order (an index into `labels`).
    pub of_node: Vec<u32>,
}

impl Grouping {
    /// A grouping from each node's group id (`of_node`, in node order) and the group labels
    /// (`labels`, indexed by group id), for groupings that do not come from [`group_nodes`].
    ///
    /// # Errors
    /// [`AnalysisError::InvalidParameter`] when a node's group id is not below
    /// `labels.len()`. Whether there is one group per node is checked by the analysis that
    /// receives the grouping, which knows its view.
    pub fn new(of_node: Vec<u32>, labels: Vec<String>) -> Result<Grouping, AnalysisError> {
        if let Some(&bad) = of_node.iter().find(|&&g| g as usize >= labels.len()) {
            return Err(AnalysisError::InvalidParameter(format!(
                "group {bad} is out of range: there are {} groups",
                labels.len()
            )));
        }
        Ok(Grouping { labels, of_node })
    }

    /// The label of `node`'s group.
    pub fn label(&self, node: u32) -> &str {
        self.of_node
            .get(node as usize)
            .and_then(|&group| self.labels.get(group as usize))
            .map_or(NO_GROUP, String::as_str)
    }
}

/// Groups the nodes of `view` by `by`, reading each node's actor in `network`.
///
/// An actor without a value (empty `sector`, `level` or `kind` cell, no value in the attribute
/// column) is put in the one group labelled [`NO_GROUP`], shared by all such actors — the way R
/// treats `NA` in `sna::brokerage`'s class vector. `side` always has a value. On a folded view
/// (`--level`) the node's actor is the ancestor the others were folded into, and its value
/// counts.
///
/// # Errors
/// [`AnalysisError::InvalidParameter`] when `by` names an attribute that no actor of the
/// network has (the message lists the attributes that exist).
///
/// # Complexity
/// O(n log g) for n nodes and g distinct values.
pub fn group_nodes(
    network: &Network,
    view: &View,
    by: &GroupBy,
) -> Result<Grouping, AnalysisError> {
    if let GroupBy::Attribute(name) = by {
        let known = network.actors().iter().any(|actor| actor.attributes.contains_key(name));
        if !known {
            let mut names: Vec<&str> = network
                .actors()
                .iter()
                .flat_map(|actor| actor.attributes.keys().map(String::as_str))
                .collect();
            names.sort_unstable();
            names.dedup();
            let choices = ["sector", "level", "side", "kind"]
                .into_iter()
                .chain(names)
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ");
            return Err(AnalysisError::InvalidParameter(format!(
                "no actor has the attribute `{name}`; group by one of {choices}"
            )));
        }
    }
    // Sort keys give each grouping its natural order; `None` (no value) sorts last.
    let key_of = |actor: ActorId| -> (u32, Option<String>) {
        let actor_data = network.actor(actor);
        let rank_of = |rank: Option<usize>| rank.map_or(u32::MAX, |r| r as u32);
        match by {
            GroupBy::Sector => {
                let sector = actor_data.sector;
                let rank = sector.and_then(|s| Sector::ALL.iter().position(|x| *x == s));
                (rank_of(rank), sector.map(|s| s.as_str().to_owned()))
            }
            GroupBy::Level => {
                let level = actor_data.level;
                let rank = level.and_then(|l| Level::ALL.iter().position(|x| *x == l));
                (rank_of(rank), level.map(|l| l.as_str().to_owned()))
            }
            GroupBy::Side => {
                let side = network.side(actor);
                (if side == Side::Rijk { 0 } else { 1 }, Some(side.as_str().to_owned()))
            }
            GroupBy::Kind => {
                let kind = actor_data.kind.clone().filter(|k| !k.is_empty());
                (if kind.is_some() { 0 } else { u32::MAX }, kind)
            }
            GroupBy::Attribute(name) => {
                let value = actor_data.attributes.get(name).filter(|v| !v.is_empty()).cloned();
                (if value.is_some() { 0 } else { u32::MAX }, value)
            }
        }
    };
    let keys: Vec<(u32, Option<String>)> = view.actors().iter().map(|&a| key_of(a)).collect();
    let mut ids: BTreeMap<&(u32, Option<String>), u32> = keys.iter().map(|k| (k, 0)).collect();
    let mut labels = Vec::with_capacity(ids.len());
    for (next, (key, id)) in ids.iter_mut().enumerate() {
        *id = next as u32;
        labels.push(key.1.clone().unwrap_or_else(|| NO_GROUP.to_owned()));
    }
    let of_node = keys.iter().map(|k| ids.get(k).copied().unwrap_or(0)).collect();
    Ok(Grouping { labels, of_node })
}
