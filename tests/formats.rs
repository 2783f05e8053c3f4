//! Networks in the field's file formats: UCINET DL and its older listing (the Knoke & Wood
//! bureaucracies, `fixtures/knoke-bureaucracies/knokbur.dat`, against the NetworkX oracle
//! `tests/oracle/formats.py`), Pajek `.net`, survey matrices in CSV (a file of their own, or
//! `relations-LAYER.csv` in a workspace folder); bad files refused with every problem at once.

use std::path::Path;

use proptest::prelude::*;
use serde_json::Value;
use stakenet::{Network, Source, load};

use crate::common::{assert_close, stakenet, stderr_text, stdout_json, workspace_with};

const KNOKE: &str = "fixtures/knoke-bureaucracies/knokbur.dat";

fn oracle() -> Value {
    let text = std::fs::read_to_string("tests/oracle/formats/expected.json").unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Loads one file named `name` holding `text`.
fn load_file(name: &str, text: &str) -> Result<Network, String> {
    let dir = workspace_with(&[(name, text)]);
    load(&Source::from_path(&dir.path().join(name))).map_err(|e| e.diagnostics().to_string())
}

#[track_caller]
fn network(name: &str, text: &str) -> Network {
    load_file(name, text).unwrap_or_else(|problems| panic!("{problems}"))
}

#[track_caller]
fn problems(name: &str, text: &str) -> String {
    match load_file(name, text) {
        Ok(_) => panic!("{name} loaded"),
        Err(problems) => problems,
    }
}

/// Each layer: (name, directed, ties as `source>target:weight` or `a-b:weight`).
fn layers(network: &Network) -> Vec<(String, bool, Vec<String>)> {
    network
        .layers()
        .iter()
        .enumerate()
        .map(|(k, layer)| {
            let ties = network
                .relations()
                .iter()
                .filter(|r| r.layer.index() == k)
                .map(|r| {
                    let key = |a: stakenet::ActorId| network.actors()[a.index()].key.clone();
                    let arrow = if r.directed { ">" } else { "-" };
                    format!("{}{arrow}{}:{}", key(r.source), key(r.target), r.weight)
                })
                .collect();
            (layer.name.clone(), layer.directed, ties)
        })
        .collect()
}

fn keys(network: &Network) -> Vec<&str> {
    network.actors().iter().map(|a| a.key.as_str()).collect()
}

#[test]
fn knoke_is_two_directed_layers_of_ten_organisations() {
    let network = load(&Source::from_path(Path::new(KNOKE))).unwrap();
    assert_eq!(
        keys(&network),
        ["COUN", "COMM", "EDUC", "INDU", "MAYR", "WRO", "NEWS", "UWAY", "WELF", "WEST"]
    );
    let layers = layers(&network);
    assert_eq!(layers.len(), 2);
    assert_eq!((layers[0].0.as_str(), layers[0].1, layers[0].2.len()), ("information", true, 49));
    assert_eq!((layers[1].0.as_str(), layers[1].1, layers[1].2.len()), ("money", true, 22));
    // The money matrix spells the mayor MAYO: the same actor, by position.
    assert!(layers[1].2.contains(&"MAYR>COMM:1".to_owned()));
    let coun = &network.actors()[0];
    assert_eq!(coun.name, "COUN");
    assert_eq!((coun.sector, coun.level), (None, None));
    assert_eq!(coun.attributes["ucinet_sector"], "GOV");
    assert_eq!(coun.attributes["rating"], "5.80");
    // And from the command line.
    let json = stdout_json(&["check", KNOKE, "--format", "json"]);
    assert_eq!(json["actors"], 10, "{json}");
}

#[test]
fn knoke_agrees_with_networkx() {
    let oracle = oracle();
    for layer in ["information", "money"] {
        let expected = &oracle["knoke"]["layers"][layer];
        let json = stdout_json(&["centrality", KNOKE, "--layer", layer, "--format", "json"]);
        let net = &json["network"];
        assert_eq!(net["ties"], expected["ties"], "{layer}");
        assert_eq!(json["view"]["directed"], expected["directed"], "{layer}");
        assert_close(
            net["density"].as_f64().unwrap(),
            expected["density"].as_f64().unwrap(),
            1e-12,
            layer,
        );
        assert_close(
            net["reciprocity"].as_f64().unwrap(),
            expected["reciprocity"].as_f64().unwrap(),
            1e-12,
            layer,
        );
        let actors = json["actors"].as_array().unwrap();
        assert_eq!(actors.len(), 10);
        for actor in actors {
            let id = actor["id"].as_str().unwrap();
            let want = &expected["actors"][id];
            for measure in ["degree", "in_degree", "out_degree"] {
                assert_eq!(actor[measure], want[measure], "{layer} {id} {measure}");
            }
            assert_close(
                actor["betweenness"].as_f64().unwrap(),
                want["betweenness"].as_f64().unwrap(),
                1e-9,
                &format!("{layer} {id} betweenness"),
            );
        }
    }
}

/// KNOKBUR written as a DL file: the same network as the older listing.
#[test]
fn a_dl_file_of_knoke_is_the_same_network() {
    let listing = std::fs::read_to_string(KNOKE).unwrap();
    let lines: Vec<&str> = listing.lines().collect();
    let rows = |first: usize| lines[first..first + 10].join("\n");
    let dl = format!(
        "DL N=10 NM=2\nFORMAT = FULLMATRIX\nLABELS:\n{}\nMATRIX LABELS:\nInformation, Money\nDATA:\n{}\n{}\n",
        lines[3],
        rows(4),
        rows(18)
    );
    let from_dl = network("knokbur.dl", &dl);
    let from_listing = load(&Source::from_path(Path::new(KNOKE))).unwrap();
    assert_eq!(keys(&from_dl), keys(&from_listing));
    assert_eq!(layers(&from_dl), layers(&from_listing));
}

#[test]
fn dl_labels_embedded_and_lists() {
    // A symmetric matrix is an undirected layer; labels that are no ids become ids.
    let net = network(
        "s.dl",
        "dl n=3\nformat=fm\nlabels embedded\ndata:\n    \"Gemeente A\" B C\n\"Gemeente A\" 0 2 0\nB 2 0 1\nC 0 1 0\n",
    );
    assert_eq!(keys(&net), ["Gemeente_A", "B", "C"]);
    assert_eq!(net.actors()[0].name, "Gemeente A");
    assert_eq!(
        layers(&net),
        [("ties".into(), false, vec!["Gemeente_A-B:2".into(), "B-C:1".into()])]
    );

    let net =
        network("e.dl", "dl n=4 format=edgelist1\nlabels:\na b c d\ndata:\n1 2\n2 1 3\nc 4 0.5\n");
    assert_eq!(
        layers(&net),
        [("ties".into(), true, vec!["a>b:1".into(), "b>a:3".into(), "c>d:0.5".into()])]
    );
    let net = network("n.dl", "dl n=3 format=nodelist1 labels embedded\ndata:\nx y z\ny x\n");
    assert_eq!(keys(&net), ["x", "y", "z"]);
    assert_eq!(layers(&net)[0].2, ["x>y:1", "x>z:1", "y>x:1"]);
}

#[test]
fn pajek_sections_are_layers() {
    let net = network(
        "p.net",
        "% a comment\n*Vertices 4\n1 \"Provincie Overijssel\" 0.1 0.2\n2 \"Regio Twente\"\n3 \"ROC\"\n\
         *Arcs :1 \"funding\"\n1 2 30\n2 3\n*Edges :2 \"collaboration\"\n2 3 1\n3 4\n*Arcslist :1 \"funding\"\n4 1 2\n",
    );
    assert_eq!(keys(&net), ["Provincie_Overijssel", "Regio_Twente", "ROC", "4"]);
    assert_eq!(
        layers(&net),
        [
            (
                "funding".into(),
                true,
                vec![
                    "Provincie_Overijssel>Regio_Twente:30".into(),
                    "Regio_Twente>ROC:1".into(),
                    "4>Provincie_Overijssel:1".into(),
                    "4>Regio_Twente:1".into()
                ]
            ),
            ("collaboration".into(), false, vec!["Regio_Twente-ROC:1".into(), "ROC-4:1".into()]),
        ]
    );
    let net = network("m.net", "*Vertices 2\n*Matrix\n0 1\n1 0\n");
    assert_eq!(layers(&net), [("ties".into(), false, vec!["1-2:1".into()])]);
}

#[test]
fn a_survey_matrix_of_its_own_is_one_layer() {
    let net = network("relations-advice.csv", "id;a;b;c\na;;1,5;\nb;1;;\nc;0;;\n");
    assert_eq!(keys(&net), ["a", "b", "c"]);
    assert_eq!(layers(&net), [("advice".into(), true, vec!["a>b:1.5".into(), "b>a:1".into()])]);
    // Symmetric: undirected.
    let net = network("survey.csv", ",a,b\na,,1\nb,1,\n");
    assert_eq!(layers(&net), [("survey".into(), false, vec!["a-b:1".into()])]);
}

#[test]
fn a_workspace_folder_reads_its_matrices_as_layers() {
    let dir = workspace_with(&[
        ("actors.csv", "id,name\na,A\nb,B\nc,C\n"),
        ("relations.csv", "source,target,layer\na,b,funding\n"),
        ("relations-information.csv", "id,a,b,c\na,,1,1\nb,,,\nc,1,,\n"),
    ]);
    let net = load(&Source::Folder(dir.path().to_owned())).unwrap();
    assert_eq!(
        layers(&net)[1],
        ("information".into(), true, vec!["a>b:1".into(), "a>c:1".into(), "c>a:1".into()])
    );
    // An id not in actors.csv is named with its place.
    let dir = workspace_with(&[
        ("actors.csv", "id\na\nb\n"),
        ("relations-advice.csv", "id,a,B\na,,1\nx,1,\n"),
    ]);
    let error = load(&Source::Folder(dir.path().to_owned())).unwrap_err().diagnostics().to_string();
    let path = dir.path().join("relations-advice.csv").display().to_string();
    assert!(error.contains(&format!("{path}:1: unknown actor `B` in `first row`")), "{error}");
    assert!(error.contains("did you mean `b`?"), "{error}");
    assert!(error.contains(&format!("{path}:3: unknown actor `x` in `first column`")), "{error}");
}

#[test]
fn bad_files_are_refused_with_every_problem() {
    // Wrong n: rows that do not fit.
    let text = problems("w.dl", "dl n=3\nlabels:\na b c\ndata:\n0 1 0\n1 0 1\n");
    assert!(text.contains("w.dl:4: the data has 2 lines; n=3 and nm=1 need 3"), "{text}");
    // Non-numeric cells and ragged rows, all at once.
    let text = problems("r.dl", "dl n=3\ndata:\n0 x 0\n1 0\n0 1 -2\n");
    assert!(
        text.contains(
            "r.dl:3: row 1, column 2: `x` is not a number; a tie's weight is a number ≥ 0"
        ),
        "{text}"
    );
    assert!(text.contains("r.dl:4: row 2 has 2 values; n=3 needs 3 per row"), "{text}");
    assert!(text.contains("r.dl:5: row 3, column 3: weight `-2` is negative"), "{text}");
    // No data section, unknown format.
    let text = problems("m.dl", "dl n=2\nlabels:\na b\n");
    assert!(text.contains("m.dl:3: no `data:` section"), "{text}");
    let text = problems("f.dl", "dl n=2 format=lowerhalf\ndata:\n1\n");
    assert!(text.contains("format `lowerhalf` is not read; expected fullmatrix (fm), edgelist1 (el1) or nodelist1 (nl1)"), "{text}");
    // Duplicate labels.
    let text = problems("d.dl", "dl n=2\nlabels:\na a\ndata:\n0 1\n0 0\n");
    assert!(text.contains("d.dl:3: label `a` is given twice (actors 1 and 2)"), "{text}");
    // Not a DL file at all.
    let text = problems("x.txt", "hello\n");
    assert!(text.contains("x.txt:1: `hello` does not start a UCINET DL file"), "{text}");
    // Pajek: a vertex beyond n, a bad weight, a section before the vertices.
    let text = problems("p.net", "*Vertices 2\n*Arcs\n1 3\n1 2 much\n");
    assert!(text.contains("p.net:3: vertex `3` is not a number 1..2 (*Vertices 2)"), "{text}");
    assert!(text.contains("p.net:4: `much` is not a number"), "{text}");
    let text = problems("q.net", "*Edges\n1 2\n");
    assert!(text.contains("q.net:1: `*Edges` before `*Vertices n`"), "{text}");
    // Matrix CSV: ragged, non-numeric, duplicate column.
    let text = problems("s.csv", "id,a,b,a\na,1,2\nb,1,x,0\n");
    assert!(text.contains("s.csv:1: actor `a` heads columns 2 and 4"), "{text}");
    assert!(text.contains("s.csv:2: the row of `a` has 3 cells; the first row has 4"), "{text}");
    assert!(text.contains("s.csv:3: column `b`: `x` is not a number"), "{text}");
}

#[test]
fn the_cli_lists_the_problems_and_exits_2() {
    let dir = workspace_with(&[("bad.dl", "dl n=2\ndata:\n0 1\n")]);
    let path = dir.path().join("bad.dl");
    let assert = stakenet().arg("check").arg(&path).assert().code(2);
    let text = stderr_text(&assert);
    assert!(text.contains("bad.dl:2: the data has 1 lines; n=2 and nm=1 need 2"), "{text}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Any text in any of the formats is read or refused, never a panic.
    #[test]
    fn hostile_files_never_panic(
        text in "[ -~\n\t]{0,300}",
        prefix in prop::sample::select(vec!["dl n=3\ndata:\n", "dl n=2 format=el1 labels embedded\ndata:\n", "*Vertices 3\n*Arcs\n", "*Vertices 3\n*Matrix\n", "id,a,b\n", " 4 , 2 , 2 ,N,NB\na,b\n", ""]),
        ext in prop::sample::select(vec!["dl", "net", "csv", "dat"]),
    ) {
        let _ = load_file(&format!("f.{ext}"), &format!("{prefix}{text}"));
    }
}
