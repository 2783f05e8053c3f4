//! Dijkstra's priority queue: a 4-ary indexed min-heap with decrease-key.

/// Marks a node that is not in the heap.
const NOT_QUEUED: u32 = u32::MAX;

/// Dijkstra's priority queue: a 4-ary min-heap of (tentative distance, node) with at most one
/// entry per node, whose key a shorter path lowers in place (decrease-key). Fewer and shallower
/// sifts than a binary heap holding a stale entry per relaxation.
pub(super) struct IndexedHeap {
    entries: Vec<(f64, u32)>,
    /// Where each node sits in `entries`; `NOT_QUEUED` when it is not in the heap.
    position: Vec<u32>,
}

impl IndexedHeap {
    pub(super) fn new(n_nodes: usize) -> Self {
        IndexedHeap { entries: Vec::new(), position: vec![NOT_QUEUED; n_nodes] }
    }

    pub(super) fn clear(&mut self) {
        for (_, node) in self.entries.drain(..) {
            self.position[node as usize] = NOT_QUEUED;
        }
    }

    /// Inserts `node` with `key`, or lowers its key to `key` when it is already queued.
    pub(super) fn push_or_decrease(&mut self, node: u32, key: f64) {
        let at = match self.position[node as usize] {
            NOT_QUEUED => {
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
    pub(super) fn pop(&mut self) -> Option<(f64, u32)> {
        let last = self.entries.pop()?;
        let top = match self.entries.first_mut() {
            Some(first) => std::mem::replace(first, last),
            None => last,
        };
        self.position[top.1 as usize] = NOT_QUEUED;
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
