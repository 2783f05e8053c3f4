//! The result types of the connectieplan: the plan, its topics and their status, regional
//! owners, Rijk counterparts, ties and proposed ties.

use crate::analysis::Moment;
use crate::model::{ActorId, CoalitionId, LayerId};

/// The connectieplan of one coalition.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Connectieplan {
    /// The coalition.
    pub coalition: CoalitionId,
    /// The date the plan describes, and why ([`PlanConfig::with_moment`]); `None` when dates
    /// were not applied (every relation and membership counts, whenever it held).
    ///
    /// [`PlanConfig::with_moment`]: crate::analysis::PlanConfig::with_moment
    pub moment: Option<Moment>,
    /// Its topics, by name (case ignored, then as written).
    pub topics: Vec<PlanTopic>,
    /// The deal's general ties: Rijk–region ties whose relations have no topic and that no
    /// topic claims (no topic both ends work on), by Rijk id then region id. Not a theme: they
    /// have no status, owners or proposals, but they show who works with whom (a lead
    /// ministry's funding, a dealmaker's or accounthouder's contacts).
    pub general: Vec<PlanTie>,
    /// Rijk-side signatories none of which, nor any actor below it, has an explicit relation
    /// with a region-side member; by actor id.
    pub unconnected_signatories: Vec<ActorId>,
    /// Every Rijk-side signatory, by actor id.
    pub rijk_signatories: Vec<ActorId>,
    /// Members with role `dealmaker` or kind `dealmaker`, and actors of kind `dealmaker` tied to
    /// a member; by actor id.
    pub dealmakers: Vec<ActorId>,
}

/// How well a topic is carried across the Rijk–region boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TopicStatus {
    /// Two or more ties, and no single actor on all of them.
    Covered,
    /// One tie, or every tie through the same actor on one side.
    Fragile,
    /// No Rijk–region tie on the topic.
    Gap,
}

impl TopicStatus {
    /// Every status, from the best to the worst.
    pub const ALL: &'static [TopicStatus] =
        &[TopicStatus::Covered, TopicStatus::Fragile, TopicStatus::Gap];

    /// `covered`, `fragile` or `gap`.
    pub fn as_str(self) -> &'static str {
        match self {
            TopicStatus::Covered => "covered",
            TopicStatus::Fragile => "fragile",
            TopicStatus::Gap => "gap",
        }
    }
}

/// One topic of the plan.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PlanTopic {
    /// The topic as written: the coalition's spelling when it is one of its themes, else the
    /// first by text order among the relation topics that name it.
    pub topic: String,
    /// Whether it is one of the coalition's themes (else it comes from relation topics only).
    pub is_theme: bool,
    /// Covered, fragile or gap.
    pub status: TopicStatus,
    /// Region-side actors in the coalition's scope on the date (members and their units)
    /// working on the topic (a theme of theirs, or a relation with that topic); when there are
    /// none, the region-side members who stand in for them: the leads, else the programme
    /// office, else the signatories. By actor id.
    pub regional_owners: Vec<RegionalOwner>,
    /// Rijk-side counterparts, by actor id: the Rijk actors near the coalition (members and
    /// their units, actors below a member, actors tied to one of them) working on the topic; when there are none, the
    /// ministries the topic maps to ([`ministries_for_theme`]) that the workspace holds.
    ///
    /// [`ministries_for_theme`]: crate::analysis::ministries_for_theme
    pub rijk_counterparts: Vec<Counterpart>,
    /// The Rijk–region ties carrying the topic, one per pair of actors, by Rijk id then region
    /// id.
    pub ties: Vec<PlanTie>,
    /// The actors that every tie runs through (the single points of failure of a fragile
    /// topic; empty for a covered topic or a gap), the Rijk end first.
    pub single_points: Vec<ActorId>,
    /// Ties that would close a gap, or give a fragile topic a second, independent tie; by Rijk
    /// id then region id.
    pub proposed: Vec<ProposedTie>,
}

/// A regional owner of a topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct RegionalOwner {
    /// The member.
    pub actor: ActorId,
    /// Why it owns the topic: it works on it, or it stands in as lead, programme office or
    /// signatory because no member is known to work on it.
    pub via: RegionalBasis,
}

