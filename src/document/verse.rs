//! The lines of a verse block, and which of them continue the line before (a long line
//! the author's margin broke, carried on a deeper, "hanging" indent).
//!
//! This is a decision about the text, not about the screen: it depends only on the
//! block, never on the width it is shown at, so the layout and the reading-quality scorer
//! ([`super::breaks`]) see the same answer.

use super::blocks::cues::{ends_in_word, first_letter};
use super::blocks::shape::ends_sentence;
use crate::text_width::{narrow_chars, str_width};
use std::ops::Range;

/// A hanging continuation must follow a line the author's margin broke: one that ends
/// within this many columns of the block's longest line (the margin's best estimate), or
/// one whose next word would not have fitted before that margin.
const HANG_SLACK: usize = 3;
/// ... and the block's longest line must be at least this wide; short verse with
/// alternating indentation is a poem's shape, not a margin.
const HANG_MIN_WIDTH: usize = 56;

/// Whether `next` is set where the text of the list item `head` starts (`* the ladder
/// needs a new rung` over `  before the winter`): the item goes on there, however short
/// its line.
fn under_bullet(text: &str, head: VerseLine, next: VerseLine) -> bool {
    let t = &text[head.start..head.end];
    ["* ", "- ", "+ ", "• "]
        .iter()
        .any(|b| t.starts_with(b) && next.indent == head.indent + str_width(b))
}

/// No margin is narrower: a line that would have fitted its next word within it was
/// not cut by one.
const MIN_MARGIN: usize = 40;

/// A line number in the right margin ends a line at least this wide (a printed page's
/// margin: Rossetti's numbers end at column 69).
const MARGIN_NUMBER_AT: usize = 56;

/// One source line of a verse block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerseLine {
    /// Start of the line's text after its indentation.
    pub start: usize,
    /// End of its text, trailing whitespace excluded (`start == end` for a blank line).
    pub end: usize,
    /// Indentation in columns.
    pub indent: usize,
    /// Display width of the text after the indentation.
    pub width: usize,
    /// Whether that text is narrow: every character one column wide and a cluster of
    /// its own (see `crate::text_width::narrow_chars`), so that `width` is its count.
    pub narrow: bool,
    /// Whether this line continues the one before it (a hanging continuation).
    pub continues: bool,
}

/// The lines of the verse block `text[range]`, blank ones at its end dropped.
pub fn lines(text: &str, range: Range<usize>) -> Vec<VerseLine> {
    let (start, block) = (range.start, &text[range]);
    // Room for lines of 32 bytes, so that a block of usual lines is not grown line by line
    // (the vector lives only as long as the block is drawn).
    let mut out = Vec::with_capacity(block.len() / 32 + 1);
    let mut pos = start;
    // Which lines had a number in the right margin (a page or a line number), by index:
    // most blocks have none, and then nothing is allocated.
    let mut numbered = Vec::new();
    // ...and the length of each one's text with its number (see below).
    let mut with_number = Vec::new();
    // Lines are short: the memchr crate finds each end faster than `split` does.
    let ends = memchr::memchr_iter(b'\n', block.as_bytes()).chain([block.len()]);
    for end in ends {
        let raw = &text[pos..start + end];
        let content = trim_start(raw);
        let lead = raw.len() - content.len();
        let written = trim_end(content);
        // An indent of ASCII spaces (nearly always) is as wide as it is long, as
        // `str_width` would find with a call.
        let indent = match raw.as_bytes()[..lead].is_ascii() {
            true => lead,
            false => str_width(&raw[..lead]),
        };
        let trimmed = without_margin_number(written, indent);
        if trimmed.len() < written.len() {
            numbered.push(out.len());
            with_number.push(written.len());
        }
        let (width, narrow) = measure(trimmed);
        out.push(VerseLine {
            start: pos + lead,
            end: pos + lead + trimmed.len(),
            indent,
            width,
            narrow,
            continues: false,
        });
        pos += raw.len() + 1;
    }
    // Blank source lines at the end would share a start with the spacer after the block.
    while out.last().is_some_and(|l: &VerseLine| l.start == l.end) {
        out.pop();
    }
    mark_hanging(text, &mut out, &numbered);
    // When half the lines or more end on a number, the numbers are a column of the
    // block (a contents list's pages), not a count of its lines: they are kept.
    let written = out.iter().filter(|l| l.start < l.end).count();
    if !numbered.is_empty() && numbered.len() * 2 >= written {
        for (&i, &len) in numbered.iter().zip(&with_number) {
            let line = &mut out[i];
            line.end = line.start + len;
            (line.width, line.narrow) = measure(&text[line.start..line.end]);
        }
    }
    out
}

