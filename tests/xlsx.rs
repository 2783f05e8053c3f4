//! Workbooks from the list commands (`-o FILE.xlsx`, `--format xlsx`), read back with calamine:
//! sheet names, header rows, numbers as numbers, formula-like text as text, the same bytes at
//! any thread count, and the refusals (standard output, an .xlsx file with a text format).

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::common::{fixture, stakenet, stderr_text, stdout_text, write_csv};

/// A formula-like actor name: must come back as this text, never as a formula.
const FORMULA_NAME: &str = "=HYPERLINK(\"http://example.org\",\"klik\")";

/// A small workspace with one coalition, an actor whose name looks like a formula, and one
/// whose id starts with `-`.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    write_csv(
        path,
        "actors.csv",
        &[
            &["id", "name", "sector", "level"],
            &["min_a", "Ministerie A", "government", "national"],
            &["prov", FORMULA_NAME, "government", "provincial"],
            &["gem", "+31 Gemeente", "government", "municipal"],
            &["-bedrijf", "@Bedrijf", "business", "regional"],
        ],
    );
    write_csv(
        path,
        "relations.csv",
        &[
            &["source", "target", "layer", "amount"],
            &["min_a", "prov", "funding", "1000000"],
            &["prov", "gem", "funding", "250000"],
            &["gem", "-bedrijf", "funding", "5000"],
        ],
    );
    write_csv(path, "coalitions.csv", &[&["id", "name"], &["rd_x", "Regio Deal X"]]);
    write_csv(
        path,
        "members.csv",
        &[
            &["coalition", "actor", "role"],
            &["rd_x", "min_a", "signatory"],
            &["rd_x", "prov", "lead"],
            &["rd_x", "gem", "signatory"],
            &["rd_x", "-bedrijf", "project_partner"],
        ],
    );
    dir
}

