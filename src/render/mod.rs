//! Rendering: result structs to text in the formats users open (terminal tables, CSV, JSON,
//! and later DOT, SVG, HTML, GraphML, GEXF). No I/O: renderers return strings.

mod actors;
mod asymmetry;
mod brokerage;
mod centrality;
mod charts;
mod compare;
mod cytoscape;
mod dot;
mod dot_export;
mod evaluation;
mod export;
mod gexf;
mod graphml;
mod html;
mod interdependence;
pub mod json;
mod layers;
mod plan;
mod plan_dot;
mod plan_layout;
mod records;
mod summary;
mod suspects;
mod svg;
mod table;
mod xml;

pub use actors::{ACTOR_COLUMNS, actor_cells, by_actor_id};
pub use asymmetry::{
    asymmetry_actor_records, asymmetry_dyad_records, asymmetry_group_records, asymmetry_json,
    asymmetry_layer_records, asymmetry_table, coalition_finance_records,
};
pub use brokerage::brokerage_records;
pub use centrality::{CENTRALITY_COLUMNS, centrality_records, structure_json, structure_table};
pub use charts::{Bar, BarChart, Reference, bar_chart_svg, palette, sector_colour, svg_document};
pub use compare::{COMPARE_COLUMNS, compare_json, compare_records};
pub use cytoscape::export_cytoscape;
pub use dot_export::export_dot;
pub use evaluation::{evaluation_items, evaluation_json, evaluation_summary, evaluation_table};
pub use export::MixedEdges;
pub use gexf::export_gexf;
pub use graphml::export_graphml;
pub use html::{
    AsymmetryFinding, CANDIDATES_IN_FILES, CoalitionReport, InterdependenceFinding, Overview,
    REPORT_MARKER, Report, ReportFile, coalition_folders, report_files,
};
pub use interdependence::{
    PAIR_COLUMNS, dependence_actor_records, dependence_pair_records, interdependence_json,
    interdependence_table,
};
pub use layers::{layer_records, layers_json, overlap_records};
pub use plan::{md_escape, plan_json, plan_markdown, proposal_reason};
pub use plan_dot::plan_dot;
pub use records::{Cell, Records, defuse_formula};
pub use summary::{summary_json, summary_table};
pub use suspects::{
    CANDIDATE_COLUMNS, WEAKLY_ENGAGED_REASON, candidate_reason, candidate_records,
    coverage_records, suspects_json, suspects_table,
};
pub use svg::plan_svg;
pub use table::TextTable;
