//! `suspects` output: coverage, missing ministries, weakly engaged members and ranked candidates,
//! each candidate with one plain sentence saying why.
//!
//! JSON schema (DESIGN "Output schemas"): `{"coalition", "coverage": [{"category", "expected",
//! "present", "status"}], "missing_ministries": [{"ministry", "id", "name", "themes"}],
//! "weakly_engaged": [{"id", "reason"}], "candidates": [{"id", "name", "sector", "kind", "score",
//! "proximity", "gap_fill", "theme_match", "region_match", "reason"}]}` — coverage by
//! category, ministries in the profile's order by the names it writes (`id` and `name` of the
//! workspace's ministry, `null` when it has none), weakly engaged members by id, candidates
//! best first. CSV is the candidate list with those columns.

use serde::Serialize;
use serde_json::Value;

use super::json::to_value;
use super::records::{Cell, Records};
use crate::analysis::{Candidate, Category, CoverageStatus, Suspects};
use crate::model::{ActorId, Network, Sector};

/// The columns of the candidate list (CSV header and JSON keys).
pub const CANDIDATE_COLUMNS: [&str; 10] = [
    "id",
    "name",
    "sector",
    "kind",
    "score",
    "proximity",
    "gap_fill",
    "theme_match",
    "region_match",
    "reason",
];

/// Why a weakly engaged member is listed.
pub const WEAKLY_ENGAGED_REASON: &str = "signed, but neither it nor a unit below it has a working relation with another member, and no contribution (involved, not committed)";

/// The best `top` candidates, best first.
pub fn candidate_records<'a>(
    network: &'a Network,
    suspects: &'a Suspects,
    top: usize,
) -> Records<'a> {
    let mut records = Records::new(&CANDIDATE_COLUMNS);
    for candidate in suspects.candidates.iter().take(top) {
        let actor = network.actor(candidate.actor);
        records.push(vec![
            Cell::text(actor.key.as_str()),
            Cell::text(actor.name.as_str()),
            Cell::optional_text(actor.sector.map(|s| s.as_str())),
            Cell::optional_text(actor.kind.as_deref()),
            Cell::Number(Some(candidate.score)),
            Cell::Number(Some(candidate.proximity)),
            Cell::Number(Some(candidate.gap_fill)),
            Cell::Number(Some(candidate.theme_match)),
            Cell::Number(Some(candidate.region_match)),
            Cell::text(candidate_reason(network, candidate)),
        ]);
    }
    records
}

/// Coverage lines, by category label.
pub fn coverage_records(suspects: &Suspects) -> Records<'_> {
    let mut lines: Vec<_> = suspects.coverage.iter().collect();
    lines.sort_by_key(|line| line.category.label());
    let mut records = Records::new(&["category", "expected", "present", "status"]);
    for line in lines {
        records.push(vec![
            Cell::text(line.category.label()),
            Cell::Count(u64::from(line.expected)),
            Cell::Count(u64::from(line.present)),
            Cell::text(line.status.as_str()),
        ]);
    }
    records
}

/// The name column of a missing ministry that the workspace does not hold.
const NOT_IN_WORKSPACE: &str = "(not in the workspace)";

/// The JSON output of `suspects` (keys in this order).
#[derive(Serialize)]
struct SuspectsJson<'a> {
    coalition: &'a str,
    coverage: Value,
    missing_ministries: Vec<MissingMinistryJson<'a>>,
    weakly_engaged: Vec<WeaklyEngagedJson<'a>>,
    candidates: Value,
}

/// A ministry the coalition's themes call for, with those themes: as the profile writes it,
/// and the workspace's ministry (`null` when the workspace has none).
#[derive(Serialize)]
struct MissingMinistryJson<'a> {
    ministry: &'a str,
    id: Option<&'a str>,
    name: Option<&'a str>,
    themes: &'a [String],
}

/// A member that signed but is not engaged, and why it is listed.
#[derive(Serialize)]
struct WeaklyEngagedJson<'a> {
    id: &'a str,
    reason: &'static str,
}

/// The whole finding as the JSON object of the schema, with the best `top` candidates.
pub fn suspects_json(network: &Network, suspects: &Suspects, top: usize) -> Value {
    to_value(&SuspectsJson {
        coalition: &network.coalition(suspects.coalition).key,
        coverage: coverage_records(suspects).to_json(),
        missing_ministries: suspects
            .missing_ministries
            .iter()
            .map(|m| MissingMinistryJson {
                ministry: &m.ministry,
                id: m.actor.map(|a| network.actor(a).key.as_str()),
                name: m.actor.map(|a| network.actor(a).name.as_str()),
                themes: &m.themes,
            })
            .collect(),
        weakly_engaged: suspects
            .weakly_engaged
            .iter()
            .map(|&a| WeaklyEngagedJson {
                id: &network.actor(a).key,
                reason: WEAKLY_ENGAGED_REASON,
            })
            .collect(),
        candidates: candidate_records(network, suspects, top).to_json(),
    })
}

/// The ministries the coalition's themes call for that take no part, in the profile's order:
/// `ministry,id,name,themes` (`id` empty and `name` saying so when the workspace has no such
/// ministry; themes joined by `; `).
pub fn missing_ministry_records<'a>(network: &'a Network, suspects: &'a Suspects) -> Records<'a> {
    let mut records = Records::new(&["ministry", "id", "name", "themes"]);
    for m in &suspects.missing_ministries {
        let actor = m.actor.map(|a| network.actor(a));
        records.push(vec![
            Cell::text(m.ministry.as_str()),
            Cell::optional_text(actor.map(|a| a.key.as_str())),
            Cell::text(actor.map_or(NOT_IN_WORKSPACE, |a| a.name.as_str())),
            Cell::text(m.themes.join("; ")),
        ]);
    }
    records
}

