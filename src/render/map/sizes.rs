//! The size of each actor on the map: the measure `--size-by` names (centrality from
//! `analysis::centrality`, euros of the actor's relations, or a numeric column), and the radius
//! it gives — the area grows with the value.

use std::collections::BTreeSet;

use crate::analysis::{ActorCentrality, CentralityConfig, Measures, centrality};
use crate::model::Network;
use crate::view::View;

use super::edges::MapEdge;
use super::error::MapError;
use super::options::SizeBy;

/// The smallest radius, in pixels (also of actors without a value).
pub(crate) const MIN_RADIUS: f64 = 4.0;
/// The largest radius, in pixels.
pub(crate) const MAX_RADIUS: f64 = 16.0;

/// Each view node's centrality (degree and strength always; the measure `by` names when it is
/// one), and its size value (`None`: no value, drawn smallest).
pub(crate) fn size_values(
    network: &Network,
    view: &View,
    edges: &[MapEdge],
    by: &SizeBy,
    weighted: bool,
) -> Result<(Vec<ActorCentrality>, Vec<Option<f64>>), MapError> {
    let measures = match by {
        SizeBy::Betweenness => Measures::NONE.with_betweenness(true),
        SizeBy::Closeness => Measures::NONE.with_closeness(true),
        SizeBy::Harmonic => Measures::NONE.with_harmonic(true),
        SizeBy::Eigenvector => Measures::NONE.with_eigenvector(true),
        SizeBy::Pagerank => Measures::NONE.with_pagerank(true),
        _ => Measures::NONE,
    };
    let config = CentralityConfig::default().with_measures(measures).with_weighted(weighted);
    let scores = centrality(view, &config).map_err(|error| MapError::Measure(error.to_string()))?;
    let values: Vec<Option<f64>> = match by {
        SizeBy::Degree => scores.iter().map(|s| Some(s.degree as f64)).collect(),
        SizeBy::Strength => scores.iter().map(|s| Some(s.strength)).collect(),
        SizeBy::Betweenness => scores.iter().map(|s| s.betweenness).collect(),
        SizeBy::Closeness => scores.iter().map(|s| s.closeness).collect(),
        SizeBy::Harmonic => scores.iter().map(|s| s.harmonic).collect(),
        SizeBy::Eigenvector => scores.iter().map(|s| s.eigenvector).collect(),
        SizeBy::Pagerank => scores.iter().map(|s| s.pagerank).collect(),
        SizeBy::Amount => {
            let mut euros: Vec<Option<f64>> = vec![None; view.n_nodes()];
            for edge in edges {
                if let Some(amount) = edge.euros {
                    for end in [edge.source, edge.target] {
                        euros[end] = Some(euros[end].unwrap_or(0.0) + amount);
                    }
                }
            }
            euros
        }
        SizeBy::Attribute(name) => column(network, view, name)?,
    };
    Ok((scores, values))
}

/// A number as a column holds it: `12`, `-3.5`, `1e6`, or with a decimal comma `3,5`.
fn number(text: &str) -> Option<f64> {
    let text = text.trim();
    let parsed = text.parse::<f64>().ok().or_else(|| {
        (text.matches(',').count() == 1 && !text.contains('.'))
            .then(|| text.replace(',', ".").parse::<f64>().ok())
            .flatten()
    });
    parsed.filter(|x| x.is_finite())
}

/// The values of the numeric column `name` per view node; a column that is missing or holds
/// text is refused, listing the measures and the numeric columns.
fn column(network: &Network, view: &View, name: &str) -> Result<Vec<Option<f64>>, MapError> {
    let numeric = |column: &str| {
        let mut any = false;
        for actor in network.actors() {
            if let Some(value) = actor.attributes.get(column).filter(|v| !v.trim().is_empty()) {
                if number(value).is_none() {
                    return false;
                }
                any = true;
            }
        }
        any
    };
    if !numeric(name) {
        let columns: BTreeSet<&str> = network
            .actors()
            .iter()
            .flat_map(|actor| actor.attributes.keys().map(String::as_str))
            .collect();
        let accepted = SizeBy::NAMES
            .iter()
            .map(|&n| n.to_owned())
            .chain(columns.into_iter().filter(|c| numeric(c)).map(|c| format!("the column {c}")))
            .collect();
        return Err(MapError::UnknownSizeBy { name: name.to_owned(), accepted });
    }
    Ok(view
        .actors()
        .iter()
        .map(|&actor| network.actor(actor).attributes.get(name).and_then(|v| number(v)))
        .collect())
}

/// The radius of each value, in pixels: the area from the smallest (at the lowest value, or
/// 0 when no value is negative) to the largest, proportional to the value; no value: the
/// smallest.
pub(crate) fn radii(values: &[Option<f64>]) -> Vec<f64> {
    let present = values.iter().flatten().copied();
    let low = present.clone().fold(0.0_f64, f64::min);
    let high = present.fold(f64::NEG_INFINITY, f64::max);
    values
        .iter()
        .map(|value| match value {
            Some(v) if high > low => {
                let share = ((v - low) / (high - low)).clamp(0.0, 1.0);
                radius_of_share(share)
            }
            _ => MIN_RADIUS,
        })
        .collect()
}

/// The radius of a value at `share` of the range (0 to 1).
pub(crate) fn radius_of_share(share: f64) -> f64 {
    let min_area = MIN_RADIUS * MIN_RADIUS;
    let max_area = MAX_RADIUS * MAX_RADIUS;
    (min_area + (max_area - min_area) * share).sqrt()
}

/// The range of the values: (lowest shown as the smallest size, highest).
pub(crate) fn value_range(values: &[Option<f64>]) -> Option<(f64, f64)> {
    let present = values.iter().flatten().copied();
    let low = present.clone().fold(0.0_f64, f64::min);
    let high = present.fold(f64::NEG_INFINITY, f64::max);
    (high > low).then_some((low, high))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn area_grows_with_the_value_and_missing_values_are_smallest() {
        let r = radii(&[Some(0.0), Some(1.0), Some(4.0), None]);
        assert_eq!(r[0], MIN_RADIUS);
        assert_eq!(r[2], MAX_RADIUS);
        assert_eq!(r[3], MIN_RADIUS);
        assert!(r[1] > MIN_RADIUS && r[1] < MAX_RADIUS);
        assert_eq!(number("3,5"), Some(3.5));
        assert_eq!(number("1.250,5"), None);
        assert_eq!(number("abc"), None);
    }
}
