//! The temporary files and folders outputs are written through: created exclusively under an
//! unpredictable name beside the output, removed on error (a guard) and on interrupt (a
//! registry an interrupt handler empties with [`remove_temporaries`]), and those of earlier runs
//! that died (a dead process, or older than a day) removed by a later write to the same folder.
//!
//! The registry is the one piece of process-wide state of the library: a signal handler runs
//! apart from the code that writes, and must find what to remove.

use std::fs::{File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, SystemTime};

/// What every temporary name holds after the output's name: `.NAME.stakenet-PID-TOKEN.tmp`.
const TAG: &str = ".stakenet-";

/// A temporary of a process that is gone, or older than this, is stale.
const STALE_AGE: Duration = Duration::from_secs(24 * 60 * 60);

/// The temporaries alive in this process, and whether an interrupt closed the registry.
struct Registry {
    /// Set by [`remove_temporaries`]: no temporary may be created afterwards.
    closed: bool,
    /// Each temporary with its id, and where it goes back to if it is an earlier output moved
    /// aside.
    live: Vec<(u64, PathBuf, Option<PathBuf>)>,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry { closed: false, live: Vec::new() });
static COUNTER: AtomicU64 = AtomicU64::new(0);

fn registry() -> MutexGuard<'static, Registry> {
    REGISTRY.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Removes every temporary file and folder this process is writing, puts back an earlier
/// output that was moved aside, and refuses any new temporary from then on. For an interrupt
/// handler (Ctrl-C), which then ends the process.
pub fn remove_temporaries() {
    let mut registry = registry();
    registry.closed = true;
    for (_, path, restore) in std::mem::take(&mut registry.live) {
        match restore {
            Some(original) if std::fs::symlink_metadata(&original).is_err() => {
                let _ = std::fs::rename(&path, &original);
            }
            _ => remove(&path),
        }
    }
}

/// Removes a file or a folder with everything in it (not following links); a folder that
/// another thread is still filling is tried again.
fn remove(path: &Path) {
    for _ in 0..20 {
        let removed = match std::fs::symlink_metadata(path) {
            Err(_) => return,
            Ok(metadata) if metadata.is_dir() => std::fs::remove_dir_all(path),
            Ok(_) => std::fs::remove_file(path),
        };
        if removed.is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// An unpredictable 64-bit token: SipHash under the process's random keys of a counter and the
/// clock.
fn token() -> u64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    let now = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default();
    hasher.write_u128(now.as_nanos());
    hasher.write_u32(std::process::id());
    hasher.finish()
}

/// A temporary file or folder: removed when dropped unless [`Temporary::placed`] says it was
/// renamed into place.
#[derive(Debug)]
pub(crate) struct Temporary {
    id: u64,
    path: PathBuf,
}

impl Temporary {
    /// Its path.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Creates `.NAME.stakenet-PID-TOKEN.tmp` in `folder` for the output named `name`,
    /// exclusively (`O_CREAT|O_EXCL|O_NOFOLLOW`): nothing planted at that name (a file, a
    /// link) is ever opened; another name is drawn instead.
    pub(crate) fn file(folder: &Path, name: &str) -> std::io::Result<(Temporary, File)> {
        Temporary::create(folder, name, "tmp", |path| {
            let mut options = OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC);
            }
            options.open(path)
        })
    }

    /// Creates the folder `.NAME.stakenet-PID-TOKEN.tmp` in `parent`, exclusively.
    pub(crate) fn folder(parent: &Path, name: &str) -> std::io::Result<Temporary> {
        Temporary::create(parent, name, "tmp", |path| std::fs::create_dir(path))
            .map(|(temporary, ())| temporary)
    }

    fn create<T>(
        folder: &Path,
        name: &str,
        suffix: &str,
        make: impl Fn(&Path) -> std::io::Result<T>,
    ) -> std::io::Result<(Temporary, T)> {
        for _ in 0..100 {
            let id = token();
            let path =
                folder.join(format!(".{name}{TAG}{}-{id:016x}.{suffix}", std::process::id()));
            let mut registry = registry();
            if registry.closed {
                return Err(interrupted());
            }
            match make(&path) {
                Ok(made) => {
                    registry.live.push((id, path.clone(), None));
                    return Ok((Temporary { id, path }, made));
                }
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(error) => return Err(error),
            }
        }
        Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "no free temporary name beside the output",
        ))
    }

    /// Moves the earlier output `original` aside, to `.NAME.stakenet-PID-TOKEN.old` beside it:
    /// an interrupt puts it back when nothing took its place.
    pub(crate) fn move_aside(original: &Path, parent: &Path, name: &str) -> std::io::Result<Self> {
        let id = token();
        let path = parent.join(format!(".{name}{TAG}{}-{id:016x}.old", std::process::id()));
        let mut registry = registry();
        if registry.closed {
            return Err(interrupted());
        }
        std::fs::rename(original, &path)?;
        registry.live.push((id, path.clone(), Some(original.to_owned())));
        Ok(Temporary { id, path })
    }

    /// Renames the temporary to `target`; it is then no longer a temporary.
    pub(crate) fn rename_to(self, target: &Path) -> std::io::Result<()> {
        let mut registry = registry();
        if registry.closed {
            return Err(interrupted());
        }
        std::fs::rename(&self.path, target)?;
        registry.live.retain(|(id, _, _)| *id != self.id);
        drop(registry);
        std::mem::forget(self);
        Ok(())
    }

    /// Renames an earlier output moved aside back to `original`. When that fails it is kept
    /// where it is (no longer a temporary: nothing removes it) and the error returned.
    pub(crate) fn put_back(self, original: &Path) -> std::io::Result<()> {
        let mut registry = registry();
        let renamed = std::fs::rename(&self.path, original);
        registry.live.retain(|(id, _, _)| *id != self.id);
        drop(registry);
        std::mem::forget(self);
        renamed
    }

    /// Hard-links the temporary file to `target`, which never replaces anything; the
    /// temporary itself goes when dropped.
    pub(crate) fn link_to(&self, target: &Path) -> std::io::Result<()> {
        let registry = registry();
        if registry.closed {
            return Err(interrupted());
        }
        std::fs::hard_link(&self.path, target)
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        let mut registry = registry();
        remove(&self.path);
        registry.live.retain(|(id, _, _)| *id != self.id);
    }
}

