//! What `-o` does with what is at the path (issue 17): a regular file replaced atomically
//! through an exclusive temporary that nothing planted can redirect; a FIFO and a character
//! device written into, never replaced (a private device node, as root only); a link followed;
//! a report folder replaced only when its manifest lists everything in it; temporaries removed
//! on Ctrl-C and, left by a dead run, by the next one; concurrent reports failing plainly; and
//! a file named for another format refused. Never touches a real device file.
#![cfg(unix)]

use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::common::{fixture, stakenet, stderr_text, stdout_text};

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Whether the tests run as root (who may make device nodes).
fn root(dir: &Path) -> bool {
    let probe = dir.join(".probe");
    std::fs::write(&probe, "").unwrap();
    let uid = std::fs::metadata(&probe).unwrap().uid();
    std::fs::remove_file(probe).unwrap();
    uid == 0
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

/// Finding 1: a FIFO is written into, and stays a FIFO.
#[test]
fn a_fifo_is_written_into_and_stays_a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    stakenet().args(["check", "fixtures/tiny", "-o"]).arg(&fifo).assert().success().stdout("");
    assert!(reader.join().unwrap().contains("11 actors"));
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(names(dir.path()), ["pipe"]);
}

/// Finding 1: a character device (a private node, made only as root) is written into and
/// never replaced by a regular file; a full one fails with a plain message.
#[test]
fn a_character_device_is_written_into_and_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    if !root(dir.path()) {
        eprintln!("skipped: device nodes need root");
        return;
    }
    let null = dir.path().join("null");
    let full = dir.path().join("full");
    for (path, minor) in [(&null, "3"), (&full, "7")] {
        let made = std::process::Command::new("mknod").arg(path).args(["c", "1", minor]).status();
        if !made.is_ok_and(|status| status.success()) {
            eprintln!("skipped: mknod is not allowed here");
            return;
        }
    }
    stakenet().args(["check", "fixtures/tiny", "-o"]).arg(&null).assert().success();
    stakenet()
        .args(["export", "fixtures/tiny", "--format", "gexf", "-o"])
        .arg(&null)
        .assert()
        .success();
    stakenet()
        .args(["check", "fixtures/tiny", "-o"])
        .arg(&full)
        .assert()
        .code(2)
        .stderr(format!("error: cannot write {}: no space left on the device\n", full.display()));
    for device in [&null, &full] {
        assert!(std::fs::symlink_metadata(device).unwrap().file_type().is_char_device());
    }
    assert_eq!(names(dir.path()), ["full", "null"]);
}

/// Finding 1: the process's own standard output by its /proc name is written into (a pipe
/// here), not replaced.
#[cfg(target_os = "linux")]
#[test]
fn proc_self_fd_1_is_standard_output() {
    let output =
        stakenet().args(["check", "fixtures/tiny", "-o", "/proc/self/fd/1"]).assert().success();
    assert!(stdout_text(&output).contains("11 actors"));
}

/// Finding 1: a link is followed: the file it points at is written (atomically, in its own
/// folder), the link stays; a link to nothing yet makes that file; a link to an input is
/// refused.
#[test]
fn a_link_is_followed_to_the_file_it_names() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let real = elsewhere.path().join("real.csv");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    stakenet().args(["centrality", "fixtures/tiny", "-o"]).arg(&link).assert().success();
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(&real).unwrap().starts_with("id,"));

    let dangling = dir.path().join("new.csv");
    std::os::unix::fs::symlink("made.csv", &dangling).unwrap();
    stakenet().args(["centrality", "fixtures/tiny", "-o"]).arg(&dangling).assert().success();
    assert!(std::fs::read_to_string(dir.path().join("made.csv")).unwrap().starts_with("id,"));

    let workspace = tempfile::tempdir().unwrap();
    for file in ["actors.csv", "relations.csv", "coalitions.csv", "members.csv"] {
        std::fs::copy(fixture("tiny").join(file), workspace.path().join(file)).unwrap();
    }
    let to_input = dir.path().join("sneaky.csv");
    std::os::unix::fs::symlink(workspace.path().join("actors.csv"), &to_input).unwrap();
    let before = std::fs::read(workspace.path().join("actors.csv")).unwrap();
    stakenet()
        .arg("centrality")
        .arg(workspace.path())
        .arg("-o")
        .arg(&to_input)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("it is an input file"));
    assert_eq!(std::fs::read(workspace.path().join("actors.csv")).unwrap(), before);
    assert_eq!(names(dir.path()), ["link.csv", "made.csv", "new.csv", "sneaky.csv"]);
    assert_eq!(names(elsewhere.path()), ["real.csv"]);
}

