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
//! [`PlanConfig`] says which date the plan describes.

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

use std::collections::BTreeMap;

use crate::analysis::{AnalysisError, Moment};
use crate::model::{CoalitionId, Date, Network};
use context::Context;

/// What a connectieplan describes: the date relations and memberships must hold on.
///
/// The default applies no date (every relation and membership counts, whenever it held); a
/// command describes a date (`stakenet plan` without `--at`: today, or the latest date in the
/// data, moved into the coalition's term with [`coalition_moment`]).
///
/// ```
/// # use stakenet::analysis::PlanConfig;
/// # use stakenet::model::Date;
/// let day = Date::from_ymd_opt(2022, 12, 31).expect("a date");
/// let config = PlanConfig::default().with_at(day);
/// assert_eq!(config.moment.and_then(|m| m.date), Some(day));
/// ```
///
/// [`coalition_moment`]: crate::analysis::coalition_moment
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PlanConfig {
    /// The date described and why; `None`: no date is applied.
    pub moment: Option<Moment>,
}

impl PlanConfig {
    /// Sets [`PlanConfig::moment`]: describe the plan as on `moment.date` (a moment without a
    /// date, for data without dates, applies none).
    #[must_use]
    pub fn with_moment(mut self, moment: Moment) -> Self {
        self.moment = Some(moment);
        self
    }

    /// Describes the plan as on `date`, the date asked for ([`Moment::asked`]).
    #[must_use]
    pub fn with_at(self, date: Date) -> Self {
        self.with_moment(Moment::asked(date))
    }
}

/// The connectieplan of `coalition`, as on the date of `config` ([`PlanConfig`]).
///
/// **Dates**: with a date, only relations and memberships that hold on it count (their
/// `since`/`until` contain it): a tie that ended before it carries no topic and makes no one work
/// on one, and a membership that ended (or has not begun) makes no member. Without a date every
/// relation and membership counts. The plan keeps the date it describes
/// ([`Connectieplan::moment`]).
///
/// **Scope**: the coalition's members on the date and their units, as [`Scope::Coalition`]
/// (actors below a member at the same level: a directorate of a signing ministry counts for that
/// ministry). Roles (lead, signatory, dealmaker) come from the memberships themselves.
///
/// **Topics** are the coalition's themes plus the `topic`s of relations with at least one end in
/// scope; two spellings that differ only in case or surrounding spaces are one topic. An actor
/// **works on** a topic when one of its themes is the topic (case ignored) or a relation of its
/// has that topic.
///
/// For each topic:
/// - **regional owners**: region-side actors in scope working on it ([`Network::side`]: the root
///   of the parent chain is not national government); when none is known to, the members
///   standing in for them — the region-side leads, else the programme office, else the
///   signatories (a workspace with memberships only still gets
///   owners);
/// - **Rijk counterparts**: Rijk-side actors near the coalition (in scope, below a member, or
///   with a relation to an actor in scope) working on it; when there are none, the ministries
///   [`ministries_for_theme`] maps the topic to, when the workspace holds them on the Rijk side;
/// - **ties**: explicit relations (any layer, either direction) between a Rijk-side actor and a
///   region-side actor in scope whose `topic` is the topic, or that have no topic while both ends
///   work on it (a relation with another topic is about that topic), merged per pair with the
///   sum of their `amount`s;
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
/// **General ties** ([`Connectieplan::general`]): a relation without a topic between a Rijk-side
/// actor and a region-side actor in scope when no topic is worked on by both ends — a lead
/// ministry's funding, a dealmaker's or accounthouder's contacts. Each such relation is counted
/// once: under the topics both ends work on, else here. They are not a theme (no status, owners
/// or proposals), but they keep the ministries whose ties have no topic in the plan.
///
/// **Unconnected signatories** are Rijk-side members with role `signatory` such that neither
/// they nor any actor below them has an explicit relation (any layer, any topic) with a
/// region-side actor in scope. **Dealmakers** are members with role `dealmaker` or kind
/// `dealmaker`, and actors of kind `dealmaker` with a relation to a member. Their ties across the
/// boundary are ties like any other (general when they name no topic).
///
/// # Complexity
/// O(n·d + m·k + t·n + Σ c·o) for n actors of hierarchy depth d, m relations, k the most
/// topics two tied actors share, t topics, and per topic c counterparts and o owners.
///
/// # Errors
/// [`AnalysisError::AmountOverflow`] when the amounts of the relations between two parties add
/// up to more than the largest `f64` (each finite), naming the two.
///
/// [`ministries_for_theme`]: crate::analysis::ministries_for_theme
/// [`Scope::Coalition`]: crate::view::Scope::Coalition
pub fn connectieplan(
    network: &Network,
    coalition: CoalitionId,
    config: &PlanConfig,
) -> Result<Connectieplan, AnalysisError> {
    let at = config.moment.and_then(|m| m.date);
    let context = Context::new(network, coalition, at);
    let all_ties = context.ties.values().flat_map(BTreeMap::values).chain(context.general.values());
    if let Some(tie) = all_ties.into_iter().find(|tie| tie.amount.is_some_and(|a| !a.is_finite())) {
        let (rijk, region) = (&network.actor(tie.rijk).key, &network.actor(tie.region).key);
        return Err(AnalysisError::AmountOverflow {
            what: format!("the amounts of the relations between `{rijk}` and `{region}`"),
        });
    }
    let mut topics: Vec<PlanTopic> =
        (0..context.topics.len()).map(|index| context.topic(index)).collect();
    topics.sort_by(|a, b| {
        a.topic.to_lowercase().cmp(&b.topic.to_lowercase()).then(a.topic.cmp(&b.topic))
    });
    Ok(Connectieplan {
        coalition,
        moment: config.moment,
        topics,
        general: context.sorted_ties(None),
        unconnected_signatories: context.unconnected_signatories(),
        rijk_signatories: context.rijk_signatories(None),
        dealmakers: context.dealmakers(),
    })
}
