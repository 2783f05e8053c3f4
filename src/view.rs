//! Views: one question's selection of the network — scope, layers, level, date — as a compact
//! CSR graph with `u32` node indices that every analysis runs on.
//!
//! Building a view (DESIGN §2, §4.1):
//! 1. the actors in scope (all, or one coalition's members on the date) are folded into their
//!    topmost ancestor at the chosen level (an actor whose chain has no actor at that level
//!    stays itself); the distinct results are the nodes, numbered in the order of the actors'
//!    ids, so that no result depends on the order of rows in the files;
//! 2. every relation of a chosen layer that holds on the date and joins two nodes becomes an
//!    arc (a tie folded onto a single node disappears); the derived `comembership` layer adds
//!    an undirected tie per pair of co-members, weighted by the number of shared coalitions
//!    (`comembership-newman`: by Newman's collaboration weight), both projections of the
//!    folded actors × coalitions network, so that a coalition counts once for a pair of nodes
//!    however many of their units sit in it;
//! 3. if any chosen layer is directed the view is directed and an undirected relation becomes
//!    two arcs; otherwise every tie is undirected;
//! 4. parallel arcs between the same ordered pair merge, their weights summed in workspace
//!    order (so the result is the same at any thread count).

use rayon::prelude::*;

use crate::model::{
    ActorId, AmountCoverage, COMEMBERSHIP, COMEMBERSHIP_NEWMAN, CoalitionId, Date, LayerId, Level,
    Network, Projection, members_by_coalition, pair_count, projection_ties,
};

/// Which actors a view covers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// Every actor of the network.
    #[default]
    All,
    /// One coalition: its members (on the view's date, when it has one) and their units
    /// ([`Network::with_units_below`]) — a directorate of a signing ministry counts for that
    /// ministry.
    Coalition(CoalitionId),
    /// The members of one coalition only (on the view's date, when it has one), without the
    /// units below them.
    Members(CoalitionId),
}

impl Scope {
    /// The coalition the scope is about, when it is about one.
    pub fn coalition(&self) -> Option<CoalitionId> {
        match *self {
            Scope::All => None,
            Scope::Coalition(coalition) | Scope::Members(coalition) => Some(coalition),
        }
    }

    /// Per actor: whether it is in scope on `at` (any date when `None`).
    ///
    /// # Complexity
    /// O(n + k) for n actors and k memberships of the coalition.
    pub fn actors(&self, network: &Network, at: Option<Date>) -> Vec<bool> {
        let n_actors = network.actors().len();
        let members = |coalition: CoalitionId| {
            let mut members = vec![false; n_actors];
            for membership in network.members_of(coalition) {
                if at.is_none_or(|date| membership.validity.contains(date)) {
                    members[membership.actor.index()] = true;
                }
            }
            members
        };
        match *self {
            Scope::All => vec![true; n_actors],
            Scope::Members(coalition) => members(coalition),
            Scope::Coalition(coalition) => network.with_units_below(&members(coalition)),
        }
    }
}

/// What a view's tie weights measure, asked for in [`ViewSpec::weight`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum TieWeight {
    /// Euros (`amount`) when every relation of every chosen layer carries an amount and
    /// neither `comembership` layer is chosen; the relations' `weight` otherwise.
    #[default]
    Auto,
    /// The relations' `weight` (tie strength); `comembership` counts shared coalitions,
    /// `comembership-newman` weighs them by Newman's collaboration weight.
    Weight,
    /// The relations' `amount` in euros. Every relation of every chosen layer must carry one;
    /// a relation of amount 0 carries no money and makes no arc.
    Amount,
    /// Every relation counts 1, so a merged arc counts the relations between the pair;
    /// `comembership` and `comembership-newman` count shared coalitions.
    Count,
}

/// What a built view's weights measure: [`View::weighting`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Weighting {
    /// Tie strength (`weight`), and shared coalitions on `comembership`.
    Strength,
    /// Euros (`amount`).
    Euros,
    /// Number of relations (and shared coalitions on `comembership`).
    Count,
}

impl Weighting {
    /// `weight`, `amount` or `count`: the `--weight` value that gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            Weighting::Strength => "weight",
            Weighting::Euros => "amount",
            Weighting::Count => "count",
        }
    }
}

/// One layer a view draws its ties from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
pub enum LayerChoice {
    /// An explicit layer of `relations.csv`.
    Explicit(LayerId),
    /// The derived layer of shared coalition membership: a pair of actors tied by the number
    /// of coalitions they share (NetworkX `bipartite.weighted_projected_graph`).
    Comembership,
    /// The derived layer of shared coalition membership weighted as Newman (2001): each shared
    /// coalition of n members adds 1 / (n − 1) (NetworkX
    /// `bipartite.collaboration_weighted_projected_graph`), so a pair that shares a small deal is
    /// tied more strongly than a pair in a large one. `comembership-newman` by name.
    ComembershipNewman,
}

impl LayerChoice {
    /// The layers a view draws on when none are chosen: every explicit layer when the network
    /// has relations (the working relations, not shared membership); `comembership` when it
    /// has none, so that a workspace of memberships only still has ties.
    pub fn default_layers(network: &Network) -> Vec<LayerChoice> {
        if network.relations().is_empty() {
            vec![LayerChoice::Comembership]
        } else {
            LayerChoice::explicit_layers(network).collect()
        }
    }

    /// Every explicit layer of `network` (the layers of its relations), in layer order, without
    /// the derived `comembership`: the working relations, not shared membership.
    pub fn explicit_layers(
        network: &Network,
    ) -> impl ExactSizeIterator<Item = LayerChoice> + use<> {
        (0..network.layers().len()).map(|i| LayerChoice::Explicit(LayerId::from_index(i)))
    }

    /// Whether the layer is derived from shared coalition membership (`comembership` or
    /// `comembership-newman`): undirected, without amounts.
    pub fn is_comembership(self) -> bool {
        self.projection().is_some()
    }

    /// The projection a derived layer is, `None` for an explicit layer.
    pub(crate) fn projection(self) -> Option<Projection> {
        match self {
            LayerChoice::Explicit(_) => None,
            LayerChoice::Comembership => Some(Projection::Shared),
            LayerChoice::ComembershipNewman => Some(Projection::Newman),
        }
    }
}

/// `comembership`, `comembership-newman`, or `#i` for the workspace's i-th explicit layer
/// (counting from 0, in the order of [`Network::layers`]): a view does not know layer names,
/// the network does.
impl std::fmt::Display for LayerChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LayerChoice::Explicit(id) => write!(f, "#{}", id.index()),
            LayerChoice::Comembership => f.write_str(COMEMBERSHIP),
            LayerChoice::ComembershipNewman => f.write_str(COMEMBERSHIP_NEWMAN),
        }
    }
}

