//! `interdependence`: hand-worked dependence matrices, pairs and indirect dependence (the
//! Neumann series written out in the comments); T against numpy (`tests/oracle/`); the command
//! line (the α refusal, unknown layers, JSON schema, CSV, empty selections).

use serde_json::Value;
use stakenet::analysis::{
    DependenceMatrix, DependenceSource, InterdependenceConfig, indirect_dependence,
    interdependence, largest_alpha, layer_views, multiplexity, spectral_radius,
};
use stakenet::{LayerChoice, Network, Source, View, ViewSpec, load};

use crate::common::{
    assert_close, memory_network, repo_root, stakenet, stdout_text, workspace_with,
};

/// D of the layer named `layer`, read as its name says.
fn dependence(network: &Network, layer: &str) -> DependenceMatrix {
    let id = network.layer_id(layer).unwrap();
    let spec = ViewSpec::default().with_layers(vec![LayerChoice::Explicit(id)]);
    let view = View::build(network, &spec).unwrap();
    DependenceMatrix::from_view(&view, DependenceSource::for_layer(layer)).unwrap()
}

#[test]
fn a_dependency_triangle_by_the_neumann_series() {
    // a depends on b (1), b on c (0.5), c on a (1): a cycle. With α = 0.5, αD has
    // a→b 0.5, b→c 0.25, c→a 0.5; (αD)² has a→c 0.5·0.25 = 0.125, b→a 0.25·0.5 = 0.125,
    // c→b 0.5·0.5 = 0.25; (αD)³ = 0.5·0.25·0.5 I = I/16. So (αD)^(3k+r) = 16^-k (αD)^r and
    // T = Σ_{k≥1} (αD)^k = (αD + (αD)² + (αD)³) · Σ_k 16^-k = 16/15 (αD + (αD)² + I/16):
    //   T[a][b] = 16/15 · 0.5 = 8/15, T[a][c] = 16/15 · 0.125 = 2/15, T[a][a] = 1/15;
    //   T[b][c] = 4/15, T[b][a] = 2/15, T[b][b] = 1/15;
    //   T[c][a] = 8/15, T[c][b] = 4/15, T[c][c] = 1/15.
    // Row sums: a 11/15, b 7/15, c 13/15; column sums: a 1 + 2 + 8 = 11/15,
    // b 8 + 1 + 4 = 13/15, c 2 + 4 + 1 = 7/15.
    let network = memory_network(
        "id\na\nb\nc\n",
        "source,target,layer,weight\na,b,dependency,1\nb,c,dependency,0.5\nc,a,dependency,1\n",
    );
    let d = dependence(&network, "dependency");
    let t = indirect_dependence(&d, 0.5).unwrap();
    let expected = [[1.0, 8.0, 2.0], [2.0, 1.0, 4.0], [8.0, 4.0, 1.0]];
    for i in 0..3 {
        for j in 0..3 {
            assert_close(t[(i, j)], expected[i][j] / 15.0, 1e-12, &format!("T[{i}][{j}]"));
        }
    }
    let result = interdependence(&d, &InterdependenceConfig::new(0.5)).unwrap();
    let rows = [11.0, 7.0, 13.0];
    let cols = [11.0, 13.0, 7.0];
    for (i, actor) in result.actors.iter().enumerate() {
        assert_close(actor.dependence_on_others, rows[i] / 15.0, 1e-12, "row sum");
        assert_close(actor.depended_on_by, cols[i] / 15.0, 1e-12, "column sum");
    }
    // ρ(D) = (1 · 0.5 · 1)^(1/3) (a 3-cycle): α must stay below 2^(1/3) = 1.2599…
    assert_close(spectral_radius(&d), 0.5f64.cbrt(), 1e-12, "ρ");
    assert_close(largest_alpha(&d).unwrap(), 2f64.cbrt(), 1e-12, "largest α");
    // Pairs: (a, b): d_ab = 1, d_ba = 0: MD 1, PI 1, b (the less dependent) holds the power;
    // (a, c): d_ac = 0, d_ca = 1: a holds it; (b, c): 0.5 and 0: MD = PI = 0.5, c holds it.
    let key = |a| network.actor(a).key.as_str();
    let pairs: Vec<(&str, &str, f64, f64, f64, f64, &str)> = result
        .pairs
        .iter()
        .map(|p| {
            let powerful = p.more_powerful.map_or("", key);
            (key(p.a), key(p.b), p.d_ab, p.d_ba, p.mutual_dependence, p.power_imbalance, powerful)
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("a", "b", 1.0, 0.0, 1.0, 1.0, "b"),
            ("a", "c", 0.0, 1.0, 1.0, 1.0, "a"),
            ("b", "c", 0.5, 0.0, 0.5, 0.5, "c")
        ]
    );
    // Everyone depends on someone and is depended on: mutuality 3/3.
    assert_eq!(result.mutuality, Some(1.0));
}

