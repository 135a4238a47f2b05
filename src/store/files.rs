//! Writing a state file so that nothing is ever lost: an advisory lock per book, atomic
//! replacement (temporary file, fsync, rename, fsync of the directory), and moving a file
//! that cannot be parsed aside instead of overwriting it.

use super::{now_ms, StoreError};
use crate::state::BookState;
use fs4::fs_std::FileExt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub(super) enum ReadError {
    Io(io::Error),
    Corrupt(String),
}

/// `Ok(None)` when the file does not exist. Times from the future are brought back to now
/// ([`BookState::clamp_future`]).
pub(super) fn read_state(file: &Path) -> Result<Option<BookState>, ReadError> {
    let bytes = match fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(ReadError::Io(e)),
    };
    let mut state: BookState =
        serde_json::from_slice(&bytes).map_err(|e| ReadError::Corrupt(e.to_string()))?;
    state.clamp_future(now_ms());
    Ok(Some(state))
}

/// Locks the state files `files` in one global order (their paths, sorted), so that two
/// dogears that each need the same two books cannot each hold one and wait for the other.
pub(super) fn lock_all(files: &[&Path]) -> Result<Vec<File>, StoreError> {
    let mut sorted = files.to_vec();
    sorted.sort();
    sorted.dedup();
    sorted.into_iter().map(lock).collect()
}

/// Holds an exclusive advisory lock on `FILE.lock` until dropped (closing the file
/// releases it, also when the process dies, so a crash never leaves a book locked).
/// The lock file is never deleted: removing it while another process waits on it would
/// let a third lock a new file and break the mutual exclusion.
pub(super) fn lock(file: &Path) -> Result<File, StoreError> {
    let path = sidecar(file, ".lock");
    let err = |source| StoreError::Lock {
        path: path.clone(),
        source,
    };
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    // A symlink planted at the lock's name must not make us create or lock another file.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
    let lock = options.open(&path).map_err(err)?;
    FileExt::lock_exclusive(&lock).map_err(err)?;
    Ok(lock)
}

pub(super) fn sidecar(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.file_name().unwrap_or_default().to_owned();
    name.push(suffix);
    file.with_file_name(name)
}

/// `state` as pretty JSON, written with [`replace`]. Must be called under the lock: it
/// also sweeps temp files that a killed writer of this file left behind.
pub(super) fn write_atomically<T: serde::Serialize>(
    file: &Path,
    state: &T,
) -> Result<(), StoreError> {
    let mut json = serde_json::to_vec_pretty(state).map_err(|source| StoreError::Encode {
        path: file.to_owned(),
        source,
    })?;
    json.push(b'\n');
    let dir = file.parent().unwrap_or(Path::new("."));
    remove_stale_temps(dir, &temp_prefix(file));
    replace(file, &json)
}

/// The one atomic write: `bytes` into a temporary file beside `file`, fsync, rename over
/// `file`, fsync the directory (so the rename survives a crash too). A reader of `file`
/// sees the old bytes or the new, never half of them.
pub(crate) fn replace(file: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = file.parent().unwrap_or(Path::new("."));
    let write_err = |source| StoreError::Write {
        path: file.to_owned(),
        source,
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(&temp_prefix(file))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(write_err)?;
    tmp.write_all(bytes).map_err(write_err)?;
    tmp.as_file().sync_all().map_err(write_err)?;
    tmp.persist(file).map_err(|e| write_err(e.error))?;
    sync_dir(dir);
    Ok(())
}

/// Temporary files for `NAME` are `.NAME.XXXXXX.tmp`: hidden, and found again by name.
fn temp_prefix(file: &Path) -> String {
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    format!(".{name}.")
}

fn remove_stale_temps(dir: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(prefix) && name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Makes a rename or removal in `dir` durable. Best effort: some file systems refuse to
/// fsync a directory, and the data itself is already safely on disk by then.
pub(super) fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Renames a corrupt file to `NAME.corrupt-SECS` (adding `-2`, `-3`, ... if taken) and
/// returns the new path. Never overwrites: the new name is claimed with a hard link,
/// which fails if it exists, and only then is the old name removed.
pub(super) fn move_aside(file: &Path) -> io::Result<PathBuf> {
    let secs = now_ms() / 1000;
    for n in 1..1000 {
        let suffix = if n == 1 {
            format!(".corrupt-{secs}")
        } else {
            format!(".corrupt-{secs}-{n}")
        };
        let target = sidecar(file, &suffix);
        match fs::hard_link(file, &target) {
            Ok(()) => {
                fs::remove_file(file)?;
                sync_dir(file.parent().unwrap_or(Path::new(".")));
                return Ok(target);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(e),
            // File systems without hard links: check, then rename.
            Err(_) if !target.exists() => {
                fs::rename(file, &target)?;
                return Ok(target);
            }
            Err(_) => continue,
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many corrupt copies already kept",
    ))
}

/// The operating system's reason without Rust's " (os error N)" suffix.
pub(crate) fn reason(err: &io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}
