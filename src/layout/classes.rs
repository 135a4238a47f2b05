//! The character classes the wrapper cares about: where a line may break, which
//! scripts join a line break with nothing, and what may not start or end a line.
//! (Widths are `crate::text_width`'s.)

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
/// break that is joined with nothing rather than a space: between two CJK characters
/// (whatever spaces or ideographic spaces surround the `\n`), or after a word's line-end
/// hyphen or dash (`lamp-⏎post`, `he--⏎and`, `he—⏎and`; the typesetter's hyphen U+2010
/// and soft hyphen U+00AD, `incor‐⏎porates`, as `-`) when a letter follows. A spaced dash
/// (`word -⏎next`) or a lone list hyphen still joins with a space.
#[inline]
pub fn is_tight_join(left: &str, gap: &str, right: &str) -> bool {
    // Most words end on an ASCII letter or stop, which joins with a space: no need to
    // look for the line break or decode a character (this runs at every source line end
    // of a printed book).
    if left
        .as_bytes()
        .last()
        .is_some_and(|&b| b.is_ascii() && b != b'-')
    {
        return false;
    }
    if !gap.as_bytes().contains(&b'\n') {
        return false;
    }
    let Some(r) = right.chars().next() else {
        return false;
    };
    let mut back = left.chars().rev();
    let Some(l) = back.next() else {
        return false;
    };
    if is_cjk(l) && is_cjk(r) {
        return true;
    }
    if !r.is_alphabetic() {
        return false;
    }
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    match l {
        '\u{2014}' | '\u{2010}' | '\u{ad}' => letter(back.next()),
        '-' => match back.next() {
            Some('-') => letter(back.next()),
            c => letter(c),
        },
        _ => false,
    }
}

/// Characters a line may not start with (kinsoku): closing brackets, CJK and Latin stops,
/// commas and marks, small kana, the prolonged sound mark, iteration marks. Not the
/// quotation marks `’ ” »`: in Latin text `’` also opens (`’tis`), and the Unicode rules
/// let a line break before a quotation mark after a space.
pub fn is_no_line_start(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | ',' | '.' | ';' | ':' | '!' | '?'
            | '\u{2010}' | '\u{2013}' | '\u{203C}' | '\u{2047}'..='\u{2049}'
            | '\u{3001}' | '\u{3002}' | '\u{3005}' | '\u{3009}' | '\u{300B}' | '\u{300D}'
            | '\u{300F}' | '\u{3011}' | '\u{3015}' | '\u{3017}' | '\u{3019}' | '\u{301B}'
            | '\u{301C}' | '\u{301E}' | '\u{301F}' | '\u{303B}' | '\u{3041}' | '\u{3043}'
            | '\u{3045}' | '\u{3047}' | '\u{3049}' | '\u{3063}' | '\u{3083}' | '\u{3085}'
            | '\u{3087}' | '\u{308E}' | '\u{3095}' | '\u{3096}' | '\u{309D}' | '\u{309E}'
            | '\u{30A0}' | '\u{30A1}' | '\u{30A3}' | '\u{30A5}' | '\u{30A7}' | '\u{30A9}'
            | '\u{30C3}' | '\u{30E3}' | '\u{30E5}' | '\u{30E7}' | '\u{30EE}' | '\u{30F5}'
            | '\u{30F6}' | '\u{30FB}' | '\u{30FC}' | '\u{30FD}' | '\u{30FE}'
            | '\u{31F0}'..='\u{31FF}'
            | '\u{FF01}' | '\u{FF09}' | '\u{FF0C}' | '\u{FF0E}' | '\u{FF1A}' | '\u{FF1B}'
            | '\u{FF1F}' | '\u{FF3D}' | '\u{FF5D}' | '\u{FF60}' | '\u{FF61}' | '\u{FF63}'
            | '\u{FF64}' | '\u{FF67}'..='\u{FF70}'
    )
}

