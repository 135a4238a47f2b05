//! The story as plain reflowed text, for `--print` and pipes.

use crate::document::Document;
use crate::layout::{push_plain_block, LineStyle, Typography, Wrapper};
use crate::sanitise;
use std::borrow::Cow;
use std::io::{self, Write};

/// Bytes gathered before each write: big enough that writes are few, small enough that
/// memory does not grow with the book.
const CHUNK: usize = 1 << 16;

/// Writes every block of `doc` wrapped at `width` columns: headings and scene breaks
/// centred, one blank line between blocks, boilerplate left out. What is written is
/// [`sanitise::text`]: no control character from the story reaches the output.
///
/// Wraps block by block with a bare `Wrapper` rather than a cached `Layout`: each block
/// is seen once, so caching would only cost time, and the buffers are reused throughout.
pub fn print(doc: &Document, width: u16, out: &mut impl Write) -> io::Result<()> {
    print_from(doc, 0, width, Typography::default(), out)
}

/// [`print()`] from the block holding byte `from` of the text on (`--bookmark` in a pipe),
/// set as `typography` says (`--justify`, `--hyphenate`, `--indent`).
pub fn print_from(
    doc: &Document,
    from: usize,
    width: u16,
    typography: Typography,
    out: &mut impl Write,
) -> io::Result<()> {
    print_blocks(doc, from, width, typography, true, out)
}

/// [`print_from`], with the one-pass path for plain blocks ([`push_plain_block`]) or
/// without it (`fast == false`: what the tests compare it with).
fn print_blocks(
    doc: &Document,
    from: usize,
    width: u16,
    typography: Typography,
    fast: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut buf = String::with_capacity(CHUNK + 1024);
    push_blocks(doc, from, width, typography, fast, &mut buf, |buf| {
        out.write_all(sanitise::text(buf).as_bytes())?;
        buf.clear();
        Ok(())
    })?;
    out.write_all(sanitise::text(&buf).as_bytes())?;
    out.flush()
}

/// The text [`print()`] writes for `doc`, whole, in `buf` (emptied first): for a window
/// of a big story, printed on one thread and written on another, so it is pushed straight
/// into the one string (not copied through a writer), one reused from window to window.
pub(crate) fn print_into(doc: &Document, width: u16, typography: Typography, buf: &mut String) {
    buf.clear();
    buf.reserve(doc.text().len() + doc.text().len() / 8);
    let pushed = push_blocks(doc, 0, width, typography, true, buf, |_| Ok(()));
    debug_assert!(pushed.is_ok(), "nothing is written");
    if let Cow::Owned(clean) = sanitise::text(buf) {
        *buf = clean;
    }
}

/// Pushes the printed text of `doc`'s blocks from the one holding byte `from` on into
/// `buf`, calling `spill` each time `buf` holds [`CHUNK`] bytes or more (to write them
/// and empty it, or to let it grow).
fn push_blocks(
    doc: &Document,
    from: usize,
    width: u16,
    typography: Typography,
    fast: bool,
    buf: &mut String,
    mut spill: impl FnMut(&mut String) -> io::Result<()>,
) -> io::Result<()> {
    let text = doc.text();
    let first = doc.blocks().partition_point(|b| b.end() <= from);
    let mut wrapper = Wrapper::default();
    wrapper.set_typography(typography);
    let mut lines = Vec::new();
    let mut shown = String::new();
    let mut spilled = 0;
    for block in first..doc.blocks().len() {
        if fast && push_plain_block(doc, block, width, typography, buf) {
            if buf.len() >= spilled + CHUNK {
                spill(buf)?;
                spilled = buf.len();
            }
            continue;
        }
        lines.clear();
        wrapper.wrap_block(doc, block, width, &mut lines);
        for line in &lines {
            let pad = match line.style {
                LineStyle::Heading | LineStyle::SceneBreak => {
                    usize::from(width.saturating_sub(line.width) / 2)
                }
                LineStyle::Text | LineStyle::Blank => usize::from(line.indent),
            };
            if line.range.is_empty() {
                buf.push('\n');
            } else {
                buf.extend(std::iter::repeat_n(' ', pad));
                if typography.justify && line.is_justifiable() {
                    shown.clear();
                    line.push_display(text, &mut shown);
                    let room = usize::from(width.saturating_sub(line.indent));
                    match line.spread(&shown, room, typography) {
                        Some(spread) => buf.push_str(&spread.text),
                        None => buf.push_str(&shown),
                    }
                } else {
                    line.push_display(text, buf);
                }
                buf.push('\n');
            }
        }
        if buf.len() >= spilled + CHUNK {
            spill(buf)?;
            spilled = buf.len();
        }
    }
    Ok(())
}

mod windows;

pub use windows::{print_windows, ReadFailed};

#[cfg(test)]
mod tests;
