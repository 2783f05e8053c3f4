//! Unit tests of every centrality measure, against brute force, dense iterations and NetworkX.

use super::betweenness::{estimate_from, stratified_pivots};
use super::*;
use crate::analysis::components::tests::view_of;
use crate::analysis::kernels::{PathLength, Stopping};
use crate::random::SplitMix64;

type Edges = Vec<(u32, u32, f64)>;

/// Asserts `|a − b| ≤ tolerance · max(1, |b|)`.
#[track_caller]
fn assert_close(actual: f64, expected: f64, tolerance: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= tolerance * expected.abs().max(1.0),
        "{what}: got {actual}, expected {expected}"
    );
}

/// A seeded random simple graph on `n` nodes with tie probability `p`; weights are powers
/// of two, so `1 / w` and every path length are exact and ties are exact ties.
fn random_edges(seed: u64, n: u32, p: f64, directed: bool) -> Edges {
    let mut rng = SplitMix64::new(seed);
    let weights = [1.0, 2.0, 0.5, 4.0, 0.25];
    let mut edges = Vec::new();
    for u in 0..n {
        for v in 0..n {
            if u == v || (!directed && v < u) {
                continue;
            }
            if (rng.next_u64() as f64 / u64::MAX as f64) < p {
                edges.push((u, v, weights[rng.below(weights.len() as u64) as usize]));
            }
        }
    }
    edges
}

/// Arcs (from, to, weight) of the view, both directions of an undirected tie.
fn arcs_of(n: usize, edges: &Edges, directed: bool) -> Vec<Vec<(usize, f64)>> {
    let mut rows = vec![Vec::new(); n];
    for &(u, v, w) in edges {
        rows[u as usize].push((v as usize, w));
        if !directed {
            rows[v as usize].push((u as usize, w));
        }
    }
    rows
}

fn tie_length(w: f64, weighted: bool) -> f64 {
    if weighted { 1.0 / w } else { 1.0 }
}

/// All-pairs distances by Floyd–Warshall; `d[u][v]` is the distance from u to v.
fn floyd_warshall(rows: &[Vec<(usize, f64)>], weighted: bool) -> Vec<Vec<f64>> {
    let n = rows.len();
    let mut d = vec![vec![f64::INFINITY; n]; n];
    for (u, row) in rows.iter().enumerate() {
        d[u][u] = 0.0;
        for &(v, w) in row {
            d[u][v] = d[u][v].min(tie_length(w, weighted));
        }
    }
    for k in 0..n {
        for i in 0..n {
            for j in 0..n {
                if d[i][k] + d[k][j] < d[i][j] {
                    d[i][j] = d[i][k] + d[k][j];
                }
            }
        }
    }
    d
}

/// Normalized betweenness by enumerating every simple path between every ordered pair.
fn enumerated_betweenness(rows: &[Vec<(usize, f64)>], weighted: bool) -> Vec<f64> {
    let n = rows.len();
    let mut b = vec![0.0; n];
    for s in 0..n {
        for t in 0..n {
            if s == t {
                continue;
            }
            let mut paths: Vec<(f64, Vec<usize>)> = Vec::new();
            let mut path = vec![s];
            let mut on_path = vec![false; n];
            on_path[s] = true;
            simple_paths(rows, weighted, t, 0.0, &mut path, &mut on_path, &mut paths);
            let shortest = paths.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
            let geodesics: Vec<&Vec<usize>> =
                paths.iter().filter(|p| p.0 == shortest).map(|p| &p.1).collect();
            for geodesic in &geodesics {
                for &v in &geodesic[1..geodesic.len() - 1] {
                    b[v] += 1.0 / geodesics.len() as f64;
                }
            }
        }
    }
    if n > 2 {
        b.iter_mut().for_each(|x| *x /= ((n - 1) * (n - 2)) as f64);
    }
    b
}

fn simple_paths(
    rows: &[Vec<(usize, f64)>],
    weighted: bool,
    target: usize,
    length: f64,
    path: &mut Vec<usize>,
    on_path: &mut [bool],
    found: &mut Vec<(f64, Vec<usize>)>,
) {
    let Some(&last) = path.last() else { return };
    if last == target {
        found.push((length, path.clone()));
        return;
    }
    for &(next, w) in &rows[last] {
        if !on_path[next] {
            on_path[next] = true;
            path.push(next);
            let step = length + tie_length(w, weighted);
            simple_paths(rows, weighted, target, step, path, on_path, found);
            path.pop();
            on_path[next] = false;
        }
    }
}

