//! `stakenet diff`: what changed between two dates, two workspaces or two coalitions.

use std::path::PathBuf;

use clap::Args;

use super::super::options::{ListFormat, OutputArgs, ThreadsArgs, WorkspaceArgs};
use super::super::{Failure, Outcome, Workspace, config};
use stakenet::analysis::{
    DiffConfig, DiffError, DiffSide, Sample, coalition_moment, diff, moment, shared_actors,
};
use stakenet::model::{CoalitionId, Date, Network};
use stakenet::names;
use stakenet::render::{diff_json_text, diff_records, diff_summary};
use stakenet::view::{LayerChoice, Scope, ViewSpec};

pub(crate) const HELP: &str = "\
Three forms:
  diff [WS] --from DATE --to DATE        one workspace on two dates (with --coalition: that
                                         coalition's view on each date)
  diff BASELINE FOLLOWUP                 two workspaces (a baseline, nulmeting, and a follow-up),
                                         actors matched by id; the actors only one has are listed
  diff [WS] --coalition A --vs B         two coalitions, e.g. a region's first and second deal;
                                         --vs previous takes the deal A follows (coalitions.csv
                                         column follows)

What it reports (one row per change, column `section`):
  figure         actors, ties, density, degree and betweenness centralization, reciprocity,
                 weak components, mean degree: before, after, change; for a coalition also
                 rijk_region_ties, the pairs of a Rijk party and a regional party tied in its
                 connectieplan
  money          national contribution, co-financing, national share, co-financing ratio and the
                 euros on the coalition's Rijk-region ties (coalitions only)
  members, member_joined, member_left, sector_gained/lost, kind_gained/lost
                 the coalition's parties (not its programme) and its make-up: did it broaden?
  layer          per layer: ties before and after, gained, lost, kept and their Jaccard
                 stability |kept| / |before or after|; tie_gained and tie_lost list them
  topic          per connectieplan topic: status before and after (gap, fragile, covered;
                 absent when a side has no such topic), change +1 better, -1 worse, and the
                 Rijk-region ties gained or lost on it
  rank_degree, rank_betweenness
                 the actors whose rank moved most (--movers per direction), both ranks
  actor_joined, actor_left   actors in the one view and not the other
  only_before, only_after    (two workspaces) actors only one workspace has

Dates: a coalition is described on --at DATE, or by default today moved into its term (a deal
that ended, on its last day). With --from/--to the two dates are the ones given.

Examples (on the bundled Regio Deal workspace):
  stakenet diff --coalition rd5_achterhoek_ii --vs previous
  stakenet diff --coalition rd4_twente_ii --vs rd_twente --format json
  stakenet diff --coalition rd_twente --from 2019-07-01 --to 2022-12-31
  stakenet diff baseline/ followup/ --format xlsx -o change.xlsx";

/// `stakenet diff`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct DiffArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    /// A second workspace, the follow-up to compare WORKSPACE (the baseline) with.
    #[arg(value_name = "FOLLOWUP")]
    pub(crate) followup: Option<PathBuf>,
    /// The earlier date (YYYY-MM-DD), with --to.
    #[arg(long, value_name = "DATE", requires = "to")]
    pub(crate) from: Option<String>,
    /// The later date (YYYY-MM-DD), with --from.
    #[arg(long, value_name = "DATE", requires = "from")]
    pub(crate) to: Option<String>,
    /// The coalition compared (its id, e.g. rd_twente) [default: the whole network].
    #[arg(long, value_name = "ID")]
    pub(crate) coalition: Option<String>,
    /// Compare --coalition with this coalition (the earlier one, described as before), or
    /// `previous`: the deal --coalition follows.
    #[arg(long, value_name = "ID|previous", requires = "coalition")]
    pub(crate) vs: Option<String>,
    /// Describe both sides on this date (YYYY-MM-DD) [default: today, moved into a
    /// coalition's term].
    #[arg(long, value_name = "DATE", conflicts_with_all = ["from", "to"])]
    pub(crate) at: Option<String>,
    /// Use this layer; repeat for several [default: every layer of relations.csv].
    #[arg(long = "layer", value_name = "NAME")]
    pub(crate) layers: Vec<String>,
    /// Estimate betweenness (rank movers, betweenness centralization) from K sampled actors
    /// per side, as `stakenet centrality --sample` does [default: exact up to 20,000 actors in
    /// a view; beyond, betweenness is left out and the output says so].
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) sample: Option<u64>,
    /// Seed for --sample: the same seed picks the same sources.
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
    /// How many rank movers to list each way, per measure.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub(crate) movers: usize,
    #[command(flatten)]
    pub(crate) threads: ThreadsArgs,
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    pub(crate) format: Option<ListFormat>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Views up to this many actors get exact betweenness; larger ones none unless --sample.
const PATHS_UP_TO: usize = 20_000;