/// The selection a view is built from.
///
/// The default selects every actor and the default layers ([`LayerChoice::default_layers`]),
/// unfolded, at any date, weighted automatically ([`TieWeight::Auto`]). Start from it, or
/// from [`ViewSpec::coalition`], and narrow the selection:
/// ```
/// # use stakenet::{CoalitionId, LayerChoice, Level, ViewSpec, model::Date};
/// let everyone = ViewSpec::default().with_level(Level::Regional);
/// let one_deal = ViewSpec::coalition(CoalitionId::from_index(0))
///     .with_layers([LayerChoice::Comembership])
///     .with_at(Date::from_ymd_opt(2024, 1, 1).expect("a date"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ViewSpec {
    /// Which actors.
    pub scope: Scope,
    /// Which layers; `None` means [`LayerChoice::default_layers`].
    pub layers: Option<Vec<LayerChoice>>,
    /// Fold actors into their nearest ancestor of this `kind` ([`Network::fold_to_kind`]);
    /// with [`ViewSpec::level`] as well, the results are then folded to the level.
    pub fold_kind: Option<String>,
    /// Fold actors into their ancestor at this level.
    pub level: Option<Level>,
    /// Only relations and memberships that hold on this date.
    pub at: Option<Date>,
    /// What tie weights measure.
    pub weight: TieWeight,
}

impl ViewSpec {
    /// `coalition` (its members and the units below them), the default layers, unfolded, at
    /// any date.
    pub fn coalition(coalition: CoalitionId) -> Self {
        ViewSpec { scope: Scope::Coalition(coalition), ..ViewSpec::default() }
    }

    /// Sets which actors: [`ViewSpec::scope`].
    #[must_use]
    pub fn with_scope(mut self, scope: Scope) -> Self {
        self.scope = scope;
        self
    }

    /// Chooses the layers ([`ViewSpec::layers`]); an empty list gives a view without ties.
    #[must_use]
    pub fn with_layers(mut self, layers: impl IntoIterator<Item = LayerChoice>) -> Self {
        self.layers = Some(layers.into_iter().collect());
        self
    }

    /// Chooses the default layers ([`ViewSpec::layers`] is `None`):
    /// [`LayerChoice::default_layers`].
    #[must_use]
    pub fn with_all_layers(mut self) -> Self {
        self.layers = None;
        self
    }

    /// Sets the level actors are folded to: a level, or `None` for no folding
    /// ([`ViewSpec::level`]).
    #[must_use]
    pub fn with_level(mut self, level: impl Into<Option<Level>>) -> Self {
        self.level = level.into();
        self
    }

    /// Sets the date relations and memberships must hold on: a date, or `None` for any date
    /// ([`ViewSpec::at`]).
    #[must_use]
    pub fn with_at(mut self, at: impl Into<Option<Date>>) -> Self {
        self.at = at.into();
        self
    }

    /// Sets the kind actors are folded to: a kind, or `None` for none
    /// ([`ViewSpec::fold_kind`]).
    #[must_use]
    pub fn with_fold_kind(mut self, kind: Option<String>) -> Self {
        self.fold_kind = kind;
        self
    }

    /// Sets what tie weights measure ([`ViewSpec::weight`]).
    #[must_use]
    pub fn with_weight(mut self, weight: TieWeight) -> Self {
        self.weight = weight;
        self
    }

    /// Whether `relation` is part of this spec's views, whatever its layer and weighting: it
    /// holds on the date ([`ViewSpec::at`]) and belongs to the scope's coalition, or to none
    /// ([`Relation::counts_in`](crate::model::Relation::counts_in)). The one rule of
    /// [`View::build`], of each layer's arcs apart and of the map's ties.
    pub(crate) fn keeps(&self, relation: &crate::model::Relation) -> bool {
        self.at.is_none_or(|date| relation.validity.contains(date))
            && relation.counts_in(self.scope.coalition())
    }

    /// The node of a view of this spec that a tie at each actor ends at (its folded image), or
    /// `None` when the actor is out of scope; indexed by actor. The one node mapping of
    /// [`View::build`] and of the map's ties.
    pub(crate) fn tie_ends(&self, network: &Network) -> Vec<Option<u32>> {
        Nodes::new(network, self)
            .node_of_tie_end
            .into_iter()
            .map(|node| (node != NOT_IN_VIEW).then_some(node))
            .collect()
    }

    /// The layers the view draws on: the chosen ones, or [`LayerChoice::default_layers`].
    pub fn layer_choices(&self, network: &Network) -> Vec<LayerChoice> {
        self.layers.clone().unwrap_or_else(|| LayerChoice::default_layers(network))
    }

    /// Whether the view falls back on shared membership because nothing was chosen and the
    /// workspace has no relations: outputs say so.
    pub fn membership_by_default(&self, network: &Network) -> bool {
        self.layers.is_none() && network.relations().is_empty()
    }

    /// What the view's weights will measure, or why [`TieWeight::Amount`] cannot be had.
    ///
    /// # Errors
    /// [`ViewError::NoAmounts`] when `Amount` is asked for on a `comembership` layer or on a
    /// layer some of whose relations carry no amount.
    pub fn weighting(&self, network: &Network) -> Result<Weighting, ViewError> {
        self.weighting_with(network, None)
    }

    /// [`ViewSpec::weighting`] with the network's [`Network::amount_coverage`] given, so that
    /// it is counted once for many single-layer specs (`None`: counted here when needed).
    fn weighting_with(
        &self,
        network: &Network,
        coverage: Option<&[AmountCoverage]>,
    ) -> Result<Weighting, ViewError> {
        let in_euros = match self.weight {
            TieWeight::Weight => return Ok(Weighting::Strength),
            TieWeight::Count => return Ok(Weighting::Count),
            TieWeight::Auto | TieWeight::Amount => {
                let counted;
                let coverage = match coverage {
                    Some(coverage) => coverage,
                    None => {
                        counted = network.amount_coverage();
                        &counted
                    }
                };
                self.layers_in_euros(network, coverage, self.weight == TieWeight::Auto)
            }
        };
        match (self.weight, in_euros) {
            (_, Ok(())) => Ok(Weighting::Euros),
            (TieWeight::Amount, Err(refusal)) => Err(refusal),
            _ => Ok(Weighting::Strength),
        }
    }

    /// `Ok` when every relation of every chosen layer carries an amount (and, `strict`, there
    /// is a layer and each has relations); else the first layer that does not, as
    /// [`ViewError::NoAmounts`]. The `comembership` layers never have amounts.
    fn layers_in_euros(
        &self,
        network: &Network,
        coverage: &[AmountCoverage],
        strict: bool,
    ) -> Result<(), ViewError> {
        let layers = self.layer_choices(network);
        if strict && layers.is_empty() {
            return Err(ViewError::NoAmounts { layer: String::new(), without: 0, relations: 0 });
        }
        for choice in layers {
            let (layer, coverage) = match choice {
                LayerChoice::Comembership | LayerChoice::ComembershipNewman => {
                    (choice.to_string(), AmountCoverage::default())
                }
                LayerChoice::Explicit(layer) => {
                    (network.layer(layer).name.clone(), coverage[layer.index()])
                }
            };
            let empty = strict && coverage.relations == 0;
            if coverage.with_amount < coverage.relations || empty || choice.is_comembership() {
                return Err(ViewError::NoAmounts {
                    layer,
                    without: coverage.relations - coverage.with_amount,
                    relations: coverage.relations,
                });
            }
        }
        Ok(())
    }
}

/// The most co-member pairs a view's `comembership` layer (or `comembership-newman`) holds (10
/// million, about a gigabyte while the view is built); beyond it [`View::build`] refuses with
/// [`ViewError::ComembershipTooLarge`] rather than exhaust memory.
pub const MAX_COMEMBERSHIP_PAIRS: u64 = 10_000_000;

