//! `influence` output: per rated actor its perceived influence and structural score, their
//! percentiles, the gap and what it says; the rank correlations in words.

use serde::Serialize;
use serde_json::Value;

use super::actors::by_actor_id;
use super::description::ViewDescription;
use super::json::to_pretty;
use super::records::{Cell, Records};
use crate::analysis::Influence;
use crate::model::Network;

/// The measure columns of the list (after `id,name`), the ones it can be sorted by; the
/// structural score's column is named after its measure.
pub const INFLUENCE_MEASURES: [&str; 5] =
    ["influence", "structural", "perceived_percentile", "structural_percentile", "gap"];

/// One row per rated actor, by id: `id,name,influence,structural,perceived_percentile,
/// structural_percentile,gap,reading`.
pub fn influence_records<'a>(network: &'a Network, result: &'a Influence) -> Records<'a> {
    let mut records = Records::new(&[
        "id",
        "name",
        "influence",
        "structural",
        "perceived_percentile",
        "structural_percentile",
        "gap",
        "reading",
    ]);
    for i in by_actor_id(network, result.actors.iter().map(|a| a.actor)) {
        let rated = &result.actors[i];
        let actor = network.actor(rated.actor);
        records.push(vec![
            Cell::text(actor.key.as_str()),
            Cell::text(actor.name.as_str()),
            Cell::Number(Some(rated.perceived)),
            Cell::Number(Some(rated.structural)),
            Cell::Number(Some(rated.perceived_percentile)),
            Cell::Number(Some(rated.structural_percentile)),
            Cell::Number(Some(rated.gap)),
            Cell::text(rated.reading.as_str()),
        ]);
    }
    records
}

/// The lines under the table: how many actors were rated, the correlations and the readings.
pub fn influence_summary(result: &Influence, measure: &str) -> String {
    let number = |value: Option<f64>| value.map_or("undefined".to_owned(), |v| format!("{v:.3}"));
    let count = |reading: crate::analysis::InfluenceReading| {
        result.actors.iter().filter(|a| a.reading == reading).count()
    };
    format!(
        "{} actors rated. Perceived influence against {measure}: Spearman's rho {}, Kendall's \
         tau-b {} (1: the same order, 0: unrelated, -1: the reverse).\n\
         {} paper tiger(s) (perceived percentile at least {:.2} above the structural one) and {} \
         hidden influencer(s) (at least {:.2} below).\n",
        result.actors.len(),
        number(result.spearman),
        number(result.kendall),
        count(crate::analysis::InfluenceReading::PaperTiger),
        result.threshold,
        count(crate::analysis::InfluenceReading::HiddenInfluencer),
        result.threshold,
    )
}

/// The JSON output of `influence`.
#[derive(Serialize)]
struct InfluenceJson<'a> {
    view: ViewDescription<'a>,
    measure: &'a str,
    rated: usize,
    spearman: Option<f64>,
    kendall: Option<f64>,
    gap: f64,
    actors: Value,
}

/// The JSON output of `influence`: `{"view", "measure", "rated", "spearman", "kendall", "gap",
/// "actors"}`.
pub fn influence_json(
    view: ViewDescription<'_>,
    measure: &str,
    result: &Influence,
    records: &Records<'_>,
) -> String {
    to_pretty(&InfluenceJson {
        view,
        measure,
        rated: result.actors.len(),
        spearman: result.spearman,
        kendall: result.kendall,
        gap: result.threshold,
        actors: records.to_json(),
    })
}
