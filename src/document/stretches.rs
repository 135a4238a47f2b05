//! How the whole text's offsets are its file's, for a UTF-8 story read from its file once
//! indexed (see [`super::indexed::Indexed::let_go`]), stretch by stretch.
//!
//! The text is made a piece at a time, each piece of the file (whole lines, about 16 KB)
//! normalised on its own, and an [`Anchor`] kept where each starts (see
//! `build.rs`). So the text between two anchors is exactly the file's bytes between
//! them, normalised, and the stretches can be told apart:
//! - a *regular* stretch is its bytes as they are but for CRLF line ends made LF (see
//!   [`super::line_ends`]): an offset there is moved by counting the CRs from its anchor,
//!   and its bytes can be searched as they are;
//! - an *irregular* one holds something else normalising changes (a tab made spaces, a
//!   stray BOM, a control character, an escape): its bytes are read whole and normalised
//!   again, the same way, where its text is wanted. Real big files have a few thousand
//!   of these among tens of thousands of regular stretches.

use super::indexed::{Anchor, Source};
use super::normalise::{normalise_mapped, Mark};
use std::io;
use std::sync::Arc;

/// The anchors of a story's text and which of the stretches they start are irregular
/// (see the module's docs).
#[derive(Debug, Clone, Default)]
pub struct Stretches {
    anchors: Arc<[Anchor]>,
    /// The indices of the anchors that start an irregular stretch, in order.
    irregular: Arc<[u32]>,
}

/// One stretch of the text: from an anchor to the next (or the end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stretch {
    /// Which anchor starts it (0 for a text with none).
    pub index: usize,
    /// Where it starts, in the file and in the text.
    pub from: Anchor,
    /// Where the next starts (`None` for the last: it runs to the file's end).
    pub next: Option<Anchor>,
    /// Normalising changes more in it than line ends.
    pub irregular: bool,
}

impl From<Vec<Anchor>> for Stretches {
    /// Anchors of stretches all regular.
    fn from(anchors: Vec<Anchor>) -> Self {
        Self::new(anchors.into(), Vec::new())
    }
}

impl Stretches {
    /// The stretches `anchors` start (line starts known in the file and the text, in
    /// order), those starting at the indices in `irregular` irregular.
    pub fn new(anchors: Arc<[Anchor]>, mut irregular: Vec<u32>) -> Self {
        irregular.sort_unstable();
        irregular.dedup();
        Self {
            anchors,
            irregular: irregular.into(),
        }
    }

    /// The anchors.
    pub fn anchors(&self) -> &[Anchor] {
        &self.anchors
    }

    /// How many stretches are irregular.
    pub fn irregular_count(&self) -> usize {
        self.irregular.len()
    }

    /// The stretch at index `index`.
    fn stretch(&self, index: usize) -> Stretch {
        let from = self
            .anchors
            .get(index)
            .copied()
            .unwrap_or(Anchor { raw: 0, text: 0 });
        Stretch {
            index,
            from,
            next: self.anchors.get(index + 1).copied(),
            irregular: u32::try_from(index).is_ok_and(|i| self.irregular.binary_search(&i).is_ok()),
        }
    }

    /// The stretch byte `text` of the text is in (the last of those starting there).
    pub fn at_text(&self, text: usize) -> Stretch {
        let after = self.anchors.partition_point(|a| a.text <= text as u64);
        self.stretch(after.saturating_sub(1))
    }

    /// The stretch byte `raw` of the file is in.
    pub fn at_raw(&self, raw: usize) -> Stretch {
        let after = self.anchors.partition_point(|a| a.raw <= raw as u64);
        self.stretch(after.saturating_sub(1))
    }

    /// The first irregular stretch after stretch `index`, if any.
    pub fn next_irregular(&self, index: usize) -> Option<Stretch> {
        let i = self.irregular.partition_point(|&k| k as usize <= index);
        let k = *self.irregular.get(i)?;
        Some(self.stretch(k as usize))
    }
}

/// The most bytes of text a stretch may hold for the text to be read from the file (see
/// [`too_long`]): sixteen pieces.
pub const LONGEST: usize = 16 * super::build::PIECE;

