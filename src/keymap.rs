//! Keys and mouse events to [`Action`]s: the only place that sees crossterm events.
//!
//! The keys depend on the mode: in a prompt every printable key is input, in a list
//! `j`/`k` move the selection, and while reading the keys are those of less and vim,
//! from the one table in [`table`] (rebindable in `config.toml`, see [`Keymap`]; adding
//! a key is one row there). Lists, prompts and the library keep fixed keys; a list or
//! overlay also closes with the key that opened it, as rebound.

mod keys;
pub mod table;
pub use keys::{Key, Keymap, Problem, Rebinding};

use crate::library::{LibraryAction, LibraryModel};
use crate::reader::{Action, Mode};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};

/// The action for a terminal event in `mode`, if any, with the key map in effect
/// ([`Keymap::current`]).
pub fn action(mode: &Mode, event: &Event) -> Option<Action> {
    Keymap::current().action(mode, event)
}

impl Keymap {
    /// The action for a terminal event in `mode`, if any.
    pub fn action(&self, mode: &Mode, event: &Event) -> Option<Action> {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => key_action(self, mode, key),
            _ => other_action(mode, event),
        }
    }
}

fn other_action(mode: &Mode, event: &Event) -> Option<Action> {
    match event {
        Event::Mouse(mouse) => mouse_action(mode, mouse),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

/// While a question is on the page (see [`crate::reader::Question`]) and the reader is
/// reading: `y` answers yes, `n` or Esc no; other keys keep their meaning.
pub fn answer(mode: &Mode, event: &Event) -> Option<Action> {
    let Event::Key(key) = event else {
        return None;
    };
    if key.kind == KeyEventKind::Release || !matches!(mode, Mode::Reading) {
        return None;
    }
    match key.code {
        KeyCode::Char('y' | 'Y') => Some(Action::Answer(true)),
        KeyCode::Char('n' | 'N') | KeyCode::Esc => Some(Action::Answer(false)),
        _ => None,
    }
}

/// The actions for pasted text (bracketed paste) in `mode`: in a prompt, the text typed
/// in, each line break or tab as a space and other control characters left out (a paste
/// never submits the prompt). Anywhere else a paste does nothing: pasted text is not a
/// string of commands.
pub fn paste(mode: &Mode, text: &str) -> Vec<Action> {
    match mode {
        Mode::Prompt(_) => pasted_chars(text).map(Action::Input).collect(),
        _ => Vec::new(),
    }
}

/// The library's actions for pasted text: into the filter, while it has the keyboard.
pub fn library_paste(model: &LibraryModel, text: &str) -> Vec<LibraryAction> {
    if model.filtering && !model.confirm_forget {
        pasted_chars(text).map(LibraryAction::FilterChar).collect()
    } else {
        Vec::new()
    }
}

fn pasted_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control())
}

fn mouse_action(mode: &Mode, mouse: &MouseEvent) -> Option<Action> {
    let reading = matches!(mode, Mode::Reading);
    match mouse.kind {
        MouseEventKind::ScrollDown if reading => Some(Action::WheelDown),
        MouseEventKind::ScrollUp if reading => Some(Action::WheelUp),
        MouseEventKind::ScrollDown => Some(Action::Down),
        MouseEventKind::ScrollUp => Some(Action::Up),
        _ => None,
    }
}

fn key_action(keymap: &Keymap, mode: &Mode, key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    // An overlay closes with Esc, q, or the keys that open it.
    let closes = |opened_by: &[Action]| {
        matches!(key.code, KeyCode::Esc | KeyCode::Char('q') if !ctrl)
            || opened_by
                .iter()
                .any(|a| keymap.keys_of(a).contains(&Key::of(key)))
    };
    match mode {
        Mode::Reading => reading(keymap, key, ctrl),
        Mode::Prompt(_) => prompt(key.code, ctrl),
        Mode::Help => closes(&[Action::Help]).then_some(Action::Cancel),
        Mode::Stats(_) => closes(&[Action::Stats]).then_some(Action::Cancel),
        Mode::Chapters { .. } | Mode::Bookmarks { .. } => list(key.code, ctrl)
            .or_else(|| closes(&[Action::Chapters, Action::Bookmarks]).then_some(Action::Cancel)),
        Mode::Encodings { .. } => {
            if closes(&[Action::Encodings, Action::Chapters, Action::Bookmarks]) {
                Some(Action::Cancel)
            } else {
                list(key.code, ctrl)
            }
        }
    }
}

