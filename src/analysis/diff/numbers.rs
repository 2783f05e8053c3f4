//! The actors of both sides of a comparison numbered once by key, so that ties and rankings
//! are compared as numbers and turned into text only for what is reported.

use std::cmp::Ordering;

use super::TieKey;
use crate::model::Network;

/// The actors of both sides numbered once, in the byte order of their keys (the order of
/// [`Network::actor_ids_by_key`]), an actor of both networks by one number: a tie is then a
/// pair of numbers, and pairs compare as the pairs of keys do.
pub(crate) struct SharedNumbers<'a> {
    /// The key of each number.
    pub(crate) keys: Vec<&'a str>,
    /// The number of each actor of the network before, by actor index.
    pub(crate) before: Vec<u32>,
    /// The number of each actor of the network after, by actor index.
    pub(crate) after: Vec<u32>,
}

impl<'a> SharedNumbers<'a> {
    /// Numbers the actors of `before` and `after` by merging their key orders.
    pub(crate) fn new(before: &'a Network, after: &'a Network) -> Self {
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
    pub(crate) fn tie_key(&self, (a, b): (u32, u32)) -> TieKey {
        (self.keys[a as usize].to_owned(), self.keys[b as usize].to_owned())
    }
}
