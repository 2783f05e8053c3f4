//! `stakenet report`: every analysis of the workspace, and of each coalition, as one
//! self-contained HTML page with the CSV, JSON and SVG files behind it, written as a folder
//! atomically.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::Args;

use super::super::options::{AtArgs, ThreadsArgs, WorkspaceArgs};
use super::super::{Failure, Outcome, Workspace, config, say};
use super::suspects::profile;
use stakenet::analysis::{
    Baseline, Moment, Progress, ReportConfig, ReportError, ReportSource, Sample, all_coalitions,
    moment, report_with, shared_actors,
};
use stakenet::io::{FolderFile, FolderMarker, check_folder, write_folder};
use stakenet::model::{CoalitionId, Date, Network, parse_iso_date};
use stakenet::render::report_files;

pub(crate) const HELP: &str = "\
DIR gets index.html, one page that needs nothing but a browser (no script, no web fonts, no
network; it prints with a page per coalition), and data/ with the CSV, JSON and SVG files behind
every section, each linked from the page:

  Overview      the coalitions side by side (stakenet compare), the network's shape (actors,
                ties, density, centralization, components, key actors), parties by sector and
                level, and the national share of each deal's money
  per coalition members by sector and role and its money; key actors (centrality, brokerage
                between Rijk and region); asymmetry and interdependence when relations.csv has
                the layers for them (else a sentence on what data would make them possible);
                usual and unusual suspects; the connectieplan drawn as SVG
  change        with --baseline, what changed since the baseline; for a deal whose follows
                column (coalitions.csv) names an earlier deal, always a comparison with that
                deal: a few sentences in plain words (parties gained and lost by sector, new
                sectors at the table, government share, ties between the Rijk and the region,
                topics, money), then the tables and the stakenet diff command behind them

--baseline DATE compares each coalition with itself on DATE in this workspace; --baseline
WORKSPACE with the coalition of the same id in a baseline workspace (a nulmeting), actors
matched by id (a coalition it lacks is said in its part). A value that reads as a date
(YYYY-MM-DD) is a date, anything else must be an existing folder or file; a folder named like a
date is refused (write it as ./2019-07-01).

The report describes one date, stated on the page: --at DATE, or by default today (the latest
date in the data when that is earlier); a deal that ended before it is described on its last
day. Relations and memberships that do not hold on that date do not count. Each coalition is
analysed over its members and their units (a directorate of a signing ministry counts for it)
and over the relations only: shared membership would tie every member to every other.

Every measure comes with a plain-language explanation. The folder is built beside DIR and
renamed into place. DIR gets a hidden manifest, .stakenet-report, listing the files the report
wrote: an earlier report in DIR is replaced only when that manifest lists everything in DIR (a
file you added, or the --profile file, makes it refuse, naming the file); any other existing DIR
is refused, and DIR is never inside the workspace folder.
Byte-identical for the same input at any thread count.

Examples:
  stakenet report -o report                  # then open report/index.html
  stakenet report --coalition rd_twente --coalition rd_achterhoek -o twente-achterhoek
  stakenet report my-region/ -o my-region-report
  stakenet report --baseline 2020-01-01 --coalition rd_twente -o twente-since-2020
  stakenet report followup/ --baseline nulmeting/ -o monitoring
  stakenet report big/ --sample 500 -o big-report   (a workspace of 100,000s of parties)";

/// `stakenet report`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct ReportArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    /// Report on this coalition (its id, e.g. rd_twente); repeat for several [default: every
    /// coalition of the workspace]. The overview always covers all of them.
    #[arg(long = "coalition", value_name = "ID")]
    pub(crate) coalitions: Vec<String>,
    /// Read the expected sectors, the theme -> ministry map and the candidate weights from
    /// this TOML profile (see `stakenet suspects --help`) instead of the default.
    #[arg(long, value_name = "FILE")]
    pub(crate) profile: Option<PathBuf>,
    /// Write the report into the folder DIR (built beside it, then renamed into place).
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub(crate) output: PathBuf,
    #[command(flatten)]
    pub(crate) at: AtArgs,
    /// For large workspaces: estimate betweenness, closeness and harmonic centrality from K
    /// sampled actors instead of a search from every actor, in the whole network and in any
    /// coalition with more than K actors (as `stakenet centrality --sample K`). The page says
    /// which figures are estimates.
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) sample: Option<u64>,
    /// Seed for --sample: the same seed picks the same actors.
    #[arg(long, default_value_t = 1, requires = "sample")]
    pub(crate) seed: u64,
    /// Add to each coalition a "Since the baseline" part: what changed since DATE
    /// (YYYY-MM-DD, this workspace on that date), or since the same coalition in the baseline
    /// workspace WORKSPACE (a folder or file, actors matched by id).
    #[arg(long, value_name = "DATE|WORKSPACE")]
    pub(crate) baseline: Option<String>,
    #[command(flatten)]
    pub(crate) threads: ThreadsArgs,
}

