//! A story from a pipe or a compressed file shows its first window before the rest has
//! arrived, moves onto the whole story once it has (at the saved place when it was read
//! before), and never makes quitting wait for a pipe that has not ended.

use dogear::{piped, Action, Book, Host, Input, Reader, Store, Stream};
use std::io::{self, Read};
use std::sync::atomic::AtomicU64;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Arc;

/// A story well over the first window (64 KB): numbered paragraphs.
fn story() -> String {
    (0..3000)
        .map(|n| format!("Paragraph {n} of the long night, in which the harbour waits.\n\n"))
        .collect()
}

/// A source that hands over its first `open` bytes at once and the rest only when the
/// test says so (or never, if the sender is dropped... then it ends).
struct Held {
    bytes: Vec<u8>,
    at: usize,
    open: usize,
    release: Receiver<()>,
}

impl Read for Held {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.at >= self.open && self.open < self.bytes.len() {
            // Blocks until released (or the test is over).
            let _ = self.release.recv();
            self.open = self.bytes.len();
        }
        let end = self.open.min(self.bytes.len()).min(self.at + buf.len());
        let n = end - self.at;
        buf[..n].copy_from_slice(&self.bytes[self.at..end]);
        self.at = end;
        Ok(n)
    }
}

fn held(text: &str, open: usize, endless: bool) -> (Stream, Sender<()>) {
    held_bytes(text.as_bytes().to_vec(), open, endless)
}

fn held_bytes(bytes: Vec<u8>, open: usize, endless: bool) -> (Stream, Sender<()>) {
    let (release, rx) = mpsc::channel();
    let source = Held {
        bytes,
        at: 0,
        open,
        release: rx,
    };
    (stream_of(source, endless), release)
}

/// Opens `stream` as standard input, at 72 columns, its place kept in `store`.
fn open(stream: &mut Stream, store: Option<&Store>) -> (Reader, Book) {
    piped::open_stream(&Input::Stdin, stream, None, Box::new(|_| None), store, 72).unwrap()
}

/// Standard input reading from `source`, of unknown length.
fn stream_of(source: impl Read + Send + 'static, endless: bool) -> Stream {
    Stream {
        reader: Box::new(source),
        format: None,
        name: "standard input".into(),
        consumed: Arc::new(AtomicU64::new(0)),
        len: None,
        endless,
    }
}

fn top(reader: &Reader) -> String {
    let line = &reader.page()[0];
    reader.document().text()[line.range.clone()].to_owned()
}

#[test]
fn the_first_window_shows_before_the_rest_has_arrived_and_the_whole_follows() {
    let text = story();
    let (mut stream, release) = held(&text, 100 << 10, false);
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let (mut reader, mut book) = open(&mut stream, Some(&store));
    // Opened with only part of the story there: the reader is on a window of it.
    let partial = reader.partial().expect("on a window").clone();
    assert!(!partial.sized, "a pipe's length is not known");
    assert!(top(&reader).starts_with("Paragraph 0 "));
    assert!(reader.document().text().len() < text.len());
    reader.update(Action::PageDown);
    let moved_to = top(&reader);
    assert!(
        !moved_to.starts_with("Paragraph 0 "),
        "the page turned on the window"
    );
    release.send(()).unwrap();
    book.settle(&mut reader);
    assert!(reader.partial().is_none(), "on the whole story now");
    assert_eq!(reader.document().text(), text);
    assert_eq!(top(&reader), moved_to, "on the same page");
}

#[test]
fn a_piped_story_read_before_moves_to_its_saved_place_once_all_of_it_is_in() {
    let text = story();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    // Read once, whole (nothing held back), moved to 50 % and quit.
    let (mut stream, _release) = held(&text, text.len(), false);
    let (mut reader, mut book) = open(&mut stream, Some(&store));
    book.settle(&mut reader);
    for key in ["5", "0", "%"] {
        let action = match key {
            "%" => Action::Percent,
            d => Action::Digit(d.parse().unwrap()),
        };
        let effect = reader.update(action);
        book.effect(&mut reader, effect);
    }
    let saved = top(&reader);
    assert!(!saved.starts_with("Paragraph 0 "));
    book.finish(&mut reader);

    // Piped again, slowly: the top first, then the saved place once it is all in.
    let (mut stream, release) = held(&text, 100 << 10, false);
    let (mut reader, mut book) = open(&mut stream, Some(&store));
    assert!(top(&reader).starts_with("Paragraph 0 "));
    release.send(()).unwrap();
    book.settle(&mut reader);
    assert_eq!(top(&reader), saved);
}