#[test]
fn a_funding_chain_gives_inflow_shares() {
    // a funds b (4), d funds b (1), b funds c (2). b's inflow is 5: D[b][a] = 4/5 = 0.8,
    // D[b][d] = 1/5 = 0.2; c's inflow is all from b: D[c][b] = 1. a and d receive nothing: zero
    // rows. No cycle, so ρ = 0 and T = αD + α²D² exactly (D³ = 0): with α = 0.5,
    // T[b][a] = 0.4, T[b][d] = 0.1, T[c][b] = 0.5, T[c][a] = 0.25 · 1 · 0.8 = 0.2,
    // T[c][d] = 0.25 · 0.2 = 0.05.
    // Row sums: a 0, b 0.5, c 0.75, d 0; column sums: a 0.6, b 0.5, c 0, d 0.15.
    let network = memory_network(
        "id\na\nb\nc\nd\n",
        "source,target,layer,weight\na,b,funding,4\nd,b,funding,1\nb,c,funding,2\n",
    );
    let d = dependence(&network, "funding");
    assert_eq!(spectral_radius(&d), 0.0);
    assert_eq!(largest_alpha(&d), None);
    let result = interdependence(&d, &InterdependenceConfig::new(0.5)).unwrap();
    let scores: Vec<(f64, f64)> =
        result.actors.iter().map(|a| (a.dependence_on_others, a.depended_on_by)).collect();
    for (i, (row, col)) in [(0.0, 0.6), (0.5, 0.5), (0.75, 0.0), (0.0, 0.15)].iter().enumerate() {
        assert_close(scores[i].0, *row, 1e-12, "row sum");
        assert_close(scores[i].1, *col, 1e-12, "column sum");
    }
    // Actors without inflow have exactly 0, not a rounding residue.
    assert_eq!(scores[0].0, 0.0);
    // Only b both depends (on a, d) and is depended on (by c): 1/4.
    assert_eq!(result.mutuality, Some(0.25));
    let first = &result.pairs[0];
    assert_eq!((first.d_ab, first.d_ba), (0.0, 0.8));
    assert_eq!(first.more_powerful, Some(first.a));
}

