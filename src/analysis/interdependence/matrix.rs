//! The dependence matrix D of a view's nodes (`D[i][j]`: how much i depends on j) and how a
//! layer's ties become dependence ([`DependenceSource`]).

use nalgebra::DMatrix;

use crate::analysis::AnalysisError;
use crate::model::ActorId;
use crate::view::View;

/// The name of the layer whose ties are read as dependence itself (i → j: i depends on j).
pub const DEPENDENCY_LAYER: &str = "dependency";

/// The largest number of actors with a tie in the dependence layer that the dense matrices
/// are built for (a 5,000 × 5,000 matrix of `f64` takes 200 MB; its LU factorization about
/// a minute). Larger selections are refused with advice to narrow them.
pub const MAX_DENSE_ACTORS: usize = 5_000;

/// How the ties of a layer become dependence `D[i][j]` ∈ [0, 1] (how much i depends on j).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DependenceSource {
    /// A `dependency` layer: a tie i → j of (merged) weight w says that i depends on j, by
    /// `D[i][j]` = min(w, 1).
    Dependency,
    /// A resource layer (funding, information, …): i depends on j by the share of i's inflow
    /// that comes from j, `D[i][j]` = w(j → i) / Σ_k w(k → i); 0 for an actor without inflow.
    Inflow,
}

impl DependenceSource {
    /// [`DependenceSource::Dependency`] for a layer named `dependency` (ASCII case ignored),
    /// [`DependenceSource::Inflow`] for any other layer.
    pub fn for_layer(name: &str) -> DependenceSource {
        if name.eq_ignore_ascii_case(DEPENDENCY_LAYER) {
            DependenceSource::Dependency
        } else {
            DependenceSource::Inflow
        }
    }

    /// How D is read from the layer, in words for output.
    pub fn describe(self) -> &'static str {
        match self {
            DependenceSource::Dependency => "D[i][j] = weight of the tie i -> j, clipped to 1",
            DependenceSource::Inflow => "D[i][j] = share of i's inflow that comes from j",
        }
    }
}

/// The dependence matrix D of a view's nodes.
///
/// Stored densely over the *active* nodes — those with a tie in the layer — because a node
/// without one has a zero row and column in D and in T; every accessor still speaks of all
/// nodes.
#[derive(Clone, Debug, PartialEq)]
pub struct DependenceMatrix {
    /// The actor of every node, in node order.
    pub(super) actors: Vec<ActorId>,
    /// The active nodes, ascending.
    pub(super) active: Vec<u32>,
    /// D over the active nodes: entry (p, q) is how much `active[p]` depends on `active[q]`.
    pub(super) dense: DMatrix<f64>,
}

impl DependenceMatrix {
    /// D from the arcs of `view` (normally holding one layer), read as `source` says.
    ///
    /// # Errors
    /// [`AnalysisError::InvalidParameter`] when more than [`MAX_DENSE_ACTORS`] nodes have a
    /// tie in the view.
    ///
    /// # Complexity
    /// O(n + m + k²) time and O(k²) memory for k active nodes.
    pub fn from_view(
        view: &View,
        source: DependenceSource,
    ) -> Result<DependenceMatrix, AnalysisError> {
        let n = view.n_nodes();
        let (out_arcs, in_arcs) = (view.out_arcs(), view.in_arcs());
        let active: Vec<u32> =
            (0..n as u32).filter(|&v| out_arcs.degree(v) > 0 || in_arcs.degree(v) > 0).collect();
        if active.len() > MAX_DENSE_ACTORS {
            return Err(AnalysisError::InvalidParameter(format!(
                "{} actors have a tie in the dependence layer; interdependence builds dense \
                 matrices for at most {MAX_DENSE_ACTORS}: choose a coalition (--coalition) or \
                 fold actors to a level (--level)",
                active.len()
            )));
        }
        let position = positions(n, &active);
        let k = active.len();
        let mut dense = DMatrix::<f64>::zeros(k, k);
        for (p, &i) in active.iter().enumerate() {
            match source {
                DependenceSource::Dependency => {
                    for (&j, &w) in out_arcs.neighbors(i).iter().zip(out_arcs.weights(i)) {
                        dense[(p, position[j as usize] as usize)] = w.min(1.0);
                    }
                }
                DependenceSource::Inflow => {
                    // Sum in row order, so the shares are the same on every run.
                    let inflow: f64 = in_arcs.weights(i).iter().sum::<f64>() + 0.0;
                    if inflow > 0.0 {
                        for (&j, &w) in in_arcs.neighbors(i).iter().zip(in_arcs.weights(i)) {
                            // A sum that overflowed to infinity gives shares of 0, never NaN.
                            let share = (w / inflow).clamp(0.0, 1.0);
                            dense[(p, position[j as usize] as usize)] =
                                if share.is_finite() { share } else { 0.0 };
                        }
                    }
                }
            }
        }
        Ok(DependenceMatrix { actors: view.actors().to_vec(), active, dense })
    }

