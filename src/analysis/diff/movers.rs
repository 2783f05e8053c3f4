//! Centrality rank movers: the actors whose rank by degree or betweenness rose or fell most.

use std::collections::BTreeMap;

use super::DiffSide;
use crate::analysis::ActorCentrality;

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

/// Competition ranks of `scores` (1 + the number strictly greater).
fn ranks(scores: &[(String, f64)]) -> BTreeMap<String, (usize, f64)> {
    let mut sorted: Vec<f64> = scores.iter().map(|(_, s)| *s).collect();
    sorted.sort_by(|a, b| b.total_cmp(a));
    scores
        .iter()
        .map(|(key, s)| {
            let above = sorted.partition_point(|x| x.total_cmp(s).is_gt());
            (key.clone(), (above + 1, *s))
        })
        .collect()
}

/// The `top` largest moves up, then the `top` largest down, per measure (degree, then
/// betweenness), among the actors both views hold (ranked among those); ties by key.
pub(crate) fn rank_movers(
    before: DiffSide<'_>,
    scores_before: &[ActorCentrality],
    after: DiffSide<'_>,
    scores_after: &[ActorCentrality],
    top: usize,
) -> Vec<RankMove> {
    let scores = |side: DiffSide<'_>, list: &[ActorCentrality]| -> BTreeMap<String, (f64, f64)> {
        list.iter()
            .map(|c| {
                let key = side.network.actor(c.actor).key.clone();
                (key, (c.degree as f64, c.betweenness.unwrap_or(0.0)))
            })
            .collect()
    };
    let (b, a) = (scores(before, scores_before), scores(after, scores_after));
    let shared: Vec<&String> = b.keys().filter(|k| a.contains_key(*k)).collect();
    let mut moves = Vec::new();
    let with_betweenness =
        scores_before.iter().chain(scores_after).any(|c| c.betweenness.is_some());
    let measures: &[(&'static str, usize)] =
        if with_betweenness { &[("degree", 0), ("betweenness", 1)] } else { &[("degree", 0)] };
    for &(measure, pick) in measures {
        let get = |map: &BTreeMap<String, (f64, f64)>, k: &String| {
            let (d, bt) = map[k];
            if pick == 0 { d } else { bt }
        };
        let rb = ranks(&shared.iter().map(|k| ((*k).clone(), get(&b, k))).collect::<Vec<_>>());
        let ra = ranks(&shared.iter().map(|k| ((*k).clone(), get(&a, k))).collect::<Vec<_>>());
        let mut all: Vec<RankMove> = shared
            .iter()
            .map(|k| {
                let ((rank_before, score_before), (rank_after, score_after)) = (rb[*k], ra[*k]);
                RankMove {
                    measure,
                    key: (*k).clone(),
                    name: name_of(after, k),
                    rank_before,
                    rank_after,
                    before: score_before,
                    after: score_after,
                }
            })
            // A rank that moved only because others did, the score unchanged, is no move.
            .filter(|m| m.places() != 0 && m.before != m.after)
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

fn name_of(side: DiffSide<'_>, key: &str) -> String {
    side.network.actor_id(key).map_or_else(String::new, |id| side.network.actor(id).name.clone())
}
