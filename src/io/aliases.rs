//! Names as analysts write them: Dutch column names and values (`niveau`, `gemeentelijk`,
//! `ondertekenaar`) taken for the format's own, and "did you mean" suggestions for names that
//! are close to a known one (edit distance).

use crate::model::{Level, Role, Sector, join_alternatives};

/// Dutch (and other) column names of `actors.csv`, each with the column it stands for.
const ACTOR_ALIASES: &[(&str, &str)] = &[
    ("naam", "name"),
    ("niveau", "level"),
    ("bestuurslaag", "level"),
    ("onderdeel_van", "parent"),
    ("ouder", "parent"),
    ("valt_onder", "parent"),
    ("soort", "kind"),
    ("type", "kind"),
    ("themas", "themes"),
    ("thema's", "themes"),
    ("thema", "themes"),
    ("invloed", "influence"),
    ("afkorting", "abbreviation"),
    ("opvolger", "successor"),
    ("opvolgers", "successor"),
];

/// See [`ACTOR_ALIASES`].
const RELATION_ALIASES: &[(&str, &str)] = &[
    ("bron", "source"),
    ("van", "source"),
    ("doel", "target"),
    ("naar", "target"),
    ("laag", "layer"),
    ("soort", "layer"),
    ("gericht", "directed"),
    ("gewicht", "weight"),
    ("sterkte", "weight"),
    ("bedrag", "amount"),
    ("onderwerp", "topic"),
    ("thema", "topic"),
    ("vanaf", "since"),
    ("sinds", "since"),
    ("tot", "until"),
    ("tot_en_met", "until"),
    ("coalitie", "coalition"),
    ("deal", "coalition"),
];

/// See [`ACTOR_ALIASES`].
const COALITION_ALIASES: &[(&str, &str)] = &[
    ("naam", "name"),
    ("regio", "region"),
    ("themas", "themes"),
    ("thema's", "themes"),
    ("thema", "themes"),
    ("rijksbijdrage", "national_contribution"),
    ("cofinanciering", "cofinancing"),
    ("bestuur", "governance"),
    ("begin", "start"),
    ("startdatum", "start"),
    ("eind", "end"),
    ("einde", "end"),
    ("einddatum", "end"),
];

/// See [`ACTOR_ALIASES`].
const MEMBER_ALIASES: &[(&str, &str)] = &[
    ("coalitie", "coalition"),
    ("deal", "coalition"),
    ("partij", "actor"),
    ("rol", "role"),
    ("bijdrage", "contribution"),
    ("vanaf", "since"),
    ("sinds", "since"),
    ("tot", "until"),
    ("tot_en_met", "until"),
];

/// The other names of the columns of a workspace file (`actors.csv`, …).
pub(crate) fn column_aliases(file: &str) -> &'static [(&'static str, &'static str)] {
    match file {
        "actors.csv" => ACTOR_ALIASES,
        "relations.csv" => RELATION_ALIASES,
        "coalitions.csv" => COALITION_ALIASES,
        "members.csv" => MEMBER_ALIASES,
        _ => &[],
    }
}

/// A column or value name as it is compared: lower case, spaces and hyphens as `_`.
pub(crate) fn normalized(name: &str) -> String {
    name.trim().to_lowercase().replace([' ', '-'], "_")
}

const SECTOR_ALIASES: &[(&str, Sector)] = &[
    ("overheid", Sector::Government),
    ("bedrijfsleven", Sector::Business),
    ("bedrijf", Sector::Business),
    ("kennisinstelling", Sector::Knowledge),
    ("kennis", Sector::Knowledge),
    ("maatschappelijk", Sector::CivilSociety),
    ("maatschappelijke_organisatie", Sector::CivilSociety),
    ("maatschappelijk_middenveld", Sector::CivilSociety),
    ("burgers", Sector::Citizens),
    ("inwoners", Sector::Citizens),
    ("hybride", Sector::Hybrid),
];

const LEVEL_ALIASES: &[(&str, Level)] = &[
    ("europees", Level::Eu),
    ("europa", Level::Eu),
    ("nationaal", Level::National),
    ("rijk", Level::National),
    ("provinciaal", Level::Provincial),
    ("regionaal", Level::Regional),
    ("gemeentelijk", Level::Municipal),
    ("lokaal", Level::Local),
];

const ROLE_ALIASES: &[(&str, Role)] = &[
    ("ondertekenaar", Role::Signatory),
    ("trekker", Role::Lead),
    ("programmabureau", Role::ProgrammeOffice),
    ("stuurgroep", Role::SteeringGroup),
    ("adviseur", Role::Advisory),
    ("adviserend", Role::Advisory),
    ("projectpartner", Role::ProjectPartner),
    ("dealmaker", Role::Dealmaker),
    ("betrokken", Role::Involved),
    ("programma", Role::Programme),
];

/// Reads a value of a vocabulary: its own spelling or a Dutch one, case ignored, a space or
/// hyphen for `_`.
fn vocabulary<T: Copy>(
    text: &str,
    parse: fn(&str) -> Option<T>,
    aliases: &[(&str, T)],
) -> Option<T> {
    parse(text).or_else(|| {
        let key = normalized(text);
        parse(&key).or_else(|| aliases.iter().find(|(alias, _)| *alias == key).map(|(_, v)| *v))
    })
}