#[test]
fn t_and_the_actor_scores_match_numpy() {
    let oracle = repo_root().join("tests/oracle");
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(oracle.join("expected/multilayer_dependence.json")).unwrap(),
    )
    .unwrap();
    let network = load(&Source::Folder(oracle.join("graphs/multilayer_dependence"))).unwrap();
    for layer in ["dependency", "funding"] {
        let e = &expected["interdependence"][layer];
        let alpha = e["alpha"].as_f64().unwrap();
        let d = dependence(&network, layer);
        let ids: Vec<&str> =
            e["actors"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        let at = |key: &str| network.actor_id(key).unwrap();
        let node_of = |key: &str| d.actors().iter().position(|&a| a == at(key)).unwrap() as u32;
        // D built independently in Python, straight from the relations.
        for (i, a) in ids.iter().enumerate() {
            for (j, b) in ids.iter().enumerate() {
                let want = e["D"][i][j].as_f64().unwrap();
                assert_close(
                    d.get(node_of(a), node_of(b)),
                    want,
                    1e-12,
                    &format!("{layer} D[{a}][{b}]"),
                );
            }
        }
        assert_close(spectral_radius(&d), e["spectral_radius"].as_f64().unwrap(), 1e-9, "ρ");
        // T entry by entry (rows and columns of active nodes; inactive ones are 0 in numpy).
        let t = indirect_dependence(&d, alpha).unwrap();
        let active = d.active_nodes();
        for (i, a) in ids.iter().enumerate() {
            for (j, b) in ids.iter().enumerate() {
                let want = e["T"][i][j].as_f64().unwrap();
                let (p, q) = (active.binary_search(&node_of(a)), active.binary_search(&node_of(b)));
                let got = match (p, q) {
                    (Ok(p), Ok(q)) => t[(p, q)],
                    _ => 0.0,
                };
                assert_close(got, want, 1e-9, &format!("{layer} T[{a}][{b}]"));
            }
        }
        let result = interdependence(&d, &InterdependenceConfig::new(alpha)).unwrap();
        for actor in &result.actors {
            let id = network.actor(actor.actor).key.as_str();
            let row = e["dependence_on_others"][id].as_f64().unwrap();
            let col = e["depended_on_by"][id].as_f64().unwrap();
            assert_close(actor.dependence_on_others, row, 1e-9, &format!("{layer} row sum {id}"));
            assert_close(actor.depended_on_by, col, 1e-9, &format!("{layer} column sum {id}"));
        }
        assert_close(
            result.mutuality.unwrap(),
            e["mutuality"].as_f64().unwrap(),
            1e-12,
            "mutuality",
        );
    }
    let layers = LayerChoice::explicit_layers(&network);
    let views = layer_views(&network, &ViewSpec::default().with_layers(layers)).unwrap();
    let overlap = multiplexity(&views).unwrap().unwrap();
    assert_close(overlap, expected["layer_overlap"].as_f64().unwrap(), 1e-12, "layer overlap");
}

