//! `stakenet init`: the CSV template passes `check`, the workbook template holds the same
//! example with typed cells and drop-down lists (read back with calamine, and with openpyxl
//! for the lists), and nothing existing is ever written over.

use std::path::Path;
use std::process::Command as Process;

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::common::{openpyxl_installed, stakenet, stderr_text, stdout_text};

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn a_fresh_csv_template_passes_check() {
    let out = tempfile::tempdir().unwrap();
    let ws = out.path().join("my-region");
    let wrote = stakenet().args(["init", path_str(&ws)]).assert().success();
    assert!(stdout_text(&wrote).contains("stakenet check"), "{}", stdout_text(&wrote));
    let mut names: Vec<String> = std::fs::read_dir(&ws)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["README.md", "actors.csv", "coalitions.csv", "members.csv", "relations.csv"]
    );
    let checked = stakenet().args(["check", path_str(&ws)]).assert().success();
    let text = stdout_text(&checked);
    assert!(text.contains(": valid"), "{text}");
    assert!(text.contains("rd_voorbeeld"), "{text}");
    assert!(text.contains("funding") && text.contains("collaboration"), "{text}");
    // The example is enough for the analyses the README names next.
    stakenet()
        .args(["centrality", path_str(&ws), "--coalition", "rd_voorbeeld", "--format", "csv"])
        .assert()
        .success();
    let readme = std::fs::read_to_string(ws.join("README.md")).unwrap();
    for column in ["`sector`", "`layer`", "`role`", "`amount`", "`national_contribution`"] {
        assert!(readme.contains(column), "README.md explains {column}");
    }
}

#[test]
fn init_never_writes_over_anything() {
    let out = tempfile::tempdir().unwrap();
    let full = out.path().join("full");
    std::fs::create_dir(&full).unwrap();
    std::fs::write(full.join("notes.txt"), "mine").unwrap();
    let refused = stakenet().args(["init", path_str(&full)]).assert().code(2);
    let message = stderr_text(&refused);
    assert!(message.starts_with("error: ") && message.contains("not empty"), "{message}");
    assert!(message.contains(path_str(&full)), "{message}");
    assert_eq!(std::fs::read_dir(&full).unwrap().count(), 1);
    assert_eq!(std::fs::read_to_string(full.join("notes.txt")).unwrap(), "mine");

    // An empty folder is filled.
    let empty = out.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    stakenet().args(["init", path_str(&empty)]).assert().success();
    assert!(empty.join("actors.csv").is_file());

    // An existing file, workbook or not, stays as it is.
    let book = out.path().join("template.xlsx");
    std::fs::write(&book, "not a workbook").unwrap();
    let refused = stakenet().args(["init", path_str(&book)]).assert().code(2);
    assert!(stderr_text(&refused).contains("exists"), "{}", stderr_text(&refused));
    assert_eq!(std::fs::read_to_string(&book).unwrap(), "not a workbook");

    let refused = stakenet().args(["init", path_str(&out.path().join("a.csv"))]).assert().code(2);
    assert!(stderr_text(&refused).contains("FILE.xlsx"), "{}", stderr_text(&refused));
    // Nothing was left behind by the refusals.
    let mut left: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["empty", "full", "template.xlsx"]);
}

#[test]
fn the_workbook_template_holds_the_csv_example_with_typed_cells() {
    let out = tempfile::tempdir().unwrap();
    let csv = out.path().join("ws");
    let book = out.path().join("ws.xlsx");
    stakenet().args(["init", path_str(&csv)]).assert().success();
    stakenet().args(["init", path_str(&book)]).assert().success();
    let again = out.path().join("again.xlsx");
    stakenet().args(["init", path_str(&again)]).assert().success();
    assert_eq!(std::fs::read(&book).unwrap(), std::fs::read(&again).unwrap(), "same bytes");

    let mut workbook: Xlsx<_> = open_workbook(&book).unwrap();
    assert_eq!(workbook.sheet_names(), ["actors", "relations", "coalitions", "members", "read-me"]);
    for table in ["actors", "relations", "coalitions", "members"] {
        let range = workbook.worksheet_range(table).unwrap();
        let sheet: Vec<Vec<String>> = range
            .rows()
            .map(|row| {
                let mut cells: Vec<String> = row.iter().map(ToString::to_string).collect();
                while cells.last().is_some_and(String::is_empty) {
                    cells.pop();
                }
                cells
            })
            .collect();
        let mut reader = csv::Reader::from_path(csv.join(format!("{table}.csv"))).unwrap();
        let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
        assert_eq!(sheet[0], header, "{table}: header");
        let records: Vec<Vec<String>> = reader
            .records()
            .map(|r| {
                let mut cells: Vec<String> = r.unwrap().iter().map(str::to_owned).collect();
                while cells.last().is_some_and(String::is_empty) {
                    cells.pop();
                }
                cells
            })
            .collect();
        assert_eq!(sheet[1..], records[..], "{table}: the example rows");
    }
    // Money is a number, ids and dates are text.
    let relations = workbook.worksheet_range("relations").unwrap();
    assert_eq!(relations.get((1, 5)), Some(&Data::Float(7_500_000.0)));
    assert_eq!(relations.get((1, 7)), Some(&Data::String("2024-01-01".to_owned())));
    let readme = workbook.worksheet_range("read-me").unwrap();
    let text: Vec<String> = readme.rows().flat_map(|r| r.iter().map(ToString::to_string)).collect();
    assert!(text.iter().any(|t| t.contains("stakenet check")));
    assert!(text.iter().any(|t| t == "sector"));
}

/// openpyxl (Excel's own reading, as near as a test gets) sees the drop-down lists, the frozen
/// header rows and the columns of the template.
#[test]
fn openpyxl_reads_the_drop_down_lists_of_the_workbook_template() {
    if !openpyxl_installed() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let book = out.path().join("template.xlsx");
    stakenet().args(["init", path_str(&book)]).assert().success();
    let script = r#"
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
for sheet in book.worksheets:
    lists = sorted(
        (str(v.sqref), v.type, v.formula1) for v in sheet.data_validations.dataValidation
    )
    print(sheet.title, sheet.freeze_panes, lists)
"#;
    let output = Process::new("python3").args(["-c", script, path_str(&book)]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    let line = |sheet: &str| {
        text.lines().find(|l| l.starts_with(&format!("{sheet} "))).unwrap_or_default().to_owned()
    };
    let actors = line("actors");
    assert!(actors.starts_with("actors A2 "), "{text}");
    assert!(
        actors.contains("('C2:C1001', 'list', '\"government,business,knowledge,civil_society,citizens,hybrid\"')"),
        "{actors}"
    );
    assert!(
        actors.contains(
            "('D2:D1001', 'list', '\"eu,national,provincial,regional,municipal,local\"')"
        ),
        "{actors}"
    );
    let relations = line("relations");
    assert!(
        relations.contains("'\"collaboration,funding,information,mandate,reporting,dependency\"'"),
        "{relations}"
    );
    let members = line("members");
    assert!(members.contains("('C2:C1001', 'list', '\"signatory,lead,"), "{members}");
    assert!(line("read-me").starts_with("read-me "), "{text}");
}
