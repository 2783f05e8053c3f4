//! `suspects` on planted scenarios (library and command line), the profile file, and the
//! leave-one-out evaluation (issue 5).

use stakenet::analysis::{
    Category, CoverageStatus, Profile, Ranker, Subset, leave_one_out, suspects,
};
use stakenet::io::parse_profile;
use stakenet::render::candidate_reason;
use stakenet::{Network, Sector, Source, load};

use crate::common::{actor_key, fixture, load_fixture, stakenet, stderr_text, stdout_text};

fn planted() -> Network {
    load_fixture("suspects-planted")
}

fn rank_of(network: &Network, found: &stakenet::analysis::Suspects, id: &str) -> usize {
    found.candidates.iter().position(|c| actor_key(network, c.actor) == id).unwrap()
}

#[test]
fn the_connected_resident_panel_ranks_first_because_citizens_are_missing() {
    let network = planted();
    let deal = network.coalition_id("deal").unwrap();
    let found = suspects(&network, deal, &Profile::default(), None).unwrap();
    let first = &found.candidates[0];
    assert_eq!(actor_key(&network, first.actor), "panel");
    assert_eq!(first.gap_fill, 1.0);
    assert_eq!(first.proximity, 1.0);
    assert_eq!(first.region_match, 1.0);
    let reason = candidate_reason(&network, first);
    assert!(reason.starts_with("citizens are missing from the coalition"), "{reason}");
    assert!(reason.contains("works with Gemeente Een and Gemeente Twee"), "{reason}");
    assert!(reason.contains("shares the theme leefbaarheid"), "{reason}");

    // Decoys: a well-connected business that fills no gap, and residents far away.
    let consultancy = rank_of(&network, &found, "consultancy");
    let far = rank_of(&network, &found, "far_residents");
    assert!(consultancy > 0 && far > 0);
    let c = &found.candidates[consultancy];
    assert_eq!(c.gap_fill, 0.0);
    assert!(c.proximity > 0.3, "the decoy is connected: {}", c.proximity);
    let f = &found.candidates[far];
    assert_eq!(f.gap_fill, 1.0);
    assert!(f.proximity < first.proximity);
    assert_eq!(f.region_match, 0.0);

    // Scores are the weighted sum of the parts, best first, ties by id.
    for pair in found.candidates.windows(2) {
        assert!(
            pair[0].score > pair[1].score
                || (pair[0].score == pair[1].score
                    && actor_key(&network, pair[0].actor) < actor_key(&network, pair[1].actor))
        );
    }
    for c in &found.candidates {
        let sum = 0.4 * c.gap_fill + 0.3 * c.proximity + 0.2 * c.theme_match + 0.1 * c.region_match;
        assert!((c.score - sum).abs() < 1e-12);
        for part in [c.gap_fill, c.proximity, c.theme_match, c.region_match] {
            assert!((0.0..=1.0).contains(&part));
        }
    }
    // Members are never candidates.
    assert!(found.candidates.iter().all(|c| actor_key(&network, c.actor) != "gem_a"));
    assert_eq!(found.candidates.len(), network.actors().len() - found.n_members);
}

#[test]
fn coverage_ministries_and_weak_engagement_follow_the_definitions() {
    let network = planted();
    let deal = network.coalition_id("deal").unwrap();
    let found = suspects(&network, deal, &Profile::default(), None).unwrap();
    let status = |sector: Sector| {
        found.coverage.iter().find(|l| l.category == Category::Sector(sector)).unwrap().status
    };
    assert_eq!(status(Sector::Citizens), CoverageStatus::Missing);
    // The only civil-society member is `involved`: present, but thin.
    assert_eq!(status(Sector::CivilSociety), CoverageStatus::Thin);
    assert_eq!(status(Sector::Business), CoverageStatus::Ok);
    assert_eq!(status(Sector::Government), CoverageStatus::Ok);

    // `wonen` and `leefbaarheid` call for BZK, which is not a member; LNV signed. The profile
    // writes BZK; the workspace's `min_bzk` answers to it.
    assert_eq!(found.missing_ministries.len(), 1);
    let bzk = &found.missing_ministries[0];
    assert_eq!(bzk.ministry, "BZK");
    assert_eq!(bzk.actor, network.actor_id("min_bzk"));
    assert_eq!(bzk.themes, ["leefbaarheid", "wonen"]);

    // The province signed, contributes nothing and works with no member (its one relation is
    // with a province outside the deal); gem_a contributes, gem_b and LNV have ties.
    let weak: Vec<&str> = found.weakly_engaged.iter().map(|&a| actor_key(&network, a)).collect();
    assert_eq!(weak, ["prov"]);
}

