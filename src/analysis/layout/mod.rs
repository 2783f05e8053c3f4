//! Positions of a view's actors in the plane, for drawing the network map: the layout methods,
//! their configuration and result, and the normalized stress that measures a layout's quality.
//!
//! Coordinates are in units of one hop: two tied actors are ideally one unit apart. The renderer
//! scales them to points. Same view and configuration ⇒ the same coordinates, bit for bit, at any
//! thread count.

use crate::model::Network;
use crate::view::View;

/// How to place the actors.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum LayoutMethod {
    /// Stress majorization up to a few thousand actors, the multilevel force-directed layout
    /// beyond.
    #[default]
    Auto,
    /// Stress majorization (Gansner, Koren & North 2004) started from pivot MDS (Brandes & Pich
    /// 2006).
    Stress,
    /// A multilevel force-directed layout, for large views.
    Force,
    /// The national side (the Rijk) on the left, the region on the right, as the connectieplan
    /// draws them.
    RijkRegion,
}

impl LayoutMethod {
    /// The name users type (`stress`, `force`, `rijk-region`, `auto`).
    pub fn as_str(self) -> &'static str {
        match self {
            LayoutMethod::Auto => "auto",
            LayoutMethod::Stress => "stress",
            LayoutMethod::Force => "force",
            LayoutMethod::RijkRegion => "rijk-region",
        }
    }
}

/// The settings of [`layout`].
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct LayoutConfig {
    /// The method.
    pub method: LayoutMethod,
    /// The seed of every random choice (pivots, coarsening); the same seed gives the same layout.
    pub seed: u64,
    /// Each actor's radius in hop units (view node order), kept clear of every other actor's;
    /// empty: every actor a point.
    pub radii: Vec<f64>,
}

impl Default for LayoutConfig {
    fn default() -> Self {
        LayoutConfig { method: LayoutMethod::Auto, seed: 1, radii: Vec::new() }
    }
}

impl LayoutConfig {
    /// With this method.
    pub fn with_method(mut self, method: LayoutMethod) -> Self {
        self.method = method;
        self
    }

    /// With this seed.
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// With these radii (hop units, view node order), which no other actor may overlap.
    pub fn with_radii(mut self, radii: Vec<f64>) -> Self {
        self.radii = radii;
        self
    }
}

/// The positions of a view's actors.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Layout {
    /// `[x, y]` per actor, in view node order, in hop units (y grows downwards, as in SVG).
    pub positions: Vec<[f64; 2]>,
    /// The method that placed them (`Auto` resolved).
    pub method: LayoutMethod,
}

/// Places the actors of `view` (the network gives each actor's side, for `rijk-region`).
///
/// PLACEHOLDER until the layout engine lands: actors on a circle.
pub fn layout(view: &View, network: &Network, config: &LayoutConfig) -> Layout {
    let _ = network;
    let n = view.n_nodes();
    let radius = (n as f64 / std::f64::consts::TAU).max(1.0);
    let positions = (0..n)
        .map(|i| {
            let angle = std::f64::consts::TAU * i as f64 / n.max(1) as f64;
            [radius * angle.cos(), radius * angle.sin()]
        })
        .collect();
    Layout {
        positions,
        method: match config.method {
            LayoutMethod::Auto => LayoutMethod::Stress,
            method => method,
        },
    }
}
