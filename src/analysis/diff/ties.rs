//! Ties per layer before and after: gained, lost, kept and their Jaccard stability.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::DiffSide;
use crate::analysis::layer_views;
use crate::model::Network;
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

/// The actors of both sides numbered once, in the byte order of their keys (the order of
/// [`Network::actor_ids_by_key`]), an actor of both networks by one number: a tie is then a
/// pair of numbers, and pairs compare as the pairs of keys do.
struct SharedNumbers<'a> {
    /// The key of each number.
    keys: Vec<&'a str>,
    /// The number of each actor of the network before, by actor index.
    before: Vec<u32>,
    /// The number of each actor of the network after, by actor index.
    after: Vec<u32>,
}

impl<'a> SharedNumbers<'a> {
    /// Numbers the actors of `before` and `after` by merging their key orders.
    fn new(before: &'a Network, after: &'a Network) -> Self {
        let (order_b, order_a) = (before.actor_ids_by_key(), after.actor_ids_by_key());
        let mut keys = Vec::with_capacity(order_b.len().max(order_a.len()));
        let mut number_b = vec![0; before.actors().len()];
        let mut number_a = vec![0; after.actors().len()];
        let (mut i, mut j) = (0, 0);
        while i < order_b.len() || j < order_a.len() {
            let key_b = order_b.get(i).map(|&id| before.actor(id).key.as_str());
            let key_a = order_a.get(j).map(|&id| after.actor(id).key.as_str());
            let number = keys.len() as u32;
            let order = match (key_b, key_a) {
                (Some(b), Some(a)) => b.cmp(a),
                (Some(_), None) => Ordering::Less,
                _ => Ordering::Greater,
            };
            if order != Ordering::Greater {
                number_b[order_b[i].index()] = number;
                i += 1;
            }
            if order != Ordering::Less {
                number_a[order_a[j].index()] = number;
                j += 1;
            }
            keys.extend(if order == Ordering::Greater { key_a } else { key_b });
        }
        SharedNumbers { keys, before: number_b, after: number_a }
    }

    /// A tie's keys as text.
    fn tie_key(&self, (a, b): (u32, u32)) -> TieKey {
        (self.keys[a as usize].to_owned(), self.keys[b as usize].to_owned())
    }
}

/// The ties of one layer's view as sorted, distinct pairs of shared numbers: (source, target)
/// on a directed layer, the smaller number first on an undirected one.
fn numbered_ties(view: &View, numbers: &[u32]) -> Vec<(u32, u32)> {
    let number: Vec<u32> =
        (0..view.n_nodes() as u32).map(|u| numbers[view.actor(u).index()]).collect();
    let mut ties = Vec::with_capacity(view.out_arcs().n_arcs());
    for u in 0..view.n_nodes() as u32 {
        let a = number[u as usize];
        for &v in view.out_arcs().neighbors(u) {
            let b = number[v as usize];
            ties.push(if view.is_directed() || a <= b { (a, b) } else { (b, a) });
        }
    }
    ties.sort_unstable();
    ties.dedup();
    ties
}

/// A layer's name, direction and numbered ties.
type LayerTies = (String, bool, Vec<(u32, u32)>);

/// Per layer of either side (matched by name, compared without case; before's order, then
/// after's new layers): the ties gained, lost and kept.
pub(crate) fn layer_changes(
    before: DiffSide<'_>,
    after: DiffSide<'_>,
) -> Result<Vec<LayerChange>, ViewError> {
    let numbers = SharedNumbers::new(before.network, after.network);
    let per_layer = |side: DiffSide<'_>, numbers: &[u32]| -> Result<Vec<LayerTies>, ViewError> {
        let views = layer_views(side.network, side.spec)?;
        Ok(views
            .iter()
            .map(|view| {
                let name = view
                    .layers()
                    .first()
                    .map_or(String::new(), |&c| View::layer_name(side.network, c).to_owned());
                (name, view.is_directed(), numbered_ties(view, numbers))
            })
            .collect())
    };
    let (b, a) = (per_layer(before, &numbers.before)?, per_layer(after, &numbers.after)?);
    let mut after_by_name: BTreeMap<String, (bool, Vec<(u32, u32)>)> =
        a.iter().map(|(n, d, t)| (n.to_lowercase(), (*d, t.clone()))).collect();
    let mut layers = Vec::new();
    for (name, directed, ties) in b {
        let other = after_by_name.remove(&name.to_lowercase());
        layers.push((name, directed, ties, other));
    }
    for (name, directed, ties) in a {
        if after_by_name.remove(&name.to_lowercase()).is_some() {
            layers.push((name, false, Vec::new(), Some((directed, ties))));
        }
    }
    Ok(layers
        .into_iter()
        .map(|(layer, directed_before, before, after)| {
            let (directed_after, after) = after.unwrap_or_default();
            let (gained, lost, kept) = merge(&before, &after);
            let union = before.len() + after.len() - kept;
            LayerChange {
                layer,
                directed: directed_before || directed_after,
                gained: gained.into_iter().map(|t| numbers.tie_key(t)).collect(),
                lost: lost.into_iter().map(|t| numbers.tie_key(t)).collect(),
                kept,
                jaccard: (union > 0).then(|| kept as f64 / union as f64),
            }
        })
        .collect())
}

/// The ties of `after` not in `before` (gained), of `before` not in `after` (lost), and how
/// many both have: one linear merge of two sorted lists.
fn merge(before: &[(u32, u32)], after: &[(u32, u32)]) -> (Vec<(u32, u32)>, Vec<(u32, u32)>, usize) {
    let (mut gained, mut lost, mut kept) = (Vec::new(), Vec::new(), 0);
    let (mut i, mut j) = (0, 0);
    while i < before.len() && j < after.len() {
        match before[i].cmp(&after[j]) {
            Ordering::Less => {
                lost.push(before[i]);
                i += 1;
            }
            Ordering::Greater => {
                gained.push(after[j]);
                j += 1;
            }
            Ordering::Equal => {
                kept += 1;
                i += 1;
                j += 1;
            }
        }
    }
    lost.extend_from_slice(&before[i..]);
    gained.extend_from_slice(&after[j..]);
    (gained, lost, kept)
}
