//! Fuzz target: arbitrary bytes as a `network.json` workspace. Loading must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stakenet::{Source, View, ViewSpec, load};

fuzz_target!(|data: &[u8]| {
    if let Ok(network) = load(&Source::Memory(vec![("network.json".to_owned(), data.to_vec())])) {
        let _ = View::build(&network, &ViewSpec::default());
    }
});
