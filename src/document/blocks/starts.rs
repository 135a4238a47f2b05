//! Where a block starts inside a group of lines with no blank line between them: a
//! typewriter paragraph's indent, Japanese one-line paragraphs, an attribution, the next
//! numbered verse, a speaker, a stage direction, a signature, a section number.

use super::shape::{self, SourceLine};
use super::stats::Stats;
use super::{cues, evidence, heading, is_heading_line};
use crate::document::quote;

mod authored;

pub(super) use authored::is_label_over_prose;

/// Typewriter style: indented lines (deeper than the group's least indent) follow
/// finished sentences, and the lines between them read as prose (soft breaks, a third
/// of them or more going on in lower case). Hanging-indented verse
/// continues unfinished lines instead, and a poem's indented refrain or closing couplet
/// follows a finished line too, but its lines are not prose.
pub(super) fn is_typewriter(
    text: &str,
    stats: &Stats,
    group: &[SourceLine],
    base: usize,
    wrap: evidence::Wrap,
) -> bool {
    let (mut yes, mut no) = (0, 0);
    for pair in group.windows(2) {
        let (prev, next) = (&pair[0], &pair[1]);
        if next.indent > base && next.indent <= base + 12 {
            let t = prev.text(text);
            if shape::ends_sentence(t) || shape::is_titled_heading(t) {
                yes += 1;
            } else {
                no += 1;
            }
        }
    }
    if yes <= no {
        return false;
    }
    // The lines inside the paragraphs must read as prose: soft breaks, and sentences
    // going on in lower case (a ballad's long lines can look soft, but start capitals).
    let (mut prose, mut lower, mut counted) = (0, 0, 0);
    for pair in group.windows(2) {
        let next = pair[1].indent;
        if next <= pair[0].indent && !(next > base && next <= base + 12) {
            prose += evidence::soft_score(text, stats, &pair[0], &pair[1], wrap).signum();
            let first = cues::first_letter(pair[1].text(text));
            lower += i32::from(first.is_some_and(char::is_lowercase));
            counted += 1;
        }
    }
    prose > 0 && lower * 3 >= counted
}

/// One paragraph per line with no blank line between (fan fiction pasted without its
/// spacing): some of the group's lines are too long to have been hard-wrapped, and next
/// to none sits in the band a wrapping tool fills (from [`Stats::full`] to
/// [`Stats::too_long`]), and such lines end sentences, all but one in ten at most (a
/// wrapping tool that counted characters rather than columns leaves long lines of CJK
/// text that stop mid-sentence, most of them; an author's paragraph now and then ends
/// on a dash or a quotation without a full stop). Then every line break is the
/// author's, and a line that ends a sentence ends its paragraph.
pub(super) fn is_unwrapped(text: &str, stats: &Stats, group: &[SourceLine]) -> bool {
    let (mut long, mut open, mut wrapped) = (0, 0, 0);
    for line in group {
        if stats.is_too_long(line.width) {
            long += 1;
            open += usize::from(!shape::ends_sentence(line.text(text)));
        } else if !stats.is_short(line.width) {
            wrapped += 1;
        }
    }
    long >= 2 && wrapped * 4 <= long && open * 10 <= long
}

/// Whether `group[i]` starts a new paragraph although no blank line precedes it.
///
/// `typewriter` is the group's least indent when the group is in typewriter style.
pub(super) fn starts_paragraph(
    text: &str,
    stats: &Stats,
    group: &[SourceLine],
    i: usize,
    wrap: evidence::Wrap,
    typewriter: Option<usize>,
) -> bool {
    let (prev, line) = (&group[i - 1], &group[i]);
    if line.ideographic_indent(text) {
        return true;
    }
    let (p, t) = (prev.text(text), line.text(text));
    // A Markdown heading is a line of its own, before its text or after a paragraph.
    if is_lone_atx(text, group, i - 1) || is_lone_atx(text, group, i) {
        return true;
    }
    // The next item of a list, or the next speech of dialogue marked with dashes.
    if starts_item(text, group, i) {
        return true;
    }
    // An email's quoted lines are a passage apart from the reply around them, and each
    // level of quoting apart from the next.
    if quote::depth(p) != quote::depth(t) {
        return true;
    }
    // One line per paragraph: a line too long to have been hard-wrapped ends its
    // paragraph, if it ends a sentence (a single over-long line in hard-wrapped prose
    // does not).
    if stats.is_too_long(prev.width) && shape::ends_sentence(p) {
        return true;
    }
    // A line that goes on in lower case, no deeper than the one before, starts nothing
    // but a typewriter paragraph: the common case, decided without the checks below.
    let goes_on =
        t.as_bytes().first().is_some_and(u8::is_ascii_lowercase) && line.indent <= prev.indent + 4;
    // A section number alone on its line ("二" between paragraphs of one-line Japanese).
    // A number the line above had room for was put on a line of its own by the author
    // (one it had no room for may be a page reference wrapped to the next line).
    let fitted = || evidence::next_word_fitted(text, stats, prev, line, wrap);
    if shape::is_section_number(p)
        || !goes_on && shape::is_section_number(t) && ends_clause(p) && fitted()
    {
        return true;
    }
    if !goes_on && starts_by_its_look(text, stats, group, i, fitted) {
        return true;
    }
    // A line the author ended beside lines a tool wrapped ("Dear Marta," over a letter).
    if !goes_on && authored::beside_wrapped(text, stats, group, i, wrap, fitted) {
        return true;
    }
    let Some(base) = typewriter else {
        return false;
    };
    line.indent > base && shape::ends_sentence(p)
        || is_heading_line(text, stats, line)
        || is_heading_line(text, stats, prev)
}

