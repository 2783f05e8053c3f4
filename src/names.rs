//! Names as a user writes them — coalition ids, layer names, levels, dates — resolved against a
//! network; every refusal keeps the value and what would have been accepted.
//!
//! The command line resolves its `--coalition`, `--layer`, `--level` and `--at` options with
//! these functions; a library user reading the same names from a form or a file gets the same
//! answers and the same refusals.
//!
//! ```
//! use stakenet::names::{self, ViewNames};
//! use stakenet::{Source, View, load};
//!
//! let network = load(&Source::Bundled).expect("the bundled workspace is valid");
//! let names = ViewNames::default().with_coalition("rd_twente").with_level("national");
//! let spec = names::view_spec(&network, &names).expect("known names");
//! let view = View::build(&network, &spec).expect("a valid selection");
//! assert!(view.n_nodes() > 0);
//! assert!(names::coalition(&network, "rd_nowhere").is_err());
//! ```

use std::fmt;

use crate::model::{
    COMEMBERSHIP, COMEMBERSHIP_NEWMAN, CoalitionId, Date, Level, Network, join_alternatives,
};
use crate::view::{LayerChoice, Scope, TieWeight, ViewSpec};

/// The date format users write: `YYYY-MM-DD`.
pub const DATE_FORMAT: &str = "%Y-%m-%d";

/// A name that does not resolve, with what would have been accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NameError {
    /// No coalition has this id.
    UnknownCoalition {
        /// The id as written.
        key: String,
        /// Every coalition id of the network, sorted (empty when it has no coalitions).
        known: Vec<String>,
    },
    /// No layer has this name (compared without case).
    UnknownLayer {
        /// The name as written.
        name: String,
        /// The layers of the network in layer order, then `comembership` and
        /// `comembership-newman`.
        known: Vec<String>,
    },
    /// Not one of the levels.
    UnknownLevel {
        /// The text as written.
        text: String,
    },
    /// Not a date in the form `YYYY-MM-DD`.
    NotADate {
        /// The text as written.
        text: String,
    },
    /// No actor has this `kind` (compared without ASCII case).
    UnknownKind {
        /// The kind as written.
        kind: String,
        /// The kinds of the network's actors, sorted.
        known: Vec<String>,
    },
    /// Not one of `amount`, `weight`, `count`.
    UnknownWeight {
        /// The text as written.
        text: String,
    },
    /// No actor has this id.
    UnknownActor {
        /// The id as written.
        key: String,
        /// Up to three ids close to it (edit distance), nearest first.
        close: Vec<String>,
    },
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameError::UnknownCoalition { key, known } if known.is_empty() => {
                write!(f, "no coalition {key}: this network has no coalitions")
            }
            NameError::UnknownCoalition { key, known } => write!(
                f,
                "no coalition {key}; expected one of {}",
                join_alternatives(known.iter().map(String::as_str))
            ),
            NameError::UnknownLayer { name, known } => write!(
                f,
                "no layer {name}; this network has {}",
                join_alternatives(known.iter().map(String::as_str))
            ),
            NameError::UnknownLevel { text } => {
                write!(f, "unknown level {text}; expected {}", Level::accepted())
            }
            NameError::NotADate { text } => {
                write!(f, "{text} is not a date; expected YYYY-MM-DD, e.g. 2020-07-01")
            }
            NameError::UnknownKind { kind, known } if known.is_empty() => {
                write!(f, "no actor has kind {kind}: this network's actors have no kind")
            }
            NameError::UnknownKind { kind, known } => write!(
                f,
                "no actor has kind {kind}; this network has {}",
                join_alternatives(known.iter().map(String::as_str))
            ),
            NameError::UnknownWeight { text } => {
                write!(f, "unknown weighting {text}; expected amount, weight or count")
            }
            NameError::UnknownActor { key, close } => {
                let close: Vec<&str> = close.iter().map(String::as_str).collect();
                write!(
                    f,
                    "no actor {key}; expected an id of actors.csv{}",
                    crate::io::aliases::did_you_mean(&close)
                )
            }
        }
    }
}

impl std::error::Error for NameError {}

/// The coalition with this id (ids are compared exactly, as written in `coalitions.csv`).
///
/// # Errors
/// [`NameError::UnknownCoalition`] with every id of the network, sorted.
pub fn coalition(network: &Network, key: &str) -> Result<CoalitionId, NameError> {
    network.coalition_id(key).ok_or_else(|| {
        let mut known: Vec<String> = network.coalitions().iter().map(|c| c.key.clone()).collect();
        known.sort_unstable();
        NameError::UnknownCoalition { key: key.to_owned(), known }
    })
}

