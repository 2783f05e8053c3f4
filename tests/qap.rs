//! `qap`: MR-QAP and QAP correlation against R sna's netlm, gcor and qaptest
//! (`tests/oracle/qap.py`): coefficients, t and r exactly, p-values within Monte Carlo error of
//! the same number of permutations; the same at any thread count; the refusals.

use serde_json::Value;

use crate::common::{assert_close, repo_root, stakenet, stdout_json};

#[test]
fn qap_agrees_with_r_sna() {
    let root = repo_root().join("tests/oracle/qap");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("expected.json")).unwrap())
            .unwrap();
    let workspace = root.join("workspace");
    let got = stdout_json(&[
        "qap",
        workspace.to_str().unwrap(),
        "--y",
        "funding",
        "--x",
        "advice",
        "--x",
        "reporting",
        "--permutations",
        "2000",
        "--format",
        "json",
    ]);
    let rows = got["coefficients"].as_array().unwrap();
    let want = expected["coefficients"].as_array().unwrap();
    assert_eq!(rows.len(), want.len());
    for (i, (row, want)) in rows.iter().zip(want).enumerate() {
        assert_close(
            row["estimate"].as_f64().unwrap(),
            want["estimate"].as_f64().unwrap(),
            1e-9,
            &format!("estimate {i}"),
        );
        assert_close(
            row["t"].as_f64().unwrap(),
            want["t"].as_f64().unwrap(),
            1e-7,
            &format!("t {i}"),
        );
        if i > 0 {
            // Two independent Monte Carlo estimates of one p-value from 2000 permutations each.
            let (ours, theirs) =
                (row["p_absolute"].as_f64().unwrap(), want["p_absolute"].as_f64().unwrap());
            assert!((ours - theirs).abs() < 0.05, "p {i}: {ours} against sna's {theirs}");
        }
    }
    let advice = &got["correlations"][0];
    assert_close(
        advice["correlation"].as_f64().unwrap(),
        expected["r"].as_f64().unwrap(),
        1e-12,
        "r",
    );
    let p = advice["test"]["p_at_least"].as_f64().unwrap();
    assert!((p - expected["r_p_at_least"].as_f64().unwrap()).abs() < 0.05, "{p}");
}

#[test]
fn qap_is_the_same_at_any_thread_count_and_refuses_unknown_layers() {
    let workspace = repo_root().join("tests/oracle/qap/workspace");
    let run = |threads: &str| {
        stakenet()
            .arg("qap")
            .arg(&workspace)
            .args(["--y", "funding", "--x", "advice", "--x", "reporting"])
            .args(["--permutations", "300", "--threads", threads, "--format", "json"])
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert!(one.starts_with(b"{"), "{}", String::from_utf8_lossy(&one));
    assert_eq!(one, run("4"));
    let output = stakenet().args(["qap", "--y", "funding", "--x", "advies"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with("error: --x advies: no layer advies; this network has"), "{stderr}");
    assert!(stderr.contains("same:sector"), "{stderr}");
}
