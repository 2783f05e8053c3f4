//! `stakenet whatif`: what changes if actors leave or join; `--rank`: who the network cannot
//! lose.

use clap::Args;

use super::super::options::{ListArgs, ListFormat, OutputArgs, ViewArgs, WorkspaceArgs};
use super::super::{Failure, Outcome, Workspace, config};
use stakenet::analysis::{DiffError, coalition_moment, moment, whatif, whatif_rank};
use stakenet::model::ActorId;
use stakenet::names;
use stakenet::render::{
    RANK_MEASURES, json::to_pretty, rank_json, rank_records, whatif_json, whatif_records,
    whatif_summary,
};

pub(crate) const HELP: &str = "\
What if actors leave (--without) or join (--with, e.g. candidates from `stakenet suspects`)?
The view as it is is compared with the network without those actors (their relations and
memberships gone; units below them hung under their parent) and with the others joining the
coalition: the rows of `stakenet diff` (topics that become fragile or gaps, or covered; members
and sectors; density and centralization), plus:
  split       weak components before and after, and their sizes: does the network fall apart?
  brokerage   Rijk-region brokerage: Gould-Fernandez roles with actors grouped by side, every
              role but coordinator, summed: paths a -> b -> c that cross between Rijk and
              region through b, with a and c not tied

--rank scores every actor by the damage of its departure (Borgatti 2006, key players):
  fragmentation           F = 1 - sum_k s_k(s_k - 1) / (n(n - 1)) over the weak components of
                          sizes s_k left without the actor (n the actors left): the share of
                          pairs that can no longer reach each other; for all actors at once
                          from the articulation points (linear time)
  distance_fragmentation  DF = 1 - sum_{i != j} (1/d_ij) / (n(n - 1)): also counts pairs that
                          still connect, but over longer paths (one search per actor and pair
                          source; computed up to 3,000 actors unless --distance
                          asks for it on more; --no-distance leaves it out)
  *_increase              the value without the actor minus the value as it is
  pieces                  the sizes the actor's component splits into
  topics_lost             (a coalition) connectieplan topics whose every Rijk-region tie has
                          the actor at one end
Ties are read undirected and unweighted.

Examples (on the bundled Regio Deal workspace):
  stakenet whatif --coalition rd_twente --without min_ezk
  stakenet whatif --coalition rd5_achterhoek_ii --with min_kgg
  stakenet whatif --coalition rd5_achterhoek_ii --rank
  stakenet whatif --rank --top 20 --format csv -o key-players.csv";

/// `stakenet whatif`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct WhatIfArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    #[command(flatten)]
    pub(crate) view: ViewArgs,
    /// An actor that leaves (its id); repeat, or list several.
    #[arg(long, value_name = "ACTOR", num_args = 1..)]
    pub(crate) without: Vec<String>,
    /// An actor that joins the coalition (its id); repeat, or list several.
    #[arg(long, value_name = "ACTOR", num_args = 1.., requires = "coalition")]
    pub(crate) with: Vec<String>,
    /// Score every actor by the damage of its departure instead.
    #[arg(long, conflicts_with_all = ["without", "with"])]
    pub(crate) rank: bool,
    /// With --rank: leave out the distance-weighted fragmentation (n searches per actor).
    #[arg(long, requires = "rank", conflicts_with = "distance")]
    pub(crate) no_distance: bool,
    /// With --rank: compute the distance-weighted fragmentation on a view of more than 3,000
    /// actors too (left out there by default: n searches per actor, O(n²m)).
    #[arg(long, requires = "rank")]
    pub(crate) distance: bool,
    #[command(flatten)]
    pub(crate) list: ListArgs,
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    pub(crate) format: Option<ListFormat>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Views up to this many actors get the distance-weighted fragmentation by default.
const DISTANCE_AUTO_LIMIT: usize = 3_000;

