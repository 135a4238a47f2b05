//! The reader's modes over the page: prompts, the chapter and bookmark lists, help.

use super::{Action, Effect, Mode, Reader};
use crate::search::Query;

/// What a prompt asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    Search,
    Percent,
    /// A new label for the bookmark with this id.
    Rename(String),
}

/// A one-line prompt in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: String,
}

impl Prompt {
    pub fn new(kind: PromptKind, input: &str) -> Self {
        Self {
            kind,
            input: input.to_owned(),
        }
    }

    /// The text shown before the input.
    pub fn label(&self) -> &'static str {
        match self.kind {
            PromptKind::Search => "/",
            PromptKind::Percent => "go to percent: ",
            PromptKind::Rename(_) => "rename bookmark: ",
        }
    }
}

impl Reader {
    /// Handles an action in any mode but reading.
    pub(super) fn overlay(&mut self, action: Action) -> Effect {
        match std::mem::replace(&mut self.mode, Mode::Reading) {
            Mode::Reading => Effect::None,
            Mode::Help => {
                if !matches!(action, Action::Cancel | Action::Quit | Action::Help) {
                    self.mode = Mode::Help;
                }
                Effect::None
            }
            Mode::Prompt(prompt) => self.prompt(prompt, action),
            Mode::Chapters { selected } => {
                let len = self.chapters.len();
                match self.list(selected, len, &action) {
                    Ok(selected) => self.mode = Mode::Chapters { selected },
                    Err(Some(chosen)) => {
                        let offset = self.chapters[chosen].offset;
                        self.jump(offset);
                    }
                    Err(None) => {}
                }
                Effect::None
            }
            Mode::Bookmarks { selected } => self.bookmarks(selected, action),
            Mode::Encodings { selected } => self.encodings(selected, action),
            Mode::Stats(summary) => self.stats(summary, action),
        }
    }

    /// Moves a list selection: `Ok(new selection)` while the list stays open,
    /// `Err(Some(i))` when item `i` was chosen, `Err(None)` when the list was closed.
    pub(super) fn list(
        &self,
        selected: usize,
        len: usize,
        action: &Action,
    ) -> Result<usize, Option<usize>> {
        let last = len.saturating_sub(1);
        let page = self.page_height().saturating_sub(4).max(1);
        match action {
            Action::Down | Action::LineDown => Ok((selected + 1).min(last)),
            Action::Up | Action::LineUp => Ok(selected.saturating_sub(1)),
            Action::PageDown | Action::HalfPageDown => Ok((selected + page).min(last)),
            Action::PageUp | Action::HalfPageUp => Ok(selected.saturating_sub(page)),
            Action::Top => Ok(0),
            Action::Bottom => Ok(last),
            Action::Submit if len > 0 => Err(Some(selected.min(last))),
            Action::Cancel | Action::Quit => Err(None),
            _ => Ok(selected),
        }
    }

    pub(super) fn open_chapters(&mut self) {
        if self.chapters.is_empty() {
            self.say("no chapters found in this story");
            return;
        }
        let selected = crate::toc::current(&self.chapters, self.place).unwrap_or(0);
        self.mode = Mode::Chapters { selected };
    }

    pub(super) fn open_bookmarks(&mut self) {
        if self.marks.is_empty() {
            self.say("no bookmarks yet: press m to add one");
            return;
        }
        let selected = self
            .marks
            .iter()
            .rposition(|m| m.offset <= self.place)
            .unwrap_or(0);
        self.mode = Mode::Bookmarks { selected };
    }

    fn bookmarks(&mut self, selected: usize, action: Action) -> Effect {
        let Some(mark) = self.marks.get(selected).cloned() else {
            return Effect::None;
        };
        match action {
            Action::Delete => {
                self.mode = Mode::Bookmarks { selected };
                self.say(format!("deleted bookmark: {}", mark.label));
                return Effect::DeleteBookmark { id: mark.id };
            }
            Action::Rename => {
                let prompt = Prompt::new(PromptKind::Rename(mark.id), &mark.label);
                self.mode = Mode::Prompt(prompt);
                return Effect::None;
            }
            _ => {}
        }
        match self.list(selected, self.marks.len(), &action) {
            Ok(selected) => self.mode = Mode::Bookmarks { selected },
            Err(Some(chosen)) => {
                let offset = self.marks[chosen].offset;
                self.jump(offset);
            }
            Err(None) => {}
        }
        Effect::None
    }

    fn prompt(&mut self, mut prompt: Prompt, action: Action) -> Effect {
        match action {
            Action::Input(c)
                if prompt.kind != PromptKind::Percent || c.is_ascii_digit() || c == '.' =>
            {
                prompt.input.push(c);
            }
            Action::Digit(d) => prompt.input.push(char::from(b'0' + d)),
            // Backspace on an empty prompt closes it.
            Action::Backspace if prompt.input.pop().is_none() => return Effect::None,
            Action::Cancel => return Effect::None,
            Action::Submit => return self.submit(prompt),
            _ => {}
        }
        self.mode = Mode::Prompt(prompt);
        Effect::None
    }

    fn submit(&mut self, prompt: Prompt) -> Effect {
        match prompt.kind {
            PromptKind::Search => match Query::new(&prompt.input) {
                Some(query) => {
                    let from = self.place;
                    self.search(&query, from, true);
                    self.query = Some(query);
                }
                None => self.say("empty search"),
            },
            PromptKind::Percent => match prompt.input.trim().parse::<f64>() {
                Ok(pct) if (0.0..=100.0).contains(&pct) => self.go_to_percent(pct),
                _ => self.say(format!("not a percent: {}", prompt.input)),
            },
            PromptKind::Rename(id) => {
                let label = prompt.input.trim().to_owned();
                let selected = self.marks.iter().position(|m| m.id == id).unwrap_or(0);
                self.mode = Mode::Bookmarks { selected };
                if label.is_empty() {
                    return Effect::None;
                }
                return Effect::RenameBookmark { id, label };
            }
        }
        Effect::None
    }
}