/// Finding 2: a link planted at the temporary name earlier versions used
/// (`.NAME.stakenet-PID.tmp`) is never written through; nor is a folder planted for a
/// folder output.
#[test]
fn links_planted_at_temporary_names_are_never_followed() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let pid = std::process::id();
    let out = dir.path().join("out.csv");
    let planted = dir.path().join(format!(".out.csv.stakenet-{pid}.tmp"));
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    stakenet::io::write_atomic(&out, b"written", &[]).unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "written");
    assert!(std::fs::symlink_metadata(&planted).unwrap().file_type().is_symlink());

    let target = tempfile::tempdir().unwrap();
    let planted_folder = dir.path().join(format!(".rep.stakenet-{pid}.tmp"));
    std::os::unix::fs::symlink(target.path(), &planted_folder).unwrap();
    let files = [stakenet::io::FolderFile { path: "a.csv".into(), bytes: b"x".to_vec() }];
    let marker = stakenet::io::FolderMarker { file: ".m", text: "m", what: "a test output" };
    stakenet::io::write_folder(&dir.path().join("rep"), &files, &[], &marker).unwrap();
    assert!(names(target.path()).is_empty(), "nothing written through the planted link");
    assert_eq!(
        names(dir.path()),
        [format!(".out.csv.stakenet-{pid}.tmp"), format!(".rep.stakenet-{pid}.tmp")]
            .into_iter()
            .chain(["out.csv".into(), "rep".into(), "victim.txt".into()])
            .collect::<Vec<_>>()
    );
}

/// `stakenet report ARGS -o DIR`.
fn report(dir: &Path) -> assert_cmd::Command {
    let mut command = stakenet();
    command.args(["report", "fixtures/tiny", "-o"]).arg(dir);
    command
}

/// Finding 4: a folder whose index.html only claims to be a report is refused; so is a
/// report with a file added, and one that holds the --profile file; nothing is deleted.
#[test]
fn a_report_replaces_only_what_a_report_wrote() {
    let root = tempfile::tempdir().unwrap();
    let fake = root.path().join("fake");
    std::fs::create_dir(&fake).unwrap();
    std::fs::write(
        fake.join("index.html"),
        "<meta name=\"generator\" content=\"stakenet report\" />",
    )
    .unwrap();
    std::fs::write(fake.join("keep.txt"), "mine").unwrap();
    report(&fake)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("it exists and is not an earlier stakenet report"));
    assert_eq!(names(&fake), ["index.html", "keep.txt"]);

    let earlier = root.path().join("earlier");
    report(&earlier).assert().success();
    std::fs::write(earlier.join("data/notes.md"), "my notes").unwrap();
    report(&earlier).assert().code(2).stderr(format!(
        "error: refusing to replace {}: it holds data/notes.md, which is not in \
         .stakenet-report, the list of the files stakenet wrote there; move it out (or remove \
         it), or choose another folder\n",
        earlier.display()
    ));
    assert_eq!(std::fs::read_to_string(earlier.join("data/notes.md")).unwrap(), "my notes");
    std::fs::remove_file(earlier.join("data/notes.md")).unwrap();

    let profile = earlier.join("profile.toml");
    std::fs::copy("fixtures/profiles/example.toml", &profile).unwrap();
    let refused = report(&earlier).arg("--profile").arg(&profile).assert().code(2);
    assert!(stderr_text(&refused).contains("profile.toml"), "{}", stderr_text(&refused));
    assert!(profile.exists());
    std::fs::remove_file(&profile).unwrap();
    report(&earlier).assert().success();
    assert_eq!(names(root.path()), ["earlier", "fake"]);
}

/// Finding 7: reports written onto one folder at once: each run succeeds or fails with a
/// plain message, the folder ends as one whole report, nothing is left beside it.
#[test]
fn concurrent_reports_onto_one_folder_fail_plainly() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("rep");
    for round in 0..3 {
        let children: Vec<_> = (0..4)
            .map(|_| {
                std::process::Command::new(assert_cmd::cargo::cargo_bin("stakenet"))
                    .current_dir(crate::common::repo_root())
                    .args(["report", "fixtures/tiny", "-o"])
                    .arg(&dir)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let mut succeeded = 0;
        for child in children {
            let output = child.wait_with_output().unwrap();
            let stderr = String::from_utf8(output.stderr).unwrap();
            match output.status.code() {
                Some(0) => succeeded += 1,
                Some(2) => assert!(
                    stderr.contains("another run wrote it at the same time"),
                    "round {round}: {stderr}"
                ),
                other => panic!("round {round}: {other:?} {stderr}"),
            }
            assert!(!stderr.contains("os error"), "{stderr}");
        }
        assert!(succeeded >= 1, "round {round}: one run wins");
        assert_eq!(names(root.path()), ["rep"], "round {round}");
        let manifest = std::fs::read_to_string(dir.join(".stakenet-report")).unwrap();
        for listed in manifest.lines().skip(1) {
            assert!(dir.join(listed).is_file(), "{listed}");
        }
    }
}

/// Finding 7: temporaries of a run that died (their process gone) are removed by the next
/// write to the same folder; a live run's, and files that only look alike, are kept.
#[test]
fn stale_temporaries_of_dead_runs_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let dead = 2_147_483_646u32; // above any pid_max
    let live = std::process::id();
    let stale_file = format!(".e.graphml.stakenet-{dead}.tmp");
    let stale_new = format!(".out.csv.stakenet-{dead}-0123456789abcdef.tmp");
    let stale_folder = format!(".rep.stakenet-{dead}.tmp");
    let live_file = format!(".out.csv.stakenet-{live}-0123456789abcdef.tmp");
    for name in [&stale_file, &stale_new, &live_file, &".out.csv.mine.tmp".to_owned()] {
        std::fs::write(dir.path().join(name), "x").unwrap();
    }
    std::fs::create_dir_all(dir.path().join(&stale_folder).join("data")).unwrap();
    std::fs::write(dir.path().join(&stale_folder).join("data/a.csv"), "x").unwrap();
    stakenet()
        .args(["centrality", "fixtures/tiny", "-o"])
        .arg(dir.path().join("out.csv"))
        .assert()
        .success();
    assert_eq!(names(dir.path()), [".out.csv.mine.tmp".to_owned(), live_file, "out.csv".into()]);
}

