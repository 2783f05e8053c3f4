//! The command line as a user meets it: outputs, exit codes, error texts, atomic writes.

use crate::common::{fixture, repo_root, stakenet, stderr_text, stdout_text, workspace_with};

#[test]
fn check_summarizes_the_bundled_workspace_by_default() {
    let output = stakenet().arg("check").assert().success().get_output().stdout.clone();
    let text = String::from_utf8(output).unwrap();
    assert!(text.starts_with("workspace fixtures/regio-deals: valid"), "{text}");
    assert!(text.contains("352 actors by sector (rows) and level (columns)"), "{text}");
    assert!(text.contains("67 coalition(s)"), "{text}");
    assert!(text.contains("rd_twente"), "{text}");
    assert!(text.contains("signatory            385"), "{text}");
}

#[test]
fn check_writes_json() {
    let output = stakenet().args(["check", "fixtures/tiny", "--format", "json"]).assert().success();
    let json: serde_json::Value = serde_json::from_slice(&output.get_output().stdout).unwrap();
    assert_eq!(json["actors"], 11);
    assert_eq!(json["hierarchy_depth"], 3);
    assert_eq!(json["coalitions"][0]["id"], "deal_x");
    assert_eq!(json["coalitions"][0]["members"], 6);
}

#[test]
fn an_invalid_workspace_exits_2_with_every_problem_and_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("summary.json");
    let assert = stakenet()
        .args(["check", "fixtures/invalid/many-problems", "-o"])
        .arg(&out)
        .assert()
        .code(2);
    let stderr = stderr_text(&assert);
    assert_eq!(stderr.lines().count(), 5, "{stderr}");
    assert!(stderr.contains("fixtures/invalid/many-problems/actors.csv:3: duplicate actor id `a`"));
    assert!(stderr.ends_with(
        "error: fixtures/invalid/many-problems has 4 problem(s); nothing was written\n"
    ));
    assert!(assert.get_output().stdout.is_empty());
    assert!(!out.exists());
}

#[test]
fn a_missing_workspace_is_a_clear_usage_error() {
    stakenet()
        .args(["check", "no/such/folder"])
        .assert()
        .code(2)
        .stderr("no/such/folder: no such folder or file; give a workspace folder (with actors.csv) or a network.json\n");
}

#[test]
fn an_unknown_option_is_a_usage_error() {
    stakenet().args(["check", "--bogus"]).assert().code(2);
}

