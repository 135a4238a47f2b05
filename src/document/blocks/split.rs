//! Bounded blocks: no block is longer than [`MAX_BLOCK`] bytes.
//!
//! The layout wraps a whole block at a time, so one 10 MB line would make every page
//! turn near it cost 10 MB of work. Longer blocks are cut into consecutive blocks of the
//! same kind. The cut prefers, in order:
//! 1. a space *inside* a line (for every kind, verse too: a cut at a line end would read
//!    as a stanza break): the next block starts after the spaces, so the text between
//!    the two blocks holds no `\n`. The layout relies on exactly that to treat the second
//!    block as the continuation of the first and draw no blank line between them;
//! 2. any character boundary (CJK text has no spaces), avoiding the middle of a
//!    grapheme joined by ZWJ or a combining mark. The gap is then empty.

use super::{Block, BlockKind};

/// The largest block, in bytes.
pub const MAX_BLOCK: usize = 16 * 1024;
/// A cut is looked for no further back than this from the limit, so pieces stay large.
const LOOK_BACK: usize = MAX_BLOCK / 4;

/// Pushes `kind` over `text[range]` onto `out`, cut into pieces of at most [`MAX_BLOCK`].
pub(super) fn push_bounded(
    out: &mut Vec<Block>,
    text: &str,
    kind: BlockKind,
    mut range: std::ops::Range<usize>,
) {
    while range.end - range.start > MAX_BLOCK {
        let (end, next) = cut(text, range.start);
        out.push(Block {
            kind,
            range: range.start..end,
        });
        range.start = next;
    }
    if range.start < range.end {
        out.push(Block { kind, range });
    }
}

/// Where to end a piece starting at `start` (with more than `MAX_BLOCK` bytes to go), and
/// where the next piece starts.
fn cut(text: &str, start: usize) -> (usize, usize) {
    let limit = floor_char_boundary(text, start + MAX_BLOCK);
    let window_start = ceil_char_boundary(text, limit - LOOK_BACK);
    let window = &text[window_start..limit];
    if let Some(sp) = window.rfind(' ') {
        let after_space = window_start + sp + 1;
        let end = start + text[start..after_space].trim_end().len();
        // Only a space within a line: the gap must not contain a line end.
        if end > start && !text[end..after_space].contains('\n') {
            let next = after_space
                + (text[after_space..].len() - text[after_space..].trim_start_matches(' ').len());
            return (end, next);
        }
    }
    let mut at = limit;
    while at > window_start && !is_grapheme_cut(text, at) {
        at = floor_char_boundary(text, at - 1);
    }
    if at == window_start {
        at = limit;
    }
    (at, at)
}

/// Whether cutting at `at` would not split a ZWJ sequence or detach a combining mark.
fn is_grapheme_cut(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    let joins = |c: Option<char>| {
        c.is_some_and(|c| {
            c == '\u{200d}'
                || ('\u{300}'..='\u{36f}').contains(&c)
                || ('\u{fe00}'..='\u{fe0f}').contains(&c)
                || ('\u{1f3fb}'..='\u{1f3ff}').contains(&c)
        })
    };
    !joins(after) && before != Some('\u{200d}') && after != Some('\n')
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, kind: BlockKind) -> Vec<Block> {
        let mut out = Vec::new();
        push_bounded(&mut out, text, kind, 0..text.len());
        out
    }

    #[test]
    fn a_long_line_is_cut_at_spaces_with_no_line_end_between() {
        let text = "word ".repeat(10_000);
        let text = text.trim_end();
        let out = pieces(text, BlockKind::Paragraph);
        assert!(out.len() >= 3);
        for pair in out.windows(2) {
            assert!(pair[0].range.len() <= MAX_BLOCK);
            let gap = &text[pair[0].range.end..pair[1].range.start];
            assert_eq!(gap, " ");
        }
        assert_eq!(out.last().unwrap().range.end, text.len());
    }

    #[test]
    fn cjk_without_spaces_is_cut_at_char_boundaries() {
        let text = "猫".repeat(20_000);
        let out = pieces(&text, BlockKind::Paragraph);
        for pair in out.windows(2) {
            assert_eq!(pair[0].range.end, pair[1].range.start);
            assert!(text.is_char_boundary(pair[0].range.end));
        }
    }

    #[test]
    fn zwj_families_are_not_split() {
        let text = "👨\u{200d}👩\u{200d}👧".repeat(2_000);
        for b in pieces(&text, BlockKind::Paragraph) {
            assert!(!text[b.range.clone()].starts_with('\u{200d}'));
            assert!(!text[b.range].ends_with('\u{200d}'));
        }
    }

    #[test]
    fn verse_is_cut_inside_a_line() {
        let text = "a short line of verse\n".repeat(2_000);
        let text = text.trim_end();
        let out = pieces(text, BlockKind::Verse);
        assert!(out.len() >= 3);
        for pair in out.windows(2) {
            assert!(!text[pair[0].range.end..pair[1].range.start].contains('\n'));
        }
    }
}
