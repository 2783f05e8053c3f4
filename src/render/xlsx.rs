//! Workbooks: lists ([`Records`]) as the sheets of one Excel workbook (`.xlsx`), as bytes.
//!
//! One sheet per list, its header row bold and frozen, columns as wide as their content;
//! counts and measures are written as numbers (an undefined measure as an empty cell), flags
//! as TRUE/FALSE, and text always as text: a name such as `=HYPERLINK(…)` is stored as a string
//! and never becomes a formula, so nothing needs the `'` that CSV puts before such text. The
//! same lists give the same bytes: the document's dates are fixed ([`FIXED_DATE`]), not the
//! time of writing.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format, Workbook,
    Worksheet, XlsxError,
};

use super::records::{Cell, Records};

/// Rows of a worksheet in Excel, the header included.
pub const MAX_SHEET_ROWS: usize = 1_048_576;

/// Characters of one cell in Excel.
const MAX_CELL_CHARS: usize = 32_767;

/// Characters of a sheet name in Excel.
const MAX_SHEET_NAME_CHARS: usize = 31;

/// The creation and modification date written into every workbook (`docProps/core.xml`), so
/// that the same input gives the same bytes.
pub const FIXED_DATE: (u16, u8, u8) = (2000, 1, 1);

/// Why a workbook could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WorkbookError {
    /// A list is longer than a worksheet.
    #[error(
        "the list {sheet} has {rows} rows and an Excel sheet holds at most {} below its header; write CSV instead (--format csv), or keep fewer rows (--top N)",
        MAX_SHEET_ROWS - 1
    )]
    TooManyRows {
        /// The sheet's name.
        sheet: String,
        /// The list's rows.
        rows: usize,
    },
    /// A text is longer than a cell.
    #[error(
        "the list {sheet}, row {row}, column {column}: the text has {chars} characters and an Excel cell holds at most {MAX_CELL_CHARS}; write CSV instead (--format csv)"
    )]
    TooLongText {
        /// The sheet's name.
        sheet: String,
        /// The row (1 = the header).
        row: usize,
        /// The column's name.
        column: String,
        /// The text's length in characters.
        chars: usize,
    },
    /// The writer refused (a bug here rather than in the data).
    #[error("cannot make the workbook: {0}")]
    Writer(String),
}

impl From<XlsxError> for WorkbookError {
    fn from(error: XlsxError) -> Self {
        WorkbookError::Writer(error.to_string())
    }
}

/// One sheet of a workbook: its name and its list.
#[derive(Debug)]
pub struct Sheet<'r, 'a> {
    /// The name asked for; made valid and unique by [`sheet_name`].
    pub name: &'r str,
    /// The rows.
    pub records: &'r Records<'a>,
}

impl<'r, 'a> Sheet<'r, 'a> {
    /// A sheet named `name` holding `records`.
    pub fn new(name: &'r str, records: &'r Records<'a>) -> Self {
        Sheet { name, records }
    }
}

/// The sheets as one workbook, in the order given.
///
/// # Errors
/// [`WorkbookError`] when a list does not fit a sheet (rows, or text in a cell).
pub fn workbook(sheets: &[Sheet<'_, '_>]) -> Result<Vec<u8>, WorkbookError> {
    let mut book = new_workbook()?;
    let mut used = Vec::new();
    for sheet in sheets {
        let name = sheet_name(sheet.name, &used);
        used.push(name.clone());
        let worksheet = book.add_worksheet();
        worksheet.set_name(&name)?;
        write_records(worksheet, &name, sheet.records)?;
    }
    Ok(book.save_to_buffer()?)
}

/// An empty workbook with fixed document properties.
pub(crate) fn new_workbook() -> Result<Workbook, WorkbookError> {
    let mut book = Workbook::new();
    let (year, month, day) = FIXED_DATE;
    let date = ExcelDateTime::from_ymd(year, month, day)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&date));
    Ok(book)
}

/// The bold header format.
pub(crate) fn header_format() -> Format {
    Format::new().set_bold()
}

/// Writes `records` into `worksheet` (named `name` for messages): header, rows, frozen header,
/// fitted widths.
fn write_records(
    worksheet: &mut Worksheet,
    name: &str,
    records: &Records<'_>,
) -> Result<(), WorkbookError> {
    if records.len() >= MAX_SHEET_ROWS {
        return Err(WorkbookError::TooManyRows { sheet: name.to_owned(), rows: records.len() });
    }
    let columns = records.columns();
    let header = header_format();
    for (c, column) in columns.iter().enumerate() {
        worksheet.write_string_with_format(0, column_number(c)?, column.as_str(), &header)?;
    }
    let mut failure = None;
    let mut row = 0u32;
    records.each_row(0..records.len(), |cells| {
        row += 1;
        if failure.is_some() {
            return;
        }
        for (c, cell) in cells.iter().enumerate() {
            if let Err(error) = write_cell(worksheet, row, c, cell) {
                failure = Some(match error {
                    CellError::TooLong(chars) => WorkbookError::TooLongText {
                        sheet: name.to_owned(),
                        row: row as usize + 1,
                        column: columns.get(c).cloned().unwrap_or_default(),
                        chars,
                    },
                    CellError::Writer(error) => error,
                });
                return;
            }
        }
    });
    if let Some(error) = failure {
        return Err(error);
    }
    worksheet.set_freeze_panes(1, 0)?;
    worksheet.autofit();
    Ok(())
}

