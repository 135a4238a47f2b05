//! The part of a big story indexed so far, shared between the thread that reads it (see
//! [`super::indexing`]) and the reader, who can search it and move anywhere in it before
//! the whole story is in.
//!
//! It is the whole text itself as it grows, not a copy: the indexing thread appends each
//! stretch under a write lock (a copy of a few megabytes) and classifies it under a read
//! lock, and hands the text on to the whole [`super::Document`] at the end. The reader only
//! ever holds a read lock for one slice of a search (a few milliseconds). What is known
//! there is exact: offsets are the whole text's, and each anchor says where a line starts
//! both in the file and in the text, so a window read from the file at one is the whole
//! text from there on (see [`super::load::window_with`]).

pub use super::build::Anchor;
use super::stretches::{Offsets, Stretches};
use super::{gutenberg, Charset, MappedText, Text};
use std::ops::Range;
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// How far back from the end of the text indexed so far a match found there may end:
/// past it the text may still turn out to be a Project Gutenberg footer (which is within
/// 64 KB of the end), and a match running on into the next stretch may not be over.
pub const MARGIN: usize = 64 << 10;

/// How far before the place it is read for a new window of the file starts (at the anchor
/// before that): the window holds some pages before the place as well as after it.
pub const LEAD: usize = 16 << 10;

/// The text indexed so far, behind a lock (see the module's docs).
#[derive(Debug, Default)]
pub struct Indexed(RwLock<Part>);

/// What is known of the whole text so far.
#[derive(Debug, Default)]
pub struct Part {
    /// The whole text's first bytes, when made (see [`Part::text`]).
    made: String,
    /// The story's file mapped, while its bytes are the text (see [`Indexed::map`]).
    mapped: Option<Arc<dyn MappedText>>,
    /// Where its pieces start, in the file and in the text, in order.
    pub anchors: Vec<Anchor>,
    /// The encoding the text is made in (`None` before the first stretch).
    pub charset: Option<Charset>,
    /// Counts the times the reading started again in another encoding: offsets taken
    /// before mean nothing after.
    pub generation: u64,
    /// All of the text is in (its blocks are still being finished).
    pub complete: bool,
    /// The text was handed on to the whole document: nothing is here any more.
    pub gone: bool,
    /// Some of the text is not the file's bytes normalised piece by piece (see
    /// [`Part::on_file_able`]).
    pub not_verbatim: bool,
    /// Some of the file's line ends are CRLF, made LF in the text (see
    /// [`super::line_ends`]).
    pub crlf: bool,
    /// The anchors (indices, in order) of the irregular stretches: normalising changed
    /// more in them than line ends (see [`super::stretches`]).
    pub irregular: Vec<u32>,
    /// All of the text is in and was let go: it is read from the file where needed (see
    /// [`Indexed::let_go`]).
    pub on_file: Option<OnFile>,
}

/// Where the text of a story read whole and let go is read from, and what is known of it.
#[derive(Debug, Clone)]
pub struct OnFile {
    /// The whole text's length.
    pub len: usize,
    /// The length of the file as it was indexed.
    pub file_len: u64,
    /// Its body (see [`gutenberg::body`]).
    pub body: Range<usize>,
    /// The file's bytes.
    pub source: Arc<dyn Source>,
    /// How offsets into the text are the file's.
    pub offsets: Offsets,
}

/// The bytes of the file a story's text is made of, read on demand (the shell reads
/// them from the file, and says when it changed since it was indexed: then the bytes
/// read would not be those of the text indexed, and nothing is read).
pub trait Source: std::fmt::Debug + Send + Sync {
    /// Reads the file's bytes from `at` into `buf`, as many as fit before its end:
    /// returns how many.
    ///
    /// # Errors
    /// The file cannot be read, or changed since the text was indexed.
    fn read_at(&self, at: u64, buf: &mut [u8]) -> std::io::Result<usize>;
}

impl Indexed {
    /// Nothing indexed yet.
    pub fn new() -> Arc<Self> {
        Arc::default()
    }

    /// What is known so far (a poisoned lock is still read: the indexing thread's panic
    /// is told as its own news).
    pub fn read(&self) -> RwLockReadGuard<'_, Part> {
        self.0
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// For the indexing thread.
    pub(super) fn write(&self) -> RwLockWriteGuard<'_, Part> {
        self.0
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The text is to be taken from `mapped`, the story's file, for as long as its bytes
    /// are the text made of them: nothing is copied (see [`Part::text`]).
    pub fn map(&self, mapped: Arc<dyn MappedText>) {
        let mut part = self.write();
        if part.made.is_empty() && mapped.text().is_empty() {
            part.mapped = Some(mapped);
        }
    }

