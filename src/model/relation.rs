//! Relations: ties between two actors in one layer, with strength, money, topic and dates.

use super::ids::{ActorId, CoalitionId, LayerId, TopicId};
use super::validity::Validity;

/// One tie of the network.
///
/// Unknown columns of `relations.csv` are kept in [`Network::relation_attributes`](crate::Network::relation_attributes)
/// rather than here, so that a million relations stay small.
#[derive(Clone, Debug, PartialEq)]
pub struct Relation {
    /// Where the tie starts (the funder, the one who informs, the dependent one).
    pub source: ActorId,
    /// Where the tie ends.
    pub target: ActorId,
    /// The relation type.
    pub layer: LayerId,
    /// Whether the tie has a direction.
    pub directed: bool,
    /// Tie strength, finite and > 0 (default 1). Strength, not distance.
    pub weight: f64,
    /// Money involved, finite and ≥ 0, when given.
    pub amount: Option<f64>,
    /// The topic the tie is about, when given.
    pub topic: Option<TopicId>,
    /// The dates between which the tie holds.
    pub validity: Validity,
    /// The coalition the tie is part of, when the workspace says so (`relations.csv`'s
    /// `coalition`): a view or plan of another coalition leaves it out. `None`: a tie of the
    /// network, counted in every coalition whose scope holds both ends.
    pub coalition: Option<CoalitionId>,
}

impl Relation {
    /// Whether the tie counts in the scope of `coalition` (`None`: the whole network): it is
    /// part of no coalition in particular, or of that one.
    pub fn counts_in(&self, coalition: Option<CoalitionId>) -> bool {
        match (self.coalition, coalition) {
            (Some(own), Some(asked)) => own == asked,
            _ => true,
        }
    }
}
