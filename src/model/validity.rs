//! Validity intervals: the `since`/`until` dates of relations and memberships.

use super::Date;

/// The closed interval of dates during which a relation or membership holds; an open end holds
/// forever in that direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Validity {
    /// First day it holds, when known.
    pub since: Option<Date>,
    /// Last day it holds, when known.
    pub until: Option<Date>,
}

impl Validity {
    /// Whether the interval contains `date`.
    pub fn contains(&self, date: Date) -> bool {
        self.since.is_none_or(|since| since <= date) && self.until.is_none_or(|until| date <= until)
    }
}

/// Reads a date written `YYYY-MM-DD`: a four-digit year, two-digit month and day, nothing
/// else (no sign, no shorter or longer fields: `2019-1-5`, `+2020-06-01` and `-0001-01-01`
/// are refused), and a day that exists.
pub fn parse_iso_date(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| b[range].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
    let year = i32::try_from(number(0..4)?).ok()?;
    Date::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_four_digit_years_and_two_digit_months_and_days_are_dates() {
        assert_eq!(parse_iso_date("2020-06-01"), Date::from_ymd_opt(2020, 6, 1));
        assert_eq!(parse_iso_date("0001-01-01"), Date::from_ymd_opt(1, 1, 1));
        for text in [
            "2019-1-5",
            "+2020-06-01",
            "-0001-01-01",
            "2019-02-29",
            "20190-01-01",
            "2019-01-01 ",
            "２０１９-01-01",
            "",
        ] {
            assert_eq!(parse_iso_date(text), None, "{text}");
        }
    }
}
