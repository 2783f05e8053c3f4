//! Usual and unusual suspects of one coalition (DESIGN §4.5): which sectors and kinds of parties
//! are missing or thin, which ministries its themes call for, which members only signed, and
//! which outside actors to invite, ranked with the facts behind each score.
//!
//! The evaluations of the Regio Deals found that most deals stayed with the usual suspects —
//! mostly governments — and urged involving businesses, education, cultural institutions, youth
//! centres and residents; that involvement is not commitment ("the chicken is involved, the pig
//! is committed"); and that ministries beyond the envelope holders bring content knowledge.

use std::collections::{BTreeMap, BTreeSet};

use super::centrality::{PowerIterationConfig, personalized_pagerank};
use super::engagement::tied_through_units;
use super::error::AnalysisError;
use crate::model::Profile;
use crate::model::{
    ActorId, CoalitionId, Date, Level, Membership, Network, Relation, Role, Sector, Side,
};
use crate::view::{LayerChoice, TieWeight, View, ViewSpec};

/// What a coverage line counts: a sector or a `kind`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Category {
    /// Members of a sector.
    Sector(Sector),
    /// Members of a kind (lower-case).
    Kind(String),
}

impl Category {
    /// The label used in outputs: the sector's name (`citizens`), or `kind:` and the kind
    /// (`kind:youth_centre`).
    pub fn label(&self) -> String {
        match self {
            Category::Sector(sector) => sector.as_str().to_owned(),
            Category::Kind(kind) => format!("kind:{kind}"),
        }
    }
}

/// How well a category is covered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize), serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CoverageStatus {
    /// No member of the category.
    Missing,
    /// Fewer members than expected, or present only through members with role `involved`.
    Thin,
    /// As many as expected, at least one of them more than involved.
    Ok,
}

impl CoverageStatus {
    /// `missing`, `thin` or `ok`.
    pub fn as_str(self) -> &'static str {
        match self {
            CoverageStatus::Missing => "missing",
            CoverageStatus::Thin => "thin",
            CoverageStatus::Ok => "ok",
        }
    }

    /// The gap a candidate of this category fills: 1 when missing, 0.5 when thin, else 0.
    pub fn gap_fill(self) -> f64 {
        match self {
            CoverageStatus::Missing => 1.0,
            CoverageStatus::Thin => 0.5,
            CoverageStatus::Ok => 0.0,
        }
    }
}

/// One line of coverage: a category the profile expects, and how many members it has.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CoverageLine {
    /// The sector or kind.
    pub category: Category,
    /// How many members the profile expects.
    pub expected: u32,
    /// How many distinct members the coalition has in it (any role).
    pub present: u32,
    /// Of those, how many have a role other than `involved`.
    pub committed: u32,
    /// `missing` when none, `thin` when fewer than expected or none committed, else `ok`.
    pub status: CoverageStatus,
}

/// A ministry that the coalition's themes call for but that is not at the table: neither it nor
/// any actor below it is a member.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct MissingMinistry {
    /// The ministry as the profile writes it (`IenW`, or `min_ienw` in a profile keyed by ids).
    pub ministry: String,
    /// The workspace's ministry with that name ([`Network::ministries_named`]; the first by id
    /// when several answer to it), or `None` when the workspace has none: it is then reported
    /// by its written name alone.
    pub actor: Option<ActorId>,
    /// The coalition's themes that point at it, in the coalition's order.
    pub themes: Vec<String>,
}

/// A candidate to invite: an actor outside the coalition with its score and the facts behind it.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Candidate {
    /// The actor.
    pub actor: ActorId,
    /// `w_gap·gap_fill + w_prox·proximity + w_theme·theme_match + w_region·region_match`.
    pub score: f64,
    /// 1 when its sector (or a kind the profile asks for) is missing, 0.5 when thin, else 0.
    pub gap_fill: f64,
    /// Personalized PageRank from the members, divided by the largest among the candidates.
    pub proximity: f64,
    /// Jaccard similarity of its theme words and the coalition's.
    pub theme_match: f64,
    /// 1 when it shares a parent-chain ancestor below national level with a member, else 0.
    pub region_match: f64,
    /// Why, as facts: what the sentence of the report is made of.
    pub reason: CandidateReason,
}

