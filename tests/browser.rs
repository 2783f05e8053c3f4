//! The bundled report in a real browser: headless Chromium renders `index.html` without a
//! console message, its DOM holds every coalition section with its connectieplan drawing, and
//! it takes a screenshot. Without Chromium the test prints a note and passes, except in CI
//! (`CI` set), where `.ci/run` installs it.
// The test says on standard error when it skips.
#![allow(clippy::print_stderr)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::stakenet;

/// `/usr/bin/chromium`, or `chromium` (or `chromium-browser`) on `PATH`.
pub(crate) fn chromium() -> Option<PathBuf> {
    let fixed = PathBuf::from("/usr/bin/chromium");
    if fixed.is_file() {
        return Some(fixed);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Runs headless Chromium on `page` with `extra` flags and a fresh profile; kills it after two
/// minutes. Standard output and error are read while it runs, so that a full pipe never
/// blocks it.
pub(crate) fn run_chromium(browser: &Path, page: &Path, extra: &[String]) -> Output {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Process::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    Output { status, stdout: stdout.join().unwrap(), stderr: stderr.join().unwrap() }
}

#[test]
fn the_bundled_report_renders_in_chromium_without_errors() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is not installed, and CI must run the browser test (.ci/run installs it)"
        );
        eprintln!("note: chromium is not installed; skipping the browser test");
        return;
    };
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("report");
    stakenet().arg("report").arg("-o").arg(&dir).assert().success();
    let page = dir.canonicalize().unwrap().join("index.html");

    // The DOM as the browser built it: every coalition with its drawing.
    let dom = run_chromium(&browser, &page, &["--dump-dom".to_owned()]);
    assert!(dom.status.success(), "{}", String::from_utf8_lossy(&dom.stderr));
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert_eq!(dom.matches("<section class=\"coalition\"").count(), 67, "coalition sections");
    assert_eq!(dom.matches("<div class=\"diagram\"><svg").count(), 67, "connectieplan drawings");
    assert!(dom.contains("id=\"c-rd_twente\""));
    assert!(!dom.contains("<script"));

    // A screenshot, with the console on standard error: the page must log nothing.
    let shot = root.path().join("report.png");
    let rendered = run_chromium(
        &browser,
        &page,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,2000".to_owned(),
            "--enable-logging=stderr".to_owned(),
            "--v=0".to_owned(),
        ],
    );
    let log = String::from_utf8_lossy(&rendered.stderr);
    assert!(rendered.status.success(), "{log}");
    let console: Vec<&str> = log.lines().filter(|line| line.contains(":CONSOLE")).collect();
    assert!(console.is_empty(), "console messages: {console:#?}");
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert!(png.len() > 20_000, "a blank screenshot? {} bytes", png.len());
}
