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

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use quick_xml::escape::escape;
use serde_json::json;

use super::charts::{
    Bar, BarChart, Reference, bar_chart_svg, palette, sector_colour, svg_document,
};
use crate::analysis::{
    ActorCentrality, Asymmetry, Brokerage, Category, CoalitionFigures, Connectieplan,
    CoverageStatus, DependenceSource, Grouping, Interdependence, ProposalGoal, Suspects,
    TopicStatus,
};
use crate::model::{ActorId, CoalitionId, Level, Network, Sector, Side};
use crate::render::json::to_pretty;
use crate::render::markup::xml::xml_safe;
use crate::render::records::{Cell, Records};
use crate::render::{
    asymmetry_dyad_records, asymmetry_json, brokerage_records, candidate_reason, candidate_records,
    centrality_records, coalition_finance_records, compare_json, compare_records,
    dependence_pair_records, interdependence_json, plan_json, plan_markdown, plan_svg,
    structure_json, suspects_json,
};
use crate::view::{LayerChoice, View};

/// Text in `index.html` that marks a folder as a stakenet report (which a later run may
/// replace).
pub const REPORT_MARKER: &str = "<meta name=\"generator\" content=\"stakenet report\" />";

/// How many candidates the page shows per coalition (the files hold [`CANDIDATES_IN_FILES`]).
const CANDIDATES_ON_PAGE: usize = 5;
/// How many candidates the files hold per coalition (as `stakenet suspects`).
pub const CANDIDATES_IN_FILES: usize = 10;
/// Rows of the key-actor tables.
const KEY_ACTORS: usize = 8;

/// One file of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportFile {
    /// Path inside the report folder, `/`-separated.
    pub path: String,
    /// The contents.
    pub contents: String,
}

/// Everything the report shows, computed by the caller.
#[derive(Clone, Debug)]
pub struct Report {
    /// How to name the workspace (its path, or the bundled workspace's name).
    pub workspace: String,
    /// The workspace argument of the commands the page names (`None` for the bundled
    /// workspace, which needs none).
    pub workspace_argument: Option<String>,
    /// The `--profile` file given, repeated in the `compare` and `suspects` commands the page
    /// names.
    pub profile_argument: Option<String>,
    /// The whole network.
    pub overview: Overview,
    /// The coalitions to report on, in order.
    pub coalitions: Vec<CoalitionReport>,
}

/// The figures about the whole network.
#[derive(Clone, Debug)]
pub struct Overview {
    /// `compare` for every coalition of the workspace, by id.
    pub compare: Vec<CoalitionFigures>,
    /// The layers of the whole-network view (every explicit layer plus comembership).
    pub layers: Vec<LayerChoice>,
    /// Whether that view is directed.
    pub directed: bool,
    /// Centrality of every actor in that view, in node order.
    pub centrality: Vec<ActorCentrality>,
    /// Its graph-level figures.
    pub structure: crate::analysis::GraphStructure,
    /// Brokerage in that view, grouped by side.
    pub brokerage: Brokerage,
    /// The grouping by side.
    pub grouping: Grouping,
    /// The coalition finance of every coalition ([`Asymmetry::coalitions`]; no layers).
    pub finance: Asymmetry,
}

/// The figures about one coalition.
#[derive(Clone, Debug)]
pub struct CoalitionReport {
    /// Which coalition.
    pub coalition: CoalitionId,
    /// Centrality in the coalition's view (its members; every layer plus comembership).
    pub centrality: Vec<ActorCentrality>,
    /// Brokerage in that view, grouped by side.
    pub brokerage: Brokerage,
    /// The grouping by side.
    pub grouping: Grouping,
    /// Asymmetry over the explicit layers among the members, or why there is none.
    pub asymmetry: AsymmetryFinding,
    /// Interdependence among the members, or why there is none.
    pub interdependence: InterdependenceFinding,
    /// Usual and unusual suspects.
    pub suspects: Suspects,
    /// The connectieplan.
    pub plan: Connectieplan,
}

/// The asymmetry section of a coalition.
#[derive(Clone, Debug)]
pub enum AsymmetryFinding {
    /// The workspace has no relations (no explicit layer).
    NoLayers,
    /// The members have no tie with each other in any of these layers.
    NoTies {
        /// The workspace's explicit layers.
        layers: Vec<String>,
    },
    /// The figures, per layer, grouped by side.
    Found(Asymmetry),
}

/// The interdependence section of a coalition.
#[derive(Clone, Debug)]
pub enum InterdependenceFinding {
    /// The workspace has neither a `dependency` nor a `funding` layer.
    NoLayer {
        /// The explicit layers it has.
        layers: Vec<String>,
    },
    /// The members have no tie with each other in the layer.
    NoTies {
        /// The dependence layer.
        layer: String,
    },
    /// The analysis refused (too many actors, α too large for the dependence cycles).
    Refused {
        /// The dependence layer.
        layer: String,
        /// Why, as the analysis says it.
        reason: String,
    },
    /// The figures.
    Found {
        /// The dependence layer.
        layer: String,
        /// How D was read from it.
        source: DependenceSource,
        /// Pairs, actor scores and mutuality.
        result: Interdependence,
        /// Share of tied member pairs tied in two or more layers.
        overlap: Option<f64>,
    },
}

/// A folder name for each coalition (same order): its id with every character other than
/// ASCII letters, digits, `_` and `-` replaced by `_`, made unique (ignoring case, with `-2`,
/// `-3`, …) and never a name Windows reserves (`con`, `nul`, `com1`, …).
pub fn coalition_folders(network: &Network, coalitions: &[CoalitionId]) -> Vec<String> {
    let mut taken: BTreeSet<String> = BTreeSet::new();
    coalitions
        .iter()
        .map(|&c| {
            let key = &network.coalition(c).key;
            let mut base: String = key
                .chars()
                .map(|ch| if ch.is_ascii_alphanumeric() || ch == '-' { ch } else { '_' })
                .collect();
            if base.is_empty() || is_reserved(&base) {
                base.push('_');
            }
            let mut name = base.clone();
            let mut n = 2;
            while !taken.insert(name.to_ascii_lowercase()) {
                name = format!("{base}-{n}");
                n += 1;
            }
            name
        })
        .collect()
}

