//! Reading a suspect profile from a TOML file: expected members per sector and per kind, the
//! theme → ministry map and the score weights. Every problem is reported as `path:line: message`.
//!
//! The format (every table optional; a table that is given replaces that part of the default
//! profile, except `[weights]`, whose missing keys keep their defaults):
//!
//! ```toml
//! [sectors]            # expected members per sector (whole numbers ≥ 0; 0 = not expected)
//! government = 1
//! business = 2
//! knowledge = 1
//! civil_society = 1
//! citizens = 1
//!
//! [kinds]              # expected members per kind (the `kind` column of actors.csv)
//! cultural_institution = 1
//! youth_centre = 1
//!
//! [ministries]         # ministry = keywords; a theme containing a keyword maps to it
//! OCW = ["onderwijs", "cultuur", "talent"]
//! BZK = ["wonen", "leefbaarheid"]
//!
//! [weights]            # finite numbers ≥ 0, not all 0; used as given
//! gap_fill = 0.4
//! proximity = 0.3
//! theme_match = 0.2
//! region_match = 0.1
//! ```

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Diagnostics, Location};
use crate::model::{MinistryRule, Profile, Sector};

/// The largest profile file read (1 MiB); a profile is a few lines.
pub const MAX_PROFILE_BYTES: u64 = 1 << 20;

/// Why a profile could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProfileError {
    /// The file is missing, unreadable or invalid; every problem is listed.
    #[error("the profile has {} problem(s):\n{}", .0.len(), .0)]
    Invalid(Diagnostics),
}

impl ProfileError {
    /// The problems found.
    pub fn diagnostics(&self) -> &Diagnostics {
        match self {
            ProfileError::Invalid(diagnostics) => diagnostics,
        }
    }
}

/// Reads the profile file at `path` (see the module docs for the format).
///
/// # Errors
/// [`ProfileError::Invalid`] when the file cannot be read, is not TOML, or holds values the
/// format does not accept; each problem as `path:line: message`.
pub fn read_profile(path: &Path) -> Result<Profile, ProfileError> {
    let shown = path.display().to_string();
    let fail = |message: String| {
        let mut diagnostics = Diagnostics::default();
        diagnostics.push(Location { path: shown.clone(), line: None }, message);
        ProfileError::Invalid(diagnostics)
    };
    match std::fs::metadata(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(fail("no such profile file; give a TOML file (see --help)".to_owned()));
        }
        Err(error) => return Err(fail(format!("cannot read the profile: {error}"))),
        Ok(meta) if meta.is_dir() => {
            return Err(fail("is a folder; give a TOML profile file".to_owned()));
        }
        Ok(meta) if meta.len() > MAX_PROFILE_BYTES => {
            return Err(fail(format!(
                "is {} bytes; a profile is at most {MAX_PROFILE_BYTES} bytes",
                meta.len()
            )));
        }
        Ok(_) => {}
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read the profile: {e}")))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| fail("is not UTF-8 text; save the profile as UTF-8".to_owned()))?;
    parse_profile(&text, &shown)
}

