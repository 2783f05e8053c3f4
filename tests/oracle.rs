//! Every measure against the independent oracle in `tests/oracle/` (NetworkX, igraph, R sna,
//! uunet; see its README for versions). Tolerance 1e-9, 1e-6 for PageRank and eigenvector.

use std::collections::BTreeMap;

use serde_json::Value;
use stakenet::analysis::{
    BrokerageConfig, CentralityConfig, GroupBy, brokerage, centrality, graph_structure,
    group_nodes, layer_views, multiplex, multiplex_of, weak_components,
};
use stakenet::{LayerChoice, Network, Source, View, ViewSpec, load};

use crate::common::{assert_close, repo_root};

const GRAPHS: &[&str] = &[
    "karate",
    "florentine",
    "aucs",
    "random_directed_weighted",
    "random_undirected_weighted",
    "random_directed_sparse",
    "regio_deals_comembership",
];

struct Case {
    name: &'static str,
    network: Network,
    expected: Value,
}

impl Case {
    fn load(name: &'static str) -> Case {
        let oracle = repo_root().join("tests/oracle");
        let expected_path = oracle.join("expected").join(format!("{name}.json"));
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&expected_path).unwrap()).unwrap();
        let source = if name == "regio_deals_comembership" {
            Source::Folder(repo_root().join("fixtures/regio-deals"))
        } else {
            Source::Folder(oracle.join("graphs").join(name))
        };
        Case { name, network: load(&source).unwrap(), expected }
    }

    fn view(&self) -> View {
        // The Regio Deal workspace has relations, so its default view draws on them; the oracle
        // graph is its derived comembership layer.
        let spec = if self.name == "regio_deals_comembership" {
            ViewSpec::default().with_layers(vec![LayerChoice::Comembership])
        } else {
            ViewSpec::default()
        };
        View::build(&self.network, &spec).unwrap()
    }

    fn group_by(&self) -> GroupBy {
        if self.name == "regio_deals_comembership" {
            GroupBy::Sector
        } else {
            GroupBy::Attribute("group".into())
        }
    }

    fn key(&self, view: &View, node: usize) -> String {
        self.network.actor(view.actor(node as u32)).key.clone()
    }
}

fn cases() -> Vec<Case> {
    GRAPHS.iter().map(|name| Case::load(name)).collect()
}

/// Compares an optional value with the oracle's number or `null`.
#[track_caller]
fn check(actual: Option<f64>, expected: &Value, tolerance: f64, what: &str) {
    match (actual, expected.as_f64()) {
        (Some(a), Some(e)) => assert_close(a, e, tolerance, what),
        (None, None) => {}
        (Some(a), None) if !a.is_finite() => {}
        _ => panic!("{what}: got {actual:?}, expected {expected}"),
    }
}

#[test]
fn views_have_the_oracles_size_and_direction() {
    for case in cases() {
        let view = case.view();
        assert_eq!(
            view.n_nodes() as u64,
            case.expected["n_nodes"].as_u64().unwrap(),
            "{}",
            case.name
        );
        assert_eq!(
            view.n_ties() as u64,
            case.expected["n_ties"].as_u64().unwrap(),
            "{}",
            case.name
        );
        assert_eq!(
            view.is_directed(),
            case.expected["directed"].as_bool().unwrap(),
            "{}",
            case.name
        );
    }
}

#[test]
fn centrality_matches_networkx() {
    for case in cases() {
        let view = case.view();
        for (block, weighted) in [("unweighted", false), ("weighted", true)] {
            let config = CentralityConfig::default().with_weighted(weighted);
            let scores = centrality(&view, &config).unwrap();
            let expected = &case.expected["centrality"][block];
            for (node, s) in scores.iter().enumerate() {
                let key = case.key(&view, node);
                let e = &expected[&key];
                let what = |m: &str| format!("{} {block} {m} of {key}", case.name);
                assert_eq!(s.degree as u64, e["degree"].as_u64().unwrap(), "{}", what("degree"));
                assert_eq!(s.in_degree as u64, e["in_degree"].as_u64().unwrap(), "{}", what("in"));
                assert_eq!(
                    s.out_degree as u64,
                    e["out_degree"].as_u64().unwrap(),
                    "{}",
                    what("out")
                );
                check(Some(s.strength), &e["strength"], 1e-9, &what("strength"));
                check(s.betweenness, &e["betweenness"], 1e-9, &what("betweenness"));
                check(s.closeness, &e["closeness"], 1e-9, &what("closeness"));
                check(s.harmonic, &e["harmonic"], 1e-9, &what("harmonic"));
                check(s.eigenvector, &e["eigenvector"], 1e-6, &what("eigenvector"));
                check(s.pagerank, &e["pagerank"], 1e-6, &what("pagerank"));
            }
        }
    }
}

