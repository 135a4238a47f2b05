//! A big story read whole and let go (see
//! [`crate::document::indexed::Indexed::let_go`]): its text is the file's UTF-8 bytes
//! normalised piece by piece, so it is not held; the reader stays on windows of the file
//! read at the index's anchors, as it was while the story was being read, and nothing
//! waits any more. What needed the whole
//! text reads the file instead: a search goes over it a chunk at a time (see
//! [`crate::search::FileSearch`]), `G` and a percent go onto a window read there, `123g`
//! goes to the page the window's pages put it on.

use super::indexed::{Then, Wanted};
use super::{Action, Mode, Reader};
use crate::document::indexed::OnFile;
use crate::search::{FileSearch, FileStep, Hit, Query};
use crate::toc::Chapter;

impl Reader {
    /// The whole story is read and its text let go: the reader stays on its window, with
    /// the story's `chapters`, and returns the actions that waited for the whole story
    /// (for the shell to apply in order: none waits now).
    pub fn stay_on_windows(&mut self, chapters: Vec<Chapter>) -> Vec<Action> {
        let Some(len) = self.on_file().map(|f| f.len) else {
            return Vec::new();
        };
        let listed = self.partial.as_ref().and_then(|p| self.chapter_selected(p));
        let forward = self.searching.take_indexed();
        let Some(p) = &mut self.partial else {
            return Vec::new();
        };
        p.found = chapters;
        p.reach = len;
        p.total = len;
        p.sized = true;
        p.progress = 100;
        p.retry = None;
        let mut waiting = std::mem::take(&mut p.waiting);
        if let (Mode::Chapters { .. }, Some(offset)) = (&self.mode, listed) {
            let at = crate::toc::current(&p.found, offset).unwrap_or(0);
            self.mode = Mode::Chapters { selected: at };
        }
        if self
            .message()
            .is_some_and(|m| m.starts_with("reading the whole story"))
        {
            self.message = None;
        }
        // A search of the text indexed so far goes on over the whole story.
        if let Some(forward) = forward {
            waiting.push(match forward {
                true => Action::SearchNext,
                false => Action::SearchPrev,
            });
        }
        waiting
    }

    /// The whole story's text, when it was let go and is read from the file.
    pub fn on_file(&self) -> Option<OnFile> {
        self.index()?.read().on_file.clone()
    }

    /// The whole text's length: the story's, or the window's when it is all there is.
    pub fn text_len(&self) -> usize {
        match &self.partial {
            Some(p) => p.total.max(p.base + self.doc.text().len()),
            None => self.doc.text().len(),
        }
    }

    /// How far into the story byte `offset` of the whole text is, in percent (a
    /// bookmark's, say), as [`crate::position::percent`] says of the whole story.
    pub fn percent_of(&self, offset: usize) -> f64 {
        let Some(p) = &self.partial else {
            return crate::position::percent(&self.doc, offset);
        };
        let body = self.on_file().map_or(0..p.total, |f| f.body);
        if body.is_empty() {
            return 0.0;
        }
        let at = offset.clamp(body.start, body.end) - body.start;
        at as f64 * 100.0 / body.len() as f64
    }

    /// The text at byte `offset` of the whole text, when the reader has it: the text it
    /// is on and the offset in that.
    pub fn text_at(&self, offset: usize) -> Option<(&str, usize)> {
        let base = self.partial.as_ref().map_or(0, |p| p.base);
        let at = offset.checked_sub(base)?;
        (at <= self.doc.text().len()).then(|| (self.doc.text(), at))
    }

    /// The anchor of byte `offset` of the text the reader is on, as a place in the whole
    /// text (the quote is the window's, which is the whole text's there).
    pub fn anchor_of(&self, offset: usize) -> crate::position::Anchor {
        let mut anchor = crate::position::anchor(&self.doc, offset);
        let Some(p) = &self.partial else {
            return anchor;
        };
        anchor.offset += p.base;
        // Of the story's body, as the whole story's percents are.
        anchor.percent = self.percent_of(anchor.offset);
        // Where the story is read from its file: the index's line start before the place,
        // known in the file and in the text.
        anchor.file = match (anchor.file.take(), self.on_file(), self.index()) {
            (Some(f), Some(_), Some(index)) => {
                let at = index.read().anchor_before(anchor.offset);
                Some(crate::position::FilePlace {
                    raw: at.raw,
                    text: at.text,
                    encoding: f.encoding,
                })
            }
            // Still being read: the window's own line start, where the window was read
            // from is known (it starts at a line start of the whole text).
            (Some(f), None, _) => p.raw.map(|raw| crate::position::FilePlace {
                raw: raw + f.raw,
                text: p.base as u64 + f.text,
                encoding: f.encoding,
            }),
            _ => None,
        };
        anchor
    }

