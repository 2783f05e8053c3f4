//! One file per subcommand: each turns its arguments into a library call and a rendering.

pub mod asymmetry;
pub mod brokerage;
pub mod centrality;
pub mod check;
pub mod compare;
pub mod export;
pub mod generate;
pub mod interdependence;
pub mod layers;
pub mod plan;
pub mod report;
pub mod suspects;
