//! The workspace template `stakenet init` writes: the four tables with every column explained
//! in one line and a tiny valid Regio-Deal-like example, as CSV files with a README or as one
//! workbook with a read-me sheet and drop-down lists.

use super::records::write_csv_table;
use super::xlsx::{WorkbookError, drop_down, header_format, new_workbook, write_text};
use crate::model::{Level, Role, Sector, WELL_KNOWN_LAYERS};

/// One column of a template table and what to write in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct TemplateColumn {
    /// The header, as the loader reads it.
    pub name: &'static str,
    /// One line: what the column holds and what is accepted.
    pub meaning: &'static str,
    /// Whether its values are numbers (written as numbers in a workbook).
    pub numeric: bool,
}

/// One table of the template: its name (the file `NAME.csv`, the sheet `NAME`), what it holds,
/// its columns and example rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct TemplateTable {
    /// `actors`, `relations`, `coalitions` or `members`.
    pub name: &'static str,
    /// One line: what a row is.
    pub what: &'static str,
    /// The columns, in order.
    pub columns: &'static [TemplateColumn],
    /// Example rows, one value per column (empty: no value).
    pub rows: &'static [&'static [&'static str]],
}

const fn text(name: &'static str, meaning: &'static str) -> TemplateColumn {
    TemplateColumn { name, meaning, numeric: false }
}

const fn number(name: &'static str, meaning: &'static str) -> TemplateColumn {
    TemplateColumn { name, meaning, numeric: true }
}

/// The four tables of a workspace, in the order they are best filled in.
pub const TEMPLATE_TABLES: [TemplateTable; 4] = [
    TemplateTable {
        name: "actors",
        what: "one row per party (partij): a ministry, one of its directorates, a province, a municipality, a company, …",
        columns: &[
            text(
                "id",
                "a short unique id you choose, used in the other tables (e.g. min_ezk, prov_gelderland); letters A-Z a-z, digits and _ . : -",
            ),
            text("name", "the full name (naam)"),
            text(
                "sector",
                "government (overheid), business (bedrijfsleven), knowledge (kennisinstelling), civil_society (maatschappelijke organisatie), citizens (burgers) or hybrid (e.g. a triple-helix board)",
            ),
            text(
                "level",
                "eu, national (Rijk), provincial (provincie), regional (regio), municipal (gemeente) or local",
            ),
            text(
                "parent",
                "the id of the party this one is part of (a directorate's ministry); empty when none",
            ),
            text(
                "kind",
                "what it is, in your own words (soort): ministry, directorate, province, municipality, company, …; `ministry` marks a ministry",
            ),
            text("themes", "the topics it works on (thema's), separated by ;"),
            number(
                "influence",
                "a number of 0 or more for its weight in the region (invloed), when you score it; may stay empty",
            ),
            text(
                "abbreviation",
                "a ministry's short name (afkorting), e.g. EZK: the theme map finds ministries by it",
            ),
        ],
        rows: &[
            &[
                "min_ezk",
                "Ministerie van Economische Zaken en Klimaat",
                "government",
                "national",
                "",
                "ministry",
                "economie; innovatie",
                "",
                "EZK",
            ],
            &[
                "ezk_re",
                "Directie Regionale Economie",
                "government",
                "national",
                "min_ezk",
                "directorate",
                "innovatie",
                "",
                "",
            ],
            &[
                "prov_voorbeeld",
                "Provincie Voorbeeld",
                "government",
                "provincial",
                "",
                "province",
                "innovatie; wonen",
                "",
                "",
            ],
            &[
                "gem_voorbeeldstad",
                "Gemeente Voorbeeldstad",
                "government",
                "municipal",
                "",
                "municipality",
                "wonen",
                "",
                "",
            ],
            &[
                "bedrijf_voorbeeld",
                "Voorbeeld Techniek BV",
                "business",
                "regional",
                "",
                "company",
                "innovatie",
                "",
                "",
            ],
        ],
    },
    TemplateTable {
        name: "relations",
        what: "one row per tie between two parties (relatie): who funds, works with, informs or depends on whom",
        columns: &[
            text("source", "the id of the party the tie starts from (van)"),
            text("target", "the id of the party it goes to (naar)"),
            text(
                "layer",
                "the kind of tie (laag): collaboration (samenwerking), funding (financiering), information (informatie), mandate (mandaat), reporting (verantwoording), dependency (afhankelijkheid), or a name of your own",
            ),
            text(
                "directed",
                "true when the tie runs one way, false when both ways; empty: collaboration runs both ways, every other layer one way",
            ),
            number("weight", "tie strength (sterkte), a number above 0; empty counts as 1"),
            number(
                "amount",
                "euros (bedrag), e.g. of a funding tie; a layer whose every tie has an amount is weighed in euros",
            ),
            text("topic", "the theme the tie is about (onderwerp), one of the themes"),
            text("since", "the first day the tie holds (vanaf), YYYY-MM-DD; empty: from the start"),
            text(
                "until",
                "the last day the tie holds (tot en met), YYYY-MM-DD; empty: still running",
            ),
            text(
                "coalition",
                "the id of the coalition the tie is part of (coalitie), e.g. the deal that pays; empty: a tie of the whole network, counted in every coalition with both parties",
            ),
        ],
        rows: &[
            &[
                "min_ezk",
                "prov_voorbeeld",
                "funding",
                "",
                "",
                "7500000",
                "innovatie",
                "2024-01-01",
                "2027-12-31",
                "rd_voorbeeld",
            ],
            &[
                "prov_voorbeeld",
                "bedrijf_voorbeeld",
                "collaboration",
                "",
                "2",
                "",
                "innovatie",
                "2024-03-01",
                "",
                "",
            ],
        ],
    },
    TemplateTable {
        name: "coalitions",
        what: "one row per coalition (samenwerkingsverband), e.g. a Regio Deal",
        columns: &[
            text("id", "a short unique id you choose (e.g. rd_twente)"),
            text("name", "the full name (naam)"),
            text("tranche", "the round it belongs to (tranche), e.g. 1 to 4 for the Regio Deals"),
            text("region", "the region it covers (regio)"),
            text("themes", "its themes (thema's), separated by ;"),
            number(
                "national_contribution",
                "the national government's money in euros (Rijksbijdrage)",
            ),
            number("cofinancing", "the region's money in euros (cofinanciering)"),
            text("governance", "how it is steered, in your own words (sturing)"),
            text("start", "the first day (startdatum), YYYY-MM-DD"),
            text("end", "the last day (einddatum), YYYY-MM-DD; empty: still running"),
        ],
        rows: &[&[
            "rd_voorbeeld",
            "Regio Deal Voorbeeld",
            "4",
            "Voorbeeld",
            "innovatie; wonen",
            "7500000",
            "7500000",
            "stuurgroep",
            "2024-01-01",
            "2027-12-31",
        ]],
    },
    TemplateTable {
        name: "members",
        what: "one row per party taking part in a coalition (deelnemer), with its role",
        columns: &[
            text("coalition", "the id of the coalition"),
            text("actor", "the id of the party"),
            text(
                "role",
                "signatory (ondertekenaar), lead (trekker), programme_office (programmabureau), steering_group (stuurgroep), advisory (adviseur), project_partner (projectpartner), dealmaker, involved (betrokken), or programme (programma: the coalition's own programme or fund as one node, in its scope but no party)",
            ),
            number("contribution", "the euros it puts in (bijdrage); may stay empty"),
            text("since", "the first day it takes part (vanaf), YYYY-MM-DD; empty: from the start"),
            text("until", "the last day it takes part (tot en met), YYYY-MM-DD; empty: still"),
        ],
        rows: &[
            &["rd_voorbeeld", "min_ezk", "signatory", "", "", ""],
            &["rd_voorbeeld", "ezk_re", "dealmaker", "", "", ""],
            &["rd_voorbeeld", "prov_voorbeeld", "lead", "5000000", "", ""],
            &["rd_voorbeeld", "gem_voorbeeldstad", "signatory", "2500000", "", ""],
            &["rd_voorbeeld", "bedrijf_voorbeeld", "project_partner", "", "", ""],
        ],
    },
];

