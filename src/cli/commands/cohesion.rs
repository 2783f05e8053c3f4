//! `stakenet cohesion`: core numbers, Leiden communities with their modularity, and maximal
//! cliques.

use clap::Args;

use super::super::options::{ListArgs, ListFormat, OutputArgs, ViewArgs, WorkspaceArgs};
use super::super::{Failure, Outcome, Workspace, config};
use stakenet::analysis::{LeidenConfig, core_numbers, leiden, maximal_cliques, triad_census};
use stakenet::render::{
    COHESION_COLUMNS, CohesionOutput, clique_records, cohesion_json, cohesion_records,
    cohesion_summary,
};

pub(crate) const HELP: &str = "\
The view is taken as undirected: two actors are tied when a tie joins them either way (a pair
tied both ways weighs the larger of its two ties' weights).

Per actor:
  core        its core number: the largest k such that it belongs to a group in which everyone
              has at least k neighbours (k-core; Batagelj-Zaversnik, as NetworkX core_number)
  community   its community by the Leiden algorithm (Traag, Waltman & van Eck 2019) on the
              view's weights (tie strength; euros when every relation of the chosen layers
              carries an amount; see --weight), 0 the largest; the same --seed gives the same
              communities at any --threads

For the network (JSON; a summary line under the table):
  modularity  Newman's weighted modularity of the communities: the share of the weight inside
              communities minus what a random network with the same strengths would put there
  cliques     the maximal cliques (groups in which everyone is tied to everyone, not part of a
              larger such group; Bron-Kerbosch with pivoting, as NetworkX find_cliques), the
              largest first, each with its actors by id; --cliques caps how many are listed
              (their number is always given)

Examples:
  stakenet cohesion
  stakenet cohesion --coalition rd_twente --format json
  stakenet cohesion --seed 7 --sort core --top 20
  stakenet cohesion -o cohesion.xlsx   (sheets actors, cliques)";

/// `stakenet cohesion`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct CohesionArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    #[command(flatten)]
    pub(crate) view: ViewArgs,
    /// Compute only these (comma-separated: core, community, cliques, triads) [default: core,
    /// community, cliques]; the columns of others stay empty. triads adds the directed triad
    /// census (16 MAN types) to the JSON and the summary.
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub(crate) measures: Vec<String>,
    /// Seed of the Leiden algorithm's random choices: the same seed gives the same communities.
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
    /// List at most N maximal cliques (the largest first) in JSON and the workbook.
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub(crate) cliques: usize,
    #[command(flatten)]
    pub(crate) list: ListArgs,
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    pub(crate) format: Option<ListFormat>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Loads, builds the view, computes, renders.
pub(crate) fn run(args: &CohesionArgs) -> Outcome {
    let wanted = Wanted::parse(&args.measures)?;
    args.list.check(&COHESION_COLUMNS)?;
    config::threads(&args.view.threads)?;
    let format = config::list_format("cohesion", args.format, &args.output)?;
    let workspace = Workspace::open(&args.workspace)?;
    let network = &workspace.network;
    let spec = config::view_spec(network, &args.view)?;
    let view = workspace.view(&spec)?;
    let progress = workspace.progress(&view, "cohesion");
    let core = wanted.core.then(|| core_numbers(&view));
    let communities =
        wanted.community.then(|| leiden(&view, &LeidenConfig::default().with_seed(args.seed)));
    // The cliques are shown in JSON and the workbook; CSV and tables need only their count.
    let limit =
        if matches!(format, ListFormat::Json | ListFormat::Xlsx) { args.cliques } else { 0 };
    let cliques = wanted.cliques.then(|| maximal_cliques(network, &view, limit));
    let triads = wanted.triads.then(|| triad_census(&view));
    progress.finish_and_clear();
    let output = CohesionOutput {
        view: &view,
        core: core.as_deref(),
        communities: communities.as_ref(),
        seed: args.seed,
        cliques: cliques.as_ref(),
        triad_census: triads,
    };
    let records = args.list.apply(cohesion_records(network, output));
    let text = match format {
        ListFormat::Csv => records.to_csv(),
        ListFormat::Table => format!("{}\n{}", records.to_table(), cohesion_summary(output)),
        ListFormat::Json => {
            cohesion_json(network, workspace.describe(&view, args.view.weighted), &records, output)
        }
        ListFormat::Xlsx => {
            let mut sheets = vec![("actors", records)];
            if let Some(cliques) = &cliques {
                sheets.push(("cliques", clique_records(network, cliques)));
            }
            return workspace.emit_workbook(&args.output, &sheets);
        }
    };
    workspace.emit(&args.output, &text)
}

/// What `--measures` asks for.
#[derive(Clone, Copy, Debug)]
struct Wanted {
    core: bool,
    community: bool,
    cliques: bool,
    triads: bool,
}

impl Wanted {
    fn parse(names: &[String]) -> Result<Wanted, Failure> {
        if names.is_empty() {
            return Ok(Wanted { core: true, community: true, cliques: true, triads: false });
        }
        let mut wanted = Wanted { core: false, community: false, cliques: false, triads: false };
        for name in names {
            match name.trim().to_ascii_lowercase().as_str() {
                "core" => wanted.core = true,
                "community" | "communities" => wanted.community = true,
                "cliques" => wanted.cliques = true,
                "triads" => wanted.triads = true,
                other => {
                    return Err(Failure::Input(format!(
                        "--measures: unknown measure `{other}`; expected core, community, cliques or triads"
                    )));
                }
            }
        }
        Ok(wanted)
    }
}
