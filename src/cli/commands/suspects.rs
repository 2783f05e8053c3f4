//! `stakenet suspects`: coverage gaps, missing ministries, weakly engaged members and ranked
//! candidates of one coalition; `--evaluate` runs the leave-one-out evaluation instead.

use std::path::{Path, PathBuf};

use clap::Args;

use super::super::options::{AtArgs, ListFormat, OutputArgs, ThreadsArgs, WorkspaceArgs};
use super::super::{Failure, Outcome, Workspace, config};
use stakenet::analysis::{
    Profile, coalition_moment, leave_one_out_with_progress, moment, suspects,
};
use stakenet::io::read_profile;
use stakenet::render::{
    candidate_records, coverage_records, evaluation_items, evaluation_json, evaluation_summary,
    evaluation_table, json::to_pretty, missing_ministry_records, suspects_json, suspects_table,
    weakly_engaged_records,
};

pub(crate) const HELP: &str = "\
What it reports (DESIGN 4.5):
  coverage            members per sector (and per kind the profile asks for) against the
                      profile: missing (none), thin (fewer than expected, or only members with
                      role involved) or ok; a hybrid member counts for no sector
  missing ministries  ministries that the coalition's themes call for (a keyword anywhere in a
                      theme, case ignored) but that are not at the table: neither they nor a
                      unit below them is a member
  weakly engaged      members whose only tie is a signature: no explicit relation with another
                      member, neither theirs nor that of a unit below them that is not a
                      member itself (shared coalitions do not count), and no contribution
  candidates          actors outside the coalition and its members' units, best first (ties by
                      id), scored
                      0.4 gap_fill + 0.3 proximity + 0.2 theme_match + 0.1 region_match:
                      gap_fill 1 when the candidate's sector or kind is missing, 0.5 when thin;
                      proximity = personalized PageRank from the members over the whole network
                      (every layer plus comembership), divided by the largest among candidates;
                      theme_match = Jaccard similarity of theme words (4+ letters);
                      region_match = 1 when it shares a parent-chain ancestor below national
                      level with a member

Date: --at DATE, or by default today (the latest date in the data when that is earlier), moved
into the coalition's term (a deal that ended is described on its last day); memberships and
relations that do not hold on it do not count. The table ends with the date described.

