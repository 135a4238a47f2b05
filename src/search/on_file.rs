//! Searching a text that is not held but read on demand (a big story let go once indexed:
//! see [`crate::document::indexed::Indexed::let_go`]): the same query over the same range
//! as [`Query::search`], read a chunk at a time into one buffer that is reused, each chunk
//! searched as it is read (where the text is the file's bytes, nothing is made of them
//! but a check that they are still UTF-8).
//!
//! The search goes in the text's offsets. Where the text is the file's bytes but for
//! CRLF line ends (see [`crate::document::line_ends`]), the file's bytes are searched as
//! they are all the same, and a match's offsets counted back from the anchor before it.
//! A match is the same in both: a query never starts or ends with whitespace and takes
//! any run of it for its own (`\s+`), a CR is whitespace, and where the query's optional
//! line break (`[^\S\n]*\n\s*`, after a hyphen) takes an LF in the text it takes the
//! CR before it in the file (`[^\S\n]*` takes any whitespace but LF). A CR alone, which
//! the text makes LF, would not be taken so: a stretch holding one is irregular. An
//! irregular stretch (a tab, a stray BOM, a control character, an escape: see
//! [`crate::document::stretches`]) is read whole and normalised again, and its text
//! searched, with the regular bytes either side of it (see [`file_text`]).
//!
//! A chunk is searched for the matches that start in it, with [`OVERLAP`] more bytes
//! after it for a match to run on into: a match longer than that (a query of a few words
//! across a run of thousands of blank lines) is not found, which no reader will miss.

use super::ceil_boundary;
use super::{Hit, Query};
use crate::document::indexed::Source;
use crate::document::stretches::Offsets;
use file_text::FileText;
use std::ops::Range;
use std::sync::Arc;

#[path = "file_text.rs"]
mod file_text;

/// Bytes read at a time: big enough that a read costs little beside the search of it,
/// small enough to stay in the caches (the pages come from the kernel's page cache).
const CHUNK: usize = 4 << 20;

/// Bytes read past a chunk for a match starting in it to end in.
const OVERLAP: usize = 64 << 10;

/// A search of a text read on demand, under way (see the module's docs).
#[derive(Debug)]
pub struct FileSearch {
    query: Query,
    forward: bool,
    source: Arc<dyn Source>,
    /// How the text's offsets are the file's.
    offsets: Offsets,
    /// Bytes of text searched at a time ([`CHUNK`] but in tests).
    chunk: usize,
    /// The end matches must end by: the range's going forward, the text's going back.
    end: usize,
    /// Passes still to do, the next last: the starts a match is looked for in, and
    /// whether they come after wrapping round. A forward pass reads its range from its
    /// start up; a backward one from its end down.
    passes: Vec<(Range<usize>, bool)>,
    done: usize,
    total: usize,
    read: FileText,
}

/// Where a search of a text read on demand is after a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileStep {
    /// Still going.
    Pending,
    /// Finished, with the match if there is one.
    Done(Option<Hit>),
    /// The text could not be read (the file changed, say): the search is over.
    Failed(String),
}

impl FileSearch {
    /// A search of the text `source` reads (`len` bytes) for `query`, from byte `at`,
    /// forward or back, for matches starting in `within`, wrapping round as
    /// [`Query::search`] does.
    pub fn new(
        query: &Query,
        (source, len): (Arc<dyn Source>, usize),
        within: Range<usize>,
        at: usize,
        forward: bool,
    ) -> Self {
        let within = within.start.min(len)..within.end.min(len);
        let at = at.clamp(within.start, within.end);
        let mut passes = match forward {
            true => vec![(at..within.end, false), (within.start..at, true)],
            false => vec![(within.start..at, false), (at..within.end, true)],
        };
        passes.reverse();
        Self {
            query: query.clone(),
            forward,
            source,
            offsets: Offsets::Same,
            chunk: CHUNK,
            end: if forward { within.end } else { len },
            passes,
            done: 0,
            total: within.len(),
            read: FileText::default(),
        }
    }

