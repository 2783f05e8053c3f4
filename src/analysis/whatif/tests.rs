//! Unit tests of the key players: fragmentation of paths, cycles and isolates worked by hand.

use super::*;
use crate::view::View;

fn path_view(n: u32, extra: &[(u32, u32)]) -> View {
    let arcs: Vec<(u32, u32, f64)> =
        (1..n).map(|i| (i - 1, i, 1.0)).chain(extra.iter().map(|&(a, b)| (a, b, 1.0))).collect();
    View::from_arcs(n as usize, arcs, false).unwrap()
}

#[test]
fn the_middle_of_a_path_fragments_it_most() {
    // 0-1-2-3-4: removing 2 leaves {0,1} and {3,4}: F = 1 - (2 + 2) / (4 * 3) = 2/3.
    let view = path_view(5, &[]);
    let KeyPlayers { fragmentation: f, distance_fragmentation: df, players } =
        key_players(&view, true, &());
    assert_eq!(f, Some(0.0));
    assert!(df.unwrap() > 0.0);
    let middle = &players[2];
    assert_eq!(middle.pieces, vec![2, 2]);
    assert!((middle.fragmentation.unwrap() - 2.0 / 3.0).abs() < 1e-12);
    // An end leaves a path of 4: F = 0.
    assert_eq!(players[0].fragmentation, Some(0.0));
    assert_eq!(players[0].pieces, vec![4]);
}

#[test]
fn a_cycle_has_no_cut_vertex_and_an_isolate_no_pieces() {
    let view = View::from_arcs(5, vec![(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0), (3, 0, 1.0)], false)
        .unwrap();
    let KeyPlayers { fragmentation: f, players, .. } = key_players(&view, false, &());
    // components {0..3} and {4}: F = 1 - 12/20.
    assert!((f.unwrap() - 0.4).abs() < 1e-12);
    assert!(players[4].pieces.is_empty());
    assert_eq!(players[4].fragmentation, Some(0.0));
    assert_eq!(players[0].pieces, vec![3]);
}
