//! Wrapping one block at one width into [`Line`]s, with no caching.
//!
//! Words are found by our own byte scan ([`Tokens`]); only tokens that are not plain ASCII
//! words go through Unicode line breaking (textwrap's `UnicodeBreakProperties`), because
//! running it over every byte is what makes wrapping a whole book slow. The line breaking
//! itself is textwrap's first-fit over our own [`Frag`]ments, which carry byte ranges so
//! that lines stay ranges into the text.

use super::tokens::Tokens;
use super::width::{grapheme_width, is_cjk_join, str_width};
use super::{Line, LineStyle};
use crate::document::verse::{self, VerseLine};
use crate::document::{BlockKind, Document};
use std::ops::Range;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use textwrap::WordSeparator;
use unicode_segmentation::UnicodeSegmentation;

/// Extra indentation of the continuation lines of a wrapped verse line.
const VERSE_CONTINUATION: usize = 2;

/// An unbreakable piece of text with the width of the gap that follows it.
#[derive(Debug, Clone, Copy)]
struct Frag {
    start: usize,
    end: usize,
    width: usize,
    /// Columns of the gap after this piece when the line does not break there.
    gap: usize,
}

impl Fragment for Frag {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.gap as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Wraps blocks; keeps its scratch buffers between calls so that wrapping a whole book
/// (for `--print`) allocates little.
#[derive(Debug, Default)]
pub struct Wrapper {
    frags: Vec<Frag>,
    source: Vec<VerseLine>,
}

/// Whether block `index` is followed by a blank spacer line: not after the last block, and
/// not when the next block continues this one (a long block split mid-line by the
/// document, so that no line break lies between them).
pub fn has_spacer(doc: &Document, index: usize) -> bool {
    let blocks = doc.blocks();
    match (blocks.get(index), blocks.get(index + 1)) {
        (Some(this), Some(next)) => doc
            .text()
            .get(this.range.end..next.range.start)
            .is_none_or(|between| between.contains('\n')),
        _ => false,
    }
}

impl Wrapper {
    /// Appends the lines of block `index` at `width` to `out`: at least one line, and the
    /// spacer when [`has_spacer`]. Nothing for a block index out of range.
    pub fn wrap_block(&mut self, doc: &Document, index: usize, width: u16, out: &mut Vec<Line>) {
        let Some(block) = doc.blocks().get(index) else {
            return;
        };
        let text = doc.text();
        let end = block.range.end.min(text.len());
        let range = block.range.start.min(end)..end;
        if text.get(range.clone()).is_none() {
            return;
        }
        let width = usize::from(width.max(1));
        let before = out.len();
        match block.kind {
            BlockKind::Paragraph => self.prose(text, range, width, LineStyle::Text, out),
            BlockKind::Heading => self.prose(text, range, width, LineStyle::Heading, out),
            BlockKind::SceneBreak => self.prose(text, range, width, LineStyle::SceneBreak, out),
            BlockKind::Verse => self.verse(text, range, width, out),
        }
        if has_spacer(doc, index) || out.len() == before {
            out.push(Line {
                range: end..end,
                style: LineStyle::Blank,
                indent: 0,
                width: 0,
                verbatim: false,
            });
        }
    }

    fn prose(
        &mut self,
        text: &str,
        range: Range<usize>,
        width: usize,
        style: LineStyle,
        out: &mut Vec<Line>,
    ) {
        self.frags.clear();
        push_words(text, range, false, width, &mut self.frags);
        emit(&self.frags, width, 0, 0, style, false, out);
    }

