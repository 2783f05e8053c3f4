//! Rendering: result structs to text in the formats users open (terminal tables, CSV, JSON,
//! and later DOT, SVG, HTML, GraphML, GEXF). No I/O: renderers return strings.

pub mod json;
mod summary;
mod table;

pub use summary::{summary_json, summary_table};
pub use table::TextTable;
