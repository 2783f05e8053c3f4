//! Pajek networks (`.net`): `*Vertices n`, then lines `i "label"` (coordinates and drawing
//! options after the label are ignored; a vertex without a line is named by its number), then
//! sections `*Arcs` (directed: `i j [weight]`), `*Edges` (undirected), `*Arcslist` and
//! `*Edgeslist` (`i j k …`: ties from `i`), and `*Matrix` (n rows of n values; directed unless
//! symmetric). A section may be named, `*Arcs :2 "money"`; sections of the same name are one
//! layer, unnamed ones the layer `ties` (or `ties-K` by their number `:K`). Lines starting with
//! `%` are comments.

use std::collections::BTreeMap;

use super::graph_file::{self, FileActor, FileLayer, FileTie, GraphFile, Matrix, words};
use super::ucinet::MAX_ACTORS;
use crate::error::{Diagnostics, Location};

#[derive(Clone, Copy, PartialEq)]
enum Section {
    Vertices,
    Arcs,
    Edges,
    ArcsList,
    EdgesList,
    Matrix,
}

const SECTIONS: &str = "*Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist or *Matrix";

/// Reads a Pajek network.
pub(crate) fn read(path: &str, bytes: &[u8], diagnostics: &mut Diagnostics) -> Option<GraphFile> {
    let text = graph_file::text(bytes);
    let at = |line: u64| Location { path: path.to_owned(), line: Some(line) };
    let mut n: Option<usize> = None;
    let mut labels: Vec<(String, Option<u64>)> = Vec::new();
    // Layers by name, in order of first appearance: their line and ties.
    let mut layers: Vec<FileLayer> = Vec::new();
    let mut section: Option<(Section, usize)> = None;
    let mut matrix: Option<(Matrix, usize, usize)> = None; // (cells, next row, layer)
    let mut ok = true;
    let mut last_line = 1;
    for (index, raw) in text.lines().enumerate() {
        let line = index as u64 + 1;
        last_line = line;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('%') {
            continue;
        }
        if let Some(star) = trimmed.strip_prefix('*') {
            if let Some((m, row, layer)) = matrix.take() {
                finish_matrix(&m, row, layer, n.unwrap_or(0), line, &mut layers, path, diagnostics);
            }
            let parts = words(star);
            let keyword = parts.first().map(|w| w.to_ascii_lowercase()).unwrap_or_default();
            let kind = match keyword.as_str() {
                "vertices" => Section::Vertices,
                "arcs" => Section::Arcs,
                "edges" => Section::Edges,
                "arcslist" => Section::ArcsList,
                "edgeslist" => Section::EdgesList,
                "matrix" => Section::Matrix,
                _ => {
                    diagnostics.push(
                        at(line),
                        format!(
                            "section `*{}` is not read; expected {SECTIONS}",
                            parts.first().unwrap_or(&"")
                        ),
                    );
                    ok = false;
                    section = None;
                    continue;
                }
            };
            if kind == Section::Vertices {
                if n.is_some() {
                    diagnostics
                        .push(at(line), "a second `*Vertices`; a network has one list of vertices");
                    return None;
                }
                match parts.get(1).map(|w| w.parse::<usize>()) {
                    Some(Ok(count)) if count <= MAX_ACTORS && parts.len() == 2 => {
                        n = Some(count);
                        labels = (1..=count).map(|i| (i.to_string(), None)).collect();
                    }
                    _ if parts.len() > 2 => {
                        diagnostics.push(at(line), format!("`{trimmed}` declares a two-mode network; stakenet reads one-mode networks, `*Vertices n`"));
                        return None;
                    }
                    _ => {
                        diagnostics.push(at(line), format!("`{trimmed}`; expected `*Vertices n` with n the number of vertices, 0 to {MAX_ACTORS}"));
                        return None;
                    }
                }
                section = Some((Section::Vertices, 0));
                continue;
            }
            if n.is_none() {
                diagnostics.push(
                    at(line),
                    format!(
                        "`*{}` before `*Vertices n`; a Pajek network lists its vertices first",
                        parts[0]
                    ),
                );
                return None;
            }
            let name = layer_name(&parts[1..]);
            let layer = match layers.iter().position(|l| l.name == name) {
                Some(k) => k,
                None => {
                    layers.push(FileLayer { name, line: Some(line), ties: Vec::new() });
                    layers.len() - 1
                }
            };
            if kind == Section::Matrix {
                matrix = Some((Matrix::new(), 0, layer));
            }
            section = Some((kind, layer));
            continue;
        }
        let Some((kind, layer)) = section else {
            diagnostics.push(
                at(line),
                format!(
                    "`{}` is outside a section; a Pajek network starts with `*Vertices n`",
                    shorten(trimmed)
                ),
            );
            return None;
        };
        let n = n.unwrap_or(0);
        let fields = words(trimmed);
        if fields.is_empty() {
            continue;
        }
        let vertex = |word: &str| -> Result<usize, String> {
            match word.parse::<usize>() {
                Ok(i) if (1..=n).contains(&i) => Ok(i - 1),
                _ => Err(format!("vertex `{word}` is not a number 1..{n} (*Vertices {n})")),
            }
        };
        match kind {
            Section::Vertices => match vertex(fields[0]) {
                Ok(i) => {
                    if let Some(label) = fields.get(1) {
                        labels[i] = ((*label).to_owned(), Some(line));
                    }
                }
                Err(message) => {
                    diagnostics.push(at(line), message);
                    ok = false;
                }
            },
            Section::Arcs | Section::Edges => {
                let weight = match fields.get(2) {
                    None => Ok(1.0),
                    Some(w) => graph_file::weight(w, false),
                };
                let ends = fields.get(1).map(|to| (vertex(fields[0]), vertex(to)));
                match (ends, weight) {
                    (None, _) => {
                        diagnostics.push(
                            at(line),
                            format!(
                                "`{}` names one vertex; a line names a tie, `i j` or `i j weight`",
                                shorten(trimmed)
                            ),
                        );
                        ok = false;
                    }
                    (Some((Ok(i), Ok(j))), Ok(w)) => {
                        if i != j && w > 0.0 {
                            layers[layer].ties.push(FileTie {
                                source: i,
                                target: j,
                                weight: w,
                                directed: kind == Section::Arcs,
                            });
                        }
                    }
                    (Some((from, to)), weight) => {
                        for message in [from.err(), to.err(), weight.err()].into_iter().flatten() {
                            diagnostics.push(at(line), message);
                        }
                        ok = false;
                    }
                }
            }
            Section::ArcsList | Section::EdgesList => {
                let ends: Vec<Result<usize, String>> = fields.iter().map(|w| vertex(w)).collect();
                if ends.iter().any(Result::is_err) {
                    for message in ends.into_iter().filter_map(Result::err) {
                        diagnostics.push(at(line), message);
                    }
                    ok = false;
                    continue;
                }
                let ends: Vec<usize> = ends.into_iter().flatten().collect();
                for &j in &ends[1..] {
                    if j != ends[0] {
                        layers[layer].ties.push(FileTie {
                            source: ends[0],
                            target: j,
                            weight: 1.0,
                            directed: kind == Section::ArcsList,
                        });
                    }
                }
            }
            Section::Matrix => {
                let Some((cells, row, _)) = matrix.as_mut() else { continue };
                if *row >= n {
                    diagnostics.push(
                        at(line),
                        format!("row {} of a matrix of {n} rows (*Vertices {n})", *row + 1),
                    );
                    ok = false;
                    continue;
                }
                if fields.len() != n {
                    diagnostics.push(
                        at(line),
                        format!(
                            "matrix row {} has {} values; *Vertices {n} needs {n}",
                            *row + 1,
                            fields.len()
                        ),
                    );
                    ok = false;
                }
                for (j, cell) in fields.iter().enumerate().take(n) {
                    match graph_file::weight(cell, false) {
                        Ok(w) => cells.set(*row, j, w),
                        Err(message) => {
                            diagnostics.push(
                                at(line),
                                format!("matrix row {}, column {}: {message}", *row + 1, j + 1),
                            );
                            ok = false;
                        }
                    }
                }
                *row += 1;
            }
        }
    }
    if let Some((m, row, layer)) = matrix.take() {
        finish_matrix(&m, row, layer, n.unwrap_or(0), last_line, &mut layers, path, diagnostics);
    }
    let Some(_) = n else {
        diagnostics.push(at(1), "no `*Vertices n`; a Pajek network starts with its vertices");
        return None;
    };
    let actors = labels
        .into_iter()
        .map(|(label, line)| FileActor { label, line, attributes: BTreeMap::new() })
        .collect();
    (ok && diagnostics.is_empty()).then(|| GraphFile { path: path.to_owned(), actors, layers })
}