/// Why one cell could not be written.
pub(crate) enum CellError {
    TooLong(usize),
    Writer(WorkbookError),
}

impl From<XlsxError> for CellError {
    fn from(error: XlsxError) -> Self {
        CellError::Writer(error.into())
    }
}

fn column_number(c: usize) -> Result<u16, WorkbookError> {
    u16::try_from(c).map_err(|_| WorkbookError::Writer(format!("too many columns ({c})")))
}

/// One cell: text as a string (never a formula), numbers as numbers, empty when undefined.
fn write_cell(
    worksheet: &mut Worksheet,
    row: u32,
    c: usize,
    cell: &Cell<'_>,
) -> Result<(), CellError> {
    let col = column_number(c).map_err(CellError::Writer)?;
    match cell {
        Cell::Text(text) => write_text(worksheet, row, col, text)?,
        Cell::Count(count) => {
            worksheet.write_number(row, col, *count as f64)?;
        }
        Cell::Number(value) => {
            if let Some(value) = value.filter(|v| v.is_finite()) {
                worksheet.write_number(row, col, value)?;
            }
        }
        Cell::Flag(flag) => {
            worksheet.write_boolean(row, col, *flag)?;
        }
    }
    Ok(())
}

/// Text as a string cell (empty text: no cell). `write_string` stores the text as it is:
/// Excel shows `=SUM(A1)` as those characters and never evaluates it.
pub(crate) fn write_text(
    worksheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
) -> Result<(), CellError> {
    if text.is_empty() {
        return Ok(());
    }
    let chars = text.chars().count();
    if chars > MAX_CELL_CHARS {
        return Err(CellError::TooLong(chars));
    }
    worksheet.write_string(row, col, text)?;
    Ok(())
}

/// A drop-down list on rows `1..=last_row` of column `col`; `strict` refuses other values,
/// otherwise Excel warns and lets the value stand.
pub(crate) fn drop_down(
    worksheet: &mut Worksheet,
    col: u16,
    last_row: u32,
    values: &[&str],
    strict: bool,
) -> Result<(), WorkbookError> {
    let style =
        if strict { DataValidationErrorStyle::Stop } else { DataValidationErrorStyle::Warning };
    let validation = DataValidation::new()
        .allow_list_strings(values)?
        .set_error_title("Not in the list")?
        .set_error_message(format!("Expected one of: {}", values.join(", ")))?
        .set_error_style(style);
    worksheet.add_data_validation(1, col, last_row, col, &validation)?;
    Ok(())
}

/// A valid sheet name for `wanted`, unlike (ignoring case) every name in `used`: the
/// characters Excel refuses (`[ ] : * ? / \`) become `_`, a leading or trailing `'` is dropped,
/// an empty name becomes `sheet`, `History` (reserved) becomes `History_`, and the name is cut
/// to 31 characters, with ` (2)`, ` (3)`, … at the end to tell repeated names apart.
pub fn sheet_name(wanted: &str, used: &[String]) -> String {
    let cleaned: String = wanted
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let mut base = cleaned.trim_matches('\'').to_owned();
    if base.is_empty() {
        base = "sheet".to_owned();
    }
    if base.eq_ignore_ascii_case("history") {
        base.push('_');
    }
    let taken = |name: &str| used.iter().any(|u| u.to_lowercase() == name.to_lowercase());
    let cut = |name: &str, room: usize| -> String {
        let mut name: String = name.chars().take(room).collect();
        while name.ends_with('\'') {
            name.pop();
        }
        name
    };
    let first = cut(&base, MAX_SHEET_NAME_CHARS);
    if !first.is_empty() && !taken(&first) {
        return first;
    }
    (2..)
        .map(|n| {
            let suffix = format!(" ({n})");
            format!("{}{suffix}", cut(&base, MAX_SHEET_NAME_CHARS - suffix.chars().count()))
        })
        .find(|name| !taken(name))
        .unwrap_or_else(|| "sheet".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let none: Vec<String> = Vec::new();
        assert_eq!(sheet_name("actors", &none), "actors");
        assert_eq!(sheet_name("a/b:c?", &none), "a_b_c_");
        assert_eq!(sheet_name("'quoted'", &none), "quoted");
        assert_eq!(sheet_name("", &none), "sheet");
        assert_eq!(sheet_name("History", &none), "History_");
        let long = "x".repeat(40);
        assert_eq!(sheet_name(&long, &none).chars().count(), 31);
        let used = vec!["Actors".to_owned()];
        assert_eq!(sheet_name("actors", &used), "actors (2)");
        let used = vec![long.chars().take(31).collect::<String>()];
        let second = sheet_name(&long, &used);
        assert_eq!(second.chars().count(), 31);
        assert!(second.ends_with(" (2)"), "{second}");
    }

    #[test]
    fn a_workbook_is_the_same_bytes_every_time() {
        let mut records = Records::new(&["id", "score"]);
        records.push(vec![Cell::text("=1+1"), Cell::Number(Some(0.5))]);
        let one = workbook(&[Sheet::new("list", &records)]).unwrap();
        let two = workbook(&[Sheet::new("list", &records)]).unwrap();
        assert!(one.starts_with(b"PK"));
        assert_eq!(one, two);
    }
}
