//! The real-data fixtures of issue 18 — `fixtures/knoke`, `fixtures/rijksoverheid`,
//! `fixtures/rijksbijdragen-2014`, `fixtures/subsidies-2015` — used as an analyst would, each
//! figure compared with the independent oracle `tests/oracle/real_fixtures.py` (NetworkX, and
//! euros summed by hand; `real_fixtures/expected.json`); and `stakenet check` passing on every
//! fixture folder.

use serde_json::Value;

use crate::common::{assert_close, repo_root, stakenet, stdout_json};

const TOLERANCE: f64 = 1e-9;

fn oracle() -> Value {
    let text = std::fs::read_to_string("tests/oracle/real_fixtures/expected.json").unwrap();
    serde_json::from_str(&text).unwrap()
}

fn by_id<'a>(list: &'a Value, id: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|row| row["id"] == id)
        .unwrap_or_else(|| panic!("{id} is not in the output"))
}

fn number(value: &Value) -> f64 {
    value.as_f64().unwrap_or_else(|| panic!("{value} is no number"))
}

/// Every fixture folder that is a workspace — a folder of CSV files or a `network.json`, or a
/// folder holding one UCINET file or workbook — passes `stakenet check`. `invalid/` holds the
/// refusals, `scripts/` and `profiles/` hold no workspace.
#[test]
fn every_fixture_folder_passes_check() {
    let mut checked = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(repo_root().join("fixtures"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    entries.sort();
    for dir in entries {
        let name = dir.file_name().unwrap().to_str().unwrap().to_owned();
        if ["invalid", "scripts", "profiles"].contains(&name.as_str()) {
            continue;
        }
        let targets: Vec<_> =
            if dir.join("actors.csv").is_file() || dir.join("network.json").is_file() {
                vec![dir.clone()]
            } else {
                let mut files: Vec<_> = std::fs::read_dir(&dir)
                    .unwrap()
                    .map(|entry| entry.unwrap().path())
                    .filter(|path| {
                        matches!(
                            path.extension().and_then(|e| e.to_str()),
                            Some("dat" | "dl" | "net" | "xlsx" | "ods")
                        )
                    })
                    .collect();
                files.sort();
                files
            };
        assert!(!targets.is_empty(), "fixtures/{name} holds no workspace this test knows");
        for target in targets {
            stakenet().arg("check").arg(&target).assert().success();
            checked.push(name.clone());
        }
    }
    for name in ["knoke", "rijksoverheid", "rijksbijdragen-2014", "subsidies-2015"] {
        assert!(checked.iter().any(|c| c == name), "fixtures/{name} was not checked");
    }
}

#[test]
fn knoke_csv_workspace_agrees_with_networkx() {
    let oracle = &oracle()["knoke"];
    for layer in ["information", "money"] {
        let expected = &oracle["layers"][layer];
        let json =
            stdout_json(&["centrality", "fixtures/knoke", "--layer", layer, "--format", "json"]);
        assert_eq!(json["view"]["actors"], oracle["actors"], "{layer}");
        assert_eq!(json["network"]["ties"], expected["ties"], "{layer}");
        let what = format!("{layer} density");
        assert_close(
            number(&json["network"]["density"]),
            number(&expected["density"]),
            TOLERANCE,
            &what,
        );
        let what = format!("{layer} reciprocity");
        let (got, want) = (&json["network"]["reciprocity"], &expected["reciprocity"]);
        assert_close(number(got), number(want), TOLERANCE, &what);
        for (id, figures) in expected["actors"].as_object().unwrap() {
            let row = by_id(&json["actors"], id);
            for key in ["degree", "in_degree", "out_degree"] {
                assert_eq!(row[key], figures[key], "{layer} {id} {key}");
            }
            let what = format!("{layer} {id} betweenness");
            assert_close(
                number(&row["betweenness"]),
                number(&figures["betweenness"]),
                TOLERANCE,
                &what,
            );
        }
        // The CSV workspace is the network of UCINET's file, tie for tie.
        let dat = stdout_json(&[
            "centrality",
            "fixtures/knoke-bureaucracies/knokbur.dat",
            "--layer",
            layer,
            "--format",
            "json",
        ]);
        assert_eq!(dat["network"]["ties"], expected["ties"], "{layer} in knokbur.dat");
    }
}

#[test]
fn rijksoverheid_folds_into_ministries_and_into_the_rijk() {
    let oracle = &oracle()["rijksoverheid"];
    let summary = stdout_json(&["check", "fixtures/rijksoverheid", "--format", "json"]);
    assert_eq!(summary["actors"], oracle["actors"]);
    assert_eq!(summary["hierarchy_depth"], oracle["depth"]);
    assert_eq!(summary["layers"][0]["ties"], oracle["reporting"]);
    for (flag, value, key) in
        [("--fold", "ministry", "fold_ministry"), ("--level", "national", "level_national")]
    {
        let expected = &oracle[key];
        let json =
            stdout_json(&["centrality", "fixtures/rijksoverheid", flag, value, "--format", "json"]);
        assert_eq!(json["view"]["actors"], expected["actors"], "{flag} {value}");
        assert_eq!(json["view"]["ties"], expected["ties"], "{flag} {value}");
        for (id, in_degree) in expected["in_degree"].as_object().unwrap() {
            assert_eq!(&by_id(&json["actors"], id)["in_degree"], in_degree, "{flag} {value} {id}");
        }
    }
    // Folded into the Rijk, every independent body still stands apart and reports to it.
    assert_eq!(oracle["level_national"]["in_degree"]["rijk"], oracle["reporting"]);
}

#[test]
fn rijksbijdragen_euros_per_ministry_and_recipient_agree_with_the_sums() {
    let oracle = &oracle()["rijksbijdragen-2014"];
    let workspace = "fixtures/rijksbijdragen-2014";
    let summary = stdout_json(&["check", workspace, "--format", "json"]);
    assert_eq!(summary["actors"], oracle["actors"]);
    assert_eq!(summary["coalitions"].as_array().unwrap().len() as u64, oracle["coalitions"]);

    // Per actor: distinct payers and recipients, and strength in euros (centrality).
    let json = stdout_json(&["centrality", workspace, "--weight", "amount", "--format", "json"]);
    assert_eq!(json["view"]["weighting"], "amount");
    assert_eq!(json["view"]["ties"], oracle["ties"]);
    for (id, figures) in oracle["actors_figures"].as_object().unwrap() {
        let row = by_id(&json["actors"], id);
        assert_eq!(row["in_degree"], figures["in_degree"], "{id} in_degree");
        assert_eq!(row["out_degree"], figures["out_degree"], "{id} out_degree");
        let euros = number(&figures["in_euros"]) + number(&figures["out_euros"]);
        assert_close(number(&row["strength"]), euros, TOLERANCE, &format!("{id} strength"));
    }

    // Giving and receiving in euros (asymmetry), per actor and between the Rijk and the region;
    // an actor without money in the view (a member of a coalition only) is not listed.
    let json = stdout_json(&["asymmetry", workspace, "--weight", "amount", "--format", "json"]);
    for (id, figures) in oracle["actors_figures"].as_object().unwrap() {
        let listed = json["actors"].as_array().unwrap().iter().any(|row| row["id"] == *id);
        if !listed {
            assert_eq!(number(&figures["in_euros"]) + number(&figures["out_euros"]), 0.0, "{id}");
            continue;
        }
        let row = by_id(&json["actors"], id);
        let what = format!("{id} out_strength");
        assert_close(number(&row["out_strength"]), number(&figures["out_euros"]), TOLERANCE, &what);
        let what = format!("{id} in_strength");
        assert_close(number(&row["in_strength"]), number(&figures["in_euros"]), TOLERANCE, &what);
    }
    for (flow, euros) in oracle["flows"].as_object().unwrap() {
        let (from, to) = flow.split_once("->").unwrap();
        let group = json["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["from_group"] == from && g["to_group"] == to)
            .unwrap();
        assert_close(number(&group["weight"]), number(euros), TOLERANCE, flow);
    }

    // Euros per ministry, the budgets (funds) folded into BZK.
    let expected = &oracle["fold_ministry"];
    let json = stdout_json(&[
        "asymmetry",
        workspace,
        "--weight",
        "amount",
        "--fold",
        "ministry",
        "--format",
        "json",
    ]);
    for (id, figures) in expected["ministries"].as_object().unwrap() {
        let row = by_id(&json["actors"], id);
        let what = format!("{id} folded out_strength");
        assert_close(number(&row["out_strength"]), number(&figures["out_euros"]), TOLERANCE, &what);
        let what = format!("{id} folded in_strength");
        assert_close(number(&row["in_strength"]), number(&figures["in_euros"]), TOLERANCE, &what);
    }
}

#[test]
fn subsidies_2015_euros_per_ministry_recipient_and_sector_agree_with_the_sums() {
    let oracle = &oracle()["subsidies-2015"];
    let workspace = "fixtures/subsidies-2015";
    let summary = stdout_json(&["check", workspace, "--format", "json"]);
    assert_eq!(summary["actors"], oracle["actors"]);
    assert_eq!(summary["layers"][0]["ties"], oracle["relations"]);

    let json = stdout_json(&["centrality", workspace, "--weight", "amount", "--format", "json"]);
    for (id, figures) in oracle["ministries"].as_object().unwrap() {
        let row = by_id(&json["actors"], id);
        assert_eq!(row["out_degree"], figures["recipients"], "{id} recipients");
        let what = format!("{id} euros paid");
        assert_close(number(&row["strength"]), number(&figures["euros"]), TOLERANCE, &what);
    }

    let json = stdout_json(&[
        "asymmetry",
        workspace,
        "--weight",
        "amount",
        "--group-by",
        "sector",
        "--format",
        "json",
    ]);
    for recipient in oracle["top_recipients"].as_array().unwrap() {
        let id = recipient["id"].as_str().unwrap();
        let what = format!("{id} euros received");
        let row = by_id(&json["actors"], id);
        assert_close(number(&row["in_strength"]), number(&recipient["euros"]), TOLERANCE, &what);
    }
    // Every ministry is government: the flows from that group are the euros per recipient sector.
    for (sector, euros) in oracle["euros_by_recipient_sector"].as_object().unwrap() {
        let group = json["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["from_group"] == "government" && g["to_group"] == sector.as_str())
            .unwrap_or_else(|| panic!("no flow government -> {sector}"));
        let what = format!("government -> {sector}");
        assert_close(number(&group["weight"]), number(euros), TOLERANCE, &what);
    }
}
