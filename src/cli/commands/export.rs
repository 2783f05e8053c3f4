//! `stakenet export`: the whole network for Gephi, yEd, Cytoscape and Graphviz.

use clap::{Args, ValueEnum};

use super::super::options::{OutputArgs, ThreadsArgs, WorkspaceArgs};
use super::super::{Failure, Outcome, Workspace, config};
use stakenet::ViewSpec;
use stakenet::analysis::{CentralityConfig, centrality_with_progress};
use stakenet::render::{
    ExportOptions, MapModel, MapOptions, MixedEdges, Timeline, export_cytoscape_with, export_dot,
    export_gexf_with, export_graphml_with,
};

pub(crate) const HELP: &str = "\
Exports everything: every actor with its sector, level, parent, kind, themes, influence and
free columns; every relation with its layer, direction, weight, amount, topic, dates and free
columns. Coalitions become nodes of kind `coalition` (id coalition:<id>), tied to their members
by undirected `membership` edges with the role, so the two-mode structure survives. Nodes come
in id order (actors, then coalitions), edges in workspace order (relations, then memberships);
the same workspace always gives the same bytes.

Formats:
  graphml  yEd, Gephi, Cytoscape, NetworkX; the name is the node attribute `label`
  gexf     Gephi (GEXF 1.3); the name is the node label, the layer the edge kind
  json     Cytoscape.js elements (Cytoscape Desktop imports them); the name is `name`
  dot      Graphviz: actors clustered by the top of their parent chain, layers as colours

A network with directed and undirected ties (e.g. funding next to collaboration, or directed
relations next to the memberships) is mixed. GraphML and GEXF keep each tie's own direction;
Gephi, yEd and Cytoscape read that, but NetworkX and igraph refuse mixed graphs: for them, add
--mixed directed. Characters XML cannot hold (control characters) become U+FFFD.

Without --format, the extension of -o FILE decides (.graphml, .gexf, .json, .dot or .gv); a
file named for another format (x.gexf with --format graphml, x.pdf) is refused.

The same picture in Gephi, yEd and Cytoscape: --with-layout gives every actor the position,
colour and size it has on `stakenet map` of the whole network (GEXF `viz:position`, `viz:color`,
`viz:size`, with y upwards as Gephi has it; yEd's `y:ShapeNode` graphics in GraphML; Cytoscape.js
`position`, for its preset layout); a coalition node sits small and grey beside its members.
--with-measures adds the centrality of each actor on the whole network (degree, strength,
betweenness, closeness, harmonic, eigenvector, pagerank; as `stakenet centrality` computes them)
as node attributes; coalition nodes get none. Neither applies to dot.

Gephi's timeline: when the workspace has dates, the GEXF graph is dynamic, so Gephi's timeline
plays the network's history. Each relation and membership holds from its since to its until,
each coalition from its start to its end (both days inclusive; an empty date is open). Actors
have no dates of their own: an actor holds from the earliest since of its ties and memberships
to the latest until, open on a side where any of them is, and always when it has none, so no
tie is hidden while it holds. --no-timeline writes a static graph (the dates stay attributes).

Examples:
  stakenet export --format gexf -o regio-deals.gexf
  stakenet export --with-layout --with-measures -o regio-deals.gexf
  stakenet export fixtures/tiny -o tiny.graphml --mixed directed
  stakenet export fixtures/tiny -o tiny.gexf --no-timeline
  stakenet export my-region/ --format dot | dot -Tsvg > my-region.svg";

/// Export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExportFormat {
    /// GraphML (yEd, Gephi, Cytoscape, NetworkX).
    Graphml,
    /// GEXF 1.3 (Gephi).
    Gexf,
    /// Cytoscape.js JSON elements (Cytoscape Desktop imports them).
    Json,
    /// Graphviz DOT.
    Dot,
}

/// How GraphML and GEXF write a network with both directed and undirected ties.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum MixedArg {
    /// Each tie keeps its own direction (Gephi, yEd, Cytoscape).
    Keep,
    /// Every tie is written as directed; the `directed` attribute tells which are undirected
    /// (NetworkX, igraph).
    Directed,
}