/// The actor with this id (compared exactly, as written in `actors.csv`).
///
/// # Errors
/// [`NameError::UnknownActor`] with up to three ids close to it.
pub fn actor(network: &Network, key: &str) -> Result<crate::model::ActorId, NameError> {
    network.actor_id(key).ok_or_else(|| {
        let keys = network.actors().iter().map(|a| a.key.as_str());
        let close =
            crate::io::aliases::close_to(key, keys).into_iter().map(str::to_owned).collect();
        NameError::UnknownActor { key: key.to_owned(), close }
    })
}

/// The layer with this name, compared without case; `comembership` is the derived layer of
/// shared coalitions, `comembership-newman` the same weighted as Newman (2001).
///
/// # Errors
/// [`NameError::UnknownLayer`] with the network's layers and the two derived ones.
pub fn layer(network: &Network, name: &str) -> Result<LayerChoice, NameError> {
    if name.eq_ignore_ascii_case(COMEMBERSHIP) {
        return Ok(LayerChoice::Comembership);
    }
    if name.eq_ignore_ascii_case(COMEMBERSHIP_NEWMAN) {
        return Ok(LayerChoice::ComembershipNewman);
    }
    network.layer_id(name).map(LayerChoice::Explicit).ok_or_else(|| NameError::UnknownLayer {
        name: name.to_owned(),
        known: network
            .layers()
            .iter()
            .map(|l| l.name.clone())
            .chain([COMEMBERSHIP.to_owned(), COMEMBERSHIP_NEWMAN.to_owned()])
            .collect(),
    })
}

/// The layers with these names, each once, in the order first named.
///
/// # Errors
/// The first name that does not resolve, as [`layer`] refuses it.
pub fn layers<S: AsRef<str>>(
    network: &Network,
    names: &[S],
) -> Result<Vec<LayerChoice>, NameError> {
    let mut chosen = Vec::with_capacity(names.len());
    for name in names {
        let choice = layer(network, name.as_ref())?;
        if !chosen.contains(&choice) {
            chosen.push(choice);
        }
    }
    Ok(chosen)
}

/// The level with this name (`eu`, `national`, `provincial`, `regional`, `municipal`,
/// `local`; case ignored).
///
/// # Errors
/// [`NameError::UnknownLevel`].
pub fn level(text: &str) -> Result<Level, NameError> {
    Level::parse(text).ok_or_else(|| NameError::UnknownLevel { text: text.to_owned() })
}

/// A date written `YYYY-MM-DD`.
///
/// # Errors
/// [`NameError::NotADate`].
pub fn date(text: &str) -> Result<Date, NameError> {
    crate::model::parse_iso_date(text).ok_or_else(|| NameError::NotADate { text: text.to_owned() })
}

/// A `kind` some actor of the network has (ASCII case ignored), as written there.
///
/// # Errors
/// [`NameError::UnknownKind`] with the network's kinds.
pub fn kind(network: &Network, text: &str) -> Result<String, NameError> {
    let kinds = network.kinds();
    kinds.iter().find(|k| k.eq_ignore_ascii_case(text.trim())).map(|k| (*k).to_owned()).ok_or_else(
        || NameError::UnknownKind {
            kind: text.to_owned(),
            known: kinds.iter().map(|k| (*k).to_owned()).collect(),
        },
    )
}

/// What tie weights measure: `amount` (euros), `weight` (tie strength) or `count` (ASCII case
/// ignored).
///
/// # Errors
/// [`NameError::UnknownWeight`].
pub fn weight(text: &str) -> Result<TieWeight, NameError> {
    match text.trim().to_ascii_lowercase().as_str() {
        "amount" => Ok(TieWeight::Amount),
        "weight" => Ok(TieWeight::Weight),
        "count" => Ok(TieWeight::Count),
        _ => Err(NameError::UnknownWeight { text: text.to_owned() }),
    }
}

/// A view's selection by name, as a user writes it; `None` or empty means "all".
#[derive(Clone, Copy, Debug, Default)]
#[non_exhaustive]
pub struct ViewNames<'a> {
    /// Only the coalition with this id: its members and the units below them.
    pub coalition: Option<&'a str>,
    /// With a coalition: its members only, without the units below them.
    pub members_only: bool,
    /// These layers (empty: the default layers, [`LayerChoice::default_layers`]).
    pub layers: &'a [String],
    /// Fold actors into their nearest ancestor of this kind.
    pub fold: Option<&'a str>,
    /// Fold actors into their topmost ancestor at this level.
    pub level: Option<&'a str>,
    /// Only relations and memberships that hold on this date (`YYYY-MM-DD`).
    pub at: Option<&'a str>,
    /// What tie weights measure (`amount`, `weight`, `count`; empty: automatic).
    pub weight: Option<&'a str>,
}

