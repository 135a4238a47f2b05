//! The one sanitiser for story-derived text on its way out of the core.
//!
//! A story (or a bookmark label, a file name, a title read from a file) may hold
//! characters a terminal takes as commands, or that make text lie about itself. Every
//! path that writes such text (the page, the lists, prompts, the status bar, stderr,
//! `--print`, `--bookmarks`, `--toc`) passes it through here, at the moment it is
//! written. The document's text is never changed: positions are byte offsets into it.
//!
//! What happens to what:
//! - C0 controls (U+0000–U+001F) but `\n`, DEL, and C1 controls (U+0080–U+009F, which
//!   windows-1252 decoding makes of the bytes 0x81 0x8D 0x8F 0x90 0x9D) become U+FFFD,
//!   a visible "something was here" one column wide. A tab becomes a space. ESC is a C0
//!   control, so no escape sequence from the input survives.
//! - Bidi overrides, embeddings, isolates and marks (U+202A–U+202E, U+2066–U+2069,
//!   U+200E, U+200F, U+061C) and invisible zero-width characters (U+200B, U+2060–U+2064,
//!   U+FEFF, U+180E, U+FFF9–U+FFFB) are dropped: they have no width, so dropping them
//!   changes nothing visible except that text can no longer be reordered or hidden.
//!   The zero-width joiner and non-joiner (U+200D, U+200C) are kept: emoji sequences and
//!   several scripts need them, and they cannot reorder or hide anything.
//! - [`line()`] is for one-line places (status bar, list rows, stderr): a line break there
//!   becomes a space, as do U+2028 and U+2029 everywhere.
//! - [`json`] escapes instead of replacing, so a script gets the label as stored.

use std::borrow::Cow;

/// What to do with one character.
enum Fate {
    Keep,
    Replace(char),
    Drop,
}

fn fate(c: char, one_line: bool) -> Fate {
    match c {
        '\n' if one_line => Fate::Replace(' '),
        '\n' => Fate::Keep,
        '\t' | '\u{2028}' | '\u{2029}' => Fate::Replace(' '),
        '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' => Fate::Replace('\u{fffd}'),
        '\u{061c}'
        | '\u{180e}'
        | '\u{200b}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}' => Fate::Drop,
        _ => Fate::Keep,
    }
}

/// The byte offset of the first character [`fate`] does not keep, found on the UTF-8
/// bytes without decoding characters, so that clean text (nearly all text, curly quotes
/// and dashes included) costs one byte scan and no allocation. Every pattern starts with
/// an ASCII or a lead byte, so the offset is a character boundary.
fn first_unkept(s: &str, one_line: bool) -> Option<usize> {
    let b = s.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let unkept = |i: usize| match b[i] {
        b'\n' => one_line,
        0x00..=0x1f | 0x7f => true,
        // C1 controls; U+061C; U+180E
        0xc2 => matches!(at(i + 1), 0x80..=0x9f),
        0xd8 => at(i + 1) == 0x9c,
        0xe1 => at(i + 1) == 0xa0 && at(i + 2) == 0x8e,
        // U+200B, U+200E–U+200F, U+2028–U+202E; U+2060–U+2064, U+2066–U+2069
        0xe2 => match at(i + 1) {
            0x80 => matches!(at(i + 2), 0x8b | 0x8e | 0x8f | 0xa8..=0xae),
            0x81 => matches!(at(i + 2), 0xa0..=0xa4 | 0xa6..=0xa9),
            _ => false,
        },
        // U+FEFF; U+FFF9–U+FFFB
        0xef => match at(i + 1) {
            0xbb => at(i + 2) == 0xbf,
            0xbf => matches!(at(i + 2), 0xb9..=0xbb),
            _ => false,
        },
        _ => false,
    };
    let mut i = 0;
    while let Some(j) = next_lead(b, i, one_line) {
        if unkept(j) {
            return Some(j);
        }
        i = j + 1;
    }
    None
}

