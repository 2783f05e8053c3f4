//! `stakenet twomode` and the `comembership` layers against the NetworkX oracle
//! `tests/oracle/twomode.py` (`networkx.algorithms.bipartite`: Borgatti–Everett degree,
//! closeness and betweenness; the shared-count and Newman projections and the weighted degree
//! on them) on the bundled Regio Deals and seeded random workspaces, one of them in parts; a
//! star worked by hand; the same bytes at any thread count; refusals; and a coalition of
//! 20,000 members measured without building its 200 million pairs.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::Value;
use stakenet::names::{self, ViewNames};
use stakenet::{Network, Source, View, load};

use crate::common::{assert_close, repo_root, stakenet, stderr_text, stdout_json, stdout_text};

const TOLERANCE: f64 = 1e-9;

fn oracle() -> Value {
    let path = repo_root().join("tests/oracle/twomode/expected.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The cases of the oracle: name and case.
fn cases(oracle: &Value) -> Vec<(String, Value)> {
    let cases = oracle["cases"].as_object().unwrap();
    assert!(cases.len() >= 10, "the oracle has its cases");
    cases.iter().map(|(name, case)| (name.clone(), case.clone())).collect()
}

/// The command-line options of a case: the workspace, then `--at`, `--level`, `--coalition`.
fn case_args(case: &Value) -> Vec<String> {
    let mut args = vec![case["workspace"].as_str().unwrap().to_owned()];
    for (option, key) in [("--at", "at"), ("--level", "level"), ("--coalition", "coalition")] {
        if let Some(value) = case["options"][key].as_str() {
            args.extend([option.to_owned(), value.to_owned()]);
        }
    }
    args
}

fn network_of(case: &Value) -> Network {
    load(&Source::Folder(repo_root().join(case["workspace"].as_str().unwrap()))).unwrap()
}

/// The view of a case with one layer, weighted as `weight` says.
fn layer_view(network: &Network, case: &Value, layer: &str, weight: Option<&str>) -> View {
    let layers = vec![layer.to_owned()];
    let options = &case["options"];
    let mut names = ViewNames::default().with_layers(&layers);
    if let Some(at) = options["at"].as_str() {
        names = names.with_at(at);
    }
    if let Some(level) = options["level"].as_str() {
        names = names.with_level(level);
    }
    if let Some(coalition) = options["coalition"].as_str() {
        names = names.with_coalition(coalition);
    }
    if let Some(weight) = weight {
        names = names.with_weight(weight);
    }
    let spec = names::view_spec(network, &names).unwrap();
    View::build(network, &spec).unwrap()
}

/// The ties of an undirected view: `(a, b) → weight` by actor id, a < b.
fn ties(network: &Network, view: &View) -> BTreeMap<(String, String), f64> {
    let mut ties = BTreeMap::new();
    let rows = view.out_arcs();
    for node in 0..view.n_nodes() as u32 {
        for (&other, &weight) in rows.neighbors(node).iter().zip(rows.weights(node)) {
            let (a, b) =
                (&network.actor(view.actor(node)).key, &network.actor(view.actor(other)).key);
            if a < b {
                ties.insert((a.clone(), b.clone()), weight);
            }
        }
    }
    ties
}

#[test]
fn twomode_measures_agree_with_networkx() {
    for (name, case) in cases(&oracle()) {
        let mut args = vec!["twomode".to_owned()];
        args.extend(case_args(&case));
        args.extend(["--format".to_owned(), "json".to_owned()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let doc = stdout_json(&args);
        let view = &doc["view"];
        for (key, want) in [("actors", "actors"), ("coalitions", "coalitions")] {
            assert_eq!(
                view[key].as_u64().unwrap() as usize,
                case[want].as_object().unwrap().len(),
                "{name} {key}"
            );
        }
        assert_eq!(view["memberships"], case["memberships"], "{name}");
        let rows = doc["rows"].as_array().unwrap();
        assert_eq!(
            rows.len(),
            view["actors"].as_u64().unwrap() as usize
                + view["coalitions"].as_u64().unwrap() as usize
        );
        for row in rows {
            let mode = row["mode"].as_str().unwrap();
            let id = row["id"].as_str().unwrap();
            let want = &case[if mode == "actor" { "actors" } else { "coalitions" }][id];
            assert!(want.is_object(), "{name}: {mode} {id} is not in NetworkX's graph");
            assert_eq!(row["degree"], want["degree"], "{name} {id} degree");
            for measure in ["degree_centrality", "closeness", "betweenness"] {
                assert_close(
                    row[measure].as_f64().unwrap(),
                    want[measure].as_f64().unwrap(),
                    TOLERANCE,
                    &format!("{name} {mode} {id} {measure}"),
                );
            }
        }
    }
}

#[test]
fn comembership_layers_are_networkx_projections() {
    for (name, case) in cases(&oracle()) {
        let network = network_of(&case);
        for layer in ["comembership", "comembership-newman"] {
            let view = layer_view(&network, &case, layer, None);
            assert_eq!(view.layers(), [names::layer(&network, layer).unwrap()]);
            let got = ties(&network, &view);
            let want = case["projections"][layer]["ties"].as_array().unwrap();
            assert_eq!(got.len(), want.len(), "{name} {layer}: ties");
            for tie in want {
                let key =
                    (tie[0].as_str().unwrap().to_owned(), tie[1].as_str().unwrap().to_owned());
                let weight =
                    got.get(&key).unwrap_or_else(|| panic!("{name} {layer}: no tie {key:?}"));
                assert_close(
                    *weight,
                    tie[2].as_f64().unwrap(),
                    TOLERANCE,
                    &format!("{name} {layer} {key:?}"),
                );
            }
        }
        // Counted, a shared coalition weighs 1 on either layer.
        let counted =
            ties(&network, &layer_view(&network, &case, "comembership-newman", Some("count")));
        let shared = ties(&network, &layer_view(&network, &case, "comembership", None));
        assert_eq!(counted, shared, "{name}");
    }
}

#[test]
fn strength_on_the_newman_layer_is_networkx_weighted_degree() {
    for (name, case) in cases(&oracle()) {
        for layer in ["comembership-newman", "comembership"] {
            let mut args = vec!["centrality".to_owned()];
            args.extend(case_args(&case));
            args.extend(
                ["--layer", layer, "--measures", "degree", "--format", "json"].map(str::to_owned),
            );
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let doc = stdout_json(&args);
            assert_eq!(doc["view"]["layers"][0], layer);
            let want = case["projections"][layer]["strength"].as_object().unwrap();
            let actors = doc["actors"].as_array().unwrap();
            let mut members = 0;
            for actor in actors {
                let id = actor["id"].as_str().unwrap();
                // An actor of the view in no coalition is no node of NetworkX's projection.
                let expected = want.get(id).map_or(0.0, |s| s.as_f64().unwrap());
                members += usize::from(want.contains_key(id));
                assert_close(
                    actor["strength"].as_f64().unwrap(),
                    expected,
                    TOLERANCE,
                    &format!("{name} {layer} {id}"),
                );
            }
            assert_eq!(members, want.len(), "{name} {layer}: every member is an actor of the view");
        }
    }
}

/// One coalition of three members, worked by hand: each member is tied to the whole other
/// mode (degree 1) and as close as a member can be (closeness (1 + 2·2) / (1 + 2 + 2) = 1);
/// the coalition lies between the three pairs of members, the most a coalition can
/// (betweenness 3 / 3), and the members between nobody — where NetworkX divides 0 by 0,
/// their betweenness is 0.
#[test]
fn a_single_coalition_is_worked_by_hand() {
    let dir = crate::common::workspace_with(&[
        ("actors.csv", "id,name\na,A\nb,B\nc,C\nd,D\n"),
        ("coalitions.csv", "id,name\nk,Deal\n"),
        (
            "members.csv",
            "coalition,actor,role\nk,a,signatory\nk,b,lead\nk,c,involved\nk,a,lead\nk,d,programme\n",
        ),
    ]);
    let workspace = dir.path().to_str().unwrap();
    let doc = stdout_json(&["twomode", workspace, "--format", "json"]);
    assert_eq!(doc["view"]["actors"], 3, "the programme is no party");
    assert_eq!(doc["view"]["memberships"], 3, "two roles are one membership");
    for row in doc["rows"].as_array().unwrap() {
        let coalition = row["mode"] == "coalition";
        assert_eq!(row["degree"], if coalition { 3 } else { 1 });
        assert_eq!(row["degree_centrality"], 1.0);
        assert_eq!(row["closeness"], 1.0);
        assert_eq!(row["betweenness"], if coalition { 1.0 } else { 0.0 });
    }
}

#[test]
fn the_output_is_the_same_at_any_thread_count_and_sorts_and_filters() {
    let run = |threads: &str| {
        let assert = stakenet()
            .args(["twomode", "--format", "csv", "--threads", threads])
            .assert()
            .success();
        stdout_text(&assert)
    };
    let one = run("1");
    assert_eq!(one, run("3"));
    assert!(
        one.starts_with("mode,id,name,degree,degree_centrality,closeness,betweenness\n"),
        "{one}"
    );
    let top = stdout_json(&[
        "twomode",
        "--mode",
        "coalition",
        "--sort",
        "betweenness",
        "--top",
        "5",
        "--format",
        "json",
    ]);
    let rows = top["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|row| row["mode"] == "coalition"));
    let values: Vec<f64> = rows.iter().map(|row| row["betweenness"].as_f64().unwrap()).collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
    let table = stdout_text(
        &stakenet()
            .args(["twomode", "--format", "table", "--mode", "actor", "--top", "3"])
            .assert()
            .success(),
    );
    assert!(table.contains("Borgatti & Everett 1997"), "{table}");
}

#[test]
fn options_that_choose_ties_are_refused() {
    for option in [&["--layer", "collaboration"][..], &["--weight", "count"], &["--weighted"]] {
        let assert = stakenet().arg("twomode").args(option).assert().code(2);
        let stderr = stderr_text(&assert);
        assert!(
            stderr.starts_with(&format!("error: {}: twomode measures the memberships", option[0])),
            "{stderr}"
        );
    }
    let assert = stakenet().args(["twomode", "--sort", "strength"]).assert().code(2);
    assert_eq!(
        stderr_text(&assert),
        "error: --sort strength: unknown measure; expected one of degree, degree_centrality, closeness, betweenness\n"
    );
    let assert = stakenet().args(["centrality", "--layer", "newman"]).assert().code(2);
    assert!(stderr_text(&assert).contains("comembership or comembership-newman"));
}

/// A relation layer cannot take a derived layer's name.
#[test]
fn a_relation_layer_named_comembership_newman_is_refused() {
    let dir = crate::common::workspace_with(&[
        ("actors.csv", "id,name\na,A\nb,B\n"),
        ("relations.csv", "source,target,layer\na,b,Comembership-Newman\n"),
    ]);
    let assert = stakenet().args(["check", dir.path().to_str().unwrap()]).assert().code(2);
    let stderr = stderr_text(&assert);
    assert!(stderr.contains("layer `comembership-newman` is derived from members.csv"), "{stderr}");
}

/// One coalition of 20,000 members: its projection would be 199,990,000 pairs, more than a
/// view builds (the `comembership` layers refuse); the two-mode data are its 20,000
/// memberships, measured within 2 GB of address space — and fast, as the members in no other
/// coalition are twins that one search stands for.
#[test]
fn a_large_coalition_is_measured_without_its_pairs() {
    const MEMBERS: usize = 20_000;
    let dir = tempfile::tempdir().unwrap();
    let mut actors = String::from("id,name\nsolo,Solo\n");
    let mut members =
        String::from("coalition,actor,role\nsmall,solo,signatory\nsmall,m0,signatory\n");
    for i in 0..MEMBERS {
        writeln!(actors, "m{i},Member {i}").unwrap();
        writeln!(members, "big,m{i},project_partner").unwrap();
    }
    std::fs::write(dir.path().join("actors.csv"), actors).unwrap();
    std::fs::write(dir.path().join("coalitions.csv"), "id,name\nbig,Big deal\nsmall,Small deal\n")
        .unwrap();
    std::fs::write(dir.path().join("members.csv"), members).unwrap();
    let workspace = dir.path().to_str().unwrap();
    let limited = |args: &[&str]| {
        let binary = assert_cmd::cargo::cargo_bin("stakenet");
        assert_cmd::Command::new("sh")
            .arg("-c")
            .arg("ulimit -v 2000000; exec \"$0\" \"$@\"")
            .arg(binary)
            .args(args)
            .assert()
    };
    let assert = limited(&["centrality", workspace, "--layer", "comembership-newman"]).code(2);
    assert!(
        stderr_text(&assert).contains("co-member pairs (coalition `big` alone has 20000 members)")
    );
    let assert =
        limited(&["twomode", workspace, "--mode", "coalition", "--format", "json"]).success();
    let doc: Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    assert_eq!(doc["view"]["memberships"], MEMBERS + 2);
    let rows = doc["rows"].as_array().unwrap();
    // By hand: `big` reaches m0 … m19999 in 1 step, `small` in 2 (through m0) and `solo` in 3
    // (n = 20,001 actors, m = 2 coalitions, Σd = 20,000 + 2 + 3): closeness (n + 2) / 20,005.
    // It lies on the one shortest path between every pair of its members, and between each
    // member but m0 and `small` or `solo`: C(20000, 2) + 2 · 19,999 = 200,029,998 pairs, of the
    // ½ (n² + n − 2) = 200,030,000 a coalition can lie between with one other coalition.
    let big = &rows[0];
    assert_eq!(big["id"], "big");
    assert_eq!(big["degree"], MEMBERS);
    let n = (MEMBERS + 1) as f64;
    let value = |measure: &str| big[measure].as_f64().unwrap();
    assert_close(value("degree_centrality"), MEMBERS as f64 / n, 1e-12, "degree");
    assert_close(value("closeness"), (n + 2.0) / (MEMBERS as f64 + 5.0), 1e-12, "closeness");
    assert_close(value("betweenness"), 200_029_998.0 / 200_030_000.0, 1e-12, "betweenness");
}
