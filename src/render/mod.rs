//! Rendering: result structs to text in the formats users open (terminal tables, CSV, JSON,
//! and later DOT, SVG, HTML, GraphML, GEXF). No I/O: renderers return strings.

mod actors;
mod brokerage;
mod centrality;
pub mod json;
mod layers;
mod records;
mod summary;
mod table;

pub use actors::{ACTOR_COLUMNS, actor_cells, by_actor_id};
pub use brokerage::brokerage_records;
pub use centrality::{CENTRALITY_COLUMNS, centrality_records, structure_json, structure_table};
pub use layers::{layer_records, layers_json, overlap_records};
pub use records::{Cell, Records, defuse_formula};
pub use summary::{summary_json, summary_table};
pub use table::TextTable;
