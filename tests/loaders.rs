//! Loading workspaces: the bundled and real fixtures, Dutch Excel and JSON variants, and every
//! defect kind with its exact `path:line: message`.

use stakenet::{Level, LoadOptions, Network, NumberConvention, Sector, Source, load, load_with};

use crate::common::{fixture, load_fixture};

/// The messages produced by an invalid workspace, with the path made relative to the repo.
fn problems(name: &str) -> Vec<String> {
    let folder = std::path::PathBuf::from("fixtures/invalid").join(name);
    match load(&Source::Folder(folder)) {
        Ok(_) => panic!("{name} loaded, but it has a defect"),
        Err(error) => error.diagnostics().items().iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn the_bundled_workspace_holds_the_regio_deals() {
    let network = load(&Source::Bundled).unwrap();
    // Row counts of fixtures/regio-deals/*.csv (tranches I–V).
    assert_eq!(network.coalitions().len(), 67);
    assert_eq!(network.actors().len(), 352);
    assert_eq!(network.memberships().len(), 649);
    assert_eq!(network.relations().len(), 151);
    let lnv = network.actor_id("min_lnv").unwrap();
    assert_eq!(network.actor(lnv).parent, network.actor_id("rijk"));
    assert_eq!(network.side(lnv), stakenet::Side::Rijk);
    let twente = network.coalition_id("rd_twente").unwrap();
    assert_eq!(network.coalition(twente).national_contribution, Some(30_000_000.0));
    assert_eq!(network.coalition(twente).cofinancing, Some(120_000_000.0));
    // The folder on disk and the copy compiled into the binary are the same workspace.
    let on_disk = load_fixture("regio-deals");
    assert_eq!(on_disk.actors(), network.actors());
    assert_eq!(on_disk.memberships(), network.memberships());
    assert_eq!(on_disk.relations(), network.relations());
}

#[test]
fn the_joint_arrangements_form_a_multi_level_network() {
    let network = load_fixture("gemeenschappelijke-regelingen");
    assert!(network.actors().len() > 500, "{} actors", network.actors().len());
    assert!(network.coalitions().len() > 400, "{} coalitions", network.coalitions().len());
    assert_eq!(network.hierarchy().n_levels(), 2);
    let provinces = network.actors().iter().filter(|a| a.level == Some(Level::Provincial)).count();
    assert!(provinces >= 12);
}

#[test]
fn tiny_keeps_every_column() {
    let network = load_fixture("tiny");
    let panel = network.actor(network.actor_id("panel").unwrap());
    assert_eq!(panel.sector, Some(Sector::Citizens));
    assert_eq!(panel.themes, ["leefbaarheid"]);
    assert_eq!(network.hierarchy().depth(network.actor_id("dep_a1").unwrap()), 2);
    let uni = network.actor(network.actor_id("uni").unwrap());
    assert_eq!(uni.name, "Universiteit <Voorbeeld>");
    let prov = network.actor(network.actor_id("prov").unwrap());
    assert_eq!(
        prov.attributes.get("website").map(String::as_str),
        Some("https://example.org/prov")
    );
    assert_eq!(network.relations().len(), 11);
    assert_eq!(network.relations()[1].amount, Some(250_000.5));
    assert_eq!(network.relation_attributes().get(0, "note"), Some("tranche 2"));
    // `collaboration` is undirected by default, other layers directed.
    let collaboration = network.layer_id("collaboration").unwrap();
    assert!(!network.layers()[collaboration.index()].directed);
    assert!(network.layers()[network.layer_id("funding").unwrap().index()].directed);
}

#[test]
fn a_dutch_excel_export_and_a_json_document_give_the_same_network() {
    let csv = load_fixture("tiny");
    for variant in ["tiny-excel", "tiny-json", "tiny-nl"] {
        let other = load_fixture(variant);
        assert_eq!(other.actors(), csv.actors(), "{variant}: actors");
        assert_eq!(other.relations(), csv.relations(), "{variant}: relations");
        assert_eq!(other.layers(), csv.layers(), "{variant}: layers");
        assert_eq!(other.coalitions(), csv.coalitions(), "{variant}: coalitions");
        assert_eq!(other.memberships(), csv.memberships(), "{variant}: members");
        assert_eq!(other.topics(), csv.topics(), "{variant}: topics");
        assert_eq!(other.relation_attributes(), csv.relation_attributes(), "{variant}: attributes");
    }
    // The Excel file writes one amount as 1.000.000,00.
    let excel = load_fixture("tiny-excel");
    assert_eq!(excel.relations()[0].amount, Some(1_000_000.0));
}

#[test]
fn a_json_file_can_be_named_directly() {
    let from_file = load(&Source::from_path(&fixture("tiny-json/network.json"))).unwrap();
    assert_eq!(from_file.actors(), load_fixture("tiny").actors());
}

/// Every defect kind, with the exact message it produces.
const DEFECTS: &[(&str, &str)] = &[
    (
        "missing-actors-file",
        "fixtures/invalid/missing-actors-file/actors.csv: missing file; a workspace needs actors.csv (columns id, name, sector, level, parent, …) and may have relations.csv, coalitions.csv and members.csv",
    ),
    (
        "missing-column",
        "fixtures/invalid/missing-column/actors.csv:1: missing column `id`; actors.csv has the columns id, name, sector, level, parent, kind, themes, influence, successor (found: name, sector)",
    ),
    (
        "duplicate-id",
        "fixtures/invalid/duplicate-id/actors.csv:5: duplicate actor id `b` (first on line 3); ids must be unique",
    ),
    (
        "unknown-actor-in-relation",
        "fixtures/invalid/unknown-actor-in-relation/relations.csv:3: unknown actor `zz` in `target`; it is not an id in fixtures/invalid/unknown-actor-in-relation/actors.csv",
    ),
    (
        "unknown-actor-in-membership",
        "fixtures/invalid/unknown-actor-in-membership/members.csv:3: unknown actor `B` in `actor`; it is not an id in fixtures/invalid/unknown-actor-in-membership/actors.csv; did you mean `b`?",
    ),
    (
        "unknown-coalition",
        "fixtures/invalid/unknown-coalition/members.csv:2: unknown coalition `d2`; it is not an id in coalitions.csv",
    ),
    (
        "unknown-parent",
        "fixtures/invalid/unknown-parent/actors.csv:3: unknown actor `ministry_x` in `parent`; it is not an id in fixtures/invalid/unknown-parent/actors.csv",
    ),
    (
        "parent-cycle",
        "fixtures/invalid/parent-cycle/actors.csv:2: parent cycle `a` → `c` → `b` → `a`; an actor cannot be its own ancestor",
    ),
    (
        "bad-sector",
        "fixtures/invalid/bad-sector/actors.csv:5: unknown sector `ngo`; expected government, business, knowledge, civil_society, citizens or hybrid (in Dutch: overheid, bedrijfsleven, kennisinstelling, maatschappelijk, burgers or hybride), or an empty cell",
    ),
    (
        "bad-level",
        "fixtures/invalid/bad-level/actors.csv:5: unknown level `street`; expected eu, national, provincial, regional, municipal or local (in Dutch: europees, nationaal, provinciaal, regionaal, gemeentelijk or lokaal), or an empty cell",
    ),
    (
        "bad-role",
        "fixtures/invalid/bad-role/members.csv:2: unknown role `sponsor`; expected signatory, lead, programme_office, steering_group, advisory, project_partner, dealmaker, involved or programme (in Dutch: ondertekenaar, trekker, programmabureau, stuurgroep, adviseur, projectpartner, dealmaker, betrokken or programma)",
    ),
    (
        "bad-directed",
        "fixtures/invalid/bad-directed/relations.csv:2: `directed`: `sometimes` is not true or false; expected yes/no, true/false, 1/0, ja/nee or waar/onwaar",
    ),
    (
        "bad-id",
        "fixtures/invalid/bad-id/actors.csv:2: id `a b` contains a space; ids use only letters A-Z a-z, digits and _ . : -",
    ),
    (
        "not-a-number",
        "fixtures/invalid/not-a-number/actors.csv:2: `influence`: `veel` is not a number; expected e.g. 1234.5",
    ),
    (
        "negative-amount",
        "fixtures/invalid/negative-amount/relations.csv:2: `amount` is `-5`; expected a number ≥ 0",
    ),
    (
        "weight-zero",
        "fixtures/invalid/weight-zero/relations.csv:2: `weight` is `0`; a weight is a tie strength > 0 (leave the cell empty for 1)",
    ),
    (
        "weight-negative",
        "fixtures/invalid/weight-negative/relations.csv:2: `weight` is `-1`; a weight is a tie strength > 0 (leave the cell empty for 1)",
    ),
    (
        "weight-nan",
        "fixtures/invalid/weight-nan/relations.csv:2: `weight`: `NaN` is not a finite number; expected a number such as 1234.5",
    ),
    (
        "weight-infinite",
        "fixtures/invalid/weight-infinite/relations.csv:2: `weight`: `inf` is not a finite number; expected a number such as 1234.5",
    ),
    (
        "weight-overflow",
        "fixtures/invalid/weight-overflow/relations.csv:2: `weight`: `1e400` is not a finite number; expected a number such as 1234.5",
    ),
    (
        "bad-date",
        "fixtures/invalid/bad-date/relations.csv:2: `since`: `31-12-2019` is not a date; expected YYYY-MM-DD, e.g. 2019-03-31; a day-first date is read only in a file that writes numbers the Dutch way, and this file writes numbers the English way (it is not `;`-separated and has no decimal comma)",
    ),
    (
        "until-before-since",
        "fixtures/invalid/until-before-since/relations.csv:2: `until` 2019-01-01 is before `since` 2020-05-01",
    ),
    (
        "self-loop",
        "fixtures/invalid/self-loop/relations.csv:2: `source` and `target` are both `a`; a relation joins two different actors",
    ),
    (
        "reserved-layer",
        "fixtures/invalid/reserved-layer/relations.csv:2: layer `comembership` is derived from members.csv; give explicit relations another layer name",
    ),
    (
        "duplicate-column",
        "fixtures/invalid/duplicate-column/actors.csv:1: column `name` appears twice in the header; give each column one name",
    ),
    (
        "extra-cells",
        "fixtures/invalid/extra-cells/actors.csv:3: this row has 3 cells but the header names 2 columns (extra cell `surplus`); check the delimiter `,` and the quoting",
    ),
    (
        "not-utf8",
        "fixtures/invalid/not-utf8/actors.csv:2: the file is not UTF-8 (this line breaks off at `a,Gemeente S\u{FFFD}`): it was probably saved as \"CSV\" in a Windows encoding; save it again as \"CSV UTF-8\" (Excel: Save As → CSV UTF-8 (comma delimited)); none of its rows were read",
    ),
    (
        "empty-file",
        "fixtures/invalid/empty-file/actors.csv:1: the file is empty; a header row is required",
    ),
    (
        "json-syntax",
        "fixtures/invalid/json-syntax/network.json:4: invalid JSON: key must be a string",
    ),
    (
        "json-unknown-key",
        "fixtures/invalid/json-unknown-key/network.json:3: unknown field `edges`, expected one of `actors`, `relations`, `coalitions`, `members`; a JSON workspace has the arrays actors, relations, coalitions and members",
    ),
    (
        "empty-layer",
        "fixtures/invalid/empty-layer/relations.csv:2: empty `layer`; name the relation type, e.g. collaboration, funding, information, mandate, reporting, dependency",
    ),
    (
        "empty-coalition",
        "fixtures/invalid/empty-coalition/members.csv:2: empty `coalition`; name a coalition id from coalitions.csv",
    ),
    (
        "json-not-utf8",
        "fixtures/invalid/json-not-utf8/network.json: the file is not valid UTF-8; save it as UTF-8",
    ),
    (
        "json-unknown-actor",
        "fixtures/invalid/json-unknown-actor/network.json:8: unknown actor `q` in `target`; it is not an id in fixtures/invalid/json-unknown-actor/network.json",
    ),
    (
        "duplicate-coalition-id",
        "fixtures/invalid/duplicate-coalition-id/coalitions.csv:3: duplicate coalition id `d1` (first on line 2); ids must be unique",
    ),
    (
        "empty-role",
        "fixtures/invalid/empty-role/members.csv:2: empty `role`; expected signatory, lead, programme_office, steering_group, advisory, project_partner, dealmaker, involved or programme (in Dutch: ondertekenaar, trekker, programmabureau, stuurgroep, adviseur, projectpartner, dealmaker, betrokken or programma)",
    ),
    (
        "duplicate-role",
        "fixtures/invalid/duplicate-role/members.csv:4: `a` is already a signatory of `d1` (line 2); list each role once",
    ),
    (
        "empty-source",
        "fixtures/invalid/empty-source/relations.csv:2: empty `source`; name an actor id from fixtures/invalid/empty-source/actors.csv",
    ),
    ("empty-id", "fixtures/invalid/empty-id/actors.csv:3: empty id; every row needs an id"),
    (
        "bad-decimal-comma",
        "fixtures/invalid/bad-decimal-comma/actors.csv:2: `influence`: `1.23,5` is not a number; expected e.g. 1234,5 or 1.234,5",
    ),
    (
        "not-a-number-excel",
        "fixtures/invalid/not-a-number-excel/actors.csv:2: `influence`: `veel` is not a number; expected e.g. 1234,5 or 1.234,5",
    ),
    (
        "json-not-an-object",
        "fixtures/invalid/json-not-an-object/network.json:4: each item of `actors` must be an object such as {\"id\": \"a\"}",
    ),
    (
        "json-nested-object",
        "fixtures/invalid/json-nested-object/network.json:4: `address` holds a nested object; values are text, numbers, true/false, null or a list",
    ),
    (
        "json-duplicate-key",
        "fixtures/invalid/json-duplicate-key/network.json:3: key `name` appears twice (keys ignore case)",
    ),
    (
        "decimal-point-in-dutch-file",
        "fixtures/invalid/decimal-point-in-dutch-file/actors.csv:3: `influence`: `2.5` reads as 2.5 with a decimal point, but this file writes numbers the Dutch way (it is `;`-separated), where a dot groups thousands (750.000 is 750000) and a comma is the decimal sign; write 2,5 (or read the file the English way: --numbers en)",
    ),
    (
        "ambiguous-thousands",
        "fixtures/invalid/ambiguous-thousands/relations.csv:2: `amount`: `1,250` could be 1250 (a comma grouping thousands) or 1.25 (a Dutch decimal comma); this file writes numbers the English way (it is not `;`-separated and has no decimal comma), so write 1250 or 1.25",
    ),
    (
        "not-utf8-coalitions",
        "fixtures/invalid/not-utf8-coalitions/coalitions.csv:3: the file is not UTF-8 (this line breaks off at `d2,Regio Deal Frysl\u{FFFD}`): it was probably saved as \"CSV\" in a Windows encoding; save it again as \"CSV UTF-8\" (Excel: Save As → CSV UTF-8 (comma delimited)); none of its rows were read",
    ),
    (
        "column-named-twice",
        "fixtures/invalid/column-named-twice/actors.csv:1: columns `level` and `niveau` both name the column `level`; keep one",
    ),
    (
        "unknown-actor-suggestions",
        "fixtures/invalid/unknown-actor-suggestions/relations.csv:2: unknown actor `gem_3` in `target`; it is not an id in fixtures/invalid/unknown-actor-suggestions/actors.csv; did you mean `gem_1`, `gem_2` or `gem_4`?",
    ),
    (
        "relation-unknown-coalition",
        "fixtures/invalid/relation-unknown-coalition/relations.csv:3: `coalition` is `d2`, which is not an id in coalitions.csv; name the coalition the tie is part of, or leave the cell empty for a tie of the whole network",
    ),
    (
        "json-missing-actors",
        "fixtures/invalid/json-missing-actors/network.json: missing the array `actors`; a JSON workspace needs {\"actors\": [{\"id\": …}, …]}",
    ),
];

#[test]
fn every_defect_is_reported_with_its_exact_location_and_message() {
    let wrong: Vec<String> = DEFECTS
        .iter()
        .filter(|(folder, expected)| problems(folder) != [*expected])
        .map(|(folder, expected)| {
            format!("{folder}:\n  expected {expected}\n  found    {:?}", problems(folder))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_invalid_fixture_is_covered() {
    let mut folders: Vec<String> = std::fs::read_dir(fixture("invalid"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    folders.sort();
    for folder in folders.iter().filter(|f| *f != "many-problems") {
        assert!(DEFECTS.iter().any(|(name, _)| name == folder), "{folder} has no expected message");
    }
}

#[test]
fn all_problems_are_reported_at_once_in_file_and_line_order() {
    assert_eq!(
        problems("many-problems"),
        [
            "fixtures/invalid/many-problems/actors.csv:3: duplicate actor id `a` (first on line 2); ids must be unique",
            "fixtures/invalid/many-problems/actors.csv:4: unknown sector `ngo`; expected government, business, knowledge, civil_society, citizens or hybrid (in Dutch: overheid, bedrijfsleven, kennisinstelling, maatschappelijk, burgers or hybride), or an empty cell",
            "fixtures/invalid/many-problems/relations.csv:2: unknown actor `x` in `target`; it is not an id in fixtures/invalid/many-problems/actors.csv",
            "fixtures/invalid/many-problems/relations.csv:3: `weight` is `0`; a weight is a tie strength > 0 (leave the cell empty for 1)",
        ]
    );
}

#[test]
fn a_quoted_cell_spanning_lines_keeps_later_line_numbers_right() {
    let actors = b"id,name\na,\"two\nlines\"\nb,B\nb,again\n".to_vec();
    let error = load(&Source::Memory(vec![("actors.csv".into(), actors)])).unwrap_err();
    let messages: Vec<String> =
        error.diagnostics().items().iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        ["actors.csv:5: duplicate actor id `b` (first on line 4); ids must be unique"]
    );
}

#[test]
fn a_row_after_blank_lines_is_named_by_its_own_line() {
    // Plain rows and rows with quotes are read by different readers; both count the blanks.
    for actors in [
        "id,name,sector\na,A,government\n\n\r\nb,B,ngo\n",
        "id,name,sector\na,\"A, the first\",government\n\n\r\nb,B,ngo\n",
    ] {
        let error = load(&Source::Memory(vec![("actors.csv".into(), actors.into())])).unwrap_err();
        let messages: Vec<String> =
            error.diagnostics().items().iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "actors.csv:5: unknown sector `ngo`; expected government, business, knowledge, civil_society, citizens or hybrid (in Dutch: overheid, bedrijfsleven, kennisinstelling, maatschappelijk, burgers or hybride), or an empty cell"
            ],
            "{actors:?}"
        );
    }
}

#[test]
fn a_large_file_read_in_parallel_chunks_loads_as_when_read_in_one_piece() {
    // Over 3 MB of relations: several chunks, whose layers, topics and extra cells come in
    // different orders. A quoted cell makes the same rows a file that is read in one piece.
    let mut actors = String::from("id,name\n");
    for i in 0..2000 {
        actors.push_str(&format!("a{i},Actor {i}\n"));
    }
    let mut plain = String::from("source,target,layer,weight,topic,note\n");
    for i in 0..100_000u32 {
        let layer =
            ["collaboration", "Funding", "advice", "MANDATE"][(i / 12000 + i % 3) as usize % 4];
        let topic = if i % 5 == 0 { String::new() } else { format!("topic {}", (i / 900) % 40) };
        let note = if i % 11 == 0 { format!("n{i}") } else { String::new() };
        plain.push_str(&format!(
            "a{},a{},{layer},{}.5,{topic},{note}\n",
            i % 2000,
            (i * 7 + 1) % 2000,
            i % 9 + 1
        ));
    }
    assert!(plain.len() > 3 << 20, "{}", plain.len());
    let quoted = plain.replacen("a0,a1,", "\"a0\",a1,", 1);
    assert_ne!(quoted, plain);
    let load_with = |relations: &str| {
        load(&Source::Memory(vec![
            ("actors.csv".into(), actors.clone().into_bytes()),
            ("relations.csv".into(), relations.as_bytes().to_vec()),
        ]))
        .unwrap()
    };
    let (chunked, whole) = (load_with(&plain), load_with(&quoted));
    assert_eq!(chunked.relations().len(), 100_000);
    assert_eq!(chunked.relations(), whole.relations());
    assert_eq!(chunked.layers(), whole.layers());
    assert_eq!(chunked.topics(), whole.topics());
    assert_eq!(chunked.relation_attributes(), whole.relation_attributes());
    assert_eq!(chunked.relation_attributes().get(59_994, "note"), Some("n59994"));
    let layer_names: Vec<&str> = chunked.layers().iter().map(|l| l.name.as_str()).collect();
    assert_eq!(layer_names, ["collaboration", "Funding", "advice", "MANDATE"]);
}

#[test]
fn a_flood_of_errors_is_counted_beyond_the_kept_ones() {
    let mut relations = String::from("source,target\n");
    for _ in 0..5000 {
        relations.push_str("a,nobody\n");
    }
    let files = vec![
        ("actors.csv".to_owned(), b"id\na\n".to_vec()),
        ("relations.csv".to_owned(), relations.into_bytes()),
    ];
    let error = load(&Source::Memory(files)).unwrap_err();
    assert_eq!(error.diagnostics().len(), 5000);
    assert_eq!(error.diagnostics().items().len(), stakenet::error::MAX_DIAGNOSTICS);
    assert!(
        error.to_string().ends_with(
            "relations.csv:1001: unknown actor `nobody` in `target`; it is not an id in actors.csv\n\
             … and 4000 more problems (only the first 1000 are listed)\n"
        ),
        "{error}"
    );
}

#[test]
fn a_written_workspace_reads_back_as_the_same_network() {
    for network in [
        load_fixture("tiny"),
        load_fixture("regio-deals"),
        stakenet::generate::generate(&stakenet::generate::GenerateConfig::default()),
    ] {
        let files: Vec<(String, Vec<u8>)> = stakenet::io::workspace_csv(&network)
            .into_iter()
            .map(|(name, text)| (name.to_owned(), text.into_bytes()))
            .collect();
        let again = load(&Source::Memory(files)).unwrap();
        assert_eq!(again.actors(), network.actors());
        // Layer ids follow first appearance, so relations are compared with their layer's name.
        let named = |n: &Network| -> Vec<(stakenet::Relation, String)> {
            n.relations()
                .iter()
                .map(|r| {
                    let name = n.layers()[r.layer.index()].name.clone();
                    (
                        stakenet::Relation { layer: stakenet::LayerId::from_index(0), ..r.clone() },
                        name,
                    )
                })
                .collect()
        };
        assert!(named(&again) == named(&network), "relations differ after a round trip");
        assert_eq!(again.coalitions(), network.coalitions());
        assert_eq!(again.memberships(), network.memberships());
        assert_eq!(again.relation_attributes(), network.relation_attributes());
    }
}

#[test]
fn a_parent_chain_of_300_000_loads_and_folds_without_recursion() {
    let n = 300_000;
    let mut actors = String::from("id,level,parent\n");
    for i in 0..n {
        let level = if i == 1 { "provincial" } else { "municipal" };
        let parent = if i == 0 { String::new() } else { format!("a{}", i - 1) };
        actors.push_str(&format!("a{i},{level},{parent}\n"));
    }
    let relations = format!("source,target\na{},a{}\na0,a{}\n", n - 1, n - 2, n / 2);
    let network = load(&Source::Memory(vec![
        ("actors.csv".into(), actors.into_bytes()),
        ("relations.csv".into(), relations.into_bytes()),
    ]))
    .unwrap();
    assert_eq!(network.hierarchy().n_levels() as usize, n);
    let spec = stakenet::ViewSpec::default().with_level(Level::Provincial);
    let view = stakenet::View::build(&network, &spec).unwrap();
    // Everything below a1 folds into a1; a0 stays itself.
    assert_eq!(view.n_nodes(), 2);
    assert_eq!(view.n_ties(), 1);

    // A cycle through the whole chain is reported once, at the first actor's line.
    let mut cyclic = String::from("id,parent\n");
    for i in 0..n {
        cyclic.push_str(&format!("a{i},a{}\n", (i + 1) % n));
    }
    let error =
        load(&Source::Memory(vec![("actors.csv".into(), cyclic.into_bytes())])).unwrap_err();
    assert_eq!(error.diagnostics().len(), 1);
    assert_eq!(
        error.diagnostics().items()[0].to_string(),
        "actors.csv:2: parent cycle `a0` → `a1` → `a2` → `a3` → `a4` → `a5` → `a6` → `a7` → … 299984 more … → `a299992` → `a299993` → `a299994` → `a299995` → `a299996` → `a299997` → `a299998` → `a299999` → `a0`; an actor cannot be its own ancestor"
    );
}

/// The problems loading `source` gives, as `path:line: message`.
fn load_problems(source: &Source) -> Vec<String> {
    match load(source) {
        Ok(_) => panic!("{source:?} loaded"),
        Err(error) => error.diagnostics().items().iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn files_that_are_missing_folders_or_too_large_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("network.json");
    let shown = json.display().to_string();
    assert_eq!(load_problems(&Source::JsonFile(json.clone())), [format!("{shown}: missing file")]);
    std::fs::create_dir(&json).unwrap();
    assert_eq!(
        load_problems(&Source::JsonFile(json.clone())),
        [format!("{shown}: cannot read the file: is a folder, expected a file")]
    );
    std::fs::remove_dir(&json).unwrap();
    // Sparse: no disk space is taken, and the size alone refuses the file.
    let file = std::fs::File::create(&json).unwrap();
    file.set_len(stakenet::io::MAX_FILE_BYTES + 1).unwrap();
    drop(file);
    assert_eq!(
        load_problems(&Source::JsonFile(json.clone())),
        [format!(
            "{shown}: cannot read the file: is 4294967297 bytes; stakenet reads files up to 4294967296 bytes (4 GiB): split the workspace"
        )]
    );
    // A folder path through a file: the operating system says why (ENOTDIR; Windows reports
    // such a path as missing).
    if cfg!(unix) {
        let problems = load_problems(&Source::Folder(json.clone()));
        assert_eq!(problems.len(), 4, "one for each file: {problems:?}");
        for (problem, file) in problems.iter().zip(["actors", "coalitions", "members", "relations"])
        {
            let path = json.join(format!("{file}.csv"));
            let prefix = format!("{}: cannot read the file: ", path.display());
            assert!(problem.starts_with(&prefix), "{problems:?}");
            assert!(problem.ends_with("(os error 20)"), "{problems:?}");
        }
    }
}

#[test]
fn a_load_error_counts_and_lists_its_problems() {
    let files = vec![("actors.csv".to_owned(), b"id,sector\na,ngo\na,government\n".to_vec())];
    let error = load(&Source::Memory(files)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the workspace has 2 problem(s):\n\
         actors.csv:2: unknown sector `ngo`; expected government, business, knowledge, civil_society, citizens or hybrid (in Dutch: overheid, bedrijfsleven, kennisinstelling, maatschappelijk, burgers or hybride), or an empty cell\n\
         actors.csv:3: duplicate actor id `a` (first on line 2); ids must be unique\n"
    );
}

/// A workspace of one `actors.csv` with an `influence` column, loaded as `options` say; the
/// influences read, or the problems.
fn influences(actors: &str, options: &LoadOptions) -> Result<Vec<Option<f64>>, Vec<String>> {
    let source = Source::Memory(vec![("actors.csv".into(), actors.as_bytes().to_vec())]);
    match load_with(&source, options) {
        Ok(loaded) => Ok(loaded.network.actors().iter().map(|a| a.influence).collect()),
        Err(error) => Err(error.diagnostics().items().iter().map(ToString::to_string).collect()),
    }
}

#[test]
fn numbers_follow_the_files_convention_and_are_never_guessed() {
    let detect = LoadOptions::default();
    // `;`: the Dutch way, a dot groups thousands.
    assert_eq!(
        influences(
            "id;influence\na;750.000\nb;30.000.000\nc;1.000.000,00\nd;1,5\ne;€ 1.250\n",
            &detect
        ),
        Ok(vec![Some(750_000.0), Some(30_000_000.0), Some(1_000_000.0), Some(1.5), Some(1250.0)])
    );
    // A decimal comma anywhere makes a comma-separated file Dutch too.
    assert_eq!(
        influences("id,influence\na,\"750.000\"\nb,\"0,5\"\n", &detect),
        Ok(vec![Some(750_000.0), Some(0.5)])
    );
    // Otherwise the English way.
    assert_eq!(
        influences("id,influence\na,2.5\nb,\"1,250,000\"\nc,1 250\n", &detect),
        Ok(vec![Some(2.5), Some(1_250_000.0), Some(1250.0)])
    );
    // `2.5` in a Dutch file names both readings; --numbers en reads it.
    let problems = influences("id;influence\na;2.5\n", &detect).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].contains("`2.5` reads as 2.5 with a decimal point, but this file writes numbers the Dutch way (it is `;`-separated)"), "{problems:?}");
    let english = LoadOptions::default().with_numbers(Some(NumberConvention::English));
    assert_eq!(influences("id;influence\na;2.5\n", &english), Ok(vec![Some(2.5)]));
    let dutch = LoadOptions::default().with_numbers(Some(NumberConvention::Dutch));
    assert_eq!(influences("id,influence\na,1.250\n", &dutch), Ok(vec![Some(1250.0)]));
    assert_eq!(influences("id,influence\na,1.250\n", &english), Ok(vec![Some(1.25)]));
    let problems = influences("id\tinfluence\na\t12,5\n", &english).unwrap_err();
    assert_eq!(
        problems,
        [
            "actors.csv:2: `influence`: `12,5` reads as 12.5 with a decimal comma, but this file writes numbers the English way (as asked), where a point is the decimal sign; write 12.5 (or read the file the Dutch way: --numbers nl)"
        ]
    );
    // A tab-separated Dutch export is told by its decimal commas, named by line.
    let problems = influences("id\tinfluence\na\t12,5\nb\t2.5\n", &detect).unwrap_err();
    assert!(
        problems[0].contains("this file writes numbers the Dutch way (line 2 has a decimal comma)"),
        "{problems:?}"
    );
}

/// The warnings of a workspace held in memory, as printed.
fn warnings(files: &[(&str, &str)]) -> Vec<String> {
    let files = files.iter().map(|(name, text)| (name.to_string(), text.as_bytes().to_vec()));
    let loaded = load_with(&Source::Memory(files.collect()), &LoadOptions::default()).unwrap();
    loaded.warnings.items().iter().map(ToString::to_string).collect()
}

#[test]
fn a_workspace_that_loads_but_looks_unintended_gets_warnings() {
    let actors = "id,name,sectr,level,website\na,A,government,municipal,\nb,B,,,\nc,C,,,\nd,D,,,\n";
    let relations = "source,target,layer\na,b,funding\nb,c,funding\na,c,fundng\n";
    assert_eq!(
        warnings(&[("actors.csv", actors), ("relations.csv", relations)]),
        [
            "actors.csv:1: warning: no `sector` column, so no actor has a sector; add the column to use sectors (in brokerage groups, folding, comparisons)",
            "actors.csv:1: warning: unknown column `sectr` is kept as an attribute; did you mean `sector`?",
            "actors.csv:5: warning: actor `d` has no relations, memberships, parent or units: it stands alone in every analysis (is its id written differently elsewhere?)",
            "relations.csv:4: warning: layer `fundng` has this relation only; did you mean `funding`?",
        ]
    );
    // No layer column; many actors alone are counted on one line after the first three.
    let actors = "id,sector,level\na,,\nb,,\nc,,\nd,,\ne,,\nf,,\ng,,\nh,,\n";
    assert_eq!(
        warnings(&[("actors.csv", actors), ("relations.csv", "source,target\ng,h\n")]),
        [
            "actors.csv:2: warning: actor `a` has no relations, memberships, parent or units: it stands alone in every analysis (is its id written differently elsewhere?)",
            "actors.csv:3: warning: actor `b` has no relations, memberships, parent or units: it stands alone in every analysis (is its id written differently elsewhere?)",
            "actors.csv:4: warning: actor `c` has no relations, memberships, parent or units: it stands alone in every analysis (is its id written differently elsewhere?)",
            "actors.csv:5: warning: actor `d` and 2 more actors after it have no relations, memberships, parent or units: they stand alone in every analysis",
            "relations.csv:1: warning: no `layer` column, so every relation is in the layer `collaboration`; add the column to tell collaboration, funding, information, mandate, reporting, dependency apart",
        ]
    );
    // Well-known layers used once, attributes far from any column: nothing to say.
    assert!(
        warnings(&[
            ("actors.csv", "id,sector,level,website\na,,,\nb,,,\n"),
            ("relations.csv", "source,target,layer\na,b,reporting\n"),
        ])
        .is_empty()
    );
}

#[test]
fn an_excel_sep_line_names_the_delimiter_and_lines_count_from_it() {
    let actors = "sep=;\r\nid;name;sector\r\na;A, the first;government\r\nb;B;ngo\r\n";
    let problems = load_problems(&Source::Memory(vec![("actors.csv".into(), actors.into())]));
    assert_eq!(
        problems,
        [
            "actors.csv:4: unknown sector `ngo`; expected government, business, knowledge, civil_society, citizens or hybrid (in Dutch: overheid, bedrijfsleven, kennisinstelling, maatschappelijk, burgers or hybride), or an empty cell"
        ]
    );
    let missing =
        load_problems(&Source::Memory(vec![("actors.csv".into(), b"sep=,\nname\nA\n".to_vec())]));
    assert!(missing[0].starts_with("actors.csv:2: missing column `id`"), "{missing:?}");
}

#[test]
fn a_sheet_given_as_the_workspace_is_told_what_a_workspace_is() {
    let sheet = fixture("tiny/actors.csv");
    let problems = load_problems(&Source::from_path(&sheet));
    assert_eq!(
        problems,
        [format!(
            "{}: this is one sheet, not a workspace: a workspace is a folder holding actors.csv (and relations.csv, coalitions.csv, members.csv), one network.json, or one workbook (.xlsx, .ods) with those sheets; give the folder that holds it (`{}`), with the sheet named actors.csv, relations.csv, coalitions.csv or members.csv",
            sheet.display(),
            fixture("tiny").display()
        )]
    );
    let workbook = load_problems(&Source::JsonFile("deals.xls".into()));
    assert_eq!(
        workbook,
        [
            "deals.xls: an Excel 97-2003 workbook (.xls) is not read: save it as an Excel workbook (.xlsx), or each sheet as \"CSV UTF-8\" into one folder; a workspace is a folder holding actors.csv (and relations.csv, coalitions.csv, members.csv), one network.json, or one workbook (.xlsx, .ods) with those sheets, or a workbook with the sheets actors, relations, coalitions and members"
        ]
    );
}
