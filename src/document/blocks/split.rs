//! Bounded blocks: no block is longer than [`MAX_BLOCK`] bytes.
//!
//! The layout wraps a whole block at a time, so one 10 MB line would make every page
//! turn near it cost 10 MB of work. Longer blocks are cut into consecutive blocks of the
//! same kind, with no `\n` between two pieces: that is how the layout tells a piece from
//! a new block, and it lays the pieces out as one (no blank line between them, and a
//! paragraph's lines run on across the cut: see `layout::is_joined`). The cut prefers:
//! 1. for verse, a line end: the piece ends just after the `\n` and the next starts at
//!    the next line's indentation, so no line is broken in two. Among the line ends near
//!    the limit, one before a line at the least indentation there, so that a long line
//!    continued on a deeper (hanging) indent is not cut from its continuation;
//! 2. a space *inside* a line: the next piece starts after the spaces, and the text
//!    between the two pieces is those spaces;
//! 3. any grapheme cluster boundary (CJK and Thai text have no spaces), so that no flag,
//!    emoji sequence or syllable with its marks is cut in two. The gap is then empty.

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
        let (end, next) = cut(text, kind, range.start);
        out.push(Block::new(kind, range.start..end));
        range.start = next;
    }
    if range.start < range.end {
        out.push(Block::new(kind, range));
    }
}

