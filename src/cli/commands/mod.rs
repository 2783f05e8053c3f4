//! One file per subcommand: each turns its arguments into a library call and a rendering.

pub(crate) mod brokerage;
pub(crate) mod centrality;
pub(crate) mod check;
pub(crate) mod generate;
pub(crate) mod layers;
