//! Ministries by what they are: which actors are ministries ([`Network::is_ministry`]) and which
//! ministries a name from the theme → ministry map stands for ([`Network::ministries_named`]).
//!
//! Ids do not decide: a workspace may call its ministries `min_ezk`, `ministerie_ezk` or
//! anything else. A ministry is recognised by its `kind`, or by where it sits in the parent
//! hierarchy, and is named by its abbreviation, its name or its id.

use super::actor::{Level, Sector};
use super::ids::ActorId;
use super::network::{Network, is_national_government};

/// The attribute column (lower-case header of `actors.csv`) that gives a ministry's
/// abbreviation (`EZK`, `IenW`).
pub const ABBREVIATION_COLUMN: &str = "abbreviation";

/// One ministry and the names it answers to, trimmed and lower-cased.
#[derive(Clone, Debug)]
pub(super) struct MinistryNames {
    actor: ActorId,
    names: Vec<String>,
}

impl Network {
    /// Whether `actor` is a ministry.
    ///
    /// - An actor with a `kind` is a ministry when its kind is `ministry` (case ignored); any
    ///   other kind (`department`, `agency`, `national_government`, …) is not.
    /// - An actor without a `kind` (absent or blank) is a ministry when it sits directly under
    ///   the national root: its parent has no parent and is national government (sector
    ///   `government`, level `national`: the root that makes the Rijk side, see
    ///   [`Network::side`]), and the actor itself is not given another sector or level (its
    ///   sector, when given, is `government`; its level, when given, is `national`).
    ///
    /// Ids play no part: `min_ezk` and `ministerie_ezk` are ministries alike when their kind
    /// says so.
    pub fn is_ministry(&self, actor: ActorId) -> bool {
        let a = self.actor(actor);
        match a.kind.as_deref().map(str::trim).filter(|kind| !kind.is_empty()) {
            Some(kind) => kind.eq_ignore_ascii_case("ministry"),
            None => {
                let under_national_root = a.parent.is_some_and(|parent| {
                    let root = self.actor(parent);
                    root.parent.is_none() && is_national_government(root)
                });
                under_national_root
                    && a.sector.is_none_or(|sector| sector == Sector::Government)
                    && a.level.is_none_or(|level| level == Level::National)
            }
        }
    }

    /// Every ministry ([`Network::is_ministry`]), by id.
    pub fn ministries(&self) -> Vec<ActorId> {
        self.ministry_names().iter().map(|m| m.actor).collect()
    }

    /// The names a ministry answers to in the theme → ministry map, trimmed and lower-cased,
    /// without repeats, in this order: its abbreviation (the `abbreviation` column), the
    /// abbreviation in brackets at the end of its name (`Ministerie van Economische Zaken en
    /// Klimaat (EZK)` gives `ezk`), its id with a `min_` prefix taken off (`min_ezk` gives
    /// `ezk`), its full name, and its id. Empty for an actor that is not a ministry.
    pub fn ministry_aliases(&self, actor: ActorId) -> Vec<String> {
        if !self.is_ministry(actor) {
            return Vec::new();
        }
        aliases(self, actor)
    }

    /// The ministries that `name` stands for, by id: those with an alias
    /// ([`Network::ministry_aliases`]) equal to `name`, trimmed, ignoring case. `EZK`, `ezk`,
    /// `min_ezk` and `Ministerie van Economische Zaken en Klimaat` all find the ministry
    /// `min_ezk` named `Ministerie van Economische Zaken en Klimaat (EZK)`.
    ///
    /// Empty when the workspace has no such ministry; several when more than one answers to
    /// the name (two ministries given the same abbreviation): a caller treats them as one.
    pub fn ministries_named(&self, name: &str) -> Vec<ActorId> {
        let name = name.trim().to_lowercase();
        if name.is_empty() {
            return Vec::new();
        }
        self.ministry_names().iter().filter(|m| m.names.contains(&name)).map(|m| m.actor).collect()
    }

    fn ministry_names(&self) -> &[MinistryNames] {
        self.ministries.get_or_init(|| {
            self.actor_ids_by_key()
                .iter()
                .copied()
                .filter(|&actor| self.is_ministry(actor))
                .map(|actor| MinistryNames { actor, names: aliases(self, actor) })
                .collect()
        })
    }
}

