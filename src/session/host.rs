//! What the event loop asks of an open book (see [`crate::app::Host`]): effects of the
//! reader's actions, the idle turn's autosave, and the way out.

use super::{marks, Session};
use crate::app::Host;
use crate::position;
use crate::reader::{Effect, Reader};
use crate::state::{Bookmark, EncodingChoice};
use crate::store;
use std::time::Instant;

impl Host for Session {
    fn effect(&mut self, reader: &mut Reader, effect: Effect) {
        let now = store::now_ms();
        match effect {
            Effect::PlaceChanged => {
                self.reading.moved(reader, Instant::now());
                self.place_moved = true;
                self.moved.get_or_insert_with(Instant::now);
                return;
            }
            Effect::AddBookmark { offset, label } => {
                let anchor = reader.anchor_of(offset);
                let id = store::new_bookmark_id();
                self.state_mut()
                    .add_bookmark(Bookmark::new(id, anchor, label, now));
            }
            Effect::DeleteBookmark { id } => {
                if let Some(removed) = self.state_mut().remove_bookmark(&id) {
                    self.removed.push(removed);
                }
            }
            Effect::RestoreBookmark { id } => {
                let Some(i) = self.removed.iter().rposition(|b| b.id == id) else {
                    reader.set_marks(marks(&self.state));
                    return;
                };
                let bookmark = self.removed.remove(i);
                self.state_mut().restore_bookmark(bookmark, now);
            }
            Effect::RenameBookmark { id, label } => {
                if let Some(mark) = self.state_mut().bookmark_mut(&id) {
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
                self.state_mut().encoding = Some(EncodingChoice {
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
                self.state_mut().title = title;
                // The bookmarks moved with the text: anchor them in the new one.
                for bookmark in &mut self.state_mut().bookmarks {
                    if let Some(mark) = reader.marks().iter().find(|m| m.id == bookmark.id) {
                        bookmark.anchor = position::anchor(reader.document(), mark.offset);
                        bookmark.kept = None;
                    }
                }
                // So did the place, and the text's length with them.
                super::remember_text(self.state_mut(), reader.document());
                self.place_moved = true;
                reader.set_marks(marks(&self.state));
                return self.save_place(reader);
            }
            Effect::Stats => return reader.show_stats(self.reading.summary()),
            // The loop writes it to the terminal (see `app`).
            Effect::None | Effect::Library | Effect::Quit | Effect::Copy(_) => return,
        }
        self.unwritten_marks += 1;
        self.changes += 1;
        reader.set_marks(marks(&self.state));
        self.save_place(reader);
    }

    fn idle(&mut self, reader: &mut Reader, now: Instant) {
        if !self.listed {
            self.list(reader);
        }
        let due = super::save_due(self.moved, self.last_save, now);
        self.collect(reader, false);
        self.reading.idle(now);
        if due {
            self.autosave(reader, now);
        }
    }

    fn finish(&mut self, reader: &mut Reader) {
        self.reading.finish();
        self.collect(reader, true);
        self.save_place(reader);
    }
}
