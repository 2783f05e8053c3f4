//! Whether a set of nodes closed under arcs holds no directed cycle (Kahn's algorithm).

use crate::view::Csr;

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
