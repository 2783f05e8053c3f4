//! The report's network maps: the whole network on the overview, and each coalition's scope
//! in its section; inline SVG (no script), each with its legend, a file and the command.

use std::fmt::Write as _;

use super::format::esc;
use super::section::Section;
use crate::analysis::CoalitionReport;
use crate::model::CoalitionId;
use crate::render::{MapModel, MapOptions, map_svg, map_svg_element};
use crate::view::{LayerChoice, View, ViewSpec};

/// The overview's map: every actor, the view every command takes by default, on the report's
/// date.
pub(super) fn overview_map(mut s: Section<'_, '_>) {
    let spec = ViewSpec::default().with_at(s.context.report.moment.date);
    draw(&mut s, &spec, "m-all-", "data/map.svg", None);
    s.end(Some("stakenet map -o map.svg"));
}

/// A coalition's map: its members and their units, the relations among them (never shared
/// membership), on its date.
pub(super) fn coalition_map(mut s: Section<'_, '_>, coalition: &CoalitionReport, data: &str) {
    let network = s.context.network;
    let key = network.coalition(coalition.coalition).key.clone();
    let spec = ViewSpec::coalition(coalition.coalition)
        .with_layers(LayerChoice::explicit_layers(network))
        .with_at(coalition.moment.date);
    let prefix = format!("m-{}-", data.rsplit('/').next().unwrap_or("c"));
    draw(&mut s, &spec, &prefix, &format!("{data}/map.svg"), Some(coalition.coalition));
    s.end(Some(&format!("stakenet map --coalition {key} -o map.svg")));
}

/// Draws the map of `spec` inline and as a file, or says why there is none.
fn draw(
    s: &mut Section<'_, '_>,
    spec: &ViewSpec,
    prefix: &str,
    file: &str,
    coalition: Option<CoalitionId>,
) {
    let context = s.context;
    let network = context.network;
    let model = View::build(network, spec).map_err(|e| e.to_string()).and_then(|view| {
        if view.n_nodes() == 0 {
            return Err("no actor is in scope on this date".to_owned());
        }
        let options = MapOptions::default()
            .with_workspace(context.report.source.workspace.clone())
            .with_id_prefix(prefix);
        MapModel::build(network, spec, &view, &options).map_err(|e| e.to_string())
    });
    match model {
        Ok(model) => {
            let _ = writeln!(
                s.out,
                "<div class=\"diagram map\">{}</div>",
                map_svg_element(&model).trim_end()
            );
            s.file(file, map_svg(&model));
        }
        Err(reason) => {
            let whose = if coalition.is_some() { "this coalition" } else { "the network" };
            let _ = writeln!(s.out, "<p class=\"note\">No map of {whose}: {}.</p>", esc(&reason));
        }
    }
}