/// While reading: the key map's action, else a digit of a count (`50%`, `123g`), else
/// Esc (closes a message or a search's highlights).
fn reading(keymap: &Keymap, key: &KeyEvent, ctrl: bool) -> Option<Action> {
    if let Some(action) = keymap.reading(Key::of(key)) {
        return Some(action);
    }
    match key.code {
        _ if ctrl => None,
        KeyCode::Char(c @ '0'..='9') => Some(Action::Digit(c as u8 - b'0')),
        KeyCode::Esc => Some(Action::Cancel),
        _ => None,
    }
}

fn prompt(code: KeyCode, ctrl: bool) -> Option<Action> {
    use crate::reader::Edit;
    Some(match code {
        KeyCode::Char('u') if ctrl => Action::Edit(Edit::ClearToStart),
        KeyCode::Char('w') if ctrl => Action::Edit(Edit::DeleteWord),
        KeyCode::Char('a') if ctrl => Action::Edit(Edit::Home),
        KeyCode::Char('e') if ctrl => Action::Edit(Edit::End),
        KeyCode::Char(c) if !ctrl => Action::Input(c),
        KeyCode::Backspace => Action::Backspace,
        KeyCode::Delete => Action::Edit(Edit::DeleteForward),
        KeyCode::Left => Action::Edit(Edit::Left),
        KeyCode::Right => Action::Edit(Edit::Right),
        KeyCode::Home => Action::Edit(Edit::Home),
        KeyCode::End => Action::Edit(Edit::End),
        KeyCode::Enter => Action::Submit,
        KeyCode::Esc => Action::Cancel,
        _ => return None,
    })
}

fn list(code: KeyCode, ctrl: bool) -> Option<Action> {
    Some(match code {
        KeyCode::Char('f') if ctrl => Action::PageDown,
        KeyCode::Char('b') if ctrl => Action::PageUp,
        _ if ctrl => return None,
        KeyCode::Char('j') | KeyCode::Down => Action::Down,
        KeyCode::Char('k') | KeyCode::Up => Action::Up,
        KeyCode::PageDown | KeyCode::Char(' ') => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::Char('g') | KeyCode::Home => Action::Top,
        KeyCode::Char('G') | KeyCode::End => Action::Bottom,
        KeyCode::Enter => Action::Submit,
        KeyCode::Char('d') => Action::Delete,
        KeyCode::Char('r') => Action::Rename,
        KeyCode::Char('u') => Action::Undo,
        _ => return None,
    })
}

/// The action for a terminal event on the library screen, if any, with the key map in
/// effect. While the filter line has the keyboard, printable keys go into the filter.
pub fn library_action(model: &LibraryModel, event: &Event) -> Option<LibraryAction> {
    Keymap::current().library_action(model, event)
}

