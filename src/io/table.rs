//! Tables: a CSV file or one array of a JSON workspace, read row by row with line numbers.
//!
//! CSV rules (DESIGN §1): UTF-8 with or without BOM; the delimiter (`,` `;` or tab) is detected
//! from the header line; column names are case-insensitive; cells are trimmed; rows whose cells
//! are all empty are skipped.

use std::ops::Range;

use super::cells::Dialect;
use crate::error::{Diagnostics, Location};

/// The most data rows stakenet reads from one table (50 million): a documented limit that turns
/// an impossible workspace into a clear error instead of an exhausted machine.
pub const MAX_ROWS: u64 = 50_000_000;

/// One data row: its line in the file and its cells by column position.
pub(crate) struct Row<'a> {
    /// 1-based line where the row starts (the header is line 1 in a CSV file).
    pub line: u64,
    text: &'a str,
    ranges: &'a [Range<usize>],
}

impl<'a> Row<'a> {
    /// The trimmed cell of column `column` (empty when the row is shorter).
    pub(crate) fn get(&self, column: usize) -> &'a str {
        self.ranges.get(column).and_then(|r| self.text.get(r.clone())).unwrap_or("").trim()
    }

    /// The cell of an optional column, `None` when the column is absent or the cell empty.
    pub(crate) fn optional(&self, column: Option<usize>) -> Option<&'a str> {
        column.map(|c| self.get(c)).filter(|cell| !cell.is_empty())
    }
}

/// A table ready to be read: its header (lower-case) and how it writes values.
pub(crate) struct Table<'a> {
    /// The file, for messages.
    pub path: String,
    /// Column names, trimmed and lower-cased, in file order.
    pub header: Vec<String>,
    /// How numbers and lists are written.
    pub dialect: Dialect,
    body: Body<'a>,
}

enum Body<'a> {
    Csv {
        reader: csv::Reader<&'a [u8]>,
        delimiter: u8,
    },
    /// JSON records already flattened to text cells, with the line each object starts on.
    Records(Vec<(u64, Vec<String>)>),
}

