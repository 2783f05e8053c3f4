//! SVG text: coordinates written with one decimal, and text escaped for content and attribute
//! values — shared by the connectieplan drawing and the report's charts, so both write numbers
//! and names the same way.

use quick_xml::escape::escape;

use super::xml::xml_safe;

/// A coordinate with one decimal (no `-0`).
pub(crate) fn coordinate(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == 0.0 { "0".to_owned() } else { format!("{rounded}") }
}

/// Text escaped for XML content and attribute values; characters XML cannot hold become
/// U+FFFD.
pub(crate) fn svg_text(value: &str) -> String {
    escape(xml_safe(value).into_owned()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_have_one_decimal_and_no_negative_zero() {
        assert_eq!(coordinate(12.345), "12.3");
        assert_eq!(coordinate(-0.04), "0");
        assert_eq!(coordinate(3.0), "3");
        assert_eq!(svg_text("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;\u{fffd}");
    }
}
