//! How the reader left the page, kept across runs: the column width chosen with `-` and
//! `+`, and any other setting changed from the keyboard. A small JSON file beside
//! `config.toml`, written like a book's state (locked, atomic), because `config.toml` is
//! the reader's own file and its comments are theirs.
//!
//! **A setting changed from the keyboard** (the typography, the spread...) is kept under a
//! name of its own and read back with [`Remembered::setting`]; every write keeps the other settings in the file, those of newer dogears too.

use super::files::{lock, write_atomically};
use super::{Store, StoreError};
use crate::layout::Typography;
use crate::reader::COLUMN_LIMITS;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::path::PathBuf;

/// `config.toml`'s `max_width` when the width was set: a later edit of the file wins over
/// the remembered width.
const CONFIG_MAX_WIDTH: &str = "config_max_width";
/// The widest the column gets, as last set with `-` / `+`.
const MAX_WIDTH: &str = "max_width";
/// Justified, hyphenated, indented, as last set with `J`, `H`, `P`.
const TYPOGRAPHY: &str = "typography";
/// `config.toml`'s `justify`, `hyphenate` and `indent` when they were set.
const CONFIG_TYPOGRAPHY: &str = "config_typography";
/// Two pages side by side on a wide window, as last set with `D`.
const SPREAD: &str = "spread";
/// `config.toml`'s `spread` when it was set.
const CONFIG_SPREAD: &str = "config_spread";

fn bits(t: Typography) -> [bool; 3] {
    [t.justify, t.hyphenate, t.indent]
}

/// The settings `view.json` held when it was read ([`Store::remembered`]): one read for
/// all of them when a reader starts.
#[derive(Debug, Default)]
pub struct Remembered(Map<String, Value>);

impl Remembered {
    /// The column width the reader last chose, unless `config.toml`'s `max_width`
    /// (`configured`) changed since; `None` when there is none or it cannot be read.
    pub fn width(&self, configured: u16) -> Option<u16> {
        let get = |name| self.0.get(name).and_then(Value::as_u64);
        let (lo, hi) = COLUMN_LIMITS;
        let width = u16::try_from(get(MAX_WIDTH)?).ok()?;
        (get(CONFIG_MAX_WIDTH) == Some(u64::from(configured)) && (lo..=hi).contains(&width))
            .then_some(width)
    }

    /// Justification, hyphenation and indents as the reader last set them, unless
    /// `config.toml`'s (`configured`) changed since.
    pub fn typography(&self, configured: Typography) -> Option<Typography> {
        if self.setting::<[bool; 3]>(CONFIG_TYPOGRAPHY)? != bits(configured) {
            return None;
        }
        let [justify, hyphenate, indent] = self.setting::<[bool; 3]>(TYPOGRAPHY)?;
        // Optimal fit has no key: it is always config.toml's.
        Some(Typography {
            justify,
            hyphenate,
            indent,
            ..configured
        })
    }

    /// Two pages side by side (or not) as the reader last set it with `D`, unless
    /// `config.toml`'s `spread` (`configured`) changed since.
    pub fn spread(&self, configured: bool) -> Option<bool> {
        (self.setting::<bool>(CONFIG_SPREAD)? == configured)
            .then(|| self.setting::<bool>(SPREAD))
            .flatten()
    }

    /// The setting `name` as last changed from the keyboard, if it is there and reads as
    /// a `T`.
    pub fn setting<T: DeserializeOwned>(&self, name: &str) -> Option<T> {
        T::deserialize(self.0.get(name)?).ok()
    }
}

impl Store {
    fn view_path(&self) -> PathBuf {
        self.dir().join("view.json")
    }

    /// What `view.json` holds, read once; nothing when there is none
    /// or it cannot be read.
    pub fn remembered(&self) -> Remembered {
        Remembered(
            std::fs::read(self.view_path())
                .ok()
                .and_then(|bytes| serde_json::from_slice(&bytes).ok())
                .unwrap_or_default(),
        )
    }

