//! Key players by fragmentation (Borgatti 2006): how much a network falls apart when one actor
//! leaves, for every actor at once.
//!
//! The view is read as an undirected simple graph (a tie in either direction joins two actors;
//! weights ignored), as Borgatti's measures are defined.
//!
//! **Fragmentation** after removing v (the key-player problem, KPP-Neg):
//!
//! F = 1 − Σ_k s_k (s_k − 1) / (n′ (n′ − 1)),
//!
//! over the weak components k of sizes s_k of the graph without v, with n′ = n − 1 nodes:
//! the share of pairs that can no longer reach each other. It is computed for every v in one
//! depth-first search (Hopcroft & Tarjan 1973, iterative): removing v splits its component C
//! into the subtrees of the DFS children c with low(c) ≥ disc(v) — v is an articulation point
//! when there is one, the block–cut tree's cut vertex — and the rest, |C| − 1 − Σ those
//! subtrees; other components stay. O(n + m) for all removals.
//!
//! **Distance-weighted fragmentation** (Borgatti 2006, eq. 9):
//!
//! DF = 1 − Σ_{i ≠ j} (1 / d_ij) / (n′ (n′ − 1)),
//!
//! with 1/d = 0 for an unreachable pair: 0 on a complete graph, 1 on an empty one, and it
//! tells apart graphs whose pairs all connect but over longer paths. It is computed by a
//! breadth-first search from every node of the graph without v, for every v: O(n² (n + m)),
//! parallel over v, each v's sum in a fixed order so the result repeats at any thread count.
//!
//! Borgatti, S. P. (2006). Identifying sets of key players in a social network. *Computational
//! and Mathematical Organization Theory* 12, 21–34.

use rayon::prelude::*;

use crate::analysis::Progress;
use crate::model::ActorId;
use crate::view::View;

/// An actor's departure scored.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct KeyPlayer {
    /// The actor.
    pub actor: ActorId,
    /// Fragmentation F of the view without it; `None` when fewer than 2 actors remain.
    pub fragmentation: Option<f64>,
    /// F without it minus F of the whole view: the damage of its departure.
    pub fragmentation_increase: Option<f64>,
    /// Distance-weighted fragmentation DF without it; `None` when fewer than 2 actors remain
    /// or when not asked for.
    pub distance_fragmentation: Option<f64>,
    /// DF without it minus DF of the whole view.
    pub distance_fragmentation_increase: Option<f64>,
    /// Sizes of the weak components the actor's own component splits into (largest first;
    /// one entry when it is no cut vertex, none when it was alone).
    pub pieces: Vec<usize>,
    /// Connectieplan topics that lose their last Rijk–region tie without it (filled by
    /// [`whatif_rank`](super::whatif_rank) on a coalition; empty otherwise).
    pub topics_lost: Vec<String>,
}

/// The undirected simple graph of a view: sorted, distinct neighbours, no loops, as CSR
/// (offsets, targets), built by counting — no list per node.
pub(crate) fn undirected(view: &View) -> (Vec<usize>, Vec<u32>) {
    let n = view.n_nodes();
    let arcs = view.out_arcs();
    let mut degree = vec![0usize; n + 1];
    for u in 0..n as u32 {
        for &v in arcs.neighbors(u) {
            if u != v {
                degree[u as usize] += 1;
                degree[v as usize] += 1;
            }
        }
    }
    let mut offsets = Vec::with_capacity(n + 1);
    let mut total = 0;
    for d in &degree[..n] {
        offsets.push(total);
        total += d;
    }
    offsets.push(total);
    let mut fill = offsets.clone();
    let mut targets = vec![0u32; total];
    for u in 0..n as u32 {
        for &v in arcs.neighbors(u) {
            if u != v {
                targets[fill[u as usize]] = v;
                fill[u as usize] += 1;
                targets[fill[v as usize]] = u;
                fill[v as usize] += 1;
            }
        }
    }
    // Sort and deduplicate each row, compacting in place.
    // Row v spans offsets[v]..fill[v] (fill has reached the next row's start).
    let mut write = 0;
    for v in 0..n {
        let (start, end) = (offsets[v], fill[v]);
        targets[start..end].sort_unstable();
        let row_start = write;
        for i in start..end {
            if write == row_start || targets[write - 1] != targets[i] {
                targets[write] = targets[i];
                write += 1;
            }
        }
        offsets[v] = row_start;
    }
    offsets[n] = write;
    targets.truncate(write);
    (offsets, targets)
}

fn pairs(s: usize) -> f64 {
    s as f64 * (s as f64 - 1.0)
}

/// F of a graph of `n` nodes whose components have `sum` = Σ s(s − 1).
fn fragmentation_of(sum: f64, n: usize) -> Option<f64> {
    (n >= 2).then(|| 1.0 - sum / pairs(n))
}

