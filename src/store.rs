//! The config directory on disk: one JSON file per book, written atomically under a lock
//! and merged with whatever another dogear wrote meanwhile.
//!
//! Layout of the directory (`$DOGEAR_CONFIG_DIR`, else `dirs::config_dir()/dogear`):
//!
//! ```text
//! config.toml                      settings (crate::config)
//! books/<fingerprint>.json         one BookState per book
//! books/<fingerprint>.json.lock    advisory lock taken while saving that book
//! books/<name>.corrupt-<secs>      a file that failed to parse, kept aside for the reader
//! reading.json                     the reader's pace and reading time (crate::reading)
//! ```
//!
//! Reading never fails: a missing, unreadable or corrupt file gives a fresh state (and a
//! notice saying why), so a broken disk never stops anyone reading. Only `save` and
//! `forget` return errors, for the app to show once.

mod bundled;
mod files;
mod reading;
mod theme;
mod view;

use crate::config::Config;
use crate::state::{merge, BookState, BOOK_VERSION};
pub use bundled::materialise;
pub(crate) use files::reason;
use files::{lock, lock_all, move_aside, read_state, sync_dir, write_atomically, ReadError};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// Environment variable naming the state directory; it overrides the platform default
/// (tests and portable installs use it).
pub const DIR_ENV: &str = "DOGEAR_CONFIG_DIR";

/// A failed write or a missing directory, with the path and the operating system's reason.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot find a directory for dogear's state (set {DIR_ENV} or HOME)")]
    NoConfigDir,
    #[error("cannot create the state directory {}: {}", .path.display(), reason(.source))]
    CreateDir { path: PathBuf, source: io::Error },
    #[error("cannot lock {}: {}", .path.display(), reason(.source))]
    Lock { path: PathBuf, source: io::Error },
    #[error("cannot read {}: {}", .path.display(), reason(.source))]
    Read { path: PathBuf, source: io::Error },
    #[error("cannot write {}: {}", .path.display(), reason(.source))]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot encode the state for {}: {source}", .path.display())]
    Encode {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error(
        "{} was written by a newer dogear (format {found}, this one knows {BOOK_VERSION}); \
         leaving it as it is",
        .path.display()
    )]
    TooNew { path: PathBuf, found: u32 },
    #[error("'{0}' is not a book fingerprint")]
    BadFingerprint(String),
}

/// A book's state as found on disk.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub state: BookState,
    /// Something the reader should be told, e.g. that a corrupt file was moved aside.
    pub notice: Option<String>,
    /// Set when no state matched the fingerprint but one matched the path: the story's
    /// content changed, the old fingerprint is given, and the places in `state` must be
    /// re-found by their anchors. The next `save` moves the state to the new fingerprint.
    pub changed_from: Option<String>,
}

