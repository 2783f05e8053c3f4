//! The date an analysis describes: the one asked for, else today or the latest date in the
//! data, and for one coalition a date within its term.

use crate::model::{CoalitionId, Date, Network};

/// Why an analysis describes the date it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum MomentBasis {
    /// The caller asked for this date.
    Asked,
    /// Today: the data mentions dates up to today or later.
    Today,
    /// The latest date the data mentions, which is before today.
    LatestInData,
    /// The data carries no dates: every relation and membership counts.
    NoDates,
    /// The caller asked for no date: every relation and membership counts, whatever its dates.
    AnyDate,
    /// The coalition ended before the date otherwise described: its last day.
    CoalitionEnded,
    /// The coalition starts after the date otherwise described: its first day.
    CoalitionNotStarted,
}

impl MomentBasis {
    /// The snake_case name JSON outputs give it (`latest_in_data`).
    pub fn as_str(self) -> &'static str {
        match self {
            MomentBasis::Asked => "asked",
            MomentBasis::Today => "today",
            MomentBasis::LatestInData => "latest_in_data",
            MomentBasis::NoDates => "no_dates",
            MomentBasis::AnyDate => "any_date",
            MomentBasis::CoalitionEnded => "coalition_ended",
            MomentBasis::CoalitionNotStarted => "coalition_not_started",
        }
    }
}

/// The date an analysis describes, and why: [`moment`], [`coalition_moment`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Moment {
    /// The date relations and memberships must hold on; `None` when the data has no dates.
    pub date: Option<Date>,
    /// Why this date.
    pub basis: MomentBasis,
}

impl Moment {
    /// The date the caller asked for.
    pub fn asked(date: Date) -> Moment {
        Moment { date: Some(date), basis: MomentBasis::Asked }
    }

    /// No date: every relation and membership counts, whatever its dates.
    pub fn any() -> Moment {
        Moment { date: None, basis: MomentBasis::AnyDate }
    }

    /// One plain sentence saying which date is described and why, e.g. "Described as on
    /// 2022-12-31, the last day of the coalition."
    pub fn sentence(&self) -> String {
        let Some(date) = self.date else {
            return if self.basis == MomentBasis::AnyDate {
                "Every relation and membership counts, whatever its dates.".to_owned()
            } else {
                "The data carries no dates: every relation and membership counts.".to_owned()
            };
        };
        let why = match self.basis {
            MomentBasis::Asked => "the date asked for",
            MomentBasis::Today => "today",
            MomentBasis::LatestInData => "the latest date in the data (before today)",
            MomentBasis::NoDates | MomentBasis::AnyDate => "",
            MomentBasis::CoalitionEnded => "the coalition's last day",
            MomentBasis::CoalitionNotStarted => "the coalition's first day",
        };
        format!(
            "Described as on {date}, {why}: relations and memberships that ended before it or \
             start after it do not count."
        )
    }
}

/// The date an analysis of `network` describes: `asked` when given; else `today`, or the
/// latest date the data mentions ([`Network::latest_date`]) when that is earlier; no date when
/// the data carries none.
pub fn moment(network: &Network, asked: Option<Date>, today: Date) -> Moment {
    if let Some(date) = asked {
        return Moment::asked(date);
    }
    match network.latest_date() {
        None => Moment { date: None, basis: MomentBasis::NoDates },
        Some(latest) if latest < today => {
            Moment { date: Some(latest), basis: MomentBasis::LatestInData }
        }
        Some(_) => Moment { date: Some(today), basis: MomentBasis::Today },
    }
}

/// The date an analysis of `coalition` describes: `moment`, moved into the coalition's term
/// (its `start`–`end`) unless it was asked for — a deal that ended is described on its last
/// day, one that has not started on its first.
pub fn coalition_moment(network: &Network, coalition: CoalitionId, moment: Moment) -> Moment {
    let (Some(date), false) = (moment.date, moment.basis == MomentBasis::Asked) else {
        return moment;
    };
    let term = network.coalition(coalition);
    if let Some(end) = term.end.filter(|&end| date > end) {
        return Moment { date: Some(end), basis: MomentBasis::CoalitionEnded };
    }
    if let Some(start) = term.start.filter(|&start| date < start) {
        return Moment { date: Some(start), basis: MomentBasis::CoalitionNotStarted };
    }
    moment
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{Source, load};

    fn day(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd_opt(y, m, d).expect("a date")
    }

    #[test]
    fn the_described_date_is_asked_today_or_the_latest_in_the_data_within_the_term() {
        let network = load(&Source::Folder("fixtures/twente-analyst".into())).expect("valid");
        let today = day(2026, 12, 7);
        // The data runs to 2027-06-01 (the end of rd_twente_2): today.
        let now = moment(&network, None, today);
        assert_eq!(now, Moment { date: Some(today), basis: MomentBasis::Today });
        let earlier = moment(&network, None, day(2030, 1, 1));
        assert_eq!(earlier.basis, MomentBasis::LatestInData);
        assert_eq!(earlier.date, Some(day(2027, 6, 1)));
        assert_eq!(moment(&network, Some(day(2020, 1, 1)), today).basis, MomentBasis::Asked);

        let first = network.coalition_id("rd_twente").expect("a coalition");
        let ended = coalition_moment(&network, first, now);
        assert_eq!(
            ended,
            Moment { date: Some(day(2022, 12, 31)), basis: MomentBasis::CoalitionEnded }
        );
        assert!(ended.sentence().contains("2022-12-31"), "{}", ended.sentence());
        let second = network.coalition_id("rd_twente_2").expect("a coalition");
        let early = coalition_moment(&network, second, moment(&network, None, day(2020, 1, 1)));
        assert_eq!(early.basis, MomentBasis::CoalitionNotStarted);
        // Asked is asked.
        let asked = Moment::asked(day(2025, 1, 1));
        assert_eq!(coalition_moment(&network, first, asked), asked);
    }

    #[test]
    fn without_dates_every_tie_counts() {
        let network = load(&Source::Folder("fixtures/tiny".into())).expect("valid");
        if network.latest_date().is_none() {
            let m = moment(&network, None, day(2026, 1, 1));
            assert_eq!(m.date, None);
            assert!(m.sentence().contains("no dates"));
        }
    }
}
