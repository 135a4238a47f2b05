//! `reading.json`: the reader's pace and reading log ([`crate::reading::Log`]), written
//! like a book's state: under a lock, merged with what is on disk, atomically.

use super::files::{lock, move_aside, write_atomically};
use super::{Store, StoreError};
use crate::reading::{fold, merge, Log, FOLD_AFTER_MS, READING_VERSION};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

mod head;

impl Store {
    pub fn reading_path(&self) -> PathBuf {
        self.dir().join("reading.json")
    }

    /// The reading log, and what to tell the reader if it could not be read. Never fails:
    /// a missing file is an empty log; an unreadable one is an empty log and a notice (a
    /// corrupt one is moved aside by the next [`Store::save_reading`]).
    pub fn load_reading(&self) -> (Log, Option<String>) {
        let path = self.reading_path();
        match read(&path) {
            Ok(log) => (log.unwrap_or_default(), None),
            Err(e) => (
                Log::default(),
                Some(format!(
                    "reading statistics unreadable ({}): {e}",
                    path.display()
                )),
            ),
        }
    }

    /// The reading log without its sessions: what opening a book needs (the reader's
    /// pace, the books finished), read without building the sessions, which a long log
    /// is mostly made of. A log holding only the sessions read since is whole again when
    /// it is written ([`Store::save_reading`] merges it with the file). An unreadable file
    /// is an empty log, as in [`Store::load_reading`].
    pub fn load_reading_head(&self) -> Log {
        fs::read(self.reading_path())
            .ok()
            .and_then(|bytes| head::head_of(&bytes))
            .unwrap_or_default()
    }

    /// Writes `log` merged with what is on disk and returns the merged log (which the
    /// caller should adopt: it holds what other dogears saved meanwhile).
    pub fn save_reading(&self, log: &Log) -> Result<Log, StoreError> {
        let path = self.reading_path();
        fs::create_dir_all(self.dir()).map_err(|source| StoreError::CreateDir {
            path: self.dir().to_owned(),
            source,
        })?;
        let _guard = lock(&path)?;
        // Folds are made up to the time now less a month: one that went further was made
        // while the clock was ahead, and would have every session begun since it was put
        // right dropped as already folded. No further than now, then.
        let before = super::now_ms().saturating_sub(FOLD_AFTER_MS);
        let mut log = log.clone();
        log.folded_before = log.folded_before.min(before);
        let log = &log;
        let merged = match read(&path) {
            Ok(Some(disk)) if disk.version > READING_VERSION => {
                return Err(StoreError::TooNew {
                    path,
                    found: disk.version,
                })
            }
            Ok(Some(mut disk)) => {
                disk.folded_before = disk.folded_before.min(before);
                merge(&disk, log)
            }
            Ok(None) => log.clone(),
            Err(ReadError::Io(source)) => return Err(StoreError::Read { path, source }),
            Err(ReadError::Corrupt(_)) => {
                move_aside(&path).map_err(|source| StoreError::Write {
                    path: path.clone(),
                    source,
                })?;
                log.clone()
            }
        };
        let mut merged = merged;
        // Old sessions are folded here, where the log is written, so that it stays small
        // whoever reads it (see `crate::reading::fold`).
        fold(&mut merged, before);
        write_atomically(&path, &merged)?;
        Ok(merged)
    }
}

enum ReadError {
    Io(io::Error),
    Corrupt(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => f.write_str(&super::reason(e)),
            ReadError::Corrupt(e) => f.write_str(e),
        }
    }
}

fn read(path: &Path) -> Result<Option<Log>, ReadError> {
    match fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| ReadError::Corrupt(e.to_string())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ReadError::Io(e)),
    }
}
