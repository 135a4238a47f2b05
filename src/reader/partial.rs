//! Reading a big story before all of it is read: the reader is on a window of the text
//! (a stretch that starts at byte `base` of the whole), while the shell reads the rest in
//! the background. Reading moves work at once; what needs the whole story (chapters,
//! search, bookmarks, percent jumps, going past the window) waits for it and then happens.

use super::{Action, Effect, Mode, PromptKind, Reader};
use crate::document::Document;
use crate::position;
use crate::search::{Query, Step};
use crate::toc::Chapter;

/// The window the reader is on while the rest of the story is being read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partial {
    /// Byte of the whole text where the window's text starts.
    pub base: usize,
    /// Byte of the story's file the window was read from (its text starts `base`), when
    /// the shell said so (see [`Reader::window_read_at`]): a place in the window is then
    /// known in the file too, and can be saved before the whole story is read.
    pub raw: Option<u64>,
    /// About how long the whole text is (for the percent shown meanwhile).
    pub total: usize,
    /// How much of the story has been read, 0 to 100.
    pub progress: u8,
    /// Whether the story's length is known (a pipe's is not until it ends: `total` is
    /// then what has arrived so far, and `progress` means nothing).
    pub sized: bool,
    /// Actions that need the whole story, in the order they came.
    pub waiting: Vec<Action>,
    /// The chapters found so far by the background reading (offsets into the whole
    /// text), and how far into it blocks are found (see `growing.rs`).
    pub found: Vec<crate::toc::Chapter>,
    pub reach: usize,
    /// The text indexed so far, to search and move in (see `indexed.rs`).
    pub(super) index: Option<super::indexed::Shared>,
    /// A new window the reader wants, and what then.
    pub(super) wanted: Option<super::indexed::Wanted>,
    /// Where `` ` `` goes back to when that is outside the window (a byte of the whole text).
    pub(super) away: Option<usize>,
    /// A forward search waiting for more of the story (see `indexed_search.rs`).
    pub(super) retry: Option<super::indexed_search::Retry>,
}

impl Reader {
    /// Puts the reader on a window of the story (see `Partial`).
    pub fn set_partial(&mut self, base: usize, total: usize) {
        self.partial = Some(Partial {
            base,
            raw: None,
            total: total.max(base + self.doc.text().len()),
            progress: 0,
            sized: true,
            waiting: Vec::new(),
            found: Vec::new(),
            reach: 0,
            index: None,
            wanted: None,
            away: None,
            retry: None,
        });
    }

    /// The window the reader is on was read from byte `raw` of the story's file (see
    /// `Partial::raw`). Said by the shell right after it puts a window of the file on
    /// the reader; any other window forgets it.
    pub fn window_read_at(&mut self, raw: u64) {
        if let Some(p) = &mut self.partial {
            p.raw = Some(raw);
        }
    }

    /// About how long the whole text is (`sized`), or for a story of unknown length (a
    /// pipe) how much of it has arrived so far: the percent is of that.
    pub fn set_estimate(&mut self, total: usize, sized: bool) {
        let shown = self.doc.text().len();
        if let Some(p) = &mut self.partial {
            p.sized = sized;
            p.total = match sized {
                true => total,
                false => p.total.max(total),
            }
            .max(p.base + shown);
        }
    }

    /// The window the reader is on, while the story is still being read.
    pub fn partial(&self) -> Option<&Partial> {
        self.partial.as_ref()
    }

    /// The place as a byte of the whole text (the window's place plus its base).
    pub fn whole_place(&self) -> usize {
        self.place + self.partial.as_ref().map_or(0, |p| p.base)
    }

    /// How much of the story the background reading has done.
    pub fn set_progress(&mut self, progress: u8) {
        if let Some(p) = &mut self.partial {
            p.progress = progress.min(99);
        }
    }

