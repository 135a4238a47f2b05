//! Measuring lines: where each ends and how wide it is, eight or sixteen bytes at a time.

use super::shape::SourceLine;
use std::ops::Range;

/// Calls `f` with each line of `text[body]` measured, or `None` for a blank line.
pub(super) fn for_each_line(text: &str, body: Range<usize>, mut f: impl FnMut(Option<SourceLine>)) {
    let bytes = &text.as_bytes()[..body.end];
    let mut pos = body.start;
    loop {
        let scan = scan_line(bytes, pos);
        f(SourceLine::measure(text, pos, scan.end, scan.narrow_chars));
        if scan.end == bytes.len() {
            break;
        }
        pos = scan.end + 1;
    }
}

/// What [`scan_line`] finds out about a line.
pub(super) struct Scan {
    /// Index of the line's `\n` (or the end of the text).
    pub(super) end: usize,
    /// The line's char count, when it holds no byte from `E3` up (so no wide characters:
    /// its display width is its char count).
    pub(super) narrow_chars: Option<usize>,
}

/// Finds the end of the line starting at `from`, and its width when that needs no
/// lookup, eight bytes at a time (lines are short: this beats a call to `memchr` per line
/// followed by a second pass to measure it).
#[inline]
pub(super) fn scan_line(bytes: &[u8], from: usize) -> Scan {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    const NL: u64 = LO * b'\n' as u64;
    // Per byte, in its top bit: a UTF-8 continuation byte (10xx_xxxx); a byte >= E3
    // (111x_xxxx with its low five bits >= 3). Shifts within a word only move a byte's
    // own lower bits into its top bit, so bytes do not mix.
    let continuation = |w: u64| w & !(w << 1) & HI;
    // The number of top bits set: one per byte, summed by a multiplication into the top
    // byte (no `popcnt` in baseline x86-64).
    let count = |m: u64| ((m >> 7).wrapping_mul(LO) >> 56) as usize;
    let wide = |w: u64| {
        w & (w << 1) & (w << 2) & ((w << 3) | (w << 4) | (w << 5) | (w << 6) & (w << 7)) & HI
    };
    let (mut cont, mut wides) = (0usize, 0u64);
    let mut at = from;
    // Sixteen bytes a step while they hold neither a `\n` nor a byte above 7F (one test
    // for both words); the first pair that does is looked at word by word below.
    // Each step is judged by flags or-ed together, which vectorises to a compare or two
    // and one test.
    for chunk in bytes[from..].as_chunks::<16>().0 {
        let any = chunk
            .iter()
            .fold(false, |any, &b| any | (b == b'\n') | (b >= 0x80));
        if any {
            break;
        }
        at += 16;
    }
    let (words, rest) = bytes[at..].as_chunks::<8>();
    let done = |at: usize, cont: usize, wides: u64| Scan {
        end: at,
        narrow_chars: (wides == 0).then(|| at - from - cont),
    };
    for &word in words {
        let w = u64::from_le_bytes(word);
        let x = w ^ NL;
        // The lowest byte of `x` that is zero is the first `\n` (bytes above it may be
        // false hits, but only the lowest is used).
        let found = x.wrapping_sub(LO) & !x & HI;
        if found != 0 {
            let k = found.trailing_zeros() / 8;
            let before = if k == 0 { 0 } else { u64::MAX >> (64 - 8 * k) };
            let w = w & before;
            cont += count(continuation(w));
            return done(at + k as usize, cont, wides | wide(w));
        }
        // An ASCII word (the common case) has neither continuations nor wide chars.
        if w & HI != 0 {
            cont += count(continuation(w));
            wides |= wide(w);
        }
        at += 8;
    }
    for &b in rest {
        if b == b'\n' {
            break;
        }
        cont += usize::from(b & 0xc0 == 0x80);
        wides |= u64::from(b >= 0xe3);
        at += 1;
    }
    done(at, cont, wides)
}

#[cfg(test)]
mod tests {
    use super::scan_line;
    use proptest::prelude::*;
    use unicode_width::UnicodeWidthStr;

    /// The end of the line of `text` starting at `from`, and its char count when it holds
    /// no byte from `E3` up, found by a look at each byte.
    fn byte_by_byte(text: &str, from: usize) -> (usize, Option<usize>) {
        let end = text.as_bytes()[from..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |i| from + i);
        let line = &text[from..end];
        let narrow = (!line.bytes().any(|b| b >= 0xe3)).then(|| line.chars().count());
        (end, narrow)
    }

    proptest! {
        /// Lines of any length (steps of sixteen bytes, words of eight, single bytes):
        /// each line's end and narrow char count as a look at each byte finds them.
        #[test]
        fn scan_line_is_a_look_at_each_byte(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "word ", "a longer run of plain words. ", "\n", "\u{e9}", "\u{201c}",
                "\u{3000}", "\u{732b}",
            ]), 0..24),
        ) {
            let text = pieces.concat();
            for from in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let scan = scan_line(text.as_bytes(), from);
                prop_assert_eq!((scan.end, scan.narrow_chars), byte_by_byte(&text, from));
            }
        }
    }

    #[test]
    fn scan_line_finds_each_newline_and_narrow_width() {
        let text = "short\nexactly8\n\nlonger than eight bytes é here “quoted” — ok\n\
                    猫 wide\nlast é 😀 \u{3000}x\n\
                    a line of plain ASCII words that runs well past thirty-two bytes é\n\
                    and one more plain ASCII line, long enough for a few pairs of words\n\
                    zero\u{301}";
        for from in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let (end, narrow) = byte_by_byte(text, from);
            let line = &text[from..end];
            let scan = scan_line(text.as_bytes(), from);
            assert_eq!((scan.end, scan.narrow_chars), (end, narrow), "from {from}");
            if narrow.is_some() && !line.contains('\u{301}') {
                assert_eq!(narrow, Some(line.width()), "{line}");
            }
        }
    }
}