/// Whether Windows reserves `name` as a device (`con`, `prn`, `aux`, `nul`, `com1`–`com9`,
/// `lpt1`–`lpt9`, any case).
fn is_reserved(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    matches!(lower.as_str(), "con" | "prn" | "aux" | "nul")
        || ((lower.starts_with("com") || lower.starts_with("lpt"))
            && lower.len() == 4
            && lower.as_bytes()[3].is_ascii_digit()
            && lower.as_bytes()[3] != b'0')
}

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

/// What every part of the page needs to look up.
struct Context<'a> {
    network: &'a Network,
    report: &'a Report,
    /// Folder (anchor) of every coalition in the report, by coalition index.
    anchors: BTreeMap<usize, &'a str>,
    /// Whole-network centrality by actor index.
    overall: BTreeMap<usize, &'a ActorCentrality>,
    /// Distinct coalitions per actor index.
    n_coalitions: BTreeMap<usize, usize>,
    /// The `compare` row of every coalition, by coalition index.
    figures: BTreeMap<usize, &'a CoalitionFigures>,
}

impl<'a> Context<'a> {
    fn new(network: &'a Network, report: &'a Report, folders: &'a [String]) -> Self {
        let anchors = report
            .coalitions
            .iter()
            .zip(folders)
            .map(|(c, f)| (c.coalition.index(), f.as_str()))
            .collect();
        let overall = report.overview.centrality.iter().map(|s| (s.actor.index(), s)).collect();
        let mut pairs = BTreeSet::new();
        for membership in network.memberships() {
            pairs.insert((membership.actor.index(), membership.coalition.index()));
        }
        let mut n_coalitions = BTreeMap::new();
        for (actor, _) in pairs {
            *n_coalitions.entry(actor).or_insert(0) += 1;
        }
        let figures =
            report.overview.compare.iter().map(|row| (row.coalition.index(), row)).collect();
        Context { network, report, anchors, overall, n_coalitions, figures }
    }

    fn actor_name(&self, actor: ActorId) -> String {
        esc(&self.network.actor(actor).name)
    }

