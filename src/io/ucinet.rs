//! UCINET's DL text files, and the older listing the classic data collections keep (KNOKBUR).
//!
//! DL: `dl n=10 nm=2 format=fullmatrix`, then `labels:` (n labels) or `labels embedded`,
//! `matrix labels:` (nm names), and `data:`. Formats `fullmatrix` (one row per line),
//! `edgelist1` (`i j [weight]` per line) and `nodelist1` (`i j k …`: ties from `i`); nodes are
//! numbers 1..n or labels. Several matrices (`nm`) are several layers.
//!
//! The older listing: blocks of a name line, a header `4 , 10 , 10 ,N,NB` (rows and columns
//! are its second and third fields; `NB` a network matrix, `LM` a table of attributes), a line
//! of comma-separated labels, then the rows. The first matrix's labels name the actors; a later
//! matrix's rows are the same actors in the same order (KNOKBUR spells the mayor `MAYR` in one
//! and `MAYO` in the other). An `LM` table's columns after `ID` become actor attributes.

use std::collections::BTreeMap;

use super::graph_file::{self, FileActor, FileLayer, GraphFile, Matrix, words};
use crate::error::{Diagnostics, Location};

/// The most actors a file may declare (`n=`): beyond it, a clear error instead of an exhausted
/// machine.
pub(crate) const MAX_ACTORS: usize = 10_000_000;

const FORMATS: &str = "fullmatrix (fm), edgelist1 (el1) or nodelist1 (nl1)";

