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

/// One output format of a command: its `--format` name and the file extensions that name it
/// (the first is the one to suggest).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Format<F> {
    /// The format.
    pub(crate) format: F,
    /// Its `--format` value.
    pub(crate) name: &'static str,
    /// The extensions of an `-o` file that hold it, lower-case, without the dot.
    pub(crate) extensions: &'static [&'static str],
}

/// Extensions of formats that stakenet commands write or people commonly ask for, with the
/// name a message gives them: an `-o` file whose extension is one of these, or one of the
/// command's own, must hold that format. Any other extension (or none) says nothing.
const KNOWN_EXTENSIONS: &[(&str, &str)] = &[
    ("csv", "CSV"),
    ("tsv", "TSV"),
    ("txt", "text"),
    ("json", "JSON"),
    ("xlsx", "an Excel workbook"),
    ("xlsm", "an Excel workbook"),
    ("xlsb", "an Excel workbook"),
    ("xls", "an Excel workbook"),
    ("ods", "an OpenDocument spreadsheet"),
    ("odt", "an OpenDocument text"),
    ("doc", "a Word document"),
    ("docx", "a Word document"),
    ("pdf", "PDF"),
    ("png", "PNG"),
    ("jpg", "JPEG"),
    ("jpeg", "JPEG"),
    ("gif", "GIF"),
    ("webp", "WebP"),
    ("tif", "TIFF"),
    ("tiff", "TIFF"),
    ("eps", "EPS"),
    ("ps", "PostScript"),
    ("html", "HTML"),
    ("htm", "HTML"),
    ("md", "Markdown"),
    ("markdown", "Markdown"),
    ("svg", "SVG"),
    ("dot", "Graphviz DOT"),
    ("gv", "Graphviz DOT"),
    ("graphml", "GraphML"),
    ("gexf", "GEXF"),
    ("gml", "GML"),
    ("net", "Pajek"),
    ("dl", "UCINET DL"),
];

/// The format of a command's output: `asked` (`--format`), else the one the extension of
/// `-o FILE` names, else `default` (`None`: the command needs one). One rule for every
/// command: an extension that names a known format other than the chosen one is refused,
/// naming both; an unknown extension, or none, is accepted.
pub(crate) fn output_format<F: Copy + PartialEq>(
    command: &str,
    asked: Option<F>,
    output: &OutputArgs,
    formats: &[Format<F>],
    default: Option<F>,
) -> Result<F, Failure> {
    let extension = output.extension();
    let path = output.file().map(|p| p.display().to_string()).unwrap_or_default();
    let by_extension = extension
        .as_deref()
        .and_then(|e| formats.iter().find(|format| format.extensions.contains(&e)));
    let foreign = extension.as_deref().filter(|_| by_extension.is_none()).and_then(|e| {
        KNOWN_EXTENSIONS.iter().find(|(known, _)| *known == e).map(|(_, name)| *name)
    });
    let ext = extension.unwrap_or_default();
    let suggestion = |format: &Format<F>| {
        format.extensions.first().map_or_else(String::new, |e| format!("name the file .{e}"))
    };
    let writes = join_alternatives(formats.iter().map(|format| format.name));
    match asked {
        Some(chosen) => {
            let Some(asked) = formats.iter().find(|format| format.format == chosen) else {
                return Ok(chosen);
            };
            if let Some(named) = by_extension.filter(|named| named.format != chosen) {
                return Err(Failure::Input(format!(
                    "-o {path} with --format {}: a .{ext} file holds {}, not {}; {}, or give \
                     --format {} (or leave --format out)",
                    asked.name,
                    named.name,
                    asked.name,
                    suggestion(asked),
                    named.name
                )));
            }
            if let Some(foreign) = foreign {
                return Err(Failure::Input(format!(
                    "-o {path} with --format {}: a .{ext} file holds {foreign}, not {}; {}",
                    asked.name,
                    asked.name,
                    suggestion(asked)
                )));
            }
            Ok(chosen)
        }
        None => match (by_extension, foreign, default) {
            (Some(named), _, _) => Ok(named.format),
            (None, Some(foreign), _) => Err(Failure::Input(format!(
                "-o {path}: a .{ext} file holds {foreign}, which {command} does not write; it \
                 writes {writes} (--format, or a file named {})",
                extensions(formats)
            ))),
            (None, None, Some(default)) => Ok(default),
            (None, None, None) => Err(Failure::Input(format!(
                "{command} needs --format {writes} (or -o FILE ending in {})",
                extensions(formats)
            ))),
        },
    }
}

/// `.graphml, .gexf, .json, .dot or .gv`.
fn extensions<F>(formats: &[Format<F>]) -> String {
    let dotted: Vec<String> =
        formats.iter().flat_map(|f| f.extensions.iter().map(|e| format!(".{e}"))).collect();
    join_alternatives(dotted.iter().map(String::as_str))
}

/// The list formats with their extensions.
const LIST_FORMATS: [Format<ListFormat>; 4] = [
    Format { format: ListFormat::Table, name: "table", extensions: &["txt"] },
    Format { format: ListFormat::Csv, name: "csv", extensions: &["csv"] },
    Format { format: ListFormat::Json, name: "json", extensions: &["json"] },
    Format { format: ListFormat::Xlsx, name: "xlsx", extensions: &["xlsx"] },
];

/// The format asked for; else the one the extension of `-o FILE` names (`.txt` a table,
/// `.csv`, `.json`, `.xlsx` a workbook); else a table on a terminal, CSV in a pipe or another
/// file. A workbook needs a file; an extension naming another format than the chosen one is
/// refused ([`output_format`]).
pub(crate) fn list_format(
    command: &str,
    format: Option<ListFormat>,
    output: &OutputArgs,
) -> Result<ListFormat, Failure> {
    let default = if output.file().is_none() && std::io::stdout().is_terminal() {
        ListFormat::Table
    } else {
        ListFormat::Csv
    };
    let chosen = output_format(command, format, output, &LIST_FORMATS, Some(default))?;
    if chosen == ListFormat::Xlsx && output.file().is_none() {
        return Err(workbook_to_standard_output());
    }
    Ok(chosen)
}

/// The refusal of a workbook on standard output.
pub(crate) fn workbook_to_standard_output() -> Failure {
    Failure::Input(
        "--format xlsx: a workbook is a file, not text for standard output; give -o FILE.xlsx"
            .to_owned(),
    )
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
