//! Keys and mouse events to [`Action`]s: the only place that sees crossterm events.
//!
//! The keys depend on the mode: while reading they are those of less and vim, in a list
//! `j`/`k` move the selection, in a prompt the editing keys edit and every other
//! printable key is input; each from its context's rows of the one table in [`table`]
//! (rebindable in `config.toml`, see [`Keymap`]; adding a key is one row there). A list
//! or overlay also closes with the key that opened it, as rebound. The library's filter
//! line keeps fixed keys.

mod key;
mod keys;
pub mod table;
pub use key::Key;
pub use keys::{Keymap, Rebinding};

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
/// reading: `y` answers yes, `n` or Esc no (the `Questions` rows, as rebound); other keys
/// keep their meaning.
pub fn answer(mode: &Mode, event: &Event) -> Option<Action> {
    let Event::Key(key) = event else {
        return None;
    };
    if key.kind == KeyEventKind::Release || !matches!(mode, Mode::Reading) {
        return None;
    }
    Keymap::current().answer(Key::of(key)).map(Action::Answer)
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
    let k = Key::of(key);
    // An overlay closes with a list's closing keys (Esc, q), or the keys that open it.
    let closes = |opened_by: &[Action]| {
        keymap
            .keys_for(&table::Does::List(Action::Cancel))
            .contains(&k)
            || opened_by.iter().any(|a| keymap.keys_of(a).contains(&k))
    };
    let list = |opened_by: &[Action]| {
        keymap
            .list(k)
            .or_else(|| closes(opened_by).then_some(Action::Cancel))
    };
    match mode {
        Mode::Reading => reading(keymap, key, ctrl),
        Mode::Prompt(_) => keymap.prompt(k).or(match key.code {
            KeyCode::Char(c) if !ctrl => Some(Action::Input(c)),
            _ => None,
        }),
        Mode::Help => closes(&[Action::Help]).then_some(Action::Cancel),
        Mode::Stats(_) => closes(&[Action::Stats]).then_some(Action::Cancel),
        Mode::Chapters { .. } | Mode::Bookmarks { .. } => {
            list(&[Action::Chapters, Action::Bookmarks])
        }
        Mode::Encodings { .. } => list(&[Action::Encodings, Action::Chapters, Action::Bookmarks]),
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
        let k = Key::of(key);
        if model.confirm_forget {
            // Only a yes forgets; any other key is a no.
            return Some(L::Confirm(self.answer(k) == Some(true)));
        }
        if model.marks.is_some() {
            // Closed as any list is (list_close), or by the key that opened it.
            let close = self.list(k) == Some(Action::Cancel)
                || self.library_keys_of(L::Bookmarks).contains(&k);
            return match self.library(k) {
                Some(L::Open) => Some(L::Open),
                _ if close => Some(L::CloseMarks),
                _ => self.moving(k),
            };
        }
        if model.filtering {
            // The filter is a prompt: its accept, cancel and backspace keys, the library's
            // keep-the-filter key, the moving keys that type nothing; characters type.
            match self.prompt(k) {
                Some(Action::Submit) => return Some(L::Open),
                Some(Action::Cancel) => return Some(L::FilterCancel),
                Some(Action::Backspace) => return Some(L::FilterBackspace),
                Some(_) => return None,
                None => {}
            }
            if self.library_keys_of(L::FilterDone).contains(&k) {
                return Some(L::FilterDone);
            }
            return match key.code {
                KeyCode::Char(c) if !ctrl => Some(L::FilterChar(c)),
                _ => self.moving(k),
            };
        }
        self.library(k).or_else(|| match key.code {
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
    fn the_filter_line_and_the_librarys_marks_take_the_tables_keys_as_rebound() {
        let rebind = |action: &str, line: usize, keys: &[&str]| Rebinding {
            action: action.into(),
            line,
            keys: keys.iter().map(|k| ((*k).to_owned(), line)).collect(),
        };
        let (map, problems) = Keymap::new(&[
            rebind("library_filter_keep", 2, &["f2"]),
            rebind("prompt_cancel", 3, &["ctrl-g"]),
            rebind("list_close", 4, &["x"]),
        ]);
        assert!(problems.is_empty(), "{problems:?}");
        let mut model = LibraryModel::new(Vec::new());
        model.filtering = true;
        let at = |code| key(code, KeyModifiers::NONE);
        let ctrl_g = key(KeyCode::Char('g'), KeyModifiers::CONTROL);
        assert_eq!(
            map.library_action(&model, &at(KeyCode::F(2))),
            Some(LibraryAction::FilterDone)
        );
        assert_eq!(map.library_action(&model, &at(KeyCode::Tab)), None);
        assert_eq!(
            map.library_action(&model, &ctrl_g),
            Some(LibraryAction::FilterCancel)
        );
        // What no longer cancels types, or does nothing.
        assert_eq!(map.library_action(&model, &at(KeyCode::Esc)), None);
        assert_eq!(
            map.library_action(&model, &plain('x')),
            Some(LibraryAction::FilterChar('x'))
        );
        assert_eq!(
            map.library_action(&model, &at(KeyCode::Down)),
            Some(LibraryAction::Down)
        );
        model.filtering = false;
        model.marks = Some(crate::library::MarkList {
            entry: 0,
            rows: Vec::new(),
            selected: 0,
        });
        assert_eq!(
            map.library_action(&model, &plain('x')),
            Some(LibraryAction::CloseMarks)
        );
        assert_ne!(
            map.library_action(&model, &plain('q')),
            Some(LibraryAction::CloseMarks)
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
