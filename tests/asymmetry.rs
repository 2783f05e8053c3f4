//! `asymmetry`: hand-worked dyads, balances, reciprocity and group flows (arithmetic in the
//! comments); Krackhardt hierarchy per layer against R sna (`tests/oracle/`); coalition
//! finance; the command line (JSON schema, CSV, errors) and the Regio Deal national shares.

use serde_json::Value;
use stakenet::analysis::{Asymmetry, GroupBy, asymmetry, group_nodes, layer_views};
use stakenet::{CoalitionId, LayerChoice, Network, Source, View, ViewSpec, load};

use crate::common::{
    actor_key, assert_close, fixture, memory_network, repo_root, stakenet, stderr_text,
    stdout_json, stdout_text,
};

/// `asymmetry` on one view per explicit layer, grouped by `by`, with every coalition.
fn analyse(network: &Network, by: &GroupBy) -> Asymmetry {
    let layers = LayerChoice::explicit_layers(network);
    let spec = ViewSpec::default().with_layers(layers);
    let views = layer_views(network, &spec).unwrap();
    let nodes = View::build(network, &ViewSpec::default().with_layers(Vec::new())).unwrap();
    let grouping = group_nodes(network, &nodes, by).unwrap();
    let coalitions: Vec<CoalitionId> =
        (0..network.coalitions().len()).map(CoalitionId::from_index).collect();
    asymmetry(network, &views, &grouping, &coalitions).unwrap()
}

#[test]
fn a_three_actor_funding_chain_runs_one_way() {
    // a → b (4), b → c (2), funding.
    let network = memory_network(
        "id\na\nb\nc\n",
        "source,target,layer,weight\na,b,funding,4\nb,c,funding,2\n",
    );
    let result = analyse(&network, &GroupBy::Side);
    let layer = &result.layers[0];
    // Dyads: (a, b): w_ab = 4, w_ba = 0, (4 − 0)/(4 + 0) = 1; (b, c): (2 − 0)/2 = 1.
    let dyads: Vec<(&str, &str, f64, f64, f64)> = layer
        .dyads
        .iter()
        .map(|d| {
            (
                actor_key(&network, d.source),
                actor_key(&network, d.target),
                d.w_st,
                d.w_ts,
                d.asymmetry,
            )
        })
        .collect();
    assert_eq!(dyads, [("a", "b", 4.0, 0.0, 1.0), ("b", "c", 2.0, 0.0, 1.0)]);
    // Balances: a gives 4, gets 0: (4 − 0)/4 = 1; b gives 2, gets 4: (2 − 4)/(2 + 4) = −1/3;
    // c gives 0, gets 2: −1.
    let balance: Vec<f64> = layer.actors.iter().map(|a| a.balance).collect();
    assert_close(balance[0], 1.0, 1e-12, "balance a");
    assert_close(balance[1], -1.0 / 3.0, 1e-12, "balance b");
    assert_close(balance[2], -1.0, 1e-12, "balance c");
    assert_eq!((layer.actors[1].out_strength, layer.actors[1].in_strength), (2.0, 4.0));
    // No arc comes back: reciprocity 0/2 = 0, weighted Σ min / Σ w = 0/6 = 0. Reachability:
    // a → b, a → c, b → c, all one-way: hierarchy 1 − 0/3 = 1.
    assert_eq!(layer.reciprocity, Some(0.0));
    assert_eq!(layer.weighted_reciprocity, Some(0.0));
    assert_eq!(layer.hierarchy, Some(1.0));
}

