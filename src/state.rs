//! What dogear remembers about a book, and how two versions of that memory merge.
//!
//! Pure data: no disk, no clock. Times are passed in by the caller (the shell reads the
//! clock), which keeps merges deterministic and testable. [`crate::store`] writes these
//! types as one small JSON file per book.

use crate::position::Anchor;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// How long a deleted bookmark's id is remembered (90 days): long enough for any other
/// copy of the state (another window, a synced folder) to have seen the deletion.
pub const TOMBSTONE_MS: u64 = 90 * 86_400_000;

/// The format version written into every book file, so later versions can migrate it.
pub const BOOK_VERSION: u32 = 1;

/// Everything remembered about one book.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookState {
    /// Format version of this record; see `BOOK_VERSION`.
    pub version: u32,
    /// The book's identity ([`crate::fingerprint`]); also its file name in the store.
    pub fingerprint: String,
    /// Where the book was last opened from. Only a hint: the fingerprint is the key, but
    /// when the file's content changed the path is how the old state is found again.
    #[serde(default, serialize_with = "lossy_path")]
    pub path: PathBuf,
    /// Other paths this same content was opened from (a copy in another folder), kept
    /// while they exist: editing one copy must not take the place of the others, which
    /// still have this fingerprint (see [`crate::store::Store::load`]).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "lossy_paths"
    )]
    pub copies: Vec<PathBuf>,
    #[serde(default)]
    pub title: String,
    /// The reading place, if one was ever saved.
    #[serde(default)]
    pub place: Option<Place>,
    #[serde(default)]
    pub bookmarks: Vec<Bookmark>,
    /// Ids of deleted bookmarks. Kept so that merging with an older copy that still has
    /// them does not bring them back.
    #[serde(default)]
    pub deleted: Vec<String>,
    /// When each id in `deleted` was deleted (or first seen deleted, for older files), in
    /// unix milliseconds, so tombstones can be dropped after `TOMBSTONE_MS`: a year of
    /// deletions must not make every save slower. A separate map so that older dogears
    /// still read `deleted`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub deleted_at: BTreeMap<String, u64>,
    /// When the book was last read, in unix seconds (the library sorts by it).
    #[serde(default)]
    pub last_read: u64,
    /// Progress through the story, 0..=100, for the library's list.
    #[serde(default)]
    pub percent: f64,
    /// Bytes of the story's (decoded) text when this state was last saved; 0 when unknown
    /// (older files). The fingerprint samples only a few KiB, so a file cut short or grown
    /// can keep it: a different length says the text changed all the same.
    #[serde(default)]
    pub length: u64,
    /// The fingerprint this state was stored under before the file's content changed.
    /// Set by [`crate::store::Store::load`] when the book was found by its path; the next
    /// save moves the record to the new fingerprint. Never written to disk.
    #[serde(skip)]
    pub replaces: Option<String>,
    /// The encoding the reader chose for this book in the picker, used when it is
    /// opened again. Absent in older files and for books never given one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<EncodingChoice>,
    /// How the story's lines were judged when it was last read whole: a big story opened
    /// again is classified with them at once rather than with samples of its file read
    /// first. Absent for small stories (read whole every time) and in older files.
    /// Read leniently: statistics of another shape (an older or newer dogear's) are
    /// dropped, never the book's state with them.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient"
    )]
    pub statistics: Option<TextStatistics>,
}

/// A value that is only a speed-up: one that does not parse is as good as none. Its JSON
/// is set aside as it stands and parsed on its own, so that its errors stay its own.
fn lenient<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    let raw = Option::<Box<serde_json::value::RawValue>>::deserialize(d)?;
    Ok(raw.and_then(|r| serde_json::from_str(r.get()).ok()))
}

/// The statistics a story's blocks were classified by (see
/// [`crate::document::blocks::Summary`]), for the text they were gathered from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StatisticsFields")]
pub struct TextStatistics {
    /// The encoding the text was decoded from (see [`crate::document::Charset::name`]).
    pub encoding: String,
    /// Bytes of the story's file they were taken from (0 when unknown): statistics of a
    /// file of another size are not used.
    pub file: u64,
    #[serde(flatten)]
    pub summary: crate::document::blocks::Summary,
}

