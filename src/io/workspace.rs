//! Loading a workspace: reads its tables, checks every value and reference, and builds the
//! [`Network`]. Every problem is collected; none stops the reading.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::cells::{self, Dialect};
use super::json;
use super::key_index::KeyIndex;
use super::numbers::NumberConvention;
use super::source::{FileRead, Source};
use super::table::{Placed, Row, Table};
use crate::error::{Diagnostics, LoadError, Location};
use crate::model::{
    Actor, ActorId, COMEMBERSHIP, Coalition, CoalitionId, Layer, LayerId, Level, Membership,
    Network, NetworkBuilder, Relation, Role, Sector, TopicId, Validity, directed_by_default,
};

/// The columns of each table that the format defines; any other column is kept as an attribute.
pub const ACTOR_COLUMNS: &[&str] =
    &["id", "name", "sector", "level", "parent", "kind", "themes", "influence"];
/// See [`ACTOR_COLUMNS`].
pub const RELATION_COLUMNS: &[&str] =
    &["source", "target", "layer", "directed", "weight", "amount", "topic", "since", "until"];
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
    let network = if source.is_json() {
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
            let table = open_csv(source, "actors.csv", &bytes, options, diagnostics)?;
            Some(read_actors(table, diagnostics))
        },
        || {
            ["relations.csv", "coalitions.csv", "members.csv"]
                .map(|file| (file, read(file, &mut found_reading)))
        },
    );
    diagnostics.append(found_reading);
    let [relations, coalitions, members] = others.each_ref().map(|(file, bytes)| {
        bytes.as_ref().and_then(|bytes| open_csv(source, file, bytes, options, diagnostics))
    });
    // A coalitions.csv that is there but could not be opened names no coalition, and members
    // pointing at them are not reported again.
    let coalitions_broken = others[1].1.is_some() && coalitions.is_none();
    finish(actor_table?, relations, coalitions, coalitions_broken, members, diagnostics, warnings)
}

/// Opens one CSV file of the workspace and settles how it writes numbers.
fn open_csv<'a>(
    source: &Source,
    file: &str,
    bytes: &'a [u8],
    options: &LoadOptions,
    diagnostics: &mut Diagnostics,
) -> Option<Table<'a>> {
    let mut table = Table::csv(source.display_path(file), bytes, diagnostics)?;
    let numeric: Vec<usize> = number_columns(file).iter().filter_map(|c| table.column(c)).collect();
    table.settle_numbers(&numeric, options.numbers);
    Some(table)
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
    let bytes = match source.read("network.json") {
        FileRead::Bytes(bytes) => bytes,
        FileRead::Missing => {
            diagnostics.push(Location { path, line: None }, "missing file");
            return None;
        }
        FileRead::Unreadable(why) => {
            diagnostics.push(Location { path, line: None }, format!("cannot read the file: {why}"));
            return None;
        }
    };
    let tables = json::tables(&path, &bytes, diagnostics)?;
    let Some(actors) = tables.actors else {
        diagnostics.push(
            Location { path, line: None },
            "missing the array `actors`; a JSON workspace needs {\"actors\": [{\"id\": …}, …]}",
        );
        return None;
    };
    let actor_table = read_actors(actors, diagnostics);
    finish(
        actor_table,
        tables.relations,
        tables.coalitions,
        false,
        tables.members,
        diagnostics,
        warnings,
    )
}

