//! Cohesion of a view: core numbers (k-cores), maximal cliques, and communities by the Leiden
//! algorithm with their modularity — all on the view taken as undirected.
//!
//! One concept per file: `graph.rs` (the view as a simple undirected graph: a pair tied either
//! way is one tie, weighing the larger of its arcs), `core.rs` (Batagelj–Zaversnik core
//! numbers), `cliques.rs` (Bron–Kerbosch–Tomita, iterative), `leiden.rs` (Leiden communities),
//! `modularity.rs` (Newman's weighted modularity).

mod cliques;
mod core;
pub(crate) mod graph;
mod leiden;
mod modularity;

pub use cliques::{Cliques, maximal_cliques};
pub use core::core_numbers;
pub use leiden::{Communities, LeidenConfig, leiden};
pub use modularity::modularity;
