//! Writing a folder of outputs atomically: every file goes into a fresh temporary folder beside
//! the destination (created exclusively under an unpredictable name), which is then renamed into
//! place. The folder gets a manifest listing what it holds. An existing destination is replaced
//! only when its manifest lists everything in it (nothing added by a user, no input kept in
//! it), and never when it holds or sits in the workspace's input folder. Two runs onto one
//! folder at once: one wins, the other fails with a plain message.
//!
//! Replacing takes two renames (the old folder aside, the new one in), then the old folder is
//! removed: a reader sees the old folder or the new one, never a half-written mix, and a failure
//! before the swap leaves the old folder untouched. (Swapping two folders in one step needs
//! `renameat2(RENAME_EXCHANGE)`, which is Linux-only and not in the standard library.)

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use super::output::describe_io_error;
use super::temporaries::{Temporary, owner, remove_stale};

/// One file of a folder output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderFile {
    /// Path inside the folder, `/`-separated, e.g. `data/rd_twente/plan.svg`; no `..`, no
    /// empty or `.` parts, no leading `/`.
    pub path: String,
    /// The contents.
    pub bytes: Vec<u8>,
}

/// The manifest a folder output carries, by which an earlier output is recognised and what it
/// wrote is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FolderMarker<'a> {
    /// The manifest's name inside the folder, e.g. `.stakenet-report`; empty for a folder
    /// that never replaces anything (and gets no manifest).
    pub file: &'a str,
    /// The manifest's first line; the lines after it are the paths of the files written.
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
        "refusing to replace {}: it exists and is not {what} (it has no {file}, the list of the files stakenet wrote there); choose a new folder, or remove it first",
        .path.display()
    )]
    NotReplaceable {
        /// The output folder.
        path: PathBuf,
        /// What may be replaced.
        what: String,
        /// The manifest file.
        file: String,
    },
    /// The folder is an earlier output, but holds something it did not write.
    #[error(
        "refusing to replace {}: it holds {unexpected}, which is not in {file}, the list of the files stakenet wrote there; move it out (or remove it), or choose another folder",
        .path.display()
    )]
    Unexpected {
        /// The output folder.
        path: PathBuf,
        /// The first entry not listed, relative to the folder (`/`-separated).
        unexpected: String,
        /// The manifest file.
        file: String,
    },
    /// Another run wrote the folder at the same time.
    #[error(
        "cannot write {}: another run wrote it at the same time, and its output is kept; nothing of this run was kept",
        .0.display()
    )]
    Concurrent(PathBuf),
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
    #[error("cannot write {}: {}", .path.display(), describe_io_error(.source))]
    Io {
        /// The path being written.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// Writes `files` as the folder `dir`, atomically.
///
/// Everything is written (and synced) into `.NAME.stakenet-PID-TOKEN.tmp` beside `dir`,
/// created exclusively, with the manifest `marker.file` listing the files; it is then renamed
/// to `dir`. When `dir` exists it must be an earlier output: a folder whose manifest starts
/// with `marker.text` and lists every file in it. It is renamed aside (and checked again
/// there), the new folder renamed in, and the old one removed. Any failure, or an interrupt
/// (see [`remove_temporaries`](super::remove_temporaries)), removes the temporary folder and
/// leaves `dir` as it was; stale temporaries of earlier runs beside `dir` are removed.
///
/// # Errors
/// [`FolderError`] when `dir` is (or holds, or sits directly in) a folder of `inputs`, exists
/// without a manifest or with anything the manifest does not list, is a file, has no parent
/// folder, another run wrote it meanwhile, or the file system refuses.
pub fn write_folder(
    dir: &Path,
    files: &[FolderFile],
    inputs: &[PathBuf],
    marker: &FolderMarker<'_>,
) -> Result<FolderWritten, FolderError> {
    check_names(files, marker)?;
    let Destination { name, parent, exists } = destination(dir, inputs, marker)?;
    let name = name.to_string_lossy().into_owned();
    let io_error = |path: &Path| {
        let path = path.to_owned();
        move |source| FolderError::Io { path, source }
    };
    let race = |error: std::io::Error| match error.kind() {
        std::io::ErrorKind::NotFound
        | std::io::ErrorKind::AlreadyExists
        | std::io::ErrorKind::DirectoryNotEmpty => FolderError::Concurrent(dir.to_owned()),
        _ => io_error(dir)(error),
    };
    let temporary = Temporary::folder(&parent, &name).map_err(io_error(dir))?;
    remove_stale(&parent, owner(temporary.path()));
    fill(temporary.path(), files, marker)?;
    if !exists {
        temporary.rename_to(dir).map_err(race)?;
        sync_folder(&parent);
        return Ok(FolderWritten { replaced: false, leftover: None });
    }
    let old = Temporary::move_aside(dir, &parent, &name).map_err(race)?;
    // Checked again where no one else writes: what was renamed aside is what is replaced.
    if let Err(refused) = replaceable(old.path(), dir, marker) {
        let aside = old.path().to_owned();
        return match old.put_back(dir) {
            Ok(()) => Err(refused),
            Err(source) => Err(FolderError::Io { path: aside, source }),
        };
    }
    if let Err(error) = temporary.rename_to(dir) {
        // Put the earlier output back where it was; when another run's output took its place,
        // the earlier one (replaced either way) goes.
        return Err(match std::fs::symlink_metadata(dir) {
            Err(_) => match old.put_back(dir) {
                Ok(()) => io_error(dir)(error),
                Err(_) => race(error),
            },
            Ok(_) => race(error),
        });
    }
    sync_folder(&parent);
    let old_path = old.path().to_owned();
    drop(old);
    let leftover = std::fs::symlink_metadata(&old_path).is_ok().then_some(old_path);
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
    // Another run may swap the folder while it is checked: then it is looked at again.
    let mut attempts = 0;
    let exists = loop {
        let before = match std::fs::symlink_metadata(dir) {
            Ok(metadata) if metadata.is_dir() => identity(&metadata),
            Ok(_) => return Err(FolderError::NotAFolder(dir.to_owned())),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => break false,
            Err(source) => return Err(FolderError::Io { path: dir.to_owned(), source }),
        };
        match replaceable(dir, dir, marker) {
            Ok(()) => break true,
            Err(refused) => {
                let now = std::fs::symlink_metadata(dir).ok().map(|m| identity(&m));
                attempts += 1;
                if now == Some(before) || attempts == 5 {
                    return Err(refused);
                }
            }
        }
    };
    Ok(Destination { name, parent, exists })
}

/// What tells one folder from another that took its name (device and inode on Unix).
#[cfg(unix)]
fn identity(metadata: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (metadata.dev(), metadata.ino())
}

/// What tells one folder from another that took its name (its creation time elsewhere).
#[cfg(not(unix))]
fn identity(metadata: &std::fs::Metadata) -> (u64, u64) {
    let created =
        metadata.created().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
    (created.map_or(0, |d| d.as_secs()), created.map_or(0, |d| u64::from(d.subsec_nanos())))
}

/// Every path must be plain, relative, on one line, given once, and not the manifest's.
fn check_names(files: &[FolderFile], marker: &FolderMarker<'_>) -> Result<(), FolderError> {
    let mut seen = BTreeSet::new();
    for file in files {
        let plain = !file.path.is_empty()
            && file.path.split('/').all(|part| {
                !part.is_empty()
                    && part != "."
                    && part != ".."
                    && !part.contains(['\\', ':', '\0', '\n', '\r'])
            });
        let manifest = !marker.file.is_empty() && file.path.eq_ignore_ascii_case(marker.file);
        if !plain || manifest || !seen.insert(file.path.to_ascii_lowercase()) {
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

/// The files an earlier output's manifest lists, when `dir/marker.file` is a regular file
/// (at most 16 MiB) whose first line is `marker.text`.
fn manifest(dir: &Path, marker: &FolderMarker<'_>) -> Option<BTreeSet<String>> {
    if marker.file.is_empty() {
        return None;
    }
    let path = dir.join(marker.file);
    if !std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
        return None;
    }
    let mut text = String::new();
    std::fs::File::open(&path)
        .and_then(|file| file.take(16 << 20).read_to_string(&mut text))
        .ok()?;
    let mut lines = text.lines();
    (lines.next() == Some(marker.text))
        .then(|| lines.filter(|line| !line.is_empty()).map(str::to_owned).collect())
}

/// Refuses `dir` (shown as `shown`) unless it is an earlier output: a manifest, and nothing in
/// the folder that the manifest does not list (files, links, folders that hold no listed
/// file). The walk is iterative and never follows a link.
fn replaceable(dir: &Path, shown: &Path, marker: &FolderMarker<'_>) -> Result<(), FolderError> {
    let Some(listed) = manifest(dir, marker) else {
        return Err(FolderError::NotReplaceable {
            path: shown.to_owned(),
            what: marker.what.to_owned(),
            file: marker.file.to_owned(),
        });
    };
    let folders: BTreeSet<&str> = listed
        .iter()
        .flat_map(|path| path.match_indices('/').map(move |(at, _)| &path[..at]))
        .collect();
    let mut stack = vec![(dir.to_owned(), String::new())];
    while let Some((folder, prefix)) = stack.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|source| FolderError::Io { path: shown.to_owned(), source })?;
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(std::fs::DirEntry::file_name);
        for entry in entries {
            let relative = format!("{prefix}{}", entry.file_name().to_string_lossy());
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            let expected = if is_dir {
                folders.contains(relative.as_str())
            } else {
                relative == marker.file || listed.contains(&relative)
            };
            if !expected {
                return Err(FolderError::Unexpected {
                    path: shown.to_owned(),
                    unexpected: if is_dir { format!("{relative}/") } else { relative },
                    file: marker.file.to_owned(),
                });
            }
            if is_dir {
                stack.push((entry.path(), format!("{relative}/")));
            }
        }
    }
    Ok(())
}

/// Writes every file, and the manifest listing them, into the new empty `folder`, synced.
/// Files are created exclusively: nothing is opened that the folder did not get from here.
fn fill(folder: &Path, files: &[FolderFile], marker: &FolderMarker<'_>) -> Result<(), FolderError> {
    let io_error = |path: &Path| {
        let path = path.to_owned();
        move |source| FolderError::Io { path, source }
    };
    let mut folders = BTreeSet::new();
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
    let create = |path: &Path, bytes: &[u8]| {
        let mut handle = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(io_error(path))?;
        handle.write_all(bytes).map_err(io_error(path))?;
        handle.sync_all().map_err(io_error(path))
    };
    // Files are written and synced in parallel: the file system then commits many syncs at
    // once, which matters for a folder of hundreds of small files.
    paths.par_iter().zip(files).try_for_each(|(path, file)| create(path, &file.bytes))?;
    if !marker.file.is_empty() {
        let mut manifest = format!("{}\n", marker.text);
        for file in files {
            manifest.push_str(&file.path);
            manifest.push('\n');
        }
        create(&folder.join(marker.file), manifest.as_bytes())?;
    }
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

    const MARKER: FolderMarker<'static> = FolderMarker {
        file: ".made-by-test",
        text: "made by test",
        what: "an earlier test output",
    };

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
        assert_eq!(names(&out), [".made-by-test", "data", "index.html"]);
        assert_eq!(
            std::fs::read_to_string(out.join(".made-by-test")).unwrap(),
            "made by test\nindex.html\ndata/a/b.csv\n"
        );
        // Anything the manifest does not list makes the folder someone's: refused, named.
        for added in ["notes.txt", "data/notes.txt", "data/a/notes.txt", "extra/"] {
            if let Some(folder) = added.strip_suffix('/') {
                std::fs::create_dir(out.join(folder)).unwrap();
            } else {
                std::fs::write(out.join(added), "mine").unwrap();
            }
            let refused = write_folder(&out, &files("two"), &[], &MARKER);
            match refused {
                Err(FolderError::Unexpected { unexpected, .. }) => assert_eq!(unexpected, added),
                other => panic!("{added}: {other:?}"),
            }
            assert_eq!(names(root.path()), ["out"], "{added}");
            let path = out.join(added);
            if path.is_dir() { std::fs::remove_dir(path) } else { std::fs::remove_file(path) }
                .unwrap();
        }
        assert_eq!(std::fs::read_to_string(out.join("data/a/b.csv")).unwrap(), "one");
        let second = write_folder(&out, &files("two"), &[], &MARKER).unwrap();
        assert_eq!(second, FolderWritten { replaced: true, leftover: None });
        assert_eq!(std::fs::read_to_string(out.join("data/a/b.csv")).unwrap(), "two");
        assert_eq!(names(root.path()), ["out"]);
    }

    #[test]
    fn refuses_folders_that_are_not_earlier_outputs_and_files() {
        let root = tempfile::tempdir().unwrap();
        let other = root.path().join("other");
        std::fs::create_dir(&other).unwrap();
        std::fs::write(other.join("index.html"), "made by test, or so it says").unwrap();
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
        for bad in ["../x", "/x", "a//b", "a/./b", "", "a\\b", "a\nb", ".made-by-test"] {
            let file = FolderFile { path: bad.into(), bytes: Vec::new() };
            let refused = write_folder(&root.path().join("out"), &[file], &[], &MARKER);
            assert!(matches!(refused, Err(FolderError::BadFileName(_))), "{bad}");
        }
        let twice = [files("x"), files("y")].concat();
        assert!(write_folder(&root.path().join("out"), &twice, &[], &MARKER).is_err());
        assert!(names(root.path()).is_empty());
    }
}
