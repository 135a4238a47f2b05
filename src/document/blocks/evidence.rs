//! Evidence about one line break: was it the wrapping tool's (soft) or the author's
//! (hard)?
//!
//! The classic test: would the first word of the next line have fitted on this line
//! before the wrap column? A tool that fills lines never leaves room for the next word, so
//! if there was room, a person broke the line. The wrap column is the one in force for the
//! lines at hand (a quotation file wraps each entry differently), the document's when they
//! are too few to tell. Line-start capitals and line-end punctuation weigh in: prose
//! continues mid-sentence on a lower-case word, verse starts its lines with capitals and
//! ends them on punctuation.

use super::cues::{
    ends_in_word, ends_on_leading_word, first_letter, first_word_width, starts_numbered,
};
use super::shape::{self, SourceLine};
use super::stats::Stats;
use crate::document::BlockKind;

/// The wrap column in force for some lines: their own, or the document's (asked of the
/// statistics only when a break is measured against it, so that a guessed column is
/// checked against exactly the questions it answered).
#[derive(Debug, Clone, Copy)]
pub(super) enum Wrap {
    Own(usize),
    Document,
}

/// The wrap column in force for `lines` (a group or a piece of one): the widest of the
/// lines that are followed by another (near the widest, so a few over-long lines do not
/// count), when there are enough of them to tell and they reach near the document's
/// column; otherwise the document's.
pub(super) fn local_wrap(stats: &Stats, lines: &[SourceLine]) -> Wrap {
    let Some((_, inner)) = lines.split_last() else {
        return Wrap::Document;
    };
    if inner.len() < 3 {
        return Wrap::Document;
    }
    // Near the top of the widths but never the widest: a line or two over-long (an
    // unevenly wrapped paragraph) must not set the column for the rest. The first lines
    // are enough to tell, and need no allocation.
    let n = inner.len().min(32);
    let second = near_top(inner[..n].iter().map(|l| l.width), n);
    // Many lines are evidence enough of their own column; a few lines that all stop well
    // short of the document's column (by more than 15%) are verse, not a narrower wrap:
    // measure them against the document's.
    if stats.reaches_column(second) {
        Wrap::Own(second)
    } else {
        Wrap::Document
    }
}

/// Of `n` widths (3 to 32), the one at three quarters of the way up when sorted, but
/// never the widest: the (n - k)th widest with k = min(3n/4, n - 2), kept in a short list
/// of the widest seen, in one pass with no sort.
fn near_top(widths: impl Iterator<Item = usize>, n: usize) -> usize {
    let m = n - (n * 3 / 4).min(n - 2);
    let mut top = [0usize; 8];
    for w in widths {
        let mut at = m;
        while at > 0 && w > top[at - 1] {
            at -= 1;
        }
        if at < m {
            // Shifted by hand: a few numbers, for which a call to `memmove` costs more.
            for k in (at + 1..m).rev() {
                top[k] = top[k - 1];
            }
            top[at] = w;
        }
    }
    top[m - 1]
}

/// The score of the room left for the next word (`room` columns; negative when it would
/// not have fitted).
pub(super) fn room_score(room: i64) -> i32 {
    match room {
        ..=-1 => 3,
        0..=2 => 0,
        3..=5 => -1,
        6..=10 => -2,
        _ => -4,
    }
}

/// Whether the first word of `next` would have fitted at the end of `prev` before the
/// wrap column: then a person, not a tool, broke the line there.
pub(super) fn next_word_fitted(
    text: &str,
    stats: &Stats,
    prev: &SourceLine,
    next: &SourceLine,
    wrap: Wrap,
) -> bool {
    let used = prev.width + 1 + first_word_width(next.text(text));
    let score = match wrap {
        Wrap::Own(w) => room_score(w as i64 - used as i64),
        Wrap::Document => stats.room_for(used).0,
    };
    // Any room left (the score of a word that did not fit is the only positive one).
    score <= 0
}

