//! The connectieplan of one coalition (DESIGN §5): per topic, who works on it on each side, which
//! Rijk–region ties carry it, whether it is covered, fragile or a gap, and which ties would close
//! the gaps; plus the signing ministries without a working tie and the dealmakers.
//!
//! The Regio Deal evaluations found that a topic that hangs on one person is fragile (staff turn
//! over, and the institutional memory leaves with them) and that a signature is not a working
//! relation. Rijk and region Twente drew up a *connectieplan* mapping which topics matter and who
//! on each side works on them; this module computes one from a workspace.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use super::theme_map::ministries_for_theme;
use crate::model::{ActorId, CoalitionId, LayerId, Network, Role, Side};

/// The connectieplan of one coalition.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Connectieplan {
    /// The coalition.
    pub coalition: CoalitionId,
    /// Its topics, by name (case ignored, then as written).
    pub topics: Vec<PlanTopic>,
    /// Rijk-side signatories none of which, nor any actor below it, has an explicit relation
    /// with a region-side member; by actor id.
    pub unconnected_signatories: Vec<ActorId>,
    /// Every Rijk-side signatory, by actor id.
    pub rijk_signatories: Vec<ActorId>,
    /// Members with role `dealmaker` or kind `dealmaker`, and actors of kind `dealmaker` tied to
    /// a member; by actor id.
    pub dealmakers: Vec<ActorId>,
}

/// How well a topic is carried across the Rijk–region boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TopicStatus {
    /// Two or more ties, and no single actor on all of them.
    Covered,
    /// One tie, or every tie through the same actor on one side.
    Fragile,
    /// No Rijk–region tie on the topic.
    Gap,
}

impl TopicStatus {
    /// Every status, from the best to the worst.
    pub const ALL: [TopicStatus; 3] =
        [TopicStatus::Covered, TopicStatus::Fragile, TopicStatus::Gap];

    /// `covered`, `fragile` or `gap`.
    pub fn as_str(self) -> &'static str {
        match self {
            TopicStatus::Covered => "covered",
            TopicStatus::Fragile => "fragile",
            TopicStatus::Gap => "gap",
        }
    }
}

/// One topic of the plan.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PlanTopic {
    /// The topic as written: the coalition's spelling when it is one of its themes, else the
    /// first by text order among the relation topics that name it.
    pub topic: String,
    /// Whether it is one of the coalition's themes (else it comes from relation topics only).
    pub is_theme: bool,
    /// Covered, fragile or gap.
    pub status: TopicStatus,
    /// Region-side members working on the topic (a theme of theirs, or a relation with that
    /// topic); when there are none, the region-side members who stand in for them: the leads,
    /// else the programme office, else the signatories. By actor id.
    pub regional_owners: Vec<RegionalOwner>,
    /// Rijk-side counterparts, by actor id: the Rijk actors near the coalition (members, actors
    /// below a member, actors tied to a member) working on the topic; when there are none, the
    /// ministries the topic maps to ([`ministries_for_theme`]) that the workspace holds.
    pub rijk_counterparts: Vec<Counterpart>,
    /// The Rijk–region ties carrying the topic, one per pair of actors, by Rijk id then region
    /// id.
    pub ties: Vec<PlanTie>,
    /// The actors that every tie runs through (the single points of failure of a fragile
    /// topic; empty for a covered topic or a gap), the Rijk end first.
    pub single_points: Vec<ActorId>,
    /// Ties that would close a gap, or give a fragile topic a second, independent tie; by Rijk
    /// id then region id.
    pub proposed: Vec<ProposedTie>,
}

/// A regional owner of a topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct RegionalOwner {
    /// The member.
    pub actor: ActorId,
    /// Why it owns the topic: it works on it, or it stands in as lead, programme office or
    /// signatory because no member is known to work on it.
    pub via: RegionalBasis,
}

/// A Rijk-side counterpart of a topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Counterpart {
    /// The actor.
    pub actor: ActorId,
    /// Why it is a counterpart.
    pub via: CounterpartSource,
}

/// Why a Rijk actor is a counterpart of a topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CounterpartSource {
    /// It works on the topic: one of its themes, or a relation with that topic.
    WorksOnIt,
    /// The default theme → ministry map points at it.
    ThemeMap,
}

