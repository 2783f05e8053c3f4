//! `stakenet map` (issue 19): no label overlaps a label or an actor, and no two actors overlap,
//! read from the SVG's geometry on every fixture that loads; the same bytes at any thread
//! count; hostile names inert in SVG and HTML; the interactive page in headless Chromium
//! (`#focus=ID` lights up exactly the ego network, `#layers=off:NAME` hides that layer's
//! ties); refusals that name what is accepted.
// The browser test says on standard error when it skips.
#![allow(clippy::print_stderr)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::browser::{chromium, run_chromium};
use crate::common::{fixture, repo_root, stakenet, stderr_text, stdout_text, workspace_with};

/// The value of attribute `name` in the start tag `tag`.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

/// Every start tag that begins with `prefix` (e.g. `<circle class="actor"`).
fn tags<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        let tag = &rest[at..];
        let end = tag.find('>').unwrap();
        found.push(&tag[..=end]);
        rest = &tag[end..];
    }
    found
}

fn numbers(text: &str) -> Vec<f64> {
    text.split_whitespace().map(|n| n.parse().unwrap()).collect()
}

/// A label's box `[x, y, width, height]` and its text.
type LabelBox = ([f64; 4], String);

/// The actors' circles `(x, y, r)` and the labels' boxes `(x, y, width, height, text)`.
fn geometry(svg: &str) -> (Vec<[f64; 3]>, Vec<LabelBox>) {
    let circles = tags(svg, "<circle class=\"actor\"")
        .iter()
        .map(|tag| {
            let n = |name| attr(tag, name).unwrap().parse::<f64>().unwrap();
            [n("cx"), n("cy"), n("r")]
        })
        .collect();
    let mut labels = Vec::new();
    let mut rest = svg;
    while let Some(at) = rest.find("<text class=\"label\"") {
        let tag = &rest[at..];
        let open_end = tag.find('>').unwrap();
        let close = tag.find("</text>").unwrap();
        let b = numbers(attr(&tag[..=open_end], "data-bbox").unwrap());
        let text = quick_xml::escape::unescape(&tag[open_end + 1..close]).unwrap().into_owned();
        labels.push(([b[0], b[1], b[2], b[3]], text));
        rest = &tag[close..];
    }
    (circles, labels)
}

/// Asserts that no label overlaps another label or an actor, that no two actors overlap, and
/// that each label's box is wide enough for its text.
fn assert_no_overlaps(svg: &str, what: &str) {
    let (circles, labels) = geometry(svg);
    // Coordinates are written with one decimal.
    let slack = 0.15;
    for (i, (a, text)) in labels.iter().enumerate() {
        let chars = text.chars().count() as f64;
        assert!(a[2] >= chars * 0.32 * 12.0 - slack, "{what}: the box of {text:?} is too narrow");
        for (b, other) in &labels[i + 1..] {
            let overlap = a[0] + slack < b[0] + b[2]
                && b[0] + slack < a[0] + a[2]
                && a[1] + slack < b[1] + b[3]
                && b[1] + slack < a[1] + a[3];
            assert!(!overlap, "{what}: label {text:?} overlaps label {other:?}");
        }
        for c in &circles {
            let nx = c[0].clamp(a[0], a[0] + a[2]);
            let ny = c[1].clamp(a[1], a[1] + a[3]);
            let distance = (c[0] - nx).hypot(c[1] - ny);
            assert!(distance + slack >= c[2], "{what}: label {text:?} overlaps the actor at {c:?}");
        }
    }
    let mut sorted = circles;
    sorted.sort_by(|a, b| a[0].total_cmp(&b[0]));
    for (i, a) in sorted.iter().enumerate() {
        for b in &sorted[i + 1..] {
            if b[0] - a[0] > 40.0 {
                break;
            }
            let distance = (a[0] - b[0]).hypot(a[1] - b[1]);
            assert!(distance + slack >= a[2] + b[2], "{what}: actors at {a:?} and {b:?} overlap");
        }
    }
}

/// The workspace argument of every fixture: its folder, or the one network file in it.
fn fixture_workspaces() -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(repo_root().join("fixtures")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !path.is_dir() || ["invalid", "scripts", "profiles"].contains(&name.as_str()) {
            continue;
        }
        if path.join("actors.csv").is_file() {
            found.push(path);
            continue;
        }
        let files: Vec<PathBuf> = std::fs::read_dir(&path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let ext = p.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
                matches!(ext.as_deref(), Some("json" | "dat" | "dl" | "net" | "xlsx" | "ods"))
            })
            .collect();
        if files.len() == 1 {
            found.push(files[0].clone());
        }
    }
    found.sort();
    found
}

