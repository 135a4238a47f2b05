//! The common case of printing a book, drawn in one pass: a block of its own (not a
//! piece of a long paragraph), broken first fit, not hyphenated; a paragraph also neither
//! justified nor broken with optimal fit.
//!
//! [`super::Wrapper`] splits a block into fragments, breaks them into [`super::Line`]s
//! and [`super::Line::push_display`] splits each line into words again to draw it. Here
//! each word is looked at once and written straight after the previous one, which is most
//! of the time `--print` takes. Whatever this path is not sure to draw exactly as the
//! general one (a word wider than the column, a pair of words a line may not break
//! between, breakable whitespace that is not ASCII) sends the block back to the general
//! path, so the output never differs (checked by property tests against it).

use super::classes::{is_kept_together, is_tight_join};
use super::wrap::{first_indent, has_spacer, is_joined, runs_on};
use super::Typography;
use crate::document::{verse, BlockKind, Document};
use crate::text_width::str_width;
use std::ops::Range;
use textwrap::WordSeparator;
use words::{
    is_exclaimed, is_plain_ascii, narrow_plain_width, one_piece_ascii, skip_ascii_word, spaced_run,
    CLASS, OTHER, PLAIN, SPACE, WIDE,
};

mod liner;
mod words;

use liner::Liner;

/// Appends what `--print` draws for block `index` of `doc` at `width` columns (its lines,
/// each ended by `\n`, and its blank spacer line) to `out`, and returns `true`; or
/// returns `false` with `out` untouched when the block needs the general path.
pub fn push_plain_block(
    doc: &Document,
    index: usize,
    width: u16,
    typography: Typography,
    out: &mut String,
) -> bool {
    let Some(block) = doc.blocks().get(index) else {
        return false;
    };
    let width = usize::from(width.max(1));
    let before = out.len();
    let done = match block.kind {
        BlockKind::Verse => push_verse(doc.text(), block.range(), width, out),
        _ => push_prose(doc, index, width, typography, out),
    };
    if !done {
        out.truncate(before);
        return false;
    }
    if has_spacer(doc, index) && !(typography.indent && runs_on(doc, index)) {
        out.push('\n');
    }
    true
}

/// The lines of a verse block: each of the author's lines (with the lines that hang from
/// it) wrapped on its own, indented as written, its continuation lines deeper.
fn push_verse(text: &str, range: Range<usize>, width: usize, out: &mut String) -> bool {
    if text.get(range.clone()).is_none() {
        return false;
    }
    let lines = verse::lines(text, range);
    let Some(first) = lines.iter().position(|l| l.start < l.end) else {
        return false;
    };
    let min_indent = lines[first..]
        .iter()
        .filter(|l| l.start < l.end)
        .map(|l| l.indent)
        .min()
        .unwrap_or(0);
    let cap = width / 2;
    let placed = super::placed::verse(&lines, min_indent, width);
    let mut i = first;
    while i < lines.len() {
        let head = lines[i];
        if head.start == head.end {
            out.push('\n');
            i += 1;
            continue;
        }
        let mut last = i;
        while lines.get(last + 1).is_some_and(|l| l.continues) {
            last += 1;
        }
        let indent = match placed {
            0 => (head.indent - min_indent).min(cap),
            _ => placed + head.indent - min_indent,
        };
        let shown = &text[head.start..lines[last].end];
        // Most lines fit as written (a line alone is `head`: its width is measured).
        match head.narrow.then_some(head.width) {
            Some(w) if last == i && w <= width - indent => {
                out.extend(std::iter::repeat_n(' ', indent));
                out.push_str(shown.trim_end_matches(|c: char| c.is_ascii_whitespace()));
                out.push('\n');
            }
            _ => {
                let hang = super::hang::verse_continuation(text, &head, lines.get(i + 1));
                let cont = (indent + hang).min(cap);
                let set = Set {
                    width,
                    indent,
                    cont,
                    max: width - cont,
                    verbatim: true,
                    centre: false,
                };
                if !push_lines(shown, set, out) {
                    return false;
                }
            }
        }
        i = last + 1;
    }
    true
}

/// A paragraph, heading or scene break of its own (not a piece of a long one), not
/// hyphenated; a paragraph also neither justified nor broken with optimal fit.
fn push_prose(
    doc: &Document,
    index: usize,
    width: usize,
    typography: Typography,
    out: &mut String,
) -> bool {
    let Some(block) = doc.blocks().get(index) else {
        return false;
    };
    let paragraph = block.kind == BlockKind::Paragraph;
    if typography.hyphenate
        || (paragraph && (typography.justify || typography.optimal))
        || is_joined(doc, index)
        || is_joined(doc, index + 1)
    {
        return false;
    }
    let Some(s) = doc.text().get(block.range()) else {
        return false;
    };
    if paragraph && super::hang::of_paragraph(s) > 0 {
        return false;
    }
    let set = Set {
        width,
        indent: first_indent(doc, index, width, typography.indent),
        cont: 0,
        max: width,
        verbatim: false,
        centre: !paragraph,
    };
    push_lines(s, set, out)
}