/// Dense PageRank: `iterations` steps of the update from 1/n.
fn dense_pagerank(rows: &[Vec<(usize, f64)>], alpha: f64, iterations: usize) -> Vec<f64> {
    let n = rows.len();
    let mut x = vec![1.0 / n as f64; n];
    for _ in 0..iterations {
        let mut next = vec![0.0; n];
        let mut dangling = 0.0;
        for (u, row) in rows.iter().enumerate() {
            let total: f64 = row.iter().map(|&(_, w)| w).sum();
            if row.is_empty() {
                dangling += x[u];
            }
            for &(v, w) in row {
                next[v] += x[u] * w / total;
            }
        }
        for value in &mut next {
            *value = alpha * (*value + dangling / n as f64) + (1.0 - alpha) / n as f64;
        }
        x = next;
    }
    x
}

/// Dense eigenvector: power iteration on (Aᵀ + I) from the uniform vector, L2-normalized.
fn dense_eigenvector(rows: &[Vec<(usize, f64)>], iterations: usize) -> Vec<f64> {
    let n = rows.len();
    let mut x = vec![1.0; n];
    for _ in 0..iterations {
        let mut next = x.clone();
        for (u, row) in rows.iter().enumerate() {
            for &(v, w) in row {
                next[v] += w * x[u];
            }
        }
        let norm = next.iter().map(|y| y * y).sum::<f64>().sqrt();
        x = next.into_iter().map(|y| y / norm).collect();
    }
    x
}

fn only(measures: Measures) -> CentralityConfig {
    CentralityConfig { measures, ..CentralityConfig::default() }
}

#[test]
fn path_measures_match_brute_force_on_random_views() {
    for seed in 0..24u64 {
        let directed = seed % 2 == 1;
        let n = 3 + (seed % 6) as u32;
        let edges = random_edges(seed, n, 0.35, directed);
        let view = view_of(n as usize, &edges, directed);
        let rows = arcs_of(n as usize, &edges, directed);
        for weighted in [false, true] {
            let config = CentralityConfig {
                weighted,
                measures: Measures { eigenvector: false, pagerank: false, ..Measures::ALL },
                ..CentralityConfig::default()
            };
            let result = centrality(&view, &config).expect("no iteration");
            let d = floyd_warshall(&rows, weighted);
            let b = enumerated_betweenness(&rows, weighted);
            for (v, actor) in result.iter().enumerate() {
                let what = format!("seed {seed} weighted {weighted} node {v}");
                let from: Vec<f64> = (0..n as usize).map(|u| d[u][v]).collect();
                let reach = from.iter().filter(|x| x.is_finite()).count() as f64;
                let total: f64 = from.iter().filter(|x| x.is_finite()).sum();
                let closeness = if total > 0.0 {
                    (reach - 1.0) / total * (reach - 1.0) / (n as f64 - 1.0)
                } else {
                    0.0
                };
                let harmonic: f64 =
                    from.iter().filter(|x| x.is_finite() && **x > 0.0).map(|x| 1.0 / x).sum();
                assert_close(actor.betweenness.unwrap_or(f64::NAN), b[v], 1e-12, &what);
                assert_close(actor.closeness.unwrap_or(f64::NAN), closeness, 1e-12, &what);
                assert_close(actor.harmonic.unwrap_or(f64::NAN), harmonic, 1e-12, &what);
            }
        }
    }
}

#[test]
fn weighted_ties_are_exact_arithmetic_ties() {
    // 0–1–2 has length 1/10 + 1/5 and 0–3–2 has 1/4 + 1/20: both 3/10 exactly, but
    // 0.30000000000000004 and 0.3 in floating point. Exact arithmetic (and igraph) splits the
    // pair (0, 2) between 1 and 3; NetworkX's `==` would give it all to 3.
    let view = view_of(4, &[(0, 1, 10.0), (1, 2, 5.0), (0, 3, 4.0), (3, 2, 20.0)], false);
    let config = BetweennessConfig { path_length: PathLength::InverseWeight, sample: None };
    let b = betweenness(&view, &config).expect("exact");
    let expected = [0.0, 1.0 / 6.0, 1.0 / 3.0, 1.0 / 6.0];
    for (got, want) in b.iter().zip(expected) {
        assert_close(*got, want, 1e-15, "tie");
    }
}

