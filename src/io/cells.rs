//! Parsing of single cells: numbers (in the file's convention, `numbers.rs`), dates, booleans,
//! ids and list cells. Each parser returns a message naming the value and what is accepted.

use super::numbers::{NumberConvention, Numbers};
use crate::model::Date;

/// How a table writes numbers, dates and lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Dialect {
    /// The field delimiter (`,`, `;` or tab); `None` for JSON.
    pub delimiter: Option<u8>,
    /// How its numbers are written (see `numbers.rs`).
    pub numbers: Numbers,
}

impl Dialect {
    /// The dialect of JSON documents: decimal point, lists as arrays or `;`/`|` strings.
    pub(crate) const JSON: Dialect = Dialect { delimiter: None, numbers: Numbers::JSON };

    /// Dutch Excel: with `;` as delimiter, lists split on `|` only.
    fn semicolon(self) -> bool {
        self.delimiter == Some(b';')
    }

    /// Parses a finite number in the file's convention (see `numbers.rs`).
    pub(crate) fn number(self, text: &str) -> Result<f64, String> {
        self.numbers.parse(text)
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

    /// Parses a date: ISO `YYYY-MM-DD` always; in a file that writes numbers the Dutch way also
    /// day first, `31-12-2019`, `1-3-2019` or `31/12/2019`.
    pub(crate) fn date(self, text: &str) -> Result<Date, String> {
        if let Some(date) = crate::model::parse_iso_date(text) {
            return Ok(date);
        }
        let day_first = text.len() >= 8
            && text.bytes().all(|b| b.is_ascii_digit() || b == b'-' || b == b'/')
            && text.rsplit(['-', '/']).next().is_some_and(|year| year.len() == 4);
        if self.numbers.convention == NumberConvention::Dutch {
            for format in ["%d-%m-%Y", "%d/%m/%Y"] {
                if day_first {
                    if let Ok(date) = Date::parse_from_str(text, format) {
                        return Ok(date);
                    }
                }
            }
            return Err(format!(
                "`{text}` is not a date; expected YYYY-MM-DD (2019-03-31) or DD-MM-YYYY \
                 (31-03-2019, also 31/03/2019)"
            ));
        }
        let hint = if day_first {
            format!(
                "; a day-first date is read only in a file that writes numbers the Dutch way, \
                 and {}",
                self.numbers
            )
        } else {
            String::new()
        };
        Err(format!("`{text}` is not a date; expected YYYY-MM-DD, e.g. 2019-03-31{hint}"))
    }
}

/// The spellings [`boolean`] accepts, for messages.
pub(crate) const BOOLEANS: &str = "yes/no, true/false, 1/0, ja/nee or waar/onwaar";

/// Parses `true`/`false` (also `yes`/`no`, `1`/`0`, and Dutch `ja`/`nee`, `waar`/`onwaar`),
/// ignoring case.
pub(crate) fn boolean(text: &str) -> Result<bool, String> {
    let is = |words: &[&str]| words.iter().any(|word| text.eq_ignore_ascii_case(word));
    if is(&["true", "yes", "1", "ja", "waar", "j", "y"]) {
        Ok(true)
    } else if is(&["false", "no", "0", "nee", "onwaar", "n"]) {
        Ok(false)
    } else {
        Err(format!("`{text}` is not true or false; expected {BOOLEANS}"))
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
    use super::super::numbers::Reason;
    use super::*;

    const COMMA: Dialect = Dialect {
        delimiter: Some(b','),
        numbers: Numbers { convention: NumberConvention::English, reason: Reason::NoEvidence },
    };
    const SEMI: Dialect = Dialect {
        delimiter: Some(b';'),
        numbers: Numbers { convention: NumberConvention::Dutch, reason: Reason::Semicolon },
    };

    #[test]
    fn numbers_follow_the_dialect() {
        assert_eq!(COMMA.number("1234.5"), Ok(1234.5));
        assert_eq!(SEMI.number("1234,5"), Ok(1234.5));
        assert_eq!(SEMI.number("1.234.567,25"), Ok(1234567.25));
        assert_eq!(SEMI.number("-0,5"), Ok(-0.5));
        assert!(SEMI.number("2.5").is_err());
        assert!(COMMA.number("1234,5").is_err());
        assert!(SEMI.number("1.23,5").is_err());
    }

    #[test]
    fn lists_split_on_the_right_separators() {
        assert_eq!(COMMA.list("a; b |c;;"), ["a", "b", "c"]);
        assert_eq!(SEMI.list("a;b | c"), ["a;b", "c"]);
    }

    #[test]
    fn dates_are_iso_and_day_first_in_dutch_files() {
        assert!(COMMA.date("2019-02-29").is_err());
        assert!(COMMA.date("2020-02-29").is_ok());
        let day = |y, m, d| Date::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(SEMI.date("20-11-2019"), Ok(day(2019, 11, 20)));
        assert_eq!(SEMI.date("1-3-2019"), Ok(day(2019, 3, 1)));
        assert_eq!(SEMI.date("31/12/2019"), Ok(day(2019, 12, 31)));
        assert_eq!(SEMI.date("2019-12-31"), Ok(day(2019, 12, 31)));
        assert_eq!(
            SEMI.date("31-02-2019").unwrap_err(),
            "`31-02-2019` is not a date; expected YYYY-MM-DD (2019-03-31) or DD-MM-YYYY \
             (31-03-2019, also 31/03/2019)"
        );
        assert_eq!(
            COMMA.date("20-11-2019").unwrap_err(),
            "`20-11-2019` is not a date; expected YYYY-MM-DD, e.g. 2019-03-31; a day-first date \
             is read only in a file that writes numbers the Dutch way, and this file writes \
             numbers the English way (it is not `;`-separated and has no decimal comma)"
        );
    }

    #[test]
    fn ids_and_booleans() {
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
        assert_eq!(boolean("Ja"), Ok(true));
        assert_eq!(boolean("onwaar"), Ok(false));
        assert_eq!(
            boolean("maybe").unwrap_err(),
            "`maybe` is not true or false; expected yes/no, true/false, 1/0, ja/nee or waar/onwaar"
        );
    }
}
