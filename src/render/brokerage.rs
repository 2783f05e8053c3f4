//! `brokerage` output: Gould–Fernandez roles, Burt's constraint and effective size per actor.

use serde::Serialize;
use serde_json::Value;

use super::actors::by_actor_id;
use super::description::ViewDescription;
use super::json::to_pretty;
use super::records::{Cell, Records};
use crate::analysis::{Brokerage, Grouping, Roles};
use crate::model::Network;

const ROLES: [&str; 6] =
    ["coordinator", "itinerant", "gatekeeper", "representative", "liaison", "total"];

/// The measure columns of the list (after `id,name,group`), the ones it can be sorted by.
pub const BROKERAGE_MEASURES: [&str; 8] = [
    "coordinator",
    "itinerant",
    "gatekeeper",
    "representative",
    "liaison",
    "total",
    "constraint",
    "effective_size",
];

/// The columns `--expected` adds: `expected_<role>`, then `z_<role>`.
pub static EXPECTED_BROKERAGE_MEASURES: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| {
        let expected = ROLES.iter().map(|r| format!("expected_{r}"));
        expected.chain(ROLES.iter().map(|r| format!("z_{r}"))).collect()
    });

fn role_values<T: Copy>(roles: &Roles<T>) -> [T; 6] {
    [
        roles.coordinator,
        roles.itinerant,
        roles.gatekeeper,
        roles.representative,
        roles.liaison,
        roles.total,
    ]
}

/// One row per actor, ordered by id: `id,name,group,<roles>,total,constraint,effective_size`,
/// and with `expected`, `expected_<role>` and `z_<role>` columns.
pub fn brokerage_records<'a>(
    network: &'a Network,
    result: &'a Brokerage,
    grouping: &'a Grouping,
    expected: bool,
) -> Records<'a> {
    let mut columns: Vec<String> = vec!["id".into(), "name".into(), "group".into()];
    columns.extend(BROKERAGE_MEASURES.iter().map(|r| (*r).to_owned()));
    if expected {
        columns.extend(EXPECTED_BROKERAGE_MEASURES.iter().cloned());
    }
    let column_refs: Vec<&str> = columns.iter().map(String::as_str).collect();
    let mut records = Records::new(&column_refs);
    for i in by_actor_id(network, result.nodes.iter().map(|n| n.actor)) {
        let scores = &result.nodes[i];
        let actor = network.actor(scores.actor);
        let mut row = vec![
            Cell::text(actor.key.as_str()),
            Cell::text(actor.name.as_str()),
            Cell::text(grouping.label(i as u32)),
        ];
        row.extend(role_values(&scores.raw).map(Cell::Count));
        row.extend([Cell::Number(scores.constraint), Cell::Number(scores.effective_size)]);
        if expected {
            row.extend(role_values(&scores.expected).map(Cell::Number));
            row.extend(role_values(&scores.z).map(Cell::Number));
        }
        records.push(row);
    }
    records
}

/// The JSON output of `brokerage`.
#[derive(Serialize)]
struct BrokerageJson<'a> {
    view: ViewDescription<'a>,
    group_by: &'a str,
    groups: &'a [String],
    actors: Value,
}

/// The JSON output of `brokerage`: `{"view", "group_by", "groups", "actors"}`, the groups by
/// their ids.
pub fn brokerage_json(
    view: ViewDescription<'_>,
    group_by: &str,
    grouping: &Grouping,
    records: &Records<'_>,
) -> String {
    to_pretty(&BrokerageJson {
        view,
        group_by,
        groups: &grouping.labels,
        actors: records.to_json(),
    })
}
