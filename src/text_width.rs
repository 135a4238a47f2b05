//! How wide text is on screen, and where it may be cut: the one measure the layout, the
//! prompts, the lists, the library and the status bar all use.
//!
//! Text is measured and cut by grapheme cluster (unicode-segmentation), never by `char`:
//! a family emoji joined by ZWJs, a flag (two regional indicators), a Thai consonant with
//! its vowel and tone marks, a letter with a combining accent are each one unit that is
//! never cut in two.
//!
//! The width of a cluster is the width ratatui gives it when it draws it, because that
//! is where ratatui puts whatever follows: unicode-width's width of the whole cluster
//! (which knows that a ZWJ sequence, a flag, a skin tone or an emoji presentation
//! selector makes one two-column picture, and that a combining mark adds nothing), plus
//! one column for each halfwidth voiced sound mark (U+FF9E, U+FF9F), which terminals draw
//! in a cell of its own and ratatui counts so. Measuring any other way (summing `char`
//! widths, counting chars) is how a row comes out too short or a column out of line.
//!
//! A cut is made only on a cluster boundary, so every cut here gives back text that is
//! never wider than asked; a wide cluster that would straddle the limit is left out
//! whole, and [`pad`] fills the column it leaves.

use std::borrow::Cow;
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};
use unicode_width::UnicodeWidthStr;

/// What [`truncate`] and [`pad`] put where text was cut.
pub const ELLIPSIS: char = '…';

/// Display width of one grapheme cluster, as ratatui's buffer draws it.
pub fn grapheme_width(g: &str) -> usize {
    if g.is_ascii() {
        return g.len();
    }
    // A halfwidth sound mark extends the cluster before it but takes a cell of its own;
    // it is three bytes, so a cluster holding one is longer than three.
    let marks = match g.len() > 3 {
        true => g.matches(['\u{FF9E}', '\u{FF9F}']).count(),
        false => 0,
    };
    g.width() + marks
}

/// Display width of `s` in columns: the sum of its grapheme clusters' widths.
pub fn str_width(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    if let Some(n) = narrow_chars(s) {
        return n;
    }
    clusters_width(s)
}

/// [`str_width`] the long way, cluster by cluster.
fn clusters_width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

/// The number of characters of `s` when each is ASCII or one of the characters most
/// European text is made of besides (Latin-1 letters, curly quotes, dashes, the
/// ellipsis): each of those is one column and, but for CR LF (two ASCII columns), a
/// cluster of its own, so that the count is the width with no segmenting.
pub(crate) fn narrow_chars(s: &str) -> Option<usize> {
    // Byte by byte rather than char by char: ASCII eight bytes a step, and each of the
    // other characters known by its bytes (`s` is UTF-8, so a C3 lead byte followed by
    // 80 to BF is U+C0 to U+FF). The count is the bytes less each character's extra ones.
    let b = s.as_bytes();
    let (mut i, mut extra) = (0, 0);
    loop {
        i = skip_ascii(b, i);
        match b[i..] {
            [] => return Some(b.len() - extra),
            [0xc3, 0x80..=0xbf, ..] => (i, extra) = (i + 2, extra + 1),
            // U+2013, U+2014, U+2018, U+2019, U+201C, U+201D, U+2026
            [0xe2, 0x80, 0x93 | 0x94 | 0x98 | 0x99 | 0x9c | 0x9d | 0xa6, ..] => {
                (i, extra) = (i + 3, extra + 2);
            }
            _ => return None,
        }
    }
}

