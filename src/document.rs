//! A story as text plus structure: decoding, normalisation and block detection.
//!
//! [`Document::from_bytes`] turns the bytes of a file into normalised text (UTF-8, LF line
//! ends, no BOM, tabs expanded, terminal escapes removed) and a list of [`Block`]s found in
//! one linear pass. Each block is a byte range into that text; nothing is copied.

pub mod blocks;
pub mod breaks;
pub mod build;
pub mod charset;
pub mod decode;
pub mod detect;
pub mod gutenberg;
pub mod indexed;
pub mod indexing;
pub mod line_ends;
pub mod load;
pub mod normalise;
mod par;
pub mod quote;
pub mod stretches;
mod text;
pub mod verse;
pub mod windows;

use std::ops::Range;

pub use charset::Charset;
pub use decode::{Guess, LoadError};
pub use text::{MappedText, Text};

/// What a block is, which decides how it is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// Reflowable prose: line breaks inside the block are soft (joined with a space, or
    /// with nothing between two CJK characters).
    Paragraph,
    /// Line breaks are kept: poems, songs, letters' address blocks, tables, code. A long
    /// line continued on a deeper (hanging) indent stays one line.
    Verse,
    /// A chapter or section title: shown bold and centred, listed in the table of contents.
    Heading,
    /// `* * *`, `---`, `#` and the like: shown centred.
    SceneBreak,
}

/// One structural unit of the story: a byte range of the normalised text.
///
/// `range` starts at the start of the block's first line (indentation included) and ends
/// at the end of its last line (the final `\n` excluded), except for the pieces of a block
/// too long for one (see `blocks::split`): no `\n` lies between two pieces, which is how the
/// layout knows to lay them out as one.
///
/// Twelve bytes: a gigabyte of short lines (a play's speeches) has some ten million
/// blocks, held while the story is indexed and read, so the range is kept as its start
/// in two parts (48 bits: 256 TB) and a length (no block is near 4 GB long: see
/// `blocks::split`). On a gigabyte of novels, in Windows-1252 and held whole, that is
/// some 25 MB less resident than a `usize` start took.
#[derive(Clone, PartialEq, Eq)]
pub struct Block {
    /// The start's low 32 bits.
    low: u32,
    len: u32,
    /// The start's bits above those.
    high: u16,
    pub kind: BlockKind,
}

const _: () = assert!(std::mem::size_of::<Block>() == 12);

impl Block {
    /// The longest range a block can hold (blocks are cut far shorter than this).
    pub const MAX_LEN: usize = u32::MAX as usize;

    /// A block of `kind` over `range`, which must be at most [`Block::MAX_LEN`] bytes long
    /// (the blocks found are: see `blocks::split`; a longer one would end early) and
    /// start before 256 TB.
    pub fn new(kind: BlockKind, range: Range<usize>) -> Self {
        let len = range.end.saturating_sub(range.start);
        debug_assert!(len <= Self::MAX_LEN, "a block of {len} bytes");
        let start = range.start as u64;
        debug_assert!(start >> 48 == 0, "a block at byte {start}");
        Self {
            kind,
            low: u32::try_from(start & u64::from(u32::MAX)).unwrap_or(0),
            high: u16::try_from(start >> 32).unwrap_or(u16::MAX),
            len: u32::try_from(len).unwrap_or(u32::MAX),
        }
    }

    /// The bytes of the text the block covers.
    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    /// Where the block starts in the text.
    pub fn start(&self) -> usize {
        crate::saturating::usize_from(u64::from(self.high) << 32 | u64::from(self.low))
    }

    /// Where the block ends in the text (exclusive).
    pub fn end(&self) -> usize {
        self.start() + self.len as usize
    }

    /// Moves the block's end to `end` (at or after its start, at most [`Block::MAX_LEN`]
    /// from it).
    pub fn set_end(&mut self, end: usize) {
        *self = Self::new(self.kind, self.start()..end);
    }
}

impl std::fmt::Debug for Block {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Block")
            .field("kind", &self.kind)
            .field("range", &self.range())
            .finish()
    }
}

