//! The context built once per coalition and date: its topics (themes first, then relation
//! topics around its members), who works on which topic, the Rijk actors near the coalition, the
//! Rijk–region ties matched to each topic ([`TieMatch`]) or to the deal's general ties, and the
//! partners of each regional member. Only relations and memberships that hold on the date count.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use super::model::{PlanTie, TieMatch};
use crate::model::{ActorId, CoalitionId, Date, Membership, Network, Relation, Side};
use crate::view::Scope;

/// A topic's identity: its text trimmed and lower-cased.
fn topic_key(text: &str) -> String {
    text.trim().to_lowercase()
}

/// One topic while the plan is computed.
pub(super) struct TopicEntry {
    pub(super) text: String,
    pub(super) is_theme: bool,
}

/// Everything the per-topic computations share.
pub(super) struct Context<'a> {
    pub(super) network: &'a Network,
    pub(super) coalition: CoalitionId,
    /// The date relations and memberships must hold on; `None`: every one counts.
    pub(super) at: Option<Date>,
    /// Topics in discovery order.
    pub(super) topics: Vec<TopicEntry>,
    /// Per actor: the topics (indices into `topics`) it works on.
    pub(super) works_on: FxHashMap<ActorId, BTreeSet<usize>>,
    /// Per actor: in the coalition's scope on the date, its members and their units
    /// ([`Scope::Coalition`]).
    pub(super) in_scope: Vec<bool>,
    /// Per actor: Rijk-side and near the coalition.
    pub(super) near_rijk: Vec<bool>,
    /// Per pair (Rijk end, region member) and topic: the tie.
    pub(super) ties: BTreeMap<usize, BTreeMap<(ActorId, ActorId), PlanTie>>,
    /// Per pair (Rijk end, region member): the general tie (relations without a topic that no
    /// topic claims).
    pub(super) general: BTreeMap<(ActorId, ActorId), PlanTie>,
    /// Per region-side member: the number of distinct actors it has explicit relations with.
    pub(super) n_ties: FxHashMap<ActorId, usize>,
}

impl<'a> Context<'a> {
    pub(super) fn new(
        network: &'a Network,
        coalition: CoalitionId,
        at: Option<Date>,
    ) -> Context<'a> {
        let n = network.actors().len();
        let in_scope = Scope::Coalition(coalition).actors(network, at);
        let holds = |relation: &Relation| {
            at.is_none_or(|date| relation.validity.contains(date))
                && relation.counts_in(Some(coalition))
        };

        // Topics: the coalition's themes first, then relation topics around its members.
        let mut topics: Vec<TopicEntry> = Vec::new();
        let mut topic_index: FxHashMap<String, usize> = FxHashMap::default();
        for theme in &network.coalition(coalition).themes {
            let key = topic_key(theme);
            if !key.is_empty() && !topic_index.contains_key(&key) {
                topic_index.insert(key, topics.len());
                topics.push(TopicEntry { text: theme.trim().to_owned(), is_theme: true });
            }
        }
        for relation in network.relations().iter().filter(|r| holds(r)) {
            let Some(topic) = relation.topic else { continue };
            if !in_scope[relation.source.index()] && !in_scope[relation.target.index()] {
                continue;
            }
            let text = network.topic(topic).trim();
            let key = topic_key(text);
            if key.is_empty() {
                continue;
            }
            match topic_index.get(&key) {
                Some(&index) => {
                    // Keep the first spelling by text order, so row order does not matter.
                    let entry = &mut topics[index];
                    if !entry.is_theme && text < entry.text.as_str() {
                        entry.text = text.to_owned();
                    }
                }
                None => {
                    topic_index.insert(key, topics.len());
                    topics.push(TopicEntry { text: text.to_owned(), is_theme: false });
                }
            }
        }
        // The relation topic (an interned id) → plan topic, when it is one.
        let relation_topic: Vec<Option<usize>> = network
            .topics()
            .iter()
            .map(|text| topic_index.get(&topic_key(text)).copied())
            .collect();

        // Who works on which topic.
        let mut works_on: FxHashMap<ActorId, BTreeSet<usize>> = FxHashMap::default();
        for actor in network.actor_ids() {
            for theme in &network.actor(actor).themes {
                if let Some(&index) = topic_index.get(&topic_key(theme)) {
                    works_on.entry(actor).or_default().insert(index);
                }
            }
        }
        for relation in network.relations().iter().filter(|r| holds(r)) {
            if let Some(index) = relation.topic.and_then(|t| relation_topic[t.index()]) {
                works_on.entry(relation.source).or_default().insert(index);
                works_on.entry(relation.target).or_default().insert(index);
            }
        }

        // Rijk-side actors near the coalition: in its scope (members and their units, as
        // `Scope::Coalition`), below a member, tied to an actor in its scope.
        let mut near_rijk = vec![false; n];
        for actor in network.actor_ids() {
            if network.side(actor) == Side::Rijk
                && ancestors_or_self(network, actor).any(|a| in_scope[a.index()])
            {
                near_rijk[actor.index()] = true;
            }
        }