/// The facts behind a candidate's score.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CandidateReason {
    /// The categories it would fill, with their status (only `missing` and `thin` ones), the
    /// worst first.
    pub gaps: Vec<(Category, CoverageStatus)>,
    /// Members it has an explicit relation with (any layer, either direction), strongest tie
    /// first, then by id.
    pub works_with: Vec<ActorId>,
    /// Members it shares another coalition with (no explicit relation), most shared first,
    /// then by id.
    pub co_members: Vec<ActorId>,
    /// Theme words it shares with the coalition, sorted.
    pub shared_words: Vec<String>,
    /// The nearest ancestor (itself included) below national level that a member also has in
    /// its chain, and that member (the first by id).
    pub shared_region: Option<(ActorId, ActorId)>,
}

/// What `suspects` finds for one coalition.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Suspects {
    /// The coalition.
    pub coalition: CoalitionId,
    /// Number of distinct members.
    pub n_members: usize,
    /// One line per sector, then per kind, the profile expects.
    pub coverage: Vec<CoverageLine>,
    /// Ministries called for by the themes that are not at the table, in the profile's order
    /// (by the names as written, ignoring case).
    pub missing_ministries: Vec<MissingMinistry>,
    /// Members whose only tie to the coalition is a signature, by actor id: every role
    /// `signatory`, no contribution, and no working relation of their own or of a unit below
    /// them (see [`suspects`], step 3).
    pub weakly_engaged: Vec<ActorId>,
    /// Every actor outside the coalition, best first (ties by id).
    pub candidates: Vec<Candidate>,
}

/// Finds the coverage gaps, missing ministries, weakly engaged members and ranked candidates of
/// `coalition` (DESIGN §4.5), on `at`: memberships and relations that do not hold on that date
/// do not count (every one when `None`).
///
/// 1. **Coverage.** For each sector and kind the profile expects, the number of distinct
///    members in it: `missing` when none, `thin` when fewer than expected or present only
///    through members whose every role is `involved`, else `ok`. A `hybrid` member counts for
///    no sector.
/// 2. **Missing ministries.** Every theme of the coalition is matched against the profile's
///    theme → ministry map (a keyword anywhere in the theme, ignoring case). The map names a
///    ministry by abbreviation, name or id; [`Network::ministries_named`] finds the workspace's
///    ministries ([`Network::is_ministry`]) that answer to it, ignoring case. A called-for
///    ministry is missing when none of them, nor any actor below one in the parent chain, is a
///    member; a name no ministry of the workspace answers to is missing under its written name.
/// 3. **Weakly engaged.** Members whose only tie to the coalition is a signature: every role
///    `signatory`, no contribution > 0, and no explicit relation (any layer, any date) with
///    another member, neither their own nor one of a unit below them in the parent chain that
///    acts for them: a unit that did not sign the coalition itself (BZK's accounthouder, LNV's
///    dealmaker) engages the organisations above it up to the first that signed; a signatory
///    speaks for itself, so the ties of a municipality that signed do not engage its province.
///    Shared membership does not count. "Involved, not committed."
/// 4. **Candidates.** Every actor outside the coalition's scope — neither a member nor a unit
///    of one ([`Network::with_units_below`]: a directorate of a signing ministry is at the
///    table already) — scored
///    `w_g·gap_fill + w_p·proximity + w_t·theme_match + w_r·region_match` with the profile's
///    weights (0.4, 0.3, 0.2, 0.1 by default): gap_fill = 1 when the candidate's sector or a
///    kind the profile asks for is missing, 0.5 when thin, else 0 (the larger when both
///    apply); proximity = personalized PageRank (α = 0.85, Haveliwala 2002) restarting
///    uniformly at the members, on the whole network with every layer and `comembership`,
///    divided by the largest value among the candidates (0 for all when that is 0); theme_match
///    = Jaccard similarity of [`theme_words`] of the candidate's and the coalition's themes
///    (0 when both are empty); region_match = 1 when the candidate and a member share an
///    ancestor-or-self whose level is below national (provincial, regional, municipal, local;
///    or no level on the region side). Sorted by score, best first, ties by actor id.
///
/// # Errors
/// [`AnalysisError::NotConverged`] should the PageRank iteration not converge (it converges
/// geometrically with rate α, so this does not happen in practice).
///
/// # Complexity
/// O(n + m + p) for n actors, m relations and p pairs of co-members (the view), plus
/// O(m) per PageRank iteration.
pub fn suspects(
    network: &Network,
    coalition: CoalitionId,
    profile: &Profile,
    at: Option<Date>,
) -> Result<Suspects, AnalysisError> {
    let members = Members::of(network, coalition, at);
    let coverage = coverage(network, &members, profile);
    let missing_ministries = missing_ministries(network, coalition, &members, profile);
    let ties = ExplicitTies::of(network, &members, at);
    let engaged = tied_through_units(network, coalition, &members.is_member, at, |_, _| true);
    let weakly_engaged = members
        .ids
        .iter()
        .copied()
        .filter(|&actor| {
            let i = actor.index();
            members.only_signatory[i] && !members.contributes[i] && !engaged[i]
        })
        .collect();
    let candidates = candidates(network, coalition, &members, &coverage, &ties, profile, at)?;
    Ok(Suspects {
        coalition,
        n_members: members.ids.len(),
        coverage,
        missing_ministries,
        weakly_engaged,
        candidates,
    })
}

