//! A book's session without a terminal: resume, save, bookmarks, edited and corrupt files.

use dogear::{Action, Document, Effect, Host, Reader, Session, Store};
use std::fs;
use std::path::{Path, PathBuf};

fn story() -> String {
    (1..=40)
        .map(|i| {
            format!(
                "Paragraph {i} tells how the tide came in over the flats at Wexley and how \
                 the heron number {i} stood on one leg and waited for it to go out again.\n\n"
            )
        })
        .collect()
}

struct Book {
    dir: tempfile::TempDir,
    path: PathBuf,
}

impl Book {
    fn new(text: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tide.txt");
        fs::write(&path, text).unwrap();
        Self { dir, path }
    }

    fn store(&self) -> Store {
        Store::at(self.dir.path().join("config"))
    }

    /// Opens the book as the app does, at 60x15.
    fn open(&self) -> (Reader, Session) {
        open_at(&self.path, self.store())
    }

    fn books_dir(&self) -> PathBuf {
        self.dir.path().join("config").join("books")
    }
}

fn open_at(path: &Path, store: Store) -> (Reader, Session) {
    let (mut reader, fingerprint) = reader_of(path);
    let session = Session::resume(Some(store), path, fingerprint, &mut reader);
    (reader, session)
}

/// As the app opens a story: its first save waits for the first idle turn.
fn open_listing_later(path: &Path, store: Store) -> (Reader, Session) {
    let (mut reader, fingerprint) = reader_of(path);
    let session = Session::resume_listing_later(Some(store), path, fingerprint, &mut reader);
    (reader, session)
}

/// A reader on the story at `path`, at 60x15, and the story's fingerprint.
fn reader_of(path: &Path) -> (Reader, String) {
    let bytes = fs::read(path).unwrap();
    let fingerprint = dogear::of_bytes(&bytes);
    let doc = Document::from_vec(bytes, None).unwrap();
    (Reader::new(doc, "Tide", (60, 15), 72), fingerprint)
}

fn page_down(reader: &mut Reader, session: &mut Session, times: usize) {
    for _ in 0..times {
        let effect = reader.update(Action::PageDown);
        session.effect(reader, effect);
    }
}

fn top_text(reader: &Reader) -> String {
    let line = &reader.page()[0];
    reader.document().text()[line.range.clone()].to_owned()
}

#[test]
fn a_new_book_starts_at_the_beginning_and_is_saved_at_once() {
    let book = Book::new(&story());
    let (reader, _session) = book.open();
    assert!(top_text(&reader).starts_with("Paragraph 1 "));
    assert_eq!(
        book.store().list().len(),
        1,
        "opening lists the book in the library"
    );
}

#[test]
fn quitting_and_reopening_returns_to_the_same_page() {
    let book = Book::new(&story());
    let (mut reader, mut session) = book.open();
    page_down(&mut reader, &mut session, 3);
    let page = reader.page().to_vec();
    session.finish(&mut reader);
    let (again, _) = book.open();
    assert_eq!(again.page(), page.as_slice());
}

#[test]
fn an_edited_story_finds_the_place_by_its_quote_and_says_so() {
    let book = Book::new(&story());
    let (mut reader, mut session) = book.open();
    page_down(&mut reader, &mut session, 4);
    let top = top_text(&reader);
    session.finish(&mut reader);
    let edited = format!(
        "A foreword, added later, that moves every offset along.\n\n{}",
        story()
    );
    fs::write(&book.path, edited).unwrap();
    let (again, _) = book.open();
    assert_eq!(top_text(&again), top);
    let said = again.message().unwrap_or_default();
    assert!(said.contains("changed") && said.contains("found"), "{said}");
}

#[test]
fn a_renamed_story_keeps_its_place() {
    let book = Book::new(&story());
    let (mut reader, mut session) = book.open();
    page_down(&mut reader, &mut session, 2);
    let top = top_text(&reader);
    session.finish(&mut reader);
    let moved = book.dir.path().join("renamed.txt");
    fs::rename(&book.path, &moved).unwrap();
    let (again, _) = open_at(&moved, book.store());
    assert_eq!(top_text(&again), top);
}

