//! What the connectieplan drawing shows ([`PlanGraph`]): the Rijk tree, the topics, the region
//! by sector, and the lines between them, each column in drawing order (the order comes from
//! the crossing reduction in `crossing`). The DOT writer draws this graph; the layout places it.
//! Every loop over the parent hierarchy is iterative.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use super::document::GENERAL_TOPIC;
use crate::analysis::{Connectieplan, PlanTie, ProposalGoal, RegionalBasis, TieMatch, TopicStatus};
use crate::model::{ActorId, Network, Sector, Side};
use crate::render::report::format::money;

/// What a line between an actor and a topic means, in drawing priority (the later wins when an
/// actor has several on one topic).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum LineKind {
    /// The actor works on the topic but has no tie on it yet.
    Works,
    /// The actor is an end of a proposed tie on the topic.
    Proposed,
    /// The actor is an end of a general tie (without a topic; drawn to the general row).
    General,
    /// The actor is an end of an existing tie on a topic with this status.
    Tie(TopicStatus),
}

/// What an item of a column stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Label {
    /// An actor drawn as a node (as a group: the group's header node).
    Actor(ActorId),
    /// An ancestor of drawn actors, drawn only as the label of its box.
    Ancestor(ActorId),
    /// The region's partners of one sector (`None`: no sector given).
    Sector(Option<Sector>),
}

/// One item of a side column: a node, or a box of items.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Item {
    /// What it stands for.
    pub(crate) label: Label,
    /// Items inside its box, in drawing order (empty for a plain node).
    pub(crate) children: Vec<usize>,
    /// Nesting depth (0 for a top item).
    pub(crate) depth: usize,
}

/// A side column: items in an arena, with the top items in drawing order.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Forest {
    /// Every item.
    pub(crate) items: Vec<Item>,
    /// The top items, in drawing order.
    pub(crate) roots: Vec<usize>,
}

/// An item of the middle column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MiddleItem {
    /// A dealmaker drawn between the sides.
    Dealmaker(ActorId),
    /// A topic, by index into [`Connectieplan::topics`]; the index `topics.len()` is the
    /// general row ([`general_row`]).
    Topic(usize),
}

/// The index of the general row (the ties without a topic) among the topics: one past the
/// last topic.
pub(crate) fn general_row(plan: &Connectieplan) -> usize {
    plan.topics.len()
}

/// A line between an actor on a side and a topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    /// The actor.
    pub(crate) actor: ActorId,
    /// The column it is in.
    pub(crate) side: Side,
    /// The topic, by index into [`Connectieplan::topics`] (or the [`general_row`]).
    pub(crate) topic: usize,
    /// What the line means.
    pub(crate) kind: LineKind,
}

/// What the drawing shows, with every column in drawing order.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PlanGraph {
    /// The Rijk column: national government → ministry → department boxes.
    pub(crate) rijk: Forest,
    /// The middle column: dealmakers, then topics.
    pub(crate) middle: Vec<MiddleItem>,
    /// The region column: one box per sector.
    pub(crate) region: Forest,
    /// Lines between actors and topics, by topic then side then actor.
    pub(crate) lines: Vec<Line>,
    /// Rijk signatories without a working tie.
    pub(crate) unconnected: BTreeSet<ActorId>,
    /// Dealmakers.
    pub(crate) dealmakers: BTreeSet<ActorId>,
}

impl PlanGraph {
    /// The drawing of `plan`, its columns ordered to reduce crossing lines.
    ///
    /// Drawn: on the Rijk side the counterparts, the Rijk ends of ties (general ones too) and
    /// proposals and the unconnected signatories, inside boxes of their ancestors; in the middle
    /// the dealmakers (unless they are drawn on a side), the topics and, when there are general
    /// ties, the general row; on the region side the owners and the
    /// region ends of ties and proposals, in one box per sector. Owners standing in for a topic
    /// no member is known to work on get no "works on it" line.
    pub(crate) fn new(network: &Network, plan: &Connectieplan) -> PlanGraph {
        let mut graph = PlanGraph::unordered(network, plan);
        graph.reduce_crossings();
        graph
    }

