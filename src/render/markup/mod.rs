//! Markup text: XML-safe text and escaping (`xml`), SVG coordinates and text (`svg`), DOT
//! identifiers and quoting (`dot`).

pub(crate) mod dot;
pub(crate) mod svg;
pub(crate) mod xml;
