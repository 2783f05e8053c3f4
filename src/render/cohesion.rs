//! `cohesion` output: per actor its core number and community; the modularity, the number of
//! communities and the maximal cliques in JSON, a summary in tables.

use serde::Serialize;
use serde_json::Value;

use super::actors::{ACTOR_COLUMNS, actor_cells, by_actor_id};
use super::centrality::TriadCensusJson;
use super::description::ViewDescription;
use super::json::{finite, to_pretty};
use super::records::{Cell, Records};
use crate::analysis::{Cliques, Communities, TRIAD_TYPES};
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
    /// Core numbers in node order (`None`: not computed, the column stays empty).
    pub core: Option<&'a [u32]>,
    /// Leiden communities (`None`: not computed).
    pub communities: Option<&'a Communities>,
    /// The seed Leiden ran with.
    pub seed: u64,
    /// The maximal cliques, the kept ones and the count (`None`: not computed).
    pub cliques: Option<&'a Cliques>,
    /// The triad census (`None`: not asked for).
    pub triad_census: Option<[u64; 16]>,
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
            output.core.map_or(Cell::Number(None), |core| Cell::Count(u64::from(core[node]))),
            output
                .communities
                .map_or(Cell::Number(None), |c| Cell::Count(u64::from(c.community[node]))),
        ]);
    })
}

/// One row per listed clique: its rank, size and members' ids (separated by `; `).
pub fn clique_records<'a>(network: &'a Network, cliques: &Cliques) -> Records<'a> {
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
    #[serde(skip_serializing_if = "Option::is_none")]
    max_core: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    communities: Option<CommunitiesJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cliques: Option<CliquesJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    triad_census: Option<TriadCensusJson>,
    notes: Vec<String>,
}

/// The notes of a cohesion output, in a fixed order.
fn notes(output: CohesionOutput<'_>) -> Vec<String> {
    let mut notes = vec![UNDIRECTED_NOTE.to_owned()];
    if output.communities.is_some_and(|c| c.modularity.is_none()) {
        notes.push("modularity: undefined, the view has no ties".to_owned());
    }
    if let Some(cliques) = output.cliques {
        let listed = cliques.cliques.len() as u64;
        if listed < cliques.total {
            notes.push(format!(
                "cliques: {listed} of {} maximal cliques listed, the largest first; --cliques N lists more",
                cliques.total
            ));
        }
    }
    if output.triad_census.is_some() {
        notes.push(
            "triad census: read from the direction of every tie (an undirected tie is mutual)"
                .to_owned(),
        );
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
    to_pretty(&CohesionJson {
        view,
        actors: records.to_json(),
        max_core: output.core.map(|core| core.iter().copied().max().unwrap_or(0)),
        communities: output.communities.map(|c| CommunitiesJson {
            method: "leiden",
            seed: output.seed,
            count: c.n_communities,
            modularity: c.modularity.and_then(finite),
        }),
        cliques: output.cliques.map(|cliques| CliquesJson {
            total: cliques.total,
            listed: cliques.cliques.len(),
            largest: cliques.largest,
            members: cliques
                .cliques
                .iter()
                .map(|clique| clique.iter().map(|&a| network.actor(a).key.as_str()).collect())
                .collect(),
        }),
        triad_census: output.triad_census.map(TriadCensusJson),
        notes: notes(output),
    })
}

/// The summary lines under the table of actors.
pub fn cohesion_summary(output: CohesionOutput<'_>) -> String {
    let mut parts = Vec::new();
    if let Some(communities) = output.communities {
        let modularity = match communities.modularity.and_then(finite) {
            Some(q) => format!("modularity {q:.4}"),
            None => "modularity undefined".to_owned(),
        };
        parts.push(format!(
            "{} communities (Leiden, seed {}), {modularity}",
            communities.n_communities, output.seed
        ));
    }
    if let Some(core) = output.core {
        parts.push(format!("largest core number {}", core.iter().copied().max().unwrap_or(0)));
    }
    if let Some(cliques) = output.cliques {
        parts.push(format!(
            "{} maximal cliques, the largest of {} actors (listed in JSON)",
            cliques.total, cliques.largest
        ));
    }
    if let Some(census) = output.triad_census {
        let counts: Vec<String> =
            TRIAD_TYPES.iter().zip(census).map(|(name, count)| format!("{name} {count}")).collect();
        parts.push(format!("triad census {}", counts.join(", ")));
    }
    let mut text = parts.join("; ");
    text.push('\n');
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
