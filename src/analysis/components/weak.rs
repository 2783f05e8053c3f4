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
pub(crate) fn count_components(labels: &[u32]) -> usize {
    labels.iter().enumerate().filter(|&(node, &label)| node as u32 == label).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::components::tests::view_of;

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
