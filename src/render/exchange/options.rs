//! What `stakenet export` writes besides the whole network: how a mixed graph is written, the
//! map's picture (`--with-layout`), the centrality figures (`--with-measures`) and whether GEXF
//! carries the dates as a timeline (`--no-timeline`).

use crate::analysis::ActorCentrality;
use crate::render::exchange::flatten::MixedEdges;
use crate::render::map::MapModel;

/// The options of [`export_gexf_with`](super::export_gexf_with),
/// [`export_graphml_with`](super::export_graphml_with) and
/// [`export_cytoscape_with`](super::export_cytoscape_with). Start from `Default` (the plain
/// export) and chain `with_*`.
///
/// ```
/// use stakenet::analysis::{CentralityConfig, centrality};
/// use stakenet::render::{ExportOptions, MapModel, MapOptions, export_gexf_with};
/// use stakenet::{Source, View, ViewSpec, load};
///
/// let network = load(&Source::Bundled).expect("the bundled workspace is valid");
/// let spec = ViewSpec::default();
/// let view = View::build(&network, &spec).expect("a valid selection");
/// let map = MapModel::build(&network, &spec, &view, &MapOptions::default()).expect("a map");
/// let scores = centrality(&view, &CentralityConfig::default()).expect("converges");
/// let options = ExportOptions::default().with_layout(&map).with_measures(&scores);
/// let gexf = export_gexf_with(&network, &options);
/// assert!(gexf.contains("<viz:position"));
/// ```
#[derive(Clone, Copy, Debug, Default)]
#[non_exhaustive]
pub struct ExportOptions<'a> {
    /// How GraphML and GEXF write a graph with both directed and undirected ties.
    pub mixed: MixedEdges,
    /// The map whose positions, colours and sizes the nodes get (GEXF `viz`, yEd's
    /// `y:ShapeNode`, Cytoscape.js `position`); `None`: none.
    pub layout: Option<&'a MapModel>,
    /// The centrality of the actors (any order), written as node attributes; `None`: none.
    pub measures: Option<&'a [ActorCentrality]>,
    /// Whether GEXF is a dynamic graph with the workspace's dates (default: static).
    pub timeline: Timeline,
}

/// Whether the GEXF export carries the workspace's dates as spells, for Gephi's timeline.
/// `stakenet export` asks for [`Timeline::WhenDated`] unless given `--no-timeline`; the library's
/// default stays the static graph it always wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Timeline {
    /// A static graph; the dates are attributes only (`since`, `until`, `start_date`,
    /// `end_date`).
    #[default]
    Off,
    /// A dynamic graph (`mode="dynamic"`, `timeformat="date"`, `start`/`end` on the nodes and
    /// edges that have dates) when the workspace has any date: a relation or membership with
    /// `since` or `until`, a coalition with `start` or `end`. A workspace without dates is
    /// written static, byte for byte as with [`Timeline::Off`].
    WhenDated,
}

impl<'a> ExportOptions<'a> {
    /// Writes a mixed graph as `mixed` says.
    #[must_use]
    pub fn with_mixed(mut self, mixed: MixedEdges) -> Self {
        self.mixed = mixed;
        self
    }

    /// Gives each node the position, colour and size it has on `map`.
    #[must_use]
    pub fn with_layout(mut self, map: &'a MapModel) -> Self {
        self.layout = Some(map);
        self
    }

    /// Writes GEXF's timeline as `timeline` says.
    #[must_use]
    pub fn with_timeline(mut self, timeline: Timeline) -> Self {
        self.timeline = timeline;
        self
    }

    /// Adds the centrality figures in `measures` as node attributes.
    #[must_use]
    pub fn with_measures(mut self, measures: &'a [ActorCentrality]) -> Self {
        self.measures = Some(measures);
        self
    }
}
