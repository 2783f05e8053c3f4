//! The network: actors, layers, relations, coalitions and memberships, validated and immutable.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::Date;
use super::actor::{Actor, Level, Sector};
use super::attributes::SparseAttributes;
use super::coalition::{Coalition, Membership};
use super::hierarchy::{Hierarchy, ParentCycles};
use super::ids::{ActorId, CoalitionId, LayerId, TopicId};
use super::layer::Layer;
use super::relation::Relation;

/// A validated stakeholder network. Built by [`NetworkBuilder`]; cannot change afterwards.
///
/// Invariants: every id refers to an existing entity; actor keys are unique, as are coalition
/// keys and layer names; the parent hierarchy is acyclic; weights are finite and > 0.
#[derive(Clone, Debug)]
pub struct Network {
    actors: Vec<Actor>,
    layers: Vec<Layer>,
    relations: Vec<Relation>,
    relation_attributes: SparseAttributes,
    topics: Vec<String>,
    coalitions: Vec<Coalition>,
    memberships: Vec<Membership>,
    hierarchy: Hierarchy,
    /// Actor ids by key, built on first use (loading has its own index).
    actor_by_key: std::sync::OnceLock<FxHashMap<String, ActorId>>,
    coalition_by_key: FxHashMap<String, CoalitionId>,
    /// Actors sorted by key, computed on first use (views order their nodes this way).
    by_key: std::sync::OnceLock<Vec<ActorId>>,
    /// The ministries with the names they answer to, computed on first use (`ministry.rs`).
    pub(super) ministries: std::sync::OnceLock<Vec<super::ministry::MinistryNames>>,
}

/// The first eight bytes of `key` as a big-endian number, zero-padded: comparing prefixes
/// compares the keys' starts in byte order.
fn key_prefix(key: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let len = key.len().min(8);
    bytes[..len].copy_from_slice(&key.as_bytes()[..len]);
    u64::from_be_bytes(bytes)
}

/// Whether an actor is national government: sector `government` at level `national`.
pub(super) fn is_national_government(actor: &Actor) -> bool {
    actor.sector == Some(Sector::Government) && actor.level == Some(Level::National)
}

/// Which side of a Rijk–region partnership an actor is on (DESIGN §3 `side`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
pub enum Side {
    /// The root of its parent chain is national government.
    Rijk,
    /// Everyone else.
    Region,
}

impl Side {
    /// `rijk` or `region`.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Rijk => "rijk",
            Side::Region => "region",
        }
    }
}

