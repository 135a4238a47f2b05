//! Wrapping blocks into screen lines, lazily, at one width at a time.
//!
//! A [`ScreenLine`] is a byte range into the document's text, never a copy. Only the blocks
//! around the viewport are wrapped; they are cached per width, so a keypress or a resize
//! costs work proportional to the screen, never to the book.
//!
//! Which line an offset belongs to: the last line of its block that starts at or before
//! it (the first line for the block's indentation). So an offset in the whitespace
//! between two wrapped lines belongs to the earlier one, and an offset after a block's
//! text (up to the next block) belongs to the block's blank spacer line, whose start is
//! the block's end. Line starts are unique, so `line_at(line.range.start)` is that line.
//!
//! A long paragraph cut into pieces by the document reads as if it were one block: each
//! piece's lines start at a *seam* inside the previous piece (see [`is_joined`]), so the
//! end of a piece belongs to the next piece's first line.

pub(crate) mod classes;
pub mod emphasis;
mod fast;
mod hang;
mod hyphen;
mod language;
mod optimal;
mod placed;
pub use optimal::OPTIMAL_MAX_WORDS;
mod tokens;
mod typography;
mod wrap;

pub use crate::text_width::str_width;
pub use classes::{is_cjk, is_tight_join};
pub use fast::push_plain_block;
pub use hyphen::hyphen_points_in;
pub use language::{guess, Lang, Language};
pub use typography::{spread, LineEnd, Spread, Typography, MAX_GAP};
pub use wrap::{is_joined, Wrapper};

use crate::document::Document;
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

/// Blocks kept wrapped, over all widths. A page needs a few dozen, so this holds many
/// screens while memory stays bounded whatever the size of the book.
const CACHE_BLOCKS: usize = 4096;

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

/// One laid-out screen line: a wrapped line of a block, as drawn. (Not a line of the
/// source text, which block detection measures, nor ratatui's `Line` of styled spans that
/// the view draws it with.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreenLine {
    /// Bytes of the text this line shows, from its first character to just after its
    /// last. A [`LineStyle::Blank`] line has the empty range at the end of its block.
    pub range: Range<usize>,
    pub style: LineStyle,
    /// Columns of indentation before the text (verse indentation, hanging continuation).
    pub indent: u16,
    /// Display width of the text, not counting `indent`.
    pub width: u16,
    /// Whitespace is drawn as written (verse), except a line break, which becomes one
    /// space. Otherwise (prose) each run of whitespace is one space. Either way a line
    /// break is joined with nothing between two CJK characters or after a word's line-end
    /// hyphen or dash ([`is_tight_join`]).
    pub verbatim: bool,
    /// Whether its paragraph ends here, or runs on (after a hyphen drawn at the end when
    /// a word was broken: counted in `width`).
    pub end: LineEnd,
}

impl ScreenLine {
    /// The text to draw: `text[range]` with soft line breaks joined (a space, or nothing:
    /// see [`ScreenLine::verbatim`]) and runs of whitespace inside prose collapsed.
    /// A word broken by hyphenation has its hyphen drawn at the end.
    pub fn display<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let shown = text.get(self.range.clone()).unwrap_or("");
        if self.end != LineEnd::Hyphen && tokens::is_displayed_as_is(shown, self.verbatim) {
            Cow::Borrowed(shown)
        } else {
            let mut out = String::with_capacity(shown.len() + 1);
            self.push_display(text, &mut out);
            Cow::Owned(out)
        }
    }

    /// Appends [`ScreenLine::display`] to `out`, without allocating (for printing whole books).
    pub fn push_display(&self, text: &str, out: &mut String) {
        let shown = text.get(self.range.clone()).unwrap_or("");
        tokens::push_display(shown, self.verbatim, out);
        if self.end == LineEnd::Hyphen {
            out.push('-');
        }
    }

    /// Whether justification stretches this line: prose whose paragraph runs on after
    /// it; never a paragraph's last line, verse, a heading or a scene break.
    pub fn is_justifiable(&self) -> bool {
        self.style == LineStyle::Text && !self.verbatim && self.end != LineEnd::Last
    }

    /// The line as drawn `room` columns wide with `typography`: [`ScreenLine::display`], its
    /// spaces stretched to fill `room` when justified (see [`spread`]).
    pub fn display_in<'t>(
        &self,
        text: &'t str,
        room: usize,
        typography: Typography,
    ) -> Cow<'t, str> {
        let shown = self.display(text);
        match self.spread(&shown, room, typography) {
            Some(spread) => Cow::Owned(spread.text),
            None => shown,
        }
    }

    /// `shown` (this line's drawn text) stretched to `room` columns when `typography`
    /// justifies and this line [`is_justifiable`](ScreenLine::is_justifiable).
    pub fn spread(&self, shown: &str, room: usize, typography: Typography) -> Option<Spread> {
        (typography.justify && self.is_justifiable())
            .then(|| spread(shown, room))
            .flatten()
    }
}

