//! `diff` output: what changed between two views, as one long list (a row per change, by
//! section), a typed JSON document, and a few summary lines in plain words.
//!
//! CSV: `section,item,name,before,after,change,status_before,status_after,detail`, sections in
//! this order: `figure`, `money`, `members`, `member_joined`, `member_left`, `succession`
//! (item: the member that left, name: its successor that joined), `sector_gained`,
//! `sector_lost`, `kind_gained`, `kind_lost`, `layer`, `tie_gained`, `tie_lost`, `topic`,
//! `rank_degree`, `rank_betweenness`, `actor_joined`, `actor_left`, `only_before`,
//! `only_after`.

use serde::Serialize;
use serde_json::Value;

use super::json::to_value;
use super::records::{Cell, Records};
use crate::analysis::{ActorLabel, Diff, FigureChange, LayerChange, TieKey, TopicChange};

/// The columns of the list.
pub const DIFF_COLUMNS: [&str; 9] = [
    "section",
    "item",
    "name",
    "before",
    "after",
    "change",
    "status_before",
    "status_after",
    "detail",
];

fn tie_text(tie: &TieKey, directed: bool) -> String {
    format!("{} {} {}", tie.0, if directed { "->" } else { "--" }, tie.1)
}

fn label_detail(label: &ActorLabel) -> String {
    format!(
        "{}, {}",
        label.sector.map_or("sector unknown", |s| s.as_str()),
        label.level.map_or("level unknown", |l| l.as_str())
    )
}

fn status(s: Option<crate::analysis::TopicStatus>) -> &'static str {
    s.map_or("absent", |s| s.as_str())
}

fn topic_detail(t: &TopicChange) -> String {
    let list = |ties: &[TieKey]| {
        ties.iter().map(|t| format!("{} -- {}", t.0, t.1)).collect::<Vec<_>>().join("; ")
    };
    let mut parts = Vec::new();
    if !t.gained.is_empty() {
        parts.push(format!("gained: {}", list(&t.gained)));
    }
    if !t.lost.is_empty() {
        parts.push(format!("lost: {}", list(&t.lost)));
    }
    parts.join("; ")
}