/// Handle on a state directory. Cheap; several may point at the same directory, in this
/// process or others.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// The user's state directory: `$DOGEAR_CONFIG_DIR`, else `dirs::config_dir()/dogear`.
    /// Nothing is created until the first save.
    pub fn open() -> Result<Store, StoreError> {
        match std::env::var_os(DIR_ENV).filter(|v| !v.is_empty()) {
            Some(dir) => Ok(Store::at(dir)),
            None => dirs::config_dir()
                .map(|d| Store::at(d.join("dogear")))
                .ok_or(StoreError::NoConfigDir),
        }
    }

    /// A store in `dir` (created on the first save).
    pub fn at(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn config_path(&self) -> PathBuf {
        self.dir.join("config.toml")
    }

    fn books_dir(&self) -> PathBuf {
        self.dir.join("books")
    }

    /// The file holding the book with this fingerprint.
    pub fn book_path(&self, fingerprint: &str) -> Result<PathBuf, StoreError> {
        // The fingerprint becomes a file name: refuse anything that could leave the directory.
        let ok = !fingerprint.is_empty()
            && fingerprint.len() <= 128
            && fingerprint
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !ok {
            return Err(StoreError::BadFingerprint(fingerprint.to_owned()));
        }
        Ok(self.books_dir().join(format!("{fingerprint}.json")))
    }

    /// Settings from `config.toml`, with messages about anything that was wrong in it.
    /// A missing file gives the defaults silently.
    pub fn load_config(&self) -> (Config, Vec<String>) {
        let path = self.config_path();
        match fs::read_to_string(&path) {
            Ok(text) => Config::parse(&text, &path, dirs::home_dir().as_deref()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => (Config::default(), Vec::new()),
            Err(e) => (
                Config::default(),
                vec![format!(
                    "cannot read {}: {}; using default settings",
                    path.display(),
                    reason(&e)
                )],
            ),
        }
    }

    /// The encoding the reader chose for the book with this fingerprint, if any. Only
    /// reads: a state file that cannot be read is left for [`Store::load`] to report.
    pub fn remembered_encoding(&self, fingerprint: &str) -> Option<String> {
        let file = self.book_path(fingerprint).ok()?;
        let state = read_state(&file).ok()??;
        state.encoding.map(|choice| choice.name)
    }

    /// The state of the book with this fingerprint, opened from `path`.
    ///
    /// Looks up the fingerprint first; failing that, a state saved for the same path (the
    /// file was edited: see `Loaded::changed_from`); failing that, a fresh state. A file
    /// that does not parse is renamed to `NAME.corrupt-SECS` and reported in the notice.
    pub fn load(&self, fingerprint: &str, path: &Path) -> Loaded {
        self.load_with(fingerprint, path, true)
    }

    /// Like [`Store::load`] for commands that only read (`--bookmarks`): a corrupt file is
    /// reported and left where it is; nothing is moved, created or locked.
    pub fn peek(&self, fingerprint: &str, path: &Path) -> Loaded {
        self.load_with(fingerprint, path, false)
    }

    fn load_with(&self, fingerprint: &str, path: &Path, repair: bool) -> Loaded {
        let fresh = |notice| Loaded {
            state: BookState::new(fingerprint.to_owned(), path.to_owned(), String::new()),
            notice,
            changed_from: None,
        };
        let file = match self.book_path(fingerprint) {
            Ok(file) => file,
            Err(e) => return fresh(Some(e.to_string())),
        };
        // No books directory (or something else in its place): nothing was ever saved here,
        // which is not worth a notice; `save` will report why it cannot write.
        let found = if self.books_dir().is_dir() {
            read_state(&file)
        } else {
            Ok(None)
        };
        // A corrupt file is moved aside under the book's lock, and only if it is still
        // corrupt then: a save that got the lock first has replaced it with a good one.
        let found = match found {
            Err(ReadError::Corrupt(_)) if repair => match lock(&file) {
                Ok(_guard) => match read_state(&file) {
                    Err(ReadError::Corrupt(e)) => {
                        return fresh(Some(aside_notice(move_aside(&file), &file, &e)))
                    }
                    other => other,
                },
                Err(err) => {
                    return fresh(Some(format!(
                        "saved place unreadable, starting afresh; could not move it aside \
                         ({err}), it is still at {}",
                        file.display()
                    )))
                }
            },
            other => other,
        };
        match found {
            Ok(Some(mut state)) => {
                state.fingerprint = fingerprint.to_owned();
                state.path = path.to_owned();
                Loaded {
                    state,
                    notice: None,
                    changed_from: None,
                }
            }
            Ok(None) => match self.find_by_path(fingerprint, path) {
                // The file at `path` was edited, but the old content is still there under
                // another name: that one keeps the state, this is a second book.
                Some(state) if still_elsewhere(&state, path) => fresh(None),
                Some(mut state) => {
                    let old = std::mem::replace(&mut state.fingerprint, fingerprint.to_owned());
                    state.replaces = Some(old.clone());
                    Loaded {
                        state,
                        notice: None,
                        changed_from: Some(old),
                    }
                }
                None => fresh(None),
            },
            Err(ReadError::Io(e)) => fresh(Some(format!(
                "cannot read your saved place for this story ({}: {}); starting afresh",
                file.display(),
                reason(&e)
            ))),
            Err(ReadError::Corrupt(e)) => fresh(Some(format!(
                "saved place unreadable; left as it is at {} ({e})",
                file.display()
            ))),
        }
    }

    /// The most recently read state saved for `path` under another fingerprint.
    /// (Its `copies` are not searched: a copy that was edited is a book of its own.)
    fn find_by_path(&self, fingerprint: &str, path: &Path) -> Option<BookState> {
        let wanted = fs::canonicalize(path).ok();
        self.list().into_iter().find(|s| {
            s.fingerprint != fingerprint
                && (s.path == path
                    || (wanted.is_some() && fs::canonicalize(&s.path).ok() == wanted))
        })
    }

    /// Writes `state`, merged with what is on disk now, and returns the merged state (which
    /// the caller should adopt: it holds what other dogears saved meanwhile).
    ///
    /// Under an exclusive lock on `NAME.lock`: re-read the file, [`merge`], write a
    /// temporary file in the same directory, fsync it, rename it over the file, fsync the
    /// directory. A crash at any moment leaves either the old file or the new one.
    ///
    /// When `state.replaces` names an old fingerprint (the story's content changed), the
    /// old file is merged in and then removed: its bookmarks and place now live under the
    /// new fingerprint, and keeping both would list the story twice in the library. If
    /// the old content ever comes back it is found again by its path.
    pub fn save(&self, state: &BookState) -> Result<BookState, StoreError> {
        let file = self.book_path(&state.fingerprint)?;
        let books = self.books_dir();
        fs::create_dir_all(&books).map_err(|source| StoreError::CreateDir {
            path: books.clone(),
            source,
        })?;

        let old_file = match state.replaces.as_deref() {
            Some(old) if old != state.fingerprint => Some(self.book_path(old)?),
            _ => None,
        };
        let mut files = vec![file.as_path()];
        files.extend(old_file.as_deref());
        let _guards = lock_all(&files)?;

        let mut ours = state.clone();
        if let Some(old_file) = &old_file {
            if let Some(disk) = self.read_for_merge(old_file)? {
                ours = merge(&disk, &ours);
            }
        }
        let mut merged = match self.read_for_merge(&file)? {
            Some(disk) => merge(&disk, &ours),
            None => ours,
        };
        merged.replaces = None;
        // A copy deleted since is forgotten; one that still exists keeps this content's
        // state from being taken over when the other is edited.
        merged.copies.retain(|p| p.is_file());
        merged.prune_tombstones(now_ms());
        write_atomically(&file, &merged)?;

        if let Some(old_file) = old_file {
            match fs::remove_file(&old_file) {
                Ok(()) => sync_dir(&books),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(source) => {
                    return Err(StoreError::Write {
                        path: old_file,
                        source,
                    })
                }
            }
        }
        Ok(merged)
    }

    /// The state on disk, for a save to merge with. A corrupt file is moved aside (the new
    /// state then replaces it); one from a newer dogear is left alone and refused.
    fn read_for_merge(&self, file: &Path) -> Result<Option<BookState>, StoreError> {
        match read_state(file) {
            Ok(Some(disk)) if disk.version > BOOK_VERSION => Err(StoreError::TooNew {
                path: file.to_owned(),
                found: disk.version,
            }),
            Ok(disk) => Ok(disk),
            Err(ReadError::Io(source)) => Err(StoreError::Read {
                path: file.to_owned(),
                source,
            }),
            Err(ReadError::Corrupt(_)) => match move_aside(file) {
                Ok(_) => Ok(None),
                Err(source) => Err(StoreError::Write {
                    path: file.to_owned(),
                    source,
                }),
            },
        }
    }

    /// `Err` naming the books folder and why, when what was saved here cannot be read
    /// (no folder yet is fine: nothing was saved). For the commands that only read
    /// (`--bookmarks`), which have no save to report it.
    pub fn check_readable(&self) -> Result<(), StoreError> {
        let path = self.books_dir();
        match fs::read_dir(&path) {
            Err(source) if source.kind() != io::ErrorKind::NotFound => {
                Err(StoreError::Read { path, source })
            }
            _ => Ok(()),
        }
    }

    /// Every readable book, most recently read first. Unreadable files are skipped (the
    /// reader hears about them when opening that book).
    pub fn list(&self) -> Vec<BookState> {
        let Ok(entries) = fs::read_dir(self.books_dir()) else {
            return Vec::new();
        };
        let mut books: Vec<BookState> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let name = entry.file_name().into_string().ok()?;
                let fingerprint = name.strip_suffix(".json")?;
                if fingerprint.starts_with('.') {
                    return None;
                }
                let mut state = read_state(&entry.path()).ok()??;
                state.fingerprint = fingerprint.to_owned();
                Some(state)
            })
            .collect();
        books.sort_by(|a, b| (b.last_read, &a.fingerprint).cmp(&(a.last_read, &b.fingerprint)));
        books
    }

    /// Deletes what is remembered about a book. Returns whether there was anything.
    pub fn forget(&self, fingerprint: &str) -> Result<bool, StoreError> {
        let file = self.book_path(fingerprint)?;
        if !file.exists() {
            return Ok(false);
        }
        let _guard = lock(&file)?;
        match fs::remove_file(&file) {
            Ok(()) => {
                sync_dir(&self.books_dir());
                Ok(true)
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(source) => Err(StoreError::Write { path: file, source }),
        }
    }
}

