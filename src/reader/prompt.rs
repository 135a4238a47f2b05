//! The one-line prompt in the status bar (search, percent, bookmark rename) and its
//! editing keys: a cursor that moves by grapheme cluster (what is drawn as one
//! character: a flag, an emoji family, a letter and its accents), and deletion by
//! cluster, word or to the start, as in a shell's line editor. The cursor is never
//! inside a cluster, where it could not be drawn.

use crate::text_width::{next_cut, prev_cut};

/// What a prompt asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    Search,
    Percent,
    /// A page number (`:`).
    Page,
    /// A new label for the bookmark with this id.
    Rename(String),
}

/// An editing key in a prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Left,
    Right,
    Home,
    End,
    /// Delete: the character under the cursor.
    DeleteForward,
    /// Ctrl-U: everything before the cursor.
    ClearToStart,
    /// Ctrl-W: the word before the cursor (and the spaces after it).
    DeleteWord,
}

/// A one-line prompt in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: String,
    /// Where typing goes: a byte offset into `input`, on a cluster boundary (once typing
    /// is done: a combining mark typed extends the cluster before the cursor).
    pub cursor: usize,
}

impl Prompt {
    /// A prompt holding `input`, the cursor after it (typing appends).
    pub fn new(kind: PromptKind, input: &str) -> Self {
        Self {
            kind,
            input: input.to_owned(),
            cursor: input.len(),
        }
    }

    /// The text shown before the input.
    pub fn label(&self) -> &'static str {
        match self.kind {
            PromptKind::Search => "/",
            PromptKind::Percent => "go to percent: ",
            PromptKind::Page => "go to page: ",
            PromptKind::Rename(_) => "rename bookmark: ",
        }
    }

    /// Types `c` at the cursor.
    pub fn insert(&mut self, c: char) {
        self.input.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    /// Deletes the cluster before the cursor; false when there is none (the prompt
    /// stays open all the same: a Backspace too many must not close it).
    pub fn backspace(&mut self) -> bool {
        if self.cursor == 0 {
            return false;
        }
        let start = prev_cut(&self.input, self.cursor);
        self.input.replace_range(start..self.cursor, "");
        self.cursor = start;
        true
    }

    /// Applies an editing key.
    pub fn edit(&mut self, edit: Edit) {
        let before = &self.input[..self.cursor];
        match edit {
            Edit::Left => self.cursor = prev_cut(&self.input, self.cursor),
            Edit::Right => self.cursor = next_cut(&self.input, self.cursor),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.input.len(),
            Edit::DeleteForward => {
                let end = next_cut(&self.input, self.cursor);
                self.input.replace_range(self.cursor..end, "");
            }
            Edit::ClearToStart => {
                self.input.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            Edit::DeleteWord => {
                let trimmed = before.trim_end();
                let start = trimmed
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                self.input.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
        }
    }

    /// The input split at the cursor, to draw it between the two halves.
    pub fn split(&self) -> (&str, &str) {
        self.input.split_at(self.cursor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(input: &str, cursor: usize) -> Prompt {
        Prompt {
            kind: PromptKind::Search,
            input: input.into(),
            cursor,
        }
    }

    /// Start, cursor, edits, typed after them, expected input and cursor.
    type Case = (
        &'static str,
        usize,
        &'static [Edit],
        &'static str,
        &'static str,
        usize,
    );

    #[test]
    fn editing_keys_move_and_delete_at_the_cursor_with_wide_characters() {
        let table: &[Case] = &[
            ("あいう", 9, &[Edit::Left], "x", "あいxう", 7),
            ("あいう", 9, &[Edit::Home, Edit::Right], "x", "あxいう", 4),
            ("🐶🐱👪", 0, &[Edit::End], "!", "🐶🐱👪!", 13),
            ("🐶🐱👪", 4, &[Edit::DeleteForward], "", "🐶👪", 4),
            ("old label", 9, &[Edit::ClearToStart], "new", "new", 3),
            (
                "the old  label",
                14,
                &[Edit::DeleteWord],
                "",
                "the old  ",
                9,
            ),
            ("the old  ", 9, &[Edit::DeleteWord], "", "the ", 4),
            ("one two", 3, &[Edit::DeleteWord], "", " two", 0),
            ("one two", 3, &[Edit::ClearToStart], "", " two", 0),
            (
                "",
                0,
                &[Edit::Left, Edit::DeleteWord, Edit::DeleteForward],
                "",
                "",
                0,
            ),
            ("ab", 2, &[Edit::Right, Edit::DeleteForward], "", "ab", 2),
            // A flag and an emoji family are one step and one deletion each.
            (
                "🇯🇵👨\u{200D}👧",
                0,
                &[Edit::Right],
                "x",
                "🇯🇵x👨\u{200D}👧",
                9,
            ),
            (
                "🇯🇵👨\u{200D}👧",
                19,
                &[Edit::Left],
                "x",
                "🇯🇵x👨\u{200D}👧",
                9,
            ),
            (
                "🇯🇵👨\u{200D}👧",
                0,
                &[Edit::DeleteForward],
                "",
                "👨\u{200D}👧",
                0,
            ),
        ];
        for &(start, cursor, edits, typed, want, want_cursor) in table {
            let mut p = at(start, cursor);
            for &e in edits {
                p.edit(e);
            }
            typed.chars().for_each(|c| p.insert(c));
            assert_eq!(
                (p.input.as_str(), p.cursor),
                (want, want_cursor),
                "{start} {edits:?}"
            );
        }
    }

    #[test]
    fn backspace_deletes_before_the_cursor_and_does_nothing_at_the_start() {
        let mut p = at("aé", 3);
        assert!(p.backspace());
        assert_eq!((p.input.as_str(), p.cursor), ("a", 1));
        p.edit(Edit::Home);
        assert!(!p.backspace());
        assert_eq!(p.input, "a");
        // A Thai syllable with its vowel and tone mark goes in one.
        let mut p = at("ab\u{E17}\u{E35}\u{E48}", 11);
        assert!(p.backspace());
        assert_eq!((p.input.as_str(), p.cursor), ("ab", 2));
    }
}
