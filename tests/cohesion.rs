//! Issue 21, cohesion and descriptives: core numbers, maximal cliques, Leiden communities and
//! their modularity, transitivity, clustering, path lengths per component and the triad census,
//! against the NetworkX/igraph oracle `tests/oracle/cohesion.py` (values in
//! `tests/oracle/cohesion/`); the same output at any thread count; the `cohesion` command.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::Value;
use stakenet::analysis::{
    LeidenConfig, TRIAD_TYPES, core_numbers, descriptives, leiden, maximal_cliques, modularity,
};
use stakenet::{Network, Source, View, ViewSpec, load};

use crate::common::{assert_close, repo_root, stakenet, stdout_json, stdout_text};

const GRAPHS: &[&str] = &[
    "karate",
    "florentine",
    "random_undirected",
    "random_directed",
    "disconnected",
    "directed_disconnected",
    "planted_clear",
    "planted_uneven",
    "planted_fuzzy",
];

struct Case {
    name: &'static str,
    network: Network,
    view: View,
    expected: Value,
}

impl Case {
    fn load(name: &'static str) -> Case {
        let root = repo_root().join("tests/oracle/cohesion");
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(root.join(format!("{name}.json"))).unwrap(),
        )
        .unwrap();
        let network = load(&Source::Folder(root.join("graphs").join(name))).unwrap();
        let view = View::build(&network, &ViewSpec::default()).unwrap();
        Case { name, network, view, expected }
    }

    fn key(&self, node: usize) -> &str {
        &self.network.actor(self.view.actor(node as u32)).key
    }

    /// The partition `by_key` (actor id → label) in node order.
    fn partition(&self, by_key: &Value) -> Vec<u32> {
        (0..self.view.n_nodes())
            .map(|node| by_key[self.key(node)].as_u64().unwrap() as u32)
            .collect()
    }
}

fn cases() -> impl Iterator<Item = Case> {
    GRAPHS.iter().map(|name| Case::load(name))
}

#[test]
fn core_numbers_match_networkx() {
    for case in cases() {
        let core = core_numbers(&case.view);
        for (node, &k) in core.iter().enumerate() {
            let expected = case.expected["core_number"][case.key(node)].as_u64().unwrap();
            assert_eq!(u64::from(k), expected, "{}: core number of {}", case.name, case.key(node));
        }
    }
}

#[test]
fn maximal_cliques_match_networkx_in_order() {
    for case in cases() {
        let cliques = maximal_cliques(&case.network, &case.view, usize::MAX);
        let ours: Vec<Vec<&str>> = cliques
            .cliques
            .iter()
            .map(|c| c.iter().map(|&a| case.network.actor(a).key.as_str()).collect())
            .collect();
        let expected: Vec<Vec<&str>> = case.expected["cliques"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect())
            .collect();
        assert_eq!(ours, expected, "{}: cliques", case.name);
        assert_eq!(cliques.total as usize, expected.len(), "{}", case.name);
        // A cap keeps the first ones and still counts all.
        let capped = maximal_cliques(&case.network, &case.view, 3);
        assert_eq!(capped.cliques.len(), expected.len().min(3));
        assert_eq!(capped.total, cliques.total);
        assert_eq!(capped.cliques[..], cliques.cliques[..capped.cliques.len()]);
    }
}

#[test]
fn descriptives_match_networkx() {
    for case in cases() {
        let d = descriptives(&case.view);
        let e = &case.expected;
        let what = |figure: &str| format!("{}: {figure}", case.name);
        assert_close(
            d.transitivity,
            e["transitivity"].as_f64().unwrap(),
            1e-12,
            &what("transitivity"),
        );
        assert_close(
            d.average_clustering.unwrap(),
            e["average_clustering"].as_f64().unwrap(),
            1e-12,
            &what("average clustering"),
        );
        let components = e["components"].as_array().unwrap();
        assert_eq!(d.components.len(), components.len(), "{}", what("components"));
        for (ours, theirs) in d.components.iter().zip(components) {
            assert_eq!(ours.size as u64, theirs["actors"].as_u64().unwrap(), "{}", what("size"));
            assert_eq!(
                case.network.actor(ours.first).key,
                theirs["first"].as_str().unwrap(),
                "{}",
                what("first")
            );
            assert_close(
                ours.average_path_length,
                theirs["average_path_length"].as_f64().unwrap(),
                1e-12,
                &what("average path length"),
            );
            assert_eq!(u64::from(ours.diameter), theirs["diameter"].as_u64().unwrap());
        }
        assert_eq!(d.isolated as u64, e["isolated"].as_u64().unwrap(), "{}", what("isolated"));
        for (i, name) in TRIAD_TYPES.iter().enumerate() {
            assert_eq!(
                d.triad_census[i],
                e["triadic_census"][name].as_u64().unwrap(),
                "{}",
                what(&format!("triad {name}"))
            );
        }
    }
}

