//! Tests of brokerage: role counts against brute force and sna, structural holes worked by
//! hand, groupings, and speed.

use super::holes::{HoleScratch, MutualTies};
use super::roles::{Moment, expected_roles};
use super::*;
use crate::analysis::AnalysisError;
use crate::io::{Source, load};
use crate::model::Network;
use crate::view::{LayerChoice, View, ViewSpec};

const TOLERANCE: f64 = 1e-12;

#[track_caller]
fn close(actual: f64, expected: f64, what: &str) {
    let scale = expected.abs().max(1.0);
    assert!(
        (actual - expected).abs() <= TOLERANCE * scale,
        "{what}: got {actual}, expected {expected}"
    );
}

#[track_caller]
fn close_some(actual: Option<f64>, expected: f64, what: &str) {
    match actual {
        Some(actual) => close(actual, expected, what),
        None => panic!("{what}: got None, expected {expected}"),
    }
}

fn network(actors: &str, relations: &str) -> Network {
    load(&Source::Memory(vec![
        ("actors.csv".into(), actors.as_bytes().to_vec()),
        ("relations.csv".into(), relations.as_bytes().to_vec()),
    ]))
    .unwrap()
}

/// A grouping with the given group ids, labelled `g0`, `g1`, … up to the largest.
fn grouping(of_node: &[u32]) -> Grouping {
    let n_labels = of_node.iter().max().map_or(0, |&g| g + 1);
    Grouping::new(of_node.to_vec(), (0..n_labels).map(|g| format!("g{g}")).collect()).unwrap()
}

fn view_of(network: &Network) -> View {
    View::build(network, &ViewSpec::default()).unwrap()
}

/// splitmix64: a tiny seeded generator, so the random graphs are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// A random graph on `n` actors in 3 groups (`x`, `y`, `z`), each ordered pair tied with
/// probability `p` (directed: layer `funding`; undirected: `collaboration`, each unordered
/// pair once). Returns the network and its adjacency matrix, built from the relations
/// independently of the view.
// Indices a, b are actor numbers that also name the actors; iterators would obscure that.
#[allow(clippy::needless_range_loop)]
fn random_network(seed: u64, n: usize, p: f64, directed: bool) -> (Network, Vec<Vec<bool>>) {
    let mut rng = Rng(seed);
    let mut actors = String::from("id,group\n");
    for i in 0..n {
        actors.push_str(&format!("a{i:02},{}\n", ["x", "y", "z"][(rng.next() % 3) as usize]));
    }
    let layer = if directed { "funding" } else { "collaboration" };
    let mut relations = String::from("source,target,layer\n");
    let mut adjacency = vec![vec![false; n]; n];
    for a in 0..n {
        for b in 0..n {
            if a == b || (!directed && b < a) || !rng.chance(p) {
                continue;
            }
            relations.push_str(&format!("a{a:02},a{b:02},{layer}\n"));
            adjacency[a][b] = true;
            if !directed {
                adjacency[b][a] = true;
            }
        }
    }
    (network(&actors, &relations), adjacency)
}

/// Brute force over all ordered triples: the definition, with nothing clever.
// Indices a, b, c are the triad's nodes; iterators would hide the definition.
#[allow(clippy::needless_range_loop)]
fn brute_force_roles(adjacency: &[Vec<bool>], groups: &[u32]) -> Vec<Roles<u64>> {
    let n = adjacency.len();
    let mut roles = vec![Roles::<u64>::default(); n];
    for a in 0..n {
        for b in 0..n {
            for c in 0..n {
                if a == b || b == c || a == c {
                    continue;
                }
                if !(adjacency[a][b] && adjacency[b][c]) || adjacency[a][c] {
                    continue;
                }
                let (ga, gb, gc) = (groups[a], groups[b], groups[c]);
                let r = &mut roles[b];
                match (ga == gb, gb == gc, ga == gc) {
                    (true, true, _) => r.coordinator += 1,
                    (false, false, true) => r.itinerant += 1,
                    (true, false, _) => r.representative += 1,
                    (false, true, _) => r.gatekeeper += 1,
                    (false, false, false) => r.liaison += 1,
                }
                r.total += 1;
            }
        }
    }
    roles
}

