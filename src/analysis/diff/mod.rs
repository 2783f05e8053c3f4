//! Change between two views of a network — two dates, two workspaces or two coalitions — with
//! actors matched by id (their key as the workspace writes it).
//!
//! Each side is a [`DiffSide`]: a network and the [`ViewSpec`] that selects the view (its scope,
//! layers and date; the view applies scope, dates and the coalition rules of relations and
//! roles). [`diff`] compares them: ties per layer ([`LayerChange`]), members
//! ([`MemberChange`]), network figures ([`FigureChange`]), centrality ranks ([`RankMove`]),
//! connectieplan topics ([`TopicChange`]) and money. The two networks may differ (two
//! workspaces): every actor is then named by its key, and the actors that only one side's
//! workspace has are listed ([`Diff::only_before`], [`Diff::only_after`]).

mod figures;
mod members;
mod money;
mod movers;
mod numbers;
mod ties;
mod topics;

pub use figures::FigureChange;
pub(crate) use figures::{cheap_figures, network_figures};
pub(crate) use members::member_change;
pub use members::{ActorLabel, MemberChange};
pub(crate) use money::{money_figures, plan_of, rijk_region_ties};
pub use movers::RankMove;
pub(crate) use movers::rank_movers;
pub(crate) use ties::layer_changes;
pub use ties::{LayerChange, TieKey};
pub use topics::TopicChange;
pub(crate) use topics::topic_changes;

use crate::analysis::{
    ActorCentrality, AnalysisError, CentralityConfig, Connectieplan, Measures, Sample, centrality,
    graph_structure_with,
};
use crate::model::{ActorId, Network};
use crate::view::{View, ViewError, ViewSpec};
use numbers::SharedNumbers;

/// One side of a comparison: a network and the view of it compared.
#[derive(Clone, Copy, Debug)]
pub struct DiffSide<'a> {
    /// The network (the same one on both sides for two dates or two coalitions).
    pub network: &'a Network,
    /// The view compared: scope (a coalition, or all), layers, date.
    pub spec: &'a ViewSpec,
}

impl<'a> DiffSide<'a> {
    /// A side.
    pub fn new(network: &'a Network, spec: &'a ViewSpec) -> Self {
        DiffSide { network, spec }
    }
}

/// How many rank movers [`diff`] keeps each way by default.
pub const DEFAULT_MOVERS: usize = 5;

/// What [`diff`] computes beyond the defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DiffConfig {
    /// How many actors to keep among the movers up and down, per measure.
    pub movers: usize,
    /// Estimate betweenness (the movers and the centralization figures) from this many
    /// pivots on each side instead of a search from every actor (see
    /// [`Sample`]); `None`: exact.
    pub sample: Option<Sample>,
    /// Whether to run path searches at all: `false` leaves betweenness out (movers by degree
    /// only, no betweenness centralization), every other figure O(n + m).
    pub paths: bool,
}

impl Default for DiffConfig {
    fn default() -> Self {
        DiffConfig { movers: DEFAULT_MOVERS, sample: None, paths: true }
    }
}

impl DiffConfig {
    /// Sets [`DiffConfig::paths`].
    pub fn with_paths(mut self, paths: bool) -> Self {
        self.paths = paths;
        self
    }

    /// Sets [`DiffConfig::sample`].
    pub fn with_sample(mut self, sample: impl Into<Option<Sample>>) -> Self {
        self.sample = sample.into();
        self
    }

    /// Sets [`DiffConfig::movers`].
    pub fn with_movers(mut self, movers: usize) -> Self {
        self.movers = movers;
        self
    }
}

/// Everything that changed between two sides.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Diff {
    /// Per layer (matched by name, before's layers first), ties gained, lost and kept.
    pub layers: Vec<LayerChange>,
    /// Members joined and left, sectors and kinds; `None` unless both sides are a coalition.
    pub members: Option<MemberChange>,
    /// Actors in the view before and after.
    pub actors_before: usize,
    /// Actors in the view after.
    pub actors_after: usize,
    /// Actors the view had before and not after, by key.
    pub actors_left: Vec<ActorLabel>,
    /// Actors the view has after and not before, by key.
    pub actors_joined: Vec<ActorLabel>,
    /// Network figures before and after: nodes, ties, density, centralization, reciprocity,
    /// weak components, mean degree; when a side is a coalition, `rijk_region_ties`: the
    /// distinct pairs of a Rijk party and a regional party of the coalition that its
    /// connectieplan ties (on a topic or general).
    pub figures: Vec<FigureChange>,
    /// Centrality rank movers (degree, then betweenness), up first, then down.
    pub movers: Vec<RankMove>,
    /// Connectieplan topics before and after; empty unless a side is a coalition.
    pub topics: Vec<TopicChange>,
    /// Money before and after: national contribution, co-financing, national share,
    /// co-financing ratio, euros between Rijk and region; empty unless a side is a coalition.
    pub money: Vec<FigureChange>,
    /// Actors only the workspace before has (two workspaces; empty otherwise), by key.
    pub only_before: Vec<String>,
    /// Actors only the workspace after has (two workspaces; empty otherwise), by key.
    pub only_after: Vec<String>,
}

