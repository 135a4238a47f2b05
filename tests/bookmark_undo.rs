//! `u` in the bookmark list brings a deleted bookmark back: with its id and anchor, its
//! tombstone lifted, and still there after saves and merges with a copy of the state
//! that saw the deletion; deleted again, it stays deleted.

use dogear::{merge, Anchor, BookState, Bookmark, Store};
use std::path::Path;

fn anchor(offset: usize) -> Anchor {
    Anchor {
        file: None,
        offset,
        percent: offset as f64 / 100.0,
        before: "before".into(),
        after: "after".into(),
    }
}

fn ids(s: &BookState) -> Vec<&str> {
    s.bookmarks.iter().map(|b| b.id.as_str()).collect()
}

#[test]
fn an_undone_deletion_survives_a_save_and_a_merge_with_a_copy_that_saw_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (Store::at(tmp.path()), Store::at(tmp.path()));
    let p = Path::new("/stories/s.txt");
    let mut mine = BookState::new("fp".into(), p.into(), "S".into());
    mine.add_bookmark(Bookmark::new("k".into(), anchor(40), "Keep".into(), 1_000));
    mine.add_bookmark(Bookmark::new(
        "h".into(),
        anchor(10),
        "Harbour".into(),
        1_000,
    ));
    mine = a.save(&mine).unwrap();

    // Deleted and saved; another window loads that (tombstone and all).
    let removed = mine.remove_bookmark("h").expect("it was there");
    mine = a.save(&mine).unwrap();
    let mut theirs = b.load("fp", p).state;
    assert_eq!(ids(&theirs), ["k"]);
    assert!(theirs.deleted.contains(&"h".to_owned()));

    // Undone: the same id and anchor, no tombstone.
    mine.restore_bookmark(removed, dogear::now_ms());
    assert!(!mine.deleted.contains(&"h".to_owned()));
    assert!(!mine.deleted_at.contains_key("h"));
    mine = a.save(&mine).unwrap();
    assert_eq!(ids(&mine), ["h", "k"]);
    assert_eq!(mine.bookmarks[0].anchor, anchor(10));
    assert!(mine.deleted.is_empty() && mine.deleted_at.is_empty());

    // The other window, still holding the tombstone, saves: the bookmark stays.
    theirs.set_place(anchor(50), 5_000);
    theirs = b.save(&theirs).unwrap();
    assert_eq!(ids(&theirs), ["h", "k"]);
    assert!(theirs.deleted.is_empty(), "the tombstone is gone for good");
    assert_eq!(ids(&a.load("fp", p).state), ["h", "k"]);

    // Deleted again after the undo: a copy holding the restored bookmark cannot bring
    // it back.
    let stale = mine.clone();
    mine.remove_bookmark("h");
    mine = a.save(&mine).unwrap();
    assert_eq!(ids(&mine), ["k"]);
    assert_eq!(ids(&b.save(&stale).unwrap()), ["k"]);
    assert_eq!(ids(&merge(&stale, &mine)), ["k"]);
    assert_eq!(ids(&merge(&mine, &stale)), ["k"]);
}
