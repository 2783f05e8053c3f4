//! Loading a workspace: reads its tables, checks every value and reference, and builds the
//! [`Network`]. Every problem is collected; none stops the reading.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::aliases;
use super::cells::{self, Dialect};
use super::graph_file;
use super::json;
use super::key_index::KeyIndex;
use super::matrix::{self, MatrixCsv};
use super::numbers::NumberConvention;
use super::source::{FileRead, Source};
use super::table::{Placed, Row, Table, Tables};
use super::workbook;
use crate::error::{Diagnostics, LoadError, Location};
use crate::model::{
    Actor, ActorId, Coalition, CoalitionId, DERIVED_LAYERS, Layer, LayerId, Membership, Network,
    NetworkBuilder, Relation, Role, TopicId, Validity, directed_by_default,
};

/// The columns of each table that the format defines; any other column is kept as an attribute.
pub const ACTOR_COLUMNS: &[&str] =
    &["id", "name", "sector", "level", "parent", "kind", "themes", "influence", "successor"];
/// See [`ACTOR_COLUMNS`].
pub const RELATION_COLUMNS: &[&str] = &[
    "source",
    "target",
    "layer",
    "directed",
    "weight",
    "amount",
    "topic",
    "since",
    "until",
    "coalition",
];
/// See [`ACTOR_COLUMNS`].
pub const COALITION_COLUMNS: &[&str] = &[
    "id",
    "name",
    "tranche",
    "region",
    "themes",
    "national_contribution",
    "cofinancing",
    "governance",
    "start",
    "end",
];
/// See [`ACTOR_COLUMNS`].
pub const MEMBER_COLUMNS: &[&str] =
    &["coalition", "actor", "role", "contribution", "since", "until"];

/// The layer a relation belongs to when `relations.csv` has no `layer` column.
pub const DEFAULT_LAYER: &str = "collaboration";

/// How to load a workspace: what detection would otherwise decide. Built from `Default` and
/// `with_*` methods.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct LoadOptions {
    /// How every CSV file writes its numbers; `None` detects it per file (`;`-separated or a
    /// decimal comma: Dutch; otherwise English). A JSON workspace writes decimal points.
    pub numbers: Option<NumberConvention>,
}

impl LoadOptions {
    /// Reads the numbers of every CSV file in this convention instead of detecting it.
    #[must_use]
    pub fn with_numbers(mut self, numbers: Option<NumberConvention>) -> Self {
        self.numbers = numbers;
        self
    }
}

/// A loaded workspace: the network and the warnings about it (things that loaded but look
/// unintended: an unknown column close to a known one, a missing `sector`, `level` or `layer`
/// column, a layer used once, actors tied to nothing).
#[derive(Debug)]
#[non_exhaustive]
pub struct Loaded {
    /// The validated network.
    pub network: Network,
    /// The warnings, in file and line order (at most [`crate::error::MAX_DIAGNOSTICS`] kept).
    pub warnings: Diagnostics,
}

/// Loads and validates a workspace, detecting each file's number convention; warnings are
/// dropped (see [`load_with`]).
///
/// # Errors
/// [`LoadError::Invalid`] with every problem found, each as `path:line: message`.
pub fn load(source: &Source) -> Result<Network, LoadError> {
    load_with(source, &LoadOptions::default()).map(|loaded| loaded.network)
}

/// Loads and validates a workspace as `options` say, returning its warnings with it.
///
/// # Errors
/// [`LoadError::Invalid`] with every problem found, each as `path:line: message` (warnings
/// are not among them).
pub fn load_with(source: &Source, options: &LoadOptions) -> Result<Loaded, LoadError> {
    let mut diagnostics = Diagnostics::default();
    let mut warnings = Diagnostics::default();
    let network = if let Some(message) = sheet_given_as_workspace(source) {
        diagnostics
            .push(Location { path: source.display_path("network.json"), line: None }, message);
        None
    } else if let Some(file) = workbook::file_of(source) {
        load_workbook(source, &file, &mut diagnostics, &mut warnings)
    } else if let Some(format) = graph_file::format_of(source) {
        graph_file::load(source, format, &mut diagnostics)
    } else if source.is_json() {
        load_json(source, &mut diagnostics, &mut warnings)
    } else {
        load_csv(source, options, &mut diagnostics, &mut warnings)
    };
    match network {
        Some(network) if diagnostics.is_empty() => {
            warnings.sort();
            Ok(Loaded { network, warnings })
        }
        _ => {
            diagnostics.sort();
            Err(LoadError::Invalid(diagnostics))
        }
    }
}

fn load_csv(
    source: &Source,
    options: &LoadOptions,
    diagnostics: &mut Diagnostics,
    warnings: &mut Diagnostics,
) -> Option<Network> {
    let read = |file: &str, diagnostics: &mut Diagnostics| match source.read(file) {
        FileRead::Bytes(bytes) => Some(bytes),
        FileRead::Missing => {
            if file == "actors.csv" {
                diagnostics.push(
                    Location { path: source.display_path(file), line: None },
                    "missing file; a workspace needs actors.csv (columns id, name, sector, level, parent, …) and may have relations.csv, coalitions.csv and members.csv",
                );
            }
            None
        }
        FileRead::Unreadable(why) => {
            diagnostics.push(
                Location { path: source.display_path(file), line: None },
                format!("cannot read the file: {why}"),
            );
            None
        }
    };
    // The other files are read while the actors are.
    let mut found_reading = Diagnostics::default();
    let (actor_table, others) = rayon::join(
        || {
            let bytes = read("actors.csv", diagnostics)?;
            let table = open_csv(source, "actors.csv", &bytes, options, diagnostics, warnings)?;
            Some(read_actors(table, diagnostics, warnings))
        },
        || {
            ["relations.csv", "coalitions.csv", "members.csv"]
                .map(|file| (file, read(file, &mut found_reading)))
        },
    );
    diagnostics.append(found_reading);
    let [relations, coalitions, members] = others.each_ref().map(|(file, bytes)| {
        bytes
            .as_ref()
            .and_then(|bytes| open_csv(source, file, bytes, options, diagnostics, warnings))
    });
    // A coalitions.csv that is there but could not be opened names no coalition, and members
    // pointing at them are not reported again.
    let coalitions_broken = others[1].1.is_some() && coalitions.is_none();
    let actor_table = actor_table?;
    let matrices = matrix::read_all(source, diagnostics);
    let others = OtherTables { relations, coalitions, coalitions_broken, members, matrices };
    finish(actor_table, others, diagnostics, warnings)
}