#[test]
fn output_is_written_atomically_and_never_over_an_input() {
    let dir = tempfile::tempdir().unwrap();
    for file in ["actors.csv", "relations.csv", "coalitions.csv", "members.csv"] {
        std::fs::copy(fixture("tiny").join(file), dir.path().join(file)).unwrap();
    }
    let before = std::fs::read(dir.path().join("actors.csv")).unwrap();
    stakenet()
        .arg("centrality")
        .arg(dir.path())
        .arg("-o")
        .arg(dir.path().join("actors.csv"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("it is an input file (of the workspace"));
    assert_eq!(std::fs::read(dir.path().join("actors.csv")).unwrap(), before);

    let out = dir.path().join("summary.txt");
    stakenet().arg("check").arg(dir.path()).arg("-o").arg(&out).assert().success().stdout("");
    assert!(std::fs::read_to_string(&out).unwrap().contains("11 actors"));

    stakenet()
        .arg("check")
        .arg(dir.path())
        .arg("-o")
        .arg(dir.path().join("missing/summary.txt"))
        .assert()
        .code(2)
        .stderr(format!(
            "error: cannot write {}: the folder {} does not exist\n",
            dir.path().join("missing/summary.txt").display(),
            dir.path().join("missing").display()
        ));
}

#[test]
fn check_works_on_the_joint_arrangements_and_json_workspaces() {
    stakenet().args(["check", "fixtures/gemeenschappelijke-regelingen"]).assert().success();
    stakenet().args(["check", "fixtures/tiny-json/network.json"]).assert().success();
}

/// Every analysis command with the options that exercise it on the bundled workspace.
const ANALYSES: &[&[&str]] = &[
    &["centrality", "--format", "json"],
    &["centrality", "--weighted", "--format", "csv"],
    &["brokerage", "--group-by", "side", "--expected", "--format", "json"],
    &["layers", "fixtures/tiny", "--format", "json"],
    &[
        "centrality",
        "fixtures/gemeenschappelijke-regelingen",
        "--level",
        "provincial",
        "--format",
        "csv",
    ],
    &["asymmetry", "fixtures/asymmetry", "--format", "json"],
    &["interdependence", "fixtures/asymmetry", "--format", "json"],
    &["suspects", "--coalition", "rd_twente", "--format", "json"],
    &["suspects", "--evaluate", "--format", "csv"],
    &["compare", "--format", "csv"],
];

/// Commands without parallel work: their output must still be the same on every run.
const SEQUENTIAL: &[&[&str]] = &[
    &["plan", "--coalition", "rd_twente", "--format", "svg"],
    &["plan", "fixtures/connectieplan", "--coalition", "twente", "--format", "json"],
    &["export", "--format", "gexf"],
    &["export", "fixtures/tiny", "--format", "graphml"],
];

#[test]
fn sequential_outputs_are_byte_identical_across_runs() {
    for args in SEQUENTIAL {
        let run = || stakenet().args(*args).assert().success().get_output().stdout.clone();
        let first = run();
        assert!(!first.is_empty(), "{args:?}");
        assert_eq!(first, run(), "{args:?}: two runs differ");
    }
}

#[test]
fn outputs_are_byte_identical_at_any_thread_count_and_across_runs() {
    for args in ANALYSES {
        let run = |threads: &str| {
            let output = stakenet().args(*args).args(["--threads", threads]).assert().success();
            output.get_output().stdout.clone()
        };
        let one = run("1");
        assert!(!one.is_empty(), "{args:?}");
        assert_eq!(one, run("2"), "{args:?}: 1 and 2 threads differ");
        assert_eq!(one, run("2"), "{args:?}: two runs differ");
    }
}

#[test]
fn analysis_options_are_checked_before_any_work() {
    stakenet().args(["centrality", "--coalition", "rd_nowhere"]).assert().code(2).stderr(
        predicates::str::starts_with(
            "error: --coalition rd_nowhere: no such coalition; expected one of rd4_arnhem_nijmegen, ",
        ),
    );
    stakenet()
        .args(["centrality", "fixtures/tiny", "--layer", "money"])
        .assert()
        .code(2)
        .stderr("error: --layer money: no such layer; this workspace has funding, collaboration, information, reporting, comembership or comembership-newman\n");
    stakenet()
        .args(["centrality", "--level", "county"])
        .assert()
        .code(2)
        .stderr("error: --level county: unknown level; expected eu, national, provincial, regional, municipal or local\n");
    stakenet()
        .args(["centrality", "--at", "1 May 2020"])
        .assert()
        .code(2)
        .stderr("error: --at 1 May 2020: not a date; expected YYYY-MM-DD, e.g. 2020-07-01\n");
    stakenet()
        .args(["centrality", "--measures", "fame"])
        .assert()
        .code(2)
        .stderr("error: --measures: unknown measure `fame`; expected betweenness, closeness, harmonic, eigenvector or pagerank\n");
    stakenet()
        .args(["brokerage", "fixtures/tiny", "--group-by", "colour"])
        .assert()
        .code(2)
        .stderr(predicates::str::starts_with("error: --group-by colour: "));
}

#[test]
fn centrality_csv_has_the_documented_columns() {
    let output =
        stakenet().args(["centrality", "fixtures/tiny", "--format", "csv"]).assert().success();
    let text = stdout_text(&output);
    assert_eq!(
        text.lines().next().unwrap(),
        "id,name,sector,level,degree,in_degree,out_degree,strength,betweenness,closeness,harmonic,eigenvector,pagerank"
    );
    assert_eq!(text.lines().count(), 12);
    // Rows are ordered by id; names with quotes are quoted.
    assert!(text.lines().nth(1).unwrap().starts_with("bedrijf,Bedrijf & Zonen,business,regional,"));
    assert!(text.contains("gem_2,\"Gemeente \"\"Twee\"\"\",government,municipal,"));
}

#[test]
fn a_file_beyond_the_size_limit_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let actors = dir.path().join("actors.csv");
    // Sparse: the file takes no disk space, and stakenet refuses it from its size alone.
    let file = std::fs::File::create(&actors).unwrap();
    file.set_len(stakenet::io::MAX_FILE_BYTES + 1).unwrap();
    drop(file);
    stakenet().arg("check").arg(dir.path()).assert().code(2).stdout("").stderr(format!(
        "{}: cannot read the file: is 4294967297 bytes; stakenet reads files up to 4294967296 \
         bytes (4 GiB): split the workspace\nerror: {} has 1 problem(s); nothing was written\n",
        actors.display(),
        dir.path().display()
    ));
}

