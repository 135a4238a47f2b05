//! `J`, `H` and `P`: justified or ragged lines, hyphenated words or whole ones, indented
//! paragraphs or paragraphs spaced by a blank line.

use super::Reader;
use crate::layout::Typography;

/// Which setting a key toggles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Justify,
    Hyphenate,
    Indent,
}

impl Reader {
    /// How the lines are set.
    pub fn typography(&self) -> Typography {
        self.layout.typography()
    }

    /// Sets the lines as `typography` says (from the settings); the sentence at the top
    /// of the page stays there.
    pub fn set_typography(&mut self, typography: Typography) {
        if typography == self.layout.typography() {
            return;
        }
        self.layout.set_typography(typography);
        // The place is a byte offset: the line holding it may start elsewhere now.
        self.place = self.layout.line_start(&self.doc, self.place);
        self.refresh();
    }

    pub(super) fn toggle(&mut self, setting: Setting) {
        let mut t = self.typography();
        let (on, what) = match setting {
            Setting::Justify => {
                t.justify = !t.justify;
                (t.justify, ["lines justified", "lines ragged"])
            }
            Setting::Hyphenate => {
                t.hyphenate = !t.hyphenate;
                (t.hyphenate, ["words hyphenated", "words kept whole"])
            }
            Setting::Indent => {
                t.indent = !t.indent;
                (t.indent, ["paragraphs indented", "paragraphs spaced"])
            }
        };
        self.set_typography(t);
        self.say(what[usize::from(!on)]);
    }
}
