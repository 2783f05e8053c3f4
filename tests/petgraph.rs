//! petgraph interop: petgraph's algorithms on `&View` agree with stakenet's measures, the trait
//! views agree with the CSR, conversions round-trip through `View::from_arcs`, and `from_arcs`
//! refuses bad input with clear errors.

use ::petgraph::Direction::{Incoming, Outgoing};
use ::petgraph::algo::{connected_components, dijkstra, kosaraju_scc};
use ::petgraph::visit::{
    Bfs, EdgeCount, EdgeRef, GraphProp, IntoEdgeReferences, IntoEdges, IntoEdgesDirected,
    IntoNeighborsDirected, IntoNodeReferences, NodeCount,
};
use proptest::prelude::*;
use stakenet::analysis::{
    CentralityConfig, PathLength, centrality, closeness, harmonic, n_weak_components,
    reciprocity_and_hierarchy, strong_components, weak_components,
};
use stakenet::{ActorId, Network, Source, View, ViewError, ViewSpec, load};

use crate::common::assert_close;

/// A random small workspace: ties in a directed layer (`funding`) and an undirected one
/// (`collaboration`), or (half the time) in the undirected layer only, so that views are
/// directed or undirected.
#[derive(Clone, Debug)]
struct Workspace {
    n_actors: usize,
    /// Source, target, directed, weight × 4.
    ties: Vec<(usize, usize, bool, u32)>,
}

fn workspace() -> impl Strategy<Value = Workspace> {
    (1usize..20).prop_flat_map(|n_actors| {
        (
            Just(n_actors),
            proptest::collection::vec(
                (0..n_actors, 0..n_actors, any::<bool>(), 1u32..8),
                0..(3 * n_actors),
            ),
            any::<bool>(),
        )
            .prop_map(|(n_actors, ties, undirected_only)| Workspace {
                n_actors,
                ties: ties
                    .into_iter()
                    .filter(|(a, b, _, _)| a != b)
                    .map(|(a, b, directed, w)| (a, b, directed && !undirected_only, w))
                    .collect(),
            })
    })
}

fn network_of(workspace: &Workspace) -> Network {
    let mut actors = String::from("id\n");
    for i in 0..workspace.n_actors {
        actors.push_str(&format!("a{i:02}\n"));
    }
    let mut relations = String::from("source,target,layer,weight\n");
    for (a, b, directed, w) in &workspace.ties {
        let layer = if *directed { "funding" } else { "collaboration" };
        // Weights such as 0.5, 1.25, 2: paths of different weights tie rarely but sometimes.
        relations.push_str(&format!("a{a:02},a{b:02},{layer},{}\n", f64::from(*w) / 4.0));
    }
    let files = vec![
        ("actors.csv".into(), actors.into_bytes()),
        ("relations.csv".into(), relations.into_bytes()),
    ];
    load(&Source::Memory(files)).unwrap()
}

fn view_of_workspace(workspace: &Workspace) -> View {
    View::build(&network_of(workspace), &ViewSpec::default()).unwrap()
}

/// Random arcs (self-loops and parallel arcs included) on up to 24 nodes.
fn arcs() -> impl Strategy<Value = (usize, Vec<(u32, u32, f64)>, bool)> {
    (0usize..25).prop_flat_map(|n| {
        let bound = n.max(1) as u32;
        (
            Just(n),
            proptest::collection::vec((0..bound, 0..bound, 1u32..40), 0..(3 * n + 1)),
            any::<bool>(),
        )
            .prop_map(|(n, arcs, directed)| {
                let arcs = if n == 0 { Vec::new() } else { arcs };
                let arcs = arcs.into_iter().map(|(a, b, w)| (a, b, f64::from(w) / 8.0)).collect();
                (n, arcs, directed)
            })
    })
}

/// A partition given as classes, as the smallest member of each node's class.
fn smallest_member(n: usize, classes: &[Vec<u32>]) -> Vec<u32> {
    let mut label = vec![u32::MAX; n];
    for class in classes {
        let smallest = class.iter().copied().min().unwrap();
        for &node in class {
            assert_eq!(label[node as usize], u32::MAX, "node {node} in two classes");
            label[node as usize] = smallest;
        }
    }
    assert!(label.iter().all(|&l| l != u32::MAX), "a node in no class");
    label
}

/// The nodes `node` reaches (itself included), by a search over the CSR, not petgraph.
fn reach(view: &View, node: u32) -> Vec<bool> {
    let mut seen = vec![false; view.n_nodes()];
    seen[node as usize] = true;
    let mut stack = vec![node];
    while let Some(v) = stack.pop() {
        for &w in view.out_arcs().neighbors(v) {
            if !seen[w as usize] {
                seen[w as usize] = true;
                stack.push(w);
            }
        }
    }
    seen
}

