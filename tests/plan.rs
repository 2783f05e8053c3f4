//! `stakenet plan`: snapshots of the SVG, DOT, Markdown and JSON on `fixtures/connectieplan` and
//! `fixtures/tiny`, the SVG parsed back as XML, Graphviz accepting the DOT (when `dot` is
//! installed; in CI, where `CI` is set, it must be), a `<script>` name staying text in every
//! format, and the command line; on `fixtures/twente-analyst` the date described (`--at`), the
//! general ties (LNV's funding, the dealmaker's contacts) and the table of pairs.

use std::path::Path;
use std::process::{Command as Process, Stdio};

use quick_xml::events::Event;
use quick_xml::reader::Reader;
use stakenet::analysis::{Connectieplan, PlanConfig, connectieplan};
use stakenet::render::{json::to_pretty, plan_dot, plan_json, plan_markdown, plan_svg};
use stakenet::{Network, Source, load};

use crate::common::{
    graphviz_installed, load_fixture, stakenet, stderr_text, stdout_text, write_csv,
};

const SCRIPT: &str = "<script>alert(\"x\")</script>";

fn plan_of(network: &Network, coalition: &str) -> Connectieplan {
    connectieplan(network, network.coalition_id(coalition).unwrap(), &PlanConfig::default())
        .unwrap()
}

/// A Rijk department and a regional partner named `SCRIPT` (and other awkward characters),
/// tied on a topic of a deal whose name and theme are awkward too.
fn nasty_workspace(dir: &Path) -> Network {
    let write = |file: &str, rows: &[&[&str]]| write_csv(dir, file, rows);
    write(
        "actors.csv",
        &[
            &["id", "name", "sector", "level", "parent", "kind", "themes"],
            &["rijk", "Het Rijk", "government", "national", "", "national_government", ""],
            &["min", "Ministerie \"A\" & B\\N", "government", "national", "rijk", "ministry", ""],
            &["dep", SCRIPT, "government", "national", "min", "department", "wonen | x"],
            &["reg", SCRIPT, "business", "regional", "", "company", "wonen | x"],
            &[
                "gem",
                "Gemeente `*_[x]_*` | #1\nregel twee\u{1}",
                "government",
                "municipal",
                "",
                "",
                "",
            ],
        ],
    );
    write(
        "relations.csv",
        &[&["source", "target", "layer", "topic"], &["dep", "reg", "collaboration", "wonen | x"]],
    );
    write("coalitions.csv", &[&["id", "name", "themes"], &["deal", SCRIPT, "wonen | x;zorg"]]);
    write(
        "members.csv",
        &[
            &["coalition", "actor", "role"],
            &["deal", "min", "signatory"],
            &["deal", "reg", "project_partner"],
            &["deal", "gem", "signatory"],
        ],
    );
    load(&Source::Folder(dir.to_owned())).unwrap()
}

/// Reads `text` as XML to the end; returns the text of every element, unescaped (references
/// resolved), and fails on any markup named `script`.
fn xml_texts(text: &str) -> Vec<String> {
    let mut reader = Reader::from_str(text);
    let mut texts = Vec::new();
    let mut current = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => {
                texts.push(current);
                return texts;
            }
            Ok(Event::Text(t)) => current.push_str(&t.decode().unwrap()),
            Ok(Event::GeneralRef(r)) => {
                // quick-xml reports references apart from the text around them.
                let name = r.decode().unwrap().into_owned();
                let resolved = match name.as_str() {
                    "lt" => '<',
                    "gt" => '>',
                    "amp" => '&',
                    "quot" => '"',
                    "apos" => '\'',
                    other => {
                        let number = other.strip_prefix('#').unwrap();
                        let code = match number.strip_prefix('x') {
                            Some(hex) => u32::from_str_radix(hex, 16).unwrap(),
                            None => number.parse().unwrap(),
                        };
                        char::from_u32(code).unwrap()
                    }
                };
                current.push(resolved);
            }
            Ok(Event::Start(e) | Event::Empty(e)) => {
                assert!(e.name().as_ref() != b"script", "markup from a name: {e:?}");
                texts.push(std::mem::take(&mut current));
            }
            Ok(Event::End(_)) => texts.push(std::mem::take(&mut current)),
            Ok(_) => {}
            Err(error) => panic!("not XML at {}: {error}", reader.error_position()),
        }
    }
}