/// The manifest of a report folder: what marks it as an earlier report, and lists the files
/// the report wrote (the only ones the next report may replace).
const MARKER: FolderMarker<'static> = FolderMarker {
    file: ".stakenet-report",
    text: "stakenet report: the files below were written by `stakenet report`; the next report \
           into this folder replaces them, and refuses the folder if it holds anything else",
    what: "an earlier stakenet report",
};

/// Checks the options and the output folder, analyzes the whole network and every coalition,
/// renders the page and its files, and swaps the folder into place.
pub(crate) fn run(args: &ReportArgs) -> Outcome {
    config::threads(&args.threads)?;
    let profile = profile(args.profile.as_deref())?;
    let workspace = Workspace::open(&args.workspace)?;
    let network = &workspace.network;
    let folder_error = Failure::input;
    // Refuse a bad destination before any work.
    check_folder(&args.output, &workspace.inputs, &MARKER).map_err(folder_error)?;
    if let Some(profile) = &args.profile {
        refuse_inside(profile, &args.output)?;
    }
    let coalitions = chosen_coalitions(network, &args.coalitions)?;
    let asked = config::at(&args.at)?;
    let moment = moment(network, asked, config::today());
    let baseline = match args.baseline.as_deref() {
        Some(text) => Some(baseline_of(text, args, network, moment)?),
        None => None,
    };
    if let Some(BaselineArg::Workspace(other)) = &baseline {
        // Neither input may be inside the report folder, which the report replaces.
        check_folder(&args.output, &other.inputs, &MARKER).map_err(folder_error)?;
    }
    let config = match &baseline {
        None => ReportConfig::default(),
        Some(BaselineArg::Date(date)) => {
            ReportConfig::default().with_baseline(Baseline::Date(*date))
        }
        Some(BaselineArg::Workspace(other)) => {
            ReportConfig::default().with_baseline(Baseline::workspace(
                &other.network,
                stakenet::analysis::moment(&other.network, asked, config::today()),
            ))
        }
    };

    let progress = ReportBar::new(coalitions.len());
    let source = ReportSource {
        workspace: workspace.name.clone(),
        workspace_argument: args.workspace.workspace.as_ref().map(|p| p.display().to_string()),
        profile_argument: args.profile.as_ref().map(|p| p.display().to_string()),
        sample: args
            .sample
            .map(|k| Sample::new(usize::try_from(k).unwrap_or(usize::MAX), args.seed)),
        baseline_argument: args.baseline.clone(),
    };
    let report = report_with(network, &profile, &coalitions, source, moment, &config, &progress)
        .map_err(|e| failure(&e))?;
    progress.0.set_message("writing");
    let files: Vec<FolderFile> = report_files(network, &report)
        .into_iter()
        .map(|f| FolderFile { path: f.path, bytes: f.contents.into_bytes() })
        .collect();
    let written =
        write_folder(&args.output, &files, &workspace.inputs, &MARKER).map_err(folder_error)?;
    progress.0.finish_and_clear();
    if let Some(leftover) = written.leftover {
        say(&format!(
            "note: the new report is in place, but the earlier one could not be removed from {}\n",
            leftover.display()
        ));
    }
    Ok(())
}

/// What `--baseline` names.
enum BaselineArg {
    /// A date of this workspace.
    Date(Date),
    /// A baseline workspace, loaded.
    Workspace(Box<Workspace>),
}

