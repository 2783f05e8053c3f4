//! One coalition's part of the page: its facts, summary, key actors, asymmetry,
//! interdependence, usual and unusual suspects, and connectieplan.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::charts::{Bar, BarChart, bar_chart_svg, sector_colour, svg_document};
use super::context::Context;
use super::format::{
    actor_row, count_note, esc, measure, money, optional, rijk_region_brokerage, sector_label,
    sector_rank, share, shell_word, source_links, status_word,
};
use super::naming::ReportFile;
use super::prose::{
    EXPLAIN_ASYMMETRY, EXPLAIN_COALITION_KEY_ACTORS, EXPLAIN_COALITION_MAP,
    EXPLAIN_INTERDEPENDENCE, EXPLAIN_PLAN, EXPLAIN_SUMMARY, EXPLAIN_SUSPECTS, EXPLAIN_WEAK,
};
use super::section::Section;
use crate::analysis::{
    ActorCentrality, AsymmetryFinding, Category, CoalitionReport, InterdependenceFinding,
    ProposalGoal, TopicStatus,
};
use crate::model::{ActorId, Level, Sector, Side};
use crate::render::json::to_pretty;
use crate::render::plan::plan_described;
use crate::render::records::{Cell, Records};
use crate::render::{
    asymmetry_dyad_records, asymmetry_json, brokerage_records, candidate_reason, candidate_records,
    centrality_records, dependence_pair_records, interdependence_json, plan_json, plan_markdown,
    plan_svg, suspects_json,
};
use crate::view::{LayerChoice, View, Weighting};

/// How many candidates the page shows per coalition (the files hold [`CANDIDATES_IN_FILES`]).
const CANDIDATES_ON_PAGE: usize = 5;

/// How many candidates the files hold per coalition (as `stakenet suspects`).
pub const CANDIDATES_IN_FILES: usize = 10;

/// Rows of the key-actor tables.
const KEY_ACTORS: usize = 8;

/// A part of a coalition's section: it writes its body under the section's heading.
type Part = fn(Section<'_, '_>, &CoalitionReport, &str);

/// The parts of a coalition's section, in order: heading, explanation, body.
const PARTS: [(&str, &str, Part); 7] = [
    ("Summary", EXPLAIN_SUMMARY, summary),
    ("Map", EXPLAIN_COALITION_MAP, super::map::coalition_map),
    ("Key actors", EXPLAIN_COALITION_KEY_ACTORS, key_actors),
    ("Asymmetry", EXPLAIN_ASYMMETRY, asymmetry_section),
    ("Interdependence", EXPLAIN_INTERDEPENDENCE, interdependence_section),
    ("Usual and unusual suspects", EXPLAIN_SUSPECTS, suspects_section),
    ("Connectieplan", EXPLAIN_PLAN, plan_section),
];

pub(super) fn coalition_section(
    out: &mut String,
    files: &mut Vec<ReportFile>,
    context: &Context<'_>,
    coalition: &CoalitionReport,
    folder: &str,
) {
    let network = context.network;
    let c = network.coalition(coalition.coalition);
    let data = format!("data/{folder}");
    let _ = writeln!(
        out,
        "<section class=\"coalition\" id=\"c-{folder}\">\n<h2>{} <span class=\"id\">{}</span></h2>",
        esc(&c.name),
        esc(&c.key)
    );
    let mut facts: Vec<String> = Vec::new();
    if let Some(tranche) = &c.tranche {
        facts.push(format!("tranche {}", esc(tranche)));
    }
    if let Some(region) = &c.region {
        facts.push(format!("region {}", esc(region)));
    }
    if let Some(governance) = &c.governance {
        facts.push(format!("governance {}", esc(governance)));
    }
    match (c.start, c.end) {
        (Some(start), Some(end)) => facts.push(format!("{start} to {end}")),
        (Some(start), None) => facts.push(format!("from {start}")),
        (None, Some(end)) => facts.push(format!("until {end}")),
        (None, None) => {}
    }
    if !facts.is_empty() {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", facts.join(" · "));
    }
    if coalition.moment != context.report.moment {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", esc(&coalition.moment.sentence()));
    }
    if !c.themes.is_empty() {
        let themes: Vec<String> = c.themes.iter().map(|t| esc(t)).collect();
        let _ = writeln!(out, "<p class=\"meta\">Themes: {}</p>", themes.join("; "));
    }
    let sources = source_links(c.attributes.get("source").map(String::as_str));
    if !sources.is_empty() {
        let _ = writeln!(out, "<p class=\"meta\">Sources: {}</p>", sources.join(" · "));
    }

    for (index, (heading, explanation, part)) in PARTS.into_iter().enumerate() {
        let section = Section::headed(out, files, context, heading, explanation);
        part(section.dated(coalition.moment.date), coalition, &data);
        if index == 0 {
            // The change since the baseline and from the previous deal, after the summary.
            super::change::change_sections(out, files, context, coalition, &data);
        }
    }
    out.push_str("</section>\n");
}

