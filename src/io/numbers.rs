//! Numbers as spreadsheets write them: one convention per file (Dutch: decimal comma, a dot
//! groups thousands; English: decimal point), detected or asked for, and never a silent guess.
//!
//! The rule, as the README states it:
//! - A file writes numbers the Dutch way when it is `;`-separated (Dutch Excel) or one of its
//!   number cells has an unambiguous decimal comma (`1234,5`, `0,25`, `1.250,5`); otherwise the
//!   English way. A JSON workspace writes them the English way. [`NumberConvention`] set in
//!   [`crate::io::LoadOptions`] overrides the detection.
//! - Dutch: a comma is the decimal sign; a dot groups thousands and must be followed by exactly
//!   three digits (`750.000` = 750000, `1.250` = 1250, `30.000.000`, `1.000.000,00`). A dot
//!   followed by other than three digits (`2.5`, `1234.5`, `0.250`) is refused, naming the
//!   decimal-point reading and how to write it (`2,5`).
//! - English: a point is the decimal sign; commas group thousands when that is the only reading
//!   (`1,250,000`, `1,250.5`); a single comma group without a decimal point (`1,250`: 1250, or
//!   1.25 written the Dutch way?) is refused, naming both readings.
//! - Either way: spaces group thousands (`1 250 000`), a currency sign or code before or after
//!   is ignored (`€ 1.250.000`, `EUR 5`, `5 €`), and `1e6` is read as written.

use std::fmt;

/// How the numbers of a file are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NumberConvention {
    /// Decimal comma; a dot groups thousands (`1.250.000,50`).
    Dutch,
    /// Decimal point; a comma may group thousands (`1,250,000.50`).
    English,
}

impl NumberConvention {
    /// Parses `nl`/`dutch` or `en`/`english` (case ignored).
    pub fn parse(text: &str) -> Option<Self> {
        match text.to_ascii_lowercase().as_str() {
            "nl" | "dutch" | "nederlands" => Some(NumberConvention::Dutch),
            "en" | "english" | "engels" => Some(NumberConvention::English),
            _ => None,
        }
    }
}

/// Why a file's numbers are read the way they are, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reason {
    /// The file is `;`-separated.
    Semicolon,
    /// A number cell on this line has a decimal comma.
    DecimalComma(u64),
    /// Neither `;` nor a decimal comma.
    NoEvidence,
    /// A JSON document.
    Json,
    /// A sheet of a workbook: numbers come from number cells; text cells are read the English
    /// way.
    Workbook,
    /// The caller asked for it.
    Asked,
}

/// A file's convention and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Numbers {
    pub convention: NumberConvention,
    pub reason: Reason,
}

impl fmt::Display for Numbers {
    /// `this file writes numbers the Dutch way (it is `;`-separated)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let way = match self.convention {
            NumberConvention::Dutch => "Dutch",
            NumberConvention::English => "English",
        };
        let why = match self.reason {
            Reason::Semicolon => "it is `;`-separated".to_owned(),
            Reason::DecimalComma(line) => format!("line {line} has a decimal comma"),
            Reason::NoEvidence => "it is not `;`-separated and has no decimal comma".to_owned(),
            Reason::Json => "a JSON workspace".to_owned(),
            Reason::Workbook => {
                "a workbook sheet: number cells are read as they are, and numbers typed as text \
                 the English way; make the cell a number"
                    .to_owned()
            }
            Reason::Asked => "as asked".to_owned(),
        };
        write!(f, "this file writes numbers the {way} way ({why})")
    }
}

impl Numbers {
    /// English, for JSON documents.
    pub(crate) const JSON: Numbers =
        Numbers { convention: NumberConvention::English, reason: Reason::Json };

    /// English, for the text cells of workbook sheets (number cells are numbers already).
    pub(crate) const WORKBOOK: Numbers =
        Numbers { convention: NumberConvention::English, reason: Reason::Workbook };

    /// Parses a finite number written in this convention.
    pub(crate) fn parse(self, text: &str) -> Result<f64, String> {
        self.parse_inner(text, true)
    }

    /// The other convention, for naming the reading a refused cell has there.
    fn flipped(self) -> Numbers {
        let convention = match self.convention {
            NumberConvention::Dutch => NumberConvention::English,
            NumberConvention::English => NumberConvention::Dutch,
        };
        Numbers { convention, reason: Reason::Asked }
    }

