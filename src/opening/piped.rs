//! A story from standard input or a compressed file, shown as soon as its first window
//! has arrived: the rest is read (and decompressed) on a background thread, as a big
//! file's is (see the parent module). Such a story's identity is the fingerprint of all
//! its bytes, so its saved place is known only once they are all in: the reader starts at
//! the top and moves to the saved place then, unless it has moved meanwhile.
//!
//! A pipe may never end (`tail -f log | dogear`): quitting never waits for one, and
//! until it ends its percent is of what has arrived so far.

use super::{Book, Listed, News, Opening, Piped, WINDOW};
use crate::document::{decode, load, Charset};
use crate::input::{self, Input, Stream};
use crate::reader::Reader;
use crate::saturating::{usize_from, usize_from_f64};
use crate::session::Session;
use crate::store::Store;
use crate::storyfile;
use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How the encoding to read a story in is chosen, given its fingerprint (the flag, else
/// the one remembered for the book).
pub type Encoding = Box<dyn Fn(&str) -> Option<Charset> + Send>;

/// Opens the story of a non-plain `input` (standard input, a compressed file): whole at
/// once when it is short, else on its first window while the rest is read. `flag`: the
/// encoding asked for on the command line.
pub fn open(
    input: &Input,
    flag: Option<Charset>,
    encoding: Encoding,
    store: Option<&Store>,
    max_width: u16,
) -> Result<(Reader, Book), input::Error> {
    let mut stream = input::stream(input)?;
    open_stream(input, &mut stream, flag, encoding, store, max_width)
}

/// [`open`] on a stream already started (tests hand it a source of their own).
pub fn open_stream(
    input: &Input,
    stream: &mut Stream,
    flag: Option<Charset>,
    encoding: Encoding,
    store: Option<&Store>,
    max_width: u16,
) -> Result<(Reader, Book), input::Error> {
    let (format, name) = (stream.format, stream.name.clone());
    let mut head = Vec::new();
    storyfile::read_checked((&mut stream.reader).take(WINDOW as u64), flag, 0, &mut head)
        .map_err(|e| input::read_error(e, format, &name))?;
    let file_name = input::file_name(input);
    if head.len() < WINDOW {
        // All of it: read as a file would be.
        let story = input::story(input, head, encoding)?;
        let title = crate::library::title_of(story.doc.text(), &file_name);
        let mut reader = Reader::new(story.doc, title, (80, 24), max_width);
        let (path, fingerprint) = (story.path, story.fingerprint);
        let session =
            Session::resume_listing_later(store.cloned(), &path, fingerprint, &mut reader);
        return Ok((reader, Book::open(session, None)));
    }
    let choice =
        decode::choose(&head, usize::MAX, flag).map_err(|e| input::Error::Load(name.clone(), e))?;
    let doc = load::window(&head[choice.bom..], choice.charset, false);
    let title = crate::library::title_of(doc.text(), &file_name);
    let mut reader = Reader::new(doc, title, (80, 24), max_width);
    // Text bytes per byte of the (decompressed) story, as in its first window: positions
    // are in text, the reading counts bytes (UTF-16 is about two bytes a character).
    let per_byte = reader.document().text().len() as f64 / head.len().max(1) as f64;
    let estimate = Estimate {
        per_byte,
        len: stream.len,
    };
    reader.set_partial(0, 0);
    let (total, sized) = estimate.total(head.len(), stream.consumed.load(Ordering::Relaxed));
    reader.set_estimate(total, sized);
    let endless = stream.endless;
    let more = Arc::new(AtomicBool::new(false));
    let asked = Arc::clone(&more);
    let window = (choice.bom, choice.charset);
    let mut rest = std::mem::replace(&mut stream.reader, Box::new(std::io::empty()));
    let consumed = Arc::clone(&stream.consumed);
    let len = stream.len;
    let ended = Arc::new(AtomicBool::new(false));
    let end = Arc::clone(&ended);
    let whole_of = input.clone();
    let start = Box::new(move || {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut grown = Grown::new(head.len());
            let mut bytes = head;
            let mut last = 0;
            let mut chunk = vec![0; 1 << 20];
            let read = loop {
                // What has arrived, however little (a slow pipe), to tell how far it has
                // got and to grow the window with it.
                let slice = (input::LIMIT + 1)
                    .saturating_sub(bytes.len() as u64)
                    .min(chunk.len() as u64);
                match rest.read(&mut chunk[..usize_from(slice)]) {
                    Ok(0) => break Ok(()),
                    Ok(n) => bytes.extend_from_slice(&chunk[..n]),
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        let e = storyfile::ReadError::Io(e);
                        break Err(input::read_error(e, format, &name).to_string());
                    }
                }
                if bytes.len() as u64 > input::LIMIT {
                    break Err(input::Error::TooBig(name.clone()).to_string());
                }
                if let Some(doc) = grown.window(&bytes, window, &asked) {
                    if tx.send(News::Window(doc)).is_err() {
                        return; // the reader is gone
                    }
                }
                let read = consumed.load(Ordering::Relaxed);
                if let Some(len) = len {
                    // Reading is about two thirds of the work; the rest is finding blocks.
                    let pct = (read * 66 / len.max(1)).min(66) as u8;
                    if pct == last {
                        continue;
                    }
                    last = pct;
                    if tx.send(News::Progress(pct)).is_err() {
                        return; // the reader is gone
                    }
                }
                let (total, sized) = estimate.total(bytes.len(), read);
                if tx.send(News::Arrived(total, sized)).is_err() {
                    return;
                }
            };
            end.store(true, Ordering::Relaxed);
            let whole = read.and_then(|()| match input::story(&whole_of, bytes, encoding) {
                Ok(story) => Ok((Listed::new(story.doc), story.fingerprint)),
                Err(e) => Err(e.to_string()),
            });
            let _ = tx.send(News::Stream(whole));
        });
        rx
    }) as Box<dyn FnOnce() -> Receiver<News> + Send>;
    let opening = Opening {
        news: None,
        len: 0,
        forced: flag,
        evidence: Default::default(),
        loaded: None,
        path: input::state_path(input, ""),
        moved: false,
        piped: Some(Piped {
            start: Some(start),
            more,
            store: store.cloned(),
            input: input.clone(),
            endless,
            ended,
        }),
        failed: false,
        grow: None,
        index: None,
        seen: None,
        early: Default::default(),
    };
    let book = Book::opening(opening, None);
    Ok((reader, book))
}

