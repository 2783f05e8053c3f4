//! `suspects --evaluate` output: the leave-one-out figures per ranker (hit rate at 5 and 10,
//! mean reciprocal rank, median rank) and the rank of every hidden member.
//!
//! JSON: `{"held_out", "rankers": [{"ranker", "hit_at_5", "hit_at_10", "mean_reciprocal_rank",
//! "median_rank"}], "items": [{"coalition", "actor", "candidates", "score", "popularity",
//! "gap_fill", "proximity", "theme_match", "region_match"}]}` — rankers in a fixed order (the
//! score first, then the popularity baseline, then each part alone), items by coalition and
//! actor; item values are ranks (1 = first). CSV is the list of items.

use serde_json::{Value, json};

use super::records::{Cell, Records};
use crate::analysis::{Evaluation, RANKERS};
use crate::model::Network;

/// One row per ranker with its hit rates, mean reciprocal rank and median rank.
pub fn evaluation_summary(evaluation: &Evaluation) -> Records {
    let mut records =
        Records::new(&["ranker", "hit_at_5", "hit_at_10", "mean_reciprocal_rank", "median_rank"]);
    for ranker in RANKERS {
        records.push(vec![
            Cell::text(ranker.as_str()),
            Cell::Number(evaluation.hit_rate(ranker, 5)),
            Cell::Number(evaluation.hit_rate(ranker, 10)),
            Cell::Number(evaluation.mean_reciprocal_rank(ranker)),
            Cell::Number(evaluation.median_rank(ranker)),
        ]);
    }
    records
}

/// One row per hidden member: the coalition, the actor, the number of candidates and its rank
/// under each ranker.
pub fn evaluation_items(network: &Network, evaluation: &Evaluation) -> Records {
    let mut columns = vec!["coalition", "actor", "candidates"];
    columns.extend(RANKERS.iter().map(|r| r.as_str()));
    let mut records = Records::new(&columns);
    for item in &evaluation.held_out {
        let mut row = vec![
            Cell::text(network.coalition(item.coalition).key.as_str()),
            Cell::text(network.actor(item.actor).key.as_str()),
            Cell::Count(item.n_candidates as u64),
        ];
        row.extend(item.ranks.iter().map(|&rank| Cell::Count(rank as u64)));
        records.push(row);
    }
    records
}

/// The figures and the items as one JSON object.
pub fn evaluation_json(network: &Network, evaluation: &Evaluation) -> Value {
    json!({
        "held_out": evaluation.held_out.len(),
        "rankers": evaluation_summary(evaluation).to_json(),
        "items": evaluation_items(network, evaluation).to_json(),
    })
}

/// The figures for a terminal, with a line saying what was held out.
pub fn evaluation_table(evaluation: &Evaluation) -> String {
    format!(
        "leave-one-out: {} members that are not ministries, each hidden from its coalition in turn\n\n{}",
        evaluation.held_out.len(),
        evaluation_summary(evaluation).to_table()
    )
}
