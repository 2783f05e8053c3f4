//! `plan` output as JSON and as a Markdown report section: the connectieplan per topic, the
//! signatures without a working relation, and the dealmakers.
//!
//! JSON (DESIGN §3): `{"coalition", "described", "topics": [{"topic", "status",
//! "regional_owners", "rijk_counterparts", "ties", "proposed"}], "general": [...],
//! "unconnected_signatories": [...], "dealmakers": [...]}` where `coalition` is the coalition's
//! id; `described` is `{"date", "basis", "sentence"}`, the date the plan describes (`null` when
//! no date was applied), why (`asked`, `today`, `latest_in_data`, `no_dates`,
//! `coalition_ended`, `coalition_not_started`, or `not_applied`) and a sentence saying so; topics
//! come by name; `general` holds the ties without a topic that no topic claims, shaped as a
//! topic's `ties`;
//! `unconnected_signatories` and `dealmakers` are `[{"id", "name"}]` by id; `regional_owners` is
//! `[{"id", "name", "via"}]` by id (`via`: `works_on_it`, or the role of the members standing in
//! when none is known to work on it: `lead`, `programme_office` or `signatory`);
//! `rijk_counterparts` is `[{"id", "name", "via"}]` by id (`via`: `works_on_it` or `theme_map`); `ties` is
//! `[{"rijk", "region", "layers", "via", "amount"}]` by Rijk id then region id (`via`: `topic`
//! when a relation names the topic, `themes` when a relation without topic joins two actors that
//! both work on it, `general` for a general tie; `amount` the euros of its relations, or `null`); `proposed` is `[{"rijk", "region", "goal", "reason"}]` by Rijk id then region id
//! (`goal`: `close_gap`, `cover` or `spread`; `reason` a sentence).

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value;

use super::layout::counted;
use crate::analysis::{
    Connectieplan, CounterpartSource, MomentBasis, PlanTie, PlanTopic, ProposalGoal, ProposedTie,
    RegionalBasis, TieMatch, TopicStatus,
};
use crate::model::{ActorId, Network};
use crate::render::json::to_value;
use crate::render::report::format::money;

/// The JSON of a plan (keys in this order).
#[derive(Serialize)]
struct PlanJson<'a> {
    coalition: &'a str,
    described: DescribedJson,
    topics: Vec<TopicJson<'a>>,
    general: Vec<TieJson<'a>>,
    unconnected_signatories: Vec<ActorJson<'a>>,
    dealmakers: Vec<ActorJson<'a>>,
}

/// The date a plan describes.
#[derive(Serialize)]
struct DescribedJson {
    date: Option<String>,
    basis: &'static str,
    sentence: String,
}

/// An actor by id and name.
#[derive(Serialize)]
struct ActorJson<'a> {
    id: &'a str,
    name: &'a str,
}

/// One topic of the plan.
#[derive(Serialize)]
struct TopicJson<'a> {
    topic: &'a str,
    status: &'static str,
    regional_owners: Vec<ActorViaJson<'a>>,
    rijk_counterparts: Vec<ActorViaJson<'a>>,
    ties: Vec<TieJson<'a>>,
    proposed: Vec<ProposedJson<'a>>,
}

/// An actor by id and name, with how it came to be listed.
#[derive(Serialize)]
struct ActorViaJson<'a> {
    id: &'a str,
    name: &'a str,
    via: &'static str,
}

/// A working relation between a Rijk party and a region party on the topic.
#[derive(Serialize)]
struct TieJson<'a> {
    rijk: &'a str,
    region: &'a str,
    layers: Vec<&'a str>,
    via: &'static str,
    amount: Option<f64>,
}

/// A proposed tie, with its goal and the sentence saying why.
#[derive(Serialize)]
struct ProposedJson<'a> {
    rijk: &'a str,
    region: &'a str,
    goal: &'static str,
    reason: String,
}