    fn verse(&mut self, text: &str, range: Range<usize>, width: usize, out: &mut Vec<Line>) {
        self.source.clear();
        self.source.extend(verse::lines(text, range));
        let written = self.source.iter().filter(|l| l.start < l.end);
        let min_indent = written.map(|l| l.indent).min().unwrap_or(0);
        let cap = width / 2;
        let mut i = self
            .source
            .iter()
            .position(|l| l.start < l.end)
            .unwrap_or(0);
        while i < self.source.len() {
            let head = self.source[i];
            if head.start == head.end {
                out.push(Line {
                    range: head.start..head.start,
                    style: LineStyle::Text,
                    indent: 0,
                    width: 0,
                    verbatim: true,
                });
                i += 1;
                continue;
            }
            let mut last = i;
            while self.source.get(last + 1).is_some_and(|l| l.continues) {
                last += 1;
            }
            let indent = (head.indent - min_indent).min(cap);
            let cont = (indent + VERSE_CONTINUATION).min(cap);
            self.frags.clear();
            let end = self.source[last].end;
            push_words(text, head.start..end, true, width - cont, &mut self.frags);
            emit(&self.frags, width, indent, cont, LineStyle::Text, true, out);
            i = last + 1;
        }
    }
}

/// Turns fragments into lines: the first `width - indent` wide, the rest `width - cont`.
fn emit(
    frags: &[Frag],
    width: usize,
    indent: usize,
    cont: usize,
    style: LineStyle,
    verbatim: bool,
    out: &mut Vec<Line>,
) {
    if frags.is_empty() {
        return;
    }
    let widths = [(width - indent) as f64, (width - cont) as f64];
    for (n, line) in wrap_first_fit(frags, &widths).into_iter().enumerate() {
        let (Some(first), Some(last)) = (line.first(), line.last()) else {
            continue;
        };
        let gaps: usize = line[..line.len() - 1].iter().map(|f| f.gap).sum();
        let shown: usize = line.iter().map(|f| f.width).sum::<usize>() + gaps;
        out.push(Line {
            range: first.start..last.end,
            style,
            indent: to_u16(if n == 0 { indent } else { cont }),
            width: to_u16(shown),
            verbatim,
        });
    }
}

fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// Pushes the fragments of the words in `text[range]`; `max` is the narrowest line width,
/// which no fragment may exceed unless it is one grapheme.
fn push_words(text: &str, range: Range<usize>, verbatim: bool, max: usize, out: &mut Vec<Frag>) {
    let base = range.start;
    let s = &text[range];
    let mut prev: Option<(usize, usize)> = None;
    for (start, end) in Tokens::new(s) {
        if let Some((ps, pe)) = prev {
            let gap_text = &s[pe..start];
            let gap = if verbatim {
                if gap_text.contains('\n') {
                    1
                } else {
                    str_width(gap_text)
                }
            } else if is_cjk_join(&s[..pe], gap_text, &s[start..]) {
                0
            } else {
                1
            };
            push_token(text, base + ps, base + pe, gap, max, out);
        }
        prev = Some((start, end));
    }
    if let Some((ps, pe)) = prev {
        push_token(text, base + ps, base + pe, 0, max, out);
    }
}

/// Whether an ASCII token has no line-break opportunity inside under the Unicode rules
/// (as textwrap applies them: no break after a hyphen), checked in the tests.
fn is_plain_word(token: &str) -> bool {
    token
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b".,;:'\"-)".contains(&b))
}

/// Pushes the fragments of one whitespace-free token, split at its Unicode line-break
/// opportunities (between CJK characters, after dashes and the like).
fn push_token(text: &str, start: usize, end: usize, gap: usize, max: usize, out: &mut Vec<Frag>) {
    let token = &text[start..end];
    if is_plain_word(token) {
        push_piece(text, start, end, token.len(), gap, max, out);
        return;
    }
    let mut pos = start;
    for word in WordSeparator::UnicodeBreakProperties.find_words(token) {
        let len = word.word.len() + word.whitespace.len() + word.penalty.len();
        let piece_end = (pos + len).min(end);
        if piece_end > pos {
            let last = piece_end == end;
            let w = str_width(&text[pos..piece_end]);
            push_piece(
                text,
                pos,
                piece_end,
                w,
                if last { gap } else { 0 },
                max,
                out,
            );
        }
        pos = piece_end;
    }
    if pos < end {
        let w = str_width(&text[pos..end]);
        push_piece(text, pos, end, w, gap, max, out);
    }
}

/// Pushes one unbreakable piece, or, when it is wider than `max`, its grapheme clusters
/// grouped into pieces at most `max` wide (a single cluster may be wider).
fn push_piece(
    text: &str,
    start: usize,
    end: usize,
    width: usize,
    gap: usize,
    max: usize,
    out: &mut Vec<Frag>,
) {
    if width <= max {
        out.push(Frag {
            start,
            end,
            width,
            gap,
        });
        return;
    }
    let mut from = start;
    let mut sum = 0;
    for (i, g) in text[start..end].grapheme_indices(true) {
        let w = grapheme_width(g);
        let at = start + i;
        if sum + w > max && at > from {
            out.push(Frag {
                start: from,
                end: at,
                width: sum,
                gap: 0,
            });
            from = at;
            sum = 0;
        }
        sum += w;
    }
    out.push(Frag {
        start: from,
        end,
        width: sum,
        gap,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path must agree with the Unicode rules it skips.
    #[test]
    fn plain_words_have_no_break_opportunity() {
        let alphabet = "aZ9.,;:'\"-)";
        let chars: Vec<char> = alphabet.chars().collect();
        // Every token of four characters from the alphabet: the rules look at pairs and
        // short runs, so this covers each context they can see.
        let n = chars.len();
        for code in 0..n.pow(4) {
            let token: String = (0..4).map(|k| chars[code / n.pow(k) % n]).collect();
            let pieces = WordSeparator::UnicodeBreakProperties
                .find_words(&token)
                .count();
            assert_eq!(pieces, 1, "{token:?} breaks inside");
        }
    }
}
