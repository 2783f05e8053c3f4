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
    ("relations.csv", include_bytes!("../../fixtures/regio-deals/relations.csv")),
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
            Source::Folder(folder) => {
                let path = folder.join(file);
                match link_outside(folder, &path) {
                    Some(why) => FileRead::Unreadable(why),
                    None => read_file(&path),
                }
            }
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

/// Why a file of a workspace folder is not read: it is a symbolic link to a file outside the
/// folder. A workspace found somewhere could otherwise make stakenet read, and echo in its
/// messages, a private file of whoever runs it (`actors.csv` → `~/.ssh/id_ed25519`). Links
/// within the folder are followed; a single file given as the workspace is read wherever it is
/// (the user named it).
fn link_outside(folder: &Path, path: &Path) -> Option<String> {
    if !std::fs::symlink_metadata(path).ok()?.file_type().is_symlink() {
        return None;
    }
    // A link to nothing is left for reading to report.
    let target = std::fs::canonicalize(path).ok()?;
    let folder = std::fs::canonicalize(folder).ok()?;
    (!target.starts_with(&folder)).then(|| {
        "is a symbolic link to a file outside the workspace folder; stakenet reads only the \
         workspace folder's own files: copy the file into the folder"
            .to_owned()
    })
}

/// Reads a file of a workspace, refusing what is not a regular file before opening it (a FIFO
/// would block, a device never end): it is looked at (`stat`), opened without blocking, and
/// looked at again through the opened handle, so that nothing swapped in between is read. On
/// Linux a file of the `/proc` or `/sys` pseudo file systems is refused too (its size is not
/// what it holds). The size limit applies to the bytes read, whatever the file said its size
/// was. A text file (anything but a workbook) whose first bytes show that it is UTF-16 or
/// binary is refused before the rest is read.
fn read_file(path: &Path) -> FileRead<'static> {
    use std::io::Read as _;
    match std::fs::metadata(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return FileRead::Missing,
        Err(error) => return FileRead::Unreadable(error.to_string()),
        Ok(meta) => {
            if let Some(why) = not_regular(&meta) {
                return FileRead::Unreadable(why);
            }
        }
    }
    let mut file = match open_without_blocking(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return FileRead::Missing,
        Err(error) => return FileRead::Unreadable(error.to_string()),
    };
    let length = match file.metadata() {
        Ok(meta) => match not_regular(&meta) {
            Some(why) => return FileRead::Unreadable(why),
            None => meta.len(),
        },
        Err(error) => return FileRead::Unreadable(error.to_string()),
    };
    if let Some(why) = pseudo_file(&file) {
        return FileRead::Unreadable(why);
    }
    if length > MAX_FILE_BYTES {
        return FileRead::Unreadable(too_large(&format!("is {length} bytes")));
    }
    let mut limited = (&mut file).take(MAX_FILE_BYTES + 1);
    let mut bytes = Vec::new();
    let head = (&mut limited).take(super::text::SNIFF_BYTES as u64).read_to_end(&mut bytes);
    if let Err(error) = head {
        return FileRead::Unreadable(error.to_string());
    }
    if !is_workbook_path(path) {
        if let Some((reason, _)) = super::text::not_text(&bytes) {
            return FileRead::Unreadable(format!("{reason}; save it as UTF-8"));
        }
    }
    // Room for the rest the file says it holds (it may hold more or less): a failure is a
    // message, not an abort.
    let rest = (length as usize).saturating_sub(bytes.len());
    if bytes.try_reserve_exact(rest).is_err() {
        return FileRead::Unreadable(format!(
            "there is not enough memory to read its {length} bytes"
        ));
    }
    if let Err(error) = limited.read_to_end(&mut bytes) {
        return FileRead::Unreadable(error.to_string());
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return FileRead::Unreadable(too_large(&format!("holds more than {MAX_FILE_BYTES} bytes")));
    }
    FileRead::Bytes(Cow::Owned(bytes))
}

/// The refusal of a file beyond [`MAX_FILE_BYTES`], whose size is said by `size`.
fn too_large(size: &str) -> String {
    format!(
        "{size}; stakenet reads files up to {MAX_FILE_BYTES} bytes (4 GiB): split \
         the workspace"
    )
}

/// Whether a path names a workbook (read as bytes, not as text).
fn is_workbook_path(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        super::workbook::WORKBOOK_EXTENSIONS
            .iter()
            .chain(&["xls"])
            .any(|w| w.eq_ignore_ascii_case(e))
    })
}

/// Why a file with this metadata is not read: anything but a regular file, named by its kind.
fn not_regular(meta: &std::fs::Metadata) -> Option<String> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("is a folder, expected a file".to_owned());
    }
    let what = special_kind(&kind).unwrap_or("not a regular file");
    Some(format!("is {what}, not a regular file; stakenet reads only regular files"))
}

#[cfg(unix)]
fn special_kind(kind: &std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt as _;
    if kind.is_fifo() {
        Some("a named pipe (FIFO)")
    } else if kind.is_char_device() {
        Some("a character device")
    } else if kind.is_block_device() {
        Some("a block device")
    } else if kind.is_socket() {
        Some("a socket")
    } else {
        None
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> Option<&'static str> {
    None
}

/// Opens a file for reading; on Unix with `O_NONBLOCK`, so that a FIFO put in the place of a
/// checked file does not block (reading a regular file is not affected).
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    options.open(path)
}

/// Why an opened file is not read though it is a regular file: one of the `/proc` or `/sys`
/// pseudo file systems (Linux), whose files are not workspace files.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn pseudo_file(file: &std::fs::File) -> Option<String> {
    const SYSFS_MAGIC: rustix::fs::FsWord = 0x6265_6572;
    let kind = rustix::fs::fstatfs(file).ok()?.f_type;
    (kind == rustix::fs::PROC_SUPER_MAGIC || kind == SYSFS_MAGIC).then(|| {
        "is a file of the /proc or /sys pseudo file system; stakenet reads only regular files"
            .to_owned()
    })
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn pseudo_file(_: &std::fs::File) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file of /proc says its size is 0 and holds more: it is refused, not read.
    #[cfg(target_os = "linux")]
    #[test]
    fn proc_files_are_refused() {
        let FileRead::Unreadable(why) = read_file(Path::new("/proc/self/status")) else {
            panic!("read")
        };
        assert_eq!(
            why,
            "is a file of the /proc or /sys pseudo file system; stakenet reads only regular files"
        );
    }
}
