//! Homophily and mixing by group: the mixing matrix, Krackhardt & Stern's E-I index per group
//! and overall with a seeded permutation test, and Newman's nominal assortativity.

use rayon::prelude::*;

use super::AnalysisError;
use super::brokerage::Grouping;
use crate::random::SplitMix64;
use crate::view::View;

/// The settings of [`mixing`].
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct MixingConfig {
    /// Count each arc by its weight instead of once.
    pub weighted: bool,
    /// Label permutations of the E-I test; 0: no test.
    pub permutations: usize,
    /// The seed of the permutations.
    pub seed: u64,
}

impl Default for MixingConfig {
    fn default() -> Self {
        MixingConfig { weighted: false, permutations: 1000, seed: 1 }
    }
}

impl MixingConfig {
    /// Weighted or counted arcs.
    pub fn with_weighted(mut self, weighted: bool) -> Self {
        self.weighted = weighted;
        self
    }

    /// With this many permutations (0: no test).
    pub fn with_permutations(mut self, permutations: usize) -> Self {
        self.permutations = permutations;
        self
    }

    /// With this seed.
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }
}

/// One group's ties inside and across its boundary.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct GroupMixing {
    /// Actors in the group.
    pub actors: usize,
    /// Arcs with both ends in the group (weights summed when weighted).
    pub internal: f64,
    /// Arcs with one end in the group, either way.
    pub external: f64,
    /// (external − internal) / (external + internal); `None` without arcs.
    pub ei: Option<f64>,
}

/// The permutation test of the overall E-I index.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct EiTest {
    /// Permutations of the group labels over the actors.
    pub permutations: usize,
    /// Their seed.
    pub seed: u64,
    /// The mean E-I index over the permutations (what group sizes alone would give).
    pub expected: f64,
    /// Share of permutations whose E-I index is at least the observed one.
    pub p_at_least: f64,
    /// Share of permutations whose E-I index is at most the observed one (small: more ties
    /// within groups than chance — homophily).
    pub p_at_most: f64,
}

/// Mixing by group in a view.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Mixing {
    /// The group labels (the grouping's), indexing the rows and columns below.
    pub labels: Vec<String>,
    /// `matrix[a][b]`: arcs from a member of group a to a member of group b (weights summed
    /// when weighted). An undirected tie is two arcs, one each way, as NetworkX's
    /// `attribute_mixing_matrix` counts it.
    pub matrix: Vec<Vec<f64>>,
    /// Each group's internal and external arcs and E-I index, by group id.
    pub groups: Vec<GroupMixing>,
    /// The E-I index of the whole view: (E − I) / (E + I) over all arcs, E between groups and
    /// I within; `None` without arcs.
    pub ei: Option<f64>,
    /// The permutation test of `ei`, when asked for and defined.
    pub test: Option<EiTest>,
    /// Newman's nominal assortativity coefficient r; `None` when undefined (no arcs, or every
    /// arc in one group).
    pub assortativity: Option<f64>,
}

/// The mixing of `grouping`'s groups in `view`.
///
/// With e the mixing matrix divided by its sum, a_i = Σ_j e_ij and b_j = Σ_i e_ij:
/// - E-I index (Krackhardt & Stern 1988): (E − I) / (E + I), E the arcs between groups and I
///   those within; per group g, E counts the arcs with one end in g and I those with both;
///   −1 when every tie stays within groups, +1 when none does. Counting an undirected tie as
///   two arcs doubles E and I alike, so the index is that of the ties.
/// - The permutation test shuffles the group labels over the actors (Fisher–Yates, seeded
///   SplitMix64, permutation k seeded from `seed` and k, so the result is the same at any
///   thread count) and recomputes the overall index: the group sizes and the network stay,
///   only who is in which group changes.
/// - Nominal assortativity (Newman 2003, eq. 2): r = (Σ_i e_ii − Σ_i a_i b_i) / (1 − Σ_i
///   a_i b_i), as NetworkX's `attribute_assortativity_coefficient`.
///
/// # Errors
/// [`AnalysisError::InvalidParameter`] when the grouping does not have one group per node of
/// the view.
///
/// # Complexity
/// O(n + m + g²) for the figures, and O(P (n + m)) for P permutations.
pub fn mixing(
    view: &View,
    grouping: &Grouping,
    config: &MixingConfig,
) -> Result<Mixing, AnalysisError> {
    let n = view.n_nodes();
    if grouping.of_node.len() != n {
        return Err(AnalysisError::InvalidParameter(format!(
            "the grouping has {} nodes, the view {n}",
            grouping.of_node.len()
        )));
    }
    let k = grouping.labels.len();
    let out = view.out_arcs();
    let weight = |node: u32, index: usize| -> f64 {
        if config.weighted { out.weights(node)[index] } else { 1.0 }
    };
    let mut matrix = vec![vec![0.0; k]; k];
    for node in 0..n as u32 {
        let from = grouping.of_node[node as usize] as usize;
        for (index, &to) in out.neighbors(node).iter().enumerate() {
            matrix[from][grouping.of_node[to as usize] as usize] += weight(node, index);
        }
    }
    let mut actors = vec![0usize; k];
    for &group in &grouping.of_node {
        actors[group as usize] += 1;
    }
    let groups = (0..k)
        .map(|g| {
            let internal = matrix[g][g];
            let external: f64 =
                (0..k).filter(|&h| h != g).map(|h| matrix[g][h] + matrix[h][g]).sum();
            GroupMixing { actors: actors[g], internal, external, ei: ei_index(external, internal) }
        })
        .collect();
    let within: f64 = (0..k).map(|g| matrix[g][g]).sum();
    let total: f64 = matrix.iter().flatten().sum();
    let ei = ei_index(total - within, within);
    let test = ei.and_then(|observed| permutation_test(view, grouping, config, observed));
    Ok(Mixing {
        labels: grouping.labels.clone(),
        assortativity: assortativity(&matrix, total),
        matrix,
        groups,
        ei,
        test,
    })
}

