//! Opening a big story on its first window: the saved place's stretch of the file (or
//! its start) read, a short window of it made for the first frame, the rest of it right
//! after (see [`Grow`]).

use super::{Book, Opening, Watch, WINDOW};
use crate::document::blocks::Evidence;
use crate::document::{decode, load, Charset, Document};
use crate::reader::Reader;
use crate::saturating::usize_from;
use crate::session::Loaded;
use std::path::Path;

/// Opens the story at `path` (`len` bytes, a regular file) on a window, and starts
/// reading the whole of it in the background. `Err` when the story cannot be read (the
/// caller says why, as for a story read whole).
pub fn open(
    path: &Path,
    len: u64,
    forced: Option<Charset>,
    loaded: Loaded,
    size: (u16, u16),
    max_width: u16,
) -> Result<(Reader, Book), load::StreamError> {
    let mut file = crate::storyfile::open(path)?;
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let place = loaded.state.place.as_ref().map(|p| p.anchor.clone());
    // Where the window starts: the saved place's line start, when it was read the way
    // this story will be; else the start of the file.
    let at_place = place.as_ref().and_then(|a| {
        let file = a.file.as_ref()?;
        let cs = Charset::parse(&file.encoding)?;
        (forced.is_none_or(|f| f == cs) && file.raw < len).then_some((file.clone(), cs))
    });
    let windowed = at_place.is_some();
    let short = first_window(size);
    // The encoding the window is read in when it is a legacy one remembered (the saved
    // place's, the statistics'): the whole story is read in it too, not guessed again,
    // or the two could differ and the window's offsets not be the whole text's.
    let (grow, evidence, base, title, read_in) = match at_place {
        Some((fp, cs)) => {
            // The place lies in its line `into` bytes of text past the line's start: in a
            // line longer than a window (a story kept whole for it), the window reaches
            // it, whatever that costs, or the first frame would be at the line's start.
            let into = place
                .as_ref()
                .map_or(0, |a| a.offset.saturating_sub(usize_from(fp.text)));
            let reach = WINDOW.max(short.saturating_add(into + into / 8));
            let bytes = load::read_at(&mut file, fp.raw, reach)?;
            let ends = fp.raw + bytes.len() as u64 >= len;
            // From the file's first byte: a BOM there decodes to U+FEFF, which is dropped.
            let evidence = known_evidence(&loaded.state, len, cs);
            let title = match loaded.state.title.is_empty() {
                true => name.clone(),
                false => loaded.state.title.clone(),
            };
            let grow = Grow {
                at: fp.raw,
                bytes,
                from: 0,
                starts: fp.text == 0,
                charset: cs,
                ends,
                sample_from: evidence.is_none().then_some(0),
                unranked: false,
            };
            let read_in = forced.or(Some(cs).filter(|&cs| is_legacy(cs)));
            (grow, evidence, usize_from(fp.text), title, read_in)
        }
        None => {
            let head = load::read_at(&mut file, 0, WINDOW)?;
            // A head that is UTF-8 costs nothing to tell; one that is not is guessed at,
            // unless the story was read whole before in a legacy encoding (only then is
            // the head looked at here as well as in `choose`).
            let utf8 = |head: &[u8]| match std::str::from_utf8(head) {
                Ok(_) => true,
                Err(e) => e.error_len().is_none(),
            };
            let known = forced.or_else(|| read_before_in(&loaded, len).filter(|_| !utf8(&head)));
            // A legacy encoding is chardetng's guess for the first frame (none when the
            // frame's bytes are ASCII); the ranking of the others follows it (see
            // `Grow::rank`).
            let (choice, unranked) =
                decode::choose_for_frame(&head, usize_from(len), known, short)?;
            let evidence = known_evidence(&loaded.state, len, choice.charset);
            let grow = Grow {
                at: 0,
                ends: head.len() as u64 >= len,
                bytes: head,
                from: choice.bom,
                starts: true,
                charset: choice.charset,
                sample_from: evidence.is_none().then_some(choice.bom as u64),
                unranked,
            };
            (grow, evidence, 0, String::new(), known)
        }
    };
    // The first window holds the saved place (which lies after the window's start: up to
    // a piece further, see `build::PIECE`) and a few screens after it: about as many
    // bytes of the file as of text (a few CRs more), or if that falls short (UTF-16, a
    // file of empty CRLF lines) the whole window.
    let into = place
        .as_ref()
        .filter(|_| windowed)
        .map_or(0, |a| a.offset.saturating_sub(base));
    // A story never read whole has no statistics yet: its first window is classified by
    // its own, and again by the file's samples right after the first frame (see
    // `Grow::evidence`).
    let evidence = evidence.unwrap_or_default();
    let (mut doc, mut read) = grow.first(short.saturating_add(into + into / 8), &evidence);
    if into + short / 2 > doc.text().len() {
        (doc, read) = grow.first(usize::MAX, &evidence);
    }
    let title = match windowed {
        true => title,
        false => crate::library::title_of(doc.text(), &name),
    };
    let total = match loaded.state.length {
        0 => estimate(&doc, len, base, read),
        n => usize_from(n),
    };
    let mut reader = Reader::new(doc, title, size, max_width);
    reader.set_partial(base, total);
    reader.window_read_at(grow.raw());
    if let Some(anchor) = &place {
        if windowed && anchor.offset >= base {
            reader.go_to(anchor.offset - base);
        }
    }
    let opening = Opening {
        news: None,
        len,
        forced: read_in,
        evidence: std::sync::Arc::new(evidence),
        loaded: Some(loaded),
        path: path.to_owned(),
        moved: false,
        piped: None,
        failed: false,
        grow: (read < grow.bytes.len() - grow.from || grow.sample_from.is_some() || grow.unranked)
            .then_some(grow),
        index: None,
        seen: None,
        early: Default::default(),
    };
    let book = Book::opening(opening, Some(Watch::new(path, forced)));
    Ok((reader, book))
}

