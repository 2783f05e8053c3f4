//! Writing outputs: a regular file atomically (an exclusive temporary file with an
//! unpredictable name in the same folder, then a rename), a FIFO or character device straight
//! through, a link by writing what it points at; never over an input of the workspace; and new
//! files and folders that refuse to replace anything.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::folder::{FolderError, FolderFile, FolderMarker, write_folder};
use super::temporaries::{Temporary, owner, remove_stale};

/// Why an output could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OutputError {
    /// The output path is one of the inputs: a file of the workspace, or a profile read.
    #[error("refusing to write {}: it is an input file (of the workspace, or a profile it reads); choose another output path", .0.display())]
    WouldOverwriteInput(PathBuf),
    /// The folder of the output does not exist.
    #[error("cannot write {}: the folder {} does not exist", .path.display(), .folder.display())]
    MissingFolder {
        /// The output path.
        path: PathBuf,
        /// Its folder.
        folder: PathBuf,
    },
    /// A new file would replace an existing one.
    #[error("refusing to write {}: it exists; choose a new name, or remove it first", .0.display())]
    Exists(PathBuf),
    /// A new folder would be written into a folder that holds files.
    #[error("refusing to write into {}: the folder exists and is not empty; choose a new or empty folder", .0.display())]
    NotEmpty(PathBuf),
    /// The output path is a folder (or a link to one).
    #[error("refusing to write {}: it is a folder; give a file name inside it, or - for standard output", .0.display())]
    IsFolder(PathBuf),
    /// The output path is something a file cannot be written as: a block device, a socket.
    #[error("refusing to write {}: it is {what}; give a file, a FIFO, a character device, or - for standard output", .path.display())]
    NotWritable {
        /// The output path.
        path: PathBuf,
        /// What it is, e.g. `a block device (a disk)`.
        what: &'static str,
    },
    /// The folder could not be written.
    #[error(transparent)]
    Folder(#[from] FolderError),
    /// The file system refused.
    #[error("cannot write {}: {}", .path.display(), describe_io_error(.source))]
    Io {
        /// The output path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// A file-system error in plain words, without the raw `(os error N)`: `permission denied`,
/// `no space left on the device`, ….
pub fn describe_io_error(error: &std::io::Error) -> String {
    use std::io::ErrorKind as Kind;
    let said = match error.kind() {
        Kind::NotFound => "it, or a folder on its path, does not exist",
        Kind::PermissionDenied => "permission denied",
        Kind::AlreadyExists => "something else is already there",
        Kind::StorageFull => "no space left on the device",
        Kind::QuotaExceeded => "the disk quota is used up",
        Kind::ReadOnlyFilesystem => "the file system is read-only",
        Kind::IsADirectory => "it is a folder",
        Kind::NotADirectory => "a part of the path is a file, not a folder",
        Kind::DirectoryNotEmpty => "a folder is not empty",
        Kind::FileTooLarge => "the file would be larger than the file system allows",
        Kind::Interrupted => "interrupted",
        Kind::BrokenPipe => "the reading end was closed",
        _ => {
            let text = error.to_string();
            let text = match text.find(" (os error ") {
                Some(at) => text[..at].to_owned(),
                None => text,
            };
            let mut chars = text.chars();
            return match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => "the system refused".to_owned(),
            };
        }
    };
    said.to_owned()
}

/// Whether `path` names the same file as one of `inputs`.
pub fn is_input(path: &Path, inputs: &[PathBuf]) -> bool {
    let canonical = |p: &Path| p.canonicalize().ok();
    let target = canonical(path);
    inputs.iter().any(|input| input == path || (target.is_some() && canonical(input) == target))
}

/// The folder `path` is written in (`.` for a bare name), when it exists.
fn existing_folder(path: &Path) -> Result<PathBuf, OutputError> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.to_owned(),
        _ => PathBuf::from("."),
    };
    if folder.is_dir() {
        Ok(folder)
    } else {
        Err(OutputError::MissingFolder { path: path.to_owned(), folder })
    }
}

/// What an output path is, once links are followed.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// A regular file, or nothing yet: written atomically at this path (a link's target).
    File(PathBuf),
    /// A FIFO or a character device (through any links): written straight into.
    Stream,
}

