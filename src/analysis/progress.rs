//! How far a long analysis has come: a listener that the path searches tell about the sources
//! they take on and finish, so that a caller can draw a progress bar.

/// Listens to the progress of an analysis. Called from worker threads, in no fixed order; the
/// results never depend on it.
pub trait Progress: Sync {
    /// `sources` more single-source searches are to run.
    fn planned(&self, sources: u64);
    /// `sources` single-source searches have finished.
    fn done(&self, sources: u64);
}

/// No listener.
impl Progress for () {
    fn planned(&self, _: u64) {}
    fn done(&self, _: u64) {}
}