impl Keymap {
    /// The action for a terminal event on the library screen, if any: the library's rows
    /// of the table, then the reader's moving keys; while filtering, fixed keys.
    pub fn library_action(&self, model: &LibraryModel, event: &Event) -> Option<LibraryAction> {
        use LibraryAction as L;
        let key = match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => key,
            Event::Mouse(m) if m.kind == MouseEventKind::ScrollDown => return Some(L::Down),
            Event::Mouse(m) if m.kind == MouseEventKind::ScrollUp => return Some(L::Up),
            _ => return None,
        };
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            return Some(L::Quit);
        }
        if model.confirm_forget {
            return Some(L::Confirm(matches!(key.code, KeyCode::Char('y' | 'Y'))));
        }
        let k = Key::of(key);
        if model.marks.is_some() {
            let close = matches!(key.code, KeyCode::Esc | KeyCode::Char('q'))
                || self.shelf_keys_of(L::Bookmarks).contains(&k);
            return match self.shelf(k) {
                Some(L::Open) => Some(L::Open),
                _ if close => Some(L::CloseMarks),
                _ => self.moving(k),
            };
        }
        if model.filtering {
            return match key.code {
                KeyCode::Enter => Some(L::Open),
                KeyCode::Down => Some(L::Down),
                KeyCode::Up => Some(L::Up),
                KeyCode::PageDown => Some(L::PageDown),
                KeyCode::PageUp => Some(L::PageUp),
                KeyCode::Char(c) if !ctrl => Some(L::FilterChar(c)),
                KeyCode::Backspace => Some(L::FilterBackspace),
                KeyCode::Tab => Some(L::FilterDone),
                KeyCode::Esc => Some(L::FilterCancel),
                _ => None,
            };
        }
        self.shelf(k).or_else(|| match key.code {
            KeyCode::Esc if !model.filter.is_empty() => Some(L::FilterCancel),
            KeyCode::Esc => Some(L::Quit),
            _ => self.moving(k),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn y_and_n_answer_a_question_only_while_reading() {
        assert_eq!(
            answer(&Mode::Reading, &plain('y')),
            Some(Action::Answer(true))
        );
        assert_eq!(
            answer(&Mode::Reading, &plain('n')),
            Some(Action::Answer(false))
        );
        assert_eq!(answer(&Mode::Reading, &plain(' ')), None);
        assert_eq!(answer(&Mode::Help, &plain('y')), None);
    }
    use crate::reader::{Prompt, PromptKind};
    use ratatui::crossterm::event::KeyEventState;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        })
    }

    fn plain(c: char) -> Event {
        key(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn reading_keys_follow_less_and_vim() {
        let table = [
            (plain(' '), Action::PageDown),
            (key(KeyCode::PageDown, KeyModifiers::NONE), Action::PageDown),
            (
                key(KeyCode::Char('f'), KeyModifiers::CONTROL),
                Action::PageDown,
            ),
            (plain('b'), Action::PageUp),
            (
                key(KeyCode::Char('b'), KeyModifiers::CONTROL),
                Action::PageUp,
            ),
            (plain('j'), Action::LineDown),
            (key(KeyCode::Enter, KeyModifiers::NONE), Action::LineDown),
            (plain('G'), Action::Bottom),
            (plain('5'), Action::Digit(5)),
            (plain('%'), Action::Percent),
            (plain(':'), Action::OpenPrompt(PromptKind::Page)),
            (plain('`'), Action::JumpBack),
            (plain('E'), Action::Encodings),
            (plain('T'), Action::CycleTheme),
            (key(KeyCode::Char('c'), KeyModifiers::CONTROL), Action::Quit),
        ];
        for (event, want) in table {
            assert_eq!(action(&Mode::Reading, &event), Some(want), "{event:?}");
        }
        assert_eq!(
            action(&Mode::Reading, &plain('z')),
            None,
            "unknown keys do nothing"
        );
    }

    #[test]
    fn the_encoding_picker_moves_like_a_list_and_e_or_escape_closes_it() {
        let mode = Mode::Encodings { selected: 0 };
        assert_eq!(action(&mode, &plain('j')), Some(Action::Down));
        assert_eq!(action(&mode, &plain('E')), Some(Action::Cancel));
        let enter = key(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(action(&mode, &enter), Some(Action::Submit));
    }

    #[test]
    fn a_prompt_takes_every_printable_key_as_input() {
        let mode = Mode::Prompt(Prompt::new(PromptKind::Search, ""));
        assert_eq!(action(&mode, &plain('q')), Some(Action::Input('q')));
        assert_eq!(action(&mode, &plain('j')), Some(Action::Input('j')));
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action(&mode, &ctrl_c), Some(Action::Quit));
    }

    #[test]
    fn lists_move_with_j_and_k_and_close_with_escape() {
        let mode = Mode::Chapters { selected: 0 };
        assert_eq!(action(&mode, &plain('j')), Some(Action::Down));
        assert_eq!(action(&mode, &plain('k')), Some(Action::Up));
        assert_eq!(
            action(&mode, &key(KeyCode::Esc, KeyModifiers::NONE)),
            Some(Action::Cancel)
        );
    }

    #[test]
    fn library_keys_and_the_filter_line() {
        let mut model = LibraryModel::new(Vec::new());
        assert_eq!(
            library_action(&model, &plain('q')),
            Some(LibraryAction::Quit)
        );
        assert_eq!(
            library_action(&model, &plain('/')),
            Some(LibraryAction::StartFilter)
        );
        model.filtering = true;
        assert_eq!(
            library_action(&model, &plain('q')),
            Some(LibraryAction::FilterChar('q'))
        );
        let enter = key(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(library_action(&model, &enter), Some(LibraryAction::Open));
        model.filtering = false;
        model.confirm_forget = true;
        assert_eq!(
            library_action(&model, &plain('y')),
            Some(LibraryAction::Confirm(true))
        );
        assert_eq!(
            library_action(&model, &plain('x')),
            Some(LibraryAction::Confirm(false))
        );
    }

    #[test]
    fn key_releases_are_ignored_and_resizes_pass_through() {
        let Event::Key(mut release) = plain(' ') else {
            unreachable!()
        };
        release.kind = KeyEventKind::Release;
        assert_eq!(action(&Mode::Reading, &Event::Key(release)), None);
        let resize = Event::Resize(50, 20);
        assert_eq!(
            action(&Mode::Help, &resize),
            Some(Action::Resize {
                width: 50,
                height: 20
            })
        );
    }
}