/// Opens one CSV file of the workspace and settles how it writes numbers.
fn open_csv<'a>(
    source: &Source,
    file: &str,
    bytes: &'a [u8],
    options: &LoadOptions,
    diagnostics: &mut Diagnostics,
    warnings: &mut Diagnostics,
) -> Option<Table<'a>> {
    let mut table = Table::csv(source.display_path(file), bytes, diagnostics)?;
    name_columns(&mut table, file, diagnostics, warnings)?;
    let numeric: Vec<usize> = number_columns(file).iter().filter_map(|c| table.column(c)).collect();
    table.settle_numbers(&numeric, options.numbers);
    Some(table)
}

/// The columns `file` defines, and those it knows though the format does not define them.
fn known_columns(file: &str) -> &'static [&'static str] {
    match file {
        "actors.csv" => &[
            "id",
            "name",
            "sector",
            "level",
            "parent",
            "kind",
            "themes",
            "influence",
            "abbreviation",
        ],
        "relations.csv" => RELATION_COLUMNS,
        "coalitions.csv" => COALITION_COLUMNS,
        "members.csv" => MEMBER_COLUMNS,
        _ => &[],
    }
}

/// Gives the columns their names in the format: a Dutch or other alias (`niveau`) becomes the
/// column it stands for (`level`), `National contribution` becomes `national_contribution`.
/// Warns about an unknown column close to a known one (it is kept as an attribute), and
/// refuses a column named twice (`level` and `niveau`). `None` when refused.
fn name_columns(
    table: &mut Table<'_>,
    file: &str,
    diagnostics: &mut Diagnostics,
    warnings: &mut Diagnostics,
) -> Option<()> {
    let known = known_columns(file);
    let alias_list = aliases::column_aliases(file);
    let written = std::mem::take(&mut table.header);
    let mut named: Vec<String> = Vec::with_capacity(written.len());
    // Each name's first column: one look-up per column, however wide the header.
    let mut first_of: FxHashMap<String, usize> = FxHashMap::default();
    let mut ok = true;
    for name in &written {
        let key = aliases::normalized(name);
        let canonical = known
            .iter()
            .find(|k| **k == key)
            .or_else(|| alias_list.iter().find(|(alias, _)| *alias == key).map(|(_, c)| c))
            .copied();
        let new_name = match canonical {
            Some(canonical) => canonical.to_owned(),
            None => {
                let candidates = known.iter().copied().chain(alias_list.iter().map(|(a, _)| *a));
                let close: Vec<&str> = aliases::close_to(&key, candidates)
                    .into_iter()
                    .map(|c| {
                        alias_list.iter().find(|(alias, _)| *alias == c).map_or(c, |(_, k)| *k)
                    })
                    .collect();
                let mut suggested: Vec<&str> = Vec::new();
                for c in close {
                    if !suggested.contains(&c) {
                        suggested.push(c);
                    }
                }
                if !suggested.is_empty() {
                    warnings.warn(
                        table.at(table.header_line),
                        format!(
                            "unknown column `{name}` is kept as an attribute{}",
                            aliases::did_you_mean(&suggested)
                        ),
                    );
                }
                name.clone()
            }
        };
        let column = named.len();
        if let Some(&first) = first_of.get(&new_name) {
            diagnostics.push(
                table.at(table.header_line),
                format!(
                    "columns `{}` and `{name}` both name the column `{new_name}`; keep one",
                    written[first]
                ),
            );
            ok = false;
        } else {
            first_of.insert(new_name.clone(), column);
        }
        named.push(new_name);
    }
    table.header = named;
    ok.then_some(())
}

/// The columns of `file` that hold numbers.
fn number_columns(file: &str) -> &'static [&'static str] {
    match file {
        "actors.csv" => &["influence"],
        "relations.csv" => &["weight", "amount"],
        "coalitions.csv" => &["national_contribution", "cofinancing"],
        "members.csv" => &["contribution"],
        _ => &[],
    }
}

fn load_json(
    source: &Source,
    diagnostics: &mut Diagnostics,
    warnings: &mut Diagnostics,
) -> Option<Network> {
    let path = source.display_path("network.json");
    let bytes = source.read_required("network.json", diagnostics)?;
    // The keys that name a column of the format (as `name_columns` renames them); the
    // others are attributes, which the document packs per record.
    let is_column = |array: &str, key: &str| {
        let file = format!("{array}.csv");
        let key = aliases::normalized(key);
        known_columns(&file).contains(&key.as_str())
            || aliases::column_aliases(&file).iter().any(|(alias, _)| *alias == key)
    };
    let tables = json::tables(&path, &bytes, &is_column, diagnostics)?;
    let missing =
        "missing the array `actors`; a JSON workspace needs {\"actors\": [{\"id\": …}, …]}";
    finish_document(tables, &path, missing, diagnostics, warnings)
}

/// The tables of one document (`network.json`, a workbook): columns named, the actors read
/// (`missing_actors` said when there are none), then the rest.
fn finish_document(
    mut tables: Tables<'_>,
    path: &str,
    missing_actors: &str,
    diagnostics: &mut Diagnostics,
    warnings: &mut Diagnostics,
) -> Option<Network> {
    for (table, file) in [
        (&mut tables.actors, "actors.csv"),
        (&mut tables.relations, "relations.csv"),
        (&mut tables.coalitions, "coalitions.csv"),
        (&mut tables.members, "members.csv"),
    ] {
        if let Some(named) = table {
            if name_columns(named, file, diagnostics, warnings).is_none() {
                *table = None;
            }
        }
    }
    let Some(actors) = tables.actors else {
        if diagnostics.is_empty() {
            diagnostics.push(Location { path: path.to_owned(), line: None }, missing_actors);
        }
        return None;
    };
    let actor_table = read_actors(actors, diagnostics, warnings);
    let others = OtherTables {
        relations: tables.relations,
        coalitions: tables.coalitions,
        coalitions_broken: false,
        members: tables.members,
        matrices: Vec::new(),
    };
    finish(actor_table, others, diagnostics, warnings)
}

