//! `stakenet centrality`: per-actor centrality and the network's structure.

use clap::Args;

use super::super::options::{ListArgs, ListFormat, OutputArgs, ViewArgs, WorkspaceArgs};
use super::super::{Failure, Outcome, Workspace, config, say};
use stakenet::analysis::{
    CentralityConfig, Measures, Sample, centrality_with_progress, descriptives,
    graph_structure_with,
};
use stakenet::render::{
    CENTRALITY_COLUMNS, centrality_json_with, centrality_records, network_records, network_table,
};

pub(crate) const HELP: &str = "\
Definitions match NetworkX 3.x (betweenness normalized; closeness with the Wasserman-Faust
correction, inward on directed networks; harmonic as a raw sum; eigenvector on the largest weak
component; PageRank with alpha 0.85) and R sna for the network figures. Strength, PageRank
and eigenvector use the view's weights (tie strength; euros when every relation of the chosen
layers carries an amount; see --weight); paths count hops unless --weighted.

Per actor:
  degree        the number of distinct actors it is tied to, in either direction
  in_degree     ties that come in (on a mixed view an undirected tie is one in and one out)
  out_degree    ties that go out
  strength      the sum of the weights of its ties
  betweenness   the share of shortest paths between two others that run through it
  closeness     how near it is to the actors that reach it (0 when nobody does)
  harmonic      the sum of 1 / distance from every other actor (unreachable ones add 0)
  eigenvector   high when it is tied to actors that are themselves central
  pagerank      the share of time a random walk along the ties spends at it

Network figures (table and json; a 'note' says when a figure needs a caveat):
  ties          directed ties plus undirected ties, each counted once
  density       the share of all possible ties that exist
  reciprocity   the share of directed ties answered by a directed tie the other way;
                undirected ties are counted apart, as 'undirected ties', and do not count
  degree / betweenness / closeness / harmonic centralization
                how much that measure is concentrated in one actor (Freeman): 1 for a star,
                0 when every actor scores the same; closeness centralization is 0 by R sna's
                convention when some actor cannot reach all others, harmonic centralization
                stays meaningful then
  connectedness the share of pairs of actors joined by some chain of ties (Krackhardt)
  hierarchy     among pairs where one reaches the other, the share reached one way only:
                1 for a pure chain of command (Krackhardt)
  efficiency    how few ties there are beyond the minimum that keeps each part connected:
                1 when every part is a tree (Krackhardt)
  lub           the share of pairs whose chains of ties meet at one nearest common actor, as
                in an organization chart with one top: 1 for such a tree (Krackhardt)
  weak components  the parts of the network that no tie connects
  transitivity  the share of connected triples of actors that are closed into triangles
                (NetworkX transitivity), on the view taken as undirected
  average clustering
                the mean over actors of the share of their neighbours' pairs that are tied
                (Watts-Strogatz; actors with fewer than two neighbours count 0)
  average path length / diameter
                the mean and largest number of steps between two actors of the largest weak
                component, the view taken as undirected (JSON: every component under
                path_lengths)
  triad census  (JSON, and rows of the workbook and table) how many triples of actors show
                each of the 16 patterns of directed ties (MAN labels 003 ... 300)

Examples:
  stakenet centrality --coalition rd_twente
  stakenet centrality --coalition rd_twente --sort betweenness --top 10
  stakenet centrality --measures betweenness,pagerank --format csv -o centrality.csv
  stakenet centrality --coalition rd_twente -o centrality.xlsx   (sheets actors, network)
  stakenet centrality big/ --sample 1000 --threads 2";

