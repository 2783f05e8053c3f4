//! Interdependence (`interdependence`): how much actors depend on each other, directly and
//! through others, who holds the power in each pair, and whether a coalition has "something
//! to gain for everyone" (DESIGN §4.4).
//!
//! The dependence matrix D is built from one layer of a [`View`](crate::View) (`matrix.rs`);
//! the indirect dependence T = (I − αD)⁻¹ − I is computed with nalgebra, densely, over the
//! actors that have a tie in that layer (`resolvent.rs`); α is bounded by the spectral radius
//! of D (`spectral.rs`); `measure.rs` puts pairs, scores and mutuality together; `layer.rs`
//! chooses the layer when the caller names none.

mod layer;
mod matrix;
mod measure;
mod resolvent;
mod spectral;

pub use layer::dependence_layer;
pub use matrix::{DEPENDENCY_LAYER, DependenceMatrix, DependenceSource, MAX_DENSE_ACTORS};
pub use measure::{
    ActorDependence, DependencePair, Interdependence, InterdependenceConfig, interdependence,
};
pub use resolvent::indirect_dependence;
pub use spectral::{largest_alpha, spectral_radius};

#[cfg(test)]
mod test_support {
    use nalgebra::DMatrix;

    use super::DependenceMatrix;
    use crate::model::ActorId;

    pub(super) fn matrix(n: usize, entries: &[(usize, usize, f64)]) -> DependenceMatrix {
        let mut dense = DMatrix::<f64>::zeros(n, n);
        for &(i, j, x) in entries {
            dense[(i, j)] = x;
        }
        DependenceMatrix::from_dense((0..n).map(ActorId::from_index).collect(), dense).unwrap()
    }

    /// splitmix64, so the random matrices are the same on every run.
    pub(super) fn random_matrix(seed: u64, n: usize, density: f64) -> DMatrix<f64> {
        let mut state = seed;
        let mut next = move || {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
        };
        DMatrix::from_fn(n, n, |i, j| {
            let keep = next() < density;
            let value = next();
            if i != j && keep { value } else { 0.0 }
        })
    }

    #[track_caller]
    pub(super) fn close(actual: f64, expected: f64, what: &str) {
        assert!(
            (actual - expected).abs() <= 1e-10 * expected.abs().max(1.0),
            "{what}: got {actual}, expected {expected}"
        );
    }
}
