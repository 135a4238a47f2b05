//! Keys and pastes as data: Ctrl-C quits from every mode, a paste goes into a prompt and
//! is never taken as commands.

use dogear::{Action, Document, Effect, LibraryAction, LibraryModel, PromptKind, Reader};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn reader() -> Reader {
    let text = "# One\n\nThe first chapter.\n\n# Two\n\nThe second chapter.\n";
    Reader::new(Document::from_text(text), "T", (60, 20), 72)
}

fn ctrl_c() -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL))
}

#[test]
fn ctrl_c_quits_from_a_prompt_a_list_and_help() {
    for open in [
        Action::OpenPrompt(PromptKind::Search),
        Action::OpenPrompt(PromptKind::Percent),
        Action::Chapters,
        Action::Help,
    ] {
        let mut r = reader();
        r.update(open.clone());
        let action = dogear::action(r.mode(), &ctrl_c()).expect("Ctrl-C is a key");
        assert_eq!(r.update(action), Effect::Quit, "after {open:?}");
    }
}

#[test]
fn a_paste_types_into_the_prompt_on_one_line() {
    let mut r = reader();
    r.update(Action::OpenPrompt(PromptKind::Search));
    for action in dogear::paste(r.mode(), "second\r\nchap\tter\u{1b}") {
        assert_eq!(r.update(action), Effect::None);
    }
    match r.mode() {
        dogear::Mode::Prompt(p) => assert_eq!(p.input, "second  chap ter"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_paste_while_reading_or_in_the_library_list_does_nothing() {
    let r = reader();
    assert_eq!(dogear::paste(r.mode(), "qqq"), Vec::<Action>::new());
    let mut model = LibraryModel::new(Vec::new());
    assert!(dogear::library_paste(&model, "q").is_empty());
    model.update(LibraryAction::StartFilter);
    assert_eq!(
        dogear::library_paste(&model, "ab"),
        [
            LibraryAction::FilterChar('a'),
            LibraryAction::FilterChar('b')
        ]
    );
}
