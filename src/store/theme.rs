//! The theme last chosen with `T`, kept across runs: `theme.json` beside `config.toml`,
//! written like the column width (`view.rs`: locked, atomic), since `config.toml` is the
//! reader's own file.

use super::files::{lock, write_atomically};
use super::{Store, StoreError};
use crate::look::ThemeName;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// What `theme.json` holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Chosen {
    /// The theme last chosen with `T`.
    theme: ThemeName,
    /// `config.toml`'s `theme` when it was chosen: a later edit of the file wins.
    config_theme: ThemeName,
}

impl Store {
    fn theme_path(&self) -> PathBuf {
        self.dir().join("theme.json")
    }

    /// The theme the reader last chose, unless `config.toml`'s `theme` (`configured`)
    /// changed since; `None` when there is none or it cannot be read.
    pub fn remembered_theme(&self, configured: ThemeName) -> Option<ThemeName> {
        let bytes = std::fs::read(self.theme_path()).ok()?;
        let chosen: Chosen = serde_json::from_slice(&bytes).ok()?;
        (chosen.config_theme == configured).then_some(chosen.theme)
    }

    /// Remembers `theme`, chosen while `config.toml` said `configured`.
    pub fn remember_theme(
        &self,
        theme: ThemeName,
        configured: ThemeName,
    ) -> Result<(), StoreError> {
        let file = self.theme_path();
        std::fs::create_dir_all(self.dir()).map_err(|source| StoreError::CreateDir {
            path: self.dir().to_owned(),
            source,
        })?;
        let _guard = lock(&file)?;
        let chosen = Chosen {
            theme,
            config_theme: configured,
        };
        write_atomically(&file, &chosen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_theme_is_remembered_until_the_config_changes() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        assert_eq!(store.remembered_theme(ThemeName::Terminal), None);
        store
            .remember_theme(ThemeName::Sepia, ThemeName::Terminal)
            .unwrap();
        assert_eq!(
            store.remembered_theme(ThemeName::Terminal),
            Some(ThemeName::Sepia)
        );
        let written = std::fs::read_to_string(dir.path().join("theme.json")).unwrap();
        assert!(written.contains("\"sepia\""), "{written}");
        // The reader set a theme in config.toml since: theirs wins.
        assert_eq!(store.remembered_theme(ThemeName::Dark), None);
        std::fs::write(dir.path().join("theme.json"), "{ not json").unwrap();
        assert_eq!(store.remembered_theme(ThemeName::Terminal), None);
    }
}