#[test]
fn degree_counts_neighbours_and_strength_follows_networkx() {
    // Node 1: arcs 0→1, 1→0, 1→2, 3→1. Two in, two out, three distinct neighbours {0, 2, 3}
    // (NetworkX `G.to_undirected().degree(1)`; `G.degree(1)` would count 0 twice: 4).
    let edges = vec![(0, 1, 2.0), (1, 0, 0.5), (1, 2, 1.0), (3, 1, 4.0)];
    let result = centrality(&view_of(4, &edges, true), &only(Measures::NONE)).expect("ok");
    let node = &result[1];
    assert_eq!((node.in_degree, node.out_degree, node.degree), (2, 2, 3));
    let degrees: Vec<usize> = result.iter().map(|c| c.degree).collect();
    assert_eq!(degrees, [1, 3, 1, 1]);
    assert_close(node.strength, 7.5, 1e-15, "strength");
    assert_eq!(node.betweenness, None);
    let undirected = centrality(&view_of(4, &edges[2..], false), &only(Measures::NONE));
    let node = &undirected.expect("ok")[1];
    assert_eq!((node.in_degree, node.out_degree, node.degree), (2, 2, 2));
    assert_close(node.strength, 5.0, 1e-15, "strength");
}

#[test]
fn pagerank_matches_dense_iteration() {
    for seed in 0..12u64 {
        let directed = seed % 2 == 0;
        let n = 2 + (seed % 9) as u32;
        let edges = random_edges(100 + seed, n, 0.3, directed);
        let view = view_of(n as usize, &edges, directed);
        let rows = arcs_of(n as usize, &edges, directed);
        let expected = dense_pagerank(&rows, 0.85, 400);
        let got = pagerank(&view, &PowerIterationConfig::default()).expect("converges");
        for v in 0..n as usize {
            assert_close(got[v], expected[v], 1e-12, &format!("seed {seed} node {v}"));
        }
        // Graphalytics mode: exactly k iterations from 1/n.
        let fixed = PowerIterationConfig {
            tolerance: None,
            max_iterations: 3,
            ..PowerIterationConfig::default()
        };
        let got = pagerank(&view, &fixed).expect("never fails");
        let expected = dense_pagerank(&rows, 0.85, 3);
        for v in 0..n as usize {
            assert_close(got[v], expected[v], 1e-14, &format!("fixed seed {seed} node {v}"));
        }
    }
}

#[test]
fn pagerank_iterations_are_the_plain_row_by_row_loop_at_any_thread_count() {
    // Large enough for blocks over threads; rows of every length, dangling nodes, and
    // weights that make the order of additions visible.
    let n = 40_000u32;
    let mut rng = SplitMix64::new(3);
    let edges: Edges = (0..160_000)
        .map(|i| {
            let from = rng.below(u64::from(n - 2000)) as u32;
            let to = if i % 5 == 0 { rng.below(50) as u32 } else { rng.below(u64::from(n)) as u32 };
            (from, to, 0.1 + rng.below(1000) as f64 * 1e-3 + rng.below(2) as f64 * 1e9)
        })
        .filter(|e| e.0 != e.1)
        .collect();
    let view = view_of(n as usize, &edges, true);
    let (offsets, sources, weights) = view.in_arcs().parts();
    let out = view.out_arcs();
    let out_strength: Vec<f64> = (0..n).map(|u| out.strength(u)).collect();
    let teleport = vec![1.0 / f64::from(n); n as usize];
    let (alpha, iterations) = (0.85, 6);
    let mut x = teleport.clone();
    for _ in 0..iterations {
        let dangling: f64 = (0..n as usize).filter(|&u| out_strength[u] <= 0.0).map(|u| x[u]).sum();
        x = (0..n as usize)
            .map(|v| {
                let mut sum = 0.0;
                for arc in offsets[v] as usize..offsets[v + 1] as usize {
                    let u = sources[arc] as usize;
                    sum += x[u] * (weights[arc] * (1.0 / out_strength[u]));
                }
                alpha * (sum + dangling * teleport[v]) + (1.0 - alpha) * teleport[v]
            })
            .collect();
    }
    let expected: Vec<u64> = x.iter().map(|v| v.to_bits()).collect();
    for threads in [1, 3] {
        let got = with_threads(threads, || {
            kernels::pagerank(
                view.in_arcs(),
                &out_strength,
                alpha,
                &teleport,
                teleport.clone(),
                Stopping::Iterations(iterations),
            )
        })
        .expect("a fixed number of iterations never fails");
        assert!(got.iter().map(|v| v.to_bits()).eq(expected.iter().copied()), "{threads}");
    }
}

