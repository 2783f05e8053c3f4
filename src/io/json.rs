//! `network.json`: the same workspace as one JSON document with the arrays `actors`,
//! `relations`, `coalitions` and `members`, each an array of objects whose keys are the CSV
//! column names. Each object is located by the line it starts on.

use std::marker::PhantomData;

use rustc_hash::FxHashMap;
use serde::Deserialize;
use serde::de::{Deserializer, Error as _, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::table::{MAX_ROWS, Table, Tables};
use crate::error::{Diagnostics, Location};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Document<'a> {
    #[serde(borrow, default)]
    actors: Option<Records<'a, MAX_ROWS>>,
    #[serde(borrow, default)]
    relations: Option<Records<'a, MAX_ROWS>>,
    #[serde(borrow, default)]
    coalitions: Option<Records<'a, MAX_ROWS>>,
    #[serde(borrow, default)]
    members: Option<Records<'a, MAX_ROWS>>,
}

/// The records of one array, at most `MAX` of them (the CSV row limit): reading stops with an
/// error at the first record beyond it, before the list outgrows memory.
struct Records<'a, const MAX: u64>(Vec<&'a RawValue>);

/// The start of the message for an array beyond the limit.
const TOO_MANY: &str = "an array holds more than";

impl<'de: 'a, 'a, const MAX: u64> Deserialize<'de> for Records<'a, MAX> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Bounded<'a, const MAX: u64>(PhantomData<&'a ()>);
        impl<'de: 'a, 'a, const MAX: u64> Visitor<'de> for Bounded<'a, MAX> {
            type Value = Records<'a, MAX>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut records = Vec::new();
                while let Some(record) = seq.next_element::<&'de RawValue>()? {
                    if records.len() as u64 >= MAX {
                        return Err(A::Error::custom(format!(
                            "{TOO_MANY} {MAX} records; stakenet reads at most {MAX} records per \
                             array: split the workspace"
                        )));
                    }
                    records.push(record);
                }
                Ok(Records(records))
            }
        }
        deserializer.deserialize_seq(Bounded(PhantomData))
    }
}

/// Parses a JSON workspace into tables, reporting syntax errors and records that are not flat
/// objects. `is_column(array, key)` says whether a (trimmed, lower-case) key names a column of
/// the format; the other keys are attributes, packed into [`ATTRIBUTES`].
pub(crate) fn tables<'a>(
    path: &str,
    bytes: &'a [u8],
    is_column: &dyn Fn(&str, &str) -> bool,
    diagnostics: &mut Diagnostics,
) -> Option<Tables<'a>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some((reason, _)) = super::text::not_text(bytes) {
        diagnostics.push(
            Location { path: path.to_owned(), line: None },
            format!("the file {reason}: save it as UTF-8"),
        );
        return None;
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        diagnostics.push(
            Location { path: path.to_owned(), line: None },
            "the file is not valid UTF-8; save it as UTF-8",
        );
        return None;
    };
    let document: Document<'_> = match serde_json::from_str(text) {
        Ok(document) => document,
        Err(error) => {
            let line = u64::try_from(error.line()).ok().filter(|&l| l > 0);
            let message = json_error_text(&error);
            diagnostics.push(Location { path: path.to_owned(), line }, message);
            return None;
        }
    };
    let lines = LineIndex::new(text);
    let mut table = |name: &str, records: Option<Records<'_, MAX_ROWS>>| {
        let is_column = |key: &str| is_column(name, key);
        records.and_then(|Records(records)| {
            flatten(path, name, &records, &lines, text, &is_column, diagnostics)
        })
    };
    Some(Tables {
        actors: table("actors", document.actors),
        relations: table("relations", document.relations),
        coalitions: table("coalitions", document.coalitions),
        members: table("members", document.members),
    })
}

fn json_error_text(error: &serde_json::Error) -> String {
    let text = error.to_string();
    // serde_json appends " at line L column C"; the location is already in front.
    let text = text.split(" at line ").next().unwrap_or(&text).to_owned();
    if text.starts_with(TOO_MANY) {
        text
    } else if text.starts_with("unknown field") {
        format!("{text}; a JSON workspace has the arrays actors, relations, coalitions and members")
    } else if text.contains("number out of range") {
        format!("invalid JSON: {text}; a number is at most about 1.8e308 in size")
    } else if text.contains("escape") || text.contains("surrogate") {
        format!(
            "invalid JSON: {text}; a `\\u` escape is four hex digits, and one of a surrogate \
             (\\ud800 to \\udfff) comes in a pair such as \\ud83d\\ude00"
        )
    } else {
        format!("invalid JSON: {text}")
    }
}

/// The column that holds a record's attributes, packed: the keys that are not columns of the
/// format, each stored once in the header after this column (a record's cells stop here), and
/// per record only the attributes it has (see [`pack_attribute`]). So records with keys of their
/// own make a table as large as the document, not records × keys. `\0` keeps it apart from
/// any column a file names.
pub(crate) const ATTRIBUTES: &str = "\0attributes";

/// Appends an attribute to a packed [`ATTRIBUTES`] cell: `column:length:value`, the column its
/// key's position in the header and the length in bytes.
fn pack_attribute(cell: &mut String, column: usize, value: &str) {
    use std::fmt::Write as _;
    let _ = write!(cell, "{column}:{}:{value}", value.len());
}

/// The attributes of a packed [`ATTRIBUTES`] cell, as (header position, value); stops at the
/// first piece that is not one.
pub(crate) fn packed_attributes(cell: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = cell;
    std::iter::from_fn(move || {
        let (column, after) = rest.split_once(':')?;
        let (length, after) = after.split_once(':')?;
        let (column, length) = (column.parse().ok()?, length.parse::<usize>().ok()?);
        let value = after.get(..length)?;
        rest = &after[length..];
        Some((column, value))
    })
}

