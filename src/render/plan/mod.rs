//! The connectieplan outputs: the plan as JSON and Markdown (`document`), as DOT (`dot`), and
//! drawn as SVG (`svg`): what the drawing shows (`graph`), in which order (`crossing`), where
//! (`layout`), and how wide its texts are (`text_metrics`).

mod crossing;
mod document;
mod dot;
mod graph;
mod layout;
mod svg;
pub(in crate::render) mod text_metrics;

pub(crate) use document::described as plan_described;
pub use document::{md_escape, plan_json, plan_markdown, proposal_reason};
pub use dot::plan_dot;
pub use svg::plan_svg;