/// Follows `path` to what it names. A link is followed to the file it points at (a link that
/// points at nothing yet, to the path where that file is made); a FIFO or character device is
/// a stream; a folder, block device or socket is refused.
fn target(path: &Path) -> Result<Target, OutputError> {
    let io_error = |source| OutputError::Io { path: path.to_owned(), source };
    match std::fs::symlink_metadata(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Target::File(path.to_owned()));
        }
        Err(source) => return Err(io_error(source)),
        Ok(metadata) if !metadata.file_type().is_symlink() => {
            return kind(path, &metadata.file_type(), path);
        }
        Ok(_) => {}
    }
    // A link: what it finally names decides.
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.is_file() => {
            path.canonicalize().map(Target::File).map_err(io_error)
        }
        Ok(metadata) => kind(path, &metadata.file_type(), path),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => dangling(path),
        Err(source) => Err(io_error(source)),
    }
}

/// The path a chain of links ends at, where nothing is yet.
fn dangling(path: &Path) -> Result<Target, OutputError> {
    let mut current = path.to_owned();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let link = std::fs::read_link(&current)
                    .map_err(|source| OutputError::Io { path: path.to_owned(), source })?;
                current = match current.parent() {
                    Some(folder) if link.is_relative() => folder.join(link),
                    _ => link,
                };
            }
            Ok(metadata) => return kind(path, &metadata.file_type(), &current),
            Err(_) => return Ok(Target::File(current)),
        }
    }
    Err(OutputError::NotWritable { path: path.to_owned(), what: "a chain of more than 40 links" })
}

/// A path that is not a link, by its type.
fn kind(shown: &Path, file_type: &std::fs::FileType, path: &Path) -> Result<Target, OutputError> {
    if file_type.is_file() {
        return Ok(Target::File(path.to_owned()));
    }
    if file_type.is_dir() {
        return Err(OutputError::IsFolder(shown.to_owned()));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() || file_type.is_char_device() {
            return Ok(Target::Stream);
        }
        if file_type.is_block_device() {
            let what = "a block device (a disk)";
            return Err(OutputError::NotWritable { path: shown.to_owned(), what });
        }
        if file_type.is_socket() {
            return Err(OutputError::NotWritable { path: shown.to_owned(), what: "a socket" });
        }
    }
    Err(OutputError::NotWritable { path: shown.to_owned(), what: "not a regular file" })
}

/// Writes `bytes` to `path`.
///
/// A regular file (or a new one) is written atomically: into a temporary file beside it,
/// created exclusively under an unpredictable name, flushed and synced, then renamed over
/// `path` (keeping the replaced file's permissions); a failure or an interrupt removes the
/// temporary and leaves any earlier file untouched. A link is followed: the file it points at
/// is written (atomically, in that file's folder). A FIFO or character device (`/dev/null`, a
/// terminal, `/proc/self/fd/1`) is written straight into, never replaced. A folder, block
/// device or socket is refused. Temporaries that earlier runs left in the folder (their process
/// gone, or older than a day) are removed.
///
/// # Errors
/// [`OutputError`] when `path` is an input, its folder is missing, it is a folder or device
/// that cannot hold a file, or the file system refuses.
pub fn write_atomic(path: &Path, bytes: &[u8], inputs: &[PathBuf]) -> Result<(), OutputError> {
    if is_input(path, inputs) {
        return Err(OutputError::WouldOverwriteInput(path.to_owned()));
    }
    let io_error = |source| OutputError::Io { path: path.to_owned(), source };
    let file = match target(path)? {
        Target::File(file) => file,
        Target::Stream => {
            let mut stream =
                std::fs::OpenOptions::new().write(true).open(path).map_err(io_error)?;
            return match stream.write_all(bytes).and_then(|()| stream.flush()) {
                Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                written => written.map_err(io_error),
            };
        }
    };
    if file != path && is_input(&file, inputs) {
        return Err(OutputError::WouldOverwriteInput(path.to_owned()));
    }
    let folder = existing_folder(&file)?;
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (temporary, mut handle) = Temporary::file(&folder, &name).map_err(io_error)?;
    remove_stale(&folder, owner(temporary.path()));
    if let Ok(replaced) = std::fs::metadata(&file) {
        let _ = handle.set_permissions(replaced.permissions());
    }
    handle.write_all(bytes).and_then(|()| handle.sync_all()).map_err(io_error)?;
    drop(handle);
    temporary.rename_to(&file).map_err(io_error)?;
    sync_folder(&folder);
    Ok(())
}

/// Flushes a folder's entries to disk where the platform allows it; best effort.
fn sync_folder(folder: &Path) {
    if let Ok(handle) = std::fs::File::open(folder) {
        let _ = handle.sync_all();
    }
}