    /// [`Numbers::parse`]; with `explain`, a cell that reads only the other way is refused
    /// with that reading.
    fn parse_inner(self, text: &str, explain: bool) -> Result<f64, String> {
        let dutch = self.convention == NumberConvention::Dutch;
        let not_a_number = || {
            if dutch {
                format!("`{text}` is not a number; expected e.g. 1234,5 or 1.234,5")
            } else {
                format!("`{text}` is not a number; expected e.g. 1234.5")
            }
        };
        let not_finite =
            || format!("`{text}` is not a finite number; expected a number such as 1234.5");
        // A cell that the other convention reads: refused, naming that reading.
        let other_way = || {
            if !explain {
                return not_a_number();
            }
            match self.flipped().parse_inner(text, false) {
                Ok(value) => self.other_way(text, value),
                Err(_) => not_a_number(),
            }
        };
        let core = strip_currency(text.trim());
        let lower = core.to_ascii_lowercase();
        if matches!(lower.trim_start_matches(['-', '+']), "nan" | "inf" | "infinity") {
            return Err(not_finite());
        }
        let (sign, unsigned) = match core.as_bytes().first() {
            Some(b'-') => ("-", &core[1..]),
            Some(b'+') => ("", &core[1..]),
            _ => ("", core),
        };
        let unsigned = unsigned.trim_start();
        let (decimal, group) = if dutch { (',', '.') } else { ('.', ',') };
        // Scientific notation is read as written, without grouping.
        if unsigned.contains(['e', 'E']) {
            if unsigned.contains(group) || unsigned.contains(char::is_whitespace) {
                return Err(not_a_number());
            }
            let normal = unsigned.replace(decimal, ".");
            return finish(&format!("{sign}{normal}"), not_a_number, not_finite);
        }
        let Some(unsigned) = without_space_groups(unsigned) else {
            return Err(not_a_number());
        };
        if unsigned.is_empty()
            || !unsigned.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        {
            return Err(not_a_number());
        }
        let mut parts = unsigned.split(decimal);
        let whole = parts.next().unwrap_or("");
        let fraction = parts.next();
        if parts.next().is_some() {
            // Two decimal signs: the other convention's grouping (`1.250.000` in English).
            return Err(other_way());
        }
        if let Some(fraction) = fraction {
            if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
                return Err(if fraction.contains(group) { other_way() } else { not_a_number() });
            }
        }
        let whole = if whole.contains(group) {
            if !well_grouped(whole, group) {
                return Err(if fraction.is_some() { not_a_number() } else { other_way() });
            }
            let n_groups = whole.matches(group).count();
            if !dutch && n_groups == 1 && fraction.is_none() && explain {
                let plain = whole.replace(group, "");
                let as_dutch =
                    self.flipped().parse_inner(text, false).map_err(|_| not_a_number())?;
                return Err(format!(
                    "`{text}` could be {sign}{plain} (a comma grouping thousands) or {as_dutch} \
                     (a Dutch decimal comma); {self}, so write {sign}{plain} or {as_dutch}"
                ));
            }
            whole.replace(group, "")
        } else {
            whole.to_owned()
        };
        if whole.is_empty() && fraction.is_none() {
            return Err(not_a_number());
        }
        let normal = match fraction {
            Some(fraction) => format!("{sign}{whole}.{fraction}"),
            None => format!("{sign}{whole}"),
        };
        finish(&normal, not_a_number, not_finite)
    }

    /// The refusal of a number written the other way (`2.5` in a Dutch file, `12,5` in an
    /// English one), naming the value it reads as there and how to write it here.
    fn other_way(self, text: &str, value: f64) -> String {
        match self.convention {
            NumberConvention::Dutch => {
                let written = value.to_string().replace('.', ",");
                format!(
                    "`{text}` reads as {value} with a decimal point, but {self}, where a dot \
                     groups thousands (750.000 is 750000) and a comma is the decimal sign; write \
                     {written} (or read the file the English way: --numbers en)"
                )
            }
            NumberConvention::English => format!(
                "`{text}` reads as {value} with a decimal comma, but {self}, where a point is \
                 the decimal sign; write {value} (or read the file the Dutch way: --numbers nl)"
            ),
        }
    }
}

fn finish(
    normal: &str,
    not_a_number: impl Fn() -> String,
    not_finite: impl Fn() -> String,
) -> Result<f64, String> {
    let value: f64 = normal.parse().map_err(|_| not_a_number())?;
    if value.is_finite() { Ok(value) } else { Err(not_finite()) }
}

/// Takes a currency sign or code (`€`, `EUR`) off either end.
fn strip_currency(text: &str) -> &str {
    let mut text = text;
    for sign in ["€", "EUR", "eur", "Eur"] {
        if let Some(rest) = text.strip_prefix(sign) {
            text = rest.trim_start();
        }
        if let Some(rest) = text.strip_suffix(sign) {
            text = rest.trim_end();
        }
    }
    text
}

/// Whether `c` is a space that groups digits (`1 250 000`, also no-break and thin spaces).
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// `1 250 000,5` → `1250000,5`; `None` when the spaces do not group three digits each.
fn without_space_groups(text: &str) -> Option<std::borrow::Cow<'_, str>> {
    if !text.contains(is_group_space) {
        return Some(text.into());
    }
    let end = text.find(|c: char| !(c.is_ascii_digit() || is_group_space(c))).unwrap_or(text.len());
    let (whole, rest) = text.split_at(end);
    if rest.contains(is_group_space) {
        return None;
    }
    let mut groups = whole.split(is_group_space);
    let first = groups.next()?;
    let ok = (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3);
    ok.then(|| format!("{}{rest}", whole.replace(is_group_space, "")).into())
}

