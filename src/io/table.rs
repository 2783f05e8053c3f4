//! Tables: a CSV file or one array of a JSON workspace, read row by row with line numbers.
//!
//! CSV rules (DESIGN §1): UTF-8 with or without BOM (a file that is not UTF-8 is one problem);
//! the delimiter (`,` `;` or tab) is named by an Excel `sep=;` first line or detected from the
//! header line; the number convention is detected per file (`numbers.rs`); column names are case-insensitive; cells are trimmed; rows whose cells
//! are all empty are skipped.

use std::ops::Range;

use super::cells::Dialect;
use super::numbers::{NumberConvention, Numbers, Reason, has_decimal_comma};
use crate::error::{Diagnostics, Location};

/// The most data rows stakenet reads from one table (50 million): a documented limit that turns
/// an impossible workspace into a clear error instead of an exhausted machine.
pub const MAX_ROWS: u64 = 50_000_000;

/// One data row: its line in the file and its cells by column position.
pub(crate) struct Row<'a> {
    /// 1-based line where the row starts (the header is line 1 in a CSV file).
    pub line: u64,
    text: &'a str,
    ranges: &'a [Range<usize>],
}

impl<'a> Row<'a> {
    /// The trimmed cell of column `column` (empty when the row is shorter).
    #[inline]
    pub(crate) fn get(&self, column: usize) -> &'a str {
        let cell = self.ranges.get(column).and_then(|r| self.text.get(r.clone())).unwrap_or("");
        // Most cells start and end with a visible ASCII character: nothing to trim.
        let visible = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
        if visible(cell.as_bytes().first()) && visible(cell.as_bytes().last()) {
            cell
        } else {
            cell.trim()
        }
    }

    /// The cell of an optional column, `None` when the column is absent or the cell empty.
    pub(crate) fn optional(&self, column: Option<usize>) -> Option<&'a str> {
        column.map(|c| self.get(c)).filter(|cell| !cell.is_empty())
    }
}

/// The four tables of a workspace held in one document (a `network.json`, a workbook); absent
/// ones are `None`.
pub(crate) struct Tables<'a> {
    pub actors: Option<Table<'a>>,
    pub relations: Option<Table<'a>>,
    pub coalitions: Option<Table<'a>>,
    pub members: Option<Table<'a>>,
}

/// A table ready to be read: its header (lower-case) and how it writes values.
pub(crate) struct Table<'a> {
    /// The file, for messages.
    pub path: String,
    /// Column names, trimmed and lower-cased, in file order.
    pub header: Vec<String>,
    /// The line of the header (2 after an Excel `sep=;` line).
    pub header_line: u64,
    /// How numbers and lists are written.
    pub dialect: Dialect,
    body: Body<'a>,
}

enum Body<'a> {
    /// The file's bytes (without BOM) and where the rows start, after the header.
    Csv { bytes: &'a [u8], start: Position, delimiter: u8 },
    /// JSON records already flattened to text cells, with the line each object starts on.
    Records(Vec<(u64, Vec<String>)>),
    /// A workbook sheet's rows read to text, after its header.
    Sheet(SheetRows),
}

/// The rows of a workbook sheet read to text: the texts of its non-empty cells one after
/// another in one string, each cell with its column, each row with its sheet row and its
/// cells. Rows are in sheet order; a row given in several pieces is one row (its last value
/// for a column wins, as in calamine's ranges).
#[derive(Default)]
pub(crate) struct SheetRows {
    pub text: String,
    /// Each cell's column in the sheet and the end of its text in `text` (it starts where the
    /// cell before it ends).
    pub cells: Vec<(u32, usize)>,
    /// Each row (or piece of one): its index in the sheet (0-based) and its range of `cells`.
    pub rows: Vec<(u32, Range<usize>)>,
    /// The sheet column of the table's first column, and the number of columns.
    pub first_column: u32,
    pub width: usize,
}

impl SheetRows {
    /// The text of cell `i` of `cells`.
    pub(crate) fn cell_range(&self, i: usize) -> Range<usize> {
        let start = if i == 0 { 0 } else { self.cells[i - 1].1 };
        start..self.cells[i].1
    }

    /// Every row in sheet order, as `(row index, cells by column)`: each table column's text
    /// range in `text` (empty when the cell is). `row` is reused between rows.
    fn for_each_row(&self, mut each: impl FnMut(u32, &[Range<usize>])) {
        let mut row = vec![0..0; self.width];
        let mut pieces = self.rows.iter().peekable();
        while let Some((index, cells)) = pieces.next() {
            row.iter_mut().for_each(|cell| *cell = 0..0);
            let mut place = |cells: &Range<usize>| {
                for i in cells.clone() {
                    let column = self.cells[i].0.checked_sub(self.first_column);
                    if let Some(slot) = column.and_then(|c| row.get_mut(c as usize)) {
                        *slot = self.cell_range(i);
                    }
                }
            };
            place(cells);
            while let Some((_, more)) = pieces.next_if(|(next, _)| next == index) {
                place(more);
            }
            each(*index, &row);
        }
    }
}