#[test]
fn modularity_matches_networkx_on_stakenets_partition() {
    for case in cases() {
        let partition = case.partition(&case.expected["stakenet_partition"]);
        let q = modularity(&case.view, &partition).unwrap();
        let expected = case.expected["modularity_of_stakenet_partition"].as_f64().unwrap();
        assert_close(q, expected, 1e-9, &format!("{}: modularity", case.name));
    }
}

/// Normalized mutual information (arithmetic mean normalization, as scikit-learn's default).
fn nmi(a: &[u32], b: &[u32]) -> f64 {
    let n = a.len() as f64;
    let mut joint: HashMap<(u32, u32), f64> = HashMap::new();
    let mut pa: HashMap<u32, f64> = HashMap::new();
    let mut pb: HashMap<u32, f64> = HashMap::new();
    for (&x, &y) in a.iter().zip(b) {
        *joint.entry((x, y)).or_default() += 1.0 / n;
        *pa.entry(x).or_default() += 1.0 / n;
        *pb.entry(y).or_default() += 1.0 / n;
    }
    let entropy = |p: &HashMap<u32, f64>| -p.values().map(|&q| q * q.ln()).sum::<f64>();
    let mutual: f64 = joint.iter().map(|(&(x, y), &p)| p * (p / (pa[&x] * pb[&y])).ln()).sum();
    let (ha, hb) = (entropy(&pa), entropy(&pb));
    if ha + hb == 0.0 { 1.0 } else { 2.0 * mutual / (ha + hb) }
}

#[test]
fn leiden_reaches_igraph_and_recovers_planted_communities() {
    for case in cases() {
        let result = leiden(&case.view, &LeidenConfig::default());
        let q = result.modularity.unwrap();
        for peer in ["igraph_leiden_modularity", "igraph_multilevel_modularity"] {
            let theirs = case.expected[peer].as_f64().unwrap();
            assert!(
                q >= theirs - 0.01,
                "{}: modularity {q} below {peer} {theirs} − 0.01",
                case.name
            );
        }
        // The oracle recorded this partition from the command line with --seed 1.
        assert_eq!(result.community, case.partition(&case.expected["stakenet_partition"]));
        assert_close(
            q,
            case.expected["modularity_of_stakenet_partition"].as_f64().unwrap(),
            1e-9,
            case.name,
        );
        if case.expected["planted_is_clear"].as_bool() == Some(true) {
            let planted = case.partition(&case.expected["planted"]);
            let score = nmi(&result.community, &planted);
            assert!(score >= 0.95, "{}: NMI {score} vs the planted partition", case.name);
        }
    }
}

#[test]
fn leiden_communities_are_connected_and_seeds_repeat() {
    for case in cases() {
        let a = leiden(&case.view, &LeidenConfig::default().with_seed(42));
        let b = leiden(&case.view, &LeidenConfig::default().with_seed(42));
        assert_eq!(a, b, "{}", case.name);
        // Every community is connected within itself (Leiden's guarantee).
        let n = case.view.n_nodes();
        let mut members: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        for node in 0..n as u32 {
            members.entry(a.community[node as usize]).or_default().push(node);
        }
        for (community, nodes) in members {
            let mut seen = BTreeSet::from([nodes[0]]);
            let mut stack = vec![nodes[0]];
            while let Some(v) = stack.pop() {
                let out = case.view.out_arcs().neighbors(v).iter();
                for &u in out.chain(case.view.in_arcs().neighbors(v)) {
                    if a.community[u as usize] == community && seen.insert(u) {
                        stack.push(u);
                    }
                }
            }
            assert_eq!(
                seen.len(),
                nodes.len(),
                "{}: community {community} not connected",
                case.name
            );
        }
    }
}