/// kosaraju_scc gives the classes of mutual reachability (computed here from the CSR), the
/// partition of stakenet's `strong_components`, the weak components on an undirected view, and
/// the strong-component sizes stakenet's Krackhardt hierarchy is computed from; Bfs reaches
/// what the CSR search reaches.
fn check_components(view: &View) {
    let n = view.n_nodes();
    let strong = smallest_member(n, &kosaraju_scc(view));
    let reaches: Vec<Vec<bool>> = (0..n as u32).map(|v| reach(view, v)).collect();
    let mutual: Vec<u32> =
        (0..n).map(|v| (0..n).find(|&u| reaches[u][v] && reaches[v][u]).unwrap() as u32).collect();
    assert_eq!(strong, mutual, "kosaraju_scc against mutual reachability");
    assert_eq!(strong, strong_components(view), "kosaraju_scc against strong_components");
    if !view.is_directed() {
        assert_eq!(strong, weak_components(view), "kosaraju_scc against weak_components");
    }
    assert_eq!(connected_components(view), n_weak_components(view));

    // Bfs.
    let mut reach_sizes = Vec::with_capacity(n);
    for v in 0..n as u32 {
        let mut bfs = Bfs::new(view, v);
        let mut seen = vec![false; n];
        while let Some(w) = bfs.next(view) {
            assert!(!seen[w as usize]);
            seen[w as usize] = true;
        }
        assert_eq!(seen, reaches[v as usize], "Bfs from {v}");
        reach_sizes.push(seen.iter().filter(|&&s| s).count() as u64);
    }

    // Krackhardt hierarchy from petgraph's strong components, against stakenet's.
    let mut sizes = vec![0u64; n];
    for &label in &strong {
        sizes[label as usize] += 1;
    }
    let mutual_pairs: u64 = sizes.iter().map(|&s| s * s.saturating_sub(1) / 2).sum();
    let ordered: u64 = reach_sizes.iter().map(|&r| r - 1).sum();
    let dyads = ordered - mutual_pairs;
    let expected = (dyads > 0).then(|| 1.0 - mutual_pairs as f64 / dyads as f64);
    let (_, hierarchy) = reciprocity_and_hierarchy(view);
    match (hierarchy, expected) {
        (Some(h), Some(e)) => assert_close(h, e, 1e-12, "hierarchy"),
        (h, e) => assert_eq!(h, e, "hierarchy"),
    }
}

/// dijkstra from every node gives stakenet's harmonic and closeness centrality (inward
/// distances), counted in hops and with length 1 / weight.
fn check_distances(view: &View) {
    let n = view.n_nodes();
    for path_length in [PathLength::Hops, PathLength::InverseWeight] {
        let mut inverse = vec![0.0f64; n];
        let mut total = vec![0.0f64; n];
        let mut reached_by = vec![1usize; n];
        for u in 0..n as u32 {
            let lengths = dijkstra(view, u, None, |arc| match path_length {
                PathLength::InverseWeight => 1.0 / *arc.weight(),
                _ => 1.0,
            });
            for (&v, &d) in &lengths {
                if v != u {
                    inverse[v as usize] += 1.0 / d;
                    total[v as usize] += d;
                    reached_by[v as usize] += 1;
                }
            }
        }
        let what = format!("{path_length:?}");
        for (v, (&h, &expected)) in harmonic(view, path_length).iter().zip(&inverse).enumerate() {
            assert_close(h, expected, 1e-9, &format!("harmonic {what} of {v}"));
        }
        for (v, &c) in closeness(view, path_length).iter().enumerate() {
            let r = reached_by[v] as f64;
            let expected = if total[v] > 0.0 && n > 1 {
                (r - 1.0) / total[v] * (r - 1.0) / (n as f64 - 1.0)
            } else {
                0.0
            };
            assert_close(c, expected, 1e-9, &format!("closeness {what} of {v}"));
        }
    }
}

