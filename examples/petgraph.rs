//! stakenet and petgraph together: petgraph's algorithms run on a stakenet view without
//! copying it, a view converts to a petgraph graph, and a graph built elsewhere becomes a view
//! that stakenet's measures run on.
//!
//! ```sh
//! cargo run --example petgraph
//! ```

// An example prints its results.
#![allow(clippy::print_stdout)]

use std::error::Error;

use petgraph::algo::{connected_components, dijkstra, kosaraju_scc};
use petgraph::visit::EdgeRef;
use stakenet::analysis::{CentralityConfig, centrality, n_weak_components};
use stakenet::{LayerChoice, Source, View, ViewSpec, load};

fn main() -> Result<(), Box<dyn Error>> {
    let workspace = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/connectieplan");
    let network = load(&Source::from_path(std::path::Path::new(workspace)))?;
    let layers = LayerChoice::explicit_layers(&network);
    let view = View::build(&network, &ViewSpec::default().with_layers(layers))?;

    // petgraph on the view itself: node i of the view is actor view.actor(i).
    let start = view.actors().iter().position(|&a| network.actor(a).key == "dm_twente");
    let start = u32::try_from(start.ok_or("the fixture has a dealmaker")?)?;
    let hops = dijkstra(&view, start, None, |_| 1_u32);
    let mut reached: Vec<(u32, u32)> = hops.iter().map(|(&node, &d)| (d, node)).collect();
    reached.sort_unstable();
    println!("From the dealmaker, in hops over working relations:");
    for (d, node) in reached.iter().skip(1).take(6) {
        println!("  {d}  {}", network.actor(view.actor(*node)).name);
    }
    let strong = kosaraju_scc(&view);
    println!(
        "{} actors, {} ties; petgraph finds {} weak and {} strong components (stakenet: {} weak)",
        view.n_nodes(),
        view.n_ties(),
        connected_components(&view),
        strong.len(),
        n_weak_components(&view)
    );

    // A view as a petgraph graph, and back: stakenet's measures on a graph built elsewhere.
    let graph = view.to_petgraph_directed();
    let arcs = graph
        .edge_references()
        .map(|e| (e.source().index() as u32, e.target().index() as u32, *e.weight()));
    let rebuilt = View::from_arcs(graph.node_count(), arcs, view.is_directed())?;
    let before = centrality(&view, &CentralityConfig::default())?;
    let after = centrality(&rebuilt, &CentralityConfig::default())?;
    let same = before.iter().zip(&after).all(|(a, b)| a.betweenness == b.betweenness);
    println!("betweenness after the round trip through petgraph is the same: {same}");
    Ok(())
}
