//! A connectieplan: which national department connects to which regional partner on which
//! topic, and where a topic is a gap or hangs on one actor.
//!
//! Builds the plan of one deal (by default the hand-made Twente deal in
//! `fixtures/connectieplan`), prints each topic's status and the ties that carry it, and
//! writes the plan drawn as SVG (no system program needed) when a file name is given.
//!
//! ```sh
//! cargo run --example connectieplan
//! cargo run --example connectieplan -- fixtures/connectieplan twente plan.svg
//! ```

// An example prints its results.
#![allow(clippy::print_stdout)]

use std::error::Error;

use stakenet::analysis::{PlanConfig, connectieplan};
use stakenet::names;
use stakenet::render::plan_svg;
use stakenet::{Source, load};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let workspace = args
        .next()
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/connectieplan").into());
    let key = args.next().unwrap_or_else(|| "twente".to_owned());
    let network = load(&Source::from_path(std::path::Path::new(&workspace)))?;
    let coalition = names::coalition(&network, &key)?;

    // No date applied: every relation and membership counts (PlanConfig::with_at describes one
    // date).
    let plan = connectieplan(&network, coalition, &PlanConfig::default())?;
    println!("Connectieplan of {}", network.coalition(coalition).name);
    for topic in &plan.topics {
        let status = topic.status.as_str();
        println!(
            "  {:<40} {:<8} {} tie(s), {} proposed",
            topic.topic,
            status,
            topic.ties.len(),
            topic.proposed.len()
        );
        for tie in &topic.ties {
            println!("      {} — {}", network.actor(tie.rijk).name, network.actor(tie.region).name);
        }
    }
    for tie in &plan.general {
        println!(
            "  general (no topic): {} — {}",
            network.actor(tie.rijk).name,
            network.actor(tie.region).name
        );
    }
    let unconnected: Vec<&str> =
        plan.unconnected_signatories.iter().map(|&a| network.actor(a).name.as_str()).collect();
    println!("Signed without a working tie: {}", unconnected.join(", "));

    if let Some(path) = args.next() {
        std::fs::write(&path, plan_svg(&network, &plan))?;
        println!("wrote {path}");
    }
    Ok(())
}
