//! Interdependence (`interdependence`): how much actors depend on each other, directly and
//! through others, who holds the power in each pair, and whether a coalition has "something
//! to gain for everyone" (DESIGN §4.4).
//!
//! The dependence matrix D is built from one layer of a [`View`]; the indirect dependence
//! T = (I − αD)⁻¹ − I is computed with nalgebra, densely, over the actors that have a tie in
//! that layer.

use nalgebra::{DMatrix, DVector};
use rayon::prelude::*;

use super::AnalysisError;
use super::components::strong_component_members;
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
    actors: Vec<ActorId>,
    /// The active nodes, ascending.
    active: Vec<u32>,
    /// D over the active nodes: entry (p, q) is how much `active[p]` depends on `active[q]`.
    dense: DMatrix<f64>,
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

/// Options of [`interdependence`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InterdependenceConfig {
    /// The attenuation α of indirect dependence: a dependence through k − 1 intermediaries
    /// counts α^k. Must be finite, ≥ 0 and keep ρ(αD) < 1 (see [`largest_alpha`]).
    pub alpha: f64,
}

impl Default for InterdependenceConfig {
    fn default() -> Self {
        InterdependenceConfig { alpha: 0.5 }
    }
}

/// The dependence between two actors.
#[derive(Clone, Debug, PartialEq)]
pub struct DependencePair {
    /// The endpoint first in node order (views number nodes by actor id).
    pub a: ActorId,
    /// The other endpoint.
    pub b: ActorId,
    /// `D[a][b]`: how much a depends on b.
    pub d_ab: f64,
    /// `D[b][a]`: how much b depends on a.
    pub d_ba: f64,
    /// MD = `D[a][b]` + `D[b][a]` (Casciaro & Piskorski 2005).
    pub mutual_dependence: f64,
    /// PI = |`D[a][b]` − `D[b][a]`| (Casciaro & Piskorski 2005).
    pub power_imbalance: f64,
    /// The less dependent side, who holds the power (Emerson 1962); `None` when equal.
    pub more_powerful: Option<ActorId>,
}

/// One actor's indirect dependence scores.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorDependence {
    /// The actor.
    pub actor: ActorId,
    /// Σ_j `T[i][j]`: how much the actor depends on the others, directly and through them.
    pub dependence_on_others: f64,
    /// Σ_j `T[j][i]`: how much the others depend on the actor, directly and through others.
    pub depended_on_by: f64,
}

/// The `interdependence` answer for one dependence matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct Interdependence {
    /// The α used.
    pub alpha: f64,
    /// ρ(D), the spectral radius of the dependence matrix (see [`spectral_radius`]).
    pub spectral_radius: f64,
    /// Every pair with `D[a][b]` > 0 or `D[b][a]` > 0, ordered by (a, b) node, a before b.
    pub pairs: Vec<DependencePair>,
    /// One entry per node (active or not), in node order.
    pub actors: Vec<ActorDependence>,
    /// Share of the nodes that both depend on another node and are depended on by one;
    /// `None` for an empty selection.
    pub mutuality: Option<f64>,
}

