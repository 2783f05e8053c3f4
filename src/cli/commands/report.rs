//! `stakenet report`: every analysis of the workspace, and of each coalition, as one
//! self-contained HTML page with the CSV, JSON and SVG files behind it, written as a folder
//! atomically.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::Args;
use rayon::prelude::*;

use super::super::options::{ThreadsArgs, WorkspaceArgs};
use super::super::{Failure, Outcome, Workspace, config};
use super::suspects::profile;
use stakenet::analysis::{
    AnalysisError, BrokerageConfig, CentralityConfig, DEPENDENCY_LAYER, DependenceMatrix,
    DependenceSource, GroupBy, Grouping, InterdependenceConfig, Profile, asymmetry, brokerage,
    centrality, compare, connectieplan, graph_structure_with, group_nodes, interdependence,
    layer_views, multiplexity, suspects,
};
use stakenet::io::{FolderFile, FolderMarker, check_folder, write_folder};
use stakenet::model::{CoalitionId, LayerId, Network};
use stakenet::render::{
    AsymmetryFinding, CoalitionReport, InterdependenceFinding, Overview, REPORT_MARKER, Report,
    report_files,
};
use stakenet::view::{LayerChoice, Scope, View, ViewError, ViewSpec};

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

Every measure comes with a plain-language explanation. The folder is built beside DIR and
renamed into place: an earlier report in DIR is replaced (only when its index.html was made by
stakenet), any other existing DIR is refused, and DIR is never inside the workspace folder.
Byte-identical for the same input at any thread count.

Examples:
  stakenet report -o report                  # then open report/index.html
  stakenet report --coalition rd_twente --coalition rd_achterhoek -o twente-achterhoek
  stakenet report my-region/ -o my-region-report";

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
    pub(crate) threads: ThreadsArgs,
}

/// What marks a folder as an earlier report that may be replaced.
const MARKER: FolderMarker<'static> =
    FolderMarker { file: "index.html", text: REPORT_MARKER, what: "an earlier stakenet report" };

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
    let coalitions = chosen_coalitions(network, &args.coalitions)?;

    let progress = progress_bar(coalitions.len());
    progress.set_message("overview");
    let overview = overview(network, &profile)?;
    progress.set_message("coalitions");
    let reports: Result<Vec<CoalitionReport>, Failure> = coalitions
        .par_iter()
        .map(|&coalition| {
            let report = coalition_report(network, &profile, coalition);
            progress.inc(1);
            report
        })
        .collect();
    let reports = reports?;
    progress.set_message("writing");
    let report = Report {
        workspace: workspace.name.clone(),
        workspace_argument: args.workspace.workspace.as_ref().map(|p| p.display().to_string()),
        profile_argument: args.profile.as_ref().map(|p| p.display().to_string()),
        overview,
        coalitions: reports,
    };
    let files: Vec<FolderFile> = report_files(network, &report)
        .into_iter()
        .map(|f| FolderFile { path: f.path, bytes: f.contents.into_bytes() })
        .collect();
    let written =
        write_folder(&args.output, &files, &workspace.inputs, &MARKER).map_err(folder_error)?;
    progress.finish_and_clear();
    if let Some(leftover) = written.leftover {
        eprintln!(
            "note: the new report is in place, but the earlier one could not be removed from {}",
            leftover.display()
        );
    }
    Ok(())
}

