//! Issue 17's shapes of input that used to blow up memory or give wrong numbers: each runs the
//! binary on a workspace generated into a temporary folder — the memory cases under a fixed
//! address-space limit — and checks the exit code and the output.

use std::fmt::Write as _;
use std::path::Path;

use crate::common::stakenet;

/// Leaves of the stars (findings 15 and 16) and the size of the memory cases.
const LEAVES: usize = 20_000;

/// The address space allowed to the binary in the memory cases: 2 GB.
const LIMIT_KB: u64 = 2_000_000;

/// Runs `stakenet ARGS` from the repository root with its address space limited to
/// [`LIMIT_KB`], as `sh -c 'ulimit -v …; exec "$0" "$@"'`.
fn limited(args: &[&str]) -> assert_cmd::assert::Assert {
    let binary = assert_cmd::cargo::cargo_bin("stakenet");
    let mut command = assert_cmd::Command::new("sh");
    command
        .current_dir(crate::common::repo_root())
        .arg("-c")
        .arg(format!("ulimit -v {LIMIT_KB}; exec \"$0\" \"$@\""))
        .arg(binary)
        .args(args);
    command.assert()
}

/// `actors.csv` with `hub` and the leaves `l0` … `l{n-1}`.
fn write_actors(dir: &Path, n: usize) {
    let mut text = String::from("id,name,sector,level\nhub,Hub,government,national\n");
    for i in 0..n {
        writeln!(text, "l{i},Leaf {i},government,local").unwrap();
    }
    std::fs::write(dir.join("actors.csv"), text).unwrap();
}

/// A workspace: the hub tied to every leaf in one undirected layer, plus ties between the leaves
/// l0–l1, l2–l3, … (`pairs` of them).
fn star(pairs: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_actors(dir.path(), LEAVES);
    let mut text = String::from("source,target,layer,directed\n");
    for i in 0..LEAVES {
        writeln!(text, "hub,l{i},contact,no").unwrap();
    }
    for i in 0..pairs {
        writeln!(text, "l{},l{},contact,no", 2 * i, 2 * i + 1).unwrap();
    }
    std::fs::write(dir.path().join("relations.csv"), text).unwrap();
    dir
}

/// Finding 15 and 16: PageRank and eigenvector centrality converge on a 20,000-leaf star and
/// on the near-star with ten ties between leaves, to NetworkX's values
/// (`tests/oracle/stars.py`, `stars/expected.json`).
#[test]
fn pagerank_and_eigenvector_converge_on_stars_to_networkx_values() {
    let path = crate::common::repo_root().join("tests/oracle/stars/expected.json");
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(expected["leaves"], LEAVES);
    for (name, pairs) in [("star", 0), ("near_star", 10)] {
        let dir = star(pairs);
        // CSV: the actor list only, without the network figures' searches.
        let assert = stakenet()
            .args(["centrality", "--measures", "pagerank,eigenvector", "--format", "csv"])
            .arg(dir.path())
            .assert()
            .success();
        let rows = csv_rows(&crate::common::stdout_text(&assert));
        assert_eq!(rows.len(), LEAVES + 1);
        for key in ["hub", "l0", "l100"] {
            let actor = rows.iter().find(|row| row["id"] == key).unwrap();
            for measure in ["pagerank", "eigenvector"] {
                let want = expected[name][key][measure].as_f64().unwrap();
                let got: f64 = actor[measure].parse().unwrap_or(f64::NAN);
                assert!(
                    (got - want).abs() <= 1e-8 * want,
                    "{name} {key} {measure}: {got} vs NetworkX {want}"
                );
            }
        }
    }
}

/// The rows of a CSV text, each as column → cell.
fn csv_rows(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    reader
        .records()
        .map(|record| {
            header.iter().cloned().zip(record.unwrap().iter().map(str::to_owned)).collect()
        })
        .collect()
}

