//! Bytes to text: BOM, UTF-8, or a detected legacy encoding.
//!
//! The order matters: a BOM is the author's explicit statement, so it wins; then valid
//! UTF-8 (by far the common case, and checked at memory speed); only then the costlier
//! statistical guess of chardetng, which sees at most [`SNIFF`] bytes.

use encoding_rs::{Encoding, ISO_2022_JP, UTF_16BE, UTF_16LE, UTF_8};

/// Why a file could not be turned into a story.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LoadError {
    #[error("not a text file (looks binary)")]
    Binary,
}

/// Decoded text and the name of the encoding it came from.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// The text is known to be normalised already (it was checked on the way).
    pub clean: bool,
}

/// How much of the start of the file is checked for NUL bytes (binary or UTF-16).
const PROBE: usize = 8 * 1024;
/// How much chardetng is shown: enough for a confident guess, bounded for 200 MB files.
const SNIFF: usize = 64 * 1024;

/// Decodes `bytes` to a `String` (not yet normalised; a UTF-8 BOM is removed, other
/// U+FEFF are left for the normaliser).
///
/// `forced` (the CLI's `--encoding`) overrides every detection, BOM included. Valid UTF-8
/// is copied once; [`decode_vec`] avoids even that.
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, LoadError> {
    if let Some(done) = before_utf8(bytes, forced) {
        return done;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(valid_utf8(text.to_owned())),
        Err(e) => Ok(guess_legacy(bytes, e.valid_up_to())),
    }
}

/// Like [`decode`], but takes the bytes: valid UTF-8 (the common case) becomes the
/// `String` without a copy, after one validation pass.
pub fn decode_vec(bytes: Vec<u8>, forced: Option<&'static Encoding>) -> Result<Decoded, LoadError> {
    if forced == Some(UTF_8) && !looks_binary(&bytes) {
        return Ok(match String::from_utf8(bytes) {
            Ok(text) => Decoded {
                text,
                encoding: UTF_8.name(),
                clean: false,
            },
            Err(e) => with(UTF_8, e.as_bytes()),
        });
    }
    if let Some(done) = before_utf8(&bytes, forced) {
        return done;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(valid_utf8(text)),
        Err(e) => {
            let valid_up_to = e.utf8_error().valid_up_to();
            Ok(guess_legacy(e.as_bytes(), valid_up_to))
        }
    }
}

/// The decisions taken before trying UTF-8: empty input, a forced encoding, a BOM, NULs.
/// `None` when the bytes should be tried as UTF-8 next.
fn before_utf8(
    bytes: &[u8],
    forced: Option<&'static Encoding>,
) -> Option<Result<Decoded, LoadError>> {
    if bytes.is_empty() {
        return Some(Ok(Decoded {
            text: String::new(),
            encoding: forced.unwrap_or(UTF_8).name(),
            clean: false,
        }));
    }
    if let Some(enc) = forced {
        if enc != UTF_16LE && enc != UTF_16BE && looks_binary(bytes) {
            return Some(Err(LoadError::Binary));
        }
        return Some(Ok(with(enc, bytes)));
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return Some(Ok(with(enc, &bytes[bom_len..])));
    }
    if looks_binary(bytes) {
        return Some(match utf16_without_bom(bytes) {
            Some(enc) => Ok(with(enc, bytes)),
            None => Err(LoadError::Binary),
        });
    }
    None
}

/// Valid UTF-8 text, unless it is 7-bit ISO-2022-JP.
fn valid_utf8(text: String) -> Decoded {
    let special = super::normalise::has_special(text.as_bytes());
    // An ESC is special, so a clean text has none (and the costlier questions are only
    // asked of a text that has a special byte).
    if special && text.is_ascii() && has_iso_2022_jp_escapes(&text) {
        return with(ISO_2022_JP, text.as_bytes());
    }
    Decoded {
        text,
        encoding: UTF_8.name(),
        clean: !special,
    }
}

/// Bytes that are not UTF-8 (the first bad one at `first_non_utf8`): chardetng's guess.
fn guess_legacy(bytes: &[u8], first_non_utf8: usize) -> Decoded {
    // chardetng learns nothing from ASCII, so show it the bytes from just before the first
    // one that is not UTF-8 (a Latin-1 "é" may be 500 KB into an English novel).
    let from = first_non_utf8.saturating_sub(1024);
    let sniffed = &bytes[from..bytes.len().min(from + SNIFF)];
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(sniffed, from + sniffed.len() == bytes.len());
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // A handful of stray high bytes in English text (the Silesia `dickens` file has eight
    // DOS bytes in 10 MB) can tip chardetng to a CJK encoding; a CJK text has far more.
    let high = sniffed.iter().filter(|&&b| b >= 0x80).count();
    let guess = if !guess.is_single_byte() && high * 100 < sniffed.len() {
        encoding_rs::WINDOWS_1252
    } else {
        guess
    };
    with(guess, bytes)
}

