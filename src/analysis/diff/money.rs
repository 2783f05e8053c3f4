//! Money before and after: the national contribution, co-financing and their shares
//! ([`coalition_finance`]), and the euros on the coalition's Rijk → region ties (the funding
//! layers' amounts its connectieplan counts).

use super::{DiffSide, FigureChange};
use crate::analysis::{
    AnalysisError, CoalitionFinance, Connectieplan, Moment, PlanConfig, coalition_finance,
    connectieplan,
};

/// The connectieplan of the side's coalition on its date, when the side is a coalition.
pub(crate) fn plan_of(side: DiffSide<'_>) -> Result<Option<Connectieplan>, AnalysisError> {
    let Some(coalition) = side.spec.scope.coalition() else {
        return Ok(None);
    };
    let moment = side.spec.at.map_or(Moment::any(), Moment::asked);
    connectieplan(side.network, coalition, &PlanConfig::default().with_moment(moment)).map(Some)
}

/// Σ of the amounts on the plan's Rijk–region ties (topics and general, each pair once).
fn rijk_region_euros(plan: &Connectieplan) -> Option<f64> {
    let mut seen = std::collections::BTreeMap::new();
    for tie in plan.topics.iter().flat_map(|t| &t.ties).chain(&plan.general) {
        if let Some(amount) = tie.amount {
            seen.insert((tie.rijk, tie.region), amount);
        }
    }
    (!seen.is_empty()).then(|| seen.values().sum())
}

/// The number of distinct (Rijk, region) pairs the plan ties: the ties between the Rijk and the
/// coalition's regional parties, on a topic or general, each pair once.
pub(crate) fn rijk_region_ties(plan: &Connectieplan) -> usize {
    let pairs: std::collections::BTreeSet<_> = plan
        .topics
        .iter()
        .flat_map(|t| &t.ties)
        .chain(&plan.general)
        .map(|tie| (tie.rijk, tie.region))
        .collect();
    pairs.len()
}

/// National contribution, co-financing, national share, co-financing ratio and the euros
/// between Rijk and region; empty unless a side is a coalition.
pub(crate) fn money_figures(
    before: DiffSide<'_>,
    after: DiffSide<'_>,
    plans: (Option<&Connectieplan>, Option<&Connectieplan>),
) -> Vec<FigureChange> {
    let finance = |side: DiffSide<'_>| -> Option<CoalitionFinance> {
        side.spec.scope.coalition().map(|c| coalition_finance(side.network, c))
    };
    let (fb, fa) = (finance(before), finance(after));
    if fb.is_none() && fa.is_none() {
        return Vec::new();
    }
    let (pb, pa) = plans;
    let pick = |f: fn(&CoalitionFinance) -> Option<f64>| {
        (fb.as_ref().and_then(f), fa.as_ref().and_then(f))
    };
    let rows = [
        ("national_contribution", pick(|f| f.national_contribution)),
        ("cofinancing", pick(|f| f.cofinancing)),
        ("national_share", pick(|f| f.national_share)),
        ("cofinancing_ratio", pick(|f| f.cofinancing_ratio)),
        ("rijk_region_euros", (pb.and_then(rijk_region_euros), pa.and_then(rijk_region_euros))),
    ];
    rows.into_iter().map(|(name, (x, y))| FigureChange::new(name, x, y)).collect()
}