/// Whether `whole` is digit groups joined by `group`: the first of 1–3 digits not starting with
/// 0, the others of exactly 3.
fn well_grouped(whole: &str, group: char) -> bool {
    let mut groups = whole.split(group);
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a number cell shows a decimal comma that no English reading explains: `1234,5`,
/// `0,25`, `1.250,5` (not `1,250`, which could be thousands, nor `1,250.5`).
pub(crate) fn has_decimal_comma(text: &str) -> bool {
    let core = strip_currency(text.trim()).trim_start_matches(['-', '+']);
    let Some((whole, fraction)) = core.rsplit_once(',') else { return false };
    if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let whole: String = whole.chars().filter(|&c| !is_group_space(c)).collect();
    if whole.contains(',') || !whole.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return false;
    }
    fraction.len() != 3 || whole.contains('.') || whole.is_empty() || whole == "0"
}

#[cfg(test)]
mod tests {
    use super::*;

    const NL: Numbers = Numbers { convention: NumberConvention::Dutch, reason: Reason::Semicolon };
    const EN: Numbers =
        Numbers { convention: NumberConvention::English, reason: Reason::NoEvidence };

    #[test]
    fn dutch_numbers_group_thousands_with_dots() {
        assert_eq!(NL.parse("750.000"), Ok(750_000.0));
        assert_eq!(NL.parse("1.250"), Ok(1250.0));
        assert_eq!(NL.parse("30.000.000"), Ok(30_000_000.0));
        assert_eq!(NL.parse("1.000.000,00"), Ok(1_000_000.0));
        assert_eq!(NL.parse("1.250,5"), Ok(1250.5));
        assert_eq!(NL.parse("1234,5"), Ok(1234.5));
        assert_eq!(NL.parse("-0,5"), Ok(-0.5));
        assert_eq!(NL.parse("€ 1.250.000"), Ok(1_250_000.0));
        assert_eq!(NL.parse("1 250 000"), Ok(1_250_000.0));
        assert_eq!(NL.parse("EUR 5"), Ok(5.0));
        assert_eq!(NL.parse("5 €"), Ok(5.0));
        assert_eq!(NL.parse("1,5e3"), Ok(1500.0));
        assert_eq!(NL.parse("12"), Ok(12.0));
    }

    #[test]
    fn a_decimal_point_in_a_dutch_file_is_refused_with_both_readings() {
        assert_eq!(
            NL.parse("2.5").unwrap_err(),
            "`2.5` reads as 2.5 with a decimal point, but this file writes numbers the Dutch way \
             (it is `;`-separated), where a dot groups thousands (750.000 is 750000) and a comma \
             is the decimal sign; write 2,5 (or read the file the English way: --numbers en)"
        );
        assert!(NL.parse("0.250").unwrap_err().contains("write 0,25 "));
        assert!(NL.parse("1,250.5").unwrap_err().contains("reads as 1250.5"));
        assert_eq!(
            NL.parse("1.23,5").unwrap_err(),
            "`1.23,5` is not a number; expected e.g. 1234,5 or 1.234,5"
        );
        assert_eq!(
            NL.parse("veel").unwrap_err(),
            "`veel` is not a number; expected e.g. 1234,5 or 1.234,5"
        );
        assert!(NL.parse("1 25").is_err());
    }

    #[test]
    fn english_numbers_refuse_a_lone_comma_group() {
        assert_eq!(EN.parse("1234.5"), Ok(1234.5));
        assert_eq!(EN.parse("1.250"), Ok(1.25));
        assert_eq!(EN.parse("1,250,000"), Ok(1_250_000.0));
        assert_eq!(EN.parse("1,250.5"), Ok(1250.5));
        assert_eq!(EN.parse("1e6"), Ok(1e6));
        assert_eq!(EN.parse(".5"), Ok(0.5));
        assert_eq!(
            EN.parse("1,250").unwrap_err(),
            "`1,250` could be 1250 (a comma grouping thousands) or 1.25 (a Dutch decimal \
             comma); this file writes numbers the English way (it is not `;`-separated and has \
             no decimal comma), so write 1250 or 1.25"
        );
        assert!(
            EN.parse("12,5").unwrap_err().starts_with("`12,5` reads as 12.5 with a decimal comma")
        );
        assert!(EN.parse("NaN").unwrap_err().contains("not a finite number"));
        assert!(EN.parse("1e400").unwrap_err().contains("not a finite number"));
        assert!(EN.parse("inf").unwrap_err().contains("not a finite number"));
        assert!(EN.parse("-").is_err());
        assert!(EN.parse("1..2").is_err());
    }

    #[test]
    fn decimal_commas_are_told_from_thousands() {
        for yes in ["1234,5", "0,25", "1.250,5", "€ 12,50", "1 250,75", "0,250"] {
            assert!(has_decimal_comma(yes), "{yes}");
        }
        for no in ["1,250", "1,250,000", "1,250.5", "12", "abc,5", "1,"] {
            assert!(!has_decimal_comma(no), "{no}");
        }
    }
}
