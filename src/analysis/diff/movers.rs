//! Centrality rank movers: the actors whose rank by degree or betweenness rose or fell most.

use super::DiffSide;
use super::numbers::SharedNumbers;
use crate::analysis::ActorCentrality;
use crate::model::ActorId;

/// One actor's move in one measure's ranking.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct RankMove {
    /// `degree` or `betweenness`.
    pub measure: &'static str,
    /// The actor's key.
    pub key: String,
    /// Its name (after's).
    pub name: String,
    /// Its rank before (1 the most central; competition ranking: 1 + the number of actors
    /// scoring more).
    pub rank_before: usize,
    /// Its rank after.
    pub rank_after: usize,
    /// Its score before.
    pub before: f64,
    /// Its score after.
    pub after: f64,
}

impl RankMove {
    /// Places moved up (positive) or down (negative).
    pub fn places(&self) -> i64 {
        self.rank_before as i64 - self.rank_after as i64
    }
}

/// Competition ranks of `scores` (1 + the number strictly greater), in the same order.
fn ranks(scores: &[f64]) -> Vec<usize> {
    let mut sorted = scores.to_vec();
    sorted.sort_by(|a, b| b.total_cmp(a));
    scores.iter().map(|s| sorted.partition_point(|x| x.total_cmp(s).is_gt()) + 1).collect()
}

/// One actor's scores on one side: degree and betweenness (0 when not computed).
#[derive(Clone, Copy)]
struct Scores {
    degree: f64,
    betweenness: f64,
}

/// The `top` largest moves up, then the `top` largest down, per measure (degree, then
/// betweenness), among the actors both views hold (ranked among those); ties by key.
pub(crate) fn rank_movers(
    scores_before: &[ActorCentrality],
    (after, scores_after): (DiffSide<'_>, &[ActorCentrality]),
    numbers: &SharedNumbers<'_>,
    top: usize,
) -> Vec<RankMove> {
    // Each side's scores by shared number; the actor after, for its name.
    let by_number = |list: &[ActorCentrality], number: &[u32]| {
        let mut scores: Vec<Option<(Scores, ActorId)>> = vec![None; numbers.keys.len()];
        for c in list {
            let s = Scores { degree: c.degree as f64, betweenness: c.betweenness.unwrap_or(0.0) };
            scores[number[c.actor.index()] as usize] = Some((s, c.actor));
        }
        scores
    };
    let (b, a) =
        (by_number(scores_before, &numbers.before), by_number(scores_after, &numbers.after));
    // The actors both views hold, in key order.
    let shared: Vec<(Scores, Scores, ActorId, u32)> = (0..numbers.keys.len())
        .filter_map(|n| match (b[n], a[n]) {
            (Some((sb, _)), Some((sa, actor))) => Some((sb, sa, actor, n as u32)),
            _ => None,
        })
        .collect();
    let mut moves = Vec::new();
    let with_betweenness =
        scores_before.iter().chain(scores_after).any(|c| c.betweenness.is_some());
    let measures: &[&'static str] =
        if with_betweenness { &["degree", "betweenness"] } else { &["degree"] };
    for &measure in measures {
        let get = |s: Scores| if measure == "degree" { s.degree } else { s.betweenness };
        let score_b: Vec<f64> = shared.iter().map(|&(sb, ..)| get(sb)).collect();
        let score_a: Vec<f64> = shared.iter().map(|&(_, sa, ..)| get(sa)).collect();
        let (rb, ra) = (ranks(&score_b), ranks(&score_a));
        let mut all: Vec<RankMove> = shared
            .iter()
            .enumerate()
            // A rank that moved only because others did, the score unchanged, is no move.
            .filter(|&(i, _)| rb[i] != ra[i] && score_b[i] != score_a[i])
            .map(|(i, &(_, _, actor, number))| RankMove {
                measure,
                key: numbers.keys[number as usize].to_owned(),
                name: after.network.actor(actor).name.clone(),
                rank_before: rb[i],
                rank_after: ra[i],
                before: score_b[i],
                after: score_a[i],
            })
            .collect();
        // Keys are in order already: a stable sort keeps ties by key.
        all.sort_by_key(|m| -m.places());
        moves.extend(all.iter().filter(|m| m.places() > 0).take(top).cloned());
        all.sort_by_key(|m| m.places());
        let mut down: Vec<RankMove> =
            all.iter().filter(|m| m.places() < 0).take(top).cloned().collect();
        down.sort_by(|x, y| x.places().cmp(&y.places()).then_with(|| x.key.cmp(&y.key)));
        moves.extend(down);
    }
    moves
}
