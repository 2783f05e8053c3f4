//! Writing outputs atomically: a temporary file in the same folder, then a rename, never over
//! an input of the workspace; and new files and folders that refuse to replace anything.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::folder::{FolderError, FolderFile, FolderMarker, write_folder};

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
    /// The folder could not be written.
    #[error(transparent)]
    Folder(#[from] FolderError),
    /// The file system refused.
    #[error("cannot write {}: {source}", .path.display())]
    Io {
        /// The output path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
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

/// Writes `bytes` to `path` atomically: into a temporary file beside it, flushed and synced,
/// then renamed over `path`. A failure leaves any earlier file at `path` untouched.
///
/// # Errors
/// [`OutputError`] when `path` is an input, its folder is missing, or the file system refuses.
pub fn write_atomic(path: &Path, bytes: &[u8], inputs: &[PathBuf]) -> Result<(), OutputError> {
    if is_input(path, inputs) {
        return Err(OutputError::WouldOverwriteInput(path.to_owned()));
    }
    let folder = existing_folder(path)?;
    let io_error = |source| OutputError::Io { path: path.to_owned(), source };
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = folder.join(format!(".{file_name}.stakenet-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if let Err(error) = result {
        let _ = std::fs::remove_file(&temporary);
        return Err(io_error(error));
    }
    Ok(())
}

/// Writes `bytes` to a new file `path`, atomically (a temporary file beside it, then linked
/// into place), and refuses when `path` exists, even when it appears meanwhile.
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
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = folder.join(format!(".{file_name}.stakenet-{}.tmp", std::process::id()));
    let written = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if let Err(source) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(OutputError::Io { path: path.to_owned(), source });
    }
    // A hard link never replaces a file; where links are not supported, a rename after a check.
    let placed = match std::fs::hard_link(&temporary, path) {
        Ok(()) => std::fs::remove_file(&temporary).or(Ok(())),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(OutputError::Exists(path.to_owned()))
        }
        Err(_) if std::fs::symlink_metadata(path).is_ok() => {
            Err(OutputError::Exists(path.to_owned()))
        }
        Err(_) => std::fs::rename(&temporary, path)
            .map_err(|source| OutputError::Io { path: path.to_owned(), source }),
    };
    if placed.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
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