/// What a window of the story is classified with, when it is known at once: the
/// statistics its blocks were classified by when it was last read whole, when they are of
/// a file of this size decoded as `charset` (then the window looks exactly as the whole
/// story will; `--print` lays its windows out with them too). Else the file's samples are
/// read (see [`load::evidence`]), after the first frame: reading and tallying them costs
/// more than the rest of that frame.
pub(crate) fn known_evidence(
    state: &crate::state::BookState,
    len: u64,
    charset: Charset,
) -> Option<Evidence> {
    let known = state.statistics.as_ref().filter(|s| {
        state.replaces.is_none() && s.file == len && Charset::parse(&s.encoding) == Some(charset)
    })?;
    Some(Evidence::known(known.summary.clone()))
}

/// The legacy encoding a story of a `len`-byte file was read in when it was last read
/// whole (its statistics say): guessing it again from the file's start costs some
/// milliseconds (UTF-8 costs nothing to check, and stays open to a byte further on
/// that is not UTF-8).
fn read_before_in(loaded: &Loaded, len: u64) -> Option<Charset> {
    let state = &loaded.state;
    let stats = state.statistics.as_ref()?;
    let charset = Charset::parse(&stats.encoding)?;
    (is_legacy(charset) && state.replaces.is_none() && stats.file == len).then_some(charset)
}

/// Not UTF-8 or UTF-16.
fn is_legacy(charset: Charset) -> bool {
    let unicode = [
        encoding_rs::UTF_8,
        encoding_rs::UTF_16LE,
        encoding_rs::UTF_16BE,
    ];
    !matches!(charset, Charset::Web(e) if unicode.contains(&e))
}

/// About how long the whole text of a `len`-byte file is, from a window of it made of
/// `read` bytes.
fn estimate(doc: &Document, len: u64, base: usize, read: usize) -> usize {
    let len = usize_from(len);
    base + doc.text().len().max(1) * len.max(1) / read.min(len).max(1)
}

/// Bytes of the file made into the first frame's window: four bytes a cell of a terminal
/// of `size` (two pages side by side included; a page of prose is about one byte a
/// cell), at least 8 KB. The whole [`WINDOW`] is made right after the first frame,
/// before any key is read (see [`Grow`]): the first frame's budget is set by `less`,
/// and classifying a window costs about 40 instructions a byte.
fn first_window(size: (u16, u16)) -> usize {
    (usize::from(size.0) * usize::from(size.1) * 4).clamp(8 << 10, WINDOW)
}

/// The window read at the start, and what its text is made with: its first part makes
/// the first frame's window, and all of it the reader's window once that frame is out.
pub(super) struct Grow {
    /// The byte of the file `bytes` were read from.
    at: u64,
    bytes: Vec<u8>,
    /// Where the text starts in `bytes` (after a BOM).
    from: usize,
    /// `bytes` start the file (a Project Gutenberg header is looked for in them).
    starts: bool,
    charset: Charset,
    /// Whether `bytes` run to the end of the file.
    ends: bool,
    /// The file's samples are still to be read, from this byte (after a BOM): the first
    /// window was classified by its own statistics.
    sample_from: Option<u64>,
    /// `charset` is chardetng's guess, not yet ranked against the other single-byte
    /// encodings (see [`decode::choose_unranked`]).
    unranked: bool,
}

impl Grow {
    /// The byte of the file the window's text is made from.
    fn raw(&self) -> u64 {
        self.at + self.from as u64
    }

    /// The window made of the first `short` bytes (all of them when there are no more),
    /// classified with `evidence`, and how many bytes that is.
    fn first(&self, short: usize, evidence: &Evidence) -> (Document, usize) {
        let bytes = &self.bytes[self.from..];
        let read = short.min(bytes.len());
        let ends = self.ends && read == bytes.len();
        let doc = load::window_at(&bytes[..read], self.charset, self.edges(ends), evidence);
        (doc, read)
    }

    /// Ranks the guess the first window was read in, for a file of `len` bytes: `true`
    /// when another encoding wins, which the window is then made in (the reader has not
    /// moved: this is done before any key is read).
    pub(super) fn rank(&mut self, len: u64) -> bool {
        if !std::mem::take(&mut self.unranked) {
            return false;
        }
        // The bytes the guess was made on: the choice as the whole story will make it.
        match decode::choose(&self.bytes, usize_from(len), None) {
            Ok(choice) if choice.charset != self.charset => {
                self.charset = choice.charset;
                true
            }
            _ => false,
        }
    }

    /// The samples of the `len`-byte file at `path` that its windows are classified with
    /// (see [`load::evidence`]), when the first window could not wait for them; `None`
    /// when they were known at once, or cannot be read (then the background reading
    /// gathers its own).
    pub(super) fn evidence(&self, path: &Path, len: u64) -> Option<Evidence> {
        let from = self.sample_from?;
        let mut file = crate::storyfile::open(path).ok()?;
        load::evidence(&mut file, len, self.charset, from).ok()
    }

    /// The window made of all the bytes, classified with `evidence`.
    pub(super) fn whole(&self, evidence: &Evidence) -> Document {
        let bytes = &self.bytes[self.from..];
        load::window_at(bytes, self.charset, self.edges(self.ends), evidence)
    }

    fn edges(&self, ends_file: bool) -> load::Edges {
        load::Edges {
            starts_file: self.starts,
            ends_file,
            whole_lines: false,
        }
    }
}
