//! Comparing coalitions: one line of figures per coalition, and for each the most similar
//! others as suggested peer-review partners.
//!
//! The Regio Deal evaluations found that peer review between deals was meant to drive learning
//! but rarely happened because the deals differed too much; comparable deals should be paired.
//! [`coalition_similarity`] says which are comparable.

use std::collections::BTreeSet;

use rayon::prelude::*;

use super::error::AnalysisError;
use super::moment::{Moment, coalition_moment};
use super::suspects::{is_ministry, jaccard, theme_words};
use crate::model::Profile;
use crate::model::{ActorId, CoalitionId, Date, Network, Sector};
use crate::view::{LayerChoice, View, ViewSpec};

/// How many peers [`compare`] suggests per coalition.
pub const N_PEERS: usize = 3;

/// The figures of one coalition.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CoalitionFigures {
    /// The coalition.
    pub coalition: CoalitionId,
    /// Number of distinct members (any role).
    pub n_members: usize,
    /// Share of members in the government sector; `None` without members.
    pub government_share: Option<f64>,
    /// The quadruple-helix sectors (government, business, knowledge, civil society, citizens)
    /// with at least one member, in that order. Hybrid members count for none.
    pub sectors_present: Vec<Sector>,
    /// Number of distinct ministries at the table: members of kind `ministry`, or with one in
    /// their parent chain.
    pub n_ministries: usize,
    /// The national contribution, when known.
    pub national_contribution: Option<f64>,
    /// Co-financing / national contribution; `None` when either is unknown or the national
    /// contribution is 0.
    pub cofinancing_ratio: Option<f64>,
    /// Ties among the coalition's parties (its members and their units) in the explicit
    /// layers — the working relations, never shared membership, which would make every
    /// coalition a complete graph. 0 means no relations are recorded among them.
    pub n_ties: usize,
    /// Density of the coalition's relations (the view of [`CoalitionFigures::n_ties`]), as
    /// [`GraphStructure::density`](super::GraphStructure::density); `None` when no relations
    /// are recorded among its parties.
    pub density: Option<f64>,
    /// Freeman degree centralization of that view (`None` as for the density), as
    /// [`GraphStructure::degree_centralization`](super::GraphStructure::degree_centralization).
    pub centralization: Option<f64>,
    /// Sectors the profile expects with no member at all, in [`Sector::ALL`] order.
    pub missing_sectors: Vec<Sector>,
    /// The [`N_PEERS`] most similar other coalitions, most similar first (ties by id).
    pub peers: Vec<Peer>,
}

/// A suggested peer-review partner.
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Peer {
    /// The other coalition.
    pub coalition: CoalitionId,
    /// [`coalition_similarity`] of the two, in [0, 1].
    pub similarity: f64,
}

/// What [`coalition_similarity`] compares: the theme words and the make-up of a coalition.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CoalitionShape {
    /// [`theme_words`] of its themes.
    pub words: BTreeSet<String>,
    /// Number of distinct members.
    pub n_members: usize,
    /// Members per sector: government, business, knowledge, civil society, citizens, hybrid,
    /// unknown.
    pub sector_counts: [usize; 7],
}

impl CoalitionShape {
    /// The shape of `coalition` in `network`, over every membership.
    pub fn of(network: &Network, coalition: CoalitionId) -> CoalitionShape {
        CoalitionShape::at(network, coalition, None)
    }

    /// The shape of `coalition` in `network` over the memberships that hold on `at` (every one
    /// when `None`).
    pub fn at(network: &Network, coalition: CoalitionId, at: Option<Date>) -> CoalitionShape {
        let members = distinct_members(network, coalition, at);
        let mut sector_counts = [0usize; 7];
        for &member in &members {
            sector_counts[sector_slot(network.actor(member).sector)] += 1;
        }
        CoalitionShape {
            words: theme_words(&network.coalition(coalition).themes),
            n_members: members.len(),
            sector_counts,
        }
    }

    fn share(&self, slot: usize) -> f64 {
        if self.n_members == 0 {
            0.0
        } else {
            self.sector_counts[slot] as f64 / self.n_members as f64
        }
    }
}

