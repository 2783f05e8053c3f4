//! The report (`stakenet report`): one self-contained HTML page for a steering group — the
//! coalitions side by side, the network's shape, who takes part and who pays, then per
//! coalition its make-up, key actors, asymmetry, interdependence, usual and unusual suspects
//! and connectieplan — plus the CSV, JSON and SVG files behind every section.
//!
//! The page needs nothing but a browser: CSS and SVG are inline, there is no script, no font
//! or image to fetch. It is well-formed XML as well as HTML (every element closed, void
//! elements written `<meta … />`, only XML's five named entities), so an XML parser can check
//! it. Every name and label is escaped for the place it lands (text, attribute value, SVG), and
//! characters XML cannot hold become U+FFFD; text cells of the CSV files go through
//! [`Records`], which defuses spreadsheet formulas. The same input gives the same bytes: no
//! clock is read, every list has a fixed order, numbers are formatted with fixed precision.
//!
//! Files ([`report_files`]), relative to the report folder:
//! `index.html`; `data/compare.csv|json`, `data/network.json`, `data/centrality.csv`,
//! `data/brokerage.csv`, `data/sectors.csv|svg`, `data/levels.csv|svg`, `data/finance.csv`,
//! `data/national-share.svg`; and per coalition `data/<folder>/` with `members.csv`,
//! `sectors.svg`, `centrality.csv`, `brokerage.csv`, `asymmetry.json|csv` and
//! `interdependence.json|csv` (when the data allows them), `suspects.json`, `candidates.csv`,
//! `plan.svg|json|md`. The `<folder>` is the coalition id made safe for every file system
//! ([`coalition_folders`]).

use std::fmt::Write as _;

use super::coalition::coalition_section;
use super::context::Context;
use super::format::{esc, layer_list};
use super::naming::{ReportFile, coalition_folders};
use super::overview::overview;
use super::style::CSS;
use crate::analysis::Report;
use crate::model::{CoalitionId, Network};

/// Text in `index.html` that marks a folder as a stakenet report (which a later run may
/// replace).
pub const REPORT_MARKER: &str = "<meta name=\"generator\" content=\"stakenet report\" />";

/// Every file of the report: `index.html` and the data behind it.
pub fn report_files(network: &Network, report: &Report) -> Vec<ReportFile> {
    let ids: Vec<CoalitionId> = report.coalitions.iter().map(|c| c.coalition).collect();
    let folders = coalition_folders(network, &ids);
    let context = Context::new(network, report, &folders);
    let mut files = Vec::new();
    let mut page = String::new();
    page_start(&mut page, &context);
    overview(&mut page, &mut files, &context);
    for (coalition, folder) in report.coalitions.iter().zip(&folders) {
        coalition_section(&mut page, &mut files, &context, coalition, folder);
    }
    page_end(&mut page, &context);
    files.insert(0, ReportFile { path: "index.html".to_owned(), contents: page });
    files
}

fn page_start(out: &mut String, context: &Context<'_>) {
    let network = context.network;
    let report = context.report;
    let title = format!("stakenet report: {}", report.source.workspace);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n");
    out.push_str(REPORT_MARKER);
    out.push_str("\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
    let _ = writeln!(out, "<title>{}</title>", esc(&title));
    let _ = writeln!(out, "<style>{CSS}</style>\n</head>\n<body>\n<div class=\"page\">");
    let structure = &report.overview.structure;
    let layers = layer_list(network, &report.overview.layers);
    let _ = writeln!(
        out,
        "<header>\n<p class=\"kicker\">stakenet report</p>\n<h1>Stakeholder network report</h1>\n\
         <p class=\"meta\">Workspace <code>{}</code></p>\n{}<p class=\"meta\">{}{}{}</p>\n<p class=\"lead\">{} coalitions and {} parties with {} ties ({}). This page shows the \
         coalitions side by side, then each coalition in turn: who takes part, who holds it \
         together, whether money and mandate run one way, who is missing, and which Rijk \
         department connects to which regional partner. Each section links to the CSV, JSON or \
         SVG file behind it and names the <code>stakenet</code> command that gives the same \
         figures.</p>\n</header>",
        esc(&report.source.workspace),
        report.source.baseline_argument.as_ref().map_or_else(String::new, |baseline| format!(
            "<p class=\"meta\">Baseline <code>{}</code>: each coalition's part \"Since the \
             baseline\" says what changed since.</p>\n",
            esc(baseline)
        )),
        esc(&report.moment.sentence()),
        if report.overview.membership_by_default {
            " The workspace records no relations between parties, so the whole network's \
             ties are shared coalition membership (two parties are tied when they take part \
             in the same deal); within a coalition that ties everyone to everyone, so the \
             coalition sections do not use it."
        } else {
            ""
        },
        match report.source.sample {
            Some(sample) => format!(
                " Betweenness, closeness and harmonic centrality are estimated from {} \
                 sampled actors (seed {}) wherever a network has more actors than that; \
                 closeness centralization is then left out.",
                sample.pivots, sample.seed
            ),
            None => String::new(),
        },
        network.coalitions().len(),
        network.actors().len(),
        structure.n_ties,
        esc(&layers),
    );
    out.push_str("<nav>\n<h2>Contents</h2>\n<ol>\n<li><a href=\"#overview\">Overview</a>: ");
    out.push_str("<a href=\"#compare\">the coalitions side by side</a>, ");
    if super::overview::has_tranches(context) {
        out.push_str("<a href=\"#tranches\">the tranches side by side</a>, ");
    }
    out.push_str(
        "<a href=\"#shape\">the network's shape</a>, <a href=\"#mix\">sectors and levels</a>, <a \
         href=\"#finance\">the national share per deal</a></li>\n",
    );
    let _ = writeln!(
        out,
        "<li>The coalitions ({}):\n<ol class=\"coalitions\">",
        report.coalitions.len()
    );
    for coalition in &report.coalitions {
        let c = network.coalition(coalition.coalition);
        let _ = writeln!(out, "<li>{}</li>", context.coalition_link(coalition.coalition, &c.name));
    }
    out.push_str("</ol>\n</li>\n</ol>\n</nav>\n<main>\n");
}

fn page_end(out: &mut String, context: &Context<'_>) {
    let _ = writeln!(
        out,
        "</main>\n<footer>\n<p>Made by stakenet {} from {}. The analyses are defined in the \
         project's design document; the same input always gives this same page.</p>\n\
         </footer>\n</div>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION"),
        esc(&context.report.source.workspace)
    );
}
