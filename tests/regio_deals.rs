//! The bundled Regio Deal workspace (tranches I–V) against an independent oracle:
//! `tests/oracle/regio_deals.py` sums from the CSV files alone, per deal and date, the euros
//! that run between the Rijk and the region (funding, cofinancing), with a few sums worked by
//! hand from the sources; stakenet's `asymmetry` must give the same flows. Also what the eras
//! look like: `--at` separates 2019 from 2024, and a region's later deal says what it follows.

use serde_json::Value;

use crate::common::{assert_close, repo_root, stdout_json};

fn oracle() -> Value {
    let path = repo_root().join("tests/oracle/regio_deals/expected.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// stakenet's flow from one side to the other in one layer (0 when it lists none).
fn flow(json: &Value, layer: &str, direction: &str) -> f64 {
    let (from, to) = direction.split_once("->").unwrap();
    json["groups"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["layer"] == layer && g["from_group"] == from && g["to_group"] == to)
        .map(|g| g["weight"].as_f64().unwrap())
        .sum()
}

#[test]
fn euros_between_rijk_and_region_per_deal_agree_with_the_oracle() {
    let oracle = oracle();
    let mut checked = 0;
    for (date, deals) in oracle["dates"].as_object().unwrap() {
        for (deal, expected) in deals.as_object().unwrap() {
            let json =
                stdout_json(&["asymmetry", "--coalition", deal, "--at", date, "--format", "json"]);
            for layer in ["funding", "cofinancing"] {
                let weighting = json["layers"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|l| l["layer"] == layer)
                    .map(|l| l["weighting"].clone());
                assert_eq!(weighting, Some(Value::from("amount")), "{deal} {date} {layer}");
                for direction in ["rijk->region", "region->rijk", "region->region", "rijk->rijk"] {
                    let want = expected["flows"][layer][direction].as_f64().unwrap_or(0.0);
                    let what = format!("{deal} {date} {layer} {direction}");
                    assert_close(flow(&json, layer, direction), want, 1e-9, &what);
                    checked += 1;
                }
            }
        }
    }
    // 67 deals × 2 dates × 2 layers × 4 directions.
    assert_eq!(checked, 67 * 2 * 2 * 4);
}

#[test]
fn the_eras_separate_by_date_and_later_deals_name_the_first() {
    let oracle = oracle();
    // On 2019-01-01 only the deals signed in 2018 have euros in force; on 2024-12-31 all do.
    let with_euros = |date: &str| {
        oracle["dates"][date]
            .as_object()
            .unwrap()
            .values()
            .filter(|d| !d["flows"].as_object().unwrap().is_empty())
            .count()
    };
    assert_eq!(with_euros("2024-12-31"), 67);
    // The five of tranche I (signed in 2018; Zeeland dated only "2018", so from 2018-01-01).
    assert_eq!(with_euros("2019-01-01"), 5);
    let json = stdout_json(&["check", "--format", "json"]);
    assert_eq!(json["coalitions"].as_array().unwrap().len(), 67);
    // A second deal of a region is its own coalition that says which deal it follows.
    let coalitions =
        std::fs::read_to_string(repo_root().join("fixtures/regio-deals/coalitions.csv")).unwrap();
    let follows: Vec<&str> =
        coalitions.lines().filter(|l| l.starts_with("rd4_twente_ii,")).collect();
    assert_eq!(follows.len(), 1);
    assert!(follows[0].ends_with(",rd_twente"), "{}", follows[0]);
}

/// The report shows the relations behind a deal's euros with what the fixture notes about each:
/// Twente I's €30m is the national contribution, derived from coalitions.csv, not a stated
/// payment; a relation of Twente II (2023) is not among Twente I's.
#[test]
fn the_report_says_which_euros_are_derived() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report");
    crate::common::stakenet()
        .args(["report", "--coalition", "rd_twente", "-o"])
        .arg(&out)
        .assert()
        .success();
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    let start = html.find("with euros behind these figures").expect("the table of euros");
    let table = &html[start..start + html[start..].find("</table>").unwrap()];
    assert_eq!(table.matches("<tr><td>").count(), 3, "{table}");
    assert!(table.contains("€30.0m") && table.contains("evidence: derived"), "{table}");
    assert_eq!(table.matches("evidence: stated").count(), 2, "{table}");
}