/// The most layers × actors [`layer_views`](crate::analysis::layer_views) builds (50 million:
/// a view per layer has a row per actor).
pub const MAX_LAYER_CELLS: u64 = 50_000_000;

/// The most pairs of layers [`layer_views`](crate::analysis::layer_views) builds views for (10
/// million, about 4,500 layers), as the measures on them compare every pair; and the most
/// pairs of layers sharing ties that [`multiplex_of`](crate::analysis::multiplex_of) lists.
pub const MAX_LAYER_PAIRS: u64 = 10_000_000;

/// Why a view could not be built.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum ViewError {
    /// [`TieWeight::Amount`] on a layer whose relations do not all carry an amount.
    #[error(
        "weighting by amount needs an amount on every relation; layer {layer} has {without} of {relations} relations without one (give them an amount, or weigh by weight or count)"
    )]
    NoAmounts {
        /// The layer's name.
        layer: String,
        /// Its relations without an amount.
        without: usize,
        /// Its relations.
        relations: usize,
    },
    /// More arcs than `u32` indices can address.
    #[error(
        "the selection has {n_arcs} arcs; a view holds at most {} (choose fewer layers or a coalition)",
        u32::MAX
    )]
    TooLarge {
        /// Arcs the selection would need.
        n_arcs: u64,
    },
    /// The `comembership` layer would hold more co-member pairs than a view builds
    /// ([`MAX_COMEMBERSHIP_PAIRS`]): each pair of members of a coalition is a tie, so a
    /// coalition of 20,000 members alone makes 200 million.
    #[error(
        "the comembership layer of this selection has {pairs} co-member pairs (coalition `{coalition}` alone has {members} members); a view builds at most {} (choose relation layers, or a scope with fewer co-members)",
        MAX_COMEMBERSHIP_PAIRS
    )]
    ComembershipTooLarge {
        /// Co-member pairs the layer would hold.
        pairs: u64,
        /// The id of the coalition with the most members in the selection.
        coalition: String,
        /// Its members in the selection.
        members: usize,
    },
    /// Ties whose weights (or amounts) are finite but whose sum is not: parallel ties merged
    /// into one arc, or an actor's strength. Refused rather than carried on as infinity, which
    /// would turn shares and balances into nonsense.
    #[error(
        "{what} add up to more than the largest number stakenet can hold (about 1.8e308), though each weight is finite; scale the weights or amounts down (in thousands or millions)"
    )]
    WeightOverflow {
        /// Which ties, naming the actors: "the ties between `a` and `b`" or "the ties of `a`".
        what: String,
    },
    /// One view per layer ([`layer_views`](crate::analysis::layer_views)) for more layers and
    /// actors than fit in memory: each view has a row per actor, and the multiplex measures a
    /// row per pair of layers.
    #[error(
        "{layers} layers over {actors} actors are too many to compare layer by layer (at most {} layers × actors and {} pairs of layers); choose fewer layers or a coalition",
        MAX_LAYER_CELLS,
        MAX_LAYER_PAIRS
    )]
    TooManyLayers {
        /// Layers chosen.
        layers: usize,
        /// Actors of each view.
        actors: usize,
    },
    /// The multiplex measures ([`multiplex_of`](crate::analysis::multiplex_of)) of layers more
    /// pairs of which share ties than a list of their overlaps can hold
    /// ([`MAX_LAYER_PAIRS`]): when many layers hold the same ties, each pair of them does.
    #[error(
        "more than {} pairs of the {layers} layers share ties, too many to list their overlaps; choose fewer layers or a coalition",
        MAX_LAYER_PAIRS
    )]
    TooManyLayerPairs {
        /// Layers chosen.
        layers: usize,
    },
    /// [`View::from_arcs`]: more nodes than `u32` indices can address.
    #[error("a view holds at most {} nodes, not {n_nodes}", u32::MAX)]
    TooManyNodes {
        /// Nodes asked for.
        n_nodes: usize,
    },
    /// [`View::from_arcs`]: an arc ends at a node that does not exist.
    #[error("arc {arc} ({from} → {to}) ends outside nodes 0..{n_nodes}")]
    NodeOutOfRange {
        /// Position of the arc in the input, counting from 0.
        arc: usize,
        /// Its tail.
        from: u32,
        /// Its head.
        to: u32,
        /// Number of nodes.
        n_nodes: usize,
    },
    /// [`View::from_arcs`]: an arc's weight is not a finite number > 0.
    #[error("arc {arc} has weight {weight}; a weight is a finite number > 0")]
    BadWeight {
        /// Position of the arc in the input, counting from 0.
        arc: usize,
        /// The weight as written by `{:?}` (so that the error stays comparable).
        weight: String,
    },
}

/// Refuses rows whose merged weights, strengths or total overflowed to infinity, naming the
/// actors:
/// the sums a view makes (parallel ties merged, a node's strength) are where finite weights can
/// add up to infinity, and the view is where they are made for every analysis — whatever layers,
/// date and folding decide to add. O(m).
fn check_sums<'a>(
    rows: &Csr,
    n_nodes: usize,
    key: impl Fn(u32) -> &'a str,
) -> Result<(), ViewError> {
    for node in 0..n_nodes as u32 {
        if rows.strength(node).is_finite() {
            continue;
        }
        let what = match rows.weights(node).iter().position(|w| !w.is_finite()) {
            Some(at) => {
                let other = rows.neighbors(node)[at];
                let (a, b) = (key(node.min(other)), key(node.max(other)));
                format!("the weights of the ties between `{a}` and `{b}`")
            }
            None => format!("the weights of the ties of `{}`", key(node)),
        };
        return Err(ViewError::WeightOverflow { what });
    }
    // Measures that add up every arc (flows between groups, weighted reciprocity) stay finite.
    let total = (0..n_nodes as u32).fold(0.0, |total, node| total + rows.strength(node));
    if !total.is_finite() {
        let what = "the weights of all the ties in this view".to_owned();
        return Err(ViewError::WeightOverflow { what });
    }
    Ok(())
}

/// Compressed sparse rows: the arcs leaving (or entering) each node, sorted by neighbour.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Csr {
    offsets: Vec<u32>,
    neighbors: Vec<u32>,
    weights: Vec<f64>,
}

impl Csr {
    /// The neighbours of `node`, ascending.
    #[inline]
    pub fn neighbors(&self, node: u32) -> &[u32] {
        let (start, end) = self.range(node);
        &self.neighbors[start..end]
    }

    /// The weights of the arcs to [`Csr::neighbors`], in the same order.
    #[inline]
    pub fn weights(&self, node: u32) -> &[f64] {
        let (start, end) = self.range(node);
        &self.weights[start..end]
    }

    /// Number of arcs at `node`.
    #[inline]
    pub fn degree(&self, node: u32) -> usize {
        let (start, end) = self.range(node);
        end - start
    }

    /// Sum of the weights of the arcs at `node`.
    pub fn strength(&self, node: u32) -> f64 {
        // Folding from +0.0: an empty float sum is −0.0, which would print as `-0`.
        self.weights(node).iter().fold(0.0, |total, w| total + w)
    }

    /// Total number of arcs.
    pub fn n_arcs(&self) -> usize {
        self.neighbors.len()
    }

