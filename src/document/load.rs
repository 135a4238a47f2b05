//! A [`Document`] from a file's bytes: all of them at once, streamed in by a background
//! reader, or a window of them around a known `Anchor` for the first page.
//!
//! All three make text with the same `Builder`, so a window's text is, byte for byte,
//! the stretch of the whole text that starts at its anchor.

use super::blocks::Evidence;
use super::build::{self, Anchor, Builder, NotUtf8};
use super::decode::{self, Choice, LoadError};
use super::{blocks, gutenberg, normalise, Charset, Document, Guess};
use std::io::{self, Read, Seek, SeekFrom};

/// How many bytes are read from a file at a time when it is streamed.
pub(super) const READ: usize = 4 << 20;

/// How far the streaming reader has got, for a progress display: bytes of the file made
/// into text so far, out of how many.
pub trait Progress {
    fn read(&mut self, done: u64, of: u64);
}

impl Progress for () {
    fn read(&mut self, _: u64, _: u64) {}
}

impl<F: FnMut(u64, u64)> Progress for F {
    fn read(&mut self, done: u64, of: u64) {
        self(done, of);
    }
}

/// Why a streamed file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    #[error("{0}")]
    Load(#[from] LoadError),
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// The document of a whole file's `bytes` (see [`Document::from_vec`]).
pub fn whole(bytes: Vec<u8>, forced: Option<Charset>) -> Result<Document, LoadError> {
    // Valid UTF-8, the common case, is checked once and, when clean, becomes the text
    // without a copy; everything else goes through `decode::choose`.
    let bytes = match forced.is_none() && !bytes.is_empty() && !decode::self_describing(&bytes) {
        true => match String::from_utf8(bytes) {
            Ok(text) => {
                let special = normalise::has_special(text.as_bytes());
                let choice = decode::utf8_choice(&text, special);
                if !special {
                    let anchors = identity_anchors(&text);
                    return Ok(finish(text, anchors, choice));
                }
                let (text, anchors) = built(&choice, text.as_bytes());
                return Ok(finish(text, anchors, choice));
            }
            Err(e) => e.into_bytes(),
        },
        false => bytes,
    };
    let choice = decode::choose(&bytes, bytes.len(), forced)?;
    let (text, anchors) = built(&choice, &bytes);
    Ok(finish(text, anchors, choice))
}

fn built(choice: &Choice, bytes: &[u8]) -> (String, Vec<Anchor>) {
    let mut b = Builder::new(choice.charset, choice.bom as u64, false);
    b.reserve(bytes.len());
    match b.feed(&bytes[choice.bom..]).and_then(|()| b.finish()) {
        Ok(done) => done,
        Err(NotUtf8 { .. }) => unreachable!("a builder that is not strict takes any bytes"),
    }
}

/// Anchors for a text that is its own file: line starts about every [`build::PIECE`].
fn identity_anchors(text: &str) -> Vec<Anchor> {
    let bytes = text.as_bytes();
    let mut anchors = Vec::with_capacity(bytes.len() / build::PIECE + 1);
    let mut at = 0;
    while at < bytes.len() {
        anchors.push(Anchor {
            raw: at as u64,
            text: at as u64,
        });
        match build::cut(super::charset::UTF_8, &bytes[at..], build::PIECE) {
            Some(end) => at += end,
            None => break,
        }
    }
    anchors
}

fn finish(text: String, anchors: Vec<Anchor>, choice: Choice) -> Document {
    let body = gutenberg::body(&text);
    let (blocks, summary) = blocks::detect_summarised(&text, body.clone());
    assemble(text, anchors, choice, (body, blocks), Some(summary))
}

/// A window's document: its blocks classified with `evidence` from elsewhere.
fn finish_window(
    text: String,
    anchors: Vec<Anchor>,
    choice: Choice,
    evidence: &Evidence,
    edges: Edges,
) -> Document {
    let body = gutenberg::window_body(&text, edges.starts_file, edges.ends_file);
    let blocks = blocks::detect_with(&text, body.clone(), evidence);
    assemble(text, anchors, choice, (body, blocks), None)
}

fn assemble(
    text: String,
    anchors: Vec<Anchor>,
    choice: Choice,
    (body, blocks): (std::ops::Range<usize>, Vec<super::Block>),
    summary: Option<blocks::Summary>,
) -> Document {
    Document {
        text: super::Text::Made(text),
        blocks,
        body,
        charset: choice.charset,
        guess: choice.guess,
        anchors,
        summary,
    }
}

/// The document of the `len` bytes `file` holds, read `READ` bytes at a time, so that
/// no more than one copy of the text is ever held. The encoding is chosen as for the
/// whole file: UTF-8 is checked as it streams, and a byte that is not UTF-8, or
/// ISO-2022-JP's escapes in an ASCII text, start the reading again in what they show.
pub fn stream<R: Read + Seek>(
    file: &mut R,
    len: u64,
    forced: Option<Charset>,
    progress: &mut impl Progress,
) -> Result<Document, StreamError> {
    stream_in(file, len, forced, progress, (READ, build::PIECE))
}

/// [`stream`], reading `sizes.0` bytes at a time into pieces of about `sizes.1`.
fn stream_in<R: Read + Seek>(
    file: &mut R,
    len: u64,
    forced: Option<Charset>,
    progress: &mut impl Progress,
    sizes: (usize, usize),
) -> Result<Document, StreamError> {
    let (text, anchors, choice) = stream_built(file, len, forced, progress, sizes, None)?;
    Ok(finish(text, anchors, choice))
}

/// What [`stream_built`] hands on as it goes, when asked to.
pub(super) enum Piped {
    /// The next stretch of text (whole lines).
    Text(String),
    /// The anchors of the next stretch of text (sent before it), and the encoding it is
    /// made in.
    Anchors(Vec<Anchor>, Charset),
    /// The reading starts again in another encoding: forget the text handed on so far.
    Restart,
    /// The text is not the file's bytes normalised piece by piece (another encoding, or
    /// UTF-8 read by choice with bytes that are not): its offsets cannot be found in the
    /// file (see [`super::indexed::Part::on_file_able`]).
    NotVerbatim,
    /// Some of the file's line ends are CRLF, made LF in the text (told once).
    LineEnds,
    /// The anchors (indices) of the next irregular stretches: normalising changed more in
    /// them than line ends (see [`super::stretches`]).
    Irregular(Vec<u32>),
}

/// The text of [`stream_in`], its anchors and the encoding it was read in. With `pipe`,
/// the text is handed to it as it is made, and only what is left at the end returned.
pub(super) fn stream_built<R: Read + Seek>(
    file: &mut R,
    len: u64,
    forced: Option<Charset>,
    progress: &mut impl Progress,
    sizes: (usize, usize),
    mut pipe: Option<&mut dyn FnMut(Piped)>,
) -> Result<(String, Vec<Anchor>, Choice), StreamError> {
    let head = read_at(file, 0, sizes.0.max(decode::SNIFF + 1024))?;
    let mut choice = decode::choose(&head, crate::saturating::usize_from(len), forced)?;
    loop {
        let piped = pipe.as_mut().map(|p| &mut **p as &mut dyn FnMut(Piped));
        let streamed = stream_as(file, len, &choice, progress, sizes, piped)?;
        if streamed.is_err() {
            if let Some(pipe) = pipe.as_mut() {
                pipe(Piped::Restart);
            }
        }
        match streamed {
            Ok((text, anchors)) => return Ok((text, anchors, choice)),
            Err(Restart::NotUtf8(at)) => {
                let from = at.saturating_sub(1024);
                let back = crate::saturating::usize_from(at - from); // at most 1024
                let sample = read_at(file, from, back + decode::SNIFF)?;
                let last = from + sample.len() as u64 >= len;
                let guess = decode::guess_at(&sample, back, last);
                choice = Choice {
                    charset: guess.candidates[0],
                    bom: 0,
                    guess,
                    provisional: false,
                };
            }
            Err(Restart::Iso2022Jp) => {
                choice = Choice {
                    charset: Charset::Web(encoding_rs::ISO_2022_JP),
                    bom: 0,
                    guess: Guess::default(),
                    provisional: false,
                };
            }
        }
    }
}

/// Why a streamed reading must start again in another encoding.
enum Restart {
    NotUtf8(u64),
    Iso2022Jp,
}

type Built = (String, Vec<Anchor>);

fn stream_as<R: Read + Seek>(
    file: &mut R,
    len: u64,
    choice: &Choice,
    progress: &mut impl Progress,
    (read, piece): (usize, usize),
    mut pipe: Option<&mut dyn FnMut(Piped)>,
) -> io::Result<Result<Built, Restart>> {
    let strict = choice.provisional;
    let mut b = Builder::new(choice.charset, choice.bom as u64, strict).with_piece(piece);
    if pipe.is_none() {
        b.reserve(usize::try_from(len).unwrap_or(0));
    }
    file.seek(SeekFrom::Start(choice.bom as u64))?;
    let mut buf = vec![0; read];
    let mut done = choice.bom as u64;
    // What is told of the text as it is made: its anchors, and whether (and where) it
    // is not the file's bytes as they are.
    let mut told = told::Told::new(choice);
    if pipe.is_some() && told.surveys() {
        b = b.surveyed();
    }
    if let Some(pipe) = pipe.as_mut() {
        told.start(pipe);
    }
    loop {
        let n = read_full(file, &mut buf)?;
        if n == 0 {
            break;
        }
        done += n as u64;
        if let Err(NotUtf8 { at }) = b.feed(&buf[..n]) {
            return Ok(Err(Restart::NotUtf8(at)));
        }
        if let Some(pipe) = pipe.as_mut() {
            told.tell(&mut b, pipe);
        }
        progress.read(done.min(len), len);
    }
    if let Some(pipe) = pipe.as_mut() {
        // The last line, with no line end: its piece is surveyed and told too.
        if let Err(NotUtf8 { at }) = b.flush() {
            return Ok(Err(Restart::NotUtf8(at)));
        }
        told.tell(&mut b, pipe);
    }
    if b.was_iso_2022_jp() {
        return Ok(Err(Restart::Iso2022Jp));
    }
    Ok(b.finish().map_err(|e| Restart::NotUtf8(e.at)))
}

/// Reads until `buf` is full or the file ends; returns how many bytes were read.
pub(super) fn read_full(file: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Up to `len` bytes of `file` from byte `at`.
pub fn read_at<R: Read + Seek>(file: &mut R, at: u64, len: usize) -> io::Result<Vec<u8>> {
    file.seek(SeekFrom::Start(at))?;
    let mut buf = vec![0; len];
    let n = read_full(file, &mut buf)?;
    buf.truncate(n);
    Ok(buf)
}

/// A window of a file: `bytes`, read from the file starting at `anchor.raw`, decoded as
/// `charset`. Its text is exactly the whole text's from `anchor.text` on (for as many
/// whole lines as `bytes` holds); offsets in the returned document are relative to it.
/// `ends_file`: `bytes` run to the end of the file (else a cut last line is left out).
pub fn window(bytes: &[u8], charset: Charset, ends_file: bool) -> Document {
    window_with(bytes, charset, ends_file, &Evidence::default())
}

/// [`window`], its blocks classified with the whole file's `evidence` (see [`evidence`])
/// rather than with the window's own lines, so that they look as they will once the
/// whole story is read. (Its Project Gutenberg markers are looked for as in a window
/// that starts the file: see [`window_at`] for one that may not.)
pub fn window_with(
    bytes: &[u8],
    charset: Charset,
    ends_file: bool,
    evidence: &Evidence,
) -> Document {
    let edges = Edges {
        starts_file: true,
        ends_file,
        whole_lines: false,
    };
    window_at(bytes, charset, edges, evidence)
}

/// Where a window's bytes lie in their file, for what is looked for at its ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edges {
    /// They start the file (after any BOM): a Project Gutenberg header is looked for.
    pub starts_file: bool,
    /// They run to the end of the file: a footer is looked for, and the last line is
    /// whole.
    pub ends_file: bool,
    /// They end at a line end already (the caller cut them): the last line is whole.
    pub whole_lines: bool,
}

/// [`window_with`] for bytes that lie in their file as `edges` says: only the ends of
/// the file have a header or a footer (see [`gutenberg::window_body`]).
pub fn window_at(bytes: &[u8], charset: Charset, edges: Edges, evidence: &Evidence) -> Document {
    let mut b = Builder::new(charset, 0, false);
    let whole = edges.ends_file || edges.whole_lines;
    let end = match (whole, last_break(charset, bytes)) {
        (true, _) => bytes.len(),
        // No line end within reach (one huge line, or an encoding that is never cut):
        // the window ends inside a line, on a whole character where that can be told.
        (false, 0) => whole_characters(charset, bytes),
        (false, end) => end,
    };
    // The text is about as long as the bytes: room for it at once, rather than grown
    // piece by piece (each growth a copy into memory not yet paged in).
    b.reserve(end);
    let built = b.feed(&bytes[..end]).and_then(|()| b.finish());
    let (text, anchors) = built.unwrap_or_default();
    let choice = Choice {
        charset,
        bom: 0,
        guess: Guess::default(),
        provisional: false,
    };
    finish_window(text, anchors, choice, evidence, edges)
}

/// How many samples [`evidence`] reads, and how long each is: spread wide (a book's
/// verse or its letters are somewhere in it) rather than long (a few thousand lines tell
/// the line-width statistics as well as a few tens of thousands do).
const EVIDENCE: (u64, usize) = (32, 4 << 10);

/// What the whole file says about its layout, from samples of whole lines spread evenly
/// over its `len` bytes (the first after its `bom`), decoded as `charset`: about 128 KB
/// read, whatever the size of the file. Empty for a file small enough to be its own
/// evidence, or one that cannot be cut at line starts.
pub fn evidence<R: Read + Seek>(
    file: &mut R,
    len: u64,
    charset: Charset,
    bom: u64,
) -> io::Result<Evidence> {
    let (samples, size) = EVIDENCE;
    let mut evidence = Evidence::default();
    if len <= samples * size as u64 {
        return Ok(evidence);
    }
    let step = (len - bom) / samples;
    for i in 0..samples {
        // On a whole UTF-16 code unit (the BOM is 0 or 2 bytes).
        let at = bom + ((i * step) & !1);
        let bytes = read_at(file, at, size)?;
        let Some(start) = build::line_start_from(charset, &bytes, usize::from(i > 0)) else {
            continue;
        };
        let Some(end) = build::cut(charset, &bytes[start..], bytes.len()) else {
            continue;
        };
        let mut b = Builder::new(charset, 0, false);
        if let Ok((text, _)) = b.feed(&bytes[start..start + end]).and_then(|()| b.finish()) {
            evidence.push(&text);
        }
    }
    Ok(evidence)
}

/// How much of `bytes` is whole characters: a UTF-8 or UTF-16 character cut at the end
/// is left out (other encodings' cut characters decode as one replacement character).
fn whole_characters(charset: Charset, bytes: &[u8]) -> usize {
    match charset {
        Charset::Web(e) if e == encoding_rs::UTF_8 => match std::str::from_utf8(bytes) {
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            _ => bytes.len(),
        },
        Charset::Web(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => {
            bytes.len() & !1
        }
        _ => bytes.len(),
    }
}

/// Where a window of `bytes` should end: after the last blank line in its last quarter
/// (so that no paragraph is cut in two), else after its last line end.
pub(super) fn last_break(charset: Charset, bytes: &[u8]) -> usize {
    let quarter = bytes.len() - bytes.len() / 4;
    let single_byte_lf = build::cut(charset, b"\n", 1) == Some(1);
    if single_byte_lf {
        if let Some(p) = rfind(&bytes[quarter..], b"\n\n") {
            return quarter + p + 2;
        }
        if let Some(p) = rfind(&bytes[quarter..], b"\n\r\n") {
            return quarter + p + 3;
        }
    }
    build::cut(charset, bytes, bytes.len()).unwrap_or(0)
}

/// Where the last `needle` in `hay` starts, as `memmem::rfind` has it, searched forwards:
/// a CRLF text holds no `\n\n`, and the reverse search is byte by byte, the forward one
/// many bytes a step. A match overlapping the last one found starts within it.
fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    // The window's last 64 KB first: a match there is the last one (one that starts
    // before them is earlier), and most windows have one.
    const TAIL: usize = 64 << 10;
    let from = hay.len().saturating_sub(TAIL);
    if from > 0 {
        if let Some(at) = rfind_in(&hay[from..], needle) {
            return Some(from + at);
        }
    }
    rfind_in(hay, needle)
}

/// [`rfind`] over the whole of `hay`.
fn rfind_in(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let last = memchr::memmem::find_iter(hay, needle).last()?;
    let overlapping = (1..needle.len()).rev().map(|k| last + k);
    let later = overlapping
        .into_iter()
        .find(|&at| hay[at..].starts_with(needle));
    Some(later.unwrap_or(last))
}

mod told;

#[cfg(test)]
mod tests;
