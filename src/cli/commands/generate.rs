//! `stakenet generate`: write a seeded synthetic workspace.

use super::super::Failure;
use super::super::Outcome;
use super::super::args::{GenerateArgs, ModelArg};
use crate::generate::{GenerateConfig, GraphModel, generate};
use crate::io::write_workspace;

/// Generates the network and writes it as a CSV workspace folder.
pub(crate) fn run(args: &GenerateArgs) -> Outcome {
    let config = GenerateConfig {
        model: match args.model {
            ModelArg::Ba => GraphModel::BarabasiAlbert,
            ModelArg::Gnm => GraphModel::Gnm,
        },
        n_actors: usize::try_from(args.actors).unwrap_or(usize::MAX),
        ties_per_actor: usize::try_from(args.ties_per_actor).unwrap_or(usize::MAX),
        n_coalitions: usize::try_from(args.coalitions).unwrap_or(usize::MAX),
        seed: args.seed,
    };
    if args.output.join("actors.csv").exists() || args.output.join("network.json").exists() {
        return Err(Failure::Input(format!(
            "error: {} already holds a workspace; choose an empty or new folder",
            args.output.display()
        )));
    }
    let network = generate(&config);
    write_workspace(&network, &args.output)
        .map_err(|error| Failure::Input(format!("error: {error}")))?;
    eprintln!(
        "wrote {} actors, {} relations, {} coalitions to {}",
        network.actors().len(),
        network.relations().len(),
        network.coalitions().len(),
        args.output.display()
    );
    Ok(())
}
