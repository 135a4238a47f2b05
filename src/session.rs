//! One open book and its saved state: resuming the place, autosaving it, bookmarks.
//!
//! Shell code: it reads the clock and, through [`Store`], the disk. The place is saved
//! about a second after the reader stops moving (never more than once a second), at once
//! for bookmark changes, and on the way out whatever the way. A store that cannot be
//! written never stops the reading: the reader is told once, and reading goes on.

use crate::document::Document;
use crate::position;
use crate::reader::{Mark, Reader};
use crate::state::{merge, BookState, Bookmark};
use crate::store::{self, Store, StoreError};
use crate::toc::Chapter;
use crate::tracker::Tracker;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Repeated capital lines (speaker names, running heads) beyond which a story's statistics
/// are not remembered: the book's file would grow for a saving of a fraction of a
/// millisecond.
const MAX_REMEMBERED_CAPS: usize = 512;

/// Remembers the length of the text `doc` holds, and for a big story (one opened on a
/// window: see [`crate::opening`]) the statistics its blocks were classified by, with
/// the size of the file they were taken from, so that the next window of the same file
/// is classified with them at once. The story's file is at `state.path`.
fn remember_text(state: &mut BookState, doc: &Document) {
    let file = std::fs::metadata(&state.path).map_or(0, |m| m.len());
    remember_text_from(state, doc, crate::opening::lazy_from(), file);
}

/// [`remember_text`] for stories opened on a window from `lazy_from` bytes of file on,
/// the story's file being `file` bytes long (0 when unknown: then its text's length).
fn remember_text_from(state: &mut BookState, doc: &Document, lazy_from: u64, file: u64) {
    let length = doc.text().len() as u64;
    state.length = length;
    let big = match file {
        0 => length >= lazy_from,
        file => file >= lazy_from,
    };
    state.statistics = doc
        .summary()
        .filter(|s| big && s.repeated_caps.len() <= MAX_REMEMBERED_CAPS)
        .map(|summary| crate::state::TextStatistics {
            encoding: doc.encoding().to_owned(),
            file,
            summary: summary.clone(),
        });
}

mod early;
mod host;
mod refind;
mod saver;

pub use early::Early;
use refind::refind_all;
use saver::Saver;

/// How long the place must rest before it is saved, and the least time between saves.
const SAVE_DELAY: Duration = Duration::from_secs(1);

/// Whether an autosave is due at `now`: the place `moved` and rested [`SAVE_DELAY`]
/// since, and as long passed since the `last_save`.
fn save_due(moved: Option<Instant>, last_save: Option<Instant>, now: Instant) -> bool {
    let rested = moved.is_some_and(|m| now.duration_since(m) >= SAVE_DELAY);
    let spaced = last_save.is_none_or(|s| now.duration_since(s) >= SAVE_DELAY);
    rested && spaced
}

/// The state of the book being read, and when to save it.
#[derive(Debug)]
pub struct Session {
    store: Option<Store>,
    /// Shared with the background writer while it saves, so that sending it costs
    /// nothing however many bookmarks it holds; changed through [`Session::state_mut`].
    state: Arc<BookState>,
    /// When the place last moved and has not been saved since.
    moved: Option<Instant>,
    last_save: Option<Instant>,
    warned: bool,
    /// Whether the reader moved since the place was last saved (or loaded). Only then is
    /// the place written: an idle window must not put its old place over a newer one.
    place_moved: bool,
    /// Changes made to `state` (places set, bookmarks changed), counted...
    changes: u64,
    /// ...and how many of them are known to be on disk.
    written: u64,
    /// Bookmark changes (added, renamed, deleted) not written yet.
    unwritten_marks: usize,
    /// The thread that writes autosaves, once there was one.
    saver: Option<Saver>,
    /// Why the last save failed, with the path it tried.
    last_error: Option<String>,
    /// Time read, pace and statistics.
    reading: Box<Tracker>,
    /// Bookmarks deleted while open, last deleted last: `u` brings them back whole.
    removed: Vec<Bookmark>,
    /// Whether the book has been saved once since it was opened (which lists it in the
    /// library): see [`Session::resume_listing_later`].
    listed: bool,
}

/// A book's saved state, loaded before its story is read (see [`Session::load`]).
#[derive(Debug)]
pub struct Loaded {
    pub store: Option<Store>,
    pub state: BookState,
    pub notices: Vec<String>,
    /// The head of the reading log, for the book's reading to be added to.
    pub reading: crate::tracker::Head,
}

