//! The network map's layout engine (`analysis::layout`): the same coordinates at any thread
//! count, no overlap given radii, components packed apart, the rijk-region split, the
//! normalized stress against a brute-force computation, straight paths, degenerate views.

use stakenet::analysis::{LayoutConfig, LayoutMethod, layout, normalized_stress};
use stakenet::generate::{GenerateConfig, GraphModel, generate};
use stakenet::{Network, Side, Source, View, ViewSpec, load};

use crate::common::tiny;

/// A generated BA network (one undirected layer) and its default view.
fn ba(n: usize, seed: u64) -> (Network, View) {
    let network = generate(
        &GenerateConfig::default()
            .with_model(GraphModel::BarabasiAlbert)
            .with_n_actors(n)
            .with_ties_per_actor(2)
            .with_n_coalitions(0)
            .with_seed(seed)
            .with_one_layer(true),
    );
    let view = View::build(&network, &ViewSpec::default()).unwrap();
    (network, view)
}

fn view_of(n: usize, edges: &[(u32, u32)]) -> View {
    View::from_arcs(n, edges.iter().map(|&(a, b)| (a, b, 1.0)), false).unwrap()
}

fn in_pool<T: Send>(threads: usize, run: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap().install(run)
}

fn bits(positions: &[[f64; 2]]) -> Vec<[u64; 2]> {
    positions.iter().map(|p| [p[0].to_bits(), p[1].to_bits()]).collect()
}

fn assert_finite(positions: &[[f64; 2]], what: &str) {
    assert!(
        positions.iter().all(|p| p[0].is_finite() && p[1].is_finite()),
        "{what}: {positions:?}"
    );
}

fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
}

/// Every pair's centres at least `r_i + r_j` apart (the engine adds a gap of 0.05).
fn assert_no_overlap(positions: &[[f64; 2]], radii: &[f64]) {
    for i in 0..positions.len() {
        for j in i + 1..positions.len() {
            let d = distance(positions[i], positions[j]);
            assert!(d >= radii[i] + radii[j] + 0.05 - 1e-9, "{i} and {j} overlap: {d}");
        }
    }
}

/// Several components (a path, a clique, a star, a pair) and isolated actors.
fn several_components() -> (View, Vec<Vec<u32>>) {
    let mut edges = Vec::new();
    let mut groups = Vec::new();
    edges.extend((0..9).map(|i| (i, i + 1)));
    groups.push((0..10).collect::<Vec<u32>>());
    for a in 10..16 {
        for b in a + 1..16 {
            edges.push((a, b));
        }
    }
    groups.push((10..16).collect());
    edges.extend((17..30).map(|leaf| (16, leaf)));
    groups.push((16..30).collect());
    edges.push((30, 31));
    groups.push(vec![30, 31]);
    for isolated in 32..40 {
        groups.push(vec![isolated]);
    }
    (view_of(40, &edges), groups)
}

#[test]
fn same_coordinates_at_any_thread_count() {
    let network = tiny();
    for (n, method) in [(400, LayoutMethod::Stress), (1_500, LayoutMethod::Force)] {
        let (_, view) = ba(n, 3);
        let radii: Vec<f64> = (0..n).map(|i| 0.1 + (i % 5) as f64 * 0.1).collect();
        let config = LayoutConfig::default().with_method(method).with_seed(9).with_radii(radii);
        let one = in_pool(1, || layout(&view, &network, &config));
        let four = in_pool(4, || layout(&view, &network, &config));
        assert_eq!(bits(&one.positions), bits(&four.positions), "{method:?}");
        assert_eq!(one.method, method);
        let stress_one = in_pool(1, || normalized_stress(&view, &one.positions));
        let stress_four = in_pool(4, || normalized_stress(&view, &one.positions));
        assert_eq!(stress_one.to_bits(), stress_four.to_bits());
        // Another seed, another layout (the seed is used).
        let other = layout(&view, &network, &config.clone().with_seed(10));
        assert_ne!(bits(&one.positions), bits(&other.positions));
    }
}

