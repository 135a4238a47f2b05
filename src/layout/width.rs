//! Display widths and the character classes the wrapper cares about.
//!
//! Widths are counted per grapheme cluster so that an emoji ZWJ sequence such as
//! "👩‍👩‍👧" is one unbreakable unit two columns wide, and a combining mark adds nothing.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width of one grapheme cluster: at most 2, because a terminal draws a cluster
/// in one or two cells however many code points it is made of.
pub fn grapheme_width(g: &str) -> usize {
    if g.is_ascii() {
        return g.len();
    }
    g.width().min(2)
}

/// Display width of `s` in columns: the sum of its grapheme clusters' widths.
pub fn str_width(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.graphemes(true).map(grapheme_width).sum()
}

/// Whitespace where a line may break. No-break spaces are left out on purpose: they are
/// how an author says "keep these together".
pub fn is_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}')
}

/// Scripts written without spaces between words (Han, kana, CJK punctuation, full-width
/// forms): a hard line break between two such characters is joined with nothing.
/// Hangul is left out: Korean puts spaces between words, so its line breaks are spaces.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF
        | 0x3001..=0x303F
        | 0x3040..=0x30FF
        | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF)
}

/// Whether the whitespace run `gap`, found between `left` and `right`, is a source line
/// break inside CJK text, which is joined with no space.
pub fn is_cjk_join(left: &str, gap: &str, right: &str) -> bool {
    gap.contains('\n')
        && left.chars().next_back().is_some_and(is_cjk)
        && right.chars().next().is_some_and(is_cjk)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_of_awkward_graphemes() {
        assert_eq!(str_width("abc"), 3);
        assert_eq!(str_width("漢字"), 4);
        assert_eq!(str_width("e\u{301}"), 1);
        assert_eq!(str_width("👩\u{200D}👩\u{200D}👧"), 2);
    }

    #[test]
    fn no_break_space_is_not_a_break() {
        assert!(!is_space('\u{A0}'));
        assert!(is_space('\u{3000}'));
        assert!(is_space('\n'));
    }
}
