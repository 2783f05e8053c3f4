//! What a report is asked for beyond its date and coalitions: a baseline to measure each
//! coalition's change from.

use crate::analysis::Moment;
use crate::model::{Date, Network};

/// The earlier state each coalition of the report is compared with ("since the baseline").
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Baseline<'a> {
    /// The same workspace on an earlier date: each coalition as it stood on that date (as
    /// given, not moved into its term), compared with the coalition on the report's date.
    Date(Date),
    /// Another workspace (a baseline measurement, the nulmeting): each coalition compared with
    /// the coalition of the same id there, actors matched by id. A coalition the baseline
    /// lacks is said in its part of the report.
    #[non_exhaustive]
    Workspace {
        /// The baseline workspace's network (loaded by the caller).
        network: &'a Network,
        /// The date the baseline describes ([`moment`](crate::analysis::moment) of its
        /// network), moved into each coalition's term as the report's own date is.
        moment: Moment,
    },
}

impl<'a> Baseline<'a> {
    /// A baseline workspace: [`Baseline::Workspace`]. (How the page names it:
    /// [`ReportSource::baseline_argument`](super::ReportSource::baseline_argument).)
    pub fn workspace(network: &'a Network, moment: Moment) -> Self {
        Baseline::Workspace { network, moment }
    }
}

/// What [`report_with`](super::report_with) computes beyond the defaults of
/// [`report`](super::report).
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct ReportConfig<'a> {
    /// Compare each coalition with this earlier state (the coalition's "since the baseline"
    /// part); `None`: no baseline. A deal that follows an earlier one is always compared with
    /// it, baseline or not.
    pub baseline: Option<Baseline<'a>>,
}

impl<'a> ReportConfig<'a> {
    /// Sets [`ReportConfig::baseline`].
    #[must_use]
    pub fn with_baseline(mut self, baseline: impl Into<Option<Baseline<'a>>>) -> Self {
        self.baseline = baseline.into();
        self
    }
}
