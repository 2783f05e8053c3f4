//! Ministries by what they are (issue 15): on `fixtures/twente-analyst`, whose ministries are
//! `ministerie_bzk`, `ministerie_ezk`, … of kind `ministry` with an `abbreviation` column,
//! `suspects` and the connectieplan find the ministries the default theme map names by
//! abbreviation, and count a signing ministry as engaged through the ties of its units.

use stakenet::analysis::{CounterpartSource, PlanConfig, Profile, connectieplan, suspects};
use stakenet::io::parse_profile;
use stakenet::{Network, Source, load};

use crate::common::{actor_key, fixture, load_fixture, stakenet, stdout_json, stdout_text};

fn twente() -> Network {
    load_fixture("twente-analyst")
}

/// The twente-analyst files in memory, without the relation rows that `drop` accepts.
fn twente_without(drop: impl Fn(&str) -> bool) -> Network {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for file in ["actors.csv", "coalitions.csv", "members.csv", "relations.csv"] {
        let text = std::fs::read_to_string(fixture("twente-analyst").join(file)).unwrap();
        let kept: String = text
            .lines()
            .filter(|line| file != "relations.csv" || !drop(line))
            .map(|line| format!("{line}\n"))
            .collect();
        files.push((file.to_owned(), kept.into_bytes()));
    }
    load(&Source::Memory(files)).unwrap()
}

fn keys(network: &Network, actors: &[stakenet::ActorId]) -> Vec<String> {
    actors.iter().map(|&a| actor_key(network, a).to_owned()).collect()
}

#[test]
fn the_ministries_are_found_by_kind_and_named_by_their_abbreviation() {
    let network = twente();
    assert_eq!(
        keys(&network, &network.ministries()),
        [
            "ministerie_bzk",
            "ministerie_ezk",
            "ministerie_ienw",
            "ministerie_lnv",
            "ministerie_ocw",
            "ministerie_szw"
        ]
    );
    // Units under a ministry and the Rijk itself are not ministries.
    for key in ["rijk", "bzk_accounthouder", "ienw_rws_oost", "lnv_dealmaker"] {
        assert!(!network.is_ministry(network.actor_id(key).unwrap()), "{key}");
    }
    let named = |name: &str| keys(&network, &network.ministries_named(name));
    for name in
        ["IenW", "ienw", "IENW", "Ministerie van Infrastructuur en Waterstaat", "ministerie_ienw"]
    {
        assert_eq!(named(name), ["ministerie_ienw"], "{name}");
    }
    // `min_` is no prefix here: no ministry has the id min_ienw.
    assert!(named("min_ienw").is_empty());
    assert!(named("VWS").is_empty());
}

#[test]
fn the_regio_deals_ministries_answer_to_the_abbreviation_in_their_names() {
    let network = load(&Source::Bundled).unwrap();
    for (name, id) in [
        ("BZK", "min_bzk"),
        ("IenW", "min_ienw"),
        ("jenv", "min_jenv"),
        // the ministries of the cabinet of 2 July 2024 next to their predecessors
        ("EZK", "min_ezk"),
        ("EZ", "min_ez"),
        ("LVVN", "min_lvvn"),
        ("VRO", "min_vro"),
        ("KGG", "min_kgg"),
    ] {
        assert_eq!(keys(&network, &network.ministries_named(name)), [id], "{name}");
    }
    // The 8 ministries of 2018 and the 4 of 2024 (LVVN, EZ, KGG, VRO).
    assert_eq!(network.ministries().len(), 12);
}

#[test]
fn suspects_misses_only_ienw_and_finds_no_signing_ministry_weakly_engaged() {
    let network = twente();
    let coalition = network.coalition_id("rd_twente").unwrap();
    let found = suspects(&network, coalition, &Profile::default(), None).unwrap();
    // EZK and SZW signed (their ids are not min_ezk and min_szw); IenW did not, although its
    // agency works with the province on bereikbaarheid.
    assert_eq!(found.missing_ministries.len(), 1, "{:?}", found.missing_ministries);
    let ienw = &found.missing_ministries[0];
    assert_eq!(ienw.ministry, "IenW");
    assert_eq!(ienw.actor, network.actor_id("ministerie_ienw"));
    assert_eq!(ienw.themes, ["bereikbaarheid"]);
    // EZK, OCW and SZW work with the region only through their directorates.
    assert!(found.weakly_engaged.is_empty(), "{:?}", keys(&network, &found.weakly_engaged));
}

#[test]
fn a_signing_ministry_is_engaged_through_its_accounthouder_and_weak_without() {
    // Without BZK's own funding of 2023, its accounthouder's ties still engage it.
    let own_tie = |line: &str| line.starts_with("ministerie_bzk,regio_twente,");
    let network = twente_without(own_tie);
    let coalition = network.coalition_id("rd_twente").unwrap();
    let found = suspects(&network, coalition, &Profile::default(), None).unwrap();
    assert!(found.weakly_engaged.is_empty(), "{:?}", keys(&network, &found.weakly_engaged));

    // Without the accounthouder's ties too, BZK only signed.
    let network = twente_without(|line| {
        own_tie(line) || line.split(',').take(2).any(|end| end == "bzk_accounthouder")
    });
    let coalition = network.coalition_id("rd_twente").unwrap();
    let found = suspects(&network, coalition, &Profile::default(), None).unwrap();
    assert_eq!(keys(&network, &found.weakly_engaged), ["ministerie_bzk"]);
}

