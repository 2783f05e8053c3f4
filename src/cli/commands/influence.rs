//! `stakenet influence`: perceived influence (the `influence` column, Net-Map's towers) against
//! a structural centrality.

use clap::Args;

use super::super::options::{ListArgs, ListFormat, OutputArgs, ViewArgs, WorkspaceArgs};
use super::super::{Failure, Outcome, Workspace, config};
use stakenet::analysis::{CentralityConfig, centrality, perceived_influence};
use stakenet::render::{INFLUENCE_MEASURES, influence_json, influence_records, influence_summary};

pub(crate) const HELP: &str = "\
Do the parties everyone calls influential hold an influential position? Compares each actor's
`influence` (actors.csv: how influential the participants of a Net-Map or stakeholder workshop
rate it, e.g. 0 to 10 towers) with its structural score. Both are turned into percentiles among
the rated actors (0 the lowest, 1 the highest, ties averaged). An actor rated at least --gap above
its structural percentile is a paper tiger (seen as powerful, not placed to be); one at least
--gap below is a hidden influencer (placed to matter, not seen to). Spearman's rho and Kendall's
tau-b say how far the two orders agree overall. Actors without an influence are left out.

Examples:
  stakenet influence my-workspace/
  stakenet influence my-workspace/ --measure degree --gap 0.4 --sort gap";

/// `stakenet influence`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct InfluenceArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    #[command(flatten)]
    pub(crate) view: ViewArgs,
    /// The structural score: degree, strength, betweenness, closeness, harmonic, eigenvector or
    /// pagerank.
    #[arg(long, value_name = "MEASURE", default_value = "betweenness")]
    pub(crate) measure: String,
    /// The gap in percentiles (above 0, at most 1) from which an actor is a paper tiger or a
    /// hidden influencer.
    #[arg(long, value_name = "SHARE", default_value_t = 0.5)]
    pub(crate) gap: f64,
    #[command(flatten)]
    pub(crate) list: ListArgs,
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    pub(crate) format: Option<ListFormat>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

const MEASURES: [&str; 7] =
    ["degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank"];

/// Loads, computes the centrality and the comparison, renders.
pub(crate) fn run(args: &InfluenceArgs) -> Outcome {
    args.list.check(&INFLUENCE_MEASURES)?;
    let measure = args.measure.trim().to_ascii_lowercase();
    if !MEASURES.contains(&measure.as_str()) {
        return Err(Failure::Input(format!(
            "--measure {}: not a measure; use one of {}",
            args.measure,
            MEASURES.join(", ")
        )));
    }
    if !(args.gap > 0.0 && args.gap <= 1.0) {
        return Err(Failure::Input(format!(
            "--gap {}: give a share of the percentile range above 0 and at most 1, such as 0.5",
            args.gap
        )));
    }
    config::threads(&args.view.threads)?;
    let format = config::list_format("influence", args.format, &args.output)?;
    let workspace = Workspace::open(&args.workspace)?;
    let network = &workspace.network;
    if network.actors().iter().all(|a| a.influence.is_none()) {
        return Err(Failure::Input(
            "no actor has an influence; add an `influence` column to actors.csv (a number \
             of at least 0 per actor, e.g. the towers of a Net-Map workshop)"
                .to_owned(),
        ));
    }
    let spec = config::view_spec(network, &args.view)?;
    let view = workspace.view(&spec)?;
    let scores = centrality(&view, &CentralityConfig::default()).map_err(Failure::analysis)?;
    let structural: Vec<Option<f64>> = scores
        .iter()
        .map(|s| match measure.as_str() {
            "degree" => Some(s.degree as f64),
            "strength" => Some(s.strength),
            "betweenness" => s.betweenness,
            "closeness" => s.closeness,
            "harmonic" => s.harmonic,
            "eigenvector" => s.eigenvector,
            _ => s.pagerank,
        })
        .collect();
    let result =
        perceived_influence(network, &view, &structural, args.gap).map_err(Failure::analysis)?;
    let records = args.list.apply(influence_records(network, &result));
    let text = match format {
        ListFormat::Csv => records.to_csv(),
        ListFormat::Table => {
            format!("{}\n{}", records.to_table(), influence_summary(&result, &measure))
        }
        ListFormat::Xlsx => {
            return workspace.emit_workbook(&args.output, &[("influence", records)]);
        }
        ListFormat::Json => influence_json(
            workspace.describe(&view, args.view.weighted),
            &measure,
            &result,
            &records,
        ),
    };
    workspace.emit(&args.output, &text)
}
