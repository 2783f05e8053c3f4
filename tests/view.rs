//! Views: scope, layers, level folding and dates turned into CSR graphs, checked on `tiny` by
//! listing the expected ties by hand.

use stakenet::{LayerChoice, Level, Network, Source, View, ViewSpec, load};

use crate::common::tiny;

/// The view's arcs as sorted `(from id, to id, weight)`.
fn arcs(network: &Network, view: &View) -> Vec<(String, String, f64)> {
    let mut arcs = Vec::new();
    for node in 0..view.n_nodes() as u32 {
        let out = view.out_arcs();
        for (&to, &weight) in out.neighbors(node).iter().zip(out.weights(node)) {
            arcs.push((
                network.actor(view.actor(node)).key.clone(),
                network.actor(view.actor(to)).key.clone(),
                weight,
            ));
        }
    }
    arcs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    arcs
}

fn layers(network: &Network, names: &[&str]) -> Vec<LayerChoice> {
    names
        .iter()
        .map(|name| match *name {
            "comembership" => LayerChoice::Comembership,
            name => LayerChoice::Explicit(network.layer_id(name).unwrap()),
        })
        .collect()
}

fn arc(from: &str, to: &str, weight: f64) -> (String, String, f64) {
    (from.to_owned(), to.to_owned(), weight)
}

#[test]
fn an_undirected_layer_gives_both_arcs_of_each_tie() {
    let network = tiny();
    let spec = ViewSpec::default().with_layers(layers(&network, &["collaboration"]));
    let view = View::build(&network, &spec).unwrap();
    assert!(!view.is_directed());
    assert_eq!(view.n_nodes(), 11);
    assert_eq!(view.n_ties(), 5);
    assert_eq!(view.in_arcs(), view.out_arcs());
    let got = arcs(&network, &view);
    assert!(got.contains(&arc("dep_a1", "uni", 3.0)) && got.contains(&arc("uni", "dep_a1", 3.0)));
    assert!(got.contains(&arc("board", "bedrijf", 1.5)));
}

#[test]
fn a_directed_layer_makes_undirected_ties_two_arcs_and_merges_parallel_ones() {
    let network = tiny();
    let spec = ViewSpec::default().with_layers(layers(&network, &["information", "collaboration"]));
    let view = View::build(&network, &spec).unwrap();
    assert!(view.is_directed());
    let got = arcs(&network, &view);
    // board → prov (information, 1) and prov → board (0.5) stay separate directions.
    assert!(got.contains(&arc("board", "prov", 1.0)));
    assert!(got.contains(&arc("prov", "board", 0.5)));
    assert!(got.contains(&arc("gem_1", "gem_2", 1.0)) && got.contains(&arc("gem_2", "gem_1", 1.0)));
    assert_eq!(got.len(), 2 + 2 * 5);
    // In-arcs are the transpose.
    let prov = view.node(network.actor_id("prov").unwrap()).unwrap();
    let board = view.node(network.actor_id("board").unwrap()).unwrap();
    assert_eq!(view.in_arcs().neighbors(prov), [board]);
    assert_eq!(view.in_arcs().weights(prov), [1.0]);
}

#[test]
fn folding_to_a_level_merges_actors_into_their_topmost_ancestor_at_that_level() {
    let network = tiny();
    let spec = ViewSpec::default()
        .with_layers(layers(&network, &["funding", "collaboration"]))
        .with_level(Level::Provincial);
    let view = View::build(&network, &spec).unwrap();
    // gem_1, gem_2 and panel (under gem_1) fold into prov: 11 − 3 nodes.
    assert_eq!(view.n_nodes(), 8);
    assert!(view.node(network.actor_id("gem_1").unwrap()).is_none());
    let got = arcs(&network, &view);
    // min_a → prov (2) and min_b → gem_1 (1) become min_a → prov and min_b → prov; prov → gem_1
    // and gem_1 – gem_2 – panel fold onto prov and vanish.
    assert!(got.contains(&arc("min_a", "prov", 2.0)));
    assert!(got.contains(&arc("min_b", "prov", 1.0)));
    assert!(!got.iter().any(|(from, to, _)| from == to));
    assert_eq!(got.len(), 2 + 2 * 3);

    let national = spec.with_level(Level::National);
    let view = View::build(&network, &national).unwrap();
    // The Rijk, its ministries and the department become one node, `rijk`.
    assert_eq!(view.n_nodes(), 8);
    let got = arcs(&network, &view);
    assert!(got.contains(&arc("rijk", "prov", 2.0)));
    assert!(got.contains(&arc("rijk", "gem_1", 1.0)));
    assert!(got.contains(&arc("rijk", "uni", 3.0)));
}