fn summary(mut s: Section<'_, '_>, coalition: &CoalitionReport, data: &str) {
    let context = s.context;
    let network = context.network;
    let c = network.coalition(coalition.coalition);
    // Distinct members with their roles and contributions, by actor id.
    let mut members: BTreeMap<&str, (ActorId, Vec<&str>, f64, bool)> = BTreeMap::new();
    let mut records =
        Records::new(&["id", "name", "sector", "level", "kind", "role", "contribution"]);
    // The memberships that hold on the coalition's date (every one without a date).
    let on_date = coalition.moment.date;
    let mut rows: Vec<_> = network
        .members_of(coalition.coalition)
        .filter(|m| on_date.is_none_or(|date| m.validity.contains(date)))
        .collect();
    rows.sort_by(|a, b| {
        (network.actor(a.actor).key.as_str(), a.role)
            .cmp(&(network.actor(b.actor).key.as_str(), b.role))
    });
    for m in &rows {
        let actor = network.actor(m.actor);
        records.push(vec![
            Cell::text(actor.key.as_str()),
            Cell::text(actor.name.as_str()),
            Cell::optional_text(actor.sector.map(Sector::as_str)),
            Cell::optional_text(actor.level.map(Level::as_str)),
            Cell::optional_text(actor.kind.as_deref()),
            Cell::text(m.role.as_str()),
            Cell::Number(m.contribution),
        ]);
        let entry = members.entry(actor.key.as_str()).or_insert((m.actor, Vec::new(), 0.0, false));
        entry.1.push(m.role.as_str());
        if let Some(amount) = m.contribution {
            entry.2 += amount;
            entry.3 = true;
        }
    }
    s.file(&format!("{data}/members.csv"), records.to_csv());

    let mut by_sector: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut by_role: BTreeMap<&str, usize> = BTreeMap::new();
    for (actor, roles, _, _) in members.values() {
        let a = network.actor(*actor);
        let roles_text = roles.iter().map(|r| r.replace('_', " ")).collect::<Vec<_>>().join(", ");
        by_sector.entry(sector_rank(a.sector)).or_default().push(format!(
            "{} <span class=\"id\">({})</span>",
            esc(&a.name),
            esc(&roles_text)
        ));
        for role in roles {
            *by_role.entry(role).or_insert(0) += 1;
        }
    }
    let n = members.len();
    let chart = bar_chart_svg(&BarChart {
        title: format!("Members of {} by sector", c.name),
        bars: by_sector
            .iter()
            .map(|(&rank, names)| {
                let sector = Sector::ALL.get(rank).copied();
                Bar {
                    label: sector_label(sector).to_owned(),
                    value: Some(names.len() as f64),
                    colour: sector_colour(sector),
                    note: count_note(names.len(), n),
                }
            })
            .collect(),
        max: n as f64,
        reference: None,
        width: 520.0,
    });
    s.file(&format!("{data}/sectors.svg"), svg_document(&chart));

    let finance = crate::analysis::coalition_finance(network, coalition.coalition);
    let roles: Vec<String> =
        by_role.iter().map(|(role, count)| format!("{count} {}", role.replace('_', " "))).collect();
    s.out.push_str("<dl class=\"figures\">\n");
    let _ = writeln!(
        s.out,
        "<dt>Members</dt><dd>{n}{}</dd>",
        if roles.is_empty() { String::new() } else { format!(" ({})", roles.join(", ")) }
    );
    let _ = writeln!(
        s.out,
        "<dt>National contribution</dt><dd>{}</dd>\n<dt>Co-financing</dt><dd>{}</dd>\n\
         <dt>National share</dt><dd>{}</dd>",
        optional(finance.national_contribution, money),
        optional(finance.cofinancing, money),
        match finance.national_share {
            Some(s) if s > 0.5 => format!("{} — the Rijk pays most", share(s)),
            Some(s) => format!("{} — the region pays at least half", share(s)),
            None => "not defined (a figure is not stated)".to_owned(),
        }
    );
    if let Some(row) = context.figures.get(&coalition.coalition.index()) {
        if !row.peers.is_empty() {
            let peers: Vec<String> = row
                .peers
                .iter()
                .map(|p| {
                    let name = &network.coalition(p.coalition).name;
                    format!("{} ({:.2})", context.coalition_link(p.coalition, name), p.similarity)
                })
                .collect();
            let _ = writeln!(
                s.out,
                "<dt>Peers for review (similarity)</dt><dd>{}</dd>",
                peers.join("; ")
            );
        }
    }
    let contributors: Vec<String> = members
        .values()
        .filter(|(_, _, _, has)| *has)
        .map(|(actor, _, amount, _)| format!("{} {}", context.actor_name(*actor), money(*amount)))
        .collect();
    if !contributors.is_empty() {
        let _ =
            writeln!(s.out, "<dt>Member contributions</dt><dd>{}</dd>", contributors.join("; "));
    }
    s.out.push_str("</dl>\n");
    let _ = writeln!(s.out, "<div class=\"chart-box\">{chart}</div>\n<ul class=\"compact\">");
    for (&rank, names) in &by_sector {
        let _ = writeln!(
            s.out,
            "<li><strong>{} ({})</strong>: {}</li>",
            sector_label(Sector::ALL.get(rank).copied()),
            names.len(),
            names.join("; ")
        );
    }
    s.out.push_str("</ul>\n");
    s.end(None);
}

