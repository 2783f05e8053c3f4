//! The `check` summary as a terminal table, JSON, or lists (the sheets of a workbook).

use serde::Serialize;

use super::records::{Cell, Records};
use super::table::TextTable;
use crate::analysis::Summary;
use crate::model::{Level, Sector};

/// The summary as text: actors by sector × level, layers, coalitions, roles, hierarchy.
pub fn summary_table(summary: &Summary, workspace: &str) -> String {
    let mut out = format!("workspace {workspace}: valid\n\n");
    out.push_str(&format!("{} actors by sector (rows) and level (columns)\n", summary.n_actors));
    let levels: Vec<Option<Level>> = Level::ALL.iter().copied().map(Some).chain([None]).collect();
    let sectors: Vec<Option<Sector>> =
        Sector::ALL.iter().copied().map(Some).chain([None]).collect();
    let used_levels: Vec<Option<Level>> = levels
        .into_iter()
        .filter(|l| summary.actors_by_sector_level.keys().any(|(_, level)| level == l))
        .collect();
    let mut header = vec!["sector"];
    header.extend(used_levels.iter().map(|l| l.map_or("(none)", Level::as_str)));
    header.push("total");
    let mut right = vec![false];
    right.extend(std::iter::repeat_n(true, used_levels.len() + 1));
    let mut table = TextTable::new(&header, &right);
    for sector in sectors {
        let counts: Vec<usize> = used_levels
            .iter()
            .map(|level| {
                summary.actors_by_sector_level.get(&(sector, *level)).copied().unwrap_or(0)
            })
            .collect();
        let total: usize = counts.iter().sum();
        if total == 0 {
            continue;
        }
        let mut row = vec![sector.map_or("(none)", Sector::as_str).to_owned()];
        row.extend(counts.iter().map(usize::to_string));
        row.push(total.to_string());
        table.row(row);
    }
    out.push_str(&table.render());

    out.push_str(&format!(
        "\nhierarchy: {} level(s) deep; {} actor(s) have parts below them\n",
        summary.hierarchy_depth, summary.n_parents
    ));

    out.push_str(&format!("\n{} layer(s)\n", summary.layers.len()));
    let mut table = TextTable::new(&["layer", "directed", "ties"], &[false, false, true]);
    for layer in &summary.layers {
        table.row(vec![
            layer.name.clone(),
            yes_no(layer.directed).to_owned(),
            layer.n_ties.to_string(),
        ]);
    }
    out.push_str(&table.render());

    out.push_str(&format!("\n{} coalition(s)\n", summary.n_coalitions));
    if !summary.coalitions.is_empty() {
        let mut table = TextTable::new(&["id", "name", "members"], &[false, false, true]);
        for coalition in &summary.coalitions {
            table.row(vec![
                coalition.id.clone(),
                coalition.name.clone(),
                coalition.n_members.to_string(),
            ]);
        }
        out.push_str(&table.render());
        out.push_str("\nmemberships by role\n");
        let mut table = TextTable::new(&["role", "members"], &[false, true]);
        for (role, count) in &summary.members_by_role {
            table.row(vec![role.as_str().to_owned(), count.to_string()]);
        }
        out.push_str(&table.render());
    }
    out
}

/// The summary as lists, each with its name: `workspace` (the counts: actors, coalitions,
/// hierarchy depth, actors with parts), `sectors and levels` (actors per sector and level),
/// `layers`, `coalitions` and `roles` (memberships per role).
pub fn summary_records(summary: &Summary) -> Vec<(&'static str, Records<'_>)> {
    let mut figures = Records::new(&["figure", "value"]);
    for (name, value) in [
        ("actors", summary.n_actors as u64),
        ("coalitions", summary.n_coalitions as u64),
        ("hierarchy_depth", u64::from(summary.hierarchy_depth)),
        ("actors_with_parts", summary.n_parents as u64),
    ] {
        figures.push(vec![Cell::text(name), Cell::Count(value)]);
    }
    let mut cells = Records::new(&["sector", "level", "actors"]);
    for (&(sector, level), &actors) in &summary.actors_by_sector_level {
        cells.push(vec![
            Cell::text(sector.map_or("", Sector::as_str)),
            Cell::text(level.map_or("", Level::as_str)),
            Cell::Count(actors as u64),
        ]);
    }
    let mut layers = Records::new(&["layer", "directed", "ties"]);
    for layer in &summary.layers {
        layers.push(vec![
            Cell::text(layer.name.as_str()),
            Cell::Flag(layer.directed),
            Cell::Count(layer.n_ties as u64),
        ]);
    }
    let mut coalitions = Records::new(&["id", "name", "members"]);
    for coalition in &summary.coalitions {
        coalitions.push(vec![
            Cell::text(coalition.id.as_str()),
            Cell::text(coalition.name.as_str()),
            Cell::Count(coalition.n_members as u64),
        ]);
    }
    let mut roles = Records::new(&["role", "members"]);
    for (role, &count) in &summary.members_by_role {
        roles.push(vec![Cell::text(role.as_str()), Cell::Count(count as u64)]);
    }
    vec![
        ("workspace", figures),
        ("sectors and levels", cells),
        ("layers", layers),
        ("coalitions", coalitions),
        ("roles", roles),
    ]
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

#[derive(Serialize)]
struct SummaryJson<'a> {
    workspace: &'a str,
    actors: usize,
    actors_by_sector_level: Vec<SectorLevelJson>,
    hierarchy_depth: u32,
    layers: Vec<LayerJson<'a>>,
    coalitions: Vec<CoalitionJson<'a>>,
    members_by_role: Vec<RoleJson>,
}

#[derive(Serialize)]
struct SectorLevelJson {
    sector: Option<&'static str>,
    level: Option<&'static str>,
    actors: usize,
}

#[derive(Serialize)]
struct LayerJson<'a> {
    layer: &'a str,
    directed: bool,
    ties: usize,
}

#[derive(Serialize)]
struct CoalitionJson<'a> {
    id: &'a str,
    name: &'a str,
    members: usize,
}

#[derive(Serialize)]
struct RoleJson {
    role: &'static str,
    members: usize,
}

/// The summary as one JSON object.
pub fn summary_json(summary: &Summary, workspace: &str) -> String {
    let json = SummaryJson {
        workspace,
        actors: summary.n_actors,
        actors_by_sector_level: summary
            .actors_by_sector_level
            .iter()
            .map(|((sector, level), &actors)| SectorLevelJson {
                sector: sector.map(Sector::as_str),
                level: level.map(Level::as_str),
                actors,
            })
            .collect(),
        hierarchy_depth: summary.hierarchy_depth,
        layers: summary
            .layers
            .iter()
            .map(|l| LayerJson { layer: &l.name, directed: l.directed, ties: l.n_ties })
            .collect(),
        coalitions: summary
            .coalitions
            .iter()
            .map(|c| CoalitionJson { id: &c.id, name: &c.name, members: c.n_members })
            .collect(),
        members_by_role: summary
            .members_by_role
            .iter()
            .map(|(role, &members)| RoleJson { role: role.as_str(), members })
            .collect(),
    };
    super::json::to_pretty(&json)
}
