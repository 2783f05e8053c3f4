//! The workspace summary shown by `check`: actors by sector × level, layers, coalitions,
//! members by role and the depth of the hierarchy.

use std::collections::BTreeMap;

use crate::model::{COMEMBERSHIP, Level, Network, Role, Sector, comembership_pair_count};

/// Counts that describe a network at a glance.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Summary {
    /// Number of actors.
    pub n_actors: usize,
    /// Actors per (sector, level); `None` stands for an empty cell. (Serialized as a list of
    /// `{"sector", "level", "actors"}` records: JSON keys are strings, not pairs.)
    #[cfg_attr(feature = "serde", serde(serialize_with = "serialize_cells"))]
    pub actors_by_sector_level: BTreeMap<(Option<Sector>, Option<Level>), usize>,
    /// Per layer: name, directed, number of relations (explicit layers in workspace order, then
    /// `comembership` with its number of co-member pairs).
    pub layers: Vec<LayerSummary>,
    /// Number of coalitions.
    pub n_coalitions: usize,
    /// Per coalition: id, name, number of distinct members.
    pub coalitions: Vec<CoalitionSummary>,
    /// Memberships per role.
    pub members_by_role: BTreeMap<Role, usize>,
    /// Levels in the deepest parent chain (1 when no actor has a parent).
    pub hierarchy_depth: u32,
    /// Actors that have at least one child.
    pub n_parents: usize,
}

/// [`Summary::actors_by_sector_level`] as a list of records in key order.
#[cfg(feature = "serde")]
fn serialize_cells<S: serde::Serializer>(
    cells: &BTreeMap<(Option<Sector>, Option<Level>), usize>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    #[derive(serde::Serialize)]
    struct Cell {
        sector: Option<Sector>,
        level: Option<Level>,
        actors: usize,
    }
    serializer.collect_seq(cells.iter().map(|(&(sector, level), &actors)| Cell {
        sector,
        level,
        actors,
    }))
}

/// One layer's line in the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct LayerSummary {
    /// Layer name.
    pub name: String,
    /// Whether its ties are directed.
    pub directed: bool,
    /// Relations (or co-member pairs for `comembership`).
    pub n_ties: usize,
}

/// One coalition's line in the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CoalitionSummary {
    /// Coalition id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Distinct members.
    pub n_members: usize,
}

/// Summarizes `network`.
///
/// # Complexity
/// O(n + m + M) for M memberships, the co-member pairs counted without building them (see
/// [`comembership_pair_count`](crate::model::comembership_pair_count)).
pub fn summarize(network: &Network) -> Summary {
    let mut actors_by_sector_level = BTreeMap::new();
    for actor in network.actors() {
        *actors_by_sector_level.entry((actor.sector, actor.level)).or_insert(0) += 1;
    }
    let mut layers: Vec<LayerSummary> = network
        .layers()
        .iter()
        .map(|l| LayerSummary { name: l.name.clone(), directed: l.directed, n_ties: l.n_relations })
        .collect();
    if !network.coalitions().is_empty() {
        layers.push(LayerSummary {
            name: COMEMBERSHIP.to_owned(),
            directed: false,
            // Counted, not built: one large coalition makes |c|² / 2 pairs.
            n_ties: usize::try_from(comembership_pair_count(network, None)).unwrap_or(usize::MAX),
        });
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); network.coalitions().len()];
    let mut members_by_role = BTreeMap::new();
    for membership in network.memberships() {
        if membership.role.is_party() {
            members[membership.coalition.index()].push(membership.actor.index());
        }
        *members_by_role.entry(membership.role).or_insert(0) += 1;
    }
    let coalitions = network
        .coalitions()
        .iter()
        .zip(&mut members)
        .map(|(c, m)| {
            m.sort_unstable();
            m.dedup();
            CoalitionSummary { id: c.key.clone(), name: c.name.clone(), n_members: m.len() }
        })
        .collect();
    let mut has_child = vec![false; network.actors().len()];
    for actor in network.actors() {
        if let Some(parent) = actor.parent {
            has_child[parent.index()] = true;
        }
    }
    Summary {
        n_actors: network.actors().len(),
        actors_by_sector_level,
        layers,
        n_coalitions: network.coalitions().len(),
        coalitions,
        members_by_role,
        hierarchy_depth: network.hierarchy().n_levels(),
        n_parents: has_child.iter().filter(|&&x| x).count(),
    }
}