/// Reads a UCINET DL file, or the older listing when the file does not start with `dl`.
pub(crate) fn read(path: &str, bytes: &[u8], diagnostics: &mut Diagnostics) -> Option<GraphFile> {
    let text = graph_file::text(bytes);
    let lines: Vec<(u64, &str)> =
        text.lines().enumerate().map(|(i, line)| (i as u64 + 1, line)).collect();
    let first = lines.iter().find(|(_, line)| !line.trim().is_empty());
    let starts_dl = first.is_some_and(|(_, line)| {
        words(line).first().is_some_and(|w| {
            let w = w.to_ascii_lowercase();
            w == "dl" || w.starts_with("dl=") || w.starts_with("dl:")
        })
    });
    if starts_dl {
        Dl { path, diagnostics }.read(&lines)
    } else if lines.iter().any(|(_, line)| listing_header(line).is_some()) {
        read_listing(path, &lines, diagnostics)
    } else {
        let at = Location { path: path.to_owned(), line: first.map(|(l, _)| *l) };
        let start: String =
            first.map(|(_, l)| l.trim().chars().take(40).collect()).unwrap_or_default();
        diagnostics.push(
            at,
            if start.is_empty() {
                "the file is empty; a UCINET DL file starts with `dl n=…`".to_owned()
            } else {
                format!("`{start}` does not start a UCINET DL file; expected `dl n=… format=fullmatrix`, then `labels:` and `data:`")
            },
        );
        None
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    FullMatrix,
    EdgeList,
    NodeList,
}

/// What the header of a DL file declares.
struct Header {
    n: Option<usize>,
    nm: usize,
    format: Format,
    /// The labels, each with its line.
    labels: Option<Vec<(String, u64)>>,
    embedded: bool,
    matrix_labels: Option<(Vec<String>, u64)>,
    /// The line `data:` is on, and the index of the first data line.
    data: Option<(u64, usize)>,
}

struct Dl<'a, 'd> {
    path: &'a str,
    diagnostics: &'d mut Diagnostics,
}

impl Dl<'_, '_> {
    fn at(&self, line: u64) -> Location {
        Location { path: self.path.to_owned(), line: Some(line) }
    }

    fn problem(&mut self, line: u64, message: impl Into<String>) {
        let at = self.at(line);
        self.diagnostics.push(at, message);
    }

    fn read(mut self, lines: &[(u64, &str)]) -> Option<GraphFile> {
        let header = self.header(lines)?;
        let last_line = lines.last().map_or(1, |(l, _)| *l);
        let Some((data_line, data_start)) = header.data else {
            self.problem(
                last_line,
                "no `data:` section; a DL file gives its ties after a line `data:`",
            );
            return None;
        };
        let Some(n) = header.n else {
            self.problem(
                1,
                "missing `n=`; a DL file declares its number of actors, e.g. `dl n=10`",
            );
            return None;
        };
        let data: Vec<(u64, Vec<&str>)> = lines[data_start..]
            .iter()
            .map(|(line, text)| (*line, words(text)))
            .filter(|(_, words)| !words.is_empty())
            .collect();
        let mut labels: Vec<(String, Option<u64>)> = match &header.labels {
            Some(labels) => labels.iter().map(|(l, line)| (l.clone(), Some(*line))).collect(),
            None if header.embedded => Vec::new(),
            None => (1..=n).map(|i| (i.to_string(), None)).collect(),
        };
        let n_matrices = header.nm;
        let matrices = match header.format {
            Format::FullMatrix => self.full_matrices(
                &data,
                n,
                n_matrices,
                header.embedded,
                &mut labels,
                (data_line, last_line),
            )?,
            Format::EdgeList | Format::NodeList => {
                if n_matrices > 1 {
                    self.problem(1, format!("nm={n_matrices} with an edge or node list is not read; give one matrix per file, or use format=fullmatrix"));
                    return None;
                }
                vec![self.list(&data, n, header.format, header.embedded, &mut labels)?]
            }
        };
        if labels.len() < n {
            // Labels embedded in a list: the actors no tie names keep their numbers.
            let named = labels.len();
            labels.extend((named + 1..=n).map(|i| (i.to_string(), None)));
        }
        let names: Vec<(String, u64)> = match header.matrix_labels {
            Some((names, line)) => {
                names.into_iter().map(|name| (name.to_lowercase(), line)).collect()
            }
            None => (0..n_matrices)
                .map(|k| (graph_file::unnamed_layer(k, n_matrices), data_line))
                .collect(),
        };
        let layers = names
            .into_iter()
            .zip(matrices)
            .map(|((name, line), matrix)| FileLayer { name, line: Some(line), ties: matrix.ties() })
            .collect();
        let actors = labels
            .into_iter()
            .map(|(label, line)| FileActor { label, line, attributes: BTreeMap::new() })
            .collect();
        self.diagnostics.is_empty().then(|| GraphFile {
            path: self.path.to_owned(),
            actors,
            layers,
        })
    }

    /// Reads the header up to `data:`; `None` when it cannot be understood.
    fn header(&mut self, lines: &[(u64, &str)]) -> Option<Header> {
        let mut header = Header {
            n: None,
            nm: 1,
            format: Format::FullMatrix,
            labels: None,
            embedded: false,
            matrix_labels: None,
            data: None,
        };
        // Words of the header with their line; `n=10`, `n = 10` and `n= 10` all become n, =, 10.
        let mut tokens: Vec<(String, u64)> = Vec::new();
        for (index, (line, text)) in lines.iter().enumerate() {
            let mut rest_is_data = false;
            for word in words(text) {
                if rest_is_data {
                    // Data on the line of `data:` itself: not supported, say so.
                    self.problem(*line, "put the data on the lines after `data:`");
                    return None;
                }
                for (k, part) in word.split('=').enumerate() {
                    if k > 0 {
                        tokens.push(("=".to_owned(), *line));
                    }
                    if !part.is_empty() {
                        tokens.push((part.to_owned(), *line));
                    }
                }
                if word.eq_ignore_ascii_case("data:") {
                    rest_is_data = true;
                }
            }
            if rest_is_data {
                header.data = Some((*line, index + 1));
                break;
            }
        }
        let mut i = 1; // after `dl`
        // `dl` may be glued to `=`/`:` in odd files; skip those.
        while tokens.get(i).is_some_and(|(t, _)| t == "=") {
            i += 1;
        }
        let lower = |i: usize| tokens.get(i).map(|(t, _)| t.to_ascii_lowercase());
        let mut ok = true;
        while i < tokens.len() {
            let (word, line) = (&tokens[i].0, tokens[i].1);
            let key = word.to_ascii_lowercase();
            let key = key.trim_end_matches(':');
            if tokens.get(i + 1).is_some_and(|(t, _)| t == "=") {
                let Some((value, _)) = tokens.get(i + 2) else {
                    self.problem(line, format!("`{word}=` has no value"));
                    return None;
                };
                let value_lower = value.to_ascii_lowercase();
                match key {
                    "n" => match value.parse::<usize>() {
                        Ok(n) if (1..=MAX_ACTORS).contains(&n) => header.n = Some(n),
                        _ => {
                            self.problem(line, format!("`n={value}`; n is the number of actors, a whole number from 1 to {MAX_ACTORS}"));
                            ok = false;
                        }
                    },
                    "nm" => match value.parse::<usize>() {
                        Ok(nm) if (1..=1000).contains(&nm) => header.nm = nm,
                        _ => {
                            self.problem(line, format!("`nm={value}`; nm is the number of matrices, a whole number from 1 to 1000"));
                            ok = false;
                        }
                    },
                    "format" => {
                        header.format = match value_lower.as_str() {
                            "fullmatrix" | "fm" => Format::FullMatrix,
                            "edgelist1" | "el1" => Format::EdgeList,
                            "nodelist1" | "nl1" => Format::NodeList,
                            _ => {
                                self.problem(
                                    line,
                                    format!("format `{value}` is not read; expected {FORMATS}"),
                                );
                                ok = false;
                                Format::FullMatrix
                            }
                        }
                    }
                    "nr" | "nc" => {
                        self.problem(line, format!("`{key}=` declares a two-mode (rectangular) matrix; stakenet reads one-mode networks, `n=`"));
                        ok = false;
                    }
                    "diagonal" if value_lower == "present" => {}
                    _ => {
                        self.problem(line, format!("`{word}={value}` is not read; a DL header has n=, nm= and format= ({FORMATS})"));
                        ok = false;
                    }
                }
                i += 3;
                continue;
            }
            match key {
                "labels" if lower(i + 1).as_deref().is_some_and(|t| t.starts_with("embedded")) => {
                    header.embedded = true;
                    i += 2;
                    if lower(i).as_deref() == Some(":") {
                        i += 1;
                    }
                }
                "labels" | "row" | "column" | "col" | "matrix" => {
                    let mut at = i;
                    if key != "labels" {
                        if lower(i + 1)
                            .as_deref()
                            .is_none_or(|t| t.trim_end_matches(':') != "labels")
                        {
                            self.problem(
                                line,
                                format!("`{word}` is not read here; expected `{key} labels:`"),
                            );
                            return None;
                        }
                        at += 1;
                    }
                    if key == "row" || key == "column" || key == "col" {
                        self.problem(line, format!("`{key} labels:` belong to a two-mode matrix; stakenet reads one-mode networks, with `labels:`"));
                        return None;
                    }
                    at += 1;
                    if lower(at).as_deref() == Some(":") {
                        at += 1;
                    }
                    let count = if key == "matrix" { Some(header.nm) } else { header.n };
                    let Some(count) = count else {
                        self.problem(
                            line,
                            "`labels:` before `n=`; declare n first, e.g. `dl n=10`",
                        );
                        return None;
                    };
                    let mut labels = Vec::new();
                    while labels.len() < count {
                        match tokens.get(at) {
                            Some((t, _))
                                if is_section(t, tokens.get(at + 1).map(|(t, _)| t.as_str())) =>
                            {
                                break;
                            }
                            Some((t, l)) => labels.push((t.clone(), *l)),
                            None => break,
                        }
                        at += 1;
                    }
                    if labels.len() < count {
                        let what = if key == "matrix" {
                            format!("nm={count} matrices")
                        } else {
                            format!("n={count} actors")
                        };
                        self.problem(
                            line,
                            format!(
                                "{} labels given for {what}; give one label each",
                                labels.len()
                            ),
                        );
                        ok = false;
                    }
                    if key == "matrix" {
                        let names = labels.into_iter().map(|(name, _)| name).collect();
                        header.matrix_labels = Some((names, line));
                    } else {
                        header.labels = Some(labels);
                    }
                    i = at;
                }
                "data" => i += 1,
                "dl" => i += 1,
                _ => {
                    self.problem(line, format!("`{word}` is not read in a DL header; expected n=, nm=, format=, labels:, labels embedded, matrix labels: or data:"));
                    return None;
                }
            }
        }
        ok.then_some(header)
    }

    /// Reads `nm` full matrices, one row per line (with its label first when embedded).
    fn full_matrices(
        &mut self,
        data: &[(u64, Vec<&str>)],
        n: usize,
        nm: usize,
        embedded: bool,
        labels: &mut Vec<(String, Option<u64>)>,
        (data_line, last_line): (u64, u64),
    ) -> Option<Vec<Matrix>> {
        let per_matrix = n + usize::from(embedded);
        if data.len() != per_matrix * nm {
            let line = data.get(per_matrix * nm).map_or(last_line, |(l, _)| *l);
            let expected = if embedded {
                format!("a line of column labels and {n} rows")
            } else {
                format!("{n} rows")
            };
            self.problem(
                if data.len() > per_matrix * nm { line } else { data_line },
                format!(
                    "the data has {} lines; n={n} and nm={nm} need {} ({expected} per matrix, one row per line)",
                    data.len(),
                    per_matrix * nm
                ),
            );
            return None;
        }
        let mut matrices = Vec::with_capacity(nm);
        let mut ok = true;
        for (k, block) in data.chunks(per_matrix).enumerate() {
            let mut rows = block;
            if embedded {
                let (line, columns) = &block[0];
                rows = &block[1..];
                if columns.len() != n {
                    self.problem(
                        *line,
                        format!("{} column labels; n={n} needs {n}", columns.len()),
                    );
                    ok = false;
                } else if k == 0 {
                    *labels = columns.iter().map(|c| ((*c).to_owned(), Some(*line))).collect();
                }
            }
            let mut matrix = Matrix::new();
            for (i, (line, cells)) in rows.iter().enumerate() {
                let mut cells = cells.as_slice();
                if embedded {
                    let row_label = cells[0];
                    if let Some((label, _)) = labels.get(i) {
                        if !label.eq_ignore_ascii_case(row_label) {
                            self.problem(*line, format!("row label `{row_label}` differs from column label {} `{label}`; rows and columns list the actors in the same order", i + 1));
                            ok = false;
                        }
                    }
                    cells = &cells[1..];
                }
                if cells.len() != n {
                    self.problem(
                        *line,
                        format!(
                            "row {} has {} values; n={n} needs {n} per row",
                            i + 1,
                            cells.len()
                        ),
                    );
                    ok = false;
                    continue;
                }
                for (j, cell) in cells.iter().enumerate() {
                    match graph_file::weight(cell, false) {
                        Ok(w) => matrix.set(i, j, w),
                        Err(message) => {
                            self.problem(
                                *line,
                                format!("row {}, column {}: {message}", i + 1, j + 1),
                            );
                            ok = false;
                        }
                    }
                }
            }
            matrices.push(matrix);
        }
        ok.then_some(matrices)
    }

    /// Reads an edge list (`i j [weight]`) or node list (`i j k …`).
    fn list(
        &mut self,
        data: &[(u64, Vec<&str>)],
        n: usize,
        format: Format,
        embedded: bool,
        labels: &mut Vec<(String, Option<u64>)>,
    ) -> Option<Matrix> {
        let mut by_label: BTreeMap<String, usize> =
            labels.iter().enumerate().map(|(i, (l, _))| (l.to_lowercase(), i)).collect();
        let mut matrix = Matrix::new();
        let mut ok = true;
        for (line, words) in data {
            let mut node = |word: &str, this: &mut Self| -> Option<usize> {
                if !embedded {
                    if let Ok(i) = word.parse::<usize>() {
                        if (1..=n).contains(&i) {
                            return Some(i - 1);
                        }
                        this.problem(*line, format!("node {i} is not among 1..{n} (n={n})"));
                        return None;
                    }
                }
                if let Some(&i) = by_label.get(&word.to_lowercase()) {
                    return Some(i);
                }
                if embedded && labels.len() < n {
                    labels.push((word.to_owned(), Some(*line)));
                    by_label.insert(word.to_lowercase(), labels.len() - 1);
                    return Some(labels.len() - 1);
                }
                let what = if embedded {
                    format!("a new label beyond n={n}")
                } else {
                    format!("neither a number 1..{n} nor a label")
                };
                this.problem(*line, format!("node `{word}` is {what}"));
                None
            };
            if words.len() < 2 {
                self.problem(
                    *line,
                    format!("`{}` names one node; a line names a tie, `i j`", words.join(" ")),
                );
                ok = false;
                continue;
            }
            let from = node(words[0], self);
            match format {
                Format::EdgeList => {
                    let to = node(words[1], self);
                    let weight = match words.get(2) {
                        None => Ok(1.0),
                        Some(w) => graph_file::weight(w, false),
                    };
                    if words.len() > 3 {
                        self.problem(
                            *line,
                            format!(
                                "{} values; an edge list line is `i j` or `i j weight`",
                                words.len()
                            ),
                        );
                        ok = false;
                    }
                    match (from, to, weight) {
                        (Some(i), Some(j), Ok(w)) => matrix.set(i, j, w),
                        (_, _, Err(message)) => {
                            self.problem(*line, message);
                            ok = false;
                        }
                        _ => ok = false,
                    }
                }
                _ => {
                    let targets: Vec<Option<usize>> =
                        words[1..].iter().map(|w| node(w, self)).collect();
                    match from {
                        Some(i) if targets.iter().all(Option::is_some) => {
                            for j in targets.into_iter().flatten() {
                                matrix.set(i, j, 1.0);
                            }
                        }
                        _ => ok = false,
                    }
                }
            }
        }
        ok.then_some(matrix)
    }
}

/// Whether a header word starts the next section (so that a short list of labels stops there).
fn is_section(word: &str, next: Option<&str>) -> bool {
    let lower = word.to_ascii_lowercase();
    lower == "data:"
        || (lower == "matrix" && next.is_some_and(|n| n.to_ascii_lowercase().starts_with("labels")))
        || (lower == "labels"
            && next.is_some_and(|n| n.to_ascii_lowercase().starts_with("embedded")))
}

/// A header line of the older listing: (rows, columns, kind), e.g. ` 4 , 10 , 10 ,N,NB`.
fn listing_header(line: &str) -> Option<(usize, usize, String)> {
    let fields: Vec<&str> = line.split(',').map(str::trim).collect();
    if fields.len() != 5 || fields[0].parse::<u32>().is_err() {
        return None;
    }
    let rows = fields[1].parse().ok()?;
    let columns = fields[2].parse().ok()?;
    let kind = fields[4];
    (fields[3].chars().all(|c| c.is_ascii_alphabetic())
        && kind.chars().all(|c| c.is_ascii_alphabetic()))
    .then(|| (rows, columns, kind.to_ascii_uppercase()))
}

/// Reads the older listing (see the module documentation).
fn read_listing(
    path: &str,
    lines: &[(u64, &str)],
    diagnostics: &mut Diagnostics,
) -> Option<GraphFile> {
    let at = |line: u64| Location { path: path.to_owned(), line: Some(line) };
    let mut actors: Vec<FileActor> = Vec::new();
    let mut layers: Vec<FileLayer> = Vec::new();
    let mut ok = true;
    let mut i = 0;
    let mut name: Option<(String, u64)> = None;
    while i < lines.len() {
        let (line, text) = lines[i];
        let Some((rows, columns, kind)) = listing_header(text) else {
            if !text.trim().is_empty() {
                name = Some((text.trim().to_owned(), line));
            }
            i += 1;
            continue;
        };
        let Some(&(labels_line, labels_text)) = lines.get(i + 1) else {
            diagnostics.push(at(line), "a block header with no line of labels after it");
            return None;
        };
        let labels: Vec<String> =
            labels_text.split(',').map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()).collect();
        if labels.len() != columns {
            diagnostics.push(
                at(labels_line),
                format!("{} labels; the block header declares {columns} columns", labels.len()),
            );
            return None;
        }
        let body: Vec<(u64, Vec<&str>)> = lines[i + 2..]
            .iter()
            .take(rows)
            .map(|(l, t)| {
                (
                    *l,
                    t.split(|c: char| c.is_whitespace() || c == ',')
                        .filter(|w| !w.is_empty())
                        .collect(),
                )
            })
            .collect();
        if body.len() < rows || body.iter().any(|(_, cells)| cells.is_empty()) {
            let line = body.iter().find(|(_, c)| c.is_empty()).map_or(labels_line, |(l, _)| *l);
            diagnostics.push(
                at(line),
                format!(
                    "the block has {} rows; its header declares {rows}",
                    body.iter().take_while(|(_, c)| !c.is_empty()).count()
                ),
            );
            return None;
        }
        match kind.as_str() {
            "NB" => {
                if rows != columns {
                    diagnostics.push(
                        at(line),
                        format!("a {rows}×{columns} matrix; a network matrix is square"),
                    );
                    return None;
                }
                if actors.is_empty() {
                    actors = labels
                        .iter()
                        .map(|l| FileActor {
                            label: l.clone(),
                            line: Some(labels_line),
                            attributes: BTreeMap::new(),
                        })
                        .collect();
                } else if rows != actors.len() {
                    diagnostics.push(at(line), format!("a {rows}×{rows} matrix; the first matrix has {} actors, each matrix lists the same ones", actors.len()));
                    return None;
                }
                let mut matrix = Matrix::new();
                for (r, (row_line, cells)) in body.iter().enumerate() {
                    if cells.len() != columns {
                        diagnostics.push(
                            at(*row_line),
                            format!(
                                "row {} has {} values; the matrix has {columns} columns",
                                r + 1,
                                cells.len()
                            ),
                        );
                        ok = false;
                        continue;
                    }
                    for (c, cell) in cells.iter().enumerate() {
                        match graph_file::weight(cell, false) {
                            Ok(w) => matrix.set(r, c, w),
                            Err(message) => {
                                diagnostics.push(
                                    at(*row_line),
                                    format!("row {}, column {}: {message}", r + 1, c + 1),
                                );
                                ok = false;
                            }
                        }
                    }
                }
                let (layer_name, layer_line) = name.take().map_or_else(
                    || (graph_file::unnamed_layer(layers.len(), layers.len() + 1), line),
                    |(n, l)| (n.to_lowercase(), l),
                );
                layers.push(FileLayer {
                    name: layer_name,
                    line: Some(layer_line),
                    ties: matrix.ties(),
                });
            }
            "LM" => {
                name = None;
                for (row_line, cells) in &body {
                    let index =
                        cells[0].parse::<usize>().ok().filter(|&k| (1..=actors.len()).contains(&k));
                    let Some(index) = index else {
                        diagnostics.push(
                            at(*row_line),
                            format!("`{}` is not an actor number 1..{}", cells[0], actors.len()),
                        );
                        ok = false;
                        continue;
                    };
                    if cells.len() != columns {
                        diagnostics.push(
                            at(*row_line),
                            format!("{} values; the table has {columns} columns", cells.len()),
                        );
                        ok = false;
                        continue;
                    }
                    for (label, value) in labels.iter().zip(cells).skip(1) {
                        actors[index - 1]
                            .attributes
                            .insert(attribute_name(label), (*value).to_owned());
                    }
                }
            }
            other => {
                diagnostics.push(at(line), format!("block kind `{other}` is not read; expected NB (a network matrix) or LM (a table of attributes)"));
                return None;
            }
        }
        i += 2 + rows;
    }
    if actors.is_empty() {
        diagnostics.push(at(1), "no network matrix (a block of kind NB); nothing to read");
        return None;
    }
    ok.then(|| GraphFile { path: path.to_owned(), actors, layers })
}

/// An attribute's name: the label in lower case, with `ucinet_` before a name a workspace gives
/// a column of its own (`sector` → `ucinet_sector`).
fn attribute_name(label: &str) -> String {
    let name = label.to_lowercase();
    if super::workspace::ACTOR_COLUMNS.contains(&name.as_str()) {
        format!("ucinet_{name}")
    } else {
        name
    }
}
