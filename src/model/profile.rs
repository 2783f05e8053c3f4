//! Suspect profiles: what a complete coalition should hold (members per sector and per kind),
//! which ministry holds which theme, and how candidate scores are weighed (DESIGN §4.5).
//! Plain configuration data: `io` reads it from a file, `analysis` scores with it.
//!
//! [`Profile::default`] is the quadruple helix — at least one member each of government,
//! business, knowledge, civil society and citizens — with the Dutch theme → ministry map of the
//! 2018–2022 Regio Deals and the weights 0.4 / 0.3 / 0.2 / 0.1. A profile file (read by
//! [`crate::io::read_profile`]) replaces any of these parts.

use super::Sector;

/// Expectations and weights for `suspects` and `compare`.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    /// Expected number of members per sector, in [`Sector::ALL`] order; sectors expected 0
    /// times are left out. [`Sector::Hybrid`] never appears: a hybrid member counts for no
    /// sector.
    pub sectors: Vec<(Sector, u32)>,
    /// Expected number of members per `kind` (lower-case), sorted by kind; kinds expected 0
    /// times are left out.
    pub kinds: Vec<(String, u32)>,
    /// The theme → ministry map: which keywords point at which ministry, sorted by the
    /// ministry's name as written, ignoring case.
    pub ministries: Vec<MinistryRule>,
    /// Weights of the parts of a candidate's score.
    pub weights: ScoreWeights,
}

/// One ministry of the theme map and the keywords that point at it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MinistryRule {
    /// The ministry as the profile names it: an abbreviation (`OCW`), a full name or an actor
    /// id (`min_ocw`), matched against the workspace's ministries by
    /// [`Network::ministries_named`](super::Network::ministries_named).
    pub ministry: String,
    /// Lower-case keywords; a theme that contains one anywhere (ignoring case) maps to the
    /// ministry.
    pub keywords: Vec<String>,
}

/// Weights of the four parts of a candidate's score; each finite and ≥ 0, used as given.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoreWeights {
    /// Weight of filling a missing or thin sector or kind (0.4).
    pub gap_fill: f64,
    /// Weight of network proximity to the members (0.3).
    pub proximity: f64,
    /// Weight of theme overlap with the coalition (0.2).
    pub theme_match: f64,
    /// Weight of sharing a regional ancestor with a member (0.1).
    pub region_match: f64,
}

impl Default for ScoreWeights {
    fn default() -> Self {
        ScoreWeights { gap_fill: 0.4, proximity: 0.3, theme_match: 0.2, region_match: 0.1 }
    }
}

/// The default theme → ministry map of DESIGN §4.5: the ministries of the 2018–2022 cabinet by
/// their abbreviations, each with its Dutch and English keywords. An abbreviation finds the
/// workspace's ministry whatever its id ([`Network::ministries_named`]: the `abbreviation`
/// column, `(EZK)` at the end of the name, or an id `min_ezk`).
///
/// [`Network::ministries_named`]: super::Network::ministries_named
pub const DEFAULT_MINISTRY_KEYWORDS: &[(&str, &[&str])] = &[
    ("BZK", &["wonen", "woningbouw", "leefbaarheid", "wijken", "housing", "liveability"]),
    (
        "EZK",
        &[
            "economie",
            "innovatie",
            "energie",
            "ondernemer",
            "vestigingsklimaat",
            "bedrijven",
            "economy",
            "innovation",
            "energy",
        ],
    ),
    (
        "IenW",
        &[
            "mobiliteit",
            "bereikbaarheid",
            "infrastructuur",
            "water",
            "bodemdaling",
            "klimaatadaptatie",
            "mobility",
        ],
    ),
    ("JenV", &["veiligheid", "ondermijning", "criminaliteit", "safety"]),
    ("LNV", &["landbouw", "natuur", "voedsel", "platteland", "agriculture", "food", "nature"]),
    ("OCW", &["onderwijs", "scholing", "talent", "cultuur", "wetenschap", "education", "culture"]),
    ("SZW", &["werk", "arbeidsmarkt", "armoede", "employment", "labour"]),
    ("VWS", &["zorg", "gezondheid", "sport", "welzijn", "health", "care"]),
];

impl Default for Profile {
    fn default() -> Self {
        let sectors = [
            Sector::Government,
            Sector::Business,
            Sector::Knowledge,
            Sector::CivilSociety,
            Sector::Citizens,
        ]
        .into_iter()
        .map(|sector| (sector, 1))
        .collect();
        let ministries = DEFAULT_MINISTRY_KEYWORDS
            .iter()
            .map(|(ministry, keywords)| MinistryRule {
                ministry: (*ministry).to_owned(),
                keywords: keywords.iter().map(|k| (*k).to_owned()).collect(),
            })
            .collect();
        Profile { sectors, kinds: Vec::new(), ministries, weights: ScoreWeights::default() }
    }
}

impl Profile {
    /// The ministries whose keywords occur in `theme` (case-insensitive substring), in map
    /// order.
    pub fn ministries_for_theme(&self, theme: &str) -> impl Iterator<Item = &str> {
        let theme = theme.to_lowercase();
        self.ministries
            .iter()
            .filter(move |rule| rule.keywords.iter().any(|k| !k.is_empty() && theme.contains(k)))
            .map(|rule| rule.ministry.as_str())
    }

    /// The expected count of `kind` (ASCII case ignored), when the profile asks for it.
    pub fn expected_kind(&self, kind: &str) -> Option<u32> {
        self.kinds.iter().find(|(k, _)| k.eq_ignore_ascii_case(kind)).map(|(_, n)| *n)
    }

    /// The expected count of `sector`, when the profile asks for it.
    pub fn expected_sector(&self, sector: Sector) -> Option<u32> {
        self.sectors.iter().find(|(s, _)| *s == sector).map(|(_, n)| *n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_the_quadruple_helix_with_the_dutch_ministry_map() {
        let profile = Profile::default();
        assert_eq!(profile.sectors.len(), 5);
        assert_eq!(profile.expected_sector(Sector::Citizens), Some(1));
        assert_eq!(profile.expected_sector(Sector::Hybrid), None);
        assert_eq!(profile.ministries.len(), 8);
        let hits: Vec<&str> =
            profile.ministries_for_theme("Onderwijs en Arbeidsmarkt; Leefbaarheid").collect();
        assert_eq!(hits, ["BZK", "OCW", "SZW"]);
        let sum = profile.weights.gap_fill
            + profile.weights.proximity
            + profile.weights.theme_match
            + profile.weights.region_match;
        assert!((sum - 1.0).abs() < 1e-12);
    }
}
