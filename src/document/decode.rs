//! Bytes to text: BOM, UTF-8, or a detected legacy encoding.
//!
//! The order matters: a BOM is the author's explicit statement, so it wins; then valid
//! UTF-8 (by far the common case, and checked at memory speed); only then the costlier
//! statistical guess of chardetng, which sees at most [`SNIFF`] bytes, checked against
//! the other single-byte encodings by `super::detect`.

use super::charset::Charset;
use super::detect;
use encoding_rs::{Encoding, ISO_2022_JP, UTF_16BE, UTF_16LE, UTF_8};
pub(crate) use shapes::Iso2022Escapes;
use shapes::{has_iso_2022_jp_escapes, looks_binary, mostly_cjk, mostly_hangul, utf16_without_bom};

mod shapes;

/// Why a file could not be turned into a story.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LoadError {
    #[error("not a text file (looks binary)")]
    Binary,
}

/// Decoded text and the encoding it came from.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub charset: Charset,
    /// How sure the guess was, and what else it could have been.
    pub guess: Guess,
}

/// How an encoding was chosen, for telling the reader and offering the others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Guess {
    /// Detection was unsure: two candidates came close, or there was little to go by.
    pub unsure: bool,
    /// The plausible encodings, best first (empty when the bytes said what they are: a
    /// BOM, valid UTF-8, a forced encoding).
    pub candidates: Vec<Charset>,
}

/// How much of the start of the file is checked for NUL bytes (binary or UTF-16).
const PROBE: usize = 8 * 1024;
/// How much chardetng is shown: enough for a confident guess, bounded for 200 MB files.
pub const SNIFF: usize = 64 * 1024;

/// Decodes `bytes` to a `String` (not yet normalised; a UTF-8 BOM is removed, other
/// U+FEFF are left for the normaliser), in the encoding [`choose`] picks.
///
/// `forced` (the CLI's `--encoding`) overrides every detection, BOM included.
pub fn decode(bytes: &[u8], forced: Option<Charset>) -> Result<Decoded, LoadError> {
    let choice = choose(bytes, bytes.len(), forced)?;
    Ok(decoded(choice, bytes))
}

fn decoded(choice: Choice, bytes: &[u8]) -> Decoded {
    Decoded {
        text: choice.charset.decode(&bytes[choice.bom..]),
        charset: choice.charset,
        guess: choice.guess,
    }
}

/// The encoding [`decode`] would choose for a file of `file_len` bytes that starts with
/// `bytes` (all of it, or only its start), without decoding anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub charset: Charset,
    /// Bytes of BOM to skip at the start of the file.
    pub bom: usize,
    pub guess: Guess,
    /// `bytes` were valid UTF-8 but not the whole file: the rest may yet prove otherwise.
    pub provisional: bool,
}

/// Chooses the encoding as [`decode`] does. When `bytes` is the whole file the choice
/// is final; when it is only the start, a UTF-8 choice is `provisional` (see
/// [`Choice`]): a byte further on that is not UTF-8 would change it.
pub fn choose(bytes: &[u8], file_len: usize, forced: Option<Charset>) -> Result<Choice, LoadError> {
    choose_ranked(bytes, file_len, forced, true).map(|(choice, _)| choice)
}

/// [`choose`], but a single-byte guess is chardetng's alone, not yet checked against the
/// other single-byte encodings' readings (`true` then: [`choose`] may choose another).
/// The ranking costs several times chardetng's look: a story's first frame is made
/// without it, and the window made again if the ranking disagrees.
pub fn choose_unranked(
    bytes: &[u8],
    file_len: usize,
    forced: Option<Charset>,
) -> Result<(Choice, bool), LoadError> {
    choose_ranked(bytes, file_len, forced, false)
}

/// [`choose_unranked`] for a first frame made of `bytes[..shown]` only, when the rest is
/// not UTF-8: chardetng looks at the bytes around what is shown rather than at all of
/// `bytes` (its look at 64 KB costs a third of a first frame), and not at all when what is
/// shown is ASCII (no escape either: ISO-2022-JP's are), which every encoding it could
/// guess reads alike: windows-1252 stands for them all. Either way the guess is unranked:
/// the ranking right after the frame chooses ([`choose`]), as it does after chardetng's
/// guess on all of them.
pub fn choose_for_frame(
    bytes: &[u8],
    file_len: usize,
    forced: Option<Charset>,
    shown: usize,
) -> Result<(Choice, bool), LoadError> {
    let legacy = match std::str::from_utf8(bytes) {
        Err(e) if forced.is_none() && e.error_len().is_some() && !self_describing(bytes) => e,
        _ => return choose_unranked(bytes, file_len, forced),
    };
    let ascii = |b: &[u8]| b.is_ascii() && !b.contains(&0x1b);
    if legacy.valid_up_to() >= shown && ascii(&bytes[..shown]) {
        let any = Charset::Web(encoding_rs::WINDOWS_1252);
        let choice = Choice {
            charset: any,
            bom: 0,
            guess: Guess {
                unsure: false,
                candidates: vec![any],
            },
            provisional: false,
        };
        return Ok((choice, true));
    }
    // The first byte that is not UTF-8 and what follows it, or the frame's bytes if they
    // reach further.
    let around = shown.max(legacy.valid_up_to()) + FRAME_SNIFF;
    choose_unranked(&bytes[..around.min(bytes.len())], file_len, None)
}

