//! Optimal-fit line breaking: a paragraph's breaks chosen together, so that its lines are
//! evenly full, with textwrap's `wrap_optimal_fit` (Knuth and Plass's idea, computed with
//! the SMAWK algorithm) over our own fragments.
//!
//! Only a paragraph that is a block of its own is broken this way: verse and preformatted
//! blocks keep their lines, headings are centred anyway, and the pieces of a very long
//! paragraph (which the document cuts so that no block is huge) are joined at seams found
//! by first fit. A paragraph of more than [`OPTIMAL_MAX_WORDS`] fragments keeps first fit
//! too, so that the cost of one page stays bounded whatever the story.

use super::typography::LineEnd;
use super::wrap::{line_of, Frag};
use super::{LineStyle, ScreenLine};
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::{wrap_optimal_fit, Penalties};

/// The most fragments (words, and pieces of hyphenated words) a paragraph may have and
/// still be broken with optimal fit. The work grows about linearly with them (SMAWK), a
/// few times first fit's; a page never wraps more than a screenful of paragraphs, so at
/// this bound a page stays well under a millisecond. Longer paragraphs fall back to first
/// fit.
pub const OPTIMAL_MAX_WORDS: usize = 2_000;

impl Fragment for Frag {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.gap as f64
    }
    fn penalty_width(&self) -> f64 {
        self.pen() as f64
    }
}

/// Appends the lines of a paragraph's `frags` at `width` (the first line `indent`
/// narrower) broken with optimal fit; `false`, with nothing appended, when the paragraph
/// is too long for it (see [`OPTIMAL_MAX_WORDS`]) or textwrap cannot break it.
pub(super) fn emit(frags: &[Frag], width: usize, indent: usize, out: &mut Vec<ScreenLine>) -> bool {
    if frags.is_empty() || frags.len() > OPTIMAL_MAX_WORDS {
        return false;
    }
    let widths = [(width - indent) as f64, width as f64];
    let Ok(lines) = wrap_optimal_fit(frags, &widths, &Penalties::default()) else {
        return false;
    };
    let mut indent = indent;
    for line in lines.iter().filter(|l| !l.is_empty()) {
        out.push(line_of(
            line,
            std::mem::take(&mut indent),
            LineStyle::Text,
            false,
        ));
    }
    if let Some(last) = out.last_mut() {
        last.end = LineEnd::Last;
    }
    true
}