/// Characters a line may not end with (kinsoku): opening brackets (not quotation marks,
/// for the same reason as in [`is_no_line_start`]).
pub fn is_no_line_end(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '\u{3008}'
            | '\u{300A}'
            | '\u{300C}'
            | '\u{300E}'
            | '\u{3010}'
            | '\u{3014}'
            | '\u{3016}'
            | '\u{3018}'
            | '\u{301A}'
            | '\u{301D}'
            | '\u{FF08}'
            | '\u{FF3B}'
            | '\u{FF5B}'
            | '\u{FF5F}'
            | '\u{FF62}'
    )
}

/// Whether a line may not break between `left` and `right`, which touch or are separated
/// by whitespace only: `right` may not start a line or `left` may not end one.
#[inline]
pub fn is_kept_together(left: &str, right: &str) -> bool {
    // Bytes first: this runs between every two words of a book when it is printed.
    let starts = match right.as_bytes().first() {
        Some(&b) if b.is_ascii_alphanumeric() => false,
        Some(&b) if b < 0x80 => is_no_line_start(char::from(b)),
        Some(_) => right.chars().next().is_some_and(is_no_line_start),
        None => false,
    };
    starts
        || match left.as_bytes().last() {
            Some(&b) if b.is_ascii_alphanumeric() => false,
            Some(&b) if b < 0x80 => is_no_line_end(char::from(b)),
            Some(_) => left.chars().next_back().is_some_and(is_no_line_end),
            None => false,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_end_hyphens_and_dashes_join_tight_between_letters() {
        assert!(is_tight_join("COAT-", "\n", "POCKET"));
        assert!(is_tight_join("said he--", "\n", "and"));
        assert!(is_tight_join("he\u{2014}", "  \n  ", "and"));
        assert!(is_tight_join("incor\u{2010}", "\n", "porates"));
        assert!(is_tight_join("soft\u{ad}", "\n", "hyphens"));
        assert!(!is_tight_join("\u{2010}", "\n", "next"));
        assert!(!is_tight_join("word -", "\n", "next"));
        assert!(!is_tight_join("-", "\n", "next"));
        assert!(!is_tight_join("COAT-", " ", "POCKET"));
        assert!(!is_tight_join("1-", "\n", "2"));
        assert!(!is_tight_join("he--", "\n", "\"Yes"));
    }

    #[test]
    fn cjk_line_breaks_join_tight_whatever_whitespace_surrounds_them() {
        assert!(is_tight_join("漢字", "\n", "漢字"));
        assert!(is_tight_join("漢字", " \n  ", "漢字"));
        assert!(is_tight_join("漢字", "\n\u{3000}", "漢字"));
        assert!(!is_tight_join("漢字", "\u{3000}", "漢字"));
        assert!(!is_tight_join("漢字", "\n", "abc"));
    }

    /// [`is_tight_join`] without its byte test first: characters decoded and asked.
    fn tight_join_decoded(left: &str, gap: &str, right: &str) -> bool {
        let (Some(l), Some(r)) = (left.chars().next_back(), right.chars().next()) else {
            return false;
        };
        let before = left.chars().rev().nth(1);
        let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
        gap.contains('\n')
            && (is_cjk(l) && is_cjk(r)
                || r.is_alphabetic()
                    && match l {
                        '\u{2014}' => letter(before),
                        '-' if before == Some('-') => letter(left.chars().rev().nth(2)),
                        '-' => letter(before),
                        _ => false,
                    })
    }

    proptest::proptest! {
        /// Words ending on letters, stops, hyphens, dashes and CJK, across every kind of
        /// gap: the byte test first changes no answer.
        #[test]
        fn tight_joins_are_found_as_decoded_characters_find_them(
            left in "[a-zA-Zé漢]{0,3}(-|--|—|[.,\"'9a-z漢])?",
            gap in "[ \n\u{3000}]{1,3}",
            right in "[a-zA-Z9\"é漢—-]{0,3}",
        ) {
            proptest::prop_assert_eq!(
                is_tight_join(&left, &gap, &right),
                tight_join_decoded(&left, &gap, &right)
            );
        }
    }

    #[test]
    fn no_break_space_is_not_a_break() {
        assert!(!is_space('\u{A0}'));
        assert!(is_space('\u{3000}'));
        assert!(is_space('\n'));
    }
}