#[test]
fn a_profile_can_ask_for_kinds_and_change_the_weights() {
    let network = planted();
    let deal = network.coalition_id("deal").unwrap();
    let profile = parse_profile(
        "[kinds]\nyouth_centre = 1\n\n[weights]\ngap_fill = 1\nproximity = 0\ntheme_match = 0\nregion_match = 0\n",
        "profile.toml",
    )
    .unwrap();
    let found = suspects(&network, deal, &profile, None).unwrap();
    let line = found
        .coverage
        .iter()
        .find(|l| l.category == Category::Kind("youth_centre".into()))
        .unwrap();
    assert_eq!((line.expected, line.present, line.status), (1, 0, CoverageStatus::Missing));
    let youth = &found.candidates[rank_of(&network, &found, "youth")];
    // Its sector is thin (0.5), its kind missing (1): the larger counts.
    assert_eq!(youth.gap_fill, 1.0);
    assert_eq!(youth.score, 1.0);
    let reason = candidate_reason(&network, youth);
    assert!(reason.starts_with("kind youth_centre is missing from the coalition"), "{reason}");
}

#[test]
fn an_empty_coalition_has_every_sector_missing_and_no_proximity() {
    let files = vec![
        ("actors.csv".to_owned(), b"id,name,sector\na,A,government\nb,B,citizens\n".to_vec()),
        ("coalitions.csv".to_owned(), b"id,name,themes\nempty,Empty,wonen\n".to_vec()),
        ("members.csv".to_owned(), b"coalition,actor,role\n".to_vec()),
    ];
    let network = load(&Source::Memory(files)).unwrap();
    let found =
        suspects(&network, network.coalition_id("empty").unwrap(), &Profile::default(), None)
            .unwrap();
    assert!(found.coverage.iter().all(|l| l.status == CoverageStatus::Missing));
    assert_eq!(found.candidates.len(), 2);
    assert!(found.candidates.iter().all(|c| c.proximity == 0.0 && c.gap_fill == 1.0));
    // No ministry in the workspace: reported by the name the profile writes.
    assert_eq!(found.missing_ministries[0].ministry, "BZK");
    assert_eq!(found.missing_ministries[0].actor, None);
}

/// Achterhoek II (2024) has EZ and LVVN at the table and "duurzame economie" among its themes:
/// EZK, which the theme map names, is no longer there, but EZ took over from it (the bundled
/// `successor` column), so no ministry is missing. Without the successor link, EZK would be.
#[test]
fn a_ministry_of_the_other_era_counts_at_the_table() {
    let network = load(&Source::Bundled).unwrap();
    let coalition = network.coalition_id("rd5_achterhoek_ii").unwrap();
    let found = suspects(&network, coalition, &Profile::default(), None).unwrap();
    assert_eq!(found.missing_ministries, []);
    let ezk = network.actor_id("min_ezk").unwrap();
    let successors: Vec<&str> =
        network.actor(ezk).successors.iter().map(|&s| network.actor(s).key.as_str()).collect();
    assert_eq!(successors, ["min_ez", "min_kgg"]);
    let dir = crate::common::workspace_with(&[
        (
            "actors.csv",
            "id,name,sector,level,parent,kind,successor\nrijk,Rijk,government,national,,,\n\
             min_ezk,Ministerie van EZK (EZK),government,national,rijk,ministry,LINK\n\
             min_ez,Ministerie van EZ (EZ),government,national,rijk,ministry,\n\
             gem,Gemeente,government,municipal,,,\n",
        ),
        ("coalitions.csv", "id,name,themes\nd,Deal,duurzame economie\n"),
        ("members.csv", "coalition,actor,role\nd,min_ez,signatory\nd,gem,signatory\n"),
    ]);
    let missing = |link: &str| {
        let actors = std::fs::read_to_string(dir.path().join("actors.csv")).unwrap();
        std::fs::write(dir.path().join("actors.csv"), actors.replace("LINK", link)).unwrap();
        let network = load(&Source::Folder(dir.path().to_owned())).unwrap();
        let found =
            suspects(&network, network.coalition_id("d").unwrap(), &Profile::default(), None);
        let names: Vec<String> =
            found.unwrap().missing_ministries.into_iter().map(|m| m.ministry).collect();
        std::fs::write(dir.path().join("actors.csv"), actors).unwrap();
        names
    };
    assert_eq!(missing(""), ["EZK"]);
    assert_eq!(missing("min_ez"), Vec::<String>::new());
}