#[test]
fn a_folder_in_place_of_a_file_is_named() {
    let dir = workspace_with(&[("actors.csv", "id\na\n")]);
    std::fs::create_dir(dir.path().join("relations.csv")).unwrap();
    stakenet().arg("check").arg(dir.path()).assert().code(2).stderr(format!(
        "{}: cannot read the file: is a folder, expected a file\nerror: {} has 1 problem(s); \
         nothing was written\n",
        dir.path().join("relations.csv").display(),
        dir.path().display()
    ));
}

#[test]
fn an_unknown_coalition_lists_the_first_twelve_of_many_or_says_there_are_none() {
    stakenet().args(["centrality", "--coalition", "rd_nowhere"]).assert().code(2).stderr(
        "error: --coalition rd_nowhere: no such coalition; expected one of rd4_arnhem_nijmegen, \
         rd4_den_haag_zuidwest_ii, rd4_mainstage, rd4_midden_brabant, rd4_nieuw_land, \
         rd4_noardwest_fryslan, rd4_north_sea_port_district, rd4_parkstad_limburg_ii, \
         rd4_rotterdam_zuid_ii, rd4_twente_ii, rd4_waddeneilanden, rd4_zaanij_ii, … (67 in all; \
         `stakenet check` lists them)\n",
    );
    let dir = workspace_with(&[
        ("actors.csv", "id,sector,level\na,,\nb,,\n"),
        ("relations.csv", "source,target,layer\na,b,funding\n"),
    ]);
    stakenet()
        .arg("centrality")
        .arg(dir.path())
        .args(["--coalition", "deal"])
        .assert()
        .code(2)
        .stderr("error: --coalition deal: this workspace has no coalitions (no coalitions.csv)\n");
}

#[test]
fn an_output_path_that_is_a_folder_is_refused_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let assert = stakenet().args(["check", "fixtures/tiny", "-o"]).arg(&out).assert().code(2);
    let stderr = stderr_text(&assert);
    assert_eq!(
        stderr,
        format!(
            "error: refusing to write {}: it is a folder; give a file name inside it, or - for \
             standard output\n",
            out.display()
        )
    );
    let names: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["out"], "the temporary file is removed");
}

/// A full standard output (Linux's /dev/full) is an error, unlike a closed pipe.
#[cfg(target_os = "linux")]
#[test]
fn a_failing_standard_output_is_an_error() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("stakenet"))
        .current_dir(repo_root())
        .arg("check")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.starts_with("error: cannot write to standard output: "), "{stderr}");
    assert_eq!(stderr, "error: cannot write to standard output: no space left on the device\n");
}

