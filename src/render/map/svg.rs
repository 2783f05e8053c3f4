//! The map drawn as SVG: the title and caption above, the ministry hulls, the ties (coloured
//! by layer, as wide as their weight or euros, arrowheads on directed ties, fanned out as arcs
//! when two actors are tied several ways: in other layers, or a directed tie answered the other
//! way), the actors (coloured by group, sized by measure, each with its hover text) and their
//! labels, and on the right the legends of colour, size and ties. Every text is escaped;
//! coordinates have one decimal, so the same map gives the same bytes.

use std::fmt::Write as _;

use crate::render::markup::svg::{coordinate, svg_text};
use crate::render::plan::text_metrics::{TextStyle, text_width, wrap};

use super::MapModel;
use super::edges::MapEdge;
use super::labels::Rect;
use super::sizes::radius_of_share;

/// Space around the drawing.
const PAD: f64 = 24.0;
/// Space between the network and the legend.
const LEGEND_GAP: f64 = 40.0;
/// The narrowest the header may be.
const MIN_HEADER_WIDTH: f64 = 560.0;
/// The widest the caption runs before it wraps.
const MAX_CAPTION_WIDTH: f64 = 860.0;
/// The font every text is set in (the text metrics assume one of these).
pub(crate) const FONT: &str = "Helvetica, Arial, 'DejaVu Sans', sans-serif";

/// The CSS of the drawing.
const STYLE: &str = "\
.map-title{font-size:18px;font-weight:bold;fill:#1a1a1a}\
.map-caption{font-size:12px;fill:#444}\
.legend-heading{font-size:13px;font-weight:bold;fill:#1a1a1a}\
.legend{font-size:12px;fill:#333}\
.edge{fill:none;stroke-opacity:.55;stroke-linecap:round}\
.actor{stroke:#333;stroke-opacity:.55;stroke-width:.8}\
.ego .actor{stroke:#1a1a1a;stroke-width:2.5}\
.hull{fill:#5A6B7B;fill-opacity:.07;stroke:#5A6B7B;stroke-opacity:.55;stroke-width:1;stroke-dasharray:4 3}\
.label{font-size:12px;fill:#1a1a1a;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}";

/// The drawing's CSS with every rule limited to this map (`svg[id="PREFIX"] .class`, valid for any id, a digit first too): inline in a
/// report, the map's rules must not restyle the page's other drawings (the connectieplan has a
/// `legend` too), nor theirs the map.
fn scoped_style(prefix: &str) -> String {
    STYLE.split_inclusive('}').map(|rule| format!("svg[id=\"{prefix}\"] {rule}")).collect()
}

/// The map as a standalone SVG document.
pub fn map_svg(model: &MapModel) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&svg_element(model, Frame::Standalone));
    out
}

/// The map as an `<svg>` element with its natural size and no XML declaration, to be placed
/// inline in an HTML page (ids start with the options' `id_prefix`).
pub fn map_svg_element(model: &MapModel) -> String {
    svg_element(model, Frame::Standalone)
}

/// How the `<svg>` element sits where it is placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Frame {
    /// A drawing on its own (a file, or inline in the report): its natural width and height in
    /// pixels, the title and caption drawn above the network.
    Standalone,
    /// Inside the interactive page, which shows the title and caption in its own header: the
    /// element fills its container and draws no header.
    Page,
}

