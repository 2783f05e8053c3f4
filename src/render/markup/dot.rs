//! Building blocks shared by the DOT outputs (the export and the connectieplan): ids quoted so
//! that any name shows as text, and attributes.

use graphviz_rust::dot_structures::{Attribute, Id};

use crate::render::markup::xml::xml_safe;

/// `text` as a quoted DOT string shown as text.
///
/// graphviz-rust prints an [`Id::Escaped`] as it is, so the quotes and escapes are made here:
/// `"` → `\"`; `\` → `\\` (else `\N`, `\G`, `\l` … would be expanded); a line break (LF, CR or
/// CRLF) → `\n`; characters XML cannot hold (Graphviz writes SVG) → U+FFFD.
pub(crate) fn quoted(text: &str) -> Id {
    let safe = xml_safe(text);
    let mut out = String::with_capacity(safe.len() + 2);
    out.push('"');
    let mut chars = safe.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

/// A DOT id that needs no quotes (keywords and numbers made here, never user text).
pub(crate) fn plain(text: &str) -> Id {
    Id::Plain(text.to_owned())
}

/// `name = value`.
pub(crate) fn attribute(name: &str, value: Id) -> Attribute {
    Attribute(Id::Plain(name.to_owned()), value)
}
