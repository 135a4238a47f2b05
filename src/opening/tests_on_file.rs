//! A story whose text is its file's bytes, or those bytes but for CRLF line ends, let go
//! once read (see `on_file.rs`), through the shell: a real file, the book's idle turns,
//! its watch.

use super::*;
use crate::reader::Action;
use std::time::Duration;

/// A story of `n` short paragraphs, LF line ends: its text is its bytes.
fn story(n: usize) -> String {
    story_with(n, "\n")
}

/// [`story`] with line ends `nl`.
fn story_with(n: usize, nl: &str) -> String {
    (0..n)
        .map(|i| format!("Paragraph {i} of a story that goes on for a long while.{nl}{nl}"))
        .collect()
}

/// The line ends tried: LF, CRLF, and both (every third paragraph LF).
fn endings(n: usize) -> [String; 3] {
    let mixed = (0..n)
        .map(|i| {
            let nl = if i % 3 == 0 { "\n" } else { "\r\n" };
            format!("Paragraph {i} of a story that goes on for a long while.{nl}{nl}")
        })
        .collect();
    [story(n), story_with(n, "\r\n"), mixed]
}

fn open_story(raw: &str) -> (tempfile::TempDir, PathBuf, Reader, Book) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    std::fs::write(&path, raw).unwrap();
    let loaded = Session::load(None, &path, "fp".into());
    let (mut reader, mut book) = open(&path, raw.len() as u64, None, loaded, (80, 24), 72).unwrap();
    book.settle(&mut reader);
    (dir, path, reader, book)
}

/// A key, then the loop's idle turn (which reads a window wanted).
fn press(reader: &mut Reader, book: &mut Book, action: Action) {
    let effect = reader.update(action);
    book.effect(reader, effect);
    book.idle(reader, Instant::now());
}

fn index(book: &Book) -> Arc<crate::document::indexed::Indexed> {
    let windows = book.windows.as_ref().expect("on windows");
    Arc::clone(windows.index.as_ref().unwrap())
}

use crate::saturating::usize_from;
use std::sync::Arc;

#[test]
fn a_story_that_is_its_files_bytes_is_let_go_once_read_and_its_place_saved_in_the_whole() {
    for raw in endings(6000) {
        let_go_and_save(&raw);
    }
}

fn let_go_and_save(raw: &str) {
    let text = raw.replace("\r\n", "\n");
    let (_dir, path, mut reader, mut book) = open_story(raw);
    assert!(reader.partial().is_some(), "still on a window");
    assert!(index(&book).read().text.is_empty(), "no text held");
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
    assert_eq!(raw[from..].replace("\r\n", "\n"), text[at..]);
    assert_eq!(file.raw == file.text, !raw.contains('\r'));
    // Opened again, at once on a window read there in the file, on the same line.
    let mut loaded = Session::load(None, &path, "fp".into());
    loaded.state.set_place(saved, 1);
    let (again, _book) = open(&path, raw.len() as u64, None, loaded, (80, 24), 72).unwrap();
    assert_eq!(again.partial().unwrap().base, at);
    assert_eq!(again.whole_place(), eager.place());
}

#[test]
fn a_story_with_crlf_and_also_a_tab_is_held_whole() {
    // A tab far into a CRLF story: its stretch is more than line ends made LF.
    let mut raw = story_with(6000, "\r\n");
    raw.insert(raw.len() - 1000, '\t');
    let (_dir, _path, reader, book) = open_story(&raw);
    assert!(reader.partial().is_none(), "on the whole story");
    assert!(book.windows.is_none());
    assert!(reader.document().text().contains("     "));
}

#[test]
fn a_file_changed_after_indexing_is_not_read_for_a_new_window_and_is_read_again_whole() {
    for raw in endings(6000) {
        changed_and_read_again(&raw);
    }
}

fn changed_and_read_again(raw: &str) {
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
    book.idle(&mut reader, later);
    assert!(reader.partial().is_none(), "on the whole story");
    assert!(book.windows.is_none());
    assert!(reader
        .document()
        .text()
        .ends_with("The words added at the end.\n"));
    assert_eq!(reader.place(), place);
    assert!(reader.document().text()[place..].starts_with(&quote));
}
