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
    let spaces = is(b' ');
    let after = spaces << 8 | u64::from(after_space) << 7;
    let doubled = spaces & after != 0;
    // Letters and single spaces alone (most steps of a line of prose): nothing else to
    // look for, and no character a line may not start with.
    if letters | spaces == HIGH {
        return (!doubled).then_some(spaces);
    }
    let digits = within(x, b'0', b'9');
    let marks = is(b'\'') | is(b'"') | is(b'-');
    let no_start = is(b',') | is(b'.') | is(b')') | within(x, b':', b';');
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

/// Whether the ASCII `word` is letters and digits ended by `!` and `?`, and then perhaps
/// by closing quotes and brackets ("Hello!", "What?!", `Why?"`, `so!)`): one piece under
/// the Unicode line breaking rules (no break before any of them), each character one
/// column.
#[inline]
pub(super) fn is_exclaimed(word: &str) -> bool {
    let b = word.trim_end_matches(['"', '\'', ')']).as_bytes();
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
mod tests;