/// Decodes with `enc` without looking for a BOM again (it was either removed or the
/// encoding was forced).
fn with(enc: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
        clean: false,
    }
}

fn looks_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(PROBE)].contains(&0)
}

/// UTF-16 without a BOM: text in a Latin script has a NUL in every other byte, at odd
/// positions for little endian and even ones for big endian. Anything less regular (a few
/// scattered NULs) is treated as binary by the caller.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let probe = &bytes[..bytes.len().min(PROBE)];
    let pairs = probe.len() / 2;
    if pairs == 0 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in probe.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // Mostly-NUL in one lane, almost never in the other.
    let many = |n: usize| n * 10 >= pairs * 3;
    let few = |n: usize| n * 50 <= pairs;
    if many(odd) && few(even) {
        Some(UTF_16LE)
    } else if many(even) && few(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Whether 7-bit text (the caller checked) carries ISO-2022-JP's designations
/// (`ESC $ B`, `ESC $ @`, `ESC ( J`, `ESC ( B`). ANSI colour codes (`ESC [`) do not count.
fn has_iso_2022_jp_escapes(text: &str) -> bool {
    if !contains_esc(text.as_bytes()) {
        return false;
    }
    text.match_indices('\x1b').any(|(i, _)| {
        let rest = &text.as_bytes()[i + 1..];
        rest.starts_with(b"$B") || rest.starts_with(b"$@") || rest.starts_with(b"(J")
    }) || text.contains("\x1b(B") && text.contains("\x1b$")
}

/// Whether `bytes` holds an ESC: fixed chunks without an early exit inside a chunk, so
/// the compiler vectorises it.
fn contains_esc(bytes: &[u8]) -> bool {
    bytes
        .chunks(64)
        .any(|chunk| chunk.iter().fold(false, |acc, &b| acc | (b == 0x1b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_le_without_bom_is_detected() {
        let bytes: Vec<u8> = "Hello there, reader.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "UTF-16LE");
        assert_eq!(d.text, "Hello there, reader.\n");
    }

    #[test]
    fn utf16_be_without_bom_is_detected() {
        let bytes: Vec<u8> = "Big end first.\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode(&bytes, None).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn scattered_nuls_are_binary() {
        let mut bytes = b"\x7fELF some header text".to_vec();
        bytes.extend([0, 0, 0, 1, 2, 3, 0, 0x41, 0x42, 0x43, 0x44]);
        assert_eq!(decode(&bytes, None).unwrap_err(), LoadError::Binary);
    }

    #[test]
    fn ansi_colours_are_not_iso_2022_jp() {
        let d = decode(b"\x1b[1mbold\x1b[0m", None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn a_few_dos_bytes_in_english_are_not_big5() {
        let mut bytes = b"Plain English words go on and on here. ".repeat(300);
        bytes.extend(b"At Ch\x83lons and Alen\x87on the road went on. ");
        bytes.extend(b"More plain words follow them. ".repeat(300));
        assert_eq!(decode(&bytes, None).unwrap().encoding, "windows-1252");
    }

    #[test]
    fn decode_vec_agrees_with_decode() {
        let cases: [&[u8]; 7] = [
            b"",
            "plain café\n".as_bytes(),
            b"\xef\xbb\xbfwith bom",
            b"Ch\x83lons latin",
            b"\x1b$B$3$s\x1b(B",
            b"\x1b[1mbold\x1b[0m",
            b"bin\0ary",
        ];
        for bytes in cases {
            for forced in [None, Some(UTF_8), Some(encoding_rs::WINDOWS_1252)] {
                let a = decode(bytes, forced).map(|d| (d.text, d.encoding, d.clean));
                let b = decode_vec(bytes.to_vec(), forced).map(|d| (d.text, d.encoding, d.clean));
                assert_eq!(a, b, "{bytes:?} {forced:?}");
            }
        }
    }

    #[test]
    fn forced_encoding_wins() {
        let d = decode("é".as_bytes(), Some(encoding_rs::WINDOWS_1252)).unwrap();
        assert_eq!(d.text, "Ã©");
        assert_eq!(d.encoding, "windows-1252");
    }
}
