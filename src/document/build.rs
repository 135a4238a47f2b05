//! Bytes to normalised text piece by piece: the one way text is made, whether the whole
//! file is at hand, it streams in from a background reader, or only a window of it is
//! wanted for the first page.
//!
//! The file is cut at line starts into pieces of about [`PIECE`] bytes, and each piece is
//! decoded and normalised on its own. Decoding and normalising are both line-local (no
//! encoding dogear cuts carries state across a line end, and normalising only looks back
//! to the start of the line, for tab stops), so the pieces joined are exactly the text a
//! single pass over the file gives. Where each piece starts is kept as an [`Anchor`]:
//! the same place as a byte of the file and as a byte of the text, so that a window of
//! the file can later be read from any anchor and be known to start at that byte of the
//! text, without reading what comes before it.

use super::charset::Charset;
use super::normalise;
use encoding_rs::{ISO_2022_JP, UTF_16BE, UTF_16LE, UTF_8};

/// About how many bytes of the file go into one piece (and so lie between two anchors):
/// few enough that a window read from the anchor before a saved place holds the place
/// within its first screens (see `crate::opening`), and enough that a piece's own cost
/// does not show (a gigabyte keeps 64 K anchors, a megabyte).
pub const PIECE: usize = 16 * 1024;

/// One place known both as a byte of the file and as a byte of the normalised text: the
/// start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Anchor {
    pub raw: u64,
    pub text: u64,
}

/// The first byte of the file that is not UTF-8, found while building a text that was
/// provisionally taken for UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotUtf8 {
    pub at: u64,
}

/// Builds normalised text from bytes fed in order.
#[derive(Debug)]
pub struct Builder {
    charset: Charset,
    /// UTF-8 is checked as it comes (a provisional choice): invalid bytes stop the build.
    strict: bool,
    text: String,
    anchors: Vec<Anchor>,
    /// Bytes fed but not yet made into text (the end of a line, or a piece too short).
    pending: Vec<u8>,
    /// Offset in the file of `pending[0]`.
    raw: u64,
    /// Everything so far was ASCII (an ISO-2022-JP file read as UTF-8 would be), and
    /// which of that encoding's escapes were seen.
    ascii: bool,
    escapes: super::decode::Iso2022Escapes,
    /// About how many bytes make a piece ([`PIECE`] but in tests).
    piece: usize,
    /// Bytes of text handed out by [`Builder::take_text`] so far.
    taken: u64,
    /// Some bytes were not valid UTF-8 and were decoded with replacement characters (a
    /// story read as UTF-8 by choice): the text is not the file's bytes.
    lossy: bool,
    /// What normalising changes in each piece is told (see [`Builder::surveyed`]).
    survey: Option<Surveyed>,
}

/// What normalising changed in the pieces of a UTF-8 file (see [`Builder::surveyed`]).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Surveyed {
    /// The indices of the anchors whose pieces it changed more than line ends in (see
    /// [`super::stretches`]), in order.
    pub irregular: Vec<u32>,
    /// Some piece had a CRLF line end made LF.
    pub line_ends: bool,
}

impl Builder {
    /// A builder for a file (or a window of it) in `charset` whose first byte fed is byte
    /// `raw` of the file. `strict`: the bytes must be valid UTF-8 (see [`NotUtf8`]).
    pub fn new(charset: Charset, raw: u64, strict: bool) -> Self {
        Self {
            charset,
            strict: strict && charset == Charset::Web(UTF_8),
            text: String::new(),
            anchors: Vec::new(),
            pending: Vec::new(),
            raw,
            ascii: true,
            escapes: super::decode::Iso2022Escapes::default(),
            piece: PIECE,
            taken: 0,
            lossy: false,
            survey: None,
        }
    }

    /// The same, telling what normalising changes in each piece of a UTF-8 file (see
    /// [`Builder::survey`]).
    #[must_use]
    pub fn surveyed(mut self) -> Self {
        self.survey = Some(Surveyed::default());
        self
    }

    /// What normalising changed in the pieces made so far, when asked for (see
    /// [`Builder::surveyed`]).
    pub fn survey(&self) -> Option<&Surveyed> {
        self.survey.as_ref()
    }

    /// The same, cutting pieces of about `size` bytes (for tests of the seams).
    pub fn with_piece(mut self, size: usize) -> Self {
        self.piece = size.max(1);
        self
    }

    /// Room for about `bytes` more bytes of text.
    pub fn reserve(&mut self, bytes: usize) {
        self.text.reserve(bytes);
    }