/// Dependence pairs, indirect dependence scores and mutuality of `d`.
///
/// # Pairs (Emerson 1962; Casciaro & Piskorski 2005)
/// For each pair with any dependence, mutual dependence MD = `D[a][b]` + `D[b][a]` and power
/// imbalance PI = |`D[a][b]` − `D[b][a]`| — R. M. Emerson, "Power-dependence relations", *American
/// Sociological Review* 27(1), 1962: the power of a over b is b's dependence on a, so the less
/// dependent side holds the power; T. Casciaro & M. J. Piskorski, "Power imbalance, mutual
/// dependence, and constraint absorption", *Administrative Science Quarterly* 50(2), 2005,
/// who separate the two dimensions. High MD with low PI is a partnership both sides need;
/// high PI is a one-sided relation (a region that depends on the Rijk's money while the Rijk
/// hardly depends on the region).
///
/// # Indirect dependence
/// T = (I − αD)⁻¹ − I = Σ_{k ≥ 1} (αD)^k: i depends on j directly (k = 1) and through chains
/// of intermediaries, each extra step attenuated by α — Katz's (1953) "A new status index
/// derived from sociometric analysis", *Psychometrika* 18(1), applied to dependence. The
/// series converges exactly when the spectral radius ρ(αD) < 1, i.e. α < 1/ρ(D).
/// dependence_on_others(i) = Σ_j `T[i][j]` (row sums: how exposed i is) and depended_on_by(i) =
/// Σ_j `T[j][i]` (column sums: how much the coalition leans on i). Entries are ≥ 0; tiny
/// negative rounding is clipped to 0, and an actor with no dependence at all gets exactly 0.
///
/// The two sums are x − 1 and y − 1 for x = (I − αD)⁻¹ 1 and y = (I − αDᵀ)⁻¹ 1. For more
/// than 256 active nodes they are first summed as the Neumann series above, with a
/// certified stopping rule: when the next term v_{k+1} ≤ r v_k componentwise with r < 1, every
/// later term is at most r times the one before (D ≥ 0 is monotone), so the rest of the
/// series is at most r/(1 − r) · v_{k+1}; the sum stops when that bound is below 1e-14 of
/// every entry. Each term of both series costs one sweep over D (parallel over fixed chunks
/// of columns, added up in chunk order, so the result is the same at any thread count). If
/// the rule has not stopped the series within k/6 terms (about the cost of an LU
/// factorization; it is not tried when ρ(αD) = q says it needs more, ln(1e-14 (1 − q)) / ln q
/// terms) — and always for smaller selections — x and y come from one nalgebra LU
/// factorization of I − αD with partial pivoting (`y` by triangular solves with the
/// transposed factors). On a dense 2,000-actor matrix with ρ(αD) = 0.5 the series needs
/// about 47 sweeps, a tenth of the LU's time (see `benches/interdependence.rs`).
///
/// # Mutuality
/// The share of the view's nodes (a coalition's members with `--coalition`) that both
/// depend on another node (a nonzero row of D) and are depended on by one (a nonzero
/// column): the DOMAIN's "something to gain for everyone". 1 means every member needs others
/// and is needed; members without any tie count as neither.
///
/// # Errors
/// [`AnalysisError::InvalidParameter`] when α is negative or not finite, when α·ρ(D) ≥ 1
/// (the message gives the largest α that works), or when I − αD turns out not to be a
/// nonsingular M-matrix numerically (α within rounding of 1/ρ(D)).
///
/// # Complexity
/// O(k²) per power-iteration step for ρ(D) and per Neumann term, O(k³) for the LU
/// factorization when it is needed, and O(k²) for the pairs, k the active nodes.
///
/// Numbers: T's row and column sums match numpy's `inv(I − αD) − I` in the oracle (`tests/oracle/generate.py`, graph `multilayer_dependence`).
pub fn interdependence(
    d: &DependenceMatrix,
    config: &InterdependenceConfig,
) -> Result<Interdependence, AnalysisError> {
    let alpha = config.alpha;
    let rho = checked_radius(d, alpha)?;
    let k = d.active.len();
    let (row_sums, col_sums) = resolvent_sums(&d.dense, alpha, Method::Auto(alpha * rho))?;

    let mut actors: Vec<ActorDependence> = d
        .actors
        .iter()
        .map(|&actor| ActorDependence { actor, dependence_on_others: 0.0, depended_on_by: 0.0 })
        .collect();
    for (p, &node) in d.active.iter().enumerate() {
        actors[node as usize].dependence_on_others = row_sums[p];
        actors[node as usize].depended_on_by = col_sums[p];
    }

    // Pairs, reading D column by column: column p of D holds D[q][p], column p of Dᵀ holds
    // D[p][q]; both are contiguous.
    let transposed = d.dense.transpose();
    // Every pair holds at least one positive entry of D, and there are k(k − 1)/2 pairs.
    let nnz = d.dense.as_slice().iter().filter(|&&x| x > 0.0).count();
    let mut pairs = Vec::with_capacity(nnz.min(k * k.saturating_sub(1) / 2));
    for p in 0..k {
        let (depends_on_p, p_depends_on) = (d.dense.column(p), transposed.column(p));
        for q in p + 1..k {
            let (d_ab, d_ba) = (p_depends_on[q], depends_on_p[q]);
            if d_ab > 0.0 || d_ba > 0.0 {
                let (a, b) = (d.actors[d.active[p] as usize], d.actors[d.active[q] as usize]);
                pairs.push(DependencePair {
                    a,
                    b,
                    d_ab,
                    d_ba,
                    mutual_dependence: d_ab + d_ba,
                    power_imbalance: (d_ab - d_ba).abs(),
                    more_powerful: match d_ab.partial_cmp(&d_ba) {
                        Some(std::cmp::Ordering::Less) => Some(a),
                        Some(std::cmp::Ordering::Greater) => Some(b),
                        _ => None,
                    },
                });
            }
        }
    }

    let (depends, depended) = nonzero_rows_and_columns(&d.dense);
    let mutual = (0..k).filter(|&p| depends[p] && depended[p]).count();
    let mutuality = (d.n_nodes() > 0).then(|| mutual as f64 / d.n_nodes() as f64);
    Ok(Interdependence { alpha, spectral_radius: rho, pairs, actors, mutuality })
}

/// The full indirect dependence T = (I − αD)⁻¹ − I over the active nodes of `d` (rows and
/// columns in [`DependenceMatrix::active_nodes`] order), by nalgebra's dense LU inverse.
/// [`interdependence`] needs only T's row and column sums and computes them without the
/// inverse; this is for callers that want T itself.
///
/// # Errors
/// As [`interdependence`].
///
/// # Complexity
/// O(k³) time, O(k²) memory.
///
/// Numbers: matches numpy's `inv(I − αD) − I` (Katz 1953's attenuated path sum) in the oracle, tolerance 1e-9.
pub fn indirect_dependence(
    d: &DependenceMatrix,
    alpha: f64,
) -> Result<DMatrix<f64>, AnalysisError> {
    checked_radius(d, alpha)?;
    let k = d.active.len();
    if k == 0 {
        return Ok(DMatrix::zeros(0, 0));
    }
    let system = DMatrix::<f64>::identity(k, k) - d.dense.scale(alpha);
    let inverse = system.lu().try_inverse().ok_or_else(|| not_m_matrix(alpha))?;
    Ok(inverse - DMatrix::<f64>::identity(k, k))
}

