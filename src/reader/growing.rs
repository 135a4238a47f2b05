//! What a big story shows while it is still being read (see
//! `crate::document::indexing`): the chapters found so far (the chapter list opens at
//! once and grows, a chapter in the window is gone to at once, one beyond it on a new
//! window when the text there is indexed, else once the whole story is read), and its
//! pages, estimated from the window's.

use super::partial::Partial;
use super::{Action, Effect, Mode, Reader};
use crate::document::Document;
use crate::toc::Chapter;

impl Reader {
    /// The chapters found so far by the background reading (offsets into the whole
    /// text), and how far into the whole text blocks are found: the list grows with them.
    pub fn set_found(&mut self, chapters: Vec<Chapter>, reach: usize) {
        let Some(partial) = &mut self.partial else {
            return;
        };
        // The list stays on the chapter selected, wherever the new ones put it.
        let selected = match self.mode {
            Mode::Chapters { selected } => partial.found.get(selected).map(|c| c.offset),
            _ => None,
        };
        partial.found = chapters;
        partial.reach = reach;
        if let Some(offset) = selected {
            let at = partial.found.partition_point(|c| c.offset < offset);
            self.mode = Mode::Chapters {
                selected: at.min(partial.found.len().saturating_sub(1)),
            };
        }
        self.open_asked_chapters();
    }

    /// More of a story read from a stream has arrived (see `opening/piped.rs`): `doc` is
    /// the window of it from its start, longer than the one the reader is on. The reader
    /// stays where it is, the window's chapters are those found so far, and the actions
    /// that waited for more are done now, in order, up to one that still must wait (it
    /// and those after it go on waiting). Returns what they did, for the shell.
    pub fn grow_window(&mut self, doc: Document) -> Vec<Effect> {
        if self.partial.as_ref().is_none_or(|p| p.base != 0) {
            return Vec::new();
        }
        self.lengthen_window(doc);
        self.set_found(self.chapters.clone(), self.doc.text().len());
        let Some(partial) = &mut self.partial else {
            return Vec::new();
        };
        let mut waiting = std::mem::take(&mut partial.waiting).into_iter();
        if self
            .message()
            .is_some_and(|m| m.starts_with("reading the whole story"))
        {
            self.message = None;
        }
        let mut effects = Vec::new();
        while let Some(action) = waiting.next() {
            effects.push(self.update(action));
            if let Some(p) = self.partial.as_mut().filter(|p| !p.waiting.is_empty()) {
                p.waiting.extend(waiting);
                break;
            }
        }
        effects
    }

    /// Whether the first action waiting could be done on a longer window of the story
    /// from its start (a page past the window's end, a search), rather than only on the
    /// whole story (`G`, a percent, bookmarks).
    pub fn waits_for_more(&self) -> bool {
        let first = self.partial.as_ref().and_then(|p| p.waiting.first());
        first.is_some_and(|action| {
            !matches!(
                action,
                Action::Bottom
                    | Action::Top
                    | Action::Percent
                    | Action::AddBookmark
                    | Action::Bookmarks
                    | Action::Encodings
                    | Action::OpenBookmark(_)
            )
        })
    }

    /// A chapter list asked for before any chapter was found (the last action waiting)
    /// opens once some are.
    fn open_asked_chapters(&mut self) {
        let Some(partial) = &mut self.partial else {
            return;
        };
        let asked = partial.waiting.last() == Some(&Action::Chapters);
        if !asked || partial.found.is_empty() || self.mode != Mode::Reading {
            return;
        }
        partial.waiting.pop();
        if self
            .message()
            .is_some_and(|m| m.starts_with("reading the whole story"))
        {
            self.message = None;
        }
        self.open_chapters();
    }

    /// The chapters found so far, while the story is being read and some are.
    /// The chapters by offsets of the whole text, as bookmarks are: on a window, those
    /// found so far (the window's own are of the window's text).
    pub fn whole_chapters(&self) -> &[Chapter] {
        match &self.partial {
            Some(partial) => &partial.found,
            None => &self.chapters,
        }
    }

    pub(super) fn found_chapters(&self) -> Option<&[Chapter]> {
        let partial = self.partial.as_ref()?;
        (!partial.found.is_empty()).then_some(&partial.found[..])
    }

