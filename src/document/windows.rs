//! A file read as consecutive windows, for work that goes through a story once, in
//! order (`--print`).

use super::blocks::Evidence;
use super::decode::{self, Choice, LoadError};
use super::load::{last_break, window_at, Edges, READ};
use super::{Charset, Document};
use std::io::{self, Read};

/// A file read as consecutive windows (see [`super::load::window`]), each cut after a blank line where
/// there is one, for work that goes through a story once in order (`--print`): memory
/// stays at one window whatever the size of the file.
pub struct Windows<R> {
    file: R,
    /// The file's length; `None` for a stream, whose end is known only once it comes.
    len: Option<u64>,
    choice: Choice,
    pending: Vec<u8>,
    /// Bytes of the file read so far.
    read: u64,
    size: usize,
    /// Size of the windows after the first: [`READ`] but in tests.
    later: usize,
    started: bool,
    /// What the whole file says about its layout (see [`super::load::evidence`]).
    evidence: Evidence,
    /// A buffer handed back (see [`Windows::give_back`]).
    spare: Option<Vec<u8>>,
}

/// Size of the first window: small, so that the first lines come at once.
const FIRST_WINDOW: usize = 64 << 10;

/// The last window holds at least this many bytes (the whole text's last 64 KB, where a
/// footer is looked for, twice that in bytes of UTF-16).
const KEPT: usize = 2 * FIRST_WINDOW;

impl<R: Read> Windows<R> {
    /// Windows of `file` (`len` bytes), whose first bytes are `head` (already read from
    /// it), in the encoding chosen from them (or `forced`).
    pub fn new(
        file: R,
        len: u64,
        head: Vec<u8>,
        forced: Option<Charset>,
    ) -> Result<Self, LoadError> {
        Self::of(file, Some(len), head, forced)
    }

    /// Windows of a stream (standard input, a decompressed file) whose first bytes are
    /// `head`: its length is not known until it ends, so every window but the last is
    /// cut 128 KB (`KEPT`) before what has been read, which the last window then holds.
    pub fn of_stream(stream: R, head: Vec<u8>, forced: Option<Charset>) -> Result<Self, LoadError> {
        Self::of(stream, None, head, forced)
    }

    fn of(
        file: R,
        len: Option<u64>,
        head: Vec<u8>,
        forced: Option<Charset>,
    ) -> Result<Self, LoadError> {
        let whole = len.map_or(usize::MAX, crate::saturating::usize_from);
        let choice = decode::choose(&head, whole, forced)?;
        let read = head.len() as u64;
        let pending = head[choice.bom..].to_vec();
        Ok(Self {
            file,
            len,
            choice,
            pending,
            read,
            size: FIRST_WINDOW,
            later: READ,
            started: false,
            evidence: Evidence::default(),
            spare: None,
        })
    }

    /// Classifies every window with `evidence` gathered from the whole file, so that
    /// they are laid out as the whole story would be.
    pub fn with_evidence(mut self, evidence: Evidence) -> Self {
        self.evidence = evidence;
        self
    }

    /// Windows after the first of `size` bytes rather than [`READ`], so that a test need
    /// not be megabytes long to be cut in many.
    #[cfg(test)]
    pub(crate) fn with_later_size(mut self, size: usize) -> Self {
        self.later = size;
        self
    }

    /// Bytes of BOM at the start of the file.
    pub fn bom(&self) -> usize {
        self.choice.bom
    }

    /// The encoding the windows are read in (it can change once, at the first byte that
    /// is not UTF-8 in a file taken for UTF-8).
    pub fn charset(&self) -> Charset {
        self.choice.charset
    }

    /// Bytes read but kept back from the window being cut: a stream's last [`KEPT`]
    /// (they may be its last), none of a file's.
    fn kept(&self) -> usize {
        match self.len {
            Some(_) => 0,
            None => KEPT,
        }
    }

    /// Reads until the window (and what is kept back after it) is full: `true` when the
    /// file ended first.
    fn fill(&mut self) -> io::Result<bool> {
        let want = (self.size + self.kept()).saturating_sub(self.pending.len());
        if want == 0 {
            return Ok(false);
        }
        // Read into the buffer's spare room, which `read_to_end` does not zero first (a
        // window is megabytes: zeroing it cost as much as reading it).
        self.pending.reserve(want);
        let limit = u64::try_from(want).unwrap_or(u64::MAX);
        let n = (&mut self.file)
            .take(limit)
            .read_to_end(&mut self.pending)?;
        self.read += n as u64;
        Ok(n < want)
    }
}

