//! Copying text to the terminal's clipboard with OSC 52: `ESC ] 52 ; c ; BASE64 BEL`.
//!
//! Pure: this builds the bytes; the shell writes them to the terminal it owns (the one
//! the page is drawn on, so a multiplexer or an SSH session passes them on as it passes
//! the page). Terminals that do not allow OSC 52 ignore it.

use crate::sanitise;

/// Most terminals drop longer OSC 52 payloads (xterm's default limit is about 100 KB of
/// base64); a paragraph is far shorter, a runaway block is cut.
pub const MAX_BYTES: usize = 64 * 1024;

/// The escape sequence that puts `text` on the clipboard. The text is cleaned first (no
/// control or bidi characters: a story must not smuggle a command into the clipboard),
/// and cut at a character boundary to `MAX_BYTES`.
///
/// ```
/// assert_eq!(dogear::osc52("Hi!"), "\x1b]52;c;SGkh\x07");
/// ```
pub fn osc52(text: &str) -> String {
    let clean = sanitise::text(text);
    let mut end = clean.len().min(MAX_BYTES);
    while !clean.is_char_boundary(end) {
        end -= 1;
    }
    format!("\x1b]52;c;{}\x07", base64(clean[..end].as_bytes()))
}

/// Standard base64 with padding (RFC 4648), all OSC 52 needs.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_4648_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain:?}");
        }
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
    }

    #[test]
    fn the_sequence_is_osc_52_with_the_text_in_base64() {
        // "Café — naïve" in UTF-8.
        assert_eq!(
            osc52("Café — naïve"),
            "\x1b]52;c;Q2Fmw6kg4oCUIG5hw692ZQ==\x07"
        );
        assert_eq!(osc52("two\nlines"), "\x1b]52;c;dHdvCmxpbmVz\x07");
    }

    #[test]
    fn control_characters_never_reach_the_clipboard_or_end_the_sequence() {
        let sneaky = "text\x07\x1b]52;c;ZXZpbA==\x07\x1b[2J\u{9c}\u{202e}end";
        let out = osc52(sneaky);
        let payload = &out["\x1b]52;c;".len()..out.len() - 1];
        assert!(!payload.contains(['\x07', '\x1b']));
        assert!(out.ends_with('\x07') && out.matches('\x07').count() == 1);
        let copied = decode(payload);
        assert!(
            !copied.chars().any(|c| c.is_control() && c != '\n'),
            "{copied:?}"
        );
        assert!(!copied.contains('\u{202e}'));
        assert!(copied.starts_with("text") && copied.ends_with("end"));
    }

    #[test]
    fn a_huge_block_is_cut_at_a_character_boundary() {
        let text = "é".repeat(MAX_BYTES);
        let out = osc52(&text);
        let copied = decode(&out["\x1b]52;c;".len()..out.len() - 1]);
        assert_eq!(copied.len(), MAX_BYTES);
        assert!(copied.chars().all(|c| c == 'é'));
    }

    /// The inverse of [`base64`], for the tests only.
    fn decode(encoded: &str) -> String {
        let value = |c: u8| match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            _ => 63,
        };
        let mut bytes = Vec::new();
        for chunk in encoded.as_bytes().chunks(4) {
            let data: Vec<u8> = chunk.iter().copied().filter(|&c| c != b'=').collect();
            let n = data
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, &c)| n | u32::from(value(c)) << (18 - 6 * i));
            let decoded = data.len().saturating_sub(1);
            bytes.extend(n.to_be_bytes().into_iter().skip(1).take(decoded));
        }
        String::from_utf8(bytes).unwrap()
    }
}
