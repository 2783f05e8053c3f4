//! The connectieplan drawing: what it shows ([`PlanGraph`]: the Rijk tree, the topics, the
//! region by sector, the lines between them), in which order (barycentre crossing reduction),
//! and where ([`Layout`]: a deterministic three-column layout with nested cluster boxes and
//! wrapped labels that never overlap). The DOT writer uses the graph and its order; the built-in
//! SVG writer uses the layout.
//!
//! Text is measured with a fixed width per character (twice that for East Asian wide characters
//! and emoji), which over-estimates most proportional fonts, so that labels fit their boxes.
//! Every loop over the parent hierarchy is iterative.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use crate::analysis::{Connectieplan, RegionalBasis, TopicStatus};
use crate::model::{ActorId, Network, Sector, Side};

/// What a line between an actor and a topic means, in drawing priority (the later wins when an
/// actor has several on one topic).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum LineKind {
    /// The actor works on the topic but has no tie on it yet.
    Works,
    /// The actor is an end of a proposed tie on the topic.
    Proposed,
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
    /// A topic, by index into [`Connectieplan::topics`].
    Topic(usize),
}

/// A line between an actor on a side and a topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    /// The actor.
    pub(crate) actor: ActorId,
    /// The column it is in.
    pub(crate) side: Side,
    /// The topic, by index into [`Connectieplan::topics`].
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
    /// Drawn: on the Rijk side the counterparts, the Rijk ends of ties and proposals and the
    /// unconnected signatories, inside boxes of their ancestors; in the middle the dealmakers
    /// (unless they are drawn on a side) and the topics; on the region side the owners and the
    /// region ends of ties and proposals, in one box per sector. Owners standing in for a topic
    /// no member is known to work on get no "works on it" line.
    pub(crate) fn new(network: &Network, plan: &Connectieplan) -> PlanGraph {
        let mut graph = PlanGraph::unordered(network, plan);
        graph.reduce_crossings();
        graph
    }

    /// The drawing with every column in its first order: boxes and actors by id, topics by
    /// name.
    fn unordered(network: &Network, plan: &Connectieplan) -> PlanGraph {
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

        PlanGraph {
            rijk: rijk_forest(network, &rijk_drawn),
            middle,
            region: region_forest(network, &region_drawn),
            lines,
            unconnected: plan.unconnected_signatories.iter().copied().collect(),
            dealmakers,
        }
    }

    /// Barycentre ordering (Sugiyama et al. 1981), a few sweeps: each side column is ordered by
    /// the mean position of the topics its items are tied to (a box by the mean over its
    /// contents, keeping boxes whole), then the topics by the mean position of their actors on
    /// both sides. Items without lines keep their place. Sorting is stable, so ties keep the
    /// previous order (initially by id). The order with the fewest crossings is kept.
    fn reduce_crossings(&mut self) {
        const SWEEPS: usize = 8;
        let mut best =
            (self.crossings(), self.rijk.clone(), self.region.clone(), self.middle.clone());
        for _ in 0..SWEEPS {
            let topic_position = self.topic_positions();
            let lines = self.lines.clone();
            for (forest, side) in [(&mut self.rijk, Side::Rijk), (&mut self.region, Side::Region)] {
                let neighbours = |actor: ActorId| -> Vec<f64> {
                    lines
                        .iter()
                        .filter(|l| l.side == side && l.actor == actor)
                        .filter_map(|l| topic_position.get(&l.topic).copied())
                        .collect()
                };
                forest.order_by(&neighbours);
            }
            self.order_topics();
            let crossings = self.crossings();
            if crossings < best.0 {
                best = (crossings, self.rijk.clone(), self.region.clone(), self.middle.clone());
            }
        }
        (_, self.rijk, self.region, self.middle) = best;
    }

    /// Each topic's position in the middle column, in (0, 1).
    fn topic_positions(&self) -> FxHashMap<usize, f64> {
        let topics: Vec<usize> = self
            .middle
            .iter()
            .filter_map(|m| match m {
                MiddleItem::Topic(t) => Some(*t),
                MiddleItem::Dealmaker(_) => None,
            })
            .collect();
        let n = topics.len() as f64;
        topics.into_iter().enumerate().map(|(i, t)| (t, (i as f64 + 0.5) / n)).collect()
    }

    fn order_topics(&mut self) {
        let rijk = self.rijk.positions();
        let region = self.region.positions();
        let current = self.topic_positions();
        let mut keyed: Vec<(f64, MiddleItem)> = Vec::new();
        let mut fixed: Vec<MiddleItem> = Vec::new();
        for &item in &self.middle {
            let MiddleItem::Topic(topic) = item else {
                fixed.push(item);
                continue;
            };
            let positions: Vec<f64> = self
                .lines
                .iter()
                .filter(|l| l.topic == topic)
                .filter_map(|l| match l.side {
                    Side::Rijk => rijk.get(&l.actor).copied(),
                    Side::Region => region.get(&l.actor).copied(),
                })
                .collect();
            let key =
                mean(&positions).unwrap_or_else(|| current.get(&topic).copied().unwrap_or(0.0));
            keyed.push((key, item));
        }
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
        fixed.extend(keyed.into_iter().map(|(_, item)| item));
        self.middle = fixed;
    }

    /// The number of pairs of lines that cross, counted per side on the column orders.
    pub(crate) fn crossings(&self) -> usize {
        let topics = self.topic_positions();
        let mut total = 0;
        for (forest, side) in [(&self.rijk, Side::Rijk), (&self.region, Side::Region)] {
            let positions = forest.positions();
            let ends: Vec<(f64, f64)> = self
                .lines
                .iter()
                .filter(|l| l.side == side)
                .filter_map(|l| Some((*positions.get(&l.actor)?, *topics.get(&l.topic)?)))
                .collect();
            for (i, &(a1, t1)) in ends.iter().enumerate() {
                for &(a2, t2) in &ends[i + 1..] {
                    if (a1 < a2 && t1 > t2) || (a1 > a2 && t1 < t2) {
                        total += 1;
                    }
                }
            }
        }
        total
    }
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

    /// Each drawn actor's position in the column, in (0, 1).
    fn positions(&self) -> FxHashMap<ActorId, f64> {
        let actors: Vec<ActorId> = self
            .pre_order()
            .into_iter()
            .filter_map(|i| match self.items[i].label {
                Label::Actor(actor) => Some(actor),
                _ => None,
            })
            .collect();
        let n = actors.len() as f64;
        actors.into_iter().enumerate().map(|(i, a)| (a, (i as f64 + 0.5) / n)).collect()
    }

    /// Orders the top items and every box's contents by the barycentre of their subtrees.
    fn order_by(&mut self, neighbours: &dyn Fn(ActorId) -> Vec<f64>) {
        let current = self.positions();
        let order = self.pre_order();
        // Per item: (sum, count) of neighbour positions, and (sum, count) of its own current
        // positions for subtrees without lines; children come after parents in pre-order.
        let mut sums = vec![(0.0, 0usize, 0.0, 0usize); self.items.len()];
        for &item in order.iter().rev() {
            let mut sum = (0.0, 0usize, 0.0, 0usize);
            if let Label::Actor(actor) = self.items[item].label {
                let found = neighbours(actor);
                sum.0 += found.iter().sum::<f64>();
                sum.1 += found.len();
                if let Some(&p) = current.get(&actor) {
                    sum.2 += p;
                    sum.3 += 1;
                }
            }
            for &child in &self.items[item].children {
                let c = sums[child];
                sum = (sum.0 + c.0, sum.1 + c.1, sum.2 + c.2, sum.3 + c.3);
            }
            sums[item] = sum;
        }
        let key = |item: usize| {
            let (s, n, own, n_own) = sums[item];
            if n > 0 {
                s / n as f64
            } else if n_own > 0 {
                own / n_own as f64
            } else {
                0.0
            }
        };
        let sort = |list: &mut Vec<usize>| list.sort_by(|&a, &b| key(a).total_cmp(&key(b)));
        sort(&mut self.roots);
        for item in 0..self.items.len() {
            let mut children = std::mem::take(&mut self.items[item].children);
            sort(&mut children);
            self.items[item].children = children;
        }
    }
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
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

