//! Graph-level descriptives of a methods section: transitivity, average clustering, average
//! shortest path length and diameter per component, and the directed triad census.

use rayon::prelude::*;

use super::cohesion::graph::{IN, OUT, Undirected};
use crate::model::ActorId;
use crate::view::View;

/// The 16 triad types of Holland & Leinhardt's MAN labels, in the order of
/// [`Descriptives::triad_census`] (and NetworkX `TRIAD_NAMES`).
pub const TRIAD_TYPES: [&str; 16] = [
    "003", "012", "102", "021D", "021U", "021C", "111D", "111U", "030T", "030C", "201", "120D",
    "120U", "120C", "210", "300",
];

/// The types a triad of an undirected view can have: every tie is mutual there.
pub const UNDIRECTED_TRIAD_TYPES: [&str; 4] = ["003", "102", "201", "300"];

/// Triad type (index into [`TRIAD_TYPES`]) by the code Σ 2^k over the arcs present among
/// (v→u, u→v, v→w, w→v, u→w, w→u): NetworkX's `TRICODES` less one.
const TRICODES: [u8; 64] = [
    0, 1, 1, 2, 1, 3, 5, 7, 1, 5, 4, 6, 2, 7, 6, 10, 1, 5, 3, 7, 4, 8, 8, 12, 5, 9, 8, 13, 6, 13,
    11, 14, 1, 4, 5, 6, 5, 8, 9, 13, 3, 8, 8, 11, 7, 12, 13, 14, 2, 6, 7, 10, 6, 11, 13, 14, 7, 13,
    12, 14, 10, 14, 14, 15,
];

/// Average shortest path length and diameter of one weak component.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ComponentPaths {
    /// Actors in the component.
    pub size: usize,
    /// Its actor with the smallest id.
    pub first: ActorId,
    /// Mean hop distance over its ordered pairs of distinct actors.
    pub average_path_length: f64,
    /// The largest hop distance between two of its actors.
    pub diameter: u32,
}

/// Graph-level descriptives of a view. Everything but the triad census reads the view as
/// undirected and unweighted: two actors are neighbours when a tie joins them either way, and
/// a path counts hops.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Descriptives {
    /// Transitivity (global clustering): 3 × triangles / connected triples =
    /// Σ_v T(v) / Σ_v d_v(d_v − 1)/2, with T(v) the triangles at v; 0 when there is no triple.
    /// NetworkX `transitivity(G.to_undirected())`.
    pub transitivity: f64,
    /// Average clustering (Watts & Strogatz 1998): the mean over all actors of
    /// c_v = 2T(v) / (d_v(d_v − 1)), where actors with fewer than two neighbours count 0.
    /// NetworkX `average_clustering(G.to_undirected())`; `None` on an empty view.
    pub average_clustering: Option<f64>,
    /// The weak components of two or more actors: the largest first, ties by first actor.
    pub components: Vec<ComponentPaths>,
    /// Actors tied to nobody (components of one, not listed in `components`).
    pub isolated: usize,
    /// The triad census (Holland & Leinhardt 1970): how many unordered triples of actors have
    /// each of the 16 types of [`TRIAD_TYPES`], read from the view's arcs (an undirected tie is
    /// mutual, so an undirected view has only [`UNDIRECTED_TRIAD_TYPES`]). Counts beyond
    /// `u64::MAX` (views of more than about 2.6 million actors) saturate. NetworkX
    /// `triadic_census` and R sna `triad.census`.
    pub triad_census: [u64; 16],
}

impl Descriptives {
    /// The largest component (see [`Descriptives::components`]), when any component has two
    /// actors or more.
    pub fn largest_component(&self) -> Option<&ComponentPaths> {
        self.components.first()
    }
}

