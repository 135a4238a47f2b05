//! What dogear remembers about a book, and how two versions of that memory merge.
//!
//! Pure data: no disk, no clock. Times are passed in by the caller (the shell reads the
//! clock), which keeps merges deterministic and testable. [`crate::store`] writes these
//! types as one small JSON file per book.

use crate::position::Anchor;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
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

mod merge;
pub use merge::merge;

#[cfg(test)]
mod tests;
