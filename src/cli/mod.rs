//! The command line: the only module that knows argv, standard output and error, and exit codes.
//!
//! Exit codes: 0 ok, 1 an analysis failed, 2 bad input or usage.
#![allow(clippy::print_stdout, clippy::print_stderr)]

pub(crate) mod args;
pub(crate) mod commands;
mod config;
pub(crate) mod options;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use args::{Cli, Command};
use options::{OutputArgs, WorkspaceArgs};

use stakenet::analysis::{AnalysisError, Progress};
use stakenet::io::{
    BUNDLED_NAME, LoadOptions, Source, describe_io_error, load_with, remove_temporaries,
    write_atomic,
};
use stakenet::model::{Network, NetworkBuilder};
use stakenet::render::{Records, Sheet, ViewDescription, workbook};
use stakenet::view::{LayerChoice, TieWeight, View, ViewSpec};

/// How a command ended, when not with success. Messages are written without the `error: `
/// that [`run`] puts before them.
#[derive(Debug)]
pub(crate) enum Failure {
    /// Bad input or usage: `error: message`, exit code 2.
    Input(String),
    /// The analysis failed (e.g. did not converge): `error: message`, exit code 1.
    Analysis(String),
    /// Problems found in an input file, listed as `path:line: message` lines, then
    /// `error: summary`; exit code 2.
    Problems {
        /// The problems, one per line.
        listing: String,
        /// What they mean for the command.
        summary: String,
    },
    /// A path that is not there: `path: message`, as the problems in a file are written;
    /// exit code 2.
    Path(String),
}

impl Failure {
    /// Bad input or usage, from an error that explains itself.
    pub(crate) fn input(error: impl std::fmt::Display) -> Failure {
        Failure::Input(error.to_string())
    }

    /// A failed analysis, from an error that explains itself.
    pub(crate) fn analysis(error: impl std::fmt::Display) -> Failure {
        Failure::Analysis(error.to_string())
    }

    /// An analysis's error: a problem of the input (amounts that add up past the largest
    /// number) is bad input, exit 2; anything else the analysis failing, exit 1.
    /// A power iteration that did not converge names the option that raises its limit.
    pub(crate) fn from_analysis(error: &AnalysisError) -> Failure {
        match error {
            AnalysisError::AmountOverflow { .. } => Failure::input(error),
            AnalysisError::NotConverged { measure, iterations, residual } => {
                Failure::Analysis(format!(
                    "{measure} did not converge after {iterations} iterations (residual \
                     {residual:e}); raise the limit with --max-iterations (stakenet centrality) \
                     or check the network"
                ))
            }
            _ => Failure::analysis(error),
        }
    }
}

pub(crate) type Outcome = Result<(), Failure>;

/// Runs a parsed command line and returns the process exit code.
pub(crate) fn run(cli: &Cli) -> ExitCode {
    on_interrupt();
    let outcome = match &cli.command {
        Command::Init(args) => commands::init::run(args),
        Command::Check(args) => commands::check::run(args),
        Command::Generate(args) => commands::generate::run(args),
        Command::Centrality(args) => commands::centrality::run(args),
        Command::Brokerage(args) => commands::brokerage::run(args),
        Command::Mixing(args) => commands::mixing::run(args),
        Command::Influence(args) => commands::influence::run(args),
        Command::Ego(args) => commands::ego::run(args),
        Command::Qap(args) => commands::qap::run(args),
        Command::Cohesion(args) => commands::cohesion::run(args),
        Command::Layers(args) => commands::layers::run(args),
        Command::Asymmetry(args) => commands::asymmetry::run(args),
        Command::Interdependence(args) => commands::interdependence::run(args),
        Command::Suspects(args) => commands::suspects::run(args),
        Command::Plan(args) => commands::plan::run(args),
        Command::Map(args) => commands::map::run(args),
        Command::Compare(args) => commands::compare::run(args),
        Command::Diff(args) => commands::diff::run(args),
        Command::WhatIf(args) => commands::whatif::run(args),
        Command::TwoMode(args) => commands::twomode::run(args),
        Command::Report(args) => commands::report::run(args),
        Command::Export(args) => commands::export::run(args),
    };
    let (text, code) = match outcome {
        Ok(()) => return ExitCode::SUCCESS,
        Err(Failure::Input(message)) => (format!("error: {message}"), 2),
        Err(Failure::Analysis(message)) => (format!("error: {message}"), 1),
        Err(Failure::Problems { listing, summary }) => (format!("{listing}error: {summary}"), 2),
        Err(Failure::Path(message)) => (message, 2),
    };
    say(&with_newline(&text));
    ExitCode::from(code)
}

/// Ctrl-C (SIGINT) removes the temporary files and folders of an unfinished write (an earlier
/// output moved aside goes back) and ends the process with exit code 130, as a shell reports
/// an interrupt.
fn on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        remove_temporaries();
        say("\ninterrupted: the unfinished output was removed\n");
        std::process::exit(130);
    });
}

