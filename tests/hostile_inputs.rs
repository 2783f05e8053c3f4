//! Hostile and broken inputs (issue 17): an unterminated quote, a very wide header, files
//! that are not regular files (a FIFO, a device node), not text (NUL bytes, UTF-16) or not
//! inside the workspace folder (a symbolic link out of it), JSON that only looks valid, an
//! `.ods` that asks for a huge grid, escape sequences in the data, dates and numbers that are
//! echoed or accepted too freely. Nothing here touches a real device file: FIFOs and device
//! nodes are made in temporary folders (device nodes only as root).

use std::io::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::{stakenet, stderr_text, stdout_text, workspace_with};
use stakenet::{Source, load};

/// The problems of a workspace that does not load, as printed.
fn problems(source: &Source) -> Vec<String> {
    match load(source) {
        Ok(_) => panic!("{source:?} loaded"),
        Err(error) => error.diagnostics().items().iter().map(ToString::to_string).collect(),
    }
}

fn memory(files: &[(&str, &[u8])]) -> Source {
    Source::Memory(files.iter().map(|(name, bytes)| ((*name).to_owned(), bytes.to_vec())).collect())
}

const ACTORS: &[u8] = b"id,name,sector\na,A,government\nb,B,business\n";

/// Runs the binary with an address-space limit of `kib` KiB (so a run that asks for a huge
/// allocation fails rather than slows the machine), with a time limit.
fn limited(kib: u64, args: &[&str]) -> assert_cmd::assert::Assert {
    let binary = assert_cmd::cargo::cargo_bin("stakenet");
    let script = format!("ulimit -v {kib}; exec \"$0\" \"$@\"");
    let mut command = assert_cmd::Command::new("sh");
    command.arg("-c").arg(script).arg(binary).args(args).timeout(Duration::from_secs(120));
    command.assert()
}

#[test]
fn an_unterminated_quote_is_one_problem_at_the_line_where_it_opened() {
    let actors =
        b"id,name,sector\na,\"Gemeente A,government\nb,B,business\nc,C,business\nd,D,business\n";
    assert_eq!(
        problems(&memory(&[("actors.csv", actors)])),
        ["actors.csv:2: the quoted cell that opens here (`\"Gemeente A,government`) is never \
             closed, so the rest of the file would be read into it; close the quote (a quote \
             inside a quoted cell is written twice: \"\"); none of the file's rows were read"]
    );
    // In relations.csv it would have made a layer whose name holds the other rows.
    let relations = b"source,target,layer\na,b,funding\na,b,\"advice\nb,a,funding\n";
    let found = problems(&memory(&[("actors.csv", ACTORS), ("relations.csv", relations)]));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("relations.csv:3: the quoted cell that opens here (`\"advice`)"));
    // Quotes that close, doubled quotes and quotes inside a cell are fine.
    let fine = b"id,name,sector\na,\"A, \"\"the\"\" one\",government\nb,B \"2\",business\n";
    let network = load(&memory(&[("actors.csv", fine)])).unwrap();
    assert_eq!(network.actors()[0].name, "A, \"the\" one");
    assert_eq!(network.actors()[1].name, "B \"2\"");
}

#[test]
fn a_header_of_100_000_columns_is_read_in_linear_time() {
    // Reading the header was quadratic (100,000 columns: 35 s in a release build); now it is
    // a look-up per column. The bound is generous (a debug build on a busy machine): it only
    // catches quadratic work, which takes minutes here.
    let n = 100_000;
    let mut actors = String::from("id,name");
    let mut row = String::from("a,A");
    for i in 0..n {
        actors.push_str(&format!(",c{i}"));
        row.push_str(",1");
    }
    actors.push('\n');
    actors.push_str(&row);
    actors.push('\n');
    let started = Instant::now();
    let network = load(&memory(&[("actors.csv", actors.as_bytes())])).unwrap();
    let took = started.elapsed();
    assert_eq!(network.actors().len(), 1);
    assert!(took < Duration::from_secs(90), "{n} columns took {took:?}");
    // A missing column is named without echoing the whole header.
    let wide = actors.replacen("id,", "key,", 1);
    let found = problems(&memory(&[("actors.csv", wide.as_bytes())]));
    assert_eq!(found.len(), 1);
    assert!(found[0].ends_with(&format!("c17, … ({} in all))", n + 2)), "{}", &found[0][..200]);
}

