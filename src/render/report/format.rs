//! Small formatting helpers of the page: escaping, numbers (shares, money, measures), labels of
//! sectors, sides and statuses, shell words and links to sources.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use quick_xml::escape::escape;

use crate::analysis::{Brokerage, CoverageStatus};
use crate::model::{ActorId, Level, Network, Sector, Side};
use crate::render::markup::xml::xml_safe;
use crate::view::{LayerChoice, View};

/// Text escaped for HTML text and (double- or single-quoted) attribute values; characters XML
/// cannot hold become U+FFFD.
pub(super) fn esc(text: &str) -> String {
    escape(xml_safe(text).into_owned()).into_owned()
}

/// `word` as one shell word: as it is when it holds only safe characters, else in single
/// quotes.
pub(super) fn shell_word(word: &str) -> String {
    let safe = !word.is_empty()
        && word.chars().all(|c| c.is_ascii_alphanumeric() || "_./:=@%+-,".contains(c));
    if safe { word.to_owned() } else { format!("'{}'", word.replace('\'', "'\\''")) }
}

/// Links to the `http(s)` addresses in a `source` cell (split on `;`, `|` and white space),
/// each shown by its host.
pub(super) fn source_links(cell: Option<&str>) -> Vec<String> {
    let Some(cell) = cell else { return Vec::new() };
    let mut seen = BTreeSet::new();
    cell.split([';', '|', ' ', '\t', '\n'])
        .filter(|part| part.starts_with("https://") || part.starts_with("http://"))
        .filter(|part| seen.insert(*part))
        .map(|url| {
            let host =
                url.split("://").nth(1).and_then(|rest| rest.split('/').next()).unwrap_or(url);
            format!("<a href=\"{}\">{}</a>", esc(url), esc(host))
        })
        .collect()
}

pub(super) fn layer_list(network: &Network, layers: &[LayerChoice]) -> String {
    let names: Vec<&str> = layers.iter().map(|&l| View::layer_name(network, l)).collect();
    match names.len() {
        0 => "no layers".to_owned(),
        1 => format!("layer {}", names[0]),
        _ => format!("layers {}", names.join(", ")),
    }
}

pub(super) fn sector_rank(sector: Option<Sector>) -> usize {
    sector.and_then(|s| Sector::ALL.iter().position(|x| *x == s)).unwrap_or(Sector::ALL.len())
}

pub(super) fn level_rank(level: Option<Level>) -> usize {
    level.and_then(|l| Level::ALL.iter().position(|x| *x == l)).unwrap_or(Level::ALL.len())
}

pub(super) fn sector_label(sector: Option<Sector>) -> &'static str {
    match sector {
        Some(Sector::Government) => "government",
        Some(Sector::Business) => "business",
        Some(Sector::Knowledge) => "knowledge",
        Some(Sector::CivilSociety) => "civil society",
        Some(Sector::Citizens) => "citizens",
        Some(Sector::Hybrid) => "hybrid (triple-helix board)",
        None => "no sector",
    }
}

pub(super) fn side_label(side: Side) -> &'static str {
    match side {
        Side::Rijk => "Rijk",
        Side::Region => "region",
    }
}

pub(super) fn status_word(status: CoverageStatus) -> &'static str {
    match status {
        CoverageStatus::Missing => "missing",
        CoverageStatus::Thin => "thin",
        CoverageStatus::Ok => "ok",
    }
}

pub(super) fn count_note(count: usize, total: usize) -> String {
    if total == 0 {
        count.to_string()
    } else {
        format!("{count} ({})", share(count as f64 / total as f64))
    }
}

pub(super) fn optional(value: Option<f64>, format: impl Fn(f64) -> String) -> String {
    value.filter(|v| v.is_finite()).map_or_else(|| "–".to_owned(), format)
}

/// A share as a whole percentage.
pub(super) fn share(value: f64) -> String {
    format!("{:.0}%", value * 100.0)
}

/// Money in euros: `€20.0m`, `€250k`, `€900` (the connectieplan labels its ties with it too).
pub(in crate::render) fn money(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude >= 1e6 {
        format!("€{:.1}m", value / 1e6)
    } else if magnitude >= 1e3 {
        format!("€{:.0}k", value / 1e3)
    } else {
        format!("€{value:.0}")
    }
}

pub(super) fn ratio(value: f64) -> String {
    format!("{value:.2}")
}

/// A measure with three decimals (whole numbers as they are).
pub(super) fn measure(value: f64) -> String {
    if value == value.trunc() && value.abs() < 1e15 {
        format!("{value:.0}")
    } else if value.abs() >= 100.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.3}")
    }
}

/// A row of a key-actor table: the actor's name, sector and side, then `numbers`.
pub(super) fn actor_row(out: &mut String, network: &Network, actor: ActorId, numbers: &[String]) {
    let a = network.actor(actor);
    let _ = write!(
        out,
        "<tr><td>{}</td><td>{}</td><td>{}</td>",
        esc(&a.name),
        sector_label(a.sector),
        side_label(network.side(actor))
    );
    for number in numbers {
        let _ = write!(out, "<td class=\"num\">{number}</td>");
    }
    out.push_str("</tr>\n");
}

/// Brokerage between Rijk and region per actor index: the two-step paths on which an actor
/// links two groups (every role but coordinator).
pub(super) fn rijk_region_brokerage(brokerage: &Brokerage) -> BTreeMap<usize, u64> {
    brokerage.nodes.iter().map(|n| (n.actor.index(), n.raw.total - n.raw.coordinator)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(share(0.625), "62%");
        assert_eq!(money(20_000_000.0), "€20.0m");
        assert_eq!(money(250_000.5), "€250k");
        assert_eq!(measure(1.0), "1");
        assert_eq!(measure(0.12345), "0.123");
        assert_eq!(optional(None, share), "–");
        assert_eq!(
            esc("<a href=\"x\">'&'</a>\u{1}"),
            "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;\u{FFFD}"
        );
    }

    #[test]
    fn command_words_are_quoted_for_the_shell() {
        assert_eq!(shell_word("fixtures/tiny"), "fixtures/tiny");
        assert_eq!(shell_word("my region/it's"), "'my region/it'\\''s'");
        assert_eq!(shell_word(""), "''");
    }

    #[test]
    fn only_web_addresses_become_links() {
        let links = source_links(Some(
            "https://example.org/a ; javascript:alert(1) | http://x.nl/\"><b>; https://example.org/a",
        ));
        assert_eq!(
            links,
            [
                "<a href=\"https://example.org/a\">example.org</a>",
                "<a href=\"http://x.nl/&quot;&gt;&lt;b&gt;\">x.nl</a>"
            ]
        );
    }
}
