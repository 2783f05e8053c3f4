//! Why a map cannot be drawn as asked ([`MapError`]): each refusal names the value and what
//! would be accepted.

use std::fmt;

/// A map option that does not fit the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum MapError {
    /// `--color-by` names a column no actor has.
    UnknownColorBy {
        /// The value given.
        name: String,
        /// What is accepted: the groupings, then the actors' columns.
        accepted: Vec<String>,
    },
    /// `--size-by` names neither a measure nor a numeric column.
    UnknownSizeBy {
        /// The value given.
        name: String,
        /// What is accepted: the measures, then the numeric columns.
        accepted: Vec<String>,
    },
    /// `--ego` names an actor the view does not hold.
    EgoNotInView {
        /// The actor's id.
        key: String,
    },
    /// A measure could not be computed.
    Measure(String),
}

impl fmt::Display for MapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list =
            |names: &[String]| crate::model::join_alternatives(names.iter().map(String::as_str));
        match self {
            MapError::UnknownColorBy { name, accepted } => write!(
                f,
                "--color-by {name}: no actor has this column; expected {}",
                list(accepted)
            ),
            MapError::UnknownSizeBy { name, accepted } => write!(
                f,
                "--size-by {name}: not a measure nor a column of numbers; expected {}",
                list(accepted)
            ),
            MapError::EgoNotInView { key } => write!(
                f,
                "--ego {key}: this actor is not in the view (out of the coalition's scope, \
                 not tied on the date, or folded into another actor); leave out --coalition, \
                 --level or --fold, or choose an actor of the view"
            ),
            MapError::Measure(message) => write!(f, "--size-by: {message}"),
        }
    }
}

impl std::error::Error for MapError {}
