//! Networks in one file of another program's format: a UCINET DL file (`.dl`, `.dat`, `.txt`),
//! a Pajek network (`.net`, `.paj`) or a survey matrix (`.csv`). Each reader turns its file into
//! a [`GraphFile`] — actors named by their labels, layers of ties — and [`GraphFile::build`]
//! makes the network: actors get ids from their labels (kept as names), sector and level stay
//! empty, each matrix or relation section is a layer.
//!
//! Direction: a matrix (DL, survey CSV, Pajek `*Matrix`) gives a directed layer when it is not
//! symmetric — some cell differs from its mirror — and an undirected one (one tie per pair)
//! when it is. Pajek says it itself: `*Arcs` are directed, `*Edges` undirected. A tie of an
//! actor with itself (the diagonal, a Pajek loop) is left out: stakenet has no self-ties.

use super::numbers::{NumberConvention, Numbers, Reason};
use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::cells;
use super::source::Source;
use super::{matrix, pajek, ucinet};
use crate::error::{Diagnostics, Location};
use crate::model::{
    Actor, ActorId, DERIVED_LAYERS, Layer, LayerId, Network, NetworkBuilder, Relation, Validity,
};

/// The formats a single file may have, known by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FileFormat {
    /// UCINET DL (`.dl`, `.dat`, `.txt`).
    Ucinet,
    /// Pajek (`.net`, `.paj`).
    Pajek,
    /// A survey matrix (`.csv`).
    Matrix,
}

/// The format of a source that is one file of another program's format (by its extension,
/// ignoring case); `None` for folders, JSON files and the rest.
pub(crate) fn format_of(source: &Source) -> Option<FileFormat> {
    let Source::JsonFile(path) = source else { return None };
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "dl" | "dat" | "txt" => Some(FileFormat::Ucinet),
        "net" | "paj" => Some(FileFormat::Pajek),
        "csv" => Some(FileFormat::Matrix),
        _ => None,
    }
}

/// Loads a source of one of these formats.
pub(crate) fn load(
    source: &Source,
    format: FileFormat,
    diagnostics: &mut Diagnostics,
) -> Option<Network> {
    let Source::JsonFile(file) = source else { return None };
    let path = file.display().to_string();
    let bytes = source.read_required("", diagnostics)?;
    let graph = match format {
        FileFormat::Ucinet => ucinet::read(&path, &bytes, diagnostics),
        FileFormat::Pajek => pajek::read(&path, &bytes, diagnostics),
        FileFormat::Matrix => {
            let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("ties");
            matrix::read(path.clone(), matrix::layer_of(name), &bytes, diagnostics)
                .map(matrix::MatrixCsv::into_graph_file)
        }
    }?;
    graph.build(diagnostics)
}

/// The layer of a file's only tie section when the file names none.
pub(crate) const UNNAMED_LAYER: &str = "ties";

/// One actor of a file: its label (the name) and the line it was given on.
pub(crate) struct FileActor {
    pub label: String,
    pub line: Option<u64>,
    pub attributes: BTreeMap<String, String>,
}

/// One tie between actors by position, with its weight (> 0).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct FileTie {
    pub source: usize,
    pub target: usize,
    pub weight: f64,
    pub directed: bool,
}

/// One layer of a file: its name (lower case) and ties.
pub(crate) struct FileLayer {
    pub name: String,
    pub line: Option<u64>,
    pub ties: Vec<FileTie>,
}

/// What a file holds, before ids are made and checked.
pub(crate) struct GraphFile {
    pub path: String,
    pub actors: Vec<FileActor>,
    pub layers: Vec<FileLayer>,
}

/// A square matrix of weights, row `i` sending to column `j`; only its non-zero cells are
/// kept, so that an edge list of a large `n` stays small.
pub(crate) struct Matrix {
    pub cells: BTreeMap<(usize, usize), f64>,
}

impl Matrix {
    pub(crate) fn new() -> Self {
        Matrix { cells: BTreeMap::new() }
    }

    /// Sets a cell; 0 removes the tie.
    pub(crate) fn set(&mut self, i: usize, j: usize, value: f64) {
        if value == 0.0 {
            self.cells.remove(&(i, j));
        } else {
            self.cells.insert((i, j), value);
        }
    }