/// A single CSV file given as the workspace that is one sheet of a workspace (its header names
/// `id` and `name`, `source` and `target`, or `coalition` and `actor`, in English or Dutch),
/// not a survey matrix:
/// what to say. A workbook likewise, until workbooks are read.
fn sheet_given_as_workspace(source: &Source) -> Option<String> {
    let Source::JsonFile(file) = source else { return None };
    let extension = file.extension()?.to_str()?.to_ascii_lowercase();
    if matches!(extension.as_str(), "csv" | "tsv" | "txt") {
        let FileRead::Bytes(bytes) = source.read("network.json") else { return None };
        let first = bytes.split(|&b| b == b'\n').find(|l| !l.starts_with(b"sep="))?;
        let first = String::from_utf8_lossy(first).to_ascii_lowercase();
        let cells: Vec<&str> =
            first.split([',', ';', '\t']).map(|c| c.trim().trim_matches('"')).collect();
        let has = |names: &[&str]| cells.iter().any(|c| names.contains(c));
        let actors = has(&["id"]) && has(&["name", "naam"]);
        let relations = has(&["source", "bron", "van"]) && has(&["target", "doel", "naar"]);
        let members = has(&["coalition", "coalitie", "deal"]) && has(&["actor", "partij"]);
        if !(actors || relations || members) {
            return None;
        }
    }
    not_a_workspace(file)
}

/// A workbook (`.xlsx`, `.xlsm`, `.xlsb`, `.ods`): its sheets as the tables, validated as a
/// CSV workspace's.
fn load_workbook(
    source: &Source,
    file: &str,
    diagnostics: &mut Diagnostics,
    warnings: &mut Diagnostics,
) -> Option<Network> {
    let path = source.display_path(file);
    let bytes = source.read_required(file, diagnostics)?.into_owned();
    let tables = workbook::tables(&path, bytes, diagnostics)?;
    finish_document(tables, &path, workbook::MISSING_ACTORS, diagnostics, warnings)
}

/// What to say when a file that is not a workspace is given as one: a sheet (`.csv`, `.xlsx`,
/// `.ods`, `.txt`) rather than the folder that holds the sheets, or `network.json`.
fn not_a_workspace(file: &std::path::Path) -> Option<String> {
    let extension = file.extension()?.to_str()?.to_ascii_lowercase();
    let folder = file
        .parent()
        .map(|p| p.display().to_string())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| ".".to_owned());
    let workspace = "a workspace is a folder holding actors.csv (and relations.csv, \
                     coalitions.csv, members.csv), one network.json, or one workbook (.xlsx, \
                     .ods) with those sheets";
    match extension.as_str() {
        "csv" | "tsv" | "txt" => Some(format!(
            "this is one sheet, not a workspace: {workspace}; give the folder that holds it \
             (`{folder}`), with the sheet named actors.csv, relations.csv, coalitions.csv or \
             members.csv"
        )),
        "xls" => Some(format!(
            "an Excel 97-2003 workbook (.xls) is not read: save it as an Excel workbook (.xlsx), \
             or each sheet as \"CSV UTF-8\" into one folder; {workspace}, or a workbook with \
             the sheets actors, relations, coalitions and members"
        )),
        _ => None,
    }
}

/// The tables of a workspace besides its actors, as opened.
struct OtherTables<'a> {
    relations: Option<Table<'a>>,
    coalitions: Option<Table<'a>>,
    /// A coalitions table that is there but could not be opened: members naming coalitions
    /// are not reported again.
    coalitions_broken: bool,
    members: Option<Table<'a>>,
    /// Survey matrices (`relations-LAYER.csv`), a layer each.
    matrices: Vec<MatrixCsv>,
}

/// Reads the other tables once the actors are read, and builds the network; `None` when any
/// problem was found.
fn finish(
    mut actor_table: ActorTable,
    others: OtherTables<'_>,
    diagnostics: &mut Diagnostics,
    warnings: &mut Diagnostics,
) -> Option<Network> {
    let OtherTables { relations, coalitions, coalitions_broken, members, matrices } = others;
    let mut builder = NetworkBuilder::default();
    // A coalitions table without ids names no coalition either. Read first: relations and
    // members name coalitions.
    let (coalition_keys, coalitions_broken) =
        match coalitions.map(|table| read_coalitions(table, &mut builder, diagnostics)) {
            Some(Some(keys)) => (keys, coalitions_broken),
            Some(None) => (FxHashMap::default(), true),
            None => (FxHashMap::default(), coalitions_broken),
        };
    if let Some(relations) = relations {
        read_relations(
            relations,
            &actor_table,
            (&coalition_keys, coalitions_broken),
            &mut builder,
            diagnostics,
            warnings,
        );
    }
    // Survey matrices (relations-LAYER.csv): a layer each, ids from actors.csv.
    for matrix in matrices {
        let path = matrix.path.clone();
        matrix.add_to(&mut builder, diagnostics, |key, column, line, diagnostics| {
            actor_table.resolve(key, column, Here { path: &path, line }, diagnostics)
        });
    }

    if let Some(members) = members {
        read_members(
            members,
            &actor_table,
            (&coalition_keys, coalitions_broken),
            &mut builder,
            diagnostics,
        );
    }
    if !diagnostics.is_empty() {
        return None;
    }
    builder.actors = std::mem::take(&mut actor_table.actors);
    match builder.hierarchy() {
        Ok(hierarchy) => {
            let network = builder.build_with(hierarchy);
            warn_alone(&network, &actor_table, warnings);
            Some(network)
        }
        Err(cycles) => {
            for cycle in cycles.0 {
                let first = cycle[0];
                // A long cycle is named by its first and last few actors.
                const SHOWN: usize = 8;
                let name = |a: &ActorId| format!("`{}`", builder.actors[a.index()].key);
                let mut chain: Vec<String> = if cycle.len() <= 2 * SHOWN {
                    cycle.iter().map(name).collect()
                } else {
                    let mut chain: Vec<String> = cycle[..SHOWN].iter().map(name).collect();
                    chain.push(format!("… {} more …", cycle.len() - 2 * SHOWN));
                    chain.extend(cycle[cycle.len() - SHOWN..].iter().map(name));
                    chain
                };
                chain.push(name(&first));
                diagnostics.push(
                    Location {
                        path: actor_table.path.clone(),
                        line: Some(actor_table.lines[first.index()]),
                    },
                    format!(
                        "parent cycle {}; an actor cannot be its own ancestor",
                        chain.join(" → ")
                    ),
                );
            }
            None
        }
    }
}

/// Up to this many actors tied to nothing are named one by one; the rest are counted.
const ALONE_NAMED: usize = 3;

