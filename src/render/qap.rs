//! `qap` output: the MR-QAP coefficients with their permutation tests, and the correlation of
//! the dependent relation with each predictor.

use serde::Serialize;
use serde_json::Value;

use super::description::ViewDescription;
use super::json::to_pretty;
use super::records::{Cell, Records};
use crate::analysis::{PermutationTest, QapCorrelation, QapRegression};

/// One row per term (the intercept, then each predictor): `term,correlation,estimate,t,
/// p_absolute,p_at_least,p_at_most` (the correlation of y with the predictor alone; the tests of
/// t by double semi-partialling).
pub fn qap_records<'a>(
    terms: &'a [String],
    correlations: &'a [QapCorrelation],
    regression: &'a QapRegression,
) -> Records<'a> {
    let mut records = Records::new(&[
        "term",
        "correlation",
        "estimate",
        "t",
        "p_absolute",
        "p_at_least",
        "p_at_most",
    ]);
    for (i, coefficient) in regression.coefficients.iter().enumerate() {
        let term = if i == 0 { "(intercept)" } else { terms[i - 1].as_str() };
        let correlation = if i == 0 { None } else { correlations[i - 1].correlation };
        let test = coefficient.test.as_ref();
        records.push(vec![
            Cell::text(term),
            Cell::Number(correlation),
            Cell::Number(Some(coefficient.estimate)),
            Cell::Number(Some(coefficient.t)),
            Cell::Number(test.map(|t| t.p_absolute)),
            Cell::Number(test.map(|t| t.p_at_least)),
            Cell::Number(test.map(|t| t.p_at_most)),
        ]);
    }
    records
}

/// The lines under the table, in words.
pub fn qap_summary(
    y: &str,
    terms: &[String],
    correlations: &[QapCorrelation],
    regression: &QapRegression,
    permutations: usize,
) -> String {
    let mut text = format!(
        "{y} regressed on {} over {} dyads: R² {:.3}. p_absolute: the share of {permutations} \
         permutations (double semi-partialling) whose t is at least as far from 0.\n",
        terms.join(", "),
        regression.n_dyads,
        regression.r_squared
    );
    for (term, correlation) in terms.iter().zip(correlations) {
        match (&correlation.correlation, &correlation.test) {
            (Some(r), Some(test)) => text.push_str(&format!(
                "Correlation of {y} with {term}: {r:.3} (QAP: permuted mean {:.3}; share at least \
                 the observed {:.3}, at most {:.3}).\n",
                test.expected, test.p_at_least, test.p_at_most
            )),
            (Some(r), None) => text.push_str(&format!("Correlation of {y} with {term}: {r:.3}.\n")),
            _ => text.push_str(&format!(
                "Correlation of {y} with {term}: undefined (a matrix without variation).\n"
            )),
        }
    }
    text
}

#[derive(Serialize)]
struct TestJson {
    permutations: usize,
    expected: f64,
    p_absolute: f64,
    p_at_least: f64,
    p_at_most: f64,
}

fn test_json(test: &PermutationTest) -> TestJson {
    TestJson {
        permutations: test.permutations,
        expected: test.expected,
        p_absolute: test.p_absolute,
        p_at_least: test.p_at_least,
        p_at_most: test.p_at_most,
    }
}

#[derive(Serialize)]
struct CorrelationJson<'a> {
    term: &'a str,
    correlation: Option<f64>,
    test: Option<TestJson>,
}

#[derive(Serialize)]
struct QapJson<'a> {
    view: ViewDescription<'a>,
    y: &'a str,
    dyads: usize,
    r_squared: f64,
    correlations: Vec<CorrelationJson<'a>>,
    coefficients: Value,
}

/// The JSON output of `qap`: `{"view", "y", "dyads", "r_squared", "correlations": [{"term",
/// "correlation", "test"}], "coefficients"}`.
pub fn qap_json(
    view: ViewDescription<'_>,
    y: &str,
    terms: &[String],
    correlations: &[QapCorrelation],
    regression: &QapRegression,
    records: &Records<'_>,
) -> String {
    to_pretty(&QapJson {
        view,
        y,
        dyads: regression.n_dyads,
        r_squared: regression.r_squared,
        correlations: terms
            .iter()
            .zip(correlations)
            .map(|(term, c)| CorrelationJson {
                term,
                correlation: c.correlation,
                test: c.test.as_ref().map(test_json),
            })
            .collect(),
        coefficients: records.to_json(),
    })
}