/// The theme words of a list of themes: the lower-cased words (runs of letters) of at least four
/// letters. `"Onderwijs-arbeidsmarkt; CO2-reductie"` gives `arbeidsmarkt`, `onderwijs`,
/// `reductie`.
pub fn theme_words<S: AsRef<str>>(themes: &[S]) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for theme in themes {
        for word in theme.as_ref().split(|c: char| !c.is_alphabetic()) {
            if word.chars().count() >= 4 {
                words.insert(word.to_lowercase());
            }
        }
    }
    words
}

/// Jaccard similarity |A ∩ B| / |A ∪ B| of two word sets; 0 when both are empty.
pub fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let shared = a.intersection(b).count();
    let union = a.len() + b.len() - shared;
    if union == 0 { 0.0 } else { shared as f64 / union as f64 }
}

/// Whether `actor` is a ministry: [`Network::is_ministry`], the one rule (its `kind` is
/// `ministry`, or it has no kind and sits directly under the national root).
pub fn is_ministry(network: &Network, actor: ActorId) -> bool {
    network.is_ministry(actor)
}

/// The members of one coalition and what their memberships say.
struct Members {
    /// Distinct members, by actor id.
    ids: Vec<ActorId>,
    /// Per actor: a member.
    is_member: Vec<bool>,
    /// Per actor: every membership role in the coalition is `involved`.
    only_involved: Vec<bool>,
    /// Per actor: every membership role in the coalition is `signatory`.
    only_signatory: Vec<bool>,
    /// Per actor: some membership has a contribution > 0.
    contributes: Vec<bool>,
}

impl Members {
    fn of(network: &Network, coalition: CoalitionId, at: Option<Date>) -> Members {
        let n = network.actors().len();
        let mut is_member = vec![false; n];
        let mut only_involved = vec![true; n];
        let mut only_signatory = vec![true; n];
        let mut contributes = vec![false; n];
        let holds = |m: &&Membership| at.is_none_or(|date| m.validity.contains(date));
        for membership in network.parties_of(coalition).filter(holds) {
            let i = membership.actor.index();
            is_member[i] = true;
            only_involved[i] &= membership.role == Role::Involved;
            only_signatory[i] &= membership.role == Role::Signatory;
            contributes[i] |= membership.contribution.is_some_and(|c| c > 0.0);
        }
        let ids =
            network.actor_ids_by_key().iter().copied().filter(|a| is_member[a.index()]).collect();
        Members { ids, is_member, only_involved, only_signatory, contributes }
    }
}