fn key_actors(mut s: Section<'_, '_>, coalition: &CoalitionReport, data: &str) {
    let context = s.context;
    let network = context.network;
    let key = &network.coalition(coalition.coalition).key;
    s.file(
        &format!("{data}/centrality.csv"),
        centrality_records(network, &coalition.centrality).to_csv(),
    );
    s.file(
        &format!("{data}/brokerage.csv"),
        brokerage_records(network, &coalition.brokerage, &coalition.grouping, false).to_csv(),
    );
    let brokers = rijk_region_brokerage(&coalition.brokerage);
    let overall = |actor: ActorId| context.overall.get(&actor.index()).and_then(|s| s.betweenness);
    let mut ranked: Vec<&ActorCentrality> = coalition.centrality.iter().collect();
    ranked.sort_by(|a, b| {
        let local = |s: &ActorCentrality| s.betweenness.unwrap_or(0.0);
        let across = |s: &ActorCentrality| overall(s.actor).unwrap_or(0.0);
        local(b)
            .total_cmp(&local(a))
            .then(across(b).total_cmp(&across(a)))
            .then(b.degree.cmp(&a.degree))
            .then_with(|| network.actor(a.actor).key.cmp(&network.actor(b.actor).key))
    });

    let flat = coalition.centrality.iter().all(|s| s.betweenness.unwrap_or(0.0) == 0.0)
        && brokers.values().all(|&b| b == 0);
    if coalition.n_ties == 0 {
        let _ = writeln!(
            s.out,
            "<p class=\"note\">No relations recorded among the parties of this coalition{}: \
             who holds it together cannot be read from the data (shared membership would tie \
             every member to every other). The ranking below follows betweenness across all \
             deals.</p>",
            coalition.moment.date.map_or_else(String::new, |date| format!(" on {date}"))
        );
    } else if coalition.centrality.len() > 1 && flat {
        let _ = writeln!(
            s.out,
            "<p class=\"note\">No party stands out within the coalition: every party is tied \
             directly to every other it reaches. The ranking below follows betweenness across \
             all deals.</p>"
        );
    }
    s.table(
        "<th>Actor</th><th>Sector</th><th>Side</th>\
         <th class=\"num\">Degree</th><th class=\"num\">Betweenness</th>\
         <th class=\"num\">Brokerage Rijk–region</th><th class=\"num\">Betweenness across all deals</th>",
        |out| {
            for score in ranked.iter().take(KEY_ACTORS) {
                let numbers = [
                    score.degree.to_string(),
                    optional(score.betweenness, measure),
                    brokers.get(&score.actor.index()).copied().unwrap_or(0).to_string(),
                    optional(overall(score.actor), measure),
                ];
                actor_row(out, network, score.actor, &numbers);
            }
        },
    );
    if ranked.len() > KEY_ACTORS {
        let _ = writeln!(
            s.out,
            "<p class=\"files\">The {} of {} parties (members and their units) ranked highest; \
             the files list all.</p>",
            KEY_ACTORS,
            ranked.len()
        );
    }
    s.end(Some(&format!(
            "stakenet centrality --coalition {key}; stakenet brokerage --coalition {key} --group-by side"
        )));
}

