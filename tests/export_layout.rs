//! `stakenet export --with-layout --with-measures`: the map's positions, colours and sizes
//! and the centrality figures, read back by NetworkX (`tests/oracle/export_layout.py`; when
//! python3 with networkx is there, required in CI) against the library's own map and
//! centrality; the same bytes at any thread count; the plain export unchanged; hostile names
//! still text; the flags refused for dot.

use std::path::Path;

use serde_json::{Map, Value, json};
use stakenet::analysis::{CentralityConfig, centrality};
use stakenet::render::{
    ExportOptions, MapModel, MapOptions, MixedEdges, export_cytoscape, export_cytoscape_with,
    export_gexf, export_gexf_with, export_graphml, export_graphml_with,
};
use stakenet::{Network, Source, View, ViewSpec, load};

use crate::common::{
    fixture, is_close, load_fixture, networkx_installed, repo_root, stakenet, stderr_text, tiny,
};
use crate::export::{nasty_in_xml, nasty_workspace};

/// The map `stakenet map` draws of the whole network, and the default centrality.
fn map_and_scores(network: &Network) -> (MapModel, Vec<stakenet::analysis::ActorCentrality>) {
    let spec = ViewSpec::default();
    let view = View::build(network, &spec).unwrap();
    let map = MapModel::build(network, &spec, &view, &MapOptions::default()).unwrap();
    let scores = centrality(&view, &CentralityConfig::default()).unwrap();
    (map, scores)
}

/// What NetworkX must find: every actor's label, position, radius, colour and measures, and
/// every coalition node's id and label.
fn expectation(network: &Network, label: impl Fn(&str) -> String) -> Value {
    let (map, scores) = map_and_scores(network);
    let mut actors = Map::new();
    for (node, colour) in map.nodes.iter().zip(map.colours()) {
        let score = scores.iter().find(|s| s.actor == node.actor).unwrap();
        let mut measures = Map::new();
        measures.insert("degree".into(), json!(score.degree as f64));
        measures.insert("strength".into(), json!(score.strength));
        for (name, value) in [
            ("betweenness", score.betweenness),
            ("closeness", score.closeness),
            ("harmonic", score.harmonic),
            ("eigenvector", score.eigenvector),
            ("pagerank", score.pagerank),
        ] {
            if let Some(value) = value.filter(|v| v.is_finite()) {
                measures.insert(name.into(), json!(value));
            }
        }
        actors.insert(
            node.key.clone(),
            json!({
                "label": label(&node.name),
                "x": node.position[0],
                "y": node.position[1],
                "radius": node.radius,
                "colour": colour,
                "measures": measures,
            }),
        );
    }
    assert_eq!(actors.len(), network.actors().len(), "every actor is on the map");
    let mut coalitions = Map::new();
    for coalition in network.coalitions() {
        let mut id = format!("coalition:{}", coalition.key);
        while network.actor_id(&id).is_some() || coalitions.contains_key(&id) {
            id.insert(0, '_');
        }
        coalitions.insert(id, json!(label(&coalition.name)));
    }
    json!({
        "actors": actors,
        "coalitions": coalitions,
        "measures": ["degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank"],
    })
}