        // Ties across the boundary, and the number of partners of each regional member.
        let mut ties: BTreeMap<usize, BTreeMap<(ActorId, ActorId), PlanTie>> = BTreeMap::new();
        let mut general: BTreeMap<(ActorId, ActorId), PlanTie> = BTreeMap::new();
        let mut partners: FxHashMap<ActorId, BTreeSet<ActorId>> = FxHashMap::default();
        for relation in network.relations().iter().filter(|r| holds(r)) {
            let (a, b) = (relation.source, relation.target);
            if a == b {
                continue;
            }
            for (this, other) in [(a, b), (b, a)] {
                if in_scope[this.index()] && network.side(this) == Side::Region {
                    partners.entry(this).or_default().insert(other);
                }
                if in_scope[other.index()] && network.side(this) == Side::Rijk {
                    near_rijk[this.index()] = true;
                }
            }
            let (rijk, region) = match (network.side(a), network.side(b)) {
                (Side::Rijk, Side::Region) if in_scope[b.index()] => (a, b),
                (Side::Region, Side::Rijk) if in_scope[a.index()] => (b, a),
                _ => continue,
            };
            let add = |by_pair: &mut BTreeMap<(ActorId, ActorId), PlanTie>, via: TieMatch| {
                let tie = by_pair.entry((rijk, region)).or_insert(PlanTie {
                    rijk,
                    region,
                    layers: Vec::new(),
                    via,
                    amount: None,
                });
                if !tie.layers.contains(&relation.layer) {
                    tie.layers.push(relation.layer);
                }
                tie.via = tie.via.min(via);
                if let Some(amount) = relation.amount {
                    tie.amount = Some(tie.amount.unwrap_or(0.0) + amount);
                }
            };
            match relation.topic {
                Some(topic) => {
                    if let Some(index) = relation_topic[topic.index()] {
                        add(ties.entry(index).or_default(), TieMatch::Topic);
                    }
                }
                None => {
                    let shared: Vec<usize> = match (works_on.get(&rijk), works_on.get(&region)) {
                        (Some(on_rijk), Some(on_region)) => {
                            on_rijk.intersection(on_region).copied().collect()
                        }
                        _ => Vec::new(),
                    };
                    if shared.is_empty() {
                        add(&mut general, TieMatch::General);
                    }
                    for index in shared {
                        add(ties.entry(index).or_default(), TieMatch::Themes);
                    }
                }
            }
        }
        let layer_order = |tie: &mut PlanTie| {
            tie.layers.sort_by(|&x, &y| {
                network.layers()[x.index()].name.cmp(&network.layers()[y.index()].name)
            });
        };
        ties.values_mut().flat_map(|by_pair| by_pair.values_mut()).for_each(layer_order);
        general.values_mut().for_each(layer_order);
        let n_ties = partners.into_iter().map(|(actor, set)| (actor, set.len())).collect();
        Context {
            network,
            coalition,
            at,
            topics,
            works_on,
            in_scope,
            near_rijk,
            ties,
            general,
            n_ties,
        }
    }

    /// The coalition's memberships that hold on the date.
    pub(super) fn memberships(&self) -> impl Iterator<Item = &'a Membership> + '_ {
        let at = self.at;
        self.network
            .members_of(self.coalition)
            .filter(move |m| at.is_none_or(|date| m.validity.contains(date)))
    }

    /// Whether `relation` holds on the date and counts in the coalition (it is part of no other
    /// coalition, [`Relation::counts_in`]).
    pub(super) fn holds(&self, relation: &Relation) -> bool {
        self.at.is_none_or(|date| relation.validity.contains(date))
            && relation.counts_in(Some(self.coalition))
    }

    /// The ties of one topic, or the general ones (`None`), by Rijk id then region id.
    pub(super) fn sorted_ties(&self, topic: Option<usize>) -> Vec<PlanTie> {
        let by_pair = match topic {
            Some(index) => self.ties.get(&index),
            None => Some(&self.general),
        };
        let mut ties: Vec<PlanTie> =
            by_pair.map(|by_pair| by_pair.values().cloned().collect()).unwrap_or_default();
        ties.sort_by(|a, b| {
            self.key(a.rijk)
                .cmp(self.key(b.rijk))
                .then_with(|| self.key(a.region).cmp(self.key(b.region)))
        });
        ties
    }

    pub(super) fn key(&self, actor: ActorId) -> &str {
        &self.network.actor(actor).key
    }

    pub(super) fn works(&self, actor: ActorId, topic: usize) -> bool {
        self.works_on.get(&actor).is_some_and(|set| set.contains(&topic))
    }

    pub(super) fn sort_by_key(&self, actors: &mut [ActorId]) {
        actors.sort_by(|&a, &b| self.key(a).cmp(self.key(b)));
    }
}

/// The actor and its ancestors, nearest first.
pub(super) fn ancestors_or_self(
    network: &Network,
    actor: ActorId,
) -> impl Iterator<Item = ActorId> + '_ {
    std::iter::successors(Some(actor), move |&a| network.actor(a).parent)
}