/// One row per change, by section. The rows of the ties gained and lost (millions, for two
/// large workspaces) are built as they are written; the others are held.
pub fn diff_records(diff: &Diff) -> Records<'_> {
    let mut r: Vec<Vec<Cell<'_>>> = Vec::new();
    let row = |section: &str,
               item: String,
               name: String,
               before: Option<f64>,
               after: Option<f64>,
               change: Option<f64>,
               sb: &str,
               sa: &str,
               detail: String| {
        vec![
            Cell::text(section.to_owned()),
            Cell::text(item),
            Cell::text(name),
            Cell::Number(before),
            Cell::Number(after),
            Cell::Number(change),
            Cell::text(sb.to_owned()),
            Cell::text(sa.to_owned()),
            Cell::text(detail),
        ]
    };
    // An actor that joined or left: its id, name, sector and level.
    let actor_row = |section: &str, l: &ActorLabel| {
        row(section, l.key.clone(), l.name.clone(), None, None, None, "", "", label_detail(l))
    };
    let figure = |section: &str, f: &FigureChange| {
        row(
            section,
            f.figure.to_owned(),
            String::new(),
            f.before,
            f.after,
            f.change(),
            "",
            "",
            String::new(),
        )
    };
    for f in &diff.figures {
        r.push(figure("figure", f));
    }
    for f in &diff.money {
        r.push(figure("money", f));
    }
    if let Some(m) = &diff.members {
        let count = |x: usize| Some(x as f64);
        r.push(row(
            "members",
            "members".into(),
            String::new(),
            count(m.members_before),
            count(m.members_after),
            Some(m.members_after as f64 - m.members_before as f64),
            "",
            "",
            String::new(),
        ));
        let share = FigureChange::new(
            "government_share",
            m.government_share_before,
            m.government_share_after,
        );
        r.push(figure("members", &share));
        for (section, list) in [("member_joined", &m.joined), ("member_left", &m.left)] {
            r.extend(list.iter().map(|l| actor_row(section, l)));
        }
        for (left, joined) in &m.successions {
            r.push(row(
                "succession",
                left.clone(),
                joined.clone(),
                None,
                None,
                None,
                "",
                "",
                format!("{joined} took over from {left} or the other way round: one party renamed or split"),
            ));
        }
        for (section, list) in
            [("sector_gained", &m.sectors_gained), ("sector_lost", &m.sectors_lost)]
        {
            for s in list {
                r.push(row(
                    section,
                    s.as_str().to_owned(),
                    String::new(),
                    None,
                    None,
                    None,
                    "",
                    "",
                    String::new(),
                ));
            }
        }
        for (section, list) in [("kind_gained", &m.kinds_gained), ("kind_lost", &m.kinds_lost)] {
            for k in list {
                r.push(row(
                    section,
                    k.clone(),
                    String::new(),
                    None,
                    None,
                    None,
                    "",
                    "",
                    String::new(),
                ));
            }
        }
    }
    for l in &diff.layers {
        let (before, after) = (l.kept + l.lost.len(), l.kept + l.gained.len());
        r.push(row(
            "layer",
            l.layer.clone(),
            String::new(),
            Some(before as f64),
            Some(after as f64),
            Some(after as f64 - before as f64),
            "",
            "",
            format!(
                "gained {}, lost {}, kept {}, stability {}",
                l.gained.len(),
                l.lost.len(),
                l.kept,
                l.jaccard.map_or("-".to_owned(), |j| format!("{j:.3}"))
            ),
        ));
    }
    // The tie rows, by layer, gained then lost: where each list starts among them.
    let mut tie_lists: Vec<(usize, &LayerChange, &'static str, &[TieKey])> = Vec::new();
    let mut ties = 0;
    for l in &diff.layers {
        for (section, list) in [("tie_gained", &l.gained), ("tie_lost", &l.lost)] {
            if !list.is_empty() {
                tie_lists.push((ties, l, section, list));
                ties += list.len();
            }
        }
    }
    let head = std::mem::take(&mut r);
    for t in &diff.topics {
        r.push(row(
            "topic",
            t.topic.clone(),
            String::new(),
            None,
            None,
            Some(f64::from(t.direction())),
            status(t.before),
            status(t.after),
            topic_detail(t),
        ));
    }
    for m in &diff.movers {
        r.push(row(
            &format!("rank_{}", m.measure),
            m.key.clone(),
            m.name.clone(),
            Some(m.rank_before as f64),
            Some(m.rank_after as f64),
            Some(m.places() as f64),
            "",
            "",
            format!("{} {} -> {}", m.measure, trim(m.before), trim(m.after)),
        ));
    }
    for (section, list) in
        [("actor_joined", &diff.actors_joined), ("actor_left", &diff.actors_left)]
    {
        r.extend(list.iter().map(|l| actor_row(section, l)));
    }
    for (section, list) in [("only_before", &diff.only_before), ("only_after", &diff.only_after)] {
        for k in list {
            r.push(row(section, k.clone(), String::new(), None, None, None, "", "", String::new()));
        }
    }
    let tail = r;
    let len = head.len() + ties + tail.len();
    Records::from_fn(&DIFF_COLUMNS, len, move |i, cells| {
        if i < head.len() {
            cells.extend(head[i].iter().cloned());
        } else if i - head.len() < ties {
            let tie = i - head.len();
            let at = tie_lists.partition_point(|&(start, ..)| start <= tie) - 1;
            let (start, l, section, list) = tie_lists[at];
            cells.extend([
                Cell::text(section),
                Cell::text(l.layer.as_str()),
                Cell::text(tie_text(&list[tie - start], l.directed)),
                Cell::Number(None),
                Cell::Number(None),
                Cell::Number(None),
                Cell::text(""),
                Cell::text(""),
                Cell::text(""),
            ]);
        } else {
            cells.extend(tail[i - head.len() - ties].iter().cloned());
        }
    })
}

