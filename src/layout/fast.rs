//! The common case of printing a book, drawn in one pass: a prose paragraph of its own,
//! broken first fit, neither justified nor hyphenated.
//!
//! [`super::Wrapper`] splits a paragraph into fragments, breaks them into [`super::Line`]s
//! and [`super::Line::push_display`] splits each line into words again to draw it. Here
//! each word is looked at once and written straight after the previous one, which is most
//! of the time `--print` takes. Whatever this path is not sure to draw exactly as the
//! general one (a word that breaks inside or is wider than the column, a pair of words a
//! line may not break between, breakable whitespace that is not ASCII) sends the
//! paragraph back to the general path, so the output never differs (checked by property
//! tests against it).

use super::classes::{is_kept_together, is_tight_join};
use super::wrap::{first_indent, has_spacer, is_joined, is_plain_word, runs_on};
use super::Typography;
use crate::document::{verse, BlockKind, Document};
use crate::text_width::str_width;
use std::ops::Range;
use textwrap::WordSeparator;

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
        BlockKind::Paragraph => push_paragraph(doc, index, width, typography, out),
        BlockKind::Verse => push_verse(doc.text(), block.range.clone(), width, out),
        BlockKind::Heading | BlockKind::SceneBreak => false,
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

/// The lines of a verse block whose every written line fits the column as it is, of
/// characters one column wide each: each line as written, indented.
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
    for line in &lines[first..] {
        if line.continues {
            return false;
        }
        let shown = text[line.start..line.end].trim_matches(|c: char| c.is_ascii_whitespace());
        if line.start == line.end {
            out.push('\n');
            continue;
        }
        let indent = (line.indent - min_indent).min(cap);
        match narrow_width(shown) {
            Some(w) if !shown.is_empty() && w <= width - indent => {}
            _ => return false,
        }
        out.extend(std::iter::repeat_n(' ', indent));
        out.push_str(shown);
        out.push('\n');
    }
    true
}

