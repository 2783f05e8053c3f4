//! `interdependence` output: dependence pairs, indirect dependence per actor, mutuality and
//! layer overlap.
//!
//! JSON: `{"weighting", "alpha", "pairs": [{"a", "b", "d_ab", "d_ba",
//! "mutual_dependence", "power_imbalance", "more_powerful"}], "actors": [{"id",
//! "dependence_on_others", "depended_on_by"}], "mutuality", "layer_overlap"}`. A pair appears
//! once, with `a < b` by id, when either dependence is > 0; `more_powerful` is the less
//! dependent side's id or `null` when both depend equally; actor scores are the row and column
//! sums of T = (I − αD)⁻¹ − I. Arrays are sorted by their first keys. CSV is the pair list with
//! the same columns.

use serde::Serialize;
use serde_json::Value;

use super::actors::by_actor_id;
use super::json::{finite, to_value};
use super::records::{Cell, ListOrder, Records};
use crate::analysis::Interdependence;
use crate::model::Network;
use crate::view::Weighting;

/// The pair columns.
pub const PAIR_COLUMNS: [&str; 7] =
    ["a", "b", "d_ab", "d_ba", "mutual_dependence", "power_imbalance", "more_powerful"];

/// The measure columns of the two lists, the ones `--sort` takes: the pairs' four, then the
/// actors' two.
pub const INTERDEPENDENCE_MEASURES: [&str; 6] = [
    "d_ab",
    "d_ba",
    "mutual_dependence",
    "power_imbalance",
    "dependence_on_others",
    "depended_on_by",
];

/// A pair with a dependence, `a < b` by id: `(a, b, d_ab, d_ba, mutual_dependence,
/// power_imbalance, more_powerful)`, `more_powerful` empty when both depend equally.
type PairRow<'a> = (&'a str, &'a str, f64, f64, f64, f64, &'a str);

/// The pairs with a dependence, ordered by a, b (ids, `a < b`), then as `order` says: by one
/// of the four measures, largest first (equal values in id order), and cut to `order.top`. An
/// order by an actor column leaves the pairs whole.
fn pair_rows<'a>(
    network: &'a Network,
    result: &'a Interdependence,
    order: ListOrder<'_>,
) -> Vec<PairRow<'a>> {
    let key = |actor| network.actor(actor).key.as_str();
    let mut rows: Vec<PairRow<'a>> = result
        .pairs
        .iter()
        .map(|p| {
            let powerful = p.more_powerful.map_or("", key);
            let (a, b) = (key(p.a), key(p.b));
            // Views number nodes by id, so a < b already; swap defensively all the same.
            if a <= b {
                (a, b, p.d_ab, p.d_ba, p.mutual_dependence, p.power_imbalance, powerful)
            } else {
                (b, a, p.d_ba, p.d_ab, p.mutual_dependence, p.power_imbalance, powerful)
            }
        })
        .collect();
    rows.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)));
    let value: fn(&PairRow<'_>) -> f64 = match order.sort {
        None => {
            rows.truncate(order.top.unwrap_or(usize::MAX));
            return rows;
        }
        Some("d_ab") => |r| r.2,
        Some("d_ba") => |r| r.3,
        Some("mutual_dependence") => |r| r.4,
        Some("power_imbalance") => |r| r.5,
        Some(_) => return rows,
    };
    // Stable, NaN (never produced) last: equal values keep the id order.
    rows.sort_by(|x, y| {
        let (x, y) = (value(x), value(y));
        x.is_nan().cmp(&y.is_nan()).then(y.total_cmp(&x))
    });
    rows.truncate(order.top.unwrap_or(usize::MAX));
    rows
}

/// One row per pair with a dependence, ordered by a, b (ids, `a < b`).
pub fn dependence_pair_records<'a>(
    network: &'a Network,
    result: &'a Interdependence,
) -> Records<'a> {
    dependence_pair_records_ordered(network, result, ListOrder::default())
}

/// [`dependence_pair_records`] ordered and cut as `order` says.
pub fn dependence_pair_records_ordered<'a>(
    network: &'a Network,
    result: &'a Interdependence,
    order: ListOrder<'_>,
) -> Records<'a> {
    let rows = pair_rows(network, result, order);
    // One row per pair can be millions: the cells are made as they are written.
    Records::from_fn(&PAIR_COLUMNS, rows.len(), move |i, cells| {
        let (a, b, d_ab, d_ba, mutual, imbalance, powerful) = rows[i];
        cells.extend([
            Cell::text(a),
            Cell::text(b),
            Cell::Number(Some(d_ab)),
            Cell::Number(Some(d_ba)),
            Cell::Number(Some(mutual)),
            Cell::Number(Some(imbalance)),
            Cell::text(powerful),
        ]);
    })
}

/// One row per actor of the selection, ordered by id:
/// `id,dependence_on_others,depended_on_by`.
pub fn dependence_actor_records<'a>(
    network: &'a Network,
    result: &'a Interdependence,
) -> Records<'a> {
    let mut records = Records::new(&["id", "dependence_on_others", "depended_on_by"]);
    for i in by_actor_id(network, result.actors.iter().map(|a| a.actor)) {
        let a = &result.actors[i];
        records.push(vec![
            Cell::text(network.actor(a.actor).key.as_str()),
            Cell::Number(Some(a.dependence_on_others)),
            Cell::Number(Some(a.depended_on_by)),
        ]);
    }
    records
}

