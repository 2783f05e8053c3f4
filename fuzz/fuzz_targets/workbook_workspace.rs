//! Fuzz target: arbitrary bytes as a workbook workspace held in memory (`workspace.xlsx`;
//! calamine tells the format by its contents: .xlsx, .xlsb, .xls or .ods), loaded and, when
//! valid, built into a view. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stakenet::{Source, View, ViewSpec, load};

fuzz_target!(|data: &[u8]| {
    let source = Source::Memory(vec![("workspace.xlsx".to_owned(), data.to_vec())]);
    if let Ok(network) = load(&source) {
        let _ = View::build(&network, &ViewSpec::default());
    }
});
