//! One open book and its saved state: resuming the place, autosaving it, bookmarks.
//!
//! Shell code: it reads the clock and, through [`Store`], the disk. The place is saved
//! about a second after the reader stops moving (never more than once a second), at once
//! for bookmark changes, and on the way out whatever the way. A store that cannot be
//! written never stops the reading: the reader is told once, and reading goes on.

use crate::app::Host;
use crate::document::Document;
use crate::position::{self, Found};
use crate::reader::{Effect, Mark, Reader};
use crate::state::{civil_date_time, BookState, Bookmark, EncodingChoice};
use crate::store::{self, Store};
use std::path::Path;
use std::time::{Duration, Instant};

/// How long the place must rest before it is saved, and the least time between saves.
const SAVE_DELAY: Duration = Duration::from_secs(1);

/// The state of the book being read, and when to save it.
#[derive(Debug)]
pub struct Session {
    store: Option<Store>,
    state: BookState,
    /// When the place last moved and has not been saved since.
    moved: Option<Instant>,
    last_save: Option<Instant>,
    warned: bool,
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
        let mut notices = Vec::new();
        let mut state = match &store {
            Some(store) => {
                let loaded = store.load(&fingerprint, path);
                notices.extend(loaded.notice);
                let mut state = loaded.state;
                if loaded.changed_from.is_some() {
                    notices.push(refind_all(&mut state, reader.document()));
                }
                state
            }
            None => BookState::new(fingerprint, path.to_owned(), String::new()),
        };
        if let Some(place) = &state.place {
            let (offset, _) = position::refind(&place.anchor, reader.document());
            reader.go_to(offset);
        }
        state.path = path.to_owned();
        state.title = reader.title().to_owned();
        reader.set_marks(marks(&state));
        if store.is_none() {
            notices.push("no config directory: your place will not be saved".into());
        }
        let mut session = Self {
            store,
            state,
            moved: None,
            last_save: None,
            warned: false,
        };
        // Saving at once lists the book in the library and, when the directory cannot be
        // written, tells the reader now rather than after their first page turn.
        session.save_place(reader);
        notices.extend(reader.message().map(str::to_owned));
        if !notices.is_empty() {
            reader.say(notices.join("; "));
        }
        session
    }

    /// The state as last saved or loaded.
    pub fn state(&self) -> &BookState {
        &self.state
    }

    /// Saves the reader's place now (and whatever else changed).
    pub fn save_place(&mut self, reader: &mut Reader) {
        let anchor = position::anchor(reader.document(), reader.place());
        self.state.set_place(anchor, store::now_ms());
        self.save(reader);
    }

    fn save(&mut self, reader: &mut Reader) {
        self.moved = None;
        self.last_save = Some(Instant::now());
        let Some(store) = &self.store else { return };
        match store.save(&self.state) {
            Ok(merged) => {
                // The merged state holds what another dogear saved meanwhile.
                self.state = merged;
                reader.set_marks(marks(&self.state));
            }
            Err(err) if !self.warned => {
                self.warned = true;
                reader.say(format!("your place will not be saved: {err}"));
            }
            Err(_) => {}
        }
    }
}

impl Host for Session {
    fn effect(&mut self, reader: &mut Reader, effect: Effect) {
        let now = store::now_ms();
        match effect {
            Effect::PlaceChanged => {
                self.moved.get_or_insert_with(Instant::now);
                return;
            }
            Effect::AddBookmark { offset, label } => {
                let anchor = position::anchor(reader.document(), offset);
                let id = store::new_bookmark_id();
                self.state
                    .add_bookmark(Bookmark::new(id, anchor, label, now));
            }
            Effect::DeleteBookmark { id } => {
                self.state.remove_bookmark(&id);
            }
            Effect::RenameBookmark { id, label } => {
                if let Some(mark) = self.state.bookmark_mut(&id) {
                    mark.rename(label, now);
                }
            }
            Effect::ReadForEncodings => {
                match std::fs::read(&self.state.path) {
                    Ok(bytes) => reader.open_encodings(bytes),
                    Err(err) => reader.say(format!(
                        "cannot read {}: {}",
                        self.state.path.display(),
                        store::reason(&err)
                    )),
                }
                return;
            }
            Effect::EncodingChosen(charset) => {
                self.state.encoding = Some(EncodingChoice {
                    name: charset.name().to_owned(),
                    chosen_at: now,
                });
                // The title was read from the old text: take it from the new one.
                let name = self
                    .state
                    .path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                let title = crate::library::title_of(reader.document().text(), &name);
                reader.set_title(title.clone());
                self.state.title = title;
                // The bookmarks moved with the text: anchor them in the new one.
                for bookmark in &mut self.state.bookmarks {
                    if let Some(mark) = reader.marks().iter().find(|m| m.id == bookmark.id) {
                        bookmark.anchor = position::anchor(reader.document(), mark.offset);
                    }
                }
            }
            Effect::None | Effect::Library | Effect::Quit => return,
        }
        reader.set_marks(marks(&self.state));
        self.save_place(reader);
    }

    fn idle(&mut self, reader: &mut Reader, now: Instant) {
        let rested = self
            .moved
            .is_some_and(|m| now.duration_since(m) >= SAVE_DELAY);
        let spaced = self
            .last_save
            .is_none_or(|s| now.duration_since(s) >= SAVE_DELAY);
        if rested && spaced {
            self.save_place(reader);
        }
    }

    fn finish(&mut self, reader: &mut Reader) {
        self.save_place(reader);
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
            when: civil_date_time(b.created as i64),
        })
        .collect()
}

/// The story's bytes changed since it was last read: re-finds the place and every
/// bookmark by their quotes and re-anchors them in the new text. Returns what to say.
fn refind_all(state: &mut BookState, doc: &Document) -> String {
    let refind = |anchor: &mut position::Anchor| {
        let (offset, found) = position::refind(anchor, doc);
        *anchor = position::anchor(doc, offset);
        found != Found::ByPercent
    };
    let mut said = String::from("the story changed since you last read it");
    if let Some(place) = &mut state.place {
        said.push_str(if refind(&mut place.anchor) {
            ": your place was found"
        } else {
            ": your place was not found word for word, so it is kept by percent"
        });
    }
    if !state.bookmarks.is_empty() {
        let found = state
            .bookmarks
            .iter_mut()
            .map(|b| refind(&mut b.anchor))
            .filter(|&f| f)
            .count();
        said.push_str(&format!(
            "; {found} of {} bookmarks found",
            state.bookmarks.len()
        ));
    }
    said
}
