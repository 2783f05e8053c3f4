//! The default theme → ministry map (DESIGN §4.5) as one function: which of the 2018–2022
//! ministries a theme points at.
//!
//! The keywords themselves live in [`DEFAULT_MINISTRY_KEYWORDS`] (next to the suspect profile,
//! which may replace them); this module is the shared way to ask the default map, used by `plan`
//! and open to any analysis that needs no profile file.

use crate::model::DEFAULT_MINISTRY_KEYWORDS;

/// The ministries (by abbreviation: `OCW`, `SZW`, …) whose keywords occur anywhere in `theme`,
/// ignoring case, in the map's order; empty when no keyword matches. A network's
/// [`Network::ministries_named`](crate::Network::ministries_named) finds the actors.
///
/// `"Arbeidsmarkt en talent"` gives `["OCW", "SZW"]` (talent, arbeidsmarkt);
/// `"techniek als motor"` gives nothing. Keywords match inside words, as the design asks:
/// `"waterveiligheid"` points at both IenW (water) and JenV (veiligheid).
pub fn ministries_for_theme(theme: &str) -> Vec<&'static str> {
    let theme = theme.to_lowercase();
    DEFAULT_MINISTRY_KEYWORDS
        .iter()
        .filter(|(_, keywords)| keywords.iter().any(|keyword| theme.contains(keyword)))
        .map(|(ministry, _)| *ministry)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn themes_map_to_ministries_by_keyword_ignoring_case() {
        assert_eq!(ministries_for_theme("Arbeidsmarkt en Talent"), ["OCW", "SZW"]);
        assert_eq!(ministries_for_theme("bereikbaarheid en vestigingsklimaat"), ["EZK", "IenW"]);
        assert_eq!(ministries_for_theme("CIRCULAIRE ECONOMIE"), ["EZK"]);
        assert_eq!(ministries_for_theme("Health and care"), ["VWS"]);
        assert_eq!(ministries_for_theme("Waterveiligheid"), ["IenW", "JenV"]);
        assert!(ministries_for_theme("techniek als motor (stad en land)").is_empty());
        assert!(ministries_for_theme("").is_empty());
    }
}
