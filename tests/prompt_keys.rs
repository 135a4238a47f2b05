//! The keys of a prompt, the bookmark list and the library's `B`, as the keymap reads them.

use dogear::{
    action, library_action, Action, Edit, LibraryAction, LibraryModel, Mode, Prompt, PromptKind,
};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers,
};

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

#[test]
fn prompt_editing_keys() {
    let mode = Mode::Prompt(Prompt::new(PromptKind::Rename("a".into()), "old"));
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    let table = [
        (key(KeyCode::Left, none), Action::Edit(Edit::Left)),
        (key(KeyCode::Right, none), Action::Edit(Edit::Right)),
        (key(KeyCode::Home, none), Action::Edit(Edit::Home)),
        (key(KeyCode::End, none), Action::Edit(Edit::End)),
        (
            key(KeyCode::Delete, none),
            Action::Edit(Edit::DeleteForward),
        ),
        (
            key(KeyCode::Char('u'), ctrl),
            Action::Edit(Edit::ClearToStart),
        ),
        (
            key(KeyCode::Char('w'), ctrl),
            Action::Edit(Edit::DeleteWord),
        ),
        (key(KeyCode::Backspace, none), Action::Backspace),
        (key(KeyCode::Char('u'), none), Action::Input('u')),
        (key(KeyCode::Esc, none), Action::Cancel),
    ];
    for (event, want) in table {
        assert_eq!(action(&mode, &event), Some(want), "{event:?}");
    }
}

#[test]
fn u_undoes_in_the_bookmark_list_and_b_lists_bookmarks_in_the_library() {
    let list = Mode::Bookmarks { selected: 0 };
    let u = key(KeyCode::Char('u'), KeyModifiers::NONE);
    assert_eq!(action(&list, &u), Some(Action::Undo));
    let mut model = LibraryModel::new(Vec::new());
    let b = key(KeyCode::Char('B'), KeyModifiers::SHIFT);
    assert_eq!(library_action(&model, &b), Some(LibraryAction::Bookmarks));
    model.show_marks(0, Vec::new());
    model.marks = Some(dogear::MarkList {
        entry: 0,
        rows: Vec::new(),
        selected: 0,
    });
    let esc = key(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(
        library_action(&model, &esc),
        Some(LibraryAction::CloseMarks)
    );
    assert_eq!(library_action(&model, &b), Some(LibraryAction::CloseMarks));
}
