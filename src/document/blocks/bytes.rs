//! Byte tests asked of many lines, made cheap: eight bytes at a time rather than one.

/// One in every byte.
const LO: u64 = 0x0101_0101_0101_0101;
/// The top bit of every byte.
const HI: u64 = 0x8080_8080_8080_8080;
const SPACES: u64 = LO * b' ' as u64;

/// Whether `b` holds two spaces in a row: the cheap test before `is_tabular`'s exact
/// one. Each step compares the eight bytes at `i` and the eight at `i + 1` with spaces
/// at once: a byte that is a space in both words starts a pair.
pub(super) fn has_double_space(b: &[u8]) -> bool {
    let word = |at: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[at..at + 8]);
        u64::from_le_bytes(w)
    };
    let mut i = 0;
    while i + 9 <= b.len() {
        let z = (word(i) ^ SPACES) | (word(i + 1) ^ SPACES);
        // Some byte of `z` is zero (a subtraction's borrow only runs upwards, so no
        // byte is flagged without a zero at or below it).
        if z.wrapping_sub(LO) & !z & HI != 0 {
            return true;
        }
        i += 8;
    }
    b[i..].windows(2).any(|pair| pair == b"  ")
}

/// The index of the first space of `b`, eight bytes a step, and whether any byte before
/// it is above 7F.
pub(super) fn first_space(b: &[u8]) -> (Option<usize>, bool) {
    let mut at = 0;
    let mut high = 0u64;
    while let Some(chunk) = b.get(at..at + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let x = w ^ SPACES;
        // The lowest byte of `x` that is zero is the first space (bytes above it may be
        // false hits, but only the lowest is used).
        let found = x.wrapping_sub(LO) & !x & HI;
        if found != 0 {
            let k = found.trailing_zeros() / 8;
            let before = if k == 0 { 0 } else { u64::MAX >> (64 - 8 * k) };
            return (Some(at + k as usize), (high | w & before) & HI != 0);
        }
        high |= w;
        at += 8;
    }
    for (i, &c) in b[at..].iter().enumerate() {
        if c == b' ' {
            return (Some(at + i), high & HI != 0);
        }
        high |= u64::from(c);
    }
    (None, high & HI != 0)
}

#[cfg(test)]
mod tests {
    use super::{first_space, has_double_space};
    use proptest::prelude::*;

    /// The plain test the fast one must equal.
    fn plain(b: &[u8]) -> bool {
        b.windows(2).any(|pair| pair == b"  ")
    }

    #[test]
    fn double_spaces_anywhere() {
        for len in 0..40 {
            for at in 0..len {
                let mut s = vec![b'a'; len];
                s[at] = b' ';
                assert!(!has_double_space(&s), "{len} {at}");
                if at + 1 < len {
                    s[at + 1] = b' ';
                    assert!(has_double_space(&s), "{len} {at}");
                }
            }
        }
    }

    proptest! {
        /// The first space and whether a byte before it is above 7F, as a look at each
        /// byte finds them, in words of any length.
        #[test]
        fn first_space_is_a_look_at_each_byte(s in "[a-z.\u{e9}\u{2014}]{0,20}( [a \u{e9}]{0,20})?") {
            let b = s.as_bytes();
            let at = b.iter().position(|&c| c == b' ');
            let high = b[..at.unwrap_or(b.len())].iter().any(|&c| c > 0x7f);
            prop_assert_eq!(first_space(b), (at, high));
        }

        #[test]
        fn has_double_space_is_the_plain_test(s in "[ a.\u{a0}\u{3000}é]{0,80}") {
            prop_assert_eq!(has_double_space(s.as_bytes()), plain(s.as_bytes()));
        }
    }
}