#[test]
fn no_label_overlaps_a_label_or_an_actor_on_any_fixture() {
    let mut drawn = 0;
    for workspace in fixture_workspaces() {
        let what = workspace.display().to_string();
        let output =
            stakenet().arg("map").arg(&workspace).args(["--labels", "60"]).output().unwrap();
        if !output.status.success() {
            // Only a workspace that does not load may fail.
            let check = stakenet().arg("check").arg(&workspace).output().unwrap();
            assert!(
                !check.status.success(),
                "{what}: map failed on a workspace that loads: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            continue;
        }
        let svg = String::from_utf8(output.stdout).unwrap();
        assert!(svg.starts_with("<?xml"), "{what}");
        assert!(svg.contains("<text class=\"label\""), "{what}: no label at all");
        assert_no_overlaps(&svg, &what);
        drawn += 1;
    }
    assert!(drawn >= 14, "only {drawn} fixtures drawn");
    // Every coalition map of the bundled workspace's first deals, with units nested.
    for coalition in ["rd_twente", "rd_achterhoek"] {
        let assert = stakenet()
            .args(["map", "--coalition", coalition, "--nest", "--labels", "100"])
            .assert()
            .success();
        assert_no_overlaps(&stdout_text(&assert), coalition);
    }
}

#[test]
fn the_map_is_the_same_at_any_thread_count() {
    for format in ["svg", "html"] {
        let run = |threads: &str| {
            let assert = stakenet()
                .arg("map")
                .arg(fixture("twente-analyst"))
                .args(["--size-by", "betweenness", "--nest", "--format", format])
                .args(["--threads", threads])
                .assert()
                .success();
            assert.get_output().stdout.clone()
        };
        assert_eq!(run("1"), run("4"), "{format}");
    }
}

/// A workspace whose names try to break out of their text.
fn hostile_workspace() -> tempfile::TempDir {
    workspace_with(&[
        (
            "actors.csv",
            "id,name,sector,level,note\n\
             a,<script>alert(1)</script>,government,national,\"</svg><b>x\"\n\
             b,\"</svg><script>bad()</script>\",business,regional,x\n\
             c,\"He said \"\"hi\"\" & 'bye' \u{1}\u{7}\u{2028}\",knowledge,regional,y\n\
             d,</script><!--,citizens,local,z\n",
        ),
        (
            "relations.csv",
            "source,target,layer,directed\na,b,<b>layer</b>,true\nb,a,<b>layer</b>,true\nc,d,support,false\na,c,support,false\n",
        ),
    ])
}

#[test]
fn hostile_names_stay_text_in_svg_and_html() {
    let dir = hostile_workspace();
    let svg = stdout_text(
        &stakenet().arg("map").arg(dir.path()).args(["--color-by", "note"]).assert().success(),
    );
    assert!(!svg.contains("<script"), "{svg}");
    assert!(!svg.contains("</svg><"), "{svg}");
    assert!(!svg.contains("<b>"), "{svg}");
    assert!(!svg.contains('\u{1}') && !svg.contains('\u{7}'));
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_eq!(svg.matches("</svg>").count(), 1);
    // The SVG is well-formed XML.
    let mut reader = quick_xml::Reader::from_str(&svg);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(error) => panic!("not well-formed: {error}"),
        }
    }
    // A reciprocated directed tie is drawn as two arcs.
    assert_eq!(tags(&svg, "<path class=\"edge\"").iter().filter(|t| t.contains(" Q")).count(), 2);

    let html = stdout_text(
        &stakenet().arg("map").arg(dir.path()).args(["--format", "html"]).assert().success(),
    );
    assert_eq!(html.matches("<script").count(), 2, "only the page's own two scripts");
    assert_eq!(html.matches("</script>").count(), 2);
    assert!(!html.contains("<b>"));
    assert!(!html.contains("<!--"));
    assert!(!html.contains('\u{2028}'));
    let start = html.find("<script type=\"application/json\" id=\"map-data\">").unwrap();
    let json = &html[start..];
    let json = &json[json.find('>').unwrap() + 1..json.find("</script>").unwrap()];
    let data: serde_json::Value = serde_json::from_str(json).unwrap();
    let names: Vec<&str> =
        data["nodes"].as_array().unwrap().iter().map(|n| n["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"<script>alert(1)</script>"), "{names:?}");
    assert!(names.contains(&"</script><!--"), "{names:?}");
}

#[test]
fn unknown_colours_sizes_and_egos_are_refused_naming_what_is_accepted() {
    let tiny = fixture("tiny");
    let stderr = stderr_text(
        &stakenet().arg("map").arg(&tiny).args(["--color-by", "colour"]).assert().code(2),
    );
    assert!(stderr.contains("--color-by colour"), "{stderr}");
    assert!(stderr.contains("sector, level, side, kind"), "{stderr}");
    assert!(stderr.contains("the column website"), "{stderr}");
    let stderr = stderr_text(
        &stakenet().arg("map").arg(&tiny).args(["--size-by", "website"]).assert().code(2),
    );
    assert!(stderr.contains("--size-by website"), "{stderr}");
    assert!(stderr.contains("degree, betweenness"), "{stderr}");
    let stderr =
        stderr_text(&stakenet().arg("map").arg(&tiny).args(["--ego", "nobody"]).assert().code(2));
    assert!(stderr.contains("--ego nobody: no actor has this id"), "{stderr}");
    let stderr =
        stderr_text(&stakenet().arg("map").arg(&tiny).args(["-o", "map.png"]).assert().code(2));
    assert!(stderr.contains("svg or html"), "{stderr}");
}

#[test]
fn an_ego_map_holds_the_actors_within_the_radius() {
    let twente = fixture("twente-analyst");
    let count = |radius: &str| {
        let svg = stdout_text(
            &stakenet()
                .arg("map")
                .arg(&twente)
                .args(["--ego", "regio_twente", "--radius", radius])
                .assert()
                .success(),
        );
        assert!(svg.contains("Ego network of"), "{radius}");
        assert_eq!(tags(&svg, "<g class=\"node ego\"").len(), 1);
        tags(&svg, "<circle class=\"actor\"").len()
    };
    let (one, two) = (count("1"), count("2"));
    assert!(one > 1 && two > one, "{one} {two}");
}

/// The page opened at `hash` in Chromium: the DOM after the script ran, and the console lines.
fn dom_at(browser: &Path, page: &Path, hash: &str) -> String {
    let url = PathBuf::from(format!("{}{hash}", page.display()));
    let output = run_chromium(
        browser,
        &url,
        &[
            "--dump-dom".to_owned(),
            "--virtual-time-budget=2000".to_owned(),
            "--enable-logging=stderr".to_owned(),
            "--v=0".to_owned(),
        ],
    );
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{log}");
    let console: Vec<&str> = log.lines().filter(|line| line.contains(":CONSOLE")).collect();
    assert!(console.is_empty(), "console messages: {console:#?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn the_interactive_map_focuses_an_actor_and_hides_a_layer_in_chromium() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is not installed, and CI must run the browser test (.ci/run installs it)"
        );
        eprintln!("note: chromium is not installed; skipping the map's browser test");
        return;
    };
    let root = tempfile::tempdir().unwrap();
    let page = root.path().join("map.html");
    stakenet().arg("map").arg(fixture("twente-analyst")).arg("-o").arg(&page).assert().success();
    let page = page.canonicalize().unwrap();
    let html = std::fs::read_to_string(&page).unwrap();

    // It renders, with the script run: the controls show, nothing is lit up.
    let dom = dom_at(&browser, &page, "");
    assert!(dom.contains("<html lang=\"en\" class=\"js\">"), "the script did not run");
    assert!(dom.contains("<svg"));
    assert!(!dom.contains("data-highlight=\""));

    // #focus=ID: exactly the actor and those tied to it are lit up.
    let dom = dom_at(&browser, &page, "#focus=regio_twente");
    let node_tags = tags(&dom, "<g class=\"node");
    let id_of = |key: &str| {
        node_tags
            .iter()
            .find(|t| attr(t, "data-id") == Some(key))
            .and_then(|t| attr(t, "id"))
            .unwrap()
            .to_owned()
    };
    let centre = id_of("regio_twente");
    let mut expected = BTreeSet::from([centre.clone()]);
    for edge in tags(&dom, "<path class=\"edge\"") {
        let (s, t) = (attr(edge, "data-source").unwrap(), attr(edge, "data-target").unwrap());
        if s == centre {
            expected.insert(t.to_owned());
        }
        if t == centre {
            expected.insert(s.to_owned());
        }
    }
    let lit: BTreeSet<String> = node_tags
        .iter()
        .filter(|t| attr(t, "data-highlight").is_some())
        .map(|t| attr(t, "id").unwrap().to_owned())
        .collect();
    assert!(expected.len() > 2, "{expected:?}");
    assert_eq!(lit, expected);
    let focus: Vec<&&str> =
        node_tags.iter().filter(|t| attr(t, "data-highlight") == Some("focus")).collect();
    assert_eq!(focus.len(), 1);
    assert_eq!(attr(focus[0], "id"), Some(centre.as_str()));

    // #layers=off:funding: that layer's ties are hidden, the others are not.
    let boxes = tags(&html, "<input type=\"checkbox\" data-layer=");
    assert!(boxes.len() >= 2, "twente-analyst has several layers");
    let label_of = |i: &str| {
        let at = html.find(&format!("data-layer=\"{i}\" checked>")).unwrap();
        let rest = &html[at..];
        let text = &rest[rest.find("</span>").unwrap() + 7..];
        text[..text.find("</label>").unwrap()].to_owned()
    };
    let first = attr(boxes[0], "data-layer").unwrap().to_owned();
    let name = label_of(&first);
    let dom = dom_at(&browser, &page, &format!("#layers=off:{name}"));
    let edges = tags(&dom, "<path class=\"edge\"");
    let (hidden, shown): (Vec<&&str>, Vec<&&str>) =
        edges.iter().partition(|t| attr(t, "data-layer") == Some(first.as_str()));
    assert!(!hidden.is_empty() && !shown.is_empty());
    assert!(hidden.iter().all(|t| t.contains("display: none")), "{hidden:?}");
    assert!(shown.iter().all(|t| !t.contains("display: none")));
    assert!(dom.contains(&format!("data-layer=\"{first}\">")), "its switch is off");

    // Hostile names stay text in the browser too: no element of theirs, the page's two scripts
    // only, and the script runs (focusing a hostile actor by its id).
    let dir = hostile_workspace();
    let page = root.path().join("hostile.html");
    stakenet().arg("map").arg(dir.path()).arg("-o").arg(&page).assert().success();
    let dom = dom_at(&browser, &page.canonicalize().unwrap(), "#focus=a");
    assert!(dom.contains("class=\"js\""), "the script did not run");
    assert_eq!(dom.matches("<script").count(), 2);
    assert!(!dom.contains("<b>"));
    assert_eq!(
        tags(&dom, "<g class=\"node")
            .iter()
            .filter(|t| attr(t, "data-highlight").is_some())
            .count(),
        3,
        "a, b and c"
    );
}