    /// Row offsets (`n + 1` entries), neighbour array and weight array, for kernels.
    pub fn parts(&self) -> (&[u32], &[u32], &[f64]) {
        (&self.offsets, &self.neighbors, &self.weights)
    }

    #[inline]
    fn range(&self, node: u32) -> (usize, usize) {
        let i = node as usize;
        (self.offsets[i] as usize, self.offsets[i + 1] as usize)
    }

    /// The same arcs, reversed.
    fn transpose(&self, n_nodes: usize) -> Csr {
        let rows_per_block = ROWS_PER_BLOCK.max(n_nodes.div_ceil(MAX_BLOCKS));
        let n_blocks = n_nodes.div_ceil(rows_per_block);
        let reversed = BucketedArcs::collect(
            n_nodes,
            self.n_arcs() as u64,
            n_blocks,
            ARCS_PER_BUCKET,
            |block, arcs| {
                let first = block * rows_per_block;
                for from in first..(first + rows_per_block).min(n_nodes) {
                    let from = from as u32;
                    for (&to, &weight) in self.neighbors(from).iter().zip(self.weights(from)) {
                        arcs.push((to, from, weight));
                    }
                }
            },
        );
        reversed.into_rows(n_nodes)
    }
}

/// An arc: from, to, weight.
type Arc = (u32, u32, f64);

/// Arcs per bucket when rows are built: a bucket's part of the result (12 bytes an arc) stays
/// within a core's cache.
const ARCS_PER_BUCKET: usize = 1 << 14;

/// Relations per block of arcs, unless that makes more than [`MAX_BLOCKS`] blocks.
const RELATIONS_PER_BLOCK: usize = 1 << 14;

/// Rows per block of arcs when a CSR is transposed, unless that makes more than
/// [`MAX_BLOCKS`] blocks.
const ROWS_PER_BLOCK: usize = 4096;

/// At most about this many blocks of arcs: each holds a start per bucket.
const MAX_BLOCKS: usize = 256;

/// Rows up to this length are sorted by insertion.
const INSERTION_SORT_MAX: usize = 32;

/// Arcs on their way into rows (a two-pass counting sort that writes to memory in cache-sized
/// runs): blocks of arcs, the blocks in source order and each sorted stably by bucket, a bucket
/// being a run of 2^`shift` consecutive nodes. Each bucket then reads its arcs from every block
/// in turn — so in source order — and builds its rows within its own stretch of the result.
/// Every row thus receives its arcs in source order however the work is split, and the result
/// never depends on the number of threads, blocks or buckets.
struct BucketedArcs {
    shift: u32,
    n_buckets: usize,
    blocks: Vec<BucketedBlock>,
}

/// One block of [`BucketedArcs`].
struct BucketedBlock {
    /// The block's arcs, by bucket, in source order within a bucket.
    arcs: Vec<Arc>,
    /// Where each bucket's arcs start in `arcs`, and their end (one more than buckets).
    starts: Vec<u32>,
}

impl BucketedArcs {
    /// Collects the arcs of blocks `0..n_blocks`, in parallel: `fill(block, arcs)` pushes the
    /// arcs of one block in source order. Buckets are sized to hold about `arcs_per_bucket` of
    /// about `expected_arcs` arcs.
    fn collect(
        n_nodes: usize,
        expected_arcs: u64,
        n_blocks: usize,
        arcs_per_bucket: usize,
        fill: impl Fn(usize, &mut Vec<Arc>) + Sync,
    ) -> BucketedArcs {
        let rows_per_bucket = ((arcs_per_bucket.max(1) as u64).saturating_mul(n_nodes as u64)
            / expected_arcs.max(1))
        .max(1);
        let shift = rows_per_bucket.next_power_of_two().trailing_zeros().min(31);
        let n_buckets = n_nodes.div_ceil(1 << shift).max(1);
        let blocks = (0..n_blocks)
            .into_par_iter()
            .map_init(Vec::new, |arcs, block| {
                arcs.clear();
                fill(block, arcs);
                BucketedBlock::new(arcs, shift, n_buckets)
            })
            .collect();
        BucketedArcs { shift, n_buckets, blocks }
    }

    /// Number of arcs.
    fn n_arcs(&self) -> u64 {
        self.blocks.iter().map(|block| block.arcs.len() as u64).sum()
    }

    /// The rows: sorted by neighbour, parallel arcs merged into the first of them with their
    /// weights summed in source order. At most `u32::MAX` arcs.
    fn into_rows(self, n_nodes: usize) -> Csr {
        let mut offsets = vec![0u32; n_nodes + 1];
        if n_nodes == 0 {
            return Csr { offsets, neighbors: Vec::new(), weights: Vec::new() };
        }
        let mut bases = Vec::with_capacity(self.n_buckets + 1);
        bases.push(0usize);
        for bucket in 0..self.n_buckets {
            let size: usize = self
                .blocks
                .iter()
                .map(|block| (block.starts[bucket + 1] - block.starts[bucket]) as usize)
                .sum();
            bases.push(bases[bucket] + size);
        }
        let n_arcs = bases[self.n_buckets];
        let mut neighbors = vec![0u32; n_arcs];
        let mut weights = vec![0.0f64; n_arcs];
        let mut merged = vec![0u32; n_nodes];
        let rows_per_bucket = 1usize << self.shift;
        let mut jobs = Vec::with_capacity(self.n_buckets);
        let (mut neighbors_rest, mut weights_rest) =
            (neighbors.as_mut_slice(), weights.as_mut_slice());
        for ((bucket, starts), merged) in offsets[..n_nodes]
            .chunks_mut(rows_per_bucket)
            .enumerate()
            .zip(merged.chunks_mut(rows_per_bucket))
        {
            let size = bases[bucket + 1] - bases[bucket];
            let (bucket_neighbors, tail) = std::mem::take(&mut neighbors_rest).split_at_mut(size);
            neighbors_rest = tail;
            let (bucket_weights, tail) = std::mem::take(&mut weights_rest).split_at_mut(size);
            weights_rest = tail;
            jobs.push(Bucket {
                index: bucket,
                first: bucket * rows_per_bucket,
                base: bases[bucket] as u32,
                starts,
                neighbors: bucket_neighbors,
                weights: bucket_weights,
                merged,
            });
        }
        jobs.into_par_iter().for_each(|job| job.fill(&self.blocks));
        drop(self);
        offsets[n_nodes] = n_arcs as u32;

        // Parallel arcs merged: close the gaps they left, row by row.
        if merged.iter().map(|&m| m as usize).sum::<usize>() < n_arcs {
            let mut write = 0usize;
            for node in 0..n_nodes {
                let start = offsets[node] as usize;
                let len = merged[node] as usize;
                neighbors.copy_within(start..start + len, write);
                weights.copy_within(start..start + len, write);
                offsets[node] = write as u32;
                write += len;
            }
            offsets[n_nodes] = write as u32;
            neighbors.truncate(write);
            weights.truncate(write);
        }
        Csr { offsets, neighbors, weights }
    }
}

