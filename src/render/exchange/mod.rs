//! The graph-exchange formats of `stakenet export`: the whole network flattened once
//! (`flatten`), then written as GraphML, GEXF, Cytoscape JSON or DOT; `options` says what is
//! added on request, `visual` the map's positions, colours and sizes per exported node,
//! `timeline` when each node holds in the dynamic GEXF.

mod cytoscape;
mod dot;
pub(crate) mod flatten;
mod gexf;
mod graphml;
mod options;
mod timeline;
mod visual;

pub use cytoscape::{export_cytoscape, export_cytoscape_with};
pub use dot::export_dot;
pub use flatten::MixedEdges;
pub use gexf::{export_gexf, export_gexf_with};
pub use graphml::{export_graphml, export_graphml_with};
pub use options::{ExportOptions, Timeline};
