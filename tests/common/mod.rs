//! Helpers shared by the integration tests: paths of fixtures and networks loaded from them or
//! from text, the binary run from the repository root and its output read back, hand-written
//! workspaces (CSV files, temporary folders), the files below a folder, tolerant float
//! comparison, and whether Graphviz `dot` is there (required when `CI` is set).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use std::process::{Command as Process, Stdio};

use assert_cmd::Command;
use assert_cmd::assert::Assert;
use stakenet::{ActorId, Network, Source, load};

/// The repository root (where Cargo.toml is).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `stakenet` binary, run from the repository root (so fixture paths are relative to it).
pub fn stakenet() -> Command {
    let mut command = Command::cargo_bin("stakenet").unwrap();
    command.current_dir(repo_root());
    command
}

/// Writes `rows` (the header first) as the CSV file `file` in `dir`, quoting as needed.
pub fn write_csv(dir: &Path, file: &str, rows: &[&[&str]]) {
    let mut writer = csv::Writer::from_path(dir.join(file)).unwrap();
    for row in rows {
        writer.write_record(*row).unwrap();
    }
    writer.flush().unwrap();
}

/// Runs `stakenet ARGS`, asserts success and reads standard output as JSON.
#[track_caller]
pub fn stdout_json(args: &[&str]) -> serde_json::Value {
    let output = stakenet().args(args).assert().success();
    serde_json::from_slice(&output.get_output().stdout).unwrap()
}

/// Standard output of a finished run, as UTF-8 text.
pub fn stdout_text(assert: &Assert) -> String {
    String::from_utf8(assert.get_output().stdout.clone()).unwrap()
}

/// Standard error of a finished run, as UTF-8 text.
pub fn stderr_text(assert: &Assert) -> String {
    String::from_utf8(assert.get_output().stderr.clone()).unwrap()
}

/// A temporary workspace folder holding the given files (name, text).
pub fn workspace_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// A fixture folder by its path below `fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    repo_root().join("fixtures").join(name)
}

/// The fixture workspace `fixtures/NAME`, loaded; panics with its problems.
#[track_caller]
pub fn load_fixture(name: &str) -> Network {
    load(&Source::Folder(fixture(name))).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// `fixtures/tiny`, loaded.
pub fn tiny() -> Network {
    load_fixture("tiny")
}

/// A network from the texts of `actors.csv` and `relations.csv`, held in memory.
#[track_caller]
pub fn memory_network(actors: &str, relations: &str) -> Network {
    load(&Source::Memory(vec![
        ("actors.csv".into(), actors.as_bytes().to_vec()),
        ("relations.csv".into(), relations.as_bytes().to_vec()),
    ]))
    .unwrap()
}

/// The id of `actor` in `network`.
pub fn actor_key(network: &Network, actor: ActorId) -> &str {
    &network.actor(actor).key
}

/// Whether `|actual − expected| ≤ tolerance · max(1, |expected|)`.
pub fn is_close(actual: f64, expected: f64, tolerance: f64) -> bool {
    (actual - expected).abs() <= tolerance * expected.abs().max(1.0)
}

/// Asserts `|actual − expected| ≤ tolerance · max(1, |expected|)`, naming what differs.
#[track_caller]
pub fn assert_close(actual: f64, expected: f64, tolerance: f64, what: &str) {
    assert!(
        is_close(actual, expected, tolerance),
        "{what}: got {actual}, expected {expected} (tolerance {tolerance})"
    );
}

/// Whether Graphviz `dot` is installed. Tests that need it skip without it (saying so on
/// standard error), except in CI (`CI` set), where a missing `dot` fails them: `.ci/run`
/// installs Graphviz.
#[track_caller]
pub fn graphviz_installed() -> bool {
    program_installed("dot", &["-V"], "Graphviz `dot`", "the Graphviz tests")
}

/// Every file below `dir`, by `/`-separated relative path.
pub fn files_under(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
                files.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// Whether LibreOffice's `soffice` is installed, to write workbooks as a spreadsheet program
/// does; skipped and failed as [`graphviz_installed`].
#[track_caller]
pub fn libreoffice_installed() -> bool {
    program_installed("soffice", &["--version"], "LibreOffice `soffice`", "the workbook tests")
}

/// Whether Python's openpyxl is installed (`tests/oracle/requirements.txt`), to read workbooks
/// as Excel's own format describes them; skipped and failed as [`graphviz_installed`].
#[track_caller]
pub fn openpyxl_installed() -> bool {
    program_installed(
        "python3",
        &["-c", "import openpyxl"],
        "python3 with openpyxl",
        "the workbook checks",
    )
}

/// Whether Python's NetworkX is installed (`tests/oracle/requirements.txt`), to read exports
/// back as its users do; skipped and failed as [`graphviz_installed`].
#[track_caller]
pub fn networkx_installed() -> bool {
    program_installed(
        "python3",
        &["-c", "import networkx"],
        "python3 with networkx",
        "the NetworkX read-back checks",
    )
}

/// Whether `program` runs with `args` and succeeds; without it a test skips (saying so on standard
/// error), except in CI (`CI` set), where it fails: `.ci/run` installs what the tests need.
#[track_caller]
#[allow(clippy::print_stderr)]
fn program_installed(program: &str, args: &[&str], what: &str, tests: &str) -> bool {
    let found = Process::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{what} is not installed, and CI must run {tests} (.ci/run installs it)"
        );
        eprintln!("note: {what} is not installed; skipped");
    }
    found
}