/// The width of a line's text, as `str_width` measures it, and whether it is narrow
/// (see [`VerseLine::narrow`]), told on the way.
fn measure(t: &str) -> (usize, bool) {
    let narrow = match t.is_ascii() {
        true => Some(t.len()),
        false => narrow_chars(t),
    };
    (narrow.unwrap_or_else(|| str_width(t)), narrow.is_some())
}

/// Marks the lines that hang from the line before: deeper than the head of their line,
/// after a line that ran to the block's margin (or could not take the next word).
/// `numbered` holds the indices of the lines that had a number in the right margin.
fn mark_hanging(text: &str, lines: &mut [VerseLine], numbered: &[usize]) {
    let written = lines.iter().filter(|l| l.start < l.end);
    let longest = written
        .clone()
        .map(|l| l.indent + l.width)
        .max()
        .unwrap_or(0);
    let written = written.count();
    // Deeper lines that start with a capital are a stanza's own indentation (alternating
    // lines, a refrain) when most deeper lines do; a long line's continuation starts
    // wherever its sentence is, mostly in lower case.
    let min_indent = lines
        .iter()
        .filter(|l| l.start < l.end)
        .map(|l| l.indent)
        .min()
        .unwrap_or(0);
    let (mut deeper, mut capital) = (0, 0);
    for l in lines
        .iter()
        .filter(|l| l.start < l.end && l.indent > min_indent)
    {
        deeper += 1;
        capital += usize::from(starts_capital(&text[l.start..l.end]));
    }
    let capitals_are_verse = deeper >= 2 && capital * 10 >= deeper * 6;
    // A list whose entries end on a number (a contents list's pages) when half its lines
    // do: an entry without its number goes on to the deeper line that has it.
    let numbers_end_entries = numbered.len() * 2 >= written;
    let has_number = |i: usize| numbered.binary_search(&i).is_ok();
    let under_name = speaker_above(text, lines);
    let mut head = 0;
    for i in 1..lines.len() {
        let (prev, next) = (lines[i - 1], lines[i]);
        if under_name && i >= 2 && goes_on_flush(text, prev, next, longest) {
            lines[i].continues = true;
            continue;
        }
        // Only a line deeper than the head of its line can hang from it (most lines of
        // verse are not): the rest need not be asked.
        if prev.start == prev.end || next.start == next.end || next.indent <= lines[head].indent {
            head = i;
            continue;
        }
        let prev_end = prev.indent + prev.width;
        let next_word = text[next.start..next.end]
            .split(char::is_whitespace)
            .next()
            .map_or(0, str_width);
        let next_text = &text[next.start..next.end];
        // A line cut mid-phrase, carried on in lower case, hangs at any width.
        // Unless the two are short lines centred on one middle (a title page).
        let centred = prev.indent.min(next.indent) >= 4
            && prev.width.max(next.width) <= 50
            && (2 * prev.indent + prev.width).abs_diff(2 * next.indent + next.width) <= 2;
        // A line too short for any margin to have cut it is the poem's shape (a tail of
        // words narrowing and widening), whatever it stops on. (Not measured against the
        // block's longest line: a long block is laid out in pieces, each its own longest.)
        let in_item = under_bullet(text, lines[head], next);
        let cut = prev_end + 1 + next_word > MIN_MARGIN || in_item;
        let mid_phrase = ends_in_word(&text[prev.start..prev.end])
            && next_text.starts_with(char::is_lowercase)
            && !centred
            && cut;
        // In two lines the longest is no measure of a margin: a capital there starts a
        // line of its own.
        let at_margin = longest >= HANG_MIN_WIDTH
            && (prev_end + HANG_SLACK >= longest || prev_end + 1 + next_word > longest)
            && (written >= 3 || !starts_capital(next_text))
            // A finished sentence is not carried on by a new one, but in a list item
            // cut at the margin (the next sentence of `* **LTS**: ... a release.` over
            // `  LTS releases receive ...`).
            && !(ends_sentence(&text[prev.start..prev.end])
                && starts_capital(next_text)
                && !in_item);
        // A line set far in that goes on in lower case continues the one above,
        // whatever that one ended on.
        let far_in = next.indent >= lines[head].indent + 6
            && next_text.starts_with(char::is_lowercase)
            && !centred;
        let entry_goes_on = numbers_end_entries && !has_number(i - 1) && has_number(i);
        // A line drawn in marks (a box's edge, a rule) has no words to carry on.
        let drawn = text[prev.start..prev.end]
            .bytes()
            .all(|b| matches!(b, b'+' | b'-' | b'=' | b'|' | b'_' | b' '));
        let hanging = entry_goes_on
            || !(drawn || capitals_are_verse && starts_capital(next_text))
                && (at_margin || mid_phrase || far_in);
        if hanging {
            lines[i].continues = true;
        } else {
            head = i;
        }
    }
}

