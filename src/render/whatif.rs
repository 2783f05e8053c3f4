//! `whatif` output: what changes when actors leave or join (the rows of `diff` with the
//! network's split and the Rijk–region brokerage), and the key-player ranking of `--rank`.
//!
//! Ranking CSV: `rank,id,name,sector,level,fragmentation,fragmentation_increase,
//! distance_fragmentation,distance_fragmentation_increase,pieces,topics_lost`, where `pieces`
//! reads `3; 2` (the sizes the actor's component splits into) and `topics_lost` is
//! `;`-separated.

use serde::Serialize;
use serde_json::Value;

use super::diff::{diff_records, diff_summary};
use super::json::to_value;
use super::records::{Cell, Records};
use crate::analysis::{KeyPlayer, WhatIf};
use crate::model::Network;

fn sizes(list: &[usize]) -> String {
    list.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}

/// The rows of `diff` (before: the view as it is; after: without and with the actors), then
/// `split` (weak components and the largest) and `brokerage` (Rijk–region) rows.
pub fn whatif_records(w: &WhatIf) -> Records<'_> {
    let mut records = diff_records(&w.diff);
    let row = |section: &str, item: &str, before: f64, after: f64, detail: String| {
        vec![
            Cell::text(section.to_owned()),
            Cell::text(item.to_owned()),
            Cell::text(String::new()),
            Cell::Number(Some(before)),
            Cell::Number(Some(after)),
            Cell::Number(Some(after - before)),
            Cell::text(String::new()),
            Cell::text(String::new()),
            Cell::text(detail),
        ]
    };
    let (b, a) = (&w.components_before, &w.components_after);
    records.push(row(
        "split",
        "weak_components",
        b.len() as f64,
        a.len() as f64,
        format!("sizes after: {}", sizes(a)),
    ));
    let largest = |l: &[usize]| l.first().copied().unwrap_or(0) as f64;
    records.push(row("split", "largest_component", largest(b), largest(a), String::new()));
    records.push(row(
        "brokerage",
        "rijk_region_brokerage",
        w.brokerage_before as f64,
        w.brokerage_after as f64,
        "Gould-Fernandez roles across Rijk and region (all but coordinator)".to_owned(),
    ));
    records
}

/// A few lines in plain words: who left or joined, whether the network splits, the brokerage
/// lost, then `diff`'s lines.
pub fn whatif_summary(w: &WhatIf, view: &str) -> Vec<String> {
    let keys = |l: &[crate::analysis::ActorLabel]| {
        l.iter().map(|a| a.key.as_str()).collect::<Vec<_>>().join(", ")
    };
    let mut who = Vec::new();
    if !w.without.is_empty() {
        who.push(format!("without {}", keys(&w.without)));
    }
    if !w.with.is_empty() {
        who.push(format!("with {}", keys(&w.with)));
    }
    let mut lines = vec![format!("What if: {view}, {}.", who.join(" and "))];
    let (b, a) = (&w.components_before, &w.components_after);
    let split = if a.len() > b.len() {
        format!(
            "the network splits: {} -> {} weak components (sizes after: {})",
            b.len(),
            a.len(),
            sizes(a)
        )
    } else {
        format!("no split: {} -> {} weak components", b.len(), a.len())
    };
    lines.push(format!(
        "Structure: {split}; largest component {} -> {}.",
        b.first().copied().unwrap_or(0),
        a.first().copied().unwrap_or(0)
    ));
    lines.push(format!(
        "Rijk-region brokerage (paths crossing between Rijk and region through an actor): {} -> {}{}.",
        w.brokerage_before,
        w.brokerage_after,
        if w.brokerage_after < w.brokerage_before {
            format!(" ({} lost)", w.brokerage_before - w.brokerage_after)
        } else {
            String::new()
        }
    ));
    lines.extend(diff_summary(&w.diff, "as it is", "after").into_iter().skip(1));
    lines
}

/// The JSON of `whatif`: the summary, the split, the brokerage and `diff`'s rows.
pub fn whatif_json(w: &WhatIf, view: &str) -> Value {
    #[derive(Serialize)]
    struct WhatIfJson<'a> {
        summary: Vec<String>,
        without: Vec<&'a str>,
        with: Vec<&'a str>,
        components_before: &'a [usize],
        components_after: &'a [usize],
        rijk_region_brokerage_before: u64,
        rijk_region_brokerage_after: u64,
        changes: Value,
    }
    to_value(&WhatIfJson {
        summary: whatif_summary(w, view),
        without: w.without.iter().map(|a| a.key.as_str()).collect(),
        with: w.with.iter().map(|a| a.key.as_str()).collect(),
        components_before: &w.components_before,
        components_after: &w.components_after,
        rijk_region_brokerage_before: w.brokerage_before,
        rijk_region_brokerage_after: w.brokerage_after,
        changes: diff_records(&w.diff).to_json(),
    })
}

/// The columns of the ranking.
pub const RANK_COLUMNS: [&str; 11] = [
    "rank",
    "id",
    "name",
    "sector",
    "level",
    "fragmentation",
    "fragmentation_increase",
    "distance_fragmentation",
    "distance_fragmentation_increase",
    "pieces",
    "topics_lost",
];

/// One row per actor, in the ranking's order.
pub fn rank_records<'a>(network: &'a Network, players: &'a [KeyPlayer]) -> Records<'a> {
    let mut records = Records::new(&RANK_COLUMNS);
    for (i, p) in players.iter().enumerate() {
        let a = network.actor(p.actor);
        records.push(vec![
            Cell::Count(i as u64 + 1),
            Cell::text(a.key.as_str()),
            Cell::text(a.name.as_str()),
            Cell::optional_text(a.sector.map(|s| s.as_str())),
            Cell::optional_text(a.level.map(|l| l.as_str())),
            Cell::Number(p.fragmentation),
            Cell::Number(p.fragmentation_increase),
            Cell::Number(p.distance_fragmentation),
            Cell::Number(p.distance_fragmentation_increase),
            Cell::text(sizes(&p.pieces)),
            Cell::text(p.topics_lost.join("; ")),
        ]);
    }
    records
}

/// The ranking's measure columns, the values `--sort` accepts.
pub const RANK_MEASURES: [&str; 4] = [
    "fragmentation",
    "fragmentation_increase",
    "distance_fragmentation",
    "distance_fragmentation_increase",
];

/// The JSON of `whatif --rank`: the figures of the view as it is and the ranked actors.
pub fn rank_json(
    fragmentation: Option<f64>,
    distance_fragmentation: Option<f64>,
    records: &Records<'_>,
) -> Value {
    #[derive(Serialize)]
    struct RankJson {
        fragmentation: Option<f64>,
        distance_fragmentation: Option<f64>,
        actors: Value,
    }
    to_value(&RankJson { fragmentation, distance_fragmentation, actors: records.to_json() })
}
