//! The connectieplan outputs: the plan as JSON and Markdown (`document`), as DOT (`dot`), and
//! drawn as SVG (`svg`) from a layout (`layout`).

mod document;
mod dot;
mod layout;
mod svg;

pub use document::{md_escape, plan_json, plan_markdown, proposal_reason};
pub use dot::plan_dot;
pub use svg::plan_svg;