/// The `<svg>` element, framed for where it goes.
pub(crate) fn svg_element(model: &MapModel, frame: Frame) -> String {
    let p = &model.id_prefix;
    let sized = frame == Frame::Standalone;
    let content = content_with_edges(model);
    let header_width = content.width.max(MIN_HEADER_WIDTH);
    let (title_lines, caption_lines): (Vec<String>, Vec<String>) = if sized {
        let title = wrap(&model.title, header_width, TextStyle::Title);
        let caption = model
            .caption
            .split('\n')
            .flat_map(|line| wrap(line, header_width.min(MAX_CAPTION_WIDTH), TextStyle::Subtitle))
            .collect();
        (title, caption)
    } else {
        (Vec::new(), Vec::new())
    };
    let header_height = if sized {
        title_lines.len() as f64 * TextStyle::Title.line_height()
            + caption_lines.len() as f64 * TextStyle::Subtitle.line_height()
            + 16.0
    } else {
        0.0
    };
    let left = content.x - PAD;
    let top = content.y - header_height - PAD;
    let header_used = title_lines
        .iter()
        .map(|l| text_width(l, TextStyle::Title))
        .chain(caption_lines.iter().map(|l| text_width(l, TextStyle::Subtitle)))
        .fold(0.0, f64::max);
    let legend_x = content.x + content.width + LEGEND_GAP;
    let mut legend = String::new();
    let legend_bottom = write_legend(&mut legend, model, legend_x, content.y);
    let legend_width = legend_width(model);
    let right = (legend_x + legend_width).max(content.x + header_used) + PAD;
    let bottom = (content.y + content.height).max(legend_bottom) + PAD;
    let (width, height) = (right - left, bottom - top);

    let mut out = String::new();
    let size = if sized {
        format!(" width=\"{}\" height=\"{}\"", coordinate(width), coordinate(height))
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{} {} {} {}\"{size} role=\"img\" \
         aria-labelledby=\"{p}-title {p}-desc\" class=\"stakenet-map\" id=\"{p}\" \
         font-family=\"{FONT}\">",
        coordinate(left),
        coordinate(top),
        coordinate(width),
        coordinate(height),
    );
    let _ = writeln!(out, "<title id=\"{p}-title\">{}</title>", svg_text(&model.title));
    let _ = writeln!(out, "<desc id=\"{p}-desc\">{}</desc>", svg_text(&model.caption));
    let _ = writeln!(out, "<style>{}</style>", scoped_style(p));
    let _ = writeln!(
        out,
        "<rect class=\"background\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#fff\"/>",
        coordinate(left),
        coordinate(top),
        coordinate(width),
        coordinate(height)
    );
    out.push_str("<defs>\n");
    for (i, layer) in model.layers.iter().enumerate() {
        let _ = writeln!(
            out,
            "<marker id=\"{p}-arrow-{i}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" \
             markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" \
             orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{}\"/></marker>",
            layer.colour
        );
    }
    out.push_str("</defs>\n");

    // Header.
    let mut y = top + PAD;
    for line in &title_lines {
        y += TextStyle::Title.line_height();
        let _ = writeln!(
            out,
            "<text class=\"map-title\" x=\"{}\" y=\"{}\">{}</text>",
            coordinate(content.x),
            coordinate(y - 5.0),
            svg_text(line)
        );
    }
    for line in &caption_lines {
        y += TextStyle::Subtitle.line_height();
        let _ = writeln!(
            out,
            "<text class=\"map-caption\" x=\"{}\" y=\"{}\">{}</text>",
            coordinate(content.x),
            coordinate(y - 4.0),
            svg_text(line)
        );
    }

    // Hulls.
    out.push_str("<g class=\"hulls\">\n");
    for hull in &model.hulls {
        let ministry = &model.nodes[hull.ministry];
        let mut d = String::new();
        for (i, &[x, y]) in hull.outline.iter().enumerate() {
            let _ =
                write!(d, "{}{},{} ", if i == 0 { "M" } else { "L" }, coordinate(x), coordinate(y));
        }
        d.push('Z');
        let _ = writeln!(
            out,
            "<path class=\"hull\" data-ministry=\"{p}-n{}\" d=\"{d}\"><title>{} with {} \
             unit(s)</title></path>",
            hull.ministry,
            svg_text(&ministry.name),
            hull.units.len()
        );
    }
    out.push_str("</g>\n");

    // Ties.
    out.push_str("<g class=\"edges\">\n");
    for (edge, bend) in model.edges.iter().zip(bends(model)) {
        write_edge(&mut out, model, edge, bend);
    }
    out.push_str("</g>\n");

    // Actors.
    out.push_str("<g class=\"nodes\">\n");
    for (i, node) in model.nodes.iter().enumerate() {
        let group = &model.groups[node.group];
        let ego = if model.ego == Some(i) { " ego" } else { "" };
        let mut hover = format!("{} ({})", node.name, node.key);
        let mut facts = Vec::new();
        if model.color_by != "sector" {
            facts.push(format!("{}: {}", model.color_by, group.label));
        }
        if let Some(sector) = node.sector {
            facts.push(sector.as_str().to_owned());
        }
        if let Some(level) = node.level {
            facts.push(level.as_str().to_owned());
        }
        if !facts.is_empty() {
            let _ = write!(hover, "\n{}", facts.join(" · "));
        }
        let _ = write!(
            hover,
            "\n{}: {}",
            model.size_by,
            match node.value {
                Some(v) => model.size_text(v),
                None => "–".to_owned(),
            }
        );
        if model.size_by != "degree" {
            let _ = write!(hover, " · degree {}", node.degree);
        }
        let _ = writeln!(
            out,
            "<g class=\"node{ego}\" id=\"{p}-n{i}\" data-id=\"{}\" data-group=\"{}\"><title>{}</title>\
             <circle class=\"actor\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"/></g>",
            svg_text(&node.key),
            node.group,
            svg_text(&hover),
            coordinate(node.position[0]),
            coordinate(node.position[1]),
            coordinate(node.radius),
            group.colour
        );
    }
    out.push_str("</g>\n");

    // Labels.
    out.push_str("<g class=\"labels\" aria-hidden=\"true\">\n");
    for (i, node) in model.nodes.iter().enumerate() {
        let Some(label) = &node.label else { continue };
        let r = label.rect;
        let _ = writeln!(
            out,
            "<text class=\"label\" data-node=\"{p}-n{i}\" x=\"{}\" y=\"{}\" data-bbox=\"{} {} {} {}\">{}</text>",
            coordinate(label.x),
            coordinate(label.baseline),
            coordinate(r.x),
            coordinate(r.y),
            coordinate(r.width),
            coordinate(r.height),
            svg_text(&label.text)
        );
    }
    out.push_str("</g>\n");
    out.push_str(&legend);
    out.push_str("</svg>\n");
    out
}

