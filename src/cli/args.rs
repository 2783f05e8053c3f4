//! The command line as clap parses it: the program and its subcommands, each with the
//! arguments its own file declares (the option groups they share are in `cli::options`).

use clap::{Parser, Subcommand};

use super::commands::asymmetry::AsymmetryArgs;
use super::commands::brokerage::BrokerageArgs;
use super::commands::centrality::CentralityArgs;
use super::commands::check::CheckArgs;
use super::commands::cohesion::CohesionArgs;
use super::commands::compare::CompareArgs;
use super::commands::diff::DiffArgs;
use super::commands::ego::EgoArgs;
use super::commands::export::ExportArgs;
use super::commands::generate::GenerateArgs;
use super::commands::influence::InfluenceArgs;
use super::commands::init::InitArgs;
use super::commands::interdependence::InterdependenceArgs;
use super::commands::layers::LayersArgs;
use super::commands::map::MapArgs;
use super::commands::mixing::MixingArgs;
use super::commands::plan::PlanArgs;
use super::commands::qap::QapArgs;
use super::commands::report::ReportArgs;
use super::commands::suspects::SuspectsArgs;
use super::commands::twomode::TwoModeArgs;
use super::commands::whatif::WhatIfArgs;

const AFTER_HELP: &str = "\
A WORKSPACE is a folder of CSV files (actors.csv, and optionally relations.csv, coalitions.csv,
members.csv) or one network.json. Without WORKSPACE, stakenet uses the bundled Regio Deal
workspace (67 Dutch Regio Deals, tranches I-V, 2018-2024). `stakenet init DIR` (or FILE.xlsx) writes a template
to start from.

Exit codes: 0 ok, 1 an analysis failed, 2 bad input or usage (every problem is listed as
path:line: message).";

