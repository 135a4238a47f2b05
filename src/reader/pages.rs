//! The reader's pages: counted by the shell in the background (see [`crate::pages`]),
//! handed over as they are found, and used for the page number, `123g` and the percent.

use super::{Effect, Mode, Reader};
use crate::document::Document;
use crate::pages;
use std::sync::{Arc, Weak};

/// Above this many pages the percent keeps one decimal: a page moves it by less than 0.5.
pub const PRECISE_FROM_PAGES: usize = 200;

/// What pages are counted for: a document, a column width and a page height.
#[derive(Debug, Clone)]
pub struct PageKey {
    /// The document (weak: a key never keeps a story in memory, and its allocation
    /// cannot be reused by another document while the key lives).
    pub doc: Weak<Document>,
    pub width: u16,
    pub height: usize,
    /// Hyphenation and the paragraph style change the lines (justification does not).
    pub typography: crate::layout::Typography,
}

impl PartialEq for PageKey {
    fn eq(&self, other: &Self) -> bool {
        self.doc.ptr_eq(&other.doc)
            && self.width == other.width
            && self.height == other.height
            && self.typography == other.typography
    }
}

/// Pages counted so far for one [`PageKey`].
#[derive(Debug, Clone)]
pub struct PageCount {
    key: PageKey,
    pub(super) tops: Vec<usize>,
    pub(super) complete: bool,
}

/// Where the reader is, in pages, as far as it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageInfo {
    /// The page the top of the screen is on, once the count has gone past it.
    pub current: Option<usize>,
    /// How many pages, once counted.
    pub total: Option<usize>,
}

impl Reader {
    /// The story, to count its pages on another thread.
    pub fn shared_document(&self) -> Arc<Document> {
        Arc::clone(&self.doc)
    }

    /// What the pages should be counted for now; `None` while there is nothing to count
    /// (the window is too small). While the story is still being read, its window.
    pub fn page_key(&self) -> Option<PageKey> {
        // A window's pages are counted too: they give the estimate shown meanwhile
        // (see [`Reader::page_estimate`]).
        if self.too_small() || self.doc.blocks().is_empty() {
            return None;
        }
        Some(PageKey {
            doc: Arc::downgrade(&self.doc),
            width: self.column().width,
            height: self.page_height(),
            typography: crate::layout::Typography {
                justify: false,
                ..self.layout.typography()
            },
        })
    }

    /// Page tops counted for `key`, in order, following those handed over before for
    /// the same key; `complete` when they are all. Pages for another key are dropped.
    /// [`Effect::PlaceChanged`] when a page asked for meanwhile was gone to.
    pub fn add_pages(&mut self, key: &PageKey, tops: &[usize], complete: bool) -> Effect {
        if self.page_key().as_ref() != Some(key) {
            return Effect::None;
        }
        let count = match &mut self.pages {
            Some(count) if count.key == *key => count,
            _ => self.pages.insert(PageCount {
                key: key.clone(),
                tops: Vec::new(),
                complete: false,
            }),
        };
        count.tops.extend_from_slice(tops);
        count.complete = complete;
        if !complete {
            return Effect::None;
        }
        let Some(page) = self.pending_page.take() else {
            return Effect::None;
        };
        if self.mode != Mode::Reading {
            return Effect::None;
        }
        if self
            .message()
            .is_some_and(|m| m.starts_with("counting pages"))
        {
            self.message = None;
        }
        let before = self.place;
        self.go_to_page(page);
        self.refresh();
        match self.place == before {
            true => Effect::None,
            false => Effect::PlaceChanged,
        }
    }

    /// The pages counted for the current width and height, if any.
    fn counted(&self) -> Option<&PageCount> {
        // A window's count is no count of the story's pages.
        if self.partial.is_some() {
            return None;
        }
        self.window_counted()
    }

    /// The pages counted for the current width and height, of the text the reader is on
    /// (a window, while the story is still being read).
    pub(super) fn window_counted(&self) -> Option<&PageCount> {
        let count = self.pages.as_ref()?;
        (self.page_key().as_ref() == Some(&count.key)).then_some(count)
    }

    /// The page the reader is on and how many there are, as far as they are counted.
    /// A binary search: cheap on every frame.
    /// `None` until a count has started for the current width and height.
    pub fn page_info(&self) -> Option<PageInfo> {
        let count = self.counted()?;
        let page = pages::page_at(&count.tops, self.place);
        let known = count.complete || page < count.tops.len();
        Some(PageInfo {
            current: known.then_some(page),
            total: count.complete.then_some(count.tops.len()),
        })
    }

    /// The page holding byte `offset` (a bookmark's, say), once the count has gone past
    /// it at the current size.
    pub fn page_of(&self, offset: usize) -> Option<usize> {
        let count = self.counted()?;
        let page = pages::page_at(&count.tops, offset);
        (count.complete || page < count.tops.len()).then_some(page)
    }

    /// Percent read in tenths (0 to 1000) when the story has many pages, where a page
    /// moves the whole-number percent by less than one; `None` otherwise.
    pub fn precise_percent(&self) -> Option<u16> {
        let total = self.page_info()?.total?;
        if total <= PRECISE_FROM_PAGES {
            return None;
        }
        if self.at_end {
            return Some(1000);
        }
        let pct = crate::position::percent(&self.doc, self.place);
        Some(crate::saturating::u16_from_f64((pct * 10.0).round()).min(999))
    }

    /// `123g`, `:123`: goes to the top of page `page` (clamped to the first and last), a
    /// jump `` ` `` comes back from. Before the pages are counted, goes there once they
    /// are, unless the reader moves meanwhile.
    pub(super) fn go_to_page(&mut self, page: u32) {
        // A story read from its file a window at a time has no pages counted: the
        // estimate's page (as `123g` goes to).
        if let Some(f) = self.on_file() {
            self.go_to_page_on_file(page, &f);
            return;
        }
        let total = self.page_info().and_then(|p| p.total);
        let Some(total) = total else {
            self.pending_page = Some(page);
            self.say(format!("counting pages… (then to page {page})"));
            return;
        };
        let tops = self.counted().map(|c| &c.tops[..]).unwrap_or_default();
        if let Some(top) = pages::page_top(tops, page as usize) {
            self.jump(top);
        }
        // The status bar shows the page; only a page out of range is worth a word.
        if page as usize > total {
            self.say(format!("the last page is {}", pages::thousands(total)));
        }
    }
}