    /// D given directly: `dense[(i, j)]` is how much `actors[i]` depends on `actors[j]` (for
    /// benchmarks, tests and callers that have their own dependence data).
    ///
    /// # Errors
    /// [`AnalysisError::InvalidParameter`] when the matrix is not square with one row per
    /// actor, when an entry is outside [0, 1] or not finite, when the diagonal is not zero,
    /// or when more than [`MAX_DENSE_ACTORS`] actors have a dependence.
    ///
    /// # Complexity
    /// O(n²).
    pub fn from_dense(
        actors: Vec<ActorId>,
        dense: DMatrix<f64>,
    ) -> Result<DependenceMatrix, AnalysisError> {
        let n = actors.len();
        if dense.nrows() != n || dense.ncols() != n {
            return Err(AnalysisError::InvalidParameter(format!(
                "a dependence matrix for {n} actors must be {n} × {n}, not {} × {}",
                dense.nrows(),
                dense.ncols()
            )));
        }
        let mut row_any = vec![false; n];
        let mut col_any = vec![false; n];
        for (j, column) in dense.column_iter().enumerate() {
            for (i, &x) in column.iter().enumerate() {
                if !(0.0..=1.0).contains(&x) {
                    return Err(AnalysisError::InvalidParameter(format!(
                        "dependence D[{i}][{j}] = {x} is outside [0, 1]"
                    )));
                }
                if x > 0.0 {
                    if i == j {
                        return Err(AnalysisError::InvalidParameter(format!(
                            "dependence D[{i}][{i}] = {x}: an actor cannot depend on itself"
                        )));
                    }
                    row_any[i] = true;
                    col_any[j] = true;
                }
            }
        }
        let active: Vec<u32> =
            (0..n as u32).filter(|&v| row_any[v as usize] || col_any[v as usize]).collect();
        if active.len() > MAX_DENSE_ACTORS {
            return Err(AnalysisError::InvalidParameter(format!(
                "{} actors have a dependence; at most {MAX_DENSE_ACTORS} are supported",
                active.len()
            )));
        }
        let dense = if active.len() == n {
            dense
        } else {
            let keep: Vec<usize> = active.iter().map(|&v| v as usize).collect();
            dense.select_rows(&keep).select_columns(&keep)
        };
        Ok(DependenceMatrix { actors, active, dense })
    }

    /// Number of nodes (active or not).
    pub fn n_nodes(&self) -> usize {
        self.actors.len()
    }

    /// The actor of every node, in node order.
    pub fn actors(&self) -> &[ActorId] {
        &self.actors
    }

    /// The nodes with a dependence (a nonzero row or column of D), ascending: the rows and
    /// columns of [`DependenceMatrix::dense`].
    pub fn active_nodes(&self) -> &[u32] {
        &self.active
    }

    /// D over the active nodes.
    pub fn dense(&self) -> &DMatrix<f64> {
        &self.dense
    }

    /// `D[i][j]` for nodes `i` and `j` (0 when either is not active).
    pub fn get(&self, i: u32, j: u32) -> f64 {
        match (self.active.binary_search(&i), self.active.binary_search(&j)) {
            (Ok(p), Ok(q)) => self.dense[(p, q)],
            _ => 0.0,
        }
    }
}

/// Node → position in `active`, or `u32::MAX`.
pub(super) fn positions(n: usize, active: &[u32]) -> Vec<u32> {
    let mut position = vec![u32::MAX; n];
    for (p, &v) in active.iter().enumerate() {
        position[v as usize] = p as u32;
    }
    position
}

/// Which rows and which columns of `dense` hold a positive entry.
pub(super) fn nonzero_rows_and_columns(dense: &DMatrix<f64>) -> (Vec<bool>, Vec<bool>) {
    let k = dense.nrows();
    let (mut rows, mut cols) = (vec![false; k], vec![false; k]);
    for (j, column) in dense.column_iter().enumerate() {
        for (i, &x) in column.iter().enumerate() {
            if x > 0.0 {
                rows[i] = true;
                cols[j] = true;
            }
        }
    }
    (rows, cols)
}
