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
    len: u64,
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

impl<R: Read> Windows<R> {
    /// Windows of `file` (`len` bytes), whose first bytes are `head` (already read from
    /// it), in the encoding chosen from them (or `forced`).
    pub fn new(
        file: R,
        len: u64,
        head: Vec<u8>,
        forced: Option<Charset>,
    ) -> Result<Self, LoadError> {
        let choice = decode::choose(&head, crate::saturating::usize_from(len), forced)?;
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

    fn fill(&mut self) -> io::Result<bool> {
        let want = self.size.saturating_sub(self.pending.len());
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
                Ok(ended) => ended || self.read >= self.len,
                Err(e) => return Some(Err(e)),
            };
            if self.pending.is_empty() && (ended || self.started) {
                return None;
            }
            let cut = match ended {
                true => self.pending.len(),
                false => last_break(self.choice.charset, &self.pending),
            };
            // The last window holds at least the stretch a footer is looked for in (the
            // whole text's last 64 KB, twice that in bytes of UTF-16): a shorter rest is
            // read into this one.
            let rest = crate::saturating::usize_from(self.len.saturating_sub(self.read))
                .saturating_add(self.pending.len() - cut);
            if cut > 0 && (ended || rest >= 2 * FIRST_WINDOW) {
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
mod tests {
    use super::*;
    use std::io::Cursor;

    fn windows(bytes: &[u8]) -> Vec<Document> {
        let head = bytes[..bytes.len().min(8192)].to_vec();
        let rest = Cursor::new(bytes[head.len()..].to_vec());
        Windows::new(rest, bytes.len() as u64, head, None)
            .unwrap()
            .collect::<io::Result<Vec<_>>>()
            .unwrap()
    }

    #[test]
    fn windows_are_cut_after_blank_lines_and_join_to_the_whole_text() {
        let para = "A line of a paragraph that wraps at about seventy columns or so,\r\n\
                    and its second line, which ends it.\r\n\r\n";
        let raw = para.repeat(3000);
        let docs = windows(raw.as_bytes());
        assert!(docs.len() >= 2, "{} windows", docs.len());
        let joined: String = docs.iter().map(Document::text).collect();
        assert_eq!(joined, super::super::normalise::normalise(&raw));
        for doc in &docs[..docs.len() - 1] {
            assert!(doc.text().ends_with("\n\n"), "cut inside a paragraph");
        }
    }

    #[test]
    fn a_late_byte_that_is_not_utf8_switches_the_rest_to_a_legacy_encoding() {
        let mut raw = "Plain English prose, line after line.\n\n"
            .repeat(5000)
            .into_bytes();
        raw.extend_from_slice(b"Un caf\xe9 cr\xe8me.\n");
        let docs = windows(&raw);
        let last = docs.last().unwrap().text();
        assert!(
            last.ends_with("Un café crème.\n"),
            "{:?}",
            &last[last.len() - 30..]
        );
    }

    /// A line longer than the first window and than a later one (of 256 KB here rather
    /// than [`READ`], so the text need not be megabytes long).
    #[test]
    fn a_line_longer_than_a_window_is_never_cut() {
        let line = "all work and no play ".repeat(50_000);
        let docs = windows(line.as_bytes());
        let joined: String = docs.iter().map(Document::text).collect();
        assert_eq!(joined, line);
        assert_eq!(docs.len(), 1, "one line, one window");

        let text = format!("A first paragraph.\n\n{line}");
        let bytes = text.as_bytes();
        let head = bytes[..8192].to_vec();
        let rest = Cursor::new(bytes[head.len()..].to_vec());
        let mut later = Windows::new(rest, bytes.len() as u64, head, None).unwrap();
        later.later = 256 << 10;
        assert!(line.len() > 2 * later.later);
        let docs = later.collect::<io::Result<Vec<_>>>().unwrap();
        let texts: Vec<&str> = docs.iter().map(Document::text).collect();
        assert_eq!(texts, ["A first paragraph.\n\n", line.as_str()]);
    }
    /// Two etexts joined in one file, as the Silesia `dickens` file joins fourteen: the
    /// markers between them are text, as in the whole story (see `gutenberg`); only the
    /// first header and the last footer bound what is shown.
    #[test]
    fn markers_between_two_joined_etexts_are_shown_as_the_whole_story_shows_them() {
        let etext = |n: usize| {
            let mut s = format!("The Project Gutenberg EBook of Book {n}\n\n*** START OF THE PROJECT GUTENBERG EBOOK BOOK {n} ***\n\n");
            for p in 0..5000 {
                s.push_str(&format!(
                    "Paragraph {p} of book {n}, a line of prose that runs on.\n\n"
                ));
            }
            s.push_str(&format!("*** END OF THE PROJECT GUTENBERG EBOOK BOOK {n} ***\n\nThe licence, at length.\n\n"));
            s
        };
        let raw = format!("{}{}", etext(1), etext(2));
        let whole = Document::from_text(&raw);
        let bytes = raw.as_bytes();
        let head = bytes[..8192].to_vec();
        let rest = Cursor::new(bytes[head.len()..].to_vec());
        let mut windows = Windows::new(rest, bytes.len() as u64, head, None).unwrap();
        windows.later = 16 << 10;
        let mut shown = Vec::new();
        let mut at = 0;
        for doc in windows {
            let doc = doc.unwrap();
            let text = doc.text();
            shown.extend(
                doc.blocks()
                    .iter()
                    .map(|b| (b.kind, b.start() + at, b.end() + at)),
            );
            at += text.len();
        }
        let want: Vec<_> = whole
            .blocks()
            .iter()
            .map(|b| (b.kind, b.start(), b.end()))
            .collect();
        assert!(at > 4 * (16 << 10), "several windows");
        assert_eq!(shown.len(), want.len());
        assert_eq!(shown, want);
    }
}
