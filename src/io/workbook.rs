//! Spreadsheet workbooks (`.xlsx`, `.xlsm`, `.xlsb`, `.ods`) as a workspace: the sheets
//! `actors`, `relations`, `coalitions` and `members` (or their Dutch names), read with calamine
//! into the tables the loader validates — numbers and dates from typed cells as they are,
//! text cells by the rules of a CSV file.

use std::fmt::Write as _;
use std::io::Cursor;
use std::ops::Range;

use calamine::{CellErrorType, Data, DataRef, Reader, Sheets, open_workbook_auto_from_rs};

use super::source::Source;
use super::table::{SheetRows, Table, Tables, normalize_header};
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
    if bytes.starts_with(OLE_SIGNATURE) {
        diagnostics.push(
            whole,
            "this is an Excel 97-2003 workbook (.xls), whatever its name says, and those are not \
             read: save it as an Excel workbook (.xlsx)",
        );
        return None;
    }
    if let Some(refusal) = ods_too_large(&bytes) {
        diagnostics.push(whole, refusal);
        return None;
    }
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
        match SheetCells::read(&mut workbook, name) {
            Ok(cells) => *slot = cells.into_table(sheet_path, diagnostics),
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

/// The first bytes of an OLE compound file: an Excel 97-2003 workbook (`.xls`).
const OLE_SIGNATURE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The fewest cells a sheet's grid may span whatever the file's size (a million: about 60 MB
/// as calamine holds them).
const MIN_CELL_BUDGET: u64 = 1 << 20;

/// The cells a sheet's grid may span per byte of the file beyond [`MIN_CELL_BUDGET`].
const CELLS_PER_BYTE: u64 = 64;

/// Why an OpenDocument spreadsheet is not handed to calamine: one of its sheets spans a grid
/// (from its first to its last non-empty row and column, repeats counted) out of all
/// proportion to the file's size. calamine builds every sheet of an `.ods` as a whole grid as
/// it opens the file, so a file of a few kilobytes with one cell far down and to the right
/// (or a row repeated a million times) would ask for gigabytes; the sheets are measured first
/// by reading `content.xml` as a stream. `None` for anything else (calamine reports what it
/// cannot read).
fn ods_too_large(bytes: &[u8]) -> Option<String> {
    use quick_xml::events::Event;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut mimetype = String::new();
    std::io::Read::read_to_string(
        &mut std::io::Read::take(zip.by_name("mimetype").ok()?, 100),
        &mut mimetype,
    )
    .ok()?;
    if !mimetype.starts_with("application/vnd.oasis.opendocument.spreadsheet") {
        return None;
    }
    let content = std::io::BufReader::new(zip.by_name("content.xml").ok()?);
    let budget = MIN_CELL_BUDGET.max(CELLS_PER_BYTE.saturating_mul(bytes.len() as u64));
    let mut reader = quick_xml::Reader::from_reader(content);
    let mut buffer = Vec::new();
    let mut sheet = SheetExtent::default();
    let repeats = |e: &quick_xml::events::BytesStart<'_>, name: &[u8]| -> u64 {
        e.try_get_attribute(name)
            .ok()
            .flatten()
            .and_then(|a| std::str::from_utf8(&a.value).ok()?.trim().parse().ok())
            .unwrap_or(1)
    };
    loop {
        let event = reader.read_event_into(&mut buffer).ok()?;
        match event {
            Event::Eof => return None,
            Event::Start(e) | Event::Empty(e)
                if matches!(e.local_name().as_ref(), b"table-cell" | b"covered-table-cell") =>
            {
                let n = repeats(&e, b"table:number-columns-repeated");
                let valued = e.try_get_attribute(b"office:value-type").ok().flatten().is_some();
                sheet.cell(n, valued);
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"table-row" => {
                sheet.row(repeats(&e, b"table:number-rows-repeated"));
            }
            // Text in a cell (`<text:p>`) makes it non-empty.
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"p" => {
                sheet.text_in_cell();
            }
            Event::End(e) if e.local_name().as_ref() == b"table" => {
                if let Some((rows, columns)) = sheet.span() {
                    if rows.saturating_mul(columns) > budget {
                        return Some(format!(
                            "a sheet spans {rows} rows × {columns} columns from its first to its \
                             last non-empty cell, too many for a file of {} bytes (at most \
                             {budget} cells): delete the far-off cells and rows (Ctrl+End shows \
                             the last one) or save the workbook as .xlsx",
                            bytes.len()
                        ));
                    }
                }
                sheet = SheetExtent::default();
            }
            _ => {}
        }
        buffer.clear();
    }
}

/// The extent of an `.ods` sheet as its `content.xml` is read: rows and columns counted with
/// their repeats, and the first and last row and column holding a non-empty cell.
#[derive(Default)]
struct SheetExtent {
    /// Rows before the current one, and the current row's repeat count.
    row: u64,
    row_repeats: u64,
    /// Columns before the current cell in the current row.
    column: u64,
    /// The current cell: its first column, and its repeat count.
    cell: Option<(u64, u64)>,
    rows: Option<(u64, u64)>,
    columns: Option<(u64, u64)>,
}

impl SheetExtent {
    fn row(&mut self, repeats: u64) {
        self.row = self.row.saturating_add(self.row_repeats);
        self.row_repeats = repeats;
        self.column = 0;
        self.cell = None;
    }

    fn cell(&mut self, repeats: u64, valued: bool) {
        self.cell = Some((self.column, repeats));
        self.column = self.column.saturating_add(repeats);
        if valued {
            self.text_in_cell();
        }
    }

    /// The current cell is not empty.
    fn text_in_cell(&mut self) {
        let Some((first, repeats)) = self.cell else { return };
        let last_column = first.saturating_add(repeats.max(1) - 1);
        let last_row = self.row.saturating_add(self.row_repeats.max(1) - 1);
        let widen = |span: Option<(u64, u64)>, low: u64, high: u64| {
            Some(span.map_or((low, high), |(a, b)| (a.min(low), b.max(high))))
        };
        self.columns = widen(self.columns, first, last_column);
        self.rows = widen(self.rows, self.row, last_row);
    }

    /// The number of rows and columns from the first to the last non-empty cell.
    fn span(&self) -> Option<(u64, u64)> {
        let (rows, columns) = (self.rows?, self.columns?);
        Some((rows.1 - rows.0 + 1, columns.1 - columns.0 + 1))
    }
}

/// A sheet's non-empty cells as they are read, each rendered to text at once into one string.
#[derive(Default)]
struct SheetCells {
    rows: SheetRows,
    /// The cells holding a spreadsheet error: their sheet row and the error.
    errors: Vec<(u32, CellErrorType)>,
    /// The first and last column of a non-empty cell.
    columns: Option<(u32, u32)>,
    /// The sheet's first row, first column and width, when the sheet gave them (a range).
    frame: Option<(u32, u32, usize)>,
}

impl SheetCells {
    /// Reads sheet `name`: an `.xlsx` or `.xlsb` sheet cell by cell as calamine parses it
    /// (no grid of the whole sheet is built), others through calamine's range.
    fn read<RS: std::io::Read + std::io::Seek>(
        workbook: &mut Sheets<RS>,
        name: &str,
    ) -> Result<Self, calamine::Error> {
        let mut sheet = SheetCells::default();
        match workbook {
            Sheets::Xlsx(book) => {
                let mut cells = match book.worksheet_cells_reader(name) {
                    Ok(cells) => cells,
                    // As calamine's range of such a sheet: empty.
                    Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(sheet),
                    Err(error) => return Err(error.into()),
                };
                sheet.reserve(cells.dimensions().len());
                while let Some(cell) = cells.next_cell()? {
                    let (row, column) = cell.get_position();
                    sheet.push(row, column, cell.get_value());
                }
            }
            Sheets::Xlsb(book) => {
                let mut cells = book.worksheet_cells_reader(name)?;
                sheet.reserve(cells.dimensions().len());
                while let Some(cell) = cells.next_cell()? {
                    let (row, column) = cell.get_position();
                    sheet.push(row, column, cell.get_value());
                }
            }
            Sheets::Xls(_) | Sheets::Ods(_) => {
                let range = workbook.worksheet_range(name)?;
                if let Some((first_row, first_column)) = range.start() {
                    sheet.frame = Some((first_row, first_column, range.width()));
                    for (row, column, cell) in range.used_cells() {
                        let (row, column) =
                            (first_row as usize + row, first_column as usize + column);
                        // Within u32: a range's cells are at u32 positions.
                        sheet.push(row as u32, column as u32, &data_ref(cell));
                    }
                }
            }
        }
        Ok(sheet)
    }

    /// Makes room for the cells of a sheet whose dimensions (as its file states them) span
    /// `n_cells` cells, up to 16 million: growing the lists of a large sheet by doubling
    /// copies them again and again. Room not used is never touched.
    fn reserve(&mut self, n_cells: u64) {
        let n_cells = n_cells.min(1 << 24) as usize;
        self.rows.cells.reserve(n_cells);
        self.rows.text.reserve(n_cells * 4);
    }

    /// Adds a cell (an empty one is left out).
    fn push(&mut self, row: u32, column: u32, cell: &DataRef<'_>) {
        match cell {
            DataRef::Empty => return,
            DataRef::Error(error) => self.errors.push((row, error.clone())),
            _ => write_text(cell, &mut self.rows.text),
        }
        self.rows.cells.push((column, self.rows.text.len()));
        let n = self.rows.cells.len();
        match self.rows.rows.last_mut() {
            Some((last, cells)) if *last == row => cells.end = n,
            _ => self.rows.rows.push((row, n - 1..n)),
        }
        self.columns = Some(match self.columns {
            None => (column, column),
            Some((first, last)) => (first.min(column), last.max(column)),
        });
    }

    /// The sheet as a table: the header from its first row, then every other row that is not
    /// empty, each with its row number in the sheet; `None` (with a diagnostic) without a
    /// usable header.
    fn into_table(self, path: String, diagnostics: &mut Diagnostics) -> Option<Table<'static>> {
        let SheetCells { mut rows, errors, columns, frame } = self;
        // Rows in sheet order (a file may give them in another), pieces of a row together.
        if !rows.rows.is_sorted_by_key(|(row, _)| *row) {
            rows.rows.sort_by_key(|(row, _)| *row);
        }
        let frame = frame.or_else(|| {
            let (first, last) = columns?;
            Some((rows.rows.first()?.0, first, (last - first) as usize + 1))
        });
        let Some((first_row, first_column, width)) = frame else {
            let at_header = Location { path, line: Some(1) };
            diagnostics.push(at_header, "the sheet is empty; a header row is required");
            return None;
        };
        let header_line = u64::from(first_row) + 1;
        let at_header = Location { path: path.clone(), line: Some(header_line) };
        rows.first_column = first_column;
        rows.width = width;
        let n_header = rows.rows.iter().take_while(|(row, _)| *row == first_row).count();
        let pieces: Vec<(u32, Range<usize>)> = rows.rows.drain(..n_header).collect();
        let mut names = vec![String::new(); width];
        for i in pieces.into_iter().flat_map(|(_, cells)| cells) {
            let column = rows.cells[i].0.checked_sub(first_column);
            if let Some(name) = column.and_then(|c| names.get_mut(c as usize)) {
                rows.text[rows.cell_range(i)].clone_into(name);
            }
        }
        let (header_errors, body_errors) = errors
            .split_at(errors.iter().position(|(row, _)| *row != first_row).unwrap_or(errors.len()));
        for (_, error) in header_errors {
            diagnostics.push(at_header.clone(), error_message(error));
        }
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let header = normalize_header(&names, &at_header, diagnostics)?;
        for (row, error) in body_errors {
            let here = Location { path: path.clone(), line: Some(u64::from(*row) + 1) };
            diagnostics.push(here, error_message(error));
        }
        Some(Table::sheet(path, header, header_line, rows))
    }
}

/// A cell of a range as the cell of a sheet read cell by cell.
fn data_ref(cell: &Data) -> DataRef<'_> {
    match cell {
        Data::Empty => DataRef::Empty,
        Data::String(text) => DataRef::SharedString(text),
        Data::Int(value) => DataRef::Int(*value),
        Data::Float(value) => DataRef::Float(*value),
        Data::Bool(value) => DataRef::Bool(*value),
        Data::DateTime(moment) => DataRef::DateTime(*moment),
        Data::DateTimeIso(text) => DataRef::DateTimeIso(text.clone()),
        Data::DurationIso(text) => DataRef::DurationIso(text.clone()),
        Data::Error(error) => DataRef::Error(error.clone()),
    }
}