#[test]
fn the_same_output_at_any_thread_count() {
    let graph = "tests/oracle/cohesion/graphs/planted_uneven";
    for command in ["cohesion", "centrality"] {
        for workspace in [Some(graph), None] {
            let run = |threads: &str| {
                let mut args = vec![command, "--format", "json", "--threads", threads];
                args.extend(workspace);
                stakenet().args(&args).assert().success().get_output().stdout.clone()
            };
            let one = run("1");
            assert_eq!(one, run("2"), "{command} {workspace:?}");
            assert_eq!(one, run("4"), "{command} {workspace:?}");
        }
    }
}

#[test]
fn centrality_json_carries_the_descriptives() {
    let case = Case::load("disconnected");
    let json = stdout_json(&[
        "centrality",
        "tests/oracle/cohesion/graphs/disconnected",
        "--format",
        "json",
    ]);
    let network = &json["network"];
    let e = &case.expected;
    assert_close(
        network["transitivity"].as_f64().unwrap(),
        e["transitivity"].as_f64().unwrap(),
        1e-12,
        "transitivity",
    );
    assert_close(
        network["average_clustering"].as_f64().unwrap(),
        e["average_clustering"].as_f64().unwrap(),
        1e-12,
        "average clustering",
    );
    let largest = &e["components"][0];
    assert_close(
        network["average_path_length"].as_f64().unwrap(),
        largest["average_path_length"].as_f64().unwrap(),
        1e-12,
        "average path length",
    );
    assert_eq!(network["diameter"], largest["diameter"]);
    assert_eq!(
        network["path_lengths"].as_array().unwrap().len(),
        e["components"].as_array().unwrap().len()
    );
    let census: Vec<&String> = network["triad_census"].as_object().unwrap().keys().collect();
    assert_eq!(census, TRIAD_TYPES.to_vec());
    assert_eq!(network["triad_census"], e["triadic_census"]);
    let notes = network["notes"].to_string();
    assert!(notes.contains("largest weak component"), "{notes}");
    assert!(notes.contains("only the types 003, 102, 201 and 300"), "{notes}");
}

#[test]
fn cohesion_on_the_bundled_workspace() {
    let json = stdout_json(&["cohesion", "--format", "json"]);
    let actors = json["actors"].as_array().unwrap();
    assert!(!actors.is_empty());
    assert_eq!(
        actors[0].as_object().unwrap().keys().collect::<Vec<_>>(),
        ["id", "name", "sector", "level", "core", "community"]
    );
    let count = json["communities"]["count"].as_u64().unwrap();
    assert!(count >= 2);
    assert!(json["communities"]["modularity"].as_f64().unwrap() > 0.0);
    let cliques = &json["cliques"];
    let members = cliques["members"].as_array().unwrap();
    assert_eq!(members.len() as u64, cliques["listed"].as_u64().unwrap());
    assert!(members.len() <= 100);
    let sizes: Vec<usize> = members.iter().map(|c| c.as_array().unwrap().len()).collect();
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");
    assert_eq!(sizes[0] as u64, cliques["largest"].as_u64().unwrap());
    for clique in members {
        let ids: Vec<&str> =
            clique.as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert!(ids.is_sorted(), "{ids:?}");
    }
    let table = stdout_text(&stakenet().args(["cohesion", "--format", "table"]).assert().success());
    assert!(table.contains("communities (Leiden, seed 1), modularity "), "{table}");
    assert!(table.contains("note: the view is taken as undirected"), "{table}");
}

#[test]
fn cohesion_refuses_an_unknown_sort_column() {
    let assert = stakenet().args(["cohesion", "--sort", "betweenness"]).assert().code(2);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("--sort betweenness: unknown measure; expected one of core, community"),
        "{stderr}"
    );
}
