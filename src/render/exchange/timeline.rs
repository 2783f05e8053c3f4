//! When each exported node holds, for the timeline of the dynamic GEXF: a coalition its term,
//! an actor the span of its ties and memberships.
//!
//! The rule, chosen for Gephi: in a dynamic graph an element without a spell exists at every
//! time, and an edge is shown only while both its ends exist. Actors have no dates of their
//! own, so an actor's spell is derived, and only where it can be:
//!
//! - it starts on the earliest `since` of the relations (either end) and memberships it has, and
//!   ends on the latest `until`;
//! - a side is open (no `start`, or no `end`) when any of those ties is open on that side: an
//!   actor with one undated tie exists always;
//! - an actor with no tie and no membership exists always.
//!
//! So every tie of an actor is shown whenever it holds. A coalition's spell is its own `start`
//! and `end` from coalitions.csv; a membership outside that term is shown only while the
//! coalition is.

use crate::model::{Network, Validity};

/// The span of each actor's ties and memberships (indexed by actor id), as the module says.
pub(crate) fn actor_spans(network: &Network) -> Vec<Validity> {
    let mut spans: Vec<Option<Validity>> = vec![None; network.actors().len()];
    let mut widen = |actor: usize, tie: Validity| {
        let span = &mut spans[actor];
        *span = Some(match *span {
            None => tie,
            Some(seen) => Validity {
                since: seen.since.zip(tie.since).map(|(a, b)| a.min(b)),
                until: seen.until.zip(tie.until).map(|(a, b)| a.max(b)),
            },
        });
    };
    for relation in network.relations() {
        widen(relation.source.index(), relation.validity);
        widen(relation.target.index(), relation.validity);
    }
    for membership in network.memberships() {
        widen(membership.actor.index(), membership.validity);
    }
    spans.into_iter().map(Option::unwrap_or_default).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;
    use crate::{Source, load};

    fn day(text: &str) -> Option<Date> {
        crate::model::parse_iso_date(text)
    }

    #[test]
    fn the_span_runs_from_the_first_start_to_the_last_end_and_is_open_where_a_tie_is() {
        let actors = "id,name\na,A\nb,B\nc,C\nd,D\ne,E\n";
        let relations = "source,target,layer,since,until\n\
                         a,b,collaboration,2019-01-01,2020-06-30\n\
                         a,c,collaboration,2018-05-01,2019-12-31\n\
                         c,d,collaboration,,2021-01-31\n";
        let files = [("actors.csv", actors), ("relations.csv", relations)]
            .iter()
            .map(|(name, text)| ((*name).to_owned(), text.as_bytes().to_vec()))
            .collect();
        let network = load(&Source::Memory(files)).unwrap();
        let spans = actor_spans(&network);
        let of = |key: &str| spans[network.actor_id(key).unwrap().index()];
        assert_eq!(of("a"), Validity { since: day("2018-05-01"), until: day("2020-06-30") });
        assert_eq!(of("b"), Validity { since: day("2019-01-01"), until: day("2020-06-30") });
        assert_eq!(of("c"), Validity { since: None, until: day("2021-01-31") });
        assert_eq!(of("d"), Validity { since: None, until: day("2021-01-31") });
        assert_eq!(of("e"), Validity::default(), "no tie: always");
    }
}