impl<'a> Table<'a> {
    /// Opens CSV bytes: strips a BOM, detects the delimiter, reads the header. Returns `None`
    /// (with a diagnostic) when there is no usable header.
    pub(crate) fn csv(
        path: String,
        bytes: &'a [u8],
        diagnostics: &mut Diagnostics,
    ) -> Option<Self> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let at_header = Location { path: path.clone(), line: Some(1) };
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            diagnostics.push(at_header, "the file is empty; a header row is required");
            return None;
        }
        let delimiter = detect_delimiter(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut record = csv::ByteRecord::new();
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => {
                diagnostics.push(at_header, "the file is empty; a header row is required");
                return None;
            }
            Err(error) => {
                diagnostics.push(at_header, format!("cannot read the header row: {error}"));
                return None;
            }
        }
        let Ok(text) = std::str::from_utf8(record.as_slice()) else {
            diagnostics.push(at_header, NOT_UTF8);
            return None;
        };
        let names: Vec<&str> = (0..record.len())
            .map(|i| record.range(i).and_then(|r| text.get(r)).unwrap_or(""))
            .collect();
        let header = normalize_header(&names, &at_header, diagnostics)?;
        Some(Table {
            path,
            header,
            dialect: Dialect { delimiter: Some(delimiter) },
            body: Body::Csv { reader, delimiter },
        })
    }

    /// A table of JSON records already flattened to cells under `header`.
    pub(crate) fn records(
        path: String,
        header: Vec<String>,
        rows: Vec<(u64, Vec<String>)>,
    ) -> Self {
        Table { path, header, dialect: Dialect::JSON, body: Body::Records(rows) }
    }

    /// The position of column `name` (lower-case), if present.
    pub(crate) fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// The location of a line of this table.
    pub(crate) fn at(&self, line: u64) -> Location {
        Location { path: self.path.clone(), line: Some(line) }
    }

    /// Calls `each` for every non-empty row, in file order. Rows that cannot be read (bad
    /// quoting, invalid UTF-8, more cells than columns) are reported and skipped; reading
    /// stops with a problem after [`MAX_ROWS`] rows.
    pub(crate) fn for_each_row(
        self,
        diagnostics: &mut Diagnostics,
        each: impl FnMut(&Row<'_>, &mut Diagnostics),
    ) {
        self.for_each_row_up_to(MAX_ROWS, diagnostics, each);
    }

    /// [`Table::for_each_row`] with the row limit as a parameter (tests use a small one).
    fn for_each_row_up_to(
        self,
        max_rows: u64,
        diagnostics: &mut Diagnostics,
        mut each: impl FnMut(&Row<'_>, &mut Diagnostics),
    ) {
        let n_columns = self.header.len();
        let path = self.path;
        let at = |line: u64| Location { path: path.clone(), line: Some(line) };
        let mut ranges: Vec<Range<usize>> = Vec::with_capacity(n_columns);
        let mut n_rows: u64 = 0;
        match self.body {
            Body::Csv { mut reader, delimiter } => {
                let mut record = csv::ByteRecord::new();
                loop {
                    let line = reader.position().line();
                    match reader.read_byte_record(&mut record) {
                        Ok(false) => break,
                        Ok(true) => {}
                        Err(error) => {
                            let line = error.position().map_or(line, |p| p.line());
                            diagnostics.push(
                                at(line),
                                format!("cannot read this row: {}", csv_error_text(&error)),
                            );
                            if matches!(error.kind(), csv::ErrorKind::Io(_)) {
                                break;
                            }
                            continue;
                        }
                    }
                    let line = record.position().map_or(line, |p| p.line());
                    if record.iter().all(|cell| cell.iter().all(u8::is_ascii_whitespace)) {
                        continue;
                    }
                    n_rows += 1;
                    if n_rows > max_rows {
                        diagnostics.push(
                            at(line),
                            format!(
                                "more than {max_rows} rows; stakenet reads at most {max_rows} rows per file: split the workspace"
                            ),
                        );
                        break;
                    }
                    let Ok(text) = std::str::from_utf8(record.as_slice()) else {
                        diagnostics.push(at(line), NOT_UTF8);
                        continue;
                    };
                    if record.len() > n_columns {
                        let extra = (n_columns..record.len())
                            .filter_map(|i| record.range(i).and_then(|r| text.get(r)))
                            .find(|cell| !cell.trim().is_empty());
                        if let Some(extra) = extra {
                            diagnostics.push(
                                at(line),
                                format!(
                                    "this row has {} cells but the header names {n_columns} columns (extra cell `{extra}`); check the delimiter `{}` and the quoting",
                                    record.len(),
                                    delimiter_name(delimiter)
                                ),
                            );
                            continue;
                        }
                    }
                    ranges.clear();
                    ranges.extend((0..record.len()).map(|i| record.range(i).unwrap_or(0..0)));
                    if ranges.iter().any(|r| text.get(r.clone()).is_none()) {
                        diagnostics.push(at(line), NOT_UTF8);
                        continue;
                    }
                    each(&Row { line, text, ranges: &ranges }, diagnostics);
                }
            }
            Body::Records(rows) => {
                let mut text = String::new();
                for (line, cells) in rows {
                    if cells.iter().all(|c| c.trim().is_empty()) {
                        continue;
                    }
                    text.clear();
                    ranges.clear();
                    for cell in &cells {
                        let start = text.len();
                        text.push_str(cell);
                        ranges.push(start..text.len());
                    }
                    each(&Row { line, text: &text, ranges: &ranges }, diagnostics);
                }
            }
        }
    }
}

const NOT_UTF8: &str =
    "this row is not valid UTF-8; save the file as UTF-8 (in Excel: \"CSV UTF-8\")";

/// Lower-cases and trims column names; reports duplicates. Unnamed columns become `column_N`.
pub(crate) fn normalize_header(
    names: &[&str],
    at_header: &Location,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<String>> {
    let mut header: Vec<String> = Vec::with_capacity(names.len());
    let mut ok = true;
    for (i, name) in names.iter().enumerate() {
        let name = name.trim().trim_start_matches('\u{feff}').to_lowercase();
        let name = if name.is_empty() { format!("column_{}", i + 1) } else { name };
        if header.contains(&name) {
            diagnostics.push(
                at_header.clone(),
                format!("column `{name}` appears twice in the header; give each column one name"),
            );
            ok = false;
        }
        header.push(name);
    }
    ok.then_some(header)
}

/// Picks the delimiter that occurs most often outside quotes in the first line (`,` on a tie).
fn detect_delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    for &byte in bytes {
        match byte {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => break,
            b',' if !in_quotes => counts[0] += 1,
            b';' if !in_quotes => counts[1] += 1,
            b'\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    candidates[best]
}

fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b';' => ";",
        b'\t' => "tab",
        _ => ",",
    }
}

fn csv_error_text(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::Io(io) => io.to_string(),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows `for_each_row_up_to` hands over under `max_rows`, and the problems it reports.
    fn read_up_to(bytes: &[u8], max_rows: u64) -> (Vec<String>, Vec<String>) {
        let mut diagnostics = Diagnostics::default();
        let table = Table::csv("t.csv".to_owned(), bytes, &mut diagnostics).unwrap();
        let mut ids = Vec::new();
        table.for_each_row_up_to(max_rows, &mut diagnostics, |row, _| {
            ids.push(row.get(0).to_owned());
        });
        (ids, diagnostics.items().iter().map(ToString::to_string).collect())
    }

    #[test]
    fn reading_stops_with_a_clear_problem_beyond_the_row_limit() {
        // Empty rows do not count; the first row past the limit is named by its line.
        let bytes = b"id\na\n\nb\nc\nd\n";
        let (ids, problems) = read_up_to(bytes, 3);
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(
            problems,
            [
                "t.csv:6: more than 3 rows; stakenet reads at most 3 rows per file: split the workspace"
            ]
        );
        let (ids, problems) = read_up_to(bytes, 4);
        assert_eq!(ids, ["a", "b", "c", "d"]);
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn the_delimiter_is_detected_outside_quotes() {
        assert_eq!(detect_delimiter(b"id;name;\"a,b,c\"\n1,2,3,4,5"), b';');
        assert_eq!(detect_delimiter(b"id\tname\n"), b'\t');
        assert_eq!(detect_delimiter(b"id\n"), b',');
    }
}
