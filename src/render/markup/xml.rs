//! XML output for the GraphML and GEXF writers: quick-xml's writer and escaping, plus the two
//! things escaping cannot do.
//!
//! 1. XML 1.0 cannot hold some characters at all, escaped or not: U+0000–U+0008, U+000B,
//!    U+000C, U+000E–U+001F, U+FFFE and U+FFFF. They are replaced with U+FFFD (the replacement
//!    character), so that a stray control character in a spreadsheet cell still gives a file
//!    every parser reads. Every other character, right-to-left marks included, stays as it is.
//! 2. A parser replaces a tab, newline or carriage return in an attribute value with a space
//!    (attribute-value normalization), and a carriage return in text with a newline. These are
//!    written as character references (`&#9;`, `&#10;`, `&#13;`) so that they survive. The
//!    markup characters `<`, `>`, `&`, `'` and `"` are escaped by quick-xml.

use std::borrow::Cow;

use quick_xml::Writer;
use quick_xml::escape::escape;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;

/// Replaces the characters XML 1.0 cannot hold with U+FFFD.
pub(crate) fn xml_safe(text: &str) -> Cow<'_, str> {
    if text.chars().any(not_xml_char) {
        Cow::Owned(text.chars().map(|c| if not_xml_char(c) { '\u{FFFD}' } else { c }).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// An indented XML document being written into memory.
pub(crate) struct XmlDocument {
    writer: Writer<Vec<u8>>,
}

impl XmlDocument {
    /// A document that starts with `<?xml version="1.0" encoding="UTF-8"?>`.
    pub(crate) fn new() -> Self {
        let mut document = XmlDocument { writer: Writer::new_with_indent(Vec::new(), b' ', 2) };
        document.write(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        document
    }

    /// Opens element `name` with `attributes`.
    pub(crate) fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.write(Event::Start(start(name, attributes)));
    }

    /// Closes element `name`.
    pub(crate) fn close(&mut self, name: &str) {
        self.write(Event::End(BytesEnd::new(name)));
    }

    /// Writes the empty element `<name … />`.
    pub(crate) fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.write(Event::Empty(start(name, attributes)));
    }

    /// Writes `<name …>text</name>`.
    pub(crate) fn text_element(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.write(Event::Start(start(name, attributes)));
        self.write(Event::Text(text_content(text)));
        self.write(Event::End(BytesEnd::new(name)));
    }

    /// The document, ending with a newline.
    pub(crate) fn finish(self) -> String {
        let mut bytes = self.writer.into_inner();
        bytes.push(b'\n');
        // Only `&str`s went in, so the bytes are UTF-8.
        String::from_utf8(bytes).unwrap_or_default()
    }

    fn write(&mut self, event: Event<'_>) {
        // Writing into a Vec<u8> cannot fail.
        let _ = self.writer.write_event(event);
    }
}

fn not_xml_char(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

fn start<'a>(name: &'a str, attributes: &[(&str, &str)]) -> BytesStart<'a> {
    let mut element = BytesStart::new(name);
    for (key, value) in attributes {
        element.push_attribute(attribute(key, value));
    }
    element
}

/// An attribute whose value is escaped by quick-xml, with tab, newline and carriage return as
/// character references so that attribute-value normalization leaves them alone.
fn attribute<'a>(key: &'a str, value: &str) -> Attribute<'a> {
    let escaped = escape(xml_safe(value).into_owned())
        .replace('\t', "&#9;")
        .replace('\n', "&#10;")
        .replace('\r', "&#13;");
    Attribute { key: QName(key.as_bytes()), value: Cow::Owned(escaped.into_bytes()) }
}

/// Element text escaped by quick-xml, with carriage returns as character references so that
/// end-of-line normalization leaves them alone.
fn text_content(text: &str) -> BytesText<'static> {
    let escaped = escape(xml_safe(text).into_owned()).replace('\r', "&#13;");
    BytesText::from_escaped(escaped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_cannot_hold_become_replacement_characters() {
        assert_eq!(
            xml_safe("a\u{1}b\u{B}c\u{FFFF}\td\ne\u{202E}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}\td\ne\u{202E}"
        );
        assert!(matches!(xml_safe("plain <text>"), Cow::Borrowed(_)));
    }

    #[test]
    fn attributes_and_text_keep_markup_and_whitespace_as_text() {
        let mut document = XmlDocument::new();
        document.text_element("a", &[("v", "<x> & \"y\" 'z'\n\tw\r")], "<x> & \"y\"\r\n");
        let text = document.finish();
        assert_eq!(
            text,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a v=\"&lt;x&gt; &amp; &quot;y&quot; &apos;z&apos;&#10;&#9;w&#13;\">&lt;x&gt; &amp; &quot;y&quot;&#13;\n</a>\n"
        );
    }
}
