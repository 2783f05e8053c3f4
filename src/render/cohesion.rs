//! `cohesion` output: per actor its core number and community; the modularity, the number of
//! communities and the maximal cliques in JSON, a summary in tables.

use serde::Serialize;
use serde_json::Value;

use super::actors::{ACTOR_COLUMNS, actor_cells, by_actor_id};
use super::description::ViewDescription;
use super::json::{finite, to_pretty};
use super::records::{Cell, Records};
use crate::analysis::{Cliques, Communities};
use crate::model::Network;
use crate::view::View;

/// The per-actor columns after `id,name,sector,level`.
pub const COHESION_COLUMNS: [&str; 2] = ["core", "community"];

/// Said of every cohesion output: the view is read as undirected.
pub const UNDIRECTED_NOTE: &str = "the view is taken as undirected: two actors are tied when a \
tie joins them either way, and a pair weighs the larger of its ties' weights (for modularity)";

/// What cohesion computed, for rendering.
#[derive(Clone, Copy, Debug)]
pub struct CohesionOutput<'a> {
    /// The view the figures are of.
    pub view: &'a View,
    /// Core numbers in node order.
    pub core: &'a [u32],
    /// Leiden communities.
    pub communities: &'a Communities,
    /// The seed Leiden ran with.
    pub seed: u64,
    /// The maximal cliques (the kept ones and the count).
    pub cliques: &'a Cliques,
}

/// One row per actor, ordered by id: core number and community (0 the largest).
pub fn cohesion_records<'a>(network: &'a Network, output: CohesionOutput<'a>) -> Records<'a> {
    let columns: Vec<&str> = ACTOR_COLUMNS.iter().chain(COHESION_COLUMNS.iter()).copied().collect();
    let view = output.view;
    let order = by_actor_id(network, view.actors().iter().copied());
    Records::from_fn(&columns, order.len(), move |i, row| {
        let node = order[i];
        row.extend(actor_cells(network, view.actor(node as u32)));
        row.extend([
            Cell::Count(u64::from(output.core[node])),
            Cell::Count(u64::from(output.communities.community[node])),
        ]);
    })
}

/// One row per listed clique: its rank, size and members' ids (separated by `; `).
pub fn clique_records<'a>(network: &'a Network, cliques: &'a Cliques) -> Records<'a> {
    let mut records = Records::new(&["clique", "size", "members"]);
    for (i, clique) in cliques.cliques.iter().enumerate() {
        let members: Vec<&str> = clique.iter().map(|&a| network.actor(a).key.as_str()).collect();
        records.push(vec![
            Cell::Count(i as u64 + 1),
            Cell::Count(clique.len() as u64),
            Cell::text(members.join("; ")),
        ]);
    }
    records
}

#[derive(Serialize)]
struct CommunitiesJson {
    method: &'static str,
    seed: u64,
    count: usize,
    modularity: Option<f64>,
}

#[derive(Serialize)]
struct CliquesJson<'a> {
    total: u64,
    listed: usize,
    largest: usize,
    members: Vec<Vec<&'a str>>,
}

#[derive(Serialize)]
struct CohesionJson<'a> {
    view: ViewDescription<'a>,
    actors: Value,
    max_core: u32,
    communities: CommunitiesJson,
    cliques: CliquesJson<'a>,
    notes: Vec<String>,
}

/// The notes of a cohesion output, in a fixed order.
fn notes(output: CohesionOutput<'_>) -> Vec<String> {
    let mut notes = vec![UNDIRECTED_NOTE.to_owned()];
    if output.communities.modularity.is_none() {
        notes.push("modularity: undefined, the view has no ties".to_owned());
    }
    let listed = output.cliques.cliques.len() as u64;
    if listed < output.cliques.total {
        notes.push(format!(
            "cliques: {listed} of {} maximal cliques listed, the largest first; --cliques N lists more",
            output.cliques.total
        ));
    }
    notes
}

/// The JSON output of `cohesion`: `{"view", "actors", "max_core", "communities", "cliques",
/// "notes"}`.
pub fn cohesion_json(
    network: &Network,
    view: ViewDescription<'_>,
    records: &Records<'_>,
    output: CohesionOutput<'_>,
) -> String {
    let members = output
        .cliques
        .cliques
        .iter()
        .map(|clique| clique.iter().map(|&a| network.actor(a).key.as_str()).collect())
        .collect();
    to_pretty(&CohesionJson {
        view,
        actors: records.to_json(),
        max_core: output.core.iter().copied().max().unwrap_or(0),
        communities: CommunitiesJson {
            method: "leiden",
            seed: output.seed,
            count: output.communities.n_communities,
            modularity: output.communities.modularity.and_then(finite),
        },
        cliques: CliquesJson {
            total: output.cliques.total,
            listed: output.cliques.cliques.len(),
            largest: output.cliques.largest,
            members,
        },
        notes: notes(output),
    })
}

/// The summary lines under the table of actors.
pub fn cohesion_summary(output: CohesionOutput<'_>) -> String {
    let communities = output.communities;
    let modularity = match communities.modularity.and_then(finite) {
        Some(q) => format!("modularity {q:.4}"),
        None => "modularity undefined".to_owned(),
    };
    let mut text = format!(
        "{} communities (Leiden, seed {}), {modularity}; largest core number {}; {} maximal cliques, the largest of {} actors (listed in JSON)\n",
        communities.n_communities,
        output.seed,
        output.core.iter().copied().max().unwrap_or(0),
        output.cliques.total,
        output.cliques.largest,
    );
    for note in notes(output) {
        if note.starts_with("cliques:") {
            continue;
        }
        text.push_str("note: ");
        text.push_str(&note);
        text.push('\n');
    }
    text
}
