//! Records: one list of rows with named columns that renders the same data as CSV, as an
//! aligned terminal table and as a JSON array of objects.
//!
//! CSV text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
//! tab or carriage return) are prefixed with `'`, as OWASP advises against CSV injection;
//! numbers are never altered.
//!
//! A long list (every actor, every dyad) is not held as cells: [`Records::from_fn`] builds each
//! row as it is written, and CSV is written in parallel pieces joined in order.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;

use rayon::prelude::*;
use serde_json::{Map, Number, Value};

use super::table::TextTable;

/// One cell of a record. Text borrows what it shows where it can (`'a`: the network or the
/// results it renders).
#[derive(Clone, Debug, PartialEq)]
pub enum Cell<'a> {
    /// Text (names, ids, labels).
    Text(Cow<'a, str>),
    /// A count.
    Count(u64),
    /// A measure; `None` (or a non-finite value) renders as an empty cell / `null`.
    Number(Option<f64>),
    /// True or false.
    Flag(bool),
}

impl<'a> Cell<'a> {
    /// A text cell, borrowed or owned.
    pub fn text(value: impl Into<Cow<'a, str>>) -> Cell<'a> {
        Cell::Text(value.into())
    }

    /// A text cell, empty when `None`.
    pub fn optional_text(value: Option<&'a str>) -> Cell<'a> {
        Cell::Text(Cow::Borrowed(value.unwrap_or("")))
    }

    /// Appends the cell as one CSV field (quoted where needed, formulas defused).
    fn write_csv(&self, out: &mut String) {
        match self {
            Cell::Text(text) => write_csv_text(out, text, true),
            Cell::Count(count) => out.push_str(itoa::Buffer::new().format(*count)),
            Cell::Number(value) => {
                if let Some(value) = finite(*value) {
                    let _ = write!(out, "{value}");
                }
            }
            Cell::Flag(flag) => out.push_str(if *flag { "true" } else { "false" }),
        }
    }

    fn table(&self) -> String {
        match self {
            Cell::Text(text) => text.to_string(),
            Cell::Count(count) => count.to_string(),
            Cell::Number(value) => finite(*value).map(format_for_reading).unwrap_or_default(),
            Cell::Flag(flag) => if *flag { "yes" } else { "no" }.to_owned(),
        }
    }

    fn json(&self) -> Value {
        match self {
            Cell::Text(text) => Value::String(text.to_string()),
            Cell::Count(count) => Value::Number(Number::from(*count)),
            Cell::Number(value) => {
                finite(*value).and_then(Number::from_f64).map_or(Value::Null, Value::Number)
            }
            Cell::Flag(flag) => Value::Bool(*flag),
        }
    }

    fn is_numeric(&self) -> bool {
        matches!(self, Cell::Count(_) | Cell::Number(_))
    }
}

fn finite(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite())
}

/// Six significant digits for people; CSV and JSON keep every digit. A value within 1e-12 of
/// zero is rounding noise of a sum (or a negative zero) and reads `0`.
fn format_for_reading(value: f64) -> String {
    if value.abs() < 1e-12 {
        "0".to_owned()
    } else if value == value.trunc() && value.abs() < 1e15 {
        format!("{value:.0}")
    } else if value.abs() >= 1e-3 && value.abs() < 1e6 {
        let digits = 5usize.saturating_sub(value.abs().log10().floor().max(0.0) as usize);
        format!("{value:.digits$}")
    } else {
        format!("{value:.5e}")
    }
}

/// Whether text starts like a spreadsheet formula (OWASP CSV injection advice).
fn is_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Prefixes text that a spreadsheet would evaluate with `'` (OWASP CSV injection advice).
pub fn defuse_formula(text: &str) -> String {
    if is_formula(text) { format!("'{text}") } else { text.to_owned() }
}

/// Appends text as a CSV field: defused (when `defuse`), and quoted (with quotes doubled) when
/// it holds a comma, a quote or a line break, as the `csv` crate's writer does by default.
fn write_csv_text(out: &mut String, text: &str, defuse: bool) {
    let prefix = if defuse && is_formula(text) { "'" } else { "" };
    if text.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        out.push('"');
        out.push_str(prefix);
        for (i, piece) in text.split('"').enumerate() {
            if i > 0 {
                out.push_str("\"\"");
            }
            out.push_str(piece);
        }
        out.push('"');
    } else {
        out.push_str(prefix);
        out.push_str(text);
    }
}

/// Appends one CSV record and its `\n`; `write(i, out)` writes field `i` of `n`. A record of
/// one empty field is written `""`, so that it is not read as a blank line.
fn write_csv_record(out: &mut String, n: usize, write: impl Fn(usize, &mut String)) {
    let start = out.len();
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        write(i, out);
    }
    if out.len() == start {
        out.push_str("\"\"");
    }
    out.push('\n');
}

