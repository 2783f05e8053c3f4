//! `stakenet brokerage`: Gould–Fernandez brokerage roles and Burt's structural holes.

use serde_json::json;

use super::super::args::{BrokerageArgs, ListFormat};
use super::super::{Failure, Outcome, Workspace, config};
use crate::analysis::{BrokerageConfig, GroupBy, brokerage, group_nodes};
use crate::render::{brokerage_records, json::to_pretty};
use crate::view::View;

/// Loads, builds the view and the grouping, computes, renders.
pub(crate) fn run(args: &BrokerageArgs) -> Outcome {
    config::threads(&args.view)?;
    let workspace = Workspace::open(&args.workspace)?;
    let network = &workspace.network;
    let spec = config::view_spec(network, &args.view)?;
    let view = View::build(network, &spec).map_err(|e| Failure::Input(format!("error: {e}")))?;
    let group_by = GroupBy::parse(&args.group_by);
    let grouping = group_nodes(network, &view, &group_by)
        .map_err(|e| Failure::Input(format!("error: --group-by {}: {e}", args.group_by)))?;
    let progress = workspace.progress(&view, "brokerage");
    let result = brokerage(
        &view,
        &grouping.of_node,
        &BrokerageConfig { weighted: args.view.weighted, expected: args.expected },
    )
    .map_err(|e| Failure::Analysis(format!("error: {e}")))?;
    progress.finish_and_clear();
    let records = brokerage_records(network, &result, &grouping, args.expected);
    let text = match config::list_format(args.format, args.output.output.is_some()) {
        ListFormat::Csv => records.to_csv(),
        ListFormat::Table => records.to_table(),
        ListFormat::Json => to_pretty(&json!({
            "view": workspace.describe(&view, args.view.weighted),
            "group_by": group_by.name(),
            "groups": grouping.labels,
            "actors": records.to_json(),
        })),
    };
    workspace.emit(&args.output, &text)
}