#[test]
fn suspects_on_the_command_line_names_ienw_and_not_ezk_or_szw() {
    let json = stdout_json(&[
        "suspects",
        "fixtures/twente-analyst",
        "--coalition",
        "rd_twente",
        "--at",
        "2020-06-01",
        "--format",
        "json",
    ]);
    assert_eq!(
        json["missing_ministries"],
        serde_json::json!([{
            "ministry": "IenW",
            "id": "ministerie_ienw",
            "name": "Ministerie van Infrastructuur en Waterstaat",
            "themes": ["bereikbaarheid"]
        }])
    );
    assert_eq!(json["weakly_engaged"], serde_json::json!([]));

    // At the deal's end EZK's two ties had ended (2020-12-31, 2021-06-30): its signature is
    // all that is left. The default date of rd_twente, which ended in 2022, is its last day.
    let at_end = stdout_json(&[
        "suspects",
        "fixtures/twente-analyst",
        "--coalition",
        "rd_twente",
        "--format",
        "json",
    ]);
    let weak: Vec<&str> = at_end["weakly_engaged"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["id"].as_str().unwrap())
        .collect();
    assert_eq!(weak, ["ministerie_ezk"]);

    let output = stakenet()
        .args(["suspects", "fixtures/twente-analyst", "--coalition", "rd_twente"])
        .args(["--at", "2020-06-01", "--format", "table"])
        .assert()
        .success();
    let text = stdout_text(&output);
    let start = text.find("missing ministries (by theme)\n").unwrap();
    let end = text.find("weakly engaged members").unwrap();
    let section: Vec<&str> = text[start..end].lines().collect();
    assert_eq!(section.len(), 5, "{section:?}");
    assert!(section[3].starts_with("IenW      ministerie_ienw  Ministerie van Infrastructuur"));
    assert!(section[3].ends_with("bereikbaarheid"));
    assert!(text[end..].starts_with("weakly engaged members (involved, not committed)\nnone\n"));
}

#[test]
fn a_profile_keyed_by_ids_and_names_still_matches_and_reports_unknown_keys_as_written() {
    let network = twente();
    let coalition = network.coalition_id("rd_twente").unwrap();
    let profile = parse_profile(
        "[ministries]\nMINISTERIE_IENW = [\"bereikbaarheid\"]\n\"Ministerie van Sociale Zaken en Werkgelegenheid\" = [\"arbeidsmarkt\"]\nmin_vws = [\"bereikbaarheid\"]\n",
        "profile.toml",
    )
    .unwrap();
    let found = suspects(&network, coalition, &profile, None).unwrap();
    let missing: Vec<(&str, Option<&str>)> = found
        .missing_ministries
        .iter()
        .map(|m| (m.ministry.as_str(), m.actor.map(|a| actor_key(&network, a))))
        .collect();
    // SZW signed; IenW did not; no ministry answers to min_vws. In the profile's order: by the
    // names as written, ignoring case (`min_` before `mini`).
    assert_eq!(missing, [("min_vws", None), ("MINISTERIE_IENW", Some("ministerie_ienw"))]);

    let json = stdout_json(&[
        "suspects",
        "fixtures/twente-analyst",
        "--coalition",
        "rd_twente",
        "--profile",
        "fixtures/profiles/example.toml",
        "--format",
        "json",
    ]);
    assert_eq!(json["missing_ministries"][0]["ministry"], "IenW");
    assert_eq!(json["missing_ministries"].as_array().unwrap().len(), 1);
}

#[test]
fn the_connectieplan_maps_bereikbaarheid_to_the_ienw_ministry_and_finds_every_signatory_tied() {
    let network = twente();
    // Every relation, whatever its dates (EZK's ended ties included).
    let plan =
        connectieplan(&network, network.coalition_id("rd_twente").unwrap(), &PlanConfig::default())
            .unwrap();
    let topic = plan.topics.iter().find(|t| t.topic == "bereikbaarheid").unwrap();
    let proposal = &topic.proposed[0];
    assert_eq!(actor_key(&network, proposal.rijk), "ministerie_ienw");
    assert_eq!(proposal.rijk_basis, CounterpartSource::ThemeMap);
    // Every Rijk signatory works with the region itself or through a unit.
    assert!(plan.unconnected_signatories.is_empty());
}

#[test]
fn the_example_profile_writes_the_default_map_by_abbreviation() {
    let path = fixture("profiles").join("example.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let profile = parse_profile(&text, "example.toml").unwrap();
    assert_eq!(profile.ministries, Profile::default().ministries);
    assert!(profile.ministries.iter().all(|rule| !rule.ministry.starts_with("min_")));
}
