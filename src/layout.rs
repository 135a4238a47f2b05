//! Wrapping blocks into screen lines, lazily, at one width at a time.
//!
//! A [`Line`] is a byte range into the document's text, never a copy. Only the blocks
//! around the viewport are wrapped; they are cached per width, so a keypress or a resize
//! costs work proportional to the screen, never to the book.

use crate::document::Document;
use std::borrow::Cow;
use std::ops::Range;

/// The text column's default maximum width in columns.
pub const DEFAULT_MAX_WIDTH: u16 = 72;

/// Where the text column sits in a window: `left` columns of margin, then `width` columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub left: u16,
    pub width: u16,
}

/// The column for a window `window_width` wide: at most `max_width` wide, centred.
pub fn column(window_width: u16, max_width: u16) -> Column {
    let width = window_width.min(max_width.max(1));
    Column {
        left: (window_width - width) / 2,
        width,
    }
}

/// How a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LineStyle {
    /// Prose or verse.
    Text,
    /// Part of a heading: bold and centred.
    Heading,
    /// A scene break: centred.
    SceneBreak,
    /// The empty line after a block.
    Blank,
}

/// One laid-out screen line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Bytes of the text this line shows, from its first character to just after its
    /// last. A [`LineStyle::Blank`] line has the empty range at the end of its block.
    pub range: Range<usize>,
    pub style: LineStyle,
    /// Columns of indentation before the text (verse indentation, hanging continuation).
    pub indent: u16,
    /// Display width of the text, not counting `indent`.
    pub width: u16,
}

impl Line {
    /// The text to draw: `text[range]` with soft line breaks joined (a space, or nothing
    /// between two CJK characters) and runs of whitespace inside prose collapsed.
    pub fn display<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let _ = text;
        todo!()
    }
}

/// Address of a laid-out line: a block, and a line within that block's lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineId {
    pub block: usize,
    pub line: usize,
}

/// Lazily wrapped lines of a document at the current width, with a bounded cache per width.
#[derive(Debug)]
pub struct Layout {
    width: u16,
}

impl Layout {
    pub fn new(width: u16) -> Self {
        Self {
            width: width.max(1),
        }
    }

    pub fn width(&self) -> u16 {
        self.width
    }

    /// Switches to another width; lines wrapped at other widths stay cached.
    pub fn set_width(&mut self, width: u16) {
        self.width = width.max(1);
    }

    /// The lines of block `block` at the current width, blank spacer line included.
    pub fn block_lines(&mut self, doc: &Document, block: usize) -> std::rc::Rc<[Line]> {
        let _ = (doc, block);
        todo!()
    }

    /// The line containing `offset` (a spacer line for an offset between blocks).
    /// `None` only for a document without blocks.
    pub fn line_at(&mut self, doc: &Document, offset: usize) -> Option<LineId> {
        let _ = (doc, offset);
        todo!()
    }

    /// The line `n` lines after `id` (before, when negative), clamped to the first and
    /// last lines of the document.
    pub fn step(&mut self, doc: &Document, id: LineId, n: isize) -> LineId {
        let _ = (doc, id, n);
        todo!()
    }

    /// The line at `id`.
    pub fn line(&mut self, doc: &Document, id: LineId) -> Line {
        let _ = (doc, id);
        todo!()
    }

    /// Up to `height` lines starting with the line containing `top`.
    pub fn page(&mut self, doc: &Document, top: usize, height: usize) -> Vec<Line> {
        let _ = (doc, top, height);
        todo!()
    }

    /// The start offset of the line containing `offset`.
    pub fn line_start(&mut self, doc: &Document, offset: usize) -> usize {
        let _ = (doc, offset);
        todo!()
    }

    /// Top offset after scrolling `n` lines down (up when negative) from the page whose
    /// top is `top`. Never scrolls past the top of the last full page.
    pub fn scroll(&mut self, doc: &Document, top: usize, n: isize, height: usize) -> usize {
        let _ = (doc, top, n, height);
        todo!()
    }

    /// Top offset of the last page: the page whose last line is the document's last line.
    pub fn last_page_top(&mut self, doc: &Document, height: usize) -> usize {
        let _ = (doc, height);
        todo!()
    }
}