/// Reads the other tables once the actors are read, and builds the network; `None` when any
/// problem was found.
fn finish(
    mut actor_table: ActorTable,
    relations: Option<Table<'_>>,
    coalitions: Option<Table<'_>>,
    coalitions_broken: bool,
    members: Option<Table<'_>>,
    diagnostics: &mut Diagnostics,
    warnings: &mut Diagnostics,
) -> Option<Network> {
    let mut builder = NetworkBuilder::default();
    if let Some(relations) = relations {
        read_relations(relations, &actor_table, &mut builder, diagnostics);
    }

    let coalition_keys = coalitions
        .map(|table| read_coalitions(table, &mut builder, diagnostics))
        .unwrap_or_default();
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
        Ok(hierarchy) => Some(builder.build_with(hierarchy)),
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
        let hint = self
            .actors
            .iter()
            .map(|actor| &actor.key)
            .take(100_000)
            .find(|k| k.eq_ignore_ascii_case(key))
            .map(|k| format!("; did you mean `{k}`?"))
            .unwrap_or_default();
        diagnostics.push(
            at.location(),
            format!("unknown actor `{key}` in `{column}`; it is not an id in {}{hint}", self.path),
        );
        None
    }
}

fn missing_column(
    table: &Table<'_>,
    column: &str,
    file: &str,
    columns: &[&str],
    diagnostics: &mut Diagnostics,
) {
    diagnostics.push(
        table.at(table.header_line),
        format!(
            "missing column `{column}`; {file} has the columns {} (found: {})",
            columns.join(", "),
            table.header.join(", ")
        ),
    );
}

/// The columns not defined by the format, to keep as attributes.
fn extra_columns(table: &Table<'_>, known: &[&str]) -> Vec<(usize, String)> {
    table
        .header
        .iter()
        .enumerate()
        .filter(|(_, h)| !known.contains(&h.as_str()))
        .map(|(i, h)| (i, h.clone()))
        .collect()
}

fn attributes(row: &Row<'_>, extra: &[(usize, String)]) -> BTreeMap<String, String> {
    extra
        .iter()
        .filter_map(|(column, name)| Some((name.clone(), row.optional(Some(*column))?.to_owned())))
        .collect()
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
}

fn read_actors(table: Table<'_>, diagnostics: &mut Diagnostics) -> ActorTable {
    let mut actor_table = ActorTable {
        path: table.path.clone(),
        actors: Vec::new(),
        lines: Vec::new(),
        by_key: KeyIndex::default(),
    };
    let Some(id) = table.column("id") else {
        missing_column(&table, "id", "actors.csv", ACTOR_COLUMNS, diagnostics);
        return actor_table;
    };
    let [name, sector, level, parent, kind, themes, influence] =
        ["name", "sector", "level", "parent", "kind", "themes", "influence"]
            .map(|c| table.column(c));
    let extra = extra_columns(&table, ACTOR_COLUMNS);
    let dialect = table.dialect;
    let (sectors, levels) = (Sector::accepted(), Level::accepted());
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
                        Sector::parse,
                        &sectors,
                        at,
                        diagnostics,
                    ),
                    level: parse_vocabulary(
                        row,
                        level,
                        "level",
                        Level::parse,
                        &levels,
                        at,
                        diagnostics,
                    ),
                    parent: None,
                    kind: row.optional(kind).map(str::to_owned),
                    themes: row.optional(themes).map(|t| dialect.list(t)).unwrap_or_default(),
                    influence: non_negative(row, influence, "influence", dialect, at, diagnostics),
                    attributes: attributes(row, &extra),
                });
                if let Some(parent) = row.optional(parent) {
                    chunk.parents.push((chunk.lines.len(), parent.to_owned()));
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
    }
    actor_table
}

/// What one chunk of `relations.csv` yields. Layers and topics are numbered within the chunk,
/// in order of first appearance, and renumbered when the chunks are joined in file order.
#[derive(Default)]
struct RelationChunk {
    /// Each layer's name as first written, and whether a relation in it is directed.
    layers: Vec<(String, bool)>,
    layer_by_key: FxHashMap<String, LayerId>,
    topics: Vec<String>,
    topic_by_text: FxHashMap<String, TopicId>,
    /// Unknown columns' cells: (attribute slot, relation index in the chunk, value).
    attributes: Vec<(usize, usize, String)>,
}

