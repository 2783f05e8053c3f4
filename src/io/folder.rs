//! Writing a folder of outputs atomically: every file goes into a fresh temporary folder beside
//! the destination, which is then renamed into place. An existing destination is replaced only
//! when it carries the marker of an earlier output of the same kind, and never when it holds or
//! sits in the workspace's input folder.
//!
//! Replacing takes two renames (the old folder aside, the new one in), then the old folder is
//! removed: a reader sees the old folder or the new one, never a half-written mix, and a failure
//! before the swap leaves the old folder untouched. (Swapping two folders in one step needs
//! `renameat2(RENAME_EXCHANGE)`, which is Linux-only and not in the standard library.)

use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

/// One file of a folder output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderFile {
    /// Path inside the folder, `/`-separated, e.g. `data/rd_twente/plan.svg`; no `..`, no
    /// empty or `.` parts, no leading `/`.
    pub path: String,
    /// The contents.
    pub bytes: Vec<u8>,
}

/// How to recognise an earlier output that may be replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FolderMarker<'a> {
    /// The file inside the folder that carries the marker, e.g. `index.html`.
    pub file: &'a str,
    /// Text that the file's first 64 KiB must contain.
    pub text: &'a str,
    /// What such a folder is, for messages: e.g. `an earlier stakenet report`.
    pub what: &'a str,
}

/// What [`write_folder`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderWritten {
    /// Whether an earlier output was replaced.
    pub replaced: bool,
    /// The earlier output, renamed aside, when it could not be removed afterwards.
    pub leftover: Option<PathBuf>,
}

/// Why a folder output could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FolderError {
    /// The folder is, holds or sits directly in a folder of the workspace's inputs.
    #[error(
        "refusing to write {}: it is in the workspace folder {}, which holds the input {}; choose a folder outside the workspace",
        .path.display(), .folder.display(), .input.display()
    )]
    InputFolder {
        /// The output folder.
        path: PathBuf,
        /// The workspace folder it would touch.
        folder: PathBuf,
        /// An input file in that folder.
        input: PathBuf,
    },
    /// The folder exists and is not an earlier output.
    #[error(
        "refusing to replace {}: it exists and is not {what} (no {file} written by stakenet); choose a new folder, or remove it first",
        .path.display()
    )]
    NotReplaceable {
        /// The output folder.
        path: PathBuf,
        /// What may be replaced.
        what: String,
        /// The marker file.
        file: String,
    },
    /// The path exists and is a file (or a symbolic link).
    #[error("refusing to write {}: it exists and is not a folder; choose a new folder", .0.display())]
    NotAFolder(PathBuf),
    /// The path has no folder name (`/`, `..`).
    #[error("cannot write to {}: give a folder name, e.g. report", .0.display())]
    NoName(PathBuf),
    /// The folder that would hold the output does not exist.
    #[error("cannot write {}: the folder {} does not exist", .path.display(), .folder.display())]
    MissingParent {
        /// The output folder.
        path: PathBuf,
        /// Its parent.
        folder: PathBuf,
    },
    /// A file path inside the folder is not a plain relative path (a bug in the caller).
    #[error(
        "cannot write {0:?} inside an output folder: not a plain relative path, or given twice"
    )]
    BadFileName(String),
    /// The file system refused.
    #[error("cannot write {}: {source}", .path.display())]
    Io {
        /// The path being written.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// Writes `files` as the folder `dir`, atomically.
///
/// Everything is written (and synced) into `.NAME.stakenet-PID.tmp` beside `dir`, which is then
/// renamed to `dir`. When `dir` exists it must be a folder whose `marker.file` contains
/// `marker.text`: it is renamed aside, the new folder renamed in, and the old one removed.
/// Any failure before the swap removes the temporary folder and leaves `dir` as it was.
///
/// # Errors
/// [`FolderError`] when `dir` is (or holds, or sits directly in) a folder of `inputs`, exists
/// without the marker, is a file, has no parent folder, or the file system refuses.
pub fn write_folder(
    dir: &Path,
    files: &[FolderFile],
    inputs: &[PathBuf],
    marker: &FolderMarker<'_>,
) -> Result<FolderWritten, FolderError> {
    check_names(files)?;
    let Destination { name, parent, exists } = destination(dir, inputs, marker)?;
    let stem = format!(".{}.stakenet-{}", name.to_string_lossy(), std::process::id());
    let temporary = parent.join(format!("{stem}.tmp"));
    if let Err(error) = fill(&temporary, files) {
        let _ = std::fs::remove_dir_all(&temporary);
        return Err(error);
    }
    let io_error = |path: &Path| {
        let path = path.to_owned();
        move |source| FolderError::Io { path, source }
    };
    if !exists {
        if let Err(source) = std::fs::rename(&temporary, dir) {
            let _ = std::fs::remove_dir_all(&temporary);
            return Err(io_error(dir)(source));
        }
        sync_folder(&parent);
        return Ok(FolderWritten { replaced: false, leftover: None });
    }
    let old = parent.join(format!("{stem}.old"));
    if let Err(source) = std::fs::rename(dir, &old) {
        let _ = std::fs::remove_dir_all(&temporary);
        return Err(io_error(dir)(source));
    }
    if let Err(source) = std::fs::rename(&temporary, dir) {
        // Put the earlier output back where it was.
        let _ = std::fs::rename(&old, dir);
        let _ = std::fs::remove_dir_all(&temporary);
        return Err(io_error(dir)(source));
    }
    sync_folder(&parent);
    let leftover = std::fs::remove_dir_all(&old).is_err().then_some(old);
    Ok(FolderWritten { replaced: true, leftover })
}

/// Checks, before any work, that [`write_folder`] would accept `dir`: the same refusals,
/// without writing anything.
///
/// # Errors
/// As [`write_folder`], except for file-system failures while writing.
pub fn check_folder(
    dir: &Path,
    inputs: &[PathBuf],
    marker: &FolderMarker<'_>,
) -> Result<(), FolderError> {
    destination(dir, inputs, marker).map(|_| ())
}

/// Where the output goes, once checked.
struct Destination {
    /// The folder's own name.
    name: std::ffi::OsString,
    /// The folder that holds it.
    parent: PathBuf,
    /// Whether an earlier output is there (to be replaced).
    exists: bool,
}

fn destination(
    dir: &Path,
    inputs: &[PathBuf],
    marker: &FolderMarker<'_>,
) -> Result<Destination, FolderError> {
    let name = match dir.components().next_back() {
        Some(Component::Normal(name)) => name.to_owned(),
        _ => return Err(FolderError::NoName(dir.to_owned())),
    };
    let parent = match dir.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        return Err(FolderError::MissingParent { path: dir.to_owned(), folder: parent });
    }
    check_inputs(dir, &parent, &name, inputs)?;
    let exists = match std::fs::symlink_metadata(dir) {
        Ok(metadata) if metadata.is_dir() => true,
        Ok(_) => return Err(FolderError::NotAFolder(dir.to_owned())),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => false,
        Err(source) => return Err(FolderError::Io { path: dir.to_owned(), source }),
    };
    if exists && !has_marker(dir, marker) {
        return Err(FolderError::NotReplaceable {
            path: dir.to_owned(),
            what: marker.what.to_owned(),
            file: marker.file.to_owned(),
        });
    }
    Ok(Destination { name, parent, exists })
}