    /// Adds a stretch of text and its anchors (`made`: the anchors and the encoding).
    pub fn push(&self, more: &str, made: Option<(Vec<Anchor>, Charset)>) {
        let mut part = self.write();
        if let Some((anchors, charset)) = made {
            part.anchors.extend(anchors);
            part.charset = Some(charset);
        }
        part.push_str(more);
    }

    /// [`Indexed::push`] of a stretch made for it: taken whole when it is the first and
    /// at least half of the room kept for the text (a story never cut into stretches,
    /// ISO-2022-JP or a file without line ends, arrives as one), so that the text is
    /// never held twice.
    pub fn push_owned(&self, more: String, made: Option<(Vec<Anchor>, Charset)>) {
        let mut part = self.write();
        if let Some((anchors, charset)) = made {
            part.anchors.extend(anchors);
            part.charset = Some(charset);
        }
        if part.mapped.is_none() && part.made.is_empty() && more.len() >= part.made.capacity() / 2 {
            part.made = more;
        } else {
            part.push_str(&more);
        }
    }

    /// [`Indexed::push`] of the last of the text, taken whole when nothing came before it
    /// (a story never cut into stretches: ISO-2022-JP, or CR line ends only), so that
    /// the text is never held twice.
    pub fn push_last(&self, more: String) {
        let mut part = self.write();
        if part.mapped.is_none() && part.made.is_empty() {
            part.made = more;
        } else {
            part.push_str(&more);
        }
    }

    /// Room for `len` bytes of text made (none is needed while the text is mapped).
    pub fn reserve(&self, len: usize) {
        let mut part = self.write();
        if part.mapped.is_none() {
            part.made.reserve(len);
        }
    }

    /// Forgets the text so far: the reading starts again in another encoding.
    pub fn restart(&self) {
        let mut part = self.write();
        part.not_verbatim = false;
        part.crlf = false;
        part.irregular.clear();
        // The text made in another encoding is not the file's bytes.
        part.mapped = None;
        part.made.clear();
        part.anchors.clear();
        part.charset = None;
        part.generation += 1;
    }

    /// All of the text is in.
    pub fn complete(&self) {
        self.write().complete = true;
    }

    /// Takes the text out, for the whole document. The anchors of a text that can be read
    /// from the file are kept, in case the text is let go (see [`Indexed::let_go`]).
    pub fn take(&self) -> Text {
        let mut part = self.write();
        part.gone = true;
        if !part.on_file_able() {
            part.anchors = Vec::new();
            part.irregular = Vec::new();
        }
        match part.mapped.take() {
            Some(mapped) => Text::Mapped(mapped),
            None => Text::Made(std::mem::take(&mut part.made)),
        }
    }

    /// Once all of a UTF-8 text was taken (see [`Indexed::take`]), and its whole
    /// document dropped: the reader goes on reading it in windows of the file, and
    /// searches it there, at `source` (its offsets moved stretch by stretch: see
    /// [`super::stretches`]). `len`: the whole text's length, `body`: its body. `false`
    /// (and nothing changes) when the text cannot be read from the file so, or is not all
    /// in, or the file cannot be read.
    pub fn let_go(&self, len: usize, body: Range<usize>, source: Arc<dyn Source>) -> bool {
        let mut part = self.write();
        if !part.complete || !part.on_file_able() {
            return false;
        }
        let offsets = match part.verbatim() {
            true => Offsets::Same,
            false => {
                let irregular = part.irregular.clone();
                Offsets::Anchored(Stretches::new(part.anchors.as_slice().into(), irregular))
            }
        };
        // A stretch read from its start for any window in it (and normalised whole, if it
        // is irregular) must stay short: a story with a line of megabytes is kept whole.
        if super::stretches::too_long(&part.anchors, len) {
            return false;
        }
        // Where the file ends, from its last anchor (a few KB read).
        let Ok(file_len) = offsets.file_len(&*source, len) else {
            return false;
        };
        part.made = String::new();
        part.mapped = None;
        part.gone = false;
        part.on_file = Some(OnFile {
            len,
            file_len: file_len as u64,
            body,
            source,
            offsets,
        });
        true
    }
}

impl Part {
    /// The text so far: the story's file's bytes while it is mapped and they are the
    /// text, or the text made of them.
    pub fn text(&self) -> &str {
        match &self.mapped {
            Some(mapped) => mapped.text(),
            None => &self.made,
        }
    }

