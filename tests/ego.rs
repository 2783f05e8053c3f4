//! `ego`: ego networks on the analyst's workspace against the NetworkX oracle
//! `tests/oracle/ego.py` (alters, ties among them, density, Blau and IQV, Burt's measures); the
//! refusals.

use serde_json::Value;

use crate::common::{assert_close, repo_root, stakenet, stdout_json};

#[test]
fn ego_networks_agree_with_networkx() {
    let path = repo_root().join("tests/oracle/ego/expected.json");
    let oracle: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for (key, expected) in oracle.as_object().unwrap().iter().filter(|(k, _)| k.contains('/')) {
        let (ego, radius) = key.split_once('/').unwrap();
        let got = stdout_json(&[
            "ego",
            ego,
            "fixtures/twente-analyst",
            "--radius",
            radius,
            "--at",
            "2024-06-01",
            "--format",
            "json",
        ]);
        let mut alters: Vec<&str> =
            got["alters"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
        alters.sort_unstable();
        let want: Vec<&str> =
            expected["alters"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
        assert_eq!(alters, want, "{key}");
        assert_eq!(got["ties_among_alters"], expected["ties_among_alters"], "{key}");
        for figure in ["density", "blau", "iqv", "effective_size", "constraint"] {
            match expected[figure].as_f64() {
                Some(value) => assert_close(
                    got[figure].as_f64().unwrap(),
                    value,
                    1e-9,
                    &format!("{key} {figure}"),
                ),
                None => assert!(got[figure].is_null(), "{key} {figure}: {}", got[figure]),
            }
        }
    }
}

#[test]
fn ego_refuses_an_unknown_actor_with_a_suggestion_and_a_zero_radius() {
    let output = stakenet().args(["ego", "prov_overijsel"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr.trim_end(),
        "error: ACTOR: no actor prov_overijsel; expected an id of actors.csv; did you mean `prov_overijssel`?"
    );
    let output = stakenet().args(["ego", "prov_overijssel", "--radius", "0"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}
