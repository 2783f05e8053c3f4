//! `compare` output: one row per coalition with its make-up, money, structure, missing sectors
//! and suggested peer-review partners.
//!
//! CSV (DESIGN "Output schemas"): `id,name,members,government_share,sectors_present,ministries,
//! national_contribution,cofinancing_ratio,density,centralization,missing_sectors,peers`, where
//! `sectors_present` is a count (of government, business, knowledge, civil_society, citizens),
//! `missing_sectors` is `;`-separated and `peers` reads `rd_twente (0.62); rd_foodvalley (0.55);
//! …`. JSON: `{"coalitions": [...]}` with the same keys, `missing_sectors` as an array of names
//! and `peers` as an array of `{"id", "similarity"}`.

use serde::Serialize;

use serde_json::Value;

use super::json::{finite, to_value};
use super::records::{Cell, Records};
use crate::analysis::CoalitionFigures;
use crate::model::Network;

/// The columns of the comparison.
pub const COMPARE_COLUMNS: [&str; 13] = [
    "id",
    "name",
    "members",
    "government_share",
    "sectors_present",
    "ministries",
    "national_contribution",
    "cofinancing_ratio",
    "ties",
    "density",
    "centralization",
    "missing_sectors",
    "peers",
];

/// One row per coalition, in the order given (by id).
pub fn compare_records<'a>(network: &'a Network, rows: &'a [CoalitionFigures]) -> Records<'a> {
    let mut records = Records::new(&COMPARE_COLUMNS);
    for row in rows {
        let c = network.coalition(row.coalition);
        let missing: Vec<&str> = row.missing_sectors.iter().map(|s| s.as_str()).collect();
        let peers: Vec<String> = row
            .peers
            .iter()
            .map(|p| format!("{} ({:.2})", network.coalition(p.coalition).key, p.similarity))
            .collect();
        records.push(vec![
            Cell::text(c.key.as_str()),
            Cell::text(c.name.as_str()),
            Cell::Count(row.n_members as u64),
            Cell::Number(row.government_share),
            Cell::Count(row.sectors_present.len() as u64),
            Cell::Count(row.n_ministries as u64),
            Cell::Number(row.national_contribution),
            Cell::Number(row.cofinancing_ratio),
            Cell::Count(row.n_ties as u64),
            Cell::Number(row.density),
            Cell::Number(row.centralization),
            Cell::text(missing.join("; ")),
            Cell::text(peers.join("; ")),
        ]);
    }
    records
}

/// The JSON output of `compare`.
#[derive(Serialize)]
struct CompareJson<'a> {
    coalitions: Vec<CoalitionJson<'a>>,
}

/// One coalition of the comparison (keys in this order).
#[derive(Serialize)]
struct CoalitionJson<'a> {
    id: &'a str,
    name: &'a str,
    members: usize,
    government_share: Option<f64>,
    sectors_present: usize,
    ministries: usize,
    national_contribution: Option<f64>,
    cofinancing_ratio: Option<f64>,
    ties: usize,
    density: Option<f64>,
    centralization: Option<f64>,
    missing_sectors: Vec<&'a str>,
    peers: Vec<PeerJson<'a>>,
}

/// A suggested peer-review partner.
#[derive(Serialize)]
struct PeerJson<'a> {
    id: &'a str,
    similarity: Option<f64>,
}

/// `{"coalitions": [...]}`: the rows with lists as arrays and peers as objects.
pub fn compare_json(network: &Network, rows: &[CoalitionFigures]) -> Value {
    let coalitions = rows
        .iter()
        .map(|row| {
            let c = network.coalition(row.coalition);
            CoalitionJson {
                id: &c.key,
                name: &c.name,
                members: row.n_members,
                government_share: row.government_share.and_then(finite),
                sectors_present: row.sectors_present.len(),
                ministries: row.n_ministries,
                national_contribution: row.national_contribution.and_then(finite),
                cofinancing_ratio: row.cofinancing_ratio.and_then(finite),
                ties: row.n_ties,
                density: row.density.and_then(finite),
                centralization: row.centralization.and_then(finite),
                missing_sectors: row.missing_sectors.iter().map(|s| s.as_str()).collect(),
                peers: row
                    .peers
                    .iter()
                    .map(|p| PeerJson {
                        id: &network.coalition(p.coalition).key,
                        similarity: finite(p.similarity),
                    })
                    .collect(),
            }
        })
        .collect();
    to_value(&CompareJson { coalitions })
}