fn asymmetry_section(mut s: Section<'_, '_>, coalition: &CoalitionReport, data: &str) {
    let context = s.context;
    let network = context.network;
    let key = &network.coalition(coalition.coalition).key;
    let result = match &coalition.asymmetry {
        AsymmetryFinding::NoLayers => {
            s.out.push_str(
                "<p class=\"note\">Not available: asymmetry needs relations between the parties — \
                 who funds, mandates, informs or reports to whom (relations.csv, with layers such \
                 as funding, mandate, information and reporting). This workspace records \
                 memberships only, so the national share above is the one asymmetry the data \
                 shows: who pays.</p>\n",
            );
            return;
        }
        AsymmetryFinding::NoTies { layers } => {
            let _ = writeln!(
                s.out,
                "<p class=\"note\">Not available: the members of this coalition have no relations \
                 with each other in {}. Adding their funding, mandate, information or reporting \
                 ties to relations.csv would show whether these run one way.</p>",
                esc(&layers.join(", "))
            );
            return;
        }
        AsymmetryFinding::Found(result) => result,
    };
    s.file(&format!("{data}/asymmetry.json"), to_pretty(&asymmetry_json(network, result)));
    s.file(&format!("{data}/asymmetry.csv"), asymmetry_dyad_records(network, result).to_csv());
    let group = |label: &str| result.group_labels.iter().position(|l| l == label);
    let (rijk, region) = (group(Side::Rijk.as_str()), group(Side::Region.as_str()));
    s.table(
        "<th>Layer</th><th class=\"num\">Tied pairs</th>\
         <th class=\"num\">Reciprocity</th><th class=\"num\">Weighted reciprocity</th>\
         <th class=\"num\">Hierarchy</th><th class=\"num\">Rijk → region</th>\
         <th class=\"num\">Region → Rijk</th><th>Reading</th>",
        |out| {
            let mut layers: Vec<_> = result.layers.iter().collect();
            layers
                .sort_by(|a, b| View::layer_name(network, a.layer).cmp(View::layer_name(network, b.layer)));
            for layer in layers {
                let flow = |from: Option<usize>, to: Option<usize>| -> f64 {
                    match (from, to) {
                        (Some(from), Some(to)) => layer
                            .flows
                            .iter()
                            .filter(|f| f.from_group as usize == from && f.to_group as usize == to)
                            .map(|f| f.weight)
                            .sum(),
                        _ => 0.0,
                    }
                };
                let down = flow(rijk, region);
                let up = flow(region, rijk);
                let euros = layer.weighting == Weighting::Euros;
                let what = match layer.weighting {
                    Weighting::Euros => "of the euros",
                    Weighting::Count => "of the relations",
                    _ => "of the tie weight",
                };
                let undirected = match layer.layer {
                    LayerChoice::Explicit(id) => !network.layer(id).directed,
                    _ => true,
                };
                let reading = if layer.dyads.is_empty() {
                    "no ties among the members".to_owned()
                } else if undirected {
                    "ties without direction (an undirected layer): nothing runs one way".to_owned()
                } else if down + up == 0.0 {
                    "no ties between Rijk and region".to_owned()
                } else {
                    format!(
                        "{} {what} between the sides runs from the Rijk to the region",
                        share(down / (down + up))
                    )
                };
                let amount = |value: f64| if euros { money(value) } else { measure(value) };
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                     <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"small\">{}</td></tr>",
                    esc(View::layer_name(network, layer.layer)),
                    layer.dyads.len(),
                    optional(layer.reciprocity, measure),
                    optional(layer.weighted_reciprocity, measure),
                    optional(layer.hierarchy, measure),
                    amount(down),
                    amount(up),
                    reading
                );
            }
        },
    );
    euros_behind(&mut s, coalition);
    s.end(Some(&format!("stakenet asymmetry --coalition {key} --format json")));
}

