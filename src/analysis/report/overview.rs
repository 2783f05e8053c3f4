//! The report's overview: the coalitions side by side, the whole network's shape and key
//! actors, and the finance of every coalition.

use super::error::ReportError;
use super::model::Overview;
use crate::analysis::Moment;
use crate::analysis::{
    BrokerageConfig, CentralityConfig, GroupBy, Grouping, Profile, Sample, asymmetry, brokerage,
    centrality, compare, graph_structure_with, group_nodes,
};
use crate::model::{CoalitionId, Network};
use crate::view::{View, ViewSpec};

/// The whole network: compare, structure, key actors, coalition finance.
pub(super) fn overview(
    network: &Network,
    profile: &Profile,
    moment: Moment,
    sample: Option<Sample>,
) -> Result<Overview, ReportError> {
    let compare = compare(network, profile, moment)?;
    let spec = ViewSpec::default().with_at(moment.date);
    let view = View::build(network, &spec)?;
    let config = CentralityConfig::default().with_sample(sample);
    let scores = centrality(&view, &config)?;
    let structure = graph_structure_with(&view, &scores, &config, &());
    let grouping = group_nodes(network, &view, &GroupBy::Side)?;
    let brokers = brokerage(&view, &grouping, &BrokerageConfig::default())?;
    // Every coalition, in index order.
    let all: Vec<CoalitionId> = network.coalition_ids().collect();
    let finance = asymmetry(network, &[], &Grouping::default(), &all)?;
    Ok(Overview {
        compare,
        layers: view.layers().to_vec(),
        membership_by_default: spec.membership_by_default(network),
        directed: view.is_directed(),
        centrality: scores,
        structure,
        brokerage: brokers,
        grouping,
        finance,
    })
}