/// The first Dutch spelling of each value, for messages.
fn dutch_names<T: PartialEq>(all: &[T], aliases: &[(&'static str, T)]) -> String {
    join_alternatives(
        all.iter().filter_map(|v| aliases.iter().find(|(_, a)| a == v).map(|(name, _)| *name)),
    )
}

/// A sector (`government`, `overheid`, …).
pub(crate) fn sector(text: &str) -> Option<Sector> {
    vocabulary(text, Sector::parse, SECTOR_ALIASES)
}

/// A level (`municipal`, `gemeentelijk`, …).
pub(crate) fn level(text: &str) -> Option<Level> {
    vocabulary(text, Level::parse, LEVEL_ALIASES)
}

/// A role (`signatory`, `ondertekenaar`, …).
pub(crate) fn role(text: &str) -> Option<Role> {
    vocabulary(text, Role::parse, ROLE_ALIASES)
}

/// The sectors accepted, in English and in Dutch.
pub(crate) fn sectors_accepted() -> String {
    format!("{} (in Dutch: {})", Sector::accepted(), dutch_names(Sector::ALL, SECTOR_ALIASES))
}

/// The levels accepted, in English and in Dutch.
pub(crate) fn levels_accepted() -> String {
    format!("{} (in Dutch: {})", Level::accepted(), dutch_names(Level::ALL, LEVEL_ALIASES))
}

/// The roles accepted, in English and in Dutch.
pub(crate) fn roles_accepted() -> String {
    format!("{} (in Dutch: {})", Role::accepted(), dutch_names(Role::ALL, ROLE_ALIASES))
}

/// The optimal string alignment distance between `a` and `b` (insertions, deletions,
/// substitutions and swaps of neighbours, each 1), ignoring case.
pub(crate) fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    let width = b.len() + 1;
    let mut rows = vec![0usize; (a.len() + 1) * width];
    for (j, cell) in rows.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[(i - 1) * width + j] + 1)
                .min(rows[i * width + j - 1] + 1)
                .min(rows[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[(i - 2) * width + j - 2] + 1);
            }
            rows[i * width + j] = best;
        }
    }
    rows[a.len() * width + b.len()]
}

/// The largest distance at which a name counts as a slip of `written`: 0 (case only) for
/// names of one or two characters, 1 for names of up to four, else 2.
fn max_distance(written: &str) -> usize {
    match written.chars().count() {
        0..=2 => 0,
        3..=4 => 1,
        _ => 2,
    }
}

/// Up to three of `candidates` close to `written`, nearest first, ties in name order.
pub(crate) fn close_to<'c>(
    written: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Vec<&'c str> {
    let limit = max_distance(written);
    let length = written.chars().count();
    let mut found: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter(|c| c.chars().count().abs_diff(length) <= limit && *c != written)
        .filter_map(|c| {
            let d = distance(written, c);
            (d <= limit).then_some((d, c))
        })
        .collect();
    found.sort_unstable();
    found.dedup_by(|a, b| a.1 == b.1);
    found.into_iter().take(3).map(|(_, c)| c).collect()
}

/// `; did you mean `a`?` or `; did you mean `a`, `b` or `c`?`; empty without suggestions.
pub(crate) fn did_you_mean(suggestions: &[&str]) -> String {
    if suggestions.is_empty() {
        return String::new();
    }
    let quoted: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
    format!("; did you mean {}?", join_alternatives(quoted.iter().map(String::as_str)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_values_are_read() {
        assert_eq!(sector("Overheid"), Some(Sector::Government));
        assert_eq!(sector("maatschappelijke organisatie"), Some(Sector::CivilSociety));
        assert_eq!(sector("civil society"), Some(Sector::CivilSociety));
        assert_eq!(level("gemeentelijk"), Some(Level::Municipal));
        assert_eq!(role("Stuurgroep"), Some(Role::SteeringGroup));
        assert_eq!(role("programme-office"), Some(Role::ProgrammeOffice));
        assert_eq!(sector("ngo"), None);
        assert_eq!(
            levels_accepted(),
            "eu, national, provincial, regional, municipal or local (in Dutch: europees, \
             nationaal, provinciaal, regionaal, gemeentelijk or lokaal)"
        );
    }

    #[test]
    fn close_names_are_suggested_in_a_fixed_order() {
        assert_eq!(distance("levle", "level"), 1);
        assert_eq!(distance("Gem_1", "gem_1"), 0);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(close_to("levle", ["level", "layer", "name"]), ["level"]);
        assert_eq!(
            close_to("gem_3", ["gem_2", "gem_1", "prov", "gem_10", "gem_4"]),
            ["gem_1", "gem_2", "gem_4"]
        );
        assert!(close_to("website", ["level", "sector"]).is_empty());
        assert_eq!(did_you_mean(&["a"]), "; did you mean `a`?");
        assert_eq!(did_you_mean(&["a", "b", "c"]), "; did you mean `a`, `b` or `c`?");
    }
}
