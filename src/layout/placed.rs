//! Lines their author set far to the right: a letter's closing and signature, a date
//! line. Reflowed flush left they would read as the start of the next paragraph, so they
//! keep their place: their own indent when the column has room, else right-aligned.
//!
//! The evidence is the source's indentation: a block of a line or a few, every line set
//! in at least [`FAR`] columns (a typewriter paragraph's indent is five or eight).

use crate::document::verse::VerseLine;
use crate::text_width::str_width;

/// Indentation, in columns, from which a short block is set far to the right.
const FAR: usize = 20;
/// Lines, at most, of a block so set (a closing, a signature and a date).
const LINES: usize = 3;

/// The columns before a one-line paragraph (`line`, its source line) set far to the
/// right, when it fits in `width` that way; else 0.
pub(super) fn paragraph(line: &str, width: usize) -> usize {
    if line.contains('\n') {
        return 0;
    }
    let text = line.trim_start_matches(' ');
    let indent = line.len() - text.len();
    if indent < FAR {
        return 0;
    }
    let shown = str_width(text.trim_end());
    indent.min(width.saturating_sub(shown))
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
    least.min(width.saturating_sub(widest))
}

#[cfg(test)]
mod tests {
    use super::paragraph;

    #[test]
    fn a_far_line_keeps_its_place_or_moves_to_the_right_edge() {
        let signed = format!("{}\"ANNA MILLER.\"", " ".repeat(47));
        assert_eq!(paragraph(&signed, 80), 47);
        assert_eq!(paragraph(&signed, 40), 40 - 14);
        assert_eq!(paragraph(&signed, 10), 0);
        assert_eq!(paragraph("        A typewriter paragraph.", 80), 0);
    }
}