/// Finding 7: Ctrl-C while a workspace is being written removes the temporary file; exit code
/// 130.
#[test]
fn ctrl_c_while_writing_leaves_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("big");
    let mut actors = 200_000;
    for _attempt in 0..4 {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("stakenet"))
            .args(["generate", "--actors", &actors.to_string(), "--ties-per-actor", "5", "-o"])
            .arg(&out)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        let mut seen = false;
        while started.elapsed() < Duration::from_secs(120) {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            if std::fs::read_dir(&out).is_ok_and(|entries| {
                entries.flatten().any(|e| e.file_name().to_string_lossy().contains(".stakenet-"))
            }) {
                seen = true;
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        if seen {
            let killed = std::process::Command::new("kill")
                .args(["-INT", &child.id().to_string()])
                .status()
                .unwrap();
            assert!(killed.success());
        }
        let status = child.wait().unwrap();
        if seen {
            assert_eq!(status.code(), Some(130));
            let left: Vec<String> =
                names(&out).into_iter().filter(|name| name.contains(".stakenet-")).collect();
            assert!(left.is_empty(), "{left:?}");
            return;
        }
        // Written before a temporary was seen: try a larger workspace.
        std::fs::remove_dir_all(&out).unwrap();
        actors *= 4;
    }
    panic!("no temporary file was ever seen while writing");
}

/// Finding 20: a file named for another format than the one written is refused, naming both;
/// an extension of the command's formats picks it; an unknown extension is accepted.
#[test]
fn a_file_named_for_another_format_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| -> PathBuf { dir.path().join(name) };
    let refused = |args: &[&str], file: &str, message: &str| {
        stakenet()
            .args(args)
            .arg("-o")
            .arg(path(file))
            .assert()
            .code(2)
            .stderr(format!("error: -o {}{message}\n", path(file).display()));
        assert!(!path(file).exists(), "{file}");
    };
    refused(
        &["plan", "fixtures/connectieplan", "--coalition", "twente"],
        "x.pdf",
        ": a .pdf file holds PDF, which plan does not write; it writes svg, dot, md or json \
         (--format, or a file named .svg, .dot, .gv, .md, .markdown, .txt or .json)",
    );
    refused(
        &["export", "fixtures/tiny", "--format", "graphml"],
        "x.gexf",
        " with --format graphml: a .gexf file holds gexf, not graphml; name the file .graphml, \
         or give --format gexf (or leave --format out)",
    );
    refused(
        &["centrality", "fixtures/tiny", "--format", "csv"],
        "x.json",
        " with --format csv: a .json file holds json, not csv; name the file .csv, or give \
         --format json (or leave --format out)",
    );
    refused(
        &["check", "fixtures/tiny"],
        "x.csv",
        ": a .csv file holds CSV, which check does not write; it writes table, json or xlsx \
         (--format, or a file named .txt, .json or .xlsx)",
    );
    refused(
        &["plan", "fixtures/connectieplan", "--coalition", "twente", "--format", "svg"],
        "x.png",
        " with --format svg: a .png file holds PNG, not svg; name the file .svg",
    );
    // The extension picks the format; an unknown one is accepted with the default.
    stakenet().args(["centrality", "fixtures/tiny", "-o"]).arg(path("x.json")).assert().success();
    assert!(std::fs::read_to_string(path("x.json")).unwrap().starts_with('{'));
    stakenet().args(["centrality", "fixtures/tiny", "-o"]).arg(path("x.dat")).assert().success();
    assert!(std::fs::read_to_string(path("x.dat")).unwrap().starts_with("id,"));
    stakenet()
        .args(["centrality", "fixtures/tiny", "-o", "-", "--format", "json"])
        .assert()
        .success();
}