// ---------------------------------------------------------------------------------------------
// Geometry.

/// Outer margin.
const MARGIN: f64 = 24.0;
/// Width of each side column.
const SIDE_WIDTH: f64 = 240.0;
/// Width of the middle column.
const MIDDLE_WIDTH: f64 = 200.0;
/// Horizontal room for the lines between columns.
const COLUMN_GAP: f64 = 150.0;
/// Inset of a box's contents, and the indentation per nesting level.
const INSET: f64 = 8.0;
/// Nesting levels that are indented; deeper boxes line up with their parent.
const MAX_INDENTED: usize = 6;
/// Space between stacked items.
const GAP: f64 = 8.0;
/// Padding inside a node.
const PAD_X: f64 = 6.0;
/// Padding inside a node, above and below the text.
const PAD_Y: f64 = 5.0;
/// Longest label, in lines; the rest is cut with an ellipsis (the tooltip has it whole).
const MAX_LINES: usize = 5;

/// How a text is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TextStyle {
    /// The drawing's title.
    Title,
    /// The line below the title.
    Subtitle,
    /// A column heading.
    Heading,
    /// The label of a box.
    BoxLabel,
    /// A node's name.
    Label,
    /// A short note below a name (status, "dealmaker", "signed, no working tie").
    Note,
    /// Legend text.
    Legend,
}

impl TextStyle {
    /// Font size in pixels.
    pub(crate) fn font_size(self) -> f64 {
        match self {
            TextStyle::Title => 18.0,
            TextStyle::Heading => 13.0,
            TextStyle::Note => 11.0,
            _ => 12.0,
        }
    }

    /// Height of one line.
    pub(crate) fn line_height(self) -> f64 {
        (self.font_size() * 1.3).round()
    }

    /// The most lines a text of this style takes; the rest is cut with an ellipsis.
    fn max_lines(self) -> usize {
        match self {
            TextStyle::Title | TextStyle::Note => 3,
            _ => MAX_LINES,
        }
    }

    /// Whether the text is bold.
    pub(crate) fn bold(self) -> bool {
        matches!(self, TextStyle::Title | TextStyle::Heading | TextStyle::BoxLabel)
    }
}

/// An axis-aligned rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rect {
    /// Left.
    pub(crate) x: f64,
    /// Top.
    pub(crate) y: f64,
    /// Width.
    pub(crate) width: f64,
    /// Height.
    pub(crate) height: f64,
}

impl Rect {
    /// Whether the two rectangles share an area larger than a rounding error.
    #[cfg(test)]
    pub(crate) fn overlaps(&self, other: &Rect) -> bool {
        const EPS: f64 = 1e-6;
        self.x + EPS < other.x + other.width
            && other.x + EPS < self.x + self.width
            && self.y + EPS < other.y + other.height
            && other.y + EPS < self.y + self.height
    }

    fn centre_y(&self) -> f64 {
        self.y + self.height / 2.0
    }
}

/// One line of text with its estimated box (left-aligned at `rect.x`, top at `rect.y`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TextLine {
    /// The estimated box.
    pub(crate) rect: Rect,
    /// The text (unescaped).
    pub(crate) text: String,
    /// How it is set.
    pub(crate) style: TextStyle,
    /// Its colour.
    pub(crate) colour: &'static str,
}

