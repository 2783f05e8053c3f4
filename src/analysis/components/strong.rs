//! Strongly connected components: Tarjan's algorithm without recursion (the one implementation
//! every analysis uses), the members of each component, and the condensation DAG between them.

use rayon::prelude::*;

use crate::view::View;

/// The strongly connected component of every node of `view`, in node order.
///
/// Two nodes share a component when each reaches the other along the direction of arcs (on an
/// undirected view these are the weak components). The label of a component is the smallest
/// node index in it, as in [`weak_components`](super::weak_components), so labels do not
/// depend on the order of the search.
///
/// # Complexity
/// O(n + m): Tarjan's algorithm (1972), iterative, so a long chain cannot overflow the stack.
///
/// Numbers: the partition of petgraph's `kosaraju_scc` on random views (`tests/petgraph.rs`).
pub fn strong_components(view: &View) -> Vec<u32> {
    let arcs = view.out_arcs();
    let tarjan = tarjan(view.n_nodes(), |v| arcs.neighbors(v));
    let mut smallest = vec![u32::MAX; tarjan.iter().map(|&c| c as usize + 1).max().unwrap_or(0)];
    for (node, &c) in tarjan.iter().enumerate() {
        let label = &mut smallest[c as usize];
        *label = (*label).min(node as u32);
    }
    tarjan.iter().map(|&c| smallest[c as usize]).collect()
}

/// Strongly connected components (Tarjan 1972), without recursion: the component of every node
/// of the graph whose arcs leave `v` towards `neighbors(v)`. Components are numbered in the
/// order Tarjan's algorithm completes them (every arc between components runs from a higher
/// number to a lower one).
///
/// # Complexity
/// O(n + m) time and memory.
pub(crate) fn tarjan<'a>(n: usize, neighbors: impl Fn(u32) -> &'a [u32]) -> Vec<u32> {
    const UNSEEN: u32 = u32::MAX;
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<u32> = Vec::new();
    let mut component = vec![UNSEEN; n];
    let mut n_components: u32 = 0;
    let mut next_index: u32 = 0;
    // The recursion of Tarjan's algorithm, made explicit: (node, next arc to follow).
    let mut calls: Vec<(u32, usize)> = Vec::new();
    for root in 0..n as u32 {
        if index[root as usize] != UNSEEN {
            continue;
        }
        index[root as usize] = next_index;
        low[root as usize] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root as usize] = true;
        calls.push((root, 0));
        while let Some(&(v, position)) = calls.last() {
            let arcs = neighbors(v);
            if position < arcs.len() {
                if let Some(call) = calls.last_mut() {
                    call.1 += 1;
                }
                let w = arcs[position];
                if index[w as usize] == UNSEEN {
                    index[w as usize] = next_index;
                    low[w as usize] = next_index;
                    next_index += 1;
                    stack.push(w);
                    on_stack[w as usize] = true;
                    calls.push((w, 0));
                } else if on_stack[w as usize] {
                    low[v as usize] = low[v as usize].min(index[w as usize]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent as usize] = low[parent as usize].min(low[v as usize]);
            }
            if low[v as usize] == index[v as usize] {
                while let Some(w) = stack.pop() {
                    on_stack[w as usize] = false;
                    component[w as usize] = n_components;
                    if w == v {
                        break;
                    }
                }
                n_components += 1;
            }
        }
    }
    component
}

/// Strongly connected components of the graph whose arcs leave node j towards
/// `targets[offsets[j]..offsets[j + 1]]`; each component's nodes ascending, components in the
/// order Tarjan's algorithm completes them.
pub(crate) fn strong_component_members(
    n: usize,
    offsets: &[usize],
    targets: &[u32],
) -> Vec<Vec<u32>> {
    let labels = tarjan(n, |j| &targets[offsets[j as usize]..offsets[j as usize + 1]]);
    let n_components = labels.iter().max().map_or(0, |&c| c as usize + 1);
    let mut components = vec![Vec::new(); n_components];
    for (node, &label) in labels.iter().enumerate() {
        components[label as usize].push(node as u32);
    }
    components
}

/// The strongly connected components of a view (numbered as [`strong_components`] numbers
/// them) and the condensation DAG between them.
pub(crate) struct Condensation {
    /// Component of every node.
    pub(crate) component: Vec<u32>,
    /// Nodes per component.
    pub(crate) sizes: Vec<u64>,
    /// Condensation arcs: successors of each component, ascending, as CSR.
    offsets: Vec<usize>,
    successors: Vec<u32>,
}

