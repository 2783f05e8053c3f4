//! `influence`: perceived influence against degree on a seeded workspace, against scipy's
//! Spearman and Kendall and NetworkX's degrees (`tests/oracle/influence.py`); the refusals.

use serde_json::Value;

use crate::common::{assert_close, repo_root, stakenet, stdout_json};

#[test]
fn influence_agrees_with_scipy_and_networkx() {
    let root = repo_root().join("tests/oracle/influence");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("expected.json")).unwrap())
            .unwrap();
    let workspace = root.join("workspace");
    let got = stdout_json(&[
        "influence",
        workspace.to_str().unwrap(),
        "--measure",
        "degree",
        "--format",
        "json",
    ]);
    assert_eq!(got["rated"], expected["rated"]);
    assert_close(
        got["spearman"].as_f64().unwrap(),
        expected["spearman"].as_f64().unwrap(),
        1e-12,
        "rho",
    );
    assert_close(
        got["kendall"].as_f64().unwrap(),
        expected["kendall"].as_f64().unwrap(),
        1e-12,
        "tau-b",
    );
    let actors = got["actors"].as_array().unwrap();
    assert_eq!(actors.len(), expected["actors"].as_object().unwrap().len());
    for row in actors {
        let id = row["id"].as_str().unwrap();
        let want = &expected["actors"][id];
        for key in
            ["influence", "structural", "perceived_percentile", "structural_percentile", "gap"]
        {
            assert_close(
                row[key].as_f64().unwrap(),
                want[key].as_f64().unwrap(),
                1e-12,
                &format!("{id} {key}"),
            );
        }
        assert_eq!(row["reading"], want["reading"], "{id}");
    }
}

#[test]
fn influence_refuses_what_it_cannot_compare() {
    let refused = |args: &[&str], start: &str| {
        let output = stakenet().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.starts_with(start), "{args:?}: {stderr}");
    };
    // The bundled workspace rates no one.
    refused(&["influence"], "error: no actor has an influence; add an `influence` column");
    refused(
        &["influence", "fixtures/tiny", "--measure", "fame"],
        "error: --measure fame: not a measure; use one of degree,",
    );
    refused(&["influence", "fixtures/tiny", "--gap", "0"], "error: --gap 0: give a share");
    refused(&["influence", "fixtures/tiny", "--gap", "1.5"], "error: --gap 1.5: give a share");
}
