//! Validity intervals: the `since`/`until` dates of relations and memberships.

use super::Date;

/// The closed interval of dates during which a relation or membership holds; an open end holds
/// forever in that direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Validity {
    /// First day it holds, when known.
    pub since: Option<Date>,
    /// Last day it holds, when known.
    pub until: Option<Date>,
}

impl Validity {
    /// Whether the interval contains `date`.
    pub fn contains(&self, date: Date) -> bool {
        self.since.is_none_or(|since| since <= date) && self.until.is_none_or(|until| date <= until)
    }
}