impl Condensation {
    pub(crate) fn new(view: &View) -> Self {
        let n = view.n_nodes();
        let out = view.out_arcs();
        let component = tarjan(n, |v| out.neighbors(v));
        let n_components = component.iter().max().map_or(0, |&c| c + 1);
        let k = n_components as usize;
        let mut sizes = vec![0u64; k];
        for &c in &component {
            sizes[c as usize] += 1;
        }
        let mut arcs: Vec<(u32, u32)> = Vec::new();
        for u in 0..n as u32 {
            let cu = component[u as usize];
            for &w in out.neighbors(u) {
                let cw = component[w as usize];
                if cu != cw {
                    arcs.push((cu, cw));
                }
            }
        }
        arcs.sort_unstable();
        arcs.dedup();
        let mut offsets = vec![0usize; k + 1];
        for &(from, _) in &arcs {
            offsets[from as usize + 1] += 1;
        }
        for c in 0..k {
            offsets[c + 1] += offsets[c];
        }
        let successors = arcs.into_iter().map(|(_, to)| to).collect();
        Condensation { component, sizes, offsets, successors }
    }

    pub(crate) fn successors(&self, c: u32) -> &[u32] {
        &self.successors[self.offsets[c as usize]..self.offsets[c as usize + 1]]
    }

    /// For every component, the number of nodes its members reach (themselves included).
    pub(crate) fn reach_sizes(&self) -> Vec<u64> {
        let k = self.sizes.len();
        (0..k as u32)
            .into_par_iter()
            .map_init(
                || (vec![u32::MAX; k], Vec::new()),
                |(stamp, queue): &mut (Vec<u32>, Vec<u32>), c| {
                    let mut total = 0;
                    self.walk(c, stamp, queue, |reached| total += self.sizes[reached as usize]);
                    total
                },
            )
            .collect()
    }

    /// For every component, the source components that reach it, ascending.
    pub(crate) fn source_signatures(&self) -> Vec<Vec<u32>> {
        let k = self.sizes.len();
        let mut has_incoming = vec![false; k];
        for &to in &self.successors {
            has_incoming[to as usize] = true;
        }
        let mut signatures: Vec<Vec<u32>> = vec![Vec::new(); k];
        let mut stamp = vec![u32::MAX; k];
        let mut queue = Vec::new();
        for source in (0..k as u32).filter(|&c| !has_incoming[c as usize]) {
            self.walk(source, &mut stamp, &mut queue, |reached| {
                signatures[reached as usize].push(source);
            });
        }
        signatures
    }

    /// Breadth-first walk of the condensation from `start`, calling `visit` once per component
    /// reached (`start` included). `stamp[c] == start` marks the components seen in this walk.
    pub(crate) fn walk(
        &self,
        start: u32,
        stamp: &mut [u32],
        queue: &mut Vec<u32>,
        mut visit: impl FnMut(u32),
    ) {
        queue.clear();
        queue.push(start);
        stamp[start as usize] = start;
        let mut head = 0;
        while head < queue.len() {
            let c = queue[head];
            head += 1;
            visit(c);
            for &d in self.successors(c) {
                if stamp[d as usize] != start {
                    stamp[d as usize] = start;
                    queue.push(d);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::components::tests::view_of;

    #[test]
    fn components_are_numbered_in_the_order_tarjan_completes_them() {
        // 0 → 1 ⇄ 2 → 3, and 4 alone: the sink {3} completes first, the source {0} last of
        // its tree; every arc between components runs from a higher number to a lower one.
        let view = view_of(5, &[(0, 1, 1.0), (1, 2, 1.0), (2, 1, 1.0), (2, 3, 1.0)], true);
        let out = view.out_arcs();
        assert_eq!(tarjan(5, |v| out.neighbors(v)), vec![2, 1, 1, 0, 3]);
        // The public labels: the smallest node of each component.
        assert_eq!(strong_components(&view), vec![0, 1, 1, 3, 4]);
        let offsets = [0, 1, 2, 4, 4, 4];
        let targets = [1, 2, 1, 3];
        assert_eq!(
            strong_component_members(5, &offsets, &targets),
            vec![vec![3], vec![1, 2], vec![0], vec![4]]
        );
        let condensation = Condensation::new(&view);
        assert_eq!(condensation.sizes, vec![1, 2, 1, 1]);
        assert_eq!(condensation.successors(2), &[1]);
        assert_eq!(condensation.successors(1), &[0]);
        assert_eq!(condensation.reach_sizes(), vec![1, 3, 4, 1]);
        assert_eq!(condensation.source_signatures(), vec![vec![2], vec![2], vec![2], vec![3]]);
    }
}
