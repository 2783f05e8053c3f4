//! Weakly connected components of a view: which nodes are joined by ties in either direction.

use crate::view::View;

/// The weakly connected component of every node, in node order.
///
/// Two nodes share a component when a path joins them, ignoring the direction of arcs. The
/// label of a component is the smallest node index in it, so labels are stable and a node's
/// label never exceeds its own index.
///
/// # Complexity
/// O(n + m): one breadth-first search over outgoing and incoming arcs.
///
/// Numbers: the partition of NetworkX `weakly_connected_components` (checked in `tests/oracle.rs`) and the LDBC Graphalytics WCC validation graphs (`tests/graphalytics.rs`); Hopcroft & Tarjan (1973).
pub fn weak_components(view: &View) -> Vec<u32> {
    let n = view.n_nodes();
    let mut label = vec![u32::MAX; n];
    let mut queue: Vec<u32> = Vec::new();
    for start in 0..n as u32 {
        if label[start as usize] != u32::MAX {
            continue;
        }
        // Scanning starts in ascending order, so `start` is the smallest node it reaches.
        label[start as usize] = start;
        queue.clear();
        queue.push(start);
        let mut head = 0;
        while head < queue.len() {
            let node = queue[head];
            head += 1;
            let out = view.out_arcs().neighbors(node);
            let inc = if view.is_directed() { view.in_arcs().neighbors(node) } else { &[] };
            for &next in out.iter().chain(inc) {
                if label[next as usize] == u32::MAX {
                    label[next as usize] = start;
                    queue.push(next);
                }
            }
        }
    }
    label
}

/// The nodes of the largest weakly connected component, ascending; among components of equal
/// size, the one holding the smallest node index. Empty for an empty view.
///
/// # Complexity
/// O(n + m).
pub fn largest_weak_component(view: &View) -> Vec<u32> {
    largest_component(&weak_components(view))
}

/// The number of weakly connected components (isolated nodes count as components of their own).
///
/// # Complexity
/// O(n + m).
pub fn n_weak_components(view: &View) -> usize {
    count_components(&weak_components(view))
}

/// The nodes of the largest component given by `labels` (as [`weak_components`] returns them).
pub(crate) fn largest_component(labels: &[u32]) -> Vec<u32> {
    let sizes = component_sizes(labels);
    // Labels ascend with the smallest member, so the first maximum is the tie-break winner.
    let mut best: Option<(u32, usize)> = None;
    for (label, &size) in sizes.iter().enumerate() {
        if size > 0 && best.is_none_or(|(_, best_size)| size > best_size) {
            best = Some((label as u32, size));
        }
    }
    match best {
        Some((winner, _)) => {
            (0..labels.len() as u32).filter(|&node| labels[node as usize] == winner).collect()
        }
        None => Vec::new(),
    }
}

/// Component sizes indexed by label (zero for indices that are not labels).
pub(crate) fn component_sizes(labels: &[u32]) -> Vec<usize> {
    let mut sizes = vec![0usize; labels.len()];
    for &label in labels {
        sizes[label as usize] += 1;
    }
    sizes
}

/// The number of distinct labels.
/// Strongly connected components (Tarjan 1972), without recursion: the component of every node
/// of the graph whose arcs leave `v` towards `neighbors(v)`. Components are numbered in the
/// order Tarjan's algorithm completes them (every arc between components runs from a higher
/// number to a lower one).
///
/// # Complexity
/// O(n + m) time and memory.
pub(crate) fn strong_components<'a>(n: usize, neighbors: impl Fn(u32) -> &'a [u32]) -> Vec<u32> {
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

pub(crate) fn count_components(labels: &[u32]) -> usize {
    labels.iter().enumerate().filter(|&(node, &label)| node as u32 == label).count()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::io::{Source, load};
    use crate::view::ViewSpec;

    /// Builds a view with nodes `a0`, `a1`, … `a{n-1}` (node i is actor i) and the given ties,
    /// weighted; `directed` chooses arcs or undirected edges.
    pub(crate) fn view_of(n: usize, edges: &[(u32, u32, f64)], directed: bool) -> View {
        let mut actors = String::from("id,name\n");
        for i in 0..n {
            actors.push_str(&format!("a{i:05},Actor {i}\n"));
        }
        let mut relations = String::from("source,target,layer,directed,weight\n");
        for &(from, to, weight) in edges {
            relations.push_str(&format!("a{from:05},a{to:05},ties,{directed},{weight:?}\n"));
        }
        let source = Source::Memory(vec![
            ("actors.csv".into(), actors.into_bytes()),
            ("relations.csv".into(), relations.into_bytes()),
        ]);
        let network = load(&source).expect("a valid in-memory workspace");
        View::build(&network, &ViewSpec::default()).expect("a valid view")
    }

    #[test]
    fn labels_are_smallest_member_and_ignore_direction() {
        let view = view_of(7, &[(3, 1, 1.0), (1, 5, 1.0), (6, 4, 1.0)], true);
        assert_eq!(weak_components(&view), vec![0, 1, 2, 1, 4, 1, 4]);
        assert_eq!(largest_weak_component(&view), vec![1, 3, 5]);
        assert_eq!(n_weak_components(&view), 4);
    }

    #[test]
    fn ties_go_to_the_component_with_the_smallest_node() {
        let view = view_of(5, &[(3, 4, 1.0), (1, 2, 1.0)], false);
        assert_eq!(largest_weak_component(&view), vec![1, 2]);
    }

    #[test]
    fn empty_and_isolated_views() {
        let empty = view_of(0, &[], false);
        assert!(weak_components(&empty).is_empty());
        assert!(largest_weak_component(&empty).is_empty());
        assert_eq!(n_weak_components(&empty), 0);
        let isolates = view_of(3, &[], false);
        assert_eq!(weak_components(&isolates), vec![0, 1, 2]);
        assert_eq!(largest_weak_component(&isolates), vec![0]);
    }
}
