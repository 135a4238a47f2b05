//! Opening a big story at once: shell code (files, a thread, the clock).
//!
//! A story of at least [`LAZY_FROM`] bytes is not read whole before the first page. The
//! window of the file around the saved place (or its start) is read and shown at once —
//! the saved place carries the file offset and text offset of a line start before it
//! (see [`crate::position::FilePlace`]), so the window is known to be the whole text's
//! from that offset on — and a background thread streams the whole file meanwhile. When
//! it is done the reader moves onto the whole story at the same place, the session
//! starts (saving, bookmarks), and what waited for the whole story happens.

use crate::app::Host;
use crate::document::blocks::Evidence;
use crate::document::{decode, load, Charset, Document};
use crate::reader::{Effect, Reader};
use crate::saturating::usize_from;
use crate::session::{Loaded, Session};
use crate::sync::Syncer;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Instant;

pub mod piped;
mod rewindow;
mod watch;
mod whole;

use watch::Watch;
use whole::spawn;

/// Stories at least this big open lazily; smaller ones are read whole at once (a few
/// milliseconds).
pub const LAZY_FROM: u64 = 4 << 20;

/// [`LAZY_FROM`], or in debug builds `DOGEAR_TEST_LAZY_FROM` when set: the end-to-end
/// tests open small stories lazily rather than write megabytes to get there.
pub fn lazy_from() -> u64 {
    if cfg!(debug_assertions) {
        let set = std::env::var("DOGEAR_TEST_LAZY_FROM").ok();
        if let Some(n) = set.and_then(|v| v.parse().ok()) {
            return n;
        }
    }
    LAZY_FROM
}

/// Bytes of the file read for the first window: some dozens of pages, which take longer
/// to read than the whole story takes to index, and little enough that decoding and
/// classifying them costs well under a millisecond (the first frame's budget is set by
/// `less`, which shows a screen in about two).
const WINDOW: usize = 64 << 10;

/// What the background reader says.
enum News {
    Progress(u8),
    Done(Result<Document, String>),
    /// About how long a stream's whole text is (`true`), or how much of it has arrived
    /// when its end is not known (`false`).
    Arrived(usize, bool),
    /// A stream's whole story, and its fingerprint.
    Stream(Result<(Document, String), String>),
    /// The chapters found so far, and how far into the whole text blocks are found.
    Found(Vec<crate::toc::Chapter>, usize),
}

/// A book being read: still opening (the reader on a window), or open; and its file,
/// watched for changes while it is open.
pub struct Book {
    stage: Stage,
    watch: Option<Watch>,
    /// Progress sync with KOReader, when set up (see [`crate::sync`]).
    sync: Option<Syncer>,
}

enum Stage {
    Opening(Box<Opening>),
    Open(Session),
}

impl Book {
    /// An open book; `file`: the story's file and the encoding forced on it, to watch.
    pub fn open(session: Session, file: Option<(&Path, Option<Charset>)>) -> Self {
        Self {
            stage: Stage::Open(session),
            watch: file.map(|(path, forced)| Watch::new(path, forced)),
            sync: None,
        }
    }

    /// The book's identity (see [`crate::fingerprint`]).
    pub fn fingerprint(&self) -> Option<String> {
        match &self.stage {
            Stage::Open(session) => Some(session.state().fingerprint.clone()),
            Stage::Opening(o) => o.loaded.as_ref().map(|l| l.state.fingerprint.clone()),
        }
    }

    /// Syncs the place with KOReader (the pull waits for the whole story).
    pub fn set_sync(&mut self, sync: Option<Syncer>) {
        self.sync = sync;
    }
}

/// The state of a book until its whole story is read.
pub struct Opening {
    /// The background reader's news; `None` until it starts (after the first frame is
    /// drawn, so that it never competes with it).
    news: Option<Receiver<News>>,
    /// What the background reader needs: the file's size and the encoding forced on it.
    len: u64,
    forced: Option<Charset>,
    /// What the file's samples say about its layout, to find its blocks with as it is read.
    evidence: Evidence,
    loaded: Option<Loaded>,
    path: PathBuf,
    /// The reader moved while on the window.
    moved: bool,
    /// Standard input or a compressed file rather than a plain file.
    piped: Option<Piped>,
    /// Reading the rest failed (and was said): the reader stays on the window, and
    /// nothing more is tried, waited for or saved.
    failed: bool,
    /// The window of the first frame is short: the rest of the window read, to be made
    /// into the reader's window once that frame is out.
    grow: Option<Grow>,
    /// The text indexed so far by the background reading of a file, in which the reader
    /// can move at once (see [`rewindow`]).
    index: Option<std::sync::Arc<crate::document::indexed::Indexed>>,
}