/// The most rows of the table of euros; the rest are counted.
const EURO_ROWS: usize = 25;

/// The relations whose euros the figures add up, with what the workspace notes about each (its
/// own columns of `relations.csv`, such as a source or how the amount was found), so a reader
/// can tell a stated payment from a derived one.
fn euros_behind(s: &mut Section<'_, '_>, coalition: &CoalitionReport) {
    let network = s.context.network;
    let relations = &coalition.euro_relations;
    if relations.is_empty() {
        return;
    }
    let attributes = network.relation_attributes();
    let names: Vec<&str> = attributes.names().collect();
    let which = match relations.len() {
        1 => "The relation".to_owned(),
        n => format!("The {n} relations"),
    };
    let noted = if names.is_empty() { "" } else { ", with what relations.csv notes about each" };
    let _ =
        writeln!(s.out, "<p class=\"explain\">{which} with euros behind these figures{noted}:</p>");
    let head = if names.is_empty() { "" } else { "<th>Noted</th>" };
    s.table(
        &format!("<th>From</th><th>To</th><th>Layer</th><th class=\"num\">Euros</th>{head}"),
        |out| {
            for &index in relations.iter().take(EURO_ROWS) {
                let relation = &network.relations()[index];
                let noted: Vec<String> = names
                    .iter()
                    .filter_map(|&name| {
                        let value = attributes.get(index, name)?;
                        let shown: String = value.chars().take(160).collect();
                        let cut = if shown.len() < value.len() { "…" } else { "" };
                        Some(format!("{}: {}{cut}", esc(name), esc(&shown)))
                    })
                    .collect();
                let noted = if names.is_empty() {
                    String::new()
                } else {
                    format!("<td class=\"small\">{}</td>", noted.join("; "))
                };
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>{noted}</tr>",
                    esc(&network.actor(relation.source).name),
                    esc(&network.actor(relation.target).name),
                    esc(&network.layer(relation.layer).name),
                    money(relation.amount.unwrap_or(0.0)),
                );
            }
        },
    );
    if relations.len() > EURO_ROWS {
        let _ = writeln!(
            s.out,
            "<p class=\"note\">And {} more; `stakenet export` lists every relation.</p>",
            relations.len() - EURO_ROWS
        );
    }
}

