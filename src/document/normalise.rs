//! Normalised text: LF line ends, no BOM, tabs expanded, terminal escapes removed.
//!
//! Everything downstream (block detection, layout, search, saved positions) works on the
//! normalised text, so this is the one place that has to know about CRLF, tabs, BOMs,
//! `less`-style overstrikes and ANSI colours. Most files contain none of those except
//! perhaps CR, so the common case is one cheap byte scan followed by moving the `String`.

use unicode_width::UnicodeWidthChar;

/// Tab stops every this many columns, as terminals and `less` do.
const TAB: usize = 8;

/// Whether `b` starts something [`normalise`] has to rewrite: a C0 control other than
/// `\n`, DEL, or the first byte of U+FEFF (`EF BB BF`; other `EF` sequences are copied).
#[inline]
fn is_special(b: u8) -> bool {
    (b < 0x20 && b != b'\n') || b == 0x7f || b == 0xef
}

/// Whether any byte of `chunk` [`is_special`], as two minimums over the chunk (which
/// vectorise to one instruction a step, with no compare and no early exit):
/// `(b ^ 0A) - 1` wraps `\n` to FF and is below 1F exactly for the other C0 controls;
/// `b ^ 7F` and `b ^ EF` are zero exactly for DEL and EF.
#[inline]
fn holds_special(chunk: &[u8]) -> bool {
    let control = chunk
        .iter()
        .fold(0xff, |m: u8, &b| m.min((b ^ b'\n').wrapping_sub(1)));
    let del_or_ef = chunk
        .iter()
        .fold(0xff, |m: u8, &b| m.min(b ^ 0x7f).min(b ^ 0xef));
    control < 0x1f || del_or_ef == 0
}

/// The index of the first byte of `bytes` that [`is_special`], sixteen bytes a step:
/// a whole step is judged with the two vectorisable minimums [`has_special`] uses, and
/// only the step that holds one is searched byte by byte.
#[inline]
fn first_special(bytes: &[u8]) -> Option<usize> {
    let (chunks, rest) = bytes.as_chunks::<16>();
    let mut at = 0;
    for chunk in chunks {
        // One flag per byte, or-ed: a single reduction a step (the two minimums of
        // `holds_special` take two).
        let any = chunk.iter().fold(false, |any, &b| {
            any | (b < 0x20) & (b != b'\n') | (b == 0x7f) | (b == 0xef)
        });
        if any {
            let (lo, hi) = chunk.split_at(8);
            let (lo, hi) = (specials(lo), specials(hi));
            let first = if lo != 0 {
                lo.trailing_zeros()
            } else {
                64 + hi.trailing_zeros()
            };
            return Some(at + (first / 8) as usize);
        }
        at += 16;
    }
    rest.iter().position(|&b| is_special(b)).map(|p| at + p)
}

/// The high bit of each of the eight bytes of `word` that [`is_special`], exactly (no
/// borrow or carry crosses a byte): finding the first special byte of a chunk this way
/// costs no branch on where it is.
#[inline]
fn specials(word: &[u8]) -> u64 {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const LOW7: u64 = ONES * 0x7f;
    const HIGH: u64 = ONES * 0x80;
    let x = u64::from_le_bytes(word.try_into().unwrap_or([0; 8]));
    let is = |c: u8| {
        let y = x ^ (ONES * u64::from(c));
        !(((y & LOW7) + LOW7) | y) & HIGH
    };
    // Below 0x20: neither the high bit nor, after adding 0x60 to the low seven, bit 7.
    let control = !(((x & LOW7) + ONES * 0x60) | x) & HIGH;
    (control & !is(b'\n')) | is(0x7f) | is(0xef)
}

/// Whether any byte of `bytes` is [`is_special`], i.e. [`normalise`] would change the
/// text. Works on fixed chunks without an early exit inside a chunk so the compiler can
/// vectorise it, over two halves at once: this is the whole cost of normalising a clean
/// file (the decoder asks it too, so a clean 200 MB file is surveyed once).
pub(crate) fn has_special(bytes: &[u8]) -> bool {
    has_special_from(bytes, super::par::PARALLEL_FROM)
}

/// [`has_special`], on two threads from `parallel_from` bytes on.
fn has_special_from(bytes: &[u8], parallel_from: usize) -> bool {
    let scan = |bytes: &[u8]| bytes.chunks(1024).any(holds_special);
    super::par::in_halves_from(parallel_from, bytes, scan, |a, b| a || b)
}