/// Space between the arcs of the ties of one pair of actors, at their middle.
const ARC_SPACING: f64 = 12.0;

/// How far each tie bows out from the straight line, in pixels, measured to the left of the
/// direction from its lower-numbered actor to the higher: 0 for the only tie of a pair; the
/// ties of a pair (other layers, or a directed tie answered the other way) fanned out around
/// the straight line, in edge order.
fn bends(model: &MapModel) -> Vec<f64> {
    let mut of_pair: std::collections::BTreeMap<(usize, usize), Vec<usize>> =
        std::collections::BTreeMap::new();
    for (i, edge) in model.edges.iter().enumerate() {
        let pair = (edge.source.min(edge.target), edge.source.max(edge.target));
        of_pair.entry(pair).or_default().push(i);
    }
    let mut bends = vec![0.0; model.edges.len()];
    for edges in of_pair.values() {
        let middle = (edges.len() as f64 - 1.0) / 2.0;
        for (j, &i) in edges.iter().enumerate() {
            bends[i] = (j as f64 - middle) * ARC_SPACING;
        }
    }
    bends
}

/// The bend of `edge` relative to its own direction.
fn own_bend(edge: &MapEdge, bend: f64) -> f64 {
    if edge.source < edge.target { bend } else { -bend }
}

/// One tie: a line between the two circles (an arc when the pair has several ties), ending
/// at the target's circle with an arrowhead when directed.
fn write_edge(out: &mut String, model: &MapModel, edge: &MapEdge, bend: f64) {
    let p = &model.id_prefix;
    let (s, t) = (&model.nodes[edge.source], &model.nodes[edge.target]);
    let (d, _) = edge_geometry(s.position, s.radius, t.position, t.radius, own_bend(edge, bend));
    let layer = &model.layers[edge.layer];
    let marker = if edge.directed {
        format!(" marker-end=\"url(#{p}-arrow-{})\"", edge.layer)
    } else {
        String::new()
    };
    let arrow = if edge.directed { "→" } else { "—" };
    let mut hover = format!("{} {arrow} {} · {}", s.name, t.name, layer.name);
    if let Some(euros) = edge.euros {
        let _ = write!(hover, " · {}", super::model::money_text(euros));
    }
    if edge.relations > 1 {
        let _ = write!(hover, " · {} relations", edge.relations);
    }
    let _ = writeln!(
        out,
        "<path class=\"edge\" data-layer=\"{}\" data-source=\"{p}-n{}\" data-target=\"{p}-n{}\" \
         d=\"{d}\" stroke=\"{}\" stroke-width=\"{}\"{marker}><title>{}</title></path>",
        edge.layer,
        edge.source,
        edge.target,
        layer.colour,
        coordinate(edge.width),
        svg_text(&hover)
    );
}

