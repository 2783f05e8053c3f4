//! `stakenet map`: the network drawn as a map, SVG or an interactive HTML page.

use clap::{Args, ValueEnum};

use super::super::options::{OutputArgs, ViewArgs, WorkspaceArgs};
use super::super::{Failure, Outcome, Workspace, config};
use stakenet::analysis::LayoutMethod;
use stakenet::render::{DEFAULT_LABELS, Ego, MapModel, MapOptions, SizeBy, map_html, map_svg};

pub(crate) const HELP: &str = "\
What it draws: every actor of the view as a dot, coloured by --color-by (with a legend) and
sized by --size-by (area grows with the value); every tie as a line coloured by its layer and as
wide as its weight (euros when every relation of the chosen layers carries an amount), with an
arrowhead when directed and two arcs when a directed tie is answered the other way. The
--labels largest actors are named; a name that would cover another name or a dot is left out
(hovering a dot always shows it). The caption says what is shown: scope, layers, date, counts.

Colour (--color-by): sector, level, side (rijk or region), kind, or any column of actors.csv.
More than eight groups: the seven largest keep a colour, the rest are drawn as 'other'.
Size (--size-by): degree, betweenness, pagerank, closeness, harmonic, eigenvector, strength,
amount (euros of the actor's relations), or a column of numbers in actors.csv.

The HTML page (--format html, or -o FILE.html) is one file that needs no connection: drag to
move, wheel to zoom, hover for an actor's figures, click an actor to light up the actors tied to
it, switch layers on and off, find an actor by name. Open it at an actor with map.html#focus=ID,
with layers off with #layers=off:NAME,NAME (both: #focus=ID&layers=off:NAME).

Formats: svg or html. Without --format, the extension of -o FILE decides (.svg, .html/.htm);
else svg, written to standard output.

Examples:
  stakenet map -o regio-deals.svg
  stakenet map --coalition rd_twente --color-by side --size-by amount -o twente.html
  stakenet map --ego min_ezk --radius 2 --labels 50 -o ezk.svg
  stakenet map fixtures/twente-analyst --nest --layout rijk-region -o twente.svg";

/// Output formats of `map`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum MapFormat {
    /// A drawing (SVG).
    Svg,
    /// One interactive HTML page with the drawing inline.
    Html,
}

/// How to place the actors.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum Method {
    /// Stress (sampled beyond a few thousand actors) up to 100,000 actors, force-directed beyond.
    #[default]
    Auto,
    /// Stress majorization: distances on the map follow path lengths.
    Stress,
    /// A multilevel force-directed layout, for large networks.
    Force,
    /// The Rijk on the left, the region on the right.
    RijkRegion,
}

/// `stakenet map`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct MapArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    #[command(flatten)]
    pub(crate) view: ViewArgs,
    /// What colours the actors: sector, level, side, kind, or a column of actors.csv.
    #[arg(long, value_name = "WHAT", default_value = "sector")]
    pub(crate) color_by: String,
    /// What sizes the actors: degree, betweenness, pagerank, closeness, harmonic, eigenvector,
    /// strength, amount, or a column of numbers of actors.csv.
    #[arg(long, value_name = "WHAT", default_value = "degree")]
    pub(crate) size_by: String,
    /// Draw only the actors within --radius hops of this actor (its id), either direction,
    /// laid out on their own.
    #[arg(long, value_name = "ID")]
    pub(crate) ego: Option<String>,
    /// With --ego: how many hops.
    #[arg(long, value_name = "K", default_value_t = 1, requires = "ego")]
    pub(crate) radius: u32,
    /// Name the N largest actors (by --size-by); 0 names none.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_LABELS)]
    pub(crate) labels: usize,
    /// How to place the actors.
    #[arg(long, value_enum, default_value_t = Method::Auto)]
    pub(crate) layout: Method,
    /// Draw each ministry's units (directorates, agencies) inside a hull of their ministry;
    /// the layout keeps each unit near its ministry as if they were tied.
    #[arg(long)]
    pub(crate) nest: bool,
    /// Seed of the layout: the same seed gives the same map.
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
    /// Output format [default: from the extension of -o FILE, else svg].
    #[arg(long, value_enum)]
    pub(crate) format: Option<MapFormat>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Loads, builds the view and the map, renders.
pub(crate) fn run(args: &MapArgs) -> Outcome {
    const FORMATS: [config::Format<MapFormat>; 2] = [
        config::Format { format: MapFormat::Svg, name: "svg", extensions: &["svg"] },
        config::Format { format: MapFormat::Html, name: "html", extensions: &["html", "htm"] },
    ];
    let format =
        config::output_format("map", args.format, &args.output, &FORMATS, Some(MapFormat::Svg))?;
    config::threads(&args.view.threads)?;
    let workspace = Workspace::open(&args.workspace)?;
    let network = &workspace.network;
    let spec = config::view_spec(network, &args.view)?;
    let view = workspace.view(&spec)?;
    let ego = match &args.ego {
        Some(key) => {
            let actor = network.actor_id(key).ok_or_else(|| {
                let example = network.actors().first().map_or("", |a| a.key.as_str());
                Failure::Input(format!(
                    "--ego {key}: no actor has this id; give an id of the id column of actors.csv (e.g. {example})"
                ))
            })?;
            Some(Ego { actor, radius: args.radius })
        }
        None => None,
    };
    let method = match args.layout {
        Method::Auto => LayoutMethod::Auto,
        Method::Stress => LayoutMethod::Stress,
        Method::Force => LayoutMethod::Force,
        Method::RijkRegion => LayoutMethod::RijkRegion,
    };
    let options = MapOptions::default()
        .with_workspace(workspace.name.clone())
        .with_color_by(config::group_by(&args.color_by))
        .with_size_by(SizeBy::parse(&args.size_by))
        .with_labels(args.labels)
        .with_ego(ego)
        .with_nest(args.nest)
        .with_method(method)
        .with_seed(args.seed)
        .with_weighted(args.view.weighted);
    let progress = workspace.progress(&view, "map");
    let model = MapModel::build(network, &spec, &view, &options);
    progress.finish_and_clear();
    let model = model.map_err(Failure::input)?;
    let text = match format {
        MapFormat::Svg => map_svg(&model),
        MapFormat::Html => map_html(&model),
    };
    workspace.emit(&args.output, &text)
}