/// Writes `text` to standard error, the one way every message goes out: control characters
/// other than line ends and tabs (escape sequences, `\r`, bidi overrides; they may come from
/// the data) are shown escaped, `\u{1b}`, so that no file can hide or rewrite what is printed.
/// A standard error that cannot be written (a full device, a closed pipe) loses the text but
/// never stops the run: the exit code still says how it went.
pub(crate) fn say(text: &str) {
    let text = stakenet::terminal::escape_controls(text, true);
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes()).and_then(|()| stderr.flush());
}

fn with_newline(message: &str) -> String {
    if message.ends_with('\n') { message.to_owned() } else { format!("{message}\n") }
}

/// A loaded workspace with the facts commands need about where it came from.
pub(crate) struct Workspace {
    /// The validated network.
    pub(crate) network: Network,
    /// How to name the workspace in output.
    pub(crate) name: String,
    /// Its files on disk, never to be written over.
    pub(crate) inputs: Vec<PathBuf>,
}

/// Freeing a large network takes a while (an allocation per name and id), so a thread does it
/// and the command ends at once; when the process ends first, the system reclaims everything
/// in one go.
impl Drop for Workspace {
    fn drop(&mut self) {
        if self.network.actors().len() < 10_000 {
            return;
        }
        if let Ok(empty) = NetworkBuilder::default().build() {
            let network = std::mem::replace(&mut self.network, empty);
            let _detached = std::thread::Builder::new().spawn(move || drop(network));
        }
    }
}

impl Workspace {
    /// Loads the workspace the arguments name (the bundled one by default), printing its
    /// warnings on standard error.
    pub(crate) fn open(args: &WorkspaceArgs) -> Result<Workspace, Failure> {
        Workspace::open_checked(args, false)
    }

    /// [`Workspace::open`]; with `strict`, warnings are problems: listed as errors, and the
    /// command fails with exit code 2.
    pub(crate) fn open_checked(args: &WorkspaceArgs, strict: bool) -> Result<Workspace, Failure> {
        let (workspace, warnings) = Workspace::open_unsaid(args, strict)?;
        say(&warnings);
        Ok(workspace)
    }

    /// Two workspaces opened side by side (a baseline and a follow-up), their warnings said in
    /// that order, the first one's failure first.
    pub(crate) fn open_pair(
        first: &WorkspaceArgs,
        second: &WorkspaceArgs,
    ) -> Result<(Workspace, Workspace), Failure> {
        let (a, b) = rayon::join(
            || Workspace::open_unsaid(first, false),
            || Workspace::open_unsaid(second, false),
        );
        let (a, warnings_a) = a?;
        let (b, warnings_b) = b?;
        say(&warnings_a);
        say(&warnings_b);
        Ok((a, b))
    }

    /// [`Workspace::open_checked`] with its warnings returned as text instead of said.
    fn open_unsaid(args: &WorkspaceArgs, strict: bool) -> Result<(Workspace, String), Failure> {
        let (source, name) = match &args.workspace {
            None => (Source::Bundled, BUNDLED_NAME.to_owned()),
            Some(path) => {
                if !path.exists() {
                    return Err(Failure::Path(format!(
                        "{}: no such folder or file; give a workspace folder (with actors.csv) or a network.json",
                        path.display()
                    )));
                }
                (Source::from_path(path), path.display().to_string())
            }
        };
        let options = LoadOptions::default().with_numbers(args.numbers);
        let loaded = load_with(&source, &options).map_err(|error| {
            let diagnostics = error.diagnostics();
            Failure::Problems {
                listing: diagnostics.to_string(),
                summary: format!(
                    "{name} has {} problem(s); nothing was written",
                    diagnostics.len()
                ),
            }
        })?;
        let warnings = loaded.warnings;
        if strict && !warnings.is_empty() {
            let n = warnings.len();
            return Err(Failure::Problems {
                listing: warnings.into_errors().to_string(),
                summary: format!(
                    "{name} has {n} warning(s), which --strict counts as problems; nothing was written"
                ),
            });
        }
        let workspace = Workspace { network: loaded.network, name, inputs: source.input_paths() };
        Ok((workspace, warnings.to_string()))
    }

    /// A spinner on standard error while a long analysis runs (hidden for small views and
    /// when standard error is not a terminal).
    pub(crate) fn progress(&self, view: &View, what: &str) -> indicatif::ProgressBar {
        spinner(view.n_arcs(), || {
            format!("{what}: {} actors, {} ties", view.n_nodes(), view.n_ties())
        })
    }

    /// A bar on standard error that counts an analysis's single-source searches and shows the
    /// time left (hidden like [`Workspace::progress`]).
    pub(crate) fn search_bar(&self, view: &View, what: &str) -> SearchBar {
        SearchBar(self.progress(view, what), "searches")
    }

    /// A bar on standard error that counts the searches of an analysis on other data than a
    /// view (the two-mode network), hidden like [`Workspace::progress`] by `size`.
    pub(crate) fn bar(&self, size: usize, message: impl FnOnce() -> String) -> SearchBar {
        SearchBar(spinner(size, message), "searches")
    }

