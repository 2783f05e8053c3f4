//! The inner loops of the centrality measures: Brandes' single-source accumulation, shortest-path
//! distances and power iterations, on a view's CSR rows with `u32` node indices.
//!
//! Parallel work is split the same way at every thread count: sources go in fixed-size chunks,
//! each chunk sums into its own vector, and the vectors are added in chunk order. Per-node
//! results (distances, power-iteration rows) are computed by one thread each. So every result is
//! bit-identical whether rayon runs one thread or many.

use rayon::prelude::*;

use super::progress::Progress;
use crate::view::Csr;

/// How long a tie is when shortest paths are measured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PathLength {
    /// Every tie has length 1: paths are counted in hops.
    #[default]
    Hops,
    /// A tie of weight `w` has length `1 / w` (Opsahl, Agneessens & Skvoretz 2010, α = 1):
    /// strong ties are short.
    InverseWeight,
}

/// How a source credits the nodes on its shortest paths to each target.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Credit {
    /// Brandes (2001): v gets σ_st(v) / σ_st for every target t, its dependency δ_s(v).
    Full,
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

/// Sources per chunk of parallel work. Fixed, so the reduction order never depends on the
/// number of threads.
const SOURCES_PER_CHUNK: usize = 32;

/// Partial sums (in `f64`s) that one wave of chunks may hold at once: about 32 MiB.
const WAVE_BUDGET: usize = 1 << 22;

/// Nodes per block when per-node work is spread over threads.
const NODES_PER_BLOCK: usize = 4096;

/// Below this many nodes, power iterations run on the calling thread (the arithmetic is the
/// same either way).
const PARALLEL_MIN_NODES: usize = 16_384;

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

/// Marks a node not reached by a breadth-first search.
const UNREACHED: u32 = u32::MAX;

/// The rows a path search walks, with each arc's length when paths are weighted, renumbered
/// for locality.
///
/// The searches touch a node's neighbours at random places of the per-node arrays. Numbered
/// in breadth-first order (from the node of highest degree, then from the highest-degree node
/// not yet reached, and so on), neighbours get nearby numbers, so they share cache lines: on a
/// Barabási–Albert graph of 100,000 nodes this saves a third of the time (little where the
/// arrays fit in the cache anyway). The numbering depends on
/// the view's rows only, so results stay deterministic; callers pass and get view node
/// numbers, and the renumbering never shows outside this module.
pub(crate) struct PathGraph {
    offsets: Vec<u32>,
    targets: Vec<u32>,
    /// `1 / weight` per arc, aligned with `targets`; `None` for hop counts.
    lengths: Option<Vec<f64>>,
    /// The view node of each internal node.
    view_node: Vec<u32>,
    /// The internal node of each view node.
    internal: Vec<u32>,
}

impl PathGraph {
    /// Walks the arcs of `rows` (outgoing arcs for paths from a source, incoming arcs for
    /// paths to it).
    pub(crate) fn new(rows: &Csr, length: PathLength) -> Self {
        let (view_offsets, view_targets, weights) = rows.parts();
        let n = view_offsets.len().saturating_sub(1);
        let view_node = breadth_first_numbering(view_offsets, view_targets);
        let mut internal = vec![0; n];
        for (new, &old) in view_node.iter().enumerate() {
            internal[old as usize] = new as u32;
        }
        let mut offsets = Vec::with_capacity(n + 1);
        let mut arcs: Vec<(u32, f64)> = Vec::with_capacity(view_targets.len());
        offsets.push(0);
        for &old in &view_node {
            let row = view_offsets[old as usize] as usize..view_offsets[old as usize + 1] as usize;
            let first = arcs.len();
            // Precomputed once, so the kernels never divide; `1.0 / w` is the very value
            // NetworkX sees as the `distance` attribute, so distances are bit-identical to
            // NetworkX's.
            arcs.extend(
                view_targets[row.clone()]
                    .iter()
                    .zip(&weights[row])
                    .map(|(&t, &w)| (internal[t as usize], 1.0 / w)),
            );
            arcs[first..].sort_unstable_by_key(|&(t, _)| t);
            offsets.push(arcs.len() as u32);
        }
        let targets = arcs.iter().map(|&(t, _)| t).collect();
        let lengths = match length {
            PathLength::Hops => None,
            PathLength::InverseWeight => Some(arcs.iter().map(|&(_, l)| l).collect()),
        };
        PathGraph { offsets, targets, lengths, view_node, internal }
    }