impl BucketedBlock {
    /// `arcs` sorted stably by bucket.
    fn new(arcs: &[Arc], shift: u32, n_buckets: usize) -> BucketedBlock {
        let mut starts = vec![0u32; n_buckets + 1];
        for &(from, _, _) in arcs {
            starts[(from >> shift) as usize + 1] += 1;
        }
        for bucket in 0..n_buckets {
            starts[bucket + 1] += starts[bucket];
        }
        if n_buckets == 1 {
            return BucketedBlock { arcs: arcs.to_vec(), starts };
        }
        let mut next = starts.clone();
        let mut sorted = vec![(0u32, 0u32, 0.0f64); arcs.len()];
        for &arc in arcs {
            let at = &mut next[(arc.0 >> shift) as usize];
            sorted[*at as usize] = arc;
            *at += 1;
        }
        BucketedBlock { arcs: sorted, starts }
    }

    /// The arcs of one bucket, in source order.
    fn bucket(&self, bucket: usize) -> &[Arc] {
        &self.arcs[self.starts[bucket] as usize..self.starts[bucket + 1] as usize]
    }
}

/// One bucket of rows of a CSR being built: its stretches of the row starts, the neighbour and
/// weight arrays and the merged row lengths.
struct Bucket<'a> {
    index: usize,
    /// The bucket's first node.
    first: usize,
    /// Where the bucket's arcs start in the neighbour and weight arrays.
    base: u32,
    starts: &'a mut [u32],
    neighbors: &'a mut [u32],
    weights: &'a mut [f64],
    merged: &'a mut [u32],
}

impl Bucket<'_> {
    /// Counts the rows, places each row's arcs in source order, then sorts and merges each row.
    fn fill(self, blocks: &[BucketedBlock]) {
        let Bucket { index, first, base, starts, neighbors, weights, merged } = self;
        let mut next = vec![0u32; starts.len()];
        for block in blocks {
            for &(from, _, _) in block.bucket(index) {
                next[from as usize - first] += 1;
            }
        }
        let mut at = 0u32;
        for (start, next) in starts.iter_mut().zip(next.iter_mut()) {
            let count = *next;
            *start = base + at;
            *next = at;
            at += count;
        }
        for block in blocks {
            for &(from, to, weight) in block.bucket(index) {
                let slot = &mut next[from as usize - first];
                neighbors[*slot as usize] = to;
                weights[*slot as usize] = weight;
                *slot += 1;
            }
        }
        // `next[row]` is now where the row ends.
        let mut scratch = Vec::new();
        let mut start = 0usize;
        for (row, &end) in next.iter().enumerate() {
            let end = end as usize;
            merged[row] = sort_and_merge_row(
                &mut neighbors[start..end],
                &mut weights[start..end],
                &mut scratch,
            ) as u32;
            start = end;
        }
    }
}

/// Sorts a row by neighbour, keeping the order of arcs to the same neighbour, and merges those
/// into the first of them, summing their weights in that order. Returns the merged length; the
/// merged row is the front of the slices.
fn sort_and_merge_row(
    neighbors: &mut [u32],
    weights: &mut [f64],
    scratch: &mut Vec<(u32, f64)>,
) -> usize {
    if neighbors.windows(2).all(|pair| pair[0] < pair[1]) {
        return neighbors.len();
    }
    if neighbors.len() <= INSERTION_SORT_MAX {
        // Stable: an arc moves left only past larger neighbours.
        for i in 1..neighbors.len() {
            let (to, weight) = (neighbors[i], weights[i]);
            let mut j = i;
            while j > 0 && neighbors[j - 1] > to {
                neighbors[j] = neighbors[j - 1];
                weights[j] = weights[j - 1];
                j -= 1;
            }
            neighbors[j] = to;
            weights[j] = weight;
        }
    } else {
        scratch.clear();
        scratch.extend(neighbors.iter().copied().zip(weights.iter().copied()));
        // A stable sort keeps workspace order among parallel arcs, so sums are reproducible.
        scratch.sort_by_key(|&(to, _)| to);
        for ((slot, weight), &(to, w)) in
            neighbors.iter_mut().zip(weights.iter_mut()).zip(&*scratch)
        {
            *slot = to;
            *weight = w;
        }
    }
    let mut len = 0;
    for i in 0..neighbors.len() {
        if len > 0 && neighbors[len - 1] == neighbors[i] {
            weights[len - 1] += weights[i];
        } else {
            neighbors[len] = neighbors[i];
            weights[len] = weights[i];
            len += 1;
        }
    }
    len
}

/// The nodes of every view of one scope, level and date (whatever its layers): step 1.
pub(crate) struct Nodes {
    /// The actor each node stands for: the folded images of the actors in scope, by id.
    pub(crate) actors: Vec<ActorId>,
    /// The node of each actor that is one, else [`NOT_IN_VIEW`].
    node_of_actor: Vec<u32>,
    /// The node a tie at each actor ends at (its folded image), or [`NOT_IN_VIEW`] when the
    /// actor is not in scope.
    node_of_tie_end: Vec<u32>,
}

impl Nodes {
    /// The node a tie at `actor` ends at (its folded image), or `None` when the actor is not in
    /// scope: where the view places the actor's relations and memberships.
    pub(crate) fn node(&self, actor: ActorId) -> Option<u32> {
        let n = self.node_of_tie_end[actor.index()];
        (n != NOT_IN_VIEW).then_some(n)
    }

    /// The nodes of the views of `spec`. O(n).
    pub(crate) fn new(network: &Network, spec: &ViewSpec) -> Nodes {
        let by_kind: Option<Vec<ActorId>> =
            spec.fold_kind.as_deref().map(|kind| network.fold_to_kind(kind));
        let by_level: Option<Vec<ActorId>> = spec.level.map(|level| network.fold_to_level(level));
        let fold = |actor: ActorId| {
            let actor = by_kind.as_ref().map_or(actor, |f| f[actor.index()]);
            by_level.as_ref().map_or(actor, |f| f[actor.index()])
        };

        // 1. Nodes: the folded images of the actors in scope, ordered by actor id.
        let n_actors = network.actors().len();
        let in_scope = spec.scope.actors(network, spec.at);
        let mut is_node = vec![false; n_actors];
        for actor in network.actor_ids() {
            if in_scope[actor.index()] {
                is_node[fold(actor).index()] = true;
            }
        }
        let actors: Vec<ActorId> =
            network.actor_ids_by_key().iter().copied().filter(|a| is_node[a.index()]).collect();
        let mut node_of_actor = vec![NOT_IN_VIEW; n_actors];
        for (node, actor) in actors.iter().enumerate() {
            node_of_actor[actor.index()] = node as u32;
        }
        // An actor maps to the node of its folded image, but only when it is itself in scope.
        let node_of_tie_end: Vec<u32> = network
            .actor_ids()
            .map(|actor| {
                if in_scope[actor.index()] {
                    node_of_actor[fold(actor).index()]
                } else {
                    NOT_IN_VIEW
                }
            })
            .collect();
        Nodes { actors, node_of_actor, node_of_tie_end }
    }
}