/// Warns about actors with no relation, membership, parent or unit: they stand alone in every
/// analysis (often an id written differently elsewhere). Beyond [`ALONE_NAMED`] one line
/// counts the rest.
fn warn_alone(network: &Network, actor_table: &ActorTable, warnings: &mut Diagnostics) {
    let mut tied = vec![false; network.actors().len()];
    for relation in network.relations() {
        tied[relation.source.index()] = true;
        tied[relation.target.index()] = true;
    }
    for membership in network.memberships() {
        tied[membership.actor.index()] = true;
    }
    for (i, actor) in network.actors().iter().enumerate() {
        if let Some(parent) = actor.parent {
            tied[i] = true;
            tied[parent.index()] = true;
        }
    }
    let alone: Vec<usize> = (0..tied.len()).filter(|&i| !tied[i]).collect();
    const WHY: &str = "no relations, memberships, parent or units: it stands alone in every \
                       analysis (is its id written differently elsewhere?)";
    let at = |i: usize| Location {
        path: actor_table.path.clone(),
        line: actor_table.lines.get(i).copied(),
    };
    let key = |i: usize| &network.actors()[i].key;
    if alone.len() <= ALONE_NAMED + 1 {
        for &i in &alone {
            warnings.warn(at(i), format!("actor `{}` has {WHY}", key(i)));
        }
        return;
    }
    for &i in &alone[..ALONE_NAMED] {
        warnings.warn(at(i), format!("actor `{}` has {WHY}", key(i)));
    }
    let next = alone[ALONE_NAMED];
    let n_more = alone.len() - ALONE_NAMED - 1;
    warnings.warn(
        at(next),
        format!(
            "actor `{}` and {n_more} more actors after it have no relations, memberships, parent \
             or units: they stand alone in every analysis",
            key(next)
        ),
    );
}

/// The place of a row, turned into a [`Location`] only when there is a problem to report.
#[derive(Clone, Copy)]
struct Here<'a> {
    path: &'a str,
    line: u64,
}

impl Here<'_> {
    fn location(self) -> Location {
        Location { path: self.path.to_owned(), line: Some(self.line) }
    }
}

/// The actors as read, and what the other tables need to know of them: their lines and an
/// index of their keys.
struct ActorTable {
    path: String,
    /// The actors could not be read at all (no `id` column): references to them are not
    /// reported one by one.
    unreadable: bool,
    actors: Vec<Actor>,
    lines: Vec<u64>,
    by_key: KeyIndex<ActorId>,
}

impl ActorTable {
    /// Resolves an actor reference, reporting an unknown one.
    fn resolve(
        &self,
        key: &str,
        column: &str,
        at: Here<'_>,
        diagnostics: &mut Diagnostics,
    ) -> Option<ActorId> {
        self.resolved(key, self.by_key.get(key), column, at, diagnostics)
    }

    /// [`ActorTable::resolve`] when `key` was already looked up (`found`).
    fn resolved(
        &self,
        key: &str,
        found: Option<ActorId>,
        column: &str,
        at: Here<'_>,
        diagnostics: &mut Diagnostics,
    ) -> Option<ActorId> {
        if key.is_empty() {
            diagnostics.push(
                at.location(),
                format!("empty `{column}`; name an actor id from {}", self.path),
            );
            return None;
        }
        if let Some(id) = found {
            return Some(id);
        }
        if self.unreadable {
            return None;
        }
        // Suggestions are looked for among the first 100,000 ids, and only for problems that
        // are kept.
        let hint = if diagnostics.is_full() {
            String::new()
        } else {
            let keys = self.actors.iter().map(|actor| actor.key.as_str()).take(100_000);
            aliases::did_you_mean(&aliases::close_to(key, keys))
        };
        diagnostics.push(
            at.location(),
            format!("unknown actor `{key}` in `{column}`; it is not an id in {}{hint}", self.path),
        );
        None
    }
}

/// The most column names a message lists: a header of 100,000 columns is not echoed whole.
const COLUMNS_SHOWN: usize = 20;

fn missing_column(
    table: &Table<'_>,
    column: &str,
    file: &str,
    columns: &[&str],
    diagnostics: &mut Diagnostics,
) {
    let word = table.column_word();
    // The names as written (a `network.json`'s packed attribute cell is none of them).
    let names: Vec<&String> =
        table.header.iter().filter(|name| name.as_str() != json::ATTRIBUTES).collect();
    let mut found: Vec<String> =
        names.iter().take(COLUMNS_SHOWN).map(|name| shorten(name, 40)).collect();
    if names.len() > COLUMNS_SHOWN {
        found.push(format!("… ({} in all)", names.len()));
    }
    diagnostics.push(
        table.at(table.header_line),
        format!(
            "missing {word} `{column}`; {} has the {word}s {} (found: {})",
            table.called(file),
            columns.join(", "),
            found.join(", ")
        ),
    );
}

/// `text` cut to its first `n` characters (with `…` when cut).
fn shorten(text: &str, n: usize) -> String {
    match text.char_indices().nth(n) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// The columns not defined by the format, to keep as attributes: columns of their own, and
/// the attributes a `network.json` packs into one cell per record ([`json::ATTRIBUTES`]).
struct ExtraColumns {
    plain: Vec<(usize, String)>,
    packed: Option<PackedColumns>,
}

/// The packed attribute cell's column, and the attribute keys that follow it in the header.
struct PackedColumns {
    column: usize,
    names: Vec<String>,
}

impl PackedColumns {
    /// The attributes of `row`'s packed cell, as (position in `names`, value): only those the
    /// record has, however many keys the document holds.
    fn of<'r>(&self, row: &Row<'r>) -> impl Iterator<Item = (usize, &'r str)> {
        let first = self.column + 1;
        json::packed_attributes(row.get(self.column)).filter_map(move |(column, value)| {
            let key = column.checked_sub(first).filter(|&key| key < self.names.len())?;
            Some((key, value))
        })
    }
}

fn extra_columns(table: &Table<'_>, known: &[&str]) -> ExtraColumns {
    let packed_at = (table.dialect == crate::io::cells::Dialect::JSON)
        .then(|| table.column(json::ATTRIBUTES))
        .flatten();
    let end = packed_at.unwrap_or(table.header.len());
    let plain = table.header[..end]
        .iter()
        .enumerate()
        .filter(|(_, h)| !known.contains(&h.as_str()))
        .map(|(i, h)| (i, h.clone()))
        .collect();
    let packed = packed_at
        .map(|column| PackedColumns { column, names: table.header[column + 1..].to_vec() });
    ExtraColumns { plain, packed }
}

fn attributes(row: &Row<'_>, extra: &ExtraColumns) -> BTreeMap<String, String> {
    let mut attributes: BTreeMap<String, String> = extra
        .plain
        .iter()
        .filter_map(|(column, name)| Some((name.clone(), row.optional(Some(*column))?.to_owned())))
        .collect();
    if let Some(packed) = &extra.packed {
        for (key, value) in packed.of(row) {
            attributes.insert(packed.names[key].clone(), value.to_owned());
        }
    }
    attributes
}

