//! `stakenet generate`: write a seeded synthetic workspace.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::super::Failure;
use super::super::Outcome;
use super::super::say;

use stakenet::generate::{GenerateConfig, GraphModel, generate};
use stakenet::io::write_workspace;

/// The random graph model for `generate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ModelArg {
    /// Barabási–Albert preferential attachment (scale-free, like real stakeholder networks).
    Ba,
    /// Erdős–Rényi G(n, m): ties drawn uniformly.
    Gnm,
}

/// `stakenet generate`.
#[derive(Debug, Args)]
pub(crate) struct GenerateArgs {
    /// Random graph model.
    #[arg(long, value_enum, default_value_t = ModelArg::Ba)]
    pub(crate) model: ModelArg,
    /// Number of actors (2 to 50,000,000).
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(2..=50_000_000))]
    pub(crate) actors: u64,
    /// Ties per actor: m of Barabási–Albert, or the average out-degree of G(n,m).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub(crate) ties_per_actor: u64,
    /// Number of coalitions.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(0..=1_000_000))]
    pub(crate) coalitions: u64,
    /// Seed of the random generator: the same seed gives the same workspace.
    #[arg(long, default_value_t = 42)]
    pub(crate) seed: u64,
    /// Put every tie in one undirected `collaboration` layer: a plain graph, as other network
    /// libraries read it (for benchmarks against them).
    #[arg(long)]
    pub(crate) one_layer: bool,
    /// Folder to write the workspace into (created when missing).
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub(crate) output: PathBuf,
}

/// Generates the network and writes it as a CSV workspace folder.
pub(crate) fn run(args: &GenerateArgs) -> Outcome {
    let config = GenerateConfig::default()
        .with_model(match args.model {
            ModelArg::Ba => GraphModel::BarabasiAlbert,
            ModelArg::Gnm => GraphModel::Gnm,
        })
        .with_n_actors(usize::try_from(args.actors).unwrap_or(usize::MAX))
        .with_ties_per_actor(usize::try_from(args.ties_per_actor).unwrap_or(usize::MAX))
        .with_n_coalitions(usize::try_from(args.coalitions).unwrap_or(usize::MAX))
        .with_seed(args.seed)
        .with_one_layer(args.one_layer);
    // Any file of a workspace there is someone's: nothing is written over it.
    let taken: Vec<&str> =
        ["actors.csv", "relations.csv", "coalitions.csv", "members.csv", "network.json"]
            .into_iter()
            .filter(|file| std::fs::symlink_metadata(args.output.join(file)).is_ok())
            .collect();
    if !taken.is_empty() {
        return Err(Failure::Input(format!(
            "{} already holds {}; generate writes a new workspace and never over files, so \
             choose an empty or new folder",
            args.output.display(),
            taken.join(", ")
        )));
    }
    let network = generate(&config);
    write_workspace(&network, &args.output).map_err(Failure::input)?;
    say(&format!(
        "wrote {} actors, {} relations, {} coalitions to {}\n",
        network.actors().len(),
        network.relations().len(),
        network.coalitions().len(),
        args.output.display()
    ));
    Ok(())
}
