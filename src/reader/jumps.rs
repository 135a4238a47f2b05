//! The reader's jumps: search, percent, chapters, the column width, bookmark labels.

use super::Action;
use super::{Effect, Reader, COLUMN_LIMITS};
use crate::position;

impl Reader {
    pub(super) fn go_to_percent(&mut self, pct: f64) {
        let offset = position::offset_at_percent(&self.doc, pct);
        let h = self.view_height();
        let last = self.layout.last_page_top(&self.doc, h);
        self.jump(offset.min(last));
        self.say(format!("{pct:.0}%"));
    }

    pub(super) fn change_column(&mut self, wider: bool) {
        let (lo, hi) = COLUMN_LIMITS;
        let step = 4;
        let current = self.column().width;
        let window = self.page_room();
        if wider && current >= window.min(hi) {
            // The column already fills the window: say what it really is, not a width
            // the window cannot show.
            self.say(format!("column {current} wide: the window's full width"));
            return;
        }
        self.max_width = if wider {
            // Never more than the window: the width said is the width shown.
            current.saturating_add(step).min(hi).min(window.max(lo))
        } else {
            current.saturating_sub(step).max(lo)
        };
        self.say(format!("column {} wide", self.column().width));
    }

    pub(super) fn search_again(&mut self, forward: bool) {
        let Some(query) = self.query.clone() else {
            self.say("no search yet: press / to search");
            return;
        };
        let from = self.search_from(forward);
        self.search(&query, from, forward);
    }

    /// Where `n` (`forward`) or `N` searches from: the match shown, while it is on the
    /// page; after the reader moved away, the top of the page they are on (the next match
    /// after it, or the last before).
    pub(super) fn search_from(&self, forward: bool) -> usize {
        let page_end = self.page.last().map_or(self.place, |l| l.range.end);
        let on_page = |h: &std::ops::Range<usize>| h.start >= self.place && h.start < page_end;
        match (&self.hit, forward) {
            (Some(hit), true) if on_page(hit) => hit.start + 1,
            (Some(hit), false) if on_page(hit) => hit.start,
            _ => self.place,
        }
    }

    pub(super) fn next_chapter(&mut self, forward: bool) {
        let place = self.chapter_place();
        // Chapters found so far that stop short of the place cannot tell the one before.
        if !forward
            && self.found_chapters().is_some()
            && self.partial.as_ref().is_some_and(|p| p.reach <= place)
        {
            self.wait_for_whole(Action::PrevChapter);
            return;
        }
        let chapters = self.chapters();
        let target = if forward {
            chapters.get(chapters.partition_point(|c| c.offset <= place))
        } else {
            let before = chapters.partition_point(|c| c.offset < place);
            before.checked_sub(1).map(|i| &chapters[i])
        };
        match target.map(|c| c.offset) {
            Some(offset) => self.go_to_chapter(offset),
            // More chapters may be found further on.
            None if forward && self.partial.is_some() => {
                self.wait_for_whole(Action::NextChapter);
            }
            None if self.chapters().is_empty() => self.say("no chapters found in this story"),
            None => self.say(if forward {
                "this is the last chapter"
            } else {
                "this is the first chapter"
            }),
        }
    }

    pub(super) fn add_bookmark(&mut self) -> Effect {
        let text = self.doc.text();
        let words: Vec<&str> = self
            .page
            .iter()
            .flat_map(|l| text[l.range.clone()].split_whitespace())
            .take(8)
            .collect();
        let mut label = words.join(" ");
        if label.is_empty() {
            label = format!("{}%", self.percent());
        }
        self.say("bookmark added (B lists bookmarks)");
        Effect::AddBookmark {
            offset: self.place,
            label,
        }
    }
}
