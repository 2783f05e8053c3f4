//! Integration tests, built as one binary. `cli` runs the binary (assert_cmd) and asserts
//! outputs and error texts; `loaders` checks workspaces (valid, invalid, Dutch Excel, JSON);
//! `oracle` compares every measure with independent values committed in `tests/oracle/`;
//! `properties` holds the property tests; `graphalytics` runs the LDBC validation graphs;
//! `export` snapshots and parses back the GraphML, GEXF, Cytoscape JSON and DOT exports
//! (`export_layout` their map layout and centrality figures, read back by NetworkX);
//! `messages` holds the exact text of errors only a caller of the library can meet; `petgraph`
//! runs petgraph's algorithms on views against stakenet's measures (feature `petgraph`);
//! `serde` serializes analysis results (feature `serde`); `xlsx` reads back the workbooks of
//! the list commands and `init` the workspace templates; `outputs` what `-o` does with
//! files, links, FIFOs, devices, temporaries and report folders.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs, unreachable_pub)]

mod asymmetry;
mod browser;
mod cli;
mod cohesion;
mod common;
mod compare;
mod diff;
mod ego;
mod export;
mod export_layout;
mod export_timeline;
mod formats;
mod graphalytics;
mod hostile_inputs;
mod influence;
mod init;
mod interdependence;
mod layout;
mod lists;
mod loaders;
mod long_work;
mod map;
mod messages;
mod ministries;
mod mixing;
mod oracle;
mod outputs;
#[cfg(feature = "petgraph")]
mod petgraph;
mod plan;
mod properties;
mod qap;
mod real_fixtures;
mod regio_deals;
mod report;
mod report_change;
mod robustness;
mod scale;
#[cfg(feature = "serde")]
mod serde;
mod snapshots;
mod suspects;
mod tidy;
mod twente;
mod twomode;
mod view;
mod whatif;
mod workbooks;
mod xlsx;
