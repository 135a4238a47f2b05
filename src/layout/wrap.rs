//! Wrapping one block at one width into [`ScreenLine`]s, with no caching.
//!
//! Words are found by our own byte scan ([`Tokens`]); only tokens that are not plain ASCII
//! words go through Unicode line breaking (textwrap's `UnicodeBreakProperties`), because
//! running it over every byte is what makes wrapping a whole book slow. The line breaking
//! itself is textwrap's first-fit over our own [`Frag`]ments, which carry byte ranges so
//! that lines stay ranges into the text.

use super::classes::is_kept_together;
use super::language::{Lang, Language};
use super::typography::{LineEnd, Typography, PARAGRAPH_INDENT};
use super::{LineStyle, ScreenLine};
use crate::document::blocks::heading;
use crate::document::verse::{self, VerseLine};
use crate::document::{BlockKind, Document};
use std::ops::Range;

/// Extra indentation of the continuation lines of a wrapped verse line.
pub(super) const VERSE_CONTINUATION: usize = 2;
/// Lines before a seam over which a mismatch there is spread (see [`is_joined`]).
const BALANCE_LINES: usize = 20;
/// Seams remembered, so that wrapping consecutive pieces finds each seam once.
const SEAMS: usize = 4;

/// An unbreakable piece of text with the width of the gap that follows it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Frag {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) width: usize,
    /// Columns of the gap after this piece when the line does not break there.
    pub(super) gap: usize,
    /// A piece of a word broken by hyphenation: a line ending after it draws a hyphen
    /// (one more column).
    pub(super) hyphen: bool,
}

impl Frag {
    /// Columns a line ending after this piece needs past its width: its drawn hyphen.
    pub(super) fn pen(&self) -> usize {
        usize::from(self.hyphen)
    }
}

/// Wraps blocks; keeps its scratch buffers between calls so that wrapping a whole book
/// (for `--print`) allocates little.
#[derive(Debug, Default)]
pub struct Wrapper {
    frags: Vec<Frag>,
    tail: Vec<Frag>,
    breaks: Vec<Range<usize>>,
    source: Vec<VerseLine>,
    /// Recent seams, the last [`SEAMS`] found.
    seams: Vec<Seam>,
    /// Emphasis markers are hidden (see [`super::emphasis`]): lines are measured without
    /// them. Off for `--print`, which keeps the text as it was.
    pub emphasis: bool,
    /// The hidden markers of the block being wrapped (and of the piece before it), in
    /// order.
    marks: Vec<usize>,
    /// Words broken at hyphenation points (see [`super::hyphen`]).
    hyphenate: bool,
    /// Whose patterns (see [`super::language`]).
    language: Language,
    /// The language of the document last wrapped with hyphenation on, by its key: found
    /// (guessed, for `auto`) when its first paragraph is hyphenated.
    found: Option<((usize, usize, usize), Option<Lang>)>,
    /// The language of the block being wrapped, when it is hyphenated.
    now: Option<Lang>,
    /// Paragraphs indented, with no blank line between two of them.
    indent: bool,
    /// Paragraphs broken with optimal fit (see [`super::optimal`]).
    optimal: bool,
}

/// Where the lines of block `index` of the document keyed `doc` start at `width`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seam {
    doc: (usize, usize, usize),
    width: usize,
    index: usize,
    at: usize,
}

/// Whether block `index` is followed by a blank spacer line: not after the last block, and
/// not when the next block continues this one (a long block cut by the document, so that
/// no line break lies between them), nor between a heading and its underline.
pub fn has_spacer(doc: &Document, index: usize) -> bool {
    let blocks = doc.blocks();
    match (blocks.get(index), blocks.get(index + 1)) {
        // A heading's underline (`Installing` over `----------`) stays under it.
        (Some(this), Some(_))
            if this.kind == BlockKind::Heading
                && heading::is_underlined(doc.text(), blocks, index) =>
        {
            false
        }
        (Some(this), Some(next)) => doc
            .text()
            .get(this.end()..next.start())
            .is_none_or(|between| between.contains('\n')),
        _ => false,
    }
}