/// Address of a laid-out line: a block, and a line within that block's lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineId {
    pub block: usize,
    pub line: usize,
}

/// Lazily wrapped lines of a document at the current width, with a bounded cache per width.
///
/// The cache is keyed by (width, block) and remembers which document it was filled from
/// (by the address and length of its text and its block count), so handing the layout
/// another document starts afresh rather than showing stale lines.
#[derive(Debug)]
pub struct Layout {
    width: u16,
    cache: HashMap<(u16, usize), Rc<[ScreenLine]>>,
    doc_key: (usize, usize, usize),
    wrapper: Wrapper,
    scratch: Vec<ScreenLine>,
    typography: Typography,
}

impl Layout {
    pub fn new(width: u16) -> Self {
        Self {
            width: width.max(1),
            cache: HashMap::new(),
            doc_key: (0, 0, 0),
            wrapper: Wrapper::default(),
            scratch: Vec::new(),
            typography: Typography::default(),
        }
    }

    /// Justifies, hyphenates and indents paragraphs as `typography` says: the lines are
    /// wrapped again when hyphenation, the paragraph style or the line breaking changed.
    pub fn set_typography(&mut self, typography: Typography) {
        let rewrap = !self.typography.breaks_lines_as(typography);
        self.typography = typography;
        self.wrapper.set_typography(typography);
        if rewrap {
            self.cache.clear();
        }
    }

    pub fn typography(&self) -> Typography {
        self.typography
    }

    pub fn width(&self) -> u16 {
        self.width
    }

    /// The language `doc` is hyphenated in (guessed when the setting is `auto`); `None`
    /// when hyphenation is off or no patterns fit the story.
    pub fn hyphenation(&mut self, doc: &Document) -> Option<Lang> {
        self.wrapper.hyphenation(doc)
    }

    /// Hides `_italics_` and `*emphasis*` markers (see [`emphasis`]) or shows them: the
    /// lines are wrapped again, measured without them.
    pub fn set_emphasis(&mut self, on: bool) {
        if self.wrapper.emphasis != on {
            self.wrapper.set_emphasis(on);
            self.cache.clear();
        }
    }

    pub fn emphasis(&self) -> bool {
        self.wrapper.emphasis
    }

    /// Switches to another width; lines wrapped at other widths stay cached.
    pub fn set_width(&mut self, width: u16) {
        self.width = width.max(1);
    }

    /// The lines of block `block` at the current width, blank spacer line included.
    /// At least one line for every block; none for an index out of range.
    pub fn block_lines(&mut self, doc: &Document, block: usize) -> Rc<[ScreenLine]> {
        let key = (
            doc.text().as_ptr() as usize,
            doc.text().len(),
            doc.blocks().len(),
        );
        if key != self.doc_key {
            self.cache.clear();
            self.doc_key = key;
        }
        if let Some(lines) = self.cache.get(&(self.width, block)) {
            return Rc::clone(lines);
        }
        self.scratch.clear();
        self.wrapper
            .wrap_block(doc, block, self.width, &mut self.scratch);
        let lines: Rc<[ScreenLine]> = Rc::from(self.scratch.as_slice());
        if self.cache.len() >= CACHE_BLOCKS {
            // Clearing beats tracking age: a page needs few blocks, refilled in microseconds.
            self.cache.clear();
        }
        self.cache.insert((self.width, block), Rc::clone(&lines));
        lines
    }

    /// The line containing `offset` (a spacer line for an offset between blocks).
    /// `None` only for a document without blocks.
    pub fn line_at(&mut self, doc: &Document, offset: usize) -> Option<LineId> {
        let mut block = doc.block_index_at(offset)?;
        let mut lines = self.block_lines(doc, block);
        // The end of a piece of a long paragraph is shown by the next piece's first line.
        if is_joined(doc, block + 1) && lines.last().is_some_and(|l| l.range.end <= offset) {
            let next = self.block_lines(doc, block + 1);
            if next.first().is_some_and(|l| l.range.start <= offset) {
                block += 1;
                lines = next;
            }
        }
        let line = lines
            .partition_point(|l| l.range.start <= offset)
            .saturating_sub(1);
        Some(LineId { block, line })
    }

    /// `id` moved onto an existing line.
    fn clamp(&mut self, doc: &Document, id: LineId) -> LineId {
        let block = id.block.min(doc.blocks().len().saturating_sub(1));
        let len = self.block_lines(doc, block).len();
        LineId {
            block,
            line: id.line.min(len.saturating_sub(1)),
        }
    }

    /// The last line of the document.
    fn last_line(&mut self, doc: &Document) -> LineId {
        self.clamp(
            doc,
            LineId {
                block: usize::MAX,
                line: usize::MAX,
            },
        )
    }