/// The first byte of `b` at or after `i` that is not ASCII, or its length: eight bytes a
/// step.
fn skip_ascii(b: &[u8], mut i: usize) -> usize {
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])) & HIGH;
        if x != 0 {
            return i + (x.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b.get(i).is_some_and(u8::is_ascii) {
        i += 1;
    }
    i
}

/// Whether `s` may be cut at byte `at` without splitting a grapheme cluster (or a
/// character). The ends of `s` are boundaries.
pub fn is_cut(s: &str, at: usize) -> bool {
    if !s.is_char_boundary(at) {
        return false;
    }
    // Given the whole text as one chunk, the cursor never asks for more context.
    GraphemeCursor::new(at, s.len(), true)
        .is_boundary(s, 0)
        .unwrap_or(true)
}

/// The next place after byte `at` (a cut) where `s` may be cut: the end of the cluster
/// that starts at `at`, or the end of `s`.
pub fn next_cut(s: &str, at: usize) -> usize {
    GraphemeCursor::new(at, s.len(), true)
        .next_boundary(s, 0)
        .ok()
        .flatten()
        .unwrap_or(s.len())
}

/// The last place before byte `at` (a cut) where `s` may be cut: the start of the
/// cluster that ends at `at`, or 0.
pub fn prev_cut(s: &str, at: usize) -> usize {
    GraphemeCursor::new(at, s.len(), true)
        .prev_boundary(s, 0)
        .ok()
        .flatten()
        .unwrap_or(0)
}

/// The longest start of `s`, ending on a cluster boundary, at most `columns` wide.
pub fn prefix(s: &str, columns: usize) -> &str {
    if s.is_ascii() {
        return &s[..s.len().min(columns)];
    }
    let mut used = 0;
    for (at, g) in s.grapheme_indices(true) {
        used += grapheme_width(g);
        if used > columns {
            return &s[..at];
        }
    }
    s
}

/// The longest end of `s`, starting on a cluster boundary, at most `columns` wide.
pub fn suffix(s: &str, columns: usize) -> &str {
    if s.is_ascii() {
        return &s[s.len() - s.len().min(columns)..];
    }
    let mut used = 0;
    for (at, g) in s.grapheme_indices(true).rev() {
        used += grapheme_width(g);
        if used > columns {
            return &s[at + g.len()..];
        }
    }
    s
}

/// `s` when it fits in `columns`; else its longest start that fits with [`ELLIPSIS`]
/// after it. Never wider than `columns`.
pub fn truncate(s: &str, columns: usize) -> Cow<'_, str> {
    if str_width(s) <= columns {
        return Cow::Borrowed(s);
    }
    let Some(room) = columns.checked_sub(1) else {
        return Cow::Borrowed("");
    };
    let mut out = prefix(s, room).to_owned();
    out.push(ELLIPSIS);
    Cow::Owned(out)
}

