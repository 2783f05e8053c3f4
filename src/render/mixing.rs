//! `mixing` output: per group its actors, arcs within and across, E-I index and its row of the
//! mixing matrix; the overall E-I index with its permutation test and the assortativity.

use serde::Serialize;
use serde_json::Value;

use super::description::ViewDescription;
use super::json::to_pretty;
use super::records::{Cell, Records};
use crate::analysis::{EiTest, Mixing};

/// The measure columns of the list (after `group`), the ones it can be sorted by.
pub const MIXING_MEASURES: [&str; 4] = ["actors", "internal", "external", "ei"];

/// One row per group, in the grouping's order: `group,actors,internal,external,ei`, then one
/// column `to:<group>` per group: the arcs from this group's actors to that group's.
pub fn mixing_records(result: &Mixing) -> Records<'_> {
    let mut columns: Vec<String> = vec!["group".into()];
    columns.extend(MIXING_MEASURES.iter().map(|c| (*c).to_owned()));
    columns.extend(result.labels.iter().map(|label| format!("to:{label}")));
    let refs: Vec<&str> = columns.iter().map(String::as_str).collect();
    let mut records = Records::new(&refs);
    for (g, group) in result.groups.iter().enumerate() {
        let mut row = vec![
            Cell::text(result.labels[g].as_str()),
            Cell::Count(group.actors as u64),
            Cell::Number(Some(group.internal)),
            Cell::Number(Some(group.external)),
            Cell::Number(group.ei),
        ];
        row.extend(result.matrix[g].iter().map(|&value| Cell::Number(Some(value))));
        records.push(row);
    }
    records
}

/// The lines under the table: the overall E-I index, its test and the assortativity, in words.
pub fn mixing_summary(result: &Mixing, group_by: &str) -> String {
    let number = |value: Option<f64>| value.map_or("undefined".to_owned(), |v| format!("{v:.3}"));
    let mut text = format!(
        "E-I index by {group_by}: {} (−1: every tie within a group, +1: every tie across groups)\n",
        number(result.ei)
    );
    if let Some(test) = &result.test {
        text.push_str(&format!(
            "  {} permutations of the {group_by} labels (seed {}): expected {:.3}; share at most the \
             observed {:.3}, at least {:.3}\n",
            test.permutations, test.seed, test.expected, test.p_at_most, test.p_at_least
        ));
    }
    text.push_str(&format!(
        "Assortativity (Newman's r) by {group_by}: {} (0: mixing as by chance, 1: only within groups)\n",
        number(result.assortativity)
    ));
    text
}

/// The JSON output of `mixing`.
#[derive(Serialize)]
struct MixingJson<'a> {
    view: ViewDescription<'a>,
    group_by: &'a str,
    ei: Option<f64>,
    test: Option<TestJson>,
    assortativity: Option<f64>,
    groups: Value,
    matrix: MatrixJson<'a>,
}

#[derive(Serialize)]
struct TestJson {
    permutations: usize,
    seed: u64,
    expected: f64,
    p_at_most: f64,
    p_at_least: f64,
}

#[derive(Serialize)]
struct MatrixJson<'a> {
    labels: &'a [String],
    rows: &'a [Vec<f64>],
}

/// The JSON output of `mixing`: `{"view", "group_by", "ei", "test", "assortativity", "groups",
/// "matrix": {"labels", "rows"}}`, `rows[a][b]` the arcs from group a to group b.
pub fn mixing_json(
    view: ViewDescription<'_>,
    group_by: &str,
    result: &Mixing,
    records: &Records<'_>,
) -> String {
    let test = result.test.as_ref().map(|t: &EiTest| TestJson {
        permutations: t.permutations,
        seed: t.seed,
        expected: t.expected,
        p_at_most: t.p_at_most,
        p_at_least: t.p_at_least,
    });
    to_pretty(&MixingJson {
        view,
        group_by,
        ei: result.ei,
        test,
        assortativity: result.assortativity,
        groups: records.to_json(),
        matrix: MatrixJson { labels: &result.labels, rows: &result.matrix },
    })
}
