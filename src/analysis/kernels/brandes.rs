//! Brandes' accumulation (2001) of single-source dependencies on the shortest-path DAG of a
//! search, with full or position-scaled credits (Geisberger, Sanders & Schultes 2008), summed
//! over sources in fixed chunks.

use super::paths::{PathGraph, PathScratch, UNREACHED, sums_over_sources};
use crate::analysis::progress::Progress;

/// How a source credits the nodes on its shortest paths to each target.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Credit {
    /// Brandes (2001): v gets σ_st(v) / σ_st for every target t, its dependency δ_s(v).
    Full,
    /// [`Credit::Full`] times a weight: the source stands for this many sources with the same
    /// dependencies (its structurally equivalent twins).
    Weighted(f64),
    /// Scaled by position (Geisberger, Sanders & Schultes 2008): v gets
    /// σ_st(v) / σ_st · a(d(s, v)) / (a(d(s, t)) + β) with a(d) = d + β, `offset` = β. Since
    /// d(s, v) + d(v, t) = d(s, t), a search from s and one towards t together credit v with
    /// σ_st(v) / σ_st exactly. β = 0 is linear scaling; β must be above −ℓ for the shortest
    /// tie ℓ, so that every credit stays positive.
    Scaled {
        /// β.
        offset: f64,
        /// A factor on every credit of this source (its sampling weight).
        weight: f64,
    },
}

/// Relative difference under which two weighted path lengths count as equal (igraph's
/// `IGRAPH_SHORTEST_PATH_EPSILON`). Lengths such as 1/3 + 1/6 and 1/2 are equal in exact
/// arithmetic but not in floating point; NetworkX's `==` splits them, which makes its weighted
/// betweenness depend on rounding. With the tolerance, ties are the exact-arithmetic ties for
/// any realistic weights.
const TIE_TOLERANCE: f64 = 1e-10;

/// How many places ahead in the queue a breadth-first search touches a node's row, so that
/// the row's cache miss overlaps the work on the rows before it (safe Rust has no prefetch
/// instruction; a load whose value nobody waits for does the same).
const LOOKAHEAD: usize = 4;

impl PathScratch {
    /// Brandes (2001) for one source: adds δ_s(v), the dependency of the source on every other
    /// node v, to `sums[v]`.
    ///
    /// Symbols as in the paper: S = `order`, σ = `sigma`, δ = `sigma[w] * acc`. Predecessor
    /// lists are not stored: w's successors are the x with d(x) = d(w) + len(w, x), found by
    /// scanning w's row again, and δ(w) = σ(w) · Σ_x (1 + δ(x)) / σ(x).
    ///
    /// With [`Credit::Scaled`] it adds the dependency scaled by position instead.
    fn accumulate_dependencies(
        &mut self,
        graph: &PathGraph,
        source: u32,
        credit: Credit,
        sums: &mut [f64],
    ) {
        match &graph.lengths {
            None => self.dependencies_by_hops(graph, source, credit, sums),
            Some(lengths) => self.dependencies_by_length(graph, lengths, source, credit, sums),
        }
    }