/// What to tell the reader after trying to move a corrupt `file` aside.
/// Whether the content `state` was saved for is still on disk at one of its other paths
/// (its recorded path or a copy, other than `edited`), with the same fingerprint.
fn still_elsewhere(state: &BookState, edited: &Path) -> bool {
    let edited = fs::canonicalize(edited).unwrap_or_else(|_| edited.to_owned());
    std::iter::once(&state.path)
        .chain(&state.copies)
        .filter(|p| fs::canonicalize(p).map_or(**p != edited, |c| c != edited))
        .any(|p| {
            p.is_file() && crate::storyfile::fingerprint(p).is_ok_and(|fp| fp == state.fingerprint)
        })
}

fn aside_notice(moved: io::Result<PathBuf>, file: &Path, e: &str) -> String {
    match moved {
        // The gist first: the status bar shows only the start of a notice.
        Ok(kept) => format!(
            "saved place unreadable, starting afresh; kept aside as {} ({e})",
            kept.display()
        ),
        Err(io) => format!(
            "saved place unreadable, starting afresh; could not move it aside ({}), it is \
             still at {} ({e})",
            reason(&io),
            file.display()
        ),
    }
}

/// Now, in unix milliseconds (0 if the clock is before 1970).
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// A fresh bookmark id: 16 hex digits, unique across processes and calls.
///
/// Mixes the standard library's per-process random hash keys with the time, the process
/// id and a counter, which is plenty for ids that only need to differ, without a
/// random-number crate.
pub fn new_bookmark_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(nanos);
    h.write_u32(std::process::id());
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    format!("{:016x}", h.finish())
}
