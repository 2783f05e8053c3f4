//! Eigenvector centrality on the largest weak component, by shifted power iteration.

use super::{EigenvectorConfig, check_tolerance, not_converged};
use crate::analysis::components::{largest_component, weak_components};
use crate::analysis::error::AnalysisError;
use crate::analysis::kernels;
use crate::view::View;

/// Eigenvector centrality (Bonacich 1972, 1987): a node is central when central nodes tie to
/// it. The dominant left eigenvector of the weighted adjacency matrix,
/// `λ x_v = Σ_{u→v} w_uv x_u` (incoming ties on a directed view), scaled to `‖x‖₂ = 1` with
/// positive entries.
///
/// On a disconnected view the eigenvector is not unique, so it is computed on the largest weak
/// component (ties: the one with the smallest node index) and every other node is `None`. When
/// that component has no directed cycle (a single node, a directed acyclic graph) the dominant
/// eigenvalue is 0 and the measure is undefined: every node is `None`.
///
/// A connected undirected component always has a unique such vector (Perron–Frobenius), also
/// when it is bipartite — a star, say, whose eigenvalues ±√k make plain power iteration on `A`
/// swing between hub and leaves for ever. So it is computed by power iteration on the shifted
/// matrix `A^T + σI` (σ = half the current eigenvalue estimate), which has the same
/// eigenvectors and moves −λ strictly inside λ's circle: stars and near-stars converge, as in
/// NetworkX's `eigenvector_centrality`, which iterates `A + I` for the same reason. It stops
/// when the L1 change between unit-norm iterates is below `tolerance · k` for a component of
/// k nodes, NetworkX's `nnodes * tol`.
///
/// Matches NetworkX 3.x `eigenvector_centrality_numpy(G, weight="weight")` (the dominant
/// eigenvector from ARPACK) on that component, and so `eigenvector_centrality(G,
/// weight="weight")` up to that function's tolerance. NetworkX refuses a directed component
/// that is not strongly connected; there the result here is the limit of the iteration from
/// the uniform vector (zero for nodes no cycle reaches). The result is `None` (undefined) only
/// when the largest component has no cycle (dominant eigenvalue 0) or the iteration does not
/// settle within `max_iterations` (a directed component whose dominant eigenvalue is shared by
/// several cycles).
///
/// # Errors
/// [`AnalysisError::NotConverged`] after `max_iterations` (for instance when two cycles of
/// equal spectral radius are chained on a directed view, where the eigenvalue is defective).
///
/// # Complexity
/// O(m) per iteration; iterations grow with the ratio of the second to the first eigenvalue.
pub fn eigenvector(
    view: &View,
    config: &EigenvectorConfig,
) -> Result<Vec<Option<f64>>, AnalysisError> {
    check_tolerance(config.tolerance)?;
    let n = view.n_nodes();
    let mut result = vec![None; n];
    let members = largest_component(&weak_components(view));
    if members.is_empty() || kernels::is_acyclic(view.out_arcs(), view.in_arcs(), &members, n) {
        return Ok(result);
    }
    let values = kernels::dominant_eigenvector(
        view.in_arcs(),
        &members,
        config.tolerance,
        config.max_iterations,
    )
    .map_err(|d| not_converged("eigenvector", d))?;
    for (&node, value) in members.iter().zip(values) {
        result[node as usize] = Some(value);
    }
    Ok(result)
}