#[test]
fn quitting_never_waits_for_a_pipe_that_has_not_ended() {
    let text = story();
    let (mut stream, release) = held(&text, 100 << 10, true);
    let (mut reader, mut book) = open(&mut stream, None);
    let effect = reader.update(Action::PageDown);
    book.effect(&mut reader, effect);
    book.idle(&mut reader, std::time::Instant::now()); // the background reading starts
                                                       // The pipe is held open: finishing must return (if it waited, this test would hang).
    book.finish(&mut reader);
    assert!(reader.partial().is_some(), "still on the window");
    drop(release);
}

#[test]
fn a_short_piped_story_is_read_whole_at_once() {
    let text = "A SHORT ONE\n\nIt rained.\n";
    let (mut stream, _release) = held(text, text.len(), true);
    let (reader, _book) = open(&mut stream, None);
    assert!(reader.partial().is_none());
    assert_eq!(reader.document().text(), text);
}

#[test]
fn a_compressed_story_is_named_by_its_file_without_the_compression_extension() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let gz = |text: &str| {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(text.as_bytes()).unwrap();
        e.finish().unwrap()
    };
    // A short one (read whole) and a long one (on a window first): same naming.
    for text in [
        "It rained on the quay all night, and nobody came to see it.\n".to_owned(),
        story().replace("Paragraph", "paragraph"),
    ] {
        let path = dir.path().join("the-quay.txt.gz");
        std::fs::write(&path, gz(&text)).unwrap();
        let input = Input::Compressed(path, dogear::Format::Gzip);
        let (reader, _book) = piped::open(&input, None, Box::new(|_| None), None, 72).unwrap();
        assert_eq!(reader.title(), "the-quay");
    }
}

#[test]
fn a_piped_storys_bookmarks_are_known_once_it_has_all_arrived_never_by_waiting_on_a_pipe() {
    let text = story();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    // Read once whole, with a bookmark made.
    let (mut stream, _release) = held(&text, text.len(), false);
    let (mut reader, mut book) = open(&mut stream, Some(&store));
    book.settle(&mut reader);
    let effect = reader.update(Action::AddBookmark);
    book.effect(&mut reader, effect);
    book.finish(&mut reader);
    // Piped again, slowly, from something that ends (a file, say): asking for the
    // bookmarks waits for the rest and finds them.
    let (mut stream, release) = held(&text, 100 << 10, false);
    let (mut reader, mut book) = open(&mut stream, Some(&store));
    release.send(()).unwrap();
    let state = book
        .state_waiting(&mut reader)
        .expect("known once all is in");
    assert_eq!(state.bookmarks.len(), 1);
    // From a pipe that has not ended: not known, and no waiting (this would hang).
    let (mut stream, release) = held(&text, 100 << 10, true);
    let (mut reader, mut book) = open(&mut stream, Some(&store));
    assert!(book.state_waiting(&mut reader).is_none());
    drop(release);
}

#[test]
fn a_stream_that_fails_halfway_says_why_once_and_leaves_the_reader_on_the_window() {
    struct Failing(Vec<u8>, usize);
    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.1 >= self.0.len() {
                return Err(io::Error::other("the disk said no"));
            }
            let n = buf.len().min(self.0.len() - self.1);
            buf[..n].copy_from_slice(&self.0[self.1..self.1 + n]);
            self.1 += n;
            Ok(n)
        }
    }
    let text = story();
    let mut stream = stream_of(Failing(text.as_bytes()[..100 << 10].to_vec(), 0), false);
    let (mut reader, mut book) = open(&mut stream, None);
    book.settle(&mut reader);
    let said = reader.message().unwrap_or_default().to_owned();
    assert!(said.contains("the disk said no"), "{said}");
    for _ in 0..3 {
        book.idle(&mut reader, std::time::Instant::now());
    }
    assert_eq!(reader.message(), Some(said.as_str()), "the reason stays");
    assert!(!book.busy(), "nothing more to wait for");
    assert!(reader.partial().is_some(), "still on the window");
    book.finish(&mut reader); // returns: nothing to wait for
}

#[test]
fn a_utf16_pipes_percent_counts_text_not_bytes() {
    // UTF-16: two bytes a character, one byte of text for most of these.
    let text = story();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let (mut stream, _release) = held_bytes(bytes, 100 << 10, true);
    let (reader, _book) = open(&mut stream, None);
    let partial = reader.partial().expect("on a window");
    let shown = reader.document().text().len();
    assert!(
        partial.total < shown + shown / 8,
        "what has arrived, in text: {} for {shown} shown",
        partial.total
    );
}