impl<'a> Table<'a> {
    /// Opens CSV bytes: strips a BOM, honours an Excel `sep=;` first line, detects the
    /// delimiter otherwise, reads the header. Returns `None` (with a diagnostic) when there is
    /// no usable header or the file is not UTF-8 (one problem for the file: its rows are not
    /// read, so that they cause no others). The numbers are read the English way until
    /// [`Table::settle_numbers`] looks at them.
    pub(crate) fn csv(
        path: String,
        bytes: &'a [u8],
        diagnostics: &mut Diagnostics,
    ) -> Option<Self> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if let Some((reason, nul)) = super::text::not_text(bytes) {
            let line = nul.map_or(1, |at| line_of(bytes, at));
            diagnostics.push(
                Location { path, line: Some(line) },
                format!(
                    "the file {reason}: save it as UTF-8 (Excel: Save As → CSV UTF-8); none of \
                     its rows were read"
                ),
            );
            return None;
        }
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            diagnostics.push(
                Location { path, line: Some(1) },
                "the file is empty; a header row is required",
            );
            return None;
        }
        if let Err(error) = std::str::from_utf8(bytes) {
            let valid = &bytes[..error.valid_up_to()];
            let line = 1 + memchr::memchr_iter(b'\n', valid).count() as u64;
            let line_start = memchr::memrchr(b'\n', valid).map_or(0, |i| i + 1);
            let shown = String::from_utf8_lossy(
                &bytes[line_start..(error.valid_up_to() + 1).min(bytes.len())],
            )
            .into_owned();
            let shown = shown.trim_start();
            let shown: String =
                shown.chars().rev().take(24).collect::<Vec<_>>().into_iter().rev().collect();
            diagnostics.push(
                Location { path, line: Some(line) },
                format!(
                    "the file is not UTF-8 (this line breaks off at `{shown}`): it was probably \
                     saved as \"CSV\" in a Windows encoding; save it again as \"CSV UTF-8\" \
                     (Excel: Save As → CSV UTF-8 (comma delimited)); none of its rows were read"
                ),
            );
            return None;
        }
        let (delimiter, skip, header_line) = match sep_line(bytes) {
            Some((delimiter, length)) => (delimiter, length, 2),
            None => (detect_delimiter(bytes), 0, 1),
        };
        if let Some(open) = unclosed_quote(&bytes[skip..], delimiter) {
            let open = skip + open;
            let line = line_of(bytes, open);
            let cell = &bytes[open..];
            let end = memchr::memchr2(b'\n', b'\r', cell).unwrap_or(cell.len());
            let shown: String =
                String::from_utf8_lossy(&cell[..end.min(40)]).chars().take(24).collect();
            diagnostics.push(
                Location { path, line: Some(line) },
                format!(
                    "the quoted cell that opens here (`{shown}`) is never closed, so the rest of \
                     the file would be read into it; close the quote (a quote inside a quoted \
                     cell is written twice: \"\"); none of the file's rows were read"
                ),
            );
            return None;
        }
        let at_header = Location { path: path.clone(), line: Some(header_line) };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(&bytes[skip..]);
        let mut record = csv::ByteRecord::new();
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => {
                diagnostics.push(at_header, "the file is empty; a header row is required");
                return None;
            }
            Err(error) => {
                diagnostics.push(at_header, format!("cannot read the header row: {error}"));
                return None;
            }
        }
        let Ok(text) = std::str::from_utf8(record.as_slice()) else {
            diagnostics.push(at_header, NOT_UTF8);
            return None;
        };
        let names: Vec<&str> = (0..record.len())
            .map(|i| record.range(i).and_then(|r| text.get(r)).unwrap_or(""))
            .collect();
        let header = normalize_header(&names, &at_header, diagnostics)?;
        let start = Position {
            byte: skip + reader.position().byte() as usize,
            line: reader.position().line() + header_line - 1,
        };
        let numbers = Numbers { convention: NumberConvention::English, reason: Reason::NoEvidence };
        Some(Table {
            path,
            header,
            header_line,
            dialect: Dialect { delimiter: Some(delimiter), numbers },
            body: Body::Csv { bytes, start, delimiter },
        })
    }

    /// Decides how the file writes numbers (see `numbers.rs`): as `asked`, else the Dutch way
    /// when it is `;`-separated or a cell of the number columns `columns` has a decimal comma,
    /// else the English way. A JSON table keeps the English way.
    pub(crate) fn settle_numbers(&mut self, columns: &[usize], asked: Option<NumberConvention>) {
        let Body::Csv { bytes, start, delimiter } = &self.body else { return };
        if let Some(convention) = asked {
            self.dialect.numbers = Numbers { convention, reason: Reason::Asked };
            return;
        }
        let dutch = |reason| Numbers { convention: NumberConvention::Dutch, reason };
        if *delimiter == b';' {
            self.dialect.numbers = dutch(Reason::Semicolon);
            return;
        }
        let rows = &bytes[start.byte.min(bytes.len())..];
        // Without a comma in the rows, or (comma-separated) without a quote, no cell holds one.
        let no_comma_cells = memchr::memchr(b',', rows).is_none()
            || (*delimiter == b',' && memchr::memchr(b'"', rows).is_none());
        if columns.is_empty() || no_comma_cells {
            return;
        }
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(*delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(rows);
        let mut record = csv::StringRecord::new();
        while let Ok(true) = reader.read_record(&mut record) {
            if columns.iter().any(|&c| record.get(c).is_some_and(has_decimal_comma)) {
                let line = record.position().map_or(1, |p| first_line_of(rows, p));
                self.dialect.numbers = dutch(Reason::DecimalComma(start.line + line - 1));
                return;
            }
        }
    }

    /// A table of JSON records already flattened to cells under `header`.
    pub(crate) fn records(
        path: String,
        header: Vec<String>,
        rows: Vec<(u64, Vec<String>)>,
    ) -> Self {
        Table { path, header, header_line: 1, dialect: Dialect::JSON, body: Body::Records(rows) }
    }

    /// A workbook sheet already read to text cells under `header` (on sheet row
    /// `header_line`), each row with its sheet row number: numbers written the English way
    /// (number cells are rendered so), lists split on `;` or `|`.
    pub(crate) fn sheet(
        path: String,
        header: Vec<String>,
        header_line: u64,
        rows: SheetRows,
    ) -> Self {
        let dialect = Dialect { delimiter: None, numbers: Numbers::WORKBOOK };
        Table { path, header, header_line, dialect, body: Body::Sheet(rows) }
    }

    /// The position of column `name` (lower-case), if present.
    pub(crate) fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// How messages name this table, whose CSV file is `file` (`relations.csv`): that file,
    /// the JSON array (`the array \`relations\``) or the workbook sheet (`the relations
    /// sheet`).
    pub(crate) fn called(&self, file: &str) -> String {
        let stem = file.strip_suffix(".csv").unwrap_or(file);
        match self.body {
            Body::Csv { .. } => file.to_owned(),
            Body::Records(_) => format!("the array `{stem}`"),
            Body::Sheet(_) => format!("the {stem} sheet"),
        }
    }

    /// What this table calls a column: a key in JSON.
    pub(crate) fn column_word(&self) -> &'static str {
        match self.body {
            Body::Records(_) => "key",
            Body::Csv { .. } | Body::Sheet(_) => "column",
        }
    }

    /// The location of a line of this table.
    pub(crate) fn at(&self, line: u64) -> Location {
        Location { path: self.path.clone(), line: Some(line) }
    }

    /// Calls `each` for every non-empty row, in file order. Rows that cannot be read (bad
    /// quoting, invalid UTF-8, more cells than columns) are reported and skipped; reading
    /// stops with a problem after [`MAX_ROWS`] rows.
    pub(crate) fn for_each_row(
        self,
        diagnostics: &mut Diagnostics,
        mut each: impl FnMut(&Row<'_>, &mut Diagnostics),
    ) {
        self.for_each_row_up_to(MAX_ROWS, diagnostics, |rows, diagnostics| {
            rows.iter().for_each(|row| each(row, diagnostics));
        });
    }

    /// Reads the rows in parallel, for a reader that makes one value of most rows: the file
    /// is cut at line ends into chunks of about [`CHUNK_BYTES`] (whatever the thread count, so
    /// results do not depend on it); each chunk gets a fresh state from `new_state`, and
    /// `each` receives its rows in file order, in batches of up to [`BATCH_ROWS`], and
    /// [`Placed::push`]es its values straight into the chunk's own part of `out` (which must
    /// be empty), so the values need no second copy to be joined. Returns each chunk's state
    /// with the range of `out` that holds its values, in file order, and adds the problems
    /// found to `diagnostics` in file order: the outcome is that of reading row by row.
    ///
    /// A CSV file can be cut at any line end only when no cell is quoted (a quoted cell may
    /// hold a line break), and the row limit is checked across chunks only when the file has
    /// fewer lines than [`MAX_ROWS`]; other tables are read as one chunk.
    pub(crate) fn map_chunks_into<T: Clone + Send + Sync, S: Send>(
        self,
        out: &mut Vec<T>,
        filler: T,
        diagnostics: &mut Diagnostics,
        new_state: impl Fn() -> S + Sync,
        each: impl Fn(&mut S, &mut Placed<'_, T>, &[Row<'_>], &mut Diagnostics) + Sync,
    ) -> Vec<(S, Range<usize>)> {
        self.map_chunks_placing(CHUNK_BYTES, out, filler, diagnostics, new_state, each)
    }

    /// [`Table::map_chunks_into`] with the chunk size as a parameter (tests use small ones).
    fn map_chunks_placing<T: Clone + Send + Sync, S: Send>(
        self,
        chunk_bytes: usize,
        out: &mut Vec<T>,
        filler: T,
        diagnostics: &mut Diagnostics,
        new_state: impl Fn() -> S + Sync,
        each: impl Fn(&mut S, &mut Placed<'_, T>, &[Row<'_>], &mut Diagnostics) + Sync,
    ) -> Vec<(S, Range<usize>)> {
        use rayon::prelude::*;
        out.clear();
        let Body::Csv { bytes, start, delimiter } = &self.body else {
            let n_rows = match &self.body {
                Body::Records(records) => records.len(),
                Body::Sheet(sheet) => sheet.rows.len(),
                Body::Csv { .. } => 0,
            };
            out.resize(n_rows, filler);
            let mut state = new_state();
            let mut placed = Placed { slots: out, len: 0 };
            self.for_each_row_up_to(MAX_ROWS, diagnostics, |rows, diagnostics| {
                each(&mut state, &mut placed, rows, diagnostics);
            });
            let len = placed.len;
            out.truncate(len);
            return vec![(state, 0..len)];
        };
        let (chunks, plain) = cut_into_chunks(bytes, *start, MAX_ROWS, chunk_bytes);
        let reader = ChunkReader {
            path: &self.path,
            n_columns: self.header.len(),
            delimiter: *delimiter,
            max_rows: MAX_ROWS,
            plain,
        };
        // Each chunk has room for a value per line; the room is filled in parallel too.
        let room: Vec<usize> = chunks.iter().map(|chunk| chunk.n_lines).collect();
        out.par_extend(rayon::iter::repeat_n(filler, room.iter().sum()));
        let mut parts: Vec<(&Chunk<'_>, &mut [T])> = Vec::with_capacity(chunks.len());
        let mut rest = out.as_mut_slice();
        for (chunk, &n) in chunks.iter().zip(&room) {
            let (part, tail) = rest.split_at_mut(n);
            parts.push((chunk, part));
            rest = tail;
        }
        let read: Vec<(S, usize, Diagnostics)> = parts
            .into_par_iter()
            .map(|(chunk, slots)| {
                let mut state = new_state();
                let mut placed = Placed { slots, len: 0 };
                let mut found = Diagnostics::default();
                reader.read(chunk.bytes, chunk.first, &mut found, |rows, found| {
                    each(&mut state, &mut placed, rows, found);
                });
                (state, placed.len, found)
            })
            .collect();
        // Close the gaps left by blank or refused rows, in file order.
        let mut joined = Vec::with_capacity(read.len());
        let (mut from, mut to) = (0, 0);
        for ((state, len, found), n) in read.into_iter().zip(room) {
            if from != to {
                for i in 0..len {
                    out.swap(to + i, from + i);
                }
            }
            diagnostics.append(found);
            joined.push((state, to..to + len));
            from += n;
            to += len;
        }
        out.truncate(to);
        joined
    }

    /// [`Table::for_each_row`] in batches, with the row limit as a parameter (tests use a
    /// small one).
    fn for_each_row_up_to(
        self,
        max_rows: u64,
        diagnostics: &mut Diagnostics,
        mut each: impl FnMut(&[Row<'_>], &mut Diagnostics),
    ) {
        match self.body {
            Body::Csv { bytes, start, delimiter } => {
                let plain = is_plain(&bytes[start.byte.min(bytes.len())..]);
                let reader = ChunkReader {
                    path: &self.path,
                    n_columns: self.header.len(),
                    delimiter,
                    max_rows,
                    plain,
                };
                reader.read(&bytes[start.byte..], start, diagnostics, each);
            }
            Body::Records(records) => {
                let mut text = String::new();
                let mut batch = Batch::default();
                for (line, cells) in records {
                    if cells.iter().all(|c| c.trim().is_empty()) {
                        continue;
                    }
                    batch.push_copied(&mut text, line, cells.iter().map(String::as_str));
                    if batch.is_full() {
                        batch.hand_over(&text, diagnostics, &mut each);
                        text.clear();
                    }
                }
                batch.hand_over(&text, diagnostics, &mut each);
            }
            Body::Sheet(sheet) => {
                let mut batch = Batch::default();
                sheet.for_each_row(|index, cells| {
                    if cells.iter().all(|c| sheet.text[c.clone()].trim().is_empty()) {
                        return;
                    }
                    batch.push_ranges(u64::from(index) + 1, cells);
                    if batch.is_full() {
                        batch.hand_over(&sheet.text, diagnostics, &mut each);
                    }
                });
                batch.hand_over(&sheet.text, diagnostics, &mut each);
            }
        }
    }
}

/// Rows are handed over in batches of this many, so that a reader can resolve the ids of a
/// batch together.
pub(crate) const BATCH_ROWS: usize = 256;

/// The size of the pieces a CSV file is cut into to be read in parallel.
const CHUNK_BYTES: usize = 1 << 20;

/// A place in a file: byte offset and 1-based line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Position {
    byte: usize,
    line: u64,
}

/// A piece of a table's rows that can be read on its own: whole lines.
struct Chunk<'a> {
    bytes: &'a [u8],
    /// Where it starts in the file.
    first: Position,
    /// Its lines, counting a last one without a line end (and, when it is not plain, lines
    /// ended by a lone `\r`): no more rows than that.
    n_lines: usize,
}