/// What a node is, for its colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NodeKind {
    /// A Rijk or regional actor.
    Actor,
    /// A Rijk signatory without a working tie.
    Unconnected,
    /// A dealmaker.
    Dealmaker,
    /// A topic with its status.
    Topic(TopicStatus),
}

/// A node: a rounded box with a tooltip.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NodeShape {
    /// Where.
    pub(crate) rect: Rect,
    /// What.
    pub(crate) kind: NodeKind,
    /// The full name and id, for the tooltip.
    pub(crate) tooltip: String,
}

/// A cluster box (the Rijk, a ministry, a sector).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct BoxShape {
    /// Where.
    pub(crate) rect: Rect,
    /// Nesting depth.
    pub(crate) depth: usize,
    /// The column.
    pub(crate) side: Side,
    /// The tooltip.
    pub(crate) tooltip: String,
}

/// A line drawn as a cubic Bézier from `from` to `to` with horizontal tangents.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct EdgeShape {
    /// Start.
    pub(crate) from: (f64, f64),
    /// End.
    pub(crate) to: (f64, f64),
    /// What it means.
    pub(crate) kind: LineKind,
}

/// A sample in the legend.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum LegendSample {
    /// A short line of a kind.
    Line {
        /// Start.
        from: (f64, f64),
        /// End.
        to: (f64, f64),
        /// What it means.
        kind: LineKind,
    },
    /// A small node of a kind.
    Swatch {
        /// Where.
        rect: Rect,
        /// What.
        kind: NodeKind,
    },
}

/// Where everything of the drawing goes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Layout {
    /// Total width.
    pub(crate) width: f64,
    /// Total height.
    pub(crate) height: f64,
    /// Cluster boxes, outer boxes first.
    pub(crate) boxes: Vec<BoxShape>,
    /// Lines, weakest first.
    pub(crate) edges: Vec<EdgeShape>,
    /// Nodes.
    pub(crate) nodes: Vec<NodeShape>,
    /// Legend samples.
    pub(crate) legend: Vec<LegendSample>,
    /// Every text, each line with its box.
    pub(crate) texts: Vec<TextLine>,
}

/// Colours of the drawing: shared by the SVG writer and the legend.
pub(crate) mod colours {
    /// Text.
    pub(crate) const TEXT: &str = "#212121";
    /// Secondary text.
    pub(crate) const MUTED: &str = "#616161";
    /// Covered topics and their ties.
    pub(crate) const COVERED: &str = "#2e7d32";
    /// Fragile topics and their ties.
    pub(crate) const FRAGILE: &str = "#e65100";
    /// Gaps.
    pub(crate) const GAP: &str = "#c62828";
    /// Proposed ties.
    pub(crate) const PROPOSED: &str = "#1565c0";
    /// Working on a topic without a tie.
    pub(crate) const WORKS: &str = "#9e9e9e";
    /// Dealmakers.
    pub(crate) const DEALMAKER: &str = "#6a1b9a";
}

/// The layout of `graph`: title, column headings, three columns, lines, legend.
pub(crate) fn layout(network: &Network, plan: &Connectieplan, graph: &PlanGraph) -> Layout {
    let mut texts: Vec<TextLine> = Vec::new();
    let left_x = MARGIN;
    let middle_x = left_x + SIDE_WIDTH + COLUMN_GAP;
    let right_x = middle_x + MIDDLE_WIDTH + COLUMN_GAP;
    let width = right_x + SIDE_WIDTH + MARGIN;
    let inner_width = width - 2.0 * MARGIN;

    // Title and summary.
    let mut y = MARGIN;
    let coalition = network.coalition(plan.coalition);
    y = push_text(
        &mut texts,
        &format!("Connectieplan: {}", coalition.name),
        TextStyle::Title,
        left_x,
        y,
        inner_width,
        colours::TEXT,
    );
    y = push_text(
        &mut texts,
        &summary(network, plan),
        TextStyle::Subtitle,
        left_x,
        y + 2.0,
        inner_width,
        colours::MUTED,
    );
    y += 14.0;
    let headings = [
        (left_x, SIDE_WIDTH, "Rijk (national government)"),
        (middle_x, MIDDLE_WIDTH, "Topics"),
        (right_x, SIDE_WIDTH, "Region, by sector"),
    ];
    let mut columns_top = y;
    for (x, w, text) in headings {
        columns_top = columns_top.max(push_text(
            &mut texts,
            text,
            TextStyle::Heading,
            x,
            y,
            w,
            colours::TEXT,
        ));
    }
    columns_top += 8.0;

    // Columns, each centred on the tallest.
    let mut left =
        ColumnLayout::forest(network, graph, &graph.rijk, Side::Rijk, left_x, SIDE_WIDTH);
    let mut middle = ColumnLayout::middle(network, plan, graph, middle_x);
    let mut right =
        ColumnLayout::forest(network, graph, &graph.region, Side::Region, right_x, SIDE_WIDTH);
    let tallest = left.height.max(middle.height).max(right.height);
    for column in [&mut left, &mut middle, &mut right] {
        column.shift(columns_top + (tallest - column.height) / 2.0);
    }

    // Lines from the Rijk ports to the topics' left sides, and from the topics' right sides to
    // the region ports; weakest first so that ties are drawn on top.
    let mut edges: Vec<EdgeShape> = Vec::new();
    for line in &graph.lines {
        let Some(topic) = middle.topic_rects.get(&line.topic) else { continue };
        let (ports, from_right) = match line.side {
            Side::Rijk => (&left.ports, true),
            Side::Region => (&right.ports, false),
        };
        let Some(port) = ports.get(&line.actor) else { continue };
        let edge = if from_right {
            EdgeShape {
                from: (port.x + port.width, port.centre_y()),
                to: (topic.x, topic.centre_y()),
                kind: line.kind,
            }
        } else {
            EdgeShape {
                from: (topic.x + topic.width, topic.centre_y()),
                to: (port.x, port.centre_y()),
                kind: line.kind,
            }
        };
        edges.push(edge);
    }
    edges.sort_by_key(|e| e.kind);

    let mut boxes = Vec::new();
    let mut nodes = Vec::new();
    for column in [left, middle, right] {
        boxes.extend(column.boxes);
        nodes.extend(column.nodes);
        texts.extend(column.texts);
    }

    // Legend.
    let legend_top = columns_top + tallest + 24.0;
    let (legend, legend_bottom) = legend(&mut texts, left_x, legend_top, inner_width);

    Layout { width, height: legend_bottom + MARGIN, boxes, edges, nodes, legend, texts }
}

