//! `stakenet report`: the bundled workspace's page with all 31 deals, read back as XML with
//! every section and linked file present; no script and nothing loaded from the network; names
//! that look like markup staying text; the folder written atomically (refusing input folders
//! and folders that are not earlier reports, replacing an earlier report, untouched by a failed
//! run); and the same bytes at any thread count. A report built through the library alone
//! (load, `analysis::report`, `render::report_files`) is the one the command writes.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::reader::Reader;

use stakenet::analysis::{
    Moment, MomentBasis, Profile, Progress, ReportSource, all_coalitions, moment,
};
use stakenet::model::Date;
use stakenet::render::report_files;

use crate::common::{files_under, fixture, load_fixture, stakenet, write_csv};

/// Runs `stakenet report ARGS -o DIR` and asserts success.
fn report(args: &[&str], dir: &Path) {
    stakenet().arg("report").args(args).arg("-o").arg(dir).assert().success();
}

/// What the page holds, read as XML.
#[derive(Debug, Default)]
struct Page {
    /// Every `id`.
    ids: BTreeSet<String>,
    /// Every `href`, unescaped.
    hrefs: Vec<String>,
    /// The `id` of every `<section class="coalition">`.
    coalitions: Vec<String>,
    /// `<svg>` elements directly inside `<div class="diagram">`.
    diagrams: usize,
    /// All text, unescaped.
    text: String,
    /// Element names seen.
    elements: BTreeSet<String>,
    /// Every attribute as (element, name, value), unescaped.
    attributes: Vec<(String, String, String)>,
    /// The text of `<style>` elements.
    style: String,
}

/// Reads `html` as XML (strict: every element closed, end names checked, only XML's entities),
/// which the report promises.
fn read_page(html: &str) -> Page {
    let mut reader = Reader::from_str(html);
    reader.config_mut().check_end_names = true;
    let mut page = Page::default();
    let mut in_diagram = false;
    let mut in_style = false;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => return page,
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                let mut class = String::new();
                let mut id = None;
                for attribute in e.attributes() {
                    let attribute = attribute.unwrap();
                    let value =
                        attribute.normalized_value(XmlVersion::Explicit1_0).unwrap().into_owned();
                    let key = String::from_utf8(attribute.key.as_ref().to_vec()).unwrap();
                    page.attributes.push((name.clone(), key, value.clone()));
                    match attribute.key.as_ref() {
                        b"id" => id = Some(value),
                        b"href" => page.hrefs.push(value),
                        b"class" => class = value,
                        _ => {}
                    }
                }
                if let Some(id) = &id {
                    assert!(page.ids.insert(id.clone()), "id {id} twice");
                }
                if name == "section" && class == "coalition" {
                    page.coalitions.push(id.clone().unwrap());
                }
                if name == "svg" && in_diagram {
                    page.diagrams += 1;
                }
                in_diagram = name == "div" && class == "diagram";
                in_style = name == "style";
                page.elements.insert(name);
            }
            Ok(Event::End(_)) => in_style = false,
            Ok(Event::Text(t)) => {
                let text = t.decode().unwrap();
                if in_style {
                    page.style.push_str(&text);
                }
                page.text.push_str(&text);
            }
            Ok(Event::GeneralRef(r)) => {
                let name = r.decode().unwrap().into_owned();
                let resolved = match name.as_str() {
                    "lt" => '<',
                    "gt" => '>',
                    "amp" => '&',
                    "quot" => '"',
                    "apos" => '\'',
                    other => panic!("an entity XML does not know: &{other};"),
                };
                page.text.push(resolved);
            }
            Ok(_) => {}
            Err(error) => panic!("not well-formed at {}: {error}", reader.error_position()),
        }
    }
}

