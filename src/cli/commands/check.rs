//! `stakenet check`: validate a workspace and summarize it.

use clap::{Args, ValueEnum};

use super::super::options::{OutputArgs, WorkspaceArgs};
use super::super::{Outcome, Workspace, config};
use stakenet::analysis::summarize;
use stakenet::render::{summary_json, summary_records, summary_table};

/// Output formats of the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum SummaryFormat {
    /// Aligned text for a terminal.
    Table,
    /// One JSON object.
    Json,
    /// An Excel workbook (sheets workspace, sectors and levels, layers, coalitions, roles);
    /// needs -o FILE.xlsx, and is chosen by that file name when --format is left out.
    Xlsx,
}

/// What `check --help` says about how workspace files may be written.
const FORMAT_HELP: &str = "\
Examples:
  stakenet check
  stakenet check my-region/ --format json -o summary.json
  stakenet check my-region/ --strict

How files may be written:
  A workspace is a folder with actors.csv (and relations.csv, coalitions.csv, members.csv), or
  one network.json. Files are UTF-8 (Excel: \"CSV UTF-8\"), separated by , ; or tab; Excel's
  sep=; first line is honoured.

  Numbers: one convention per file. Dutch when the file is ;-separated or a number cell has a
  decimal comma: a comma is the decimal sign and a dot groups thousands (750.000 = 750000,
  1.250 = 1250, 1.000.000,50), so 2.5 is refused. Otherwise English: a decimal point, and
  commas group thousands only where nothing else is meant (1,250,000 or 1,250.5; 1,250 is
  refused). --numbers nl|en decides for every file. Spaces may group thousands (1 250 000),
  and € or EUR is ignored.
  Dates: YYYY-MM-DD; in a Dutch-convention file also 31-12-2019, 1-3-2019 or 31/12/2019.
  True/false: yes/no, true/false, 1/0, ja/nee, waar/onwaar.

  Dutch column names:
    actors.csv     naam, niveau (bestuurslaag), onderdeel_van (ouder, valt_onder),
                   soort (type), themas (thema's, thema), invloed, afkorting
    relations.csv  bron (van), doel (naar), laag (soort), gericht, gewicht (sterkte),
                   bedrag, onderwerp (thema), vanaf (sinds), tot (tot_en_met)
    coalitions.csv naam, regio, themas (thema's, thema), rijksbijdrage, cofinanciering,
                   bestuur, begin (startdatum), eind (einde, einddatum)
    members.csv    coalitie (deal), partij, rol, bijdrage, vanaf (sinds), tot (tot_en_met)
  Column names ignore case, and a space or hyphen stands for _ (National contribution).
  Dutch values:
    sector  overheid, bedrijfsleven (bedrijf), kennisinstelling (kennis), maatschappelijk
            (maatschappelijke organisatie, maatschappelijk middenveld), burgers (inwoners),
            hybride
    level   europees, nationaal (rijk), provinciaal, regionaal, gemeentelijk, lokaal
    role    ondertekenaar, trekker, programmabureau, stuurgroep, adviseur (adviserend),
            projectpartner, dealmaker, betrokken

Warnings (printed as path:line: warning: …, the workspace still loads; --strict refuses them):
  an unknown column close to a known one (kept as an attribute: did you mean level?), a
  missing sector, level or layer column, a layer with one relation whose name is not a
  well-known one, actors with no relations, memberships, parent or units.";

/// `stakenet check`.
#[derive(Debug, Args)]
#[command(after_long_help = FORMAT_HELP)]
#[allow(missing_docs)] // Flattened groups are documented on their own types.
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) workspace: WorkspaceArgs,
    /// Output format [default: table; xlsx for -o FILE.xlsx].
    #[arg(long, value_enum)]
    pub(crate) format: Option<SummaryFormat>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
    /// Count warnings as problems: list them and exit with code 2, writing nothing.
    #[arg(long)]
    pub(crate) strict: bool,
}

/// Loads the workspace (listing every problem when there are any) and renders its summary.
pub(crate) fn run(args: &CheckArgs) -> Outcome {
    // The same rule as every command's: the extension of -o FILE picks the format (.txt a
    // table, .json, .xlsx a workbook), and one naming another format is refused.
    const FORMATS: [config::Format<SummaryFormat>; 3] = [
        config::Format { format: SummaryFormat::Table, name: "table", extensions: &["txt"] },
        config::Format { format: SummaryFormat::Json, name: "json", extensions: &["json"] },
        config::Format { format: SummaryFormat::Xlsx, name: "xlsx", extensions: &["xlsx"] },
    ];
    let format = config::output_format(
        "check",
        args.format,
        &args.output,
        &FORMATS,
        Some(SummaryFormat::Table),
    )?;
    if format == SummaryFormat::Xlsx && args.output.file().is_none() {
        return Err(config::workbook_to_standard_output());
    }
    let workspace = Workspace::open_checked(&args.workspace, args.strict)?;
    let summary = summarize(&workspace.network);
    let text = match format {
        SummaryFormat::Json => summary_json(&summary, &workspace.name),
        SummaryFormat::Xlsx => {
            return workspace.emit_workbook(&args.output, &summary_records(&summary));
        }
        SummaryFormat::Table => summary_table(&summary, &workspace.name),
    };
    workspace.emit(&args.output, &text)
}
