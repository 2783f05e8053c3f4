//! Horizontal bar charts as plain SVG, for the report: one bar per label, a value note after
//! each bar, an optional reference line, in a colour-blind-safe palette (Okabe & Ito 2008).
//!
//! Every label is escaped for XML (and characters XML cannot hold become U+FFFD); long labels
//! are shortened with `…` and keep their full text in a tooltip. The same chart gives the same
//! bytes: coordinates are written with one decimal.

use std::fmt::Write as _;

use crate::model::Sector;
use crate::render::markup::svg::{coordinate, svg_text};

/// The Okabe–Ito palette: distinguishable with every common colour-vision deficiency.
pub mod palette {
    /// Blue.
    pub const BLUE: &str = "#0072B2";
    /// Orange.
    pub const ORANGE: &str = "#E69F00";
    /// Bluish green.
    pub const GREEN: &str = "#009E73";
    /// Reddish purple.
    pub const PURPLE: &str = "#CC79A7";
    /// Vermillion.
    pub const VERMILLION: &str = "#D55E00";
    /// Sky blue.
    pub const SKY: &str = "#56B4E9";
    /// Grey, for values without a category.
    pub const GREY: &str = "#8C8C8C";
}

/// The colour of a sector in every chart (grey for no sector).
pub fn sector_colour(sector: Option<Sector>) -> &'static str {
    match sector {
        Some(Sector::Government) => palette::BLUE,
        Some(Sector::Business) => palette::ORANGE,
        Some(Sector::Knowledge) => palette::GREEN,
        Some(Sector::CivilSociety) => palette::PURPLE,
        Some(Sector::Citizens) => palette::VERMILLION,
        Some(Sector::Hybrid) => palette::SKY,
        None => palette::GREY,
    }
}

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The label left of the bar.
    pub label: String,
    /// The length, from 0 to the chart's `max`; `None` draws no bar (the note says why).
    pub value: Option<f64>,
    /// Fill colour (a palette colour).
    pub colour: &'static str,
    /// Text after the bar, e.g. `62% (€12.5m of €20.0m)`.
    pub note: String,
}

/// A vertical line across the bars at a value, with a caption.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    /// Where the line stands.
    pub value: f64,
    /// Its caption, above the bars.
    pub caption: String,
}

/// A horizontal bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    /// The chart's title (its accessible name and tooltip; not drawn).
    pub title: String,
    /// The bars, top to bottom.
    pub bars: Vec<Bar>,
    /// The value of a full-length bar (the largest value when not positive).
    pub max: f64,
    /// An optional reference line.
    pub reference: Option<Reference>,
    /// The total width in pixels; the bars get what the labels and notes leave (at least
    /// 120), so a chart with long labels or notes may come out wider.
    pub width: f64,
}

/// Labels longer than this many characters are shortened.
const MAX_LABEL_CHARS: usize = 44;
/// Width of one character of the 12 px labels, generously estimated.
const CHAR_WIDTH: f64 = 6.6;
const ROW: f64 = 20.0;
const BAR: f64 = 13.0;
/// Width of one character of the notes (digits and short words).
const NOTE_CHAR_WIDTH: f64 = 6.4;

