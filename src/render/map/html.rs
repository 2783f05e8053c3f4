//! The map as one interactive HTML page: the SVG inline (so the page shows the map without
//! script), its data as JSON in `<script type="application/json">` (with `<`, `>`, `&`, U+2028
//! and U+2029 escaped, so no text can end the script), and a small script of our own — pan and
//! zoom, hover text, the ego network of a clicked actor, layer switches, search by name, and
//! `#focus=ID` / `#layers=off:NAME` in the address. No file is fetched, no library loaded; names
//! reach the page only as escaped SVG text and as JSON that the script puts in `textContent`.

use serde::Serialize;

use crate::render::markup::svg::svg_text;

use super::MapModel;
use super::svg::{FONT, Frame, svg_element};

/// The page's script.
const SCRIPT: &str = include_str!("map.js");

/// The page's CSS.
const STYLE: &str = "\
html,body{margin:0;height:100%;font-family:FONT;color:#1a1a1a;background:#fff}\
body{display:flex;flex-direction:column}\
header{padding:8px 16px 0}\
header h1{font-size:18px;margin:0 0 2px}\
header p{font-size:12px;color:#444;margin:0 0 6px;white-space:pre-line}\
.controls{display:none;gap:16px;align-items:center;flex-wrap:wrap;padding:4px 16px 8px;font-size:13px;border-bottom:1px solid #ddd}\
.js .controls{display:flex}\
.controls fieldset{border:0;margin:0;padding:0;display:flex;gap:12px;flex-wrap:wrap}\
.controls legend{float:left;font-weight:bold;margin-right:8px}\
.controls .swatch{display:inline-block;width:18px;height:3px;vertical-align:middle;margin-right:4px}\
#stage{flex:1;min-height:0;position:relative;overflow:hidden}\
#stage svg{width:100%;height:100%;display:block;cursor:grab;touch-action:none}\
#stage svg.dragging{cursor:grabbing}\
svg.focused .node:not([data-highlight]),svg.focused .label:not([data-highlight]){opacity:.12}\
svg.focused .edge:not([data-highlight]){opacity:.05}\
svg .node[data-highlight=focus] .actor{stroke:#1a1a1a;stroke-width:3}\
svg .node[data-match] .actor{stroke:#D55E00;stroke-width:3}\
.node{cursor:pointer}\
#tip{position:absolute;pointer-events:none;background:#fff;border:1px solid #999;border-radius:4px;padding:6px 8px;font-size:12px;max-width:320px;box-shadow:0 2px 6px rgba(0,0,0,.2);white-space:pre-line}\
#status{color:#555}";

/// The data the script reads.
#[derive(Serialize)]
struct PageData<'a> {
    prefix: &'a str,
    color_by: &'a str,
    size_by: &'a str,
    groups: Vec<&'a str>,
    layers: Vec<&'a str>,
    nodes: Vec<NodeData<'a>>,
    /// `[source, target, layer]` per edge, in the drawing's order.
    edges: Vec<[usize; 3]>,
}

#[derive(Serialize)]
struct NodeData<'a> {
    id: &'a str,
    name: &'a str,
    group: usize,
    sector: Option<&'static str>,
    level: Option<&'static str>,
    value: Option<String>,
    degree: usize,
    strength: String,
}

/// The map as one self-contained interactive HTML page.
pub fn map_html(model: &MapModel) -> String {
    let data = PageData {
        prefix: &model.id_prefix,
        color_by: &model.color_by,
        size_by: &model.size_by,
        groups: model.groups.iter().map(|g| g.label.as_str()).collect(),
        layers: model.layers.iter().map(|l| l.name.as_str()).collect(),
        nodes: model
            .nodes
            .iter()
            .map(|n| NodeData {
                id: &n.key,
                name: &n.name,
                group: n.group,
                sector: n.sector.map(|s| s.as_str()),
                level: n.level.map(|l| l.as_str()),
                value: n.value.map(|v| model.size_text(v)),
                degree: n.degree,
                strength: super::model::figure(n.strength),
            })
            .collect(),
        edges: model.edges.iter().map(|e| [e.source, e.target, e.layer]).collect(),
    };
    let json = script_json(&serde_json::to_string(&data).unwrap_or_else(|_| "{}".to_owned()));
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", svg_text(&model.title)));
    out.push_str(&format!("<style>{}</style>\n", STYLE.replace("FONT", FONT)));
    out.push_str("</head>\n<body>\n<header>\n");
    out.push_str(&format!(
        "<h1>{}</h1>\n<p>{}</p>\n",
        svg_text(&model.title),
        svg_text(&model.caption)
    ));
    out.push_str("</header>\n<div class=\"controls\">\n");
    out.push_str(
        "<label>Find <input type=\"search\" id=\"search\" placeholder=\"an actor's name\" \
         autocomplete=\"off\"></label>\n",
    );
    out.push_str("<fieldset id=\"layers\"><legend>Layers</legend>\n");
    for (i, layer) in model.layers.iter().enumerate().filter(|(_, l)| l.n_edges > 0) {
        out.push_str(&format!(
            "<label><input type=\"checkbox\" data-layer=\"{i}\" checked><span class=\"swatch\" \
             style=\"background:{}\"></span>{}</label>\n",
            layer.colour,
            svg_text(&layer.name)
        ));
    }
    out.push_str("</fieldset>\n<button type=\"button\" id=\"reset\">Whole map</button>\n");
    out.push_str(
        "<span id=\"status\" aria-live=\"polite\">Drag to move, wheel to zoom, click an actor \
         for its ties.</span>\n</div>\n<div id=\"stage\">\n",
    );
    out.push_str(&svg_element(model, Frame::Page));
    out.push_str("<div id=\"tip\" role=\"tooltip\" hidden></div>\n</div>\n");
    out.push_str(&format!("<script type=\"application/json\" id=\"map-data\">{json}</script>\n"));
    out.push_str(&format!("<script>\n{SCRIPT}</script>\n</body>\n</html>\n"));
    out
}

/// JSON made safe inside `<script>`: `<`, `>`, `&`, U+2028 and U+2029 as `\u` escapes (JSON
/// reads them back as the same characters).
pub(crate) fn script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_in_a_script_cannot_close_it() {
        let json = serde_json::to_string("</script><!-- & \u{2028}\u{2029}").unwrap();
        let safe = script_json(&json);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        assert!(!safe.contains('\u{2028}') && !safe.contains('\u{2029}'));
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "</script><!-- & \u{2028}\u{2029}");
    }
}