/// stakenet: stakeholder network analysis for multi-actor, multi-level coalitions.
#[derive(Debug, Parser)]
#[command(name = "stakenet", version, about, after_help = AFTER_HELP, max_term_width = 100)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Start a workspace: write the four tables (actors, relations, coalitions, members) with
    /// every column explained and a tiny valid example, as a folder of CSV files or one .xlsx
    /// workbook with drop-down lists.
    #[command(after_help = super::commands::init::HELP)]
    Init(InitArgs),
    /// Validate a workspace and summarize it: actors by sector and level, layers, coalitions,
    /// members by role, hierarchy depth; or list every problem as path:line: message.
    #[command(
        after_help = "Examples:\n  stakenet check\n  stakenet check my-region/ --format json -o summary.json"
    )]
    Check(CheckArgs),
    /// Write a seeded synthetic workspace (Barabási–Albert or G(n,m)) with sectors, levels, a
    /// parent hierarchy, five layers and coalitions, for benchmarks and scale tests.
    #[command(
        after_help = "Examples:\n  stakenet generate --actors 100000 --ties-per-actor 10 -o big/\n  stakenet generate --model gnm --actors 200000 --ties-per-actor 5 --seed 7 -o gnm/"
    )]
    Generate(GenerateArgs),
    /// Who holds the network together: degree, strength, betweenness, closeness, harmonic,
    /// eigenvector and PageRank per actor, plus density, reciprocity, Freeman centralization
    /// and Krackhardt's hierarchy figures for the whole network.
    #[command(after_help = super::commands::centrality::HELP)]
    Centrality(CentralityArgs),
    /// Who brokers between groups (Gould–Fernandez roles: coordinator, itinerant, gatekeeper,
    /// representative, liaison) and who spans structural holes (Burt's constraint and
    /// effective size).
    #[command(after_help = super::commands::brokerage::HELP)]
    Brokerage(BrokerageArgs),
    /// Do parties tie within their own kind? The mixing matrix by sector, level, side or any
    /// column, the E-I index per group and overall with a permutation test, and the
    /// assortativity.
    #[command(after_help = super::commands::mixing::HELP)]
    Mixing(MixingArgs),
    /// Who sits in the most coalitions, and which coalitions hold the parties together:
    /// Borgatti–Everett two-mode degree, closeness and betweenness of every actor and coalition
    /// on the actors × coalitions network.
    #[command(
        name = "twomode",
        after_help = super::commands::twomode::HELP,
        // The options that choose and weigh ties measure nothing here: hidden, and refused.
        mut_arg("layers", |a| a.hide(true)),
        mut_arg("weight", |a| a.hide(true)),
        mut_arg("weighted", |a| a.hide(true))
    )]
    TwoMode(TwoModeArgs),
    /// Perceived against structural influence (Net-Map): the rank correlation of the
    /// `influence` column with a centrality, and the paper tigers and hidden influencers.
    #[command(after_help = super::commands::influence::HELP)]
    Influence(InfluenceArgs),
    /// Who is around one party: the actors within K steps, the ties among them and their
    /// density, their mix of sectors (Blau, IQV), and Burt's effective size and constraint.
    #[command(after_help = super::commands::ego::HELP)]
    Ego(EgoArgs),
    /// Does one relation follow others? MR-QAP regression of one layer on others (or on
    /// same-sector, same-level matrices) with double semi-partialling, and QAP correlations.
    #[command(after_help = super::commands::qap::HELP)]
    Qap(QapArgs),
    /// Who sticks together: per actor its core number (k-core) and community (Leiden), with
    /// the modularity of the communities and the maximal cliques.
    #[command(after_help = super::commands::cohesion::HELP)]
    Cohesion(CohesionArgs),
    /// How the layers of a multiplex network differ: per actor and layer the degree,
    /// neighbourhood, exclusive neighbourhood and (exclusive) relevance, and the edge overlap
    /// of every pair of layers.
    #[command(after_help = super::commands::layers::HELP)]
    Layers(LayersArgs),
    /// Does money, mandate or knowledge run one way? Per layer the asymmetry of every dyad,
    /// each actor's balance of giving and receiving, reciprocity, weighted reciprocity and
    /// Krackhardt hierarchy, and the flows between groups (Rijk and region); per coalition
    /// the national share of its money.
    #[command(after_help = super::commands::asymmetry::HELP)]
    Asymmetry(AsymmetryArgs),
    /// Is there something to gain for everyone? From a dependency or resource layer: mutual
    /// dependence and power imbalance per pair, indirect dependence per actor, mutuality of
    /// the coalition and overlap of its layers.
    #[command(after_help = super::commands::interdependence::HELP)]
    Interdependence(InterdependenceArgs),
    /// Usual and unusual suspects of a coalition: which sectors and kinds of parties and which
    /// ministries (by theme) are missing, which members only signed ("involved, not
    /// committed"), and whom to invite, ranked with a reason each.
    #[command(after_help = super::commands::suspects::HELP)]
    Suspects(SuspectsArgs),
    /// The connectieplan of a coalition: per topic the regional owners, the Rijk counterparts
    /// and the ties between them, covered / fragile / gap, proposed ties for the gaps, signing
    /// ministries without a working tie, and the dealmaker; as SVG, DOT, Markdown or JSON.
    #[command(after_help = super::commands::plan::HELP)]
    Plan(PlanArgs),
    /// A map of the network: actors coloured by group and sized by a measure, ties coloured by
    /// layer and as wide as their weight or euros, the largest actors named; as SVG, or as one
    /// interactive HTML page (pan, zoom, hover, an actor's ties on click, layers, search).
    #[command(after_help = super::commands::map::HELP)]
    Map(MapArgs),
    /// Compare coalitions: members, government share, sectors, ministries, money, density and
    /// centralization per coalition, with the three most similar as peer-review partners.
    #[command(after_help = super::commands::compare::HELP)]
    Compare(CompareArgs),
    /// What changed between two dates, two workspaces (baseline and follow-up) or two
    /// coalitions (a deal and the one it follows): ties, members, figures, topics, money.
    #[command(after_help = super::commands::diff::HELP)]
    Diff(DiffArgs),
    /// What if actors leave or join a coalition: topics, split, Rijk-region brokerage,
    /// centralization, sectors; --rank: who the network cannot lose (key players).
    #[command(name = "whatif", after_help = super::commands::whatif::HELP)]
    WhatIf(WhatIfArgs),
    /// Everything for a steering group: one self-contained HTML page (open DIR/index.html)
    /// with the coalitions side by side and, per coalition, its make-up and money, key actors,
    /// asymmetry, interdependence, usual and unusual suspects and connectieplan, each explained
    /// in plain words, plus the CSV, JSON and SVG files behind every section.
    #[command(after_help = super::commands::report::HELP)]
    Report(ReportArgs),
    /// Export the whole network with its attributes and layers for Gephi (GEXF), yEd and
    /// NetworkX (GraphML), Cytoscape (JSON) or Graphviz (DOT); coalitions become nodes tied to
    /// their members.
    #[command(after_help = super::commands::export::HELP)]
    Export(ExportArgs),
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    #[test]
    fn the_help_is_consistent() {
        Cli::command().debug_assert();
    }
}