    /// The drawing with every column in its first order: boxes and actors by id, topics by
    /// name.
    pub(super) fn unordered(network: &Network, plan: &Connectieplan) -> PlanGraph {
        let mut best: BTreeMap<(ActorId, usize), LineKind> = BTreeMap::new();
        let mut put = |actor: ActorId, topic: usize, kind: LineKind| {
            let entry = best.entry((actor, topic)).or_insert(kind);
            *entry = (*entry).max(kind);
        };
        for (index, topic) in plan.topics.iter().enumerate() {
            // Members standing in as owners (no one is known to work on the topic) are drawn,
            // but not tied to every topic: they would only say that they signed.
            for owner in &topic.regional_owners {
                if owner.via != RegionalBasis::WorksOnIt {
                    continue;
                }
                put(owner.actor, index, LineKind::Works);
            }
            for counterpart in &topic.rijk_counterparts {
                put(counterpart.actor, index, LineKind::Works);
            }
            for proposal in &topic.proposed {
                put(proposal.rijk, index, LineKind::Proposed);
                put(proposal.region, index, LineKind::Proposed);
            }
            for tie in &topic.ties {
                put(tie.rijk, index, LineKind::Tie(topic.status));
                put(tie.region, index, LineKind::Tie(topic.status));
            }
        }
        for tie in &plan.general {
            put(tie.rijk, general_row(plan), LineKind::General);
            put(tie.region, general_row(plan), LineKind::General);
        }
        let mut lines: Vec<Line> = best
            .into_iter()
            .map(|((actor, topic), kind)| Line { actor, side: network.side(actor), topic, kind })
            .collect();
        let key = |a: ActorId| network.actor(a).key.as_str();
        lines.sort_by(|a, b| {
            a.topic
                .cmp(&b.topic)
                .then(a.side.cmp(&b.side))
                .then_with(|| key(a.actor).cmp(key(b.actor)))
        });

        let mut rijk_drawn: BTreeSet<ActorId> = BTreeSet::new();
        let mut region_drawn: BTreeSet<ActorId> = BTreeSet::new();
        for line in &lines {
            match line.side {
                Side::Rijk => rijk_drawn.insert(line.actor),
                Side::Region => region_drawn.insert(line.actor),
            };
        }
        for &actor in &plan.unconnected_signatories {
            rijk_drawn.insert(actor);
        }
        for topic in &plan.topics {
            region_drawn.extend(topic.regional_owners.iter().map(|o| o.actor));
        }
        let dealmakers: BTreeSet<ActorId> = plan.dealmakers.iter().copied().collect();
        let mut middle: Vec<MiddleItem> = plan
            .dealmakers
            .iter()
            .filter(|a| !rijk_drawn.contains(a) && !region_drawn.contains(a))
            .map(|&a| MiddleItem::Dealmaker(a))
            .collect();
        middle.extend((0..plan.topics.len()).map(MiddleItem::Topic));
        if !plan.general.is_empty() {
            middle.push(MiddleItem::Topic(general_row(plan)));
        }

        PlanGraph {
            rijk: rijk_forest(network, &rijk_drawn),
            middle,
            region: region_forest(network, &region_drawn),
            lines,
            unconnected: plan.unconnected_signatories.iter().copied().collect(),
            dealmakers,
        }
    }
}

/// "N ties without a topic": the note of the general row.
pub(crate) fn ties_count(plan: &Connectieplan) -> String {
    super::layout::counted(plan.general.len(), "tie without a topic", "ties without a topic")
}

/// One row of the table of pairs under the drawing: a drawn tie (or proposed tie) read as
/// "Rijk party — region party", with its topic and money.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PairRow {
    /// The topic's name, or the general row's label.
    pub(crate) topic: String,
    /// The Rijk end.
    pub(crate) rijk: ActorId,
    /// The region end.
    pub(crate) region: ActorId,
    /// How: the layers of its relations (and "by themes"), or what a proposed tie is for.
    pub(crate) how: String,
    /// The money of its relations in euros (`€1.5m`), or empty.
    pub(crate) money: String,
    /// What the line of the pair means (for its colour).
    pub(crate) kind: LineKind,
}