    /// Number of nodes.
    pub(crate) fn n_nodes(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// The view's nodes in breadth-first order: neighbours sit close together.
    pub(crate) fn nodes_in_breadth_first_order(&self) -> &[u32] {
        &self.view_node
    }

    /// The shortest tie: 1 for hop counts.
    pub(crate) fn shortest_tie(&self) -> f64 {
        match &self.lengths {
            None => 1.0,
            Some(lengths) => lengths.iter().copied().fold(f64::INFINITY, f64::min),
        }
    }

    #[inline]
    fn range(&self, node: u32) -> std::ops::Range<usize> {
        let i = node as usize;
        self.offsets[i] as usize..self.offsets[i + 1] as usize
    }

    /// Values per internal node, put in view node order.
    fn in_view_order<T: Copy + Default>(&self, values: &[T]) -> Vec<T> {
        let mut out = vec![T::default(); values.len()];
        for (&old, &value) in self.view_node.iter().zip(values) {
            out[old as usize] = value;
        }
        out
    }
}

/// The view nodes in breadth-first order: from the node of highest degree (the lowest-numbered
/// among equals), then from the highest-degree node not yet reached, until every node is placed.
fn breadth_first_numbering(offsets: &[u32], targets: &[u32]) -> Vec<u32> {
    let n = offsets.len().saturating_sub(1);
    let degree = |v: u32| offsets[v as usize + 1] - offsets[v as usize];
    let mut starts: Vec<u32> = (0..n as u32).collect();
    starts.sort_by_key(|&v| (std::cmp::Reverse(degree(v)), v));
    let mut placed = vec![false; n];
    let mut order = Vec::with_capacity(n);
    for start in starts {
        if placed[start as usize] {
            continue;
        }
        placed[start as usize] = true;
        let mut head = order.len();
        order.push(start);
        while head < order.len() {
            let v = order[head] as usize;
            head += 1;
            for &w in &targets[offsets[v] as usize..offsets[v + 1] as usize] {
                if !placed[w as usize] {
                    placed[w as usize] = true;
                    order.push(w);
                }
            }
        }
    }
    order
}

/// What a single-source search finds out about its source.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Reach {
    /// Nodes reached, the source included.
    pub(crate) reached: usize,
    /// Sum of the distances to the reached nodes (hop sums are exact integers).
    pub(crate) total_distance: f64,
    /// Sum of `1 / d` over the reached nodes other than the source.
    pub(crate) inverse_distance: f64,
}

/// Per-thread work space for path searches: flat arrays indexed by node, allocated once and
/// reset after each source by walking only the nodes that source reached.
struct PathScratch {
    /// Breadth-first distances; `UNREACHED` outside the current search.
    hops: Vec<u32>,
    /// Dijkstra distances; infinite outside the current search.
    length: Vec<f64>,
    /// Whether Dijkstra has fixed a node's distance.
    settled: Vec<bool>,
    /// σ: the number of shortest paths from the source (as `f64`, like NetworkX).
    sigma: Vec<f64>,
    /// (1 + δ) / σ of each node, read by its predecessors during accumulation.
    coefficient: Vec<f64>,
    /// S: the nodes in the order their distance became final (the BFS queue doubles as it).
    order: Vec<u32>,
    /// Successors on shortest paths, flat: those of `order[i]` are
    /// `successors[successor_offsets[i]..successor_offsets[i + 1]]`. Recorded during the
    /// forward pass so that accumulation walks only shortest-path arcs, with no second test of
    /// distances and no per-node lists.
    successors: Vec<u32>,
    successor_offsets: Vec<u32>,
    heap: IndexedHeap,
}