/// The plan as the JSON object of DESIGN's schema.
pub fn plan_json(network: &Network, plan: &Connectieplan) -> Value {
    let key = |id: ActorId| network.actor(id).key.as_str();
    let actor = |id: ActorId| {
        let a = network.actor(id);
        ActorJson { id: &a.key, name: &a.name }
    };
    let actor_via = |id: ActorId, via: &'static str| {
        let a = network.actor(id);
        ActorViaJson { id: &a.key, name: &a.name, via }
    };
    let tie_json = |tie: &PlanTie| TieJson {
        rijk: key(tie.rijk),
        region: key(tie.region),
        layers: tie.layers.iter().map(|l| network.layers()[l.index()].name.as_str()).collect(),
        via: tie.via.as_str(),
        amount: tie.amount,
    };
    let topics = plan
        .topics
        .iter()
        .map(|topic| TopicJson {
            topic: &topic.topic,
            status: topic.status.as_str(),
            regional_owners: topic
                .regional_owners
                .iter()
                .map(|o| actor_via(o.actor, o.via.as_str()))
                .collect(),
            rijk_counterparts: topic
                .rijk_counterparts
                .iter()
                .map(|c| actor_via(c.actor, c.via.as_str()))
                .collect(),
            ties: topic.ties.iter().map(tie_json).collect(),
            proposed: topic
                .proposed
                .iter()
                .map(|p| ProposedJson {
                    rijk: key(p.rijk),
                    region: key(p.region),
                    goal: p.goal.as_str(),
                    reason: proposal_reason(topic, p, &|a| network.actor(a).key.clone()),
                })
                .collect(),
        })
        .collect();
    to_value(&PlanJson {
        coalition: &network.coalition(plan.coalition).key,
        described: DescribedJson {
            date: plan.moment.and_then(|m| m.date).map(|d| d.to_string()),
            basis: plan.moment.map_or("not_applied", |m| basis_name(m.basis)),
            sentence: described(plan),
        },
        topics,
        general: plan.general.iter().map(tie_json).collect(),
        unconnected_signatories: plan.unconnected_signatories.iter().map(|&a| actor(a)).collect(),
        dealmakers: plan.dealmakers.iter().map(|&a| actor(a)).collect(),
    })
}

/// The snake_case name of a basis, as the JSON gives it.
fn basis_name(basis: MomentBasis) -> &'static str {
    basis.as_str()
}

/// One sentence saying which date the plan describes: [`Moment::sentence`], or that no date was
/// applied.
///
/// [`Moment::sentence`]: crate::analysis::Moment::sentence
pub(crate) fn described(plan: &Connectieplan) -> String {
    match plan.moment {
        Some(moment) => moment.sentence(),
        None => {
            "No date applied: every relation and membership counts, whenever it held.".to_owned()
        }
    }
}

/// The label of the general row: the ties without a topic, not a theme.
pub(crate) const GENERAL_TOPIC: &str = "general (ties without a topic)";