#[test]
fn generate_refuses_a_workspace_folder_and_a_path_below_a_file() {
    let dir = workspace_with(&[("actors.csv", "id\na\n")]);
    let generate = || {
        let mut command = stakenet();
        command.args(["generate", "--actors", "20", "--ties-per-actor", "2", "-o"]);
        command
    };
    generate().arg(dir.path()).assert().code(2).stderr(format!(
        "error: {} already holds actors.csv; generate writes a new workspace and never over \
         files, so choose an empty or new folder\n",
        dir.path().display()
    ));
    let below_a_file = dir.path().join("actors.csv").join("generated");
    let assert = generate().arg(&below_a_file).assert().code(2);
    let stderr = stderr_text(&assert);
    let prefix = format!("error: cannot write {}: ", below_a_file.display());
    assert!(stderr.starts_with(&prefix) && stderr.len() > prefix.len() + 1, "{stderr}");
    let fresh = dir.path().join("fresh");
    let assert = generate().arg(&fresh).assert().success();
    let stderr = stderr_text(&assert);
    assert!(stderr.starts_with("wrote 20 actors, "), "{stderr}");
    assert!(stderr.ends_with(&format!(" coalitions to {}\n", fresh.display())), "{stderr}");
}

#[test]
fn centrality_notes_when_eigenvector_centrality_is_undefined() {
    // Directed ties without a cycle: no unique dominant eigenvector.
    let dir = workspace_with(&[
        ("actors.csv", "id,sector,level\na,,\nb,,\nc,,\n"),
        ("relations.csv", "source,target,layer\na,b,funding\nb,c,funding\n"),
    ]);
    stakenet()
        .arg("centrality")
        .arg(dir.path())
        .args(["--format", "csv"])
        .assert()
        .success()
        .stderr(
            "note: eigenvector centrality is undefined for this view (its largest component has no \
         unique dominant eigenvector, e.g. directed ties without cycles); the column is empty\n",
        );
    // With a cycle it is defined, and nothing is noted.
    let cycle = workspace_with(&[
        ("actors.csv", "id,sector,level\na,,\nb,,\nc,,\n"),
        ("relations.csv", "source,target,layer\na,b,funding\nb,c,funding\nc,a,funding\n"),
    ]);
    stakenet()
        .arg("centrality")
        .arg(cycle.path())
        .args(["--format", "csv"])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn warnings_go_to_standard_error_and_check_strict_refuses_them() {
    let dir = workspace_with(&[
        ("actors.csv", "id,name,sector,levle\na,A,government,municipal\nb,B,business,\n"),
        ("relations.csv", "source,target,layer\na,b,funding\n"),
    ]);
    let actors = dir.path().join("actors.csv").display().to_string();
    let warnings = format!(
        "{actors}:1: warning: no `level` column, so no actor has a level; add the column to use levels (in brokerage groups, folding, comparisons)\n\
         {actors}:1: warning: unknown column `levle` is kept as an attribute; did you mean `level`?\n"
    );
    // Every command loads with its warnings printed, and its output is untouched.
    let assert = stakenet().arg("check").arg(dir.path()).assert().success();
    assert_eq!(stderr_text(&assert), warnings);
    assert!(stdout_text(&assert).contains("2 actors"));
    let assert =
        stakenet().arg("centrality").arg(dir.path()).args(["--format", "csv"]).assert().success();
    assert!(stderr_text(&assert).starts_with(&warnings), "{}", stderr_text(&assert));
    assert!(!stdout_text(&assert).contains("warning"));
    // --strict: the warnings are problems, exit code 2, nothing written.
    let out = dir.path().join("summary.txt");
    let assert = stakenet()
        .arg("check")
        .arg(dir.path())
        .arg("--strict")
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2);
    assert_eq!(
        stderr_text(&assert),
        format!(
            "{actors}:1: no `level` column, so no actor has a level; add the column to use levels (in brokerage groups, folding, comparisons)\n\
             {actors}:1: unknown column `levle` is kept as an attribute; did you mean `level`?\n\
             error: {} has 2 warning(s), which --strict counts as problems; nothing was written\n",
            dir.path().display()
        )
    );
    assert!(!out.exists());
    stakenet().args(["check", "fixtures/tiny", "--strict"]).assert().success().stderr("");
}