impl PathScratch {
    /// Work space for a graph of `n_nodes` nodes.
    fn new(n_nodes: usize) -> Self {
        PathScratch {
            hops: vec![UNREACHED; n_nodes],
            length: vec![f64::INFINITY; n_nodes],
            settled: vec![false; n_nodes],
            sigma: vec![0.0; n_nodes],
            coefficient: vec![0.0; n_nodes],
            order: Vec::with_capacity(n_nodes),
            successors: Vec::new(),
            successor_offsets: Vec::with_capacity(n_nodes + 1),
            heap: IndexedHeap::new(n_nodes),
        }
    }

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

    /// Distances from `source` along the rows of `graph`.
    fn reach(&mut self, graph: &PathGraph, source: u32) -> Reach {
        match &graph.lengths {
            None => self.reach_by_hops(graph, source),
            Some(lengths) => self.reach_by_length(graph, lengths, source),
        }
    }

    /// Breadth-first search from `source`: distances, and the visiting order.
    fn breadth_first(&mut self, graph: &PathGraph, source: u32) {
        let PathScratch { hops, order, .. } = self;
        order.clear();
        order.push(source);
        hops[source as usize] = 0;
        let mut head = 0;
        while head < order.len() {
            let v = order[head];
            head += 1;
            let next = hops[v as usize] + 1;
            for &w in &graph.targets[graph.range(v)] {
                if hops[w as usize] == UNREACHED {
                    hops[w as usize] = next;
                    order.push(w);
                }
            }
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
            Credit::Full => {
                accumulate(&dag, &mut self.coefficient, sums);
            }
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

    fn reach_by_hops(&mut self, graph: &PathGraph, source: u32) -> Reach {
        self.breadth_first(graph, source);
        let mut total: u64 = 0;
        let mut inverse = 0.0;
        for &v in &self.order[1..] {
            let d = self.hops[v as usize];
            total += u64::from(d);
            inverse += 1.0 / f64::from(d);
        }
        let reach = Reach {
            reached: self.order.len(),
            total_distance: total as f64,
            inverse_distance: inverse,
        };
        for &v in &self.order {
            self.hops[v as usize] = UNREACHED;
        }
        reach
    }

    /// Dijkstra with an indexed 4-ary heap: the shortest distance from `source` to every node it
    /// reaches, summed from the source outwards as NetworkX sums them, and the settling order.
    fn dijkstra(&mut self, graph: &PathGraph, lengths: &[f64], source: u32) {
        let PathScratch { length, settled, order, heap, .. } = self;
        order.clear();
        heap.clear();
        length[source as usize] = 0.0;
        heap.push_or_decrease(source, 0.0);
        while let Some((d, v)) = heap.pop() {
            settled[v as usize] = true;
            order.push(v);
            let range = graph.range(v);
            for (&w, &len) in graph.targets[range.clone()].iter().zip(&lengths[range]) {
                if settled[w as usize] {
                    continue;
                }
                let candidate = d + len;
                if candidate < length[w as usize] {
                    length[w as usize] = candidate;
                    heap.push_or_decrease(w, candidate);
                }
            }
        }
    }

    fn reset_dijkstra(&mut self) {
        for &v in &self.order {
            self.length[v as usize] = f64::INFINITY;
            self.settled[v as usize] = false;
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
            Credit::Full => {
                accumulate(&dag, coefficient, sums);
            }
            Credit::Scaled { offset, weight } => {
                accumulate_scaled(&dag, |v| length[v] + offset, offset, weight, coefficient, sums);
            }
        }
        self.reset_dijkstra();
    }

    fn reach_by_length(&mut self, graph: &PathGraph, lengths: &[f64], source: u32) -> Reach {
        self.dijkstra(graph, lengths, source);
        let mut total = 0.0;
        let mut inverse = 0.0;
        for &v in &self.order {
            let d = self.length[v as usize];
            total += d;
            if d > 0.0 {
                inverse += 1.0 / d;
            }
        }
        let reach =
            Reach { reached: self.order.len(), total_distance: total, inverse_distance: inverse };
        self.reset_dijkstra();
        reach
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
/// added to `sums[w]` for every node but the source (`order[0]`).
fn accumulate(dag: &Dag<'_>, coefficient: &mut [f64], sums: &mut [f64]) {
    for position in (1..dag.order.len()).rev() {
        let w = dag.order[position] as usize;
        let mut acc = 0.0;
        for &x in dag.successors_at(position) {
            acc += coefficient[x as usize];
        }
        let sigma_w = dag.sigma[w];
        let delta = sigma_w * acc;
        coefficient[w] = (1.0 + delta) / sigma_w;
        sums[w] += delta;
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

/// Dijkstra's priority queue: a 4-ary min-heap of (tentative distance, node) with at most one
/// entry per node, whose key a shorter path lowers in place (decrease-key). Fewer and shallower
/// sifts than a binary heap holding a stale entry per relaxation.
struct IndexedHeap {
    entries: Vec<(f64, u32)>,
    /// Where each node sits in `entries`; `UNREACHED` when it is not in the heap.
    position: Vec<u32>,
}

impl IndexedHeap {
    fn new(n_nodes: usize) -> Self {
        IndexedHeap { entries: Vec::new(), position: vec![UNREACHED; n_nodes] }
    }

    fn clear(&mut self) {
        for (_, node) in self.entries.drain(..) {
            self.position[node as usize] = UNREACHED;
        }
    }

    /// Inserts `node` with `key`, or lowers its key to `key` when it is already queued.
    fn push_or_decrease(&mut self, node: u32, key: f64) {
        let at = match self.position[node as usize] {
            UNREACHED => {
                self.entries.push((key, node));
                self.entries.len() - 1
            }
            at => {
                self.entries[at as usize].0 = key;
                at as usize
            }
        };
        self.sift_up(at);
    }

    /// Removes and returns the entry with the smallest key (then the smallest node).
    fn pop(&mut self) -> Option<(f64, u32)> {
        let last = self.entries.pop()?;
        let top = match self.entries.first_mut() {
            Some(first) => std::mem::replace(first, last),
            None => last,
        };
        self.position[top.1 as usize] = UNREACHED;
        if !self.entries.is_empty() {
            self.sift_down(0);
        }
        Some(top)
    }

    #[inline]
    fn before(a: (f64, u32), b: (f64, u32)) -> bool {
        a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
    }

    fn sift_up(&mut self, mut at: usize) {
        let entry = self.entries[at];
        while at > 0 {
            let parent = (at - 1) / 4;
            let above = self.entries[parent];
            if !Self::before(entry, above) {
                break;
            }
            self.entries[at] = above;
            self.position[above.1 as usize] = at as u32;
            at = parent;
        }
        self.entries[at] = entry;
        self.position[entry.1 as usize] = at as u32;
    }

    fn sift_down(&mut self, mut at: usize) {
        let entry = self.entries[at];
        let len = self.entries.len();
        loop {
            let first = 4 * at + 1;
            if first >= len {
                break;
            }
            let mut best = first;
            for child in first + 1..(first + 4).min(len) {
                if Self::before(self.entries[child], self.entries[best]) {
                    best = child;
                }
            }
            let below = self.entries[best];
            if !Self::before(below, entry) {
                break;
            }
            self.entries[at] = below;
            self.position[below.1 as usize] = at as u32;
            at = best;
        }
        self.entries[at] = entry;
        self.position[entry.1 as usize] = at as u32;
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
    let n = graph.n_nodes();
    let mut total = vec![0.0; n];
    if n == 0 {
        return total;
    }
    progress.planned(sources.len() as u64);
    let chunks_per_wave = (WAVE_BUDGET / n).clamp(16, 256);
    for wave in sources.chunks(SOURCES_PER_CHUNK * chunks_per_wave) {
        let partials: Vec<Vec<f64>> = wave
            .par_chunks(SOURCES_PER_CHUNK)
            .map_init(
                || PathScratch::new(n),
                |scratch, chunk| {
                    let mut partial = vec![0.0; n];
                    for &(source, credit) in chunk {
                        let source = graph.internal[source as usize];
                        scratch.accumulate_dependencies(graph, source, credit, &mut partial);
                    }
                    progress.done(chunk.len() as u64);
                    partial
                },
            )
            .collect();
        add_in_order(&mut total, &partials);
    }
    graph.in_view_order(&total)
}

/// Adds `partials` to `total` element by element, always in the order of `partials`.
fn add_in_order(total: &mut [f64], partials: &[Vec<f64>]) {
    total.par_chunks_mut(NODES_PER_BLOCK).enumerate().for_each(|(block, slots)| {
        let start = block * NODES_PER_BLOCK;
        for partial in partials {
            for (slot, value) in slots.iter_mut().zip(&partial[start..]) {
                *slot += value;
            }
        }
    });
}

/// The [`Reach`] of every node as a source along `graph`'s rows, in node order.
///
/// # Complexity
/// O(n·m) hop counts, O(n·(m + n log n)) weighted; parallel over nodes.
pub(crate) fn reaches(graph: &PathGraph, progress: &dyn Progress) -> Vec<Reach> {
    let n = graph.n_nodes();
    progress.planned(n as u64);
    let reaches: Vec<Reach> = (0..n as u32)
        .into_par_iter()
        .with_min_len(SOURCES_PER_CHUNK)
        .map_init(
            || PathScratch::new(n),
            |scratch, source| {
                let reach = scratch.reach(graph, source);
                progress.done(1);
                reach
            },
        )
        .collect();
    graph.in_view_order(&reaches)
}

/// When a power iteration stops.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Stopping {
    /// When the L1 change between iterates drops below the tolerance; failure after the
    /// given number of iterations.
    Tolerance {
        /// Largest L1 change accepted.
        tolerance: f64,
        /// Iterations allowed.
        max_iterations: usize,
    },
    /// After exactly this many iterations.
    Iterations(usize),
}

/// A power iteration that did not converge: iterations run and the last L1 change.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Diverged {
    pub(crate) iterations: usize,
    pub(crate) residual: f64,
}

/// PageRank by power iteration (the NetworkX `_pagerank_scipy` update):
/// `x'[v] = α (Σ_{u→v} x[u] w_uv / W_u + D · dangling[v]) + (1 − α) teleport[v]`, where `W_u`
/// is u's out-strength and D the mass on nodes without out-arcs. `in_rows` are the incoming
/// arcs, `out_strength` the out-strengths; `start` is the first iterate.
///
/// Each iteration is one pass over the rows, in blocks of [`NODES_PER_BLOCK`] nodes over
/// threads: a block computes its nodes' values, each summing its incoming arcs in row order,
/// and its part of the L1 change; the parts are added in block order. So the result is the
/// same at any thread count.
pub(crate) fn pagerank(
    in_rows: &Csr,
    out_strength: &[f64],
    alpha: f64,
    teleport: &[f64],
    start: Vec<f64>,
    stopping: Stopping,
) -> Result<Vec<f64>, Diverged> {
    let n = out_strength.len();
    let (offsets, sources, weights) = in_rows.parts();
    let inverse_out: Vec<f64> =
        out_strength.iter().map(|&s| if s > 0.0 { 1.0 / s } else { 0.0 }).collect();
    // Transition probability of every incoming arc, as NetworkX forms `Q @ A`.
    let share: Vec<f64> = if n < PARALLEL_MIN_NODES {
        sources.iter().zip(weights).map(|(&u, &w)| w * inverse_out[u as usize]).collect()
    } else {
        sources.par_iter().zip(weights).map(|(&u, &w)| w * inverse_out[u as usize]).collect()
    };
    let dangling: Vec<u32> = (0..n as u32).filter(|&u| out_strength[u as usize] <= 0.0).collect();
    let mut x = start;
    let mut next = vec![0.0; n];
    let (max_iterations, tolerance) = match stopping {
        Stopping::Tolerance { tolerance, max_iterations } => (max_iterations, Some(tolerance)),
        Stopping::Iterations(k) => (k, None),
    };
    let mut residual = f64::INFINITY;
    for _ in 0..max_iterations {
        let dangling_mass: f64 = dangling.iter().map(|&u| x[u as usize]).sum();
        let x_now = &x;
        let value = |v: usize, sum: f64| {
            alpha * (sum + dangling_mass * teleport[v]) + (1.0 - alpha) * teleport[v]
        };
        let row = |v: usize| {
            let arcs = offsets[v] as usize..offsets[v + 1] as usize;
            (&sources[arcs.clone()], &share[arcs])
        };
        residual = fill_blocks(&mut next, |first, values| {
            let mut change = 0.0;
            let mut v = first;
            let mut pairs = values.chunks_exact_mut(2);
            for pair in &mut pairs {
                let (a, b) = two_weighted_sums(x_now, row(v), row(v + 1));
                pair[0] = value(v, a);
                pair[1] = value(v + 1, b);
                change += (pair[0] - x_now[v]).abs();
                change += (pair[1] - x_now[v + 1]).abs();
                v += 2;
            }
            for slot in pairs.into_remainder() {
                let (row_sources, row_shares) = row(v);
                *slot = value(v, weighted_sum(x_now, row_sources, row_shares, 0.0));
                change += (*slot - x_now[v]).abs();
            }
            change
        });
        std::mem::swap(&mut x, &mut next);
        if tolerance.is_some_and(|tolerance| residual < tolerance) {
            return Ok(x);
        }
    }
    match tolerance {
        None => Ok(x),
        Some(_) => Err(Diverged { iterations: max_iterations, residual }),
    }
}

/// `sum + Σ_i x[sources[i]] · shares[i]`, added in order.
#[inline]
fn weighted_sum(x: &[f64], sources: &[u32], shares: &[f64], mut sum: f64) -> f64 {
    for (&source, &share) in sources.iter().zip(shares) {
        sum += x[source as usize] * share;
    }
    sum
}

/// [`weighted_sum`] of two rows from 0, their arcs taken in step so that the two chains of
/// additions overlap (the loop waits on scattered reads of `x`); each row still adds its own
/// terms in order, so both sums are exactly those of [`weighted_sum`].
#[inline]
fn two_weighted_sums(x: &[f64], a: (&[u32], &[f64]), b: (&[u32], &[f64])) -> (f64, f64) {
    let common = a.0.len().min(b.0.len());
    let (mut sum_a, mut sum_b) = (0.0, 0.0);
    for (((&source_a, &share_a), &source_b), &share_b) in
        a.0[..common].iter().zip(&a.1[..common]).zip(&b.0[..common]).zip(&b.1[..common])
    {
        sum_a += x[source_a as usize] * share_a;
        sum_b += x[source_b as usize] * share_b;
    }
    (
        weighted_sum(x, &a.0[common..], &a.1[common..], sum_a),
        weighted_sum(x, &b.0[common..], &b.1[common..], sum_b),
    )
}

/// The dominant left eigenvector of the weighted adjacency matrix restricted to `members` (a
/// set of nodes closed under arcs, such as a weak component): `λ x_v = Σ_{u→v} w_uv x_u`, with
/// `‖x‖₂ = 1` and x > 0. Returns the values of `members`, in their order.
///
/// Power iteration on `A^T + σ I` with σ = ‖A^T x‖ / 2 re-estimated each step: the shift keeps
/// the eigenvectors and moves every other eigenvalue strictly inside the dominant one's circle,
/// so bipartite and periodic graphs converge too (plain `A^T` would oscillate there).
pub(crate) fn dominant_eigenvector(
    in_rows: &Csr,
    members: &[u32],
    tolerance: f64,
    max_iterations: usize,
) -> Result<Vec<f64>, Diverged> {
    let (offsets, sources, weights) = in_rows.parts();
    let n = offsets.len().saturating_sub(1);
    let k = members.len();
    let mut x = vec![0.0; n];
    let start = 1.0 / (k as f64).sqrt();
    for &v in members {
        x[v as usize] = start;
    }
    let mut next = vec![0.0; k];
    let mut residual = f64::INFINITY;
    for iteration in 0..max_iterations {
        fill_rows(&mut next, |i| {
            let v = members[i] as usize;
            let mut sum = 0.0;
            for arc in offsets[v] as usize..offsets[v + 1] as usize {
                sum += weights[arc] * x[sources[arc] as usize];
            }
            sum
        });
        let rho = next.iter().map(|y| y * y).sum::<f64>().sqrt();
        if rho == 0.0 || !rho.is_finite() {
            return Err(Diverged { iterations: iteration + 1, residual });
        }
        let shift = rho / 2.0;
        for (y, &v) in next.iter_mut().zip(members) {
            *y += shift * x[v as usize];
        }
        let norm = next.iter().map(|y| y * y).sum::<f64>().sqrt();
        residual = 0.0;
        for (y, &v) in next.iter_mut().zip(members) {
            *y /= norm;
            residual += (*y - x[v as usize]).abs();
            x[v as usize] = *y;
        }
        if residual < tolerance {
            return Ok(next);
        }
    }
    Err(Diverged { iterations: max_iterations, residual })
}

/// Sets `out[i] = row(i)` for every i, over threads for large outputs. Each element is
/// computed by one call whichever thread runs it, so the result never depends on threads.
fn fill_rows(out: &mut [f64], row: impl Fn(usize) -> f64 + Sync) {
    if out.len() < PARALLEL_MIN_NODES {
        for (i, slot) in out.iter_mut().enumerate() {
            *slot = row(i);
        }
    } else {
        out.par_chunks_mut(NODES_PER_BLOCK).enumerate().for_each(|(block, slots)| {
            let start = block * NODES_PER_BLOCK;
            for (offset, slot) in slots.iter_mut().enumerate() {
                *slot = row(start + offset);
            }
        });
    }
}

/// Fills `out` block by block: `block(first, values)` sets the values of nodes
/// `first..first + values.len()` and returns a partial sum; returns the partial sums added in
/// block order. The blocks are the same on one thread or many (the arithmetic is the same either
/// way), and run over threads for large outputs.
fn fill_blocks(out: &mut [f64], block: impl Fn(usize, &mut [f64]) -> f64 + Sync) -> f64 {
    let partials: Vec<f64> = if out.len() < PARALLEL_MIN_NODES {
        out.chunks_mut(NODES_PER_BLOCK)
            .enumerate()
            .map(|(i, values)| block(i * NODES_PER_BLOCK, values))
            .collect()
    } else {
        out.par_chunks_mut(NODES_PER_BLOCK)
            .enumerate()
            .map(|(i, values)| block(i * NODES_PER_BLOCK, values))
            .collect()
    };
    partials.iter().sum()
}

/// Whether the arcs among `members` (closed under arcs) form no directed cycle (Kahn 1962).
/// An undirected tie is two opposite arcs, hence a cycle.
pub(crate) fn is_acyclic(out_rows: &Csr, in_rows: &Csr, members: &[u32], n_nodes: usize) -> bool {
    let mut remaining = vec![0u32; n_nodes];
    let mut ready: Vec<u32> = Vec::new();
    for &v in members {
        let degree = in_rows.degree(v) as u32;
        remaining[v as usize] = degree;
        if degree == 0 {
            ready.push(v);
        }
    }
    let mut removed = 0;
    while let Some(v) = ready.pop() {
        removed += 1;
        for &w in out_rows.neighbors(v) {
            remaining[w as usize] -= 1;
            if remaining[w as usize] == 0 {
                ready.push(w);
            }
        }
    }
    removed == members.len()
}