/// A score with at most 3 decimals, trailing zeros dropped.
fn trim(x: f64) -> String {
    let s = format!("{x:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_owned()
}

fn fmt_opt(x: Option<f64>) -> String {
    x.map_or("-".to_owned(), trim)
}

fn money(x: Option<f64>) -> String {
    match x {
        None => "-".to_owned(),
        Some(x) if x.abs() >= 1e6 => format!("€{}m", trim(x / 1e6)),
        Some(x) => format!("€{}", trim(x)),
    }
}

/// A few lines saying in plain words what changed.
pub fn diff_summary(diff: &Diff, before: &str, after: &str) -> Vec<String> {
    let mut lines = vec![format!("Compared: {before} (before) with {after} (after).")];
    if let Some(m) = &diff.members {
        let sectors = |list: &[crate::model::Sector]| {
            if list.is_empty() {
                "none".to_owned()
            } else {
                list.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
            }
        };
        let broadened = if m.sectors_gained.is_empty() {
            "no new sector at the table"
        } else {
            "it broadened to a new sector"
        };
        lines.push(format!(
            "Members: {} -> {} ({} joined, {} left); sectors gained: {}; lost: {}; {broadened}; kinds gained: {}.{} Government share {} -> {}.",
            m.members_before,
            m.members_after,
            m.joined.len(),
            m.left.len(),
            sectors(&m.sectors_gained),
            sectors(&m.sectors_lost),
            if m.kinds_gained.is_empty() { "none".to_owned() } else { m.kinds_gained.join(", ") },
            if m.successions.is_empty() {
                String::new()
            } else {
                format!(
                    " Of these, {} joined as successors of one that left ({}).",
                    m.successions.len(),
                    m.successions.iter().map(|(l, j)| format!("{l} -> {j}")).collect::<Vec<_>>().join(", ")
                )
            },
            fmt_opt(m.government_share_before),
            fmt_opt(m.government_share_after),
        ));
    } else {
        lines.push(format!(
            "Actors in the view: {} -> {} ({} joined, {} left).",
            diff.actors_before,
            diff.actors_after,
            diff.actors_joined.len(),
            diff.actors_left.len()
        ));
    }
    for l in diff.layers.iter().filter(|l| l.kept + l.gained.len() + l.lost.len() > 0) {
        lines.push(format!(
            "Layer {}: {} -> {} ties (gained {}, lost {}, kept {}; stability {}).",
            l.layer,
            l.kept + l.lost.len(),
            l.kept + l.gained.len(),
            l.gained.len(),
            l.lost.len(),
            l.kept,
            l.jaccard.map_or("-".to_owned(), |j| format!("{j:.2}"))
        ));
    }
    let figure = |name: &str| diff.figures.iter().find(|f| f.figure == name);
    let mut parts: Vec<String> =
        ["density", "degree_centralization", "weak_components", "mean_degree"]
            .iter()
            .filter_map(|n| figure(n))
            .map(|f| {
                let name = f.figure.replace('_', " ");
                format!("{name} {} -> {}", fmt_opt(f.before), fmt_opt(f.after))
            })
            .collect();
    if let Some(f) = figure("rijk_region_ties") {
        parts.push(format!("Rijk-region ties {} -> {}", fmt_opt(f.before), fmt_opt(f.after)));
    }
    lines.push(format!("Network: {}.", parts.join(", ")));
    if !diff.topics.is_empty() {
        let moved = |dir: i8| -> Vec<String> {
            diff.topics
                .iter()
                .filter(|t| t.direction() == dir)
                .map(|t| format!("{} ({} -> {})", t.topic, status(t.before), status(t.after)))
                .collect()
        };
        let (better, worse) = (moved(1), moved(-1));
        let one_side = |before: bool| {
            diff.topics
                .iter()
                .filter(|t| t.before.is_some() != t.after.is_some() && t.before.is_some() == before)
                .count()
        };
        let (only_b, only_a) = (one_side(true), one_side(false));
        let same = diff
            .topics
            .iter()
            .filter(|t| t.direction() == 0 && t.before.is_some() && t.after.is_some())
            .count();
        let list =
            |v: &[String]| if v.is_empty() { String::new() } else { format!(": {}", v.join("; ")) };
        lines.push(format!(
            "Topics: {} better{}; {} worse{}; {same} the same; {only_b} only before, {only_a} only after.",
            better.len(),
            list(&better),
            worse.len(),
            list(&worse)
        ));
    }
    if !diff.money.is_empty() {
        let f = |name: &str| diff.money.iter().find(|f| f.figure == name);
        let mut parts = Vec::new();
        if let Some(x) = f("national_contribution") {
            parts.push(format!("national contribution {} -> {}", money(x.before), money(x.after)));
        }
        if let Some(x) = f("national_share") {
            parts.push(format!("national share {} -> {}", fmt_opt(x.before), fmt_opt(x.after)));
        }
        if let Some(x) = f("rijk_region_euros") {
            parts.push(format!(
                "euros on Rijk-region ties {} -> {}",
                money(x.before),
                money(x.after)
            ));
        }
        lines.push(format!("Money: {}.", parts.join(", ")));
    }
    if !diff.only_before.is_empty() || !diff.only_after.is_empty() {
        lines.push(format!(
            "Actors matched by id: {} only in the workspace before, {} only in the one after (listed as only_before, only_after).",
            diff.only_before.len(),
            diff.only_after.len()
        ));
    }
    lines
}

#[derive(Serialize)]
struct DiffJson<'a> {
    before: &'a str,
    after: &'a str,
    summary: Vec<String>,
    figures: Vec<FigureJson>,
    money: Vec<FigureJson>,
    members: Option<MembersJson<'a>>,
    layers: Vec<LayerJson<'a>>,
    topics: Vec<TopicJson<'a>>,
    movers: Vec<MoverJson<'a>>,
    actors_joined: Vec<&'a str>,
    actors_left: Vec<&'a str>,
    only_before: &'a [String],
    only_after: &'a [String],
}

