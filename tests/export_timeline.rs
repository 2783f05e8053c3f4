//! `stakenet export --format gexf` and Gephi's timeline: NetworkX reads the dynamic GEXF's
//! spells back as the dates of the workspace's CSV files (`tests/oracle/gexf_dynamic.py`; when
//! python3 with networkx is there, required in CI); every tie lies within the spells of its
//! actors, and carries its relation's or membership's dates (parsed here); a workspace without
//! dates, and `--no-timeline`, give the static export byte for byte; the flag refused for the
//! other formats.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use stakenet::render::{ExportOptions, MixedEdges, Timeline, export_gexf, export_gexf_with};
use stakenet::{Network, Source, load};

use crate::common::{load_fixture, networkx_installed, repo_root, stakenet, stderr_text, tiny};

/// A node's or edge's `start` and `end`, `None` when absent.
type Spell = (Option<String>, Option<String>);

/// What a GEXF document says about time: the graph's attributes, and per node and per edge
/// (id → source, target) its spell.
struct TimeRead {
    graph: HashMap<String, String>,
    nodes: HashMap<String, Spell>,
    edges: Vec<(String, String, String, Spell)>,
}

fn attributes(element: &BytesStart<'_>) -> HashMap<String, String> {
    element
        .attributes()
        .map(|a| {
            let a = a.unwrap();
            (
                String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                a.normalized_value(XmlVersion::Explicit1_0).unwrap().into_owned(),
            )
        })
        .collect()
}