    /// Whether `action` must wait for the whole story (if so it is kept for later), or
    /// was taken in the text indexed so far (see `indexed.rs`).
    pub(super) fn must_wait(&mut self, action: &Action) -> bool {
        if self.partial.is_none() {
            return false;
        }
        let reading = self.mode == Mode::Reading;
        let forward = matches!(
            action,
            Action::PageDown | Action::HalfPageDown | Action::LineDown | Action::WheelDown
        );
        let backward = matches!(
            action,
            Action::PageUp | Action::HalfPageUp | Action::LineUp | Action::WheelUp
        );
        if let Some(f) = self.on_file() {
            return self.taken_on_file(action, &f);
        }
        // Once an action waits for the whole story, the moves pressed after it wait behind
        // it, in order: `73%` then a page down reads on from 73 %, rather than paging the
        // window the jump then leaves. Not in a pipe, whose end may never come: there the
        // reader goes on moving in what has arrived.
        let behind = (self.partial.as_ref()).is_some_and(|p| p.sized && !p.waiting.is_empty());
        if behind && reading && (forward || backward || *action == Action::JumpBack) {
            self.wait_for_whole(action.clone());
            return true;
        }
        let first_line = self.doc.blocks().first().map_or(0, |b| b.start());
        if self.move_in_index(action) {
            return true;
        }
        let Some(partial) = &self.partial else {
            return false;
        };
        let wait = match action {
            // A search that finds its match in the window needs no more of the story:
            // the window is the whole story's text there, so it is the same match.
            Action::SearchNext | Action::SearchPrev if reading => {
                let forward = *action == Action::SearchNext;
                let from = self.search_from(forward);
                // With no search yet, `n` says so at once. A match beyond the window is
                // looked for in the text indexed so far, when that reaches the place.
                (self.query.as_ref()).is_some_and(|q| {
                    !self.hit_in_window(q, from, forward) && !self.index_answers(from)
                })
            }
            Action::Submit if matches!(&self.mode, Mode::Prompt(p) if p.kind == PromptKind::Search) =>
            {
                match &self.mode {
                    // An empty search is said so at once.
                    Mode::Prompt(p) => Query::new(&p.input).is_some_and(|q| {
                        !self.hit_in_window(&q, self.place, true) && !self.index_answers(self.place)
                    }),
                    _ => false,
                }
            }
            _ if forward => reading && self.at_end,
            _ if backward => reading && partial.base > 0 && self.place <= first_line,
            // `123g`: pages are counted on the whole story.
            Action::Top => partial.base > 0 || self.count.is_some(),
            // With chapters found so far, the list opens at once (see `growing.rs`).
            Action::Chapters | Action::NextChapter | Action::PrevChapter => {
                reading && partial.found.is_empty()
            }
            Action::Bottom
            | Action::Percent
            | Action::SearchNext
            | Action::SearchPrev
            | Action::AddBookmark
            | Action::Bookmarks
            | Action::Encodings => reading,
            Action::OpenBookmark(_) => true,
            Action::Submit => matches!(self.mode, Mode::Prompt(_)),
            _ => false,
        };
        if wait {
            self.wait_for_whole(action.clone());
            if let Some((query, from)) = self.forward_search(action) {
                self.retry_later(query, from);
            }
        }
        wait
    }

    /// The whole story will not come (reading it failed): the actions waiting for it are
    /// dropped, so that the moves behind them are not kept waiting too. Returns how many.
    pub fn drop_waiting(&mut self) -> usize {
        self.partial
            .as_mut()
            .map_or(0, |p| std::mem::take(&mut p.waiting).len())
    }

    /// Keeps `action` until the whole story is read, and says so. A count typed before it
    /// (`73%`, `120g`) is kept with it, as the digits typed: a key pressed meanwhile (the
    /// Enter after `73%`) takes the count it finds, and the jump had none left.
    pub(super) fn wait_for_whole(&mut self, action: Action) {
        let Some(partial) = &mut self.partial else {
            return;
        };
        let progress = match partial.sized {
            true => format!(" ({} %)", partial.progress),
            false => String::new(),
        };
        if let Some(count) = self.count.take() {
            let digits = count.to_string().into_bytes();
            partial
                .waiting
                .extend(digits.iter().map(|d| Action::Digit(d - b'0')));
        }
        partial.waiting.push(action);
        self.say(format!("reading the whole story{progress}…"));
    }

