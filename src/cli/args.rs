//! Command-line arguments (clap derive): the raw form, before `cli::config` validates them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "\
A WORKSPACE is a folder of CSV files (actors.csv, and optionally relations.csv, coalitions.csv,
members.csv) or one network.json. Without WORKSPACE, stakenet uses the bundled Regio Deal
workspace (31 Dutch Regio Deals, 2018-2022).

Exit codes: 0 ok, 1 an analysis failed, 2 bad input or usage (every problem is listed as
path:line: message).";

/// stakenet: stakeholder network analysis for multi-actor, multi-level coalitions.
#[derive(Debug, Parser)]
#[command(name = "stakenet", version, about, after_help = AFTER_HELP, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a workspace and summarize it: actors by sector and level, layers, coalitions,
    /// members by role, hierarchy depth; or list every problem as path:line: message.
    #[command(
        after_help = "Examples:\n  stakenet check\n  stakenet check my-region/ --format json -o summary.json"
    )]
    Check(CheckArgs),
    /// Write a seeded synthetic workspace (Barabási–Albert or G(n,m)) with sectors, levels, a
    /// parent hierarchy, five layers and coalitions, for benchmarks and scale tests.
    #[command(
        after_help = "Examples:\n  stakenet generate --actors 100000 --ties-per-actor 10 -o big/\n  stakenet generate --model gnm --actors 200000 --ties-per-actor 5 --seed 7 -o gnm/"
    )]
    Generate(GenerateArgs),
    /// Who holds the network together: degree, strength, betweenness, closeness, harmonic,
    /// eigenvector and PageRank per actor, plus density, reciprocity, Freeman centralization
    /// and Krackhardt's hierarchy figures for the whole network.
    #[command(after_help = CENTRALITY_HELP)]
    Centrality(CentralityArgs),
    /// Who brokers between groups (Gould–Fernandez roles: coordinator, itinerant, gatekeeper,
    /// representative, liaison) and who spans structural holes (Burt's constraint and
    /// effective size).
    #[command(after_help = BROKERAGE_HELP)]
    Brokerage(BrokerageArgs),
    /// How the layers of a multiplex network differ: per actor and layer the degree,
    /// neighbourhood, exclusive neighbourhood and (exclusive) relevance, and the edge overlap
    /// of every pair of layers.
    #[command(after_help = LAYERS_HELP)]
    Layers(LayersArgs),
}

const CENTRALITY_HELP: &str = "\
Definitions match NetworkX 3.x (betweenness normalized; closeness with the Wasserman-Faust
correction, inward on directed networks; harmonic as a raw sum; eigenvector on the largest weak
component; PageRank with alpha 0.85) and R sna for the network figures. PageRank and
eigenvector use tie strength; paths count hops unless --weighted.

Examples:
  stakenet centrality --coalition rd_twente
  stakenet centrality --measures betweenness,pagerank --format csv -o centrality.csv
  stakenet centrality big/ --sample 1000 --threads 2";

const BROKERAGE_HELP: &str = "\
For every two-path a -> b -> c with no tie a -> c, broker b gets one count in the role given by
the groups of a, b and c: coordinator (A A A), itinerant (A B A), representative (A A B),
gatekeeper (A B B), liaison (A B C). --expected adds expected counts and z-scores as R sna's
brokerage() (Gould & Fernandez 1989). Constraint and effective size follow NetworkX (Burt 1992).

Examples:
  stakenet brokerage --group-by side
  stakenet brokerage --coalition rd_twente --group-by sector --expected --format csv";

const LAYERS_HELP: &str = "\
Definitions and numbers as uunet/multinet: degree counts a layer's ties of the actor,
neighborhood its distinct neighbours there, xneighborhood those it meets in no other chosen
layer; relevance and xrelevance divide them by the actor's neighbours over all chosen layers.
Actors without a tie in a layer have no row for it. The json format adds the Jaccard overlap of
the edge sets of every pair of layers.

Examples:
  stakenet layers fixtures/tiny
  stakenet layers my-region/ --layer funding --layer collaboration --format json";

