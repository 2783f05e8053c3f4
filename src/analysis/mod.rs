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

pub use brokerage::{
    BrokerScores, Brokerage, BrokerageConfig, GroupBy, Grouping, NO_GROUP, Roles, brokerage,
    brokerage_roles, group_nodes,
};
pub use centrality::{
    ActorCentrality, BetweennessConfig, CentralityConfig, EigenvectorConfig, Measures,
    PowerIterationConfig, Sample, betweenness, centrality, closeness, eigenvector, harmonic,
    pagerank, personalized_pagerank,
};
pub use components::{largest_weak_component, n_weak_components, weak_components};
pub use error::AnalysisError;
pub use kernels::PathLength;
pub use multiplex::{ActorLayers, LayerMeasures, LayerOverlap, Multiplex, layer_views, multiplex};
pub use structure::{GraphStructure, graph_structure, graph_structure_with};
pub use summary::{CoalitionSummary, LayerSummary, Summary, summarize};