/// The path of a tie from the circle at `s` (radius `rs`) to the one at `t`, bowing `bend`
/// pixels to the left of its direction at its middle, and its control point (the midpoint for
/// a straight tie).
fn edge_geometry(s: [f64; 2], rs: f64, t: [f64; 2], rt: f64, bend: f64) -> (String, [f64; 2]) {
    let curved = bend != 0.0;
    let (dx, dy) = (t[0] - s[0], t[1] - s[1]);
    let length = dx.hypot(dy);
    let mid = [(s[0] + t[0]) / 2.0, (s[1] + t[1]) / 2.0];
    if length <= f64::EPSILON {
        let d = format!(
            "M{},{} L{},{}",
            coordinate(s[0]),
            coordinate(s[1]),
            coordinate(t[0]),
            coordinate(t[1])
        );
        return (d, mid);
    }
    let control = if curved {
        // A quadratic curve passes halfway between the chord and its control point.
        let offset = (2.0 * bend).clamp(-0.8 * length, 0.8 * length);
        [mid[0] + dy / length * offset, mid[1] - dx / length * offset]
    } else {
        mid
    };
    let towards = |from: [f64; 2], to: [f64; 2], by: f64| {
        let (ex, ey) = (to[0] - from[0], to[1] - from[1]);
        let l = ex.hypot(ey).max(f64::EPSILON);
        let by = by.min(l / 2.0);
        [from[0] + ex / l * by, from[1] + ey / l * by]
    };
    let start = towards(s, control, rs);
    let end = towards(t, control, rt);
    let d = if curved {
        format!(
            "M{},{} Q{},{} {},{}",
            coordinate(start[0]),
            coordinate(start[1]),
            coordinate(control[0]),
            coordinate(control[1]),
            coordinate(end[0]),
            coordinate(end[1])
        )
    } else {
        format!(
            "M{},{} L{},{}",
            coordinate(start[0]),
            coordinate(start[1]),
            coordinate(end[0]),
            coordinate(end[1])
        )
    };
    (d, control)
}

