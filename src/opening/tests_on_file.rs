//! A UTF-8 story (its text its file's bytes, or those bytes but for CRLF line ends, or
//! normalised more in a few stretches: tabs, stray BOMs) let go once read (see
//! `on_file.rs`), through the shell: a real file, the book's idle turns, its watch.

use super::*;
use crate::reader::Action;
use crate::saturating::usize_from;
use std::sync::Arc;
use std::time::Duration;

/// A story of `n` short paragraphs, LF line ends: its text is its bytes.
pub(super) fn story(n: usize) -> String {
    story_with(n, "\n")
}

/// [`story`] with line ends `nl`.
pub(super) fn story_with(n: usize, nl: &str) -> String {
    (0..n)
        .map(|i| format!("Paragraph {i} of a story that goes on for a long while.{nl}{nl}"))
        .collect()
}

/// The line ends tried: LF, CRLF, and both (every third paragraph LF); and both with a
/// few paragraphs that normalising changes more (files joined: a stray BOM, a tab, an
/// escape).
pub(super) fn endings(n: usize) -> [String; 4] {
    let mixed = |odd: bool| {
        (0..n)
            .map(|i| {
                let nl = if i % 3 == 0 { "\n" } else { "\r\n" };
                let start = match i % 701 {
                    _ if !odd => "",
                    100 => "\u{feff}",
                    300 => "\t",
                    500 => "\x1b[1m",
                    _ => "",
                };
                format!("{start}Paragraph {i} of a story that goes on for a long while.{nl}{nl}")
            })
            .collect()
    };
    [story(n), story_with(n, "\r\n"), mixed(false), mixed(true)]
}

pub(super) fn open_story(raw: &str) -> (tempfile::TempDir, PathBuf, Reader, Book) {
    let (dir, path, mut reader, mut book) = open_unsettled(raw);
    book.settle(&mut reader);
    (dir, path, reader, book)
}

/// `raw` written to a file of its own and opened, its whole still being read.
pub(super) fn open_unsettled(raw: impl AsRef<[u8]>) -> (tempfile::TempDir, PathBuf, Reader, Book) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    std::fs::write(&path, raw.as_ref()).unwrap();
    let loaded = Session::load(None, &path, "fp".into());
    let len = raw.as_ref().len() as u64;
    let (reader, book) = open(&path, len, None, loaded, (80, 24), 72).unwrap();
    (dir, path, reader, book)
}

/// [`open_unsettled`], with `G` then `m` pressed while the story is read.
pub(super) fn open_with_g_and_m(
    raw: impl AsRef<[u8]>,
) -> (tempfile::TempDir, PathBuf, Reader, Book) {
    let (dir, path, mut reader, mut book) = open_unsettled(raw);
    for action in [Action::Bottom, Action::AddBookmark] {
        let effect = reader.update(action);
        book.effect(&mut reader, effect);
    }
    (dir, path, reader, book)
}

/// Lets the watch's reading of the changed story again whole finish, and the reader
/// move onto it on the next idle turn (at `now`).
pub(super) fn read_again(book: &mut Book, reader: &mut Reader, now: Instant) {
    let watch = book.watch.as_mut().unwrap();
    let news = watch.rereading.take().expect("read again");
    let (tx, rx) = std::sync::mpsc::channel();
    for news in news {
        if let News::Done(doc) = news {
            tx.send(News::Done(doc)).unwrap();
            break;
        }
    }
    watch.rereading = Some(rx);
    book.idle(reader, now);
}

/// A key, then the loop's idle turn (which reads a window wanted).
pub(super) fn press(reader: &mut Reader, book: &mut Book, action: Action) {
    let effect = reader.update(action);
    book.effect(reader, effect);
    book.idle(reader, Instant::now());
}

pub(super) fn index(book: &Book) -> Arc<crate::document::indexed::Indexed> {
    let windows = book.windows.as_ref().expect("on windows");
    Arc::clone(windows.index.as_ref().unwrap())
}

