//! `ego` output: the alters of an ego network, and its figures in words and JSON.

use serde::Serialize;
use serde_json::Value;

use super::description::ViewDescription;
use super::json::to_pretty;
use super::records::{Cell, Records};
use crate::analysis::EgoNetwork;
use crate::model::Network;

/// One row per alter, by distance then view order: `id,name,sector,level,distance,from_ego,
/// to_ego`.
pub fn ego_records<'a>(network: &'a Network, result: &'a EgoNetwork) -> Records<'a> {
    let mut records =
        Records::new(&["id", "name", "sector", "level", "distance", "from_ego", "to_ego"]);
    for alter in &result.alters {
        let actor = network.actor(alter.actor);
        records.push(vec![
            Cell::text(actor.key.as_str()),
            Cell::text(actor.name.as_str()),
            Cell::optional_text(actor.sector.map(|s| s.as_str())),
            Cell::optional_text(actor.level.map(|l| l.as_str())),
            Cell::Count(u64::from(alter.distance)),
            Cell::Flag(alter.from_ego),
            Cell::Flag(alter.to_ego),
        ]);
    }
    records
}

/// The figures of the ego network in words, under the table.
pub fn ego_summary(network: &Network, result: &EgoNetwork) -> String {
    let number = |value: Option<f64>| value.map_or("undefined".to_owned(), |v| format!("{v:.3}"));
    let mix: Vec<String> = result
        .sectors
        .iter()
        .filter(|(_, count)| *count > 0)
        .map(|(sector, count)| format!("{} {count}", sector.map_or("(none)", |s| s.as_str())))
        .collect();
    format!(
        "Ego {} ({}), radius {}: {} alters, {} ties among them (density {}).\n\
         Sectors of the alters: {}; Blau's heterogeneity {} (IQV {}: 0 one sector, 1 all six \
         alike).\n\
         Burt: effective size {} (contacts that do not know each other), constraint {} (high: \
         contacts tied to each other, little room to broker).\n",
        network.actor(result.ego).key,
        network.actor(result.ego).name,
        result.radius,
        result.alters.len(),
        result.ties_among_alters,
        number(result.density),
        if mix.is_empty() { "none".to_owned() } else { mix.join(", ") },
        number(result.blau),
        number(result.iqv),
        number(result.effective_size),
        number(result.constraint),
    )
}

#[derive(Serialize)]
struct EgoJson<'a> {
    view: ViewDescription<'a>,
    ego: &'a str,
    radius: u32,
    size: usize,
    ties_among_alters: usize,
    density: Option<f64>,
    blau: Option<f64>,
    iqv: Option<f64>,
    sectors: Vec<(&'a str, usize)>,
    effective_size: Option<f64>,
    constraint: Option<f64>,
    alters: Value,
}

/// The JSON output of `ego`: `{"view", "ego", "radius", "size", "ties_among_alters",
/// "density", "blau", "iqv", "sectors": [[sector, alters]…], "effective_size", "constraint",
/// "alters"}`.
pub fn ego_json(
    view: ViewDescription<'_>,
    network: &Network,
    result: &EgoNetwork,
    records: &Records<'_>,
) -> String {
    to_pretty(&EgoJson {
        view,
        ego: &network.actor(result.ego).key,
        radius: result.radius,
        size: result.alters.len(),
        ties_among_alters: result.ties_among_alters,
        density: result.density,
        blau: result.blau,
        iqv: result.iqv,
        sectors: result
            .sectors
            .iter()
            .map(|(sector, count)| (sector.map_or("(none)", |s| s.as_str()), *count))
            .collect(),
        effective_size: result.effective_size,
        constraint: result.constraint,
        alters: records.to_json(),
    })
}
