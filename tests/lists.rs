//! Readable lists and figures an analyst can trust, on `fixtures/twente-analyst` (directed
//! funding, information, reporting and mandate layers beside an undirected collaboration layer:
//! a mixed view): degree counts distinct partners, reciprocity reads directed ties only, and
//! `--sort`/`--top` give the highest values.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::common::{repo_root, stakenet, stderr_text, stdout_json};

const WORKSPACE: &str = "fixtures/twente-analyst";

/// The relations of the fixture: (source, target, layer), read straight from the CSV.
fn relations() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(repo_root().join(WORKSPACE).join("relations.csv")).unwrap();
    text.lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            (cells[0].to_owned(), cells[1].to_owned(), cells[2].to_owned())
        })
        .collect()
}

fn rd_twente() -> Value {
    stdout_json(&["centrality", WORKSPACE, "--coalition", "rd_twente", "--format", "json"])
}

/// The ids of the actors of a centrality JSON output.
fn actor_ids(json: &Value) -> BTreeSet<String> {
    json["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn degree_of_twente_board_is_its_number_of_distinct_partners() {
    // By hand from relations.csv: twente_board is tied to kn_roc, bus_demcon (funding out),
    // prov_overijssel, regio_twente (funding and mandate in; prov also collaboration),
    // ezk_re, ezk_dgbi, kn_utwente, kn_saxion, bus_vno_ncw, bus_demcon, bus_thales
    // (collaboration) and lnv_dealmaker (collaboration and information out): 11 distinct
    // partners, of which bus_thales is outside rd_twente's scope (a member of the 2023 deal
    // only). So 10 — where in + out arcs would give 9 + 9 = 18. The same count, computed
    // from the file and the view's actors:
    let json = rd_twente();
    let in_view = actor_ids(&json);
    let relations = relations();
    let partners: BTreeSet<&str> = relations
        .iter()
        .filter_map(|(s, t, _)| match (s.as_str(), t.as_str()) {
            ("twente_board", other) | (other, "twente_board") => Some(other),
            _ => None,
        })
        .filter(|other| in_view.contains(*other))
        .collect();
    assert_eq!(partners.len(), 10, "{partners:?}");
    let board =
        json["actors"].as_array().unwrap().iter().find(|a| a["id"] == "twente_board").unwrap();
    assert_eq!(board["degree"], 10);
    assert_eq!((board["in_degree"].as_u64(), board["out_degree"].as_u64()), (Some(9), Some(9)));
    // No actor's degree exceeds the number of other actors.
    let n = in_view.len() as u64;
    assert!(json["actors"].as_array().unwrap().iter().all(|a| a["degree"].as_u64() < Some(n)));
}

#[test]
fn reciprocity_excludes_collaboration_ties() {
    let json = rd_twente();
    let in_view = actor_ids(&json);
    let inside = |s: &str, t: &str| in_view.contains(s) && in_view.contains(t);
    let relations = relations();
    let arcs: BTreeSet<(&str, &str)> = relations
        .iter()
        .filter(|(s, t, layer)| layer != "collaboration" && inside(s, t))
        .map(|(s, t, _)| (s.as_str(), t.as_str()))
        .collect();
    let returned = arcs.iter().filter(|(s, t)| arcs.contains(&(*t, *s))).count();
    let pairs: BTreeSet<(&str, &str)> = relations
        .iter()
        .filter(|(s, t, layer)| layer == "collaboration" && inside(s, t))
        .map(|(s, t, _)| if s < t { (s.as_str(), t.as_str()) } else { (t.as_str(), s.as_str()) })
        .collect();
    let network = &json["network"];
    assert_eq!(network["directed_ties"].as_u64(), Some(arcs.len() as u64));
    assert_eq!(network["undirected_ties"].as_u64(), Some(pairs.len() as u64));
    assert_eq!(network["ties"].as_u64(), Some((arcs.len() + pairs.len()) as u64));
    // No directed tie of rd_twente is answered by a directed tie: twente_board informs the
    // dealmaker and regio_twente reports to the accounthouder, who answer only through
    // collaboration. Counting collaboration as returned arcs gave 0.89.
    assert_eq!(returned, 0);
    assert_eq!(network["reciprocity"].as_f64(), Some(returned as f64 / arcs.len() as f64));
    let notes = network["notes"].as_array().unwrap();
    assert!(notes.iter().any(|n| n.as_str().unwrap().starts_with("reciprocity:")), "{notes:?}");
    // Not connected: closeness centralization is 0 by convention, and says so.
    assert_eq!(network["closeness_centralization"].as_f64(), Some(0.0));
    assert!(notes.iter().any(|n| n.as_str().unwrap().starts_with("closeness centralization:")));
    assert!(network["harmonic_centralization"].as_f64().unwrap() > 0.0);
}

#[test]
fn sort_and_top_give_the_highest_values() {
    let all = rd_twente();
    let mut ranked: Vec<(f64, String)> = all["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["betweenness"].as_f64().unwrap(), a["id"].as_str().unwrap().to_owned()))
        .collect();
    // Largest first, equal values by id.
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let top = stdout_json(&[
        "centrality",
        WORKSPACE,
        "--coalition",
        "rd_twente",
        "--sort",
        "betweenness",
        "--top",
        "3",
        "--format",
        "json",
    ]);
    let got: Vec<&str> =
        top["actors"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    let expected: Vec<&str> = ranked[..3].iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(got, expected);
    assert_eq!(got, ["twente_board", "regio_twente", "kn_saxion"]);
    // The network figures are those of the whole view, not of the three rows.
    assert_eq!(top["network"], all["network"]);
}

#[test]
fn unknown_sort_measures_are_refused_with_the_accepted_ones() {
    let output = stakenet().args(["centrality", WORKSPACE, "--sort", "influence"]).assert().code(2);
    let text = stderr_text(&output);
    assert!(text.contains("--sort influence"), "{text}");
    assert!(text.contains("betweenness") && text.contains("pagerank"), "{text}");
    let output = stakenet().args(["brokerage", WORKSPACE, "--sort", "z_liaison"]).assert().code(2);
    assert!(stderr_text(&output).contains("effective_size"));
    let output =
        stakenet().args(["interdependence", WORKSPACE, "--sort", "degree"]).assert().code(2);
    assert!(stderr_text(&output).contains("power_imbalance"));
    let output = stakenet()
        .args(["centrality", WORKSPACE, "--measures", "pagerank", "--sort", "closeness"])
        .assert()
        .code(2);
    assert!(stderr_text(&output).contains("add closeness to --measures"));
}
