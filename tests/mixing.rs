//! `mixing`: the mixing matrix, the E-I index and the assortativity against the NetworkX oracle
//! `tests/oracle/mixing.py` on the bundled Regio Deals and the analyst's workspace; the
//! permutation test the same at any thread count.

use serde_json::Value;

use crate::common::{assert_close, repo_root, stakenet, stdout_json};

fn oracle() -> Value {
    let path = repo_root().join("tests/oracle/mixing/expected.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn mixing_agrees_with_networkx() {
    let oracle = oracle();
    for fixture in ["regio-deals", "twente-analyst"] {
        for group_by in ["side", "sector"] {
            let expected = &oracle[fixture][group_by];
            let path = format!("fixtures/{fixture}");
            let got = stdout_json(&[
                "mixing",
                &path,
                "--at",
                "2024-12-31",
                "--group-by",
                group_by,
                "--permutations",
                "0",
                "--format",
                "json",
            ]);
            let what = format!("{fixture} by {group_by}");
            assert_eq!(got["matrix"]["labels"], expected["labels"], "{what}");
            assert_eq!(got["matrix"]["rows"], expected["matrix"], "{what}");
            assert_close(
                got["ei"].as_f64().unwrap(),
                expected["ei"].as_f64().unwrap(),
                1e-12,
                &what,
            );
            assert_close(
                got["assortativity"].as_f64().unwrap(),
                expected["assortativity"].as_f64().unwrap(),
                1e-9,
                &what,
            );
            assert!(got["test"].is_null(), "{what}: no test with --permutations 0");
            for row in got["groups"].as_array().unwrap() {
                let label = row["group"].as_str().unwrap();
                let want = &expected["groups"][label];
                for key in ["actors", "internal", "external"] {
                    assert_eq!(row[key].as_f64(), want[key].as_f64(), "{what} {label} {key}");
                }
                match want["ei"].as_f64() {
                    Some(ei) => assert_close(row["ei"].as_f64().unwrap(), ei, 1e-12, &what),
                    None => assert!(row["ei"].is_null(), "{what} {label}"),
                }
            }
        }
    }
}

#[test]
fn the_permutation_test_is_the_same_at_any_thread_count_and_says_what_it_found() {
    let run = |threads: &str| {
        stakenet()
            .args(["mixing", "--group-by", "side", "--permutations", "300", "--seed", "5"])
            .args(["--threads", threads, "--format", "json"])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run("1"), run("4"));
    let json: Value = serde_json::from_slice(&run("2")).unwrap();
    let test = &json["test"];
    assert_eq!(test["permutations"], 300);
    // Far more Rijk–region ties than the 14 national actors among 352 would get by chance.
    assert!(test["expected"].as_f64().unwrap() < json["ei"].as_f64().unwrap());
    assert_eq!(test["p_at_least"].as_f64(), Some(0.0));
    let table =
        stakenet().args(["mixing", "--group-by", "side", "--format", "table"]).output().unwrap();
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.contains("E-I index by side: 0.027"), "{text}");
    assert!(text.contains("Assortativity (Newman's r) by side: -0.040"), "{text}");
}

#[test]
fn a_grouping_the_workspace_lacks_is_refused() {
    let output = stakenet().args(["mixing", "--group-by", "colour"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with("error: --group-by colour"), "{stderr}");
}