impl Network {
    /// All actors, indexed by [`ActorId`].
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// One actor.
    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id.index()]
    }

    /// The actor with workspace id `key`.
    pub fn actor_id(&self, key: &str) -> Option<ActorId> {
        self.actor_by_key
            .get_or_init(|| {
                self.actors
                    .iter()
                    .enumerate()
                    .map(|(i, a)| (a.key.clone(), ActorId::from_index(i)))
                    .collect()
            })
            .get(key)
            .copied()
    }

    /// Every actor id, ordered by the actors' keys (byte order of the id text). Views number
    /// their nodes in this order, so no result depends on the order of rows in the files.
    pub fn actor_ids_by_key(&self) -> &[ActorId] {
        self.by_key.get_or_init(|| {
            // Sorting by the keys' first eight bytes, and by the whole keys only where those are
            // equal, is the byte order of the keys: zero padding sorts a key before its
            // extensions, and a tie falls through to the full comparison.
            let mut ids: Vec<(u64, ActorId)> = self
                .actors
                .par_iter()
                .enumerate()
                .map(|(i, actor)| (key_prefix(&actor.key), ActorId::from_index(i)))
                .collect();
            // Keys are unique, so any sort gives the same order.
            ids.par_sort_unstable_by(|&(prefix_a, a), &(prefix_b, b)| {
                prefix_a
                    .cmp(&prefix_b)
                    .then_with(|| self.actors[a.index()].key.cmp(&self.actors[b.index()].key))
            });
            ids.into_iter().map(|(_, id)| id).collect()
        })
    }

    /// Every actor id, in workspace order.
    pub fn actor_ids(&self) -> impl ExactSizeIterator<Item = ActorId> + use<> {
        (0..self.actors.len()).map(ActorId::from_index)
    }

    /// Every coalition id, in workspace order.
    pub fn coalition_ids(&self) -> impl ExactSizeIterator<Item = CoalitionId> + use<> {
        (0..self.coalitions.len()).map(CoalitionId::from_index)
    }

    /// The explicit layers (the derived `comembership` layer is not among them).
    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// One explicit layer.
    pub fn layer(&self, id: LayerId) -> &Layer {
        &self.layers[id.index()]
    }

    /// The layer named `name` (ASCII case ignored).
    pub fn layer_id(&self, name: &str) -> Option<LayerId> {
        self.layers
            .iter()
            .position(|layer| layer.name.eq_ignore_ascii_case(name))
            .map(LayerId::from_index)
    }

    /// All relations, in workspace order.
    pub fn relations(&self) -> &[Relation] {
        &self.relations
    }

    /// Unknown columns of `relations.csv`, by relation position.
    pub fn relation_attributes(&self) -> &SparseAttributes {
        &self.relation_attributes
    }

    /// Interned relation topics, indexed by [`TopicId`].
    pub fn topics(&self) -> &[String] {
        &self.topics
    }

    /// The text of a topic.
    pub fn topic(&self, id: TopicId) -> &str {
        &self.topics[id.index()]
    }

    /// All coalitions, indexed by [`CoalitionId`].
    pub fn coalitions(&self) -> &[Coalition] {
        &self.coalitions
    }

    /// One coalition.
    pub fn coalition(&self, id: CoalitionId) -> &Coalition {
        &self.coalitions[id.index()]
    }

    /// The coalition with workspace id `key`.
    pub fn coalition_id(&self, key: &str) -> Option<CoalitionId> {
        self.coalition_by_key.get(key).copied()
    }

    /// All memberships, in workspace order.
    pub fn memberships(&self) -> &[Membership] {
        &self.memberships
    }

    /// The memberships of one coalition, in workspace order.
    pub fn members_of(&self, coalition: CoalitionId) -> impl Iterator<Item = &Membership> {
        self.memberships.iter().filter(move |m| m.coalition == coalition)
    }

    /// The memberships of one coalition's parties ([`Role::is_party`](super::Role::is_party): every role but the
    /// coalition's own programme), in workspace order.
    pub fn parties_of(&self, coalition: CoalitionId) -> impl Iterator<Item = &Membership> {
        self.members_of(coalition).filter(|m| m.role.is_party())
    }

    /// The parent hierarchy.
    pub fn hierarchy(&self) -> &Hierarchy {
        &self.hierarchy
    }

    /// Which side `actor` is on: Rijk when the root of its parent chain is national government.
    pub fn side(&self, actor: ActorId) -> Side {
        if is_national_government(self.actor(self.hierarchy.root(actor))) {
            Side::Rijk
        } else {
            Side::Region
        }
    }

    /// For each actor, the actor it folds into at `level`: its topmost ancestor (itself
    /// included) at that level, or itself when its chain has no actor at that level.
    pub fn fold_to_level(&self, level: Level) -> Vec<ActorId> {
        let parents: Vec<Option<ActorId>> = self.actors.iter().map(|a| a.parent).collect();
        let levels: Vec<Option<Level>> = self.actors.iter().map(|a| a.level).collect();
        self.hierarchy
            .fold_to_level(&parents, &levels, level)
            .into_iter()
            .enumerate()
            .map(|(i, folded)| folded.unwrap_or(ActorId::from_index(i)))
            .collect()
    }

    /// For each actor, the actor it folds into by `kind`: its nearest ancestor (itself
    /// included) whose `kind` is `kind` (ASCII case ignored), or itself when its chain has none.
    /// Folding by `ministry` turns every directorate and agency into its ministry and leaves
    /// the rest of the network as it is.
    ///
    /// # Complexity
    /// O(n): one pass parents-first.
    pub fn fold_to_kind(&self, kind: &str) -> Vec<ActorId> {
        let is_kind = |actor: &Actor| {
            actor.kind.as_deref().is_some_and(|k| k.trim().eq_ignore_ascii_case(kind.trim()))
        };
        let mut nearest: Vec<Option<ActorId>> = vec![None; self.actors.len()];
        for &actor in self.hierarchy.top_down() {
            let this = &self.actors[actor.index()];
            nearest[actor.index()] = if is_kind(this) {
                Some(actor)
            } else {
                this.parent.and_then(|p| nearest[p.index()])
            };
        }
        nearest
            .into_iter()
            .enumerate()
            .map(|(i, folded)| folded.unwrap_or(ActorId::from_index(i)))
            .collect()
    }

    /// The distinct `kind`s of the actors, as written (first spelling by actor order), sorted
    /// case-insensitively.
    pub fn kinds(&self) -> Vec<&str> {
        let mut kinds: Vec<&str> = Vec::new();
        for kind in self.actors.iter().filter_map(|a| a.kind.as_deref()) {
            let kind = kind.trim();
            if !kind.is_empty() && !kinds.iter().any(|k| k.eq_ignore_ascii_case(kind)) {
                kinds.push(kind);
            }
        }
        kinds.sort_by_key(|k| k.to_ascii_lowercase());
        kinds
    }

    /// Per actor: whether it is marked in `marked`, or is a unit of a marked actor — below it
    /// in the parent chain at the same level (or without a level) all the way up, so that a
    /// directorate counts for its ministry and a department for its province, while a
    /// municipality under a regional body stays a party of its own.
    ///
    /// # Complexity
    /// O(n): one pass parents-first.
    pub fn with_units_below(&self, marked: &[bool]) -> Vec<bool> {
        let mut covered = marked.to_vec();
        for &actor in self.hierarchy.top_down() {
            if let Some(parent) = self.unit_parent(actor) {
                if covered[parent.index()] {
                    covered[actor.index()] = true;
                }
            }
        }
        covered
    }

    /// Whether `actor` is a unit of another marked actor, as [`Network::with_units_below`]
    /// covers units: up its parent chain while each step stays at the same level (or has
    /// none), until a marked actor other than itself.
    ///
    /// # Complexity
    /// O(depth of `actor`).
    pub fn is_unit_of_marked(&self, actor: ActorId, marked: &[bool]) -> bool {
        let mut unit = actor;
        // The hierarchy is acyclic; the bound only keeps the walk finite whatever happens.
        for _ in 0..self.actors.len() {
            let Some(parent) = self.unit_parent(unit) else { return false };
            if parent != actor && marked[parent.index()] {
                return true;
            }
            unit = parent;
        }
        false
    }

    /// The parent `unit` counts for: its parent when the unit has no level or the parent's.
    fn unit_parent(&self, unit: ActorId) -> Option<ActorId> {
        let actor = &self.actors[unit.index()];
        let parent = actor.parent?;
        (actor.level.is_none() || actor.level == self.actors[parent.index()].level)
            .then_some(parent)
    }

    /// The latest date the data mentions: the last `since`/`until` of a relation or membership,
    /// or a coalition's start or end. `None` when the data carries no dates.
    pub fn latest_date(&self) -> Option<Date> {
        let relations = self.relations.iter().flat_map(|r| [r.validity.since, r.validity.until]);
        let memberships =
            self.memberships.iter().flat_map(|m| [m.validity.since, m.validity.until]);
        let coalitions = self.coalitions.iter().flat_map(|c| [c.start, c.end]);
        relations.chain(memberships).chain(coalitions).flatten().max()
    }

    /// Per layer (in layer order): how many of its relations carry an `amount`, and how many
    /// it has. One pass over the relations.
    pub fn amount_coverage(&self) -> Vec<AmountCoverage> {
        let mut coverage = vec![AmountCoverage::default(); self.layers.len()];
        for relation in &self.relations {
            let layer = &mut coverage[relation.layer.index()];
            layer.relations += 1;
            layer.with_amount += usize::from(relation.amount.is_some());
        }
        coverage
    }
}

