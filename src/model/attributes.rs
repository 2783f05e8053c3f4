//! Sparse free attributes for entities that come by the million (relations).

/// Unknown columns of a large table, stored column by column and only where a cell has a value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SparseAttributes {
    columns: Vec<(String, Vec<(u32, String)>)>,
}

impl SparseAttributes {
    /// Adds a column; returns its index. Cells must then be pushed in increasing row order.
    pub fn add_column(&mut self, name: &str) -> usize {
        self.columns.push((name.to_owned(), Vec::new()));
        self.columns.len() - 1
    }

    /// Records `value` for `row` in column `column` (rows in increasing order).
    pub fn push(&mut self, column: usize, row: usize, value: String) {
        if let Some((_, cells)) = self.columns.get_mut(column) {
            cells.push((row as u32, value));
        }
    }

    /// The column names, in the order they were added.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.columns.iter().map(|(name, _)| name.as_str())
    }

    /// The value of `name` for `row`, if any.
    pub fn get(&self, row: usize, name: &str) -> Option<&str> {
        let (_, cells) = self.columns.iter().find(|(n, _)| n == name)?;
        let at = cells.binary_search_by_key(&(row as u32), |(r, _)| *r).ok()?;
        Some(cells[at].1.as_str())
    }

    /// Whether no column holds any value.
    pub fn is_empty(&self) -> bool {
        self.columns.iter().all(|(_, cells)| cells.is_empty())
    }
}
