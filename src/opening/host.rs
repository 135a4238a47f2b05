//! What the event loop asks of a book (see [`crate::app::Host`]): its news taken in and
//! its windows read on idle turns, its place saved on the way out.

use super::{on_file, Book, Stage};
use crate::app::Host;
use crate::reader::{Effect, Reader};
use std::time::Instant;

impl Host for Book {
    fn effect(&mut self, reader: &mut Reader, effect: Effect) {
        if let (Effect::PlaceChanged, Some(sync)) = (&effect, &mut self.sync) {
            sync.moved();
        }
        match &mut self.stage {
            Stage::Open(session) => session.effect(reader, effect),
            Stage::Opening(opening) if effect == Effect::PlaceChanged => {
                opening.moved = true;
                opening.early.moved(Instant::now());
            }
            Stage::Opening(_) => {}
        }
    }

    fn idle(&mut self, reader: &mut Reader, now: Instant) {
        self.poll(reader, false);
        let session = match &mut self.stage {
            Stage::Open(session) => session,
            Stage::Opening(opening) => {
                if let (Some(loaded), false) = (&mut opening.loaded, opening.failed) {
                    opening.early.idle(loaded, &opening.path, reader, now);
                }
                return;
            }
        };
        on_file::serve_window(
            self.windows.as_deref(),
            &mut self.after_window,
            reader,
            session,
        );
        if let Some(reread) = self.watch.as_mut().and_then(|w| w.poll(now)) {
            match reread {
                Ok(listed) => {
                    // The story is held whole again: no window is read any more.
                    self.windows = None;
                    session.reload(reader, listed.doc, listed.chapters);
                }
                Err(err) => reader.say(format!(
                    "the story's file changed and cannot be read: {err}"
                )),
            }
        }
        session.idle(reader, now);
        if let Some(sync) = &mut self.sync {
            let state = session.state();
            let moved_ms = state.place.as_ref().map_or(0, |p| p.saved_at);
            sync.idle(reader, &state.fingerprint, moved_ms, now);
        }
    }

    fn finish(&mut self, reader: &mut Reader) {
        // A place can only be saved on the whole story: wait for it (a few seconds for a
        // gigabyte) when there is one to save; a reader who did not move loses nothing.
        // A pipe that may never end is not waited for: its place cannot be saved.
        let wanted = match &self.stage {
            Stage::Opening(o) if o.failed => false,
            Stage::Opening(o)
                if o.piped.as_ref().is_some_and(|p| {
                    p.endless && !p.ended.load(std::sync::atomic::Ordering::Relaxed)
                }) =>
            {
                false
            }
            Stage::Opening(opening) => {
                opening.moved || reader.partial().is_some_and(|p| !p.waiting.is_empty())
            }
            Stage::Open(_) => false,
        };
        // A place on the window is saved from it, when nothing else waits for the whole
        // story: no need to wait for all of it.
        let wanted = wanted
            && match &mut self.stage {
                Stage::Opening(opening)
                    if reader.partial().is_some_and(|p| p.waiting.is_empty()) =>
                {
                    // A window asked for (a jump) is where the reader goes.
                    opening.serve(reader);
                    let path = opening.path.clone();
                    (opening.loaded.as_mut())
                        .is_none_or(|loaded| !opening.early.finish(loaded, &path, reader))
                }
                _ => true,
            };
        if wanted {
            reader.say("saving your place…");
        }
        // A background reading not started yet is not started on the way out.
        let started = match &self.stage {
            Stage::Opening(opening) => opening.news.is_some(),
            Stage::Open(_) => true,
        };
        if wanted || started {
            self.poll(reader, wanted);
        }
        if let Stage::Open(session) = &mut self.stage {
            // What waited for a window (`G` then `m`) is done before the place is saved.
            while reader.wanted_window().is_some()
                && on_file::serve_window(
                    self.windows.as_deref(),
                    &mut self.after_window,
                    reader,
                    session,
                )
            {}
            session.finish(reader);
            if let Some(sync) = &mut self.sync {
                sync.finish(reader, &session.state().fingerprint);
            }
        }
    }

    fn due(&self) -> bool {
        matches!(&self.stage, Stage::Opening(o) if o.grow.is_some() && !o.failed)
    }

    fn busy(&self) -> bool {
        matches!(&self.stage, Stage::Opening(o) if !o.failed)
            || self.watch.as_ref().is_some_and(|w| w.rereading.is_some())
    }
}