/// Explicit relations that touch the coalition's members.
struct ExplicitTies {
    /// Per non-member: the members it is tied to, with the summed weight of the ties.
    partners: Vec<Vec<(ActorId, f64)>>,
}

impl ExplicitTies {
    fn of(network: &Network, members: &Members, at: Option<Date>) -> ExplicitTies {
        let n = network.actors().len();
        let mut partners: Vec<Vec<(ActorId, f64)>> = vec![Vec::new(); n];
        let holds = |r: &&Relation| at.is_none_or(|date| r.validity.contains(date));
        for relation in network.relations().iter().filter(holds) {
            let (a, b) = (relation.source, relation.target);
            if a == b {
                continue;
            }
            for (this, other) in [(a, b), (b, a)] {
                if !members.is_member[other.index()] || members.is_member[this.index()] {
                    continue;
                }
                let list = &mut partners[this.index()];
                match list.iter_mut().find(|(m, _)| *m == other) {
                    Some((_, weight)) => *weight += relation.weight,
                    None => list.push((other, relation.weight)),
                }
            }
        }
        ExplicitTies { partners }
    }
}

fn coverage(network: &Network, members: &Members, profile: &Profile) -> Vec<CoverageLine> {
    let line = |category: Category, expected: u32, in_category: &dyn Fn(ActorId) -> bool| {
        let mut present = 0u32;
        let mut committed = 0u32;
        for &member in &members.ids {
            if in_category(member) {
                present += 1;
                if !members.only_involved[member.index()] {
                    committed += 1;
                }
            }
        }
        let status = if present == 0 {
            CoverageStatus::Missing
        } else if present < expected || committed == 0 {
            CoverageStatus::Thin
        } else {
            CoverageStatus::Ok
        };
        CoverageLine { category, expected, present, committed, status }
    };
    let mut lines = Vec::new();
    for &(sector, expected) in &profile.sectors {
        if expected == 0 || sector == Sector::Hybrid {
            continue;
        }
        lines.push(line(Category::Sector(sector), expected, &|a| {
            network.actor(a).sector == Some(sector)
        }));
    }
    for (kind, expected) in &profile.kinds {
        if *expected == 0 {
            continue;
        }
        lines.push(line(Category::Kind(kind.to_lowercase()), *expected, &|a| {
            network.actor(a).kind.as_deref().is_some_and(|k| k.eq_ignore_ascii_case(kind))
        }));
    }
    lines
}

fn missing_ministries(
    network: &Network,
    coalition: CoalitionId,
    members: &Members,
    profile: &Profile,
) -> Vec<MissingMinistry> {
    // A ministry is at the table when it, or any actor below it, is a member.
    let mut present = vec![false; network.actors().len()];
    for &member in &members.ids {
        for ancestor in ancestors_or_self(network, member) {
            present[ancestor.index()] = true;
        }
    }
    let mut missing: Vec<MissingMinistry> = Vec::new();
    for theme in &network.coalition(coalition).themes {
        for ministry in profile.ministries_for_theme(theme) {
            let actors = network.ministries_named(ministry);
            // The ministry of another era counts too: EZ or KGG at the table for EZK, LNV for
            // LVVN ([`Network::lineage`]).
            if actors.iter().any(|&a| network.lineage(a).iter().any(|l| present[l.index()])) {
                continue;
            }
            match missing.iter_mut().find(|m| m.ministry == ministry) {
                Some(entry) => {
                    if !entry.themes.contains(theme) {
                        entry.themes.push(theme.clone());
                    }
                }
                None => missing.push(MissingMinistry {
                    ministry: ministry.to_owned(),
                    actor: actors.first().copied(),
                    themes: vec![theme.clone()],
                }),
            }
        }
    }
    // In the profile's order: by the names as written, ignoring case.
    let order = |name: &str| profile.ministries.iter().position(|rule| rule.ministry == name);
    missing.sort_by(|a, b| {
        order(&a.ministry).cmp(&order(&b.ministry)).then_with(|| a.ministry.cmp(&b.ministry))
    });
    missing
}