    /// Feeds the next bytes of the file; whole pieces are made into text at once.
    pub fn feed(&mut self, bytes: &[u8]) -> Result<(), NotUtf8> {
        if self.pending.is_empty() {
            let used = self.pieces(bytes, false)?;
            self.pending.extend_from_slice(&bytes[used..]);
            return Ok(());
        }
        self.pending.extend_from_slice(bytes);
        let pending = std::mem::take(&mut self.pending);
        let used = self.pieces(&pending, false);
        self.pending = pending;
        self.pending.drain(..used?);
        Ok(())
    }

    /// The text made since the last call (whole lines), moved out: a consumer on
    /// another thread can work on it while the next bytes are decoded. Anchors stay
    /// offsets into the whole text.
    pub fn take_text(&mut self) -> String {
        let text = std::mem::take(&mut self.text);
        self.taken += text.len() as u64;
        text
    }

    /// The anchors of the text made so far (those of text already taken included).
    pub fn anchors(&self) -> &[Anchor] {
        &self.anchors
    }

    /// Makes all the bytes fed into text, the last line too (once nothing more is to
    /// come: its line end, if it has one, may be in bytes not fed yet).
    pub fn flush(&mut self) -> Result<(), NotUtf8> {
        let pending = std::mem::take(&mut self.pending);
        self.pieces(&pending, true)?;
        Ok(())
    }

    /// Makes the rest into text; returns the text and its anchors.
    pub fn finish(mut self) -> Result<(String, Vec<Anchor>), NotUtf8> {
        let pending = std::mem::take(&mut self.pending);
        self.pieces(&pending, true)?;
        Ok((self.text, self.anchors))
    }

    /// Whether the bytes fed, taken for UTF-8, were all ASCII and carried ISO-2022-JP's
    /// escapes: then the file is ISO-2022-JP (as [`super::decode::choose`] decides for a
    /// whole file), and must be read again as that.
    pub fn was_iso_2022_jp(&self) -> bool {
        self.charset == Charset::Web(UTF_8) && self.ascii && self.escapes.found()
    }

    /// Makes pieces of `bytes` into text; returns how many bytes were used (all of them
    /// when `last`).
    fn pieces(&mut self, bytes: &[u8], last: bool) -> Result<usize, NotUtf8> {
        let mut at = 0;
        while at < bytes.len() {
            let rest = &bytes[at..];
            let end = match cut(self.charset, rest, self.piece) {
                Some(end) => end,
                None if last => rest.len(),
                None => break,
            };
            self.piece(&rest[..end])?;
            at += end;
        }
        Ok(at)
    }

    /// Whether bytes that are not valid UTF-8 were decoded with replacement characters
    /// (UTF-8 read by choice, not checked: see `strict`).
    pub fn was_lossy(&self) -> bool {
        self.lossy
    }

    fn piece(&mut self, bytes: &[u8]) -> Result<(), NotUtf8> {
        self.anchors.push(Anchor {
            raw: self.raw,
            text: self.taken + self.text.len() as u64,
        });
        if self.charset == Charset::Web(UTF_8) {
            // Checked with SIMD (several times faster than `std` on a window); a piece
            // that is not UTF-8 is checked again by `std`, which says where it fails.
            let checked = simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes));
            match checked {
                Ok(s) => {
                    // Once a piece was not ASCII the story is not: no need to look again.
                    if self.ascii {
                        self.ascii = s.is_ascii();
                    }
                    if self.ascii {
                        self.escapes.scan(s);
                    }
                    push_normalised(&mut self.text, s);
                    if let Some(survey) = &mut self.survey {
                        let index = self.anchors.len() - 1;
                        survey.piece(index, bytes);
                    }
                }
                Err(e) if self.strict => {
                    return Err(NotUtf8 {
                        at: self.raw + e.valid_up_to() as u64,
                    })
                }
                Err(_) => {
                    self.lossy = true;
                    push_normalised(&mut self.text, &self.charset.decode(bytes));
                }
            }
        } else {
            push_normalised(&mut self.text, &self.charset.decode(bytes));
        }
        self.raw += bytes.len() as u64;
        Ok(())
    }
}

impl Surveyed {
    /// Judges the piece of `bytes` anchor `index` starts (whole lines: a CR at its end is
    /// a lone one).
    fn piece(&mut self, index: usize, bytes: &[u8]) {
        let mut survey = super::line_ends::Survey::default();
        survey.feed(bytes);
        match survey.finish() {
            super::line_ends::Change::Nothing => {}
            super::line_ends::Change::LineEnds => self.line_ends = true,
            super::line_ends::Change::More => {
                self.irregular
                    .push(u32::try_from(index).unwrap_or(u32::MAX));
            }
        }
    }
}

