//! The overview part of the page: the coalitions side by side, the tranches side by side (when
//! the coalitions have two or more), the network's shape, who takes part (sectors and levels)
//! and who pays (the national share per deal).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::json;

use super::charts::{
    Bar, BarChart, Reference, bar_chart_svg, palette, sector_colour, svg_document,
};
use super::context::Context;
use super::format::{
    actor_row, count_note, esc, layer_list, level_rank, measure, money, optional, ratio,
    rijk_region_brokerage, sector_label, sector_rank, share,
};
use super::naming::ReportFile;
use super::prose::{
    EXPLAIN_COMPARE, EXPLAIN_DENSITY, EXPLAIN_FINANCE, EXPLAIN_KEY_ACTORS, EXPLAIN_MAP,
    EXPLAIN_MIX, EXPLAIN_TRANCHES,
};
use super::section::Section;
use crate::analysis::{ActorCentrality, GraphStructure};
use crate::model::{Level, Sector};
use crate::render::json::to_pretty;
use crate::render::records::{Cell, Records};
use crate::render::{
    brokerage_records, centrality_records, coalition_finance_records, compare_json,
    compare_records, structure_json,
};
use crate::view::View;

pub(super) fn overview(out: &mut String, files: &mut Vec<ReportFile>, context: &Context<'_>) {
    out.push_str("<section id=\"overview\">\n<h2>Overview</h2>\n");
    compare(Section::wrapped(
        out,
        files,
        context,
        "compare",
        "The coalitions side by side",
        EXPLAIN_COMPARE,
    ));
    if has_tranches(context) {
        tranches(Section::wrapped(
            out,
            files,
            context,
            "tranches",
            "The tranches side by side",
            EXPLAIN_TRANCHES,
        ));
    }
    network_shape(Section::wrapped(
        out,
        files,
        context,
        "shape",
        "The network's shape",
        EXPLAIN_DENSITY,
    ));
    super::map::overview_map(Section::wrapped(
        out,
        files,
        context,
        "map",
        "The network on a map",
        EXPLAIN_MAP,
    ));
    mix(Section::wrapped(
        out,
        files,
        context,
        "mix",
        "Who takes part: sectors and levels",
        EXPLAIN_MIX,
    ));
    finance(Section::wrapped(
        out,
        files,
        context,
        "finance",
        "Who pays: the national share per deal",
        EXPLAIN_FINANCE,
    ));
    out.push_str("</section>\n");
}

/// Whether the coalitions fall into two or more tranches (rounds), so that a table of the
/// tranches side by side says something.
pub(super) fn has_tranches(context: &Context<'_>) -> bool {
    let tranches: std::collections::BTreeSet<&str> = context
        .report
        .overview
        .compare
        .iter()
        .filter_map(|row| context.network.coalition(row.coalition).tranche.as_deref())
        .collect();
    tranches.len() >= 2
}

/// One tranche's figures, summed over its coalitions.
#[derive(Default)]
struct TrancheFigures {
    deals: usize,
    national: f64,
    government_shares: Vec<f64>,
    sectors: usize,
    with_non_government: usize,
    stated: usize,
    stated_national: f64,
    stated_cofinancing: f64,
}