/// Returns `raw` normalised:
/// - CRLF and lone CR become LF; a form feed becomes a blank line;
/// - U+FEFF disappears wherever it is (a BOM, or a stray one where files were joined);
/// - tabs become spaces up to the next multiple of 8 display columns within the line;
/// - ANSI escape sequences (CSI, OSC, and other `ESC` sequences) are removed;
/// - backspace overstrikes (`_`, BS, `x` underline; `x`, BS, `x` bold) leave just the character;
/// - every other C0 control character (and DEL) is dropped.
///
/// ```
/// use dogear::normalise::normalise;
/// assert_eq!(normalise("\u{feff}a\tb\r\nc\x1b[1mBold\x1b[0m"), "a       b\ncBold");
/// ```
pub fn normalise(raw: &str) -> String {
    if !has_special(raw.as_bytes()) {
        return raw.to_owned();
    }
    Normaliser::default().run(raw)
}

/// Appends `raw`, which starts at a line start, normalised to `out`, as
/// `out.push_str(&normalise(raw))` would but in one pass over it and with no copy between:
/// a file cut into pieces is normalised piece by piece (see `build`).
pub(crate) fn push_normalised(out: &mut String, raw: &str) {
    let start = out.len();
    let mut n = Normaliser {
        out: std::mem::take(out),
        line_start: start,
        col_mark: (start, 0),
        ..Normaliser::default()
    };
    n.run_mut(raw);
    *out = n.out;
}

/// A place where the raw text and the normalised text are known to meet: the raw text's
/// byte `raw` became the normalised text's byte `out`. When `copied`, the raw text from
/// `raw` up to the next mark was copied unchanged; otherwise it was rewritten (a line end,
/// a tab, an escape, an overstrike) and all of it stands at `out`. Marks go up in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub raw: usize,
    pub out: usize,
    pub copied: bool,
}

/// [`normalise`], also returning where the raw and the normalised text meet (see
/// [`Mark`]): the first mark is at 0 in both, and a text with nothing to rewrite has
/// only that one.
///
/// ```
/// use dogear::{normalise::normalise_mapped, normalise::Mark};
/// let (text, marks) = normalise_mapped("a\tb");
/// assert_eq!(text, "a       b");
/// assert_eq!(marks[2], Mark { raw: 2, out: 8, copied: true });
/// ```
pub fn normalise_mapped(raw: &str) -> (String, Vec<Mark>) {
    let first = Mark {
        raw: 0,
        out: 0,
        copied: true,
    };
    if !has_special(raw.as_bytes()) {
        return (raw.to_owned(), vec![first]);
    }
    let mut n = Normaliser {
        marks: Some(Vec::new()),
        ..Normaliser::default()
    };
    n.run_mut(raw);
    let mut marks = n.marks.take().unwrap_or_default();
    if marks.first().is_none_or(|m| m.raw != 0) {
        marks.insert(0, first);
    }
    (n.out, marks)
}

/// The slow path: copies runs of ordinary text whole and rewrites the special characters.
#[derive(Default)]
struct Normaliser {
    out: String,
    /// Where raw and normalised text meet, kept only when asked (see [`normalise_mapped`]).
    marks: Option<Vec<Mark>>,
    /// Byte offset in `out` where the current line starts (as of the last
    /// [`Self::find_line_start`]).
    line_start: usize,
    /// How far [`Self::find_line_start`] has looked: no line end lies in
    /// `out[line_start..scanned]`, so each byte is looked at once (a tab in a line of
    /// megabytes would otherwise search all of it again).
    scanned: usize,
    /// A point in the current line whose display column is known, to count tab columns
    /// without rescanning the whole line at every tab.
    col_mark: (usize, usize),
    /// The character just erased by a backspace: an `_` overstruck on it keeps it.
    erased: Option<char>,
    /// Only the one-step path, without CRLF lines copied whole: what tests compare
    /// that with.
    #[cfg(test)]
    plain: bool,
}

impl Normaliser {
    fn run(mut self, raw: &str) -> String {
        self.run_mut(raw);
        self.out
    }