/// Makes a FIFO at `path` with `mkfifo`.
#[cfg(unix)]
fn make_fifo(path: &Path) -> bool {
    std::process::Command::new("mkfifo").arg(path).status().is_ok_and(|status| status.success())
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_before_it_is_opened() {
    let dir = workspace_with(&[("actors.csv", std::str::from_utf8(ACTORS).unwrap())]);
    let fifo = dir.path().join("relations.csv");
    assert!(make_fifo(&fifo), "mkfifo");
    // Opening the FIFO would block for ever: the refusal comes first.
    let assert = stakenet()
        .args(["check", dir.path().to_str().unwrap()])
        .timeout(Duration::from_secs(60))
        .assert()
        .code(2);
    let stderr = stderr_text(&assert);
    assert!(
        stderr.contains(
            "relations.csv: cannot read the file: is a named pipe (FIFO), not a regular file; \
             stakenet reads only regular files"
        ),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_device_node_is_refused_by_its_kind() {
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0");
    if !root {
        eprintln!("skipped: device nodes are made only as root");
        return;
    }
    let dir = workspace_with(&[("actors.csv", std::str::from_utf8(ACTORS).unwrap())]);
    // The same device as /dev/zero, in a private folder: it never ends.
    let node = dir.path().join("relations.csv");
    let made = std::process::Command::new("mknod")
        .arg(&node)
        .args(["c", "1", "5"])
        .status()
        .is_ok_and(|status| status.success());
    if !made {
        eprintln!("skipped: mknod failed");
        return;
    }
    let assert = limited(2_000_000, &["check", dir.path().to_str().unwrap()]).code(2);
    let stderr = stderr_text(&assert);
    assert!(
        stderr.contains(
            "relations.csv: cannot read the file: is a character device, not a regular file"
        ),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_file_of_4_gib_of_nul_bytes_is_not_text_and_is_not_read_whole() {
    let dir = workspace_with(&[("actors.csv", std::str::from_utf8(ACTORS).unwrap())]);
    // A sparse file: 4 GiB of NUL bytes that take no room on disk.
    let file = std::fs::File::create(dir.path().join("relations.csv")).unwrap();
    file.set_len(4 << 30).unwrap();
    drop(file);
    // With 1 GiB of address space, reading it whole would fail: it is refused from its start.
    let assert = limited(1 << 20, &["check", dir.path().to_str().unwrap()]).code(2);
    let stderr = stderr_text(&assert);
    assert!(
        stderr.contains(
            "relations.csv: cannot read the file: is not a text file (byte 1 is a NUL byte): a \
             workspace file is UTF-8 text"
        ),
        "{stderr}"
    );
}

#[test]
fn utf16_and_binary_files_are_named_as_such() {
    let utf16: Vec<u8> =
        "id,name\na,A\n".encode_utf16().flat_map(|unit| unit.to_le_bytes()).collect();
    assert_eq!(
        problems(&memory(&[("actors.csv", &utf16)])),
        ["actors.csv:1: the file is UTF-16 text (little-endian, without a byte order mark), \
             not UTF-8: save it as UTF-8 (Excel: Save As → CSV UTF-8); none of its rows were read"]
    );
    let json: Vec<u8> =
        "{\"actors\": []}".encode_utf16().flat_map(|unit| unit.to_be_bytes()).collect();
    assert_eq!(
        problems(&memory(&[("network.json", &json)])),
        ["network.json: the file is UTF-16 text (big-endian, without a byte order mark), not \
             UTF-8: save it as UTF-8"]
    );
    // On disk, the first bytes decide before the rest is read.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("actors.csv"), &utf16).unwrap();
    let found = problems(&Source::Folder(dir.path().to_owned()));
    assert!(found[0].ends_with("actors.csv: cannot read the file: is UTF-16 text (little-endian, without a byte order mark), not UTF-8; save it as UTF-8"), "{found:?}");
}

#[test]
fn json_problems_name_their_real_cause_and_never_a_csv_file() {
    let out_of_range = b"{\"actors\": [{\"id\": \"a\"}, {\"id\": \"b\"}],\n \"relations\": [\n  {\"source\": \"a\", \"target\": \"b\", \"weight\": 1e400}]}";
    assert_eq!(
        problems(&memory(&[("network.json", out_of_range)])),
        [
            "network.json:3: invalid JSON: number out of range; a number is at most about 1.8e308 in size"
        ]
    );
    let surrogate = b"{\"actors\": [{\"id\": \"a\", \"name\": \"\\ud800\"}]}";
    let found = problems(&memory(&[("network.json", surrogate)]));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("network.json:1: invalid JSON: "), "{found:?}");
    assert!(found[0].contains("surrogate"), "{found:?}");
    let missing = b"{\"actors\": [{\"id\": \"a\"}, {\"id\": \"b\"}],\n \"relations\": [{\"from\": \"a\", \"target\": \"b\"}]}";
    let found = problems(&memory(&[("network.json", missing)]));
    assert_eq!(
        found,
        ["network.json:1: missing key `source`; the array `relations` has the keys source, \
             target, layer, directed, weight, amount, topic, since, until, coalition (found: target, from)"]
    );
    let reserved = b"{\"actors\": [{\"id\": \"a\"}, {\"id\": \"b\"}],\n \"relations\": [{\"source\": \"a\", \"target\": \"b\", \"layer\": \"comembership\"}]}";
    let found = problems(&memory(&[("network.json", reserved)]));
    assert!(found.iter().all(|p| !p.contains(".csv")), "{found:?}");
}

#[test]
fn a_missing_id_column_causes_no_other_problems() {
    let actors = b"name,sector\nA,government\nB,business\n";
    let relations = b"source,target\na,b\nb,a\n";
    let coalitions = b"name\nDeal\n";
    let members = b"coalition,actor,role\nd1,a,signatory\n";
    let found = problems(&memory(&[
        ("actors.csv", actors),
        ("relations.csv", relations),
        ("coalitions.csv", coalitions),
        ("members.csv", members),
    ]));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("actors.csv:1: missing column `id`"), "{found:?}");
    assert!(found[1].starts_with("coalitions.csv:1: missing column `id`"), "{found:?}");
}

#[test]
fn escape_sequences_and_bidi_controls_from_the_data_are_shown_escaped() {
    let dir = workspace_with(&[(
        "actors.csv",
        "id,name,sector\na,A,\x1b]0;pwned\x07\x1b[2J\nb,B,business\x1b[1A\x1b[K\n",
    )]);
    let assert = stakenet().args(["check", dir.path().to_str().unwrap()]).assert().code(2);
    let stderr = stderr_text(&assert);
    assert!(!stderr.contains('\x1b') && !stderr.contains('\r') && !stderr.contains('\x07'));
    assert!(stderr.contains("unknown sector `\\u{1b}]0;pwned\\u{7}\\u{1b}[2J`"), "{stderr}");
    assert!(stderr.contains("unknown sector `business\\u{1b}[1A\\u{1b}[K`"), "{stderr}");
    // A right-to-left override in a name cannot reorder the columns of a text table.
    let dir = workspace_with(&[
        (
            "actors.csv",
            "id,name,sector,level\na,A\u{202E}B,government,national\nb,B,business,national\n",
        ),
        ("relations.csv", "source,target,layer\na,b,funding\n"),
    ]);
    let assert = stakenet()
        .args(["centrality", dir.path().to_str().unwrap(), "--format", "table"])
        .assert()
        .success();
    let table = stdout_text(&assert);
    assert!(!table.contains('\u{202E}') && table.contains("A\\u{202e}B"), "{table}");
    // Through the library, a diagnostic is one line with its controls escaped.
    let found = problems(&memory(&[("actors.csv", b"id,sector\na,x\n\xe2\x80\xae\n")]));
    assert!(found.iter().all(|p| !p.contains('\u{202E}')), "{found:?}");
}

#[cfg(unix)]
#[test]
fn a_link_to_a_file_outside_the_workspace_folder_is_refused_without_echoing_it() {
    let private = tempfile::tempdir().unwrap();
    let secret = private.path().join("secret.txt");
    std::fs::write(&secret, "root:$6$secret-hash:19000:0:99999:7:::\n").unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join("actors.csv")).unwrap();
    let assert = stakenet().args(["check", dir.path().to_str().unwrap()]).assert().code(2);
    let stderr = stderr_text(&assert);
    assert!(!stderr.contains("secret-hash"), "{stderr}");
    assert!(
        stderr.contains("actors.csv: cannot read the file: is a symbolic link to a file outside the workspace folder"),
        "{stderr}"
    );
    // A link within the folder is followed.
    std::fs::remove_file(dir.path().join("actors.csv")).unwrap();
    std::fs::write(dir.path().join("people.csv"), ACTORS).unwrap();
    std::os::unix::fs::symlink("people.csv", dir.path().join("actors.csv")).unwrap();
    assert_eq!(load(&Source::Folder(dir.path().to_owned())).unwrap().actors().len(), 2);
}

#[test]
fn numbers_are_echoed_in_short_form_and_dates_only_in_the_accepted_forms() {
    let assert =
        stakenet().args(["interdependence", "fixtures/tiny", "--alpha", "1e300"]).assert().code(2);
    let stderr = stderr_text(&assert);
    assert!(stderr.starts_with("error: --alpha 1e300 "), "{stderr}");
    assert!(stderr.len() < 300 && !stderr.contains("00000000"), "{stderr}");
    for date in ["2019-1-5", "+2020-06-01", "-0001-01-01"] {
        let relations = format!("source,target,since\na,b,{date}\n");
        let found =
            problems(&memory(&[("actors.csv", ACTORS), ("relations.csv", relations.as_bytes())]));
        assert_eq!(
            found,
            [format!(
                "relations.csv:2: `since`: `{date}` is not a date; expected YYYY-MM-DD, e.g. 2019-03-31"
            )]
        );
        let at = format!("--at={date}");
        let assert = stakenet().args(["centrality", "fixtures/tiny", &at]).assert().code(2);
        assert_eq!(
            stderr_text(&assert),
            format!("error: --at {date}: not a date; expected YYYY-MM-DD, e.g. 2020-07-01\n")
        );
    }
    // The Dutch day-first forms stay accepted in a Dutch file.
    let relations = "source;target;since\na;b;5-1-2019\n";
    let actors = "id;name;sector\na;A;government\nb;B;business\n";
    let network = load(&memory(&[
        ("actors.csv", actors.as_bytes()),
        ("relations.csv", relations.as_bytes()),
    ]))
    .unwrap();
    assert_eq!(network.relations()[0].validity.since.unwrap().to_string(), "2019-01-05");
}

/// An OpenDocument spreadsheet whose actors sheet has `id` in A1 and one cell `rows` rows down
/// and `columns` columns to the right (made of repeated empty rows and cells: a file of a few
/// hundred bytes).
fn far_cell_ods(rows: u64, columns: u64) -> Vec<u8> {
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
<office:body><office:spreadsheet><table:table table:name=\"actors\">\
<table:table-row><table:table-cell office:value-type=\"string\"><text:p>id</text:p></table:table-cell></table:table-row>\
<table:table-row table:number-rows-repeated=\"{rows}\"><table:table-cell/></table:table-row>\
<table:table-row><table:table-cell table:number-columns-repeated=\"{columns}\"/>\
<table:table-cell office:value-type=\"string\"><text:p>x</text:p></table:table-cell></table:table-row>\
</table:table></office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
</manifest:manifest>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", content.as_str()),
        ("META-INF/manifest.xml", manifest),
    ] {
        zip.start_file(name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[cfg(unix)]
#[test]
fn an_ods_sheet_that_asks_for_a_huge_grid_is_refused_before_it_is_built() {
    let dir = tempfile::tempdir().unwrap();
    // 3,002 rows × 16,001 columns: calamine would build a grid of 48 million cells (3.8 GB)
    // for a file of about 1 KB.
    let far = dir.path().join("far.ods");
    std::fs::write(&far, far_cell_ods(3000, 16000)).unwrap();
    let assert = limited(1 << 20, &["check", far.to_str().unwrap()]).code(2);
    let stderr = stderr_text(&assert);
    assert!(
        stderr.contains("a sheet spans 3002 rows × 16001 columns from its first to its last non-empty cell, too many for a file of"),
        "{stderr}"
    );
    // A sheet of a sensible size is read (and its problems reported as usual).
    let near = dir.path().join("near.ods");
    std::fs::write(&near, far_cell_ods(2, 3)).unwrap();
    let assert = stakenet().args(["check", near.to_str().unwrap()]).assert().code(2);
    let stderr = stderr_text(&assert);
    assert!(stderr.contains("near.ods[actors]:"), "{stderr}");
}