#[test]
fn a_story_that_is_its_files_bytes_is_let_go_once_read_and_its_place_saved_in_the_whole() {
    for raw in endings(6000) {
        let_go_and_save(&raw);
    }
}

pub(super) fn let_go_and_save(raw: &str) {
    let text = crate::normalise::normalise(raw);
    let (_dir, path, mut reader, mut book) = open_story(raw);
    assert!(reader.partial().is_some(), "still on a window");
    assert!(index(&book).read().text().is_empty(), "no text held");
    let first = reader.document().text().len();
    assert!(first < 200_000);
    assert_eq!(reader.text_len(), text.len());
    let mut eager = Reader::new(Document::from_text(&text), "", (80, 24), 72);
    for _ in 0..300 {
        press(&mut reader, &mut book, Action::PageDown);
        eager.update(Action::PageDown);
    }
    assert_eq!(reader.whole_place(), eager.place());
    assert!(reader.whole_place() > first, "past the first window");
    book.finish(&mut reader);
    let saved = book.state().unwrap().place.clone().unwrap().anchor;
    assert_eq!(saved.offset, eager.place());
    assert!(text[saved.offset..].starts_with(&saved.after));
    // The line start saved with it is the same place in the file and in the text.
    let file = saved.file.clone().unwrap();
    let (at, from) = (usize_from(file.text), usize_from(file.raw));
    assert!(at <= saved.offset);
    assert_eq!(crate::normalise::normalise(&raw[from..]), text[at..]);
    assert_eq!(file.raw == file.text, raw == text);
    // Opened again, at once on a window read there in the file, on the same line.
    let mut loaded = Session::load(None, &path, "fp".into());
    loaded.state.set_place(saved, 1);
    let (again, _book) = open(&path, raw.len() as u64, None, loaded, (80, 24), 72).unwrap();
    assert_eq!(again.partial().unwrap().base, at);
    assert_eq!(again.whole_place(), eager.place());
}

#[test]
fn a_story_with_crlf_and_also_a_tab_is_let_go_and_searched_where_the_tab_is() {
    // A tab far into a CRLF story: its stretch is more than line ends made LF.
    let mut raw = story_with(6000, "\r\n");
    let tab = raw.len() - 1000;
    raw.insert_str(tab, "tab\tstop");
    let text = crate::normalise::normalise(&raw);
    let (_dir, _path, mut reader, mut book) = open_story(&raw);
    assert!(reader.partial().is_some(), "on windows");
    let shared = index(&book);
    assert!(shared.read().text().is_empty(), "no text held");
    let on_file = shared.read().on_file.clone().unwrap();
    assert_eq!(on_file.file_len, raw.len() as u64);
    // A query of the tab's spaces finds them where the whole text has them.
    press(
        &mut reader,
        &mut book,
        Action::OpenPrompt(crate::reader::PromptKind::Search),
    );
    for c in "tab stop".chars() {
        press(&mut reader, &mut book, Action::Input(c));
    }
    press(&mut reader, &mut book, Action::Submit);
    while reader.searching().is_some() || reader.wanted_window().is_some() {
        reader.step_search();
        book.idle(&mut reader, Instant::now());
    }
    let at = text.find("tab ").unwrap();
    let end = at + 3 + text[at + 3..].find("stop").unwrap() + 4;
    assert!(text[at + 3..end - 4].bytes().all(|b| b == b' '));
    let base = reader.partial().unwrap().base;
    let hit = reader.hit().map(|h| h.start + base..h.end + base);
    assert_eq!(hit, Some(at..end));
}

#[test]
fn a_file_changed_after_indexing_is_not_read_for_a_new_window_and_is_read_again_whole() {
    for raw in endings(6000) {
        changed_and_read_again(&raw);
    }
}