    /// Goes to byte `at` of the whole text (a place found again on opening): at once
    /// when it is in the window, else on a window read there.
    pub fn go_to_whole(&mut self, at: usize) {
        match &self.partial {
            Some(p) if (p.base..p.base + self.doc.text().len()).contains(&at) => {
                let base = p.base;
                self.go_to(at - base);
            }
            Some(_) => {
                self.go_whole(at);
                self.back = None;
            }
            None => self.go_to(at),
        }
    }

    /// What an action does on a story read from the file rather than wait: `true` when it
    /// was taken here (a new window is wanted, or it was answered).
    pub(super) fn taken_on_file(&mut self, action: &Action, f: &OnFile) -> bool {
        if self.move_in_index(action) {
            return true;
        }
        let reading = self.mode == Mode::Reading;
        let Some(p) = &mut self.partial else {
            return false;
        };
        let ends = p.base + self.doc.text().len() >= f.len;
        match action {
            Action::Bottom if reading && !ends => {
                super::indexed::supersede_moves(p);
                p.wanted = Some(Wanted {
                    at: f.body.end.saturating_sub(1),
                    then: Then::Bottom,
                });
                true
            }
            Action::Top if reading && self.count.is_some() => {
                let page = self.count.take().unwrap_or(1);
                self.go_to_page_on_file(page, f);
                true
            }
            Action::Encodings if reading => {
                self.say("another encoding cannot be chosen for a story this big");
                true
            }
            Action::OpenBookmark(id) => {
                let id = id.clone();
                self.mode = Mode::Reading;
                match self.marks.iter().find(|m| m.id == id).cloned() {
                    Some(mark) => {
                        self.go_whole(mark.offset);
                        self.say(format!("at bookmark: {} (` goes back)", mark.label));
                    }
                    None => self.say("that bookmark is gone"),
                }
                true
            }
            _ => false,
        }
    }

    /// `123g`: the page's place as the window's pages put it (the story's own are not
    /// counted: that would lay out all of it).
    pub(super) fn go_to_page_on_file(&mut self, page: u32, f: &OnFile) {
        let Some((_, total)) = self.page_estimate() else {
            self.say("counting the pages… try again in a moment");
            return;
        };
        let page = (page.max(1) as usize).min(total);
        let at = f.body.start + (f.body.len() * (page - 1)) / total.max(1);
        self.go_whole(at.min(f.body.end.saturating_sub(1)));
        self.say(format!("page ~{page} of ~{total}"));
    }

    /// Starts a search of the story read from the file from byte `from` of the window,
    /// wrapping round at its ends: `true` when it was started.
    pub(super) fn search_on_file(&mut self, query: &Query, from: usize, forward: bool) -> bool {
        let (Some(f), Some(p)) = (self.on_file(), &self.partial) else {
            return false;
        };
        let from = p.base + from;
        let search = FileSearch::new(query, (f.source, f.len), f.body, from, forward)
            .with_offsets(f.offsets);
        self.searching.start_on_file(search);
        true
    }

    /// The next step of a search of the story read from the file.
    pub(super) fn step_on_file(&mut self) {
        let budget = self.step_size();
        let Some(search) = self.searching.on_file_mut() else {
            return;
        };
        let (forward, query) = (search.forward(), search.query().clone());
        match search.step(budget) {
            FileStep::Pending => {
                let pct = self.searching().unwrap_or(0);
                self.say(format!("searching… {pct} %"));
            }
            FileStep::Failed(why) => {
                self.searching.stop();
                self.say(format!("cannot search the story: {why}"));
            }
            FileStep::Done(hit) => {
                self.searching.stop();
                self.hit_on_file(&query, forward, hit);
            }
        }
    }

    /// Shows a match found in the story read from the file: in the window, or on a new
    /// one read there.
    fn hit_on_file(&mut self, query: &Query, forward: bool, hit: Option<Hit>) {
        let Some(p) = &mut self.partial else {
            return;
        };
        let Some(hit) = hit else {
            return self.show_hit(query, forward, None);
        };
        super::indexed::supersede_moves(p);
        self.show_whole_hit(query, forward, hit);
    }
}
