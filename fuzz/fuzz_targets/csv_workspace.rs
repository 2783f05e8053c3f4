//! Fuzz target: arbitrary bytes split into the four CSV files of a workspace, loaded and, when
//! valid, run through a view and the centrality and brokerage analyses. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stakenet::analysis::{
    BrokerageConfig, CentralityConfig, GroupBy, brokerage, centrality, group_nodes,
};
use stakenet::{Source, View, ViewSpec, load};

fuzz_target!(|data: &[u8]| {
    // Files are separated by a 0xFF byte (never valid UTF-8, so it cannot hide real text).
    let names = ["actors.csv", "relations.csv", "coalitions.csv", "members.csv"];
    let files: Vec<(String, Vec<u8>)> = data
        .split(|&b| b == 0xFF)
        .zip(names)
        .map(|(bytes, name)| (name.to_owned(), bytes.to_vec()))
        .collect();
    if let Ok(network) = load(&Source::Memory(files)) {
        if let Ok(view) = View::build(&network, &ViewSpec::default()) {
            let _ = centrality(&view, &CentralityConfig::default().with_weighted(true));
            if let Ok(groups) = group_nodes(&network, &view, &GroupBy::Side) {
                let config = BrokerageConfig::default().with_weighted(true).with_expected(true);
                let _ = brokerage(&view, &groups, &config);
            }
        }
    }
});