#[test]
fn no_two_actors_overlap_given_radii() {
    let network = tiny();
    let (_, view) = ba(300, 5);
    let radii: Vec<f64> = (0..300).map(|i| [0.05, 0.3, 0.6, 1.2][i % 4]).collect();
    for method in [LayoutMethod::Stress, LayoutMethod::Force] {
        let config = LayoutConfig::default().with_method(method).with_radii(radii.clone());
        let placed = layout(&view, &network, &config);
        assert_finite(&placed.positions, "radii");
        assert_no_overlap(&placed.positions, &radii);
    }
    // Radii far larger than a hop: pushing alone cannot clear them, the scaling does.
    let (view, _) = several_components();
    let radii: Vec<f64> = (0..40).map(|i| if i % 3 == 0 { 4.0 } else { 0.5 }).collect();
    let placed = layout(&view, &network, &LayoutConfig::default().with_radii(radii.clone()));
    assert_no_overlap(&placed.positions, &radii);
}

#[test]
fn components_are_packed_apart() {
    let network = tiny();
    let (view, groups) = several_components();
    let radii = vec![0.25; 40];
    let placed = layout(&view, &network, &LayoutConfig::default().with_radii(radii.clone()));
    assert_finite(&placed.positions, "components");
    assert_no_overlap(&placed.positions, &radii);
    // The boxes of the components with ties (discs included) never meet.
    let boxes: Vec<[f64; 4]> = groups
        .iter()
        .filter(|g| g.len() > 1)
        .map(|g| {
            let mut b = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
            for &v in g {
                let p = placed.positions[v as usize];
                b = [
                    b[0].min(p[0] - 0.25),
                    b[1].min(p[1] - 0.25),
                    b[2].max(p[0] + 0.25),
                    b[3].max(p[1] + 0.25),
                ];
            }
            b
        })
        .collect();
    for a in 0..boxes.len() {
        for b in a + 1..boxes.len() {
            let (p, q) = (boxes[a], boxes[b]);
            assert!(
                p[2] < q[0] || q[2] < p[0] || p[3] < q[1] || q[3] < p[1],
                "{a} {b}: {p:?} {q:?}"
            );
        }
    }
    // Largest first: the star (14 actors) starts the first row at the left.
    let star_left =
        groups[2].iter().map(|&v| placed.positions[v as usize][0]).fold(f64::INFINITY, f64::min);
    let min_left = placed.positions.iter().map(|p| p[0]).fold(f64::INFINITY, f64::min);
    assert!((star_left - min_left).abs() < 1e-9);
}

#[test]
fn rijk_region_puts_the_rijk_on_the_left() {
    let network = load(&Source::Bundled).unwrap();
    let view = View::build(&network, &ViewSpec::default()).unwrap();
    let sides: Vec<Side> = view.actors().iter().map(|&a| network.side(a)).collect();
    assert!(sides.contains(&Side::Rijk) && sides.contains(&Side::Region));
    let radii: Vec<f64> = (0..view.n_nodes()).map(|i| 0.2 + (i % 3) as f64 * 0.2).collect();
    for radii in [Vec::new(), radii] {
        let config =
            LayoutConfig::default().with_method(LayoutMethod::RijkRegion).with_radii(radii.clone());
        let placed = layout(&view, &network, &config);
        assert_eq!(placed.method, LayoutMethod::RijkRegion);
        assert_finite(&placed.positions, "rijk-region");
        let rijk_right = placed
            .positions
            .iter()
            .zip(&sides)
            .filter(|(_, s)| **s == Side::Rijk)
            .map(|(p, _)| p[0])
            .fold(f64::NEG_INFINITY, f64::max);
        let region_left = placed
            .positions
            .iter()
            .zip(&sides)
            .filter(|(_, s)| **s == Side::Region)
            .map(|(p, _)| p[0])
            .fold(f64::INFINITY, f64::min);
        assert!(rijk_right < region_left, "{rijk_right} {region_left}");
        if !radii.is_empty() {
            assert_no_overlap(&placed.positions, &radii);
        }
    }
}