/// Cuts the rows from `start` on into pieces of about `chunk_bytes` that end at a line end;
/// one piece when the rows cannot be cut safely (a quote character anywhere, or more lines
/// than `max_rows`, whose check needs one reader). Also says whether the rows are plain: no
/// quote, and every `\r` part of a `\r\n`.
fn cut_into_chunks(
    bytes: &[u8],
    start: Position,
    max_rows: u64,
    chunk_bytes: usize,
) -> (Vec<Chunk<'_>>, bool) {
    let rows = &bytes[start.byte.min(bytes.len())..];
    let quoted = memchr::memchr(b'"', rows).is_some();
    let plain = is_plain(rows);
    let n_lines = memchr::memchr_iter(b'\n', rows).count();
    if quoted || n_lines as u64 >= max_rows {
        // The CSV reader also ends a row at a lone `\r`.
        let n_ends = n_lines + memchr::memchr_iter(b'\r', rows).count();
        return (vec![Chunk { bytes: rows, first: start, n_lines: n_ends + 1 }], plain);
    }
    let mut chunks = Vec::with_capacity(rows.len() / chunk_bytes.max(1) + 1);
    let mut here = Position { byte: 0, line: start.line };
    while here.byte < rows.len() {
        let wanted = (here.byte + chunk_bytes).min(rows.len());
        let end = memchr::memchr(b'\n', &rows[wanted..]).map_or(rows.len(), |i| wanted + i + 1);
        let bytes = &rows[here.byte..end];
        let n_ends = memchr::memchr_iter(b'\n', bytes).count();
        let n_lone_returns = if plain { 0 } else { memchr::memchr_iter(b'\r', bytes).count() };
        let n_lines = n_ends + n_lone_returns + usize::from(!bytes.ends_with(b"\n"));
        chunks.push(Chunk { bytes, first: here, n_lines });
        here = Position { byte: end, line: here.line + n_ends as u64 };
    }
    (chunks, plain)
}