/// A CSV table of plain text (no formula defusing: the caller's own text, e.g. a template),
/// with a header row and `\n` line ends.
pub(crate) fn write_csv_table(columns: &[&str], rows: &[&[&str]]) -> String {
    let mut out = String::new();
    write_csv_record(&mut out, columns.len(), |i, out| write_csv_text(out, columns[i], false));
    for row in rows {
        write_csv_record(&mut out, row.len(), |i, out| write_csv_text(out, row[i], false));
    }
    out
}

/// Rows built when they are rendered: `fill(i, cells)` appends row `i`'s cells.
type RowFiller<'a> = Box<dyn Fn(usize, &mut Vec<Cell<'a>>) + Send + Sync + 'a>;

enum Rows<'a> {
    Stored(Vec<Vec<Cell<'a>>>),
    OnDemand { len: usize, fill: RowFiller<'a> },
}

/// Rows under named columns, stored or built one at a time as they are rendered (a list of
/// every actor of a large network is never held as cells).
pub struct Records<'a> {
    columns: Vec<String>,
    rows: Rows<'a>,
}

/// Rows per piece when CSV is written in parallel; the text does not depend on it.
const CSV_PIECE_ROWS: usize = 1024;

impl<'a> Records<'a> {
    /// An empty list with these columns.
    pub fn new(columns: &[&str]) -> Self {
        Records {
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
            rows: Rows::Stored(Vec::new()),
        }
    }

    /// `len` rows that `fill(i, cells)` builds when they are rendered, appending one cell per
    /// column for row `i`.
    pub fn from_fn(
        columns: &[&str],
        len: usize,
        fill: impl Fn(usize, &mut Vec<Cell<'a>>) + Send + Sync + 'a,
    ) -> Self {
        Records {
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
            rows: Rows::OnDemand { len, fill: Box::new(fill) },
        }
    }

    /// Adds a row; it must have one cell per column.
    pub fn push(&mut self, row: Vec<Cell<'a>>) {
        debug_assert_eq!(row.len(), self.columns.len());
        if let Rows::OnDemand { .. } = self.rows {
            let mut stored = Vec::with_capacity(self.len() + 1);
            self.each_row(0..self.len(), |cells| stored.push(cells.to_vec()));
            self.rows = Rows::Stored(stored);
        }
        if let Rows::Stored(rows) = &mut self.rows {
            rows.push(row);
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        match &self.rows {
            Rows::Stored(rows) => rows.len(),
            Rows::OnDemand { len, .. } => *len,
        }
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The column names, in order.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// Calls `each` with the cells of the rows in `range`, in order.
    pub(crate) fn each_row(&self, range: Range<usize>, mut each: impl FnMut(&[Cell<'a>])) {
        match &self.rows {
            Rows::Stored(rows) => rows[range].iter().for_each(|row| each(row)),
            Rows::OnDemand { fill, .. } => {
                let mut cells = Vec::with_capacity(self.columns.len());
                for i in range {
                    cells.clear();
                    fill(i, &mut cells);
                    debug_assert_eq!(cells.len(), self.columns.len());
                    each(&cells);
                }
            }
        }
    }

    /// CSV with a header row, `\n` line ends, `.` as decimal point, empty cells for undefined.
    /// Pieces of rows are written in parallel and joined in order.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        write_csv_record(&mut out, self.columns.len(), |i, out| {
            write_csv_text(out, &self.columns[i], false);
        });
        let n = self.len();
        let pieces: Vec<String> = (0..n.div_ceil(CSV_PIECE_ROWS))
            .into_par_iter()
            .map(|piece| {
                let start = piece * CSV_PIECE_ROWS;
                let mut text = String::new();
                self.each_row(start..(start + CSV_PIECE_ROWS).min(n), |cells| {
                    write_csv_record(&mut text, cells.len(), |i, out| cells[i].write_csv(out));
                });
                text
            })
            .collect();
        out.reserve(pieces.iter().map(String::len).sum());
        for piece in &pieces {
            out.push_str(piece);
        }
        out
    }

    /// An aligned table for a terminal; numbers right-aligned with six significant digits.
    pub fn to_table(&self) -> String {
        let header: Vec<&str> = self.columns.iter().map(String::as_str).collect();
        let mut right = vec![false; self.columns.len()];
        self.each_row(0..self.len().min(1), |cells| {
            right = cells.iter().map(Cell::is_numeric).collect();
        });
        let mut table = TextTable::new(&header, &right);
        self.each_row(0..self.len(), |cells| table.row(cells.iter().map(Cell::table).collect()));
        table.render()
    }

    /// A JSON array of objects with the columns as keys, in column order.
    pub fn to_json(&self) -> Value {
        let mut objects = Vec::with_capacity(self.len());
        self.each_row(0..self.len(), |cells| {
            let object: Map<String, Value> = self
                .columns
                .iter()
                .zip(cells)
                .map(|(column, cell)| (column.clone(), cell.json()))
                .collect();
            objects.push(Value::Object(object));
        });
        Value::Array(objects)
    }
}

/// How a list is ordered and cut (`--sort`, `--top`): by the numbers of column `sort`, largest
/// first, and to the first `top` rows. The default leaves a list as it is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListOrder<'s> {
    /// The column to order by, largest first; `None` keeps the list's order (by id).
    pub sort: Option<&'s str>,
    /// How many rows to keep; `None` keeps all.
    pub top: Option<usize>,
}

impl ListOrder<'_> {
    /// `records` ordered and cut; a list without the `sort` column is left whole (a command's
    /// other list).
    pub fn apply<'a>(self, records: Records<'a>) -> Records<'a> {
        match self.sort {
            Some(column) => records.sorted_by(column, self.top).unwrap_or_else(|whole| whole),
            None => records.first(self.top),
        }
    }
}