    fn dependencies_by_hops(
        &mut self,
        graph: &PathGraph,
        source: u32,
        credit: Credit,
        sums: &mut [f64],
    ) {
        // Fixed-size buffers walked by index: the hot loop then keeps every array's address
        // and length in registers (a `Vec::push` would force reloads) and never reallocates.
        let n = self.hops.len();
        if self.order.len() != n {
            self.order.resize(n, 0);
        }
        if self.successor_offsets.len() != n + 1 {
            self.successor_offsets.resize(n + 1, 0);
        }
        if self.successors.len() < graph.targets.len() {
            self.successors.resize(graph.targets.len(), 0);
        }
        let hops = &mut self.hops[..];
        let sigma = &mut self.sigma[..];
        let order = &mut self.order[..];
        let successors = &mut self.successors[..];
        let successor_offsets = &mut self.successor_offsets[..];
        // Forward: BFS counting paths (σ) and recording each node's shortest-path successors.
        order[0] = source;
        hops[source as usize] = 0;
        sigma[source as usize] = 1.0;
        let (mut head, mut tail, mut n_successors) = (0, 1, 0);
        while head < tail {
            let v = order[head];
            successor_offsets[head] = n_successors as u32;
            if let Some(&ahead) = order[..tail].get(head + LOOKAHEAD) {
                let first = graph.offsets[ahead as usize] as usize;
                std::hint::black_box(graph.targets.get(first).copied());
            }
            head += 1;
            let next = hops[v as usize] + 1;
            let sigma_v = sigma[v as usize];
            for &w in &graph.targets[graph.range(v)] {
                let hops_w = hops[w as usize];
                if hops_w == UNREACHED {
                    hops[w as usize] = next;
                    sigma[w as usize] = sigma_v;
                    order[tail] = w;
                    tail += 1;
                    successors[n_successors] = w;
                    n_successors += 1;
                } else if hops_w == next {
                    sigma[w as usize] += sigma_v;
                    successors[n_successors] = w;
                    n_successors += 1;
                }
            }
        }
        successor_offsets[tail] = n_successors as u32;
        let order = &order[..tail];
        let dag = Dag { order, successors, successor_offsets: &successor_offsets[..=tail], sigma };
        match credit {
            Credit::Full => accumulate(&dag, &mut self.coefficient, sums, 1.0),
            Credit::Weighted(weight) => accumulate(&dag, &mut self.coefficient, sums, weight),
            Credit::Scaled { offset, weight } => accumulate_scaled(
                &dag,
                |v| f64::from(hops[v]) + offset,
                offset,
                weight,
                &mut self.coefficient,
                sums,
            ),
        }
        for &v in order {
            hops[v as usize] = UNREACHED;
        }
    }

    fn dependencies_by_length(
        &mut self,
        graph: &PathGraph,
        lengths: &[f64],
        source: u32,
        credit: Credit,
        sums: &mut [f64],
    ) {
        self.dijkstra(graph, lengths, source);
        let PathScratch {
            length, sigma, coefficient, order, successors, successor_offsets, ..
        } = self;
        for &v in order.iter() {
            sigma[v as usize] = 0.0;
        }
        sigma[source as usize] = 1.0;
        successors.clear();
        successor_offsets.clear();
        // σ in settling order: every predecessor is settled (strictly shorter) before its
        // successor. The strict `<` keeps a step absorbed by rounding from making two nodes
        // each other's predecessor.
        for &v in order.iter() {
            successor_offsets.push(successors.len() as u32);
            let (d_v, sigma_v) = (length[v as usize], sigma[v as usize]);
            let range = graph.range(v);
            for (&w, &len) in graph.targets[range.clone()].iter().zip(&lengths[range]) {
                let d_w = length[w as usize];
                if d_v < d_w && d_v + len - d_w <= TIE_TOLERANCE * d_w {
                    sigma[w as usize] += sigma_v;
                    successors.push(w);
                }
            }
        }
        successor_offsets.push(successors.len() as u32);
        let dag = Dag { order, successors, successor_offsets, sigma };
        match credit {
            Credit::Full => accumulate(&dag, coefficient, sums, 1.0),
            Credit::Weighted(weight) => accumulate(&dag, coefficient, sums, weight),
            Credit::Scaled { offset, weight } => {
                accumulate_scaled(&dag, |v| length[v] + offset, offset, weight, coefficient, sums);
            }
        }
        self.reset_dijkstra();
    }
}

/// The shortest-path DAG one search found: S (nodes in the order their distance became final),
/// each node's successors on shortest paths, and σ.
struct Dag<'a> {
    order: &'a [u32],
    /// Successors of `order[i]`: `successors[successor_offsets[i]..successor_offsets[i + 1]]`.
    successors: &'a [u32],
    successor_offsets: &'a [u32],
    sigma: &'a [f64],
}

impl Dag<'_> {
    #[inline]
    fn successors_at(&self, position: usize) -> &[u32] {
        let from = self.successor_offsets[position] as usize;
        let to = self.successor_offsets[position + 1] as usize;
        &self.successors[from..to]
    }
}