    /// `n` lines after `id`, but never past `limit`. Costs O(min(n, lines to `limit`)).
    fn forward(&mut self, doc: &Document, id: LineId, n: usize, limit: LineId) -> LineId {
        // Line starts are distinct byte offsets, so there are at most as many lines
        // between two lines as bytes: a huge `n` (go to the end) is answered at once
        // instead of wrapping every block on the way.
        let span = self
            .line(doc, limit)
            .range
            .start
            .saturating_sub(self.line(doc, id).range.start);
        if n >= span {
            return limit.max(id);
        }
        let mut id = id;
        let mut left = n;
        loop {
            if id >= limit {
                return limit;
            }
            if id.block == limit.block {
                id.line = (id.line + left).min(limit.line);
                return id;
            }
            let room = self.block_lines(doc, id.block).len().saturating_sub(1) - id.line;
            if left <= room {
                id.line += left;
                return id;
            }
            left -= room + 1;
            id = LineId {
                block: id.block + 1,
                line: 0,
            };
        }
    }

    /// `n` lines before `id`, clamped to the first line. Costs O(min(n, lines before)).
    fn backward(&mut self, doc: &Document, id: LineId, n: usize) -> LineId {
        let first = LineId { block: 0, line: 0 };
        // As in `forward`: no more lines than bytes before this one.
        let span = self
            .line(doc, id)
            .range
            .start
            .saturating_sub(self.line(doc, first).range.start);
        if n >= span {
            return first;
        }
        let mut id = id;
        let mut left = n;
        loop {
            if left <= id.line {
                id.line -= left;
                return id;
            }
            if id.block == 0 {
                id.line = 0;
                return id;
            }
            left -= id.line + 1;
            id.block -= 1;
            id.line = self.block_lines(doc, id.block).len().saturating_sub(1);
        }
    }

    /// The line `n` lines after `id` (before, when negative), clamped to the first and
    /// last lines of the document.
    pub fn step(&mut self, doc: &Document, id: LineId, n: isize) -> LineId {
        if doc.blocks().is_empty() {
            return id;
        }
        let id = self.clamp(doc, id);
        if n >= 0 {
            let last = self.last_line(doc);
            self.forward(doc, id, n.unsigned_abs(), last)
        } else {
            self.backward(doc, id, n.unsigned_abs())
        }
    }

    /// The line at `id` (clamped to an existing line).
    pub fn line(&mut self, doc: &Document, id: LineId) -> ScreenLine {
        let id = self.clamp(doc, id);
        self.block_lines(doc, id.block)
            .get(id.line)
            .cloned()
            .unwrap_or(ScreenLine {
                range: 0..0,
                style: LineStyle::Blank,
                indent: 0,
                width: 0,
                verbatim: false,
                end: LineEnd::Last,
            })
    }

    /// Up to `height` lines starting with the line containing `top`. Costs O(height).
    pub fn page(&mut self, doc: &Document, top: usize, height: usize) -> Vec<ScreenLine> {
        let mut page = Vec::with_capacity(height);
        let Some(mut id) = self.line_at(doc, top) else {
            return page;
        };
        while page.len() < height && id.block < doc.blocks().len() {
            let lines = self.block_lines(doc, id.block);
            let wanted = height - page.len();
            page.extend(lines.iter().skip(id.line).take(wanted).cloned());
            id = LineId {
                block: id.block + 1,
                line: 0,
            };
        }
        page
    }

    /// The start offset of the line containing `offset` (0 for a document without blocks).
    pub fn line_start(&mut self, doc: &Document, offset: usize) -> usize {
        match self.line_at(doc, offset) {
            Some(id) => self.line(doc, id).range.start,
            None => 0,
        }
    }

    /// Top offset after scrolling `n` lines down (up when negative) from the page whose
    /// top is `top`. Never scrolls past the top of the last full page; a page already
    /// below it (after a jump) is not moved up by scrolling down. Costs O(|n| + height).
    pub fn scroll(&mut self, doc: &Document, top: usize, n: isize, height: usize) -> usize {
        let Some(current) = self.line_at(doc, top) else {
            return 0;
        };
        let target = if n >= 0 {
            let limit = self.last_page_top_id(doc, height).max(current);
            self.forward(doc, current, n.unsigned_abs(), limit)
        } else {
            self.backward(doc, current, n.unsigned_abs())
        };
        self.line(doc, target).range.start
    }

    /// The top line of the last page.
    fn last_page_top_id(&mut self, doc: &Document, height: usize) -> LineId {
        let last = self.last_line(doc);
        self.backward(doc, last, height.saturating_sub(1))
    }

    /// Top offset of the last page: the page whose last line is the document's last line.
    pub fn last_page_top(&mut self, doc: &Document, height: usize) -> usize {
        if doc.blocks().is_empty() {
            return 0;
        }
        let id = self.last_page_top_id(doc, height);
        self.line(doc, id).range.start
    }
}
