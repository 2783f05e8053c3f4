//! How far a long analysis has come: a listener that analyses tell about the units of work they
//! take on and finish (single-source searches of a path measure, coalitions of a report), so
//! that a caller can draw a progress bar.

/// Listens to the progress of an analysis. Called from worker threads, in no fixed order; the
/// results never depend on it. Each analysis says what one unit is: a single-source search for
/// centrality, a coalition for [`report`](super::report()).
pub trait Progress: Sync {
    /// `units` more units of work are to run.
    fn planned(&self, units: u64);
    /// `units` units of work have finished.
    fn done(&self, units: u64);
}

/// No listener.
impl Progress for () {
    fn planned(&self, _: u64) {}
    fn done(&self, _: u64) {}
}
