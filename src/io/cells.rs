//! Parsing of single cells: numbers (decimal point or Dutch decimal comma), dates, booleans,
//! ids and list cells. Each parser returns a message naming the value and what is accepted.

use crate::model::Date;

/// How a table writes numbers and lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Dialect {
    /// The field delimiter (`,`, `;` or tab); `None` for JSON.
    pub delimiter: Option<u8>,
}

impl Dialect {
    /// The dialect of JSON documents: decimal point, lists as arrays or `;`/`|` strings.
    pub(crate) const JSON: Dialect = Dialect { delimiter: None };

    /// Dutch Excel: `;` as delimiter allows a decimal comma, and lists split on `|` only.
    fn semicolon(self) -> bool {
        self.delimiter == Some(b';')
    }

    /// Parses a finite number: `1234.5`, `1e6`, and with a `;` delimiter also `1234,5` and
    /// `1.234,5`.
    pub(crate) fn number(self, text: &str) -> Result<f64, String> {
        let normalized: std::borrow::Cow<'_, str> = if self.semicolon() && text.contains(',') {
            decimal_comma_to_point(text)
                .ok_or_else(|| {
                    format!("`{text}` is not a number; expected e.g. 1234,5 or 1.234,5")
                })?
                .into()
        } else {
            text.into()
        };
        let value: f64 = normalized.trim().parse().map_err(|_| {
            if self.semicolon() {
                format!("`{text}` is not a number; expected e.g. 1234,5 or 1234.5")
            } else {
                format!("`{text}` is not a number; expected e.g. 1234.5")
            }
        })?;
        if value.is_finite() {
            Ok(value)
        } else {
            Err(format!("`{text}` is not a finite number; expected a number such as 1234.5"))
        }
    }

    /// Splits a list cell on `;` or `|` (on `|` only when the file delimiter is `;`), trimming
    /// items and dropping empty ones.
    pub(crate) fn list(self, text: &str) -> Vec<String> {
        let separators: &[char] = if self.semicolon() { &['|'] } else { &[';', '|'] };
        text.split(separators)
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

/// `1.234.567,89` → `1234567.89`; `12,5` → `12.5`. `None` when the dots are not thousands
/// groups before the one comma.
fn decimal_comma_to_point(text: &str) -> Option<String> {
    let text = text.trim();
    let (whole, fraction) = text.split_once(',')?;
    if fraction.contains(',') || fraction.contains('.') {
        return None;
    }
    let whole = if whole.contains('.') {
        let digits = whole.trim_start_matches(['-', '+']);
        let mut groups = digits.split('.');
        let first = groups.next()?;
        let groups_ok = !first.is_empty()
            && first.len() <= 3
            && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
        if !groups_ok {
            return None;
        }
        whole.replace('.', "")
    } else {
        whole.to_owned()
    };
    Some(format!("{whole}.{fraction}"))
}

/// Parses an ISO date `YYYY-MM-DD`.
pub(crate) fn date(text: &str) -> Result<Date, String> {
    Date::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date; expected YYYY-MM-DD, e.g. 2019-03-31"))
}

/// Parses `true`/`false` (also `yes`/`no`, `1`/`0`), ignoring case.
pub(crate) fn boolean(text: &str) -> Result<bool, String> {
    let is = |word: &str| text.eq_ignore_ascii_case(word);
    if is("true") || is("yes") || text == "1" {
        Ok(true)
    } else if is("false") || is("no") || text == "0" {
        Ok(false)
    } else {
        Err(format!("`{text}` is not true or false"))
    }
}

/// Checks an id: non-empty, letters, digits and `_ . : -` only.
pub(crate) fn id(text: &str) -> Result<(), String> {
    if text.is_empty() {
        return Err("empty id; every row needs an id".to_owned());
    }
    match text.chars().find(|&c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | ':' | '-')))
    {
        None => Ok(()),
        Some(bad) => Err(format!(
            "id `{text}` contains {}; ids use only letters A-Z a-z, digits and _ . : -",
            describe_char(bad)
        )),
    }
}

fn describe_char(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        c if c.is_control() || !c.is_ascii() => format!("the character U+{:04X}", c as u32),
        c => format!("`{c}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMMA: Dialect = Dialect { delimiter: Some(b',') };
    const SEMI: Dialect = Dialect { delimiter: Some(b';') };

    #[test]
    fn numbers_follow_the_dialect() {
        assert_eq!(COMMA.number("1234.5"), Ok(1234.5));
        assert_eq!(SEMI.number("1234,5"), Ok(1234.5));
        assert_eq!(SEMI.number("1.234.567,25"), Ok(1234567.25));
        assert_eq!(SEMI.number("-0,5"), Ok(-0.5));
        assert_eq!(SEMI.number("2.5"), Ok(2.5));
        assert!(COMMA.number("1234,5").is_err());
        assert!(SEMI.number("1.23,5").is_err());
        assert!(COMMA.number("NaN").unwrap_err().contains("not a finite number"));
        assert!(COMMA.number("1e400").unwrap_err().contains("not a finite number"));
        assert!(COMMA.number("inf").is_err());
    }

    #[test]
    fn lists_split_on_the_right_separators() {
        assert_eq!(COMMA.list("a; b |c;;"), ["a", "b", "c"]);
        assert_eq!(SEMI.list("a;b | c"), ["a;b", "c"]);
    }

    #[test]
    fn dates_ids_and_booleans() {
        assert!(date("2019-02-29").is_err());
        assert!(date("2020-02-29").is_ok());
        assert!(id("min_lnv:dep-1.2").is_ok());
        assert_eq!(
            id("a b").unwrap_err(),
            "id `a b` contains a space; ids use only letters A-Z a-z, digits and _ . : -"
        );
        assert_eq!(
            id("a/b").unwrap_err(),
            "id `a/b` contains `/`; ids use only letters A-Z a-z, digits and _ . : -"
        );
        assert_eq!(
            id("café").unwrap_err(),
            "id `café` contains the character U+00E9; ids use only letters A-Z a-z, digits and _ . : -"
        );
        assert_eq!(id("").unwrap_err(), "empty id; every row needs an id");
        assert_eq!(boolean("TRUE"), Ok(true));
        assert!(boolean("maybe").is_err());
    }
}