/// One line saying what the plan holds.
pub(crate) fn summary(network: &Network, plan: &Connectieplan) -> String {
    let count = |status: TopicStatus| plan.topics.iter().filter(|t| t.status == status).count();
    let mut text = format!(
        "{} · {}: {} covered, {} fragile, {} · {} without a working tie",
        network.coalition(plan.coalition).key,
        counted(plan.topics.len(), "topic", "topics"),
        count(TopicStatus::Covered),
        count(TopicStatus::Fragile),
        counted(count(TopicStatus::Gap), "gap", "gaps"),
        counted(plan.unconnected_signatories.len(), "Rijk signatory", "Rijk signatories"),
    );
    let names: Vec<&str> =
        plan.dealmakers.iter().map(|&a| network.actor(a).name.as_str()).collect();
    if names.is_empty() {
        text.push_str(" · no dealmaker recorded");
    } else {
        text.push_str(" · dealmaker: ");
        text.push_str(&names.join(", "));
    }
    text
}

/// `n` with the singular or plural noun.
pub(crate) fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The legend: samples with their meaning in three columns; returns the samples and the bottom.
fn legend(texts: &mut Vec<TextLine>, x: f64, top: f64, width: f64) -> (Vec<LegendSample>, f64) {
    let entries: [(LegendSample, &str); 9] = [
        (line_sample(LineKind::Tie(TopicStatus::Covered)), "tie on a covered topic"),
        (line_sample(LineKind::Tie(TopicStatus::Fragile)), "tie on a fragile topic"),
        (line_sample(LineKind::Proposed), "proposed tie"),
        (line_sample(LineKind::Works), "owner or counterpart, no tie yet"),
        (swatch(NodeKind::Topic(TopicStatus::Covered)), "covered: 2+ independent ties"),
        (swatch(NodeKind::Topic(TopicStatus::Fragile)), "fragile: one tie or one person"),
        (swatch(NodeKind::Topic(TopicStatus::Gap)), "gap: no Rijk–region tie"),
        (swatch(NodeKind::Unconnected), "signed, no working tie"),
        (swatch(NodeKind::Dealmaker), "dealmaker (liaison)"),
    ];
    const SAMPLE: f64 = 36.0;
    let column_width = width / 3.0;
    let style = TextStyle::Legend;
    let mut y = push_text(texts, "Legend", TextStyle::BoxLabel, x, top, width, colours::TEXT) + 4.0;
    let mut samples = Vec::new();
    for row in entries.chunks(3) {
        let mut bottom = y + style.line_height();
        for (i, (sample, text)) in row.iter().enumerate() {
            let cx = x + i as f64 * column_width;
            let text_bottom = push_text(
                texts,
                text,
                style,
                cx + SAMPLE + 8.0,
                y,
                column_width - SAMPLE - 16.0,
                colours::TEXT,
            );
            bottom = bottom.max(text_bottom);
            let mid = y + style.line_height() / 2.0;
            samples.push(match *sample {
                LegendSample::Line { kind, .. } => {
                    LegendSample::Line { from: (cx, mid), to: (cx + SAMPLE, mid), kind }
                }
                LegendSample::Swatch { kind, .. } => LegendSample::Swatch {
                    rect: Rect {
                        x: cx + 4.0,
                        y: y + 1.0,
                        width: SAMPLE - 8.0,
                        height: style.line_height() - 2.0,
                    },
                    kind,
                },
            });
        }
        y = bottom + 6.0;
    }
    (samples, y)
}

fn line_sample(kind: LineKind) -> LegendSample {
    LegendSample::Line { from: (0.0, 0.0), to: (0.0, 0.0), kind }
}

fn swatch(kind: NodeKind) -> LegendSample {
    LegendSample::Swatch { rect: Rect { x: 0.0, y: 0.0, width: 0.0, height: 0.0 }, kind }
}

/// Wraps `text` into lines at `top`, left-aligned at `x` within `width`; returns the bottom.
fn push_text(
    texts: &mut Vec<TextLine>,
    text: &str,
    style: TextStyle,
    x: f64,
    top: f64,
    width: f64,
    colour: &'static str,
) -> f64 {
    let mut y = top;
    for line in wrap(text, width, style) {
        let rect = Rect { x, y, width: text_width(&line, style), height: style.line_height() };
        texts.push(TextLine { rect, text: line, style, colour });
        y += style.line_height();
    }
    y
}

/// One laid-out column: its boxes, nodes and texts, the port of each actor and the box of each
/// topic.
struct ColumnLayout {
    height: f64,
    boxes: Vec<BoxShape>,
    nodes: Vec<NodeShape>,
    texts: Vec<TextLine>,
    ports: FxHashMap<ActorId, Rect>,
    topic_rects: FxHashMap<usize, Rect>,
}