fn interdependence_section(mut s: Section<'_, '_>, coalition: &CoalitionReport, data: &str) {
    let context = s.context;
    let network = context.network;
    let key = &network.coalition(coalition.coalition).key;
    let (layer, source, result, overlap) = match &coalition.interdependence {
        InterdependenceFinding::NoLayer { layers } => {
            let has = if layers.is_empty() {
                "no relations at all (memberships only)".to_owned()
            } else {
                format!("only the layers {}", layers.join(", "))
            };
            let _ = writeln!(
                s.out,
                "<p class=\"note\">Not available: interdependence needs a <code>dependency</code> \
                 layer (who depends on whom) or a resource layer such as <code>funding</code> in \
                 relations.csv, and this workspace has {}. With it, this section would show for \
                 each pair of members whether both need each other, and who holds the power.</p>",
                esc(&has)
            );
            return;
        }
        InterdependenceFinding::NoTies { layer } => {
            let _ = writeln!(
                s.out,
                "<p class=\"note\">Not available: the members of this coalition have no ties with \
                 each other in the layer {}. Recording who depends on whom (a dependency layer) or \
                 who funds whom among them would make it possible.</p>",
                esc(layer)
            );
            return;
        }
        InterdependenceFinding::Refused { layer, reason } => {
            let _ = writeln!(
                s.out,
                "<p class=\"note\">Not computed for the layer {}: {}. Run \
                 <code>stakenet interdependence --coalition {}</code> with the options the \
                 message suggests.</p>",
                esc(layer),
                esc(reason),
                esc(key)
            );
            return;
        }
        InterdependenceFinding::Found { layer, weighting, source, result, overlap } => {
            (layer, (*weighting, source), result, overlap)
        }
    };
    let (weighting, source) = source;
    s.file(
        &format!("{data}/interdependence.json"),
        to_pretty(&interdependence_json(network, result, weighting, *overlap)),
    );
    s.file(
        &format!("{data}/interdependence.csv"),
        dependence_pair_records(network, result).to_csv(),
    );
    let _ = writeln!(
        s.out,
        "<p>Dependence read from the layer {}, {} ({}); indirect dependence with α = {}.</p>\n\
         <dl class=\"figures\">\n<dt>Mutuality</dt><dd>{}</dd>\n<dt>Layer overlap</dt><dd>{}</dd>\n</dl>",
        esc(layer),
        match weighting {
            Weighting::Euros => "as shares of the euros (amount)",
            Weighting::Count => "as shares of the relations",
            _ => "as shares of the tie weights",
        },
        esc(source.describe()),
        result.alpha,
        optional(result.mutuality, |m| format!(
            "{} of the members with a tie in this layer both depend on another and are depended on",
            share(m)
        )),
        optional(*overlap, |o| format!(
            "{} of tied pairs are tied in two or more layers",
            share(o)
        )),
    );
    if result.pairs.is_empty() {
        s.out.push_str("<p class=\"note\">No member depends on another in this layer.</p>\n");
    } else {
        let mut pairs: Vec<_> = result.pairs.iter().collect();
        pairs.sort_by(|a, b| {
            b.mutual_dependence
                .total_cmp(&a.mutual_dependence)
                .then(b.power_imbalance.total_cmp(&a.power_imbalance))
                .then_with(|| {
                    (network.actor(a.a).key.as_str(), network.actor(a.b).key.as_str())
                        .cmp(&(network.actor(b.a).key.as_str(), network.actor(b.b).key.as_str()))
                })
        });
        s.table(
        "<th>Pair</th><th class=\"num\">Mutual dependence</th>\
             <th class=\"num\">Power imbalance</th><th>More powerful</th>",
        |out| {
                for pair in pairs.iter().take(KEY_ACTORS) {
                    let _ = writeln!(
                        out,
                        "<tr><td>{} ↔ {}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                        context.actor_name(pair.a),
                        context.actor_name(pair.b),
                        measure(pair.mutual_dependence),
                        measure(pair.power_imbalance),
                        pair.more_powerful.map_or_else(|| "equal".to_owned(), |a| context.actor_name(a))
                    );
                }
            },
        );
    }
    s.end(Some(&format!(
        "stakenet interdependence --coalition {key} --layer {} --format json",
        shell_word(layer)
    )));
}