#[test]
fn role_counts_match_brute_force_on_random_graphs() {
    for seed in 0..12u64 {
        for directed in [true, false] {
            let n = 8 + (seed as usize % 5) * 3;
            let p = [0.15, 0.3, 0.5][seed as usize % 3];
            let (network, adjacency) = random_network(seed, n, p, directed);
            let view = view_of(&network);
            assert_eq!(view.is_directed(), directed);
            // Node i is actor i here: every actor is a node, in workspace order.
            assert_eq!(view.n_nodes(), n);
            let grouping =
                group_nodes(&network, &view, &GroupBy::Attribute("group".into())).unwrap();
            let counted = brokerage_roles(&view, &grouping).unwrap();
            let expected = brute_force_roles(&adjacency, &grouping.of_node);
            assert_eq!(counted, expected, "seed {seed}, directed {directed}");
        }
    }
}

#[test]
fn expected_moments_match_a_direct_port_of_sna_on_random_groupings() {
    // A literal port of sna's per-class loop (`for(i in 1:length(clid))`), to check the
    // per-size shortcut in `expected_roles`.
    fn sna_moments(groups: &[u32], d: f64) -> Vec<Roles<Moment>> {
        let classes: Vec<u32> = {
            let mut c = groups.to_vec();
            c.sort_unstable();
            c.dedup();
            c
        };
        let n: Vec<f64> =
            classes.iter().map(|k| groups.iter().filter(|g| *g == k).count() as f64).collect();
        let big_n = groups.len() as f64;
        let choose = |x: f64| x * (x - 1.0) / 2.0;
        let c = d * d * (1.0 - d);
        let q = d.powi(3) * (1.0 - d).powi(3);
        let per_class: Vec<Roles<Moment>> = (0..n.len())
            .map(|i| {
                let others: Vec<f64> = (0..n.len()).filter(|&j| j != i).map(|j| n[j]).collect();
                let ni = n[i];
                let e1 = c * (ni - 1.0) * (ni - 2.0);
                let v1 = e1 * (1.0 - c) + 2.0 * (ni - 1.0) * (ni - 2.0) * (ni - 3.0) * q;
                let e2 = c * others.iter().map(|x| x * (x - 1.0)).sum::<f64>();
                let v2 = e2 * (1.0 - c)
                    + 2.0 * others.iter().map(|x| x * (x - 1.0) * (x - 2.0)).sum::<f64>() * q;
                let e3 = c * (big_n - ni) * (ni - 1.0);
                let v3 = e3 * (1.0 - c)
                    + 2.0 * ((ni - 1.0) * choose(big_n - ni) + (big_n - ni) * choose(ni - 1.0)) * q;
                let outer: f64 =
                    others.iter().map(|x| others.iter().map(|y| x * y).sum::<f64>()).sum();
                let e5 = c * (outer - others.iter().map(|x| x * x).sum::<f64>());
                let v5 = e5 * (1.0 - c)
                    + 4.0 * others.iter().map(|x| x * choose(big_n - x - ni) * q).sum::<f64>();
                let e6 = c * (big_n - 1.0) * (big_n - 2.0);
                let v6 = e6 * (1.0 - c) + 2.0 * (big_n - 1.0) * (big_n - 2.0) * (big_n - 3.0) * q;
                Roles {
                    coordinator: Moment::new(e1, v1),
                    itinerant: Moment::new(e2, v2),
                    representative: Moment::new(e3, v3),
                    gatekeeper: Moment::new(e3, v3),
                    liaison: Moment::new(e5, v5),
                    total: Moment::new(e6, v6),
                }
            })
            .collect();
        groups.iter().map(|g| per_class[classes.iter().position(|k| k == g).unwrap()]).collect()
    }
    let mut rng = Rng(7);
    for round in 0..40 {
        let n = 2 + round;
        let n_groups = 1 + (rng.next() % (n as u64)).min(6);
        let groups: Vec<u32> = (0..n).map(|_| (rng.next() % n_groups) as u32 * 10).collect();
        let d = (rng.next() % 1000) as f64 / 1000.0;
        let ours = expected_roles(&groups, d);
        let theirs = sna_moments(&groups, d);
        for (node, (a, b)) in ours.iter().zip(&theirs).enumerate() {
            let pairs = [
                (a.coordinator, b.coordinator, "coordinator"),
                (a.itinerant, b.itinerant, "itinerant"),
                (a.gatekeeper, b.gatekeeper, "gatekeeper"),
                (a.representative, b.representative, "representative"),
                (a.liaison, b.liaison, "liaison"),
                (a.total, b.total, "total"),
            ];
            for (x, y, role) in pairs {
                close(x.mean, y.mean, &format!("round {round} node {node} {role} mean"));
                close(x.sd, y.sd, &format!("round {round} node {node} {role} sd"));
            }
        }
    }
}

