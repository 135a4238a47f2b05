//! What the one-pass print path knows about words without asking the Unicode rules: which
//! bytes make a plain word, and which words are one piece as many columns wide as they
//! have characters. Each is checked against the general path's rules in the tests.

/// What `push_lines` makes of a byte: a byte of a plain word (`is_plain_word`), another
/// ASCII character, breakable ASCII whitespace (as `Tokens` has it), or
/// a byte of a character that is not ASCII.
pub(super) const PLAIN: u8 = 0;
pub(super) const OTHER: u8 = 1;
pub(super) const SPACE: u8 = 2;
pub(super) const WIDE: u8 = 3;

pub(super) const CLASS: [u8; 256] = {
    let mut class = [WIDE; 256];
    let mut b: u8 = 0;
    while b < 0x80 {
        class[b as usize] = match b {
            b' ' | b'\n' | b'\t' | b'\r' | 0x0b | 0x0c => SPACE,
            c if c.is_ascii_alphanumeric() => PLAIN,
            b'.' | b',' | b';' | b':' | b'\'' | b'"' | b'-' | b')' => PLAIN,
            _ => OTHER,
        };
        b += 1;
    }
    class
};

/// The first byte at or after `i` that is not a printable ASCII character (`!` to DEL):
/// whitespace, a control character, a byte of a character that is not ASCII, or the end.
/// Eight bytes at a time: a word of a book is nearly always such bytes from end to end.
#[inline]
pub(super) fn skip_ascii_word(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // The high bit of each byte below 0x21 (the borrow of a subtraction only runs
        // upwards, so the lowest flagged byte is exact) or from 0x80 up.
        let stop = (x.wrapping_sub(ONES * 0x21) & !x | x) & HIGH;
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(|&b| (0x21..0x80).contains(&b)) {
        i += 1;
    }
    i
}

/// What [`spaced_run`] makes of a byte: a plain word byte a line may start with, one it
/// may not (`) , . ; :`, as `is_no_line_start` has them), a space, other ASCII
/// whitespace, anything else.
const RUN_PLAIN: u8 = 0;
const RUN_NO_START: u8 = 1;
const RUN_SPACE: u8 = 2;
const RUN_END: u8 = 4;
const RUN_OTHER: u8 = 8;

const RUN: [u8; 256] = {
    let mut run = [RUN_OTHER; 256];
    let mut b: u8 = 0;
    loop {
        run[b as usize] = match (b, CLASS[b as usize]) {
            (b' ', _) => RUN_SPACE,
            (b')' | b',' | b'.' | b';' | b':', _) => RUN_NO_START,
            (_, PLAIN) => RUN_PLAIN,
            (_, SPACE) => RUN_END,
            _ => RUN_OTHER,
        };
        if b == u8::MAX {
            break run;
        }
        b += 1;
    }
};

/// Where the run of plain ASCII words that follows `bytes[from]`, a space after a plain
/// word, ends: words one space apart, none starting with a character a line may not start
/// with (so the general path would break between any two of them, and each is as wide as
/// it is long). The run stops at other whitespace, or before the word that breaks the
/// pattern; `from` when the run is empty.
pub(super) fn spaced_run(bytes: &[u8], from: usize) -> usize {
    let mut last_space = from;
    let mut prev = RUN_SPACE;
    let mut k = from + 1;
    // Eight bytes a step while they are letters, digits and single spaces (most of a
    // line of prose): such a step neither ends the run nor needs each byte looked at.
    // The first step that holds anything else is gone through byte by byte.
    while let Some(chunk) = bytes.get(k..k + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        match letters_and_spaces(x, prev == RUN_SPACE) {
            Some(spaces) => {
                if spaces != 0 {
                    last_space = k + (63 - spaces.leading_zeros() as usize) / 8;
                }
                prev = if spaces >> 63 != 0 {
                    RUN_SPACE
                } else {
                    RUN_PLAIN
                };
                k += 8;
            }
            None => {
                for (j, &b) in chunk.iter().enumerate() {
                    if let Some(end) = run_step(b, k + j, &mut prev, &mut last_space) {
                        return end;
                    }
                }
                k += 8;
            }
        }
    }
    for (j, &b) in bytes[k.min(bytes.len())..].iter().enumerate() {
        if let Some(end) = run_step(b, k + j, &mut prev, &mut last_space) {
            return end;
        }
    }
    match prev {
        RUN_SPACE => last_space,
        _ => bytes.len(),
    }
}

