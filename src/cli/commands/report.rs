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
    Progress, ReportError, ReportSource, Sample, all_coalitions, moment, report,
};
use stakenet::io::{FolderFile, FolderMarker, check_folder, write_folder};
use stakenet::model::{CoalitionId, Network};
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

    let progress = ReportBar::new(coalitions.len());
    let source = ReportSource {
        workspace: workspace.name.clone(),
        workspace_argument: args.workspace.workspace.as_ref().map(|p| p.display().to_string()),
        profile_argument: args.profile.as_ref().map(|p| p.display().to_string()),
        sample: args
            .sample
            .map(|k| Sample::new(usize::try_from(k).unwrap_or(usize::MAX), args.seed)),
    };
    let report = report(network, &profile, &coalitions, source, moment, &progress)
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