/// The tranches side by side: per tranche the deals, the national money, the median government
/// share, the sectors at the table and the national share of the deals that state their
/// co-financing.
fn tranches(mut s: Section<'_, '_>) {
    let context = s.context;
    let network = context.network;
    let overview = &context.report.overview;
    let cofinancing: BTreeMap<_, _> =
        overview.finance.coalitions.iter().map(|f| (f.coalition, f.cofinancing)).collect();
    let mut by_tranche: BTreeMap<&str, TrancheFigures> = BTreeMap::new();
    for row in &overview.compare {
        let tranche = network.coalition(row.coalition).tranche.as_deref().unwrap_or("(none)");
        let t = by_tranche.entry(tranche).or_default();
        t.deals += 1;
        t.national += row.national_contribution.unwrap_or(0.0);
        t.government_shares.extend(row.government_share);
        t.sectors += row.sectors_present.len();
        t.with_non_government +=
            usize::from(row.sectors_present.iter().any(|s| *s != Sector::Government));
        if let (Some(n), Some(Some(c))) =
            (row.national_contribution, cofinancing.get(&row.coalition))
        {
            t.stated += 1;
            t.stated_national += n;
            t.stated_cofinancing += c;
        }
    }
    let median = |values: &mut Vec<f64>| -> Option<f64> {
        values.sort_by(f64::total_cmp);
        let n = values.len();
        (n > 0).then(|| {
            if n % 2 == 1 { values[n / 2] } else { (values[n / 2 - 1] + values[n / 2]) / 2.0 }
        })
    };
    let columns = [
        "tranche",
        "deals",
        "national_contribution",
        "median_government_share",
        "mean_sectors",
        "deals_with_a_non_government_sector",
        "deals_stating_cofinancing",
        "national_share_of_stated",
    ];
    let mut records = Records::new(&columns);
    let mut rows = String::new();
    for (tranche, t) in &mut by_tranche {
        let government = median(&mut t.government_shares);
        let mean_sectors = t.sectors as f64 / t.deals as f64;
        let national_share =
            (t.stated > 0).then(|| t.stated_national / (t.stated_national + t.stated_cofinancing));
        records.push(vec![
            Cell::text(*tranche),
            Cell::Number(Some(t.deals as f64)),
            Cell::Number(Some(t.national)),
            Cell::Number(government),
            Cell::Number(Some(mean_sectors)),
            Cell::Number(Some(t.with_non_government as f64)),
            Cell::Number(Some(t.stated as f64)),
            Cell::Number(national_share),
        ]);
        let _ = writeln!(
            rows,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{:.1} of 5</td><td class=\"num\">{} of {}</td>\
             <td class=\"num\">{}</td></tr>",
            esc(tranche),
            t.deals,
            money(t.national),
            optional(government, share),
            mean_sectors,
            t.with_non_government,
            t.deals,
            match national_share {
                Some(v) => format!(
                    "{} ({} of {} {})",
                    share(v),
                    t.stated,
                    t.deals,
                    if t.deals == 1 { "deal" } else { "deals" }
                ),
                None => "not known (no deal of the tranche states its co-financing)".to_owned(),
            },
        );
    }
    s.file("data/tranches.csv", records.to_csv());
    s.table(
        "<th>Tranche</th><th class=\"num\">Deals</th><th class=\"num\">National money</th>\
         <th class=\"num\" title=\"median over the deals of the share of members in the government sector\">Median gov. share</th>\
         <th class=\"num\" title=\"of government, business, knowledge, civil society, citizens\">Sectors (mean)</th>\
         <th class=\"num\">Deals with a non-government sector</th>\
         <th class=\"num\" title=\"national / (national + co-financing), summed over the deals that state both\">National share</th>",
        |out| out.push_str(&rows),
    );
    s.end(Some("stakenet compare --format csv"));
}

/// The coalitions side by side.
fn compare(mut s: Section<'_, '_>) {
    let context = s.context;
    let network = context.network;
    let overview = &context.report.overview;
    s.file("data/compare.csv", compare_records(network, &overview.compare).to_csv());
    s.file("data/compare.json", to_pretty(&compare_json(network, &overview.compare)));

    s.table(
        "<th>Coalition</th>\
         <th class=\"num\" title=\"distinct members, any role\">Members</th>\
         <th class=\"num\" title=\"share of members in the government sector\">Gov. share</th>\
         <th class=\"num\" title=\"of government, business, knowledge, civil society, citizens\">Sectors</th>\
         <th class=\"num\" title=\"distinct ministries at the table\">Ministries</th>\
         <th class=\"num\" title=\"national contribution\">National</th>\
         <th class=\"num\" title=\"co-financing / national contribution\">Co-fin. ratio</th>\
         <th class=\"num\">Density</th><th class=\"num\" title=\"Freeman degree centralization\">Centr.</th>\
         <th>Missing sectors</th>",
        |out| {
            for row in &overview.compare {
                let c = network.coalition(row.coalition);
                let missing: Vec<&str> =
                    row.missing_sectors.iter().map(|s| sector_label(Some(*s))).collect();
                let peers: Vec<String> = row
                    .peers
                    .iter()
                    .map(|p| context.coalition_link(p.coalition, &network.coalition(p.coalition).key))
                    .collect();
                let _ = writeln!(
                    out,
                    "<tr><td class=\"name\">{}<br /><span class=\"sub\">peers: {}</span></td>\
                     <td class=\"num\">{}</td><td class=\"num\">{}</td>\
                     <td class=\"num\">{} of 5</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                     <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                     <td class=\"small wide\">{}</td></tr>",
                    context.coalition_link(row.coalition, &c.name),
                    if peers.is_empty() { "none".to_owned() } else { peers.join(", ") },
                    row.n_members,
                    optional(row.government_share, share),
                    row.sectors_present.len(),
                    row.n_ministries,
                    optional(row.national_contribution, money),
                    optional(row.cofinancing_ratio, ratio),
                    row.density.map_or_else(|| "no relations recorded".to_owned(), measure),
                    optional(row.centralization, measure),
                    esc(&missing.join(", ")),
                );
            }
        },
    );
    s.end(Some("stakenet compare"));
}