/// A node's content: name lines and an optional note.
#[derive(Clone)]
struct NodeText {
    lines: Vec<String>,
    /// How the name is set: bold for the header node of a box.
    style: TextStyle,
    note: Option<(String, &'static str)>,
}

impl NodeText {
    fn new(
        name: &str,
        note: Option<(String, &'static str)>,
        width: f64,
        style: TextStyle,
    ) -> NodeText {
        let mut lines = wrap(name, width - 2.0 * PAD_X, style);
        if lines.is_empty() {
            lines.push(String::new());
        }
        NodeText { lines, style, note }
    }

    fn note_lines(&self, width: f64) -> Vec<String> {
        self.note
            .as_ref()
            .map(|(t, _)| wrap(t, width - 2.0 * PAD_X, TextStyle::Note))
            .unwrap_or_default()
    }

    fn height(&self, width: f64) -> f64 {
        self.lines.len() as f64 * self.style.line_height()
            + self.note_lines(width).len() as f64 * TextStyle::Note.line_height()
            + 2.0 * PAD_Y
    }

    /// Places the node's texts in `rect`.
    fn place(&self, texts: &mut Vec<TextLine>, rect: Rect) {
        let mut y = rect.y + PAD_Y;
        for line in &self.lines {
            let style = self.style;
            texts.push(TextLine {
                rect: Rect {
                    x: rect.x + PAD_X,
                    y,
                    width: text_width(line, style),
                    height: style.line_height(),
                },
                text: line.clone(),
                style,
                colour: colours::TEXT,
            });
            y += style.line_height();
        }
        if let Some((_, colour)) = &self.note {
            for line in self.note_lines(rect.width) {
                let style = TextStyle::Note;
                texts.push(TextLine {
                    rect: Rect {
                        x: rect.x + PAD_X,
                        y,
                        width: text_width(&line, style),
                        height: style.line_height(),
                    },
                    text: line,
                    style,
                    colour,
                });
                y += style.line_height();
            }
        }
    }
}

impl ColumnLayout {
    fn empty() -> ColumnLayout {
        ColumnLayout {
            height: 0.0,
            boxes: Vec::new(),
            nodes: Vec::new(),
            texts: Vec::new(),
            ports: FxHashMap::default(),
            topic_rects: FxHashMap::default(),
        }
    }

    /// A side column from its forest, top at 0.
    fn forest(
        network: &Network,
        graph: &PlanGraph,
        forest: &Forest,
        side: Side,
        x: f64,
        width: f64,
    ) -> ColumnLayout {
        let mut column = ColumnLayout::empty();
        let indent = |depth: usize| INSET * depth.min(MAX_INDENTED) as f64;
        let item_width = |depth: usize| width - 2.0 * indent(depth);
        let order = forest.pre_order();

        // Sizes, children before parents (reverse pre-order).
        let mut header_text: Vec<Option<NodeText>> = vec![None; forest.items.len()];
        let mut label_lines: Vec<Vec<String>> = vec![Vec::new(); forest.items.len()];
        let mut heights = vec![0.0; forest.items.len()];
        let mut header_heights = vec![0.0; forest.items.len()];
        for &i in order.iter().rev() {
            let item = &forest.items[i];
            let w = item_width(item.depth);
            let is_box = !item.children.is_empty() || matches!(item.label, Label::Sector(_));
            match item.label {
                Label::Actor(actor) => {
                    let node_width = if is_box { w - 2.0 * INSET } else { w };
                    let style = if is_box { TextStyle::BoxLabel } else { TextStyle::Label };
                    let text = NodeText::new(
                        &network.actor(actor).name,
                        note(graph, actor),
                        node_width,
                        style,
                    );
                    header_heights[i] = text.height(node_width);
                    header_text[i] = Some(text);
                }
                Label::Ancestor(actor) => {
                    label_lines[i] =
                        wrap(&network.actor(actor).name, w - 2.0 * PAD_X, TextStyle::BoxLabel);
                    header_heights[i] =
                        label_lines[i].len() as f64 * TextStyle::BoxLabel.line_height();
                }
                Label::Sector(sector) => {
                    label_lines[i] =
                        wrap(sector_title(sector), w - 2.0 * PAD_X, TextStyle::BoxLabel);
                    header_heights[i] =
                        label_lines[i].len() as f64 * TextStyle::BoxLabel.line_height();
                }
            }
            heights[i] = if is_box {
                let children: f64 = item.children.iter().map(|&c| heights[c] + GAP).sum();
                2.0 * INSET + header_heights[i] + children
            } else {
                header_heights[i]
            };
        }

        // Positions, parents before children.
        let mut tops = vec![0.0; forest.items.len()];
        let mut y = 0.0;
        for &root in &forest.roots {
            tops[root] = y;
            y += heights[root] + GAP;
        }
        column.height = (y - GAP).max(0.0);
        for &i in &order {
            let item = &forest.items[i];
            let is_box = !item.children.is_empty() || matches!(item.label, Label::Sector(_));
            let rect = Rect {
                x: x + indent(item.depth),
                y: tops[i],
                width: item_width(item.depth),
                height: heights[i],
            };
            let mut child_y = rect.y + INSET + header_heights[i] + GAP;
            for &child in &item.children {
                tops[child] = child_y;
                child_y += heights[child] + GAP;
            }
            if is_box {
                let (tooltip, header_rect) = match item.label {
                    Label::Actor(actor) => {
                        let r = Rect {
                            x: rect.x + INSET,
                            y: rect.y + INSET,
                            width: rect.width - 2.0 * INSET,
                            height: header_heights[i],
                        };
                        (tooltip(network, actor), Some((actor, r)))
                    }
                    Label::Ancestor(actor) => (tooltip(network, actor), None),
                    Label::Sector(sector) => (sector_title(sector).to_owned(), None),
                };
                column.boxes.push(BoxShape { rect, depth: item.depth, side, tooltip });
                match header_rect {
                    Some((actor, r)) => {
                        column.push_node(graph, network, actor, r, header_text[i].as_ref());
                    }
                    None => {
                        let mut line_y = rect.y + INSET;
                        for line in &label_lines[i] {
                            let style = TextStyle::BoxLabel;
                            column.texts.push(TextLine {
                                rect: Rect {
                                    x: rect.x + PAD_X,
                                    y: line_y,
                                    width: text_width(line, style),
                                    height: style.line_height(),
                                },
                                text: line.clone(),
                                style,
                                colour: colours::MUTED,
                            });
                            line_y += style.line_height();
                        }
                    }
                }
            } else if let Label::Actor(actor) = item.label {
                column.push_node(graph, network, actor, rect, header_text[i].as_ref());
            }
        }
        column
    }

