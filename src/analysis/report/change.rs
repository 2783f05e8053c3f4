//! A coalition's change in the report: since the baseline (an earlier date, or the same
//! coalition in a baseline workspace) and from the deal it follows, each the [`diff`] of the
//! earlier side's view to the coalition's, as `stakenet diff` computes it.

use super::config::Baseline;
use super::error::ReportError;
use super::model::{BaselineFinding, CoalitionChange};
use crate::analysis::{DiffConfig, DiffError, DiffSide, Moment, coalition_moment, diff};
use crate::model::{CoalitionId, Network};
use crate::view::ViewSpec;

/// The view `stakenet diff --coalition` compares: the coalition's members and their units, the
/// default layers, on the date.
fn side_spec(coalition: CoalitionId, moment: Moment) -> ViewSpec {
    ViewSpec::coalition(coalition).with_at(moment.date)
}

fn diff_error(error: DiffError) -> ReportError {
    match error {
        DiffError::View(e) => ReportError::View(e),
        DiffError::Analysis(e) => ReportError::Analysis(e),
    }
}

/// `before` (coalition `earlier` of `before_network` on `before_moment`) compared with
/// `coalition` of `network` on `moment`.
fn change(
    (before_network, earlier, before_moment): (&Network, CoalitionId, Moment),
    (network, coalition, moment): (&Network, CoalitionId, Moment),
    config: &DiffConfig,
) -> Result<CoalitionChange, ReportError> {
    let (spec_before, spec_after) =
        (side_spec(earlier, before_moment), side_spec(coalition, moment));
    let result = diff(
        DiffSide::new(before_network, &spec_before),
        DiffSide::new(network, &spec_after),
        config,
    )
    .map_err(diff_error)?;
    let c = before_network.coalition(earlier);
    Ok(CoalitionChange {
        before_key: c.key.clone(),
        before_name: c.name.clone(),
        other_workspace: !std::ptr::eq(before_network, network),
        before_moment,
        after_moment: moment,
        diff: result,
    })
}

/// The coalition since `baseline`: on the baseline date as given (it must be before the date
/// the coalition is described on), or the coalition of the same id in the baseline workspace
/// on the baseline's date moved into that coalition's term.
pub(super) fn since_baseline(
    network: &Network,
    coalition: CoalitionId,
    moment: Moment,
    baseline: &Baseline<'_>,
    config: &DiffConfig,
) -> Result<BaselineFinding, ReportError> {
    let (before_network, earlier, before_moment) = match baseline {
        Baseline::Date(date) => {
            if let Some(described) = moment.date.filter(|d| d <= date) {
                return Ok(BaselineFinding::NotEarlier { baseline: *date, described });
            }
            (network, coalition, Moment::asked(*date))
        }
        Baseline::Workspace { network: other, moment: asked, .. } => {
            let key = &network.coalition(coalition).key;
            let Some(earlier) = other.coalition_id(key) else {
                return Ok(BaselineFinding::Missing);
            };
            (*other, earlier, coalition_moment(other, earlier, *asked))
        }
    };
    let found =
        change((before_network, earlier, before_moment), (network, coalition, moment), config)?;
    Ok(BaselineFinding::Compared(Box::new(found)))
}

/// The deal `coalition` follows ([`Network::previous_deal`]) on `report_moment` moved into its
/// term, compared with `coalition` on `moment`; `None` when it follows none.
pub(super) fn previous_deal(
    network: &Network,
    coalition: CoalitionId,
    moment: Moment,
    report_moment: Moment,
    config: &DiffConfig,
) -> Result<Option<CoalitionChange>, ReportError> {
    let Some(previous) = network.previous_deal(coalition) else {
        return Ok(None);
    };
    let before = coalition_moment(network, previous, report_moment);
    change((network, previous, before), (network, coalition, moment), config).map(Some)
}