fn network_shape(mut s: Section<'_, '_>) {
    let context = s.context;
    let network = context.network;
    let overview = &context.report.overview;
    let structure = &overview.structure;
    let layer_names: Vec<&str> =
        overview.layers.iter().map(|&l| View::layer_name(network, l)).collect();
    s.file(
        "data/network.json",
        to_pretty(&json!({
            "workspace": context.report.source.workspace,
            "layers": layer_names,
            "directed": overview.directed,
            "network": structure_json(structure),
        })),
    );
    s.file("data/centrality.csv", centrality_records(network, &overview.centrality).to_csv());
    s.file(
        "data/brokerage.csv",
        brokerage_records(network, &overview.brokerage, &overview.grouping, false).to_csv(),
    );

    s.out.push_str("<dl class=\"figures\">\n");
    let largest = largest_component_note(structure);
    let rows = [
        ("Parties (actors)", structure.n_nodes.to_string()),
        ("Ties", format!("{} ({})", structure.n_ties, esc(&layer_list(network, &overview.layers)))),
        ("Density", measure(structure.density)),
        ("Degree centralization", optional(structure.degree_centralization, measure)),
        ("Betweenness centralization", optional(structure.betweenness_centralization, measure)),
        ("Components", format!("{}{largest}", structure.n_weak_components)),
    ];
    for (name, value) in rows {
        let _ = writeln!(s.out, "<dt>{name}</dt><dd>{value}</dd>");
    }
    s.out.push_str("</dl>\n<h4>Key actors across the network</h4>\n");
    s.explain(EXPLAIN_KEY_ACTORS);
    let brokers = rijk_region_brokerage(&overview.brokerage);
    let mut ranked: Vec<&ActorCentrality> = overview.centrality.iter().collect();
    ranked.sort_by(|a, b| {
        let key = |s: &ActorCentrality| s.betweenness.unwrap_or(0.0);
        key(b)
            .total_cmp(&key(a))
            .then(b.degree.cmp(&a.degree))
            .then_with(|| network.actor(a.actor).key.cmp(&network.actor(b.actor).key))
    });
    s.table(
        "<th>Actor</th><th>Sector</th><th>Side</th>\
         <th class=\"num\">Coalitions</th><th class=\"num\">Degree</th>\
         <th class=\"num\">Betweenness</th><th class=\"num\">Brokerage Rijk–region</th>",
        |out| {
            for score in ranked.iter().take(10) {
                let numbers = [
                    context
                        .n_coalitions
                        .get(&score.actor.index())
                        .copied()
                        .unwrap_or(0)
                        .to_string(),
                    score.degree.to_string(),
                    optional(score.betweenness, measure),
                    brokers.get(&score.actor.index()).copied().unwrap_or(0).to_string(),
                ];
                actor_row(out, network, score.actor, &numbers);
            }
        },
    );
    s.end(Some("stakenet centrality --format json; stakenet brokerage --group-by side"));
}

fn largest_component_note(structure: &GraphStructure) -> String {
    if structure.n_weak_components <= 1 {
        " (everyone is connected)".to_owned()
    } else {
        " (weakly connected parts; isolated parties count as one each)".to_owned()
    }
}