/// How [`push_lines`] sets its lines.
#[derive(Clone, Copy)]
pub(super) struct Set {
    /// The column's width.
    pub(super) width: usize,
    /// Columns before the first line, and before the others.
    pub(super) indent: usize,
    pub(super) cont: usize,
    /// The widest piece that is not cut (the narrowest line).
    pub(super) max: usize,
    /// Whitespace kept as written but at line breaks (verse); otherwise one space.
    pub(super) verbatim: bool,
    /// Lines centred (headings, scene breaks) rather than indented.
    pub(super) centre: bool,
}

/// The lines of `s` (at least one word) set as `set` says, first fit, each ended by
/// `\n`. `false` when `s` needs the general path (`out` then holds a part of them).
fn push_lines(s: &str, set: Set, out: &mut String) -> bool {
    let bytes = s.as_bytes();
    let len = bytes.len();
    let mut i = 0;
    // The previous word's range, and whether the whitespace since it holds a line break;
    // and whether that word was placed whole (not cut into pieces).
    let mut prev: Option<(usize, usize)> = None;
    let mut newline = false;
    let mut prev_whole = true;
    let mut line = Liner::new(s, set, out);
    loop {
        // Whitespace.
        while i < len {
            match CLASS[usize::from(bytes[i])] {
                SPACE => {
                    newline |= bytes[i] == b'\n';
                    i += 1;
                }
                // Breakable whitespace that is not ASCII (an ideographic space, a line
                // separator) is rare: the general path knows it.
                WIDE if s[i..].chars().next().is_some_and(super::classes::is_space) => {
                    return false
                }
                _ => break,
            }
        }
        if i >= len {
            break;
        }
        // A word: ASCII bytes eight at a time (nearly all of a book), then byte by byte.
        let start = i;
        let mut ascii = true;
        loop {
            i = skip_ascii_word(bytes, i);
            if i >= len {
                break;
            }
            match CLASS[usize::from(bytes[i])] {
                PLAIN | OTHER => i += 1,
                SPACE => break,
                _ => {
                    let c = s[i..].chars().next().unwrap_or(' ');
                    if super::classes::is_space(c) {
                        return false;
                    }
                    ascii = false;
                    i += c.len_utf8();
                }
            }
        }
        let word = &s[start..i];
        // The gap before it: its columns, and what is drawn when no line breaks there.
        let (gap, sep) = match prev {
            None => (0, ""),
            Some((ps, pe)) => {
                if is_kept_together(&s[ps..pe], word) {
                    return false;
                }
                let between = &s[pe..start];
                if newline && is_tight_join(&s[..pe], between, word) {
                    // After a word cut into pieces, the general path sees only the last
                    // piece (a line may start there) and may not join: it decides.
                    if !prev_whole {
                        return false;
                    }
                    (0, "")
                } else if set.verbatim && !newline {
                    (between.len(), between)
                } else {
                    (1, " ")
                }
            }
        };
        let plain = match ascii {
            true => is_plain_ascii(word).then_some(word.len()),
            false => narrow_plain_width(word),
        };
        // A word that ends in `!` or `?` ("Hello!", "What?!") is one piece too (no line
        // may start with either), as wide as it is long; the words after it are not run
        // together with it (the next is checked against it one by one).
        let exclaimed = (plain.is_none() && ascii && is_exclaimed(word)).then_some(word.len());
        if let Some(w) = exclaimed {
            if !line.place(start..i, w, gap, sep, out) {
                return false;
            }
        } else if let Some(w) = plain {
            if !line.place(start..i, w, gap, sep, out) {
                return false;
            }
            // The plain ASCII words that follow one space apart (most of a line of a
            // book) are placed as one run, with no look at each.
            // (Not where a first line is wider than the narrowest: a word may be too.)
            if bytes.get(i) == Some(&b' ') && set.width - set.indent <= set.max {
                let end = spaced_run(bytes, i);
                if end > i {
                    if !line.place_spaced(i, end, out) {
                        return false;
                    }
                    // The last space is one word back: a plain loop finds it sooner than a call.
                    let last = bytes[i..end]
                        .iter()
                        .rposition(|&b| b == b' ')
                        .map_or(i, |p| i + p + 1);
                    (prev, prev_whole, newline, i) = (Some((last, end)), true, false, end);
                    continue;
                }
            }
        } else if let Some(w) = ascii.then(|| one_piece_ascii(word)).flatten() {
            // One piece under the Unicode rules, as the cut below would find it.
            if !line.place(start..i, w, gap, sep, out) {
                return false;
            }
        } else {
            // Cut at its Unicode line break opportunities, as the general path does, the
            // pieces joined with nothing.
            let mut pos = 0;
            for piece in WordSeparator::UnicodeBreakProperties.find_words(word) {
                let end = (pos + piece.word.len() + piece.whitespace.len() + piece.penalty.len())
                    .min(word.len());
                if end > pos {
                    let text = &word[pos..end];
                    let (gap, sep) = if pos == 0 { (gap, sep) } else { (0, "") };
                    let at = start + pos..start + end;
                    if !line.place(at, str_width(text), gap, sep, out) {
                        return false;
                    }
                }
                pos = end;
            }
            if pos < word.len() {
                let text = &word[pos..];
                let (gap, sep) = if pos == 0 { (gap, sep) } else { (0, "") };
                if !line.place(start + pos..i, str_width(text), gap, sep, out) {
                    return false;
                }
            }
        }
        prev = Some((start, i));
        prev_whole = plain.is_some() || exclaimed.is_some();
        newline = false;
    }
    if prev.is_none() {
        return false;
    }
    line.end(out);
    true
}
