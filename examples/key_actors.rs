//! Load → view → centrality: who holds one Regio Deal together.
//!
//! Loads a workspace (by default the hand-made Twente deal in `fixtures/connectieplan`),
//! selects the members of one deal and their working relations (every layer of
//! `relations.csv`, without the derived layer of shared membership, which would make every
//! deal a complete graph), and prints its five most central members by betweenness (ties
//! broken by degree, then by id).
//!
//! ```sh
//! cargo run --example key_actors
//! cargo run --example key_actors -- path/to/workspace rd_twente
//! ```

// An example prints its results.
#![allow(clippy::print_stdout)]

use std::error::Error;

use stakenet::analysis::{CentralityConfig, centrality};
use stakenet::names;
use stakenet::{LayerChoice, Source, View, ViewSpec, load};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let workspace = args
        .next()
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/connectieplan").into());
    let key = args.next().unwrap_or_else(|| "twente".to_owned());
    let network = load(&Source::from_path(std::path::Path::new(&workspace)))?;
    let coalition = names::coalition(&network, &key)?;

    let layers = LayerChoice::explicit_layers(&network);
    let spec = ViewSpec::coalition(coalition).with_layers(layers);
    let view = View::build(&network, &spec)?;
    let scores = centrality(&view, &CentralityConfig::default())?;

    let mut ranked: Vec<_> = scores.iter().collect();
    ranked.sort_by(|a, b| {
        let (ba, bb) = (a.betweenness.unwrap_or(0.0), b.betweenness.unwrap_or(0.0));
        bb.total_cmp(&ba).then(b.degree.cmp(&a.degree)).then(a.actor.cmp(&b.actor))
    });
    println!(
        "{}: {} members, {} ties",
        network.coalition(coalition).name,
        view.n_nodes(),
        view.n_ties()
    );
    for score in ranked.iter().take(5) {
        let actor = network.actor(score.actor);
        println!(
            "  {:<50} degree {:>3}  betweenness {:.3}",
            actor.name,
            score.degree,
            score.betweenness.unwrap_or(0.0)
        );
    }
    Ok(())
}
