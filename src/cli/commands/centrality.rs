//! `stakenet centrality`: per-actor centrality and the network's structure.

use serde_json::json;

use super::super::args::{CentralityArgs, ListFormat};
use super::super::{Failure, Outcome, Workspace, config};
use crate::analysis::{CentralityConfig, Measures, Sample, centrality, graph_structure};
use crate::render::{centrality_records, json::to_pretty, structure_json, structure_table};
use crate::view::View;

/// Loads, builds the view, computes, renders.
pub(crate) fn run(args: &CentralityArgs) -> Outcome {
    let measures = measures(&args.measures)?;
    config::threads(&args.view)?;
    let workspace = Workspace::open(&args.workspace)?;
    let network = &workspace.network;
    let spec = config::view_spec(network, &args.view)?;
    let view = View::build(network, &spec).map_err(|e| Failure::Input(format!("error: {e}")))?;
    let sample = args
        .sample
        .map(|k| Sample { pivots: usize::try_from(k).unwrap_or(usize::MAX), seed: args.seed });
    let centrality_config = CentralityConfig {
        measures,
        weighted: args.view.weighted,
        sample,
        ..CentralityConfig::default()
    };
    let progress = workspace.progress(&view, "centrality");
    let scores = centrality(&view, &centrality_config)
        .map_err(|e| Failure::Analysis(format!("error: {e}")))?;
    let structure = graph_structure(&view);
    progress.finish_and_clear();
    let records = centrality_records(network, &scores);
    let text = match config::list_format(args.format, args.output.output.is_some()) {
        ListFormat::Csv => records.to_csv(),
        ListFormat::Table => format!("{}\n{}", records.to_table(), structure_table(&structure)),
        ListFormat::Json => to_pretty(&json!({
            "view": workspace.describe(&view, args.view.weighted),
            "actors": records.to_json(),
            "network": structure_json(&structure),
        })),
    };
    workspace.emit(&args.output, &text)
}

fn measures(names: &[String]) -> Result<Measures, Failure> {
    if names.is_empty() {
        return Ok(Measures::ALL);
    }
    let mut measures = Measures::NONE;
    for name in names {
        match name.trim().to_ascii_lowercase().as_str() {
            "betweenness" => measures.betweenness = true,
            "closeness" => measures.closeness = true,
            "harmonic" => measures.harmonic = true,
            "eigenvector" => measures.eigenvector = true,
            "pagerank" => measures.pagerank = true,
            "degree" | "in_degree" | "out_degree" | "strength" => {}
            other => {
                return Err(Failure::Input(format!(
                    "error: --measures: unknown measure `{other}`; expected betweenness, closeness, harmonic, eigenvector or pagerank"
                )));
            }
        }
    }
    Ok(measures)
}