/// `s` [truncated](truncate) to `columns` and padded with spaces: exactly `columns` wide.
pub fn pad(s: &str, columns: usize) -> String {
    let mut out = truncate(s, columns).into_owned();
    let used = str_width(&out);
    out.extend(std::iter::repeat_n(' ', columns - used));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`narrow_chars`] char by char, as it was written first: the byte scan must agree.
    fn narrow_chars_plain(s: &str) -> Option<usize> {
        let narrow = |c: char| {
            c.is_ascii()
                || matches!(
                    c,
                    '\u{C0}'..='\u{FF}' | '\u{2013}' | '\u{2014}' | '\u{2018}'
                )
                || matches!(c, '\u{2019}' | '\u{201C}' | '\u{201D}' | '\u{2026}')
        };
        s.chars().all(narrow).then(|| s.chars().count())
    }

    #[test]
    fn narrow_chars_knows_each_narrow_character_and_its_neighbours() {
        for c in ('\u{0}'..='\u{300}').chain('\u{2000}'..='\u{2100}') {
            for s in [
                c.to_string(),
                format!("abcdefgh{c}ij"),
                format!("{c}\u{e9}{c}"),
            ] {
                assert_eq!(narrow_chars(&s), narrow_chars_plain(&s), "{s:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn narrow_chars_is_the_char_by_char_count(
            s in "[a -~\u{C0}-\u{FF}\u{2013}\u{2014}\u{2018}\u{2019}\u{201C}\u{201D}\u{2026}]{0,40}\
                  |[a \u{A0}-\u{17F}\u{2000}-\u{2030}あ🙂]{0,40}",
        ) {
            prop_assert_eq!(narrow_chars(&s), narrow_chars_plain(&s));
        }
    }

    const FAMILY: &str = "👨\u{200D}👩\u{200D}👧";
    const THAI: &str = "ที่";
    const FLAG: &str = "🇯🇵";

    #[test]
    fn each_cluster_counts_as_it_is_drawn() {
        let table = [
            ("abc", 3),
            ("漢字", 4),
            ("e\u{301}", 1),
            (FAMILY, 2),
            (FLAG, 2),
            ("🇯🇵🇫🇷", 4),
            (THAI, 1),
            ("กำ", 2),
            ("❤\u{FE0F}", 2),
            ("👍🏽", 2),
            ("ﾊﾟ", 2),
            ("a\u{200B}b", 2),
            ("", 0),
        ];
        for (s, want) in table {
            assert_eq!(str_width(s), want, "{s:?}");
        }
    }

    #[test]
    fn cuts_keep_clusters_whole() {
        assert_eq!(prefix("漢字", 3), "漢");
        assert_eq!(prefix(&format!("ab{FAMILY}c"), 3), "ab");
        assert_eq!(prefix(&format!("ab{FAMILY}c"), 4), format!("ab{FAMILY}"));
        assert_eq!(suffix(&format!("{FLAG}{FLAG}"), 3), FLAG);
        assert_eq!(suffix("漢字", 1), "");
        assert_eq!(suffix("hello", 3), "llo");
        assert!(!is_cut(FAMILY, 4));
        assert!(!is_cut(FLAG, 4));
        assert!(!is_cut(THAI, 3));
        assert!(is_cut(THAI, 0) && is_cut(THAI, THAI.len()));
        let s = format!("a{FAMILY}{FLAG}");
        assert_eq!(next_cut(&s, 1), 1 + FAMILY.len());
        assert_eq!(prev_cut(&s, s.len()), 1 + FAMILY.len());
        assert_eq!((next_cut(&s, s.len()), prev_cut(&s, 0)), (s.len(), 0));
    }

    #[test]
    fn truncate_and_pad() {
        assert_eq!(truncate("hello", 5), "hello");
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("漢字漢字", 4), "漢…");
        assert_eq!(truncate("hello", 0), "");
        assert_eq!(pad("漢字漢字", 4), "漢… ");
        assert_eq!(pad("ab", 4), "ab  ");
    }

    /// Text made of the clusters width bugs hide in.
    fn awkward() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a",
            " ",
            "漢",
            "e\u{301}",
            FAMILY,
            FLAG,
            "\u{1F1EB}",
            THAI,
            "กำ",
            "❤\u{FE0F}",
            "👍🏽",
            "ﾊﾟ",
            "\u{200D}",
            "\u{300}",
            "…",
        ]);
        prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
    }

    /// European text: the characters `narrow_chars` counts, line ends and controls
    /// among them, and now and then a combining mark that joins one to the next.
    fn narrow() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a", " ", "\r\n", "\r", "\n", "\u{1}", "\u{E9}", "\u{C0}", "\u{FF}", "\u{D7}",
            "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2013}", "\u{2014}", "\u{2026}",
            "\u{301}",
        ]);
        prop::collection::vec(pieces, 0..16).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn a_cut_is_on_a_boundary_and_never_wider_than_asked(s in awkward(), n in 0usize..16) {
            let head = prefix(&s, n);
            let tail = suffix(&s, n);
            prop_assert!(str_width(head) <= n && str_width(tail) <= n);
            prop_assert!(is_cut(&s, head.len()));
            prop_assert!(is_cut(&s, s.len() - tail.len()));
            // The longest: one more cluster would not fit.
            if let Some(next) = s[head.len()..].graphemes(true).next() {
                prop_assert!(str_width(head) + grapheme_width(next) > n);
            }
            // The two halves of a cut add up to the whole.
            prop_assert_eq!(str_width(head) + str_width(&s[head.len()..]), str_width(&s));
        }

        #[test]
        fn counting_narrow_characters_is_measuring_their_clusters(
            narrow in narrow(),
            mixed in (awkward(), narrow()).prop_map(|(a, b)| a + &b),
        ) {
            prop_assert_eq!(str_width(&narrow), clusters_width(&narrow));
            prop_assert_eq!(str_width(&mixed), clusters_width(&mixed));
        }

        #[test]
        fn pad_is_exactly_as_wide_as_asked(s in awkward(), n in 0usize..16) {
            prop_assert_eq!(str_width(&pad(&s, n)), n);
            let cut = truncate(&s, n);
            prop_assert!(str_width(&cut) <= n);
            prop_assert_eq!(cut == s, str_width(&s) <= n);
        }
    }
}
