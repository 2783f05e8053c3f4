//! A network map's layout: the positions stakenet gives a view's actors, with the view's ties
//! and the time the layout took, as JSON on standard output. `benches/peers/layout.py` reads it
//! to compare stakenet's layouts with Graphviz and igraph on the same graphs.
//!
//! ```sh
//! cargo run --release --example layout_positions -- bundled            # the Regio Deals
//! cargo run --release --example layout_positions -- fixtures/twente-analyst stress
//! cargo run --release --example layout_positions -- ba:1000 auto 7     # generated, seed 7
//! ```
//!
//! The first argument is `bundled`, a workspace path, or `ba:N` (a generated Barabási–Albert
//! network of N actors, two ties each, one undirected layer); then the method (`auto`,
//! `stress`, `force`, `rijk-region`) and the layout's seed. The view is the default one (every
//! relation layer).

// An example prints its results.
#![allow(clippy::print_stdout)]

use std::error::Error;
use std::time::Instant;

use stakenet::analysis::{LayoutConfig, LayoutMethod, layout, normalized_stress};
use stakenet::generate::{GenerateConfig, GraphModel, generate};
use stakenet::{Source, View, ViewSpec, load};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let source = args.next().unwrap_or_else(|| "bundled".to_owned());
    let method = match args.next().as_deref().unwrap_or("auto") {
        "auto" => LayoutMethod::Auto,
        "stress" => LayoutMethod::Stress,
        "force" => LayoutMethod::Force,
        "rijk-region" => LayoutMethod::RijkRegion,
        other => {
            return Err(
                format!("unknown method {other:?}: auto, stress, force, rijk-region").into()
            );
        }
    };
    let seed: u64 = args.next().map_or(Ok(1), |s| s.parse())?;
    let network = if source == "bundled" {
        load(&Source::Bundled)?
    } else if let Some(n) = source.strip_prefix("ba:") {
        generate(
            &GenerateConfig::default()
                .with_model(GraphModel::BarabasiAlbert)
                .with_n_actors(n.parse()?)
                .with_ties_per_actor(2)
                .with_n_coalitions(0)
                .with_seed(1)
                .with_one_layer(true),
        )
    } else {
        load(&Source::from_path(std::path::Path::new(&source)))?
    };
    let view = View::build(&network, &ViewSpec::default())?;
    let config = LayoutConfig::default().with_method(method).with_seed(seed);
    let started = Instant::now();
    let placed = layout(&view, &network, &config);
    let seconds = started.elapsed().as_secs_f64();
    let stress = normalized_stress(&view, &placed.positions);
    let mut edges = Vec::new();
    for node in 0..view.n_nodes() as u32 {
        for &next in view.out_arcs().neighbors(node) {
            let (a, b) = (node.min(next), node.max(next));
            if a != b {
                edges.push([a, b]);
            }
        }
    }
    edges.sort_unstable();
    edges.dedup();
    let out = serde_json::json!({
        "n": view.n_nodes(),
        "edges": edges,
        "positions": placed.positions,
        "method": placed.method.as_str(),
        "seconds": seconds,
        "stress": stress,
    });
    println!("{out}");
    Ok(())
}