/// Whether block `index` is the next piece of the same paragraph (or heading) as block
/// `index - 1`: no line break between them (see `document::blocks::split`), the same kind,
/// and not verse (verse pieces are cut at line ends and need no joining).
///
/// Such a block is laid out as if the cut were not there. Its lines start at the *seam*:
/// where the last line of the previous piece starts when that piece is wrapped on its
/// own; the previous piece's lines stop there. So each piece shows the text from its seam
/// to the next seam, no word lost or shown twice, and costs splitting two pieces into
/// words (one when read in order) whatever the paragraph's length. First-fit runs from two
/// starts usually meet within a piece, and then the line before a seam is the line the
/// whole paragraph would have had: on two novels run together into one line, every cut
/// met at 20 to 72 columns but two in 48, and most did not at 80 and wider. When they have
/// not met (always in unbroken CJK, where every line holds the same number of equal
/// cells), the last twenty lines before the seam are evened out, so that none
/// is left short (a few columns shorter than first-fit would make them).
pub fn is_joined(doc: &Document, index: usize) -> bool {
    let blocks = doc.blocks();
    match (
        index.checked_sub(1).and_then(|i| blocks.get(i)),
        blocks.get(index),
    ) {
        (Some(prev), Some(this)) => {
            prev.kind == this.kind
                && this.kind != BlockKind::Verse
                && doc
                    .text()
                    .get(prev.end()..this.start())
                    .is_some_and(|between| !between.contains('\n'))
        }
        _ => false,
    }
}

fn doc_key(doc: &Document) -> (usize, usize, usize) {
    (
        doc.text().as_ptr() as usize,
        doc.text().len(),
        doc.blocks().len(),
    )
}

impl Wrapper {
    /// Hides emphasis markers (or shows them again) in the lines wrapped from now on.
    pub fn set_emphasis(&mut self, on: bool) {
        if self.emphasis != on {
            self.emphasis = on;
            // Seams found with the markers measured (or not) are another layout's.
            self.seams.clear();
        }
    }

    /// Hyphenates (or not) and indents paragraphs (or spaces them) in the lines wrapped
    /// from now on; justification is not the wrapper's business (see [`super::spread`]).
    pub fn set_typography(&mut self, typography: Typography) {
        let mine = Typography {
            hyphenate: self.hyphenate,
            language: self.language,
            indent: self.indent,
            optimal: self.optimal,
            justify: false,
        };
        if !mine.breaks_lines_as(typography) {
            (self.hyphenate, self.indent, self.optimal) =
                (typography.hyphenate, typography.indent, typography.optimal);
            if self.language != typography.language {
                self.language = typography.language;
                self.found = None;
            }
            self.seams.clear();
        }
    }

    /// The language `doc` is hyphenated in, when hyphenation is on: found once per
    /// document (the guess reads a sample of it).
    pub fn hyphenation(&mut self, doc: &Document) -> Option<Lang> {
        if !self.hyphenate {
            return None;
        }
        let key = doc_key(doc);
        match self.found {
            Some((k, lang)) if k == key => lang,
            _ => {
                let lang = self.language.for_document(doc);
                self.found = Some((key, lang));
                lang
            }
        }
    }