    /// Whether every cell equals its mirror (the diagonal aside).
    pub(crate) fn is_symmetric(&self) -> bool {
        self.cells.iter().all(|(&(i, j), w)| i == j || self.cells.get(&(j, i)) == Some(w))
    }

    /// The ties of the matrix: undirected pairs when it is symmetric, else one directed tie
    /// per non-zero cell; the diagonal is left out.
    pub(crate) fn ties(&self) -> Vec<FileTie> {
        let directed = !self.is_symmetric();
        self.cells
            .iter()
            .filter(|&(&(i, j), _)| i != j && (directed || i < j))
            .map(|(&(source, target), &weight)| FileTie { source, target, weight, directed })
            .collect()
    }
}

/// Parses a cell of a matrix or a weight: a finite number ≥ 0 (`,` as decimal mark when
/// `decimal_comma`).
pub(crate) fn weight(text: &str, decimal_comma: bool) -> Result<f64, String> {
    let numbers = if decimal_comma {
        Numbers { convention: NumberConvention::Dutch, reason: Reason::Semicolon }
    } else {
        Numbers { convention: NumberConvention::English, reason: Reason::NoEvidence }
    };
    let dialect =
        cells::Dialect { delimiter: Some(if decimal_comma { b';' } else { b',' }), numbers };
    match dialect.number(text) {
        Ok(value) if value >= 0.0 => Ok(value),
        Ok(_) => Err(format!(
            "weight `{text}` is negative; a tie's weight is a number ≥ 0 (0 for no tie)"
        )),
        Err(_) => {
            Err(format!("`{text}` is not a number; a tie's weight is a number ≥ 0 (0 for no tie)"))
        }
    }
}

/// Adds a layer named `name` with `ties` (between actors by index) to `builder`: directed when
/// any tie is.
pub(crate) fn push_layer(builder: &mut NetworkBuilder, name: String, ties: Vec<FileTie>) {
    let id = LayerId::from_index(builder.layers.len());
    builder.layers.push(Layer { name, directed: ties.iter().any(|t| t.directed), n_relations: 0 });
    builder.relations.extend(ties.into_iter().map(|tie| Relation {
        source: ActorId::from_index(tie.source),
        target: ActorId::from_index(tie.target),
        layer: id,
        directed: tie.directed,
        weight: tie.weight,
        amount: None,
        topic: None,
        validity: Validity::default(),
        coalition: None,
    }));
}

/// The id an actor gets from its label: the label itself when it is a valid id, else the label
/// with every run of other characters turned into `_` (accents dropped: `Café Noord` →
/// `Cafe_Noord`), or `actor-N` when nothing is left.
pub(crate) fn slug(label: &str, position: usize) -> String {
    if cells::id(label).is_ok() {
        return label.to_owned();
    }
    let mut id = String::with_capacity(label.len());
    for c in label.chars() {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | ':' | '-') {
            id.push(c);
        } else if !id.ends_with('_') {
            id.push('_');
        }
    }
    let id = id.trim_matches('_');
    if id.is_empty() { format!("actor-{}", position + 1) } else { id.to_owned() }
}

fn fold_accent(c: char) -> char {
    const FROM: &str = "àáâãäåèéêëìíîïòóôõöùúûüýÿñçÀÁÂÃÄÅÈÉÊËÌÍÎÏÒÓÔÕÖÙÚÛÜÝÑÇ";
    const TO: &str = "aaaaaaeeeeiiiiooooouuuuyyncAAAAAAEEEEIIIIOOOOOUUUUYNC";
    FROM.chars().position(|f| f == c).and_then(|i| TO.chars().nth(i)).unwrap_or(c)
}

