//! Splitting text at breakable whitespace, and drawing a line's text from its range.

use super::classes::{is_space, is_tight_join};

/// Byte ranges (relative to the string) of the runs of non-breakable-space characters.
///
/// Scans bytes and decodes a char only for non-ASCII bytes, because this runs over every
/// byte of a book when it is printed.
pub struct Tokens<'a> {
    s: &'a str,
    i: usize,
}

impl<'a> Tokens<'a> {
    pub fn new(s: &'a str) -> Self {
        Self { s, i: 0 }
    }

    /// Whether the char at byte `i` is breakable whitespace, and its length in bytes.
    #[inline(always)]
    fn space_at(&self, i: usize) -> (bool, usize) {
        let b = self.s.as_bytes()[i];
        if b < 0x80 {
            return (matches!(b, b' ' | b'\n' | b'\t' | b'\r' | 0x0b | 0x0c), 1);
        }
        match self.s[i..].chars().next() {
            Some(c) => (is_space(c), c.len_utf8()),
            None => (false, 1),
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = (usize, usize);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize)> {
        let len = self.s.len();
        while self.i < len {
            let (space, n) = self.space_at(self.i);
            if !space {
                break;
            }
            self.i += n;
        }
        if self.i >= len {
            return None;
        }
        let start = self.i;
        while self.i < len {
            let (space, n) = self.space_at(self.i);
            if space {
                break;
            }
            self.i += n;
        }
        Some((start, self.i))
    }
}

/// Appends what a line showing `s` draws: for prose (`verbatim == false`) the words joined
/// by one space; for verse the text as written, except that a line break (with the
/// whitespace around it) becomes one space. Either way a line break is joined with nothing
/// between two CJK characters or after a word's line-end hyphen or dash
/// ([`is_tight_join`]).
pub fn push_display(s: &str, verbatim: bool, out: &mut String) {
    let mut prev_end: Option<usize> = None;
    for (start, end) in Tokens::new(s) {
        if let Some(p) = prev_end {
            let gap = &s[p..start];
            if is_tight_join(&s[..p], gap, &s[start..]) {
                // Joined with nothing.
            } else if verbatim && !gap.contains('\n') {
                out.push_str(gap);
            } else {
                out.push(' ');
            }
        }
        out.push_str(&s[start..end]);
        prev_end = Some(end);
    }
}

/// Whether `s` already reads as [`push_display`] would draw it, so it can be borrowed.
pub fn is_displayed_as_is(s: &str, verbatim: bool) -> bool {
    // Lines never start or end with whitespace, but a range made by hand might.
    let edge = |c: Option<char>| c.is_some_and(is_space);
    if edge(s.chars().next()) || edge(s.chars().next_back()) {
        return false;
    }
    if verbatim {
        return !s.contains('\n');
    }
    let mut prev_space = false;
    for &b in s.as_bytes() {
        match b {
            b' ' if prev_space => return false,
            b' ' => prev_space = true,
            b'\n' | b'\t' | b'\r' | 0x0b | 0x0c => return false,
            _ => prev_space = false,
        }
    }
    s.is_ascii() || !s.chars().any(|c| c != ' ' && is_space(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(s: &str, verbatim: bool) -> String {
        let mut out = String::new();
        push_display(s, verbatim, &mut out);
        out
    }

    #[test]
    fn tokens_split_at_all_breakable_whitespace() {
        let s = "a  b\nc\u{3000}d\u{A0}e";
        let words: Vec<&str> = Tokens::new(s).map(|(a, b)| &s[a..b]).collect();
        assert_eq!(words, ["a", "b", "c", "d\u{A0}e"]);
    }

    #[test]
    fn prose_collapses_and_cjk_joins() {
        assert_eq!(shown("a  b\n  c", false), "a b c");
        assert_eq!(shown("漢字\n漢字", false), "漢字漢字");
        assert_eq!(shown("漢字 漢字", false), "漢字 漢字");
        assert_eq!(shown("漢字\nabc", false), "漢字 abc");
    }

    #[test]
    fn verse_keeps_spacing_but_joins_line_breaks() {
        assert_eq!(shown("a   b  \n     c", true), "a   b c");
    }

    #[test]
    fn line_end_hyphen_joins_without_a_space() {
        assert_eq!(shown("COAT-\nPOCKET", false), "COAT-POCKET");
        assert_eq!(shown("a lamp-\n   post", false), "a lamp-post");
        assert_eq!(shown("said he--\nand then", false), "said he--and then");
        assert_eq!(shown("said he\u{2014}\nand", false), "said he\u{2014}and");
        assert_eq!(shown("a word -\nnext", false), "a word - next");
        assert_eq!(shown("items:\n-\nmilk", false), "items: - milk");
        assert_eq!(shown("COAT-\n      POCKET", true), "COAT-POCKET");
    }

    #[test]
    fn verse_line_break_between_cjk_joins_with_nothing() {
        assert_eq!(shown("春の夜の\n    夢の話", true), "春の夜の夢の話");
        assert_eq!(shown("春の夜の\n\u{3000}夢の話", true), "春の夜の夢の話");
        assert_eq!(shown("春の夜の \n 夢の話", false), "春の夜の夢の話");
    }

    #[test]
    fn borrowed_only_when_nothing_changes() {
        assert!(is_displayed_as_is("a b c", false));
        assert!(!is_displayed_as_is("a  b", false));
        assert!(!is_displayed_as_is("a\nb", false));
        assert!(!is_displayed_as_is("a\u{3000}b", false));
        assert!(is_displayed_as_is("a   b", true));
        assert!(!is_displayed_as_is(" a", true));
        assert!(!is_displayed_as_is("a ", false));
    }
}
