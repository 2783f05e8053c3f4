//! What a network map is asked to show: colour by a grouping, size by a measure, how many
//! labels, an ego network, ministry hulls, the layout method and seed ([`MapOptions`]).

use crate::analysis::{GroupBy, LayoutMethod};
use crate::model::ActorId;

/// The default number of labelled actors.
pub const DEFAULT_LABELS: usize = 30;

/// What sets an actor's size.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum SizeBy {
    /// Distinct actors tied to it.
    #[default]
    Degree,
    /// Betweenness centrality.
    Betweenness,
    /// PageRank.
    Pagerank,
    /// Closeness centrality.
    Closeness,
    /// Harmonic centrality.
    Harmonic,
    /// Eigenvector centrality.
    Eigenvector,
    /// The sum of the weights of its ties.
    Strength,
    /// The euros of the relations it takes part in (on the map's layers and date).
    Amount,
    /// A numeric free column of `actors.csv`, by its lower-case name.
    Attribute(String),
}

impl SizeBy {
    /// The built-in names, as `--size-by` accepts them.
    pub const NAMES: [&'static str; 8] = [
        "degree",
        "betweenness",
        "pagerank",
        "closeness",
        "harmonic",
        "eigenvector",
        "strength",
        "amount",
    ];

    /// Reads a name: a built-in measure (ASCII case ignored), else a column (lower-cased),
    /// whose existence [`MapModel::build`](super::MapModel::build) checks.
    pub fn parse(text: &str) -> SizeBy {
        let lower = text.trim().to_ascii_lowercase();
        match lower.as_str() {
            "degree" => SizeBy::Degree,
            "betweenness" => SizeBy::Betweenness,
            "pagerank" => SizeBy::Pagerank,
            "closeness" => SizeBy::Closeness,
            "harmonic" => SizeBy::Harmonic,
            "eigenvector" => SizeBy::Eigenvector,
            "strength" => SizeBy::Strength,
            "amount" => SizeBy::Amount,
            _ => SizeBy::Attribute(lower),
        }
    }

    /// The name as written on the command line.
    pub fn name(&self) -> &str {
        match self {
            SizeBy::Degree => "degree",
            SizeBy::Betweenness => "betweenness",
            SizeBy::Pagerank => "pagerank",
            SizeBy::Closeness => "closeness",
            SizeBy::Harmonic => "harmonic",
            SizeBy::Eigenvector => "eigenvector",
            SizeBy::Strength => "strength",
            SizeBy::Amount => "amount",
            SizeBy::Attribute(name) => name,
        }
    }
}

/// The actors within `radius` hops (either direction) of `actor`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ego {
    /// The centre.
    pub actor: ActorId,
    /// Hops, at least 0.
    pub radius: u32,
}

/// The settings of a map. Start from `Default` and chain `with_*`.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct MapOptions {
    /// How the workspace is named (the caption says it).
    pub workspace: String,
    /// What colours the actors.
    pub color_by: GroupBy,
    /// What sizes them.
    pub size_by: SizeBy,
    /// How many of the largest actors get a label drawn (every actor keeps its hover text).
    pub labels: usize,
    /// Only this ego network.
    pub ego: Option<Ego>,
    /// Units drawn inside a hull of their ministry.
    pub nest: bool,
    /// The layout method.
    pub method: LayoutMethod,
    /// The layout's seed.
    pub seed: u64,
    /// The title; empty: one made from the scope.
    pub title: String,
    /// The prefix of every id in the drawing (`map`), so that several maps fit one page.
    pub id_prefix: String,
    /// Whether path measures (betweenness, closeness, harmonic) count tie weights.
    pub weighted: bool,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            workspace: String::new(),
            color_by: GroupBy::Sector,
            size_by: SizeBy::Degree,
            labels: DEFAULT_LABELS,
            ego: None,
            nest: false,
            method: LayoutMethod::Auto,
            seed: 1,
            title: String::new(),
            id_prefix: "map".to_owned(),
            weighted: false,
        }
    }
}

impl MapOptions {
    /// Names the workspace in the caption.
    pub fn with_workspace(mut self, name: impl Into<String>) -> Self {
        self.workspace = name.into();
        self
    }

    /// Colours by `by`.
    pub fn with_color_by(mut self, by: GroupBy) -> Self {
        self.color_by = by;
        self
    }

    /// Sizes by `by`.
    pub fn with_size_by(mut self, by: SizeBy) -> Self {
        self.size_by = by;
        self
    }

    /// Labels the `n` largest actors.
    pub fn with_labels(mut self, n: usize) -> Self {
        self.labels = n;
        self
    }

    /// Draws only this ego network.
    pub fn with_ego(mut self, ego: Option<Ego>) -> Self {
        self.ego = ego;
        self
    }

    /// Draws units inside their ministry's hull.
    pub fn with_nest(mut self, nest: bool) -> Self {
        self.nest = nest;
        self
    }

    /// Places the actors with `method`.
    pub fn with_method(mut self, method: LayoutMethod) -> Self {
        self.method = method;
        self
    }

    /// Seeds the layout.
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Prefixes every id of the drawing with `prefix` (letters, digits, `-` and `_`; anything
    /// else becomes `_`).
    pub fn with_id_prefix(mut self, prefix: &str) -> Self {
        let clean: String = prefix
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
            .collect();
        self.id_prefix = if clean.is_empty() { "map".to_owned() } else { clean };
        self
    }

    /// Path measures count tie weights (a tie's length is 1/weight).
    pub fn with_weighted(mut self, weighted: bool) -> Self {
        self.weighted = weighted;
        self
    }

    /// Titles the map.
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = title.into();
        self
    }
}
