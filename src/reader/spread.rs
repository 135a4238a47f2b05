//! `D`: two pages side by side on a wide window, like an open book.
//!
//! A spread is the page at the reader's place (the left page) and the page after it (the
//! right page): the lines of both are one run of the layout, cut in two. The place is
//! still the top of the left page, so a spread changes nothing that is saved: reopened in
//! a narrow window, or after a resize below [`SPREAD_FROM`] columns, the same sentence is
//! at the top of the one page. Paging moves by both pages; pages are still counted one by
//! one, and the status bar names both.

use super::Reader;
use crate::layout::Column;

/// The narrowest window, in columns, that shows two pages when they are asked for.
pub const SPREAD_FROM: u16 = 160;
/// Columns between the two pages.
pub const GUTTER: u16 = 6;

/// The left and right pages' columns in a window `window` wide: each as wide as the
/// column would be (`max_width`), but no wider than half the window less the gutter; the
/// two and their gutter centred.
pub fn spread_columns(window: u16, max_width: u16) -> (Column, Column) {
    let width = max_width.min(window.saturating_sub(GUTTER) / 2).max(1);
    let left = window.saturating_sub(2 * width + GUTTER) / 2;
    let right = left + width + GUTTER;
    (Column { left, width }, Column { left: right, width })
}

impl Reader {
    /// Whether two pages are shown side by side on a window wide enough (`spread` in the
    /// settings, `D`).
    pub fn spread_setting(&self) -> bool {
        self.spread
    }

    /// Asks for two pages side by side on a wide window (or one page); the place stays.
    pub fn set_spread(&mut self, on: bool) {
        if on == self.spread {
            return;
        }
        self.spread = on;
        self.refresh();
    }

    /// Whether two pages are on screen now: asked for, and the window is wide enough.
    pub fn is_spread(&self) -> bool {
        self.spread && self.size.0 >= SPREAD_FROM && !self.too_small()
    }

    /// The right page's column, when two pages are shown.
    pub fn right_page(&self) -> Option<Column> {
        self.is_spread()
            .then(|| spread_columns(self.size.0, self.max_width).1)
    }

    /// The column of the page, or of the left page of a spread.
    pub(super) fn page_column(&self) -> Column {
        if self.is_spread() {
            spread_columns(self.size.0, self.max_width).0
        } else {
            crate::layout::column(self.size.0, self.max_width)
        }
    }

    /// Lines on screen: a page's, or two pages' in a spread.
    pub(super) fn view_height(&self) -> usize {
        self.page_height() * if self.is_spread() { 2 } else { 1 }
    }

    /// The widest a page can be in this window.
    pub(super) fn page_room(&self) -> u16 {
        match self.is_spread() {
            true => self.size.0.saturating_sub(GUTTER) / 2,
            false => self.size.0,
        }
    }

    pub(super) fn toggle_spread(&mut self) {
        self.set_spread(!self.spread);
        let said = match (self.spread, self.is_spread()) {
            (true, true) => "two pages side by side".to_owned(),
            (true, false) => {
                format!("two pages side by side in a window {SPREAD_FROM} columns wide or more")
            }
            (false, _) => "one page".to_owned(),
        };
        self.say(said);
    }
}