/// The members that signed but are not engaged, by id: `id,name,reason`; the reason in full
/// ([`WEAKLY_ENGAGED_REASON`]) or, for a terminal (`full` false), in a few words.
pub fn weakly_engaged_records<'a>(
    network: &'a Network,
    suspects: &'a Suspects,
    full: bool,
) -> Records<'a> {
    let reason =
        if full { WEAKLY_ENGAGED_REASON } else { "signed; no working relation, no contribution" };
    let mut records = Records::new(&["id", "name", "reason"]);
    for &actor in &suspects.weakly_engaged {
        let a = network.actor(actor);
        records.push(vec![
            Cell::text(a.key.as_str()),
            Cell::text(a.name.as_str()),
            Cell::text(reason),
        ]);
    }
    records
}

/// The finding for a terminal: a heading, then one table per part.
pub fn suspects_table(network: &Network, suspects: &Suspects, top: usize) -> String {
    let coalition = network.coalition(suspects.coalition);
    let mut out = format!(
        "coalition {}: {} ({} members)\n\ncoverage\n{}",
        coalition.key,
        coalition.name,
        suspects.n_members,
        coverage_records(suspects).to_table()
    );
    out.push_str("\nmissing ministries (by theme)\n");
    if suspects.missing_ministries.is_empty() {
        out.push_str("none\n");
    } else {
        out.push_str(&missing_ministry_records(network, suspects).to_table());
    }
    out.push_str("\nweakly engaged members (involved, not committed)\n");
    if suspects.weakly_engaged.is_empty() {
        out.push_str("none\n");
    } else {
        out.push_str(&weakly_engaged_records(network, suspects, false).to_table());
    }
    let shown = top.min(suspects.candidates.len());
    out.push_str(&format!("\ncandidates (best {shown} of {})\n", suspects.candidates.len()));
    out.push_str(&candidate_records(network, suspects, top).to_table());
    out
}

/// One plain sentence saying why a candidate ranks where it does, e.g. "citizens are missing
/// from the coalition; works with Gemeente Een and Gemeente Twee; shares the theme
/// leefbaarheid".
pub fn candidate_reason(network: &Network, candidate: &Candidate) -> String {
    let reason = &candidate.reason;
    let mut parts: Vec<String> = Vec::new();
    for (category, status) in &reason.gaps {
        let state = match status {
            CoverageStatus::Missing => "missing from",
            CoverageStatus::Thin => "thin in",
            CoverageStatus::Ok => continue,
        };
        let subject = match category {
            Category::Sector(sector) => sector_subject(*sector).to_owned(),
            Category::Kind(kind) => format!("kind {kind} is"),
        };
        parts.push(format!("{subject} {state} the coalition"));
    }
    if !reason.works_with.is_empty() {
        parts.push(format!("works with {}", names(network, &reason.works_with)));
    } else if !reason.co_members.is_empty() {
        parts.push(format!("shares other coalitions with {}", names(network, &reason.co_members)));
    }
    match reason.shared_words.as_slice() {
        [] => {}
        [word] => parts.push(format!("shares the theme {word}")),
        words => parts.push(format!("shares the themes {}", list(words, 5))),
    }
    if let Some((region, member)) = reason.shared_region {
        let region_name = &network.actor(region).name;
        let member_name = &network.actor(member).name;
        parts.push(if region == candidate.actor {
            format!("{member_name}, a member, is part of it")
        } else if region == member {
            format!("is part of {member_name}, a member")
        } else {
            format!("is part of {region_name}, as {member_name} is")
        });
    }
    if parts.is_empty() {
        parts.push(if candidate.proximity > 0.0 {
            "reachable from the members through the network".to_owned()
        } else {
            "no tie to the coalition's members".to_owned()
        });
    }
    parts.join("; ")
}

/// `citizens are`, `business is`, … — the subject of a coverage sentence.
fn sector_subject(sector: Sector) -> &'static str {
    match sector {
        Sector::Government => "government is",
        Sector::Business => "business is",
        Sector::Knowledge => "knowledge institutions are",
        Sector::CivilSociety => "civil society is",
        Sector::Citizens => "citizens are",
        Sector::Hybrid => "hybrid bodies are",
    }
}

/// Up to three names: `A`, `A and B`, `A, B and C`, `A, B, C and 2 others`.
fn names(network: &Network, actors: &[ActorId]) -> String {
    let shown: Vec<String> = actors.iter().map(|&a| network.actor(a).name.clone()).collect();
    list(&shown, 3)
}

fn list(items: &[String], at_most: usize) -> String {
    let n_shown = items.len().min(at_most);
    let (shown, rest) = (&items[..n_shown], items.len() - n_shown);
    if rest > 0 {
        let others = if rest == 1 { "1 other".to_owned() } else { format!("{rest} others") };
        return format!("{} and {others}", shown.join(", "));
    }
    match shown.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, first)) => format!("{} and {last}", first.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_prose() {
        let items = |n: usize| (1..=n).map(|i| format!("G{i}")).collect::<Vec<_>>();
        assert_eq!(list(&items(1), 3), "G1");
        assert_eq!(list(&items(2), 3), "G1 and G2");
        assert_eq!(list(&items(3), 3), "G1, G2 and G3");
        assert_eq!(list(&items(4), 3), "G1, G2, G3 and 1 other");
        assert_eq!(list(&items(6), 3), "G1, G2, G3 and 3 others");
    }
}
