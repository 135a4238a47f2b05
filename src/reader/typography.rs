//! `J`, `H` and `P`: justified or ragged lines, hyphenated words or whole ones, indented
//! paragraphs or paragraphs spaced by a blank line.

use super::Reader;
use crate::layout::Typography;

/// The fewest rows of text margins leave on a page.
const MIN_PAGE: u16 = 10;

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

    /// Blank rows above and below the page: as set, but fewer on a short window, so that
    /// the page keeps at least ten rows.
    pub fn margin(&self) -> u16 {
        let room = self.size.1.saturating_sub(1 + MIN_PAGE) / 2;
        self.margin.min(room)
    }

    /// Sets the top and bottom margins (`margin` in the settings), in rows.
    pub fn set_margin(&mut self, rows: u16) {
        if rows == self.margin {
            return;
        }
        self.margin = rows;
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
        if setting == Setting::Hyphenate && on {
            // Which patterns, guessed or set: the reader can tell a wrong guess.
            match self.layout.hyphenation(&self.doc) {
                Some(lang) => self.say(format!("words hyphenated ({})", lang.name())),
                None => self.say("words kept whole: no hyphenation patterns for this script"),
            }
            return;
        }
        self.say(what[usize::from(!on)]);
    }
}
