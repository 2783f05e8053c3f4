//! `suspects --evaluate` output: the leave-one-out figures per subset of hidden members and per
//! ranker, and where every hidden member came back.
//!
//! JSON: `{"held_out", "summary": [{"subset", "ranker", "n", "hit_at_5", "hit_at_10",
//! "hit_at_5_by_id", "hit_at_10_by_id", "mean_reciprocal_rank", "median_rank"}], "items":
//! [{"coalition", "actor", "candidates", "other_coalitions", "score", "score_tied", …}]}` —
//! summary rows by subset (all, not_government, in_another_coalition), then ranker (score,
//! popularity, gap_fill, proximity, theme_match, region_match); items by coalition and actor,
//! with the rank under each ranker (ties broken by id) and the number of other candidates tied
//! with it. CSV is the list of items.

use serde::Serialize;
use serde_json::Value;

use super::json::to_pretty;
use super::records::{Cell, Records};
use crate::analysis::{Evaluation, RANKERS, SUBSETS};
use crate::model::Network;

/// One row per subset and ranker.
pub fn evaluation_summary(evaluation: &Evaluation) -> Records<'_> {
    let mut records = Records::new(&[
        "subset",
        "ranker",
        "n",
        "hit_at_5",
        "hit_at_10",
        "hit_at_5_by_id",
        "hit_at_10_by_id",
        "mean_reciprocal_rank",
        "median_rank",
    ]);
    for &subset in SUBSETS {
        for &ranker in RANKERS {
            let Some(summary) = evaluation.summary(ranker, subset) else { continue };
            records.push(vec![
                Cell::text(subset.as_str()),
                Cell::text(ranker.as_str()),
                Cell::Count(summary.n as u64),
                Cell::Number(Some(summary.hit_at_5)),
                Cell::Number(Some(summary.hit_at_10)),
                Cell::Number(Some(summary.hit_at_5_by_id)),
                Cell::Number(Some(summary.hit_at_10_by_id)),
                Cell::Number(Some(summary.mean_reciprocal_rank)),
                Cell::Number(Some(summary.median_rank)),
            ]);
        }
    }
    records
}

/// One row per hidden member: the coalition, the actor, the number of candidates, how many
/// other coalitions it is in, and per ranker its rank (ties by id) and the number tied with it.
pub fn evaluation_items<'a>(network: &'a Network, evaluation: &'a Evaluation) -> Records<'a> {
    let tied: Vec<String> = RANKERS.iter().map(|r| format!("{}_tied", r.as_str())).collect();
    let mut columns = vec!["coalition", "actor", "candidates", "other_coalitions"];
    for (ranker, tied) in RANKERS.iter().zip(&tied) {
        columns.push(ranker.as_str());
        columns.push(tied.as_str());
    }
    let mut records = Records::new(&columns);
    for item in &evaluation.held_out {
        let mut row = vec![
            Cell::text(network.coalition(item.coalition).key.as_str()),
            Cell::text(network.actor(item.actor).key.as_str()),
            Cell::Count(item.n_candidates as u64),
            Cell::Count(item.other_coalitions as u64),
        ];
        for position in &item.positions {
            row.push(Cell::Count(position.rank_by_id as u64));
            row.push(Cell::Count(position.tied as u64));
        }
        records.push(row);
    }
    records
}

/// The JSON output of `suspects --evaluate` (keys in this order).
#[derive(Serialize)]
struct EvaluationJson {
    held_out: usize,
    summary: Value,
    items: Value,
}

/// The figures and the items as one JSON object, pretty-printed.
pub fn evaluation_json(network: &Network, evaluation: &Evaluation) -> String {
    to_pretty(&EvaluationJson {
        held_out: evaluation.held_out.len(),
        summary: evaluation_summary(evaluation).to_json(),
        items: evaluation_items(network, evaluation).to_json(),
    })
}

/// The figures for a terminal, with a line saying what was held out.
pub fn evaluation_table(evaluation: &Evaluation) -> String {
    format!(
        "leave-one-out: {} members that are not ministries, each hidden from its coalition in turn;\n\
         hit rates count ties in random order (expected value), _by_id breaks ties by id\n\n{}",
        evaluation.held_out.len(),
        evaluation_summary(evaluation).to_table()
    )
}