/// The actor and its ancestors, nearest first.
fn ancestors_or_self(network: &Network, actor: ActorId) -> impl Iterator<Item = ActorId> + '_ {
    std::iter::successors(Some(actor), move |&a| network.actor(a).parent)
}

/// Whether an actor can anchor a shared region: below national level, or without a level on
/// the region side.
fn is_regional(network: &Network, actor: ActorId) -> bool {
    match network.actor(actor).level {
        Some(level) => level > Level::National,
        None => network.side(actor) == Side::Region,
    }
}

fn candidates(
    network: &Network,
    coalition: CoalitionId,
    members: &Members,
    coverage: &[CoverageLine],
    ties: &ExplicitTies,
    profile: &Profile,
    at: Option<Date>,
) -> Result<Vec<Candidate>, AnalysisError> {
    let proximity = proximity(network, members, at)?;
    let coalition_words = theme_words(&network.coalition(coalition).themes);
    // Each regional ancestor of a member, with the first member (by id) below it.
    let mut regional_ancestors: BTreeMap<ActorId, ActorId> = BTreeMap::new();
    for &member in &members.ids {
        for ancestor in ancestors_or_self(network, member).filter(|&a| is_regional(network, a)) {
            regional_ancestors.entry(ancestor).or_insert(member);
        }
    }
    let co_members = co_members(network, coalition, members);
    let weights = profile.weights;
    // The coalition's parties — members and their units — are at the table already.
    let in_scope = network.with_units_below(&members.is_member);
    // A coalition's own programme (this one's or another's) is no party to invite.
    let mut programme = vec![false; network.actors().len()];
    for membership in network.memberships() {
        programme[membership.actor.index()] |= membership.role == Role::Programme;
    }
    let mut candidates: Vec<Candidate> = Vec::new();
    for actor in network.actor_ids() {
        if in_scope[actor.index()] || programme[actor.index()] {
            continue;
        }
        let a = network.actor(actor);
        let mut gaps: Vec<(Category, CoverageStatus)> = coverage
            .iter()
            .filter(|line| line.status != CoverageStatus::Ok)
            .filter(|line| match &line.category {
                Category::Sector(sector) => a.sector == Some(*sector),
                Category::Kind(kind) => {
                    a.kind.as_deref().is_some_and(|k| k.eq_ignore_ascii_case(kind))
                }
            })
            .map(|line| (line.category.clone(), line.status))
            .collect();
        gaps.sort_by_key(|(_, status)| *status);
        let gap_fill = gaps.first().map_or(0.0, |(_, status)| status.gap_fill());
        let words = theme_words(&a.themes);
        let theme_match = jaccard(&words, &coalition_words);
        let shared_words = words.intersection(&coalition_words).cloned().collect();
        let shared_region = ancestors_or_self(network, actor)
            .find_map(|ancestor| regional_ancestors.get(&ancestor).map(|&m| (ancestor, m)));
        let region_match = if shared_region.is_some() { 1.0 } else { 0.0 };
        let proximity = proximity[actor.index()];
        let score = weights.gap_fill * gap_fill
            + weights.proximity * proximity
            + weights.theme_match * theme_match
            + weights.region_match * region_match;
        let mut works_with = ties.partners[actor.index()].clone();
        works_with.sort_by(|(a, wa), (b, wb)| {
            wb.total_cmp(wa).then_with(|| network.actor(*a).key.cmp(&network.actor(*b).key))
        });
        let works_with: Vec<ActorId> = works_with.into_iter().map(|(m, _)| m).collect();
        let mut shared = co_members[actor.index()].clone();
        shared.retain(|(m, _)| !works_with.contains(m));
        shared.sort_by(|(a, na), (b, nb)| {
            nb.cmp(na).then_with(|| network.actor(*a).key.cmp(&network.actor(*b).key))
        });
        candidates.push(Candidate {
            actor,
            score,
            gap_fill,
            proximity,
            theme_match,
            region_match,
            reason: CandidateReason {
                gaps,
                works_with,
                co_members: shared.into_iter().map(|(m, _)| m).collect(),
                shared_words,
                shared_region,
            },
        });
    }
    candidates.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| network.actor(x.actor).key.cmp(&network.actor(y.actor).key))
    });
    Ok(candidates)
}