/// The checks every report must pass: well-formed, self-contained, every link resolves, every
/// data file is linked, the JSON, CSV and SVG files parse.
fn check_report(dir: &Path) -> Page {
    let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
    let page = read_page(&html);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("<meta name=\"generator\" content=\"stakenet report\" />"));
    // No script of any kind, and nothing fetched from elsewhere: no element that loads, no
    // attribute that loads or runs, web addresses only in links (and the SVG namespace).
    assert!(!html.to_lowercase().contains("<script"));
    for element in
        ["script", "img", "link", "iframe", "object", "embed", "image", "use", "foreignObject"]
    {
        assert!(!page.elements.contains(element), "the page has <{element}>");
    }
    for (element, key, value) in &page.attributes {
        let lower = value.to_lowercase();
        assert!(
            ![
                "src",
                "srcset",
                "data",
                "background",
                "poster",
                "action",
                "formaction",
                "xlink:href",
                "style"
            ]
            .contains(&key.as_str())
                && !key.starts_with("on"),
            "<{element} {key}=\"{value}\">"
        );
        assert!(!lower.contains("javascript:"), "<{element} {key}=\"{value}\">");
        if lower.contains("http") {
            assert!(key == "href" || key == "xmlns", "<{element} {key}=\"{value}\">");
        }
    }
    assert!(!page.style.contains("@import") && !page.style.contains("url("), "{}", page.style);
    // Every link resolves: anchors to ids, files to files of the report.
    let files = files_under(dir);
    let mut linked = BTreeSet::new();
    for href in &page.hrefs {
        if let Some(anchor) = href.strip_prefix('#') {
            assert!(page.ids.contains(anchor), "no id {anchor}");
        } else if href.starts_with("https://") || href.starts_with("http://") {
            // A source of the data, shown as a link.
        } else {
            assert!(files.contains_key(href.as_str()), "linked file {href} is missing");
            linked.insert(href.clone());
        }
    }
    for (path, bytes) in &files {
        if path == "index.html" || path == ".stakenet-report" {
            continue;
        }
        assert!(linked.contains(path), "{path} is not linked from the page");
        let text = std::str::from_utf8(bytes).unwrap();
        match path.rsplit('.').next().unwrap() {
            "json" => {
                serde_json::from_str::<serde_json::Value>(text)
                    .unwrap_or_else(|e| panic!("{path}: {e}"));
            }
            "csv" => {
                let mut reader = csv::Reader::from_reader(text.as_bytes());
                let width = reader.headers().unwrap().len();
                for record in reader.records() {
                    assert_eq!(record.unwrap().len(), width, "{path}");
                }
            }
            "svg" => {
                assert!(!text.contains("<script"), "{path}");
                let mut reader = Reader::from_str(text);
                while !matches!(reader.read_event().unwrap(), Event::Eof) {}
            }
            "md" => {}
            other => panic!("unexpected file type {other}: {path}"),
        }
    }
    assert_eq!(page.diagrams, page.coalitions.len(), "one connectieplan drawing per coalition");
    page
}

#[test]
fn the_bundled_report_shows_every_deal_with_its_files() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("report");
    report(&[], &dir);
    let page = check_report(&dir);
    assert_eq!(page.coalitions.len(), 67);
    assert!(page.coalitions.contains(&"c-rd_twente".to_owned()));
    assert!(page.coalitions.contains(&"c-rd4_twente_ii".to_owned()));
    for id in ["overview", "compare", "shape", "mix", "finance"] {
        assert!(page.ids.contains(id), "no section {id}");
    }
    for file in [
        "data/compare.csv",
        "data/network.json",
        "data/national-share.svg",
        "data/rd_twente/centrality.csv",
        "data/rd_twente/plan.svg",
        "data/rd_twente/suspects.json",
    ] {
        assert!(dir.join(file).is_file(), "{file}");
    }
    // The bundled data has relations: every deal has at least its national contribution as a
    // funding relation, so asymmetry and interdependence are there for all 67.
    for deal in ["rd_twente", "rd4_twente_ii", "rd5_saba"] {
        for file in ["asymmetry.json", "interdependence.json"] {
            assert!(dir.join("data").join(deal).join(file).is_file(), "{deal}/{file}");
        }
    }
    assert!(!page.text.contains("Not available: asymmetry needs relations between the parties"));
    // Empty connectieplan topics say which data is missing: no relation names a topic (65
    // deals), or the deal records no themes (Groningen Noord and Zeeuws-Vlaanderen).
    assert_eq!(
        page.text
            .matches("Every topic is a gap because none of the ties between the Rijk and the region names a topic")
            .count(),
        65
    );
    assert_eq!(page.text.matches("The deal has no topics: its themes are not recorded").count(), 2);
    // The tranches side by side; the national shares are those of
    // tests/oracle/regio_deals.py --summary (national / (national + stated co-financing)).
    assert!(page.ids.contains("tranches"), "no section tranches");
    let tranches = std::fs::read_to_string(dir.join("data/tranches.csv")).unwrap();
    let shares: Vec<&str> =
        tranches.lines().skip(1).map(|l| l.rsplit(',').next().unwrap()).collect();
    let expected = [335.0 / 751.0, 182.5 / 472.0, 117.5 / 257.5, 138.0 / 309.0, 0.5];
    assert_eq!(shares.len(), expected.len(), "{tranches}");
    for (got, want) in shares.iter().zip(expected) {
        assert!((got.parse::<f64>().unwrap() - want).abs() < 1e-12, "{got} vs {want}");
    }
    // Plain-language explanations from the evaluations.
    for phrase in [
        "Low centralization is not a defect",
        "pinautomaat",
        "something to gain for everyone",
        "Involved is not committed",
    ] {
        assert!(page.text.contains(phrase), "no explanation with {phrase:?}");
    }
    // A name with quotes is text.
    assert!(page.text.contains("Regio Deal Zeeuws-Vlaanderen \"Zeeuwen zelf aan zet\""));
    // Nothing left beside the report.
    let beside: Vec<String> = std::fs::read_dir(root.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(beside, ["report"]);
}

