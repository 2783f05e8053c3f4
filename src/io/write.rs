//! Writing a network back as a CSV workspace folder (generated workspaces, round trips).

use std::collections::BTreeSet;
use std::path::Path;

use super::output::{OutputError, write_atomic};
use crate::model::{Date, Network};

/// The four CSV files of `network`, as `(file name, contents)`. Reading them back gives the
/// same network.
pub fn workspace_csv(network: &Network) -> Vec<(&'static str, String)> {
    vec![
        ("actors.csv", actors_csv(network)),
        ("relations.csv", relations_csv(network)),
        ("coalitions.csv", coalitions_csv(network)),
        ("members.csv", members_csv(network)),
    ]
}

/// Writes the workspace into `folder` (created when missing), each file atomically.
///
/// # Errors
/// [`OutputError`] when the folder cannot be created or a file cannot be written.
pub fn write_workspace(network: &Network, folder: &Path) -> Result<(), OutputError> {
    std::fs::create_dir_all(folder)
        .map_err(|source| OutputError::Io { path: folder.to_owned(), source })?;
    for (file, text) in workspace_csv(network) {
        write_atomic(&folder.join(file), text.as_bytes(), &[])?;
    }
    Ok(())
}

fn number(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn date(value: Option<Date>) -> String {
    value.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

fn text(value: Option<&String>) -> String {
    value.cloned().unwrap_or_default()
}

/// A CSV writer into memory; writing to a `Vec` cannot fail.
struct Sheet {
    writer: csv::Writer<Vec<u8>>,
}

impl Sheet {
    fn new(header: &[String]) -> Self {
        let mut sheet = Sheet { writer: csv::Writer::from_writer(Vec::new()) };
        sheet.row(header);
        sheet
    }

    fn row(&mut self, cells: &[String]) {
        // Writing into a Vec<u8> has no I/O error to report.
        let _ = self.writer.write_record(cells);
    }

    fn finish(self) -> String {
        let bytes = self.writer.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }
}

fn header(known: &[&str], extra: &BTreeSet<String>) -> Vec<String> {
    known.iter().map(|s| (*s).to_owned()).chain(extra.iter().cloned()).collect()
}

fn actors_csv(network: &Network) -> String {
    let extra: BTreeSet<String> =
        network.actors().iter().flat_map(|a| a.attributes.keys().cloned()).collect();
    let mut sheet = Sheet::new(&header(super::ACTOR_COLUMNS, &extra));
    for actor in network.actors() {
        let mut row = vec![
            actor.key.clone(),
            actor.name.clone(),
            actor.sector.map(|s| s.as_str().to_owned()).unwrap_or_default(),
            actor.level.map(|l| l.as_str().to_owned()).unwrap_or_default(),
            actor.parent.map(|p| network.actor(p).key.clone()).unwrap_or_default(),
            text(actor.kind.as_ref()),
            actor.themes.join("; "),
            number(actor.influence),
            actor
                .successors
                .iter()
                .map(|&s| network.actor(s).key.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        ];
        row.extend(extra.iter().map(|k| text(actor.attributes.get(k))));
        sheet.row(&row);
    }
    sheet.finish()
}

fn relations_csv(network: &Network) -> String {
    let extra: BTreeSet<String> =
        network.relation_attributes().names().map(str::to_owned).collect();
    let mut sheet = Sheet::new(&header(super::RELATION_COLUMNS, &extra));
    for (i, relation) in network.relations().iter().enumerate() {
        let mut row = vec![
            network.actor(relation.source).key.clone(),
            network.actor(relation.target).key.clone(),
            network.layers()[relation.layer.index()].name.clone(),
            relation.directed.to_string(),
            relation.weight.to_string(),
            number(relation.amount),
            relation.topic.map(|t| network.topic(t).to_owned()).unwrap_or_default(),
            date(relation.validity.since),
            date(relation.validity.until),
            relation.coalition.map(|c| network.coalition(c).key.clone()).unwrap_or_default(),
        ];
        row.extend(
            extra.iter().map(|k| network.relation_attributes().get(i, k).unwrap_or("").to_owned()),
        );
        sheet.row(&row);
    }
    sheet.finish()
}

fn coalitions_csv(network: &Network) -> String {
    let extra: BTreeSet<String> =
        network.coalitions().iter().flat_map(|c| c.attributes.keys().cloned()).collect();
    let mut sheet = Sheet::new(&header(super::COALITION_COLUMNS, &extra));
    for coalition in network.coalitions() {
        let mut row = vec![
            coalition.key.clone(),
            coalition.name.clone(),
            text(coalition.tranche.as_ref()),
            text(coalition.region.as_ref()),
            coalition.themes.join("; "),
            number(coalition.national_contribution),
            number(coalition.cofinancing),
            text(coalition.governance.as_ref()),
            date(coalition.start),
            date(coalition.end),
        ];
        row.extend(extra.iter().map(|k| text(coalition.attributes.get(k))));
        sheet.row(&row);
    }
    sheet.finish()
}

fn members_csv(network: &Network) -> String {
    let extra: BTreeSet<String> =
        network.memberships().iter().flat_map(|m| m.attributes.keys().cloned()).collect();
    let mut sheet = Sheet::new(&header(super::MEMBER_COLUMNS, &extra));
    for membership in network.memberships() {
        let mut row = vec![
            network.coalition(membership.coalition).key.clone(),
            network.actor(membership.actor).key.clone(),
            membership.role.as_str().to_owned(),
            number(membership.contribution),
            date(membership.validity.since),
            date(membership.validity.until),
        ];
        row.extend(extra.iter().map(|k| text(membership.attributes.get(k))));
        sheet.row(&row);
    }
    sheet.finish()
}
