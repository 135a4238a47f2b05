//! `config.toml`'s `language` and the keys of lists and prompts in `[keys]`.

use dogear::{
    Action, Config, Edit, Keymap, Lang, Language, LibraryAction, LibraryModel, Mode, Prompt,
    PromptKind,
};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;

fn press(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// The key map `text` (a config.toml) makes, and its messages.
fn keymap(text: &str) -> (Keymap, Vec<String>) {
    let (config, msgs) = parse(text);
    (Keymap::new(&config.keys).0, msgs)
}

const BOOKMARKS: Mode = Mode::Bookmarks { selected: 0 };

fn parse(text: &str) -> (Config, Vec<String>) {
    Config::parse(text, Path::new("/c/config.toml"), None)
}

#[test]
fn the_language_is_auto_unless_set() {
    assert_eq!(Config::default().language, Language::Auto);
    let (c, msgs) = parse("hyphenate = true\nlanguage = \"de\"\n");
    assert!(msgs.is_empty(), "{msgs:?}");
    assert_eq!(c.language, Language::Is(Lang::German));
    assert_eq!(c.typography().language, Language::Is(Lang::German));
    let (c, _) = parse("language = \"ru\"\n");
    assert_eq!(c.language, Language::Is(Lang::Russian));
}

#[test]
fn an_unknown_language_is_reported_with_its_line_and_auto_is_used() {
    let (c, msgs) = parse("justify = true\nlanguage = \"klingon\"\n");
    assert_eq!(c.language, Language::Auto);
    assert!(c.justify);
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(
        msgs[0].starts_with(
            "/c/config.toml: line 2: unknown language \"klingon\"; auto or one of en-us"
        ),
        "{msgs:?}"
    );
}

#[test]
fn config_prints_the_language_in_effect_and_reads_it_back() {
    let (c, _) = parse("language = \"fr\"\n");
    let shown = c.effective(Keymap::standard());
    assert!(
        shown.contains("# the language: French\nlanguage = \"fr\"\n"),
        "{shown}"
    );
    let (again, msgs) = parse(&shown);
    assert!(msgs.is_empty(), "{msgs:?}");
    assert_eq!(again.language, Language::Is(Lang::French));
    let shown = Config::default().effective(Keymap::standard());
    assert!(shown.contains("guessed from each story"), "{shown}");
    assert!(shown.contains("\nlanguage = \"auto\"\n"), "{shown}");
}

#[test]
fn a_bookmark_list_key_is_rebound_in_config() {
    let (map, msgs) = keymap("[keys]\nlist_delete = [\"x\"]\n");
    assert!(msgs.is_empty(), "{msgs:?}");
    let x = press(KeyCode::Char('x'));
    let d = press(KeyCode::Char('d'));
    assert_eq!(map.action(&BOOKMARKS, &x), Some(Action::Delete));
    assert_eq!(map.action(&BOOKMARKS, &d), None);
    // Only in the lists: while reading x is still nothing, d half a page down.
    assert_eq!(map.action(&Mode::Reading, &x), None);
    assert_eq!(map.action(&Mode::Reading, &d), Some(Action::HalfPageDown));
    // --config lists it, and reads it back.
    let (config, _) = parse("[keys]\nlist_delete = [\"x\"]\n");
    let shown = config.effective(&map);
    assert!(shown.contains("list_delete = [\"x\"]\n"), "{shown}");
}

#[test]
fn a_conflict_inside_a_list_is_reported_with_its_line_and_the_defaults_stay() {
    let text = "max_width = 60\n[keys]\nlist_down = [\"j\"]\nlist_delete = [\"k\"]\n";
    let (map, msgs) = keymap(text);
    assert_eq!(
        msgs,
        [
            "/c/config.toml: line 4: key 'k' is bound to both list_delete and list_up; \
          list_delete keeps its default keys"
        ]
    );
    let d = press(KeyCode::Char('d'));
    let k = press(KeyCode::Char('k'));
    assert_eq!(map.action(&BOOKMARKS, &d), Some(Action::Delete));
    assert_eq!(map.action(&BOOKMARKS, &k), Some(Action::Up));
}

#[test]
fn keys_of_different_contexts_do_not_conflict() {
    // x deletes in the bookmark list and quits while reading.
    let (map, msgs) = keymap("[keys]\nlist_delete = [\"x\"]\nquit = [\"x\"]\n");
    assert!(msgs.is_empty(), "{msgs:?}");
    let x = press(KeyCode::Char('x'));
    assert_eq!(map.action(&BOOKMARKS, &x), Some(Action::Delete));
    assert_eq!(map.action(&Mode::Reading, &x), Some(Action::Quit));
}

#[test]
fn prompt_keys_are_rebound_and_every_character_still_types() {
    let (map, msgs) = keymap("[keys]\nprompt_clear = [\"ctrl-k\"]\nprompt_accept = [\"tab\"]\n");
    assert!(msgs.is_empty(), "{msgs:?}");
    let search = Mode::Prompt(Prompt::new(PromptKind::Search, ""));
    let clear = Action::Edit(Edit::ClearToStart);
    assert_eq!(map.action(&search, &ctrl('k')), Some(clear));
    assert_eq!(map.action(&search, &ctrl('u')), None);
    assert_eq!(
        map.action(&search, &press(KeyCode::Tab)),
        Some(Action::Submit)
    );
    for c in ['q', 'j', 'd', 'x', 'é', ' '] {
        let typed = map.action(&search, &press(KeyCode::Char(c)));
        assert_eq!(typed, Some(Action::Input(c)));
    }
    // A character cannot be a prompt's key: it is reported, and the default stays.
    let (map, msgs) = keymap("[keys]\nprompt_accept = [\n  \"x\",\n]\n");
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(
        msgs[0].starts_with("/c/config.toml: line 3: key 'x' for prompt_accept"),
        "{msgs:?}"
    );
    let enter = press(KeyCode::Enter);
    assert_eq!(map.action(&search, &enter), Some(Action::Submit));
    assert_eq!(
        map.action(&search, &press(KeyCode::Char('x'))),
        Some(Action::Input('x'))
    );
}

#[test]
fn question_keys_are_rebound_for_the_reader_and_the_library() {
    let (map, msgs) = keymap("[keys]\nanswer_yes = [\"j\"]\nanswer_no = [\"esc\", \"n\"]\n");
    assert!(msgs.is_empty(), "{msgs:?}");
    let j = press(KeyCode::Char('j'));
    let y = press(KeyCode::Char('y'));
    let key = |e: &Event| match e {
        Event::Key(k) => dogear::Key::of(k),
        _ => unreachable!(),
    };
    assert_eq!(map.answer(key(&j)), Some(true));
    assert_eq!(map.answer(key(&y)), None);
    let mut model = LibraryModel::new(Vec::new());
    model.confirm_forget = true;
    assert_eq!(
        map.library_action(&model, &j),
        Some(LibraryAction::Confirm(true))
    );
    assert_eq!(
        map.library_action(&model, &y),
        Some(LibraryAction::Confirm(false))
    );
}

#[test]
fn list_and_overlay_closing_follows_list_close() {
    let (map, msgs) = keymap("[keys]\nlist_close = [\"esc\", \"x\"]\n");
    assert!(msgs.is_empty(), "{msgs:?}");
    let x = press(KeyCode::Char('x'));
    let q = press(KeyCode::Char('q'));
    let chapters = Mode::Chapters { selected: 0 };
    for mode in [&chapters, &BOOKMARKS, &Mode::Help] {
        assert_eq!(map.action(mode, &x), Some(Action::Cancel), "{mode:?}");
        assert_eq!(map.action(mode, &q), None, "{mode:?}");
    }
    // The key that opened the list closes it too.
    assert_eq!(
        map.action(&chapters, &press(KeyCode::Char('t'))),
        Some(Action::Cancel)
    );
}