#[test]
fn undirected_path_across_groups_worked_by_hand() {
    // a – b – c with groups A, A, B (undirected). Two-paths with no a–c tie:
    // a → b → c is A → A → B (representative), c → b → a is B → A → A (gatekeeper).
    let network = network(
        "id,group\na,A\nb,A\nc,B\n",
        "source,target,layer\na,b,collaboration\nb,c,collaboration\n",
    );
    let view = view_of(&network);
    let groups = group_nodes(&network, &view, &GroupBy::Attribute("group".into())).unwrap();
    assert_eq!(groups.labels, ["A", "B"]);
    let config = BrokerageConfig { weighted: false, expected: true };
    let result = brokerage(&view, &groups, &config).unwrap();
    let b = &result.nodes[1];
    assert_eq!(
        b.raw,
        Roles {
            coordinator: 0,
            itinerant: 0,
            gatekeeper: 1,
            representative: 1,
            liaison: 0,
            total: 2
        }
    );
    assert_eq!(result.nodes[0].raw.total, 0);
    assert_eq!(result.nodes[2].raw.total, 0);

    // N = 3, m = 4 arcs, d = 4/6 = 2/3; c = d²(1−d) = 4/27; q = d³(1−d)³ = 8/729.
    close_some(result.density, 2.0 / 3.0, "density");
    // b's group A has nᵢ = 2: representative E = c (N−nᵢ)(nᵢ−1) = 4/27 · 1 · 1 = 4/27;
    // Var = E(1−c) + 2((nᵢ−1)C(1,2) + (N−nᵢ)C(1,2)) q = 4/27 · 23/27 + 0 = 92/729.
    close_some(b.expected.representative, 4.0 / 27.0, "E representative");
    close_some(b.sd.representative, (92.0f64 / 729.0).sqrt(), "sd representative");
    // z = (1 − 4/27) / √(92/729) = (23/27) / (√92 / 27) = 23/√92 = 2.3979158…
    close_some(b.z.representative, 23.0 / 92.0f64.sqrt(), "z representative");
    close_some(b.z.gatekeeper, 23.0 / 92.0f64.sqrt(), "z gatekeeper");
    // Total: E = c (N−1)(N−2) = 8/27; Var = 8/27 · 23/27 + 2·2·1·0·q = 184/729;
    // z = (2 − 8/27) / √(184/729) = 46/√184 = 3.3911650…
    close_some(b.expected.total, 8.0 / 27.0, "E total");
    close_some(b.z.total, 46.0 / 184.0f64.sqrt(), "z total");
    // Coordinator: E = c (nᵢ−1)(nᵢ−2) = 0 and Var = 0, so z is undefined (sna: NaN).
    close_some(b.expected.coordinator, 0.0, "E coordinator");
    assert_eq!(b.z.coordinator, None);
    // c is alone in group B (nᵢ = 1): itinerant E = c Σ_{j≠i} nⱼ(nⱼ−1) = 4/27 · 2 = 8/27,
    // Var = 8/27 · 23/27 + 2 · 2·1·0 · q = 184/729, z = (0 − 8/27)/√(184/729) = −8/√184.
    let c = &result.nodes[2];
    close_some(c.expected.itinerant, 8.0 / 27.0, "E itinerant of c");
    close_some(c.z.itinerant, -8.0 / 184.0f64.sqrt(), "z itinerant of c");
    assert_eq!(c.z.representative, None);

    // These are R sna 2.7's numbers for the same graph:
    // brokerage(g, c("A","A","B"))$z.nli[2, ] = NaN NaN 2.3979158 2.3979158 NaN 3.3911650.
}

