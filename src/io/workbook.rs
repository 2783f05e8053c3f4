//! Spreadsheet workbooks (`.xlsx`, `.xlsm`, `.xlsb`, `.ods`) as a workspace: the sheets
//! `actors`, `relations`, `coalitions` and `members` (or their Dutch names), read with calamine
//! into the tables the loader validates — numbers and dates from typed cells as they are,
//! text cells by the rules of a CSV file.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

use super::source::Source;
use super::table::{Table, Tables, normalize_header};
use crate::error::{Diagnostics, Location};

/// The file extensions read as workbooks (ASCII case ignored).
pub const WORKBOOK_EXTENSIONS: [&str; 4] = ["xlsx", "xlsm", "xlsb", "ods"];

/// What is said when there is no actors sheet and nothing else was (`tables` says it with the
/// workbook's sheets listed).
pub(crate) const MISSING_ACTORS: &str = "no sheet `actors` (or `actoren`, `partijen`); a \
     workbook workspace has the sheets actors, relations, coalitions and members";

/// The sheet each table is read from: its English name first, then the Dutch ones (ASCII case
/// and surrounding spaces ignored).
const SHEETS: [&[&str]; 4] = [
    &["actors", "actoren", "partijen"],
    &["relations", "relaties"],
    &["coalitions", "coalities", "deals"],
    &["members", "leden", "deelnemers"],
];

/// Whether `name` names a workbook by its extension.
fn is_workbook(name: &str) -> bool {
    std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| WORKBOOK_EXTENSIONS.iter().any(|w| w.eq_ignore_ascii_case(e)))
}

/// The file of `source` to read as a workbook, when it is one: a single file given as the
/// workspace, or a file held in memory, named with a workbook extension.
pub(crate) fn file_of(source: &Source) -> Option<String> {
    match source {
        Source::JsonFile(path) => {
            let name = path.file_name()?.to_str()?;
            is_workbook(name).then(|| "network.json".to_owned())
        }
        Source::Memory(files) => {
            files.iter().map(|(name, _)| name).find(|name| is_workbook(name)).cloned()
        }
        Source::Folder(_) | Source::Bundled => None,
    }
}

/// Reads the workbook in `bytes` (named `path` in messages) into tables, one per sheet found;
/// `None` (with a diagnostic) when it is no workbook calamine can open.
pub(crate) fn tables(
    path: &str,
    bytes: Vec<u8>,
    diagnostics: &mut Diagnostics,
) -> Option<Tables<'static>> {
    let whole = Location { path: path.to_owned(), line: None };
    let mut workbook = match open_workbook_auto_from_rs(Cursor::new(bytes)) {
        Ok(workbook) => workbook,
        Err(error) => {
            diagnostics.push(
                whole,
                format!(
                    "cannot read the workbook ({error}); save it as an Excel workbook (.xlsx) or an OpenDocument spreadsheet (.ods)"
                ),
            );
            return None;
        }
    };
    let names = workbook.sheet_names();
    let mut found: [Option<Table<'static>>; 4] = [None, None, None, None];
    for (slot, aliases) in found.iter_mut().zip(SHEETS) {
        let Some(name) =
            names.iter().find(|n| aliases.iter().any(|a| n.trim().eq_ignore_ascii_case(a)))
        else {
            continue;
        };
        let sheet_path = format!("{path}[{name}]");
        match workbook.worksheet_range(name) {
            Ok(range) => *slot = sheet_table(sheet_path, &range, diagnostics),
            Err(error) => diagnostics.push(
                Location { path: sheet_path, line: None },
                format!("cannot read the sheet: {error}"),
            ),
        }
    }
    let [actors, relations, coalitions, members] = found;
    if actors.is_none() && diagnostics.is_empty() {
        let shown: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        diagnostics.push(
            whole,
            format!(
                "no sheet `actors` (or `actoren`, `partijen`); a workbook workspace has the sheets actors, relations, coalitions and members, each with a header row; this workbook has {}",
                if shown.is_empty() { "no sheets".to_owned() } else { shown.join(", ") }
            ),
        );
    }
    Some(Tables { actors, relations, coalitions, members })
}

/// One sheet as a table: the header from its first row, then every row that is not empty,
/// each with its row number in the sheet.
fn sheet_table(
    path: String,
    range: &calamine::Range<Data>,
    diagnostics: &mut Diagnostics,
) -> Option<Table<'static>> {
    let (first_row, _) = range.start().unwrap_or((0, 0));
    let mut rows = range.rows();
    let header_line = u64::from(first_row) + 1;
    let at_header = Location { path: path.clone(), line: Some(header_line) };
    let Some(header_cells) = rows.next() else {
        diagnostics.push(at_header, "the sheet is empty; a header row is required");
        return None;
    };
    let names: Vec<String> =
        header_cells.iter().map(|cell| text(cell, &at_header, diagnostics)).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let header = normalize_header(&names, &at_header, diagnostics)?;
    let mut body = Vec::new();
    for (offset, cells) in rows.enumerate() {
        let line = header_line + 1 + offset as u64;
        if cells.iter().all(|cell| matches!(cell, Data::Empty)) {
            continue;
        }
        let here = Location { path: path.clone(), line: Some(line) };
        body.push((line, cells.iter().map(|cell| text(cell, &here, diagnostics)).collect()));
    }
    Some(Table::sheet(path, header, header_line, body))
}

/// A cell as the text the loader reads: numbers in plain decimal notation (whole numbers
/// without a fraction), dates as `YYYY-MM-DD`, booleans as `true`/`false`, text as it is. A
/// spreadsheet error (`#N/A`, `#REF!`) is a problem, read as empty.
fn text(cell: &Data, here: &Location, diagnostics: &mut Diagnostics) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Int(value) => value.to_string(),
        Data::Float(value) => number(*value),
        Data::Bool(value) => value.to_string(),
        Data::DateTime(moment) if moment.is_datetime() => {
            let (year, month, day, ..) = moment.to_ymd_hms_milli();
            format!("{year:04}-{month:02}-{day:02}")
        }
        Data::DateTime(moment) => number(moment.as_f64()),
        Data::DateTimeIso(text) => text.get(..10).unwrap_or(text).to_owned(),
        Data::DurationIso(text) => text.clone(),
        Data::Error(error) => {
            diagnostics.push(
                here.clone(),
                format!(
                    "a cell holds the spreadsheet error {error}; give it a value or leave it empty"
                ),
            );
            String::new()
        }
    }
}

/// A number in the notation the loader reads in any file: whole numbers without a fraction
/// (`750000`), others in Rust's shortest round-trip form (`1250.5`).
fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}