/// The coalitions asked for (in the order given, each once), or all of them by id.
fn chosen_coalitions(network: &Network, keys: &[String]) -> Result<Vec<CoalitionId>, Failure> {
    if keys.is_empty() {
        let mut all: Vec<CoalitionId> =
            (0..network.coalitions().len()).map(CoalitionId::from_index).collect();
        all.sort_by(|a, b| network.coalition(*a).key.cmp(&network.coalition(*b).key));
        return Ok(all);
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

/// One step per coalition on standard error; hidden when it is not a terminal.
fn progress_bar(n: usize) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(n as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} report: {msg} [{bar:32}] {pos}/{len} coalitions ({elapsed})",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

fn analysis_error(error: &AnalysisError) -> Failure {
    Failure::Analysis(format!("{error}"))
}

fn view_error(error: &ViewError) -> Failure {
    Failure::Input(format!("{error}"))
}

/// The whole network: compare, structure, key actors, coalition finance.
fn overview(network: &Network, profile: &Profile) -> Result<Overview, Failure> {
    let compare = compare(network, profile).map_err(|e| analysis_error(&e))?;
    let view = View::build(network, &ViewSpec::default()).map_err(|e| view_error(&e))?;
    let config = CentralityConfig::default();
    let scores = centrality(&view, &config).map_err(|e| analysis_error(&e))?;
    let structure = graph_structure_with(&view, &scores, &config, &());
    let grouping = group_nodes(network, &view, &GroupBy::Side).map_err(|e| analysis_error(&e))?;
    let brokers =
        brokerage(&view, &grouping, &BrokerageConfig { weighted: false, expected: false })
            .map_err(|e| analysis_error(&e))?;
    let all: Vec<CoalitionId> =
        (0..network.coalitions().len()).map(CoalitionId::from_index).collect();
    let finance =
        asymmetry(network, &[], &Grouping::default(), &all).map_err(|e| analysis_error(&e))?;
    Ok(Overview {
        compare,
        layers: view.layers().to_vec(),
        directed: view.is_directed(),
        centrality: scores,
        structure,
        brokerage: brokers,
        grouping,
        finance,
    })
}

/// Everything about one coalition, each on the coalition's members (as the commands give with
/// `--coalition`).
fn coalition_report(
    network: &Network,
    profile: &Profile,
    coalition: CoalitionId,
) -> Result<CoalitionReport, Failure> {
    let spec = ViewSpec { scope: Scope::Coalition(coalition), ..ViewSpec::default() };
    let view = View::build(network, &spec).map_err(|e| view_error(&e))?;
    let scores = centrality(&view, &CentralityConfig::default()).map_err(|e| analysis_error(&e))?;
    let grouping = group_nodes(network, &view, &GroupBy::Side).map_err(|e| analysis_error(&e))?;
    let brokers =
        brokerage(&view, &grouping, &BrokerageConfig { weighted: false, expected: false })
            .map_err(|e| analysis_error(&e))?;

    let explicit: Vec<LayerChoice> = (0..network.layers().len())
        .map(|i| LayerChoice::Explicit(LayerId::from_index(i)))
        .collect();
    let layer_names: Vec<String> = network.layers().iter().map(|l| l.name.clone()).collect();
    let views = layer_views(network, &ViewSpec { layers: Some(explicit), ..spec })
        .map_err(|e| view_error(&e))?;
    let asymmetry = if views.is_empty() {
        AsymmetryFinding::NoLayers
    } else if views.iter().all(|v| v.n_arcs() == 0) {
        AsymmetryFinding::NoTies { layers: layer_names.clone() }
    } else {
        let nodes = View::build(network, &ViewSpec { layers: Some(Vec::new()), ..spec })
            .map_err(|e| view_error(&e))?;
        let sides = group_nodes(network, &nodes, &GroupBy::Side).map_err(|e| analysis_error(&e))?;
        AsymmetryFinding::Found(
            asymmetry(network, &views, &sides, &[coalition]).map_err(|e| analysis_error(&e))?,
        )
    };
    let interdependence = interdependence_finding(network, &spec, &views, layer_names)?;

    Ok(CoalitionReport {
        coalition,
        centrality: scores,
        brokerage: brokers,
        grouping,
        asymmetry,
        interdependence,
        suspects: suspects(network, coalition, profile).map_err(|e| analysis_error(&e))?,
        plan: connectieplan(network, coalition),
    })
}

/// Interdependence from the `dependency` layer, else `funding` (as `stakenet interdependence`
/// chooses without --layer), with the default α; why not when it cannot be computed.
fn interdependence_finding(
    network: &Network,
    spec: &ViewSpec,
    layer_views: &[View],
    layer_names: Vec<String>,
) -> Result<InterdependenceFinding, Failure> {
    let Some(layer) = [DEPENDENCY_LAYER, "funding"].iter().find_map(|name| network.layer_id(name))
    else {
        return Ok(InterdependenceFinding::NoLayer { layers: layer_names });
    };
    let choice = LayerChoice::Explicit(layer);
    let name = View::layer_name(network, choice).to_owned();
    let view = View::build(network, &ViewSpec { layers: Some(vec![choice]), ..spec.clone() })
        .map_err(|e| view_error(&e))?;
    if view.n_arcs() == 0 {
        return Ok(InterdependenceFinding::NoTies { layer: name });
    }
    let source = DependenceSource::for_layer(&name);
    let refused = |error: AnalysisError| InterdependenceFinding::Refused {
        layer: name.clone(),
        reason: error.to_string(),
    };
    let matrix = match DependenceMatrix::from_view(&view, source) {
        Ok(matrix) => matrix,
        Err(error) => return Ok(refused(error)),
    };
    let result = match interdependence(&matrix, &InterdependenceConfig::default()) {
        Ok(result) => result,
        Err(error) => return Ok(refused(error)),
    };
    let overlap = multiplexity(layer_views).map_err(|e| analysis_error(&e))?;
    Ok(InterdependenceFinding::Found { layer: name, source, result, overlap })
}
