//! Where everything of the connectieplan drawing goes ([`Layout`]): a deterministic
//! three-column layout of the [`PlanGraph`] with nested cluster boxes and wrapped labels that
//! never overlap. The built-in SVG writer draws it.

use rustc_hash::FxHashMap;

use super::document::{GENERAL_TOPIC, described};
use super::graph::{
    Forest, Label, LineKind, MiddleItem, PlanGraph, general_row, pair_rows, sector_title,
    ties_count,
};
use super::text_metrics::{TextStyle, text_width, wrap};
use crate::analysis::{Connectieplan, TopicStatus};
use crate::model::{ActorId, Network, Side};

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
    /// The general row: the ties without a topic (not a theme).
    General,
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
    /// The thin horizontal rules of the table of pairs, each from `(x1, y)` to `(x2, y)`.
    pub(crate) rules: Vec<(f64, f64, f64)>,
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
    /// The general row and its ties (without a topic).
    pub(crate) const GENERAL: &str = "#546e7a";
    /// The fill of the general row.
    pub(crate) const GENERAL_FILL: &str = "#eceff1";
    /// The rules of the table of pairs.
    pub(crate) const RULE: &str = "#e0e0e0";
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
    y = push_text(
        &mut texts,
        &described(plan),
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
    let (rules, bottom) =
        pairs_table(network, plan, &mut texts, left_x, legend_bottom + 18.0, inner_width);

    Layout { width, height: bottom + MARGIN, boxes, edges, nodes, legend, rules, texts }
}

