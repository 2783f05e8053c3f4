//! `asymmetry` output: dyads, actor balances, layer figures, group flows and coalition finance.
//!
//! JSON: `{"dyads": [{"source", "target", "layer", "weighting", "w_st", "w_ts",
//! "asymmetry"}], "actors": [{"id", "layer", "out_strength", "in_strength", "balance"}],
//! "layers": [{"layer", "weighting", "reciprocity", "weighted_reciprocity", "hierarchy"}],
//! "groups": [{"layer", "weighting", "from_group", "to_group", "weight"}], "coalitions": [{"id",
//! "national_contribution", "cofinancing", "national_share", "cofinancing_ratio"}]}`. A dyad
//! appears once, with `source < target` by id; every array is sorted by its first keys (text
//! order); undefined numbers are `null`. CSV is the dyad list with the same columns; the
//! table shows every list under a heading.

use serde::Serialize;
use serde_json::Value;

use super::json::to_value;
use super::records::{Cell, Records};
use crate::analysis::Asymmetry;
use crate::model::Network;
use crate::view::View;

/// One row per dyad and layer, ordered by source, target, layer:
/// `source,target,layer,weighting,w_st,w_ts,asymmetry`, with `source < target` by id;
/// `weighting` says what w measures (`amount`: euros, `weight`: tie strength, `count`).
pub fn asymmetry_dyad_records<'a>(network: &'a Network, result: &'a Asymmetry) -> Records<'a> {
    let mut rows: Vec<(&str, &str, &str, &str, f64, f64, f64)> = Vec::new();
    for layer in &result.layers {
        let name = View::layer_name(network, layer.layer);
        let unit = layer.weighting.as_str();
        for dyad in &layer.dyads {
            let (s, t) =
                (network.actor(dyad.source).key.as_str(), network.actor(dyad.target).key.as_str());
            // Views number nodes by id, so s < t already; swap defensively all the same.
            if s <= t {
                rows.push((s, t, name, unit, dyad.w_st, dyad.w_ts, dyad.asymmetry));
            } else {
                rows.push((t, s, name, unit, dyad.w_ts, dyad.w_st, -dyad.asymmetry));
            }
        }
    }
    rows.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
    // One row per dyad can be millions: the cells are made as they are written.
    let columns = ["source", "target", "layer", "weighting", "w_st", "w_ts", "asymmetry"];
    Records::from_fn(&columns, rows.len(), move |i, cells| {
        let (s, t, layer, unit, w_st, w_ts, asymmetry) = rows[i];
        cells.extend([
            Cell::text(s),
            Cell::text(t),
            Cell::text(layer),
            Cell::text(unit),
            Cell::Number(Some(w_st)),
            Cell::Number(Some(w_ts)),
            Cell::Number(Some(asymmetry)),
        ]);
    })
}

/// One row per actor and layer it has a tie in, ordered by id, layer:
/// `id,layer,out_strength,in_strength,balance`.
pub fn asymmetry_actor_records<'a>(network: &'a Network, result: &'a Asymmetry) -> Records<'a> {
    let mut rows: Vec<(&str, &str, f64, f64, f64)> = Vec::new();
    for layer in &result.layers {
        let name = View::layer_name(network, layer.layer);
        for a in &layer.actors {
            let key = network.actor(a.actor).key.as_str();
            rows.push((key, name, a.out_strength, a.in_strength, a.balance));
        }
    }
    rows.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut records = Records::new(&["id", "layer", "out_strength", "in_strength", "balance"]);
    for (id, layer, out_strength, in_strength, balance) in rows {
        records.push(vec![
            Cell::text(id),
            Cell::text(layer),
            Cell::Number(Some(out_strength)),
            Cell::Number(Some(in_strength)),
            Cell::Number(Some(balance)),
        ]);
    }
    records
}

/// One row per layer, ordered by name:
/// `layer,weighting,reciprocity,weighted_reciprocity,hierarchy`.
pub fn asymmetry_layer_records<'a>(network: &'a Network, result: &'a Asymmetry) -> Records<'a> {
    let mut layers: Vec<_> = result.layers.iter().collect();
    layers
        .sort_by(|a, b| View::layer_name(network, a.layer).cmp(View::layer_name(network, b.layer)));
    let mut records =
        Records::new(&["layer", "weighting", "reciprocity", "weighted_reciprocity", "hierarchy"]);
    for layer in layers {
        records.push(vec![
            Cell::text(View::layer_name(network, layer.layer)),
            Cell::text(layer.weighting.as_str()),
            Cell::Number(layer.reciprocity),
            Cell::Number(layer.weighted_reciprocity),
            Cell::Number(layer.hierarchy),
        ]);
    }
    records
}

