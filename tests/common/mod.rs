//! Helpers shared by the integration tests: paths of fixtures, the binary run from the
//! repository root, hand-written CSV files and tolerant float comparison.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

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

/// A fixture folder by its path below `fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    repo_root().join("fixtures").join(name)
}

/// Asserts `|actual − expected| ≤ tolerance · max(1, |expected|)`, naming what differs.
#[track_caller]
pub fn assert_close(actual: f64, expected: f64, tolerance: f64, what: &str) {
    let scale = expected.abs().max(1.0);
    assert!(
        (actual - expected).abs() <= tolerance * scale,
        "{what}: got {actual}, expected {expected} (tolerance {tolerance})"
    );
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