/// ρ(D), the spectral radius of the dependence matrix: its Perron root, since D ≥ 0.
///
/// Computed exactly up to rounding, and cheaply:
/// 1. D's nonzero pattern is split into strongly connected components (Tarjan, iterative).
///    Ordering the nodes by component makes D block-triangular (its Frobenius normal form),
///    so ρ(D) is the largest ρ of the irreducible diagonal blocks; a single-node block is 0
///    (D has a zero diagonal), so a dependence structure without cycles has ρ(D) = 0.
/// 2. On each irreducible block B, a power iteration on B + I (irreducible with a positive
///    diagonal, hence primitive, so it converges from the all-ones vector) keeps x > 0 and
///    brackets ρ(B) by the Collatz–Wielandt bounds min_i (Bx)_i / x_i ≤ ρ(B) ≤
///    max_i (Bx)_i / x_i (e.g. C. D. Meyer, *Matrix Analysis and Applied Linear Algebra*,
///    2000, §8.3). It stops when the bracket is narrower than 1e-13 of ρ — a few dozen steps
///    on the dense matrices of practice, and immediately when all row sums are equal.
/// 3. When the bracket does not close within about the work of one LU factorization of the
///    block (nearly periodic blocks, such as long dependence cycles, mix slowly), Noda's
///    inverse iteration takes over from the current vector, with dense nalgebra LU solves of
///    (sI − B) y = x and the shift s moved to the upper bound each step; it converges
///    superlinearly on any irreducible non-negative matrix, usually in under ten steps.
///    (nalgebra's Schur decomposition is not used: its QR iteration does not converge on
///    cyclic permutation-like matrices, exactly the slow case.)
///
/// # Complexity
/// O(k²) to read the pattern and O(nnz) per power step; O(b³) per Noda step for a block of
/// b nodes that needs it.
///
/// Numbers: matches numpy's largest eigenvalue modulus in the oracle (`multilayer_dependence`).
pub fn spectral_radius(d: &DependenceMatrix) -> f64 {
    perron_root(&d.dense)
}

/// The supremum of the α that [`interdependence`] accepts: 1/ρ(D); `None` when ρ(D) = 0 (no
/// dependence cycle), where every finite α works.
pub fn largest_alpha(d: &DependenceMatrix) -> Option<f64> {
    let rho = spectral_radius(d);
    (rho > 0.0).then(|| 1.0 / rho)
}

/// Layer overlap: the share of tied pairs of nodes that are tied in at least two of the
/// layers, one [`View`] per layer (direction ignored; a pair is tied in a layer when an arc
/// joins it either way).
///
/// The share of multiplex ties, after L. M. Verbrugge, "Multiplexity in adult friendships",
/// *Social Forces* 57(4), 1979. Many pairs tied in several layers (funding *and* information
/// *and* collaboration) mean multiplex, thick relationships — the kind that sustains
/// interdependence; an overlap near 0 means every relation is single-stranded. `None` when no
/// pair is tied in any layer.
///
/// # Errors
/// [`AnalysisError::InvalidParameter`] when the views do not have the same number of nodes
/// or a layer comes twice.
///
/// # Complexity
/// O(M log M) for M arcs over all views.
///
/// Numbers: no library computes this share; it is checked against hand-worked cases in `tests/interdependence.rs`.
pub fn layer_overlap(views: &[View]) -> Result<Option<f64>, AnalysisError> {
    let mut seen = Vec::new();
    for view in views {
        if view.n_nodes() != views[0].n_nodes() {
            return Err(AnalysisError::InvalidParameter(
                "layer overlap needs views of the same nodes".to_owned(),
            ));
        }
        for layer in view.layers() {
            if seen.contains(layer) {
                return Err(AnalysisError::InvalidParameter(format!(
                    "layer {layer} is chosen twice; choose each layer once"
                )));
            }
            seen.push(*layer);
        }
    }
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for view in views {
        let mut own: Vec<(u32, u32)> = Vec::with_capacity(view.n_arcs());
        for u in 0..view.n_nodes() as u32 {
            for &v in view.out_arcs().neighbors(u) {
                own.push((u.min(v), u.max(v)));
            }
        }
        own.sort_unstable();
        own.dedup();
        pairs.extend(own);
    }
    pairs.sort_unstable();
    let (mut tied, mut multiple) = (0usize, 0usize);
    let mut start = 0;
    while start < pairs.len() {
        let run = pairs[start..].iter().take_while(|&&p| p == pairs[start]).count();
        tied += 1;
        if run >= 2 {
            multiple += 1;
        }
        start += run;
    }
    Ok((tied > 0).then(|| multiple as f64 / tied as f64))
}

/// Below this many active nodes the LU factorization is used directly: it takes milliseconds.
const NEUMANN_FROM: usize = 256;

/// Relative width at which the Collatz–Wielandt bracket of ρ counts as closed.
const BRACKET_TOLERANCE: f64 = 1e-13;

/// Relative size of the bounded rest of the Neumann series at which it stops.
const SERIES_TOLERANCE: f64 = 1e-14;

/// The message for an α that ρ(αD) ≥ 1 makes impossible.
pub(crate) fn alpha_too_large(alpha: f64, rho: f64) -> String {
    format!(
        "α·ρ(D) = {} ≥ 1 (ρ(D) = {}), so T = (I − αD)⁻¹ − I does not converge; α must be below {}",
        significant(alpha * rho),
        significant(rho),
        significant_below(1.0 / rho)
    )
}

/// A number with at most 10 significant digits, without trailing zeros: 1/ρ for the message
/// (`0.5773502692`, `1`, `2.5`).
/// `x` (positive) cut, not rounded, to ten significant digits: a limit shown this way is never
/// above the true one, so a value below the shown limit really is below it.
fn significant_below(x: f64) -> String {
    if !x.is_finite() || x <= 0.0 {
        return significant(x);
    }
    let digits = (9 - x.log10().floor() as i32).clamp(0, 17);
    let scale = 10f64.powi(digits);
    let mut cut = (x * scale).floor() / scale;
    if cut > x {
        cut = ((x * scale).floor() - 1.0) / scale;
    }
    significant(cut)
}