/// Where to end a piece starting at `start` (with more than `MAX_BLOCK` bytes to go), and
/// where the next piece starts.
fn cut(text: &str, kind: BlockKind, start: usize) -> (usize, usize) {
    let limit = floor_char_boundary(text, start + MAX_BLOCK);
    let window_start = ceil_char_boundary(text, limit - LOOK_BACK);
    if kind == BlockKind::Verse {
        if let Some(at) = line_end_cut(text, start, window_start, limit) {
            return (at, at);
        }
    }
    if let Some(cut) = space_cut(text, start, window_start, limit) {
        return cut;
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

/// Just after a `\n` before `limit`: in the window, the last one followed by a line at the
/// window's least indentation; else the last line end of the piece. `None` when the piece
/// is inside one line.
fn line_end_cut(text: &str, start: usize, window_start: usize, limit: usize) -> Option<usize> {
    // Indentation in characters, for a line that has text; a run of whitespace longer
    // than this counts as a blank line.
    const DEEPEST: usize = 256;
    let indent = |at: usize| {
        let mut n = 0;
        for c in text[at..].chars().take(DEEPEST) {
            match c {
                '\n' => return None,
                c if c.is_whitespace() => n += 1,
                _ => return Some(n),
            }
        }
        None
    };
    let window = &text[window_start..limit];
    let starts = || {
        window
            .match_indices('\n')
            .map(|(i, _)| window_start + i + 1)
    };
    if let Some(least) = starts().filter_map(indent).min() {
        let at = starts().rfind(|&at| indent(at) == Some(least));
        if at.is_some() {
            return at;
        }
    }
    text[start..window_start].rfind('\n').map(|i| start + i + 1)
}

/// After the last space in the window whose run of whitespace holds no `\n` (a cut at a
/// line end would read as a paragraph break), with the next piece after the run.
fn space_cut(
    text: &str,
    start: usize,
    window_start: usize,
    limit: usize,
) -> Option<(usize, usize)> {
    let mut upto = limit;
    while let Some(sp) = text[window_start..upto].rfind(' ') {
        let at = window_start + sp;
        let end = start + text[start..at].trim_end().len();
        let rest = &text[at..];
        let next = at + (rest.len() - rest.trim_start().len());
        if end > start && !text[end..next].contains('\n') {
            return Some((end, next));
        }
        if end <= window_start {
            return None;
        }
        upto = end;
    }
    None
}

/// Whether cutting at `at` would split no grapheme cluster (a ZWJ sequence, a flag, a
/// Thai syllable, a letter and its combining marks), nor a run of ASCII letters and
/// digits, nor come just before a line end.
fn is_grapheme_cut(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    // Nor inside a number or a Latin word in CJK text: the layout may break a line at a cut.
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    crate::text_width::is_cut(text, at)
        && before != Some('\u{200d}')
        && after != Some('\n')
        && !(word(before) && word(after))
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
            assert!(pair[0].range().len() <= MAX_BLOCK);
            let gap = &text[pair[0].end()..pair[1].start()];
            assert_eq!(gap, " ");
        }
        assert_eq!(out.last().unwrap().end(), text.len());
    }

    #[test]
    fn cjk_without_spaces_is_cut_at_char_boundaries() {
        let text = "猫".repeat(20_000);
        let out = pieces(&text, BlockKind::Paragraph);
        for pair in out.windows(2) {
            assert_eq!(pair[0].end(), pair[1].start());
            assert!(text.is_char_boundary(pair[0].end()));
        }
    }

    #[test]
    fn a_number_in_cjk_text_is_not_cut() {
        // Eleven bytes a unit, so that the limit falls between two digits.
        let text = "年12345678".repeat(5_000);
        for pair in pieces(&text, BlockKind::Paragraph).windows(2) {
            let at = pair[0].end();
            let around = (text[..at].chars().next_back(), text[at..].chars().next());
            assert!(
                !matches!(around, (Some(a), Some(b)) if a.is_ascii_digit() && b.is_ascii_digit())
            );
        }
    }

    #[test]
    fn zwj_families_are_not_split() {
        let text = "👨\u{200d}👩\u{200d}👧".repeat(2_000);
        for b in pieces(&text, BlockKind::Paragraph) {
            assert!(!text[b.range()].starts_with('\u{200d}'));
            assert!(!text[b.range()].ends_with('\u{200d}'));
        }
    }

    /// The cut knew ZWJs and a few combining marks only: it split a Thai syllable before
    /// its vowel and tone mark, and a flag between its two regional indicators.
    #[test]
    fn thai_syllables_and_flags_are_not_split() {
        let thai = "\u{E17}\u{E35}\u{E48}".repeat(4_000);
        // One ASCII byte first, so that the limit falls inside a four-byte pair.
        let flags = format!("a{}", "🇯🇵".repeat(5_000));
        for text in [thai, flags] {
            let out = pieces(&text, BlockKind::Paragraph);
            assert!(out.len() >= 2);
            for b in &out {
                assert!(crate::text_width::is_cut(&text, b.start()));
                assert!(crate::text_width::is_cut(&text, b.end()));
            }
        }
    }

    #[test]
    fn verse_is_cut_at_a_line_end_with_nothing_between_the_pieces() {
        let text = "a short line of verse\n".repeat(2_000);
        let text = text.trim_end();
        let out = pieces(text, BlockKind::Verse);
        assert!(out.len() >= 3);
        for pair in out.windows(2) {
            assert_eq!(pair[0].end(), pair[1].start());
            assert!(text[pair[0].range()].ends_with("verse\n"));
            assert!(text[pair[1].range()].starts_with("a short"));
        }
    }

    #[test]
    fn verse_is_not_cut_between_a_long_line_and_its_hanging_continuation() {
        let stanza = "The long first line of a stanza that runs on past the margin and\n      on to a hanging indent,\nthen a short line.\n";
        let text = stanza.repeat(400);
        let text = text.trim_end();
        for pair in pieces(text, BlockKind::Verse).windows(2) {
            let next = &text[pair[1].range()];
            assert!(
                next.starts_with("The long") || next.starts_with("then"),
                "{:?}",
                &next[..20]
            );
        }
    }

    #[test]
    fn a_verse_line_longer_than_a_piece_is_cut_inside() {
        let text = format!("{}\nend", "word ".repeat(5_000));
        let out = pieces(&text, BlockKind::Verse);
        assert!(out.len() >= 2);
        assert!(out[0].range().len() <= MAX_BLOCK);
        assert!(!text[out[0].end()..out[1].start()].contains('\n'));
    }

    /// The last space in the window was indentation after a line end: the cut fell back to
    /// the middle of a word.
    #[test]
    fn a_paragraph_is_not_cut_mid_word_when_the_last_space_is_indentation() {
        let mut text = "word ".repeat(2_800);
        text.push_str("end\n  ");
        text.push_str(&"x".repeat(5_000));
        let out = pieces(&text, BlockKind::Paragraph);
        assert_eq!(&text[out[0].end()..out[1].start()], " ");
        assert!(text[..out[0].end()].ends_with("word"));
    }
}