    fn push_node(
        &mut self,
        graph: &PlanGraph,
        network: &Network,
        actor: ActorId,
        rect: Rect,
        text: Option<&NodeText>,
    ) {
        let kind = if graph.unconnected.contains(&actor) {
            NodeKind::Unconnected
        } else if graph.dealmakers.contains(&actor) {
            NodeKind::Dealmaker
        } else {
            NodeKind::Actor
        };
        if let Some(text) = text {
            text.place(&mut self.texts, rect);
        }
        self.nodes.push(NodeShape { rect, kind, tooltip: tooltip(network, actor) });
        self.ports.insert(actor, rect);
    }

    /// The middle column: dealmakers, then topics, top at 0.
    fn middle(network: &Network, plan: &Connectieplan, graph: &PlanGraph, x: f64) -> ColumnLayout {
        let mut column = ColumnLayout::empty();
        let mut y = 0.0;
        let width = MIDDLE_WIDTH;
        for item in &graph.middle {
            let (name, note, kind, tooltip) = match *item {
                MiddleItem::Dealmaker(actor) => (
                    network.actor(actor).name.clone(),
                    Some(("dealmaker: liaison Rijk–region".to_owned(), colours::DEALMAKER)),
                    NodeKind::Dealmaker,
                    tooltip(network, actor),
                ),
                MiddleItem::Topic(index) => {
                    let Some(topic) = plan.topics.get(index) else { continue };
                    let status = topic.status;
                    (
                        topic.topic.clone(),
                        Some((status_note(network, topic), status_colour(status))),
                        NodeKind::Topic(status),
                        format!("{} ({})", topic.topic, status.as_str()),
                    )
                }
            };
            let text = NodeText::new(&name, note, width, TextStyle::Label);
            let rect = Rect { x, y, width, height: text.height(width) };
            text.place(&mut column.texts, rect);
            column.nodes.push(NodeShape { rect, kind, tooltip });
            if let MiddleItem::Topic(index) = *item {
                column.topic_rects.insert(index, rect);
            }
            y += rect.height + GAP * 1.5;
        }
        if plan.topics.is_empty() {
            y = push_text(
                &mut column.texts,
                "No topics: the coalition has no themes and its members' relations name none.",
                TextStyle::Note,
                x,
                y,
                width,
                colours::MUTED,
            ) + GAP * 1.5;
        }
        column.height = (y - GAP * 1.5).max(0.0);
        column
    }

    /// Moves everything down by `dy`.
    fn shift(&mut self, dy: f64) {
        for b in &mut self.boxes {
            b.rect.y += dy;
        }
        for n in &mut self.nodes {
            n.rect.y += dy;
        }
        for t in &mut self.texts {
            t.rect.y += dy;
        }
        for r in self.ports.values_mut().chain(self.topic_rects.values_mut()) {
            r.y += dy;
        }
    }
}

/// The note under a node's name, when it has one.
fn note(graph: &PlanGraph, actor: ActorId) -> Option<(String, &'static str)> {
    if graph.unconnected.contains(&actor) {
        Some(("signed, no working tie".to_owned(), colours::GAP))
    } else if graph.dealmakers.contains(&actor) {
        Some(("dealmaker".to_owned(), colours::DEALMAKER))
    } else {
        None
    }
}

/// The status note of a topic: the status, and for a fragile topic whom it hangs on.
fn status_note(network: &Network, topic: &crate::analysis::PlanTopic) -> String {
    match topic.status {
        TopicStatus::Fragile if !topic.single_points.is_empty() => {
            let names: Vec<&str> =
                topic.single_points.iter().map(|&a| network.actor(a).name.as_str()).collect();
            format!("fragile: hangs on {}", names.join(" and "))
        }
        status => status.as_str().to_owned(),
    }
}

/// The colour of a status.
pub(crate) fn status_colour(status: TopicStatus) -> &'static str {
    match status {
        TopicStatus::Covered => colours::COVERED,
        TopicStatus::Fragile => colours::FRAGILE,
        TopicStatus::Gap => colours::GAP,
    }
}

fn tooltip(network: &Network, actor: ActorId) -> String {
    let a = network.actor(actor);
    format!("{} ({})", a.name, a.key)
}

/// The estimated width of `text` in `style`.
pub(crate) fn text_width(text: &str, style: TextStyle) -> f64 {
    text.chars().map(|c| char_advance(c, style)).sum()
}

/// The estimated advance of `c` in `style`: a fixed width per character, in em, chosen at or
/// above Helvetica's, Arial's and DejaVu Sans's (the fonts a viewer falls back to), 10% more
/// for bold; East Asian wide characters and emoji count a little over 1 em.
fn char_advance(c: char, style: TextStyle) -> f64 {
    let wide = matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F000..=0x1FAFF | 0x20000..=0x3FFFD);
    let em = match c {
        _ if wide => 1.05,
        'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' => 0.32,
        'f' | 't' | 'r' | ' ' | '(' | ')' | '[' | ']' | '{' | '}' | '/' | '\\' | '-' | '"'
        | '`' => 0.42,
        'm' | 'w' | 'M' | 'W' | '@' | '%' => 1.0,
        '<' | '>' | '+' | '=' | '~' | '^' => 0.84,
        'A'..='Z' | '&' | '#' | '_' | '?' | '$' => 0.78,
        '0'..='9' => 0.64,
        _ if c.is_ascii() => 0.63,
        _ => 0.72,
    };
    let bold = if style.bold() { 1.1 } else { 1.0 };
    em * style.font_size() * bold
}