/// Runs `stakenet ARGS` and asserts success.
#[track_caller]
fn run(args: &[&str]) {
    stakenet().args(args).assert().success();
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The workbook's sheet names.
fn sheet_names(path: &Path) -> Vec<String> {
    let workbook: Xlsx<_> = open_workbook(path).unwrap();
    workbook.sheet_names()
}

/// A sheet's cells, row by row (the header first).
fn rows(path: &Path, sheet: &str) -> Vec<Vec<Data>> {
    let mut workbook: Xlsx<_> = open_workbook(path).unwrap();
    let range = workbook.worksheet_range(sheet).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

fn header(rows: &[Vec<Data>]) -> Vec<String> {
    rows[0].iter().map(|cell| cell.to_string()).collect()
}

#[test]
fn centrality_writes_actors_and_network_sheets_with_typed_cells() {
    let ws = workspace();
    let out = tempfile::tempdir().unwrap();
    let book = out.path().join("centrality.xlsx");
    run(&["centrality", path_str(ws.path()), "--coalition", "rd_x", "-o", path_str(&book)]);
    assert_eq!(sheet_names(&book), ["actors", "network"]);
    let actors = rows(&book, "actors");
    assert_eq!(
        header(&actors),
        [
            "id",
            "name",
            "sector",
            "level",
            "degree",
            "in_degree",
            "out_degree",
            "strength",
            "betweenness",
            "closeness",
            "harmonic",
            "eigenvector",
            "pagerank"
        ]
    );
    assert_eq!(actors.len(), 5, "a header and four actors");
    let row = |id: &str| actors.iter().find(|r| r[0] == Data::String(id.to_owned())).unwrap();
    // Text that a spreadsheet would run stays text, exactly as written (no `'` added).
    assert_eq!(row("prov")[1], Data::String(FORMULA_NAME.to_owned()));
    assert_eq!(row("gem")[1], Data::String("+31 Gemeente".to_owned()));
    assert_eq!(row("-bedrijf")[1], Data::String("@Bedrijf".to_owned()));
    // Counts and measures are numbers.
    assert_eq!(row("prov")[4], Data::Float(2.0), "degree");
    assert_eq!(row("prov")[7], Data::Float(1_250_000.0), "strength in euros");
    assert!(matches!(row("prov")[8], Data::Float(b) if b > 0.0), "betweenness");
    // No cell of the workbook is a formula.
    let mut workbook: Xlsx<_> = open_workbook(&book).unwrap();
    for sheet in ["actors", "network"] {
        let formulas = workbook.worksheet_formula(sheet).unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "{sheet}: a formula");
    }
    let network = rows(&book, "network");
    assert_eq!(header(&network), ["figure", "value"]);
    let figure = |name: &str| {
        network.iter().find(|r| r[0] == Data::String(name.to_owned())).unwrap()[1].clone()
    };
    assert_eq!(figure("nodes"), Data::Float(4.0));
    assert!(matches!(figure("density"), Data::Float(_)));
}

#[test]
fn the_same_input_gives_the_same_bytes_at_any_thread_count() {
    let ws = workspace();
    let out = tempfile::tempdir().unwrap();
    let mut books = Vec::new();
    for (i, threads) in ["1", "2", "2"].iter().enumerate() {
        let book = out.path().join(format!("c{i}.xlsx"));
        run(&[
            "centrality",
            path_str(ws.path()),
            "--coalition",
            "rd_x",
            "--threads",
            threads,
            "-o",
            path_str(&book),
        ]);
        books.push(std::fs::read(&book).unwrap());
    }
    assert!(books[0].starts_with(b"PK"));
    assert_eq!(books[0], books[1], "--threads 1 and --threads 2");
    assert_eq!(books[1], books[2], "two runs");
}

#[test]
fn a_workbook_is_refused_on_standard_output_and_an_xlsx_file_takes_no_text() {
    let ws = workspace();
    let refused =
        stakenet().args(["centrality", path_str(ws.path()), "--format", "xlsx"]).assert().code(2);
    assert!(stdout_text(&refused).is_empty());
    let message = stderr_text(&refused);
    assert!(
        message.contains("error: --format xlsx:") && message.contains("-o FILE.xlsx"),
        "{message}"
    );

    let out = tempfile::tempdir().unwrap();
    let book = out.path().join("list.xlsx");
    let refused = stakenet()
        .args(["centrality", path_str(ws.path()), "--format", "csv", "-o", path_str(&book)])
        .assert()
        .code(2);
    let message = stderr_text(&refused);
    assert!(message.contains("--format csv") && message.contains(".xlsx"), "{message}");
    assert!(!book.exists());

    // Never over an input file, whatever its name.
    let input = ws.path().join("actors.csv");
    let before = std::fs::read(&input).unwrap();
    stakenet()
        .args(["check", path_str(ws.path()), "--format", "xlsx", "-o", path_str(&input)])
        .assert()
        .code(2);
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

#[test]
fn every_list_command_writes_one_sheet_per_list() {
    let twente = fixture("twente-analyst");
    let twente = path_str(&twente);
    let out = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &[&str]); 8] = [
        (&["check", twente], &["workspace", "sectors and levels", "layers", "coalitions", "roles"]),
        (&["centrality", twente], &["actors", "network"]),
        (&["brokerage", twente, "--group-by", "sector"], &["brokerage"]),
        (&["layers", twente], &["layers", "overlap"]),
        (&["asymmetry", twente], &["dyads", "actors", "layers", "groups", "coalitions"]),
        (&["interdependence", twente], &["pairs", "actors", "figures"]),
        (&["compare", twente, "--at", "2022-01-01"], &["coalitions"]),
        (
            &["suspects", twente, "--coalition", "rd_twente", "--at", "2022-01-01"],
            &["coverage", "missing ministries", "weakly engaged", "candidates"],
        ),
    ];
    for (args, sheets) in cases {
        let book = out.path().join(format!("{}.xlsx", args[0]));
        let mut all = args.to_vec();
        all.extend(["-o", path_str(&book)]);
        run(&all);
        assert_eq!(sheet_names(&book), sheets, "{}", args[0]);
        for sheet in sheets {
            let rows = rows(&book, sheet);
            assert!(!rows.is_empty(), "{} {sheet}: no header", args[0]);
            assert!(
                rows[0].iter().all(|cell| matches!(cell, Data::String(_))),
                "{} {sheet}: header {:?}",
                args[0],
                rows[0]
            );
        }
    }
    // Numbers as numbers in a list other than centrality's: the dyads' asymmetry.
    let dyads = rows(&out.path().join("asymmetry.xlsx"), "dyads");
    let column = header(&dyads).iter().position(|c| c == "asymmetry").unwrap();
    assert!(dyads[1..].iter().all(|row| matches!(row[column], Data::Float(_) | Data::Empty)));
}
