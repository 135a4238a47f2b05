//! What a streamed reading tells the index as the text is made (see
//! [`super::stream_built`]): the text and its anchors, and, for a UTF-8 file, where the
//! text is not the file's bytes as they are (see [`super::super::stretches`]).

use super::{Builder, Piped};
use crate::document::decode::Choice;

/// What was told so far.
pub(super) struct Told {
    /// The file is UTF-8: its pieces are surveyed.
    utf8: bool,
    charset: crate::document::Charset,
    /// Anchors told so far.
    anchors: usize,
    /// Irregular stretches told so far.
    irregular: usize,
    line_ends: bool,
    not_verbatim: bool,
}

impl Told {
    pub(super) fn new(choice: &Choice) -> Self {
        let utf8 = choice.charset == crate::document::charset::UTF_8;
        Self {
            utf8,
            charset: choice.charset,
            anchors: 0,
            irregular: 0,
            line_ends: false,
            not_verbatim: false,
        }
    }

    /// Whether the pieces are to be surveyed (see [`Builder::surveyed`]).
    pub(super) fn surveys(&self) -> bool {
        self.utf8
    }

    /// Before the first stretch: a text in another encoding is never the file's bytes.
    pub(super) fn start(&mut self, pipe: &mut dyn FnMut(Piped)) {
        if !self.utf8 {
            self.not_verbatim = true;
            pipe(Piped::NotVerbatim);
        }
    }

    /// Tells what `b` made since the last time: what normalising changed in it, its
    /// anchors, and its text.
    pub(super) fn tell(&mut self, b: &mut Builder, pipe: &mut dyn FnMut(Piped)) {
        // Invalid UTF-8 decoded as replacement characters: the text is not the file's
        // bytes from there on.
        if b.was_lossy() && !self.not_verbatim {
            self.not_verbatim = true;
            pipe(Piped::NotVerbatim);
        }
        if let Some(survey) = b.survey() {
            if survey.line_ends && !self.line_ends {
                self.line_ends = true;
                pipe(Piped::LineEnds);
            }
            if survey.irregular.len() > self.irregular {
                let more = survey.irregular[self.irregular..].to_vec();
                self.irregular = survey.irregular.len();
                pipe(Piped::Irregular(more));
            }
        }
        let anchors = b.anchors()[self.anchors..].to_vec();
        self.anchors += anchors.len();
        pipe(Piped::Anchors(anchors, self.charset));
        pipe(Piped::Text(b.take_text()));
    }
}
