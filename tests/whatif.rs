//! `stakenet whatif`: fragmentation and distance-weighted fragmentation against brute-force
//! NetworkX (`tests/oracle/diff.py`, random graphs, disconnected ones included), the CLI on the
//! bundled Regio Deals, refusals and determinism.

use serde_json::Value;
use stakenet::View;
use stakenet::analysis::key_players;

use crate::common::{assert_close, repo_root, stakenet, stderr_text, stdout_json};

fn cases() -> Vec<Value> {
    let path = repo_root().join("tests/oracle/diff/expected.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["fragmentation"].as_array().unwrap().clone()
}

fn optional(actual: Option<f64>, expected: &Value, what: &str) {
    match expected.as_f64() {
        None => assert_eq!(actual, None, "{what}"),
        Some(e) => assert_close(actual.unwrap(), e, 1e-12, what),
    }
}

#[test]
fn fragmentation_agrees_with_brute_force_networkx() {
    let cases = cases();
    assert!(
        cases.iter().any(|c| c["components"].as_u64().unwrap() > 1),
        "some graph is disconnected"
    );
    for (i, case) in cases.iter().enumerate() {
        let n = case["n"].as_u64().unwrap() as usize;
        let arcs: Vec<(u32, u32, f64)> = case["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e[0].as_u64().unwrap() as u32, e[1].as_u64().unwrap() as u32, 1.0))
            .collect();
        let view = View::from_arcs(n, arcs, false).unwrap();
        let ranked = key_players(&view, true, &());
        let (f, df, players) =
            (ranked.fragmentation, ranked.distance_fragmentation, ranked.players);
        optional(f, &case["fragmentation"], &format!("case {i} F"));
        optional(df, &case["distance_fragmentation"], &format!("case {i} DF"));
        for (v, want) in case["removed"].as_array().unwrap().iter().enumerate() {
            let p = players.iter().find(|p| p.actor.index() == v).unwrap();
            optional(p.fragmentation, &want["fragmentation"], &format!("case {i} node {v} F"));
            optional(
                p.distance_fragmentation,
                &want["distance_fragmentation"],
                &format!("case {i} node {v} DF"),
            );
        }
    }
}

#[test]
fn rank_names_the_actors_the_deal_cannot_lose() {
    let doc =
        stdout_json(&["whatif", "--coalition", "rd5_achterhoek_ii", "--rank", "--format", "json"]);
    let actors = doc["actors"].as_array().unwrap();
    assert!(!actors.is_empty());
    let f: Vec<f64> = actors.iter().map(|a| a["fragmentation"].as_f64().unwrap()).collect();
    assert!(f.windows(2).all(|w| w[0] >= w[1]), "sorted by fragmentation: {f:?}");
    assert!(doc["fragmentation"].as_f64().is_some());
}

#[test]
fn without_an_actor_the_deal_shows_what_it_loses() {
    let doc = stdout_json(&[
        "whatif",
        "--coalition",
        "rd5_achterhoek_ii",
        "--without",
        "min_bzk",
        "--format",
        "json",
    ]);
    assert_eq!(doc["without"][0], "min_bzk");
    let after: usize = doc["components_after"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_u64().unwrap() as usize)
        .sum();
    let before: usize = doc["components_before"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_u64().unwrap() as usize)
        .sum();
    assert_eq!(after + 1, before, "one actor fewer");
    assert!(doc["summary"][0].as_str().unwrap().contains("without min_bzk"));
}

#[test]
fn the_same_ranking_at_any_thread_count() {
    let args = ["whatif", "--rank", "--format", "csv"];
    let one = stakenet()
        .args(args)
        .args(["--threads", "1"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let four = stakenet()
        .args(args)
        .args(["--threads", "4"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(one, four);
}

#[test]
fn an_unknown_actor_is_refused_with_a_suggestion() {
    let assert = stakenet().args(["whatif", "--without", "min_ezkk"]).assert().code(2);
    let err = stderr_text(&assert);
    assert!(
        err.contains("error: --without min_ezkk: no actor min_ezkk")
            && err.contains("did you mean `min_ezk`"),
        "{err}"
    );
    let assert =
        stakenet().args(["whatif", "--coalition", "rd_nowhere", "--rank"]).assert().code(2);
    assert!(stderr_text(&assert).contains("--coalition rd_nowhere"));
    let assert = stakenet().args(["whatif", "--coalition", "rd_twente"]).assert().code(2);
    assert!(stderr_text(&assert).contains("--without ACTOR"));
}

#[test]
fn a_topic_hanging_on_one_unit_is_named_and_lost_without_it() {
    let ws = repo_root().join("fixtures/connectieplan").display().to_string();
    let doc = stdout_json(&["whatif", &ws, "--coalition", "twente", "--rank", "--format", "json"]);
    let mbo = doc["actors"].as_array().unwrap().iter().find(|a| a["id"] == "dep_ocw_mbo").unwrap();
    assert_eq!(mbo["topics_lost"], "arbeidsmarkt en talent");
    let doc = stdout_json(&[
        "whatif",
        &ws,
        "--coalition",
        "twente",
        "--without",
        "dep_ocw_mbo",
        "--format",
        "json",
    ]);
    let summary: Vec<&str> =
        doc["summary"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
    assert!(
        summary.iter().any(|l| l.contains("1 worse: arbeidsmarkt en talent (fragile -> gap)")),
        "{summary:?}"
    );
    assert!(summary.iter().any(|l| l.contains("the network splits")), "{summary:?}");
    assert!(!summary.iter().any(|l| l.contains("only in the workspace before")), "{summary:?}");
}

#[test]
fn a_party_joining_counts_as_a_member() {
    let doc = stdout_json(&[
        "whatif",
        "--coalition",
        "rd5_achterhoek_ii",
        "--with",
        "min_kgg",
        "--format",
        "json",
    ]);
    let summary = doc["summary"].as_array().unwrap();
    assert!(
        summary.iter().any(|l| l.as_str().unwrap().contains("(1 joined, 0 left)")),
        "{summary:?}"
    );
    let assert = stakenet()
        .args(["whatif", "--coalition", "rd5_achterhoek_ii", "--with", "min_ienw"])
        .assert()
        .code(2);
    assert!(stderr_text(&assert).contains("--with min_ienw: already a party to rd5_achterhoek_ii"));
}
