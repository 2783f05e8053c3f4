//! Interoperation with other Rust graph crates: stakenet's views seen through their traits, and
//! conversions both ways.
//!
//! - [`petgraph`] (feature `petgraph`, on by default): petgraph's visit traits for `&View`, so
//!   `petgraph::algo` runs on a view without copying it; `View::to_petgraph_directed`,
//!   `View::to_petgraph_undirected` and `Network::to_petgraph`. The way back is
//!   [`View::from_arcs`](crate::View::from_arcs), which needs no feature.

#[cfg(feature = "petgraph")]
pub mod petgraph;