/// `--baseline TEXT`: a date when it reads as one (it must be before the date the report
/// describes), else an existing folder or file, loaded as the baseline workspace (it must share
/// actor ids with this one); a date that also names an existing path is refused, naming both
/// readings.
fn baseline_of(
    text: &str,
    args: &ReportArgs,
    network: &Network,
    moment: Moment,
) -> Result<BaselineArg, Failure> {
    let path = Path::new(text);
    let exists = !text.is_empty() && path.symlink_metadata().is_ok();
    if let Some(date) = parse_iso_date(text) {
        if exists {
            return Err(Failure::Input(format!(
                "--baseline {text}: reads as the date {date} and names the existing {} {text};                  write a path as ./{text} to compare with that workspace, or move it to compare                  with the date",
                if path.is_dir() { "folder" } else { "file" }
            )));
        }
        let Some(described) = moment.date else {
            return Err(Failure::Input(format!(
                "--baseline {text}: the workspace carries no dates, so every relation and                  membership counts on any date; give a baseline workspace (a folder or file)                  instead"
            )));
        };
        if date >= described {
            return Err(Failure::Input(format!(
                "--baseline {text}: not before the date the report describes ({described});                  give an earlier date{}",
                if moment.basis == stakenet::analysis::MomentBasis::Asked {
                    " or a later --at"
                } else {
                    ""
                }
            )));
        }
        return Ok(BaselineArg::Date(date));
    }
    if !exists {
        return Err(Failure::Input(format!(
            "--baseline {text}: neither a date nor an existing file or folder; give a date              (YYYY-MM-DD, e.g. 2019-07-01) or a baseline workspace (a folder with actors.csv,              or a file such as network.json)"
        )));
    }
    let other = Workspace::open(&WorkspaceArgs {
        workspace: Some(path.to_path_buf()),
        numbers: args.workspace.numbers,
    })?;
    if shared_actors(&other.network, network) == 0 {
        return Err(Failure::Input(format!(
            "--baseline {text}: the baseline shares no actor id with this workspace; actors are              matched by id, so there is nothing to compare (give the baseline this workspace's              ids)"
        )));
    }
    Ok(BaselineArg::Workspace(Box::new(other)))
}

/// Refuses an input (the `--profile` file) kept inside the report folder, which the report
/// replaces.
fn refuse_inside(input: &Path, folder: &Path) -> Outcome {
    let (Ok(input_path), Ok(folder_path)) = (input.canonicalize(), folder.canonicalize()) else {
        return Ok(());
    };
    if input_path.starts_with(&folder_path) {
        return Err(Failure::Input(format!(
            "refusing to replace {}: it holds {}, an input of this run (--profile); move it out \
             of the report folder, or choose another folder",
            folder.display(),
            input.display()
        )));
    }
    Ok(())
}

/// A failed analysis exits with 1; a view that cannot be built is the input's fault (exit 2).
fn failure(error: &ReportError) -> Failure {
    match error {
        ReportError::Analysis(analysis) => Failure::from_analysis(analysis),
        _ => Failure::input(error),
    }
}

/// The coalitions asked for (in the order given, each once), or all of them by id.
fn chosen_coalitions(network: &Network, keys: &[String]) -> Result<Vec<CoalitionId>, Failure> {
    if keys.is_empty() {
        return Ok(all_coalitions(network));
    }
    let mut chosen = Vec::with_capacity(keys.len());
    for key in keys {
        let id = config::coalition(network, key)?;
        if !chosen.contains(&id) {
            chosen.push(id);
        }
    }
    Ok(chosen)
}

/// One step per coalition on standard error, after the overview; hidden when it is not a
/// terminal.
struct ReportBar(indicatif::ProgressBar);

impl ReportBar {
    /// The bar for `n` coalitions, at the overview.
    fn new(n: usize) -> ReportBar {
        if !std::io::stderr().is_terminal() {
            return ReportBar(indicatif::ProgressBar::hidden());
        }
        let bar = indicatif::ProgressBar::new(n as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} report: {msg} [{bar:32}] {pos}/{len} coalitions ({elapsed})",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        bar.set_message("overview");
        ReportBar(bar)
    }
}

/// The report plans its coalitions once the overview is done.
impl Progress for ReportBar {
    fn planned(&self, _: u64) {
        self.0.set_message("coalitions");
    }
    fn done(&self, coalitions: u64) {
        self.0.inc(coalitions);
    }
}