/// Exports `workspace` (`None`: the bundled one) as GEXF and GraphML with both flags through
/// the command line, and has NetworkX check them against `expected`.
fn read_back_with_networkx(workspace: Option<&Path>, mut expected: Value, dir: &Path, name: &str) {
    for format in ["gexf", "graphml"] {
        let out = dir.join(format!("{name}.{format}"));
        let mut command = stakenet();
        command.arg("export");
        if let Some(workspace) = workspace {
            command.arg(workspace);
        }
        command
            .args(["--with-layout", "--with-measures", "--mixed", "directed", "-o"])
            .arg(&out)
            .assert()
            .success();
        expected[format] = json!(out.to_str().unwrap());
    }
    let file = dir.join(format!("{name}.json"));
    std::fs::write(&file, serde_json::to_string(&expected).unwrap()).unwrap();
    let output = std::process::Command::new("python3")
        .arg(repo_root().join("tests/oracle/export_layout.py"))
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{name}: NetworkX disagrees:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn networkx_reads_the_maps_positions_colours_sizes_and_the_measures() {
    if !networkx_installed() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let same = |name: &str| name.to_owned();
    let tiny_path = fixture("tiny");
    read_back_with_networkx(Some(&tiny_path), expectation(&tiny(), same), dir.path(), "tiny");
    let bundled = load(&Source::Bundled).unwrap();
    read_back_with_networkx(None, expectation(&bundled, same), dir.path(), "bundled");
    let nasty = tempfile::tempdir().unwrap();
    let network = nasty_workspace(nasty.path());
    let in_xml = |name: &str| name.replace('\u{1}', "\u{FFFD}");
    assert_eq!(in_xml(crate::export::NASTY), nasty_in_xml());
    read_back_with_networkx(Some(nasty.path()), expectation(&network, in_xml), dir.path(), "nasty");
}

#[test]
fn every_actor_sits_where_the_map_draws_it() {
    // Without Python: the positions written are the map's, digit for digit.
    let network = load_fixture("twente-analyst");
    let (map, scores) = map_and_scores(&network);
    let options = ExportOptions::default().with_layout(&map).with_measures(&scores);
    let gexf = export_gexf_with(&network, &options);
    let graphml = export_graphml_with(&network, &options);
    let json: Value = serde_json::from_str(&export_cytoscape_with(&network, &options)).unwrap();
    let positions: Vec<&Value> =
        json["elements"]["nodes"].as_array().unwrap().iter().map(|n| &n["position"]).collect();
    for node in &map.nodes {
        let [x, y] = node.position;
        let gephi_y = if y == 0.0 { "0".to_owned() } else { (-y).to_string() };
        let x_text = if x == 0.0 { "0".to_owned() } else { x.to_string() };
        assert!(
            gexf.contains(&format!("<viz:position x=\"{x_text}\" y=\"{gephi_y}\" z=\"0\"/>")),
            "{}: GEXF position",
            node.key
        );
        let corner = format!("x=\"{}\" y=\"{}\"/>", x - node.radius, y - node.radius);
        assert!(graphml.contains(&corner), "{}: yEd geometry {corner}", node.key);
        assert!(
            // serde_json reads floats to within an ulp, not exactly.
            positions.iter().any(|p| {
                is_close(p["x"].as_f64().unwrap(), x, 1e-9)
                    && is_close(p["y"].as_f64().unwrap(), y, 1e-9)
            }),
            "{}: Cytoscape.js position",
            node.key
        );
    }
    assert!(graphml.contains("xmlns:y=\"http://www.yworks.com/xml/graphml\""));
    assert!(graphml.contains("yfiles.type=\"nodegraphics\""));
    assert!(gexf.contains("xmlns:viz=\"http://gexf.net/1.3/viz\""));
}

#[test]
fn without_the_flags_the_export_is_unchanged() {
    let network = tiny();
    let plain = ExportOptions::default();
    assert_eq!(export_gexf_with(&network, &plain), export_gexf(&network, MixedEdges::Keep));
    assert_eq!(export_graphml_with(&network, &plain), export_graphml(&network, MixedEdges::Keep));
    assert_eq!(export_cytoscape_with(&network, &plain), export_cytoscape(&network));
    for format in ["gexf", "graphml", "json"] {
        let output = stakenet()
            .args(["export", "fixtures/tiny", "--format", format])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(output).unwrap();
        assert!(!text.contains("viz:") && !text.contains("yworks") && !text.contains("position"));
        assert!(!text.contains("pagerank"), "{format}: no measures without --with-measures");
    }
}

#[test]
fn the_same_bytes_at_any_thread_count() {
    for format in ["gexf", "graphml", "json"] {
        let run = |threads: &str| {
            stakenet()
                .args(["export", "--format", format, "--with-layout", "--with-measures"])
                .args(["--threads", threads])
                .assert()
                .success()
                .get_output()
                .stdout
                .clone()
        };
        assert_eq!(run("1"), run("4"), "{format}");
    }
}

#[test]
fn the_flags_are_refused_for_dot() {
    for flag in ["--with-layout", "--with-measures"] {
        let assert =
            stakenet().args(["export", "fixtures/tiny", "--format", "dot", flag]).assert().code(2);
        let stderr = stderr_text(&assert);
        assert!(
            stderr.contains(&format!("error: {flag} applies to --format graphml, gexf and json")),
            "{stderr}"
        );
    }
}

#[test]
fn a_free_column_named_like_a_measure_gives_way() {
    let dir = tempfile::tempdir().unwrap();
    crate::common::write_csv(
        dir.path(),
        "actors.csv",
        &[&["id", "name", "degree"], &["a", "A", "7"], &["b", "B", "8"]],
    );
    crate::common::write_csv(dir.path(), "relations.csv", &[&["source", "target"], &["a", "b"]]);
    let network = load(&Source::Folder(dir.path().to_owned())).unwrap();
    let (_, scores) = map_and_scores(&network);
    let measured = export_graphml_with(&network, &ExportOptions::default().with_measures(&scores));
    assert!(measured.contains("attr.name=\"degree\""));
    assert!(measured.contains("attr.name=\"attr_degree\""));
    let plain = export_graphml(&network, MixedEdges::Keep);
    assert!(plain.contains("attr.name=\"degree\"") && !plain.contains("attr_degree"));
}

#[test]
fn a_coalition_sits_small_and_grey_beside_its_members() {
    let network = tiny();
    let (map, _) = map_and_scores(&network);
    let options = ExportOptions::default().with_layout(&map);
    let json: Value = serde_json::from_str(&export_cytoscape_with(&network, &options)).unwrap();
    let nodes = json["elements"]["nodes"].as_array().unwrap();
    let position = |id: &str| {
        let node = nodes.iter().find(|n| n["data"]["id"] == id).unwrap();
        [node["position"]["x"].as_f64().unwrap(), node["position"]["y"].as_f64().unwrap()]
    };
    for (index, coalition) in network.coalitions().iter().enumerate() {
        let members: Vec<_> = network
            .memberships()
            .iter()
            .filter(|m| m.coalition.index() == index)
            .map(|m| map.nodes.iter().find(|n| n.actor == m.actor).unwrap())
            .collect();
        assert!(!members.is_empty());
        let n = members.len() as f64;
        let mean = [
            members.iter().map(|m| m.position[0]).sum::<f64>() / n,
            members.iter().map(|m| m.position[1]).sum::<f64>() / n,
        ];
        let largest = members.iter().map(|m| m.radius).fold(0.0, f64::max);
        let [x, y] = position(&format!("coalition:{}", coalition.key));
        let offset = (x - mean[0]).hypot(y - mean[1]);
        assert!(is_close(offset, largest + 4.0 + 2.0, 1e-9), "{}: {offset}", coalition.key);
    }
    let gexf = export_gexf_with(&network, &options);
    let coalition = &gexf[gexf.find("<node id=\"coalition:").unwrap()..];
    let coalition = &coalition[..coalition.find("</node>").unwrap()];
    assert!(coalition.contains("<viz:color r=\"158\" g=\"158\" b=\"158\"/>"), "{coalition}");
    assert!(coalition.contains("<viz:size value=\"4\"/>"), "{coalition}");
}

#[test]
fn gexf_of_tiny_with_measures() {
    let network = tiny();
    let (_, scores) = map_and_scores(&network);
    insta::assert_snapshot!(export_gexf_with(
        &network,
        &ExportOptions::default().with_measures(&scores)
    ));
}