/// The problem of a cell holding a spreadsheet error (`#N/A`, `#REF!`); the cell is read as
/// empty.
fn error_message(error: &CellErrorType) -> String {
    format!("a cell holds the spreadsheet error {error}; give it a value or leave it empty")
}

/// Appends a cell as the text the loader reads: numbers in plain decimal notation (whole
/// numbers without a fraction), dates as `YYYY-MM-DD`, booleans as `true`/`false`, text as it
/// is. An empty or error cell adds nothing.
fn write_text(cell: &DataRef<'_>, out: &mut String) {
    // Writing to a `String` cannot fail.
    let _ = match cell {
        DataRef::Empty | DataRef::Error(_) => Ok(()),
        DataRef::String(text) | DataRef::DurationIso(text) => {
            out.push_str(text);
            Ok(())
        }
        DataRef::SharedString(text) => {
            out.push_str(text);
            Ok(())
        }
        DataRef::Int(value) => write!(out, "{value}"),
        DataRef::Float(value) => write_number(*value, out),
        DataRef::Bool(value) => write!(out, "{value}"),
        DataRef::DateTime(moment) if moment.is_datetime() => {
            let (year, month, day, ..) = moment.to_ymd_hms_milli();
            write!(out, "{year:04}-{month:02}-{day:02}")
        }
        DataRef::DateTime(moment) => write_number(moment.as_f64(), out),
        DataRef::DateTimeIso(text) => {
            out.push_str(text.get(..10).unwrap_or(text));
            Ok(())
        }
    };
}

/// A number in the notation the loader reads in any file: whole numbers without a fraction
/// (`750000`), others in Rust's shortest round-trip form (`1250.5`).
fn write_number(value: f64, out: &mut String) -> std::fmt::Result {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        write!(out, "{}", value as i64)
    } else {
        write!(out, "{value}")
    }
}
