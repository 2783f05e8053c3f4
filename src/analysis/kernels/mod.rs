//! The inner loops of the centrality measures: Brandes' single-source accumulation, shortest-path
//! distances and power iterations, on a view's CSR rows with `u32` node indices.
//!
//! Parallel work is split the same way at every thread count: sources go in fixed-size chunks,
//! each chunk sums into its own vector, and the vectors are added in chunk order. Per-node
//! results (distances, power-iteration rows) are computed by one thread each. So every result is
//! bit-identical whether rayon runs one thread or many.
//!
//! One concept per file: `paths.rs` (the breadth-first renumbering, BFS and Dijkstra),
//! `brandes.rs` (Brandes' accumulation and its position-scaled credits), `heap.rs` (Dijkstra's
//! indexed heap), `reduce.rs` (fixed-chunk reductions), `power.rs` (power iterations),
//! `acyclic.rs` (Kahn's test for cycles) and `sorted.rs` (merges of sorted neighbour lists).

mod acyclic;
mod brandes;
mod correlation;
mod heap;
mod paths;
mod power;
mod reduce;
mod sorted;

pub(crate) use acyclic::is_acyclic;
pub(crate) use brandes::{dependency_sums, scaled_credit_sums, weighted_dependency_sums};
pub(crate) use correlation::pearson;
pub use paths::PathLength;
pub(crate) use paths::{PathGraph, Reach, reaches, reaches_from, sampled_reaches};
pub(crate) use power::{Diverged, Stopping, dominant_eigenvector, pagerank};
pub(crate) use sorted::count_common;
