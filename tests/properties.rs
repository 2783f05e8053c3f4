//! Property tests: scores do not depend on the order of actors in the files, on the number of
//! threads, or on whether a level is folded by stakenet or by hand.

use proptest::prelude::*;
use stakenet::analysis::{
    ActorCentrality, BrokerageConfig, CentralityConfig, GroupBy, brokerage, centrality, group_nodes,
};
use stakenet::{LayerChoice, Level, Network, Source, View, ViewSpec, load};

use crate::common::is_close;

/// A random small workspace: actors with a sector and a parent among the first few ("regions"),
/// relations in an undirected and a directed layer.
#[derive(Clone, Debug)]
struct Spec {
    n_actors: usize,
    n_regions: usize,
    parents: Vec<Option<usize>>,
    sectors: Vec<usize>,
    ties: Vec<(usize, usize, bool, u32)>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (4usize..22).prop_flat_map(|n_actors| {
        let n_regions = 1 + n_actors / 5;
        (
            Just(n_actors),
            Just(n_regions),
            proptest::collection::vec(proptest::option::weighted(0.6, 0..n_regions), n_actors),
            proptest::collection::vec(0usize..3, n_actors),
            proptest::collection::vec(
                (0..n_actors, 0..n_actors, any::<bool>(), 1u32..5),
                0..(3 * n_actors),
            ),
        )
            .prop_map(|(n_actors, n_regions, parents, sectors, ties)| Spec {
                n_actors,
                n_regions,
                parents: parents
                    .iter()
                    .enumerate()
                    .map(|(i, p)| p.filter(|&p| i >= n_regions && p != i))
                    .collect(),
                sectors,
                ties: ties.into_iter().filter(|(a, b, _, _)| a != b).collect(),
            })
    })
}

const SECTORS: [&str; 3] = ["government", "business", "knowledge"];

/// The workspace files, with actors written in the order `order`.
fn files(spec: &Spec, order: &[usize]) -> Vec<(String, Vec<u8>)> {
    let mut actors = String::from("id,sector,level,parent\n");
    for &i in order {
        let level = if i < spec.n_regions { "regional" } else { "municipal" };
        let parent = spec.parents[i].map(|p| format!("a{p}")).unwrap_or_default();
        actors.push_str(&format!("a{i},{},{level},{parent}\n", SECTORS[spec.sectors[i]]));
    }
    let mut relations = String::from("source,target,layer,weight\n");
    for (a, b, directed, w) in &spec.ties {
        let layer = if *directed { "funding" } else { "collaboration" };
        relations.push_str(&format!("a{a},a{b},{layer},{w}\n"));
    }
    vec![
        ("actors.csv".into(), actors.into_bytes()),
        ("relations.csv".into(), relations.into_bytes()),
    ]
}

fn network(files: Vec<(String, Vec<u8>)>) -> Network {
    load(&Source::Memory(files)).unwrap()
}

/// Centrality keyed by actor id, sorted.
fn scores(network: &Network, spec: &ViewSpec, weighted: bool) -> Vec<(String, ActorCentrality)> {
    let view = View::build(network, spec).unwrap();
    let config = CentralityConfig::default().with_weighted(weighted);
    let mut scores: Vec<(String, ActorCentrality)> = centrality(&view, &config)
        .unwrap()
        .into_iter()
        .map(|s| (network.actor(s.actor).key.clone(), s))
        .collect();
    scores.sort_by(|a, b| a.0.cmp(&b.0));
    scores
}

/// Both undefined, or both defined and close.
fn close(a: Option<f64>, b: Option<f64>, tolerance: f64) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => is_close(b, a, tolerance),
        (None, None) => true,
        _ => false,
    }
}

