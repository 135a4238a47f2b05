//! A place reached on a window, before the whole story is read, saved from the window
//! (see [`crate::session::Early`]): on the way out without waiting for the whole story,
//! and with where it lies in the file, so that the story opens there again at once.

use super::tests_on_file::endings;
use super::*;
use crate::document::{charset, load};
use crate::reader::Action;
use crate::saturating::usize_from;
use crate::store::Store;

/// `raw` written to a file and opened on a window with a store in `dir`, `at` the place
/// saved before (a byte of the whole text), if any.
fn open_stored(dir: &Path, raw: &[u8], at: Option<usize>) -> (PathBuf, Reader, Book) {
    let path = dir.join("big.txt");
    std::fs::write(&path, raw).unwrap();
    let store = Store::at(dir.join("config"));
    let mut loaded = Session::load(Some(store), &path, "fp".into());
    if let Some(offset) = at {
        let whole = Document::from_vec(raw.to_vec(), None).unwrap();
        let anchor = crate::position::anchor(&whole, offset);
        loaded.state.set_place(anchor, 1);
    }
    let (reader, book) = open(&path, raw.len() as u64, None, loaded, (80, 24), 72).unwrap();
    (path, reader, book)
}

/// The place saved on disk for the story.
fn saved(dir: &Path, path: &Path) -> crate::position::Anchor {
    let state = Store::at(dir.join("config")).load("fp", path).state;
    state.place.expect("a place saved").anchor
}

/// Checks that `anchor` is the place `at` of the whole text of `raw`, and that the file
/// read from its line start is the whole text from there on.
fn check_place(raw: &[u8], anchor: &crate::position::Anchor, at: usize, what: &str) {
    let whole = Document::from_vec(raw.to_vec(), None).unwrap();
    assert_eq!(anchor.offset, at, "{what}");
    assert!(
        whole.text()[at..].starts_with(&anchor.after),
        "{what}: {anchor:?}"
    );
    let file = anchor.file.as_ref().expect("where it lies in the file");
    let (raw_at, text_at) = (usize_from(file.raw), usize_from(file.text));
    assert!(text_at <= at, "{what}: {file:?}");
    let edges = load::Edges {
        starts_file: text_at == 0,
        ends_file: true,
        whole_lines: false,
    };
    let window = load::window_at(&raw[raw_at..], charset::UTF_8, edges, &Default::default());
    let n = crate::position::floor_char_boundary(window.text(), 4096);
    assert!(
        whole.text()[text_at..].starts_with(&window.text()[..n]),
        "{what}: the file read at {file:?} is not the text there"
    );
}

#[test]
fn a_place_moved_to_on_the_first_window_is_saved_on_the_way_out_without_the_whole_story() {
    let bom = format!("\u{feff}{}", endings(3000)[1]);
    let stories = endings(3000).into_iter().chain([bom]);
    for (i, raw) in stories.enumerate() {
        let dir = tempfile::tempdir().unwrap();
        let (path, mut reader, mut book) = open_stored(dir.path(), raw.as_bytes(), None);
        for _ in 0..7 {
            let effect = reader.update(Action::PageDown);
            book.effect(&mut reader, effect);
        }
        let at = reader.whole_place();
        assert!(at > 0);
        book.finish(&mut reader);
        // Not waited for: the background reading was never started, and is not now.
        assert!(matches!(&book.stage, Stage::Opening(o) if o.news.is_none()));
        check_place(
            raw.as_bytes(),
            &saved(dir.path(), &path),
            at,
            &format!("story {i}"),
        );
    }
}

#[test]
fn a_place_moved_to_on_a_window_read_at_the_saved_place_is_saved_from_that_window() {
    for (i, raw) in endings(6000).into_iter().enumerate() {
        let whole = Document::from_vec(raw.clone().into_bytes(), None).unwrap();
        let from = crate::position::offset_at_percent(&whole, 73.0);
        let dir = tempfile::tempdir().unwrap();
        let (path, mut reader, mut book) = open_stored(dir.path(), raw.as_bytes(), Some(from));
        for _ in 0..5 {
            let effect = reader.update(Action::PageDown);
            book.effect(&mut reader, effect);
        }
        let at = reader.whole_place();
        assert!(at > from, "story {i}");
        book.finish(&mut reader);
        let anchor = saved(dir.path(), &path);
        check_place(raw.as_bytes(), &anchor, at, &format!("story {i}"));
        assert!(anchor.file.unwrap().raw > 0, "read at the window's place");
        // And opened again there, on a window.
        let (_, reader, _book) = open_stored(dir.path(), raw.as_bytes(), None);
        assert_eq!(reader.whole_place(), at, "story {i}");
    }
}

#[test]
fn a_reader_who_did_not_move_saves_no_place() {
    let raw = endings(3000)[0].clone();
    let dir = tempfile::tempdir().unwrap();
    let (path, mut reader, mut book) = open_stored(dir.path(), raw.as_bytes(), None);
    book.finish(&mut reader);
    let state = Store::at(dir.path().join("config")).load("fp", &path).state;
    assert!(state.place.is_none());
}