/// Whether the block is a speech under its speaker's name: a short line in capitals
/// over lines set flush with each other.
fn speaker_above(text: &str, lines: &[VerseLine]) -> bool {
    let [name, first, rest @ ..] = lines else {
        return false;
    };
    let t = &text[name.start..name.end];
    !rest.is_empty()
        && t.len() <= 30
        && t.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !t.chars().any(char::is_lowercase)
        && t.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-'))
        && rest.iter().all(|l| l.indent == first.indent)
}

/// In a speech under its speaker's name, whether `next` carries on `prev`, a line of
/// hard-wrapped prose: `prev` runs to the block's margin (or could not take the next
/// word) and stops mid-sentence (on a word, or a comma, a semicolon, a dash: the margin
/// cut the sentence wherever it was), and `next` goes on in lower case. Verse lines start
/// with capitals or stop short of the margin, and keep their lines.
fn goes_on_flush(text: &str, prev: VerseLine, next: VerseLine, longest: usize) -> bool {
    let next_text = &text[next.start..next.end];
    let next_word = next_text
        .split(char::is_whitespace)
        .next()
        .map_or(0, str_width);
    let prev_end = prev.indent + prev.width;
    longest >= HANG_MIN_WIDTH
        && (prev_end + HANG_SLACK >= longest || prev_end + 1 + next_word > longest)
        && !ends_sentence(&text[prev.start..prev.end])
        && next_text.starts_with(char::is_lowercase)
}

/// `raw.trim_start()`, byte by byte while the text is ASCII.
fn trim_start(raw: &str) -> &str {
    let lead = raw
        .bytes()
        .position(|b| !matches!(b, b' ' | b'\t'..=b'\r'))
        .unwrap_or(raw.len());
    match raw.as_bytes().get(lead) {
        Some(b) if !b.is_ascii() => raw.trim_start(),
        _ => &raw[lead..],
    }
}

/// `raw.trim_end()`, with no Unicode lookup when the line ends on ASCII that is not
/// whitespace (nearly always).
fn trim_end(raw: &str) -> &str {
    match raw.as_bytes().last() {
        Some(b) if b.is_ascii() && !matches!(b, b' ' | b'\t'..=b'\r') => raw,
        _ => raw.trim_end(),
    }
}

/// Whether the line's first letter (past quotes and brackets) is a capital.
fn starts_capital(t: &str) -> bool {
    first_letter(t).is_some_and(char::is_uppercase)
}
/// `line` without a line number set in the right margin (`Or if the world   10`): a run
/// of at least three spaces, then one to four digits ending the line. The number counts
/// the verse; it is not part of it (unless most lines of the block have one: see
/// [`lines`]). It stands out in the margin of a full-width line
/// (`indent` columns in): a count after a gap in a short line (`Lamps lit:      9`) is
/// the line's own.
fn without_margin_number(line: &str, indent: usize) -> &str {
    let digits = line.len() - line.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let before = &line[..line.len() - digits];
    if (1..=4).contains(&digits)
        && before.ends_with("   ")
        && !before.trim().is_empty()
        && indent + str_width(line) >= MARGIN_NUMBER_AT
    {
        before.trim_end()
    } else {
        line
    }
}

#[cfg(test)]
mod tests;
