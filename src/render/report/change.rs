//! A coalition's change on the page: "Since the baseline" and "Compared with the previous
//! deal", each a few sentences in plain words (parties gained and lost by sector, whether the
//! table broadened, the government share, the ties between the Rijk and the region, the ties
//! among the parties, topics, money), then the tables of the [`Diff`] behind them, its files
//! and the `stakenet diff` command that gives it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::format::{esc, measure, money, sector_label, sector_rank, share, shell_word};
use super::naming::ReportFile;
use super::prose::{EXPLAIN_BASELINE, EXPLAIN_PREVIOUS_DEAL};
use super::section::Section;
use crate::analysis::{
    ActorLabel, BaselineFinding, CoalitionChange, CoalitionReport, Diff, FigureChange, MomentBasis,
    TopicStatus,
};
use crate::model::{Date, Network, Sector};
use crate::render::json::to_pretty;
use crate::render::{diff_json, diff_records};

/// Which comparison a part shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Since the baseline.
    Baseline,
    /// From the deal this one follows.
    Previous,
}

/// New or dropped topics are named in a sentence when there are at most this many.
const NAMED_TOPICS: usize = 4;

/// Rows of the table of ties gained and lost.
const TIE_ROWS: usize = 20;

/// The coalition's change parts: since the baseline (when the report has one), then compared
/// with the previous deal (when it follows one).
pub(super) fn change_sections(
    out: &mut String,
    files: &mut Vec<ReportFile>,
    context: &super::context::Context<'_>,
    coalition: &CoalitionReport,
    data: &str,
) {
    let network = context.network;
    let key = &network.coalition(coalition.coalition).key;
    if let Some(finding) = &coalition.since_baseline {
        let mut s = Section::headed(out, files, context, "Since the baseline", EXPLAIN_BASELINE)
            .dated(coalition.moment.date);
        let argument = context.report.source.baseline_argument.as_deref();
        match finding {
            BaselineFinding::Missing => {
                let _ = writeln!(
                    s.out,
                    "<p class=\"note\">The baseline workspace{} has no coalition with the id \
                     <code>{}</code>, so there is nothing to compare this one with: it is new \
                     since the baseline, or the baseline knows it by another id.</p>",
                    argument.map_or_else(String::new, |a| format!(" ({})", esc(a))),
                    esc(key)
                );
                s.end(None);
            }
            BaselineFinding::NotEarlier { baseline, described } => {
                let _ = writeln!(
                    s.out,
                    "<p class=\"note\">The coalition is described on {} ({}), which is not after \
                     the baseline of {}: there is no change since the baseline to show.</p>",
                    long_date(*described),
                    esc(moment_reason(coalition.moment.basis)),
                    long_date(*baseline)
                );
                s.end(None);
            }
            BaselineFinding::Compared(change) => {
                let sentences = sentences(network, key, change, Kind::Baseline, argument);
                let command = baseline_command(context, key, change, argument);
                let stem = format!("{data}/since-baseline");
                body(&mut s, change, &sentences, &stem, labels(key, change, argument));
                s.end_with(command.as_deref());
            }
        }
    }
    if let Some(change) = &coalition.previous_deal {
        let mut s = Section::headed(
            out,
            files,
            context,
            "Compared with the previous deal",
            EXPLAIN_PREVIOUS_DEAL,
        )
        .dated(coalition.moment.date);
        let sentences = sentences(network, key, change, Kind::Previous, None);
        let stem = format!("{data}/previous-deal");
        body(&mut s, change, &sentences, &stem, labels(key, change, None));
        let mut command = format!("stakenet diff --coalition {} --vs previous", shell_word(key));
        if context.report.moment.basis == MomentBasis::Asked {
            if let Some(date) = context.report.moment.date {
                let _ = write!(command, " --at {date}");
            }
        }
        s.end(Some(&command));
    }
}

