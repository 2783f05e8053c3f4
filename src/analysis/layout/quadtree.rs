//! A Barnes–Hut quadtree (Barnes & Hut 1986): points grouped into squares so that the pull or
//! push of a far group is taken at its centre of mass. Built and walked without recursion.

/// No child, or no single point.
const NONE: u32 = u32::MAX;

/// Deepest level: points closer than the root's side / 2⁴⁰ share a leaf.
const MAX_DEPTH: u32 = 40;

#[derive(Clone, Debug)]
struct Cell {
    /// Centre and half side of the square.
    centre: [f64; 2],
    half: f64,
    children: [u32; 4],
    /// The one point of a leaf holding one (the first, when the depth limit packs several).
    point: u32,
    mass: f64,
    sum: [f64; 2],
}

impl Cell {
    fn new(centre: [f64; 2], half: f64) -> Cell {
        Cell { centre, half, children: [NONE; 4], point: NONE, mass: 0.0, sum: [0.0, 0.0] }
    }

    fn is_leaf(&self) -> bool {
        self.children == [NONE; 4]
    }

    fn quadrant(&self, p: [f64; 2]) -> usize {
        usize::from(p[0] >= self.centre[0]) + 2 * usize::from(p[1] >= self.centre[1])
    }

    fn child_square(&self, quadrant: usize) -> ([f64; 2], f64) {
        let h = self.half / 2.0;
        let dx = if quadrant & 1 == 1 { h } else { -h };
        let dy = if quadrant & 2 == 2 { h } else { -h };
        ([self.centre[0] + dx, self.centre[1] + dy], h)
    }
}

/// A quadtree over a set of points, each of mass one.
#[derive(Clone, Debug)]
pub(crate) struct QuadTree {
    cells: Vec<Cell>,
}

impl QuadTree {
    /// The tree of `points` (finite), inserted in order: the same points give the same tree.
    pub(crate) fn build(points: &[[f64; 2]]) -> QuadTree {
        let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
        for p in points {
            for axis in 0..2 {
                lo[axis] = lo[axis].min(p[axis]);
                hi[axis] = hi[axis].max(p[axis]);
            }
        }
        if points.is_empty() {
            return QuadTree { cells: Vec::new() };
        }
        let centre = [(lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0];
        let half = ((hi[0] - lo[0]).max(hi[1] - lo[1]) / 2.0).max(1e-9) * (1.0 + 1e-9);
        let mut cells = Vec::with_capacity(2 * points.len());
        cells.push(Cell::new(centre, half));
        for (index, &p) in points.iter().enumerate() {
            let mut at = 0usize;
            let mut depth = 0;
            loop {
                let cell = &mut cells[at];
                cell.mass += 1.0;
                cell.sum[0] += p[0];
                cell.sum[1] += p[1];
                if cell.is_leaf() {
                    if cell.mass == 1.0 {
                        cell.point = index as u32;
                        break;
                    }
                    if depth >= MAX_DEPTH {
                        break;
                    }
                    // Split: the point held here moves down one level.
                    let held = cell.point;
                    cell.point = NONE;
                    let held_at = points[held as usize];
                    let quadrant = cell.quadrant(held_at);
                    let (c, h) = cell.child_square(quadrant);
                    let mut child = Cell::new(c, h);
                    child.mass = 1.0;
                    child.sum = held_at;
                    child.point = held;
                    let child_index = cells.len() as u32;
                    cells[at].children[quadrant] = child_index;
                    cells.push(child);
                }
                let cell = &cells[at];
                let quadrant = cell.quadrant(p);
                let next = cell.children[quadrant];
                if next == NONE {
                    let (c, h) = cell.child_square(quadrant);
                    let mut child = Cell::new(c, h);
                    child.mass = 1.0;
                    child.sum = p;
                    child.point = index as u32;
                    let child_index = cells.len() as u32;
                    cells[at].children[quadrant] = child_index;
                    cells.push(child);
                    break;
                }
                at = next as usize;
                depth += 1;
            }
        }
        QuadTree { cells }
    }

    /// The repulsion on the point `index` at `p`: `Σ_j strength · (p − p_j) / ‖p − p_j‖²`
    /// over the other points, far squares (side / distance < `theta`) taken at their centre
    /// of mass. `stack` is scratch space.
    pub(crate) fn repulsion(
        &self,
        index: u32,
        p: [f64; 2],
        theta: f64,
        stack: &mut Vec<u32>,
    ) -> [f64; 2] {
        let mut force = [0.0, 0.0];
        if self.cells.is_empty() {
            return force;
        }
        stack.clear();
        stack.push(0);
        while let Some(at) = stack.pop() {
            let cell = &self.cells[at as usize];
            let mut mass = cell.mass;
            let mut sum = cell.sum;
            if cell.is_leaf() {
                if cell.point == index {
                    // This leaf holds the point itself (and others at the depth limit).
                    mass -= 1.0;
                    sum = [sum[0] - p[0], sum[1] - p[1]];
                }
                if mass <= 0.0 {
                    continue;
                }
            } else {
                let centre = [sum[0] / mass, sum[1] / mass];
                let (dx, dy) = (p[0] - centre[0], p[1] - centre[1]);
                let d2 = dx * dx + dy * dy;
                let side = 2.0 * cell.half;
                if side * side >= theta * theta * d2 {
                    stack.extend(cell.children.iter().copied().filter(|&c| c != NONE));
                    continue;
                }
            }
            let centre = [sum[0] / mass, sum[1] / mass];
            let (dx, dy) = (p[0] - centre[0], p[1] - centre[1]);
            let d2 = dx * dx + dy * dy;
            if d2 > 0.0 {
                force[0] += mass * dx / d2;
                force[1] += mass * dy / d2;
            }
        }
        force
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn far_field_matches_the_sum() {
        let points: Vec<[f64; 2]> =
            (0..200).map(|i| [f64::from(i % 20), f64::from(i / 20) * 1.3]).collect();
        let tree = QuadTree::build(&points);
        let mut stack = Vec::new();
        for index in [0usize, 57, 199] {
            let p = points[index];
            let mut exact = [0.0, 0.0];
            for (j, q) in points.iter().enumerate() {
                if j != index {
                    let (dx, dy) = (p[0] - q[0], p[1] - q[1]);
                    let d2 = dx * dx + dy * dy;
                    exact[0] += dx / d2;
                    exact[1] += dy / d2;
                }
            }
            let exact_tree = tree.repulsion(index as u32, p, 0.0, &mut stack);
            assert!(
                (exact_tree[0] - exact[0]).abs() < 1e-9 && (exact_tree[1] - exact[1]).abs() < 1e-9
            );
            let approx = tree.repulsion(index as u32, p, 0.8, &mut stack);
            let norm = exact[0].hypot(exact[1]).max(1.0);
            assert!((approx[0] - exact[0]).abs() / norm < 0.1, "{approx:?} {exact:?}");
        }
        // Coincident points never give NaN.
        let same = vec![[1.0, 1.0]; 50];
        let tree = QuadTree::build(&same);
        let f = tree.repulsion(3, [1.0, 1.0], 0.9, &mut stack);
        assert!(f[0].is_finite() && f[1].is_finite());
    }
}