#[derive(Serialize)]
struct FigureJson {
    figure: &'static str,
    before: Option<f64>,
    after: Option<f64>,
    change: Option<f64>,
}

#[derive(Serialize)]
struct MembersJson<'a> {
    before: usize,
    after: usize,
    joined: Vec<MemberJson<'a>>,
    left: Vec<MemberJson<'a>>,
    sectors_gained: Vec<&'static str>,
    sectors_lost: Vec<&'static str>,
    kinds_gained: &'a [String],
    kinds_lost: &'a [String],
    successions: &'a [(String, String)],
    government_share_before: Option<f64>,
    government_share_after: Option<f64>,
}

#[derive(Serialize)]
struct MemberJson<'a> {
    id: &'a str,
    name: &'a str,
    sector: Option<&'static str>,
    level: Option<&'static str>,
}

#[derive(Serialize)]
struct LayerJson<'a> {
    layer: &'a str,
    directed: bool,
    gained: &'a [TieKey],
    lost: &'a [TieKey],
    kept: usize,
    jaccard: Option<f64>,
}

#[derive(Serialize)]
struct TopicJson<'a> {
    topic: &'a str,
    before: &'static str,
    after: &'static str,
    gained: &'a [TieKey],
    lost: &'a [TieKey],
}

#[derive(Serialize)]
struct MoverJson<'a> {
    measure: &'static str,
    id: &'a str,
    name: &'a str,
    rank_before: usize,
    rank_after: usize,
    before: f64,
    after: f64,
}

fn figures_json(list: &[FigureChange]) -> Vec<FigureJson> {
    list.iter()
        .map(|f| FigureJson {
            figure: f.figure,
            before: f.before.filter(|x| x.is_finite()),
            after: f.after.filter(|x| x.is_finite()),
            change: f.change(),
        })
        .collect()
}

fn members_json(list: &[ActorLabel]) -> Vec<MemberJson<'_>> {
    list.iter()
        .map(|l| MemberJson {
            id: &l.key,
            name: &l.name,
            sector: l.sector.map(|s| s.as_str()),
            level: l.level.map(|s| s.as_str()),
        })
        .collect()
}

/// The JSON document of `diff`: the summary lines, then every section.
pub fn diff_json(diff: &Diff, before: &str, after: &str) -> Value {
    to_value(&diff_document(diff, before, after))
}