/// The arcs of a derived layer among the nodes `node` places (of `n_nodes`), both ways: the
/// projection of the actors × coalitions network of those nodes — several actors folded into
/// one node count once per coalition — weighted by `projection`, or by the coalitions shared
/// when the view counts ([`Weighting::Count`]).
///
/// # Errors
/// [`ViewError::ComembershipTooLarge`] beyond [`MAX_COMEMBERSHIP_PAIRS`] pairs, before any is
/// built.
fn comembership_arcs(
    network: &Network,
    at: Option<Date>,
    node: impl Fn(ActorId) -> Option<u32> + Copy,
    n_nodes: usize,
    projection: Projection,
    weighting: Weighting,
) -> Result<Vec<Arc>, ViewError> {
    let members = members_by_coalition(network, at, node);
    let pairs = pair_count(&members, n_nodes);
    if pairs > MAX_COMEMBERSHIP_PAIRS {
        let (largest, members) = members
            .iter()
            .enumerate()
            .max_by_key(|(i, m)| (m.len(), std::cmp::Reverse(*i)))
            .map_or((0, 0), |(i, m)| (i, m.len()));
        return Err(ViewError::ComembershipTooLarge {
            pairs,
            coalition: network.coalitions()[largest].key.clone(),
            members,
        });
    }
    let projection = if weighting == Weighting::Count { Projection::Shared } else { projection };
    let mut arcs = Vec::new();
    for (from, to, weight) in projection_ties(&members, projection) {
        arcs.push((from, to, weight));
        arcs.push((to, from, weight));
    }
    Ok(arcs)
}

/// Each chosen layer's arcs apart, over the nodes every view of the spec has: what one view
/// per layer ([`layer_views`](crate::analysis::layer_views)) would hold, without a row per
/// node for each layer — memory follows the ties, not layers × actors.
pub(crate) struct LayerArcs {
    /// The nodes, as [`View::actors`] of any view of the spec.
    pub(crate) actors: Vec<ActorId>,
    /// The chosen layers, each once, in the order chosen.
    pub(crate) layers: Vec<LayerChoice>,
    /// Per layer: whether its view would be directed (an explicit directed layer).
    pub(crate) directed: Vec<bool>,
    /// `(layer, from, to)`: the layer's position in `layers` and an arc of its view. Self-loops
    /// are left out and an undirected tie is both arcs (an undirected relation on a directed
    /// layer too), as in that layer's view; parallel arcs are not merged, nor sorted.
    pub(crate) arcs: Vec<(u32, u32, u32)>,
}

impl LayerArcs {
    /// The arcs of every layer of `spec` ([`ViewSpec::layer_choices`], a layer chosen twice
    /// kept once), each layer with the ties its own view ([`View::build`] of `spec` with that
    /// layer alone) would have: the same scope, folding and date, and the same weighting
    /// decided per layer — a layer weighed in euros leaves out relations without money.
    ///
    /// # Errors
    /// As [`View::build`] of the first layer that fails: [`ViewError::NoAmounts`] for
    /// [`TieWeight::Amount`] on a layer without amounts, [`ViewError::ComembershipTooLarge`].
    ///
    /// # Complexity
    /// O(n + m + k) for n actors, m relations and k layers (plus the co-member pairs when
    /// `comembership` is chosen).
    pub(crate) fn build(network: &Network, spec: &ViewSpec) -> Result<LayerArcs, ViewError> {
        let mut layers = Vec::new();
        let mut seen = rustc_hash::FxHashSet::default();
        for choice in spec.layer_choices(network) {
            if seen.insert(choice) {
                layers.push(choice);
            }
        }
        drop(seen);
        const NOT_CHOSEN: u32 = u32::MAX;
        let mut position = vec![NOT_CHOSEN; network.layers().len()];
        let mut directed = Vec::with_capacity(layers.len());
        let mut euros = Vec::with_capacity(layers.len());
        let coverage = network.amount_coverage();
        for (i, &choice) in layers.iter().enumerate() {
            // The weighting of this layer's own view (only the layers and weight matter).
            let alone =
                ViewSpec { layers: Some(vec![choice]), weight: spec.weight, ..ViewSpec::default() };
            euros.push(alone.weighting_with(network, Some(&coverage))? == Weighting::Euros);
            directed.push(match choice {
                LayerChoice::Explicit(layer) => {
                    position[layer.index()] = i as u32;
                    network.layer(layer).directed
                }
                LayerChoice::Comembership | LayerChoice::ComembershipNewman => false,
            });
        }
        drop(coverage);
        let nodes = Nodes::new(network, spec);
        let node = |actor: ActorId| nodes.node(actor);
        let relations = network.relations();
        let per_block = RELATIONS_PER_BLOCK.max(relations.len().div_ceil(MAX_BLOCKS));
        let mut arcs: Vec<(u32, u32, u32)> = relations
            .par_chunks(per_block.max(1))
            .flat_map_iter(|block| {
                let mut arcs = Vec::new();
                for relation in block {
                    let layer = position[relation.layer.index()];
                    if layer == NOT_CHOSEN
                        || !spec.keeps(relation)
                        || (euros[layer as usize]
                            && !relation.amount.is_some_and(|amount| amount > 0.0))
                    {
                        continue;
                    }
                    let (Some(from), Some(to)) = (node(relation.source), node(relation.target))
                    else {
                        continue;
                    };
                    if from == to {
                        continue;
                    }
                    arcs.push((layer, from, to));
                    if !(directed[layer as usize] && relation.directed) {
                        arcs.push((layer, to, from));
                    }
                }
                arcs
            })
            .collect();
        for (layer, choice) in layers.iter().enumerate() {
            if let Some(projection) = choice.projection() {
                let n_nodes = nodes.actors.len();
                let tied = comembership_arcs(
                    network,
                    spec.at,
                    node,
                    n_nodes,
                    projection,
                    Weighting::Count,
                )?;
                arcs.extend(tied.into_iter().map(|(from, to, _)| (layer as u32, from, to)));
            }
        }
        Ok(LayerArcs { actors: nodes.actors, layers, directed, arcs })
    }
}

/// A network selection as a graph. Node `i` stands for actor [`View::actor`]`(i)`.
///
/// With the `petgraph` feature (on by default), `&View` implements petgraph's visit traits,
/// so `petgraph::algo` runs on it directly; see [`interop`](crate::interop).
#[derive(Clone, Debug)]
pub struct View {
    actors: Vec<ActorId>,
    node_of_actor: Vec<u32>,
    directed: bool,
    layers: Vec<LayerChoice>,
    weighting: Weighting,
    out_arcs: Csr,
    in_arcs: Option<Csr>,
    /// On a directed view with undirected ties in it: the arcs of its directed ties alone.
    directed_arcs: Option<Csr>,
    /// On such a mixed view: the distinct pairs joined by an undirected tie.
    n_undirected_ties: usize,
}

const NOT_IN_VIEW: u32 = u32::MAX;