impl<'a> Records<'a> {
    /// The rows ordered by the numbers in `column`, largest first, rows without a number last;
    /// rows with equal values keep their order (lists are in id order, so ties break by id).
    /// Then cut to the first `top` rows when given. When there is no such column, `Err` gives
    /// the list back unchanged. Rows built on demand stay so: only the column's values are
    /// read, once.
    pub fn sorted_by(self, column: &str, top: Option<usize>) -> Result<Records<'a>, Records<'a>> {
        let Some(index) = self.columns.iter().position(|c| c == column) else {
            return Err(self);
        };
        let mut keys: Vec<Option<f64>> = Vec::with_capacity(self.len());
        self.each_row(0..self.len(), |cells| {
            keys.push(match &cells[index] {
                Cell::Count(count) => Some(*count as f64),
                Cell::Number(value) => finite(*value),
                Cell::Text(_) | Cell::Flag(_) => None,
            });
        });
        let mut order: Vec<usize> = (0..keys.len()).collect();
        // Stable: equal values keep the list's order.
        order.sort_by(|&a, &b| match (keys[a], keys[b]) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        Ok(self.reordered(order, top))
    }

    /// The first `top` rows (all when `None`), in the list's order.
    pub fn first(self, top: Option<usize>) -> Records<'a> {
        let order = (0..self.len()).collect();
        self.reordered(order, top)
    }

    /// Rows `order[0]`, `order[1]`, …, at most `top` of them.
    fn reordered(self, mut order: Vec<usize>, top: Option<usize>) -> Records<'a> {
        if let Some(top) = top {
            order.truncate(top);
        }
        let rows = match self.rows {
            Rows::Stored(rows) => {
                let mut rows: Vec<Option<Vec<Cell<'a>>>> = rows.into_iter().map(Some).collect();
                Rows::Stored(order.iter().filter_map(|&i| rows[i].take()).collect())
            }
            Rows::OnDemand { fill, .. } => Rows::OnDemand {
                len: order.len(),
                fill: Box::new(move |i, cells| fill(order[i], cells)),
            },
        };
        Records { columns: self.columns, rows }
    }
}