/// Why a comparison could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DiffError {
    /// A side's view could not be built.
    #[error(transparent)]
    View(#[from] ViewError),
    /// An analysis of a side failed.
    #[error(transparent)]
    Analysis(#[from] AnalysisError),
}

/// Compares `before` with `after`.
///
/// Actors are matched by key; ties by the keys of their ends and their layer's name (a tie of
/// a directed layer by its direction, of an undirected one as the pair). Centrality ranks are
/// competition ranks (1 + the number of actors scoring more) among the actors both views hold.
///
/// # Complexity
/// The views, a betweenness computation per side (Brandes, O(nm)) and the connectieplans.
pub fn diff(
    before: DiffSide<'_>,
    after: DiffSide<'_>,
    config: &DiffConfig,
) -> Result<Diff, DiffError> {
    let view_before = View::build(before.network, before.spec)?;
    let view_after = View::build(after.network, after.spec)?;
    let numbers = SharedNumbers::new(before.network, after.network);
    let layers = layer_changes(before, after, &numbers)?;
    let members = member_change(before, after);
    let (actors_left, actors_joined) =
        one_sided((before, &view_before), (after, &view_after), &numbers);
    let centrality_config = CentralityConfig::default()
        .with_measures(
            Measures::default()
                .with_betweenness(config.paths)
                .with_closeness(false)
                .with_harmonic(false)
                .with_eigenvector(false)
                .with_pagerank(false),
        )
        .with_sample(config.sample);
    let scores_before = centrality(&view_before, &centrality_config)?;
    let scores_after = centrality(&view_after, &centrality_config)?;
    let mut figures = if config.paths {
        let structure = |view: &View, scores: &[ActorCentrality]| {
            graph_structure_with(view, scores, &centrality_config, &())
        };
        network_figures(
            (&view_before, &structure(&view_before, &scores_before)),
            (&view_after, &structure(&view_after, &scores_after)),
        )
    } else {
        cheap_figures(&view_before, &view_after)
    };
    let movers = rank_movers(&scores_before, (after, &scores_after), &numbers, config.movers);
    let (plan_before, plan_after) = (plan_of(before)?, plan_of(after)?);
    let plans = (plan_before.as_ref(), plan_after.as_ref());
    if plans.0.is_some() || plans.1.is_some() {
        let count = |plan: Option<&Connectieplan>| plan.map(|p| rijk_region_ties(p) as f64);
        figures.push(FigureChange::new("rijk_region_ties", count(plans.0), count(plans.1)));
    }
    let topics = topic_changes(before, after, plans);
    let money = money_figures(before, after, plans);
    let (only_before, only_after) = if std::ptr::eq(before.network, after.network) {
        (Vec::new(), Vec::new())
    } else {
        only_in_one(&numbers)
    };
    Ok(Diff {
        layers,
        members,
        actors_before: view_before.n_nodes(),
        actors_after: view_after.n_nodes(),
        actors_left,
        actors_joined,
        figures,
        movers,
        topics,
        money,
        only_before,
        only_after,
    })
}

/// The actors only the view before has (left) and only the view after has (joined), matched
/// by key, each list in key order.
fn one_sided(
    (before, view_before): (DiffSide<'_>, &View),
    (after, view_after): (DiffSide<'_>, &View),
    numbers: &SharedNumbers<'_>,
) -> (Vec<ActorLabel>, Vec<ActorLabel>) {
    let numbered = |view: &View, number: &[u32]| -> Vec<(u32, ActorId)> {
        let mut actors: Vec<(u32, ActorId)> =
            view.actors().iter().map(|&a| (number[a.index()], a)).collect();
        actors.sort_unstable();
        actors
    };
    let (b, a) = (numbered(view_before, &numbers.before), numbered(view_after, &numbers.after));
    let present = |actors: &[(u32, ActorId)]| {
        let mut present = vec![false; numbers.keys.len()];
        for &(number, _) in actors {
            present[number as usize] = true;
        }
        present
    };
    let (in_before, in_after) = (present(&b), present(&a));
    let only = |side: DiffSide<'_>, actors: &[(u32, ActorId)], other: &[bool]| {
        actors
            .iter()
            .filter(|&&(number, _)| !other[number as usize])
            .map(|&(_, id)| ActorLabel::of(side.network, id))
            .collect()
    };
    (only(before, &b, &in_after), only(after, &a, &in_before))
}

/// The keys of the actors only one network has, each list sorted.
fn only_in_one(numbers: &SharedNumbers<'_>) -> (Vec<String>, Vec<String>) {
    let present = |of: &[u32]| {
        let mut present = vec![false; numbers.keys.len()];
        for &number in of {
            present[number as usize] = true;
        }
        present
    };
    let (in_before, in_after) = (present(&numbers.before), present(&numbers.after));
    let only = |from: &[bool], other: &[bool]| -> Vec<String> {
        (0..numbers.keys.len())
            .filter(|&n| from[n] && !other[n])
            .map(|n| numbers.keys[n].to_owned())
            .collect()
    };
    (only(&in_before, &in_after), only(&in_after, &in_before))
}

/// How many actor keys two networks share.
pub fn shared_actors(before: &Network, after: &Network) -> usize {
    before.actors().iter().filter(|a| after.actor_id(&a.key).is_some()).count()
}

#[cfg(test)]
mod tests;
