//! Unit tests of `diff`: a view compared with itself changes nothing.

use super::*;
use crate::io::{Source, load};
use crate::model::Date;

fn bundled() -> Network {
    load(&Source::Bundled).unwrap()
}

#[test]
fn a_view_compared_with_itself_changes_nothing() {
    let network = bundled();
    let c = network.coalition_id("rd_twente").unwrap();
    let spec = ViewSpec::coalition(c).with_at(Date::from_ymd_opt(2020, 1, 1));
    let side = DiffSide::new(&network, &spec);
    let d = diff(side, side, &DiffConfig::default()).unwrap();
    assert!(d.layers.iter().all(|l| l.gained.is_empty() && l.lost.is_empty()));
    assert!(d.movers.is_empty());
    let m = d.members.unwrap();
    assert!(m.joined.is_empty() && m.left.is_empty());
    assert!(d.topics.iter().all(|t| t.direction() == 0 && t.gained.is_empty()));
    assert!(d.figures.iter().all(|f| f.change().is_none_or(|c| c == 0.0)));
}