#[test]
fn pagerank_matches_networkx_on_a_directed_example() {
    let edges = vec![
        (0, 1, 1.0),
        (1, 2, 1.0),
        (2, 0, 1.0),
        (2, 3, 1.0),
        (3, 4, 1.0),
        (4, 3, 1.0),
        (5, 3, 1.0),
    ];
    let got = pagerank(&view_of(6, &edges, true), &PowerIterationConfig::default()).expect("ok");
    // NetworkX 3.6 `pagerank(D, tol=1e-15, max_iter=10000)`.
    let expected = [
        0.0644448453143321,
        0.07977811851718228,
        0.09281140073960495,
        0.38538682996155854,
        0.3525788054673224,
        0.025,
    ];
    for (g, e) in got.iter().zip(expected) {
        assert_close(*g, e, 1e-10, "pagerank");
    }
}

#[test]
fn personalized_pagerank_teleports_to_the_chosen_nodes() {
    let edges = random_edges(7, 8, 0.3, true);
    let view = view_of(8, &edges, true);
    let mut teleport = vec![0.0; 8];
    teleport[2] = 3.0;
    teleport[5] = 1.0;
    let got =
        personalized_pagerank(&view, &PowerIterationConfig::default(), &teleport).expect("ok");
    // Dense reference with the same teleport and dangling distribution.
    let rows = arcs_of(8, &edges, true);
    let p: Vec<f64> = teleport.iter().map(|t| t / 4.0).collect();
    let mut x = vec![1.0 / 8.0; 8];
    for _ in 0..400 {
        let mut next = vec![0.0; 8];
        let mut dangling = 0.0;
        for (u, row) in rows.iter().enumerate() {
            let total: f64 = row.iter().map(|&(_, w)| w).sum();
            if row.is_empty() {
                dangling += x[u];
            }
            for &(v, w) in row {
                next[v] += x[u] * w / total;
            }
        }
        for v in 0..8 {
            next[v] = 0.85 * (next[v] + dangling * p[v]) + 0.15 * p[v];
        }
        x = next;
    }
    for v in 0..8 {
        assert_close(got[v], x[v], 1e-12, "personalized");
    }
    let wrong = personalized_pagerank(&view, &PowerIterationConfig::default(), &[1.0]);
    assert!(matches!(wrong, Err(AnalysisError::InvalidParameter(_))));
}

#[test]
fn eigenvector_matches_dense_iteration_on_connected_views() {
    for seed in 0..10u64 {
        let directed = seed % 2 == 1;
        let n = 4 + (seed % 7) as u32;
        let mut edges = random_edges(200 + seed, n, 0.3, directed);
        // A cycle through every node makes the view connected (strongly, when directed).
        for u in 0..n {
            let v = (u + 1) % n;
            if !edges.iter().any(|&(a, b, _)| (a, b) == (u, v) || (!directed && (a, b) == (v, u))) {
                edges.push((u, v, 1.0));
            }
        }
        let view = view_of(n as usize, &edges, directed);
        let expected = dense_eigenvector(&arcs_of(n as usize, &edges, directed), 20_000);
        let got = eigenvector(&view, &EigenvectorConfig::default()).expect("converges");
        for v in 0..n as usize {
            assert_close(
                got[v].unwrap_or(f64::NAN),
                expected[v],
                1e-9,
                &format!("seed {seed} node {v}"),
            );
        }
    }
}