/// [`TextStatistics`] as written, read field by field: serde reads a flattened struct by
/// gathering its fields into a map first, several times slower, and a big story's
/// statistics are read before its first page is drawn.
#[derive(Deserialize)]
struct StatisticsFields {
    encoding: String,
    file: u64,
    wrap: usize,
    capitalised: bool,
    one_line_japanese: bool,
    repeated_caps: Vec<String>,
}

impl From<StatisticsFields> for TextStatistics {
    fn from(f: StatisticsFields) -> Self {
        TextStatistics {
            encoding: f.encoding,
            file: f.file,
            summary: crate::document::blocks::Summary {
                wrap: f.wrap,
                capitalised: f.capitalised,
                one_line_japanese: f.one_line_japanese,
                repeated_caps: f.repeated_caps,
            },
        }
    }
}

/// An encoding chosen by the reader, and when (of two choices, the later wins a merge).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncodingChoice {
    /// The encoding's name (see [`crate::document::Charset::name`]).
    pub name: String,
    /// When it was chosen, in unix milliseconds.
    pub chosen_at: u64,
}

/// A reading place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub anchor: Anchor,
    /// When the reader moved there, in unix milliseconds: only a tie-break between two
    /// places of the same `generation` (clocks jump, and folders are synced between
    /// machines whose clocks differ).
    pub saved_at: u64,
    /// How many moves led here: one more than the place it replaced (Lamport-style), so
    /// of two places the later move wins whatever the clocks say. 0 in older files.
    #[serde(default)]
    pub generation: u64,
    /// The anchor last confirmed by its quote, while `anchor` is only a guess by percent
    /// (the story changed and the quote was not found). Kept until a quote matches again
    /// or the reader moves, so a story that is briefly short never loses the place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept: Option<Anchor>,
}

/// A bookmark the reader dropped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Unique among all bookmarks ever made (see [`crate::store::new_bookmark_id`]), so
    /// bookmarks from two dogears merge by id.
    pub id: String,
    pub anchor: Anchor,
    #[serde(default)]
    pub label: String,
    /// When it was made, in unix seconds.
    #[serde(default)]
    pub created: u64,
    /// When it was made or last renamed, in unix milliseconds: of two versions of the same
    /// bookmark with the same `revision`, the later edit wins.
    #[serde(default)]
    pub edited: u64,
    /// How many times it was renamed: of two versions of the same bookmark, the one
    /// renamed more often wins whatever the clocks said. 0 in older files.
    #[serde(default)]
    pub revision: u64,
    /// The anchor last confirmed by its quote while `anchor` is a guess by percent; see
    /// `Place::kept`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept: Option<Anchor>,
    /// When it was last brought back after a deletion (`u` in the list), in unix
    /// milliseconds: a tombstone older than this no longer deletes it in a merge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restored: Option<u64>,
}

impl Place {
    pub fn new(anchor: Anchor, now_ms: u64) -> Place {
        Place {
            anchor,
            saved_at: now_ms,
            generation: 0,
            kept: None,
        }
    }
}

impl Bookmark {
    /// A new bookmark made at `now_ms` (unix milliseconds).
    pub fn new(id: String, anchor: Anchor, label: String, now_ms: u64) -> Bookmark {
        Bookmark {
            id,
            anchor,
            label,
            created: now_ms / 1000,
            edited: now_ms,
            revision: 0,
            kept: None,
            restored: None,
        }
    }

    /// Renames the bookmark, stamping the edit so it wins over older copies in a merge
    /// (a time saved from a clock far ahead, even `u64::MAX`, saturates and never wraps).
    pub fn rename(&mut self, label: String, now_ms: u64) {
        self.label = label;
        self.edited = now_ms.max(self.edited.saturating_add(1));
        self.revision = self.revision.saturating_add(1);
    }

    /// The order in which two versions of this bookmark are preferred: the later one wins.
    fn version(&self) -> (u64, u64) {
        (self.revision, self.edited)
    }
}

impl BookState {
    /// A book never seen before.
    pub fn new(fingerprint: String, path: PathBuf, title: String) -> BookState {
        BookState {
            version: BOOK_VERSION,
            fingerprint,
            path,
            copies: Vec::new(),
            title,
            place: None,
            bookmarks: Vec::new(),
            deleted: Vec::new(),
            deleted_at: BTreeMap::new(),
            last_read: 0,
            percent: 0.0,
            length: 0,
            replaces: None,
            encoding: None,
            statistics: None,
        }
    }