#[test]
fn a_workspace_with_relations_gets_asymmetry_and_interdependence() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("tiny-report");
    report(&["fixtures/tiny", "--coalition", "deal_x"], &dir);
    let page = check_report(&dir);
    assert_eq!(page.coalitions, ["c-deal_x"]);
    for file in ["asymmetry.json", "asymmetry.csv", "interdependence.json", "interdependence.csv"] {
        assert!(dir.join("data/deal_x").join(file).is_file(), "{file}");
    }
    assert!(!dir.join("data/deal_y").exists(), "--coalition narrows the coalitions");
    // tiny's funding relations all carry amounts: the flows and dependence are in euros.
    assert!(
        page.text.contains("100% of the euros between the sides runs from the Rijk to the region"),
        "{}",
        page.text
    );
    assert!(page.text.contains("Dependence read from the layer funding, as shares of the euros"));
    // The page states the date it describes: tiny's data ends with deal_x on 2023-12-31.
    assert!(page.text.contains("Described as on 2023-12-31, the latest date in the data"));
    // The commands the page names carry the workspace.
    assert!(page.text.contains("stakenet suspects fixtures/tiny --coalition deal_x"));
    // Names with < and & are text.
    assert!(page.text.contains("Universiteit <Voorbeeld>"));
    assert!(page.text.contains("Bedrijf & Zonen"));
}

/// A workspace whose names, ids, themes and sources try to break out of every context.
fn nasty_workspace(dir: &Path) {
    let write = |file: &str, rows: &[&[&str]]| write_csv(dir, file, rows);
    write(
        "actors.csv",
        &[
            &["id", "name", "sector", "level", "parent", "kind", "themes"],
            &["rijk", "Het Rijk", "government", "national", "", "national_government", ""],
            &[
                "min",
                "Ministerie \"A\" & 'B'",
                "government",
                "national",
                "rijk",
                "ministry",
                "wonen",
            ],
            &[
                "dep",
                "<script>alert(1)</script>",
                "government",
                "national",
                "min",
                "department",
                "wonen",
            ],
            &["reg", "=HYPERLINK(\"http://evil\")", "business", "regional", "", "company", "wonen"],
            &["gem", "Gemeente <b>vet</b>\u{1}", "government", "municipal", "", "municipality", ""],
        ],
    );
    write(
        "relations.csv",
        &[
            &["source", "target", "layer", "topic"],
            &["dep", "reg", "funding", "wonen"],
            &["dep", "gem", "funding", "<img src=x onerror=alert(2)>"],
            &["gem", "reg", "collaboration", ""],
        ],
    );
    write(
        "coalitions.csv",
        &[
            &["id", "name", "themes", "national_contribution", "cofinancing", "source"],
            &[
                "..",
                "</title><script>alert(3)</script>",
                "wonen; <svg onload=alert(4)>",
                "100",
                "50",
                "javascript:alert(5) https://example.org/\"><script>alert(6)</script>",
            ],
        ],
    );
    write(
        "members.csv",
        &[
            &["coalition", "actor", "role"],
            &["..", "min", "signatory"],
            &["..", "reg", "signatory"],
            &["..", "gem", "signatory"],
        ],
    );
}

