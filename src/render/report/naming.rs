//! The report's files and folders: a file of the report, and a folder name for each coalition
//! that every file system accepts.

use std::collections::BTreeSet;

use crate::model::{CoalitionId, Network};

/// One file of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportFile {
    /// Path inside the report folder, `/`-separated.
    pub path: String,
    /// The contents.
    pub contents: String,
}

pub(super) fn file(path: &str, contents: String) -> ReportFile {
    ReportFile { path: path.to_owned(), contents }
}

/// A folder name for each coalition (same order): its id with every character other than
/// ASCII letters, digits, `_` and `-` replaced by `_`, made unique (ignoring case, with `-2`,
/// `-3`, …) and never a name Windows reserves (`con`, `nul`, `com1`, …).
pub fn coalition_folders(network: &Network, coalitions: &[CoalitionId]) -> Vec<String> {
    let mut taken: BTreeSet<String> = BTreeSet::new();
    coalitions
        .iter()
        .map(|&c| {
            let key = &network.coalition(c).key;
            let mut base: String = key
                .chars()
                .map(|ch| if ch.is_ascii_alphanumeric() || ch == '-' { ch } else { '_' })
                .collect();
            if base.is_empty() || is_reserved(&base) {
                base.push('_');
            }
            let mut name = base.clone();
            let mut n = 2;
            while !taken.insert(name.to_ascii_lowercase()) {
                name = format!("{base}-{n}");
                n += 1;
            }
            name
        })
        .collect()
}

/// Whether Windows reserves `name` as a device (`con`, `prn`, `aux`, `nul`, `com1`–`com9`,
/// `lpt1`–`lpt9`, any case).
fn is_reserved(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    matches!(lower.as_str(), "con" | "prn" | "aux" | "nul")
        || ((lower.starts_with("com") || lower.starts_with("lpt"))
            && lower.len() == 4
            && lower.as_bytes()[3].is_ascii_digit()
            && lower.as_bytes()[3] != b'0')
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::model::{Coalition, NetworkBuilder};

    fn network_with(keys: &[&str]) -> Network {
        let mut builder = NetworkBuilder::default();
        for key in keys {
            builder.coalitions.push(Coalition {
                key: (*key).to_owned(),
                name: (*key).to_owned(),
                tranche: None,
                region: None,
                themes: Vec::new(),
                national_contribution: None,
                cofinancing: None,
                governance: None,
                start: None,
                end: None,
                attributes: BTreeMap::new(),
            });
        }
        builder.build().unwrap()
    }

    #[test]
    fn coalition_folders_are_safe_unique_and_stable() {
        let keys = ["rd_twente", "..", "a:b", "A_b", "con", "x.y", "x_y"];
        let network = network_with(&keys);
        let ids: Vec<CoalitionId> = (0..keys.len()).map(CoalitionId::from_index).collect();
        assert_eq!(
            coalition_folders(&network, &ids),
            ["rd_twente", "__", "a_b", "A_b-2", "con_", "x_y", "x_y-2"]
        );
    }
}