    /// Records the reading place the reader moved to at `now_ms`, one generation after the
    /// place it replaces, and the progress and time the library shows.
    pub fn set_place(&mut self, anchor: Anchor, now_ms: u64) {
        let generation = self
            .place
            .as_ref()
            .map_or(0, |p| p.generation)
            .saturating_add(1);
        self.percent = anchor.percent;
        self.last_read = now_ms / 1000;
        self.place = Some(Place {
            generation,
            ..Place::new(anchor, now_ms)
        });
    }

    /// Brings times saved by a clock that was ahead (a folder synced from another
    /// machine, an RTC in the future, an NTP step) back to `now_ms`, so they neither
    /// win every tie nor pin the book to the top of the library for years.
    pub fn clamp_future(&mut self, now_ms: u64) {
        if let Some(place) = &mut self.place {
            place.saved_at = place.saved_at.min(now_ms);
        }
        for b in &mut self.bookmarks {
            b.edited = b.edited.min(now_ms);
            b.created = b.created.min(now_ms / 1000);
        }
        self.last_read = self.last_read.min(now_ms / 1000);
    }

    /// Adds a bookmark, keeping the list in reading order.
    pub fn add_bookmark(&mut self, bookmark: Bookmark) {
        self.bookmarks.push(bookmark);
        sort_bookmarks(&mut self.bookmarks);
    }

    /// Forgets deletions older than `TOMBSTONE_MS`; a deletion with no time (an older
    /// file) is stamped `now_ms`, to be forgotten that long from now.
    pub fn prune_tombstones(&mut self, now_ms: u64) {
        for id in &self.deleted {
            self.deleted_at.entry(id.clone()).or_insert(now_ms);
        }
        let expired = |at: u64| now_ms.saturating_sub(at) > TOMBSTONE_MS;
        self.deleted.retain(|id| !expired(self.deleted_at[id]));
        self.deleted_at.retain(|_, at| !expired(*at));
    }

    /// Deletes a bookmark and remembers the deletion so a merge cannot bring it back.
    /// Returns the bookmark, if it was there (to bring back with
    /// [`BookState::restore_bookmark`]).
    pub fn remove_bookmark(&mut self, id: &str) -> Option<Bookmark> {
        let at = self.bookmarks.iter().position(|b| b.id == id);
        let removed = at.map(|i| self.bookmarks.remove(i));
        if !self.deleted.iter().any(|d| d == id) {
            self.deleted.push(id.to_owned());
        }
        // Deleted again after it was brought back: the tombstone must be later than the
        // restoration, or a merge would keep the bookmark.
        if let Some(restored) = removed.as_ref().and_then(|b| b.restored) {
            let t = self.deleted_at.entry(id.to_owned()).or_insert(0);
            *t = (*t).max(restored.saturating_add(1));
        }
        removed
    }

    /// Brings back a deleted bookmark, with its id and anchor (undo): its tombstone goes,
    /// and the bookmark is stamped `restored` later than the deletion, so merging with a
    /// copy that still holds the tombstone keeps it.
    pub fn restore_bookmark(&mut self, mut bookmark: Bookmark, now_ms: u64) {
        let deleted_at = self.deleted_at.remove(&bookmark.id).unwrap_or(0);
        self.deleted.retain(|d| *d != bookmark.id);
        let at = now_ms.max(deleted_at.saturating_add(1));
        bookmark.restored = Some(at);
        bookmark.edited = bookmark.edited.max(at);
        bookmark.revision = bookmark.revision.saturating_add(1);
        self.bookmarks.retain(|b| b.id != bookmark.id);
        self.add_bookmark(bookmark);
    }

    pub fn bookmark_mut(&mut self, id: &str) -> Option<&mut Bookmark> {
        self.bookmarks.iter_mut().find(|b| b.id == id)
    }
}

