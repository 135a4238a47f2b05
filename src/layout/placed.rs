//! Lines their author set far to the right: a letter's closing and signature, a date
//! line, an exit in a play, a line centred by hand. Reflowed flush left they would read
//! as the start of the next paragraph, so they keep their place: as far across the
//! column as they were across the source's (taken as [`SOURCE`] columns wide), so that a
//! line set right stays right and one centred stays centred at any width.
//!
//! The evidence is the source's indentation: a block of a line or a few, every line set
//! in at least [`FAR`] columns (a typewriter paragraph's indent is five or eight).

use crate::document::verse::VerseLine;
use crate::text_width::str_width;

/// Indentation, in columns, from which a short block is set far to the right.
const FAR: usize = 20;
/// Lines, at most, of a block so set (a closing, a signature and a date).
const LINES: usize = 3;
/// The width most plain texts are wrapped to, and the reader's column: the source's
/// width when its lines do not reach further.
const SOURCE: usize = 72;

/// The columns before a one-line paragraph (`line`, its source line) set far to the
/// right, when it fits in `width`; else 0.
pub(super) fn paragraph(line: &str, width: usize) -> usize {
    // The indent first: most paragraphs have none, and are not scanned for a `\n`.
    let text = line.trim_start_matches(' ');
    let indent = line.len() - text.len();
    if indent < FAR || line.contains('\n') {
        return 0;
    }
    across(indent, str_width(text.trim_end()), width)
}

/// The columns before a short verse block set far to the right (its least indent
/// `least`), so that its widest line still fits `width`; 0 for any other block.
pub(super) fn verse(lines: &[VerseLine], least: usize, width: usize) -> usize {
    let written = || lines.iter().filter(|l| l.start < l.end);
    if least < FAR || written().count() > LINES {
        return 0;
    }
    let widest = written()
        .map(|l| l.indent - least + l.width)
        .max()
        .unwrap_or(0);
    across(least, widest, width)
}

/// Where something `shown` columns wide, `indent` columns in from the source's margin,
/// starts in a column `width` wide: at the same fraction of the room to its side.
fn across(indent: usize, shown: usize, width: usize) -> usize {
    let room = width.saturating_sub(shown);
    let source_room = SOURCE.max(indent + shown) - shown;
    (indent * room + source_room / 2) / source_room.max(1)
}

#[cfg(test)]
mod tests {
    use super::paragraph;

    #[test]
    fn a_far_line_keeps_its_place_across_the_column() {
        // Right-aligned at 72 columns: right-aligned at any width.
        let signed = format!("{}\"ANNA MILLER.\"", " ".repeat(72 - 14));
        assert_eq!(paragraph(&signed, 72), 58);
        assert_eq!(paragraph(&signed, 40), 40 - 14);
        // Centred at 72 columns: centred at 40.
        let centred = format!("{}DISSOLVED.", " ".repeat(31));
        assert_eq!(paragraph(&centred, 40), 15);
        assert_eq!(paragraph(&signed, 10), 0);
        assert_eq!(paragraph("        A typewriter paragraph.", 80), 0);
    }
}
