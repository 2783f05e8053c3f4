//! Errors of analyses: outcomes that are not a number, such as a power iteration that did not
//! converge or a parameter that makes a measure undefined.

/// Why an analysis could not produce its result.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum AnalysisError {
    /// An iterative measure did not reach its tolerance.
    #[error(
        "{measure} did not converge after {iterations} iterations (residual {residual:e}); raise max_iterations or check the network"
    )]
    NotConverged {
        /// Which measure.
        measure: &'static str,
        /// Iterations run.
        iterations: usize,
        /// The last change between iterations.
        residual: f64,
    },
    /// A parameter is outside the range where the measure is defined.
    #[error("{0}")]
    InvalidParameter(String),
}