/// The plan as a Markdown report section (a `##` heading, the date described, a summary, a
/// table per status, the general ties, the signatures without a working relation, the
/// dealmakers). Every name is escaped for Markdown.
pub fn plan_markdown(network: &Network, plan: &Connectieplan) -> String {
    let coalition = network.coalition(plan.coalition);
    let name = |a: ActorId| md_escape(&network.actor(a).name);
    let names = |actors: &[ActorId]| -> String {
        if actors.is_empty() {
            "—".to_owned()
        } else {
            actors.iter().map(|&a| name(a)).collect::<Vec<_>>().join("; ")
        }
    };
    let mut out = String::new();
    let _ = writeln!(out, "## Connectieplan: {}\n", md_escape(&coalition.name));
    let _ = writeln!(out, "*{}*\n", md_escape(&described(plan)));
    out.push_str(
        "Per topic of the deal: who works on it in the region, who at the Rijk, which \
         Rijk–region ties carry it, and what would strengthen it. A topic is **covered** when two \
         or more ties carry it and no single person is on all of them, **fragile** when it hangs \
         on one tie or one person, and a **gap** when no tie between the Rijk and a regional \
         member carries it.\n\n",
    );
    let count = |status: TopicStatus| plan.topics.iter().filter(|t| t.status == status).count();
    let _ = write!(
        out,
        "**{}: {} covered, {} fragile, {}.** ",
        counted(plan.topics.len(), "topic", "topics"),
        count(TopicStatus::Covered),
        count(TopicStatus::Fragile),
        counted(count(TopicStatus::Gap), "gap", "gaps"),
    );
    if !plan.general.is_empty() {
        let _ = write!(
            out,
            "{} without a topic. ",
            counted(plan.general.len(), "general tie", "general ties")
        );
    }
    match plan.unconnected_signatories.len() {
        _ if plan.rijk_signatories.is_empty() => out.push_str("No party of the Rijk signed. "),
        0 => out.push_str("Every Rijk signatory has a working tie with the region. "),
        1 => out.push_str("1 Rijk signatory has no working tie with the region. "),
        n => {
            let _ = write!(out, "{n} Rijk signatories have no working tie with the region. ");
        }
    }
    if plan.dealmakers.is_empty() {
        out.push_str("No dealmaker recorded.\n");
    } else {
        let _ = writeln!(out, "Dealmaker: {}.", names(&plan.dealmakers));
    }
    if plan.topics.is_empty() {
        out.push_str(
            "\nThe coalition has no themes and its members' relations name no topics, so there \
             is nothing to plan yet.\n",
        );
    }

    let of = |status: TopicStatus| plan.topics.iter().filter(move |t| t.status == status);
    let counterparts = |topic: &PlanTopic| -> String {
        if topic.rijk_counterparts.is_empty() {
            return "— (none known)".to_owned();
        }
        topic
            .rijk_counterparts
            .iter()
            .map(|c| match c.via {
                CounterpartSource::WorksOnIt => name(c.actor),
                CounterpartSource::ThemeMap => format!("{} (by theme)", name(c.actor)),
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let proposals = |topic: &PlanTopic| -> String {
        if topic.proposed.is_empty() {
            return match topic.status {
                TopicStatus::Fragile => {
                    "— (no other counterpart or owner known: a question for the dealmaker)"
                }
                _ => "— (no counterpart or regional partner known: a question for the dealmaker)",
            }
            .to_owned();
        }
        topic
            .proposed
            .iter()
            .map(|p| {
                let pivots = join_and(topic.single_points.iter().map(|&a| name(a)));
                let goal = match p.goal {
                    ProposalGoal::CloseGap => "first tie".to_owned(),
                    ProposalGoal::Cover => format!("second tie, not through {pivots}"),
                    ProposalGoal::Spread => format!("brings in someone besides {pivots}"),
                };
                let rijk = match p.rijk_basis {
                    CounterpartSource::WorksOnIt => "works on it",
                    CounterpartSource::ThemeMap => "by theme",
                };
                let region = match p.region_basis {
                    RegionalBasis::WorksOnIt => "works on it",
                    RegionalBasis::Lead => "the lead",
                    RegionalBasis::ProgrammeOffice => "the programme office",
                    RegionalBasis::Signatory => "a signatory",
                    RegionalBasis::Member => "a member",
                };
                format!("{} ({rijk}) ↔ {} ({region}): {goal}", name(p.rijk), name(p.region))
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let owners = |topic: &PlanTopic| -> String {
        let actors: Vec<ActorId> = topic.regional_owners.iter().map(|o| o.actor).collect();
        let stand_in = match topic.regional_owners.first().map(|o| o.via) {
            Some(RegionalBasis::Lead) => {
                " (the lead, standing in: no member is known to work on it)"
            }
            Some(RegionalBasis::ProgrammeOffice) => {
                " (the programme office, standing in: no member is known to work on it)"
            }
            Some(RegionalBasis::Signatory) => {
                " (the signatories, standing in: no member is known to work on it)"
            }
            _ => "",
        };
        format!("{}{stand_in}", names(&actors))
    };
    let ties = |topic: &PlanTopic| -> String {
        topic.ties.iter().map(|tie| tie_text(network, tie, &name)).collect::<Vec<_>>().join("; ")
    };

    if count(TopicStatus::Gap) > 0 {
        out.push_str("\n### Gaps: no tie between the Rijk and the region\n\n");
        out.push_str("| Topic | Regional owners | Rijk counterparts | Proposed ties |\n");
        out.push_str("| --- | --- | --- | --- |\n");
        for topic in of(TopicStatus::Gap) {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                md_escape(&topic.topic),
                owners(topic),
                counterparts(topic),
                proposals(topic)
            );
        }
    }
    if count(TopicStatus::Fragile) > 0 {
        out.push_str("\n### Fragile: the topic hangs on one tie or one person\n\n");
        out.push_str("| Topic | Ties | Hangs on | Proposed ties |\n");
        out.push_str("| --- | --- | --- | --- |\n");
        for topic in of(TopicStatus::Fragile) {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                md_escape(&topic.topic),
                ties(topic),
                names(&topic.single_points),
                proposals(topic)
            );
        }
    }
    if count(TopicStatus::Covered) > 0 {
        out.push_str("\n### Covered: two or more independent ties\n\n");
        out.push_str("| Topic | Ties | Regional owners | Rijk counterparts |\n");
        out.push_str("| --- | --- | --- | --- |\n");
        for topic in of(TopicStatus::Covered) {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                md_escape(&topic.topic),
                ties(topic),
                owners(topic),
                counterparts(topic)
            );
        }
    }

    if !plan.general.is_empty() {
        out.push_str("\n### General ties: without a topic\n\n");
        out.push_str(
            "Ties whose relations name no topic, and no topic both ends work on: not a theme, \
             but they show who works with whom (a lead ministry's funding, the dealmaker's \
             contacts).\n\n",
        );
        out.push_str("| Rijk | Region | Layers | Money |\n");
        out.push_str("| --- | --- | --- | --- |\n");
        for tie in &plan.general {
            let layers: Vec<String> =
                tie.layers.iter().map(|l| md_escape(&network.layers()[l.index()].name)).collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                name(tie.rijk),
                name(tie.region),
                layers.join(", "),
                tie.amount.map_or_else(|| "—".to_owned(), money)
            );
        }
    }

    out.push_str("\n### Signatures without a working relation\n\n");
    if plan.rijk_signatories.is_empty() {
        out.push_str("No party of the Rijk signed the coalition.\n");
    } else if plan.unconnected_signatories.is_empty() {
        out.push_str(
            "Every signing party of the Rijk, or someone below it, has a tie with a regional \
             member.\n",
        );
    } else {
        for &actor in &plan.unconnected_signatories {
            let _ = writeln!(
                out,
                "- {} signed, but neither it nor anyone below it has a tie with a regional member.",
                name(actor)
            );
        }
    }
    out.push_str("\n### Dealmaker\n\n");
    if plan.dealmakers.is_empty() {
        out.push_str(
            "No dealmaker is recorded (a member with role `dealmaker`). The dealmaker is the \
             liaison who finds the right contacts in other ministries: the gaps above are the \
             first list to work from.\n",
        );
    } else {
        for &actor in &plan.dealmakers {
            let _ = writeln!(
                out,
                "- {}: the liaison between the Rijk and the region, who finds the counterparts \
                 for the gaps and fragile topics above.",
                name(actor)
            );
        }
    }
    out
}

/// A sentence saying why a tie is proposed, naming actors with `name`: what it does, then why
/// each end was chosen.
pub fn proposal_reason(
    topic: &PlanTopic,
    proposal: &ProposedTie,
    name: &dyn Fn(ActorId) -> String,
) -> String {
    let pivots = join_and(topic.single_points.iter().map(|&a| name(a)));
    let goal = match proposal.goal {
        ProposalGoal::CloseGap => "first tie on the topic".to_owned(),
        ProposalGoal::Cover => format!("a second tie, not through {pivots}"),
        ProposalGoal::Spread => format!("brings in someone besides {pivots}"),
    };
    let rijk = match proposal.rijk_basis {
        CounterpartSource::WorksOnIt => "works on it",
        CounterpartSource::ThemeMap => "holds the theme (theme map)",
    };
    let region = match (proposal.region_basis, proposal.goal) {
        (RegionalBasis::WorksOnIt, ProposalGoal::CloseGap) => {
            "works on it in the region (most ties)"
        }
        (RegionalBasis::WorksOnIt, _) => "works on it in the region",
        (RegionalBasis::Lead, _) => "leads the coalition (no member is known to work on it)",
        (RegionalBasis::ProgrammeOffice, _) => {
            "runs the programme office (no member is known to work on it)"
        }
        (RegionalBasis::Signatory, _) => "signed for the region (no member is known to work on it)",
        (RegionalBasis::Member, _) => "is a regional member (no owner, lead or signatory)",
    };
    format!("{goal}: {} {rijk}, {} {region}", name(proposal.rijk), name(proposal.region))
}

/// `Rijk end – region end (layers)`, with `, by themes` when no relation names the topic and
/// the money when its relations carry an amount.
fn tie_text(network: &Network, tie: &PlanTie, name: &dyn Fn(ActorId) -> String) -> String {
    let layers: Vec<String> =
        tie.layers.iter().map(|l| md_escape(&network.layers()[l.index()].name)).collect();
    let via = match tie.via {
        TieMatch::Topic | TieMatch::General => "",
        TieMatch::Themes => ", by themes",
    };
    let amount = tie.amount.map(|a| format!(", {}", money(a))).unwrap_or_default();
    format!("{} – {} ({}{via}{amount})", name(tie.rijk), name(tie.region), layers.join(", "))
}

fn join_and(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// `text` as Markdown that shows it literally, inside a table cell too: line breaks become
/// spaces; a backslash, backtick, `*`, `_`, `[`, `]`, `|`, `#` and `~` get a backslash before
/// them; `&`, `<` and `>` become entities (so no HTML tag or entity of the text takes effect);
/// other control characters become U+FFFD.
pub fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\r' | '\n' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_keeps_names_as_text() {
        assert_eq!(
            md_escape("<script>alert(\"x\")</script> a|b *c* _d_ `e` [f](g) \\ #h ~i & j\nk"),
            "&lt;script&gt;alert(\"x\")&lt;/script&gt; a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\\\ \\#h \\~i &amp; j k"
        );
    }
}