impl<'a> ViewNames<'a> {
    /// Only the members of the coalition with this id.
    #[must_use]
    pub fn with_coalition(mut self, key: &'a str) -> Self {
        self.coalition = Some(key);
        self
    }

    /// These layers.
    #[must_use]
    pub fn with_layers(mut self, names: &'a [String]) -> Self {
        self.layers = names;
        self
    }

    /// With a coalition: its members only.
    #[must_use]
    pub fn with_members_only(mut self, members_only: bool) -> Self {
        self.members_only = members_only;
        self
    }

    /// Fold actors into their nearest ancestor of this kind.
    #[must_use]
    pub fn with_fold(mut self, kind: &'a str) -> Self {
        self.fold = Some(kind);
        self
    }

    /// What tie weights measure.
    #[must_use]
    pub fn with_weight(mut self, weight: &'a str) -> Self {
        self.weight = Some(weight);
        self
    }

    /// Fold actors into their topmost ancestor at this level.
    #[must_use]
    pub fn with_level(mut self, level: &'a str) -> Self {
        self.level = Some(level);
        self
    }

    /// Only relations and memberships that hold on this date.
    #[must_use]
    pub fn with_at(mut self, date: &'a str) -> Self {
        self.at = Some(date);
        self
    }
}

/// The [`ViewSpec`] that `names` select.
///
/// # Errors
/// The first name that does not resolve, checked in the order coalition, layers, kind, level,
/// date, weighting.
pub fn view_spec(network: &Network, names: &ViewNames<'_>) -> Result<ViewSpec, NameError> {
    let scope = match names.coalition {
        None => Scope::All,
        Some(key) if names.members_only => Scope::Members(coalition(network, key)?),
        Some(key) => Scope::Coalition(coalition(network, key)?),
    };
    let layers = if names.layers.is_empty() { None } else { Some(layers(network, names.layers)?) };
    let fold_kind = names.fold.map(|text| kind(network, text)).transpose()?;
    let level = names.level.map(level).transpose()?;
    let at = names.at.map(date).transpose()?;
    let weight = names.weight.map(weight).transpose()?.unwrap_or_default();
    Ok(ViewSpec { scope, layers, fold_kind, level, at, weight })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{Source, load};

    fn bundled() -> Network {
        load(&Source::Bundled).expect("the bundled workspace is valid")
    }

    #[test]
    fn names_resolve_and_refusals_say_what_is_accepted() {
        let network = bundled();
        assert!(coalition(&network, "rd_twente").is_ok());
        let Err(NameError::UnknownCoalition { known, .. }) = coalition(&network, "rd_x") else {
            panic!("an unknown coalition is refused");
        };
        assert_eq!(known.len(), network.coalitions().len());
        assert!(known.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(layer(&network, "CoMembership"), Ok(LayerChoice::Comembership));
        assert_eq!(layer(&network, "Comembership-Newman"), Ok(LayerChoice::ComembershipNewman));
        let error = layer(&network, "money").expect_err("no such layer");
        assert!(error.to_string().ends_with("comembership or comembership-newman"), "{error}");
        assert_eq!(level("National"), Ok(Level::National));
        assert!(level("galaxy").expect_err("no such level").to_string().contains("national"));
        assert_eq!(date("2020-07-01").map(|d| d.to_string()), Ok("2020-07-01".to_owned()));
        assert_eq!(date("2020-13-01"), Err(NameError::NotADate { text: "2020-13-01".into() }));
    }

    #[test]
    fn view_names_give_the_spec_and_repeated_layers_count_once() {
        let network = bundled();
        let repeated = vec!["comembership".to_owned(), "COMEMBERSHIP".to_owned()];
        let names = ViewNames::default()
            .with_coalition("rd_twente")
            .with_layers(&repeated)
            .with_level("national")
            .with_at("2020-01-01");
        let spec = view_spec(&network, &names).expect("known names");
        assert_eq!(spec.layers, Some(vec![LayerChoice::Comembership]));
        assert_eq!(spec.level, Some(Level::National));
        assert!(matches!(spec.scope, Scope::Coalition(_)));
        assert_eq!(
            view_spec(&network, &ViewNames::default()).expect("no names"),
            ViewSpec::default()
        );
    }
}
