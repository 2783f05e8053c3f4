//! `stakenet init`: a workspace template to start from, as a folder of CSV files or a workbook.

use std::path::{Path, PathBuf};

use clap::Args;

use super::super::{Failure, Outcome};
use stakenet::io::{FolderFile, write_new_file, write_new_folder};
use stakenet::render::{template_files, template_workbook};

pub(crate) const HELP: &str = "\
A workspace (werkruimte) is the network of a region's coalitions in four tables: the parties
(actors.csv: a ministry, its directorates, provinces, municipalities, companies, …), the ties
between them (relations.csv: funding, collaboration, …, with amounts, topics and dates), the
coalitions such as a Regio Deal (coalitions.csv) and who takes part in which, in what role
(members.csv). Only actors is required; ids tie the tables together.

init writes these tables with every column and a tiny valid example (a ministry with a
directorate, a province, a municipality and a company in one Regio Deal, with a funding tie
and a collaboration tie):
  DIR         a new folder with actors.csv, relations.csv, coalitions.csv, members.csv and a
              README.md that explains every column in one line
  FILE.xlsx   one workbook with the sheets actors, relations, coalitions and members, drop-down
              lists for sector, level, layer, directed and role, and a read-me sheet

An existing file, or a folder with anything in it, is never written over. Every command reads
the folder or the workbook as a workspace (a workbook saved by Excel or LibreOffice as .xlsx or
.ods; number and date cells are taken as they are).

Next: replace the example rows with your own, then
  stakenet check DIR                                  every problem as file:line: message
  stakenet check FILE.xlsx                            the same for a workbook
  stakenet centrality DIR --coalition rd_voorbeeld -o centrality.xlsx
  stakenet suspects DIR --coalition rd_voorbeeld      whom to invite
  stakenet report DIR -o report                       everything in one page

Examples:
  stakenet init my-region
  stakenet init my-region.xlsx";

/// `stakenet init`.
#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// The folder to create (CSV files and a README), or a FILE.xlsx (one workbook).
    #[arg(value_name = "DIR|FILE.xlsx")]
    pub(crate) path: PathBuf,
}

/// Writes the template as a workbook or a folder, and says what it wrote.
#[allow(clippy::print_stdout)]
pub(crate) fn run(args: &InitArgs) -> Outcome {
    let path = &args.path;
    let extension =
        path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    match extension.as_str() {
        "xlsx" => {
            let bytes = template_workbook().map_err(Failure::input)?;
            write_new_file(path, &bytes, &[]).map_err(Failure::input)?;
            println!(
                "wrote {}: sheets actors, relations, coalitions, members and read-me, with an example",
                path.display()
            );
            println!("next: fill it in, and run stakenet check {}", path.display());
        }
        "csv" | "json" | "xls" | "xlsm" | "ods" | "txt" => {
            return Err(Failure::Input(format!(
                "init {}: give a folder name (for CSV files) or a FILE.xlsx (a workbook), not a .{extension} file",
                path.display()
            )));
        }
        _ => {
            let files: Vec<FolderFile> = template_files()
                .into_iter()
                .map(|(name, text)| FolderFile { path: name.to_owned(), bytes: text.into_bytes() })
                .collect();
            write_new_folder(path, &files).map_err(Failure::input)?;
            let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
            println!("wrote {}: {}", path.display(), names.join(", "));
            println!("next: stakenet check {}", shown(path));
        }
    }
    Ok(())
}

/// The path as a user would type it in the next command.
fn shown(path: &Path) -> String {
    let text = path.display().to_string();
    if text.contains([' ', '\'', '"']) { format!("\"{text}\"") } else { text }
}