/// Why the coalition is described on its date, in a few words.
fn moment_reason(basis: MomentBasis) -> &'static str {
    match basis {
        MomentBasis::Asked => "the date asked for",
        MomentBasis::CoalitionEnded => "its last day",
        MomentBasis::CoalitionNotStarted => "its first day",
        MomentBasis::LatestInData => "the latest date in the data",
        _ => "today",
    }
}

/// The before and after labels of the data files, as `stakenet diff` writes them.
fn labels(key: &str, change: &CoalitionChange, argument: Option<&str>) -> (String, String) {
    let on = |date: Option<Date>| date.map_or_else(String::new, |d| format!(" (on {d})"));
    let after = format!("{key}{}", on(change.after_moment.date));
    let before = match change.other_workspace {
        true => format!(
            "{} {}{}",
            argument.unwrap_or("baseline"),
            change.before_key,
            on(change.before_moment.date)
        ),
        false => format!("{}{}", change.before_key, on(change.before_moment.date)),
    };
    (before, after)
}

/// `stakenet diff` for the baseline: two dates (`--from`/`--to`), or two workspaces (the
/// baseline first).
fn baseline_command(
    context: &super::context::Context<'_>,
    key: &str,
    change: &CoalitionChange,
    argument: Option<&str>,
) -> Option<String> {
    let source = &context.report.source;
    if !change.other_workspace {
        let (from, to) = (change.before_moment.date?, change.after_moment.date?);
        let mut line = "stakenet diff".to_owned();
        if let Some(workspace) = &source.workspace_argument {
            line.push(' ');
            line.push_str(&shell_word(workspace));
        }
        let _ = write!(line, " --coalition {} --from {from} --to {to}", shell_word(key));
        return Some(line);
    }
    let workspace = source.workspace_argument.as_deref().unwrap_or(&source.workspace);
    let mut line = format!(
        "stakenet diff {} {} --coalition {}",
        shell_word(argument.unwrap_or("BASELINE")),
        shell_word(workspace),
        shell_word(key)
    );
    if context.report.moment.basis == MomentBasis::Asked {
        if let Some(date) = context.report.moment.date {
            let _ = write!(line, " --at {date}");
        }
    }
    Some(line)
}

/// The sentences, then the tables, and the files behind them.
fn body(
    s: &mut Section<'_, '_>,
    change: &CoalitionChange,
    sentences: &[String],
    stem: &str,
    (before, after): (String, String),
) {
    let network = s.context.network;
    let diff = &change.diff;
    s.out.push_str("<ul class=\"compact change\">\n");
    for sentence in sentences {
        let _ = writeln!(s.out, "<li>{}</li>", esc(sentence));
    }
    s.out.push_str("</ul>\n");
    s.file(&format!("{stem}.csv"), diff_records(diff).to_csv());
    s.file(&format!("{stem}.json"), to_pretty(&diff_json(diff, &before, &after)));
    members_table(s, diff);
    layers_table(s, network, diff);
    figures_table(s, diff);
    topics_table(s, network, diff);
}

fn members_table(s: &mut Section<'_, '_>, diff: &Diff) {
    let Some(m) = &diff.members else { return };
    if m.joined.is_empty() && m.left.is_empty() {
        return;
    }
    let successor_of: BTreeMap<&str, &str> =
        m.successions.iter().map(|(left, joined)| (joined.as_str(), left.as_str())).collect();
    let name_of = |key: &str, list: &[ActorLabel]| {
        list.iter().find(|l| l.key == key).map_or_else(|| key.to_owned(), |l| l.name.clone())
    };
    s.out.push_str("<h4>Parties joined and left</h4>\n");
    s.table("<th>Party</th><th>Sector</th><th>Level</th><th>Change</th>", |out| {
        for (word, list) in [("joined", &m.joined), ("left", &m.left)] {
            for label in list {
                let note = match successor_of.get(label.key.as_str()) {
                    Some(left) if word == "joined" => {
                        format!("joined, successor of {}", esc(&name_of(left, &m.left)))
                    }
                    _ => word.to_owned(),
                };
                let _ = writeln!(
                    out,
                    "<tr><td>{} <span class=\"id\">{}</span></td><td>{}</td><td>{}</td><td>{note}</td></tr>",
                    esc(&label.name),
                    esc(&label.key),
                    sector_label(label.sector),
                    label.level.map_or("–", |l| l.as_str()),
                );
            }
        }
    });
}

