//! Plain-text tables for terminals: aligned columns, numbers right-aligned. Cells are measured
//! by their display width in a terminal (East Asian wide characters take two columns, combining
//! marks none), so that columns line up whatever the script.

use unicode_width::UnicodeWidthStr;

/// A table of text cells rendered with aligned columns.
#[derive(Clone, Debug, Default)]
pub struct TextTable {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    right_aligned: Vec<bool>,
}

impl TextTable {
    /// A table with these column names; `right_aligned[i]` aligns column `i` to the right.
    pub fn new(header: &[&str], right_aligned: &[bool]) -> Self {
        TextTable {
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
            right_aligned: right_aligned.to_vec(),
        }
    }

    /// Adds a row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Renders the table; control characters in cells, and the Unicode controls that reorder
    /// text (U+202E), are shown escaped (`\u{1b}`, see [`crate::terminal`]) so that a name
    /// cannot move the cursor, reorder the columns or break the layout.
    pub fn render(&self) -> String {
        let clean =
            |text: &str| -> String { crate::terminal::escape_controls(text, false).into_owned() };
        let header: Vec<String> = self.header.iter().map(|h| clean(h)).collect();
        let rows: Vec<Vec<String>> =
            self.rows.iter().map(|r| r.iter().map(|c| clean(c)).collect()).collect();
        let n_columns = header.len();
        let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
        for row in &rows {
            for (i, cell) in row.iter().enumerate().take(n_columns) {
                widths[i] = widths[i].max(cell.width());
            }
        }
        let mut out = String::new();
        let line = |cells: &[String], out: &mut String| {
            let mut text = String::new();
            for (i, width) in widths.iter().enumerate() {
                let cell = cells.get(i).map_or("", String::as_str);
                let pad = width - cell.width().min(*width);
                if i > 0 {
                    text.push_str("  ");
                }
                if self.right_aligned.get(i).copied().unwrap_or(false) {
                    text.extend(std::iter::repeat_n(' ', pad));
                    text.push_str(cell);
                } else {
                    text.push_str(cell);
                    text.extend(std::iter::repeat_n(' ', pad));
                }
            }
            out.push_str(text.trim_end());
            out.push('\n');
        };
        line(&header, &mut out);
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        line(&rule, &mut out);
        for row in &rows {
            line(row, &mut out);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_and_combining_marks_line_up() {
        let mut table = TextTable::new(&["name", "n"], &[false, true]);
        table.row(vec!["東京".to_owned(), "1".to_owned()]);
        // "e" followed by a combining acute accent: one column on screen.
        table.row(vec!["Jose\u{301}".to_owned(), "22".to_owned()]);
        table.row(vec!["Zoë".to_owned(), "333".to_owned()]);
        assert_eq!(
            table.render(),
            "name    n\n----  ---\n東京    1\nJose\u{301}   22\nZoë   333\n"
        );
    }
}