#[test]
fn names_that_look_like_markup_stay_text() {
    let root = tempfile::tempdir().unwrap();
    let workspace = root.path().join("nasty");
    std::fs::create_dir(&workspace).unwrap();
    nasty_workspace(&workspace);
    let dir = root.path().join("out");
    report(&[workspace.to_str().unwrap()], &dir);
    let page = check_report(&dir);
    // The coalition id `..` gets a safe folder.
    assert_eq!(page.coalitions, ["c-__"]);
    assert!(dir.join("data/__/plan.svg").is_file());
    let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
    for shown in [
        "</title><script>alert(3)</script>",
        "<script>alert(1)</script>",
        "Ministerie \"A\" & 'B'",
        "<svg onload=alert(4)>",
        "Gemeente <b>vet</b>\u{FFFD}",
    ] {
        assert!(page.text.contains(shown), "{shown:?} is not shown as text");
    }
    assert!(html.contains("&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;"));
    assert!(!html.contains("<svg onload") && !html.contains("<img"));
    assert!(!html.contains("<b>vet"));
    // Only the web address of the source becomes a link, with its quote escaped.
    assert!(html.contains(
        "<a href=\"https://example.org/&quot;&gt;&lt;script&gt;alert(6)&lt;/script&gt;\">"
    ));
    // Spreadsheet formulas are defused in CSV text cells.
    let members = std::fs::read_to_string(dir.join("data/__/members.csv")).unwrap();
    assert!(members.contains("'=HYPERLINK"), "{members}");
    assert!(!members.contains(",=HYPERLINK"), "{members}");
}

#[test]
fn the_report_is_never_written_into_the_workspace_folder() {
    let root = tempfile::tempdir().unwrap();
    let workspace = root.path().join("ws");
    std::fs::create_dir(&workspace).unwrap();
    for file in ["actors.csv", "relations.csv", "coalitions.csv", "members.csv"] {
        std::fs::copy(fixture("tiny").join(file), workspace.join(file)).unwrap();
    }
    let before = files_under(&workspace);
    for target in [workspace.clone(), workspace.join("report")] {
        stakenet().arg("report").arg(&workspace).arg("-o").arg(&target).assert().code(2).stderr(
            format!(
                "error: refusing to write {}: it is in the workspace folder {}, which holds the \
                 input {}; choose a folder outside the workspace\n",
                target.display(),
                workspace.display(),
                workspace.join("actors.csv").display()
            ),
        );
    }
    assert_eq!(files_under(&workspace), before);
    // Next to the workspace is fine.
    report(&[workspace.to_str().unwrap()], &root.path().join("report"));
}

#[test]
fn an_existing_folder_that_is_not_a_report_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("documents");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<html>my own page</html>").unwrap();
    std::fs::write(dir.join("notes.txt"), "keep me").unwrap();
    stakenet().args(["report", "fixtures/tiny", "-o"]).arg(&dir).assert().code(2).stderr(format!(
        "error: refusing to replace {}: it exists and is not an earlier stakenet report (it has \
         no .stakenet-report, the list of the files stakenet wrote there); choose a new folder, \
         or remove it first\n",
        dir.display()
    ));
    assert_eq!(files_under(&dir).len(), 2);
    assert_eq!(std::fs::read_to_string(dir.join("notes.txt")).unwrap(), "keep me");
    // A file is refused too.
    let file = root.path().join("file.txt");
    std::fs::write(&file, "x").unwrap();
    stakenet().args(["report", "fixtures/tiny", "-o"]).arg(&file).assert().code(2).stderr(format!(
        "error: refusing to write {}: it exists and is not a folder; choose a new folder\n",
        file.display()
    ));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
    // And a path without a folder name.
    stakenet()
        .args(["report", "fixtures/tiny", "-o", ".."])
        .assert()
        .code(2)
        .stderr("error: cannot write to ..: give a folder name, e.g. report\n");
}

#[test]
fn a_second_run_replaces_the_first_and_a_failed_run_leaves_it() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("r");
    report(&["fixtures/tiny"], &dir);
    // A file the report did not write makes the folder someone's: refused, and named.
    std::fs::write(dir.join("stale.txt"), "from an earlier run").unwrap();
    stakenet()
        .args(["report", "fixtures/tiny", "-o"])
        .arg(&dir)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("it holds stale.txt, which is not in .stakenet-report"));
    std::fs::remove_file(dir.join("stale.txt")).unwrap();
    report(&["fixtures/tiny", "--coalition", "deal_y"], &dir);
    let files = files_under(&dir);
    assert!(files.contains_key("data/deal_y/plan.svg"));
    assert!(!files.contains_key("data/deal_x/plan.svg"));
    // A run that fails (unknown coalition) leaves the report as it was.
    stakenet()
        .args(["report", "fixtures/tiny", "--coalition", "nope", "-o"])
        .arg(&dir)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no such coalition"));
    assert_eq!(files_under(&dir), files);
    let beside: Vec<String> = std::fs::read_dir(root.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(beside, ["r"], "no temporary folder is left");
}

