//! Network figures before and after, with the change.

use crate::analysis::structure::reciprocity;
use crate::analysis::{
    GraphStructure, density_and_degree_centralization, n_weak_components, neighbour_count,
};
use crate::view::View;

/// One figure on both sides.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct FigureChange {
    /// The figure's name, as the output's `figure` column writes it.
    pub figure: &'static str,
    /// Its value before; `None` when undefined or unknown.
    pub before: Option<f64>,
    /// Its value after.
    pub after: Option<f64>,
}

impl FigureChange {
    /// A figure.
    pub fn new(figure: &'static str, before: Option<f64>, after: Option<f64>) -> Self {
        FigureChange { figure, before, after }
    }

    /// after − before, when both are known.
    pub fn change(&self) -> Option<f64> {
        Some(self.after? - self.before?).filter(|x| x.is_finite())
    }
}

/// A figure before and after.
type Pair = (Option<f64>, Option<f64>);

/// Mean number of distinct partners, Σ_v deg(v) / n; `None` on an empty view.
pub(crate) fn mean_degree(view: &View) -> Option<f64> {
    let n = view.n_nodes();
    let total: usize = (0..n as u32).map(|v| neighbour_count(view, v)).sum();
    (n > 0).then(|| total as f64 / n as f64)
}

/// Actors, ties, density, Freeman degree and betweenness centralization, reciprocity, weak
/// components and mean degree ([`GraphStructure`]'s definitions) on both views, each with its
/// structure.
pub(crate) fn network_figures(
    (before, b): (&View, &GraphStructure),
    (after, a): (&View, &GraphStructure),
) -> Vec<FigureChange> {
    network_figures_of(before, Some(b), after, Some(a))
}

/// The figures without path searches (O(n + m)): the same list, betweenness centralization
/// left empty.
pub(crate) fn cheap_figures(before: &View, after: &View) -> Vec<FigureChange> {
    network_figures_of(before, None, after, None)
}

fn network_figures_of(
    before: &View,
    b: Option<&GraphStructure>,
    after: &View,
    a: Option<&GraphStructure>,
) -> Vec<FigureChange> {
    let cheap = |view: &View| {
        let (density, degree) = density_and_degree_centralization(view);
        (density, degree, reciprocity(view), n_weak_components(view))
    };
    let (cb, ca) = (cheap(before), cheap(after));
    let rows: [(&'static str, Pair); 7] = [
        ("actors", (Some(before.n_nodes() as f64), Some(after.n_nodes() as f64))),
        ("ties", (Some(before.n_ties() as f64), Some(after.n_ties() as f64))),
        ("density", (Some(cb.0), Some(ca.0))),
        ("degree_centralization", (cb.1, ca.1)),
        (
            "betweenness_centralization",
            (
                b.and_then(|s| s.betweenness_centralization),
                a.and_then(|s| s.betweenness_centralization),
            ),
        ),
        ("reciprocity", (cb.2, ca.2)),
        ("weak_components", (Some(cb.3 as f64), Some(ca.3 as f64))),
    ];
    let mut figures: Vec<FigureChange> =
        rows.into_iter().map(|(name, (x, y))| FigureChange::new(name, x, y)).collect();
    figures.push(FigureChange::new("mean_degree", mean_degree(before), mean_degree(after)));
    figures
}