fn assert_same(left: &[(String, ActorCentrality)], right: &[(String, ActorCentrality)]) {
    assert_eq!(left.len(), right.len());
    for ((ka, a), (kb, b)) in left.iter().zip(right) {
        assert_eq!(ka, kb);
        assert_eq!(
            (a.degree, a.in_degree, a.out_degree),
            (b.degree, b.in_degree, b.out_degree),
            "{ka}"
        );
        assert!(close(Some(a.strength), Some(b.strength), 1e-12), "{ka} strength");
        assert!(
            close(a.betweenness, b.betweenness, 1e-9),
            "{ka} betweenness {:?} {:?}",
            a.betweenness,
            b.betweenness
        );
        assert!(close(a.closeness, b.closeness, 1e-9), "{ka} closeness");
        assert!(close(a.harmonic, b.harmonic, 1e-9), "{ka} harmonic");
        assert!(
            close(a.eigenvector, b.eigenvector, 1e-6),
            "{ka} eigenvector {:?} {:?}",
            a.eigenvector,
            b.eigenvector
        );
        assert!(close(a.pagerank, b.pagerank, 1e-6), "{ka} pagerank");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn permuting_actor_order_changes_no_score(spec in spec(), seed in any::<u64>()) {
        let identity: Vec<usize> = (0..spec.n_actors).collect();
        let mut shuffled = identity.clone();
        let mut rng = stakenet::random::SplitMix64::new(seed);
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, rng.below(i as u64 + 1) as usize);
        }
        let a = network(files(&spec, &identity));
        let b = network(files(&spec, &shuffled));
        for weighted in [false, true] {
            assert_same(&scores(&a, &ViewSpec::default(), weighted), &scores(&b, &ViewSpec::default(), weighted));
        }
        let roles = |n: &Network| {
            let view = View::build(n, &ViewSpec::default()).unwrap();
            let grouping = group_nodes(n, &view, &GroupBy::Sector).unwrap();
            let result = brokerage(&view, &grouping, &BrokerageConfig::default().with_weighted(false).with_expected(false)).unwrap();
            let mut rows: Vec<(String, u64, u64)> = result
                .nodes
                .iter()
                .map(|s| (n.actor(s.actor).key.clone(), s.raw.total, s.raw.liaison))
                .collect();
            rows.sort();
            rows
        };
        prop_assert_eq!(roles(&a), roles(&b));
    }

    #[test]
    fn folding_a_level_equals_the_graph_folded_by_hand(spec in spec()) {
        let order: Vec<usize> = (0..spec.n_actors).collect();
        let folded_by_stakenet = network(files(&spec, &order));
        let view_spec = ViewSpec::default().with_level(Level::Regional);

        // By hand: every municipality with a parent becomes that region; ties inside one node
        // disappear; parallel ties add up in the view.
        let image = |i: usize| spec.parents[i].unwrap_or(i);
        let kept: Vec<usize> = order.iter().copied().filter(|&i| image(i) == i).collect();
        let mut by_hand = spec.clone();
        by_hand.ties = spec
            .ties
            .iter()
            .map(|&(a, b, d, w)| (image(a), image(b), d, w))
            .filter(|(a, b, _, _)| a != b)
            .collect();
        by_hand.parents = vec![None; spec.n_actors];
        let folded_by_hand = network(files(&by_hand, &kept));

        // A layer whose ties all fold away no longer exists by hand, and a directed layer makes
        // the whole view directed: compare on the layers both still have.
        let layers = |network: &Network| {
            folded_by_hand
                .layers()
                .iter()
                .map(|l| LayerChoice::Explicit(network.layer_id(&l.name).unwrap()))
                .collect::<Vec<_>>()
        };
        let stakenet_spec = view_spec.with_layers(layers(&folded_by_stakenet));
        let hand_spec = ViewSpec::default().with_layers(layers(&folded_by_hand));
        for weighted in [false, true] {
            assert_same(
                &scores(&folded_by_stakenet, &stakenet_spec, weighted),
                &scores(&folded_by_hand, &hand_spec, weighted),
            );
        }
    }
}

#[test]
fn serial_and_parallel_runs_give_identical_bits() {
    let config =
        stakenet::generate::GenerateConfig::default().with_n_actors(600).with_ties_per_actor(3);
    let network = stakenet::generate::generate(&config);
    let view = View::build(&network, &ViewSpec::default()).unwrap();
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        pool.install(|| {
            let weighted =
                centrality(&view, &CentralityConfig::default().with_weighted(true)).unwrap();
            let hops = centrality(&view, &CentralityConfig::default()).unwrap();
            (weighted, hops)
        })
    };
    let serial = run(1);
    for threads in [2, 3, 8] {
        assert!(run(threads) == serial, "{threads} threads differ from one");
    }
}
