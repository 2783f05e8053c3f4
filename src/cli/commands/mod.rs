//! One file per subcommand: each turns its arguments into a library call and a rendering.

pub(crate) mod asymmetry;
pub(crate) mod brokerage;
pub(crate) mod centrality;
pub(crate) mod check;
pub(crate) mod cohesion;
pub(crate) mod compare;
pub(crate) mod diff;
pub(crate) mod ego;
pub(crate) mod export;
pub(crate) mod generate;
pub(crate) mod influence;
pub(crate) mod init;
pub(crate) mod interdependence;
pub(crate) mod layers;
pub(crate) mod map;
pub(crate) mod mixing;
pub(crate) mod plan;
pub(crate) mod qap;
pub(crate) mod report;
pub(crate) mod suspects;
pub(crate) mod twomode;
pub(crate) mod whatif;