Formats: table (every part), json (every part; DESIGN's schema), csv (the candidates).

The default profile expects one member each of government, business, knowledge, civil_society
and citizens, maps themes to the 2018-2022 ministries (OCW, EZK, IenW, SZW, VWS, JenV, BZK,
LNV) and weighs 0.4/0.3/0.2/0.1. A ministry is an actor of kind ministry (or without kind,
directly under the national root); the map names it by abbreviation (the abbreviation column,
or \"(EZK)\" at the end of its name), full name or id, ignoring case. A --profile TOML file replaces
any part; a table that is given replaces that part, [weights] keeps keys it does not give:

  [sectors]                 # expected members per sector (0 = not expected)
  government = 1
  business = 2
  citizens = 1
  [kinds]                   # expected members per kind (the kind column of actors.csv)
  youth_centre = 1
  [ministries]              # ministry (abbreviation, name or id) = keywords
  OCW = [\"onderwijs\", \"cultuur\"]
  [weights]                 # numbers >= 0, used as given
  gap_fill = 0.5
  proximity = 0.5

fixtures/profiles/example.toml is a commented example.

--evaluate hides each member that is not a ministry from its coalition in turn, ranks the
candidates and reports where it comes back: hit rate at 5 and 10, mean reciprocal rank and
median rank, for the score, for a popularity baseline (number of coalitions) and for each part
alone. csv lists every hidden member with its ranks.

Examples:
  stakenet suspects --coalition rd_twente
  stakenet suspects --coalition rd_achterhoek --profile fixtures/profiles/example.toml --top 5
  stakenet suspects --coalition rd_zeeland --format json -o zeeland.json
  stakenet suspects --evaluate";

/// `stakenet suspects`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct SuspectsArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    /// The coalition to examine (its id, e.g. rd_twente).
    #[arg(
        long,
        value_name = "ID",
        required_unless_present = "evaluate",
        conflicts_with = "evaluate"
    )]
    pub(crate) coalition: Option<String>,
    /// Read the expected sectors and kinds, the theme -> ministry map and the score weights
    /// from this TOML file (format below) instead of the default quadruple-helix profile.
    #[arg(long, value_name = "FILE")]
    pub(crate) profile: Option<PathBuf>,
    /// Show the best N candidates.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub(crate) top: usize,
    /// Leave-one-out evaluation of the ranking over every coalition instead of one finding.
    #[arg(long)]
    pub(crate) evaluate: bool,
    #[command(flatten)]
    pub(crate) at: AtArgs,
    #[command(flatten)]
    pub(crate) threads: ThreadsArgs,
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    pub(crate) format: Option<ListFormat>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Checks the options, reads the profile and the workspace, analyzes, renders.
pub(crate) fn run(args: &SuspectsArgs) -> Outcome {
    if args.top == 0 {
        return Err(Failure::Input(
            "--top 0: give the number of candidates to show, at least 1".to_owned(),
        ));
    }
    config::threads(&args.threads)?;
    let profile = profile(args.profile.as_deref())?;
    let format = config::list_format("suspects", args.format, &args.output)?;
    let mut workspace = Workspace::open(&args.workspace)?;
    // The profile is an input too: -o never writes over it.
    workspace.inputs.extend(args.profile.iter().cloned());
    let network = &workspace.network;
    if args.evaluate {
        let progress = workspace.work_bar("suspects --evaluate", "hidden members");
        let evaluation =
            leave_one_out_with_progress(network, &profile, &progress).map_err(Failure::analysis);
        progress.finish();
        let evaluation = evaluation?;
        let text = match format {
            ListFormat::Csv => evaluation_items(network, &evaluation).to_csv(),
            ListFormat::Table => evaluation_table(&evaluation),
            ListFormat::Json => evaluation_json(network, &evaluation),
            ListFormat::Xlsx => {
                let sheets = [
                    ("summary", evaluation_summary(&evaluation)),
                    ("hidden members", evaluation_items(network, &evaluation)),
                ];
                return workspace.emit_workbook(&args.output, &sheets);
            }
        };
        return workspace.emit(&args.output, &text);
    }
    // clap requires --coalition unless --evaluate is given.
    let key = args.coalition.as_deref().unwrap_or_default();
    let coalition = config::coalition(network, key)?;
    let described = moment(network, config::at(&args.at)?, config::today());
    let described = coalition_moment(network, coalition, described);
    let found =
        suspects(network, coalition, &profile, described.date).map_err(Failure::analysis)?;
    let text = match format {
        ListFormat::Csv => candidate_records(network, &found, args.top).to_csv(),
        ListFormat::Table => {
            format!("{}\n{}\n", suspects_table(network, &found, args.top), described.sentence())
        }
        ListFormat::Json => to_pretty(&suspects_json(network, &found, args.top)),
        ListFormat::Xlsx => {
            let sheets = [
                ("coverage", coverage_records(&found)),
                ("missing ministries", missing_ministry_records(network, &found)),
                ("weakly engaged", weakly_engaged_records(network, &found, true)),
                ("candidates", candidate_records(network, &found, args.top)),
            ];
            return workspace.emit_workbook(&args.output, &sheets);
        }
    };
    workspace.emit(&args.output, &text)
}

/// The profile in `path`, or the default one; every problem as `path:line: message`.
pub(crate) fn profile(path: Option<&Path>) -> Result<Profile, Failure> {
    let Some(path) = path else {
        return Ok(Profile::default());
    };
    read_profile(path).map_err(|error| {
        let diagnostics = error.diagnostics();
        Failure::Problems {
            listing: diagnostics.to_string(),
            summary: format!(
                "the profile {} has {} problem(s); nothing was written",
                path.display(),
                diagnostics.len()
            ),
        }
    })
}
