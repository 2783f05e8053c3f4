//! The report's data: everything the page shows (the figures about the whole network and about
//! each coalition, and why a section has no figures), plain structs and enums for a renderer.

use crate::analysis::Moment;
use crate::analysis::{
    ActorCentrality, Asymmetry, Brokerage, CoalitionFigures, Connectieplan, DependenceSource, Diff,
    GraphStructure, Grouping, Interdependence, Suspects,
};
use crate::model::{CoalitionId, Date};
use crate::view::{LayerChoice, Weighting};

/// Everything the report shows, as [`report`](super::report) computes it.
#[derive(Clone, Debug)]
pub struct Report {
    /// Where the inputs came from, as the caller names them (kept as given).
    pub source: ReportSource,
    /// The date the report describes, and why (each coalition's may differ:
    /// [`CoalitionReport::moment`]).
    pub moment: Moment,
    /// The whole network.
    pub overview: Overview,
    /// The coalitions to report on, in order.
    pub coalitions: Vec<CoalitionReport>,
}

/// Where the report's inputs came from: what only the caller knows, shown on the page (its
/// title, and the `stakenet` commands that give each section's figures).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportSource {
    /// How to name the workspace (its path, or the bundled workspace's name).
    pub workspace: String,
    /// The workspace argument of the commands the page names (`None` for the bundled
    /// workspace, which needs none).
    pub workspace_argument: Option<String>,
    /// The `--profile` file given, repeated in the `compare` and `suspects` commands the page
    /// names (`None` for the default profile).
    pub profile_argument: Option<String>,
    /// Pivot sampling for the path measures (betweenness, closeness, harmonic centrality) of
    /// views with more actors than pivots, for workspaces too large for a search from every
    /// actor: the page says the figures are estimates and repeats `--sample K --seed S` in the
    /// `centrality` commands it names. `None`: every figure exact.
    pub sample: Option<crate::analysis::Sample>,
    /// The baseline as the caller names it (`--baseline DATE|WORKSPACE`: the date, or the
    /// baseline workspace's path as given), for the page's header and the `stakenet diff`
    /// commands it names; `None` without a baseline (or to name a baseline workspace
    /// `BASELINE` in those commands).
    pub baseline_argument: Option<String>,
}

/// The figures about the whole network.
#[derive(Clone, Debug)]
pub struct Overview {
    /// `compare` for every coalition of the workspace, by id, on the report's date.
    pub compare: Vec<CoalitionFigures>,
    /// The layers of the whole-network view: the default layers
    /// ([`LayerChoice::default_layers`]), on the report's date.
    pub layers: Vec<LayerChoice>,
    /// Whether those are shared coalition membership because the workspace records no
    /// relations (the page says so).
    pub membership_by_default: bool,
    /// Whether that view is directed.
    pub directed: bool,
    /// Centrality of every actor in that view, in node order.
    pub centrality: Vec<ActorCentrality>,
    /// Its graph-level figures.
    pub structure: GraphStructure,
    /// Brokerage in that view, grouped by side.
    pub brokerage: Brokerage,
    /// The grouping by side.
    pub grouping: Grouping,
    /// The coalition finance of every coalition ([`Asymmetry::coalitions`]; no layers).
    pub finance: Asymmetry,
}

/// The figures about one coalition.
#[derive(Clone, Debug)]
pub struct CoalitionReport {
    /// Which coalition.
    pub coalition: CoalitionId,
    /// The date described: the report's, moved into the coalition's term
    /// ([`coalition_moment`](crate::analysis::coalition_moment)).
    pub moment: Moment,
    /// Ties among the coalition's parties (its members and their units) in the explicit
    /// layers on that date; 0 when no relations are recorded among them.
    pub n_ties: usize,
    /// Centrality in the coalition's view (its members and their units; every explicit layer,
    /// never shared membership; on its date), in node order.
    pub centrality: Vec<ActorCentrality>,
    /// Brokerage in that view, grouped by side.
    pub brokerage: Brokerage,
    /// The grouping by side.
    pub grouping: Grouping,
    /// Asymmetry over the explicit layers among the members, or why there is none.
    pub asymmetry: AsymmetryFinding,
    /// Interdependence among the members, or why there is none.
    pub interdependence: InterdependenceFinding,
    /// Usual and unusual suspects.
    pub suspects: Suspects,
    /// The connectieplan.
    pub plan: Connectieplan,
    /// The relations with euros behind the figures: both ends in the coalition's scope, holding
    /// on its date, part of no other coalition ([`Relation::counts_in`](crate::Relation::counts_in));
    /// indices into [`Network::relations`](crate::Network::relations), in workspace order.
    pub euro_relations: Vec<usize>,
    /// The change since the report's baseline ([`ReportConfig::baseline`](super::ReportConfig));
    /// `None` without one.
    pub since_baseline: Option<BaselineFinding>,
    /// The change from the deal this one follows ([`Network::previous_deal`](crate::Network::previous_deal))
    /// to this one; `None` when it follows none.
    pub previous_deal: Option<CoalitionChange>,
}

/// A coalition compared with an earlier state: itself on the baseline, or the deal it follows.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct CoalitionChange {
    /// The coalition on the earlier side, by id as its workspace writes it.
    pub before_key: String,
    /// Its name there.
    pub before_name: String,
    /// Whether the earlier side is another workspace (a baseline workspace), not this one.
    pub other_workspace: bool,
    /// The date the earlier side is described on.
    pub before_moment: Moment,
    /// The date this coalition is described on (its report's,
    /// [`CoalitionReport::moment`]).
    pub after_moment: Moment,
    /// What changed from the earlier side to this coalition: each side the coalition's view
    /// (members and their units, the default layers, on its date), as `stakenet diff` compares
    /// them.
    pub diff: Diff,
}

/// A coalition's "since the baseline" part.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum BaselineFinding {
    /// The comparison.
    Compared(Box<CoalitionChange>),
    /// The baseline workspace has no coalition with this coalition's id.
    Missing,
    /// The baseline date is not before the date the coalition is described on (a deal that
    /// ended before the baseline is described on its last day): there is no "since".
    NotEarlier {
        /// The baseline date.
        baseline: Date,
        /// The date the coalition is described on.
        described: Date,
    },
}

/// The asymmetry section of a coalition.
#[derive(Clone, Debug)]
pub enum AsymmetryFinding {
    /// The workspace has no relations (no explicit layer).
    NoLayers,
    /// The members have no tie with each other in any of these layers.
    NoTies {
        /// The workspace's explicit layers.
        layers: Vec<String>,
    },
    /// The figures, per layer, grouped by side.
    Found(Asymmetry),
}

/// The interdependence section of a coalition.
#[derive(Clone, Debug)]
pub enum InterdependenceFinding {
    /// The workspace has neither a `dependency` nor a `funding` layer.
    NoLayer {
        /// The explicit layers it has.
        layers: Vec<String>,
    },
    /// The members have no tie with each other in the layer.
    NoTies {
        /// The dependence layer.
        layer: String,
    },
    /// The analysis refused (too many actors, α too large for the dependence cycles).
    Refused {
        /// The dependence layer.
        layer: String,
        /// Why, as the analysis says it.
        reason: String,
    },
    /// The figures.
    Found {
        /// The dependence layer.
        layer: String,
        /// What its weights measure (euros when every relation carries an amount).
        weighting: Weighting,
        /// How D was read from it.
        source: DependenceSource,
        /// Pairs, actor scores and mutuality.
        result: Interdependence,
        /// Share of tied member pairs tied in two or more layers.
        overlap: Option<f64>,
    },
}