fn suspects_section(mut s: Section<'_, '_>, coalition: &CoalitionReport, data: &str) {
    let context = s.context;
    let network = context.network;
    let found = &coalition.suspects;
    let key = &network.coalition(coalition.coalition).key;
    s.file(
        &format!("{data}/suspects.json"),
        to_pretty(&suspects_json(network, found, CANDIDATES_IN_FILES)),
    );
    s.file(
        &format!("{data}/candidates.csv"),
        candidate_records(network, found, CANDIDATES_IN_FILES).to_csv(),
    );

    // Sectors in the order of the quadruple helix, then kinds by name.
    let mut coverage: Vec<_> = found.coverage.iter().collect();
    coverage.sort_by_key(|line| match &line.category {
        Category::Sector(sector) => (sector_rank(Some(*sector)), String::new()),
        Category::Kind(kind) => (Sector::ALL.len() + 1, kind.clone()),
    });
    s.out.push_str("<p>");
    let items: Vec<String> = coverage
        .iter()
        .map(|line| {
            let label = match &line.category {
                Category::Sector(sector) => sector_label(Some(*sector)).to_owned(),
                Category::Kind(kind) => format!("kind {kind}"),
            };
            format!(
                "{}: {} <span class=\"status {}\">{}</span>",
                esc(&label),
                line.present,
                line.status.as_str(),
                status_word(line.status)
            )
        })
        .collect();
    s.out.push_str(&items.join(" · "));
    s.out.push_str("</p>\n");

    if found.missing_ministries.is_empty() {
        s.out.push_str("<p>Ministries: every ministry the themes call for is at the table (or no theme maps to one).</p>\n");
    } else {
        s.out.push_str("<h4>Ministries the themes call for</h4>\n<ul class=\"compact\">\n");
        for m in &found.missing_ministries {
            let name = m.actor.map_or_else(|| esc(&m.ministry), |a| context.actor_name(a));
            let themes: Vec<String> = m.themes.iter().map(|t| esc(t)).collect();
            let _ = writeln!(s.out, "<li>{name}: for {}</li>", themes.join("; "));
        }
        s.out.push_str("</ul>\n");
    }

    s.out.push_str("<h4>Weakly engaged members</h4>\n");
    if found.weakly_engaged.is_empty() {
        s.out.push_str("<p>None: every member has a working relation with another member or a contribution.</p>\n");
    } else {
        s.explain(EXPLAIN_WEAK);
        let names: Vec<String> =
            found.weakly_engaged.iter().map(|&a| context.actor_name(a)).collect();
        let _ = writeln!(
            s.out,
            "<p>{} of {} members: {}.</p>",
            names.len(),
            found.n_members,
            names.join("; ")
        );
    }

    s.out.push_str("<h4>Candidates to invite</h4>\n");
    if found.candidates.is_empty() {
        s.out.push_str("<p>No party outside the coalition to propose.</p>\n");
    } else {
        s.table(
        "<th>Candidate</th><th>Sector</th>\
             <th class=\"num\">Score</th><th>Why</th>",
        |out| {
                for candidate in found.candidates.iter().take(CANDIDATES_ON_PAGE) {
                    let actor = network.actor(candidate.actor);
                    let _ = writeln!(
                        out,
                        "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"small\">{}</td></tr>",
                        esc(&actor.name),
                        sector_label(actor.sector),
                        measure(candidate.score),
                        esc(&candidate_reason(network, candidate))
                    );
                }
            },
        );
    }
    s.end(Some(&format!("stakenet suspects --coalition {key}")));
}