/// Reads an optional finite, non-negative number.
fn non_negative(
    row: &Row<'_>,
    column: Option<usize>,
    name: &str,
    dialect: Dialect,
    at: Here<'_>,
    diagnostics: &mut Diagnostics,
) -> Option<f64> {
    let text = row.optional(column)?;
    match dialect.number(text) {
        Ok(value) if value >= 0.0 => Some(value),
        Ok(_) => {
            diagnostics.push(at.location(), format!("`{name}` is `{text}`; expected a number ≥ 0"));
            None
        }
        Err(message) => {
            diagnostics.push(at.location(), format!("`{name}`: {message}"));
            None
        }
    }
}

fn optional_date(
    row: &Row<'_>,
    column: Option<usize>,
    name: &str,
    dialect: Dialect,
    at: Here<'_>,
    diagnostics: &mut Diagnostics,
) -> Option<crate::model::Date> {
    let text = row.optional(column)?;
    dialect
        .date(text)
        .map_err(|message| diagnostics.push(at.location(), format!("`{name}`: {message}")))
        .ok()
}

/// Reads `since`/`until` (or `start`/`end`) and checks their order.
fn validity(
    row: &Row<'_>,
    columns: (Option<usize>, Option<usize>),
    names: (&str, &str),
    dialect: Dialect,
    at: Here<'_>,
    diagnostics: &mut Diagnostics,
) -> Validity {
    let since = optional_date(row, columns.0, names.0, dialect, at, diagnostics);
    let until = optional_date(row, columns.1, names.1, dialect, at, diagnostics);
    if let (Some(since), Some(until)) = (since, until) {
        if until < since {
            diagnostics.push(
                at.location(),
                format!("`{}` {until} is before `{}` {since}", names.1, names.0),
            );
        }
    }
    Validity { since, until }
}

fn parse_vocabulary<T>(
    row: &Row<'_>,
    column: Option<usize>,
    name: &str,
    parse: fn(&str) -> Option<T>,
    accepted: &str,
    at: Here<'_>,
    diagnostics: &mut Diagnostics,
) -> Option<T> {
    let text = row.optional(column)?;
    let value = parse(text);
    if value.is_none() {
        diagnostics.push(
            at.location(),
            format!("unknown {name} `{text}`; expected {accepted}, or an empty cell"),
        );
    }
    value
}

/// What one chunk of `actors.csv` yields besides its actors: their lines and parent keys.
#[derive(Default)]
struct ActorChunk {
    lines: Vec<u64>,
    /// The actors that name a parent: their position in the chunk and the parent's id.
    parents: Vec<(usize, String)>,
    /// The actors that name successors: their position in the chunk and the successors' ids.
    successors: Vec<(usize, Vec<String>)>,
}

fn read_actors(
    table: Table<'_>,
    diagnostics: &mut Diagnostics,
    warnings: &mut Diagnostics,
) -> ActorTable {
    let mut actor_table = ActorTable {
        path: table.path.clone(),
        actors: Vec::new(),
        lines: Vec::new(),
        by_key: KeyIndex::default(),
        unreadable: false,
    };
    let Some(id) = table.column("id") else {
        missing_column(&table, "id", "actors.csv", ACTOR_COLUMNS, diagnostics);
        actor_table.unreadable = true;
        return actor_table;
    };
    let [name, sector, level, parent, kind, themes, influence, successor] =
        ["name", "sector", "level", "parent", "kind", "themes", "influence", "successor"]
            .map(|c| table.column(c));
    for (column, found) in [("sector", sector), ("level", level)] {
        if found.is_none() {
            warnings.warn(
                table.at(table.header_line),
                format!(
                    "no `{column}` column, so no actor has a {column}; add the column to use \
                     {column}s (in brokerage groups, folding, comparisons)"
                ),
            );
        }
    }
    let extra = extra_columns(&table, ACTOR_COLUMNS);
    let dialect = table.dialect;
    let (sectors, levels) = (aliases::sectors_accepted(), aliases::levels_accepted());
    let path = table.path.clone();
    // Actors are read straight into place; a duplicate id is reported below and, as the
    // workspace is then refused, left in the list.
    let mut actors = Vec::new();
    let chunks = table.map_chunks_into(
        &mut actors,
        Actor::default(),
        diagnostics,
        ActorChunk::default,
        |chunk, placed, rows, diagnostics| {
            for row in rows {
                let at = Here { path: &path, line: row.line };
                let key = row.get(id);
                if let Err(message) = cells::id(key) {
                    diagnostics.push(at.location(), message);
                    continue;
                }
                placed.push(Actor {
                    key: key.to_owned(),
                    name: row.optional(name).unwrap_or(key).to_owned(),
                    sector: parse_vocabulary(
                        row,
                        sector,
                        "sector",
                        aliases::sector,
                        &sectors,
                        at,
                        diagnostics,
                    ),
                    level: parse_vocabulary(
                        row,
                        level,
                        "level",
                        aliases::level,
                        &levels,
                        at,
                        diagnostics,
                    ),
                    parent: None,
                    kind: row.optional(kind).map(str::to_owned),
                    themes: row.optional(themes).map(|t| dialect.list(t)).unwrap_or_default(),
                    influence: non_negative(row, influence, "influence", dialect, at, diagnostics),
                    successors: Vec::new(),
                    attributes: attributes(row, &extra),
                });
                if let Some(parent) = row.optional(parent) {
                    chunk.parents.push((chunk.lines.len(), parent.to_owned()));
                }
                if let Some(successors) = row.optional(successor) {
                    chunk.successors.push((chunk.lines.len(), dialect.list(successors)));
                }
                chunk.lines.push(row.line);
            }
        },
    );
    actor_table.lines = chunks.iter().flat_map(|(chunk, _)| &chunk.lines).copied().collect();
    let keys: Vec<&str> = actors.iter().map(|actor| actor.key.as_str()).collect();
    actor_table.by_key.insert_new(&keys, ActorId::from_index, |i, first| {
        diagnostics.push(
            Here { path: &path, line: actor_table.lines[i] }.location(),
            format!(
                "duplicate actor id `{}` (first on line {}); ids must be unique",
                keys[i],
                actor_table.lines[first.index()]
            ),
        );
    });
    actor_table.actors = actors;
    for (chunk, range) in chunks {
        for (at_in_chunk, key) in chunk.parents {
            let i = range.start + at_in_chunk;
            let at = Here { path: &actor_table.path, line: actor_table.lines[i] };
            let parent = actor_table.resolve(&key, "parent", at, diagnostics);
            actor_table.actors[i].parent = parent;
        }
        for (at_in_chunk, keys) in chunk.successors {
            let i = range.start + at_in_chunk;
            let at = Here { path: &actor_table.path, line: actor_table.lines[i] };
            let successors: Vec<ActorId> = keys
                .iter()
                .filter_map(|key| actor_table.resolve(key, "successor", at, diagnostics))
                .collect();
            actor_table.actors[i].successors = successors;
        }
    }
    actor_table
}

