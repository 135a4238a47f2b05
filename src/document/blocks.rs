//! Finding the story's blocks in one linear pass.

use super::{Block, BlockKind};
use std::ops::Range;

/// STUB (to be replaced): every run of non-blank lines is one paragraph.
pub fn detect(text: &str, body: Range<usize>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = body.start;
    let mut pos = body.start;
    for line in text[body.clone()].split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                blocks.push(Block {
                    kind: BlockKind::Paragraph,
                    range: s..end,
                });
            }
        } else {
            start.get_or_insert(pos);
            end = pos + content.len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            range: s..end,
        });
    }
    blocks
}