impl CounterpartSource {
    /// `works_on_it` or `theme_map`.
    pub fn as_str(self) -> &'static str {
        match self {
            CounterpartSource::WorksOnIt => "works_on_it",
            CounterpartSource::ThemeMap => "theme_map",
        }
    }
}

/// A Rijk–region tie carrying a topic: every explicit relation between the pair that is about
/// the topic, merged.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PlanTie {
    /// The Rijk-side end.
    pub rijk: ActorId,
    /// The region-side end (a member of the coalition).
    pub region: ActorId,
    /// The layers of the merged relations, by layer name.
    pub layers: Vec<LayerId>,
    /// How the tie was found to be about the topic.
    pub via: TieMatch,
}

/// How a relation was found to be about a topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TieMatch {
    /// Its `topic` names the topic (for a merged tie: at least one relation's does).
    Topic,
    /// It has no topic and both ends work on the topic.
    Themes,
}

impl TieMatch {
    /// `topic` or `themes`.
    pub fn as_str(self) -> &'static str {
        match self {
            TieMatch::Topic => "topic",
            TieMatch::Themes => "themes",
        }
    }
}

/// A tie the plan proposes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ProposedTie {
    /// The Rijk-side end.
    pub rijk: ActorId,
    /// Why the Rijk end was chosen.
    pub rijk_basis: CounterpartSource,
    /// The region-side end.
    pub region: ActorId,
    /// Why the region end was chosen.
    pub region_basis: RegionalBasis,
    /// What the tie would do.
    pub goal: ProposalGoal,
}

/// Why a region-side member owns a topic, or was chosen as the end of a proposed tie.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum RegionalBasis {
    /// It works on the topic: one of its themes, or a relation with that topic.
    WorksOnIt,
    /// No member is known to work on the topic; a lead of the coalition.
    Lead,
    /// No member is known to work on it and there is no lead; the programme office.
    ProgrammeOffice,
    /// No member is known to work on it and there is no lead or programme office; a regional
    /// signatory.
    Signatory,
    /// Only members in other roles (for a proposed tie's end only).
    Member,
}

impl RegionalBasis {
    /// `works_on_it`, `lead`, `programme_office`, `signatory` or `member`.
    pub fn as_str(self) -> &'static str {
        match self {
            RegionalBasis::WorksOnIt => "works_on_it",
            RegionalBasis::Lead => "lead",
            RegionalBasis::ProgrammeOffice => "programme_office",
            RegionalBasis::Signatory => "signatory",
            RegionalBasis::Member => "member",
        }
    }
}

/// What a proposed tie is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ProposalGoal {
    /// The topic has no tie: this would be its first.
    CloseGap,
    /// The topic hangs on one tie or one person: this tie avoids that person and makes the
    /// topic covered.
    Cover,
    /// The topic hangs on one tie or one person and no pair avoids them all: this tie at least
    /// brings in one new person.
    Spread,
}

impl ProposalGoal {
    /// `close_gap`, `cover` or `spread`.
    pub fn as_str(self) -> &'static str {
        match self {
            ProposalGoal::CloseGap => "close_gap",
            ProposalGoal::Cover => "cover",
            ProposalGoal::Spread => "spread",
        }
    }
}