/// Whether rows have no quote and every `\r` is part of a `\r\n`: then a row is a line.
fn is_plain(rows: &[u8]) -> bool {
    memchr::memchr(b'"', rows).is_none()
        && memchr::memchr_iter(b'\r', rows).all(|i| rows.get(i + 1) == Some(&b'\n'))
}

/// Where a chunk puts its values: its own part of the output, with room for a value per line.
pub(crate) struct Placed<'s, T> {
    slots: &'s mut [T],
    len: usize,
}

impl<T> Placed<'_, T> {
    /// Adds a value after the chunk's earlier ones.
    pub(crate) fn push(&mut self, value: T) {
        // A row takes at least a line, so there is always room.
        debug_assert!(self.len < self.slots.len());
        if let Some(slot) = self.slots.get_mut(self.len) {
            *slot = value;
            self.len += 1;
        }
    }

    /// The number of values pushed.
    pub(crate) fn len(&self) -> usize {
        self.len
    }
}

/// Reads the CSV rows of one piece of a file, checking each the same way.
struct ChunkReader<'t> {
    path: &'t str,
    n_columns: usize,
    delimiter: u8,
    max_rows: u64,
    /// The rows have no quote and no lone `\r`, so a row is a line and its cells are the
    /// pieces between delimiters: they are read in place, without the CSV state machine.
    plain: bool,
}