#[test]
fn eigenvector_covers_the_largest_weak_component_only() {
    // A triangle (0, 1, 2), a path 3–4, an isolate 5; bipartite star 6–(7, 8, 9) is larger.
    let edges = vec![
        (0, 1, 1.0),
        (1, 2, 1.0),
        (0, 2, 1.0),
        (3, 4, 1.0),
        (6, 7, 1.0),
        (6, 8, 1.0),
        (6, 9, 1.0),
    ];
    let got = eigenvector(&view_of(10, &edges, false), &EigenvectorConfig::default()).expect("ok");
    assert!(got[..6].iter().all(Option::is_none));
    // Star K1,3: centre 1/√2, leaves 1/√6 (NetworkX `eigenvector_centrality_numpy`).
    assert_close(got[6].unwrap_or(f64::NAN), 0.5f64.sqrt(), 1e-10, "centre");
    for leaf in &got[7..10] {
        assert_close(leaf.unwrap_or(f64::NAN), (1.0f64 / 6.0).sqrt(), 1e-10, "leaf");
    }
    // A directed acyclic view has no dominant eigenvector: all None.
    let dag = view_of(4, &[(0, 1, 1.0), (1, 2, 1.0), (0, 3, 1.0)], true);
    assert!(
        eigenvector(&dag, &EigenvectorConfig::default()).expect("ok").iter().all(Option::is_none)
    );
}

/// Zachary's karate club (NetworkX `karate_club_graph`, unweighted), upper triangle rows.
const KARATE: &str = "\
0 1 1 1 1 1 1 1 1 0 1 1 1 1 0 0 0 1 0 1 0 1 0 0 0 0 0 0 0 0 0 1 0 0
1 0 1 1 0 0 0 1 0 0 0 0 0 1 0 0 0 1 0 1 0 1 0 0 0 0 0 0 0 0 1 0 0 0
1 1 0 1 0 0 0 1 1 1 0 0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1 0 0 0 1 0
1 1 1 0 0 0 0 1 0 0 0 0 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
1 0 0 0 0 0 1 0 0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
1 0 0 0 0 0 1 0 0 0 1 0 0 0 0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
1 0 0 0 1 1 0 0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
1 1 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
1 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 1 1
0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1
1 0 0 0 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
1 0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
1 1 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1
0 0 0 0 0 1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1
1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1
1 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 1 0 1 0 0 1 1
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 1 0 0 0 1 0 0
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1 0 0 0 0 0 0 1 0 0
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 0 1
0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1 0 0 0 0 0 0 0 0 1
0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 1
0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 0 0 1 0 0 0 0 0 1 1
0 1 0 0 0 0 0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1
1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 1 0 0 1 0 0 0 1 1
0 0 1 0 0 0 0 0 1 0 0 0 0 0 1 1 0 0 1 0 1 0 1 1 0 0 0 0 0 1 1 1 0 1
0 0 0 0 0 0 0 0 1 1 0 0 0 1 1 1 0 0 1 1 1 0 1 1 0 0 1 1 1 1 1 1 1 0";

fn karate() -> View {
    let mut edges = Vec::new();
    for (u, line) in KARATE.lines().enumerate() {
        for (v, cell) in line.split_whitespace().enumerate() {
            if cell == "1" && u < v {
                edges.push((u as u32, v as u32, 1.0));
            }
        }
    }
    assert_eq!(edges.len(), 78);
    view_of(34, &edges, false)
}

#[test]
fn karate_club_matches_networkx() {
    let result = centrality(&karate(), &CentralityConfig::default()).expect("converges");
    // NetworkX 3.6: betweenness_centrality, closeness_centrality, harmonic_centrality,
    // eigenvector_centrality_numpy and pagerank on the unweighted graph.
    let expected = [
        (
            0,
            0.43763528138528146,
            0.5689655172413793,
            23.16666666666666,
            0.3554914445245667,
            0.09699728538830414,
        ),
        (33, 0.30407497594997596, 0.55, 23.25, 0.37336347029148304, 0.10091918233261697),
    ];
    for (node, b, c, h, e, p) in expected {
        let actual = &result[node];
        assert_close(actual.betweenness.unwrap_or(f64::NAN), b, 1e-12, "betweenness");
        assert_close(actual.closeness.unwrap_or(f64::NAN), c, 1e-12, "closeness");
        assert_close(actual.harmonic.unwrap_or(f64::NAN), h, 1e-12, "harmonic");
        assert_close(actual.eigenvector.unwrap_or(f64::NAN), e, 1e-9, "eigenvector");
        assert_close(actual.pagerank.unwrap_or(f64::NAN), p, 1e-10, "pagerank");
    }
}