/// The name of the read-me sheet of the template workbook.
pub const README_SHEET: &str = "read-me";

/// Rows of a template sheet that carry drop-down lists (the example rows and room below).
const VALIDATED_ROWS: u32 = 1000;

/// The opening of the read-me, before the tables.
const README_HEAD: &str = "\
A stakenet workspace (werkruimte) is the network of a region's coalitions in four tables:
the parties (actors), the ties between them (relations), the coalitions such as a Regio Deal
(coalitions) and who takes part in which (members). Only actors is required. Replace the example
rows with your own; ids tie the tables together, so an id used in relations or members must be
in actors (or coalitions). An empty cell means \"no value\"; columns you add are kept as
attributes.";

/// What to run next.
const README_NEXT: &str = "\
Next steps:
  stakenet check WORKSPACE                      validate it: every problem as file:line: message
  stakenet centrality WORKSPACE --coalition rd_voorbeeld -o centrality.xlsx
                                                who holds the coalition together
  stakenet suspects WORKSPACE --coalition rd_voorbeeld
                                                which parties are missing, whom to invite
  stakenet report WORKSPACE -o report           everything in one page: open report/index.html";

/// The README of the CSV template: what a workspace is, every column in one line, what next.
fn readme_markdown() -> String {
    let mut out = String::from("# A stakenet workspace\n\n");
    out.push_str(README_HEAD);
    out.push_str(
        "\n\nFiles are CSV (comma, semicolon or tab; a semicolon file may use a decimal comma).\n",
    );
    for table in &TEMPLATE_TABLES {
        let stop = if table.what.ends_with('…') { "" } else { "." };
        out.push_str(&format!("\n## {}.csv\n\n{}{stop}\n\n", table.name, capitalized(table.what)));
        for column in table.columns {
            out.push_str(&format!("- `{}`: {}\n", column.name, column.meaning));
        }
    }
    out.push_str("\n## ");
    out.push_str(&README_NEXT.replacen(":\n", "\n\n```\n", 1));
    out.push_str("\n```\n");
    out
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The CSV template: `(file name, contents)` for `actors.csv`, `relations.csv`,
/// `coalitions.csv`, `members.csv` and `README.md`, in that order.
pub fn template_files() -> Vec<(&'static str, String)> {
    let mut files: Vec<(&'static str, String)> = TEMPLATE_TABLES
        .iter()
        .map(|table| {
            let columns: Vec<&str> = table.columns.iter().map(|c| c.name).collect();
            (csv_name(table.name), write_csv_table(&columns, table.rows))
        })
        .collect();
    files.push(("README.md", readme_markdown()));
    files
}

fn csv_name(table: &str) -> &'static str {
    match table {
        "actors" => "actors.csv",
        "relations" => "relations.csv",
        "coalitions" => "coalitions.csv",
        _ => "members.csv",
    }
}

/// The template as a workbook: the sheets `actors`, `relations`, `coalitions`, `members` with
/// the example rows (amounts as numbers), drop-down lists for sector, level, layer and role,
/// and a `read-me` sheet with every column explained. The same bytes every time.
///
/// # Errors
/// [`WorkbookError`] only when the writer refuses (a bug, not a matter of data).
pub fn template_workbook() -> Result<Vec<u8>, WorkbookError> {
    let mut book = new_workbook()?;
    let header = header_format();
    for table in &TEMPLATE_TABLES {
        let sheet = book.add_worksheet();
        sheet.set_name(table.name)?;
        for (c, column) in table.columns.iter().enumerate() {
            let c = c as u16;
            sheet.write_string_with_format(0, c, column.name, &header)?;
            for (r, row) in table.rows.iter().enumerate() {
                let value = row.get(usize::from(c)).copied().unwrap_or("");
                let r = r as u32 + 1;
                match value.parse::<f64>() {
                    Ok(number) if column.numeric => {
                        sheet.write_number(r, c, number)?;
                    }
                    _ => write_text(sheet, r, c, value).map_err(cell_error)?,
                }
            }
            let lists: Option<(Vec<&str>, bool)> = match column.name {
                "sector" => Some((Sector::ALL.iter().map(|s| s.as_str()).collect(), true)),
                "level" => Some((Level::ALL.iter().map(|l| l.as_str()).collect(), true)),
                "role" => Some((Role::ALL.iter().map(|r| r.as_str()).collect(), true)),
                // Any name makes a layer: other values are warned about, not refused.
                "layer" => Some((WELL_KNOWN_LAYERS.to_vec(), false)),
                "directed" => Some((vec!["true", "false"], true)),
                _ => None,
            };
            if let Some((values, strict)) = lists {
                drop_down(sheet, c, VALIDATED_ROWS, &values, strict)?;
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofit();
    }
    let readme = book.add_worksheet();
    readme.set_name(README_SHEET)?;
    let mut lines: Vec<(String, &str)> = Vec::new();
    lines.extend(README_HEAD.split('\n').map(|line| (line.to_owned(), "")));
    for table in &TEMPLATE_TABLES {
        lines.push((String::new(), ""));
        lines.push((format!("sheet {}", table.name), table.what));
        lines.extend(table.columns.iter().map(|column| (column.name.to_owned(), column.meaning)));
    }
    lines.push((String::new(), ""));
    lines.extend(README_NEXT.split('\n').map(|line| (line.to_owned(), "")));
    readme.write_string_with_format(0, 0, "stakenet workspace (werkruimte)", &header)?;
    for (r, (first, second)) in lines.iter().enumerate() {
        let r = r as u32 + 1;
        write_text(readme, r, 0, first).map_err(cell_error)?;
        write_text(readme, r, 1, second).map_err(cell_error)?;
    }
    readme.set_column_width(0, 24)?;
    readme.set_column_width(1, 120)?;
    Ok(book.save_to_buffer()?)
}

fn cell_error(error: super::xlsx::CellError) -> WorkbookError {
    match error {
        super::xlsx::CellError::Writer(error) => error,
        super::xlsx::CellError::TooLong(chars) => {
            WorkbookError::Writer(format!("a template text of {chars} characters"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_row_has_a_value_per_column() {
        for table in &TEMPLATE_TABLES {
            assert!(!table.rows.is_empty(), "{}", table.name);
            for row in table.rows {
                assert_eq!(row.len(), table.columns.len(), "{}: {row:?}", table.name);
            }
        }
    }

    #[test]
    fn the_readme_explains_every_column() {
        let files = template_files();
        let readme = &files.last().unwrap().1;
        for table in &TEMPLATE_TABLES {
            for column in table.columns {
                assert!(readme.contains(&format!("- `{}`: ", column.name)), "{}", column.name);
            }
        }
        assert!(readme.contains("stakenet check"));
    }

    #[test]
    fn the_template_workbook_is_the_same_bytes_every_time() {
        assert_eq!(template_workbook().unwrap(), template_workbook().unwrap());
    }
}
