//! The story as plain reflowed text, for `--print` and pipes.

use crate::document::Document;
use crate::layout::{push_plain_block, LineStyle, Typography, Wrapper};
use crate::sanitise;
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
    let text = doc.text();
    let first = doc.blocks().partition_point(|b| b.range.end <= from);
    let mut wrapper = Wrapper::default();
    wrapper.set_typography(typography);
    let mut lines = Vec::new();
    let mut buf = String::with_capacity(CHUNK + 1024);
    let mut shown = String::new();
    for block in first..doc.blocks().len() {
        if fast && push_plain_block(doc, block, width, typography, &mut buf) {
            if buf.len() >= CHUNK {
                out.write_all(sanitise::text(&buf).as_bytes())?;
                buf.clear();
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
                    line.push_display(text, &mut buf);
                }
                buf.push('\n');
            }
        }
        if buf.len() >= CHUNK {
            out.write_all(sanitise::text(&buf).as_bytes())?;
            buf.clear();
        }
    }
    out.write_all(sanitise::text(&buf).as_bytes())?;
    out.flush()
}

/// [`print()`] for a story read as consecutive windows (see
/// [`crate::document::windows::Windows`]): the first lines are written before the rest of
/// the file is read, and memory stays at a few windows.
///
/// Two stages on two threads: the next window is read, decoded and split into blocks
/// while the one before is wrapped and written, which nearly halves the time a big book
/// takes on two cores. The channel between them holds one window, so at most three are
/// in memory (one being made, one waiting, one being written).
pub fn print_windows(
    windows: impl Iterator<Item = io::Result<Document>> + Send,
    width: u16,
    typography: Typography,
    out: &mut impl Write,
) -> io::Result<()> {
    std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::sync_channel(1);
        scope.spawn(move || {
            for doc in windows {
                let failed = doc.is_err();
                // The writer has stopped (an output error): stop reading.
                if send.send(doc).is_err() || failed {
                    return;
                }
            }
        });
        let mut any = false;
        for doc in receive {
            let doc = doc?;
            if doc.blocks().is_empty() {
                continue;
            }
            // The blank line between the last block of one window and the first of the next.
            if any {
                out.write_all(b"\n")?;
            }
            any = true;
            print_from(&doc, 0, width, typography, out)?;
        }
        out.flush()
    })
}

#[cfg(test)]
mod tests;