/// The descriptives of `view`; see [`Descriptives`] for each figure.
///
/// Average path length and diameter are those of each weak component (a disconnected view has
/// no finite ones of its own): NetworkX `average_shortest_path_length` and `diameter` of each
/// component's subgraph of `G.to_undirected()`.
///
/// # Complexity
/// O(Σ_v d_v²) for the clustering figures, O(n·m) for the paths (one breadth-first search per
/// actor, over threads), O(m·Δ) for the triad census. Deterministic at any thread count: every
/// sum is of integers, or taken in node order.
pub fn descriptives(view: &View) -> Descriptives {
    let graph = Undirected::of(view);
    let n = graph.n_nodes();
    let triangles: Vec<u64> = (0..n as u32)
        .into_par_iter()
        .with_min_len(256)
        .map(|v| {
            let nv = graph.neighbors(v);
            let twice: usize = nv
                .iter()
                .map(|&u| crate::analysis::kernels::count_common(nv, graph.neighbors(u)))
                .sum();
            (twice / 2) as u64
        })
        .collect();
    let (mut closed, mut triples) = (0u128, 0u128);
    let mut clustering = 0.0;
    for v in 0..n as u32 {
        let d = graph.degree(v) as u128;
        let t = u128::from(triangles[v as usize]);
        closed += t;
        triples += d * d.saturating_sub(1) / 2;
        if d >= 2 {
            clustering += t as f64 / (d * (d - 1) / 2) as f64;
        }
    }
    let transitivity = if closed == 0 { 0.0 } else { closed as f64 / triples as f64 };
    let average_clustering = (n > 0).then(|| clustering / n as f64);
    let (components, isolated) = component_paths(view, &graph);
    Descriptives {
        transitivity,
        average_clustering,
        components,
        isolated,
        triad_census: census(&graph),
    }
}

/// The triad census of `view` alone; see [`Descriptives::triad_census`].
///
/// Batagelj & Mrvar's (2001) algorithm: each tied pair (v, u), v < u, counts the triads it
/// forms with the actors tied to neither (dyadic triads) and, once each, the triads with the
/// actors tied to one of them; the empty triads 003 are what is left of C(n, 3).
///
/// # Complexity
/// O(m·Δ) with Δ the largest degree; over threads, integer sums.
pub fn triad_census(view: &View) -> [u64; 16] {
    census(&Undirected::of(view))
}

fn census(graph: &Undirected) -> [u64; 16] {
    let n = graph.n_nodes();
    let counts = (0..n as u32)
        .into_par_iter()
        .with_min_len(256)
        .fold(
            || [0u128; 16],
            |mut counts, v| {
                count_triads_at(graph, v, &mut counts);
                counts
            },
        )
        .reduce(
            || [0u128; 16],
            |mut a, b| {
                for (x, y) in a.iter_mut().zip(b) {
                    *x += y;
                }
                a
            },
        );
    let n = n as u128;
    let all = if n >= 3 { n * (n - 1) * (n - 2) / 6 } else { 0 };
    let mut census = [0u64; 16];
    let listed: u128 = counts[1..].iter().sum();
    census[0] = u64::try_from(all.saturating_sub(listed)).unwrap_or(u64::MAX);
    for t in 1..16 {
        census[t] = u64::try_from(counts[t]).unwrap_or(u64::MAX);
    }
    census
}

/// The triads that the pairs (v, u > v) account for.
fn count_triads_at(graph: &Undirected, v: u32, counts: &mut [u128; 16]) {
    let n = graph.n_nodes() as u128;
    let (nv, dv) = (graph.neighbors(v), graph.directions(v));
    for (i, &u) in nv.iter().enumerate() {
        if u <= v {
            continue;
        }
        let vu = dv[i];
        let dyad = u32::from(vu & OUT != 0) | (u32::from(vu & IN != 0) << 1);
        let (nu, du) = (graph.neighbors(u), graph.directions(u));
        // S = N(v) ∪ N(u) \ {u, v}, walked in one merge.
        let (mut x, mut y) = (0, 0);
        let mut union = 0u128;
        while x < nv.len() || y < nu.len() {
            let a = nv.get(x).copied().unwrap_or(u32::MAX);
            let b = nu.get(y).copied().unwrap_or(u32::MAX);
            let w = a.min(b);
            let (from_v, from_u) = (
                if a == w {
                    let d = dv[x];
                    x += 1;
                    d
                } else {
                    0
                },
                if b == w {
                    let d = du[y];
                    y += 1;
                    d
                } else {
                    0
                },
            );
            if w == u || w == v {
                continue;
            }
            union += 1;
            if u < w || (v < w && w < u && from_v == 0) {
                let code = dyad
                    | (u32::from(from_v & OUT != 0) << 2)
                    | (u32::from(from_v & IN != 0) << 3)
                    | (u32::from(from_u & OUT != 0) << 4)
                    | (u32::from(from_u & IN != 0) << 5);
                counts[TRICODES[code as usize] as usize] += 1;
            }
        }
        let kind = if dyad == 3 { 2 } else { 1 };
        counts[kind] += n - union - 2;
    }
}