#[test]
fn per_layer_centrality_matches_networkx() {
    let case = Case::load("florentine");
    let per_layer = case.expected["per_layer_centrality"].as_object().unwrap();
    assert!(!per_layer.is_empty());
    for (layer, blocks) in per_layer {
        let layer_id = case.network.layer_id(layer).unwrap();
        let spec = ViewSpec::default().with_layers(vec![LayerChoice::Explicit(layer_id)]);
        let view = View::build(&case.network, &spec).unwrap();
        let scores = centrality(&view, &CentralityConfig::default()).unwrap();
        for (node, s) in scores.iter().enumerate() {
            let key = case.key(&view, node);
            let e = &blocks["unweighted"][&key];
            let what = |m: &str| format!("florentine {layer} {m} of {key}");
            check(s.betweenness, &e["betweenness"], 1e-9, &what("betweenness"));
            check(s.closeness, &e["closeness"], 1e-9, &what("closeness"));
            check(s.harmonic, &e["harmonic"], 1e-9, &what("harmonic"));
            check(s.eigenvector, &e["eigenvector"], 1e-6, &what("eigenvector"));
            check(s.pagerank, &e["pagerank"], 1e-6, &what("pagerank"));
        }
    }
}

#[test]
fn network_structure_matches_networkx_and_sna() {
    for case in cases() {
        let view = case.view();
        let s = graph_structure(&view);
        let e = &case.expected["graph_level"];
        let what = |m: &str| format!("{} {m}", case.name);
        check(Some(s.density), &e["density"], 1e-9, &what("density"));
        check(s.reciprocity, &e["reciprocity"], 1e-9, &what("reciprocity"));
        check(
            s.degree_centralization,
            &e["degree_centralization"],
            1e-9,
            &what("degree centralization"),
        );
        check(
            s.betweenness_centralization,
            &e["betweenness_centralization"],
            1e-9,
            &what("betweenness centralization"),
        );
        check(
            s.closeness_centralization,
            &e["closeness_centralization"],
            1e-9,
            &what("closeness centralization"),
        );
        check(
            s.harmonic_centralization,
            &e["harmonic_centralization"],
            1e-9,
            &what("harmonic centralization"),
        );
        check(Some(s.connectedness), &e["connectedness"], 1e-9, &what("connectedness"));
        check(s.hierarchy, &e["hierarchy"], 1e-9, &what("hierarchy"));
        check(s.efficiency, &e["efficiency"], 1e-9, &what("efficiency"));
        check(s.lub, &e["lub"], 1e-9, &what("lub"));
        assert_eq!(
            s.n_weak_components as u64,
            e["n_weak_components"].as_u64().unwrap(),
            "{}",
            what("components")
        );
    }
}

#[test]
fn weak_components_match_networkx() {
    for case in cases() {
        let view = case.view();
        let labels = weak_components(&view);
        // Two actors share a component in stakenet exactly when they share one in the oracle.
        let mut oracle_of: BTreeMap<String, String> = BTreeMap::new();
        for (key, label) in case.expected["components"].as_object().unwrap() {
            oracle_of.insert(key.clone(), label.as_str().unwrap().to_owned());
        }
        for a in 0..view.n_nodes() {
            for b in (a + 1..view.n_nodes()).step_by(7) {
                let same_here = labels[a] == labels[b];
                let same_there = oracle_of[&case.key(&view, a)] == oracle_of[&case.key(&view, b)];
                assert_eq!(
                    same_here,
                    same_there,
                    "{}: {} and {}",
                    case.name,
                    case.key(&view, a),
                    case.key(&view, b)
                );
            }
        }
    }
}

