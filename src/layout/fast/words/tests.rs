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

/// Every word of up to six characters of letters, digits, `!`, `?`, quotes and closing
/// brackets that [`is_exclaimed`] takes is one piece under the Unicode rules, as wide as
/// it is long; the ones it leaves to the general path are those that do not run letters
/// and digits, then stops, then closers.
#[test]
fn exclaimed_words_have_no_break_opportunity() {
    let chars = ['a', 'Z', '7', '!', '?', '"', '\'', ')', '('];
    let n = chars.len();
    for len in 1..=6u32 {
        for code in 0..n.pow(len) {
            let word: String = (0..len).map(|k| chars[code / n.pow(k) % n]).collect();
            let taken = is_exclaimed(&word);
            let closed = word.trim_end_matches(['"', '\'', ')']);
            let body = closed.trim_end_matches(['!', '?']);
            let want = !body.is_empty()
                && body.len() < closed.len()
                && body.bytes().all(|b| b.is_ascii_alphanumeric());
            assert_eq!(taken, want, "{word:?}");
            if taken {
                let pieces = WordSeparator::UnicodeBreakProperties
                    .find_words(&word)
                    .count();
                assert_eq!(pieces, 1, "{word:?} breaks inside");
                assert_eq!(str_width(&word), word.len(), "{word:?}");
            }
        }
    }
}
