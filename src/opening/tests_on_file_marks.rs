//! Bookmarks and places on a big story read from its file: what waited for the whole
//! story, or for a window of it, is done where the reader chose (see `tests_on_file.rs`
//! for letting the text go, and a file that changes).

use super::tests_on_file::*;
use super::*;
use crate::reader::Action;
use crate::saturating::usize_from;
use std::time::Duration;

/// `G` then `m` pressed while the story is read wait for it; once it is let go, `G`
/// asks for a window at the end and `m` waits for that window: the bookmark is on the
/// last page. The same with CRLF line ends, and with both.
#[test]
fn a_bookmark_that_waited_behind_g_is_put_on_the_last_page() {
    for raw in endings(6000) {
        bookmark_behind_g(&raw);
    }
}

fn bookmark_behind_g(raw: &str) {
    let (_dir, _path, mut reader, mut book) = open_with_g_and_m(raw);
    assert!(reader.partial().unwrap().waiting.len() == 2, "both wait");
    book.settle(&mut reader);
    assert!(book.windows.is_some(), "let go");
    book.idle(&mut reader, Instant::now());
    let mut eager = Reader::new(Document::from_text(raw), "", (80, 24), 72);
    eager.update(Action::Bottom);
    assert_eq!(
        reader.whole_place(),
        eager.place(),
        "G went to the last page"
    );
    let marks = &book.state().unwrap().bookmarks;
    assert_eq!(marks.len(), 1);
    assert_eq!(
        marks[0].anchor.offset,
        eager.place(),
        "the bookmark is on the last page"
    );
}

/// `raw` with a byte that is not UTF-8 in its eighth paragraph (windows-1252's é): a
/// story in a legacy encoding, kept whole.
fn legacy(raw: &str) -> Vec<u8> {
    let at = raw.find("Paragraph 7 of").unwrap() + "Paragraph 7 ".len();
    let mut bytes = raw.as_bytes().to_vec();
    bytes.splice(at..at, *b"caf\xe9 ");
    bytes
}

/// The same with CRLF line ends in a legacy encoding (not let go: the reader moves onto
/// the whole story): the bookmark is on the last page.
#[test]
fn a_bookmark_behind_g_on_a_story_kept_whole_goes_on_the_last_page() {
    let raw = legacy(&story(6000).replace('\n', "\r\n"));
    let (_dir, _path, mut reader, mut book) = open_with_g_and_m(&raw);
    book.settle(&mut reader);
    assert!(book.windows.is_none() && reader.partial().is_none());
    let whole = Document::from_vec(raw, None).unwrap();
    let mut eager = Reader::new(whole, "", (80, 24), 72);
    eager.update(Action::Bottom);
    let marks = &book.state().unwrap().bookmarks;
    assert_eq!(marks[0].anchor.offset, eager.place());
}

/// The same story, its place saved past the stray byte: the file place saved with it
/// (where the next opening reads its first window) names the line's start in the file,
/// not the text's offset (two bytes further).
#[test]
fn a_place_saved_past_a_stray_byte_names_its_line_in_the_file() {
    let (_dir, path, raw) = stray_byte_story();
    let utf8 = crate::document::charset::UTF_8;
    let whole = Document::from_vec(raw.clone(), Some(utf8)).unwrap();
    let loaded = Session::load(None, &path, "fp".into());
    let (mut reader, mut book) =
        open(&path, raw.len() as u64, Some(utf8), loaded, (80, 24), 72).unwrap();
    book.settle(&mut reader);
    let far = whole.text().find("Paragraph 4000 ").unwrap();
    reader.go_to_whole(far);
    book.idle(&mut reader, Instant::now());
    assert_eq!(reader.whole_place(), far);
    let anchor = reader.anchor_of(reader.place());
    let file = anchor.file.unwrap();
    let line = &whole.text()[usize_from(file.text)..][..30];
    let in_file = String::from_utf8_lossy(&raw[usize_from(file.raw)..][..30]).into_owned();
    assert_eq!(
        in_file, line,
        "the file place's raw byte starts the line it names"
    );
}

