//! `twomode` output: one row per actor and per coalition with its two-mode degree, closeness and
//! betweenness; the selection they describe in JSON and a line under the table.

use serde::Serialize;
use serde_json::Value;

use super::json::to_pretty;
use super::records::{Cell, Records};
use crate::analysis::{TwoModeCentrality, TwoModeScores};
use crate::model::{Date, Network};
use crate::two_mode::{Mode, TwoMode};
use crate::view::ViewSpec;

/// The measure columns of the list (after `mode,id,name`), the ones it can be sorted by.
pub const TWO_MODE_MEASURES: [&str; 4] =
    ["degree", "degree_centrality", "closeness", "betweenness"];

/// One row per actor (mode `actor`, by id), then per coalition (mode `coalition`, by id), or
/// those of `only` one mode: `mode,id,name,degree,degree_centrality,closeness,betweenness`.
pub fn two_mode_records<'a>(
    network: &'a Network,
    two_mode: &TwoMode,
    result: &TwoModeCentrality,
    only: Option<Mode>,
) -> Records<'a> {
    let columns: Vec<&str> =
        ["mode", "id", "name"].iter().chain(TWO_MODE_MEASURES.iter()).copied().collect();
    let mut records = Records::new(&columns);
    let row = |mode: Mode, key: &'a str, name: &'a str, scores: &TwoModeScores| {
        vec![
            Cell::text(mode.as_str()),
            Cell::text(key),
            Cell::text(name),
            Cell::Count(scores.degree as u64),
            Cell::Number(Some(scores.degree_centrality)),
            Cell::Number(Some(scores.closeness)),
            Cell::Number(Some(scores.betweenness)),
        ]
    };
    if only != Some(Mode::Coalition) {
        for (&actor, scores) in two_mode.actors().iter().zip(&result.actors) {
            let actor = network.actor(actor);
            records.push(row(Mode::Actor, &actor.key, &actor.name, scores));
        }
    }
    if only != Some(Mode::Actor) {
        for (&coalition, scores) in two_mode.coalitions().iter().zip(&result.coalitions) {
            let coalition = network.coalition(coalition);
            records.push(row(Mode::Coalition, &coalition.key, &coalition.name, scores));
        }
    }
    records
}

/// The selection a two-mode output describes, for its JSON (keys in this order).
#[derive(Clone, Debug, Serialize)]
pub struct TwoModeDescription<'a> {
    /// How the workspace is named.
    workspace: &'a str,
    /// The coalition whose scope it is, when it is one's.
    coalition: Option<&'a str>,
    /// Whether that scope is the coalition's members only, without their units.
    members_only: bool,
    /// The level actors are folded to.
    level: Option<&'static str>,
    /// The kind actors are folded to.
    fold: Option<&'a str>,
    /// The date memberships hold on (`null`: every membership counts).
    at: Option<String>,
    /// Actors with a membership.
    actors: usize,
    /// Coalitions with a member.
    coalitions: usize,
    /// Memberships, each (actor, coalition) once.
    memberships: usize,
}

impl<'a> TwoModeDescription<'a> {
    /// The description of `two_mode`, built from `spec` on `network`, in the workspace named
    /// `workspace`.
    pub fn new(
        network: &'a Network,
        spec: &'a ViewSpec,
        two_mode: &TwoMode,
        workspace: &'a str,
    ) -> Self {
        TwoModeDescription {
            workspace,
            coalition: spec.scope.coalition().map(|c| network.coalition(c).key.as_str()),
            members_only: matches!(spec.scope, crate::view::Scope::Members(_)),
            level: spec.level.map(|level| level.as_str()),
            fold: spec.fold_kind.as_deref(),
            at: spec.at.map(|date: Date| date.to_string()),
            actors: two_mode.n_actors(),
            coalitions: two_mode.n_coalitions(),
            memberships: two_mode.n_memberships(),
        }
    }
}

/// The line under the table: what the two-mode data holds, and how the measures are normalized.
pub fn two_mode_summary(two_mode: &TwoMode, at: Option<Date>) -> String {
    let when = at.map_or_else(
        || "every membership, whatever its dates".to_owned(),
        |date| format!("the memberships holding on {date}"),
    );
    format!(
        "{} actors, {} coalitions, {} memberships ({when}). Degree, closeness and betweenness \
         on the actors × coalitions network, each normalized against the largest a node of \
         its mode can have (Borgatti & Everett 1997).\n",
        two_mode.n_actors(),
        two_mode.n_coalitions(),
        two_mode.n_memberships()
    )
}

/// The JSON output of `twomode`.
#[derive(Serialize)]
struct TwoModeJson<'a> {
    view: TwoModeDescription<'a>,
    normalization: &'static str,
    rows: Value,
}

/// The JSON output of `twomode`: `{"view", "normalization", "rows"}`, the rows as the list
/// has them (after `--mode`, `--sort`, `--top`).
pub fn two_mode_json(view: TwoModeDescription<'_>, records: &Records<'_>) -> String {
    to_pretty(&TwoModeJson {
        view,
        normalization: "borgatti_everett_1997",
        rows: records.to_json(),
    })
}