    /// Appends the lines of block `index` at `width` to `out`: at least one line, and the
    /// spacer when [`has_spacer`]. Nothing for a block index out of range.
    pub fn wrap_block(
        &mut self,
        doc: &Document,
        index: usize,
        width: u16,
        out: &mut Vec<ScreenLine>,
    ) {
        let Some(block) = doc.blocks().get(index) else {
            return;
        };
        let text = doc.text();
        let end = block.end().min(text.len());
        let range = block.start().min(end)..end;
        if text.get(range.clone()).is_none() {
            return;
        }
        let width = usize::from(width.max(1));
        let before = out.len();
        // Only prose paragraphs: a heading is set whole, as in a book, and verse keeps
        // the author's lines.
        self.now = match block.kind {
            BlockKind::Paragraph => self.hyphenation(doc),
            _ => None,
        };
        self.marks.clear();
        if self.emphasis && block.kind != BlockKind::SceneBreak {
            let blocks = doc.blocks();
            let joined = is_joined(doc, index).then(|| index - 1);
            for b in joined.into_iter().chain([index]) {
                let found = super::emphasis::markers(text, blocks[b].range());
                self.marks.extend(found.iter().map(|m| m.at));
            }
        }
        let style = match block.kind {
            BlockKind::Paragraph => LineStyle::Text,
            BlockKind::Heading => LineStyle::Heading,
            BlockKind::SceneBreak => LineStyle::SceneBreak,
            BlockKind::Verse => {
                self.verse(text, range.clone(), width, out);
                LineStyle::Text
            }
        };
        if block.kind != BlockKind::Verse {
            self.prose_block(doc, index, range, width, style, out);
        }
        let spaced = has_spacer(doc, index) && !(self.indent && runs_on(doc, index));
        if spaced || out.len() == before {
            out.push(ScreenLine {
                range: end..end,
                style: LineStyle::Blank,
                indent: 0,
                width: 0,
                verbatim: false,
                end: LineEnd::Last,
            });
        }
    }

    /// The lines of a prose block: of its own text, or, for a piece of a long paragraph,
    /// from its seam to the next (see [`is_joined`]).
    fn prose_block(
        &mut self,
        doc: &Document,
        index: usize,
        range: Range<usize>,
        width: usize,
        style: LineStyle,
        out: &mut Vec<ScreenLine>,
    ) {
        let text = doc.text();
        let indent = first_indent(doc, index, width, self.indent);
        let (joined, continued) = (is_joined(doc, index), is_joined(doc, index + 1));
        self.frags.clear();
        if !joined && !continued {
            // A list item keeps the hang its author gave it, under its text wherever the
            // first line starts (indented, in the indented-paragraph style).
            let hang = match style {
                LineStyle::Text => super::hang::of_paragraph(&text[range.clone()]).min(width / 2),
                _ => 0,
            };
            let hang = match hang {
                0 => 0,
                hang => (hang + indent).min(width / 2),
            };
            self.push_words(text, range, false, width - hang);
            // Optimal fit for a paragraph of its own; a long one (cut into pieces by the
            // document, or with too many words) keeps first fit.
            let optimal = self.optimal && style == LineStyle::Text && hang == 0;
            if !(optimal && super::optimal::emit(&self.frags, width, indent, out)) {
                emit(&self.frags, width, indent, hang, style, false, out);
            }
            return;
        }
        // The end of the previous piece from the seam, then this piece's own fragments,
        // which also give the next seam: each piece is split into words once.
        let start = if joined {
            let prev_end = doc.blocks()[index - 1].end();
            let seam = self.seam(doc, index, width);
            if seam < prev_end {
                self.push_words(text, seam..prev_end, false, width);
            }
            if let Some(last) = self.frags.last_mut() {
                last.gap = usize::from(prev_end < range.start);
            }
            seam
        } else {
            range.start
        };
        let own = self.frags.len();
        self.push_words(text, range.clone(), false, width);
        // Before any gluing below, so that the seam is what `seam` finds from this piece.
        let next_seam = continued.then(|| {
            let single = doc.blocks()[index + 1].start();
            let at = last_line_start(&self.frags[own..], width, indent, single);
            self.remember(doc, index + 1, width, at);
            at
        });
        if own > 0 && own < self.frags.len() {
            let (left, right) = (self.frags[own - 1], self.frags[own]);
            let glued = left.width + left.gap + right.width;
            if glued <= width && is_kept_together(&text[..left.end], &text[right.start..]) {
                self.frags[own - 1] = Frag {
                    start: left.start,
                    end: right.end,
                    width: glued,
                    gap: right.gap,
                    hyphen: right.hyphen,
                };
                self.frags.remove(own);
            }
        }
        self.prose(text, start, next_seam, width, indent, style, out);
    }