#[test]
fn directed_star_worked_by_hand() {
    // Hub h with spokes: x1 → h, x2 → h (group X), h → y1, h → y2 (group Y), h in group H.
    // Two-paths xi → h → yj: 4, none closed, each X → H → Y: liaison. No others: the spokes
    // have no in-and-out arcs.
    let network = network(
        "id,group\nh,H\nx1,X\nx2,X\ny1,Y\ny2,Y\n",
        "source,target,layer\nx1,h,funding\nx2,h,funding\nh,y1,funding\nh,y2,funding\n",
    );
    let view = view_of(&network);
    let groups = group_nodes(&network, &view, &GroupBy::Attribute("group".into())).unwrap();
    let roles = brokerage_roles(&view, &groups).unwrap();
    assert_eq!(roles[0].liaison, 4);
    assert_eq!(roles[0].total, 4);
    assert!(roles[1..].iter().all(|r| r.total == 0));
    // With h in group X instead, the same paths are X → X → Y: representative.
    let same = vec![0, 0, 0, 1, 1];
    let roles = brokerage_roles(&view, &grouping(&same)).unwrap();
    assert_eq!((roles[0].representative, roles[0].total), (4, 4));
    // And with h in group Y: X → Y → Y, gatekeeper.
    let same = vec![1, 0, 0, 1, 1];
    let roles = brokerage_roles(&view, &grouping(&same)).unwrap();
    assert_eq!((roles[0].gatekeeper, roles[0].total), (4, 4));
    // A closing arc x1 → y1 removes exactly the path x1 → h → y1.
    let closed = self::network(
        "id,group\nh,H\nx1,X\nx2,X\ny1,Y\ny2,Y\n",
        "source,target,layer\nx1,h,funding\nx2,h,funding\nh,y1,funding\nh,y2,funding\nx1,y1,funding\n",
    );
    let view = view_of(&closed);
    let groups = group_nodes(&closed, &view, &GroupBy::Attribute("group".into())).unwrap();
    assert_eq!(brokerage_roles(&view, &groups).unwrap()[0].liaison, 3);
}

#[test]
fn undirected_star_counts_each_pair_of_spokes_twice() {
    // Undirected star: centre s (group A), leaves l1, l2 (A) and l3 (B). Ordered pairs of
    // distinct leaves: 6, none tied. (l1,l2),(l2,l1): A→A→A coordinator ×2;
    // (l1,l3),(l2,l3): A→A→B representative ×2; (l3,l1),(l3,l2): B→A→A gatekeeper ×2.
    let network = network(
        "id,group\ns,A\nl1,A\nl2,A\nl3,B\n",
        "source,target,layer\ns,l1,collaboration\ns,l2,collaboration\ns,l3,collaboration\n",
    );
    let view = view_of(&network);
    let groups = group_nodes(&network, &view, &GroupBy::Attribute("group".into())).unwrap();
    let roles = brokerage_roles(&view, &groups).unwrap();
    let centre = view.node(network.actor_id("s").unwrap()).unwrap() as usize;
    assert_eq!(
        roles[centre],
        Roles {
            coordinator: 2,
            itinerant: 0,
            gatekeeper: 2,
            representative: 2,
            liaison: 0,
            total: 6
        }
    );
}