/// One window's bytes, cut from the file but not yet decoded: what `Piece::document`
/// makes a [`Document`] of, on whichever thread is free (`--print` on every core).
pub struct Piece {
    bytes: Vec<u8>,
    charset: Charset,
    edges: Edges,
}

impl Piece {
    /// The window's document, classified with `evidence` (the whole file's, see
    /// [`Windows::with_evidence`]).
    pub fn document(&self, evidence: &Evidence) -> Document {
        window_at(&self.bytes, self.charset, self.edges, evidence)
    }
}

impl<R: Read> Windows<R> {
    /// The evidence the windows are classified with, taken out (left empty), for
    /// `Piece::document` on other threads while these windows are still read.
    pub fn take_evidence(&mut self) -> Evidence {
        std::mem::take(&mut self.evidence)
    }

    /// Hands back a piece made into its document, whose buffer then takes the next
    /// window's bytes (rather than memory paged in afresh for each window).
    pub fn give_back(&mut self, piece: Piece) {
        self.spare = Some(piece.bytes);
    }

    /// The next window's bytes, cut at a line end; `None` at the end of the file. The
    /// order matters (the encoding can change at a window), so pieces are taken on one
    /// thread at a time; what is slow, `Piece::document`, is not.
    pub fn next_piece(&mut self) -> Option<io::Result<Piece>> {
        // Read until the window holds a line end to cut after (a line longer than a
        // window makes the window longer) or the file ends.
        let (cut, ended) = loop {
            let ended = match self.fill() {
                Ok(ended) => ended || self.len.is_some_and(|len| self.read >= len),
                Err(e) => return Some(Err(e)),
            };
            if self.pending.is_empty() && (ended || self.started) {
                return None;
            }
            let kept = self.kept();
            let cut = match ended {
                true => self.pending.len(),
                false => {
                    let before = self.pending.len().saturating_sub(kept);
                    last_break(self.choice.charset, &self.pending[..before])
                }
            };
            // The last window holds at least the stretch a footer is looked for in
            // ([`KEPT`]): a shorter rest is read into this one.
            let rest = self.len.map_or(kept, |len| {
                crate::saturating::usize_from(len.saturating_sub(self.read))
                    .saturating_add(self.pending.len() - cut)
            });
            if cut > 0 && (ended || rest >= KEPT) {
                break (cut, ended);
            }
            self.size = self.size.max(self.pending.len()) * 2;
        };
        let starts_file = !self.started;
        self.started = true;
        self.size = self.later;
        let bytes = &self.pending[..cut];
        if self.choice.provisional {
            if let Err(e) = std::str::from_utf8(bytes) {
                if e.error_len().is_some() {
                    let bad = e.valid_up_to();
                    let from = bad.saturating_sub(1024);
                    let guess = decode::guess_at(&bytes[from..], bad - from, ended);
                    self.choice.charset = guess.candidates[0];
                    self.choice.provisional = false;
                }
            }
        }
        // Cut at a line end already; a header only in the first window and a footer only
        // in the last, as the whole text's.
        let edges = Edges {
            starts_file,
            ends_file: ended,
            whole_lines: true,
        };
        // The window keeps the buffer; only the bytes after the cut are copied (into a
        // new buffer, with room for the next window).
        let mut rest = self.spare.take().unwrap_or_default();
        rest.clear();
        rest.reserve(self.later.max(self.pending.len() - cut));
        rest.extend_from_slice(&self.pending[cut..]);
        let mut bytes = std::mem::replace(&mut self.pending, rest);
        bytes.truncate(cut);
        Some(Ok(Piece {
            bytes,
            charset: self.choice.charset,
            edges,
        }))
    }
}

impl<R: Read> Iterator for Windows<R> {
    type Item = io::Result<Document>;

    fn next(&mut self) -> Option<Self::Item> {
        let piece = self.next_piece()?;
        Some(piece.map(|p| p.document(&self.evidence)))
    }
}

#[cfg(test)]
mod tests;
