//! Diagnostics: problems (errors) and warnings found in a workspace, each with the place it
//! was found.

use std::fmt;

use crate::terminal::escape_controls;

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

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Severity {
    /// The workspace cannot be loaded.
    Error,
    /// The workspace loads, but something looks unintended (printed `warning: `).
    Warning,
}

/// One problem, printed as `path:line: message`, or a warning, `path:line: warning: message`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Where it is.
    pub location: Location,
    /// What is wrong, naming the bad value and what would be accepted; lower-case, no period.
    pub message: String,
    /// An error or a warning.
    pub severity: Severity,
}

/// A diagnostic is one line: control characters in its path and message (they may come from
/// the data) are shown escaped, `\u{1b}` (see [`crate::terminal`]).
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let location = self.location.to_string();
        let location = escape_controls(&location, false);
        let message = escape_controls(&self.message, false);
        match self.severity {
            Severity::Error => write!(f, "{location}: {message}"),
            Severity::Warning => write!(f, "{location}: warning: {message}"),
        }
    }
}

/// The most problems kept for one workspace; beyond it they are only counted, so that a
/// broken file of millions of rows cannot exhaust memory.
pub const MAX_DIAGNOSTICS: usize = 1000;

/// Every problem (or every warning) found while loading a workspace, in file and line order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    n_dropped: usize,
}

impl Diagnostics {
    /// Records a problem.
    pub fn push(&mut self, location: Location, message: impl Into<String>) {
        self.add(Diagnostic { location, message: message.into(), severity: Severity::Error });
    }

    /// Records a warning.
    pub fn warn(&mut self, location: Location, message: impl Into<String>) {
        self.add(Diagnostic { location, message: message.into(), severity: Severity::Warning });
    }

    fn add(&mut self, item: Diagnostic) {
        if self.items.len() < MAX_DIAGNOSTICS {
            self.items.push(item);
        } else {
            self.n_dropped += 1;
        }
    }

    /// Whether more would only be counted (so that a costly message need not be made).
    pub fn is_full(&self) -> bool {
        self.items.len() >= MAX_DIAGNOSTICS
    }

    /// Adds the diagnostics of `other` after these, as if each had been pushed here.
    pub fn append(&mut self, other: Diagnostics) {
        let n_dropped = other.n_dropped;
        for item in other.items {
            self.add(item);
        }
        self.n_dropped += n_dropped;
    }

    /// The same diagnostics as errors (a warning refused, as `check --strict` does).
    pub fn into_errors(mut self) -> Diagnostics {
        for item in &mut self.items {
            item.severity = Severity::Error;
        }
        self
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
            let what = if self.items.iter().all(|item| item.severity == Severity::Warning) {
                "warnings"
            } else {
                "problems"
            };
            writeln!(
                f,
                "… and {} more {what} (only the first {MAX_DIAGNOSTICS} are listed)",
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