impl Session {
    /// Loads the saved state of the book with this content `fingerprint`
    /// ([`crate::fingerprint`]), read from `path`, and
    /// puts `reader` where the reader left off. Returns the session and what to tell the
    /// reader (corrupt state kept aside, the story changed, ...).
    pub fn resume(
        store: Option<Store>,
        path: &Path,
        fingerprint: String,
        reader: &mut Reader,
    ) -> Self {
        Self::start(Self::load(store, path, fingerprint), path, reader)
    }

    /// [`Session::resume`], but the first save (which lists the book in the library and
    /// tells the reader at once when the place cannot be saved) waits for the first idle
    /// turn: it writes and syncs a file, milliseconds on a quiet disk and far more on a
    /// slow one, which the first page should not wait for. The shell calls this; the
    /// first idle turn comes once the first frame is drawn.
    pub fn resume_listing_later(
        store: Option<Store>,
        path: &Path,
        fingerprint: String,
        reader: &mut Reader,
    ) -> Self {
        Self::begin(Self::load(store, path, fingerprint), path, reader)
    }

    /// The first half of [`Session::resume`]: the saved state, before the story is read
    /// (a big story opens at the saved place without reading what comes before it).
    pub fn load(store: Option<Store>, path: &Path, fingerprint: String) -> Loaded {
        let mut notices = Vec::new();
        let state = match &store {
            Some(store) => {
                let loaded = store.load(&fingerprint, path);
                notices.extend(loaded.notice);
                loaded.state
            }
            None => BookState::new(fingerprint, path.to_owned(), String::new()),
        };
        // The reading log too, on a thread of its own when it is long.
        let reading = crate::tracker::Head::read(store.as_ref());
        Loaded {
            store,
            state,
            notices,
            reading,
        }
    }

    /// The second half of [`Session::resume`], once the whole story is read.
    pub fn start(loaded: Loaded, path: &Path, reader: &mut Reader) -> Self {
        let mut session = Self::begin(loaded, path, reader);
        session.list(reader);
        session
    }

    /// [`Session::start`] for a reader that stays on windows of the story (see
    /// `Reader::stay_on_windows`): the place and bookmarks are found again in `whole`,
    /// the story's whole text, which is let go afterwards.
    pub fn start_on_windows(
        loaded: Loaded,
        path: &Path,
        reader: &mut Reader,
        whole: &Document,
        moved: bool,
    ) -> Self {
        let mut session = Self::begin_with(loaded, path, reader, Some(whole), moved);
        session.list(reader);
        session
    }

    /// Whether the story `loaded` is of changed since it was last read (then places are
    /// found again by their quotes).
    pub fn changed(loaded: &Loaded, len: usize) -> bool {
        let state = &loaded.state;
        // The fingerprint samples a few KiB only: a text of another length changed too.
        state.replaces.is_some() || (state.length != 0 && state.length != len as u64)
    }

    /// [`Session::start`] without its first save (see `Session::list`), as
    /// [`Session::resume_listing_later`] does.
    pub fn begin(loaded: Loaded, path: &Path, reader: &mut Reader) -> Self {
        Self::begin_with(loaded, path, reader, None, false)
    }

    /// [`Session::begin`]; `whole`: the story's text when the reader is on a window of it;
    /// `moved`: the reader moved while the story was read, and stays where it went (the
    /// saved place is not gone to).
    fn begin_with(
        loaded: Loaded,
        path: &Path,
        reader: &mut Reader,
        whole: Option<&Document>,
        moved: bool,
    ) -> Self {
        let changed = Self::changed(&loaded, reader.text_len());
        let Loaded {
            store,
            mut state,
            mut notices,
            reading,
        } = loaded;
        let own = reader.shared_document();
        let doc = whole.unwrap_or(&own);
        notices.extend(refind_all(&mut state, doc, changed));
        if let Some(place) = state.place.as_ref().filter(|_| !moved) {
            let (offset, _) = position::refind(&place.anchor, doc);
            reader.go_to_whole(offset);
        }
        state.path = path.to_owned();
        state.title = reader.title().to_owned();
        remember_text(&mut state, doc);
        reader.set_marks(marks(&state));
        if store.is_none() {
            notices.push("no config directory: your place will not be saved".into());
        }
        let reading = Box::new(Tracker::start(
            store.clone(),
            reading,
            &state.fingerprint,
            reader,
        ));
        let session = Self {
            store,
            state: Arc::new(state),
            moved: None,
            last_save: None,
            warned: false,
            place_moved: false,
            changes: 0,
            written: 0,
            unwritten_marks: 0,
            saver: None,
            last_error: None,
            reading,
            removed: Vec::new(),
            listed: false,
        };
        notices.extend(reader.message().map(str::to_owned));
        if !notices.is_empty() {
            reader.say(notices.join("; "));
        }
        session
    }

