//! Actors: the parties of a network, with their sector, level, kind, themes and attributes.

use std::collections::BTreeMap;
use std::fmt;

use super::ids::ActorId;

/// Declares a closed vocabulary: an enum with its spelling in the data.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The spelling used in workspace files and outputs.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the spelling used in workspace files, ignoring ASCII case.
            pub fn parse(text: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|value| value.as_str().eq_ignore_ascii_case(text))
            }

            /// The accepted spellings, for error messages: `a, b or c`.
            pub fn accepted() -> String {
                crate::model::actor::join_alternatives(Self::ALL.iter().map(|value| value.as_str()))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// Serializes as its spelling in the data ([`Self::as_str`]).
        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}
pub(crate) use vocabulary;

vocabulary!(
    /// The part of society an actor belongs to (the quadruple helix, plus hybrid boards).
    Sector {
        /// National, provincial, regional or local government bodies.
        Government = "government",
        /// Companies and business associations.
        Business = "business",
        /// Universities, colleges and research institutes.
        Knowledge = "knowledge",
        /// Foundations, associations, cultural institutions, cooperatives.
        CivilSociety = "civil_society",
        /// Residents, resident panels, neighbourhood organisations.
        Citizens = "citizens",
        /// A triple-helix board or other mixed body; counts for no single sector.
        Hybrid = "hybrid",
    }
);

vocabulary!(
    /// The level of government or society an actor works at, from the widest to the narrowest.
    Level {
        /// The European Union and its agencies.
        Eu = "eu",
        /// The national government and national bodies.
        National = "national",
        /// Provinces.
        Provincial = "provincial",
        /// Regions: groups of municipalities, water boards, regional boards.
        Regional = "regional",
        /// Municipalities.
        Municipal = "municipal",
        /// Neighbourhoods, villages, local organisations.
        Local = "local",
    }
);

/// One party of the network.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Actor {
    /// The id the workspace gives it (`min_lnv`), unique in the network.
    pub key: String,
    /// Display name; any text.
    pub name: String,
    /// Sector, when known.
    pub sector: Option<Sector>,
    /// Level, when known.
    pub level: Option<Level>,
    /// The actor this one is part of (department → ministry → Rijk).
    pub parent: Option<ActorId>,
    /// Free sub-type such as `ministry` or `resident_panel`.
    pub kind: Option<String>,
    /// Topics the actor works on.
    pub themes: Vec<String>,
    /// Perceived influence (≥ 0), when given.
    pub influence: Option<f64>,
    /// The actors that took over from this one (a ministry renamed or split: EZK → EZ and
    /// KGG), in the order given.
    pub successors: Vec<ActorId>,
    /// Columns the format does not define, kept by their lower-case header.
    pub attributes: BTreeMap<String, String>,
}

/// Joins alternatives for a message: `a, b or c` (how every refusal lists what it accepts).
pub fn join_alternatives<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<&str> = items.collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_parses_case_insensitively_and_lists_alternatives() {
        assert_eq!(Sector::parse("Civil_Society"), Some(Sector::CivilSociety));
        assert_eq!(Sector::parse("ngo"), None);
        assert_eq!(Level::accepted(), "eu, national, provincial, regional, municipal or local");
        assert!(Level::Eu < Level::Local);
    }
}