/// Whether a stretch of a text `len` bytes long, between `anchors`, holds more than
/// [`LONGEST`] bytes: a line far longer than a piece (pieces end at line ends: a file of
/// lone CR line ends, or of one line, is all one stretch). Read from the file, every
/// window there would be read from its start, and an irregular one normalised whole for
/// every chunk of a search. Told from the anchors alone, before any of it is read.
pub fn too_long(anchors: &[Anchor], len: usize) -> bool {
    let starts = anchors.iter().map(|a| usize_of(a.text));
    let ends = anchors
        .iter()
        .skip(1)
        .map(|a| usize_of(a.text))
        .chain([len]);
    // No anchor at all: the text is one stretch.
    anchors.is_empty() && len > LONGEST
        || starts
            .zip(ends)
            .any(|(from, to)| to.saturating_sub(from) > LONGEST)
}

/// How the whole text's offsets are the file's: the same, or stretch by stretch from the
/// anchors (see the module's docs).
#[derive(Debug, Clone, Default)]
pub enum Offsets {
    /// The text is the file's bytes.
    #[default]
    Same,
    /// The text is the file's bytes but for its CRLF line ends made LF, in regular
    /// stretches, and normalised bytes in irregular ones.
    Anchored(Stretches),
}

/// Bytes read at a time to count CRs.
const READ: usize = 64 << 10;

impl Offsets {
    /// The stretch byte `text` of the text is in (the whole text, regular, when the text
    /// is the file's bytes).
    pub fn at_text(&self, text: usize) -> Stretch {
        match self {
            Self::Same => Stretch {
                index: 0,
                from: Anchor { raw: 0, text: 0 },
                next: None,
                irregular: false,
            },
            Self::Anchored(s) => s.at_text(text),
        }
    }

    /// Byte `text` of the whole text as a byte of the file read from `source`: the CR of
    /// a line end for its LF in the text, the file's end for the text's; in an irregular
    /// stretch, the byte of the file that became it (a tab for each of its spaces).
    ///
    /// # Errors
    /// The file cannot be read, or is shorter than the text.
    pub fn to_raw(&self, source: &dyn Source, text: usize) -> io::Result<usize> {
        let Self::Anchored(stretches) = self else {
            return Ok(text);
        };
        let s = stretches.at_text(text);
        if s.irregular && text > usize_of(s.from.text) {
            let (marks, end) = mapped(source, &s)?;
            if text >= end.out {
                return Ok(end.raw);
            }
            let m = marks[marks.partition_point(|m| m.out <= text).saturating_sub(1)];
            return Ok(match m.copied {
                true => m.raw + (text - m.out),
                false => m.raw,
            });
        }
        crs_to_raw(source, s.from, text)
    }

    /// The length of the file read from `source`, whose whole text is `len` bytes long.
    ///
    /// # Errors
    /// The file cannot be read, or is shorter than the text.
    pub fn file_len(&self, source: &dyn Source, len: usize) -> io::Result<usize> {
        let Self::Anchored(stretches) = self else {
            return Ok(len);
        };
        let last = stretches.at_text(len);
        match last.irregular {
            true => {
                let mut bytes = Vec::new();
                read_stretch(source, &last, &mut bytes)?;
                Ok(usize_of(last.from.raw) + bytes.len())
            }
            false => crs_to_raw(source, last.from, len),
        }
    }