/// How many relations of a layer carry an amount: an entry of [`Network::amount_coverage`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AmountCoverage {
    /// Relations of the layer.
    pub relations: usize,
    /// Those with an `amount`.
    pub with_amount: usize,
}

impl AmountCoverage {
    /// Every relation carries an amount (and there is at least one).
    pub fn all(&self) -> bool {
        self.relations > 0 && self.with_amount == self.relations
    }

    /// Some relations carry an amount and some do not.
    pub fn mixed(&self) -> bool {
        self.with_amount > 0 && self.with_amount < self.relations
    }
}

/// Assembles a [`Network`] from entities whose references are already resolved.
///
/// The loaders resolve ids and check values; the builder derives the hierarchy and indices and
/// refuses parent cycles.
#[derive(Debug, Default)]
pub struct NetworkBuilder {
    /// Actors, in workspace order.
    pub actors: Vec<Actor>,
    /// Explicit layers.
    pub layers: Vec<Layer>,
    /// Relations.
    pub relations: Vec<Relation>,
    /// Unknown relation columns.
    pub relation_attributes: SparseAttributes,
    /// Interned topics.
    pub topics: Vec<String>,
    /// Coalitions.
    pub coalitions: Vec<Coalition>,
    /// Memberships.
    pub memberships: Vec<Membership>,
}