/// The high bit of each space among the eight bytes of `x`, when every one of them is a
/// byte of a plain word or a space, no space follows another (nor starts `x` after a
/// space, when `after_space`), and no word starts with a character a line may not start
/// with (`) , . ; :`); else `None`. Exact per byte: no carry crosses a byte.
#[inline]
fn letters_and_spaces(x: u64, after_space: bool) -> Option<u64> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const LOW7: u64 = ONES * 0x7f;
    const HIGH: u64 = ONES * 0x80;
    if x & HIGH != 0 {
        return None;
    }
    // Bytes in `lo..=hi` (all bytes are below 80 here, so the sums carry no further).
    let within = |y: u64, lo: u8, hi: u8| {
        (y + ONES * u64::from(0x80 - lo)) & !(y + ONES * u64::from(0x7f - hi)) & HIGH
    };
    // Bytes equal to `c`.
    let is = |c: u8| {
        let y = x ^ (ONES * u64::from(c));
        !(((y & LOW7) + LOW7) | y) & HIGH
    };
    let letters = within(x | (ONES * 0x20), b'a', b'z');
    let digits = within(x, b'0', b'9');
    let spaces = is(b' ');
    let marks = is(b'\'') | is(b'"') | is(b'-');
    let no_start = is(b',') | is(b'.') | is(b')') | within(x, b':', b';');
    let after = spaces << 8 | u64::from(after_space) << 7;
    let doubled = spaces & after != 0;
    let starts_badly = no_start & after != 0;
    ((letters | digits | spaces | marks | no_start) == HIGH && !doubled && !starts_badly)
        .then_some(spaces)
}

/// [`spaced_run`]'s look at one byte, `b` at `k`: where the run ends, if it ends here.
#[inline]
fn run_step(b: u8, k: usize, prev: &mut u8, last_space: &mut usize) -> Option<usize> {
    let f = RUN[usize::from(b)];
    // After a space, a space or a character a line may not start with ends the run too
    // (`prev & RUN_SPACE` is 2 after a space, so `after` is 3 then and 0 else).
    let after = (*prev & RUN_SPACE) | ((*prev & RUN_SPACE) >> 1);
    if (f & (RUN_END | RUN_OTHER)) | (f & after) != 0 {
        return Some(match f == RUN_END && *prev != RUN_SPACE {
            true => k,
            false => *last_space,
        });
    }
    if f == RUN_SPACE {
        *last_space = k;
    }
    *prev = f;
    None
}

/// Whether every byte of the ASCII `word` is a byte of a plain word (`is_plain_word`).
#[inline]
pub(super) fn is_plain_ascii(word: &str) -> bool {
    word.bytes()
        .fold(PLAIN, |all, b| all | CLASS[usize::from(b)])
        == PLAIN
}

/// Whether the ASCII `word` is letters and digits ended by `!` and `?` ("Hello!",
/// "What?!"): one piece under the Unicode line breaking rules (no break before either),
/// each character one column.
#[inline]
pub(super) fn is_exclaimed(word: &str) -> bool {
    let b = word.as_bytes();
    let body = b
        .iter()
        .rposition(|&c| c != b'!' && c != b'?')
        .map_or(0, |p| p + 1);
    body > 0 && body < b.len() && b[..body].iter().all(u8::is_ascii_alphanumeric)
}

/// The width of an ASCII word that is one unbreakable piece under the Unicode line
/// breaking rules, as wide as it is long, although not a plain word: plain bytes and
/// `_ & * ^ # > ]` (`_italics_`, `&c.`, `*stress*`), after opening brackets (`(First`,
/// `[See`; a break may follow one after a stop, never at a word's start). Checked in
/// the tests. `None` for any other word, which the Unicode rules cut.
pub(super) fn one_piece_ascii(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    let body = b
        .iter()
        .position(|&c| c != b'(' && c != b'[')
        .unwrap_or(b.len());
    let kept = |c: u8| {
        CLASS[usize::from(c)] == PLAIN
            || matches!(c, b'_' | b'&' | b'*' | b'^' | b'#' | b'>' | b']')
    };
    b[body..].iter().all(|&c| kept(c)).then_some(b.len())
}