#[test]
fn a_date_keeps_only_the_ties_and_members_that_hold_then() {
    let network = tiny();
    let at = |date: &str| {
        ViewSpec::default()
            .with_layers(layers(&network, &["funding", "collaboration", "reporting"]))
            .with_at(date.parse::<stakenet::model::Date>().unwrap())
    };
    let early = arcs(&network, &View::build(&network, &at("2019-03-01")).unwrap());
    assert!(early.contains(&arc("min_a", "prov", 2.0)));
    assert!(!early.iter().any(|(from, _, _)| from == "min_b"), "min_b's tie starts in June 2019");
    assert!(!early.contains(&arc("gem_1", "panel", 2.0)), "the panel joins in 2020");
    let late = arcs(&network, &View::build(&network, &at("2023-01-01")).unwrap());
    assert!(!late.contains(&arc("min_a", "prov", 2.0)), "ended 2022-12-31");
    assert!(!late.iter().any(|(_, to, _)| to == "min_b"), "reporting ended 2021-12-31");
    assert!(late.contains(&arc("gem_1", "panel", 2.0)));
}

#[test]
fn a_coalition_scope_keeps_its_members_and_comembership_counts_shared_coalitions() {
    let network = tiny();
    let deal_y = network.coalition_id("deal_y").unwrap();
    let spec = ViewSpec::coalition(deal_y).with_layers(layers(&network, &["comembership"]));
    let view = View::build(&network, &spec).unwrap();
    let keys: Vec<&str> = view.actors().iter().map(|&a| network.actor(a).key.as_str()).collect();
    assert_eq!(keys, ["gem_1", "gem_2", "min_b"], "nodes are numbered in id order");
    let got = arcs(&network, &view);
    // min_b and gem_1 share deal_x and deal_y; gem_2 shares only deal_y.
    assert!(got.contains(&arc("min_b", "gem_1", 2.0)));
    assert!(got.contains(&arc("gem_2", "min_b", 1.0)));
    assert_eq!(got.len(), 6);

    // On 2022-01-01 gem_2's membership has ended: it leaves the scope.
    let later = spec.with_at("2022-01-01".parse::<stakenet::model::Date>().unwrap());
    assert_eq!(View::build(&network, &later).unwrap().n_nodes(), 2);
}

#[test]
fn the_default_view_uses_the_relations_and_comembership_only_without_them() {
    let network = tiny();
    let spec = ViewSpec::default();
    let view = View::build(&network, &spec).unwrap();
    assert_eq!(view.layers().len(), network.layers().len());
    assert!(!view.layers().contains(&LayerChoice::Comembership));
    assert!(!spec.membership_by_default(&network));
    assert!(view.is_directed());
    // A workspace of memberships only: shared membership, said so. Its 9 actors share a
    // coalition in 12 pairs (counted from fixtures/suspects-peers/members.csv).
    let peers = load(&Source::Folder("fixtures/suspects-peers".into())).unwrap();
    assert!(spec.membership_by_default(&peers));
    let view = View::build(&peers, &spec).unwrap();
    assert_eq!(view.layers(), [LayerChoice::Comembership]);
    assert!(!view.is_directed());
    assert_eq!(view.n_nodes(), 9);
    assert_eq!(view.n_ties(), 12);
    // The bundled Regio Deals have relations (tranches I–V): the default view draws on them.
    let bundled = load(&Source::Bundled).unwrap();
    assert!(!spec.membership_by_default(&bundled));
}

