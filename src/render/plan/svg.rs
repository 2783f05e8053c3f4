//! SVG output made without any system program: the connectieplan drawn from its
//! [`Layout`](super::layout::Layout) as plain SVG 1.1 (rectangles, cubic Bézier paths and
//! text), readable in any browser and by any XML parser.
//!
//! Every text (names, topics, tooltips) is escaped for XML by quick-xml (`&`, `<`, `>`, `'`,
//! `"`), and characters XML 1.0 cannot hold (most control characters) become U+FFFD, so a name
//! such as `<script>` is shown as text and never becomes markup.

use std::fmt::Write as _;

use super::graph::{LineKind, PlanGraph};
use super::layout::{
    BoxShape, EdgeShape, LegendSample, NodeKind, NodeShape, Rect, TextLine, colours, layout,
    status_colour,
};
use super::text_metrics::TextStyle;
use crate::analysis::{Connectieplan, TopicStatus};
use crate::model::{Network, Side};
use crate::render::markup::svg::{coordinate, svg_text};

/// The connectieplan as a standalone SVG document: a title and summary, the Rijk (ministry →
/// department boxes) on the left, the topics in the middle, the region by sector on the right,
/// lines coloured by status (green: tie on a covered topic, orange: tie on a fragile topic,
/// dashed blue: proposed, dotted grey: owner or counterpart without a tie), and a legend.
///
/// The same plan gives the same bytes: the layout is deterministic and coordinates are written
/// with one decimal.
pub fn plan_svg(network: &Network, plan: &Connectieplan) -> String {
    let graph = PlanGraph::new(network, plan);
    let layout = layout(network, plan, &graph);
    let title = format!("Connectieplan: {}", network.coalition(plan.coalition).name);

    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">",
        w = coordinate(layout.width),
        h = coordinate(layout.height)
    );
    let _ = writeln!(out, "<title>{}</title>", svg_text(&title));
    out.push_str("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");

    out.push_str("<g class=\"clusters\">\n");
    for shape in &layout.boxes {
        cluster(&mut out, shape);
    }
    out.push_str("</g>\n<g class=\"lines\" fill=\"none\">\n");
    for edge in &layout.edges {
        path(&mut out, edge);
    }
    out.push_str("</g>\n<g class=\"nodes\">\n");
    for node in &layout.nodes {
        node_rect(&mut out, node);
    }
    out.push_str("</g>\n<g class=\"legend\">\n");
    for sample in &layout.legend {
        match *sample {
            LegendSample::Line { from, to, kind } => path(&mut out, &EdgeShape { from, to, kind }),
            LegendSample::Swatch { rect, kind } => {
                node_rect(&mut out, &NodeShape { rect, kind, tooltip: String::new() });
            }
        }
    }
    out.push_str("</g>\n<g class=\"pairs\">\n");
    for &(x1, x2, y) in &layout.rules {
        let _ = writeln!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>",
            coordinate(x1),
            coordinate(y),
            coordinate(x2),
            coordinate(y),
            colours::RULE
        );
    }
    out.push_str("</g>\n<g class=\"texts\">\n");
    for line in &layout.texts {
        text_line(&mut out, line);
    }
    out.push_str("</g>\n</svg>\n");
    out
}

fn rect_attributes(rect: &Rect) -> String {
    format!(
        "x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
        coordinate(rect.x),
        coordinate(rect.y),
        coordinate(rect.width),
        coordinate(rect.height)
    )
}

fn cluster(out: &mut String, shape: &BoxShape) {
    let (fill, stroke) = match (shape.side, shape.depth) {
        (Side::Rijk, 0) => ("#e8eef8", "#7f9cc9"),
        (Side::Rijk, 1) => ("#f2f6fc", "#9db3d6"),
        (Side::Rijk, _) => ("#fafcfe", "#b9c9e3"),
        (Side::Region, _) => ("#f6f4ef", "#b8a99a"),
    };
    let _ = writeln!(
        out,
        "<rect {} rx=\"8\" fill=\"{fill}\" stroke=\"{stroke}\"><title>{}</title></rect>",
        rect_attributes(&shape.rect),
        svg_text(&shape.tooltip)
    );
}

fn node_rect(out: &mut String, node: &NodeShape) {
    let (fill, stroke, width, dash) = match node.kind {
        NodeKind::Actor => ("#ffffff", "#78909c", 1.0, None),
        NodeKind::Unconnected => ("#ffebee", colours::GAP, 1.5, Some("4 2")),
        NodeKind::Dealmaker => ("#f3e5f5", colours::DEALMAKER, 1.5, None),
        NodeKind::General => (colours::GENERAL_FILL, colours::GENERAL, 1.5, None),
        NodeKind::Topic(TopicStatus::Covered) => ("#e8f5e9", colours::COVERED, 1.5, None),
        NodeKind::Topic(TopicStatus::Fragile) => ("#fff3e0", colours::FRAGILE, 1.5, None),
        NodeKind::Topic(TopicStatus::Gap) => ("#ffebee", colours::GAP, 2.0, None),
    };
    let dash = dash.map(|d| format!(" stroke-dasharray=\"{d}\"")).unwrap_or_default();
    let tooltip = if node.tooltip.is_empty() {
        String::new()
    } else {
        format!("<title>{}</title>", svg_text(&node.tooltip))
    };
    let _ = writeln!(
        out,
        "<rect {} rx=\"5\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\"{dash}>{tooltip}</rect>",
        rect_attributes(&node.rect),
    );
}

fn path(out: &mut String, edge: &EdgeShape) {
    let (colour, width, dash) = match edge.kind {
        LineKind::Tie(status) => (status_colour(status), 2.2, None),
        LineKind::Proposed => (colours::PROPOSED, 1.6, Some("7 4")),
        LineKind::General => (colours::GENERAL, 1.8, None),
        LineKind::Works => (colours::WORKS, 1.0, Some("2 3")),
    };
    let dash = dash.map(|d| format!(" stroke-dasharray=\"{d}\"")).unwrap_or_default();
    let (x1, y1) = edge.from;
    let (x2, y2) = edge.to;
    let bend = (x2 - x1) / 2.0;
    let _ = writeln!(
        out,
        "<path d=\"M {} {} C {} {} {} {} {} {}\" stroke=\"{colour}\" stroke-width=\"{width}\"{dash}/>",
        coordinate(x1),
        coordinate(y1),
        coordinate(x1 + bend),
        coordinate(y1),
        coordinate(x2 - bend),
        coordinate(y2),
        coordinate(x2),
        coordinate(y2)
    );
}

fn text_line(out: &mut String, line: &TextLine) {
    let size = line.style.font_size();
    // The baseline of a line box: half the leading above the glyphs, then ~0.8 em of ascent.
    let baseline = line.rect.y + (line.style.line_height() - size) / 2.0 + size * 0.8;
    let weight = if line.style.bold() { " font-weight=\"bold\"" } else { "" };
    let italic = if line.style == TextStyle::Note { " font-style=\"italic\"" } else { "" };
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{weight}{italic} fill=\"{}\">{}</text>",
        coordinate(line.rect.x),
        coordinate(baseline),
        coordinate(size),
        line.colour,
        svg_text(&line.text)
    );
}
