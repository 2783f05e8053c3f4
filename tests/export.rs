//! `stakenet export`: snapshots of the four formats on `fixtures/tiny`, the XML parsed back
//! with quick-xml, names with every awkward character surviving as text in each format,
//! Graphviz accepting the DOT (when `dot` is installed; in CI, where `CI` is set, it must be),
//! determinism, and the command line.

use std::collections::HashMap;
use std::path::Path;

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use stakenet::render::{
    ExportOptions, MixedEdges, Timeline, export_cytoscape, export_dot, export_gexf,
    export_gexf_with, export_graphml,
};
use stakenet::{Network, Source, load};

use crate::common::{
    fixture, graphviz_installed, stakenet, stdout_text, tiny, workspace_with, write_csv,
};

/// Every character that needs care: markup, both quotes, a backslash (and DOT's `\N`), a line
/// break, a control character XML cannot hold, and a right-to-left override.
pub(crate) const NASTY: &str = "<script>alert(1)</script> & \"double\" 'single' back\\slash \\N\nline two \u{1} \u{202E}mirrored";

/// `NASTY` as XML can hold it: the control character replaced with U+FFFD.
pub(crate) fn nasty_in_xml() -> String {
    NASTY.replace('\u{1}', "\u{FFFD}")
}

/// A workspace with `NASTY` as an actor and a coalition name, `<script>…` as another name, ids
/// that clash with generated ones (`r0`, `coalition:deal`), a numeric and a code-like free
/// column, and a free relation column named `label`.
pub(crate) fn nasty_workspace(dir: &Path) -> Network {
    let write = |file: &str, rows: &[&[&str]]| write_csv(dir, file, rows);
    write(
        "actors.csv",
        &[
            &["id", "name", "sector", "parent", "score", "code"],
            &["nasty", NASTY, "government", "", "1.5", "0123"],
            &["plain", "<script>alert(1)</script>", "business", "nasty", "2", "4"],
            &["r0", "Clashes with an edge id", "citizens", "", "-3e2", ""],
            &["coalition:deal", "Clashes with a coalition node id", "", "", "", ""],
        ],
    );
    write(
        "relations.csv",
        &[
            &["source", "target", "layer", "label"],
            &["nasty", "plain", "collaboration", "a & b"],
            &["plain", "nasty", "funding", ""],
            &["r0", "plain", "funding", ""],
        ],
    );
    write("coalitions.csv", &[&["id", "name"], &["deal", NASTY]]);
    write("members.csv", &[&["coalition", "actor", "role"], &["deal", "nasty", "lead"]]);
    load(&Source::Folder(dir.to_owned())).unwrap()
}

#[test]
fn graphml_of_tiny() {
    insta::assert_snapshot!(export_graphml(&tiny(), MixedEdges::Keep));
}

#[test]
fn gexf_of_tiny() {
    insta::assert_snapshot!(export_gexf(&tiny(), MixedEdges::Keep));
}

#[test]
fn cytoscape_json_of_tiny() {
    insta::assert_snapshot!(export_cytoscape(&tiny()));
}

#[test]
fn dot_of_tiny() {
    insta::assert_snapshot!(export_dot(&tiny()));
}

/// Nodes (id → attribute name → value) and edges (id → attribute name → value) of a GraphML
/// document, read with quick-xml.
type Elements = Vec<(String, HashMap<String, String>)>;