#[test]
fn constraint_and_effective_size_worked_by_hand() {
    // Undirected: a–b, a–c, a–d, b–c (unweighted).
    // Mutual weights a_ij = 2 for every tie; p_ij = 1/deg(i).
    // a: N(a) = {b, c, d}, p = 1/3 each; b: {a, c} p = 1/2; c: {a, b} p = 1/2; d: {a} p = 1.
    // constraint(a) = Σ_j (p_aj + Σ_w p_aw p_wj)²:
    //   j = b: 1/3 + p_ac p_cb = 1/3 + 1/3 · 1/2 = 1/2 → 1/4
    //   j = c: 1/3 + p_ab p_bc = 1/2 → 1/4
    //   j = d: 1/3 + 0 → 1/9
    //   total 1/4 + 1/4 + 1/9 = 11/18.
    // constraint(b): j = a: 1/2 + p_bc p_ca = 1/2 + 1/4 = 3/4 → 9/16;
    //   j = c: 1/2 + p_ba p_ac = 1/2 + 1/2 · 1/3 = 2/3 → 4/9; total 9/16 + 4/9 = 145/144.
    // constraint(d): j = a: 1 → 1.
    // Effective size (Borgatti n − 2t/n): a: n = 3, t = 1 (b–c) → 3 − 2/3 = 7/3;
    //   b: n = 2, t = 1 (a–c) → 2 − 1 = 1; d: n = 1, t = 0 → 1.
    let network = network(
        "id\na\nb\nc\nd\ne\n",
        "source,target,layer,weight\na,b,collaboration,1\na,c,collaboration,2\na,d,collaboration,1\nb,c,collaboration,1\n",
    );
    let view = view_of(&network);
    let groups = grouping(&vec![0; view.n_nodes()]);
    let result = brokerage(&view, &groups, &BrokerageConfig::default()).unwrap();
    let n = &result.nodes;
    close_some(n[0].constraint, 11.0 / 18.0, "constraint a");
    close_some(n[1].constraint, 145.0 / 144.0, "constraint b");
    close_some(n[2].constraint, 145.0 / 144.0, "constraint c");
    close_some(n[3].constraint, 1.0, "constraint d");
    close_some(n[0].effective_size, 7.0 / 3.0, "effective size a");
    close_some(n[1].effective_size, 1.0, "effective size b");
    close_some(n[3].effective_size, 1.0, "effective size d");
    // e is an isolate: undefined (NetworkX: nan).
    assert_eq!((n[4].constraint, n[4].effective_size), (None, None));
    // The expected values were not asked for.
    assert_eq!(n[0].expected, Roles::default());

    // Weighted, same graph with w(a–c) = 2: a_ij = 2w. Row sums: a: 2+4+2 = 8, b: 2+2 = 4,
    // c: 4+2 = 6, d: 2. p_ab = 1/4, p_ac = 1/2, p_ad = 1/4; p_ba = p_bc = 1/2;
    // p_ca = 2/3, p_cb = 1/3; p_da = 1.
    // constraint(a): j=b: 1/4 + p_ac p_cb = 1/4 + 1/6 = 5/12 → 25/144;
    //   j=c: 1/2 + p_ab p_bc = 1/2 + 1/8 = 5/8 → 25/64; j=d: 1/4 → 1/16.
    //   total 25/144 + 25/64 + 1/16 = (100 + 225 + 36)/576 = 361/576.
    // Effective size (general formula) with maxima: a: 4, b: 2, c: 4, d: 2;
    //   m_ba = 1, m_bc = 1, m_ca = 1, m_cb = 1/2.
    //   a: j=b: 1 − p_ac m_bc = 1 − 1/2 = 1/2; j=c: 1 − p_ab m_cb = 1 − 1/8 = 7/8;
    //   j=d: 1 − 0 = 1 → 19/8.
    let weighted = BrokerageConfig { weighted: true, expected: false };
    let result = brokerage(&view, &groups, &weighted).unwrap();
    close_some(result.nodes[0].constraint, 361.0 / 576.0, "weighted constraint a");
    close_some(result.nodes[0].effective_size, 19.0 / 8.0, "weighted effective size a");
}

#[test]
fn directed_mutual_weights_sum_both_arcs() {
    // a → b, b → a, a → c (directed, unweighted). a_ab = 2, a_ac = 1: p_ab = 2/3,
    // p_ac = 1/3; b and c have only a: p = 1. No ties between b and c.
    // constraint(a) = (2/3)² + (1/3)² = 5/9; constraint(b) = 1; constraint(c) = 1 (c only
    // receives, and is still scored, as NetworkX's matrix code does).
    // effective size (general formula): a: Σ_j (1 − Σ_w p_aw m_jw) = 1 + 1 = 2 (b and c are
    // not tied); b: 1 − p_ba m_aa = 1.
    let network =
        network("id\na\nb\nc\n", "source,target,layer\na,b,funding\nb,a,funding\na,c,funding\n");
    let view = view_of(&network);
    let result = brokerage(&view, &grouping(&[0, 0, 0]), &BrokerageConfig::default()).unwrap();
    close_some(result.nodes[0].constraint, 5.0 / 9.0, "constraint a");
    close_some(result.nodes[2].constraint, 1.0, "constraint c");
    close_some(result.nodes[0].effective_size, 2.0, "effective size a");
    close_some(result.nodes[1].effective_size, 1.0, "effective size b");
}

#[test]
fn general_effective_size_equals_borgatti_on_undirected_graphs() {
    for seed in 0..6 {
        let (network, _) = random_network(100 + seed, 15, 0.3, false);
        let view = view_of(&network);
        let mutual = MutualTies::new(&view, false);
        let mut scratch = HoleScratch {
            stamp: vec![u32::MAX; view.n_nodes()],
            indirect: vec![0.0; view.n_nodes()],
            redundancy: vec![0.0; view.n_nodes()],
        };
        for node in 0..view.n_nodes() {
            let general = mutual.holes_of(node, false, &mut scratch).1;
            let borgatti = mutual.holes_of(node, true, &mut scratch).1;
            match (general, borgatti) {
                (Some(x), Some(y)) => close(x, y, "effective size"),
                (x, y) => assert_eq!(x, y),
            }
        }
    }
}

