//! Lines their author ended inside prose a tool wrapped, with no blank line to say so:
//! a label over its text ("Method" over a recipe's steps), a letter's salutation and
//! closing around its hard-wrapped text.

use super::super::shape::{self, SourceLine};
use super::super::stats::Stats;
use super::super::{cues, evidence};
use super::ends_clause;
use crate::document::BlockKind;

/// A letter's closing and the signature under it, at most.
const CLOSING_LINES: usize = 3;

/// Words in a label over its text, at most ("Method", "Further reading").
const LABEL_WORDS: usize = 3;

/// Whether `label`, the first line of a group, is a label set over the hard-wrapped prose
/// of the lines under it with no blank line between ("Method" over a recipe's steps,
/// "Dear Sir" over a letter): a few words at the prose's margin that end on no stop but
/// a colon, and the next line's first word, a capital, would have fitted after them. A
/// tool wrapping prose fills its lines, so the author ended this one.
#[inline]
pub(in crate::document::blocks) fn is_label_over_prose(
    text: &str,
    stats: &Stats,
    label: &SourceLine,
    under: &[SourceLine],
) -> bool {
    // Cheapest refusals first, inlined (this is asked of every group): a label is short
    // and has text under it.
    label.end - label.content <= LABEL_LEN
        && under.len() >= 2
        && is_label_over_prose_of(text, stats, label, under)
}

/// A label is at most this long, in bytes.
const LABEL_LEN: usize = 40;

/// [`is_label_over_prose`] for a short first line with two lines or more under it.
#[inline(never)]
fn is_label_over_prose_of(
    text: &str,
    stats: &Stats,
    label: &SourceLine,
    under: &[SourceLine],
) -> bool {
    let [first, ..] = under else {
        return false;
    };
    let t = label.text(text);
    // Cheapest refusals first: a label is short and starts with a capital.
    if !t.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let shaped = t.split(' ').count() <= LABEL_WORDS
        && t.ends_with(|c: char| c.is_alphanumeric() || c == ':')
        && label.indent == first.indent
        // The text's first line is a full one: a stanza of short lines is no prose.
        && !stats.is_short(first.width)
        && cues::first_letter(first.text(text)).is_some_and(char::is_uppercase)
        && !cues::starts_numbered(t);
    if !shaped {
        return false;
    }
    // The wrap column last: it is measured over the lines.
    let wrap = evidence::local_wrap(stats, under);
    evidence::next_word_fitted(text, stats, label, first, wrap)
        && evidence::prose_or_verse(text, stats, under, wrap) == BlockKind::Paragraph
}

/// Whether `group[i]`, a line that does not go on in small letters and whose first word
/// would have fitted on the line above (`fitted`), was started by its author beside lines a tool
/// wrapped: a letter's text under "Dear Marta," or its closing ("Your friend,") under
/// the text. Only the prose at this line's margin counts (a verse line's hanging
/// continuation wrapped by a tool says nothing of the next verse line).
///
/// On one side only: between two wrapped runs, a short line ending a sentence is a
/// paragraph's last line or its author's whim (a book's uneven wrap), and the other
/// rules decide. Before a wrapped run, only a line at its margin and short beside it is
/// the author's (a full one is the run's first; a long poem's lines are long and its
/// wrap wide, so a line of one may leave room for a word and be no label). After one,
/// only a letter's closing: a short line ending on a comma after a finished clause, and
/// at most a short signature under it (no paragraph's last line ends on a comma).
pub(super) fn beside_wrapped(
    text: &str,
    stats: &Stats,
    group: &[SourceLine],
    i: usize,
    wrap: evidence::Wrap,
    fitted: impl Fn() -> bool,
) -> bool {
    let (prev, line) = (&group[i - 1], &group[i]);
    // The shapes first, with no look at the lines around (this is asked of every line
    // that does not go on in small letters: every line of a poem).
    let label =
        prev.indent == line.indent && prev.width * 3 < line.width * 2 && stats.is_short(prev.width);
    let closing = || {
        line.text(text).ends_with(',')
            && group.len() - i <= CLOSING_LINES
            && ends_clause(prev.text(text))
            && group[i..].iter().all(|l| stats.is_short(l.width))
    };
    let tool_wrapped = |k: usize| {
        k >= 1
            && k < group.len()
            && group[k].indent == line.indent
            && is_tool_break(text, stats, group, k, wrap)
    };
    label && fitted() && tool_wrapped(i + 1) && !tool_wrapped(i - 1)
        || closing() && fitted() && tool_wrapped(i - 1) && !tool_wrapped(i + 1)
}

/// Whether a tool broke the line before `group[k]` without a doubt: the sentence goes on
/// in small letters at the same margin, and its first word would not have fitted on the
/// line above.
fn is_tool_break(
    text: &str,
    stats: &Stats,
    group: &[SourceLine],
    k: usize,
    wrap: evidence::Wrap,
) -> bool {
    let (prev, line) = (&group[k - 1], &group[k]);
    line.indent == prev.indent
        && starts_with_small_word(line.text(text))
        && !shape::ends_sentence(prev.text(text))
        && !evidence::next_word_fitted(text, stats, prev, line, wrap)
}

/// Whether `t` starts with a word in small letters (`of`, `don't`, `well-known,`), not
/// a code's token (`o+`, `x++`).
fn starts_with_small_word(t: &str) -> bool {
    let word = t.split(' ').next().unwrap_or("");
    let word = word.trim_end_matches([',', '.', ';', ':', '!', '?', ')', '\'', '"']);
    word.starts_with(|c: char| c.is_ascii_lowercase())
        && word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'\'' || b == b'-')
}