impl GraphFile {
    /// Checks ids and layer names and builds the network; `None` when a problem was found
    /// (reported in `diagnostics`).
    pub(crate) fn build(self, diagnostics: &mut Diagnostics) -> Option<Network> {
        let at = |line: Option<u64>| Location { path: self.path.clone(), line };
        let mut by_id: FxHashMap<String, usize> = FxHashMap::default();
        let mut actors = Vec::with_capacity(self.actors.len());
        let mut ok = true;
        for (i, actor) in self.actors.iter().enumerate() {
            let key = slug(&actor.label, i);
            if let Some(&first) = by_id.get(&key) {
                let first_label = &self.actors[first].label;
                let message = if *first_label == actor.label {
                    format!(
                        "label `{}` is given twice (actors {} and {}); each actor needs its own label",
                        actor.label,
                        first + 1,
                        i + 1
                    )
                } else {
                    format!(
                        "labels `{first_label}` and `{}` both give the id `{key}`; make the labels differ in letters or digits",
                        actor.label
                    )
                };
                diagnostics.push(at(actor.line), message);
                ok = false;
                continue;
            }
            by_id.insert(key.clone(), i);
            actors.push(Actor {
                key,
                name: actor.label.clone(),
                attributes: actor.attributes.clone(),
                ..Actor::default()
            });
        }
        let mut builder = NetworkBuilder::default();
        let mut seen: FxHashMap<String, Option<u64>> = FxHashMap::default();
        for layer in self.layers {
            if DERIVED_LAYERS.contains(&layer.name.as_str()) {
                diagnostics.push(
                    at(layer.line),
                    format!(
                        "layer `{}` is derived from members.csv; give the ties another layer name",
                        layer.name
                    ),
                );
                ok = false;
                continue;
            }
            if let Some(first) = seen.insert(layer.name.clone(), layer.line) {
                let first = first.map(|l| format!(" (first on line {l})")).unwrap_or_default();
                diagnostics.push(
                    at(layer.line),
                    format!(
                        "layer `{}` is named twice{first}; give each matrix or section its own name",
                        layer.name
                    ),
                );
                ok = false;
                continue;
            }
            push_layer(&mut builder, layer.name, layer.ties);
        }
        if !ok || !diagnostics.is_empty() {
            return None;
        }
        builder.actors = actors;
        builder.build().ok()
    }
}

/// The layer name of a file's matrix or section `k` (0-based) of `count` when it has no name.
pub(crate) fn unnamed_layer(k: usize, count: usize) -> String {
    if count == 1 { UNNAMED_LAYER.to_owned() } else { format!("{UNNAMED_LAYER}-{}", k + 1) }
}

/// Splits a line into words: separated by white space and commas, `"…"` kept whole (without
/// the quotes).
pub(crate) fn words(line: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut rest = line;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.is_empty() {
            return words;
        }
        if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"').unwrap_or(quoted.len());
            words.push(&quoted[..end]);
            rest = quoted.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find(|c: char| c.is_whitespace() || c == ',').unwrap_or(rest.len());
            words.push(&rest[..end]);
            rest = &rest[end..];
        }
    }
}

/// The file's text: UTF-8 (a BOM dropped), else read as Latin-1, as old UCINET and Pajek files
/// often are.
pub(crate) fn text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_become_ids() {
        assert_eq!(slug("COUN", 0), "COUN");
        assert_eq!(slug("Café Noord", 0), "Cafe_Noord");
        assert_eq!(slug("Gemeente (Enschede)", 0), "Gemeente_Enschede");
        assert_eq!(slug("???", 4), "actor-5");
    }

    #[test]
    fn words_split_on_space_and_comma_and_keep_quotes() {
        assert_eq!(words(r#" 1 "Big City, Inc" 0.5,0.2 "#), ["1", "Big City, Inc", "0.5", "0.2"]);
        assert_eq!(words("a,,b"), ["a", "b"]);
        assert_eq!(words(r#"1 "open"#), ["1", "open"]);
    }

    #[test]
    fn a_symmetric_matrix_gives_undirected_pairs() {
        let mut m = Matrix::new();
        m.set(0, 1, 2.0);
        m.set(1, 0, 2.0);
        m.set(2, 2, 1.0);
        assert_eq!(m.ties(), [FileTie { source: 0, target: 1, weight: 2.0, directed: false }]);
        m.set(1, 2, 1.0);
        assert_eq!(m.ties().len(), 3);
        assert!(m.ties().iter().all(|t| t.directed));
    }
}
