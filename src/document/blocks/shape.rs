//! The shape of one line: its measurements and whether it looks like a heading or a
//! scene break. Pure functions of the line, so block detection stays a readable
//! sequence of decisions.

use super::heading;
use unicode_width::UnicodeWidthStr;

/// One non-blank line of the source text (up to a `\n`), measured once. (Not a
/// [`crate::layout::ScreenLine`], which is a line as wrapped for the screen.)
#[derive(Debug, Clone, Copy)]
pub(super) struct SourceLine {
    /// Byte offset of the line's first character (indentation included).
    pub start: usize,
    /// Byte offset of the first non-space character.
    pub content: usize,
    /// Byte offset just after the last non-space character (trailing spaces ignored).
    pub end: usize,
    /// Indentation in columns (an ideographic space U+3000 counts two).
    pub indent: usize,
    /// Display width of the line up to `end`, indentation included.
    pub width: usize,
}

impl SourceLine {
    /// Measures `text[start..end]` (one line without its `\n`); `None` when blank.
    ///
    /// This runs on every line of the book, so the common case is byte work: an ASCII
    /// last byte that is not a space needs no Unicode trimming, and a line with no byte
    /// from `E3` up needs no width table.
    ///
    /// `narrow_chars` is the line's char count when the caller found no wide character
    /// in it (no byte from `E3` up): then its width needs no second look.
    // Always inlined into the one loop that measures every line: a call per line cost
    // more than the few lines of the common case.
    #[inline(always)]
    pub fn measure(
        text: &str,
        start: usize,
        end: usize,
        narrow_chars: Option<usize>,
    ) -> Option<SourceLine> {
        let raw = &text[start..end];
        let bytes = raw.as_bytes();
        let trimmed_len = match bytes.last() {
            None => return None,
            Some(&b) if b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ') => bytes.len(),
            Some(_) => raw.trim_end().len(),
        };
        let bytes = &bytes[..trimmed_len];
        // Leading spaces and ideographic spaces (E3 80 80, two columns each); most lines
        // have none, which their first byte tells.
        let (mut lead, mut indent) = (0, 0);
        while matches!(bytes.get(lead), Some(b' ' | 0xe3)) {
            match bytes[lead..] {
                [b' ', ..] => {
                    lead += 1;
                    indent += 1;
                }
                [0xe3, 0x80, 0x80, ..] => {
                    lead += 3;
                    indent += 2;
                }
                _ => break,
            }
        }
        if lead == trimmed_len {
            return None;
        }
        let width = match narrow_chars {
            // No U+3000 either, so the indent is all spaces: one column per char.
            Some(chars) => chars - raw[trimmed_len..].chars().count(),
            None => indent + display_width(&raw[lead..trimmed_len]),
        };
        Some(SourceLine {
            start,
            content: start + lead,
            end: start + trimmed_len,
            indent,
            width,
        })
    }

    /// The line without indentation and trailing spaces.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.content..self.end]
    }

    /// Whether the line starts a paragraph in Japanese one-line-per-paragraph text: an
    /// ideographic-space indent, or an opening quote of dialogue (`「`, `『`).
    pub fn starts_japanese_paragraph(&self, text: &str) -> bool {
        self.ideographic_indent(text) || self.text(text).starts_with(['「', '『'])
    }

    /// Whether the line is indented with an ideographic space (Japanese paragraph start).
    pub fn ideographic_indent(&self, text: &str) -> bool {
        // The indent is spaces (a byte and a column each) and U+3000s (three bytes and
        // two columns each, see `measure`): it holds one when it has more bytes than
        // columns. (No search: a 3-byte pattern is searched with the two-way algorithm.)
        let ideographic = self.content - self.start > self.indent;
        debug_assert_eq!(
            ideographic,
            text[self.start..self.content].contains('\u{3000}')
        );
        ideographic
    }
}

/// Display width of `s`, cheaply: text with no byte from `E3` up (ASCII, accents, curly
/// quotes) is its char count, found with ASCII in one vectorisable pass over the bytes.
/// Only text that may hold wide characters (CJK, emoji) pays for a per-character lookup.
pub(super) fn display_width(s: &str) -> usize {
    // Count the bytes that start a character (not 0b10xx_xxxx continuations) and find the
    // largest byte, in fixed chunks the compiler can vectorise.
    let (mut chars, mut top) = (0usize, 0u8);
    for chunk in s.as_bytes().chunks(32) {
        let mut n = 0u8;
        for &b in chunk {
            n += u8::from((b as i8) >= -0x40);
            top = top.max(b);
        }
        chars += usize::from(n);
    }
    if top >= 0xe3 {
        s.width()
    } else {
        chars
    }
}

