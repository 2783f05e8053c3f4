//! `stakenet diff` against the NetworkX oracle `tests/oracle/diff.py` (seeded workspaces with
//! planted changes), its three forms on the bundled Regio Deals, refusals and determinism.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::common::{assert_close, repo_root, stakenet, stderr_text, stdout_json};

fn expected() -> Value {
    let path = repo_root().join("tests/oracle/diff/expected.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn ws(name: &str) -> String {
    repo_root().join("tests/oracle/diff").join(name).display().to_string()
}

fn pairs(value: &Value) -> BTreeSet<(String, String)> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap().to_owned(), p[1].as_str().unwrap().to_owned()))
        .collect()
}

fn figure(doc: &Value, name: &str) -> (f64, f64) {
    let f = doc["figures"].as_array().unwrap().iter().find(|f| f["figure"] == name).unwrap();
    (f["before"].as_f64().unwrap(), f["after"].as_f64().unwrap())
}

#[test]
fn two_dates_agree_with_the_oracle() {
    let oracle = expected();
    let (from, to) = (oracle["from"].as_str().unwrap(), oracle["to"].as_str().unwrap());
    for (name, want) in oracle["workspaces"].as_object().unwrap() {
        let doc = stdout_json(&["diff", &ws(name), "--from", from, "--to", to, "--format", "json"]);
        for layer in doc["layers"].as_array().unwrap() {
            let l = layer["layer"].as_str().unwrap();
            let w = &want["layers"][l];
            assert_eq!(pairs(&layer["gained"]), pairs(&w["gained"]), "{name} {l} gained");
            assert_eq!(pairs(&layer["lost"]), pairs(&w["lost"]), "{name} {l} lost");
            assert_eq!(layer["kept"], w["kept"], "{name} {l} kept");
            assert_close(
                layer["jaccard"].as_f64().unwrap(),
                w["jaccard"].as_f64().unwrap(),
                1e-12,
                l,
            );
        }
        for f in ["actors", "density", "weak_components", "mean_degree"] {
            let (b, a) = figure(&doc, f);
            assert_close(
                b,
                want["before"][f].as_f64().unwrap(),
                1e-12,
                &format!("{name} {f} before"),
            );
            assert_close(
                a,
                want["after"][f].as_f64().unwrap(),
                1e-12,
                &format!("{name} {f} after"),
            );
        }
    }
}

#[test]
fn two_workspaces_match_actors_by_id_and_list_the_others() {
    let oracle = expected();
    let follow = &oracle["followup"];
    let doc = stdout_json(&[
        "diff",
        &ws("ws1"),
        &ws("ws1_followup"),
        "--at",
        follow["baseline_on"].as_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(doc["only_before"], follow["only_before"]);
    assert_eq!(doc["only_after"], follow["only_after"]);
    // The follow-up holds the ties of the date form's "after": the same gained and lost.
    let want = &oracle["workspaces"]["ws1"]["layers"];
    for layer in doc["layers"].as_array().unwrap() {
        let l = layer["layer"].as_str().unwrap();
        assert_eq!(pairs(&layer["gained"]), pairs(&want[l]["gained"]), "{l} gained");
        assert_eq!(pairs(&layer["lost"]), pairs(&want[l]["lost"]), "{l} lost");
    }
}

#[test]
fn a_deal_and_the_deal_it_follows() {
    let doc = stdout_json(&[
        "diff",
        "--coalition",
        "rd5_achterhoek_ii",
        "--vs",
        "previous",
        "--format",
        "json",
    ]);
    assert!(doc["before"].as_str().unwrap().starts_with("rd_achterhoek"));
    assert!(doc["after"].as_str().unwrap().starts_with("rd5_achterhoek_ii"));
    let members = &doc["members"];
    assert!(members["before"].as_u64().unwrap() > 0 && members["after"].as_u64().unwrap() > 0);
    assert!(!doc["topics"].as_array().unwrap().is_empty());
    assert!(
        doc["money"].as_array().unwrap().iter().any(|f| f["figure"] == "national_contribution")
    );
    let text = crate::common::stdout_text(
        &stakenet()
            .args([
                "diff",
                "--coalition",
                "rd4_twente_ii",
                "--vs",
                "rd_twente",
                "--format",
                "table",
            ])
            .assert()
            .success(),
    );
    assert!(text.starts_with("Compared: rd_twente"), "{text}");
    assert!(
        text.contains("Members: ") && text.contains("Topics: ") && text.contains("Money: "),
        "{text}"
    );
}

#[test]
fn the_same_output_at_any_thread_count() {
    for args in [
        vec!["diff", "--coalition", "rd5_achterhoek_ii", "--vs", "previous", "--format", "csv"],
        vec!["diff", "--from", "2019-07-01", "--to", "2023-12-31", "--format", "json"],
    ] {
        let one = stakenet()
            .args(&args)
            .args(["--threads", "1"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let four = stakenet()
            .args(&args)
            .args(["--threads", "4"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        assert_eq!(one, four, "{args:?}");
    }
}

#[track_caller]
fn refused(args: &[&str], expected: &[&str]) {
    let assert = stakenet().args(args).assert().code(2);
    let err = stderr_text(&assert);
    assert!(err.contains("error: "), "{err}");
    for text in expected {
        assert!(err.contains(text), "{args:?}: {err}");
    }
}

#[test]
fn bad_input_is_refused_with_what_is_accepted() {
    refused(
        &["diff", "--coalition", "rd_nowhere", "--vs", "previous"],
        &["--coalition rd_nowhere", "expected one of"],
    );
    refused(
        &["diff", "--coalition", "rd_twente", "--vs", "rd_nowhere"],
        &["--vs rd_nowhere", "expected one of"],
    );
    refused(&["diff", "--coalition", "rd_twente", "--vs", "rd_twente"], &["compared with itself"]);
    refused(
        &["diff", "--coalition", "rd_twente", "--vs", "previous"],
        &["follows no earlier deal", "rd4_twente_ii"],
    );
    refused(
        &["diff", "--from", "2022-01-01", "--to", "2019-01-01"],
        &["--from 2022-01-01 is not before --to 2019-01-01"],
    );
    refused(
        &["diff", "--from", "2022-13-01", "--to", "2023-01-01"],
        &["--from 2022-13-01", "YYYY-MM-DD"],
    );
    refused(&["diff"], &["--from DATE --to DATE", "--vs"]);
    // Two workspaces without a shared id: said, not a diff of everything.
    refused(
        &["diff", &ws("ws1"), &repo_root().join("fixtures/tiny").display().to_string()],
        &["share no actor id"],
    );
}