/// How strongly the break between `prev` and `next` looks soft (positive) or hard
/// (negative), given the wrap column in force.
pub(super) fn soft_score(
    text: &str,
    stats: &Stats,
    prev: &SourceLine,
    next: &SourceLine,
    wrap: Wrap,
) -> i32 {
    let first = first_letter(next.text(text));
    soft_score_given(text, stats, prev, next, wrap, first)
}

/// [`soft_score`] given the first letter of `next` (see [`first_letter`]), which
/// [`prose_or_verse`] has looked up already.
fn soft_score_given(
    text: &str,
    stats: &Stats,
    prev: &SourceLine,
    next: &SourceLine,
    wrap: Wrap,
    first: Option<char>,
) -> i32 {
    let (p, n) = (prev.text(text), next.text(text));
    let word = first_word_width(n);
    let used = prev.width + 1 + word;
    let (mut score, room) = match wrap {
        Wrap::Own(w) => (room_score(w as i64 - used as i64), w as i64 - used as i64),
        Wrap::Document => stats.room_for(used),
    };
    // Short lines centred on one middle (a title page): twice the middle is indent +
    // width.
    if prev.indent != next.indent
        && prev.indent.min(next.indent) >= 4
        && (prev.width - prev.indent).max(next.width - next.indent) <= 50
        && (prev.indent + prev.width).abs_diff(next.indent + next.width) <= 2
    {
        score -= 4;
    }
    // The next item of a numbered list or the next numbered verse.
    if !first.is_some_and(char::is_lowercase) && starts_numbered(n) {
        score -= 3;
    }
    // A line of one word that left room for more: someone ended it there.
    // (A short line: a plain search costs less than a call to `memchr`'s.)
    if room > 10 && !p.as_bytes().contains(&b' ') {
        score -= 3;
    }
    let ends = shape::ends_sentence(p);
    match first {
        Some(c) if c.is_lowercase() => score += 2,
        // In prose a capital follows a full stop, or starts a name; in verse every line
        // has one.
        Some(c) if c.is_uppercase() && !ends => score -= if stats.is_capitalised() { 3 } else { 1 },
        _ => {}
    }
    if ends {
        score -= 1;
    } else if ends_in_word(p) {
        score += 1;
        // Nobody ends a line of verse on "the": a tool broke the sentence there.
        if ends_on_leading_word(p) {
            score += 2;
        }
    }
    score
}