#[test]
fn brokerage_matches_sna_and_networkx() {
    for case in cases() {
        let view = case.view();
        let grouping = group_nodes(&case.network, &view, &case.group_by()).unwrap();
        for weighted in [false, true] {
            let config = BrokerageConfig::default().with_weighted(weighted).with_expected(true);
            let result = brokerage(&view, &grouping, &config).unwrap();
            let block = if weighted { "weighted" } else { "unweighted" };
            for (node, scores) in result.nodes.iter().enumerate() {
                let key = case.key(&view, node);
                let what = |m: &str| format!("{} {m} of {key}", case.name);
                let roles = [
                    (
                        "coordinator",
                        scores.raw.coordinator,
                        scores.expected.coordinator,
                        scores.z.coordinator,
                    ),
                    (
                        "itinerant",
                        scores.raw.itinerant,
                        scores.expected.itinerant,
                        scores.z.itinerant,
                    ),
                    (
                        "gatekeeper",
                        scores.raw.gatekeeper,
                        scores.expected.gatekeeper,
                        scores.z.gatekeeper,
                    ),
                    (
                        "representative",
                        scores.raw.representative,
                        scores.expected.representative,
                        scores.z.representative,
                    ),
                    ("liaison", scores.raw.liaison, scores.expected.liaison, scores.z.liaison),
                    ("total", scores.raw.total, scores.expected.total, scores.z.total),
                ];
                for (role, raw, expected, z) in roles {
                    assert_eq!(
                        raw,
                        case.expected["brokerage"][&key][role].as_u64().unwrap(),
                        "{}",
                        what(role)
                    );
                    check(
                        expected,
                        &case.expected["brokerage_expected"][&key][role],
                        1e-9,
                        &what(&format!("expected {role}")),
                    );
                    check(
                        z,
                        &case.expected["brokerage_z"][&key][role],
                        1e-9,
                        &what(&format!("z {role}")),
                    );
                }
                check(
                    scores.constraint,
                    &case.expected["constraint"][block][&key],
                    1e-9,
                    &what(&format!("{block} constraint")),
                );
                let expected_size = &case.expected["effective_size"][block][&key];
                // NetworkX's per-node code calls an actor whose ties all come in "isolated"
                // (NaN); stakenet scores it from its mutual ties, as Burt's formula and
                // NetworkX's own all-nodes code do.
                let only_incoming = view.is_directed()
                    && view.out_arcs().degree(node as u32) == 0
                    && view.in_arcs().degree(node as u32) > 0;
                if !(only_incoming && expected_size.is_null()) {
                    let what = what(&format!("{block} effective size"));
                    check(scores.effective_size, expected_size, 1e-9, &what);
                }
            }
        }
    }
}

#[test]
fn multiplex_measures_match_uunet() {
    for name in ["florentine", "aucs"] {
        let case = Case::load(name);
        let spec = ViewSpec::default().with_layers(
            (0..case.network.layers().len())
                .map(|i| LayerChoice::Explicit(stakenet::LayerId::from_index(i))),
        );
        let views = layer_views(&case.network, &spec).unwrap();
        let result = multiplex(&views).unwrap();
        // Taken from the network layer by layer, without a view per layer: the same result.
        assert_eq!(multiplex_of(&case.network, &spec).unwrap(), result);
        let expected = &case.expected["layers"];
        let mut n_checked = 0;
        for entry in &result.actors {
            let key = &case.network.actor(entry.actor).key;
            if let Some(across) = expected["across"].get(key.as_str()) {
                let what = format!("{name} across the layers of {key}");
                assert_close(
                    entry.degree_deviation(result.layers.len()),
                    across["degree_deviation"].as_f64().unwrap(),
                    1e-9,
                    &format!("{what}: degree deviation"),
                );
                assert_close(
                    entry.connective_redundancy().unwrap(),
                    across["connective_redundancy"].as_f64().unwrap(),
                    1e-9,
                    &format!("{what}: connective redundancy"),
                );
                n_checked += 1;
            }
            for l in 0..result.layers.len() {
                let measures = entry.layer(l);
                let layer = View::layer_name(&case.network, result.layers[l]);
                let e = &expected["actors"][key.as_str()][layer];
                let what = |m: &str| format!("{name} {m} of {key} in {layer}");
                match measures {
                    None => assert!(e.is_null(), "{}", what("presence")),
                    Some(m) => {
                        assert_eq!(
                            m.degree as u64,
                            e["degree"].as_u64().unwrap(),
                            "{}",
                            what("degree")
                        );
                        assert_eq!(
                            m.neighborhood as u64,
                            e["neighborhood"].as_u64().unwrap(),
                            "{}",
                            what("neighborhood")
                        );
                        assert_eq!(
                            m.xneighborhood as u64,
                            e["xneighborhood"].as_u64().unwrap(),
                            "{}",
                            what("xneighborhood")
                        );
                        check(Some(m.relevance), &e["relevance"], 1e-9, &what("relevance"));
                        check(Some(m.xrelevance), &e["xrelevance"], 1e-9, &what("xrelevance"));
                        n_checked += 1;
                    }
                }
            }
        }
        assert!(n_checked > 20, "{name}: only {n_checked} values checked");
        assert_eq!(
            result.all_overlaps().count(),
            result.layers.len() * (result.layers.len() - 1) / 2
        );
        for overlap in result.all_overlaps() {
            let (a, b) = (
                View::layer_name(&case.network, overlap.first),
                View::layer_name(&case.network, overlap.second),
            );
            let pair = if a < b { format!("{a}|{b}") } else { format!("{b}|{a}") };
            check(
                overlap.jaccard,
                &expected["overlap"][&pair],
                1e-9,
                &format!("{name} overlap {pair}"),
            );
        }
    }
}
