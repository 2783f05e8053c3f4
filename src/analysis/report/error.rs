//! Why a report could not be made: a view that could not be built, or an analysis that failed.

use crate::analysis::AnalysisError;
use crate::view::ViewError;

/// Why [`report`](super::report) could not produce the report. Its message is the one of the
/// error inside.
#[derive(Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// A view of the network could not be built.
    #[error(transparent)]
    View(#[from] ViewError),
    /// An analysis failed.
    #[error(transparent)]
    Analysis(#[from] AnalysisError),
}
