//! Snapshots of every command's standard output on `fixtures/tiny`: `check` as table and JSON,
//! and `centrality`, `brokerage` (by sector with expected values, and by side), `layers`,
//! `asymmetry`, `interdependence`, `compare`, `suspects --coalition deal_x`,
//! `suspects --evaluate` and `twomode` as table, CSV and JSON; `centrality` for one coalition,
//! folded to the national level and weighted as CSV; and the report's `index.html` with the list of files it
//! writes. Each run must succeed with nothing on standard error. The workspace is passed as the
//! relative path `fixtures/tiny` (the binary runs from the repository root), so outputs that
//! name it are the same on every machine. Each snapshot's description is its command line.
//!
//! After an intended change of output: `INSTA_UPDATE=always cargo test snapshots`, then review
//! the diff of `tests/snapshots/main__snapshots__*.snap`.

use crate::common::{files_under, stakenet};

/// The workspace every snapshot runs on, relative to the repository root.
const TINY: &str = "fixtures/tiny";

/// Runs `stakenet COMMAND fixtures/tiny REST…` (`args` = COMMAND, REST…) from the repository
/// root, asserts exit code 0 and an empty standard error, and snapshots standard output as
/// `name`, described by the command line.
#[track_caller]
fn assert_stdout_snapshot(name: &str, args: &[&str]) {
    let (command, rest) = args.split_first().unwrap();
    let output = stakenet().arg(command).arg(TINY).args(rest).output().unwrap();
    let line = format!("stakenet {command} {TINY} {}", rest.join(" "));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{line}: {:?}\n{stderr}", output.status);
    assert!(stderr.is_empty(), "{line} wrote to standard error:\n{stderr}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_described_snapshot(name, line.trim_end(), &stdout);
}

/// Snapshots `value` as `name`, with `description` (the command line) in the snapshot's header.
#[track_caller]
fn assert_described_snapshot(name: &str, description: &str, value: &str) {
    insta::with_settings!({ description => description, omit_expression => true }, {
        insta::assert_snapshot!(name, value);
    });
}

/// One test per line, `name: [COMMAND, REST…]`, snapshotting that command's output as `name`.
macro_rules! stdout_snapshots {
    ($($name:ident: [$($arg:literal),+ $(,)?];)+) => {$(
        #[test]
        fn $name() {
            assert_stdout_snapshot(stringify!($name), &[$($arg),+]);
        }
    )+};
}

/// Three tests per line, `table, csv, json: [COMMAND, REST…]`: the command with `--format`
/// table, csv and json.
macro_rules! format_snapshots {
    ($($table:ident, $csv:ident, $json:ident: [$($arg:literal),+ $(,)?];)+) => {$(
        stdout_snapshots! {
            $table: [$($arg,)+ "--format", "table"];
            $csv: [$($arg,)+ "--format", "csv"];
            $json: [$($arg,)+ "--format", "json"];
        }
    )+};
}

stdout_snapshots! {
    check_table: ["check", "--format", "table"];
    check_json: ["check", "--format", "json"];
    centrality_of_deal_x_csv: ["centrality", "--coalition", "deal_x", "--format", "csv"];
    centrality_at_national_level_csv: ["centrality", "--level", "national", "--format", "csv"];
    centrality_weighted_csv: ["centrality", "--weighted", "--format", "csv"];
}

format_snapshots! {
    centrality_table, centrality_csv, centrality_json: ["centrality"];
    brokerage_by_sector_expected_table,
    brokerage_by_sector_expected_csv,
    brokerage_by_sector_expected_json: ["brokerage", "--group-by", "sector", "--expected"];
    brokerage_by_side_table,
    brokerage_by_side_csv,
    brokerage_by_side_json: ["brokerage", "--group-by", "side"];
    layers_table, layers_csv, layers_json: ["layers"];
    asymmetry_table, asymmetry_csv, asymmetry_json: ["asymmetry"];
    interdependence_table, interdependence_csv, interdependence_json: ["interdependence"];
    compare_table, compare_csv, compare_json: ["compare"];
    suspects_of_deal_x_table,
    suspects_of_deal_x_csv,
    suspects_of_deal_x_json: ["suspects", "--coalition", "deal_x"];
    suspects_evaluation_table,
    suspects_evaluation_csv,
    suspects_evaluation_json: ["suspects", "--evaluate"];
    twomode_table, twomode_csv, twomode_json: ["twomode"];
}

/// `stakenet report fixtures/tiny -o DIR/report` into a fresh temporary DIR: the page and the
/// sorted relative paths of every file written. The page is normalised in case it ever names
/// the output folder: the temporary folder's path (which differs per run) becomes `[OUT]`.
fn tiny_report() -> (String, String) {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("report");
    let output = stakenet().args(["report", TINY, "-o"]).arg(&dir).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{:?}\n{stderr}", output.status);
    assert!(stderr.is_empty(), "report wrote to standard error:\n{stderr}");
    assert!(output.stdout.is_empty(), "report wrote to standard output");
    let files = files_under(&dir);
    let page = String::from_utf8(files["index.html"].clone()).unwrap();
    let page = page.replace(&root.path().display().to_string(), "[OUT]");
    let list: Vec<&str> = files.keys().map(String::as_str).collect();
    (page, list.join("\n") + "\n")
}

#[test]
fn report_index_html() {
    let (page, _) = tiny_report();
    let description = "stakenet report fixtures/tiny -o [OUT]/report: index.html";
    assert_described_snapshot("report_index_html", description, &page);
}

#[test]
fn report_files() {
    let (_, files) = tiny_report();
    let description = "stakenet report fixtures/tiny -o [OUT]/report: the files written, sorted";
    assert_described_snapshot("report_files", description, &files);
}