fn bits(result: &[ActorCentrality]) -> Vec<[u64; 6]> {
    let b = |x: Option<f64>| x.map_or(u64::MAX, f64::to_bits);
    result
        .iter()
        .map(|a| {
            [
                a.strength.to_bits(),
                b(a.betweenness),
                b(a.closeness),
                b(a.harmonic),
                b(a.eigenvector),
                b(a.pagerank),
            ]
        })
        .collect()
}

fn with_threads<T: Send>(threads: usize, run: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
        .install(run)
}

#[test]
fn serial_and_parallel_runs_are_bit_identical() {
    let edges = random_edges(42, 300, 0.02, false);
    let view = view_of(300, &edges, false);
    for weighted in [false, true] {
        let config = CentralityConfig { weighted, ..CentralityConfig::default() };
        let serial = with_threads(1, || bits(&centrality(&view, &config).expect("converges")));
        for threads in [2, 4] {
            let parallel =
                with_threads(threads, || bits(&centrality(&view, &config).expect("converges")));
            assert!(serial == parallel, "{threads} threads, weighted {weighted}");
        }
    }
    // Large enough for the power iterations to split rows over threads too.
    let n = 20_000;
    let edges: Edges = (0..n as u32)
        .flat_map(|u| [(u, (u * 7 + 1) % n as u32, 1.0), (u, (u * 13 + 5) % n as u32, 2.0)])
        .filter(|e| e.0 != e.1)
        .collect();
    let view = view_of(n, &edges, true);
    let config = only(Measures { pagerank: true, ..Measures::NONE });
    let serial = with_threads(1, || bits(&centrality(&view, &config).expect("converges")));
    let parallel = with_threads(4, || bits(&centrality(&view, &config).expect("converges")));
    assert!(serial == parallel, "pagerank rows");
}

#[test]
fn sampling_is_deterministic_and_exact_with_every_pivot() {
    let edges = random_edges(3, 60, 0.08, false);
    let view = view_of(60, &edges, false);
    let sampled = |pivots, seed| {
        betweenness(
            &view,
            &BetweennessConfig {
                sample: Some(Sample { pivots, seed }),
                ..BetweennessConfig::default()
            },
        )
    };
    let a = sampled(10, 9).expect("ok");
    assert_eq!(a, sampled(10, 9).expect("ok"));
    assert_ne!(a, sampled(10, 10).expect("ok"));
    let exact = betweenness(&view, &BetweennessConfig::default()).expect("ok");
    assert_eq!(sampled(60, 1).expect("ok"), exact);
    assert_eq!(sampled(1000, 1).expect("ok"), exact);
    assert!(matches!(sampled(0, 1), Err(AnalysisError::InvalidParameter(_))));
    // One pivot per run of the breadth-first order, weighted by the run's length.
    let order =
        PathGraph::new(view.out_arcs(), PathLength::Hops).nodes_in_breadth_first_order().to_vec();
    for (pivots, seed) in [(7, 1), (10, 9), (59, 2)] {
        let drawn = stratified_pivots(&order, pivots, seed);
        assert_eq!(drawn.len(), pivots);
        assert_close(drawn.iter().map(|&(_, w)| w).sum(), 60.0, 0.0, "weights sum to n");
        let mut from = 0;
        for &(node, weight) in &drawn {
            let run = &order[from..from + weight as usize];
            assert!(run.contains(&node), "{node} drawn from its own run {run:?}");
            from += weight as usize;
        }
    }
}

