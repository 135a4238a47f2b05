//! Gathering the library from disk: saved books, story folders, bundled stories.
//!
//! Shell code (it reads directories and files); the order, titles and filtering are
//! decided by the pure [`crate::library`].

use crate::document::decode;
use crate::library::{self, BundledInfo, Entry, FolderFile, Recent};
use crate::store::Store;
use crate::stories;
use std::io::Read;
use std::path::{Path, PathBuf};

/// At most this many story files are listed from folders (a home directory by mistake
/// must not hang the library).
const MAX_FOLDER_FILES: usize = 5000;
/// Bytes read from a story file to find its title.
const TITLE_BYTES: u64 = 16 * 1024;

/// What the library shows: every saved book, the `.txt` files under `folders`, and, when
/// `bundled`, the sample stories.
pub fn entries(store: Option<&Store>, folders: &[PathBuf], bundled: bool) -> Vec<Entry> {
    let recent = store.map(recent).unwrap_or_default();
    let files = folder_files(folders);
    let samples = if bundled { bundled_info() } else { Vec::new() };
    library::build(recent, files, &samples)
}

/// The library of one folder (`dogear DIR`): its story files, with progress for those read.
pub fn folder_entries(store: Option<&Store>, dir: &Path) -> Vec<Entry> {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_owned());
    let recent = store
        .map(recent)
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.path.starts_with(&dir))
        .collect();
    library::build(recent, folder_files(&[dir]), &[])
}

fn recent(store: &Store) -> Vec<Recent> {
    store
        .list()
        .into_iter()
        .map(|s| Recent {
            exists: s.path.is_file(),
            title: s.title,
            path: s.path,
            fingerprint: s.fingerprint,
            percent: Some(s.percent),
            last_read: Some(s.last_read),
        })
        .collect()
}

fn folder_files(folders: &[PathBuf]) -> Vec<FolderFile> {
    folders
        .iter()
        .flat_map(|dir| walkdir::WalkDir::new(dir).follow_links(true).max_depth(16))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && is_story(e.path()))
        .take(MAX_FOLDER_FILES)
        .map(|e| {
            let path = e
                .path()
                .canonicalize()
                .unwrap_or_else(|_| e.path().to_owned());
            FolderFile {
                title: title_of_file(&path),
                path,
            }
        })
        .collect()
}

fn is_story(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("txt"))
}

/// The title from the start of a file: enough bytes to see a Gutenberg header.
fn title_of_file(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(TITLE_BYTES).read_to_end(&mut head));
    match read.ok().and_then(|_| decode::decode(&head, None).ok()) {
        Some(decoded) => library::title_of(&decoded.text, &name),
        None => library::title_of("", &name),
    }
}

fn bundled_info() -> Vec<BundledInfo> {
    stories::all()
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

/// Where bundled stories are written when first opened, so they have a real path.
pub fn bundled_dir(store: Option<&Store>) -> PathBuf {
    match store {
        Some(store) => store.dir().join("stories"),
        None => std::env::temp_dir().join("dogear-stories"),
    }
}