/// The box of the actors, labels and hulls, grown to hold the arcs' control points; a map
/// without actors gets a small box at the origin.
fn content_with_edges(model: &MapModel) -> Rect {
    let mut r = model.content_bounds();
    for (edge, bend) in model.edges.iter().zip(bends(model)).filter(|(_, b)| *b != 0.0) {
        let (s, t) = (&model.nodes[edge.source], &model.nodes[edge.target]);
        let bend = own_bend(edge, bend);
        let (_, c) = edge_geometry(s.position, s.radius, t.position, t.radius, bend);
        let (x0, y0) = (r.x.min(c[0]), r.y.min(c[1]));
        let (x1, y1) = ((r.x + r.width).max(c[0]), (r.y + r.height).max(c[1]));
        r = Rect { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
    }
    r
}

/// Legend texts: `(text, style)` rows, for the width.
fn legend_texts(model: &MapModel) -> Vec<(String, TextStyle)> {
    let mut texts = vec![(format!("Colour: {}", model.color_by), TextStyle::Heading)];
    for group in &model.groups {
        texts.push((format!("{} ({})", group.label, group.count), TextStyle::Legend));
    }
    texts.push((format!("Size: {}", model.size_by), TextStyle::Heading));
    if let Some((low, high)) = model.size_range {
        for value in [low, high] {
            texts.push((model.size_text(value), TextStyle::Legend));
        }
    }
    texts.push(("Ties by layer".to_owned(), TextStyle::Heading));
    for layer in model.layers.iter().filter(|l| l.n_edges > 0) {
        texts.push((format!("{} ({})", layer.name, layer.n_edges), TextStyle::Legend));
    }
    texts.push((width_note(model), TextStyle::Legend));
    texts
}

/// The note on what a tie's width shows.
fn width_note(model: &MapModel) -> String {
    let what = if model.width_in_euros { "euros" } else { "tie strength" };
    if model.width_max > 0.0 {
        format!("width: {what}, widest {}", model.width_text(model.width_max))
    } else {
        format!("width: {what}")
    }
}

/// The values the size legend shows: the lowest, a round value between, the highest.
fn legend_values(low: f64, high: f64) -> Vec<f64> {
    let target = low + (high - low) * 0.3;
    let mut magnitude = 10f64.powf(target.abs().max(f64::MIN_POSITIVE).log10().floor());
    if low.fract() == 0.0 && high.fract() == 0.0 {
        // A count (degree) is shown in whole numbers.
        magnitude = magnitude.max(1.0);
    }
    let round = (target / magnitude).round() * magnitude;
    let mut values = vec![low];
    if round > low && round < high {
        values.push(round);
    }
    values.push(high);
    values
}

/// The legend's width.
fn legend_width(model: &MapModel) -> f64 {
    let swatch = 34.0;
    legend_texts(model)
        .iter()
        .map(|(text, style)| text_width(text, *style) + swatch)
        .fold(180.0, f64::max)
        + 2.0 * super::sizes::MAX_RADIUS
}

/// Writes the legends from (`x`, `top`) down; returns the bottom.
fn write_legend(out: &mut String, model: &MapModel, x: f64, top: f64) -> f64 {
    let p = &model.id_prefix;
    let row = 20.0;
    let mut y = top;
    out.push_str("<g class=\"legends\">\n");
    let heading = |out: &mut String, y: &mut f64, text: &str| {
        *y += row;
        let _ = writeln!(
            out,
            "<text class=\"legend-heading\" x=\"{}\" y=\"{}\">{}</text>",
            coordinate(x),
            coordinate(*y),
            svg_text(text)
        );
        *y += 6.0;
    };
    heading(out, &mut y, &format!("Colour: {}", model.color_by));
    for (i, group) in model.groups.iter().enumerate() {
        y += row;
        let _ = writeln!(
            out,
            "<g class=\"legend-group\" data-group=\"{i}\"><circle cx=\"{}\" cy=\"{}\" r=\"6\" \
             fill=\"{}\" stroke=\"#fff\"/><text class=\"legend\" x=\"{}\" y=\"{}\">{} ({})</text></g>",
            coordinate(x + 7.0),
            coordinate(y - 4.0),
            group.colour,
            coordinate(x + 20.0),
            coordinate(y),
            svg_text(&group.label),
            group.count
        );
    }
    y += 12.0;
    heading(out, &mut y, &format!("Size: {}", model.size_by));
    match model.size_range {
        Some((low, high)) => {
            let max_r = radius_of_share(1.0);
            for value in legend_values(low, high) {
                let r = radius_of_share(((value - low) / (high - low)).clamp(0.0, 1.0));
                y += 2.0 * max_r.max(r) / 2.0 + 8.0;
                let cy = y - 4.0;
                let _ = writeln!(
                    out,
                    "<circle class=\"legend-size\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#bbb\" \
                     stroke=\"#777\"/><text class=\"legend\" x=\"{}\" y=\"{}\">{}</text>",
                    coordinate(x + max_r),
                    coordinate(cy),
                    coordinate(r),
                    coordinate(x + 2.0 * max_r + 10.0),
                    coordinate(cy + 4.0),
                    svg_text(&model.size_text(value))
                );
                y += max_r.max(r) / 2.0;
            }
        }
        None => {
            y += row;
            let _ = writeln!(
                out,
                "<text class=\"legend\" x=\"{}\" y=\"{}\">every actor the same</text>",
                coordinate(x),
                coordinate(y)
            );
        }
    }
    y += 12.0;
    heading(out, &mut y, "Ties by layer");
    for (i, layer) in model.layers.iter().enumerate().filter(|(_, l)| l.n_edges > 0) {
        y += row;
        let marker = if layer.directed {
            format!(" marker-end=\"url(#{p}-arrow-{i})\"")
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "<g class=\"legend-layer\" data-layer=\"{i}\"><path d=\"M{},{} L{},{}\" \
             stroke=\"{}\" stroke-width=\"2.5\"{marker}/><text class=\"legend\" x=\"{}\" \
             y=\"{}\">{} ({})</text></g>",
            coordinate(x),
            coordinate(y - 4.0),
            coordinate(x + 26.0),
            coordinate(y - 4.0),
            layer.colour,
            coordinate(x + 34.0),
            coordinate(y),
            svg_text(&layer.name),
            layer.n_edges
        );
    }
    y += row;
    let _ = writeln!(
        out,
        "<text class=\"legend\" x=\"{}\" y=\"{}\">{}</text>",
        coordinate(x),
        coordinate(y),
        svg_text(&width_note(model))
    );
    if bends(model).iter().any(|&b| b != 0.0) {
        y += row;
        let _ = writeln!(
            out,
            "<text class=\"legend\" x=\"{}\" y=\"{}\">arcs: two actors tied several ways</text>",
            coordinate(x),
            coordinate(y)
        );
    }
    if !model.hulls.is_empty() {
        y += row + 6.0;
        let _ = writeln!(
            out,
            "<rect class=\"hull\" x=\"{}\" y=\"{}\" width=\"26\" height=\"14\" rx=\"4\"/>\
             <text class=\"legend\" x=\"{}\" y=\"{}\">a ministry with its units</text>",
            coordinate(x),
            coordinate(y - 12.0),
            coordinate(x + 34.0),
            coordinate(y)
        );
    }
    out.push_str("</g>\n");
    y
}
