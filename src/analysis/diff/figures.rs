//! Network figures before and after, with the change.

use crate::analysis::{GraphStructure, neighbour_count};
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
    let pick = |f: fn(&GraphStructure) -> Option<f64>| (f(&b), f(&a));
    let rows: [(&'static str, Pair); 7] = [
        ("actors", pick(|s| Some(s.n_nodes as f64))),
        ("ties", pick(|s| Some(s.n_ties as f64))),
        ("density", pick(|s| Some(s.density))),
        ("degree_centralization", pick(|s| s.degree_centralization)),
        ("betweenness_centralization", pick(|s| s.betweenness_centralization)),
        ("reciprocity", pick(|s| s.reciprocity)),
        ("weak_components", pick(|s| Some(s.n_weak_components as f64))),
    ];
    let mut figures: Vec<FigureChange> =
        rows.into_iter().map(|(name, (x, y))| FigureChange::new(name, x, y)).collect();
    figures.push(FigureChange::new("mean_degree", mean_degree(before), mean_degree(after)));
    figures
}