/// A decoded, normalised story and its blocks.
#[derive(Debug, Clone)]
pub struct Document {
    text: Text,
    blocks: Vec<Block>,
    body: Range<usize>,
    charset: Charset,
    guess: Guess,
    /// Places known as a byte of the file and of the text, in order (see [`build`]).
    anchors: Vec<build::Anchor>,
    /// The statistics the blocks were classified by, when they are the whole text's own
    /// (not a window's, classified with evidence from elsewhere).
    summary: Option<blocks::Summary>,
}

impl Document {
    /// Decodes `bytes` (BOM, UTF-8, or detected legacy encoding unless `forced`),
    /// normalises the text and finds its blocks.
    pub fn from_bytes(bytes: &[u8], forced: Option<Charset>) -> Result<Self, LoadError> {
        load::whole(bytes.to_vec(), forced)
    }

    /// Like [`Document::from_bytes`], but takes the bytes, so a clean UTF-8 file (the
    /// common case) becomes the document's text without being copied.
    pub fn from_vec(bytes: Vec<u8>, forced: Option<Charset>) -> Result<Self, LoadError> {
        load::whole(bytes, forced)
    }

    /// Normalises already-decoded text and finds its blocks.
    pub fn from_text(raw: &str) -> Self {
        let text = normalise::normalise(raw);
        let body = gutenberg::body(&text);
        let blocks = blocks::detect(&text, body.clone());
        Self::from_parts(text, blocks, body)
    }

    /// A document from already-normalised text and blocks found elsewhere (for tests and
    /// benchmarks of the layout). `blocks` must be sorted, non-overlapping ranges on char
    /// boundaries inside `body`.
    pub fn from_parts(text: String, blocks: Vec<Block>, body: Range<usize>) -> Self {
        Self {
            text: Text::Made(text),
            blocks,
            body,
            charset: charset::UTF_8,
            guess: Guess::default(),
            anchors: vec![build::Anchor { raw: 0, text: 0 }],
            summary: None,
        }
    }

    /// The last anchor at or before byte `offset` of the text: where a window of the file
    /// must start to hold `offset` (see [`load::window`]).
    pub fn anchor_before(&self, offset: usize) -> build::Anchor {
        let after = self.anchors.partition_point(|a| a.text <= offset as u64);
        self.anchors
            .get(after.wrapping_sub(1))
            .copied()
            .unwrap_or(build::Anchor { raw: 0, text: 0 })
    }

    /// The normalised text: UTF-8 with `\n` line ends.
    pub fn text(&self) -> &str {
        self.text.as_str()
    }

    /// The statistics the story's blocks were classified by, when this is a whole story
    /// read at once (see [`blocks::Summary`]); `None` for a window of one.
    pub fn summary(&self) -> Option<&blocks::Summary> {
        self.summary.as_ref()
    }

    /// The blocks of the story proper, in order; boilerplate has none.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The byte range of the story proper: after any Project Gutenberg header and before
    /// any footer. Everything outside it is kept in the text but never shown.
    pub fn body(&self) -> Range<usize> {
        self.body.clone()
    }

    /// Name of the encoding the bytes were decoded from (e.g. `"windows-1252"`).
    pub fn encoding(&self) -> &'static str {
        self.charset.name()
    }

    /// The encoding the bytes were decoded from.
    pub fn charset(&self) -> Charset {
        self.charset
    }

    /// How sure detection was, and the other plausible encodings (best first).
    pub fn guess(&self) -> &Guess {
        &self.guess
    }

    /// Index of the block that contains `offset`, or, when `offset` falls between blocks,
    /// of the block before it (the first block when it is before all of them).
    /// `None` only when there are no blocks. O(log blocks).
    pub fn block_index_at(&self, offset: usize) -> Option<usize> {
        if self.blocks.is_empty() {
            return None;
        }
        let after = self.blocks.partition_point(|b| b.start() <= offset);
        Some(after.saturating_sub(1))
    }
}

#[cfg(test)]
mod block_tests {
    use super::*;

    #[test]
    fn a_block_keeps_its_range_past_four_gigabytes() {
        for start in [0, 7, u32::MAX as usize, (1 << 32) + 5, (1 << 47) + 12_345] {
            let mut b = Block::new(BlockKind::Verse, start..start + 300);
            assert_eq!(b.range(), start..start + 300);
            assert_eq!(b.kind, BlockKind::Verse);
            b.set_end(start + 10);
            assert_eq!((b.start(), b.end()), (start, start + 10));
        }
    }
}