/// The width of a word that is one unbreakable piece under the Unicode line breaking
/// rules and as many columns wide as it has characters: a plain word
/// (`is_plain_word`) with curly quotes or Latin-1 letters in it (checked in the tests).
/// `None` for any other word.
pub(super) fn narrow_plain_width(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    let mut i = 0;
    let mut n = 0;
    while i < b.len() {
        match b[i] {
            c if CLASS[usize::from(c)] == PLAIN => i += 1,
            // U+2018, U+2019, U+201C, U+201D
            0xe2 if b.get(i + 1) == Some(&0x80)
                && matches!(b.get(i + 2), Some(0x98 | 0x99 | 0x9c | 0x9d)) =>
            {
                i += 3
            }
            // U+00C0 to U+00FF but × and ÷
            0xc3 if b
                .get(i + 1)
                .is_some_and(|&c| (0x80..=0xbf).contains(&c) && c != 0x97 && c != 0xb7) =>
            {
                i += 2
            }
            _ => return None,
        }
        n += 1;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::classes::is_space;
    use crate::layout::wrap::is_plain_word;
    use crate::text_width::str_width;
    use textwrap::WordSeparator;

    /// Every byte value at every place in a run longer than one step, and runs of every
    /// length: the eight-at-a-time scan stops where a scan byte by byte does.
    #[test]
    fn skipping_a_word_eight_bytes_at_a_time_stops_where_one_at_a_time_does() {
        let slow = |b: &[u8], i: usize| {
            (i..b.len())
                .find(|&j| !(0x21..0x80).contains(&b[j]))
                .unwrap_or(b.len())
        };
        for stop in 0..=255u8 {
            for at in 0..20 {
                let mut b = vec![b'a'; 20];
                b[at] = stop;
                for from in 0..=at {
                    assert_eq!(
                        skip_ascii_word(&b, from),
                        slow(&b, from),
                        "{stop:#x} at {at}"
                    );
                }
            }
        }
        for len in 0..20 {
            let b = vec![b'~'; len];
            assert_eq!(skip_ascii_word(&b, 0), len);
        }
    }

    /// `spaced_run` against the rules it stands for, word by word, on short texts of
    /// every mix of letters, stops, spaces, line ends and other characters.
    #[test]
    fn a_spaced_run_ends_where_the_word_by_word_rules_say() {
        use crate::layout::classes::is_kept_together;
        let slow = |b: &[u8], from: usize| {
            let s = std::str::from_utf8(b).unwrap();
            let mut end = from;
            let mut left_end = from;
            let mut at = from;
            // Each step: one space, then a plain ASCII word.
            while b.get(at) == Some(&b' ') {
                let start = at + 1;
                let stop = (start..b.len())
                    .find(|&j| CLASS[usize::from(b[j])] == SPACE)
                    .unwrap_or(b.len());
                let word = &s[start..stop];
                if word.is_empty()
                    || !word.is_ascii()
                    || !is_plain_ascii(word)
                    || is_kept_together(&s[..left_end], word)
                {
                    break;
                }
                end = stop;
                left_end = stop;
                at = stop;
            }
            end
        };
        let alphabet = [b'a', b'.', b')', b' ', b'\n', b'!', b'(', b'Z'];
        let n = alphabet.len();
        for code in 0..n.pow(6) {
            let mut b = b"w ".to_vec();
            b.extend((0..6).map(|k| alphabet[code / n.pow(k) % n]));
            assert_eq!(
                spaced_run(&b, 1),
                slow(&b, 1),
                "{:?}",
                String::from_utf8_lossy(&b)
            );
        }
    }

    /// Eight bytes at a time, `spaced_run` ends where a look at each byte does, on long
    /// random mixes of letters, digits, spaces, stops and other bytes.
    #[test]
    fn a_spaced_run_eight_bytes_at_a_time_ends_where_byte_by_byte_does() {
        let bytewise = spaced_run_bytewise;
        let alphabet = b"aaaaazZ09  .,)'\"-\n!(\xc3\xa9@[`{";
        let mut seed = 12_345u64;
        for len in 2..120 {
            for _ in 0..300 {
                let mut b = b"w ".to_vec();
                b.extend((0..len).map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[usize::try_from(seed >> 40).unwrap_or(0) % alphabet.len()]
                }));
                assert_eq!(spaced_run(&b, 1), bytewise(&b, 1), "{b:?}");
            }
        }
    }

    /// [`spaced_run`] byte by byte, with no eight-byte steps.
    fn spaced_run_bytewise(b: &[u8], from: usize) -> usize {
        let (mut prev, mut last_space) = (RUN_SPACE, from);
        for (k, &c) in b.iter().enumerate().skip(from + 1) {
            if let Some(end) = run_step(c, k, &mut prev, &mut last_space) {
                return end;
            }
        }
        if prev == RUN_SPACE {
            last_space
        } else {
            b.len()
        }
    }

    proptest::proptest! {
        /// Prose-like runs with every stop a line may not start with, after letters and
        /// after spaces: the eight-byte steps end where the byte-by-byte look does.
        #[test]
        fn a_spaced_run_of_prose_ends_where_byte_by_byte_does(
            s in "w [a-zA-Z0-9 ]{0,6}([a-zA-Z0-9 .,;:)'\"\\-]{0,12}[!(\n\u{e9}@]?){0,8}",
        ) {
            let b = s.as_bytes();
            proptest::prop_assert_eq!(spaced_run(b, 1), spaced_run_bytewise(b, 1));
        }
    }

    #[test]
    fn byte_classes_agree_with_plain_words_and_breakable_space() {
        for b in 0..0x80u8 {
            let c = char::from(b);
            let class = CLASS[usize::from(b)];
            assert_eq!(class == SPACE, is_space(c), "{c:?}");
            let word = c.to_string();
            assert_eq!(
                class == PLAIN,
                !is_space(c) && is_plain_word(&word),
                "{c:?}"
            );
        }
        assert!(CLASS[0x80..].iter().all(|&c| c == WIDE));
    }

    /// Every word of four characters from an alphabet of plain bytes, curly quotes and
    /// Latin-1 letters is one piece under the Unicode rules, as many columns wide as it
    /// has characters: the rules look at pairs and short runs, so this covers each
    /// context they can see.
    #[test]
    fn narrow_plain_words_have_no_break_opportunity() {
        let chars: Vec<char> = "a9.,;:'\"-)\u{2018}\u{2019}\u{201C}\u{201D}\u{E9}\u{C0}"
            .chars()
            .collect();
        let n = chars.len();
        for code in 0..n.pow(4) {
            let word: String = (0..4).map(|k| chars[code / n.pow(k) % n]).collect();
            assert_eq!(narrow_plain_width(&word), Some(4), "{word:?}");
            assert_eq!(str_width(&word), 4, "{word:?}");
            let pieces = WordSeparator::UnicodeBreakProperties
                .find_words(&word)
                .count();
            assert_eq!(pieces, 1, "{word:?} breaks inside");
        }
    }

    /// Every ASCII word of up to four characters, opening brackets aside, that
    /// [`one_piece_ascii`] takes is one piece under the Unicode rules, as wide as it is
    /// long; and it takes every word of the characters it lists.
    #[test]
    fn one_piece_ascii_words_have_no_break_opportunity() {
        let chars: Vec<char> = "a9.,;:'\"-)_&*^#>]([!/".chars().collect();
        let n = chars.len();
        for open in ["", "(", "[", "([", "(("] {
            for len in 0..=4u32 {
                for code in 0..n.pow(len) {
                    let body: String = (0..len).map(|k| chars[code / n.pow(k) % n]).collect();
                    let word = format!("{open}{body}");
                    if word.is_empty() {
                        continue;
                    }
                    let listed = body
                        .trim_start_matches(['(', '['])
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || ".,;:'\"-)_&*^#>]".contains(c));
                    let taken = one_piece_ascii(&word);
                    assert_eq!(taken.is_some(), listed, "{word:?}");
                    if taken.is_some() {
                        let pieces: Vec<_> = WordSeparator::UnicodeBreakProperties
                            .find_words(&word)
                            .collect();
                        assert_eq!(pieces.len(), 1, "{word:?} breaks inside");
                        assert_eq!(pieces[0].word, word);
                        assert_eq!(taken, Some(str_width(&word)), "{word:?}");
                    }
                }
            }
        }
    }

    /// Every word of up to five characters of letters, digits, `!` and `?` that
    /// [`is_exclaimed`] takes is one piece under the Unicode rules, as wide as it is long;
    /// the ones it leaves to the general path are those that start with `!` or `?` or end
    /// in neither.
    #[test]
    fn exclaimed_words_have_no_break_opportunity() {
        let chars = ['a', 'Z', '7', '!', '?'];
        let n = chars.len();
        for len in 1..=5u32 {
            for code in 0..n.pow(len) {
                let word: String = (0..len).map(|k| chars[code / n.pow(k) % n]).collect();
                let pieces = WordSeparator::UnicodeBreakProperties
                    .find_words(&word)
                    .count();
                let taken = is_exclaimed(&word);
                let body = word.trim_end_matches(['!', '?']);
                let want = !body.is_empty()
                    && body.len() < word.len()
                    && body.bytes().all(|b| b.is_ascii_alphanumeric());
                assert_eq!(taken, want, "{word:?}");
                if taken {
                    assert_eq!(pieces, 1, "{word:?} breaks inside");
                    assert_eq!(str_width(&word), word.len(), "{word:?}");
                }
            }
        }
    }
}