/// Whether `group[k]` is a Markdown heading (`## Usage`, at most three columns in) with
/// no `#` line next to it: a run of `#` lines is a block of comments.
#[inline]
fn is_lone_atx(text: &str, group: &[SourceLine], k: usize) -> bool {
    // Cheapest refusal first, inlined: this is asked twice of every line.
    text.as_bytes().get(group[k].content) == Some(&b'#') && is_lone_atx_line(text, group, k)
}

/// [`is_lone_atx`] for a line that starts with `#`.
#[inline(never)]
fn is_lone_atx_line(text: &str, group: &[SourceLine], k: usize) -> bool {
    let hashed = |l: &SourceLine| l.text(text).starts_with('#');
    let line = &group[k];
    hashed(line)
        && line.indent <= 3
        && !(k > 0 && hashed(&group[k - 1]))
        && !group.get(k + 1).is_some_and(hashed)
        && heading::open_brackets(line.text(text)) <= 0
        && heading::atx_title(line.text(text)).is_some()
}

/// Whether `group[i]`, a line that does not simply go on in lower case, starts a block by
/// its own look: Japanese dialogue, an attribution, a numbered verse, a signature, a
/// stage direction, a speaker.
fn starts_by_its_look(
    text: &str,
    stats: &Stats,
    group: &[SourceLine],
    i: usize,
    fitted: impl Fn() -> bool,
) -> bool {
    let (prev, line) = (&group[i - 1], &group[i]);
    let (p, t) = (prev.text(text), line.text(text));
    // `「` and `『` (U+300C, U+300E) by their bytes, with no character decoded.
    let opens_japanese_quote = matches!(t.as_bytes(), [0xe3, 0x80, 0x8c | 0x8e, ..]);
    if opens_japanese_quote && (shape::ends_sentence(p) || stats.is_one_line_japanese()) {
        return true;
    }
    // A quotation's attribution, and the next numbered verse or list item.
    if cues::is_attribution(t)
        && !cues::is_attribution(p)
        && (line.indent > prev.indent || shape::ends_sentence(p))
    {
        return true;
    }
    // Chapter and verse (`2:4`) is never a page reference; a bare number (`616.`) may be
    // one wrapped to the next line, unless the line above had room for it.
    let chapter_and_verse = || t[..cues::number_prefix(t)].contains(':');
    if cues::starts_numbered(t) && shape::ends_sentence(p) && (chapter_and_verse() || fitted()) {
        return true;
    }
    // A signature set far to the right under a letter's last line, which may close on
    // a comma ("Yours faithfully,").
    if i + 1 == group.len()
        && line.indent >= 20
        && line.indent >= prev.indent + 16
        && !t.starts_with(char::is_lowercase)
        && (ends_clause(p) || p.ends_with(','))
    {
        return true;
    }
    // A stage direction set in from the verse around it.
    if line.indent > prev.indent + 4 && heading::is_stage_direction(t) {
        return true;
    }
    // The next speech of a play whose speakers start their lines; where the group's
    // speeches set their words at tab stops, a name whose tab came down to one space.
    // A speaker ending on a colon, only among more of them. Lines all in capitals are a
    // title set in them ("BY THE RIGHT HONORABLE ..." over "WRITTEN BY CH. MARL."),
    // not a speaker and a speech.
    let nearby = &group[i.saturating_sub(NEARBY)..group.len().min(i + NEARBY)];
    let capitals = |s: &str| !s.chars().any(char::is_lowercase);
    ends_clause(p)
        && (cues::starts_speech(t)
            && (!cues::starts_colon_speech(t)
                || nearby
                    .iter()
                    .any(|l| l.start != line.start && cues::starts_colon_speech(l.text(text))))
            || cues::starts_speech_at_stop(t, line.indent)
                && nearby
                    .iter()
                    .any(|l| cues::is_tabbed_speech(l.text(text), l.indent)))
        && !(capitals(t) && capitals(p))
}

/// Lines either side of a line looked at for the group's habits (bounded, so a huge
/// group costs no more per line than a small one).
const NEARBY: usize = 24;

/// Whether a line ends on punctuation that closes a clause or a speech, not in a word, a
/// hyphen (a word broken at the margin) or a comma.
fn ends_clause(p: &str) -> bool {
    // The marks are ASCII: a last byte that is one is the last character.
    !cues::ends_in_word(p) && !matches!(p.as_bytes().last(), Some(b'-' | b',' | b'(' | b'['))
}

