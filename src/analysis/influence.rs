//! Perceived against structural influence (Net-Map): the rank correlation of the `influence`
//! column with a centrality, and the actors rated far above or below their position.

use super::AnalysisError;
use super::kernels::pearson;
use crate::model::{ActorId, Network};
use crate::view::View;

/// How an actor's perceived influence compares with its structural position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum InfluenceReading {
    /// Rated far above its position in the network (perceived percentile − structural
    /// percentile ≥ the gap): a "paper tiger".
    PaperTiger,
    /// Rated far below its position: a "hidden influencer".
    HiddenInfluencer,
    /// Neither.
    InLine,
}

impl InfluenceReading {
    /// `paper_tiger`, `hidden_influencer` or `in_line`.
    pub fn as_str(self) -> &'static str {
        match self {
            InfluenceReading::PaperTiger => "paper_tiger",
            InfluenceReading::HiddenInfluencer => "hidden_influencer",
            InfluenceReading::InLine => "in_line",
        }
    }
}

/// One rated actor.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct RatedActor {
    /// The actor.
    pub actor: ActorId,
    /// Its `influence`.
    pub perceived: f64,
    /// Its structural score.
    pub structural: f64,
    /// Its percentile among the rated actors by perceived influence: (average rank − 1) / (n − 1),
    /// 0 the lowest, 1 the highest (ties share their average rank).
    pub perceived_percentile: f64,
    /// The same by the structural score.
    pub structural_percentile: f64,
    /// `perceived_percentile − structural_percentile`.
    pub gap: f64,
    /// What the gap says, against the threshold.
    pub reading: InfluenceReading,
}

/// Perceived against structural influence over the actors of a view that have an influence.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Influence {
    /// The rated actors in view node order.
    pub actors: Vec<RatedActor>,
    /// Spearman's ρ: the Pearson correlation of the two rankings (ties averaged), as scipy's
    /// `spearmanr`; `None` below 3 actors or when a ranking is constant.
    pub spearman: Option<f64>,
    /// Kendall's τ-b (ties in either ranking corrected), as scipy's `kendalltau`; `None` below 2
    /// actors or when a ranking is constant.
    pub kendall: Option<f64>,
    /// The gap in percentiles from which an actor is a paper tiger or a hidden influencer.
    pub threshold: f64,
}

/// Compares each actor's `influence` (Net-Map's towers: how influential the participants
/// perceive it to be; Schiffer & Hauck 2010) with `structural`, a score per node of `view` (a
/// centrality), over the actors that have an influence and a score.
///
/// An actor whose perceived percentile exceeds its structural percentile by at least `threshold`
/// is a paper tiger, one whose structural percentile exceeds its perceived one by at least
/// `threshold` a hidden influencer.
///
/// # Errors
/// [`AnalysisError::InvalidParameter`] when `structural` does not have one score per node, or
/// `threshold` is not in (0, 1].
///
/// # Complexity
/// O(r²) for r rated actors (Kendall's τ by pairs).
pub fn perceived_influence(
    network: &Network,
    view: &View,
    structural: &[Option<f64>],
    threshold: f64,
) -> Result<Influence, AnalysisError> {
    if structural.len() != view.n_nodes() {
        return Err(AnalysisError::InvalidParameter(format!(
            "{} structural scores for {} actors",
            structural.len(),
            view.n_nodes()
        )));
    }
    if !(threshold > 0.0 && threshold <= 1.0) {
        return Err(AnalysisError::InvalidParameter(format!(
            "a gap of {threshold}; give a share of the percentile range above 0 and at most 1, such as 0.5"
        )));
    }
    let rated: Vec<(ActorId, f64, f64)> = (0..view.n_nodes() as u32)
        .filter_map(|node| {
            let actor = view.actor(node);
            let perceived = network.actor(actor).influence?;
            let score = structural[node as usize].filter(|s| s.is_finite())?;
            Some((actor, perceived, score))
        })
        .collect();
    let perceived: Vec<f64> = rated.iter().map(|r| r.1).collect();
    let scores: Vec<f64> = rated.iter().map(|r| r.2).collect();
    let (rank_p, rank_s) = (average_ranks(&perceived), average_ranks(&scores));
    let n = rated.len();
    let percentile = |rank: f64| if n > 1 { (rank - 1.0) / (n - 1) as f64 } else { 0.5 };
    let actors = rated
        .iter()
        .enumerate()
        .map(|(i, &(actor, p, s))| {
            let (pp, sp) = (percentile(rank_p[i]), percentile(rank_s[i]));
            let gap = pp - sp;
            let reading = if gap >= threshold - 1e-12 {
                InfluenceReading::PaperTiger
            } else if -gap >= threshold - 1e-12 {
                InfluenceReading::HiddenInfluencer
            } else {
                InfluenceReading::InLine
            };
            RatedActor {
                actor,
                perceived: p,
                structural: s,
                perceived_percentile: pp,
                structural_percentile: sp,
                gap,
                reading,
            }
        })
        .collect();
    Ok(Influence {
        actors,
        spearman: if n >= 3 { pearson(&rank_p, &rank_s) } else { None },
        kendall: kendall_tau_b(&perceived, &scores),
        threshold,
    })
}