#[test]
fn empty_views_single_groups_and_bad_groupings_do_not_panic() {
    let network = network("id\na\n", "source,target\n");
    let view = view_of(&network);
    let config = BrokerageConfig { weighted: true, expected: true };
    let result = brokerage(&view, &grouping(&[0]), &config).unwrap();
    assert_eq!(result.density, None);
    assert_eq!(result.nodes[0].expected, Roles::default());
    assert_eq!(result.nodes[0].constraint, None);
    assert!(matches!(
        brokerage(&view, &grouping(&[]), &config),
        Err(AnalysisError::InvalidParameter(_))
    ));

    let spec = ViewSpec { layers: Some(vec![LayerChoice::Comembership]), ..ViewSpec::default() };
    let empty = View::build(&network, &spec).unwrap();
    let result = brokerage(&empty, &grouping(&[0]), &config).unwrap();
    assert_eq!(result.nodes.len(), 1);

    // One group only: itinerant and liaison expectations are 0 with sd 0, so z is None.
    let (network, _) = random_network(3, 10, 0.4, true);
    let view = view_of(&network);
    let result = brokerage(&view, &grouping(&[5; 10]), &config).unwrap();
    for node in &result.nodes {
        assert_eq!(node.expected.itinerant, Some(0.0));
        assert_eq!(node.z.liaison, None);
        assert!(node.z.coordinator.is_some());
    }
}

#[test]
fn groupings_by_sector_level_side_and_missing_values() {
    let network = network(
        "id,sector,level,parent,region\n\
         rijk,government,national,,\n\
         min,government,national,rijk,\n\
         prov,government,provincial,,north\n\
         firm,business,,,south\n\
         club,,local,,north\n",
        "source,target\n",
    );
    let view = view_of(&network);
    // Labels of each actor, in file order (nodes are numbered by id).
    let labels = |grouping: &Grouping| -> Vec<String> {
        ["rijk", "min", "prov", "firm", "club"]
            .iter()
            .map(|key| {
                let node = view.node(network.actor_id(key).unwrap()).unwrap();
                grouping.label(node).to_owned()
            })
            .collect()
    };
    let sector = group_nodes(&network, &view, &GroupBy::Sector).unwrap();
    assert_eq!(labels(&sector), ["government", "government", "government", "business", NO_GROUP]);
    assert_eq!(sector.labels.len(), 3);
    let level = group_nodes(&network, &view, &GroupBy::Level).unwrap();
    assert_eq!(labels(&level), ["national", "national", "provincial", NO_GROUP, "local"]);
    let side = group_nodes(&network, &view, &GroupBy::Side).unwrap();
    assert_eq!(labels(&side), ["rijk", "rijk", "region", "region", "region"]);
    let region = group_nodes(&network, &view, &GroupBy::Attribute("region".into())).unwrap();
    assert_eq!(labels(&region), [NO_GROUP, NO_GROUP, "north", "south", "north"]);
    let unknown = group_nodes(&network, &view, &GroupBy::Attribute("colour".into()));
    assert!(
        matches!(&unknown, Err(AnalysisError::InvalidParameter(m)) if m.contains("`region`")),
        "{unknown:?}"
    );
    assert_eq!(GroupBy::Kind.name(), "kind");
}

#[test]
fn ten_thousand_nodes_and_fifty_thousand_ties_are_fast() {
    // A G(n, m)-like directed graph: 10k nodes, ~50k arcs, 3 groups.
    let n = 10_000usize;
    let mut rng = Rng(42);
    let mut actors = String::from("id,group\n");
    for i in 0..n {
        actors.push_str(&format!("a{i},{}\n", ["x", "y", "z"][i % 3]));
    }
    let mut relations = String::from("source,target,layer\n");
    for _ in 0..50_000 {
        let a = rng.next() as usize % n;
        let b = rng.next() as usize % n;
        if a != b {
            relations.push_str(&format!("a{a},a{b},funding\n"));
        }
    }
    let network = self::network(&actors, &relations);
    let view = view_of(&network);
    let groups = group_nodes(&network, &view, &GroupBy::Attribute("group".into())).unwrap();
    let started = std::time::Instant::now();
    let config = BrokerageConfig { weighted: true, expected: true };
    let result = brokerage(&view, &groups, &config).unwrap();
    assert_eq!(result.nodes.len(), n);
    assert!(started.elapsed().as_secs_f64() < 10.0, "took {:?}", started.elapsed());
}