/// Per weak component of two or more actors: its average path length and diameter.
fn component_paths(view: &View, graph: &Undirected) -> (Vec<ComponentPaths>, usize) {
    let n = graph.n_nodes();
    let mut label = vec![u32::MAX; n];
    let mut queue: Vec<u32> = Vec::new();
    let mut sizes: Vec<(u32, usize)> = Vec::new();
    for start in 0..n as u32 {
        if label[start as usize] != u32::MAX {
            continue;
        }
        label[start as usize] = start;
        queue.clear();
        queue.push(start);
        let mut head = 0;
        while head < queue.len() {
            let node = queue[head];
            head += 1;
            for &next in graph.neighbors(node) {
                if label[next as usize] == u32::MAX {
                    label[next as usize] = start;
                    queue.push(next);
                }
            }
        }
        sizes.push((start, queue.len()));
    }
    // One breadth-first search per actor in a component of two or more: (Σ distances, eccentricity).
    let reach: Vec<(u64, u32)> = (0..n as u32)
        .into_par_iter()
        .with_min_len(64)
        .map_init(
            || (vec![u32::MAX; n], Vec::<u32>::new()),
            |(distance, queue), source| {
                if graph.degree(source) == 0 {
                    return (0, 0);
                }
                queue.clear();
                queue.push(source);
                distance[source as usize] = 0;
                let (mut sum, mut far) = (0u64, 0u32);
                let mut head = 0;
                while head < queue.len() {
                    let node = queue[head];
                    head += 1;
                    let d = distance[node as usize];
                    sum += u64::from(d);
                    far = far.max(d);
                    for &next in graph.neighbors(node) {
                        if distance[next as usize] == u32::MAX {
                            distance[next as usize] = d + 1;
                            queue.push(next);
                        }
                    }
                }
                for &node in queue.iter() {
                    distance[node as usize] = u32::MAX;
                }
                (sum, far)
            },
        )
        .collect();
    let mut total = vec![(0u128, 0u32); n];
    for v in 0..n {
        let slot = &mut total[label[v] as usize];
        slot.0 += u128::from(reach[v].0);
        slot.1 = slot.1.max(reach[v].1);
    }
    let isolated = sizes.iter().filter(|&&(_, size)| size == 1).count();
    let mut components: Vec<ComponentPaths> = sizes
        .iter()
        .filter(|&&(_, size)| size >= 2)
        .map(|&(first, size)| {
            let (sum, diameter) = total[first as usize];
            let pairs = (size as u128) * (size as u128 - 1);
            ComponentPaths {
                size,
                first: view.actor(first),
                average_path_length: sum as f64 / pairs as f64,
                diameter,
            }
        })
        .collect();
    components.sort_by(|a, b| b.size.cmp(&a.size).then(a.first.cmp(&b.first)));
    (components, isolated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_and_a_triangle() {
        // 0-1-2 path, 3-4-5 triangle, 6 alone.
        let arcs = [(0, 1, 1.0), (1, 2, 1.0), (3, 4, 1.0), (4, 5, 1.0), (5, 3, 1.0)];
        let view = View::from_arcs(7, arcs, false).unwrap();
        let d = descriptives(&view);
        // Triangles 3 (counted at each corner), triples 1 + 3 = 4 → 3/4.
        assert!((d.transitivity - 0.75).abs() < 1e-12);
        assert!((d.average_clustering.unwrap() - 3.0 / 7.0).abs() < 1e-12);
        assert_eq!(d.components.len(), 2);
        assert_eq!((d.components[0].size, d.components[0].diameter), (3, 2));
        assert!((d.components[0].average_path_length - 4.0 / 3.0).abs() < 1e-12);
        assert_eq!(d.components[1].diameter, 1);
        assert_eq!(d.isolated, 1);
        let total: u64 = d.triad_census.iter().sum();
        assert_eq!(total, 35);
        // 300: the triangle; 201: the path's middle; 102: ties with a third actor outside.
        assert_eq!(d.triad_census[15], 1);
        assert_eq!(d.triad_census[10], 1);
    }

    #[test]
    fn directed_triads() {
        // 0→1, 1→2, 0→2: a transitive triad 030T.
        let view = View::from_arcs(3, [(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0)], true).unwrap();
        let census = triad_census(&view);
        assert_eq!(census[8], 1);
        assert_eq!(census.iter().sum::<u64>(), 1);
        // 0→1, 1→2, 2→0: a cycle 030C.
        let view = View::from_arcs(3, [(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0)], true).unwrap();
        assert_eq!(triad_census(&view)[9], 1);
    }
}