/// The trait views agree with the CSR.
fn check_traits(view: &View) {
    // petgraph sees every view as directed; an undirected one as its symmetric digraph.
    assert!(<View as GraphProp>::is_directed(view));
    assert_eq!(NodeCount::node_count(&view), view.n_nodes());
    assert_eq!(EdgeCount::edge_count(&view), view.n_arcs());
    let arcs: Vec<_> = view.edge_references().collect();
    assert_eq!(arcs.len(), view.n_arcs());
    let (_, neighbors, weights) = view.out_arcs().parts();
    for (k, arc) in arcs.iter().enumerate() {
        assert_eq!(arc.id() as usize, k);
        assert_eq!(arc.target(), neighbors[k]);
        assert_eq!(arc.weight().to_bits(), weights[k].to_bits());
    }
    for (node, &actor) in view.node_references() {
        assert_eq!(view.actor(node), actor);
    }
    for v in 0..view.n_nodes() as u32 {
        let out: Vec<_> = view.edges(v).collect();
        assert!(out.iter().all(|arc| arc.source() == v));
        assert_eq!(out, view.edges_directed(v, Outgoing).collect::<Vec<_>>());
        assert!(out.iter().map(|a| a.target()).eq(view.out_arcs().neighbors(v).iter().copied()));
        let incoming: Vec<_> = view.edges_directed(v, Incoming).collect();
        assert!(incoming.iter().map(|a| a.source()).eq(view.neighbors_directed(v, Incoming)));
        assert!(
            view.neighbors_directed(v, Incoming).eq(view.in_arcs().neighbors(v).iter().copied())
        );
        for arc in incoming {
            assert_eq!(arc.target(), v);
            assert_eq!(arcs[arc.id() as usize], arc, "incoming arc and its id");
        }
    }
}

/// Centrality values without the actor (views from arcs stand for actors 0, 1, …).
fn scores(view: &View) -> Vec<String> {
    let mut all = Vec::new();
    for weighted in [false, true] {
        let config = CentralityConfig::default().with_weighted(weighted);
        all.extend(centrality(view, &config).unwrap().into_iter().map(|mut s| {
            s.actor = ActorId::from_index(0);
            format!("{s:?}")
        }));
    }
    all
}

/// to_petgraph_directed and, on an undirected view, to_petgraph_undirected, back through
/// from_arcs: the same rows and the same centrality.
fn check_round_trip(view: &View) {
    let n = view.n_nodes();
    let directed = view.to_petgraph_directed();
    assert_eq!((directed.node_count(), directed.edge_count()), (n, view.n_arcs()));
    for (i, &actor) in view.actors().iter().enumerate() {
        assert_eq!(directed[::petgraph::graph::NodeIndex::new(i)], actor);
    }
    let rebuild = |graph_arcs: Vec<(u32, u32, f64)>, directed: bool| {
        View::from_arcs(n, graph_arcs, directed).unwrap()
    };
    let from_directed = rebuild(
        directed
            .edge_references()
            .map(|e| (e.source().index() as u32, e.target().index() as u32, *e.weight()))
            .collect(),
        true,
    );
    assert_eq!(from_directed.out_arcs(), view.out_arcs());
    assert_eq!(from_directed.in_arcs(), view.in_arcs());
    if view.is_directed() {
        assert!(view.to_petgraph_undirected().is_none());
        assert_eq!(scores(&from_directed), scores(view));
    } else {
        // The symmetric digraph has the undirected distances.
        for path_length in [PathLength::Hops, PathLength::InverseWeight] {
            assert_eq!(harmonic(&from_directed, path_length), harmonic(view, path_length));
            assert_eq!(closeness(&from_directed, path_length), closeness(view, path_length));
        }
        let undirected = view.to_petgraph_undirected().unwrap();
        assert_eq!(undirected.edge_count(), view.n_ties());
        let from_undirected = rebuild(
            undirected
                .edge_references()
                .map(|e| (e.source().index() as u32, e.target().index() as u32, *e.weight()))
                .collect(),
            false,
        );
        assert!(!from_undirected.is_directed());
        assert_eq!(from_undirected.out_arcs(), view.out_arcs());
        assert_eq!(scores(&from_undirected), scores(view));
    }
}

fn check_all(view: &View) {
    check_traits(view);
    check_components(view);
    check_distances(view);
    check_round_trip(view);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn petgraph_on_views_of_networks_agrees_with_stakenet(workspace in workspace()) {
        check_all(&view_of_workspace(&workspace));
    }

    #[test]
    fn petgraph_on_views_from_arcs_agrees_with_stakenet((n, arcs, directed) in arcs()) {
        let view = View::from_arcs(n, arcs.iter().copied(), directed).unwrap();
        prop_assert_eq!(view.n_nodes(), n);
        prop_assert_eq!(view.is_directed(), directed);
        check_all(&view);
    }

    /// from_arcs builds the rows `View::build` builds from the same ties in a workspace.
    #[test]
    fn from_arcs_merges_as_build_does(workspace in workspace()) {
        let view = view_of_workspace(&workspace);
        // On a directed view an undirected tie is given as two arcs, as `View::build` makes it.
        let arcs: Vec<(u32, u32, f64)> = if view.is_directed() {
            workspace
                .ties
                .iter()
                .flat_map(|&(a, b, directed, w)| {
                    let (a, b, w) = (a as u32, b as u32, f64::from(w) / 4.0);
                    let back = (!directed).then_some((b, a, w));
                    std::iter::once((a, b, w)).chain(back)
                })
                .collect()
        } else {
            workspace.ties.iter().map(|&(a, b, _, w)| (a as u32, b as u32, f64::from(w) / 4.0)).collect()
        };
        let from_arcs = View::from_arcs(workspace.n_actors, arcs, view.is_directed()).unwrap();
        prop_assert_eq!(from_arcs.out_arcs(), view.out_arcs());
        prop_assert_eq!(from_arcs.in_arcs(), view.in_arcs());
    }
}