#[test]
fn bookmarks_are_saved_at_once_and_deletions_stick() {
    let book = Book::new(&story());
    let (mut reader, mut session) = book.open();
    page_down(&mut reader, &mut session, 2);
    let add = reader.update(Action::AddBookmark);
    assert!(matches!(add, Effect::AddBookmark { .. }));
    session.effect(&mut reader, add);
    assert_eq!(reader.marks().len(), 1);
    let (other, _) = book.open();
    assert_eq!(other.marks().len(), 1, "saved without waiting for a quit");
    let id = reader.marks()[0].id.clone();
    session.effect(&mut reader, Effect::DeleteBookmark { id });
    let (after, _) = book.open();
    assert!(after.marks().is_empty());
}

#[test]
fn a_corrupt_state_file_is_kept_aside_and_the_book_opens_at_the_start() {
    let book = Book::new(&story());
    let (mut reader, mut session) = book.open();
    page_down(&mut reader, &mut session, 2);
    session.finish(&mut reader);
    let file = fs::read_dir(book.books_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .unwrap();
    fs::write(&file, b"{ not json").unwrap();
    let (again, _) = book.open();
    assert!(top_text(&again).starts_with("Paragraph 1 "));
    let said = again.message().unwrap_or_default();
    assert!(said.contains("kept aside"), "{said}");
    let kept: Vec<_> = fs::read_dir(book.books_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(fs::read(&kept[0]).unwrap(), b"{ not json");
}

#[test]
fn an_unwritable_state_directory_still_reads_and_says_so_once() {
    let book = Book::new(&story());
    let blocker = book.dir.path().join("a-file");
    fs::write(&blocker, "").unwrap();
    let (mut reader, mut session) = open_at(&book.path, Store::at(blocker.join("config")));
    let said = reader.message().unwrap_or_default().to_owned();
    assert!(said.contains("will not be saved"), "{said}");
    for _ in 0..6 {
        reader.update(Action::Tick);
    }
    page_down(&mut reader, &mut session, 2);
    session.finish(&mut reader);
    assert_eq!(reader.message(), None, "said once, not on every save");
}

/// A story of about `kib` KiB in which any 64 bytes are unique, so a quote finds one place.
fn long_story(kib: usize) -> String {
    let mut text = String::new();
    let mut i = 0;
    while text.len() < kib * 1024 {
        i += 1;
        text.push_str(&format!(
            "Paragraph {i} of the tide {i}; heron {i} waited {i} on the flats {i} while the \
             water {i} came in {i} over the mud {i} and the wind {i} went out {i} again.\n\n"
        ));
    }
    text
}

/// Sends `keys` (e.g. "60%") to the reader, performing each effect as the loop would.
fn press(reader: &mut Reader, session: &mut Session, keys: &str) {
    for c in keys.chars() {
        let action = match c {
            '%' => Action::Percent,
            d => Action::Digit(u8::try_from(d.to_digit(10).unwrap()).unwrap()),
        };
        let effect = reader.update(action);
        session.effect(reader, effect);
    }
}

fn add_bookmark(reader: &mut Reader, session: &mut Session) {
    let add = reader.update(Action::AddBookmark);
    session.effect(reader, add);
}

/// Reads to 60 % with a bookmark at 59 %, cuts the file to `cut` bytes, opens and quits,
/// restores the file: the place and the bookmark must be where they were.
fn briefly_short_file_keeps_the_place(cut: usize) {
    let text = long_story(600);
    let book = Book::new(&text);
    let (mut reader, mut session) = book.open();
    press(&mut reader, &mut session, "59%");
    add_bookmark(&mut reader, &mut session);
    let mark = reader.marks()[0].offset;
    press(&mut reader, &mut session, "60%");
    let top = top_text(&reader);
    session.finish(&mut reader);

    fs::write(&book.path, &text.as_bytes()[..cut]).unwrap();
    let (mut short, mut short_session) = book.open();
    let said = short.message().unwrap_or_default().to_owned();
    assert!(
        said.contains("could not be found exactly") && said.contains("about 60 %"),
        "honest about the guess: {said}"
    );
    assert!(!said.contains("was found"), "{said}");
    short_session.finish(&mut short);

    fs::write(&book.path, &text).unwrap();
    let (again, _) = book.open();
    assert_eq!(top_text(&again), top, "the place is back");
    assert_eq!(again.marks()[0].offset, mark, "the bookmark is back");
    // And it stays back: the confirmed place is saved again.
    let (third, _) = book.open();
    assert_eq!(top_text(&third), top);
}

#[test]
fn a_file_briefly_cut_to_100_kib_does_not_lose_the_place_or_bookmarks() {
    briefly_short_file_keeps_the_place(100 * 1024);
}

#[test]
fn a_file_briefly_cut_to_300_kib_with_the_same_fingerprint_does_not_lose_the_place() {
    let text = long_story(600);
    let cut = 300 * 1024;
    assert_eq!(
        dogear::of_bytes(text.as_bytes()),
        dogear::of_bytes(&text.as_bytes()[..cut]),
        "the trap: the partial MD5 does not see the cut"
    );
    briefly_short_file_keeps_the_place(cut);
}

/// The place on disk, as a fresh open shows it.
fn reopened_top(book: &Book) -> String {
    let (reader, _) = book.open();
    top_text(&reader)
}

#[test]
fn an_idle_second_window_does_not_overwrite_a_newer_place_when_it_quits() {
    let book = Book::new(&long_story(60));
    let (mut a, mut a_session) = book.open();
    press(&mut a, &mut a_session, "10%");
    a_session.idle(
        &mut a,
        std::time::Instant::now() + std::time::Duration::from_secs(5),
    );
    let (mut b, mut b_session) = book.open();
    press(&mut b, &mut b_session, "50%");
    let fifty = top_text(&b);
    b_session.finish(&mut b);
    // A has not moved since its last save: quitting (or a closed terminal) keeps B's place.
    a_session.finish(&mut a);
    assert_eq!(reopened_top(&book), fifty);
    // Nor since it opened.
    let (mut c, mut c_session) = book.open();
    let (mut d, mut d_session) = book.open();
    press(&mut d, &mut d_session, "70%");
    let seventy = top_text(&d);
    d_session.finish(&mut d);
    c_session.finish(&mut c);
    assert_eq!(reopened_top(&book), seventy);
    // But a window that moves after that wins: it moved last.
    press(&mut a, &mut a_session, "20%");
    let twenty = top_text(&a);
    a_session.finish(&mut a);
    assert_eq!(reopened_top(&book), twenty);
}

/// Rewrites the one state file through `edit`.
fn edit_state(book: &Book, edit: impl FnOnce(&mut serde_json::Value)) {
    let file = fs::read_dir(book.books_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .unwrap();
    let mut json: serde_json::Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    edit(&mut json);
    fs::write(&file, serde_json::to_vec(&json).unwrap()).unwrap();
}

#[test]
fn a_place_saved_while_the_clock_was_ahead_does_not_freeze_the_place() {
    let book = Book::new(&long_story(60));
    let (mut reader, mut session) = book.open();
    press(&mut reader, &mut session, "10%");
    add_bookmark(&mut reader, &mut session);
    session.finish(&mut reader);
    // Saved by a machine whose clock was a year ahead; the bookmark at the end of time.
    let year_ms = 365 * 86_400_000u64;
    edit_state(&book, |json| {
        let ahead = json["place"]["saved_at"].as_u64().unwrap() + year_ms;
        json["place"]["saved_at"] = ahead.into();
        json["bookmarks"][0]["edited"] = u64::MAX.into();
    });
    let (mut reader, mut session) = book.open();
    press(&mut reader, &mut session, "100%");
    let id = reader.marks()[0].id.clone();
    session.effect(
        &mut reader,
        Effect::RenameBookmark {
            id,
            label: "renamed".into(),
        },
    );
    let end = top_text(&reader);
    session.finish(&mut reader);
    let (again, _) = book.open();
    assert_eq!(top_text(&again), end, "reading to the end is kept");
    assert_eq!(again.marks()[0].label, "renamed");
}

/// The status bar (the last row) as drawn.
fn status_bar(reader: &Reader) -> String {
    use ratatui::{backend::TestBackend, Terminal};
    let (w, h) = reader.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| f.render_widget(reader, f.area()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..w).map(|x| buffer[(x, h - 1)].symbol()).collect()
}

#[test]
fn an_unwritable_config_folder_keeps_an_unsaved_marker_and_says_so_on_quitting() {
    let book = Book::new(&story());
    let blocker = book.dir.path().join("a-file");
    fs::write(&blocker, "").unwrap();
    let (mut reader, mut session) = open_at(&book.path, Store::at(blocker.join("config")));
    assert!(
        !status_bar(&reader).contains("unsaved"),
        "nothing changed yet"
    );
    for _ in 0..10 {
        reader.update(Action::Tick); // the warning at open goes away
    }
    add_bookmark(&mut reader, &mut session);
    assert!(reader.unsaved());
    for _ in 0..10 {
        reader.update(Action::Tick);
    }
    assert!(
        status_bar(&reader).contains("unsaved"),
        "long after the warning: {}",
        status_bar(&reader)
    );
    session.finish(&mut reader);
    let farewell = session.farewell().expect("quitting says so");
    assert!(
        farewell.contains("1 bookmark change") && farewell.contains("a-file/config"),
        "{farewell}"
    );

    // With a writable folder nothing is unsaved and nothing is said.
    let (mut reader, mut session) = book.open();
    add_bookmark(&mut reader, &mut session);
    assert!(!reader.unsaved());
    session.finish(&mut reader);
    assert_eq!(session.farewell(), None);

    // With no config folder at all, a moved place is unsaved too.
    let bytes = fs::read(&book.path).unwrap();
    let fingerprint = dogear::of_bytes(&bytes);
    let mut reader = Reader::new(Document::from_vec(bytes, None).unwrap(), "T", (60, 15), 72);
    let mut session = Session::resume(None, &book.path, fingerprint, &mut reader);
    page_down(&mut reader, &mut session, 1);
    session.idle(
        &mut reader,
        std::time::Instant::now() + std::time::Duration::from_secs(5),
    );
    assert!(reader.unsaved());
}

#[test]
fn the_bookmark_list_rounds_the_percent_like_the_status_bar() {
    let book = Book::new(&long_story(40));
    let (mut reader, mut session) = book.open();
    // A place whose percent has a fraction of a half or more: floor and round differ.
    while dogear::percent(reader.document(), reader.place()).fract() < 0.5 {
        let effect = reader.update(Action::LineDown);
        session.effect(&mut reader, effect);
    }
    let status = reader.percent();
    add_bookmark(&mut reader, &mut session);
    reader.update(Action::Bookmarks);
    use ratatui::{backend::TestBackend, Terminal};
    let (w, h) = reader.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| f.render_widget(&reader, f.area()))
        .unwrap();
    let screen = terminal.backend().to_string();
    let row = screen
        .lines()
        .find(|l| l.contains(&reader.marks()[0].when.date_time()))
        .expect("the bookmark is listed");
    assert!(row.contains(&format!("{status:>3}%")), "{status}% in {row}");
    // And --bookmarks says the same.
    let listed = dogear::bookmarks_text(session.state(), 0);
    assert!(listed.starts_with(&format!("{status:>4}%")), "{listed}");
}

#[test]
fn an_autosave_that_waits_for_the_disk_does_not_freeze_the_page() {
    use fs4::fs_std::FileExt;
    use std::time::{Duration, Instant};
    let book = Book::new(&long_story(60));
    let (mut reader, mut session) = book.open();
    // The disk is slow (another dogear holds the book's lock, as a 100 MB state file's
    // merge would) until the page has turned.
    let fingerprint = session.state().fingerprint.clone();
    let lock = fs::File::create(book.books_dir().join(format!("{fingerprint}.json.lock"))).unwrap();
    FileExt::lock_exclusive(&lock).unwrap();
    press(&mut reader, &mut session, "40%");
    let top = top_text(&reader);
    let started = Instant::now();
    session.idle(&mut reader, Instant::now() + Duration::from_secs(5));
    page_down(&mut reader, &mut session, 1);
    session.idle(&mut reader, Instant::now() + Duration::from_secs(10));
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "the page turned at once: {:?}",
        started.elapsed()
    );
    FileExt::unlock(&lock).unwrap();
    press(&mut reader, &mut session, "40%");
    session.finish(&mut reader);
    assert_eq!(reopened_top(&book), top, "written once the disk was free");
}

#[test]
fn opened_by_the_app_the_book_is_listed_at_the_first_idle_turn_not_before_the_first_page() {
    let book = Book::new(&story());
    let (mut reader, mut session) = open_listing_later(&book.path, book.store());
    assert_eq!(
        book.store().list().len(),
        0,
        "nothing written before the first page"
    );
    session.idle(&mut reader, std::time::Instant::now());
    assert_eq!(
        book.store().list().len(),
        1,
        "listed at the first idle turn"
    );
}

#[test]
fn an_unwritable_state_directory_is_told_at_the_first_idle_turn_beside_other_news() {
    let book = Book::new(&story());
    let blocker = book.dir.path().join("a-file");
    fs::write(&blocker, "").unwrap();
    let (mut reader, mut session) =
        open_listing_later(&book.path, Store::at(blocker.join("config")));
    reader.say("some earlier news");
    session.idle(&mut reader, std::time::Instant::now());
    let said = reader.message().unwrap_or_default();
    assert!(said.starts_with("some earlier news; "), "{said}");
    assert!(said.contains("will not be saved"), "{said}");
}