/// Finding 15: the iteration limit is an option; too few iterations is a clear error.
#[test]
fn the_iteration_limit_is_an_option() {
    let dir = star(0);
    let assert = stakenet()
        .args(["centrality", "--measures", "pagerank", "--max-iterations", "3"])
        .arg(dir.path())
        .assert()
        .failure();
    let stderr = crate::common::stderr_text(&assert);
    assert!(stderr.contains("pagerank did not converge after 3 iterations"), "{stderr}");
    stakenet()
        .args(["centrality", "--measures", "pagerank", "--max-iterations", "0"])
        .arg(dir.path())
        .assert()
        .code(2);
}

/// Finding 9: one coalition of 20,000 members. `check` counts its 199,990,000 co-member
/// pairs without building them, in 2 GB; a view that asks for the comembership layer refuses
/// with the size instead of aborting.
#[test]
fn a_coalition_of_20000_members_is_counted_not_built() {
    let dir = tempfile::tempdir().unwrap();
    write_actors(dir.path(), LEAVES);
    std::fs::write(dir.path().join("coalitions.csv"), "id,name\nbig,Big deal\n").unwrap();
    let mut members = String::from("coalition,actor,role\n");
    for i in 0..LEAVES {
        writeln!(members, "big,l{i},project_partner").unwrap();
    }
    std::fs::write(dir.path().join("members.csv"), members).unwrap();
    let workspace = dir.path().to_str().unwrap();
    let assert = limited(&["check", workspace]).success();
    let text = crate::common::stdout_text(&assert);
    let pairs = (LEAVES * (LEAVES - 1) / 2).to_string();
    assert!(
        text.lines().any(|line| line.starts_with("comembership") && line.ends_with(&pairs)),
        "{text}"
    );
    let assert = limited(&["centrality", workspace, "--layer", "comembership"]).code(2);
    let stderr = crate::common::stderr_text(&assert);
    assert!(
        stderr.contains(&format!(
            "error: the comembership layer of this selection has {pairs} co-member pairs \
             (coalition `big` alone has 20000 members); a view builds at most 10000000"
        )),
        "{stderr}"
    );
}

/// Finding 17: finite weights whose sum is not. Two parallel ties of 1.79e308 are refused
/// naming both actors (they used to print null and 0 and drop both); a national contribution
/// and a co-financing of 1e308 each give a national share of 0.5, not 0.
#[test]
fn sums_that_overflow_are_refused_or_computed_without_overflow() {
    let actors = "id,name,sector,level\na,A,government,national\nb,B,government,local\n\
                  c,C,government,local\n";
    let coalitions = "id,name,national_contribution,cofinancing\nd,D,1e308,1e308\n";
    let members = "coalition,actor,role\nd,a,signatory\nd,b,signatory\n";
    let parallel = "source,target,layer,weight\na,b,funding,1.79e308\na,b,funding,1.79e308\n\
                    b,c,funding,1\n";
    let dir = crate::common::workspace_with(&[
        ("actors.csv", actors),
        ("relations.csv", parallel),
        ("coalitions.csv", coalitions),
        ("members.csv", members),
    ]);
    let assert = stakenet().arg("asymmetry").arg(dir.path()).assert().code(2);
    let stderr = crate::common::stderr_text(&assert);
    assert!(
        stderr.contains(
            "error: the weights of the ties between `a` and `b` add up to more than the largest \
             number stakenet can hold (about 1.8e308), though each weight is finite"
        ),
        "{stderr}"
    );
    // One actor's ties to two others: its strength overflows.
    let fan = "source,target,layer,weight\na,b,funding,1.79e308\na,c,funding,1.79e308\n";
    std::fs::write(dir.path().join("relations.csv"), fan).unwrap();
    let assert = stakenet().arg("centrality").arg(dir.path()).assert().code(2);
    let stderr = crate::common::stderr_text(&assert);
    assert!(stderr.contains("error: the weights of the ties of `a` add up to more"), "{stderr}");

    let single = "source,target,layer,weight\na,b,funding,1.79e308\nb,c,funding,1\n";
    std::fs::write(dir.path().join("relations.csv"), single).unwrap();
    let json = crate::common::stdout_json(&[
        "asymmetry",
        dir.path().to_str().unwrap(),
        "--format",
        "json",
    ]);
    let coalition = &json["coalitions"][0];
    assert_eq!(coalition["national_share"], 0.5, "{coalition}");
    assert_eq!(coalition["cofinancing_ratio"], 1.0, "{coalition}");
    let b = json["actors"].as_array().unwrap().iter().find(|a| a["id"] == "b").unwrap();
    assert_eq!(b["balance"], -1.0, "{b}");
}

