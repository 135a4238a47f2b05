//! A block's words made into [`Frag`]ments for the line breaking: plain ASCII words as
//! they are, other tokens cut at Unicode break opportunities (and at hyphenation points,
//! when asked), gaps the line may not break at kept inside one fragment.

use super::Frag;
use crate::layout::classes::{is_kept_together, is_tight_join};
use crate::layout::hyphen::hyphen_points_in;
use crate::layout::language::Lang;
use crate::layout::tokens::Tokens;
use crate::text_width::{grapheme_width, str_width};
use std::ops::Range;
use textwrap::WordSeparator;
use unicode_segmentation::UnicodeSegmentation;

/// Pushes the fragments of the words in `text[range]`; `max` is the narrowest line width,
/// which no fragment may exceed unless it is one grapheme.
///
/// A gap of one space or none that the line may not break at (before a closing bracket or
/// a stop, after an opening bracket: [`is_kept_together`]) is kept inside one fragment
/// when that fits.
pub(super) fn push_words(
    text: &str,
    range: Range<usize>,
    verbatim: bool,
    max: usize,
    hidden: &[usize],
    hyphenate: Option<Lang>,
    out: &mut Vec<Frag>,
) {
    let first = out.len();
    push_visible_words(text, range, verbatim, max, hyphenate, out);
    // Hidden emphasis markers take no room: each is one ASCII byte, one column.
    if !hidden.is_empty() {
        for frag in &mut out[first..] {
            let from = hidden.partition_point(|&at| at < frag.start);
            let inside = hidden[from..]
                .iter()
                .take_while(|&&at| at < frag.end)
                .count();
            frag.width = frag.width.saturating_sub(inside);
        }
    }
}

fn push_visible_words(
    text: &str,
    range: Range<usize>,
    verbatim: bool,
    max: usize,
    hyphenate: Option<Lang>,
    out: &mut Vec<Frag>,
) {
    let push = |start: usize, end: usize, gap: usize, glue: &mut bool, out: &mut Vec<Frag>| {
        if let Some(lang) = hyphenate {
            push_hyphenated(text, (start, end, lang), gap, max, glue, out);
        } else {
            push_token(text, start, end, gap, max, glue, out);
        }
    };
    let base = range.start;
    let s = &text[range];
    // The previous token, and whether it is glued to the one before it.
    let mut prev: Option<(usize, usize, bool)> = None;
    for (start, end) in Tokens::new(s) {
        let mut glue_next = false;
        if let Some((ps, pe, glued)) = prev {
            let gap_text = &s[pe..start];
            let gap = if is_tight_join(&s[..pe], gap_text, &s[start..]) {
                0
            } else if verbatim && !gap_text.contains('\n') {
                str_width(gap_text)
            } else {
                1
            };
            let mut glue = glued;
            push(base + ps, base + pe, gap, &mut glue, out);
            // Not across a wider gap: that is a verse line's or a table's own spacing.
            glue_next = gap <= 1 && is_kept_together(&s[..pe], &s[start..]);
        }
        prev = Some((start, end, glue_next));
    }
    if let Some((ps, pe, glued)) = prev {
        let mut glue = glued;
        push(base + ps, base + pe, 0, &mut glue, out);
    }
}

/// Pushes `frag`; when `glue` is set (it is then cleared), joins it to the last fragment
/// instead, if the two fit in `max` together, so that no line breaks between them.
fn push_frag(out: &mut Vec<Frag>, frag: Frag, max: usize, glue: &mut bool) {
    if std::mem::take(glue) {
        if let Some(last) = out.last_mut() {
            let width = last.width + last.gap + frag.width;
            if width <= max {
                *last = Frag {
                    start: last.start,
                    end: frag.end,
                    width,
                    gap: frag.gap,
                    hyphen: frag.hyphen,
                };
                return;
            }
        }
    }
    out.push(frag);
}