/// `stakenet export`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct ExportArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    /// Output format [default: from the extension of -o FILE].
    #[arg(long, value_enum)]
    pub(crate) format: Option<ExportFormat>,
    /// How GraphML and GEXF write a network with both directed and undirected ties
    /// [default: keep].
    #[arg(long, value_enum, value_name = "HOW")]
    pub(crate) mixed: Option<MixedArg>,
    /// Write the positions, colours and sizes of `stakenet map` (graphml, gexf, json).
    #[arg(long)]
    pub(crate) with_layout: bool,
    /// Add each actor's centrality figures as node attributes (graphml, gexf, json).
    #[arg(long)]
    pub(crate) with_measures: bool,
    /// Write a static GEXF graph even when the workspace has dates (no timeline in Gephi).
    #[arg(long)]
    pub(crate) no_timeline: bool,
    /// `--threads`.
    #[command(flatten)]
    pub(crate) threads: ThreadsArgs,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Loads the workspace and writes it in the chosen format.
pub(crate) fn run(args: &ExportArgs) -> Outcome {
    let format = format(args)?;
    let mixed = match (args.mixed, format) {
        (None | Some(MixedArg::Keep), _) => MixedEdges::Keep,
        (Some(MixedArg::Directed), ExportFormat::Graphml | ExportFormat::Gexf) => {
            MixedEdges::Directed
        }
        (Some(MixedArg::Directed), _) => {
            return Err(Failure::Input(
                "--mixed directed applies to --format graphml and gexf; json and dot always keep each tie's direction"
                    .to_owned(),
            ));
        }
    };
    if format == ExportFormat::Dot && (args.with_layout || args.with_measures) {
        let flag = if args.with_layout { "--with-layout" } else { "--with-measures" };
        return Err(Failure::Input(format!(
            "{flag} applies to --format graphml, gexf and json; dot has no place for it (Graphviz lays out the graph itself)"
        )));
    }
    if args.no_timeline && format != ExportFormat::Gexf {
        return Err(Failure::Input(
            "--no-timeline applies to --format gexf; graphml, json and dot have no timeline (their dates are the attributes since, until, start_date and end_date)"
                .to_owned(),
        ));
    }
    config::threads(&args.threads)?;
    let workspace = Workspace::open(&args.workspace)?;
    let network = &workspace.network;
    let (map, scores) = if args.with_layout || args.with_measures {
        // The whole network in its default layers, as `stakenet map` and `centrality` see it.
        let spec = ViewSpec::default();
        let view = workspace.view(&spec)?;
        let map = if args.with_layout {
            let options = MapOptions::default().with_workspace(workspace.name.clone());
            let progress = workspace.progress(&view, "map");
            let map = MapModel::build(network, &spec, &view, &options);
            progress.finish_and_clear();
            Some(map.map_err(Failure::input)?)
        } else {
            None
        };
        let scores = if args.with_measures {
            let progress = workspace.search_bar(&view, "centrality");
            let scores = centrality_with_progress(&view, &CentralityConfig::default(), &progress);
            progress.finish();
            Some(scores.map_err(|error| Failure::from_analysis(&error))?)
        } else {
            None
        };
        (map, scores)
    } else {
        (None, None)
    };
    let timeline = if args.no_timeline { Timeline::Off } else { Timeline::WhenDated };
    let mut options = ExportOptions::default().with_mixed(mixed).with_timeline(timeline);
    if let Some(map) = &map {
        options = options.with_layout(map);
    }
    if let Some(scores) = &scores {
        options = options.with_measures(scores);
    }
    let text = match format {
        ExportFormat::Graphml => export_graphml_with(network, &options),
        ExportFormat::Gexf => export_gexf_with(network, &options),
        ExportFormat::Json => export_cytoscape_with(network, &options),
        ExportFormat::Dot => export_dot(network),
    };
    workspace.emit(&args.output, &text)
}

/// The format asked for, or the one the output file's extension names; an extension that
/// names another format is refused.
fn format(args: &ExportArgs) -> Result<ExportFormat, Failure> {
    const FORMATS: [config::Format<ExportFormat>; 4] = [
        config::Format { format: ExportFormat::Graphml, name: "graphml", extensions: &["graphml"] },
        config::Format { format: ExportFormat::Gexf, name: "gexf", extensions: &["gexf"] },
        config::Format { format: ExportFormat::Json, name: "json", extensions: &["json"] },
        config::Format { format: ExportFormat::Dot, name: "dot", extensions: &["dot", "gv"] },
    ];
    config::output_format("export", args.format, &args.output, &FORMATS, None)
}
