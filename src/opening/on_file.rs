//! A big story's text read from its file on demand, once it was read whole and let go
//! (see [`crate::document::indexed::Indexed::let_go`]): shell code.
//!
//! The file is opened once and read with `pread` (no map: a file truncated under a map
//! kills the reader with SIGBUS). Before every read the open file is looked at again
//! (`fstat`, a microsecond beside a read of megabytes): when its size or time of change
//! is no longer what it was when the story was indexed, nothing is read and the read
//! fails, so text of a changed file is never shown as the old one; the file's watch (see
//! `watch.rs`) then reads it again whole and the reader moves onto it by its quote.

use super::{rewindow, Book, Listed, Opening, Stage};
use crate::app::Host;
use crate::document::indexed::Source;
use crate::reader::{Action, Effect, Reader};
use crate::session::{Loaded, Session};
use std::fs::File;
use std::io;
use std::os::unix::fs::{FileExt, MetadataExt};
use std::path::Path;
use std::time::SystemTime;

/// What is looked at to tell a file changed: the file it is (device and inode), its
/// size and its time of last change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Seen {
    file: (u64, u64),
    len: u64,
    modified: Option<SystemTime>,
}

impl Seen {
    fn of(meta: &std::fs::Metadata) -> Self {
        Self {
            file: (meta.dev(), meta.ino()),
            len: meta.len(),
            modified: meta.modified().ok(),
        }
    }

    /// The file at `path` as it is now; `None` when it cannot be looked at.
    pub(super) fn now(path: &Path) -> Option<Self> {
        std::fs::metadata(path).ok().map(|m| Self::of(&m))
    }
}

/// The story's file, read where its text is wanted (see the module's docs).
#[derive(Debug)]
pub struct FileSource {
    file: File,
    seen: Seen,
}

impl FileSource {
    /// The file at `path` as it is now.
    ///
    /// # Errors
    /// It cannot be opened or looked at.
    pub fn new(path: &Path) -> io::Result<Self> {
        let file = crate::storyfile::open(path)?;
        let seen = Seen::of(&file.metadata()?);
        Ok(Self { file, seen })
    }

    /// The file at `path`, when it is still the one `seen` before the story was indexed.
    pub(super) fn open(path: &Path, seen: Seen) -> Option<Self> {
        let file = crate::storyfile::open(path).ok()?;
        let now = Seen::of(&file.metadata().ok()?);
        (now == seen).then_some(Self { file, seen })
    }
}

impl Source for FileSource {
    fn read_at(&self, at: u64, buf: &mut [u8]) -> io::Result<usize> {
        if Seen::of(&self.file.metadata()?) != self.seen {
            return Err(io::Error::other("the story's file changed"));
        }
        let mut got = 0;
        while got < buf.len() {
            match self.file.read_at(&mut buf[got..], at + got as u64) {
                Ok(0) => break,
                Ok(n) => got += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(got)
    }
}

impl Book {
    /// The whole story is read (`listed`): when its text is the file's UTF-8 bytes
    /// normalised piece by piece (and the file still the one read), the text is let go,
    /// the reader stays on windows of the file, and the session starts on them. Otherwise
    /// `listed` and `loaded` are given back, for the reader to move onto the whole story.
    pub(super) fn let_go(
        &mut self,
        reader: &mut Reader,
        listed: Listed,
        loaded: Loaded,
    ) -> Result<(), Box<(Listed, Loaded)>> {
        let Stage::Opening(opening) = &mut self.stage else {
            return Err(Box::new((listed, loaded)));
        };
        let doc = &listed.doc;
        // A story changed since it was last read has its places found again by their
        // quotes, in the whole text: it is kept.
        let fit = opening.piped.is_none()
            && reader.partial().is_some()
            && !Session::changed(&loaded, doc.text().len());
        let source =
            (opening.seen.filter(|_| fit)).and_then(|seen| FileSource::open(&opening.path, seen));
        let (Some(source), Some(index)) = (source, &opening.index) else {
            return Err(Box::new((listed, loaded)));
        };
        let len = doc.text().len();
        if !index.let_go(len, doc.body(), std::sync::Arc::new(source)) {
            return Err(Box::new((listed, loaded)));
        }
        let (moved, path) = (opening.moved, opening.path.clone());
        let Listed { doc, chapters } = listed;
        let waiting = reader.stay_on_windows(chapters);
        let place = reader.whole_place();
        let mut session = Session::start_on_windows(loaded, &path, reader, &doc, moved);
        drop(doc);
        if moved {
            // The reader moved on the window: that place, not the saved one.
            reader.go_to_whole(place);
            session.effect(reader, Effect::PlaceChanged);
        }
        self.after_window = apply_until_window(reader, &mut session, waiting);
        if let Stage::Opening(mut opening) =
            std::mem::replace(&mut self.stage, Stage::Open(session))
        {
            opening.news = None;
            self.windows = Some(opening);
        }
        Ok(())
    }
}

/// Applies `actions` that waited for the whole story, in order, while no window is
/// wanted (`G`, a chapter, a percent, the saved place): the rest wait for it, and are
/// returned (a bookmark asked for after `G` goes on the last page, not where `G` was
/// pressed).
pub(super) fn apply_until_window(
    reader: &mut Reader,
    session: &mut Session,
    actions: Vec<Action>,
) -> Vec<Action> {
    let mut actions = actions.into_iter();
    while reader.wanted_window().is_none() {
        let Some(action) = actions.next() else {
            break;
        };
        match reader.apply_waiting(action) {
            Effect::None | Effect::Quit | Effect::Library => {}
            effect => session.effect(reader, effect),
        }
    }
    actions.collect()
}

/// Reads the window the reader wants from the story's file, if it wants one, and does
/// what waited for it (`after`): `true` when it was read. One that cannot be read (the
/// file changed) drops what waited for it, and says so: done later, elsewhere, it would
/// mark a place the reader never chose.
pub(super) fn serve_window(
    windows: Option<&Opening>,
    after: &mut Vec<Action>,
    reader: &mut Reader,
    session: &mut Session,
) -> bool {
    let Some(windows) = windows.filter(|_| reader.wanted_window().is_some()) else {
        return false;
    };
    if rewindow::serve(windows, reader) {
        session.effect(reader, Effect::PlaceChanged);
        let waiting = std::mem::take(after);
        *after = apply_until_window(reader, session, waiting);
        return true;
    }
    if !after.is_empty() {
        let told = reader
            .message()
            .unwrap_or("the window could not be read")
            .to_owned();
        reader.say(format!(
            "{told}; {} key(s) waiting for it not done",
            after.len()
        ));
        after.clear();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_after_it_was_seen_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        std::fs::write(&path, "one line\nand another\n").unwrap();
        let seen = Seen::now(&path).unwrap();
        let source = FileSource::open(&path, seen).unwrap();
        let mut buf = [0; 7];
        assert_eq!(source.read_at(4, &mut buf).unwrap(), 7);
        assert_eq!(&buf, b"line\nan");
        // Appended to: another size.
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        std::io::Write::write_all(&mut f, b"more\n").unwrap();
        let err = source.read_at(0, &mut buf).unwrap_err();
        assert_eq!(err.to_string(), "the story's file changed");
        // Replaced by another file: not the one seen, so never opened as it.
        std::fs::write(dir.path().join("new.txt"), "one line\nand another\n").unwrap();
        std::fs::rename(dir.path().join("new.txt"), &path).unwrap();
        assert!(FileSource::open(&path, seen).is_none());
    }
}