    /// Where the lines of block `index` (joined to the block before) start: the start of
    /// the last line of the previous block wrapped on its own, or this block's start when
    /// that is a single line.
    fn seam(&mut self, doc: &Document, index: usize, width: usize) -> usize {
        let key = doc_key(doc);
        if let Some(seam) = self
            .seams
            .iter()
            .find(|s| s.doc == key && s.width == width && s.index == index)
        {
            return seam.at;
        }
        let blocks = doc.blocks();
        let (prev, this) = (&blocks[index - 1], &blocks[index]);
        let mut tail = std::mem::take(&mut self.tail);
        tail.clear();
        self.push_words_into(doc.text(), prev.range(), false, width, &mut tail);
        self.tail = tail;
        let indent = first_indent(doc, index - 1, width, self.indent);
        let at = last_line_start(&self.tail, width, indent, this.start());
        self.remember(doc, index, width, at);
        at
    }

    fn remember(&mut self, doc: &Document, index: usize, width: usize, at: usize) {
        if self.seams.len() >= SEAMS {
            self.seams.remove(0);
        }
        self.seams.push(Seam {
            doc: doc_key(doc),
            width,
            index,
            at,
        });
    }

    /// Lines of the fragments in `self.frags`, which start at `start`; when `seam` is
    /// given, only those before it (the next piece of the paragraph starts there), the
    /// last few evened out when the seam does not fall at a line start.
    #[allow(clippy::too_many_arguments)]
    fn prose(
        &mut self,
        text: &str,
        start: usize,
        seam: Option<usize>,
        width: usize,
        indent: usize,
        style: LineStyle,
        out: &mut Vec<ScreenLine>,
    ) {
        let Some(seam) = seam else {
            emit(&self.frags, width, indent, 0, style, false, out);
            return;
        };
        let frags = &self.frags;
        let breaks = &mut self.breaks;
        breaks.clear();
        let mut met = false;
        first_fit(frags, width - indent, width, |line| {
            let start = frags[line.start].start;
            if start >= seam {
                met = start == seam;
                return false;
            }
            breaks.push(line);
            true
        });
        // A paragraph's first piece (the only one with an indent) always meets its seam:
        // its lines are its own wrap. So evening out never meets an indented line.
        let kept = if met {
            breaks.len()
        } else {
            breaks.len().saturating_sub(1 + BALANCE_LINES)
        };
        for (n, line) in breaks[..kept].iter().enumerate() {
            let indent = if n == 0 { indent } else { 0 };
            out.push(line_of(&frags[line.clone()], indent, style, false));
        }
        if met {
            return;
        }
        // Even out the lines from `from` to the seam: as many of them as there were.
        let from = breaks.get(kept).map_or(start, |l| frags[l.start].start);
        let mut tail = std::mem::take(&mut self.tail);
        tail.clear();
        self.push_words_into(text, from..seam, false, width, &mut tail);
        self.tail = tail;
        balance(&self.tail, width, &mut self.breaks);
        for line in &self.breaks {
            out.push(line_of(&self.tail[line.clone()], 0, style, false));
        }
    }

    /// [`push_words`] into `self.frags`, with this wrapper's hidden markers and
    /// hyphenation.
    fn push_words(&mut self, text: &str, range: Range<usize>, verbatim: bool, max: usize) {
        let mut frags = std::mem::take(&mut self.frags);
        self.push_words_into(text, range, verbatim, max, &mut frags);
        self.frags = frags;
    }

