//! The description of a view that the JSON outputs of list commands start with: which
//! workspace, which layers, whether ties are directed, what weights measure, whether paths are
//! weighted, how many actors and ties.

use serde::Serialize;

use crate::model::Network;
use crate::view::View;

/// What a view holds, for JSON outputs (keys in this order).
#[derive(Clone, Debug, Serialize)]
pub struct ViewDescription<'a> {
    /// How the workspace is named.
    workspace: &'a str,
    /// The names of the view's layers.
    layers: Vec<&'a str>,
    /// Whether the view is directed.
    directed: bool,
    /// What tie weights measure: `amount` (euros), `weight` (tie strength) or `count`.
    weighting: &'static str,
    /// Whether paths count tie weights.
    weighted_paths: bool,
    /// Actors in the view.
    actors: usize,
    /// Ties in the view.
    ties: usize,
}

impl<'a> ViewDescription<'a> {
    /// The description of `view` of `network`, in the workspace named `workspace`.
    pub fn new(network: &'a Network, view: &View, workspace: &'a str, weighted: bool) -> Self {
        ViewDescription {
            workspace,
            layers: view.layers().iter().map(|&l| View::layer_name(network, l)).collect(),
            directed: view.is_directed(),
            weighting: view.weighting().as_str(),
            weighted_paths: weighted,
            actors: view.n_nodes(),
            ties: view.n_ties(),
        }
    }
}
