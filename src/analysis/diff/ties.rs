//! Ties per layer before and after: gained, lost, kept and their Jaccard stability.

use std::collections::{BTreeMap, BTreeSet};

use super::DiffSide;
use crate::analysis::layer_views;
use crate::view::{View, ViewError};

/// A tie by the keys of its ends: (source, target) on a directed layer, the pair in key order
/// on an undirected one.
pub type TieKey = (String, String);

/// One layer's change.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct LayerChange {
    /// The layer's name.
    pub layer: String,
    /// Whether its ties are read with their direction (on either side).
    pub directed: bool,
    /// Ties after and not before, sorted.
    pub gained: Vec<TieKey>,
    /// Ties before and not after, sorted.
    pub lost: Vec<TieKey>,
    /// Ties on both sides.
    pub kept: usize,
    /// Jaccard stability |before ∩ after| / |before ∪ after| (Jaccard 1901; the tie stability
    /// of longitudinal network studies, e.g. Snijders et al. 2010); `None` when neither side
    /// has a tie.
    pub jaccard: Option<f64>,
}

/// A layer's direction and ties.
type LayerTies = (bool, BTreeSet<TieKey>);

/// The ties of one layer's view, by the keys of their ends.
fn tie_keys(side: DiffSide<'_>, view: &View) -> BTreeSet<TieKey> {
    let key = |node: u32| side.network.actor(view.actor(node)).key.as_str();
    let mut ties = BTreeSet::new();
    for u in 0..view.n_nodes() as u32 {
        for &v in view.out_arcs().neighbors(u) {
            let (a, b) = (key(u), key(v));
            let pair = if view.is_directed() || a <= b { (a, b) } else { (b, a) };
            ties.insert((pair.0.to_owned(), pair.1.to_owned()));
        }
    }
    ties
}

/// Per layer of either side (matched by name, compared without case; before's order, then
/// after's new layers): the ties gained, lost and kept.
pub(crate) fn layer_changes(
    before: DiffSide<'_>,
    after: DiffSide<'_>,
) -> Result<Vec<LayerChange>, ViewError> {
    let per_layer =
        |side: DiffSide<'_>| -> Result<Vec<(String, bool, BTreeSet<TieKey>)>, ViewError> {
            let views = layer_views(side.network, side.spec)?;
            Ok(views
                .iter()
                .map(|view| {
                    let name = view
                        .layers()
                        .first()
                        .map_or(String::new(), |&c| View::layer_name(side.network, c).to_owned());
                    (name, view.is_directed(), tie_keys(side, view))
                })
                .collect())
        };
    let (b, a) = (per_layer(before)?, per_layer(after)?);
    let mut after_by_name: BTreeMap<String, LayerTies> =
        a.iter().map(|(n, d, t)| (n.to_lowercase(), (*d, t.clone()))).collect();
    let mut names: Vec<(String, bool, BTreeSet<TieKey>, Option<LayerTies>)> = Vec::new();
    for (name, directed, ties) in b {
        let other = after_by_name.remove(&name.to_lowercase());
        names.push((name, directed, ties, other));
    }
    for (name, directed, ties) in a {
        if after_by_name.remove(&name.to_lowercase()).is_some() {
            names.push((name, false, BTreeSet::new(), Some((directed, ties))));
        }
    }
    Ok(names
        .into_iter()
        .map(|(layer, directed_before, before, after)| {
            let (directed_after, after) = after.unwrap_or_default();
            let kept = before.intersection(&after).count();
            let union = before.len() + after.len() - kept;
            LayerChange {
                layer,
                directed: directed_before || directed_after,
                gained: after.difference(&before).cloned().collect(),
                lost: before.difference(&after).cloned().collect(),
                kept,
                jaccard: (union > 0).then(|| kept as f64 / union as f64),
            }
        })
        .collect())
}
