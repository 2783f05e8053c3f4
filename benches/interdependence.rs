//! Interdependence on dense dependence matrices of 2,000 actors: ρ(D), the full analysis
//! (ρ, the row and column sums of T, 2 million pairs, mutuality) at α = 0.5 and near the limit
//! 1/ρ(D), where the Neumann series gives way to nalgebra's LU; and the whole pipeline from a
//! generated network's funding layer.
//!
//! Target (issue 4): interdependence for 2,000 actors with a dense dependence matrix ≤ 1 s.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use nalgebra::DMatrix;
use stakenet::analysis::{
    DependenceMatrix, DependenceSource, InterdependenceConfig, interdependence, spectral_radius,
};
use stakenet::generate::{GenerateConfig, GraphModel, generate};
use stakenet::{ActorId, LayerChoice, View, ViewSpec};

/// A dense random matrix: every off-diagonal entry in (0.01, 1.01) clipped to 1 — a
/// `dependency` layer where everyone depends on everyone — and, with `shares`, each row scaled
/// to sum to 1 — the inflow shares of a resource layer where everyone funds everyone (ρ(D) = 1).
/// splitmix64, seeded.
fn dense(n: usize, seed: u64, shares: bool) -> DependenceMatrix {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut dense =
        DMatrix::from_fn(n, n, |i, j| if i == j { 0.0 } else { (0.01 + next()).min(1.0) });
    if shares {
        for i in 0..n {
            let total: f64 = dense.row(i).sum();
            dense.row_mut(i).scale_mut(1.0 / total);
        }
    }
    DependenceMatrix::from_dense((0..n).map(ActorId::from_index).collect(), dense).unwrap()
}

fn bench_dense(c: &mut Criterion) {
    let mut group = c.benchmark_group("interdependence");
    group.sample_size(10);
    let shares = dense(2_000, 7, true);
    group.bench_function("spectral_radius/dense_shares_2000", |b| {
        b.iter(|| black_box(spectral_radius(&shares)));
    });
    let config = InterdependenceConfig::new(0.5);
    group.bench_function("alpha_0.5/dense_shares_2000", |b| {
        b.iter(|| black_box(interdependence(&shares, &config).unwrap()));
    });
    // ρ(αD) = 0.99: the series would need ~3,000 terms, so LU takes over.
    let near = InterdependenceConfig::new(0.99);
    group.bench_function("alpha_0.99_lu/dense_shares_2000", |b| {
        b.iter(|| black_box(interdependence(&shares, &near).unwrap()));
    });
    // Everyone depends on everyone: ρ(D) ≈ 1,000; α = 0.5 / ρ(D) keeps ρ(αD) = 0.5.
    let dependency = dense(2_000, 11, false);
    group.bench_function("spectral_radius/dense_dependency_2000", |b| {
        b.iter(|| black_box(spectral_radius(&dependency)));
    });
    let scaled = InterdependenceConfig::new(0.5 / spectral_radius(&dependency));
    group.bench_function("alpha_half_limit/dense_dependency_2000", |b| {
        b.iter(|| black_box(interdependence(&dependency, &scaled).unwrap()));
    });
    group.finish();
}

fn bench_pipeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("interdependence");
    group.sample_size(10);
    let network = generate(
        &GenerateConfig::default()
            .with_model(GraphModel::BarabasiAlbert)
            .with_n_actors(2_000)
            .with_ties_per_actor(10)
            .with_n_coalitions(0)
            .with_seed(1)
            .with_one_layer(false),
    );
    let funding = network.layer_id("funding").unwrap();
    let spec = ViewSpec::default().with_layers(vec![LayerChoice::Explicit(funding)]);
    let view = View::build(&network, &spec).unwrap();
    let config = InterdependenceConfig::default();
    group.bench_function("pipeline/ba_2000_funding", |b| {
        b.iter(|| {
            let d = DependenceMatrix::from_view(&view, DependenceSource::Inflow).unwrap();
            black_box(interdependence(&d, &config).unwrap())
        });
    });
    group.finish();
}

criterion_group!(benches, bench_dense, bench_pipeline);
criterion_main!(benches);