fn layers_table(s: &mut Section<'_, '_>, network: &Network, diff: &Diff) {
    if diff.layers.iter().all(|l| l.kept + l.gained.len() + l.lost.len() == 0) {
        return;
    }
    s.out.push_str("<h4>Ties per layer</h4>\n");
    s.table(
        "<th>Layer</th><th class=\"num\">Before</th><th class=\"num\">After</th>\
         <th class=\"num\">Gained</th><th class=\"num\">Lost</th><th class=\"num\">Kept</th>\
         <th class=\"num\">Stability</th>",
        |out| {
            for l in diff.layers.iter().filter(|l| l.kept + l.gained.len() + l.lost.len() > 0) {
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                     <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                     <td class=\"num\">{}</td></tr>",
                    esc(&l.layer),
                    l.kept + l.lost.len(),
                    l.kept + l.gained.len(),
                    l.gained.len(),
                    l.lost.len(),
                    l.kept,
                    l.jaccard.map_or_else(|| "–".to_owned(), |j| format!("{j:.2}"))
                );
            }
        },
    );
    let changed: Vec<(&str, &str, bool, &(String, String))> = diff
        .layers
        .iter()
        .flat_map(|l| {
            let gained = l.gained.iter().map(move |t| (l.layer.as_str(), "gained", l.directed, t));
            gained.chain(l.lost.iter().map(move |t| (l.layer.as_str(), "lost", l.directed, t)))
        })
        .collect();
    if changed.is_empty() {
        return;
    }
    s.table("<th>Tie</th><th>Layer</th><th>Change</th>", |out| {
        for (layer, word, directed, tie) in changed.iter().take(TIE_ROWS) {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{word}</td></tr>",
                esc(&tie_words(network, tie, *directed)),
                esc(layer)
            );
        }
    });
    if changed.len() > TIE_ROWS {
        let _ = writeln!(
            s.out,
            "<p class=\"files\">The first {TIE_ROWS} of {} ties gained or lost; the files list \
             all.</p>",
            changed.len()
        );
    }
}

/// How a figure's values read: a count, a measure, a share, euros.
type Format = fn(f64) -> String;

/// A figure's label in words, and how its values read.
fn figure_words(figure: &str) -> Option<(&'static str, Format)> {
    let count = |x: f64| format!("{x:.0}");
    Some(match figure {
        "actors" => ("Parties and their units", count),
        "ties" => ("Ties among them", count),
        "density" => ("Density", measure),
        "degree_centralization" => ("Degree centralization", measure),
        "betweenness_centralization" => ("Betweenness centralization", measure),
        "reciprocity" => ("Reciprocity", measure),
        "weak_components" => ("Components", count),
        "mean_degree" => ("Mean number of partners", measure),
        "rijk_region_ties" => ("Ties between the Rijk and the region", count),
        "national_contribution" => ("National contribution", money),
        "cofinancing" => ("Co-financing", money),
        "national_share" => ("National share", share),
        "cofinancing_ratio" => ("Co-financing per euro of the Rijk", measure),
        "rijk_region_euros" => ("Euros on Rijk–region ties", money),
        _ => return None,
    })
}

fn figures_table(s: &mut Section<'_, '_>, diff: &Diff) {
    s.out.push_str("<h4>Figures</h4>\n");
    let share_figure = diff.members.as_ref().map(|m| {
        FigureChange::new("government_share", m.government_share_before, m.government_share_after)
    });
    s.table("<th>Figure</th><th class=\"num\">Before</th><th class=\"num\">After</th>", |out| {
        let members = diff.members.as_ref().map(|m| {
            FigureChange::new(
                "members",
                Some(m.members_before as f64),
                Some(m.members_after as f64),
            )
        });
        let rows = members.iter().chain(&share_figure).chain(&diff.figures).chain(&diff.money);
        for f in rows {
            let (label, format): (&str, fn(f64) -> String) = match f.figure {
                "members" => ("Parties (members)", |x| format!("{x:.0}")),
                "government_share" => ("Government share", share),
                other => match figure_words(other) {
                    Some(words) => words,
                    None => continue,
                },
            };
            let value =
                |x: Option<f64>| x.filter(|v| v.is_finite()).map_or_else(|| "–".to_owned(), format);
            let _ = writeln!(
                out,
                "<tr><td>{label}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                value(f.before),
                value(f.after)
            );
        }
    });
}

