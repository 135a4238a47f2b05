//! Opening stories for the reader: from a path (a file, a pipe, a compressed file, a
//! bundled story), at a bookmark, or from a library entry.

use crate::catalogue;
use crate::cli::{encoding_for, in_binary, read_story, Error, IN_BINARY};
use crate::config::Config;
use crate::document::{load, Charset, Document};
use crate::library::{Entry, Source};
use crate::opening::Book;
use crate::reader::Reader;
use crate::session::Session;
use crate::store::Store;
use std::io;
use std::path::{Path, PathBuf};

/// A bookmark to open a story at.
#[derive(Debug, Clone)]
pub enum Wanted {
    /// As typed after `--bookmark`: a label or a number.
    Name(String),
    /// Chosen in the library's list of the book's bookmarks.
    Id(String),
}

/// Sends the reader to the bookmark `wanted` names (a big story still being read goes
/// there once it is whole); the place left goes on the back-jump list.
pub fn go_to_bookmark(reader: &mut Reader, book: &mut Book, wanted: &Wanted) -> Result<(), Error> {
    use super::Host;
    let state = book.state_waiting(reader).ok_or_else(|| {
        Error::Other("the story's bookmarks are known once all of it has arrived".into())
    })?;
    let id = match wanted {
        Wanted::Name(name) => crate::cli::listing::find_bookmark(state, name)
            .map_err(Error::Other)?
            .id
            .clone(),
        Wanted::Id(id) => id.clone(),
    };
    let effect = reader.update(crate::reader::Action::OpenBookmark(id));
    book.effect(reader, effect);
    Ok(())
}

/// A book ready to read: the reader on it and its saved state (or, for a big story, the
/// reader on its first window while the rest is read: see [`crate::opening`]).
pub fn open_book(
    path: &Path,
    encoding: Option<Charset>,
    store: Option<&Store>,
    config: &Config,
) -> Result<(Reader, Book), Error> {
    let input = crate::input::classify(path);
    if !matches!(input, crate::input::Input::File(_)) {
        let owned = store.cloned();
        let remembered = Box::new(move |f: &str| encoding_for(encoding, owned.as_ref(), f));
        let (mut reader, book) =
            crate::opening::piped::open(&input, encoding, remembered, store, config.max_width)?;
        if config.sync.auto && config.sync.server.is_some() {
            reader.say(
                "sync: not synced, KOReader cannot name places in a piped or compressed story",
            );
        }
        reader.set_typography(config.typography());
        reader.set_margin(config.margin);
        reader.set_spread(config.spread);
        return Ok((reader, book));
    }
    let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
    let (mut reader, mut book) = open_file(&path, encoding, store, config)?;
    reader.set_typography(config.typography());
    reader.set_margin(config.margin);
    reader.set_spread(config.spread);
    if let (Some(store), None) = (store, in_binary(&path)) {
        if let Some(fingerprint) = book.fingerprint() {
            let sync = crate::sync::Syncer::start(&config.sync, store.dir(), &path, &fingerprint);
            if let (None, Some(why)) = (&sync, crate::sync::why_not(&config.sync, store.dir())) {
                reader.say(why);
            }
            book.set_sync(sync);
        }
    }
    Ok((reader, book))
}

/// [`open_book`] for a story file, at its canonical `path`.
fn open_file(
    path: &Path,
    encoding: Option<Charset>,
    store: Option<&Store>,
    config: &Config,
) -> Result<(Reader, Book), Error> {
    let path = path.to_owned();
    // The fingerprint first (its samples only), for the encoding remembered for this
    // book, which the story's first 8 KB are checked in before the rest is read.
    let (fingerprint, len) = match in_binary(&path) {
        Some(bytes) => (crate::fingerprint::of_bytes(bytes), 0),
        None => crate::storyfile::open(&path)
            .and_then(|file| {
                let len = file.metadata()?.len();
                Ok((crate::fingerprint::of_file(&file)?, len))
            })
            .map_err(|e| Error::Open(path.clone(), e))?,
    };
    // The book's state, read once: the encoding chosen for it in the picker (unless the
    // command line names one) decides how the story is read.
    let loaded = Session::load(store.cloned(), &path, fingerprint);
    let forced = encoding.or_else(|| chosen_encoding(&loaded.state));
    if len >= crate::opening::lazy_from() {
        // The terminal's size, for the first window to hold a screen of it.
        let size = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
        return crate::opening::open(&path, len, forced, loaded, size, config.max_width).map_err(
            |e| match e {
                load::StreamError::Load(e) => Error::Load(path.clone(), e),
                load::StreamError::Io(e) => Error::Open(path.clone(), e),
            },
        );
    }
    let bytes = read_story(&path, forced)?;
    let doc = Document::from_vec(bytes, forced).map_err(|e| Error::Load(path.clone(), e))?;
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let title = crate::library::title_of(doc.text(), &name);
    let mut reader = Reader::new(doc, title, (80, 24), config.max_width);
    let session = Session::begin(loaded, &path, &mut reader);
    let watched = in_binary(&path)
        .is_none()
        .then_some((path.as_path(), forced));
    Ok((reader, Book::open(session, watched)))
}