fn push_normalised(out: &mut String, s: &str) {
    normalise::push_normalised(out, s);
}

/// Where the first piece of `bytes` ends: just after the last line end within `size`
/// bytes (after the first line end past it when a line is longer). `None` when `bytes`
/// holds no line end yet, or the encoding cannot be cut (ISO-2022-JP's escapes switch
/// modes that can last across lines).
pub fn cut(charset: Charset, bytes: &[u8], size: usize) -> Option<usize> {
    if charset == Charset::Web(ISO_2022_JP) {
        return None;
    }
    let utf16 = match charset {
        Charset::Web(e) if e == UTF_16LE => Some(true),
        Charset::Web(e) if e == UTF_16BE => Some(false),
        _ => None,
    };
    match utf16 {
        None => {
            let within = &bytes[..bytes.len().min(size)];
            memchr::memrchr(b'\n', within)
                .or_else(|| memchr::memchr(b'\n', &bytes[within.len()..]).map(|p| within.len() + p))
                .map(|p| p + 1)
        }
        Some(little) => {
            let unit = |i: usize| {
                let (a, b) = (bytes[i], bytes[i + 1]);
                if little {
                    (a, b) == (b'\n', 0)
                } else {
                    (a, b) == (0, b'\n')
                }
            };
            let pairs = bytes.len() / 2;
            let within = pairs.min(size / 2);
            (0..within)
                .rev()
                .find(|&p| unit(2 * p))
                .or_else(|| (within..pairs).find(|&p| unit(2 * p)))
                .map(|p| 2 * p + 2)
        }
    }
}

/// The first line start at or after byte `at` of `bytes` (a window read from the middle
/// of a file), in `charset`; `None` when there is none.
pub fn line_start_from(charset: Charset, bytes: &[u8], at: usize) -> Option<usize> {
    if at == 0 {
        return Some(0);
    }
    let from = at.saturating_sub(2) & !1;
    cut(charset, &bytes[from..], 0).map(|end| from + end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `bytes` built in pieces of about `piece` bytes, fed `feeds` bytes at a time.
    fn build(
        charset: Charset,
        bytes: &[u8],
        piece: usize,
        feeds: &[usize],
    ) -> (String, Vec<Anchor>) {
        let mut b = Builder::new(charset, 0, false).with_piece(piece);
        let mut at = 0;
        for &n in feeds {
            let end = (at + n).min(bytes.len());
            b.feed(&bytes[at..end]).unwrap();
            at = end;
        }
        b.feed(&bytes[at..]).unwrap();
        b.finish().unwrap()
    }

    #[test]
    fn pieces_join_to_the_whole_text() {
        let line = "Tab\there, CR\r\nan é and \x1b[1mbold\x1b[0m\r\n\u{feff}plain\n";
        // Pieces of 4 KB (not PIECE's 64) over 120 KB, and a feed longer than a piece.
        let raw = line.repeat(2_500);
        let whole = normalise::normalise(&raw);
        let (text, anchors) = build(Charset::Web(UTF_8), raw.as_bytes(), 4096, &[1, 3, 6_000, 7]);
        assert_eq!(text, whole);
        assert!(anchors.len() > 3, "{}", anchors.len());
        for a in anchors {
            let (raw_at, text_at) = (
                usize::try_from(a.raw).unwrap(),
                usize::try_from(a.text).unwrap(),
            );
            let from = std::str::from_utf8(&raw.as_bytes()[raw_at..]).unwrap();
            assert_eq!(normalise::normalise(from), whole[text_at..]);
        }
    }

    #[test]
    fn utf16_is_cut_on_whole_code_units() {
        let s = "\u{0a0d}\u{010a}x\n".repeat(4_400);
        let mut bytes = Vec::new();
        for u in s.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let (text, anchors) = build(Charset::Web(UTF_16LE), &bytes, 4096, &[5, 6_249]);
        assert_eq!(text, s);
        assert!(anchors.iter().all(|a| a.raw % 2 == 0));
        assert!(anchors.len() > 1);
    }

    #[test]
    fn strict_utf8_stops_at_the_first_bad_byte() {
        let mut bytes = "ok line\n".repeat(50_000).into_bytes();
        bytes.extend_from_slice(b"caf\xe9\n");
        let mut b = Builder::new(Charset::Web(UTF_8), 0, true);
        let err = b.feed(&bytes).and_then(|()| b.finish().map(|_| ()));
        assert_eq!(err, Err(NotUtf8 { at: 400_003 }));
    }
}
