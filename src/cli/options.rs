//! The option groups the subcommands share (workspace, view, output, threads, list format),
//! in their raw form, before `cli::config` validates them.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

/// Where the workspace is.
#[derive(Debug, Args)]
pub(crate) struct WorkspaceArgs {
    /// Workspace folder (actors.csv, relations.csv, relations-LAYER.csv survey matrices, …) or one
    /// file: a workbook (.xlsx, .ods) with the sheets actors, relations, coalitions, members;
    /// network.json; a UCINET DL file (.dl/.dat); a Pajek network (.net); or a survey matrix
    /// (.csv) [default: the bundled Regio Deal workspace]
    #[arg(value_name = "WORKSPACE")]
    pub(crate) workspace: Option<PathBuf>,
    /// How the CSV files write numbers: nl (decimal comma, a dot groups thousands: 1.250.000,50)
    /// or en (decimal point: 1250000.50) [default: per file, nl when it is ;-separated or has a
    /// decimal comma, else en]. A cell that reads otherwise is refused, never guessed.
    #[arg(long, value_name = "nl|en", value_parser = parse_numbers)]
    pub(crate) numbers: Option<stakenet::NumberConvention>,
}

fn parse_numbers(text: &str) -> Result<stakenet::NumberConvention, String> {
    stakenet::NumberConvention::parse(text)
        .ok_or_else(|| format!("`{text}` is not a number convention; expected nl or en"))
}

/// Where and how to write the result.
#[derive(Debug, Args)]
pub(crate) struct OutputArgs {
    /// Write to FILE instead of standard output (`-o -` is standard output): a file atomically
    /// (a temporary file, then a rename; never over an input file), a link's target, a FIFO or
    /// device straight into. Its extension picks the format; one naming another format than
    /// --format is refused.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// The selection every analysis runs on, and how to compute it.
#[derive(Debug, Args)]
pub(crate) struct ViewArgs {
    /// Only this coalition (its id, e.g. rd_twente): its members and their units (actors
    /// below a member at the same level: a directorate of a signing ministry counts for that
    /// ministry; a municipality under a regional body does not).
    #[arg(long, value_name = "ID")]
    pub(crate) coalition: Option<String>,
    /// With --coalition: its members only, without their units.
    #[arg(long, requires = "coalition")]
    pub(crate) members_only: bool,
    /// Use this layer; repeat for several [default: every layer of relations.csv; only when
    /// the workspace has no relations, comembership (the derived layer of shared coalitions),
    /// and the output says so]. Name comembership to add shared membership (ties weighted by
    /// the coalitions shared), or comembership-newman for the same weighted as Newman (2001):
    /// each shared coalition of n parties adds 1/(n - 1).
    #[arg(long = "layer", value_name = "NAME")]
    pub(crate) layers: Vec<String>,
    /// Fold every actor into its nearest ancestor of this kind (a value of the kind column),
    /// summing weights: e.g. ministry turns each directorate and agency into its ministry.
    #[arg(long, value_name = "KIND")]
    pub(crate) fold: Option<String>,
    /// Fold actors into their topmost ancestor at this level (eu, national, provincial,
    /// regional, municipal, local), summing weights: e.g. national turns the Rijk with its
    /// ministries and departments into one actor.
    #[arg(long, value_name = "LEVEL")]
    pub(crate) level: Option<String>,
    /// Only relations and memberships that hold on this date (YYYY-MM-DD): ties that ended
    /// before it or start after it do not count.
    #[arg(long, value_name = "DATE")]
    pub(crate) at: Option<String>,
    /// What a tie's weight is: amount (euros; every relation of the chosen layers needs one),
    /// weight (tie strength) or count (number of relations) [default: amount when every
    /// relation of the chosen layers carries an amount, else weight].
    #[arg(long = "weight", value_name = "WHAT")]
    pub(crate) weight: Option<String>,
    /// Shortest paths use tie strength: a tie's length is 1/weight (Opsahl et al. 2010).
    /// Without it, paths count hops.
    #[arg(long)]
    pub(crate) weighted: bool,
    /// `--threads`.
    #[command(flatten)]
    pub(crate) threads: ThreadsArgs,
}

/// `--at`, for commands that take no other view option.
#[derive(Debug, Args)]
pub(crate) struct AtArgs {
    /// Only relations and memberships that hold on this date (YYYY-MM-DD): ties that ended
    /// before it or start after it do not count.
    #[arg(long, value_name = "DATE")]
    pub(crate) at: Option<String>,
}

/// `--threads`, for every command that computes in parallel.
#[derive(Debug, Args)]
pub(crate) struct ThreadsArgs {
    /// Worker threads [default: all cores]. Results are identical at any thread count.
    #[arg(long = "threads", value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub(crate) count: Option<u16>,
}

impl OutputArgs {
    /// The file to write, or `None` for standard output (no `-o`, or `-o -`).
    pub(crate) fn file(&self) -> Option<&std::path::Path> {
        self.output.as_deref().filter(|path| *path != std::path::Path::new("-"))
    }

    /// The lower-case extension of the output file, when one is given (`-o plan.SVG` → `svg`):
    /// commands with several formats read the format from it when `--format` is left out.
    pub(crate) fn extension(&self) -> Option<String> {
        self.file()
            .and_then(std::path::Path::extension)
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
    }
}

/// Output formats of measure lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ListFormat {
    /// Aligned text for a terminal (six significant digits).
    Table,
    /// One row per item with a header; every digit kept; text that a spreadsheet would run as
    /// a formula (starting with = + - @) is prefixed with '.
    Csv,
    /// One JSON object with the list and the figures about the whole network.
    Json,
    /// An Excel workbook, one sheet per list (numbers as numbers, text never run as a
    /// formula); needs -o FILE.xlsx, and is chosen by that file name when --format is left
    /// out.
    Xlsx,
}

/// `--sort` and `--top`, for the commands that list measures.
#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    /// Order the list by this measure (a column name, e.g. betweenness), largest first;
    /// actors with equal values stay in id order, empty values come last.
    #[arg(long, value_name = "MEASURE")]
    pub(crate) sort: Option<String>,
    /// Keep only the first N rows (after --sort; without it, the first N in id order).
    #[arg(long, value_name = "N")]
    pub(crate) top: Option<usize>,
}

impl ListArgs {
    /// Refuses a `--sort` value that is not one of `accepted` (the list's measure columns),
    /// naming the value and the accepted ones.
    pub(crate) fn check(&self, accepted: &[&str]) -> Result<(), crate::cli::Failure> {
        match &self.sort {
            Some(name) if !accepted.contains(&name.as_str()) => Err(crate::cli::Failure::Input(
                format!("--sort {name}: unknown measure; expected one of {}", accepted.join(", ")),
            )),
            _ => Ok(()),
        }
    }

    /// The order and cut asked for.
    pub(crate) fn order(&self) -> stakenet::render::ListOrder<'_> {
        stakenet::render::ListOrder { sort: self.sort.as_deref(), top: self.top }
    }

    /// The list sorted and cut as asked. A list without the `--sort` column (one of a
    /// command's other lists) is left as it is.
    pub(crate) fn apply<'a>(
        &self,
        records: stakenet::render::Records<'a>,
    ) -> stakenet::render::Records<'a> {
        self.order().apply(records)
    }
}