/// Every pair the drawing's lines stand for: per topic (in the plan's order) its ties, then its
/// proposed ties; then the general ties.
pub(crate) fn pair_rows(network: &Network, plan: &Connectieplan) -> Vec<PairRow> {
    let tie_row = |topic: &str, tie: &PlanTie, kind: LineKind| {
        let mut how: Vec<&str> =
            tie.layers.iter().map(|l| network.layers()[l.index()].name.as_str()).collect();
        if tie.via == TieMatch::Themes {
            how.push("by themes");
        }
        PairRow {
            topic: topic.to_owned(),
            rijk: tie.rijk,
            region: tie.region,
            how: how.join(", "),
            money: tie.amount.map(money).unwrap_or_default(),
            kind,
        }
    };
    let mut rows = Vec::new();
    for topic in &plan.topics {
        for tie in &topic.ties {
            rows.push(tie_row(&topic.topic, tie, LineKind::Tie(topic.status)));
        }
        for proposal in &topic.proposed {
            let goal = match proposal.goal {
                ProposalGoal::CloseGap => "proposed: first tie",
                ProposalGoal::Cover => "proposed: a second, independent tie",
                ProposalGoal::Spread => "proposed: brings in someone new",
            };
            rows.push(PairRow {
                topic: topic.topic.clone(),
                rijk: proposal.rijk,
                region: proposal.region,
                how: goal.to_owned(),
                money: String::new(),
                kind: LineKind::Proposed,
            });
        }
    }
    for tie in &plan.general {
        rows.push(tie_row(GENERAL_TOPIC, tie, LineKind::General));
    }
    rows
}

impl Forest {
    /// Items in drawing order (a box before its contents), found without recursion.
    pub(crate) fn pre_order(&self) -> Vec<usize> {
        let mut order = Vec::with_capacity(self.items.len());
        let mut stack: Vec<usize> = self.roots.iter().rev().copied().collect();
        while let Some(item) = stack.pop() {
            order.push(item);
            stack.extend(self.items[item].children.iter().rev().copied());
        }
        order
    }
}

/// The drawn Rijk actors inside boxes of their ancestors; children by id.
fn rijk_forest(network: &Network, drawn: &BTreeSet<ActorId>) -> Forest {
    let mut included: BTreeSet<ActorId> = BTreeSet::new();
    for &actor in drawn {
        let mut current = Some(actor);
        while let Some(a) = current {
            if !included.insert(a) {
                break;
            }
            current = network.actor(a).parent;
        }
    }
    let mut ordered: Vec<ActorId> = included.into_iter().collect();
    ordered.sort_by(|&a, &b| network.actor(a).key.cmp(&network.actor(b).key));
    let index: FxHashMap<ActorId, usize> =
        ordered.iter().enumerate().map(|(i, &a)| (a, i)).collect();
    let mut forest = Forest {
        items: ordered
            .iter()
            .map(|&a| Item {
                label: if drawn.contains(&a) { Label::Actor(a) } else { Label::Ancestor(a) },
                children: Vec::new(),
                depth: 0,
            })
            .collect(),
        roots: Vec::new(),
    };
    for (i, &actor) in ordered.iter().enumerate() {
        match network.actor(actor).parent.and_then(|p| index.get(&p)) {
            Some(&parent) => forest.items[parent].children.push(i),
            None => forest.roots.push(i),
        }
    }
    for item in forest.pre_order() {
        let depth = forest.items[item].depth;
        for child in forest.items[item].children.clone() {
            forest.items[child].depth = depth + 1;
        }
    }
    forest
}

/// The drawn region actors in one box per sector (in [`Sector::ALL`] order, no sector last);
/// actors by id.
fn region_forest(network: &Network, drawn: &BTreeSet<ActorId>) -> Forest {
    let mut forest = Forest::default();
    let sectors = Sector::ALL.iter().copied().map(Some).chain([None]);
    for sector in sectors {
        let mut actors: Vec<ActorId> =
            drawn.iter().copied().filter(|&a| network.actor(a).sector == sector).collect();
        if actors.is_empty() {
            continue;
        }
        actors.sort_by(|&a, &b| network.actor(a).key.cmp(&network.actor(b).key));
        let group = forest.items.len();
        forest.items.push(Item { label: Label::Sector(sector), children: Vec::new(), depth: 0 });
        forest.roots.push(group);
        for actor in actors {
            let item = forest.items.len();
            forest.items[group].children.push(item);
            forest.items.push(Item { label: Label::Actor(actor), children: Vec::new(), depth: 1 });
        }
    }
    forest
}

/// The display name of a sector box.
pub(crate) fn sector_title(sector: Option<Sector>) -> &'static str {
    match sector {
        Some(Sector::Government) => "Government",
        Some(Sector::Business) => "Business",
        Some(Sector::Knowledge) => "Knowledge institutions",
        Some(Sector::CivilSociety) => "Civil society",
        Some(Sector::Citizens) => "Citizens",
        Some(Sector::Hybrid) => "Hybrid (triple helix)",
        None => "Sector not given",
    }
}