/// Averaged over every possible draw, the stratified estimate is exact betweenness: it is
/// unbiased. Directed and undirected, hops and weights, on graphs with many tied shortest
/// paths; 12 nodes in 4 runs of 3 give 81 draws.
#[test]
fn the_sampled_estimate_averages_to_exact_betweenness() {
    for (seed, directed, length) in [
        (11, false, PathLength::Hops),
        (12, true, PathLength::Hops),
        (13, false, PathLength::InverseWeight),
        (14, true, PathLength::InverseWeight),
    ] {
        let edges = random_edges(seed, 12, 0.3, directed);
        let view = view_of(12, &edges, directed);
        let every: Vec<u32> = (0..12).collect();
        let from = PathGraph::new(view.out_arcs(), length);
        let exact = kernels::dependency_sums(&from, &every, &());
        assert!(exact.iter().filter(|&&b| b > 1.0).count() > 3, "a graph with paths");
        let order = from.nodes_in_breadth_first_order().to_vec();
        let mut mean = [0.0; 12];
        for draw in 0..81 {
            let drawn: Vec<(u32, f64)> = (0..4)
                .map(|run| (order[3 * run + (draw / 3usize.pow(run as u32)) % 3], 3.0))
                .collect();
            let estimate = estimate_from(&view, &from, length, &drawn, &());
            for (m, e) in mean.iter_mut().zip(&estimate) {
                *m += e / 81.0;
            }
            if draw == 0 {
                assert!(estimate != exact, "one draw is an estimate, not the exact value");
            }
        }
        for v in 0..12 {
            assert_close(mean[v], exact[v], 1e-9, &format!("seed {seed}, node {v}"));
        }
    }
}

/// Averaged over every possible draw, the sampled sums behind closeness and harmonic
/// centrality are their exact totals: Σ w_p / d(p, v) is harmonic centrality, Σ w_p the nodes
/// that reach v, Σ w_p d(p, v) their distances. 12 nodes in 4 runs of 3 give 81 draws.
#[test]
fn the_sampled_closeness_sums_average_to_exact() {
    for (seed, directed, length) in [
        (21, false, PathLength::Hops),
        (22, true, PathLength::Hops),
        (23, false, PathLength::InverseWeight),
        (24, true, PathLength::InverseWeight),
    ] {
        let edges = random_edges(seed, 12, 0.25, directed);
        let view = view_of(12, &edges, directed);
        let exact = kernels::reaches(&PathGraph::new(view.in_arcs(), length), &());
        let from = PathGraph::new(view.out_arcs(), length);
        let order = from.nodes_in_breadth_first_order().to_vec();
        let mut mean = [[0.0; 3]; 12];
        for draw in 0..81 {
            let drawn: Vec<(u32, f64)> = (0..4)
                .map(|run| (order[3 * run + (draw / 3usize.pow(run as u32)) % 3], 3.0))
                .collect();
            for (m, r) in mean.iter_mut().zip(kernels::sampled_reaches(&from, &drawn, &())) {
                m[0] += r.reached_by / 81.0;
                m[1] += r.total_distance / 81.0;
                m[2] += r.inverse_distance / 81.0;
            }
        }
        for v in 0..12 {
            let what = format!("seed {seed}, node {v}");
            assert_close(mean[v][0], exact[v].reached as f64 - 1.0, 1e-9, &what);
            assert_close(mean[v][1], exact[v].total_distance, 1e-9, &what);
            assert_close(mean[v][2], exact[v].inverse_distance, 1e-9, &what);
        }
    }
}

/// `--sample` estimates closeness and harmonic centrality too: close to exact with a fifth of
/// the nodes as pivots, exact with all of them, the same for the same seed.
#[test]
fn sampled_closeness_and_harmonic_are_near_exact() {
    let n = 600;
    let edges = random_edges(31, n as u32, 0.01, false);
    let view = view_of(n, &edges, false);
    let measures = Measures { closeness: true, harmonic: true, ..Measures::NONE };
    let config = only(measures);
    let exact = centrality(&view, &config).expect("exact");
    let sampled =
        |pivots| centrality(&view, &config.with_sample(Sample::new(pivots, 3))).expect("sampled");
    assert_eq!(sampled(n), exact, "every node a pivot is exact");
    let estimate = sampled(120);
    assert_eq!(estimate, sampled(120), "deterministic");
    let error = |pick: fn(&ActorCentrality) -> Option<f64>| {
        let errors: Vec<f64> = exact
            .iter()
            .zip(&estimate)
            .filter_map(|(e, s)| {
                let (e, s) = (pick(e)?, pick(s)?);
                (e > 0.0).then(|| (s - e).abs() / e)
            })
            .collect();
        errors.iter().sum::<f64>() / errors.len() as f64
    };
    let (closeness_error, harmonic_error) = (error(|a| a.closeness), error(|a| a.harmonic));
    assert!(closeness_error < 0.05, "closeness off by {closeness_error} on average");
    assert!(harmonic_error < 0.05, "harmonic off by {harmonic_error} on average");
    assert!(estimate != exact, "an estimate, not the exact values");
}

