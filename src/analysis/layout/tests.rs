//! Unit tests of the layout engine on small hand-made graphs.

use super::distances::Graph;
use super::quality::graph_stress;
use super::stress::stress_layout;
use crate::random::SplitMix64;

fn graph(n: u32, edges: &[(u32, u32)]) -> Graph {
    let mut lists = vec![Vec::new(); n as usize];
    for &(a, b) in edges {
        lists[a as usize].push(b);
        lists[b as usize].push(a);
    }
    for list in &mut lists {
        list.sort_unstable();
        list.dedup();
    }
    Graph::from_lists(&lists)
}

#[test]
fn a_path_is_laid_out_straight() {
    let edges: Vec<(u32, u32)> = (0..29).map(|i| (i, i + 1)).collect();
    let g = graph(30, &edges);
    let positions = stress_layout(&g, None, &mut SplitMix64::new(1));
    let stress = graph_stress(&g, &positions);
    assert!(stress < 0.01, "{stress}");
}