/// Parses profile text; `path` names the file in messages.
///
/// # Errors
/// As [`read_profile`].
pub fn parse_profile(text: &str, path: &str) -> Result<Profile, ProfileError> {
    let mut diagnostics = Diagnostics::default();
    let at = |span: Option<Range<usize>>| Location {
        path: path.to_owned(),
        line: span.map(|s| line_of(text, s.start)),
    };
    let raw: RawProfile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(error) => {
            let message = error.message().trim().replace('\n', " ");
            diagnostics.push(at(error.span()), lower_first(&message));
            return Err(ProfileError::Invalid(diagnostics));
        }
    };
    let mut profile = Profile::default();

    if let Some(sectors) = raw.sectors {
        let mut expected: Vec<(Sector, u32)> = Vec::new();
        for (name, count) in sectors {
            let where_ = at(Some(count.span()));
            let Some(count) = whole_count(&name, &count, &mut diagnostics, &where_) else {
                continue;
            };
            match Sector::parse(&name) {
                Some(Sector::Hybrid) => diagnostics.push(
                    where_,
                    "[sectors] hybrid cannot be expected: a hybrid member counts for no sector; ask for its kind under [kinds] instead",
                ),
                Some(sector) => {
                    if expected.iter().any(|(s, _)| *s == sector) {
                        diagnostics.push(where_, format!("[sectors] {sector} is given twice"));
                    } else {
                        expected.push((sector, count));
                    }
                }
                None => diagnostics.push(
                    where_,
                    format!(
                        "[sectors] unknown sector `{name}`; expected government, business, knowledge, civil_society or citizens"
                    ),
                ),
            }
        }
        expected.sort_by_key(|(sector, _)| *sector);
        expected.retain(|(_, count)| *count > 0);
        profile.sectors = expected;
    }

    if let Some(kinds) = raw.kinds {
        let mut expected: Vec<(String, u32)> = Vec::new();
        for (name, count) in kinds {
            let where_ = at(Some(count.span()));
            let Some(count) = whole_count(&name, &count, &mut diagnostics, &where_) else {
                continue;
            };
            let kind = name.trim().to_lowercase();
            if kind.is_empty() {
                diagnostics.push(where_, "[kinds] a kind must not be empty");
            } else if expected.iter().any(|(k, _)| *k == kind) {
                diagnostics.push(where_, format!("[kinds] {kind} is given twice"));
            } else {
                expected.push((kind, count));
            }
        }
        expected.sort();
        expected.retain(|(_, count)| *count > 0);
        profile.kinds = expected;
    }

    if let Some(ministries) = raw.ministries {
        let mut rules: Vec<MinistryRule> = Vec::new();
        for (ministry, keywords) in ministries {
            let where_ = at(Some(keywords.span()));
            let ministry = ministry.trim().to_owned();
            if ministry.is_empty() {
                diagnostics.push(
                    where_,
                    "[ministries] a ministry must not be empty (write its abbreviation, name or id)",
                );
                continue;
            }
            if let Some(earlier) =
                rules.iter().find(|rule| rule.ministry.to_lowercase() == ministry.to_lowercase())
            {
                diagnostics.push(
                    where_,
                    format!(
                        "[ministries] {ministry} is given twice (also as {}; case is ignored)",
                        earlier.ministry
                    ),
                );
                continue;
            }
            let mut words: Vec<String> = Vec::new();
            for keyword in keywords.into_inner() {
                let word = keyword.get_ref().trim().to_lowercase();
                if word.is_empty() {
                    diagnostics.push(
                        at(Some(keyword.span())),
                        format!("[ministries] {ministry}: a keyword must not be empty"),
                    );
                } else if !words.contains(&word) {
                    words.push(word);
                }
            }
            rules.push(MinistryRule { ministry, keywords: words });
        }
        rules.sort_by(|a, b| {
            (a.ministry.to_lowercase(), &a.ministry).cmp(&(b.ministry.to_lowercase(), &b.ministry))
        });
        profile.ministries = rules;
    }

    if let Some(weights) = raw.weights {
        let table_span = weights.span();
        let weights = weights.into_inner();
        let parts = [
            ("gap_fill", weights.gap_fill, &mut profile.weights.gap_fill),
            ("proximity", weights.proximity, &mut profile.weights.proximity),
            ("theme_match", weights.theme_match, &mut profile.weights.theme_match),
            ("region_match", weights.region_match, &mut profile.weights.region_match),
        ];
        for (name, given, slot) in parts {
            let Some(given) = given else { continue };
            let value = *given.get_ref();
            if value.is_finite() && value >= 0.0 {
                *slot = value;
            } else {
                diagnostics.push(
                    at(Some(given.span())),
                    format!("[weights] {name} must be a number ≥ 0, not {value}"),
                );
            }
        }
        let w = profile.weights;
        if diagnostics.is_empty()
            && w.gap_fill + w.proximity + w.theme_match + w.region_match <= 0.0
        {
            diagnostics.push(
                at(Some(table_span)),
                "[weights] the weights add up to 0; give at least one a positive weight",
            );
        }
    }

    if diagnostics.is_empty() {
        Ok(profile)
    } else {
        diagnostics.sort();
        Err(ProfileError::Invalid(diagnostics))
    }
}

/// The profile file as written, before checking values.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    sectors: Option<BTreeMap<String, Spanned<i64>>>,
    kinds: Option<BTreeMap<String, Spanned<i64>>>,
    ministries: Option<BTreeMap<String, Spanned<Vec<Spanned<String>>>>>,
    weights: Option<Spanned<RawWeights>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWeights {
    gap_fill: Option<Spanned<f64>>,
    proximity: Option<Spanned<f64>>,
    theme_match: Option<Spanned<f64>>,
    region_match: Option<Spanned<f64>>,
}

fn whole_count(
    name: &str,
    count: &Spanned<i64>,
    diagnostics: &mut Diagnostics,
    at: &Location,
) -> Option<u32> {
    let value = *count.get_ref();
    match u32::try_from(value) {
        Ok(n) => Some(n),
        Err(_) => {
            diagnostics.push(
                at.clone(),
                format!("expected count of {name} must be a whole number ≥ 0, not {value}"),
            );
            None
        }
    }
}