/// The coalition's figures as a list, `figure,value`: the layer D is read from, its weighting,
/// alpha, the spectral radius of D, mutuality and layer overlap (empty when undefined).
pub fn interdependence_figure_records<'a>(
    result: &Interdependence,
    layer: &str,
    weighting: Weighting,
    layer_overlap: Option<f64>,
) -> Records<'a> {
    let mut records = Records::new(&["figure", "value"]);
    records.push(vec![Cell::text("layer"), Cell::text(layer.to_owned())]);
    records.push(vec![Cell::text("weighting"), Cell::text(weighting.as_str())]);
    for (name, value) in [
        ("alpha", finite(result.alpha)),
        ("spectral_radius", finite(result.spectral_radius)),
        ("mutuality", result.mutuality.and_then(finite)),
        ("layer_overlap", layer_overlap.and_then(finite)),
    ] {
        records.push(vec![Cell::text(name), Cell::Number(value)]);
    }
    records
}

/// The JSON output of `interdependence` (keys in this order).
#[derive(Serialize)]
struct InterdependenceJson<'a> {
    /// What the dependence layer's weights measure (`amount`: euros, `weight`, `count`).
    weighting: &'a str,
    alpha: Option<f64>,
    pairs: Vec<PairJson<'a>>,
    actors: Value,
    mutuality: Option<f64>,
    layer_overlap: Option<f64>,
}

/// One pair with a dependence (the keys of [`PAIR_COLUMNS`]).
#[derive(Serialize)]
struct PairJson<'a> {
    a: &'a str,
    b: &'a str,
    d_ab: Option<f64>,
    d_ba: Option<f64>,
    mutual_dependence: Option<f64>,
    power_imbalance: Option<f64>,
    more_powerful: Option<&'a str>,
}

/// The whole answer as the JSON object of the schema above (`more_powerful` is `null` rather
/// than the empty text of the CSV cell when both sides depend equally).
pub fn interdependence_json(
    network: &Network,
    result: &Interdependence,
    weighting: Weighting,
    layer_overlap: Option<f64>,
) -> Value {
    interdependence_json_ordered(network, result, weighting, layer_overlap, ListOrder::default())
}

/// [`interdependence_json`] with its lists ordered and cut as `order` says (the list that has
/// the `order.sort` column; both by `order.top` without one).
pub fn interdependence_json_ordered(
    network: &Network,
    result: &Interdependence,
    weighting: Weighting,
    layer_overlap: Option<f64>,
    order: ListOrder<'_>,
) -> Value {
    let pairs = pair_rows(network, result, order)
        .into_iter()
        .map(|(a, b, d_ab, d_ba, mutual, imbalance, powerful)| PairJson {
            a,
            b,
            d_ab: finite(d_ab),
            d_ba: finite(d_ba),
            mutual_dependence: finite(mutual),
            power_imbalance: finite(imbalance),
            more_powerful: Some(powerful).filter(|p| !p.is_empty()),
        })
        .collect();
    to_value(&InterdependenceJson {
        weighting: weighting.as_str(),
        alpha: finite(result.alpha),
        pairs,
        actors: order.apply(dependence_actor_records(network, result)).to_json(),
        mutuality: result.mutuality.and_then(finite),
        layer_overlap: layer_overlap.and_then(finite),
    })
}

/// The pairs and actor scores as aligned tables, with a heading that says which layer D came
/// from, what its weights measure and how dependence is read (`source`), and the coalition
/// figures below.
pub fn interdependence_table(
    network: &Network,
    result: &Interdependence,
    layer: &str,
    weighting: Weighting,
    source: &str,
    layer_overlap: Option<f64>,
) -> String {
    interdependence_table_ordered(
        network,
        result,
        layer,
        weighting,
        source,
        layer_overlap,
        ListOrder::default(),
    )
}

/// [`interdependence_table`] with its lists ordered and cut as `order` says.
pub fn interdependence_table_ordered(
    network: &Network,
    result: &Interdependence,
    layer: &str,
    weighting: Weighting,
    source: &str,
    layer_overlap: Option<f64>,
    order: ListOrder<'_>,
) -> String {
    let number = |x: Option<f64>| x.map_or_else(|| "-".to_owned(), |v| format!("{v:.4}"));
    let unit = match weighting {
        Weighting::Euros => "shares of euros (amount)",
        Weighting::Count => "shares of relations (count)",
        _ => "shares of tie weight (weight)",
    };
    let mut out = format!(
        "dependence from layer {layer}, in {unit}: {source}; alpha = {}, spectral radius of D = {}\n\n",
        result.alpha,
        number(Some(result.spectral_radius)),
    );
    out.push_str(
        "pairs: mutual dependence = d_ab + d_ba, power imbalance = |d_ab - d_ba|; the less dependent side holds the power\n",
    );
    let pairs = dependence_pair_records_ordered(network, result, order);
    out.push_str(&if pairs.is_empty() { "(none)\n".to_owned() } else { pairs.to_table() });
    out.push_str(
        "\nactors: indirect dependence T = (I - alpha D)^-1 - I; row sums = dependence on others, column sums = depended on by others\n",
    );
    let actors = order.apply(dependence_actor_records(network, result));
    out.push_str(&if actors.is_empty() { "(none)\n".to_owned() } else { actors.to_table() });
    out.push_str(&format!(
        "\nmutuality (among the actors with a tie in this layer, the share that both depend on another and are depended on): {}\n",
        number(result.mutuality)
    ));
    out.push_str(&format!(
        "layer overlap (share of tied pairs tied in 2 or more layers): {}\n",
        number(layer_overlap)
    ));
    out
}