/// Every path must be plain, relative and given once.
fn check_names(files: &[FolderFile]) -> Result<(), FolderError> {
    let mut seen = std::collections::BTreeSet::new();
    for file in files {
        let plain = !file.path.is_empty()
            && file.path.split('/').all(|part| {
                !part.is_empty() && part != "." && part != ".." && !part.contains(['\\', ':', '\0'])
            });
        if !plain || !seen.insert(file.path.to_ascii_lowercase()) {
            return Err(FolderError::BadFileName(file.path.clone()));
        }
    }
    Ok(())
}

/// Refuses a destination that is a folder of the inputs, holds one of them, or whose parent
/// (where the temporary folder goes) is a folder of the inputs.
fn check_inputs(
    dir: &Path,
    parent: &Path,
    name: &std::ffi::OsStr,
    inputs: &[PathBuf],
) -> Result<(), FolderError> {
    let canonical = |path: &Path| path.canonicalize().unwrap_or_else(|_| path.to_owned());
    let parent_canonical = canonical(parent);
    let target = parent_canonical.join(name);
    for input in inputs {
        let input_canonical = canonical(input);
        let Some(folder) = input_canonical.parent() else { continue };
        if folder == target || folder == parent_canonical || input_canonical.starts_with(&target) {
            return Err(FolderError::InputFolder {
                path: dir.to_owned(),
                folder: input.parent().map_or_else(|| folder.to_owned(), Path::to_owned),
                input: input.clone(),
            });
        }
    }
    Ok(())
}

/// Whether `dir/marker.file` is a regular file whose start holds `marker.text`.
fn has_marker(dir: &Path, marker: &FolderMarker<'_>) -> bool {
    let path = dir.join(marker.file);
    let is_file = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file());
    if !is_file {
        return false;
    }
    let mut start = Vec::new();
    let read =
        std::fs::File::open(&path).and_then(|file| file.take(64 * 1024).read_to_end(&mut start));
    read.is_ok() && String::from_utf8_lossy(&start).contains(marker.text)
}

