//! Components side by side: each laid out alone, then placed in rows, largest first, with the
//! isolated actors in a grid after them.

use super::overlap::GAP;

/// The space between two packed components, in hops.
pub(crate) const COMPONENT_GAP: f64 = 1.0;

/// One laid-out component: its view nodes and their local positions.
#[derive(Clone, Debug)]
pub(crate) struct Block {
    pub(crate) nodes: Vec<u32>,
    pub(crate) positions: Vec<[f64; 2]>,
}

impl Block {
    /// The box `[x_min, y_min, x_max, y_max]` around the discs.
    fn bounds(&self, radii: &[f64]) -> [f64; 4] {
        let mut b = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
        for (&node, p) in self.nodes.iter().zip(&self.positions) {
            let r = radius(radii, node);
            b[0] = b[0].min(p[0] - r);
            b[1] = b[1].min(p[1] - r);
            b[2] = b[2].max(p[0] + r);
            b[3] = b[3].max(p[1] + r);
        }
        b
    }
}

fn radius(radii: &[f64], node: u32) -> f64 {
    radii.get(node as usize).copied().unwrap_or(0.0)
}

/// The isolated actors as one block: a square grid of cells of side `2 r_max + GAP`, at least
/// one hop, so that a grid of points reads as separate actors.
pub(crate) fn isolates_grid(nodes: Vec<u32>, radii: &[f64], x_sign: f64) -> Block {
    let r_max = nodes.iter().map(|&v| radius(radii, v)).fold(0.0f64, f64::max);
    let cell = (2.0 * r_max + GAP).max(1.0);
    let columns = (nodes.len() as f64).sqrt().ceil().max(1.0) as usize;
    let positions = (0..nodes.len())
        .map(|k| {
            let (column, row) = ((k % columns) as f64, (k / columns) as f64);
            // Grow away from x = 0 on the side given by `x_sign` (0: rightwards from 0).
            let x = if x_sign < 0.0 { -column * cell } else { column * cell };
            [x, row * cell]
        })
        .collect();
    Block { nodes, positions }
}

/// Places `blocks` (already in the order wanted: largest first) in rows of about the width of
/// a square holding them all, left to right and top to bottom, [`COMPONENT_GAP`] apart, and
/// writes the positions into `out` (view node order). Deterministic: the order given and the
/// boxes decide everything.
pub(crate) fn pack_rows(blocks: &[Block], radii: &[f64], out: &mut [[f64; 2]]) {
    let boxes: Vec<[f64; 4]> = blocks.iter().map(|b| b.bounds(radii)).collect();
    let area: f64 =
        boxes.iter().map(|b| (b[2] - b[0] + COMPONENT_GAP) * (b[3] - b[1] + COMPONENT_GAP)).sum();
    let widest = boxes.iter().map(|b| b[2] - b[0]).fold(0.0f64, f64::max);
    let row_width = area.sqrt().max(widest);
    let (mut x, mut y, mut row_height) = (0.0f64, 0.0f64, 0.0f64);
    for (block, b) in blocks.iter().zip(&boxes) {
        let (w, h) = (b[2] - b[0], b[3] - b[1]);
        if x > 0.0 && x + w > row_width {
            x = 0.0;
            y += row_height + COMPONENT_GAP;
            row_height = 0.0;
        }
        let (dx, dy) = (x - b[0], y - b[1]);
        for (&node, p) in block.nodes.iter().zip(&block.positions) {
            out[node as usize] = [p[0] + dx, p[1] + dy];
        }
        x += w + COMPONENT_GAP;
        row_height = row_height.max(h);
    }
}

/// Stacks `blocks` top to bottom, [`COMPONENT_GAP`] apart, keeping their x (the rijk-region
/// layout, whose split is x = 0 in every block), and writes the positions into `out`.
pub(crate) fn pack_column(blocks: &[Block], radii: &[f64], out: &mut [[f64; 2]]) {
    let mut y = 0.0f64;
    for block in blocks {
        let b = block.bounds(radii);
        let dy = y - b[1];
        for (&node, p) in block.nodes.iter().zip(&block.positions) {
            out[node as usize] = [p[0], p[1] + dy];
        }
        y += b[3] - b[1] + COMPONENT_GAP;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_do_not_overlap() {
        let blocks: Vec<Block> = (0..5u32)
            .map(|k| Block {
                nodes: vec![2 * k, 2 * k + 1],
                positions: vec![[0.0, 0.0], [f64::from(k) + 1.0, 0.5]],
            })
            .collect();
        let mut out = vec![[0.0; 2]; 10];
        pack_rows(&blocks, &[], &mut out);
        for a in 0..5 {
            for b in a + 1..5 {
                let (ba, bb) = (
                    Block { nodes: vec![0, 1], positions: vec![out[2 * a], out[2 * a + 1]] }
                        .bounds(&[]),
                    Block { nodes: vec![0, 1], positions: vec![out[2 * b], out[2 * b + 1]] }
                        .bounds(&[]),
                );
                let apart = ba[2] < bb[0] || bb[2] < ba[0] || ba[3] < bb[1] || bb[3] < ba[1];
                assert!(apart, "{a} {b} {ba:?} {bb:?}");
            }
        }
    }
}
