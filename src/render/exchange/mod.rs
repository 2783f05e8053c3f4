//! The graph-exchange formats of `stakenet export`: the whole network flattened once
//! (`flatten`), then written as GraphML, GEXF, Cytoscape JSON or DOT.

mod cytoscape;
mod dot;
pub(crate) mod flatten;
mod gexf;
mod graphml;

pub use cytoscape::export_cytoscape;
pub use dot::export_dot;
pub use flatten::MixedEdges;
pub use gexf::export_gexf;
pub use graphml::export_graphml;