/// The coalition a deal follows ([`Network::previous_deal`]), or why there is none.
fn previous(network: &Network, coalition: CoalitionId) -> Result<CoalitionId, Failure> {
    if let Some(previous) = network.previous_deal(coalition) {
        return Ok(previous);
    }
    let c = network.coalition(coalition);
    let Some(key) = network.follows_key(coalition) else {
        let with: Vec<String> = network
            .coalition_ids()
            .filter(|&other| network.follows_key(other).is_some())
            .map(|other| network.coalition(other).key.clone())
            .collect();
        return Err(Failure::Input(format!(
            "--vs previous: coalition {} follows no earlier deal (its follows column is empty); {}",
            c.key,
            if with.is_empty() {
                "no coalition of this workspace has one; name the other coalition with --vs ID"
                    .to_owned()
            } else {
                format!("coalitions that follow one: {}", with.join(", "))
            }
        )));
    };
    Err(Failure::Input(if key == c.key {
        format!(
            "--vs previous: coalition {} names itself in its follows column; name the deal it follows there, or the other coalition with --vs ID",
            c.key
        )
    } else {
        format!(
            "--vs previous: coalition {} follows `{key}`, which is no coalition of this workspace",
            c.key
        )
    }))
}

fn date(option: &str, text: &str) -> Result<Date, Failure> {
    names::date(text).map_err(|_| {
        Failure::Input(format!(
            "--{option} {text}: not a date; expected YYYY-MM-DD, e.g. 2022-12-31"
        ))
    })
}

fn layers(network: &Network, names_given: &[String]) -> Result<Option<Vec<LayerChoice>>, Failure> {
    if names_given.is_empty() {
        return Ok(None);
    }
    names::layers(network, names_given).map(Some).map_err(|e| config::name_failure(&e))
}

fn spec(scope: Scope, layers: Option<Vec<LayerChoice>>, at: Option<Date>) -> ViewSpec {
    let mut spec = ViewSpec::default().with_scope(scope).with_at(at);
    if let Some(layers) = layers {
        spec = spec.with_layers(layers);
    }
    spec
}

/// The date a side describes: `at`, or today moved into the coalition's term.
fn side_date(network: &Network, coalition: Option<CoalitionId>, at: Option<Date>) -> Option<Date> {
    let m = moment(network, at, config::today());
    match coalition {
        Some(c) => coalition_moment(network, c, m).date,
        None => m.date,
    }
}

