//! Long work bounded (issue 17, finding 13): brokerage on a star in time proportional to its
//! output, `--sample` on every path measure of `centrality`, and `report --sample`.

use crate::common::{stakenet, stdout_text};
use std::fmt::Write as _;

/// A workspace of one hub tied to `leaves` leaves in three sectors.
fn star(leaves: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut actors = String::from("id,name,sector,level\nhub,Hub,government,national\n");
    let mut relations = String::from("source,target,layer\n");
    let sectors = ["business", "government", "civil_society"];
    for i in 0..leaves {
        let _ = writeln!(actors, "l{i},Leaf {i},{},local", sectors[i % 3]);
        let _ = writeln!(relations, "hub,l{i},collaboration");
    }
    std::fs::write(dir.path().join("actors.csv"), actors).unwrap();
    std::fs::write(dir.path().join("relations.csv"), relations).unwrap();
    dir
}

/// The hub of a 200,000-leaf star brokers 200,000 · 199,999 ordered pairs of leaves; walking
/// them was 4·10^10 steps, counting them by group is linear (minutes before, seconds now in a
/// debug build; the figures prove the count, not the time).
#[test]
fn brokerage_on_a_large_star_counts_every_pair() {
    let n = 200_000u64;
    let dir = star(n as usize);
    let assert = stakenet()
        .args(["brokerage", "--format", "csv", "--group-by", "side"])
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(120))
        .assert()
        .success();
    let out = stdout_text(&assert);
    let hub = out.lines().find(|l| l.starts_with("hub,")).expect("the hub's row");
    let fields: Vec<&str> = hub.split(',').collect();
    let header: Vec<&str> = out.lines().next().unwrap().split(',').collect();
    let column = |name: &str| fields[header.iter().position(|h| *h == name).unwrap()];
    assert_eq!(column("total"), (n * (n - 1)).to_string());
    assert_eq!(column("effective_size"), n.to_string());
}

/// `--sample K` estimates closeness and harmonic centrality too: on a star of 3,000 leaves,
/// 50 pivots give values that are not the exact ones, the table's figures say they come from
/// the estimates, and closeness centralization is left out.
#[test]
fn centrality_sample_applies_to_closeness_and_harmonic() {
    let dir = star(3_000);
    let run = |extra: &[&str]| {
        let assert = stakenet()
            .args(["centrality", "--measures", "closeness,harmonic", "--format", "csv"])
            .args(extra)
            .arg(dir.path())
            .assert()
            .success();
        stdout_text(&assert)
    };
    let exact = run(&[]);
    let sampled = run(&["--sample", "50", "--seed", "4"]);
    assert_ne!(exact, sampled, "closeness and harmonic are estimated");
    assert_eq!(sampled, run(&["--sample", "50", "--seed", "4"]), "the same seed, the same values");
    assert_eq!(exact, run(&["--sample", "3001"]), "a pivot per actor is exact");
    // A leaf's exact harmonic centrality is 1 + 2999 / 2 = 1500.5; the estimate is near it.
    let leaf = sampled.lines().find(|l| l.starts_with("l7,")).unwrap();
    let harmonic: f64 = leaf.rsplit(',').nth(2).unwrap().parse().unwrap();
    assert!((harmonic - 1500.5).abs() / 1500.5 < 0.1, "harmonic estimate {harmonic}");

    let assert = stakenet()
        .args(["centrality", "--sample", "50", "--format", "table", "--measures", "betweenness"])
        .arg(dir.path())
        .assert()
        .success();
    let table = stdout_text(&assert);
    assert!(table.contains("note: --sample: betweenness and harmonic centralization"), "{table}");
    let closeness = table.lines().find(|l| l.starts_with("closeness centralization")).unwrap();
    assert_eq!(closeness.trim(), "closeness centralization", "left out: {closeness}");
}

/// `report --sample K` estimates the path measures, says so on the page, and repeats the
/// sample in the `centrality` commands it names.
#[test]
fn report_sample_is_stated_and_repeated() {
    let dir = star(500);
    std::fs::write(
        dir.path().join("coalitions.csv"),
        "id,name,start,end\nc1,Deal,2020-01-01,2030-01-01\n",
    )
    .unwrap();
    let mut members = String::from("coalition,actor,role\nc1,hub,signatory\n");
    for i in 0..300 {
        let _ = writeln!(members, "c1,l{i},project_partner");
    }
    std::fs::write(dir.path().join("members.csv"), members).unwrap();
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("report");
    stakenet()
        .args(["report", "--sample", "40", "--seed", "9", "--at", "2024-01-01", "-o"])
        .arg(&folder)
        .arg(dir.path())
        .assert()
        .success();
    let page = std::fs::read_to_string(folder.join("index.html")).unwrap();
    assert!(page.contains("estimated from 40 sampled actors (seed 9)"), "the page says so");
    assert!(page.contains("--sample 40 --seed 9"), "the commands repeat it");
    stakenet()
        .args(["report", "--seed", "9", "-o"])
        .arg(out.path().join("r2"))
        .arg(dir.path())
        .assert()
        .code(2);
}
