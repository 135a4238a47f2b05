//! Searching a text that is not held but read on demand (a big story let go once indexed:
//! see [`crate::document::indexed::Indexed::let_go`]): the same query over the same range
//! as [`Query::search`], read a chunk at a time into one buffer that is reused, each chunk
//! searched as it is (the text is the file's bytes, so nothing is made of them but a
//! check that they are still UTF-8).
//!
//! The text may also be the file's bytes but for CRLF line ends (see
//! [`crate::document::line_ends`]): the file's bytes are searched as they are all the
//! same, and the range and the match moved between the file's offsets and the text's.
//! A match is the same in both: a query never starts or ends with whitespace and takes
//! any run of it for its own (`\s+`), a CR is whitespace, and where the query's optional
//! line break (`[^\S\n]*\n\s*`, after a hyphen) takes an LF in the text it takes the
//! CR before it in the file (`[^\S\n]*` takes any whitespace but LF). A CR alone, which
//! the text makes LF, would not be taken so: a file holding one is not read this way.
//!
//! A chunk is searched for the matches that start in it, with [`OVERLAP`] more bytes
//! after it for a match to run on into: a match longer than that (a query of a few words
//! across a run of thousands of blank lines) is not found, which no reader will miss.

use super::{Hit, Query};
use crate::document::indexed::Source;
use crate::document::line_ends::Offsets;
use std::ops::Range;
use std::sync::Arc;

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
    /// The range and the passes below are in the file's offsets (from the first step
    /// on; before it they are the text's).
    in_file: bool,
    /// Bytes read at a time ([`CHUNK`] but in tests).
    chunk: usize,
    /// The end matches must end by: the range's going forward, the text's going back.
    end: usize,
    /// Passes still to do, the next last: the starts a match is looked for in, and
    /// whether they come after wrapping round. A forward pass reads its range from its
    /// start up; a backward one from its end down.
    passes: Vec<(Range<usize>, bool)>,
    done: usize,
    total: usize,
    buf: Vec<u8>,
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
            in_file: false,
            chunk: CHUNK,
            end: if forward { within.end } else { len },
            passes,
            done: 0,
            total: within.len(),
            buf: Vec::new(),
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
        if let Err(err) = self.move_into_file() {
            self.passes.clear();
            return FileStep::Failed(err.to_string());
        }
        match self.step_in_file(budget) {
            FileStep::Done(Some(Hit { range, wrapped })) => {
                let source = &*self.source;
                let text = |at| self.offsets.to_text(source, at);
                match text(range.start).and_then(|s| Ok(s..text(range.end)?)) {
                    Ok(range) => FileStep::Done(Some(Hit { range, wrapped })),
                    Err(err) => FileStep::Failed(err.to_string()),
                }
            }
            step => step,
        }
    }

    /// Before the first step: the range and the passes in the file's offsets.
    fn move_into_file(&mut self) -> std::io::Result<()> {
        if std::mem::replace(&mut self.in_file, true) {
            return Ok(());
        }
        if let Offsets::LessCrs(_) = self.offsets {
            let source = &*self.source;
            let raw = |at: usize| self.offsets.to_raw(source, at);
            self.end = raw(self.end)?;
            for i in 0..self.passes.len() {
                let pass = self.passes[i].0.clone();
                self.passes[i].0 = raw(pass.start)?..raw(pass.end)?;
            }
            self.total = self.passes.iter().map(|p| p.0.len()).sum();
        }
        Ok(())
    }

    /// [`FileSearch::step`] in the file's offsets.
    fn step_in_file(&mut self, budget: usize) -> FileStep {
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

    /// The first (forward) or last (backward) match starting in `chunk`.
    fn chunk(&mut self, chunk: Range<usize>) -> std::io::Result<Option<Range<usize>>> {
        let to = chunk
            .end
            .saturating_add(OVERLAP)
            .min(self.end)
            .max(chunk.end);
        self.buf.resize(to - chunk.start, 0);
        let mut got = 0;
        while got < self.buf.len() {
            let n = (self.source).read_at((chunk.start + got) as u64, &mut self.buf[got..])?;
            if n == 0 {
                break;
            }
            got += n;
        }
        if got < chunk.len() {
            return Err(std::io::Error::other(
                "the story's file is shorter than its text",
            ));
        }
        let bytes = &self.buf[..got];
        // The chunk may begin and end inside a character: the bytes of it are left out.
        let skip = bytes
            .iter()
            .take(3)
            .take_while(|&&b| b & 0xc0 == 0x80)
            .count();
        // Checked with SIMD: prose full of curly quotes and accents is checked by the
        // standard library at about a gigabyte a second, slower than it is searched.
        let text = match simdutf8::compat::from_utf8(&bytes[skip..]) {
            Ok(text) => text,
            Err(e) if e.error_len().is_none() => {
                let end = skip + e.valid_up_to();
                simdutf8::compat::from_utf8(&bytes[skip..end]).unwrap_or_default()
            }
            Err(_) => return Err(std::io::Error::other("the story's file is no longer UTF-8")),
        };
        let base = chunk.start + skip;
        let starts_end = chunk.end.saturating_sub(base).min(text.len());
        // Forward, a match may end anywhere in what was read (which stops at `end`);
        // back, the search's own passes start no match at or after `at`.
        let (within, at) = match self.forward {
            true => (0..text.len(), 0),
            false => {
                // A character cut by the chunk's end starts in this chunk (the next one
                // skips its last bytes): a match may start on it.
                let mut at = starts_end;
                while !text.is_char_boundary(at) {
                    at += 1;
                }
                (0..at, at)
            }
        };
        let hit = self
            .query
            .search(text, within, at, self.forward)
            .finish(text);
        Ok(hit
            .filter(|h| !h.wrapped && h.range.start < starts_end)
            .map(|h| base + h.range.start..base + h.range.end))
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