/// Combines what is on disk with what this process is about to save, so that two dogears
/// open on the same book lose nothing.
///
/// - bookmarks: the union by id, minus every deleted id (deletions are unioned too) but
///   those brought back (`restored`) after their deletion; for an id on both sides, the more often renamed wins, then the later `edited`
///   (ours on a tie);
/// - place: the one of the higher `generation` (the later move), then of the later
///   `saved_at` (ours on a tie), and `percent` with it. Wall-clock time only breaks ties:
///   clocks jump, and a place saved while one was ahead must not freeze the place;
/// - `last_read`: the later; fingerprint, path and title: ours (we just opened the file).
pub fn merge(disk: &BookState, ours: &BookState) -> BookState {
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
        path: ours.path.clone(),
        copies: copies_of(disk, ours),
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
/// away from it, and both lists, without `ours`'s own path, each once, at most
/// [`MAX_COPIES`].
fn copies_of(disk: &BookState, ours: &BookState) -> Vec<PathBuf> {
    let mut copies: Vec<PathBuf> = Vec::new();
    let candidates = std::iter::once(&disk.path)
        .chain(&ours.copies)
        .chain(&disk.copies);
    for path in candidates {
        if path != &ours.path && !path.as_os_str().is_empty() && !copies.contains(path) {
            copies.push(path.clone());
        }
    }
    copies.truncate(MAX_COPIES);
    copies
}

/// Copies of one story remembered per book: enough for a reader's folders, small enough
/// that a state file never grows with them.
pub const MAX_COPIES: usize = 8;

/// Writes a path as text even when it is not valid UTF-8 (serde would refuse it and the
/// whole save would fail); such a path then works as a display hint only.
fn lossy_path<S: serde::Serializer>(path: &std::path::Path, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&path.to_string_lossy())
}

/// [`lossy_path`] for a list of paths.
fn lossy_paths<S: serde::Serializer>(paths: &[PathBuf], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(paths.iter().map(|p| p.to_string_lossy()))
}