/// Breaks `text` into lines no wider than `width` in `style`: at white space, and inside words
/// that are too long on their own; at most the style's line limit, the last ending in `…` when
/// text was cut.
pub(crate) fn wrap(text: &str, width: f64, style: TextStyle) -> Vec<String> {
    let advance = |c: char| char_advance(c, style);
    let space = advance(' ');
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut current_width = 0.0;
    for word in text.split_whitespace() {
        let word_width = text_width(word, style);
        if !current.is_empty() && current_width + space + word_width <= width {
            current.push(' ');
            current.push_str(word);
            current_width += space + word_width;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
            current_width = 0.0;
        }
        // Start a new line with the word, breaking it when it is too long on its own.
        for c in word.chars() {
            if !current.is_empty() && current_width + advance(c) > width {
                lines.push(std::mem::take(&mut current));
                current_width = 0.0;
            }
            current.push(c);
            current_width += advance(c);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    let max_lines = style.max_lines();
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            // Make room for the ellipsis.
            let mut last_width = text_width(last, style);
            while last_width + advance('…') > width {
                match last.pop() {
                    Some(c) => last_width -= advance(c),
                    None => break,
                }
            }
            last.push('…');
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::connectieplan;
    use crate::io::{Source, load};

    fn network_of(files: &[(&str, &[u8])]) -> Network {
        let files =
            files.iter().map(|(name, bytes)| ((*name).to_owned(), bytes.to_vec())).collect();
        load(&Source::Memory(files)).unwrap()
    }

    fn fixture() -> Network {
        network_of(&[
            ("actors.csv", include_bytes!("../../../fixtures/connectieplan/actors.csv")),
            ("relations.csv", include_bytes!("../../../fixtures/connectieplan/relations.csv")),
            ("coalitions.csv", include_bytes!("../../../fixtures/connectieplan/coalitions.csv")),
            ("members.csv", include_bytes!("../../../fixtures/connectieplan/members.csv")),
        ])
    }

    fn tiny() -> Network {
        network_of(&[
            ("actors.csv", include_bytes!("../../../fixtures/tiny/actors.csv")),
            ("relations.csv", include_bytes!("../../../fixtures/tiny/relations.csv")),
            ("coalitions.csv", include_bytes!("../../../fixtures/tiny/coalitions.csv")),
            ("members.csv", include_bytes!("../../../fixtures/tiny/members.csv")),
        ])
    }

    /// Long names without spaces, wide characters, markup, a ten-level Rijk hierarchy and
    /// twelve topics.
    fn stress() -> Network {
        let mut actors = String::from("id,name,sector,level,parent,kind,themes\n");
        actors.push_str("rijk,Het Rijk,government,national,,national_government,\n");
        let mut parent = "rijk".to_owned();
        for depth in 0..10 {
            let id = format!("level{depth}");
            actors.push_str(&format!(
                "{id},\"Directie {} {}\",government,national,{parent},department,topic {depth}\n",
                "Zeer".repeat(depth + 1),
                "Lang".repeat(30)
            ));
            parent = id;
        }
        let mut relations = String::from("source,target,layer,topic\n");
        let mut members = String::from("coalition,actor,role\n");
        for i in 0..12 {
            let sector = ["business", "knowledge", "citizens", ""][i % 4];
            actors.push_str(&format!(
                "reg{i},\"<script>alert(\"\"{i}\"\")</script> 東京大学 🎉 Partner {i} met een heel lange naam\",{sector},regional,,,topic {}\n",
                i % 10
            ));
            members.push_str(&format!("d,reg{i},project_partner\n"));
            relations.push_str(&format!(
                "level{},reg{i},collaboration,topic {}\n",
                i % 10,
                (i * 7) % 12
            ));
        }
        members.push_str("d,level0,signatory\nd,rijk,signatory\n");
        let themes: Vec<String> = (0..12).map(|i| format!("topic {i}")).collect();
        let coalitions =
            format!("id,name,themes\nd,\"Deal {}\",{}\n", "X".repeat(200), themes.join(";"));
        network_of(&[
            ("actors.csv", actors.as_bytes()),
            ("relations.csv", relations.as_bytes()),
            ("coalitions.csv", coalitions.as_bytes()),
            ("members.csv", members.as_bytes()),
        ])
    }

    fn cases() -> Vec<(Network, &'static str)> {
        vec![(fixture(), "twente"), (tiny(), "deal_x"), (tiny(), "deal_y"), (stress(), "d")]
    }

    fn layout_of(network: &Network, coalition: &str) -> (Connectieplan, PlanGraph, Layout) {
        let plan = connectieplan(network, network.coalition_id(coalition).unwrap());
        let graph = PlanGraph::new(network, &plan);
        let layout = layout(network, &plan, &graph);
        (plan, graph, layout)
    }

    #[test]
    fn no_two_text_boxes_overlap() {
        for (network, coalition) in cases() {
            let (_, _, layout) = layout_of(&network, coalition);
            assert!(layout.texts.len() > 20, "{coalition}");
            for (i, a) in layout.texts.iter().enumerate() {
                for b in &layout.texts[i + 1..] {
                    assert!(!a.rect.overlaps(&b.rect), "{coalition}: {a:?} overlaps {b:?}");
                }
            }
        }
    }

    #[test]
    fn every_text_fits_the_canvas_and_the_node_it_labels() {
        let inside = |inner: &Rect, outer: &Rect| {
            inner.x >= outer.x - 1e-6
                && inner.y >= outer.y - 1e-6
                && inner.x + inner.width <= outer.x + outer.width + 1e-6
                && inner.y + inner.height <= outer.y + outer.height + 1e-6
        };
        for (network, coalition) in cases() {
            let (_, _, layout) = layout_of(&network, coalition);
            let canvas = Rect { x: 0.0, y: 0.0, width: layout.width, height: layout.height };
            for text in &layout.texts {
                assert!(inside(&text.rect, &canvas), "{coalition}: {text:?} leaves the canvas");
                assert!(text.text.chars().count() > 0, "{coalition}: empty line");
                // A label that starts inside a node stays inside it.
                for node in &layout.nodes {
                    let starts_inside = node.rect.x <= text.rect.x
                        && text.rect.x < node.rect.x + node.rect.width
                        && node.rect.y <= text.rect.y
                        && text.rect.y < node.rect.y + node.rect.height;
                    if starts_inside {
                        assert!(
                            inside(&text.rect, &node.rect),
                            "{coalition}: {text:?} leaves {node:?}"
                        );
                    }
                }
            }
            // Nodes do not overlap each other either.
            for (i, a) in layout.nodes.iter().enumerate() {
                for b in &layout.nodes[i + 1..] {
                    assert!(!a.rect.overlaps(&b.rect), "{coalition}: {a:?} overlaps {b:?}");
                }
            }
        }
    }

    #[test]
    fn every_line_has_both_ends_and_the_layout_is_deterministic() {
        for (network, coalition) in cases() {
            let (plan, graph, layout) = layout_of(&network, coalition);
            assert_eq!(layout.edges.len(), graph.lines.len(), "{coalition}");
            assert_eq!(layout, layout_of(&network, coalition).2);
            assert_eq!(
                layout.nodes.iter().filter(|n| matches!(n.kind, NodeKind::Topic(_))).count(),
                plan.topics.len()
            );
        }
    }

    #[test]
    fn barycentre_ordering_never_adds_crossings() {
        for (network, coalition) in cases() {
            let plan = connectieplan(&network, network.coalition_id(coalition).unwrap());
            let before = PlanGraph::unordered(&network, &plan).crossings();
            let after = PlanGraph::new(&network, &plan).crossings();
            assert!(after <= before, "{coalition}: {before} → {after}");
        }
        // The stress case starts tangled (ties to topic (7·i) mod 12) and comes out better.
        let network = stress();
        let plan = connectieplan(&network, network.coalition_id("d").unwrap());
        let before = PlanGraph::unordered(&network, &plan).crossings();
        let after = PlanGraph::new(&network, &plan).crossings();
        assert!(after < before, "{before} → {after}");
    }

    #[test]
    fn the_rijk_column_nests_ministries_and_departments_in_their_ancestors() {
        let network = fixture();
        let (_, graph, layout) = layout_of(&network, "twente");
        let labels: Vec<String> = graph
            .rijk
            .pre_order()
            .into_iter()
            .map(|i| {
                let item = &graph.rijk.items[i];
                let (kind, actor) = match item.label {
                    Label::Actor(a) => ("node", a),
                    Label::Ancestor(a) => ("box", a),
                    Label::Sector(_) => unreachable!(),
                };
                format!("{}{kind}:{}", "  ".repeat(item.depth), network.actor(actor).key)
            })
            .collect();
        // The root box holds every ministry; EZK is drawn itself and heads its box.
        assert_eq!(labels[0], "box:rijk");
        assert!(labels.contains(&"  node:min_ezk".to_owned()), "{labels:?}");
        assert!(labels.contains(&"    node:dep_ezk_ik".to_owned()), "{labels:?}");
        assert!(labels.contains(&"  box:min_ocw".to_owned()), "{labels:?}");
        assert!(labels.contains(&"  node:min_ienw".to_owned()), "{labels:?}");
        // Boxes: the Rijk, OCW, EZK on the left; four sectors on the right.
        assert_eq!(layout.boxes.iter().filter(|b| b.side == Side::Rijk).count(), 3);
        assert_eq!(layout.boxes.iter().filter(|b| b.side == Side::Region).count(), 4);
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_inside_long_words_and_cuts_with_an_ellipsis() {
        let style = TextStyle::Label;
        let width = text_width("Gemeente", style) + 1.0;
        assert_eq!(wrap("Gemeente Een en Twee", width, style), ["Gemeente", "Een en", "Twee"]);
        assert_eq!(wrap("Gemeenteraad", width, style), ["Gemeente", "raad"]);
        let width = text_width("東京大学東", style) + 1.0;
        assert_eq!(wrap("東京大学東京大学", width, style), ["東京大学東", "京大学"]);
        assert_eq!(wrap("  \n ", width, style), Vec::<String>::new());
        let long = wrap(&"word ".repeat(40), width, style);
        assert_eq!(long.len(), MAX_LINES);
        assert!(long[MAX_LINES - 1].ends_with('…'));
        assert!(text_width("WWW", style) > text_width("iii", style) * 2.0);
        assert!(text_width("Ab", TextStyle::BoxLabel) > text_width("Ab", TextStyle::Label));
        for line in long {
            assert!(text_width(&line, style) <= width + 1e-9, "{line}");
        }
    }
}
