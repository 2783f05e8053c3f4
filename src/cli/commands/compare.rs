//! `stakenet compare`: one row of figures per coalition, with suggested peer-review partners.

use std::path::PathBuf;

use clap::Args;

use super::super::options::{AtArgs, ListFormat, OutputArgs, ThreadsArgs, WorkspaceArgs};
use super::super::{Failure, Outcome, Workspace, config};
use super::suspects::profile;
use stakenet::analysis::{Moment, MomentBasis, compare, moment};
use stakenet::render::{compare_json, compare_records, json::to_pretty};

pub(crate) const HELP: &str = "\
Columns:
  members                distinct members (any role)
  government_share       share of members in the government sector
  sectors_present        how many of government, business, knowledge, civil_society, citizens
                         have a member (hybrid bodies count for none)
  ministries             distinct ministries at the table (kind ministry, or one above a member)
  national_contribution  as in coalitions.csv
  cofinancing_ratio      cofinancing / national_contribution
  ties                   relations among the coalition's members and their units (a
                         directorate of a signing ministry counts for it), every layer of
                         relations.csv; shared membership is not a tie here (it would tie every
                         member to every other)
  density, centralization
                         density and Freeman degree centralization of those ties; empty (and
                         'no relations recorded' in the report) when there are none
  missing_sectors        sectors the profile expects with no member
  peers                  the three most similar coalitions, as peer-review partners

Similarity of two coalitions, in [0, 1]: the mean of theme similarity (Jaccard similarity of
their theme words of 4+ letters; 0 when either has no themes) and structural closeness (the mean
of size closeness min(n1, n2) / max(n1, n2), government-share closeness 1 - |g1 - g2| and
sector-mix closeness 1 - the total-variation distance of their members' sector shares).

Date: each coalition is described on --at DATE, or by default today (the latest date in the
data when that is earlier); a deal that ended before it on its last day, one that starts after
it on its first. Memberships and relations that do not hold on that date do not count.

--profile FILE sets the expected sectors (see `stakenet suspects --help` for the format).

Examples:
  stakenet compare
  stakenet compare --format csv -o deals.csv";

/// `stakenet compare`.
#[derive(Debug, Args)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct CompareArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    /// Read the expected sectors from this TOML profile instead of the default quadruple helix.
    #[arg(long, value_name = "FILE")]
    pub(crate) profile: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) at: AtArgs,
    #[command(flatten)]
    pub(crate) threads: ThreadsArgs,
    /// Output format [default: table on a terminal, csv otherwise].
    #[arg(long, value_enum)]
    pub(crate) format: Option<ListFormat>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

/// Reads the profile and the workspace, compares, renders.
pub(crate) fn run(args: &CompareArgs) -> Outcome {
    config::threads(&args.threads)?;
    let profile = profile(args.profile.as_deref())?;
    let format = config::list_format("compare", args.format, &args.output)?;
    let mut workspace = Workspace::open(&args.workspace)?;
    // The profile is an input too: -o never writes over it.
    workspace.inputs.extend(args.profile.iter().cloned());
    let network = &workspace.network;
    let moment = moment(network, config::at(&args.at)?, config::today());
    let rows = compare(network, &profile, moment).map_err(Failure::analysis)?;
    let text = match format {
        ListFormat::Csv => compare_records(network, &rows).to_csv(),
        ListFormat::Table => {
            let mut table = compare_records(network, &rows).to_table();
            table.push_str(&format!("\n{}", moment_note(&moment)));
            let without = rows.iter().filter(|row| row.n_ties == 0).count();
            if without > 0 {
                table.push_str(&format!(
                    "\nties: relations among a coalition's members and their units (shared \
                     membership not counted); density and centralization are blank for the \
                     {without} coalition(s) with no relations recorded\n"
                ));
            }
            table
        }
        ListFormat::Json => to_pretty(&compare_json(network, &rows)),
        ListFormat::Xlsx => {
            let sheets = [("coalitions", compare_records(network, &rows))];
            return workspace.emit_workbook(&args.output, &sheets);
        }
    };
    workspace.emit(&args.output, &text)
}

/// The date the comparison describes, in one line under the table.
fn moment_note(moment: &Moment) -> String {
    let ended = if moment.basis == MomentBasis::Asked {
        ""
    } else {
        " (a deal that ended before it is described on its last day, one that starts after it \
         on its first)"
    };
    format!("{}{ended}\n", moment.sentence())
}
