//! JSON output: pretty-printed, keys in the order the schema declares, non-finite numbers as
//! `null`, a trailing newline.

use serde::Serialize;

/// Serializes `value` as pretty JSON followed by a newline.
pub fn to_pretty<T: Serialize>(value: &T) -> String {
    // Serializing plain structs of strings and numbers cannot fail; an empty object is the
    // defined answer should it ever.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}

/// A number for JSON: `None` (rendered `null`) when it is NaN or infinite.
pub fn finite(value: f64) -> Option<f64> {
    value.is_finite().then_some(value)
}

/// `value` as a JSON value, keys in the order its fields are declared; an empty object should
/// serializing ever fail (plain structs of strings and numbers cannot).
pub(crate) fn to_value<T: Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value)
        .unwrap_or_else(|_| serde_json::Value::Object(serde_json::Map::new()))
}