#[test]
fn the_report_is_byte_identical_at_any_thread_count() {
    let root = tempfile::tempdir().unwrap();
    let one = root.path().join("one");
    let two = root.path().join("two");
    report(&["--threads", "1"], &one);
    report(&["--threads", "2"], &two);
    let (one, two) = (files_under(&one), files_under(&two));
    assert_eq!(one.keys().collect::<Vec<_>>(), two.keys().collect::<Vec<_>>());
    for (path, bytes) in &one {
        assert!(bytes == &two[path], "{path} differs between --threads 1 and 2");
    }
}

#[test]
fn the_output_folder_is_required_and_options_are_checked() {
    stakenet().arg("report").assert().code(2).stderr(predicates::str::contains("--output <DIR>"));
    let root = tempfile::tempdir().unwrap();
    stakenet()
        .args(["report", "-o"])
        .arg(root.path().join("no/such/folder"))
        .assert()
        .code(2)
        .stderr(format!(
            "error: cannot write {}: the folder {} does not exist\n",
            root.path().join("no/such/folder").display(),
            root.path().join("no/such").display()
        ));
}

/// Counts what the report tells its progress listener.
#[derive(Default)]
struct Counted {
    planned: AtomicU64,
    done: AtomicU64,
}

impl Progress for Counted {
    fn planned(&self, coalitions: u64) {
        self.planned.fetch_add(coalitions, Ordering::Relaxed);
    }
    fn done(&self, coalitions: u64) {
        self.done.fetch_add(coalitions, Ordering::Relaxed);
    }
}

#[test]
fn the_library_builds_the_report_the_command_writes() {
    let network = load_fixture("tiny");
    let coalitions = all_coalitions(&network);
    let keys: Vec<&str> = coalitions.iter().map(|&c| network.coalition(c).key.as_str()).collect();
    assert_eq!(keys, ["deal_x", "deal_y"], "every coalition, by id");
    let source = ReportSource {
        workspace: "fixtures/tiny".to_owned(),
        workspace_argument: Some("fixtures/tiny".to_owned()),
        ..ReportSource::default()
    };
    let progress = Counted::default();
    // The data of tiny ends before any today: the report describes its latest date.
    let described = moment(&network, None, Date::MAX);
    assert_eq!(described.basis, MomentBasis::LatestInData);
    let built = stakenet::analysis::report(
        &network,
        &Profile::default(),
        &coalitions,
        source,
        described,
        &progress,
    )
    .unwrap();
    assert_eq!(progress.planned.into_inner(), 2);
    assert_eq!(progress.done.into_inner(), 2);
    let ids: Vec<_> = built.coalitions.iter().map(|c| c.coalition).collect();
    assert_eq!(ids, coalitions);

    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("library");
    for file in report_files(&network, &built) {
        let path = dir.join(&file.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, file.contents).unwrap();
    }
    let page = check_report(&dir);
    assert_eq!(page.coalitions, ["c-deal_x", "c-deal_y"], "one section per coalition");

    let command = root.path().join("command");
    report(&["fixtures/tiny"], &command);
    let (library, mut command) = (files_under(&dir), files_under(&command));
    let manifest = command.remove(".stakenet-report").unwrap();
    let listed: Vec<&str> = std::str::from_utf8(&manifest).unwrap().lines().skip(1).collect();
    assert_eq!(listed.len(), library.len(), "the manifest lists every file the report wrote");
    assert_eq!(library.keys().collect::<Vec<_>>(), command.keys().collect::<Vec<_>>());
    for (path, bytes) in &library {
        assert!(bytes == &command[path], "{path} differs between the library and the command");
    }

    // The coalitions come in the order asked for.
    let reversed: Vec<_> = coalitions.iter().rev().copied().collect();
    let built = stakenet::analysis::report(
        &network,
        &Profile::default(),
        &reversed,
        ReportSource::default(),
        Moment::any(),
        &(),
    )
    .unwrap();
    let ids: Vec<_> = built.coalitions.iter().map(|c| c.coalition).collect();
    assert_eq!(ids, reversed);
}