/// The rank of each value, 1 the smallest; tied values share their average rank.
fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        // Positions start..end hold equal values: ranks start+1 ..= end, averaged.
        let average = (start + 1 + end) as f64 / 2.0;
        for &index in &order[start..end] {
            ranks[index] = average;
        }
        start = end;
    }
    ranks
}

/// Kendall's τ-b: (concordant − discordant) / √((n₀ − n₁)(n₀ − n₂)), n₀ = n(n − 1)/2, n₁ and
/// n₂ the pairs tied in x and in y (Kendall 1945).
fn kendall_tau_b(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len();
    if n < 2 {
        return None;
    }
    let (mut concordant, mut discordant, mut tied_x, mut tied_y) = (0u64, 0u64, 0u64, 0u64);
    for i in 0..n {
        for j in i + 1..n {
            let (dx, dy) = (x[i].total_cmp(&x[j]), y[i].total_cmp(&y[j]));
            use std::cmp::Ordering::Equal;
            match (dx, dy) {
                (Equal, Equal) => {
                    tied_x += 1;
                    tied_y += 1;
                }
                (Equal, _) => tied_x += 1,
                (_, Equal) => tied_y += 1,
                _ if dx == dy => concordant += 1,
                _ => discordant += 1,
            }
        }
    }
    let pairs = (n * (n - 1) / 2) as f64;
    let denominator = ((pairs - tied_x as f64) * (pairs - tied_y as f64)).sqrt();
    (denominator > 0.0)
        .then(|| (concordant as f64 - discordant as f64) / denominator)
        .filter(|t| t.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_share_ties_and_the_coefficients_match_worked_values() {
        assert_eq!(average_ranks(&[10.0, 20.0, 20.0, 5.0]), [2.0, 3.5, 3.5, 1.0]);
        // x = 1..5, y reversed: ρ = τ = −1.
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        let y = [5.0, 4.0, 3.0, 2.0, 1.0];
        assert!((pearson(&average_ranks(&x), &average_ranks(&y)).unwrap() + 1.0).abs() < 1e-12);
        assert!((kendall_tau_b(&x, &y).unwrap() + 1.0).abs() < 1e-12);
        // x = [1, 2, 2, 3], y = [1, 3, 2, 4]: pairs (12) c, (13) c, (14) c, (23) tied x,
        // (24) c, (34) c: 5 concordant, 0 discordant, n1 = 1, n2 = 0: 5 / √(5 · 6).
        let t = kendall_tau_b(&[1.0, 2.0, 2.0, 3.0], &[1.0, 3.0, 2.0, 4.0]).unwrap();
        assert!((t - 5.0 / 30f64.sqrt()).abs() < 1e-12);
        assert_eq!(kendall_tau_b(&[1.0, 1.0], &[1.0, 2.0]), None);
    }
}
