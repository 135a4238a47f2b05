//! Nothing from a story reaches the terminal as a command: every output of every command
//! (the page, the lists, the status bar, the library, `--print`, `--bookmarks`, stderr)
//! is free of C0 controls but `\n`, C1 controls and bidi controls, whatever the input.

use assert_cmd::Command;
use dogear::{
    sanitise, Action, Anchor, BookState, Bookmark, Document, Entry, LibraryModel, LibraryScreen,
    Mark, PromptKind, Reader, Source,
};
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::fs;

/// Story-ish text laced with everything a terminal could take as a command.
fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-zA-Z ,.]{1,12}",
        1 => Just("\n".to_owned()),
        1 => Just("\n\n# Chapter\n\n".to_owned()),
        1 => Just("\n\nCHAPTER IV.\u{9b}2J \u{202e}The End\n\n".to_owned()),
        1 => Just("\u{1b}[2J\u{1b}]0;pwned\u{7}".to_owned()),
        1 => Just("\u{9b}31m\u{85}\u{90}\u{9d}".to_owned()),
        1 => Just("\u{202e}\u{2066}\u{200b}\u{feff}\u{200f}".to_owned()),
        1 => Just("\r\u{8}\t\u{7f}".to_owned()),
        1 => any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 1..40).prop_map(|v| v.concat())
}

fn cells(terminal: &Terminal<TestBackend>) -> String {
    terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect()
}

fn reader_screens(story: &str, label: &str) -> Vec<String> {
    let mut reader = Reader::new(Document::from_text(story), label, (60, 20), 72);
    reader.set_marks(vec![Mark {
        id: "1".into(),
        offset: 0,
        label: label.into(),
        when: Default::default(),
    }]);
    reader.say(label);
    let mut screens = Vec::new();
    let mut terminal = Terminal::new(TestBackend::new(60, 20)).unwrap();
    let mut draw = |reader: &Reader| {
        terminal
            .draw(|f| f.render_widget(reader, f.area()))
            .unwrap();
        screens.push(cells(&terminal));
    };
    draw(&reader);
    for action in [Action::Chapters, Action::Cancel, Action::Bookmarks] {
        reader.update(action);
        draw(&reader);
    }
    reader.update(Action::Cancel);
    reader.update(Action::OpenPrompt(PromptKind::Search));
    for c in label.chars() {
        reader.update(Action::Input(c));
    }
    draw(&reader);
    screens
}

fn library_screen(title: &str) -> String {
    let entry = Entry {
        title: title.into(),
        path: None,
        source: Source::Folder,
        percent: Some(12.0),
        last_read: None,
        missing: false,
    };
    let mut model = LibraryModel::new(vec![entry]);
    model.message = Some(title.into());
    let mut terminal = Terminal::new(TestBackend::new(70, 10)).unwrap();
    terminal
        .draw(|f| {
            f.render_widget(
                LibraryScreen {
                    model: &model,
                    now: 0,
                    keys: &dogear::Keymap::standard().help(),
                },
                f.area(),
            )
        })
        .unwrap();
    cells(&terminal)
}

fn listings(label: &str, quote: &str) -> [String; 2] {
    let mut state = BookState::new("fp".into(), "/s".into(), label.into());
    let anchor = |after: &str| Anchor {
        file: None,
        offset: 3,
        percent: 1.0,
        before: String::new(),
        after: after.into(),
    };
    state
        .bookmarks
        .push(Bookmark::new("a".into(), anchor(quote), label.into(), 0));
    state
        .bookmarks
        .push(Bookmark::new("b".into(), anchor(quote), String::new(), 0));
    [
        dogear::bookmarks_listing(&state, false),
        dogear::bookmarks_listing(&state, true),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_output_holds_a_control_character_from_the_input(story in hostile(), label in hostile()) {
        let mut printed = Vec::new();
        dogear::print(&Document::from_text(&story), 30, &mut printed).unwrap();
        let printed = String::from_utf8(printed).unwrap();
        prop_assert!(sanitise::is_clean(&printed), "--print: {printed:?}");
        for json in [false, true] {
            let toc = dogear::toc_listing(&Document::from_text(&story), json);
            prop_assert!(sanitise::is_clean(&toc), "--toc: {toc:?}");
        }
        for screen in reader_screens(&story, &label) {
            prop_assert!(sanitise::is_clean(&screen), "reader: {screen:?}");
        }
        let library = library_screen(&label);
        prop_assert!(sanitise::is_clean(&library), "library: {library:?}");
        for listing in listings(&label, &story) {
            prop_assert!(sanitise::is_clean(&listing), "--bookmarks: {listing:?}");
        }
        let error = dogear::error_line(&label);
        prop_assert!(sanitise::is_clean(&error) && !error.contains('\n'), "stderr: {error:?}");
    }
}

#[test]
fn bookmarks_json_keeps_a_hostile_label_exactly_but_escaped() {
    let label = "x\u{85}\u{202e}y";
    let [_, json] = listings(label, "quote");
    assert!(sanitise::is_clean(&json), "{json}");
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(rows[0]["label"], label);
}

/// The bytes windows-1252 leaves undefined decode to C1 controls; `--print` used to write
/// them straight to the terminal, and an UTF-8 story's ESC sequences and bidi overrides too.
#[test]
fn print_writes_no_c1_control_from_windows_1252_and_no_bidi_override() {
    let dir = tempfile::tempdir().unwrap();
    let legacy = dir.path().join("legacy.txt");
    let mut bytes =
        b"The caf\xe9 sign read \x93open\x94 \x81\x8d\x8f\x90\x9d all night.\n".to_vec();
    bytes.extend(b"\nAnother line so that detection has text to read, na\xefve.\n".repeat(4));
    fs::write(&legacy, bytes).unwrap();
    let utf8 = dir.path().join("utf8.txt");
    fs::write(
        &utf8,
        "A line \u{9b}2J with \u{202e}reversed\u{202c} text and \u{85} a next-line.\n",
    )
    .unwrap();
    for (path, encoding) in [(&legacy, "windows-1252"), (&utf8, "utf-8")] {
        let out = Command::cargo_bin("dogear")
            .unwrap()
            .env("DOGEAR_CONFIG_DIR", dir.path().join("config"))
            .args(["--print", "--encoding", encoding])
            .arg(path)
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(sanitise::is_clean(&text), "{text:?}");
        assert!(
            text.contains('\u{fffd}'),
            "the controls leave a visible mark: {text:?}"
        );
    }
}