/// The 1-based line of byte offset `at` in `text`.
fn line_of(text: &str, at: usize) -> u64 {
    let end = at.min(text.len());
    text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

/// Lower-cases the first letter of a message (messages are lower-case, no trailing period).
fn lower_first(message: &str) -> String {
    let message = message.trim_end_matches('.');
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        match parse_profile(text, "p.toml") {
            Ok(_) => Vec::new(),
            Err(error) => error.diagnostics().items().iter().map(|d| d.to_string()).collect(),
        }
    }

    #[test]
    fn an_empty_profile_is_the_default() {
        assert_eq!(parse_profile("", "p.toml").unwrap(), Profile::default());
    }

    #[test]
    fn tables_replace_their_part_and_weights_keep_missing_keys() {
        let profile = parse_profile(
            "[sectors]\nBusiness = 2\ncitizens = 0\n\n[kinds]\nYouth_Centre = 1\n\n[ministries]\nmin_x = [\"Wonen\"]\n\n[weights]\nproximity = 1\n",
            "p.toml",
        )
        .unwrap();
        assert_eq!(profile.sectors, vec![(Sector::Business, 2)]);
        assert_eq!(profile.kinds, vec![("youth_centre".to_owned(), 1)]);
        assert_eq!(profile.ministries.len(), 1);
        assert_eq!(profile.ministries[0].keywords, ["wonen"]);
        assert_eq!(profile.weights.proximity, 1.0);
        assert_eq!(profile.weights.gap_fill, 0.4);
    }

    #[test]
    fn every_bad_value_is_reported_with_its_line() {
        let text =
            "[sectors]\nhybrid = 1\nbusness = 1\ncitizens = -1\n\n[weights]\ngap_fill = -0.5\n";
        assert_eq!(
            errors(text),
            [
                "p.toml:2: [sectors] hybrid cannot be expected: a hybrid member counts for no sector; ask for its kind under [kinds] instead",
                "p.toml:3: [sectors] unknown sector `busness`; expected government, business, knowledge, civil_society or citizens",
                "p.toml:4: expected count of citizens must be a whole number ≥ 0, not -1",
                "p.toml:7: [weights] gap_fill must be a number ≥ 0, not -0.5",
            ]
        );
    }

    #[test]
    fn names_given_twice_and_empty_names_are_reported() {
        let text = "[sectors]\nBusiness = 1\nbusiness = 2\n\n[kinds]\nYouth_Centre = 1\nyouth_centre = 1\n\"\" = 1\n\n[ministries]\n\"\" = [\"x\"]\nmin_x = [\"wonen\", \" \"]\nEZK = [\"economie\"]\nezk = [\"energie\"]\n";
        assert_eq!(
            errors(text),
            [
                "p.toml:3: [sectors] business is given twice",
                "p.toml:7: [kinds] youth_centre is given twice",
                "p.toml:8: [kinds] a kind must not be empty",
                "p.toml:11: [ministries] a ministry must not be empty (write its abbreviation, name or id)",
                "p.toml:12: [ministries] min_x: a keyword must not be empty",
                "p.toml:14: [ministries] ezk is given twice (also as EZK; case is ignored)",
            ]
        );
    }

    #[test]
    fn the_error_lists_every_problem_under_a_count() {
        let error =
            parse_profile("[weights]\ngap_fill = -1\nproximity = -2\n", "p.toml").unwrap_err();
        assert_eq!(
            error.to_string(),
            "the profile has 2 problem(s):\np.toml:2: [weights] gap_fill must be a number ≥ 0, not -1\np.toml:3: [weights] proximity must be a number ≥ 0, not -2\n"
        );
    }

    #[test]
    fn syntax_errors_and_unknown_tables_name_the_line() {
        let syntax = errors("[sectors]\nbusiness = \n");
        assert_eq!(syntax, ["p.toml:2: string values must be quoted, expected literal string"]);
        let unknown = errors("[sectors]\nbusiness = 1\n[colours]\nred = 1\n");
        assert!(unknown[0].starts_with("p.toml:3: unknown field `colours`"), "{unknown:?}");
        let zero =
            errors("[weights]\ngap_fill = 0\nproximity = 0\ntheme_match = 0\nregion_match = 0\n");
        assert_eq!(
            zero,
            ["p.toml:1: [weights] the weights add up to 0; give at least one a positive weight"]
        );
    }
}