/// The names of `actor` as [`Network::ministry_aliases`] lists them.
fn aliases(network: &Network, actor: ActorId) -> Vec<String> {
    let a = network.actor(actor);
    let key = a.key.trim().to_lowercase();
    let candidates = [
        a.attributes.get(ABBREVIATION_COLUMN).map(|text| text.trim().to_lowercase()),
        bracketed_suffix(&a.name).map(str::to_lowercase),
        key.strip_prefix("min_").map(str::to_owned),
        Some(a.name.trim().to_lowercase()),
        Some(key.clone()),
    ];
    let mut names: Vec<String> = Vec::new();
    for name in candidates.into_iter().flatten() {
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// The text in brackets at the end of `name`, trimmed: `"Ministerie van Economische Zaken
/// (EZK)"` gives `EZK`; `None` when the name does not end in a non-empty bracketed part.
fn bracketed_suffix(name: &str) -> Option<&str> {
    let inner = name.trim().strip_suffix(')')?;
    let open = inner.rfind('(')?;
    Some(inner[open + 1..].trim()).filter(|text| !text.is_empty())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::model::{Actor, NetworkBuilder};

    fn actor(key: &str, name: &str, parent: Option<usize>, kind: Option<&str>) -> Actor {
        Actor {
            key: key.to_owned(),
            name: name.to_owned(),
            sector: Some(Sector::Government),
            level: Some(Level::National),
            parent: parent.map(ActorId::from_index),
            kind: kind.map(str::to_owned),
            ..Actor::default()
        }
    }

    /// A Rijk with ministries of every spelling, a department and a province with a unit.
    fn network() -> Network {
        let mut abbreviated =
            actor("ministerie_ezk", "Ministerie van EZK", Some(0), Some("Ministry"));
        abbreviated.attributes =
            BTreeMap::from([(ABBREVIATION_COLUMN.to_owned(), " EZK ".to_owned())]);
        let mut province = actor("prov", "Provincie", None, Some("province"));
        province.level = Some(Level::Provincial);
        let mut provincial_unit = actor("prov_unit", "Provinciale eenheid", Some(6), None);
        provincial_unit.level = Some(Level::Provincial);
        let mut regional_under_rijk = actor("regional", "Regionaal bureau", Some(0), None);
        regional_under_rijk.level = Some(Level::Regional);
        let actors = vec![
            actor("rijk", "Het Rijk", None, Some("national_government")),
            abbreviated,
            actor("min_szw", "Ministerie van Sociale Zaken", Some(0), Some("MINISTRY")),
            actor("ienw", "Ministerie van Infrastructuur en Waterstaat (IenW)", Some(0), None),
            actor("dep_ezk", "Directie", Some(1), None),
            actor("rws", "Rijkswaterstaat", Some(0), Some("agency")),
            province,
            provincial_unit,
            regional_under_rijk,
            actor("blank_kind", "Ministerie (VWS)", Some(0), Some("  ")),
        ];
        NetworkBuilder { actors, ..NetworkBuilder::default() }.build().unwrap()
    }

    fn keys(network: &Network, ids: &[ActorId]) -> Vec<String> {
        ids.iter().map(|&a| network.actor(a).key.clone()).collect()
    }

    #[test]
    fn a_ministry_is_its_kind_or_an_actor_without_kind_directly_under_the_national_root() {
        let network = network();
        // kind `ministry` in any case; no kind directly under the national root (a blank kind
        // counts as none); not a department two steps down, an agency, the root itself, a
        // unit under a province, or an actor given another level.
        assert_eq!(
            keys(&network, &network.ministries()),
            ["blank_kind", "ienw", "min_szw", "ministerie_ezk"]
        );
        let id = |key: &str| network.actor_id(key).unwrap();
        for key in ["rijk", "dep_ezk", "rws", "prov", "prov_unit", "regional"] {
            assert!(!network.is_ministry(id(key)), "{key}");
        }
    }

    #[test]
    fn ministries_are_named_by_abbreviation_name_or_id_ignoring_case() {
        let network = network();
        let named = |name: &str| keys(&network, &network.ministries_named(name));
        // The abbreviation column, whatever the id.
        assert_eq!(named("ezk"), ["ministerie_ezk"]);
        assert_eq!(named("EZK"), ["ministerie_ezk"]);
        // The abbreviation in brackets at the end of the name.
        assert_eq!(named("IENW"), ["ienw"]);
        assert_eq!(named("vws"), ["blank_kind"]);
        // The id with `min_` taken off, the id itself, the full name.
        assert_eq!(named("SZW"), ["min_szw"]);
        assert_eq!(named("MIN_SZW"), ["min_szw"]);
        assert_eq!(named(" ministerie_ezk "), ["ministerie_ezk"]);
        assert_eq!(named("ministerie van sociale zaken"), ["min_szw"]);
        // Not ministries, or no such name.
        assert!(named("rws").is_empty());
        assert!(named("dep_ezk").is_empty());
        assert!(named("BZK").is_empty());
        assert!(named("").is_empty());
        assert_eq!(
            network.ministry_aliases(network.actor_id("ministerie_ezk").unwrap()),
            ["ezk", "ministerie van ezk", "ministerie_ezk"]
        );
        assert!(network.ministry_aliases(network.actor_id("rws").unwrap()).is_empty());
    }

    #[test]
    fn the_bracketed_suffix_is_the_last_non_empty_bracket_at_the_end() {
        assert_eq!(bracketed_suffix("Ministerie van Economische Zaken (EZK)"), Some("EZK"));
        assert_eq!(bracketed_suffix("A (b) (c) "), Some("c"));
        assert_eq!(bracketed_suffix("A ( )"), None);
        assert_eq!(bracketed_suffix("A (b) c"), None);
        assert_eq!(bracketed_suffix("A b)"), None);
    }
}