/// Columns of `s` when every character of it is one column wide and a grapheme cluster of
/// its own, so that however the general path cuts it, its pieces add up to its length in
/// characters: ASCII, Latin-1 letters, curly quotes, dashes and the ellipsis.
fn narrow_width(s: &str) -> Option<usize> {
    if s.is_ascii() {
        return Some(s.len());
    }
    let mut n = 0;
    for c in s.chars() {
        if !(c.is_ascii()
            || matches!(
                c,
                '\u{C0}'
                    ..='\u{FF}'
                        | '\u{2013}'
                        | '\u{2014}'
                        | '\u{2018}'
                        | '\u{2019}'
                        | '\u{201C}'
                        | '\u{201D}'
                        | '\u{2026}'
            ))
        {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// A paragraph of its own (not a piece of a long one), neither justified, hyphenated nor
/// broken with optimal fit.
fn push_paragraph(
    doc: &Document,
    index: usize,
    width: usize,
    typography: Typography,
    out: &mut String,
) -> bool {
    let Some(block) = doc.blocks().get(index) else {
        return false;
    };
    if typography.justify
        || typography.hyphenate
        || typography.optimal
        || is_joined(doc, index)
        || is_joined(doc, index + 1)
    {
        return false;
    }
    let Some(s) = doc.text().get(block.range.clone()) else {
        return false;
    };
    let indent = first_indent(doc, index, width, typography.indent);
    push_lines(s, width, indent, out)
}

/// Whether an ASCII byte is breakable whitespace (as [`super::tokens::Tokens`] has it).
#[inline(always)]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\t' | b'\r' | 0x0b | 0x0c)
}

/// The lines of the prose `s` (at least one word), first fit at `width` columns with the
/// first line `indent` narrower, each padded and ended by `\n`. `false` when `s` needs
/// the general path (`out` then holds a part of them).
fn push_lines(s: &str, width: usize, indent: usize, out: &mut String) -> bool {
    let bytes = s.as_bytes();
    let len = bytes.len();
    let mut i = 0;
    // The previous word's range, and whether the whitespace since it holds a line break.
    let mut prev: Option<(usize, usize)> = None;
    let mut newline = false;
    let mut line = Liner {
        width,
        used: 0,
        limit: width - indent,
        started: false,
    };
    out.extend(std::iter::repeat_n(' ', indent));
    loop {
        // Whitespace.
        while i < len {
            let b = bytes[i];
            if b >= 0x80 {
                // Breakable whitespace that is not ASCII (an ideographic space, a line
                // separator) is rare: the general path knows it.
                if s[i..].chars().next().is_some_and(super::classes::is_space) {
                    return false;
                }
                break;
            }
            if !is_ascii_space(b) {
                break;
            }
            newline |= b == b'\n';
            i += 1;
        }
        if i >= len {
            break;
        }
        // A word.
        let start = i;
        let mut ascii = true;
        while i < len {
            let b = bytes[i];
            if b < 0x80 {
                if is_ascii_space(b) {
                    break;
                }
                i += 1;
            } else {
                let c = s[i..].chars().next().unwrap_or(' ');
                if super::classes::is_space(c) {
                    return false;
                }
                ascii = false;
                i += c.len_utf8();
            }
        }
        let word = &s[start..i];
        let gap = match prev {
            None => 0,
            Some((ps, pe)) => {
                if is_kept_together(&s[ps..pe], word) {
                    return false;
                }
                usize::from(!(newline && is_tight_join(&s[..pe], &s[pe..start], word)))
            }
        };
        let plain = match ascii {
            true => is_plain_word(word).then_some(word.len()),
            false => narrow_plain_width(word),
        };
        if let Some(w) = plain {
            if !line.place(word, w, gap, out) {
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
                    let gap = if pos == 0 { gap } else { 0 };
                    if !line.place(text, str_width(text), gap, out) {
                        return false;
                    }
                }
                pos = end;
            }
            if pos < word.len() {
                let text = &word[pos..];
                let gap = if pos == 0 { gap } else { 0 };
                if !line.place(text, str_width(text), gap, out) {
                    return false;
                }
            }
        }
        prev = Some((start, i));
        newline = false;
    }
    if prev.is_none() {
        return false;
    }
    out.push('\n');
    true
}

/// First fit, one unbreakable piece at a time, as `wrap::first_fit` does it over
/// fragments.
struct Liner {
    width: usize,
    /// Columns taken on the current line.
    used: usize,
    limit: usize,
    /// Whether a piece is on the current line.
    started: bool,
}

impl Liner {
    /// Appends `piece`, `w` columns wide, after `gap` columns (one space or none) on the
    /// current line, or first on a new line when it does not fit. `false` for a piece
    /// wider than the column, which the general path cuts.
    #[inline]
    fn place(&mut self, piece: &str, w: usize, gap: usize, out: &mut String) -> bool {
        if w > self.width {
            return false;
        }
        if self.started {
            self.used += gap;
            if self.used + w > self.limit {
                out.push('\n');
                self.used = 0;
                self.limit = self.width;
            } else if gap == 1 {
                out.push(' ');
            }
        }
        self.started = true;
        out.push_str(piece);
        self.used += w;
        true
    }
}

/// The width of a word that is one unbreakable piece under the Unicode line breaking
/// rules and as many columns wide as it has characters: a plain word
/// (`is_plain_word`) with curly quotes or Latin-1 letters in it (checked in the tests).
/// `None` for any other word.
fn narrow_plain_width(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    let mut i = 0;
    let mut n = 0;
    while i < b.len() {
        match b[i] {
            c if c < 0x80 && is_plain_byte(c) => i += 1,
            // U+2018, U+2019, U+201C, U+201D
            0xe2 if b.get(i + 1) == Some(&0x80)
                && matches!(b.get(i + 2), Some(0x98 | 0x99 | 0x9c | 0x9d)) =>
            {
                i += 3
            }
            // U+00C0 to U+00FF but × and ÷
            0xc3 if b
                .get(i + 1)
                .is_some_and(|&c| (0x80..=0xbf).contains(&c) && c != 0x97 && c != 0xb7) =>
            {
                i += 2
            }
            _ => return None,
        }
        n += 1;
    }
    Some(n)
}

/// A byte of a plain word (see `is_plain_word`).
fn is_plain_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b".,;:'\"-)".contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of four characters from an alphabet of plain bytes, curly quotes and
    /// Latin-1 letters is one piece under the Unicode rules, as many columns wide as it
    /// has characters: the rules look at pairs and short runs, so this covers each
    /// context they can see.
    #[test]
    fn narrow_plain_words_have_no_break_opportunity() {
        let chars: Vec<char> = "a9.,;:'\"-)\u{2018}\u{2019}\u{201C}\u{201D}\u{E9}\u{C0}"
            .chars()
            .collect();
        let n = chars.len();
        for code in 0..n.pow(4) {
            let word: String = (0..4).map(|k| chars[code / n.pow(k) % n]).collect();
            assert_eq!(narrow_plain_width(&word), Some(4), "{word:?}");
            assert_eq!(str_width(&word), 4, "{word:?}");
            let pieces = WordSeparator::UnicodeBreakProperties
                .find_words(&word)
                .count();
            assert_eq!(pieces, 1, "{word:?} breaks inside");
        }
    }
}