#[test]
fn numbers_can_be_read_the_way_the_user_says() {
    let dir = workspace_with(&[("actors.csv", "id;sector;level;influence\na;;;2.5\n")]);
    let assert = stakenet().arg("check").arg(dir.path()).assert().code(2);
    let stderr = stderr_text(&assert);
    assert!(stderr.contains("`influence`: `2.5` reads as 2.5 with a decimal point, but this file writes numbers the Dutch way (it is `;`-separated)"), "{stderr}");
    let json = stdout_text(
        &stakenet()
            .arg("export")
            .arg(dir.path())
            .args(["--numbers", "en", "--format", "json"])
            .assert()
            .success(),
    );
    assert!(json.contains("2.5"), "{json}");
    stakenet()
        .args(["check", "fixtures/tiny", "--numbers", "fr"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("`fr` is not a number convention; expected nl or en"));
}

#[test]
fn a_profile_is_an_input_that_no_output_writes_over() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile.toml");
    std::fs::copy("fixtures/profiles/example.toml", &profile).unwrap();
    let before = std::fs::read(&profile).unwrap();
    for command in [&["suspects", "--coalition", "rd_twente"][..], &["compare"]] {
        let output = stakenet()
            .args(command)
            .arg("--profile")
            .arg(&profile)
            .arg("-o")
            .arg(&profile)
            .assert()
            .code(2);
        assert!(stderr_text(&output).contains("it is an input file"), "{command:?}");
        assert_eq!(std::fs::read(&profile).unwrap(), before, "{command:?}");
    }
}

#[test]
fn generate_never_writes_over_any_file_of_a_workspace() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("relations.csv"), "mine\n").unwrap();
    std::fs::write(dir.path().join("members.csv"), "mine too\n").unwrap();
    let output =
        stakenet().args(["generate", "--actors", "20", "-o"]).arg(dir.path()).assert().code(2);
    assert!(
        stderr_text(&output).contains("already holds relations.csv, members.csv"),
        "{}",
        stderr_text(&output)
    );
    assert_eq!(std::fs::read_to_string(dir.path().join("relations.csv")).unwrap(), "mine\n");
    assert!(!dir.path().join("actors.csv").exists());
}

#[test]
fn a_standard_error_that_cannot_be_written_never_makes_a_panic() {
    // Standard error is a pipe whose reading end is closed before stakenet writes: every write
    // fails. The exit codes still say how the run went (2: bad input, 0: done), never 101.
    let binary = assert_cmd::cargo::cargo_bin("stakenet");
    for (args, expected) in [
        (&["check", "fixtures/no-such-workspace"][..], 2),
        (&["centrality", "fixtures/twente-analyst", "--weight", "euros"], 2),
        (&["check", "fixtures/tiny", "--format", "json"], 0),
    ] {
        let mut child = std::process::Command::new(&binary)
            .current_dir(repo_root())
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stderr.take());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(expected), "{args:?}");
    }
}

#[test]
fn dash_as_output_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let output = stakenet()
        .current_dir(dir.path())
        .arg("centrality")
        .arg(repo_root().join("fixtures/tiny"))
        .args(["--format", "csv", "-o", "-"])
        .assert()
        .success();
    assert!(stdout_text(&output).starts_with("id,name,"));
    assert!(!dir.path().join("-").exists(), "no file named -");
}

/// A power iteration cut short names the option that raises its limit (issue 17).
#[test]
fn a_power_iteration_cut_short_names_max_iterations() {
    let output = stakenet().args(["centrality", "--max-iterations", "1"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("did not converge after 1 iterations"), "{stderr}");
    assert!(stderr.contains("raise the limit with --max-iterations"), "{stderr}");
}