/// Bytes past the first frame's, or past the first byte that is not UTF-8 if that is
/// further, that chardetng is shown for the frame's guess (see [`choose_for_frame`]).
const FRAME_SNIFF: usize = 16 << 10;

fn choose_ranked(
    bytes: &[u8],
    file_len: usize,
    forced: Option<Charset>,
    ranked: bool,
) -> Result<(Choice, bool), LoadError> {
    let choice = |c| Ok((c, false));
    let whole = bytes.len() >= file_len;
    let plain = |charset| Choice {
        charset,
        bom: 0,
        guess: Guess::default(),
        provisional: false,
    };
    if bytes.is_empty() {
        return choice(plain(forced.unwrap_or(Charset::Web(UTF_8))));
    }
    if let Some(cs) = forced {
        let utf16 = [Charset::Web(UTF_16LE), Charset::Web(UTF_16BE)].contains(&cs);
        if !utf16 && looks_binary(bytes) {
            return Err(LoadError::Binary);
        }
        return choice(plain(cs));
    }
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return choice(Choice {
            bom,
            ..plain(Charset::Web(enc))
        });
    }
    if looks_binary(bytes) {
        return utf16_without_bom(bytes)
            .map(|enc| (plain(Charset::Web(enc)), false))
            .ok_or(LoadError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let special = super::normalise::has_special(bytes);
            choice(Choice {
                provisional: !whole,
                ..utf8_choice(text, special)
            })
        }
        // Cut in the middle of a character: UTF-8 so far.
        Err(e) if e.error_len().is_none() && !whole => choice(Choice {
            provisional: true,
            ..plain(Charset::Web(UTF_8))
        }),
        Err(e) => {
            let (guess, unranked) = legacy_guess_ranked(bytes, e.valid_up_to(), file_len, ranked);
            Ok((
                Choice {
                    charset: guess.candidates[0],
                    guess,
                    ..plain(Charset::Web(UTF_8))
                },
                unranked,
            ))
        }
    }
}

/// The choice for bytes that are valid UTF-8 (`special`: they hold a byte the normaliser
/// rewrites): UTF-8, unless they are 7-bit ISO-2022-JP.
pub fn utf8_choice(text: &str, special: bool) -> Choice {
    let iso = special && text.is_ascii() && has_iso_2022_jp_escapes(text);
    Choice {
        charset: Charset::Web(if iso { ISO_2022_JP } else { UTF_8 }),
        bom: 0,
        guess: Guess::default(),
        provisional: false,
    }
}

/// Whether the bytes say what they are before any guessing: a BOM, or NULs (binary or
/// UTF-16). Valid UTF-8 without either is UTF-8 (see [`utf8_choice`]).
pub fn self_describing(bytes: &[u8]) -> bool {
    Encoding::for_bom(bytes).is_some() || looks_binary(bytes)
}

/// Where detection starts looking: chardetng learns nothing from ASCII, so it is shown
/// the bytes from just before the first one that is not UTF-8 (a Latin-1 "é" may be
/// 500 KB into an English novel).
fn sniff_from(first_non_utf8: usize) -> usize {
    first_non_utf8.saturating_sub(1024)
}

/// How many bytes from the start of a file [`decode`] looks at to choose its encoding,
/// given its first bytes `head`: a caller that reads only the start of a file (the
/// library, for a title) reads this much to decide the same way the reader does.
pub fn sniff_end(head: &[u8]) -> usize {
    match std::str::from_utf8(head) {
        Ok(_) => head.len(),
        // Cut in the middle of a character: UTF-8 so far.
        Err(e) if e.error_len().is_none() => head.len(),
        Err(e) => sniff_from(e.valid_up_to()) + SNIFF,
    }
}

/// Decodes `head`, the first bytes of a file of `file_len` bytes, choosing the encoding
/// as [`decode`] would for the whole file when `head` holds its first [`sniff_end`]
/// bytes. A character cut at the end of `head` is dropped.
pub fn decode_head(
    head: &[u8],
    file_len: usize,
    forced: Option<Charset>,
) -> Result<Decoded, LoadError> {
    let choice = choose(head, file_len, forced)?;
    let end = match (
        choice.charset == Charset::Web(UTF_8),
        std::str::from_utf8(head),
    ) {
        (true, Err(e)) if e.error_len().is_none() => e.valid_up_to(),
        _ => head.len(),
    };
    Ok(decoded(choice, &head[..end]))
}

