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
use crate::document::{Charset, Document};
use crate::reader::{Effect, Reader};
use crate::session::{Loaded, Session};
use crate::sync::Syncer;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Instant;

mod first;
mod host;
mod on_file;
pub use on_file::FileSource;
pub mod piped;
mod rewindow;
mod watch;
mod whole;

pub(crate) use first::known_evidence;
pub use first::open;
use first::Grow;
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

/// A whole story read, and its chapters, listed on the thread that read it: on a big
/// story the listing takes a while, which the reader's thread would stall for, and its
/// working memory (tens of megabytes on a gigabyte) is then taken where the reading's
/// listings as it went took theirs, not beside them.
pub(crate) struct Listed {
    pub doc: Document,
    pub chapters: Vec<crate::toc::Chapter>,
}

impl Listed {
    /// `doc`, its chapters listed.
    pub fn new(doc: Document) -> Self {
        let chapters = crate::toc::chapters(&doc);
        Self { doc, chapters }
    }
}

/// What the background reader says.
enum News {
    Progress(u8),
    Done(Result<Listed, String>),
    /// About how long a stream's whole text is (`true`), or how much of it has arrived
    /// when its end is not known (`false`).
    Arrived(usize, bool),
    /// A stream's whole story, and its fingerprint.
    Stream(Result<(Listed, String), String>),
    /// A longer window of a stream's story, from its start: more of it has arrived.
    Window(Document),
    /// The chapters found so far, and how far into the whole text blocks are found.
    Found(Vec<crate::toc::Chapter>, usize),
}

/// A book being read: still opening (the reader on a window), or open; and its file,
/// watched for changes while it is open.
pub struct Book {
    stage: Stage,
    /// A story read whole and let go: what the reader's windows are read with (see
    /// [`on_file`]).
    windows: Option<Box<Opening>>,
    watch: Option<Watch>,
    /// Progress sync with KOReader, when set up (see [`crate::sync`]).
    sync: Option<Syncer>,
    /// Actions that waited for the whole story and now wait for the window an action
    /// before them wants (see [`on_file::apply_until_window`]).
    after_window: Vec<crate::reader::Action>,
}

enum Stage {
    Opening(Box<Opening>),
    Open(Session),
}

impl Book {
    /// An open book; `file`: the story's file and the encoding forced on it, to watch.
    pub fn open(session: Session, file: Option<(&Path, Option<Charset>)>) -> Self {
        Self::in_stage(
            Stage::Open(session),
            file.map(|(path, forced)| Watch::new(path, forced)),
        )
    }

    /// A book still opening: its story read in the background, its file `watch`ed.
    fn opening(opening: Opening, watch: Option<Watch>) -> Self {
        Self::in_stage(Stage::Opening(Box::new(opening)), watch)
    }

    fn in_stage(stage: Stage, watch: Option<Watch>) -> Self {
        Self {
            stage,
            windows: None,
            after_window: Vec::new(),
            watch,
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
    /// What the window was classified with (the statistics kept for this story, or its
    /// file's samples): its rest, later windows and the background reading use it too.
    evidence: std::sync::Arc<Evidence>,
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
    /// The file as it was when the background reading started: its text is let go once
    /// read only if the file is still that one (see [`on_file`]).
    seen: Option<on_file::Seen>,
    /// The place saved while the reader is on a window (see [`crate::session::Early`]).
    early: crate::session::Early,
}

impl Opening {
    /// Puts the window the reader wants on it, if it wants one (see [`rewindow`]).
    fn serve(&mut self, reader: &mut Reader) {
        if rewindow::serve(self, reader) {
            self.moved = true;
            self.early.moved(Instant::now());
        }
    }
}

/// What opening a story from a stream needs (see [`piped`]).
struct Piped {
    /// Starts the background reading of the rest.
    start: Option<Box<dyn FnOnce() -> Receiver<News> + Send>>,
    /// Set when something waits for more of the story: a longer window is made as soon
    /// as more has arrived.
    more: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// Where the saved state is looked for once the fingerprint is known.
    store: Option<crate::store::Store>,
    input: crate::input::Input,
    /// A pipe, which may never end...
    endless: bool,
    /// ...until it has: then what is left (decoding it) is waited for like a file's.
    ended: std::sync::Arc<std::sync::atomic::AtomicBool>,
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
        if let Some(mut grow) = opening.grow.take() {
            let read_again = grow.rank(opening.len);
            if let Some(evidence) = grow.evidence(&opening.path, opening.len) {
                opening.evidence = std::sync::Arc::new(evidence);
            }
            reader.lengthen_window(grow.whole(&opening.evidence));
            if read_again {
                // Its title too was read in the encoding that lost.
                let name = opening.path.file_name().unwrap_or_default();
                let title =
                    crate::library::title_of(reader.document().text(), &name.to_string_lossy());
                reader.set_title(title);
            }
        }
        opening.serve(reader);
        let news = match &mut opening.news {
            Some(news) => news,
            None => {
                let start = opening.piped.as_mut().and_then(|p| p.start.take());
                let news = match start {
                    Some(start) => start(),
                    None => {
                        let evidence = std::sync::Arc::clone(&opening.evidence);
                        opening.seen = on_file::Seen::now(&opening.path);
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
                Ok(News::Window(doc)) => {
                    let effects = reader.grow_window(doc);
                    if effects.contains(&Effect::PlaceChanged) {
                        opening.moved = true;
                    }
                }
                Err(TryRecvError::Empty) => {
                    if let Some(piped) = &opening.piped {
                        if reader.waits_for_more() {
                            piped.more.store(true, std::sync::atomic::Ordering::Relaxed);
                        }
                    }
                    // A search waiting for more of the story looks at what came meanwhile.
                    reader.index_grew();
                    opening.serve(reader);
                    return;
                }
                Err(TryRecvError::Disconnected) => break Err("the reading thread stopped".into()),
            }
        };
        let (listed, fingerprint) = match done {
            Ok(done) => done,
            Err(err) => {
                // The window stays; nothing is saved, so no place is lost either.
                let dropped = match reader.drop_waiting() {
                    0 => String::new(),
                    n => format!("; {n} key(s) waiting for it not done"),
                };
                reader.say(format!("cannot read the rest of the story: {err}{dropped}"));
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
        let Some(loaded) = opening.loaded.take() else {
            return;
        };
        let Err(kept) = self.let_go(reader, listed, loaded) else {
            return;
        };
        let (listed, loaded) = *kept;
        let Stage::Opening(opening) = &mut self.stage else {
            return;
        };
        let (moved, path) = (opening.moved, opening.path.clone());
        let waiting = reader.whole_listed(listed.doc, listed.chapters);
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

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_early;
#[cfg(test)]
mod tests_on_file;
#[cfg(test)]
mod tests_on_file_marks;