/// Hop distances by Floyd–Warshall over the undirected ties, `None` between components.
fn brute_force_distances(n: usize, edges: &[(u32, u32)]) -> Vec<Vec<Option<u32>>> {
    let mut d = vec![vec![None; n]; n];
    for (i, row) in d.iter_mut().enumerate() {
        row[i] = Some(0);
    }
    for &(a, b) in edges {
        if a != b {
            d[a as usize][b as usize] = Some(1);
            d[b as usize][a as usize] = Some(1);
        }
    }
    for k in 0..n {
        for i in 0..n {
            for j in 0..n {
                if let (Some(a), Some(b)) = (d[i][k], d[k][j]) {
                    if d[i][j].is_none_or(|c| a + b < c) {
                        d[i][j] = Some(a + b);
                    }
                }
            }
        }
    }
    d
}

#[test]
fn normalized_stress_matches_a_brute_force_computation() {
    // Two components, a directed tie and a tie given both ways: distances ignore direction.
    let edges: Vec<(u32, u32)> = vec![
        (0, 1),
        (1, 2),
        (2, 3),
        (3, 0),
        (2, 4),
        (4, 5),
        (5, 6),
        (7, 8),
        (8, 9),
        (9, 7),
        (9, 10),
        (10, 9),
    ];
    let n = 12;
    let view = View::from_arcs(n, edges.iter().map(|&(a, b)| (a, b, 1.0)), true).unwrap();
    let positions: Vec<[f64; 2]> = (0..n)
        .map(|i| [(i as f64 * 1.7).sin() * 3.0, (i as f64 * 0.9).cos() * 2.0 + i as f64 * 0.1])
        .collect();
    let d = brute_force_distances(n, &edges);
    let mut pairs = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            if let Some(dij) = d[i][j] {
                pairs.push((distance(positions[i], positions[j]), f64::from(dij)));
            }
        }
    }
    let s = pairs.iter().map(|(l, d)| l / d).sum::<f64>()
        / pairs.iter().map(|(l, d)| l * l / (d * d)).sum::<f64>();
    let expected =
        pairs.iter().map(|(l, d)| (s * l - d).powi(2) / (d * d)).sum::<f64>() / pairs.len() as f64;
    let actual = normalized_stress(&view, &positions);
    assert!((actual - expected).abs() < 1e-12, "{actual} {expected}");
    // The scale does not matter; a perfect layout scores 0; one spot scores 1.
    let doubled: Vec<[f64; 2]> = positions.iter().map(|p| [2.0 * p[0], 2.0 * p[1]]).collect();
    assert!((normalized_stress(&view, &doubled) - expected).abs() < 1e-12);
    let line = view_of(4, &[(0, 1), (1, 2), (2, 3)]);
    assert!(normalized_stress(&line, &[[0.0, 0.0], [1.0, 0.0], [2.0, 0.0], [3.0, 0.0]]) < 1e-15);
    assert_eq!(normalized_stress(&line, &[[5.0, 5.0]; 4]), 1.0);
    assert_eq!(normalized_stress(&view_of(3, &[]), &[[0.0, 0.0]; 3]), 0.0);
}

#[test]
fn paths_and_cycles_are_laid_out_with_low_stress() {
    let network = tiny();
    let path: Vec<(u32, u32)> = (0..59).map(|i| (i, i + 1)).collect();
    let view = view_of(60, &path);
    let placed = layout(&view, &network, &LayoutConfig::default());
    assert_eq!(placed.method, LayoutMethod::Stress);
    let stress = normalized_stress(&view, &placed.positions);
    assert!(stress < 0.01, "path: {stress}");
    let mut cycle = path;
    cycle.push((59, 0));
    let view = view_of(60, &cycle);
    let placed = layout(&view, &network, &LayoutConfig::default());
    let stress = normalized_stress(&view, &placed.positions);
    // A circle is the best a plane gives a cycle: its chords are shorter than the hops.
    assert!(stress < 0.03, "cycle: {stress}");
    let forced = layout(&view, &network, &LayoutConfig::default().with_method(LayoutMethod::Force));
    assert!(normalized_stress(&view, &forced.positions) < 0.1);
}