    fn run_mut(&mut self, raw: &str) {
        self.out.reserve(raw.len());
        let bytes = raw.as_bytes();
        let mut i = 0;
        #[cfg(test)]
        let fast = !self.plain;
        #[cfg(not(test))]
        let fast = true;
        while i < raw.len() {
            let run = first_special(&bytes[i..]).map_or(raw.len(), |p| i + p);
            // A CRLF line with nothing else to rewrite (the common case on real texts):
            // copied, and its line end made LF, in one step (the steps below take two,
            // the second to find the CR again).
            if fast && self.erased.is_none() && bytes[run..].starts_with(b"\r\n") {
                if run > i {
                    self.mark(i, true);
                    self.out.push_str(&raw[i..run]);
                }
                self.mark(run, false);
                self.newline();
                i = run + 2;
                continue;
            }
            // Copy the run of ordinary bytes up to the next special one.
            if run > i {
                if self.marks.is_some() && self.erased.is_some() {
                    // The first character stands in for the one a backspace erased.
                    let len = raw[i..].chars().next().map_or(1, char::len_utf8);
                    self.mark(i, false);
                    self.push_text(&raw[i..i + len]);
                    i += len;
                    continue;
                }
                self.mark(i, true);
                self.push_text(&raw[i..run]);
                i = run;
                continue;
            }
            self.mark(i, false);
            i = self.special(raw, i);
            self.settle();
        }
    }

    /// Notes that raw byte `raw` starts what is written next (see [`Mark`]).
    #[inline]
    fn mark(&mut self, raw: usize, copied: bool) {
        if let Some(marks) = &mut self.marks {
            let out = self.out.len();
            marks.push(Mark { raw, out, copied });
        }
    }

    /// After a special character: a backspace took back written text, so no mark may
    /// stand past the end of what is written.
    #[inline]
    fn settle(&mut self) {
        if let Some(marks) = &mut self.marks {
            let len = self.out.len();
            for m in marks.iter_mut().rev() {
                if m.out <= len {
                    break;
                }
                m.out = len;
            }
        }
    }

    /// Appends ordinary text (no special bytes except possibly a harmless `EF`).
    fn push_text(&mut self, s: &str) {
        if let Some(c) = self.erased.take() {
            // The character after a backspace replaces the erased one, except that an
            // underline (`_`) under a character keeps the character.
            let mut chars = s.chars();
            if let Some(next) = chars.next() {
                let keep = if next == '_' && c != '_' { c } else { next };
                self.out.push(keep);
                self.push_text(chars.as_str());
                return;
            }
        }
        self.out.push_str(s);
    }

    /// Brings `line_start` and `col_mark` up to the line ends [`Self::push_text`] wrote,
    /// which it does not look for: only a tab, a backspace and a form feed need them, and
    /// most text has none (CRLF text would otherwise be searched for `\n` twice).
    fn find_line_start(&mut self) {
        let from = self.scanned.max(self.line_start);
        if let Some(nl) = memchr::memrchr(b'\n', &self.out.as_bytes()[from..]) {
            self.line_start = from + nl + 1;
            self.col_mark = (self.line_start, 0);
        }
        self.scanned = self.out.len();
    }

    fn newline(&mut self) {
        self.erased = None;
        self.out.push('\n');
        self.line_start = self.out.len();
        self.col_mark = (self.line_start, 0);
    }

    /// Handles the special character at byte `i` of `raw`; returns where to continue.
    fn special(&mut self, raw: &str, i: usize) -> usize {
        let bytes = raw.as_bytes();
        match bytes[i] {
            b'\r' => {
                self.newline();
                if bytes.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                }
            }
            0x0c => {
                self.find_line_start();
                if self.out.len() > self.line_start {
                    // A form feed after text on its line turns the page in mid-paragraph as
                    // often as not (a printer's page falls where it falls): it ends the line,
                    // with the line end after it if there is one, and the paragraph rules
                    // decide whether the lines join. After a finished sentence it is the
                    // break between two paragraphs (or before a chapter): a blank line.
                    let finished = ends_sentence(&self.out[self.line_start..]);
                    self.newline();
                    if finished {
                        self.newline();
                    }
                    return match bytes.get(i + 1..i + 3) {
                        Some([b'\r', b'\n']) => i + 3,
                        _ if matches!(bytes.get(i + 1), Some(b'\r' | b'\n')) => i + 2,
                        _ => i + 1,
                    };
                }
                // A form feed that starts a line is a page break: a blank line separates
                // the pages.
                self.newline();
                i + 1
            }
            b'\t' => {
                self.tab();
                i + 1
            }
            0x08 => {
                self.backspace();
                i + 1
            }
            0x1b => skip_escape(bytes, i),
            0xef => {
                if raw[i..].starts_with('\u{feff}') {
                    i + 3
                } else {
                    // Another character starting with EF: copy it as ordinary text.
                    let len = raw[i..].chars().next().map_or(1, char::len_utf8);
                    self.push_text(&raw[i..i + len]);
                    i + len
                }
            }
            _ => i + 1, // other C0 controls and DEL are dropped
        }
    }

    fn tab(&mut self) {
        self.erased = None;
        self.find_line_start();
        let (mark, col) = self.col_mark;
        let col = col
            + self.out[mark..]
                .chars()
                .map(|c| c.width().unwrap_or(0))
                .sum::<usize>();
        let spaces = TAB - col % TAB;
        for _ in 0..spaces {
            self.out.push(' ');
        }
        self.col_mark = (self.out.len(), col + spaces);
    }

    fn backspace(&mut self) {
        self.find_line_start();
        if self.out.len() > self.line_start {
            if let Some(c) = self.out.pop() {
                // What was looked at ends where the text does now: a line end written
                // in the erased character's place is looked for by the next tab.
                self.scanned = self.out.len();
                self.erased = Some(c);
                // The column was known at the end: it still is, one character back
                // (counting from the line's start again would make a long line of tabs
                // and backspaces quadratic).
                let (mark, col) = self.col_mark;
                if mark > self.out.len() {
                    self.col_mark = (self.out.len(), col.saturating_sub(c.width().unwrap_or(0)));
                }
            }
        }
    }
}