/// A ministry, a province and a municipality in two deals: `funding` rows (source, target,
/// layer, amount, coalition) plus the province–municipality collaboration; all three sign deal
/// A, the ministry and the municipality deal B, with `more_members` of deal B.
fn two_deals(funding: &str, more_members: &str) -> (tempfile::TempDir, Network) {
    let relations =
        format!("source,target,layer,amount,coalition\n{funding}prov,gem,collaboration,,\n");
    let members = format!(
        "coalition,actor,role\ndeal_a,min,signatory\ndeal_a,prov,signatory\n\
         deal_a,gem,signatory\ndeal_b,min,signatory\n{more_members}deal_b,gem,signatory\n"
    );
    let dir = crate::common::workspace_with(&[
        (
            "actors.csv",
            "id,name,sector,level\nmin,Ministerie,government,national\n\
             prov,Provincie,government,provincial\ngem,Gemeente,government,municipal\n",
        ),
        ("relations.csv", &relations),
        ("coalitions.csv", "id,name\ndeal_a,Deal A\ndeal_b,Deal B\n"),
        ("members.csv", &members),
    ]);
    let network = load(&Source::Folder(dir.path().to_owned())).unwrap();
    (dir, network)
}

/// A relation that names its coalition counts in that coalition's view and in the whole
/// network's, not in the view of another coalition whose scope holds both ends; one without a
/// coalition counts in every coalition with both ends.
#[test]
fn a_tie_part_of_one_coalition_is_left_out_of_another_coalitions_view() {
    let (_dir, network) = two_deals(
        "min,prov,funding,15000000,deal_a\nmin,prov,funding,7500000,deal_b\n",
        "deal_b,prov,signatory\n",
    );
    let funding = layers(&network, &["funding", "collaboration"]);
    let view_of = |coalition: Option<&str>| {
        let spec = match coalition {
            Some(key) => ViewSpec::coalition(network.coalition_id(key).unwrap()),
            None => ViewSpec::default(),
        };
        let view = View::build(&network, &spec.with_layers(funding.clone())).unwrap();
        arcs(&network, &view)
    };
    let collaboration = [arc("gem", "prov", 1.0), arc("prov", "gem", 1.0)];
    let with = |euros: f64| {
        let mut expected = vec![arc("min", "prov", euros)];
        expected.extend(collaboration.iter().cloned());
        expected.sort_by(|a, b| a.partial_cmp(b).unwrap());
        expected
    };
    assert_eq!(view_of(Some("deal_a")), with(1.0), "deal A: its own tie only");
    assert_eq!(view_of(Some("deal_b")), with(1.0), "deal B: its own tie only");
    // The whole network: both ties, merged into one arc of weight 2 (strength, not euros).
    assert_eq!(view_of(None), with(2.0));
    // Each layer apart (`layers`' measures) keeps to the same rule as the views: deal B's own
    // tie between the ministry and the municipality is no tie of deal A's layers.
    let (_dir, network) =
        two_deals("min,prov,funding,15000000,deal_a\nmin,gem,funding,7500000,deal_b\n", "");
    for coalition in [Some("deal_a"), Some("deal_b"), None] {
        let spec = match coalition {
            Some(key) => ViewSpec::coalition(network.coalition_id(key).unwrap()),
            None => ViewSpec::default(),
        }
        .with_layers(funding.clone());
        let views = stakenet::analysis::layer_views(&network, &spec).unwrap();
        assert_eq!(
            stakenet::analysis::multiplex_of(&network, &spec).unwrap(),
            stakenet::analysis::multiplex(&views).unwrap(),
            "{coalition:?}"
        );
    }
    let deal_a = ViewSpec::coalition(network.coalition_id("deal_a").unwrap()).with_layers(funding);
    let layers = stakenet::analysis::multiplex_of(&network, &deal_a).unwrap();
    let min = layers.actors.iter().find(|a| network.actor(a.actor).key == "min").unwrap();
    assert_eq!(min.neighbours, 1, "deal A: the ministry is tied to the province only; {min:?}");
}