/// Whether the line ends a sentence (so a following indented line starts a paragraph).
#[inline]
pub(crate) fn ends_sentence(t: &str) -> bool {
    // Most lines end on a letter or a comma: no need to look further, nor a call.
    let goes_on = t
        .as_bytes()
        .last()
        .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b',' | b';'));
    !goes_on && ends_sentence_line(t)
}

/// [`ends_sentence`] for a line that does not end on a letter, a digit, a comma or a
/// semicolon.
#[inline(never)]
fn ends_sentence_line(t: &str) -> bool {
    let t = t.trim_end_matches(['"', '\'', '”', '’', ')', ']', '_', '*', '」', '』']);
    t.ends_with(['.', '!', '?', ':', '。', '！', '？', '…']) || t.ends_with("--") || t.is_empty()
}

/// `* * *`, `***`, `---`, `#`, `~~~`, `&&&`, and spaced variants, alone on a line; a
/// quotation file's `%` between entries.
#[inline(always)]
pub(super) fn is_scene_break(t: &str) -> bool {
    // Cheapest refusal first, inlined: this runs on every line of a group. A break
    // starts with a mark: one of the ASCII ones, `•` (E2 80 A2), `·` or `§` (C2 B7, C2
    // A7); a line of dialogue opening on a curly quote (E2 80 9C) is refused here.
    let starts_with_mark = matches!(
        t.as_bytes(),
        [
            b'*' | b'-' | b'#' | b'~' | b'&' | b'=' | b'_' | b'+' | b'.' | b'%',
            ..
        ] | [0xc2, 0xb7 | 0xa7, ..]
            | [0xe2, 0x80, 0xa2, ..]
    );
    starts_with_mark && is_scene_break_line(t)
}

/// A fan fiction's scene break: a short motif of one or two characters repeated, alone
/// on its line (`oOoOo`, `-x-x-x-`, `xXx`, `o0o`, `<><><>`, `/ / / / /`). No word alternates a
/// letter with its own capital or with a mark, so letters count only so; a letter
/// repeated alone (`XXX`, `III`) is a numeral.
pub(super) fn is_motif_break(t: &str) -> bool {
    // Cheapest refusal first: a motif is short, ASCII, and not a word of letters.
    let b = t.as_bytes();
    if !(3..=24).contains(&b.len()) || !b.iter().all(|c| c.is_ascii_graphic() || *c == b' ') {
        return false;
    }
    let marks = || b.iter().copied().filter(|&c| c != b' ');
    let (Some(first), Some(second)) = (marks().next(), marks().nth(1)) else {
        return false;
    };
    // Under five marks, a motif of marks around a letter or digit is a headword or a
    // face (`:h:`, `:0:`); one of letters (`xXx`, `o0o`) is none.
    let count = marks().count();
    let repeated = count >= 5 || count >= 3 && first.is_ascii_alphabetic();
    if !repeated
        || !marks()
            .enumerate()
            .all(|(i, c)| c == [first, second][i % 2])
    {
        return false;
    }
    match (first.is_ascii_alphabetic(), second.is_ascii_alphabetic()) {
        (true, true) => first != second && first.eq_ignore_ascii_case(&second),
        (false, false) => !first.is_ascii_digit() || !second.is_ascii_digit(),
        _ => true,
    }
}

/// [`is_scene_break`] for a line that may start with a mark.
#[inline(never)]
fn is_scene_break_line(t: &str) -> bool {
    const MARKS: &[char] = &[
        '*', '-', '#', '~', '&', '=', '_', '+', '.', '•', '·', '§', '%',
    ];
    // A break starts with a mark (the non-ASCII ones start with C2 or E2).
    let starts_with_mark = t.as_bytes().first().is_some_and(|b| {
        matches!(
            b,
            b'*' | b'-' | b'#' | b'~' | b'&' | b'=' | b'_' | b'+' | b'.' | b'%' | 0xc2 | 0xe2
        )
    });
    if !starts_with_mark || t.len() > 80 || !t.chars().all(|c| c == ' ' || MARKS.contains(&c)) {
        return false;
    }
    if is_column_rule(t) || is_box_edge(t) {
        return false;
    }
    let marks = t.chars().filter(|&c| c != ' ').count();
    marks >= 3
        || (marks >= 1
            && t.chars()
                .all(|c| matches!(c, ' ' | '#' | '*' | '~' | '§' | '%')))
}

/// The top or bottom edge of boxes drawn in ASCII (`+--------+   +------+`): each run
/// a row of dashes or equals signs between `+` corners. A scene break has no corners.
fn is_box_edge(t: &str) -> bool {
    let mut runs = t.split(' ').filter(|r| !r.is_empty()).peekable();
    runs.peek().is_some()
        && runs.all(|r| {
            let b = r.as_bytes();
            b.len() >= 3
                && b[0] == b'+'
                && b[b.len() - 1] == b'+'
                && b.iter().all(|c| matches!(c, b'+' | b'-' | b'='))
                && b.windows(2).any(|w| w[0] == w[1] && w[0] != b'+')
        })
}