/// How alike two coalitions are, in [0, 1]: the mean of theme similarity and structural
/// closeness.
///
/// - theme similarity = Jaccard similarity of the theme words (0 when either has none);
/// - structural closeness = the mean of
///   - size closeness min(n_a, n_b) / max(n_a, n_b) (1 when both are empty),
///   - government-share closeness 1 − |g_a − g_b|,
///   - sector-mix closeness 1 − ½ Σ_s |p_a(s) − p_b(s)| (one minus the total-variation
///     distance of the member shares over government, business, knowledge, civil society,
///     citizens, hybrid and unknown; 0 when exactly one of the two is empty).
///
/// Symmetric; 1 for two coalitions with the same theme words and the same make-up.
pub fn coalition_similarity(a: &CoalitionShape, b: &CoalitionShape) -> f64 {
    let theme = jaccard(&a.words, &b.words);
    let size = match a.n_members.max(b.n_members) {
        0 => 1.0,
        largest => a.n_members.min(b.n_members) as f64 / largest as f64,
    };
    let government = 1.0 - (a.share(0) - b.share(0)).abs();
    let mix = match (a.n_members, b.n_members) {
        (0, 0) => 1.0,
        (0, _) | (_, 0) => 0.0,
        _ => 1.0 - 0.5 * (0..7).map(|s| (a.share(s) - b.share(s)).abs()).sum::<f64>(),
    };
    let structure = (size + government + mix) / 3.0;
    (theme + structure) / 2.0
}

/// One line of figures per coalition, by coalition id, each with its suggested peers.
///
/// Each coalition is described on `moment` moved into its term ([`coalition_moment`]: a deal
/// that ended is described on its last day): members are the memberships that hold on that
/// date (every one when it is `None`). Density and
/// centralization are those of the coalition's relations: its members and their units, every
/// explicit layer, relations that hold on that date — never `comembership`, which ties every pair of
/// members through the coalition itself (density 1, centralization 0 for every coalition).
/// Without relations among its parties both are `None` and [`CoalitionFigures::n_ties`] is 0.
/// Peers are the [`N_PEERS`] others with the highest [`coalition_similarity`], whose shape is
/// about membership (themes, size, sector mix) and so uses the membership data directly.
///
/// # Errors
/// [`AnalysisError::InvalidParameter`] when a coalition's view is too large to build.
///
/// # Complexity
/// One view per coalition (O(n + m + p) each, parallel over coalitions) and O(k²) similarities
/// for k coalitions.
pub fn compare(
    network: &Network,
    profile: &Profile,
    moment: Moment,
) -> Result<Vec<CoalitionFigures>, AnalysisError> {
    let mut coalitions: Vec<CoalitionId> = network.coalition_ids().collect();
    coalitions.sort_by(|a, b| network.coalition(*a).key.cmp(&network.coalition(*b).key));
    let dates: Vec<Option<Date>> =
        coalitions.iter().map(|&c| coalition_moment(network, c, moment).date).collect();
    let shapes: Vec<CoalitionShape> =
        coalitions.iter().zip(&dates).map(|(&c, &at)| CoalitionShape::at(network, c, at)).collect();
    let figures: Result<Vec<CoalitionFigures>, AnalysisError> = coalitions
        .par_iter()
        .zip(shapes.par_iter())
        .zip(dates.par_iter())
        .enumerate()
        .map(|(index, ((&coalition, shape), &at))| {
            let mut figures = figures(network, profile, coalition, shape, at)?;
            let mut peers: Vec<Peer> = coalitions
                .iter()
                .zip(&shapes)
                .enumerate()
                .filter(|(other, _)| *other != index)
                .map(|(_, (&other, other_shape))| Peer {
                    coalition: other,
                    similarity: coalition_similarity(shape, other_shape),
                })
                .collect();
            // Coalitions are already in id order, so a stable sort keeps ties by id.
            peers.sort_by(|x, y| y.similarity.total_cmp(&x.similarity));
            peers.truncate(N_PEERS);
            figures.peers = peers;
            Ok(figures)
        })
        .collect();
    figures
}