/// The table of pairs under the legend: every drawn tie and proposed tie read as "Rijk party —
/// region party", with its topic, how it is tied and its money; returns the rules between rows
/// and the bottom.
fn pairs_table(
    network: &Network,
    plan: &Connectieplan,
    texts: &mut Vec<TextLine>,
    x: f64,
    top: f64,
    width: f64,
) -> (Vec<(f64, f64, f64)>, f64) {
    let rows = pair_rows(network, plan);
    let mut rules = Vec::new();
    if rows.is_empty() {
        return (rules, top - 18.0);
    }
    const SHARES: [f64; 5] = [0.26, 0.22, 0.22, 0.2, 0.1];
    const CELL_GAP: f64 = 10.0;
    let mut lefts = [0.0; 5];
    let mut left = x;
    for (i, share) in SHARES.iter().enumerate() {
        lefts[i] = left;
        left += share * width;
    }
    let cell_width = |i: usize| SHARES[i] * width - CELL_GAP;
    let mut y = push_text(
        texts,
        "Who is tied to whom: each tie drawn above, read as Rijk party — region party",
        TextStyle::Heading,
        x,
        top,
        width,
        colours::TEXT,
    ) + 6.0;
    let row_of =
        |texts: &mut Vec<TextLine>, y: f64, cells: [(&str, &'static str); 5], style: TextStyle| {
            let mut bottom = y + style.line_height();
            for (i, (text, colour)) in cells.into_iter().enumerate() {
                bottom =
                    bottom.max(push_text(texts, text, style, lefts[i], y, cell_width(i), colour));
            }
            bottom
        };
    let header = [
        ("Rijk party", colours::TEXT),
        ("Region party", colours::TEXT),
        ("Topic", colours::TEXT),
        ("How", colours::TEXT),
        ("Money", colours::TEXT),
    ];
    y = row_of(texts, y, header, TextStyle::BoxLabel) + 3.0;
    rules.push((x, x + width, y));
    y += 4.0;
    for row in &rows {
        let colour = match row.kind {
            LineKind::Tie(status) => status_colour(status),
            LineKind::Proposed => colours::PROPOSED,
            LineKind::General | LineKind::Works => colours::GENERAL,
        };
        let cells = [
            (network.actor(row.rijk).name.as_str(), colours::TEXT),
            (network.actor(row.region).name.as_str(), colours::TEXT),
            (row.topic.as_str(), colour),
            (row.how.as_str(), colours::MUTED),
            (row.money.as_str(), colours::TEXT),
        ];
        y = row_of(texts, y, cells, TextStyle::Legend) + 3.0;
        rules.push((x, x + width, y));
        y += 4.0;
    }
    (rules, y)
}

/// One line saying what the plan holds.
pub(crate) fn summary(network: &Network, plan: &Connectieplan) -> String {
    let count = |status: TopicStatus| plan.topics.iter().filter(|t| t.status == status).count();
    let mut text = format!(
        "{} · {}: {} covered, {} fragile, {}",
        network.coalition(plan.coalition).key,
        counted(plan.topics.len(), "topic", "topics"),
        count(TopicStatus::Covered),
        count(TopicStatus::Fragile),
        counted(count(TopicStatus::Gap), "gap", "gaps"),
    );
    if !plan.general.is_empty() {
        text.push_str(" · ");
        text.push_str(&counted(plan.general.len(), "general tie", "general ties"));
    }
    text.push_str(&format!(
        " · {} without a working tie",
        counted(plan.unconnected_signatories.len(), "Rijk signatory", "Rijk signatories")
    ));
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
    let entries: [(LegendSample, &str); 11] = [
        (line_sample(LineKind::Tie(TopicStatus::Covered)), "tie on a covered topic"),
        (line_sample(LineKind::Tie(TopicStatus::Fragile)), "tie on a fragile topic"),
        (line_sample(LineKind::Proposed), "proposed tie"),
        (line_sample(LineKind::General), "general tie: no topic"),
        (line_sample(LineKind::Works), "owner or counterpart, no tie yet"),
        (swatch(NodeKind::Topic(TopicStatus::Covered)), "covered: 2+ independent ties"),
        (swatch(NodeKind::Topic(TopicStatus::Fragile)), "fragile: one tie or one person"),
        (swatch(NodeKind::Topic(TopicStatus::Gap)), "gap: no Rijk–region tie"),
        (swatch(NodeKind::General), "general: ties without a topic, not a theme"),
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
                MiddleItem::Topic(index) if index == general_row(plan) => (
                    GENERAL_TOPIC.to_owned(),
                    Some((format!("not a theme: {}", ties_count(plan)), colours::GENERAL)),
                    NodeKind::General,
                    format!("{GENERAL_TOPIC}: {}", ties_count(plan)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{PlanConfig, connectieplan};
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
        let plan = connectieplan(
            network,
            network.coalition_id(coalition).unwrap(),
            &PlanConfig::default(),
        )
        .expect("finite amounts");
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
            assert_eq!(
                layout.nodes.iter().filter(|n| n.kind == NodeKind::General).count(),
                usize::from(!plan.general.is_empty())
            );
        }
    }

    #[test]
    fn barycentre_ordering_never_adds_crossings() {
        for (network, coalition) in cases() {
            let plan = connectieplan(
                &network,
                network.coalition_id(coalition).unwrap(),
                &PlanConfig::default(),
            )
            .expect("finite amounts");
            let before = PlanGraph::unordered(&network, &plan).crossings();
            let after = PlanGraph::new(&network, &plan).crossings();
            assert!(after <= before, "{coalition}: {before} → {after}");
        }
        // The stress case starts tangled (ties to topic (7·i) mod 12) and comes out better.
        let network = stress();
        let plan =
            connectieplan(&network, network.coalition_id("d").unwrap(), &PlanConfig::default())
                .expect("finite amounts");
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
        // The dealmaker's general ties (no topic) draw it in BZK's box.
        assert!(labels.contains(&"  box:min_bzk".to_owned()), "{labels:?}");
        assert!(labels.contains(&"    node:dm_twente".to_owned()), "{labels:?}");
        // Boxes: the Rijk, OCW, EZK, BZK on the left; four sectors on the right.
        assert_eq!(layout.boxes.iter().filter(|b| b.side == Side::Rijk).count(), 4);
        assert_eq!(layout.boxes.iter().filter(|b| b.side == Side::Region).count(), 4);
    }
}
