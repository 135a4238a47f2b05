//! Records that each start with a stamp: a chat log's `[09:14]`, a journal's
//! `2024-01-05`, a log file's `12/05/94`. A tool wrapping prose never starts line after
//! line with a number of the same shape, so a group of such lines is a list of records,
//! one to a line, and its lines are kept (a long one goes on under its text).

use super::cues::starts_numbered;
use super::shape::SourceLine;

/// Lines in a group, at least, for their stamps to be its habit rather than chance.
const RECORDS: usize = 3;

/// A stamp is at most this long (`[2024-01-05T10:00:00.123Z]` is 26 bytes).
const LONGEST: usize = 32;

/// The shape of a stamp: its bytes with each run of digits made one `9` (so `9:05` and
/// `10:05` are alike), as many of them as were written.
#[derive(PartialEq, Eq)]
struct Shape {
    bytes: [u8; LONGEST],
    len: usize,
}

/// The shape of the stamp that starts `t` (a line's text): its first word, of ASCII
/// digits and punctuation (capitals too, as in `10:00Z`), with two digits or more and a
/// `:`, `-`, `/` or `.` between two of them. `None` for a line that starts otherwise.
fn stamp(t: &str) -> Option<Shape> {
    let b = t.as_bytes();
    let end = b.iter().position(u8::is_ascii_whitespace)?;
    if !(3..=LONGEST).contains(&end) {
        return None;
    }
    let word = &b[..end];
    let mut shape = Shape {
        bytes: [0; LONGEST],
        len: 0,
    };
    let (mut digits, mut joined) = (0, false);
    for (i, &c) in word.iter().enumerate() {
        if !(c.is_ascii_digit() || c.is_ascii_punctuation() || c.is_ascii_uppercase()) {
            return None;
        }
        let digit_at = |j: usize| word.get(j).is_some_and(u8::is_ascii_digit);
        if matches!(c, b':' | b'-' | b'/' | b'.') && i > 0 && digit_at(i - 1) && digit_at(i + 1) {
            joined = true;
        }
        if c.is_ascii_digit() {
            digits += 1;
            if i > 0 && digit_at(i - 1) {
                continue;
            }
        }
        shape.bytes[shape.len] = if c.is_ascii_digit() { b'9' } else { c };
        shape.len += 1;
    }
    (digits >= 2 && joined).then_some(shape)
}

/// Whether every line of `group` ([`RECORDS`] of them at least) starts with a stamp, all
/// of one shape. Lines that start with a verse or list number (`2:4`, `12.`) are not
/// taken for records: those are paragraphs (see [`starts_numbered`]).
pub(super) fn is_records(text: &str, group: &[SourceLine]) -> bool {
    let [first, rest @ ..] = group else {
        return false;
    };
    // Cheapest refusal first: most groups' first line starts with a letter or a quote.
    let t = first.text(text);
    if group.len() < RECORDS
        || !t.starts_with(|c: char| c.is_ascii_punctuation() || c.is_ascii_digit())
    {
        return false;
    }
    if starts_numbered(t) {
        return false;
    }
    let Some(shape) = stamp(t) else {
        return false;
    };
    rest.iter()
        .all(|l| stamp(l.text(text)).is_some_and(|s| s == shape))
}

#[cfg(test)]
mod tests {
    use super::stamp;

    #[test]
    fn times_dates_and_counters_are_stamps_of_their_shape() {
        let shape =
            |t: &str| stamp(t).map(|s| String::from_utf8_lossy(&s.bytes[..s.len]).into_owned());
        assert_eq!(shape("[09:14] <marta> hello").as_deref(), Some("[9:9]"));
        assert_eq!(shape("[9:14] <marta> hello"), shape("[10:14] <pim> hi"));
        assert_eq!(
            shape("2024-01-05 10:00:00 INFO started").as_deref(),
            Some("9-9-9")
        );
        assert_eq!(shape("12/05/94 rain").as_deref(), Some("9/9/9"));
        assert_eq!(shape("2024-01-05T10:00Z up").as_deref(), Some("9-9-9T9:9Z"));
        // Not stamps: a word, a bare number, a year, a line with no word after it.
        for t in [
            "Monday, 3 January",
            "1887 was cold",
            "12 ships",
            "[09:14]",
            "#12 item",
        ] {
            assert_eq!(shape(t), None, "{t}");
        }
        // Letters in small type make a word, not a stamp.
        assert_eq!(shape("10:00am tea"), None);
    }
}