#[test]
fn degenerate_views_never_give_nan() {
    let network = tiny();
    for method in
        [LayoutMethod::Auto, LayoutMethod::Stress, LayoutMethod::Force, LayoutMethod::RijkRegion]
    {
        let config = LayoutConfig::default().with_method(method);
        let empty = layout(&view_of(0, &[]), &network, &config);
        assert!(empty.positions.is_empty());
        // The RijkRegion method looks the actors up in the network: the tiny fixture's first ones.
        let one = layout(&view_of(1, &[]), &network, &config);
        assert_finite(&one.positions, "one");
        let two = layout(&view_of(2, &[(0, 1)]), &network, &config);
        assert_finite(&two.positions, "two");
        assert!(distance(two.positions[0], two.positions[1]) > 0.5);
        let isolates = layout(&view_of(5, &[]), &network, &config.clone().with_radii(vec![0.3; 5]));
        assert_finite(&isolates.positions, "isolates");
        assert_no_overlap(&isolates.positions, &[0.3; 5]);
    }
    let mut clique = Vec::new();
    for a in 0..30 {
        for b in a + 1..30 {
            clique.push((a, b));
        }
    }
    let view = view_of(30, &clique);
    for method in [LayoutMethod::Stress, LayoutMethod::Force] {
        let placed = layout(&view, &network, &LayoutConfig::default().with_method(method));
        assert_finite(&placed.positions, "clique");
        assert_no_overlap(&placed.positions, &[0.0; 30]);
    }
    // Bad radii count as none.
    let placed = layout(
        &view,
        &network,
        &LayoutConfig::default().with_radii(vec![f64::NAN, -1.0, f64::INFINITY]),
    );
    assert_finite(&placed.positions, "bad radii");
}

#[test]
fn a_star_of_twenty_thousand_leaves() {
    let network = tiny();
    let star: Vec<(u32, u32)> = (1..=20_000).map(|leaf| (0, leaf)).collect();
    let view = view_of(20_001, &star);
    // The multilevel force method: the star collapses into one node on the first level.
    let config = LayoutConfig::default().with_method(LayoutMethod::Force);
    let placed = layout(&view, &network, &config);
    assert_eq!(placed.method, LayoutMethod::Force);
    assert_finite(&placed.positions, "star");
    let stress = normalized_stress(&view, &placed.positions);
    assert!(stress.is_finite() && stress < 0.5, "{stress}");
}

/// `only` lays a subset out as if the view held nothing else: a connected prefix of a BA graph
/// (each actor ties to earlier ones) gets, bit for bit, the coordinates of the view of those
/// actors alone; the others stay at the origin.
#[test]
fn only_lays_out_the_subset_alone() {
    let (network, view) = ba(300, 3);
    let k = 60u32;
    let arcs: Vec<(u32, u32, f64)> = (0..k)
        .flat_map(|a| view.out_arcs().neighbors(a).iter().map(move |&b| (a, b, 1.0)))
        .filter(|&(a, b, _)| a < k && b < k && a < b)
        .collect();
    let alone = View::from_arcs(k as usize, arcs, false).unwrap();
    let config = LayoutConfig::default().with_method(LayoutMethod::Stress);
    let expected = layout(&alone, &network, &config).positions;
    let subset = layout(&view, &network, &config.clone().with_only((0..k).collect::<Vec<_>>()));
    assert_eq!(bits(&subset.positions[..k as usize]), bits(&expected));
    assert!(subset.positions[k as usize..].iter().all(|p| *p == [0.0, 0.0]));
    // Cut from the whole network's layout, the same actors sit far less well.
    let whole = layout(&view, &network, &config).positions;
    let cut = normalized_stress(&alone, &whole[..k as usize]);
    let own = normalized_stress(&alone, &expected);
    assert!(own < cut, "alone {own} against cut out {cut}");
}

/// An extra tie keeps two actors close though the view does not tie them (`--nest`: a unit by
/// its ministry).
#[test]
fn extra_ties_bring_their_pair_together() {
    let edges: Vec<(u32, u32)> = (0..19).map(|i| (i, i + 1)).collect();
    let view = view_of(20, &edges);
    let (network, _) = ba(20, 1);
    let config = LayoutConfig::default().with_method(LayoutMethod::Stress);
    let apart = layout(&view, &network, &config).positions;
    let together = layout(&view, &network, &config.with_extra_ties(vec![(0, 19), (0, 99)]));
    assert!(distance(apart[0], apart[19]) > 15.0);
    assert!(distance(together.positions[0], together.positions[19]) < 1.5);
}