#[test]
fn alpha_at_or_above_one_over_rho_is_refused_with_the_largest_that_works() {
    // fixtures/asymmetry: the dependency block min_lnv ↔ prov ↔ gem_a has ρ² = 0.5·1 + 0.3·1
    // (two 2-cycles through prov), so ρ = √0.8 = 0.894427191 and α must be below
    // 1/√0.8 = 1.1180339887…, shown cut (not rounded) to 1.118033988; at α = 2, α·ρ = 1.788854382.
    stakenet()
        .args(["interdependence", "fixtures/asymmetry", "--alpha", "2"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: --alpha 2 (layer dependency): α·ρ(D) = 1.788854382 ≥ 1 (ρ(D) = 0.894427191), \
             so T = (I − αD)⁻¹ − I does not converge; α must be below 1.118033988\n",
        );
    stakenet().args(["interdependence", "fixtures/asymmetry", "--alpha", "1.1"]).assert().success();
    stakenet()
        .args(["interdependence", "fixtures/asymmetry", "--alpha", "-0.5"])
        .assert()
        .code(2)
        .stderr("error: --alpha -0.5: expected a finite number ≥ 0, e.g. 0.5\n");
}

#[test]
fn unknown_several_or_missing_layers_are_usage_errors() {
    stakenet()
        .args(["interdependence", "fixtures/asymmetry", "--layer", "bogus"])
        .assert()
        .code(2)
        .stderr(
            "error: --layer bogus: no such layer; this workspace has funding, mandate, \
             information, dependency, collaboration, comembership or comembership-newman\n",
        );
    stakenet()
        .args(["interdependence", "fixtures/asymmetry", "--layer", "funding", "--layer", "mandate"])
        .assert()
        .code(2)
        .stderr("error: --layer: interdependence reads one layer, got 2: funding, mandate\n");
    // A workspace of memberships only has neither dependency nor funding.
    stakenet().args(["interdependence", "fixtures/suspects-peers"]).assert().code(2).stderr(
        "error: interdependence needs a `dependency` layer or a resource layer such as \
         `funding`, and this workspace has no relations.csv layers (only the derived \
         comembership); choose one with --layer\n",
    );
}

#[test]
fn a_workspace_without_a_resource_layer_is_told_which_layers_it_has() {
    let dir = workspace_with(&[
        ("actors.csv", "id,sector,level\na,,\nb,,\n"),
        ("relations.csv", "source,target,layer\na,b,collaboration\n"),
    ]);
    stakenet().arg("interdependence").arg(dir.path()).assert().code(2).stdout("").stderr(
        "error: interdependence needs a `dependency` layer or a resource layer such as \
         `funding`, and this workspace has the layers collaboration (and the derived \
         comembership); choose one with --layer\n",
    );
}

#[test]
fn too_many_dependent_actors_for_dense_matrices_is_a_usage_error() {
    // A chain of MAX_DENSE_ACTORS + 1 actors in the dependency layer.
    let n = stakenet::analysis::MAX_DENSE_ACTORS + 1;
    let mut actors = String::from("id,sector,level\n");
    let mut relations = String::from("source,target,layer\n");
    for i in 0..n {
        actors.push_str(&format!("a{i},,\n"));
        if i > 0 {
            relations.push_str(&format!("a{},a{i},dependency\n", i - 1));
        }
    }
    let dir = workspace_with(&[("actors.csv", &actors), ("relations.csv", &relations)]);
    stakenet().arg("interdependence").arg(dir.path()).assert().code(2).stdout("").stderr(
        "error: layer dependency: 5001 actors have a tie in the dependence layer; \
         interdependence builds dense matrices for at most 5000: choose a coalition \
         (--coalition) or fold actors to a level (--level)\n",
    );
}

#[test]
fn json_has_the_schema_keys_and_csv_lists_the_pairs() {
    let output = stakenet()
        .args(["interdependence", "fixtures/asymmetry", "--format", "json"])
        .assert()
        .success();
    let json: Value = serde_json::from_slice(&output.get_output().stdout).unwrap();
    let keys = |v: &Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(
        keys(&json),
        ["weighting", "alpha", "pairs", "actors", "mutuality", "layer_overlap"]
    );
    assert_eq!(
        keys(&json["pairs"][0]),
        ["a", "b", "d_ab", "d_ba", "mutual_dependence", "power_imbalance", "more_powerful"]
    );
    assert_eq!(keys(&json["actors"][0]), ["id", "dependence_on_others", "depended_on_by"]);
    assert_eq!(json["alpha"], 0.5);
    // Default layer: dependency. gem_a depends on prov fully (1), prov on gem_a by 0.3: prov,
    // the less dependent, holds the power.
    let pair = json["pairs"].as_array().unwrap().iter().find(|p| p["a"] == "gem_a").unwrap();
    assert_eq!(
        (pair["b"].as_str(), pair["d_ab"].as_f64(), pair["d_ba"].as_f64()),
        (Some("prov"), Some(1.0), Some(0.3))
    );
    assert_eq!(pair["more_powerful"], "prov");
    // Six actors have a dependency tie (rijk and min_bzk have none); five of them both depend
    // and are depended on (all but gem_b, who only depends on prov): 5/6.
    assert_close(json["mutuality"].as_f64().unwrap(), 5.0 / 6.0, 1e-15, "mutuality");
    // 9 tied pairs over the five layers, 5 of them in two or more.
    assert_close(json["layer_overlap"].as_f64().unwrap(), 5.0 / 9.0, 1e-12, "overlap");
    let actors: Vec<&str> =
        json["actors"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(actors.len(), 8);
    assert!(actors.windows(2).all(|w| w[0] < w[1]));

    let output = stakenet()
        .args(["interdependence", "fixtures/asymmetry", "--layer", "funding", "--format", "csv"])
        .assert()
        .success();
    let text = stdout_text(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "a,b,d_ab,d_ba,mutual_dependence,power_imbalance,more_powerful");
    // coop funds uni (1), uni's only inflow: D[uni][coop] = 1; coop receives nothing.
    assert!(lines.contains(&"coop,uni,0,1,1,1,coop"), "{text}");
}

#[test]
fn empty_and_single_actor_selections_have_defined_answers() {
    // deal_zero has one member, gem_b: no pair, scores 0, mutuality undefined (nobody has a
    // tie in the layer), no tie in any layer so no overlap.
    let output = stakenet()
        .args([
            "interdependence",
            "fixtures/asymmetry",
            "--coalition",
            "deal_zero",
            "--format",
            "json",
        ])
        .assert()
        .success();
    let json: Value = serde_json::from_slice(&output.get_output().stdout).unwrap();
    assert_eq!(json["pairs"], serde_json::json!([]));
    assert_eq!(
        json["actors"],
        serde_json::json!([{"id": "gem_b", "dependence_on_others": 0.0, "depended_on_by": 0.0}])
    );
    assert_eq!(json["mutuality"], Value::Null);
    assert_eq!(json["layer_overlap"], Value::Null);
    // An empty layer: deal_x's members have no reporting tie among themselves (reporting is
    // read as a resource layer). Seven parties — six members and dep_a1, a unit of the member
    // min_a — all zero; overlap over the other layers: 5 tied pairs (3 funding, 1 information,
    // 1 collaboration), none in two layers.
    let output = stakenet()
        .args([
            "interdependence",
            "fixtures/tiny",
            "--layer",
            "reporting",
            "--coalition",
            "deal_x",
            "--format",
            "json",
        ])
        .assert()
        .success();
    let json: Value = serde_json::from_slice(&output.get_output().stdout).unwrap();
    assert_eq!(json["pairs"], serde_json::json!([]));
    let actors = json["actors"].as_array().unwrap();
    // The six members and dep_a1, min_a's unit, which the coalition's scope takes in.
    assert_eq!(actors.len(), 7);
    assert!(actors.iter().any(|a| a["id"] == "dep_a1"));
    assert!(actors.iter().all(|a| a["dependence_on_others"] == 0.0 && a["depended_on_by"] == 0.0));
    assert_eq!((json["mutuality"].as_f64(), json["layer_overlap"].as_f64()), (None, Some(0.0)));
}

#[test]
fn outputs_are_byte_identical_at_any_thread_count() {
    // A generated workspace large enough (several hundred actors with funding ties) for the
    // parallel Neumann sweeps.
    let dir = tempfile::tempdir().unwrap();
    stakenet()
        .args(["generate", "--actors", "600", "--ties-per-actor", "5", "--coalitions", "3", "-o"])
        .arg(dir.path())
        .assert()
        .success();
    let workspace = dir.path().to_str().unwrap();
    for args in [
        ["interdependence", workspace, "--layer", "funding", "--format", "json"],
        ["interdependence", workspace, "--layer", "dependency", "--format", "csv"],
        ["asymmetry", workspace, "--group-by", "sector", "--format", "json"],
    ] {
        let run = |threads: &str| {
            let output = stakenet().args(args).args(["--threads", threads]).assert().success();
            output.get_output().stdout.clone()
        };
        let one = run("1");
        assert!(!one.is_empty(), "{args:?}");
        assert_eq!(one, run("2"), "{args:?}: 1 and 2 threads differ");
        assert_eq!(one, run("2"), "{args:?}: two runs differ");
    }
}