    /// The chapter the top of the page is in, among those found so far, once they reach
    /// past the place (before, the window's own headings tell better).
    pub(super) fn found_current(&self) -> Option<Option<&Chapter>> {
        let found = self.found_chapters()?;
        let place = self.whole_place();
        let reached = self.partial.as_ref().is_some_and(|p| p.reach > place);
        reached.then(|| crate::toc::current(found, place).map(|i| &found[i]))
    }

    /// The place, as offsets into [`Reader::chapters`] are: of the whole text while the
    /// chapters found so far are listed, else of the text the reader is on.
    pub(super) fn chapter_place(&self) -> usize {
        match self.found_chapters() {
            Some(_) => self.whole_place(),
            None => self.place,
        }
    }

    /// Goes to a chapter at `offset` (into [`Reader::chapters`]' text): at once when the
    /// text there is on hand, else once the whole story is read (and says so).
    pub(super) fn go_to_chapter(&mut self, offset: usize) {
        let Some(partial) = self
            .partial
            .as_ref()
            .filter(|_| self.found_chapters().is_some())
        else {
            self.jump(offset);
            return;
        };
        let base = partial.base;
        let window = base..base + self.doc.text().len();
        match window.contains(&offset) {
            true => self.jump(offset - base),
            // Found so far, so in the text indexed so far: on a new window at once.
            false if self.indexed_reaches(offset) => self.go_whole(offset),
            false => self.wait_for_whole(Action::GoTo(offset)),
        }
    }

    /// The offset of the chapter selected in the list, if it is open, before the whole
    /// story replaces the window.
    pub(super) fn chapter_selected(&self, partial: &Partial) -> Option<usize> {
        let Mode::Chapters { selected } = self.mode else {
            return None;
        };
        match partial.found.is_empty() {
            true => self.chapters.get(selected).map(|c| c.offset + partial.base),
            false => partial.found.get(selected).map(|c| c.offset),
        }
    }

    /// Keeps the chapter list on the chapter at `offset` (of the whole text) once the
    /// whole story's chapters replace those found so far.
    pub(super) fn reselect_chapter(&mut self, offset: Option<usize>) {
        if let (Mode::Chapters { .. }, Some(offset)) = (&self.mode, offset) {
            let at = crate::toc::current(&self.chapters, offset).unwrap_or(0);
            self.mode = Mode::Chapters { selected: at };
        }
    }

    /// While the story is still being read, or read from its file a window at a time:
    /// about which page the reader is on and how many there are (`page ~12 of ~3,400`),
    /// from the pages of the windows counted at the current width and height (in the
    /// background, as the story's are) and the whole text's length as far as it is known.
    /// The bytes a page holds are pooled over every window counted at this size, so that
    /// the numbers settle rather than jump with each window (a window of verse holds
    /// fewer bytes a page than one of prose).
    pub fn page_estimate(&self) -> Option<(usize, usize)> {
        let partial = self.partial.as_ref()?;
        let size = (self.column().width, self.view_height());
        let mut pool = self.page_bytes.get();
        if pool.size != size {
            pool = PageBytes {
                size,
                ..PageBytes::default()
            };
        }
        if let Some(count) = self.window_counted().filter(|c| c.complete) {
            let pages = count.tops.len();
            // A window of too few pages tells nothing (a last page may be short); one is
            // added once.
            if pages >= 3 && pool.last != Some(partial.base) {
                pool.bytes += count.tops[pages - 1].saturating_sub(count.tops[0]);
                pool.pages += pages - 1;
                pool.last = Some(partial.base);
            }
        }
        self.page_bytes.set(pool);
        let per_page = pool.bytes.checked_div(pool.pages).filter(|&b| b > 0)?;
        let here = self.whole_place() / per_page + 1;
        let total = (partial.total / per_page + 1).max(here);
        Some((here, total))
    }
}

/// The pages counted in the windows of a story read a window at a time, and the bytes
/// they hold, at one size of the page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct PageBytes {
    /// The column's width and the rows of text they were counted at.
    size: (u16, usize),
    bytes: usize,
    pages: usize,
    /// The window last added (by where it starts in the whole text).
    last: Option<usize>,
}