/// Reads the workspace(s), compares, renders.
pub(crate) fn run(args: &DiffArgs) -> Outcome {
    config::threads(&args.threads)?;
    let format = config::list_format("diff", args.format, &args.output)?;
    // Two workspaces load side by side.
    let (mut workspace, followup) = match &args.followup {
        Some(path) => {
            let followup_args = super::super::options::WorkspaceArgs {
                workspace: Some(path.clone()),
                numbers: args.workspace.numbers,
            };
            let (baseline, followup) = Workspace::open_pair(&args.workspace, &followup_args)?;
            (baseline, Some(followup))
        }
        None => (Workspace::open(&args.workspace)?, None),
    };
    let at = args.at.as_deref().map(|t| date("at", t)).transpose()?;
    let config_diff = DiffConfig::default().with_movers(args.movers);
    let network = &workspace.network;
    let (before_spec, after_spec, before_label, after_label, after_net): (
        ViewSpec,
        ViewSpec,
        String,
        String,
        &Network,
    ) = if let Some(other) = &followup {
        if args.from.is_some() || args.vs.is_some() {
            return Err(Failure::Input(
                "two workspaces are compared as they are (with --at DATE on both); --from/--to and --vs compare within one workspace".into(),
            ));
        }
        let shared = shared_actors(network, &other.network);
        if shared == 0 {
            return Err(Failure::Input(format!(
                "{} and {} share no actor id: actors are matched by id, so there is nothing to compare; give the follow-up the baseline's ids",
                workspace.name, other.name
            )));
        }
        let scope_of =
            |net: &Network, which: &str| -> Result<(Scope, Option<CoalitionId>), Failure> {
                match &args.coalition {
                    None => Ok((Scope::All, None)),
                    Some(key) => names::coalition(net, key)
                        .map(|c| (Scope::Coalition(c), Some(c)))
                        .map_err(|e| match config::name_failure(&e) {
                            Failure::Input(m) => {
                                Failure::Input(format!("{m} (in the {which} workspace)"))
                            }
                            f => f,
                        }),
                }
            };
        let (sb, cb) = scope_of(network, "baseline")?;
        let (sa, ca) = scope_of(&other.network, "follow-up")?;
        (
            spec(sb, layers(network, &args.layers)?, side_date(network, cb, at)),
            spec(sa, layers(&other.network, &args.layers)?, side_date(&other.network, ca, at)),
            workspace.name.clone(),
            other.name.clone(),
            &other.network,
        )
    } else if let (Some(from), Some(to)) = (&args.from, &args.to) {
        if args.vs.is_some() {
            return Err(Failure::Input(
                "--vs compares two coalitions, --from/--to two dates: give one of them".into(),
            ));
        }
        let (d1, d2) = (date("from", from)?, date("to", to)?);
        if d1 >= d2 {
            return Err(Failure::Input(format!(
                "--from {from} is not before --to {to}; give the earlier date as --from"
            )));
        }
        let (scope, label) = match &args.coalition {
            None => (Scope::All, String::new()),
            Some(key) => (Scope::Coalition(config::coalition(network, key)?), format!("{key} ")),
        };
        let l = layers(network, &args.layers)?;
        (
            spec(scope, l.clone(), Some(d1)),
            spec(scope, l, Some(d2)),
            format!("{label}on {d1}"),
            format!("{label}on {d2}"),
            network,
        )
    } else if let (Some(key), Some(vs)) = (&args.coalition, &args.vs) {
        let a = config::coalition(network, key)?;
        let b = if vs == "previous" {
            previous(network, a)?
        } else {
            names::coalition(network, vs).map_err(|e| match config::name_failure(&e) {
                Failure::Input(m) => Failure::Input(m.replacen("--coalition", "--vs", 1)),
                f => f,
            })?
        };
        if a == b {
            return Err(Failure::Input(format!(
                "--vs {vs}: {key} compared with itself; name another coalition (or `previous`)"
            )));
        }
        let l = layers(network, &args.layers)?;
        let (kb, ka) = (network.coalition(b).key.clone(), key.clone());
        (
            spec(Scope::Coalition(b), l.clone(), side_date(network, Some(b), at)),
            spec(Scope::Coalition(a), l, side_date(network, Some(a), at)),
            kb,
            ka,
            network,
        )
    } else {
        return Err(Failure::Input(
            "diff needs two sides: --from DATE --to DATE, a second workspace (diff BASELINE FOLLOWUP), or --coalition A --vs B|previous; see stakenet diff --help".into(),
        ));
    };
    let size =
        |net: &Network, s: &ViewSpec| s.scope.actors(net, s.at).iter().filter(|&&b| b).count();
    let largest = size(network, &before_spec).max(size(after_net, &after_spec));
    let sample =
        args.sample.map(|k| Sample::new(usize::try_from(k).unwrap_or(usize::MAX), args.seed));
    let paths = sample.is_some() || largest <= PATHS_UP_TO;
    if !paths {
        super::super::say(&format!(
            "note: betweenness left out ({largest} actors in a view, more than {PATHS_UP_TO}): rank movers by degree only, no betweenness centralization; --sample K estimates it from K actors\n"
        ));
    }
    let config_diff = config_diff.with_sample(sample).with_paths(paths);
    let describe = |label: String, s: &ViewSpec| match s.at {
        Some(d) if !label.starts_with("on ") && !label.contains(" on ") => {
            format!("{label} (on {d})")
        }
        _ => label,
    };
    let (before_label, after_label) =
        (describe(before_label, &before_spec), describe(after_label, &after_spec));
    let result = diff(
        DiffSide::new(network, &before_spec),
        DiffSide::new(after_net, &after_spec),
        &config_diff,
    )
    .map_err(|error| match error {
        DiffError::View(e) => Failure::input(e),
        other => Failure::analysis(other),
    })?;
    if let Some(other) = &followup {
        workspace.inputs.extend(other.inputs.iter().cloned());
    }
    let text = match format {
        ListFormat::Csv => diff_records(&result).to_csv(),
        ListFormat::Table => {
            let mut text = diff_summary(&result, &before_label, &after_label).join("\n");
            text.push_str("\n\n");
            text.push_str(&diff_records(&result).to_table());
            text
        }
        ListFormat::Json => diff_json_text(&result, &before_label, &after_label),
        ListFormat::Xlsx => {
            let sheets = [("diff", diff_records(&result))];
            return workspace.emit_workbook(&args.output, &sheets);
        }
    };
    workspace.emit(&args.output, &text)
}
