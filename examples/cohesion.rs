//! Load → view → cohesion: core numbers, Leiden communities and the triad census, each timed
//! in the process (the figures PERFORMANCE.md gives for the library alone).
//!
//! Loads a workspace folder (by default the bundled Regio Deals), builds its default view and
//! prints how long each measure takes and what it found.
//!
//! ```sh
//! cargo run --release --example cohesion
//! cargo run --release --example cohesion -- path/to/workspace
//! ```

// An example prints its results.
#![allow(clippy::print_stdout)]

use std::error::Error;
use std::time::Instant;

use stakenet::analysis::{LeidenConfig, TRIAD_TYPES, core_numbers, leiden, triad_census};
use stakenet::{Source, View, ViewSpec, load};

fn main() -> Result<(), Box<dyn Error>> {
    let source = match std::env::args().nth(1) {
        Some(folder) => Source::Folder(folder.into()),
        None => Source::Bundled,
    };
    let network = load(&source)?;
    let view = View::build(&network, &ViewSpec::default())?;
    println!("{} actors, {} ties", view.n_nodes(), view.n_ties());
    let started = Instant::now();
    let core = core_numbers(&view);
    let seconds = started.elapsed().as_secs_f64();
    println!("core numbers: {seconds:.3} s, largest {}", core.iter().max().unwrap_or(&0));
    let started = Instant::now();
    let census = triad_census(&view);
    let seconds = started.elapsed().as_secs_f64();
    let nonzero: Vec<String> = TRIAD_TYPES
        .iter()
        .zip(census)
        .filter(|&(_, count)| count > 0)
        .map(|(name, count)| format!("{name} {count}"))
        .collect();
    println!("triad census: {seconds:.3} s, {}", nonzero.join(", "));
    let started = Instant::now();
    let communities = leiden(&view, &LeidenConfig::default());
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "Leiden: {seconds:.3} s, {} communities, modularity {:.4}",
        communities.n_communities,
        communities.modularity.unwrap_or(f64::NAN)
    );
    Ok(())
}
