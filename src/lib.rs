//! # stakenet
//!
//! A stakeholder network analysis engine for multi-actor, multi-level, multi-layer coalitions
//! such as the Dutch *Regio Deals*: who holds a coalition together, who brokers between the
//! national government and the region, whether money and mandate run one way, which kinds of
//! parties are missing.
//!
//! The flow is one-directional: [`io`] reads a workspace into a validated [`Network`]
//! ([`model`]); a [`View`] selects actors, layers, a level and a date and turns them into a
//! compact CSR graph; [`analysis`] runs measures on views (and assembles the whole report);
//! [`render`] shapes the results as text, CSV, JSON, SVG, DOT, GraphML, GEXF or HTML. The
//! command line that glues them together is the `stakenet` binary (feature `cli`), not part of
//! the library. [`names`] resolves the names users write (coalition ids, layers, levels, dates),
//! and [`interop`] lets petgraph's algorithms run on a view (feature `petgraph`).
//!
//! ```
//! use stakenet::{Source, View, ViewSpec, load};
//!
//! let network = load(&Source::Bundled).expect("the bundled workspace is valid");
//! assert_eq!(network.coalitions().len(), 67);
//! let view = View::build(&network, &ViewSpec::default()).expect("a valid selection");
//! assert!(view.n_nodes() > 100);
//! ```

pub mod analysis;
pub mod error;
pub mod generate;
pub mod interop;
pub mod io;
pub mod model;
pub mod names;
pub mod random;
pub mod render;
pub mod terminal;
pub mod two_mode;
pub mod view;

/// nalgebra, whose `DMatrix` [`analysis::DependenceMatrix::from_dense`] takes: use this one to be
/// sure of the version.
pub use nalgebra;

pub use error::{Diagnostic, Diagnostics, LoadError, Location, Severity};
pub use io::{LoadOptions, Loaded, NumberConvention, Source, load, load_with};
pub use model::{
    Actor, ActorId, Coalition, CoalitionId, Layer, LayerId, Level, Membership, Network, Relation,
    Role, Sector, Side,
};
pub use two_mode::TwoMode;
pub use view::{
    Csr, LayerChoice, MAX_COMEMBERSHIP_PAIRS, MAX_LAYER_CELLS, MAX_LAYER_PAIRS, Scope, TieWeight,
    View, ViewError, ViewSpec, Weighting,
};
