//! The story as plain reflowed text, for `--print` and pipes.

use crate::document::Document;
use crate::layout::{Layout, LineStyle};
use std::io::{self, Write};

/// Writes every block of `doc` wrapped at `width` columns: headings and scene breaks
/// centred, one blank line between blocks, boilerplate left out.
pub fn print(doc: &Document, width: u16, out: &mut impl Write) -> io::Result<()> {
    let mut layout = Layout::new(width);
    let text = doc.text();
    for block in 0..doc.blocks().len() {
        for line in layout.block_lines(doc, block).iter() {
            let shown = line.display(text);
            let pad = match line.style {
                LineStyle::Heading | LineStyle::SceneBreak => {
                    usize::from(width.saturating_sub(line.width) / 2)
                }
                LineStyle::Text | LineStyle::Blank => usize::from(line.indent),
            };
            if shown.is_empty() {
                out.write_all(b"\n")?;
            } else {
                writeln!(out, "{:pad$}{shown}", "")?;
            }
        }
    }
    out.flush()
}