#[test]
fn leave_one_out_is_the_same_at_any_thread_count() {
    let network = load(&Source::Bundled).unwrap();
    let profile = Profile::default();
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let four = rayon::ThreadPoolBuilder::new().num_threads(4).build().unwrap();
    let serial = one.install(|| leave_one_out(&network, &profile)).unwrap();
    let parallel = four.install(|| leave_one_out(&network, &profile)).unwrap();
    assert_eq!(serial, parallel);
    // Every party that is not a ministry is held out once (see the CLI test below: 366).
    assert_eq!(serial.held_out.len(), 366);
    for item in &serial.held_out {
        assert!(network.actor(item.actor).kind.as_deref() != Some("ministry"));
        for &position in &item.positions {
            assert!(position.rank_by_id >= 1 && position.rank_by_id <= item.n_candidates);
            assert!(position.better + position.tied < item.n_candidates);
        }
    }
    let all = serial.summary(Ranker::Score, Subset::All).unwrap();
    assert!(all.hit_at_5 <= all.hit_at_10 && all.hit_at_10 <= 1.0);
    assert_eq!(all.n, 366);

    // Progress: every hidden member planned at the start and reported done once.
    #[derive(Default)]
    struct Counted(std::sync::atomic::AtomicU64, std::sync::atomic::AtomicU64);
    impl stakenet::analysis::Progress for Counted {
        fn planned(&self, n: u64) {
            self.0.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
        }
        fn done(&self, n: u64) {
            self.1.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
        }
    }
    let counted = Counted::default();
    let counted_run =
        stakenet::analysis::leave_one_out_with_progress(&network, &profile, &counted).unwrap();
    assert_eq!(counted_run, serial);
    assert_eq!(counted.0.into_inner(), 366);
    assert_eq!(counted.1.into_inner(), 366);
}

#[test]
fn leave_one_out_finds_the_planted_panel_when_it_is_a_member() {
    // Make the panel a member of `deal`; hiding it must bring it back first: citizens become
    // missing again and it is the best-connected resident group.
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for file in ["actors.csv", "coalitions.csv", "relations.csv", "members.csv"] {
        let mut bytes = std::fs::read(fixture("suspects-planted").join(file)).unwrap();
        if file == "members.csv" {
            bytes.extend_from_slice(b"deal,panel,project_partner,\n");
        }
        files.push((file.to_owned(), bytes));
    }
    let network = load(&Source::Memory(files)).unwrap();
    let evaluation = leave_one_out(&network, &Profile::default()).unwrap();
    let panel =
        evaluation.held_out.iter().find(|item| network.actor(item.actor).key == "panel").unwrap();
    assert_eq!(panel.positions[0].rank_by_id, 1);
    assert_eq!(panel.positions[0].better, 0);
}