/// One row per layer and ordered pair of groups (zeros included), ordered by layer,
/// from-group, to-group: `layer,weighting,from_group,to_group,weight`.
pub fn asymmetry_group_records<'a>(network: &'a Network, result: &'a Asymmetry) -> Records<'a> {
    let label = |g: u32| result.group_labels.get(g as usize).map_or("", String::as_str);
    let mut rows: Vec<(&str, &str, &str, &str, f64)> = Vec::new();
    for layer in &result.layers {
        let name = View::layer_name(network, layer.layer);
        let unit = layer.weighting.as_str();
        for flow in &layer.flows {
            rows.push((name, unit, label(flow.from_group), label(flow.to_group), flow.weight));
        }
    }
    rows.sort_by(|a, b| (a.0, a.2, a.3).cmp(&(b.0, b.2, b.3)));
    let mut records = Records::new(&["layer", "weighting", "from_group", "to_group", "weight"]);
    for (layer, unit, from, to, weight) in rows {
        records.push(vec![
            Cell::text(layer),
            Cell::text(unit),
            Cell::text(from),
            Cell::text(to),
            Cell::Number(Some(weight)),
        ]);
    }
    records
}

/// One row per coalition, ordered by id:
/// `id,national_contribution,cofinancing,national_share,cofinancing_ratio`.
pub fn coalition_finance_records<'a>(network: &'a Network, result: &'a Asymmetry) -> Records<'a> {
    let mut rows: Vec<_> = result.coalitions.iter().collect();
    rows.sort_by(|a, b| {
        network.coalition(a.coalition).key.cmp(&network.coalition(b.coalition).key)
    });
    let mut records = Records::new(&[
        "id",
        "national_contribution",
        "cofinancing",
        "national_share",
        "cofinancing_ratio",
    ]);
    for finance in rows {
        records.push(vec![
            Cell::text(network.coalition(finance.coalition).key.as_str()),
            Cell::Number(finance.national_contribution),
            Cell::Number(finance.cofinancing),
            Cell::Number(finance.national_share),
            Cell::Number(finance.cofinancing_ratio),
        ]);
    }
    records
}

/// The JSON output of `asymmetry` (keys in this order).
#[derive(Serialize)]
struct AsymmetryJson {
    dyads: Value,
    actors: Value,
    layers: Value,
    groups: Value,
    coalitions: Value,
}

/// The whole answer as the JSON object of the schema above.
pub fn asymmetry_json(network: &Network, result: &Asymmetry) -> Value {
    to_value(&AsymmetryJson {
        dyads: asymmetry_dyad_records(network, result).to_json(),
        actors: asymmetry_actor_records(network, result).to_json(),
        layers: asymmetry_layer_records(network, result).to_json(),
        groups: asymmetry_group_records(network, result).to_json(),
        coalitions: coalition_finance_records(network, result).to_json(),
    })
}

/// Every list as an aligned table under a heading saying how to read it; `group_by` names the
/// grouping of the flows.
pub fn asymmetry_table(network: &Network, result: &Asymmetry, group_by: &str) -> String {
    let sections = [
        (
            "dyads: asymmetry = (w_st - w_ts) / (w_st + w_ts); 1 = everything runs source -> target; w in the layer's weighting (amount = euros, weight = tie strength, count = relations)"
                .to_owned(),
            asymmetry_dyad_records(network, result),
        ),
        (
            "actors: balance = (out - in) / (out + in); near 1 the actor mostly gives, near -1 it mostly receives"
                .to_owned(),
            asymmetry_actor_records(network, result),
        ),
        (
            "layers: reciprocity (share of ties returned), weighted reciprocity (share of weight returned), Krackhardt hierarchy"
                .to_owned(),
            asymmetry_layer_records(network, result),
        ),
        (
            format!("groups: summed weight from group to group (grouped by {group_by})"),
            asymmetry_group_records(network, result),
        ),
        (
            "coalitions: national share = national / (national + cofinancing); above 0.5 the Rijk pays most"
                .to_owned(),
            coalition_finance_records(network, result),
        ),
    ];
    let mut out = String::new();
    for (heading, records) in sections {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&heading);
        out.push('\n');
        if records.is_empty() {
            out.push_str("(none)\n");
        } else {
            out.push_str(&records.to_table());
        }
    }
    out
}