    /// A bar on standard error that counts the `unit`s of work of a whole-workspace analysis
    /// (such as the hidden members of `suspects --evaluate`), hidden like
    /// [`Workspace::progress`] but by the workspace's relations.
    pub(crate) fn work_bar(&self, what: &str, unit: &'static str) -> SearchBar {
        let relations = self.network.relations().len();
        let bar = spinner(relations, || {
            format!("{what}: {} actors, {relations} relations", self.network.actors().len())
        });
        SearchBar(bar, unit)
    }

    /// What the view holds, for JSON outputs.
    pub(crate) fn describe<'a>(&'a self, view: &View, weighted: bool) -> ViewDescription<'a> {
        ViewDescription::new(&self.network, view, &self.name, weighted)
    }

    /// Builds the view `spec` selects, saying on standard error what the user would otherwise
    /// not see: that it falls back on shared membership (the workspace has no relations), and
    /// which chosen layers carry amounts on some relations only (weighed by `weight` then).
    pub(crate) fn view(&self, spec: &ViewSpec) -> Result<View, Failure> {
        self.say_view_notes(spec);
        View::build(&self.network, spec).map_err(Failure::input)
    }

    /// Prints the notes of [`Workspace::view`] for a selection built otherwise (one view per
    /// layer).
    pub(crate) fn say_view_notes(&self, spec: &ViewSpec) {
        for note in view_notes(&self.network, spec) {
            say(&format!("note: {note}\n"));
        }
    }

    /// Writes the lists as the sheets of a workbook to the output file (atomically), each under
    /// its name; a workbook is never written to standard output.
    pub(crate) fn emit_workbook(
        &self,
        output: &OutputArgs,
        sheets: &[(&str, Records<'_>)],
    ) -> Outcome {
        let Some(path) = output.file() else {
            return Err(config::workbook_to_standard_output());
        };
        let sheets: Vec<Sheet<'_, '_>> =
            sheets.iter().map(|(name, records)| Sheet::new(name, records)).collect();
        let bytes = workbook(&sheets).map_err(Failure::input)?;
        write_atomic(path, &bytes, &self.inputs).map_err(Failure::input)
    }

    /// Writes `text` to the output file (atomically) or to standard output.
    pub(crate) fn emit(&self, output: &OutputArgs, text: &str) -> Outcome {
        match output.file() {
            Some(path) => write_atomic(path, text.as_bytes(), &self.inputs).map_err(Failure::input),
            None => {
                let mut stdout = std::io::stdout().lock();
                match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
                    Ok(()) => Ok(()),
                    // A closed pipe (`stakenet … | head`) is not an error.
                    Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                    Err(error) => Err(Failure::Input(format!(
                        "cannot write to standard output: {}",
                        describe_io_error(&error)
                    ))),
                }
            }
        }
    }
}

/// A spinner saying `message()` on standard error for work on `size` ties or relations of
/// 200,000 or more, where it takes a while; hidden for less, and when standard error is not a
/// terminal.
fn spinner(size: usize, message: impl FnOnce() -> String) -> indicatif::ProgressBar {
    if size < 200_000 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_message(message());
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}

/// Draws an analysis's [`Progress`] on a progress bar: the spinner becomes a bar counting
/// searches, with the time left, once the analysis says how many it plans.
pub(crate) struct SearchBar(indicatif::ProgressBar, &'static str);

impl SearchBar {
    /// Removes the bar.
    pub(crate) fn finish(&self) {
        self.0.finish_and_clear();
    }
}

impl Progress for SearchBar {
    fn planned(&self, sources: u64) {
        if self.0.is_hidden() {
            return;
        }
        if self.0.length().is_some() {
            self.0.inc_length(sources);
            return;
        }
        self.0.set_length(sources);
        let template = format!("{{msg}} {{wide_bar}} {{pos}}/{{len}} {}, {{eta}} left", self.1);
        if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
            self.0.set_style(style);
        }
    }

    fn done(&self, sources: u64) {
        self.0.inc(sources);
    }
}

/// The notes [`Workspace::view`] prints.
pub(crate) fn view_notes(network: &Network, spec: &ViewSpec) -> Vec<String> {
    let mut notes = Vec::new();
    if spec.membership_by_default(network) {
        notes.push(
            "this workspace has no relations: ties are shared coalition membership \
             (comembership), so every coalition is a complete graph"
                .to_owned(),
        );
    }
    if spec.weight == TieWeight::Auto {
        let coverages = network.amount_coverage();
        for choice in spec.layer_choices(network) {
            if let LayerChoice::Explicit(layer) = choice {
                let coverage = coverages[layer.index()];
                if coverage.mixed() {
                    notes.push(format!(
                        "layer {}: {} of {} relations carry an amount, so its ties are weighed \
                         by weight, not euros (give every relation an amount to weigh in euros)",
                        network.layer(layer).name,
                        coverage.with_amount,
                        coverage.relations
                    ));
                }
            }
        }
    }
    notes
}
