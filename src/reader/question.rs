//! A question the shell puts to the reader on the page, answered `y` or `n`: so far only
//! "another device is further on: jump there?" (see [`crate::sync`]).

use super::{Effect, Reader};

/// A pending yes-or-no question and the place `y` goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Shown in the status bar until it is answered, ending in "y/n".
    pub text: String,
    /// Byte offset of the text to jump to on `y`.
    pub place: usize,
}

impl Reader {
    /// Asks `question` (replacing one not yet answered).
    pub fn ask(&mut self, question: Question) {
        self.question = Some(question);
    }

    pub fn question(&self) -> Option<&Question> {
        self.question.as_ref()
    }

    /// `y` jumps to the question's place (the old one goes on the back-jump list, so
    /// `` ` `` returns); `n` only closes it.
    pub(super) fn answer(&mut self, yes: bool) -> Effect {
        let Some(question) = self.question.take() else {
            return Effect::None;
        };
        if yes {
            let at = floor_char_boundary(self.doc.text(), question.place);
            let target = self.layout.line_start(&self.doc, at);
            self.back = Some(self.place);
            self.place = target;
            return Effect::PlaceChanged;
        }
        Effect::None
    }
}

fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