fn status_cell(status: Option<TopicStatus>) -> String {
    match status {
        Some(s) => format!("<span class=\"status {0}\">{0}</span>", s.as_str()),
        None => "–".to_owned(),
    }
}

fn topics_table(s: &mut Section<'_, '_>, network: &Network, diff: &Diff) {
    if diff.topics.is_empty() {
        return;
    }
    s.out.push_str("<h4>Connectieplan topics</h4>\n");
    s.table(
        "<th>Topic</th><th>Before</th><th>After</th><th>Rijk–region ties gained</th>\
         <th>Lost</th>",
        |out| {
            for t in &diff.topics {
                let ties = |list: &[(String, String)]| {
                    let words: Vec<String> =
                        list.iter().map(|tie| esc(&tie_words(network, tie, false))).collect();
                    words.join("<br />")
                };
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"small\">{}</td>\
                     <td class=\"small\">{}</td></tr>",
                    esc(&t.topic),
                    status_cell(t.before),
                    status_cell(t.after),
                    ties(&t.gained),
                    ties(&t.lost)
                );
            }
        },
    );
}

/// An actor's name by key, as this workspace knows it (the key when it does not).
fn name(network: &Network, key: &str) -> String {
    network.actor_id(key).map_or_else(|| key.to_owned(), |id| network.actor(id).name.clone())
}

/// A tie in words: "A → B" (directed) or "A – B".
fn tie_words(network: &Network, tie: &(String, String), directed: bool) -> String {
    format!(
        "{} {} {}",
        name(network, &tie.0),
        if directed { "→" } else { "–" },
        name(network, &tie.1)
    )
}

/// A date in words: "1 July 2019".
fn long_date(date: Date) -> String {
    use chrono::Datelike;
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!("{} {} {}", date.day(), MONTHS[date.month0() as usize], date.year())
}

/// `n` of a sector's parties in words: "1 business", "2 knowledge institutions".
fn sector_count(sector: Option<Sector>, n: usize) -> String {
    let (one, many) = match sector {
        Some(Sector::Government) => ("government body", "government bodies"),
        Some(Sector::Business) => ("business", "businesses"),
        Some(Sector::Knowledge) => ("knowledge institution", "knowledge institutions"),
        Some(Sector::CivilSociety) => ("civil-society organisation", "civil-society organisations"),
        Some(Sector::Citizens) => ("citizens' initiative", "citizens' initiatives"),
        Some(Sector::Hybrid) => ("hybrid board", "hybrid boards"),
        None => ("party of unknown sector", "parties of unknown sector"),
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A sector as the sentences name it ("business", "knowledge institutions").
fn sector_noun(sector: Sector) -> &'static str {
    match sector {
        Sector::Government => "government",
        Sector::Business => "business",
        Sector::Knowledge => "knowledge institutions",
        Sector::CivilSociety => "civil society",
        Sector::Citizens => "citizens",
        Sector::Hybrid => "hybrid boards",
    }
}

/// "2 businesses, 1 knowledge institution", in the order of the quadruple helix.
fn by_sector(list: &[ActorLabel]) -> String {
    let mut counts: BTreeMap<usize, (Option<Sector>, usize)> = BTreeMap::new();
    for label in list {
        counts.entry(sector_rank(label.sector)).or_insert((label.sector, 0)).1 += 1;
    }
    let parts: Vec<String> = counts.values().map(|&(s, n)| sector_count(s, n)).collect();
    parts.join(", ")
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "rose from 4 to 7", "fell from 80% to 67%", "stayed at 4" (as `format` writes them).
fn moved(before: f64, after: f64, format: Format) -> String {
    let (b, a) = (format(before), format(after));
    if b == a {
        format!("stayed at {a}")
    } else if after > before {
        format!("rose from {b} to {a}")
    } else {
        format!("fell from {b} to {a}")
    }
}

fn figure<'d>(list: &'d [FigureChange], name: &str) -> Option<&'d FigureChange> {
    list.iter().find(|f| f.figure == name)
}