/// A Rijk-side counterpart of a topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Counterpart {
    /// The actor.
    pub actor: ActorId,
    /// Why it is a counterpart.
    pub via: CounterpartSource,
}

/// Why a Rijk actor is a counterpart of a topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CounterpartSource {
    /// It works on the topic: one of its themes, or a relation with that topic.
    WorksOnIt,
    /// The default theme → ministry map points at it.
    ThemeMap,
}

impl CounterpartSource {
    /// `works_on_it` or `theme_map`.
    pub fn as_str(self) -> &'static str {
        match self {
            CounterpartSource::WorksOnIt => "works_on_it",
            CounterpartSource::ThemeMap => "theme_map",
        }
    }
}

/// A Rijk–region tie carrying a topic: every explicit relation between the pair that is about
/// the topic, merged.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PlanTie {
    /// The Rijk-side end.
    pub rijk: ActorId,
    /// The region-side end (a member of the coalition, or a unit of one).
    pub region: ActorId,
    /// The layers of the merged relations, by layer name.
    pub layers: Vec<LayerId>,
    /// How the tie was found to be about the topic.
    pub via: TieMatch,
    /// The money of the merged relations (the sum of their `amount`s, in euros), when at least
    /// one carries an amount.
    pub amount: Option<f64>,
}

// Amounts are finite and at least 0 (the loaders refuse others), so their sums are never NaN
// and equality is reflexive.
impl Eq for PlanTie {}

/// How a relation was found to be about a topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TieMatch {
    /// Its `topic` names the topic (for a merged tie: at least one relation's does).
    Topic,
    /// It has no topic and both ends work on the topic.
    Themes,
    /// It has no topic and no topic both ends work on: one of the deal's general ties
    /// ([`Connectieplan::general`]).
    General,
}

impl TieMatch {
    /// `topic`, `themes` or `general`.
    pub fn as_str(self) -> &'static str {
        match self {
            TieMatch::Topic => "topic",
            TieMatch::Themes => "themes",
            TieMatch::General => "general",
        }
    }
}

/// A tie the plan proposes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ProposedTie {
    /// The Rijk-side end.
    pub rijk: ActorId,
    /// Why the Rijk end was chosen.
    pub rijk_basis: CounterpartSource,
    /// The region-side end.
    pub region: ActorId,
    /// Why the region end was chosen.
    pub region_basis: RegionalBasis,
    /// What the tie would do.
    pub goal: ProposalGoal,
}

/// Why a region-side member owns a topic, or was chosen as the end of a proposed tie.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum RegionalBasis {
    /// It works on the topic: one of its themes, or a relation with that topic.
    WorksOnIt,
    /// No member is known to work on the topic; a lead of the coalition.
    Lead,
    /// No member is known to work on it and there is no lead; the programme office.
    ProgrammeOffice,
    /// No member is known to work on it and there is no lead or programme office; a regional
    /// signatory.
    Signatory,
    /// Only members in other roles (for a proposed tie's end only).
    Member,
}

impl RegionalBasis {
    /// `works_on_it`, `lead`, `programme_office`, `signatory` or `member`.
    pub fn as_str(self) -> &'static str {
        match self {
            RegionalBasis::WorksOnIt => "works_on_it",
            RegionalBasis::Lead => "lead",
            RegionalBasis::ProgrammeOffice => "programme_office",
            RegionalBasis::Signatory => "signatory",
            RegionalBasis::Member => "member",
        }
    }
}

/// What a proposed tie is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ProposalGoal {
    /// The topic has no tie: this would be its first.
    CloseGap,
    /// The topic hangs on one tie or one person: this tie avoids that person and makes the
    /// topic covered.
    Cover,
    /// The topic hangs on one tie or one person and no pair avoids them all: this tie at least
    /// brings in one new person.
    Spread,
}

impl ProposalGoal {
    /// `close_gap`, `cover` or `spread`.
    pub fn as_str(self) -> &'static str {
        match self {
            ProposalGoal::CloseGap => "close_gap",
            ProposalGoal::Cover => "cover",
            ProposalGoal::Spread => "spread",
        }
    }
}
