//! Writing outputs atomically: a temporary file in the same folder, then a rename, never over
//! an input of the workspace.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why an output could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OutputError {
    /// The output path is one of the workspace's input files.
    #[error("refusing to write {}: it is an input file of the workspace; choose another output path", .0.display())]
    WouldOverwriteInput(PathBuf),
    /// The folder of the output does not exist.
    #[error("cannot write {}: the folder {} does not exist", .path.display(), .folder.display())]
    MissingFolder {
        /// The output path.
        path: PathBuf,
        /// Its folder.
        folder: PathBuf,
    },
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

/// Writes `bytes` to `path` atomically: into a temporary file beside it, flushed and synced,
/// then renamed over `path`. A failure leaves any earlier file at `path` untouched.
///
/// # Errors
/// [`OutputError`] when `path` is an input, its folder is missing, or the file system refuses.
pub fn write_atomic(path: &Path, bytes: &[u8], inputs: &[PathBuf]) -> Result<(), OutputError> {
    if is_input(path, inputs) {
        return Err(OutputError::WouldOverwriteInput(path.to_owned()));
    }
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.to_owned(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(OutputError::MissingFolder { path: path.to_owned(), folder });
    }
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
}