/// Whether `group` is a bulleted list set line by line: its first line starts with a
/// bullet, a later line starts with the same one at the same indent (a dash that
/// wrapped to a line's start is not a list's), and every other line is hung under an
/// item's text. Its lines are kept, so that no item runs into the one before. (Items
/// whose lines run on flush, or dialogue marked with dashes in hard-wrapped prose, are
/// paragraphs, each item starting one: see [`starts_item`].)
pub(super) fn is_bulleted_list(text: &str, group: &[SourceLine]) -> bool {
    let Some(mark) = list_mark(text, group) else {
        return false;
    };
    let indent = group[0].indent;
    group[1..].iter().any(|l| is_item(text, l, mark, indent))
        && group
            .iter()
            .all(|l| is_item(text, l, mark, indent) || l.indent > indent)
}

/// Whether line `i` of `group` starts an item of a list (or a speech of dialogue) marked
/// as its first line is, at the same indent.
#[inline]
pub(super) fn starts_item(text: &str, group: &[SourceLine], i: usize) -> bool {
    // Cheapest refusal first, inlined: a list's first line starts with a bullet's bytes
    // (see `bullet`); a line of dialogue opening on a curly quote does not.
    let first = group.first().and_then(|l| text.as_bytes().get(l.content..));
    first.is_some_and(starts_with_mark) && starts_item_of_list(text, group, i)
}

/// Whether `b` starts with the bytes of one of [`bullet`]'s marks (`*`, `-`, `+`, `•`,
/// `–`, `·`, `◦`, `▪`): its cheap refusal, which a curly quote's `E2` does not pass.
#[inline]
fn starts_with_mark(b: &[u8]) -> bool {
    matches!(
        b,
        [b'*' | b'-' | b'+', ..]
            | [0xc2, 0xb7, ..]
            | [0xe2, 0x80, 0xa2 | 0x93, ..]
            | [0xe2, 0x97, 0xa6, ..]
            | [0xe2, 0x96, 0xaa, ..]
    )
}

/// [`starts_item`] for a group whose first line may start with a bullet.
#[inline(never)]
fn starts_item_of_list(text: &str, group: &[SourceLine], i: usize) -> bool {
    list_mark(text, group).is_some_and(|mark| is_item(text, &group[i], mark, group[0].indent))
}

/// The bullet `group`'s first line starts with.
fn list_mark<'t>(text: &'t str, group: &[SourceLine]) -> Option<&'t str> {
    bullet(group.first()?.text(text))
}

fn is_item(text: &str, line: &SourceLine, mark: &str, indent: usize) -> bool {
    line.indent == indent && bullet(line.text(text)) == Some(mark)
}

/// The bullet that starts a list item (`* `, `- `, `• `), if `t` starts with one and
/// words follow it.
fn bullet(t: &str) -> Option<&str> {
    // Cheapest refusal first: this is asked of most lines.
    if !starts_with_mark(t.as_bytes()) {
        return None;
    }
    let (mark, rest) = t.split_once(' ')?;
    let is_bullet = matches!(mark, "*" | "-" | "+" | "•" | "–" | "·" | "◦" | "▪");
    (is_bullet && !rest.trim().is_empty()).then_some(mark)
}

#[cfg(test)]
mod tests {
    use super::{bullet, ends_clause, starts_with_mark};
    use crate::document::blocks::cues;
    use proptest::prelude::*;

    /// [`bullet`] without its refusal on the first bytes.
    fn plain_bullet(t: &str) -> Option<&str> {
        let (mark, rest) = t.split_once(' ')?;
        let is_bullet = matches!(mark, "*" | "-" | "+" | "•" | "–" | "·" | "◦" | "▪");
        (is_bullet && !rest.trim().is_empty()).then_some(mark)
    }

    proptest! {
        /// Lines ending on clause marks, word characters and look-alikes that are not
        /// ASCII: the last byte decides as the last character does. (Checked to fail
        /// with `b'['` left out.)
        #[test]
        fn a_clause_ends_as_by_its_last_character(t in "[a-z.,;(\\[\\-\u{2014}\u{ff0c}\u{e9}\u{201d}]{0,4}") {
            let plain = !cues::ends_in_word(&t) && !t.ends_with(['-', ',', '(', '[']);
            prop_assert_eq!(ends_clause(&t), plain);
        }

        /// The refusal on a line's first bytes refuses no bullet: lines of marks, curly
        /// quotes, dashes and other characters that share their first bytes.
        #[test]
        fn a_bullet_is_found_as_without_the_refusal(
            t in "[-*+•–·◦▪“‘—”…¶ a]{0,6}",
        ) {
            prop_assert_eq!(bullet(&t), plain_bullet(&t));
            if plain_bullet(&t).is_some() {
                prop_assert!(starts_with_mark(t.as_bytes()));
            }
        }
    }
}