/// A paragraph if its line breaks look soft (see [`evidence::soft_score`]); otherwise
/// verse.
///
/// Only breaks into a line at the piece's least indent vote: a deeper line is a hanging
/// continuation (verse), a stanza's alternating indent (verse), or a speech's or list
/// item's later lines (prose), and the other breaks tell which. When every line after the
/// first shares one deeper indent (a hanging paragraph), those breaks vote after all, and
/// when only the last line is deeper (a paragraph's last line on a tab) it is the only
/// evidence there is. Stepping back out of a deeper line onto a capital is verse evidence
/// at any level, and so are capitals on three lines in four of a capitalised document.
/// `wrap` is the column in force for the group the piece is part of.
pub(super) fn prose_or_verse(
    text: &str,
    stats: &Stats,
    piece: &[SourceLine],
    wrap: Wrap,
) -> BlockKind {
    let later = &piece[1..];
    let hanging_paragraph =
        later[0].indent > piece[0].indent + 1 && later.iter().all(|l| l.indent == later[0].indent);
    let base = if hanging_paragraph {
        later[0].indent
    } else {
        piece.iter().map(|l| l.indent).min().unwrap_or(0)
    };
    let (mut votes, mut counted, mut deeper, mut capitals) = (0, 0, 0, 0);
    for (i, pair) in piece.windows(2).enumerate() {
        let (prev, next) = (&pair[0], &pair[1]);
        // Poems start every line with a capital; prose continues mid-sentence.
        let first = first_letter(next.text(text));
        let starts_capital = first.is_some_and(char::is_uppercase);
        capitals += usize::from(starts_capital);
        // Back out from a deeper line on a capital: a hanging line or a refrain ended and
        // the next line of verse begins (a paragraph only goes deeper on its first line).
        if i > 0 && next.indent + 1 < prev.indent && starts_capital {
            votes -= 3;
            counted += 1;
        }
        let last = i + 2 == piece.len();
        if next.indent > base + 1 && !(last && counted == 0) {
            deeper += 1;
            continue;
        }
        votes += soft_score_given(text, stats, prev, next, wrap, first);
        counted += 1;
        // Four breaks in a row that each look like a wrapping tool's (the next word would
        // not have fitted, the sentence goes on in lower case) settle it: the rest of a
        // long paragraph need not be asked.
        if counted >= 4 && votes >= 5 * counted {
            return BlockKind::Paragraph;
        }
    }
    if deeper > 0 && counted == 0 {
        return BlockKind::Verse;
    }
    if later.len() >= 2
        && capitals * 4 >= later.len() * 3
        && stats.is_capitalised()
        && !wrapped_speech(text, stats, piece, wrap)
    {
        return BlockKind::Verse;
    }
    // A verse of scripture (`1:5 And God called...`) is a sentence or more of prose: a
    // line ending on a full stop with the next word only just fitting after it (the
    // next sentence starts with a capital, as they all do) is no evidence against that.
    if votes > 0 || votes >= -1 && is_chapter_and_verse(piece[0].text(text)) {
        BlockKind::Paragraph
    } else {
        BlockKind::Verse
    }
}

/// Whether `piece` is a play's speech (its speaker opening its first line) whose every
/// line was broken by a tool: the next word would not have fitted before the wrap. A
/// capital starting such a line is chance (a document that capitalises its nouns), not a
/// line of verse, which stops short of the column where its author ended it.
fn wrapped_speech(text: &str, stats: &Stats, piece: &[SourceLine], wrap: Wrap) -> bool {
    super::cues::starts_speech(piece[0].text(text))
        && piece
            .windows(2)
            .all(|pair| !next_word_fitted(text, stats, &pair[0], &pair[1], wrap))
}

/// Whether `t` starts with a chapter and verse number and the verse's first word:
/// `1:5 And`, `12:34. I`.
fn is_chapter_and_verse(t: &str) -> bool {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let chapter = digits(t);
    let Some(rest) = t[chapter..]
        .strip_prefix(':')
        .filter(|_| (1..=3).contains(&chapter))
    else {
        return false;
    };
    let verse = digits(rest);
    // Its words start with a capital: `10:30 in the morning` is a time.
    let words = rest[verse..].trim_start_matches(['.', ' ']);
    (1..=3).contains(&verse)
        && rest[verse..].starts_with([' ', '.'])
        && words.starts_with(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chapter_and_verse_number_leads_the_line() {
        assert!(is_chapter_and_verse("1:5 And God called"));
        assert!(is_chapter_and_verse("119:176. I have gone astray"));
        assert!(!is_chapter_and_verse("10:30 in the morning, the train"));
        assert!(!is_chapter_and_verse("At 10:30 the train left"));
        assert!(!is_chapter_and_verse("1:5"));
        assert!(!is_chapter_and_verse(":5 x"));
    }

    #[test]
    fn near_top_is_the_sorted_quantile() {
        let mut seed = 7u64;
        for n in 3..=32 {
            for _ in 0..50 {
                let widths: Vec<usize> = (0..n)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        (seed % 90) as usize
                    })
                    .collect();
                let mut sorted = widths.clone();
                sorted.sort_unstable();
                let want = sorted[(n * 3 / 4).min(n - 2)];
                assert_eq!(near_top(widths.into_iter(), n), want, "n {n}");
            }
        }
    }
}
