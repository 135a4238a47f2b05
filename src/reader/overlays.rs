//! The reader's modes over the page: prompts, the chapter and bookmark lists, help.

use super::{Action, Effect, Mode, Prompt, PromptKind, Reader};
use crate::search::Query;

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
                let len = self.chapters().len();
                match self.list(selected, len, &action) {
                    Ok(selected) => self.mode = Mode::Chapters { selected },
                    Err(Some(chosen)) => self.go_to_chapter(self.chapters()[chosen].offset),
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
        if self.chapters().is_empty() {
            self.say("no chapters found in this story");
            return;
        }
        let selected = crate::toc::current(self.chapters(), self.chapter_place()).unwrap_or(0);
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
            .rposition(|m| m.offset <= self.whole_place())
            .unwrap_or(0);
        self.mode = Mode::Bookmarks { selected };
    }

    fn bookmarks(&mut self, selected: usize, action: Action) -> Effect {
        if action == Action::Undo {
            self.mode = Mode::Bookmarks { selected };
            return self.undo_delete();
        }
        let Some(mark) = self.marks.get(selected).cloned() else {
            // The last one was deleted: the empty list stays up for `u`, Esc closes it.
            if !matches!(action, Action::Cancel | Action::Quit | Action::Submit) {
                self.mode = Mode::Bookmarks { selected };
            }
            return Effect::None;
        };
        match action {
            Action::Delete => {
                self.mode = Mode::Bookmarks { selected };
                self.say(format!("deleted bookmark: {} (u undoes)", mark.label));
                let id = mark.id.clone();
                self.deleted.push(mark);
                return Effect::DeleteBookmark { id };
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
                // Bookmarks are of the whole text: on a window, one may lie beyond it.
                match self.partial.is_some() {
                    true => self.go_whole(offset),
                    false => self.jump(offset),
                }
            }
            Err(None) => {}
        }
        Effect::None
    }

    /// `u` in the bookmark list: brings back the bookmark deleted last.
    fn undo_delete(&mut self) -> Effect {
        match self.deleted.pop() {
            Some(mark) => {
                self.say(format!("bookmark back: {}", mark.label));
                let id = mark.id.clone();
                // Shown at once, selected; the shell's list replaces this one.
                let mut marks = self.marks.clone();
                marks.push(mark);
                self.set_marks(marks);
                if let Some(i) = self.marks.iter().position(|m| m.id == id) {
                    self.mode = Mode::Bookmarks { selected: i };
                }
                Effect::RestoreBookmark { id }
            }
            None => {
                self.say("no deleted bookmark to bring back");
                Effect::None
            }
        }
    }

    /// Goes to the bookmark with this id (`dogear --bookmark NAME`), remembering the
    /// place left for `` ` ``.
    pub(super) fn open_mark(&mut self, id: &str) {
        match self.marks.iter().find(|m| m.id == id) {
            Some(mark) => {
                let (offset, label) = (mark.offset, mark.label.clone());
                self.jump(offset);
                self.say(format!("at bookmark: {label} (` goes back)"));
            }
            None => self.say("that bookmark is gone"),
        }
    }

    /// Esc in a prompt closes it and nothing more: a rename goes back to the list.
    fn close_prompt(&mut self, prompt: Prompt) {
        if let PromptKind::Rename(id) = prompt.kind {
            let selected = self.marks.iter().position(|m| m.id == id).unwrap_or(0);
            self.mode = Mode::Bookmarks { selected };
        }
    }

    fn prompt(&mut self, mut prompt: Prompt, action: Action) -> Effect {
        match action {
            Action::Input(c)
                if match prompt.kind {
                    PromptKind::Percent => c.is_ascii_digit() || c == '.',
                    PromptKind::Page => c.is_ascii_digit(),
                    _ => true,
                } =>
            {
                prompt.insert(c);
            }
            Action::Digit(d) => prompt.insert(char::from(b'0' + d)),
            // On an empty prompt, nothing: one Backspace too many must not close it (and
            // send the next keys to the page as commands).
            Action::Backspace => {
                prompt.backspace();
            }
            Action::Edit(edit) => prompt.edit(edit),
            Action::Cancel => {
                self.close_prompt(prompt);
                return Effect::None;
            }
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
            PromptKind::Page => match prompt.input.trim().parse::<u32>() {
                Ok(page) => self.go_to_page(page),
                Err(_) => self.say(format!("not a page number: {}", prompt.input)),
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