/// Creates `folder` afresh and writes every file into it, synced.
fn fill(folder: &Path, files: &[FolderFile]) -> Result<(), FolderError> {
    let io_error = |path: &Path| {
        let path = path.to_owned();
        move |source| FolderError::Io { path, source }
    };
    // A leftover of a crashed run with the same process id: it is ours by its name.
    if std::fs::symlink_metadata(folder).is_ok() {
        std::fs::remove_dir_all(folder).map_err(io_error(folder))?;
    }
    std::fs::create_dir(folder).map_err(io_error(folder))?;
    let mut folders = std::collections::BTreeSet::new();
    let mut paths = Vec::with_capacity(files.len());
    for file in files {
        let path = file.path.split('/').fold(folder.to_owned(), |path, part| path.join(part));
        if let Some(holder) = path.parent() {
            if holder != folder && folders.insert(holder.to_owned()) {
                std::fs::create_dir_all(holder).map_err(io_error(holder))?;
            }
        }
        paths.push(path);
    }
    // Files are written and synced in parallel: the file system then commits many syncs at
    // once, which matters for a folder of hundreds of small files.
    paths.par_iter().zip(files).try_for_each(|(path, file)| {
        let mut handle = std::fs::File::create(path).map_err(io_error(path))?;
        handle.write_all(&file.bytes).map_err(io_error(path))?;
        handle.sync_all().map_err(io_error(path))
    })?;
    for holder in folders.iter().rev() {
        sync_folder(holder);
    }
    sync_folder(folder);
    Ok(())
}

/// Flushes a folder's entries to disk where the platform allows it (not on Windows, where a
/// folder cannot be opened as a file); best effort.
fn sync_folder(folder: &Path) {
    if let Ok(handle) = std::fs::File::open(folder) {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MARKER: FolderMarker<'static> =
        FolderMarker { file: "index.html", text: "made-by-test", what: "an earlier test output" };

    fn files(tag: &str) -> Vec<FolderFile> {
        vec![
            FolderFile { path: "index.html".into(), bytes: format!("made-by-test {tag}").into() },
            FolderFile { path: "data/a/b.csv".into(), bytes: tag.as_bytes().to_vec() },
        ]
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_then_replaces_an_earlier_output_and_leaves_nothing_behind() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("out");
        let first = write_folder(&out, &files("one"), &[], &MARKER).unwrap();
        assert!(!first.replaced);
        assert_eq!(std::fs::read_to_string(out.join("data/a/b.csv")).unwrap(), "one");
        std::fs::write(out.join("stale.txt"), "old").unwrap();
        let second = write_folder(&out, &files("two"), &[], &MARKER).unwrap();
        assert_eq!(second, FolderWritten { replaced: true, leftover: None });
        assert_eq!(std::fs::read_to_string(out.join("data/a/b.csv")).unwrap(), "two");
        assert!(!out.join("stale.txt").exists());
        assert_eq!(names(root.path()), ["out"]);
    }

    #[test]
    fn refuses_folders_that_are_not_earlier_outputs_and_files() {
        let root = tempfile::tempdir().unwrap();
        let other = root.path().join("other");
        std::fs::create_dir(&other).unwrap();
        std::fs::write(other.join("index.html"), "someone else's page").unwrap();
        let refused = write_folder(&other, &files("x"), &[], &MARKER);
        assert!(matches!(refused, Err(FolderError::NotReplaceable { .. })), "{refused:?}");
        assert_eq!(names(&other), ["index.html"]);
        let file = root.path().join("file");
        std::fs::write(&file, "x").unwrap();
        assert!(matches!(
            write_folder(&file, &files("x"), &[], &MARKER),
            Err(FolderError::NotAFolder(_))
        ));
        assert!(matches!(
            write_folder(&root.path().join("no/such"), &files("x"), &[], &MARKER),
            Err(FolderError::MissingParent { .. })
        ));
        assert!(matches!(
            write_folder(Path::new("/"), &files("x"), &[], &MARKER),
            Err(FolderError::NoName(_))
        ));
        assert_eq!(names(root.path()), ["file", "other"]);
    }

    #[test]
    fn never_writes_in_or_over_an_input_folder() {
        let root = tempfile::tempdir().unwrap();
        let workspace = root.path().join("ws");
        std::fs::create_dir(&workspace).unwrap();
        let input = workspace.join("actors.csv");
        std::fs::write(&input, "id\n").unwrap();
        let inputs = [input];
        for dir in [workspace.clone(), workspace.join("report"), root.path().to_owned()] {
            let refused = write_folder(&dir, &files("x"), &inputs, &MARKER);
            assert!(matches!(refused, Err(FolderError::InputFolder { .. })), "{dir:?}");
        }
        assert_eq!(names(&workspace), ["actors.csv"]);
        write_folder(&root.path().join("elsewhere"), &files("x"), &inputs, &MARKER).unwrap();
    }

    #[test]
    fn refuses_paths_that_leave_the_folder() {
        let root = tempfile::tempdir().unwrap();
        for bad in ["../x", "/x", "a//b", "a/./b", "", "a\\b"] {
            let file = FolderFile { path: bad.into(), bytes: Vec::new() };
            let refused = write_folder(&root.path().join("out"), &[file], &[], &MARKER);
            assert!(matches!(refused, Err(FolderError::BadFileName(_))), "{bad}");
        }
        let twice = [files("x"), files("y")].concat();
        assert!(write_folder(&root.path().join("out"), &twice, &[], &MARKER).is_err());
        assert!(names(root.path()).is_empty());
    }
}