/// (external − internal) / (external + internal), `None` when there is nothing to divide.
fn ei_index(external: f64, internal: f64) -> Option<f64> {
    let sum = external + internal;
    (sum > 0.0).then(|| (external - internal) / sum).filter(|x| x.is_finite())
}

/// Newman's r from the mixing matrix and its sum.
fn assortativity(matrix: &[Vec<f64>], total: f64) -> Option<f64> {
    if total <= 0.0 {
        return None;
    }
    let k = matrix.len();
    let trace: f64 = (0..k).map(|g| matrix[g][g] / total).sum();
    let mut expected = 0.0;
    for g in 0..k {
        let a: f64 = matrix[g].iter().sum::<f64>() / total;
        let b: f64 = matrix.iter().map(|row| row[g]).sum::<f64>() / total;
        expected += a * b;
    }
    let denominator = 1.0 - expected;
    (denominator.abs() > 1e-12).then(|| (trace - expected) / denominator).filter(|r| r.is_finite())
}

/// The overall E-I index of each of `config.permutations` label shuffles, against `observed`.
fn permutation_test(
    view: &View,
    grouping: &Grouping,
    config: &MixingConfig,
    observed: f64,
) -> Option<EiTest> {
    if config.permutations == 0 {
        return None;
    }
    let out = view.out_arcs();
    let n = view.n_nodes();
    let values: Vec<f64> = (0..config.permutations)
        .into_par_iter()
        .map(|k| {
            let mut rng =
                SplitMix64::new(config.seed ^ (k as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let mut labels = grouping.of_node.clone();
            for i in (1..n).rev() {
                let j = rng.below(i as u64 + 1) as usize;
                labels.swap(i, j);
            }
            let (mut within, mut total) = (0.0, 0.0);
            for node in 0..n as u32 {
                let from = labels[node as usize];
                for (index, &to) in out.neighbors(node).iter().enumerate() {
                    let w = if config.weighted { out.weights(node)[index] } else { 1.0 };
                    total += w;
                    if labels[to as usize] == from {
                        within += w;
                    }
                }
            }
            ei_index(total - within, within).unwrap_or(0.0)
        })
        .collect();
    // Ties at the observed value, within rounding, count on both sides.
    let tolerance = 1e-12;
    let count = |keep: &dyn Fn(f64) -> bool| values.iter().filter(|&&v| keep(v)).count();
    let p = config.permutations as f64;
    Some(EiTest {
        permutations: config.permutations,
        seed: config.seed,
        expected: values.iter().sum::<f64>() / p,
        p_at_least: count(&|v| v >= observed - tolerance) as f64 / p,
        p_at_most: count(&|v| v <= observed + tolerance) as f64 / p,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Grouping;

    /// Two triangles {0,1,2} and {3,4,5} joined by one tie 2–3, groups = triangles: 6 ties
    /// within, 1 across: E-I = (1 − 6) / 7 (worked by hand); each group: 3 within, 1 out.
    #[test]
    fn two_triangles_worked_by_hand() {
        let ties = [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)];
        let view = View::from_arcs(6, ties.iter().map(|&(a, b)| (a, b, 1.0)), false).unwrap();
        let grouping = Grouping::new(vec![0, 0, 0, 1, 1, 1], vec!["a".into(), "b".into()]).unwrap();
        let result =
            mixing(&view, &grouping, &MixingConfig::default().with_permutations(200)).unwrap();
        assert!((result.ei.unwrap() - (-5.0 / 7.0)).abs() < 1e-12);
        assert_eq!(result.matrix, [[6.0, 1.0], [1.0, 6.0]]);
        let group = &result.groups[0];
        assert_eq!((group.internal, group.external), (6.0, 2.0));
        assert!((group.ei.unwrap() - (2.0 - 6.0) / 8.0).abs() < 1e-12);
        // Newman's r: e = [[6,1],[1,6]]/14, a = b = 1/2: (12/14 − 1/2) / (1 − 1/2) = 5/7.
        assert!((result.assortativity.unwrap() - 5.0 / 7.0).abs() < 1e-12);
        let test = result.test.unwrap();
        assert!(test.expected > result.ei.unwrap());
        assert!(test.p_at_most < 0.2, "{test:?}");
    }
}
