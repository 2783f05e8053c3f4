//! Survey matrices in CSV: the answers to "with whom do you work?" as a table with actor ids
//! down the first column (who answers) and across the first row (whom they name), a tie's
//! weight in each cell, blank or 0 for none. One file is one layer: `relations-LAYER.csv` in a
//! workspace folder (beside or instead of `relations.csv`, its ids those of `actors.csv`), or a
//! file of its own (its labels become the actors; the layer is the file's name, without a
//! `relations-` prefix). The layer is directed unless the matrix is symmetric; the diagonal is
//! left out. With `;` as delimiter, numbers may use a decimal comma.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::graph_file::{self, FileActor, FileLayer, GraphFile, Matrix};
use super::source::{FileRead, Source};
use crate::error::{Diagnostics, Location};
use crate::model::{ActorId, DERIVED_LAYERS, NetworkBuilder};

/// The prefix of a matrix file in a workspace folder: `relations-information.csv`.
pub(crate) const PREFIX: &str = "relations-";

/// A matrix as read: its labels with their lines, and its non-zero cells by label position.
pub(crate) struct MatrixCsv {
    pub path: String,
    pub layer: String,
    /// Column labels (line 1).
    pub columns: Vec<String>,
    /// Row labels and their lines.
    pub rows: Vec<(String, u64)>,
    /// (row, column, weight) of every non-zero cell.
    pub cells: Vec<(usize, usize, f64)>,
}

/// The layer a matrix file gives: its name without `relations-` and `.csv`, in lower case.
pub(crate) fn layer_of(file_name: &str) -> String {
    let stem = file_name.rsplit_once('.').map_or(file_name, |(stem, _)| stem);
    let lower = stem.to_lowercase();
    lower.strip_prefix(PREFIX).map(str::to_owned).unwrap_or(lower)
}

/// The matrix files of a workspace folder (`relations-*.csv`), by name.
pub(crate) fn files(source: &Source) -> Vec<String> {
    let is_matrix = |name: &str| {
        let lower = name.to_lowercase();
        lower.starts_with(PREFIX) && lower.ends_with(".csv") && lower.len() > PREFIX.len() + 4
    };
    let mut names: Vec<String> = match source {
        Source::Folder(folder) => std::fs::read_dir(folder)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter_map(|e| e.file_name().into_string().ok())
                    .filter(|name| is_matrix(name))
                    .collect()
            })
            .unwrap_or_default(),
        Source::Memory(files) => {
            files.iter().map(|(name, _)| name.clone()).filter(|name| is_matrix(name)).collect()
        }
        Source::JsonFile(_) | Source::Bundled => Vec::new(),
    };
    names.sort();
    names
}

/// Reads the matrix files of a workspace folder.
pub(crate) fn read_all(source: &Source, diagnostics: &mut Diagnostics) -> Vec<MatrixCsv> {
    files(source)
        .into_iter()
        .filter_map(|name| {
            let path = source.display_path(&name);
            match source.read(&name) {
                FileRead::Bytes(bytes) => read(path, layer_of(&name), &bytes, diagnostics),
                FileRead::Missing => None,
                FileRead::Unreadable(why) => {
                    diagnostics.push(
                        Location { path, line: None },
                        format!("cannot read the file: {why}"),
                    );
                    None
                }
            }
        })
        .collect()
}

/// Reads one matrix CSV file.
pub(crate) fn read(
    path: String,
    layer: String,
    bytes: &[u8],
    diagnostics: &mut Diagnostics,
) -> Option<MatrixCsv> {
    let at = |line: u64| Location { path: path.clone(), line: Some(line) };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        diagnostics
            .push(at(1), "the file is not valid UTF-8; save it as UTF-8 (in Excel: \"CSV UTF-8\")");
        return None;
    };
    let delimiter = delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map_or(1, |p| p.line());
                let cells: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
                if cells.iter().any(|c| !c.is_empty()) {
                    records.push((line, cells));
                }
            }
            Err(error) => {
                let line = error.position().map_or(1, |p| p.line());
                diagnostics.push(at(line), format!("cannot read this row: {error}"));
                return None;
            }
        }
    }
    let Some((header_line, header)) = records.first() else {
        diagnostics.push(at(1), "the file is empty; a matrix has a first row of actor ids");
        return None;
    };
    let header_line = *header_line;
    let columns: Vec<String> = header[1..].to_vec();
    let mut ok = true;
    let mut first_column: FxHashMap<&str, usize> = FxHashMap::default();
    for (j, label) in columns.iter().enumerate() {
        if label.is_empty() {
            diagnostics.push(
                at(header_line),
                format!("column {} has no actor id in the first row; name every column", j + 2),
            );
            ok = false;
        } else if let Some(first) = first_column.insert(label, j) {
            diagnostics.push(
                at(header_line),
                format!(
                    "actor `{label}` heads columns {} and {}; each actor has one column",
                    first + 2,
                    j + 2
                ),
            );
            ok = false;
        }
    }
    let decimal_comma = delimiter == b';';
    let mut rows: Vec<(String, u64)> = Vec::new();
    let mut first_row: FxHashMap<String, u64> = FxHashMap::default();
    let mut cells = Vec::new();
    for (line, record) in &records[1..] {
        let label = record[0].clone();
        if label.is_empty() {
            diagnostics.push(
                at(*line),
                "the row has no actor id in its first cell; name the actor who answers",
            );
            ok = false;
            continue;
        }
        if let Some(first) = first_row.insert(label.clone(), *line) {
            diagnostics.push(
                at(*line),
                format!("actor `{label}` has a row already (line {first}); each actor has one row"),
            );
            ok = false;
            continue;
        }
        if record.len() != header.len() {
            diagnostics.push(
                at(*line),
                format!(
                    "the row of `{label}` has {} cells; the first row has {} (an id and {} actors)",
                    record.len(),
                    header.len(),
                    columns.len()
                ),
            );
            ok = false;
        }
        let row = rows.len();
        rows.push((label, *line));
        for (j, cell) in record[1..].iter().enumerate().take(columns.len()) {
            if cell.is_empty() {
                continue;
            }
            match graph_file::weight(cell, decimal_comma) {
                Ok(0.0) => {}
                Ok(weight) => cells.push((row, j, weight)),
                Err(message) => {
                    diagnostics.push(at(*line), format!("column `{}`: {message}", columns[j]));
                    ok = false;
                }
            }
        }
    }
    ok.then_some(MatrixCsv { path, layer, columns, rows, cells })
}