/// What one chunk of `relations.csv` yields. Layers and topics are numbered within the chunk,
/// in order of first appearance, and renumbered when the chunks are joined in file order.
#[derive(Default)]
struct RelationChunk {
    /// Each layer's name as first written, and whether a relation in it is directed.
    layers: Vec<(String, bool)>,
    /// Each layer's first line and number of relations.
    layer_uses: Vec<(u64, usize)>,
    layer_by_key: FxHashMap<String, LayerId>,
    topics: Vec<String>,
    topic_by_text: FxHashMap<String, TopicId>,
    /// Unknown columns' cells: (attribute slot, relation index in the chunk, value).
    attributes: Vec<(usize, usize, String)>,
}

fn read_relations(
    table: Table<'_>,
    actors: &ActorTable,
    coalitions: (&FxHashMap<String, (CoalitionId, u64)>, bool),
    builder: &mut NetworkBuilder,
    diagnostics: &mut Diagnostics,
    warnings: &mut Diagnostics,
) {
    let (Some(source), Some(target)) = (table.column("source"), table.column("target")) else {
        for column in ["source", "target"].into_iter().filter(|c| table.column(c).is_none()) {
            missing_column(&table, column, "relations.csv", RELATION_COLUMNS, diagnostics);
        }
        return;
    };
    if table.column("layer").is_none() {
        warnings.warn(
            table.at(table.header_line),
            format!(
                "no `layer` column, so every relation is in the layer `{DEFAULT_LAYER}`; add \
                 the column to tell {} apart",
                crate::model::WELL_KNOWN_LAYERS.join(", ")
            ),
        );
    }
    let mut columns = RelationColumns {
        source,
        target,
        layer: table.column("layer"),
        directed: table.column("directed"),
        weight: table.column("weight"),
        amount: table.column("amount"),
        topic: table.column("topic"),
        since: table.column("since"),
        until: table.column("until"),
        coalition: table.column("coalition"),
        coalitions: coalitions.0,
        coalitions_broken: coalitions.1,
        coalitions_called: table.called("coalitions.csv"),
        extra: Vec::new(),
        packed: None,
        members_called: table.called("members.csv"),
    };
    let ExtraColumns { plain, packed } = extra_columns(&table, RELATION_COLUMNS);
    columns.extra = plain
        .into_iter()
        .map(|(column, name)| (column, builder.relation_attributes.add_column(&name)))
        .collect();
    columns.packed = packed.map(|packed| {
        let slots =
            packed.names.iter().map(|name| builder.relation_attributes.add_column(name)).collect();
        (packed, slots)
    });
    let dialect = table.dialect;
    let path = table.path.clone();
    // Relations are read straight into place; their layers and topics are renumbered below.
    let filler = Relation {
        source: ActorId::from_index(0),
        target: ActorId::from_index(0),
        layer: LayerId::from_index(0),
        directed: false,
        weight: 1.0,
        amount: None,
        topic: None,
        validity: Validity::default(),
        coalition: None,
    };
    let mut relations = Vec::new();
    let chunks = table.map_chunks_into(
        &mut relations,
        filler,
        diagnostics,
        RelationChunk::default,
        |chunk, placed, rows, diagnostics| {
            // The actor ids of a batch are looked up together (see `KeyIndex::get_many`).
            let keys: Vec<&str> =
                rows.iter().flat_map(|row| [row.get(source), row.get(target)]).collect();
            let mut found = Vec::with_capacity(keys.len());
            actors.by_key.get_many(&keys, &mut found);
            for (row, ends) in rows.iter().zip(found.chunks_exact(2)) {
                let at = Here { path: &path, line: row.line };
                read_relation(
                    row,
                    &columns,
                    (ends[0], ends[1]),
                    actors,
                    dialect,
                    at,
                    chunk,
                    placed,
                    diagnostics,
                );
            }
        },
    );
    let mut layer_by_key: FxHashMap<String, LayerId> = FxHashMap::default();
    let mut topic_by_text: FxHashMap<String, TopicId> = FxHashMap::default();
    // Each layer's first line and number of relations, by layer id.
    let mut uses: Vec<(u64, usize)> = Vec::new();
    for (chunk, range) in chunks {
        let layers: Vec<LayerId> = chunk
            .layers
            .into_iter()
            .zip(chunk.layer_uses)
            .map(|((name, directed), (line, n))| {
                let key = layer_key(&name).into_owned();
                let id = *layer_by_key.entry(key).or_insert_with(|| {
                    builder.layers.push(Layer { name, directed: false, n_relations: 0 });
                    uses.push((line, 0));
                    LayerId::from_index(builder.layers.len() - 1)
                });
                builder.layers[id.index()].directed |= directed;
                uses[id.index()].1 += n;
                id
            })
            .collect();
        let topics: Vec<TopicId> = chunk
            .topics
            .into_iter()
            .map(|text| {
                *topic_by_text.entry(text.clone()).or_insert_with(|| {
                    builder.topics.push(text);
                    TopicId::from_index(builder.topics.len() - 1)
                })
            })
            .collect();
        for (slot, relation, value) in chunk.attributes {
            builder.relation_attributes.push(slot, range.start + relation, value);
        }
        let renumbered = |ids: &[usize]| ids.iter().enumerate().any(|(i, &id)| id != i);
        let layer_ids: Vec<usize> = layers.iter().map(|l| l.index()).collect();
        let topic_ids: Vec<usize> = topics.iter().map(|t| t.index()).collect();
        if renumbered(&layer_ids) || renumbered(&topic_ids) {
            for relation in &mut relations[range] {
                relation.layer = layers[relation.layer.index()];
                relation.topic = relation.topic.map(|topic| topics[topic.index()]);
            }
        }
    }
    builder.relations = relations;
    warn_single_layers(&builder.layers, &uses, &path, warnings);
}