    /// The first save: it lists the book in the library and, when the directory cannot
    /// be written, tells the reader now rather than after their first page turn (beside
    /// whatever is being said). The place is not written: the reader has not moved, and
    /// a newer one may be on disk.
    fn list(&mut self, reader: &mut Reader) {
        let before = reader.message().map(str::to_owned);
        // A move made before this first save is not in it: it stays due for the
        // autosave, as it would have been.
        let (moved, last_save) = (self.moved, self.last_save);
        self.save(reader);
        (self.moved, self.last_save) = (moved, last_save);
        let now = reader.message().map(str::to_owned);
        if let (Some(before), Some(now)) = (before, now) {
            if before != now {
                reader.say(format!("{before}; {now}"));
            }
        }
    }

    /// The story's file changed while it was open and `doc` is its new text, whose
    /// chapters are `chapters`: the reader moves onto it, the place and the bookmarks found
    /// again by their quotes.
    pub fn reload(&mut self, reader: &mut Reader, doc: Document, chapters: Vec<Chapter>) {
        let anchor = reader.anchor_of(reader.place());
        self.state_mut().set_place(anchor, store::now_ms());
        reader.replace_listed(doc, chapters);
        let said = refind_all(self.state_mut(), reader.document(), true);
        if let Some(place) = &self.state.place {
            let (offset, _) = position::refind(&place.anchor, reader.document());
            reader.go_to(offset);
        }
        remember_text(self.state_mut(), reader.document());
        reader.set_marks(marks(&self.state));
        // Found again is the expected case; only a place or bookmarks lost are worth words.
        let said = said
            .filter(|s| s.contains("could not") || s.contains("bookmarks"))
            .map_or_else(String::new, |s| format!(": {s}"));
        reader.say(format!("the story's file changed and was read again{said}"));
        self.changes += 1;
        self.save(reader);
    }

    /// The state, to change: copied first if the background writer still holds it.
    fn state_mut(&mut self) -> &mut BookState {
        Arc::make_mut(&mut self.state)
    }

    /// The state as last saved or loaded.
    pub fn state(&self) -> &BookState {
        &self.state
    }

    /// Saves the reader's place now if they moved since it was last saved (and whatever
    /// else changed), waiting for the disk.
    pub fn save_place(&mut self, reader: &mut Reader) {
        self.take_place(reader);
        self.save(reader);
    }

    /// Records the reader's place in the state if they moved since it was last taken.
    fn take_place(&mut self, reader: &Reader) {
        if self.place_moved {
            let anchor = reader.anchor_of(reader.place());
            self.state_mut().set_place(anchor, store::now_ms());
            self.place_moved = false;
            self.changes += 1;
        }
    }

    /// The autosave: like [`Session::save_place`], but written by a background thread so
    /// that a huge state file (years of bookmarks) never freezes the page. One write at a
    /// time; a place that moves meanwhile is written by the next autosave.
    fn autosave(&mut self, reader: &mut Reader, now: Instant) {
        let Some(store) = &self.store else {
            return self.save_place(reader);
        };
        if self.saver.as_ref().is_some_and(|s| s.busy) {
            return; // `moved` stays set: tried again once this write is done
        }
        if self.saver.is_none() {
            match Saver::spawn(store.clone()) {
                Some(saver) => self.saver = Some(saver),
                None => return self.save_place(reader),
            }
        }
        self.take_place(reader);
        self.moved = None;
        self.last_save = Some(now);
        if let Some(saver) = &mut self.saver {
            saver.busy = saver
                .jobs
                .send((Arc::clone(&self.state), self.changes))
                .is_ok();
        }
    }

    /// Takes in what the background writer finished; with `wait`, waits for a write
    /// still under way (on the way out).
    fn collect(&mut self, reader: &mut Reader, wait: bool) {
        loop {
            let Some(saver) = self.saver.as_mut().filter(|s| s.busy) else {
                return;
            };
            let done = if wait {
                saver.done.recv().ok()
            } else {
                saver.done.try_recv().ok()
            };
            let Some((upto, result)) = done else {
                if wait {
                    saver.busy = false; // the thread is gone
                }
                return;
            };
            saver.busy = false;
            self.saved(reader, upto, result);
        }
    }

