//! `--nest`: each ministry on the map with its units (actors whose parent chain leads to it)
//! drawn inside one hull: the convex hull of their circles, grown by a margin.

use crate::model::{ActorId, Network};

/// A ministry's hull.
#[derive(Clone, Debug, PartialEq)]
pub struct Hull {
    /// The ministry (an index into [`MapModel::nodes`](super::MapModel::nodes)).
    pub ministry: usize,
    /// Its units on the map.
    pub units: Vec<usize>,
    /// The outline, in pixels, clockwise on screen.
    pub outline: Vec<[f64; 2]>,
}

/// Space between a circle and the hull around it.
const PADDING: f64 = 8.0;

/// The ministries among `actors` (the map's nodes) that have units among them, each with its
/// units, ordered by the ministry's position. A unit belongs to the nearest ministry up its
/// parent chain.
pub(crate) fn ministry_units(network: &Network, actors: &[ActorId]) -> Vec<(usize, Vec<usize>)> {
    let mut index_of = std::collections::HashMap::new();
    for (i, &actor) in actors.iter().enumerate() {
        index_of.insert(actor, i);
    }
    let mut units: Vec<Vec<usize>> = vec![Vec::new(); actors.len()];
    for (i, &actor) in actors.iter().enumerate() {
        // Up the parent chain, iteratively; the hierarchy is acyclic, the bound keeps it finite.
        let mut current = network.actor(actor).parent;
        for _ in 0..network.actors().len() {
            let Some(parent) = current else { break };
            if network.is_ministry(parent) {
                if let Some(&m) = index_of.get(&parent) {
                    units[m].push(i);
                }
                break;
            }
            current = network.actor(parent).parent;
        }
    }
    units.into_iter().enumerate().filter(|(_, u)| !u.is_empty()).collect()
}

/// The hull around circles (`centres`, `radii`), grown by the padding.
pub(crate) fn hull_around(circles: &[([f64; 2], f64)]) -> Vec<[f64; 2]> {
    const STEPS: usize = 16;
    let mut points: Vec<[f64; 2]> = Vec::with_capacity(circles.len() * STEPS);
    for &(centre, radius) in circles {
        let r = radius + PADDING;
        for step in 0..STEPS {
            let angle = std::f64::consts::TAU * step as f64 / STEPS as f64;
            // The polygon's edges stay outside the circle: reach to r / cos(π / STEPS).
            let reach = r / (std::f64::consts::PI / STEPS as f64).cos();
            points.push([centre[0] + reach * angle.cos(), centre[1] + reach * angle.sin()]);
        }
    }
    convex_hull(points)
}

/// Andrew's monotone chain.
fn convex_hull(mut points: Vec<[f64; 2]>) -> Vec<[f64; 2]> {
    points.sort_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
    points.dedup();
    if points.len() < 3 {
        return points;
    }
    let cross = |o: [f64; 2], a: [f64; 2], b: [f64; 2]| {
        (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
    };
    let mut hull: Vec<[f64; 2]> = Vec::with_capacity(points.len() * 2);
    for pass in 0..2 {
        let start = hull.len();
        let iter: Box<dyn Iterator<Item = &[f64; 2]>> =
            if pass == 0 { Box::new(points.iter()) } else { Box::new(points.iter().rev()) };
        for &p in iter {
            while hull.len() >= start + 2
                && cross(hull[hull.len() - 2], hull[hull.len() - 1], p) <= 0.0
            {
                hull.pop();
            }
            hull.push(p);
        }
        hull.pop();
    }
    hull
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hull_holds_every_circle() {
        let circles = [([0.0, 0.0], 5.0), ([50.0, 10.0], 8.0), ([20.0, 40.0], 4.0)];
        let hull = hull_around(&circles);
        assert!(hull.len() >= 3);
        // Every circle's centre lies inside (all cross products of one sign).
        for &(c, r) in &circles {
            for i in 0..hull.len() {
                let (a, b) = (hull[i], hull[(i + 1) % hull.len()]);
                let (ex, ey) = (b[0] - a[0], b[1] - a[1]);
                let distance = (ex * (c[1] - a[1]) - ey * (c[0] - a[0])) / ex.hypot(ey);
                assert!(distance >= r, "{c:?} is {distance} from an edge, radius {r}");
            }
        }
    }
}