/// Warns about a layer of one relation whose name is not a well-known one: often a slip
/// (`fundng`), named with the layers it is close to.
fn warn_single_layers(
    layers: &[Layer],
    uses: &[(u64, usize)],
    path: &str,
    warnings: &mut Diagnostics,
) {
    let well_known = crate::model::WELL_KNOWN_LAYERS;
    let mut hinted = 0;
    let repeated: Vec<&str> = layers
        .iter()
        .zip(uses)
        .filter(|(_, (_, n))| *n > 1)
        .map(|(l, _)| l.name.as_str())
        .collect();
    for (layer, &(line, n)) in layers.iter().zip(uses) {
        let key = layer_key(&layer.name);
        if n != 1 || well_known.contains(&key.as_ref()) {
            continue;
        }
        // Names close to it among the layers used more than once (a slip of the pen is the
        // rare spelling) and the well-known ones, for the warnings that are listed; beyond
        // those only the count shows. So 20,000 layers used once take no 20,000² comparisons.
        hinted += 1;
        let close = if hinted <= crate::error::MAX_DIAGNOSTICS {
            let others = repeated.iter().copied().chain(well_known.iter().copied());
            aliases::close_to(&layer.name, others)
        } else {
            Vec::new()
        };
        let hint = if close.is_empty() {
            "; check its spelling".to_owned()
        } else {
            aliases::did_you_mean(&close)
        };
        warnings.warn(
            Location { path: path.to_owned(), line: Some(line) },
            format!("layer `{}` has this relation only{hint}", layer.name),
        );
    }
}

/// The positions of the columns of `relations.csv`, and the attribute slot of each unknown one.
struct RelationColumns<'k> {
    source: usize,
    target: usize,
    layer: Option<usize>,
    directed: Option<usize>,
    weight: Option<usize>,
    amount: Option<usize>,
    topic: Option<usize>,
    since: Option<usize>,
    until: Option<usize>,
    coalition: Option<usize>,
    /// The coalitions by id, to resolve `coalition`.
    coalitions: &'k FxHashMap<String, (CoalitionId, u64)>,
    /// A coalitions table that is there but could not be read: its ids are not checked.
    coalitions_broken: bool,
    /// How messages name the coalitions table.
    coalitions_called: String,
    extra: Vec<(usize, usize)>,
    /// How messages name the members table (`members.csv`, the array `members`).
    members_called: String,
    /// A `network.json`'s packed attributes, with the slot of each of their keys.
    packed: Option<(PackedColumns, Vec<usize>)>,
}

/// The key layers are told apart by: the name in lower case.
fn layer_key(name: &str) -> std::borrow::Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) || !name.is_ascii() {
        name.to_lowercase().into()
    } else {
        name.into()
    }
}

/// Checks one row of `relations.csv` whose actors were looked up (`ends`) and adds it to
/// `chunk`.
#[allow(clippy::too_many_arguments)]
fn read_relation(
    row: &Row<'_>,
    columns: &RelationColumns<'_>,
    ends: (Option<ActorId>, Option<ActorId>),
    actors: &ActorTable,
    dialect: Dialect,
    at: Here<'_>,
    chunk: &mut RelationChunk,
    placed: &mut Placed<'_, Relation>,
    diagnostics: &mut Diagnostics,
) {
    let source_id = actors.resolved(row.get(columns.source), ends.0, "source", at, diagnostics);
    let target_id = actors.resolved(row.get(columns.target), ends.1, "target", at, diagnostics);
    let layer_name = match columns.layer {
        Some(column) => row.get(column),
        None => DEFAULT_LAYER,
    };
    let key = layer_key(layer_name);
    if layer_name.is_empty() {
        diagnostics.push(
            at.location(),
            format!(
                "empty `layer`; name the relation type, e.g. {}",
                crate::model::WELL_KNOWN_LAYERS.join(", ")
            ),
        );
    } else if DERIVED_LAYERS.contains(&key.as_ref()) {
        diagnostics.push(
            at.location(),
            format!(
                "layer `{}` is derived from {}; give explicit relations another layer name",
                key.as_ref(),
                columns.members_called
            ),
        );
    }
    let directed_value = match row.optional(columns.directed) {
        None => directed_by_default(layer_name),
        Some(text) => cells::boolean(text).unwrap_or_else(|message| {
            diagnostics.push(at.location(), format!("`directed`: {message}"));
            false
        }),
    };
    let weight_value = match row.optional(columns.weight) {
        None => 1.0,
        Some(text) => match dialect.number(text) {
            Ok(value) if value > 0.0 => value,
            Ok(_) => {
                diagnostics.push(at.location(), format!("`weight` is `{text}`; a weight is a tie strength > 0 (leave the cell empty for 1)"));
                1.0
            }
            Err(message) => {
                diagnostics.push(at.location(), format!("`weight`: {message}"));
                1.0
            }
        },
    };
    let amount_value = non_negative(row, columns.amount, "amount", dialect, at, diagnostics);
    let dates =
        validity(row, (columns.since, columns.until), ("since", "until"), dialect, at, diagnostics);
    let coalition_id = row.optional(columns.coalition).and_then(|key| {
        match columns.coalitions.get(key) {
            Some((id, _)) => Some(*id),
            None if columns.coalitions_broken => None,
            None => {
                let hint = aliases::did_you_mean(&aliases::close_to(
                    key,
                    columns.coalitions.keys().map(String::as_str),
                ));
                let called = &columns.coalitions_called;
                diagnostics.push(
                    at.location(),
                    format!(
                        "`coalition` is `{key}`, which is not an id in {called}{hint}; name the coalition the tie is part of, or leave the cell empty for a tie of the whole network"
                    ),
                );
                None
            }
        }
    });
    let (Some(source_id), Some(target_id)) = (source_id, target_id) else { return };
    if source_id == target_id {
        diagnostics.push(
            at.location(),
            format!(
                "`source` and `target` are both `{}`; a relation joins two different actors",
                row.get(columns.source)
            ),
        );
        return;
    }
    if layer_name.is_empty() || DERIVED_LAYERS.contains(&key.as_ref()) {
        return;
    }
    let layer_id = match chunk.layer_by_key.get(key.as_ref()) {
        Some(&id) => id,
        None => {
            chunk.layers.push((layer_name.to_owned(), false));
            chunk.layer_uses.push((at.line, 0));
            let id = LayerId::from_index(chunk.layers.len() - 1);
            chunk.layer_by_key.insert(key.into_owned(), id);
            id
        }
    };
    chunk.layers[layer_id.index()].1 |= directed_value;
    if let Some(uses) = chunk.layer_uses.get_mut(layer_id.index()) {
        uses.1 += 1;
    }
    let topic_id = row.optional(columns.topic).map(|text| match chunk.topic_by_text.get(text) {
        Some(&id) => id,
        None => {
            chunk.topics.push(text.to_owned());
            let id = TopicId::from_index(chunk.topics.len() - 1);
            chunk.topic_by_text.insert(text.to_owned(), id);
            id
        }
    });
    let relation_index = placed.len();
    for &(column, slot) in &columns.extra {
        if let Some(value) = row.optional(Some(column)) {
            chunk.attributes.push((slot, relation_index, value.to_owned()));
        }
    }
    if let Some((packed, slots)) = &columns.packed {
        for (key, value) in packed.of(row) {
            chunk.attributes.push((slots[key], relation_index, value.to_owned()));
        }
    }
    placed.push(Relation {
        source: source_id,
        target: target_id,
        layer: layer_id,
        directed: directed_value,
        weight: weight_value,
        amount: amount_value,
        topic: topic_id,
        validity: dates,
        coalition: coalition_id,
    });
}