pub(crate) fn significant(x: f64) -> String {
    if !x.is_finite() || x == 0.0 {
        return format!("{x}");
    }
    let digits = (9 - x.abs().log10().floor() as i32).clamp(0, 17) as usize;
    let text = format!("{x:.digits$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

fn not_m_matrix(alpha: f64) -> AnalysisError {
    AnalysisError::InvalidParameter(format!(
        "α = {alpha} is within rounding of 1/ρ(D): I − αD is numerically singular; choose a \
         smaller α"
    ))
}

/// Checks α and returns ρ(D).
fn checked_radius(d: &DependenceMatrix, alpha: f64) -> Result<f64, AnalysisError> {
    if !alpha.is_finite() || alpha < 0.0 {
        return Err(AnalysisError::InvalidParameter(format!(
            "α = {alpha}: α must be a finite number ≥ 0"
        )));
    }
    let rho = spectral_radius(d);
    if alpha * rho >= 1.0 {
        return Err(AnalysisError::InvalidParameter(alpha_too_large(alpha, rho)));
    }
    Ok(rho)
}

/// Node → position in `active`, or `u32::MAX`.
fn positions(n: usize, active: &[u32]) -> Vec<u32> {
    let mut position = vec![u32::MAX; n];
    for (p, &v) in active.iter().enumerate() {
        position[v as usize] = p as u32;
    }
    position
}

/// Which rows and which columns of `dense` hold a positive entry.
fn nonzero_rows_and_columns(dense: &DMatrix<f64>) -> (Vec<bool>, Vec<bool>) {
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

/// How [`resolvent_sums`] solves.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(not(test), allow(dead_code))] // `Neumann` is forced only by tests.
enum Method {
    /// The Neumann series for large matrices when ρ(αD) (given) lets it settle in time, LU
    /// otherwise.
    Auto(f64),
    /// LU only.
    Lu,
    /// The Neumann series only, with at most this many terms.
    Neumann(usize),
}

/// Row and column sums of T = (I − αD)⁻¹ − I: (x − 1, y − 1) with x = (I − αD)⁻¹ 1 and
/// y = (I − αDᵀ)⁻¹ 1, clipped at 0, and exactly 0 for zero rows (columns) of D.
fn resolvent_sums(
    dense: &DMatrix<f64>,
    alpha: f64,
    method: Method,
) -> Result<(Vec<f64>, Vec<f64>), AnalysisError> {
    let k = dense.nrows();
    if k == 0 {
        // nalgebra's solvers assert on empty systems.
        return Ok((Vec::new(), Vec::new()));
    }
    let (rows, cols) = match method {
        Method::Auto(q) if k >= NEUMANN_FROM && expected_terms(q) <= neumann_budget(k) => {
            match neumann_sums(dense, alpha, neumann_budget(k)) {
                Some(sums) => sums,
                None => lu_sums(dense, alpha)?,
            }
        }
        Method::Auto(_) | Method::Lu => lu_sums(dense, alpha)?,
        Method::Neumann(terms) => neumann_sums(dense, alpha, terms).ok_or_else(|| {
            AnalysisError::InvalidParameter(format!(
                "the Neumann series did not settle within {terms} terms"
            ))
        })?,
    };
    let (depends, depended) = nonzero_rows_and_columns(dense);
    let clean = |sums: Vec<f64>, nonzero: &[bool]| -> Vec<f64> {
        sums.into_iter()
            .zip(nonzero)
            .map(|(s, &any)| if any { s.max(0.0) + 0.0 } else { 0.0 })
            .collect()
    };
    Ok((clean(rows, &depends), clean(cols, &depended)))
}

/// Sweeps the Neumann series may take before LU is cheaper: an LU factorization costs about
/// k³/3 multiply-adds, a sweep of both series 2k².
fn neumann_budget(k: usize) -> usize {
    (k / 6).max(16)
}

/// Terms the series needs once its ratio has settled at q = ρ(αD): the rest after term t is
/// about q^t / (1 − q), which must fall below the tolerance.
fn expected_terms(q: f64) -> usize {
    if q <= 0.0 {
        return 1;
    }
    let terms = (SERIES_TOLERANCE * (1.0 - q)).ln() / q.ln();
    if terms.is_finite() { terms.ceil().max(1.0) as usize } else { usize::MAX }
}

/// The two sums by the Neumann series Σ_{k≥1} (αD)^k 1 and Σ_{k≥1} (αDᵀ)^k 1, or `None` when
/// either has not provably converged within `max_terms` terms.
///
/// Both series advance in one sweep over D per term: column j of D (contiguous in nalgebra's
/// column-major storage) adds α D[·][j] v_j to the next row-side term and gives the next
/// column-side entry α D[·][j] · u. The sweep is bound by reading D from memory, so sharing it
/// halves the time.
fn neumann_sums(
    dense: &DMatrix<f64>,
    alpha: f64,
    max_terms: usize,
) -> Option<(Vec<f64>, Vec<f64>)> {
    let k = dense.nrows();
    if k == 0 {
        return Some((Vec::new(), Vec::new()));
    }
    let data = dense.as_slice();
    let (mut rows, mut cols) = (Series::new(k), Series::new(k));
    for _ in 0..max_terms {
        let (rows_open, cols_open) = (!rows.done, !cols.done);
        // Fixed chunks of columns, in parallel; each gives its share of the row-side term and
        // its slice of the column-side term, added up in chunk order — the same at any thread
        // count.
        let (row_term, col_term) = (&rows.term, &cols.term);
        let parts: Vec<(Vec<f64>, Vec<f64>)> = data
            .par_chunks(k * SWEEP_COLUMNS)
            .enumerate()
            .map(|(chunk, columns)| {
                let first = chunk * SWEEP_COLUMNS;
                let mut row_part = if rows_open { vec![0.0; k] } else { Vec::new() };
                let mut col_part = Vec::with_capacity(if cols_open { SWEEP_COLUMNS } else { 0 });
                for (offset, column) in columns.chunks_exact(k).enumerate() {
                    let v = alpha * row_term[first + offset];
                    if rows_open && v != 0.0 {
                        for (next, &d) in row_part.iter_mut().zip(column) {
                            *next += d * v;
                        }
                    }
                    if cols_open {
                        col_part.push(alpha * dot(column, col_term) + 0.0);
                    }
                }
                (row_part, col_part)
            })
            .collect();
        if rows_open {
            rows.next.iter_mut().for_each(|x| *x = 0.0);
            for (row_part, _) in &parts {
                for (next, &x) in rows.next.iter_mut().zip(row_part) {
                    *next += x;
                }
            }
            rows.settle();
        }
        if cols_open {
            let mut at = 0;
            for (_, col_part) in &parts {
                cols.next[at..at + col_part.len()].copy_from_slice(col_part);
                at += col_part.len();
            }
            cols.settle();
        }
        if rows.done && cols.done {
            return Some((rows.sum, cols.sum));
        }
    }
    None
}

/// Columns per parallel chunk of a Neumann sweep (fixed, so sums do not depend on threads).
const SWEEP_COLUMNS: usize = 64;

/// Σ a_i b_i with eight running sums, so the compiler can vectorize it (a single running sum
/// is one long chain of dependent additions); the order is fixed, so results are reproducible.
fn dot(a: &[f64], b: &[f64]) -> f64 {
    let mut lanes = [0.0f64; 8];
    let (a_chunks, b_chunks) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f64 =
        a_chunks.remainder().iter().zip(b_chunks.remainder()).map(|(&x, &y)| x * y).sum();
    for (x, y) in a_chunks.zip(b_chunks) {
        for lane in 0..8 {
            lanes[lane] += x[lane] * y[lane];
        }
    }
    let quads =
        [lanes[0] + lanes[4], lanes[1] + lanes[5], lanes[2] + lanes[6], lanes[3] + lanes[7]];
    (quads[0] + quads[2]) + (quads[1] + quads[3]) + tail
}

/// One Neumann series Σ_{k≥1} M^k 1 of a non-negative M in progress: the current term v_k, the
/// next one (filled by the caller), the partial sum.
struct Series {
    term: Vec<f64>,
    next: Vec<f64>,
    sum: Vec<f64>,
    done: bool,
}

impl Series {
    fn new(k: usize) -> Series {
        Series { term: vec![1.0; k], next: vec![0.0; k], sum: vec![0.0; k], done: false }
    }

    /// Adds the next term and decides whether the rest is provably negligible (see
    /// [`interdependence`]): with r = max_i next_i / term_i < 1, every later term is at most
    /// r times the one before, so the rest is at most r / (1 − r) · next.
    fn settle(&mut self) {
        let mut ratio: f64 = 0.0;
        let mut all_zero = true;
        for ((sum, &x), &t) in self.sum.iter_mut().zip(&self.next).zip(&self.term) {
            *sum += x;
            if x > 0.0 {
                all_zero = false;
                // A walk of length k + 1 from i extends one of length k, so next_i > 0
                // implies term_i > 0 (up to underflow, which voids the certificate).
                ratio = if t > 0.0 { ratio.max(x / t) } else { f64::INFINITY };
            }
        }
        if all_zero {
            // Nilpotent: the series ended exactly.
            self.done = true;
        } else if ratio < 1.0 {
            let factor = ratio / (1.0 - ratio);
            self.done =
                self.next.iter().zip(&self.sum).all(|(&x, &s)| x * factor <= SERIES_TOLERANCE * s);
        }
        std::mem::swap(&mut self.term, &mut self.next);
    }
}

/// The two sums from one LU factorization P(I − αD) = LU: x by `solve`, and y from
/// (I − αD)ᵀ = Uᵀ Lᵀ P by Uᵀ z = 1, Lᵀ w = z, y = Pᵀ w.
///
/// A Z-matrix A (off-diagonal ≤ 0, as I − αD is) with A x = 1 for some x > 0 is a nonsingular
/// M-matrix, which is exactly ρ(αD) < 1 (Berman & Plemmons, *Nonnegative Matrices in the
/// Mathematical Sciences*, 1994, ch. 6); so x > 0 and y > 0 are checked as a certificate.
fn lu_sums(dense: &DMatrix<f64>, alpha: f64) -> Result<(Vec<f64>, Vec<f64>), AnalysisError> {
    let k = dense.nrows();
    let system = DMatrix::<f64>::identity(k, k) - dense.scale(alpha);
    let lu = system.lu();
    let ones = DVector::<f64>::from_element(k, 1.0);
    let x = lu.solve(&ones).ok_or_else(|| not_m_matrix(alpha))?;
    let mut y = ones;
    if !lu.u().tr_solve_upper_triangular_mut(&mut y) {
        return Err(not_m_matrix(alpha));
    }
    let _ = lu.l().tr_solve_lower_triangular_mut(&mut y);
    lu.p().inv_permute_rows(&mut y);
    let certified = |v: &DVector<f64>| v.iter().all(|&e| e.is_finite() && e > 0.0);
    if !certified(&x) || !certified(&y) {
        return Err(not_m_matrix(alpha));
    }
    Ok((x.iter().map(|e| e - 1.0).collect(), y.iter().map(|e| e - 1.0).collect()))
}

/// ρ of a non-negative square matrix (see [`spectral_radius`]).
fn perron_root(dense: &DMatrix<f64>) -> f64 {
    let k = dense.nrows();
    let nnz = dense.as_slice().iter().filter(|&&x| x > 0.0).count();
    if k >= 2 && nnz == k * (k - 1) {
        // Every off-diagonal entry is positive: irreducible, one block, no search needed.
        return block_radius(dense, nnz);
    }
    // The pattern column by column (contiguous in nalgebra's column-major storage): for each
    // column j, the rows i with D[i][j] > 0 — the arcs j → i of the reversed graph, which has
    // the same strong components.
    let mut offsets = Vec::with_capacity(k + 1);
    let mut rows: Vec<u32> = Vec::with_capacity(nnz);
    offsets.push(0usize);
    for column in dense.column_iter() {
        rows.extend(column.iter().enumerate().filter(|(_, x)| **x > 0.0).map(|(i, _)| i as u32));
        offsets.push(rows.len());
    }
    let components = strong_component_members(k, &offsets, &rows);
    let mut rho: f64 = 0.0;
    for members in components.iter().filter(|c| c.len() >= 2) {
        let owned;
        let block = if members.len() == k {
            dense
        } else {
            let at = |p: usize| members[p] as usize;
            owned =
                DMatrix::<f64>::from_fn(members.len(), members.len(), |p, q| dense[(at(p), at(q))]);
            &owned
        };
        let block_nnz = block.as_slice().iter().filter(|&&x| x > 0.0).count();
        rho = rho.max(block_radius(block, block_nnz));
    }
    rho
}

/// ρ of an irreducible block with `nnz` positive entries (see [`spectral_radius`]).
fn block_radius(block: &DMatrix<f64>, nnz: usize) -> f64 {
    let b = block.nrows();
    // Sparse blocks (long cycles and chains) step through their entries; dense ones sweep
    // their columns.
    let sparse = nnz.saturating_mul(4) < b * b;
    let mut offsets = Vec::new();
    let mut entries: Vec<(u32, f64)> = Vec::new();
    if sparse {
        offsets.reserve(b + 1);
        entries.reserve(nnz);
        offsets.push(0usize);
        for column in block.column_iter() {
            let positive = column.iter().enumerate().filter(|(_, x)| **x > 0.0);
            entries.extend(positive.map(|(i, &x)| (i as u32, x)));
            offsets.push(entries.len());
        }
    }
    // Power iteration on B + I with Collatz–Wielandt bounds, for about the work of one LU
    // factorization of the block.
    let step_cost = if sparse { nnz } else { b * b };
    let work = (b as f64).powi(3) / 3.0 / step_cost.max(1) as f64;
    let max_steps = work.clamp(50.0, 10_000.0) as usize;
    let mut x = vec![1.0; b];
    let mut y = vec![0.0; b];
    let mut upper = f64::INFINITY;
    for _ in 0..max_steps {
        y.iter_mut().for_each(|e| *e = 0.0);
        if sparse {
            for (q, &xq) in x.iter().enumerate() {
                for &(p, value) in &entries[offsets[q]..offsets[q + 1]] {
                    y[p as usize] += value * xq;
                }
            }
        } else {
            for (column, &xq) in block.as_slice().chunks_exact(b).zip(&x) {
                for (yi, &value) in y.iter_mut().zip(column) {
                    *yi += value * xq;
                }
            }
        }
        let (mut lo, mut hi) = (f64::INFINITY, 0.0f64);
        for (&yi, &xi) in y.iter().zip(&x) {
            let ratio = yi / xi;
            lo = lo.min(ratio);
            hi = hi.max(ratio);
        }
        upper = upper.min(hi);
        if hi - lo <= BRACKET_TOLERANCE * hi {
            return 0.5 * (lo + hi);
        }
        let scale = y.iter().zip(&x).map(|(&yi, &xi)| yi + xi).fold(0.0, f64::max);
        if !(scale.is_finite() && scale > 0.0) {
            return upper;
        }
        for (xi, &yi) in x.iter_mut().zip(&y) {
            *xi = (yi + *xi) / scale;
        }
    }
    // A slowly mixing block (nearly periodic, such as a long dependence cycle): Noda's (1971)
    // inverse iteration with the upper bound as shift, which converges superlinearly on any
    // irreducible non-negative matrix.
    noda(block, DVector::from_vec(x), upper)
}

/// Noda's iteration (T. Noda, "Note on the computation of the maximal eigenvalue of a
/// non-negative irreducible matrix", *Numerische Mathematik* 17, 1971) from x > 0 and a shift
/// s ≥ ρ(B): solve (sI − B) y = x, whose solution is > 0 because (sI − B)⁻¹ > 0; the
/// Collatz–Wielandt bounds of y are s − max_i x_i / y_i ≤ ρ ≤ s − min_i x_i / y_i, and the
/// upper one is the next shift. Returns the closed bracket's midpoint, or the last upper
/// bound when the bracket does not close (which errs on the side of refusing α).
fn noda(block: &DMatrix<f64>, mut x: DVector<f64>, mut shift: f64) -> f64 {
    let b = block.nrows();
    for _ in 0..100 {
        let system = DMatrix::<f64>::identity(b, b).scale(shift) - block;
        let Some(y) = system.lu().solve(&x) else {
            // sI − B is singular: s is an eigenvalue, and being ≥ ρ it is ρ.
            return shift;
        };
        if !y.iter().all(|&e| e.is_finite() && e > 0.0) {
            return shift;
        }
        let (mut smallest, mut largest) = (f64::INFINITY, 0.0f64);
        for (&xi, &yi) in x.iter().zip(y.iter()) {
            smallest = smallest.min(xi / yi);
            largest = largest.max(xi / yi);
        }
        let (lo, hi) = (shift - largest, shift - smallest);
        if hi - lo <= BRACKET_TOLERANCE * hi.abs() {
            return 0.5 * (lo + hi);
        }
        shift = hi.min(shift);
        let norm = y.max();
        x = y / norm;
    }
    shift
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(n: usize, entries: &[(usize, usize, f64)]) -> DependenceMatrix {
        let mut dense = DMatrix::<f64>::zeros(n, n);
        for &(i, j, x) in entries {
            dense[(i, j)] = x;
        }
        DependenceMatrix::from_dense((0..n).map(ActorId::from_index).collect(), dense).unwrap()
    }

    /// splitmix64, so the random matrices are the same on every run.
    fn random_matrix(seed: u64, n: usize, density: f64) -> DMatrix<f64> {
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
    fn close(actual: f64, expected: f64, what: &str) {
        assert!(
            (actual - expected).abs() <= 1e-10 * expected.abs().max(1.0),
            "{what}: got {actual}, expected {expected}"
        );
    }

    #[test]
    fn spectral_radius_of_cycles_chains_and_blocks() {
        // A chain has no cycle: ρ = 0, every α works.
        let chain = matrix(3, &[(0, 1, 1.0), (1, 2, 1.0)]);
        assert_eq!(spectral_radius(&chain), 0.0);
        assert_eq!(largest_alpha(&chain), None);
        // A 3-cycle of weight 1 is a permutation matrix: ρ = 1 (eigenvalues the cube roots of 1).
        let cycle = matrix(3, &[(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0)]);
        close(spectral_radius(&cycle), 1.0, "3-cycle");
        // A 2-cycle of 0.5 and 0.8: ρ = √(0.5 · 0.8) = √0.4.
        let pair = matrix(2, &[(0, 1, 0.5), (1, 0, 0.8)]);
        close(spectral_radius(&pair), 0.4f64.sqrt(), "2-cycle");
        // Two blocks joined one way: ρ is the larger block's.
        let blocks = matrix(
            5,
            &[(0, 1, 0.5), (1, 0, 0.5), (1, 2, 1.0), (2, 3, 0.9), (3, 4, 0.9), (4, 2, 0.9)],
        );
        close(spectral_radius(&blocks), 0.9, "blocks");
        // A long cycle with uneven weights mixes slowly under the power iteration and takes
        // Noda's iteration: ρ = (0.5 · 0.8)^(n/2 / n) = √0.4.
        for n in [120, 400] {
            let long: Vec<(usize, usize, f64)> =
                (0..n).map(|i| (i, (i + 1) % n, if i % 2 == 0 { 0.5 } else { 0.8 })).collect();
            close(spectral_radius(&matrix(n, &long)), 0.4f64.sqrt(), "long cycle");
        }
        // Two dense clusters joined by one weak tie each way: a small spectral gap.
        let mut clusters = Vec::new();
        for base in [0, 20] {
            for i in 0..20 {
                for j in 0..20 {
                    if i != j {
                        clusters.push((base + i, base + j, 0.05));
                    }
                }
            }
        }
        clusters.extend([(0, 20, 1e-6), (20, 0, 1e-6)]);
        let d = matrix(40, &clusters);
        let expected = d.dense().complex_eigenvalues().iter().map(|z| z.norm()).fold(0.0, f64::max);
        close(spectral_radius(&d), expected, "clusters");
    }

    #[test]
    fn spectral_radius_matches_the_eigenvalues_on_random_matrices() {
        for seed in 0..8 {
            let dense = random_matrix(seed, 30, 0.15);
            let expected = dense.complex_eigenvalues().iter().map(|z| z.norm()).fold(0.0, f64::max);
            let d = DependenceMatrix::from_dense((0..30).map(ActorId::from_index).collect(), dense)
                .unwrap();
            close(spectral_radius(&d), expected, &format!("seed {seed}"));
        }
    }

    #[test]
    fn lu_and_neumann_give_the_row_and_column_sums_of_the_inverse() {
        for (seed, density) in [(1, 0.05), (2, 0.3), (3, 1.0)] {
            let n = 40;
            let mut dense = random_matrix(seed, n, density);
            // Scale rows to sum ≤ 1, as inflow shares do.
            for i in 0..n {
                let total: f64 = dense.row(i).sum();
                if total > 0.0 {
                    dense.row_mut(i).scale_mut(1.0 / total);
                }
            }
            let alpha = 0.8;
            let t = (DMatrix::<f64>::identity(n, n) - dense.scale(alpha)).try_inverse().unwrap()
                - DMatrix::<f64>::identity(n, n);
            let (lu_rows, lu_cols) = resolvent_sums(&dense, alpha, Method::Lu).unwrap();
            let (ns_rows, ns_cols) =
                resolvent_sums(&dense, alpha, Method::Neumann(10_000)).unwrap();
            for i in 0..n {
                let (row, col) = (t.row(i).sum(), t.column(i).sum());
                close(lu_rows[i], row, "LU row sum");
                close(lu_cols[i], col, "LU column sum");
                close(ns_rows[i], row, "Neumann row sum");
                close(ns_cols[i], col, "Neumann column sum");
            }
        }
        // Too few terms: no certificate, no answer.
        let dense = random_matrix(4, 20, 1.0).scale(0.05);
        assert!(resolvent_sums(&dense, 0.9, Method::Neumann(2)).is_err());
    }

    #[test]
    fn the_series_is_tried_only_when_it_settles_before_lu_would_finish() {
        // q^t / (1 − q) ≤ 1e-14: t = ln(0.5e-14) / ln 0.5 = 47.5 → 48 terms at q = 0.5.
        assert_eq!(expected_terms(0.5), 48);
        assert_eq!(expected_terms(0.0), 1);
        assert!(expected_terms(0.99) > neumann_budget(2_000));
        assert!(expected_terms(0.9) <= neumann_budget(2_000));
    }

    #[test]
    fn neumann_sums_are_the_same_at_any_thread_count() {
        let n = 300;
        let dense = random_matrix(9, n, 0.5).scale(1.0 / n as f64);
        let run = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap()
                .install(|| resolvent_sums(&dense, 0.9, Method::Neumann(10_000)).unwrap())
        };
        let (one, two, three) = (run(1), run(2), run(3));
        assert!(one == two && two == three, "sums differ between thread counts");
        // And they agree with LU.
        let (rows, cols) = resolvent_sums(&dense, 0.9, Method::Lu).unwrap();
        for i in 0..n {
            close(one.0[i], rows[i], "row sum");
            close(one.1[i], cols[i], "column sum");
        }
    }

    #[test]
    fn the_largest_alpha_is_shown_cut_down_not_rounded_up() {
        assert_eq!(significant_below(1.0 / 0.8f64.sqrt()), "1.118033988");
        assert_eq!(significant(1.0 / 0.8f64.sqrt()), "1.118033989");
        assert_eq!(significant_below(2.5), "2.5");
        assert_eq!(significant_below(0.000_123_456_789_987), "0.0001234567899");
    }

    #[test]
    fn alpha_is_refused_at_and_above_one_over_rho() {
        let cycle = matrix(3, &[(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0)]);
        let refused = interdependence(&cycle, &InterdependenceConfig { alpha: 1.0 });
        assert_eq!(
            refused,
            Err(AnalysisError::InvalidParameter(
                "α·ρ(D) = 1 ≥ 1 (ρ(D) = 1), so T = (I − αD)⁻¹ − I does not converge; α must be below 1"
                    .to_owned()
            ))
        );
        assert!(interdependence(&cycle, &InterdependenceConfig { alpha: -0.1 }).is_err());
        assert!(interdependence(&cycle, &InterdependenceConfig { alpha: f64::NAN }).is_err());
        assert!(interdependence(&cycle, &InterdependenceConfig { alpha: 0.999 }).is_ok());
        assert_eq!(significant(1.0 / 3.0f64.sqrt()), "0.5773502692");
        assert_eq!(significant(2.5), "2.5");
        assert_eq!(significant(1234.5), "1234.5");
    }

    #[test]
    fn from_dense_refuses_bad_matrices_and_keeps_active_nodes() {
        let actors: Vec<ActorId> = (0..3).map(ActorId::from_index).collect();
        let bad = DMatrix::from_row_slice(3, 3, &[0.0, 1.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
        assert!(DependenceMatrix::from_dense(actors.clone(), bad).is_err());
        let diagonal =
            DMatrix::from_row_slice(3, 3, &[0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
        assert!(DependenceMatrix::from_dense(actors.clone(), diagonal).is_err());
        assert!(DependenceMatrix::from_dense(actors, DMatrix::zeros(2, 2)).is_err());
        let d = matrix(3, &[(2, 0, 0.25)]);
        assert_eq!(d.active_nodes(), &[0, 2]);
        assert_eq!((d.get(2, 0), d.get(0, 2), d.get(1, 0)), (0.25, 0.0, 0.0));
        let result = interdependence(&d, &InterdependenceConfig::default()).unwrap();
        // Only node 2 depends, only node 0 is depended on: nobody is both.
        assert_eq!(result.mutuality, Some(0.0));
        assert_eq!(result.actors[1].dependence_on_others, 0.0);
        // T = αD here (D² = 0): T[2][0] = 0.5 · 0.25.
        close(result.actors[2].dependence_on_others, 0.125, "row sum");
        close(result.actors[0].depended_on_by, 0.125, "column sum");
        assert_eq!(result.pairs.len(), 1);
        assert_eq!(result.pairs[0].more_powerful, Some(ActorId::from_index(0)));
    }

    #[test]
    fn empty_matrices_give_defined_answers() {
        let empty = DependenceMatrix::from_dense(Vec::new(), DMatrix::zeros(0, 0)).unwrap();
        let result = interdependence(&empty, &InterdependenceConfig::default()).unwrap();
        assert_eq!((result.pairs.len(), result.actors.len(), result.mutuality), (0, 0, None));
        assert_eq!(indirect_dependence(&empty, 0.5).unwrap().nrows(), 0);
        let lonely = matrix(1, &[]);
        let result = interdependence(&lonely, &InterdependenceConfig::default()).unwrap();
        assert_eq!(result.mutuality, Some(0.0));
        assert_eq!(result.actors[0].dependence_on_others, 0.0);
    }
}
