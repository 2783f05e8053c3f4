//! `stakenet qap`: does one relation follow others? MR-QAP regression and QAP correlations
//! between layers (and same-group matrices).

use clap::Args;

use super::super::options::{ListFormat, OutputArgs, ViewArgs, WorkspaceArgs};
use super::super::{Failure, Outcome, Workspace, config};
use stakenet::analysis::{Dyads, QapConfig, group_nodes, qap_correlation, qap_regression};
use stakenet::render::{qap_json, qap_records, qap_summary};
use stakenet::{View, ViewSpec};

pub(crate) const HELP: &str = "\
Does one relation follow another — does funding follow collaboration, mandate follow funding?
Each relation is a matrix over the actors of the view (1 where a tie runs from row to column,
its weight with --weighted); `same:GROUPING` is the matrix of pairs in the same sector, level,
side, kind or column. --y is regressed on every --x by least squares over the pairs of actors
(ordered pairs when a relation has direction), and each coefficient's t is tested by permuting
the actors of the part of its matrix the other predictors do not explain (MR-QAP with double
semi-partialling, Dekker, Krackhardt & Snijders 2007, as R sna's netlm). Below the table, the
correlation of --y with each --x alone with its QAP test (Krackhardt 1987, as sna's qaptest).
A small p_absolute says the association is unlikely to come from the structure of the two
relations alone; it says nothing of which causes which.

Examples:
  stakenet qap --y funding --x cofinancing --x same:side
  stakenet qap my-region/ --y funding --x collaboration --permutations 5000 --seed 3";

/// `stakenet qap`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct QapArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    #[command(flatten)]
    pub(crate) view: ViewArgs,
    /// The relation explained: a layer.
    #[arg(long, value_name = "LAYER")]
    pub(crate) y: String,
    /// A predictor: a layer, or same:GROUPING (sector, level, side, kind or a column); repeat
    /// for several.
    #[arg(long = "x", value_name = "LAYER", required = true)]
    pub(crate) x: Vec<String>,
    /// Permutations for each test.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub(crate) permutations: usize,
    /// Seed of the permutations: the same seed gives the same tests.
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    pub(crate) format: Option<ListFormat>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// A matrix of the view's actors, row-major, and whether it has direction.
fn layer_matrix(
    workspace: &Workspace,
    spec: &ViewSpec,
    (option, name): (&str, &str),
    weighted: bool,
) -> Result<(Vec<f64>, bool, View), Failure> {
    let network = &workspace.network;
    let choice = stakenet::names::layer(network, name).map_err(|e| {
        Failure::Input(format!("{option} {name}: {e}; or, for --x, same:sector, same:level, same:side, same:kind or same:COLUMN"))
    })?;
    let view = workspace.view(&spec.clone().with_layers([choice]))?;
    let n = view.n_nodes();
    let mut matrix = vec![0.0; n * n];
    let out = view.out_arcs();
    for node in 0..n as u32 {
        for (&to, &w) in out.neighbors(node).iter().zip(out.weights(node)) {
            matrix[node as usize * n + to as usize] = if weighted { w } else { 1.0 };
        }
    }
    Ok((matrix, view.is_directed(), view))
}

/// Loads, builds the matrices, computes, renders.
pub(crate) fn run(args: &QapArgs) -> Outcome {
    if args.permutations > 100_000 {
        return Err(Failure::Input(format!(
            "--permutations {} is more than 100000; 1000 to 10000 give p-values to within a percent",
            args.permutations
        )));
    }
    config::threads(&args.view.threads)?;
    let format = config::list_format("qap", args.format, &args.output)?;
    let workspace = Workspace::open(&args.workspace)?;
    let network = &workspace.network;
    let spec = config::view_spec(network, &args.view)?;
    let weighted = args.view.weighted;
    let (y, mut directed, view) = layer_matrix(&workspace, &spec, ("--y", &args.y), weighted)?;
    let n = view.n_nodes();
    let mut predictors: Vec<Vec<f64>> = Vec::new();
    for x in &args.x {
        if let Some(grouping) = x.strip_prefix("same:") {
            let group_by = config::group_by(grouping);
            let groups = group_nodes(network, &view, &group_by)
                .map_err(|e| Failure::Input(format!("--x {x}: {e}")))?;
            let none = groups.labels.iter().position(|l| l == stakenet::analysis::NO_GROUP);
            let mut matrix = vec![0.0; n * n];
            for i in 0..n {
                for j in 0..n {
                    let (a, b) = (groups.of_node[i], groups.of_node[j]);
                    if i != j && a == b && Some(a as usize) != none {
                        matrix[i * n + j] = 1.0;
                    }
                }
            }
            predictors.push(matrix);
        } else {
            let (matrix, is_directed, _) = layer_matrix(&workspace, &spec, ("--x", x), weighted)?;
            directed |= is_directed;
            predictors.push(matrix);
        }
    }
    let dyads = Dyads::new(n, directed).map_err(|e| Failure::Input(e.to_string()))?;
    let qap = QapConfig::default().with_permutations(args.permutations).with_seed(args.seed);
    let correlations: Vec<_> =
        predictors.iter().map(|x| qap_correlation(&dyads, &y, x, &qap)).collect();
    let columns: Vec<&[f64]> = predictors.iter().map(Vec::as_slice).collect();
    let regression =
        qap_regression(&dyads, &y, &columns, &qap).map_err(|e| Failure::Input(e.to_string()))?;
    let records = qap_records(&args.x, &correlations, &regression);
    let text = match format {
        ListFormat::Csv => records.to_csv(),
        ListFormat::Table => format!(
            "{}\n{}",
            records.to_table(),
            qap_summary(&args.y, &args.x, &correlations, &regression, args.permutations)
        ),
        ListFormat::Xlsx => return workspace.emit_workbook(&args.output, &[("qap", records)]),
        ListFormat::Json => qap_json(
            workspace.describe(&view, weighted),
            &args.y,
            &args.x,
            &correlations,
            &regression,
            &records,
        ),
    };
    workspace.emit(&args.output, &text)
}