/// Writes `bytes` to a new file `path`, atomically (an exclusive temporary file beside it, then
/// linked into place), and refuses when `path` exists (a link too), even when it appears
/// meanwhile.
///
/// # Errors
/// [`OutputError::Exists`] when there is something at `path`, or as [`write_atomic`].
pub fn write_new_file(path: &Path, bytes: &[u8], inputs: &[PathBuf]) -> Result<(), OutputError> {
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(OutputError::Exists(path.to_owned()));
    }
    if is_input(path, inputs) {
        return Err(OutputError::WouldOverwriteInput(path.to_owned()));
    }
    let folder = existing_folder(path)?;
    let io_error = |source| OutputError::Io { path: path.to_owned(), source };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (temporary, mut handle) = Temporary::file(&folder, &name).map_err(io_error)?;
    remove_stale(&folder, owner(temporary.path()));
    handle.write_all(bytes).and_then(|()| handle.sync_all()).map_err(io_error)?;
    drop(handle);
    // A hard link never replaces a file; where links are not supported, a rename after a check.
    let placed = match temporary.link_to(path) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(OutputError::Exists(path.to_owned()))
        }
        Err(error) if error.kind() == std::io::ErrorKind::Interrupted => Err(io_error(error)),
        Err(_) if std::fs::symlink_metadata(path).is_ok() => {
            Err(OutputError::Exists(path.to_owned()))
        }
        Err(_) => temporary.rename_to(path).map_err(io_error),
    };
    sync_folder(&folder);
    placed
}

/// Writes `files` as a new folder `dir`: built beside it and renamed into place. An existing
/// empty folder is replaced by the new one; an existing folder with anything in it, or a file,
/// is refused.
///
/// # Errors
/// [`OutputError::NotEmpty`], [`OutputError::Exists`] (a file at `dir`), or
/// [`OutputError::Folder`] when the folder cannot be written.
pub fn write_new_folder(dir: &Path, files: &[FolderFile]) -> Result<(), OutputError> {
    let io_error = |source| OutputError::Io { path: dir.to_owned(), source };
    match std::fs::symlink_metadata(dir) {
        Ok(metadata) if metadata.is_dir() => {
            if std::fs::read_dir(dir).map_err(io_error)?.next().is_some() {
                return Err(OutputError::NotEmpty(dir.to_owned()));
            }
            std::fs::remove_dir(dir).map_err(io_error)?;
        }
        Ok(_) => return Err(OutputError::Exists(dir.to_owned())),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
        Err(source) => return Err(io_error(source)),
    }
    // The folder is not there, so no earlier output is replaced: the marker is never read.
    let marker = FolderMarker { file: "", text: "", what: "a new folder" };
    write_folder(dir, files, &[], &marker)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_atomically_and_refuse_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.csv");
        write_atomic(&out, b"one", &[]).unwrap();
        write_atomic(&out, b"two", &[]).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"two");
        let input = dir.path().join("actors.csv");
        std::fs::write(&input, "id\n").unwrap();
        let refused = write_atomic(&input, b"x", std::slice::from_ref(&input));
        assert!(matches!(refused, Err(OutputError::WouldOverwriteInput(_))));
        assert_eq!(std::fs::read(&input).unwrap(), b"id\n");
        let missing = write_atomic(&dir.path().join("nope/out.csv"), b"x", &[]);
        assert!(matches!(missing, Err(OutputError::MissingFolder { .. })));
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 2);
    }

    #[test]
    fn new_files_and_folders_replace_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("new.xlsx");
        write_new_file(&file, b"one", &[]).unwrap();
        assert!(matches!(write_new_file(&file, b"two", &[]), Err(OutputError::Exists(_))));
        assert_eq!(std::fs::read(&file).unwrap(), b"one");
        let files = [FolderFile { path: "a.csv".to_owned(), bytes: b"id\n".to_vec() }];
        let folder = dir.path().join("ws");
        std::fs::create_dir(&folder).unwrap();
        write_new_folder(&folder, &files).unwrap();
        assert_eq!(std::fs::read(folder.join("a.csv")).unwrap(), b"id\n");
        assert!(matches!(write_new_folder(&folder, &files), Err(OutputError::NotEmpty(_))));
        assert!(matches!(write_new_folder(&file, &files), Err(OutputError::Exists(_))));
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 2);
    }
}