/// How long the whole text of a story being read is, from what has been read so far.
#[derive(Clone, Copy)]
struct Estimate {
    /// Text bytes per story byte.
    per_byte: f64,
    /// The source's length when it is a file (compressed: the story is to what has been
    /// decompressed as the file is to what has been read of it).
    len: Option<u64>,
}

impl Estimate {
    /// The text's length, and whether it is an estimate of the whole (else only of what
    /// has arrived: a pipe's end is not known), after `bytes` of the story were had from
    /// `read` bytes of the source.
    fn total(self, bytes: usize, read: u64) -> (usize, bool) {
        let text = bytes as f64 * self.per_byte;
        match self.len {
            Some(len) if read > 0 => (usize_from_f64(text * len as f64 / read as f64), true),
            _ => (usize_from_f64(text), false),
        }
    }
}

/// How long the window of a story read from a stream grows, from its start, as the story
/// arrives: past it, what is further waits for the whole story (which is held whole
/// anyway: a window this long beside it costs little more).
const GROW_UP_TO: usize = 64 << 20;

/// How long the window grows to without being asked (see [`Grown::window`]): a fast
/// stream (a compressed file) is soon all in, and making windows longer than this would
/// only slow it down.
const GROW_BY_ITSELF_UP_TO: usize = 4 << 20;

/// When the window of a story read from a stream is made again, longer (see
/// [`Grown::window`]).
struct Grown {
    /// Bytes of the story the reader's window is made of.
    shown: usize,
    /// When the last window was made, and what that took.
    made: Option<(Instant, Duration)>,
}

impl Grown {
    fn new(shown: usize) -> Self {
        Self { shown, made: None }
    }

    /// A longer window of `bytes` (what has arrived: its text from byte `from`, in
    /// `charset`) when there is more to show: once twice as much has arrived as is shown
    /// (up to [`GROW_BY_ITSELF_UP_TO`]), or at once when the reader `asked` for more (something waits for it), though
    /// never sooner after the last window than four times what that one took, so that
    /// remaking windows stays a small part of the reading. Never longer than
    /// [`GROW_UP_TO`].
    fn window(
        &mut self,
        bytes: &[u8],
        (from, charset): (usize, Charset),
        asked: &AtomicBool,
    ) -> Option<crate::document::Document> {
        let upto = bytes.len().min(GROW_UP_TO);
        let rested = self
            .made
            .is_none_or(|(at, took)| at.elapsed() >= (took * 4).max(Duration::from_millis(50)));
        let doubled = upto >= 2 * self.shown && self.shown < GROW_BY_ITSELF_UP_TO;
        let wanted = doubled || asked.load(Ordering::Relaxed);
        if upto <= self.shown || !rested || !wanted {
            return None;
        }
        asked.store(false, Ordering::Relaxed);
        let at = Instant::now();
        let doc = load::window(&bytes[from.min(upto)..upto], charset, false);
        self.made = Some((at, at.elapsed()));
        self.shown = upto;
        Some(doc)
    }
}
