//! The library's catalogue: the stories the library lists, gathered from disk (the saved
//! books in the store, the story files found in folders, the bundled stories).
//!
//! Shell code (it reads directories and files); the order, titles and filtering are
//! decided by the pure `crate::library`.

use crate::bundled;
use crate::document::{decode, Charset};
use crate::library::{self, BundledInfo, Entry, FolderFile, Recent};
use crate::state::BookState;
use crate::store::Store;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use walk::Walk;

pub mod walk;

/// Bytes read from a story file to find its title.
const TITLE_BYTES: u64 = 16 * 1024;

/// What the library shows, once the walk of `folders` has ended: every saved book, the
/// `.txt` files under `folders`, and, when `bundled`, the bundled stories. (The library
/// screen uses a [`Catalogue`] and fills in as the walk goes.)
#[cfg(test)]
pub fn entries(store: Option<&Store>, folders: &[PathBuf], bundled: bool) -> Vec<Entry> {
    let mut catalogue = Catalogue::library(store, folders, bundled);
    catalogue.finish();
    catalogue.entries()
}

/// The library of one folder (`dogear DIR`) once its walk has ended: its story files,
/// with progress for those read.
pub fn folder_entries(store: Option<&Store>, dir: &Path) -> Vec<Entry> {
    let mut catalogue = Catalogue::folder(store, dir);
    catalogue.finish();
    catalogue.entries()
}

/// The catalogue: what the library lists, saved books and bundled stories at once, folder
/// stories as a background [`Walk`] finds them.
#[derive(Debug)]
pub struct Catalogue {
    recent: Vec<Recent>,
    files: Vec<FolderFile>,
    bundled: Vec<BundledInfo>,
    /// For the library of one folder: only books under it.
    under: Option<PathBuf>,
    walk: Option<Walk>,
}

impl Catalogue {
    /// The library: every saved book, the `.txt` files under `folders`, and, when
    /// `bundled`, the bundled stories.
    pub fn library(store: Option<&Store>, folders: &[PathBuf], bundled: bool) -> Catalogue {
        let bundled = if bundled { bundled_info() } else { Vec::new() };
        Catalogue::start(store, folders.to_vec(), bundled, None)
    }

    /// The library of one folder (`dogear DIR`): its story files, with progress for
    /// those read.
    pub fn folder(store: Option<&Store>, dir: &Path) -> Catalogue {
        let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_owned());
        Catalogue::start(store, vec![dir.clone()], Vec::new(), Some(dir))
    }

    fn start(
        store: Option<&Store>,
        folders: Vec<PathBuf>,
        bundled: Vec<BundledInfo>,
        under: Option<PathBuf>,
    ) -> Catalogue {
        let states = store.map(Store::list).unwrap_or_default();
        let remembered = remembered(&states);
        let mut catalogue = Catalogue {
            recent: Vec::new(),
            files: Vec::new(),
            bundled,
            under,
            walk: (!folders.is_empty()).then(|| Walk::start(folders, remembered)),
        };
        catalogue.keep_recent(states);
        catalogue
    }

    /// Lists the saved books again (after one was forgotten).
    pub fn reload(&mut self, store: Option<&Store>) {
        self.keep_recent(store.map(Store::list).unwrap_or_default());
    }

    fn keep_recent(&mut self, states: Vec<BookState>) {
        self.recent = recent(states)
            .into_iter()
            .filter(|r| {
                self.under
                    .as_ref()
                    .is_none_or(|dir| r.path.starts_with(dir))
            })
            .collect();
    }

    /// The library's entries as known now.
    pub fn entries(&self) -> Vec<Entry> {
        library::build(self.recent.clone(), self.files.clone(), &self.bundled)
    }

    /// Takes in what the walk found since the last call: `true` when there is something
    /// new to show (stories found, or the walk ended).
    pub fn poll(&mut self) -> bool {
        let Some(walk) = &self.walk else {
            return false;
        };
        let before = self.files.len();
        if !walk.take(&mut self.files) {
            self.walk = None;
            return true;
        }
        self.files.len() != before
    }

    /// While the walk goes on, how many files and folders it has looked at.
    pub fn searching(&self) -> Option<usize> {
        self.walk.as_ref().map(Walk::looked)
    }

    /// Waits for the walk to end.
    pub fn finish(&mut self) {
        self.settle(std::time::Duration::MAX);
    }

    /// Waits for the walk to end, for at most `max`: a small folder is listed whole in
    /// the first frame, a big one shows what was found so far and fills in.
    pub fn settle(&mut self, max: std::time::Duration) {
        let start = std::time::Instant::now();
        while self.walk.is_some() && start.elapsed() < max {
            if !self.poll() {
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
        }
    }
}

