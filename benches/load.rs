//! Loading and validating a generated workspace of 100,000 actors and about 1,000,000
//! relations (Barabási–Albert, m = 10), and building its view; and the largest real
//! workspace bundled, `fixtures/subsidies-2015` (11,977 actors, 15,476 funding relations).
//!
//! Target (issue 2): load + validate ≤ 1 s and ≤ 250 MB peak on a 2-core machine; peak memory
//! is measured on the whole process (`/usr/bin/time -v stakenet check DIR`), see
//! PERFORMANCE.md.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use stakenet::generate::{GenerateConfig, GraphModel, generate};
use stakenet::{Source, View, ViewSpec, load};

fn workspace(n_actors: usize, ties_per_actor: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let config = GenerateConfig::default()
        .with_model(GraphModel::BarabasiAlbert)
        .with_n_actors(n_actors)
        .with_ties_per_actor(ties_per_actor)
        .with_n_coalitions(100)
        .with_seed(1)
        .with_one_layer(false);
    stakenet::io::write_workspace(&generate(&config), dir.path()).unwrap();
    dir
}

fn bench_load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for (n_actors, ties_per_actor) in [(10_000, 10), (100_000, 10)] {
        let dir = workspace(n_actors, ties_per_actor);
        let source = Source::Folder(dir.path().to_owned());
        let name = format!("{n_actors}_actors_{}k_relations", n_actors * ties_per_actor / 1000);
        group.bench_function(format!("load_validate/{name}"), |b| {
            b.iter(|| black_box(load(&source).unwrap()));
        });
        let network = load(&source).unwrap();
        group.bench_function(format!("view_all_layers/{name}"), |b| {
            b.iter(|| black_box(View::build(&network, &ViewSpec::default()).unwrap()));
        });
    }
    // The real one: the national subsidy network of 2015, names, amounts with cents, long topics.
    let source = Source::Folder(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/subsidies-2015"),
    );
    group.bench_function("load_validate/subsidies_2015", |b| {
        b.iter(|| black_box(load(&source).unwrap()));
    });
    let network = load(&source).unwrap();
    group.bench_function("view_all_layers/subsidies_2015", |b| {
        b.iter(|| black_box(View::build(&network, &ViewSpec::default()).unwrap()));
    });
    group.finish();
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
