//! Connectieplan topics before and after: each topic's status (gap → fragile → covered) and
//! the Rijk–region ties that made the difference.

use std::collections::{BTreeMap, BTreeSet};

use super::{DiffSide, TieKey};
use crate::analysis::{Connectieplan, TopicStatus};

/// One topic on both sides, matched by its text (case ignored).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct TopicChange {
    /// The topic as written (after's spelling when both have it).
    pub topic: String,
    /// Its status before; `None` when the side has no such topic.
    pub before: Option<TopicStatus>,
    /// Its status after.
    pub after: Option<TopicStatus>,
    /// Rijk–region ties (Rijk key, region key) carrying it after and not before.
    pub gained: Vec<TieKey>,
    /// Ties carrying it before and not after.
    pub lost: Vec<TieKey>,
}

impl TopicChange {
    /// Whether the status improved (towards covered), worsened, or stayed: 1, −1 or 0; a
    /// topic on one side only counts as a gap on the other.
    pub fn direction(&self) -> i8 {
        let rank = |s: Option<TopicStatus>| match s {
            Some(TopicStatus::Covered) => 2i8,
            Some(TopicStatus::Fragile) => 1,
            _ => 0,
        };
        (rank(self.after) - rank(self.before)).signum()
    }
}

type TopicTies = BTreeMap<String, (String, TopicStatus, BTreeSet<TieKey>)>;

fn topics(side: DiffSide<'_>, plan: &Connectieplan) -> TopicTies {
    let key = |id| side.network.actor(id).key.clone();
    plan.topics
        .iter()
        .map(|t| {
            let ties = t.ties.iter().map(|tie| (key(tie.rijk), key(tie.region))).collect();
            (t.topic.to_lowercase(), (t.topic.clone(), t.status, ties))
        })
        .collect()
}

/// Per topic of either plan (before's order by text, then after's new ones): status before
/// and after, ties gained and lost. Empty when neither side is a coalition.
pub(crate) fn topic_changes(
    before: DiffSide<'_>,
    after: DiffSide<'_>,
    plans: (Option<&Connectieplan>, Option<&Connectieplan>),
) -> Vec<TopicChange> {
    let b = plans.0.map(|p| topics(before, p)).unwrap_or_default();
    let a = plans.1.map(|p| topics(after, p)).unwrap_or_default();
    let names: BTreeSet<&String> = b.keys().chain(a.keys()).collect();
    let empty = BTreeSet::new();
    names
        .into_iter()
        .map(|name| {
            let (tb, ta) = (b.get(name), a.get(name));
            let ties_b = tb.map_or(&empty, |t| &t.2);
            let ties_a = ta.map_or(&empty, |t| &t.2);
            TopicChange {
                topic: ta.or(tb).map(|t| t.0.clone()).unwrap_or_default(),
                before: tb.map(|t| t.1),
                after: ta.map(|t| t.1),
                gained: ties_a.difference(ties_b).cloned().collect(),
                lost: ties_b.difference(ties_a).cloned().collect(),
            }
        })
        .collect()
}