fn recent(states: Vec<BookState>) -> Vec<Recent> {
    states
        .into_iter()
        .map(|s| Recent {
            exists: s.path.is_file(),
            title: s.title,
            path: s.path,
            fingerprint: s.fingerprint,
            percent: Some(s.percent),
            // A book opened and closed before a page was turned has no time yet: it was
            // not read "56 years ago".
            last_read: (s.last_read > 0).then_some(s.last_read),
        })
        .collect()
}

/// The encodings chosen in the picker for books read before, by fingerprint. (A book
/// at the path it was read from is listed with its saved title; this is for one that
/// moved, or a copy.)
fn remembered(states: &[BookState]) -> HashMap<String, Charset> {
    states
        .iter()
        .filter_map(|s| {
            let charset = Charset::parse(&s.encoding.as_ref()?.name)?;
            Some((s.fingerprint.clone(), charset))
        })
        .collect()
}

/// The title from the start of a file: enough bytes to see a Gutenberg header, decoded
/// as the reader would decode the file (in the encoding chosen for it, if one was):
/// when the start is not UTF-8, as many bytes as the reader's detection looks at.
fn title_of_file(path: &Path, remembered: Option<Charset>) -> String {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut head = Vec::new();
    let read = crate::storyfile::open(path).and_then(|mut f| {
        let len = crate::saturating::usize_from(f.metadata()?.len());
        (&mut f).take(TITLE_BYTES).read_to_end(&mut head)?;
        let more = decode::sniff_end(&head).saturating_sub(head.len());
        if remembered.is_none() && more > 0 {
            f.take(more as u64).read_to_end(&mut head)?;
        }
        Ok(len)
    });
    let decoded = read
        .ok()
        .and_then(|len| decode::decode_head(&head, len, remembered).ok());
    match decoded {
        Some(decoded) => library::title_of(&decoded.text, &name),
        None => library::title_of("", &name),
    }
}

fn bundled_info() -> Vec<BundledInfo> {
    bundled::all()
        .iter()
        .map(|b| {
            let text = decode::decode(b.bytes, None)
                .map(|d| d.text)
                .unwrap_or_default();
            BundledInfo {
                name: b.file_name.to_owned(),
                title: library::title_of(&text, b.file_name),
            }
        })
        .collect()
}

/// Where bundled stories are written when first opened, so they have a real path: the
/// config folder's `stories`. Without a config folder they are read from the binary,
/// never written to a shared place such as `/tmp`.
pub fn bundled_dir(store: &Store) -> PathBuf {
    store.dir().join("stories")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_book_closed_before_a_page_was_turned_has_no_last_read_time() {
        let dir = tempfile::tempdir().unwrap();
        let story = dir.path().join("s.txt");
        std::fs::write(&story, "A story.\n").unwrap();
        let store = Store::at(dir.path().join("state"));
        let state = BookState::new("abc".into(), story, "S".into());
        assert_eq!(state.last_read, 0);
        store.save(&state).unwrap();
        let listed = entries(Some(&store), &[], false);
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].last_read, None);
    }
}