/// Whether an ASCII token has no line-break opportunity inside under the Unicode rules
/// (as textwrap applies them: no break after a hyphen), checked in the tests.
pub fn is_plain_word(token: &str) -> bool {
    token
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b".,;:'\"-)".contains(&b))
}

/// Pushes the fragments of one whitespace-free token, split at its Unicode line-break
/// opportunities (between CJK characters, after dashes and the like). The first is glued
/// to the previous fragment when `glue` is set.
fn push_token(
    text: &str,
    start: usize,
    end: usize,
    gap: usize,
    max: usize,
    glue: &mut bool,
    out: &mut Vec<Frag>,
) {
    let token = &text[start..end];
    if is_plain_word(token) {
        push_piece(text, start..end, token.len(), gap, max, glue, out);
        return;
    }
    let mut pos = start;
    for word in WordSeparator::UnicodeBreakProperties.find_words(token) {
        let len = word.word.len() + word.whitespace.len() + word.penalty.len();
        let piece_end = (pos + len).min(end);
        if piece_end > pos {
            let last = piece_end == end;
            let w = str_width(&text[pos..piece_end]);
            let g = if last { gap } else { 0 };
            push_piece(text, pos..piece_end, w, g, max, glue, out);
        }
        pos = piece_end;
    }
    if pos < end {
        let w = str_width(&text[pos..end]);
        push_piece(text, pos..end, w, gap, max, glue, out);
    }
}

/// [`push_token`] for a token that may also break at its hyphenation points (see
/// [`super::hyphen`]): each piece but the last may end a line, with a hyphen drawn after
/// it unless it ends with one of its own.
fn push_hyphenated(
    text: &str,
    (start, end, lang): (usize, usize, Lang),
    gap: usize,
    max: usize,
    glue: &mut bool,
    out: &mut Vec<Frag>,
) {
    let points = hyphen_points_in(&text[start..end], lang);
    if points.is_empty() {
        push_token(text, start, end, gap, max, glue, out);
        return;
    }
    let mut from = start;
    for (at, drawn) in points {
        push_token(text, from, start + at, 0, max, glue, out);
        if let Some(last) = out.last_mut() {
            last.hyphen = drawn;
        }
        from = start + at;
    }
    push_token(text, from, end, gap, max, glue, out);
}

/// Pushes one unbreakable piece, or, when it is wider than `max`, its grapheme clusters
/// grouped into pieces at most `max` wide (a single cluster may be wider). Such a cut is
/// moved back rather than start a line with a character that may not start one or end a
/// line with one that may not end one, unless no cut in the run is allowed.
fn push_piece(
    text: &str,
    range: Range<usize>,
    width: usize,
    gap: usize,
    max: usize,
    glue: &mut bool,
    out: &mut Vec<Frag>,
) {
    let Range { start, end } = range;
    if width <= max {
        let frag = Frag {
            start,
            end,
            width,
            gap,
            hyphen: false,
        };
        push_frag(out, frag, max, glue);
        return;
    }
    let mut from = start;
    let mut sum = 0;
    // The last cut in the current run that kinsoku allows, and the width before it.
    let mut allowed: Option<(usize, usize)> = None;
    let mut prev = "";
    for (i, g) in text[start..end].grapheme_indices(true) {
        let w = grapheme_width(g);
        let at = start + i;
        if at > from && !is_kept_together(prev, g) {
            allowed = Some((at, sum));
        }
        // Twice at most: a cut moved back may leave too little room for `g`, and then
        // the run is cut before `g` whatever kinsoku says.
        while sum + w > max && at > from {
            let (cut, before) = allowed.take().unwrap_or((at, sum));
            let frag = Frag {
                start: from,
                end: cut,
                width: before,
                gap: 0,
                hyphen: false,
            };
            push_frag(out, frag, max, glue);
            from = cut;
            sum -= before;
        }
        sum += w;
        prev = g;
    }
    let frag = Frag {
        start: from,
        end,
        width: sum,
        gap,
        hyphen: false,
    };
    push_frag(out, frag, max, glue);
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