/// The first byte at or after `i` that can start anything [`first_unkept`] looks for (a
/// [`LEADS`] byte; not a line end unless `one_line`). Eight bytes at a time while none
/// is a control but a kept line end, DEL, or a lead byte from `C0` up: printed text is
/// mostly such runs, its lines' ends and its characters' continuation bytes included.
fn next_lead(b: &[u8], mut i: usize, one_line: bool) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const LOW7: u64 = ONES * 0x7f;
    const HIGH: u64 = ONES * 0x80;
    loop {
        // Sixteen bytes a step first, each step judged whole by flags or-ed together (a
        // compare and a test a step once vectorised): the words below then find the byte.
        while let Some(chunk) = b.get(i..).and_then(<[u8]>::first_chunk::<16>) {
            let any = chunk.iter().fold(false, |any, &c| {
                any | (c < 0x20) & (one_line | (c != b'\n')) | (c == 0x7f) | (c >= 0xc0)
            });
            if any {
                break;
            }
            i += 16;
        }
        while let Some(chunk) = b.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            // The high bit of each byte equal to `c`, exactly (no carry crosses a byte).
            let is = |c: u8| {
                let y = x ^ (ONES * u64::from(c));
                !(((y & LOW7) + LOW7) | y) & HIGH
            };
            // Below 0x20: neither the high bit nor, after adding 0x60 to the low seven, bit 7.
            let control = !(((x & LOW7) + ONES * 0x60) | x) & HIGH;
            let kept_ends = if one_line { 0 } else { is(b'\n') };
            // From C0 up: bits 7 and 6 set (a shift moves a byte's own bit 6 to its bit 7).
            let lead = x & (x << 1) & HIGH;
            let maybe = (control & !kept_ends) | is(0x7f) | lead;
            if maybe != 0 {
                i += (maybe.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        let &byte = b.get(i)?;
        if LEADS[usize::from(byte)] && (one_line || byte != b'\n') {
            return Some(i);
        }
        i += 1;
    }
}

/// The bytes [`first_unkept`] looks at more closely.
static LEADS: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[0x7f] = true;
    t[0xc2] = true;
    t[0xd8] = true;
    t[0xe1] = true;
    t[0xe2] = true;
    t[0xef] = true;
    t
};

fn clean(s: &str, one_line: bool) -> Cow<'_, str> {
    let Some(bad) = first_unkept(s, one_line) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..bad]);
    // The runs between what is not kept are copied whole, found by the same byte scan: a
    // story in a legacy encoding may hold a stray control every few lines.
    let mut rest = &s[bad..];
    while let Some(c) = rest.chars().next() {
        match fate(c, one_line) {
            Fate::Keep => out.push(c),
            Fate::Replace(r) => out.push(r),
            Fate::Drop => {}
        }
        rest = &rest[c.len_utf8()..];
        let run = first_unkept(rest, one_line).unwrap_or(rest.len());
        out.push_str(&rest[..run]);
        rest = &rest[run..];
    }
    Cow::Owned(out)
}

/// `s` made safe to write as text of several lines (`--print`, `--bookmarks`): line
/// breaks are kept.
///
/// ```
/// use dogear::sanitise;
/// assert_eq!(sanitise::text("a\x1b[2Jb\nc\u{85}d\u{202e}e"), "a\u{fffd}[2Jb\nc\u{fffd}de");
/// ```
pub fn text(s: &str) -> Cow<'_, str> {
    clean(s, false)
}

/// `s` made safe to write on one line (status bar, list rows, prompts, stderr): a line
/// break becomes a space.
///
/// ```
/// use dogear::sanitise;
/// assert_eq!(sanitise::line("two\nlines\u{9b}31m"), "two lines\u{fffd}31m");
/// assert_eq!(sanitise::line("plain"), "plain");
/// ```
pub fn line(s: &str) -> Cow<'_, str> {
    clean(s, true)
}

/// JSON text (as serde_json writes it, which escapes C0 controls itself) with every
/// other character [`text`] would not keep written as a `\uXXXX` escape: the output holds
/// no control or bidi character, and a script that parses it gets the label as stored.
/// Outside strings JSON is ASCII, so only string contents are touched.
///
/// ```
/// use dogear::sanitise;
/// assert_eq!(sanitise::json("\"a\u{85}b\u{202e}\""), "\"a\\u0085b\\u202e\"");
/// ```
pub fn json(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| !matches!(fate(c, false), Fate::Keep)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match fate(c, false) {
            Fate::Keep => out.push(c),
            _ => out.push_str(&format!("\\u{:04x}", u32::from(c))),
        }
    }
    Cow::Owned(out)
}

