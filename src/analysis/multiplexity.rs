//! Multiplexity: the share of tied pairs that are tied in more than one layer (Verbrugge 1979).
//! Not to be confused with [`LayerOverlap`](super::LayerOverlap), the overlap of the edges of
//! two given layers.

use super::AnalysisError;
use crate::view::View;

/// Multiplexity: the share of tied pairs of nodes that are tied in at least two of the
/// layers, one [`View`] per layer (direction ignored; a pair is tied in a layer when an arc
/// joins it either way).
///
/// multiplexity = |{pairs tied in ≥ 2 layers}| / |{pairs tied in ≥ 1 layer}|: the share of
/// multiplex ties, after L. M. Verbrugge, "Multiplexity in adult friendships",
/// *Social Forces* 57(4), 1979. Many pairs tied in several layers (funding *and* information
/// *and* collaboration) mean multiplex, thick relationships — the kind that sustains
/// interdependence; an overlap near 0 means every relation is single-stranded. `None` when no
/// pair is tied in any layer.
///
/// # Errors
/// [`AnalysisError::InvalidParameter`] when the views do not have the same number of nodes
/// or a layer comes twice.
///
/// # Complexity
/// O(M log M) for M arcs over all views.
///
/// Numbers: no library computes this share; it is checked against hand-worked cases in `tests/interdependence.rs`.
pub fn multiplexity(views: &[View]) -> Result<Option<f64>, AnalysisError> {
    let mut seen = Vec::new();
    for view in views {
        if view.n_nodes() != views[0].n_nodes() {
            return Err(AnalysisError::InvalidParameter(
                "layer overlap needs views of the same nodes".to_owned(),
            ));
        }
        for layer in view.layers() {
            if seen.contains(layer) {
                return Err(AnalysisError::InvalidParameter(format!(
                    "layer {layer} is chosen twice; choose each layer once"
                )));
            }
            seen.push(*layer);
        }
    }
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for view in views {
        let mut own: Vec<(u32, u32)> = Vec::with_capacity(view.n_arcs());
        for u in 0..view.n_nodes() as u32 {
            for &v in view.out_arcs().neighbors(u) {
                own.push((u.min(v), u.max(v)));
            }
        }
        own.sort_unstable();
        own.dedup();
        pairs.extend(own);
    }
    pairs.sort_unstable();
    let (mut tied, mut multiple) = (0usize, 0usize);
    let mut start = 0;
    while start < pairs.len() {
        let run = pairs[start..].iter().take_while(|&&p| p == pairs[start]).count();
        tied += 1;
        if run >= 2 {
            multiple += 1;
        }
        start += run;
    }
    Ok((tied > 0).then(|| multiple as f64 / tied as f64))
}