impl View {
    /// Builds the view of `network` selected by `spec`.
    ///
    /// # Errors
    /// [`ViewError::TooLarge`] when the selection needs more than `u32::MAX` arcs.
    ///
    /// # Complexity
    /// O(n + m log d) for n actors, m relations and d the largest degree (plus the pairs of
    /// co-members when `comembership` is chosen).
    pub fn build(network: &Network, spec: &ViewSpec) -> Result<View, ViewError> {
        let layers = spec.layer_choices(network);
        let weighting = spec.weighting(network)?;
        let nodes = Nodes::new(network, spec);
        let node = |actor: ActorId| nodes.node(actor);

        // 2.–3. Arcs.
        let directed = layers.iter().any(|choice| match choice {
            LayerChoice::Explicit(layer) => network.layers()[layer.index()].directed,
            LayerChoice::Comembership | LayerChoice::ComembershipNewman => false,
        });
        let mut chosen = vec![false; network.layers().len()];
        for choice in &layers {
            if let LayerChoice::Explicit(layer) = choice {
                chosen[layer.index()] = true;
            }
        }
        let relations = network.relations();
        // The weight a relation's arcs carry, or `None` when it makes none in this view: a tie
        // of another coalition makes none in a coalition's view.
        let tie = |relation: &crate::model::Relation| -> Option<(u32, u32, f64)> {
            if !chosen[relation.layer.index()] || !spec.keeps(relation) {
                return None;
            }
            let weight = match weighting {
                Weighting::Strength => relation.weight,
                Weighting::Count => 1.0,
                Weighting::Euros => relation.amount.filter(|&amount| amount > 0.0)?,
            };
            Some((node(relation.source)?, node(relation.target)?, weight))
        };
        let add = |arcs: &mut Vec<Arc>, from: u32, to: u32, weight: f64, tie_directed: bool| {
            if from == to {
                return;
            }
            arcs.push((from, to, weight));
            if !(directed && tie_directed) {
                arcs.push((to, from, weight));
            }
        };
        let mut comembership = Vec::new();
        for projection in layers.iter().filter_map(|choice| choice.projection()) {
            let n_nodes = nodes.actors.len();
            comembership
                .extend(comembership_arcs(network, spec.at, node, n_nodes, projection, weighting)?);
        }
        // A directed view with undirected ties in it: the arcs of its directed ties are kept
        // apart as well, for measures of direction (reciprocity).
        let mixed = directed
            && (!comembership.is_empty()
                || relations
                    .par_iter()
                    .any(|relation| !relation.directed && tie(relation).is_some()));
        // Blocks of relations in workspace order, then the co-membership ties.
        let per_block = RELATIONS_PER_BLOCK.max(relations.len().div_ceil(MAX_BLOCKS));
        let n_relation_blocks = relations.len().div_ceil(per_block);
        let n_nodes = nodes.actors.len();
        let collect = |only_directed: bool| {
            BucketedArcs::collect(
                n_nodes,
                2 * relations.len() as u64 + comembership.len() as u64,
                n_relation_blocks + 1,
                ARCS_PER_BUCKET,
                |block, arcs| {
                    if block == n_relation_blocks {
                        if !only_directed {
                            arcs.extend_from_slice(&comembership);
                        }
                        return;
                    }
                    let first = block * per_block;
                    for relation in &relations[first..(first + per_block).min(relations.len())] {
                        if only_directed && !relation.directed {
                            continue;
                        }
                        if let Some((from, to, weight)) = tie(relation) {
                            add(arcs, from, to, weight, relation.directed);
                        }
                    }
                },
            )
        };
        let arcs = collect(false);
        let n_arcs = arcs.n_arcs();
        if n_arcs > u64::from(u32::MAX - 1) {
            return Err(ViewError::TooLarge { n_arcs });
        }
        let directed_arcs = mixed.then(|| collect(true).into_rows(n_nodes));
        // On a mixed view: the distinct pairs an undirected tie joins, counted once each.
        let n_undirected_ties = if mixed {
            let mut pairs: Vec<(u32, u32)> = comembership
                .iter()
                .filter(|&&(from, to, _)| from < to)
                .map(|&(from, to, _)| (from, to))
                .collect();
            pairs.extend(relations.iter().filter(|r| !r.directed).filter_map(|relation| {
                let (from, to, _) = tie(relation)?;
                (from != to).then(|| (from.min(to), from.max(to)))
            }));
            pairs.par_sort_unstable();
            pairs.dedup();
            pairs.len()
        } else {
            0
        };
        drop(comembership);
        let Nodes { actors, node_of_actor, .. } = nodes;

        // 4. Rows.
        let out_arcs = arcs.into_rows(n_nodes);
        let in_arcs = directed.then(|| out_arcs.transpose(n_nodes));
        let key = |node: u32| network.actor(actors[node as usize]).key.as_str();
        check_sums(&out_arcs, n_nodes, key)?;
        if let Some(in_arcs) = &in_arcs {
            check_sums(in_arcs, n_nodes, key)?;
        }
        Ok(View {
            actors,
            node_of_actor,
            directed,
            layers,
            weighting,
            out_arcs,
            in_arcs,
            directed_arcs,
            n_undirected_ties,
        })
    }

    /// The view of a graph given by its arcs: node `i` stands for `ActorId::from_index(i)`
    /// and the view draws on no layer ([`View::layers`] is empty). For graphs built elsewhere,
    /// so that stakenet's measures run on them.
    ///
    /// Arcs are `(from, to, weight)`; with `directed` false each is an undirected tie. They
    /// become rows as in [`View::build`]: a self-loop is dropped, an undirected tie becomes two
    /// arcs, and parallel arcs between the same ordered pair merge into one whose weight is
    /// their sum, added in input order (so an undirected tie given twice, in either
    /// orientation, is one tie of the summed weight).
    ///
    /// # Errors
    /// [`ViewError::TooManyNodes`] when `n_nodes > u32::MAX`; [`ViewError::NodeOutOfRange`]
    /// for an arc with an end `≥ n_nodes`; [`ViewError::BadWeight`] for a weight that is not
    /// finite and > 0 (all checked before self-loops are dropped); [`ViewError::TooLarge`]
    /// when the arcs do not fit `u32` indices.
    ///
    /// # Complexity
    /// O(n + m log d), as [`View::build`].
    pub fn from_arcs(
        n_nodes: usize,
        arcs: impl IntoIterator<Item = (u32, u32, f64)>,
        directed: bool,
    ) -> Result<View, ViewError> {
        if u32::try_from(n_nodes).is_err() {
            return Err(ViewError::TooManyNodes { n_nodes });
        }
        let mut list: Vec<Arc> = Vec::new();
        for (arc, (from, to, weight)) in arcs.into_iter().enumerate() {
            if from as usize >= n_nodes || to as usize >= n_nodes {
                return Err(ViewError::NodeOutOfRange { arc, from, to, n_nodes });
            }
            if !(weight.is_finite() && weight > 0.0) {
                return Err(ViewError::BadWeight { arc, weight: format!("{weight:?}") });
            }
            if from != to {
                list.push((from, to, weight));
                if !directed {
                    list.push((to, from, weight));
                }
            }
            if list.len() as u64 > u64::from(u32::MAX - 1) {
                return Err(ViewError::TooLarge { n_arcs: list.len() as u64 });
            }
        }
        let per_block = RELATIONS_PER_BLOCK.max(list.len().div_ceil(MAX_BLOCKS));
        let blocks: Vec<&[Arc]> = list.chunks(per_block).collect();
        let out_arcs = BucketedArcs::collect(
            n_nodes,
            list.len() as u64,
            blocks.len(),
            ARCS_PER_BUCKET,
            |block, arcs| arcs.extend_from_slice(blocks[block]),
        )
        .into_rows(n_nodes);
        drop(blocks);
        drop(list);
        let in_arcs = directed.then(|| out_arcs.transpose(n_nodes));
        Ok(View {
            actors: (0..n_nodes).map(ActorId::from_index).collect(),
            node_of_actor: (0..n_nodes as u32).collect(),
            directed,
            layers: Vec::new(),
            weighting: Weighting::Strength,
            out_arcs,
            in_arcs,
            directed_arcs: None,
            n_undirected_ties: 0,
        })
    }

