//! How the reader left the page, kept across runs: the column width chosen with `-` and
//! `+`. A small JSON file beside `config.toml`, written like a book's state (locked,
//! atomic), because `config.toml` is the reader's own file and its comments are theirs.

use super::files::{lock, write_atomically};
use super::{Store, StoreError};
use crate::reader::COLUMN_LIMITS;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// What `view.json` holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct View {
    /// The widest the column gets, as last set with `-` / `+`.
    max_width: u16,
    /// `config.toml`'s `max_width` when it was set: a later edit of the file wins over
    /// the remembered width.
    config_max_width: u16,
}

impl Store {
    fn view_path(&self) -> PathBuf {
        self.dir().join("view.json")
    }

    /// The column width the reader last chose, unless `config.toml`'s `max_width`
    /// (`configured`) changed since; `None` when there is none or it cannot be read.
    pub fn remembered_width(&self, configured: u16) -> Option<u16> {
        let bytes = std::fs::read(self.view_path()).ok()?;
        let view: View = serde_json::from_slice(&bytes).ok()?;
        let (lo, hi) = COLUMN_LIMITS;
        (view.config_max_width == configured && (lo..=hi).contains(&view.max_width))
            .then_some(view.max_width)
    }

    /// Remembers `width` as the column width, chosen while `config.toml` said `configured`.
    pub fn remember_width(&self, width: u16, configured: u16) -> Result<(), StoreError> {
        let file = self.view_path();
        std::fs::create_dir_all(self.dir()).map_err(|source| StoreError::CreateDir {
            path: self.dir().to_owned(),
            source,
        })?;
        let _guard = lock(&file)?;
        let view = View {
            max_width: width,
            config_max_width: configured,
        };
        write_atomically(&file, &view)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_width_is_remembered_until_the_config_changes() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        assert_eq!(store.remembered_width(72), None);
        store.remember_width(60, 72).unwrap();
        assert_eq!(store.remembered_width(72), Some(60));
        // The reader edited config.toml since: their new setting wins.
        assert_eq!(store.remembered_width(80), None);
        std::fs::write(dir.path().join("view.json"), "{ not json").unwrap();
        assert_eq!(store.remembered_width(72), None);
    }
}
