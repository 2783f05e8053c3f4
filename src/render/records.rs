//! Records: one list of rows with named columns that renders the same data as CSV, as an
//! aligned terminal table and as a JSON array of objects.
//!
//! CSV text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
//! tab or carriage return) are prefixed with `'`, as OWASP advises against CSV injection;
//! numbers are never altered.

use serde_json::{Map, Number, Value};

use super::table::TextTable;

/// One cell of a record.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text (names, ids, labels).
    Text(String),
    /// A count.
    Count(u64),
    /// A measure; `None` (or a non-finite value) renders as an empty cell / `null`.
    Number(Option<f64>),
    /// True or false.
    Flag(bool),
}

impl Cell {
    /// A text cell.
    pub fn text(value: impl Into<String>) -> Cell {
        Cell::Text(value.into())
    }

    /// A text cell, empty when `None`.
    pub fn optional_text(value: Option<&str>) -> Cell {
        Cell::Text(value.unwrap_or("").to_owned())
    }

    fn csv(&self) -> String {
        match self {
            Cell::Text(text) => defuse_formula(text),
            Cell::Count(count) => count.to_string(),
            Cell::Number(value) => finite(*value).map(|v| v.to_string()).unwrap_or_default(),
            Cell::Flag(flag) => flag.to_string(),
        }
    }

    fn table(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Count(count) => count.to_string(),
            Cell::Number(value) => finite(*value).map(format_for_reading).unwrap_or_default(),
            Cell::Flag(flag) => if *flag { "yes" } else { "no" }.to_owned(),
        }
    }

    fn json(&self) -> Value {
        match self {
            Cell::Text(text) => Value::String(text.clone()),
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

/// Six significant digits for people; CSV and JSON keep every digit.
fn format_for_reading(value: f64) -> String {
    if value == value.trunc() && value.abs() < 1e15 {
        format!("{value:.0}")
    } else if value.abs() >= 1e-3 && value.abs() < 1e6 {
        let digits = 5usize.saturating_sub(value.abs().log10().floor().max(0.0) as usize);
        format!("{value:.digits$}")
    } else {
        format!("{value:.5e}")
    }
}

/// Prefixes text that a spreadsheet would evaluate with `'` (OWASP CSV injection advice).
pub fn defuse_formula(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Rows under named columns.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Records {
    columns: Vec<String>,
    rows: Vec<Vec<Cell>>,
}

impl Records {
    /// An empty list with these columns.
    pub fn new(columns: &[&str]) -> Self {
        Records { columns: columns.iter().map(|c| (*c).to_owned()).collect(), rows: Vec::new() }
    }

    /// Adds a row; it must have one cell per column.
    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.columns.len());
        self.rows.push(row);
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// CSV with a header row, `\n` line ends, `.` as decimal point, empty cells for undefined.
    pub fn to_csv(&self) -> String {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        // Writing into a Vec<u8> cannot fail.
        let _ = writer.write_record(&self.columns);
        for row in &self.rows {
            let _ = writer.write_record(row.iter().map(Cell::csv));
        }
        let bytes = writer.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }

    /// An aligned table for a terminal; numbers right-aligned with six significant digits.
    pub fn to_table(&self) -> String {
        let header: Vec<&str> = self.columns.iter().map(String::as_str).collect();
        let right: Vec<bool> = (0..self.columns.len())
            .map(|i| self.rows.first().is_some_and(|row| row[i].is_numeric()))
            .collect();
        let mut table = TextTable::new(&header, &right);
        for row in &self.rows {
            table.row(row.iter().map(Cell::table).collect());
        }
        table.render()
    }

    /// A JSON array of objects with the columns as keys, in column order.
    pub fn to_json(&self) -> Value {
        Value::Array(
            self.rows
                .iter()
                .map(|row| {
                    let object: Map<String, Value> = self
                        .columns
                        .iter()
                        .zip(row)
                        .map(|(column, cell)| (column.clone(), cell.json()))
                        .collect();
                    Value::Object(object)
                })
                .collect(),
        )
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

    #[test]
    fn numbers_are_readable_in_tables() {
        assert_eq!(format_for_reading(3.0), "3");
        assert_eq!(format_for_reading(0.4376352813), "0.43764");
        assert_eq!(format_for_reading(123.456789), "123.457");
        assert_eq!(format_for_reading(1.5e-7), "1.50000e-7");
    }
}