/// [`diff_json`] as indented text, written straight from the results (no [`Value`] tree of
/// millions of ties in between); the same text as `to_pretty(&diff_json(…))`.
pub fn diff_json_text(diff: &Diff, before: &str, after: &str) -> String {
    super::json::to_pretty(&diff_document(diff, before, after))
}

fn diff_document<'a>(diff: &'a Diff, before: &'a str, after: &'a str) -> DiffJson<'a> {
    DiffJson {
        before,
        after,
        summary: diff_summary(diff, before, after),
        figures: figures_json(&diff.figures),
        money: figures_json(&diff.money),
        members: diff.members.as_ref().map(|m| MembersJson {
            before: m.members_before,
            after: m.members_after,
            joined: members_json(&m.joined),
            left: members_json(&m.left),
            sectors_gained: m.sectors_gained.iter().map(|s| s.as_str()).collect(),
            sectors_lost: m.sectors_lost.iter().map(|s| s.as_str()).collect(),
            kinds_gained: &m.kinds_gained,
            kinds_lost: &m.kinds_lost,
            successions: &m.successions,
            government_share_before: m.government_share_before,
            government_share_after: m.government_share_after,
        }),
        layers: diff
            .layers
            .iter()
            .map(|l| LayerJson {
                layer: &l.layer,
                directed: l.directed,
                gained: &l.gained,
                lost: &l.lost,
                kept: l.kept,
                jaccard: l.jaccard,
            })
            .collect(),
        topics: diff
            .topics
            .iter()
            .map(|t| TopicJson {
                topic: &t.topic,
                before: status(t.before),
                after: status(t.after),
                gained: &t.gained,
                lost: &t.lost,
            })
            .collect(),
        movers: diff
            .movers
            .iter()
            .map(|m| MoverJson {
                measure: m.measure,
                id: &m.key,
                name: &m.name,
                rank_before: m.rank_before,
                rank_after: m.rank_after,
                before: m.before,
                after: m.after,
            })
            .collect(),
        actors_joined: diff.actors_joined.iter().map(|l| l.key.as_str()).collect(),
        actors_left: diff.actors_left.iter().map(|l| l.key.as_str()).collect(),
        only_before: &diff.only_before,
        only_after: &diff.only_after,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{DiffConfig, DiffSide, diff};
    use crate::io::{Source, load};
    use crate::model::Date;
    use crate::view::ViewSpec;

    #[test]
    fn the_json_text_is_the_json_document_and_every_tie_has_its_row() {
        let network = load(&Source::Bundled).unwrap();
        let before = ViewSpec::default().with_at(Date::from_ymd_opt(2019, 1, 1));
        let after = ViewSpec::default().with_at(Date::from_ymd_opt(2024, 1, 1));
        let config = DiffConfig::default();
        let d = diff(DiffSide::new(&network, &before), DiffSide::new(&network, &after), &config)
            .unwrap();
        let gained: usize = d.layers.iter().map(|l| l.gained.len()).sum();
        assert!(gained > 10, "{gained} ties gained");
        let text = diff_json_text(&d, "2019", "2024");
        assert_eq!(text, crate::render::json::to_pretty(&diff_json(&d, "2019", "2024")));
        let csv = diff_records(&d).to_csv();
        let rows = |section: &str| csv.lines().filter(|l| l.starts_with(section)).count();
        assert_eq!(rows("tie_gained,"), gained);
        assert_eq!(rows("tie_lost,"), d.layers.iter().map(|l| l.lost.len()).sum::<usize>());
        let first = d.layers.iter().find(|l| !l.gained.is_empty()).unwrap();
        let tie = &first.gained[0];
        let arrow = if first.directed { "->" } else { "--" };
        let line = format!("tie_gained,{},{} {arrow} {},,,,,,", first.layer, tie.0, tie.1);
        assert!(csv.lines().any(|l| l == line), "{line}");
        assert!(csv.lines().last().unwrap().split(',').count() >= DIFF_COLUMNS.len());
    }
}