    /// Adds `more` to the text: taken from the map when the file's bytes are the same,
    /// or else from then on made, starting with a copy of what was taken from the map.
    fn push_str(&mut self, more: &str) {
        if let Some(mapped) = &self.mapped {
            if mapped.confirm(more) {
                return;
            }
            let mut made =
                String::with_capacity(mapped.file_len().max(mapped.text().len() + more.len()));
            made.push_str(mapped.text());
            self.made = made;
            self.mapped = None;
        }
        self.made.push_str(more);
    }

    /// Whether the whole text is the file's bytes as they are (UTF-8 without a BOM, and
    /// nothing normalised), so that an offset into the text is one into the file.
    pub fn verbatim(&self) -> bool {
        self.on_file_able()
            && !self.crlf
            && self.irregular.is_empty()
            && self.anchors.first().is_none_or(|a| a.raw == 0)
    }

    /// Whether the whole text is the file's bytes normalised piece by piece (UTF-8 read
    /// as it is), so that it can be read from the file and its offsets found there (see
    /// [`super::stretches::Offsets`]).
    pub fn on_file_able(&self) -> bool {
        self.charset == Some(super::charset::UTF_8) && !self.not_verbatim
    }

    /// How long the text indexed so far is (held, or let go).
    pub fn len(&self) -> usize {
        self.on_file.as_ref().map_or(self.text().len(), |f| f.len)
    }

    /// Whether no text is indexed yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The range of the whole text in which a match found in the text so far is the match
    /// a search of the whole story finds: from the start of the story proper (once known)
    /// to [`MARGIN`] before the end of the text so far, or to the story's end when all of
    /// it is in. `None` when nothing is.
    pub fn searchable(&self) -> Option<Range<usize>> {
        if self.gone {
            return None;
        }
        if let Some(f) = &self.on_file {
            return (f.body.start < f.body.end).then(|| f.body.clone());
        }
        let text = self.text();
        let start = gutenberg::start_once_known(text, self.complete)?;
        let end = match self.complete {
            true => gutenberg::body(text).end,
            false => floor_line(text, text.len().saturating_sub(MARGIN)),
        };
        (start < end).then_some(start..end)
    }

    /// The last anchor at or before byte `offset` of the text (the file's start when none
    /// is known).
    pub fn anchor_before(&self, offset: usize) -> Anchor {
        let after = self.anchors.partition_point(|a| a.text <= offset as u64);
        self.anchors
            .get(after.wrapping_sub(1))
            .copied()
            .unwrap_or(Anchor { raw: 0, text: 0 })
    }
}

/// The start of the line `offset` is in (a char boundary, so the text can be cut there).
fn floor_line(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_arriving_whole_is_taken_not_copied_and_stretches_fill_the_room_kept() {
        // A story never cut into stretches: its one stretch is the text (not a copy of it
        // beside it, which would hold it twice).
        let shared = Indexed::new();
        shared.reserve(1 << 20);
        let whole = "a line without end ".repeat(50_000);
        let at = whole.as_ptr();
        shared.push_owned(whole, None);
        assert_eq!(shared.read().text().as_ptr(), at);
        // A first stretch of many goes into the room kept for all of them.
        let shared = Indexed::new();
        shared.reserve(1 << 20);
        let room = shared.read().text().as_ptr();
        shared.push_owned("a stretch\n".repeat(1000), None);
        shared.push_owned("another\n".repeat(1000), None);
        assert_eq!(shared.read().text().as_ptr(), room);
        assert!(shared.read().text().starts_with("a stretch\n"));
        assert!(shared.read().text().ends_with("another\n"));
    }

    #[test]
    fn only_text_well_before_the_end_so_far_is_searchable_until_all_is_in() {
        let shared = Indexed::new();
        assert_eq!(shared.read().searchable(), None);
        let line = "a line of the story, long enough to count\n";
        let text = line.repeat(4000);
        shared.push(
            &text,
            Some((
                vec![Anchor { raw: 0, text: 0 }],
                crate::document::charset::UTF_8,
            )),
        );
        let within = shared.read().searchable().unwrap();
        assert_eq!(within.start, 0);
        assert!(within.end <= text.len() - MARGIN, "{within:?}");
        assert!(text[..within.end].ends_with('\n'));
        shared.complete();
        assert_eq!(shared.read().searchable(), Some(0..text.len()));
        assert_eq!(shared.take().as_str(), text);
        assert_eq!(shared.read().searchable(), None);
    }

    #[test]
    fn a_restart_forgets_the_text_and_says_so() {
        let shared = Indexed::new();
        shared.push(&"x\n".repeat(50_000), None);
        shared.restart();
        let part = shared.read();
        assert!(part.text().is_empty());
        assert_eq!(part.generation, 1);
    }
}
