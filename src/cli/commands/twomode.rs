//! `stakenet twomode`: Borgatti–Everett two-mode degree, closeness and betweenness of actors
//! and coalitions on the actors × coalitions network.

use clap::{Args, ValueEnum};

use super::super::options::{ListArgs, ListFormat, OutputArgs, ViewArgs, WorkspaceArgs};
use super::super::{Failure, Outcome, Workspace, config};
use stakenet::TwoMode;
use stakenet::analysis::two_mode_centrality_with_progress;
use stakenet::render::{
    TWO_MODE_MEASURES, TwoModeDescription, two_mode_json, two_mode_records, two_mode_summary,
};
use stakenet::two_mode::Mode;

pub(crate) const HELP: &str = "\
Who sits in the most coalitions, and which coalitions hold the network of parties together? The
measures run on the actors x coalitions network itself (a party tied to every coalition it is a
party to), not on its projection onto the actors (comembership), where every deal becomes a
complete graph and the largest deals swamp the rest. One row per actor and per coalition (column
mode): degree (an actor's coalitions, a coalition's parties) and three measures normalized as
Borgatti & Everett (1997) normalize two-mode data, each against the largest value a node of its
own mode can have: degree_centrality, the share of the other mode a node is tied to;
closeness, high for a node a few steps from every party and deal (an actor in deals with many
parties, a deal whose parties sit in many other deals; in a network in several parts, scaled
down by the share of it the node reaches, and then above 1 in a small, tight part); betweenness, the shortest paths between other
parties and deals that run through the node, as a share of the most a node of its mode could
carry (an actor linking deals that share no one else, a deal linking parties that meet nowhere
else). The numbers are NetworkX's
bipartite.degree_centrality, closeness_centrality and betweenness_centrality.

--coalition, --members-only, --level, --fold and --at choose and fold the actors as every
command does (a coalition's scope: its members and their units, with all the coalitions they
are parties to); without --at every membership counts, whatever its dates. Members with the
role programme are not parties and are left out. The projections onto the actors are layers of
every command: --layer comembership (ties weighted by the coalitions shared) or --layer
comembership-newman (Newman 2001: each shared coalition of n parties adds 1/(n - 1), so a pair
in a small deal is tied more strongly than a pair in a large one).

Examples:
  stakenet twomode --mode actor --sort degree --top 10
  stakenet twomode --mode coalition --sort betweenness --top 10
  stakenet twomode --at 2020-01-01 --level national --format csv -o twomode.csv
  stakenet centrality --layer comembership-newman --sort strength --top 10";

/// Which rows to list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ModeArg {
    /// The actors only.
    Actor,
    /// The coalitions only.
    Coalition,
}

/// `stakenet twomode`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct TwoModeArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    #[command(flatten)]
    pub(crate) view: ViewArgs,
    /// List only the actors or only the coalitions [default: both, actors first].
    #[arg(long, value_enum)]
    pub(crate) mode: Option<ModeArg>,
    #[command(flatten)]
    pub(crate) list: ListArgs,
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    pub(crate) format: Option<ListFormat>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Loads, builds the two-mode data, computes, renders.
pub(crate) fn run(args: &TwoModeArgs) -> Outcome {
    args.list.check(&TWO_MODE_MEASURES)?;
    refuse_tie_options(&args.view)?;
    config::threads(&args.view.threads)?;
    let format = config::list_format("twomode", args.format, &args.output)?;
    let workspace = Workspace::open(&args.workspace)?;
    let network = &workspace.network;
    let spec = config::view_spec(network, &args.view)?;
    let two_mode = TwoMode::build(network, &spec).map_err(Failure::input)?;
    let bar = workspace.bar(two_mode.n_memberships(), || {
        format!(
            "twomode: {} actors, {} coalitions, {} memberships",
            two_mode.n_actors(),
            two_mode.n_coalitions(),
            two_mode.n_memberships()
        )
    });
    let result = two_mode_centrality_with_progress(&two_mode, &bar);
    bar.finish();
    let only = args.mode.map(|mode| match mode {
        ModeArg::Actor => Mode::Actor,
        ModeArg::Coalition => Mode::Coalition,
    });
    let records = args.list.apply(two_mode_records(network, &two_mode, &result, only));
    let text = match format {
        ListFormat::Csv => records.to_csv(),
        ListFormat::Table => {
            format!("{}\n{}", records.to_table(), two_mode_summary(&two_mode, spec.at))
        }
        ListFormat::Xlsx => {
            return workspace.emit_workbook(&args.output, &[("twomode", records)]);
        }
        ListFormat::Json => two_mode_json(
            TwoModeDescription::new(network, &spec, &two_mode, &workspace.name),
            &records,
        ),
    };
    workspace.emit(&args.output, &text)
}

/// Refuses the view options that choose and weigh ties: the two-mode data are the memberships,
/// so they would change nothing, and a user who gives one expects them to.
fn refuse_tie_options(view: &ViewArgs) -> Outcome {
    let given = [
        (!view.layers.is_empty(), "--layer"),
        (view.weight.is_some(), "--weight"),
        (view.weighted, "--weighted"),
    ];
    match given.iter().find(|(given, _)| *given) {
        Some((_, option)) => Err(Failure::Input(format!(
            "{option}: twomode measures the memberships of actors in coalitions, not the ties of \
             layers; leave it out (for the projections onto the actors, use --layer comembership \
             or --layer comembership-newman with another command, e.g. centrality)"
        ))),
        None => Ok(()),
    }
}
