//! Workbooks as workspaces: sheets written by spreadsheet programs, not by stakenet — openpyxl
//! (`fixtures/scripts/make_workbook.py` made `fixtures/twente-workbook/twente.xlsx`) and
//! LibreOffice Calc (run here, headless) — read to the same network as the CSV workspace they
//! hold, with number and date cells taken as they are.

use std::path::Path;
use std::process::Command as Process;

use stakenet::io::workspace_csv;
use stakenet::{Source, load};

use crate::common::{libreoffice_installed, load_fixture, stakenet};

/// The network as CSV text, for comparing two loads of the same workspace.
fn as_csv(source: &Source) -> Vec<(&'static str, String)> {
    workspace_csv(&load(source).unwrap_or_else(|e| panic!("{e}: {}", e.diagnostics())))
}

/// Converts `file` with LibreOffice Calc into `format` (`ods`, `xlsx`) in `out`, with the CSV
/// import `filter` when given; the converted file.
fn calc(file: &Path, format: &str, filter: Option<&str>, out: &Path) -> std::path::PathBuf {
    let mut command = Process::new("soffice");
    command.arg(format!("-env:UserInstallation=file://{}/profile", out.display()));
    command.args(["--headless", "--norestore"]);
    if let Some(filter) = filter {
        command.arg(format!("--infilter={filter}"));
    }
    let status = command
        .args(["--convert-to", format, "--outdir"])
        .arg(out)
        .arg(file)
        .output()
        .expect("soffice runs");
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let stem = file.file_stem().unwrap().to_str().unwrap();
    let converted = out.join(format!("{stem}.{format}"));
    assert!(converted.is_file(), "soffice wrote no {}", converted.display());
    converted
}

#[test]
fn an_openpyxl_workbook_is_the_csv_workspace_it_holds() {
    // Dutch sheet names (actoren, leden), date cells, number cells, an amount typed as text, a
    // weight stored as a decimal cell and an empty row in the relations.
    let expected = workspace_csv(&load_fixture("twente-analyst"));
    let workbook = Source::from_path(Path::new("fixtures/twente-workbook/twente.xlsx"));
    assert_eq!(as_csv(&workbook), expected);
    // Every command reads it; a problem names the sheet and its row.
    stakenet().args(["check", "fixtures/twente-workbook/twente.xlsx"]).assert().success();
}

#[test]
fn workbooks_saved_by_libreoffice_calc_read_the_same() {
    if !libreoffice_installed() {
        return;
    }
    let expected = workspace_csv(&load_fixture("twente-analyst"));
    let dir = tempfile::tempdir().unwrap();
    let ods = calc(Path::new("fixtures/twente-workbook/twente.xlsx"), "ods", None, dir.path());
    assert_eq!(as_csv(&Source::from_path(&ods)), expected, "the .ods Calc wrote");
    let again = dir.path().join("again");
    std::fs::create_dir(&again).unwrap();
    let xlsx = calc(&ods, "xlsx", None, &again);
    assert_eq!(as_csv(&Source::from_path(&xlsx)), expected, "the .xlsx Calc wrote");
}

#[test]
fn calc_reads_dutch_numbers_into_number_cells_that_stay_numbers() {
    if !libreoffice_installed() {
        return;
    }
    // A `;` sheet as Dutch Excel writes it, opened by Calc with the Dutch locale: 1.250,5 and
    // 7,5 become number cells, and the workbook keeps them as numbers.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("actors.csv");
    std::fs::write(
        &csv,
        "id;name;sector;level;influence\nprov;Provincie Overijssel;government;provincial;1.250,5\n\
         gem;Gemeente Enschede;government;municipal;7,5\n",
    )
    .unwrap();
    // 59 = `;`, 34 = `"`, 76 = UTF-8, from row 1, 1043 = Dutch (Netherlands).
    let xlsx = calc(&csv, "xlsx", Some("CSV:59,34,76,1,,1043"), dir.path());
    let network = load(&Source::from_path(&xlsx)).unwrap();
    let influence = |key: &str| network.actor(network.actor_id(key).unwrap()).influence;
    assert_eq!(influence("prov"), Some(1250.5));
    assert_eq!(influence("gem"), Some(7.5));

    // A problem in a workbook names the file, the sheet and the row.
    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    let csv = bad.join("actors.csv");
    std::fs::write(
        &csv,
        "id;name;sector
prov;Provincie;galaxy
",
    )
    .unwrap();
    let xlsx = calc(&csv, "xlsx", Some("CSV:59,34,76,1,,1043"), &bad);
    let output = stakenet().arg("check").arg(&xlsx).assert().code(2);
    let message = String::from_utf8_lossy(&output.get_output().stderr).into_owned();
    assert!(message.contains("actors.xlsx[actors]:2: "), "{message}");
    assert!(message.contains("galaxy"), "{message}");
}