    /// [`FileSearch::new`] of a text whose offsets are the file's as `offsets` says.
    #[must_use]
    pub fn with_offsets(mut self, offsets: Offsets) -> Self {
        self.offsets = offsets;
        self
    }

    /// Reads about `budget` more bytes (at least one chunk).
    pub fn step(&mut self, budget: usize) -> FileStep {
        let mut spent = 0;
        while let Some((starts, wrapped)) = self.passes.last().cloned() {
            if spent >= budget.max(1) {
                return FileStep::Pending;
            }
            if starts.is_empty() {
                self.passes.pop();
                continue;
            }
            let chunk = match self.forward {
                true => starts.start..starts.end.min(starts.start.saturating_add(self.chunk)),
                false => starts.end.saturating_sub(self.chunk).max(starts.start)..starts.end,
            };
            let found = match self.chunk(chunk.clone()) {
                Ok(found) => found,
                Err(err) => {
                    self.passes.clear();
                    return FileStep::Failed(err.to_string());
                }
            };
            spent += chunk.len();
            self.done += chunk.len();
            if let Some(range) = found {
                self.passes.clear();
                return FileStep::Done(Some(Hit { range, wrapped }));
            }
            if let Some(pass) = self.passes.last_mut() {
                pass.0 = match self.forward {
                    true => chunk.end..starts.end,
                    false => starts.start..chunk.start,
                };
            }
        }
        FileStep::Done(None)
    }

    /// The first (forward) or last (backward) match starting in `chunk` (of the text).
    fn chunk(&mut self, chunk: Range<usize>) -> std::io::Result<Option<Range<usize>>> {
        let to = chunk
            .end
            .saturating_add(OVERLAP)
            .min(self.end)
            .max(chunk.end);
        let read = &mut self.read;
        read.fill(&*self.source, &self.offsets, chunk.start, to)?;
        // Matches end by `to`: what was read past it (the rest of an irregular stretch)
        // is left out.
        let tail = read.to_buf(to).min(read.buf.len());
        let bytes = &read.buf[..tail];
        // The chunk may begin and end inside a character: the bytes of it are left out.
        let head = bytes
            .iter()
            .take(3)
            .take_while(|&&b| b & 0xc0 == 0x80)
            .count();
        // Checked with SIMD: prose full of curly quotes and accents is checked by the
        // standard library at about a gigabyte a second, slower than it is searched.
        let text = match simdutf8::compat::from_utf8(&bytes[head..]) {
            Ok(text) => text,
            Err(e) if e.error_len().is_none() => {
                let end = head + e.valid_up_to();
                simdutf8::compat::from_utf8(&bytes[head..end]).unwrap_or_default()
            }
            Err(_) => return Err(std::io::Error::other("the story's file is no longer UTF-8")),
        };
        // Where the chunk's starts are in what was read: a character cut by either end
        // starts in the chunk before.
        let within =
            |at: usize| ceil_boundary(text, read.to_buf(at).saturating_sub(head).min(text.len()));
        let (first, last) = (within(chunk.start), within(chunk.end));
        let hit = match self.forward {
            // A match may end anywhere in what was read (which stops at `to`).
            true => self.query.search(text, first..text.len(), first, true),
            false => self.query.search(text, first..last, last, false),
        }
        .finish(text);
        let hit = hit.filter(|h| !h.wrapped && (first..last).contains(&h.range.start));
        Ok(hit.map(|h| read.to_text(head + h.range.start)..read.to_text(head + h.range.end)))
    }

    /// How far the search has gone, 0.0 to 1.0.
    pub fn progress(&self) -> f64 {
        match self.total {
            0 => 1.0,
            total => (self.done as f64 / total as f64).min(1.0),
        }
    }

    /// Whether it goes forward.
    pub fn forward(&self) -> bool {
        self.forward
    }

    /// What it looks for.
    pub fn query(&self) -> &Query {
        &self.query
    }
}

#[cfg(test)]
#[path = "on_file_tests.rs"]
mod tests;