/// Reading order; ties (two bookmarks on one spot) by creation, then id, so the order is
/// the same in every process.
fn sort_bookmarks(bookmarks: &mut [Bookmark]) {
    bookmarks.sort_by(|a, b| {
        (a.anchor.offset, a.created, &a.id).cmp(&(b.anchor.offset, b.created, &b.id))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(offset: usize) -> Anchor {
        Anchor {
            file: None,
            offset,
            percent: offset as f64 / 10.0,
            before: String::new(),
            after: String::new(),
        }
    }

    fn book() -> BookState {
        BookState::new("fp".into(), "/s.txt".into(), "S".into())
    }

    #[test]
    fn the_later_encoding_choice_wins_a_merge_and_old_files_load_without_one() {
        let choice = |name: &str, at| {
            Some(EncodingChoice {
                name: name.into(),
                chosen_at: at,
            })
        };
        let mut disk = book();
        let mut ours = book();
        assert_eq!(merge(&disk, &ours).encoding, None);
        disk.encoding = choice("KOI8-R", 5);
        assert_eq!(merge(&disk, &ours).encoding, disk.encoding);
        ours.encoding = choice("x-mac-cyrillic", 9);
        assert_eq!(merge(&disk, &ours).encoding, ours.encoding);
        assert_eq!(merge(&ours, &disk).encoding, ours.encoding);
        let old = r#"{"version":1,"fingerprint":"fp","path":"/s.txt","title":"S"}"#;
        let loaded: BookState = serde_json::from_str(old).unwrap();
        assert_eq!(loaded.encoding, None);
        let json = serde_json::to_string(&ours).unwrap();
        let back: BookState = serde_json::from_str(&json).unwrap();
        assert_eq!(back.encoding, ours.encoding);
    }

    #[test]
    fn a_storys_statistics_are_kept_through_a_merge_and_old_files_load_without_them() {
        let stats = |wrap| {
            Some(TextStatistics {
                encoding: "UTF-8".into(),
                file: 9 << 20,
                summary: crate::document::blocks::Summary {
                    wrap,
                    capitalised: false,
                    one_line_japanese: false,
                    repeated_caps: vec!["HAMLET.".into()],
                },
            })
        };
        let mut disk = book();
        let mut ours = book();
        disk.statistics = stats(70);
        assert_eq!(merge(&disk, &ours).statistics, disk.statistics);
        ours.statistics = stats(66);
        assert_eq!(merge(&disk, &ours).statistics, ours.statistics);
        let json = serde_json::to_string(&ours).unwrap();
        assert!(json.contains(r#""wrap":66"#), "{json}");
        let back: BookState = serde_json::from_str(&json).unwrap();
        assert_eq!(back.statistics, ours.statistics);
        let old = r#"{"version":1,"fingerprint":"fp","path":"/s.txt","title":"S"}"#;
        let loaded: BookState = serde_json::from_str(old).unwrap();
        assert_eq!(loaded.statistics, None);
        // Statistics of another shape are dropped, the rest of the state kept.
        let other = r#"{"version":1,"fingerprint":"fp","path":"/s.txt","title":"S",
            "percent":40.0,"statistics":{"encoding":"UTF-8","length":9,"wrap":"wide"}}"#;
        let loaded: BookState = serde_json::from_str(other).unwrap();
        assert_eq!((loaded.statistics, loaded.percent), (None, 40.0));
    }

    #[test]
    fn union_of_bookmarks_minus_tombstones() {
        let mut disk = book();
        disk.add_bookmark(Bookmark::new("a".into(), anchor(5), "A".into(), 1000));
        disk.add_bookmark(Bookmark::new("gone".into(), anchor(1), "G".into(), 1000));
        let mut ours = book();
        ours.add_bookmark(Bookmark::new("b".into(), anchor(3), "B".into(), 2000));
        ours.deleted.push("gone".into());
        let merged = merge(&disk, &ours);
        let ids: Vec<&str> = merged.bookmarks.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"]);
        assert_eq!(merged.deleted, ["gone"]);
        // And the other way round: the older copy cannot resurrect it.
        let again = merge(&merged, &disk);
        assert!(again.bookmarks.iter().all(|b| b.id != "gone"));
    }

    #[test]
    fn later_rename_wins_from_either_side() {
        let mut disk = book();
        disk.add_bookmark(Bookmark::new("a".into(), anchor(5), "old".into(), 1000));
        let mut ours = disk.clone();
        ours.bookmark_mut("a").unwrap().rename("new".into(), 5000);
        assert_eq!(merge(&disk, &ours).bookmarks[0].label, "new");
        assert_eq!(merge(&ours, &disk).bookmarks[0].label, "new");
    }

    #[test]
    fn place_saved_last_wins() {
        let mut disk = book();
        disk.set_place(anchor(500), 9_000);
        let mut ours = book();
        ours.set_place(anchor(100), 8_000);
        let merged = merge(&disk, &ours);
        assert_eq!(merged.place.as_ref().unwrap().anchor.offset, 500);
        assert_eq!(merged.percent, 50.0);
        ours.set_place(anchor(200), 10_000);
        assert_eq!(merge(&disk, &ours).place.unwrap().anchor.offset, 200);
        assert_eq!(merge(&disk, &book()).place.unwrap().anchor.offset, 500);
    }

    /// A small book from generated parts: bookmark ids from a tiny alphabet so the two
    /// sides of a merge share some, and tombstones that hit some of them.
    fn arb_book() -> impl proptest::strategy::Strategy<Value = BookState> {
        use proptest::prelude::*;
        let mark = (0u8..6, 0usize..50, 0u64..4).prop_map(|(id, at, edited)| {
            let mut b = Bookmark::new(format!("m{id}"), anchor(at), format!("{id}/{edited}"), 0);
            b.edited = edited;
            b
        });
        (
            proptest::collection::vec(mark, 0..6),
            proptest::collection::vec(0u8..6, 0..3),
            proptest::option::of((0usize..50, 0u64..5)),
        )
            .prop_map(|(marks, dead, place)| {
                let mut s = book();
                for m in marks {
                    if s.bookmarks.iter().all(|b| b.id != m.id) {
                        s.add_bookmark(m);
                    }
                }
                for d in dead {
                    s.remove_bookmark(&format!("m{d}"));
                }
                if let Some((at, t)) = place {
                    s.set_place(anchor(at), t);
                }
                s
            })
    }

    proptest::proptest! {
        #[test]
        fn merge_keeps_everything_not_deleted(a in arb_book(), b in arb_book()) {
            let m = merge(&a, &b);
            for s in [&a, &b] {
                for bm in &s.bookmarks {
                    let kept = m.bookmarks.iter().any(|x| x.id == bm.id);
                    proptest::prop_assert_eq!(kept, !m.deleted.contains(&bm.id));
                }
            }
            // The same bookmarks whichever side is "ours", and merging again changes nothing.
            // (As sets: on an edit-time tie "ours" wins, and its copy may sit elsewhere.)
            let ids = |s: &BookState| {
                s.bookmarks.iter().map(|b| b.id.clone()).collect::<BTreeSet<_>>()
            };
            proptest::prop_assert_eq!(ids(&m), ids(&merge(&b, &a)));
            proptest::prop_assert_eq!(&merge(&m, &b), &m);
            proptest::prop_assert_eq!(&merge(&a, &m), &m);
        }
    }

    #[test]
    fn a_later_move_wins_over_a_place_saved_while_the_clock_was_ahead() {
        let year_ms = 365 * 86_400_000;
        let mut disk = book();
        disk.set_place(anchor(0), 1_800_000_000_000 + year_ms);
        // Another dogear loaded that place, then the reader moved (the clock is right now).
        let mut ours = disk.clone();
        ours.set_place(anchor(1000), 1_800_000_000_000);
        let merged = merge(&disk, &ours);
        assert_eq!(merged.place.unwrap().anchor.offset, 1000);
        assert_eq!(merged.percent, 100.0);
        // An old file (no generation) from the future loses to any move too.
        let mut old = disk.clone();
        old.place.as_mut().unwrap().generation = 0;
        old.place.as_mut().unwrap().saved_at = u64::MAX;
        let mut moved = old.clone();
        moved.set_place(anchor(7), 5);
        assert_eq!(merge(&old, &moved).place.unwrap().anchor.offset, 7);
    }

    #[test]
    fn times_from_the_future_are_clamped_to_now() {
        let mut s = book();
        s.set_place(anchor(3), u64::MAX);
        s.add_bookmark(Bookmark::new("a".into(), anchor(1), "A".into(), u64::MAX));
        s.clamp_future(2_000);
        assert_eq!(s.place.unwrap().saved_at, 2_000);
        assert_eq!((s.bookmarks[0].edited, s.bookmarks[0].created), (2_000, 2));
        assert_eq!(s.last_read, 2);
    }

    #[test]
    fn a_bookmark_edited_at_u64_max_can_be_renamed() {
        let mut disk = book();
        let mut mark = Bookmark::new("a".into(), anchor(5), "old".into(), 1000);
        mark.edited = u64::MAX;
        disk.add_bookmark(mark);
        let mut ours = disk.clone();
        ours.bookmark_mut("a").unwrap().rename("new".into(), 5000);
        assert_eq!(ours.bookmarks[0].edited, u64::MAX, "saturates, never wraps");
        assert_eq!(merge(&disk, &ours).bookmarks[0].label, "new");
        assert_eq!(merge(&ours, &disk).bookmarks[0].label, "new");
    }

    #[test]
    fn a_state_file_from_before_generations_and_lengths_still_loads() {
        let json = r#"{"version":1,"fingerprint":"fp","path":"/s.txt","title":"S",
            "place":{"anchor":{"offset":7,"percent":0.7,"before":"a","after":"b"},"saved_at":1234},
            "bookmarks":[{"id":"x","anchor":{"offset":9,"percent":0.9,"before":"","after":"c"},
            "label":"L","created":1,"edited":99000}],"deleted":[],"last_read":1,"percent":0.7}"#;
        let s: BookState = serde_json::from_str(json).unwrap();
        let place = s.place.unwrap();
        assert_eq!((place.generation, place.kept, s.length), (0, None, 0));
        assert_eq!(
            (s.bookmarks[0].revision, s.bookmarks[0].kept.is_none()),
            (0, true)
        );
    }

    #[test]
    fn tombstones_are_forgotten_after_ninety_days() {
        let mut s = book();
        s.add_bookmark(Bookmark::new("a".into(), anchor(1), "A".into(), 0));
        s.remove_bookmark("a");
        s.remove_bookmark("b");
        let day = 86_400_000;
        s.prune_tombstones(10 * day); // stamped now
        assert_eq!(s.deleted, ["a", "b"]);
        s.deleted_at.insert("b".into(), 5 * day);
        s.prune_tombstones(96 * day);
        assert_eq!(s.deleted, ["a"], "b was deleted 91 days ago");
        assert!(!s.deleted_at.contains_key("b"));
        s.prune_tombstones(101 * day);
        assert!(s.deleted.is_empty() && s.deleted_at.is_empty());
    }

    #[test]
    fn round_trips_through_json() {
        let mut s = book();
        s.set_place(anchor(7), 1234);
        s.add_bookmark(Bookmark::new("x".into(), anchor(9), "é ✓".into(), 99_000));
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains("\"version\":1"));
        assert_eq!(serde_json::from_str::<BookState>(&json).unwrap(), s);
    }
}