/// What detection makes of a file whose first byte that is not UTF-8 is `sample[bad]`,
/// where `sample` holds the file's bytes from at least 1 KB before it to [`SNIFF`] bytes
/// after (fewer at the file's end: `last`).
pub fn guess_at(sample: &[u8], bad: usize, last: bool) -> Guess {
    let from = sniff_from(bad);
    let len = if last { sample.len() } else { usize::MAX };
    legacy_guess(&sample[from..], bad - from, len)
}

/// What detection makes of bytes that are not UTF-8, without decoding them all.
fn legacy_guess(bytes: &[u8], first_non_utf8: usize, file_len: usize) -> Guess {
    legacy_guess_ranked(bytes, first_non_utf8, file_len, true).0
}

/// [`legacy_guess`]; without `ranked`, a single-byte guess is chardetng's alone, and
/// says so (`true`).
fn legacy_guess_ranked(
    bytes: &[u8],
    first_non_utf8: usize,
    file_len: usize,
    ranked: bool,
) -> (Guess, bool) {
    let from = sniff_from(first_non_utf8);
    let sniffed = &bytes[from..bytes.len().min(from + SNIFF)];
    let guess = chardetng_guess(sniffed, from + sniffed.len() == file_len);
    if guess.is_single_byte() && !ranked {
        let alone = Guess {
            unsure: false,
            candidates: vec![Charset::Web(guess)],
        };
        return (alone, true);
    }
    if guess.is_single_byte() {
        let ranking = detect::rank(sniffed, Charset::Web(guess));
        let guess = Guess {
            unsure: ranking.unsure,
            candidates: ranking.candidates.iter().map(|c| c.charset).collect(),
        };
        return (guess, false);
    }
    let guess = if guess == encoding_rs::EUC_JP && mostly_hangul(sniffed) {
        encoding_rs::EUC_KR
    } else {
        guess
    };
    // A CJK guess is kept; it is doubtful when its decoding of the sample is not clean.
    // (Not flushed: the sample may end in the middle of a character.)
    let mut decoder = guess.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(sniffed.len() * 3);
    let (_, _, malformed) = decoder.decode_to_string(sniffed, &mut text, false);
    let guess = Guess {
        unsure: malformed,
        candidates: vec![Charset::Web(guess)],
    };
    (guess, false)
}

/// The encodings detection would find likely for `bytes`, best first, without decoding
/// them: for the picker when the story was read in a forced or remembered encoding.
/// Valid UTF-8 (or a BOM) offers only itself.
pub fn likely(bytes: &[u8]) -> Vec<Charset> {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return vec![Charset::Web(enc)];
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => vec![Charset::Web(UTF_8)],
        Err(e) => legacy_guess(bytes, e.valid_up_to(), bytes.len()).candidates,
    }
}

/// chardetng's guess for the `sniffed` bytes (`last`: they end the file).
fn chardetng_guess(sniffed: &[u8], last: bool) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    // Only the lines with a byte that is not ASCII (or an escape, for ISO-2022-JP) are
    // fed: chardetng looks at every byte, and the ASCII lines of a text in a language
    // written mostly in ASCII (most of an English novel in windows-1252) tell it nothing.
    for line in lines_to_feed(sniffed) {
        detector.feed(line, false);
    }
    detector.feed(&[], last);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    if guess.is_single_byte() {
        return guess;
    }
    // A handful of stray high bytes in English text (the Silesia `dickens` file has eight
    // DOS bytes in 10 MB) can tip chardetng to a CJK encoding; a CJK text has far more.
    let high = sniffed.iter().filter(|&&b| b >= 0x80).count();
    if high * 100 < sniffed.len() || !mostly_cjk(guess, sniffed) {
        encoding_rs::WINDOWS_1252
    } else {
        guess
    }
}

/// The lines of `bytes` (each with its `\n`) that hold a byte that is not ASCII, or an
/// escape: found from those bytes, so that the ASCII lines between are passed over in
/// one look rather than split off one by one.
fn lines_to_feed(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let hit = at + bytes[at..].iter().position(|&b| b >= 0x80 || b == 0x1b)?;
        let start = memchr::memrchr(b'\n', &bytes[at..hit]).map_or(at, |i| at + i + 1);
        let end = memchr::memchr(b'\n', &bytes[hit..]).map_or(bytes.len(), |i| hit + i + 1);
        at = end;
        Some(&bytes[start..end])
    })
}

#[cfg(test)]
mod tests;