/// Returns the index just past the escape sequence starting at `bytes[i] == ESC`.
///
/// CSI (`ESC [` parameters, intermediates, a final byte in `@`..`~`), OSC (`ESC ]` up to
/// BEL or `ESC \`), and other two-or-more byte sequences (`ESC` intermediates, a final byte)
/// are removed whole. A sequence cut off by the end of the text or a line end stops there,
/// so a stray ESC never swallows the following lines.
fn skip_escape(bytes: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    match bytes.get(j) {
        Some(b'[') => {
            j += 1;
            while let Some(&b) = bytes.get(j) {
                if (0x40..=0x7e).contains(&b) {
                    return j + 1;
                }
                if !(0x20..=0x3f).contains(&b) {
                    return j;
                }
                j += 1;
            }
            j
        }
        Some(b']') => {
            j += 1;
            while let Some(&b) = bytes.get(j) {
                match b {
                    0x07 => return j + 1,
                    0x1b if bytes.get(j + 1) == Some(&b'\\') => return j + 2,
                    b'\n' | b'\r' => return j,
                    _ => j += 1,
                }
            }
            j
        }
        _ => {
            while let Some(&b) = bytes.get(j) {
                if (0x30..=0x7e).contains(&b) {
                    return j + 1;
                }
                if !(0x20..=0x2f).contains(&b) {
                    return j;
                }
                j += 1;
            }
            j
        }
    }
}

/// Whether a line ends a sentence: `.`, `!` or `?`, perhaps inside closing quotes or
/// brackets.
fn ends_sentence(line: &str) -> bool {
    let closing = ['"', '\'', '\u{201d}', '\u{2019}', '\u{bb}', ')', ']'];
    let end = line.trim_end().trim_end_matches(closing);
    end.ends_with(['.', '!', '?'])
}

#[cfg(test)]
mod crlf_tests;

#[cfg(test)]
mod tests;

#[cfg(test)]
mod first_special_tests {
    use super::{first_special, is_special, specials};

    /// Every byte value at every place of a word, among neighbours that are each special
    /// or not: the mask flags exactly the special bytes.
    #[test]
    fn the_word_mask_flags_exactly_the_special_bytes() {
        for v in 0..=255u8 {
            for at in 0..8 {
                for fill in [b'a', b'\n', b' ', b'\r', 0x80, 0xff, 0xee, 0x7e, 0x20, 0x1f] {
                    let mut word = [fill; 8];
                    word[at] = v;
                    let want = (0..8)
                        .filter(|&k| is_special(word[k]))
                        .fold(0u64, |m, k| m | 0x80 << (8 * k));
                    assert_eq!(specials(&word), want, "{v:#x} at {at} in {fill:#x}");
                }
            }
        }
    }

    #[test]
    fn first_special_agrees_with_a_byte_search_at_every_offset() {
        for special in [b'\r', b'\t', 0x1b, 0x7f, 0xef, 0x00, 0x1f] {
            for len in 0..40 {
                for at in 0..=len {
                    let mut bytes = vec![b'a'; len];
                    bytes.insert(at, b'\n');
                    if at < len {
                        bytes[at] = special;
                    }
                    let want = bytes.iter().position(|&b| is_special(b));
                    assert_eq!(first_special(&bytes), want, "{special:x} {len} {at}");
                }
            }
        }
    }
}