/// Personalized PageRank from the members over the whole network, scaled so that the largest
/// value among non-members is 1; per actor (members get their raw scaled value, unused).
fn proximity(
    network: &Network,
    members: &Members,
    at: Option<Date>,
) -> Result<Vec<f64>, AnalysisError> {
    let n = network.actors().len();
    if members.ids.is_empty() {
        return Ok(vec![0.0; n]);
    }
    // Every layer plus comembership, all actors: closeness through working relations and
    // through the deals a candidate shares with the members.
    let layers = LayerChoice::explicit_layers(network).chain([LayerChoice::Comembership]);
    let spec = ViewSpec::default().with_layers(layers).with_at(at).with_weight(TieWeight::Weight);
    let view = View::build(network, &spec)
        .map_err(|error| AnalysisError::InvalidParameter(error.to_string()))?;
    let personalization: Vec<f64> = view
        .actors()
        .iter()
        .map(|a| if members.is_member[a.index()] { 1.0 } else { 0.0 })
        .collect();
    let ranks = personalized_pagerank(&view, &PowerIterationConfig::default(), &personalization)?;
    let mut by_actor = vec![0.0; n];
    for (node, value) in ranks.iter().enumerate() {
        by_actor[view.actor(node as u32).index()] = *value;
    }
    let largest =
        (0..n).filter(|&i| !members.is_member[i]).map(|i| by_actor[i]).fold(0.0_f64, f64::max);
    if largest > 0.0 {
        by_actor.iter_mut().for_each(|v| *v /= largest);
    } else {
        by_actor.iter_mut().for_each(|v| *v = 0.0);
    }
    Ok(by_actor)
}

/// Per non-member: the members it shares another coalition with, and how many coalitions.
fn co_members(
    network: &Network,
    coalition: CoalitionId,
    members: &Members,
) -> Vec<Vec<(ActorId, u32)>> {
    let n = network.actors().len();
    let mut by_coalition: Vec<Vec<ActorId>> = vec![Vec::new(); network.coalitions().len()];
    for membership in network.memberships() {
        if membership.coalition != coalition && membership.role.is_party() {
            by_coalition[membership.coalition.index()].push(membership.actor);
        }
    }
    let mut shared: Vec<Vec<(ActorId, u32)>> = vec![Vec::new(); n];
    for list in &mut by_coalition {
        list.sort_unstable();
        list.dedup();
        let inside: Vec<ActorId> =
            list.iter().copied().filter(|a| members.is_member[a.index()]).collect();
        if inside.is_empty() {
            continue;
        }
        for &outsider in list.iter().filter(|a| !members.is_member[a.index()]) {
            let entry = &mut shared[outsider.index()];
            for &member in &inside {
                match entry.iter_mut().find(|(m, _)| *m == member) {
                    Some((_, count)) => *count += 1,
                    None => entry.push((member, 1)),
                }
            }
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_words_are_lower_case_words_of_four_letters_or_more() {
        let words = theme_words(&["Onderwijs-arbeidsmarkt; CO2-reductie", "wonen en zorg"]);
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        assert_eq!(words, ["arbeidsmarkt", "onderwijs", "reductie", "wonen", "zorg"]);
        let a = theme_words(&["wonen", "zorg"]);
        let b = theme_words(&["zorg en welzijn"]);
        assert!((jaccard(&a, &b) - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(jaccard(&BTreeSet::new(), &BTreeSet::new()), 0.0);
    }

    #[test]
    fn coverage_statuses_order_worst_first() {
        assert!(CoverageStatus::Missing < CoverageStatus::Thin);
        assert_eq!(CoverageStatus::Thin.gap_fill(), 0.5);
        assert_eq!(Category::Kind("youth_centre".into()).label(), "kind:youth_centre");
    }
}
