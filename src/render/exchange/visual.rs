//! The map's picture per exported node (`export --with-layout`): each actor's position, colour
//! and size exactly as the map ([`MapModel`]) draws it, and for each coalition node a small
//! grey dot beside the mean position of its members on the map.

use crate::model::Network;
use crate::render::exchange::flatten::{ExportGraph, NodeOrigin};
use crate::render::map::MapModel;

/// The colour of a coalition node.
pub(crate) const COALITION_COLOUR: &str = "#9E9E9E";
/// The radius of a coalition node, in pixels.
pub(crate) const COALITION_RADIUS: f64 = 4.0;
/// The gap between a coalition node and the largest of its members, in pixels.
const COALITION_GAP: f64 = 2.0;
/// Eight directions (unit vectors, written out so that every platform computes the same
/// offsets), taken in turn by the coalitions in network order.
const DIRECTIONS: [[f64; 2]; 8] = [
    [std::f64::consts::FRAC_1_SQRT_2, std::f64::consts::FRAC_1_SQRT_2],
    [-std::f64::consts::FRAC_1_SQRT_2, -std::f64::consts::FRAC_1_SQRT_2],
    [std::f64::consts::FRAC_1_SQRT_2, -std::f64::consts::FRAC_1_SQRT_2],
    [-std::f64::consts::FRAC_1_SQRT_2, std::f64::consts::FRAC_1_SQRT_2],
    [1.0, 0.0],
    [-1.0, 0.0],
    [0.0, 1.0],
    [0.0, -1.0],
];

/// How one exported node is drawn.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NodeVisual {
    /// The centre, in the map's pixels (y downwards).
    pub position: [f64; 2],
    /// The radius, in pixels.
    pub radius: f64,
    /// The fill as `#RRGGBB`.
    pub colour: String,
}

impl NodeVisual {
    /// The fill as red, green and blue (0–255).
    pub(crate) fn rgb(&self) -> [u8; 3] {
        let channel = |at: usize| {
            self.colour.get(at..at + 2).and_then(|hex| u8::from_str_radix(hex, 16).ok())
        };
        [channel(1).unwrap_or(0), channel(3).unwrap_or(0), channel(5).unwrap_or(0)]
    }
}

/// How each node of `graph` (in node order) is drawn on `map`: an actor as the map draws it
/// (`None` when the map leaves it out), a coalition beside the mean position of its members on
/// the map, offset by the largest member's radius plus its own so that it sits on none of
/// them when it has one member (`None` when no member is on the map).
pub(crate) fn node_visuals(
    network: &Network,
    graph: &ExportGraph,
    map: &MapModel,
) -> Vec<Option<NodeVisual>> {
    let colours = map.colours();
    let mut on_map: Vec<Option<NodeVisual>> = vec![None; network.actors().len()];
    for (node, colour) in map.nodes.iter().zip(colours) {
        if let Some(slot) = on_map.get_mut(node.actor.index()) {
            *slot = Some(NodeVisual {
                position: node.position,
                radius: node.radius,
                colour: colour.to_owned(),
            });
        }
    }
    // Per coalition: the sum of its members' positions, their number and the largest radius.
    let mut sums = vec![([0.0_f64, 0.0_f64], 0usize, 0.0_f64); network.coalitions().len()];
    for membership in network.memberships() {
        if let Some(visual) = &on_map[membership.actor.index()] {
            let (sum, count, largest) = &mut sums[membership.coalition.index()];
            sum[0] += visual.position[0];
            sum[1] += visual.position[1];
            *count += 1;
            *largest = largest.max(visual.radius);
        }
    }
    graph
        .nodes
        .iter()
        .map(|node| match node.origin {
            NodeOrigin::Actor(actor) => on_map[actor.index()].clone(),
            NodeOrigin::Coalition(index) => {
                let (sum, count, largest) = sums[index];
                if count == 0 {
                    return None;
                }
                let [dx, dy] = DIRECTIONS[index % DIRECTIONS.len()];
                let offset = largest + COALITION_RADIUS + COALITION_GAP;
                let n = count as f64;
                Some(NodeVisual {
                    position: [sum[0] / n + dx * offset, sum[1] / n + dy * offset],
                    radius: COALITION_RADIUS,
                    colour: COALITION_COLOUR.to_owned(),
                })
            }
        })
        .collect()
}

/// A coordinate as the exports write it: Rust's shortest round-trip form, `-0` as `0`.
pub(crate) fn coordinate(value: f64) -> String {
    if value == 0.0 { "0".to_owned() } else { value.to_string() }
}