#[test]
fn a_file_that_is_no_workbook_is_refused_clearly_and_memory_workbooks_load() {
    let dir = tempfile::tempdir().unwrap();
    // Not a workbook at all.
    let fake = dir.path().join("fake.xlsx");
    std::fs::write(&fake, "id,name\n").unwrap();
    let output = stakenet().arg("check").arg(&fake).assert().code(2);
    let message = String::from_utf8_lossy(&output.get_output().stderr).into_owned();
    assert!(message.contains("fake.xlsx: cannot read the workbook"), "{message}");
    assert!(message.contains("save it as an Excel workbook (.xlsx)"), "{message}");
    // A workbook held in memory (as the fuzz target gives it) loads as from a file.
    let source = Source::Memory(vec![(
        "ws.xlsx".to_owned(),
        std::fs::read("fixtures/twente-workbook/twente.xlsx").unwrap(),
    )]);
    assert!(load(&source).is_ok());
}

/// A sheet to write: its name, where its first row starts (row, column; 0-based) and its rows
/// (`None` an empty cell).
type SheetSpec<'a> = (&'a str, (u32, u16), &'a [&'a [Option<&'a str>]]);

/// A workbook written with rust_xlsxwriter.
fn workbook(sheets: &[SheetSpec<'_>]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, (row0, column0), rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, cells) in rows.iter().enumerate() {
            for (c, cell) in cells.iter().enumerate() {
                let (row, column) = (row0 + r as u32, column0 + c as u16);
                match cell.map(|text| (text, text.parse::<f64>())) {
                    None => {}
                    Some((_, Ok(number))) => {
                        sheet.write_number(row, column, number).unwrap();
                    }
                    Some((text, Err(_))) => {
                        sheet.write_string(row, column, text).unwrap();
                    }
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_sheet_away_from_the_corner_with_gaps_reads_as_its_csv() {
    // The table starts at C3 in one sheet and at A1 in the other; empty cells and an empty
    // row (sheets read cell by cell, without a grid of the whole sheet).
    let actors: &[&[Option<&str>]] = &[
        &[Some("id"), Some("name"), Some("sector"), Some("level")],
        &[Some("a"), Some("A"), Some("government"), Some("national")],
        &[],
        &[Some("b"), None, Some("business"), None],
        &[Some("c"), Some("C"), Some("civil_society"), Some("local")],
    ];
    let relations: &[&[Option<&str>]] = &[
        &[Some("source"), Some("target"), Some("layer"), Some("weight")],
        &[Some("a"), Some("b"), Some("collaboration"), Some("2.5")],
        &[Some("b"), Some("c"), Some("collaboration"), None],
        &[Some("c"), Some("a"), Some("funding"), Some("750000")],
    ];
    let bytes = workbook(&[("actors", (2, 2), actors), ("relations", (0, 0), relations)]);
    let source = Source::Memory(vec![("ws.xlsx".to_owned(), bytes)]);
    let csv = Source::Memory(vec![
        (
            "actors.csv".to_owned(),
            b"id,name,sector,level\na,A,government,national\nb,,business,\nc,C,civil_society,local\n"
                .to_vec(),
        ),
        (
            "relations.csv".to_owned(),
            b"source,target,layer,weight\na,b,collaboration,2.5\nb,c,collaboration,\nc,a,funding,750000\n"
                .to_vec(),
        ),
    ]);
    assert_eq!(as_csv(&source), as_csv(&csv));

    // A problem is placed on the sheet's own row (row 6 of the sheet: the third actor).
    let mut bad = actors.to_vec();
    bad[4] = &[Some("c"), Some("C"), Some("galaxy"), Some("local")];
    let bytes = workbook(&[("actors", (2, 2), &bad), ("relations", (0, 0), relations)]);
    let error = load(&Source::Memory(vec![("ws.xlsx".to_owned(), bytes)])).unwrap_err();
    let shown = error.diagnostics().to_string();
    assert!(shown.contains("ws.xlsx[actors]:7: "), "{shown}");
}