/// `stakenet centrality`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct CentralityArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    #[command(flatten)]
    pub(crate) view: ViewArgs,
    /// Compute only these measures (comma-separated: betweenness, closeness, harmonic,
    /// eigenvector, pagerank); other columns stay empty. Degree and strength are always
    /// computed.
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub(crate) measures: Vec<String>,
    /// Estimate betweenness, closeness and harmonic centrality from K source actors instead of
    /// all of them, for very large networks: pivot sampling (Brandes & Pich 2007) with one
    /// pivot drawn from each of K runs of neighbouring actors; for betweenness each path's share
    /// is credited by where the actor lies on it (Geisberger et al. 2008). Betweenness and
    /// harmonic are unbiased, closeness nearly so; on a 20,000-actor network, K = 2000 puts
    /// the top 100 betweenness within about 2% of exact on average. Time grows with K
    /// (directed betweenness: twice). The network figures then use the estimates, and leave
    /// out closeness centralization.
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) sample: Option<u64>,
    /// Seed for --sample: the same seed picks the same sources.
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
    /// Iterations allowed to PageRank and to eigenvector centrality before they give up
    /// [default: 1000 for PageRank, 10000 for eigenvector].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) max_iterations: Option<u64>,
    #[command(flatten)]
    pub(crate) list: ListArgs,
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    pub(crate) format: Option<ListFormat>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Loads, builds the view, computes, renders.
pub(crate) fn run(args: &CentralityArgs) -> Outcome {
    let measures = measures(&args.measures)?;
    args.list.check(&CENTRALITY_COLUMNS)?;
    if let Some(name) = args.list.sort.as_deref() {
        if !computes(measures, name) {
            return Err(Failure::Input(format!(
                "--sort {name}: not computed; add {name} to --measures, or sort by one of {}",
                sortable(measures).join(", ")
            )));
        }
    }
    config::threads(&args.view.threads)?;
    let format = config::list_format("centrality", args.format, &args.output)?;
    let workspace = Workspace::open(&args.workspace)?;
    let network = &workspace.network;
    let spec = config::view_spec(network, &args.view)?;
    let view = workspace.view(&spec)?;
    let sample =
        args.sample.map(|k| Sample::new(usize::try_from(k).unwrap_or(usize::MAX), args.seed));
    let mut centrality_config = CentralityConfig::default()
        .with_measures(measures)
        .with_weighted(args.view.weighted)
        .with_sample(sample);
    if let Some(limit) = args.max_iterations {
        centrality_config =
            centrality_config.with_max_iterations(usize::try_from(limit).unwrap_or(usize::MAX));
    }
    let progress = workspace.search_bar(&view, "centrality");
    let scores = centrality_with_progress(&view, &centrality_config, &progress)
        .map_err(|error| Failure::from_analysis(&error))?;
    // The network figures are shown in tables and JSON only; CSV holds the actor list, so a
    // large run in CSV skips their O(n·m) searches.
    let structure = (format != ListFormat::Csv).then(|| {
        (graph_structure_with(&view, &scores, &centrality_config, &progress), descriptives(&view))
    });
    progress.finish();
    if measures.eigenvector && view.n_nodes() > 0 && scores.iter().all(|s| s.eigenvector.is_none())
    {
        say("note: eigenvector centrality is undefined for this view (its largest component has \
             no unique dominant eigenvector, e.g. directed ties without cycles); the column is \
             empty\n");
    }
    let records = args.list.apply(centrality_records(network, &scores));
    let text = match (format, &structure) {
        (ListFormat::Csv, _) | (_, None) => records.to_csv(),
        (ListFormat::Table, Some((structure, descriptives))) => {
            format!("{}\n{}", records.to_table(), network_table(structure, Some(descriptives)))
        }
        (ListFormat::Json, Some((structure, descriptives))) => centrality_json_with(
            workspace.describe(&view, args.view.weighted),
            &records,
            structure,
            Some(descriptives),
        ),
        (ListFormat::Xlsx, Some((structure, descriptives))) => {
            let sheets =
                [("actors", records), ("network", network_records(structure, Some(descriptives)))];
            return workspace.emit_workbook(&args.output, &sheets);
        }
    };
    workspace.emit(&args.output, &text)
}

/// Whether the column `name` of the list is filled with `measures`.
fn computes(measures: Measures, name: &str) -> bool {
    match name {
        "betweenness" => measures.betweenness,
        "closeness" => measures.closeness,
        "harmonic" => measures.harmonic,
        "eigenvector" => measures.eigenvector,
        "pagerank" => measures.pagerank,
        _ => true,
    }
}

/// The columns the list can be sorted by with `measures`.
fn sortable(measures: Measures) -> Vec<&'static str> {
    CENTRALITY_COLUMNS.iter().copied().filter(|&name| computes(measures, name)).collect()
}

fn measures(names: &[String]) -> Result<Measures, Failure> {
    if names.is_empty() {
        return Ok(Measures::ALL);
    }
    let mut measures = Measures::NONE;
    for name in names {
        match name.trim().to_ascii_lowercase().as_str() {
            "betweenness" => measures.betweenness = true,
            "closeness" => measures.closeness = true,
            "harmonic" => measures.harmonic = true,
            "eigenvector" => measures.eigenvector = true,
            "pagerank" => measures.pagerank = true,
            "degree" | "in_degree" | "out_degree" | "strength" => {}
            other => {
                return Err(Failure::Input(format!(
                    "--measures: unknown measure `{other}`; expected betweenness, closeness, harmonic, eigenvector or pagerank"
                )));
            }
        }
    }
    Ok(measures)
}
