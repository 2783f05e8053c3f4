//! The report on one coalition on its date: key actors, asymmetry and interdependence among its
//! members and their units (or why there are none), suspects and the connectieplan.

use super::change::{previous_deal, since_baseline};
use super::config::Baseline;
use super::error::ReportError;
use super::model::{AsymmetryFinding, CoalitionReport, InterdependenceFinding};
use crate::analysis::{
    AnalysisError, BrokerageConfig, CentralityConfig, DependenceMatrix, DependenceSource,
    DiffConfig, GroupBy, InterdependenceConfig, Moment, PlanConfig, Profile, Sample, asymmetry,
    brokerage, centrality, connectieplan, dependence_layer, group_nodes, interdependence,
    layer_views, multiplexity, suspects,
};
use crate::model::{CoalitionId, Date, Network};
use crate::view::{LayerChoice, Scope, View, ViewSpec};

/// Everything about one coalition on `moment`, each on the coalition's members and their units
/// over the explicit layers (as the commands give with `--coalition` and `--at`).
pub(super) fn coalition_report(
    network: &Network,
    profile: &Profile,
    coalition: CoalitionId,
    (moment, report_moment): (Moment, Moment),
    sample: Option<Sample>,
    baseline: Option<&Baseline<'_>>,
) -> Result<CoalitionReport, ReportError> {
    let spec = ViewSpec::coalition(coalition)
        .with_layers(LayerChoice::explicit_layers(network))
        .with_at(moment.date);
    let view = View::build(network, &spec)?;
    let scores = centrality(&view, &CentralityConfig::default().with_sample(sample))?;
    let grouping = group_nodes(network, &view, &GroupBy::Side)?;
    let brokers = brokerage(&view, &grouping, &BrokerageConfig::default())?;

    let layer_names: Vec<String> = network.layers().iter().map(|l| l.name.clone()).collect();
    let views = layer_views(network, &spec)?;
    let asymmetry = if views.is_empty() {
        AsymmetryFinding::NoLayers
    } else if views.iter().all(|v| v.n_arcs() == 0) {
        AsymmetryFinding::NoTies { layers: layer_names.clone() }
    } else {
        let nodes = View::build(network, &spec.clone().with_layers([]))?;
        let sides = group_nodes(network, &nodes, &GroupBy::Side)?;
        AsymmetryFinding::Found(asymmetry(network, &views, &sides, &[coalition])?)
    };
    let interdependence = interdependence_finding(network, &spec, &views, layer_names)?;
    let diff_config = DiffConfig::default().with_sample(sample);
    let since_baseline = baseline
        .map(|b| since_baseline(network, coalition, moment, b, &diff_config))
        .transpose()?;
    let previous_deal = previous_deal(network, coalition, moment, report_moment, &diff_config)?;

    Ok(CoalitionReport {
        coalition,
        moment,
        n_ties: view.n_ties(),
        centrality: scores,
        brokerage: brokers,
        grouping,
        asymmetry,
        interdependence,
        suspects: suspects(network, coalition, profile, moment.date)?,
        plan: connectieplan(network, coalition, &PlanConfig::default().with_moment(moment))?,
        euro_relations: euro_relations(network, coalition, moment.date),
        since_baseline,
        previous_deal,
    })
}

/// The relations with an amount that count in `coalition` on `at`: both ends in its scope (its
/// members and their units), holding on the date, part of no other coalition; in workspace
/// order.
fn euro_relations(network: &Network, coalition: CoalitionId, at: Option<Date>) -> Vec<usize> {
    let in_scope = Scope::Coalition(coalition).actors(network, at);
    network
        .relations()
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            r.amount.is_some()
                && in_scope[r.source.index()]
                && in_scope[r.target.index()]
                && at.is_none_or(|date| r.validity.contains(date))
                && r.counts_in(Some(coalition))
        })
        .map(|(index, _)| index)
        .collect()
}

/// Interdependence from the [`dependence_layer`] (as `stakenet interdependence` chooses without
/// `--layer`), with the default α; why not when it cannot be computed.
fn interdependence_finding(
    network: &Network,
    spec: &ViewSpec,
    layer_views: &[View],
    layer_names: Vec<String>,
) -> Result<InterdependenceFinding, ReportError> {
    let Some(layer) = dependence_layer(network) else {
        return Ok(InterdependenceFinding::NoLayer { layers: layer_names });
    };
    let choice = LayerChoice::Explicit(layer);
    let name = View::layer_name(network, choice).to_owned();
    let view = View::build(network, &spec.clone().with_layers([choice]))?;
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
    let overlap = multiplexity(layer_views)?;
    Ok(InterdependenceFinding::Found {
        layer: name,
        weighting: view.weighting(),
        source,
        result,
        overlap,
    })
}