/// The encoding the reader chose in the picker for this book (as [`encoding_for`] finds
/// it; not one chosen for the file before it changed).
fn chosen_encoding(state: &crate::state::BookState) -> Option<Charset> {
    let choice = state
        .encoding
        .as_ref()
        .filter(|_| state.replaces.is_none())?;
    Charset::parse(&choice.name)
}

/// The bookmarks of a library entry, for its list (`B`): a book opened before by its
/// fingerprint, a story file by its content's; a bundled story never read has none.
pub fn entry_marks(entry: &Entry, store: Option<&Store>) -> Vec<crate::library::MarkRow> {
    let (Some(store), Some(path)) = (store, &entry.path) else {
        return Vec::new();
    };
    let fingerprint = match &entry.source {
        Source::Recent { fingerprint } => fingerprint.clone(),
        _ => match crate::storyfile::fingerprint(path) {
            Ok(fingerprint) => fingerprint,
            Err(_) => return Vec::new(),
        },
    };
    let state = store.peek(&fingerprint, path).state;
    let mut marks: Vec<&crate::state::Bookmark> = state.bookmarks.iter().collect();
    marks.sort_by_key(|b| (b.anchor.offset, b.created));
    marks
        .into_iter()
        .map(|b| crate::library::MarkRow {
            id: b.id.clone(),
            label: match b.label.trim() {
                "" => b
                    .anchor
                    .after
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                label => label.to_owned(),
            },
            percent: b.anchor.percent,
            when: crate::localtime::stamp(b.created as i64),
        })
        .collect()
}

/// The file to open for a library entry; a bundled story is written out first.
pub fn entry_path(entry: &Entry, store: Option<&Store>) -> io::Result<PathBuf> {
    match (&entry.source, &entry.path) {
        (Source::Bundled(name), _) => {
            let bundled = crate::bundled::find(name)
                .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, name.clone()))?;
            // A copy in the config folder gives the story a real path for the library; a
            // read-only or missing config folder reads it from the binary instead.
            match store {
                Some(store) => {
                    let dir = catalogue::bundled_dir(store);
                    crate::store::materialise(bundled, &dir)
                        .or_else(|_| Ok(Path::new(IN_BINARY).join(bundled.file_name)))
                }
                None => Ok(Path::new(IN_BINARY).join(bundled.file_name)),
            }
        }
        (_, Some(path)) => Ok(path.clone()),
        (_, None) => Err(io::Error::new(io::ErrorKind::NotFound, entry.title.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_stories_open_from_the_binary_with_a_read_only_or_missing_config_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let blocker = tmp.path().join("a-file");
        std::fs::write(&blocker, "").unwrap();
        let read_only = Store::at(blocker.join("config"));
        let story = crate::bundled::all()[0];
        let entry = Entry {
            title: "A bundled story".into(),
            path: None,
            source: Source::Bundled(story.file_name.into()),
            percent: None,
            last_read: None,
            missing: false,
        };
        let shared = std::env::temp_dir()
            .join("dogear-stories")
            .join(story.file_name);
        let before = std::fs::metadata(&shared).ok().map(|m| m.modified().ok());
        for store in [Some(&read_only), None] {
            let path = entry_path(&entry, store).expect("the bundled story opens");
            assert_eq!(read_story(&path, None).unwrap(), story.bytes);
            assert!(
                !path.starts_with(std::env::temp_dir()),
                "{}",
                path.display()
            );
        }
        assert_eq!(
            std::fs::metadata(&shared).ok().map(|m| m.modified().ok()),
            before,
            "nothing written to a shared path in the temp folder"
        );
    }
}
