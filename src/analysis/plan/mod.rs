//! The connectieplan of one coalition (DESIGN §5): per topic, who works on it on each side, which
//! Rijk–region ties carry it, whether it is covered, fragile or a gap, and which ties would close
//! the gaps; plus the signing ministries without a working tie and the dealmakers.
//!
//! The Regio Deal evaluations found that a topic that hangs on one person is fragile (staff turn
//! over, and the institutional memory leaves with them) and that a signature is not a working
//! relation. Rijk and region Twente drew up a *connectieplan* mapping which topics matter and who
//! on each side works on them; this module computes one from a workspace.
//!
//! `model.rs` holds the result types, `context.rs` the context built once per coalition (topics,
//! who works on them, the ties matched to each), `topic.rs` one topic with its status and
//! single points, `parties.rs` its stand-in owners and mapped ministries, `proposals.rs` the
//! proposed ties, and `signatories.rs` the unconnected signatories and the dealmakers.

mod context;
mod model;
mod parties;
mod proposals;
mod signatories;
#[cfg(test)]
mod tests;
mod topic;

pub use model::{
    Connectieplan, Counterpart, CounterpartSource, PlanTie, PlanTopic, ProposalGoal, ProposedTie,
    RegionalBasis, RegionalOwner, TieMatch, TopicStatus,
};

use crate::model::{CoalitionId, Network};
use context::Context;

/// The connectieplan of `coalition`.
///
/// **Topics** are the coalition's themes plus the `topic`s of relations with at least one member
/// end; two spellings that differ only in case or surrounding spaces are one topic. An actor
/// **works on** a topic when one of its themes is the topic (case ignored) or a relation of its
/// has that topic.
///
/// For each topic:
/// - **regional owners**: region-side members working on it ([`Network::side`]: the root of the
///   parent chain is not national government); when none is known to, the members standing in
///   for them — the region-side leads, else the programme office, else the signatories (a
///   workspace with memberships only, like the bundled Regio Deals, still gets owners);
/// - **Rijk counterparts**: Rijk-side actors near the coalition (members, actors below a member,
///   actors with a relation to a member) working on it; when there are none, the ministries
///   [`ministries_for_theme`] maps the topic to, when the workspace holds them on the Rijk side;
/// - **ties**: explicit relations (any layer, either direction) between a Rijk-side actor and a
///   region-side member whose `topic` is the topic, or that have no topic while both ends work on
///   it (a relation with another topic is about that topic), merged per pair;
/// - **status**: `gap` without ties; `covered` with two or more ties (pairs) none of whose ends
///   is on all of them; else `fragile` (one tie, or all through one person — its
///   [`PlanTopic::single_points`]);
/// - **proposed ties**: for a gap, each counterpart with the regional end: the owner with the
///   most ties (distinct actors it has explicit relations with), then the broadest level, then
///   by id — or, without owners, the region-side member ranked so; for a fragile topic, the
///   first pair of a candidate counterpart (working counterparts, then mapped ministries outside
///   the existing tie ends' chains, then the other mapped ministries) and an owner (by the same
///   rank) that makes it covered, else the first new pair bringing in a new person.
///
/// **Unconnected signatories** are Rijk-side members with role `signatory` such that neither
/// they nor any actor below them has an explicit relation (any layer, any topic) with a
/// region-side member. **Dealmakers** are members with role `dealmaker` or kind `dealmaker`, and
/// actors of kind `dealmaker` with a relation to a member.
///
/// Dates are not applied: every relation and membership counts.
///
/// # Complexity
/// O(n·d + m·k + t·n + Σ c·o) for n actors of hierarchy depth d, m relations, k the most
/// topics two tied actors share, t topics, and per topic c counterparts and o owners.
///
/// [`ministries_for_theme`]: crate::analysis::ministries_for_theme
pub fn connectieplan(network: &Network, coalition: CoalitionId) -> Connectieplan {
    let context = Context::new(network, coalition);
    let mut topics: Vec<PlanTopic> =
        (0..context.topics.len()).map(|index| context.topic(index)).collect();
    topics.sort_by(|a, b| {
        a.topic.to_lowercase().cmp(&b.topic.to_lowercase()).then(a.topic.cmp(&b.topic))
    });
    Connectieplan {
        coalition,
        topics,
        unconnected_signatories: context.unconnected_signatories(),
        rijk_signatories: context.rijk_signatories(None),
        dealmakers: context.dealmakers(),
    }
}