/// `stakenet centrality`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub struct CentralityArgs {
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
    #[command(flatten)]
    pub view: ViewArgs,
    /// Compute only these measures (comma-separated: betweenness, closeness, harmonic,
    /// eigenvector, pagerank); other columns stay empty. Degree and strength are always
    /// computed.
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub measures: Vec<String>,
    /// Estimate betweenness from K randomly chosen source actors (Brandes & Pich 2007) instead
    /// of all of them: for very large networks.
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u64).range(1..))]
    pub sample: Option<u64>,
    /// Seed for --sample: the same seed picks the same sources.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    pub format: Option<ListFormat>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `stakenet brokerage`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub struct BrokerageArgs {
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
    #[command(flatten)]
    pub view: ViewArgs,
    /// Group actors by sector, level, side (rijk: the national government and everything under
    /// it; region: everyone else), kind, or any column of actors.csv.
    #[arg(long, value_name = "GROUPING", default_value = "sector")]
    pub group_by: String,
    /// Add expected role counts and z-scores under random ties (as R sna's brokerage).
    #[arg(long)]
    pub expected: bool,
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    pub format: Option<ListFormat>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `stakenet layers`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub struct LayersArgs {
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
    #[command(flatten)]
    pub view: ViewArgs,
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    pub format: Option<ListFormat>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// The random graph model for `generate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ModelArg {
    /// Barabási–Albert preferential attachment (scale-free, like real stakeholder networks).
    Ba,
    /// Erdős–Rényi G(n, m): ties drawn uniformly.
    Gnm,
}

/// `stakenet generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Random graph model.
    #[arg(long, value_enum, default_value_t = ModelArg::Ba)]
    pub model: ModelArg,
    /// Number of actors (2 to 50,000,000).
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(2..=50_000_000))]
    pub actors: u64,
    /// Ties per actor: m of Barabási–Albert, or the average out-degree of G(n,m).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub ties_per_actor: u64,
    /// Number of coalitions.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(0..=1_000_000))]
    pub coalitions: u64,
    /// Seed of the random generator: the same seed gives the same workspace.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Folder to write the workspace into (created when missing).
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub output: PathBuf,
}

/// Where the workspace is.
#[derive(Debug, Args)]
pub struct WorkspaceArgs {
    /// Workspace folder or network.json [default: the bundled Regio Deal workspace]
    #[arg(value_name = "WORKSPACE")]
    pub workspace: Option<PathBuf>,
}

/// Where and how to write the result.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Write to FILE (atomically: a temporary file, then a rename; never over an input file)
    /// instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Output formats of the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// Aligned text for a terminal.
    Table,
    /// One JSON object.
    Json,
}

/// `stakenet check`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub struct CheckArgs {
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Table)]
    pub format: SummaryFormat,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// The selection every analysis runs on, and how to compute it.
#[derive(Debug, Args)]
pub struct ViewArgs {
    /// Only the members of this coalition (its id, e.g. rd_twente).
    #[arg(long, value_name = "ID")]
    pub coalition: Option<String>,
    /// Use this layer; repeat for several [default: every layer of relations.csv plus
    /// comembership, the derived layer of shared coalitions].
    #[arg(long = "layer", value_name = "NAME")]
    pub layers: Vec<String>,
    /// Fold actors into their topmost ancestor at this level (eu, national, provincial,
    /// regional, municipal, local), summing weights: e.g. national turns the Rijk with its
    /// ministries and departments into one actor.
    #[arg(long, value_name = "LEVEL")]
    pub level: Option<String>,
    /// Only relations and memberships that hold on this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub at: Option<String>,
    /// Shortest paths use tie strength: a tie's length is 1/weight (Opsahl et al. 2010).
    /// Without it, paths count hops.
    #[arg(long)]
    pub weighted: bool,
    /// Worker threads [default: all cores]. Results are identical at any thread count.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub threads: Option<u16>,
}

/// Output formats of measure lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned text for a terminal (six significant digits).
    Table,
    /// One row per item with a header; every digit kept; text that a spreadsheet would run as
    /// a formula (starting with = + - @) is prefixed with '.
    Csv,
    /// One JSON object with the list and the figures about the whole network.
    Json,
}