/// Brandes' accumulation, last-settled node first: δ(w) = σ(w) · Σ_{x ∈ succ(w)} (1 + δ(x)) / σ(x),
/// added to `sums[w]` times `weight` (1: exactly δ(w)) for every node but the source
/// (`order[0]`).
fn accumulate(dag: &Dag<'_>, coefficient: &mut [f64], sums: &mut [f64], weight: f64) {
    for position in (1..dag.order.len()).rev() {
        let w = dag.order[position] as usize;
        let mut acc = 0.0;
        for &x in dag.successors_at(position) {
            acc += coefficient[x as usize];
        }
        let sigma_w = dag.sigma[w];
        let delta = sigma_w * acc;
        coefficient[w] = (1.0 + delta) / sigma_w;
        sums[w] += delta * weight;
    }
}

/// [`accumulate`] with [`Credit::Scaled`]. With b(d) = 1 / (d + 2β) and
/// A(w) = Σ_t σ_st(w) / σ_st · b(d(s, t)), Brandes' recursion holds for targets weighted by b:
/// A(w) = σ(w) · Σ_{x ∈ succ(w)} (b(d(x)) + A(x)) / σ(x), and w is credited a(d(w)) · A(w),
/// where `distance` gives a(d) = d + β; every credit is multiplied by `weight`.
fn accumulate_scaled(
    dag: &Dag<'_>,
    distance: impl Fn(usize) -> f64,
    offset: f64,
    weight: f64,
    coefficient: &mut [f64],
    sums: &mut [f64],
) {
    for position in (1..dag.order.len()).rev() {
        let w = dag.order[position] as usize;
        let mut acc = 0.0;
        for &x in dag.successors_at(position) {
            acc += coefficient[x as usize];
        }
        let (sigma_w, d_w) = (dag.sigma[w], distance(w));
        let weighted = sigma_w * acc;
        coefficient[w] = (1.0 / (d_w + offset) + weighted) / sigma_w;
        sums[w] += weight * d_w * weighted;
    }
}

/// Σ_s δ_s(v) over `sources` for every node v: raw (unnormalized) betweenness, counting each
/// ordered pair (s, t) once — on an undirected view every unordered pair counts twice.
///
/// Parallel over fixed chunks of sources; the sum is bit-identical at any thread count.
///
/// # Complexity
/// O(k·m) hop counts, O(k·(m + n log n)) weighted, for k sources; memory O(n) per thread plus
/// the partial sums of one wave (bounded by `WAVE_BUDGET`).
pub(crate) fn dependency_sums(
    graph: &PathGraph,
    sources: &[u32],
    progress: &dyn Progress,
) -> Vec<f64> {
    let sources: Vec<(u32, Credit)> = sources.iter().map(|&s| (s, Credit::Full)).collect();
    credit_sums(graph, &sources, progress)
}

/// Σ_s weight_s · δ_s(v) over `sources` (node, weight) for every node v: [`dependency_sums`]
/// where one source stands for several with the same dependencies. As [`dependency_sums`]
/// otherwise; with every weight 1, bit-identical to it.
pub(crate) fn weighted_dependency_sums(
    graph: &PathGraph,
    sources: &[(u32, f64)],
    progress: &dyn Progress,
) -> Vec<f64> {
    let sources: Vec<(u32, Credit)> =
        sources.iter().map(|&(s, weight)| (s, Credit::Weighted(weight))).collect();
    credit_sums(graph, &sources, progress)
}

/// Σ_p weight_p · credit_p(v) over `pivots` (node, weight) for every node v, with credits scaled
/// by position with β = `offset` ([`Credit::Scaled`]). As [`dependency_sums`] otherwise.
pub(crate) fn scaled_credit_sums(
    graph: &PathGraph,
    pivots: &[(u32, f64)],
    offset: f64,
    progress: &dyn Progress,
) -> Vec<f64> {
    let sources: Vec<(u32, Credit)> =
        pivots.iter().map(|&(s, weight)| (s, Credit::Scaled { offset, weight })).collect();
    credit_sums(graph, &sources, progress)
}

fn credit_sums(graph: &PathGraph, sources: &[(u32, Credit)], progress: &dyn Progress) -> Vec<f64> {
    let total =
        sums_over_sources(graph, sources, 1, progress, |scratch, (source, credit), sums| {
            let source = graph.internal[source as usize];
            scratch.accumulate_dependencies(graph, source, credit, sums);
        });
    graph.in_view_order(&total)
}