fn read_time(text: &str) -> TimeRead {
    let mut reader = Reader::from_str(text);
    let mut read = TimeRead { graph: HashMap::new(), nodes: HashMap::new(), edges: Vec::new() };
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) => {
                let mut a = attributes(&e);
                let spell = (a.remove("start"), a.remove("end"));
                match e.name().as_ref() {
                    b"graph" => read.graph = a,
                    b"node" => {
                        read.nodes.insert(a["id"].clone(), spell);
                    }
                    b"edge" => {
                        read.edges.push((
                            a["id"].clone(),
                            a["source"].clone(),
                            a["target"].clone(),
                            spell,
                        ));
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    read
}

fn export(args: &[&str]) -> String {
    let output = stakenet().arg("export").args(args).assert().success().get_output().stdout.clone();
    String::from_utf8(output).unwrap()
}

fn day(date: Option<stakenet::model::Date>) -> Option<String> {
    date.map(|d| d.format("%Y-%m-%d").to_string())
}

/// The dynamic export of `network` (written by the command line as `gexf`) against the model:
/// every relation `r<i>` and membership `m<i>` has its dates, every coalition its term, and
/// every tie lies within the spells of its actor ends (an absent side is open).
fn check_timeline(network: &Network, gexf: &str, name: &str) {
    let read = read_time(gexf);
    assert_eq!(read.graph["mode"], "dynamic", "{name}");
    assert_eq!(read.graph["timeformat"], "date", "{name}");
    let edges: HashMap<&str, &Spell> =
        read.edges.iter().map(|(id, _, _, spell)| (id.as_str(), spell)).collect();
    assert_eq!(edges.len(), network.relations().len() + network.memberships().len(), "{name}");
    for (i, relation) in network.relations().iter().enumerate() {
        let want = (day(relation.validity.since), day(relation.validity.until));
        assert_eq!(edges[format!("r{i}").as_str()], &want, "{name}: relation {i}");
    }
    for (i, membership) in network.memberships().iter().enumerate() {
        let want = (day(membership.validity.since), day(membership.validity.until));
        assert_eq!(edges[format!("m{i}").as_str()], &want, "{name}: membership {i}");
    }
    for coalition in network.coalitions() {
        let want = (day(coalition.start), day(coalition.end));
        assert_eq!(read.nodes[&format!("coalition:{}", coalition.key)], want, "{name}");
    }
    let mut spelled = 0;
    for (id, source, target, (start, end)) in &read.edges {
        for actor in [source, target].into_iter().filter(|n| !n.starts_with("coalition:")) {
            let (from, to) = &read.nodes[actor];
            // Dates are YYYY-MM-DD: text order is day order.
            let starts_in = from.as_ref().is_none_or(|f| start.as_ref().is_some_and(|s| s >= f));
            let ends_in = to.as_ref().is_none_or(|t| end.as_ref().is_some_and(|e| e <= t));
            assert!(starts_in && ends_in, "{name}: {id} ({start:?}–{end:?}) outside {actor}");
        }
    }
    for actor in network.actors() {
        let spell = &read.nodes[&actor.key];
        if spell.0.is_some() || spell.1.is_some() {
            spelled += 1;
            // A derived spell starts and ends on dates of the actor's own ties.
            let ties: Vec<&Spell> = read
                .edges
                .iter()
                .filter(|(_, s, t, _)| *s == actor.key || *t == actor.key)
                .map(|(_, _, _, spell)| spell)
                .collect();
            assert!(!ties.is_empty(), "{name}: {} has a spell and no tie", actor.key);
            if let Some(start) = &spell.0 {
                assert!(ties.iter().any(|t| t.0.as_ref() == Some(start)), "{name}: {}", actor.key);
            }
            if let Some(end) = &spell.1 {
                assert!(ties.iter().any(|t| t.1.as_ref() == Some(end)), "{name}: {}", actor.key);
            }
        }
    }
    assert!(spelled > 0, "{name}: some actor has a spell");
}

#[test]
fn networkx_reads_the_spells_back_as_the_workspace_dates() {
    if !networkx_installed() {
        return;
    }
    let binary = assert_cmd::cargo::cargo_bin("stakenet");
    let output = std::process::Command::new("python3")
        .arg(repo_root().join("tests/oracle/gexf_dynamic.py"))
        .arg("--stakenet")
        .arg(&binary)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "NetworkX disagrees:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn every_tie_carries_its_dates_and_lies_within_its_actors_spells() {
    let twente = load_fixture("twente-analyst");
    check_timeline(&twente, &export(&["fixtures/twente-analyst", "--format", "gexf"]), "twente");
    check_timeline(&tiny(), &export(&["fixtures/tiny", "--format", "gexf"]), "tiny");
    let bundled = load(&Source::Bundled).unwrap();
    check_timeline(&bundled, &export(&["--format", "gexf"]), "bundled");
    // Twente's ended ties end in the file; an actor with an undated tie has no start.
    let read = read_time(&export(&["fixtures/twente-analyst", "--format", "gexf"]));
    let ended = read.edges.iter().filter(|(_, _, _, spell)| spell.1.is_some()).count();
    assert!(ended >= 2, "{ended} ended ties");
}

#[test]
fn an_actor_spans_its_ties_and_is_open_where_one_is() {
    let files = [
        ("actors.csv", "id,name\na,A\nb,B\nc,C\nd,D\n"),
        (
            "relations.csv",
            "source,target,layer,since,until\n\
             a,b,funding,2019-01-01,2020-06-30\n\
             b,c,funding,2018-03-01,2019-12-31\n\
             c,a,funding,,2021-02-28\n",
        ),
        ("coalitions.csv", "id,name,start,end\ndeal,Deal,2019-01-01,2022-12-31\n"),
        (
            "members.csv",
            "coalition,actor,role,since\ndeal,a,signatory,2019-02-01\ndeal,b,signatory,2019-02-01\n",
        ),
    ];
    let files = files.iter().map(|(n, t)| ((*n).to_owned(), t.as_bytes().to_vec())).collect();
    let network = load(&Source::Memory(files)).unwrap();
    let options = ExportOptions::default().with_timeline(Timeline::WhenDated);
    let read = read_time(&export_gexf_with(&network, &options));
    let spell = |from: &str, to: &str| {
        let text = |t: &str| (!t.is_empty()).then(|| t.to_owned());
        (text(from), text(to))
    };
    // a: ties from 2019-01-01 (to 2020-06-30), open (to 2021-02-28), membership open-ended.
    assert_eq!(read.nodes["a"], spell("", ""));
    // b: 2018-03-01 to 2020-06-30, and a membership without an end.
    assert_eq!(read.nodes["b"], spell("2018-03-01", ""));
    // c: one tie from 2018-03-01, one with no start; both end.
    assert_eq!(read.nodes["c"], spell("", "2021-02-28"));
    assert_eq!(read.nodes["d"], spell("", ""), "no tie: always");
    assert_eq!(read.nodes["coalition:deal"], spell("2019-01-01", "2022-12-31"));
    check_timeline(&network, &export_gexf_with(&network, &options), "made here");
}

#[test]
fn without_dates_or_with_no_timeline_the_export_is_static_byte_for_byte() {
    // The library's static export is the one every earlier version wrote (its snapshot).
    let knoke = load_fixture("knoke");
    let dynamic = ExportOptions::default().with_timeline(Timeline::WhenDated);
    assert_eq!(export_gexf_with(&knoke, &dynamic), export_gexf(&knoke, MixedEdges::Keep));
    let plain = export(&["fixtures/knoke", "--format", "gexf"]);
    assert!(plain.contains("<graph mode=\"static\""), "{plain}");
    assert_eq!(plain, export(&["fixtures/knoke", "--format", "gexf", "--no-timeline"]));
    assert_eq!(plain, export_gexf(&knoke, MixedEdges::Keep));
    let tiny_static = export(&["fixtures/tiny", "--format", "gexf", "--no-timeline"]);
    assert_eq!(tiny_static, export_gexf(&tiny(), MixedEdges::Keep));
    let read = read_time(&tiny_static);
    assert_eq!(read.graph["mode"], "static");
    assert!(read.nodes.values().chain(read.edges.iter().map(|e| &e.3)).all(|s| *s == (None, None)));
    // Dated, the same document plus the timeline: the same nodes and edges in the same order.
    let tiny_dynamic = export(&["fixtures/tiny", "--format", "gexf"]);
    let strip = |text: &str| {
        text.replace(" mode=\"dynamic\"", " mode=\"static\"").replace(" timeformat=\"date\"", "")
    };
    let without_spells = regex_free_strip_spells(&strip(&tiny_dynamic));
    assert_eq!(without_spells, tiny_static);
}

/// `text` without the ` start="…"` and ` end="…"` attributes of nodes and edges.
fn regex_free_strip_spells(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = [" start=\"", " end=\""].iter().filter_map(|p| rest.find(p)).min() {
        out.push_str(&rest[..at]);
        let value = &rest[at..];
        let open = value.find('"').unwrap();
        let close = open + 1 + value[open + 1..].find('"').unwrap();
        rest = &value[close + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn gexf_of_tiny_with_timeline() {
    let options = ExportOptions::default().with_timeline(Timeline::WhenDated);
    insta::assert_snapshot!(export_gexf_with(&tiny(), &options));
}

#[test]
fn no_timeline_is_refused_for_the_other_formats() {
    for format in ["graphml", "json", "dot"] {
        let assert = stakenet()
            .args(["export", "fixtures/tiny", "--format", format, "--no-timeline"])
            .assert()
            .code(2);
        let stderr = stderr_text(&assert);
        assert!(stderr.contains("error: --no-timeline applies to --format gexf"), "{stderr}");
    }
}