/// The plain sentences that open a change part.
fn sentences(
    network: &Network,
    key: &str,
    change: &CoalitionChange,
    kind: Kind,
    argument: Option<&str>,
) -> Vec<String> {
    let diff = &change.diff;
    let before_date = change.before_moment.date;
    let (opening, subject) = match kind {
        Kind::Baseline if !change.other_workspace => (
            before_date.map_or_else(
                || "Since the baseline".to_owned(),
                |d| format!("Since {}", long_date(d)),
            ),
            "the coalition",
        ),
        Kind::Baseline => (
            format!(
                "Since the baseline ({}{})",
                argument.unwrap_or("the baseline workspace"),
                before_date.map_or_else(String::new, |d| format!(", as on {}", long_date(d)))
            ),
            "the coalition",
        ),
        Kind::Previous => (
            format!(
                "Compared with the previous deal, {} ({}{})",
                change.before_name,
                change.before_key,
                before_date.map_or_else(String::new, |d| format!(", as on {}", long_date(d)))
            ),
            "this deal",
        ),
    };
    let mut out = Vec::new();
    let comma = if kind == Kind::Previous { "," } else { "" };
    // A coalition that had no parties on the baseline date had not begun: no table to broaden.
    let not_begun = kind == Kind::Baseline
        && diff.members.as_ref().is_some_and(|m| m.members_before == 0 && m.members_after > 0);
    if let Some(m) = &diff.members {
        if not_begun {
            let start = network
                .coalition_id(key)
                .and_then(|c| network.coalition(c).start)
                .filter(|start| before_date.is_some_and(|d| d < *start));
            out.push(format!(
                "{opening} all {} parties of the coalition joined ({}): it had none on that \
                 date{}.",
                m.members_after,
                by_sector(&m.joined),
                start.map_or_else(String::new, |d| format!(" (it started on {})", long_date(d)))
            ));
        } else {
            let gained = match m.joined.len() {
                0 => "gained no party".to_owned(),
                1 => format!("gained 1 party ({})", by_sector(&m.joined)),
                n => format!("gained {n} parties ({})", by_sector(&m.joined)),
            };
            let lost = match m.left.len() {
                0 => "lost none".to_owned(),
                n => format!("lost {n} ({})", by_sector(&m.left)),
            };
            out.push(format!(
                "{opening}{comma} {subject} {gained} and {lost}: {} {} now, against {} then.",
                m.members_after,
                if m.members_after == 1 { "party" } else { "parties" },
                m.members_before
            ));
        }
        if !m.successions.is_empty() {
            let label = |key: &str, list: &[ActorLabel]| {
                list.iter().find(|l| l.key == key).map_or(key.to_owned(), |l| l.name.clone())
            };
            let renamed: Vec<String> = m
                .successions
                .iter()
                .map(|(l, j)| format!("{} became {}", label(l, &m.left), label(j, &m.joined)))
                .collect();
            out.push(format!(
                "{} of these {} one party under a new name: {}.",
                m.successions.len(),
                if m.successions.len() == 1 { "is" } else { "are" },
                renamed.join("; ")
            ));
        }
    }
    if let Some(m) = diff.members.as_ref().filter(|_| !not_begun) {
        let mut parts = Vec::new();
        let sectors = |list: &[Sector]| {
            and_list(&list.iter().map(|s| sector_noun(*s).to_owned()).collect::<Vec<_>>())
        };
        if m.sectors_gained.is_empty() {
            parts.push(match kind {
                Kind::Previous => {
                    "It did not broaden to a sector the earlier deal lacked".to_owned()
                }
                Kind::Baseline => {
                    "No sector came to the table that was not there before".to_owned()
                }
            });
        } else {
            parts.push(format!(
                "It broadened to {}, {} not at the table before",
                sectors(&m.sectors_gained),
                if m.sectors_gained.len() == 1 { "a sector" } else { "sectors" }
            ));
        }
        if !m.sectors_lost.is_empty() {
            parts.push(format!("{} no longer at the table", sectors(&m.sectors_lost)));
        }
        if !m.kinds_gained.is_empty() {
            let kinds: Vec<String> = m.kinds_gained.iter().map(|k| k.replace('_', " ")).collect();
            parts.push(format!("new kinds of party: {}", and_list(&kinds)));
        }
        if !m.kinds_lost.is_empty() {
            let kinds: Vec<String> = m.kinds_lost.iter().map(|k| k.replace('_', " ")).collect();
            parts.push(format!("kinds no longer at the table: {}", and_list(&kinds)));
        }
        out.push(format!("{}.", parts.join("; ")));
        if let (Some(b), Some(a)) = (m.government_share_before, m.government_share_after) {
            out.push(format!("Its government share {}.", moved(b, a, share)));
        }
    }
    if let Some(f) = figure(&diff.figures, "rijk_region_ties") {
        match (f.before, f.after) {
            (Some(b), Some(a)) if b == 0.0 && a == 0.0 => out.push(
                "No tie between the Rijk and the region is recorded on either side.".to_owned(),
            ),
            (Some(b), Some(a)) => out.push(format!(
                "Ties between the Rijk and the region {}.",
                moved(b, a, |x| format!("{x:.0}"))
            )),
            _ => {}
        }
    }
    out.extend(ties_sentence(diff));
    out.extend(topics_sentence(diff, not_begun));
    out.extend(money_sentence(diff, kind));
    out
}

