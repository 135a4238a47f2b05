//! A list item's hanging indent, as its author wrote it.
//!
//! `1. Two pairs of wool socks, the thick ones from the bottom drawer, not the` over
//! `   thin ones that wear through at the heel.`: the later lines start under the text,
//! not under the number, so that the number stands out. Reflowed, the item keeps that
//! hang. The evidence is the source's own indentation: a numbered paragraph written
//! flush (a verse of scripture, say) stays flush.

use super::wrap::VERSE_CONTINUATION;
use crate::document::quote;
use crate::document::verse::VerseLine;
use crate::text_width::str_width;

/// Columns of the list marker that starts `line` with the spaces after it (`1. `,
/// `10) `, `(a) `, `- `, `• `), or `None` when it starts with no marker.
pub(super) fn marker_width(line: &str) -> Option<usize> {
    // Cheapest refusal first: every marker is five bytes at most (`(123)`, `•`), so a
    // space ends it within the first six.
    if !line.bytes().take(6).any(|b| b == b' ') {
        return None;
    }
    let marker = line.split(' ').next()?;
    if marker.is_empty() || marker.len() == line.len() {
        return None;
    }
    let bullet = matches!(marker, "-" | "*" | "+" | "•" | "–" | "·");
    let body = marker
        .strip_prefix('(')
        .and_then(|m| m.strip_suffix(')'))
        .or_else(|| marker.strip_suffix(['.', ')']));
    let numbered = body.is_some_and(|b| {
        let digits = !b.is_empty() && b.len() <= 3 && b.bytes().all(|c| c.is_ascii_digit());
        let letter = b.len() == 1 && b.bytes().all(|c| c.is_ascii_lowercase());
        digits || letter
    });
    if !bullet && !numbered {
        return None;
    }
    let rest = &line[marker.len()..];
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    // A marker followed by words, not a line of dashes or a lone number.
    (!rest.trim().is_empty()).then(|| str_width(marker) + spaces)
}

/// The hanging indent of the paragraph `block` (its source lines): its quote marks' width
/// when it is quoted, its first line's marker width when every later line is indented to the text after the marker, else 0.
pub(super) fn of_paragraph(block: &str) -> usize {
    // Most paragraphs start with a capital or a quotation mark, which neither a list
    // marker nor an email's quote mark (`>`) does: no need to find the first line's end.
    let lead = block.bytes().find(|&b| b != b' ');
    if !lead.is_some_and(|b| {
        matches!(b, b'-' | b'*' | b'+' | b'(' | b'>' | 0xc2 | 0xe2)
            || b.is_ascii_digit()
            || b.is_ascii_lowercase()
    }) {
        return 0;
    }
    // Nor does a line with no `>` first and no space within a marker's reach (see
    // `marker_width`): dialogue in curly quotes, a line going on in lower case.
    let head = block.trim_start_matches(' ').as_bytes();
    if head.first() != Some(&b'>') && !head.iter().take(6).any(|&b| b == b' ') {
        return 0;
    }
    let mut lines = block.lines();
    let Some(first) = lines.next() else {
        return 0;
    };
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let at = indent(first);
    if let Some((_, marks)) = quote::marks(&first[at..]) {
        // A quoted line goes on under its text, so that its quote marks stand out.
        return marks;
    }
    let Some(hang) = marker_width(&first[at..]) else {
        return 0;
    };
    let mut later = lines.peekable();
    if later.peek().is_none() {
        return 0;
    }
    if later.all(|l| indent(l) == at + hang && !l.trim().is_empty()) {
        hang
    } else {
        0
    }
}

/// Extra indentation of the continuation lines of the verse line `head` (`next` is the
/// source line after it): its quote marks' width when it is quoted, its list marker's width when the continuation is indented to
/// the text after the marker, else [`VERSE_CONTINUATION`].
pub(super) fn verse_continuation(text: &str, head: &VerseLine, next: Option<&VerseLine>) -> usize {
    let line = text.get(head.start..head.end).unwrap_or("");
    if let Some((_, marks)) = quote::marks(line).filter(|&(_, marks)| marks < line.len()) {
        // A quoted line goes on under its text, so that its quote marks stand out.
        return marks;
    }
    next.filter(|n| n.continues)
        .and_then(|n| n.indent.checked_sub(head.indent))
        .filter(|&d| text.get(head.start..head.end).and_then(marker_width) == Some(d))
        .unwrap_or(VERSE_CONTINUATION)
}

#[cfg(test)]
mod tests {
    use super::{marker_width, of_paragraph};
    use crate::document::quote;
    use proptest::prelude::*;

    /// [`of_paragraph`] without its cheap refusals: the first line found and asked.
    fn of_paragraph_plain(block: &str) -> usize {
        let mut lines = block.lines();
        let Some(first) = lines.next() else {
            return 0;
        };
        let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
        let at = indent(first);
        if let Some((_, marks)) = quote::marks(&first[at..]) {
            return marks;
        }
        let Some(hang) = marker_width(&first[at..]) else {
            return 0;
        };
        let mut later = lines.peekable();
        if later.peek().is_none() {
            return 0;
        }
        if later.all(|l| indent(l) == at + hang && !l.trim().is_empty()) {
            hang
        } else {
            0
        }
    }

    proptest! {
        /// Paragraphs with and without markers, quote marks, curly quotes and
        /// indentation: the cheap refusals refuse only what the first line would.
        #[test]
        fn of_paragraph_is_the_first_line_asked(
            lines in prop::collection::vec(
                "[ ]{0,4}([-*•(>]|[0-9]{1,3}[.)]|\\(a\\)|\u{201c})?[ ]{0,2}[a-zA-Z ]{0,10}",
                1..4,
            ),
        ) {
            let block = lines.join("\n");
            prop_assert_eq!(of_paragraph(&block), of_paragraph_plain(&block), "{:?}", block);
        }
    }

    #[test]
    fn list_markers_and_what_only_starts_like_one() {
        assert_eq!(marker_width("1. Two pairs"), Some(3));
        assert_eq!(marker_width("10.  A map"), Some(5));
        assert_eq!(marker_width("(a) a rope"), Some(4));
        assert_eq!(marker_width("b) bread"), Some(3));
        assert_eq!(marker_width("- a rope"), Some(2));
        assert_eq!(marker_width("• a knife"), Some(2));
        for line in [
            "1842 was a hard year",
            "A. Smith",
            "-- Seneca",
            "Mr. Holmes",
            "- ",
            "12.",
        ] {
            assert_eq!(marker_width(line), None, "{line}");
        }
    }

    #[test]
    fn only_a_hang_the_author_wrote() {
        assert_eq!(
            of_paragraph("1. Two pairs of socks,\n   the thick ones."),
            3
        );
        assert_eq!(of_paragraph("  - a rope,\n    coiled."), 2);
        assert_eq!(of_paragraph("1. All that we are,\nis what we thought."), 0);
        assert_eq!(
            of_paragraph("1. All that we are,\n    is what we thought."),
            0
        );
        assert_eq!(of_paragraph("1. One line only."), 0);
    }
}