fn read_coalitions(
    table: Table<'_>,
    builder: &mut NetworkBuilder,
    diagnostics: &mut Diagnostics,
) -> Option<FxHashMap<String, (CoalitionId, u64)>> {
    let mut by_key: FxHashMap<String, (CoalitionId, u64)> = FxHashMap::default();
    let Some(id) = table.column("id") else {
        missing_column(&table, "id", "coalitions.csv", COALITION_COLUMNS, diagnostics);
        return None;
    };
    let [name, tranche, region, themes, national, cofinancing, governance, start, end] = [
        "name",
        "tranche",
        "region",
        "themes",
        "national_contribution",
        "cofinancing",
        "governance",
        "start",
        "end",
    ]
    .map(|c| table.column(c));
    let extra = extra_columns(&table, COALITION_COLUMNS);
    let dialect = table.dialect;
    let path = table.path.clone();
    table.for_each_row(diagnostics, |row, diagnostics| {
        let at = Here { path: &path, line: row.line };
        let key = row.get(id);
        if let Err(message) = cells::id(key) {
            diagnostics.push(at.location(), message);
            return;
        }
        if let Some((_, first_line)) = by_key.get(key) {
            diagnostics.push(at.location(), format!("duplicate coalition id `{key}` (first on line {first_line}); ids must be unique"));
            return;
        }
        let dates = validity(row, (start, end), ("start", "end"), dialect, at, diagnostics);
        let text = |column: Option<usize>| row.optional(column).map(str::to_owned);
        let coalition = Coalition {
            key: key.to_owned(),
            name: row.optional(name).unwrap_or(key).to_owned(),
            tranche: text(tranche),
            region: text(region),
            themes: row.optional(themes).map(|t| dialect.list(t)).unwrap_or_default(),
            national_contribution: non_negative(row, national, "national_contribution", dialect, at, diagnostics),
            cofinancing: non_negative(row, cofinancing, "cofinancing", dialect, at, diagnostics),
            governance: text(governance),
            start: dates.since,
            end: dates.until,
            attributes: attributes(row, &extra),
        };
        by_key.insert(coalition.key.clone(), (CoalitionId::from_index(builder.coalitions.len()), row.line));
        builder.coalitions.push(coalition);
    });
    Some(by_key)
}

fn read_members(
    table: Table<'_>,
    actors: &ActorTable,
    (coalitions, coalitions_broken): (&FxHashMap<String, (CoalitionId, u64)>, bool),
    builder: &mut NetworkBuilder,
    diagnostics: &mut Diagnostics,
) {
    let required = ["coalition", "actor", "role"];
    let missing: Vec<&str> = required.into_iter().filter(|c| table.column(c).is_none()).collect();
    if !missing.is_empty() {
        for column in missing {
            missing_column(&table, column, "members.csv", MEMBER_COLUMNS, diagnostics);
        }
        return;
    }
    let [coalition, actor, role, contribution, since, until] =
        ["coalition", "actor", "role", "contribution", "since", "until"].map(|c| table.column(c));
    let extra = extra_columns(&table, MEMBER_COLUMNS);
    let dialect = table.dialect;
    let roles = aliases::roles_accepted();
    let coalitions_called = table.called("coalitions.csv");
    let mut seen: FxHashMap<(CoalitionId, ActorId, Role), u64> = FxHashMap::default();
    let path = table.path.clone();
    table.for_each_row(diagnostics, |row, diagnostics| {
        let at = Here { path: &path, line: row.line };
        let coalition_key = row.optional(coalition).unwrap_or("");
        let coalition_id = match coalitions.get(coalition_key) {
            Some((id, _)) => Some(*id),
            None if coalitions_broken => None,
            None if coalition_key.is_empty() => {
                diagnostics.push(at.location(), format!("empty `coalition`; name a coalition id from {coalitions_called}"));
                None
            }
            None => {
                let hint = aliases::did_you_mean(&aliases::close_to(
                    coalition_key,
                    coalitions.keys().map(String::as_str),
                ));
                diagnostics.push(at.location(), format!("unknown coalition `{coalition_key}`; it is not an id in {coalitions_called}{hint}"));
                None
            }
        };
        let actor_id = actors.resolve(row.optional(actor).unwrap_or(""), "actor", at, diagnostics);
        let role_value = match row.optional(role) {
            None => {
                diagnostics.push(at.location(), format!("empty `role`; expected {roles}"));
                None
            }
            Some(text) => {
                let value = aliases::role(text);
                if value.is_none() {
                    diagnostics.push(at.location(), format!("unknown role `{text}`; expected {roles}"));
                }
                value
            }
        };
        let contribution_value = non_negative(row, contribution, "contribution", dialect, at, diagnostics);
        let dates = validity(row, (since, until), ("since", "until"), dialect, at, diagnostics);
        let (Some(coalition_id), Some(actor_id), Some(role_value)) = (coalition_id, actor_id, role_value) else { return };
        if let Some(first_line) = seen.insert((coalition_id, actor_id, role_value), row.line) {
            diagnostics.push(
                at.location(),
                format!("`{}` is already a {role_value} of `{coalition_key}` (line {first_line}); list each role once", actors.actors[actor_id.index()].key),
            );
            return;
        }
        builder.memberships.push(Membership {
            coalition: coalition_id,
            actor: actor_id,
            role: role_value,
            contribution: contribution_value,
            validity: dates,
            attributes: attributes(row, &extra),
        });
    });
}