/// Runs `dot -Tsvg` on `text`; panics with Graphviz's messages when it refuses.
fn graphviz_accepts(text: &str) -> String {
    use std::io::Write;
    let mut child = Process::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "dot refused the DOT: {stderr}\n{text}");
    assert!(!stderr.contains("Error"), "{stderr}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn svg_of_the_connectieplan_fixture() {
    let network = load_fixture("connectieplan");
    insta::assert_snapshot!(plan_svg(&network, &plan_of(&network, "twente")));
}

#[test]
fn dot_of_the_connectieplan_fixture() {
    let network = load_fixture("connectieplan");
    insta::assert_snapshot!(plan_dot(&network, &plan_of(&network, "twente")));
}

#[test]
fn markdown_of_the_connectieplan_fixture() {
    let network = load_fixture("connectieplan");
    insta::assert_snapshot!(plan_markdown(&network, &plan_of(&network, "twente")));
}

#[test]
fn json_of_the_connectieplan_fixture() {
    let network = load_fixture("connectieplan");
    insta::assert_snapshot!(to_pretty(&plan_json(&network, &plan_of(&network, "twente"))));
}

#[test]
fn svg_of_tiny() {
    let network = load_fixture("tiny");
    insta::assert_snapshot!(plan_svg(&network, &plan_of(&network, "deal_x")));
}

#[test]
fn dot_of_tiny() {
    let network = load_fixture("tiny");
    insta::assert_snapshot!(plan_dot(&network, &plan_of(&network, "deal_x")));
}

#[test]
fn markdown_of_tiny() {
    let network = load_fixture("tiny");
    insta::assert_snapshot!(plan_markdown(&network, &plan_of(&network, "deal_x")));
}

#[test]
fn json_of_tiny() {
    let network = load_fixture("tiny");
    insta::assert_snapshot!(to_pretty(&plan_json(&network, &plan_of(&network, "deal_x"))));
}

#[test]
fn the_json_follows_the_design_schema() {
    let network = load_fixture("connectieplan");
    let json = plan_json(&network, &plan_of(&network, "twente"));
    let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["coalition", "described", "topics", "general", "unconnected_signatories", "dealmakers"]
    );
    assert_eq!(json["coalition"], "twente");
    // No date applied (the library's default); the dealmaker's ties have no topic.
    assert_eq!(json["described"]["basis"], "not_applied");
    assert_eq!(json["described"]["date"], serde_json::Value::Null);
    assert_eq!(json["general"][0]["rijk"], "dm_twente");
    assert_eq!(json["general"][0]["via"], "general");
    for topic in json["topics"].as_array().unwrap() {
        let keys: Vec<&str> = topic.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["topic", "status", "regional_owners", "rijk_counterparts", "ties", "proposed"]
        );
    }
    let statuses: Vec<(&str, &str)> = json["topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["topic"].as_str().unwrap(), t["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("arbeidsmarkt en talent", "fragile"),
            ("bereikbaarheid", "gap"),
            ("circulaire economie", "covered"),
            ("water en bodem", "fragile"),
        ]
    );
    assert_eq!(json["unconnected_signatories"][0]["id"], "min_ienw");
    assert_eq!(json["dealmakers"][0]["id"], "dm_twente");
    assert_eq!(json["topics"][1]["proposed"][0]["rijk"], "min_ienw");
    assert_eq!(json["topics"][1]["proposed"][0]["region"], "regio_twente");
}

