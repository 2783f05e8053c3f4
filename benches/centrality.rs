//! Centrality on generated Barabási–Albert networks: exact and sampled betweenness, closeness
//! and harmonic, PageRank and eigenvector, the graph-level structure, serial against all
//! threads.
//!
//! Target (DESIGN §6): exact betweenness on BA 10,000 actors, m = 5 well under igraph's time
//! (igraph 1.3 `betweenness()` on the same kind of graph: about 15 s on a 2-core machine).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use stakenet::analysis::{
    BetweennessConfig, EigenvectorConfig, PathLength, PowerIterationConfig, Sample, betweenness,
    closeness, eigenvector, graph_structure, pagerank,
};
use stakenet::generate::{GenerateConfig, GraphModel, generate};
use stakenet::{LayerChoice, View, ViewSpec};

/// A generated BA network with every tie in one undirected layer (a plain graph).
fn ba_view(n_actors: usize, ties_per_actor: usize) -> View {
    let network = generate(
        &GenerateConfig::default()
            .with_model(GraphModel::BarabasiAlbert)
            .with_n_actors(n_actors)
            .with_ties_per_actor(ties_per_actor)
            .with_n_coalitions(0)
            .with_seed(1)
            .with_one_layer(true),
    );
    View::build(&network, &ViewSpec::default()).unwrap()
}

/// Every explicit layer: a directed view.
fn ba_directed_view(n_actors: usize, ties_per_actor: usize) -> View {
    let network = generate(
        &GenerateConfig::default()
            .with_model(GraphModel::BarabasiAlbert)
            .with_n_actors(n_actors)
            .with_ties_per_actor(ties_per_actor)
            .with_n_coalitions(0)
            .with_seed(1)
            .with_one_layer(false),
    );
    let layers = LayerChoice::explicit_layers(&network);
    let spec = ViewSpec::default().with_layers(layers);
    View::build(&network, &spec).unwrap()
}

fn in_pool<T: Send>(threads: usize, run: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap().install(run)
}

fn bench_betweenness(c: &mut Criterion) {
    let mut group = c.benchmark_group("betweenness");
    group.sample_size(10);
    let all_threads = rayon::current_num_threads();
    for (n, m) in [(1_000, 5), (10_000, 5)] {
        let view = ba_view(n, 2 * m);
        let name = format!("ba_{n}_m{}", view.n_ties() / n);
        for threads in [1, all_threads] {
            group.bench_function(format!("exact/{name}/threads_{threads}"), |b| {
                b.iter(|| {
                    in_pool(threads, || {
                        black_box(betweenness(&view, &BetweennessConfig::default()).unwrap())
                    })
                });
            });
        }
        let weighted = BetweennessConfig::default().with_path_length(PathLength::InverseWeight);
        group.bench_function(format!("weighted/{name}"), |b| {
            b.iter(|| black_box(betweenness(&view, &weighted).unwrap()));
        });
        let sampled = BetweennessConfig::default().with_sample(Sample::new(256, 7));
        group.bench_function(format!("sample_256/{name}"), |b| {
            b.iter(|| black_box(betweenness(&view, &sampled).unwrap()));
        });
    }
    group.finish();
}

fn bench_other_measures(c: &mut Criterion) {
    let mut group = c.benchmark_group("centrality");
    group.sample_size(10);
    let view = ba_view(10_000, 10);
    group.bench_function("closeness/ba_10000", |b| {
        b.iter(|| black_box(closeness(&view, PathLength::Hops)));
    });
    group.bench_function("pagerank/ba_10000", |b| {
        b.iter(|| black_box(pagerank(&view, &PowerIterationConfig::default()).unwrap()));
    });
    group.bench_function("eigenvector/ba_10000", |b| {
        b.iter(|| black_box(eigenvector(&view, &EigenvectorConfig::default()).unwrap()));
    });
    let large = ba_view(100_000, 10);
    group.bench_function("pagerank/ba_100000", |b| {
        b.iter(|| black_box(pagerank(&large, &PowerIterationConfig::default()).unwrap()));
    });
    let directed = ba_directed_view(2_000, 5);
    group.bench_function("structure/ba_directed_2000", |b| {
        b.iter(|| black_box(graph_structure(&directed)));
    });
    group.finish();
}

criterion_group!(benches, bench_betweenness, bench_other_measures);
criterion_main!(benches);