/// Counts what an analysis plans and finishes.
#[derive(Default)]
struct Counted {
    planned: std::sync::atomic::AtomicU64,
    done: std::sync::atomic::AtomicU64,
}

impl Progress for Counted {
    fn planned(&self, sources: u64) {
        self.planned.fetch_add(sources, std::sync::atomic::Ordering::Relaxed);
    }
    fn done(&self, sources: u64) {
        self.done.fetch_add(sources, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Every search is planned and reported done: n for exact betweenness, n for closeness and
/// harmonic together, K pivots sampled (2K on a directed view: from and towards each).
#[test]
fn progress_counts_every_search() {
    let count = |directed: bool, measures: Measures, sample: Option<Sample>| {
        let view = view_of(70, &random_edges(5, 70, 0.06, directed), directed);
        let counted = Counted::default();
        let config = CentralityConfig { measures, sample, ..CentralityConfig::default() };
        centrality_with_progress(&view, &config, &counted).expect("converges");
        let load = |a: &std::sync::atomic::AtomicU64| a.load(std::sync::atomic::Ordering::Relaxed);
        (load(&counted.planned), load(&counted.done))
    };
    assert_eq!(count(false, Measures::ALL, None), (140, 140));
    let only_betweenness = Measures { closeness: false, harmonic: false, ..Measures::ALL };
    let sample = Some(Sample { pivots: 9, seed: 1 });
    assert_eq!(count(false, only_betweenness, sample), (9, 9));
    assert_eq!(count(true, only_betweenness, sample), (18, 18));
    // Closeness and harmonic from the same number of pivots.
    assert_eq!(count(false, Measures::ALL, sample), (18, 18));
    let no_paths =
        Measures { betweenness: false, closeness: false, harmonic: false, ..Measures::ALL };
    assert_eq!(count(true, no_paths, None), (0, 0));
}

#[test]
fn degenerate_views_never_panic() {
    let cases = [
        view_of(0, &[], false),
        view_of(1, &[], false),
        view_of(5, &[], false),
        view_of(2, &[(0, 1, 1.0)], false),
        view_of(2, &[(0, 1, 1.0)], true),
        view_of(5, &[(0, 1, 1.0), (1, 2, 3.0), (0, 3, 1.0), (4, 3, 1.0)], true),
    ];
    for (i, view) in cases.iter().enumerate() {
        for weighted in [false, true] {
            let config = CentralityConfig { weighted, ..CentralityConfig::default() };
            let result = centrality(view, &config).expect("defined");
            assert_eq!(result.len(), view.n_nodes(), "case {i}");
            for actor in &result {
                assert!(actor.betweenness.is_some_and(f64::is_finite), "case {i}");
                assert!(actor.pagerank.is_some_and(f64::is_finite), "case {i}");
            }
            let total: f64 = result.iter().filter_map(|a| a.pagerank).sum();
            if view.n_nodes() > 0 {
                assert_close(total, 1.0, 1e-12, "pagerank sums to 1");
            }
        }
    }
    // Isolates: eigenvector undefined; a single tie: 1/√2 each (a 2-node component).
    assert!(
        eigenvector(&cases[2], &EigenvectorConfig::default())
            .expect("ok")
            .iter()
            .all(Option::is_none)
    );
    let pair = eigenvector(&cases[3], &EigenvectorConfig::default()).expect("ok");
    assert_close(pair[0].unwrap_or(f64::NAN), 0.5f64.sqrt(), 1e-12, "pair");
}

#[test]
fn iterations_that_do_not_converge_are_errors() {
    let view = karate();
    let short = EigenvectorConfig { tolerance: 1e-12, max_iterations: 2 };
    assert!(matches!(
        eigenvector(&view, &short),
        Err(AnalysisError::NotConverged { measure: "eigenvector", iterations: 2, .. })
    ));
    let short = PowerIterationConfig { max_iterations: 2, ..PowerIterationConfig::default() };
    assert!(matches!(
        pagerank(&view, &short),
        Err(AnalysisError::NotConverged { measure: "pagerank", .. })
    ));
    let bad = PowerIterationConfig { alpha: 1.5, ..PowerIterationConfig::default() };
    assert!(matches!(pagerank(&view, &bad), Err(AnalysisError::InvalidParameter(_))));
}