impl std::fmt::Debug for Records<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Records")
            .field("columns", &self.columns)
            .field("rows", &self.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_list_renders_in_three_formats() {
        let mut records = Records::new(&["id", "name", "score", "n"]);
        records.push(vec![
            Cell::text("a"),
            Cell::text("=HYPERLINK(\"x\")"),
            Cell::Number(Some(0.125)),
            Cell::Count(3),
        ]);
        records.push(vec![
            Cell::text("b"),
            Cell::text("B, \"quoted\""),
            Cell::Number(None),
            Cell::Count(0),
        ]);
        assert_eq!(
            records.to_csv(),
            "id,name,score,n\na,\"'=HYPERLINK(\"\"x\"\")\",0.125,3\nb,\"B, \"\"quoted\"\"\",,0\n"
        );
        assert_eq!(
            records.to_json().to_string(),
            r#"[{"id":"a","name":"=HYPERLINK(\"x\")","score":0.125,"n":3},{"id":"b","name":"B, \"quoted\"","score":null,"n":0}]"#
        );
        let table = records.to_table();
        assert!(table.contains("0.12500"), "{table}");
        assert_eq!(defuse_formula("-1"), "'-1");
        assert_eq!(defuse_formula("plain"), "plain");
    }

    /// The `csv` crate's writer on cells made text the simple way: what `to_csv` must equal.
    fn csv_crate_text(columns: &[&str], rows: &[Vec<Cell<'_>>]) -> String {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        writer.write_record(columns).unwrap();
        for row in rows {
            let fields = row.iter().map(|cell| match cell {
                Cell::Text(text) => defuse_formula(text),
                Cell::Count(count) => count.to_string(),
                Cell::Number(value) => finite(*value).map(|v| v.to_string()).unwrap_or_default(),
                Cell::Flag(flag) => flag.to_string(),
            });
            writer.write_record(fields).unwrap();
        }
        String::from_utf8(writer.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn csv_text_is_the_csv_crates_on_awkward_cells_stored_or_built_on_demand() {
        let pieces =
            ["", "a", ",", "\"", "\n", "\r", "=", "-", "+", "@", "\t", " ", "é", "'", "x y"];
        // A deterministic walk over texts of up to three pieces.
        let texts: Vec<String> = (0..pieces.len().pow(3))
            .map(|i| {
                let (a, b, c) = (i % pieces.len(), i / pieces.len() % pieces.len(), i / 225);
                format!("{}{}{}", pieces[a], pieces[b], pieces[c])
            })
            .collect();
        let numbers = [Some(0.1), Some(-2.5e-9), Some(1e21), Some(3.0), Some(f64::NAN), None];
        for n_columns in 1..=3 {
            let columns: Vec<&str> = ["-c", "b,\"", "c"][..n_columns].to_vec();
            let rows: Vec<Vec<Cell<'_>>> = (0..2500)
                .map(|r| {
                    (0..n_columns)
                        .map(|c| match (r + c) % 5 {
                            0 | 1 => Cell::text(texts[(r * 7 + c) % texts.len()].as_str()),
                            2 => Cell::Number(numbers[r % numbers.len()]),
                            3 => Cell::Count(r as u64 * 1_000_003),
                            _ => Cell::Flag(r % 2 == 0),
                        })
                        .collect()
                })
                .collect();
            let expected = csv_crate_text(&columns, &rows);
            let mut stored = Records::new(&columns);
            for row in &rows {
                stored.push(row.clone());
            }
            assert_eq!(stored.to_csv(), expected, "{n_columns} column(s), stored");
            let on_demand = Records::from_fn(&columns, rows.len(), |i, cells| {
                cells.extend(rows[i].iter().cloned());
            });
            assert_eq!(on_demand.to_csv(), expected, "{n_columns} column(s), on demand");
            assert_eq!(on_demand.to_json(), stored.to_json());
            assert_eq!(on_demand.to_table(), stored.to_table());
        }
        // One column, one empty cell: quoted, so the row is not a blank line.
        let mut one = Records::new(&["only"]);
        one.push(vec![Cell::text("")]);
        assert_eq!(one.to_csv(), "only\n\"\"\n");
        // Rows pushed after rows built on demand follow them.
        let mut mixed = Records::from_fn(&["n"], 2, |i, cells| cells.push(Cell::Count(i as u64)));
        mixed.push(vec![Cell::Count(9)]);
        assert_eq!(mixed.to_csv(), "n\n0\n1\n9\n");
    }

    #[test]
    fn sorting_puts_the_largest_first_ties_in_list_order_undefined_last() {
        let values = [Some(0.5), None, Some(2.0), Some(0.5), Some(f64::NAN), Some(3.0)];
        let build = |on_demand: bool| {
            let ids = ["a", "b", "c", "d", "e", "f"];
            if on_demand {
                Records::from_fn(&["id", "x"], ids.len(), move |i, cells| {
                    cells.extend([Cell::text(ids[i]), Cell::Number(values[i])]);
                })
            } else {
                let mut records = Records::new(&["id", "x"]);
                for (id, value) in ids.iter().zip(values) {
                    records.push(vec![Cell::text(*id), Cell::Number(value)]);
                }
                records
            }
        };
        for on_demand in [false, true] {
            let sorted = build(on_demand).sorted_by("x", None).unwrap();
            assert_eq!(sorted.to_csv(), "id,x\nf,3\nc,2\na,0.5\nd,0.5\nb,\ne,\n");
            let top = build(on_demand).sorted_by("x", Some(3)).unwrap();
            assert_eq!(top.to_csv(), "id,x\nf,3\nc,2\na,0.5\n");
            assert_eq!(build(on_demand).first(Some(2)).to_csv(), "id,x\na,0.5\nb,\n");
            assert_eq!(build(on_demand).sorted_by("y", None).unwrap_err().len(), 6);
            assert_eq!(build(on_demand).sorted_by("x", Some(0)).unwrap().len(), 0);
        }
    }

    #[test]
    fn numbers_are_readable_in_tables() {
        assert_eq!(format_for_reading(3.0), "3");
        assert_eq!(format_for_reading(0.4376352813), "0.43764");
        assert_eq!(format_for_reading(123.456789), "123.457");
        assert_eq!(format_for_reading(1.5e-7), "1.50000e-7");
        assert_eq!(format_for_reading(-0.0), "0");
        assert_eq!(format_for_reading(3.10312e-29), "0");
        assert_eq!(format_for_reading(-2e-13), "0");
    }
}