    /// Number of nodes.
    pub fn n_nodes(&self) -> usize {
        self.actors.len()
    }

    /// Number of arcs (an undirected tie counts twice).
    pub fn n_arcs(&self) -> usize {
        self.out_arcs.n_arcs()
    }

    /// Number of ties: arcs on a directed view, undirected edges on an undirected one; on a
    /// mixed view the arcs of directed ties plus the pairs joined by an undirected tie (each
    /// once, though it is two arcs).
    pub fn n_ties(&self) -> usize {
        match (&self.directed_arcs, self.directed) {
            (Some(directed), _) => directed.n_arcs() + self.n_undirected_ties,
            (None, true) => self.n_arcs(),
            (None, false) => self.n_arcs() / 2,
        }
    }

    /// Whether ties have a direction.
    pub fn is_directed(&self) -> bool {
        self.directed
    }

    /// The layers the view draws from.
    pub fn layers(&self) -> &[LayerChoice] {
        &self.layers
    }

    /// What the weights of the view's arcs measure.
    pub fn weighting(&self) -> Weighting {
        self.weighting
    }

    /// The arcs of the view's directed ties: `None` on an undirected view; all arcs when every
    /// tie is directed; on a directed view with undirected ties in it (a mixed view, where an
    /// undirected tie is two arcs), only the arcs of directed relations — so that a measure of
    /// direction, such as reciprocity, does not count an undirected tie as a returned arc.
    pub fn directed_arcs(&self) -> Option<&Csr> {
        if !self.directed {
            return None;
        }
        Some(self.directed_arcs.as_ref().unwrap_or(&self.out_arcs))
    }

    /// Whether the view is directed and holds undirected ties too (each as two arcs).
    pub fn is_mixed(&self) -> bool {
        self.directed_arcs.is_some()
    }

    /// The actor node `node` stands for.
    pub fn actor(&self, node: u32) -> ActorId {
        self.actors[node as usize]
    }

    /// The actors of all nodes, in node order.
    pub fn actors(&self) -> &[ActorId] {
        &self.actors
    }

    /// The node of `actor`, when the actor is a node of the view.
    pub fn node(&self, actor: ActorId) -> Option<u32> {
        self.node_of_actor.get(actor.index()).copied().filter(|&n| n != NOT_IN_VIEW)
    }

    /// Outgoing arcs (all arcs of an undirected view).
    pub fn out_arcs(&self) -> &Csr {
        &self.out_arcs
    }

    /// Incoming arcs (the same as [`View::out_arcs`] on an undirected view).
    pub fn in_arcs(&self) -> &Csr {
        self.in_arcs.as_ref().unwrap_or(&self.out_arcs)
    }

    /// The name of a layer choice.
    pub fn layer_name(network: &Network, choice: LayerChoice) -> &str {
        match choice {
            LayerChoice::Explicit(layer) => &network.layers()[layer.index()].name,
            LayerChoice::Comembership => COMEMBERSHIP,
            LayerChoice::ComembershipNewman => COMEMBERSHIP_NEWMAN,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::random::SplitMix64;

    /// The rows as the definition has them: each row's arcs in source order, stably sorted by
    /// neighbour, parallel arcs merged by adding their weights in that order.
    fn simple_rows(n_nodes: usize, arcs: &[Arc]) -> Csr {
        let mut rows: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n_nodes];
        for &(from, to, weight) in arcs {
            rows[from as usize].push((to, weight));
        }
        let mut csr = Csr { offsets: vec![0], neighbors: Vec::new(), weights: Vec::new() };
        for row in &mut rows {
            row.sort_by_key(|&(to, _)| to);
            let start = csr.neighbors.len();
            for &(to, weight) in row.iter() {
                if csr.neighbors.len() > start && csr.neighbors.last() == Some(&to) {
                    *csr.weights.last_mut().unwrap() += weight;
                } else {
                    csr.neighbors.push(to);
                    csr.weights.push(weight);
                }
            }
            csr.offsets.push(csr.neighbors.len() as u32);
        }
        csr
    }

    /// Random arcs with many parallel ones, a few long rows (sorted by the fallback) and nodes
    /// without arcs; weights that make the order of additions visible.
    fn random_arcs(n_nodes: u32, n_arcs: usize, seed: u64) -> Vec<Arc> {
        let mut random = SplitMix64::new(seed);
        let mut pick = |bound: u32| (random.next_u64() % u64::from(bound)) as u32;
        (0..n_arcs)
            .map(|i| {
                let from = if i % 7 == 0 { pick(4) } else { pick(n_nodes - n_nodes / 10) };
                let to = if i % 3 == 0 { pick(16) } else { pick(n_nodes) };
                (from, to, 0.1 + f64::from(pick(1000)) * 1e-3 + f64::from(pick(3)) * 1e12)
            })
            .collect()
    }

    fn bucketed(n_nodes: usize, arcs: &[Arc], per_block: usize, per_bucket: usize) -> Csr {
        let blocks: Vec<&[Arc]> = arcs.chunks(per_block.max(1)).collect();
        BucketedArcs::collect(n_nodes, arcs.len() as u64, blocks.len(), per_bucket, |b, out| {
            out.extend_from_slice(blocks[b]);
        })
        .into_rows(n_nodes)
    }

    fn with_threads<T: Send>(threads: usize, run: impl FnOnce() -> T + Send) -> T {
        rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap().install(run)
    }

    fn bits(csr: &Csr) -> (Vec<u32>, Vec<u32>, Vec<u64>) {
        (
            csr.offsets.clone(),
            csr.neighbors.clone(),
            csr.weights.iter().map(|w| w.to_bits()).collect(),
        )
    }

    #[test]
    fn rows_built_in_buckets_and_blocks_are_the_simple_rows_at_any_thread_count() {
        let n_nodes = 3000;
        let arcs = random_arcs(n_nodes as u32, 60_000, 7);
        let expected = bits(&simple_rows(n_nodes, &arcs));
        for threads in [1, 3] {
            for (per_block, per_bucket) in
                [(60_000, usize::MAX), (1000, 64), (777, 1), (5000, 4096)]
            {
                let got = with_threads(threads, || bucketed(n_nodes, &arcs, per_block, per_bucket));
                assert!(bits(&got) == expected, "{threads} threads, {per_block}/{per_bucket}");
            }
        }
    }

    #[test]
    fn transposed_rows_are_the_simple_rows_of_the_reversed_arcs() {
        let n_nodes = 20_000;
        let arcs = random_arcs(n_nodes as u32, 150_000, 11);
        let rows = simple_rows(n_nodes, &arcs);
        let mut reversed = Vec::new();
        for from in 0..n_nodes as u32 {
            for (&to, &weight) in rows.neighbors(from).iter().zip(rows.weights(from)) {
                reversed.push((to, from, weight));
            }
        }
        let expected = bits(&simple_rows(n_nodes, &reversed));
        for threads in [1, 4] {
            assert!(bits(&with_threads(threads, || rows.transpose(n_nodes))) == expected);
        }
    }

    #[test]
    fn empty_selections_give_empty_rows() {
        for n_nodes in [0, 5] {
            let csr = bucketed(n_nodes, &[], 10, 10);
            assert_eq!(csr.offsets, vec![0; n_nodes + 1]);
            assert_eq!(csr.n_arcs(), 0);
        }
    }
}
