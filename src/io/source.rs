//! Where a workspace's files come from: a folder, a single `network.json`, the bundled Regio
//! Deal workspace compiled into the binary, or memory (tests, fuzzing).

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use crate::error::{Diagnostics, Location};

/// The files of the bundled Regio Deal workspace, compiled in so that every command runs out of
/// the box wherever the binary is.
const BUNDLED: &[(&str, &[u8])] = &[
    ("actors.csv", include_bytes!("../../fixtures/regio-deals/actors.csv")),
    ("coalitions.csv", include_bytes!("../../fixtures/regio-deals/coalitions.csv")),
    ("members.csv", include_bytes!("../../fixtures/regio-deals/members.csv")),
];

/// The name under which the bundled workspace appears in messages.
pub const BUNDLED_NAME: &str = "fixtures/regio-deals";

/// The largest workspace file stakenet reads (4 GiB): beyond it, a clear error instead of
/// running out of memory.
pub const MAX_FILE_BYTES: u64 = 4 << 30;

/// A workspace's origin.
#[derive(Clone, Debug)]
pub enum Source {
    /// A folder of CSV files (or holding a `network.json`).
    Folder(PathBuf),
    /// One file: JSON with keys `actors`, `relations`, `coalitions`, `members`; or, by its
    /// extension, a UCINET DL file (`.dl`, `.dat`, `.txt`), a Pajek network (`.net`, `.paj`) or a
    /// survey matrix (`.csv`).
    JsonFile(PathBuf),
    /// The Regio Deal workspace bundled with stakenet.
    Bundled,
    /// Files held in memory, by file name (`actors.csv`, `network.json`).
    Memory(Vec<(String, Vec<u8>)>),
}

/// What reading one file of a workspace gave.
pub(crate) enum FileRead<'a> {
    /// The file's bytes.
    Bytes(Cow<'a, [u8]>),
    /// There is no such file.
    Missing,
    /// It exists but cannot be read; the message says why.
    Unreadable(String),
}

impl Source {
    /// Chooses the source for a path the user gave: a file (JSON, DL, Pajek or matrix CSV), or a
    /// folder.
    pub fn from_path(path: &Path) -> Self {
        if path.is_file() {
            Source::JsonFile(path.to_owned())
        } else {
            Source::Folder(path.to_owned())
        }
    }

    /// The name of `file` as the user would write it, for messages.
    pub fn display_path(&self, file: &str) -> String {
        match self {
            Source::Folder(folder) => folder.join(file).display().to_string(),
            Source::JsonFile(path) => path.display().to_string(),
            Source::Bundled => format!("{BUNDLED_NAME}/{file}"),
            Source::Memory(_) => file.to_owned(),
        }
    }

    /// The files of this source on disk, so that outputs are never written over them.
    pub fn input_paths(&self) -> Vec<PathBuf> {
        match self {
            Source::Folder(folder) => {
                ["actors.csv", "relations.csv", "coalitions.csv", "members.csv", "network.json"]
                    .iter()
                    .map(|file| folder.join(file))
                    .filter(|path| path.exists())
                    .chain(super::matrix::files(self).into_iter().map(|file| folder.join(file)))
                    .collect()
            }
            Source::JsonFile(path) => vec![path.clone()],
            Source::Bundled | Source::Memory(_) => Vec::new(),
        }
    }

    /// Whether the workspace is one JSON document rather than CSV files.
    pub(crate) fn is_json(&self) -> bool {
        match self {
            Source::JsonFile(_) => true,
            Source::Folder(folder) => {
                folder.join("network.json").is_file() && !folder.join("actors.csv").exists()
            }
            Source::Bundled => false,
            Source::Memory(files) => {
                files.iter().any(|(name, _)| name == "network.json")
                    && !files.iter().any(|(name, _)| name == "actors.csv")
            }
        }
    }

    /// Reads one file of the workspace (`network.json` for a JSON source).
    pub(crate) fn read(&self, file: &str) -> FileRead<'_> {
        match self {
            Source::Folder(folder) => read_file(&folder.join(file)),
            Source::JsonFile(path) => read_file(path),
            Source::Bundled => BUNDLED
                .iter()
                .find(|(name, _)| *name == file)
                .map_or(FileRead::Missing, |(_, bytes)| FileRead::Bytes(Cow::Borrowed(bytes))),
            Source::Memory(files) => files
                .iter()
                .find(|(name, _)| name == file)
                .map_or(FileRead::Missing, |(_, bytes)| FileRead::Bytes(Cow::Borrowed(bytes))),
        }
    }
}

impl Source {
    /// Reads one file that must be there: its bytes, or a problem (missing, unreadable) at
    /// its path.
    pub(crate) fn read_required(
        &self,
        file: &str,
        diagnostics: &mut Diagnostics,
    ) -> Option<Cow<'_, [u8]>> {
        let path = self.display_path(file);
        match self.read(file) {
            FileRead::Bytes(bytes) => Some(bytes),
            FileRead::Missing => {
                diagnostics.push(Location { path, line: None }, "missing file");
                None
            }
            FileRead::Unreadable(why) => {
                diagnostics
                    .push(Location { path, line: None }, format!("cannot read the file: {why}"));
                None
            }
        }
    }
}

fn read_file(path: &Path) -> FileRead<'static> {
    match std::fs::metadata(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return FileRead::Missing,
        Err(error) => return FileRead::Unreadable(error.to_string()),
        Ok(meta) if meta.is_dir() => {
            return FileRead::Unreadable("is a folder, expected a file".to_owned());
        }
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            return FileRead::Unreadable(format!(
                "is {} bytes; stakenet reads files up to {MAX_FILE_BYTES} bytes (4 GiB): split the workspace",
                meta.len()
            ));
        }
        Ok(_) => {}
    }
    match std::fs::read(path) {
        Ok(bytes) => FileRead::Bytes(Cow::Owned(bytes)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => FileRead::Missing,
        Err(error) => FileRead::Unreadable(error.to_string()),
    }
}
