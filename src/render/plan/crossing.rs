//! The order of the connectieplan drawing's columns: barycentre crossing reduction (Sugiyama et
//! al. 1981) over the [`PlanGraph`], and the count of crossing lines it minimises.

use rustc_hash::FxHashMap;

use super::graph::{Forest, Label, MiddleItem, PlanGraph};
use crate::model::{ActorId, Side};

impl PlanGraph {
    /// Barycentre ordering (Sugiyama et al. 1981), a few sweeps: each side column is ordered by
    /// the mean position of the topics its items are tied to (a box by the mean over its
    /// contents, keeping boxes whole), then the topics by the mean position of their actors on
    /// both sides. Items without lines keep their place. Sorting is stable, so ties keep the
    /// previous order (initially by id). The order with the fewest crossings is kept.
    pub(super) fn reduce_crossings(&mut self) {
        const SWEEPS: usize = 8;
        let mut best =
            (self.crossings(), self.rijk.clone(), self.region.clone(), self.middle.clone());
        for _ in 0..SWEEPS {
            let topic_position = self.topic_positions();
            let lines = self.lines.clone();
            for (forest, side) in [(&mut self.rijk, Side::Rijk), (&mut self.region, Side::Region)] {
                let neighbours = |actor: ActorId| -> Vec<f64> {
                    lines
                        .iter()
                        .filter(|l| l.side == side && l.actor == actor)
                        .filter_map(|l| topic_position.get(&l.topic).copied())
                        .collect()
                };
                forest.order_by(&neighbours);
            }
            self.order_topics();
            let crossings = self.crossings();
            if crossings < best.0 {
                best = (crossings, self.rijk.clone(), self.region.clone(), self.middle.clone());
            }
        }
        (_, self.rijk, self.region, self.middle) = best;
    }

    /// Each topic's position in the middle column, in (0, 1).
    fn topic_positions(&self) -> FxHashMap<usize, f64> {
        let topics: Vec<usize> = self
            .middle
            .iter()
            .filter_map(|m| match m {
                MiddleItem::Topic(t) => Some(*t),
                MiddleItem::Dealmaker(_) => None,
            })
            .collect();
        let n = topics.len() as f64;
        topics.into_iter().enumerate().map(|(i, t)| (t, (i as f64 + 0.5) / n)).collect()
    }

    fn order_topics(&mut self) {
        let rijk = self.rijk.positions();
        let region = self.region.positions();
        let current = self.topic_positions();
        let mut keyed: Vec<(f64, MiddleItem)> = Vec::new();
        let mut fixed: Vec<MiddleItem> = Vec::new();
        for &item in &self.middle {
            let MiddleItem::Topic(topic) = item else {
                fixed.push(item);
                continue;
            };
            let positions: Vec<f64> = self
                .lines
                .iter()
                .filter(|l| l.topic == topic)
                .filter_map(|l| match l.side {
                    Side::Rijk => rijk.get(&l.actor).copied(),
                    Side::Region => region.get(&l.actor).copied(),
                })
                .collect();
            let key =
                mean(&positions).unwrap_or_else(|| current.get(&topic).copied().unwrap_or(0.0));
            keyed.push((key, item));
        }
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
        fixed.extend(keyed.into_iter().map(|(_, item)| item));
        self.middle = fixed;
    }

    /// The number of pairs of lines that cross, counted per side on the column orders.
    pub(crate) fn crossings(&self) -> usize {
        let topics = self.topic_positions();
        let mut total = 0;
        for (forest, side) in [(&self.rijk, Side::Rijk), (&self.region, Side::Region)] {
            let positions = forest.positions();
            let ends: Vec<(f64, f64)> = self
                .lines
                .iter()
                .filter(|l| l.side == side)
                .filter_map(|l| Some((*positions.get(&l.actor)?, *topics.get(&l.topic)?)))
                .collect();
            for (i, &(a1, t1)) in ends.iter().enumerate() {
                for &(a2, t2) in &ends[i + 1..] {
                    if (a1 < a2 && t1 > t2) || (a1 > a2 && t1 < t2) {
                        total += 1;
                    }
                }
            }
        }
        total
    }
}

impl Forest {
    /// Each drawn actor's position in the column, in (0, 1).
    fn positions(&self) -> FxHashMap<ActorId, f64> {
        let actors: Vec<ActorId> = self
            .pre_order()
            .into_iter()
            .filter_map(|i| match self.items[i].label {
                Label::Actor(actor) => Some(actor),
                _ => None,
            })
            .collect();
        let n = actors.len() as f64;
        actors.into_iter().enumerate().map(|(i, a)| (a, (i as f64 + 0.5) / n)).collect()
    }

    /// Orders the top items and every box's contents by the barycentre of their subtrees.
    fn order_by(&mut self, neighbours: &dyn Fn(ActorId) -> Vec<f64>) {
        let current = self.positions();
        let order = self.pre_order();
        // Per item: (sum, count) of neighbour positions, and (sum, count) of its own current
        // positions for subtrees without lines; children come after parents in pre-order.
        let mut sums = vec![(0.0, 0usize, 0.0, 0usize); self.items.len()];
        for &item in order.iter().rev() {
            let mut sum = (0.0, 0usize, 0.0, 0usize);
            if let Label::Actor(actor) = self.items[item].label {
                let found = neighbours(actor);
                sum.0 += found.iter().sum::<f64>();
                sum.1 += found.len();
                if let Some(&p) = current.get(&actor) {
                    sum.2 += p;
                    sum.3 += 1;
                }
            }
            for &child in &self.items[item].children {
                let c = sums[child];
                sum = (sum.0 + c.0, sum.1 + c.1, sum.2 + c.2, sum.3 + c.3);
            }
            sums[item] = sum;
        }
        let key = |item: usize| {
            let (s, n, own, n_own) = sums[item];
            if n > 0 {
                s / n as f64
            } else if n_own > 0 {
                own / n_own as f64
            } else {
                0.0
            }
        };
        let sort = |list: &mut Vec<usize>| list.sort_by(|&a, &b| key(a).total_cmp(&key(b)));
        sort(&mut self.roots);
        for item in 0..self.items.len() {
            let mut children = std::mem::take(&mut self.items[item].children);
            sort(&mut children);
            self.items[item].children = children;
        }
    }
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}