/// The error of a write stopped by an interrupt.
fn interrupted() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::Interrupted, "interrupted")
}

/// Removes from `folder` the temporaries earlier runs of stakenet left: entries named
/// `.NAME.stakenet-PID[-TOKEN].tmp` or `.old`, files or folders (never links), owned by
/// `owner` when given, whose process is gone or that are older than a day. An earlier output
/// moved aside (`.old`) goes back to `NAME` when nothing is there. Best effort: what cannot be
/// removed stays.
pub(crate) fn remove_stale(folder: &Path, owner: Option<u32>) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(name) = file_name.to_str() else { continue };
        let Some((output, pid, old)) = parse(name) else { continue };
        if pid == std::process::id() {
            continue;
        }
        let Ok(metadata) = entry.path().symlink_metadata() else { continue };
        if !(metadata.is_file() || metadata.is_dir()) || !owned_by(&metadata, owner) {
            continue;
        }
        let age = metadata.modified().ok().and_then(|t| t.elapsed().ok()).unwrap_or_default();
        if !(process_gone(pid) || age > STALE_AGE) {
            continue;
        }
        let original = folder.join(output);
        if !old {
            remove(&entry.path());
        } else if std::fs::symlink_metadata(&original).is_err() {
            let _ = std::fs::rename(entry.path(), &original);
        } else if has_manifest(&entry.path()) {
            // An earlier output whose replacement is in place.
            remove(&entry.path());
        }
    }
}

/// Whether a folder holds a stakenet manifest (`.stakenet-…`): an output stakenet wrote.
fn has_manifest(folder: &Path) -> bool {
    std::fs::read_dir(folder).is_ok_and(|entries| {
        entries.flatten().any(|entry| {
            entry.file_name().to_string_lossy().starts_with(".stakenet-")
                && entry.file_type().is_ok_and(|t| t.is_file())
        })
    })
}

/// `.NAME.stakenet-PID[-TOKEN].tmp|old` → (NAME, PID, whether it is `.old`).
fn parse(name: &str) -> Option<(&str, u32, bool)> {
    let rest = name.strip_prefix('.')?;
    let (rest, old) = match rest.strip_suffix(".tmp") {
        Some(rest) => (rest, false),
        None => (rest.strip_suffix(".old")?, true),
    };
    let at = rest.rfind(TAG)?;
    let (output, tail) = (&rest[..at], &rest[at + TAG.len()..]);
    let (pid, token) = tail.split_once('-').unwrap_or((tail, ""));
    let token_ok =
        token.is_empty() || (token.len() == 16 && token.bytes().all(|b| b.is_ascii_hexdigit()));
    let pid = pid.parse().ok().filter(|_| token_ok && !output.is_empty())?;
    Some((output, pid, old))
}

#[cfg(unix)]
fn owned_by(metadata: &std::fs::Metadata, owner: Option<u32>) -> bool {
    use std::os::unix::fs::MetadataExt;
    owner.is_none_or(|uid| metadata.uid() == uid)
}

#[cfg(not(unix))]
fn owned_by(_: &std::fs::Metadata, _: Option<u32>) -> bool {
    true
}

/// The owner of a file or folder this process made (its effective user).
#[cfg(unix)]
pub(crate) fn owner(path: &Path) -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    std::fs::symlink_metadata(path).ok().map(|m| m.uid())
}

/// The owner of a file (not known off Unix).
#[cfg(not(unix))]
pub(crate) fn owner(_: &Path) -> Option<u32> {
    None
}

/// Whether process `pid` has ended: known where `/proc` lists processes (Linux); elsewhere
/// only the age of a temporary tells.
fn process_gone(pid: u32) -> bool {
    Path::new("/proc/self").exists() && !Path::new("/proc").join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_parsed_as_stakenet_made_them_and_nothing_else() {
        assert_eq!(parse(".e.graphml.stakenet-42.tmp"), Some(("e.graphml", 42, false)));
        assert_eq!(parse(".rep.stakenet-7-00ff00ff00ff00ff.old"), Some(("rep", 7, true)));
        for other in [".x.stakenet-abc.tmp", "x.stakenet-1.tmp", ".stakenet-1.tmp", ".x.tmp"] {
            assert_eq!(parse(other), None, "{other}");
        }
        assert_eq!(parse(".x.stakenet-1-zz.tmp"), None);
    }

    #[test]
    fn temporaries_are_exclusive_and_removed_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let (first, _) = Temporary::file(dir.path(), "out.csv").unwrap();
        let (second, _) = Temporary::file(dir.path(), "out.csv").unwrap();
        assert_ne!(first.path(), second.path());
        drop(first);
        second.rename_to(&dir.path().join("out.csv")).unwrap();
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1);
    }
}
