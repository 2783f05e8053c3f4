//! Rendering: result structs to text in the formats users open (terminal tables, CSV, JSON,
//! DOT, SVG, HTML, GraphML, GEXF, Excel workbooks). No I/O: renderers return strings (a
//! workbook: its bytes).

mod actors;
mod asymmetry;
mod brokerage;
mod centrality;
mod cohesion;
mod compare;
mod description;
mod diff;
mod ego;
mod evaluation;
mod exchange;
mod influence;
mod interdependence;
pub mod json;
mod layers;
mod map;
pub(crate) mod markup;
mod mixing;
mod plan;
mod qap;
mod records;
mod report;
mod summary;
mod suspects;
mod table;
mod template;
mod two_mode;
mod whatif;
mod xlsx;

pub use actors::{ACTOR_COLUMNS, actor_cells, by_actor_id};
pub use asymmetry::{
    asymmetry_actor_records, asymmetry_dyad_records, asymmetry_group_records, asymmetry_json,
    asymmetry_layer_records, asymmetry_table, coalition_finance_records,
};
pub use brokerage::{
    BROKERAGE_MEASURES, EXPECTED_BROKERAGE_MEASURES, brokerage_json, brokerage_records,
};
pub use centrality::{
    CENTRALITY_COLUMNS, centrality_json, centrality_json_with, centrality_records, network_records,
    network_table, structure_json, structure_records, structure_table,
};
pub use cohesion::{
    COHESION_COLUMNS, CohesionOutput, UNDIRECTED_NOTE, clique_records, cohesion_json,
    cohesion_records, cohesion_summary,
};
pub use compare::{COMPARE_COLUMNS, compare_json, compare_records};
pub use description::ViewDescription;
pub use diff::diff_json_text;
pub use diff::{DIFF_COLUMNS, diff_json, diff_records, diff_summary};
pub use ego::{ego_json, ego_records, ego_summary};
pub use evaluation::{evaluation_items, evaluation_json, evaluation_summary, evaluation_table};
pub use exchange::Timeline;
pub use exchange::{
    ExportOptions, MixedEdges, export_cytoscape, export_cytoscape_with, export_dot, export_gexf,
    export_gexf_with, export_graphml, export_graphml_with,
};
pub use influence::{INFLUENCE_MEASURES, influence_json, influence_records, influence_summary};
pub use interdependence::{
    INTERDEPENDENCE_MEASURES, PAIR_COLUMNS, dependence_actor_records, dependence_pair_records,
    dependence_pair_records_ordered, interdependence_figure_records, interdependence_json,
    interdependence_json_ordered, interdependence_table, interdependence_table_ordered,
};
pub use layers::{
    OVERLAPS_OF_EVERY_PAIR_UP_TO, layer_records, layers_json, overlap_note, overlap_records,
};
pub use map::{
    DEFAULT_LABELS, Ego, Hull, Label, MapEdge, MapError, MapGroup, MapLayer, MapModel, MapNode,
    MapOptions, OTHER_GROUP, PIXELS_PER_HOP, Rect, SizeBy, map_html, map_svg, map_svg_element,
};
pub use mixing::{MIXING_MEASURES, mixing_json, mixing_records, mixing_summary};
pub use plan::{md_escape, plan_dot, plan_json, plan_markdown, plan_svg, proposal_reason};
pub use qap::{qap_json, qap_records, qap_summary};
pub use records::{Cell, ListOrder, Records, defuse_formula};
pub use report::{
    Bar, BarChart, CANDIDATES_IN_FILES, REPORT_MARKER, Reference, ReportFile, bar_chart_svg,
    coalition_folders, palette, report_files, sector_colour, svg_document,
};
pub use summary::{summary_json, summary_records, summary_table};
pub use suspects::{
    CANDIDATE_COLUMNS, WEAKLY_ENGAGED_REASON, candidate_reason, candidate_records,
    coverage_records, missing_ministry_records, suspects_json, suspects_table,
    weakly_engaged_records,
};
pub use table::TextTable;
pub use template::{
    README_SHEET, TEMPLATE_TABLES, TemplateColumn, TemplateTable, template_files, template_workbook,
};
pub use two_mode::{
    TWO_MODE_MEASURES, TwoModeDescription, two_mode_json, two_mode_records, two_mode_summary,
};
pub use whatif::{
    RANK_COLUMNS, RANK_MEASURES, rank_json, rank_records, whatif_json, whatif_records,
    whatif_summary,
};
pub use xlsx::{FIXED_DATE, MAX_SHEET_ROWS, Sheet, WorkbookError, sheet_name, workbook};
