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
    /// Amounts that are each finite but whose sum is not (in euros, above about 1.8e308):
    /// refused rather than carried on as infinity.
    #[error(
        "{what} add up to more than the largest number stakenet can hold (about 1.8e308), though each amount is finite; write the amounts in thousands or millions"
    )]
    AmountOverflow {
        /// Which relations, naming the actors: "the amounts of the relations between `a` and `b`".
        what: String,
    },
}