fn plan_section(mut s: Section<'_, '_>, coalition: &CoalitionReport, data: &str) {
    let context = s.context;
    let network = context.network;
    let plan = &coalition.plan;
    let key = &network.coalition(coalition.coalition).key;
    let svg = plan_svg(network, plan);
    s.file(&format!("{data}/plan.svg"), svg.clone());
    s.file(&format!("{data}/plan.json"), to_pretty(&plan_json(network, plan)));
    s.file(&format!("{data}/plan.md"), plan_markdown(network, plan));

    let count = |status: TopicStatus| plan.topics.iter().filter(|t| t.status == status).count();
    let _ = write!(
        s.out,
        "<p>{} topics: <span class=\"status covered\">{} covered</span> \
         <span class=\"status fragile\">{} fragile</span> <span class=\"status gap\">{} {}</span>.",
        plan.topics.len(),
        count(TopicStatus::Covered),
        count(TopicStatus::Fragile),
        count(TopicStatus::Gap),
        if count(TopicStatus::Gap) == 1 { "gap" } else { "gaps" }
    );
    if !plan.general.is_empty() {
        let _ = write!(
            s.out,
            " {} without a topic (drawn as the general row, not a theme).",
            if plan.general.len() == 1 {
                "1 general tie".to_owned()
            } else {
                format!("{} general ties", plan.general.len())
            }
        );
    }
    // No topic, or every topic a gap: say which data is missing for this deal.
    if plan.topics.is_empty() {
        s.out.push_str(
            " The deal has no topics: its themes are not recorded (coalitions.csv, column \
             <code>themes</code>) and no relation around it names one.",
        );
    } else if count(TopicStatus::Gap) == plan.topics.len() {
        if plan.general.is_empty() {
            s.out.push_str(
                " Every topic is a gap because no relation links a Rijk party and a regional \
                 member of this deal (relations.csv): the ties that would carry its topics are \
                 not recorded.",
            );
        } else {
            s.out.push_str(
                " Every topic is a gap because none of the ties between the Rijk and the region \
                 names a topic (relations.csv, column <code>topic</code>): recording which theme \
                 each tie serves would show which topics are carried.",
            );
        }
    }
    if !plan.unconnected_signatories.is_empty() {
        let names: Vec<String> =
            plan.unconnected_signatories.iter().map(|&a| context.actor_name(a)).collect();
        let _ = write!(s.out, " Signed without a working tie to the region: {}.", names.join("; "));
    }
    if plan.dealmakers.is_empty() {
        s.out.push_str(" No dealmaker is recorded.");
    } else {
        let names: Vec<String> = plan.dealmakers.iter().map(|&a| context.actor_name(a)).collect();
        let _ = write!(s.out, " Dealmaker: {}.", names.join("; "));
    }
    s.out.push_str("</p>\n");
    let _ = writeln!(s.out, "<p class=\"note\">{}</p>", esc(&plan_described(plan)));
    // The drawing, embedded as markup (its text stays escaped): without the XML declaration.
    let markup = svg.strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").unwrap_or(&svg);
    let _ = writeln!(s.out, "<div class=\"diagram\">{}</div>", markup.trim_end());
    let actionable: Vec<_> = plan.topics.iter().filter(|t| !t.proposed.is_empty()).collect();
    if !actionable.is_empty() {
        s.table(
        "<th>Topic</th><th>Status</th>\
             <th>Proposed ties</th>",
        |out| {
                for topic in actionable {
                    let pivots: Vec<String> =
                        topic.single_points.iter().map(|&a| context.actor_name(a)).collect();
                    let proposals: Vec<String> = topic
                        .proposed
                        .iter()
                        .map(|p| {
                            let goal = match p.goal {
                                ProposalGoal::CloseGap => "first tie on the topic".to_owned(),
                                ProposalGoal::Cover => {
                                    format!("a second tie, not through {}", pivots.join(", "))
                                }
                                ProposalGoal::Spread => {
                                    format!("brings in someone besides {}", pivots.join(", "))
                                }
                            };
                            format!(
                                "{} ↔ {} <em>({goal})</em>",
                                context.actor_name(p.rijk),
                                context.actor_name(p.region),
                            )
                        })
                        .collect();
                    let _ = writeln!(
                        out,
                        "<tr><td>{}</td><td><span class=\"status {}\">{}</span></td><td class=\"small\">{}</td></tr>",
                        esc(&topic.topic),
                        topic.status.as_str(),
                        topic.status.as_str(),
                        proposals.join("<br />")
                    );
                }
            },
        );
    }
    s.end(Some(&format!("stakenet plan --coalition {key} -o plan.svg")));
}
