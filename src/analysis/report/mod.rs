//! The report (`stakenet report`): every analysis of the whole network and of each chosen
//! coalition, gathered in one [`Report`] that a renderer turns into a page
//! ([`render::report_files`](crate::render::report_files) writes the HTML report and the data
//! files behind it).
//!
//! `overview.rs` computes the figures about the whole network, `coalition.rs` those about one
//! coalition (with why a section has no figures: [`AsymmetryFinding`],
//! [`InterdependenceFinding`]), `model.rs` holds the result types and `error.rs` the error.

mod change;
mod coalition;
mod config;
mod error;
mod model;
mod overview;

use rayon::prelude::*;

pub use config::{Baseline, ReportConfig};
pub use error::ReportError;
pub use model::{
    AsymmetryFinding, BaselineFinding, CoalitionChange, CoalitionReport, InterdependenceFinding,
    Overview, Report, ReportSource,
};

use super::{Moment, Progress};
use crate::model::{CoalitionId, Network};

/// The report on `network`: the [`Overview`] of the whole network (which always covers every
/// coalition), then one [`CoalitionReport`] per entry of `coalitions`, in the order given (ask
/// for each coalition once; [`all_coalitions`] gives every one by id). `profile` sets the
/// expected sectors, the theme → ministry map and the candidate weights of `compare` and
/// `suspects`; `source` is stored in the report as given, for the page to name the workspace and
/// the commands behind each section.
///
/// The report describes `moment` (see [`moment`](super::moment): the date asked for, else
/// today or the latest date in the data): relations and memberships that do not hold on it do
/// not count. Each coalition is described on that date moved into its term
/// ([`coalition_moment`](super::coalition_moment)), on the view of its members and their units
/// over the explicit layers — as the commands give with `--coalition` and `--at` — never shared
/// membership, which would tie every member to every other; interdependence reads the layer
/// [`dependence_layer`](super::dependence_layer) chooses, with the default α. The coalitions are computed in parallel; the result is the same at any thread
/// count.
///
/// `progress` counts coalitions: once the overview is done it is told that
/// `coalitions.len()` are planned ([`Progress::planned`]), then of each one finished
/// ([`Progress::done`]), from worker threads in no fixed order. Pass `&()` for none.
///
/// [`render::report_files`](crate::render::report_files) turns the report into the page and the
/// files behind it (strings; writing them is the caller's).
///
/// # Errors
///
/// [`ReportError::View`] when a view cannot be built (too large for its indices);
/// [`ReportError::Analysis`] when an analysis fails (such as a power iteration that does not
/// converge). A dependence layer that the interdependence analysis refuses is no error: the
/// coalition's [`InterdependenceFinding::Refused`] says why.
///
/// # Examples
///
/// ```
/// use stakenet::analysis::{Moment, Profile, ReportSource, all_coalitions, report};
/// use stakenet::model::Date;
/// use stakenet::io::BUNDLED_NAME;
/// use stakenet::render::report_files;
/// use stakenet::{Source, load};
///
/// let network = load(&Source::Bundled).expect("the bundled workspace is valid");
/// let first_two = &all_coalitions(&network)[..2];
/// let source = ReportSource { workspace: BUNDLED_NAME.to_owned(), ..ReportSource::default() };
/// let at = Moment::asked(Date::from_ymd_opt(2024, 1, 1).expect("a date"));
/// let report = report(&network, &Profile::default(), first_two, source, at, &())
///     .expect("the bundled workspace can be reported on");
/// assert_eq!(report.coalitions.len(), 2);
/// assert_eq!(report.coalitions[0].coalition, first_two[0]);
///
/// let files = report_files(&network, &report);
/// let page = &files[0];
/// assert_eq!(page.path, "index.html");
/// assert_eq!(page.contents.matches("<section class=\"coalition\"").count(), 2);
/// ```
pub fn report(
    network: &Network,
    profile: &super::Profile,
    coalitions: &[CoalitionId],
    source: ReportSource,
    moment: Moment,
    progress: &impl Progress,
) -> Result<Report, ReportError> {
    report_with(network, profile, coalitions, source, moment, &ReportConfig::default(), progress)
}

/// [`report`] with a [`ReportConfig`]: with a [`Baseline`], each coalition's
/// [`CoalitionReport::since_baseline`] compares it with the baseline — the coalition on the
/// baseline date (which must be before the coalition's own date, else
/// [`BaselineFinding::NotEarlier`]), or the coalition of the same id in the baseline workspace
/// on the baseline's date moved into its term ([`BaselineFinding::Missing`] when it has none).
/// Each comparison is [`diff`](super::diff) of the coalition's view (members and their units,
/// the default layers) on the two dates, with betweenness sampled as the report's
/// `source.sample` says — what `stakenet diff --coalition` gives.
///
/// # Errors
///
/// As [`report`].
///
/// # Examples
///
/// ```
/// use stakenet::analysis::{
///     Baseline, BaselineFinding, Moment, Profile, ReportConfig, ReportSource, report_with,
/// };
/// use stakenet::model::Date;
/// use stakenet::{Source, load};
///
/// let network = load(&Source::Bundled).expect("the bundled workspace is valid");
/// let deal = network.coalition_id("rd5_achterhoek_ii").expect("a coalition");
/// let at = Moment::asked(Date::from_ymd_opt(2025, 1, 1).expect("a date"));
/// let baseline = Date::from_ymd_opt(2024, 1, 1).expect("a date");
/// let config = ReportConfig::default().with_baseline(Baseline::Date(baseline));
/// let report =
///     report_with(&network, &Profile::default(), &[deal], ReportSource::default(), at, &config, &())
///         .expect("the bundled workspace can be reported on");
/// let coalition = &report.coalitions[0];
/// // The deal follows Achterhoek I: compared with it, always.
/// assert_eq!(coalition.previous_deal.as_ref().expect("a previous deal").before_key, "rd_achterhoek");
/// // It started in September 2024: every party of it joined since the baseline.
/// let Some(BaselineFinding::Compared(change)) = &coalition.since_baseline else { panic!() };
/// let members = change.diff.members.as_ref().expect("both sides are the coalition");
/// assert_eq!(members.members_before, 0);
/// assert_eq!(members.joined.len(), members.members_after);
/// ```
pub fn report_with(
    network: &Network,
    profile: &super::Profile,
    coalitions: &[CoalitionId],
    source: ReportSource,
    moment: Moment,
    config: &ReportConfig<'_>,
    progress: &impl Progress,
) -> Result<Report, ReportError> {
    let sample = source.sample;
    let overview = overview::overview(network, profile, moment, sample)?;
    progress.planned(coalitions.len() as u64);
    let baseline = config.baseline.as_ref();
    let coalitions = coalitions
        .par_iter()
        .map(|&coalition| {
            let moments = (super::coalition_moment(network, coalition, moment), moment);
            let report =
                coalition::coalition_report(network, profile, coalition, moments, sample, baseline);
            progress.done(1);
            report
        })
        .collect::<Result<Vec<CoalitionReport>, ReportError>>()?;
    Ok(Report { source, moment, overview, coalitions })
}

/// Every coalition of `network`, ordered by id (its key, as in `coalitions.csv`): the
/// coalitions the report covers when the caller chooses none.
pub fn all_coalitions(network: &Network) -> Vec<CoalitionId> {
    let mut all: Vec<CoalitionId> = network.coalition_ids().collect();
    all.sort_by(|a, b| network.coalition(*a).key.cmp(&network.coalition(*b).key));
    all
}
