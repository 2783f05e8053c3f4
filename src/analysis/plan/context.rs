//! The context built once per coalition: its topics (themes first, then relation topics around
//! its members), who works on which topic, the Rijk actors near the coalition, the Rijk–region
//! ties matched to each topic ([`TieMatch`]) and the partners of each regional member.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use super::model::{PlanTie, TieMatch};
use crate::model::{ActorId, CoalitionId, Network, Side};

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
    /// Topics in discovery order.
    pub(super) topics: Vec<TopicEntry>,
    /// Per actor: the topics (indices into `topics`) it works on.
    pub(super) works_on: FxHashMap<ActorId, BTreeSet<usize>>,
    /// Per actor: member of the coalition.
    pub(super) is_member: Vec<bool>,
    /// Per actor: Rijk-side and near the coalition.
    pub(super) near_rijk: Vec<bool>,
    /// Per pair (Rijk end, region member) and topic: the tie.
    pub(super) ties: BTreeMap<usize, BTreeMap<(ActorId, ActorId), PlanTie>>,
    /// Per region-side member: the number of distinct actors it has explicit relations with.
    pub(super) n_ties: FxHashMap<ActorId, usize>,
}

impl<'a> Context<'a> {
    pub(super) fn new(network: &'a Network, coalition: CoalitionId) -> Context<'a> {
        let n = network.actors().len();
        let mut is_member = vec![false; n];
        for membership in network.members_of(coalition) {
            is_member[membership.actor.index()] = true;
        }

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
        for relation in network.relations() {
            let Some(topic) = relation.topic else { continue };
            if !is_member[relation.source.index()] && !is_member[relation.target.index()] {
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
        for relation in network.relations() {
            if let Some(index) = relation.topic.and_then(|t| relation_topic[t.index()]) {
                works_on.entry(relation.source).or_default().insert(index);
                works_on.entry(relation.target).or_default().insert(index);
            }
        }

        // Rijk-side actors near the coalition: members, below a member, tied to a member.
        let mut near_rijk = vec![false; n];
        for actor in network.actor_ids() {
            if network.side(actor) == Side::Rijk
                && ancestors_or_self(network, actor).any(|a| is_member[a.index()])
            {
                near_rijk[actor.index()] = true;
            }
        }

        // Ties across the boundary, and the number of partners of each regional member.
        let mut ties: BTreeMap<usize, BTreeMap<(ActorId, ActorId), PlanTie>> = BTreeMap::new();
        let mut partners: FxHashMap<ActorId, BTreeSet<ActorId>> = FxHashMap::default();
        for relation in network.relations() {
            let (a, b) = (relation.source, relation.target);
            if a == b {
                continue;
            }
            for (this, other) in [(a, b), (b, a)] {
                if is_member[this.index()] && network.side(this) == Side::Region {
                    partners.entry(this).or_default().insert(other);
                }
                if is_member[other.index()] && network.side(this) == Side::Rijk {
                    near_rijk[this.index()] = true;
                }
            }
            let (rijk, region) = match (network.side(a), network.side(b)) {
                (Side::Rijk, Side::Region) if is_member[b.index()] => (a, b),
                (Side::Region, Side::Rijk) if is_member[a.index()] => (b, a),
                _ => continue,
            };
            let mut add = |index: usize, via: TieMatch| {
                let tie = ties.entry(index).or_default().entry((rijk, region)).or_insert(PlanTie {
                    rijk,
                    region,
                    layers: Vec::new(),
                    via,
                });
                if !tie.layers.contains(&relation.layer) {
                    tie.layers.push(relation.layer);
                }
                tie.via = tie.via.min(via);
            };
            match relation.topic {
                Some(topic) => {
                    if let Some(index) = relation_topic[topic.index()] {
                        add(index, TieMatch::Topic);
                    }
                }
                None => {
                    if let (Some(on_rijk), Some(on_region)) =
                        (works_on.get(&rijk), works_on.get(&region))
                    {
                        for &index in on_rijk.intersection(on_region) {
                            add(index, TieMatch::Themes);
                        }
                    }
                }
            }
        }
        for by_pair in ties.values_mut() {
            for tie in by_pair.values_mut() {
                tie.layers.sort_by(|&x, &y| {
                    network.layers()[x.index()].name.cmp(&network.layers()[y.index()].name)
                });
            }
        }
        let n_ties = partners.into_iter().map(|(actor, set)| (actor, set.len())).collect();
        Context { network, coalition, topics, works_on, is_member, near_rijk, ties, n_ties }
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
