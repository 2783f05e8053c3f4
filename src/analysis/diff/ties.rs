//! Ties per layer before and after: gained, lost, kept and their Jaccard stability.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use rayon::prelude::*;

use super::DiffSide;
use super::numbers::SharedNumbers;
use crate::view::{LayerArcs, View, ViewError};

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

/// A tie as the shared numbers of its ends.
type Tie = (u32, u32);

/// A layer's name, direction and numbered ties.
type LayerTies = (String, bool, Vec<Tie>);

/// The ties of each chosen layer of a side, taken from one pass over its relations
/// ([`LayerArcs`]: the ties each layer's own view would hold), as sorted, distinct pairs of
/// shared numbers: (source, target) on a directed layer, the smaller number first on an
/// undirected one. Layers in the order chosen, a layer chosen twice once.
fn numbered_layer_ties(side: DiffSide<'_>, numbers: &[u32]) -> Result<Vec<LayerTies>, ViewError> {
    let LayerArcs { actors, layers, directed, arcs } = LayerArcs::build(side.network, side.spec)?;
    let number: Vec<u32> = actors.iter().map(|a| numbers[a.index()]).collect();
    drop(actors);
    // An undirected layer holds each tie as both arcs, and two nodes never share a number:
    // the arc from the smaller number is the tie.
    let mut ties: Vec<(u32, u32, u32)> = arcs
        .par_iter()
        .filter_map(|&(layer, from, to)| {
            let (a, b) = (number[from as usize], number[to as usize]);
            (directed[layer as usize] || a < b).then_some((layer, a, b))
        })
        .collect();
    drop(arcs);
    ties.par_sort_unstable();
    ties.dedup();
    let mut per_layer: Vec<Vec<Tie>> = vec![Vec::new(); layers.len()];
    for (layer, ties) in ties.chunk_by(|x, y| x.0 == y.0).map(|run| (run[0].0, run)) {
        per_layer[layer as usize] = ties.iter().map(|&(_, a, b)| (a, b)).collect();
    }
    Ok(layers
        .iter()
        .zip(directed)
        .zip(per_layer)
        .map(|((&choice, directed), ties)| {
            (View::layer_name(side.network, choice).to_owned(), directed, ties)
        })
        .collect())
}