    /// Byte `raw` of the file read from `source` as a byte of the whole text (a CR's
    /// and the LF after it are both the LF's; in an irregular stretch, a byte the text
    /// left out is the text's next, and so is a BOM's before the first anchor).
    ///
    /// # Errors
    /// The file cannot be read, or is shorter than `raw`.
    pub fn to_text(&self, source: &dyn Source, raw: usize) -> io::Result<usize> {
        let Self::Anchored(stretches) = self else {
            return Ok(raw);
        };
        let s = stretches.at_raw(raw);
        // A BOM before the first anchor is no byte of the text.
        let raw = raw.max(usize_of(s.from.raw));
        if s.irregular {
            let (marks, end) = mapped(source, &s)?;
            if raw >= end.raw {
                return Ok(end.out);
            }
            let m = marks[marks.partition_point(|m| m.raw <= raw).saturating_sub(1)];
            return Ok(match m.copied {
                true => m.out + (raw - m.raw),
                false => m.out,
            });
        }
        let from = usize_of(s.from.raw);
        let mut crs = 0;
        let mut buf = vec![0; READ.min(raw - from).max(64)];
        let mut at = from;
        while at < raw {
            let want = buf.len().min(raw - at);
            let n = source.read_at(at as u64, &mut buf[..want])?;
            if n == 0 {
                return Err(shorter());
            }
            crs += memchr::memchr_iter(b'\r', &buf[..n]).count();
            at += n;
        }
        Ok(usize_of(s.from.text) + (raw - from) - crs)
    }
}

/// Byte `text` of a regular stretch starting at `from` as a byte of the file: counts the
/// CRs from the anchor.
pub(crate) fn crs_to_raw(source: &dyn Source, from: Anchor, text: usize) -> io::Result<usize> {
    let mut raw = usize_of(from.raw);
    let mut left = text - usize_of(from.text);
    let mut buf = vec![0; READ.min(2 * left + 2).max(64)];
    loop {
        if left == 0 {
            return Ok(raw);
        }
        let n = source.read_at(raw as u64, &mut buf)?;
        if n == 0 {
            return Err(shorter());
        }
        let mut i = 0;
        while i < n {
            let cr = memchr::memchr(b'\r', &buf[i..n]).map_or(n, |c| i + c);
            if left <= cr - i {
                return Ok(raw + i + left);
            }
            left -= cr - i;
            // The CR is no byte of the text.
            i = (cr + 1).min(n);
        }
        raw += n;
    }
}

/// Appends the bytes of stretch `s` of the file read from `source` to `buf` (to the
/// file's end for the last).
///
/// # Errors
/// The file cannot be read, or is shorter than the stretch.
pub(crate) fn read_stretch(source: &dyn Source, s: &Stretch, buf: &mut Vec<u8>) -> io::Result<()> {
    let from = buf.len();
    let at = usize_of(s.from.raw);
    match s.next {
        Some(next) => {
            let len = usize_of(next.raw) - at;
            buf.resize(from + len, 0);
            let n = source.read_at(at as u64, &mut buf[from..])?;
            if n < len {
                return Err(shorter());
            }
        }
        None => loop {
            let got = buf.len() - from;
            buf.resize(buf.len() + READ, 0);
            let n = source.read_at((at + got) as u64, &mut buf[from + got..])?;
            buf.truncate(from + got + n);
            if n == 0 {
                break;
            }
        },
    }
    Ok(())
}

/// Where the file's bytes and the text meet in an irregular stretch `s` (see [`Mark`]),
/// in whole offsets, and where it ends in both.
fn mapped(source: &dyn Source, s: &Stretch) -> io::Result<(Vec<Mark>, Mark)> {
    let mut bytes = Vec::new();
    read_stretch(source, s, &mut bytes)?;
    let raw = std::str::from_utf8(&bytes).map_err(|_| not_utf8())?;
    let (text, mut marks) = normalise_mapped(raw);
    let (at_raw, at_text) = (usize_of(s.from.raw), usize_of(s.from.text));
    for m in &mut marks {
        m.raw += at_raw;
        m.out += at_text;
    }
    let end = Mark {
        raw: at_raw + raw.len(),
        out: at_text + text.len(),
        copied: false,
    };
    Ok((marks, end))
}

fn usize_of(at: u64) -> usize {
    crate::saturating::usize_from(at)
}

/// The file is shorter than the text (it changed).
pub(crate) fn shorter() -> io::Error {
    io::Error::other("the story's file is shorter than its text")
}

/// The file is no longer UTF-8 (it changed).
pub(crate) fn not_utf8() -> io::Error {
    io::Error::other("the story's file is no longer UTF-8")
}

#[cfg(test)]
#[path = "stretches_tests.rs"]
pub(crate) mod tests;