    /// The coalition's name, linked to its section when it is in the report.
    fn coalition_link(&self, coalition: CoalitionId, text: &str) -> String {
        match self.anchors.get(&coalition.index()) {
            Some(anchor) => format!("<a href=\"#c-{anchor}\">{}</a>", esc(text)),
            None => esc(text),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Plain-language explanations, from the findings of the Regio Deal evaluations.

const EXPLAIN_COMPARE: &str = "Each deal's make-up, money and structure in one row. The \
government share is the share of members that are governments: most Regio Deals stayed with \
the usual suspects, mostly governments. The peers are the three most similar deals (themes, \
size and sector mix), as partners for peer review: the evaluations found that peer review \
rarely happened because deals differed too much, and advise pairing comparable deals.";

const EXPLAIN_DENSITY: &str = "Density is the share of all possible ties that exist. \
Centralization (Freeman) is how much the ties run through one actor: 1 for a star, 0 when all \
are equal. Low centralization is not a defect: leadership in such networks is mostly \
collective, distributed and relational, not one natural leader. Components are the parts of \
the network that no tie connects.";

const EXPLAIN_KEY_ACTORS: &str = "Betweenness is how often an actor lies on the shortest path \
between two others: who holds the network together, and who could broker. Brokerage between \
Rijk and region counts the two-step paths on which an actor links the national government and \
the region without a direct tie between the two ends (Gould & Fernandez) — the liaison role a \
dealmaker is meant to play.";

const EXPLAIN_MIX: &str = "Who takes part, by sector and by level. The evaluations found that \
most Regio Deals stayed with the usual suspects, mostly governments, and urge involving \
businesses, education, cultural institutions, youth centres and residents as well. \
Collaboration is multi-level: municipality, region, province, the Rijk and the EU.";

const EXPLAIN_FINANCE: &str = "The national share is the part of a deal's money that comes \
from the Rijk: national contribution / (national contribution + regional co-financing). Above \
half, the Rijk pays most, and regional partners tend to see it as a cash machine \
(pinautomaat); where the region put in more than the minimum, the partnership felt more equal \
(nevengeschikt) because the Rijk was not the only or main funder.";

const EXPLAIN_SUMMARY: &str = "Members by sector and role. Co-financing was used as a test of \
commitment: involved is not committed.";

const EXPLAIN_COALITION_KEY_ACTORS: &str = "Within the coalition: degree is the number of \
members an actor is tied to, betweenness how often it lies between two others. Across all \
deals: betweenness in the whole network — who links this deal to the others. Brokerage counts \
the paths on which an actor links the Rijk and the region.";

const EXPLAIN_ASYMMETRY: &str = "Whether money, mandate and information run one way. \
Reciprocity is the share of ties that are returned; hierarchy (Krackhardt) is 1 for a pure \
chain of command. On paper the Rijk and the region are equal (nevengeschikt); in practice the \
funding and its accountability made the relation asymmetric. Yet some asymmetry of knowledge, \
power and resources is also what makes collaboration attractive.";

const EXPLAIN_INTERDEPENDENCE: &str = "Partners must feel mutually dependent: there must be \
something to gain for everyone. Mutuality is the share of members that both depend on another \
member and are depended on. A pair's mutual dependence is high when both sides need each \
other; its power imbalance is high when one side needs the other more — the less dependent \
side holds the power.";

const EXPLAIN_SUSPECTS: &str = "Coverage counts members per sector against the quadruple helix \
(government, business, knowledge, civil society, citizens): missing when there is none, thin \
when there are fewer than expected or they are only involved. The ministries listed are those \
the deal's themes call for but that are not at the table. Candidates are parties outside the \
deal, ranked by the gap they fill, their closeness in the network, shared themes and region.";

const EXPLAIN_WEAK: &str = "Involved is not committed: in a breakfast of bacon and eggs the \
chicken is involved but the pig is committed. These members signed, but have no working \
relation with another member and made no contribution.";

const EXPLAIN_PLAN: &str = "The connectieplan maps, per topic of the deal, who works on it in \
the region and at the Rijk, and which ties connect them: covered (two or more independent \
ties), fragile (one tie, or all through one person) or a gap. A topic that hangs on one person \
is fragile: with frequent staff turnover, institutional memory is lost. Dashed lines are \
proposed ties that would close the gaps.";

// ---------------------------------------------------------------------------------------------
// The page.

const CSS: &str = "
*{box-sizing:border-box}
html{color-scheme:light}
body{margin:0;color:#1a1a1a;background:#ffffff;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}
.page{max-width:1180px;margin:0 auto;padding:32px 28px 48px}
h1{font-size:30px;line-height:1.2;margin:4px 0 10px}
h2{font-size:24px;line-height:1.25;margin:0 0 6px}
h3{font-size:17px;margin:30px 0 6px;padding-top:12px;border-top:1px solid #d0d0d0}
h4{font-size:15px;margin:16px 0 4px}
p{margin:6px 0}
a{color:#005a8c}
.kicker{text-transform:uppercase;letter-spacing:.08em;font-size:12px;color:#555555;margin:0}
.lead{font-size:16px;max-width:78ch}
.explain{color:#333333;max-width:82ch;border-left:3px solid #0072B2;padding:1px 0 1px 12px;margin:8px 0 12px}
.note{color:#444444;font-style:italic;max-width:82ch}
.files{font-size:13px;color:#555555;margin-top:8px}
.files a{margin-right:6px}
.command{font-size:13px;color:#555555}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em;background:#f2f2f2;padding:0 3px;border-radius:3px}
table{border-collapse:collapse;margin:8px 0 10px;font-size:13.5px}
th,td{border-bottom:1px solid #e0e0e0;padding:4px 8px;text-align:left;vertical-align:top}
th{border-bottom:2px solid #8c8c8c;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.small{font-size:12.5px;color:#333333}
td.name{min-width:18em}
td.wide{min-width:11em}
.sub{font-size:12px;color:#555555}
.two{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:8px 32px}
.scroll{overflow-x:auto}
.coalition{margin-top:64px;padding-top:20px;border-top:4px solid #1a1a1a}
.meta{color:#444444;margin:2px 0;max-width:90ch}
.id{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;color:#666666;font-weight:400}
dl.figures{display:grid;grid-template-columns:max-content 1fr;gap:3px 18px;margin:8px 0}
dl.figures dt{font-weight:600}
dl.figures dd{margin:0}
ul.compact{margin:4px 0;padding-left:20px}
.status{display:inline-block;border:1.5px solid #8c8c8c;border-radius:3px;padding:0 5px;font-size:12px;font-weight:600;line-height:1.45;white-space:nowrap}
.status.ok,.status.covered{color:#00674b;border-color:#009E73}
.status.thin,.status.fragile{color:#7a5000;border-color:#E69F00}
.status.missing,.status.gap{color:#9c3f00;border-color:#D55E00}
.diagram,.chart-box{overflow-x:auto;margin:8px 0}
.diagram svg,.chart-box svg{max-width:100%;height:auto;display:block}
.diagram{border:1px solid #e0e0e0}
nav ol{margin:4px 0;padding-left:22px}
nav ol.coalitions{columns:2;column-gap:36px;font-size:14px}
footer{margin-top:56px;padding-top:12px;border-top:1px solid #d0d0d0;font-size:13px;color:#555555}
@media (max-width:800px){nav ol.coalitions{columns:1}}
@page{margin:14mm}
@media print{
body{font-size:10pt}
.page{max-width:none;padding:0}
nav{display:none}
.coalition{break-before:page;border-top:none;margin-top:0;padding-top:0}
h2,h3,h4{break-after:avoid}
tr,dl,.diagram,.chart-box{break-inside:avoid}
a{color:inherit;text-decoration:none}
code{background:none;padding:0}
.scroll,.diagram,.chart-box{overflow:visible}
.diagram{border:none}
}
";

fn page_start(out: &mut String, context: &Context<'_>) {
    let network = context.network;
    let report = context.report;
    let title = format!("stakenet report: {}", report.workspace);
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
         <p class=\"meta\">Workspace <code>{}</code></p>\n<p class=\"lead\">{} coalitions and {} parties with {} ties ({}). This page shows the \
         coalitions side by side, then each coalition in turn: who takes part, who holds it \
         together, whether money and mandate run one way, who is missing, and which Rijk \
         department connects to which regional partner. Each section links to the CSV, JSON or \
         SVG file behind it and names the <code>stakenet</code> command that gives the same \
         figures.</p>\n</header>",
        esc(&report.workspace),
        network.coalitions().len(),
        network.actors().len(),
        structure.n_ties,
        esc(&layers),
    );
    out.push_str("<nav>\n<h2>Contents</h2>\n<ol>\n<li><a href=\"#overview\">Overview</a>: ");
    out.push_str(
        "<a href=\"#compare\">the coalitions side by side</a>, <a href=\"#shape\">the \
         network's shape</a>, <a href=\"#mix\">sectors and levels</a>, <a \
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
        esc(&context.report.workspace)
    );
}

// ---------------------------------------------------------------------------------------------
// Overview.

fn overview(out: &mut String, files: &mut Vec<ReportFile>, context: &Context<'_>) {
    let network = context.network;
    let overview = &context.report.overview;
    out.push_str("<section id=\"overview\">\n<h2>Overview</h2>\n");

    // The coalitions side by side.
    files.push(file("data/compare.csv", compare_records(network, &overview.compare).to_csv()));
    files.push(file("data/compare.json", to_pretty(&compare_json(network, &overview.compare))));
    out.push_str("<section id=\"compare\">\n<h3>The coalitions side by side</h3>\n");
    explain(out, EXPLAIN_COMPARE);
    out.push_str(
        "<div class=\"scroll\"><table>\n<thead><tr><th>Coalition</th>\
         <th class=\"num\" title=\"distinct members, any role\">Members</th>\
         <th class=\"num\" title=\"share of members in the government sector\">Gov. share</th>\
         <th class=\"num\" title=\"of government, business, knowledge, civil society, citizens\">Sectors</th>\
         <th class=\"num\" title=\"distinct ministries at the table\">Ministries</th>\
         <th class=\"num\" title=\"national contribution\">National</th>\
         <th class=\"num\" title=\"co-financing / national contribution\">Co-fin. ratio</th>\
         <th class=\"num\">Density</th><th class=\"num\" title=\"Freeman degree centralization\">Centr.</th>\
         <th>Missing sectors</th></tr></thead>\n<tbody>\n",
    );
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
            measure(row.density),
            optional(row.centralization, measure),
            esc(&missing.join(", ")),
        );
    }
    out.push_str("</tbody>\n</table></div>\n");
    links(out, &["data/compare.csv", "data/compare.json"]);
    command(out, context, "stakenet compare");
    out.push_str("</section>\n");

    network_shape(out, files, context);
    mix(out, files, context);
    finance(out, files, context);
    out.push_str("</section>\n");
}

fn network_shape(out: &mut String, files: &mut Vec<ReportFile>, context: &Context<'_>) {
    let network = context.network;
    let overview = &context.report.overview;
    let structure = &overview.structure;
    let layer_names: Vec<&str> =
        overview.layers.iter().map(|&l| View::layer_name(network, l)).collect();
    files.push(file(
        "data/network.json",
        to_pretty(&json!({
            "workspace": context.report.workspace,
            "layers": layer_names,
            "directed": overview.directed,
            "network": structure_json(structure),
        })),
    ));
    files.push(file(
        "data/centrality.csv",
        centrality_records(network, &overview.centrality).to_csv(),
    ));
    files.push(file(
        "data/brokerage.csv",
        brokerage_records(network, &overview.brokerage, &overview.grouping, false).to_csv(),
    ));

    out.push_str("<section id=\"shape\">\n<h3>The network's shape</h3>\n");
    explain(out, EXPLAIN_DENSITY);
    out.push_str("<dl class=\"figures\">\n");
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
        let _ = writeln!(out, "<dt>{name}</dt><dd>{value}</dd>");
    }
    out.push_str("</dl>\n<h4>Key actors across the network</h4>\n");
    explain(out, EXPLAIN_KEY_ACTORS);
    let brokers: BTreeMap<usize, u64> = overview
        .brokerage
        .nodes
        .iter()
        .map(|n| (n.actor.index(), n.raw.total - n.raw.coordinator))
        .collect();
    let mut ranked: Vec<&ActorCentrality> = overview.centrality.iter().collect();
    ranked.sort_by(|a, b| {
        let key = |s: &ActorCentrality| s.betweenness.unwrap_or(0.0);
        key(b)
            .total_cmp(&key(a))
            .then(b.degree.cmp(&a.degree))
            .then_with(|| network.actor(a.actor).key.cmp(&network.actor(b.actor).key))
    });
    out.push_str(
        "<div class=\"scroll\"><table>\n<thead><tr><th>Actor</th><th>Sector</th><th>Side</th>\
         <th class=\"num\">Coalitions</th><th class=\"num\">Degree</th>\
         <th class=\"num\">Betweenness</th><th class=\"num\">Brokerage Rijk–region</th></tr></thead>\n<tbody>\n",
    );
    for score in ranked.iter().take(10) {
        let actor = network.actor(score.actor);
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(&actor.name),
            sector_label(actor.sector),
            side_label(network.side(score.actor)),
            context.n_coalitions.get(&score.actor.index()).copied().unwrap_or(0),
            score.degree,
            optional(score.betweenness, measure),
            brokers.get(&score.actor.index()).copied().unwrap_or(0)
        );
    }
    out.push_str("</tbody>\n</table></div>\n");
    links(out, &["data/network.json", "data/centrality.csv", "data/brokerage.csv"]);
    command(out, context, "stakenet centrality --format json; stakenet brokerage --group-by side");
    out.push_str("</section>\n");
}

fn largest_component_note(structure: &crate::analysis::GraphStructure) -> String {
    if structure.n_weak_components <= 1 {
        " (everyone is connected)".to_owned()
    } else {
        " (weakly connected parts; isolated parties count as one each)".to_owned()
    }
}

fn mix(out: &mut String, files: &mut Vec<ReportFile>, context: &Context<'_>) {
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
    files.push(file("data/sectors.csv", sector_records.to_csv()));
    files.push(file("data/levels.csv", level_records.to_csv()));
    files.push(file("data/sectors.svg", svg_document(&sector_chart)));
    files.push(file("data/levels.svg", svg_document(&level_chart)));

    out.push_str("<section id=\"mix\">\n<h3>Who takes part: sectors and levels</h3>\n");
    explain(out, EXPLAIN_MIX);
    let _ = writeln!(
        out,
        "<div class=\"two\">\n<div><h4>Parties by sector</h4>\n<div class=\"chart-box\">{sector_chart}</div></div>\n\
         <div><h4>Parties by level</h4>\n<div class=\"chart-box\">{level_chart}</div></div>\n</div>"
    );
    links(out, &["data/sectors.csv", "data/sectors.svg", "data/levels.csv", "data/levels.svg"]);
    command(out, context, "stakenet check");
    out.push_str("</section>\n");
}

fn finance(out: &mut String, files: &mut Vec<ReportFile>, context: &Context<'_>) {
    let network = context.network;
    let finance = &context.report.overview.finance;
    files.push(file("data/finance.csv", coalition_finance_records(network, finance).to_csv()));
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
    files.push(file("data/national-share.svg", svg_document(&chart)));
    let stated: Vec<f64> = rows.iter().filter_map(|f| f.national_share).collect();
    let above = stated.iter().filter(|&&s| s > 0.5).count();
    out.push_str("<section id=\"finance\">\n<h3>Who pays: the national share per deal</h3>\n");
    explain(out, EXPLAIN_FINANCE);
    if stated.is_empty() {
        out.push_str(
            "<p class=\"note\">No coalition states both its national contribution and its \
             co-financing (coalitions.csv, columns national_contribution and cofinancing), so \
             there is no national share to show.</p>\n",
        );
    } else {
        let _ = writeln!(
            out,
            "<p>Of the {} {} that state both figures, the Rijk pays more than half in {} \
             (orange bars) and at most half in {} (blue bars).</p>",
            stated.len(),
            if stated.len() == 1 { "coalition" } else { "coalitions" },
            above,
            stated.len() - above
        );
    }
    let _ = writeln!(out, "<div class=\"chart-box\">{chart}</div>");
    links(out, &["data/finance.csv", "data/national-share.svg"]);
    command(out, context, "stakenet asymmetry --format json");
    out.push_str("</section>\n");
}

// ---------------------------------------------------------------------------------------------
// One coalition.

fn coalition_section(
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
    if !c.themes.is_empty() {
        let themes: Vec<String> = c.themes.iter().map(|t| esc(t)).collect();
        let _ = writeln!(out, "<p class=\"meta\">Themes: {}</p>", themes.join("; "));
    }
    let sources = source_links(c.attributes.get("source").map(String::as_str));
    if !sources.is_empty() {
        let _ = writeln!(out, "<p class=\"meta\">Sources: {}</p>", sources.join(" · "));
    }

    summary(out, files, context, coalition, &data);
    key_actors(out, files, context, coalition, &data);
    asymmetry_section(out, files, context, coalition, &data);
    interdependence_section(out, files, context, coalition, &data);
    suspects_section(out, files, context, coalition, &data);
    plan_section(out, files, context, coalition, &data);
    out.push_str("</section>\n");
}

fn summary(
    out: &mut String,
    files: &mut Vec<ReportFile>,
    context: &Context<'_>,
    coalition: &CoalitionReport,
    data: &str,
) {
    let network = context.network;
    let c = network.coalition(coalition.coalition);
    // Distinct members with their roles and contributions, by actor id.
    let mut members: BTreeMap<&str, (ActorId, Vec<&str>, f64, bool)> = BTreeMap::new();
    let mut records =
        Records::new(&["id", "name", "sector", "level", "kind", "role", "contribution"]);
    let mut rows: Vec<_> = network.members_of(coalition.coalition).collect();
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
    files.push(file(&format!("{data}/members.csv"), records.to_csv()));

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
    files.push(file(&format!("{data}/sectors.svg"), svg_document(&chart)));

    out.push_str("<h3>Summary</h3>\n");
    explain(out, EXPLAIN_SUMMARY);
    let finance = crate::analysis::coalition_finance(network, coalition.coalition);
    let roles: Vec<String> =
        by_role.iter().map(|(role, count)| format!("{count} {}", role.replace('_', " "))).collect();
    out.push_str("<dl class=\"figures\">\n");
    let _ = writeln!(
        out,
        "<dt>Members</dt><dd>{n}{}</dd>",
        if roles.is_empty() { String::new() } else { format!(" ({})", roles.join(", ")) }
    );
    let _ = writeln!(
        out,
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
                out,
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
        let _ = writeln!(out, "<dt>Member contributions</dt><dd>{}</dd>", contributors.join("; "));
    }
    out.push_str("</dl>\n");
    let _ = writeln!(out, "<div class=\"chart-box\">{chart}</div>\n<ul class=\"compact\">");
    for (&rank, names) in &by_sector {
        let _ = writeln!(
            out,
            "<li><strong>{} ({})</strong>: {}</li>",
            sector_label(Sector::ALL.get(rank).copied()),
            names.len(),
            names.join("; ")
        );
    }
    out.push_str("</ul>\n");
    links(out, &[&format!("{data}/members.csv"), &format!("{data}/sectors.svg")]);
}

fn key_actors(
    out: &mut String,
    files: &mut Vec<ReportFile>,
    context: &Context<'_>,
    coalition: &CoalitionReport,
    data: &str,
) {
    let network = context.network;
    let key = &network.coalition(coalition.coalition).key;
    files.push(file(
        &format!("{data}/centrality.csv"),
        centrality_records(network, &coalition.centrality).to_csv(),
    ));
    files.push(file(
        &format!("{data}/brokerage.csv"),
        brokerage_records(network, &coalition.brokerage, &coalition.grouping, false).to_csv(),
    ));
    let brokers: BTreeMap<usize, u64> = coalition
        .brokerage
        .nodes
        .iter()
        .map(|n| (n.actor.index(), n.raw.total - n.raw.coordinator))
        .collect();
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
    out.push_str("<h3>Key actors</h3>\n");
    explain(out, EXPLAIN_COALITION_KEY_ACTORS);
    let flat = coalition.centrality.iter().all(|s| s.betweenness.unwrap_or(0.0) == 0.0)
        && brokers.values().all(|&b| b == 0);
    if coalition.centrality.len() > 1 && flat {
        let how = if network.layers().is_empty() {
            "the data holds no relations between members, so the deal itself ties every member \
             to every other"
        } else {
            "every member is tied directly to every other member it reaches"
        };
        let _ = writeln!(
            out,
            "<p class=\"note\">No member stands out within the coalition: {how}. The ranking \
             below follows betweenness across all deals.</p>"
        );
    }
    out.push_str(
        "<div class=\"scroll\"><table>\n<thead><tr><th>Actor</th><th>Sector</th><th>Side</th>\
         <th class=\"num\">Degree</th><th class=\"num\">Betweenness</th>\
         <th class=\"num\">Brokerage Rijk–region</th><th class=\"num\">Betweenness across all deals</th></tr></thead>\n<tbody>\n",
    );
    for score in ranked.iter().take(KEY_ACTORS) {
        let actor = network.actor(score.actor);
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            esc(&actor.name),
            sector_label(actor.sector),
            side_label(network.side(score.actor)),
            score.degree,
            optional(score.betweenness, measure),
            brokers.get(&score.actor.index()).copied().unwrap_or(0),
            optional(overall(score.actor), measure)
        );
    }
    out.push_str("</tbody>\n</table></div>\n");
    if ranked.len() > KEY_ACTORS {
        let _ = writeln!(
            out,
            "<p class=\"files\">The {} of {} members ranked highest; the files list all.</p>",
            KEY_ACTORS,
            ranked.len()
        );
    }
    links(out, &[&format!("{data}/centrality.csv"), &format!("{data}/brokerage.csv")]);
    command(
        out,
        context,
        &format!(
            "stakenet centrality --coalition {key}; stakenet brokerage --coalition {key} --group-by side"
        ),
    );
}

fn asymmetry_section(
    out: &mut String,
    files: &mut Vec<ReportFile>,
    context: &Context<'_>,
    coalition: &CoalitionReport,
    data: &str,
) {
    let network = context.network;
    let key = &network.coalition(coalition.coalition).key;
    out.push_str("<h3>Asymmetry</h3>\n");
    explain(out, EXPLAIN_ASYMMETRY);
    let result = match &coalition.asymmetry {
        AsymmetryFinding::NoLayers => {
            out.push_str(
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
                out,
                "<p class=\"note\">Not available: the members of this coalition have no relations \
                 with each other in {}. Adding their funding, mandate, information or reporting \
                 ties to relations.csv would show whether these run one way.</p>",
                esc(&layers.join(", "))
            );
            return;
        }
        AsymmetryFinding::Found(result) => result,
    };
    files
        .push(file(&format!("{data}/asymmetry.json"), to_pretty(&asymmetry_json(network, result))));
    files.push(file(
        &format!("{data}/asymmetry.csv"),
        asymmetry_dyad_records(network, result).to_csv(),
    ));
    let group = |label: &str| result.group_labels.iter().position(|l| l == label);
    let (rijk, region) = (group(Side::Rijk.as_str()), group(Side::Region.as_str()));
    out.push_str(
        "<div class=\"scroll\"><table>\n<thead><tr><th>Layer</th><th class=\"num\">Tied pairs</th>\
         <th class=\"num\">Reciprocity</th><th class=\"num\">Weighted reciprocity</th>\
         <th class=\"num\">Hierarchy</th><th class=\"num\">Rijk → region</th>\
         <th class=\"num\">Region → Rijk</th><th>Reading</th></tr></thead>\n<tbody>\n",
    );
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
        let reading = if layer.dyads.is_empty() {
            "no ties among the members".to_owned()
        } else if down + up == 0.0 {
            "no ties between Rijk and region".to_owned()
        } else {
            format!(
                "{} of the weight between the sides runs from the Rijk to the region",
                share(down / (down + up))
            )
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"small\">{}</td></tr>",
            esc(View::layer_name(network, layer.layer)),
            layer.dyads.len(),
            optional(layer.reciprocity, measure),
            optional(layer.weighted_reciprocity, measure),
            optional(layer.hierarchy, measure),
            measure(down),
            measure(up),
            reading
        );
    }
    out.push_str("</tbody>\n</table></div>\n");
    links(out, &[&format!("{data}/asymmetry.json"), &format!("{data}/asymmetry.csv")]);
    command(out, context, &format!("stakenet asymmetry --coalition {key} --format json"));
}

fn interdependence_section(
    out: &mut String,
    files: &mut Vec<ReportFile>,
    context: &Context<'_>,
    coalition: &CoalitionReport,
    data: &str,
) {
    let network = context.network;
    let key = &network.coalition(coalition.coalition).key;
    out.push_str("<h3>Interdependence</h3>\n");
    explain(out, EXPLAIN_INTERDEPENDENCE);
    let (layer, source, result, overlap) = match &coalition.interdependence {
        InterdependenceFinding::NoLayer { layers } => {
            let has = if layers.is_empty() {
                "no relations at all (memberships only)".to_owned()
            } else {
                format!("only the layers {}", layers.join(", "))
            };
            let _ = writeln!(
                out,
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
                out,
                "<p class=\"note\">Not available: the members of this coalition have no ties with \
                 each other in the layer {}. Recording who depends on whom (a dependency layer) or \
                 who funds whom among them would make it possible.</p>",
                esc(layer)
            );
            return;
        }
        InterdependenceFinding::Refused { layer, reason } => {
            let _ = writeln!(
                out,
                "<p class=\"note\">Not computed for the layer {}: {}. Run \
                 <code>stakenet interdependence --coalition {}</code> with the options the \
                 message suggests.</p>",
                esc(layer),
                esc(reason),
                esc(key)
            );
            return;
        }
        InterdependenceFinding::Found { layer, source, result, overlap } => {
            (layer, source, result, overlap)
        }
    };
    files.push(file(
        &format!("{data}/interdependence.json"),
        to_pretty(&interdependence_json(network, result, *overlap)),
    ));
    files.push(file(
        &format!("{data}/interdependence.csv"),
        dependence_pair_records(network, result).to_csv(),
    ));
    let _ = writeln!(
        out,
        "<p>Dependence read from the layer {} ({}); indirect dependence with α = {}.</p>\n\
         <dl class=\"figures\">\n<dt>Mutuality</dt><dd>{}</dd>\n<dt>Layer overlap</dt><dd>{}</dd>\n</dl>",
        esc(layer),
        esc(source.describe()),
        result.alpha,
        optional(result.mutuality, |m| format!(
            "{} of the members both depend on another and are depended on",
            share(m)
        )),
        optional(*overlap, |o| format!(
            "{} of tied pairs are tied in two or more layers",
            share(o)
        )),
    );
    if result.pairs.is_empty() {
        out.push_str("<p class=\"note\">No member depends on another in this layer.</p>\n");
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
        out.push_str(
            "<div class=\"scroll\"><table>\n<thead><tr><th>Pair</th><th class=\"num\">Mutual dependence</th>\
             <th class=\"num\">Power imbalance</th><th>More powerful</th></tr></thead>\n<tbody>\n",
        );
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
        out.push_str("</tbody>\n</table></div>\n");
    }
    links(out, &[&format!("{data}/interdependence.json"), &format!("{data}/interdependence.csv")]);
    command(
        out,
        context,
        &format!(
            "stakenet interdependence --coalition {key} --layer {} --format json",
            shell_word(layer)
        ),
    );
}

fn suspects_section(
    out: &mut String,
    files: &mut Vec<ReportFile>,
    context: &Context<'_>,
    coalition: &CoalitionReport,
    data: &str,
) {
    let network = context.network;
    let found = &coalition.suspects;
    let key = &network.coalition(coalition.coalition).key;
    files.push(file(
        &format!("{data}/suspects.json"),
        to_pretty(&suspects_json(network, found, CANDIDATES_IN_FILES)),
    ));
    files.push(file(
        &format!("{data}/candidates.csv"),
        candidate_records(network, found, CANDIDATES_IN_FILES).to_csv(),
    ));
    out.push_str("<h3>Usual and unusual suspects</h3>\n");
    explain(out, EXPLAIN_SUSPECTS);
    // Sectors in the order of the quadruple helix, then kinds by name.
    let mut coverage: Vec<_> = found.coverage.iter().collect();
    coverage.sort_by_key(|line| match &line.category {
        Category::Sector(sector) => (sector_rank(Some(*sector)), String::new()),
        Category::Kind(kind) => (Sector::ALL.len() + 1, kind.clone()),
    });
    out.push_str("<p>");
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
    out.push_str(&items.join(" · "));
    out.push_str("</p>\n");

    if found.missing_ministries.is_empty() {
        out.push_str("<p>Ministries: every ministry the themes call for is at the table (or no theme maps to one).</p>\n");
    } else {
        out.push_str("<h4>Ministries the themes call for</h4>\n<ul class=\"compact\">\n");
        for m in &found.missing_ministries {
            let name = m.actor.map_or_else(|| esc(&m.ministry), |a| context.actor_name(a));
            let themes: Vec<String> = m.themes.iter().map(|t| esc(t)).collect();
            let _ = writeln!(out, "<li>{name}: for {}</li>", themes.join("; "));
        }
        out.push_str("</ul>\n");
    }

    out.push_str("<h4>Weakly engaged members</h4>\n");
    if found.weakly_engaged.is_empty() {
        out.push_str("<p>None: every member has a working relation with another member or a contribution.</p>\n");
    } else {
        explain(out, EXPLAIN_WEAK);
        let names: Vec<String> =
            found.weakly_engaged.iter().map(|&a| context.actor_name(a)).collect();
        let _ = writeln!(
            out,
            "<p>{} of {} members: {}.</p>",
            names.len(),
            found.n_members,
            names.join("; ")
        );
    }

    out.push_str("<h4>Candidates to invite</h4>\n");
    if found.candidates.is_empty() {
        out.push_str("<p>No party outside the coalition to propose.</p>\n");
    } else {
        out.push_str(
            "<div class=\"scroll\"><table>\n<thead><tr><th>Candidate</th><th>Sector</th>\
             <th class=\"num\">Score</th><th>Why</th></tr></thead>\n<tbody>\n",
        );
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
        out.push_str("</tbody>\n</table></div>\n");
    }
    links(out, &[&format!("{data}/suspects.json"), &format!("{data}/candidates.csv")]);
    command(out, context, &format!("stakenet suspects --coalition {key}"));
}

fn plan_section(
    out: &mut String,
    files: &mut Vec<ReportFile>,
    context: &Context<'_>,
    coalition: &CoalitionReport,
    data: &str,
) {
    let network = context.network;
    let plan = &coalition.plan;
    let key = &network.coalition(coalition.coalition).key;
    let svg = plan_svg(network, plan);
    files.push(file(&format!("{data}/plan.svg"), svg.clone()));
    files.push(file(&format!("{data}/plan.json"), to_pretty(&plan_json(network, plan))));
    files.push(file(&format!("{data}/plan.md"), plan_markdown(network, plan)));
    out.push_str("<h3>Connectieplan</h3>\n");
    explain(out, EXPLAIN_PLAN);
    let count = |status: TopicStatus| plan.topics.iter().filter(|t| t.status == status).count();
    let _ = write!(
        out,
        "<p>{} topics: <span class=\"status covered\">{} covered</span> \
         <span class=\"status fragile\">{} fragile</span> <span class=\"status gap\">{} gaps</span>.",
        plan.topics.len(),
        count(TopicStatus::Covered),
        count(TopicStatus::Fragile),
        count(TopicStatus::Gap)
    );
    if !plan.unconnected_signatories.is_empty() {
        let names: Vec<String> =
            plan.unconnected_signatories.iter().map(|&a| context.actor_name(a)).collect();
        let _ = write!(out, " Signed without a working tie to the region: {}.", names.join("; "));
    }
    if plan.dealmakers.is_empty() {
        out.push_str(" No dealmaker is recorded.");
    } else {
        let names: Vec<String> = plan.dealmakers.iter().map(|&a| context.actor_name(a)).collect();
        let _ = write!(out, " Dealmaker: {}.", names.join("; "));
    }
    out.push_str("</p>\n");
    // The drawing, embedded as markup (its text stays escaped): without the XML declaration.
    let markup = svg.strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").unwrap_or(&svg);
    let _ = writeln!(out, "<div class=\"diagram\">{}</div>", markup.trim_end());
    let actionable: Vec<_> = plan.topics.iter().filter(|t| !t.proposed.is_empty()).collect();
    if !actionable.is_empty() {
        out.push_str(
            "<div class=\"scroll\"><table>\n<thead><tr><th>Topic</th><th>Status</th>\
             <th>Proposed ties</th></tr></thead>\n<tbody>\n",
        );
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
        out.push_str("</tbody>\n</table></div>\n");
    }
    links(
        out,
        &[&format!("{data}/plan.svg"), &format!("{data}/plan.json"), &format!("{data}/plan.md")],
    );
    command(out, context, &format!("stakenet plan --coalition {key} -o plan.svg"));
}

// ---------------------------------------------------------------------------------------------
// Small pieces.

fn file(path: &str, contents: String) -> ReportFile {
    ReportFile { path: path.to_owned(), contents }
}

/// Text escaped for HTML text and (double- or single-quoted) attribute values; characters XML
/// cannot hold become U+FFFD.
fn esc(text: &str) -> String {
    escape(xml_safe(text).into_owned()).into_owned()
}

fn explain(out: &mut String, text: &str) {
    let _ = writeln!(out, "<p class=\"explain\">{}</p>", esc(text));
}

fn links(out: &mut String, paths: &[&str]) {
    let items: Vec<String> = paths
        .iter()
        .map(|path| {
            let name = path.rsplit('/').next().unwrap_or(path);
            format!("<a href=\"{}\">{}</a>", esc(path), esc(name))
        })
        .collect();
    let _ = writeln!(out, "<p class=\"files\">Data: {}</p>", items.join(" "));
}

/// `text`: `;`-separated `stakenet COMMAND OPTIONS…`, each given the workspace argument after
/// COMMAND (and the profile, for the commands that read one).
fn command(out: &mut String, context: &Context<'_>, text: &str) {
    let report = context.report;
    let commands: Vec<String> = text
        .split("; ")
        .map(|part| {
            let mut words = part.splitn(3, ' ');
            let (program, name, rest) =
                (words.next().unwrap_or(""), words.next().unwrap_or(""), words.next());
            let mut line = format!("{program} {name}");
            if let Some(workspace) = &report.workspace_argument {
                line.push(' ');
                line.push_str(&shell_word(workspace));
            }
            if let Some(rest) = rest {
                line.push(' ');
                line.push_str(rest);
            }
            if let (Some(profile), "compare" | "suspects") = (&report.profile_argument, name) {
                line.push_str(" --profile ");
                line.push_str(&shell_word(profile));
            }
            line
        })
        .collect();
    let _ = writeln!(
        out,
        "<p class=\"command\">Same figures: <code>{}</code></p>",
        esc(&commands.join("; "))
    );
}

/// `word` as one shell word: as it is when it holds only safe characters, else in single
/// quotes.
fn shell_word(word: &str) -> String {
    let safe = !word.is_empty()
        && word.chars().all(|c| c.is_ascii_alphanumeric() || "_./:=@%+-,".contains(c));
    if safe { word.to_owned() } else { format!("'{}'", word.replace('\'', "'\\''")) }
}

/// Links to the `http(s)` addresses in a `source` cell (split on `;`, `|` and white space),
/// each shown by its host.
fn source_links(cell: Option<&str>) -> Vec<String> {
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

fn layer_list(network: &Network, layers: &[LayerChoice]) -> String {
    let names: Vec<&str> = layers.iter().map(|&l| View::layer_name(network, l)).collect();
    match names.len() {
        0 => "no layers".to_owned(),
        1 => format!("layer {}", names[0]),
        _ => format!("layers {}", names.join(", ")),
    }
}

fn sector_rank(sector: Option<Sector>) -> usize {
    sector.and_then(|s| Sector::ALL.iter().position(|x| *x == s)).unwrap_or(Sector::ALL.len())
}

fn level_rank(level: Option<Level>) -> usize {
    level.and_then(|l| Level::ALL.iter().position(|x| *x == l)).unwrap_or(Level::ALL.len())
}

fn sector_label(sector: Option<Sector>) -> &'static str {
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

fn side_label(side: Side) -> &'static str {
    match side {
        Side::Rijk => "Rijk",
        Side::Region => "region",
    }
}

fn status_word(status: CoverageStatus) -> &'static str {
    match status {
        CoverageStatus::Missing => "missing",
        CoverageStatus::Thin => "thin",
        CoverageStatus::Ok => "ok",
    }
}

fn count_note(count: usize, total: usize) -> String {
    if total == 0 {
        count.to_string()
    } else {
        format!("{count} ({})", share(count as f64 / total as f64))
    }
}

fn optional(value: Option<f64>, format: impl Fn(f64) -> String) -> String {
    value.filter(|v| v.is_finite()).map_or_else(|| "–".to_owned(), format)
}

/// A share as a whole percentage.
fn share(value: f64) -> String {
    format!("{:.0}%", value * 100.0)
}

/// Money in euros: `€20.0m`, `€250k`, `€900`.
fn money(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude >= 1e6 {
        format!("€{:.1}m", value / 1e6)
    } else if magnitude >= 1e3 {
        format!("€{:.0}k", value / 1e3)
    } else {
        format!("€{value:.0}")
    }
}

fn ratio(value: f64) -> String {
    format!("{value:.2}")
}

/// A measure with three decimals (whole numbers as they are).
fn measure(value: f64) -> String {
    if value == value.trunc() && value.abs() < 1e15 {
        format!("{value:.0}")
    } else if value.abs() >= 100.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.3}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Coalition, NetworkBuilder};

    fn network_with(keys: &[&str]) -> Network {
        let mut builder = NetworkBuilder::default();
        for key in keys {
            builder.coalitions.push(Coalition {
                key: (*key).to_owned(),
                name: (*key).to_owned(),
                tranche: None,
                region: None,
                themes: Vec::new(),
                national_contribution: None,
                cofinancing: None,
                governance: None,
                start: None,
                end: None,
                attributes: BTreeMap::new(),
            });
        }
        builder.build().unwrap()
    }

    #[test]
    fn coalition_folders_are_safe_unique_and_stable() {
        let keys = ["rd_twente", "..", "a:b", "A_b", "con", "x.y", "x_y"];
        let network = network_with(&keys);
        let ids: Vec<CoalitionId> = (0..keys.len()).map(CoalitionId::from_index).collect();
        assert_eq!(
            coalition_folders(&network, &ids),
            ["rd_twente", "__", "a_b", "A_b-2", "con_", "x_y", "x_y-2"]
        );
    }

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
