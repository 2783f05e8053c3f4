//! The domain model: a validated, immutable multi-actor, multi-level, multi-layer network.
//!
//! No file I/O here: [`crate::io`] reads workspaces and hands resolved entities to
//! [`NetworkBuilder`].

mod actor;
mod attributes;
mod coalition;
mod comembership;
mod follows;
mod hierarchy;
mod ids;
mod layer;
mod ministry;
mod network;
mod profile;
mod relation;
mod succession;
mod validity;

pub use actor::join_alternatives;
pub use actor::{Actor, Level, Sector};
pub use attributes::SparseAttributes;
pub use coalition::{Coalition, Membership, Role};
pub(crate) use comembership::{Projection, members_by_coalition, pair_count, projection_ties};
pub use comembership::{comembership_pair_count, comembership_ties};
pub use follows::FOLLOWS_COLUMN;
pub use hierarchy::{Hierarchy, ParentCycles};
pub use ids::{ActorId, CoalitionId, LayerId, TopicId};
pub use layer::{
    COMEMBERSHIP, COMEMBERSHIP_NEWMAN, DERIVED_LAYERS, Layer, WELL_KNOWN_LAYERS,
    directed_by_default,
};
pub use ministry::ABBREVIATION_COLUMN;
pub use network::{AmountCoverage, Network, NetworkBuilder, Side};
pub use profile::{DEFAULT_MINISTRY_KEYWORDS, MinistryRule, Profile, ScoreWeights};
pub use relation::Relation;
pub use validity::{Validity, parse_iso_date};

/// A calendar date (ISO `YYYY-MM-DD` in files).
pub type Date = chrono::NaiveDate;