pub(super) fn changed_and_read_again(raw: &str) {
    let (_dir, path, mut reader, mut book) = open_story(raw);
    assert!(reader.partial().is_some());
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    std::io::Write::write_all(&mut f, b"The words added at the end.\n").unwrap();
    for _ in 0..300 {
        press(&mut reader, &mut book, Action::PageDown);
        if reader
            .message()
            .is_some_and(|m| m.starts_with("cannot read"))
        {
            break;
        }
    }
    assert_eq!(
        reader.message(),
        Some("cannot read the story there: the story's file changed")
    );
    let place = reader.whole_place();
    let quote = reader.anchor_of(reader.place()).after;
    // The watch sees the change and reads the story again whole; the reader moves onto
    // it at the same quote.
    let later = Instant::now() + Duration::from_secs(5);
    book.idle(&mut reader, later);
    read_again(&mut book, &mut reader, later);
    assert!(reader.partial().is_none(), "on the whole story");
    assert!(book.windows.is_none());
    assert!(reader
        .document()
        .text()
        .ends_with("The words added at the end.\n"));
    assert_eq!(reader.place(), place);
    assert!(reader.document().text()[place..].starts_with(&quote));
}

/// The reader moved onto another window while the story was read: once it is let go
/// it stays where it moved (the saved place, outside that window, is not gone to on the
/// next idle turn), and that place is saved.
#[test]
fn a_place_moved_to_another_window_while_opening_is_kept_once_let_go() {
    let raw = story(200_000);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    std::fs::write(&path, &raw).unwrap();
    let mut loaded = Session::load(None, &path, "fp".into());
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    let saved = whole.text().find("Paragraph 30 ").unwrap();
    loaded
        .state
        .set_place(crate::position::anchor(&whole, saved), 1);
    let (mut reader, mut book) = open(&path, raw.len() as u64, None, loaded, (80, 24), 72).unwrap();
    assert_eq!(reader.whole_place(), saved);
    // The first frame's poll starts the background reading; let it index everything.
    book.poll(&mut reader, false);
    let index = match &book.stage {
        Stage::Opening(o) => Arc::clone(o.index.as_ref().unwrap()),
        Stage::Open(_) => panic!("opened already"),
    };
    let far = whole.text().find("Paragraph 40000 ").unwrap();
    loop {
        let part = index.read();
        assert!(!part.gone, "indexed too fast for this test");
        if part.len() > far + (200 << 10) {
            break;
        }
        drop(part);
        std::thread::sleep(Duration::from_millis(1));
    }
    // The reader goes far into the story (a chapter jump, a percent: a new window),
    // read at once in the text indexed so far.
    reader.go_to_whole(far);
    book.poll(&mut reader, false);
    assert_eq!(reader.whole_place(), far, "on a window there");
    book.settle(&mut reader);
    assert!(book.windows.is_some(), "let go");
    assert_eq!(reader.whole_place(), far, "where the reader moved");
    book.idle(&mut reader, Instant::now());
    assert_eq!(reader.whole_place(), far, "still where the reader moved");
    book.finish(&mut reader);
    let anchor = book.state().unwrap().place.clone().unwrap().anchor;
    assert_eq!(
        anchor.offset, far,
        "the place saved is where the reader moved"
    );
}