/// Turns the records of one array into a table whose header is the union of their keys: the
/// format's columns, then [`ATTRIBUTES`] and the attribute keys. `None` when a record is not an
/// object of cells or not valid JSON (each such record is reported; the array is not read
/// further, so that its missing records cause no other problems).
fn flatten<'a>(
    path: &str,
    array: &str,
    records: &[&RawValue],
    lines: &LineIndex,
    text: &str,
    is_column: &dyn Fn(&str) -> bool,
    diagnostics: &mut Diagnostics,
) -> Option<Table<'a>> {
    // Each key once, by first appearance: the format's columns, and the attributes apart.
    let mut header: Vec<String> = Vec::new();
    let mut attribute_keys: Vec<String> = Vec::new();
    // Each key's place (attribute or not, its column) and its number among all keys: one
    // look-up per key.
    let mut position: FxHashMap<String, (bool, usize, usize)> = FxHashMap::default();
    // Per key number, the last record that gave it a cell: a repeated key found in O(1).
    let mut given: Vec<usize> = Vec::new();
    // Per record: its line, its cells by column and its attributes by attribute key.
    type Cells = Vec<(usize, String)>;
    let mut rows: Vec<(u64, Cells, Cells)> = Vec::with_capacity(records.len());
    let mut broken = false;
    for (number, raw) in records.iter().enumerate() {
        let offset = (raw.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
        let line = lines.line_of(offset);
        let at = Location { path: path.to_owned(), line: Some(line) };
        let object: serde_json::Map<String, serde_json::Value> =
            match serde_json::from_str(raw.get()) {
                Ok(object) => object,
                Err(error) => {
                    broken = true;
                    if error.classify() == serde_json::error::Category::Data {
                        diagnostics.push(
                            at,
                            format!(
                                "each item of `{array}` must be an object such as {{\"id\": \"a\"}}"
                            ),
                        );
                    } else {
                        // Within the record: a number out of range, an invalid escape.
                        let line = line + (error.line() as u64).saturating_sub(1);
                        let at = Location { path: path.to_owned(), line: Some(line) };
                        diagnostics.push(at, json_error_text(&error));
                    }
                    continue;
                }
            };
        let mut cells = Vec::with_capacity(object.len());
        let mut attributes = Vec::new();
        for (key, value) in object {
            let key = key.trim().to_lowercase();
            let Some(cell) = cell_text(&value) else {
                diagnostics.push(at.clone(), format!("`{key}` holds a nested object; values are text, numbers, true/false, null or a list"));
                continue;
            };
            let (is_attribute, column, id) = match position.get(&key) {
                Some(&found) => found,
                None => {
                    let is_attribute = !is_column(&key);
                    let keys = if is_attribute { &mut attribute_keys } else { &mut header };
                    keys.push(key.clone());
                    let found = (is_attribute, keys.len() - 1, given.len());
                    given.push(usize::MAX);
                    position.insert(key.clone(), found);
                    found
                }
            };
            if given[id] == number {
                diagnostics
                    .push(at.clone(), format!("key `{key}` appears twice (keys ignore case)"));
                continue;
            }
            given[id] = number;
            let cells = if is_attribute { &mut attributes } else { &mut cells };
            cells.push((column, cell));
        }
        rows.push((line, cells, attributes));
    }
    if broken {
        return None;
    }
    let width = header.len();
    let packed = !attribute_keys.is_empty();
    if packed {
        header.push(ATTRIBUTES.to_owned());
        header.append(&mut attribute_keys);
    }
    let rows = rows
        .into_iter()
        .map(|(line, cells, attributes)| {
            let mut row = vec![String::new(); width + usize::from(packed)];
            for (column, cell) in cells {
                row[column] = cell;
            }
            if packed {
                let mut cell = String::new();
                for (key, value) in attributes {
                    let value = value.trim();
                    if !value.is_empty() {
                        pack_attribute(&mut cell, width + 1 + key, value);
                    }
                }
                row[width] = cell;
            }
            (line, row)
        })
        .collect();
    Some(Table::records(path.to_owned(), header, rows))
}

/// Text of a JSON value as a cell; lists are joined with `|`. `None` for nested objects.
fn cell_text(value: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    Some(match value {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::Array(items) => {
            let parts: Option<Vec<String>> = items
                .iter()
                .map(|item| match item {
                    Value::Array(_) | Value::Object(_) => None,
                    other => cell_text(other),
                })
                .collect();
            parts?.join("|")
        }
        Value::Object(_) => return None,
    })
}

/// Byte offset → 1-based line number.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1));
        Self { starts }
    }

    fn line_of(&self, offset: usize) -> u64 {
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        };
        line as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The record limit, with a limit of 2: the third record stops reading with the message a
    /// user meets beyond 50 million records, located at that record.
    #[test]
    fn an_array_beyond_the_record_limit_is_refused() {
        let parse = |text: &str| serde_json::from_str::<Records<'_, 2>>(text).map(|r| r.0.len());
        assert_eq!(parse("[{}, {}]").ok(), Some(2));
        let error = parse("[{},\n {},\n {}]").err().map(|e| (e.line(), json_error_text(&e)));
        assert_eq!(
            error,
            Some((
                3,
                "an array holds more than 2 records; stakenet reads at most 2 records per array: \
                 split the workspace"
                    .to_owned()
            ))
        );
        let wrong = serde_json::from_str::<Records<'_, 2>>("{}").err().map(|e| json_error_text(&e));
        assert_eq!(wrong.as_deref(), Some("invalid JSON: invalid type: map, expected a sequence"));
    }
}