#[test]
fn a_star_of_a_hundred_thousand_leaves_is_counted_not_walked() {
    // Undirected star: hub h (group A) and 100,000 leaves in groups A, B, C by i % 3, with
    // leaf i tied to leaf i + 1 for the first ten leaves. Walking the hub's two-paths would be
    // 10^10 steps; counting them by group is linear.
    let n_leaves = 100_000usize;
    let group = |i: usize| ["A", "B", "C"][i % 3];
    let mut actors = String::from("id,group\nh,A\n");
    let mut relations = String::from("source,target,layer\n");
    for i in 0..n_leaves {
        actors.push_str(&format!("l{i},{}\n", group(i)));
        relations.push_str(&format!("h,l{i},collaboration\n"));
    }
    for i in 0..10 {
        relations.push_str(&format!("l{i},l{},collaboration\n", i + 1));
    }
    let network = self::network(&actors, &relations);
    let view = view_of(&network);
    let groups = group_nodes(&network, &view, &GroupBy::Attribute("group".into())).unwrap();
    let started = std::time::Instant::now();
    let result = brokerage(&view, &groups, &BrokerageConfig::default()).unwrap();
    let hub = &result.nodes[view.node(network.actor_id("h").unwrap()).unwrap() as usize];

    // Ordered pairs of distinct leaves by (source group, target group), less the tied pairs
    // (both directions of l_i – l_{i+1}, i < 10).
    let size = |g: &str| (0..n_leaves).filter(|&i| group(i) == g).count() as u64;
    let (a, b, c) = (size("A"), size("B"), size("C"));
    let mut pairs = std::collections::HashMap::new();
    for (x, nx) in [("A", a), ("B", b), ("C", c)] {
        for (y, ny) in [("A", a), ("B", b), ("C", c)] {
            pairs.insert((x, y), if x == y { nx * (nx - 1) } else { nx * ny });
        }
    }
    for i in 0..10 {
        *pairs.get_mut(&(group(i), group(i + 1))).unwrap() -= 1;
        *pairs.get_mut(&(group(i + 1), group(i))).unwrap() -= 1;
    }
    let pair = |x, y| pairs[&(x, y)];
    assert_eq!(hub.raw.coordinator, pair("A", "A"));
    assert_eq!(hub.raw.representative, pair("A", "B") + pair("A", "C"));
    assert_eq!(hub.raw.gatekeeper, pair("B", "A") + pair("C", "A"));
    assert_eq!(hub.raw.itinerant, pair("B", "B") + pair("C", "C"));
    assert_eq!(hub.raw.liaison, pair("B", "C") + pair("C", "B"));
    let all_leaves = n_leaves as u64;
    assert_eq!(hub.raw.total, all_leaves * (all_leaves - 1) - 20);
    // Burt: p = 1 / n for each contact j of the hub; a leaf w tied to j adds p · 1 / deg(w),
    // where leaves 1..9 have degree 3 (hub and two leaves) and leaves 0 and 10 degree 2.
    let p = 1.0 / n_leaves as f64;
    let degree = |w: usize| if (1..10).contains(&w) { 3.0 } else { 2.0 };
    let tied_leaves = (0..=10usize).map(|j| {
        let tied: Vec<usize> =
            [j.checked_sub(1), (j < 10).then_some(j + 1)].into_iter().flatten().collect();
        let indirect: f64 = tied.iter().map(|&w| p / degree(w)).sum();
        (p + indirect).powi(2)
    });
    let constraint = (n_leaves - 11) as f64 * p * p + tied_leaves.sum::<f64>();
    close_some(hub.constraint, constraint, "hub constraint");
    close_some(hub.effective_size, n_leaves as f64 - 20.0 / n_leaves as f64, "hub effective size");
    assert!(started.elapsed().as_secs_f64() < 60.0, "took {:?}", started.elapsed());
}
