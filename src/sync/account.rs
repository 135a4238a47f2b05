//! What sync keeps in the config folder (shell code: files).
//!
//! - `sync-key.json`: the user name and md5 of the password (what the protocol sends; the
//!   password itself is never kept), readable by the user alone (mode 600). The only file
//!   that holds it.
//! - `sync.json`: this device's id (32 uppercase hex, made once and kept: KOReader tells
//!   its own places from others' by it) and the last push and pull of each book, for
//!   `dogear sync status`. Nothing secret.
//!
//! Both are written whole to a temporary file and renamed, so a crash leaves the old one.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const KEY_FILE: &str = "sync-key.json";
const STATE_FILE: &str = "sync.json";

/// The account: the user name and the key (md5 hex of the password).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credentials {
    pub username: String,
    pub key: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

/// What sync remembers between runs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SyncState {
    pub device_id: String,
    /// By fingerprint.
    pub books: BTreeMap<String, BookSync>,
}

/// The last push and pull of one book.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BookSync {
    pub title: String,
    /// Unix seconds of the last push the server took, and the percentage pushed.
    pub pushed_at: Option<u64>,
    pub pushed_percent: Option<f64>,
    /// Unix seconds of the last pull that got an answer, and what it said.
    pub pulled_at: Option<u64>,
    pub pulled: Option<String>,
    /// Why the last push was not made or failed, if it was not.
    pub problem: Option<String>,
}

/// The sync files of the config folder `dir`.
#[derive(Debug, Clone)]
pub struct Account {
    dir: PathBuf,
}

impl Account {
    pub fn new(dir: &Path) -> Self {
        Self {
            dir: dir.to_owned(),
        }
    }

    pub fn key_path(&self) -> PathBuf {
        self.dir.join(KEY_FILE)
    }

    /// The stored credentials, if `dogear sync login` was run.
    pub fn credentials(&self) -> Option<Credentials> {
        let text = std::fs::read_to_string(self.key_path()).ok()?;
        serde_json::from_str(&text).ok()
    }

    /// Keeps the credentials, readable by the user alone.
    pub fn save_credentials(&self, c: &Credentials) -> io::Result<()> {
        let text = serde_json::to_string_pretty(c).map_err(io::Error::other)?;
        write_private(&self.dir, &self.key_path(), text.as_bytes())
    }

    /// What sync remembers; this device's id is made (and kept) the first time.
    pub fn state(&self) -> SyncState {
        let mut state: SyncState = std::fs::read_to_string(self.dir.join(STATE_FILE))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();
        if !valid_device_id(&state.device_id) {
            state.device_id = new_device_id();
            let _ = self.save_state(&state);
        }
        state
    }

    pub fn save_state(&self, state: &SyncState) -> io::Result<()> {
        let text = serde_json::to_string_pretty(state).map_err(io::Error::other)?;
        write_private(&self.dir, &self.dir.join(STATE_FILE), text.as_bytes())
    }

    /// Changes one book's record (read, changed, written: another dogear's record of
    /// another book is kept).
    pub fn update_book(&self, fingerprint: &str, change: impl FnOnce(&mut BookSync)) {
        let mut state = self.state();
        change(state.books.entry(fingerprint.to_owned()).or_default());
        let _ = self.save_state(&state);
    }
}

fn valid_device_id(id: &str) -> bool {
    id.len() == 32
        && id
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b))
}

/// 32 uppercase hex characters, from the system's randomness (std's hasher keys) mixed
/// with the time and the process: unique enough to tell devices apart.
fn new_device_id() -> String {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    let mut id = String::with_capacity(32);
    for part in 0..2u64 {
        let mut h = RandomState::new().build_hasher();
        h.write_u64(part);
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        h.write_u32(std::process::id());
        id.push_str(&format!("{:016X}", h.finish()));
    }
    id
}

/// Writes `file` in `dir` whole: a temporary file (mode 600) renamed over it.
fn write_private(dir: &Path, file: &Path, bytes: &[u8]) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new().prefix(".sync-").tempfile_in(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_device_id_is_made_once_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let account = Account::new(dir.path());
        let id = account.state().device_id;
        assert!(valid_device_id(&id), "{id}");
        assert_eq!(account.state().device_id, id);
        assert_ne!(
            Account::new(tempfile::tempdir().unwrap().path())
                .state()
                .device_id,
            id
        );
    }

    #[test]
    fn credentials_are_readable_by_the_user_alone() {
        let dir = tempfile::tempdir().unwrap();
        let account = Account::new(dir.path());
        let c = Credentials {
            username: "reader".into(),
            key: "5f4dcc3b5aa765d61d8327deb882cf99".into(),
        };
        account.save_credentials(&c).unwrap();
        assert_eq!(account.credentials(), Some(c.clone()));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(account.key_path())
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(!format!("{c:?}").contains("5f4d"));
    }
}