fn read_relations(
    table: Table<'_>,
    actors: &ActorTable,
    builder: &mut NetworkBuilder,
    diagnostics: &mut Diagnostics,
) {
    let (Some(source), Some(target)) = (table.column("source"), table.column("target")) else {
        for column in ["source", "target"].into_iter().filter(|c| table.column(c).is_none()) {
            missing_column(&table, column, "relations.csv", RELATION_COLUMNS, diagnostics);
        }
        return;
    };
    let columns = RelationColumns {
        source,
        target,
        layer: table.column("layer"),
        directed: table.column("directed"),
        weight: table.column("weight"),
        amount: table.column("amount"),
        topic: table.column("topic"),
        since: table.column("since"),
        until: table.column("until"),
        extra: extra_columns(&table, RELATION_COLUMNS)
            .into_iter()
            .map(|(column, name)| (column, builder.relation_attributes.add_column(&name)))
            .collect(),
    };
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
    for (chunk, range) in chunks {
        let layers: Vec<LayerId> = chunk
            .layers
            .into_iter()
            .map(|(name, directed)| {
                let key = layer_key(&name).into_owned();
                let id = *layer_by_key.entry(key).or_insert_with(|| {
                    builder.layers.push(Layer { name, directed: false, n_relations: 0 });
                    LayerId::from_index(builder.layers.len() - 1)
                });
                builder.layers[id.index()].directed |= directed;
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
}

/// The positions of the columns of `relations.csv`, and the attribute slot of each unknown one.
struct RelationColumns {
    source: usize,
    target: usize,
    layer: Option<usize>,
    directed: Option<usize>,
    weight: Option<usize>,
    amount: Option<usize>,
    topic: Option<usize>,
    since: Option<usize>,
    until: Option<usize>,
    extra: Vec<(usize, usize)>,
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
    columns: &RelationColumns,
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
    } else if key.as_ref() == COMEMBERSHIP {
        diagnostics.push(at.location(), "layer `comembership` is derived from members.csv; give explicit relations another layer name");
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
    if layer_name.is_empty() || key.as_ref() == COMEMBERSHIP {
        return;
    }
    let layer_id = match chunk.layer_by_key.get(key.as_ref()) {
        Some(&id) => id,
        None => {
            chunk.layers.push((layer_name.to_owned(), false));
            let id = LayerId::from_index(chunk.layers.len() - 1);
            chunk.layer_by_key.insert(key.into_owned(), id);
            id
        }
    };
    chunk.layers[layer_id.index()].1 |= directed_value;
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
    placed.push(Relation {
        source: source_id,
        target: target_id,
        layer: layer_id,
        directed: directed_value,
        weight: weight_value,
        amount: amount_value,
        topic: topic_id,
        validity: dates,
    });
}

fn read_coalitions(
    table: Table<'_>,
    builder: &mut NetworkBuilder,
    diagnostics: &mut Diagnostics,
) -> FxHashMap<String, (CoalitionId, u64)> {
    let mut by_key: FxHashMap<String, (CoalitionId, u64)> = FxHashMap::default();
    let Some(id) = table.column("id") else {
        missing_column(&table, "id", "coalitions.csv", COALITION_COLUMNS, diagnostics);
        return by_key;
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
    by_key
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
    let roles = Role::accepted();
    let mut seen: FxHashMap<(CoalitionId, ActorId, Role), u64> = FxHashMap::default();
    let path = table.path.clone();
    table.for_each_row(diagnostics, |row, diagnostics| {
        let at = Here { path: &path, line: row.line };
        let coalition_key = row.optional(coalition).unwrap_or("");
        let coalition_id = match coalitions.get(coalition_key) {
            Some((id, _)) => Some(*id),
            None if coalitions_broken => None,
            None if coalition_key.is_empty() => {
                diagnostics.push(at.location(), "empty `coalition`; name a coalition id from coalitions.csv");
                None
            }
            None => {
                diagnostics.push(at.location(), format!("unknown coalition `{coalition_key}`; it is not an id in coalitions.csv"));
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
                let value = Role::parse(text);
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
