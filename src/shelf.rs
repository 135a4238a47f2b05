//! Gathering the library from disk: saved books, story folders, bundled stories.
//!
//! Shell code (it reads directories and files); the order, titles and filtering are
//! decided by the pure [`crate::library`].

use crate::document::{decode, Charset};
use crate::library::{self, BundledInfo, Entry, FolderFile, Recent};
use crate::state::BookState;
use crate::store::Store;
use crate::stories;
use std::collections::HashMap;
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
    let states = store.map(Store::list).unwrap_or_default();
    let files = folder_files(&remembered(&states), folders);
    let recent = recent(states);
    let samples = if bundled { bundled_info() } else { Vec::new() };
    library::build(recent, files, &samples)
}

/// The library of one folder (`dogear DIR`): its story files, with progress for those read.
pub fn folder_entries(store: Option<&Store>, dir: &Path) -> Vec<Entry> {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_owned());
    let states = store.map(Store::list).unwrap_or_default();
    let files = folder_files(&remembered(&states), std::slice::from_ref(&dir));
    let recent = recent(states)
        .into_iter()
        .filter(|r| r.path.starts_with(&dir))
        .collect();
    library::build(recent, files, &[])
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
            last_read: Some(s.last_read),
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

fn folder_files(remembered: &HashMap<String, Charset>, folders: &[PathBuf]) -> Vec<FolderFile> {
    // Fingerprinting reads a few samples of each file: only when there is a choice to find.
    let chosen = |path: &Path| {
        if remembered.is_empty() {
            return None;
        }
        let fingerprint = crate::fingerprint::of_path(path).ok()?;
        remembered.get(&fingerprint).copied()
    };
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
                title: title_of_file(&path, chosen(&path)),
                path,
            }
        })
        .collect()
}

fn is_story(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("txt"))
}

/// The title from the start of a file: enough bytes to see a Gutenberg header, decoded
/// as the reader would decode the file (in the encoding chosen for it, if one was):
/// when the start is not UTF-8, as many bytes as the reader's detection looks at.
fn title_of_file(path: &Path, remembered: Option<Charset>) -> String {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|mut f| {
        let len = f.metadata()?.len() as usize;
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