fn figures(
    network: &Network,
    profile: &Profile,
    coalition: CoalitionId,
    shape: &CoalitionShape,
    at: Option<Date>,
) -> Result<CoalitionFigures, AnalysisError> {
    let members = distinct_members(network, coalition, at);
    let n_members = members.len();
    let government_share = (n_members > 0).then(|| shape.share(0));
    let sectors_present: Vec<Sector> = QUADRUPLE_HELIX
        .iter()
        .copied()
        .filter(|&s| shape.sector_counts[sector_slot(Some(s))] > 0)
        .collect();
    let missing_sectors: Vec<Sector> = Sector::ALL
        .iter()
        .copied()
        .filter(|&s| s != Sector::Hybrid)
        .filter(|&s| profile.expected_sector(s).is_some_and(|n| n > 0))
        .filter(|&s| shape.sector_counts[sector_slot(Some(s))] == 0)
        .collect();
    let mut ministries: BTreeSet<ActorId> = BTreeSet::new();
    for &member in &members {
        let chain = std::iter::successors(Some(member), |&a| network.actor(a).parent);
        ministries.extend(chain.filter(|&a| is_ministry(network, a)));
    }
    let c = network.coalition(coalition);
    let cofinancing_ratio = match (c.cofinancing, c.national_contribution) {
        (Some(cofinancing), Some(national)) if national > 0.0 => Some(cofinancing / national),
        _ => None,
    };
    let spec = ViewSpec::coalition(coalition)
        .with_layers(LayerChoice::explicit_layers(network))
        .with_at(at);
    let view = View::build(network, &spec)
        .map_err(|error| AnalysisError::InvalidParameter(error.to_string()))?;
    let n_ties = view.n_ties();
    let (density, centralization) = if n_ties == 0 {
        (None, None)
    } else {
        let (density, centralization) = super::structure::density_and_degree_centralization(&view);
        (Some(density), centralization)
    };
    Ok(CoalitionFigures {
        coalition,
        n_members,
        government_share,
        sectors_present,
        n_ministries: ministries.len(),
        national_contribution: c.national_contribution,
        cofinancing_ratio,
        n_ties,
        density,
        centralization,
        missing_sectors,
        peers: Vec::new(),
    })
}

const QUADRUPLE_HELIX: [Sector; 5] = [
    Sector::Government,
    Sector::Business,
    Sector::Knowledge,
    Sector::CivilSociety,
    Sector::Citizens,
];

fn sector_slot(sector: Option<Sector>) -> usize {
    match sector {
        Some(Sector::Government) => 0,
        Some(Sector::Business) => 1,
        Some(Sector::Knowledge) => 2,
        Some(Sector::CivilSociety) => 3,
        Some(Sector::Citizens) => 4,
        Some(Sector::Hybrid) => 5,
        None => 6,
    }
}

/// The coalition's distinct parties on `at` (every date when `None`), ascending: its members but
/// its own programme ([`Role::is_party`](crate::model::Role::is_party)).
fn distinct_members(network: &Network, coalition: CoalitionId, at: Option<Date>) -> Vec<ActorId> {
    let mut members: Vec<ActorId> = network
        .parties_of(coalition)
        .filter(|m| at.is_none_or(|date| m.validity.contains(date)))
        .map(|m| m.actor)
        .collect();
    members.sort_unstable();
    members.dedup();
    members
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(words: &[&str], counts: [usize; 7]) -> CoalitionShape {
        CoalitionShape {
            words: words.iter().map(|w| (*w).to_owned()).collect(),
            n_members: counts.iter().sum(),
            sector_counts: counts,
        }
    }

    #[test]
    fn similarity_is_one_for_twins_and_falls_with_differences() {
        let a = shape(&["wonen", "zorg"], [4, 1, 0, 0, 0, 0, 0]);
        assert!((coalition_similarity(&a, &a) - 1.0).abs() < 1e-12);
        let b = shape(&["zorg"], [2, 0, 0, 0, 0, 0, 0]);
        // theme 1/2; size 2/5; government 1 - |0.8 - 1| = 0.8; mix 1 - ½(0.2 + 0.2) = 0.8.
        let expected = (0.5 + (0.4 + 0.8 + 0.8) / 3.0) / 2.0;
        assert!((coalition_similarity(&a, &b) - expected).abs() < 1e-12);
        assert!((coalition_similarity(&b, &a) - expected).abs() < 1e-12);
        let empty = shape(&[], [0; 7]);
        assert!((0.0..=1.0).contains(&coalition_similarity(&a, &empty)));
    }
}