/// Whether `s` holds anything a sanitised output never does: a C0 control other than
/// `\n` (so no escape sequence), DEL, a C1 control, or a bidi control. For tests.
pub fn is_clean(s: &str) -> bool {
    s.chars()
        .all(|c| c == '\n' || matches!(fate(c, false), Fate::Keep))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed_even_with_curly_quotes() {
        let s = "\u{201c}Quoted,\u{201d} she said \u{2014} and left.\n";
        assert!(matches!(text(s), Cow::Borrowed(_)));
        assert!(matches!(line("caf\u{e9} na\u{ef}ve"), Cow::Borrowed(_)));
    }

    #[test]
    fn windows_1252_undefined_bytes_become_visible_placeholders() {
        let (decoded, _, _) = encoding_rs::WINDOWS_1252.decode(b"a\x81b\x8dc\x8fd\x90e\x9df");
        assert_eq!(
            text(&decoded),
            "a\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}e\u{fffd}f"
        );
    }

    #[test]
    fn bidi_and_zero_width_go_joiners_stay() {
        let s = "\u{202e}evil\u{202c} \u{2066}x\u{2069}\u{200b}\u{feff} \u{1f468}\u{200d}\u{1f469}";
        assert_eq!(line(s), "evil x \u{1f468}\u{200d}\u{1f469}");
    }

    #[test]
    fn line_breaks_only_survive_in_text() {
        assert_eq!(text("a\nb\r\n"), "a\nb\u{fffd}\n");
        assert_eq!(line("a\nb\tc\u{2028}d"), "a b c d");
    }

    #[test]
    fn the_byte_scan_finds_exactly_what_fate_does_not_keep() {
        // Every character around the special blocks, alone and between letters.
        let blocks = [
            0..0x300,
            0x600..0x700,
            0x1800..0x1900,
            0x2000..0x2100,
            0xfe00..0x10000,
        ];
        for c in blocks.into_iter().flatten().filter_map(char::from_u32) {
            for one_line in [false, true] {
                let kept = matches!(fate(c, one_line), Fate::Keep);
                let s = format!("a{c}b");
                assert_eq!(first_unkept(&s, one_line), (!kept).then_some(1), "{c:?}");
            }
        }
    }

    /// Every byte value at every place of a run longer than one step: the scan eight
    /// bytes at a time finds the lead bytes a scan byte by byte does.
    #[test]
    fn the_eight_byte_scan_stops_at_every_lead_byte() {
        for byte in 0..=255u8 {
            for at in 0..20 {
                let mut b = vec![b'a'; 20];
                b[at] = byte;
                b[19 - at / 2] = b'\n';
                for from in 0..20 {
                    for one_line in [true, false] {
                        let slow = (from..b.len())
                            .find(|&j| LEADS[usize::from(b[j])] && (one_line || b[j] != b'\n'));
                        let fast = next_lead(&b, from, one_line);
                        assert_eq!(fast, slow, "{byte:#x} at {at} from {from} {one_line}");
                    }
                }
            }
        }
    }

    proptest::proptest! {
        /// On text mixing what is kept with what is not, the byte scan finds the first
        /// character [`fate`] does not keep, as a look at each character does; also
        /// after a run of plain text long enough for steps of sixteen bytes.
        #[test]
        fn the_byte_scan_finds_the_first_unkept_character(
            plain in "[a \n\u{e9}]{0,40}",
            s in "[a \n\r\t\u{1b}\u{7f}\u{85}\u{a0}\u{e9}\u{61c}\u{180e}\u{200b}-\u{200f}\
                   \u{2013}\u{201c}\u{2028}-\u{202e}\u{2060}-\u{2069}\u{feff}\u{fff9}-\u{fffd}]{0,40}",
            one_line in proptest::bool::ANY,
        ) {
            let s = format!("{plain}{s}");
            let slow = s
                .char_indices()
                .find(|&(_, c)| !matches!(fate(c, one_line), Fate::Keep))
                .map(|(i, _)| i);
            proptest::prop_assert_eq!(first_unkept(&s, one_line), slow);
        }

        /// Cleaning copies the runs between what is not kept whole: the result is what a
        /// look at each character gives.
        #[test]
        fn cleaning_is_each_characters_fate(
            s in "[a \n\r\t\u{1b}\u{85}\u{e9}\u{200b}\u{202e}\u{2028}\u{feff}\u{fffd}]{0,60}",
            one_line in proptest::bool::ANY,
        ) {
            let slow: String = s
                .chars()
                .filter_map(|c| match fate(c, one_line) {
                    Fate::Keep => Some(c),
                    Fate::Replace(r) => Some(r),
                    Fate::Drop => None,
                })
                .collect();
            proptest::prop_assert_eq!(clean(&s, one_line), slow);
        }
    }

    #[test]
    fn json_escapes_and_round_trips() {
        let label = "m\u{85}\u{202e}k\u{1b}";
        let raw = serde_json::to_string(label).unwrap();
        let safe = json(&raw);
        assert!(is_clean(&safe), "{safe:?}");
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, label);
    }
}
