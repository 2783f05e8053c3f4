//! Turning raw arguments into validated library configurations: names resolved to ids, dates
//! parsed, thread pool set up. Every rejection names the value and what would be accepted.

use std::io::IsTerminal;

use super::Failure;
use super::options::{AtArgs, ListFormat, OutputArgs, ThreadsArgs, ViewArgs};
use stakenet::analysis::GroupBy;
use stakenet::model::{CoalitionId, Date, Level, Network, join_alternatives};
use stakenet::names::{self, NameError, ViewNames};
use stakenet::view::ViewSpec;

/// The view selected by the arguments.
pub(crate) fn view_spec(network: &Network, args: &ViewArgs) -> Result<ViewSpec, Failure> {
    let mut names = ViewNames::default().with_layers(&args.layers);
    if let Some(key) = &args.coalition {
        names = names.with_coalition(key).with_members_only(args.members_only);
    }
    if let Some(kind) = &args.fold {
        names = names.with_fold(kind);
    }
    if let Some(weight) = &args.weight {
        names = names.with_weight(weight);
    }
    if let Some(level) = &args.level {
        names = names.with_level(level);
    }
    if let Some(date) = &args.at {
        names = names.with_at(date);
    }
    names::view_spec(network, &names).map_err(|error| name_failure(&error))
}

/// The date of `--at`, when given.
pub(crate) fn at(args: &AtArgs) -> Result<Option<Date>, Failure> {
    args.at.as_deref().map(names::date).transpose().map_err(|error| name_failure(&error))
}

/// Today's date (UTC), from the system clock: the default date the report and the
/// connectieplan describe when the data runs past it.
pub(crate) fn today() -> Date {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs() / 86_400);
    Date::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        .unwrap_or(Date::MAX)
}

/// A name that does not resolve, as the option that gave it: `--layer money: no such layer; …`.
pub(crate) fn name_failure(error: &NameError) -> Failure {
    let message = match error {
        NameError::UnknownCoalition { key, known } => return unknown_coalition(key, known),
        NameError::UnknownLayer { name, known } => format!(
            "--layer {name}: no such layer; this workspace has {}",
            join_alternatives(known.iter().map(String::as_str))
        ),
        NameError::UnknownLevel { text } => {
            format!("--level {text}: unknown level; expected {}", Level::accepted())
        }
        NameError::NotADate { text } => {
            format!("--at {text}: not a date; expected YYYY-MM-DD, e.g. 2020-07-01")
        }
        NameError::UnknownKind { kind, known } => format!(
            "--fold {kind}: no actor has this kind; {}",
            if known.is_empty() {
                "this workspace's actors have no kind".to_owned()
            } else {
                format!(
                    "this workspace has {}",
                    join_alternatives(known.iter().map(String::as_str))
                )
            }
        ),
        NameError::UnknownWeight { text } => {
            format!("--weight {text}: unknown weighting; expected amount, weight or count")
        }
        // NameError may grow: a new refusal explains itself.
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    };
    Failure::Input(message)
}

/// Sets the number of worker threads for this process.
pub(crate) fn threads(threads: &ThreadsArgs) -> Result<(), Failure> {
    if let Some(n) = threads.count {
        rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build_global()
            .map_err(|error| Failure::Input(format!("--threads {n}: {error}")))?;
    }
    Ok(())
}

/// Reads a `--group-by` value: `sector`, `level`, `side` and `kind` (ASCII case ignored)
/// name the built-in groupings; any other text names a free attribute column (lower-cased).
/// Whether that column exists is for [`group_nodes`](stakenet::analysis::group_nodes) to say.
pub(crate) fn group_by(text: &str) -> GroupBy {
    let lower = text.trim().to_ascii_lowercase();
    match lower.as_str() {
        "sector" => GroupBy::Sector,
        "level" => GroupBy::Level,
        "side" => GroupBy::Side,
        "kind" => GroupBy::Kind,
        _ => GroupBy::Attribute(lower),
    }
}

/// The format asked for; else a workbook for `-o FILE.xlsx`, a table on a terminal, CSV in a
/// pipe or another file. A workbook needs a file, and an `.xlsx` file a workbook.
pub(crate) fn list_format(
    format: Option<ListFormat>,
    output: &OutputArgs,
) -> Result<ListFormat, Failure> {
    let to_workbook_file = output.extension().as_deref() == Some("xlsx");
    let chosen = match format {
        Some(format) => format,
        None if to_workbook_file => ListFormat::Xlsx,
        None if output.file().is_none() && std::io::stdout().is_terminal() => ListFormat::Table,
        None => ListFormat::Csv,
    };
    match output.file() {
        None if chosen == ListFormat::Xlsx => Err(workbook_to_standard_output()),
        Some(path) if to_workbook_file && chosen != ListFormat::Xlsx => {
            let name = format_name(chosen);
            Err(Failure::Input(format!(
                "-o {} with --format {name}: a .xlsx file holds a workbook; leave out --format \
                 (or give --format xlsx) to write one, or name the file .{}",
                path.display(),
                if chosen == ListFormat::Table { "txt" } else { name }
            )))
        }
        _ => Ok(chosen),
    }
}

/// The refusal of a workbook on standard output.
pub(crate) fn workbook_to_standard_output() -> Failure {
    Failure::Input(
        "--format xlsx: a workbook is a file, not text for standard output; give -o FILE.xlsx"
            .to_owned(),
    )
}

/// The name `--format` takes for `format`.
fn format_name(format: ListFormat) -> &'static str {
    match format {
        ListFormat::Table => "table",
        ListFormat::Csv => "csv",
        ListFormat::Json => "json",
        ListFormat::Xlsx => "xlsx",
    }
}

/// `--coalition KEY` names no coalition; the first twelve ids (sorted) are listed.
fn unknown_coalition(key: &str, known: &[String]) -> Failure {
    let shown = if known.len() > 12 {
        format!(
            "{}, … ({} in all; `stakenet check` lists them)",
            known[..12].join(", "),
            known.len()
        )
    } else {
        join_alternatives(known.iter().map(String::as_str))
    };
    if shown.is_empty() {
        return Failure::Input(format!(
            "--coalition {key}: this workspace has no coalitions (no coalitions.csv)"
        ));
    }
    Failure::Input(format!("--coalition {key}: no such coalition; expected one of {shown}"))
}

/// The coalition with this id, or the CLI's refusal of `--coalition KEY`.
pub(crate) fn coalition(network: &Network, key: &str) -> Result<CoalitionId, Failure> {
    names::coalition(network, key).map_err(|error| name_failure(&error))
}

/// A number given as an option, for a message: as written (`0.85`), but in exponent form when
/// written out it would be long (`1e300`, not 301 digits).
pub(crate) fn short_number(x: f64) -> String {
    if x.is_finite() && x != 0.0 && (x.abs() >= 1e15 || x.abs() < 1e-9) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}