/// The chart as an `<svg>` element (without an XML declaration), to embed in HTML or to write
/// to a file after [`svg_document`]. Three columns: the labels, the bars, the notes.
pub fn bar_chart_svg(chart: &BarChart) -> String {
    let labels: Vec<String> = chart.bars.iter().map(|b| shorten(&b.label)).collect();
    let longest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let label_width = (longest as f64 * CHAR_WIDTH + 12.0).clamp(60.0, 320.0);
    let longest_note = chart.bars.iter().map(|b| b.note.chars().count()).max().unwrap_or(0);
    let note_width = longest_note as f64 * NOTE_CHAR_WIDTH + 14.0;
    let plot_left = label_width;
    let plot_width = (chart.width - label_width - note_width).max(120.0);
    let width = label_width + plot_width + note_width;
    let note_x = plot_left + plot_width + 10.0;
    let top = if chart.reference.is_some() { 22.0 } else { 6.0 };
    let height = top + chart.bars.len() as f64 * ROW + 8.0;
    let max = if chart.max > 0.0 {
        chart.max
    } else {
        chart.bars.iter().filter_map(|b| b.value).fold(0.0, f64::max)
    };
    let scale = |value: f64| {
        if max > 0.0 { (value / max).clamp(0.0, 1.0) * plot_width } else { 0.0 }
    };

    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" class=\"chart\" width=\"{w}\" \
         height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"Helvetica, Arial, sans-serif\" \
         font-size=\"12\" role=\"img\">",
        w = coordinate(width),
        h = coordinate(height)
    );
    let _ = writeln!(out, "<title>{}</title>", svg_text(&chart.title));
    // The plot area's frame: the axis at 0 and a faint line at the full length.
    let _ = writeln!(
        out,
        "<line x1=\"{x}\" y1=\"{y1}\" x2=\"{x}\" y2=\"{y2}\" stroke=\"#4d4d4d\" stroke-width=\"1\"/>\n\
         <line x1=\"{end}\" y1=\"{y1}\" x2=\"{end}\" y2=\"{y2}\" stroke=\"#d0d0d0\" stroke-width=\"1\"/>",
        x = coordinate(plot_left),
        end = coordinate(plot_left + plot_width),
        y1 = coordinate(top - 2.0),
        y2 = coordinate(height - 6.0)
    );
    if let Some(reference) = &chart.reference {
        let x = plot_left + scale(reference.value);
        let _ = writeln!(
            out,
            "<line x1=\"{x}\" y1=\"{y1}\" x2=\"{x}\" y2=\"{y2}\" stroke=\"#1a1a1a\" \
             stroke-width=\"1\" stroke-dasharray=\"4 3\"/>\n<text x=\"{x}\" y=\"12\" \
             text-anchor=\"middle\" fill=\"#1a1a1a\">{caption}</text>",
            x = coordinate(x),
            y1 = coordinate(top - 4.0),
            y2 = coordinate(height - 6.0),
            caption = svg_text(&reference.caption)
        );
    }
    for (row, (bar, label)) in chart.bars.iter().zip(&labels).enumerate() {
        let y = top + row as f64 * ROW;
        let middle = y + ROW / 2.0;
        let _ = write!(
            out,
            "<g><title>{}: {}</title><text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#1a1a1a\">{}</text>",
            svg_text(&bar.label),
            svg_text(&bar.note),
            coordinate(plot_left - 6.0),
            coordinate(middle + 4.0),
            svg_text(label)
        );
        if let Some(value) = bar.value.filter(|v| v.is_finite()) {
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
                coordinate(plot_left),
                coordinate(middle - BAR / 2.0),
                coordinate(scale(value)),
                coordinate(BAR),
                bar.colour
            );
        }
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" fill=\"#333333\">{}</text></g>",
            coordinate(note_x),
            coordinate(middle + 4.0),
            svg_text(&bar.note)
        );
    }
    out.push_str("</svg>\n");
    out
}

/// `svg` (from [`bar_chart_svg`]) as a standalone SVG file.
pub fn svg_document(svg: &str) -> String {
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}")
}

/// A label of at most [`MAX_LABEL_CHARS`] characters, ending in `…` when shortened.
fn shorten(label: &str) -> String {
    let flat: String = label.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if flat.chars().count() <= MAX_LABEL_CHARS {
        flat
    } else {
        let mut short: String = flat.chars().take(MAX_LABEL_CHARS - 1).collect();
        short.truncate(short.trim_end().len());
        short.push('…');
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(label: &str) -> BarChart {
        BarChart {
            title: "Parties by <sector>".into(),
            bars: vec![
                Bar {
                    label: label.into(),
                    value: Some(3.0),
                    colour: palette::BLUE,
                    note: "3".into(),
                },
                Bar {
                    label: "none".into(),
                    value: None,
                    colour: palette::GREY,
                    note: "not stated".into(),
                },
            ],
            max: 0.0,
            reference: Some(Reference { value: 1.5, caption: "half & half".into() }),
            width: 600.0,
        }
    }

    #[test]
    fn labels_are_text_and_the_svg_is_deterministic() {
        let svg = bar_chart_svg(&chart("<script>alert(\"1\")</script>"));
        assert!(!svg.contains("<script"), "{svg}");
        assert!(svg.contains("&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt;"), "{svg}");
        assert!(svg.contains("half &amp; half"));
        assert_eq!(svg, bar_chart_svg(&chart("<script>alert(\"1\")</script>")));
        assert!(svg_document(&svg).starts_with("<?xml"));
    }

    #[test]
    fn long_labels_are_shortened_with_the_full_text_in_the_tooltip() {
        let long = "Regio Deal Oost-Groningen: Van Leefbaarheid naar Toekomstkracht";
        let svg = bar_chart_svg(&chart(long));
        assert!(svg.contains(&format!("<title>{long}: 3</title>")), "{svg}");
        assert!(svg.contains("Regio Deal Oost-Groningen: Van Leefbaarheid…<"), "{svg}");
        assert_eq!(shorten("a\u{1}b"), "a b");
    }
}