fn mix(mut s: Section<'_, '_>) {
    let context = s.context;
    let network = context.network;
    let mut by_sector: BTreeMap<usize, usize> = BTreeMap::new();
    let mut by_level: BTreeMap<usize, usize> = BTreeMap::new();
    for actor in network.actors() {
        *by_sector.entry(sector_rank(actor.sector)).or_insert(0) += 1;
        *by_level.entry(level_rank(actor.level)).or_insert(0) += 1;
    }
    let n = network.actors().len();
    let sectors: Vec<(Option<Sector>, usize)> =
        by_sector.iter().map(|(&rank, &count)| (Sector::ALL.get(rank).copied(), count)).collect();
    let levels: Vec<(Option<Level>, usize)> =
        by_level.iter().map(|(&rank, &count)| (Level::ALL.get(rank).copied(), count)).collect();

    let mut sector_records = Records::new(&["sector", "actors"]);
    for (sector, count) in &sectors {
        sector_records.push(vec![
            Cell::optional_text(sector.map(Sector::as_str)),
            Cell::Count(*count as u64),
        ]);
    }
    let mut level_records = Records::new(&["level", "actors"]);
    for (level, count) in &levels {
        level_records
            .push(vec![Cell::optional_text(level.map(Level::as_str)), Cell::Count(*count as u64)]);
    }
    let sector_chart = bar_chart_svg(&BarChart {
        title: "Parties by sector".to_owned(),
        bars: sectors
            .iter()
            .map(|&(sector, count)| Bar {
                label: sector_label(sector).to_owned(),
                value: Some(count as f64),
                colour: sector_colour(sector),
                note: count_note(count, n),
            })
            .collect(),
        max: 0.0,
        reference: None,
        width: 520.0,
    });
    let level_chart = bar_chart_svg(&BarChart {
        title: "Parties by level".to_owned(),
        bars: levels
            .iter()
            .map(|&(level, count)| Bar {
                label: level.map_or("no level", Level::as_str).to_owned(),
                value: Some(count as f64),
                colour: if level.is_some() { palette::BLUE } else { palette::GREY },
                note: count_note(count, n),
            })
            .collect(),
        max: 0.0,
        reference: None,
        width: 520.0,
    });
    s.file("data/sectors.csv", sector_records.to_csv());
    s.file("data/sectors.svg", svg_document(&sector_chart));
    s.file("data/levels.csv", level_records.to_csv());
    s.file("data/levels.svg", svg_document(&level_chart));

    let _ = writeln!(
        s.out,
        "<div class=\"two\">\n<div><h4>Parties by sector</h4>\n<div class=\"chart-box\">{sector_chart}</div></div>\n\
         <div><h4>Parties by level</h4>\n<div class=\"chart-box\">{level_chart}</div></div>\n</div>"
    );
    s.end(Some("stakenet check"));
}

fn finance(mut s: Section<'_, '_>) {
    let context = s.context;
    let network = context.network;
    let finance = &context.report.overview.finance;
    s.file("data/finance.csv", coalition_finance_records(network, finance).to_csv());
    let mut rows: Vec<_> = finance.coalitions.iter().collect();
    // Highest national share first; deals without the figures last; ties by id.
    rows.sort_by(|a, b| {
        let key = |x: Option<f64>| x.map_or(f64::NEG_INFINITY, |v| v);
        key(b.national_share).total_cmp(&key(a.national_share)).then_with(|| {
            network.coalition(a.coalition).key.cmp(&network.coalition(b.coalition).key)
        })
    });
    let bars: Vec<Bar> = rows
        .iter()
        .map(|f| {
            let note = match (f.national_share, f.national_contribution, f.cofinancing) {
                (Some(s), Some(n), Some(c)) => {
                    format!("{} ({} of {})", share(s), money(n), money(n + c))
                }
                (_, Some(n), None) => format!("co-financing not stated ({} national)", money(n)),
                (_, None, _) => "national contribution not stated".to_owned(),
                _ => "not defined".to_owned(),
            };
            Bar {
                label: network.coalition(f.coalition).name.clone(),
                value: f.national_share,
                colour: if f.national_share.is_some_and(|s| s > 0.5) {
                    palette::VERMILLION
                } else {
                    palette::BLUE
                },
                note,
            }
        })
        .collect();
    let chart = bar_chart_svg(&BarChart {
        title: "National share per deal".to_owned(),
        bars,
        max: 1.0,
        reference: Some(Reference { value: 0.5, caption: "half".to_owned() }),
        width: 900.0,
    });
    s.file("data/national-share.svg", svg_document(&chart));
    let stated: Vec<f64> = rows.iter().filter_map(|f| f.national_share).collect();
    let above = stated.iter().filter(|&&s| s > 0.5).count();

    if stated.is_empty() {
        s.out.push_str(
            "<p class=\"note\">No coalition states both its national contribution and its \
             co-financing (coalitions.csv, columns national_contribution and cofinancing), so \
             there is no national share to show.</p>\n",
        );
    } else {
        let _ = writeln!(
            s.out,
            "<p>Of the {} {} that state both figures, the Rijk pays more than half in {} \
             (orange bars) and at most half in {} (blue bars).</p>",
            stated.len(),
            if stated.len() == 1 { "coalition" } else { "coalitions" },
            above,
            stated.len() - above
        );
    }
    let _ = writeln!(s.out, "<div class=\"chart-box\">{chart}</div>");
    s.end(Some("stakenet asymmetry --format json"));
}
