//! The place of a reader still on a window of a big story (see [`crate::opening`]), saved
//! before the session starts: the session needs the whole story, which takes seconds to
//! read for a gigabyte. Without this a reader who moved and quit meanwhile waited for all
//! of it, and one whose terminal died lost the move.
//!
//! The window's place is known in the whole text and in the file (the window was read at
//! a line start of both: see [`crate::reader::Reader::window_read_at`]), so it is saved as
//! the session saves it: about a second after the reader stops moving, by the background
//! writer, and on the way out. Only the place: bookmarks and the rest wait for the session.

use super::{Loaded, Saver};
use crate::reader::Reader;
use crate::state::BookState;
use crate::store;
use std::path::Path;
use std::time::Instant;

/// When the place of a reader on a window was last moved and saved (see the module's docs).
#[derive(Debug, Default)]
pub struct Early {
    /// When the reader last moved, if that place is not saved yet.
    moved: Option<Instant>,
    last_save: Option<Instant>,
    saver: Option<Saver>,
    /// Moves made so far: the merged state a save sends back is taken in only when no
    /// move came since it was sent (else the next save merges again).
    moves: u64,
}

impl Early {
    /// The reader moved.
    pub fn moved(&mut self, now: Instant) {
        self.moved = Some(now);
        self.moves += 1;
    }

    /// Saves the place in the background once it rested a second (and at most once a
    /// second), into the book's saved state `loaded`; `path`: the story's file.
    pub fn idle(&mut self, loaded: &mut Loaded, path: &Path, reader: &Reader, now: Instant) {
        self.collect(loaded, false);
        let due = super::save_due(self.moved, self.last_save, now);
        if !due || self.saver.as_ref().is_some_and(|s| s.busy) {
            return;
        }
        let Some(store) = loaded.store.clone() else {
            return;
        };
        let Some(state) = placed(loaded, path, reader) else {
            self.moved = None; // nothing to save it by: the session will
            return;
        };
        if self.saver.is_none() {
            self.saver = Saver::spawn(store);
        }
        let Some(saver) = &mut self.saver else {
            return; // no thread: saved on the way out
        };
        saver.busy = saver
            .jobs
            .send((std::sync::Arc::new(state.clone()), self.moves))
            .is_ok();
        loaded.state = state;
        self.moved = None;
        self.last_save = Some(now);
    }

    /// On the way out: waits for a save under way, then saves the place if it moved
    /// since. `false` when it cannot be saved so: the window does not know where it lies
    /// in the file (a piped story), or the store failed (the session will say why once
    /// the whole story is read).
    pub fn finish(&mut self, loaded: &mut Loaded, path: &Path, reader: &Reader) -> bool {
        self.collect(loaded, true);
        if self.moved.is_none() {
            return true;
        }
        let (Some(store), Some(state)) = (&loaded.store, placed(loaded, path, reader)) else {
            return false;
        };
        let Ok(merged) = store.save(&state) else {
            return false;
        };
        loaded.state = merged;
        self.moved = None;
        true
    }

    /// Takes in the background writer's result (`wait`: waits for it): the state as
    /// merged with what is on disk, when no move came since it was sent. A failed save
    /// leaves the place due, for the way out.
    fn collect(&mut self, loaded: &mut Loaded, wait: bool) {
        let Some(saver) = self.saver.as_mut().filter(|s| s.busy) else {
            return;
        };
        let done = match wait {
            true => saver.done.recv().ok(),
            false => saver.done.try_recv().ok(),
        };
        let Some((upto, result)) = done else {
            if wait {
                saver.busy = false; // the thread is gone
                self.moved.get_or_insert_with(Instant::now);
            }
            return;
        };
        saver.busy = false;
        match result {
            Ok(merged) if upto == self.moves => loaded.state = merged,
            Ok(_) => {}
            Err(_) => {
                self.moved.get_or_insert_with(Instant::now);
            }
        }
    }
}

/// The book's state with the reader's place in it, when the place is known in the file.
fn placed(loaded: &Loaded, path: &Path, reader: &Reader) -> Option<BookState> {
    let anchor = reader.anchor_of(reader.place());
    anchor.file.as_ref()?;
    let mut state = loaded.state.clone();
    state.path = path.to_owned();
    if state.title.is_empty() {
        state.title = reader.title().to_owned();
    }
    state.set_place(anchor, store::now_ms());
    Some(state)
}