    fn push_words_into(
        &self,
        text: &str,
        range: Range<usize>,
        verbatim: bool,
        max: usize,
        out: &mut Vec<Frag>,
    ) {
        // Never in verse, whose lines are the author's.
        let hyphenate = self.now.filter(|_| !verbatim);
        push_words(text, range, verbatim, max, &self.marks, hyphenate, out);
    }

    fn verse(&mut self, text: &str, range: Range<usize>, width: usize, out: &mut Vec<ScreenLine>) {
        self.source.clear();
        self.source.extend(verse::lines(text, range));
        let written = self.source.iter().filter(|l| l.start < l.end);
        let min_indent = written.map(|l| l.indent).min().unwrap_or(0);
        let cap = width / 2;
        let placed = super::placed::verse(&self.source, min_indent, width);
        let mut i = self
            .source
            .iter()
            .position(|l| l.start < l.end)
            .unwrap_or(0);
        while i < self.source.len() {
            let head = self.source[i];
            if head.start == head.end {
                out.push(ScreenLine {
                    range: head.start..head.start,
                    style: LineStyle::Text,
                    indent: 0,
                    width: 0,
                    verbatim: true,
                    end: LineEnd::Last,
                });
                i += 1;
                continue;
            }
            let mut last = i;
            while self.source.get(last + 1).is_some_and(|l| l.continues) {
                last += 1;
            }
            let indent = match placed {
                0 => (head.indent - min_indent).min(cap),
                _ => placed + head.indent - min_indent,
            };
            let hang = super::hang::verse_continuation(text, &head, self.source.get(i + 1));
            let cont = (indent + hang).min(cap);
            let end = self.source[last].end;
            let mut frags = std::mem::take(&mut self.frags);
            frags.clear();
            self.push_words_into(text, head.start..end, true, width - cont, &mut frags);
            self.frags = frags;
            emit(&self.frags, width, indent, cont, LineStyle::Text, true, out);
            i = last + 1;
        }
    }
}

/// The start of the last line of `frags` wrapped from their start (the first line
/// `indent` narrower), or `single` when they make one line.
fn last_line_start(frags: &[Frag], width: usize, indent: usize, single: usize) -> usize {
    let mut last = None;
    let mut lines = 0;
    first_fit(frags, width - indent, width, |line| {
        lines += 1;
        last = Some(line.start);
        true
    });
    match last {
        Some(i) if lines >= 2 => frags[i].start,
        _ => single,
    }
}

/// The first-line indent of block `index`: a paragraph's leading ideographic spaces (the
/// Japanese paragraph indent), two columns each, at most half the width; none for the
/// later pieces of a long paragraph. When paragraphs are indented (`indented`), at least
/// [`PARAGRAPH_INDENT`] for a paragraph that follows another, as in a printed book (the
/// first after a heading, a scene break or verse starts flush). A line set far to the
/// right keeps its place (see [`super::placed`]).
pub(super) fn first_indent(doc: &Document, index: usize, width: usize, indented: bool) -> usize {
    let Some(block) = doc.blocks().get(index) else {
        return 0;
    };
    if block.kind != BlockKind::Paragraph || is_joined(doc, index) {
        return 0;
    }
    let text = doc.text().get(block.range()).unwrap_or("");
    let placed = super::placed::paragraph(text, width);
    if placed > 0 {
        return placed;
    }
    let spaces = text.chars().take_while(|&c| c == '\u{3000}').count();
    let follows = index > 0 && runs_on(doc, index - 1);
    let book = if indented && follows {
        PARAGRAPH_INDENT
    } else {
        0
    };
    (spaces * 2).max(book).min(width / 2)
}

/// Whether block `index` is a paragraph followed by another paragraph: no blank line
/// between them when paragraphs are indented.
pub(super) fn runs_on(doc: &Document, index: usize) -> bool {
    let blocks = doc.blocks();
    let kind = |i: usize| blocks.get(i).map(|b| b.kind);
    kind(index) == Some(BlockKind::Paragraph) && kind(index + 1) == Some(BlockKind::Paragraph)
}

