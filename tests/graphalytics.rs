//! The LDBC Graphalytics validation graphs (a peer's test suite, `tests/graphalytics/`):
//! PageRank with a fixed number of iterations (relative error ≤ 1e-4) and weakly connected
//! components labelled by the smallest vertex id (exact).

use std::collections::{BTreeMap, BTreeSet};

use stakenet::analysis::{PowerIterationConfig, pagerank, weak_components};
use stakenet::{Network, Source, View, ViewSpec, load};

use crate::common::repo_root;

fn read(path: &str) -> String {
    std::fs::read_to_string(repo_root().join("tests/graphalytics").join(path)).unwrap()
}

/// A Graphalytics adjacency list as a stakenet network: vertex ids become actor ids; a directed
/// graph gets one directed layer, an undirected one each edge once (listed from either end).
fn network(input: &str, directed: bool) -> Network {
    let mut vertices = BTreeSet::new();
    let mut edges = BTreeSet::new();
    for line in input.lines().filter(|l| !l.trim().is_empty()) {
        let mut ids = line.split_whitespace().map(|x| x.parse::<u64>().unwrap());
        let v = ids.next().unwrap();
        vertices.insert(v);
        for u in ids {
            vertices.insert(u);
            edges.insert(if directed || v < u { (v, u) } else { (u, v) });
        }
    }
    let mut actors = String::from("id\n");
    for v in &vertices {
        actors.push_str(&format!("{v}\n"));
    }
    let mut relations = String::from("source,target,layer,directed\n");
    for (a, b) in &edges {
        relations.push_str(&format!("{a},{b},link,{directed}\n"));
    }
    load(&Source::Memory(vec![
        ("actors.csv".into(), actors.into_bytes()),
        ("relations.csv".into(), relations.into_bytes()),
    ]))
    .unwrap()
}

fn expected(output: &str) -> BTreeMap<String, String> {
    output
        .lines()
        .filter_map(|line| line.split_once(' '))
        .map(|(v, value)| (v.to_owned(), value.trim().to_owned()))
        .collect()
}

fn check_pagerank(input: &str, output: &str, directed: bool, iterations: usize) {
    let network = network(&read(input), directed);
    let view = View::build(&network, &ViewSpec::default()).unwrap();
    let config = PowerIterationConfig::default()
        .with_alpha(0.85)
        .with_tolerance(None)
        .with_max_iterations(iterations);
    let scores = pagerank(&view, &config).unwrap();
    let expected = expected(&read(output));
    assert_eq!(expected.len(), view.n_nodes(), "{input}: vertex count");
    for (node, score) in scores.iter().enumerate() {
        let id = &network.actor(view.actor(node as u32)).key;
        let want: f64 = expected[id].parse().unwrap();
        let error = (score - want).abs() / want.abs();
        assert!(error <= 1e-4, "{input}: PR of {id} is {score}, expected {want}");
    }
}

fn check_components(input: &str, output: &str, directed: bool) {
    let network = network(&read(input), directed);
    let view = View::build(&network, &ViewSpec::default()).unwrap();
    let labels = weak_components(&view);
    let expected = expected(&read(output));
    // Graphalytics labels a component by its smallest vertex id; stakenet by a node index.
    // Map each stakenet label to the smallest vertex id carrying it.
    let mut smallest: BTreeMap<u32, u64> = BTreeMap::new();
    for (node, &label) in labels.iter().enumerate() {
        let id: u64 = network.actor(view.actor(node as u32)).key.parse().unwrap();
        let entry = smallest.entry(label).or_insert(id);
        *entry = (*entry).min(id);
    }
    for (node, label) in labels.iter().enumerate() {
        let id = &network.actor(view.actor(node as u32)).key;
        assert_eq!(smallest[label].to_string(), expected[id], "{input}: component of {id}");
    }
}

#[test]
fn pagerank_passes_the_graphalytics_validation_graphs() {
    check_pagerank("pr/dir-input", "pr/dir-output", true, 14);
    check_pagerank("pr/undir-input", "pr/undir-output", false, 26);
    check_pagerank("example/example-directed-input", "example/example-directed-PR", true, 2);
    check_pagerank("example/example-undirected-input", "example/example-undirected-PR", false, 2);
}

#[test]
fn weak_components_pass_the_graphalytics_validation_graphs() {
    check_components("wcc/dir-input", "wcc/dir-output", true);
    check_components("wcc/undir-input", "wcc/undir-output", false);
    check_components("example/example-directed-input", "example/example-directed-WCC", true);
    check_components("example/example-undirected-input", "example/example-undirected-WCC", false);
}