/// The ties among the parties: how many gained and lost over the layers.
fn ties_sentence(diff: &Diff) -> Option<String> {
    let before: usize = diff.layers.iter().map(|l| l.kept + l.lost.len()).sum();
    let after: usize = diff.layers.iter().map(|l| l.kept + l.gained.len()).sum();
    let gained: usize = diff.layers.iter().map(|l| l.gained.len()).sum();
    let lost: usize = diff.layers.iter().map(|l| l.lost.len()).sum();
    if before == 0 && after == 0 {
        return Some("No relation among its parties is recorded on either side.".to_owned());
    }
    if gained == 0 && lost == 0 {
        return Some(format!(
            "The {after} ties among its parties and their units stayed the same."
        ));
    }
    Some(format!(
        "Among its parties and their units, ties went from {before} to {after} over the layers: \
         {gained} gained, {lost} lost (listed below)."
    ))
}

/// Topics whose status changed, new and dropped topics, and those fragile now.
fn topics_sentence(diff: &Diff, not_begun: bool) -> Vec<String> {
    let word = |s: Option<TopicStatus>| s.map_or("absent", TopicStatus::as_str);
    let quoted =
        |list: &[&str]| and_list(&list.iter().map(|t| format!("'{t}'")).collect::<Vec<_>>());
    let mut out = Vec::new();
    let changed: Vec<String> = diff
        .topics
        .iter()
        .filter(|t| t.before.is_some() && t.after.is_some() && t.before != t.after)
        .map(|t| format!("topic '{}' went from {} to {}", t.topic, word(t.before), word(t.after)))
        .collect();
    let kept = diff.topics.iter().filter(|t| t.before.is_some() && t.before == t.after).count();
    if !changed.is_empty() {
        let mut sentence = changed.join("; ");
        if let Some(first) = sentence.get(..1) {
            sentence = format!("{}{}", first.to_uppercase(), &sentence[1..]);
        }
        out.push(format!(
            "{sentence}{}.",
            if kept > 0 { format!("; {kept} kept their status") } else { String::new() }
        ));
    } else if kept > 0 && !not_begun {
        out.push(format!(
            "{} kept {} status.",
            if kept == 1 {
                "The one topic on both sides".to_owned()
            } else {
                format!("All {kept} topics on both sides")
            },
            if kept == 1 { "its" } else { "their" }
        ));
    }
    let new: Vec<&str> =
        diff.topics.iter().filter(|t| t.before.is_none()).map(|t| t.topic.as_str()).collect();
    let dropped: Vec<&str> =
        diff.topics.iter().filter(|t| t.after.is_none()).map(|t| t.topic.as_str()).collect();
    let listed = |list: &[&str]| {
        if list.len() <= NAMED_TOPICS { format!(" ({})", quoted(list)) } else { String::new() }
    };
    match (new.len(), dropped.len()) {
        (0, 0) => {}
        (n, 0) => out.push(format!("{n} new {}{}.", plural(n, "topic"), listed(&new))),
        (0, d) => out.push(format!(
            "{d} {} no longer on the agenda{}.",
            plural(d, "topic"),
            listed(&dropped)
        )),
        (n, d) => out.push(format!(
            "{n} new {}{}; {d} earlier {} no longer on the agenda{}.",
            plural(n, "topic"),
            listed(&new),
            plural(d, "topic"),
            listed(&dropped)
        )),
    }
    let fragile: Vec<&str> = diff
        .topics
        .iter()
        .filter(|t| t.after == Some(TopicStatus::Fragile))
        .map(|t| t.topic.as_str())
        .collect();
    let gaps = diff.topics.iter().filter(|t| t.after == Some(TopicStatus::Gap)).count();
    let now: usize = diff.topics.iter().filter(|t| t.after.is_some()).count();
    if now > 0 && gaps == now {
        out.push(if now == 1 {
            "Its one topic is a gap now: no tie between the Rijk and the region carries it."
                .to_owned()
        } else {
            format!(
                "None of its {now} topics is covered now: all {now} are a gap (no tie between \
                 the Rijk and the region carries them)."
            )
        });
    } else if now > 0 {
        let covered = now - fragile.len() - gaps;
        let is = |n: usize| if n == 1 { "is" } else { "are" };
        let mut sentence =
            format!("Of its {now} {} now, {covered} {} covered", plural(now, "topic"), is(covered));
        if !fragile.is_empty() {
            let _ = write!(
                sentence,
                ", {} {} on one tie or one person ({})",
                fragile.len(),
                if fragile.len() == 1 { "hangs" } else { "hang" },
                quoted(&fragile)
            );
        }
        let _ = write!(sentence, " and {gaps} {} a gap.", is(gaps));
        out.push(sentence);
    }
    out
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { word.to_owned() } else { format!("{word}s") }
}

/// The national contribution and share and the euros on Rijk–region ties: those that changed
/// (all of them, compared with the previous deal).
fn money_sentence(diff: &Diff, kind: Kind) -> Option<String> {
    let rows: [(&str, &str, Format); 3] = [
        ("national_contribution", "the national contribution", money),
        ("national_share", "the national share", share),
        ("rijk_region_euros", "the euros on Rijk–region ties", money),
    ];
    let mut parts = Vec::new();
    for (name, words, format) in rows {
        let Some(f) = figure(&diff.money, name) else { continue };
        match (f.before, f.after) {
            (Some(b), Some(a)) if kind == Kind::Previous || format(b) != format(a) => {
                parts.push(format!("{words} {}", moved(b, a, format)));
            }
            (None, Some(a)) if kind == Kind::Previous => {
                parts.push(format!("{words} is {} (not stated for the earlier deal)", format(a)));
            }
            (Some(b), None) if kind == Kind::Previous => {
                parts.push(format!("{words} was {} (not stated for this deal)", format(b)));
            }
            _ => {}
        }
    }
    let sentence = parts.join("; ");
    let first = sentence.get(..1)?;
    Some(format!("{}{}.", first.to_uppercase(), &sentence[1..]))
}