/// Finding 17 in the connectieplan: two relations between a ministry and a region party whose
/// amounts of 1e308 each add up past the largest number are refused, naming both, with exit 2
/// (the plan sums a pair's money itself, apart from any view).
#[test]
fn plan_amounts_that_overflow_are_refused() {
    let dir = crate::common::workspace_with(&[
        (
            "actors.csv",
            "id,name,sector,level,kind\nmin_x,Ministry X,government,national,ministry\n\
             prov,Province,government,regional,\n",
        ),
        ("coalitions.csv", "id,name,themes\nd,Deal,water\n"),
        ("members.csv", "coalition,actor,role\nd,min_x,signatory\nd,prov,signatory\n"),
        (
            "relations.csv",
            "source,target,layer,amount\nmin_x,prov,funding,1e308\nmin_x,prov,funding,1e308\n",
        ),
    ]);
    let assert = stakenet()
        .args(["plan", "--coalition", "d", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(2);
    let stderr = crate::common::stderr_text(&assert);
    assert!(
        stderr.contains(
            "error: the amounts of the relations between `min_x` and `prov` add up to more than \
             the largest number stakenet can hold"
        ),
        "{stderr}"
    );
}

/// Finding 8: a `network.json` whose records each have a key of their own. 50,000 actors
/// (about 2 MB) are read in 2 GB: each key is kept once and each record holds only its own
/// attributes, not a cell for every key of the document.
#[test]
fn json_records_with_keys_of_their_own_are_read_in_proportional_memory() {
    let dir = tempfile::tempdir().unwrap();
    let n = 50_000;
    let actors: Vec<serde_json::Value> = (0..n)
        .map(|i| serde_json::json!({"id": format!("a{i}"), "name": format!("A {i}"), format!("key{i}"): "v"}))
        .collect();
    let relations: Vec<serde_json::Value> = (1..100)
        .map(|i| serde_json::json!({"source": "a0", "target": format!("a{i}"), format!("note{i}"): i}))
        .collect();
    let document = serde_json::json!({"actors": actors, "relations": relations});
    std::fs::write(dir.path().join("network.json"), document.to_string()).unwrap();
    let assert = limited(&["check", dir.path().to_str().unwrap()]).success();
    let text = crate::common::stdout_text(&assert);
    assert!(text.contains("50000 actors"), "{text}");
}

/// Finding 8: the attributes a `network.json` packs are read back as before, next to the
/// format's columns whatever their spelling or how rarely they appear.
#[test]
fn packed_json_attributes_are_read_back() {
    let text = r#"{"actors": [
        {"id": "a", "Name": "A", "colour": "red", "Website": " a.nl "},
        {"id": "b", "niveau": "local", "parent": "a", "colour": "", "size": 3},
        {"id": "c", "weird:key": "x:1:y"}
    ], "relations": [
        {"source": "a", "target": "b", "layer": "funding", "note": "first"},
        {"source": "b", "target": "c", "layer": "funding", "origin": "survey"}
    ]}"#;
    let source = stakenet::Source::Memory(vec![("network.json".into(), text.as_bytes().to_vec())]);
    let network = stakenet::load(&source).unwrap();
    let actor = |key: &str| network.actors().iter().find(|a| a.key == key).unwrap();
    assert_eq!(actor("a").name, "A");
    let attributes = |key: &str| {
        actor(key).attributes.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect::<Vec<_>>()
    };
    assert_eq!(attributes("a"), [("colour", "red"), ("website", "a.nl")]);
    assert_eq!(attributes("b"), [("size", "3")]);
    assert_eq!(attributes("c"), [("weird:key", "x:1:y")]);
    assert_eq!(actor("b").level, Some(stakenet::Level::Local));
    assert!(actor("b").parent.is_some());
    let relations = network.relation_attributes();
    assert_eq!(relations.get(0, "note"), Some("first"));
    assert_eq!(relations.get(1, "note"), None);
    assert_eq!(relations.get(1, "origin"), Some("survey"));
}