/// The connectieplan of `coalition`.
///
/// **Topics** are the coalition's themes plus the `topic`s of relations with at least one member
/// end; two spellings that differ only in case or surrounding spaces are one topic. An actor
/// **works on** a topic when one of its themes is the topic (case ignored) or a relation of its
/// has that topic.
///
/// For each topic:
/// - **regional owners**: region-side members working on it ([`Network::side`]: the root of the
///   parent chain is not national government); when none is known to, the members standing in
///   for them — the region-side leads, else the programme office, else the signatories (a
///   workspace with memberships only, like the bundled Regio Deals, still gets owners);
/// - **Rijk counterparts**: Rijk-side actors near the coalition (members, actors below a member,
///   actors with a relation to a member) working on it; when there are none, the ministries
///   [`ministries_for_theme`] maps the topic to, when the workspace holds them on the Rijk side;
/// - **ties**: explicit relations (any layer, either direction) between a Rijk-side actor and a
///   region-side member whose `topic` is the topic, or that have no topic while both ends work on
///   it (a relation with another topic is about that topic), merged per pair;
/// - **status**: `gap` without ties; `covered` with two or more ties (pairs) none of whose ends
///   is on all of them; else `fragile` (one tie, or all through one person — its
///   [`PlanTopic::single_points`]);
/// - **proposed ties**: for a gap, each counterpart with the regional end: the owner with the
///   most ties (distinct actors it has explicit relations with), then the broadest level, then
///   by id — or, without owners, the region-side member ranked so; for a fragile topic, the
///   first pair of a candidate counterpart (working counterparts, then mapped ministries outside
///   the existing tie ends' chains, then the other mapped ministries) and an owner (by the same
///   rank) that makes it covered, else the first new pair bringing in a new person.
///
/// **Unconnected signatories** are Rijk-side members with role `signatory` such that neither
/// they nor any actor below them has an explicit relation (any layer, any topic) with a
/// region-side member. **Dealmakers** are members with role `dealmaker` or kind `dealmaker`, and
/// actors of kind `dealmaker` with a relation to a member.
///
/// Dates are not applied: every relation and membership counts.
///
/// # Complexity
/// O(n·d + m·k + t·n + Σ c·o) for n actors of hierarchy depth d, m relations, k the most
/// topics two tied actors share, t topics, and per topic c counterparts and o owners.
pub fn connectieplan(network: &Network, coalition: CoalitionId) -> Connectieplan {
    let context = Context::new(network, coalition);
    let mut topics: Vec<PlanTopic> =
        (0..context.topics.len()).map(|index| context.topic(index)).collect();
    topics.sort_by(|a, b| {
        a.topic.to_lowercase().cmp(&b.topic.to_lowercase()).then(a.topic.cmp(&b.topic))
    });
    Connectieplan {
        coalition,
        topics,
        unconnected_signatories: context.unconnected_signatories(),
        rijk_signatories: context.rijk_signatories(None),
        dealmakers: context.dealmakers(),
    }
}

/// A topic's identity: its text trimmed and lower-cased.
fn topic_key(text: &str) -> String {
    text.trim().to_lowercase()
}

/// One topic while the plan is computed.
struct TopicEntry {
    text: String,
    is_theme: bool,
}

/// Everything the per-topic computations share.
struct Context<'a> {
    network: &'a Network,
    coalition: CoalitionId,
    /// Topics in discovery order.
    topics: Vec<TopicEntry>,
    /// Per actor: the topics (indices into `topics`) it works on.
    works_on: FxHashMap<ActorId, BTreeSet<usize>>,
    /// Per actor: member of the coalition.
    is_member: Vec<bool>,
    /// Per actor: Rijk-side and near the coalition.
    near_rijk: Vec<bool>,
    /// Per pair (Rijk end, region member) and topic: the tie.
    ties: BTreeMap<usize, BTreeMap<(ActorId, ActorId), PlanTie>>,
    /// Per region-side member: the number of distinct actors it has explicit relations with.
    n_ties: FxHashMap<ActorId, usize>,
}