impl NetworkBuilder {
    /// Builds the network, or reports every parent cycle.
    pub fn build(self) -> Result<Network, ParentCycles> {
        let hierarchy = self.hierarchy()?;
        Ok(self.build_with(hierarchy))
    }

    /// The parent hierarchy of the actors, or every parent cycle: the check
    /// [`NetworkBuilder::build`] makes, for a caller that reports cycles by the actors' keys.
    pub fn hierarchy(&self) -> Result<Hierarchy, ParentCycles> {
        let parents: Vec<Option<ActorId>> = self.actors.iter().map(|a| a.parent).collect();
        Hierarchy::new(&parents)
    }

    /// Builds the network with `hierarchy`, which is [`NetworkBuilder::hierarchy`]'s of the
    /// same actors.
    pub fn build_with(self, hierarchy: Hierarchy) -> Network {
        let coalition_by_key = self
            .coalitions
            .iter()
            .enumerate()
            .map(|(i, c)| (c.key.clone(), CoalitionId::from_index(i)))
            .collect();
        let mut layers = self.layers;
        for layer in &mut layers {
            layer.n_relations = 0;
        }
        for relation in &self.relations {
            layers[relation.layer.index()].n_relations += 1;
        }
        Network {
            actors: self.actors,
            layers,
            relations: self.relations,
            relation_attributes: self.relation_attributes,
            topics: self.topics,
            coalitions: self.coalitions,
            memberships: self.memberships,
            hierarchy,
            actor_by_key: std::sync::OnceLock::new(),
            coalition_by_key,
            by_key: std::sync::OnceLock::new(),
            ministries: std::sync::OnceLock::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn actors_sort_by_the_bytes_of_their_keys() {
        let keys = [
            "a10",
            "a1",
            "a",
            "",
            "a\u{0}",
            "a\u{0}\u{0}",
            "abcdefgh",
            "abcdefgh1",
            "abcdefgh0",
            "abcdefgi",
            "abcdefg",
            "ä",
            "Z",
            "abcdefghij",
            "abcdefghi",
            "b",
            "a100000000",
        ];
        let mut builder = NetworkBuilder::default();
        for key in keys {
            builder.actors.push(Actor {
                key: key.to_owned(),
                name: String::new(),
                sector: None,
                level: None,
                parent: None,
                kind: None,
                themes: Vec::new(),
                influence: None,
                successors: Vec::new(),
                attributes: BTreeMap::new(),
            });
        }
        let network = builder.build().unwrap();
        let sorted: Vec<&str> =
            network.actor_ids_by_key().iter().map(|&a| network.actor(a).key.as_str()).collect();
        let mut expected = keys.to_vec();
        expected.sort_unstable();
        assert_eq!(sorted, expected);
    }
}