#[test]
fn a_reciprocal_pair_is_half_returned() {
    // a → b (3), b → a (1).
    let network =
        memory_network("id\na\nb\n", "source,target,layer,weight\na,b,funding,3\nb,a,funding,1\n");
    let layer = &analyse(&network, &GroupBy::Side).layers[0];
    // One dyad: (3 − 1)/(3 + 1) = 0.5. Balances: a (3 − 1)/4 = 0.5, b (1 − 3)/4 = −0.5.
    assert_eq!(layer.dyads.len(), 1);
    assert_close(layer.dyads[0].asymmetry, 0.5, 1e-12, "dyad");
    assert_close(layer.actors[0].balance, 0.5, 1e-12, "balance a");
    assert_close(layer.actors[1].balance, -0.5, 1e-12, "balance b");
    // Both arcs are returned: reciprocity 2/2 = 1. Weighted: Σ_{i≠j} min(w_ij, w_ji) =
    // min(3, 1) + min(1, 3) = 2 over Σ w = 4: 0.5. a and b reach each other: hierarchy
    // 1 − 1/1 = 0.
    assert_eq!(layer.reciprocity, Some(1.0));
    assert_close(layer.weighted_reciprocity.unwrap(), 0.5, 1e-12, "weighted reciprocity");
    assert_eq!(layer.hierarchy, Some(0.0));
}

#[test]
fn a_one_way_mandate_flows_from_the_rijk_to_the_region() {
    // The Rijk mandates its ministry, which mandates a province and a municipality.
    let network = memory_network(
        "id,sector,level,parent\nrijk,government,national,\nmin,government,national,rijk\n\
         prov,government,provincial,\ngem,government,municipal,prov\n",
        "source,target,layer\nrijk,min,mandate\nmin,prov,mandate\nmin,gem,mandate\n",
    );
    let result = analyse(&network, &GroupBy::Side);
    let layer = &result.layers[0];
    let flow = |from: &str, to: &str| -> f64 {
        let label = |g: u32| result.group_labels[g as usize].as_str();
        layer
            .flows
            .iter()
            .find(|f| label(f.from_group) == from && label(f.to_group) == to)
            .unwrap()
            .weight
    };
    // rijk → min stays on the Rijk side (1); min → prov and min → gem cross to the region (2);
    // nothing comes back.
    assert_eq!(flow("rijk", "rijk"), 1.0);
    assert_eq!(flow("rijk", "region"), 2.0);
    assert_eq!(flow("region", "rijk"), 0.0);
    assert_eq!(flow("region", "region"), 0.0);
    // min passes the mandate on: out 2, in 1, (2 − 1)/(2 + 1) = 1/3.
    let min = layer.actors.iter().find(|a| actor_key(&network, a.actor) == "min").unwrap();
    assert_close(min.balance, 1.0 / 3.0, 1e-12, "balance min");
    // A chain of command: every reachable pair is one-way.
    assert_eq!(layer.hierarchy, Some(1.0));
    // By sector everyone is government: one group, all 3 units of mandate inside it.
    let by_sector = analyse(&network, &GroupBy::Sector);
    assert_eq!(by_sector.group_labels, ["government"]);
    assert_eq!(by_sector.layers[0].flows[0].weight, 3.0);
}

#[test]
fn hierarchy_per_layer_matches_sna() {
    let oracle = repo_root().join("tests/oracle");
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(oracle.join("expected/multilayer_dependence.json")).unwrap(),
    )
    .unwrap();
    let network = load(&Source::Folder(oracle.join("graphs/multilayer_dependence"))).unwrap();
    let result = analyse(&network, &GroupBy::Side);
    let hierarchies = expected["per_layer_hierarchy"].as_object().unwrap();
    assert_eq!(result.layers.len(), hierarchies.len());
    for layer in &result.layers {
        let name = View::layer_name(&network, layer.layer);
        let sna = hierarchies[name].as_f64().unwrap();
        assert_close(layer.hierarchy.unwrap(), sna, 1e-9, &format!("hierarchy of {name}"));
    }
}

#[test]
fn coalition_finance_covers_equal_richer_poorer_unknown_and_zero_deals() {
    let network = load(&Source::Folder(fixture("asymmetry"))).unwrap();
    let result = analyse(&network, &GroupBy::Side);
    let finance = |id: &str| {
        result
            .coalitions
            .iter()
            .find(|c| network.coalition(c.coalition).key == id)
            .map(|c| (c.national_share, c.cofinancing_ratio))
            .unwrap()
    };
    // 10m / (10m + 10m) = 0.5, 10m / 10m = 1.
    assert_eq!(finance("deal_even"), (Some(0.5), Some(1.0)));
    // 5m / (5m + 15m) = 0.25, 15m / 5m = 3.
    assert_eq!(finance("deal_region"), (Some(0.25), Some(3.0)));
    // 8m / (8m + 2m) = 0.8, 2m / 8m = 0.25.
    assert_eq!(finance("deal_rijk"), (Some(0.8), Some(0.25)));
    // No co-financing stated: unknown, not zero.
    assert_eq!(finance("deal_unknown"), (None, None));
    // 0 / 0 in both.
    assert_eq!(finance("deal_zero"), (None, None));
}

