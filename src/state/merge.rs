//! Two saves of one book's state made one: what two dogears open on the same book wrote.

use super::{sort_bookmarks, BookState, Bookmark, BOOK_VERSION, MAX_COPIES};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Combines what is on disk with what this process is about to save, so that two dogears
/// open on the same book lose nothing.
///
/// - bookmarks: the union by id, minus every deleted id (deletions are unioned too) but
///   those brought back (`restored`) after their deletion; for an id on both sides, the more often renamed wins, then the later `edited`
///   (ours on a tie);
/// - place: the one of the higher `generation` (the later move), then of the later
///   `saved_at` (ours on a tie), and `percent` with it. Wall-clock time only breaks ties:
///   clocks jump, and a place saved while one was ahead must not freeze the place;
/// - `last_read`: the later; fingerprint, path and title: ours (we just opened the file),
///   but a story read from a pipe keeps the file it was read from before.
pub fn merge(disk: &BookState, ours: &BookState) -> BookState {
    let piped = |p: &PathBuf| crate::input::is_piped_path(p);
    let keep_disks = piped(&ours.path) && !piped(&disk.path) && !disk.path.as_os_str().is_empty();
    let path = if keep_disks { &disk.path } else { &ours.path };
    let deleted: BTreeSet<&String> = disk.deleted.iter().chain(&ours.deleted).collect();
    let mut deleted_at = disk.deleted_at.clone();
    for (id, &at) in &ours.deleted_at {
        let t = deleted_at.entry(id.clone()).or_insert(at);
        *t = (*t).max(at);
    }

    let mut by_id: BTreeMap<&str, &Bookmark> = BTreeMap::new();
    for b in disk.bookmarks.iter().chain(&ours.bookmarks) {
        match by_id.get(b.id.as_str()) {
            Some(have) if have.version() > b.version() => {}
            _ => {
                by_id.insert(&b.id, b);
            }
        }
    }
    // A tombstone deletes a bookmark unless it was brought back after it.
    let alive = |b: &Bookmark| {
        !deleted.contains(&b.id)
            || b.restored
                .is_some_and(|r| r > deleted_at.get(&b.id).copied().unwrap_or(0))
    };
    let mut bookmarks: Vec<Bookmark> = by_id.into_values().filter(|b| alive(b)).cloned().collect();
    sort_bookmarks(&mut bookmarks);
    let deleted: Vec<String> = deleted
        .into_iter()
        .filter(|id| !bookmarks.iter().any(|b| b.id == **id))
        .cloned()
        .collect();
    deleted_at.retain(|id, _| deleted.contains(id));

    let disk_place_wins = match (&disk.place, &ours.place) {
        (Some(d), Some(o)) => (d.generation, d.saved_at) > (o.generation, o.saved_at),
        (Some(_), None) => true,
        _ => false,
    };
    let (place, percent) = if disk_place_wins {
        (disk.place.clone(), disk.percent)
    } else {
        (ours.place.clone(), ours.percent)
    };

    BookState {
        version: BOOK_VERSION,
        fingerprint: ours.fingerprint.clone(),
        path: path.clone(),
        copies: copies_of(disk, ours, path),
        title: ours.title.clone(),
        place,
        bookmarks,
        deleted,
        deleted_at,
        last_read: disk.last_read.max(ours.last_read),
        percent,
        length: ours.length,
        replaces: ours.replaces.clone(),
        encoding: match (&disk.encoding, &ours.encoding) {
            (Some(d), Some(o)) if d.chosen_at > o.chosen_at => Some(d.clone()),
            (d, None) => d.clone(),
            (_, o) => o.clone(),
        },
        statistics: (ours.statistics.as_ref())
            .or(disk.statistics.as_ref())
            .cloned(),
    }
}

/// The other paths the two states were opened from: `disk`'s path when `ours` moved
/// away from it, and both lists, without the path `kept` as the book's, each once, at
/// most [`MAX_COPIES`].
fn copies_of(disk: &BookState, ours: &BookState, kept: &PathBuf) -> Vec<PathBuf> {
    let mut copies: Vec<PathBuf> = Vec::new();
    let candidates = std::iter::once(&disk.path)
        .chain(&ours.copies)
        .chain(&disk.copies);
    for path in candidates {
        if path != kept && !path.as_os_str().is_empty() && !copies.contains(path) {
            copies.push(path.clone());
        }
    }
    copies.truncate(MAX_COPIES);
    copies
}
