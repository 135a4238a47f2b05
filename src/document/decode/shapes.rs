//! What a sample's bytes look like, for choosing its encoding (see the parent module):
//! binary or UTF-16 by their NULs, ISO-2022-JP by its escapes, Korean or Japanese by
//! what a CJK decoding makes of them.

use super::PROBE;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// Whether `sniffed` read as EUC-KR is clean and nearly all Hangul syllables: Korean that
/// chardetng took for EUC-JP. (Japanese read as EUC-KR is mostly kana rows turned into
/// jamo and symbols; only its kanji become syllables.)
pub(super) fn mostly_hangul(sniffed: &[u8]) -> bool {
    let mut decoder = encoding_rs::EUC_KR.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(sniffed.len() * 2);
    let (_, _, malformed) = decoder.decode_to_string(sniffed, &mut text, false);
    let (mut hangul, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        match c {
            '\u{ac00}'..='\u{d7a3}' => hangul += 1,
            _ => other += 1,
        }
    }
    !malformed && hangul >= 2 * other && hangul > 0
}

/// Whether most of what a CJK `enc` makes of `sniffed`'s high bytes is ideographs, kana,
/// hangul or full-width forms. DOS box drawing read as Shift_JIS is half-width katakana.
pub(super) fn mostly_cjk(enc: &'static Encoding, sniffed: &[u8]) -> bool {
    let (text, _) = enc.decode_without_bom_handling(sniffed);
    let (mut cjk, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        match c {
            '\u{3000}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}' => {
                cjk += 1;
            }
            '\u{ff01}'..='\u{ff5e}' => cjk += 1,
            _ => other += 1,
        }
    }
    cjk >= other
}

pub(super) fn looks_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(PROBE)].contains(&0)
}

/// UTF-16 without a BOM: text in a Latin script has a NUL in every other byte, at odd
/// positions for little endian and even ones for big endian. Anything less regular (a few
/// scattered NULs) is treated as binary by the caller.
pub(super) fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
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
pub(super) fn has_iso_2022_jp_escapes(text: &str) -> bool {
    let mut seen = Iso2022Escapes::default();
    seen.scan(text);
    seen.found()
}

/// ISO-2022-JP's escapes seen in a text read in pieces (see [`has_iso_2022_jp_escapes`]).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Iso2022Escapes {
    designation: bool,
    to_ascii: bool,
    to_other: bool,
}

impl Iso2022Escapes {
    pub(crate) fn scan(&mut self, text: &str) {
        if !contains_esc(text.as_bytes()) {
            return;
        }
        for (i, _) in text.match_indices('\x1b') {
            let rest = &text.as_bytes()[i + 1..];
            self.designation |=
                rest.starts_with(b"$B") || rest.starts_with(b"$@") || rest.starts_with(b"(J");
            self.to_ascii |= rest.starts_with(b"(B");
            self.to_other |= rest.starts_with(b"$");
        }
    }

    pub(crate) fn found(&self) -> bool {
        self.designation || self.to_ascii && self.to_other
    }
}

/// Whether `bytes` holds an ESC: fixed chunks without an early exit inside a chunk, so
/// the compiler vectorises it.
fn contains_esc(bytes: &[u8]) -> bool {
    bytes
        .chunks(64)
        .any(|chunk| chunk.iter().fold(false, |acc, &b| acc | (b == 0x1b)))
}
