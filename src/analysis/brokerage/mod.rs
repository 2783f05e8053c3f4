//! Brokerage: Gould & Fernandez's five broker roles per node (raw counts, and the expected
//! values and z-scores of R sna's `brokerage`), Burt's constraint and effective size (as
//! NetworkX's `constraint` and `effective_size`), and the grouping of nodes the roles need.
//!
//! Everything runs on a [`View`](crate::View); results come back in node order (node `i` is
//! [`View::actor`](crate::View::actor)`(i)`). `grouping.rs` groups nodes, `roles.rs` counts
//! Gould–Fernandez roles and their expected values, `holes.rs` computes Burt's measures, and
//! `measure.rs` puts them together.

mod grouping;
mod holes;
mod measure;
mod roles;
#[cfg(test)]
mod tests;

pub use grouping::{GroupBy, Grouping, NO_GROUP, group_nodes};
pub(crate) use holes::structural_holes_of;
pub use measure::{BrokerScores, Brokerage, BrokerageConfig, brokerage};
pub use roles::{Roles, brokerage_roles};

/// `x` when it is finite: scores that would be `NaN` or infinite are left out.
pub(super) fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}