/// What to do with a row that was read.
enum Verdict {
    Take,
    Skip,
    Stop,
}

impl ChunkReader<'_> {
    /// Reads `bytes`, which start at `first` in the file, handing its rows to `each` in
    /// batches.
    fn read(
        &self,
        bytes: &[u8],
        first: Position,
        diagnostics: &mut Diagnostics,
        each: impl FnMut(&[Row<'_>], &mut Diagnostics),
    ) {
        match std::str::from_utf8(bytes) {
            Ok(text) if self.plain => self.read_plain(text, first, diagnostics, each),
            _ => self.read_csv(bytes, first, diagnostics, each),
        }
    }

    /// Reads plain rows in place: split at `\n` (less a trailing `\r`), then at delimiters.
    /// This is what the CSV reader makes of text without quotes, faster.
    fn read_plain(
        &self,
        text: &str,
        first: Position,
        diagnostics: &mut Diagnostics,
        mut each: impl FnMut(&[Row<'_>], &mut Diagnostics),
    ) {
        let bytes = text.as_bytes();
        let mut batch = Batch::default();
        let mut n_rows: u64 = 0;
        let mut line = first.line;
        let mut cell_start = 0;
        let mut first_cell = 0;
        // One pass finds every delimiter and line end (they are too dense for `memchr`); the
        // end of the text ends the last line.
        let delimiter = self.delimiter;
        let stops = bytes.iter().enumerate().filter(|&(_, &b)| b == delimiter || b == b'\n');
        for at in stops.map(|(at, _)| at).chain(std::iter::once(bytes.len())) {
            if at < bytes.len() && bytes[at] != b'\n' {
                batch.cells.push(cell_start..at);
                cell_start = at + 1;
                continue;
            }
            if at == bytes.len() && cell_start == at && batch.cells.len() == first_cell {
                break;
            }
            let content_end = if at > cell_start && bytes[at - 1] == b'\r' { at - 1 } else { at };
            batch.cells.push(cell_start..content_end);
            let cells = &batch.cells[first_cell..];
            let cell = |i: usize| text.get(cells[i].clone()).unwrap_or("");
            match self.verdict(line, cells.len(), cell, &mut n_rows, diagnostics) {
                Verdict::Take => batch.rows.push((line, first_cell..batch.cells.len())),
                Verdict::Skip => batch.cells.truncate(first_cell),
                Verdict::Stop => break,
            }
            if batch.is_full() {
                batch.hand_over(text, diagnostics, &mut each);
            }
            first_cell = batch.cells.len();
            cell_start = at + 1;
            line += 1;
        }
        batch.hand_over(text, diagnostics, &mut each);
    }

    /// Reads rows with the CSV reader (quoted cells, invalid UTF-8).
    fn read_csv(
        &self,
        bytes: &[u8],
        first: Position,
        diagnostics: &mut Diagnostics,
        mut each: impl FnMut(&[Row<'_>], &mut Diagnostics),
    ) {
        let at = |line: u64| Location { path: self.path.to_owned(), line: Some(line) };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(self.delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        // The reader counts lines from 1 at the start of `bytes`.
        let in_file = |line: u64| first.line + line - 1;
        let mut record = csv::ByteRecord::new();
        let mut batch = Batch::default();
        let mut text = String::new();
        let mut n_rows: u64 = 0;
        loop {
            let line = reader.position().line();
            match reader.read_byte_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(error) => {
                    let line = in_file(error.position().map_or(line, |p| p.line()));
                    diagnostics.push(
                        at(line),
                        format!("cannot read this row: {}", csv_error_text(&error)),
                    );
                    if matches!(error.kind(), csv::ErrorKind::Io(_)) {
                        break;
                    }
                    continue;
                }
            }
            let line = in_file(record.position().map_or(line, |p| first_line_of(bytes, p)));
            let Ok(row_text) = std::str::from_utf8(record.as_slice()) else {
                if record.iter().all(|cell| cell.iter().all(u8::is_ascii_whitespace)) {
                    continue;
                }
                match self.count(line, &mut n_rows, diagnostics) {
                    Verdict::Stop => break,
                    _ => {
                        diagnostics.push(at(line), NOT_UTF8);
                        continue;
                    }
                }
            };
            let cell = |i: usize| record.range(i).and_then(|r| row_text.get(r));
            if (0..record.len()).any(|i| cell(i).is_none()) {
                match self.count(line, &mut n_rows, diagnostics) {
                    Verdict::Stop => break,
                    _ => {
                        diagnostics.push(at(line), NOT_UTF8);
                        continue;
                    }
                }
            }
            match self.verdict(
                line,
                record.len(),
                |i| cell(i).unwrap_or(""),
                &mut n_rows,
                diagnostics,
            ) {
                Verdict::Take => {}
                Verdict::Skip => continue,
                Verdict::Stop => break,
            }
            batch.push_copied(&mut text, line, (0..record.len()).map(|i| cell(i).unwrap_or("")));
            if batch.is_full() {
                batch.hand_over(&text, diagnostics, &mut each);
                text.clear();
            }
        }
        batch.hand_over(&text, diagnostics, &mut each);
    }

    /// Skips a row whose cells are all blank, stops after the row limit, and reports a row
    /// with more cells than the header has columns.
    fn verdict<'c>(
        &self,
        line: u64,
        n_cells: usize,
        cell: impl Fn(usize) -> &'c str,
        n_rows: &mut u64,
        diagnostics: &mut Diagnostics,
    ) -> Verdict {
        if (0..n_cells).all(|i| cell(i).bytes().all(|b| b.is_ascii_whitespace())) {
            return Verdict::Skip;
        }
        if let Verdict::Stop = self.count(line, n_rows, diagnostics) {
            return Verdict::Stop;
        }
        let n_columns = self.n_columns;
        if n_cells > n_columns {
            if let Some(extra) = (n_columns..n_cells).map(&cell).find(|c| !c.trim().is_empty()) {
                diagnostics.push(
                    Location { path: self.path.to_owned(), line: Some(line) },
                    format!(
                        "this row has {n_cells} cells but the header names {n_columns} columns (extra cell `{extra}`); check the delimiter `{}` and the quoting",
                        delimiter_name(self.delimiter)
                    ),
                );
                return Verdict::Skip;
            }
        }
        Verdict::Take
    }

    /// Counts a row that is not blank; stops (with a problem) past the row limit.
    fn count(&self, line: u64, n_rows: &mut u64, diagnostics: &mut Diagnostics) -> Verdict {
        *n_rows += 1;
        if *n_rows > self.max_rows {
            let max_rows = self.max_rows;
            diagnostics.push(
                Location { path: self.path.to_owned(), line: Some(line) },
                format!(
                    "more than {max_rows} rows; stakenet reads at most {max_rows} rows per file: split the workspace"
                ),
            );
            return Verdict::Stop;
        }
        Verdict::Take
    }
}

/// The line a record starts on. The CSV reader places a record where it started looking for
/// it, which is before the blank lines that precede it.
fn first_line_of(bytes: &[u8], position: &csv::Position) -> u64 {
    let skipped = bytes
        .get(position.byte() as usize..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&b| b == b'\n' || b == b'\r')
        .filter(|&&b| b == b'\n')
        .count();
    position.line() + skipped as u64
}

/// Rows gathered to be handed over together, as ranges of cells in a text.
#[derive(Default)]
struct Batch {
    cells: Vec<Range<usize>>,
    /// Each row's line and range of `cells`.
    rows: Vec<(u64, Range<usize>)>,
}

impl Batch {
    fn is_full(&self) -> bool {
        self.rows.len() >= BATCH_ROWS
    }

    /// Adds a row whose cells are copied to the end of `text` (for rows that are not already
    /// part of one text).
    fn push_copied<'c>(
        &mut self,
        text: &mut String,
        line: u64,
        cells: impl Iterator<Item = &'c str>,
    ) {
        let first_cell = self.cells.len();
        for cell in cells {
            let start = text.len();
            text.push_str(cell);
            self.cells.push(start..text.len());
        }
        self.rows.push((line, first_cell..self.cells.len()));
    }

    /// Adds a row whose cells are already ranges of the text the batch is handed over with.
    fn push_ranges(&mut self, line: u64, cells: &[Range<usize>]) {
        let first_cell = self.cells.len();
        self.cells.extend_from_slice(cells);
        self.rows.push((line, first_cell..self.cells.len()));
    }

    /// Hands the rows, whose cells are ranges of `text`, to `each` (if there are any) and
    /// empties the batch.
    fn hand_over(
        &mut self,
        text: &str,
        diagnostics: &mut Diagnostics,
        each: &mut impl FnMut(&[Row<'_>], &mut Diagnostics),
    ) {
        if self.rows.is_empty() {
            self.cells.clear();
            return;
        }
        let rows: Vec<Row<'_>> = self
            .rows
            .iter()
            .map(|(line, cells)| Row { line: *line, text, ranges: &self.cells[cells.clone()] })
            .collect();
        each(&rows, diagnostics);
        self.cells.clear();
        self.rows.clear();
    }
}

const NOT_UTF8: &str =
    "this row is not valid UTF-8; save the file as UTF-8 (in Excel: \"CSV UTF-8\")";

/// Lower-cases and trims column names; reports duplicates. Unnamed columns become `column_N`.
pub(crate) fn normalize_header(
    names: &[&str],
    at_header: &Location,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<String>> {
    let header: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let name = name.trim().trim_start_matches('\u{feff}').to_lowercase();
            if name.is_empty() { format!("column_{}", i + 1) } else { name }
        })
        .collect();
    // One look-up per column: a header of 100,000 columns takes no longer than its reading.
    let mut seen: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
    seen.reserve(header.len());
    let mut ok = true;
    for name in &header {
        if !seen.insert(name) {
            diagnostics.push(
                at_header.clone(),
                format!("column `{name}` appears twice in the header; give each column one name"),
            );
            ok = false;
        }
    }
    ok.then_some(header)
}

/// The 1-based line of byte `at` of `bytes`.
fn line_of(bytes: &[u8], at: usize) -> u64 {
    1 + memchr::memchr_iter(b'\n', &bytes[..at.min(bytes.len())]).count() as u64
}

/// Where a quoted cell opens that is never closed, if one does: the CSV reader would read the
/// rest of the file into that cell. A quote opens a quoted cell at the start of a cell only (as
/// the CSV reader reads it; elsewhere it is a character of the cell), and a doubled quote
/// inside one is a quote character.
fn unclosed_quote(bytes: &[u8], delimiter: u8) -> Option<usize> {
    let mut at = 0;
    loop {
        let quote = at + memchr::memchr(b'"', &bytes[at..])?;
        let opens = quote == 0
            || matches!(bytes[quote - 1], b'\n' | b'\r')
            || bytes[quote - 1] == delimiter;
        at = quote + 1;
        if !opens {
            continue;
        }
        loop {
            let Some(close) = memchr::memchr(b'"', &bytes[at..]) else { return Some(quote) };
            let close = at + close;
            at = close + 1;
            if bytes.get(at) == Some(&b'"') {
                at += 1;
            } else {
                break;
            }
        }
    }
}

/// The delimiter an Excel `sep=;` first line names (`,`, `;` or tab), and the length of that
/// line with its end.
fn sep_line(bytes: &[u8]) -> Option<(u8, usize)> {
    let head = bytes.get(..4)?;
    if !head.eq_ignore_ascii_case(b"sep=") {
        return None;
    }
    let delimiter = *bytes.get(4).filter(|b| matches!(b, b',' | b';' | b'\t'))?;
    let rest = &bytes[5..];
    let end = if rest.starts_with(b"\r\n") {
        2
    } else if rest.starts_with(b"\n") || rest.starts_with(b"\r") {
        1
    } else {
        return None;
    };
    Some((delimiter, 5 + end))
}

/// Picks the delimiter that occurs most often outside quotes in the first line (`,` on a tie).
fn detect_delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    for &byte in bytes {
        match byte {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => break,
            b',' if !in_quotes => counts[0] += 1,
            b';' if !in_quotes => counts[1] += 1,
            b'\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    candidates[best]
}

fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b';' => ";",
        b'\t' => "tab",
        _ => ",",
    }
}

fn csv_error_text(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::Io(io) => io.to_string(),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows `for_each_row_up_to` hands over under `max_rows`, and the problems it reports.
    fn read_up_to(bytes: &[u8], max_rows: u64) -> (Vec<String>, Vec<String>) {
        let mut diagnostics = Diagnostics::default();
        let table = Table::csv("t.csv".to_owned(), bytes, &mut diagnostics).unwrap();
        let mut ids = Vec::new();
        table.for_each_row_up_to(max_rows, &mut diagnostics, |rows, _| {
            ids.extend(rows.iter().map(|row| row.get(0).to_owned()));
        });
        (ids, diagnostics.items().iter().map(ToString::to_string).collect())
    }

    #[test]
    fn reading_stops_with_a_clear_problem_beyond_the_row_limit() {
        // Empty rows do not count; the first row past the limit is named by its line.
        let bytes = b"id\na\n\nb\nc\nd\n";
        let (ids, problems) = read_up_to(bytes, 3);
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(
            problems,
            [
                "t.csv:6: more than 3 rows; stakenet reads at most 3 rows per file: split the workspace"
            ]
        );
        let (ids, problems) = read_up_to(bytes, 4);
        assert_eq!(ids, ["a", "b", "c", "d"]);
        assert!(problems.is_empty(), "{problems:?}");
    }

    /// Rows as (line, cells) and the problems, read in chunks of `chunk_bytes` (plain rows read
    /// in place), or, with `None`, by the CSV reader in one piece.
    fn read_rows(
        bytes: &[u8],
        chunk_bytes: Option<usize>,
    ) -> (Vec<(u64, Vec<String>)>, Vec<String>) {
        let mut diagnostics = Diagnostics::default();
        let Some(table) = Table::csv("t.csv".to_owned(), bytes, &mut diagnostics) else {
            return (Vec::new(), diagnostics.items().iter().map(ToString::to_string).collect());
        };
        let collect = |rows: &mut Vec<(u64, Vec<String>)>, batch: &[Row<'_>]| {
            assert!(batch.len() <= BATCH_ROWS);
            rows.extend(batch.iter().map(|row| {
                (row.line, (0..row.ranges.len()).map(|i| row.get(i).to_owned()).collect())
            }));
        };
        let rows = match chunk_bytes {
            Some(size) => {
                let mut placed_lines = Vec::new();
                let parts = table.map_chunks_placing(
                    size,
                    &mut placed_lines,
                    0,
                    &mut diagnostics,
                    Vec::new,
                    |rows, placed, batch, _| {
                        collect(rows, batch);
                        batch.iter().for_each(|row| placed.push(row.line));
                    },
                );
                // Each chunk's values are where it says, in file order, without gaps.
                let mut next = 0;
                for (rows, range) in &parts {
                    assert_eq!(range.start, next);
                    let lines: Vec<u64> = rows.iter().map(|(line, _)| *line).collect();
                    assert_eq!(placed_lines[range.clone()], lines);
                    next = range.end;
                }
                assert_eq!(placed_lines.len(), next);
                parts.into_iter().flat_map(|(rows, _)| rows).collect()
            }
            None => {
                let Body::Csv { bytes, start, delimiter } = table.body else { unreachable!() };
                let reader = ChunkReader {
                    path: "t.csv",
                    n_columns: table.header.len(),
                    delimiter,
                    max_rows: MAX_ROWS,
                    plain: false,
                };
                let mut rows = Vec::new();
                reader.read(&bytes[start.byte..], start, &mut diagnostics, |batch, _| {
                    collect(&mut rows, batch);
                });
                rows
            }
        };
        (rows, diagnostics.items().iter().map(ToString::to_string).collect())
    }

    #[test]
    fn rows_read_in_chunks_and_in_place_are_the_rows_the_csv_reader_reads() {
        let cases: [&[u8]; 7] = [
            b"id,name\na,A\n\nb,B\r\n  ,  \nc, C ,\nd,D,extra\ne\n",
            b"id;name\r\na;A\r\nb;B",
            b"id\tname\n\n\n\xC3\xA9,\xC3\xA9\tx\n\xFF\tbad\nz\tok\n",
            b"id,name\na,\"quoted, with comma\"\nb,\"two\nlines\"\nc,C\n",
            b"id,name\na,A\rb,B\nc,C\n",
            b"id,name,,\na,A,,\nb,B,,,\n",
            b"\xEF\xBB\xBFid,name\n a , A \n",
        ];
        for bytes in cases {
            let reference = read_rows(bytes, None);
            for size in [1, 3, 8, 1 << 20] {
                assert_eq!(
                    read_rows(bytes, Some(size)),
                    reference,
                    "{}",
                    String::from_utf8_lossy(bytes)
                );
            }
        }
        // Many rows: more than one batch per chunk.
        let mut many = b"source,target,weight\n".to_vec();
        for i in 0..3000 {
            many.extend_from_slice(
                format!("a{i},b{},{}\n", i * 7, if i % 500 == 0 { "x" } else { "1" }).as_bytes(),
            );
        }
        let reference = read_rows(&many, None);
        assert_eq!(reference.0.len(), 3000);
        for size in [100, 5000, 1 << 20] {
            assert_eq!(read_rows(&many, Some(size)), reference);
        }
    }

    #[test]
    fn a_quote_that_never_closes_is_found_where_it_opens() {
        assert_eq!(unclosed_quote(b"a,\"b\nc,d\n", b','), Some(2));
        assert_eq!(unclosed_quote(b"a,\"b\"\"\nc\",d\n", b','), None);
        assert_eq!(unclosed_quote(b"a,b\"c\nd\n", b','), None, "a quote inside a cell");
        assert_eq!(unclosed_quote(b"a;\"b\"x\"\n", b';'), None, "after a closed quote");
        assert_eq!(unclosed_quote(b"a,\"b\"\"", b','), Some(2), "a doubled quote does not close");
        assert_eq!(unclosed_quote(b"a\r\"b", b','), Some(2));
    }

    #[test]
    fn a_header_of_200_000_columns_is_checked_in_linear_time() {
        let names: Vec<String> = (0..200_000).map(|i| format!("c{i}")).collect();
        let mut names: Vec<&str> = names.iter().map(String::as_str).collect();
        names.push("C7");
        let at = Location { path: "t.csv".to_owned(), line: Some(1) };
        let mut diagnostics = Diagnostics::default();
        let started = std::time::Instant::now();
        assert!(normalize_header(&names, &at, &mut diagnostics).is_none());
        // Quadratic work would take minutes; a look-up per column well under a second.
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
        assert_eq!(
            diagnostics.items()[0].to_string(),
            "t.csv:1: column `c7` appears twice in the header; give each column one name"
        );
    }

    #[test]
    fn the_delimiter_is_detected_outside_quotes() {
        assert_eq!(detect_delimiter(b"id;name;\"a,b,c\"\n1,2,3,4,5"), b';');
        assert_eq!(detect_delimiter(b"id\tname\n"), b'\t');
        assert_eq!(detect_delimiter(b"id\n"), b',');
    }
}