/// A tie that is part of another coalition is not drawn on a coalition's map: Twente Board's
/// mandate to BZK (2023) belongs to Twente II, so Twente I's map has no mandate tie, and Twente
/// II's has it.
#[test]
fn a_coalition_map_leaves_out_the_ties_of_another_coalition() {
    let edges = |coalition: &str| -> usize {
        let output = crate::common::stakenet()
            .args(["map", "--coalition", coalition, "--at", "2024-06-01"])
            .output()
            .unwrap();
        assert!(output.status.success());
        let svg = String::from_utf8(output.stdout).unwrap();
        // The legend names the layers with their tie counts: "mandate (1)".
        svg.matches(">mandate (").count()
    };
    assert_eq!(edges("rd_twente"), 0);
    assert_eq!(edges("rd4_twente_ii"), 1);
}

/// The map's CSS applies to its own drawing only (inline in a report it must not restyle the
/// connectieplan's `legend`), and the interactive page shows its title once.
#[test]
fn the_maps_style_is_scoped_and_the_page_titles_once() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("m.svg");
    let html = dir.path().join("m.html");
    for out in [&svg, &html] {
        stakenet().args(["map", "fixtures/twente-analyst", "-o"]).arg(out).assert().success();
    }
    let svg = std::fs::read_to_string(svg).unwrap();
    let style = svg.split("<style>").nth(1).unwrap().split("</style>").next().unwrap();
    let rules: Vec<&str> = style.split_inclusive('}').collect();
    assert!(rules.len() > 5);
    for rule in rules {
        assert!(rule.starts_with("svg[id=\"map\"] ."), "unscoped rule {rule}");
    }
    let html = std::fs::read_to_string(html).unwrap();
    assert_eq!(html.matches("<h1>").count(), 1);
    assert!(!html.contains("class=\"map-title\""), "the title drawn again inside the page's map");
}