fn read_graphml(text: &str) -> (Elements, Elements, String) {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut key_names: HashMap<String, String> = HashMap::new();
    let (mut nodes, mut edges): (Elements, Elements) = (Vec::new(), Vec::new());
    let mut edge_default = String::new();
    let mut in_edge = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Empty(e) if e.name().as_ref() == b"key" => {
                key_names.insert(attribute(&e, "id"), attribute(&e, "attr.name"));
            }
            Event::Start(e) if e.name().as_ref() == b"graph" => {
                edge_default = attribute(&e, "edgedefault");
            }
            Event::Start(e) if e.name().as_ref() == b"node" => {
                in_edge = false;
                nodes.push((attribute(&e, "id"), HashMap::new()));
            }
            Event::Start(e) if e.name().as_ref() == b"edge" => {
                in_edge = true;
                let mut values = HashMap::new();
                for name in ["source", "target", "directed"] {
                    if let Some(value) = e.try_get_attribute(name).unwrap() {
                        values.insert(
                            format!("@{name}"),
                            value.normalized_value(XmlVersion::Explicit1_0).unwrap().into_owned(),
                        );
                    }
                }
                edges.push((attribute(&e, "id"), values));
            }
            Event::Start(e) if e.name().as_ref() == b"data" => {
                let name = key_names[&attribute(&e, "key")].clone();
                let raw = reader.read_text(e.name()).unwrap();
                let text = quick_xml::escape::unescape(std::str::from_utf8(&raw).unwrap())
                    .unwrap()
                    .into_owned();
                let target = if in_edge { edges.last_mut() } else { nodes.last_mut() };
                target.unwrap().1.insert(name, text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    (nodes, edges, edge_default)
}

/// `(id, value)` pairs.
type Pairs = Vec<(String, String)>;

/// Nodes (id → label) and edges (id → type) of a GEXF document, with attribute values
/// normalized as an XML 1.0 parser does.
fn read_gexf(text: &str) -> (Pairs, Pairs) {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let (mut nodes, mut edges) = (Vec::new(), Vec::new());
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"node" => {
                nodes.push((attribute(&e, "id"), attribute(&e, "label")));
            }
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"edge" => {
                edges.push((attribute(&e, "id"), attribute(&e, "type")));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    (nodes, edges)
}

fn attribute(element: &BytesStart<'_>, name: &str) -> String {
    let value = element.try_get_attribute(name).unwrap().unwrap_or_else(|| panic!("no {name}"));
    value.normalized_value(XmlVersion::Explicit1_0).unwrap().into_owned()
}

#[test]
fn graphml_parses_back_with_every_node_and_edge() {
    let network = tiny();
    let (nodes, edges, edge_default) = read_graphml(&export_graphml(&network, MixedEdges::Keep));
    assert_eq!(nodes.len(), 11 + 2);
    assert_eq!(edges.len(), 11 + 9);
    assert_eq!(edge_default, "directed");
    let uni = &nodes.iter().find(|(id, _)| id == "uni").unwrap().1;
    assert_eq!(uni["label"], "Universiteit <Voorbeeld>");
    assert_eq!(uni["influence"], "5");
    let gem_2 = &nodes.iter().find(|(id, _)| id == "gem_2").unwrap().1;
    assert_eq!(gem_2["label"], "Gemeente \"Twee\"");
    assert_eq!(gem_2["parent"], "prov");
    let deal = &nodes.iter().find(|(id, _)| id == "coalition:deal_x").unwrap().1;
    assert_eq!(deal["kind"], "coalition");
    assert_eq!(deal["national_contribution"], "10000000");
    // Each edge says its own direction; collaboration is undirected, funding directed.
    let r0 = &edges[0].1;
    assert_eq!((r0["@source"].as_str(), r0["@directed"].as_str()), ("min_a", "true"));
    assert_eq!(
        (r0["layer"].as_str(), r0["weight"].as_str(), r0["note"].as_str()),
        ("funding", "2", "tranche 2")
    );
    assert_eq!(edges[3].1["@directed"], "false");
    let m0 = &edges[11].1;
    assert_eq!(
        (m0["@target"].as_str(), m0["layer"].as_str(), m0["role"].as_str()),
        ("coalition:deal_x", "membership", "signatory")
    );
    assert_eq!(m0["directed"], "false");
}

#[test]
fn mixed_directed_writes_arcs_and_keeps_the_direction_as_an_attribute() {
    let network = tiny();
    let (_, edges, edge_default) = read_graphml(&export_graphml(&network, MixedEdges::Directed));
    assert_eq!(edge_default, "directed");
    assert!(edges.iter().all(|(_, values)| !values.contains_key("@directed")));
    assert_eq!(edges[3].1["directed"], "false");
    let (_, gexf_edges) = read_gexf(&export_gexf(&network, MixedEdges::Directed));
    assert!(gexf_edges.iter().all(|(_, edge_type)| edge_type == "directed"));
    let text = export_gexf(&network, MixedEdges::Directed);
    assert!(text.contains("<graph mode=\"static\" defaultedgetype=\"directed\">"), "{text}");
}

#[test]
fn gexf_parses_back_with_every_node_and_edge() {
    let text = export_gexf(&tiny(), MixedEdges::Keep);
    // Mixed: no defaultedgetype (the schema has no `mixed`), a type on every edge.
    assert!(text.contains("<graph mode=\"static\">"), "{text}");
    let (nodes, edges) = read_gexf(&text);
    assert_eq!(nodes.len(), 13);
    assert_eq!(edges.len(), 20);
    assert!(nodes.contains(&("uni".to_owned(), "Universiteit <Voorbeeld>".to_owned())));
    assert!(nodes.contains(&("bedrijf".to_owned(), "Bedrijf & Zonen".to_owned())));
    assert_eq!(edges[0], ("r0".to_owned(), "directed".to_owned()));
    assert_eq!(edges[3], ("r3".to_owned(), "undirected".to_owned()));
    assert_eq!(edges[19], ("m8".to_owned(), "undirected".to_owned()));
}

#[test]
fn a_network_without_coalitions_or_directed_ties_is_undirected() {
    let dir = workspace_with(&[
        ("actors.csv", "id,name\na,A\nb,B\n"),
        ("relations.csv", "source,target,layer\na,b,collaboration\n"),
    ]);
    let network = load(&Source::Folder(dir.path().to_owned())).unwrap();
    let graphml = export_graphml(&network, MixedEdges::Keep);
    assert!(graphml.contains("edgedefault=\"undirected\""), "{graphml}");
    let gexf = export_gexf(&network, MixedEdges::Directed);
    assert!(gexf.contains("defaultedgetype=\"undirected\""), "{gexf}");
    assert!(gexf.contains("type=\"undirected\""), "{gexf}");
}

#[test]
fn awkward_names_survive_as_text_in_graphml() {
    let dir = tempfile::tempdir().unwrap();
    let network = nasty_workspace(dir.path());
    let text = export_graphml(&network, MixedEdges::Keep);
    assert!(!text.contains("<script>"), "markup must be escaped");
    let (nodes, edges, _) = read_graphml(&text);
    let node = |id: &str| &nodes.iter().find(|(node_id, _)| node_id == id).unwrap().1;
    assert_eq!(node("nasty")["label"], nasty_in_xml());
    assert_eq!(node("plain")["label"], "<script>alert(1)</script>");
    assert_eq!(node("coalition:deal")["label"], "Clashes with a coalition node id");
    assert_eq!(node("_coalition:deal")["label"], nasty_in_xml());
    assert_eq!(node("_coalition:deal")["kind"], "coalition");
    // Free columns: plain numbers are doubles, codes stay text; `label` is taken.
    assert!(text.contains("attr.name=\"score\" attr.type=\"double\""), "{text}");
    assert!(text.contains("attr.name=\"code\" attr.type=\"string\""), "{text}");
    assert_eq!(node("nasty")["code"], "0123");
    assert_eq!(node("r0")["score"], "-300");
    assert_eq!(edges[0].1["attr_label"], "a & b");
    // Ids are unique across nodes and edges.
    let ids: Vec<&str> = nodes.iter().chain(&edges).map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        ["coalition:deal", "nasty", "plain", "r0", "_coalition:deal", "_r0", "r1", "r2", "m0"]
    );
}

#[test]
fn awkward_names_survive_as_text_in_gexf() {
    let dir = tempfile::tempdir().unwrap();
    let network = nasty_workspace(dir.path());
    let text = export_gexf(&network, MixedEdges::Keep);
    assert!(!text.contains("<script>"), "markup must be escaped");
    // The line break is a character reference, or attribute normalization would eat it.
    assert!(text.contains("mirrored&#10;") || text.contains("\\N&#10;line two"), "{text}");
    let (nodes, _) = read_gexf(&text);
    let label = |id: &str| &nodes.iter().find(|(node_id, _)| node_id == id).unwrap().1;
    assert_eq!(label("nasty"), &nasty_in_xml());
    assert_eq!(label("plain"), "<script>alert(1)</script>");
    assert_eq!(label("_coalition:deal"), &nasty_in_xml());
}

#[test]
fn awkward_names_survive_as_text_in_cytoscape_json() {
    let dir = tempfile::tempdir().unwrap();
    let network = nasty_workspace(dir.path());
    let json: serde_json::Value = serde_json::from_str(&export_cytoscape(&network)).unwrap();
    let nodes = json["elements"]["nodes"].as_array().unwrap();
    let node = |id: &str| &nodes.iter().find(|n| n["data"]["id"] == id).unwrap()["data"];
    // JSON holds every character, the control character included.
    assert_eq!(node("nasty")["name"], NASTY);
    assert_eq!(node("plain")["name"], "<script>alert(1)</script>");
    assert_eq!(node("nasty")["score"], 1.5);
    assert_eq!(node("nasty")["code"], "0123");
    let edges = json["elements"]["edges"].as_array().unwrap();
    assert_eq!(edges.len(), 4);
    assert_eq!(edges[0]["data"]["directed"], false);
    assert_eq!(edges[3]["data"]["target"], "_coalition:deal");
}

/// A quoted DOT string back to its text: `\"` → `"`, `\\` → `\`, `\n` → line break.
fn unquote_dot(quoted: &str) -> String {
    let inner = quoted.strip_prefix('"').unwrap().strip_suffix('"').unwrap();
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next().unwrap() {
                'n' => out.push('\n'),
                other => out.push(other),
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn awkward_names_survive_as_text_in_dot() {
    use graphviz_rust::dot_structures::{Graph, Id, NodeId, Stmt};
    let dir = tempfile::tempdir().unwrap();
    let network = nasty_workspace(dir.path());
    let text = export_dot(&network);
    let Graph::DiGraph { stmts, .. } = graphviz_rust::parse(&text).unwrap() else {
        panic!("not a digraph")
    };
    let mut labels = HashMap::new();
    let mut collect = |statements: &[Stmt]| {
        for statement in statements {
            if let Stmt::Node(node) = statement {
                let NodeId(Id::Escaped(id), _) = &node.id else { panic!("unquoted id") };
                for attribute in &node.attributes {
                    if let (Id::Plain(name), Id::Escaped(value)) = (&attribute.0, &attribute.1) {
                        if name == "label" {
                            labels.insert(unquote_dot(id), unquote_dot(value));
                        }
                    }
                }
            }
        }
    };
    collect(&stmts);
    for statement in &stmts {
        if let Stmt::Subgraph(subgraph) = statement {
            collect(&subgraph.stmts);
        }
    }
    assert_eq!(labels["nasty"], nasty_in_xml());
    assert_eq!(labels["plain"], "<script>alert(1)</script>");
    assert_eq!(labels["_coalition:deal"], nasty_in_xml());
    assert!(text.contains("subgraph \"cluster_nasty\""), "{text}");
}

#[test]
fn graphviz_accepts_the_dot() {
    if !graphviz_installed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let nasty = nasty_workspace(dir.path());
    for (what, network) in
        [("tiny", tiny()), ("nasty", nasty), ("bundled", load(&Source::Bundled).unwrap())]
    {
        let output = assert_cmd::Command::new("dot")
            .arg("-Tsvg")
            .write_stdin(export_dot(&network))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success() && stderr.is_empty(), "{what}: {stderr}");
        let svg = String::from_utf8(output.stdout).unwrap();
        if what == "nasty" {
            assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{svg}");
            assert!(svg.contains("\u{202E}mirrored"), "{svg}");
        }
    }
}

#[test]
fn the_same_content_gives_the_same_bytes_whatever_the_file_layout() {
    // tiny, tiny-excel (`;`, decimal commas) and tiny-json hold the same network.
    let layouts = [
        Source::Folder(fixture("tiny")),
        Source::Folder(fixture("tiny-excel")),
        Source::JsonFile(fixture("tiny-json").join("network.json")),
    ];
    let exports = |network: &Network| {
        [
            export_graphml(network, MixedEdges::Keep),
            export_gexf(network, MixedEdges::Keep),
            export_cytoscape(network),
            export_dot(network),
        ]
    };
    let expected = exports(&tiny());
    for source in &layouts {
        assert_eq!(exports(&load(source).unwrap()), expected, "{source:?}");
    }
    // Actor rows in another order: nodes are ordered by id, so nothing changes.
    let dir = tempfile::tempdir().unwrap();
    for file in ["relations.csv", "coalitions.csv", "members.csv"] {
        std::fs::copy(fixture("tiny").join(file), dir.path().join(file)).unwrap();
    }
    let actors = std::fs::read_to_string(fixture("tiny").join("actors.csv")).unwrap();
    let mut lines: Vec<&str> = actors.lines().collect();
    lines[1..].reverse();
    std::fs::write(dir.path().join("actors.csv"), lines.join("\n") + "\n").unwrap();
    assert_eq!(exports(&load(&Source::Folder(dir.path().to_owned())).unwrap()), expected);
}

#[test]
fn cli_writes_each_format_to_standard_output() {
    let tiny = tiny();
    let expected = [
        ("graphml", export_graphml(&tiny, MixedEdges::Keep)),
        // The command line writes GEXF with Gephi's timeline (tiny has dates).
        (
            "gexf",
            export_gexf_with(&tiny, &ExportOptions::default().with_timeline(Timeline::WhenDated)),
        ),
        ("json", export_cytoscape(&tiny)),
        ("dot", export_dot(&tiny)),
    ];
    for (format, text) in expected {
        stakenet()
            .args(["export", "fixtures/tiny", "--format", format])
            .assert()
            .success()
            .stdout(text);
    }
    let directed = export_graphml(&tiny, MixedEdges::Directed);
    stakenet()
        .args(["export", "fixtures/tiny", "--format", "graphml", "--mixed", "directed"])
        .assert()
        .success()
        .stdout(directed);
}

#[test]
fn cli_exports_the_bundled_workspace_by_default() {
    let output = stakenet().args(["export", "--format", "json"]).assert().success();
    let json: serde_json::Value = serde_json::from_slice(&output.get_output().stdout).unwrap();
    let network = load(&Source::Bundled).unwrap();
    let nodes = json["elements"]["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), network.actors().len() + network.coalitions().len());
    let edges = json["elements"]["edges"].as_array().unwrap();
    assert_eq!(edges.len(), network.relations().len() + network.memberships().len());
}

#[test]
fn cli_writes_to_a_file_and_takes_the_format_from_its_extension() {
    let dir = tempfile::tempdir().unwrap();
    for (file, format) in
        [("t.graphml", "graphml"), ("t.gexf", "gexf"), ("t.json", "json"), ("t.gv", "dot")]
    {
        let path = dir.path().join(file);
        stakenet().args(["export", "fixtures/tiny", "-o"]).arg(&path).assert().success().stdout("");
        let expected = stakenet()
            .args(["export", "fixtures/tiny", "--format", format])
            .output()
            .unwrap()
            .stdout;
        assert_eq!(std::fs::read(&path).unwrap(), expected, "{file}");
    }
    // --format wins over the extension.
    let path = dir.path().join("network.xml");
    stakenet()
        .args(["export", "fixtures/tiny", "--format", "gexf", "-o"])
        .arg(&path)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&path).unwrap().contains("<gexf "));
}

#[test]
fn cli_explains_missing_formats_and_misplaced_options() {
    stakenet()
        .args(["export", "fixtures/tiny"])
        .assert()
        .code(2)
        .stderr("error: export needs --format graphml, gexf, json or dot (or -o FILE ending in .graphml, .gexf, .json, .dot or .gv)\n");
    stakenet()
        .args(["export", "fixtures/tiny", "--format", "dot", "--mixed", "directed"])
        .assert()
        .code(2)
        .stderr("error: --mixed directed applies to --format graphml and gexf; json and dot always keep each tie's direction\n");
    stakenet().args(["export", "fixtures/tiny", "--format", "pdf"]).assert().code(2);
}

#[test]
fn cli_never_writes_over_an_input_file() {
    let dir = tempfile::tempdir().unwrap();
    for file in ["actors.csv", "relations.csv", "coalitions.csv", "members.csv"] {
        std::fs::copy(fixture("tiny").join(file), dir.path().join(file)).unwrap();
    }
    let before = std::fs::read(dir.path().join("relations.csv")).unwrap();
    stakenet()
        .arg("export")
        .arg(dir.path())
        .args(["--format", "json", "-o"])
        .arg(dir.path().join("relations.csv"))
        .assert()
        .code(2);
    assert_eq!(std::fs::read(dir.path().join("relations.csv")).unwrap(), before);
}

#[test]
fn export_help_mentions_coalitions_and_mixed_graphs() {
    let output = stakenet().args(["export", "--help"]).assert().success();
    let help = stdout_text(&output);
    assert!(help.contains("Coalitions become nodes of kind `coalition`"), "{help}");
    assert!(help.contains("--mixed directed"), "{help}");
}