/// Finding 10: 20,000 layers of one relation each. `check` loads them in 2 GB (a layer used
/// once is compared with the layers used more often, not with every other), and `layers`
/// measures them in 2 GB and seconds: per actor only the layers it has ties in, and only the
/// pairs of layers that share a tie (none here) listed beyond 500 layers, the output saying so.
#[test]
fn twenty_thousand_layers_are_checked_and_measured_in_proportional_memory() {
    let dir = tempfile::tempdir().unwrap();
    write_actors(dir.path(), LEAVES);
    let mut text = String::from("source,target,layer,directed\n");
    for i in 0..LEAVES {
        writeln!(text, "hub,l{i},layer{i},no").unwrap();
    }
    std::fs::write(dir.path().join("relations.csv"), text).unwrap();
    let workspace = dir.path().to_str().unwrap();
    let assert = limited(&["check", workspace]).success();
    assert!(crate::common::stdout_text(&assert).contains("20000 layer(s)"));

    let started = std::time::Instant::now();
    let assert = limited(&["layers", workspace, "--format", "csv"]).success();
    let seconds = started.elapsed().as_secs_f64();
    assert!(seconds < 60.0, "layers took {seconds:.1} s");
    let rows = csv_rows(&crate::common::stdout_text(&assert));
    // The hub in each layer, each leaf in its own.
    assert_eq!(rows.len(), 2 * LEAVES);
    let hub: Vec<_> = rows.iter().filter(|row| row["id"] == "hub").collect();
    assert_eq!(hub.len(), LEAVES);
    assert_eq!(hub[0]["layer"], "layer0");
    assert_eq!((hub[0]["degree"].as_str(), hub[0]["xneighborhood"].as_str()), ("1", "1"));
    let relevance: f64 = hub[0]["relevance"].parse().unwrap();
    assert!((relevance - 1.0 / LEAVES as f64).abs() < 1e-12, "{relevance}");
    let leaf = rows.iter().find(|row| row["id"] == "l7").unwrap();
    assert_eq!((leaf["layer"].as_str(), leaf["relevance"].as_str()), ("layer7", "1"));

    let assert = limited(&["layers", workspace, "--format", "json"]).success();
    let json: serde_json::Value =
        serde_json::from_str(&crate::common::stdout_text(&assert)).unwrap();
    assert_eq!(json["actors"].as_array().unwrap().len(), 2 * LEAVES);
    assert_eq!(json["overlap"], serde_json::json!([]));
    assert_eq!(
        json["overlap_note"],
        "of the 199990000 pairs of the 20000 layers, only the 0 that share a tie are listed \
         (more than 500 layers); every other pair shares no tie"
    );
}

/// Finding 10, where the output itself would be absurd: 5,000 layers all holding one same tie
/// make 12.5 million pairs of layers sharing it. `layers` refuses, in 2 GB, naming the options
/// that narrow the comparison.
#[test]
fn layers_sharing_ties_in_too_many_pairs_are_refused_naming_the_options() {
    let dir = tempfile::tempdir().unwrap();
    write_actors(dir.path(), 10);
    let mut text = String::from("source,target,layer,directed\n");
    for i in 0..5_000 {
        writeln!(text, "hub,l0,layer{i},no").unwrap();
    }
    std::fs::write(dir.path().join("relations.csv"), text).unwrap();
    let workspace = dir.path().to_str().unwrap();
    let assert = limited(&["layers", workspace, "--format", "csv"]).code(2);
    let stderr = crate::common::stderr_text(&assert);
    assert!(
        stderr.contains(
            "error: more than 10000000 pairs of the 5000 layers share ties, too many to list \
             their overlaps; name the layers to compare with --layer NAME (repeated), or narrow \
             to a coalition with --coalition ID"
        ),
        "{stderr}"
    );
    // Named layers are compared.
    let assert =
        limited(&["layers", workspace, "--layer", "layer0", "--layer", "layer1"]).success();
    assert!(crate::common::stdout_text(&assert).contains("hub,Hub,layer1,1,1,0,1,0"));
}
