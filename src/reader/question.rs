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
        if yes && self.partial.is_some() {
            // A place in the whole story, on a window read there (see `on_file.rs`).
            self.go_whole(question.place);
            return Effect::None;
        }
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

#[cfg(test)]
mod tests {
    use super::Question;
    use crate::document::Document;
    use crate::reader::{Action, Effect, Reader};

    fn reader() -> Reader {
        let text: String = (1..=200).map(|i| format!("Line number {i}.\n\n")).collect();
        Reader::new(Document::from_text(&text), "t", (80, 24), 72)
    }

    #[test]
    fn yes_jumps_there_and_back_jump_returns() {
        let mut r = reader();
        let start = r.place();
        let there = r.document().text().find("Line number 150.").unwrap();
        r.ask(Question {
            text: "KOReader on Kobo is at 75 %, just now: jump there? y/n".into(),
            place: there + 3,
        });
        assert_eq!(
            r.message(),
            Some("KOReader on Kobo is at 75 %, just now: jump there? y/n")
        );
        assert_eq!(r.update(Action::Answer(true)), Effect::PlaceChanged);
        assert_eq!(r.place(), there);
        assert!(r.question().is_none());
        assert_ne!(
            r.message(),
            Some("KOReader on Kobo is at 75 %, just now: jump there? y/n")
        );
        r.update(Action::JumpBack);
        assert_eq!(r.place(), start);
    }

    #[test]
    fn no_stays_and_forgets_the_question() {
        let mut r = reader();
        let start = r.place();
        r.ask(Question {
            text: "jump? y/n".into(),
            place: 500,
        });
        assert_eq!(r.update(Action::Answer(false)), Effect::None);
        assert_eq!(r.place(), start);
        assert!(r.question().is_none());
        // An answer with no question does nothing.
        assert_eq!(r.update(Action::Answer(true)), Effect::None);
        assert_eq!(r.place(), start);
    }
}