/// A source that hands over its bytes up to each of `stops` in turn, waiting to be
/// released at each (a slow pipe); the sender dropped, it hands over the rest.
struct Drip {
    bytes: Vec<u8>,
    at: usize,
    stops: Vec<usize>,
    release: Receiver<()>,
}

impl Read for Drip {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.stops.first() == Some(&self.at) {
            self.stops.remove(0);
            if self.release.recv().is_err() {
                self.stops.clear();
            }
        }
        let end = self.stops.first().copied().unwrap_or(self.bytes.len());
        let n = (end - self.at).min(buf.len());
        buf[..n].copy_from_slice(&self.bytes[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// Idle turns until `done` holds (the background reading is a thread of its own).
fn idle_until(book: &mut Book, reader: &mut Reader, what: &str, done: impl Fn(&Reader) -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !done(reader) {
        assert!(std::time::Instant::now() < deadline, "timed out: {what}");
        book.idle(reader, std::time::Instant::now());
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn a_piped_storys_window_grows_as_it_arrives_and_what_waited_for_more_is_done_then() {
    let text = story();
    let (release, rx) = mpsc::channel();
    let source = Drip {
        bytes: text.clone().into_bytes(),
        at: 0,
        stops: vec![70 << 10, 100 << 10],
        release: rx,
    };
    let mut stream = stream_of(source, true);
    let (mut reader, mut book) = open(&mut stream, None);
    let first = reader.document().text().len();
    assert!(first <= 64 << 10);
    book.idle(&mut reader, std::time::Instant::now()); // the background reading starts
                                                       // Paged to the end of the window: the next page waits for more of the story.
    for _ in 0..2000 {
        let effect = reader.update(Action::PageDown);
        book.effect(&mut reader, effect);
        if reader.partial().is_some_and(|p| !p.waiting.is_empty()) {
            break;
        }
    }
    assert_eq!(reader.partial().unwrap().waiting, [Action::PageDown]);
    let last = reader.whole_place();
    book.idle(&mut reader, std::time::Instant::now());
    // 30 KB more arrive (not twice what is shown: made into a window because something
    // waits for it), and the page turns.
    release.send(()).unwrap();
    idle_until(&mut book, &mut reader, "the page waiting for more", |r| {
        r.partial().is_some_and(|p| p.waiting.is_empty())
    });
    let shown = reader.document().text();
    assert!(shown.len() > first + (20 << 10), "{}", shown.len());
    assert!(text.starts_with(shown), "the window is the story's start");
    assert!(reader.whole_place() > last, "the page turned");
    // The chapters so far are the longer window's.
    assert_eq!(reader.partial().unwrap().reach, shown.len());
    // Never more than the window is asked: `G` still waits, for the whole story.
    let effect = reader.update(Action::Bottom);
    book.effect(&mut reader, effect);
    assert_eq!(reader.partial().unwrap().waiting, [Action::Bottom]);
    drop(release);
    book.settle(&mut reader);
    assert!(reader.partial().is_none());
    let page = reader.page().iter();
    let shown: Vec<&str> = page
        .map(|l| &reader.document().text()[l.range.clone()])
        .collect();
    assert!(
        shown.iter().any(|l| l.starts_with("Paragraph 2999 ")),
        "{shown:?}"
    );
}

#[test]
fn actions_that_waited_for_more_are_done_in_order_up_to_one_that_still_waits() {
    let text = story();
    let window = |n: usize| {
        dogear::load::window(
            &text.as_bytes()[..n],
            dogear::Charset::Web(encoding_rs::UTF_8),
            false,
        )
    };
    let mut reader = Reader::new(window(20 << 10), "", (80, 24), 72);
    reader.set_partial(0, text.len());
    while reader.partial().unwrap().waiting.is_empty() {
        reader.update(Action::PageDown);
    }
    let at = reader.whole_place();
    reader.update(Action::Bottom);
    reader.update(Action::PageDown);
    let waiting = [Action::PageDown, Action::Bottom, Action::PageDown];
    assert_eq!(reader.partial().unwrap().waiting, waiting);
    assert!(reader.waits_for_more());
    let effects = reader.grow_window(window(60 << 10));
    // The first page turn is done; `G` waits (again) for the whole story, and what came
    // after it waits behind it.
    assert_eq!(
        effects,
        [dogear::Effect::PlaceChanged, dogear::Effect::None]
    );
    assert!(reader.whole_place() > at);
    assert_eq!(reader.partial().unwrap().waiting, waiting[1..]);
    assert!(
        !reader.waits_for_more(),
        "`G` first: only the whole story will do"
    );
    assert_eq!(
        reader.document().text().len(),
        window(60 << 10).text().len()
    );
}