/// Per layer of either side (matched by name, compared without case; before's order, then
/// after's new layers): the ties gained, lost and kept.
pub(crate) fn layer_changes(
    before: DiffSide<'_>,
    after: DiffSide<'_>,
    numbers: &SharedNumbers<'_>,
) -> Result<Vec<LayerChange>, ViewError> {
    let (b, a) = (
        numbered_layer_ties(before, &numbers.before)?,
        numbered_layer_ties(after, &numbers.after)?,
    );
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
fn merge(before: &[Tie], after: &[Tie]) -> (Vec<Tie>, Vec<Tie>, usize) {
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::analysis::layer_views;
    use crate::io::{Source, load};
    use crate::model::Network;
    use crate::view::{LayerChoice, ViewSpec};

    fn network(actors: &[&str], relations: &[(&str, &str, &str)]) -> Network {
        let mut a = String::from("id,name\n");
        for key in actors {
            a.push_str(&format!("{key},{key}\n"));
        }
        let mut r = String::from("source,target,layer\n");
        for (s, t, layer) in relations {
            r.push_str(&format!("{s},{t},{layer}\n"));
        }
        let files = vec![
            ("actors.csv".to_owned(), a.into_bytes()),
            ("relations.csv".to_owned(), r.into_bytes()),
        ];
        load(&Source::Memory(files)).unwrap()
    }

    /// The ties of each layer as sets of key pairs, compared by brute force.
    fn by_keys(network: &Network, spec: &ViewSpec) -> BTreeMap<String, BTreeSet<TieKey>> {
        let mut layers = BTreeMap::new();
        for view in layer_views(network, spec).unwrap() {
            let key = |node: u32| network.actor(view.actor(node)).key.clone();
            let mut ties = BTreeSet::new();
            for u in 0..view.n_nodes() as u32 {
                for &v in view.out_arcs().neighbors(u) {
                    let (a, b) = (key(u), key(v));
                    ties.insert(if view.is_directed() || a <= b { (a, b) } else { (b, a) });
                }
            }
            let name = View::layer_name(network, view.layers()[0]).to_owned();
            layers.insert(name, ties);
        }
        layers
    }

    #[test]
    fn numbered_ties_give_what_sets_of_keys_give() {
        // Keys only one side has, keys that are prefixes of others, upper case and punctuation
        // (byte order: `-` < `B` < `_` < `a`), undirected pairs written either way.
        let before = network(
            &["a", "a_b", "B", "z", "a-c", "m"],
            &[
                ("a", "B", "funding"),
                ("z", "a", "funding"),
                ("a-c", "a_b", "funding"),
                ("m", "z", "funding"),
                ("z", "a", "collaboration"),
                ("a_b", "B", "collaboration"),
                ("m", "a-c", "collaboration"),
            ],
        );
        let after = network(
            &["a", "A", "a_b", "ab", "a-c", "zz", "m", "z"],
            &[
                ("a", "A", "funding"),
                ("z", "a", "funding"),
                ("a-c", "a_b", "funding"),
                ("a_b", "a-c", "funding"),
                ("a", "z", "collaboration"),
                ("a-c", "m", "collaboration"),
                ("ab", "zz", "collaboration"),
                ("ab", "zz", "coordination"),
            ],
        );
        let spec = ViewSpec::default();
        let numbers = SharedNumbers::new(&before, &after);
        let changes =
            layer_changes(DiffSide::new(&before, &spec), DiffSide::new(&after, &spec), &numbers)
                .unwrap();
        let (b, a) = (by_keys(&before, &spec), by_keys(&after, &spec));
        let names: BTreeSet<&String> = b.keys().chain(a.keys()).collect();
        assert_eq!(changes.len(), names.len());
        let empty = BTreeSet::new();
        for change in &changes {
            let (tb, ta) =
                (b.get(&change.layer).unwrap_or(&empty), a.get(&change.layer).unwrap_or(&empty));
            let gained: Vec<TieKey> = ta.difference(tb).cloned().collect();
            let lost: Vec<TieKey> = tb.difference(ta).cloned().collect();
            assert_eq!(change.gained, gained, "{}", change.layer);
            assert_eq!(change.lost, lost, "{}", change.layer);
            assert_eq!(change.kept, tb.intersection(ta).count(), "{}", change.layer);
        }
        let funding = changes.iter().find(|c| c.layer == "funding").unwrap();
        assert_eq!(funding.kept, 2);
        let collaboration = changes.iter().find(|c| c.layer == "collaboration").unwrap();
        assert!(collaboration.lost.contains(&("B".to_owned(), "a_b".to_owned())));
        assert_eq!(collaboration.kept, 2, "z–a and m–a-c, written the other way round");
    }

    #[test]
    fn layers_chosen_twice_and_weighed_in_euros_give_what_their_views_give() {
        // `funding` (directed) carries an amount on every relation, so its view is weighed in
        // euros and leaves out the relation of zero euros; `collaboration` (undirected) has
        // none and keeps all.
        let load_with = |relations: &str| {
            let files = vec![
                ("actors.csv".to_owned(), b"id,name\na,a\nb,b\nc,c\nd,d\n".to_vec()),
                ("relations.csv".to_owned(), relations.as_bytes().to_vec()),
            ];
            load(&Source::Memory(files)).unwrap()
        };
        let before = load_with(
            "source,target,layer,directed,amount\n\
             a,b,funding,true,100\nb,c,funding,true,0\nc,d,funding,true,5\n\
             a,b,collaboration,false,\nb,c,collaboration,false,\n",
        );
        let after = load_with(
            "source,target,layer,directed,amount\n\
             b,a,funding,true,100\nb,c,funding,true,7\nc,d,funding,true,0\n\
             a,d,collaboration,false,\nc,b,collaboration,false,\n",
        );
        let choose = |network: &Network| ViewSpec {
            layers: Some(
                ["funding", "collaboration", "funding"]
                    .iter()
                    .map(|name| LayerChoice::Explicit(network.layer_id(name).unwrap()))
                    .collect(),
            ),
            ..ViewSpec::default()
        };
        let (spec_b, spec_a) = (choose(&before), choose(&after));
        let numbers = SharedNumbers::new(&before, &after);
        let changes = layer_changes(
            DiffSide::new(&before, &spec_b),
            DiffSide::new(&after, &spec_a),
            &numbers,
        )
        .unwrap();
        let names: Vec<&str> = changes.iter().map(|c| c.layer.as_str()).collect();
        assert_eq!(names, ["funding", "collaboration"], "a layer chosen twice is kept once");
        let (b, a) = (by_keys(&before, &spec_b), by_keys(&after, &spec_a));
        for change in &changes {
            let (tb, ta) = (&b[&change.layer], &a[&change.layer]);
            let gained: Vec<TieKey> = ta.difference(tb).cloned().collect();
            let lost: Vec<TieKey> = tb.difference(ta).cloned().collect();
            assert_eq!(change.gained, gained, "{}", change.layer);
            assert_eq!(change.lost, lost, "{}", change.layer);
            assert_eq!(change.kept, tb.intersection(ta).count(), "{}", change.layer);
        }
        let key = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        let funding = &changes[0];
        assert!(funding.directed);
        assert_eq!(funding.gained, [key("b", "a"), key("b", "c")], "b–c: zero euros, then 7");
        assert_eq!(funding.lost, [key("a", "b"), key("c", "d")], "c–d: 5 euros, then zero");
        assert_eq!(funding.kept, 0);
        let collaboration = &changes[1];
        assert_eq!(collaboration.gained, [key("a", "d")]);
        assert_eq!(collaboration.lost, [key("a", "b")]);
        assert_eq!(collaboration.kept, 1, "b–c written the other way round");
    }
}