impl<'a> Context<'a> {
    fn new(network: &'a Network, coalition: CoalitionId) -> Context<'a> {
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

    fn key(&self, actor: ActorId) -> &str {
        &self.network.actor(actor).key
    }

    fn works(&self, actor: ActorId, topic: usize) -> bool {
        self.works_on.get(&actor).is_some_and(|set| set.contains(&topic))
    }

    fn sort_by_key(&self, actors: &mut [ActorId]) {
        actors.sort_by(|&a, &b| self.key(a).cmp(self.key(b)));
    }

    fn topic(&self, index: usize) -> PlanTopic {
        let network = self.network;
        let entry = &self.topics[index];
        let mut working_owners: Vec<ActorId> = network
            .actor_ids()
            .filter(|&a| {
                self.is_member[a.index()] && network.side(a) == Side::Region && self.works(a, index)
            })
            .collect();
        self.sort_by_key(&mut working_owners);
        let owners: Vec<RegionalOwner> = if working_owners.is_empty() {
            self.stand_in_owners()
        } else {
            working_owners
                .into_iter()
                .map(|actor| RegionalOwner { actor, via: RegionalBasis::WorksOnIt })
                .collect()
        };

        let mut working: Vec<ActorId> = network
            .actor_ids()
            .filter(|&a| self.near_rijk[a.index()] && self.works(a, index))
            .collect();
        self.sort_by_key(&mut working);
        let mapped = self.mapped_ministries(&entry.text);
        let counterparts: Vec<Counterpart> = if working.is_empty() {
            mapped
                .iter()
                .map(|&actor| Counterpart { actor, via: CounterpartSource::ThemeMap })
                .collect()
        } else {
            working
                .iter()
                .map(|&actor| Counterpart { actor, via: CounterpartSource::WorksOnIt })
                .collect()
        };

        let mut ties: Vec<PlanTie> = self
            .ties
            .get(&index)
            .map(|by_pair| by_pair.values().cloned().collect())
            .unwrap_or_default();
        ties.sort_by(|a, b| {
            self.key(a.rijk)
                .cmp(self.key(b.rijk))
                .then_with(|| self.key(a.region).cmp(self.key(b.region)))
        });
        let pairs: Vec<(ActorId, ActorId)> = ties.iter().map(|t| (t.rijk, t.region)).collect();
        let single_points = single_points(&pairs);
        let status = if pairs.is_empty() {
            TopicStatus::Gap
        } else if pairs.len() >= 2 && single_points.is_empty() {
            TopicStatus::Covered
        } else {
            TopicStatus::Fragile
        };
        let single_points = if status == TopicStatus::Fragile { single_points } else { Vec::new() };

        let proposed = match status {
            TopicStatus::Covered => Vec::new(),
            TopicStatus::Gap => match self.regional_end(&owners) {
                Some((region, region_basis)) => counterparts
                    .iter()
                    .map(|c| ProposedTie {
                        rijk: c.actor,
                        rijk_basis: c.via,
                        region,
                        region_basis,
                        goal: ProposalGoal::CloseGap,
                    })
                    .collect(),
                None => Vec::new(),
            },
            TopicStatus::Fragile => self
                .second_tie(&pairs, &single_points, &working, &mapped, &owners)
                .into_iter()
                .collect(),
        };

        PlanTopic {
            topic: entry.text.clone(),
            is_theme: entry.is_theme,
            status,
            regional_owners: owners,
            rijk_counterparts: counterparts,
            ties,
            single_points,
            proposed,
        }
    }

    /// The Rijk-side ministries the topic maps to that the workspace holds, by id.
    fn mapped_ministries(&self, topic: &str) -> Vec<ActorId> {
        ministries_for_theme(topic)
            .into_iter()
            .filter_map(|key| self.network.actor_id(key))
            .filter(|&actor| self.network.side(actor) == Side::Rijk)
            .collect()
    }

    /// The region-side members that stand in as owners of a topic no member is known to work
    /// on: the leads, else the programme office, else the signatories; by id.
    fn stand_in_owners(&self) -> Vec<RegionalOwner> {
        for (role, via) in [
            (Role::Lead, RegionalBasis::Lead),
            (Role::ProgrammeOffice, RegionalBasis::ProgrammeOffice),
            (Role::Signatory, RegionalBasis::Signatory),
        ] {
            let mut found = self.regional_members(Some(role));
            if !found.is_empty() {
                self.sort_by_key(&mut found);
                return found.into_iter().map(|actor| RegionalOwner { actor, via }).collect();
            }
        }
        Vec::new()
    }

    /// Region-side members (with `role`, when given), deduplicated, in no particular order.
    fn regional_members(&self, role: Option<Role>) -> Vec<ActorId> {
        let mut found: Vec<ActorId> = self
            .network
            .members_of(self.coalition)
            .filter(|m| role.is_none_or(|r| m.role == r))
            .map(|m| m.actor)
            .filter(|&a| self.network.side(a) == Side::Region)
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The region end of a proposed tie: the owner with the most ties (see
    /// [`Context::regional_rank`]), or without owners the best region-side member.
    fn regional_end(&self, owners: &[RegionalOwner]) -> Option<(ActorId, RegionalBasis)> {
        if let Some(owner) = owners.iter().min_by(|a, b| self.regional_rank(a.actor, b.actor)) {
            return Some((owner.actor, owner.via));
        }
        self.regional_members(None)
            .into_iter()
            .min_by(|&a, &b| self.regional_rank(a, b))
            .map(|actor| (actor, RegionalBasis::Member))
    }

    /// Most ties first, then the broadest level (no level last), then by id.
    fn regional_rank(&self, a: ActorId, b: ActorId) -> std::cmp::Ordering {
        let ties = |x: ActorId| self.n_ties.get(&x).copied().unwrap_or(0);
        let level = |x: ActorId| self.network.actor(x).level.map_or(usize::MAX, |l| l as usize);
        ties(b)
            .cmp(&ties(a))
            .then_with(|| level(a).cmp(&level(b)))
            .then_with(|| self.key(a).cmp(self.key(b)))
    }

    /// A second tie for a fragile topic: the first candidate pair that makes it covered, else
    /// the first new pair that brings in a new person.
    fn second_tie(
        &self,
        pairs: &[(ActorId, ActorId)],
        pivots: &[ActorId],
        working: &[ActorId],
        mapped: &[ActorId],
        owners: &[RegionalOwner],
    ) -> Option<ProposedTie> {
        let network = self.network;
        // Rijk candidates: working counterparts, then mapped ministries outside the chains of
        // the existing Rijk ends, then the other mapped ministries.
        let in_tie_chain = |ministry: ActorId| {
            pairs.iter().any(|&(rijk, _)| ancestors_or_self(network, rijk).any(|a| a == ministry))
        };
        let mut rijk: Vec<(ActorId, CounterpartSource)> =
            working.iter().map(|&a| (a, CounterpartSource::WorksOnIt)).collect();
        for pass in [false, true] {
            for &ministry in mapped {
                if in_tie_chain(ministry) == pass && !rijk.iter().any(|&(a, _)| a == ministry) {
                    rijk.push((ministry, CounterpartSource::ThemeMap));
                }
            }
        }
        // Region candidates: owners by their ties, or the fallback end.
        let region: Vec<(ActorId, RegionalBasis)> = if owners.is_empty() {
            self.regional_end(owners).into_iter().collect()
        } else {
            let mut sorted = owners.to_vec();
            sorted.sort_by(|a, b| self.regional_rank(a.actor, b.actor));
            sorted.into_iter().map(|o| (o.actor, o.via)).collect()
        };
        let mut fallback: Option<ProposedTie> = None;
        for &(r, rijk_basis) in &rijk {
            for &(g, region_basis) in &region {
                if pairs.contains(&(r, g)) {
                    continue;
                }
                let mut with = pairs.to_vec();
                with.push((r, g));
                let proposal = ProposedTie {
                    rijk: r,
                    rijk_basis,
                    region: g,
                    region_basis,
                    goal: ProposalGoal::Cover,
                };
                if single_points(&with).is_empty() {
                    return Some(proposal);
                }
                let brings_new = !pivots.contains(&r) || !pivots.contains(&g);
                if fallback.is_none() && brings_new {
                    fallback = Some(ProposedTie { goal: ProposalGoal::Spread, ..proposal });
                }
            }
        }
        fallback
    }

    fn unconnected_signatories(&self) -> Vec<ActorId> {
        let connected = self.connected_rijk();
        self.rijk_signatories(Some(&connected))
    }

    /// The Rijk-side signatories, by id; with `connected`, only those not connected.
    fn rijk_signatories(&self, connected: Option<&[bool]>) -> Vec<ActorId> {
        let network = self.network;
        let mut signatories: Vec<ActorId> = network
            .members_of(self.coalition)
            .filter(|m| m.role == Role::Signatory)
            .map(|m| m.actor)
            .filter(|&a| network.side(a) == Side::Rijk)
            .filter(|&a| connected.is_none_or(|c| !c[a.index()]))
            .collect();
        signatories.sort_unstable();
        signatories.dedup();
        self.sort_by_key(&mut signatories);
        signatories
    }

    /// Per actor: it, or an actor below it, has an explicit relation with a region-side member.
    fn connected_rijk(&self) -> Vec<bool> {
        let network = self.network;
        let mut connected = vec![false; network.actors().len()];
        for relation in network.relations() {
            let (a, b) = (relation.source, relation.target);
            let rijk = match (network.side(a), network.side(b)) {
                (Side::Rijk, Side::Region) if self.is_member[b.index()] => a,
                (Side::Region, Side::Rijk) if self.is_member[a.index()] => b,
                _ => continue,
            };
            for ancestor in ancestors_or_self(network, rijk) {
                connected[ancestor.index()] = true;
            }
        }
        connected
    }

    fn dealmakers(&self) -> Vec<ActorId> {
        let network = self.network;
        let is_dealmaker_kind = |a: ActorId| {
            network.actor(a).kind.as_deref().is_some_and(|k| k.eq_ignore_ascii_case("dealmaker"))
        };
        let mut found: Vec<ActorId> = network
            .members_of(self.coalition)
            .filter(|m| m.role == Role::Dealmaker || is_dealmaker_kind(m.actor))
            .map(|m| m.actor)
            .collect();
        for relation in network.relations() {
            for (this, other) in
                [(relation.source, relation.target), (relation.target, relation.source)]
            {
                if is_dealmaker_kind(this) && self.is_member[other.index()] {
                    found.push(this);
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        self.sort_by_key(&mut found);
        found
    }
}

/// The actors on every pair (empty when there are no pairs).
fn single_points(pairs: &[(ActorId, ActorId)]) -> Vec<ActorId> {
    let Some(&(first_rijk, first_region)) = pairs.first() else {
        return Vec::new();
    };
    [first_rijk, first_region]
        .into_iter()
        .filter(|&actor| pairs.iter().all(|&(r, g)| r == actor || g == actor))
        .collect()
}

/// The actor and its ancestors, nearest first.
fn ancestors_or_self(network: &Network, actor: ActorId) -> impl Iterator<Item = ActorId> + '_ {
    std::iter::successors(Some(actor), move |&a| network.actor(a).parent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{Source, load};

    const FILES: [(&str, &[u8]); 4] = [
        ("actors.csv", include_bytes!("../../../fixtures/connectieplan/actors.csv")),
        ("relations.csv", include_bytes!("../../../fixtures/connectieplan/relations.csv")),
        ("coalitions.csv", include_bytes!("../../../fixtures/connectieplan/coalitions.csv")),
        ("members.csv", include_bytes!("../../../fixtures/connectieplan/members.csv")),
    ];

    fn network_of(files: &[(&str, Vec<u8>)]) -> Network {
        let files = files.iter().map(|(name, bytes)| ((*name).to_owned(), bytes.clone())).collect();
        load(&Source::Memory(files)).unwrap()
    }

    fn fixture() -> Network {
        network_of(&FILES.map(|(name, bytes)| (name, bytes.to_vec())))
    }

    /// The fixture with the data rows of every file in reverse order.
    fn fixture_reversed() -> Network {
        network_of(&FILES.map(|(name, bytes)| {
            let text = String::from_utf8(bytes.to_vec()).unwrap();
            let mut lines: Vec<&str> = text.lines().collect();
            lines[1..].reverse();
            (name, (lines.join("\n") + "\n").into_bytes())
        }))
    }

    fn plan_of(network: &Network, coalition: &str) -> Connectieplan {
        connectieplan(network, network.coalition_id(coalition).unwrap())
    }

    fn keys(network: &Network, actors: impl IntoIterator<Item = ActorId>) -> Vec<String> {
        actors.into_iter().map(|a| network.actor(a).key.clone()).collect()
    }

    fn topic<'a>(plan: &'a Connectieplan, name: &str) -> &'a PlanTopic {
        plan.topics.iter().find(|t| t.topic == name).unwrap()
    }

    #[test]
    fn topics_are_themes_plus_relation_topics_by_name_with_their_status() {
        let network = fixture();
        let plan = plan_of(&network, "twente");
        let statuses: Vec<(&str, TopicStatus, bool)> =
            plan.topics.iter().map(|t| (t.topic.as_str(), t.status, t.is_theme)).collect();
        assert_eq!(
            statuses,
            [
                ("arbeidsmarkt en talent", TopicStatus::Fragile, true),
                ("bereikbaarheid", TopicStatus::Gap, true),
                ("circulaire economie", TopicStatus::Covered, true),
                ("water en bodem", TopicStatus::Fragile, false),
            ]
        );
    }

    #[test]
    fn a_covered_topic_has_independent_ties_and_its_owners_and_counterparts() {
        let network = fixture();
        let plan = plan_of(&network, "twente");
        let circular = topic(&plan, "circulaire economie");
        let ties: Vec<(String, String, TieMatch)> = circular
            .ties
            .iter()
            .map(|t| {
                (network.actor(t.rijk).key.clone(), network.actor(t.region).key.clone(), t.via)
            })
            .collect();
        assert_eq!(
            ties,
            [
                ("dep_ezk_ik".to_owned(), "kn_utwente".to_owned(), TieMatch::Topic),
                ("dep_ezk_re".to_owned(), "twente_board".to_owned(), TieMatch::Topic),
                ("min_ezk".to_owned(), "prov_overijssel".to_owned(), TieMatch::Topic),
            ]
        );
        assert!(circular.single_points.is_empty());
        assert!(circular.proposed.is_empty());
        // VNO-NCW works on it through a regional tie with that topic.
        assert_eq!(
            keys(&network, circular.regional_owners.iter().map(|o| o.actor)),
            ["bus_vno_ncw", "kn_utwente", "prov_overijssel", "twente_board"]
        );
        assert!(circular.regional_owners.iter().all(|o| o.via == RegionalBasis::WorksOnIt));
        assert_eq!(
            keys(&network, circular.rijk_counterparts.iter().map(|c| c.actor)),
            ["dep_ezk_ik", "dep_ezk_re", "min_ezk"]
        );
    }

    #[test]
    fn a_topic_through_one_person_is_fragile_and_gets_a_second_independent_tie() {
        let network = fixture();
        let plan = plan_of(&network, "twente");
        let labour = topic(&plan, "arbeidsmarkt en talent");
        assert_eq!(labour.ties.len(), 2);
        // The tie with Saxion has no topic: both ends work on the theme.
        assert_eq!(labour.ties[1].via, TieMatch::Themes);
        assert_eq!(keys(&network, labour.single_points.iter().copied()), ["dep_ocw_mbo"]);
        let [proposal] = labour.proposed.as_slice() else { panic!("{:?}", labour.proposed) };
        assert_eq!(keys(&network, [proposal.rijk, proposal.region]), ["min_szw", "kn_saxion"]);
        assert_eq!(proposal.goal, ProposalGoal::Cover);
        assert_eq!(proposal.rijk_basis, CounterpartSource::ThemeMap);
        assert_eq!(proposal.region_basis, RegionalBasis::WorksOnIt);

        // One tie: both ends are single points; no owner besides the waterschap, so the
        // proposal can only bring in a new Rijk person.
        let water = topic(&plan, "water en bodem");
        assert_eq!(
            keys(&network, water.single_points.iter().copied()),
            ["min_lnv", "ws_vechtstromen"]
        );
        let [proposal] = water.proposed.as_slice() else { panic!("{:?}", water.proposed) };
        assert_eq!(
            keys(&network, [proposal.rijk, proposal.region]),
            ["min_ienw", "ws_vechtstromen"]
        );
        assert_eq!(proposal.goal, ProposalGoal::Spread);
    }

    #[test]
    fn a_gap_is_closed_by_the_mapped_ministry_and_the_owner_with_the_most_ties() {
        let network = fixture();
        let plan = plan_of(&network, "twente");
        let access = topic(&plan, "bereikbaarheid");
        assert!(access.ties.is_empty());
        assert_eq!(
            keys(&network, access.regional_owners.iter().map(|o| o.actor)),
            ["prov_overijssel", "regio_twente"]
        );
        let counterparts: Vec<(String, CounterpartSource)> = access
            .rijk_counterparts
            .iter()
            .map(|c| (network.actor(c.actor).key.clone(), c.via))
            .collect();
        assert_eq!(counterparts, [("min_ienw".to_owned(), CounterpartSource::ThemeMap)]);
        // Regio Twente has two partners, the province one.
        let [proposal] = access.proposed.as_slice() else { panic!("{:?}", access.proposed) };
        assert_eq!(keys(&network, [proposal.rijk, proposal.region]), ["min_ienw", "regio_twente"]);
        assert_eq!(proposal.goal, ProposalGoal::CloseGap);
    }

    #[test]
    fn signatories_without_a_working_tie_and_dealmakers_are_found() {
        let network = fixture();
        let plan = plan_of(&network, "twente");
        // BZK is connected through its dealmaker, LNV through the waterschap, EZK and OCW
        // through their directorates; IenW only signed.
        assert_eq!(keys(&network, plan.unconnected_signatories.iter().copied()), ["min_ienw"]);
        assert_eq!(
            keys(&network, plan.rijk_signatories.iter().copied()),
            ["min_bzk", "min_ezk", "min_ienw", "min_lnv", "min_ocw"]
        );
        assert_eq!(keys(&network, plan.dealmakers.iter().copied()), ["dm_twente"]);
    }

    #[test]
    fn the_plan_does_not_depend_on_the_order_of_rows() {
        let (a, b) = (fixture(), fixture_reversed());
        let (plan_a, plan_b) = (plan_of(&a, "twente"), plan_of(&b, "twente"));
        let summary = |network: &Network, plan: &Connectieplan| -> Vec<String> {
            let mut out: Vec<String> = plan
                .topics
                .iter()
                .map(|t| {
                    format!(
                        "{} {} owners={:?} counterparts={:?} ties={:?} points={:?} proposed={:?}",
                        t.topic,
                        t.status.as_str(),
                        keys(network, t.regional_owners.iter().map(|o| o.actor)),
                        keys(network, t.rijk_counterparts.iter().map(|c| c.actor)),
                        t.ties
                            .iter()
                            .map(|x| keys(network, [x.rijk, x.region]).join("-"))
                            .collect::<Vec<_>>(),
                        keys(network, t.single_points.iter().copied()),
                        t.proposed
                            .iter()
                            .map(|p| keys(network, [p.rijk, p.region]).join("-"))
                            .collect::<Vec<_>>(),
                    )
                })
                .collect();
            out.push(format!("{:?}", keys(network, plan.unconnected_signatories.iter().copied())));
            out.push(format!("{:?}", keys(network, plan.dealmakers.iter().copied())));
            out
        };
        assert_eq!(summary(&a, &plan_a), summary(&b, &plan_b));
    }

    #[test]
    fn without_relations_or_actor_themes_the_signatories_stand_in_and_every_topic_is_a_gap() {
        let network = network_of(&[
            (
                "actors.csv",
                b"id,name,sector,level,parent,kind\n\
                  rijk,Rijk,government,national,,\n\
                  min_ocw,OCW,government,national,rijk,ministry\n\
                  min_lnv,LNV,government,national,rijk,ministry\n\
                  gem_b,Gemeente B,government,municipal,,municipality\n\
                  prov,Provincie,government,provincial,,province\n\
                  roc,ROC,knowledge,regional,,vocational_college\n"
                    .to_vec(),
            ),
            ("coalitions.csv", b"id,name,themes\nd,Deal,onderwijs; techniek\n".to_vec()),
            (
                "members.csv",
                b"coalition,actor,role\nd,min_ocw,signatory\nd,min_lnv,signatory\n\
                  d,gem_b,signatory\nd,prov,signatory\nd,roc,involved\n"
                    .to_vec(),
            ),
        ]);
        let plan = plan_of(&network, "d");
        assert!(plan.topics.iter().all(|t| t.status == TopicStatus::Gap));
        let education = topic(&plan, "onderwijs");
        assert_eq!(
            keys(&network, education.regional_owners.iter().map(|o| o.actor)),
            ["gem_b", "prov"]
        );
        assert!(education.regional_owners.iter().all(|o| o.via == RegionalBasis::Signatory));
        // The province is the broadest level among equally tied signatories.
        let [proposal] = education.proposed.as_slice() else { panic!() };
        assert_eq!(keys(&network, [proposal.rijk, proposal.region]), ["min_ocw", "prov"]);
        assert_eq!(proposal.region_basis, RegionalBasis::Signatory);
        // No ministry holds "techniek": no counterpart, no proposal.
        let technology = topic(&plan, "techniek");
        assert!(technology.rijk_counterparts.is_empty() && technology.proposed.is_empty());
        assert_eq!(
            keys(&network, plan.unconnected_signatories.iter().copied()),
            ["min_lnv", "min_ocw"]
        );
        assert!(plan.dealmakers.is_empty());
    }

    #[test]
    fn single_points_are_the_actors_on_every_pair() {
        let [a, b, c, d] = [0, 1, 2, 3].map(ActorId::from_index);
        assert_eq!(single_points(&[]), []);
        assert_eq!(single_points(&[(a, b)]), [a, b]);
        assert_eq!(single_points(&[(a, b), (a, c)]), [a]);
        assert_eq!(single_points(&[(a, b), (c, b)]), [b]);
        assert!(single_points(&[(a, b), (c, d)]).is_empty());
        assert!(single_points(&[(a, b), (a, d), (c, b)]).is_empty());
    }
}