/// The layer of a section from what follows its keyword: `:2 "money"` → `money`, `:2` →
/// `ties-2`, nothing → `ties`.
fn layer_name(rest: &[&str]) -> String {
    let number = rest.first().and_then(|w| w.strip_prefix(':'));
    match (number, rest.get(1)) {
        (Some(_), Some(name)) => name.to_lowercase(),
        (Some(k), None) if !k.is_empty() => format!("{}-{k}", graph_file::UNNAMED_LAYER),
        (None, Some(_)) | (None, None) | (Some(_), None) => match rest.first() {
            Some(name) if number.is_none() => name.to_lowercase(),
            _ => graph_file::UNNAMED_LAYER.to_owned(),
        },
    }
}

#[allow(clippy::too_many_arguments)]
fn finish_matrix(
    matrix: &Matrix,
    rows: usize,
    layer: usize,
    n: usize,
    line: u64,
    layers: &mut [FileLayer],
    path: &str,
    diagnostics: &mut Diagnostics,
) {
    if rows != n {
        diagnostics.push(
            Location { path: path.to_owned(), line: Some(line) },
            format!("the *Matrix section has {rows} rows; *Vertices {n} needs {n}"),
        );
    }
    layers[layer].ties.extend(matrix.ties());
}

fn shorten(text: &str) -> String {
    let short: String = text.chars().take(40).collect();
    if short.len() < text.len() { format!("{short}…") } else { short }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_name_their_layers() {
        assert_eq!(layer_name(&[]), "ties");
        assert_eq!(layer_name(&[":2"]), "ties-2");
        assert_eq!(layer_name(&[":1", "Money"]), "money");
        assert_eq!(layer_name(&["Information"]), "information");
    }
}