/// The delimiter of the first line: `,`, `;` or tab, whichever occurs most.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let count = |d: char| first.matches(d).count();
    let (comma, semicolon, tab) = (count(','), count(';'), count('\t'));
    if tab > comma && tab > semicolon {
        b'\t'
    } else if semicolon > comma {
        b';'
    } else {
        b','
    }
}

impl MatrixCsv {
    /// A matrix of its own: the actors are its column labels, then the row labels no column
    /// names.
    pub(crate) fn into_graph_file(self) -> GraphFile {
        let mut position: FxHashMap<String, usize> = FxHashMap::default();
        let mut actors = Vec::new();
        let labels =
            self.columns.iter().map(|c| (c, 1)).chain(self.rows.iter().map(|(l, line)| (l, *line)));
        for (label, line) in labels {
            if !position.contains_key(label) {
                position.insert(label.clone(), actors.len());
                actors.push(FileActor {
                    label: label.clone(),
                    line: Some(line),
                    attributes: BTreeMap::new(),
                });
            }
        }
        let mut matrix = Matrix::new();
        for &(i, j, w) in &self.cells {
            matrix.set(position[&self.rows[i].0], position[&self.columns[j]], w);
        }
        GraphFile {
            path: self.path,
            actors,
            layers: vec![FileLayer { name: self.layer, line: Some(1), ties: matrix.ties() }],
        }
    }

    /// Adds the matrix to a workspace as a layer; `resolve` finds an actor id of `actors.csv`
    /// (reporting an unknown one at the given line).
    pub(crate) fn add_to(
        self,
        builder: &mut NetworkBuilder,
        diagnostics: &mut Diagnostics,
        mut resolve: impl FnMut(&str, &str, u64, &mut Diagnostics) -> Option<ActorId>,
    ) {
        let at = |line: u64| Location { path: self.path.clone(), line: Some(line) };
        let columns: Vec<Option<ActorId>> =
            self.columns.iter().map(|label| resolve(label, "first row", 1, diagnostics)).collect();
        let rows: Vec<Option<ActorId>> = self
            .rows
            .iter()
            .map(|(label, line)| resolve(label, "first column", *line, diagnostics))
            .collect();
        if DERIVED_LAYERS.contains(&self.layer.as_str()) {
            diagnostics.push(at(1), format!("layer `{}` is derived from members.csv; give the matrix file another name, relations-LAYER.csv", self.layer));
            return;
        }
        if let Some(layer) = builder.layers.iter().find(|l| l.name.to_lowercase() == self.layer) {
            diagnostics.push(
                at(1),
                format!(
                    "layer `{}` is given by another file too (relations.csv or another matrix); a layer comes from one file (rename this one, relations-LAYER.csv)",
                    layer.name
                ),
            );
            return;
        }
        let mut matrix = Matrix::new();
        for &(i, j, w) in &self.cells {
            if let (Some(source), Some(target)) = (rows[i], columns[j]) {
                matrix.set(source.index(), target.index(), w);
            }
        }
        graph_file::push_layer(builder, self.layer, matrix.ties());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_name_their_layer() {
        assert_eq!(layer_of("relations-Information.csv"), "information");
        assert_eq!(layer_of("survey.csv"), "survey");
    }

    #[test]
    fn a_matrix_reads_with_its_lines() {
        let mut diagnostics = Diagnostics::default();
        let text = "id;a;b\na;;1,5\nb;x;0\n";
        let m = read("m.csv".into(), "t".into(), text.as_bytes(), &mut diagnostics);
        assert!(m.is_none());
        assert_eq!(
            diagnostics.to_string(),
            "m.csv:3: column `a`: `x` is not a number; a tie's weight is a number ≥ 0 (0 for no tie)\n"
        );
        let text = "id;a;b\na;;1,5\nb;0;\n";
        let m = read("m.csv".into(), "t".into(), text.as_bytes(), &mut diagnostics).unwrap();
        assert_eq!(m.cells, [(0, 1, 1.5)]);
    }
}
