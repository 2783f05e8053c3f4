//! `compare` on a planted scenario and on the bundled Regio Deals (issue 5).

use stakenet::analysis::{
    CoalitionShape, Moment, Profile, coalition_similarity, compare, graph_structure,
};
use stakenet::{LayerChoice, Network, Sector, Source, View, ViewSpec, load};

use crate::common::{assert_close, fixture, load_fixture, stakenet, stdout_text};

fn peers_fixture() -> Network {
    load_fixture("suspects-peers")
}

#[test]
fn twins_are_each_others_first_peer() {
    let network = peers_fixture();
    let rows = compare(&network, &Profile::default(), Moment::any()).unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| network.coalition(r.coalition).key.as_str()).collect();
    assert_eq!(ids, ["city", "farm", "north", "north_twin"]);
    let north = &rows[2];
    assert_eq!(network.coalition(north.peers[0].coalition).key, "north_twin");
    assert_close(north.peers[0].similarity, 1.0, 1e-12, "twins");
    assert_eq!(north.peers.len(), 3);
    // Ties (north and north_twin are equally like city) go by id.
    let city = &rows[0];
    assert_eq!(network.coalition(city.peers[0].coalition).key, "north");
    assert_eq!(network.coalition(city.peers[1].coalition).key, "north_twin");
    assert_eq!(city.peers[0].similarity, city.peers[1].similarity);
    // The similarity is symmetric.
    let shape = |key: &str| CoalitionShape::of(&network, network.coalition_id(key).unwrap());
    assert_eq!(
        coalition_similarity(&shape("city"), &shape("farm")),
        coalition_similarity(&shape("farm"), &shape("city"))
    );
}

#[test]
fn figures_follow_their_definitions() {
    let network = peers_fixture();
    let rows = compare(&network, &Profile::default(), Moment::any()).unwrap();
    let city = &rows[0];
    assert_eq!(city.n_members, 4);
    assert_eq!(city.government_share, Some(1.0));
    assert_eq!(city.sectors_present, [Sector::Government]);
    assert_eq!(city.n_ministries, 1);
    assert_eq!(city.cofinancing_ratio, Some(1.0));
    assert_eq!(
        city.missing_sectors,
        [Sector::Business, Sector::Knowledge, Sector::CivilSociety, Sector::Citizens]
    );
    let farm = &rows[1];
    // A national contribution of 0 leaves the ratio undefined.
    assert_eq!(farm.cofinancing_ratio, None);
    let twin = &rows[3];
    assert_eq!(twin.cofinancing_ratio, None);
    assert_eq!(twin.government_share, Some(2.0 / 3.0));
}

#[test]
fn density_and_centralization_are_those_of_the_coalition_view() {
    for workspace in ["tiny", "suspects-planted"] {
        let network = load(&Source::Folder(fixture(workspace))).unwrap();
        let rows = compare(&network, &Profile::default(), Moment::any()).unwrap();
        for row in rows {
            let spec = ViewSpec::coalition(row.coalition)
                .with_layers(LayerChoice::explicit_layers(&network));
            let view = View::build(&network, &spec).unwrap();
            assert_eq!(row.n_ties, view.n_ties());
            let structure = graph_structure(&view);
            if row.n_ties == 0 {
                // No relations recorded: no density, not the 0 (or the clique's 1) of a view.
                assert_eq!((row.density, row.centralization), (None, None));
                continue;
            }
            assert_close(row.density.unwrap(), structure.density, 1e-12, "density");
            assert_eq!(
                row.centralization.map(|c| (c * 1e12).round()),
                structure.degree_centralization.map(|c| (c * 1e12).round()),
                "centralization of {workspace}"
            );
        }
    }
}

#[test]
fn the_regio_deals_mostly_lack_non_government_parties() {
    let network = load(&Source::Bundled).unwrap();
    let rows = compare(&network, &Profile::default(), Moment::any()).unwrap();
    assert_eq!(rows.len(), 67);
    // Counted from members.csv and the sectors of actors.csv (any role; hybrid counts for no
    // sector): 55 of the 67 deals have no business member, 54 no knowledge member, 63 no
    // civil-society member, none a citizens' one.
    let lacking =
        |sector: Sector| rows.iter().filter(|r| r.missing_sectors.contains(&sector)).count();
    assert_eq!(lacking(Sector::Government), 0);
    assert_eq!(lacking(Sector::Business), 55);
    assert_eq!(lacking(Sector::Knowledge), 54);
    assert_eq!(lacking(Sector::CivilSociety), 63);
    assert_eq!(lacking(Sector::Citizens), 67);
    for row in &rows {
        assert!(row.peers.len() == 3);
        assert!(row.peers.iter().all(|p| (0.0..=1.0).contains(&p.similarity)));
        assert!(row.peers.iter().all(|p| p.coalition != row.coalition));
    }
}

#[test]
fn compare_csv_has_the_schema_header_and_json_the_same_keys() {
    let output = stakenet().args(["compare", "--format", "csv"]).assert().success();
    let text = stdout_text(&output);
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id,name,members,government_share,sectors_present,ministries,national_contribution,cofinancing_ratio,ties,density,centralization,missing_sectors,peers"
    );
    assert_eq!(lines.count(), 67);

    let output = stakenet()
        .args(["compare", "fixtures/suspects-peers", "--format", "json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&output.get_output().stdout).unwrap();
    let north = &json["coalitions"][2];
    let keys: Vec<&str> = north.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "id",
            "name",
            "members",
            "government_share",
            "sectors_present",
            "ministries",
            "national_contribution",
            "cofinancing_ratio",
            "ties",
            "density",
            "centralization",
            "missing_sectors",
            "peers"
        ]
    );
    assert_eq!(north["peers"][0]["id"], "north_twin");
    assert_eq!(north["peers"][0]["similarity"], 1.0);
    assert_eq!(
        north["missing_sectors"],
        serde_json::json!(["knowledge", "civil_society", "citizens"])
    );

    let output = stakenet()
        .args(["compare", "fixtures/suspects-peers", "--format", "csv"])
        .assert()
        .success();
    let text = stdout_text(&output);
    assert!(
        text.contains(
            ",knowledge; civil_society; citizens,north_twin (1.00); city (0.60); farm (0.17)\n"
        ),
        "{text}"
    );
}

#[test]
fn compare_is_the_same_at_any_thread_count() {
    let one = stakenet().args(["compare", "--format", "csv", "--threads", "1"]).assert().success();
    let two = stakenet().args(["compare", "--format", "csv", "--threads", "2"]).assert().success();
    assert_eq!(one.get_output().stdout, two.get_output().stdout);
}