/// Turns fragments into lines: the first `width - indent` wide, the rest `width - cont`.
fn emit(
    frags: &[Frag],
    width: usize,
    indent: usize,
    cont: usize,
    style: LineStyle,
    verbatim: bool,
    out: &mut Vec<ScreenLine>,
) {
    let mut first = true;
    first_fit(frags, width - indent, width - cont, |line| {
        let indent = if std::mem::take(&mut first) {
            indent
        } else {
            cont
        };
        out.push(line_of(&frags[line], indent, style, verbatim));
        true
    });
    if let Some(last) = out.last_mut() {
        last.end = LineEnd::Last;
    }
}

/// The line showing `frags` (at least one), its paragraph running on after it.
pub(super) fn line_of(
    frags: &[Frag],
    indent: usize,
    style: LineStyle,
    verbatim: bool,
) -> ScreenLine {
    let (first, last) = (&frags[0], &frags[frags.len() - 1]);
    let gaps: usize = frags[..frags.len() - 1].iter().map(|f| f.gap).sum();
    let shown: usize = frags.iter().map(|f| f.width).sum::<usize>() + gaps + last.pen();
    ScreenLine {
        range: first.start..last.end,
        style,
        indent: to_u16(indent),
        width: to_u16(shown),
        verbatim,
        end: if last.hyphen {
            LineEnd::Hyphen
        } else {
            LineEnd::Soft
        },
    }
}

/// First-fit line breaking, as textwrap's `wrap_first_fit` does it: a line takes fragments
/// while they fit (each but the first on a line after the previous one's gap), the first
/// line `first` columns wide and the others `rest`; a line ending inside a hyphenated word
/// makes room for its hyphen. Calls `line` with each line's range of
/// fragment indices, in order, until it returns `false`.
fn first_fit(
    frags: &[Frag],
    first: usize,
    rest: usize,
    mut line: impl FnMut(Range<usize>) -> bool,
) {
    if frags.is_empty() {
        return;
    }
    let mut start = 0;
    let mut used = 0;
    let mut limit = first;
    for (i, f) in frags.iter().enumerate() {
        if used + f.width + f.pen() > limit && i > start {
            if !line(start..i) {
                return;
            }
            start = i;
            used = 0;
            limit = rest;
        }
        used += f.width + f.gap;
    }
    line(start..frags.len());
}

/// Breaks `frags` into as few lines at most `width` wide as first-fit would (a fragment
/// wider than that alone on its line), and of those layouts the least ragged: the least
/// sum of the squares of each line's unused columns, the last line's included. Writes the
/// lines' fragment ranges to `out`. Linear in fragments times fragments per line.
fn balance(frags: &[Frag], width: usize, out: &mut Vec<Range<usize>>) {
    out.clear();
    let n = frags.len();
    // best[i]: (lines, raggedness) of the best layout of the first `i` fragments, compared
    // lines first; from[i]: where its last line starts.
    let mut best = vec![(usize::MAX, u64::MAX); n + 1];
    let mut from = vec![0usize; n + 1];
    best[0] = (0, 0);
    for i in 1..=n {
        let mut w = frags[i - 1].width;
        let mut k = i - 1;
        loop {
            if w + frags[i - 1].pen() > width && k + 1 < i {
                break;
            }
            let (lines, ragged) = best[k];
            if lines != usize::MAX {
                let slack = width.saturating_sub(w + frags[i - 1].pen()) as u64;
                let c = (lines + 1, ragged.saturating_add(slack * slack));
                if c < best[i] {
                    best[i] = c;
                    from[i] = k;
                }
            }
            if k == 0 {
                break;
            }
            k -= 1;
            w += frags[k].width + frags[k].gap;
        }
    }
    let mut i = n;
    while i > 0 {
        let k = from[i];
        out.push(k..i);
        i = k;
    }
    out.reverse();
}

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

mod frags;
#[cfg(test)]
pub(super) use frags::is_plain_word;
use frags::push_words;