#[test]
fn the_svg_is_xml_with_every_name_as_text() {
    for (network, coalition) in
        [(load_fixture("connectieplan"), "twente"), (load_fixture("tiny"), "deal_x")]
    {
        let svg = plan_svg(&network, &plan_of(&network, coalition));
        let texts = xml_texts(&svg);
        assert!(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
        // Tiny's names hold <, " and &: they come back whole.
        if coalition == "deal_x" {
            assert!(texts.iter().any(|t| t.contains("Universiteit <Voorbeeld>")), "{texts:?}");
            assert!(svg.contains("Universiteit &lt;Voorbeeld&gt;"));
        }
    }
}

#[test]
fn a_script_name_stays_text_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let network = nasty_workspace(dir.path());
    let plan = plan_of(&network, "deal");

    let svg = plan_svg(&network, &plan);
    assert!(!svg.contains("<script"), "{svg}");
    let texts = xml_texts(&svg);
    assert!(texts.iter().any(|t| t.contains(SCRIPT)), "{texts:?}");
    assert!(svg.contains(
        "<title>Connectieplan: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>"
    ));

    let md = plan_markdown(&network, &plan);
    assert!(!md.contains("<script"), "{md}");
    assert!(md.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt;"), "{md}");
    assert!(md.contains("Gemeente \\`\\*\\_\\[x\\]\\_\\*\\` \\| \\#1 regel twee"), "{md}");
    // Every table row keeps its number of cells: a `|` in a name is escaped.
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let cells = line.replace("\\|", "").matches('|').count();
        assert!(cells == 5, "{line}");
    }

    let json = plan_json(&network, &plan);
    let text = to_pretty(&json);
    let back: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(back["coalition"], "deal");
    assert_eq!(back["topics"][0]["regional_owners"][0]["name"], SCRIPT);
    // The theme list `wonen | x` splits into two themes; the relation topic stays whole.
    assert_eq!(back["topics"][1]["topic"], "wonen | x");
    assert_eq!(back["topics"][1]["ties"][0]["rijk"], "dep");
    assert_eq!(back["topics"][1]["status"], "fragile");

    let dot = plan_dot(&network, &plan);
    assert!(dot.contains("label=\"<script>alert(\\\"x\\\")</script>\""), "{dot}");
    assert!(dot.contains("Ministerie \\\"A\\\" & B\\\\N"), "{dot}");
    assert!(dot.contains("Connectieplan: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
    if graphviz_installed() {
        let drawn = graphviz_accepts(&dot);
        assert!(!drawn.contains("<script"), "{drawn}");
        assert!(drawn.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"), "{drawn}");
        // `\N` was escaped, so Graphviz did not put the node's id in its place.
        assert!(drawn.contains("B\\N"), "{drawn}");
    }
}

#[test]
fn graphviz_accepts_the_dot_when_installed() {
    if !graphviz_installed() {
        return;
    }
    for (name, coalition) in [("connectieplan", "twente"), ("tiny", "deal_x"), ("tiny", "deal_y")] {
        let network = load_fixture(name);
        let svg = graphviz_accepts(&plan_dot(&network, &plan_of(&network, coalition)));
        xml_texts(&svg);
    }
    let network = load(&Source::Bundled).unwrap();
    for coalition in ["rd_twente", "rd_zuid_hollandse_delta"] {
        graphviz_accepts(&plan_dot(&network, &plan_of(&network, coalition)));
    }
}

#[test]
fn every_bundled_deal_gets_a_plan_in_every_format() {
    let network = load(&Source::Bundled).unwrap();
    for coalition in network.coalitions() {
        let plan = plan_of(&network, &coalition.key);
        xml_texts(&plan_svg(&network, &plan));
        assert!(plan_dot(&network, &plan).starts_with("digraph \"connectieplan\" {"));
        assert!(plan_markdown(&network, &plan).starts_with("## Connectieplan: "));
        // The relations name no topic (their text is the attribute `what`): every topic is a
        // gap, the regional signatories stand in, and the ties show as general ties.
        for topic in &plan.topics {
            assert_eq!(topic.status.as_str(), "gap", "{}: {}", coalition.key, topic.topic);
        }
    }
    let twente = plan_of(&network, "rd_twente");
    let json = plan_json(&network, &twente);
    let topics: Vec<&str> =
        json["topics"].as_array().unwrap().iter().map(|t| t["topic"].as_str().unwrap()).collect();
    assert_eq!(
        topics,
        [
            "arbeidsmarkt en talent",
            "bereikbaarheid en vestigingsklimaat",
            "circulaire economie",
            "techniek als motor (stad en land)",
        ]
    );
    assert_eq!(json["topics"][0]["regional_owners"][0]["via"], "signatory");
    assert_eq!(json["topics"][0]["proposed"][0]["rijk"], "min_ocw");
    assert_eq!(json["topics"][0]["proposed"][0]["region"], "prov_overijssel");
    // Of the six signing ministries, LNV pays the national contribution into the deal. Twente
    // Board's mandate to BZK (2023) is part of Twente II (the relation's `coalition`), so it
    // does not count here: BZK, EZK, IenW, OCW and SZW have no tie with the region in Twente I.
    assert_eq!(json["unconnected_signatories"].as_array().unwrap().len(), 5);
    let twente_ii = plan_json(&network, &plan_of(&network, "rd4_twente_ii"));
    let unconnected: Vec<&str> = twente_ii["unconnected_signatories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap_or_default())
        .collect();
    assert!(!unconnected.contains(&"min_bzk"), "{unconnected:?}");
    // Achterhoek II (2024): EZ signed, EZK (which the theme map names for "economie") was
    // renamed; the plan proposes EZ, the ministry at the table, not EZK.
    let achterhoek = plan_json(&network, &plan_of(&network, "rd5_achterhoek_ii"));
    let economy = achterhoek["topics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["topic"] == "duurzame economie")
        .unwrap();
    assert_eq!(economy["rijk_counterparts"][0]["id"], "min_ez", "{economy}");
    assert!(!json["general"].as_array().unwrap().is_empty(), "{json}");
}

#[test]
fn the_command_writes_each_format_deterministically() {
    let dir = tempfile::tempdir().unwrap();
    for (file, starts) in [
        ("plan.svg", "<?xml"),
        ("plan.dot", "digraph"),
        ("plan.gv", "digraph"),
        ("plan.md", "## Connectieplan"),
        ("plan.json", "{"),
        ("plan.txt", "## Connectieplan"),
    ] {
        let path = dir.path().join(file);
        stakenet()
            .args(["plan", "fixtures/connectieplan", "--coalition", "twente", "-o"])
            .arg(&path)
            .assert()
            .success();
        let first = std::fs::read_to_string(&path).unwrap();
        assert!(first.starts_with(starts), "{file}: {first}");
        let again = stakenet()
            .args(["plan", "fixtures/connectieplan", "--coalition", "twente", "--format"])
            .arg(match file.rsplit('.').next().unwrap() {
                "gv" => "dot",
                "txt" => "md",
                other => other,
            })
            .assert()
            .success();
        assert_eq!(again.get_output().stdout, first.as_bytes(), "{file}");
    }
}

#[test]
fn the_command_runs_on_the_bundled_workspace_by_default() {
    let output = stakenet()
        .args(["plan", "--coalition", "rd_zuid_hollandse_delta", "--format", "md"])
        .assert()
        .success();
    let text = stdout_text(&output);
    assert!(text.starts_with("## Connectieplan: Regio Deal Zuid-Hollandse Delta"), "{text}");
    // 7 signing ministries; LNV pays the national contribution to the deal (a tie with the region).
    assert!(text.contains("6 Rijk signatories have no working tie"), "{text}");
}

#[test]
fn bad_options_are_clear_usage_errors() {
    let output =
        stakenet().args(["plan", "fixtures/connectieplan", "--coalition", "nope"]).assert().code(2);
    let stderr = stderr_text(&output);
    assert_eq!(stderr, "error: --coalition nope: no such coalition; expected one of twente\n");

    let output = stakenet()
        .args(["plan", "fixtures/connectieplan", "--coalition", "twente", "--format", "md"])
        .args(["--engine", "dot"])
        .assert()
        .code(2);
    let stderr = stderr_text(&output);
    assert_eq!(
        stderr,
        "error: --engine dot draws SVG; use it with --format svg (or -o FILE.svg)\n"
    );

    stakenet().args(["plan", "fixtures/connectieplan"]).assert().code(2);
}

/// Runs `plan --engine dot` with only `dot` (a stand-in written to a temporary folder) on the
/// PATH; returns the exit code and standard error.
#[cfg(unix)]
fn plan_with_fake_dot(dot: &str, mode: u32) -> (Option<i32>, String) {
    use std::os::unix::fs::PermissionsExt;
    let bin = tempfile::tempdir().unwrap();
    let path = bin.path().join("dot");
    std::fs::write(&path, dot).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    let output = stakenet()
        .env("PATH", bin.path())
        .args(["plan", "fixtures/connectieplan", "--coalition", "twente", "--format", "svg"])
        .args(["--engine", "dot"])
        .output()
        .unwrap();
    assert!(output.stdout.is_empty());
    (output.status.code(), String::from_utf8(output.stderr).unwrap())
}

#[cfg(unix)]
#[test]
fn a_dot_that_cannot_run_fails_or_writes_no_text_is_reported() {
    // Not executable: even root cannot run a file without an execute bit.
    let (code, stderr) = plan_with_fake_dot("#!/bin/sh\n", 0o644);
    assert_eq!(code, Some(2));
    assert_eq!(stderr, "error: --engine dot: cannot run `dot`: Permission denied (os error 13)\n");
    // Graphviz refusing the input: its message is passed on, exit code 1.
    let failing = "#!/bin/sh\necho 'Error: <stdin>: syntax error in line 1' >&2\nexit 1\n";
    let (code, stderr) = plan_with_fake_dot(failing, 0o755);
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "error: --engine dot: `dot -Tsvg` failed (exit status: 1): Error: <stdin>: syntax error in line 1\n"
    );
    // Output that is not UTF-8.
    let garbled = "#!/bin/sh\nwhile read -r line; do :; done\nprintf '\\377\\376'\n";
    let (code, stderr) = plan_with_fake_dot(garbled, 0o755);
    assert_eq!(code, Some(1));
    assert_eq!(stderr, "error: --engine dot: `dot` wrote SVG that is not UTF-8\n");
}

#[test]
fn the_dot_engine_without_graphviz_says_how_to_install_it() {
    let output = stakenet()
        .env("PATH", "/nonexistent")
        .args(["plan", "fixtures/connectieplan", "--coalition", "twente", "--format", "svg"])
        .args(["--engine", "dot"])
        .assert()
        .code(2);
    let stderr = stderr_text(&output);
    assert!(stderr.contains("Graphviz `dot` is not installed"), "{stderr}");
    assert!(stderr.contains("apt-get install graphviz"), "{stderr}");
    assert!(output.get_output().stdout.is_empty());
}

#[test]
fn the_dot_engine_draws_svg_when_graphviz_is_installed() {
    if !graphviz_installed() {
        return;
    }
    let output = stakenet()
        .args(["plan", "fixtures/connectieplan", "--coalition", "twente", "--format", "svg"])
        .args(["--engine", "dot"])
        .assert()
        .success();
    let svg = stdout_text(&output);
    let texts = xml_texts(&svg);
    assert!(texts.iter().any(|t| t.contains("Directie Innovatie & Kennis")), "{texts:?}");
}

/// `plan fixtures/twente-analyst --coalition rd_twente` with `args`, as JSON.
fn twente_analyst_json(args: &[&str]) -> serde_json::Value {
    let output = stakenet()
        .args(["plan", "fixtures/twente-analyst", "--coalition", "rd_twente", "--format", "json"])
        .args(args)
        .assert()
        .success();
    serde_json::from_str(&stdout_text(&output)).unwrap()
}

fn status_of<'a>(json: &'a serde_json::Value, topic: &str) -> &'a str {
    let topics = json["topics"].as_array().unwrap();
    let found = topics.iter().find(|t| t["topic"] == topic).unwrap();
    found["status"].as_str().unwrap()
}

#[test]
fn the_plan_describes_the_date_asked_for() {
    // On the deal's last day EZK's circulaire-economie ties have ended.
    let late = twente_analyst_json(&["--at", "2022-12-31"]);
    assert_eq!(late["described"]["date"], "2022-12-31");
    assert_eq!(late["described"]["basis"], "asked");
    assert_eq!(status_of(&late, "circulaire economie"), "gap");
    assert_eq!(late["unconnected_signatories"][0]["id"], "ministerie_ezk");
    // In mid-2020 they held, both through one directorate.
    let early = twente_analyst_json(&["--at", "2020-06-01"]);
    assert_eq!(status_of(&early, "circulaire economie"), "fragile");
    let ties = &early["topics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["topic"] == "circulaire economie")
        .unwrap()["ties"];
    assert_eq!(ties.as_array().unwrap().len(), 2);
    assert!(ties.as_array().unwrap().iter().all(|t| t["rijk"] == "ezk_re"));
    // Without --at: today, moved into the deal's term (it ended on 2022-12-31).
    let default = twente_analyst_json(&[]);
    assert_eq!(default["described"]["date"], "2022-12-31");
    assert_eq!(default["described"]["basis"], "coalition_ended");
    assert!(
        default["described"]["sentence"].as_str().unwrap().contains("the coalition's last day"),
        "{}",
        default["described"]
    );
}

#[test]
fn lnv_and_the_dealmaker_are_drawn_through_their_ties_without_a_topic() {
    let json = twente_analyst_json(&["--at", "2022-12-31"]);
    let general: Vec<(&str, &str, Option<f64>)> = json["general"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["rijk"].as_str().unwrap(), t["region"].as_str().unwrap(), t["amount"].as_f64()))
        .collect();
    assert!(
        general.contains(&("ministerie_lnv", "regio_twente", Some(30_000_000.0))),
        "{general:?}"
    );
    assert_eq!(general.iter().filter(|(rijk, _, _)| *rijk == "lnv_dealmaker").count(), 3);

    let output = stakenet()
        .args(["plan", "fixtures/twente-analyst", "--coalition", "rd_twente"])
        .args(["--at", "2022-12-31", "--format", "svg"])
        .assert()
        .success();
    let svg = stdout_text(&output);
    let texts = xml_texts(&svg).join("\n");
    // The date, the general row, LNV in the Rijk column, the dealmaker.
    assert!(texts.contains("Described as on 2022-12-31"), "{texts}");
    assert!(texts.contains("general (ties without a"), "{texts}");
    assert!(svg.contains(
        "<title>Ministerie van Landbouw, Natuur en Voedselkwaliteit (ministerie_lnv)</title>"
    ));
    assert!(svg.contains("<title>Dealmaker Regio Deal Twente (lnv_dealmaker)</title>"));
    // Lines of general ties (one per drawn end: LNV, the dealmaker, the accounthouder and
    // their three regional partners).
    assert_eq!(svg.matches("stroke=\"#546e7a\" stroke-width=\"1.8\"").count(), 6 + 1);
    // The table of pairs: each tie read as Rijk party — region party, with its money.
    assert!(texts.contains("Who is tied to whom"), "{texts}");
    let lines: Vec<&str> = texts.lines().filter(|l| !l.trim().is_empty()).collect();
    let mbo = lines
        .windows(2)
        .any(|w| w[0] == "Directie Middelbaar Beroepsonderwijs" && w[1] == "ROC van Twente");
    assert!(mbo, "{lines:?}");
    assert!(lines.contains(&"€30.0m") && lines.contains(&"€1.5m"), "{lines:?}");
}

#[test]
fn a_date_that_is_not_one_is_refused() {
    let output = stakenet()
        .args(["plan", "fixtures/twente-analyst", "--coalition", "rd_twente", "--at", "notadate"])
        .assert()
        .code(2);
    let stderr = stderr_text(&output);
    assert!(stderr.starts_with("error: --at notadate: not a date"), "{stderr}");
    assert!(stderr.contains("YYYY-MM-DD"), "{stderr}");
}
