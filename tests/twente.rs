//! An analyst's own workspace (fixtures/twente-analyst): departments under ministries, a
//! dealmaker, amounts, ended ties, ids without `min_`. Each figure is checked against the
//! NetworkX oracle `tests/oracle/twente.py` (twente/expected.json) or worked by hand
//! from the fixture's CSV files.

use serde_json::Value;
use stakenet::analysis::{Moment, Profile, compare};
use stakenet::{LayerChoice, Scope, TieWeight, View, ViewError, ViewSpec, Weighting};

use crate::common::{assert_close, load_fixture, stakenet, stdout_json};

const WORKSPACE: &str = "fixtures/twente-analyst";

fn oracle() -> Value {
    let text = std::fs::read_to_string("tests/oracle/twente/expected.json").unwrap();
    serde_json::from_str(&text).unwrap()
}

fn ids(list: &Value, key: &str) -> Vec<String> {
    list.as_array().unwrap().iter().map(|v| v[key].as_str().unwrap().to_owned()).collect()
}

#[test]
fn a_deal_is_its_members_and_their_units_on_its_date() {
    let oracle = oracle();
    for (coalition, date) in
        [("rd_twente", "2022-12-31"), ("rd_twente", "2020-06-01"), ("rd_twente_2", "2024-01-01")]
    {
        let expected = &oracle[format!("{coalition}@{date}")];
        let json = stdout_json(&[
            "centrality",
            WORKSPACE,
            "--coalition",
            coalition,
            "--at",
            date,
            "--format",
            "json",
        ]);
        let parties: Vec<String> = expected["parties"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap().to_owned())
            .collect();
        assert_eq!(ids(&json["actors"], "id"), parties, "{coalition} on {date}");
        assert_eq!(json["view"]["ties"], expected["ties"], "{coalition} on {date}");
    }
    // The directorates of signing ministries are in rd_twente; Oldenzaal, a municipality under
    // the member Regio Twente, is a party of its own, not a unit; Almelo left on 2020-12-31.
    let parties = &oracle["rd_twente@2022-12-31"]["parties"];
    let has = |id: &str| parties.as_array().unwrap().iter().any(|p| p == id);
    assert!(has("ocw_mbo") && has("szw_dgwb") && has("bzk_accounthouder"));
    assert!(!has("gem_oldenzaal") && !has("gem_almelo") && !has("ienw_rws_oost"));

    // --members-only leaves the units out.
    let json = stdout_json(&[
        "centrality",
        WORKSPACE,
        "--coalition",
        "rd_twente",
        "--members-only",
        "--at",
        "2022-12-31",
        "--format",
        "json",
    ]);
    assert_eq!(json["actors"].as_array().unwrap().len(), 17);
    assert!(!ids(&json["actors"], "id").contains(&"ocw_mbo".to_owned()));
}

