//! Going anywhere in the part of a big story indexed so far, before the whole story is in
//! (see [`crate::document::indexed`]): a search whose match lies there, a chapter found
//! there, a percent that falls there. The text there is exact, so the reader is moved
//! onto a new window of the file read at an anchor before the place (as a saved place is
//! opened), and the place is the byte a full pass gives.
//!
//! The core reads no file: it says which byte of the whole text it wants a window around
//! ([`Reader::wanted_window`]) and what to do there; the shell reads that window and hands
//! it over ([`Reader::rewindow`]) in the same turn of the loop. A search of the indexed
//! text goes a slice at a time like any other (`searching… 37 %`, any key cancels it); a
//! search that finds nothing there waits for the whole story, and says so.

use super::{Action, Reader};
use crate::document::indexed::Indexed;
use crate::document::Document;
use crate::search::{Hit, Query};
use std::ops::Range;
use std::sync::Arc;

/// The text indexed so far, shared with the thread indexing it (compared by identity).
#[derive(Debug, Clone)]
pub struct Shared(pub Arc<Indexed>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Shared {}

/// A window the reader wants, around byte `at` of the whole text, and what then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wanted {
    pub at: usize,
    pub(super) then: Then,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Then {
    /// Shows a search's match (offsets into the whole text).
    Hit {
        query: Sought,
        range: Range<usize>,
        forward: bool,
        /// Found by wrapping round the story's end (said so).
        wrapped: bool,
    },
    /// Goes to the line holding this byte of the whole text, as a chapter jump does.
    Jump(usize),
    /// Scrolls `lines` from the line starting at this byte (paging past the window).
    Scroll(usize, isize),
    /// Goes to the story's first line (the window is the file's start).
    Top,
    /// Goes to the story's last page (the window is the file's end).
    Bottom,
}

/// A search's query (compared by its text).
#[derive(Debug, Clone)]
pub(super) struct Sought(pub(super) Query);

impl PartialEq for Sought {
    fn eq(&self, other: &Self) -> bool {
        self.0.text() == other.0.text()
    }
}

impl Eq for Sought {}

impl Reader {
    /// Lets the reader search and move in the text indexed so far, while it is on a window.
    pub fn set_index(&mut self, index: Arc<Indexed>) {
        if let Some(p) = &mut self.partial {
            p.index = Some(Shared(index));
        }
    }

    /// The byte of the whole text the reader wants a window around, if it does: the shell
    /// reads one from the anchor before it and hands it over with [`Reader::rewindow`].
    pub fn wanted_window(&self) -> Option<usize> {
        Some(self.partial.as_ref()?.wanted.as_ref()?.at)
    }

    /// Puts the reader on a new window of the story, which starts at byte `base` of the
    /// whole text (read at an anchor before the wanted byte), and does there what wanted it.
    pub fn rewindow(&mut self, doc: Document, base: usize) {
        let Some(partial) = &mut self.partial else {
            return;
        };
        let Some(wanted) = partial.wanted.take() else {
            return;
        };
        supersede_moves(partial);
        // Paging keeps the way back; a jump's way back is where it jumped from.
        let was = match wanted.then {
            Then::Scroll(..) => (self.back.map(|b| b + partial.base)).or(partial.away),
            _ => Some(partial.base + self.place),
        };
        partial.base = base;
        partial.raw = None;
        partial.total = partial.total.max(base + doc.text().len());
        self.lengthen_window(doc);
        self.hit = None;
        self.tally = Default::default();
        self.place = self
            .layout
            .line_start(&self.doc, wanted.at.saturating_sub(base));
        self.go_then(wanted.then, base);
        self.refresh();
        // The way back: in this window, or kept as a byte of the whole text.
        let end = base + self.doc.text().len();
        let (back, away) = match was {
            Some(was) if (base..end).contains(&was) => {
                (Some(self.layout.line_start(&self.doc, was - base)), None)
            }
            was => (None, was),
        };
        if let Some(p) = &mut self.partial {
            p.away = away;
        }
        self.back = back;
        if matches!(self.message(), Some(m) if m.starts_with("reading the whole story")) {
            self.message = None;
        }
    }

    /// The window wanted could not be read: the reader stays where it is, and is told why.
    pub fn window_failed(&mut self, why: &str) {
        if let Some(p) = &mut self.partial {
            p.wanted = None;
        }
        self.say(why);
    }

    /// Does what a wanted window was for on the whole story, read before the window was.
    pub(super) fn go_wanted(&mut self, wanted: Wanted) {
        let (was, jump) = (self.place, !matches!(wanted.then, Then::Scroll(..)));
        self.go_then(wanted.then, 0);
        if jump && self.place != was {
            self.back = Some(was);
        }
        self.refresh();
    }

    /// Does `then` on a text that starts at byte `base` of the whole.
    fn go_then(&mut self, then: Then, base: usize) {
        let text = self.doc.text();
        let here =
            |whole: usize| crate::position::floor_char_boundary(text, whole.saturating_sub(base));
        match then {
            Then::Hit {
                query,
                range,
                forward,
                wrapped,
            } => {
                let hit = Hit {
                    range: here(range.start)..here(range.end),
                    wrapped,
                };
                self.show_hit(&query.0, forward, Some(hit));
            }
            Then::Jump(at) => self.place = self.layout.line_start(&self.doc, here(at)),
            Then::Top => {
                let start = self.doc.blocks().first().map_or(0, |b| b.start());
                self.place = self.layout.line_start(&self.doc, start);
            }
            Then::Bottom => {
                let h = self.view_height();
                self.place = self.layout.last_page_top(&self.doc, h);
            }
            Then::Scroll(at, lines) => {
                self.place = self.layout.line_start(&self.doc, here(at));
                self.scroll(lines);
            }
        }
    }

    /// Whether byte `at` of the whole text lies in the text indexed so far, so that a
    /// window there can be read at once.
    pub(super) fn indexed_reaches(&self, at: usize) -> bool {
        self.index().is_some_and(|i| {
            let part = i.read();
            !part.gone && part.charset.is_some() && at < part.len()
        })
    }

    /// Goes to byte `at` of the whole text: at once in the window, else on a new one.
    pub(super) fn go_whole(&mut self, at: usize) {
        let Some(p) = &mut self.partial else {
            self.jump(at);
            return;
        };
        let window = p.base..p.base + self.doc.text().len();
        supersede_moves(p);
        match window.contains(&at) {
            true => {
                let base = p.base;
                self.jump(at - base);
            }
            false => {
                p.wanted = Some(Wanted {
                    at,
                    then: Then::Jump(at),
                });
            }
        }
    }

    /// Pages past either end of the window onto a new one, when the text there is
    /// indexed: `true` when it will.
    pub(super) fn page_past_window(&mut self, lines: isize) -> bool {
        let at = self.whole_place();
        let Some(p) = &self.partial else {
            return false;
        };
        let beyond = match lines > 0 {
            true => p.base + self.doc.text().len() + 1,
            false => p.base.saturating_sub(1),
        };
        if p.base == 0 && lines < 0 || !self.indexed_reaches(beyond) {
            return false;
        }
        if let Some(p) = &mut self.partial {
            p.wanted = Some(Wanted {
                at,
                then: Then::Scroll(at, lines),
            });
        }
        true
    }

    /// `gg` goes to the story's start on a window read there, when the reader is not on
    /// one: `true` when it will.
    pub(super) fn top_past_window(&mut self) -> bool {
        let reaches = self.indexed_reaches(0);
        let Some(p) = self.partial.as_mut().filter(|p| p.base > 0 && reaches) else {
            return false;
        };
        supersede_moves(p);
        p.wanted = Some(Wanted {
            at: 0,
            then: Then::Top,
        });
        true
    }

    /// `` ` `` after a jump onto a new window goes back onto a window around the place
    /// left: `true` when it will.
    pub(super) fn back_past_window(&mut self) -> bool {
        let Some(p) = &mut self.partial else {
            return false;
        };
        match (self.back, p.away) {
            (None, Some(away)) => {
                p.wanted = Some(Wanted {
                    at: away,
                    then: Then::Jump(away),
                });
                true
            }
            _ => false,
        }
    }

    /// The text indexed so far, when the reader may use it.
    pub(super) fn index(&self) -> Option<Arc<Indexed>> {
        let p = self.partial.as_ref()?;
        p.index.as_ref().map(|s| Arc::clone(&s.0))
    }
}

impl Reader {
    /// Moves that can go at once in the text indexed so far rather than wait for the
    /// whole story: paging past the window, `` ` `` back onto a window left, a percent.
    /// `true` when `action` was taken here (a new window is wanted, or the percent is in
    /// this one).
    pub(super) fn move_in_index(&mut self, action: &Action) -> bool {
        let reading = self.mode == super::Mode::Reading;
        let h = self.view_height() as isize;
        let lines = match action {
            Action::PageDown => h,
            Action::HalfPageDown => (h / 2).max(1),
            Action::LineDown => 1,
            Action::WheelDown => super::WHEEL_LINES as isize,
            Action::PageUp => -h,
            Action::HalfPageUp => -(h / 2).max(1),
            Action::LineUp => -1,
            Action::WheelUp => -(super::WHEEL_LINES as isize),
            _ => 0,
        };
        let pct = match (action, &self.mode) {
            (Action::Percent, super::Mode::Reading) => self.count.map(|c| f64::from(c.min(100))),
            (Action::Submit, super::Mode::Prompt(p)) if p.kind == super::PromptKind::Percent => p
                .input
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|p| (0.0..=100.0).contains(p)),
            _ => None,
        };
        if let Some(pct) = pct {
            let Some(at) = self.percent_target(pct) else {
                return false;
            };
            self.count = None;
            self.mode = super::Mode::Reading;
            self.go_whole(at);
            self.say(format!("{pct:.0}%"));
            return true;
        }
        match action {
            _ if !reading => false,
            Action::JumpBack => self.back_past_window(),
            Action::Top if self.count.is_none() => self.top_past_window(),
            _ if lines != 0 && self.leaves_window(lines) => self.page_past_window(lines),
            _ => false,
        }
    }

    /// Whether scrolling `lines` would take the top of the page where the window is not
    /// the whole story's: into its first block (which may start mid-paragraph, so its
    /// lines are wrapped otherwise) or its last one, or against either end (where the
    /// scroll would stop short).
    fn leaves_window(&mut self, lines: isize) -> bool {
        let (Some(first), Some(last)) = (self.doc.blocks().first(), self.doc.blocks().last())
        else {
            return false;
        };
        let (first, last) = (first.end(), last.start());
        let h = self.view_height();
        let target = self.layout.scroll(&self.doc, self.place, lines, h);
        match lines > 0 {
            true => target >= last.min(self.layout.last_page_top(&self.doc, h)),
            false => target < first,
        }
    }

    /// The byte of the whole text `pct` percent of the way through it, when that lies in
    /// the text indexed so far: exact once all of the text is in, else of the whole
    /// text's estimated length (as the percent shown is).
    fn percent_target(&self, pct: f64) -> Option<usize> {
        let index = self.index()?;
        let part = index.read();
        let within = part.searchable()?;
        let end = match part.complete {
            true => within.end,
            false => self.partial.as_ref()?.total.max(within.end),
        };
        let len = crate::saturating::usize_from_f64((end - within.start) as f64 * pct / 100.0);
        let at = within.start + len.min(end - within.start);
        if part.on_file.is_some() {
            // The window read there puts it on a character (see `go_then`).
            return Some(at.min(within.end.saturating_sub(1)));
        }
        (at < within.end).then(|| crate::position::floor_char_boundary(part.text(), at))
    }
}

/// A move made at once supersedes the moves still waiting for the whole story, which
/// would otherwise carry the reader off when it comes (`gg` waited, then `10%` went at
/// once: the reader stays at 10 %). What else waits (a bookmark, a list) still happens.
pub(super) fn supersede_moves(partial: &mut super::Partial) {
    partial.retry = None;
    partial.waiting.retain(|a| {
        !matches!(
            a,
            Action::PageDown
                | Action::PageUp
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::LineDown
                | Action::LineUp
                | Action::WheelDown
                | Action::WheelUp
                | Action::Top
                | Action::Bottom
                | Action::Percent
                | Action::SearchNext
                | Action::SearchPrev
                | Action::GoTo(_)
                | Action::NextChapter
                | Action::PrevChapter
                | Action::OpenBookmark(_)
        )
    });
}