/// For every node: the sizes its component splits into when it is removed (iterative DFS,
/// articulation points), and the component sizes of the whole graph by node.
fn pieces_after_removal(offsets: &[usize], targets: &[u32]) -> (Vec<Vec<usize>>, Vec<usize>) {
    let n = offsets.len() - 1;
    const UNSEEN: u32 = u32::MAX;
    let mut disc = vec![UNSEEN; n];
    let mut low = vec![0u32; n];
    let mut size = vec![1usize; n];
    let mut separated: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut comp_size = vec![0usize; n];
    let mut time = 0u32;
    // (node, parent, next neighbour position)
    let mut stack: Vec<(u32, u32, usize)> = Vec::new();
    for root in 0..n as u32 {
        if disc[root as usize] != UNSEEN {
            continue;
        }
        let mut members = Vec::new();
        disc[root as usize] = time;
        low[root as usize] = time;
        time += 1;
        stack.push((root, UNSEEN, offsets[root as usize]));
        members.push(root);
        while let Some(&mut (v, parent, ref mut pos)) = stack.last_mut() {
            let vi = v as usize;
            if *pos < offsets[vi + 1] {
                let w = targets[*pos];
                *pos += 1;
                let wi = w as usize;
                if disc[wi] == UNSEEN {
                    disc[wi] = time;
                    low[wi] = time;
                    time += 1;
                    members.push(w);
                    stack.push((w, v, offsets[wi]));
                } else if w != parent {
                    low[vi] = low[vi].min(disc[wi]);
                }
            } else {
                stack.pop();
                if parent != UNSEEN {
                    let pi = parent as usize;
                    low[pi] = low[pi].min(low[vi]);
                    size[pi] += size[vi];
                    if low[vi] >= disc[pi] {
                        separated[pi].push(size[vi]);
                    }
                }
            }
        }
        let total = members.len();
        for &m in &members {
            comp_size[m as usize] = total;
        }
    }
    let pieces = (0..n)
        .map(|v| {
            let mut p = std::mem::take(&mut separated[v]);
            let rest = comp_size[v] - 1 - p.iter().sum::<usize>();
            if rest > 0 {
                p.push(rest);
            }
            p.sort_unstable_by(|a, b| b.cmp(a));
            p
        })
        .collect();
    (pieces, comp_size)
}

/// Σ_{i ≠ j} 1/d_ij over the graph without `removed` (`None`: the whole graph), each source's
/// sum added in source order.
fn harmonic_sum(offsets: &[usize], targets: &[u32], removed: Option<u32>) -> f64 {
    let n = offsets.len() - 1;
    let mut dist = vec![u32::MAX; n];
    let mut queue: Vec<u32> = Vec::with_capacity(n);
    let mut total = 0.0;
    for s in 0..n as u32 {
        if Some(s) == removed {
            continue;
        }
        for &q in &queue {
            dist[q as usize] = u32::MAX;
        }
        queue.clear();
        dist[s as usize] = 0;
        queue.push(s);
        let mut head = 0;
        let mut sum = 0.0;
        while head < queue.len() {
            let v = queue[head];
            head += 1;
            let d = dist[v as usize];
            if d > 0 {
                sum += 1.0 / f64::from(d);
            }
            for &w in &targets[offsets[v as usize]..offsets[v as usize + 1]] {
                if Some(w) != removed && dist[w as usize] == u32::MAX {
                    dist[w as usize] = d + 1;
                    queue.push(w);
                }
            }
        }
        total += sum;
    }
    total
}

/// The key players of a view: its fragmentation as it is and every actor's departure scored.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct KeyPlayers {
    /// F of the whole view; `None` when it has fewer than 2 actors.
    pub fragmentation: Option<f64>,
    /// DF of the whole view; `None` when it has fewer than 2 actors or was not asked for.
    pub distance_fragmentation: Option<f64>,
    /// One entry per actor: in view node order from [`key_players`], ranked by
    /// [`whatif_rank`](super::whatif_rank).
    pub players: Vec<KeyPlayer>,
}

/// Fragmentation of the whole view and after each single removal, with the distance-weighted
/// version when `distance` is set (reporting one unit per actor to `progress`). Actors in view
/// node order.
pub fn key_players(view: &View, distance: bool, progress: &dyn Progress) -> KeyPlayers {
    let n = view.n_nodes();
    let (offsets, targets) = undirected(view);
    let (pieces, comp_size) = pieces_after_removal(&offsets, &targets);
    // Σ s(s − 1) over the components: a component of size s has s nodes of size s.
    let seen_sum: f64 = comp_size.iter().map(|&s| pairs(s) / s as f64).sum();
    let whole_f = fragmentation_of(seen_sum, n);
    let whole_df =
        (distance && n >= 2).then(|| 1.0 - harmonic_sum(&offsets, &targets, None) / pairs(n));
    if distance {
        progress.planned(n as u64);
    }
    let df: Vec<Option<f64>> = if distance {
        (0..n as u32)
            .into_par_iter()
            .map(|v| {
                let value = (n >= 3)
                    .then(|| 1.0 - harmonic_sum(&offsets, &targets, Some(v)) / pairs(n - 1));
                progress.done(1);
                value
            })
            .collect()
    } else {
        vec![None; n]
    };
    let players = (0..n)
        .map(|v| {
            let c = comp_size[v];
            let after_sum = seen_sum - pairs(c) + pieces[v].iter().map(|&p| pairs(p)).sum::<f64>();
            let f = fragmentation_of(after_sum, n - 1);
            KeyPlayer {
                actor: view.actor(v as u32),
                fragmentation: f,
                fragmentation_increase: f.zip(whole_f).map(|(a, b)| a - b),
                distance_fragmentation: df[v],
                distance_fragmentation_increase: df[v].zip(whole_df).map(|(a, b)| a - b),
                pieces: pieces[v].clone(),
                topics_lost: Vec::new(),
            }
        })
        .collect();
    KeyPlayers { fragmentation: whole_f, distance_fragmentation: whole_df, players }
}