/// A story with a Latin-1 é in its tenth paragraph (a byte that is not UTF-8), written
/// to a file of its own: the directory, the file and its bytes.
pub(super) fn stray_byte_story() -> (tempfile::TempDir, PathBuf, Vec<u8>) {
    let mut raw = story(6000).into_bytes();
    let at = 10 * 58;
    raw.splice(at..at, [b' ', b'c', b'a', b'f', 0xE9]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    std::fs::write(&path, &raw).unwrap();
    (dir, path, raw)
}

/// A story read as UTF-8 by choice (`--encoding utf-8`, or the encoding picked for it
/// before) whose file holds a byte that is not UTF-8: the byte becomes U+FFFD (three
/// bytes) in the text, so the text is not the file's bytes, and it is not let go.
#[test]
fn a_story_forced_to_utf8_with_a_stray_byte_is_not_taken_for_its_files_bytes() {
    let (_dir, path, raw) = stray_byte_story();
    let utf8 = crate::document::charset::UTF_8;
    let whole = Document::from_vec(raw.clone(), Some(utf8)).unwrap();
    assert_ne!(
        whole.text().as_bytes(),
        &raw[..],
        "the text is not the file's bytes"
    );
    let loaded = Session::load(None, &path, "fp".into());
    let (mut reader, mut book) =
        open(&path, raw.len() as u64, Some(utf8), loaded, (80, 24), 72).unwrap();
    book.settle(&mut reader);
    // A search from the start for words past the stray byte.
    reader.update(Action::OpenPrompt(crate::reader::PromptKind::Search));
    for c in "paragraph 5000 ".chars() {
        reader.update(Action::Input(c));
    }
    reader.update(Action::Submit);
    for _ in 0..100 {
        if reader.searching().is_none() {
            break;
        }
        reader.step_search();
    }
    book.idle(&mut reader, Instant::now());
    assert!(
        book.windows.is_none(),
        "let go though its text is not its bytes; the search says: {:?}",
        reader.message()
    );
}

/// The file is renamed (or chmod-ed, linked, given an xattr) while the story is read
/// from it: only its ctime changes, which is not a change of the story (the watch looks
/// at size and mtime too): every window past the current one is still read.
#[test]
fn a_file_renamed_while_read_from_still_reads() {
    let raw = story(6000);
    let (dir, path, mut reader, mut book) = open_story(&raw);
    assert!(book.windows.is_some(), "let go");
    std::thread::sleep(Duration::from_millis(20));
    std::fs::rename(&path, dir.path().join("moved.txt")).unwrap();
    let later = Instant::now() + Duration::from_secs(5);
    for _ in 0..300 {
        let effect = reader.update(Action::PageDown);
        book.effect(&mut reader, effect);
        book.idle(&mut reader, later);
        if let Some(m) = reader.message() {
            assert!(!m.starts_with("cannot read"), "{m}");
        }
    }
}

/// A story whose line ends are all lone CRs (as old Mac files have) is one piece: no LF
/// to cut it at, so its one stretch is irregular and the whole file. Read from the file,
/// every window would be read and normalised from its start (`G` made the whole story
/// the window) and every chunk of a search would normalise all of it again: it is kept
/// whole, as before stretches.
#[test]
fn a_story_with_lone_cr_line_ends_is_kept_whole() {
    let raw = story_with(6000, "\r");
    let (_dir, _path, mut reader, mut book) = open_story(&raw);
    press(&mut reader, &mut book, Action::Bottom);
    assert!(
        book.windows.is_none() && reader.partial().is_none(),
        "let go on one stretch of {} bytes: the window at the end holds {} bytes",
        raw.len(),
        reader.document().text().len()
    );
}

/// A story with one line of 400 KB among its paragraphs (a table or a log dumped without
/// line ends): its stretch is one piece, however long. Read from the file, a window in
/// that line would be read from the line's start (all of a gigabyte line for a jump to
/// its end): it is kept whole.
#[test]
fn a_story_with_a_line_of_hundreds_of_kilobytes_is_kept_whole() {
    let long_line = "the keeper walked the harbour wall ".repeat(12_000);
    let raw = [story(3000), long_line, "\n\n".into(), story(3000)].concat();
    let (_dir, _path, mut reader, mut book) = open_story(&raw);
    press(&mut reader, &mut book, Action::Bottom);
    assert!(book.windows.is_none() && reader.partial().is_none());
    assert_eq!(reader.document().text(), raw);
    // Lines of a few KB (one paragraph a line) are let go as ever.
    let sentence = "A sentence of a paragraph that runs on for a long while. ";
    let long_paragraphs: String = (0..300)
        .map(|i| format!("{}{i}.\n\n", sentence.repeat(50)))
        .collect();
    let (_dir, _path, mut reader, mut book) = open_story(&long_paragraphs);
    press(&mut reader, &mut book, Action::Bottom);
    assert!(book.windows.is_some());
}