#[test]
fn suspects_json_follows_the_schema() {
    let output = stakenet()
        .args(["suspects", "fixtures/suspects-planted", "--coalition", "deal", "--format", "json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&output.get_output().stdout).unwrap();
    let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["coalition", "coverage", "missing_ministries", "weakly_engaged", "candidates"]
    );
    assert_eq!(json["coalition"], "deal");
    let coverage_keys: Vec<&str> =
        json["coverage"][0].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(coverage_keys, ["category", "expected", "present", "status"]);
    let categories: Vec<&str> = json["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["category"].as_str().unwrap())
        .collect();
    assert_eq!(categories, ["business", "citizens", "civil_society", "government", "knowledge"]);
    assert_eq!(json["coverage"][1]["status"], "missing");
    let ministry_keys: Vec<&str> =
        json["missing_ministries"][0].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(ministry_keys, ["ministry", "id", "name", "themes"]);
    assert_eq!(json["missing_ministries"][0]["ministry"], "BZK");
    assert_eq!(json["missing_ministries"][0]["id"], "min_bzk");
    assert_eq!(json["missing_ministries"][0]["name"], "Ministerie BZK");
    assert_eq!(
        json["missing_ministries"][0]["themes"],
        serde_json::json!(["leefbaarheid", "wonen"])
    );
    assert_eq!(json["weakly_engaged"][0]["id"], "prov");
    assert!(
        json["weakly_engaged"][0]["reason"].as_str().unwrap().contains("involved, not committed")
    );
    let candidate_keys: Vec<&str> =
        json["candidates"][0].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        candidate_keys,
        [
            "id",
            "name",
            "sector",
            "kind",
            "score",
            "proximity",
            "gap_fill",
            "theme_match",
            "region_match",
            "reason"
        ]
    );
    assert_eq!(json["candidates"][0]["id"], "panel");
    assert_eq!(json["candidates"][0]["gap_fill"], 1.0);
    assert!(json["candidates"][0]["reason"].as_str().unwrap().contains("citizens"));
}

#[test]
fn suspects_csv_is_the_candidate_list_cut_at_top() {
    let output = stakenet()
        .args(["suspects", "fixtures/suspects-planted", "--coalition", "deal", "--top", "3"])
        .args(["--format", "csv"])
        .assert()
        .success();
    let text = stdout_text(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "id,name,sector,kind,score,proximity,gap_fill,theme_match,region_match,reason"
    );
    assert_eq!(lines.len(), 4);
    assert!(lines[1].starts_with("panel,Bewonerspanel Een,citizens,resident_panel,"));
}

#[test]
fn suspects_table_shows_every_part() {
    let output = stakenet()
        .args(["suspects", "fixtures/suspects-planted", "--coalition", "deal", "--format", "table"])
        .assert()
        .success();
    let text = stdout_text(&output);
    assert!(text.starts_with("coalition deal: Regio Deal Noord (7 members)\n"), "{text}");
    for part in [
        "\ncoverage\n",
        "\nmissing ministries (by theme)\n",
        "\nweakly engaged members (involved, not committed)\n",
        "\ncandidates (best 8 of 8)\n",
    ] {
        assert!(text.contains(part), "{part} missing from\n{text}");
    }
}

#[test]
fn suspects_errors_are_clear_and_exit_2() {
    stakenet()
        .args(["suspects", "fixtures/suspects-planted", "--coalition", "nope"])
        .assert()
        .code(2)
        .stderr("error: --coalition nope: no such coalition; expected one of deal or far_deal\n");
    stakenet()
        .args(["suspects", "--coalition", "rd_twente", "--top", "0"])
        .assert()
        .code(2)
        .stderr("error: --top 0: give the number of candidates to show, at least 1\n");
    stakenet()
        .args(["suspects", "--coalition", "rd_twente", "--profile", "no/such/profile.toml"])
        .assert()
        .code(2)
        .stderr(
            "no/such/profile.toml: no such profile file; give a TOML file (see --help)\n\
             error: the profile no/such/profile.toml has 1 problem(s); nothing was written\n",
        );
    stakenet()
        .args(["suspects"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--coalition <ID>"));
}

#[test]
fn an_invalid_profile_lists_every_problem_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.toml");
    std::fs::write(&path, "[sectors]\nhybrid = 1\nbusness = 2\n\n[weights]\nproximity = -1\n")
        .unwrap();
    let shown = path.display().to_string();
    stakenet()
        .args(["suspects", "--coalition", "rd_twente", "--profile"])
        .arg(&path)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "{shown}:2: [sectors] hybrid cannot be expected: a hybrid member counts for no sector; ask for its kind under [kinds] instead\n\
             {shown}:3: [sectors] unknown sector `busness`; expected government, business, knowledge, civil_society or citizens\n\
             {shown}:6: [weights] proximity must be a number ≥ 0, not -1\n\
             error: the profile {shown} has 3 problem(s); nothing was written\n"
        ));
    std::fs::write(&path, "[sectors]\nbusiness = \n").unwrap();
    stakenet()
        .args(["suspects", "--coalition", "rd_twente", "--profile"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(format!(
            "{shown}:2: string values must be quoted, expected literal string\n\
             error: the profile {shown} has 1 problem(s); nothing was written\n"
        ));
}

/// Runs `suspects --profile PATH` and returns its standard error, asserting exit code 2.
fn refused_profile(path: &std::path::Path) -> String {
    let output = stakenet()
        .args(["suspects", "--coalition", "rd_twente", "--profile"])
        .arg(path)
        .assert()
        .code(2)
        .stdout("");
    stderr_text(&output)
}

#[test]
fn a_profile_that_is_a_folder_too_large_or_not_text_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let shown = |path: &std::path::Path, message: &str| {
        let path = path.display();
        format!(
            "{path}: {message}\nerror: the profile {path} has 1 problem(s); nothing was written\n"
        )
    };
    assert_eq!(
        refused_profile(dir.path()),
        shown(dir.path(), "is a folder; give a TOML profile file")
    );
    let large = dir.path().join("large.toml");
    let file = std::fs::File::create(&large).unwrap();
    file.set_len(stakenet::io::MAX_PROFILE_BYTES + 1).unwrap();
    drop(file);
    assert_eq!(
        refused_profile(&large),
        shown(&large, "is 1048577 bytes; a profile is at most 1048576 bytes")
    );
    let latin1 = dir.path().join("latin1.toml");
    std::fs::write(&latin1, b"[kinds]\ncaf\xe9 = 1\n").unwrap();
    assert_eq!(
        refused_profile(&latin1),
        shown(&latin1, "is not UTF-8 text; save the profile as UTF-8")
    );
    // A path through a file: the operating system says why (ENOTDIR; Windows reports such a
    // path as missing).
    if cfg!(unix) {
        let below_a_file = latin1.join("profile.toml");
        let stderr = refused_profile(&below_a_file);
        let path = below_a_file.display();
        assert!(stderr.starts_with(&format!("{path}: cannot read the profile: ")), "{stderr}");
        assert!(stderr.contains("(os error 20)\nerror: the profile "), "{stderr}");
    }
}

#[test]
fn the_example_profile_is_valid_and_asks_for_unusual_kinds() {
    let output = stakenet()
        .args(["suspects", "--coalition", "rd_rivierenland", "--format", "json"])
        .args(["--profile", "fixtures/profiles/example.toml"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&output.get_output().stdout).unwrap();
    let categories: Vec<&str> = json["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["category"].as_str().unwrap())
        .collect();
    assert!(categories.contains(&"kind:youth_centre"), "{categories:?}");
    // The area cooperative signed FruitDelta Rivierenland.
    let cooperative =
        json["coverage"].as_array().unwrap().iter().find(|c| c["category"] == "kind:cooperative");
    assert_eq!(cooperative.unwrap()["status"], "ok");
}

#[test]
fn evaluate_reports_hit_rates_next_to_the_popularity_baseline() {
    let output = stakenet().args(["suspects", "--evaluate", "--format", "json"]).assert().success();
    let json: serde_json::Value = serde_json::from_slice(&output.get_output().stdout).unwrap();
    // 432 (deal, member) pairs of non-ministries in members.csv, less the 64 deals' own
    // programmes (role `programme`, no party), less Achterhoek Board in the two Achterhoek deals,
    // a unit of the member Regio Achterhoek at the same level: 366.
    assert_eq!(json["held_out"], 366);
    let summary = json["summary"].as_array().unwrap();
    let row = |subset: &str, ranker: &str| {
        summary.iter().find(|r| r["subset"] == subset && r["ranker"] == ranker).unwrap()
    };
    for ranker in ["score", "popularity"] {
        let r = row("all", ranker);
        assert_eq!(r["n"], 366);
        for k in ["hit_at_5", "hit_at_10", "mean_reciprocal_rank"] {
            assert!((0.0..=1.0).contains(&r[k].as_f64().unwrap()), "{ranker} {k}");
        }
    }
    assert_eq!(json["items"].as_array().unwrap().len(), 366);
    stakenet()
        .args(["suspects", "--evaluate", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicates::str::starts_with(
            "coalition,actor,candidates,other_coalitions,score,score_tied,popularity,popularity_tied,",
        ));
}