#[test]
fn json_has_the_schema_keys_in_order() {
    let json = stdout_json(&["asymmetry", "fixtures/asymmetry", "--format", "json"]);
    let keys = |v: &Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys(&json), ["dyads", "actors", "layers", "groups", "coalitions"]);
    let first = |list: &str| keys(&json[list][0]);
    assert_eq!(
        first("dyads"),
        ["source", "target", "layer", "weighting", "w_st", "w_ts", "asymmetry"]
    );
    assert_eq!(first("actors"), ["id", "layer", "out_strength", "in_strength", "balance"]);
    assert_eq!(
        first("layers"),
        ["layer", "weighting", "reciprocity", "weighted_reciprocity", "hierarchy"]
    );
    assert_eq!(first("groups"), ["layer", "weighting", "from_group", "to_group", "weight"]);
    assert_eq!(
        first("coalitions"),
        ["id", "national_contribution", "cofinancing", "national_share", "cofinancing_ratio"]
    );
    // A dyad appears once, source < target; arrays sorted by their first keys.
    let dyads = json["dyads"].as_array().unwrap();
    let order: Vec<(&str, &str, &str)> = dyads
        .iter()
        .map(|d| {
            (
                d["source"].as_str().unwrap(),
                d["target"].as_str().unwrap(),
                d["layer"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(order.iter().all(|(s, t, _)| s < t));
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // min_lnv → prov funding €4m and nothing back: asymmetry 1 (source min_lnv < prov). Every
    // funding relation carries an amount, so the layer is weighed in euros; mandate has none.
    let funding = dyads
        .iter()
        .find(|d| d["source"] == "min_lnv" && d["target"] == "prov" && d["layer"] == "funding")
        .unwrap();
    assert_eq!(funding["weighting"], "amount");
    assert_eq!(
        (funding["w_st"].as_f64(), funding["asymmetry"].as_f64()),
        (Some(4_000_000.0), Some(1.0))
    );
    let mandate = dyads.iter().find(|d| d["layer"] == "mandate").unwrap();
    assert_eq!(mandate["weighting"], "weight");
    // comembership is left out by default; every explicit layer is in.
    let layers: Vec<&str> =
        json["layers"].as_array().unwrap().iter().map(|l| l["layer"].as_str().unwrap()).collect();
    assert_eq!(layers, ["collaboration", "dependency", "funding", "information", "mandate"]);
    // Undefined figures are null: deal_unknown has no co-financing.
    let unknown = json["coalitions"].as_array().unwrap().iter().find(|c| c["id"] == "deal_unknown");
    assert_eq!(unknown.unwrap()["national_share"], Value::Null);
}

#[test]
fn csv_lists_the_dyads() {
    let output = stakenet()
        .args(["asymmetry", "fixtures/asymmetry", "--layer", "funding", "--format", "csv"])
        .assert()
        .success();
    let text = stdout_text(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "source,target,layer,weighting,w_st,w_ts,asymmetry");
    // prov → gem_a €2m and gem_a → prov €0.5m: (0.5 − 2)/(0.5 + 2) = −0.6 for (gem_a, prov).
    assert!(lines.contains(&"gem_a,prov,funding,amount,500000,2000000,-0.6"), "{text}");
    assert!(lines.contains(&"coop,uni,funding,amount,100000,0,1"), "{text}");
    assert_eq!(lines.len(), 1 + 5);

    // The same in tie strength when asked: weights 0.5 and 2.
    let output = stakenet()
        .args(["asymmetry", "fixtures/asymmetry", "--layer", "funding", "--weight", "weight"])
        .args(["--format", "csv"])
        .assert()
        .success();
    let text = stdout_text(&output);
    assert!(text.lines().any(|l| l == "gem_a,prov,funding,weight,0.5,2,-0.6"), "{text}");
    // A layer without amounts cannot be weighed in euros: the refusal names it.
    let output = stakenet()
        .args(["asymmetry", "fixtures/asymmetry", "--layer", "mandate", "--weight", "amount"])
        .assert()
        .code(2);
    let message = String::from_utf8_lossy(&output.get_output().stderr).into_owned();
    assert!(message.contains("layer mandate has 5 of 5 relations without one"), "{message}");
}

#[test]
fn comembership_only_when_asked_and_one_coalition_with_coalition() {
    let json = stdout_json(&[
        "asymmetry",
        "fixtures/asymmetry",
        "--layer",
        "comembership",
        "--coalition",
        "deal_region",
        "--format",
        "json",
    ]);
    let layers = json["layers"].as_array().unwrap();
    assert_eq!(layers.len(), 1);
    assert_eq!(layers[0]["layer"], "comembership");
    // Symmetric by construction: every dyad has asymmetry 0.
    assert!(json["dyads"].as_array().unwrap().iter().all(|d| d["asymmetry"] == 0.0));
    let coalitions = json["coalitions"].as_array().unwrap();
    assert_eq!(coalitions.len(), 1);
    assert_eq!(coalitions[0]["national_share"], 0.25);
}

#[test]
fn an_unknown_layer_or_grouping_is_a_usage_error() {
    stakenet()
        .args(["asymmetry", "fixtures/asymmetry", "--layer", "bogus"])
        .assert()
        .code(2)
        .stderr(
            "error: --layer bogus: no such layer; this workspace has funding, mandate, \
             information, dependency, collaboration, comembership or comembership-newman\n",
        );
    let assert = stakenet()
        .args(["asymmetry", "fixtures/asymmetry", "--group-by", "colour"])
        .assert()
        .code(2);
    let stderr = stderr_text(&assert);
    assert!(
        stderr.starts_with("error: --group-by colour: no actor has the attribute `colour`"),
        "{stderr}"
    );
}

#[test]
fn regio_deal_national_shares() {
    // The bundled workspace has relations (funding, co-financing, mandate, …): dyads, and the
    // finance of all 67 deals, 29 of which state a co-financing number (22 of tranches I–III,
    // 7 of IV–V; counted in fixtures/regio-deals/coalitions.csv).
    let json = stdout_json(&["asymmetry", "--format", "json"]);
    assert!(!json["dyads"].as_array().unwrap().is_empty());
    let coalitions = json["coalitions"].as_array().unwrap();
    assert_eq!(coalitions.len(), 67);
    let stated: Vec<&Value> = coalitions.iter().filter(|c| !c["cofinancing"].is_null()).collect();
    assert_eq!(stated.len(), 29);
    for c in &stated {
        let (n, cf) =
            (c["national_contribution"].as_f64().unwrap(), c["cofinancing"].as_f64().unwrap());
        let id = c["id"].as_str().unwrap();
        assert_close(c["national_share"].as_f64().unwrap(), n / (n + cf), 1e-12, id);
        assert_close(c["cofinancing_ratio"].as_f64().unwrap(), cf / n, 1e-12, id);
    }
    // Twente: 30m national against 120m regional: 30 / 150 = 0.2.
    let twente = coalitions.iter().find(|c| c["id"] == "rd_twente").unwrap();
    assert_eq!(twente["national_share"], 0.2);
    // The deals where the region puts in more than the Rijk.
    let richer: Vec<&str> = stated
        .iter()
        .filter(|c| c["national_share"].as_f64().unwrap() < 0.5)
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        richer,
        [
            "rd4_den_haag_zuidwest_ii",
            "rd4_north_sea_port_district",
            "rd_brainport",
            "rd_foodvalley",
            "rd_noord_limburg",
            "rd_twente"
        ]
    );
}
