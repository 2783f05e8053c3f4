//! Diagnostics: problems found in a workspace, each with the place it was found.

use std::fmt;

/// Where a problem is: a file of the workspace and, when it concerns a row, its line
/// (the header is line 1).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The file as the user would name it (`workspace/actors.csv`).
    pub path: String,
    /// 1-based line, when the problem belongs to a line.
    pub line: Option<u64>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.path),
            None => f.write_str(&self.path),
        }
    }
}

/// One problem, printed as `path:line: message`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Where it is.
    pub location: Location,
    /// What is wrong, naming the bad value and what would be accepted; lower-case, no period.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// The most problems kept for one workspace; beyond it they are only counted, so that a
/// broken file of millions of rows cannot exhaust memory.
pub const MAX_DIAGNOSTICS: usize = 1000;

/// Every problem found while loading a workspace, in file and line order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    n_dropped: usize,
}

impl Diagnostics {
    /// Records a problem.
    pub fn push(&mut self, location: Location, message: impl Into<String>) {
        if self.items.len() < MAX_DIAGNOSTICS {
            self.items.push(Diagnostic { location, message: message.into() });
        } else {
            self.n_dropped += 1;
        }
    }

    /// Adds the problems of `other` after these, as if each had been pushed here.
    pub fn append(&mut self, other: Diagnostics) {
        let n_dropped = other.n_dropped;
        for item in other.items {
            self.push(item.location, item.message);
        }
        self.n_dropped += n_dropped;
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Number of problems found, including those beyond [`MAX_DIAGNOSTICS`].
    pub fn len(&self) -> usize {
        self.items.len() + self.n_dropped
    }

    /// The problems kept, sorted by file and line once [`Diagnostics::sort`] ran.
    pub fn items(&self) -> &[Diagnostic] {
        &self.items
    }

    /// Number of problems counted but not kept.
    pub fn n_dropped(&self) -> usize {
        self.n_dropped
    }

    /// Sorts by path, then line, then message (stable and deterministic).
    pub fn sort(&mut self) {
        self.items.sort();
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for item in &self.items {
            writeln!(f, "{item}")?;
        }
        if self.n_dropped > 0 {
            writeln!(
                f,
                "… and {} more problems (only the first {MAX_DIAGNOSTICS} are listed)",
                self.n_dropped
            )?;
        }
        Ok(())
    }
}

/// Why a workspace could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The workspace has problems; every one is listed.
    #[error("the workspace has {} problem(s):\n{}", .0.len(), .0)]
    Invalid(Diagnostics),
}

impl LoadError {
    /// The problems found.
    pub fn diagnostics(&self) -> &Diagnostics {
        match self {
            LoadError::Invalid(diagnostics) => diagnostics,
        }
    }
}