/// `G` then `m` waited for the story; once it is let go `m` waits for `G`'s window, and
/// the file changes before that window is read: `m` is not done (done later, elsewhere,
/// it would mark a place the reader never chose) and the reader is told; the story read
/// again whole gets no stale bookmark.
#[test]
fn a_bookmark_waiting_for_a_window_that_cannot_be_read_is_not_made_and_the_reader_is_told() {
    let raw = story(6000);
    let (_dir, path, mut reader, mut book) = open_with_g_and_m(&raw);
    book.settle(&mut reader);
    assert!(book.windows.is_some(), "let go");
    assert_eq!(
        book.after_window,
        vec![Action::AddBookmark],
        "m waits for G's window"
    );
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    std::io::Write::write_all(&mut f, b"The words added at the end.\n").unwrap();
    // The window cannot be read; the watch reads the story again whole.
    let later = Instant::now() + Duration::from_secs(5);
    book.idle(&mut reader, later);
    assert!(book.after_window.is_empty());
    let said = reader.message().unwrap_or_default().to_owned();
    assert!(said.starts_with("cannot read the story there"), "{said}");
    assert!(said.ends_with("1 key(s) waiting for it not done"), "{said}");
    read_again(&mut book, &mut reader, later);
    assert!(reader.partial().is_none(), "on the whole story");
    assert!(
        book.state().unwrap().bookmarks.is_empty(),
        "no stale bookmark"
    );
}

/// `G`, `m` pressed while the story is read, then `q`: `finish` waits for the whole
/// story, reads G's window once it is let go and makes the bookmark there before the
/// last save, as for a story kept whole.
#[test]
fn a_bookmark_behind_g_is_kept_when_quitting_while_opening() {
    for (raw, let_go) in [
        // Kept whole (CRLF in a legacy encoding): the control.
        (legacy(&story_with(6000, "\r\n")), false),
        (story(6000).into_bytes(), true),
    ] {
        let (_dir, _path, mut reader, mut book) = open_with_g_and_m(&raw);
        book.finish(&mut reader);
        assert_eq!(book.windows.is_some(), let_go);
        let whole = Document::from_vec(raw.clone(), None).unwrap();
        let mut eager = Reader::new(whole, "", (80, 24), 72);
        eager.update(Action::Bottom);
        let state = book.state().unwrap();
        let place = state.place.as_ref().map(|p| p.anchor.offset);
        assert_eq!(
            place,
            Some(eager.place()),
            "let go: {let_go}: the place is the last page"
        );
        let marks = &state.bookmarks;
        assert_eq!(
            marks.len(),
            1,
            "let go: {let_go}: the bookmark asked for is saved"
        );
        assert_eq!(marks[0].anchor.offset, eager.place(), "let go: {let_go}");
    }
}

/// The saved place has no file place (saved by an older dogear): the first window is the
/// file's start and, once let go, the session asks for a window at the saved place. A
/// bookmark pressed while opening waits for that window: it goes at the saved place,
/// where the reader is taken.
#[test]
fn a_waiting_bookmark_goes_where_the_saved_place_is() {
    let raw = story(6000);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    std::fs::write(&path, &raw).unwrap();
    let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
    let saved = whole.text().find("Paragraph 4000 ").unwrap();
    let mut anchor = crate::position::anchor(&whole, saved);
    anchor.file = None;
    let mut loaded = Session::load(None, &path, "fp".into());
    loaded.state.set_place(anchor, 1);
    let (mut reader, mut book) = open(&path, raw.len() as u64, None, loaded, (80, 24), 72).unwrap();
    assert_eq!(
        reader.partial().unwrap().base,
        0,
        "first window at the start"
    );
    let effect = reader.update(Action::AddBookmark);
    book.effect(&mut reader, effect);
    book.settle(&mut reader);
    book.idle(&mut reader, Instant::now());
    assert!(book.windows.is_some(), "let go");
    assert_eq!(reader.whole_place(), saved, "on the saved place");
    let marks = &book.state().unwrap().bookmarks;
    assert_eq!(marks.len(), 1);
    assert_eq!(
        marks[0].anchor.offset, saved,
        "the bookmark is where the reader is"
    );
}
