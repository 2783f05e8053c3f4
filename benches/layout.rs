//! The network map's layout on generated Barabási–Albert networks (two ties per actor, one
//! undirected layer): 1,000 actors (`auto`: stress majorization over every pair) and 20,000
//! actors (`auto`: sampled stress; and the multilevel force-directed method), on all threads.
//!
//! Target (issue 19): 20,000 actors in at most half the time of Graphviz `sfdp` on the same
//! graph at equal or lower normalized stress; `benches/peers/layout.py` measures both.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use stakenet::analysis::{LayoutConfig, LayoutMethod, layout};
use stakenet::generate::{GenerateConfig, GraphModel, generate};
use stakenet::{Network, View, ViewSpec};

fn ba(n_actors: usize) -> (Network, View) {
    let network = generate(
        &GenerateConfig::default()
            .with_model(GraphModel::BarabasiAlbert)
            .with_n_actors(n_actors)
            .with_ties_per_actor(2)
            .with_n_coalitions(0)
            .with_seed(1)
            .with_one_layer(true),
    );
    let view = View::build(&network, &ViewSpec::default()).unwrap();
    (network, view)
}

fn bench_layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    group.sample_size(10);
    let cases =
        [(1_000, LayoutMethod::Auto), (20_000, LayoutMethod::Auto), (20_000, LayoutMethod::Force)];
    for (n, method) in cases {
        let (network, view) = ba(n);
        let config = LayoutConfig::default().with_method(method);
        group.bench_function(format!("ba_{n}_{}", method.as_str()), |b| {
            b.iter(|| black_box(layout(&view, &network, &config)));
        });
    }
    group.finish();
}

criterion_group!(benches, bench_layout);
criterion_main!(benches);