/// What opening a story from a stream needs (see [`piped`]).
struct Piped {
    /// Starts the background reading of the rest.
    start: Option<Box<dyn FnOnce() -> Receiver<News> + Send>>,
    /// Where the saved state is looked for once the fingerprint is known.
    store: Option<crate::store::Store>,
    input: crate::input::Input,
    /// A pipe, which may never end...
    endless: bool,
    /// ...until it has: then what is left (decoding it) is waited for like a file's.
    ended: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

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
    let (grow, base, title) = match at_place {
        Some((fp, cs)) => {
            let bytes = load::read_at(&mut file, fp.raw, WINDOW)?;
            let ends = fp.raw + bytes.len() as u64 >= len;
            // From the file's first byte: a BOM there decodes to U+FEFF, which is dropped.
            let evidence = evidence(&loaded, &mut file, len, cs, 0)?;
            let title = match loaded.state.title.is_empty() {
                true => name.clone(),
                false => loaded.state.title.clone(),
            };
            let grow = Grow {
                bytes,
                from: 0,
                charset: cs,
                ends,
                evidence,
            };
            (grow, usize_from(fp.text), title)
        }
        None => {
            let head = load::read_at(&mut file, 0, WINDOW)?;
            let choice = decode::choose(&head, usize_from(len), forced)?;
            let evidence = evidence(&loaded, &mut file, len, choice.charset, choice.bom as u64)?;
            let grow = Grow {
                ends: head.len() as u64 >= len,
                bytes: head,
                from: choice.bom,
                charset: choice.charset,
                evidence,
            };
            (grow, 0, String::new())
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
    let (mut doc, mut read) = grow.first(short.saturating_add(into + into / 8));
    if into + short / 2 > doc.text().len() {
        (doc, read) = grow.first(WINDOW);
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
    if let Some(anchor) = &place {
        if windowed && anchor.offset >= base {
            reader.go_to(anchor.offset - base);
        }
    }
    let opening = Opening {
        news: None,
        len,
        forced,
        evidence: grow.evidence.clone(),
        loaded: Some(loaded),
        path: path.to_owned(),
        moved: false,
        piped: None,
        failed: false,
        grow: (read < grow.bytes.len() - grow.from).then_some(grow),
        index: None,
    };
    let book = Book {
        stage: Stage::Opening(Box::new(opening)),
        watch: Some(Watch::new(path, forced)),
        sync: None,
    };
    Ok((reader, book))
}

/// What a window of the story is classified with: the statistics its blocks were
/// classified by when it was last read whole, when they are of a file of this size decoded as
/// `charset` (then the window looks exactly as the whole story will); else samples of its
/// file (see [`load::evidence`]), which also takes longer to read.
fn evidence(
    loaded: &Loaded,
    file: &mut std::fs::File,
    len: u64,
    charset: Charset,
    bom: u64,
) -> std::io::Result<Evidence> {
    let state = &loaded.state;
    let known = state.statistics.as_ref().filter(|s| {
        state.replaces.is_none() && s.file == len && Charset::parse(&s.encoding) == Some(charset)
    });
    match known {
        Some(known) => Ok(Evidence::known(known.summary.clone())),
        None => load::evidence(file, len, charset, bom),
    }
}

/// About how long the whole text of a `len`-byte file is, from a window of it made of
/// `read` bytes.
fn estimate(doc: &Document, len: u64, base: usize, read: usize) -> usize {
    let len = usize_from(len);
    base + doc.text().len().max(1) * len.max(1) / read.min(len).max(1)
}

/// Bytes of the file made into the first frame's window: enough for a few screens of a
/// terminal of `size` (two pages side by side included), at least 16 KB. The whole
/// [`WINDOW`] is made right after the first frame (see [`Grow`]): the first frame's
/// budget is set by `less`, and classifying costs a fraction of a millisecond per 64 KB.
fn first_window(size: (u16, u16)) -> usize {
    (usize::from(size.0) * usize::from(size.1) * 8).clamp(16 << 10, WINDOW)
}

/// The window read at the start, and what its text is made with: its first part makes
/// the first frame's window, and all of it the reader's window once that frame is out.
struct Grow {
    bytes: Vec<u8>,
    /// Where the text starts in `bytes` (after a BOM).
    from: usize,
    charset: Charset,
    /// Whether `bytes` run to the end of the file.
    ends: bool,
    evidence: Evidence,
}

impl Grow {
    /// The window made of the first `short` bytes (all of them when there are no more),
    /// and how many bytes that is.
    fn first(&self, short: usize) -> (Document, usize) {
        let bytes = &self.bytes[self.from..];
        let read = short.min(bytes.len());
        let ends = self.ends && read == bytes.len();
        let doc = load::window_with(&bytes[..read], self.charset, ends, &self.evidence);
        (doc, read)
    }

    /// The window made of all the bytes.
    fn whole(&self) -> Document {
        let bytes = &self.bytes[self.from..];
        load::window_with(bytes, self.charset, self.ends, &self.evidence)
    }
}

impl Book {
    /// The book's saved state: as loaded while the story is still being read.
    pub fn state(&self) -> Option<&crate::state::BookState> {
        match &self.stage {
            Stage::Open(session) => Some(session.state()),
            Stage::Opening(opening) => opening.loaded.as_ref().map(|l| &l.state),
        }
    }

    /// What to say after the terminal is given back (see [`Session::farewell`]).
    pub fn farewell(&self) -> Option<String> {
        match &self.stage {
            Stage::Open(session) => session.farewell(),
            Stage::Opening(_) => None,
        }
    }

    /// The book's saved state, waiting for a piped or compressed story's whole text when
    /// that is what it takes to know it (its fingerprint needs every byte); never for a
    /// pipe that has not ended, which may never.
    pub fn state_waiting(&mut self, reader: &mut Reader) -> Option<&crate::state::BookState> {
        let wait = matches!(&self.stage, Stage::Opening(o) if o.loaded.is_none()
        && !o.failed
        && o.piped.as_ref().is_some_and(|p| {
            !p.endless || p.ended.load(std::sync::atomic::Ordering::Relaxed)
        }));
        if wait {
            self.poll(reader, true);
        }
        self.state()
    }

    /// Waits until the whole story is read and the reader is on it (or the reading
    /// failed); at once when it is. Beware: a pipe may never end.
    pub fn settle(&mut self, reader: &mut Reader) {
        self.poll(reader, true);
    }

    /// Takes the background reader's news; when the whole story is read, moves onto it.
    /// `wait`: block until it is.
    fn poll(&mut self, reader: &mut Reader, wait: bool) {
        let Stage::Opening(opening) = &mut self.stage else {
            return;
        };
        if opening.failed {
            return;
        }
        if let Some(grow) = opening.grow.take() {
            reader.lengthen_window(grow.whole());
        }
        opening.moved |= rewindow::serve(opening, reader);
        let news = match &mut opening.news {
            Some(news) => news,
            None => {
                let start = opening.piped.as_mut().and_then(|p| p.start.take());
                let news = match start {
                    Some(start) => start(),
                    None => {
                        let evidence = opening.evidence.clone();
                        let (news, index) =
                            spawn(opening.path.clone(), opening.len, opening.forced, evidence);
                        reader.set_index(std::sync::Arc::clone(&index));
                        opening.index = Some(index);
                        news
                    }
                };
                opening.news.insert(news)
            }
        };
        let done = loop {
            let news = match wait {
                true => news.recv().map_err(|_| TryRecvError::Disconnected),
                false => news.try_recv(),
            };
            match news {
                Ok(News::Progress(p)) => reader.set_progress(p),
                Ok(News::Arrived(n, sized)) => reader.set_estimate(n, sized),
                Ok(News::Found(chapters, reach)) => reader.set_found(chapters, reach),
                Ok(News::Done(doc)) => break doc.map(|doc| (doc, None)),
                Ok(News::Stream(whole)) => break whole.map(|(doc, f)| (doc, Some(f))),
                Err(TryRecvError::Empty) => {
                    // A search waiting for more of the story looks at what came meanwhile.
                    reader.index_grew();
                    opening.moved |= rewindow::serve(opening, reader);
                    return;
                }
                Err(TryRecvError::Disconnected) => break Err("the reading thread stopped".into()),
            }
        };
        let (doc, fingerprint) = match done {
            Ok(done) => done,
            Err(err) => {
                // The window stays; nothing is saved, so no place is lost either.
                reader.say(format!("cannot read the rest of the story: {err}"));
                opening.failed = true;
                opening.news = None;
                return;
            }
        };
        // A stream's saved state is known now that its fingerprint is.
        if let (Some(piped), Some(fingerprint)) = (&opening.piped, fingerprint) {
            opening.path = crate::input::state_path(&piped.input, &fingerprint);
            let store = piped.store.clone();
            opening.loaded = Some(Session::load(store, &opening.path, fingerprint));
        }
        let moved = opening.moved;
        let path = opening.path.clone();
        let Some(loaded) = opening.loaded.take() else {
            return;
        };
        let waiting = reader.whole(doc);
        let place = reader.place();
        let mut session = Session::start(loaded, &path, reader);
        if moved {
            // The reader moved on the window: that place, not the saved one.
            reader.go_to(place);
            session.effect(reader, Effect::PlaceChanged);
        }
        for action in waiting {
            match reader.apply_waiting(action) {
                Effect::None | Effect::Quit | Effect::Library => {}
                effect => session.effect(reader, effect),
            }
        }
        self.stage = Stage::Open(session);
    }
}

impl Host for Book {
    fn effect(&mut self, reader: &mut Reader, effect: Effect) {
        if let (Effect::PlaceChanged, Some(sync)) = (&effect, &mut self.sync) {
            sync.moved();
        }
        match &mut self.stage {
            Stage::Open(session) => session.effect(reader, effect),
            Stage::Opening(opening) => opening.moved |= effect == Effect::PlaceChanged,
        }
    }

    fn idle(&mut self, reader: &mut Reader, now: Instant) {
        self.poll(reader, false);
        let Stage::Open(session) = &mut self.stage else {
            return;
        };
        if let Some(reread) = self.watch.as_mut().and_then(|w| w.poll(now)) {
            match reread {
                Ok(doc) => session.reload(reader, doc),
                Err(err) => reader.say(format!(
                    "the story's file changed and cannot be read: {err}"
                )),
            }
        }
        session.idle(reader, now);
        if let Some(sync) = &mut self.sync {
            let state = session.state();
            let moved_ms = state.place.as_ref().map_or(0, |p| p.saved_at);
            sync.idle(reader, &state.fingerprint, moved_ms, now);
        }
    }

    fn finish(&mut self, reader: &mut Reader) {
        // A place can only be saved on the whole story: wait for it (a few seconds for a
        // gigabyte) when there is one to save; a reader who did not move loses nothing.
        // A pipe that may never end is not waited for: its place cannot be saved.
        let wanted = match &self.stage {
            Stage::Opening(o) if o.failed => false,
            Stage::Opening(o)
                if o.piped.as_ref().is_some_and(|p| {
                    p.endless && !p.ended.load(std::sync::atomic::Ordering::Relaxed)
                }) =>
            {
                false
            }
            Stage::Opening(opening) => {
                opening.moved || reader.partial().is_some_and(|p| !p.waiting.is_empty())
            }
            Stage::Open(_) => false,
        };
        if wanted {
            reader.say("saving your place…");
        }
        // A background reading not started yet is not started on the way out.
        let started = match &self.stage {
            Stage::Opening(opening) => opening.news.is_some(),
            Stage::Open(_) => true,
        };
        if wanted || started {
            self.poll(reader, wanted);
        }
        if let Stage::Open(session) = &mut self.stage {
            session.finish(reader);
            if let Some(sync) = &mut self.sync {
                sync.finish(reader, &session.state().fingerprint);
            }
        }
    }

    fn busy(&self) -> bool {
        matches!(&self.stage, Stage::Opening(o) if !o.failed)
            || self.watch.as_ref().is_some_and(|w| w.rereading.is_some())
    }
}

#[cfg(test)]
mod tests;