#[test]
fn from_arcs_refuses_bad_input() {
    let error = View::from_arcs(3, [(0, 1, 1.0), (2, 3, 1.0)], true).unwrap_err();
    assert_eq!(error, ViewError::NodeOutOfRange { arc: 1, from: 2, to: 3, n_nodes: 3 });
    assert_eq!(error.to_string(), "arc 1 (2 → 3) ends outside nodes 0..3");
    for (weight, text) in
        [(f64::NAN, "NaN"), (f64::INFINITY, "inf"), (0.0, "0.0"), (-0.0, "-0.0"), (-2.5, "-2.5")]
    {
        let error = View::from_arcs(2, [(0, 1, 1.0), (1, 1, weight)], false).unwrap_err();
        assert_eq!(error, ViewError::BadWeight { arc: 1, weight: text.into() });
        assert_eq!(
            error.to_string(),
            format!("arc 1 has weight {text}; a weight is a finite number > 0")
        );
    }
    #[cfg(target_pointer_width = "64")]
    {
        let n_nodes = u32::MAX as usize + 1;
        let error = View::from_arcs(n_nodes, [], true).unwrap_err();
        assert_eq!(error, ViewError::TooManyNodes { n_nodes });
        assert_eq!(error.to_string(), "a view holds at most 4294967295 nodes, not 4294967296");
    }
}

#[test]
fn from_arcs_drops_self_loops_and_sums_parallel_arcs_in_order() {
    let view =
        View::from_arcs(3, [(0, 1, 0.1), (1, 1, 5.0), (0, 1, 0.2), (1, 0, 0.3)], false).unwrap();
    assert_eq!(view.n_ties(), 1);
    assert_eq!(view.out_arcs().neighbors(0), &[1]);
    assert_eq!(view.out_arcs().weights(0), &[0.1 + 0.2 + 0.3]);
    assert_eq!(view.out_arcs().weights(1), &[0.1 + 0.2 + 0.3]);
    assert_eq!(view.actors(), &[0, 1, 2].map(ActorId::from_index));
    assert!(view.layers().is_empty());
    let directed = View::from_arcs(3, [(0, 1, 0.1), (2, 1, 1.0), (0, 1, 0.2)], true).unwrap();
    assert_eq!(directed.n_ties(), 2);
    assert_eq!(directed.out_arcs().weights(0), &[0.1 + 0.2]);
    assert_eq!(directed.in_arcs().neighbors(1), &[0, 2]);
}

/// kosaraju_scc and Bfs are iterative: a path of 200 000 nodes, a cycle through it.
#[test]
fn a_long_path_does_not_overflow_the_stack() {
    let n = 200_000u32;
    let view = View::from_arcs(n as usize, (0..n).map(|i| (i, (i + 1) % n, 1.0)), true).unwrap();
    assert_eq!(kosaraju_scc(&view).len(), 1);
    let mut bfs = Bfs::new(&view, 0);
    let mut count = 0;
    while bfs.next(&view).is_some() {
        count += 1;
    }
    assert_eq!(count, n);
}

/// Load, view, then petgraph on the view: the bundled workspace.
#[test]
fn petgraph_on_the_bundled_workspace_agrees_with_stakenet() {
    let network = load(&Source::Bundled).unwrap();
    let view = View::build(&network, &ViewSpec::default()).unwrap();
    let start = view.node(network.actor_ids_by_key()[0]).unwrap();
    let lengths = dijkstra(&view, start, None, |arc| 1.0 / *arc.weight());
    assert_eq!(lengths[&start], 0.0);
    check_traits(&view);
    check_components(&view);
    check_distances(&view);
}

#[test]
fn network_to_petgraph_keeps_every_relation() {
    let network = load(&Source::Bundled).unwrap();
    let graph = network.to_petgraph();
    assert_eq!(graph.node_count(), network.actors().len());
    assert_eq!(graph.edge_count(), network.relations().len());
    for (k, edge) in graph.edge_references().enumerate() {
        let relation = &network.relations()[k];
        assert_eq!(edge.weight().relation, k);
        assert_eq!(edge.weight().layer, relation.layer);
        assert_eq!(edge.weight().directed, relation.directed);
        assert_eq!(edge.weight().weight.to_bits(), relation.weight.to_bits());
        assert_eq!(graph[edge.source()], relation.source);
        assert_eq!(graph[edge.target()], relation.target);
    }
}