    /// Remembers `width` as the column width, chosen while `config.toml` said `configured`.
    pub fn remember_width(&self, width: u16, configured: u16) -> Result<(), StoreError> {
        self.remember(&[
            (MAX_WIDTH, width.into()),
            (CONFIG_MAX_WIDTH, configured.into()),
        ])
    }

    /// Remembers `typography`, set while `config.toml` said `configured`.
    pub fn remember_typography(
        &self,
        typography: Typography,
        configured: Typography,
    ) -> Result<(), StoreError> {
        self.remember(&[
            (TYPOGRAPHY, bits(typography).into()),
            (CONFIG_TYPOGRAPHY, bits(configured).into()),
        ])
    }

    /// Remembers `on` for two pages side by side, set while `config.toml` said
    /// `configured`.
    pub fn remember_spread(&self, on: bool, configured: bool) -> Result<(), StoreError> {
        self.remember(&[(SPREAD, on.into()), (CONFIG_SPREAD, configured.into())])
    }

    /// Remembers `value` as the setting `name` (see [`Remembered::setting`]).
    #[cfg(test)]
    pub fn remember_setting(
        &self,
        name: &str,
        value: impl serde::Serialize,
    ) -> Result<(), StoreError> {
        // A value of plain data always serialises.
        let value = serde_json::to_value(value).unwrap_or(Value::Null);
        self.remember(&[(name, value)])
    }

    /// Sets `settings` in `view.json`, keeping the others, under its lock.
    fn remember(&self, settings: &[(&str, Value)]) -> Result<(), StoreError> {
        let file = self.view_path();
        std::fs::create_dir_all(self.dir()).map_err(|source| StoreError::CreateDir {
            path: self.dir().to_owned(),
            source,
        })?;
        let _guard = lock(&file)?;
        let Remembered(mut view) = self.remembered();
        for (name, value) in settings {
            view.insert((*name).to_owned(), value.clone());
        }
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
        assert_eq!(store.remembered().width(72), None);
        store.remember_width(60, 72).unwrap();
        assert_eq!(store.remembered().width(72), Some(60));
        // The reader edited config.toml since: their new setting wins.
        assert_eq!(store.remembered().width(80), None);
        std::fs::write(dir.path().join("view.json"), "{ not json").unwrap();
        assert_eq!(store.remembered().width(72), None);
    }

    #[test]
    fn settings_are_kept_beside_the_width_and_each_write_keeps_the_others() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        std::fs::write(
            dir.path().join("view.json"),
            r#"{"max_width": 64, "config_max_width": 72}"#,
        )
        .unwrap();
        assert_eq!(store.remembered().width(72), Some(64), "the old file reads");
        store.remember_setting("theme", "sepia").unwrap();
        store.remember_setting("justify", true).unwrap();
        store.remember_width(60, 72).unwrap();
        assert_eq!(
            store.remembered().setting::<String>("theme").as_deref(),
            Some("sepia")
        );
        assert_eq!(store.remembered().setting::<bool>("justify"), Some(true));
        assert_eq!(
            store.remembered().setting::<bool>("theme"),
            None,
            "not a bool"
        );
        assert_eq!(store.remembered().setting::<bool>("indent"), None);
        assert_eq!(store.remembered().width(72), Some(60));
    }

    #[test]
    fn a_spread_is_remembered_until_the_config_changes() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        assert_eq!(store.remembered().spread(false), None);
        store.remember_spread(true, false).unwrap();
        store.remember_width(60, 72).unwrap();
        assert_eq!(store.remembered().spread(false), Some(true));
        assert_eq!(store.remembered().spread(true), None, "config.toml changed");
        assert_eq!(store.remembered().width(72), Some(60), "the width is kept");
    }

    #[test]
    fn typography_is_remembered_until_the_config_changes() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let plain = Typography::default();
        let justified = Typography {
            justify: true,
            ..plain
        };
        assert_eq!(store.remembered().typography(plain), None);
        store.remember_typography(justified, plain).unwrap();
        store.remember_width(60, 72).unwrap();
        assert_eq!(store.remembered().typography(plain), Some(justified));
        assert_eq!(
            store.remembered().typography(justified),
            None,
            "config.toml changed"
        );
    }
}