#[test]
fn compare_counts_relations_not_shared_membership() {
    let network = load_fixture("twente-analyst");
    let oracle = oracle();
    let date = "2022-12-31".parse().unwrap();
    let rows = compare(&network, &Profile::default(), Moment::asked(date)).unwrap();
    let row = |key: &str| rows.iter().find(|r| network.coalition(r.coalition).key == key).unwrap();
    let expected = &oracle["rd_twente@2022-12-31"];
    assert_eq!(row("rd_twente").n_ties as u64, expected["ties"].as_u64().unwrap());
    assert_close(
        row("rd_twente").density.unwrap(),
        expected["density"].as_f64().unwrap(),
        1e-12,
        "density of rd_twente",
    );
    // grensregio's parties have no relation among them: no density, never the clique's 1.
    let border = row("grensregio");
    assert_eq!((border.n_ties, border.density, border.centralization), (0, None, None));

    let output = stakenet()
        .args(["compare", WORKSPACE, "--at", "2022-12-31", "--format", "table"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&output.get_output().stdout).into_owned();
    assert!(text.contains("Described as on 2022-12-31, the date asked for"), "{text}");
    // Asked for 2022-12-31, rd_twente_2 (from 2023-06-01) has no members yet, grensregio no
    // relations: two rows without density.
    assert!(text.contains("blank for the 2 coalition(s) with no relations recorded"), "{text}");
}

#[test]
fn money_is_counted_in_euros() {
    let oracle = oracle();
    // The ROC receives €1.5m from OCW's MBO directorate and €4.5m from the Twente Board.
    let json = stdout_json(&[
        "interdependence",
        WORKSPACE,
        "--coalition",
        "rd_twente",
        "--at",
        "2022-12-31",
        "--layer",
        "funding",
        "--format",
        "json",
    ]);
    assert_eq!(json["weighting"], "amount");
    let expected = &oracle["kn_roc_dependence@2022-12-31"];
    for pair in json["pairs"].as_array().unwrap() {
        if pair["a"] == "kn_roc" {
            let funder = pair["b"].as_str().unwrap();
            assert_close(
                pair["d_ab"].as_f64().unwrap(),
                expected[funder].as_f64().unwrap(),
                1e-12,
                funder,
            );
        }
    }
    assert_close(expected["ocw_mbo"].as_f64().unwrap(), 0.25, 1e-12, "by hand: 1.5 / 6");

    // Asymmetry: the funding flows between the sides in euros, directorates included.
    let json = stdout_json(&[
        "asymmetry",
        WORKSPACE,
        "--coalition",
        "rd_twente",
        "--at",
        "2022-12-31",
        "--layer",
        "funding",
        "--format",
        "json",
    ]);
    let flow = |from: &str, to: &str| {
        json["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["from_group"] == from && g["to_group"] == to)
            .map_or(0.0, |g| g["weight"].as_f64().unwrap())
    };
    let expected = &oracle["rd_twente@2022-12-31"];
    assert_close(
        flow("rijk", "region"),
        expected["funding_rijk_to_region_euros"].as_f64().unwrap(),
        1e-6,
        "Rijk → region",
    );
    // By hand: LNV €30m + OCW-MBO €1.5m + SZW-DG Werk €2m; EZK's €3m ended in 2021.
    assert_close(flow("rijk", "region"), 33_500_000.0, 1e-6, "by hand");
    assert_close(flow("region", "rijk"), 0.0, 1e-12, "region → Rijk");
}

#[test]
fn the_weighting_is_chosen_per_view_and_refused_where_it_cannot_hold() {
    let network = load_fixture("twente-analyst");
    let funding = LayerChoice::Explicit(network.layer_id("funding").unwrap());
    let collaboration = LayerChoice::Explicit(network.layer_id("collaboration").unwrap());
    let view = |spec: &ViewSpec| View::build(&network, spec);
    let only_funding = ViewSpec::default().with_layers([funding]);
    assert_eq!(view(&only_funding).unwrap().weighting(), Weighting::Euros);
    let both = ViewSpec::default().with_layers([funding, collaboration]);
    assert_eq!(view(&both).unwrap().weighting(), Weighting::Strength);
    let counted = view(&only_funding.with_weight(TieWeight::Count)).unwrap();
    assert_eq!(counted.weighting(), Weighting::Count);
    assert!(counted.out_arcs().parts().2.iter().all(|&w| w == 1.0));
    assert_eq!(
        view(&both.with_weight(TieWeight::Amount)).unwrap_err(),
        ViewError::NoAmounts { layer: "collaboration".to_owned(), without: 23, relations: 23 }
    );

    // On the command line: the refusal names the layer and what to do.
    let output = stakenet().args(["centrality", WORKSPACE, "--weight", "euros"]).assert().code(2);
    let message = String::from_utf8_lossy(&output.get_output().stderr).into_owned();
    assert!(
        message.contains("--weight euros: unknown weighting; expected amount, weight or count")
    );
}

#[test]
fn fold_turns_directorates_into_their_ministry() {
    let network = load_fixture("twente-analyst");
    let spec = ViewSpec::default()
        .with_scope(Scope::Coalition(network.coalition_id("rd_twente").unwrap()))
        .with_fold_kind(Some("ministry".to_owned()));
    let view = View::build(&network, &spec).unwrap();
    let keys: Vec<&str> = view.actors().iter().map(|&a| network.actor(a).key.as_str()).collect();
    assert!(keys.contains(&"ministerie_ocw") && !keys.contains(&"ocw_mbo"), "{keys:?}");
    // OCW now funds the ROC itself (the directorate's tie, folded).
    let (ocw, roc) = (
        view.node(network.actor_id("ministerie_ocw").unwrap()).unwrap(),
        view.node(network.actor_id("kn_roc").unwrap()).unwrap(),
    );
    assert!(view.out_arcs().neighbors(ocw).contains(&roc));
    // The province is no ministry and stays itself.
    assert!(keys.contains(&"prov_overijssel"));

    let output = stakenet().args(["centrality", WORKSPACE, "--fold", "ministrie"]).assert().code(2);
    let message = String::from_utf8_lossy(&output.get_output().stderr).into_owned();
    assert!(message.contains("--fold ministrie: no actor has this kind"), "{message}");
    assert!(message.contains("ministry"), "{message}");
}

#[test]
fn a_date_that_is_not_one_is_refused_by_every_command_that_takes_one() {
    for command in [
        &["centrality", WORKSPACE][..],
        &["compare", WORKSPACE],
        &["suspects", WORKSPACE, "--coalition", "rd_twente"],
    ] {
        let output = stakenet().args(command).args(["--at", "31-12-2022"]).assert().code(2);
        let message = String::from_utf8_lossy(&output.get_output().stderr).into_owned();
        assert!(
            message.contains("--at 31-12-2022: not a date; expected YYYY-MM-DD"),
            "{command:?}: {message}"
        );
    }
    let root = tempfile::tempdir().unwrap();
    let output = stakenet()
        .args(["report", WORKSPACE, "--at", "2022-13-01", "-o"])
        .arg(root.path().join("r"))
        .assert()
        .code(2);
    let message = String::from_utf8_lossy(&output.get_output().stderr).into_owned();
    assert!(message.contains("--at 2022-13-01: not a date"), "{message}");
}

#[test]
fn a_workspace_without_relations_says_it_falls_back_on_shared_membership() {
    let output = stakenet()
        .args(["centrality", "fixtures/suspects-peers", "--format", "csv"])
        .assert()
        .success();
    let message = String::from_utf8_lossy(&output.get_output().stderr).into_owned();
    assert!(message.contains("note: this workspace has no relations"), "{message}");
    // Nor does the bundled Regio Deal workspace, which has relations since tranches I–V.
    let output = stakenet().args(["centrality", "--format", "csv"]).assert().success();
    assert!(!String::from_utf8_lossy(&output.get_output().stderr).contains("no relations"));
    // A workspace with relations says nothing of the kind.
    let output = stakenet().args(["centrality", WORKSPACE, "--format", "csv"]).assert().success();
    assert!(!String::from_utf8_lossy(&output.get_output().stderr).contains("no relations"));
}
