//! Analyses: measures computed on a [`Network`](crate::Network) or a [`View`](crate::View).
//! Each returns a plain result struct keyed by actor; rendering decides the output shape.
//! No I/O, no panics on user data.

mod brokerage;
mod centrality;
mod components;
mod error;
mod kernels;
mod multiplex;
mod structure;
mod summary;

pub use error::AnalysisError;
pub use summary::{CoalitionSummary, LayerSummary, Summary, summarize};