/// A rule under a table's column heads (`------   ----   ----`): runs of dashes or
/// equals signs, one a column, with the columns' gaps between. A scene break is one run,
/// or single marks spaced evenly (`- - -`).
fn is_column_rule(t: &str) -> bool {
    let mut runs = t.split(' ').filter(|r| !r.is_empty());
    t.contains("  ")
        && runs.clone().count() >= 2
        && runs
            .all(|r| r.len() >= 3 && (r.bytes().all(|b| b == b'-') || r.bytes().all(|b| b == b'=')))
}

/// A heading by its words: "CHAPTER IV", "Chapter 12: The Return", "BOOK II",
/// "PART ONE", "Prologue", a roman numeral alone ("IV." too), a small number alone, and
/// the other numbered headings [`heading::numbered`] reads ("Actus Primus.", "SURA XC."),
/// a Markdown `## Title` and a line Aozora Bunko's markup calls a heading.
pub(super) fn is_titled_heading(t: &str) -> bool {
    // Aozora Bunko's markup says so in words (its title may be long in bytes).
    if t.starts_with('［') && heading::aozora_title(t).is_some() {
        return true;
    }
    // A Markdown heading's length is its words' (see `heading::atx_title`), not its links'.
    if t.starts_with('#') {
        return heading::atx_title(t).is_some();
    }
    if t.len() > 80 {
        return false;
    }
    let bare = t.trim_end_matches(['.', ':']);
    if heading::is_roman(bare) && bare.bytes().all(|b| b.is_ascii_uppercase()) {
        return true;
    }
    if !bare.is_empty() && bare.len() <= 3 && bare.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    // A chapter number in CJK numerals alone on its line ("一", "十二"): three bytes
    // each, so a line that starts with ASCII or is long is not one, and its chars need
    // no count.
    if bare.as_bytes().first().is_some_and(|&b| !b.is_ascii())
        && bare.len() <= 16
        && (1..=4).contains(&bare.chars().count())
        && bare.chars().all(|c| "〇一二三四五六七八九十百".contains(c))
    {
        return true;
    }
    heading::is_named_section(t)
        || heading::numbered(t).is_some()
        || heading::atx_title(t).is_some()
}

/// A section's number alone on a line: `37`, `12.`, `IV`, `XII.`, `二` (a lone `I` is a
/// word, not a number).
pub(super) fn is_section_number(t: &str) -> bool {
    // Cheapest refusal first: this is asked of every line of a group.
    if t.len() > 13 {
        return false;
    }
    let bare = t.strip_suffix('.').unwrap_or(t);
    let b = bare.as_bytes();
    // Digits and numerals in ASCII are a char a byte; the CJK numerals take three bytes,
    // so a line starting with an ASCII byte needs no count of its chars.
    if b.first().is_some_and(u8::is_ascii) {
        return b.len() <= 3 && b.iter().all(u8::is_ascii_digit)
            || b.len() <= 8
                && (b.len() >= 2 || bare.len() < t.len())
                && b.iter().all(|c| b"IVXLC".contains(c));
    }
    let n = bare.chars().count();
    n > 0 && n <= 4 && bare.chars().all(|c| "〇一二三四五六七八九十百".contains(c))
}

/// A short line in capitals ("THE LOST LETTER"): a title, unless it repeats (a play's
/// speaker names are short capital lines too; the caller counts repeats).
pub(super) fn is_caps_title(t: &str) -> bool {
    // Cheapest refusal first: this runs on every short line of the book.
    if t.len() > 60 || t.bytes().any(|b| b.is_ascii_lowercase()) {
        return false;
    }
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && t.len() <= 60
        && !t.chars().any(char::is_lowercase)
        && t.chars().any(char::is_uppercase)
        && !t.ends_with([',', ';'])
        && !t.starts_with(['[', '(', '{', '|', '-', '#'])
}

/// Whether `line` is centred in a column of `wrap` columns (a title set by hand).
pub(super) fn is_centred(line: &SourceLine, t: &str, wrap: usize) -> bool {
    let text_width = line.width - line.indent;
    let right = wrap.saturating_sub(line.width);
    line.indent >= 8
        && text_width <= 50
        && line.indent.abs_diff(right) <= (wrap / 8).max(4)
        && !t.ends_with([',', ';'])
        && !t.starts_with(char::is_lowercase)
}

#[cfg(test)]
mod tests;
