//! Markup text: XML-safe text and escaping (`xml`), DOT identifiers and quoting (`dot`).

pub(crate) mod dot;
pub(crate) mod xml;