    /// Whether `query`, searched from `from` (forward, or back), has a match in the window
    /// before either end of it (a match found only by wrapping round the
    /// window is not the whole story's next one).
    pub(super) fn hit_in_window(&self, query: &Query, from: usize, forward: bool) -> bool {
        let mut search = query.search(self.doc.text(), self.doc.body(), from, forward);
        loop {
            match search.step(self.doc.text(), usize::MAX) {
                Step::Pending => {}
                Step::Done(hit) => return hit.is_some_and(|h| !h.wrapped),
            }
        }
    }

    /// The whole story has been read: the reader moves onto it, at the same place, and
    /// returns the actions that waited for it (for the shell to apply in order).
    pub fn whole(&mut self, doc: Document) -> Vec<Action> {
        let chapters = crate::toc::chapters(&doc);
        self.whole_listed(doc, chapters)
    }

    /// [`Reader::whole`] of a story whose `chapters` were listed already (where it was
    /// read: see `opening::Listed`).
    pub fn whole_listed(&mut self, doc: Document, chapters: Vec<Chapter>) -> Vec<Action> {
        let Some(partial) = self.partial.take() else {
            return Vec::new();
        };
        let mut anchor = position::anchor(&self.doc, self.place);
        anchor.offset += partial.base;
        anchor.file = None;
        let old_back = (self.back.map(|b| b + partial.base)).or(partial.away);
        let old_hit = (self.hit.take()).map(|h| h.start + partial.base..h.end + partial.base);
        let listed = self.chapter_selected(&partial);
        self.doc = std::sync::Arc::new(doc);
        let (place, _) = position::refind(&anchor, &self.doc);
        self.chapters = chapters;
        self.reselect_chapter(listed);
        self.fresh_layout();
        self.place = self.layout.line_start(&self.doc, place);
        self.back = old_back.map(|b| b.min(self.doc.text().len()));
        // The match shown stays (the text is the same there), so that an `n` that waited
        // goes on from it rather than finding it again.
        self.hit = old_hit.filter(|h| h.end <= self.doc.text().len());
        self.tally = Default::default();
        if self
            .message()
            .is_some_and(|m| m.starts_with("reading the whole story"))
        {
            self.message = None;
        }
        self.refresh();
        // A new window was wanted and not read yet: what it was for happens here.
        if let Some(wanted) = partial.wanted {
            self.go_wanted(wanted);
        }
        let mut waiting = partial.waiting;
        // A search of the text indexed so far goes on over the whole story.
        if let Some(forward) = self.searching.take_indexed() {
            waiting.push(match forward {
                true => Action::SearchNext,
                false => Action::SearchPrev,
            });
        }
        waiting
    }

    /// Puts the reader on a longer window of the story from the same byte (the first
    /// frame's was short): the place, the way back and a search's match stay where they
    /// are. Nothing when the whole story is read already.
    pub fn lengthen_window(&mut self, doc: Document) {
        if self.partial.is_none() {
            return;
        }
        self.doc = std::sync::Arc::new(doc);
        self.chapters = crate::toc::chapters(&self.doc);
        self.fresh_layout();
        self.place = self.layout.line_start(&self.doc, self.place);
        self.refresh();
    }

    /// Moves the reader onto another text of the same story (its file changed): the
    /// place is kept as an offset, for the caller to find again by its quote.
    pub fn replace_document(&mut self, doc: Document) {
        let chapters = crate::toc::chapters(&doc);
        self.replace_listed(doc, chapters);
    }

    /// [`Reader::replace_document`] with the new text's `chapters` listed already.
    pub fn replace_listed(&mut self, doc: Document, chapters: Vec<Chapter>) {
        self.doc = std::sync::Arc::new(doc);
        self.partial = None;
        self.chapters = chapters;
        self.fresh_layout();
        self.place = position::floor_char_boundary(self.doc.text(), self.place);
        self.back = None;
        self.hit = None;
        self.tally = Default::default();
        self.refresh();
    }

    /// Applies an action that waited for the whole story; returns its effect.
    pub fn apply_waiting(&mut self, action: Action) -> Effect {
        self.update(action)
    }
}