    /// What to tell the reader once the terminal is theirs again: bookmark changes that
    /// could not be saved, and where dogear tried to save them.
    pub fn farewell(&self) -> Option<String> {
        let n = self.unwritten_marks;
        (n > 0).then(|| {
            let changes = if n == 1 { "change" } else { "changes" };
            let why = self.last_error.as_deref().unwrap_or("not tried");
            format!("{n} bookmark {changes} could not be saved: {why}")
        })
    }

    fn save(&mut self, reader: &mut Reader) {
        self.listed = true;
        self.moved = None;
        self.last_save = Some(Instant::now());
        let result = match &self.store {
            Some(store) => store.save(&self.state),
            None => Err(store::StoreError::NoConfigDir),
        };
        self.saved(reader, self.changes, result);
    }

    /// Adopts the result of a save that held the first `upto` changes.
    fn saved(&mut self, reader: &mut Reader, upto: u64, result: Result<BookState, StoreError>) {
        match result {
            Ok(merged) => {
                // The merged state holds what another dogear saved meanwhile; changes made
                // here since the save began are merged over it.
                let marks_changed = merged.bookmarks != self.state.bookmarks;
                self.state = Arc::new(if upto == self.changes {
                    merged
                } else {
                    let mut both = merge(&merged, &self.state);
                    both.replaces = None;
                    both
                });
                if marks_changed {
                    reader.set_marks(marks(&self.state));
                }
                self.written = self.written.max(upto);
                if self.written == self.changes {
                    self.unwritten_marks = 0;
                }
                self.last_error = None;
            }
            Err(err) => {
                if !self.warned && self.store.is_some() {
                    reader.say(format!("your place will not be saved: {err}"));
                }
                self.warned = true;
                self.last_error = Some(err.to_string());
            }
        }
        // Every change not on disk keeps the marker up, not just the first warning.
        reader.set_unsaved(self.last_error.is_some() && self.written < self.changes);
    }
}

/// The bookmarks as the reader shows them.
fn marks(state: &BookState) -> Vec<Mark> {
    state
        .bookmarks
        .iter()
        .map(|b| Mark {
            id: b.id.clone(),
            offset: b.anchor.offset,
            label: b.label.clone(),
            when: crate::localtime::stamp(b.created as i64),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_big_storys_statistics_are_remembered_with_its_length_and_encoding() {
        let mut story = String::new();
        for n in 0..40 {
            story.push_str(&format!(
                "HAMLET\n\nLine {n} of the speech goes on here.\n\n"
            ));
        }
        let doc = Document::from_vec(story.into_bytes(), None).unwrap();
        let mut state = BookState::new("fp".into(), "/s.txt".into(), "S".into());
        remember_text_from(&mut state, &doc, 1 << 30, 0);
        assert_eq!(state.length, doc.text().len() as u64);
        assert_eq!(
            state.statistics, None,
            "a story read whole every time needs none"
        );
        remember_text_from(&mut state, &doc, 1, 0);
        let kept = state.statistics.clone().expect("a big story's are kept");
        assert_eq!((kept.encoding.as_str(), kept.file), ("UTF-8", 0));
        // A file big enough to open on a window: its statistics are kept, and its size,
        // however short its text (UTF-16 is two bytes a character).
        remember_text_from(&mut state, &doc, 1 << 20, 2 << 20);
        assert_eq!(state.statistics.as_ref().map(|s| s.file), Some(2 << 20));
        remember_text_from(&mut state, &doc, 4 << 20, 2 << 20);
        assert_eq!(
            state.statistics, None,
            "a file too small to open on a window"
        );
        assert_eq!(Some(&kept.summary), doc.summary());
        assert_eq!(kept.summary.repeated_caps, ["HAMLET"]);
        // A story with too many repeated capital lines to be worth keeping: none, and
        // none of an earlier text either.
        let mut many = String::new();
        for n in 0..=MAX_REMEMBERED_CAPS {
            for _ in 0..3 {
                many.push_str(&format!("SPEAKER {n}\n\nA line.\n\n"));
            }
        }
        let doc = Document::from_vec(many.into_bytes(), None).unwrap();
        remember_text_from(&mut state, &doc, 1, 0);
        assert_eq!(state.statistics, None);
    }
}