fn actors(
    network: &stakenet::Network,
    option: &str,
    keys: &[String],
) -> Result<Vec<ActorId>, Failure> {
    let mut ids: Vec<ActorId> = Vec::new();
    for key in keys {
        let id = names::actor(network, key)
            .map_err(|e| Failure::Input(format!("--{option} {key}: {e}")))?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// Reads the workspace, asks what if, renders.
pub(crate) fn run(args: &WhatIfArgs) -> Outcome {
    config::threads(&args.view.threads)?;
    let format = config::list_format("whatif", args.format, &args.output)?;
    let workspace = Workspace::open(&args.workspace)?;
    let network = &workspace.network;
    let mut spec = config::view_spec(network, &args.view)?;
    if spec.at.is_none() {
        let m = moment(network, None, config::today());
        spec = match spec.scope.coalition() {
            Some(c) => spec.clone().with_at(coalition_moment(network, c, m).date),
            None => spec.clone().with_at(m.date),
        };
    }
    let view_name = match &args.view.coalition {
        Some(key) => format!("coalition {key}"),
        None => "the whole network".to_owned(),
    };
    let fail = |error: DiffError| match error {
        DiffError::View(e) => Failure::input(e),
        other => Failure::analysis(other),
    };
    if args.rank {
        let view = workspace.view(&spec)?;
        let bar = workspace.search_bar(&view, "distance-weighted fragmentation");
        let distance = if args.no_distance {
            false
        } else {
            args.distance || view.n_nodes() <= DISTANCE_AUTO_LIMIT
        };
        if !distance && !args.no_distance {
            super::super::say(&format!(
                "note: distance-weighted fragmentation left out on {} actors (more than {DISTANCE_AUTO_LIMIT}: one search per actor and source); --distance computes it\n",
                view.n_nodes()
            ));
        }
        let ranked = whatif_rank(network, &spec, &view, distance, &bar).map_err(fail)?;
        let (f, df, players) =
            (ranked.fragmentation, ranked.distance_fragmentation, ranked.players);
        bar.finish();
        args.list.check(&RANK_MEASURES)?;
        let records = || -> Result<_, Failure> {
            Ok(args.list.order().apply(rank_records(network, &players)))
        };
        let text = match format {
            ListFormat::Csv => records()?.to_csv(),
            ListFormat::Table => {
                let mut text = format!(
                    "Key players of {view_name} ({} actors): fragmentation as it is {}, distance-weighted {}; the higher after an actor leaves, the more the network falls apart.\n\n",
                    view.n_nodes(),
                    f.map_or("-".to_owned(), |x| format!("{x:.3}")),
                    df.map_or("-".to_owned(), |x| format!("{x:.3}")),
                );
                text.push_str(&records()?.to_table());
                text
            }
            ListFormat::Json => to_pretty(&rank_json(f, df, &records()?)),
            ListFormat::Xlsx => {
                let sheets = [("key players", records()?)];
                return workspace.emit_workbook(&args.output, &sheets);
            }
        };
        return workspace.emit(&args.output, &text);
    }
    if args.without.is_empty() && args.with.is_empty() {
        return Err(Failure::Input(
            "whatif needs --without ACTOR, --with ACTOR (with --coalition) or --rank; see stakenet whatif --help".into(),
        ));
    }
    let without = actors(network, "without", &args.without)?;
    let with = actors(network, "with", &args.with)?;
    if let Some(both) = without.iter().find(|a| with.contains(a)) {
        return Err(Failure::Input(format!(
            "--with {0}: {0} is also in --without; an actor either leaves or joins",
            network.actor(*both).key
        )));
    }
    if let Some(c) = spec.scope.coalition() {
        let at = spec.at;
        for &a in &with {
            let member = network
                .parties_of(c)
                .any(|m| m.actor == a && at.is_none_or(|d| m.validity.contains(d)));
            if member {
                return Err(Failure::Input(format!(
                    "--with {}: already a party to {}; name an actor that is not (or --without to take it out)",
                    network.actor(a).key,
                    network.coalition(c).key
                )));
            }
        }
    }
    let result = whatif(network, &spec, &without, &with).map_err(fail)?;
    let text = match format {
        ListFormat::Csv => whatif_records(&result).to_csv(),
        ListFormat::Table => {
            let mut text = whatif_summary(&result, &view_name).join("\n");
            text.push_str("\n\n");
            text.push_str(&whatif_records(&result).to_table());
            text
        }
        ListFormat::Json => to_pretty(&whatif_json(&result, &view_name)),
        ListFormat::Xlsx => {
            let sheets = [("whatif", whatif_records(&result))];
            return workspace.emit_workbook(&args.output, &sheets);
        }
    };
    workspace.emit(&args.output, &text)
}
